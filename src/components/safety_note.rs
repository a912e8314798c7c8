//! The safety message, before the check and on the plan: if the other person frightens, controls or
//! hurts the visitor, this is not about balance and not their fault, and confidential help is one
//! button away (it opens "Need support now?", which lists each region's domestic-abuse lines). Calm
//! colours: it must reach a frightened visitor without alarming anyone else.

use super::markup::{attrs, button, dynamic, nodes, tag, words};
use super::panel::Panel;
use super::widget::Widget;
use yew::html::IntoPropValue;
use yew::prelude::*;
use yew::virtual_dom::{Listeners, VTag};

/// The note, its heading of `level` where it sits (3 on the plan, 4 inside the content note).
/// A function rather than a component: it keeps no state, and each component costs the download a few
/// hundred bytes.
pub fn safety_note(widget: &Widget, level: u8) -> Html {
    let part_ui = &widget.content().later().part_ui;
    let heading_id = widget.id(&format!("safety-{level}"));
    let tag_name = format!("h{}", level.clamp(2, 6));
    let open = {
        let widget = widget.clone();
        Callback::from(move |_: MouseEvent| widget.open_panel(Panel::Support))
    };
    let heading_id = AttrValue::from(heading_id);
    let heading = VTag::__new_other(
        AttrValue::from(tag_name),
        NodeRef::default(),
        None,
        dynamic!["id" = heading_id.clone()],
        Listeners::None,
        part_ui.safety_heading.into_prop_value(),
    );
    tag(
        "section",
        dynamic!["aria-labelledby" = heading_id, "class" = "rw-safety"],
        Listeners::None,
        nodes(vec![
            heading.into(),
            words("p", attrs![], part_ui.safety_text),
            button(
                "rw-button rw-button-quiet",
                part_ui.safety_button,
                None,
                open,
            ),
        ]),
    )
}
