//! The check taken together on one device: two people who both want to answer the same statements in
//! turn, then see side by side what each gives and receives, form by form.
//!
//! A session lives in memory only (the component's state), never in the saved document: nothing of it
//! is stored unless both people choose to keep the results, and then only as a
//! [`TogetherRecord`] through [`super::state::Action::KeepTogether`].
//!
//! The phases, and who can see which answers in each (see [`Session::visible`]):
//!
//! | phase | on screen | answers visible |
//! |---|---|---|
//! | [`Phase::Intro`] | the note (only if both want to and feel safe; nobody has to share; either can stop and delete; quick exit), who it is about, and whether to include the statements about hard times, decided together | none |
//! | [`Phase::Answering`]`(First)` | the first person's statements | the first person's own |
//! | [`Phase::Handover`] | "hand the device over" | none: the first person's are hidden |
//! | [`Phase::Answering`]`(Second)` | the second person's statements | the second person's own, never the first's |
//! | [`Phase::Results`] | both side by side, where they tell different stories, how to talk about it, keep or not | both |
//! | [`Phase::Ended`] | stopped, or kept | none: the session's answers are dropped |
//!
//! Either person can stop at any time before the end ([`Event::Stop`]): every answer of the session is
//! dropped at once. The results can be kept only when both chose to keep them ([`Session::record`]).
//!
//! Where the words around the results come from (the article, `shared/seed`), for reviewers:
//! - different stories are not a lack of care: "These differences create gaps that look like 'lack of
//!   care,' even when both partners mean well. I often remind couples that intention and style are not
//!   the same. Reciprocity breaks not because people don't love each other, but because they
//!   communicate that love differently." (why the balance slips), and "many relationship conflicts do
//!   not come from lack of love-they come from differences in how love is expressed";
//! - take turns and listen so both feel heard: "Balanced communication doesn't mean equal talk time. It
//!   means both people feel heard." and the five-second pause "helped them listen better";
//! - say what you need calmly, without blame: "Express needs without blame", "Start by expressing your
//!   needs calmly", and the example "I feel closer to you when we talk about our days." (Express);
//! - "Can we work on this together?" (how to ask for more support without sounding needy);
//! - "Let's reset" after heated moments (Repair);
//! - only when it feels safe, as every action that asks for openness or repair (see `ChecklistAction`).

use super::content::{fill, Content, Id, Question};
use super::document::{Answer, Attempt, Millis, TogetherRecord};
use super::relationship::Relationship;
use super::scoring::{profile, quoted_forms, Profile};
use super::state::accepts;
use std::rc::Rc;

/// One person's "I give" and the other's "I receive" in a form tell different stories when their
/// means differ by at least this much on the 1–5 scale: a step and a half, as between "Always" and
/// "Sometimes". It is the same gap at which one person's own answers lean one way in a form
/// (`scoring::CLEAR_GAP`), so a small difference never gets a sentence of its own. A form counts only
/// when both means are there (enough answers, see `scoring`); a form that mostly doesn't apply lately
/// has none, so it never tells a different story.
pub const DIFFERENT_STORIES: f64 = 1.5;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Person {
    First,
    Second,
}

impl Person {
    fn index(self) -> usize {
        match self {
            Person::First => 0,
            Person::Second => 1,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// The note before starting, and the two choices made together.
    Intro,
    /// One person answers; only their own answers are on screen.
    Answering(Person),
    /// The first person is done: their answers are hidden, and the device goes to the second person.
    Handover,
    /// Both are done: both see both.
    Results,
    /// Stopped, or kept: the session's answers are gone from memory.
    Ended(Ending),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// One of them stopped (or they chose not to keep the results): nothing was kept.
    Stopped,
    /// Both chose to keep the results; they are in the document now.
    Kept,
}

/// What the two people can do.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// Both want to start: who the check is about, and whether to leave out the statements about hard
    /// times. The first person answers next.
    Begin {
        context: Relationship,
        skip_sensitive: bool,
        at: Millis,
    },
    /// An answer of the person answering now, to a statement they are shown.
    Answer {
        item: Id,
        answer: Answer,
    },
    Next,
    Back,
    /// The person answering is done: the first hands over, the second opens the results.
    Done,
    /// The second person starts, after the handover.
    StartSecond,
    /// On the results: one person's choice to keep them, or not.
    Keep {
        person: Person,
        keep: bool,
    },
    /// Either person stops (or they don't keep the results): every answer of the session is dropped.
    Stop,
    /// The results were handed to the app to keep (see [`Session::record`]); the session forgets them.
    Kept,
    /// A new session, from the note.
    Again,
}

/// A check taken together, in memory.
#[derive(Debug, Clone)]
pub struct Session {
    pub content: &'static Content,
    pub phase: Phase,
    /// When the first person started: the id of a kept record.
    pub started: Millis,
    pub context: Option<Relationship>,
    pub skip_sensitive: bool,
    /// The first and the second person's answers. Private: what may be shown goes through
    /// [`Session::visible`].
    answers: [Attempt; 2],
    /// Whether each person chose to keep the results.
    pub keep: [bool; 2],
}

/// Content by address, as in `AppState`: it never changes under a running widget.
impl PartialEq for Session {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.content, other.content)
            && self.phase == other.phase
            && self.started == other.started
            && self.context == other.context
            && self.skip_sensitive == other.skip_sensitive
            && self.answers == other.answers
            && self.keep == other.keep
    }
}

impl Session {
    pub fn new(content: &'static Content) -> Self {
        Session {
            content,
            phase: Phase::Intro,
            started: 0,
            context: None,
            skip_sensitive: false,
            answers: [Attempt::new(0, None), Attempt::new(0, None)],
            keep: [false; 2],
        }
    }

    /// The screens of this session's check, in order.
    pub fn questions(&self) -> Vec<Question> {
        self.content.questions(self.skip_sensitive)
    }

    /// Whether `person`'s answers may be on screen now: only their own while they answer, none at
    /// the handover, both on the results, none before or after.
    pub fn visible(&self, person: Person) -> bool {
        match self.phase {
            Phase::Answering(answering) => answering == person,
            Phase::Results => true,
            Phase::Intro | Phase::Handover | Phase::Ended(_) => false,
        }
    }

    /// `person`'s answers, when they may be on screen (see [`Session::visible`]).
    pub fn answers_of(&self, person: Person) -> Option<&Attempt> {
        self.visible(person).then(|| &self.answers[person.index()])
    }

    /// Who is answering now, and their answers (with the statement on screen).
    pub fn answering(&self) -> Option<(Person, &Attempt)> {
        match self.phase {
            Phase::Answering(person) => Some((person, self.answers_of(person)?)),
            _ => None,
        }
    }

    /// Both people's profiles, on the results only.
    pub fn profiles(&self) -> Option<[Profile; 2]> {
        let first = self.answers_of(Person::First)?;
        let second = self.answers_of(Person::Second)?;
        Some([profile(self.content, first), profile(self.content, second)])
    }

    /// The record to keep: on the results, once both chose to keep them.
    pub fn record(&self, at: Millis) -> Option<TogetherRecord> {
        if self.phase != Phase::Results || self.keep != [true, true] {
            return None;
        }
        let [first, second] = &self.answers;
        Some(TogetherRecord {
            started: self.started,
            kept: at.max(self.started),
            context: self.context,
            skip_sensitive: self.skip_sensitive,
            first: first.answers.clone(),
            second: second.answers.clone(),
        })
    }

    /// Applies `event`; `None` when it changes nothing (or is not possible in this phase).
    pub fn apply(&self, event: Event) -> Option<Session> {
        let mut next = self.clone();
        match (self.phase, event) {
            (
                Phase::Intro,
                Event::Begin {
                    context,
                    skip_sensitive,
                    at,
                },
            ) => {
                let mut attempt = Attempt::new(at, Some(context));
                attempt.skip_sensitive = Some(skip_sensitive);
                next.answers = [attempt.clone(), attempt];
                next.started = at;
                next.context = Some(context);
                next.skip_sensitive = skip_sensitive;
                next.phase = Phase::Answering(Person::First);
            }
            (Phase::Answering(person), Event::Answer { item, answer }) => {
                let shown = self.questions().iter().any(|q| match q {
                    Question::Item(i) => i.id == item,
                    Question::Balance => self.content.later().balance.id == item,
                });
                let attempt = &mut next.answers[person.index()];
                if !shown
                    || !accepts(self.content, item, answer)
                    || attempt.answers.get(item) == Some(&answer)
                {
                    return None;
                }
                attempt.answers.insert(item.to_owned(), answer);
            }
            (Phase::Answering(person), Event::Next) => {
                let last = self.questions().len() - 1;
                let attempt = &mut next.answers[person.index()];
                attempt.question = (attempt.question + 1).min(last);
            }
            (Phase::Answering(person), Event::Back) => {
                let attempt = &mut next.answers[person.index()];
                attempt.question = attempt.question.saturating_sub(1);
            }
            (Phase::Answering(Person::First), Event::Done) => next.phase = Phase::Handover,
            (Phase::Handover, Event::StartSecond) => next.phase = Phase::Answering(Person::Second),
            (Phase::Answering(Person::Second), Event::Done) => next.phase = Phase::Results,
            (Phase::Results, Event::Keep { person, keep }) => next.keep[person.index()] = keep,
            (Phase::Answering(_) | Phase::Handover | Phase::Results, Event::Stop) => {
                next = Session::new(self.content);
                next.phase = Phase::Ended(Ending::Stopped);
            }
            (Phase::Results, Event::Kept) if self.keep == [true, true] => {
                next = Session::new(self.content);
                next.phase = Phase::Ended(Ending::Kept);
            }
            (Phase::Ended(_), Event::Again) => next = Session::new(self.content),
            _ => return None,
        }
        (next != *self).then_some(next)
    }
}

impl yew::Reducible for Session {
    type Action = Event;

    fn reduce(self: Rc<Self>, event: Event) -> Rc<Self> {
        match self.apply(event) {
            Some(next) => Rc::new(next),
            None => self,
        }
    }
}

/// A form where one person's "I give" and the other's "I receive" tell different stories.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Difference {
    pub form: Id,
    /// Whose "I give" it is; the other person's "I receive" is the other side.
    pub giver: Person,
}

/// Every form where one person's "I give" and the other's "I receive" differ by at least
/// [`DIFFERENT_STORIES`], in content order, the first person's giving before the second's.
pub fn differences(profiles: &[Profile; 2]) -> Vec<Difference> {
    let mut out = Vec::new();
    for giver in [Person::First, Person::Second] {
        let (gives, receives) = match giver {
            Person::First => (&profiles[0], &profiles[1]),
            Person::Second => (&profiles[1], &profiles[0]),
        };
        for (g, r) in gives.forms.iter().zip(receives.forms.iter()) {
            if let (Some(give), Some(receive)) = (g.give, r.receive) {
                if (give - receive).abs() >= DIFFERENT_STORIES {
                    out.push(Difference {
                        form: g.form,
                        giver,
                    });
                }
            }
        }
    }
    out
}

/// The differences in words: one sentence for the forms where the first person's giving and the
/// second's receiving differ, one for the other way round (never which is right: the answers, not the
/// people).
pub fn describe_differences(content: &Content, differences: &[Difference]) -> Vec<String> {
    let part_ui = &content.later().part_ui;
    [
        (Person::First, part_ui.together_differs_first_gives),
        (Person::Second, part_ui.together_differs_second_gives),
    ]
    .into_iter()
    .filter_map(|(giver, template)| {
        let forms: Vec<&Id> = differences
            .iter()
            .filter(|d| d.giver == giver)
            .map(|d| &d.form)
            .collect();
        (!forms.is_empty()).then(|| fill(template, &[("forms", &quoted_forms(content, &forms))]))
    })
    .collect()
}

/// Both people's profiles from a kept record.
pub fn record_profiles(content: &'static Content, record: &TogetherRecord) -> [Profile; 2] {
    let of = |answers: &super::sorted::SortedMap<String, Answer>| {
        let mut attempt = Attempt::new(record.started, record.context);
        attempt.answers = answers.clone();
        profile(content, &attempt)
    };
    [of(&record.first), of(&record.second)]
}
