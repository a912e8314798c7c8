//! "Your data"'s controls that arrive when the panel is first opened (a part: see `lazy.rs`): where
//! the progress is kept, download, load from a file, don't remember me on this device, clear on exit,
//! and what quick exit does. The panel around them, its status line and "Delete everything" are on the
//! first screen (`data_panel.rs`).

use super::data_panel::{DataControlsProps, HEADING};
use super::hooks::focus::Focus;
use super::hooks::persistence::Keeping;
use super::markup::{
    attrs, button, buttons, choice, confirm, el, nodes, on, sentence, string, words,
};
use crate::core::codec::{decode, encode_pretty, DecodeError};
use crate::core::content::{fill, PartUiText};
use crate::core::document::Document;
use crate::core::persistence::{Move, SaveOutcome};
use crate::core::state::Action;
use crate::web::{download, today};
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::html::IntoPropValue;
use yew::prelude::*;
use yew::virtual_dom::{Attributes, VTag};

/// The part's entry point (see `lazy.rs`).
pub fn data_controls(props: DataControlsProps) -> Html {
    html! { <DataControls ..props /> }
}

/// What to tell the visitor after "Don't remember me on this device".
fn move_message(ui: &PartUiText, outcome: &Move) -> String {
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
    ConfirmImport { file: String, doc: Box<Document> },
}

#[component]
fn DataControls(props: &DataControlsProps) -> Html {
    let widget = props.widget.clone();
    let content = widget.content();
    let (ui, part_ui) = (&content.ui, &content.later().part_ui);
    let step = use_state(|| Step::Idle);
    // Confirming, cancelling and loading swap the focused control for another: focus follows.
    let (message, focus_next) = (props.message.clone(), props.focus.clone());
    let clears = widget
        .state
        .doc
        .settings
        .clear_on_exit
        .unwrap_or(widget.config.exit_clears);

    let saved = &props.saved;
    let where_kept = match saved.keeping {
        Keeping::Saved => fill(part_ui.data_statement, &[("key", &saved.key)]),
        Keeping::ThisTab => part_ui.data_session_statement.to_string(),
        Keeping::NotSaved => part_ui.data_memory_statement.to_string(),
    };
    let cancel_import = {
        let (step, message, focus_next) = (step.clone(), message.clone(), focus_next.clone());
        move |_: MouseEvent| {
            focus_next.set(HEADING);
            step.set(Step::Idle);
            message.set(String::new());
        }
    };
    let export = {
        let (widget, message) = (widget.clone(), message.clone());
        let done = part_ui.data_exported;
        move |_: MouseEvent| {
            let file = fill(part_ui.data_file_name, &[("date", &today())]);
            // Said only when the browser took the file; a refusal is said too.
            match download(&file, &encode_pretty(&widget.state.doc), "application/json") {
                Ok(()) => message.set(fill(done, &[("file", &file)])),
                Err(_) => message.set(part_ui.data_export_failed.to_string()),
            }
        }
    };
    let choose_file = {
        let (step, message, focus_next) = (step.clone(), message.clone(), focus_next.clone());
        let (bad, newer) = (part_ui.data_import_bad, part_ui.data_import_newer);
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
                    SaveOutcome::Saved | SaveOutcome::Unchanged => part_ui.data_imported,
                    _ => part_ui.data_imported_unsaved,
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
            message.set(move_message(part_ui, &outcome));
        }
    };

    let confirm_import = match &*step {
        Step::ConfirmImport { file, .. } => confirm(
            widget.id("import-question"),
            string(fill(part_ui.data_import_question, &[("file", file)])),
            "rw-button",
            part_ui.data_import_confirm,
            Callback::from(import),
            ui.cancel,
            Focus::ImportCancel,
            Callback::from(cancel_import),
        ),
        _ => Html::default(),
    };
    let forget = if saved.keeping == Keeping::Saved {
        button(
            "rw-button rw-button-quiet",
            part_ui.data_forget_device,
            None,
            Callback::from(forget_device),
        )
    } else {
        Html::default()
    };
    let file = VTag::__new_input(
        None,
        None,
        NodeRef::default(),
        None,
        Attributes::Static(attrs!["type" = "file", "accept" = ".json,application/json"]),
        on!(onchange, choose_file),
    );
    let file = el(
        "label",
        attrs!["class" = "rw-button rw-button-quiet rw-file"],
        nodes(vec![
            file.into(),
            words("span", attrs![], part_ui.data_import),
        ]),
    );
    nodes(vec![
        sentence("p", attrs![], where_kept),
        props.status.clone(),
        choice(
            "rw-check",
            "checkbox",
            None,
            clears,
            part_ui.exit_clears_label.into_prop_value(),
            Callback::from(toggle_clears),
        ),
        buttons(nodes(vec![
            button(
                "rw-button rw-button-quiet",
                part_ui.data_export,
                None,
                Callback::from(export),
            ),
            file,
            forget,
        ])),
        confirm_import,
        props.delete.clone(),
        words("h3", attrs![], part_ui.exit_about_heading),
        words("p", attrs![], part_ui.exit_about_text),
        props.close.clone(),
    ])
}
