//! The storage contract, natively: every way storage can fail, and that none of them loses saved data.
#![cfg(not(target_arch = "wasm32"))]

use reciprocity_widget::core::codec::encode;
use reciprocity_widget::core::document::{Document, View, SCHEMA};
use reciprocity_widget::core::persistence::{
    Loaded, MemoryStore, Namespace, Notice, Persistence, SaveOutcome, Store, StoreError,
};
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

fn key() -> String {
    Namespace::default().key()
}

fn open(store: &Shared) -> Loaded {
    Persistence::open(Some(Box::new(store.clone())), Namespace::default(), NOW)
}

fn with_progress() -> Document {
    let mut doc = Document::default();
    doc.checklist.done.insert("reflect-notice-giving".into());
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
    assert_eq!(persistence.save(&doc), SaveOutcome::Unchanged);
    assert_eq!(store.get(&key()), Ok(None));
    let doc = with_progress();
    assert_eq!(persistence.save(&doc), SaveOutcome::Saved);
    assert_eq!(persistence.save(&doc), SaveOutcome::Unchanged);
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
    assert_eq!(persistence.save(&doc), SaveOutcome::NotSaving);
}

#[test]
fn a_store_that_throws_on_read_means_memory_only() {
    let loaded = Persistence::open(Some(Box::new(Broken)), Namespace::default(), NOW);
    assert_eq!(loaded.notices, [Notice::Unavailable]);
    assert!(!loaded.persistence.is_saving());
}

#[test]
fn a_full_store_keeps_working_in_memory_and_retries_on_the_next_change() {
    let store = Shared(Rc::new(MemoryStore::with_quota(220)));
    let Loaded {
        mut persistence, ..
    } = open(&store);
    let small = with_progress();
    assert_eq!(persistence.save(&small), SaveOutcome::Saved);

    let mut big = with_progress();
    big.checklist.done.insert("x".repeat(300));
    assert_eq!(persistence.save(&big), SaveOutcome::Failed(Notice::Full));
    assert_eq!(
        store.get(&key()),
        Ok(Some(encode(&small))),
        "the last good save is kept"
    );
    // Still failing: tried again, not skipped as "unchanged".
    assert_eq!(persistence.save(&big), SaveOutcome::Failed(Notice::Full));
    // Room again (the visitor unchecked the long one and ticked a short one): saved.
    let mut fits = with_progress();
    fits.checklist.done.insert("x".into());
    assert_eq!(persistence.save(&fits), SaveOutcome::Saved);
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
    assert_eq!(persistence.save(&with_progress()), SaveOutcome::Saved);
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
    assert_eq!(persistence.save(&with_progress()), SaveOutcome::NotSaving);
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
    assert_eq!(persistence.save(&with_progress()), SaveOutcome::NotSaving);
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
    assert_eq!(persistence.save(&doc), SaveOutcome::Saved);
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
fn another_tab_s_change_is_taken_without_echoing_it_back() {
    let store = Shared(Rc::new(MemoryStore::new()));
    let Loaded {
        mut persistence, ..
    } = open(&store);
    assert_eq!(persistence.save(&with_progress()), SaveOutcome::Saved);

    // The other tab checked an action while showing the quiz; this tab shows the checklist.
    let mut theirs = with_progress();
    theirs.view = View::Quiz;
    let text = encode(&theirs);
    store.set(&key(), &text).unwrap();
    let taken = persistence
        .external_change(Some(text.clone()), View::Checklist, NOW)
        .expect("a change")
        .expect("readable");
    assert_eq!(taken.checklist, theirs.checklist);
    assert_eq!(
        taken.view,
        View::Checklist,
        "this tab keeps its own section"
    );
    assert_eq!(
        persistence.save(&taken),
        SaveOutcome::Unchanged,
        "no echo back to the other tab"
    );
    // The same change seen twice is taken twice to the same effect: nothing new to show or save.
    assert_eq!(
        persistence.external_change(Some(text), View::Checklist, NOW),
        Some(Ok(taken.clone()))
    );
    assert_eq!(persistence.save(&taken), SaveOutcome::Unchanged);
}

#[test]
fn another_tab_removing_the_key_empties_this_tab_too() {
    let store = Shared(Rc::new(MemoryStore::new()));
    store.set(&key(), &encode(&with_progress())).unwrap();
    let Loaded {
        mut persistence, ..
    } = open(&store);
    store.remove(&key()).unwrap();
    let taken = persistence
        .external_change(None, View::Plan, NOW)
        .expect("a change")
        .expect("readable");
    assert!(taken.checklist.done.is_empty());
    assert_eq!(persistence.save(&taken), SaveOutcome::Unchanged);
    assert_eq!(store.get(&key()), Ok(None), "removal is not undone");
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
        persistence.external_change(Some(newer.clone()), View::Checklist, NOW),
        Some(Err(Notice::Newer))
    );
    assert_eq!(persistence.save(&with_progress()), SaveOutcome::NotSaving);
    assert_eq!(store.get(&key()), Ok(Some(newer)));
}

#[test]
fn forgetting_removes_the_document_and_its_corrupt_copies_and_writes_nothing_back() {
    let store = Shared(Rc::new(MemoryStore::new()));
    store.set(&key(), "garbage").unwrap();
    store
        .set("reciprocity-widget/v1/other", "someone else's")
        .unwrap();
    let Loaded {
        mut persistence, ..
    } = open(&store);
    persistence.save(&with_progress());
    assert_eq!(
        store.0.keys().unwrap().len(),
        3,
        "document, corrupt copy, other namespace"
    );
    assert!(persistence.forget(View::Plan));
    assert_eq!(
        store.0.keys(),
        Ok(vec!["reciprocity-widget/v1/other".to_owned()])
    );
    let empty = Document {
        view: View::Plan,
        ..Document::default()
    };
    assert_eq!(persistence.save(&empty), SaveOutcome::Unchanged);
    assert_eq!(persistence.save(&with_progress()), SaveOutcome::Saved);
}

#[test]
fn moving_to_another_store_takes_the_document_and_leaves_nothing_behind() {
    let local = Shared(Rc::new(MemoryStore::new()));
    let session = Shared(Rc::new(MemoryStore::new()));
    let Loaded {
        mut persistence, ..
    } = open(&local);
    persistence.save(&with_progress());
    assert_eq!(
        persistence.move_to(Box::new(session.clone()), &with_progress()),
        SaveOutcome::Saved
    );
    assert_eq!(local.0.keys(), Ok(vec![]));
    assert_eq!(session.get(&key()), Ok(Some(encode(&with_progress()))));
}

#[test]
fn moving_between_sections_alone_stores_nothing() {
    let store = Shared(Rc::new(MemoryStore::new()));
    let Loaded {
        mut persistence, ..
    } = open(&store);
    let quiz = Document {
        view: View::Quiz,
        ..Document::default()
    };
    assert_eq!(persistence.save(&quiz), SaveOutcome::Unchanged);
    assert_eq!(store.0.keys(), Ok(vec![]));
    // Once something is kept, emptying it again is written (so the old data goes).
    assert_eq!(persistence.save(&with_progress()), SaveOutcome::Saved);
    assert_eq!(persistence.save(&quiz), SaveOutcome::Saved);
    assert_eq!(store.get(&key()), Ok(Some(encode(&quiz))));
}
