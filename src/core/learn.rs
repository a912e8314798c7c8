//! "Learn more": background reading on give and take, as data.
//!
//! Unlike the rest of the words (`content/<lang>.json`, compiled in by `build.rs`), this text is not
//! part of the first download: it lives in `content/learn/<lang>.json`, which the build copies next to
//! the widget's files, and the browser fetches it the first time a visitor opens Learn (see
//! `web/learn.rs`). The browser parses it (`Response::json()`) and the result is read into the types
//! below through a `json::Tree`, as the saved document is; the native tests read the same file with
//! serde_json and check it with [`Learn::validate`].
//!
//! Every paragraph, list item and answer carries the passage of the article it traces to (`source`,
//! for reviewers; not shown). Every section, passage and question has a stable `id`, so other parts of
//! the widget can open Learn at it ([`passages_for`] picks the ones that fit a plan).

use super::relationship::Relationship;
use serde::Deserialize;
use std::collections::BTreeSet;

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Learn {
    /// The language of the text, as in `content/<lang>.json`.
    pub lang: String,
    pub sections: Vec<Section>,
    /// The questions people often ask, with short answers.
    pub faq: Vec<Question>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    pub heading: String,
    /// Talks about painful experiences: a short note before it lets the visitor skip it.
    #[serde(default)]
    pub sensitive: bool,
    pub passages: Vec<Passage>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Passage {
    pub id: String,
    /// Empty for a section's opening passage, which sits under the section's heading.
    #[serde(default)]
    pub heading: String,
    pub paragraphs: Vec<Paragraph>,
    /// Shown as a bulleted list after the paragraphs.
    #[serde(default)]
    pub list: Vec<Paragraph>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Paragraph {
    pub text: String,
    /// The words of the article this paragraph traces to (verbatim). Checked by the tests on the
    /// repository's file; the shipped copy leaves it out (scripts/minify.mjs), so it may be empty here.
    #[serde(default)]
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub question: String,
    pub answer: String,
    /// The words of the article this answer traces to (verbatim); left out of the shipped copy, like
    /// [`Paragraph::source`].
    #[serde(default)]
    pub source: String,
}

/// The id of the questions' heading (a section of its own on screen, not in the file).
pub const FAQ_ID: &str = "questions";

/// What to move focus to when Learn opens at an id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place<'a> {
    /// The heading of a section or passage, by id: a passage without a heading of its own gives its
    /// section's.
    Heading(&'a str),
    /// A question, by id (it opens).
    Question(&'a str),
}

impl Learn {
    /// Where an id (of a section, passage or question) is, if it is there.
    pub fn place(&self, id: &str) -> Option<Place<'_>> {
        for section in &self.sections {
            if section.id == id {
                return Some(Place::Heading(&section.id));
            }
            if let Some(passage) = section.passages.iter().find(|p| p.id == id) {
                let heading = if passage.heading.is_empty() {
                    &section.id
                } else {
                    &passage.id
                };
                return Some(Place::Heading(heading));
            }
        }
        if id == FAQ_ID {
            return Some(Place::Heading(FAQ_ID));
        }
        self.faq
            .iter()
            .find(|q| q.id == id)
            .map(|q| Place::Question(&q.id))
    }

    /// Every text a visitor reads, with a name saying where it is.
    pub fn texts(&self) -> Vec<(String, &str)> {
        let mut out = Vec::new();
        for section in &self.sections {
            out.push((format!("{}.heading", section.id), section.heading.as_str()));
            for passage in &section.passages {
                if !passage.heading.is_empty() {
                    out.push((format!("{}.heading", passage.id), passage.heading.as_str()));
                }
                for (i, p) in passage.paragraphs.iter().enumerate() {
                    out.push((format!("{}.paragraphs[{i}]", passage.id), p.text.as_str()));
                }
                for (i, p) in passage.list.iter().enumerate() {
                    out.push((format!("{}.list[{i}]", passage.id), p.text.as_str()));
                }
            }
        }
        for q in &self.faq {
            out.push((format!("{}.question", q.id), q.question.as_str()));
            out.push((format!("{}.answer", q.id), q.answer.as_str()));
        }
        out
    }

    /// Every source quote, with a name saying whose it is.
    pub fn sources(&self) -> Vec<(String, &str)> {
        let mut out = Vec::new();
        for passage in self.sections.iter().flat_map(|s| &s.passages) {
            for (i, p) in passage.paragraphs.iter().enumerate() {
                out.push((format!("{}.paragraphs[{i}]", passage.id), p.source.as_str()));
            }
            for (i, p) in passage.list.iter().enumerate() {
                out.push((format!("{}.list[{i}]", passage.id), p.source.as_str()));
            }
        }
        for q in &self.faq {
            out.push((q.id.clone(), q.source.as_str()));
        }
        out
    }

    /// Everything a shipped Learn file must satisfy (the article check is in `tests/learn.rs`, which
    /// reads the article). Returns every problem found.
    pub fn validate(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut ids = BTreeSet::new();
        let mut unique = |id: &str, problems: &mut Vec<String>| {
            let well_formed = !id.is_empty()
                && id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            if id == FAQ_ID {
                problems.push(format!("id `{id}` is taken by the questions' heading"));
            } else if !well_formed {
                problems.push(format!("id `{id}` is not lowercase letters, digits and -"));
            } else if !ids.insert(id.to_owned()) {
                problems.push(format!("id `{id}` is used twice"));
            }
        };
        if self.sections.is_empty() {
            problems.push("there are no sections".to_owned());
        }
        for section in &self.sections {
            unique(&section.id, &mut problems);
            if section.passages.is_empty() {
                problems.push(format!("section `{}` has no passage", section.id));
            }
            for (i, passage) in section.passages.iter().enumerate() {
                unique(&passage.id, &mut problems);
                if passage.paragraphs.is_empty() {
                    problems.push(format!("passage `{}` has no paragraph", passage.id));
                }
                if i > 0 && passage.heading.trim().is_empty() {
                    problems.push(format!(
                        "passage `{}` needs a heading (only a section's first may go without)",
                        passage.id
                    ));
                }
            }
        }
        if self.faq.len() < 12 {
            problems.push(format!(
                "at least 12 questions are asked for, found {}",
                self.faq.len()
            ));
        }
        for q in &self.faq {
            unique(&q.id, &mut problems);
        }
        for (place, text) in self.texts().into_iter().chain(self.sources()) {
            if text.trim().is_empty() {
                problems.push(format!("{place} is empty"));
            }
        }
        for (place, text) in self.texts() {
            if let Some(figure) = percentage(text) {
                problems.push(format!(
                    "{place} gives a figure ({figure}); the article's statistics are not sourced"
                ));
            }
        }
        for id in Hint::all().flat_map(Hint::passages) {
            if self.place(id).is_none() {
                problems.push(format!(
                    "the plan links to `{id}`, which is not in the file"
                ));
            }
        }
        problems
    }
}

/// A percentage or a proportion in words ("61%", "nearly half", "three-quarters"), if `text` has one.
fn percentage(text: &str) -> Option<&'static str> {
    let lower = text.to_lowercase();
    [
        "%",
        "percent",
        "per cent",
        "half of",
        "nearly half",
        "two-thirds",
        "two thirds",
        "three-quarters",
        "three quarters",
    ]
    .into_iter()
    .find(|figure| lower.contains(figure))
}

/// What the plan knows about a visitor's answers, as far as Learn is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    /// The answers lean towards the visitor giving more.
    GivesMore,
    /// The answers lean towards the visitor receiving more.
    ReceivesMore,
    Balanced,
    /// Both sides low.
    BothLow,
    /// The forms lean different ways, or the overall answer differs from the details.
    Mixed,
    /// Who the check was about.
    About(Relationship),
}

impl Hint {
    /// `gives_more`, `receives_more`, `balanced`, `both_low`, `mixed`, or a relationship id.
    pub fn parse(id: &str) -> Option<Hint> {
        Some(match id {
            "gives_more" => Hint::GivesMore,
            "receives_more" => Hint::ReceivesMore,
            "balanced" => Hint::Balanced,
            "both_low" => Hint::BothLow,
            "mixed" => Hint::Mixed,
            other => Hint::About(Relationship::parse(other)?),
        })
    }
}

/// Shown when the hints say little (none given, or only who it is about).
const FALLBACK: [&str; 2] = ["balance-over-time", "why-no-blame"];

impl Hint {
    /// Every hint there is.
    pub fn all() -> impl Iterator<Item = Hint> {
        [
            Hint::GivesMore,
            Hint::ReceivesMore,
            Hint::Balanced,
            Hint::BothLow,
            Hint::Mixed,
        ]
        .into_iter()
        .chain(Relationship::ALL.map(Hint::About))
    }

    /// The passages that fit this hint, best first. [`Learn::validate`] checks that each is in the
    /// file.
    fn passages(self) -> &'static [&'static str] {
        match self {
            Hint::GivesMore => &["if-you-give-more", "why-conditioning", "why-fear-of-loss"],
            Hint::ReceivesMore => &[
                "if-you-receive-more",
                "why-emotional-labour",
                "why-different-styles",
            ],
            Hint::Balanced => &["balance-over-time", "why-different-styles"],
            Hint::BothLow => &["why-burnout", "why-different-styles", "balance-over-time"],
            Hint::Mixed => &["why-different-styles", "balance-over-time"],
            Hint::About(Relationship::Partner) => &["with-a-partner"],
            Hint::About(Relationship::Family) => &["in-a-family"],
            Hint::About(Relationship::Friend) => &["with-a-friend"],
            Hint::About(Relationship::Colleague) => &["with-a-colleague"],
        }
    }
}

/// The two or three Learn passages that fit a plan described by `hints`, best first: the two that fit
/// the answers best, then the one about this kind of relationship, then more about the answers, then
/// general ones. No id twice.
pub fn passages_for(hints: &[Hint]) -> Vec<&'static str> {
    let about: Vec<&'static str> = hints
        .iter()
        .filter(|h| matches!(h, Hint::About(_)))
        .flat_map(|h| h.passages().iter().copied())
        .collect();
    let answers: Vec<&'static str> = hints
        .iter()
        .filter(|h| !matches!(h, Hint::About(_)))
        .flat_map(|h| h.passages().iter().copied())
        .collect();
    let (best, rest) = answers.split_at(answers.len().min(2));
    let mut out: Vec<&'static str> = Vec::new();
    let candidates = best
        .iter()
        .chain(about.iter().take(1))
        .chain(rest)
        .chain(FALLBACK.iter());
    for id in candidates {
        if out.len() == 3 {
            break;
        }
        if !out.contains(id) {
            out.push(id);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_parse_from_their_ids() {
        assert_eq!(Hint::parse("gives_more"), Some(Hint::GivesMore));
        assert_eq!(Hint::parse("both_low"), Some(Hint::BothLow));
        assert_eq!(
            Hint::parse("friend"),
            Some(Hint::About(Relationship::Friend))
        );
        assert_eq!(Hint::parse("boss"), None);
    }

    #[test]
    fn each_profile_gets_two_or_three_passages_that_fit_it() {
        use Hint::*;
        let cases: [(&[Hint], &[&str]); 8] = [
            (
                &[GivesMore],
                &["if-you-give-more", "why-conditioning", "why-fear-of-loss"],
            ),
            (
                &[ReceivesMore],
                &[
                    "if-you-receive-more",
                    "why-emotional-labour",
                    "why-different-styles",
                ],
            ),
            (
                &[Balanced],
                &["balance-over-time", "why-different-styles", "why-no-blame"],
            ),
            (
                &[BothLow],
                &["why-burnout", "why-different-styles", "balance-over-time"],
            ),
            (
                &[GivesMore, About(Relationship::Friend)],
                &["if-you-give-more", "why-conditioning", "with-a-friend"],
            ),
            (
                &[About(Relationship::Colleague), Mixed],
                &[
                    "why-different-styles",
                    "balance-over-time",
                    "with-a-colleague",
                ],
            ),
            (
                &[Mixed, Balanced],
                &["why-different-styles", "balance-over-time", "why-no-blame"],
            ),
            (&[], &["balance-over-time", "why-no-blame"]),
        ];
        for (hints, expected) in cases {
            assert_eq!(passages_for(hints), expected, "{hints:?}");
        }
        // Whatever the hints, two or three ids, none twice.
        let all = [
            GivesMore,
            ReceivesMore,
            Balanced,
            BothLow,
            Mixed,
            About(Relationship::Partner),
            About(Relationship::Family),
        ];
        for a in all {
            for b in all {
                let ids = passages_for(&[a, b]);
                assert!((2..=3).contains(&ids.len()), "{a:?} {b:?}: {ids:?}");
                let distinct: BTreeSet<_> = ids.iter().collect();
                assert_eq!(distinct.len(), ids.len(), "{a:?} {b:?}: {ids:?}");
            }
        }
    }

    #[test]
    fn figures_are_caught() {
        assert!(percentage("About 61% of people").is_some());
        assert!(percentage("nearly half of adults").is_some());
        assert!(percentage("Three-quarters of workers").is_some());
        assert_eq!(percentage("Ten minutes each night, once a month"), None);
    }
}
