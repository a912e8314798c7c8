//! A progress bar with its words: native `<progress>` (a real progressbar to assistive technology) named
//! by the same sentence sighted visitors read.

use super::markup::{attrs, dynamic, el, nodes, tag};
use yew::prelude::*;
use yew::virtual_dom::{Listeners, VNode, VText};

#[derive(Properties, PartialEq)]
pub struct ProgressProps {
    pub done: usize,
    pub total: usize,
    /// The sentence shown and used as the bar's accessible name, e.g. "12 of 28 done".
    pub label: AttrValue,
    /// Page-unique id tying the bar to its label.
    pub id: AttrValue,
}

#[component]
pub fn Progress(props: &ProgressProps) -> Html {
    let label = tag(
        "span",
        dynamic!["id" = props.id.clone(), "class" = "rw-progress-label"],
        Listeners::None,
        VNode::VText(VText::new(props.label.clone())),
    );
    let bar = tag(
        "progress",
        // `value` after the others, where html! puts it on elements other than inputs.
        dynamic![
            "max" = props.total.max(1).to_string(),
            "aria-labelledby" = props.id.clone(),
            "value" = props.done.min(props.total).to_string(),
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
