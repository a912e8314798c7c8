//! The three sections. Plain buttons with `aria-current`: one press switches (and leaves "Learn more"
//! if it is open), focus stays on the button.

use super::lazy::{opening, Part};
use super::markup::{attrs, dynamic, el, nodes, on, tag};
use super::widget::Widget;
use crate::core::content::Text;
use crate::core::document::View;
use crate::core::state::Action;
use yew::html::IntoPropValue;
use yew::prelude::*;
use yew::virtual_dom::Listeners;

/// A function rather than a component: it keeps no state, and each component costs the download a few
/// hundred bytes.
pub fn nav(widget: &Widget) -> Html {
    let ui = &widget.content().ui;
    let current = widget.view();
    let label = |view| match view {
        View::Checklist => ui.nav_checklist,
        View::Quiz => ui.nav_quiz,
        View::Plan => ui.nav_plan,
        View::Practice => ui.nav_practice,
        // Not a tab: the check taken together is started from the check (see `Together`).
        View::Together => ui.together_heading,
    };
    let entries: Vec<(View, Text)> = widget
        .config
        .modules
        .iter()
        .filter(|v| **v != View::Together)
        .map(|v| (*v, label(*v)))
        .collect();
    // One section needs no navigation.
    if entries.len() < 2 {
        return Html::default();
    }
    let items = entries
        .into_iter()
        .map(|(view, label)| {
            let widget = widget.clone();
            let files = widget.files.clone();
            let current = (view == current && !widget.learn.is_open()).then_some("page");
            let go = Callback::from(move |_: MouseEvent| {
                widget.learn.leave();
                widget.send(Action::Navigate(view));
            });
            // A section whose part of the wasm is not here yet starts on its way as the visitor
            // points at, touches or tabs to its button.
            let listeners = match Part::of(view) {
                Some(part) => opening(part, files, go),
                None => on!(onclick, go),
            };
            let button = tag(
                "button",
                dynamic![
                    "type" = "button",
                    "aria-current" = current,
                    "class" = "rw-nav-button",
                ],
                listeners,
                label.into_prop_value(),
            );
            el("li", attrs![], button)
        })
        .collect();
    tag(
        "nav",
        dynamic!["aria-label" = ui.nav_label, "class" = "rw-nav"],
        Listeners::None,
        el("ul", attrs![], nodes(items)),
    )
}
