//! "Your data": what is stored and where, and the visitor's controls over it: delete everything,
//! download, load from a file, don't remember me on this device, and clear-on-exit.

use super::app::use_widget;
use super::focus::use_pending_focus;
use crate::core::codec::{decode, encode_pretty, DecodeError};
use crate::core::content::fill;
use crate::core::document::Document;
use crate::core::state::Action;
use crate::web::{download, today};
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Where progress is going right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keeping {
    /// Saved in this browser until deleted.
    Saved,
    /// Saved until the tab closes ("don't remember me").
    ThisTab,
    /// Not saved at all.
    NotSaved,
}

#[derive(Properties, PartialEq)]
pub struct DataPanelProps {
    pub key_name: AttrValue,
    pub keeping: Keeping,
    pub on_delete: Callback<()>,
    pub on_forget_device: Callback<()>,
    pub on_close: Callback<()>,
}

/// Files larger than this are not progress files: refused before reading.
const MAX_IMPORT_BYTES: f64 = 1_000_000.0;

#[derive(Clone, PartialEq)]
enum Step {
    Idle,
    ConfirmDelete,
    ConfirmImport { file: String, doc: Box<Document> },
}

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

    let statement = match props.keeping {
        Keeping::Saved => fill(ui.data_statement, &[("key", &props.key_name)]),
        Keeping::ThisTab => ui.data_session_statement.to_owned(),
        Keeping::NotSaved => ui.data_memory_statement.to_owned(),
    };
    let set_step = |next: Step, focus: &'static str| {
        let (step, message, focus_next) = (step.clone(), message.clone(), focus_next.clone());
        move |_: MouseEvent| {
            focus_next.set(focus);
            step.set(next.clone());
            message.set(String::new());
        }
    };
    let delete = {
        let (step, message, on_delete) = (step.clone(), message.clone(), props.on_delete.clone());
        let focus_next = focus_next.clone();
        let done = ui.data_deleted;
        move |_: MouseEvent| {
            focus_next.set("data");
            on_delete.emit(());
            step.set(Step::Idle);
            message.set(done.to_owned());
        }
    };
    let export = {
        let (widget, message) = (widget.clone(), message.clone());
        let done = ui.data_exported;
        move |_: MouseEvent| {
            let file = format!("reciprocity-widget-{}.json", today());
            if download(&file, &encode_pretty(&widget.state.doc), "application/json").is_ok() {
                message.set(fill(done, &[("file", &file)]));
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
                        focus_next.set("import-cancel");
                        message.set(String::new());
                        step.set(Step::ConfirmImport {
                            file: name,
                            doc: Box::new(doc),
                        });
                    }
                    Some(Err(DecodeError::Newer(_))) => {
                        focus_next.set("data");
                        step.set(Step::Idle);
                        message.set(fill(newer, &[("file", &name)]));
                    }
                    _ => {
                        focus_next.set("data");
                        step.set(Step::Idle);
                        message.set(fill(bad, &[("file", &name)]));
                    }
                }
            });
        }
    };
    let import = {
        let (widget, step, message) = (widget.clone(), step.clone(), message.clone());
        let focus_next = focus_next.clone();
        let done = ui.data_imported;
        move |_: MouseEvent| {
            focus_next.set("data");
            if let Step::ConfirmImport { file, doc } = &*step {
                widget.send(Action::Replace((**doc).clone()));
                message.set(fill(done, &[("file", file)]));
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
        let (on_forget, message) = (props.on_forget_device.clone(), message.clone());
        let done = ui.data_forgotten;
        move |_: MouseEvent| {
            on_forget.emit(());
            message.set(done.to_owned());
        }
    };

    html! {
        <section class="rw-panel rw-data" id={widget.id("data")} aria-labelledby={heading_id.clone()} ref={panel_ref}>
            <h2 id={heading_id} tabindex="-1" data-focus="data">{ ui.data_heading }</h2>
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
                if props.keeping == Keeping::Saved {
                    <button type="button" class="rw-button rw-button-quiet" onclick={forget_device}>
                        { ui.data_forget_device }
                    </button>
                }
            </div>

            if let Step::ConfirmImport { file, .. } = &*step {
                <div class="rw-confirm" role="group" aria-labelledby={widget.id("import-question")}>
                    <p id={widget.id("import-question")}>{ fill(ui.data_import_question, &[("file", file)]) }</p>
                    <button type="button" class="rw-button" onclick={import}>{ ui.data_import_confirm }</button>
                    <button type="button" class="rw-button rw-button-quiet" onclick={set_step(Step::Idle, "data")} data-focus="import-cancel">
                        { ui.cancel }
                    </button>
                </div>
            }

            if *step == Step::ConfirmDelete {
                <div class="rw-confirm" role="group" aria-labelledby={widget.id("delete-question")}>
                    <p id={widget.id("delete-question")}>{ ui.data_delete_question }</p>
                    <button type="button" class="rw-button rw-button-danger" onclick={delete}>{ ui.data_delete_confirm }</button>
                    <button type="button" class="rw-button rw-button-quiet" onclick={set_step(Step::Idle, "delete")} data-focus="delete-cancel">{ ui.cancel }</button>
                </div>
            } else {
                <div class="rw-buttons">
                    <button type="button" class="rw-button rw-button-quiet" onclick={set_step(Step::ConfirmDelete, "delete-cancel")} data-focus="delete">
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
