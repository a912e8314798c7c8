//! Reciprocity widget: a RECIPRO checklist, a reciprocity self-check and a personal plan, running
//! entirely in the visitor's browser.
//!
//! Layers, from the inside out: content as data (`content/*.json`) → the pure [`core`] (model, scoring,
//! reducer, storage codec; tested natively) → [`web`] (browser storage, clock) → thin Yew
//! [`components`] → [`mount`], the embedding entry point.

pub mod components;
pub mod core;
pub mod web;

pub use components::app::WidgetConfig;
pub use core::persistence::Namespace;
pub use web::storage::Area;

use components::app::{App, AppProps};
use core::content::Content;

/// The English content.
pub fn english() -> &'static Content {
    &core::content::bundled::EN
}

/// Renders a widget with default settings into `element`.
pub fn mount(element: web_sys::Element) {
    mount_with(element, WidgetConfig::default());
}

/// Renders a widget into `element`, keeping its progress where `config` says.
pub fn mount_with(element: web_sys::Element, config: WidgetConfig) {
    let content = english();
    yew::Renderer::<App>::with_root_and_props(element, AppProps { content, config }).render();
}
