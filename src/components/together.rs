//! The check taken by two people in turn on one device.

use yew::prelude::*;

#[component]
pub fn Together() -> Html {
    Html::default()
}
