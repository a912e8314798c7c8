//! What the widget tells the host page through DOM events, and the privacy rule behind it.
//!
//! Host pages often run tag managers that forward every event they see. So by default an event says
//! only which widget sent it; the counts and per-form summary are added only when the clinic sets
//! `share-results-with-page` (README and the embedding guide explain the trade-off).

use super::config::EmbedConfig;
use super::content::Content;
use super::document::Document;
use super::scoring::{profile, Direction};
use serde::Serialize;

pub const READY: &str = "reciprocity-ready";
pub const CHECKLIST_CHANGE: &str = "reciprocity-checklist-change";
pub const QUIZ_COMPLETE: &str = "reciprocity-quiz-complete";

/// An event's `detail`. `R` is how the results are held: [`Results`] here; in the browser, the plain
/// object the results part made of them (see `web::events`), so that the first screen's events carry
/// no serializer.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct Detail<R = Results> {
    pub namespace: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub checklist: Option<ChecklistSummary>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub results: Option<R>,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct ChecklistSummary {
    pub done: usize,
    pub total: usize,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct Results {
    /// `gives-more`, `receives-more`, `balanced` or `unknown`.
    pub direction: &'static str,
    pub forms: Vec<FormResult>,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct FormResult {
    pub form: &'static str,
    pub give: Option<f64>,
    pub receive: Option<f64>,
}

fn bare<R>(config: &EmbedConfig) -> Detail<R> {
    Detail {
        namespace: config.namespace.as_str().to_owned(),
        checklist: None,
        results: None,
    }
}

pub fn ready<R>(config: &EmbedConfig) -> Detail<R> {
    bare(config)
}

pub fn checklist_change<R>(config: &EmbedConfig, content: &Content, doc: &Document) -> Detail<R> {
    let mut detail = bare(config);
    if config.share_results {
        // The counts the visitor sees: the actions shown for who the checklist is about.
        let relationship = doc.relationship().or(config.context);
        let (done, total) = content.checklist_progress(&doc.checklist.done, relationship);
        detail.checklist = Some(ChecklistSummary { done, total });
    }
    detail
}

/// The newest finished check's results, as an event carries them when the clinic shares them. Working
/// them out takes the scoring, which arrives with the sections (a part of the wasm, see
/// `components/lazy.rs`): the first screen asks for it only when a check finishes on a page that
/// shares results.
pub fn results(content: &'static Content, doc: &Document) -> Option<Results> {
    let p = profile(content, doc.quiz.finished().next()?);
    Some(Results {
        direction: match p.direction {
            Direction::GivesMore => "gives-more",
            Direction::ReceivesMore => "receives-more",
            Direction::Balanced => "balanced",
            Direction::Unknown => "unknown",
        },
        forms: p
            .forms
            .iter()
            .map(|f| FormResult {
                form: f.form,
                give: f.give,
                receive: f.receive,
            })
            .collect(),
    })
}

/// For the newest finished attempt: its `results` (see [`results`]) only when the clinic shares them.
pub fn quiz_complete<R>(config: &EmbedConfig, results: Option<R>) -> Detail<R> {
    let mut detail = bare(config);
    if config.share_results {
        detail.results = results;
    }
    detail
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::content::bundled::CONTENT;
    use crate::core::document::{Answer, Attempt};
    use crate::core::relationship::Relationship;

    fn finished_doc() -> Document {
        let mut doc = Document::default();
        doc.checklist
            .done
            .insert(CONTENT.steps[0].actions[0].id.to_owned());
        let mut attempt = Attempt::new(1, Some(Relationship::Partner));
        for item in CONTENT.later().items {
            attempt.answers.insert(item.id.to_owned(), Answer::Value(4));
        }
        attempt.finished = Some(2);
        doc.quiz.attempts.push(attempt);
        doc
    }

    #[test]
    fn by_default_events_carry_no_answers_and_no_scores() {
        let config = EmbedConfig::default();
        let doc = finished_doc();
        for detail in [
            ready(&config),
            checklist_change(&config, &CONTENT, &doc),
            quiz_complete(&config, results(&CONTENT, &doc)),
        ] {
            assert_eq!(
                serde_json::to_string(&detail).unwrap(),
                r#"{"namespace":"default"}"#
            );
        }
    }

    #[test]
    fn sharing_adds_progress_and_the_per_form_summary() {
        let config = EmbedConfig {
            share_results: true,
            ..EmbedConfig::default()
        };
        let doc = finished_doc();
        let checklist: Detail = checklist_change(&config, &CONTENT, &doc);
        // The check was about a partner: the counts are those of a partner's checklist.
        let partner = CONTENT.actions_for(Some(Relationship::Partner)).count();
        assert!(partner < CONTENT.action_count());
        assert_eq!(
            checklist.checklist,
            Some(ChecklistSummary {
                done: 1,
                total: partner
            })
        );
        let quiz = quiz_complete(&config, results(&CONTENT, &doc));
        let results = quiz.results.unwrap();
        assert_eq!(results.direction, "balanced");
        assert_eq!(results.forms.len(), 6);
        assert_eq!(results.forms[0].give, Some(4.0));
    }
}
