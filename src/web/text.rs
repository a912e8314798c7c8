//! Fetching words the widget does not have yet, next to the widget's other files: another language's
//! first-screen table (`text/<lang>.json`) when the visitor chooses it, or when their saved choice
//! differs from the page's language, and a language's words for the sections arriving on first use
//! (`text/<lang>.parts.json`) when the first of them is opened. The loader fetched the first
//! language's first-screen table already (see `www/reciprocity-widget.js`).

use crate::core::strings::cat;
use crate::core::text;

/// Which table of a language.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Table {
    /// The first screen's: `text/<lang>.json`.
    First,
    /// The rest, only the sections arriving on first use read: `text/<lang>.parts.json`.
    Later,
}

/// Where `table` of `lang` is: in the folder of `files` (the URL of the loader, or of any file next to
/// it), or of the page when there is none.
pub fn file_url(files: Option<&str>, lang: &str, table: Table) -> Option<String> {
    let kind = match table {
        Table::First => "",
        Table::Later => ".parts",
    };
    super::file_next_to(files, &cat(&["text/", lang, kind, ".json"]))
}

/// Makes sure `table` of `lang` is kept (fetched from `files`' folder unless this instance has it
/// already): the first screen's, ready for [`text::switch_to`], or the rest, added to the kept first
/// one (see [`text::add_later_joined`]). Says what went wrong otherwise, for the console. One function
/// for both, so the wasm has its steps once.
pub async fn fetch_table(files: Option<&str>, lang: &str, table: Table) -> Result<(), String> {
    if table == Table::First && text::has(lang) {
        return Ok(());
    }
    let url = file_url(files, lang, table).ok_or("no address for the words")?;
    let json = super::fetch_json(&url).await?;
    let words = super::words_from_js(&json).ok_or("not a list of strings")?;
    let kept = match table {
        Table::First => text::keep_joined(words).map(|kept| kept[1]),
        Table::Later => text::add_later_joined(lang, words).map(|()| lang),
    };
    match kept {
        Err(w) => Err(cat(&[&url, " has ", &w.places()])),
        Ok(kept) if kept != lang => Err(cat(&[&url, " holds the words of `", kept, "`"])),
        Ok(_) => Ok(()),
    }
}
