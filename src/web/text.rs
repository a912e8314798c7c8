//! Fetching the words of another language (`text/<lang>.json`, next to the widget's other files) when
//! the visitor chooses it, or when their saved choice differs from the page's language. The loader
//! fetched the first language's words already (see `www/reciprocity-widget.js`).

use crate::core::text;

/// Where the words of `lang` are: `text/<lang>.json` in the folder of `files` (the URL of the loader,
/// or of any file next to it), or of the page when there is none.
pub fn file_url(files: Option<&str>, lang: &str) -> Option<String> {
    super::file_next_to(files, &format!("text/{lang}.json"))
}

/// Makes sure the words of `lang` are kept (fetched from `files`' folder unless this instance has them
/// already), ready for [`text::switch_to`]. Says what went wrong otherwise, for the console.
pub async fn fetch_language(files: Option<&str>, lang: &str) -> Result<(), String> {
    if text::has(lang) {
        return Ok(());
    }
    let url = file_url(files, lang).ok_or("no address for the words")?;
    let json = super::fetch_json(&url).await?;
    let words = super::words_from_js(&json).ok_or("not a list of strings")?;
    let kept = text::keep_joined(words).map_err(|w| {
        format!(
            "{url} has {} places where this build has {}",
            w.found, w.expected
        )
    })?;
    if kept[1] != lang {
        return Err(format!("{url} holds the words of `{}`", kept[1]));
    }
    Ok(())
}
