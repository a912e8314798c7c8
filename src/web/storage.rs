//! The browser's Web Storage as a [`Store`].
//!
//! gloo-storage's `raw()` panics when storage is blocked (Safari private mode, blocked cookies, sandboxed
//! iframes, a page whose script replaced the getter with one that throws), and with `panic = "abort"` a
//! panic ends the whole widget. So [`open`] first probes `window.localStorage` itself through web-sys,
//! which turns a throw into an `Err`; only a store that passed the probe is handed to gloo-storage.

use crate::core::persistence::{Store, StoreError};
use gloo_storage::{LocalStorage, SessionStorage, Storage};
use std::marker::PhantomData;
use wasm_bindgen::{JsCast, JsValue};

/// Which Web Storage area progress goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Area {
    /// Kept until the visitor deletes it.
    #[default]
    Local,
    /// Kept until the tab closes.
    Session,
}

/// A [`Store`] over one Web Storage area, obtained only through [`open`].
pub struct WebStore<S: Storage> {
    area: PhantomData<S>,
}

/// The area, if the browser lets this page use it; `None` when it is blocked or missing.
pub fn open(area: Area) -> Option<Box<dyn Store>> {
    let window = web_sys::window()?;
    let probe = match area {
        Area::Local => window.local_storage(),
        Area::Session => window.session_storage(),
    };
    match probe {
        Ok(Some(_)) => Some(match area {
            Area::Local => Box::new(WebStore::<LocalStorage> { area: PhantomData }),
            Area::Session => Box::new(WebStore::<SessionStorage> { area: PhantomData }),
        }),
        _ => None,
    }
}

/// The storage object of the area this page can reach, as the probe in [`open`] proved.
pub fn area_object(area: Area) -> Option<web_sys::Storage> {
    let window = web_sys::window()?;
    match area {
        Area::Local => window.local_storage(),
        Area::Session => window.session_storage(),
    }
    .ok()
    .flatten()
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
}
