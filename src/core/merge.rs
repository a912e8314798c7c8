//! Two copies of one namespace's document, made into one without losing a change.
//!
//! Two tabs of a page save the same key. Writing the whole document would let the later save erase
//! what the other tab wrote a moment before, so before every write the tab merges what is stored into
//! its own copy. The unit of a change is small: one checklist action, one answer, one attempt's own
//! fields, the settings, the open section. For each unit the later change wins, never the later
//! document. A deletion or a loaded file starts the document afresh (`since`): changes older than that,
//! still held by a stale tab, are dropped instead of coming back.
//!
//! [`merge`] is commutative, associative and idempotent (property tests below), so tabs that see each
//! other's writes in any order end with the same document.

use super::document::{
    Attempt, Checklist, Document, Mark, Millis, Practice, Quiz, Settings, Together, TogetherRecord,
    MAX_ATTEMPTS, MAX_REMOVED, MAX_TOGETHER, SCHEMA,
};
use super::sorted::{SortedMap, SortedSet};

/// The document holding the latest change of every unit found in `a` or `b`.
pub fn merge(a: &Document, b: &Document) -> Document {
    let since = a.since.max(b.since);
    let (a, b) = (after(a, since), after(b, since));
    let (view, view_at) = later((a.view_at, a.view), (b.view_at, b.view));
    Document {
        schema: SCHEMA,
        view,
        view_at,
        since,
        checklist: merge_checklist(&a.checklist, &b.checklist),
        quiz: merge_quiz(&a.quiz, &b.quiz),
        settings: merge_settings(&a.settings, &b.settings),
        practice: merge_practice(&a.practice, &b.practice),
        together: merge_together(&a.together, &b.together),
    }
}

/// `doc` without the changes made before `since` (only a copy started afresh earlier has any).
fn after(doc: &Document, since: Millis) -> Document {
    if doc.since >= since {
        return doc.clone();
    }
    let mut doc = doc.clone();
    let checklist = &mut doc.checklist;
    let stale: Vec<String> = checklist
        .done
        .iter()
        .chain(checklist.changed.keys())
        .filter(|id| checklist.changed_at(id) < since)
        .cloned()
        .collect();
    for id in stale {
        checklist.done.remove(&id);
        checklist.changed.remove(&id);
    }
    // An attempt started before the fresh start belongs to the deleted data, with all its answers.
    doc.quiz.attempts.retain(|attempt| attempt.started >= since);
    doc.quiz.removed.retain(|id| *id >= since);
    doc.practice.marks.retain(|mark| mark.at >= since);
    doc.together.kept.retain(|record| record.kept >= since);
    doc.together.removed.retain(|id| *id >= since);
    if doc.settings.changed < since {
        doc.settings.clear_on_exit = None;
        doc.settings.changed = 0;
    }
    if doc.settings.relationship_at < since {
        doc.settings.relationship = None;
        doc.settings.relationship_at = 0;
    }
    if doc.settings.language_at < since {
        doc.settings.language = None;
        doc.settings.language_at = 0;
    }
    doc.since = since;
    doc
}

/// The later of two stamped values; on the same millisecond the greater value, so that both tabs pick
/// the same one.
fn later<T: Ord + Copy>(a: (Millis, T), b: (Millis, T)) -> (T, Millis) {
    let (at, value) = a.max(b);
    (value, at)
}

fn merge_checklist(a: &Checklist, b: &Checklist) -> Checklist {
    let ids: SortedSet<&String> = [a, b]
        .iter()
        .flat_map(|c| c.done.iter().chain(c.changed.keys()))
        .collect();
    let mut merged = Checklist::default();
    for id in ids {
        let (done, _) = later(
            (a.changed_at(id), a.done.contains(id)),
            (b.changed_at(id), b.done.contains(id)),
        );
        if done {
            merged.done.insert(id.clone());
        }
        // Keep "no time" as it was: documents from before schema 4 have ticks without times.
        if let Some(at) = a.changed.get(id).max(b.changed.get(id)) {
            merged.changed.insert(id.clone(), *at);
        }
    }
    merged
}

fn merge_quiz(a: &Quiz, b: &Quiz) -> Quiz {
    let removed = merge_removed(&a.removed, &b.removed);
    let mut by_id: SortedMap<Millis, Attempt> = SortedMap::new();
    for attempt in a
        .attempts
        .iter()
        .chain(&b.attempts)
        .filter(|t| !removed.contains(&t.id()))
    {
        let merged = match by_id.get(&attempt.id()) {
            Some(seen) => merge_attempt(seen, attempt),
            None => attempt.clone(),
        };
        by_id.insert(attempt.id(), merged);
    }
    let mut attempts: Vec<Attempt> = by_id.into_values().collect();
    let excess = attempts.len().saturating_sub(MAX_ATTEMPTS);
    attempts.drain(..excess);
    Quiz { attempts, removed }
}

/// Both copies' removals, the newest [`MAX_REMOVED`] (ids are start times: an older one names an
/// attempt or record the caps have let go long ago).
fn merge_removed(a: &SortedSet<Millis>, b: &SortedSet<Millis>) -> SortedSet<Millis> {
    let mut removed: SortedSet<Millis> = a.iter().chain(b).copied().collect();
    let excess = removed.len().saturating_sub(MAX_REMOVED);
    let oldest_kept = removed.iter().nth(excess).copied().unwrap_or(0);
    removed.retain(|id| *id >= oldest_kept);
    removed
}

/// Per day and ritual, the later change; on the same millisecond the greater mark, so both tabs agree.
fn merge_practice(a: &Practice, b: &Practice) -> Practice {
    let mut by_key: SortedMap<(&str, &str), &Mark> = SortedMap::new();
    for mark in a.marks.iter().chain(&b.marks) {
        let key = (mark.day.as_str(), mark.ritual.as_str());
        let keep = match by_key.get(&key) {
            Some(seen) => (seen.at, seen.done, &seen.note) < (mark.at, mark.done, &mark.note),
            None => true,
        };
        if keep {
            by_key.insert(key, mark);
        }
    }
    let mut practice = Practice {
        marks: by_key.into_values().cloned().collect(),
    };
    practice.keep_newest();
    practice
}

/// Records are written once, when both people keep them: a union by id, without the removed ones.
fn merge_together(a: &Together, b: &Together) -> Together {
    let removed = merge_removed(&a.removed, &b.removed);
    let mut by_id: SortedMap<Millis, &TogetherRecord> = SortedMap::new();
    for record in a.kept.iter().chain(&b.kept) {
        if !removed.contains(&record.started) {
            by_id.insert(record.started, record);
        }
    }
    let mut kept: Vec<TogetherRecord> = by_id.into_values().cloned().collect();
    let excess = kept.len().saturating_sub(MAX_TOGETHER);
    kept.drain(..excess);
    Together { kept, removed }
}

/// One attempt as two tabs saw it.
fn merge_attempt(a: &Attempt, b: &Attempt) -> Attempt {
    let ((context, skip_sensitive), changed) = later(
        (a.changed, (a.context, a.skip_sensitive)),
        (b.changed, (b.context, b.skip_sensitive)),
    );
    let (question, moved) = later((a.moved, a.question), (b.moved, b.question));
    // Finishing cannot be undone: finished in either tab is finished, at the first time it was.
    let finished = match (a.finished, b.finished) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    };
    let items: SortedSet<&String> = [a, b]
        .iter()
        .flat_map(|t| t.answers.keys().chain(t.answered.keys()))
        .collect();
    let mut answers = SortedMap::new();
    let mut answered = SortedMap::new();
    for item in items {
        let pick = |t: &Attempt| t.answers.get(item).copied();
        let (answer, _) = later(
            (a.answered_at(item), pick(a)),
            (b.answered_at(item), pick(b)),
        );
        if let Some(answer) = answer {
            answers.insert(item.clone(), answer);
        }
        if let Some(at) = a.answered.get(item).max(b.answered.get(item)) {
            answered.insert(item.clone(), *at);
        }
    }
    // History of retired statements: the same in every copy (written once, by migration).
    let mut retired = a.retired.clone();
    for (item, answer) in &b.retired {
        let kept = retired.get_or_insert_with(item.clone(), || *answer);
        *kept = (*kept).max(*answer);
    }
    Attempt {
        started: a.started,
        retired,
        finished,
        context,
        question,
        moved,
        answers,
        answered,
        changed,
        skip_sensitive,
    }
}

fn merge_settings(a: &Settings, b: &Settings) -> Settings {
    let (clear_on_exit, changed) =
        later((a.changed, a.clear_on_exit), (b.changed, b.clear_on_exit));
    let (relationship, relationship_at) = later(
        (a.relationship_at, a.relationship),
        (b.relationship_at, b.relationship),
    );
    let (language, language_at) = later(
        (a.language_at, a.language.as_deref()),
        (b.language_at, b.language.as_deref()),
    );
    Settings {
        clear_on_exit,
        changed,
        relationship,
        relationship_at,
        language: language.map(str::to_owned),
        language_at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::{Answer, View};
    use crate::core::relationship::Relationship;
    use proptest::prelude::*;

    fn ticked(id: &str, done: bool, at: Millis) -> Document {
        let mut doc = Document::default();
        doc.checklist.set(id, done, at);
        doc
    }

    #[test]
    fn ticks_from_two_tabs_are_both_kept() {
        let merged = merge(&ticked("a", true, 10), &ticked("b", true, 11));
        assert_eq!(merged.checklist.done, ["a".into(), "b".into()].into());
    }

    #[test]
    fn the_later_change_of_one_action_wins_either_way() {
        let on = ticked("a", true, 10);
        let off = ticked("a", false, 20);
        assert!(merge(&on, &off).checklist.done.is_empty());
        assert!(merge(&off, &on).checklist.done.is_empty());
        let on_again = ticked("a", true, 30);
        assert!(merge(&off, &on_again).checklist.done.contains("a"));
    }

    #[test]
    fn answers_merge_per_item_in_the_same_attempt() {
        let mut a = Document::default();
        let mut attempt = Attempt::new(5, Some(Relationship::Friend));
        attempt.answer("x", Answer::Value(2), 10);
        a.quiz.attempts.push(attempt.clone());
        let mut b = a.clone();
        b.quiz.attempts[0].answer("x", Answer::Value(4), 12);
        b.quiz.attempts[0].answer("y", Answer::PreferNot, 13);
        a.quiz.attempts[0].answer("z", Answer::Value(1), 14);
        let merged = merge(&a, &b);
        assert_eq!(merged.quiz.attempts.len(), 1);
        let answers = &merged.quiz.attempts[0].answers;
        assert_eq!(answers.get("x"), Some(&Answer::Value(4)));
        assert_eq!(answers.get("y"), Some(&Answer::PreferNot));
        assert_eq!(answers.get("z"), Some(&Answer::Value(1)));
    }

    #[test]
    fn a_fresh_start_drops_what_a_stale_copy_still_holds() {
        let stale = ticked("old", true, 10);
        let mut fresh = ticked("new", true, 30);
        fresh.since = 20;
        fresh.settings = Settings::default();
        let mut stale = stale;
        stale.settings.clear_on_exit = Some(true);
        stale.settings.changed = 15;
        stale.quiz.attempts.push(Attempt::new(12, None));
        stale.checklist.set("later", true, 25);
        let merged = merge(&stale, &fresh);
        assert_eq!(merged.since, 20);
        assert_eq!(merged.checklist.done, ["later".into(), "new".into()].into());
        assert!(merged.quiz.attempts.is_empty());
        assert_eq!(merged.settings, Settings::default());
    }

    #[test]
    fn a_removed_check_stays_removed_whatever_the_other_tab_holds() {
        let mut a = Document::default();
        a.quiz.attempts.push(Attempt::new(5, None));
        a.quiz.attempts.push(Attempt::new(9, None));
        let mut b = a.clone();
        b.quiz.attempts.remove(0);
        b.quiz.removed.insert(5);
        for merged in [merge(&a, &b), merge(&b, &a)] {
            assert_eq!(merged.quiz.attempts.len(), 1);
            assert_eq!(merged.quiz.attempts[0].started, 9);
            assert!(merged.quiz.removed.contains(&5));
        }
    }

    #[test]
    fn practice_marks_merge_per_day_and_ritual() {
        let mut a = Document::default();
        a.practice.set("2026-11-02", "appreciation", true, 10);
        a.practice
            .set_note("2026-11-02", "appreciation", "a walk", 11);
        let mut b = Document::default();
        b.practice.set("2026-11-02", "appreciation", false, 20);
        b.practice.set("2026-11-03", "lets-reset", true, 5);
        let merged = merge(&a, &b);
        assert_eq!(merged, merge(&b, &a));
        assert!(!merged.practice.is_done("2026-11-02", "appreciation"));
        assert_eq!(
            merged
                .practice
                .get("2026-11-02", "appreciation")
                .unwrap()
                .note,
            ""
        );
        assert!(merged.practice.is_done("2026-11-03", "lets-reset"));
        // A fresh start (delete everything) drops marks a stale tab still holds.
        let mut fresh = Document {
            since: 15,
            ..Document::default()
        };
        fresh.practice.set("2026-11-04", "appreciation", true, 16);
        let merged = merge(&a, &fresh);
        assert_eq!(merged.practice.marks.len(), 1);
        assert_eq!(merged.practice.marks[0].day, "2026-11-04");
    }

    #[test]
    fn finishing_in_either_tab_finishes() {
        let mut a = Document::default();
        a.quiz.attempts.push(Attempt::new(5, None));
        let mut b = a.clone();
        b.quiz.attempts[0].finished = Some(50);
        assert_eq!(merge(&a, &b).quiz.attempts[0].finished, Some(50));
    }

    fn attempt() -> impl Strategy<Value = Attempt> {
        (
            0u64..6,
            proptest::option::of(0u64..3),
            proptest::option::of(proptest::sample::select(Relationship::ALL.to_vec())),
            (0usize..4, 0u64..6),
            proptest::collection::btree_map(
                "[a-d]",
                (
                    prop_oneof![
                        crate::core::document::FREQUENCY.prop_map(Answer::Value),
                        Just(Answer::PreferNot)
                    ],
                    0u64..6,
                ),
                0..4,
            ),
            (0u64..6, proptest::option::of(any::<bool>())),
        )
            .prop_map(
                |(started, took, context, (question, moved), answers, (changed, skip))| Attempt {
                    started: started * 10,
                    finished: took.map(|t| started * 10 + t),
                    context,
                    question,
                    moved,
                    answered: answers
                        .iter()
                        .map(|(k, (_, at))| (k.clone(), *at))
                        .collect(),
                    answers: answers.into_iter().map(|(k, (v, _))| (k, v)).collect(),
                    changed,
                    skip_sensitive: skip,
                    retired: Default::default(),
                },
            )
    }

    fn document() -> impl Strategy<Value = Document> {
        (
            (
                proptest::sample::select(vec![View::Checklist, View::Quiz, View::Plan]),
                0u64..6,
                0u64..4,
            ),
            proptest::collection::btree_map("[a-e]", (any::<bool>(), 0u64..8), 0..5),
            proptest::collection::btree_map(0u64..6, attempt(), 0..3),
            (
                proptest::option::of(any::<bool>()),
                0u64..6,
                proptest::option::of(proptest::sample::select(vec!["en", "fr", "ar"])),
                0u64..6,
            ),
            (
                proptest::collection::btree_map(
                    ("2026-11-0[12]", "[ab]"),
                    (any::<bool>(), "[xy]?", 0u64..8),
                    0..4,
                ),
                proptest::collection::btree_set(0u64..6, 0..2),
            ),
        )
            .prop_map(
                |(
                    (view, view_at, since),
                    ticks,
                    attempts,
                    (clear, changed, language, language_at),
                    (marks, removed),
                )| {
                    let mut doc = Document {
                        view,
                        view_at,
                        since,
                        settings: Settings {
                            clear_on_exit: clear,
                            changed,
                            relationship: None,
                            relationship_at: 0,
                            language: language.map(str::to_owned),
                            language_at,
                        },
                        ..Document::default()
                    };
                    for (id, (done, at)) in ticks {
                        doc.checklist.set(&id, done, at);
                    }
                    // Attempts are kept in the order they started, one per start time.
                    doc.quiz.attempts = attempts
                        .into_iter()
                        .map(|(id, mut attempt)| {
                            attempt.started = id * 10;
                            attempt.finished = attempt.finished.map(|f| f.max(attempt.started));
                            attempt
                        })
                        .collect();
                    for ((day, ritual), (done, note, at)) in marks {
                        doc.practice.set(&day, &ritual, done, at);
                        doc.practice.set_note(&day, &ritual, &note, at);
                    }
                    doc.quiz.removed = removed.into_iter().map(|id| id * 10).collect();
                    doc.quiz
                        .attempts
                        .retain(|a| !doc.quiz.removed.contains(&a.started));
                    doc
                },
            )
    }

    proptest! {
        #[test]
        fn merging_is_commutative(a in document(), b in document()) {
            prop_assert_eq!(merge(&a, &b), merge(&b, &a));
        }

        #[test]
        fn merging_is_associative(a in document(), b in document(), c in document()) {
            prop_assert_eq!(merge(&merge(&a, &b), &c), merge(&a, &merge(&b, &c)));
        }

        #[test]
        fn merging_a_copy_with_itself_changes_nothing(a in document()) {
            let once = merge(&a, &a);
            prop_assert_eq!(merge(&once, &once), once.clone());
            prop_assert_eq!(merge(&once, &a), once);
        }

        /// The heart of it: every action's latest change made after the fresh start survives.
        #[test]
        fn no_later_change_is_lost(a in document(), b in document()) {
            let merged = merge(&a, &b);
            for doc in [&a, &b] {
                for (id, at) in &doc.checklist.changed {
                    if *at < merged.since { continue; }
                    let other = if std::ptr::eq(doc, &a) { &b } else { &a };
                    let other_at = if other.since <= merged.since || other.checklist.changed_at(id) >= merged.since {
                        other.checklist.changed_at(id)
                    } else { 0 };
                    if *at > other_at {
                        prop_assert_eq!(
                            merged.checklist.done.contains(id),
                            doc.checklist.done.contains(id)
                        );
                    }
                }
            }
        }
    }
}
