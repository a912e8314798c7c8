//! The thin layer between the pure core and the browser: storage, clock, dates, fetching Learn's text.

pub mod crash;
pub mod events;
pub mod learn;
pub mod storage;
pub mod text;

/// The address of `path` (such as `text/fr.json`) in the folder of `files` (the URL of the loader, or
/// of any file next to it), or of the page when there is none.
pub fn file_next_to(files: Option<&str>, path: &str) -> Option<String> {
    let base = match files {
        Some(files) => files.to_owned(),
        None => web_sys::window()?.document()?.base_uri().ok()??,
    };
    web_sys::Url::new_with_base(path, &base)
        .ok()
        .map(|url| url.href())
}

/// The JSON at `url`, parsed by the browser (`Response::json()`, so the wasm carries no JSON parser).
/// Any failure (offline, an HTTP error, not JSON) says what went wrong, for the console.
pub async fn fetch_json(url: &str) -> Result<wasm_bindgen::JsValue, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let describe = |e: wasm_bindgen::JsValue| e.as_string().unwrap_or_else(|| format!("{e:?}"));
    let window = web_sys::window().ok_or("no window")?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(describe)?
        .dyn_into()
        .map_err(describe)?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    JsFuture::from(response.json().map_err(describe)?)
        .await
        .map_err(describe)
}

/// The words of a language as the loader hands them over (the parsed `text/<lang>.json`, an array of
/// strings), ready for [`crate::core::text::install`]; `None` for anything else.
pub fn words_from_js(value: &wasm_bindgen::JsValue) -> Option<Vec<String>> {
    let array: &js_sys::Array = wasm_bindgen::JsCast::dyn_ref(value)?;
    array.iter().map(|word| word.as_string()).collect()
}

/// Unix time in milliseconds.
pub fn now_ms() -> u64 {
    // Date.now() is a non-negative integral double well inside u64 range.
    js_sys::Date::now().max(0.0) as u64
}

/// A date for the visitor, in their language (e.g. "25 November 2026").
pub fn format_date(unix_ms: u64, lang: &str) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(unix_ms as f64));
    let options = js_sys::Object::new();
    for (name, value) in [("day", "numeric"), ("month", "long"), ("year", "numeric")] {
        // Setting a plain property on a fresh object cannot fail.
        let _ = js_sys::Reflect::set(&options, &name.into(), &value.into());
    }
    date.to_locale_date_string(lang, &options).into()
}

/// A score for the visitor, with one decimal and their language's decimal mark ("3.5", "3,5").
pub fn format_score(value: f64, lang: &str) -> String {
    // The browser's `Intl`, so the digits are the language's too ("3.5", "3,5", "٣٫٥"), like the
    // dates; and Rust's float formatting (~10 KB of wasm) stays out.
    let options = js_sys::Object::new();
    for name in ["minimumFractionDigits", "maximumFractionDigits"] {
        // Setting a plain property on a fresh object cannot fail.
        let _ = js_sys::Reflect::set(&options, &name.into(), &1.into());
    }
    let locales = js_sys::Array::of1(&lang.into());
    let format = js_sys::Intl::NumberFormat::new(&locales, &options).format();
    format
        .call1(&wasm_bindgen::JsValue::UNDEFINED, &value.into())
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_default()
}

/// A count for the visitor, in their language's digits ("3", "٣").
pub fn format_count(value: usize, lang: &str) -> String {
    js_sys::Number::from(value as f64)
        .to_locale_string(lang)
        .into()
}

/// Today's date as `YYYY-MM-DD` in the visitor's time zone (for file names).
pub fn today() -> String {
    let date = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date()
    )
}

/// Offers `text` to the visitor as a downloaded file called `name`. Nothing leaves the browser: the
/// file is made from a local `blob:` URL, revoked at once.
pub fn download(name: &str, text: &str, mime: &str) -> Result<(), wasm_bindgen::JsValue> {
    use wasm_bindgen::JsCast;
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| wasm_bindgen::JsValue::from_str("no document"))?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    web_sys::Url::revoke_object_url(&url)
}
