//! The practice log ("Observe"): the article's rituals for who this is about, and a week of days to
//! mark each one practised, with a private note per day. The week is said in words as well as marks.
//! Nothing here counts streaks or scores, and no message says a day was missed: gaps are normal.

use super::action_list::action_words;
use super::markup::{
    attrs, button, buttons, dynamic, el, el_with, fixed, keyed, nodes, on, sentence, string, tag,
    words,
};
use super::relationship_choice::{relationship_choice, use_relationship_choice};
use super::safety_note::safety_note;
use super::widget::{Widget, WidgetProps};
use crate::core::content::fill;
use crate::core::days::Day;
use crate::core::document::{MAX_MARKS, MAX_NOTES, MAX_NOTE_CHARS};
use crate::core::state::Action;
use crate::web::{format_count, format_day, local_day};
use web_sys::HtmlInputElement;
use yew::html::IntoPropValue;
use yew::prelude::*;
use yew::virtual_dom::{Key, Listeners, VTag};

/// The practice as the app shows it (see `lazy.rs`: the part that arrives on first use).
pub fn practice(widget: &Widget) -> Html {
    html! { <Practice widget={widget.clone()} /> }
}

#[component]
pub fn Practice(props: &WidgetProps) -> Html {
    let widget = props.widget.clone();
    let content = widget.content();
    let ui = &content.ui;
    let part_ui = &content.later().part_ui;
    let lang = content.lang.get();
    let choice = use_relationship_choice();
    // How many weeks back from this one the visitor is looking.
    let weeks_back = use_state(|| 0i64);
    // Read at every render: a page left open past midnight offers the new day.
    let today = local_day();
    let start = today.week_start().plus(-7 * *weeks_back);
    // The week's names through `Intl`, made again only when the week or the language changes, not at
    // every render (fourteen formattings).
    let days = use_memo((start, lang), |(start, lang)| {
        (0..7)
            .map(|i| {
                let day = start.plus(i);
                (
                    day,
                    format_day(day, lang, false),
                    format_day(day, lang, true),
                )
            })
            .collect::<Vec<(Day, String, String)>>()
    });
    let relationship = widget.relationship();
    let practice = &widget.state.doc.practice;
    let when_safe = ui.action_when_safe;
    let heading_id = widget.id("practice-week");

    let previous = {
        let weeks_back = weeks_back.clone();
        Callback::from(move |_: MouseEvent| weeks_back.set(*weeks_back + 1))
    };
    let this_week = *weeks_back == 0;
    let next = {
        let weeks_back = weeks_back.clone();
        // Not `disabled`: a disabled button drops the focus of the visitor who just used it.
        Callback::from(move |_: MouseEvent| weeks_back.set((*weeks_back - 1).max(0)))
    };
    let next = tag(
        "button",
        dynamic![
            "type" = "button",
            "aria-disabled" = this_week.then_some("true"),
            "class" = "rw-button rw-button-quiet",
        ],
        on!(onclick, next),
        part_ui.practice_next_week.into_prop_value(),
    );
    let heading_id = AttrValue::from(heading_id);
    let week = fill(
        part_ui.practice_week,
        &[("start", &days[0].2), ("end", &days[6].2)],
    );
    let week = el(
        "div",
        attrs!["class" = "rw-week-nav"],
        nodes(vec![
            el_with("h3", &["id"], heading_id.clone(), string(week)),
            buttons(nodes(vec![
                button(
                    "rw-button rw-button-quiet",
                    part_ui.practice_previous_week,
                    None,
                    previous,
                ),
                next,
            ])),
        ]),
    );
    let rituals = content.rituals_for(relationship).map(|(ritual, action)| {
        let marks = days.iter().map(|(day, short, long)| {
            let done = practice.is_done(&day.iso(), ritual.id);
            let mark = {
                let widget = widget.clone();
                let (ritual, day) = (ritual.id, day.iso());
                Callback::from(move |_: MouseEvent| {
                    widget.send(Action::MarkPractice {
                        ritual: ritual.to_owned(),
                        day: day.clone(),
                        done: !done,
                    })
                })
            };
            let number = format_count(day.civil().2 as usize);
            tag(
                "button",
                dynamic![
                    "type" = "button",
                    "aria-pressed" = if done { "true" } else { "false" },
                    "title" = long.clone(),
                    "disabled" = (*day > today).then_some("disabled"),
                    "class" = "rw-day",
                ],
                on!(onclick, mark),
                nodes(vec![
                    sentence("span", attrs![], short.clone()),
                    fixed(" "),
                    sentence("span", attrs!["class" = "rw-day-number"], number),
                ]),
            )
        });
        let label = fill(
            part_ui.practice_days_label,
            &[("ritual", ritual.name.get())],
        );
        let marks = tag(
            "div",
            dynamic!["role" = "group", "aria-label" = label, "class" = "rw-days"],
            Listeners::None,
            nodes(marks.collect()),
        );
        let item = vec![
            words("h4", attrs![], ritual.name),
            el("p", attrs![], action_words(action, relationship, when_safe)),
            marks,
            week_in_words(&widget, ritual.id, &days),
        ];
        keyed(
            "li",
            Key::from(ritual.id),
            attrs!["class" = "rw-ritual"],
            nodes(item),
        )
    });
    // Matched by key.
    let rituals = tag(
        "ul",
        dynamic!["aria-labelledby" = heading_id, "class" = "rw-rituals"],
        Listeners::None,
        nodes(rituals.collect()),
    );
    let kept = fill(
        part_ui.practice_kept,
        &[
            ("max", &format_count(MAX_MARKS)),
            ("notes", &format_count(MAX_NOTES)),
        ],
    );

    html! {
        <div class="rw-practice">
            { words("p", attrs![], part_ui.practice_intro) }
            { words("p", attrs!["class" = "rw-note"], part_ui.practice_gaps) }
            { relationship_choice(&widget, &choice, Some((part_ui.practice_relationship_question, part_ui.practice_relationship_hint))) }
            // Repair and check-in rituals are not for a visitor the other person frightens.
            { safety_note(&widget, 3) }
            { week }
            { rituals }
            { sentence("p", attrs!["class" = "rw-note"], kept) }
        </div>
    }
}

/// The ritual's week in words, and a private note for each day it was practised.
fn week_in_words(
    widget: &super::widget::Widget,
    ritual: &'static str,
    days: &[(Day, String, String)],
) -> Html {
    let part_ui = &widget.content().later().part_ui;
    let practice = &widget.state.doc.practice;
    let done: Vec<&(Day, String, String)> = days
        .iter()
        .filter(|(day, _, _)| practice.is_done(&day.iso(), ritual))
        .collect();
    if done.is_empty() {
        return words(
            "p",
            attrs!["class" = "rw-ritual-week"],
            part_ui.practice_none,
        );
    }
    let names: Vec<&str> = done.iter().map(|(_, _, long)| long.as_str()).collect();
    let separator = part_ui.list_separator.get();
    html! {
        <>
            { sentence("p", attrs!["class" = "rw-ritual-week"], fill(part_ui.practice_done_days, &[("days", &names.join(separator))])) }
            for (day, _, long) in done {
                <NoteField
                    widget={widget.clone()}
                    key={day.iso()}
                    ritual={ritual}
                    day={day.iso()}
                    label={fill(part_ui.practice_note_label, &[("day", long)])}
                    saved={practice.get(&day.iso(), ritual).map(|m| m.note.clone()).unwrap_or_default()}
                />
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct NoteFieldProps {
    /// The widget: its state, a way to change it, the settings.
    widget: Widget,
    ritual: &'static str,
    day: String,
    label: String,
    /// The note as saved.
    saved: String,
}

/// A practised day's private note, saved when the visitor leaves the field. What is typed is kept
/// here until then: the widget re-renders meanwhile (the quick-exit key count, a save elsewhere), and
/// each render would otherwise put the saved note back over the typing.
#[component]
fn NoteField(props: &NoteFieldProps) -> Html {
    let widget = props.widget.clone();
    let draft = use_state(|| props.saved.clone());
    {
        // A note saved from elsewhere (another tab, a loaded file) replaces the draft.
        let draft = draft.clone();
        use_effect_with(props.saved.clone(), move |saved| draft.set(saved.clone()));
    }
    let oninput = {
        let draft = draft.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                draft.set(input.value());
            }
        })
    };
    let onchange = {
        let (ritual, day) = (props.ritual, props.day.clone());
        Callback::from(move |event: Event| {
            if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                widget.send(Action::NotePractice {
                    ritual: ritual.to_owned(),
                    day: day.clone(),
                    note: input.value(),
                });
            }
        })
    };
    // `value` as html! sets it: the input's property, kept to the draft.
    let input = VTag::__new_input(
        Some(AttrValue::from((*draft).clone())),
        None,
        NodeRef::default(),
        None,
        dynamic![
            "type" = "text",
            "maxlength" = format_count(MAX_NOTE_CHARS),
            "autocomplete" = "off",
            "class" = "rw-control",
        ],
        Listeners::Pending(Box::new([
            yew::html::oninput::Wrapper::__macro_new(oninput),
            yew::html::onchange::Wrapper::__macro_new(onchange),
        ])),
    );
    el(
        "label",
        attrs!["class" = "rw-practice-note"],
        nodes(vec![
            sentence("span", attrs![], props.label.clone()),
            input.into(),
        ]),
    )
}
