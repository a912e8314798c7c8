//! One RECIPRO step: its letter, title, one-line summary, progress and actions.

use super::action_list::action_list;
use super::hooks::focus::Focus;
use super::markup::{attrs, dynamic, keyed, nodes, tag, words};
use super::progress::progress;
use super::widget::Widget;
use crate::core::content::{fill, Step};
use crate::core::strings::cat;
use crate::web::format_count;
use yew::html::IntoPropValue;
use yew::prelude::*;
use yew::virtual_dom::{Key, Listeners};

/// The step's item in the checklist's keyed list (its key the step's id).
/// A function rather than a component: it keeps no state, and each component costs the download a few
/// hundred bytes.
pub fn step_card(widget: &Widget, step: &'static Step) -> Html {
    let content = widget.content();
    let (done, total) = step.progress(&widget.state.doc.checklist.done, widget.relationship());
    let heading_id = widget.id(&cat(&["step-", step.id]));
    let progress_label = fill(
        content.ui.checklist_step_progress,
        &[
            ("step", &step.title),
            ("done", &format_count(done)),
            ("total", &format_count(total)),
        ],
    );

    let heading_id = AttrValue::from(heading_id);
    let heading = tag(
        "h3",
        dynamic![
            "id" = heading_id.clone(),
            "tabindex" = "-1",
            "data-focus" = Focus::Step(step.id).attr(),
        ],
        Listeners::None,
        nodes(vec![
            words(
                "span",
                attrs!["aria-hidden" = "true", "class" = "rw-step-letter"],
                step.letter,
            ),
            step.title.into_prop_value(),
        ]),
    );
    let section = tag(
        "section",
        dynamic!["aria-labelledby" = heading_id],
        Listeners::None,
        html! {
            <>
                { heading }
                { words("p", attrs!["class" = "rw-step-summary"], step.summary) }
                { progress(done, total, progress_label, widget.id(&cat(&["step-", step.id, "-progress"]))) }
                { action_list(widget, step, false) }
            </>
        },
    );
    keyed(
        "li",
        Key::from(step.id),
        attrs!["class" = "rw-step"],
        section,
    )
}
