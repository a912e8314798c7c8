//! Compiles the content files (`content/<lang>.json`) into static Rust data, and their words into one
//! table per language.
//!
//! The shape of the content (steps, actions, items, which relationship sees what, ids, phone numbers)
//! is the same in every language, so it is compiled in once, as `static` values: the browser needs no
//! JSON deserializer for ~20 types. The words are not: every translatable string becomes a [`Text`], a
//! place in its language's table, and the table is the file `content/text/<lang>.json` (a JSON array of
//! strings) that the widget downloads for the visitor's language only. So the wasm carries no words,
//! and adding a language adds no byte to it. Natively (the tests) every table is compiled in as well.
//!
//! The structured JSON stays the one place translators edit; its shape is checked here (unknown or
//! missing fields, or a language whose shape differs from English, stop the build with the file and
//! path named), and its meaning by `Content::validate` in the native tests. `content/text/` is written
//! from it by `UPDATE_TEXT=1 cargo test --test text`; that test fails while it is out of date.

use serde_json::Value;
use std::fmt::Write as _;
use std::path::Path;

/// The shape of a content file, mirroring the types in `src/core/content.rs`.
enum Ty {
    /// Words a visitor reads: a place in the language's table, as `Text(n)`.
    Str,
    /// A string that is the same in every language (an id, a phone number, a keyword a service
    /// expects), as `&'static str`.
    Id,
    /// A JSON array, as `&'static [T]`.
    List(&'static Ty),
    /// A JSON object with free keys (ids), as `&'static [(&'static str, T)]`.
    Map(&'static Ty),
    /// `"give"` or `"receive"`.
    Side,
    /// `true` or `false`; `false` when an optional field is missing.
    Bool,
    /// A struct with these fields; an optional field missing from the JSON becomes an empty slice (or
    /// an empty string).
    Struct(&'static str, &'static [Field]),
    /// A struct whose fields are all strings (the interface text): every key becomes a field, and the
    /// compiler checks the set against the struct.
    StrStruct(&'static str),
}

struct Field {
    name: &'static str,
    /// The field's name in Rust, when it is not the JSON's.
    rust: &'static str,
    ty: Ty,
    optional: bool,
    /// Its words are among those only the sections arriving on first use read: see [`later`].
    later: bool,
    /// A field of the content kept apart from it: see [`apart`].
    apart: bool,
}

const fn f(name: &'static str, ty: Ty) -> Field {
    Field {
        name,
        rust: name,
        ty,
        optional: false,
        later: false,
        apart: false,
    }
}

const fn optional(name: &'static str, ty: Ty) -> Field {
    Field {
        name,
        rust: name,
        ty,
        optional: true,
        later: false,
        apart: false,
    }
}

/// A field whose words only the sections arriving on first use (the check, the plan, Practice, the
/// check taken together: `src/components/lazy.rs`) read. They take the table's last places, from
/// `FIRST_TEXT_LEN` on, and travel in `content/text/<lang>.parts.json`, which the browser fetches with
/// the first of those sections; the first screen's table (`content/text/<lang>.json`) stops before
/// them. Its Rust name is one no other field has, so that tests/text.rs can prove, by where the name
/// is written, that only those sections read them.
const fn later(name: &'static str, rust: &'static str, ty: Ty) -> Field {
    Field {
        name,
        rust,
        ty,
        optional: false,
        later: true,
        apart: false,
    }
}

/// A field of the content that only the parts of the wasm arriving on first use read (the check's
/// statements, the forms, the rituals, the plan's rules, their words' places): written into
/// `LATER` (`Later` in src/core/content.rs) instead of `CONTENT`. Nothing on the first screen refers
/// to `LATER`, so its data goes with the parts' code (`Content::later`), not into the first download.
const fn apart(field: Field) -> Field {
    Field {
        apart: true,
        ..field
    }
}

const STR_LIST: Ty = Ty::List(&Ty::Str);
const ID_LIST: Ty = Ty::List(&Ty::Id);

const SUPPORT_LINE: Ty = Ty::Struct(
    "SupportLine",
    &[
        f("name", Ty::Str),
        f("call", Ty::Id),
        optional("text", Ty::Id),
        optional("text_word", Ty::Id),
    ],
);

const CONTENT: Ty = Ty::Struct(
    "Content",
    &[
        f("lang", Ty::Str),
        f("dir", Ty::Str),
        f("ui", Ty::StrStruct("UiText")),
        f(
            "intro",
            Ty::Struct(
                "Intro",
                &[
                    f("heading", Ty::Str),
                    f("paragraphs", STR_LIST),
                    f("privacy", Ty::Str),
                    f("not_diagnosis", Ty::Str),
                ],
            ),
        ),
        f(
            "steps",
            Ty::List(&Ty::Struct(
                "Step",
                &[
                    f("id", Ty::Id),
                    f("letter", Ty::Str),
                    f("title", Ty::Str),
                    f("summary", Ty::Str),
                    f(
                        "actions",
                        Ty::List(&Ty::Struct(
                            "ChecklistAction",
                            &[
                                f("id", Ty::Id),
                                f("text", Ty::Str),
                                optional("by_context", Ty::Map(&Ty::Str)),
                                optional("only_for", ID_LIST),
                                optional("ask_safe", Ty::Bool),
                                // Required, so every action is classified on purpose (the rule is
                                // on `ChecklistAction::does_more` in src/core/content.rs).
                                f("does_more", Ty::Bool),
                                f("source", Ty::Id),
                            ],
                        )),
                    ),
                ],
            )),
        ),
        apart(f(
            "rituals",
            Ty::List(&Ty::Struct(
                "Ritual",
                &[f("id", Ty::Id), f("name", Ty::Str), f("action", Ty::Id)],
            )),
        )),
        apart(f(
            "forms",
            Ty::List(&Ty::Struct(
                "Form",
                &[
                    f("id", Ty::Id),
                    f("name", Ty::Str),
                    // No view shows it yet; it waits with the sections' words.
                    later("description", "form_description", Ty::Str),
                    f("source", Ty::Id),
                ],
            )),
        )),
        apart(f("sensitive_forms", ID_LIST)),
        f(
            "contexts",
            Ty::List(&Ty::Struct(
                "RelationshipContext",
                &[
                    f("id", Ty::Id),
                    f("label", Ty::Str),
                    later("thinking_about", "thinking_about", Ty::Str),
                    later("content_note", "hard_times_note", Ty::Str),
                ],
            )),
        ),
        apart(later("scale", "scale", STR_LIST)),
        apart(f(
            "items",
            Ty::List(&Ty::Struct(
                "Item",
                &[
                    f("id", Ty::Id),
                    f("form", Ty::Id),
                    f("side", Ty::Side),
                    // A whole sentence for each relationship, never a name put into a template:
                    // French, Hindi and Arabic agree words with who the other person is.
                    later("text", "statement", Ty::Map(&Ty::Str)),
                    optional("may_not_apply", Ty::Bool),
                    f("source", Ty::Id),
                ],
            )),
        )),
        apart(f(
            "balance",
            Ty::Struct(
                "BalanceItem",
                &[
                    f("id", Ty::Id),
                    later("text", "statement", Ty::Map(&Ty::Str)),
                    f("options", STR_LIST),
                    f("source", Ty::Id),
                ],
            ),
        )),
        f(
            "support",
            Ty::Struct(
                "Support",
                &[f(
                    "regions",
                    Ty::List(&Ty::Struct(
                        "Region",
                        &[
                            f("id", Ty::Id),
                            f("name", Ty::Str),
                            f("emergency", Ty::Id),
                            f("lines", Ty::List(&SUPPORT_LINE)),
                            optional("abuse_lines", Ty::List(&SUPPORT_LINE)),
                            optional("abuse_note", Ty::Str),
                        ],
                    )),
                )],
            ),
        ),
        apart(f("learn_links", Ty::Map(&Ty::Str))),
        apart(f(
            "plan",
            Ty::Struct(
                "PlanRules",
                &[
                    f("gives_more", ID_LIST),
                    f("receives_more", ID_LIST),
                    f("balanced", ID_LIST),
                    f("both_low", ID_LIST),
                    f(
                        "forms",
                        Ty::Map(&Ty::Struct(
                            "FormRule",
                            &[f("gives_more", ID_LIST), f("receives_more", ID_LIST)],
                        )),
                    ),
                ],
            ),
        )),
        // The interface text only those sections read.
        apart(later("part_ui", "part_ui", Ty::StrStruct("PartUiText"))),
    ],
);

/// Where each entry traces to in the article is for reviewers and the native content test; the
/// browser build leaves those quotes out (a few KB nobody there reads).
const REVIEW_ONLY_FIELD: &str = "source";

/// What the walk over one language's file produces.
struct Emitted {
    /// The Rust expression of the content's shape, words as `Text(n)`.
    code: String,
    /// The words, in the order of their `n`; `[0]` is the empty string that stands for a missing
    /// optional text.
    table: Vec<String>,
    /// Where each word of `table` is in the content file (`items[3].text.friend`), for the tests.
    places: Vec<String>,
    /// The words of [`later`] fields, which follow `table`'s: `Text(FIRST_TEXT_LEN + n)`.
    later: Vec<String>,
    /// Where each word of `later` is in the content file.
    later_places: Vec<String>,
    /// Whether the walk is inside a [`later`] field.
    in_later: bool,
    /// The fields of the content kept [`apart`], as the Rust fields of `Later`.
    apart: String,
    for_browser: bool,
}

impl Emitted {
    fn text(&mut self, s: &str, place: &str) {
        if self.in_later {
            match self.later.len() {
                0 => self.code.push_str("Text(FIRST_TEXT_LEN as u16)"),
                n => write!(self.code, "Text(FIRST_TEXT_LEN as u16 + {n})").unwrap(),
            }
            self.later.push(s.to_owned());
            self.later_places.push(place.to_owned());
        } else {
            write!(self.code, "Text({})", self.table.len()).unwrap();
            self.table.push(s.to_owned());
            self.places.push(place.to_owned());
        }
    }
}

fn emit(value: &Value, ty: &Ty, path: &str, out: &mut Emitted) -> Result<(), String> {
    let wrong = |expected: &str| Err(format!("{path}: expected {expected}, found {value}"));
    match ty {
        Ty::Str => match value {
            Value::String(s) => {
                out.text(s, path.split_once(".json").map_or(path, |(_, p)| p));
                Ok(())
            }
            _ => wrong("a string"),
        },
        Ty::Id => match value {
            // Debug formatting of a str is a valid Rust string literal, escapes included.
            Value::String(s) => write!(out.code, "{s:?}").map_err(|e| e.to_string()),
            _ => wrong("a string"),
        },
        Ty::Bool => match value {
            Value::Bool(b) => write!(out.code, "{b}").map_err(|e| e.to_string()),
            _ => wrong("true or false"),
        },
        Ty::Side => {
            let variant = match value.as_str() {
                Some("give") => "Side::Give",
                Some("receive") => "Side::Receive",
                _ => return wrong("\"give\" or \"receive\""),
            };
            out.code.push_str(variant);
            Ok(())
        }
        Ty::List(inner) => {
            let Value::Array(items) = value else {
                return wrong("an array");
            };
            out.code.push_str("&[");
            for (i, item) in items.iter().enumerate() {
                emit(item, inner, &format!("{path}[{i}]"), out)?;
                out.code.push_str(", ");
            }
            out.code.push(']');
            Ok(())
        }
        Ty::Map(inner) => {
            let Value::Object(entries) = value else {
                return wrong("an object");
            };
            out.code.push_str("&[");
            for (key, item) in entries {
                write!(out.code, "({key:?}, ").map_err(|e| e.to_string())?;
                emit(item, inner, &format!("{path}.{key}"), out)?;
                out.code.push_str("), ");
            }
            out.code.push(']');
            Ok(())
        }
        Ty::StrStruct(name) => {
            let Value::Object(entries) = value else {
                return wrong("an object");
            };
            write!(out.code, "{name} {{ ").map_err(|e| e.to_string())?;
            for (key, item) in entries {
                write!(out.code, "{key}: ").map_err(|e| e.to_string())?;
                emit(item, &Ty::Str, &format!("{path}.{key}"), out)?;
                out.code.push_str(", ");
            }
            out.code.push('}');
            Ok(())
        }
        Ty::Struct(name, fields) => {
            let Value::Object(entries) = value else {
                return wrong("an object");
            };
            if let Some(unknown) = entries
                .keys()
                .find(|k| !fields.iter().any(|f| f.name == k.as_str()))
            {
                return Err(format!("{path}: unknown field `{unknown}` in {name}"));
            }
            write!(out.code, "{name} {{ ").map_err(|e| e.to_string())?;
            for field in fields.iter() {
                if field.apart {
                    std::mem::swap(&mut out.code, &mut out.apart);
                }
                write!(out.code, "{}: ", field.rust).map_err(|e| e.to_string())?;
                let outer = out.in_later;
                out.in_later |= field.later;
                match entries.get(field.name) {
                    Some(_) if out.for_browser && field.name == REVIEW_ONLY_FIELD => {
                        out.code.push_str("\"\"")
                    }
                    Some(item) => emit(item, &field.ty, &format!("{path}.{}", field.name), out)?,
                    None if field.optional => out.code.push_str(match field.ty {
                        Ty::Str => "Text::EMPTY",
                        Ty::Id => "\"\"",
                        Ty::Bool => "false",
                        _ => "&[]",
                    }),
                    None => {
                        return Err(format!("{path}: missing field `{}` in {name}", field.name))
                    }
                }
                out.in_later = outer;
                out.code.push_str(", ");
                if field.apart {
                    std::mem::swap(&mut out.code, &mut out.apart);
                }
            }
            out.code.push('}');
            Ok(())
        }
    }
}

/// The language every other must match in shape: the one the shape is compiled from.
const REFERENCE: &str = "en";

fn main() {
    println!("cargo:rerun-if-changed=content");
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let for_browser = std::env::var("TARGET").is_ok_and(|t| t.starts_with("wasm32"));
    let mut languages: Vec<String> = std::fs::read_dir("content")
        .expect("content/ exists")
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            let name = path.file_name()?.to_str()?.to_owned();
            name.strip_suffix(".json").map(str::to_owned)
        })
        .collect();
    languages.sort();
    // English first: the others are checked against its shape.
    languages.sort_by_key(|l| l != REFERENCE);
    assert_eq!(
        languages.first().map(String::as_str),
        Some(REFERENCE),
        "content/{REFERENCE}.json is missing"
    );

    let mut code = String::from("// Generated by build.rs from content/*.json. Do not edit.\n\n");
    let mut tables = Vec::new();
    for lang in &languages {
        let file = format!("content/{lang}.json");
        println!("cargo:rerun-if-changed={file}");
        let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{file}: {e}"));
        let json: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{file}: {e}"));
        let mut emitted = Emitted {
            code: String::new(),
            table: vec![String::new()],
            places: vec![String::new()],
            later: Vec::new(),
            later_places: Vec::new(),
            in_later: false,
            apart: String::new(),
            for_browser,
        };
        if let Err(problem) = emit(&json, &CONTENT, &file, &mut emitted) {
            panic!("{problem}");
        }
        // The later words after the first screen's, in one table.
        let first_len = emitted.table.len();
        emitted.table.append(&mut emitted.later);
        emitted.places.append(&mut emitted.later_places);
        if lang == REFERENCE {
            writeln!(
                code,
                "/// The shape of the content, the same in every language."
            )
            .unwrap();
            writeln!(code, "pub static CONTENT: Content = {};\n", emitted.code).unwrap();
            writeln!(
                code,
                "/// The content only the parts arriving on first use read (see `apart` in build.rs)."
            )
            .unwrap();
            writeln!(
                code,
                "pub static LATER: Later = Later {{ {}}};\n",
                emitted.apart
            )
            .unwrap();
            writeln!(code, "/// How many places every language's table has.").unwrap();
            writeln!(
                code,
                "pub const TEXT_LEN: usize = {};\n",
                emitted.table.len()
            )
            .unwrap();
            writeln!(
                code,
                "/// How many of them the first screen's table has: the rest are the sections' (see\n/// `later` in build.rs)."
            )
            .unwrap();
            writeln!(code, "pub const FIRST_TEXT_LEN: usize = {first_len};\n").unwrap();
        } else if emitted.code != tables_shape(&code, "CONTENT: Content = ")
            || format!("Later {{ {}}}", emitted.apart) != tables_shape(&code, "LATER: Later = ")
        {
            panic!("{file}: its shape (ids, lists, which fields it has) differs from content/{REFERENCE}.json; only the words may differ");
        }
        if lang == REFERENCE && !for_browser {
            writeln!(
                code,
                "/// Where each place of the tables is in a content file (for the tests)."
            )
            .unwrap();
            writeln!(
                code,
                "pub static TEXT_PLACES: &[&str] = &{:?};\n",
                emitted.places
            )
            .unwrap();
        }
        tables.push((lang.clone(), emitted.table, first_len));
    }
    code.push_str(
        "/// Every language with content, by file name.\npub static LANGUAGES: &[&str] = &[",
    );
    for (lang, _, _) in &tables {
        write!(code, "{lang:?}, ").unwrap();
    }
    code.push_str("];\n\n");
    if !for_browser {
        // Natively every table is compiled in, with the JSON that `content/text/<lang>.json` and
        // `content/text/<lang>.parts.json` must hold.
        code.push_str("/// Every language's words, whole, and the JSON of `content/text/<lang>.json` (the first\n/// screen's) and of `content/text/<lang>.parts.json` (the rest).\n");
        code.push_str("pub static TABLES: &[(&str, &[&str], &str, &str)] = &[\n");
        for (lang, table, first_len) in &tables {
            let first = serde_json::to_string(&table[..*first_len]).expect("strings serialize");
            let later = serde_json::to_string(&table[*first_len..]).expect("strings serialize");
            writeln!(code, "    ({lang:?}, &{table:?}, {first:?}, {later:?}),").unwrap();
        }
        code.push_str("];\n");
    }
    std::fs::write(Path::new(&out_dir).join("content.rs"), code).expect("OUT_DIR is writable");
}

/// The reference language's shape of one static, as written into `code`: what follows
/// `pub static {statik}` up to the `;`.
fn tables_shape(code: &str, statik: &str) -> String {
    let start = code
        .find(&format!("pub static {statik}"))
        .expect("the reference comes first")
        + 11
        + statik.len();
    let end = start + code[start..].find(";\n").expect("the statement ends");
    code[start..end].to_owned()
}
