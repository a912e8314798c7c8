//! The clinic's colours, checked once rendered: if any text would fall below 4.5:1 contrast, the
//! widget uses its own colours (and says why in the console). The rule lives in `core::contrast`.

use crate::core::contrast;
use crate::core::strings::cat;
use yew::prelude::*;

/// The colour probes the check reads: rendered inside the widget, never shown, never read aloud.
pub fn probes() -> Html {
    html! {
        <span class="rw-probes" aria-hidden="true">
            <span class="rw-probe-text"></span>
            <span class="rw-probe-surface"></span>
            <span class="rw-probe-accent"></span>
            <span class="rw-probe-on-accent"></span>
        </span>
    }
}

/// Whether the widget must use its own colours. `root` holds the [`probes`].
#[hook]
pub fn use_theme_check(root: NodeRef) -> bool {
    let own_colours = use_state(|| false);
    {
        let own_colours = own_colours.clone();
        use_effect_with((), move |_| {
            let computed = |class: &str| -> Option<String> {
                let element = root
                    .cast::<web_sys::Element>()?
                    .query_selector(&cat(&[".", class]))
                    .ok()??;
                let style = web_sys::window()?.get_computed_style(&element).ok()??;
                style.get_property_value("color").ok()
            };
            let colour = |class| computed(class).unwrap_or_default();
            let (text, surface, accent, on_accent) = (
                colour("rw-probe-text"),
                colour("rw-probe-surface"),
                colour("rw-probe-accent"),
                colour("rw-probe-on-accent"),
            );
            let pairs = [
                (text.as_str(), surface.as_str()),
                (accent.as_str(), surface.as_str()),
                (on_accent.as_str(), accent.as_str()),
            ];
            if !contrast::readable(&pairs) {
                web_sys::console::warn_1(
                    &"reciprocity-widget: the --rw-* colours on this page give text less than 4.5:1 \
                      contrast (or are translucent); the widget uses its own colours instead."
                        .into(),
                );
                own_colours.set(true);
            }
        });
    }
    *own_colours
}
