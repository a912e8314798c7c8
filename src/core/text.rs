//! The widget's words at run time: one table of strings per language.
//!
//! The content's shape is compiled in (see `build.rs`); its words are [`Text`]s, places in the table of
//! the visitor's language. In the browser the table is `content/text/<lang>.json`, downloaded by the
//! loader next to the wasm (only the visitor's language) and handed over with [`install`] before the
//! widget renders. That table stops before the words only the sections arriving on first use read
//! (`content/text/<lang>.parts.json`, added with [`add_later_joined`] when the first of them is opened).
//! Natively every language is compiled in and English is the whole table from the start, so the pure
//! core is tested without a browser.
//!
//! One table per WebAssembly instance: each widget on a page has an instance of its own (see
//! `www/reciprocity-widget.js`).

use super::content::bundled::{FIRST_TEXT_LEN, TEXT_LEN};
use std::cell::{Cell, RefCell};
use std::fmt;

/// Words a visitor reads: a place in the current language's table. Dereferences to the string.
/// In the browser no `Display`: `to_string()` then takes the string's own, where `Display` would go
/// through `core::fmt` (see `core::strings`); `format!` takes `.get()`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Text(pub u16);

impl Text {
    /// The empty string: what a missing optional text is (place 0 of every table).
    pub const EMPTY: Text = Text(0);
}

/// The English table, natively; nothing in the browser until [`install`].
#[cfg(not(target_arch = "wasm32"))]
const START: &[&str] = super::content::bundled::TABLES[0].1;
#[cfg(target_arch = "wasm32")]
const START: &[&str] = &[];

thread_local! {
    /// The table every [`Text`] reads from now.
    static TABLE: Cell<&'static [&'static str]> = const { Cell::new(START) };
    /// Every table this instance has been given, so switching back to a language fetches nothing.
    static KEPT: RefCell<Vec<&'static [&'static str]>> = const { RefCell::new(Vec::new()) };
}

/// The place of the language's own code in every table (`content/<lang>.json`'s `lang`).
const LANG: usize = 1;

impl Text {
    /// The words, from the current table. A place the table lacks reads as the empty string
    /// ([`install`] checks the length first).
    pub fn get(self) -> &'static str {
        TABLE.with(|t| t.get().get(usize::from(self.0)).copied().unwrap_or(""))
    }
}

impl Default for Text {
    fn default() -> Self {
        Text::EMPTY
    }
}

impl std::ops::Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        self.get()
    }
}

// In Yew's markup a `Text` is its words, as a `&'static str` would be.
impl yew::html::IntoPropValue<yew::virtual_dom::VNode> for Text {
    fn into_prop_value(self) -> yew::virtual_dom::VNode {
        // The words as they are in the table: no copy of the string.
        let words = yew::AttrValue::Static(self.get());
        yew::virtual_dom::VNode::VText(yew::virtual_dom::VText::new(words))
    }
}

impl yew::html::IntoPropValue<yew::AttrValue> for Text {
    fn into_prop_value(self) -> yew::AttrValue {
        yew::AttrValue::Static(self.get())
    }
}

impl yew::html::IntoPropValue<Option<yew::AttrValue>> for Text {
    fn into_prop_value(self) -> Option<yew::AttrValue> {
        Some(yew::AttrValue::Static(self.get()))
    }
}

impl From<Text> for yew::virtual_dom::Key {
    fn from(text: Text) -> Self {
        text.get().into()
    }
}

impl From<Text> for yew::AttrValue {
    fn from(text: Text) -> Self {
        yew::AttrValue::Static(text.get())
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self
    }
}

/// For native code only (the tests, and the documents they write). In the browser `Text` has no
/// `Display`, so `to_string()` takes the string's own (see the type).
#[cfg(not(target_arch = "wasm32"))]
impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self)
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Text({}: {:?})", self.0, &**self)
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        **self == *other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        **self == **other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        **self == **other
    }
}

impl PartialEq<Text> for String {
    fn eq(&self, other: &Text) -> bool {
        **self == **other
    }
}

impl PartialEq<Text> for &str {
    fn eq(&self, other: &Text) -> bool {
        **self == **other
    }
}

/// A table that does not fit the compiled content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrongLength {
    pub expected: usize,
    pub found: usize,
}

impl WrongLength {
    /// "12 places where this build has 224", for the console.
    pub fn places(&self) -> String {
        use super::strings::{cat, decimal};
        cat(&[
            &decimal(self.found as u64),
            " places where this build has ",
            &decimal(self.expected as u64),
        ])
    }
}

/// Makes `words` the table every [`Text`] reads from, and keeps it (see [`keep`]). Returns its
/// language's code.
pub fn install(words: Vec<String>) -> Result<&'static str, WrongLength> {
    install_joined(words.join(SEPARATOR))
}

/// Like [`install`], for the words joined by [`SEPARATOR`]: how the browser hands them over, as one
/// string rather than four hundred.
pub fn install_joined(joined: String) -> Result<&'static str, WrongLength> {
    let table = keep_joined(joined)?;
    TABLE.with(|t| t.set(table));
    Ok(table[LANG])
}

/// What separates the words of a table handed over as one string (no word contains it: see
/// tests/text.rs).
pub const SEPARATOR: &str = "\0";
/// [`SEPARATOR`] as a `char`: splitting by a `char` scans for one byte, where a `&str` pattern runs a
/// general substring search (a few milliseconds on a slow phone, for the five hundred words).
const SEPARATOR_CHAR: char = '\0';
const _: () = assert!(SEPARATOR.len() == 1 && SEPARATOR.as_bytes()[0] == SEPARATOR_CHAR as u8);

/// Keeps `words` for [`switch_to`] without using them yet (see [`keep_joined`]).
pub fn keep(words: Vec<String>) -> Result<&'static [&'static str], WrongLength> {
    keep_joined(words.join(SEPARATOR))
}

/// Keeps the words joined in `joined` for [`switch_to`] without using them yet: the first screen's
/// table (`text/<lang>.json`, the places before [`FIRST_TEXT_LEN`]), or a whole one. Refused, and nothing
/// changes, unless it has exactly one string for each of those places (a table from another build of
/// the widget would put words in the wrong places). Kept for the life of the page: a widget may switch
/// back to a language it had. The one string is kept whole, and the words point into it.
pub fn keep_joined(joined: String) -> Result<&'static [&'static str], WrongLength> {
    let expected = FIRST_TEXT_LEN;
    let found = joined.split(SEPARATOR_CHAR).count();
    if found != expected && found != TEXT_LEN {
        return Err(WrongLength { expected, found });
    }
    if let Some(kept) = joined.split(SEPARATOR_CHAR).nth(LANG).and_then(kept) {
        return Ok(kept);
    }
    let joined: &'static str = Box::leak(joined.into_boxed_str());
    let table: &'static [&'static str] = Box::leak(
        joined
            .split(SEPARATOR_CHAR)
            .collect::<Vec<_>>()
            .into_boxed_slice(),
    );
    KEPT.with(|k| k.borrow_mut().push(table));
    Ok(table)
}

/// Completes the kept table of `lang` with the words only the sections arriving on first use read
/// (`text/<lang>.parts.json`, joined by [`SEPARATOR`]; see [`later_installed`]), and reads from the whole
/// table at once if `lang` is the current language. Refused, and nothing changes, unless `lang`'s first
/// table is kept and `joined` has one string for each later place.
pub fn add_later_joined(lang: &str, joined: String) -> Result<(), WrongLength> {
    let expected = TEXT_LEN - FIRST_TEXT_LEN;
    let found = joined.split(SEPARATOR_CHAR).count();
    let Some(first) = kept(lang).filter(|_| found == expected) else {
        return Err(WrongLength { expected, found });
    };
    if first.len() == TEXT_LEN {
        return Ok(());
    }
    let joined: &'static str = Box::leak(joined.into_boxed_str());
    let whole: &'static [&'static str] = Box::leak(
        first
            .iter()
            .copied()
            .chain(joined.split(SEPARATOR_CHAR))
            .collect::<Vec<_>>()
            .into_boxed_slice(),
    );
    KEPT.with(|k| {
        for table in k.borrow_mut().iter_mut().filter(|t| t[LANG] == lang) {
            *table = whole;
        }
    });
    TABLE.with(|t| {
        if t.get().get(LANG) == Some(&lang) {
            t.set(whole);
        }
    });
    Ok(())
}

/// Whether the words only the sections arriving on first use read are in the current table: they
/// render only then, so none of them ever shows a blank (see `components/lazy.rs`). Always, natively.
pub fn later_installed() -> bool {
    TABLE.with(|t| t.get().len() >= TEXT_LEN)
}

/// Whether this instance keeps the words of `lang`.
pub fn has(lang: &str) -> bool {
    kept(lang).is_some()
}

fn kept(lang: &str) -> Option<&'static [&'static str]> {
    KEPT.with(|k| k.borrow().iter().find(|t| t[LANG] == lang).copied())
}

/// Makes the kept table of `lang` the one every [`Text`] reads from; `false` (and nothing changes)
/// if there is none.
pub fn switch_to(lang: &str) -> bool {
    match kept(lang) {
        Some(table) => {
            TABLE.with(|t| t.set(table));
            true
        }
        None => false,
    }
}

/// The code of the language every [`Text`] reads from now ("" before any table in the browser).
pub fn current() -> &'static str {
    Text(LANG as u16).get()
}

/// A text that is in no content file, for the native tests that check what the validator or the plan
/// makes of wording the content does not have: `words` is added to this thread's table (and leaked).
#[cfg(not(target_arch = "wasm32"))]
pub fn adhoc(words: &str) -> Text {
    TABLE.with(|t| {
        let mut table = t.get().to_vec();
        table.push(Box::leak(words.to_owned().into_boxed_str()));
        let place = u16::try_from(table.len() - 1).expect("a test adds a few texts");
        t.set(Box::leak(table.into_boxed_slice()));
        Text(place)
    })
}

/// Whether a table is in place (in the browser: whether [`install`] has succeeded).
pub fn installed() -> bool {
    TABLE.with(|t| !t.get().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_read_from_the_english_table_natively() {
        assert!(installed());
        assert_eq!(&*Text::EMPTY, "");
        let ui = &crate::english().ui;
        assert!(!ui.widget_label.is_empty());
        assert_eq!(ui.widget_label.to_string(), &*ui.widget_label);
    }

    #[test]
    fn a_table_of_the_wrong_length_is_refused_and_nothing_changes() {
        let label = crate::english().ui.widget_label.to_string();
        assert_eq!(
            install(vec!["x".into(); 3]),
            Err(WrongLength {
                expected: FIRST_TEXT_LEN,
                found: 3
            })
        );
        assert_eq!(crate::english().ui.widget_label.to_string(), label);
    }

    #[test]
    fn kept_tables_are_switched_to_by_their_language_without_asking_again() {
        let english: Vec<String> = super::super::content::bundled::TABLES[0]
            .1
            .iter()
            .map(|s| s.to_string())
            .collect();
        let mut other = english.clone();
        other[LANG] = "xx".into();
        let label = crate::english().ui.widget_label;
        other[usize::from(label.0)] = "Autre".into();
        assert_eq!(keep(other).map(|t| t[LANG]), Ok("xx"));
        assert_eq!(current(), "en", "kept, not yet used");
        assert!(switch_to("xx"));
        assert_eq!((current(), &*label), ("xx", "Autre"));
        assert!(!switch_to("yy"), "no table for yy");
        assert_eq!(current(), "xx");
        assert_eq!(install(english), Ok("en"));
        assert!(switch_to("xx") && switch_to("en"));
        assert_ne!(&*label, "Autre");
    }

    #[test]
    fn the_sections_words_come_after_the_first_screens_and_only_complete_its_table() {
        let (_, whole, _, _) = super::super::content::bundled::TABLES[0];
        let first: Vec<String> = whole[..FIRST_TEXT_LEN]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let later = whole[FIRST_TEXT_LEN..].join(SEPARATOR);
        let english = crate::english();
        let (label, intro) = (
            english.ui.widget_label,
            english.later().part_ui.practice_intro,
        );
        assert!(
            usize::from(intro.0) >= FIRST_TEXT_LEN,
            "a section's word is a later place"
        );

        // The browser's start: the first screen's table only.
        assert_eq!(install(first), Ok("en"));
        assert!(!later_installed());
        assert_eq!((&*label, &*intro), (whole[usize::from(label.0)], ""));

        // Refused, and nothing changes: the wrong length, or a language with no first table.
        assert_eq!(
            add_later_joined("en", "x".into()),
            Err(WrongLength {
                expected: TEXT_LEN - FIRST_TEXT_LEN,
                found: 1
            })
        );
        assert!(add_later_joined("yy", later.clone()).is_err());
        assert!(!later_installed());

        // Added: the whole table, now and after switching away and back.
        assert_eq!(add_later_joined("en", later.clone()), Ok(()));
        assert!(later_installed());
        assert_eq!(&*intro, whole[usize::from(intro.0)]);
        assert_eq!(
            add_later_joined("en", later),
            Ok(()),
            "again: nothing to do"
        );
        let mut other: Vec<String> = whole[..FIRST_TEXT_LEN]
            .iter()
            .map(|s| s.to_string())
            .collect();
        other[LANG] = "xx".into();
        keep(other).unwrap();
        assert!(switch_to("xx"));
        assert!(!later_installed(), "another language's first table only");
        assert!(switch_to("en"));
        assert!(later_installed());
        assert_eq!(&*intro, whole[usize::from(intro.0)]);
    }

    #[test]
    fn an_installed_table_is_what_every_text_reads() {
        let mut words: Vec<String> = super::super::content::bundled::TABLES[0]
            .1
            .iter()
            .map(|s| s.to_string())
            .collect();
        let label = crate::english().ui.widget_label;
        words[usize::from(label.0)] = "Autre".into();
        install(words).unwrap();
        assert_eq!(&*label, "Autre");
    }
}
