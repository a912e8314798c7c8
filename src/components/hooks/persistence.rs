//! The saved progress: opens storage before the first render, owns the state, saves (merging with
//! other tabs) after every change, follows other tabs and widgets through the `storage` event, and
//! carries out the visitor's data choices, reporting what really happened.

use crate::components::lazy;
use crate::core::config::{EmbedConfig, StorageChoice};
use crate::core::content::Content;
use crate::core::document::Document;
use crate::core::notices::{NoticeAction, NoticeList};
use crate::core::persistence::{
    forget_in, Deletion, External, Loaded, Move, Notice, Persistence, SaveOutcome,
};
use crate::core::state::{Action, AppState, Change};
use crate::core::text::Text;
use crate::web::now_ms;
use crate::web::storage;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Where progress is going right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keeping {
    /// Saved in this browser until deleted.
    Saved,
    /// Saved until the tab closes ("don't remember me").
    ThisTab,
    /// Not saved at all.
    NotSaved,
}

/// The saved progress of one widget, and what the visitor can do with it.
#[derive(Clone)]
pub struct SavedProgress {
    pub state: UseReducerHandle<AppState>,
    pub notices: UseReducerHandle<NoticeList>,
    pub keeping: Keeping,
    /// The storage key, shown in the data panel.
    pub key: String,
    keeping_handle: UseStateHandle<Keeping>,
    persistence: Rc<RefCell<Persistence>>,
    /// The area this widget saves in and listens to: the configured one, or session storage after
    /// "don't remember me".
    area: Rc<RefCell<StorageChoice>>,
}

/// Components re-render when what they show changes: the state, the notices, where progress goes.
impl PartialEq for SavedProgress {
    fn eq(&self, other: &Self) -> bool {
        self.state == other.state
            && self.notices == other.notices
            && self.keeping == other.keeping
            && Rc::ptr_eq(&self.persistence, &other.persistence)
    }
}

impl SavedProgress {
    /// "Delete everything": removes every key of the namespace from both storage areas, reads them
    /// back, and starts afresh in memory. The outcome says truthfully what is left.
    pub fn delete_everything(&self) -> Deletion {
        let deletion = self.erase();
        self.notices.dispatch(NoticeAction::Resolved(Notice::Full));
        self.state.dispatch(Change {
            action: Action::Forget,
            at: now_ms(),
        });
        deletion
    }

    /// Removes the stored copies only (quick exit with "clear on exit": the page is going away).
    pub fn erase(&self) -> Deletion {
        let deletion = self.persistence.borrow_mut().forget();
        // The other area may hold a copy too: this tab's "don't remember me" copy, or the copy in
        // local storage that a move could not remove.
        let other = match *self.area.borrow() {
            StorageChoice::Local => StorageChoice::Session,
            StorageChoice::Session => StorageChoice::Local,
            StorageChoice::None => return deletion,
        };
        let namespace = self.persistence.borrow().namespace().clone();
        let elsewhere = storage::open(other).map_or(Deletion::Complete, |store| {
            forget_in(store.as_ref(), &namespace)
        });
        // Other widgets of this namespace on this page follow (browsers tell only other documents).
        if self.persistence.borrow().last_text().is_none() {
            storage::announce(*self.area.borrow(), &self.key, None);
        }
        deletion.and(elsewhere)
    }

    /// "Don't remember me on this device": keeps the progress in session storage from now on. The
    /// new copy is written and read back before the old one is removed.
    pub fn keep_for_this_tab_only(&self) -> Move {
        let Some(session) = storage::open(StorageChoice::Session) else {
            return Move::NotMoved;
        };
        let outcome = self
            .persistence
            .borrow_mut()
            .move_to(session, &self.state.doc);
        if outcome != Move::NotMoved {
            *self.area.borrow_mut() = StorageChoice::Session;
            self.keeping_handle.set(Keeping::ThisTab);
        }
        outcome
    }

    /// Replaces the progress with a document the visitor loaded from a file, and saves it (read back).
    pub fn load(&self, doc: Document) -> SaveOutcome {
        let at = now_ms();
        let action = Action::Load(doc);
        // The reducer is pure: what it will make of the action is known here, and saved first.
        let next = self
            .state
            .apply(action.clone(), at)
            .map_or_else(|| self.state.doc.clone(), |s| s.doc);
        let outcome = self.persistence.borrow_mut().replace(&next);
        match &outcome {
            SaveOutcome::Failed(notice) => {
                self.notices.dispatch(NoticeAction::Show(notice.clone()))
            }
            _ => self.notices.dispatch(NoticeAction::Resolved(Notice::Full)),
        }
        self.state.dispatch(Change { action, at });
        outcome
    }
}

/// The storage area holding this widget's progress: the configured one, but a visitor who chose
/// "don't remember me" in this tab has their progress in session storage, found there first.
fn area_of(config: &EmbedConfig) -> StorageChoice {
    let in_session =
        config.storage == StorageChoice::Local && holds_key(StorageChoice::Session, config);
    match in_session {
        true => StorageChoice::Session,
        false => config.storage,
    }
}

/// Whether the browser holds saved progress for this widget (then the reader of saved progress is
/// fetched before opening it: see `components/root.rs`).
pub fn holds_progress(config: &EmbedConfig) -> bool {
    holds_key(area_of(config), config)
}

/// Whether `area` holds this widget's key (`false` for no storage, or storage that cannot be read).
fn holds_key(area: StorageChoice, config: &EmbedConfig) -> bool {
    storage::open(area)
        .and_then(|s| s.get(&config.namespace.key()).ok().flatten())
        .is_some()
}

/// Opens the configured storage for the configured namespace (see [`area_of`]).
fn open_storage(config: &EmbedConfig) -> (Loaded, Keeping, StorageChoice) {
    let namespace = config.namespace.clone();
    let choice = area_of(config);
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

/// What opening storage found, handed out to the hooks below on the first render.
struct Opened {
    persistence: Option<Persistence>,
    doc: Option<Document>,
    notices: Vec<Notice>,
    keeping: Keeping,
    choice: StorageChoice,
}

/// Takes into the state what another tab stored (as the `storage` event tells), or what this tab
/// reads in late because the reader was not here yet (see `core::reader`).
#[derive(Clone)]
struct Follow {
    persistence: Rc<RefCell<Persistence>>,
    state: UseReducerDispatcher<AppState>,
    notices: UseReducerDispatcher<NoticeList>,
    status: UseStateHandle<String>,
    /// "Updated with changes from another tab."
    updated: Text,
}

impl Follow {
    fn take(&self, change: External) {
        let action = match change {
            External::Nothing => return,
            External::Waiting => return self.catch_up(),
            External::Problem(notice) => {
                self.notices.dispatch(NoticeAction::Show(notice));
                return;
            }
            External::Removed => {
                self.notices
                    .dispatch(NoticeAction::Show(Notice::DeletedElsewhere));
                Action::DeletedElsewhere
            }
            External::Changed(doc) => {
                self.status.set(self.updated.to_string());
                Action::Merge(doc)
            }
        };
        self.state.dispatch(Change {
            action,
            at: now_ms(),
        });
    }

    /// Fetches the reader, then reads in what the store holds now. Merging it into the state saves
    /// again (the save effect), with this tab's changes that waited. Offline, a notice says nothing
    /// is saved for now; the next change tries again.
    fn catch_up(&self) {
        let follow = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            match lazy::reader().await {
                Ok(reader) => {
                    follow
                        .notices
                        .dispatch(NoticeAction::Resolved(Notice::Unread));
                    follow.persistence.borrow_mut().reader_arrived(reader);
                    let change = follow.persistence.borrow_mut().catch_up(now_ms());
                    follow.take(change);
                }
                Err(lazy::NotLoaded) => follow.notices.dispatch(NoticeAction::Show(Notice::Unread)),
            }
        });
    }
}

/// A sentence that says a change was kept ("The check of 3 March was removed."), waiting for the save
/// of that change: see [`use_saved_progress`].
pub type PendingConfirmation = Rc<RefCell<Option<String>>>;

/// Opens storage once per mount and keeps the state saved. `status` is the line that says "Saved";
/// after a save that `confirm` holds a sentence for, it says that sentence instead, and only if the
/// save was written and read back (or the page saves nothing, so there is nothing to contradict it).
/// A save that fails shows its notice, and the sentence is dropped: never a success that did not
/// happen.
#[hook]
pub fn use_saved_progress(
    content: &'static Content,
    config: Rc<EmbedConfig>,
    status: UseStateHandle<String>,
    confirm: PendingConfirmation,
) -> SavedProgress {
    // Opened once per mount: reading storage, copying a corrupt value aside and choosing memory-only
    // mode happen before the first render, so the first thing the visitor sees is their own progress.
    // (The custom element mounts afresh when its storage settings change.)
    let opened = use_mut_ref(|| {
        let (loaded, keeping, choice) = open_storage(&config);
        Opened {
            persistence: Some(loaded.persistence),
            doc: Some(loaded.doc),
            notices: loaded.notices,
            keeping,
            choice,
        }
    });
    let keeping = use_state(|| opened.borrow().keeping);
    let area = use_mut_ref(|| opened.borrow().choice);
    let notices = use_reducer(|| NoticeList(opened.borrow().notices.clone()));
    let state = use_reducer(|| {
        let doc = opened.borrow_mut().doc.take().unwrap_or_default();
        AppState::new(content, doc)
    });
    let persistence = use_mut_ref(|| {
        opened
            .borrow_mut()
            .persistence
            .take()
            .unwrap_or_else(|| Persistence::in_memory(config.namespace.clone()).persistence)
    });

    let follow = Follow {
        persistence: persistence.clone(),
        state: state.dispatcher(),
        notices: notices.dispatcher(),
        status: status.clone(),
        updated: content.ui.notice_other_tab,
    };

    // Saved progress this tab opened without reading (the store changed between the check that fetches
    // the reader first and the opening: see `Persistence::open_with`) is read in at once.
    {
        let follow = follow.clone();
        use_effect_with((), move |_| {
            if follow.persistence.borrow().is_behind() {
                follow.catch_up();
            }
        });
    }

    // Save after every change of the document, merging in what other tabs stored meanwhile.
    {
        let persistence = persistence.clone();
        let follow = follow.clone();
        let (state_dispatch, notices) = (state.dispatcher(), notices.dispatcher());
        let (status, area) = (status.clone(), area.clone());
        let saved_text = content.ui.saved;
        use_effect_with(state.doc.clone(), move |doc| {
            let confirmation = confirm.borrow_mut().take();
            let outcome = persistence.borrow_mut().save(doc, now_ms());
            let written = match outcome {
                SaveOutcome::Saved => true,
                SaveOutcome::Merged { doc, written } => {
                    state_dispatch.dispatch(Change {
                        action: Action::Merge(doc),
                        at: now_ms(),
                    });
                    written
                }
                SaveOutcome::DeletedElsewhere => {
                    state_dispatch.dispatch(Change {
                        action: Action::DeletedElsewhere,
                        at: now_ms(),
                    });
                    notices.dispatch(NoticeAction::Show(Notice::DeletedElsewhere));
                    false
                }
                SaveOutcome::Failed(notice) => {
                    notices.dispatch(NoticeAction::Show(notice));
                    false
                }
                // Saved once what the other tab stored is read in (merging it changes the state).
                SaveOutcome::Waiting => {
                    follow.catch_up();
                    false
                }
                SaveOutcome::Unchanged | SaveOutcome::NotSaving => {
                    if let Some(sentence) = confirmation.clone() {
                        status.set(sentence);
                    }
                    false
                }
            };
            if written {
                // Copied out first: the event reaches this widget's own listener, which borrows
                // `persistence` again.
                let (key, text) = {
                    let persistence = persistence.borrow();
                    (
                        persistence.key(),
                        persistence.last_text().map(str::to_owned),
                    )
                };
                storage::announce(*area.borrow(), &key, text.as_deref());
                // A save that works (and reads back) again ends the notices about failed saves.
                notices.dispatch(NoticeAction::Resolved(Notice::Full));
                notices.dispatch(NoticeAction::Resolved(Notice::Unavailable));
                status.set(confirmation.unwrap_or_else(|| saved_text.to_string()));
            }
        });
    }

    // Follow changes made in other tabs, windows or widgets of this origin.
    {
        let area = area.clone();
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
                    let key = follow.persistence.borrow().key();
                    // A null key means the other tab cleared the whole area.
                    if event.key().is_some_and(|k| k != key) {
                        return;
                    }
                    let change = follow
                        .persistence
                        .borrow_mut()
                        .external_change(event.new_value(), now_ms());
                    follow.take(change);
                })
            });
            move || drop(listener)
        });
    }

    let key = persistence.borrow().key();
    SavedProgress {
        state,
        notices,
        keeping: *keeping,
        key,
        keeping_handle: keeping,
        persistence,
        area,
    }
}
