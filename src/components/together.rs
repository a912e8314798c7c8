//! The check taken by two people in turn on one device (opened from the check's start).
//!
//! The session lives in this component's state only (see `core::together`): nothing of it reaches the
//! saved document until both people choose to keep the results, and leaving the section drops it.
//! Each screen shows only the answers the session says may be seen: while the second person answers,
//! the first person's are not in the page at all. Kept results are listed under the note, each
//! viewable and deletable (after a question).

use super::hooks::focus::{use_pending_focus, Focus, PendingFocus};
use super::profile_chart::ScoreText;
use super::question::{Move, QuestionScreen};
use super::safety_note::SafetyNote;
use super::widget::{use_widget, Widget};
use crate::core::content::{fill, Id, Text};
use crate::core::document::{Answer, Millis, View};
use crate::core::relationship::Relationship;
use crate::core::scoring::Profile;
use crate::core::state::Action;
use crate::core::together::{
    describe_differences, differences, record_profiles, Ending, Event, Person, Phase, Session,
};
use crate::web::{format_date, now_ms};
use yew::prelude::*;

#[component]
pub fn Together() -> Html {
    let widget = use_widget();
    let content = widget.content();
    let ui = &content.ui;
    let session = use_reducer(|| Session::new(content));
    // Focus follows each new screen: its heading, or the statement's legend. (The session is this
    // component's state, so this component moves focus itself.)
    let root = use_node_ref();
    let focus = use_pending_focus(root.clone());
    let stopping = use_state(|| false);
    let keep_error = use_state(|| false);

    // Sends `event` and puts focus on the top of the screen that follows.
    let send = {
        let (session, focus, stopping) = (session.clone(), focus.clone(), stopping.clone());
        Callback::from(move |event: Event| {
            stopping.set(false);
            focus.set(Focus::Legend);
            session.dispatch(event);
        })
    };

    let body = match session.phase {
        Phase::Intro => html! { <Intro on_event={send.clone()} /> },
        Phase::Answering(person) => answering(&widget, &session, person, &send, &focus),
        Phase::Handover => html! {
            <section class="rw-together-screen" aria-labelledby={widget.id("handover")}>
                <h3 id={widget.id("handover")} tabindex="-1" data-focus={Focus::Legend.attr()}>
                    { ui.together_handover_heading }
                </h3>
                <p>{ ui.together_handover_text }</p>
                <div class="rw-buttons">
                    <button type="button" class="rw-button" onclick={
                        let (send, widget) = (send.clone(), widget.clone());
                        move |_| {
                            widget.say(ui.together_second_turn.to_string());
                            send.emit(Event::StartSecond);
                        }
                    }>
                        { ui.together_second_start }
                    </button>
                </div>
            </section>
        },
        Phase::Results => {
            let keep_box = |person: Person, label: Text| {
                let checked = session.keep[usize::from(person == Person::Second)];
                html! {
                    <label class="rw-option">
                        <input type="checkbox" checked={checked} onchange={
                            // Focus stays on the box.
                            let (session, keep_error) = (session.clone(), keep_error.clone());
                            move |_| {
                                keep_error.set(false);
                                session.dispatch(Event::Keep { person, keep: !checked });
                            }
                        } />
                        <span>{ label }</span>
                    </label>
                }
            };
            let keep = {
                let (session, widget, keep_error) =
                    (session.clone(), widget.clone(), keep_error.clone());
                move |_| match session.record(now_ms()) {
                    Some(record) => {
                        // Said only once the save is written and read back.
                        widget.send_then_confirm(
                            Action::KeepTogether(record),
                            Focus::ViewHeading,
                            ui.together_kept.to_string(),
                        );
                        session.dispatch(Event::Kept);
                    }
                    None => keep_error.set(true),
                }
            };
            let hint = widget.id("together-keep-hint");
            html! {
                <>
                    if let Some(profiles) = session.profiles() {
                        <Results profiles={profiles} level={3} id={widget.id("together-now")} focus_here={true} />
                    }
                    <fieldset class="rw-fieldset rw-together-keep" aria-describedby={hint.clone()}>
                        <legend>{ ui.together_keep_question }</legend>
                        <p class="rw-hint" id={hint}>{ ui.together_keep_hint }</p>
                        { keep_box(Person::First, ui.together_keep_first) }
                        { keep_box(Person::Second, ui.together_keep_second) }
                    </fieldset>
                    if *keep_error {
                        <p class="rw-error" role="alert">{ ui.together_keep_both }</p>
                    }
                    <div class="rw-buttons">
                        <button type="button" class="rw-button" onclick={keep}>{ ui.together_keep }</button>
                    </div>
                </>
            }
        }
        Phase::Ended(ending) => html! {
            <div class="rw-together-screen">
                if ending == Ending::Stopped {
                    <p class="rw-note" tabindex="-1" data-focus={Focus::Legend.attr()}>{ ui.together_stopped }</p>
                }
                <div class="rw-buttons">
                    <button type="button" class="rw-button" onclick={
                        let send = send.clone();
                        move |_| send.emit(Event::Again)
                    }>
                        { ui.together_again }
                    </button>
                    { solo_button(&widget) }
                </div>
            </div>
        },
    };

    // Either person, at any step until the end: stop, and every answer of the session is dropped.
    let can_stop = matches!(
        session.phase,
        Phase::Answering(_) | Phase::Handover | Phase::Results
    );
    let stop = html! {
        <div class="rw-together-stop">
            if *stopping {
                <div class="rw-confirm" role="group" aria-labelledby={widget.id("together-stop-question")}>
                    <p id={widget.id("together-stop-question")}>{ ui.together_stop_question }</p>
                    <button type="button" class="rw-button" onclick={
                        let send = send.clone();
                        move |_| send.emit(Event::Stop)
                    }>
                        { ui.together_stop_confirm }
                    </button>
                    // The safe choice gets focus (shared with the data panel's question: the two are
                    // never in this element at once).
                    <button type="button" class="rw-button rw-button-quiet" data-focus={Focus::DeleteCancel.attr()} onclick={
                        let (stopping, focus) = (stopping.clone(), focus.clone());
                        move |_| {
                            focus.set(Focus::Delete);
                            stopping.set(false);
                        }
                    }>
                        { ui.cancel }
                    </button>
                </div>
            } else {
                <button type="button" class="rw-button rw-button-quiet" data-focus={Focus::Delete.attr()} onclick={
                    let (stopping, focus) = (stopping.clone(), focus.clone());
                    move |_| {
                        focus.set(Focus::DeleteCancel);
                        stopping.set(true);
                    }
                }>
                    { ui.together_stop }
                </button>
            }
        </div>
    };

    html! {
        <div class="rw-together" ref={root}>
            { body }
            if can_stop {
                { stop }
            }
            if matches!(session.phase, Phase::Intro | Phase::Ended(_)) {
                <Kept />
            }
        </div>
    }
}

/// The way back to the check on one's own.
fn solo_button(widget: &Widget) -> Html {
    let ui = &widget.content().ui;
    let widget = widget.clone();
    html! {
        <button type="button" class="rw-button rw-button-quiet" onclick={
            move |_| widget.send_then_focus(Action::Navigate(View::Quiz), Focus::ViewHeading)
        }>
            { ui.together_solo }
        </button>
    }
}

/// One person's turn: whose it is, then their own statements, one per screen.
fn answering(
    widget: &Widget,
    session: &UseReducerHandle<Session>,
    person: Person,
    send: &Callback<Event>,
    focus: &PendingFocus,
) -> Html {
    let ui = &widget.content().ui;
    let (Some((_, attempt)), Some(context)) = (session.answering(), session.context) else {
        return Html::default();
    };
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
    html! {
        <div class="rw-together-turn">
            <p class="rw-together-who">
                { if first { ui.together_first_turn } else { ui.together_second_turn } }
            </p>
            <p class="rw-hint">
                { if first { ui.together_first_note } else { ui.together_first_hidden } }
            </p>
            <QuestionScreen
                context={context}
                skip_sensitive={session.skip_sensitive}
                index={attempt.question}
                answers={attempt.answers.clone()}
                // Each person's screens are their own radio groups.
                screen={(session.started * 2 + u64::from(!first), attempt.question)}
                finish_label={if first { ui.together_first_done } else { ui.together_second_done }}
                on_answer={on_answer}
                on_move={on_move}
            />
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct IntroProps {
    on_event: Callback<Event>,
}

/// The note before starting, and the two choices made together: who the check is about, and whether
/// to include the statements about hard times (neither preselected).
#[component]
fn Intro(props: &IntroProps) -> Html {
    let widget = use_widget();
    let content = widget.content();
    let ui = &content.ui;
    let chosen = use_state(|| widget.relationship());
    let sensitive = use_state(|| None::<bool>);
    let missing = use_state(|| false);
    let heading = widget.id("together-note");
    let hint = widget.id("together-context-hint");

    let begin = {
        let (chosen, sensitive, missing, widget) = (
            chosen.clone(),
            sensitive.clone(),
            missing.clone(),
            widget.clone(),
        );
        let on_event = props.on_event.clone();
        move |_| match (*chosen, *sensitive) {
            (Some(context), Some(skip_sensitive)) => {
                widget.say(ui.together_first_turn.to_string());
                on_event.emit(Event::Begin {
                    context,
                    skip_sensitive,
                    at: now_ms(),
                });
            }
            _ => missing.set(true),
        }
    };
    let radio = |name: &str, checked: bool, label: Text, set: Callback<()>| {
        let missing = missing.clone();
        html! {
            <label class="rw-option">
                <input type="radio" name={widget.id(name)} checked={checked} onchange={
                    move |_| {
                        set.emit(());
                        missing.set(false);
                    }
                } />
                <span>{ label }</span>
            </label>
        }
    };
    let relationship = |r: Relationship, label: Text| {
        let chosen = chosen.clone();
        radio(
            "together-context",
            *chosen == Some(r),
            label,
            Callback::from(move |_| chosen.set(Some(r))),
        )
    };
    let hard_times = |skip: bool, label: Text| {
        let sensitive = sensitive.clone();
        radio(
            "together-sensitive",
            *sensitive == Some(skip),
            label,
            Callback::from(move |_| sensitive.set(Some(skip))),
        )
    };

    html! {
        <div class="rw-together-intro">
            <section class="rw-content-note" aria-labelledby={heading.clone()}>
                <h3 id={heading} tabindex="-1" data-focus={Focus::Legend.attr()}>{ ui.together_note_heading }</h3>
                <p>{ ui.together_intro }</p>
                <ul class="rw-together-points">
                    <li>{ ui.together_note_want }</li>
                    <li>{ ui.together_note_share }</li>
                    <li>{ ui.together_note_stop }</li>
                    <li>{ ui.together_note_exit }</li>
                </ul>
                <SafetyNote level={4} />
            </section>
            <fieldset class="rw-fieldset" aria-describedby={hint.clone()}>
                <legend>{ ui.context_question }</legend>
                <p class="rw-hint" id={hint}>{ ui.together_context_hint }</p>
                <div class="rw-options">
                    for (r, context) in Relationship::ALL.into_iter().filter_map(|r| Some((r, content.context(r)?))) {
                        { relationship(r, context.label) }
                    }
                </div>
            </fieldset>
            <fieldset class="rw-fieldset">
                <legend>{ ui.together_sensitive_question }</legend>
                <div class="rw-options">
                    { hard_times(false, ui.content_note_include) }
                    { hard_times(true, ui.content_note_skip) }
                </div>
            </fieldset>
            if *missing {
                <p class="rw-error" role="alert">{ ui.together_choose_both }</p>
            }
            <div class="rw-buttons">
                <button type="button" class="rw-button" onclick={begin}>{ ui.together_begin }</button>
                { solo_button(&widget) }
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ResultsProps {
    /// The first and the second person's profiles.
    profiles: [Profile; 2],
    /// The level of the headings.
    level: u8,
    /// Page-unique prefix of the ids.
    id: String,
    /// Whether the first heading takes focus when the results appear.
    #[prop_or_default]
    focus_here: bool,
}

/// Both people's answers side by side, form by form; where one's "I give" and the other's "I receive"
/// tell different stories; and the article's ways of talking about it.
#[component]
fn Results(props: &ResultsProps) -> Html {
    let widget = use_widget();
    let content = widget.content();
    let ui = &content.ui;
    let tag = format!("h{}", props.level.clamp(2, 6));
    let [first, second] = &props.profiles;
    let stories = describe_differences(content, &differences(&props.profiles));
    let balance = |profile: &Profile| {
        profile
            .balance
            .and_then(|b| content.balance.options.get(usize::try_from(b + 3).ok()?))
            .copied()
            .unwrap_or(ui.together_no_answer)
    };
    let ids = ["side", "stories", "talk"].map(|part| format!("{}-{part}", props.id));
    html! {
        <div class="rw-together-results">
            <section class="rw-plan-section" aria-labelledby={ids[0].clone()}>
                <@{tag.clone()} id={ids[0].clone()} tabindex="-1" data-focus={props.focus_here.then(|| Focus::Legend.attr())}>
                    { ui.together_results_heading }
                </@>
                <p>{ ui.together_results_intro }</p>
                <div class="rw-table-wrap" tabindex="0" role="region" aria-label={ui.together_table_caption}>
                    <table class="rw-table">
                        <caption>{ ui.together_table_caption }</caption>
                        <thead>
                            <tr>
                                <th scope="col">{ ui.form_column }</th>
                                <th scope="col">{ ui.together_first }</th>
                                <th scope="col">{ ui.together_second }</th>
                            </tr>
                        </thead>
                        <tbody>
                            for (a, b) in first.forms.iter().zip(second.forms.iter()) {
                                <tr key={a.form}>
                                    <th scope="row">{ content.form(a.form).map(|f| f.name).unwrap_or_default() }</th>
                                    <td><ScoreText score={a.clone()} /></td>
                                    <td><ScoreText score={b.clone()} /></td>
                                </tr>
                            }
                            <tr>
                                <th scope="row">{ ui.together_overall_row }</th>
                                <td>{ balance(first) }</td>
                                <td>{ balance(second) }</td>
                            </tr>
                        </tbody>
                    </table>
                </div>
            </section>
            <section class="rw-plan-section" aria-labelledby={ids[1].clone()}>
                <@{tag.clone()} id={ids[1].clone()}>{ ui.together_differences_heading }</@>
                if stories.is_empty() {
                    <p>{ ui.together_no_differences }</p>
                } else {
                    for story in stories {
                        <p>{ story }</p>
                    }
                    <p class="rw-note">{ ui.together_differs_note }</p>
                }
            </section>
            <section class="rw-plan-section" aria-labelledby={ids[2].clone()}>
                <@{tag} id={ids[2].clone()}>{ ui.together_talk_heading }</@>
                <p>{ ui.together_talk_intro }</p>
                <ul class="rw-together-points">
                    <li>{ ui.together_talk_turns }</li>
                    <li>{ ui.together_talk_needs }</li>
                    <li>{ ui.together_talk_together }</li>
                    <li>{ ui.together_talk_reset }</li>
                </ul>
            </section>
        </div>
    }
}

/// The results both people chose to keep, newest first: each opens to show them, and can be deleted
/// after a question.
#[component]
fn Kept() -> Html {
    let widget = use_widget();
    let content = widget.content();
    let ui = &content.ui;
    // The record whose deletion is being asked about, and the last one asked about (its "Delete"
    // takes focus back after "Cancel"; "Cancel", the safe choice, takes it when asked).
    let asking = use_state(|| None::<Millis>);
    let asked = use_state(|| None::<Millis>);
    let root = use_node_ref();
    let focus = use_pending_focus(root.clone());
    let kept = &widget.state.doc.together.kept;
    if kept.is_empty() {
        return Html::default();
    }
    let heading = widget.id("together-kept");
    html! {
        <section class="rw-plan-section" aria-labelledby={heading.clone()} ref={root}>
            <h3 id={heading}>{ ui.together_kept_heading }</h3>
            for record in kept.iter().rev() {
                <details class="rw-faq-item rw-together-kept" key={record.started.to_string()}>
                    <summary>
                        { fill(ui.together_kept_item, &[("date", &format_date(record.kept, &content.lang))]) }
                        if let Some(context) = record.context.and_then(|c| content.context(c)) {
                            { " · " }{ context.label }
                        }
                    </summary>
                    <div class="rw-together-kept-body">
                        <Results
                            profiles={record_profiles(content, record)}
                            level={4}
                            id={widget.id(&format!("together-{}", record.started))}
                        />
                        if *asking == Some(record.started) {
                            <div class="rw-confirm" role="group" aria-labelledby={widget.id("together-delete-question")}>
                                <p id={widget.id("together-delete-question")}>{ ui.together_delete_question }</p>
                                <button type="button" class="rw-button" onclick={
                                    let (widget, asking, id) = (widget.clone(), asking.clone(), record.started);
                                    move |_| {
                                        asking.set(None);
                                        // Said only once the save is written and read back.
                                        widget.send_then_confirm(
                                            Action::RemoveTogether(id),
                                            Focus::ViewHeading,
                                            ui.together_deleted.to_string(),
                                        );
                                    }
                                }>
                                    { ui.together_delete_confirm }
                                </button>
                                <button type="button" class="rw-button rw-button-quiet" data-focus={Focus::DeleteCancel.attr()} onclick={
                                    let (asking, focus) = (asking.clone(), focus.clone());
                                    move |_| {
                                        focus.set(Focus::Delete);
                                        asking.set(None);
                                    }
                                }>
                                    { ui.cancel }
                                </button>
                            </div>
                        } else {
                            <div class="rw-buttons">
                                <button
                                    type="button"
                                    class="rw-button rw-button-quiet"
                                    data-focus={(*asked == Some(record.started)).then(|| Focus::Delete.attr())}
                                    onclick={
                                        let (asking, asked, focus, id) = (asking.clone(), asked.clone(), focus.clone(), record.started);
                                        move |_| {
                                            focus.set(Focus::DeleteCancel);
                                            asked.set(Some(id));
                                            asking.set(Some(id));
                                        }
                                    }
                                >
                                    { ui.together_delete }
                                </button>
                            </div>
                        }
                    </div>
                </details>
            }
        </section>
    }
}
