//! The widget's root: opens storage, owns the state, saves after every change, follows other tabs,
//! tells the host page what happened, checks the clinic's theme, and moves focus after actions that
//! replace what the visitor was looking at.

use super::checklist::Checklist as ChecklistView;
use super::data_panel::{DataPanel, Keeping};
use super::focus::{use_pending_focus, PendingFocus};
use super::intro::Intro;
use super::nav::Nav;
use super::notices::Notices;
use super::plan::Plan;
use super::quiz::Quiz;
use super::support_panel::SupportPanel;
use super::toolbar::{Panel, Toolbar};
use crate::core::config::{EmbedConfig, StorageChoice, DEFAULT_EXIT_URL};
use crate::core::content::Content;
use crate::core::contrast;
use crate::core::document::{Checklist, View};
use crate::core::events;
use crate::core::notices::{NoticeAction, NoticeList};
use crate::core::persistence::{Loaded, Notice, Persistence, SaveOutcome};
use crate::core::quick_exit::{Gesture, Outcome, WINDOW_MS};
use crate::core::state::{Action, AppState};
use crate::web::events::emit;
use crate::web::now_ms;
use crate::web::storage;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub content: &'static Content,
    #[prop_or_default]
    pub config: Rc<EmbedConfig>,
    /// The element that receives the widget's DOM events (the `<reciprocity-widget>` host); `None`
    /// sends none.
    #[prop_or_default]
    pub host: Option<web_sys::HtmlElement>,
}

/// What the children get from the app: the state, a way to change it, the clinic's settings and this
/// instance's id.
#[derive(Clone, PartialEq)]
pub struct Widget {
    pub state: UseReducerHandle<AppState>,
    pub config: Rc<EmbedConfig>,
    focus: PendingFocus,
    /// A sentence for the status line after the next render ("Question 3 of 25").
    announce: Rc<RefCell<Option<String>>>,
    /// Unique per instance on the page, so radio groups and ids of two widgets never collide.
    pub instance: u32,
}

impl Widget {
    pub fn content(&self) -> &'static Content {
        self.state.content
    }

    /// Whether the clinic shows this section (the `modules` attribute).
    pub fn shows(&self, view: View) -> bool {
        self.config.modules.contains(&view)
    }

    /// The section on screen: the saved one if the clinic shows it, else the clinic's first.
    pub fn view(&self) -> View {
        let saved = self.state.doc.view;
        if self.shows(saved) {
            saved
        } else {
            self.config.modules.first().copied().unwrap_or(saved)
        }
    }

    /// Changes the state; focus stays where it is (on the control the visitor used).
    pub fn send(&self, action: Action) {
        self.state.dispatch(action);
    }

    /// Changes the state, then moves focus to the element marked `data-focus="{target}"` once it is
    /// rendered: for actions after which the control the visitor used is gone.
    pub fn send_then_focus(&self, action: Action, target: impl Into<String>) {
        self.focus.set(target);
        self.state.dispatch(action);
    }

    /// Like [`Widget::send_then_focus`], and says `sentence` through the status line (for changes a
    /// screen reader would not otherwise hear, such as the question number).
    pub fn send_then_announce(&self, action: Action, target: impl Into<String>, sentence: String) {
        *self.announce.borrow_mut() = Some(sentence);
        self.send_then_focus(action, target);
    }

    /// An id unique on the page for an element of this instance.
    pub fn id(&self, local: &str) -> String {
        format!("rw{}-{local}", self.instance)
    }
}

/// The focus target of each view's heading.
pub const VIEW_HEADING: &str = "view-heading";

static NEXT_INSTANCE: AtomicU32 = AtomicU32::new(1);

/// A status line for screen readers and sighted visitors alike.
#[derive(Clone, PartialEq, Default)]
struct Status(String);

/// Opens the configured storage for the configured namespace. A visitor who chose "don't remember me"
/// in this tab has their progress in session storage: it is found there first.
fn open_storage(config: &EmbedConfig) -> (Loaded, Keeping, StorageChoice) {
    let namespace = config.namespace.clone();
    let in_session = config.storage == StorageChoice::Local
        && storage::open(StorageChoice::Session)
            .and_then(|s| s.get(&namespace.key()).ok().flatten())
            .is_some();
    let choice = if in_session {
        StorageChoice::Session
    } else {
        config.storage
    };
    let loaded = match choice {
        StorageChoice::None => Persistence::in_memory(namespace),
        choice => Persistence::open(storage::open(choice), namespace, now_ms()),
    };
    let keeping = match (choice, loaded.persistence.is_saving()) {
        (_, false) => Keeping::NotSaved,
        (StorageChoice::Local, true) => Keeping::Saved,
        _ => Keeping::ThisTab,
    };
    (loaded, keeping, choice)
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let content = props.content;
    let config = props.config.clone();
    let instance = use_state(|| NEXT_INSTANCE.fetch_add(1, Ordering::Relaxed));

    // Opened once per mount: reading storage, copying a corrupt value aside and choosing memory-only
    // mode happen before the first render, so the first thing the visitor sees is their own progress.
    // (The custom element mounts afresh when its storage settings change.)
    let boot = use_mut_ref(|| {
        let (
            Loaded {
                persistence,
                doc,
                notices,
            },
            keeping,
            choice,
        ) = open_storage(&config);
        (persistence, Some(doc), notices, keeping, choice)
    });
    let keeping = use_state(|| boot.borrow().3);
    // Where this widget saves and listens: the configured area, or session storage after "don't
    // remember me".
    let area = use_mut_ref(|| boot.borrow().4);
    let panel = use_state(|| None::<Panel>);
    let exiting = use_state(|| false);
    let presses = use_state(|| 0u8);
    let exit_status = use_state(String::new);
    let state = use_reducer(|| {
        let doc = boot.borrow_mut().1.take().unwrap_or_default();
        AppState::new(content, doc)
    });
    let notices = use_reducer(|| NoticeList(boot.borrow().2.clone()));
    let status = use_state(Status::default);
    let own_colours = use_state(|| false);
    let announce = use_mut_ref(|| None::<String>);
    let root = use_node_ref();
    // Moves focus where an action asked for it, after the new view is in the DOM.
    let focus = use_pending_focus(root.clone());
    let widget = Widget {
        state: state.clone(),
        config: config.clone(),
        focus: focus.clone(),
        announce: announce.clone(),
        instance: *instance,
    };
    let view = widget.view();
    // The storage listener below is set up once; it reads the current section through this cell.
    let view_now = use_mut_ref(|| view);
    *view_now.borrow_mut() = view;

    // Save after every change of the document.
    {
        let boot = boot.clone();
        let notices = notices.dispatcher();
        let status = status.clone();
        let saved_text = content.ui.saved;
        let area = area.clone();
        use_effect_with(state.doc.clone(), move |doc| {
            let choice = *area.borrow();
            let outcome = boot.borrow_mut().0.save(doc);
            match outcome {
                SaveOutcome::Saved => {
                    // Copied out first: the event reaches this widget's own listener, which borrows
                    // `boot` again.
                    let (key, text) = {
                        let persistence = &boot.borrow().0;
                        (
                            persistence.key(),
                            persistence.last_text().map(str::to_owned),
                        )
                    };
                    if let Some(text) = text {
                        storage::announce(choice, &key, &text);
                    }
                    // A save that works again ends the "storage is full" notice.
                    notices.dispatch(NoticeAction::Resolved(Notice::Full));
                    status.set(Status(saved_text.to_owned()));
                }
                SaveOutcome::Failed(notice) => notices.dispatch(NoticeAction::Show(notice)),
                SaveOutcome::Unchanged | SaveOutcome::NotSaving => {}
            }
        });
    }

    // Follow changes made in other tabs, windows or widgets of this origin.
    {
        let boot = boot.clone();
        let dispatcher = state.dispatcher();
        let notices = notices.dispatcher();
        let status = status.clone();
        let other_tab_text = content.ui.notice_other_tab;
        let area = area.clone();
        let view_now = view_now.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                gloo_events::EventListener::new(&window, "storage", move |event| {
                    let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
                        return;
                    };
                    let Some(own_area) = storage::area_object(*area.borrow()) else {
                        return;
                    };
                    if event.storage_area().as_ref() != Some(&own_area) {
                        return;
                    }
                    let key = boot.borrow().0.key();
                    // A null key means the other tab cleared the whole area.
                    if event.key().is_some_and(|k| k != key) {
                        return;
                    }
                    let view = *view_now.borrow();
                    let change =
                        boot.borrow_mut()
                            .0
                            .external_change(event.new_value(), view, now_ms());
                    match change {
                        Some(Ok(doc)) => {
                            dispatcher.dispatch(Action::Replace(doc));
                            status.set(Status(other_tab_text.to_owned()));
                        }
                        Some(Err(notice)) => notices.dispatch(NoticeAction::Show(notice)),
                        None => {}
                    }
                })
            });
            move || drop(listener)
        });
    }

    // Tell the host page: ready once, then on checklist changes and finished checks (never on the
    // first render, which only shows what was saved).
    {
        let host = props.host.clone();
        let config = config.clone();
        let doc = state.doc.clone();
        let finished = state.doc.quiz.finished().count();
        let seen = use_mut_ref(|| None::<(Checklist, usize)>);
        use_effect_with((doc.checklist.clone(), finished), move |_| {
            let Some(host) = host else { return };
            let mut seen = seen.borrow_mut();
            match seen.as_ref() {
                None => emit(&host, events::READY, &events::ready(&config)),
                Some((checklist, count)) => {
                    if *checklist != doc.checklist {
                        let detail = events::checklist_change(&config, content, &doc);
                        emit(&host, events::CHECKLIST_CHANGE, &detail);
                    }
                    if finished > *count {
                        let detail = events::quiz_complete(&config, content, &doc);
                        emit(&host, events::QUIZ_COMPLETE, &detail);
                    }
                }
            }
            *seen = Some((doc.checklist.clone(), finished));
        });
    }

    // Check the clinic's colours once rendered: if any text would fall below 4.5:1, use ours.
    {
        let root = root.clone();
        let own_colours = own_colours.clone();
        use_effect_with((), move |_| {
            let computed = |class: &str| -> Option<String> {
                let element = root
                    .cast::<web_sys::Element>()?
                    .query_selector(&format!(".{class}"))
                    .ok()??;
                let style = web_sys::window()?.get_computed_style(&element).ok()??;
                style.get_property_value("color").ok()
            };
            let colour = |class| computed(class).unwrap_or_default();
            let (text, surface, accent, on_accent) = (
                colour("rw-probe-text"),
                colour("rw-probe-surface"),
                colour("rw-probe-accent"),
                colour("rw-probe-on-accent"),
            );
            let pairs = [
                (text.as_str(), surface.as_str()),
                (accent.as_str(), surface.as_str()),
                (on_accent.as_str(), accent.as_str()),
            ];
            if !contrast::readable(&pairs) {
                web_sys::console::warn_1(
                    &"reciprocity-widget: the --rw-* colours on this page give text less than 4.5:1 \
                      contrast (or are translucent); the widget uses its own colours instead."
                        .into(),
                );
                own_colours.set(true);
            }
        });
    }

    // Quick exit: cover the widget at once, delete the saved data if the visitor (or the clinic's
    // default) asked for that, then replace this page in history with a neutral one.
    let exit_url = config
        .exit_url
        .clone()
        .unwrap_or_else(|| DEFAULT_EXIT_URL.to_owned());
    let clears_now = use_mut_ref(|| false);
    *clears_now.borrow_mut() = state
        .doc
        .settings
        .clear_on_exit
        .unwrap_or(config.exit_clears);
    let exit: Rc<dyn Fn()> = {
        let (exiting, boot, clears_now) = (exiting.clone(), boot.clone(), clears_now.clone());
        let view_now = view_now.clone();
        let exit_url = exit_url.clone();
        Rc::new(move || {
            exiting.set(true);
            if *clears_now.borrow() {
                boot.borrow_mut().0.forget(*view_now.borrow());
            }
            if let Some(window) = web_sys::window() {
                let _ = window.location().replace(&exit_url);
            }
        })
    };
    let exit_ref = use_mut_ref(|| exit.clone());
    *exit_ref.borrow_mut() = exit.clone();

    // The Shift×3 gesture, listened for on the whole page, and the back-forward cache bringing the page
    // back (the overlay must not be there then).
    {
        let (presses, exit_status, exiting) =
            (presses.clone(), exit_status.clone(), exiting.clone());
        let exit_ref = exit_ref.clone();
        let ui = &content.ui;
        let (two, one, expired) = (ui.exit_remaining_2, ui.exit_remaining_1, ui.exit_expired);
        use_effect_with((), move |_| {
            let gesture = Rc::new(RefCell::new(Gesture::default()));
            let timer = Rc::new(RefCell::new(None::<gloo_timers::callback::Timeout>));
            let show: Rc<dyn Fn(Outcome)> = {
                let (presses, exit_status, gesture) =
                    (presses.clone(), exit_status.clone(), gesture.clone());
                Rc::new(move |outcome| {
                    presses.set(gesture.borrow().count);
                    match outcome {
                        Outcome::Quiet => {}
                        Outcome::Remaining(2) => exit_status.set(two.to_owned()),
                        Outcome::Remaining(_) => exit_status.set(one.to_owned()),
                        Outcome::Expired => exit_status.set(expired.to_owned()),
                        Outcome::Exit => {
                            exit_status.set(String::new());
                            let exit = exit_ref.borrow().clone();
                            exit();
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

    // Say what an action asked to say (after the save effect above, so it is not replaced by "Saved").
    {
        let status = status.clone();
        use_effect(move || {
            if let Some(sentence) = announce.borrow_mut().take() {
                status.set(Status(sentence));
            }
        });
    }

    let ui = &content.ui;
    let dismiss = {
        let notices = notices.dispatcher();
        let focus = focus.clone();
        Callback::from(move |index: usize| {
            // The dismissed notice's button disappears; focus goes to the section heading.
            focus.set(VIEW_HEADING);
            notices.dispatch(NoticeAction::Dismiss(index));
        })
    };
    let toggle_panel = {
        let (panel, focus) = (panel.clone(), focus.clone());
        Callback::from(move |which: Panel| {
            let opening = *panel != Some(which);
            // Opening moves focus into the panel's heading; closing leaves it on the toggle.
            if opening {
                focus.set(panel_focus(which));
            }
            panel.set(opening.then_some(which));
        })
    };
    let close_panel = {
        let (panel, focus) = (panel.clone(), focus.clone());
        Callback::from(move |_| {
            if let Some(which) = *panel {
                focus.set(toggle_focus(which));
            }
            panel.set(None);
        })
    };
    let delete_everything = {
        let (boot, dispatcher, notices) = (boot.clone(), state.dispatcher(), notices.dispatcher());
        Callback::from(move |_| {
            boot.borrow_mut().0.forget(view);
            notices.dispatch(NoticeAction::Resolved(Notice::Full));
            dispatcher.dispatch(Action::Forget);
        })
    };
    let forget_device = {
        let (boot, keeping, area) = (boot.clone(), keeping.clone(), area.clone());
        let doc = state.doc.clone();
        Callback::from(move |_| {
            if let Some(session) = storage::open(StorageChoice::Session) {
                boot.borrow_mut().0.move_to(session, &doc);
                *area.borrow_mut() = StorageChoice::Session;
                keeping.set(Keeping::ThisTab);
            }
        })
    };
    let key_name = boot.borrow().0.key();
    let (heading, body) = match view {
        View::Checklist => (ui.checklist_heading, html! { <ChecklistView /> }),
        View::Quiz => (ui.quiz_heading, html! { <Quiz /> }),
        View::Plan => (ui.plan_heading, html! { <Plan /> }),
    };

    html! {
        <ContextProvider<Widget> context={widget}>
            <section
                class={classes!("rw-widget", own_colours.then_some("rw-own-colours"))}
                ref={root}
                lang={content.lang}
                dir={content.dir}
                aria-label={ui.widget_label}
            >
                <Toolbar
                    exit_url={exit_url.clone()}
                    presses={*presses}
                    exit_status={(*exit_status).clone()}
                    on_exit={Callback::from(move |_| exit())}
                    open={*panel}
                    on_toggle={toggle_panel}
                />
                if *panel == Some(Panel::Support) {
                    <SupportPanel on_close={close_panel.clone()} />
                }
                if *panel == Some(Panel::Data) {
                    <DataPanel
                        key_name={key_name}
                        keeping={*keeping}
                        on_delete={delete_everything}
                        on_forget_device={forget_device}
                        on_close={close_panel}
                    />
                }
                <Intro />
                <Notices notices={notices.0.clone()} on_dismiss={dismiss} />
                <Nav />
                <div class="rw-view">
                    <h2 class="rw-view-heading" tabindex="-1" data-focus={VIEW_HEADING}>
                        { heading }
                    </h2>
                    { body }
                </div>
                <p class="rw-status" role="status">{ status.0.clone() }</p>
                if *exiting {
                    <div class="rw-exit-overlay" role="alert">{ ui.exit_loading }</div>
                }
                // Colour probes for the theme check above: never shown, never read aloud.
                <span class="rw-probes" aria-hidden="true">
                    <span class="rw-probe-text"></span>
                    <span class="rw-probe-surface"></span>
                    <span class="rw-probe-accent"></span>
                    <span class="rw-probe-on-accent"></span>
                </span>
            </section>
        </ContextProvider<Widget>>
    }
}

/// The focus target of a panel's heading.
fn panel_focus(panel: Panel) -> &'static str {
    match panel {
        Panel::Support => "support",
        Panel::Data => "data",
    }
}

/// The focus target of the toolbar button that opens a panel.
pub fn toggle_focus(panel: Panel) -> &'static str {
    match panel {
        Panel::Support => "toolbar-support",
        Panel::Data => "toolbar-data",
    }
}

/// The widget state for a child component.
#[hook]
pub fn use_widget() -> Widget {
    // Every component below is rendered inside App's provider; a missing context is a programming
    // error that the browser tests would catch on first render.
    use_context::<Widget>().expect("components are rendered inside App")
}
