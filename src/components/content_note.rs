//! The note before the first statement: some statements are about hard times, and the visitor may
//! leave them out. Both choices are equal buttons; neither is preselected.

use super::hooks::focus::Focus;
use super::safety_note::SafetyNote;
use super::widget::use_widget;
use crate::core::content::Text;
use crate::core::relationship::Relationship;
use crate::core::state::Action;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ContentNoteProps {
    /// Who the check is about, for the wording.
    pub context: Relationship,
}

#[component]
pub fn ContentNote(props: &ContentNoteProps) -> Html {
    let widget = use_widget();
    let content = widget.content();
    let ui = &content.ui;
    // A whole sentence for each relationship (the words around "your partner" change with it in
    // other languages).
    let note = content
        .context(props.context)
        .map_or(Text::EMPTY, |c| c.content_note);
    let choose = |skip: bool| {
        let widget = widget.clone();
        move |_: MouseEvent| widget.send_then_focus(Action::ChooseSensitive { skip }, Focus::Legend)
    };
    let heading_id = widget.id("content-note");
    html! {
        <section class="rw-content-note" aria-labelledby={heading_id.clone()}>
            <h3 id={heading_id} tabindex="-1" data-focus={Focus::Legend.attr()}>{ ui.content_note_heading }</h3>
            // Before the first statement, and first on this screen.
            <SafetyNote level={4} />
            <p>{ note }</p>
            <div class="rw-buttons">
                <button type="button" class="rw-button" onclick={choose(false)}>{ ui.content_note_include }</button>
                <button type="button" class="rw-button" onclick={choose(true)}>{ ui.content_note_skip }</button>
            </div>
        </section>
    }
}
