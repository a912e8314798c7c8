//! The safety message, before the check and on the plan: if the other person frightens, controls or
//! hurts the visitor, this is not about balance and not their fault, and confidential help is one
//! button away (it opens "Need support now?", which lists each region's domestic-abuse lines). Calm
//! colours: it must reach a frightened visitor without alarming anyone else.

use super::panel::Panel;
use super::widget::use_widget;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SafetyNoteProps {
    /// The heading's level where the note sits (3 on the plan, 4 inside the content note).
    pub level: u8,
}

#[component]
pub fn SafetyNote(props: &SafetyNoteProps) -> Html {
    let widget = use_widget();
    let ui = &widget.content().ui;
    let heading_id = widget.id(&format!("safety-{}", props.level));
    let tag = format!("h{}", props.level.clamp(2, 6));
    let open = {
        let widget = widget.clone();
        move |_: MouseEvent| widget.open_panel(Panel::Support)
    };
    html! {
        <section class="rw-safety" aria-labelledby={heading_id.clone()}>
            <@{tag} id={heading_id}>{ ui.safety_heading }</@>
            <p>{ ui.safety_text }</p>
            <button type="button" class="rw-button rw-button-quiet" onclick={open}>
                { ui.safety_button }
            </button>
        </section>
    }
}
