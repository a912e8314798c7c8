//! What a widget shows if its code stops. The release build aborts at once on a panic (no unwinding and
//! no panic message: smaller code, and no half-unwound state), which ends this widget's WebAssembly
//! instance with a trap; each widget on a page has an instance of its own (see
//! `www/reciprocity-widget.js`), so the others keep working. Nothing of this instance can run after
//! the trap, so the loader, told of it by the glue (see `scripts/minify.mjs`), replaces the widget's box
//! with these words, which it asked for when it mounted the widget. Saved progress is untouched: it
//! lives in storage.

use crate::core::content::Content;

/// The crash message in `content`'s language, as the loader needs it: `[lang, dir, message, reload
/// link's label]`.
pub fn crash_words(content: &Content) -> [&'static str; 4] {
    [
        content.lang.get(),
        content.dir.get(),
        content.ui.crash_message.get(),
        content.ui.crash_reload.get(),
    ]
}
