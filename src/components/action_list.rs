//! A step's checklist actions as checkboxes: those that fit who the checklist is about, in that
//! relationship's wording, each that asks for repair, openness, patience or a first move with "When it
//! feels safe to do so.". Used by the checklist and by the plan, so an action ticked on the plan is
//! ticked in the checklist too: there is one list of done actions.

use super::markup::{attrs, choice, el, fixed, keyed, nodes, words};
use super::widget::Widget;
use crate::core::content::{ChecklistAction, Step, Text};
use crate::core::relationship::Relationship;
use crate::core::state::Action;
use web_sys::HtmlInputElement;
use yew::html::IntoPropValue;
use yew::prelude::*;
use yew::virtual_dom::Key;

/// An action's wording for `relationship`, with "When it feels safe to do so." where the action asks
/// for it (the checklist, the plan and the practice log say it alike).
pub fn action_words(
    action: &ChecklistAction,
    relationship: Option<Relationship>,
    when_safe: Text,
) -> Html {
    let text = action.text_for(relationship).into_prop_value();
    if action.ask_safe {
        let when_safe = words("em", attrs!["class" = "rw-when-safe"], when_safe);
        nodes(vec![text, fixed(" "), when_safe])
    } else {
        nodes(vec![text])
    }
}

/// The actions of `step`. `giver_first`: the plan suggested this step for answers that lean towards
/// the visitor giving more, and actions that ask them to do more for the other person come last.
/// A function rather than a component: it keeps no state, and each component costs the download a few
/// hundred bytes.
pub fn action_list(widget: &Widget, step: &'static Step, giver_first: bool) -> Html {
    let done = &widget.state.doc.checklist.done;
    let relationship = widget.relationship();
    let when_safe = widget.content().ui.action_when_safe;
    let actions = step
        .actions_in_order(relationship, giver_first)
        .into_iter()
        .map(|action| {
            let widget = widget.clone();
            let id = action.id;
            let tick = Callback::from(move |event: Event| {
                let done = event
                    .target_dyn_into::<HtmlInputElement>()
                    .is_some_and(|input| input.checked());
                widget.send(Action::SetDone {
                    action: id.to_owned(),
                    done,
                });
            });
            let words = action_words(action, relationship, when_safe);
            let choice = choice(
                "rw-check",
                "checkbox",
                None,
                done.contains(action.id),
                words,
                tick,
            );
            keyed("li", Key::from(action.id), attrs![], choice)
        })
        .collect();
    // Matched by key.
    el("ul", attrs!["class" = "rw-actions"], nodes(actions))
}
