//! The check taken by two people in turn on one device (opened from the check's start).
//!
//! The session lives in this component's state only (see `core::together`): nothing of it reaches the
//! saved document until both people choose to keep the results, and leaving the section drops it.
//! Each screen shows only the answers the session says may be seen: while the second person answers,
//! the first person's are not in the page at all. Kept results are listed under the note, each
//! viewable and deletable (after a question).
//!
//! One component, with the markup of its buttons, choices, headings and questions in one small
//! function each: every `html!` element costs wasm, and these repeat.

use super::hooks::focus::{use_pending_focus, Focus};
use super::markup::{
    self, attrs, button, buttons, confirm, dynamic, el, el_ref, fieldset, fixed, keyed, nodes,
    sentence, string, table_wrap, tag, words,
};
use super::profile_chart::head_row;
use super::question::{Move, QuestionScreen};
use super::safety_note::safety_note;
use super::widget::{Widget, WidgetProps};
use crate::core::content::{fill, Id, PartUiText, Text};
use crate::core::document::{Answer, Millis, View};
use crate::core::relationship::Relationship;
use crate::core::scoring::{FormScore, Profile};
use crate::core::state::Action;
use crate::core::together::{
    describe_differences, differences, record_profiles, Ending, Event, Person, Phase, Session,
};
use crate::web::{format_date, format_score, now_ms};
use yew::html::IntoPropValue;
use yew::prelude::*;
use yew::virtual_dom::{Key, Listeners};

/// The together as the app shows it (see `lazy.rs`: the part that arrives on first use).
pub fn together(widget: &Widget) -> Html {
    html! { <Together widget={widget.clone()} /> }
}

#[component]
pub fn Together(props: &WidgetProps) -> Html {
    let widget = props.widget.clone();
    let content = widget.content();
    let ui = &content.ui;
    let part_ui = &content.later().part_ui;
    let session = use_reducer(|| Session::new(content));
    // Focus follows each new screen: its heading, or the statement's legend. (The session is this
    // component's state, so this component moves focus itself.)
    let root = use_node_ref();
    let focus = use_pending_focus(root.clone());
    // Asking whether to stop; keeping asked before both chose to.
    let stopping = use_state(|| false);
    let keep_error = use_state(|| false);
    // The note's two choices (neither made for them but who it is about, when known), and whether
    // "start" was pressed without them.
    let chosen = use_state(|| widget.relationship());
    let sensitive = use_state(|| None::<bool>);
    let missing = use_state(|| false);
    // The kept result whose deletion is asked about, and the last one asked about (its "Delete" takes
    // focus back after "Cancel").
    let asking = use_state(|| None::<Millis>);
    let asked = use_state(|| None::<Millis>);

    // Sends `event` and puts focus on the top of the screen that follows.
    let send = {
        let (session, focus, stopping) = (session.clone(), focus.clone(), stopping.clone());
        Callback::from(move |event: Event| {
            stopping.set(false);
            focus.set(Focus::Legend);
            session.dispatch(event);
        })
    };
    let on = |event: Event| {
        let send = send.clone();
        Callback::from(move |_: MouseEvent| send.emit(event.clone()))
    };

    let body = match session.phase {
        Phase::Intro => {
            let begin = {
                let (chosen, sensitive, missing, widget, send) = (
                    chosen.clone(),
                    sensitive.clone(),
                    missing.clone(),
                    widget.clone(),
                    send.clone(),
                );
                Callback::from(move |_: MouseEvent| match (*chosen, *sensitive) {
                    (Some(context), Some(skip_sensitive)) => {
                        widget.say(part_ui.together_first_turn.to_string());
                        send.emit(Event::Begin {
                            context,
                            skip_sensitive,
                            at: now_ms(),
                        });
                    }
                    _ => missing.set(true),
                })
            };
            let radio = |name: &str, checked: bool, label: Text, set: Callback<()>| {
                let missing = missing.clone();
                choice(
                    "radio",
                    Some(widget.id(name)),
                    checked,
                    label,
                    Callback::from(move |_: web_sys::Event| {
                        set.emit(());
                        missing.set(false);
                    }),
                )
            };
            let relationships = Relationship::ALL.into_iter().filter_map(|r| {
                let chosen = chosen.clone();
                Some(radio(
                    "together-context",
                    *chosen == Some(r),
                    content.context(r)?.label,
                    Callback::from(move |_| chosen.set(Some(r))),
                ))
            });
            let hard_times = [false, true].map(|skip| {
                let sensitive = sensitive.clone();
                let label = if skip {
                    part_ui.content_note_skip
                } else {
                    part_ui.content_note_include
                };
                radio(
                    "together-sensitive",
                    *sensitive == Some(skip),
                    label,
                    Callback::from(move |_| sensitive.set(Some(skip))),
                )
            });
            let (note, hint, hard) = (
                widget.id("together-note"),
                widget.id("together-hint"),
                widget.id("together-hard"),
            );
            let note_id = AttrValue::from(note.clone());
            let note = tag(
                "section",
                dynamic!["aria-labelledby" = note_id, "class" = "rw-content-note"],
                Listeners::None,
                nodes(vec![
                    heading(3, &note, part_ui.together_note_heading, true),
                    words("p", attrs![], part_ui.together_intro),
                    points(&[
                        part_ui.together_note_want,
                        part_ui.together_note_share,
                        part_ui.together_note_stop,
                        part_ui.together_note_exit,
                    ]),
                    safety_note(&widget, 4),
                ]),
            );
            nodes(vec![
                note,
                fieldset(
                    words("legend", attrs![], part_ui.context_question),
                    hint,
                    part_ui.together_context_hint,
                    options(relationships.collect()),
                ),
                fieldset(
                    words("legend", attrs![], part_ui.together_sensitive_legend),
                    hard,
                    part_ui.together_sensitive_question,
                    options(hard_times.into()),
                ),
                error(*missing, part_ui.together_choose_both),
                buttons(nodes(vec![
                    button("rw-button", part_ui.together_begin, None, begin),
                    solo_button(&widget),
                ])),
            ])
        }
        Phase::Answering(person) => match (session.answering(), session.context) {
            (Some((_, attempt)), Some(context)) => {
                let first = person == Person::First;
                let on_answer = {
                    let session = session.clone();
                    Callback::from(move |(item, answer): (Id, Answer)| {
                        session.dispatch(Event::Answer { item, answer })
                    })
                };
                let on_move = {
                    let (session, send, focus, widget) =
                        (session.clone(), send.clone(), focus.clone(), widget.clone());
                    Callback::from(move |step: Move| {
                        let (event, sentence) = match step {
                            Move::Back(sentence) => (Event::Back, sentence),
                            Move::Next(sentence) => (Event::Next, sentence),
                            Move::Finish => return send.emit(Event::Done),
                        };
                        widget.say(sentence);
                        focus.set(Focus::Legend);
                        session.dispatch(event);
                    })
                };
                let (turn, note, done) = if first {
                    (
                        part_ui.together_first_turn,
                        part_ui.together_first_note,
                        part_ui.together_first_done,
                    )
                } else {
                    (
                        part_ui.together_second_turn,
                        part_ui.together_first_hidden,
                        part_ui.together_second_done,
                    )
                };
                html! {
                    <>
                        { words("p", attrs!["class" = "rw-together-who"], turn) }
                        { words("p", attrs!["class" = "rw-hint"], note) }
                        <QuestionScreen
                            widget={widget.clone()}
                            context={context}
                            skip_sensitive={session.skip_sensitive}
                            index={attempt.question}
                            answers={attempt.answers.clone()}
                            // Each person's screens are their own radio groups.
                            screen={(session.started * 2 + u64::from(!first), attempt.question)}
                            finish_label={done}
                            on_answer={on_answer}
                            on_move={on_move}
                        />
                    </>
                }
            }
            _ => Html::default(),
        },
        Phase::Handover => {
            let start = {
                let (send, widget) = (send.clone(), widget.clone());
                Callback::from(move |_: MouseEvent| {
                    widget.say(part_ui.together_second_turn.to_string());
                    send.emit(Event::StartSecond);
                })
            };
            nodes(vec![
                heading(
                    3,
                    &widget.id("handover"),
                    part_ui.together_handover_heading,
                    true,
                ),
                words("p", attrs![], part_ui.together_handover_text),
                buttons(button(
                    "rw-button",
                    part_ui.together_second_start,
                    None,
                    start,
                )),
            ])
        }
        Phase::Results => {
            let keep_box = |person: Person, label: Text| {
                let checked = session.keep[usize::from(person == Person::Second)];
                // Focus stays on the box.
                let (session, keep_error) = (session.clone(), keep_error.clone());
                choice(
                    "checkbox",
                    None,
                    checked,
                    label,
                    Callback::from(move |_: web_sys::Event| {
                        keep_error.set(false);
                        session.dispatch(Event::Keep {
                            person,
                            keep: !checked,
                        });
                    }),
                )
            };
            let keep = {
                let (session, widget, keep_error) =
                    (session.clone(), widget.clone(), keep_error.clone());
                Callback::from(move |_: MouseEvent| match session.record(now_ms()) {
                    Some(record) => {
                        // Said only once the save is written and read back.
                        widget.send_then_confirm(
                            Action::KeepTogether(record),
                            Focus::ViewHeading,
                            part_ui.together_kept.to_string(),
                        );
                        session.dispatch(Event::Kept);
                    }
                    None => keep_error.set(true),
                })
            };
            let results = match session.profiles() {
                Some(profiles) => {
                    let id = widget.id("together-now");
                    results(&widget, &profiles, session.skip_sensitive, 3, &id, true)
                }
                None => Html::default(),
            };
            let boxes = nodes(vec![
                keep_box(Person::First, part_ui.together_keep_first),
                keep_box(Person::Second, part_ui.together_keep_second),
            ]);
            nodes(vec![
                results,
                fieldset(
                    words("legend", attrs![], part_ui.together_keep_question),
                    widget.id("together-keep-hint"),
                    part_ui.together_keep_hint,
                    boxes,
                ),
                error(*keep_error, part_ui.together_keep_both),
                buttons(button("rw-button", part_ui.together_keep, None, keep)),
            ])
        }
        Phase::Ended(ending) => {
            let again = {
                let (send, sensitive, missing) = (send.clone(), sensitive.clone(), missing.clone());
                Callback::from(move |_: MouseEvent| {
                    // A new session: the choice about hard times is made afresh.
                    sensitive.set(None);
                    missing.set(false);
                    send.emit(Event::Again);
                })
            };
            let stopped = if ending == Ending::Stopped {
                words(
                    "p",
                    attrs![
                        "tabindex" = "-1",
                        "data-focus" = "legend",
                        "class" = "rw-note"
                    ],
                    part_ui.together_stopped,
                )
            } else {
                Html::default()
            };
            nodes(vec![
                stopped,
                buttons(nodes(vec![
                    button("rw-button", part_ui.together_again, None, again),
                    solo_button(&widget),
                ])),
            ])
        }
    };

    // Either person, at any step until the end: stop, and every answer of the session is dropped.
    // (Its focus targets are the kept results' too: the two are never on screen at once.)
    let stop = match session.phase {
        Phase::Answering(_) | Phase::Handover | Phase::Results => {
            let ask = |asking: bool, target: Focus| {
                let (stopping, focus) = (stopping.clone(), focus.clone());
                Callback::from(move |_: MouseEvent| {
                    focus.set(target);
                    stopping.set(asking);
                })
            };
            let stop = if *stopping {
                confirm(
                    widget.id("together-stop"),
                    part_ui.together_stop_question.into_prop_value(),
                    "rw-button",
                    part_ui.together_stop_confirm,
                    on(Event::Stop),
                    ui.cancel,
                    Focus::DeleteCancel,
                    ask(false, Focus::Delete),
                )
            } else {
                button(
                    "rw-button rw-button-quiet",
                    part_ui.together_stop,
                    Some(Focus::Delete),
                    ask(true, Focus::DeleteCancel),
                )
            };
            el("div", attrs!["class" = "rw-together-stop"], stop)
        }
        Phase::Intro | Phase::Ended(_) => kept(&widget, &asking, &asked, &focus),
    };

    el_ref(
        "div",
        root,
        attrs!["class" = "rw-together"],
        nodes(vec![body, stop]),
    )
}

/// A radio button or checkbox with its label.
fn choice(
    kind: &'static str,
    name: Option<String>,
    checked: bool,
    label: Text,
    onchange: Callback<web_sys::Event>,
) -> Html {
    markup::choice(
        "rw-check rw-option",
        kind,
        name.map(AttrValue::from),
        checked,
        label.into_prop_value(),
        onchange,
    )
}

/// A heading of `level` (3, else 4) with `id`; `focus`: the top of a screen, where focus goes.
fn heading(level: u8, id: &str, text: Text, focus: bool) -> Html {
    let (tabindex, target) = if focus {
        (Some("-1"), Some(Focus::Legend.attr()))
    } else {
        (None, None)
    };
    tag(
        if level == 3 { "h3" } else { "h4" },
        dynamic![
            "id" = id.to_owned(),
            "tabindex" = tabindex,
            "data-focus" = target,
        ],
        Listeners::None,
        text.into_prop_value(),
    )
}

/// A bulleted list of sentences.
fn points(items: &[Text]) -> Html {
    let items = items
        .iter()
        .map(|item| words("li", attrs![], *item))
        .collect();
    el("ul", attrs!["class" = "rw-together-points"], nodes(items))
}

/// The choices of a question.
fn options(choices: Vec<Html>) -> Html {
    el("div", attrs!["class" = "rw-options"], nodes(choices))
}

/// What is missing before going on, when `shown`.
fn error(shown: bool, text: Text) -> Html {
    if shown {
        words("p", attrs!["role" = "alert", "class" = "rw-error"], text)
    } else {
        Html::default()
    }
}

/// The way back to the check on one's own.
fn solo_button(widget: &Widget) -> Html {
    let part_ui = &widget.content().later().part_ui;
    button(
        "rw-button rw-button-quiet",
        part_ui.together_solo,
        None,
        widget.go(Action::Navigate(View::Quiz), Focus::ViewHeading),
    )
}

/// Both people's answers side by side, form by form (without the statements about hard times when
/// they were `skipped`); where one's "I give" and the other's "I receive" tell different stories; and
/// the article's ways of talking about it. Headings of `level`, ids starting with `id`; `focus`: the
/// first heading is the top of the screen.
fn results(
    widget: &Widget,
    profiles: &[Profile; 2],
    skipped: bool,
    level: u8,
    id: &str,
    focus: bool,
) -> Html {
    let content = widget.content();
    let part_ui = &content.later().part_ui;
    let lang = &content.lang;
    let [first, second] = profiles;
    let stories = describe_differences(content, &differences(profiles));
    // A form: its give and its receive, or why there are none. (Short cells: the table fits a phone.)
    let scores = |score: &FormScore| match (score.give, score.receive) {
        (Some(give), Some(receive)) => nodes(vec![
            sentence("td", attrs![], format_score(give, lang)),
            sentence("td", attrs![], format_score(receive, lang)),
        ]),
        _ => wide_cell(if score.not_applicable {
            part_ui.form_not_applicable
        } else {
            part_ui.not_enough
        }),
    };
    let balance = |profile: &Profile| {
        wide_cell(
            profile
                .balance
                .and_then(|b| {
                    content
                        .later()
                        .balance
                        .options
                        .get(usize::try_from(b + 3).ok()?)
                })
                .copied()
                .unwrap_or(part_ui.together_no_answer),
        )
    };
    let forms = first
        .forms
        .iter()
        .zip(second.forms.iter())
        .filter(|(a, _)| !(skipped && content.later().sensitive_forms.contains(&a.form)))
        .map(|(a, b)| {
            let name = content.form(a.form).map(|f| f.name).unwrap_or_default();
            rows(part_ui, name, [scores(a), scores(b)])
        });
    let ids = ["side", "stories", "talk"].map(|part| format!("{id}-{part}"));
    let mut table = vec![
        words("caption", attrs![], part_ui.together_table_caption),
        head_row(&[
            &part_ui.together_person_column,
            &part_ui.give_label,
            &part_ui.receive_label,
        ]),
    ];
    table.extend(forms);
    table.push(rows(
        part_ui,
        part_ui.together_overall_row,
        [balance(first), balance(second)],
    ));
    let table = el("table", attrs!["class" = "rw-table"], nodes(table));
    let side = nodes(vec![
        words("p", attrs![], part_ui.together_results_intro),
        table_wrap(part_ui.together_table_caption, table),
    ]);
    let stories = if stories.is_empty() {
        words("p", attrs![], part_ui.together_no_differences)
    } else {
        let mut paragraphs: Vec<Html> = stories
            .into_iter()
            .map(|story| sentence("p", attrs![], story))
            .collect();
        paragraphs.push(words(
            "p",
            attrs!["class" = "rw-note"],
            part_ui.together_differs_note,
        ));
        nodes(paragraphs)
    };
    let talk = nodes(vec![
        words("p", attrs![], part_ui.together_talk_intro),
        points(&[
            part_ui.together_talk_turns,
            part_ui.together_talk_needs,
            part_ui.together_talk_together,
            part_ui.together_talk_reset,
        ]),
    ]);
    let [side_id, stories_id, talk_id] = ids;
    el(
        "div",
        attrs!["class" = "rw-together-results"],
        nodes(vec![
            part(
                level,
                side_id,
                part_ui.together_results_heading,
                focus,
                side,
            ),
            part(
                level,
                stories_id,
                part_ui.together_differences_heading,
                false,
                stories,
            ),
            part(level, talk_id, part_ui.together_talk_heading, false, talk),
        ]),
    )
}

/// A part of the results: a section named by its heading (see [`heading`]).
fn part(level: u8, id: String, text: Text, focus: bool, children: Html) -> Html {
    let heading = heading(level, &id, text, focus);
    tag(
        "section",
        dynamic!["aria-labelledby" = id, "class" = "rw-plan-section"],
        Listeners::None,
        nodes(vec![heading, children]),
    )
}

/// One row group of the results: `name` (a form, or the overall question), then a row for each
/// person with their `cells`.
fn rows(part_ui: &PartUiText, name: Text, cells: [Html; 2]) -> Html {
    let [first, second] = cells;
    let person = |who, cells| {
        let head = words("th", attrs!["scope" = "row"], who);
        el("tr", attrs![], nodes(vec![head, cells]))
    };
    let rows = vec![
        // The form on a row of its own: three narrow columns fit a phone.
        el(
            "tr",
            attrs![],
            words(
                "th",
                attrs![
                    "scope" = "rowgroup",
                    "colspan" = "3",
                    "class" = "rw-together-form"
                ],
                name,
            ),
        ),
        person(part_ui.together_first, first),
        person(part_ui.together_second, second),
    ];
    el("tbody", attrs![], nodes(rows))
}

/// A cell across the "I give" and "I receive" columns.
fn wide_cell(text: Text) -> Html {
    words("td", attrs!["colspan" = "2"], text)
}

/// The results both people chose to keep, newest first: each opens to show them, and can be deleted
/// after a question.
fn kept(
    widget: &Widget,
    asking: &UseStateHandle<Option<Millis>>,
    asked: &UseStateHandle<Option<Millis>>,
    focus: &super::hooks::focus::PendingFocus,
) -> Html {
    let content = widget.content();
    let ui = &content.ui;
    let part_ui = &content.later().part_ui;
    let kept = &widget.state.doc.together.kept;
    if kept.is_empty() {
        return Html::default();
    }
    let heading_id = widget.id("together-kept");
    let records = kept.iter().rev().map(|record| {
        let id = record.started;
        let ask = |to: Option<Millis>, target: Focus| {
            let (asking, asked, focus) = (asking.clone(), asked.clone(), focus.clone());
            Callback::from(move |_: MouseEvent| {
                focus.set(target);
                asked.set(Some(id));
                asking.set(to);
            })
        };
        let delete = {
            let (widget, asking) = (widget.clone(), asking.clone());
            Callback::from(move |_: MouseEvent| {
                asking.set(None);
                // Said only once the save is written and read back.
                widget.send_then_confirm(
                    Action::RemoveTogether(id),
                    Focus::ViewHeading,
                    part_ui.together_deleted.to_string(),
                );
            })
        };
        let date = format_date(record.kept, &content.lang);
        let mut summary = vec![string(fill(part_ui.together_kept_item, &[("date", &date)]))];
        if let Some(about) = record.context.and_then(|c| content.context(c)) {
            summary.push(fixed(" · "));
            summary.push(about.label.into_prop_value());
        }
        let profiles = record_profiles(content, record);
        let results_id = widget.id(&format!("together-{id}"));
        let results = results(
            widget,
            &profiles,
            record.skip_sensitive,
            4,
            &results_id,
            false,
        );
        let delete = if **asking == Some(id) {
            confirm(
                widget.id("together-delete"),
                part_ui.together_delete_question.into_prop_value(),
                "rw-button",
                part_ui.together_delete_confirm,
                delete,
                ui.cancel,
                Focus::DeleteCancel,
                ask(None, Focus::Delete),
            )
        } else {
            buttons(button(
                "rw-button rw-button-quiet",
                part_ui.together_delete,
                (**asked == Some(id)).then_some(Focus::Delete),
                ask(Some(id), Focus::DeleteCancel),
            ))
        };
        let body = el(
            "div",
            attrs!["class" = "rw-together-kept-body"],
            nodes(vec![results, delete]),
        );
        let summary = el("summary", attrs![], nodes(summary));
        keyed(
            "details",
            Key::from(id.to_string()),
            attrs!["class" = "rw-faq-item rw-together-kept"],
            nodes(vec![summary, body]),
        )
    });
    // The heading and the records in one list, as before (so that they are matched by place).
    let mut list = vec![heading(
        3,
        &heading_id,
        part_ui.together_kept_heading,
        false,
    )];
    list.extend(records);
    tag(
        "section",
        dynamic!["aria-labelledby" = heading_id, "class" = "rw-plan-section"],
        Listeners::None,
        nodes(list),
    )
}
