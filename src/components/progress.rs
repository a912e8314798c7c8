//! A progress bar with its words: native `<progress>` (a real progressbar to assistive technology) named
//! by the same sentence sighted visitors read.

use super::markup::{attrs, dynamic, el, nodes, tag};
use crate::core::strings::decimal;
use yew::prelude::*;
use yew::virtual_dom::{Listeners, VNode, VText};

/// `done` of `total`, named by `label` (the sentence shown and used as the bar's accessible name,
/// e.g. "12 of 28 done"), which has the page-unique `id`. A function rather than a component: it
/// keeps no state, and each component costs the download a few hundred bytes.
pub fn progress(done: usize, total: usize, label: String, id: String) -> Html {
    let id = AttrValue::from(id);
    let label = tag(
        "span",
        dynamic!["id" = id.clone(), "class" = "rw-progress-label"],
        Listeners::None,
        VNode::VText(VText::new(AttrValue::from(label))),
    );
    let bar = tag(
        "progress",
        // `value` after the others, where html! puts it on elements other than inputs.
        dynamic![
            "max" = decimal(total.max(1) as u64),
            "aria-labelledby" = id,
            "value" = decimal(done.min(total) as u64),
        ],
        Listeners::None,
        Html::default(),
    );
    el(
        "div",
        attrs!["class" = "rw-progress"],
        nodes(vec![label, bar]),
    )
}
