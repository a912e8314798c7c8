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

use components::app::AppProps;
use components::root::Root;
use core::content::Content;
use std::rc::Rc;
use yew::Callback;

/// The English content.
pub fn english() -> &'static Content {
    &core::content::bundled::CONTENT
}

/// Renders a widget with default settings into `element`.
pub fn mount(element: web_sys::Element) -> yew::AppHandle<Root> {
    mount_with(element, EmbedConfig::default(), None)
}

/// Renders a widget into `element` with `config`, sending its DOM events to `host` (if any). "Learn
/// more" fetches its text from the page's own folder.
pub fn mount_with(
    element: web_sys::Element,
    config: EmbedConfig,
    host: Option<web_sys::HtmlElement>,
) -> yew::AppHandle<Root> {
    mount_from(element, config, host, None)
}

/// Like [`mount_with`], for a widget whose files are served next to `files` (the loader's URL, or any
/// URL in that folder): "Learn more" fetches `learn/<lang>.json` from there. `None`: the page's folder.
pub fn mount_from(
    element: web_sys::Element,
    config: EmbedConfig,
    host: Option<web_sys::HtmlElement>,
    files: Option<&str>,
) -> yew::AppHandle<Root> {
    let content = core::content::Content::for_lang(&config.lang).unwrap_or_else(english);
    let props = AppProps {
        content,
        config: Rc::new(config),
        host,
        files: files.map(|f| f.to_owned().into()),
        on_language: Callback::noop(),
    };
    yew::Renderer::<Root>::with_root_and_props(element, props).render()
}
