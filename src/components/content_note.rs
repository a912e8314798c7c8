//! The note before the first statement: some statements are about hard times, and the visitor may
//! leave them out. Both choices are equal buttons; neither is preselected.

use super::hooks::focus::Focus;
use super::markup::{attrs, button, buttons, dynamic, nodes, tag, words};
use super::safety_note::safety_note;
use super::widget::Widget;
use crate::core::content::Text;
use crate::core::relationship::Relationship;
use crate::core::state::Action;
use yew::html::IntoPropValue;
use yew::prelude::*;
use yew::virtual_dom::Listeners;

/// The note for a check about `context` (for the wording).
/// A function rather than a component: it keeps no state, and each component costs the download a few
/// hundred bytes.
pub fn content_note(widget: &Widget, context: Relationship) -> Html {
    let content = widget.content();
    let part_ui = &content.later().part_ui;
    // A whole sentence for each relationship (the words around "your partner" change with it in
    // other languages).
    let note = content
        .context(context)
        .map_or(Text::EMPTY, |c| c.hard_times_note);
    let choose = |skip: bool, label| {
        let choose = widget.go(Action::ChooseSensitive { skip }, Focus::Legend);
        button("rw-button", label, None, choose)
    };
    let heading_id = AttrValue::from(widget.id("content-note"));
    let heading = tag(
        "h3",
        dynamic![
            "id" = heading_id.clone(),
            "tabindex" = "-1",
            "data-focus" = "legend",
        ],
        Listeners::None,
        part_ui.content_note_heading.into_prop_value(),
    );
    let choices = nodes(vec![
        choose(false, part_ui.content_note_include),
        choose(true, part_ui.content_note_skip),
    ]);
    tag(
        "section",
        dynamic!["aria-labelledby" = heading_id, "class" = "rw-content-note"],
        Listeners::None,
        html! {
            <>
                { heading }
                // Before the first statement, and first on this screen.
                { safety_note(widget, 4) }
                { words("p", attrs![], note) }
                { buttons(choices) }
            </>
        },
    )
}
