//! "Who is this check about?": the choice that adapts the wording of every statement.

use super::hooks::focus::Focus;
use super::widget::use_widget;
use crate::core::document::View;
use crate::core::relationship::Relationship;
use crate::core::state::Action;
use yew::prelude::*;

#[component]
pub fn ContextPicker() -> Html {
    let widget = use_widget();
    let content = widget.content();
    let ui = &content.ui;
    // The visitor's own choice for this check first, then their choice in the checklist, then the
    // clinic's `context` attribute, then the visitor's choice last time.
    let initial = widget
        .state
        .current()
        .and_then(|a| a.context)
        .or(widget.state.doc.settings.relationship)
        .or(widget.config.context)
        .or_else(|| widget.state.last_context());
    let chosen = use_state(move || initial);
    let missing = use_state(|| false);
    let name = widget.id("context");
    let hint_id = widget.id("context-hint");

    let start = {
        let (chosen, missing, widget) = (chosen.clone(), missing.clone(), widget.clone());
        move |_| match *chosen {
            Some(context) => widget.send_then_focus(Action::ChooseContext(context), Focus::Legend),
            None => missing.set(true),
        }
    };

    html! {
        <div class="rw-context">
            <fieldset class="rw-fieldset" aria-describedby={hint_id.clone()}>
                <legend tabindex="-1" data-focus={Focus::Legend.attr()}>{ ui.context_question }</legend>
                <p class="rw-hint" id={hint_id}>{ ui.context_hint }</p>
                <div class="rw-options">
                    for (relationship, context) in Relationship::ALL.into_iter().filter_map(|r| Some((r, content.context(r)?))) {
                        <label class="rw-option">
                            <input
                                type="radio"
                                name={name.clone()}
                                value={context.id}
                                checked={*chosen == Some(relationship)}
                                onchange={
                                    let (chosen, missing) = (chosen.clone(), missing.clone());
                                    move |_| {
                                        chosen.set(Some(relationship));
                                        missing.set(false);
                                    }
                                }
                            />
                            <span>{ context.label }</span>
                        </label>
                    }
                </div>
            </fieldset>
            if *missing {
                <p class="rw-error" role="alert">{ ui.context_required }</p>
            }
            <div class="rw-buttons">
                <button type="button" class="rw-button" onclick={start}>{ ui.start }</button>
            </div>
            // Two people who both want to: the same check in turn on this device (see `together.rs`).
            if widget.shows(View::Together) {
                <button type="button" class="rw-link rw-together-open" onclick={
                    let widget = widget.clone();
                    move |_| widget.send_then_focus(Action::Navigate(View::Together), Focus::ViewHeading)
                }>
                    { ui.together_open }
                </button>
            }
        </div>
    }
}
