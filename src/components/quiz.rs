//! The reciprocity check: who it is about, then one statement per screen, then the plan.

use super::content_note::content_note;
use super::context_picker::ContextPicker;
use super::hooks::focus::Focus;
use super::markup::{attrs, button, buttons, el, nodes, sentence, words};
use super::question::question;
use super::widget::Widget;
use crate::core::content::fill;
use crate::core::document::View;
use crate::core::state::Action;
use crate::web::format_date;
use yew::prelude::*;

/// A function rather than a component: it keeps no state, and each component costs the download a few
/// hundred bytes.
pub fn quiz(widget: &Widget) -> Html {
    let content = widget.content();
    let part_ui = &content.later().part_ui;
    let state = &widget.state;

    if let Some(attempt) = state.current() {
        // The content note comes once, before the first statement (a check begun before the note
        // existed simply carries on).
        let note_due =
            attempt.skip_sensitive.is_none() && attempt.question == 0 && attempt.answers.is_empty();
        return match attempt.context {
            Some(relationship) if note_due => content_note(widget, relationship),
            Some(_) => question(widget),
            None => html! { <ContextPicker widget={widget.clone()} /> },
        };
    }
    let Some(last) = state.doc.quiz.finished().next() else {
        return html! {
            <>
                { words("p", attrs![], part_ui.quiz_intro) }
                <ContextPicker widget={widget.clone()} />
            </>
        };
    };

    let date = format_date(last.finished.unwrap_or(last.started), &content.lang);
    let go = |action: Action| widget.go(action, Focus::ViewHeading);
    let see_plan = if widget.shows(View::Plan) {
        button(
            "rw-button",
            part_ui.see_plan,
            None,
            go(Action::Navigate(View::Plan)),
        )
    } else {
        Html::default()
    };
    let retake = button(
        "rw-button rw-button-quiet",
        part_ui.retake,
        None,
        go(Action::Retake),
    );
    el(
        "div",
        attrs!["class" = "rw-quiz-finished"],
        nodes(vec![
            sentence(
                "p",
                attrs![],
                fill(part_ui.quiz_finished, &[("date", &date)]),
            ),
            buttons(nodes(vec![see_plan, retake])),
        ]),
    )
}
