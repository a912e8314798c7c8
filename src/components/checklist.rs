//! The RECIPRO checklist: who it is about, then seven steps, each with the actions that fit that
//! relationship, which the visitor can mark as done.

use super::hooks::focus::{use_pending_focus, Focus};
use super::markup::{attrs, confirm, dynamic, el, el_ref, nodes, on, tag, words};
use super::progress::progress;
use super::relationship_choice::{relationship_choice, use_relationship_choice};
use super::step_card::step_card;
use super::widget::WidgetProps;
use crate::core::content::fill;
use crate::core::state::Action;
use crate::web::format_count;
use yew::html::IntoPropValue;
use yew::prelude::*;

#[component]
pub fn Checklist(props: &WidgetProps) -> Html {
    let widget = props.widget.clone();
    let content = widget.content();
    let ui = &content.ui;
    let confirming = use_state(|| false);
    let reset_done = use_state(|| false);
    // Asking and cancelling swap the focused button for another: focus follows, after the render.
    let root = use_node_ref();
    let focus = use_pending_focus(root.clone());
    let choice = use_relationship_choice();

    let ticks = &widget.state.doc.checklist.done;
    // "n of N" counts the actions shown for this relationship; a hidden action keeps its tick.
    let (done, total) = content.checklist_progress(ticks, widget.relationship());
    let any_ticked = content.action_ids().any(|id| ticks.contains(id));
    let overall = fill(
        ui.checklist_overall,
        &[
            ("done", &format_count(done)),
            ("total", &format_count(total)),
        ],
    );

    let ask = {
        let (confirming, reset_done) = (confirming.clone(), reset_done.clone());
        let focus = focus.clone();
        move |_: MouseEvent| {
            confirming.set(true);
            reset_done.set(false);
            // The safe choice gets focus, so a stray Enter does not wipe progress.
            focus.set(Focus::ResetCancel);
        }
    };
    let cancel = {
        let confirming = confirming.clone();
        let focus = focus.clone();
        move |_: MouseEvent| {
            confirming.set(false);
            focus.set(Focus::ResetAsk);
        }
    };
    let reset = {
        let (confirming, reset_done, widget) =
            (confirming.clone(), reset_done.clone(), widget.clone());
        move |_: MouseEvent| {
            confirming.set(false);
            reset_done.set(true);
            // The confirm buttons disappear: put focus back at the top of the checklist.
            widget.send_then_focus(Action::ResetChecklist, Focus::ViewHeading);
        }
    };

    let done_note = if *reset_done {
        words("p", attrs![], ui.checklist_reset_done)
    } else {
        Html::default()
    };
    let reset = if *confirming {
        confirm(
            widget.id("reset-question"),
            ui.checklist_reset_question.into_prop_value(),
            "rw-button",
            ui.checklist_reset_confirm,
            Callback::from(reset),
            ui.cancel,
            Focus::ResetCancel,
            Callback::from(cancel),
        )
    } else {
        // `disabled` until there is something to start again from.
        tag(
            "button",
            dynamic![
                "type" = "button",
                "data-focus" = Focus::ResetAsk.attr(),
                "disabled" = (!any_ticked).then_some("disabled"),
                "class" = "rw-button rw-button-quiet",
            ],
            on!(onclick, Callback::from(ask)),
            ui.checklist_reset.into_prop_value(),
        )
    };
    let steps = html! {
        <ol class="rw-steps">
            for step in content.steps.iter() {
                { step_card(&widget, step) }
            }
        </ol>
    };
    let children = html! {
        <>
            { words("p", attrs![], ui.checklist_intro) }
            { relationship_choice(&widget, &choice, None) }
            { progress(done, total, overall, widget.id("checklist-overall")) }
            { steps }
            { el("div", attrs!["class" = "rw-reset"], nodes(vec![done_note, reset])) }
        </>
    };
    el_ref("div", root, attrs!["class" = "rw-checklist"], children)
}
