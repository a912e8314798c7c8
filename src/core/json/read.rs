//! Reading serde types straight out of a [`Tree`], as the browser build does (see `json::from_tree`).
//!
//! It reads a tree the way serde-wasm-bindgen read the JavaScript value the tree stands for, so the
//! browser accepts and refuses what it did before, with the same result:
//!
//! - a struct reads only its own fields, looked up by name: other keys are not looked at (so
//!   `deny_unknown_fields` refuses nothing here; serde_json, natively, refuses them), and an array
//!   in its place has none of them (each field is missing: its default, or refused when it has none);
//! - a map reads an object's entries, or an array of `[key, value]` pairs;
//! - integers are whole numbers within JavaScript's safe range (±(2⁵³ − 1)) that fit the type;
//!   `null` is `None` for an `Option` and refused elsewhere; enums are `"variant"` or
//!   `{"variant": payload}`.
//!
//! It has one error, which says only that the tree is not of the shape expected: nothing describes the
//! value found or where it is. serde's descriptions of values (and the float formatting they bring)
//! stay out of the download, and so does the code that would carry a message through every field of
//! every struct: a document is refused or not, and why is for the native tests (serde_json's messages).

use super::Tree;
use crate::core::sorted::{self, SortedMap};
use serde::de::{self, value::StrDeserializer, DeserializeSeed, IntoDeserializer, Visitor};
use std::fmt;

/// Reads a `T` out of `tree`.
pub fn read<T: for<'de> de::Deserialize<'de>>(tree: &Tree) -> Result<T, Error> {
    T::deserialize(tree)
}

/// A tree is not a value of the type asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Error;

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("not of the shape expected")
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    // None of these looks at its arguments.
    fn custom<T: fmt::Display>(_: T) -> Self {
        Error
    }
    fn invalid_type(_: de::Unexpected, _: &dyn de::Expected) -> Self {
        Error
    }
    fn invalid_value(_: de::Unexpected, _: &dyn de::Expected) -> Self {
        Error
    }
    fn invalid_length(_: usize, _: &dyn de::Expected) -> Self {
        Error
    }
    fn unknown_variant(_: &str, _: &'static [&'static str]) -> Self {
        Error
    }
    fn unknown_field(_: &str, _: &'static [&'static str]) -> Self {
        Error
    }
    fn missing_field(_: &'static str) -> Self {
        Error
    }
    fn duplicate_field(_: &'static str) -> Self {
        Error
    }
}

/// What an absent value reads as (a missing pair element, a unit variant's payload): JavaScript's
/// `undefined`, which reads as `null` does.
static NULL: Tree = Tree::Null;

/// The largest integer a JavaScript number holds exactly.
pub(super) const MAX_SAFE: u64 = (1 << 53) - 1;

/// The number as an integer, when it is one JavaScript holds exactly (`Number.isSafeInteger`). A
/// tree holds every whole number as `UInt` or `Int` (`from_js` and the parser make them so): a
/// `Float` is never an integer.
fn safe_integer(tree: &Tree) -> Option<i64> {
    match *tree {
        Tree::UInt(n) if n <= MAX_SAFE => Some(n as i64),
        Tree::Int(n) if n.unsigned_abs() <= MAX_SAFE => Some(n),
        _ => None,
    }
}

fn refused<T>() -> Result<T, Error> {
    Err(Error)
}

/// A field's or key's name, to read as a string.
fn name(name: &str) -> StrDeserializer<'_, Error> {
    name.into_deserializer()
}

/// The key and value of one element of an array read as a map: `element[0]` and `element[1]`.
fn pair(element: &Tree) -> (&Tree, &Tree) {
    let at = |i: usize| match element {
        Tree::List(items) => items.get(i),
        Tree::Object(entries) => entries.get(["0", "1"][i]),
        _ => None,
    };
    (at(0).unwrap_or(&NULL), at(1).unwrap_or(&NULL))
}

impl<'de> de::Deserializer<'de> for &Tree {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            Tree::Null => visitor.visit_unit(),
            Tree::Bool(b) => visitor.visit_bool(*b),
            Tree::Text(s) => visitor.visit_str(s),
            Tree::List(_) => self.deserialize_seq(visitor),
            Tree::Object(_) => self.deserialize_map(visitor),
            number => match safe_integer(number) {
                Some(n) => visitor.visit_i64(n),
                None => self.deserialize_f64(visitor),
            },
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            Tree::Bool(b) => visitor.visit_bool(*b),
            _ => refused(),
        }
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match safe_integer(self) {
            Some(n) => visitor.visit_i64(n),
            None => refused(),
        }
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match safe_integer(self) {
            Some(n) if n >= 0 => visitor.visit_u64(n as u64),
            _ => refused(),
        }
    }

    fn deserialize_i8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_i64(visitor)
    }
    fn deserialize_i16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_i64(visitor)
    }
    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_i64(visitor)
    }
    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_u64(visitor)
    }
    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_u64(visitor)
    }
    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_u64(visitor)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match *self {
            Tree::UInt(n) => visitor.visit_f64(n as f64),
            Tree::Int(n) => visitor.visit_f64(n as f64),
            Tree::Float(f) => visitor.visit_f64(f),
            _ => refused(),
        }
    }
    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_f64(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            Tree::Text(s) => visitor.visit_str(s),
            _ => refused(),
        }
    }
    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }
    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }
    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            Tree::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            Tree::Null => visitor.visit_unit(),
            _ => refused(),
        }
    }
    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            Tree::List(items) => visitor.visit_seq(Items(items.iter())),
            _ => refused(),
        }
    }
    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }
    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }
    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }
    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let entries = match self {
            Tree::Object(entries) => Entries::Object(entries.into_iter()),
            Tree::List(items) => Entries::Pairs(items.iter()),
            _ => return refused(),
        };
        visitor.visit_map(Map {
            entries,
            value: &NULL,
        })
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let object = match self {
            Tree::Object(entries) => Some(entries),
            // An array has none of the fields.
            Tree::List(_) => None,
            _ => return refused(),
        };
        visitor.visit_map(Fields {
            object,
            fields: fields.iter(),
            value: &NULL,
        })
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let (tag, payload) = match self {
            Tree::Text(tag) => (tag, &NULL),
            Tree::Object(entries) if entries.len() == 1 => match entries.iter().next() {
                Some((tag, payload)) => (tag, payload),
                None => return refused(),
            },
            _ => return refused(),
        };
        visitor.visit_enum(Variant { tag, payload })
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! { i128 u128 }
}

/// An array's items, in order.
struct Items<'a>(std::slice::Iter<'a, Tree>);

impl<'de, 'a> de::SeqAccess<'de> for Items<'a> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        self.0.next().map(|item| seed.deserialize(item)).transpose()
    }
}

/// Where a map's entries come from.
enum Entries<'a> {
    Object(sorted::Entries<'a, String, Tree>),
    /// An array of `[key, value]` pairs.
    Pairs(std::slice::Iter<'a, Tree>),
}

struct Map<'a> {
    entries: Entries<'a>,
    /// The value of the key read last.
    value: &'a Tree,
}

impl<'de, 'a> de::MapAccess<'de> for Map<'a> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        match &mut self.entries {
            Entries::Object(entries) => match entries.next() {
                Some((key, value)) => {
                    self.value = value;
                    seed.deserialize(name(key)).map(Some)
                }
                None => Ok(None),
            },
            Entries::Pairs(items) => match items.next() {
                Some(item) => {
                    let (key, value) = pair(item);
                    self.value = value;
                    seed.deserialize(key).map(Some)
                }
                None => Ok(None),
            },
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        seed.deserialize(self.value)
    }
}

/// A struct's fields that are there, in the order the struct declares them.
struct Fields<'a> {
    object: Option<&'a SortedMap<String, Tree>>,
    fields: std::slice::Iter<'static, &'static str>,
    /// The value of the field read last.
    value: &'a Tree,
}

impl<'a> Fields<'a> {
    /// The next field that is there, with its value.
    fn next_present(&mut self) -> Option<&'static str> {
        let object = self.object?;
        for field in self.fields.by_ref() {
            if let Some(value) = object.get(*field) {
                self.value = value;
                return Some(field);
            }
        }
        None
    }
}

impl<'de, 'a> de::MapAccess<'de> for Fields<'a> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        match self.next_present() {
            Some(field) => seed.deserialize(name(field)).map(Some),
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        seed.deserialize(self.value)
    }
}

/// An enum's variant: its name, and what it carries (`null` for the `"variant"` form).
struct Variant<'a> {
    tag: &'a str,
    payload: &'a Tree,
}

impl<'de, 'a> de::EnumAccess<'de> for Variant<'a> {
    type Error = Error;
    type Variant = &'a Tree;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, &'a Tree), Error> {
        Ok((seed.deserialize(name(self.tag))?, self.payload))
    }
}

impl<'de> de::VariantAccess<'de> for &Tree {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        match self {
            Tree::Null => Ok(()),
            _ => refused(),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        seed.deserialize(self)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_seq(self, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_struct(self, "", fields, visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::super::arbitrary::document;
    use super::super::{from_tree, parse};
    use super::*;
    use crate::core::document::{Answer, Checklist, Document, Settings, View};
    use crate::core::learn::Learn;
    use proptest::prelude::*;

    fn tree(text: &str) -> Tree {
        parse(text).expect("JSON")
    }

    fn doc(text: &str) -> Result<Document, Error> {
        read(&tree(text))
    }

    /// What serde_json's derived code reads out of the same tree (natively, `json::from_tree`).
    fn derived(tree: &Tree) -> Result<Document, String> {
        from_tree(tree)
    }

    #[test]
    fn reads_what_the_widget_writes() {
        let text = r#"{"schema": 7, "view": "together", "view_at": 3, "since": 2,
            "checklist": {"done": ["b", "a"], "changed": {"b": 5, "a": 4}},
            "quiz": {"attempts": [{"started": 10, "finished": null, "context": "friend",
                "question": 4, "moved": 11, "answers": {"x": {"value": -2}, "y": "prefer_not",
                "z": "not_applicable"}, "answered": {"x": 12}, "changed": 13,
                "skip_sensitive": true, "retired": {"w": {"value": 5}}}], "removed": [7, 3]},
            "settings": {"clear_on_exit": false, "changed": 1, "relationship": "partner",
                "relationship_at": 2, "language": "fr", "language_at": 3},
            "practice": {"marks": [{"day": "2026-11-23", "ritual": "r", "done": true,
                "note": "calmer", "at": 9007199254740991}]},
            "together": {"kept": [{"started": 1, "kept": 2, "context": null,
                "skip_sensitive": true, "first": {"x": {"value": 1}}, "second": {}}],
                "removed": [4]}}"#;
        let read = doc(text).expect("reads");
        assert_eq!(Ok(read.clone()), derived(&tree(text)));
        assert_eq!(read.view, View::Together);
        assert_eq!(
            read.quiz.attempts[0].answers.get("x"),
            Some(&Answer::Value(-2))
        );
        assert_eq!(read.practice.marks[0].at, 9_007_199_254_740_991);
    }

    #[test]
    fn missing_fields_take_their_defaults_and_required_ones_are_refused() {
        assert_eq!(doc(r#"{"schema": 7}"#), Ok(Document::default()));
        assert_eq!(doc(r#"{}"#), Err(Error));
        assert_eq!(
            doc(
                r#"{"schema": 7, "practice": {"marks": [{"day": "d", "ritual": "r", "done": true}]}}"#
            ),
            Err(Error)
        );
        // An `Option` without a default is `None` when missing.
        let text = r#"{"schema": 7, "together": {"kept": [{"started": 1, "kept": 2, "first": {}, "second": {}}]}}"#;
        assert_eq!(doc(text).unwrap().together.kept[0].context, None);
    }

    #[test]
    fn null_is_none_for_an_option_and_refused_elsewhere() {
        let text = r#"{"schema": 7, "settings": {"clear_on_exit": null, "language": null}}"#;
        assert_eq!(doc(text), Ok(Document::default()));
        for field in [
            r#""view": null"#,
            r#""since": null"#,
            r#""checklist": null"#,
        ] {
            assert!(
                doc(&format!(r#"{{"schema": 7, {field}}}"#)).is_err(),
                "{field}"
            );
        }
        let note = r#"{"schema": 7, "practice": {"marks": [{"day": "d", "ritual": "r", "done": true, "at": 1, "note": null}]}}"#;
        assert!(doc(note).is_err());
    }

    #[test]
    fn integers_are_whole_numbers_javascript_holds_exactly_that_fit_the_type() {
        let since = |n: &str| doc(&format!(r#"{{"schema": 7, "since": {n}}}"#)).map(|d| d.since);
        assert_eq!(since("9007199254740991"), Ok(9_007_199_254_740_991));
        assert_eq!(since("1e3"), Ok(1000));
        assert_eq!(since("2.0"), Ok(2));
        for refused in [
            "1.5",
            "-1",
            "\"5\"",
            "true",
            "9007199254740992",
            "18446744073709551615",
        ] {
            assert!(since(refused).is_err(), "{refused}");
        }
        // Natively serde_json reads integers up to u64::MAX; the browser never could (a JavaScript
        // number above 2⁵³ is not exact), and this reader reads as the browser does.
        assert_eq!(
            derived(&tree(r#"{"schema": 7, "since": 9007199254740992}"#)).map(|d| d.since),
            Ok(9_007_199_254_740_992)
        );
        let answer = |v: &str| {
            doc(&format!(
                r#"{{"schema": 7, "quiz": {{"attempts": [{{"started": 1, "answers": {{"a": {{"value": {v}}}}}}}]}}}}"#
            ))
        };
        assert!(answer("-3").is_ok());
        assert!(
            answer("127").is_ok(),
            "out of the scale, but an i8: the codec's check refuses it"
        );
        assert!(answer("128").is_err());
        assert!(answer("-129").is_err());
        assert!(answer("4.5").is_err());
        assert!(doc(r#"{"schema": 4294967296}"#).is_err());
    }

    #[test]
    fn enums_are_a_name_or_an_object_with_one_key() {
        let view = |v: &str| doc(&format!(r#"{{"schema": 7, "view": {v}}}"#)).map(|d| d.view);
        assert_eq!(view(r#""plan""#), Ok(View::Plan));
        assert_eq!(view(r#"{"plan": null}"#), Ok(View::Plan));
        for refused in [
            r#""Plan""#,
            r#"{"plan": 1}"#,
            r#"{"plan": null, "quiz": null}"#,
            r#"{}"#,
            r#"["plan"]"#,
            "3",
        ] {
            assert!(view(refused).is_err(), "{refused}");
        }
        let answer = |a: &str| {
            doc(&format!(
                r#"{{"schema": 7, "quiz": {{"attempts": [{{"started": 1, "answers": {{"a": {a}}}}}]}}}}"#
            ))
            .map(|d| d.quiz.attempts[0].answers.get("a").copied())
        };
        assert_eq!(answer(r#""prefer_not""#), Ok(Some(Answer::PreferNot)));
        assert_eq!(
            answer(r#"{"not_applicable": null}"#),
            Ok(Some(Answer::NotApplicable))
        );
        assert_eq!(answer(r#"{"value": 3}"#), Ok(Some(Answer::Value(3))));
        for refused in [
            r#""value""#,
            r#"{"value": null}"#,
            r#"{"prefer_not": 0}"#,
            "null",
            "[]",
        ] {
            assert!(answer(refused).is_err(), "{refused}");
        }
    }

    /// Where the browser was laxer than serde_json: serde-wasm-bindgen looked up a struct's fields by
    /// name (so keys it does not know were never seen, `deny_unknown_fields` notwithstanding, and an
    /// array had none of them), and read an array of `[key, value]` pairs as a map. This reader keeps
    /// to that, so every document the browser read before reads the same.
    #[test]
    fn reads_as_the_browser_read_before_where_serde_json_is_stricter() {
        let unknown = r#"{"schema": 7, "surprise": 1, "settings": {"bogus": 2, "changed": 3}}"#;
        assert_eq!(doc(unknown).map(|d| d.settings.changed), Ok(3));
        assert!(derived(&tree(unknown)).is_err());

        let array = r#"{"schema": 7, "settings": [true, 5]}"#;
        assert_eq!(doc(array).map(|d| d.settings), Ok(Settings::default()));
        assert!(doc(r#"{"schema": 7, "checklist": [["a"]]}"#).is_err());
        assert!(doc(r#"{"schema": 7, "quiz": []}"#).is_err());

        let pairs = r#"{"schema": 7, "checklist": {"done": [], "changed": [["b", 2], ["a", 1], {"0": "c", "1": 3}]}}"#;
        assert_eq!(
            doc(pairs).map(|d| d.checklist.changed),
            Ok([
                ("a".to_owned(), 1),
                ("b".to_owned(), 2),
                ("c".to_owned(), 3)
            ]
            .into())
        );
        assert!(derived(&tree(pairs)).is_err());
        assert_eq!(
            doc(r#"{"schema": 7, "checklist": {"done": [], "changed": []}}"#).map(|d| d.checklist),
            Ok(Checklist::default())
        );
        for refused in [
            r#"[["a"]]"#,
            r#"[["a", "1"]]"#,
            r#"[[1, 2]]"#,
            r#"["ab"]"#,
            "[null]",
            r#""a""#,
        ] {
            let text =
                format!(r#"{{"schema": 7, "checklist": {{"done": [], "changed": {refused}}}}}"#);
            assert!(doc(&text).is_err(), "{refused}");
        }
        // Sets and lists are arrays only.
        assert!(doc(r#"{"schema": 7, "checklist": {"done": {}}}"#).is_err());
        assert!(doc(r#"{"schema": 7, "checklist": {"done": "ab"}}"#).is_err());
    }

    #[test]
    fn reads_the_learn_text_as_serde_json_does() {
        for (lang, text) in [
            ("en", include_str!("../../../content/learn/en.json")),
            ("fr", include_str!("../../../content/learn/fr.json")),
        ] {
            let by_serde_json: Learn = serde_json::from_str(text).unwrap();
            assert_eq!(read::<Learn>(&tree(text)), Ok(by_serde_json), "{lang}");
        }
        let text = r#"{"lang": "en", "sections": [{"id": "a", "heading": "A", "passages": []}], "faq": [{"id": "q", "question": "Q"}]}"#;
        assert_eq!(read::<Learn>(&tree(text)), Err(Error));
    }

    /// The places in `tree`, as paths of list indices and object keys.
    fn places(tree: &Tree, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
        out.push(path.clone());
        match tree {
            Tree::List(items) => {
                for (i, item) in items.iter().enumerate() {
                    path.push(i.to_string());
                    places(item, path, out);
                    path.pop();
                }
            }
            Tree::Object(entries) => {
                for (key, value) in entries {
                    path.push(key.clone());
                    places(value, path, out);
                    path.pop();
                }
            }
            _ => {}
        }
    }

    /// Replaces the value at `path` with `with`, or takes it out when `with` is `None` (from an object;
    /// an item of a list becomes `null`).
    fn change(tree: &mut Tree, path: &[String], with: Option<Tree>) {
        let Some((last, parent)) = path.split_last() else {
            *tree = with.unwrap_or(Tree::Null);
            return;
        };
        let mut at = tree;
        for step in parent {
            at = match at {
                Tree::List(items) => &mut items[step.parse::<usize>().unwrap()],
                Tree::Object(entries) => entries.get_mut(step.as_str()).unwrap(),
                _ => unreachable!(),
            };
        }
        match (at, with) {
            (Tree::List(items), with) => {
                items[last.parse::<usize>().unwrap()] = with.unwrap_or(Tree::Null)
            }
            (Tree::Object(entries), Some(with)) => {
                entries.insert(last.clone(), with);
            }
            (Tree::Object(entries), None) => {
                entries.remove(last.as_str());
            }
            _ => unreachable!(),
        }
    }

    /// Values to put where another was: of every kind, with the names the document's enums use.
    fn replacement() -> impl Strategy<Value = Option<Tree>> {
        let object = |entries: Vec<(&str, Tree)>| {
            Tree::Object(
                entries
                    .into_iter()
                    .map(|(k, v)| (k.to_owned(), v))
                    .collect(),
            )
        };
        proptest::option::of(proptest::sample::select(vec![
            Tree::Null,
            Tree::Bool(true),
            Tree::UInt(0),
            Tree::UInt(3),
            Tree::UInt(300),
            Tree::UInt(u64::from(u32::MAX) + 1),
            Tree::UInt(MAX_SAFE),
            Tree::Int(-1),
            Tree::Int(-200),
            Tree::Float(1.5),
            Tree::Float(9_007_199_254_740_992.0),
            Tree::Text("quiz".into()),
            Tree::Text("prefer_not".into()),
            Tree::Text("value".into()),
            Tree::Text("partner".into()),
            Tree::Text(String::new()),
            object(vec![]),
            object(vec![("value", Tree::UInt(2))]),
            object(vec![("plan", Tree::Null)]),
            object(vec![("a", Tree::UInt(1))]),
        ]))
    }

    proptest! {
        /// Every document reads back the same out of the tree of its JSON, as serde_json reads it.
        #[test]
        fn every_document_reads_back_the_same(doc in document()) {
            let tree = tree(&super::super::to_text(&doc, false));
            prop_assert_eq!(read::<Document>(&tree), Ok(doc.clone()));
            prop_assert_eq!(derived(&tree), Ok(doc));
        }

        /// With a value changed or taken out anywhere: the same document as serde_json's derived code
        /// reads, or refused as it refuses, except where serde_json refuses a key the struct does not
        /// know (which the browser never looked at).
        #[test]
        fn a_changed_document_reads_as_serde_json_reads_it_but_for_unknown_keys(
            doc in document(),
            at in any::<proptest::sample::Index>(),
            with in replacement(),
        ) {
            let mut tree = tree(&super::super::to_text(&doc, false));
            let mut all = Vec::new();
            places(&tree, &mut Vec::new(), &mut all);
            let path = at.get(&all).clone();
            change(&mut tree, &path, with);
            match (read::<Document>(&tree), derived(&tree)) {
                (Ok(read), Ok(derived)) => prop_assert_eq!(read, derived),
                (Err(_), Err(_)) => {}
                (Ok(_), Err(e)) if e.starts_with("unknown field") => {}
                (read, derived) => prop_assert!(false, "at {:?}: read {:?}, serde_json {:?}", path, read, derived),
            }
        }
    }
}
