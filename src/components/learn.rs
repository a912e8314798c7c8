//! "Learn more": background reading on give and take, with a table of contents and the questions
//! people often ask. Shown in place of the section it was opened from (under the view heading, which
//! then reads "Learn more"); its text arrives on first opening (see `hooks/learn.rs`).

use super::hooks::focus::{focus_now, Focus};
use super::hooks::learn::Load;
use super::lazy::{failed_words, learn_loaded};
use super::markup::{
    attrs, button, button_with, buttons, dynamic, el, el_ref, el_with, element, nodes, sentence,
    string, tag, words,
};
use super::widget::Widget;
use crate::core::content::Text;
use crate::core::learn::{Learn, FAQ_ID};
use yew::html::IntoPropValue;
use yew::prelude::*;
use yew::virtual_dom::{Key, Listeners};

/// Learn, with a way back labelled `back_label` ("Back to the checklist", "Back to my plan"); `root`
/// holds its element, where the table of contents looks for headings. A function rather than a
/// component: it keeps no state of its own, and each component costs the download a few hundred
/// bytes.
pub fn learn_view(widget: &Widget, back_label: Text, root: &NodeRef) -> Html {
    let ui = &widget.content().ui;
    let learn = &widget.learn;
    let back = {
        let learn = learn.clone();
        Callback::from(move |_: MouseEvent| learn.close())
    };
    let back = buttons(button("rw-button rw-button-quiet", back_label, None, back));
    let status = match learn.load() {
        Load::Loading | Load::Idle => ui.learn_loading,
        Load::Failed => failed_words(widget),
        Load::Ready(_) => Text::EMPTY,
    };
    let retry = {
        let learn = learn.clone();
        Callback::from(move |_: MouseEvent| learn.retry())
    };
    let text = if let Load::Ready(text) = learn.load() {
        nodes(vec![
            back.clone(),
            // Here whenever the text is: reading the text took Learn's part of the wasm.
            learn_loaded().map_or_else(Html::default, |part| {
                (part.render)(widget, text, learn.at(), root)
            }),
        ])
    } else if learn.load() == Load::Failed {
        buttons(button("rw-button", ui.learn_retry, None, retry))
    } else {
        Html::default()
    };
    let children = vec![
        words("p", attrs![], ui.learn_intro),
        words(
            "p",
            attrs!["role" = "status", "class" = "rw-learn-status"],
            status,
        ),
        text,
        back,
    ];
    el_ref(
        "div",
        root.clone(),
        attrs!["class" = "rw-learn"],
        nodes(children),
    )
}

/// The loaded text: a table of contents, the sections, the questions (in Learn's part of the wasm, see
/// `lazy.rs`). `root` is Learn's element,
/// where the table of contents looks for headings; a question with the id `at` is shown open.
pub(super) fn learn_text(
    widget: &Widget,
    learn: &'static Learn,
    at: Option<&'static str>,
    root: &NodeRef,
) -> Html {
    let ui = &widget.content().ui;
    let go = |id: &'static str| {
        let root = root.clone();
        Callback::from(move |_: MouseEvent| {
            focus_now(&root, Focus::LearnPart(id));
        })
    };
    let link = |label: Html, id| {
        el(
            "li",
            attrs![],
            button_with("rw-link", label, None, None, go(id)),
        )
    };
    let contents_id = AttrValue::from(widget.id("learn-contents"));
    let faq_id = AttrValue::from(widget.id("learn-faq"));
    let next_section = |i: usize| learn.sections.get(i + 1).map_or(FAQ_ID, |s| s.id.as_str());

    let mut links: Vec<Html> = learn
        .sections
        .iter()
        .map(|section| link(string(section.heading.clone()), &section.id))
        .collect();
    links.push(link(ui.learn_faq_heading.into_prop_value(), FAQ_ID));
    let contents = tag(
        "nav",
        dynamic![
            "aria-labelledby" = contents_id.clone(),
            "class" = "rw-learn-contents"
        ],
        Listeners::None,
        nodes(vec![
            el_with(
                "h3",
                &["id"],
                contents_id,
                ui.learn_contents.into_prop_value(),
            ),
            el("ul", attrs![], nodes(links)),
        ]),
    );
    let sections = learn.sections.iter().enumerate().map(|(i, section)| {
        let id = AttrValue::from(widget.id(&format!("learn-{}", section.id)));
        let sensitive = if section.sensitive {
            el(
                "div",
                attrs!["class" = "rw-note rw-learn-sensitive"],
                nodes(vec![
                    words("p", attrs![], ui.learn_sensitive_note),
                    button("rw-link", ui.learn_skip, None, go(next_section(i))),
                ]),
            )
        } else {
            Html::default()
        };
        let passages = section.passages.iter().map(|passage| {
            let heading = if passage.heading.is_empty() {
                Html::default()
            } else {
                part_heading("h4", None, &passage.id, passage.heading.clone())
            };
            let mut body = vec![heading];
            body.extend(
                passage
                    .paragraphs
                    .iter()
                    .map(|paragraph| sentence("p", attrs![], paragraph.text.clone())),
            );
            if !passage.list.is_empty() {
                let items = passage
                    .list
                    .iter()
                    .map(|item| sentence("li", attrs![], item.text.clone()))
                    .collect();
                body.push(el("ul", attrs!["class" = "rw-learn-list"], nodes(items)));
            }
            element(
                "div",
                NodeRef::default(),
                Some(Key::from(passage.id.as_str())),
                dynamic![
                    "data-passage" = passage.id.clone(),
                    "class" = "rw-learn-passage"
                ],
                Listeners::None,
                nodes(body),
            )
        });
        let heading = part_heading("h3", Some(id.clone()), &section.id, section.heading.clone());
        element(
            "section",
            NodeRef::default(),
            Some(Key::from(section.id.as_str())),
            dynamic!["aria-labelledby" = id, "class" = "rw-learn-section"],
            Listeners::None,
            // The passages in a list of their own, matched by key.
            nodes(vec![heading, sensitive, nodes(passages.collect())]),
        )
    });
    let faq = learn.faq.iter().map(|question| {
        let summary = tag(
            "summary",
            dynamic!["data-focus" = Focus::LearnPart(&question.id).attr()],
            Listeners::None,
            string(question.question.clone()),
        );
        let open = at == Some(question.id.as_str());
        element(
            "details",
            NodeRef::default(),
            Some(Key::from(question.id.as_str())),
            dynamic!["open" = open.then_some("open"), "class" = "rw-faq-item"],
            Listeners::None,
            nodes(vec![
                summary,
                sentence("p", attrs![], question.answer.clone()),
            ]),
        )
    });
    let heading = part_heading(
        "h3",
        Some(faq_id.clone()),
        FAQ_ID,
        ui.learn_faq_heading.to_string(),
    );
    let faq = tag(
        "section",
        dynamic![
            "aria-labelledby" = faq_id,
            "class" = "rw-learn-section rw-faq"
        ],
        Listeners::None,
        // The questions in a list of their own, matched by key.
        nodes(vec![heading, nodes(faq.collect())]),
    );
    nodes(vec![
        contents,
        // The sections in a list of their own, matched by key.
        nodes(sections.collect()),
        faq,
        words("p", attrs!["class" = "rw-note"], ui.learn_safety),
    ])
}

/// A heading of Learn (`<h3 id>`, or `<h4>` without an id) that the table of contents and the plan's
/// links move focus to.
fn part_heading(
    name: &'static str,
    id: Option<AttrValue>,
    part: &'static str,
    text: String,
) -> Html {
    tag(
        name,
        dynamic![
            "id" = id,
            "tabindex" = "-1",
            "data-focus" = Focus::LearnPart(part).attr(),
        ],
        Listeners::None,
        string(text),
    )
}
