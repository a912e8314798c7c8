//! DOM events from the widget to the host page.

use serde::Serialize;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

/// Dispatches `name` on `host`, bubbling out of the shadow root (`composed`), with `detail` as a plain
/// JS object. A failure to build the event is not worth disturbing the visitor for: it is skipped.
pub fn emit(host: &HtmlElement, name: &str, detail: &impl Serialize) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    if let Ok(detail) = detail.serialize(&serializer) {
        init.set_detail(&detail);
    }
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&event);
    }
}
