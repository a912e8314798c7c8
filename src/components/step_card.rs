//! One RECIPRO step: its letter, title, one-line summary, progress and actions.

use super::action_list::ActionList;
use super::hooks::focus::Focus;
use super::markup::{attrs, dynamic, el, nodes, tag, words};
use super::progress::progress;
use super::widget::use_widget;
use crate::core::content::fill;
use crate::web::format_count;
use yew::html::IntoPropValue;
use yew::prelude::*;
use yew::virtual_dom::Listeners;

#[derive(Properties, PartialEq)]
pub struct StepCardProps {
    /// Id of the step in the content.
    pub step: AttrValue,
}

#[component]
pub fn StepCard(props: &StepCardProps) -> Html {
    let widget = use_widget();
    let content = widget.content();
    let Some(step) = content.step(&props.step) else {
        return Html::default();
    };
    let (done, total) = step.progress(&widget.state.doc.checklist.done, widget.relationship());
    let heading_id = widget.id(&format!("step-{}", step.id));
    let progress_label = fill(
        content.ui.checklist_step_progress,
        &[
            ("step", &step.title),
            ("done", &format_count(done)),
            ("total", &format_count(total)),
        ],
    );

    let heading_id = AttrValue::from(heading_id);
    let heading = tag(
        "h3",
        dynamic![
            "id" = heading_id.clone(),
            "tabindex" = "-1",
            "data-focus" = Focus::Step(step.id).attr(),
        ],
        Listeners::None,
        nodes(vec![
            words(
                "span",
                attrs!["aria-hidden" = "true", "class" = "rw-step-letter"],
                step.letter,
            ),
            step.title.into_prop_value(),
        ]),
    );
    let section = tag(
        "section",
        dynamic!["aria-labelledby" = heading_id],
        Listeners::None,
        html! {
            <>
                { heading }
                { words("p", attrs!["class" = "rw-step-summary"], step.summary) }
                { progress(done, total, progress_label, widget.id(&format!("step-{}-progress", step.id))) }
                <ActionList step={step} />
            </>
        },
    );
    el("li", attrs!["class" = "rw-step"], section)
}
