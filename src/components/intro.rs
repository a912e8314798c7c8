//! What reciprocity is, where answers stay, and that this is not a diagnosis.

use super::app::use_widget;
use yew::prelude::*;

#[component]
pub fn Intro() -> Html {
    let intro = &use_widget().content().intro;
    html! {
        <header class="rw-intro">
            <h2 class="rw-intro-heading">{ intro.heading }</h2>
            for paragraph in intro.paragraphs.iter() {
                <p>{ *paragraph }</p>
            }
            <ul class="rw-intro-notes">
                <li>{ intro.privacy }</li>
                <li>{ intro.not_diagnosis }</li>
            </ul>
        </header>
    }
}
