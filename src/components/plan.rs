//! My plan: the give/receive profile of the latest check, the direction in gentle words, the steps that
//! fit, how two checks compare (the last two, or any two with the `history` module, which also shows
//! the checks over time and lets the visitor remove one), and a page to print (`print`).

use super::action_list::ActionList;
use super::history::{checks, over_time, CompareChecks, PastChecks};
use super::hooks::focus::Focus;
use super::print_summary::PrintPlan;
use super::profile_chart::ProfileChart;
use super::safety_note::SafetyNote;
use super::widget::use_widget;
use crate::core::content::fill;
use crate::core::document::View;
use crate::core::scoring::{direction_paragraphs, learn_links, profile, recommend};
use crate::core::state::Action;
use crate::web::format_date;
use std::rc::Rc;
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
    // The finished checks with their profiles and dates, worked out again only when the checks or the
    // language change (not on every tick of the checklist).
    let history = use_memo((state.doc.quiz.clone(), content.lang), move |(quiz, _)| {
        Rc::new(checks(content, quiz))
    });
    let history: Rc<_> = (*history).clone();

    let Some(latest) = state.doc.quiz.finished().next() else {
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

            if history.len() > 1 {
                <CompareChecks checks={history.clone()} pick={widget.config.history} />
                if widget.config.history {
                    { over_time(&widget, &history) }
                }
            }
            if widget.config.history {
                <PastChecks checks={history.clone()} />
            }
            if widget.config.print {
                <PrintPlan profile={now.clone()} recommendations={recommendations.clone()} date={date.clone()} />
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
