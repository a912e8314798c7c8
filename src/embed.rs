//! What the `<reciprocity-widget>` custom element (`www/reciprocity-widget.js`) calls. The element
//! itself is a few lines of JavaScript (a class must extend `HTMLElement`, which Rust cannot); every
//! decision (attribute checks, storage, rendering, events) happens here.

use crate::components::root::Root;
use crate::core::config::{self, ATTRIBUTES};
use crate::core::content::Content;
use crate::core::strings::cat;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The attribute names the element observes: the element's `observedAttributes`.
#[wasm_bindgen(js_name = observedAttributes)]
pub fn observed_attributes() -> Vec<JsValue> {
    ATTRIBUTES
        .iter()
        .map(|name| JsValue::from_str(name))
        .collect()
}

/// A mounted widget; `destroy()` removes it (the element calls it when removed from the page or before
/// mounting again with new attributes).
#[wasm_bindgen]
pub struct WidgetHandle {
    app: Option<yew::AppHandle<Root>>,
    content: &'static Content,
}

#[wasm_bindgen]
impl WidgetHandle {
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }

    /// What the loader shows if this widget's code stops (see `web/crash.rs`): `[lang, dir, message,
    /// reload link's label]`, asked for at mount, since nothing here can run afterwards.
    #[wasm_bindgen(js_name = crashWords)]
    pub fn crash_words(&self) -> js_sys::Array {
        crate::web::crash::crash_words(self.content)
    }
}

/// Mounts a widget into `root` (inside the element's shadow root), configured by `attributes`, an
/// array of `[name, value]` pairs, and sending its events to `host`. `loader` is the loader's own URL
/// (`import.meta.url`): files fetched later ("Learn more") are found next to it, wherever the clinic
/// serves them from. `words` is the widget's language's `text/<lang>.json`, which the loader fetched
/// while the wasm compiled (see `core/text.rs`). `on_crash_words` is told the crash message's words
/// whenever the language on screen changes (see `web/crash.rs`). `style_parts` adds the sections'
/// stylesheet to the shadow root when one of them first opens (see `web/part_styles.rs`). Refused
/// attribute values are reported with one console warning each; the one thing that throws is `words`
/// that do not fit this build (then nothing is mounted, and the loader shows the clinic's fallback
/// content).
#[wasm_bindgen(js_name = mountWidget)]
pub fn mount_widget(
    host: web_sys::HtmlElement,
    root: web_sys::Element,
    attributes: js_sys::Array,
    loader: Option<String>,
    words: JsValue,
    on_crash_words: Option<js_sys::Function>,
    style_parts: Option<js_sys::Function>,
) -> Result<WidgetHandle, JsValue> {
    if let Some(listener) = on_crash_words {
        crate::web::crash::listen(listener);
    }
    if let Some(add) = style_parts {
        crate::web::part_styles::listen(add);
    }
    let words = crate::web::words_from_js(&words).ok_or_else(|| {
        JsValue::from_str("reciprocity-widget: its words are not a list of strings")
    })?;
    crate::core::text::install_joined(words).map_err(|wrong| {
        JsValue::from_str(&cat(&[
            "reciprocity-widget: its words have ",
            &wrong.places(),
            ": text/<lang>.json is from another version of the widget",
        ]))
    })?;
    // Read by hand rather than through serde: the attribute list is flat strings, and a deserializer's
    // error paths (which format numbers) would add kilobytes for nothing. Entries of any other shape
    // are skipped.
    let pairs: Vec<(String, String)> = attributes
        .iter()
        .filter_map(|entry| {
            let pair = entry.dyn_into::<js_sys::Array>().ok()?;
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect();
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    let resolve = |url: &str| {
        web_sys::Url::new_with_base(url, &base)
            .ok()
            .map(|u| u.href())
    };
    let (config, refused) = config::parse(&pairs, &resolve);
    for problem in &refused {
        web_sys::console::warn_1(&problem.message().into());
    }
    if Content::for_lang(&config.lang).is_none() {
        web_sys::console::warn_1(
            &cat(&[
                "reciprocity-widget: no content in lang=\"",
                &config::console_quoted(&config.lang),
                "\" yet; showing English.",
            ])
            .into(),
        );
    }
    let content = Content::for_lang(&config.lang).unwrap_or_else(crate::english);
    Ok(WidgetHandle {
        app: Some(crate::mount_from(
            root,
            config,
            Some(host),
            loader.as_deref(),
        )),
        content,
    })
}
