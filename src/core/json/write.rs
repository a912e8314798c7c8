//! Writing serde types as JSON text, as the browser build does (see `json::to_text`): the same text
//! serde_json writes (compact, or laid out as its `to_string_pretty` does), which is also what
//! `JSON.stringify` wrote for the browser before. Keys of maps must be strings.

use super::super::strings::{decimal, hex};
use serde::ser::{self, Serialize};
use std::fmt;

/// `value` as JSON text; `pretty` lays it out for reading (two spaces per level).
pub fn write<T: Serialize + ?Sized>(value: &T, pretty: bool) -> Result<String, Error> {
    let mut writer = Writer {
        out: String::new(),
        pretty,
        depth: 0,
    };
    value.serialize(&mut writer)?;
    Ok(writer.out)
}

/// A value JSON cannot hold as serde gives it (a map key that is not a string, bytes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error;

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("not writable as JSON")
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Error
    }
}

pub struct Writer {
    out: String,
    pretty: bool,
    /// How many arrays and objects are open.
    depth: usize,
}

impl Writer {
    fn string(&mut self, s: &str) {
        self.out.push('"');
        for c in s.chars() {
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' => self.out.push_str("\\n"),
                '\r' => self.out.push_str("\\r"),
                '\t' => self.out.push_str("\\t"),
                '\u{8}' => self.out.push_str("\\b"),
                '\u{c}' => self.out.push_str("\\f"),
                c if c < ' ' => {
                    self.out.push_str("\\u");
                    self.out.push_str(&hex(c as u32, 4));
                }
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }

    fn number(&mut self, n: i64) {
        if n < 0 {
            self.out.push('-');
        }
        self.out.push_str(&decimal(n.unsigned_abs()));
    }

    /// Opens an array (`[`) or an object (`{`).
    fn open(&mut self, bracket: char) -> Compound<'_> {
        self.out.push(bracket);
        self.depth += 1;
        Compound {
            writer: self,
            empty: true,
            closes: 1,
        }
    }

    /// A new line at the current depth, when laid out for reading.
    fn new_line(&mut self) {
        if self.pretty {
            self.out.push('\n');
            for _ in 0..self.depth {
                self.out.push_str("  ");
            }
        }
    }

    /// `{"variant": …`, with the payload still to come.
    fn open_variant(&mut self, variant: &str) -> &mut Self {
        self.out.push('{');
        self.depth += 1;
        self.new_line();
        self.string(variant);
        self.out.push_str(if self.pretty { ": " } else { ":" });
        self
    }

    fn close_variant(&mut self) {
        self.depth -= 1;
        self.new_line();
        self.out.push('}');
    }
}

/// An open array or object.
pub struct Compound<'a> {
    writer: &'a mut Writer,
    empty: bool,
    /// How many brackets `end` closes: 2 for a variant's array or object.
    closes: usize,
}

impl Compound<'_> {
    fn next(&mut self) {
        if !self.empty {
            self.writer.out.push(',');
        }
        self.empty = false;
        self.writer.new_line();
    }

    fn item<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.next();
        value.serialize(&mut *self.writer)
    }

    fn key(&mut self, key: &str) {
        self.next();
        self.writer.string(key);
        self.separate();
    }

    fn separate(&mut self) {
        let separator = if self.writer.pretty { ": " } else { ":" };
        self.writer.out.push_str(separator);
    }

    fn end(self, bracket: char) -> Result<(), Error> {
        self.writer.depth -= 1;
        if !self.empty {
            self.writer.new_line();
        }
        self.writer.out.push(bracket);
        if self.closes == 2 {
            self.writer.close_variant();
        }
        Ok(())
    }
}

impl<'a> ser::Serializer for &'a mut Writer {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.out.push_str(if v { "true" } else { "false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.number(v);
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.out.push_str(&decimal(v));
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.out.push_str(&float(v));
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.string(v);
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Error> {
        Err(Error)
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.out.push_str("null");
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.string(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self.open_variant(variant))?;
        self.close_variant();
        Ok(())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a>, Error> {
        Ok(self.open('['))
    }
    fn serialize_tuple(self, _: usize) -> Result<Compound<'a>, Error> {
        Ok(self.open('['))
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>, Error> {
        Ok(self.open('['))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, Error> {
        let mut array = self.open_variant(variant).open('[');
        array.closes = 2;
        Ok(array)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'a>, Error> {
        Ok(self.open('{'))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>, Error> {
        Ok(self.open('{'))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, Error> {
        let mut object = self.open_variant(variant).open('{');
        object.closes = 2;
        Ok(object)
    }
}

/// A number as JSON writes it: `null` when it is not finite.
#[cfg(target_arch = "wasm32")]
fn float(v: f64) -> String {
    // The browser's own formatting (as `JSON.stringify` wrote it before): no float printer in the
    // download.
    js_sys::JSON::stringify(&wasm_bindgen::JsValue::from_f64(v))
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_else(|| "null".to_owned())
}

#[cfg(not(target_arch = "wasm32"))]
fn float(v: f64) -> String {
    serde_json::to_string(&v).unwrap_or_else(|_| "null".to_owned())
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.item(value)
    }
    fn end(self) -> Result<(), Error> {
        Compound::end(self, ']')
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.item(value)
    }
    fn end(self) -> Result<(), Error> {
        Compound::end(self, ']')
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.item(value)
    }
    fn end(self) -> Result<(), Error> {
        Compound::end(self, ']')
    }
}

impl ser::SerializeTupleVariant for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.item(value)
    }
    fn end(self) -> Result<(), Error> {
        Compound::end(self, ']')
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.next();
        let start = self.writer.out.len();
        key.serialize(&mut *self.writer)?;
        if !self.writer.out[start..].starts_with('"') {
            return Err(Error);
        }
        self.separate();
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut *self.writer)
    }
    fn end(self) -> Result<(), Error> {
        Compound::end(self, '}')
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.key(key);
        value.serialize(&mut *self.writer)
    }
    fn end(self) -> Result<(), Error> {
        Compound::end(self, '}')
    }
}

impl ser::SerializeStructVariant for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.key(key);
        value.serialize(&mut *self.writer)
    }
    fn end(self) -> Result<(), Error> {
        Compound::end(self, '}')
    }
}

#[cfg(test)]
mod tests {
    use super::super::arbitrary::document;
    use super::*;
    use proptest::prelude::*;
    use serde::Serialize;

    #[test]
    fn escapes_as_serde_json_does() {
        let text = "\"\\/\u{0}\u{8}\t\n\u{b}\u{c}\r\u{1f} \u{7f}é\u{2028}😀";
        assert_eq!(write(text, false), Ok(serde_json::to_string(text).unwrap()));
        assert_eq!(
            write(text, false).unwrap(),
            "\"\\\"\\\\/\\u0000\\b\\t\\n\\u000b\\f\\r\\u001f \u{7f}é\u{2028}😀\""
        );
    }

    #[derive(Serialize)]
    enum Shapes {
        Unit,
        Newtype(Vec<u8>),
        Tuple(i64, bool),
        Struct { a: Option<u32>, b: Vec<()> },
    }

    #[test]
    fn writes_every_shape_as_serde_json_does() {
        let values = vec![
            Shapes::Unit,
            Shapes::Newtype(vec![]),
            Shapes::Newtype(vec![1, 2]),
            Shapes::Tuple(-5, true),
            Shapes::Struct {
                a: Some(7),
                b: vec![(), ()],
            },
            Shapes::Struct { a: None, b: vec![] },
        ];
        for pretty in [false, true] {
            let by_serde_json = if pretty {
                serde_json::to_string_pretty(&values)
            } else {
                serde_json::to_string(&values)
            };
            assert_eq!(write(&values, pretty), Ok(by_serde_json.unwrap()));
        }
        let floats = (1.5, f64::NAN, 1e21, 0.1, -0.0);
        assert_eq!(
            write(&floats, false),
            Ok(serde_json::to_string(&floats).unwrap())
        );
        assert_eq!(
            write(
                &[(1u64, 2)]
                    .into_iter()
                    .collect::<std::collections::BTreeMap<_, _>>(),
                false
            ),
            Err(Error)
        );
    }

    proptest! {
        /// The same text as serde_json, compact and laid out for reading, for any document.
        #[test]
        fn writes_any_document_as_serde_json_does(doc in document()) {
            prop_assert_eq!(write(&doc, false), Ok(serde_json::to_string(&doc).unwrap()));
            prop_assert_eq!(write(&doc, true), Ok(serde_json::to_string_pretty(&doc).unwrap()));
        }
    }
}
