//! The three sections. Plain buttons with `aria-current`: one press switches, focus stays on the button.

use super::app::use_widget;
use crate::core::document::View;
use crate::core::state::Action;
use yew::prelude::*;

#[component]
pub fn Nav() -> Html {
    let widget = use_widget();
    let ui = &widget.content().ui;
    let current = widget.state.doc.view;
    let entries = [
        (View::Checklist, &ui.nav_checklist),
        (View::Quiz, &ui.nav_quiz),
        (View::Plan, &ui.nav_plan),
    ];
    html! {
        <nav class="rw-nav" aria-label={ui.nav_label}>
            <ul>
                for (view, label) in entries {
                    <li>
                        <button
                            type="button"
                            class="rw-nav-button"
                            aria-current={(view == current).then_some("page")}
                            onclick={
                                let widget = widget.clone();
                                move |_| widget.send(Action::Navigate(view))
                            }
                        >
                            { *label }
                        </button>
                    </li>
                }
            </ul>
        </nav>
    }
}
