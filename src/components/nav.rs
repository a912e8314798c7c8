//! The three sections. Plain buttons with `aria-current`: one press switches (and leaves "Learn more"
//! if it is open), focus stays on the button.

use super::widget::use_widget;
use crate::core::content::Text;
use crate::core::document::View;
use crate::core::state::Action;
use yew::prelude::*;

#[component]
pub fn Nav() -> Html {
    let widget = use_widget();
    let ui = &widget.content().ui;
    let current = widget.view();
    let label = |view| match view {
        View::Checklist => ui.nav_checklist,
        View::Quiz => ui.nav_quiz,
        View::Plan => ui.nav_plan,
        View::Practice => ui.nav_practice,
        // Not a tab: the check taken together is started from the check (see `Together`).
        View::Together => ui.together_heading,
    };
    let entries: Vec<(View, Text)> = widget
        .config
        .modules
        .iter()
        .filter(|v| **v != View::Together)
        .map(|v| (*v, label(*v)))
        .collect();
    // One section needs no navigation.
    if entries.len() < 2 {
        return Html::default();
    }
    html! {
        <nav class="rw-nav" aria-label={ui.nav_label}>
            <ul>
                for (view, label) in entries {
                    <li>
                        <button
                            type="button"
                            class="rw-nav-button"
                            aria-current={(view == current && !widget.learn.is_open()).then_some("page")}
                            onclick={
                                let widget = widget.clone();
                                move |_| {
                                    widget.learn.leave();
                                    widget.send(Action::Navigate(view));
                                }
                            }
                        >
                            { label }
                        </button>
                    </li>
                }
            </ul>
        </nav>
    }
}
