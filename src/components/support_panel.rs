//! "Need support now?": crisis and support lines for the visitor's region, the emergency number, the
//! lines for anyone whom someone close frightens, controls or hurts, and any lines the clinic added
//! (first). Reached from the toolbar on every view, and from the safety message before the check and
//! on the plan; never depends on answers.

use super::widget::use_widget;
use crate::core::content::{fill, SupportLine, Text};
use crate::core::support::{dial, regions};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SupportPanelProps {
    pub on_close: Callback<()>,
}

#[component]
pub fn SupportPanel(props: &SupportPanelProps) -> Html {
    let widget = use_widget();
    let content = widget.content();
    let ui = &content.ui;
    let shown = regions(content, widget.config.region, &widget.config.lang);
    let heading_id = widget.id("support-heading");
    html! {
        <section class="rw-panel rw-support" id={widget.id("support")} aria-labelledby={heading_id.clone()}>
            <h2 id={heading_id} tabindex="-1" data-focus="support">{ ui.support_heading }</h2>
            <p>{ ui.support_intro }</p>
            if !widget.config.support_lines.is_empty() {
                <section class="rw-region rw-clinic-lines">
                    <h3>{ ui.support_clinic_heading }</h3>
                    <ul class="rw-lines">
                        for line in widget.config.support_lines.iter() {
                            <li>
                                <span class="rw-line-name">{ line.name.clone() }</span>
                                <a class="rw-line-link" href={format!("tel:{}", dial(&line.number))}>
                                    { with_number(ui.support_call, &[], &line.number) }
                                </a>
                            </li>
                        }
                    </ul>
                </section>
            }
            for region in shown.iter() {
                <section class="rw-region" data-region={region.id} aria-label={region.name}>
                    <h3>{ region.name }</h3>
                    <p class="rw-emergency">
                        <a class="rw-line-link" href={format!("tel:{}", dial(region.emergency))}>
                            { with_number(ui.support_emergency, &[], region.emergency) }
                        </a>
                    </p>
                    <Lines lines={region.lines} />
                    if !region.abuse_lines.is_empty() || !region.abuse_note.is_empty() {
                        <div class="rw-abuse">
                            <h4>{ ui.support_abuse_heading }</h4>
                            if !region.abuse_lines.is_empty() {
                                <Lines lines={region.abuse_lines} />
                            }
                            if !region.abuse_note.is_empty() {
                                <p class="rw-abuse-note">{ region.abuse_note }</p>
                            }
                        </div>
                    }
                </section>
            }
            <p class="rw-hint">{ ui.support_other_regions }</p>
            <div class="rw-buttons">
                <button type="button" class="rw-button rw-button-quiet" onclick={props.on_close.reform(|_| ())}>
                    { ui.close }
                </button>
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct LinesProps {
    lines: &'static [SupportLine],
}

/// `template` with `{number}` set apart as a left-to-right run (`<bdi dir="ltr">`): in Arabic text a
/// number such as "0808 2000 247" would otherwise show its groups in the wrong order. The other
/// placeholders are filled as usual.
fn with_number(template: Text, values: &[(&str, &str)], number: &str) -> Html {
    let filled = fill(template, values);
    let (before, after) = filled.split_once("{number}").unwrap_or((&filled, ""));
    html! { <>{ before.to_owned() }<bdi dir="ltr">{ number.to_owned() }</bdi>{ after.to_owned() }</> }
}

/// A region's lines: each a `tel:` link, and an `sms:` link where the line takes texts.
#[component]
fn Lines(props: &LinesProps) -> Html {
    let widget = use_widget();
    let ui = &widget.content().ui;
    html! {
        <ul class="rw-lines">
            for line in props.lines.iter() {
                <li>
                    <span class="rw-line-name">{ line.name }</span>
                    <a class="rw-line-link" href={format!("tel:{}", dial(line.call))}>
                        { with_number(ui.support_call, &[], line.call) }
                    </a>
                    if !line.text.is_empty() {
                        <a class="rw-line-link" href={format!("sms:{}", dial(line.text))}>
                            if line.text_word.is_empty() {
                                { with_number(ui.support_text, &[], line.text) }
                            } else {
                                { with_number(ui.support_text_word, &[("word", line.text_word)], line.text) }
                            }
                        </a>
                    }
                </li>
            }
        </ul>
    }
}
