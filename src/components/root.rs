//! The widget's outermost component: [`App`] in the language the visitor reads. When the language
//! changes, the app is mounted afresh (`key`), so every word on screen comes from the new table at
//! once and no component keeps words of the old one; progress lives in storage and is read again.

use super::app::{App, AppProps};
use crate::core::text;
use yew::prelude::*;

#[component]
pub fn Root(props: &AppProps) -> Html {
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
