//! What a widget shows if its code stops. The release build aborts at once on a panic (no unwinding and
//! no panic message: smaller code, and no half-unwound state), which ends this widget's WebAssembly
//! instance with a trap; each widget on a page has an instance of its own (see
//! `www/reciprocity-widget.js`), so the others keep working. Nothing of this instance can run after
//! the trap, so the loader, told of it by the glue (see `scripts/minify.mjs`), replaces the widget's box
//! with these words, which it asked for when it mounted the widget. Saved progress is untouched: it
//! lives in storage.

use crate::core::content::Content;

/// The crash message in the language on screen, as the loader needs it: `[lang, dir, message, reload
/// link's label]`.
pub fn crash_words(content: &Content) -> js_sys::Array {
    [
        content.lang,
        content.dir,
        content.ui.crash_message,
        content.ui.crash_reload,
    ]
    .iter()
    .map(|text| wasm_bindgen::JsValue::from_str(text))
    .collect()
}

thread_local! {
    /// The loader's function that keeps the crash message's words (one widget per instance).
    static LISTENER: std::cell::RefCell<Option<js_sys::Function>> = const { std::cell::RefCell::new(None) };
}

/// Remembers the loader's function to tell the crash message's words to (replacing an earlier one).
pub fn listen(listener: js_sys::Function) {
    LISTENER.with(|l| *l.borrow_mut() = Some(listener));
}

/// Tells the loader the crash message's words in the language now on screen: after a change of
/// language the message must change too, and nothing can ask once the instance has stopped.
pub fn tell(content: &Content) {
    LISTENER.with(|l| {
        if let Some(listener) = l.borrow().as_ref() {
            // The loader's own function; if it throws, the widget carries on without it.
            let _ = listener.call1(&wasm_bindgen::JsValue::UNDEFINED, &crash_words(content));
        }
    });
}
