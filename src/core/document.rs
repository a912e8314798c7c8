//! The saved document: everything the widget remembers for one namespace, as one JSON value.
//!
//! The shape is part of the storage contract (README, "What it stores"), so fields are only ever added
//! with defaults; anything else bumps [`SCHEMA`] and gets a migration in [`super::codec`].

use super::relationship::Relationship;
use super::sorted::{SortedMap, SortedSet};
use serde::{Deserialize, Serialize};

/// Unix time in milliseconds: when something was changed. Two tabs of one page share the clock, so a
/// later time is a later change (see [`super::merge`]).
pub type Millis = u64;

/// The schema this code writes. Documents with a lower number are migrated on load; a higher number
/// means a newer widget wrote it, and this code leaves it alone.
pub const SCHEMA: u32 = 7;

// The caps below keep the fullest document they allow well under 64 KB (about 55,000 characters:
// `tests/persistence.rs` builds it and measures), so that repeated use cannot fill the origin's
// storage, which the widget shares with the host page. Each view that can reach a cap says what
// happens there.

/// How many checks are kept (one every five weeks for a year). When a new check starts with this many
/// kept, the oldest is let go; the plan's history says so.
pub const MAX_ATTEMPTS: usize = 10;

/// How many practice marks are kept: about three a week for a year. Beyond it the marks of the oldest
/// days are let go first (the practice view says so).
pub const MAX_MARKS: usize = 150;

/// The longest private note on a practice mark, in characters; a longer one is cut.
pub const MAX_NOTE_CHARS: usize = 80;

/// How many practice marks keep a note: the newest; an older mark keeps its day, not its note.
pub const MAX_NOTES: usize = 50;

/// How many ids of removed checks (and removed results taken together) are remembered, so that a
/// stale tab does not bring them back: far more than anyone removes, and about 1.5 KB at most.
pub const MAX_REMOVED: usize = 30;

/// How many results of a check taken together are kept (only those both people chose to keep).
pub const MAX_TOGETHER: usize = 3;

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub schema: u32,
    /// The section that was open, so a reload comes back to it.
    #[serde(default)]
    pub view: View,
    /// When the open section last changed: of two tabs, the later choice is the one a reload returns to.
    #[serde(default)]
    pub view_at: Millis,
    /// When this document was started afresh ("delete everything" or loading a file), `0` if never.
    /// A change made before it belongs to the data that was deleted or replaced: when two copies meet,
    /// such changes from the older copy are dropped, so a stale tab cannot bring deleted data back.
    #[serde(default)]
    pub since: Millis,
    #[serde(default)]
    pub checklist: Checklist,
    #[serde(default)]
    pub quiz: Quiz,
    #[serde(default)]
    pub settings: Settings,
    /// The rituals the visitor marked as practised (schema 7).
    #[serde(default)]
    pub practice: Practice,
    /// Results of a check taken together that both people chose to keep (schema 7).
    #[serde(default)]
    pub together: Together,
}

impl Document {
    /// Nothing the visitor did is in it: no ticks, no checks, no settings (the open section aside).
    pub fn is_empty(&self) -> bool {
        self.checklist.done.is_empty()
            && self.quiz.attempts.is_empty()
            && self.settings.clear_on_exit.is_none()
            && self.settings.relationship.is_none()
            && self.settings.language.is_none()
            && !self.practice.marks.iter().any(|m| m.done)
            && self.together.kept.is_empty()
    }

    /// Who the checklist and the check are about: the visitor's choice, else the relationship of the
    /// newest check that has one.
    pub fn relationship(&self) -> Option<Relationship> {
        self.settings
            .relationship
            .or_else(|| self.quiz.attempts.iter().rev().find_map(|a| a.context))
    }
}

impl Default for Document {
    fn default() -> Self {
        Document {
            schema: SCHEMA,
            view: View::default(),
            view_at: 0,
            since: 0,
            checklist: Checklist::default(),
            quiz: Quiz::default(),
            settings: Settings::default(),
            practice: Practice::default(),
            together: Together::default(),
        }
    }
}

/// The visitor's own choices.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq, Default)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Delete the saved data on quick exit; `None` until the visitor chooses (then the clinic's
    /// `exit-clears` default applies).
    #[serde(default)]
    pub clear_on_exit: Option<bool>,
    /// When the visitor last changed `clear_on_exit`.
    #[serde(default)]
    pub changed: Millis,
    /// Who the checklist and the check are about: asked once (in either), changeable at any time.
    #[serde(default)]
    pub relationship: Option<Relationship>,
    /// When `relationship` last changed.
    #[serde(default)]
    pub relationship_at: Millis,
    /// The language the visitor chose in the widget (a code of `content::bundled::LANGUAGES`, such as
    /// "fr"); `None` until they choose (then the page's `lang` attribute decides). A code this version
    /// has no words for is kept and not used.
    #[serde(default)]
    pub language: Option<String>,
    /// When `language` last changed.
    #[serde(default)]
    pub language_at: Millis,
}

#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
#[serde(rename_all = "snake_case")]
pub enum View {
    #[default]
    Checklist,
    Quiz,
    Plan,
    /// The practice log of the rituals (schema 7).
    Practice,
    /// The check taken by two people in turn on one device (schema 7).
    Together,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq, Default)]
#[serde(deny_unknown_fields)]
pub struct Checklist {
    /// Ids of the actions the visitor has checked. Ids no longer in the content are kept (a later
    /// content version may bring them back) but not counted.
    pub done: SortedSet<String>,
    /// When each action was last ticked or unticked, so two tabs' changes merge per action (an
    /// unticked action keeps its entry: the untick is a change too). Missing means "before schema 4".
    #[serde(default)]
    pub changed: SortedMap<String, Millis>,
}

impl Checklist {
    /// Ticks or unticks `action` at `at`.
    pub fn set(&mut self, action: &str, done: bool, at: Millis) {
        if done {
            self.done.insert(action.to_owned());
        } else {
            self.done.remove(action);
        }
        self.changed.insert(action.to_owned(), at);
    }

    /// When `action` was last changed (`0` when never, or before times were kept).
    pub fn changed_at(&self, action: &str) -> Millis {
        self.changed.get(action).copied().unwrap_or(0)
    }
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq, Default)]
#[serde(deny_unknown_fields)]
pub struct Quiz {
    /// Oldest first. The last one may be unfinished (the attempt in progress).
    pub attempts: Vec<Attempt>,
    /// Ids of attempts the visitor removed one by one, so that another tab's copy does not bring them
    /// back (schema 7); the newest [`MAX_REMOVED`].
    #[serde(default, skip_serializing_if = "SortedSet::is_empty")]
    pub removed: SortedSet<Millis>,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Attempt {
    /// Unix milliseconds when the attempt was started.
    pub started: u64,
    /// Unix milliseconds when the visitor asked for their plan; `None` while in progress.
    #[serde(default)]
    pub finished: Option<u64>,
    /// Who the attempt is about; `None` until chosen.
    #[serde(default)]
    pub context: Option<Relationship>,
    /// Index of the question on screen (0-based), so the visitor resumes where they left.
    #[serde(default)]
    pub question: usize,
    /// When `question` last moved.
    #[serde(default)]
    pub moved: Millis,
    /// Answers by item id.
    #[serde(default)]
    pub answers: SortedMap<String, Answer>,
    /// When each answer was given, so two tabs' answers merge per item. Missing means "before
    /// schema 4".
    #[serde(default)]
    pub answered: SortedMap<String, Millis>,
    /// When who the attempt is about, the content-note choice or "finished" last changed.
    #[serde(default)]
    pub changed: Millis,
    /// The visitor's answer to the content note: leave out the statements about hard times (`true`),
    /// include them (`false`), or not asked yet (`None`).
    #[serde(default)]
    pub skip_sensitive: Option<bool>,
    /// Answers to statements a later version no longer asks (reworded or split), by their old id:
    /// kept as history, never counted and never silently dropped.
    #[serde(default, skip_serializing_if = "SortedMap::is_empty")]
    pub retired: SortedMap<String, Answer>,
}

impl Attempt {
    pub fn new(started: u64, context: Option<Relationship>) -> Self {
        Attempt {
            started,
            finished: None,
            context,
            question: 0,
            moved: started,
            answers: SortedMap::new(),
            answered: SortedMap::new(),
            changed: started,
            skip_sensitive: None,
            retired: SortedMap::new(),
        }
    }

    /// Attempts are told apart by when they started: the same attempt in two tabs has the same start.
    pub fn id(&self) -> Millis {
        self.started
    }

    /// Records `answer` to `item` at `at`.
    pub fn answer(&mut self, item: &str, answer: Answer, at: Millis) {
        self.answers.insert(item.to_owned(), answer);
        self.answered.insert(item.to_owned(), at);
    }

    /// When `item` was last answered (`0` when before times were kept).
    pub fn answered_at(&self, item: &str) -> Millis {
        self.answered.get(item).copied().unwrap_or(0)
    }
}

/// One answer. "Prefer not to answer" and "Doesn't apply to us lately" are recorded (so the visitor sees
/// their choice kept when they go back) but never counted in a score; they say different things, so
/// the plan tells them apart.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// A point on the item's scale: [`FREQUENCY`] for the statements, [`BALANCE`] for the balance item.
    Value(i8),
    PreferNot,
    /// "Doesn't apply to us lately" (no disagreements, no hard times lately): not "never".
    NotApplicable,
}

/// The answer scale of the statements: 1 = never … 5 = always.
pub const FREQUENCY: std::ops::RangeInclusive<i8> = 1..=5;

/// The answer scale of the overall balance item: −3 = they give much more … 3 = I give much more.
pub const BALANCE: std::ops::RangeInclusive<i8> = -3..=3;

impl Quiz {
    /// The attempt in progress, if the last one is unfinished.
    pub fn current(&self) -> Option<&Attempt> {
        self.attempts.last().filter(|a| a.finished.is_none())
    }

    /// Finished attempts, newest first.
    pub fn finished(&self) -> impl Iterator<Item = &Attempt> {
        self.attempts.iter().rev().filter(|a| a.finished.is_some())
    }
}

/// The practice log: which ritual was practised on which day.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq, Default)]
#[serde(deny_unknown_fields)]
pub struct Practice {
    /// Ordered by day, then ritual; one per day and ritual. Unmarking keeps the mark (`done: false`,
    /// without its note) so that two tabs merge per mark, like the checklist's ticks.
    pub marks: Vec<Mark>,
}

/// A ritual marked (or unmarked) on a day of the visitor's own calendar.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Mark {
    /// The local calendar day, `YYYY-MM-DD` (see `core::days`): the day the visitor meant, whatever
    /// time zone or daylight-saving change came after.
    pub day: String,
    /// A ritual's id (`content.rituals`); ids a later content drops are kept but not shown.
    pub ritual: String,
    pub done: bool,
    /// The visitor's private note, at most [`MAX_NOTE_CHARS`] characters.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// When this mark or its note last changed.
    pub at: Millis,
}

impl Practice {
    fn position(&self, day: &str, ritual: &str) -> Result<usize, usize> {
        self.marks
            .binary_search_by(|m| (m.day.as_str(), m.ritual.as_str()).cmp(&(day, ritual)))
    }

    pub fn get(&self, day: &str, ritual: &str) -> Option<&Mark> {
        self.position(day, ritual).ok().map(|i| &self.marks[i])
    }

    /// Whether `ritual` is marked as practised on `day`.
    pub fn is_done(&self, day: &str, ritual: &str) -> bool {
        self.get(day, ritual).is_some_and(|m| m.done)
    }

    /// Marks or unmarks `ritual` on `day` at `at`. Unmarking drops the note: a mark taken back leaves
    /// no private words behind.
    pub fn set(&mut self, day: &str, ritual: &str, done: bool, at: Millis) {
        match self.position(day, ritual) {
            Ok(i) => {
                let mark = &mut self.marks[i];
                mark.done = done;
                if !done {
                    mark.note.clear();
                }
                mark.at = at;
            }
            Err(i) => self.marks.insert(
                i,
                Mark {
                    day: day.to_owned(),
                    ritual: ritual.to_owned(),
                    done,
                    note: String::new(),
                    at,
                },
            ),
        }
        self.keep_newest();
    }

    /// Puts `note` (trimmed, cut at [`MAX_NOTE_CHARS`]) on a practised mark; `false` when there is no
    /// such mark or the note is unchanged.
    pub fn set_note(&mut self, day: &str, ritual: &str, note: &str, at: Millis) -> bool {
        let note = cut_note(note);
        match self.position(day, ritual) {
            Ok(i) if self.marks[i].done && self.marks[i].note != note => {
                self.marks[i].note = note;
                self.marks[i].at = at;
                self.keep_newest();
                true
            }
            _ => false,
        }
    }

    /// Lets the oldest days go beyond [`MAX_MARKS`], and the oldest notes beyond [`MAX_NOTES`]. Marks
    /// are in day order, so "oldest" is the same in every tab: merging stays order-independent.
    pub fn keep_newest(&mut self) {
        let excess = self.marks.len().saturating_sub(MAX_MARKS);
        self.marks.drain(..excess);
        let mut notes = 0;
        for mark in self.marks.iter_mut().rev() {
            if !mark.note.is_empty() {
                notes += 1;
                if notes > MAX_NOTES {
                    mark.note.clear();
                }
            }
        }
    }
}

/// `note` trimmed and cut at [`MAX_NOTE_CHARS`] characters (never inside a character).
pub fn cut_note(note: &str) -> String {
    note.trim()
        .chars()
        .take(MAX_NOTE_CHARS)
        .collect::<String>()
        .trim_end()
        .to_owned()
}

/// Results of the check taken together that both people chose to keep.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq, Default)]
#[serde(deny_unknown_fields)]
pub struct Together {
    /// Oldest first, at most [`MAX_TOGETHER`].
    pub kept: Vec<TogetherRecord>,
    /// Ids of records deleted, so that another tab's copy does not bring them back.
    #[serde(default, skip_serializing_if = "SortedSet::is_empty")]
    pub removed: SortedSet<Millis>,
}

/// Both people's answers to one check taken together, kept because both chose to keep them.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct TogetherRecord {
    /// When the first person started: the record's id.
    pub started: Millis,
    /// When both chose to keep it.
    pub kept: Millis,
    pub context: Option<Relationship>,
    /// Whether the statements about hard times were left out (chosen together before starting).
    #[serde(default)]
    pub skip_sensitive: bool,
    /// The first and the second person's answers, by item id.
    pub first: SortedMap<String, Answer>,
    pub second: SortedMap<String, Answer>,
}
