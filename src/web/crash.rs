//! A panic never blanks or breaks the host page. The release build aborts on panic (smaller code, and
//! no half-unwound state), so a panic ends this widget's WebAssembly instance; each widget on a page
//! has an instance of its own (see `www/reciprocity-widget.js`), so the others keep working. Before the
//! instance ends, the panic hook replaces the widget's box with a short, calm message and a reload
//! link. Saved progress is untouched: it lives in storage, which the hook does not touch.

use crate::core::content::Content;
use std::cell::RefCell;
use std::sync::Once;

thread_local! {
    /// The widgets mounted by this instance: their root element and their words.
    static MOUNTED: RefCell<Vec<(web_sys::Element, &'static Content)>> = const { RefCell::new(Vec::new()) };
}

static HOOK: Once = Once::new();

/// Shows the crash message in `root` if this instance panics. Installs the panic hook once.
pub fn watch(root: &web_sys::Element, content: &'static Content) {
    // Through Yew, which otherwise installs its own hook on the first render.
    HOOK.call_once(|| yew::set_custom_panic_hook(Box::new(on_panic)));
    MOUNTED.with(|m| {
        if let Ok(mut mounted) = m.try_borrow_mut() {
            mounted.push((root.clone(), content));
        }
    });
}

/// `root` no longer holds a widget.
pub fn unwatch(root: &web_sys::Element) {
    MOUNTED.with(|m| {
        if let Ok(mut mounted) = m.try_borrow_mut() {
            mounted.retain(|(r, _)| r != root);
        }
    });
}

fn on_panic(info: &std::panic::PanicHookInfo) {
    // For the clinic's developer: the message and where it happened.
    web_sys::console::error_1(&format!("reciprocity-widget stopped: {info}").into());
    let mounted = MOUNTED.with(|m| m.try_borrow().map(|m| m.clone()).unwrap_or_default());
    let here = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    for (root, content) in mounted {
        // Plain markup set at once: after a panic, nothing of the widget's own code can be trusted to
        // run, and a hostile page may have broken the DOM methods the widget normally uses.
        root.set_inner_html(&crash_markup(content, &here));
    }
}

/// The crash message as markup, every text escaped.
pub fn crash_markup(content: &Content, reload_href: &str) -> String {
    let ui = &content.ui;
    format!(
        "<div class=\"rw-widget rw-crash\" role=\"alert\" lang=\"{}\" dir=\"{}\">\
         <p>{}</p><p><a class=\"rw-button\" href=\"{}\">{}</a></p></div>",
        escape(content.lang),
        escape(content.dir),
        escape(ui.crash_message),
        escape(reload_href),
        escape(ui.crash_reload),
    )
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_crash_message_is_escaped_and_links_back_to_the_page() {
        let markup = crash_markup(crate::english(), "https://clinic.example/a?b=1&c=\"><x>");
        assert!(markup.contains(crate::english().ui.crash_message));
        assert!(markup.contains("role=\"alert\""));
        assert!(markup.contains("href=\"https://clinic.example/a?b=1&amp;c=&quot;&gt;&lt;x&gt;\""));
        assert!(!markup.contains("<x>"));
    }
}
