//! "Your data": what is stored and where, and the visitor's controls over it: delete everything,
//! download, load from a file, don't remember me on this device, and clear-on-exit.

use super::hooks::focus::{use_pending_focus, Focus};
use super::hooks::persistence::{Keeping, SavedProgress};
use super::markup::{
    attrs, button, buttons, choice, confirm, dynamic, el, element, nodes, on, sentence, string,
    tag, words,
};
use super::panel::Panel;
use super::widget::Widget;
use crate::core::codec::{decode, encode_pretty, DecodeError};
use crate::core::content::{fill, UiText};
use crate::core::document::Document;
use crate::core::persistence::{Deletion, Move, SaveOutcome};
use crate::core::state::Action;
use crate::web::{download, today};
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::html::IntoPropValue;
use yew::prelude::*;
use yew::virtual_dom::{Attributes, Listeners, VTag};

#[derive(Properties, PartialEq)]
pub struct DataPanelProps {
    /// The widget: its state, a way to change it, the settings.
    pub widget: Widget,
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
    let widget = props.widget.clone();
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
    let where_kept = match saved.keeping {
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

    let confirm_import = match &*step {
        Step::ConfirmImport { file, .. } => confirm(
            widget.id("import-question"),
            string(fill(ui.data_import_question, &[("file", file)])),
            "rw-button",
            ui.data_import_confirm,
            Callback::from(import),
            ui.cancel,
            Focus::ImportCancel,
            Callback::from(set_step(Step::Idle, HEADING)),
        ),
        _ => Html::default(),
    };
    let delete = if *step == Step::ConfirmDelete {
        confirm(
            widget.id("delete-question"),
            ui.data_delete_question.into_prop_value(),
            "rw-button rw-button-danger",
            ui.data_delete_confirm,
            Callback::from(delete),
            ui.cancel,
            Focus::DeleteCancel,
            Callback::from(set_step(Step::Idle, Focus::Delete)),
        )
    } else {
        buttons(button(
            "rw-button rw-button-quiet",
            ui.data_delete,
            Some(Focus::Delete),
            Callback::from(set_step(Step::ConfirmDelete, Focus::DeleteCancel)),
        ))
    };
    let forget = if saved.keeping == Keeping::Saved {
        button(
            "rw-button rw-button-quiet",
            ui.data_forget_device,
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
        nodes(vec![file.into(), words("span", attrs![], ui.data_import)]),
    );
    let heading_id = AttrValue::from(heading_id);
    let heading = tag(
        "h2",
        dynamic![
            "id" = heading_id.clone(),
            "tabindex" = "-1",
            "data-focus" = HEADING.attr(),
        ],
        Listeners::None,
        ui.data_heading.into_prop_value(),
    );
    let children = vec![
        heading,
        sentence("p", attrs![], where_kept),
        sentence(
            "p",
            attrs!["role" = "status", "class" = "rw-panel-status"],
            (*message).clone(),
        ),
        choice(
            "rw-check",
            "checkbox",
            None,
            clears,
            ui.exit_clears_label.into_prop_value(),
            Callback::from(toggle_clears),
        ),
        buttons(nodes(vec![
            button(
                "rw-button rw-button-quiet",
                ui.data_export,
                None,
                Callback::from(export),
            ),
            file,
            forget,
        ])),
        confirm_import,
        delete,
        words("h3", attrs![], ui.exit_about_heading),
        words("p", attrs![], ui.exit_about_text),
        buttons(button(
            "rw-button rw-button-quiet",
            ui.close,
            None,
            props.on_close.reform(|_| ()),
        )),
    ];
    element(
        "section",
        panel_ref,
        None,
        dynamic![
            "id" = widget.id("data"),
            "aria-labelledby" = heading_id,
            "class" = "rw-panel rw-data",
        ],
        Listeners::None,
        nodes(children),
    )
}
