//! Turning the saved text into a [`Document`] and back, including migrations from older schemas.
//!
//! `decode` accepts any string without panicking (a property test feeds it arbitrary input): saved
//! text may have been edited by hand, truncated by a full disk or written by another version.

use super::document::{Answer, Document, BALANCE, FREQUENCY, SCHEMA};
use super::json::{self, Tree};
use super::sorted::SortedMap;

/// A JSON object, as the migrations see it.
type Map = SortedMap<String, Tree>;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Not JSON at all (truncated, hand-edited, another program's value).
    Malformed(String),
    /// JSON, but not a document this code understands.
    Invalid(String),
    /// Written by a newer version of the widget: leave it alone.
    Newer(u32),
}

pub fn encode(doc: &Document) -> String {
    json::to_text(doc, false)
}

/// The document laid out for reading, for the visitor's downloaded copy.
pub fn encode_pretty(doc: &Document) -> String {
    json::to_text(doc, true)
}

pub fn decode(text: &str) -> Result<Document, DecodeError> {
    let value = json::parse(text).map_err(DecodeError::Malformed)?;
    let Tree::Object(mut object) = value else {
        return Err(DecodeError::Invalid("not a JSON object".into()));
    };
    let schema = object
        .get("schema")
        .and_then(Tree::as_u64)
        .ok_or_else(|| DecodeError::Invalid("no schema number".into()))?;
    let schema = u32::try_from(schema).map_err(|_| DecodeError::Newer(u32::MAX))?;
    if schema > SCHEMA {
        return Err(DecodeError::Newer(schema));
    }
    if schema == 0 {
        return Err(DecodeError::Invalid("schema 0 does not exist".into()));
    }
    for from in schema..SCHEMA {
        object = migrate(from, object).map_err(DecodeError::Invalid)?;
        object.insert("schema".into(), Tree::UInt(u64::from(from + 1)));
    }
    let doc: Document = json::from_tree(&Tree::Object(object)).map_err(DecodeError::Invalid)?;
    check(&doc).map_err(DecodeError::Invalid)?;
    Ok(doc)
}

/// One step up the schema ladder: turns a document of schema `from` into one of `from + 1`.
/// Each step is small and tested with a fixture of the older shape.
fn migrate(from: u32, mut doc: Map) -> Result<Map, String> {
    match from {
        // Schema 1 (the prototype) kept the checklist as `{ action_id: bool }` and did not remember the
        // open section. Schema 2 keeps the set of done ids and the view.
        1 => {
            if let Some(old) = doc.remove("checklist") {
                let Tree::Object(flags) = old else {
                    return Err("schema 1 checklist is not an object".into());
                };
                let done: Vec<Tree> = flags
                    .into_iter()
                    .filter(|(_, on)| on.as_bool() == Some(true))
                    .map(|(id, _)| Tree::Text(id))
                    .collect();
                let mut checklist = Map::new();
                checklist.insert("done".into(), Tree::List(done));
                doc.insert("checklist".into(), Tree::Object(checklist));
            }
            doc.get_or_insert_with("view".into(), || Tree::Text("checklist".into()));
            Ok(doc)
        }
        // Schema 3 added the visitor's settings and the content-note choice per attempt. Both have
        // defaults, so the step only records the new number; it exists so that a schema 2 widget
        // meeting a schema 3 document leaves it alone instead of calling the new fields invalid.
        2 => Ok(doc),
        // Schema 4 added the times of changes (per action, per answer, per attempt, the settings, the
        // open section) and `since`, so tabs merge instead of overwriting each other. Old entries have
        // no time and count as changed at 0: any change made since wins over them.
        3 => Ok(doc),
        // Schema 5 added "doesn't apply" answers, the shared relationship setting, and reworded or
        // split some statements: answers to the old wording move to the attempt's `retired` history.
        4 => {
            retire_old_items(&mut doc);
            Ok(doc)
        }
        // Schema 6 added the language the visitor chose. It has a default, so the step only records
        // the number (and a schema 5 widget leaves a schema 6 document alone).
        5 => Ok(doc),
        // Schema 7 added the practice log, the ids of checks removed one by one, and the results of
        // checks taken together. All have defaults: the step records the number, so a schema 6 widget
        // leaves a schema 7 document alone instead of dropping what it does not know.
        6 => Ok(doc),
        _ => Err(format!("no migration from schema {from}")),
    }
}

/// Statements reworded or split in schema 5: an answer to the old wording is not an answer to the new.
pub const RETIRED_IN_5: [&str; 7] = [
    "emotional-give-1",
    "emotional-receive-1",
    "communication-give-2",
    "communication-receive-2",
    "healing-give-2",
    "healing-receive-2",
    "balance-overall",
];

/// Moves each attempt's answers to [`RETIRED_IN_5`] statements into its `retired` history.
fn retire_old_items(doc: &mut Map) {
    let Some(Tree::Object(quiz)) = doc.get_mut("quiz") else {
        return;
    };
    let Some(Tree::List(attempts)) = quiz.get_mut("attempts") else {
        return;
    };
    for attempt in attempts.iter_mut() {
        let Tree::Object(attempt) = attempt else {
            continue;
        };
        let Some(Tree::Object(answers)) = attempt.get_mut("answers") else {
            continue;
        };
        let mut retired = Map::new();
        for id in RETIRED_IN_5 {
            if let Some(answer) = answers.remove(id) {
                retired.insert(id.to_owned(), answer);
            }
        }
        if let Some(Tree::Object(answered)) = attempt.get_mut("answered") {
            for id in RETIRED_IN_5 {
                answered.remove(id);
            }
        }
        if !retired.is_empty() {
            attempt.insert("retired".into(), Tree::Object(retired));
        }
    }
}

/// Rules serde's types cannot express. Kept loose where the widget can cope (unknown item ids are kept
/// and ignored) and strict where a value would be shown as if it were real (out-of-range answers).
fn check(doc: &Document) -> Result<(), String> {
    if let Some(language) = &doc.settings.language {
        let plausible = (2..=8).contains(&language.len())
            && language.chars().all(|c| c.is_ascii_lowercase() || c == '-');
        if !plausible {
            return Err(format!("`{language}` is not a language code"));
        }
    }
    for attempt in &doc.quiz.attempts {
        if let Some(finished) = attempt.finished {
            if finished < attempt.started {
                return Err("an attempt finished before it started".into());
            }
        }
        for (id, answer) in &attempt.answers {
            if let Answer::Value(v) = answer {
                if !FREQUENCY.contains(v) && !BALANCE.contains(v) {
                    return Err(format!("answer {v} to `{id}` is out of range"));
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::{Attempt, Checklist, Quiz, View};
    use crate::core::relationship::Relationship;

    #[test]
    fn round_trips_a_document() {
        let mut doc = Document {
            view: View::Quiz,
            ..Document::default()
        };
        doc.checklist.set("reflect-notice", true, 1_700_000_000_500);
        let mut attempt = Attempt::new(1_700_000_000_000, Some(Relationship::Friend));
        attempt.answer("practical-give-1", Answer::Value(4), 1_700_000_000_100);
        attempt.answer("balance", Answer::Value(-2), 1_700_000_000_200);
        attempt.answer("healing-give-1", Answer::PreferNot, 1_700_000_000_300);
        attempt.question = 3;
        doc.quiz.attempts.push(attempt);
        assert_eq!(decode(&encode(&doc)), Ok(doc));
    }

    #[test]
    fn migrates_a_schema_1_document() {
        let v1 = include_str!("../../tests/fixtures/schema-1.json");
        let doc = decode(v1).expect("schema 1 fixture migrates");
        assert_eq!(doc.schema, SCHEMA);
        assert_eq!(doc.view, View::Checklist);
        let done: Vec<&str> = doc.checklist.done.iter().map(String::as_str).collect();
        assert_eq!(done, ["express-say-it-calmly", "reflect-notice-giving"]);
        assert_eq!(doc.quiz.attempts.len(), 1);
        assert_eq!(
            doc.quiz.attempts[0].answers.get("practical-give-1"),
            Some(&Answer::Value(5))
        );
    }

    #[test]
    fn migrates_a_schema_2_document() {
        let v2 = include_str!("../../tests/fixtures/schema-2.json");
        let doc = decode(v2).expect("schema 2 fixture migrates");
        assert_eq!(doc.schema, SCHEMA);
        assert_eq!(doc.view, View::Quiz);
        assert_eq!(doc.settings.clear_on_exit, None);
        assert_eq!(doc.quiz.attempts[0].skip_sensitive, None);
        assert_eq!(doc.quiz.attempts[0].question, 3);
    }

    #[test]
    fn migrates_a_schema_3_document_keeping_everything_with_no_times() {
        let v3 = include_str!("../../tests/fixtures/schema-3.json");
        let doc = decode(v3).expect("schema 3 fixture migrates");
        assert_eq!(doc.schema, SCHEMA);
        assert_eq!(doc.view, View::Plan);
        assert_eq!(doc.since, 0);
        assert_eq!(doc.checklist.done.len(), 2);
        assert_eq!(doc.checklist.changed_at("repair-lets-reset"), 0);
        let attempt = &doc.quiz.attempts[0];
        assert_eq!(attempt.context, Some(Relationship::Family));
        assert_eq!(attempt.answers.len(), 2);
        // The balance statement was reworded in schema 5: its old answer is kept as history.
        assert_eq!(
            attempt.retired.get("balance-overall"),
            Some(&Answer::Value(-1))
        );
        assert_eq!(attempt.answered_at("practical-give-1"), 0);
        assert_eq!(doc.settings.clear_on_exit, Some(true));
        // Any change made now wins over the old, untimed entries when two copies meet.
        let mut later = doc.clone();
        later.checklist.set("repair-lets-reset", false, 5);
        let merged = crate::core::merge::merge(&doc, &later);
        assert!(!merged.checklist.done.contains("repair-lets-reset"));
    }

    #[test]
    fn migrates_a_schema_4_document_keeping_retired_answers_as_history() {
        let v4 = include_str!("../../tests/fixtures/schema-4.json");
        let doc = decode(v4).expect("schema 4 fixture migrates");
        assert_eq!(doc.schema, SCHEMA);
        let attempt = &doc.quiz.attempts[0];
        let answered: Vec<&str> = attempt.answers.keys().map(String::as_str).collect();
        assert_eq!(
            answered,
            ["practical-give-1"],
            "only statements still asked"
        );
        assert_eq!(attempt.answered_at("practical-give-1"), 1_764_000_050_000);
        assert_eq!(attempt.answered.len(), 1);
        let retired: Vec<(&str, Answer)> = attempt
            .retired
            .iter()
            .map(|(id, a)| (id.as_str(), *a))
            .collect();
        assert_eq!(
            retired,
            [
                ("communication-receive-2", Answer::PreferNot),
                ("emotional-give-1", Answer::Value(5)),
                ("healing-give-2", Answer::Value(2)),
            ],
            "nothing silently dropped"
        );
        assert_eq!(doc.settings.relationship, None);
        // History survives a save and a load.
        assert_eq!(decode(&encode(&doc)), Ok(doc.clone()));
    }

    #[test]
    fn every_retired_statement_is_gone_from_the_content() {
        let en = &crate::core::content::bundled::CONTENT;
        for id in RETIRED_IN_5 {
            assert!(
                en.later().items.iter().all(|i| i.id != id) && en.later().balance.id != id,
                "{id} is retired but still asked"
            );
        }
    }

    #[test]
    fn the_schema_5_fixture_migrates_with_everything_kept() {
        let v5 = include_str!("../../tests/fixtures/schema-5.json");
        let doc = decode(v5).expect("schema 5 migrates");
        assert_eq!(doc.schema, SCHEMA);
        assert_eq!(doc.view, crate::core::document::View::Plan);
        assert_eq!(doc.checklist.done.len(), 2);
        assert_eq!(
            doc.settings.relationship,
            Some(crate::core::relationship::Relationship::Friend)
        );
        assert_eq!(doc.settings.language, None);
        let attempt = &doc.quiz.attempts[0];
        assert_eq!(attempt.answers.len(), 3);
        assert_eq!(attempt.retired.len(), 1);
        assert_eq!(decode(&encode(&doc)), Ok(doc.clone()));
    }

    #[test]
    fn every_earlier_schema_migrates_to_an_empty_practice_log_and_history_of_removals() {
        let fixtures = [
            include_str!("../../tests/fixtures/schema-1.json"),
            include_str!("../../tests/fixtures/schema-2.json"),
            include_str!("../../tests/fixtures/schema-3.json"),
            include_str!("../../tests/fixtures/schema-4.json"),
            include_str!("../../tests/fixtures/schema-5.json"),
            include_str!("../../tests/fixtures/schema-6.json"),
        ];
        for (n, text) in fixtures.iter().enumerate() {
            let doc = decode(text).unwrap_or_else(|e| panic!("schema {} fixture: {e:?}", n + 1));
            assert_eq!(doc.schema, SCHEMA);
            assert!(doc.practice.marks.is_empty());
            assert!(doc.quiz.removed.is_empty());
            assert!(doc.together.kept.is_empty());
            assert!(
                !doc.is_empty(),
                "schema {} fixture keeps its progress",
                n + 1
            );
            assert_eq!(decode(&encode(&doc)), Ok(doc.clone()));
        }
        let v6 = decode(fixtures[5]).unwrap();
        assert_eq!(v6.settings.language.as_deref(), Some("fr"));
        assert_eq!(v6.quiz.attempts[0].answers.len(), 3);
    }

    #[test]
    fn a_schema_7_document_keeps_practice_removals_and_together_results() {
        let text = r#"{"schema": 7,
            "practice": {"marks": [
                {"day": "2026-11-23", "ritual": "lets-reset", "done": true, "note": "calmer", "at": 5},
                {"day": "2026-11-24", "ritual": "appreciation", "done": false, "at": 6}]},
            "quiz": {"attempts": [], "removed": [17]},
            "together": {"kept": [{"started": 3, "kept": 9, "context": "partner",
                "first": {"practical-give-1": {"value": 4}}, "second": {}}]}}"#;
        let doc = decode(text).expect("schema 7 reads");
        assert!(doc.practice.is_done("2026-11-23", "lets-reset"));
        assert_eq!(
            doc.practice.get("2026-11-23", "lets-reset").unwrap().note,
            "calmer"
        );
        assert!(!doc.practice.is_done("2026-11-24", "appreciation"));
        assert!(doc.quiz.removed.contains(&17));
        assert_eq!(doc.together.kept[0].first.len(), 1);
        assert!(!doc.is_empty());
        assert_eq!(decode(&encode(&doc)), Ok(doc));
    }

    #[test]
    fn a_schema_5_document_gets_no_language_and_a_bad_code_is_refused() {
        let doc = decode(
            r#"{"schema": 5, "view": "plan", "settings": {"clear_on_exit": true, "changed": 7}}"#,
        )
        .expect("schema 5 reads");
        assert_eq!(doc.settings.language, None);
        assert_eq!(doc.settings.clear_on_exit, Some(true));
        assert_eq!(doc.schema, SCHEMA);
        let chose = r#"{"schema": 6, "settings": {"language": "ar", "language_at": 9}}"#;
        assert_eq!(
            decode(chose).unwrap().settings.language.as_deref(),
            Some("ar")
        );
        for bad in ["<b>", "", "FR", "a-very-long-code"] {
            let text = format!(r#"{{"schema": 6, "settings": {{"language": "{bad}"}}}}"#);
            assert!(
                matches!(decode(&text), Err(DecodeError::Invalid(_))),
                "{bad}"
            );
        }
    }

    #[test]
    fn refuses_newer_schemas_without_touching_them() {
        assert_eq!(
            decode(r#"{"schema": 99, "anything": true}"#),
            Err(DecodeError::Newer(99))
        );
        assert_eq!(
            decode(r#"{"schema": 18446744073709551615}"#),
            Err(DecodeError::Newer(u32::MAX))
        );
    }

    #[test]
    fn tells_malformed_from_invalid() {
        assert!(matches!(
            decode("{\"schema\": 2,"),
            Err(DecodeError::Malformed(_))
        ));
        assert!(matches!(decode(""), Err(DecodeError::Malformed(_))));
        for invalid in [
            "[]",
            "42",
            "null",
            r#"{"checklist": {}}"#,
            r#"{"schema": "2"}"#,
            r#"{"schema": 0}"#,
            r#"{"schema": 2, "checklist": {"done": "all"}}"#,
            r#"{"schema": 2, "surprise": 1}"#,
            r#"{"schema": 2, "view": "settings"}"#,
            r#"{"schema": 2, "quiz": {"attempts": [{"started": 5, "answers": {"a": {"value": 9}}}]}}"#,
            r#"{"schema": 2, "quiz": {"attempts": [{"started": 5, "context": "boss"}]}}"#,
            r#"{"schema": 2, "quiz": {"attempts": [{"started": 5, "finished": 1}]}}"#,
            r#"{"schema": 1, "checklist": [1, 2]}"#,
        ] {
            assert!(
                matches!(decode(invalid), Err(DecodeError::Invalid(_))),
                "{invalid} should be invalid, got {:?}",
                decode(invalid)
            );
        }
    }

    #[test]
    fn fills_missing_sections_with_defaults() {
        let doc = decode(r#"{"schema": 2}"#).expect("a bare document is valid");
        assert_eq!(doc, Document::default());
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        fn answer() -> impl Strategy<Value = Answer> {
            prop_oneof![(-3i8..=5).prop_map(Answer::Value), Just(Answer::PreferNot)]
        }

        fn attempt() -> impl Strategy<Value = Attempt> {
            (
                0u64..2_000_000_000_000,
                proptest::option::of(0u64..1_000_000),
                proptest::option::of(proptest::sample::select(Relationship::ALL.to_vec())),
                0usize..40,
                proptest::collection::btree_map("[a-z-]{1,12}", answer(), 0..30),
            )
                .prop_map(|(started, took, context, question, answers)| Attempt {
                    started,
                    finished: took.map(|t| started + t),
                    context,
                    question,
                    moved: started,
                    answered: answers.keys().map(|k| (k.clone(), started)).collect(),
                    answers: answers.into_iter().collect(),
                    changed: started,
                    skip_sensitive: None,
                    retired: Default::default(),
                })
        }

        fn document() -> impl Strategy<Value = Document> {
            (
                proptest::sample::select(vec![View::Checklist, View::Quiz, View::Plan]),
                proptest::collection::btree_map(
                    "\\PC{1,20}",
                    (any::<bool>(), 0u64..1 << 50),
                    0..30,
                ),
                proptest::collection::vec(attempt(), 0..4),
            )
                .prop_map(|(view, ticks, attempts)| Document {
                    view,
                    checklist: Checklist {
                        done: ticks
                            .iter()
                            .filter(|(_, (done, _))| *done)
                            .map(|(id, _)| id.clone())
                            .collect(),
                        changed: ticks
                            .iter()
                            .map(|(id, (_, at))| (id.clone(), *at))
                            .collect(),
                    },
                    quiz: Quiz {
                        attempts,
                        ..Quiz::default()
                    },
                    ..Document::default()
                })
        }

        proptest! {
            #[test]
            fn decode_never_panics_on_arbitrary_text(text in "\\PC*") {
                let _ = decode(&text);
            }

            #[test]
            fn decode_never_panics_on_json_like_text(
                text in r#"[\{\}\[\]":,0-9a-z \-\.]{0,80}"#
            ) {
                let _ = decode(&text);
            }

            #[test]
            fn decode_never_panics_on_mangled_documents(doc in document(), cut in 0usize..400, junk in "\\PC{0,4}") {
                let text = encode(&doc);
                let cut = text.char_indices().map(|(i, _)| i).nth(cut).unwrap_or(text.len());
                let _ = decode(&format!("{}{}{}", &text[..cut], junk, &text[cut..]));
            }

            #[test]
            fn every_valid_document_round_trips(doc in document()) {
                prop_assert_eq!(decode(&encode(&doc)), Ok(doc));
            }
        }
    }
}
