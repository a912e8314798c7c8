//! The language the widget speaks. The visitor's choice is kept in the document; whenever it differs
//! from the words on screen (a choice just made, a choice saved on an earlier visit, or one made in
//! another tab), its words are made current and the app is mounted afresh in it (see
//! `components/root.rs`). Words this instance lacks are fetched first (one file, from the widget's
//! folder), with what reads the saved progress for the new mount (`core::reader`) unless it is here;
//! if they cannot be, the status line says so and the widget stays in the language it has (the choice
//! stays kept, and is tried again on the next visit).

use crate::components::lazy;
use crate::core::content::{bundled, UiText};
use crate::core::strings::cat;
use crate::core::text;
use crate::web::text::{fetch_table, Table};
use std::cell::Cell;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

thread_local! {
    /// Set when the visitor chooses in the language list, so the list takes focus again in the app
    /// mounted in that language (the list they used is gone with the old one).
    static CHOSEN_HERE: Cell<bool> = const { Cell::new(false) };
}

/// The language list was used: it takes focus after the switch.
pub fn chosen_here() {
    CHOSEN_HERE.with(|c| c.set(true));
}

/// Whether the language list should take focus now (once per choice).
pub fn focus_after_choice() -> bool {
    CHOSEN_HERE.with(|c| c.replace(false))
}

#[hook]
pub fn use_chosen_language(
    chosen: Option<String>,
    files: Option<AttrValue>,
    ui: &'static UiText,
    on_language: Callback<&'static str>,
    say: Callback<String>,
) {
    use_effect_with(chosen, move |chosen| {
        let wanted = chosen
            .as_deref()
            .and_then(|c| bundled::LANGUAGES.iter().copied().find(|l| *l == c));
        if let Some(lang) = wanted.filter(|l| *l != text::current()) {
            // The app mounted afresh in that language reads the saved progress again: what reads it
            // (see `core::reader`) travels alongside the words, and the switch waits for both.
            lazy::prefetch_reader();
            spawn_local(async move {
                let arrived = match fetch_table(files.as_deref(), lang, Table::First).await {
                    Ok(()) => lazy::reader().await.map(|_| ()).map_err(|_| {
                        "what reads the saved progress could not be fetched".to_string()
                    }),
                    Err(problem) => Err(problem),
                };
                match arrived {
                    Ok(()) if text::switch_to(lang) => on_language.emit(lang),
                    Ok(()) => {}
                    Err(problem) => {
                        focus_after_choice();
                        web_sys::console::warn_1(
                            &cat(&[
                                "reciprocity-widget: the words of `",
                                lang,
                                "` could not be loaded: ",
                                &problem,
                            ])
                            .into(),
                        );
                        say.emit(ui.language_failed.to_string());
                    }
                }
            });
        }
    });
}
