//! What the visitor should know about their saved progress (storage blocked, full, unreadable, newer).

use super::markup::{attrs, button, el, nodes, sentence};
use super::widget::Widget;
use crate::core::content::fill;
use crate::core::persistence::Notice;
use yew::prelude::*;

/// The `notices`; `on_dismiss` is told the index of the notice the visitor dismissed. A function
/// rather than a component: it keeps no state, and each component costs the download a few hundred
/// bytes.
pub fn notices(widget: &Widget, notices: &[Notice], on_dismiss: &Callback<usize>) -> Html {
    let ui = &widget.content().ui;
    let text = |notice: &Notice| match notice {
        Notice::Unavailable => ui.notice_unavailable.to_string(),
        Notice::Full => ui.notice_full.to_string(),
        Notice::Corrupt { backup_key } => fill(ui.notice_corrupt, &[("key", backup_key)]),
        Notice::CorruptUnsaved => ui.notice_corrupt_unsaved.to_string(),
        Notice::Newer => ui.notice_newer.to_string(),
        Notice::OtherTab => ui.notice_other_tab.to_string(),
        Notice::DeletedElsewhere => ui.notice_deleted_elsewhere.to_string(),
        Notice::Unread => ui.notice_unread.to_string(),
        Notice::NotSaving => ui.notice_not_saving.to_string(),
    };
    // The region is always present so that a notice added later is announced.
    let notices = notices
        .iter()
        .enumerate()
        .map(|(index, notice)| {
            let dismiss = on_dismiss.reform(move |_: MouseEvent| index);
            el(
                "div",
                attrs!["class" = "rw-notice"],
                nodes(vec![
                    sentence("p", attrs![], text(notice)),
                    button("rw-button rw-button-quiet", ui.dismiss, None, dismiss),
                ]),
            )
        })
        .collect();
    el(
        "div",
        attrs!["role" = "alert", "class" = "rw-notices"],
        nodes(notices),
    )
}
