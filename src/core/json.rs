//! The saved document's JSON, through whichever JSON the platform has: in the browser its own
//! `JSON.parse` / `JSON.stringify` (so the download carries no JSON parser or printer of its own),
//! natively serde_json (so the codec and its migrations stay tested natively, and fuzzed). Both meet in
//! [`Tree`], the untyped document the migrations work on.
//!
//! In the browser, the parsed value is walked into a [`Tree`] by hand and typed values are read out of
//! the tree with [`read`], which reads it as serde-wasm-bindgen read the same value before; values are
//! written as text by [`write`](mod@write), the text serde_json writes.

use super::sorted::SortedMap;
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use std::fmt;

#[cfg(test)]
mod arbitrary;
pub mod read;
pub mod write;

/// Nesting deeper than this is refused before parsing: no saved document comes close (it nests about
/// six levels), and a deeply nested value must not exhaust the stack of the decoder.
pub const MAX_DEPTH: usize = 64;

/// A JSON value. Integers stay integers, so a document's times and counts keep their type.
#[derive(Debug, Clone, PartialEq)]
pub enum Tree {
    Null,
    Bool(bool),
    UInt(u64),
    Int(i64),
    Float(f64),
    Text(String),
    List(Vec<Tree>),
    Object(SortedMap<String, Tree>),
}

impl Tree {
    /// A number as the browser hands it over (every number a float): an integer when it is a safe one
    /// (`Number.isSafeInteger`: whole, and at most 2^53 - 1 either way), a float otherwise.
    pub fn number(f: f64) -> Tree {
        if f.fract() == 0.0 && f.abs() <= 9_007_199_254_740_991.0 {
            if f >= 0.0 {
                Tree::UInt(f as u64)
            } else {
                Tree::Int(f as i64)
            }
        } else {
            Tree::Float(f)
        }
    }

    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Tree::UInt(n) => Some(*n),
            Tree::Int(n) => u64::try_from(*n).ok(),
            // Browsers hand every number over as a float; a whole one is an integer.
            Tree::Float(f) if f.fract() == 0.0 && *f >= 0.0 => Some(*f as u64),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Tree::Bool(b) => Some(*b),
            _ => None,
        }
    }
}

/// Whether `text` nests arrays and objects deeper than [`MAX_DEPTH`] (brackets inside strings do not
/// count). Checked before any parser sees the text.
pub fn too_deep(text: &str) -> bool {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for byte in text.bytes() {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

impl<'de> Deserialize<'de> for Tree {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Tree, D::Error> {
        deserializer.deserialize_any(TreeVisitor)
    }
}

struct TreeVisitor;

impl<'de> Visitor<'de> for TreeVisitor {
    type Value = Tree;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E>(self) -> Result<Tree, E> {
        Ok(Tree::Null)
    }
    fn visit_none<E>(self) -> Result<Tree, E> {
        Ok(Tree::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Tree, D::Error> {
        Tree::deserialize(d)
    }
    fn visit_bool<E>(self, b: bool) -> Result<Tree, E> {
        Ok(Tree::Bool(b))
    }
    fn visit_u64<E>(self, n: u64) -> Result<Tree, E> {
        Ok(Tree::UInt(n))
    }
    fn visit_i64<E>(self, n: i64) -> Result<Tree, E> {
        Ok(if n >= 0 {
            Tree::UInt(n as u64)
        } else {
            Tree::Int(n)
        })
    }
    fn visit_f64<E>(self, f: f64) -> Result<Tree, E> {
        // A whole number written as a float (`2.0`, `1e3`) is an integer, as in the browser.
        Ok(Tree::number(f))
    }
    fn visit_str<E: de::Error>(self, s: &str) -> Result<Tree, E> {
        Ok(Tree::Text(s.to_owned()))
    }
    fn visit_string<E>(self, s: String) -> Result<Tree, E> {
        Ok(Tree::Text(s))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Tree, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Tree::List(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Tree, A::Error> {
        let mut entries = SortedMap::new();
        while let Some((key, value)) = map.next_entry::<String, Tree>()? {
            entries.insert(key, value);
        }
        Ok(Tree::Object(entries))
    }
}

impl Serialize for Tree {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Tree::Null => s.serialize_unit(),
            Tree::Bool(b) => s.serialize_bool(*b),
            Tree::UInt(n) => s.serialize_u64(*n),
            Tree::Int(n) => s.serialize_i64(*n),
            Tree::Float(f) => s.serialize_f64(*f),
            Tree::Text(t) => s.serialize_str(t),
            Tree::List(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Tree::Object(entries) => {
                let mut map = s.serialize_map(Some(entries.len()))?;
                for (key, value) in entries {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
        }
    }
}

/// Parses `text` into a [`Tree`]; the error says why not (not JSON, or nested too deeply).
pub fn parse(text: &str) -> Result<Tree, String> {
    if too_deep(text) {
        return Err(format!("nested deeper than {MAX_DEPTH} levels"));
    }
    platform::parse(text)
}

/// A value `JSON.parse` or `Response.json()` made (null, a boolean, number or string, an array or a
/// plain object) as a [`Tree`]. A number is an integer when it is a safe one (`Number.isSafeInteger`),
/// as when serde-wasm-bindgen handed it over. Anything else reads as `null`.
pub fn from_js(value: &wasm_bindgen::JsValue) -> Tree {
    use wasm_bindgen::JsCast;
    if let Some(b) = value.as_bool() {
        Tree::Bool(b)
    } else if let Some(f) = value.as_f64() {
        Tree::number(f)
    } else if let Some(s) = value.as_string() {
        Tree::Text(s)
    } else if js_sys::Array::is_array(value) {
        let items: &js_sys::Array = value.unchecked_ref();
        Tree::List(items.iter().map(|item| from_js(&item)).collect())
    } else if value.is_object() {
        let mut entries = SortedMap::new();
        for entry in js_sys::Object::entries(value.unchecked_ref()).iter() {
            let entry: js_sys::Array = entry.unchecked_into();
            if let Some(key) = entry.get(0).as_string() {
                entries.insert(key, from_js(&entry.get(1)));
            }
        }
        Tree::Object(entries)
    } else {
        Tree::Null
    }
}

/// Reads a value of type `T` out of `tree`.
pub fn from_tree<T: for<'de> Deserialize<'de>>(tree: &Tree) -> Result<T, String> {
    platform::from_tree(tree)
}

/// `value` as compact JSON text (`pretty`: laid out for reading).
pub fn to_text<T: Serialize>(value: &T, pretty: bool) -> String {
    platform::to_text(value, pretty)
}

#[cfg(not(target_arch = "wasm32"))]
mod platform {
    use super::Tree;
    use serde::{Deserialize, Serialize};

    pub fn parse(text: &str) -> Result<Tree, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }

    pub fn from_tree<T: for<'de> Deserialize<'de>>(tree: &Tree) -> Result<T, String> {
        let value = serde_json::to_value(tree).map_err(|e| e.to_string())?;
        T::deserialize(value).map_err(|e| e.to_string())
    }

    pub fn to_text<T: Serialize>(value: &T, pretty: bool) -> String {
        // Serialising plain structs of strings, numbers and maps cannot fail.
        if pretty {
            serde_json::to_string_pretty(value).unwrap_or_default()
        } else {
            serde_json::to_string(value).unwrap_or_default()
        }
    }
}

#[cfg(target_arch = "wasm32")]
mod platform {
    use super::Tree;
    use serde::{Deserialize, Serialize};

    pub fn parse(text: &str) -> Result<Tree, String> {
        let value = js_sys::JSON::parse(text).map_err(|_| "not JSON".to_owned())?;
        Ok(super::from_js(&value))
    }

    pub fn from_tree<T: for<'de> Deserialize<'de>>(tree: &Tree) -> Result<T, String> {
        super::read::read(tree).map_err(|e| e.to_string())
    }

    pub fn to_text<T: Serialize>(value: &T, pretty: bool) -> String {
        super::write::write(value, pretty).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_nesting_is_refused_before_parsing() {
        assert!(too_deep(&"[".repeat(MAX_DEPTH + 1)));
        assert!(!too_deep(&"[".repeat(MAX_DEPTH)));
        assert!(
            !too_deep(&format!("\"{}\"", "[".repeat(500))),
            "brackets in strings"
        );
        assert!(!too_deep(r#"{"a": "\"[[[[", "b": [1]}"#));
        assert!(parse(&"[".repeat(10_000)).is_err());
    }

    #[test]
    fn numbers_keep_their_kind() {
        assert_eq!(parse("5").unwrap(), Tree::UInt(5));
        assert_eq!(parse("-2").unwrap(), Tree::Int(-2));
        assert_eq!(parse("1.5").unwrap(), Tree::Float(1.5));
        assert_eq!(
            parse("1764000000000").unwrap().as_u64(),
            Some(1_764_000_000_000)
        );
        assert_eq!(
            to_text(&parse(r#"{"b":[true,null,"x"],"a":-1}"#).unwrap(), false),
            r#"{"a":-1,"b":[true,null,"x"]}"#
        );
    }
}
