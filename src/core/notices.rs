//! The notices on screen about saved progress: shown once each, dismissed by the visitor, or withdrawn
//! when the problem goes away (a save that works again after "storage is full").

use super::persistence::Notice;
use std::rc::Rc;
use yew::Reducible;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct NoticeList(pub Vec<Notice>);

#[derive(Debug, Clone, PartialEq)]
pub enum NoticeAction {
    /// Show a notice, unless the same one is already showing.
    Show(Notice),
    /// The visitor dismissed the notice at this position.
    Dismiss(usize),
    /// The problem behind this notice is over.
    Resolved(Notice),
}

impl NoticeList {
    pub fn apply(&self, action: NoticeAction) -> Option<NoticeList> {
        let mut next = self.0.clone();
        match action {
            NoticeAction::Show(notice) if !next.contains(&notice) => next.push(notice),
            NoticeAction::Dismiss(index) if index < next.len() => {
                next.remove(index);
            }
            NoticeAction::Resolved(notice) => next.retain(|n| *n != notice),
            _ => {}
        }
        (next != self.0).then_some(NoticeList(next))
    }
}

// A reducer, not a state handle: the storage listener is set up once and must never act on a stale copy.
impl Reducible for NoticeList {
    type Action = NoticeAction;

    fn reduce(self: Rc<Self>, action: NoticeAction) -> Rc<Self> {
        match self.apply(action) {
            Some(next) => Rc::new(next),
            None => self,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_each_notice_once_and_forgets_dismissed_and_resolved_ones() {
        let list = NoticeList::default();
        let list = list.apply(NoticeAction::Show(Notice::Full)).unwrap();
        assert_eq!(list.apply(NoticeAction::Show(Notice::Full)), None);
        let list = list.apply(NoticeAction::Show(Notice::Newer)).unwrap();
        assert_eq!(list.0, [Notice::Full, Notice::Newer]);
        let list = list.apply(NoticeAction::Resolved(Notice::Full)).unwrap();
        assert_eq!(list.0, [Notice::Newer]);
        assert_eq!(list.apply(NoticeAction::Resolved(Notice::Full)), None);
        assert_eq!(list.apply(NoticeAction::Dismiss(5)), None);
        assert!(list.apply(NoticeAction::Dismiss(0)).unwrap().0.is_empty());
    }
}
