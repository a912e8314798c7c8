//! The reciprocity check: who it is about, then one statement per screen, then the plan.

use super::content_note::ContentNote;
use super::context_picker::ContextPicker;
use super::hooks::focus::Focus;
use super::question::Question;
use super::widget::use_widget;
use crate::core::content::fill;
use crate::core::document::View;
use crate::core::state::Action;
use crate::web::format_date;
use yew::prelude::*;

#[component]
pub fn Quiz() -> Html {
    let widget = use_widget();
    let content = widget.content();
    let ui = &content.ui;
    let state = &widget.state;

    if let Some(attempt) = state.current() {
        // The content note comes once, before the first statement (a check begun before the note
        // existed simply carries on).
        let note_due =
            attempt.skip_sensitive.is_none() && attempt.question == 0 && attempt.answers.is_empty();
        return match attempt.context {
            Some(relationship) if note_due => html! { <ContentNote context={relationship} /> },
            Some(_) => html! { <Question /> },
            None => html! { <ContextPicker /> },
        };
    }
    let Some(last) = state.doc.quiz.finished().next() else {
        return html! {
            <>
                <p>{ ui.quiz_intro }</p>
                <ContextPicker />
            </>
        };
    };

    let date = format_date(last.finished.unwrap_or(last.started), &content.lang);
    let see_plan = {
        let widget = widget.clone();
        move |_| widget.send_then_focus(Action::Navigate(View::Plan), Focus::ViewHeading)
    };
    let retake = {
        let widget = widget.clone();
        move |_| widget.send_then_focus(Action::Retake, Focus::ViewHeading)
    };
    html! {
        <div class="rw-quiz-finished">
            <p>{ fill(ui.quiz_finished, &[("date", &date)]) }</p>
            <div class="rw-buttons">
                if widget.shows(View::Plan) {
                    <button type="button" class="rw-button" onclick={see_plan}>{ ui.see_plan }</button>
                }
                <button type="button" class="rw-button rw-button-quiet" onclick={retake}>{ ui.retake }</button>
            </div>
        </div>
    }
}
