//! Compiles the content files (`content/<lang>.json`) into static Rust data.
//!
//! Parsing the content in the browser would ship a JSON deserializer for ~20 types and 70 interface
//! strings (about 50 KB of wasm before compression) and parse ~27 KB at every start. Generating
//! `static` values here moves both costs to build time. The JSON stays the one place translators edit;
//! its shape is checked here (unknown or missing fields stop the build with the file and path named), and
//! its meaning by `Content::validate` in the native tests.

use serde_json::Value;
use std::fmt::Write as _;
use std::path::Path;

/// The shape of a content file, mirroring the types in `src/core/content.rs`.
enum Ty {
    Str,
    /// A JSON array, as `&'static [T]`.
    List(&'static Ty),
    /// A JSON object with free keys, as `&'static [(&'static str, T)]`.
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
    ty: Ty,
    optional: bool,
}

const fn f(name: &'static str, ty: Ty) -> Field {
    Field {
        name,
        ty,
        optional: false,
    }
}

const fn optional(name: &'static str, ty: Ty) -> Field {
    Field {
        name,
        ty,
        optional: true,
    }
}

const STR_LIST: Ty = Ty::List(&Ty::Str);

const SUPPORT_LINE: Ty = Ty::Struct(
    "SupportLine",
    &[
        f("name", Ty::Str),
        f("call", Ty::Str),
        optional("text", Ty::Str),
        optional("text_word", Ty::Str),
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
                    f("id", Ty::Str),
                    f("letter", Ty::Str),
                    f("title", Ty::Str),
                    f("summary", Ty::Str),
                    f(
                        "actions",
                        Ty::List(&Ty::Struct(
                            "ChecklistAction",
                            &[
                                f("id", Ty::Str),
                                f("text", Ty::Str),
                                optional("by_context", Ty::Map(&Ty::Str)),
                                optional("only_for", STR_LIST),
                                optional("ask_safe", Ty::Bool),
                                // Required, so every action is classified on purpose (the rule is
                                // on `ChecklistAction::does_more` in src/core/content.rs).
                                f("does_more", Ty::Bool),
                                f("source", Ty::Str),
                            ],
                        )),
                    ),
                ],
            )),
        ),
        f(
            "forms",
            Ty::List(&Ty::Struct(
                "Form",
                &[
                    f("id", Ty::Str),
                    f("name", Ty::Str),
                    f("description", Ty::Str),
                    f("source", Ty::Str),
                ],
            )),
        ),
        f("sensitive_forms", STR_LIST),
        f(
            "contexts",
            Ty::List(&Ty::Struct(
                "RelationshipContext",
                &[
                    f("id", Ty::Str),
                    f("label", Ty::Str),
                    f("them", Ty::Str),
                    f("them_start", Ty::Str),
                    f("about", Ty::Str),
                ],
            )),
        ),
        f("scale", STR_LIST),
        f(
            "items",
            Ty::List(&Ty::Struct(
                "Item",
                &[
                    f("id", Ty::Str),
                    f("form", Ty::Str),
                    f("side", Ty::Side),
                    f("text", Ty::Str),
                    optional("by_context", Ty::Map(&Ty::Str)),
                    optional("may_not_apply", Ty::Bool),
                    f("source", Ty::Str),
                ],
            )),
        ),
        f(
            "balance",
            Ty::Struct(
                "BalanceItem",
                &[
                    f("id", Ty::Str),
                    f("text", Ty::Str),
                    f("options", STR_LIST),
                    f("source", Ty::Str),
                ],
            ),
        ),
        f(
            "support",
            Ty::Struct(
                "Support",
                &[f(
                    "regions",
                    Ty::List(&Ty::Struct(
                        "Region",
                        &[
                            f("id", Ty::Str),
                            f("name", Ty::Str),
                            f("emergency", Ty::Str),
                            f("lines", Ty::List(&SUPPORT_LINE)),
                            optional("abuse_lines", Ty::List(&SUPPORT_LINE)),
                            optional("abuse_note", Ty::Str),
                        ],
                    )),
                )],
            ),
        ),
        f("learn_links", Ty::Map(&Ty::Str)),
        f(
            "plan",
            Ty::Struct(
                "PlanRules",
                &[
                    f("gives_more", STR_LIST),
                    f("receives_more", STR_LIST),
                    f("balanced", STR_LIST),
                    f("both_low", STR_LIST),
                    f(
                        "forms",
                        Ty::Map(&Ty::Struct(
                            "FormRule",
                            &[f("gives_more", STR_LIST), f("receives_more", STR_LIST)],
                        )),
                    ),
                ],
            ),
        ),
    ],
);

/// Where each entry traces to in the article is for reviewers and the native content test; the
/// browser build leaves those quotes out (a few KB nobody there reads).
const REVIEW_ONLY_FIELD: &str = "source";

fn emit(value: &Value, ty: &Ty, path: &str, out: &mut String) -> Result<(), String> {
    let wrong = |expected: &str| Err(format!("{path}: expected {expected}, found {value}"));
    match ty {
        Ty::Str => match value {
            // Debug formatting of a str is a valid Rust string literal, escapes included.
            Value::String(s) => write!(out, "{s:?}").map_err(|e| e.to_string()),
            _ => wrong("a string"),
        },
        Ty::Bool => match value {
            Value::Bool(b) => write!(out, "{b}").map_err(|e| e.to_string()),
            _ => wrong("true or false"),
        },
        Ty::Side => {
            let variant = match value.as_str() {
                Some("give") => "Side::Give",
                Some("receive") => "Side::Receive",
                _ => return wrong("\"give\" or \"receive\""),
            };
            out.push_str(variant);
            Ok(())
        }
        Ty::List(inner) => {
            let Value::Array(items) = value else {
                return wrong("an array");
            };
            out.push_str("&[");
            for (i, item) in items.iter().enumerate() {
                emit(item, inner, &format!("{path}[{i}]"), out)?;
                out.push_str(", ");
            }
            out.push(']');
            Ok(())
        }
        Ty::Map(inner) => {
            let Value::Object(entries) = value else {
                return wrong("an object");
            };
            out.push_str("&[");
            for (key, item) in entries {
                write!(out, "({key:?}, ").map_err(|e| e.to_string())?;
                emit(item, inner, &format!("{path}.{key}"), out)?;
                out.push_str("), ");
            }
            out.push(']');
            Ok(())
        }
        Ty::StrStruct(name) => {
            let Value::Object(entries) = value else {
                return wrong("an object");
            };
            write!(out, "{name} {{ ").map_err(|e| e.to_string())?;
            for (key, item) in entries {
                write!(out, "{key}: ").map_err(|e| e.to_string())?;
                emit(item, &Ty::Str, &format!("{path}.{key}"), out)?;
                out.push_str(", ");
            }
            out.push('}');
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
            write!(out, "{name} {{ ").map_err(|e| e.to_string())?;
            for field in fields.iter() {
                write!(out, "{}: ", field.name).map_err(|e| e.to_string())?;
                let for_browser = std::env::var("TARGET").is_ok_and(|t| t.starts_with("wasm32"));
                match entries.get(field.name) {
                    Some(_) if for_browser && field.name == REVIEW_ONLY_FIELD => {
                        out.push_str("\"\"")
                    }
                    Some(item) => emit(item, &field.ty, &format!("{path}.{}", field.name), out)?,
                    None if field.optional => out.push_str(match field.ty {
                        Ty::Str => "\"\"",
                        Ty::Bool => "false",
                        _ => "&[]",
                    }),
                    None => {
                        return Err(format!("{path}: missing field `{}` in {name}", field.name))
                    }
                }
                out.push_str(", ");
            }
            out.push('}');
            Ok(())
        }
    }
}

fn main() {
    println!("cargo:rerun-if-changed=content");
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let mut languages: Vec<String> = std::fs::read_dir("content")
        .expect("content/ exists")
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            let name = path.file_name()?.to_str()?.to_owned();
            name.strip_suffix(".json").map(str::to_owned)
        })
        .collect();
    languages.sort();

    let mut code = String::from("// Generated by build.rs from content/*.json. Do not edit.\n\n");
    for lang in &languages {
        let file = format!("content/{lang}.json");
        println!("cargo:rerun-if-changed={file}");
        let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{file}: {e}"));
        let json: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{file}: {e}"));
        let ident = lang.to_uppercase().replace('-', "_");
        write!(code, "pub static {ident}: Content = ").unwrap();
        if let Err(problem) = emit(&json, &CONTENT, &file, &mut code) {
            panic!("{problem}");
        }
        code.push_str(";\n\n");
    }
    code.push_str(
        "/// Every bundled language, by file name.\npub static ALL: &[(&str, &Content)] = &[",
    );
    for lang in &languages {
        write!(
            code,
            "({lang:?}, &{}), ",
            lang.to_uppercase().replace('-', "_")
        )
        .unwrap();
    }
    code.push_str("];\n");
    std::fs::write(Path::new(&out_dir).join("content.rs"), code).expect("OUT_DIR is writable");
}
