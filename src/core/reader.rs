//! Reading saved progress and merging two copies of it: the half of the storage core that a first
//! visit does without.
//!
//! A visitor with nothing saved starts from an empty document, and a save that finds the store as this
//! tab left it writes without reading anything back in: neither needs [`decode`](super::codec::decode)
//! or [`merge`](super::merge::merge), which with the JSON reading and the migrations under them were
//! 9.3 KB (gzip) of the first screen's wasm. In the release build (the `split` feature) they are a part
//! of the wasm (see `components/lazy.rs`) fetched when first needed:
//! - before the first screen, when the browser holds saved progress (`components/root.rs` waits);
//! - when another tab or window changed the progress ([`SaveOutcome::Waiting`],
//!   [`External::Waiting`]): this tab reads the change in once the part is here;
//! - with a change of language, for the widget mounted afresh in it (`hooks/language.rs`).
//!
//! Coming back from the part, the compiler cannot see them from the first screen. Elsewhere (native and
//! browser tests) they are simply here.
//!
//! [`SaveOutcome::Waiting`]: super::persistence::SaveOutcome::Waiting
//! [`External::Waiting`]: super::persistence::External::Waiting

use super::codec::DecodeError;
use super::document::Document;
use super::persistence::{Notice, Persistence};

/// Reads and merges saved progress.
#[derive(Clone, Copy)]
pub struct Reader {
    pub decode: fn(&str) -> Result<Document, DecodeError>,
    pub merge: fn(&Document, &Document) -> Document,
    /// Takes a text found under the key as the current document, or copies an unreadable one aside
    /// ([`Persistence::adopt`]): only ever after reading, so it travels with the reader.
    pub adopt: fn(&mut Persistence, String, u64) -> Result<Document, Notice>,
}

impl Reader {
    /// The reader itself. In the release build only its part calls this (see the module's docs).
    pub fn full() -> Reader {
        Reader {
            decode: super::codec::decode,
            merge: super::merge::merge,
            adopt: Persistence::adopt,
        }
    }
}

#[cfg(feature = "split")]
thread_local! {
    static HERE: std::cell::Cell<Option<Reader>> = const { std::cell::Cell::new(None) };
}

/// The reader, if it is here: always, without the split; in the release build once its part arrived.
pub fn here() -> Option<Reader> {
    #[cfg(feature = "split")]
    return HERE.with(std::cell::Cell::get);
    #[cfg(not(feature = "split"))]
    return Some(Reader::full());
}

/// Called with what the reader's part handed back when it arrived; kept for the life of the page.
pub fn arrived(reader: Reader) {
    #[cfg(feature = "split")]
    HERE.with(|here| here.set(Some(reader)));
    #[cfg(not(feature = "split"))]
    let _ = reader;
}
