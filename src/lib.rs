//! Reciprocity widget: a RECIPRO checklist, a reciprocity self-check and a personal plan, running
//! entirely in the visitor's browser.
//!
//! Layers, from the inside out: content as data (`content/*.json`) → the pure [`core`] (model, scoring,
//! reducer, storage codec, attribute parsing; tested natively) → [`web`] (browser storage, clock,
//! events) → thin Yew [`components`] → [`mount`] and the [`embed`] exports used by the
//! `<reciprocity-widget>` custom element.

pub mod components;
pub mod core;
pub mod web;

pub mod embed;

pub use core::config::{EmbedConfig, StorageChoice};
pub use core::persistence::Namespace;

use components::app::{App, AppProps};
use core::content::Content;
use std::rc::Rc;

/// The English content.
pub fn english() -> &'static Content {
    &core::content::bundled::EN
}

/// Renders a widget with default settings into `element`.
pub fn mount(element: web_sys::Element) -> yew::AppHandle<App> {
    mount_with(element, EmbedConfig::default(), None)
}

/// Renders a widget into `element` with `config`, sending its DOM events to `host` (if any).
pub fn mount_with(
    element: web_sys::Element,
    config: EmbedConfig,
    host: Option<web_sys::HtmlElement>,
) -> yew::AppHandle<App> {
    let content = core::content::Content::for_lang(&config.lang).unwrap_or_else(english);
    // If anything in this widget panics, its box says so calmly instead of going blank.
    web::crash::watch(&element, content);
    let props = AppProps {
        content,
        config: Rc::new(config),
        host,
    };
    yew::Renderer::<App>::with_root_and_props(element, props).render()
}
