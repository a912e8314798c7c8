//! The RECIPRO checklist: seven steps, each with a few actions the visitor can mark as done.

use super::app::{use_widget, VIEW_HEADING};
use super::progress::Progress;
use super::step_card::StepCard;
use crate::core::content::fill;
use crate::core::state::Action;
use yew::prelude::*;

#[component]
pub fn Checklist() -> Html {
    let widget = use_widget();
    let content = widget.content();
    let ui = &content.ui;
    let confirming = use_state(|| false);
    let reset_done = use_state(|| false);
    // Asking and cancelling swap the focused button for another: focus follows, after the render.
    let cancel_ref = use_node_ref();
    let reset_ref = use_node_ref();
    let focus_next = use_mut_ref(|| None::<NodeRef>);
    {
        let focus_next = focus_next.clone();
        use_effect(move || {
            if let Some(target) = focus_next.borrow_mut().take() {
                if let Some(element) = target.cast::<web_sys::HtmlElement>() {
                    let _ = element.focus();
                }
            }
        });
    }

    let done = content
        .action_ids()
        .filter(|id| widget.state.doc.checklist.done.contains(*id))
        .count();
    let total = content.action_count();
    let overall = fill(
        ui.checklist_overall,
        &[("done", &done.to_string()), ("total", &total.to_string())],
    );

    let ask = {
        let (confirming, reset_done) = (confirming.clone(), reset_done.clone());
        let (focus_next, cancel_ref) = (focus_next.clone(), cancel_ref.clone());
        move |_| {
            confirming.set(true);
            reset_done.set(false);
            // The safe choice gets focus, so a stray Enter does not wipe progress.
            *focus_next.borrow_mut() = Some(cancel_ref.clone());
        }
    };
    let cancel = {
        let confirming = confirming.clone();
        let (focus_next, reset_ref) = (focus_next.clone(), reset_ref.clone());
        move |_| {
            confirming.set(false);
            *focus_next.borrow_mut() = Some(reset_ref.clone());
        }
    };
    let reset = {
        let (confirming, reset_done, widget) =
            (confirming.clone(), reset_done.clone(), widget.clone());
        move |_| {
            confirming.set(false);
            reset_done.set(true);
            // The confirm buttons disappear: put focus back at the top of the checklist.
            widget.send_then_focus(Action::ResetChecklist, VIEW_HEADING);
        }
    };

    html! {
        <div class="rw-checklist">
            <p>{ ui.checklist_intro }</p>
            <Progress done={done} total={total} label={overall} id={widget.id("checklist-overall")} />
            <ol class="rw-steps">
                for step in content.steps.iter() {
                    <StepCard key={step.id} step={step.id} />
                }
            </ol>
            <div class="rw-reset">
                if *reset_done {
                    <p>{ ui.checklist_reset_done }</p>
                }
                if *confirming {
                    <div class="rw-confirm" role="group" aria-labelledby={widget.id("reset-question")}>
                        <p id={widget.id("reset-question")}>{ ui.checklist_reset_question }</p>
                        <button type="button" class="rw-button" onclick={reset}>
                            { ui.checklist_reset_confirm }
                        </button>
                        <button type="button" class="rw-button rw-button-quiet" onclick={cancel} ref={cancel_ref}>
                            { ui.cancel }
                        </button>
                    </div>
                } else {
                    <button type="button" class="rw-button rw-button-quiet" onclick={ask} disabled={done == 0} ref={reset_ref}>
                        { ui.checklist_reset }
                    </button>
                }
            </div>
        </div>
    }
}
