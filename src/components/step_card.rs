//! One RECIPRO step: its letter, title, one-line summary, progress and actions.

use super::action_list::ActionList;
use super::hooks::focus::Focus;
use super::progress::Progress;
use super::widget::use_widget;
use crate::core::content::fill;
use crate::web::format_count;
use yew::prelude::*;

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

    html! {
        <li class="rw-step">
            <section aria-labelledby={heading_id.clone()}>
                <h3 id={heading_id} tabindex="-1" data-focus={Focus::Step(step.id).attr()}>
                    <span class="rw-step-letter" aria-hidden="true">{ step.letter }</span>
                    { step.title }
                </h3>
                <p class="rw-step-summary">{ step.summary }</p>
                <Progress
                    done={done}
                    total={total}
                    label={progress_label}
                    id={widget.id(&format!("step-{}-progress", step.id))}
                />
                <ActionList step={step} />
            </section>
        </li>
    }
}
