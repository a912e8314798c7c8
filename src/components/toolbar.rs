//! The bar at the top of every view: quick exit, "Need support now?" and "Your data". Always there, so
//! help and the way out are one step away whatever the visitor is doing, and never gated by a score.

use super::hooks::focus::Focus;
use super::language_choice::LanguageChoice;
use super::markup::{dynamic, tag};
use super::panel::Panel;
use super::widget::use_widget;
use crate::core::quick_exit::PRESSES;
use yew::prelude::*;
use yew::virtual_dom::Listeners;

#[derive(Properties, PartialEq)]
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

#[component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let widget = use_widget();
    let ui = &widget.content().ui;
    let exit = {
        let on_exit = props.on_exit.clone();
        move |event: MouseEvent| {
            // The link's own navigation would leave this page in history; the exit replaces it.
            event.prevent_default();
            on_exit.emit(());
        }
    };
    let toggles = [
        (Panel::Support, ui.support_button, "support"),
        (Panel::Data, ui.data_button, "data"),
    ];
    html! {
        <div class="rw-toolbar" role="group" aria-label={ui.toolbar_label}>
            <a class="rw-exit" href={props.exit_url.clone()} onclick={exit} rel="noreferrer">
                <span class="rw-visually-hidden">{ ui.exit_hidden_prefix }{ " " }</span>
                { ui.exit_button }
                <span class="rw-exit-indicators" aria-hidden="true">
                    for n in 0..PRESSES {
                        { tag(
                            "span",
                            dynamic!["class" = if n < props.presses { "rw-exit-indicator rw-on" } else { "rw-exit-indicator" }],
                            Listeners::None,
                            Html::default(),
                        ) }
                    }
                </span>
            </a>
            <p class="rw-exit-status rw-visually-hidden" role="status">{ props.exit_status.clone() }</p>
            for (panel, label, id) in toggles {
                <button
                    type="button"
                    class="rw-toolbar-button"
                    aria-expanded={(props.open == Some(panel)).to_string()}
                    aria-controls={widget.id(id)}
                    data-focus={Focus::Toggle(panel).attr()}
                    onclick={props.on_toggle.reform(move |_: MouseEvent| panel)}
                >
                    { label }
                </button>
            }
            <LanguageChoice />
        </div>
    }
}
