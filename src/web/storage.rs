//! The browser's Web Storage as a [`Store`].
//!
//! gloo-storage's `raw()` panics when storage is blocked (Safari private mode, blocked cookies, sandboxed
//! iframes, a page whose script replaced the getter with one that throws), and with `panic = "abort"` a
//! panic ends the whole widget. So [`open`] first probes `window.localStorage` itself through web-sys,
//! which turns a throw into an `Err`; only a store that passed the probe is handed to gloo-storage.

use crate::core::config::StorageChoice;
use crate::core::persistence::{Store, StoreError};
use gloo_storage::{LocalStorage, SessionStorage, Storage};
use std::marker::PhantomData;
use wasm_bindgen::{JsCast, JsValue};

/// A [`Store`] over one Web Storage area, obtained only through [`open`].
pub struct WebStore<S: Storage> {
    area: PhantomData<S>,
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
    area_object(choice)?;
    match choice {
        StorageChoice::Local => Some(Box::new(WebStore::<LocalStorage> { area: PhantomData })),
        StorageChoice::Session => Some(Box::new(WebStore::<SessionStorage> { area: PhantomData })),
        StorageChoice::None => None,
    }
}

/// Tells other widgets in this same page that `key` now holds `value`. Browsers fire `storage` events
/// only in *other* documents, so two widgets with one namespace on one page would drift apart; this
/// dispatches the same event here. The widget that wrote recognises its own text and ignores it.
pub fn announce(choice: StorageChoice, key: &str, value: &str) {
    let (Some(window), Some(area)) = (web_sys::window(), area_object(choice)) else {
        return;
    };
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some(key));
    init.set_new_value(Some(value));
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
    if name.contains("Quota") || name.contains("QUOTA") {
        StoreError::QuotaExceeded
    } else {
        StoreError::Unavailable
    }
}

impl<S: Storage> Store for WebStore<S> {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        S::raw().get_item(key).map_err(classify)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        S::raw().set_item(key, value).map_err(classify)
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        S::raw().remove_item(key).map_err(classify)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let storage = S::raw();
        let count = storage.length().map_err(classify)?;
        Ok((0..count)
            .filter_map(|i| storage.key(i).ok().flatten())
            .collect())
    }
}
