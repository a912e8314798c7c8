//! The demo page: mounts one widget into `#widget`. Embedding pages use [`reciprocity_widget::mount`].

fn main() {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("widget"));
    match root {
        Some(root) => reciprocity_widget::mount(root),
        None => web_sys::console::error_1(
            &"reciprocity-widget: the demo page has no #widget element".into(),
        ),
    }
}
