//! The saved document: everything the widget remembers for one namespace, as one JSON value.
//!
//! The shape is part of the storage contract (README, "What it stores"), so fields are only ever added
//! with defaults; anything else bumps [`SCHEMA`] and gets a migration in [`super::codec`].

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The schema this code writes. Documents with a lower number are migrated on load; a higher number
/// means a newer widget wrote it, and this code leaves it alone.
pub const SCHEMA: u32 = 3;

/// How many quiz attempts are kept. Old attempts beyond this are dropped so that repeated retakes cannot
/// fill the origin's storage (it is shared with the host page).
pub const MAX_ATTEMPTS: usize = 12;

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub schema: u32,
    /// The section that was open, so a reload comes back to it.
    #[serde(default)]
    pub view: View,
    #[serde(default)]
    pub checklist: Checklist,
    #[serde(default)]
    pub quiz: Quiz,
    #[serde(default)]
    pub settings: Settings,
}

impl Document {
    /// Nothing the visitor did is in it: no ticks, no checks, no settings (the open section aside).
    pub fn is_empty(&self) -> bool {
        self.checklist.done.is_empty()
            && self.quiz.attempts.is_empty()
            && self.settings == Settings::default()
    }
}

impl Default for Document {
    fn default() -> Self {
        Document {
            schema: SCHEMA,
            view: View::default(),
            checklist: Checklist::default(),
            quiz: Quiz::default(),
            settings: Settings::default(),
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
}

#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum View {
    #[default]
    Checklist,
    Quiz,
    Plan,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq, Default)]
#[serde(deny_unknown_fields)]
pub struct Checklist {
    /// Ids of the actions the visitor has checked. Ids no longer in the content are kept (a later
    /// content version may bring them back) but not counted.
    pub done: BTreeSet<String>,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq, Default)]
#[serde(deny_unknown_fields)]
pub struct Quiz {
    /// Oldest first. The last one may be unfinished (the attempt in progress).
    pub attempts: Vec<Attempt>,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Attempt {
    /// Unix milliseconds when the attempt was started.
    pub started: u64,
    /// Unix milliseconds when the visitor asked for their plan; `None` while in progress.
    #[serde(default)]
    pub finished: Option<u64>,
    /// Who the attempt is about (`partner`, `family`, `friend`, `colleague`); `None` until chosen.
    #[serde(default)]
    pub context: Option<String>,
    /// Index of the question on screen (0-based), so the visitor resumes where they left.
    #[serde(default)]
    pub question: usize,
    /// Answers by item id.
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    /// The visitor's answer to the content note: leave out the statements about hard times (`true`),
    /// include them (`false`), or not asked yet (`None`).
    #[serde(default)]
    pub skip_sensitive: Option<bool>,
}

impl Attempt {
    pub fn new(started: u64, context: Option<String>) -> Self {
        Attempt {
            started,
            finished: None,
            context,
            question: 0,
            answers: BTreeMap::new(),
            skip_sensitive: None,
        }
    }
}

/// One answer. "Prefer not to answer" is recorded (so the visitor sees their choice kept when they go
/// back) but never counted in a score.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// 1..=5 on the frequency scale, or −3..=3 on the balance item.
    Value(i8),
    PreferNot,
}

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
