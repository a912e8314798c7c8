//! The browser's Web Storage as a [`Store`].
//!
//! Storage can be refused at any moment: blocked by a browser setting before the page starts, or
//! taken away while it runs (site data cleared, a page script that replaces `localStorage` or its
//! methods with ones that throw). gloo-storage's calls panic in those cases (`raw()` and the `expect`s
//! behind `get`, `delete` and `length`), and with `panic = "abort"` a panic ends the widget. So:
//! [`open`] probes the area through web-sys, which turns a throw into an `Err`; only then is the area
//! taken from gloo-storage (whose `raw()` cannot fail right after a successful probe), and every later
//! call goes through that handle's web-sys methods, which report a throw as an error instead of
//! panicking. A failure mid-session becomes [`StoreError::Unavailable`]: the widget keeps the state in
//! memory, says so, and tries again on the next change.

use crate::core::config::StorageChoice;
use crate::core::persistence::{Store, StoreError};
use crate::core::strings::find;
use gloo_storage::{LocalStorage, SessionStorage, Storage};
use wasm_bindgen::{JsCast, JsValue};

/// A [`Store`] over one Web Storage area, obtained only through [`open`].
pub struct WebStore {
    area: web_sys::Storage,
}

/// The storage object of the chosen area, if the browser lets this page use it. Never panics: a getter
/// that throws gives `None`.
pub fn area_object(choice: StorageChoice) -> Option<web_sys::Storage> {
    let window = web_sys::window()?;
    match choice {
        StorageChoice::Local => window.local_storage(),
        StorageChoice::Session => window.session_storage(),
        StorageChoice::None => return None,
    }
    .ok()
    .flatten()
}

/// The chosen area as a [`Store`], if the browser lets this page use it; `None` when it is blocked or
/// missing (and for [`StorageChoice::None`]).
pub fn open(choice: StorageChoice) -> Option<Box<dyn Store>> {
    // Probe first: gloo-storage's `raw()` panics where this returns `None`.
    area_object(choice)?;
    let area = match choice {
        StorageChoice::Local => LocalStorage::raw(),
        StorageChoice::Session => SessionStorage::raw(),
        StorageChoice::None => return None,
    };
    Some(Box::new(WebStore { area }))
}

/// Tells other widgets in this same page that `key` now holds `value`. Browsers fire `storage` events
/// only in *other* documents, so two widgets with one namespace on one page would drift apart; this
/// dispatches the same event here. The widget that wrote recognises its own text and ignores it.
pub fn announce(choice: StorageChoice, key: &str, value: Option<&str>) {
    let (Some(window), Some(area)) = (web_sys::window(), area_object(choice)) else {
        return;
    };
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some(key));
    init.set_new_value(value);
    init.set_storage_area(Some(&area));
    if let Ok(event) = web_sys::StorageEvent::new_with_event_init_dict("storage", &init) {
        let _ = window.dispatch_event(&event);
    }
}

fn classify(error: JsValue) -> StoreError {
    // Browsers name a full store differently: QuotaExceededError (Chromium, Safari, current Firefox)
    // and NS_ERROR_DOM_QUOTA_REACHED (older Firefox).
    let name = error
        .dyn_ref::<web_sys::DomException>()
        .map(|e| e.name())
        .unwrap_or_default();
    if find(&name, "Quota").is_some() || find(&name, "QUOTA").is_some() {
        StoreError::QuotaExceeded
    } else {
        StoreError::Unavailable
    }
}

impl Store for WebStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.area.get_item(key).map_err(classify)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.area.set_item(key, value).map_err(classify)
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.area.remove_item(key).map_err(classify)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let count = self.area.length().map_err(classify)?;
        (0..count)
            .map(|i| self.area.key(i).map_err(classify))
            .filter_map(Result::transpose)
            .collect()
    }
}
