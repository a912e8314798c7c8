//! Quick exit: the "Exit this page" link and the Shift×3 gesture, listened for on the whole page.
//! Exiting covers the widget at once, clears the saved data if the visitor (or the clinic's default)
//! asked for that, then replaces this page in history with a neutral one.

use crate::core::content::UiText;
use crate::core::quick_exit::{Gesture, Outcome, WINDOW_MS};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The state of quick exit for the toolbar and the overlay.
#[derive(Clone, PartialEq)]
pub struct QuickExit {
    /// The page is being replaced: the overlay covers the widget.
    pub exiting: bool,
    /// Shift presses counted so far by the gesture.
    pub presses: u8,
    /// What the gesture's live region says (empty when nothing).
    pub status: String,
    /// Leaves now.
    pub exit: Callback<()>,
}

/// `before_leaving` runs just before the page is replaced (it clears the saved data when asked to);
/// the latest one given is used, although the page-wide listeners are set up once.
#[hook]
pub fn use_quick_exit(
    ui: &'static UiText,
    exit_url: String,
    before_leaving: Callback<()>,
) -> QuickExit {
    let exiting = use_state(|| false);
    let presses = use_state(|| 0u8);
    let status = use_state(String::new);

    let exit = {
        let exiting = exiting.clone();
        Callback::from(move |_: ()| {
            exiting.set(true);
            before_leaving.emit(());
            if let Some(window) = web_sys::window() {
                let _ = window.location().replace(&exit_url);
            }
        })
    };
    let latest_exit = use_mut_ref(|| exit.clone());
    *latest_exit.borrow_mut() = exit.clone();

    // The Shift×3 gesture on the whole page, and the back-forward cache bringing the page back (the
    // overlay must not be there then).
    {
        let (presses, status, exiting) = (presses.clone(), status.clone(), exiting.clone());
        let (two, one, expired) = (ui.exit_remaining_2, ui.exit_remaining_1, ui.exit_expired);
        use_effect_with((), move |_| {
            let gesture = Rc::new(RefCell::new(Gesture::default()));
            let timer = Rc::new(RefCell::new(None::<gloo_timers::callback::Timeout>));
            let show: Rc<dyn Fn(Outcome)> = {
                let gesture = gesture.clone();
                Rc::new(move |outcome| {
                    presses.set(gesture.borrow().count);
                    match outcome {
                        Outcome::Quiet => {}
                        Outcome::Remaining(2) => status.set(two.to_string()),
                        Outcome::Remaining(_) => status.set(one.to_string()),
                        Outcome::Expired => status.set(expired.to_string()),
                        Outcome::Exit => {
                            status.set(String::new());
                            let exit = latest_exit.borrow().clone();
                            exit.emit(());
                        }
                    }
                })
            };
            let document = web_sys::window().and_then(|w| w.document());
            let listeners = document.map(|document| {
                let down = {
                    let (gesture, show) = (gesture.clone(), show.clone());
                    gloo_events::EventListener::new(&document, "keydown", move |event| {
                        if let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() {
                            let outcome = gesture.borrow_mut().key_down(&event.key());
                            show(outcome);
                        }
                    })
                };
                let up = {
                    let (gesture, show, timer) = (gesture.clone(), show.clone(), timer.clone());
                    gloo_events::EventListener::new(&document, "keyup", move |event| {
                        let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                            return;
                        };
                        let outcome = gesture
                            .borrow_mut()
                            .key_up(&event.key(), js_sys::Date::now());
                        if outcome == Outcome::Remaining(2) {
                            // The first press opens the window: say "expired" when it runs out with
                            // presses still owed (tick says nothing if the count was reset or done).
                            let (gesture, show) = (gesture.clone(), show.clone());
                            *timer.borrow_mut() = Some(gloo_timers::callback::Timeout::new(
                                WINDOW_MS as u32 + 50,
                                move || {
                                    let outcome = gesture.borrow_mut().tick(js_sys::Date::now());
                                    show(outcome);
                                },
                            ));
                        }
                        show(outcome);
                    })
                };
                (down, up)
            });
            let pageshow = web_sys::window().map(|window| {
                gloo_events::EventListener::new(&window, "pageshow", move |_| exiting.set(false))
            });
            move || drop((listeners, pageshow, timer))
        });
    }

    QuickExit {
        exiting: *exiting,
        presses: *presses,
        status: (*status).clone(),
        exit,
    }
}
