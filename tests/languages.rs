//! Every language is complete, and says what the English says where it must: the same places (the
//! build already refuses another shape), the same placeholders at each place, nothing left in English
//! but proper names, and the same numbers, addresses and web links in the crisis and support content.
//! The meaning of each language's content is checked by `Content::validate` (tests/content.rs) and
//! its Learn text by `Learn::validate` (tests/learn.rs).
#![cfg(not(target_arch = "wasm32"))]

use reciprocity_widget::core::content::bundled;
use std::collections::BTreeSet;

/// The `{name}` placeholders of `text`, with repeats.
fn placeholders(text: &str) -> Vec<&str> {
    let mut found: Vec<&str> = text
        .match_indices('{')
        .filter_map(|(start, _)| {
            let end = text[start..].find('}')?;
            Some(&text[start..=start + end])
        })
        .collect();
    found.sort_unstable();
    found
}

/// `text` without its `{name}` placeholders.
fn without_placeholders(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        match rest[start..].find('}') {
            Some(end) => rest = &rest[start + end + 1..],
            None => {
                rest = &rest[start..];
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Runs of ASCII digits, and anything that looks like a web or e-mail address, in `text`.
fn numbers_and_addresses(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut digits = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() {
            digits.push(c);
        } else if !digits.is_empty() {
            found.insert(std::mem::take(&mut digits));
        }
    }
    for word in text.split_whitespace() {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        if word.contains("://")
            || word.contains('@')
            || (word.contains('.')
                && word.chars().any(|c| c.is_ascii_alphabetic())
                && !word.ends_with('.')
                && word.split('.').all(|p| !p.is_empty()))
        {
            found.insert(word.to_owned());
        }
    }
    found
}

/// Places whose words may stay as the English has them: the names services give themselves, and
/// the framework's letters.
fn may_stay_english(place: &str) -> bool {
    (place.contains(".lines[") || place.contains(".abuse_lines[")) && place.ends_with(".name")
        || place.starts_with(".steps[") && place.ends_with(".letter")
}

/// The crisis and support content, where numbers and addresses must not change. (Quick exit's "press 2
/// more times" is a count, which a language may write in words: Arabic has a dual.)
fn is_support(place: &str) -> bool {
    place.starts_with(".support.") || place.starts_with(".ui.support_")
}

/// Every place of `words` (a language's table) with the English there: `(place, english, words)`.
fn beside_english(
    words: &'static [&'static str],
) -> impl Iterator<Item = (&'static str, &'static str, &'static str)> {
    bundled::TEXT_PLACES
        .iter()
        .zip(bundled::TABLES[0].1.iter().zip(words.iter()))
        .map(|(place, (en, translated))| (*place, *en, *translated))
}

#[test]
fn every_language_has_the_english_placeholders_at_every_place() {
    for (lang, words, _, _) in &bundled::TABLES[1..] {
        for (place, en, translated) in beside_english(words) {
            assert_eq!(
                placeholders(translated),
                placeholders(en),
                "content/{lang}.json{place}: {translated:?} has other placeholders than the English {en:?}"
            );
        }
    }
}

#[test]
fn nothing_is_left_in_english_but_proper_names() {
    for (lang, words, _, _) in &bundled::TABLES[1..] {
        let untranslated: Vec<String> = beside_english(words)
            .filter(|(place, en, translated)| {
                // Strings without a letter outside their placeholders (a list separator ", ",
                // "{form}: {note}") are the same in many languages.
                without_placeholders(en).chars().any(char::is_alphabetic)
                    && en == translated
                    && !may_stay_english(place)
                    && *place != ".dir"
            })
            .map(|(place, en, _)| format!("{place}: {en:?}"))
            .collect();
        assert!(
            untranslated.is_empty(),
            "content/{lang}.json leaves these in English:\n{}",
            untranslated.join("\n")
        );
    }
}

#[test]
fn support_content_keeps_every_number_and_address() {
    for (lang, words, _, _) in &bundled::TABLES[1..] {
        for (place, en, translated) in beside_english(words) {
            if is_support(place) {
                assert_eq!(
                    numbers_and_addresses(translated),
                    numbers_and_addresses(en),
                    "content/{lang}.json{place}: {translated:?} changes a number or address of {en:?}"
                );
            }
        }
    }
}

#[test]
fn the_iframe_page_has_a_fallback_and_a_title_in_every_language() {
    // embed.html is shown before the widget can start (or instead of it), so it carries these itself.
    let page = include_str!("../www/embed.html");
    let fallbacks: Vec<&str> = page
        .split("<p class=\"rw-embed-fallback\"")
        .skip(1)
        .collect();
    let langs: Vec<&str> = fallbacks
        .iter()
        .filter_map(|p| p.split("lang=\"").nth(1)?.split('"').next())
        .collect();
    let mut sorted = langs.clone();
    sorted.sort_unstable();
    let mut expected = bundled::LANGUAGES.to_vec();
    expected.sort_unstable();
    assert_eq!(sorted, expected, "one fallback per language");
    for (lang, p) in langs.iter().zip(&fallbacks) {
        let title = p
            .split("data-title=\"")
            .nth(1)
            .and_then(|t| t.split('"').next());
        assert!(
            title.is_some_and(|t| !t.trim().is_empty()),
            "{lang}: a data-title"
        );
        let text = p
            .split_once('>')
            .map(|(_, rest)| rest.split("</p>").next().unwrap_or(""));
        assert!(
            text.is_some_and(|t| t.trim().len() > 20),
            "{lang}: a fallback sentence"
        );
        // The direction the language's own content gives (place 2 of its table).
        let (_, words, _, _) = bundled::TABLES
            .iter()
            .find(|(l, _, _, _)| l == lang)
            .expect("a table");
        let dir = words[2];
        assert!(p.contains(&format!("dir=\"{dir}\"")), "{lang}: dir {dir}");
    }
}

#[test]
fn the_checks_catch_what_they_are_for() {
    assert_eq!(placeholders("Question {n} of {total}"), ["{n}", "{total}"]);
    assert_eq!(without_placeholders("“{form}”: {note}."), "“”: .");
    assert_ne!(
        placeholders("Question {n} sur {n}"),
        placeholders("Question {n} of {total}")
    );
    assert_eq!(
        numbers_and_addresses("Call 1-800-799-7233 or see sheltersafe.ca."),
        ["1", "799", "7233", "800", "sheltersafe.ca"]
            .map(String::from)
            .into()
    );
    assert_ne!(
        numbers_and_addresses("Appelez le 1-800-799-7234"),
        numbers_and_addresses("Call 1-800-799-7233")
    );
    assert!(may_stay_english(".support.regions[0].lines[0].name"));
    assert!(!may_stay_english(".support.regions[0].name"));
    assert!(is_support(".support.regions[1].abuse_note"));
    // The places are the table's: one per word, the empty text first.
    assert_eq!(bundled::TEXT_PLACES.len(), bundled::TEXT_LEN);
    assert_eq!(bundled::TEXT_PLACES[1], ".lang");
}
