//! "Learn more": whether it is open, and its text, fetched the first time it opens (never before: it
//! is not part of the first screen's download) and kept until the page closes.
//!
//! Learn is a state of the screen, not of the saved document: it replaces the section on screen until
//! the visitor goes back, and a reload starts without it.

use super::super::lazy::{learn as learn_part, prefetch_learn, NotLoaded};
use super::focus::{focus_now, Focus, PendingFocus};
use crate::core::learn::{Learn, Place};
use crate::core::strings::cat;
use crate::web::learn::{cached, load};
use std::rc::Rc;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// How long a load may take before the visitor is told it failed (the text still shows if it arrives
/// later).
const TIMEOUT_MS: u32 = 20_000;

/// The Learn text.
#[derive(Debug, Clone, Copy)]
pub enum Load {
    /// Not asked for yet.
    Idle,
    Loading,
    Failed,
    Ready(&'static Learn),
}

impl PartialEq for Load {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            // The text never changes once fetched: the same address is the same text.
            (Load::Ready(a), Load::Ready(b)) => std::ptr::eq(*a, *b),
            _ => std::mem::discriminant(self) == std::mem::discriminant(other),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LearnState {
    /// `Some(at)` while Learn is on screen: opened at the top (`None`) or at an id.
    opened: Option<Option<&'static str>>,
    /// Counts openings, so focus moves to the place asked for once per opening.
    openings: u32,
    load: Load,
    /// Counts loads started, so a timeout only fails the load it was set for.
    attempt: u32,
}

pub enum LearnAction {
    Open(Option<&'static str>),
    Close,
    Start,
    Arrived(&'static Learn),
    Failed { attempt: u32 },
    Retry,
}

impl Reducible for LearnState {
    type Action = LearnAction;

    fn reduce(self: Rc<Self>, action: LearnAction) -> Rc<Self> {
        let s = *self;
        let next = match (action, s.load) {
            (LearnAction::Open(at), _) => LearnState {
                opened: Some(at),
                openings: s.openings + 1,
                ..s
            },
            (LearnAction::Close, _) if s.opened.is_some() => LearnState { opened: None, ..s },
            (LearnAction::Start, Load::Idle) => LearnState {
                load: Load::Loading,
                attempt: s.attempt + 1,
                ..s
            },
            // Text that arrives is shown, even after a timeout said it failed.
            (LearnAction::Arrived(learn), _) => LearnState {
                load: Load::Ready(learn),
                ..s
            },
            (LearnAction::Failed { attempt }, Load::Loading) if attempt == s.attempt => {
                LearnState {
                    load: Load::Failed,
                    ..s
                }
            }
            (LearnAction::Retry, Load::Failed) => LearnState {
                load: Load::Idle,
                ..s
            },
            _ => return self,
        };
        Rc::new(next)
    }
}

/// Learn for the rest of the widget (through the `Widget` context): whether it is open, its text, and
/// opening and closing it.
#[derive(Clone, PartialEq)]
pub struct LearnControl {
    state: LearnState,
    dispatcher: UseReducerDispatcher<LearnState>,
    url: Option<AttrValue>,
    focus: PendingFocus,
}

impl LearnControl {
    /// Whether Learn is on screen (instead of the section).
    pub fn is_open(&self) -> bool {
        self.state.opened.is_some()
    }

    /// The id Learn was opened at, if any.
    pub fn at(&self) -> Option<&'static str> {
        self.state.opened.flatten()
    }

    pub fn load(&self) -> Load {
        self.state.load
    }

    /// Opens Learn at the top (`None`), or at a section, passage or question by its id, where focus
    /// goes once the text is in (see [`crate::core::learn::passages_for`]). A link that opens it at an
    /// id should carry `data-focus={Focus::LearnLink(id).attr()}`, so focus comes back to it.
    pub fn open(&self, at: Option<&'static str>) {
        let ready = self.url.as_deref().and_then(cached).is_some();
        // Focus goes to Learn's heading, unless it can go straight to the place asked for.
        if at.is_none() || !ready {
            self.focus.set(Focus::ViewHeading);
        }
        self.dispatcher.dispatch(LearnAction::Open(at));
    }

    /// Closes Learn; focus goes back to what opened it.
    pub fn close(&self) {
        if let Some(at) = self.state.opened {
            self.focus
                .set(at.map_or(Focus::LearnButton, Focus::LearnLink));
        }
        self.dispatcher.dispatch(LearnAction::Close);
    }

    /// Closes Learn and leaves focus alone (the visitor chose another section).
    pub fn leave(&self) {
        self.dispatcher.dispatch(LearnAction::Close);
    }

    /// Loads the text again after a failure.
    pub fn retry(&self) {
        // "Try again" gives way to "Loading…": focus goes to the heading above.
        self.focus.set(Focus::ViewHeading);
        self.dispatcher.dispatch(LearnAction::Retry);
    }
}

/// Learn for a widget whose text is at `url` (`None`: nowhere, so opening it says it could not be
/// loaded). `root` is the widget's root element, where focus targets are looked for.
#[hook]
pub fn use_learn(url: Option<AttrValue>, root: NodeRef, focus: PendingFocus) -> LearnControl {
    let state = use_reducer(|| LearnState {
        opened: None,
        openings: 0,
        load: url
            .as_deref()
            .and_then(cached)
            .map_or(Load::Idle, Load::Ready),
        attempt: 0,
    });
    // The last opening whose place got focus.
    let focused = use_mut_ref(|| 0_u32);

    // Fetch when open and not loaded yet (the first opening, or after "Try again").
    {
        let dispatcher = state.dispatcher();
        let url = url.clone();
        let start = state.opened.is_some() && state.load == Load::Idle;
        let attempt = state.attempt + 1;
        use_effect_with(start, move |start| {
            if !*start {
                return;
            }
            dispatcher.dispatch(LearnAction::Start);
            let timeout = dispatcher.clone();
            // Left to run out: once the text is in (or another load started), it changes nothing.
            gloo_timers::callback::Timeout::new(TIMEOUT_MS, move || {
                timeout.dispatch(LearnAction::Failed { attempt });
            })
            .forget();
            spawn_local(async move {
                let result = match url.as_deref() {
                    // Reading the text takes Learn's part of the wasm: both are fetched side by
                    // side, and the text is read once both are here.
                    Some(url) => {
                        prefetch_learn();
                        let decoder = async {
                            learn_part()
                                .await
                                .map(|part| part.decode)
                                .map_err(|NotLoaded| {
                                    "its part of the WebAssembly could not be fetched".to_owned()
                                })
                        };
                        load(url, decoder).await
                    }
                    None => Err("no address for it".to_owned()),
                };
                match result {
                    Ok(learn) => dispatcher.dispatch(LearnAction::Arrived(learn)),
                    Err(problem) => {
                        web_sys::console::warn_1(
                            &cat(&[
                                "reciprocity-widget: could not load the Learn more text from ",
                                url.as_deref().unwrap_or("(unknown)"),
                                ": ",
                                &problem,
                            ])
                            .into(),
                        );
                        dispatcher.dispatch(LearnAction::Failed { attempt });
                    }
                }
            });
        });
    }

    // Once the text is on screen, focus moves to the place Learn was opened at (once per opening).
    {
        let s = *state;
        use_effect(move || {
            if let (Some(Some(id)), Load::Ready(learn)) = (s.opened, s.load) {
                if *focused.borrow() != s.openings {
                    *focused.borrow_mut() = s.openings;
                    let target = match learn.place(id) {
                        Some(Place::Heading(id) | Place::Question(id)) => Focus::LearnPart(id),
                        None => Focus::ViewHeading,
                    };
                    focus_now(&root, target);
                }
            }
        });
    }

    LearnControl {
        state: *state,
        dispatcher: state.dispatcher(),
        url,
        focus,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text() -> &'static Learn {
        Box::leak(Box::new(Learn {
            lang: "en".into(),
            sections: Vec::new(),
            faq: Vec::new(),
        }))
    }

    fn after(actions: impl IntoIterator<Item = LearnAction>) -> LearnState {
        let start = Rc::new(LearnState {
            opened: None,
            openings: 0,
            load: Load::Idle,
            attempt: 0,
        });
        *actions.into_iter().fold(start, |state, a| state.reduce(a))
    }

    #[test]
    fn opening_closing_and_loading() {
        use LearnAction::*;
        let s = after([Open(Some("culture")), Start]);
        assert_eq!(s.opened, Some(Some("culture")));
        assert_eq!((s.load, s.attempt, s.openings), (Load::Loading, 1, 1));
        // Starting twice does not start a second load.
        assert_eq!(after([Open(None), Start, Start]).attempt, 1);
        let learn = text();
        let s = after([Open(None), Start, Arrived(learn), Close]);
        assert_eq!((s.opened, s.load), (None, Load::Ready(learn)));
        // Each opening counts, so focus moves to the place asked for each time.
        assert_eq!(after([Open(None), Close, Open(Some("a"))]).openings, 2);
    }

    #[test]
    fn a_failure_counts_only_for_its_own_load_and_text_that_arrives_late_still_shows() {
        use LearnAction::*;
        let s = after([Open(None), Start, Failed { attempt: 1 }]);
        assert_eq!(s.load, Load::Failed);
        // "Try again" starts afresh; the first load's timeout then changes nothing.
        let s = after([Open(None), Start, Failed { attempt: 1 }, Retry, Start]);
        assert_eq!((s.load, s.attempt), (Load::Loading, 2));
        let s = after([
            Open(None),
            Start,
            Failed { attempt: 1 },
            Retry,
            Start,
            Failed { attempt: 1 },
        ]);
        assert_eq!(s.load, Load::Loading);
        // Retry only after a failure.
        assert_eq!(after([Open(None), Start, Retry]).load, Load::Loading);
        let learn = text();
        assert_eq!(
            after([Open(None), Start, Failed { attempt: 1 }, Arrived(learn)]).load,
            Load::Ready(learn)
        );
        // Once in, a timeout does not take the text away.
        assert_eq!(
            after([Open(None), Start, Arrived(learn), Failed { attempt: 1 }]).load,
            Load::Ready(learn)
        );
    }
}
