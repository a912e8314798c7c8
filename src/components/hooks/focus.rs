//! Moving focus after a render. When a control the visitor used is replaced (a confirmation appears,
//! a question changes, a panel closes), focus would fall to the page's body; instead the component
//! marks the element to focus next with `data-focus` (a [`Focus`] target), and this hook focuses it
//! once it is in the DOM.

use crate::components::panel::Panel;
use crate::core::strings::{cat, decimal};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Every place focus can be sent to. Rendered as the element's `data-focus` attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The heading of the section on screen.
    ViewHeading,
    /// The statement's legend (or the content note, or the "who is this about" question): focus goes
    /// there after Next and Back, so a screen reader reads the new statement and a keyboard user tabs
    /// straight into its options.
    Legend,
    /// A panel's heading, after it opens.
    PanelHeading(Panel),
    /// The toolbar button that opens a panel, after it closes.
    Toggle(Panel),
    /// "Cancel" of the question whether to load a file.
    ImportCancel,
    /// "Delete everything" (after cancelling the question).
    Delete,
    /// "Cancel" of the question whether to delete everything.
    DeleteCancel,
    /// "Start the checklist again" (after cancelling the question).
    ResetAsk,
    /// "Cancel" of the question whether to start the checklist again.
    ResetCancel,
    /// A RECIPRO step's heading, by the step's id (the plan links to it).
    Step(&'static str),
    /// The checklist's "Change" (who it is about), after a relationship is chosen.
    RelationshipChange,
    /// A relationship's button in the checklist's chooser, by relationship id, after "Change".
    Relationship(&'static str),
    /// "Learn more" on the checklist or the plan, after Learn closes.
    LearnButton,
    /// A link that opens Learn at a passage, by the passage's id, after Learn closes (the plan marks
    /// its links to Learn with it).
    LearnLink(&'static str),
    /// In Learn: a section's or passage's heading, or a question, by its id.
    LearnPart(&'static str),
    /// The heading of the plan's list of checks, after one was removed.
    Checks,
    /// A check's "Remove" on the plan, by the check's id (after cancelling the question).
    RemoveCheck(u64),
    /// "Cancel" of the question whether to remove a check.
    RemoveCancel,
    /// The language list, in the app mounted afresh in the language chosen there.
    Language,
}

impl Focus {
    /// The value of the `data-focus` attribute.
    pub fn attr(self) -> AttrValue {
        let name = match self {
            Focus::ViewHeading => "view-heading",
            Focus::Legend => "legend",
            Focus::PanelHeading(Panel::Support) => "support",
            Focus::PanelHeading(Panel::Data) => "data",
            Focus::Toggle(Panel::Support) => "toolbar-support",
            Focus::Toggle(Panel::Data) => "toolbar-data",
            Focus::ImportCancel => "import-cancel",
            Focus::Delete => "delete",
            Focus::DeleteCancel => "delete-cancel",
            Focus::ResetAsk => "reset-ask",
            Focus::ResetCancel => "reset-cancel",
            Focus::RelationshipChange => "relationship-change",
            Focus::Step(id) => return AttrValue::from(cat(&["step-", id])),
            Focus::Relationship(id) => return AttrValue::from(cat(&["relationship-", id])),
            Focus::LearnButton => "learn-button",
            Focus::LearnLink(id) => return AttrValue::from(cat(&["learn-link-", id])),
            Focus::LearnPart(id) => return AttrValue::from(cat(&["learn-", id])),
            Focus::Checks => "checks",
            Focus::RemoveCheck(id) => return AttrValue::from(cat(&["remove-", &decimal(id)])),
            Focus::RemoveCancel => "remove-cancel",
            Focus::Language => "language",
        };
        AttrValue::Static(name)
    }
}

/// Where focus goes after the next render: set it, then change state.
#[derive(Clone, PartialEq)]
pub struct PendingFocus(Rc<RefCell<Option<Focus>>>);

impl PendingFocus {
    pub fn set(&self, target: Focus) {
        *self.0.borrow_mut() = Some(target);
    }
}

/// Focuses the element marked with the pending [`Focus`] target inside `root` after each render that
/// follows a [`PendingFocus::set`].
#[hook]
pub fn use_pending_focus(root: NodeRef) -> PendingFocus {
    let pending = use_mut_ref(|| None::<Focus>);
    {
        let pending = pending.clone();
        use_effect(move || {
            let Some(target) = pending.borrow_mut().take() else {
                return;
            };
            focus_now(&root, target);
        });
    }
    PendingFocus(pending)
}

/// Focuses the element marked with `target` inside `root` at once, if it is there (for a control
/// that moves focus without changing anything, such as a table of contents). Returns whether it was.
pub fn focus_now(root: &NodeRef, target: Focus) -> bool {
    let element = root
        .cast::<web_sys::Element>()
        .and_then(|root| {
            root.query_selector(&cat(&["[data-focus=\"", &target.attr(), "\"]"]))
                .ok()
                .flatten()
        })
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    element.is_some_and(|element| element.focus().is_ok())
}
