//! The widget's state and every change a visitor can make to it, as a pure reducer.
//!
//! No storage, clock or randomness in here: the time an action happened travels with it (a [`Change`]),
//! and the app saves the document in an effect after the state changes. That keeps every rule testable
//! natively. Every change is stamped with its time in the document, so two tabs merge per item
//! (see [`super::merge`]).

use super::content::Content;
use super::days::Day;
use super::document::{
    Answer, Attempt, Document, Millis, TogetherRecord, View, BALANCE, FREQUENCY, MAX_ATTEMPTS,
    MAX_TOGETHER,
};
use super::reader;
use super::relationship::Relationship;
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

/// An action and the time it happened: what the reducer receives.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub action: Action,
    pub at: Millis,
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
    ChooseContext(Relationship),
    /// Go back to the "who is this about" screen, keeping the answers.
    ChangeContext,
    Answer {
        item: String,
        answer: Answer,
    },
    Next,
    Back,
    /// Finish the attempt in progress and show the plan.
    Finish,
    /// Start a new attempt; finished ones stay for comparison.
    Retake,
    /// The content note: leave out the statements about hard times, or include them.
    ChooseSensitive {
        skip: bool,
    },
    /// The "clear my answers when I exit" setting.
    SetClearOnExit(bool),
    /// Who the checklist and the check are about (chosen in the checklist; choosing in the check sets
    /// it too).
    SetRelationship(Relationship),
    /// The language the visitor chose (its words are already installed: see `core/text.rs`).
    SetLanguage(String),
    /// Mark a ritual as practised on a day (`YYYY-MM-DD`, the visitor's calendar), or take it back.
    MarkPractice {
        ritual: String,
        day: String,
        done: bool,
    },
    /// The private note on a practised day (cut at `MAX_NOTE_CHARS`; empty removes it).
    NotePractice {
        ritual: String,
        day: String,
        note: String,
    },
    /// Remove one finished check, by its id (after the visitor confirmed).
    RemoveCheck(Millis),
    /// Keep the result of a check taken together (both people chose to).
    KeepTogether(TogetherRecord),
    /// Delete a kept result of a check taken together, by its id.
    RemoveTogether(Millis),
    /// Another tab stored changes (or this tab's save found them): merge them in, per item. This tab
    /// keeps its own open section and question.
    Merge(Document),
    /// The visitor loaded a file: it replaces the progress, and starts the document afresh so that
    /// stale copies in other tabs give way. The open section stays.
    Load(Document),
    /// Delete everything: back to an empty document started afresh now (the open section stays).
    Forget,
    /// The progress was deleted in another tab: back to an empty document (the open section stays).
    DeletedElsewhere,
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
    pub fn last_context(&self) -> Option<Relationship> {
        self.doc.quiz.attempts.iter().rev().find_map(|a| a.context)
    }

    fn current_mut(&mut self) -> Option<&mut Attempt> {
        self.doc
            .quiz
            .attempts
            .last_mut()
            .filter(|a| a.finished.is_none())
    }

    /// How many screens the check in progress has (fewer when the visitor left out hard times).
    pub fn question_count(&self) -> usize {
        let skip = self.current().and_then(|a| a.skip_sensitive) == Some(true);
        self.content.questions(skip).len()
    }

    /// Applies `action`, which happened at `at`; `None` when it changes nothing (so the app neither
    /// re-renders nor saves).
    pub fn apply(&self, action: Action, at: Millis) -> Option<AppState> {
        let mut next = self.clone();
        match action {
            Action::Navigate(view) => {
                if view == self.doc.view {
                    return None;
                }
                next.doc.view = view;
                next.doc.view_at = at;
            }
            Action::SetDone { action, done } => {
                if !self.content.action_ids().any(|id| id == action)
                    || self.doc.checklist.done.contains(&action) == done
                {
                    return None;
                }
                next.doc.checklist.set(&action, done, at);
            }
            Action::ResetChecklist => {
                // Only ids of the current content are cleared; unknown ids belong to another content
                // version and stay (see `Checklist::done`).
                for id in self.content.action_ids() {
                    if self.doc.checklist.done.contains(id) {
                        next.doc.checklist.set(id, false, at);
                    }
                }
            }
            Action::SetClearOnExit(on) => {
                if self.doc.settings.clear_on_exit == Some(on) {
                    return None;
                }
                next.doc.settings.clear_on_exit = Some(on);
                next.doc.settings.changed = at;
            }
            Action::SetRelationship(relationship) => next.set_relationship(relationship, at),
            Action::SetLanguage(language) => {
                if self.doc.settings.language.as_deref() == Some(language.as_str()) {
                    return None;
                }
                next.doc.settings.language = Some(language);
                next.doc.settings.language_at = at;
            }
            Action::Merge(theirs) => {
                // Their document was read, so the reader is here (see `core::reader`).
                let reader = reader::here()?;
                next.doc = (reader.merge)(&self.doc, &theirs);
                next.keep_own_place(self);
            }
            Action::Load(doc) => {
                next.doc = Document { since: at, ..doc };
                next.keep_own_place(self);
            }
            Action::Forget => {
                next.doc = Document {
                    since: at,
                    ..Document::default()
                };
                next.keep_own_place(self);
            }
            Action::DeletedElsewhere => {
                next.doc = Document::default();
                next.keep_own_place(self);
            }
            // Only the sections send the others.
            section => return sections::apply(self, section, at),
        }
        (next != *self).then_some(next)
    }

    /// [`AppState::apply`] for the actions only the sections send: the check, the plan, Practice and the
    /// check taken together. A function of its own so that, in the browser's release build, its code
    /// travels with the sections' parts of the wasm (see [`sections`]).
    fn apply_section(&self, action: Action, at: Millis) -> Option<AppState> {
        let mut next = self.clone();
        let last_question = self.question_count() - 1;
        match action {
            Action::ChooseContext(context) => {
                next.set_relationship(context, at);
                match next.current_mut() {
                    Some(attempt) if attempt.context == Some(context) => {}
                    Some(attempt) => {
                        attempt.context = Some(context);
                        attempt.changed = at;
                    }
                    None => push_attempt(&mut next.doc, Attempt::new(at, Some(context))),
                }
                next.show(View::Quiz, at);
            }
            Action::ChangeContext => {
                let attempt = next.current_mut()?;
                attempt.context = None;
                attempt.changed = at;
            }
            Action::Answer { item, answer } => {
                if !accepts(self.content, &item, answer) {
                    return None;
                }
                let attempt = next.current_mut()?;
                if attempt.answers.get(&item) == Some(&answer) {
                    return None;
                }
                attempt.answer(&item, answer, at);
            }
            Action::Next => next
                .current_mut()?
                .move_to((self.current()?.question + 1).min(last_question), at),
            Action::Back => next.current_mut()?.move_to(
                self.current()?
                    .question
                    .saturating_sub(1)
                    .min(last_question),
                at,
            ),
            Action::Finish => {
                let attempt = next.current_mut()?;
                attempt.finished = Some(at.max(attempt.started));
                attempt.changed = at;
                next.show(View::Plan, at);
            }
            Action::Retake => {
                if self.current().is_none() {
                    push_attempt(&mut next.doc, Attempt::new(at, None));
                }
                next.show(View::Quiz, at);
            }
            Action::ChooseSensitive { skip } => {
                let attempt = next.current_mut()?;
                attempt.skip_sensitive = Some(skip);
                attempt.changed = at;
                attempt.move_to(0, at);
            }
            Action::MarkPractice { ritual, day, done } => {
                if !self.is_ritual(&ritual)
                    || Day::parse(&day).is_none()
                    || self.doc.practice.is_done(&day, &ritual) == done
                {
                    return None;
                }
                next.doc.practice.set(&day, &ritual, done, at);
            }
            Action::NotePractice { ritual, day, note } => {
                if !next.doc.practice.set_note(&day, &ritual, &note, at) {
                    return None;
                }
            }
            Action::RemoveCheck(id) => {
                let quiz = &mut next.doc.quiz;
                let before = quiz.attempts.len();
                quiz.attempts
                    .retain(|a| a.id() != id || a.finished.is_none());
                if quiz.attempts.len() == before {
                    return None;
                }
                quiz.removed.insert(id);
            }
            Action::KeepTogether(record) => {
                let together = &mut next.doc.together;
                if together.kept.iter().any(|r| r.started == record.started)
                    || together.removed.contains(&record.started)
                {
                    return None;
                }
                // Kept oldest first (by insertion: the standard library's sort costs KBs of wasm).
                let at_place = together
                    .kept
                    .iter()
                    .position(|r| r.started > record.started)
                    .unwrap_or(together.kept.len());
                together.kept.insert(at_place, record);
                let excess = together.kept.len().saturating_sub(MAX_TOGETHER);
                together.kept.drain(..excess);
            }
            Action::RemoveTogether(id) => {
                let together = &mut next.doc.together;
                let before = together.kept.len();
                together.kept.retain(|r| r.started != id);
                if together.kept.len() == before {
                    return None;
                }
                together.removed.insert(id);
            }
            // The first screen's (see `apply`).
            _ => return None,
        }
        (next != *self).then_some(next)
    }

    fn is_ritual(&self, id: &str) -> bool {
        self.content.later().rituals.iter().any(|r| r.id == id)
    }

    /// The one choice of who this is about, shared by the checklist and the check.
    fn set_relationship(&mut self, relationship: Relationship, at: Millis) {
        if self.doc.settings.relationship != Some(relationship) {
            self.doc.settings.relationship = Some(relationship);
            self.doc.settings.relationship_at = at;
        }
    }

    /// Who this is about: the visitor's choice, else the relationship of the newest check.
    pub fn relationship(&self) -> Option<Relationship> {
        self.doc.relationship()
    }

    /// Opens `view` (an action that leads to another section).
    fn show(&mut self, view: View, at: Millis) {
        if self.doc.view != view {
            self.doc.view = view;
            self.doc.view_at = at;
        }
    }

    /// After taking another document: this tab stays on the section and question it was showing.
    fn keep_own_place(&mut self, before: &AppState) {
        self.doc.view = before.doc.view;
        self.doc.view_at = before.doc.view_at;
        if let (Some(own), Some(attempt)) = (before.current(), self.current_mut()) {
            if attempt.id() == own.id() {
                attempt.question = own.question;
                attempt.moved = own.moved;
            }
        }
    }
}

impl Attempt {
    /// Shows the question at `index` from `at` on.
    fn move_to(&mut self, index: usize, at: Millis) {
        if self.question != index {
            self.question = index;
            self.moved = at;
        }
    }
}

/// Whether `answer` is a possible answer to the question with id `item` (also for the check taken
/// together, see `core::together`).
pub fn accepts(content: &Content, item: &str, answer: Answer) -> bool {
    let range = if item == content.later().balance.id {
        BALANCE
    } else if content.later().items.iter().any(|i| i.id == item) {
        FREQUENCY
    } else {
        return false;
    };
    match answer {
        Answer::Value(v) => range.contains(&v),
        Answer::PreferNot => true,
        // Only where the content says a statement may not apply.
        Answer::NotApplicable => content
            .later()
            .items
            .iter()
            .any(|i| i.id == item && i.may_not_apply),
    }
}

fn push_attempt(doc: &mut Document, mut attempt: Attempt) {
    // Attempts are told apart by their start: never two with the same one, even within a millisecond.
    if let Some(last) = doc.quiz.attempts.last() {
        attempt.started = attempt.started.max(last.started + 1);
    }
    doc.quiz.attempts.push(attempt);
    let excess = doc.quiz.attempts.len().saturating_sub(MAX_ATTEMPTS);
    doc.quiz.attempts.drain(..excess);
}

impl Reducible for AppState {
    type Action = Change;

    fn reduce(self: Rc<Self>, change: Change) -> Rc<Self> {
        match self.apply(change.action, change.at) {
            Some(next) => Rc::new(next),
            None => self,
        }
    }
}

/// What applies the actions only the sections send (`AppState::apply_section`).
pub type SectionActions = fn(&AppState, Action, Millis) -> Option<AppState>;

/// `AppState::apply_section`, for the sections' parts to hand over (see [`sections_arrived`]).
pub fn section_actions() -> SectionActions {
    AppState::apply_section
}

/// How [`AppState::apply`] reaches [`AppState::apply_section`]. In the release build (the `split`
/// feature) a section's part of the wasm hands it over when it arrives ([`sections_arrived`], from
/// `components/lazy.rs`): coming back from the part, the compiler cannot see it from the first screen,
/// so its code downloads with the sections. Only the sections send those actions, so none comes
/// before. Elsewhere (native and browser tests) it is called directly, and the reducer stays a plain
/// function.
mod sections {
    use super::{Action, AppState, Millis};

    #[cfg(feature = "split")]
    thread_local! {
        static APPLY: std::cell::Cell<Option<super::SectionActions>> =
            const { std::cell::Cell::new(None) };
    }

    #[cfg(feature = "split")]
    pub fn arrived(apply: super::SectionActions) {
        APPLY.with(|kept| kept.set(Some(apply)));
    }

    #[cfg(not(feature = "split"))]
    pub fn arrived(_: super::SectionActions) {}

    #[cfg(feature = "split")]
    pub fn apply(state: &AppState, action: Action, at: Millis) -> Option<AppState> {
        APPLY.with(std::cell::Cell::get)?(state, action, at)
    }

    #[cfg(not(feature = "split"))]
    pub fn apply(state: &AppState, action: Action, at: Millis) -> Option<AppState> {
        state.apply_section(action, at)
    }
}

/// Called with what a section's part of the wasm handed back when it arrived: from then on the
/// reducer applies the sections' actions (see `sections`).
pub fn sections_arrived(apply: SectionActions) {
    sections::arrived(apply);
}
