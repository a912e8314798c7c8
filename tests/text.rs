//! `content/text/<lang>.json`, the words the browser downloads for a language, are written from
//! `content/<lang>.json` by `build.rs`'s walk: this test fails when a table file and its content file
//! drift apart, and says how to bring them back together.
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
    for (lang, words, json) in bundled::TABLES {
        assert_eq!(words.len(), bundled::TEXT_LEN, "{lang}");
        let path = dir.join(format!("{lang}.json"));
        if std::env::var_os("UPDATE_TEXT").is_some() {
            std::fs::write(&path, json).expect("content/text/ is writable");
        }
        let kept = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            kept == *json,
            "content/text/{lang}.json is out of date: run `UPDATE_TEXT=1 cargo test --test text`"
        );
    }
    // No table of a language that has no content any more.
    for entry in std::fs::read_dir(&dir).expect("content/text/ exists") {
        let name = entry.expect("listable").file_name();
        let name = name.to_string_lossy();
        let lang = name.strip_suffix(".json").unwrap_or(&name);
        assert!(
            bundled::LANGUAGES.contains(&lang),
            "content/text/{name} has no content/{lang}.json"
        );
    }
}

#[test]
fn a_table_holds_only_words_a_visitor_reads() {
    let (_, words, _) = bundled::TABLES[0];
    assert_eq!(words[0], "", "place 0 is the empty text");
    // The browser hands a table over as one string, its words joined by a separator none contains.
    for (lang, words, _) in bundled::TABLES {
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
