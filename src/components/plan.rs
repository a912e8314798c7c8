//! My plan: the give/receive profile of the latest check, the direction in gentle words, the steps that
//! fit, and how this check compares with the one before.

use super::action_list::ActionList;
use super::hooks::focus::Focus;
use super::profile_chart::{ProfileChart, ScoreText};
use super::safety_note::SafetyNote;
use super::widget::use_widget;
use crate::core::content::fill;
use crate::core::document::View;
use crate::core::scoring::{direction_paragraphs, learn_links, profile, recommend, Profile};
use crate::core::state::Action;
use crate::web::format_date;
use yew::prelude::*;

#[component]
pub fn Plan() -> Html {
    let widget = use_widget();
    let content = widget.content();
    let ui = &content.ui;
    let state = &widget.state;
    let go_to_quiz = {
        let widget = widget.clone();
        move |_| widget.send_then_focus(Action::Navigate(View::Quiz), Focus::Legend)
    };
    let help = html! { <p class="rw-help">{ ui.help_line }</p> };

    let mut finished = state.doc.quiz.finished();
    let Some(latest) = finished.next() else {
        let text = if state.current().is_some() {
            &ui.plan_in_progress
        } else {
            &ui.plan_empty
        };
        return html! {
            <div class="rw-plan">
                <p>{ *text }</p>
                if widget.shows(View::Quiz) {
                    <div class="rw-buttons">
                        <button type="button" class="rw-button" onclick={go_to_quiz}>{ ui.go_to_quiz }</button>
                    </div>
                }
                { help }
            </div>
        };
    };
    let now = profile(content, latest);
    let before = finished.next().map(|a| profile(content, a));
    let recommendations = recommend(content, &now);
    // Two or three passages of "Learn more" that fit these answers and who the check was about.
    let links = learn_links(content, &now, latest.context);
    let date = format_date(latest.finished.unwrap_or(latest.started), &content.lang);

    let retake = {
        let widget = widget.clone();
        move |_| widget.send_then_focus(Action::Retake, Focus::ViewHeading)
    };

    html! {
        <div class="rw-plan">
            <p>{ fill(ui.plan_taken_on, &[("date", &date)]) }</p>
            <p class="rw-note">{ ui.plan_reflection_note }</p>
            // Before any suggestion: for a visitor the other person frightens, controls or hurts, none
            // of what follows applies.
            <SafetyNote level={3} />

            <section class="rw-plan-section" aria-labelledby={widget.id("direction")}>
                <h3 id={widget.id("direction")}>{ ui.direction_heading }</h3>
                for paragraph in direction_paragraphs(content, &now) {
                    <p>{ paragraph }</p>
                }
            </section>

            <ProfileChart profile={now.clone()} />

            <section class="rw-plan-section" aria-labelledby={widget.id("recommended")}>
                <h3 id={widget.id("recommended")}>{ ui.recommended_heading }</h3>
                if recommendations.is_empty() {
                    <p>{ ui.direction_unknown }</p>
                } else {
                    <p>{ ui.recommended_intro }</p>
                    <ol class="rw-recommendations">
                        for rec in recommendations.iter() {
                            if let Some(step) = content.step(rec.step) {
                                <li key={step.id} class="rw-recommendation">
                                    <h4>
                                        <span class="rw-step-letter" aria-hidden="true">{ step.letter }</span>
                                        { step.title }
                                    </h4>
                                    <p class="rw-step-summary">{ step.summary }</p>
                                    <ul class="rw-reasons">
                                        for reason in rec.reasons_in_words(content) {
                                            <li>{ reason }</li>
                                        }
                                    </ul>
                                    <ActionList step={step} giver_first={rec.protects_giver()} />
                                    if widget.shows(View::Checklist) {
                                        <button
                                            type="button"
                                            class="rw-link"
                                            onclick={
                                                let widget = widget.clone();
                                                let target = Focus::Step(step.id);
                                                move |_| widget.send_then_focus(
                                                    Action::Navigate(View::Checklist),
                                                    target,
                                                )
                                            }
                                        >
                                            { fill(ui.go_to_step, &[("step", &step.title)]) }
                                        </button>
                                    }
                                </li>
                            }
                        }
                    </ol>
                }
            </section>

            if !links.is_empty() {
                <section class="rw-plan-section" aria-labelledby={widget.id("plan-learn")}>
                    <h3 id={widget.id("plan-learn")}>{ ui.plan_learn_heading }</h3>
                    <p>{ ui.plan_learn_intro }</p>
                    <ul class="rw-learn-links">
                        for (id, name) in links {
                            <li key={id}>
                                <button
                                    type="button"
                                    class="rw-link"
                                    data-focus={Focus::LearnLink(id).attr()}
                                    onclick={
                                        let learn = widget.learn.clone();
                                        move |_| learn.open(Some(id))
                                    }
                                >
                                    { name }
                                </button>
                            </li>
                        }
                    </ul>
                </section>
            }

            if let Some(before) = before {
                <Comparison before={before} now={now.clone()} />
            }

            <div class="rw-buttons">
                if let Some(cta) = &widget.config.cta {
                    // Checked to be http(s) when the attribute was read; opens the clinic's own page.
                    <a class="rw-button rw-cta" href={cta.url.clone()}>
                        { cta.label.clone().unwrap_or_else(|| ui.cta_default.to_string()) }
                    </a>
                }
                if widget.shows(View::Quiz) {
                    <button type="button" class="rw-button rw-button-quiet" onclick={retake}>{ ui.retake }</button>
                }
            </div>
            { help }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ComparisonProps {
    before: Profile,
    now: Profile,
}

/// Last time and now, per form, as a table.
#[component]
fn Comparison(props: &ComparisonProps) -> Html {
    let widget = use_widget();
    let content = widget.content();
    let ui = &content.ui;
    html! {
        <section class="rw-plan-section" aria-labelledby={widget.id("compare")}>
            <h3 id={widget.id("compare")}>{ ui.compare_heading }</h3>
            <div class="rw-table-wrap" tabindex="0" role="region" aria-label={ui.compare_heading}>
                <table class="rw-table">
                    <thead>
                        <tr>
                            <th scope="col">{ ui.form_column }</th>
                            <th scope="col">{ ui.last_time }</th>
                            <th scope="col">{ ui.now }</th>
                        </tr>
                    </thead>
                    <tbody>
                        for (then, now) in props.before.forms.iter().zip(props.now.forms.iter()) {
                            <tr>
                                <th scope="row">{ content.form(now.form).map(|f| f.name).unwrap_or_default() }</th>
                                <td><ScoreText score={then.clone()} /></td>
                                <td><ScoreText score={now.clone()} /></td>
                            </tr>
                        }
                    </tbody>
                </table>
            </div>
        </section>
    }
}
