//! "Your data": what is stored and where, and the visitor's controls over it. The panel, its status
//! line and "Delete everything" are on the first screen, so a visitor can always delete what this
//! tool stored at once, on a slow connection or offline too; the other controls (where it is kept,
//! download, load from a file, don't remember me on this device, clear on exit) arrive when the panel
//! is first opened (`data_controls.rs`, a part: see `lazy.rs`).

use super::hooks::focus::{use_pending_focus, Focus, PendingFocus};
use super::hooks::persistence::SavedProgress;
use super::lazy::{part_status, Arrived, PartNow};
use super::markup::{attrs, button, buttons, confirm, dynamic, element, nodes, sentence, tag};
use super::panel::Panel;
use super::widget::Widget;
use crate::core::content::{fill, UiText};
use crate::core::persistence::Deletion;
use crate::core::strings::joined;
use yew::html::IntoPropValue;
use yew::prelude::*;
use yew::virtual_dom::Listeners;

/// What the panel hands its controls once they have arrived (`data_controls.rs`): the panel's own
/// parts are placed among them.
#[derive(Properties, PartialEq)]
pub struct DataControlsProps {
    /// The widget: its state, a way to change it, the settings.
    pub widget: Widget,
    pub saved: SavedProgress,
    /// The panel's status line's sentence, set after an action.
    pub message: UseStateHandle<String>,
    /// Where focus goes after the next render, inside the panel.
    pub focus: PendingFocus,
    /// The panel's status line.
    pub status: Html,
    /// "Delete everything", or its question.
    pub delete: Html,
    /// "Close".
    pub close: Html,
}

/// The data panel's heading: focus goes back there after a step ends.
pub const HEADING: Focus = Focus::PanelHeading(Panel::Data);

/// What to tell the visitor after "Delete everything": "deleted" only when storage was read back
/// holding none of the widget's keys.
fn deletion_message(ui: &UiText, deletion: &Deletion) -> String {
    match deletion {
        Deletion::Complete => ui.data_deleted.to_string(),
        Deletion::Incomplete { left } => {
            fill(ui.data_delete_incomplete, &[("keys", &joined(left, ", "))])
        }
        Deletion::Unknown => ui.data_delete_unknown.to_string(),
    }
}

/// What the panel keeps between renders, in the app that shows it: the status line's sentence, whether
/// "Delete everything" is asking, and where focus goes inside the panel. (A function with the app's
/// hooks rather than a component: each component costs the download a few hundred bytes.)
#[derive(Clone)]
pub struct DataPanelState {
    message: UseStateHandle<String>,
    asking: UseStateHandle<bool>,
    root: NodeRef,
    /// Confirming and cancelling swap the focused control for another: focus follows.
    pub focus: PendingFocus,
}

impl DataPanelState {
    /// The panel opens afresh: no question, no sentence from last time.
    pub fn reset(&self) {
        self.asking.set(false);
        self.message.set(String::new());
    }
}

#[hook]
pub fn use_data_panel() -> DataPanelState {
    let root = use_node_ref();
    DataPanelState {
        message: use_state(String::new),
        asking: use_state(|| false),
        focus: use_pending_focus(root.clone()),
        root,
    }
}

/// The panel, with `state` from [`use_data_panel`] and `now`, what `use_part` says of its controls'
/// part; `on_close` closes it.
pub fn data_panel(
    widget: &Widget,
    saved: &SavedProgress,
    state: &DataPanelState,
    now: PartNow,
    on_close: &Callback<()>,
) -> Html {
    let ui = &widget.content().ui;
    let (message, asking, focus_next) = (&state.message, &state.asking, &state.focus);
    let heading_id = AttrValue::from(widget.id("data-heading"));

    let ask = |yes: bool, focus: Focus| {
        let (asking, message, focus_next) = (asking.clone(), message.clone(), focus_next.clone());
        Callback::from(move |_: MouseEvent| {
            focus_next.set(focus);
            asking.set(yes);
            message.set(String::new());
        })
    };
    let delete = if **asking {
        let yes = {
            let (asking, message, saved) = (asking.clone(), message.clone(), saved.clone());
            let focus_next = focus_next.clone();
            Callback::from(move |_: MouseEvent| {
                focus_next.set(HEADING);
                let deletion = saved.delete_everything();
                asking.set(false);
                message.set(deletion_message(ui, &deletion));
            })
        };
        confirm(
            widget.id("delete-question"),
            ui.data_delete_question.into_prop_value(),
            "rw-button rw-button-danger",
            ui.data_delete_confirm,
            yes,
            ui.cancel,
            Focus::DeleteCancel,
            ask(false, Focus::Delete),
        )
    } else {
        buttons(button(
            "rw-button rw-button-quiet",
            ui.data_delete,
            Some(Focus::Delete),
            ask(true, Focus::DeleteCancel),
        ))
    };
    let status = sentence(
        "p",
        attrs!["role" = "status", "class" = "rw-panel-status"],
        (**message).clone(),
    );
    let close = buttons(button(
        "rw-button rw-button-quiet",
        ui.close,
        None,
        on_close.reform(|_| ()),
    ));
    // The heading stays the same element whatever arrives below it, so focus stays on it.
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
    let body = match now {
        PartNow::Here(Arrived::Data(render)) => render(DataControlsProps {
            widget: widget.clone(),
            saved: saved.clone(),
            message: message.clone(),
            focus: focus_next.clone(),
            status,
            delete,
            close,
        }),
        // Until the rest arrives (on a slow connection), or if it cannot (offline), deleting works
        // all the same, and says what it did.
        _ => nodes(vec![part_status(widget, &now), status, delete, close]),
    };
    element(
        "section",
        state.root.clone(),
        None,
        dynamic![
            "id" = widget.id("data"),
            "aria-labelledby" = heading_id,
            "class" = "rw-panel rw-data",
        ],
        Listeners::None,
        nodes(vec![heading, body]),
    )
}
