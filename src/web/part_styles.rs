//! The sections' own stylesheet, `reciprocity-parts.css`: the rules only the sections that arrive on
//! first use draw with (see `components/lazy.rs`), kept out of the first screen's download. The first
//! of them to open asks the loader to add it to the widget's shadow root (the loader knows that root,
//! and loads the widget's own stylesheet the same way); a section is drawn once it has loaded, so
//! nothing shows unstyled.

use std::cell::{Cell, RefCell};
use wasm_bindgen::JsValue;
use yew::Callback;

thread_local! {
    /// The loader's function that adds the stylesheet, returning a promise of whether it loaded: the
    /// same promise while it is on its way, a new try after a failure (one widget per instance, so one
    /// per instance).
    static ADD: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
    static HERE: Cell<bool> = const { Cell::new(false) };
}

/// Keeps the loader's function that adds the stylesheet (see `embed.rs`).
pub fn listen(add: js_sys::Function) {
    ADD.with(|kept| *kept.borrow_mut() = Some(add));
}

/// Whether the sections can be drawn: their stylesheet has loaded, or there is no loader to add one
/// (the browser tests mount the widget themselves, without stylesheets).
pub fn here() -> bool {
    HERE.get() || ADD.with(|kept| kept.borrow().is_none())
}

/// Asks the loader for the stylesheet unless it is here, then tells `done` whether it is.
pub fn add(done: Callback<bool>) {
    if here() {
        return done.emit(true);
    }
    let asked = ADD.with(|kept| kept.borrow().as_ref()?.call0(&JsValue::UNDEFINED).ok());
    wasm_bindgen_futures::spawn_local(async move {
        let loaded = match asked {
            Some(promise) => wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(promise))
                .await
                .is_ok_and(|loaded| loaded.is_truthy()),
            None => false,
        };
        HERE.set(loaded);
        done.emit(loaded);
    });
}
