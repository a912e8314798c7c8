//! The language the widget speaks, changeable at any time: a list of the languages it has words for,
//! each named in itself. Choosing one keeps the choice in the document; its words are fetched (one
//! file, from the widget's own folder; see `hooks/language.rs`) and the app comes back in that
//! language with focus on this list (`Focus::Language`, set by the app). Hidden when the widget has
//! one language only. A function rather than a component: it keeps no state, and each component costs
//! the download a few hundred bytes.

use super::hooks::focus::Focus;
use super::hooks::language::chosen_here;
use super::markup::{attrs, dynamic, el, fixed, nodes, on, tag};
use super::widget::Widget;
use crate::core::content::bundled;
use crate::core::state::Action;
use crate::core::text;
use web_sys::HtmlSelectElement;
use yew::html::IntoPropValue;
use yew::prelude::*;
use yew::virtual_dom::Listeners;

/// Each language's name in itself.
pub const NAMES: [(&str, &str); 4] = [
    ("en", "English"),
    ("fr", "Français"),
    ("hi", "हिन्दी"),
    ("ar", "العربية"),
];

pub fn language_choice(widget: &Widget) -> Html {
    let ui = &widget.content().ui;
    if bundled::LANGUAGES.len() < 2 {
        return Html::default();
    }
    let current = text::current();
    let onchange = {
        let widget = widget.clone();
        move |event: Event| {
            let Some(list) = event.target_dyn_into::<HtmlSelectElement>() else {
                return;
            };
            if let Some(lang) = bundled::LANGUAGES
                .iter()
                .copied()
                .find(|l| *l == list.value())
            {
                chosen_here();
                // The list shows the language on screen until the chosen one's words are in.
                list.set_value(text::current());
                widget.send(Action::SetLanguage(lang.to_owned()));
            }
        }
    };
    let id = AttrValue::from(widget.id("language"));
    // Named for screen readers; on screen the list shows the language itself, which says enough and
    // keeps the toolbar on one line.
    let label = tag(
        "label",
        dynamic!["for" = id.clone(), "class" = "rw-visually-hidden"],
        Listeners::None,
        ui.language_label.into_prop_value(),
    );
    let options = NAMES
        .iter()
        .filter(|(c, _)| bundled::LANGUAGES.contains(c))
        .map(|(code, name)| {
            tag(
                "option",
                dynamic![
                    "lang" = *code,
                    "value" = *code,
                    "selected" = (*code == current).then_some("selected"),
                ],
                Listeners::None,
                fixed(name),
            )
        })
        .collect();
    let select = tag(
        "select",
        dynamic![
            "id" = id,
            "data-focus" = Focus::Language.attr(),
            "class" = "rw-control"
        ],
        on!(onchange, Callback::from(onchange)),
        nodes(options),
    );
    el(
        "div",
        attrs!["class" = "rw-language"],
        nodes(vec![label, select]),
    )
}
