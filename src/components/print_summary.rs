//! A page to keep (the `print` module): "Print or save as PDF" on the plan, and the summary it prints.
//!
//! The button marks the widget's element (`data-rw-printing`), so that the loader's page-level print
//! rules leave out the rest of the clinic's page, and puts the summary into the widget, hidden on
//! screen (`hidden`, so it stays hidden even without the stylesheet); the print stylesheet shows it
//! and hides everything else of the widget. Once it is rendered, the browser's own print window opens,
//! which prints or saves a PDF; after printing the summary goes again. Nothing is sent anywhere.

use super::markup::{
    attrs, button, buttons, choice, dynamic, el, fixed, nodes, section, sentence, string, tag,
    words,
};
use super::profile_chart::profile_table;
use super::widget::Widget;
use crate::core::content::fill;
use crate::core::print::answered;
use crate::core::scoring::{direction_paragraphs, Profile, Recommendation};
use crate::web::{format_date, now_ms};
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::html::IntoPropValue;
use yew::prelude::*;
use yew::virtual_dom::Listeners;

/// The attribute on the widget's element while it is being printed (the loader removes it after).
const PRINTING: &str = "data-rw-printing";

#[derive(Properties, PartialEq)]
pub struct PrintProps {
    /// The widget: its state, a way to change it, the settings.
    pub widget: Widget,
    pub profile: Profile,
    pub recommendations: Vec<Recommendation>,
    /// The date of the check.
    pub date: String,
}

/// The plan's "A page to keep": whether to include the answers, the button, and the printed summary.
#[component]
pub fn PrintPlan(props: &PrintProps) -> Html {
    let widget = props.widget.clone();
    let part_ui = &widget.content().later().part_ui;
    let answers = use_state(|| false);
    // How many times the button was pressed since the last printing ended (0: not printing, no
    // summary on the page).
    let printing = use_state(|| 0u32);
    {
        let printing = printing.clone();
        use_effect_with(*printing, move |presses| {
            let window = web_sys::window().filter(|_| *presses > 0);
            // Listening first: a desktop browser's print() returns only after the window closed.
            let listener = window.as_ref().map(|window| {
                gloo_events::EventListener::once(window, "afterprint", move |_| printing.set(0))
            });
            if let Some(window) = window {
                // A browser that refuses to print (a sandboxed frame) leaves the page as it was.
                let _ = window.print();
            }
            move || drop(listener)
        });
    }
    let print = {
        let printing = printing.clone();
        Callback::from(move |event: MouseEvent| {
            mark_host(&event);
            printing.set(*printing + 1);
        })
    };
    let toggle = {
        let answers = answers.clone();
        Callback::from(move |event: Event| {
            answers.set(
                event
                    .target_dyn_into::<HtmlInputElement>()
                    .is_some_and(|input| input.checked()),
            )
        })
    };
    let keep = section(
        "rw-plan-section rw-keep",
        widget.id("keep"),
        part_ui.print_heading,
        nodes(vec![
            words("p", attrs![], part_ui.print_intro),
            choice(
                "rw-check",
                "checkbox",
                None,
                *answers,
                part_ui.print_include_answers.into_prop_value(),
                toggle,
            ),
            buttons(button("rw-button", part_ui.print_button, None, print)),
        ]),
    );
    // Apart from the sections, so that nothing looking for a section's words finds its copy here.
    let summary = if *printing > 0 {
        summary(&widget, props, *answers)
    } else {
        Html::default()
    };
    nodes(vec![keep, summary])
}

/// Marks the widget's element (the host of the shadow root the button is in) for the loader's print
/// rules. Inside no shadow root (a test mount) there is no page around to leave out.
fn mark_host(event: &MouseEvent) {
    let host = event
        .target_dyn_into::<web_sys::Element>()
        .and_then(|button| js_sys::Reflect::get(&button.get_root_node(), &"host".into()).ok())
        .and_then(|host| host.dyn_into::<web_sys::Element>().ok());
    if let Some(host) = host {
        let _ = host.set_attribute(PRINTING, "");
    }
}

/// What is printed: who shared it, the date, the direction, the profile as a table, the suggested
/// steps with their actions ticked or not, the clinic's booking link, where to find help, and last,
/// the answers when the visitor asked for them.
fn summary(widget: &Widget, props: &PrintProps, answers: bool) -> Html {
    let content = widget.content();
    let ui = &content.ui;
    let part_ui = &content.later().part_ui;
    let done = &widget.state.doc.checklist.done;
    let relationship = widget.relationship();
    let latest = widget.state.doc.quiz.finished().next();
    // One line each, its parts joined: who shared the page, then when the check was and about whom.
    let mut top = vec![ui.widget_label.to_string()];
    if let Some(clinic) = &widget.config.clinic_name {
        top.push(fill(ui.clinic_intro, &[("clinic", clinic)]));
    }
    let mut when = vec![fill(part_ui.plan_taken_on, &[("date", &props.date)])];
    if let Some(about) = latest
        .and_then(|a| a.context)
        .and_then(|r| content.context(r))
    {
        when.push(fill(
            ui.checklist_relationship_current,
            &[("relationship", &about.label)],
        ));
    }
    when.push(fill(
        part_ui.print_made_on,
        &[("date", &format_date(now_ms(), &content.lang))],
    ));
    let mut page = vec![
        sentence("p", attrs!["class" = "rw-print-top"], top.join(" · ")),
        words("h2", attrs![], ui.plan_heading),
        sentence("p", attrs![], when.join(" · ")),
        words("h3", attrs![], part_ui.direction_heading),
    ];
    page.extend(
        direction_paragraphs(content, &props.profile)
            .into_iter()
            .map(|paragraph| sentence("p", attrs![], paragraph)),
    );
    page.push(words("h3", attrs![], part_ui.chart_title));
    page.push(profile_table(content, &props.profile, "rw-print-table"));
    if !props.recommendations.is_empty() {
        page.push(words("h3", attrs![], part_ui.recommended_heading));
        page.push(words("p", attrs![], part_ui.print_ticks_note));
        for rec in props.recommendations.iter() {
            let Some(step) = content.step(rec.step) else {
                continue;
            };
            let actions = step
                .actions_in_order(relationship, rec.protects_giver())
                .into_iter()
                .map(|action| {
                    let tick = if done.contains(action.id) {
                        "☑"
                    } else {
                        "☐"
                    };
                    let mut text = vec![action.text_for(relationship).into_prop_value()];
                    if action.ask_safe {
                        text.push(fixed(" "));
                        text.push(ui.action_when_safe.into_prop_value());
                    }
                    let cells = vec![
                        el("span", attrs![], tick.into_prop_value()),
                        el("span", attrs![], nodes(text)),
                    ];
                    el("li", attrs![], nodes(cells))
                })
                .collect();
            let title = sentence(
                "h4",
                attrs![],
                format!("{} · {}", step.letter.get(), step.title.get()),
            );
            let list = el("ul", attrs![], nodes(actions));
            page.push(el(
                "div",
                attrs!["class" = "rw-print-step"],
                nodes(vec![title, list]),
            ));
        }
    }
    if let Some(cta) = &widget.config.cta {
        let label = cta
            .label
            .clone()
            .unwrap_or_else(|| part_ui.cta_default.to_string());
        let link = tag(
            "a",
            dynamic!["href" = cta.url.clone()],
            Listeners::None,
            string(cta.url.clone()),
        );
        page.push(el(
            "p",
            attrs![],
            nodes(vec![sentence("strong", attrs![], label), fixed(" "), link]),
        ));
    }
    page.push(words("p", attrs![], part_ui.plan_reflection_note));
    page.push(words("p", attrs![], part_ui.help_line));
    if let (true, Some(latest)) = (answers, latest) {
        page.push(words("h3", attrs![], part_ui.print_answers_heading));
        let answers = answered(content, latest)
            .into_iter()
            .map(|(statement, answer)| {
                el(
                    "li",
                    attrs![],
                    nodes(vec![
                        statement.into_prop_value(),
                        fixed(" "),
                        el("strong", attrs![], answer.into_prop_value()),
                    ]),
                )
            })
            .collect();
        page.push(el(
            "ol",
            attrs!["class" = "rw-print-answers"],
            nodes(answers),
        ));
    }
    el(
        "div",
        attrs!["hidden" = "hidden", "class" = "rw-print"],
        nodes(page),
    )
}
