//! The thin layer between the pure core and the browser: storage, clock, dates.

pub mod events;
pub mod storage;

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
    // Integer tenths rather than `{:.1}`: Rust's float formatting adds ~10 KB of wasm for this one use.
    let tenths = (value * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let text = format!("{sign}{}.{}", tenths.abs() / 10, tenths.abs() % 10);
    let sample: String = js_sys::Number::from(1.5).to_locale_string(lang).into();
    match sample.chars().nth(1) {
        Some(mark) if mark != '.' && !mark.is_ascii_digit() => text.replace('.', &mark.to_string()),
        _ => text,
    }
}
