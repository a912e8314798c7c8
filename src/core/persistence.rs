//! Loading and saving the document through any key-value [`Store`], with every failure turned into a
//! notice for the visitor and none of them losing saved data.
//!
//! The browser's storage is one implementation of [`Store`] (in `crate::web::storage`); [`MemoryStore`]
//! is the other, used when the browser refuses storage and by the native tests, which can give it a quota
//! to imitate a full disk.

use super::codec::{decode, encode, DecodeError};
use super::document::{Document, View};
use std::cell::RefCell;
use std::collections::BTreeMap;

/// Every key this widget writes starts with this, so a page can tell the widget's keys from its own.
pub const KEY_PREFIX: &str = "reciprocity-widget/v1/";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// The store cannot be used at all (blocked, sandboxed, removed).
    Unavailable,
    /// The write did not fit.
    QuotaExceeded,
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
    items: RefCell<BTreeMap<String, String>>,
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
        format!("{KEY_PREFIX}{}", self.0)
    }

    /// Where an unreadable document found at load time is kept, named by the time it was found.
    pub fn corrupt_key(&self, unix_ms: u64) -> String {
        format!("{}/corrupt/{unix_ms}", self.key())
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
    /// The browser refuses storage: progress lives only until the page closes.
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
    /// The clinic chose not to save progress on this page (`storage="none"`).
    NotSaving,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveOutcome {
    Saved,
    /// The document is what was last saved (or read): nothing written.
    Unchanged,
    /// Saving is off for this page (see [`Persistence::is_saving`]).
    NotSaving,
    Failed(Notice),
}

/// One namespace's document in one store.
pub struct Persistence {
    store: Box<dyn Store>,
    namespace: Namespace,
    /// Whether writes are allowed. Off when there is no store, or when writing would destroy data this
    /// code cannot read (a newer schema, or an unreadable value that could not be copied aside).
    writable: bool,
    /// The text last written or read, so an unchanged document is not written again and a `storage`
    /// event carrying our own write is recognised.
    last_text: Option<String>,
}

/// What [`Persistence::open`] found.
pub struct Loaded {
    pub persistence: Persistence,
    pub doc: Document,
    pub notices: Vec<Notice>,
}

impl Persistence {
    /// Reads the namespace's document from `store` (or, with no store, works in memory). `now` is the
    /// current Unix time in milliseconds, used to name the copy of an unreadable document.
    pub fn open(store: Option<Box<dyn Store>>, namespace: Namespace, now: u64) -> Loaded {
        let Some(store) = store else {
            return Self::memory_only(namespace, Notice::Unavailable);
        };
        let mut persistence = Persistence {
            store,
            namespace,
            writable: true,
            last_text: None,
        };
        let key = persistence.namespace.key();
        let (doc, notices) = match persistence.store.get(&key) {
            Err(_) => return Self::memory_only(persistence.namespace, Notice::Unavailable),
            Ok(None) => {
                // Nothing is written until the visitor changes something: a visit alone stores nothing.
                persistence.last_text = Some(encode(&Document::default()));
                (Document::default(), Vec::new())
            }
            Ok(Some(text)) => match persistence.adopt(text, now) {
                Ok(doc) => (doc, Vec::new()),
                Err(notice) => (Document::default(), vec![notice]),
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
                last_text: None,
            },
            doc: Document::default(),
            notices: vec![notice],
        }
    }

    /// Whether changes are being written to the store.
    pub fn is_saving(&self) -> bool {
        self.writable
    }

    pub fn key(&self) -> String {
        self.namespace.key()
    }

    /// The text last written or read.
    pub fn last_text(&self) -> Option<&str> {
        self.last_text.as_deref()
    }

    /// Takes `text` found under the key as the current document, or explains why not. An unreadable
    /// value is copied aside before anything else; if that copy fails, writing stops so the only copy
    /// cannot be overwritten.
    fn adopt(&mut self, text: String, now: u64) -> Result<Document, Notice> {
        match decode(&text) {
            Ok(doc) => {
                self.last_text = Some(text);
                Ok(doc)
            }
            Err(DecodeError::Newer(_)) => {
                self.writable = false;
                Err(Notice::Newer)
            }
            Err(DecodeError::Malformed(_) | DecodeError::Invalid(_)) => {
                let backup_key = self.free_corrupt_key(now);
                match self.store.set(&backup_key, &text) {
                    Ok(()) => Err(Notice::Corrupt { backup_key }),
                    Err(_) => {
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
                    format!("{base}-{n}")
                }
            })
            .find(|key| !matches!(self.store.get(key), Ok(Some(_))))
            .unwrap_or(base)
    }

    /// Writes `doc` if it differs from what was last written or read. A document with nothing in it
    /// (only a different open section) is not written where nothing was kept: moving between sections
    /// alone, before anything is ticked or answered or after "delete everything", stores nothing.
    pub fn save(&mut self, doc: &Document) -> SaveOutcome {
        if !self.writable {
            return SaveOutcome::NotSaving;
        }
        let text = encode(doc);
        if self.last_text.as_deref() == Some(text.as_str()) {
            return SaveOutcome::Unchanged;
        }
        let kept_nothing = self
            .last_text
            .as_deref()
            .is_some_and(|t| decode(t).is_ok_and(|d| d.is_empty()));
        if doc.is_empty() && kept_nothing {
            self.last_text = Some(text);
            return SaveOutcome::Unchanged;
        }
        match self.store.set(&self.namespace.key(), &text) {
            Ok(()) => {
                self.last_text = Some(text);
                SaveOutcome::Saved
            }
            // `last_text` stays as it was, so the next change tries the whole document again.
            Err(StoreError::QuotaExceeded) => SaveOutcome::Failed(Notice::Full),
            Err(StoreError::Unavailable) => SaveOutcome::Failed(Notice::Unavailable),
        }
    }

    /// Deletes everything this namespace has in the store (its document and any corrupt copies kept
    /// aside), and treats the empty document with `view` as written, so nothing is written back until
    /// the visitor changes something. Returns whether every key went.
    pub fn forget(&mut self, view: View) -> bool {
        let key = self.namespace.key();
        let copies = format!("{key}/");
        let mut all_gone = true;
        if let Ok(keys) = self.store.keys() {
            for k in keys.iter().filter(|k| **k == key || k.starts_with(&copies)) {
                all_gone &= self.store.remove(k).is_ok();
            }
        } else {
            all_gone = self.store.remove(&key).is_ok();
        }
        self.last_text = Some(encode(&Document {
            view,
            ..Document::default()
        }));
        all_gone
    }

    /// Moves the document to `store` (the visitor chose "don't remember me": session storage) and
    /// deletes it from the old one. Writing resumes in the new store.
    pub fn move_to(&mut self, store: Box<dyn Store>, doc: &Document) -> SaveOutcome {
        self.forget(doc.view);
        self.store = store;
        self.writable = true;
        self.last_text = None;
        self.save(doc)
    }

    /// Another tab wrote `new_value` (or removed the key: `None`). Returns the document this tab should
    /// now show, keeping its own open section, or `None` when there is nothing to take.
    pub fn external_change(
        &mut self,
        new_value: Option<String>,
        own_view: View,
        now: u64,
    ) -> Option<Result<Document, Notice>> {
        if new_value == self.last_text {
            return None;
        }
        let result = match new_value {
            None => Ok(Document::default()),
            Some(text) => self.adopt(text, now),
        };
        Some(result.map(|mut doc| {
            doc.view = own_view;
            // What this tab would write next is the other tab's data with our view; remember it as
            // written, so taking the change does not echo it back and start a ping-pong between tabs.
            self.last_text = Some(encode(&doc));
            doc
        }))
    }
}
