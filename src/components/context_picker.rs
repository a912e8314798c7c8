//! "Who is this check about?": the choice that adapts the wording of every statement.

use super::hooks::focus::Focus;
use super::markup::{attrs, button, buttons, dynamic, el, fieldset, nodes, on, words};
use super::widget::WidgetProps;
use crate::core::document::View;
use crate::core::relationship::Relationship;
use crate::core::state::Action;
use yew::html::IntoPropValue;
use yew::prelude::*;
use yew::virtual_dom::VTag;

#[component]
pub fn ContextPicker(props: &WidgetProps) -> Html {
    let widget = props.widget.clone();
    let content = widget.content();
    let ui = &content.ui;
    let part_ui = &content.later().part_ui;
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
        move |_: MouseEvent| match *chosen {
            Some(context) => widget.send_then_focus(Action::ChooseContext(context), Focus::Legend),
            None => missing.set(true),
        }
    };

    let name = AttrValue::from(name);
    let options = Relationship::ALL
        .into_iter()
        .filter_map(|r| Some((r, content.context(r)?)))
        .map(|(relationship, context)| {
            let (chosen_now, missing) = (chosen.clone(), missing.clone());
            let onchange = Callback::from(move |_: Event| {
                chosen_now.set(Some(relationship));
                missing.set(false);
            });
            // `value` as html! sets it: the input's property, not an attribute.
            let input = VTag::__new_input(
                IntoPropValue::<Option<AttrValue>>::into_prop_value(context.id),
                Some(*chosen == Some(relationship)),
                NodeRef::default(),
                None,
                dynamic!["type" = "radio", "name" = name.clone()],
                on!(onchange, onchange),
            );
            el(
                "label",
                attrs!["class" = "rw-check rw-option"],
                nodes(vec![input.into(), words("span", attrs![], context.label)]),
            )
        })
        .collect();
    let missing = if *missing {
        words(
            "p",
            attrs!["role" = "alert", "class" = "rw-error"],
            part_ui.context_required,
        )
    } else {
        Html::default()
    };
    // Two people who both want to: the same check in turn on this device (see `together.rs`).
    let together = if widget.shows(View::Together) {
        button(
            "rw-link rw-together-open",
            part_ui.together_open,
            None,
            widget.go(Action::Navigate(View::Together), Focus::ViewHeading),
        )
    } else {
        Html::default()
    };
    let legend = words(
        "legend",
        attrs!["tabindex" = "-1", "data-focus" = "legend"],
        part_ui.context_question,
    );
    el(
        "div",
        attrs!["class" = "rw-context"],
        nodes(vec![
            fieldset(
                legend,
                hint_id,
                part_ui.context_hint,
                el("div", attrs!["class" = "rw-options"], nodes(options)),
            ),
            missing,
            buttons(button("rw-button", ui.start, None, Callback::from(start))),
            together,
        ]),
    )
}
