//! "Learn more", one step away on the checklist and the plan: opens Learn at the top.

use super::hooks::focus::Focus;
use super::widget::use_widget;
use yew::prelude::*;

#[component]
pub fn LearnButton() -> Html {
    let widget = use_widget();
    let ui = &widget.content().ui;
    let teaser = widget.id("learn-teaser");
    let open = {
        let learn = widget.learn.clone();
        move |_| learn.open(None)
    };
    html! {
        <div class="rw-learn-more">
            <button
                type="button"
                class="rw-button rw-button-quiet"
                aria-describedby={teaser.clone()}
                data-focus={Focus::LearnButton.attr()}
                onclick={open}
            >
                { ui.learn_button }
            </button>
            <p id={teaser} class="rw-hint">{ ui.learn_teaser }</p>
        </div>
    }
}
