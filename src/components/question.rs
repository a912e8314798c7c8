//! One statement of the check: a fieldset of native radios, every point labelled, "Prefer not to
//! answer" always there, Back and Next (never auto-advance: arrow keys move between radios and must not
//! jump to the next statement). [`QuestionScreen`] draws it from props, for the visitor's own check
//! ([`question`]) and for the check taken together (see `together.rs`), whose answers never reach the
//! saved state.

use super::hooks::focus::Focus;
use super::markup::{attrs, button, choice, el, keyed, nodes, words};
use super::progress::progress;
use super::widget::Widget;
use crate::core::content::{fill, Id, Question as ContentQuestion, Text};
use crate::core::document::{Answer, BALANCE, FREQUENCY};
use crate::core::relationship::Relationship;
use crate::core::sorted::SortedMap;
use crate::core::state::Action;
use crate::web::format_count;
use yew::html::IntoPropValue;
use yew::prelude::*;
use yew::virtual_dom::Key;

static NEXT_GROUP: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1);

/// Where the visitor goes from a statement.
#[derive(Debug, Clone, PartialEq)]
pub enum Move {
    /// To the statement before, with the sentence for the status line ("Question 2 of 31").
    Back(String),
    /// To the next statement, with its sentence.
    Next(String),
    /// On from the last screen.
    Finish,
}

#[derive(Properties, PartialEq)]
pub struct QuestionScreenProps {
    /// The widget: its state, a way to change it, the settings.
    pub widget: Widget,
    /// Who the statements are about: their wording.
    pub context: Relationship,
    /// Whether the statements about hard times are left out.
    pub skip_sensitive: bool,
    /// The screen on show, 0-based (past the last shows the last).
    pub index: usize,
    /// The answers given so far, by item id.
    pub answers: SortedMap<String, Answer>,
    /// Tells screens apart (whose answers, which screen): each new value is a new radio group.
    pub screen: (u64, usize),
    /// The last screen's forward button.
    pub finish_label: Text,
    pub on_answer: Callback<(Id, Answer)>,
    pub on_move: Callback<Move>,
    /// Beside "Thinking about…" (the visitor's own check puts "Change who it's about" there).
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn QuestionScreen(props: &QuestionScreenProps) -> Html {
    let widget = props.widget.clone();
    // A fresh radio-group name each time a statement is shown. Chromium keeps stale state for a radio
    // group inside a shadow root once its inputs are removed: coming back to a statement under the same
    // name, Tab skipped the whole group. A new name is a new group. (Hooks come before any return.)
    let group = use_memo(props.screen, |_| {
        NEXT_GROUP.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    });
    let content = widget.content();
    let ui = &content.ui;
    let part_ui = &content.later().part_ui;
    let Some(context) = content.context(props.context) else {
        return Html::default();
    };
    let questions = content.questions(props.skip_sensitive);
    let total = questions.len();
    let index = props.index.min(total - 1);
    let is_last = index + 1 == total;

    // The form items first, the overall balance item last.
    let (item_id, text, options, may_not_apply): (Id, Text, Vec<(i8, Text)>, bool) =
        match questions[index] {
            ContentQuestion::Item(item) => (
                item.id,
                content.item_text(item, context),
                FREQUENCY
                    .zip(content.later().scale.iter().copied())
                    .collect(),
                item.may_not_apply,
            ),
            ContentQuestion::Balance => (
                content.later().balance.id,
                content.balance_text(context),
                BALANCE
                    .zip(content.later().balance.options.iter().copied())
                    .collect(),
                false,
            ),
        };
    let answer = props.answers.get(item_id).copied();
    let name = widget.id(&format!("q{}", *group));
    let position = move |n: usize| {
        fill(
            part_ui.question_progress,
            &[("n", &format_count(n)), ("total", &format_count(total))],
        )
    };

    let name = AttrValue::from(name);
    let option = |value: Answer, label: Text, class: &'static str| {
        let on_answer = props.on_answer.clone();
        choice(
            class,
            "radio",
            Some(name.clone()),
            answer == Some(value),
            label.into_prop_value(),
            Callback::from(move |_: Event| on_answer.emit((item_id, value))),
        )
    };
    let step = |step: Move| {
        let on_move = props.on_move.clone();
        Callback::from(move |_: MouseEvent| on_move.emit(step.clone()))
    };
    let back = if index > 0 {
        button(
            "rw-button rw-button-quiet",
            ui.back,
            None,
            step(Move::Back(position(index))),
        )
    } else {
        Html::default()
    };
    let next = button(
        "rw-button",
        if is_last { props.finish_label } else { ui.next },
        None,
        step(if is_last {
            Move::Finish
        } else {
            Move::Next(position(index + 2))
        }),
    );

    let options = options
        .into_iter()
        .map(|(value, label)| option(Answer::Value(value), label, "rw-check rw-option"))
        .collect();
    // "Doesn't apply to us lately" is not "never": kept apart, and never counted.
    let not_applicable = if may_not_apply {
        option(
            Answer::NotApplicable,
            part_ui.not_applicable,
            "rw-check rw-option rw-option-skip",
        )
    } else {
        Html::default()
    };
    let fieldset = keyed(
        "fieldset",
        Key::from(item_id),
        attrs!["class" = "rw-fieldset"],
        nodes(vec![
            words(
                "legend",
                attrs!["tabindex" = "-1", "data-focus" = "legend"],
                text,
            ),
            el("div", attrs!["class" = "rw-options"], nodes(options)),
            not_applicable,
            option(
                Answer::PreferNot,
                part_ui.prefer_not,
                "rw-check rw-option rw-option-skip",
            ),
        ]),
    );
    html! {
        <div class="rw-question">
            { el("div", attrs!["class" = "rw-question-top"], nodes(vec![
                words("p", attrs!["class" = "rw-about"], context.thinking_about),
                props.children.clone(),
            ])) }
            { progress(index + 1, total, position(index + 1), widget.id("question-progress")) }
            { fieldset }
            { el("div", attrs!["class" = "rw-buttons rw-quiz-nav"], nodes(vec![back, next])) }
        </div>
    }
}

/// The statement on screen in the visitor's own check, whose answers are saved as they go.
/// A function rather than a component: it keeps no state, and each component costs the download a few
/// hundred bytes.
pub fn question(widget: &Widget) -> Html {
    let Some(attempt) = widget.state.current() else {
        return Html::default();
    };
    let Some(context) = attempt.context else {
        return Html::default();
    };
    let part_ui = &widget.content().later().part_ui;
    let on_answer = {
        let widget = widget.clone();
        Callback::from(move |(item, answer): (Id, Answer)| {
            widget.send(Action::Answer {
                item: item.to_owned(),
                answer,
            })
        })
    };
    let on_move = {
        let widget = widget.clone();
        Callback::from(move |step: Move| match step {
            Move::Back(sentence) => {
                widget.send_then_announce(Action::Back, Focus::Legend, sentence)
            }
            Move::Next(sentence) => {
                widget.send_then_announce(Action::Next, Focus::Legend, sentence)
            }
            Move::Finish => widget.send_then_announce(
                Action::Finish,
                Focus::ViewHeading,
                part_ui.results_ready.to_string(),
            ),
        })
    };
    let change_context = widget.go(Action::ChangeContext, Focus::Legend);
    html! {
        <QuestionScreen
                            widget={widget.clone()}
            context={context}
            skip_sensitive={attempt.skip_sensitive == Some(true)}
            index={attempt.question}
            answers={attempt.answers.clone()}
            screen={(attempt.started, attempt.question)}
            finish_label={part_ui.finish}
            on_answer={on_answer}
            on_move={on_move}
        >
            { button("rw-link", part_ui.change_context, None, change_context) }
        </QuestionScreen>
    }
}
