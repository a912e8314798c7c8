//! DOM events from the widget to the host page.

use crate::core::content::Content;
use crate::core::document::Document;
use crate::core::events::{results, Detail};
use js_sys::{Object, Reflect};
use serde::Serialize;
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

/// A detail as the browser build holds it: its results, if any, already a plain object.
pub type JsDetail = Detail<JsValue>;

/// Dispatches `name` on `host`, bubbling out of the shadow root (`composed`), with `detail` as a plain
/// JS object. A failure to build the event is not worth disturbing the visitor for: it is skipped.
pub fn emit(host: &HtmlElement, name: &str, detail: &JsDetail) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&plain(detail));
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&event);
    }
}

/// `detail` as the plain object serde-wasm-bindgen would make of it (the same keys; none for what is
/// absent), written out by hand: the first screen's events carry two fields and two counts, and a
/// serializer would add about 2 KB to its download. The results, a deeper value only a page that
/// shares them gets, are made into a plain object by serde-wasm-bindgen in [`results_object`].
fn plain(detail: &JsDetail) -> JsValue {
    let object = Object::new();
    let set = |on: &Object, key: &str, value: &JsValue| {
        let _ = Reflect::set(on, &key.into(), value);
    };
    set(&object, "namespace", &detail.namespace.as_str().into());
    if let Some(checklist) = &detail.checklist {
        let counts = Object::new();
        // Counts of a few dozen actions: exact as a JS number.
        set(&counts, "done", &(checklist.done as f64).into());
        set(&counts, "total", &(checklist.total as f64).into());
        set(&object, "checklist", &counts);
    }
    if let Some(results) = &detail.results {
        set(&object, "results", results);
    }
    object.into()
}

/// The newest finished check's results ([`results`]) as the plain object the event carries. In the
/// results part of the wasm (see `components/lazy.rs`), with the scoring that works them out.
pub fn results_object(content: &'static Content, doc: &Document) -> Option<JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    results(content, doc)?.serialize(&serializer).ok()
}
