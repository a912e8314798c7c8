//! The check taken together on one device: the state machine (who can see what, when), keeping only
//! when both chose to, stopping at any step, and where one person's "I give" and the other's "I receive"
//! tell different stories. Natively, with plain `#[test]`s.
#![cfg(not(target_arch = "wasm32"))]

use reciprocity_widget::core::content::{Content, Question, Side};
use reciprocity_widget::core::document::{Answer, Attempt, Document};
use reciprocity_widget::core::relationship::Relationship;
use reciprocity_widget::core::scoring::{answer_forms, profile};
use reciprocity_widget::core::state::{Action, AppState};
use reciprocity_widget::core::together::{
    describe_differences, differences, record_profiles, Difference, Ending, Event, Person, Phase,
    Session, DIFFERENT_STORIES,
};

fn content() -> &'static Content {
    reciprocity_widget::english()
}

fn apply(session: &Session, event: Event) -> Session {
    session
        .apply(event.clone())
        .unwrap_or_else(|| panic!("{event:?} should change the session in {:?}", session.phase))
}

fn begin(skip_sensitive: bool) -> Session {
    apply(
        &Session::new(content()),
        Event::Begin {
            context: Relationship::Partner,
            skip_sensitive,
            at: 5_000,
        },
    )
}

/// Answers every screen of the person answering now with `value(item)` (a frequency point, or the
/// balance point for the overall question), moving with Next, and ends on the last screen.
fn answer_all(mut session: Session, value: impl Fn(&str, Option<Side>) -> i8) -> Session {
    let questions = session.questions();
    for (i, question) in questions.iter().enumerate() {
        let (item, side) = match question {
            Question::Item(item) => (item.id, Some(item.side)),
            Question::Balance => (content().later().balance.id, None),
        };
        if let Some(next) = session.apply(Event::Answer {
            item,
            answer: Answer::Value(value(item, side)),
        }) {
            session = next;
        }
        if i + 1 < questions.len() {
            session = apply(&session, Event::Next);
        }
    }
    session
}

/// The first person gives 5 and receives 2 everywhere (overall: 2); the second gives 4 and receives
/// 4 (overall: 0).
fn at_results() -> Session {
    let s = begin(false);
    let s = answer_all(s, |_, side| match side {
        Some(Side::Give) => 5,
        Some(Side::Receive) => 2,
        None => 2,
    });
    let s = apply(&s, Event::Done);
    let s = apply(&s, Event::StartSecond);
    let s = answer_all(s, |_, side| if side.is_some() { 4 } else { 0 });
    apply(&s, Event::Done)
}

/// Which person's answers may be on screen: (first, second).
fn visibility(session: &Session) -> (bool, bool) {
    (
        session.answers_of(Person::First).is_some(),
        session.answers_of(Person::Second).is_some(),
    )
}

#[test]
fn the_note_comes_first_and_no_answers_are_shown_before_starting() {
    let session = Session::new(content());
    assert_eq!(session.phase, Phase::Intro);
    assert_eq!(visibility(&session), (false, false));
    assert!(session.answering().is_none());
    assert!(session.profiles().is_none());
    assert!(session.record(9_000).is_none());
    // Nothing to stop yet, and nothing else to do but begin.
    for event in [
        Event::Stop,
        Event::Next,
        Event::Done,
        Event::StartSecond,
        Event::Kept,
    ] {
        assert_eq!(
            session.apply(event.clone()),
            None,
            "{event:?} before starting"
        );
    }
}

#[test]
fn who_can_see_which_answers_in_each_phase() {
    let s = begin(false);
    assert_eq!(s.phase, Phase::Answering(Person::First));
    assert_eq!(s.context, Some(Relationship::Partner));
    assert_eq!(
        visibility(&s),
        (true, false),
        "the first person sees only their own"
    );

    let item = content().later().items[0].id;
    let s = apply(
        &s,
        Event::Answer {
            item,
            answer: Answer::Value(5),
        },
    );
    let (person, attempt) = s.answering().unwrap();
    assert_eq!(person, Person::First);
    assert_eq!(attempt.answers.get(item), Some(&Answer::Value(5)));

    let s = apply(&s, Event::Done);
    assert_eq!(s.phase, Phase::Handover);
    assert_eq!(visibility(&s), (false, false), "at the handover, nobody's");
    assert!(s.answering().is_none());
    assert!(s.profiles().is_none());

    let s = apply(&s, Event::StartSecond);
    assert_eq!(s.phase, Phase::Answering(Person::Second));
    assert_eq!(
        visibility(&s),
        (false, true),
        "the second person never sees the first person's answers"
    );
    let (person, attempt) = s.answering().unwrap();
    assert_eq!(person, Person::Second);
    assert!(
        attempt.answers.is_empty(),
        "the second person starts afresh"
    );
    assert_eq!(attempt.question, 0, "at the first statement");
    assert!(
        s.profiles().is_none(),
        "no results while the second answers"
    );

    let s = apply(&s, Event::Done);
    assert_eq!(s.phase, Phase::Results);
    assert_eq!(
        visibility(&s),
        (true, true),
        "on the results, both see both"
    );
    assert!(s.answering().is_none());
    let [first, second] = s.profiles().unwrap();
    assert_eq!(first.forms.len(), content().later().forms.len());
    assert!(
        second.forms.iter().all(|f| f.give.is_none()),
        "the second answered nothing"
    );
}

#[test]
fn the_first_person_cannot_come_back_once_the_device_is_handed_over() {
    let s = apply(&begin(true), Event::Done);
    for event in [Event::Back, Event::Next, Event::Done, Event::Kept] {
        assert_eq!(s.apply(event.clone()), None, "{event:?} at the handover");
    }
    let s = apply(&s, Event::StartSecond);
    // Back on the second person's first statement stays there: it never reaches the first's.
    assert_eq!(s.apply(Event::Back), None);
    assert_eq!(s.apply(Event::StartSecond), None);
}

#[test]
fn each_person_moves_only_through_their_own_statements() {
    let s = begin(true);
    let last = s.questions().len() - 1;
    assert_eq!(
        s.questions().len(),
        content().questions(true).len(),
        "the statements about hard times are left out when chosen"
    );
    assert_eq!(s.apply(Event::Back), None, "no screen before the first");
    let mut s = s;
    for _ in 0..last {
        s = apply(&s, Event::Next);
    }
    assert_eq!(s.answering().unwrap().1.question, last);
    assert_eq!(s.apply(Event::Next), None, "no screen after the last");
    let s = apply(&s, Event::Back);
    assert_eq!(s.answering().unwrap().1.question, last - 1);
}

#[test]
fn only_answers_to_the_statements_shown_are_taken() {
    let s = begin(true);
    let healing = content()
        .later()
        .items
        .iter()
        .find(|i| i.form == "healing")
        .unwrap();
    let practical = content()
        .later()
        .items
        .iter()
        .find(|i| i.form == "practical")
        .unwrap();
    let refused = [
        (healing.id, Answer::Value(3), "a statement left out"),
        (practical.id, Answer::Value(6), "a value off the scale"),
        (
            practical.id,
            Answer::NotApplicable,
            "\"doesn't apply\" where it is not offered",
        ),
        ("no-such-item", Answer::PreferNot, "an unknown statement"),
        (
            content().later().balance.id,
            Answer::Value(4),
            "off the overall scale",
        ),
    ];
    for (item, answer, what) in refused {
        assert_eq!(s.apply(Event::Answer { item, answer }), None, "{what}");
    }
    let s = apply(
        &s,
        Event::Answer {
            item: content().later().balance.id,
            answer: Answer::Value(-3),
        },
    );
    let s = apply(
        &s,
        Event::Answer {
            item: practical.id,
            answer: Answer::PreferNot,
        },
    );
    assert_eq!(
        s.apply(Event::Answer {
            item: practical.id,
            answer: Answer::PreferNot
        }),
        None,
        "the same answer again changes nothing"
    );
}

#[test]
fn either_person_can_stop_at_any_step_and_every_answer_is_dropped() {
    let answered = apply(
        &begin(false),
        Event::Answer {
            item: content().later().items[0].id,
            answer: Answer::Value(4),
        },
    );
    let handover = apply(&answered, Event::Done);
    let second = apply(&handover, Event::StartSecond);
    let results = at_results();
    let kept_by_one = apply(
        &results,
        Event::Keep {
            person: Person::First,
            keep: true,
        },
    );
    for session in [answered, handover, second, results, kept_by_one] {
        let from = session.phase;
        let stopped = apply(&session, Event::Stop);
        assert_eq!(
            stopped.phase,
            Phase::Ended(Ending::Stopped),
            "from {from:?}"
        );
        assert_eq!(visibility(&stopped), (false, false));
        assert!(stopped.record(10_000).is_none());
        // Nothing of the two people is left in memory: a fresh session but for the phase.
        let mut fresh = Session::new(content());
        fresh.phase = Phase::Ended(Ending::Stopped);
        assert_eq!(stopped, fresh, "every answer dropped, from {from:?}");
        assert_eq!(stopped.apply(Event::Stop), None);
        let again = apply(&stopped, Event::Again);
        assert_eq!(
            again,
            Session::new(content()),
            "a new session starts with the note"
        );
    }
}

#[test]
fn the_results_are_kept_only_when_both_choose_to_keep_them() {
    let results = at_results();
    let keep = |s: &Session, person, keep| apply(s, Event::Keep { person, keep });
    assert!(results.record(9_000).is_none(), "nobody chose yet");
    assert_eq!(results.apply(Event::Kept), None);

    let first_only = keep(&results, Person::First, true);
    assert!(first_only.record(9_000).is_none(), "one is not enough");
    assert_eq!(first_only.apply(Event::Kept), None);
    let second_only = keep(&results, Person::Second, true);
    assert!(second_only.record(9_000).is_none(), "one is not enough");

    let both = keep(&first_only, Person::Second, true);
    let withdrawn = keep(&both, Person::First, false);
    assert!(
        withdrawn.record(9_000).is_none(),
        "a choice can be taken back"
    );

    let record = both.record(9_000).expect("both chose to keep them");
    assert_eq!(record.started, 5_000);
    assert_eq!(record.kept, 9_000);
    assert_eq!(record.context, Some(Relationship::Partner));
    assert!(!record.skip_sensitive);
    assert_eq!(record.first.len(), content().questions(false).len());
    assert_eq!(record.second.len(), content().questions(false).len());
    assert_eq!(
        record_profiles(content(), &record),
        both.profiles().unwrap(),
        "a kept record reads as the results did"
    );

    let kept = apply(&both, Event::Kept);
    assert_eq!(kept.phase, Phase::Ended(Ending::Kept));
    assert_eq!(visibility(&kept), (false, false));
    assert!(
        kept.record(9_500).is_none(),
        "the session forgets what it handed over"
    );

    // Into the document: once, and a deleted record never comes back.
    let state = AppState::new(content(), Document::default());
    let state = state
        .apply(Action::KeepTogether(record.clone()), 9_001)
        .unwrap();
    assert_eq!(state.doc.together.kept, std::slice::from_ref(&record));
    assert_eq!(
        state.apply(Action::KeepTogether(record.clone()), 9_002),
        None
    );
    let state = state
        .apply(Action::RemoveTogether(record.started), 9_003)
        .unwrap();
    assert!(state.doc.together.kept.is_empty());
    assert_eq!(state.apply(Action::KeepTogether(record), 9_004), None);
}

/// A profile whose forms' "give" are `give` and "receive" are `receive`, for `forms` only.
fn profile_of(forms: &[&str], give: i8, receive: i8) -> reciprocity_widget::core::scoring::Profile {
    let mut attempt = Attempt::new(1, Some(Relationship::Partner));
    answer_forms(content(), &mut attempt, forms, give, receive);
    profile(content(), &attempt)
}

#[test]
fn different_stories_when_one_gives_and_the_other_receives_differ_by_the_threshold() {
    assert_eq!(DIFFERENT_STORIES, 1.5, "the documented threshold");
    // The first gives 5 where the second receives 3: 2 apart. The second gives 4 where the first
    // receives 3: 1 apart, close.
    let first = profile_of(&["practical", "emotional"], 5, 3);
    let second = profile_of(&["practical", "emotional"], 4, 3);
    assert_eq!(
        differences(&[first.clone(), second.clone()]),
        [
            Difference {
                form: "practical",
                giver: Person::First
            },
            Difference {
                form: "emotional",
                giver: Person::First
            },
        ]
    );
    // The other way round: the second's giving against the first's receiving.
    assert_eq!(
        differences(&[second, first])
            .iter()
            .map(|d| d.giver)
            .collect::<Vec<_>>(),
        [Person::Second, Person::Second]
    );

    // Exactly a step and a half apart counts; less does not.
    let mut gives = Attempt::new(1, None);
    let practical_give: Vec<&str> = content()
        .later()
        .items
        .iter()
        .filter(|i| i.form == "practical" && i.side == Side::Give)
        .map(|i| i.id)
        .collect();
    answer_forms(content(), &mut gives, &["practical"], 5, 3);
    gives
        .answers
        .insert(practical_give[0].to_owned(), Answer::Value(4));
    let gives = profile(content(), &gives); // gives 4.5, receives 3
    let receives = profile_of(&["practical"], 3, 3);
    assert_eq!(gives.forms[0].give, Some(4.5));
    assert_eq!(
        differences(&[gives.clone(), receives]).len(),
        1,
        "4.5 against 3.0: counts"
    );
    let receives_more = profile_of(&["practical"], 3, 4); // receives 4
    assert!(
        differences(&[gives, receives_more]).is_empty(),
        "4.5 against 4.0: close"
    );
}

#[test]
fn forms_without_enough_answers_or_that_do_not_apply_tell_no_story() {
    let first = profile_of(&["practical", "conflict"], 5, 5);
    // The second answered "doesn't apply lately" to every conflict statement, and nothing in practical.
    let mut attempt = Attempt::new(1, None);
    for item in content()
        .later()
        .items
        .iter()
        .filter(|i| i.form == "conflict")
    {
        attempt
            .answers
            .insert(item.id.to_owned(), Answer::NotApplicable);
    }
    let second = profile(content(), &attempt);
    assert!(differences(&[first, second]).is_empty());
}

#[test]
fn the_differences_in_words_name_the_forms_and_never_the_person_at_fault() {
    let ui = &content().ui;
    assert!(describe_differences(content(), &[]).is_empty());
    let words = describe_differences(
        content(),
        &[
            Difference {
                form: "practical",
                giver: Person::First,
            },
            Difference {
                form: "future",
                giver: Person::First,
            },
            Difference {
                form: "emotional",
                giver: Person::Second,
            },
        ],
    );
    assert_eq!(
        words,
        [
            "In “Practical reciprocity” and “Future reciprocity”, what the first person says they \
             give and what the second person says they receive tell different stories.",
            "In “Emotional reciprocity”, what the second person says they give and what the first \
             person says they receive tell different stories.",
        ]
    );
    // The words around the results: no blame, no score as a judgement, no diagnosis.
    let together: Vec<(&str, String)> = ui
        .fields()
        .into_iter()
        .chain(content().later().part_ui.fields())
        .filter(|(name, _)| name.starts_with("together_"))
        .map(|(name, text)| (name, text.to_lowercase()))
        .collect();
    assert!(together.len() > 40, "the together strings are found");
    for (name, text) in &together {
        for word in [
            "fault",
            "wrong",
            "diagnos",
            "better than",
            "worse",
            "should",
            "must",
        ] {
            assert!(!text.contains(word), "ui.{name} says “{word}”: {text}");
        }
    }
    // The article's words on talking about it.
    let all: String = together.iter().map(|(_, t)| t.as_str()).collect();
    for quote in [
        "i feel closer to you when we talk about our days",
        "can we work on this together?",
        "both of you feel heard",
        "let’s reset",
        "without blame",
    ] {
        assert!(all.contains(quote), "the guidance quotes “{quote}”");
    }
}
