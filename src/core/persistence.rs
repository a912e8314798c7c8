//! Loading and saving the document through any key-value [`Store`], with every failure turned into a
//! notice for the visitor and none of them losing saved data.
//!
//! The browser's storage is one implementation of [`Store`] (in `crate::web::storage`); [`MemoryStore`]
//! is the other, used when the browser refuses storage and by the native tests, which can give it a quota
//! to imitate a full disk.

use super::codec::{encode, DecodeError};
use super::document::Document;
use super::reader::{self, Reader};
use super::sorted::SortedMap;
use super::strings::{cat, decimal};
use std::cell::RefCell;

/// Every key this widget writes starts with this, so a page can tell the widget's keys from its own.
pub const KEY_PREFIX: &str = "reciprocity-widget/v1/";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// The store cannot be used at all (blocked, sandboxed, removed).
    Unavailable,
    /// The write did not fit.
    QuotaExceeded,
}

impl StoreError {
    /// What the visitor is told when a write failed this way.
    fn notice(self) -> Notice {
        match self {
            StoreError::QuotaExceeded => Notice::Full,
            StoreError::Unavailable => Notice::Unavailable,
        }
    }
}

/// A string key-value store in the shape of the Web Storage API.
pub trait Store {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&self, key: &str) -> Result<(), StoreError>;
    /// Every key in the store.
    fn keys(&self) -> Result<Vec<String>, StoreError>;
}

/// A store in memory. Gone when the page closes.
#[derive(Debug, Default)]
pub struct MemoryStore {
    items: RefCell<SortedMap<String, String>>,
    /// Total bytes of keys and values allowed; `None` for no limit.
    quota: Option<usize>,
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    /// A store that refuses writes past `bytes` in total, like a browser whose storage is full.
    pub fn with_quota(bytes: usize) -> Self {
        MemoryStore {
            quota: Some(bytes),
            ..Self::default()
        }
    }
}

impl Store for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.items.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        let mut items = self.items.borrow_mut();
        if let Some(quota) = self.quota {
            let others: usize = items
                .iter()
                .filter(|(k, _)| k.as_str() != key)
                .map(|(k, v)| k.len() + v.len())
                .sum();
            if others + key.len() + value.len() > quota {
                return Err(StoreError::QuotaExceeded);
            }
        }
        items.insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.items.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.items.borrow().keys().cloned().collect())
    }
}

/// A storage namespace: one widget instance's slice of the origin's storage. Letters, digits, `-` and
/// `_`, 1 to 64 characters, so it can never break out of its key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Namespace(String);

impl Namespace {
    pub const MAX_LEN: usize = 64;

    pub fn parse(text: &str) -> Option<Namespace> {
        let ok = (1..=Self::MAX_LEN).contains(&text.len())
            && text
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        ok.then(|| Namespace(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The key holding this namespace's document.
    pub fn key(&self) -> String {
        cat(&[KEY_PREFIX, &self.0])
    }

    /// Where an unreadable document found at load time is kept, named by the time it was found.
    pub fn corrupt_key(&self, unix_ms: u64) -> String {
        cat(&[&self.key(), "/corrupt/", &decimal(unix_ms)])
    }
}

impl Default for Namespace {
    fn default() -> Self {
        Namespace("default".into())
    }
}

/// Something the visitor should know about their saved progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The browser refuses storage (from the start, or since a moment ago): progress lives only until
    /// the page closes. The next change tries again.
    Unavailable,
    /// The last change did not fit; the next change tries again.
    Full,
    /// Saved progress could not be read; it was copied to `backup_key` and the widget started afresh.
    Corrupt { backup_key: String },
    /// Saved progress could not be read and could not be copied aside: it is left as it is and nothing
    /// is saved, so it cannot be lost.
    CorruptUnsaved,
    /// A newer widget version saved this; it is left as it is and nothing is saved.
    Newer,
    /// Another tab changed the progress and this tab took the change.
    OtherTab,
    /// The progress was deleted in another tab or window, and this tab followed.
    DeletedElsewhere,
    /// Another tab changed the progress and this tab could not fetch the reader to read it in
    /// (offline): this tab saves nothing until it can, and tries again with the next change.
    Unread,
    /// The clinic chose not to save progress on this page (`storage="none"`).
    NotSaving,
}

#[derive(Debug, Clone, PartialEq, Eq)]
// One outcome per save, moved once: boxing the document would add code and gain nothing.
#[allow(clippy::large_enum_variant)]
pub enum SaveOutcome {
    /// Written, and read back as written.
    Saved,
    /// Another tab had stored changes this tab did not have: they were merged in, and `doc` is what
    /// the store now holds (`written` and read back by this tab, or already there). The tab shows it.
    Merged {
        doc: Document,
        written: bool,
    },
    /// The document is what the store already holds: nothing written.
    Unchanged,
    /// Saving is off for this page (see [`Persistence::is_saving`]).
    NotSaving,
    /// The key vanished since this tab last read it: the progress was deleted elsewhere, and deletion
    /// wins. Nothing was written; the tab starts afresh.
    DeletedElsewhere,
    /// Another tab stored changes, and the reader that takes them in is not here yet (see
    /// `core::reader`): nothing was written. Read the store in ([`Persistence::catch_up`]) once it is,
    /// and this document is saved with what the other tab stored.
    Waiting,
    Failed(Notice),
}

/// What "delete everything" really did, read back from the store afterwards.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Deletion {
    /// The store holds no key of this namespace any more.
    Complete,
    /// These keys are still there (removing them failed).
    Incomplete { left: Vec<String> },
    /// The store could not be read back, so nobody can say what is left.
    Unknown,
}

impl Deletion {
    /// The outcome of deleting in two stores (local and session storage): complete only if both are.
    pub fn and(self, other: Deletion) -> Deletion {
        match (self, other) {
            (Deletion::Complete, d) | (d, Deletion::Complete) => d,
            (Deletion::Unknown, _) | (_, Deletion::Unknown) => Deletion::Unknown,
            (Deletion::Incomplete { mut left }, Deletion::Incomplete { left: more }) => {
                left.extend(more);
                Deletion::Incomplete { left }
            }
        }
    }
}

/// What moving the progress to another store ("don't remember me on this device") really did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Move {
    /// The new copy is written and read back, and the old store holds nothing of this namespace.
    Moved,
    /// The new copy could not be written (or read back): nothing changed, the old copy is still the
    /// one in use.
    NotMoved,
    /// The new copy is in use, but the old copy could not (all) be removed: both exist.
    OldCopyLeft(Deletion),
}

/// A change another tab made to the key, as this tab should take it.
#[derive(Debug, Clone, PartialEq, Eq)]
// One per storage event, moved once (as `SaveOutcome`).
#[allow(clippy::large_enum_variant)]
pub enum External {
    /// Nothing new (our own write coming back, or the same text).
    Nothing,
    /// The key was removed: deleted elsewhere; this tab starts afresh.
    Removed,
    /// Another tab stored this document: merge it in.
    Changed(Document),
    /// Another tab stored something this tab cannot take.
    Problem(Notice),
    /// Another tab stored something, and the reader is not here yet: nothing was read. Ask again
    /// ([`Persistence::catch_up`]) once it is.
    Waiting,
}

/// One namespace's document in one store.
pub struct Persistence {
    store: Box<dyn Store>,
    namespace: Namespace,
    /// Whether writes are allowed. Off when there is no store, or when writing would destroy data this
    /// code cannot read (a newer schema, or an unreadable value that could not be copied aside).
    writable: bool,
    /// The text the key held when this tab last read or wrote it (`None`: no key). A different value
    /// found before a write means another tab wrote (merge first) or deleted (deletion wins).
    base: Option<String>,
    /// `base` decoded (`None` when there is no key or its value could not be read).
    base_doc: Option<Document>,
    /// What reads and merges stored documents, once it is here (see `core::reader`). Until then this
    /// tab reads nothing in: a save that would need to waits ([`SaveOutcome::Waiting`]).
    reader: Option<Reader>,
}

/// What [`Persistence::open`] found.
pub struct Loaded {
    pub persistence: Persistence,
    pub doc: Document,
    pub notices: Vec<Notice>,
}

impl Persistence {
    /// Reads the namespace's document from `store` (or, with no store, works in memory). `now` is the
    /// current Unix time in milliseconds, used to name the copy of an unreadable document. The reader
    /// is the one [`reader::here`] has: see [`Persistence::open_with`].
    pub fn open(store: Option<Box<dyn Store>>, namespace: Namespace, now: u64) -> Loaded {
        Self::open_with(store, namespace, now, reader::here())
    }

    /// [`Persistence::open`] with this `reader`. Without one, a stored document is not read yet: the
    /// tab starts from an empty document and [`Persistence::is_behind`] says so; nothing stored is
    /// overwritten, since every save waits until [`Persistence::catch_up`] has read it in. (The widget
    /// fetches the reader before opening when the browser holds progress, so a visitor does not see
    /// this; it covers the store changing in between.)
    pub fn open_with(
        store: Option<Box<dyn Store>>,
        namespace: Namespace,
        now: u64,
        reader: Option<Reader>,
    ) -> Loaded {
        let Some(store) = store else {
            return Self::memory_only(namespace, Notice::Unavailable);
        };
        let mut persistence = Persistence {
            store,
            namespace,
            writable: true,
            base: None,
            base_doc: None,
            reader,
        };
        let key = persistence.namespace.key();
        let (doc, notices) = match persistence.store.get(&key) {
            Err(_) => return Self::memory_only(persistence.namespace, Notice::Unavailable),
            // Nothing is written until the visitor changes something: a visit alone stores nothing.
            Ok(None) => (Document::default(), Vec::new()),
            Ok(Some(text)) => match reader {
                Some(reader) => match (reader.adopt)(&mut persistence, text, now) {
                    Ok(doc) => (doc, Vec::new()),
                    Err(notice) => (Document::default(), vec![notice]),
                },
                // Left unread, as something another tab wrote (`base` stays `None`).
                None => (Document::default(), Vec::new()),
            },
        };
        Loaded {
            persistence,
            doc,
            notices,
        }
    }

    /// Works in memory only because the page asked for it: nothing is read or written.
    pub fn in_memory(namespace: Namespace) -> Loaded {
        Self::memory_only(namespace, Notice::NotSaving)
    }

    fn memory_only(namespace: Namespace, notice: Notice) -> Loaded {
        Loaded {
            persistence: Persistence {
                store: Box::new(MemoryStore::new()),
                namespace,
                writable: false,
                base: None,
                base_doc: None,
                reader: None,
            },
            doc: Document::default(),
            notices: vec![notice],
        }
    }

    /// Whether changes are being written to the store.
    pub fn is_saving(&self) -> bool {
        self.writable
    }

    /// The reader has arrived: from now on this tab reads and merges what other tabs store.
    pub fn reader_arrived(&mut self, reader: Reader) {
        self.reader = Some(reader);
    }

    /// Whether the store holds something this tab has not read in, because the reader is not here yet
    /// (reading the store again: `false` if it cannot be read). [`Persistence::catch_up`] reads it in
    /// once the reader is here.
    pub fn is_behind(&self) -> bool {
        self.writable
            && self.reader.is_none()
            && matches!(self.store.get(&self.namespace.key()), Ok(Some(text)) if Some(&text) != self.base.as_ref())
    }

    /// Reads in what the store holds now, as a change another tab made: after [`SaveOutcome::Waiting`]
    /// or [`External::Waiting`], once the reader is here (until then it waits again).
    pub fn catch_up(&mut self, now: u64) -> External {
        match self.store.get(&self.namespace.key()) {
            Ok(stored) => self.external_change(stored, now),
            // Cannot read: the next change's save says so.
            Err(_) => External::Nothing,
        }
    }

    pub fn key(&self) -> String {
        self.namespace.key()
    }

    pub fn namespace(&self) -> &Namespace {
        &self.namespace
    }

    fn set_base(&mut self, text: Option<String>, doc: Option<Document>) {
        self.base = text;
        self.base_doc = doc;
    }

    /// The text the key held when this tab last read or wrote it.
    pub fn last_text(&self) -> Option<&str> {
        self.base.as_deref()
    }

    /// Takes `text` found under the key as the current document, or explains why not. An unreadable
    /// value is copied aside before anything else; if that copy fails, writing stops so the only copy
    /// cannot be overwritten.
    /// Reached through [`Reader::adopt`] (its part of the wasm in the release build).
    pub(super) fn adopt(&mut self, text: String, now: u64) -> Result<Document, Notice> {
        match super::codec::decode(&text) {
            Ok(doc) => {
                self.set_base(Some(text), Some(doc.clone()));
                Ok(doc)
            }
            Err(DecodeError::Newer(_)) => {
                self.writable = false;
                Err(Notice::Newer)
            }
            Err(DecodeError::Malformed(_) | DecodeError::Invalid(_)) => {
                let backup_key = self.free_corrupt_key(now);
                match write_checked(self.store.as_ref(), &backup_key, &text) {
                    Ok(()) => {
                        self.set_base(Some(text), None);
                        Err(Notice::Corrupt { backup_key })
                    }
                    _ => {
                        self.writable = false;
                        Err(Notice::CorruptUnsaved)
                    }
                }
            }
        }
    }

    /// A corrupt-copy key not yet used (two copies made in the same millisecond get a suffix).
    fn free_corrupt_key(&self, now: u64) -> String {
        let base = self.namespace.corrupt_key(now);
        (0..)
            .map(|n| {
                if n == 0 {
                    base.clone()
                } else {
                    cat(&[&base, "-", &decimal(n)])
                }
            })
            .find(|key| !matches!(self.store.get(key), Ok(Some(_))))
            .unwrap_or(base)
    }

    /// Saves `doc`: merges in what another tab stored since this tab last looked, writes the result if
    /// the store does not already hold it, and reads it back. A document with nothing in it (only a
    /// different open section) is not written where nothing is kept: moving between sections alone,
    /// before anything is ticked or answered or after "delete everything", stores nothing. `now` names
    /// the copy of an unreadable value another tab left.
    pub fn save(&mut self, doc: &Document, now: u64) -> SaveOutcome {
        if !self.writable {
            return SaveOutcome::NotSaving;
        }
        let key = self.namespace.key();
        let stored = match self.store.get(&key) {
            Ok(stored) => stored,
            Err(_) => return SaveOutcome::Failed(Notice::Unavailable),
        };
        let theirs = if stored == self.base {
            // What this tab last read or wrote: decoded then (`None` if it was unreadable).
            self.base_doc.clone()
        } else if let Some(text) = &stored {
            let Some(reader) = self.reader else {
                return SaveOutcome::Waiting;
            };
            match (reader.decode)(text) {
                Ok(theirs) => Some(theirs),
                Err(DecodeError::Newer(_)) => {
                    self.writable = false;
                    return SaveOutcome::Failed(Notice::Newer);
                }
                // Another tab (or the page) left something unreadable: copy it aside, then write ours.
                Err(_) => match (reader.adopt)(self, text.clone(), now) {
                    Err(Notice::CorruptUnsaved) => {
                        return SaveOutcome::Failed(Notice::CorruptUnsaved)
                    }
                    _ => None,
                },
            }
        } else {
            // Gone since we last looked: deleted in another tab. Deletion wins.
            self.set_base(None, None);
            return SaveOutcome::DeletedElsewhere;
        };
        let to_write = match (&theirs, self.reader) {
            (Some(theirs), Some(reader)) => (reader.merge)(doc, theirs),
            // The reader is here whenever a document was read (`theirs`).
            _ => doc.clone(),
        };
        let text = encode(&to_write);
        let shown = |outcome: SaveOutcome| {
            if to_write == *doc {
                return outcome;
            }
            SaveOutcome::Merged {
                doc: to_write.clone(),
                written: outcome == SaveOutcome::Saved,
            }
        };
        if stored.as_deref() == Some(text.as_str()) {
            self.set_base(stored, Some(to_write.clone()));
            return shown(SaveOutcome::Unchanged);
        }
        if stored.is_none() && to_write.is_empty() {
            return SaveOutcome::Unchanged;
        }
        match write_checked(self.store.as_ref(), &key, &text) {
            Ok(()) => {
                self.set_base(Some(text), Some(to_write.clone()));
                shown(SaveOutcome::Saved)
            }
            // `base` stays as it was, so the next change tries the whole document again.
            Err(error) => SaveOutcome::Failed(error.notice()),
        }
    }

    /// Writes `doc` as it is, without merging: the visitor loaded it from a file to replace their
    /// progress (its `since` makes stale copies in other tabs give way). Read back like every save.
    pub fn replace(&mut self, doc: &Document) -> SaveOutcome {
        if !self.writable {
            return SaveOutcome::NotSaving;
        }
        let key = self.namespace.key();
        let text = encode(doc);
        match write_checked(self.store.as_ref(), &key, &text) {
            Ok(()) => {
                self.set_base(Some(text), Some(doc.clone()));
                SaveOutcome::Saved
            }
            Err(error) => SaveOutcome::Failed(error.notice()),
        }
    }

    /// Deletes everything this namespace has in the store (its document and any corrupt copies kept
    /// aside), then reads the store back to say truthfully what is left.
    pub fn forget(&mut self) -> Deletion {
        let deletion = forget_in(self.store.as_ref(), &self.namespace);
        // Whatever is left is what the next save merges with (the document's fresh `since` keeps the
        // deleted changes from coming back).
        let left = self.store.get(&self.namespace.key()).ok().flatten();
        match self.reader {
            Some(reader) => {
                let left_doc = left.as_deref().and_then(|text| (reader.decode)(text).ok());
                self.set_base(left, left_doc);
            }
            // Unread, as if another tab had written it: the next save waits for the reader.
            None => self.set_base(None, None),
        }
        deletion
    }

    /// Moves the document to `store` ("don't remember me": session storage). The new copy is written
    /// and read back first; only then is the old one removed. A failure at any point leaves at least
    /// one complete copy, and the outcome says which.
    pub fn move_to(&mut self, store: Box<dyn Store>, doc: &Document) -> Move {
        let key = self.namespace.key();
        let text = encode(doc);
        if write_checked(store.as_ref(), &key, &text).is_err() {
            // Do not leave a half-made copy behind; the old one stays in use.
            let _ = store.remove(&key);
            return Move::NotMoved;
        }
        let old = std::mem::replace(&mut self.store, store);
        self.writable = true;
        self.set_base(Some(text), Some(doc.clone()));
        match forget_in(old.as_ref(), &self.namespace) {
            Deletion::Complete => Move::Moved,
            left => Move::OldCopyLeft(left),
        }
    }

    /// Another tab wrote `new_value` to the key (or removed it: `None`). Says how this tab should
    /// take it.
    pub fn external_change(&mut self, new_value: Option<String>, now: u64) -> External {
        if new_value == self.base {
            return External::Nothing;
        }
        match new_value {
            None => {
                self.set_base(None, None);
                External::Removed
            }
            Some(text) => match self.reader {
                Some(reader) => match (reader.adopt)(self, text, now) {
                    Ok(doc) => External::Changed(doc),
                    Err(notice) => External::Problem(notice),
                },
                None => External::Waiting,
            },
        }
    }
}

/// Writes `text` under `key` and reads it back: `Ok` only when the store gives back what was
/// written, so no caller can call a write "saved" that did not stick.
fn write_checked(store: &dyn Store, key: &str, text: &str) -> Result<(), StoreError> {
    store.set(key, text)?;
    match store.get(key)? {
        Some(back) if back == text => Ok(()),
        _ => Err(StoreError::Unavailable),
    }
}

/// Removes every key of `namespace` from `store` (the document and the copies kept aside), then reads
/// the keys back: [`Deletion::Complete`] only when none is left.
pub fn forget_in(store: &dyn Store, namespace: &Namespace) -> Deletion {
    let key = namespace.key();
    let copies = cat(&[&key, "/"]);
    let ours = |k: &String| *k == key || k.starts_with(&copies);
    match store.keys() {
        Ok(keys) => {
            for k in keys.iter().filter(|k| ours(k)) {
                let _ = store.remove(k);
            }
        }
        // Cannot list: still try the main key.
        Err(_) => {
            let _ = store.remove(&key);
        }
    }
    match store.keys() {
        Ok(keys) => {
            let left: Vec<String> = keys.into_iter().filter(|k| ours(k)).collect();
            if left.is_empty() {
                Deletion::Complete
            } else {
                Deletion::Incomplete { left }
            }
        }
        Err(_) => Deletion::Unknown,
    }
}
