//! The DOM events the widget sends to the host page: ready once, then on checklist changes and
//! finished checks (never on the first render, which only shows what was saved). What their `detail`
//! may carry is decided in `core::events`.

use crate::components::lazy::{self, NotLoaded};
use crate::core::config::EmbedConfig;
use crate::core::content::Content;
use crate::core::document::{Checklist, Document};
use crate::core::events;
use crate::web::events::emit;
use std::rc::Rc;
use yew::prelude::*;

#[hook]
pub fn use_host_events(
    host: Option<web_sys::HtmlElement>,
    config: Rc<EmbedConfig>,
    content: &'static Content,
    doc: Document,
) {
    let finished = doc.quiz.finished().count();
    let seen = use_mut_ref(|| None::<(Checklist, usize)>);
    use_effect_with((doc.checklist.clone(), finished), move |_| {
        let Some(host) = host else { return };
        let mut seen = seen.borrow_mut();
        match seen.as_ref() {
            None => emit(&host, events::READY, &events::ready(&config)),
            Some((checklist, count)) => {
                if checklist.done != doc.checklist.done {
                    let detail = events::checklist_change(&config, content, &doc);
                    emit(&host, events::CHECKLIST_CHANGE, &detail);
                }
                if finished > *count {
                    quiz_complete(host, config, content, &doc);
                }
            }
        }
        *seen = Some((doc.checklist.clone(), finished));
    });
}

/// Tells the host page a check was finished; with its results when the clinic shares them, once the
/// scoring that works them out is here (it arrives with the sections: `lazy::results`).
fn quiz_complete(
    host: web_sys::HtmlElement,
    config: Rc<EmbedConfig>,
    content: &'static Content,
    doc: &Document,
) {
    if !config.share_results {
        return emit(
            &host,
            events::QUIZ_COMPLETE,
            &events::quiz_complete(&config, None),
        );
    }
    let doc = doc.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let results = match lazy::results().await {
            Ok(results) => results(content, &doc),
            Err(NotLoaded) => {
                let why = "reciprocity-widget: the check's results could not be worked out for the event (offline?)";
                web_sys::console::warn_1(&why.into());
                None
            }
        };
        let detail = events::quiz_complete(&config, results);
        emit(&host, events::QUIZ_COMPLETE, &detail);
    });
}
