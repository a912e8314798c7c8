//! The thin layer between the pure core and the browser: storage, clock, dates, fetching Learn's text.

pub mod crash;
pub mod events;
pub mod learn;
pub mod part_styles;
pub mod storage;
pub mod text;

use crate::core::days::Day;
use crate::core::strings::{cat, decimal};

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
    // What the browser said: a rejected fetch or a failed parse is an `Error` ("Failed to fetch").
    // Its message rather than the value's `Debug`, whose formatting would bring the glue's general
    // value printer for one line of the console.
    let describe = |e: wasm_bindgen::JsValue| match e.dyn_ref::<js_sys::Error>() {
        Some(error) => String::from(error.message()),
        None => e.as_string().unwrap_or_default(),
    };
    let window = web_sys::window().ok_or("no window")?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(describe)?
        .dyn_into()
        .map_err(describe)?;
    if !response.ok() {
        return Err(cat(&["HTTP ", &decimal(u64::from(response.status()))]));
    }
    JsFuture::from(response.json().map_err(describe)?)
        .await
        .map_err(describe)
}

/// The words of a language (the parsed `text/<lang>.json`, an array of strings) as one string joined
/// by [`crate::core::text::SEPARATOR`], for [`crate::core::text::install_joined`]: one string crosses
/// into the wasm instead of four hundred. `None` for anything but an array. (A table of the wrong
/// length is refused by the install; the build writes nothing but strings.)
pub fn words_from_js(value: &wasm_bindgen::JsValue) -> Option<String> {
    let array: &js_sys::Array = wasm_bindgen::JsCast::dyn_ref(value)?;
    Some(array.join(crate::core::text::SEPARATOR).into())
}

/// Unix time in milliseconds.
pub fn now_ms() -> u64 {
    // Date.now() is a non-negative integral double well inside u64 range.
    js_sys::Date::now().max(0.0) as u64
}

/// A date for the visitor, in their language (e.g. "25 November 2026").
pub fn format_date(unix_ms: u64, lang: &str) -> String {
    format_moment(unix_ms, lang, false)
}

/// A date and time of day for the visitor, in their language's order (e.g. "25 November 2026 at
/// 14:05"): for telling apart two checks of the same day.
pub fn format_date_time(unix_ms: u64, lang: &str) -> String {
    format_moment(unix_ms, lang, true)
}

fn format_moment(unix_ms: u64, lang: &str, time: bool) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(unix_ms as f64));
    let options = js_sys::Object::new();
    let parts = [
        ("day", "numeric"),
        ("month", "long"),
        ("year", "numeric"),
        ("hour", "numeric"),
        ("minute", "2-digit"),
    ];
    for (name, value) in &parts[..if time { 5 } else { 3 }] {
        // Setting a plain property on a fresh object cannot fail.
        let _ = js_sys::Reflect::set(&options, &(*name).into(), &(*value).into());
    }
    date.to_locale_string(&intl_locale(lang), &options).into()
}

/// A score for the visitor, with one decimal and their language's decimal mark ("3.5", "3,5").
pub fn format_score(value: f64, lang: &str) -> String {
    // The browser's `Intl`, for the language's decimal mark ("3.5", "3,5", "3٫5"); and Rust's float
    // formatting (~10 KB of wasm) stays out.
    format_number(value, lang, 1)
}

/// A count for the visitor ("3 of 5 done"). Western digits, like every number the widget shows (see
/// `intl_locale`); written here rather than by `Intl`, whose first use for a language costs about
/// 40 ms on a phone, on the first screen.
pub fn format_count(value: usize) -> String {
    decimal(value as u64)
}

/// The locale `Intl` formats for in `lang`: its own words, separators and order, with Western digits
/// (`-u-nu-latn`) in every language, so a date, a score and a phone number never mix two sets of digits
/// (Arabic would otherwise write "٢٧" beside "800 4673"; the UAE uses Western digits).
fn intl_locale(lang: &str) -> String {
    cat(&[lang, "-u-nu-latn"])
}

thread_local! {
    /// One `Intl.NumberFormat` per language and number of decimals, made once: making one costs a few
    /// milliseconds on a phone, and the checklist shows fifteen counts.
    static NUMBER_FORMATS: std::cell::RefCell<Vec<(String, u32, js_sys::Function)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

fn format_number(value: f64, lang: &str, decimals: u32) -> String {
    let format = NUMBER_FORMATS.with(|formats| {
        let mut formats = formats.borrow_mut();
        if let Some((_, _, format)) = formats.iter().find(|(l, d, _)| l == lang && *d == decimals) {
            return format.clone();
        }
        let options = js_sys::Object::new();
        for name in ["minimumFractionDigits", "maximumFractionDigits"] {
            // Setting a plain property on a fresh object cannot fail.
            let _ = js_sys::Reflect::set(&options, &name.into(), &decimals.into());
        }
        let locales = js_sys::Array::of1(&intl_locale(lang).into());
        let format = js_sys::Intl::NumberFormat::new(&locales, &options).format();
        formats.push((lang.to_owned(), decimals, format.clone()));
        format
    });
    format
        .call1(&wasm_bindgen::JsValue::UNDEFINED, &value.into())
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_default()
}

/// The visitor's calendar day now: the clock and the local offset of this moment, read together.
pub fn local_day() -> Day {
    let date = js_sys::Date::new_0();
    Day::local(
        date.get_time().max(0.0) as u64,
        date.get_timezone_offset() as i32,
    )
}

/// Today's date as `YYYY-MM-DD` in the visitor's time zone (for file names).
pub fn today() -> String {
    local_day().iso()
}

/// `day` in the visitor's language: "Monday, November 23" when `long`, else its weekday alone ("Mon").
/// Formatted in UTC from the day's noon, so it names that calendar day whatever the time zone.
pub fn format_day(day: Day, lang: &str, long: bool) -> String {
    let date = js_sys::Date::new(&day.noon_utc().into());
    let options = js_sys::Object::new();
    let long_parts = [("day", "numeric"), ("month", "long")];
    let weekday = if long { "long" } else { "short" };
    for (name, value) in [("timeZone", "UTC"), ("weekday", weekday)]
        .into_iter()
        .chain(long_parts.into_iter().filter(|_| long))
    {
        // Setting a plain property on a fresh object cannot fail.
        let _ = js_sys::Reflect::set(&options, &name.into(), &value.into());
    }
    date.to_locale_date_string(&intl_locale(lang), &options)
        .into()
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
