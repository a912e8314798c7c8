//! "Who is this checklist about?" at the top of the checklist: asked once (a choice in the check
//! counts too), then one line, "About: A friend", with a way to change it. The relationships are
//! plain buttons, so nothing changes while a keyboard moves between them; the labels are the check's.

use super::hooks::focus::{use_pending_focus, Focus};
use super::markup::{dynamic, tag};
use super::widget::use_widget;
use crate::core::content::{fill, Text};
use crate::core::relationship::Relationship;
use crate::core::state::Action;
use yew::html::IntoPropValue;
use yew::prelude::*;
use yew::virtual_dom::Listeners;

#[derive(Properties, PartialEq, Default)]
pub struct RelationshipChoiceProps {
    /// The question and its hint where the choice is not the checklist's (the practice log).
    #[prop_or_default]
    pub wording: Option<(Text, Text)>,
}

#[component]
pub fn RelationshipChoice(props: &RelationshipChoiceProps) -> Html {
    let widget = use_widget();
    let content = widget.content();
    let ui = &content.ui;
    let (question, hint) = props.wording.unwrap_or((
        ui.checklist_relationship_question,
        ui.checklist_relationship_hint,
    ));
    let current = widget.relationship();
    let changing = use_state(|| false);
    // Choosing replaces the buttons with the "Change" line, and "Change" does the reverse: focus
    // follows to the control that took the place of the one used.
    let root = use_node_ref();
    let focus = use_pending_focus(root.clone());
    let about_id = widget.id("relationship-about");
    let question_id = widget.id("relationship-question");
    let hint_id = widget.id("relationship-hint");

    let label = |r: Relationship| content.context(r).map_or(r.id(), |c| c.label.get());
    let body = match current {
        Some(relationship) if !*changing => {
            let change = {
                let (changing, focus) = (changing.clone(), focus.clone());
                move |_: MouseEvent| {
                    focus.set(Focus::Relationship(relationship.id()));
                    changing.set(true);
                }
            };
            html! {
                <div class="rw-relationship-current">
                    <p id={about_id.clone()}>
                        { fill(ui.checklist_relationship_current, &[("relationship", label(relationship))]) }
                    </p>
                    <button
                        type="button"
                        class="rw-button rw-button-quiet"
                        aria-describedby={about_id}
                        data-focus={Focus::RelationshipChange.attr()}
                        onclick={change}
                    >
                        { ui.checklist_relationship_change }
                    </button>
                </div>
            }
        }
        _ => {
            let cancel = {
                let (changing, focus) = (changing.clone(), focus.clone());
                move |_: MouseEvent| {
                    focus.set(Focus::RelationshipChange);
                    changing.set(false);
                }
            };
            html! {
                <div class="rw-relationship-choose" role="group" aria-labelledby={question_id.clone()} aria-describedby={hint_id.clone()}>
                    <p class="rw-relationship-question" id={question_id}>{ question }</p>
                    <p class="rw-hint" id={hint_id}>{ hint }</p>
                    <div class="rw-buttons">
                        for relationship in Relationship::ALL {
                            { tag(
                                "button",
                                dynamic![
                                    "type" = "button",
                                    "aria-current" = (current == Some(relationship)).then_some("true"),
                                    "data-focus" = Focus::Relationship(relationship.id()).attr(),
                                    "class" = if current == Some(relationship) { "rw-button rw-button-quiet rw-current" } else { "rw-button rw-button-quiet" },
                                ],
                                Listeners::Pending(Box::new([yew::html::onclick::Wrapper::__macro_new({
                                    let (widget, changing, focus) = (widget.clone(), changing.clone(), focus.clone());
                                    move |_: MouseEvent| {
                                        focus.set(Focus::RelationshipChange);
                                        changing.set(false);
                                        widget.send(Action::SetRelationship(relationship));
                                    }
                                })])),
                                label(relationship).into_prop_value(),
                            ) }
                        }
                        if current.is_some() {
                            <button type="button" class="rw-button rw-button-quiet" onclick={cancel}>{ ui.cancel }</button>
                        }
                    </div>
                </div>
            }
        }
    };
    html! {
        <div class="rw-relationship" ref={root}>{ body }</div>
    }
}
