//! The bar at the top of every view: quick exit, "Need support now?" and "Your data". Always there, so
//! help and the way out are one step away whatever the visitor is doing, and never gated by a score.

use super::hooks::focus::Focus;
use super::language_choice::language_choice;
use super::lazy::{opening, Part};
use super::markup::{attrs, dynamic, el, fixed, nodes, on, tag};
use super::panel::Panel;
use super::widget::Widget;
use crate::core::quick_exit::PRESSES;
use yew::html::IntoPropValue;
use yew::prelude::*;
use yew::virtual_dom::{Listeners, VNode, VText};

/// What the toolbar shows and does.
pub struct ToolbarProps {
    /// Where quick exit goes (checked to be http(s)).
    pub exit_url: AttrValue,
    /// Shift presses counted so far by the quick-exit gesture.
    pub presses: u8,
    /// What the gesture's live region says (empty when nothing).
    pub exit_status: AttrValue,
    pub on_exit: Callback<()>,
    pub open: Option<Panel>,
    pub on_toggle: Callback<Panel>,
}

/// The toolbar. A function rather than a component: it keeps no state, and each component costs the
/// download a few hundred bytes.
pub fn toolbar(widget: &Widget, props: ToolbarProps) -> Html {
    let ui = &widget.content().ui;
    let exit = {
        let on_exit = props.on_exit.clone();
        Callback::from(move |event: MouseEvent| {
            // The link's own navigation would leave this page in history; the exit replaces it.
            event.prevent_default();
            on_exit.emit(());
        })
    };
    let indicators = (0..PRESSES)
        .map(|n| {
            let class = if n < props.presses {
                "rw-exit-indicator rw-on"
            } else {
                "rw-exit-indicator"
            };
            tag(
                "span",
                dynamic!["class" = class],
                Listeners::None,
                Html::default(),
            )
        })
        .collect();
    let hidden = nodes(vec![ui.exit_hidden_prefix.into_prop_value(), fixed(" ")]);
    let exit = tag(
        "a",
        dynamic![
            "href" = props.exit_url.clone(),
            "rel" = "noreferrer",
            "class" = "rw-exit",
        ],
        on!(onclick, exit),
        nodes(vec![
            el("span", attrs!["class" = "rw-visually-hidden"], hidden),
            ui.exit_button.into_prop_value(),
            el(
                "span",
                attrs!["aria-hidden" = "true", "class" = "rw-exit-indicators"],
                nodes(indicators),
            ),
        ]),
    );
    let status = el(
        "p",
        attrs![
            "role" = "status",
            "class" = "rw-exit-status rw-visually-hidden"
        ],
        VNode::VText(VText::new(props.exit_status.clone())),
    );
    let mut children = vec![exit, status];
    children.extend(
        [
            (Panel::Support, ui.support_button, "support"),
            (Panel::Data, ui.data_button, "data"),
        ]
        .map(|(panel, label, id)| {
            let toggle = props.on_toggle.reform(move |_: MouseEvent| panel);
            // "Your data"'s controls start on their way as the visitor points at, touches or tabs
            // to its button.
            let listeners = match panel {
                Panel::Data => opening(Part::Data, widget.files.clone(), toggle),
                Panel::Support => on!(onclick, toggle),
            };
            tag(
                "button",
                dynamic![
                    "type" = "button",
                    "aria-expanded" = if props.open == Some(panel) {
                        "true"
                    } else {
                        "false"
                    },
                    "aria-controls" = widget.id(id),
                    "data-focus" = Focus::Toggle(panel).attr(),
                    "class" = "rw-toolbar-button",
                ],
                listeners,
                label.into_prop_value(),
            )
        }),
    );
    children.push(language_choice(widget));
    tag(
        "div",
        dynamic![
            "role" = "group",
            "aria-label" = ui.toolbar_label,
            "class" = "rw-toolbar",
        ],
        Listeners::None,
        nodes(children),
    )
}
