//! `content/text/<lang>.json`, the words the browser downloads for a language's first screen, and
//! `content/text/<lang>.parts.json`, the words only the sections arriving on first use read, are written
//! from `content/<lang>.json` by `build.rs`'s walk: this test fails when a table file and its content
//! file drift apart, and says how to bring them back together. Another proves that no code the first
//! screen runs can read a word of the second file: only the sections' source files name the fields
//! that hold those words (`part_ui`, the statements and the answer scale). A third proves the same of
//! the sections' stylesheet, `www/reciprocity-parts.css`: its rules match only what the sections draw.
//!
//!   UPDATE_TEXT=1 cargo test --test text      # rewrites content/text/ after a change of wording
#![cfg(not(target_arch = "wasm32"))]

use reciprocity_widget::core::content::bundled;
use std::path::Path;

#[test]
fn every_language_table_file_is_up_to_date() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("content/text");
    if std::env::var_os("UPDATE_TEXT").is_some() {
        std::fs::create_dir_all(&dir).expect("content/ is writable");
    }
    for (lang, words, first, later) in bundled::TABLES {
        assert_eq!(words.len(), bundled::TEXT_LEN, "{lang}");
        for (name, json) in [
            (format!("{lang}.json"), first),
            (format!("{lang}.parts.json"), later),
        ] {
            let path = dir.join(&name);
            if std::env::var_os("UPDATE_TEXT").is_some() {
                std::fs::write(&path, json).expect("content/text/ is writable");
            }
            let kept = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(
                kept == *json,
                "content/text/{name} is out of date: run `UPDATE_TEXT=1 cargo test --test text`"
            );
        }
    }
    // No table of a language that has no content any more.
    for entry in std::fs::read_dir(&dir).expect("content/text/ exists") {
        let name = entry.expect("listable").file_name();
        let name = name.to_string_lossy();
        let lang = name
            .strip_suffix(".parts.json")
            .or_else(|| name.strip_suffix(".json"))
            .unwrap_or(&name);
        assert!(
            bundled::LANGUAGES.contains(&lang),
            "content/text/{name} has no content/{lang}.json"
        );
    }
}

/// The source files of the sections that arrive on first use (`src/components/lazy.rs`'s parts), and
/// the core function only they call.
const PARTS_SOURCES: &[&str] = &[
    "src/components/quiz.rs",
    "src/components/question.rs",
    "src/components/plan.rs",
    "src/components/history.rs",
    "src/components/print_summary.rs",
    "src/components/practice.rs",
    "src/components/together.rs",
    "src/components/profile_chart.rs",
    "src/components/content_note.rs",
    "src/components/context_picker.rs",
    "src/components/safety_note.rs",
    "src/components/data_controls.rs",
    "src/core/together.rs",
    "src/core/print.rs",
    "src/core/scoring.rs",
];

/// Where those words may be named besides: their definition (whose functions that read them are checked
/// like the sections' core functions), and the component that renders a part only once its words are
/// in the table.
const PARTS_PLUMBING: &[&str] = &["src/core/content.rs", "src/components/lazy.rs"];

/// The Rust names of the content's fields whose words come with the sections (`later` in build.rs):
/// names no other field, variable or function in `src/` has.
const LATER_FIELDS: &[&str] = &[
    "part_ui",
    "statement",
    "scale",
    "thinking_about",
    "hard_times_note",
    "form_description",
];

/// Whether the code of `source` (its comments left out) names one of [`LATER_FIELDS`], as a whole word
/// (`data_statement` is another).
fn names_later_words(source: &str) -> bool {
    LATER_FIELDS.iter().any(|field| names(source, field))
}

/// Whether the code of `source` (its comments left out) has `name` as a whole word.
fn names(source: &str, name: &str) -> bool {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    source
        .lines()
        .map(|line| line.split("//").next().unwrap_or_default())
        .any(|code| {
            code.match_indices(name).any(|(at, _)| {
                let before = code[..at].chars().next_back();
                let after = code[at + name.len()..].chars().next();
                !before.is_some_and(word) && !after.is_some_and(word)
            })
        })
}

#[test]
fn only_the_parts_read_the_words_that_come_with_them() {
    // A struct field is read by its name (`x.part_ui`, or `Content { part_ui, .. }`): a file that does
    // not name it cannot read those words, so the first screen never shows one as a blank while the
    // file that holds them is on its way.
    let sources = all_sources(Path::new(env!("CARGO_MANIFEST_DIR")));
    let code_of = |file: &str| {
        let found = sources.iter().find(|(f, _)| f == file);
        found.map(|(_, code)| code.as_str()).unwrap_or_default()
    };
    let named: Vec<&String> = sources
        .iter()
        .filter(|(_, code)| names_later_words(code))
        .map(|(file, _)| file)
        .collect();
    let strays: Vec<&&String> = named
        .iter()
        .filter(|f| !PARTS_SOURCES.contains(&f.as_str()) && !PARTS_PLUMBING.contains(&f.as_str()))
        .collect();
    assert!(
        strays.is_empty(),
        "{strays:?} name {LATER_FIELDS:?}, whose words the first screen does not have: read them in the sections only, or make the field a plain one in build.rs"
    );
    // The core files among them: each public function that reads those words (naming a field, or
    // calling a function of its file that does) is called from the sections' files only.
    let core = PARTS_SOURCES.iter().chain(PARTS_PLUMBING);
    for file in core.filter(|f| f.starts_with("src/core/")) {
        let source = code_of(file);
        // Each function of the file (methods too): its name, whether it is public, and its body.
        let functions: Vec<(&str, bool, &str)> = source
            .split("fn ")
            .zip(source.split("fn ").skip(1))
            .map(|(before, function)| {
                let name = function.split(['(', '<']).next().unwrap_or_default();
                let public = before.trim_end().ends_with("pub");
                let body = function.split("\n}\n").next().unwrap_or_default();
                (
                    name,
                    public,
                    body.split("\n    }\n").next().unwrap_or_default(),
                )
            })
            .collect();
        let mut reading: Vec<&str> = Vec::new();
        loop {
            let more: Vec<&str> = functions
                .iter()
                .filter(|(name, _, body)| {
                    !reading.contains(name)
                        && (names_later_words(body) || reading.iter().any(|r| names(body, r)))
                })
                .map(|(name, _, _)| *name)
                .collect();
            if more.is_empty() {
                break;
            }
            reading.extend(more);
        }
        // Called as a method (`.name(`), or as a function of its module, which the caller names
        // (`print::name`, or `print::{…, name}` in its `use` lines).
        let module = file
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .trim_end_matches(".rs");
        for (name, _, _) in functions
            .iter()
            .filter(|(n, public, _)| *public && reading.contains(n))
        {
            for (other, text) in sources
                .iter()
                .filter(|(f, _)| !PARTS_SOURCES.contains(&f.as_str()) && f != file)
            {
                let calls = text.contains(&format!(".{name}("))
                    || (text.contains(&format!("{module}::")) && names(text, name));
                assert!(
                    !calls,
                    "{other} calls `{name}` of {file}, which reads words the first screen does not have"
                );
            }
        }
    }
    // And the components among those files are reached only through a part: no module of the first
    // screen names them (split points in lazy.rs, and mod.rs, which declares them).
    for (other, source) in sources.iter().filter(|(f, _)| {
        f.starts_with("src/components/")
            && !PARTS_SOURCES.contains(&f.as_str())
            && !["src/components/lazy.rs", "src/components/mod.rs"].contains(&f.as_str())
    }) {
        for part in PARTS_SOURCES
            .iter()
            .filter_map(|f| f.strip_prefix("src/components/"))
        {
            let module = part.trim_end_matches(".rs");
            for named in [
                format!("super::{module}::"),
                format!("components::{module}::"),
            ] {
                assert!(
                    !source.contains(&named),
                    "{other} uses `{named}`, a part's module"
                );
            }
        }
    }
}

/// The widget's classes (`rw-…`) that `code` names.
fn classes(code: &str) -> std::collections::BTreeSet<&str> {
    code.match_indices("rw-")
        .map(|(at, _)| {
            let name = &code[at..];
            let end = name[3..]
                .find(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'))
                .map_or(name.len(), |e| e + 3);
            &name[..end]
        })
        .collect()
}

/// Every selector of a stylesheet (comments left out, lists split at their top-level commas), with
/// the @-rules' own lines (`@media print`) left out.
fn selectors(sheet: &str) -> Vec<String> {
    let mut code = String::new();
    let mut rest = sheet;
    while let Some(start) = rest.find("/*") {
        code.push_str(&rest[..start]);
        rest = rest[start..]
            .split_once("*/")
            .map_or("", |(_, after)| after);
    }
    code.push_str(rest);
    let mut found = Vec::new();
    for prelude in code
        .split('{')
        .filter_map(|before| before.rsplit(['}', ';']).next())
    {
        let prelude = prelude.trim();
        if prelude.is_empty() || prelude.starts_with('@') {
            continue;
        }
        let mut depth = 0;
        let mut selector = String::new();
        for c in prelude.chars() {
            match c {
                '(' => depth += 1,
                ')' => depth -= 1,
                ',' if depth == 0 => {
                    found.push(selector.trim().to_owned());
                    selector.clear();
                    continue;
                }
                _ => {}
            }
            selector.push(c);
        }
        found.push(selector.trim().to_owned());
    }
    found
}

#[test]
fn only_the_parts_draw_with_the_rules_that_come_with_them() {
    // The first screen is drawn before the sections' stylesheet arrives (if it ever does): each rule
    // there must match only elements the sections' code makes, a class only those files name; and
    // every such rule belongs there, not in the first screen's download.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let sources = all_sources(root);
    let loader = std::fs::read_to_string(root.join("www/reciprocity-widget.js")).expect("readable");
    let mut first_screen = classes(&loader);
    let mut sections = std::collections::BTreeSet::new();
    for (file, code) in &sources {
        if PARTS_SOURCES.contains(&file.as_str()) {
            sections.extend(classes(code));
        } else {
            first_screen.extend(classes(code));
        }
    }
    let only_sections: Vec<&str> = sections.difference(&first_screen).copied().collect();
    assert!(only_sections.contains(&"rw-question"), "{only_sections:?}");
    let read = |name: &str| std::fs::read_to_string(root.join("www").join(name)).expect("readable");
    let parts = selectors(&read("reciprocity-parts.css"));
    assert!(parts.len() > 50, "{parts:?}");
    for selector in &parts {
        assert!(
            classes(selector).iter().any(|c| only_sections.contains(c)),
            "`{selector}` in www/reciprocity-parts.css can match what the first screen draws: move it to reciprocity-widget.css"
        );
    }
    for selector in selectors(&read("reciprocity-widget.css")) {
        assert!(
            !classes(&selector).iter().any(|c| only_sections.contains(c)),
            "`{selector}` in www/reciprocity-widget.css matches only what the sections draw: move it to reciprocity-parts.css"
        );
    }
}

#[test]
fn a_table_holds_only_words_a_visitor_reads() {
    let (_, words, _, _) = bundled::TABLES[0];
    assert_eq!(words[0], "", "place 0 is the empty text");
    // The browser hands a table over as one string, its words joined by a separator none contains.
    for (lang, words, _, _) in bundled::TABLES {
        let separator = reciprocity_widget::core::text::SEPARATOR;
        assert!(!words.iter().any(|w| w.contains(separator)), "{lang}");
    }
    // Ids, phone numbers and the article quotes for reviewers stay out of the download.
    for id in [
        "reflect",
        "practice-pause-overgiving",
        "US",
        "988",
        "1-800-799-7233",
    ] {
        assert!(!words.contains(&id), "{id} is in the table");
    }
    let en = &bundled::CONTENT;
    for a in en.actions_for(None) {
        assert!(!words.contains(&a.source), "a source quote is in the table");
    }
}

/// Every Rust source file under `src/`: its path relative to the root, and its code without its own
/// tests (they run natively, where every word is compiled in). Each file read once.
fn all_sources(root: &Path) -> Vec<(String, String)> {
    let mut files = vec![root.join("src")];
    let mut found = Vec::new();
    while let Some(path) = files.pop() {
        if path.is_dir() {
            for entry in std::fs::read_dir(&path).expect("src/ is readable") {
                files.push(entry.expect("listable").path());
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            let relative = path.strip_prefix(root).expect("under the root");
            let source = std::fs::read_to_string(&path).expect("readable");
            let end = source
                .find("#[cfg(test)]\nmod tests")
                .unwrap_or(source.len());
            found.push((
                relative.to_string_lossy().replace('\\', "/"),
                source[..end].to_owned(),
            ));
        }
    }
    found
}
