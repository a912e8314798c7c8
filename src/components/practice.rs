//! The practice log: the article's rituals, marked day by day.

use yew::prelude::*;

#[component]
pub fn Practice() -> Html {
    Html::default()
}
