//! What reciprocity is, where answers stay, and that this is not a diagnosis.

use super::widget::use_widget;
use crate::core::content::fill;
use yew::prelude::*;

#[component]
pub fn Intro() -> Html {
    let widget = use_widget();
    let content = widget.content();
    let intro = &content.intro;
    let clinic = widget
        .config
        .clinic_name
        .as_deref()
        .map(|name| fill(content.ui.clinic_intro, &[("clinic", name)]));
    html! {
        <header class="rw-intro">
            <h2 class="rw-intro-heading">{ intro.heading }</h2>
            if let Some(clinic) = clinic {
                <p class="rw-clinic">{ clinic }</p>
            }
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
