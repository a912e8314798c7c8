//! "Learn more", one step away on the checklist and the plan: opens Learn at the top.

use super::hooks::focus::Focus;
use super::markup::{attrs, button_with, el, hint, nodes};
use super::widget::Widget;
use yew::html::IntoPropValue;
use yew::prelude::*;

/// A function rather than a component: it keeps no state, and each component costs the download a few
/// hundred bytes.
pub fn learn_button(widget: &Widget) -> Html {
    let ui = &widget.content().ui;
    let teaser = AttrValue::from(widget.id("learn-teaser"));
    let open = {
        let learn = widget.learn.clone();
        Callback::from(move |_: MouseEvent| learn.open(None))
    };
    let open = button_with(
        "rw-button rw-button-quiet",
        ui.learn_button.into_prop_value(),
        Some(teaser.clone()),
        Some(Focus::LearnButton),
        open,
    );
    el(
        "div",
        attrs!["class" = "rw-learn-more"],
        nodes(vec![open, hint(teaser, ui.learn_teaser)]),
    )
}
