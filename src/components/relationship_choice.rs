//! "Who is this checklist about?" at the top of the checklist: asked once (a choice in the check
//! counts too), then one line, "About: A friend", with a way to change it. The relationships are
//! plain buttons, so nothing changes while a keyboard moves between them; the labels are the check's.
//! A function with a hook for its state rather than a component: each component costs the download
//! a few hundred bytes.

use super::hooks::focus::{use_pending_focus, Focus, PendingFocus};
use super::markup::{
    self, attrs, button, button_with, buttons, dynamic, el, el_ref, el_with, nodes, on, string, tag,
};
use super::widget::Widget;
use crate::core::content::{fill, Text};
use crate::core::relationship::Relationship;
use crate::core::state::Action;
use yew::html::IntoPropValue;
use yew::prelude::*;
use yew::virtual_dom::Listeners;

/// What the choice keeps between renders, in the component that shows it.
pub struct ChoiceState {
    /// "Change" was pressed: the relationships are shown again.
    changing: UseStateHandle<bool>,
    root: NodeRef,
    /// Choosing replaces the buttons with the "Change" line, and "Change" does the reverse: focus
    /// follows to the control that took the place of the one used.
    focus: PendingFocus,
}

#[hook]
pub fn use_relationship_choice() -> ChoiceState {
    let root = use_node_ref();
    ChoiceState {
        changing: use_state(|| false),
        focus: use_pending_focus(root.clone()),
        root,
    }
}

/// The choice, with `state` from [`use_relationship_choice`]; `wording` is the question and its hint
/// where the choice is not the checklist's (the practice log).
pub fn relationship_choice(
    widget: &Widget,
    state: &ChoiceState,
    wording: Option<(Text, Text)>,
) -> Html {
    let content = widget.content();
    let ui = &content.ui;
    let (question, hint) = wording.unwrap_or((
        ui.checklist_relationship_question,
        ui.checklist_relationship_hint,
    ));
    let current = widget.relationship();
    let (changing, focus) = (&state.changing, &state.focus);
    let about_id = widget.id("relationship-about");
    let question_id = widget.id("relationship-question");
    let hint_id = widget.id("relationship-hint");

    let label = |r: Relationship| content.context(r).map_or(r.id(), |c| c.label.get());
    let body = match current {
        Some(relationship) if !**changing => {
            let change = {
                let (changing, focus) = (changing.clone(), focus.clone());
                Callback::from(move |_: MouseEvent| {
                    focus.set(Focus::Relationship(relationship.id()));
                    changing.set(true);
                })
            };
            let about_id = AttrValue::from(about_id);
            let about = fill(
                ui.checklist_relationship_current,
                &[("relationship", label(relationship))],
            );
            el(
                "div",
                attrs!["class" = "rw-relationship-current"],
                nodes(vec![
                    el_with("p", &["id"], about_id.clone(), string(about)),
                    button_with(
                        "rw-button rw-button-quiet",
                        ui.checklist_relationship_change.into_prop_value(),
                        Some(about_id),
                        Some(Focus::RelationshipChange),
                        change,
                    ),
                ]),
            )
        }
        _ => {
            let cancel = {
                let (changing, focus) = (changing.clone(), focus.clone());
                Callback::from(move |_: MouseEvent| {
                    focus.set(Focus::RelationshipChange);
                    changing.set(false);
                })
            };
            let (question_id, hint_id) = (AttrValue::from(question_id), AttrValue::from(hint_id));
            let question = tag(
                "p",
                dynamic![
                    "id" = question_id.clone(),
                    "class" = "rw-relationship-question"
                ],
                Listeners::None,
                question.into_prop_value(),
            );
            let cancel = if current.is_some() {
                button("rw-button rw-button-quiet", ui.cancel, None, cancel)
            } else {
                Html::default()
            };
            let mut choices: Vec<Html> = Relationship::ALL
                .into_iter()
                .map(|relationship| {
                    tag(
                        "button",
                        dynamic![
                            "type" = "button",
                            "aria-current" = (current == Some(relationship)).then_some("true"),
                            "data-focus" = Focus::Relationship(relationship.id()).attr(),
                            "class" = if current == Some(relationship) {
                                "rw-button rw-button-quiet rw-current"
                            } else {
                                "rw-button rw-button-quiet"
                            },
                        ],
                        on!(onclick, {
                            let (widget, changing, focus) =
                                (widget.clone(), changing.clone(), focus.clone());
                            move |_: MouseEvent| {
                                focus.set(Focus::RelationshipChange);
                                changing.set(false);
                                widget.send(Action::SetRelationship(relationship));
                            }
                        }),
                        label(relationship).into_prop_value(),
                    )
                })
                .collect();
            choices.push(cancel);
            let choices = buttons(nodes(choices));
            tag(
                "div",
                dynamic![
                    "role" = "group",
                    "aria-labelledby" = question_id,
                    "aria-describedby" = hint_id.clone(),
                    "class" = "rw-relationship-choose",
                ],
                Listeners::None,
                nodes(vec![question, markup::hint(hint_id, hint), choices]),
            )
        }
    };
    el_ref(
        "div",
        state.root.clone(),
        attrs!["class" = "rw-relationship"],
        body,
    )
}
