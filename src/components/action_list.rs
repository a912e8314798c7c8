//! A step's checklist actions as checkboxes. Used by the checklist and by the plan, so an action ticked on
//! the plan is ticked in the checklist too: there is one list of done actions.

use super::widget::use_widget;
use crate::core::content::Step;
use crate::core::state::Action;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ActionListProps {
    pub step: &'static Step,
}

#[component]
pub fn ActionList(props: &ActionListProps) -> Html {
    let widget = use_widget();
    let done = &widget.state.doc.checklist.done;
    html! {
        <ul class="rw-actions">
            for action in props.step.actions.iter() {
                <li key={action.id}>
                    <label class="rw-check">
                        <input
                            type="checkbox"
                            checked={done.contains(action.id)}
                            onchange={
                                let widget = widget.clone();
                                let id = action.id;
                                move |event: Event| {
                                    let done = event
                                        .target_dyn_into::<HtmlInputElement>()
                                        .is_some_and(|input| input.checked());
                                    widget.send(Action::SetDone { action: id.to_owned(), done });
                                }
                            }
                        />
                        <span>{ action.text }</span>
                    </label>
                </li>
            }
        </ul>
    }
}
