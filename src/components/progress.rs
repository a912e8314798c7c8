//! A progress bar with its words: native `<progress>` (a real progressbar to assistive technology) named
//! by the same sentence sighted visitors read.

use yew::prelude::*;

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
    html! {
        <div class="rw-progress">
            <span class="rw-progress-label" id={props.id.clone()}>{ props.label.clone() }</span>
            <progress
                max={props.total.max(1).to_string()}
                value={props.done.min(props.total).to_string()}
                aria-labelledby={props.id.clone()}
            />
        </div>
    }
}
