//! The widget's state and every change a visitor can make to it, as a pure reducer.
//!
//! No storage, clock or randomness in here: the time an action happened travels in the action, and the
//! app saves the document in an effect after the state changes. That keeps every rule testable natively.

use super::content::{Content, CONTEXT_IDS};
use super::document::{Answer, Attempt, Document, View, MAX_ATTEMPTS};
use std::rc::Rc;
use yew::Reducible;

#[derive(Debug, Clone)]
pub struct AppState {
    pub content: &'static Content,
    pub doc: Document,
}

/// Content is static and never changes under a running widget: comparing it by address keeps every
/// "did this action change anything?" check as cheap as comparing the document.
impl PartialEq for AppState {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.content, other.content) && self.doc == other.doc
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Navigate(View),
    /// Check or uncheck a checklist action.
    SetDone {
        action: String,
        done: bool,
    },
    ResetChecklist,
    /// Choose who the check is about; starts an attempt if none is in progress.
    ChooseContext {
        context: String,
        now: u64,
    },
    /// Go back to the "who is this about" screen, keeping the answers.
    ChangeContext,
    Answer {
        item: String,
        answer: Answer,
    },
    Next,
    Back,
    /// Finish the attempt in progress and show the plan.
    Finish {
        now: u64,
    },
    /// Start a new attempt; finished ones stay for comparison.
    Retake {
        now: u64,
    },
    /// The content note: leave out the statements about hard times, or include them.
    ChooseSensitive {
        skip: bool,
    },
    /// The "clear my answers when I exit" setting.
    SetClearOnExit(bool),
    /// Another tab saved a newer document, or the visitor loaded one from a file. This tab keeps its
    /// own open section.
    Replace(Document),
    /// Delete everything: back to an empty document (the open section stays).
    Forget,
}

impl AppState {
    pub fn new(content: &'static Content, doc: Document) -> Self {
        AppState { content, doc }
    }

    /// The attempt in progress, if any.
    pub fn current(&self) -> Option<&Attempt> {
        self.doc.quiz.current()
    }

    /// Who the newest attempt with a choice was about: the picker starts there on a retake, and the
    /// visitor confirms it again.
    pub fn last_context(&self) -> Option<&str> {
        self.doc
            .quiz
            .attempts
            .iter()
            .rev()
            .find_map(|a| a.context.as_deref())
    }

    fn current_mut(&mut self) -> Option<&mut Attempt> {
        self.doc
            .quiz
            .attempts
            .last_mut()
            .filter(|a| a.finished.is_none())
    }

    /// Whether `answer` is a possible answer to the question with id `item`.
    fn accepts(&self, item: &str, answer: Answer) -> bool {
        let range = if item == self.content.balance.id {
            -3..=3
        } else if self.content.items.iter().any(|i| i.id == item) {
            1..=5
        } else {
            return false;
        };
        match answer {
            Answer::Value(v) => range.contains(&v),
            Answer::PreferNot => true,
        }
    }

    /// How many screens the check in progress has (fewer when the visitor left out hard times).
    pub fn question_count(&self) -> usize {
        let skip = self.current().and_then(|a| a.skip_sensitive) == Some(true);
        self.content.questions(skip).len()
    }

    /// Applies an action; `None` when it changes nothing (so the app neither re-renders nor saves).
    pub fn apply(&self, action: Action) -> Option<AppState> {
        let mut next = self.clone();
        let last_question = self.question_count() - 1;
        match action {
            Action::Navigate(view) => next.doc.view = view,
            Action::SetDone { action, done } => {
                if !self.content.action_ids().any(|id| id == action) {
                    return None;
                }
                let set = &mut next.doc.checklist.done;
                if done {
                    set.insert(action);
                } else {
                    set.remove(&action);
                }
            }
            Action::ResetChecklist => {
                // Only ids of the current content are cleared; unknown ids belong to another content
                // version and stay (see `Checklist::done`).
                let known: Vec<&str> = self.content.action_ids().collect();
                next.doc
                    .checklist
                    .done
                    .retain(|id| !known.contains(&id.as_str()));
            }
            Action::ChooseContext { context, now } => {
                if !CONTEXT_IDS.contains(&context.as_str()) {
                    return None;
                }
                match next.current_mut() {
                    Some(attempt) => attempt.context = Some(context),
                    None => push_attempt(&mut next.doc, Attempt::new(now, Some(context))),
                }
                next.doc.view = View::Quiz;
            }
            Action::ChangeContext => next.current_mut()?.context = None,
            Action::Answer { item, answer } => {
                if !self.accepts(&item, answer) {
                    return None;
                }
                next.current_mut()?.answers.insert(item, answer);
            }
            Action::Next => {
                let attempt = next.current_mut()?;
                attempt.question = (attempt.question + 1).min(last_question);
            }
            Action::Back => {
                let attempt = next.current_mut()?;
                attempt.question = attempt.question.saturating_sub(1).min(last_question);
            }
            Action::Finish { now } => {
                let attempt = next.current_mut()?;
                attempt.finished = Some(now.max(attempt.started));
                next.doc.view = View::Plan;
            }
            Action::Retake { now } => {
                if self.current().is_none() {
                    push_attempt(&mut next.doc, Attempt::new(now, None));
                }
                next.doc.view = View::Quiz;
            }
            Action::ChooseSensitive { skip } => {
                let attempt = next.current_mut()?;
                attempt.skip_sensitive = Some(skip);
                attempt.question = 0;
            }
            Action::SetClearOnExit(on) => next.doc.settings.clear_on_exit = Some(on),
            Action::Replace(doc) => {
                let view = next.doc.view;
                next.doc = doc;
                next.doc.view = view;
            }
            Action::Forget => {
                let view = next.doc.view;
                next.doc = Document {
                    view,
                    ..Document::default()
                };
            }
        }
        (next != *self).then_some(next)
    }
}

fn push_attempt(doc: &mut Document, attempt: Attempt) {
    doc.quiz.attempts.push(attempt);
    let excess = doc.quiz.attempts.len().saturating_sub(MAX_ATTEMPTS);
    doc.quiz.attempts.drain(..excess);
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match self.apply(action) {
            Some(next) => Rc::new(next),
            None => self,
        }
    }
}
