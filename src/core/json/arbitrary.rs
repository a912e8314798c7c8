//! Documents of every shape, for the property tests of reading and writing.

use super::read::MAX_SAFE;
use crate::core::document::{
    Answer, Attempt, Checklist, Document, Mark, Practice, Quiz, Settings, Together, TogetherRecord,
    View,
};
use crate::core::relationship::Relationship;
use crate::core::sorted::SortedMap;
use proptest::prelude::*;

/// Any text: printable, with the characters JSON escapes, or anything at all.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z-]{1,8}",
        "\\PC{0,10}",
        "[\"\\\\/\u{0}-\u{1f}\u{7f}\u{2028}\u{e9}\u{1f600}a]{0,8}",
        proptest::collection::vec(any::<char>(), 0..8).prop_map(String::from_iter),
    ]
}

fn answer() -> impl Strategy<Value = Answer> {
    prop_oneof![
        (-3i8..=5).prop_map(Answer::Value),
        Just(Answer::PreferNot),
        Just(Answer::NotApplicable)
    ]
}

fn answers() -> impl Strategy<Value = SortedMap<String, Answer>> {
    proptest::collection::vec((text(), answer()), 0..5).prop_map(|a| a.into_iter().collect())
}

fn times() -> impl Strategy<Value = SortedMap<String, u64>> {
    proptest::collection::vec((text(), 0..=MAX_SAFE), 0..5).prop_map(|a| a.into_iter().collect())
}

fn relationship() -> impl Strategy<Value = Option<Relationship>> {
    proptest::option::of(proptest::sample::select(Relationship::ALL.to_vec()))
}

fn attempt() -> impl Strategy<Value = Attempt> {
    (
        (
            0..=MAX_SAFE,
            proptest::option::of(0..=MAX_SAFE),
            relationship(),
        ),
        (0usize..50, 0..=MAX_SAFE, 0..=MAX_SAFE),
        (
            answers(),
            times(),
            proptest::option::of(any::<bool>()),
            answers(),
        ),
    )
        .prop_map(
            |(
                (started, finished, context),
                (question, moved, changed),
                (answers, answered, skip_sensitive, retired),
            )| Attempt {
                started,
                finished,
                context,
                question,
                moved,
                answers,
                answered,
                changed,
                skip_sensitive,
                retired,
            },
        )
}

/// Any document, every field of it (valid or not for the codec's checks).
pub fn document() -> impl Strategy<Value = Document> {
    let views = vec![
        View::Checklist,
        View::Quiz,
        View::Plan,
        View::Practice,
        View::Together,
    ];
    let ids = || proptest::collection::vec(0..=MAX_SAFE, 0..3);
    let mark = (
        (text(), "[a-z]{1,6}", any::<bool>()),
        (text(), 0..=MAX_SAFE),
    )
        .prop_map(|((day, ritual, done), (note, at))| Mark {
            day,
            ritual,
            done,
            note,
            at,
        });
    let record = (
        (0..=MAX_SAFE, 0..=MAX_SAFE, relationship(), any::<bool>()),
        (answers(), answers()),
    )
        .prop_map(
            |((started, kept, context, skip_sensitive), (first, second))| TogetherRecord {
                started,
                kept,
                context,
                skip_sensitive,
                first,
                second,
            },
        );
    let settings = (
        (proptest::option::of(any::<bool>()), 0..=MAX_SAFE),
        (relationship(), 0..=MAX_SAFE),
        (proptest::option::of(text()), 0..=MAX_SAFE),
    )
        .prop_map(
            |(
                (clear_on_exit, changed),
                (relationship, relationship_at),
                (language, language_at),
            )| {
                Settings {
                    clear_on_exit,
                    changed,
                    relationship,
                    relationship_at,
                    language,
                    language_at,
                }
            },
        );
    (
        (
            0u32..10,
            proptest::sample::select(views),
            0..=MAX_SAFE,
            0..=MAX_SAFE,
        ),
        (proptest::collection::vec(text(), 0..4), times()),
        (proptest::collection::vec(attempt(), 0..3), ids()),
        settings,
        proptest::collection::vec(mark, 0..3),
        (proptest::collection::vec(record, 0..2), ids()),
    )
        .prop_map(
            |(
                (schema, view, view_at, since),
                (done, changed),
                (attempts, removed),
                settings,
                marks,
                (kept, kept_removed),
            )| Document {
                schema,
                view,
                view_at,
                since,
                checklist: Checklist {
                    done: done.into_iter().collect(),
                    changed,
                },
                quiz: Quiz {
                    attempts,
                    removed: removed.into_iter().collect(),
                },
                settings,
                practice: Practice { marks },
                together: Together {
                    kept,
                    removed: kept_removed.into_iter().collect(),
                },
            },
        )
}
