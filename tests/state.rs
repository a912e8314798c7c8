//! The reducer: every change a visitor can make, natively.
#![cfg(not(target_arch = "wasm32"))]

use reciprocity_widget::core::content::Content;
use reciprocity_widget::core::document::{Answer, Document, View, MAX_ATTEMPTS};
use reciprocity_widget::core::relationship::Relationship;
use reciprocity_widget::core::state::{Action, AppState};
use std::cell::Cell;

thread_local! {
    static CLOCK: Cell<u64> = const { Cell::new(1_000) };
}

/// A clock that moves on a millisecond at every reading: each action happens after the one before.
fn at() -> u64 {
    CLOCK.with(|c| {
        c.set(c.get() + 1);
        c.get()
    })
}

fn relationship(id: &str) -> Relationship {
    Relationship::parse(id).unwrap_or_else(|| panic!("{id} is a relationship"))
}

fn content() -> &'static Content {
    reciprocity_widget::english()
}

fn fresh() -> AppState {
    AppState::new(content(), Document::default())
}

fn apply(state: &AppState, action: Action) -> AppState {
    state
        .apply(action.clone(), at())
        .unwrap_or_else(|| panic!("{action:?} should change the state"))
}

fn first_action() -> String {
    content().steps[0].actions[0].id.to_owned()
}

fn started(context: &str) -> AppState {
    apply(&fresh(), Action::ChooseContext(relationship(context)))
}

#[test]
fn checking_and_unchecking_an_action() {
    let id = first_action();
    let state = apply(
        &fresh(),
        Action::SetDone {
            action: id.clone(),
            done: true,
        },
    );
    assert!(state.doc.checklist.done.contains(&id));
    assert_eq!(
        state.apply(
            Action::SetDone {
                action: id.clone(),
                done: true
            },
            at()
        ),
        None,
        "checking twice changes nothing"
    );
    let state = apply(
        &state,
        Action::SetDone {
            action: id,
            done: false,
        },
    );
    assert!(state.doc.checklist.done.is_empty());
}

#[test]
fn unknown_actions_are_ignored() {
    assert_eq!(
        fresh().apply(
            Action::SetDone {
                action: "made-up".into(),
                done: true
            },
            at()
        ),
        None
    );
}

#[test]
fn reset_clears_known_actions_and_keeps_unknown_ids() {
    let mut doc = Document::default();
    doc.checklist.done.insert(first_action());
    doc.checklist.done.insert("from-a-later-version".into());
    let state = apply(&AppState::new(content(), doc), Action::ResetChecklist);
    let left: Vec<&str> = state
        .doc
        .checklist
        .done
        .iter()
        .map(String::as_str)
        .collect();
    assert_eq!(left, ["from-a-later-version"]);
}

#[test]
fn choosing_a_context_starts_an_attempt_on_the_quiz() {
    let state = started("friend");
    let attempt = state.current().expect("an attempt in progress");
    assert_eq!(attempt.context, Some(Relationship::Friend));
    assert!(attempt.started > 1_000, "started at the time of the choice");
    assert_eq!(state.doc.view, View::Quiz);
    assert_eq!(
        Relationship::parse("boss"),
        None,
        "only the four contexts exist"
    );
}

#[test]
fn changing_the_context_keeps_the_answers() {
    let item = content().later().items[0].id.to_owned();
    let first = started("partner");
    let first_start = first.current().unwrap().started;
    let state = apply(
        &first,
        Action::Answer {
            item: item.clone(),
            answer: Answer::Value(4),
        },
    );
    let state = apply(&state, Action::ChangeContext);
    assert_eq!(state.current().unwrap().context, None);
    let state = apply(&state, Action::ChooseContext(relationship("family")));
    let attempt = state.current().unwrap();
    assert_eq!(attempt.context, Some(Relationship::Family));
    assert_eq!(attempt.started, first_start, "the same attempt continues");
    assert_eq!(attempt.answers.get(&item), Some(&Answer::Value(4)));
}

#[test]
fn answers_must_fit_their_item() {
    let state = started("partner");
    let item = content().later().items[0].id.to_owned();
    let balance = content().later().balance.id.to_owned();
    for (id, answer, accepted) in [
        (&item, Answer::Value(1), true),
        (&item, Answer::Value(5), true),
        (&item, Answer::PreferNot, true),
        (&item, Answer::Value(0), false),
        (&item, Answer::Value(6), false),
        (&item, Answer::Value(-1), false),
        (&balance, Answer::Value(-3), true),
        (&balance, Answer::Value(3), true),
        (&balance, Answer::Value(4), false),
        (&"no-such-item".to_owned(), Answer::Value(3), false),
    ] {
        let result = state.apply(
            Action::Answer {
                item: id.clone(),
                answer,
            },
            at(),
        );
        assert_eq!(result.is_some(), accepted, "{id} {answer:?}");
    }
}

#[test]
fn answering_without_an_attempt_changes_nothing() {
    let item = content().later().items[0].id.to_owned();
    assert_eq!(
        fresh().apply(
            Action::Answer {
                item,
                answer: Answer::Value(3)
            },
            at()
        ),
        None
    );
}

#[test]
fn next_and_back_stay_within_the_questions() {
    let last = content().questions(false).len() - 1;
    let mut state = started("partner");
    assert_eq!(
        state.apply(Action::Back, at()),
        None,
        "no question before the first"
    );
    for _ in 0..last {
        state = apply(&state, Action::Next);
    }
    assert_eq!(state.current().unwrap().question, last);
    assert_eq!(
        state.apply(Action::Next, at()),
        None,
        "no question after the last"
    );
    state = apply(&state, Action::Back);
    assert_eq!(state.current().unwrap().question, last - 1);
}

#[test]
fn a_position_past_the_end_from_storage_is_pulled_back() {
    let mut state = started("partner");
    let mut doc = state.doc.clone();
    doc.quiz.attempts[0].question = 500;
    state = AppState::new(content(), doc);
    state = apply(&state, Action::Back);
    assert_eq!(
        state.current().unwrap().question,
        content().questions(false).len() - 1
    );
}

#[test]
fn finishing_shows_the_plan_and_a_retake_keeps_the_result() {
    let item = content().later().items[0].id.to_owned();
    let state = apply(
        &started("colleague"),
        Action::Answer {
            item: item.clone(),
            answer: Answer::Value(2),
        },
    );
    let state = apply(&state, Action::Finish);
    assert_eq!(state.doc.view, View::Plan);
    assert!(state.current().is_none());
    assert_eq!(state.doc.quiz.finished().count(), 1);

    let state = apply(&state, Action::Retake);
    assert_eq!(state.doc.view, View::Quiz);
    let attempt = state.current().expect("a new attempt");
    assert!(attempt.answers.is_empty());
    assert_eq!(
        attempt.context, None,
        "the visitor confirms who it is about"
    );
    assert_eq!(state.last_context(), Some(Relationship::Colleague));
    let previous = state.doc.quiz.finished().next().unwrap();
    assert_eq!(previous.answers.get(&item), Some(&Answer::Value(2)));
}

#[test]
fn finishing_never_goes_back_in_time() {
    let state = started("friend");
    let start = state.current().unwrap().started;
    // A clock that went backwards (the device's time was changed) still finishes after the start.
    let state = state.apply(Action::Finish, start - 500).unwrap();
    let attempt = state.doc.quiz.attempts.last().unwrap();
    assert_eq!(attempt.finished, Some(attempt.started));
}

#[test]
fn retaking_while_an_attempt_is_open_only_shows_it() {
    let state = apply(&started("friend"), Action::Navigate(View::Plan));
    let state = apply(&state, Action::Retake);
    assert_eq!(state.doc.quiz.attempts.len(), 1);
    assert_eq!(state.doc.view, View::Quiz);
}

#[test]
fn old_attempts_are_dropped_beyond_the_limit() {
    let mut state = fresh();
    let mut starts = Vec::new();
    for _ in 0..(MAX_ATTEMPTS + 3) {
        state = apply(&state, Action::ChooseContext(relationship("partner")));
        starts.push(state.current().unwrap().started);
        state = apply(&state, Action::Finish);
    }
    let attempts = &state.doc.quiz.attempts;
    assert_eq!(attempts.len(), MAX_ATTEMPTS);
    assert_eq!(attempts[0].started, starts[3], "the oldest three went");
}

#[test]
fn another_tab_s_document_replaces_the_data_but_not_the_open_section() {
    let mut theirs = Document::default();
    theirs.checklist.done.insert(first_action());
    theirs.view = View::Plan;
    let state = apply(&fresh(), Action::Merge(theirs.clone()));
    assert_eq!(state.doc.checklist, theirs.checklist);
    assert_eq!(state.doc.view, View::Checklist);

    let mut same_data = state.doc.clone();
    same_data.view = View::Quiz;
    assert_eq!(
        state.apply(Action::Merge(same_data), at()),
        None,
        "a difference of section only is no change"
    );
}

#[test]
fn leaving_out_hard_times_shortens_the_check() {
    let state = started("partner");
    let all = content().later().items.len() + 1;
    let hard_times = content()
        .later()
        .items
        .iter()
        .filter(|i| content().later().sensitive_forms.contains(&i.form))
        .count();
    assert!(hard_times > 0, "some statements are about hard times");
    assert_eq!(state.question_count(), all);
    let state = apply(&state, Action::ChooseSensitive { skip: true });
    assert_eq!(state.question_count(), all - hard_times);
    assert_eq!(state.current().unwrap().skip_sensitive, Some(true));
    let mut state = state;
    for _ in 0..all + 5 {
        if let Some(next) = state.apply(Action::Next, at()) {
            state = next;
        }
    }
    assert_eq!(
        state.current().unwrap().question,
        all - hard_times - 1,
        "stops at the last shown screen"
    );
    let state = apply(&state, Action::ChooseSensitive { skip: false });
    assert_eq!(state.question_count(), all);
    assert_eq!(
        state.current().unwrap().question,
        0,
        "a new choice starts from the top"
    );
}

#[test]
fn forgetting_empties_everything_but_the_open_section() {
    let mut doc = Document::default();
    doc.checklist.done.insert(first_action());
    doc.view = View::Plan;
    doc.settings.clear_on_exit = Some(true);
    let when = at();
    let state = AppState::new(content(), doc)
        .apply(Action::Forget, when)
        .unwrap();
    assert_eq!(
        state.doc,
        Document {
            view: View::Plan,
            since: when,
            ..Document::default()
        },
        "started afresh now, so stale copies elsewhere give way"
    );
}

#[test]
fn the_exit_setting_is_kept() {
    let state = apply(&fresh(), Action::SetClearOnExit(true));
    assert_eq!(state.doc.settings.clear_on_exit, Some(true));
    assert_eq!(state.apply(Action::SetClearOnExit(true), at()), None);
}

#[test]
fn merging_another_tab_s_copy_keeps_this_tab_s_section_and_question() {
    let item = content().later().items[0].id.to_owned();
    let mine = apply(&started("friend"), Action::Next);
    let mine = apply(&mine, Action::Next);
    assert_eq!(mine.current().unwrap().question, 2);
    // The other tab answered the first item and went back to the first question, later.
    let mut theirs = mine.doc.clone();
    let attempt = theirs.quiz.attempts.last_mut().unwrap();
    attempt.answer(&item, Answer::Value(3), at());
    attempt.question = 0;
    attempt.moved = at();
    theirs.view = View::Checklist;
    theirs.view_at = at();
    let merged = apply(&mine, Action::Merge(theirs));
    assert_eq!(merged.doc.view, View::Quiz, "this tab's section");
    assert_eq!(merged.current().unwrap().question, 2, "this tab's question");
    assert_eq!(
        merged.current().unwrap().answers.get(&item),
        Some(&Answer::Value(3)),
        "the other tab's answer"
    );
}

#[test]
fn loading_a_file_replaces_the_progress_and_starts_afresh() {
    let mut file = Document::default();
    file.checklist.set(&first_action(), true, 5);
    let state = apply(&started("friend"), Action::Navigate(View::Checklist));
    let when = at();
    let loaded = state.apply(Action::Load(file.clone()), when).unwrap();
    assert_eq!(loaded.doc.checklist, file.checklist);
    assert!(loaded.doc.quiz.attempts.is_empty(), "replaced, not merged");
    assert_eq!(loaded.doc.since, when);
    assert_eq!(loaded.doc.view, View::Checklist);
}

#[test]
fn deletion_elsewhere_empties_this_tab_without_a_fresh_start_of_its_own() {
    let mut doc = Document::default();
    doc.checklist.set(&first_action(), true, 5);
    let state = AppState::new(content(), doc)
        .apply(Action::DeletedElsewhere, at())
        .unwrap();
    assert!(state.doc.is_empty());
    // `since` stays 0: the deleting tab's own fresh start is the one that counts.
    assert_eq!(state.doc.since, 0);
}

#[test]
fn every_change_is_stamped_with_its_time() {
    let id = first_action();
    let when = at();
    let state = fresh()
        .apply(
            Action::SetDone {
                action: id.clone(),
                done: true,
            },
            when,
        )
        .unwrap();
    assert_eq!(state.doc.checklist.changed_at(&id), when);
    let later = at();
    let state = state
        .apply(
            Action::SetDone {
                action: id.clone(),
                done: false,
            },
            later,
        )
        .unwrap();
    assert_eq!(
        state.doc.checklist.changed_at(&id),
        later,
        "an untick is a change too"
    );
    assert_eq!(
        state.apply(
            Action::SetDone {
                action: id,
                done: false
            },
            at()
        ),
        None,
        "unticking what is not ticked changes nothing"
    );
}

#[test]
fn ticks_stay_with_their_action_when_the_relationship_changes() {
    let nightly = "check-in-ten-minutes-nightly";
    let state = apply(&fresh(), Action::SetRelationship(relationship("partner")));
    let state = apply(
        &state,
        Action::SetDone {
            action: nightly.to_owned(),
            done: true,
        },
    );
    let count =
        |s: &AppState| content().checklist_progress(&s.doc.checklist.done, s.relationship());
    assert_eq!(count(&state).0, 1);
    // A colleague's checklist hides the nightly check-in: not counted, still ticked.
    let colleague = apply(&state, Action::SetRelationship(relationship("colleague")));
    assert_eq!(colleague.relationship(), Some(relationship("colleague")));
    assert_eq!(count(&colleague).0, 0);
    assert!(colleague.doc.checklist.done.contains(nightly));
    assert_eq!(colleague.doc.checklist.changed, state.doc.checklist.changed);
    // Back to a partner: the tick counts again.
    let back = apply(&colleague, Action::SetRelationship(relationship("partner")));
    assert_eq!(count(&back).0, 1);
    // Choosing who a check is about chooses for the checklist too.
    let checked = apply(&back, Action::ChooseContext(relationship("friend")));
    assert_eq!(checked.relationship(), Some(relationship("friend")));
    // Choosing the same again changes nothing.
    assert_eq!(
        checked.apply(Action::SetRelationship(relationship("friend")), at()),
        None
    );
}

#[test]
fn the_chosen_language_is_kept_stamped_and_survives_a_save() {
    let state = apply(&fresh(), Action::SetLanguage("fr".into()));
    assert_eq!(state.doc.settings.language.as_deref(), Some("fr"));
    assert!(state.doc.settings.language_at > 0, "stamped with its time");
    assert_eq!(
        state.apply(Action::SetLanguage("fr".into()), at()),
        None,
        "choosing the same language again changes nothing"
    );
    let text = reciprocity_widget::core::codec::encode(&state.doc);
    assert_eq!(
        reciprocity_widget::core::codec::decode(&text),
        Ok(state.doc.clone())
    );
}

#[test]
fn a_chosen_language_alone_is_something_to_keep() {
    let state = apply(&fresh(), Action::SetLanguage("hi".into()));
    assert!(
        !state.doc.is_empty(),
        "a document with only a language chosen is still saved"
    );
}

// ---- the practice log, removing a check, results taken together (schema 7) ----------------------

#[test]
fn a_ritual_is_marked_noted_and_taken_back_with_its_note() {
    let mark = |done| Action::MarkPractice {
        ritual: "lets-reset".into(),
        day: "2026-11-23".into(),
        done,
    };
    let state = apply(&fresh(), mark(true));
    assert!(state.doc.practice.is_done("2026-11-23", "lets-reset"));
    assert_eq!(
        state.apply(mark(true), at()),
        None,
        "marking twice changes nothing"
    );
    let note = |text: &str| Action::NotePractice {
        ritual: "lets-reset".into(),
        day: "2026-11-23".into(),
        note: text.into(),
    };
    let long = "é".repeat(500);
    let state = apply(&state, note(&format!("  {long}  ")));
    let kept = &state
        .doc
        .practice
        .get("2026-11-23", "lets-reset")
        .unwrap()
        .note;
    assert_eq!(
        kept.chars().count(),
        reciprocity_widget::core::document::MAX_NOTE_CHARS
    );
    let state = apply(&state, mark(false));
    assert_eq!(
        state
            .doc
            .practice
            .get("2026-11-23", "lets-reset")
            .unwrap()
            .note,
        ""
    );
    assert_eq!(
        state.apply(note("later"), at()),
        None,
        "no note on a day taken back"
    );
}

#[test]
fn only_known_rituals_and_real_days_are_marked() {
    for (ritual, day) in [
        ("no-such-ritual", "2026-11-23"),
        ("lets-reset", "2026-02-30"),
        ("lets-reset", "23/11/2026"),
        ("lets-reset", ""),
    ] {
        let action = Action::MarkPractice {
            ritual: ritual.into(),
            day: day.into(),
            done: true,
        };
        assert_eq!(fresh().apply(action, at()), None, "{ritual} on {day:?}");
    }
}

#[test]
fn the_practice_log_lets_the_oldest_days_go_at_its_cap() {
    use reciprocity_widget::core::days::Day;
    use reciprocity_widget::core::document::MAX_MARKS;
    let mut state = fresh();
    let first = Day::parse("2025-01-01").unwrap();
    for n in 0..MAX_MARKS as i64 + 5 {
        state = apply(
            &state,
            Action::MarkPractice {
                ritual: "appreciation".into(),
                day: first.plus(n).iso(),
                done: true,
            },
        );
    }
    let marks = &state.doc.practice.marks;
    assert_eq!(marks.len(), MAX_MARKS);
    assert_eq!(
        marks[0].day,
        first.plus(5).iso(),
        "the five oldest days went first"
    );
    // A day older than everything kept is let go at once rather than pushing a newer one out.
    let older = Action::MarkPractice {
        ritual: "lets-reset".into(),
        day: "2024-06-01".into(),
        done: true,
    };
    assert_eq!(state.apply(older, at()), None);
}

fn finished_checks(n: usize) -> AppState {
    let mut state = fresh();
    for _ in 0..n {
        state = apply(&state, Action::ChooseContext(relationship("friend")));
        state = apply(&state, Action::Finish);
    }
    state
}

#[test]
fn one_past_check_is_removed_and_stays_removed() {
    let state = finished_checks(3);
    let ids: Vec<u64> = state.doc.quiz.attempts.iter().map(|a| a.started).collect();
    let state = apply(&state, Action::RemoveCheck(ids[1]));
    let left: Vec<u64> = state.doc.quiz.attempts.iter().map(|a| a.started).collect();
    assert_eq!(left, [ids[0], ids[2]]);
    assert!(state.doc.quiz.removed.contains(&ids[1]));
    assert_eq!(state.apply(Action::RemoveCheck(ids[1]), at()), None);
    // The check in progress is not a past check: it cannot be removed this way.
    let in_progress = apply(&state, Action::Retake);
    let current = in_progress.current().unwrap().started;
    assert_eq!(in_progress.apply(Action::RemoveCheck(current), at()), None);
}

#[test]
fn the_history_keeps_the_newest_checks_at_its_cap() {
    let state = finished_checks(MAX_ATTEMPTS + 2);
    assert_eq!(state.doc.quiz.attempts.len(), MAX_ATTEMPTS);
    assert!(state.doc.quiz.attempts.iter().all(|a| a.finished.is_some()));
}

#[test]
fn results_taken_together_are_kept_only_once_and_removed_for_good() {
    use reciprocity_widget::core::document::{TogetherRecord, MAX_TOGETHER};
    let record = |started| TogetherRecord {
        started,
        kept: started + 10,
        context: Some(relationship("partner")),
        skip_sensitive: false,
        first: [("practical-give-1".to_owned(), Answer::Value(4))].into(),
        second: [("practical-receive-1".to_owned(), Answer::Value(2))].into(),
    };
    let mut state = fresh();
    for started in [30, 10, 20] {
        state = apply(&state, Action::KeepTogether(record(started)));
    }
    let order: Vec<u64> = state.doc.together.kept.iter().map(|r| r.started).collect();
    assert_eq!(order, [10, 20, 30], "oldest first");
    assert_eq!(state.apply(Action::KeepTogether(record(20)), at()), None);
    let state = apply(&state, Action::RemoveTogether(20));
    assert_eq!(
        state.apply(Action::KeepTogether(record(20)), at()),
        None,
        "removed stays removed"
    );
    let mut full = state.clone();
    for started in 40..40 + MAX_TOGETHER as u64 {
        full = apply(&full, Action::KeepTogether(record(started)));
    }
    assert_eq!(full.doc.together.kept.len(), MAX_TOGETHER);
    assert!(!full.doc.is_empty());
}

#[test]
fn only_the_newest_notes_are_kept_and_their_days_stay_marked() {
    use reciprocity_widget::core::days::Day;
    use reciprocity_widget::core::document::MAX_NOTES;
    let mut state = fresh();
    let first = Day::parse("2026-01-05").unwrap();
    for n in 0..MAX_NOTES as i64 + 2 {
        let day = first.plus(n).iso();
        state = apply(
            &state,
            Action::MarkPractice {
                ritual: "appreciation".into(),
                day: day.clone(),
                done: true,
            },
        );
        state = apply(
            &state,
            Action::NotePractice {
                ritual: "appreciation".into(),
                day,
                note: format!("note {n}"),
            },
        );
    }
    let marks = &state.doc.practice.marks;
    assert_eq!(marks.len(), MAX_NOTES + 2, "every day stays marked");
    assert!(marks.iter().all(|m| m.done));
    assert_eq!(
        marks.iter().filter(|m| !m.note.is_empty()).count(),
        MAX_NOTES
    );
    assert_eq!(marks[0].note, "", "the oldest notes went first");
    assert_eq!(marks[2].note, "note 2");
}
