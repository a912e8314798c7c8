//! The widget's outermost component: [`App`] in the language the visitor reads. When the language
//! changes, the app is mounted afresh (`key`), so every word on screen comes from the new table at
//! once and no component keeps words of the old one; progress lives in storage and is read again.
//!
//! When the browser holds saved progress, the app waits for what reads it (`core::reader`, a part of
//! the wasm in the release build): the first thing the visitor sees is their own progress, never an
//! empty checklist that fills in a moment later. A first visit does not wait.

use super::app::{widget_box, App, AppProps};
use super::hooks::persistence::holds_progress;
use super::lazy;
use super::markup::{attrs, dynamic, el, nodes, on, tag};
use crate::core::reader;
use crate::core::text;
use wasm_bindgen::JsCast;
use yew::html::IntoPropValue;
use yew::prelude::*;

/// Where the reader of saved progress is, before the app opens storage.
#[derive(Clone, Copy, PartialEq)]
enum Reading {
    /// Here, or not needed (nothing saved): the app is on screen.
    Ready,
    /// On its way.
    Fetching,
    /// It could not be fetched (offline): a message and "Try again".
    Failed,
    /// On its way again after "Try again"; focus goes to the app's heading when it comes.
    Retrying,
}

#[component]
pub fn Root(props: &AppProps) -> Html {
    let reading = use_state(
        || match reader::here().is_some() || !holds_progress(&props.config) {
            true => Reading::Ready,
            false => Reading::Fetching,
        },
    );
    // The element the widget is mounted in (found from the waiting message), while "Try again" waits
    // to send focus to the heading of what comes: the button pressed is gone.
    let waiting = use_node_ref();
    let refocus = use_mut_ref(|| None::<web_sys::Element>);
    {
        let (reading, waiting) = (reading.clone(), waiting.clone());
        use_effect_with(*reading, move |now| match now {
            Reading::Fetching | Reading::Retrying => {
                if *now == Reading::Retrying {
                    *refocus.borrow_mut() = waiting
                        .cast::<web_sys::Element>()
                        .and_then(|w| w.parent_element());
                }
                wasm_bindgen_futures::spawn_local(async move {
                    reading.set(match lazy::reader().await {
                        Ok(_) => Reading::Ready,
                        Err(lazy::NotLoaded) => Reading::Failed,
                    })
                });
            }
            Reading::Ready => {
                let heading = refocus.borrow_mut().take().and_then(|mount| {
                    mount
                        .query_selector("[data-focus=\"view-heading\"]")
                        .ok()
                        .flatten()
                });
                if let Some(heading) =
                    heading.and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = heading.focus();
                }
            }
            Reading::Failed => {}
        });
    }
    let lang = use_state(text::current);
    // The loader shows the crash message in the language on screen.
    {
        let content = props.content;
        use_effect_with(*lang, move |_| crate::web::crash::tell(content));
    }
    let on_language = {
        let lang = lang.setter();
        Callback::from(move |now: &'static str| lang.set(now))
    };
    // After every hook: the same hooks run in every render.
    if *reading != Reading::Ready {
        return waiting_view(props, *reading, waiting, reading.setter());
    }
    html! {
        <App
            key={*lang}
            content={props.content}
            config={props.config.clone()}
            host={props.host.clone()}
            files={props.files.clone()}
            {on_language}
        />
    }
}

/// "Loading…" while the reader of saved progress is on its way; if it cannot be fetched, a calm
/// message (the saved progress is still there) and "Try again". Quick exit is there all along, as a
/// link that leaves without a history entry (its keyboard gesture and its clearing come with the app,
/// which has read the visitor's settings).
fn waiting_view(
    props: &AppProps,
    reading: Reading,
    waiting: NodeRef,
    set: UseStateSetter<Reading>,
) -> Html {
    let content = props.content;
    let ui = &content.ui;
    let exit_url = props.config.exit_to();
    let leave = {
        let exit_url = exit_url.clone();
        Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            if let Some(window) = web_sys::window() {
                let _ = window.location().replace(&exit_url);
            }
        })
    };
    let exit = el(
        "div",
        attrs!["class" = "rw-toolbar"],
        tag(
            "a",
            dynamic!["href" = exit_url, "rel" = "noreferrer", "class" = "rw-exit"],
            on!(onclick, leave),
            ui.exit_button.into_prop_value(),
        ),
    );
    let failed = (reading == Reading::Failed).then(|| {
        let retry = Callback::from(move |_: MouseEvent| set.set(Reading::Retrying));
        (ui.learn_failed, retry)
    });
    let inside = nodes(vec![exit, lazy::fetch_status(ui, failed)]);
    widget_box(content, waiting, "rw-widget", inside)
}
