//! Fetching the "Learn more" text (`learn/<lang>.json`, next to the widget's other files) the first time
//! a visitor opens it, and keeping it until the page closes.
//!
//! The browser parses the JSON (`Response::json()`), so the wasm carries no JSON parser for it; the
//! parsed value is read into the core's [`Learn`] through a `json::Tree`, as the saved document is, by
//! [`decode`], which is in Learn's part of the wasm (fetched with the text; see `components/lazy.rs`).

use crate::core::learn::Learn;
use crate::core::strings::cat;
use std::cell::RefCell;
use wasm_bindgen::JsValue;

thread_local! {
    /// The Learn text fetched on this page, by URL. Each entry is leaked on purpose: it is fetched
    /// once, kept until the page closes, and its ids serve as `'static` focus targets.
    static LOADED: RefCell<Vec<(String, &'static Learn)>> = const { RefCell::new(Vec::new()) };
}

/// Where the Learn text for `lang` is: `learn/<lang>.json` in the folder of `files` (the URL of the
/// loader, or of any file next to it), or of the page when there is none.
pub fn file_url(files: Option<&str>, lang: &str) -> Option<String> {
    super::file_next_to(files, &cat(&["learn/", lang, ".json"]))
}

/// The text already fetched from `url` on this page, if any.
pub fn cached(url: &str) -> Option<&'static Learn> {
    LOADED.with(|loaded| {
        loaded
            .borrow()
            .iter()
            .find(|(u, _)| u == url)
            .map(|(_, learn)| *learn)
    })
}

/// The text at `url`: from memory if this page fetched it before, else fetched, decoded and kept.
/// Any failure (offline, an HTTP error, not JSON, not the expected shape) says what went wrong, for
/// the console.
pub async fn load(
    url: &str,
    decoder: impl std::future::Future<Output = Result<Decode, String>>,
) -> Result<&'static Learn, String> {
    if let Some(learn) = cached(url) {
        return Ok(learn);
    }
    let json = super::fetch_json(url).await?;
    let learn = decoder.await?(&json)?;
    // Two loads of one URL may overlap (a retry after a timeout): keep the first that arrived.
    if let Some(earlier) = cached(url) {
        return Ok(earlier);
    }
    let learn: &'static Learn = Box::leak(Box::new(learn));
    LOADED.with(|loaded| loaded.borrow_mut().push((url.to_owned(), learn)));
    Ok(learn)
}

/// What reads the fetched JSON into a [`Learn`] ([`decode`], reached through Learn's part).
pub type Decode = fn(&JsValue) -> Result<Learn, String>;

/// The fetched JSON read into a [`Learn`], or what is wrong with it. (In Learn's part of the wasm: see
/// `components/lazy.rs`.)
pub fn decode(json: &JsValue) -> Result<Learn, String> {
    crate::core::json::from_tree(&crate::core::json::from_js(json))
}
