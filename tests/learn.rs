//! The Learn text (`content/learn/<lang>.json`), read as the browser reads it, but with serde_json: it
//! parses into the core's types, passes `Learn::validate`, every paragraph, list item and answer traces
//! to words that really are in the article, and every `ui` string Learn uses exists.
//!
//! The article is the repository's copy, `content/source/article.txt` (the same one `tests/content.rs`
//! checks the checklist and the statements against).
#![cfg(not(target_arch = "wasm32"))]

use reciprocity_widget::core::content::bundled;
use reciprocity_widget::core::learn::{passages_for, Hint, Learn, Place};
use std::path::PathBuf;

fn learn_files() -> Vec<(String, Learn)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("content/learn");
    let mut files: Vec<(String, Learn)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            let learn =
                serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            (
                path.file_stem().unwrap().to_string_lossy().into_owned(),
                learn,
            )
        })
        .collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    files
}

fn english() -> Learn {
    learn_files()
        .into_iter()
        .find(|(lang, _)| lang == "en")
        .expect("content/learn/en.json")
        .1
}

/// Straight quotes and single spaces, so a source matches whatever quote marks and line breaks the
/// article and the JSON use.
fn normalise(text: &str) -> String {
    let straight: String = text
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            c => c,
        })
        .collect();
    straight.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn article() -> String {
    let text = include_str!("../content/source/article.txt");
    assert!(text.len() > 10_000, "the article is there");
    normalise(text)
}

#[test]
fn every_learn_file_parses_and_is_valid() {
    let files = learn_files();
    assert!(files.iter().any(|(lang, _)| lang == "en"));
    for (lang, learn) in &files {
        let problems = learn.validate();
        assert!(
            problems.is_empty(),
            "content/learn/{lang}.json:\n{}",
            problems.join("\n")
        );
        assert_eq!(&learn.lang, lang);
        assert!(
            bundled::LANGUAGES.contains(&lang.as_str()),
            "content/learn/{lang}.json has no content/{lang}.json for its interface"
        );
    }
}

#[test]
fn every_paragraph_and_answer_traces_to_the_article() {
    let article = article();
    let learn = english();
    let sources = learn.sources();
    let missing: Vec<String> = sources
        .iter()
        .filter(|(_, source)| !article.contains(&normalise(source)))
        .map(|(place, source)| format!("{place}: {source:?}"))
        .collect();
    assert!(
        missing.is_empty(),
        "sources not found in the article:\n{}",
        missing.join("\n")
    );
    // Each paragraph has its own source; one quote for the whole file would pass the check above.
    assert_eq!(sources.len(), learn.texts().len() - headings(&learn));
}

fn headings(learn: &Learn) -> usize {
    learn.sections.len()
        + learn
            .sections
            .iter()
            .flat_map(|s| &s.passages)
            .filter(|p| !p.heading.is_empty())
            .count()
        + learn.faq.len()
}

#[test]
fn english_covers_what_the_issue_asks_for() {
    let learn = english();
    assert!(learn.faq.len() >= 12, "{} questions", learn.faq.len());
    let ids: Vec<&str> = learn
        .sections
        .iter()
        .flat_map(|s| {
            std::iter::once(s.id.as_str()).chain(s.passages.iter().map(|p| p.id.as_str()))
        })
        .collect();
    for id in [
        "why-it-slips",
        "why-conditioning",
        "why-fear-of-loss",
        "why-burnout",
        "why-emotional-labour",
        "why-mental-health",
        "after-hard-times",
        "hyper-independence",
        "hard-times-overgiving",
        "shutdown",
        "gentle-steps",
        "kinds-of-relationship",
        "with-a-partner",
        "in-a-family",
        "with-a-friend",
        "with-a-colleague",
        "culture",
        "culture-us",
        "culture-india",
        "culture-uk",
        "culture-australia",
        "culture-canada",
        "culture-uae",
        "one-sided",
        "one-sided-signs",
    ] {
        assert!(ids.contains(&id), "no section or passage `{id}`");
    }
    let all: String = learn
        .texts()
        .into_iter()
        .map(|(_, t)| t)
        .collect::<Vec<_>>()
        .join("\n");
    assert!(all.contains("shape behaviour, not intention"));
    assert!(all.contains("boundaries offered as reassurance"));
    // Culture is described as what some people recognise, never as what a nationality is.
    let culture = learn.sections.iter().find(|s| s.id == "culture").unwrap();
    for passage in culture
        .passages
        .iter()
        .skip(1)
        .filter(|p| p.id != "culture-your-own-way")
    {
        let first = &passage.paragraphs[0].text;
        assert!(
            first.starts_with("Some people") || first.starts_with("Many relationships"),
            "{}: {first:?}",
            passage.id
        );
    }
    // The painful part can be skipped: it is marked, so a note comes before it.
    assert!(learn
        .sections
        .iter()
        .any(|s| s.id == "after-hard-times" && s.sensitive));
}

#[test]
fn the_plan_links_point_at_real_passages() {
    let learn = english();
    for a in Hint::all() {
        for b in Hint::all() {
            for id in passages_for(&[a, b]) {
                assert!(
                    matches!(learn.place(id), Some(Place::Heading(_))),
                    "{a:?} + {b:?} links to `{id}`, which has no heading in Learn"
                );
            }
        }
    }
}

#[test]
fn places_resolve_to_a_heading_or_a_question() {
    let learn = english();
    assert_eq!(learn.place("culture"), Some(Place::Heading("culture")));
    assert_eq!(
        learn.place("culture-uk"),
        Some(Place::Heading("culture-uk"))
    );
    // A section's opening passage has no heading of its own: its section's heading stands for it.
    assert_eq!(
        learn.place("why-no-blame"),
        Some(Place::Heading("why-it-slips"))
    );
    assert_eq!(
        learn.place("faq-keeping-score"),
        Some(Place::Question("faq-keeping-score"))
    );
    assert_eq!(learn.place("questions"), Some(Place::Heading("questions")));
    assert_eq!(learn.place("nowhere"), None);
}

#[test]
fn the_validator_catches_each_kind_of_mistake() {
    let good = english();
    let expect = |learn: Learn, needle: &str| {
        let problems = learn.validate();
        assert!(
            problems.iter().any(|p| p.contains(needle)),
            "expected a problem mentioning {needle:?}, got {problems:?}"
        );
    };

    let mut l = good.clone();
    l.faq[1].id = l.faq[0].id.clone();
    expect(l, "used twice");

    let mut l = good.clone();
    l.sections[1].passages[0].id = l.sections[0].id.clone();
    expect(l, "used twice");

    let mut l = good.clone();
    l.sections[0].passages[1].paragraphs[0].text = " ".into();
    expect(l, "is empty");

    let mut l = good.clone();
    l.faq[0].source = String::new();
    expect(l, "is empty");

    let mut l = good.clone();
    l.faq.truncate(11);
    expect(l, "at least 12 questions");

    let mut l = good.clone();
    l.faq[2].answer = "About 61% of people feel this.".into();
    expect(l, "gives a figure");

    let mut l = good.clone();
    l.sections[0].passages[2].heading = String::new();
    expect(l, "needs a heading");

    let mut l = good.clone();
    l.sections[4]
        .passages
        .retain(|p| p.id != "if-you-give-more");
    expect(l, "the plan links to `if-you-give-more`");

    let mut l = good.clone();
    l.sections[0].id = "Why It Slips".into();
    expect(l, "not lowercase");

    let mut l = good;
    l.sections[0].id = "questions".into();
    expect(l, "taken by the questions");
}

#[test]
fn unknown_fields_are_refused() {
    let text = r#"{ "lang": "en", "sections": [], "faq": [], "extra": 1 }"#;
    assert!(serde_json::from_str::<Learn>(text).is_err());
    let text = r#"{ "lang": "en", "sections": [ { "id": "a", "heading": "A", "passages": [
        { "id": "b", "paragraphs": [ { "text": "t", "sorce": "s" } ] } ] } ], "faq": [] }"#;
    assert!(serde_json::from_str::<Learn>(text).is_err());
}

#[test]
fn the_plan_s_links_name_their_passages_as_learn_does() {
    let learn = english();
    let en = &bundled::CONTENT;
    assert!(!en.later().learn_links.is_empty(), "links measured");
    for (id, name) in en.later().learn_links.iter() {
        let heading = learn
            .sections
            .iter()
            .flat_map(|s| {
                std::iter::once((s.id.as_str(), s.heading.as_str())).chain(
                    s.passages
                        .iter()
                        .map(|p| (p.id.as_str(), p.heading.as_str())),
                )
            })
            .find(|(place, _)| place == id)
            .map(|(_, heading)| heading);
        let heading =
            heading.unwrap_or_else(|| panic!("the plan links to {id}, which Learn lacks"));
        // A passage without a heading of its own opens its section: the link says the section.
        let section = learn
            .sections
            .iter()
            .find(|s| s.passages.iter().any(|p| p.id == *id))
            .map(|s| s.heading.as_str());
        assert!(
            *name == heading || (heading.is_empty() && Some(name.get()) == section),
            "the plan calls {id} {name:?}, Learn calls it {heading:?}"
        );
    }
}
