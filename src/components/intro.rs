//! What reciprocity is, where answers stay, and that this is not a diagnosis.

use super::markup::{attrs, el, nodes, sentence, words};
use super::widget::Widget;
use crate::core::content::fill;
use yew::prelude::*;

/// A function rather than a component: it keeps no state, and each component costs the download a few
/// hundred bytes.
pub fn intro(widget: &Widget) -> Html {
    let content = widget.content();
    let intro = &content.intro;
    let clinic = widget
        .config
        .clinic_name
        .as_deref()
        .map(|name| fill(content.ui.clinic_intro, &[("clinic", name)]));
    let mut children = vec![
        words("h2", attrs!["class" = "rw-intro-heading"], intro.heading),
        match clinic {
            Some(clinic) => sentence("p", attrs!["class" = "rw-clinic"], clinic),
            None => Html::default(),
        },
    ];
    children.extend(
        intro
            .paragraphs
            .iter()
            .map(|paragraph| words("p", attrs![], *paragraph)),
    );
    let notes = nodes(vec![
        words("li", attrs![], intro.privacy),
        words("li", attrs![], intro.not_diagnosis),
    ]);
    children.push(el("ul", attrs!["class" = "rw-intro-notes"], notes));
    el("header", attrs!["class" = "rw-intro"], nodes(children))
}
