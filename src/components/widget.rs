//! What every component below the app gets: the state, a way to change it, the clinic's settings, and
//! this instance's id. Components get it as a prop (`widget`, or [`WidgetProps`]; a prop rather than a
//! context, whose machinery would cost the download more) and change the state only by sending
//! [`Action`]s.

use super::hooks::focus::{Focus, PendingFocus};
use super::hooks::learn::LearnControl;
use super::hooks::persistence::PendingConfirmation;
use super::panel::Panel;
use crate::core::config::EmbedConfig;
use crate::core::content::Content;
use crate::core::document::View;
use crate::core::relationship::Relationship;
use crate::core::state::{Action, AppState, Change};
use crate::core::strings::{cat, decimal};
use crate::web::now_ms;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Clone)]
pub struct Widget {
    pub state: UseReducerHandle<AppState>,
    pub config: Rc<EmbedConfig>,
    pub(super) focus: PendingFocus,
    /// A sentence for the status line after the next render ("Question 3 of 25").
    pub(super) announce: Rc<RefCell<Option<String>>>,
    /// The sentence the next save says once it is written and read back (see
    /// [`Widget::send_then_confirm`]).
    pub(super) confirm: PendingConfirmation,
    /// Unique per instance on the page, so radio groups and ids of two widgets never collide.
    pub instance: u32,
    /// Opens a panel under the toolbar (and moves focus to its heading), for links to it from inside a
    /// section, such as the safety message's way to "Need support now?".
    pub(super) open_panel: Callback<Panel>,
    /// Opens and closes "Learn more".
    pub learn: LearnControl,
    /// Where the widget's files are (the loader's URL): the words of other languages and Learn more are
    /// fetched from that folder. `None`: the page's folder.
    pub files: Option<AttrValue>,
    /// Puts a sentence on the status line now (for news that arrives after an await).
    pub(super) say: Callback<String>,
}

/// The settings by address: they are fixed for the life of a mount, and comparing them field by field
/// on every render would cost code and time for nothing.
impl PartialEq for Widget {
    fn eq(&self, other: &Self) -> bool {
        self.state == other.state
            && Rc::ptr_eq(&self.config, &other.config)
            && self.focus == other.focus
            && Rc::ptr_eq(&self.announce, &other.announce)
            && Rc::ptr_eq(&self.confirm, &other.confirm)
            && self.instance == other.instance
            && self.open_panel == other.open_panel
            && self.learn == other.learn
            && self.files == other.files
            && self.say == other.say
    }
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

    /// Changes the state, stamped with the time now; focus stays where it is (on the control the
    /// visitor used).
    pub fn send(&self, action: Action) {
        self.state.dispatch(Change {
            action,
            at: now_ms(),
        });
    }

    /// Changes the state, then moves focus to `target` once it is rendered: for actions after which
    /// the control the visitor used is gone.
    pub fn send_then_focus(&self, action: Action, target: Focus) {
        self.focus.set(target);
        self.send(action);
    }

    /// A button's action: [`Widget::send_then_focus`] with `action` and `target` on every press. One
    /// closure for every such button, rather than one each.
    #[inline(never)]
    pub fn go(&self, action: Action, target: Focus) -> Callback<MouseEvent> {
        let widget = self.clone();
        Callback::from(move |_: MouseEvent| widget.send_then_focus(action.clone(), target))
    }

    /// Like [`Widget::send_then_focus`], and says `sentence` through the status line (for changes a
    /// screen reader would not otherwise hear, such as the question number).
    pub fn send_then_announce(&self, action: Action, target: Focus, sentence: String) {
        *self.announce.borrow_mut() = Some(sentence);
        self.send_then_focus(action, target);
    }

    /// Like [`Widget::send_then_focus`], and says `sentence` ("The check of 3 March was removed.") in
    /// the status line once the change is saved and read back; a failed save shows its notice
    /// instead. Only for an action that changes the document (else no save comes to say it).
    pub fn send_then_confirm(&self, action: Action, target: Focus, sentence: String) {
        *self.confirm.borrow_mut() = Some(sentence);
        self.send_then_focus(action, target);
    }

    /// Says `sentence` through the status line.
    pub fn say(&self, sentence: String) {
        self.say.emit(sentence);
    }

    /// Opens `panel` (it stays open if it already is) and moves focus to its heading.
    pub fn open_panel(&self, panel: Panel) {
        self.open_panel.emit(panel);
    }

    /// Who the checklist is about: the visitor's choice, else the relationship of their newest check,
    /// else the clinic's `context` attribute; `None` until one of them says.
    pub fn relationship(&self) -> Option<Relationship> {
        self.state.relationship().or(self.config.context)
    }

    /// An id unique on the page for an element of this instance.
    pub fn id(&self, local: &str) -> String {
        cat(&["rw", &decimal(u64::from(self.instance)), "-", local])
    }
}

/// The props of a component that needs the widget only.
#[derive(Properties, PartialEq)]
pub struct WidgetProps {
    pub widget: Widget,
}
