//! The widget's root: composes the hooks (saved progress, quick exit, host events, theme check, focus,
//! Learn more) and the sections. Every job lives in its own hook or component; this file only wires them together.

use super::checklist::Checklist as ChecklistView;
use super::data_panel::{data_panel, use_data_panel, HEADING as DATA_HEADING};
use super::hooks::focus::{use_pending_focus, Focus};
use super::hooks::host_events::use_host_events;
use super::hooks::language::{focus_after_choice, use_chosen_language};
use super::hooks::learn::use_learn;
use super::hooks::persistence::use_saved_progress;
use super::hooks::quick_exit::use_quick_exit;
use super::hooks::theme_check::{probes, use_theme_check};
use super::intro::intro;
use super::lazy::{section, use_part, Part};
use super::learn::learn_view;
use super::learn_button::learn_button;
use super::markup::{attrs, dynamic, el, element, nodes, sentence, words};
use super::nav::nav;
use super::notices::notices;
use super::panel::Panel;
use super::support_panel::support_panel;
use super::toolbar::{toolbar, ToolbarProps};
use super::widget::Widget;
use crate::core::config::EmbedConfig;
use crate::core::content::Content;
use crate::core::document::View;
use crate::core::notices::NoticeAction;
use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};
use yew::prelude::*;
use yew::virtual_dom::Listeners;

#[derive(Properties)]
pub struct AppProps {
    pub content: &'static Content,
    #[prop_or_default]
    pub config: Rc<EmbedConfig>,
    /// The element that receives the widget's DOM events (the `<reciprocity-widget>` host); `None`
    /// sends none.
    #[prop_or_default]
    pub host: Option<web_sys::HtmlElement>,
    /// Where the widget's files are (the loader's URL, or any file next to them): "Learn more"
    /// (`learn/<lang>.json`) and the words of another language (`text/<lang>.json`) are fetched from
    /// that folder. `None`: the page's folder.
    #[prop_or_default]
    pub files: Option<AttrValue>,
    /// Told the language whose words are now current, after a change (see `components/root.rs`).
    #[prop_or_default]
    pub on_language: Callback<&'static str>,
}

/// By address for the content and the settings: both are fixed for the life of a mount, and the
/// derived comparison would walk the whole content (about 4 KB of wasm).
impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.content, other.content)
            && Rc::ptr_eq(&self.config, &other.config)
            && self.host == other.host
            && self.files == other.files
            && self.on_language == other.on_language
    }
}

static NEXT_INSTANCE: AtomicU32 = AtomicU32::new(1);

#[component]
pub fn App(props: &AppProps) -> Html {
    let content = props.content;
    let ui = &content.ui;
    let config = props.config.clone();
    let instance = use_state(|| NEXT_INSTANCE.fetch_add(1, Ordering::Relaxed));
    // A status line for screen readers and sighted visitors alike ("Saved", "Question 3 of 25").
    let status = use_state(String::new);
    let confirm = use_mut_ref(|| None::<String>);
    let saved = use_saved_progress(content, config.clone(), status.clone(), confirm.clone());
    let state = saved.state.clone();
    let root = use_node_ref();
    // Learn's own element, where its table of contents looks for headings.
    let learn_root = use_node_ref();
    let own_colours = use_theme_check(root.clone());
    // Moves focus where an action asked for it, after the new view is in the DOM.
    let focus = use_pending_focus(root.clone());
    // Mounted afresh in the language just chosen in the list: focus goes back to the list. Asked once,
    // at mount: the app the list was used in may render again before it gives way.
    {
        let focus = focus.clone();
        use_memo((), move |_| {
            if focus_after_choice() {
                focus.set(Focus::Language);
            }
        });
    }
    let announce = use_mut_ref(|| None::<String>);
    let panel = use_state(|| None::<Panel>);
    // Learn more in the language on screen.
    let learn_url =
        crate::web::learn::file_url(props.files.as_deref(), &content.lang).map(AttrValue::from);
    let learn = use_learn(learn_url, root.clone(), focus.clone());
    let say = {
        let status = status.clone();
        Callback::from(move |sentence: String| status.set(sentence))
    };
    use_chosen_language(
        state.doc.settings.language.clone(),
        props.files.clone(),
        ui,
        props.on_language.clone(),
        say.clone(),
    );
    use_host_events(
        props.host.clone(),
        config.clone(),
        content,
        state.doc.clone(),
    );

    let exit_url = config.exit_to();
    let clears = state
        .doc
        .settings
        .clear_on_exit
        .unwrap_or(config.exit_clears);
    let before_leaving = {
        let saved = saved.clone();
        Callback::from(move |_| {
            if clears {
                saved.erase();
            }
        })
    };
    let exit = use_quick_exit(ui, exit_url.clone(), before_leaving);

    // Say what an action asked to say (after the save effect, so it is not replaced by "Saved").
    {
        let (status, announce) = (status.clone(), announce.clone());
        use_effect(move || {
            if let Some(sentence) = announce.borrow_mut().take() {
                status.set(sentence);
            }
        });
    }

    // "Your data": what it keeps between renders (it opens afresh each time).
    let data = use_data_panel();
    let open_panel = {
        let (panel, focus, data) = (panel.clone(), focus.clone(), data.clone());
        Callback::from(move |which: Panel| {
            focus.set(Focus::PanelHeading(which));
            data.reset();
            panel.set(Some(which));
        })
    };
    let widget = Widget {
        state: state.clone(),
        config: config.clone(),
        focus: focus.clone(),
        announce,
        confirm,
        instance: *instance,
        open_panel,
        learn: learn.clone(),
        files: props.files.clone(),
        say,
    };
    let view = widget.view();
    // The section on screen when it arrives on first use (see `lazy.rs`); none while Learn is open.
    let part = Part::of(view).filter(|_| !learn.is_open());
    let now = use_part(part, &widget, &focus, Focus::ViewHeading);
    // The controls of "Your data" other than deleting, fetched when it first opens.
    let data_part = (*panel == Some(Panel::Data)).then_some(Part::Data);
    let data_now = use_part(data_part, &widget, &data.focus, DATA_HEADING);
    let dismiss = {
        let (notices, focus) = (saved.notices.dispatcher(), focus.clone());
        Callback::from(move |index: usize| {
            // The dismissed notice's button disappears; focus goes to the section heading.
            focus.set(Focus::ViewHeading);
            notices.dispatch(NoticeAction::Dismiss(index));
        })
    };
    let toggle_panel = {
        let (panel, focus, data) = (panel.clone(), focus.clone(), data.clone());
        Callback::from(move |which: Panel| {
            let opening = *panel != Some(which);
            // Opening moves focus into the panel's heading; closing leaves it on the toggle.
            if opening {
                focus.set(Focus::PanelHeading(which));
                data.reset();
            }
            panel.set(opening.then_some(which));
        })
    };
    let close_panel = {
        let (panel, focus) = (panel.clone(), focus.clone());
        Callback::from(move |_| {
            if let Some(which) = *panel {
                focus.set(Focus::Toggle(which));
            }
            panel.set(None);
        })
    };
    let (heading, body) = match view {
        _ if learn.is_open() => {
            let back_label = match view {
                View::Checklist => ui.learn_back_checklist,
                View::Plan => ui.learn_back_plan,
                View::Practice => ui.learn_back_practice,
                View::Quiz | View::Together => ui.learn_back,
            };
            (
                ui.learn_heading,
                learn_view(&widget, back_label, &learn_root),
            )
        }
        View::Checklist => (
            ui.checklist_heading,
            html! { <>{ learn_button(&widget) }<ChecklistView widget={widget.clone()} /></> },
        ),
        View::Quiz => (ui.quiz_heading, section(&widget, &now)),
        View::Plan => (
            ui.plan_heading,
            html! { <>{ learn_button(&widget) }{ section(&widget, &now) }</> },
        ),
        View::Practice => (
            ui.practice_heading,
            html! { <>{ learn_button(&widget) }{ section(&widget, &now) }</> },
        ),
        View::Together => (ui.together_heading, section(&widget, &now)),
    };
    let on_exit = exit.exit.clone();

    // The widget's box; its class in plain strings, not `classes!`: no class set (and its hash table)
    // in the wasm.
    let inside = html! {
        <>
            { toolbar(&widget, ToolbarProps {
                exit_url: exit_url.into(),
                presses: exit.presses,
                exit_status: exit.status.clone().into(),
                on_exit,
                open: *panel,
                on_toggle: toggle_panel,
            }) }
            if *panel == Some(Panel::Support) {
                { support_panel(&widget, &close_panel) }
            }
            if *panel == Some(Panel::Data) {
                { data_panel(&widget, &saved, &data, data_now, &close_panel) }
            }
            { intro(&widget) }
            { notices(&widget, &saved.notices.0, &dismiss) }
            { nav(&widget) }
            { el("div", attrs!["class" = "rw-view"], nodes(vec![
                words(
                    "h2",
                    attrs!["tabindex" = "-1", "data-focus" = "view-heading", "class" = "rw-view-heading"],
                    heading,
                ),
                body,
            ])) }
            { sentence("p", attrs!["role" = "status", "class" = "rw-status"], (*status).clone()) }
            if exit.exiting {
                { words("div", attrs!["role" = "alert", "class" = "rw-exit-overlay"], ui.exit_loading) }
            }
            { probes() }
        </>
    };
    let class = match own_colours {
        true => "rw-widget rw-own-colours",
        false => "rw-widget",
    };
    widget_box(content, root, class, inside)
}

/// The widget's box, in its language and direction, named for assistive technology: the app, or
/// what shows before it (`components/root.rs`).
pub fn widget_box(
    content: &'static Content,
    root: NodeRef,
    class: &'static str,
    inside: Html,
) -> Html {
    element(
        "section",
        root,
        None,
        dynamic![
            "lang" = content.lang,
            "dir" = content.dir,
            "aria-label" = content.ui.widget_label,
            "class" = class,
        ],
        Listeners::None,
        inside,
    )
}
