//! The storage contract, natively: every way storage can fail, and that none of them loses saved data.
#![cfg(not(target_arch = "wasm32"))]

use reciprocity_widget::core::codec::{decode, encode};
use reciprocity_widget::core::document::{Document, View, SCHEMA};
use reciprocity_widget::core::persistence::{
    Deletion, External, Loaded, MemoryStore, Move, Namespace, Notice, Persistence, SaveOutcome,
    Store, StoreError,
};
use reciprocity_widget::core::reader::Reader;
use std::cell::Cell;
use std::rc::Rc;

const NOW: u64 = 1_764_000_000_000;

/// A store shared between the test and the persistence under test, so the test can look inside.
#[derive(Clone)]
struct Shared(Rc<MemoryStore>);

impl Store for Shared {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.0.get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.0.set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.0.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.0.keys()
    }
}

/// A store whose every call fails, like a browser that throws on each storage access.
struct Broken;

impl Store for Broken {
    fn get(&self, _: &str) -> Result<Option<String>, StoreError> {
        Err(StoreError::Unavailable)
    }
    fn set(&self, _: &str, _: &str) -> Result<(), StoreError> {
        Err(StoreError::Unavailable)
    }
    fn remove(&self, _: &str) -> Result<(), StoreError> {
        Err(StoreError::Unavailable)
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Err(StoreError::Unavailable)
    }
}

/// A store over a shared one that fails on command: the nth write from now, every remove, or
/// every call (storage taken away mid-session).
#[derive(Clone, Default)]
struct Faulty {
    inner: Rc<MemoryStore>,
    /// Writes that still succeed before the next one fails (`None`: never fail).
    writes_left: Rc<Cell<Option<u32>>>,
    removes_fail: Rc<Cell<bool>>,
    gone: Rc<Cell<bool>>,
}

impl Store for Faulty {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        if self.gone.get() {
            return Err(StoreError::Unavailable);
        }
        self.inner.get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        if self.gone.get() {
            return Err(StoreError::Unavailable);
        }
        match self.writes_left.get() {
            Some(0) => return Err(StoreError::QuotaExceeded),
            Some(n) => self.writes_left.set(Some(n - 1)),
            None => {}
        }
        self.inner.set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        if self.gone.get() || self.removes_fail.get() {
            return Err(StoreError::Unavailable);
        }
        self.inner.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        if self.gone.get() {
            return Err(StoreError::Unavailable);
        }
        self.inner.keys()
    }
}

fn key() -> String {
    Namespace::default().key()
}

fn open(store: &Shared) -> Loaded {
    Persistence::open(Some(Box::new(store.clone())), Namespace::default(), NOW)
}

fn with_progress() -> Document {
    let mut doc = Document::default();
    doc.checklist.set("reflect-notice-giving", true, NOW);
    doc
}

fn ticked(ids: &[&str], at: u64) -> Document {
    let mut doc = Document::default();
    for id in ids {
        doc.checklist.set(id, true, at);
    }
    doc
}

#[test]
fn a_new_visitor_starts_fresh_and_nothing_is_stored_until_they_act() {
    let store = Shared(Rc::new(MemoryStore::new()));
    let Loaded {
        mut persistence,
        doc,
        notices,
    } = open(&store);
    assert_eq!(doc, Document::default());
    assert!(notices.is_empty());
    assert_eq!(persistence.save(&doc, NOW), SaveOutcome::Unchanged);
    assert_eq!(store.get(&key()), Ok(None));
    let doc = with_progress();
    assert_eq!(persistence.save(&doc, NOW), SaveOutcome::Saved);
    assert_eq!(persistence.save(&doc, NOW), SaveOutcome::Unchanged);
    assert_eq!(store.get(&key()), Ok(Some(encode(&doc))));
    assert_eq!(key(), "reciprocity-widget/v1/default");
}

#[test]
fn saved_progress_comes_back() {
    let store = Shared(Rc::new(MemoryStore::new()));
    store.set(&key(), &encode(&with_progress())).unwrap();
    let loaded = open(&store);
    assert_eq!(loaded.doc, with_progress());
    assert!(loaded.notices.is_empty());
}

#[test]
fn no_store_means_memory_only_with_a_notice() {
    let Loaded {
        mut persistence,
        doc,
        notices,
    } = Persistence::open(None, Namespace::default(), NOW);
    assert_eq!(notices, [Notice::Unavailable]);
    assert!(!persistence.is_saving());
    assert_eq!(persistence.save(&doc, NOW), SaveOutcome::NotSaving);
}

#[test]
fn a_store_that_throws_on_read_means_memory_only() {
    let loaded = Persistence::open(Some(Box::new(Broken)), Namespace::default(), NOW);
    assert_eq!(loaded.notices, [Notice::Unavailable]);
    assert!(!loaded.persistence.is_saving());
}

#[test]
fn a_full_store_keeps_working_in_memory_and_retries_on_the_next_change() {
    // Room for the small document and a little more, not for a 300-character action id.
    let room = key().len() + encode(&with_progress()).len() + 60;
    let store = Shared(Rc::new(MemoryStore::with_quota(room)));
    let Loaded {
        mut persistence, ..
    } = open(&store);
    let small = with_progress();
    assert_eq!(persistence.save(&small, NOW), SaveOutcome::Saved);

    let mut big = with_progress();
    big.checklist.set(&"x".repeat(300), true, NOW);
    assert_eq!(
        persistence.save(&big, NOW),
        SaveOutcome::Failed(Notice::Full)
    );
    assert_eq!(
        store.get(&key()),
        Ok(Some(encode(&small))),
        "the last good save is kept"
    );
    // Still failing: tried again, not skipped as "unchanged".
    assert_eq!(
        persistence.save(&big, NOW),
        SaveOutcome::Failed(Notice::Full)
    );
    // The next change that fits is saved.
    let mut fits = with_progress();
    fits.checklist.set("x", true, NOW + 1);
    assert_eq!(persistence.save(&fits, NOW), SaveOutcome::Saved);
    assert_eq!(store.get(&key()), Ok(Some(encode(&fits))));
}

#[test]
fn corrupt_text_is_copied_aside_before_anything_else() {
    let store = Shared(Rc::new(MemoryStore::new()));
    let garbage = "{\"schema\": 2, \"checklist\": {\"done\": [\"reflect";
    store.set(&key(), garbage).unwrap();
    let Loaded {
        mut persistence,
        doc,
        notices,
    } = open(&store);
    let backup_key = format!("reciprocity-widget/v1/default/corrupt/{NOW}");
    assert_eq!(
        notices,
        [Notice::Corrupt {
            backup_key: backup_key.clone()
        }]
    );
    assert_eq!(doc, Document::default());
    assert_eq!(store.get(&backup_key), Ok(Some(garbage.to_owned())));
    assert_eq!(
        store.get(&key()),
        Ok(Some(garbage.to_owned())),
        "the original stays until the first save"
    );
    assert_eq!(persistence.save(&with_progress(), NOW), SaveOutcome::Saved);
    assert_eq!(store.get(&backup_key), Ok(Some(garbage.to_owned())));
}

#[test]
fn invalid_documents_count_as_corrupt_too() {
    let store = Shared(Rc::new(MemoryStore::new()));
    store
        .set(&key(), r#"{"schema": 2, "view": "nowhere"}"#)
        .unwrap();
    let loaded = open(&store);
    assert!(matches!(loaded.notices[..], [Notice::Corrupt { .. }]));
}

#[test]
fn two_corrupt_copies_in_one_millisecond_do_not_overwrite_each_other() {
    let store = Shared(Rc::new(MemoryStore::new()));
    store.set(&key(), "first").unwrap();
    let _ = open(&store);
    store.set(&key(), "second").unwrap();
    let loaded = open(&store);
    let base = Namespace::default().corrupt_key(NOW);
    assert_eq!(
        loaded.notices,
        [Notice::Corrupt {
            backup_key: format!("{base}-1")
        }]
    );
    assert_eq!(store.get(&base), Ok(Some("first".into())));
    assert_eq!(store.get(&format!("{base}-1")), Ok(Some("second".into())));
}

#[test]
fn corrupt_text_that_cannot_be_copied_is_never_overwritten() {
    let garbage = "not json at all, and long enough to fill the store".repeat(2);
    let store = Shared(Rc::new(MemoryStore::with_quota(
        key().len() + garbage.len(),
    )));
    store.set(&key(), &garbage).unwrap();
    let Loaded {
        mut persistence,
        notices,
        ..
    } = open(&store);
    assert_eq!(notices, [Notice::CorruptUnsaved]);
    assert_eq!(
        persistence.save(&with_progress(), NOW),
        SaveOutcome::NotSaving
    );
    assert_eq!(store.get(&key()), Ok(Some(garbage)));
}

#[test]
fn a_newer_schema_is_left_untouched() {
    let store = Shared(Rc::new(MemoryStore::new()));
    let newer = format!(r#"{{"schema": {}, "future": "data"}}"#, SCHEMA + 1);
    store.set(&key(), &newer).unwrap();
    let Loaded {
        mut persistence,
        doc,
        notices,
    } = open(&store);
    assert_eq!(notices, [Notice::Newer]);
    assert_eq!(doc, Document::default());
    assert_eq!(
        persistence.save(&with_progress(), NOW),
        SaveOutcome::NotSaving
    );
    assert_eq!(store.get(&key()), Ok(Some(newer)));
    assert_eq!(
        store.0.keys(),
        Ok(vec![key()]),
        "no copy made of a valid newer value"
    );
}

#[test]
fn an_older_schema_is_migrated_and_saved_in_the_new_shape_on_the_next_change() {
    let store = Shared(Rc::new(MemoryStore::new()));
    store
        .set(&key(), include_str!("fixtures/schema-1.json"))
        .unwrap();
    let Loaded {
        mut persistence,
        mut doc,
        notices,
    } = open(&store);
    assert!(notices.is_empty());
    assert!(doc.checklist.done.contains("reflect-notice-giving"));
    doc.view = View::Plan;
    assert_eq!(persistence.save(&doc, NOW), SaveOutcome::Saved);
    let saved = store.get(&key()).unwrap().unwrap();
    assert!(saved.contains(&format!("\"schema\":{SCHEMA}")), "{saved}");
}

#[test]
fn namespaces_are_validated() {
    for good in ["default", "clinic-main", "a", "A_1-b", &"x".repeat(64)] {
        assert!(Namespace::parse(good).is_some(), "{good}");
    }
    for bad in [
        "",
        "with space",
        "slash/es",
        "dots.no",
        "ümlaut",
        "<img>",
        &"x".repeat(65),
    ] {
        assert!(Namespace::parse(bad).is_none(), "{bad}");
    }
    assert_eq!(
        Namespace::parse("clinic-main").unwrap().key(),
        "reciprocity-widget/v1/clinic-main"
    );
}

#[test]
fn another_tab_s_change_is_taken_and_merged_without_echoing_it_back() {
    let store = Shared(Rc::new(MemoryStore::new()));
    let Loaded {
        mut persistence, ..
    } = open(&store);
    assert_eq!(persistence.save(&with_progress(), NOW), SaveOutcome::Saved);

    // The other tab ticked another action.
    let mut theirs = with_progress();
    theirs.checklist.set("repair-lets-reset", true, NOW + 5);
    let text = encode(&theirs);
    store.set(&key(), &text).unwrap();
    assert_eq!(
        persistence.external_change(Some(text.clone()), NOW),
        External::Changed(theirs.clone())
    );
    // This tab merges it in (the reducer does, with `merge`) and saves: nothing new to write.
    assert_eq!(persistence.save(&theirs, NOW), SaveOutcome::Unchanged);
    // The same text seen again is nothing new.
    assert_eq!(
        persistence.external_change(Some(text), NOW),
        External::Nothing
    );
}

#[test]
fn two_tabs_saving_in_turn_lose_no_tick() {
    let store = Shared(Rc::new(MemoryStore::new()));
    let mut one = open(&store).persistence;
    let mut two = open(&store).persistence;
    // Both tabs started from nothing; each ticks its own action, neither has seen the other's.
    assert_eq!(one.save(&ticked(&["a"], 10), NOW), SaveOutcome::Saved);
    let outcome = two.save(&ticked(&["b"], 11), NOW);
    let SaveOutcome::Merged { doc, written: true } = outcome else {
        panic!("the second tab merges before writing: {outcome:?}");
    };
    assert_eq!(doc.checklist.done, ["a".into(), "b".into()].into());
    let stored = decode(&store.get(&key()).unwrap().unwrap()).unwrap();
    assert_eq!(stored, doc);
    // The first tab, unticking its action later, keeps the other tab's tick.
    let mut mine = ticked(&["a"], 10);
    mine.checklist.set("a", false, 20);
    let SaveOutcome::Merged { doc, .. } = one.save(&mine, NOW) else {
        panic!("the first tab merges too");
    };
    assert_eq!(doc.checklist.done, ["b".into()].into());
    assert_eq!(doc.checklist.changed_at("a"), 20);
}

#[test]
fn another_tab_removing_the_key_means_deleted_and_deletion_wins() {
    let store = Shared(Rc::new(MemoryStore::new()));
    store.set(&key(), &encode(&with_progress())).unwrap();
    let Loaded {
        mut persistence, ..
    } = open(&store);
    store.remove(&key()).unwrap();
    assert_eq!(persistence.external_change(None, NOW), External::Removed);
    assert_eq!(
        persistence.save(&Document::default(), NOW),
        SaveOutcome::Unchanged
    );
    assert_eq!(store.get(&key()), Ok(None), "removal is not undone");
}

#[test]
fn a_stale_tab_saving_after_a_deletion_does_not_bring_the_data_back() {
    let store = Shared(Rc::new(MemoryStore::new()));
    store.set(&key(), &encode(&with_progress())).unwrap();
    let mut stale = open(&store).persistence;
    let mut deleting = open(&store).persistence;
    assert_eq!(deleting.forget(), Deletion::Complete);
    // The stale tab has not heard of the deletion yet and ticks something.
    let mut doc = with_progress();
    doc.checklist.set("b", true, NOW + 10);
    assert_eq!(stale.save(&doc, NOW), SaveOutcome::DeletedElsewhere);
    assert_eq!(store.get(&key()), Ok(None));

    // Or the deleting tab already started again: its fresh start drops the stale tab's old changes.
    let mut fresh = Document {
        since: NOW + 20,
        ..Document::default()
    };
    fresh.checklist.set("new", true, NOW + 30);
    let mut stale = open(&store).persistence;
    assert_eq!(stale.save(&with_progress(), NOW), SaveOutcome::Saved);
    let mut deleting = open(&store).persistence;
    deleting.forget();
    assert_eq!(deleting.save(&fresh, NOW), SaveOutcome::Saved);
    let mut stale_doc = with_progress();
    stale_doc.checklist.set("late", true, NOW + 40);
    let SaveOutcome::Merged { doc, .. } = stale.save(&stale_doc, NOW) else {
        panic!("merged");
    };
    assert_eq!(doc.checklist.done, ["late".into(), "new".into()].into());
}

#[test]
fn a_newer_schema_from_another_tab_stops_this_tab_writing() {
    let store = Shared(Rc::new(MemoryStore::new()));
    let Loaded {
        mut persistence, ..
    } = open(&store);
    let newer = format!(r#"{{"schema": {}}}"#, SCHEMA + 5);
    store.set(&key(), &newer).unwrap();
    assert_eq!(
        persistence.external_change(Some(newer.clone()), NOW),
        External::Problem(Notice::Newer)
    );
    assert_eq!(
        persistence.save(&with_progress(), NOW),
        SaveOutcome::NotSaving
    );
    assert_eq!(store.get(&key()), Ok(Some(newer)));
}

#[test]
fn a_newer_schema_found_at_save_time_is_left_alone() {
    let store = Shared(Rc::new(MemoryStore::new()));
    let mut persistence = open(&store).persistence;
    let newer = format!(r#"{{"schema": {}}}"#, SCHEMA + 1);
    store.set(&key(), &newer).unwrap();
    assert_eq!(
        persistence.save(&with_progress(), NOW),
        SaveOutcome::Failed(Notice::Newer)
    );
    assert_eq!(store.get(&key()), Ok(Some(newer)));
}

#[test]
fn deleting_removes_the_document_and_its_corrupt_copies_and_reads_back() {
    let store = Shared(Rc::new(MemoryStore::new()));
    store.set(&key(), "garbage").unwrap();
    store
        .set("reciprocity-widget/v1/other", "someone else's")
        .unwrap();
    let Loaded {
        mut persistence, ..
    } = open(&store);
    persistence.save(&with_progress(), NOW);
    assert_eq!(
        store.0.keys().unwrap().len(),
        3,
        "document, corrupt copy, other namespace"
    );
    assert_eq!(persistence.forget(), Deletion::Complete);
    assert_eq!(
        store.0.keys(),
        Ok(vec!["reciprocity-widget/v1/other".to_owned()])
    );
    let empty = Document {
        view: View::Plan,
        since: NOW + 1,
        ..Document::default()
    };
    assert_eq!(persistence.save(&empty, NOW), SaveOutcome::Unchanged);
    assert_eq!(store.0.keys().unwrap().len(), 1, "nothing written back");
    assert_eq!(persistence.save(&with_progress(), NOW), SaveOutcome::Saved);
}

#[test]
fn deleting_says_what_is_left_when_removing_fails() {
    let store = Faulty::default();
    store.set(&key(), &encode(&with_progress())).unwrap();
    let mut persistence = open_faulty(&store);
    store.removes_fail.set(true);
    assert_eq!(
        persistence.forget(),
        Deletion::Incomplete { left: vec![key()] }
    );
    assert!(
        store.get(&key()).unwrap().is_some(),
        "it really is still there"
    );
    // Nothing can even be listed: nobody can say what is left.
    store.gone.set(true);
    assert_eq!(persistence.forget(), Deletion::Unknown);
}

fn open_faulty(store: &Faulty) -> Persistence {
    Persistence::open(Some(Box::new(store.clone())), Namespace::default(), NOW).persistence
}

#[test]
fn moving_writes_and_reads_back_the_new_copy_before_removing_the_old() {
    let local = Faulty::default();
    let session = Faulty::default();
    let mut persistence = open_faulty(&local);
    persistence.save(&with_progress(), NOW);
    assert_eq!(
        persistence.move_to(Box::new(session.clone()), &with_progress()),
        Move::Moved
    );
    assert_eq!(local.keys(), Ok(vec![]));
    assert_eq!(session.get(&key()), Ok(Some(encode(&with_progress()))));
    // Writing resumes in the new store.
    let mut more = with_progress();
    more.checklist.set("b", true, NOW + 1);
    assert_eq!(persistence.save(&more, NOW), SaveOutcome::Saved);
    assert_eq!(session.get(&key()), Ok(Some(encode(&more))));
    assert_eq!(local.keys(), Ok(vec![]));
}

#[test]
fn a_move_whose_new_copy_fails_leaves_the_old_copy_in_use() {
    let local = Faulty::default();
    let session = Faulty::default();
    session.writes_left.set(Some(0));
    let mut persistence = open_faulty(&local);
    persistence.save(&with_progress(), NOW);
    assert_eq!(
        persistence.move_to(Box::new(session.clone()), &with_progress()),
        Move::NotMoved
    );
    assert_eq!(local.get(&key()), Ok(Some(encode(&with_progress()))));
    assert_eq!(session.keys(), Ok(vec![]));
    // Still saving where it was.
    let mut more = with_progress();
    more.checklist.set("b", true, NOW + 1);
    assert_eq!(persistence.save(&more, NOW), SaveOutcome::Saved);
    assert_eq!(local.get(&key()), Ok(Some(encode(&more))));
}

#[test]
fn a_move_whose_old_copy_cannot_be_removed_says_both_exist() {
    let local = Faulty::default();
    let session = Faulty::default();
    let mut persistence = open_faulty(&local);
    persistence.save(&with_progress(), NOW);
    local.removes_fail.set(true);
    assert_eq!(
        persistence.move_to(Box::new(session.clone()), &with_progress()),
        Move::OldCopyLeft(Deletion::Incomplete { left: vec![key()] })
    );
    assert_eq!(local.get(&key()), Ok(Some(encode(&with_progress()))));
    assert_eq!(session.get(&key()), Ok(Some(encode(&with_progress()))));
}

#[test]
fn storage_taken_away_mid_session_fails_the_save_and_a_later_change_saves_again() {
    let store = Faulty::default();
    let mut persistence = open_faulty(&store);
    assert_eq!(persistence.save(&with_progress(), NOW), SaveOutcome::Saved);
    store.gone.set(true);
    let mut more = with_progress();
    more.checklist.set("b", true, NOW + 1);
    assert_eq!(
        persistence.save(&more, NOW),
        SaveOutcome::Failed(Notice::Unavailable)
    );
    store.gone.set(false);
    more.checklist.set("c", true, NOW + 2);
    assert_eq!(persistence.save(&more, NOW), SaveOutcome::Saved);
    assert_eq!(store.get(&key()), Ok(Some(encode(&more))));
}

#[test]
fn a_write_that_does_not_read_back_is_not_called_saved() {
    /// Accepts writes and forgets them, like a store cleared by someone else right after.
    struct Forgetful;
    impl Store for Forgetful {
        fn get(&self, _: &str) -> Result<Option<String>, StoreError> {
            Ok(None)
        }
        fn set(&self, _: &str, _: &str) -> Result<(), StoreError> {
            Ok(())
        }
        fn remove(&self, _: &str) -> Result<(), StoreError> {
            Ok(())
        }
        fn keys(&self) -> Result<Vec<String>, StoreError> {
            Ok(vec![])
        }
    }
    let mut persistence =
        Persistence::open(Some(Box::new(Forgetful)), Namespace::default(), NOW).persistence;
    assert_eq!(
        persistence.save(&with_progress(), NOW),
        SaveOutcome::Failed(Notice::Unavailable)
    );
}

#[test]
fn loading_a_file_replaces_without_merging_and_reads_back() {
    let store = Shared(Rc::new(MemoryStore::new()));
    let mut persistence = open(&store).persistence;
    persistence.save(&ticked(&["old"], NOW), NOW);
    let mut file = ticked(&["from-file"], NOW - 1000);
    file.since = NOW + 5;
    assert_eq!(persistence.replace(&file), SaveOutcome::Saved);
    assert_eq!(store.get(&key()), Ok(Some(encode(&file))));
    assert_eq!(persistence.save(&file, NOW), SaveOutcome::Unchanged);
}

#[test]
fn moving_between_sections_alone_stores_nothing() {
    let store = Shared(Rc::new(MemoryStore::new()));
    let Loaded {
        mut persistence, ..
    } = open(&store);
    let quiz = Document {
        view: View::Quiz,
        view_at: NOW,
        ..Document::default()
    };
    assert_eq!(persistence.save(&quiz, NOW), SaveOutcome::Unchanged);
    assert_eq!(store.0.keys(), Ok(vec![]));
    // Once something is kept, the open section is saved with it.
    let mut doc = with_progress();
    assert_eq!(persistence.save(&doc, NOW), SaveOutcome::Saved);
    doc.view = View::Plan;
    doc.view_at = NOW + 1;
    assert_eq!(persistence.save(&doc, NOW), SaveOutcome::Saved);
    assert_eq!(store.get(&key()), Ok(Some(encode(&doc))));
}

/// The fullest document the caps allow: every check kept, every statement answered (with its time),
/// every practice mark with the longest note in Devanagari (three bytes a letter in UTF-8), every
/// result taken together, every removal remembered, every action ticked, every setting set.
fn fullest_document() -> Document {
    use reciprocity_widget::core::days::Day;
    use reciprocity_widget::core::document::{
        Answer, Attempt, TogetherRecord, MAX_ATTEMPTS, MAX_MARKS, MAX_NOTE_CHARS, MAX_REMOVED,
        MAX_TOGETHER,
    };
    let content = reciprocity_widget::english();
    let late = 4_102_444_800_000; // 2100-01-01: the longest timestamps for a long while.
    let mut doc = Document::default();
    for step in content.steps.iter() {
        for action in step.actions.iter() {
            doc.checklist.set(action.id, true, late);
        }
    }
    let all_answers = || {
        content
            .later()
            .items
            .iter()
            .map(|i| (i.id.to_owned(), Answer::Value(3)))
            .chain([(content.later().balance.id.to_owned(), Answer::Value(-3))])
            .collect()
    };
    for n in 0..MAX_ATTEMPTS as u64 {
        let mut attempt = Attempt::new(late + n, None);
        attempt.context = Some(reciprocity_widget::core::relationship::Relationship::Colleague);
        for item in content.later().items.iter() {
            attempt.answer(item.id, Answer::NotApplicable, late + n);
        }
        attempt.answer(content.later().balance.id, Answer::PreferNot, late + n);
        attempt.finished = Some(late + n);
        attempt.skip_sensitive = Some(false);
        attempt.question = 30;
        doc.quiz.attempts.push(attempt);
    }
    doc.quiz.removed = (0..MAX_REMOVED as u64).map(|n| late - n).collect();
    let longest_ritual = content
        .later()
        .rituals
        .iter()
        .map(|r| r.id)
        .max_by_key(|id| id.len())
        .unwrap();
    let first = Day::parse("2090-01-01").unwrap();
    for n in 0..MAX_MARKS as i64 {
        let day = first.plus(n).iso();
        doc.practice.set(&day, longest_ritual, true, late);
        doc.practice
            .set_note(&day, longest_ritual, &"ॐ".repeat(MAX_NOTE_CHARS), late);
    }
    for n in 0..MAX_TOGETHER as u64 {
        doc.together.kept.push(TogetherRecord {
            started: late + n,
            kept: late + n,
            context: Some(reciprocity_widget::core::relationship::Relationship::Colleague),
            skip_sensitive: false,
            first: all_answers(),
            second: all_answers(),
        });
    }
    doc.together.removed = (0..MAX_REMOVED as u64).map(|n| late - n).collect();
    doc.settings.clear_on_exit = Some(true);
    doc.settings.relationship =
        Some(reciprocity_widget::core::relationship::Relationship::Colleague);
    doc.settings.language = Some("ar".into());
    doc.settings.changed = late;
    doc.settings.relationship_at = late;
    doc.settings.language_at = late;
    doc
}

#[test]
fn the_fullest_document_the_caps_allow_stays_well_under_64_kb() {
    let text = encode(&fullest_document());
    let (bytes, units) = (text.len(), text.encode_utf16().count());
    println!("fullest document: {units} characters (UTF-16 code units, as storage counts them), {bytes} bytes of UTF-8");
    let full = fullest_document();
    for (part, doc) in [
        (
            "quiz",
            Document {
                quiz: full.quiz.clone(),
                ..Document::default()
            },
        ),
        (
            "practice",
            Document {
                practice: full.practice.clone(),
                ..Document::default()
            },
        ),
        (
            "together",
            Document {
                together: full.together.clone(),
                ..Document::default()
            },
        ),
        (
            "checklist",
            Document {
                checklist: full.checklist.clone(),
                ..Document::default()
            },
        ),
    ] {
        println!("  {part}: {} bytes", encode(&doc).len());
    }
    assert!(units <= 56 * 1024, "{units} characters");
    assert_eq!(decode(&text), Ok(fullest_document()));
}

// Without the reader (a first visit in the release build, before its part is fetched: see
// `core::reader`): nothing stored is read, nothing stored is overwritten.

fn open_without_reader(store: &Shared) -> Loaded {
    Persistence::open_with(
        Some(Box::new(store.clone())),
        Namespace::default(),
        NOW,
        None,
    )
}

#[test]
fn without_the_reader_a_first_visit_saves_and_reads_back_as_usual() {
    let store = Shared(Rc::new(MemoryStore::new()));
    let mut persistence = open_without_reader(&store).persistence;
    assert!(!persistence.is_behind());
    assert_eq!(persistence.save(&with_progress(), NOW), SaveOutcome::Saved);
    assert_eq!(
        decode(&store.get(&key()).unwrap().unwrap()),
        Ok(with_progress())
    );
    // Its own text, unchanged, needs no reading either.
    let more = ticked(&["reflect-notice-giving", "repair-lets-reset"], NOW);
    assert_eq!(persistence.save(&more, NOW + 1), SaveOutcome::Saved);
    assert_eq!(persistence.save(&more, NOW + 2), SaveOutcome::Unchanged);
    assert!(!persistence.is_behind());
}

#[test]
fn without_the_reader_another_tab_s_progress_waits_and_is_merged_once_it_arrives() {
    let store = Shared(Rc::new(MemoryStore::new()));
    let mut persistence = open_without_reader(&store).persistence;
    let mine = ticked(&["reflect-notice-giving"], NOW);
    assert_eq!(persistence.save(&mine, NOW), SaveOutcome::Saved);

    // Another tab saved its own tick meanwhile.
    let theirs = ticked(&["reflect-notice-giving", "repair-lets-reset"], NOW + 5);
    let their_text = encode(&theirs);
    store.set(&key(), &their_text).unwrap();
    assert!(persistence.is_behind());
    assert_eq!(
        persistence.external_change(Some(their_text.clone()), NOW),
        External::Waiting
    );
    // This tab ticks a third action: the save waits, and what the other tab stored is untouched.
    let mut mine_more = mine.clone();
    mine_more.checklist.set("observe-adjust", true, NOW + 6);
    assert_eq!(persistence.save(&mine_more, NOW + 6), SaveOutcome::Waiting);
    assert_eq!(store.get(&key()).unwrap(), Some(their_text.clone()));
    // Still waiting while the reader is not here.
    assert_eq!(persistence.catch_up(NOW + 7), External::Waiting);

    // The tab merges it in (as the reducer does) and saves.
    catch_up_and_save(&mut persistence, &store, &mine_more, &theirs);
}

/// The reader arrives: `persistence` reads in `theirs` (what the store holds), merges it into `mine`
/// as the reducer does, and saves the three ticks of these tests, read back.
fn catch_up_and_save(
    persistence: &mut Persistence,
    store: &Shared,
    mine: &Document,
    theirs: &Document,
) {
    persistence.reader_arrived(Reader::full());
    assert!(!persistence.is_behind());
    assert_eq!(
        persistence.catch_up(NOW + 8),
        External::Changed(theirs.clone())
    );
    let merged = (Reader::full().merge)(mine, theirs);
    assert_eq!(persistence.save(&merged, NOW + 9), SaveOutcome::Saved);
    let stored = decode(&store.get(&key()).unwrap().unwrap()).unwrap();
    for id in [
        "reflect-notice-giving",
        "repair-lets-reset",
        "observe-adjust",
    ] {
        assert!(stored.checklist.done.contains(id), "{id}");
    }
}

#[test]
fn without_the_reader_saved_progress_is_left_unread_and_never_overwritten() {
    let store = Shared(Rc::new(MemoryStore::new()));
    let saved = ticked(&["reflect-notice-giving", "repair-lets-reset"], NOW);
    store.set(&key(), &encode(&saved)).unwrap();
    let Loaded {
        mut persistence,
        doc,
        notices,
    } = open_without_reader(&store);
    // Not read: an empty start, no notice, and the tab knows it is behind.
    assert_eq!(doc, Document::default());
    assert_eq!(notices, []);
    assert!(persistence.is_behind());
    // A change made before it is read in waits instead of writing over it.
    let mine = ticked(&["observe-adjust"], NOW + 1);
    assert_eq!(persistence.save(&mine, NOW + 1), SaveOutcome::Waiting);
    assert_eq!(
        decode(&store.get(&key()).unwrap().unwrap()),
        Ok(saved.clone())
    );

    catch_up_and_save(&mut persistence, &store, &mine, &saved);
}

#[test]
fn without_the_reader_what_a_deletion_left_is_read_before_the_next_save() {
    let store = Faulty::default();
    let mut persistence = Persistence::open_with(
        Some(Box::new(store.clone())),
        Namespace::default(),
        NOW,
        None,
    )
    .persistence;
    assert_eq!(persistence.save(&with_progress(), NOW), SaveOutcome::Saved);
    // Removing fails: the document is still there after "delete everything".
    store.removes_fail.set(true);
    assert!(matches!(persistence.forget(), Deletion::Incomplete { .. }));
    // Not taken as this tab's own: the next save waits to read it first.
    assert!(persistence.is_behind());
    assert_eq!(
        persistence.save(&Document::default(), NOW + 1),
        SaveOutcome::Waiting
    );
}
