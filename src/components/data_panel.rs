//! "Your data": what is stored and where, and the visitor's controls over it: delete everything,
//! download, load from a file, don't remember me on this device, and clear-on-exit.

use super::hooks::focus::{use_pending_focus, Focus};
use super::hooks::persistence::{Keeping, SavedProgress};
use super::panel::Panel;
use super::widget::use_widget;
use crate::core::codec::{decode, encode_pretty, DecodeError};
use crate::core::content::{fill, UiText};
use crate::core::document::Document;
use crate::core::persistence::{Deletion, Move, SaveOutcome};
use crate::core::state::Action;
use crate::web::{download, today};
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DataPanelProps {
    pub saved: SavedProgress,
    pub on_close: Callback<()>,
}

/// What to tell the visitor after "Delete everything": "deleted" only when storage was read back
/// holding none of the widget's keys.
fn deletion_message(ui: &UiText, deletion: &Deletion) -> String {
    match deletion {
        Deletion::Complete => ui.data_deleted.to_string(),
        Deletion::Incomplete { left } => {
            fill(ui.data_delete_incomplete, &[("keys", &left.join(", "))])
        }
        Deletion::Unknown => ui.data_delete_unknown.to_string(),
    }
}

/// What to tell the visitor after "Don't remember me on this device".
fn move_message(ui: &UiText, outcome: &Move) -> String {
    match outcome {
        Move::Moved => ui.data_forgotten.to_string(),
        Move::NotMoved => ui.data_forget_failed.to_string(),
        Move::OldCopyLeft(_) => ui.data_forget_old_left.to_string(),
    }
}

/// Files larger than this are not progress files: refused before reading.
const MAX_IMPORT_BYTES: f64 = 1_000_000.0;

#[derive(Clone, PartialEq)]
enum Step {
    Idle,
    ConfirmDelete,
    ConfirmImport { file: String, doc: Box<Document> },
}

/// The data panel's heading: focus goes back there after a step ends.
const HEADING: Focus = Focus::PanelHeading(Panel::Data);

#[component]
pub fn DataPanel(props: &DataPanelProps) -> Html {
    let widget = use_widget();
    let content = widget.content();
    let ui = &content.ui;
    let step = use_state(|| Step::Idle);
    let message = use_state(String::new);
    // Confirming, cancelling and loading swap the focused control for another: focus follows.
    let panel_ref = use_node_ref();
    let focus_next = use_pending_focus(panel_ref.clone());
    let heading_id = widget.id("data-heading");
    let clears = widget
        .state
        .doc
        .settings
        .clear_on_exit
        .unwrap_or(widget.config.exit_clears);

    let saved = &props.saved;
    let statement = match saved.keeping {
        Keeping::Saved => fill(ui.data_statement, &[("key", &saved.key)]),
        Keeping::ThisTab => ui.data_session_statement.to_string(),
        Keeping::NotSaved => ui.data_memory_statement.to_string(),
    };
    let set_step = |next: Step, focus: Focus| {
        let (step, message, focus_next) = (step.clone(), message.clone(), focus_next.clone());
        move |_: MouseEvent| {
            focus_next.set(focus);
            step.set(next.clone());
            message.set(String::new());
        }
    };
    let delete = {
        let (step, message, saved) = (step.clone(), message.clone(), saved.clone());
        let focus_next = focus_next.clone();
        move |_: MouseEvent| {
            focus_next.set(HEADING);
            let deletion = saved.delete_everything();
            step.set(Step::Idle);
            message.set(deletion_message(ui, &deletion));
        }
    };
    let export = {
        let (widget, message) = (widget.clone(), message.clone());
        let done = ui.data_exported;
        move |_: MouseEvent| {
            let file = fill(ui.data_file_name, &[("date", &today())]);
            // Said only when the browser took the file; a refusal is said too.
            match download(&file, &encode_pretty(&widget.state.doc), "application/json") {
                Ok(()) => message.set(fill(done, &[("file", &file)])),
                Err(_) => message.set(ui.data_export_failed.to_string()),
            }
        }
    };
    let choose_file = {
        let (step, message, focus_next) = (step.clone(), message.clone(), focus_next.clone());
        let (bad, newer) = (ui.data_import_bad, ui.data_import_newer);
        move |event: Event| {
            let Some(input) = event
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            else {
                return;
            };
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            // The same file can be chosen again after a refusal.
            input.set_value("");
            let name = file.name();
            let (step, message, focus_next) = (step.clone(), message.clone(), focus_next.clone());
            wasm_bindgen_futures::spawn_local(async move {
                // The question (or the refusal) replaces what was there: focus goes to the safe
                // choice, or to the heading above the message.
                let text = if file.size() > MAX_IMPORT_BYTES {
                    None
                } else {
                    wasm_bindgen_futures::JsFuture::from(file.text())
                        .await
                        .ok()
                        .and_then(|t| t.as_string())
                };
                match text.as_deref().map(decode) {
                    Some(Ok(doc)) => {
                        focus_next.set(Focus::ImportCancel);
                        message.set(String::new());
                        step.set(Step::ConfirmImport {
                            file: name,
                            doc: Box::new(doc),
                        });
                    }
                    Some(Err(DecodeError::Newer(_))) => {
                        focus_next.set(HEADING);
                        step.set(Step::Idle);
                        message.set(fill(newer, &[("file", &name)]));
                    }
                    _ => {
                        focus_next.set(HEADING);
                        step.set(Step::Idle);
                        message.set(fill(bad, &[("file", &name)]));
                    }
                }
            });
        }
    };
    let import = {
        let (saved, step, message) = (saved.clone(), step.clone(), message.clone());
        let focus_next = focus_next.clone();
        move |_: MouseEvent| {
            focus_next.set(HEADING);
            if let Step::ConfirmImport { file, doc } = &*step {
                // "Loaded" and saved only when the save was read back; otherwise say it is kept for now.
                let text = match saved.load((**doc).clone()) {
                    SaveOutcome::Saved | SaveOutcome::Unchanged => ui.data_imported,
                    _ => ui.data_imported_unsaved,
                };
                message.set(fill(text, &[("file", file)]));
            }
            step.set(Step::Idle);
        }
    };
    let toggle_clears = {
        let widget = widget.clone();
        move |event: Event| {
            let on = event
                .target_dyn_into::<HtmlInputElement>()
                .is_some_and(|input| input.checked());
            widget.send(Action::SetClearOnExit(on));
        }
    };
    let forget_device = {
        let (saved, message) = (saved.clone(), message.clone());
        move |_: MouseEvent| {
            let outcome = saved.keep_for_this_tab_only();
            message.set(move_message(ui, &outcome));
        }
    };

    html! {
        <section class="rw-panel rw-data" id={widget.id("data")} aria-labelledby={heading_id.clone()} ref={panel_ref}>
            <h2 id={heading_id} tabindex="-1" data-focus={HEADING.attr()}>{ ui.data_heading }</h2>
            <p>{ statement }</p>
            <p class="rw-panel-status" role="status">{ (*message).clone() }</p>

            <label class="rw-check">
                <input type="checkbox" checked={clears} onchange={toggle_clears} />
                <span>{ ui.exit_clears_label }</span>
            </label>

            <div class="rw-buttons">
                <button type="button" class="rw-button rw-button-quiet" onclick={export}>{ ui.data_export }</button>
                <label class="rw-button rw-button-quiet rw-file">
                    <input type="file" accept=".json,application/json" onchange={choose_file} />
                    <span>{ ui.data_import }</span>
                </label>
                if saved.keeping == Keeping::Saved {
                    <button type="button" class="rw-button rw-button-quiet" onclick={forget_device}>
                        { ui.data_forget_device }
                    </button>
                }
            </div>

            if let Step::ConfirmImport { file, .. } = &*step {
                <div class="rw-confirm" role="group" aria-labelledby={widget.id("import-question")}>
                    <p id={widget.id("import-question")}>{ fill(ui.data_import_question, &[("file", file)]) }</p>
                    <button type="button" class="rw-button" onclick={import}>{ ui.data_import_confirm }</button>
                    <button type="button" class="rw-button rw-button-quiet" onclick={set_step(Step::Idle, HEADING)} data-focus={Focus::ImportCancel.attr()}>
                        { ui.cancel }
                    </button>
                </div>
            }

            if *step == Step::ConfirmDelete {
                <div class="rw-confirm" role="group" aria-labelledby={widget.id("delete-question")}>
                    <p id={widget.id("delete-question")}>{ ui.data_delete_question }</p>
                    <button type="button" class="rw-button rw-button-danger" onclick={delete}>{ ui.data_delete_confirm }</button>
                    <button type="button" class="rw-button rw-button-quiet" onclick={set_step(Step::Idle, Focus::Delete)} data-focus={Focus::DeleteCancel.attr()}>{ ui.cancel }</button>
                </div>
            } else {
                <div class="rw-buttons">
                    <button type="button" class="rw-button rw-button-quiet" onclick={set_step(Step::ConfirmDelete, Focus::DeleteCancel)} data-focus={Focus::Delete.attr()}>
                        { ui.data_delete }
                    </button>
                </div>
            }

            <h3>{ ui.exit_about_heading }</h3>
            <p>{ ui.exit_about_text }</p>

            <div class="rw-buttons">
                <button type="button" class="rw-button rw-button-quiet" onclick={props.on_close.reform(|_| ())}>
                    { ui.close }
                </button>
            </div>
        </section>
    }
}
