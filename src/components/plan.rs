//! My plan: the give/receive profile of the latest check, the direction in gentle words, the steps that
//! fit, and how this check compares with the one before.

use super::action_list::ActionList;
use super::hooks::focus::Focus;
use super::profile_chart::{ProfileChart, ScoreText};
use super::safety_note::SafetyNote;
use super::widget::use_widget;
use crate::core::content::{fill, Content, Text};
use crate::core::document::View;
use crate::core::scoring::{profile, recommend, BalanceView, Direction, Lean, Profile, Reason};
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
    let date = format_date(latest.finished.unwrap_or(latest.started), content.lang);

    let retake = {
        let widget = widget.clone();
        move |_| widget.send_then_focus(Action::Retake, Focus::ViewHeading)
    };
    let balance_answer = now
        .balance
        .and_then(|b| content.balance.options.get(usize::try_from(b + 3).ok()?))
        .map(|answer| fill(ui.balance_answer, &[("answer", answer)]));

    html! {
        <div class="rw-plan">
            <p>{ fill(ui.plan_taken_on, &[("date", &date)]) }</p>
            <p class="rw-note">{ ui.plan_reflection_note }</p>
            // Before any suggestion: for a visitor the other person frightens, controls or hurts, none
            // of what follows applies.
            <SafetyNote level={3} />

            <section class="rw-plan-section" aria-labelledby={widget.id("direction")}>
                <h3 id={widget.id("direction")}>{ ui.direction_heading }</h3>
                <p>{ direction_text(content, now.direction) }</p>
                if now.direction == Direction::GivesMore {
                    <p>{ ui.direction_gives_more_note }</p>
                }
                if let Some(answer) = balance_answer {
                    <p>{ answer }</p>
                }
                // The overall question is never dropped: it agrees, or both are shown gently.
                if now.balance_view == BalanceView::Agrees {
                    <p>{ ui.balance_agrees }</p>
                }
                if now.balance_view == BalanceView::Differs {
                    <p class="rw-note">{ ui.balance_differs }</p>
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
                                        for reason in rec.reasons.iter() {
                                            <li>{ reason_text(content, reason) }</li>
                                        }
                                    </ul>
                                    <ActionList step={step} />
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
                                            { fill(ui.go_to_step, &[("step", step.title)]) }
                                        </button>
                                    }
                                </li>
                            }
                        }
                    </ol>
                }
            </section>

            if let Some(before) = before {
                <Comparison before={before} now={now.clone()} />
            }

            <div class="rw-buttons">
                if let Some(cta) = &widget.config.cta {
                    // Checked to be http(s) when the attribute was read; opens the clinic's own page.
                    <a class="rw-button rw-cta" href={cta.url.clone()}>
                        { cta.label.clone().unwrap_or_else(|| ui.cta_default.to_owned()) }
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

fn direction_text(content: &Content, direction: Direction) -> Text {
    let ui = &content.ui;
    match direction {
        Direction::GivesMore => ui.direction_gives_more,
        Direction::ReceivesMore => ui.direction_receives_more,
        Direction::Balanced => ui.direction_balanced,
        Direction::Unknown => ui.direction_unknown,
    }
}

fn reason_text(content: &Content, reason: &Reason) -> String {
    let ui = &content.ui;
    match reason {
        Reason::Direction(Direction::GivesMore) => ui.reason_gives_more.to_owned(),
        Reason::Direction(Direction::ReceivesMore) => ui.reason_receives_more.to_owned(),
        Reason::Direction(_) => ui.reason_balanced.to_owned(),
        Reason::Balance(Direction::GivesMore) => ui.reason_balance_gives_more.to_owned(),
        Reason::Balance(Direction::ReceivesMore) => ui.reason_balance_receives_more.to_owned(),
        Reason::Balance(_) => ui.reason_balance_even.to_owned(),
        Reason::Form(form, lean) => {
            let name = content.form(form).map_or(*form, |f| f.name);
            let template = match lean {
                Lean::GivesMore => ui.reason_form_gives_more,
                Lean::ReceivesMore => ui.reason_form_receives_more,
                // Balanced forms bring no step, so no reason of their own.
                Lean::BothLow | Lean::Balanced => ui.reason_form_both_low,
            };
            fill(template, &[("form", name)])
        }
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
