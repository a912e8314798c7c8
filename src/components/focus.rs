//! Moving focus after a render. When a control the visitor used is replaced (a confirmation appears,
//! a question changes, a panel closes), focus would fall to the page's body; instead the component
//! names the element to focus next with `data-focus="…"`, and this hook focuses it once it is in the
//! DOM.

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Where focus goes after the next render: set it, then change state.
#[derive(Clone, PartialEq)]
pub struct PendingFocus(Rc<RefCell<Option<String>>>);

impl PendingFocus {
    pub fn set(&self, target: impl Into<String>) {
        *self.0.borrow_mut() = Some(target.into());
    }
}

/// Focuses the element marked `data-focus="{target}"` inside `root` after each render that follows a
/// [`PendingFocus::set`].
#[hook]
pub fn use_pending_focus(root: NodeRef) -> PendingFocus {
    let pending = use_mut_ref(|| None::<String>);
    {
        let pending = pending.clone();
        use_effect(move || {
            let Some(target) = pending.borrow_mut().take() else {
                return;
            };
            let element = root
                .cast::<web_sys::Element>()
                .and_then(|root| {
                    root.query_selector(&format!("[data-focus=\"{target}\"]"))
                        .ok()
                        .flatten()
                })
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(element) = element {
                let _ = element.focus();
            }
        });
    }
    PendingFocus(pending)
}
