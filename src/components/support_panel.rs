//! "Need support now?": crisis and support lines for the visitor's region, the emergency number, the
//! lines for anyone whom someone close frightens, controls or hurts, and any lines the clinic added
//! (first). Reached from the toolbar on every view, and from the safety message before the check and
//! on the plan; never depends on answers.

use super::markup::{attrs, button, buttons, dynamic, el, nodes, string, tag, words};
use super::widget::Widget;
use crate::core::content::{fill, SupportLine, Text, UiText};
use crate::core::strings::{cat, split_once};
use crate::core::support::{dial, regions};
use yew::html::IntoPropValue;
use yew::prelude::*;
use yew::virtual_dom::Listeners;

/// The panel; `on_close` closes it.
/// A function rather than a component: it keeps no state, and each component costs the download a few
/// hundred bytes.
pub fn support_panel(widget: &Widget, on_close: &Callback<()>) -> Html {
    let content = widget.content();
    let ui = &content.ui;
    let shown = regions(content, widget.config.region, &widget.config.lang);
    let heading_id = AttrValue::from(widget.id("support-heading"));
    let clinic = if widget.config.support_lines.is_empty() {
        Html::default()
    } else {
        let lines = widget
            .config
            .support_lines
            .iter()
            .map(|line| {
                line_item(
                    string(line.name.clone()),
                    call_link(ui.support_call, &line.number),
                    Html::default(),
                )
            })
            .collect();
        el(
            "section",
            attrs!["class" = "rw-region rw-clinic-lines"],
            nodes(vec![
                words("h3", attrs![], ui.support_clinic_heading),
                el("ul", attrs!["class" = "rw-lines"], nodes(lines)),
            ]),
        )
    };
    let mut children = vec![
        tag(
            "h2",
            dynamic![
                "id" = heading_id.clone(),
                "tabindex" = "-1",
                "data-focus" = "support",
            ],
            Listeners::None,
            ui.support_heading.into_prop_value(),
        ),
        words("p", attrs![], ui.support_intro),
        clinic,
    ];
    children.extend(shown.iter().map(|region| {
        let emergency = link(
            "tel:",
            region.emergency,
            with_number(ui.support_emergency, &[], region.emergency),
        );
        let abuse = if !region.abuse_lines.is_empty() || !region.abuse_note.is_empty() {
            let lines = if region.abuse_lines.is_empty() {
                Html::default()
            } else {
                lines(ui, region.abuse_lines)
            };
            let note = if region.abuse_note.is_empty() {
                Html::default()
            } else {
                words("p", attrs!["class" = "rw-abuse-note"], region.abuse_note)
            };
            el(
                "div",
                attrs!["class" = "rw-abuse"],
                nodes(vec![
                    words("h4", attrs![], ui.support_abuse_heading),
                    lines,
                    note,
                ]),
            )
        } else {
            Html::default()
        };
        tag(
            "section",
            dynamic![
                "data-region" = region.id,
                "aria-label" = region.name,
                "class" = "rw-region",
            ],
            Listeners::None,
            nodes(vec![
                words("h3", attrs![], region.name),
                el("p", attrs!["class" = "rw-emergency"], emergency),
                lines(ui, region.lines),
                abuse,
            ]),
        )
    }));
    children.push(words(
        "p",
        attrs!["class" = "rw-hint"],
        ui.support_other_regions,
    ));
    children.push(buttons(button(
        "rw-button rw-button-quiet",
        ui.close,
        None,
        on_close.reform(|_| ()),
    )));
    tag(
        "section",
        dynamic![
            "id" = widget.id("support"),
            "aria-labelledby" = heading_id,
            "class" = "rw-panel rw-support",
        ],
        Listeners::None,
        nodes(children),
    )
}

/// `template` with `{number}` set apart as a left-to-right run (`<bdi dir="ltr">`): in Arabic text a
/// number such as "0808 2000 247" would otherwise show its groups in the wrong order. The other
/// placeholders are filled as usual.
fn with_number(template: Text, values: &[(&str, &str)], number: &str) -> Html {
    let filled = fill(template, values);
    let (before, after) = split_once(&filled, "{number}").unwrap_or((&filled, ""));
    nodes(vec![
        string(before.to_owned()),
        el("bdi", attrs!["dir" = "ltr"], string(number.to_owned())),
        string(after.to_owned()),
    ])
}

/// A line: `<li><span class="rw-line-name">name</span>call text</li>`.
fn line_item(name: Html, call: Html, text: Html) -> Html {
    let name = el("span", attrs!["class" = "rw-line-name"], name);
    el("li", attrs![], nodes(vec![name, call, text]))
}

/// `<a href="{scheme}{number, dialled}" class="rw-line-link"><span>words</span></a>`. The words in
/// one span: the link is a flex box (for its 44 px height), and each of its children would be a flex
/// item of its own, which drops the space between "Call" and the number and breaks the sentence of the
/// emergency line into pieces.
fn link(scheme: &str, number: &str, words: Html) -> Html {
    tag(
        "a",
        dynamic![
            "href" = cat(&[scheme, &dial(number)]),
            "class" = "rw-line-link",
        ],
        Listeners::None,
        el("span", attrs![], words),
    )
}

/// A link that calls `number`, in the words of `template`.
fn call_link(template: Text, number: &str) -> Html {
    link("tel:", number, with_number(template, &[], number))
}

/// A region's lines: each a `tel:` link, and an `sms:` link where the line takes texts.
fn lines(ui: &UiText, lines: &'static [SupportLine]) -> Html {
    let lines = lines
        .iter()
        .map(|line| {
            let text = if line.text.is_empty() {
                Html::default()
            } else {
                let words = if line.text_word.is_empty() {
                    with_number(ui.support_text, &[], line.text)
                } else {
                    with_number(ui.support_text_word, &[("word", line.text_word)], line.text)
                };
                link("sms:", line.text, words)
            };
            line_item(
                line.name.into_prop_value(),
                call_link(ui.support_call, line.call),
                text,
            )
        })
        .collect();
    el("ul", attrs!["class" = "rw-lines"], nodes(lines))
}
