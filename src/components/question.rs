//! One statement of the check: a fieldset of native radios, every point labelled, "Prefer not to
//! answer" always there, Back and Next (never auto-advance: arrow keys move between radios and must not
//! jump to the next statement).

use super::hooks::focus::Focus;
use super::progress::Progress;
use super::widget::use_widget;
use crate::core::content::{fill, Question as ContentQuestion, Text};
use crate::core::document::{Answer, BALANCE, FREQUENCY};
use crate::core::state::Action;
use crate::web::format_count;
use yew::prelude::*;

static NEXT_GROUP: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1);

#[component]
pub fn Question() -> Html {
    let widget = use_widget();
    // A fresh radio-group name each time a statement is shown. Chromium keeps stale state for a radio
    // group inside a shadow root once its inputs are removed: coming back to a statement under the same
    // name, Tab skipped the whole group. A new name is a new group. (Hooks come before any return.)
    let on_screen = widget.state.current().map(|a| (a.started, a.question));
    let group = use_memo(on_screen, |_| {
        NEXT_GROUP.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    });
    let content = widget.content();
    let ui = &content.ui;
    let Some(attempt) = widget.state.current() else {
        return Html::default();
    };
    let Some(context) = attempt.context.and_then(|c| content.context(c)) else {
        return Html::default();
    };
    let questions = content.questions(attempt.skip_sensitive == Some(true));
    let total = questions.len();
    let index = attempt.question.min(total - 1);
    let is_last = index + 1 == total;

    // The form items first, the overall balance item last.
    let (item_id, text, options, may_not_apply): (&str, Text, Vec<(i8, Text)>, bool) =
        match questions[index] {
            ContentQuestion::Item(item) => (
                item.id,
                content.item_text(item, context),
                FREQUENCY.zip(content.scale.iter().copied()).collect(),
                item.may_not_apply,
            ),
            ContentQuestion::Balance => (
                content.balance.id,
                content.balance_text(context),
                BALANCE
                    .zip(content.balance.options.iter().copied())
                    .collect(),
                false,
            ),
        };
    let answer = attempt.answers.get(item_id).copied();
    let name = widget.id(&format!("q{}", *group));
    let position = move |n: usize| {
        fill(
            ui.question_progress,
            &[("n", &format_count(n)), ("total", &format_count(total))],
        )
    };
    let progress = position(index + 1);

    let choose = |value: Answer| {
        let widget = widget.clone();
        let item = item_id.to_owned();
        move |_: Event| {
            widget.send(Action::Answer {
                item: item.clone(),
                answer: value,
            })
        }
    };
    let option = |value: Answer, label: Text, class: &'static str| {
        html! {
            <label class={class}>
                <input
                    type="radio"
                    name={name.clone()}
                    checked={answer == Some(value)}
                    onchange={choose(value)}
                />
                <span>{ label }</span>
            </label>
        }
    };
    let back = {
        let widget = widget.clone();
        let sentence = position(index);
        move |_| widget.send_then_announce(Action::Back, Focus::Legend, sentence.clone())
    };
    let next = {
        let widget = widget.clone();
        let sentence = if is_last {
            ui.results_ready.to_string()
        } else {
            position(index + 2)
        };
        move |_| {
            let action = if is_last {
                Action::Finish
            } else {
                Action::Next
            };
            let target = if is_last {
                Focus::ViewHeading
            } else {
                Focus::Legend
            };
            widget.send_then_announce(action, target, sentence.clone())
        }
    };
    let change_context = {
        let widget = widget.clone();
        move |_| widget.send_then_focus(Action::ChangeContext, Focus::Legend)
    };

    html! {
        <div class="rw-question">
            <div class="rw-question-top">
                <p class="rw-about">{ context.thinking_about }</p>
                <button type="button" class="rw-link" onclick={change_context}>{ ui.change_context }</button>
            </div>
            <Progress done={index + 1} total={total} label={progress} id={widget.id("question-progress")} />
            <fieldset class="rw-fieldset" key={item_id.to_owned()}>
                <legend tabindex="-1" data-focus={Focus::Legend.attr()}>{ text }</legend>
                <div class="rw-options">
                    for (value, label) in options {
                        { option(Answer::Value(value), label, "rw-option") }
                    }
                </div>
                // "Doesn't apply to us lately" is not "never": kept apart, and never counted.
                if may_not_apply {
                    { option(Answer::NotApplicable, ui.not_applicable, "rw-option rw-option-skip") }
                }
                { option(Answer::PreferNot, ui.prefer_not, "rw-option rw-option-skip") }
            </fieldset>
            <div class="rw-buttons rw-quiz-nav">
                if index > 0 {
                    <button type="button" class="rw-button rw-button-quiet" onclick={back}>{ ui.back }</button>
                }
                <button type="button" class="rw-button" onclick={next}>
                    { if is_last { ui.finish } else { ui.next } }
                </button>
            </div>
        </div>
    }
}
