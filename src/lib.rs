//! Reciprocity widget: a RECIPRO checklist, a reciprocity self-check and a personal plan, running
//! entirely in the visitor's browser.
//!
//! Layers, from the inside out: content as data (`content/*.json`) → the pure [`core`] (model, scoring,
//! reducer, storage codec; tested natively) → [`web`] (browser storage, clock) → thin Yew
//! [`components`] → [`mount`], the embedding entry point.

pub mod components;
pub mod core;
pub mod web;

use components::app::{App, AppProps, WidgetConfig};
use core::content::Content;
use std::sync::OnceLock;

/// The English content, parsed once.
pub fn english() -> Result<&'static Content, &'static str> {
    static ENGLISH: OnceLock<Result<Content, String>> = OnceLock::new();
    ENGLISH
        .get_or_init(|| Content::parse(include_str!("../content/en.json")))
        .as_ref()
        .map_err(String::as_str)
}

/// Renders a widget with default settings into `element`.
pub fn mount(element: web_sys::Element) {
    mount_with(element, WidgetConfig::default());
}

/// Renders a widget into `element`, keeping its progress where `config` says.
pub fn mount_with(element: web_sys::Element, config: WidgetConfig) {
    match english() {
        Ok(content) => {
            yew::Renderer::<App>::with_root_and_props(element, AppProps { content, config })
                .render();
        }
        // Only a build from an unchecked content file gets here; say so instead of showing nothing.
        Err(problem) => {
            element.set_text_content(Some("The reciprocity widget could not start."));
            web_sys::console::error_1(&format!("reciprocity-widget: {problem}").into());
        }
    }
}
