//! Components in a real browser (headless Chromium through wasm-bindgen-test): each test mounts its own
//! widget into its own element with its own storage namespace, waits for Yew with `scheduler::flush()`
//! rather than sleeping, and unmounts what it mounted before it ends.
#![cfg(target_arch = "wasm32")]

use reciprocity_widget::{EmbedConfig, Namespace};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, Storage};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn storage() -> Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Removes every key of `namespace`, including corrupt copies.
fn clear(namespace: &str) {
    let storage = storage();
    let prefix = format!("reciprocity-widget/v1/{namespace}");
    let keys: Vec<String> = (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .filter(|k| k.starts_with(&prefix))
        .collect();
    for key in keys {
        storage.remove_item(&key).unwrap();
    }
}

/// The English words, as the loader hands them to the widget (see `core/text.rs`), and those the
/// sections arriving on first use read, as the first of them adds them: the browser build has none
/// compiled in, and here no file is fetched.
fn install_english() {
    use reciprocity_widget::core::text;
    if !text::installed() {
        let parsed = js_sys::JSON::parse(include_str!("../content/text/en.json")).unwrap();
        let words = reciprocity_widget::web::words_from_js(&parsed).unwrap();
        text::install_joined(words).unwrap();
        let parsed = js_sys::JSON::parse(include_str!("../content/text/en.parts.json")).unwrap();
        let words = reciprocity_widget::web::words_from_js(&parsed).unwrap();
        text::add_later_joined("en", words).unwrap();
    }
}

fn key(namespace: &str) -> String {
    format!("reciprocity-widget/v1/{namespace}")
}

/// A widget mounted by a test: the element it renders into, and what to take down at the end.
struct Mounted {
    root: Element,
    /// The element the test added to the page (the root itself, or the host around it).
    added: Element,
    /// Unmounts the Yew app (`AppHandle::destroy`).
    destroy: Box<dyn FnOnce()>,
}

impl Mounted {
    /// Mounts a widget with `config` into `root`, which the test added to the page as (or inside)
    /// `added`, sending its events to `host`; waits for the first render.
    async fn new(
        root: Element,
        added: Element,
        config: EmbedConfig,
        host: Option<HtmlElement>,
    ) -> Mounted {
        install_english();
        let app = reciprocity_widget::mount_with(root.clone(), config, host);
        yew::scheduler::flush().await;
        Mounted {
            root,
            added,
            destroy: Box::new(move || app.destroy()),
        }
    }

    /// Destroys the app, checks that it took its DOM with it, and removes the element the test added.
    async fn unmount(self) {
        (self.destroy)();
        yew::scheduler::flush().await;
        assert_eq!(
            self.root.child_element_count(),
            0,
            "the widget's DOM is gone after destroy()"
        );
        self.added.remove();
        assert!(!self.added.is_connected());
    }
}

/// Mounts a widget for `namespace` into a fresh element and waits for the first render.
async fn mount(namespace: &str) -> Mounted {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let config = EmbedConfig {
        namespace: Namespace::parse(namespace).unwrap(),
        ..EmbedConfig::default()
    };
    Mounted::new(root.clone(), root, config, None).await
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect()
}

fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

/// How many screens the whole check has: every statement and the overall question.
fn questions() -> usize {
    reciprocity_widget::english().later().items.len() + 1
}

/// The button whose text is `label`.
fn button(root: &Element, label: &str) -> HtmlElement {
    all(root, "button")
        .into_iter()
        .find(|b| b.text_content().unwrap_or_default().trim() == label)
        .unwrap_or_else(|| panic!("no button {label:?}"))
        .dyn_into()
        .unwrap()
}

/// The input inside the label whose text is `label`.
fn option(root: &Element, label: &str) -> HtmlInputElement {
    all(root, "label")
        .into_iter()
        .find(|l| l.text_content().unwrap_or_default().trim() == label)
        .and_then(|l| l.query_selector("input").unwrap())
        .unwrap_or_else(|| panic!("no option {label:?}"))
        .dyn_into()
        .unwrap()
}

/// The checklist's "n of N done" before anyone says who it is about: N is every action.
fn overall(done: usize) -> String {
    format!(
        "{done} of {} done",
        reciprocity_widget::english().action_count()
    )
}

async fn click(element: &HtmlElement) {
    element.click();
    yew::scheduler::flush().await;
}

fn saved(namespace: &str) -> serde_json::Value {
    let text = storage().get_item(&key(namespace)).unwrap().expect("saved");
    serde_json::from_str(&text).unwrap()
}

#[wasm_bindgen_test]
async fn the_widget_opens_on_the_checklist_with_intro_and_navigation() {
    clear("c-open");
    let widget = mount("c-open").await;
    let root = widget.root.clone();
    assert_eq!(text(&root, ".rw-view-heading"), "Seven small steps");
    assert_eq!(all(&root, ".rw-step").len(), 7);
    assert_eq!(
        all(&root, ".rw-check input").len(),
        reciprocity_widget::english().action_count()
    );
    assert!(text(&root, ".rw-progress-label").contains(&overall(0)));
    let current: Vec<String> = all(&root, "nav button[aria-current='page']")
        .iter()
        .map(|b| b.text_content().unwrap())
        .collect();
    assert_eq!(current, ["Checklist"]);
    let section = root.query_selector(".rw-widget").unwrap().unwrap();
    assert_eq!(section.get_attribute("lang").as_deref(), Some("en"));
    assert!(!text(&root, ".rw-intro").is_empty());
    widget.unmount().await;
}

#[wasm_bindgen_test]
async fn checking_an_action_updates_progress_and_saves_at_once() {
    clear("c-check");
    let widget = mount("c-check").await;
    let root = widget.root.clone();
    let first: HtmlElement = all(&root, ".rw-check input")[0].clone().dyn_into().unwrap();
    click(&first).await;
    assert!(text(&root, ".rw-progress-label").contains(&overall(1)));
    assert_eq!(text(&root, ".rw-status"), "Saved");
    let done = saved("c-check")["checklist"]["done"].clone();
    assert_eq!(done.as_array().unwrap().len(), 1);
    widget.unmount().await;
}

#[wasm_bindgen_test]
async fn your_data_shows_its_controls_under_one_heading_and_deletes_only_after_asking() {
    clear("c-data");
    let widget = mount("c-data").await;
    let root = widget.root.clone();
    let first: HtmlElement = all(&root, ".rw-check input")[0].clone().dyn_into().unwrap();
    click(&first).await;
    click(&button(&root, "Your data")).await;
    // The panel's heading and "Delete everything" (the first screen's), with the controls that arrive
    // on first opening in the release build (here, at once) in between.
    until("the data panel's controls", || {
        !all(&root, ".rw-data .rw-file").is_empty()
    })
    .await;
    assert_eq!(all(&root, ".rw-data h2").len(), 1);
    assert_eq!(text(&root, ".rw-data h2"), "Your data");
    let panel = root.query_selector(".rw-data").unwrap().unwrap();
    let said = panel.text_content().unwrap_or_default();
    assert!(
        said.contains("under the name reciprocity-widget/v1/c-data"),
        "{said}"
    );
    assert!(said.contains("About quick exit"), "{said}");
    assert!(all(&root, ".rw-data .rw-part-status").is_empty());
    click(&button(&panel, "Delete everything")).await;
    click(&button(&panel, "Cancel")).await;
    assert!(
        storage().get_item(&key("c-data")).unwrap().is_some(),
        "kept after Cancel"
    );
    click(&button(&panel, "Delete everything")).await;
    click(&button(&panel, "Yes, delete everything")).await;
    assert_eq!(storage().get_item(&key("c-data")).unwrap(), None);
    assert_eq!(
        text(&root, ".rw-data .rw-panel-status"),
        "Everything has been deleted from this browser."
    );
    assert!(text(&root, ".rw-progress-label").contains(&overall(0)));
    widget.unmount().await;
}

#[wasm_bindgen_test]
async fn reset_asks_first_and_clears_on_confirmation() {
    clear("c-reset");
    let widget = mount("c-reset").await;
    let root = widget.root.clone();
    let first: HtmlElement = all(&root, ".rw-check input")[0].clone().dyn_into().unwrap();
    click(&first).await;
    click(&button(&root, "Reset checklist")).await;
    click(&button(&root, "Cancel")).await;
    assert!(text(&root, ".rw-progress-label").contains(&overall(1)));
    click(&button(&root, "Reset checklist")).await;
    click(&button(&root, "Yes, reset")).await;
    assert!(text(&root, ".rw-progress-label").contains(&overall(0)));
    assert!(saved("c-reset")["checklist"]["done"]
        .as_array()
        .unwrap()
        .is_empty());
    widget.unmount().await;
}

#[wasm_bindgen_test]
async fn the_quiz_adapts_its_wording_and_keeps_answers_on_back() {
    clear("c-quiz");
    let widget = mount("c-quiz").await;
    let root = widget.root.clone();
    click(&button(&root, "Reciprocity check")).await;
    // Start without a choice: asked to choose, nothing started.
    click(&button(&root, "Start")).await;
    assert!(!text(&root, ".rw-error").is_empty());
    option(&root, "A colleague").click();
    yew::scheduler::flush().await;
    click(&button(&root, "Start")).await;
    // The content note comes first, with focus on it; including the hard-times statements keeps all.
    assert!(text(&root, ".rw-content-note").contains("this colleague"));
    click(&button(&root, "Include them")).await;

    assert!(text(&root, ".rw-progress-label").contains(&format!("Question 1 of {}", questions())));
    assert!(text(&root, ".rw-about").contains("this colleague"));
    let legend = root.query_selector("legend").unwrap().unwrap();
    assert_eq!(
        document().active_element().as_ref(),
        Some(&legend),
        "focus moves to the statement"
    );
    assert_eq!(all(&root, "fieldset input[type=radio]").len(), 6);

    option(&root, "Often").click();
    yew::scheduler::flush().await;
    click(&button(&root, "Next")).await;
    assert!(text(&root, ".rw-progress-label").contains(&format!("Question 2 of {}", questions())));
    assert!(all(&root, "fieldset input:checked").is_empty());
    click(&button(&root, "Back")).await;
    assert!(option(&root, "Often").checked(), "the answer is kept");

    let attempt = saved("c-quiz")["quiz"]["attempts"][0].clone();
    assert_eq!(attempt["context"], "colleague");
    assert_eq!(attempt["question"], 0);
    assert_eq!(attempt["answers"].as_object().unwrap().len(), 1);
    widget.unmount().await;
}

#[wasm_bindgen_test]
async fn finishing_the_quiz_shows_a_plan_with_chart_table_and_steps() {
    clear("c-plan");
    let widget = mount("c-plan").await;
    let root = widget.root.clone();
    click(&button(&root, "Reciprocity check")).await;
    option(&root, "A partner").click();
    yew::scheduler::flush().await;
    click(&button(&root, "Start")).await;
    click(&button(&root, "Include them")).await;
    for n in 1..=questions() {
        let label = if n == questions() {
            "I give more than they do"
        } else if n % 2 == 1 {
            "Always"
        } else {
            "Rarely"
        };
        option(&root, label).click();
        yew::scheduler::flush().await;
        let next = if n == questions() {
            "See my plan"
        } else {
            "Next"
        };
        click(&button(&root, next)).await;
    }
    assert_eq!(text(&root, ".rw-view-heading"), "My plan");
    assert_eq!(all(&root, ".rw-table tbody tr").len(), 6);
    assert_eq!(all(&root, ".rw-chart rect.rw-bar-give").len(), 7);
    let steps = all(&root, ".rw-recommendation").len();
    assert!((2..=3).contains(&steps), "{steps} steps suggested");
    assert!(text(&root, ".rw-plan").contains("give more than you receive"));
    widget.unmount().await;
}

#[wasm_bindgen_test]
async fn corrupt_saved_progress_is_kept_aside_with_a_notice() {
    clear("c-corrupt");
    storage().set_item(&key("c-corrupt"), "{oops").unwrap();
    let widget = mount("c-corrupt").await;
    let root = widget.root.clone();
    assert!(text(&root, ".rw-notices").contains("couldn’t be read"));
    let storage = storage();
    let copies: Vec<String> = (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .filter(|k| k.starts_with("reciprocity-widget/v1/c-corrupt/corrupt/"))
        .collect();
    assert_eq!(copies.len(), 1);
    assert_eq!(
        storage.get_item(&copies[0]).unwrap().as_deref(),
        Some("{oops")
    );
    click(&button(&root, "Dismiss")).await;
    assert!(all(&root, ".rw-notice").is_empty());
    widget.unmount().await;
}

#[wasm_bindgen_test]
async fn progress_saved_by_a_newer_version_is_left_alone() {
    clear("c-newer");
    storage()
        .set_item(&key("c-newer"), r#"{"schema": 99}"#)
        .unwrap();
    let widget = mount("c-newer").await;
    let root = widget.root.clone();
    assert!(text(&root, ".rw-notices").contains("newer"));
    let first: HtmlElement = all(&root, ".rw-check input")[0].clone().dyn_into().unwrap();
    click(&first).await;
    assert!(text(&root, ".rw-progress-label").contains(&overall(1)));
    assert_eq!(
        storage().get_item(&key("c-newer")).unwrap().as_deref(),
        Some(r#"{"schema": 99}"#)
    );
    widget.unmount().await;
}

#[wasm_bindgen_test]
async fn two_instances_with_different_namespaces_keep_apart() {
    clear("c-one");
    clear("c-two");
    let one = mount("c-one").await;
    let two = mount("c-two").await;
    let first: HtmlElement = all(&one.root, ".rw-check input")[0]
        .clone()
        .dyn_into()
        .unwrap();
    click(&first).await;
    assert!(text(&one.root, ".rw-progress-label").contains(&overall(1)));
    assert!(text(&two.root, ".rw-progress-label").contains(&overall(0)));
    assert_eq!(storage().get_item(&key("c-two")).unwrap(), None);
    // Radio groups and ids never collide between instances.
    let ids: Vec<String> = all(&one.root, "[id]")
        .iter()
        .chain(all(&two.root, "[id]").iter())
        .map(|e| e.id())
        .collect();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len());
    one.unmount().await;
    two.unmount().await;
}

/// Mounts a widget with settings parsed from attribute pairs, as the custom element does, into an
/// element inside a host element that receives its events.
async fn mount_configured(pairs: &[(&str, &str)]) -> Mounted {
    let host: HtmlElement = document()
        .create_element("reciprocity-widget-test")
        .unwrap()
        .dyn_into()
        .unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    let root = document().create_element("div").unwrap();
    host.append_child(&root).unwrap();
    let pairs: Vec<(String, String)> = pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    let (config, refused) =
        reciprocity_widget::core::config::parse(&pairs, &|url| Some(url.to_owned()));
    assert!(refused.is_empty(), "{refused:?}");
    Mounted::new(root, host.clone().into(), config, Some(host)).await
}

#[wasm_bindgen_test]
async fn two_instances_with_the_same_namespace_stay_in_step() {
    clear("c-same");
    let one = mount("c-same").await;
    let two = mount("c-same").await;
    let first: HtmlElement = all(&one.root, ".rw-check input")[0]
        .clone()
        .dyn_into()
        .unwrap();
    click(&first).await;
    yew::scheduler::flush().await;
    assert!(text(&two.root, ".rw-progress-label").contains(&overall(1)));
    let mirrored: HtmlInputElement = all(&two.root, ".rw-check input")[0]
        .clone()
        .dyn_into()
        .unwrap();
    assert!(mirrored.checked());
    one.unmount().await;
    two.unmount().await;
}

#[wasm_bindgen_test]
async fn modules_clinic_name_and_booking_link_follow_the_settings() {
    clear("c-modules");
    let widget = mount_configured(&[
        ("namespace", "c-modules"),
        ("modules", "plan quiz"),
        ("clinic-name", "<img src=x onerror=alert(1)>"),
        ("cta-url", "https://clinic.example/book"),
    ])
    .await;
    let root = widget.root.clone();
    let nav: Vec<String> = all(&root, "nav button")
        .iter()
        .map(|b| b.text_content().unwrap())
        .collect();
    assert_eq!(nav, ["My plan", "Reciprocity check"], "the clinic's order");
    assert_eq!(
        text(&root, ".rw-view-heading"),
        "My plan",
        "the first module opens"
    );
    assert!(all(&root, ".rw-checklist").is_empty());
    // The name is text, never markup.
    assert!(all(&root, "img").is_empty());
    assert!(text(&root, ".rw-clinic").contains("<img src=x onerror=alert(1)>"));
    // Finish a check: the booking link shows on the plan, and no link leads to the hidden checklist.
    click(&button(&root, "Reciprocity check")).await;
    option(&root, "A friend").click();
    yew::scheduler::flush().await;
    click(&button(&root, "Start")).await;
    click(&button(&root, "Include them")).await;
    for n in 1..=questions() {
        click(&button(
            &root,
            if n == questions() {
                "See my plan"
            } else {
                "Next"
            },
        ))
        .await;
    }
    let links = all(&root, "a.rw-cta");
    assert_eq!(links.len(), 1);
    assert_eq!(
        links[0].get_attribute("href").as_deref(),
        Some("https://clinic.example/book")
    );
    assert_eq!(links[0].text_content().as_deref(), Some("Book a session"));
    assert!(all(&root, ".rw-recommendation .rw-link").is_empty());
    widget.unmount().await;
}

#[wasm_bindgen_test]
async fn events_reach_the_host_with_only_the_namespace_by_default() {
    use std::cell::RefCell;
    use std::rc::Rc;
    clear("c-events");
    let seen: Rc<RefCell<Vec<(String, String)>>> = Rc::default();
    let listener = {
        let seen = seen.clone();
        wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::CustomEvent)>::new(
            move |event: web_sys::CustomEvent| {
                let detail = js_sys::JSON::stringify(&event.detail())
                    .map(String::from)
                    .unwrap_or_default();
                // Only this test's widget: any other would name its own namespace.
                if detail.contains("c-events") {
                    seen.borrow_mut().push((event.type_(), detail));
                }
            },
        )
    };
    let types = [
        "reciprocity-ready",
        "reciprocity-checklist-change",
        "reciprocity-quiz-complete",
    ];
    for name in types {
        document()
            .add_event_listener_with_callback(name, listener.as_ref().unchecked_ref())
            .unwrap();
    }
    let widget = mount_configured(&[("namespace", "c-events")]).await;
    let root = widget.root.clone();
    let first: HtmlElement = all(&root, ".rw-check input")[0].clone().dyn_into().unwrap();
    click(&first).await;
    let events = seen.borrow().clone();
    assert_eq!(
        events,
        [
            (
                "reciprocity-ready".to_owned(),
                r#"{"namespace":"c-events"}"#.to_owned()
            ),
            (
                "reciprocity-checklist-change".to_owned(),
                r#"{"namespace":"c-events"}"#.to_owned()
            ),
        ],
        "events bubble to the document and say nothing about the visitor"
    );
    widget.unmount().await;
    for name in types {
        document()
            .remove_event_listener_with_callback(name, listener.as_ref().unchecked_ref())
            .unwrap();
    }
}

#[wasm_bindgen_test]
async fn the_checklist_follows_who_it_is_about_and_keeps_every_tick() {
    clear("c-relationship");
    let widget = mount("c-relationship").await;
    let root = widget.root.clone();
    let en = reciprocity_widget::english();
    let checkbox = |text: &str| -> HtmlElement {
        all(&root, ".rw-check")
            .into_iter()
            .find(|l| l.text_content().unwrap_or_default().contains(text))
            .and_then(|l| l.query_selector("input").unwrap())
            .unwrap_or_else(|| panic!("no action {text:?}"))
            .dyn_into()
            .unwrap()
    };
    // Asked once, at the top; until then every action shows.
    assert!(text(&root, ".rw-relationship").contains("Who is this checklist about?"));
    click(&checkbox("ten minutes each night")).await;
    click(&button(&root, "A colleague")).await;

    let colleague = en
        .actions_for(Some(
            reciprocity_widget::core::relationship::Relationship::Colleague,
        ))
        .count();
    assert!(text(&root, ".rw-relationship").contains("About: A colleague"));
    assert!(text(&root, ".rw-progress-label").contains(&format!("0 of {colleague} done")));
    assert_eq!(all(&root, ".rw-check input").len(), colleague);
    let shown = text(&root, ".rw-steps").to_lowercase();
    assert!(
        !shown.contains("night") && !shown.contains("meal"),
        "{shown}"
    );
    assert!(shown.contains("reciprocal feedback session"));
    let change = button(&root, "Change");
    assert_eq!(
        document().active_element().as_ref(),
        Some(change.as_ref()),
        "focus moves to Change"
    );
    assert_eq!(
        saved("c-relationship")["settings"]["relationship"],
        "colleague"
    );
    // The hidden action keeps its tick, and shows it again for a partner.
    let done = saved("c-relationship")["checklist"]["done"].clone();
    assert_eq!(done, serde_json::json!(["check-in-ten-minutes-nightly"]));
    click(&change).await;
    let current = button(&root, "A colleague");
    assert_eq!(
        current.get_attribute("aria-current").as_deref(),
        Some("true")
    );
    assert_eq!(
        document().active_element().as_ref(),
        Some(current.as_ref()),
        "focus moves to the current choice"
    );
    click(&button(&root, "A partner")).await;
    assert!(checkbox("ten minutes each night")
        .dyn_into::<HtmlInputElement>()
        .unwrap()
        .checked());
    assert!(text(&root, ".rw-progress-label").starts_with("1 of "));

    // Actions that ask for repair or openness say when.
    assert!(text(&root, ".rw-steps").contains("When it feels safe to do so."));
    let repair = all(&root, ".rw-step")
        .into_iter()
        .find(|s| s.text_content().unwrap_or_default().contains("Repair"))
        .unwrap();
    assert_eq!(
        all(&repair, ".rw-when-safe").len(),
        all(&repair, ".rw-check").len()
    );
    widget.unmount().await;
}

/// Waits, through renders, until `ready` holds (at most about five seconds): for what arrives from the
/// network, such as the Learn text.
async fn until(what: &str, ready: impl Fn() -> bool) {
    for _ in 0..500 {
        yew::scheduler::flush().await;
        if ready() {
            return;
        }
        yew::platform::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    panic!("gave up waiting for {what}");
}

/// Where the widgets of the Learn tests find their files: an address nothing answers, so each test
/// decides what a fetch of the Learn text gets (see [`answer_learn_with`]).
const FILES: &str = "http://127.0.0.1:9/reciprocity/reciprocity-widget.js";

/// Makes the page's `fetch` answer a request for `…/reciprocity/learn/en.json` with `learn` (or fail,
/// as offline, for `None`); other requests go on as usual.
fn answer_learn_with(learn: Option<&str>) {
    let shim = js_sys::Function::new_with_args(
        "learn",
        "const fetch = window.__e2eFetch ?? window.fetch;
         window.__e2eFetch = fetch;
         window.fetch = (url, ...rest) => String(url).endsWith('/reciprocity/learn/en.json')
           ? (learn === null
               ? Promise.reject(new TypeError('Failed to fetch'))
               : Promise.resolve(new Response(learn, { headers: { 'Content-Type': 'application/json' } })))
           : fetch(url, ...rest);",
    );
    let learn = learn.map_or(wasm_bindgen::JsValue::NULL, wasm_bindgen::JsValue::from_str);
    shim.call1(&wasm_bindgen::JsValue::UNDEFINED, &learn)
        .unwrap();
}

/// Mounts a widget whose files are at [`FILES`], its Learn text answered with `learn` (or failing).
async fn mount_learning(namespace: &str, learn: Option<&str>) -> Mounted {
    use reciprocity_widget::components::app::AppProps;
    use reciprocity_widget::components::root::Root;
    install_english();
    answer_learn_with(learn);
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let props = AppProps {
        content: reciprocity_widget::english(),
        config: std::rc::Rc::new(EmbedConfig {
            namespace: Namespace::parse(namespace).unwrap(),
            ..EmbedConfig::default()
        }),
        host: None,
        files: Some(FILES.into()),
        on_language: Default::default(),
    };
    let app = yew::Renderer::<Root>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    Mounted {
        root: root.clone(),
        added: root,
        destroy: Box::new(move || app.destroy()),
    }
}

fn focused_element() -> Option<Element> {
    document().active_element()
}

#[wasm_bindgen_test]
async fn learn_more_fetches_its_text_on_first_opening_and_goes_back_where_it_was() {
    clear("c-learn");
    let file = include_str!("../content/learn/en.json");
    let widget = mount_learning("c-learn", Some(file)).await;
    let root = widget.root.clone();
    let ui = &reciprocity_widget::english().ui;
    assert!(all(&root, ".rw-learn").is_empty());

    click(&button(&root, &ui.learn_button)).await;
    assert_eq!(text(&root, ".rw-view-heading").trim(), ui.learn_heading);
    assert_eq!(
        focused_element().and_then(|e| e.get_attribute("data-focus")),
        Some("view-heading".to_owned())
    );
    until("the Learn text", || {
        !all(&root, ".rw-learn-section").is_empty()
    })
    .await;
    let learn: reciprocity_widget::core::learn::Learn = serde_json::from_str(file).unwrap();
    assert_eq!(
        all(&root, ".rw-faq-item").len(),
        learn.faq.len(),
        "every question"
    );
    assert_eq!(text(&root, ".rw-learn-status"), "");

    // Back: the checklist again, focus on the button that opened Learn.
    click(&button(&root, &ui.learn_back_checklist)).await;
    assert!(!all(&root, ".rw-checklist").is_empty());
    assert_eq!(
        focused_element().and_then(|e| e.get_attribute("data-focus")),
        Some("learn-button".to_owned())
    );
    // In memory now: opening again shows the text at once.
    click(&button(&root, &ui.learn_button)).await;
    assert!(!all(&root, ".rw-learn-section").is_empty());
    widget.unmount().await;
}

#[wasm_bindgen_test]
async fn the_safety_message_comes_before_the_first_statement_and_opens_support() {
    clear("c-safety");
    let widget = mount("c-safety").await;
    let root = widget.root.clone();
    click(&button(&root, "Reciprocity check")).await;
    option(&root, "A partner").click();
    yew::scheduler::flush().await;
    click(&button(&root, "Start")).await;
    let note = text(&root, ".rw-content-note .rw-safety");
    assert!(note.contains("isn’t your fault"), "{note}");
    assert!(
        all(&root, ".rw-question").is_empty(),
        "before the first statement"
    );
    click(&button(&root, "Find confidential help")).await;
    let heading = root.query_selector(".rw-support h2").unwrap().unwrap();
    assert_eq!(document().active_element().as_ref(), Some(&heading));
    assert!(text(&root, ".rw-support")
        .contains("If someone close to you frightens, controls or hurts you"));
    // Pressed again with the panel open: it stays open.
    click(&button(&root, "Find confidential help")).await;
    assert_eq!(all(&root, ".rw-support").len(), 1);
    widget.unmount().await;
}

#[wasm_bindgen_test]
async fn learn_more_without_its_text_says_so_calmly_and_offers_to_try_again() {
    clear("c-learn-none");
    let widget = mount_learning("c-learn-none", None).await;
    let root = widget.root.clone();
    let ui = &reciprocity_widget::english().ui;
    click(&button(&root, &ui.learn_button)).await;
    // Nothing done yet: the message does not say that everything done is still here.
    until("the failure message", || {
        text(&root, ".rw-learn-status") == ui.part_failed
    })
    .await;
    click(&button(&root, &ui.learn_retry)).await;
    // Tried again (and failed again): still calm, still a way back.
    until("the failure message again", || {
        text(&root, ".rw-learn-status") == ui.part_failed
    })
    .await;
    click(&button(&root, &ui.learn_back_checklist)).await;
    assert!(!all(&root, ".rw-checklist").is_empty());
    // With a tick kept, it says so.
    let first: HtmlElement = all(&root, ".rw-check input")[0].clone().dyn_into().unwrap();
    click(&first).await;
    click(&button(&root, &ui.learn_button)).await;
    until("the failure message with progress kept", || {
        text(&root, ".rw-learn-status") == ui.learn_failed
    })
    .await;
    widget.unmount().await;
}

/// The saved document's codec as the browser runs it (its own JSON, through serde-wasm-bindgen):
/// every earlier schema migrates, and what it writes reads back the same.
#[wasm_bindgen_test]
fn the_codec_in_the_browser_reads_every_schema_and_round_trips() {
    use reciprocity_widget::core::codec::{decode, encode, encode_pretty, DecodeError};
    for fixture in [
        include_str!("fixtures/schema-1.json"),
        include_str!("fixtures/schema-2.json"),
        include_str!("fixtures/schema-3.json"),
        include_str!("fixtures/schema-4.json"),
        include_str!("fixtures/schema-5.json"),
    ] {
        let doc = decode(fixture).expect("an earlier schema migrates");
        assert_eq!(doc.schema, reciprocity_widget::core::document::SCHEMA);
        assert_eq!(decode(&encode(&doc)), Ok(doc.clone()));
        assert_eq!(decode(&encode_pretty(&doc)), Ok(doc));
    }
    // The text is what the browser's `JSON.stringify` writes for it (as it wrote it before), compact
    // and laid out, with the characters JSON escapes in the visitor's words.
    let mut doc = decode(include_str!("fixtures/schema-6.json")).unwrap();
    doc.practice.set("2026-11-23", "lets-reset", true, 5);
    let note = "\"quoted\" \\ / \u{0}\u{1f}\t\n\u{7f} é \u{2028} 😀";
    doc.practice.set_note("2026-11-23", "lets-reset", note, 6);
    let stringify = |text: &str, space: Option<u32>| {
        let value = js_sys::JSON::parse(text).unwrap();
        match space {
            Some(space) => js_sys::JSON::stringify_with_replacer_and_space(
                &value,
                &wasm_bindgen::JsValue::NULL,
                &space.into(),
            ),
            None => js_sys::JSON::stringify(&value),
        }
        .unwrap()
        .as_string()
        .unwrap()
    };
    let text = encode(&doc);
    assert!(text.contains("\\\"quoted\\\""), "{text}");
    assert_eq!(text, stringify(&text, None));
    assert_eq!(encode_pretty(&doc), stringify(&text, Some(2)));
    assert_eq!(decode(&text), Ok(doc));
    let retired = decode(include_str!("fixtures/schema-4.json")).unwrap();
    assert_eq!(retired.quiz.attempts[0].retired.len(), 3);
    assert!(matches!(
        decode("{\"schema\": 5,"),
        Err(DecodeError::Malformed(_))
    ));
    assert!(matches!(
        decode(&"[".repeat(100_000)),
        Err(DecodeError::Malformed(_))
    ));
    assert!(matches!(decode("[]"), Err(DecodeError::Invalid(_))));
    assert_eq!(decode("{\"schema\": 99}"), Err(DecodeError::Newer(99)));
    // The same text serde_json writes natively.
    let text = encode(&decode(include_str!("fixtures/schema-2.json")).unwrap());
    assert!(
        text.starts_with(&format!(
            "{{\"schema\":{},\"view\":\"quiz\"",
            reciprocity_widget::core::document::SCHEMA
        )),
        "{text}"
    );
    assert!(text.contains("\"finished\":null"), "{text}");
}

/// The browser reads a saved document as it did through serde-wasm-bindgen: what it accepted it still
/// accepts, with the same result, and what it refused it still refuses. The browser never looked at keys
/// a struct does not know, read an array in a struct's place as having none of its fields and an array
/// of pairs as a map, and holds integers exactly up to 2⁵³ − 1 only.
#[wasm_bindgen_test]
fn the_codec_in_the_browser_reads_edge_cases_as_before() {
    use reciprocity_widget::core::codec::{decode, encode};
    use reciprocity_widget::core::document::Document;
    let with = |change: &dyn Fn(&mut Document)| {
        let mut doc = Document::default();
        change(&mut doc);
        Some(doc)
    };
    let cases: [(&str, Option<Document>); 22] = [
        (
            r#"{"schema":7,"surprise":1,"settings":{"bogus":2}}"#,
            with(&|_| {}),
        ),
        (r#"{"schema":7,"settings":[true,5]}"#, with(&|_| {})),
        (r#"{"schema":7,"checklist":[["a"]]}"#, None),
        (
            r#"{"schema":7,"checklist":{"done":["a"],"changed":[["a",1],{"0":"b","1":2}]}}"#,
            with(&|d| {
                d.checklist.set("b", false, 2);
                d.checklist.set("a", true, 1);
            }),
        ),
        (
            r#"{"schema":7,"checklist":{"done":[],"changed":["ab"]}}"#,
            None,
        ),
        (r#"{"schema":7,"checklist":{"done":{}}}"#, None),
        (
            r#"{"schema":7,"view":{"quiz":null}}"#,
            with(&|d| d.view = reciprocity_widget::core::document::View::Quiz),
        ),
        (r#"{"schema":7,"view":{"quiz":null,"plan":null}}"#, None),
        (r#"{"schema":7,"view":null}"#, None),
        (
            r#"{"schema":7.0,"since":-0,"view_at":1e3}"#,
            with(&|d| d.view_at = 1000),
        ),
        (
            r#"{"schema":7,"since":9007199254740991}"#,
            with(&|d| d.since = 9_007_199_254_740_991),
        ),
        (r#"{"schema":7,"since":9007199254740992}"#, None),
        (r#"{"schema":7,"since":1.5}"#, None),
        (r#"{"schema":7,"since":-1}"#, None),
        (r#"{"schema":7,"since":"5"}"#, None),
        (
            r#"{"schema":7,"quiz":{"attempts":[{"started":5,"question":4294967296}]}}"#,
            None,
        ),
        (
            r#"{"schema":7,"quiz":{"attempts":[{"started":5,"answers":{"a":{"value":128}}}]}}"#,
            None,
        ),
        (
            r#"{"schema":7,"quiz":{"attempts":[{"started":5,"answers":{"a":"value"}}]}}"#,
            None,
        ),
        (
            r#"{"schema":7,"settings":{"clear_on_exit":null,"language":null}}"#,
            with(&|_| {}),
        ),
        (r#"{"schema":7,"settings":{"clear_on_exit":0}}"#, None),
        (
            r#"{"schema":7,"checklist":{"done":["\u00e9\ud83d\ude00","\ud800"]}}"#,
            with(&|d| {
                d.checklist.done.insert("é😀".to_owned());
                d.checklist.done.insert("\u{fffd}".to_owned());
            }),
        ),
        (
            r#"{"schema":7,"practice":{"marks":[{"day":"d","ritual":"r","done":true,"at":1,"note":null}]}}"#,
            None,
        ),
    ];
    for (text, expected) in cases {
        let read = decode(text);
        assert_eq!(read.clone().ok(), expected, "{text}: {read:?}");
        if let Ok(doc) = read {
            assert_eq!(decode(&encode(&doc)), Ok(doc), "{text}");
        }
    }
}

/// Answers every screen of one person's turn with `pick` (the overall question with `last`), pressing
/// Next, then `done`; checks that nothing is checked on a screen before it is answered.
async fn walk_together(root: &Element, total: usize, pick: &str, last: &str, done: &str) {
    for n in 1..=total {
        assert!(
            all(root, ".rw-together input:checked").is_empty(),
            "nothing checked on screen {n} before answering"
        );
        option(root, if n == total { last } else { pick }).click();
        yew::scheduler::flush().await;
        click(&button(root, if n == total { done } else { "Next" })).await;
    }
}

/// The check taken together: the first person's answers are never in the page while the second
/// person answers, nothing of either is saved until both choose to keep the results, and then the
/// results are saved once, and said to be kept only after that.
#[wasm_bindgen_test]
async fn the_check_taken_together_hides_the_first_answers_and_keeps_only_with_both() {
    let content = reciprocity_widget::english();
    let ui = &content.ui;
    let part_ui = &content.later().part_ui;
    clear("c-together");
    let widget = mount("c-together").await;
    let root = widget.root.clone();
    click(&button(&root, "Reciprocity check")).await;
    click(&button(&root, &part_ui.together_open)).await;
    assert_eq!(text(&root, ".rw-view-heading"), &*ui.together_heading);
    assert!(text(&root, ".rw-together").contains(&*part_ui.together_note_want));
    // Nothing chosen: asked to choose both.
    click(&button(&root, &part_ui.together_begin)).await;
    assert_eq!(text(&root, ".rw-error"), &*part_ui.together_choose_both);
    option(&root, "A partner").click();
    option(&root, &part_ui.content_note_skip).click();
    yew::scheduler::flush().await;
    click(&button(&root, &part_ui.together_begin)).await;

    let total = content.questions(true).len();
    let answers_saved = || {
        let text = storage()
            .get_item(&key("c-together"))
            .unwrap()
            .unwrap_or_default();
        content.later().items.iter().any(|i| text.contains(i.id))
            || text.contains(content.later().balance.id)
    };
    assert_eq!(
        text(&root, ".rw-together-who"),
        &*part_ui.together_first_turn
    );
    walk_together(
        &root,
        total,
        "Always",
        "I give much more than they do",
        &part_ui.together_first_done,
    )
    .await;

    // The handover: no answer of anyone in the page, nothing saved.
    assert_eq!(
        text(&root, ".rw-together h3"),
        &*part_ui.together_handover_heading
    );
    assert!(all(&root, ".rw-together input").is_empty());
    assert!(!answers_saved(), "nothing saved at the handover");
    click(&button(&root, &part_ui.together_second_start)).await;
    assert_eq!(
        text(&root, ".rw-together-who"),
        &*part_ui.together_second_turn
    );
    walk_together(
        &root,
        total,
        "Sometimes",
        "About even",
        &part_ui.together_second_done,
    )
    .await;

    // Both side by side: every form answered (not the one left out), and the overall question, each
    // a row of its own, then a row for each person.
    let forms = content.later().forms.len() - content.later().sensitive_forms.len();
    assert_eq!(all(&root, ".rw-together-results tbody").len(), forms + 1);
    assert_eq!(
        all(&root, ".rw-together-results tbody tr").len(),
        3 * (forms + 1)
    );
    let results = text(&root, ".rw-together-results");
    assert!(results.contains("I give much more than they do") && results.contains("About even"));
    assert!(
        results.contains("what the first person says they give and what the second person says they receive tell different stories"),
        "{results}"
    );
    assert!(results.contains(&*part_ui.together_differs_note));
    assert!(!answers_saved(), "nothing saved on the results");

    // Kept only when both choose to.
    click(&button(&root, &part_ui.together_keep)).await;
    assert_eq!(text(&root, ".rw-error"), &*part_ui.together_keep_both);
    option(&root, &part_ui.together_keep_first).click();
    yew::scheduler::flush().await;
    click(&button(&root, &part_ui.together_keep)).await;
    assert_eq!(text(&root, ".rw-error"), &*part_ui.together_keep_both);
    assert!(!answers_saved(), "one person's choice keeps nothing");
    option(&root, &part_ui.together_keep_second).click();
    yew::scheduler::flush().await;
    click(&button(&root, &part_ui.together_keep)).await;
    let kept = saved("c-together")["together"]["kept"].clone();
    assert_eq!(kept.as_array().unwrap().len(), 1);
    assert_eq!(kept[0]["context"], "partner");
    assert_eq!(kept[0]["first"].as_object().unwrap().len(), total);
    assert_eq!(text(&root, ".rw-status"), &*part_ui.together_kept);
    assert_eq!(all(&root, ".rw-together-kept").len(), 1);
    widget.unmount().await;
}

/// A schema 7 document on the plan with finished checks started at `starts` (oldest first), every give
/// statement answered `give` and every receive statement `receive`, differently in each check.
fn checks_document(starts: &[u64]) -> String {
    let content = reciprocity_widget::english();
    let attempts: Vec<serde_json::Value> = starts
        .iter()
        .enumerate()
        .map(|(i, started)| {
            let (give, receive) = (5 - i as i64 % 4, 2 + i as i64 % 3);
            let answers: serde_json::Map<String, serde_json::Value> = content
                .later()
                .items
                .iter()
                .map(|item| {
                    let value = if item.side == reciprocity_widget::core::content::Side::Give {
                        give
                    } else {
                        receive
                    };
                    (item.id.to_owned(), serde_json::json!({ "value": value }))
                })
                .collect();
            serde_json::json!({
                "started": started,
                "finished": started + 600_000,
                "context": "friend",
                "answers": answers,
                "skip_sensitive": false,
            })
        })
        .collect();
    serde_json::json!({ "schema": 7, "view": "plan", "quiz": { "attempts": attempts } }).to_string()
}

#[wasm_bindgen_test]
async fn the_plan_compares_two_checks_shows_them_over_time_and_removes_one_after_asking() {
    clear("c-history");
    // 3 March, 15 July and 20 November 2026, at noon UTC.
    let starts = [1_772_539_200_000, 1_784_116_800_000, 1_795_176_000_000];
    storage()
        .set_item(&key("c-history"), &checks_document(&starts))
        .unwrap();
    let widget = mount("c-history").await;
    let root = widget.root.clone();
    assert_eq!(text(&root, ".rw-view-heading"), "My plan");

    // Compared: the previous and the latest, the columns named by their dates.
    let headers: Vec<String> = all(&root, ".rw-compare thead th")
        .iter()
        .map(|th| th.text_content().unwrap())
        .collect();
    assert_eq!(headers.len(), 3);
    assert!(
        headers[1].contains("July") && headers[2].contains("November"),
        "{headers:?}"
    );
    assert_eq!(all(&root, ".rw-compare-pick select").len(), 2);
    // Over time: a chart hidden from screen readers and a table of three rows, per form.
    let charts = all(&root, "svg.rw-trend-chart");
    assert_eq!(charts.len(), 6);
    assert!(charts
        .iter()
        .all(|c| c.get_attribute("aria-hidden").as_deref() == Some("true")));
    assert_eq!(all(&root, ".rw-trend tbody tr").len(), 6 * 3);
    // The checks, newest first, each with "Remove".
    assert_eq!(all(&root, ".rw-check-list > li").len(), 3);

    // Removing asks first; the answer is kept only on "Yes".
    let oldest = all(&root, ".rw-check-list > li").pop().unwrap();
    click(&button(&oldest, "Remove")).await;
    assert!(text(&root, ".rw-check-list .rw-confirm").contains("March"));
    click(&button(&root, "Cancel")).await;
    assert!(all(&root, ".rw-confirm").is_empty());
    assert_eq!(
        saved("c-history")["quiz"]["attempts"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
    let oldest = all(&root, ".rw-check-list > li").pop().unwrap();
    click(&button(&oldest, "Remove")).await;
    click(&button(&root, "Yes, remove it")).await;
    yew::scheduler::flush().await;
    let attempts = saved("c-history")["quiz"]["attempts"].clone();
    assert_eq!(attempts.as_array().unwrap().len(), 2);
    assert_eq!(attempts[0]["started"], starts[1]);
    assert!(
        text(&root, ".rw-status").contains("was removed"),
        "{}",
        text(&root, ".rw-status")
    );
    assert_eq!(all(&root, ".rw-check-list > li").len(), 2);
    assert_eq!(all(&root, ".rw-trend tbody tr").len(), 6 * 2);
    widget.unmount().await;
}

#[wasm_bindgen_test]
async fn the_printed_summary_is_there_while_printing_hidden_on_screen_with_answers_only_when_asked()
{
    clear("c-print");
    storage()
        .set_item(&key("c-print"), &checks_document(&[1_795_176_000_000]))
        .unwrap();
    let widget = mount("c-print").await;
    let root = widget.root.clone();
    assert!(
        all(&root, ".rw-print").is_empty(),
        "no summary until asked for"
    );
    // One check: nothing to compare, nothing over time.
    assert!(all(&root, ".rw-compare, .rw-trend").is_empty());
    // The browser's print window, stubbed: headless Chromium would print nothing.
    let window = web_sys::window().unwrap();
    let print = js_sys::Reflect::get(&window, &"print".into()).unwrap();
    let calls = js_sys::Array::new();
    let stub = js_sys::Function::new_with_args("", "this.push(1)").bind0(&calls);
    js_sys::Reflect::set(&window, &"print".into(), &stub).unwrap();
    click(&button(&root, "Print or save as PDF")).await;
    yew::scheduler::flush().await;
    assert_eq!(
        calls.length(),
        1,
        "the print window, once the summary is in"
    );
    let summary = root
        .query_selector(".rw-print")
        .unwrap()
        .expect("a summary");
    assert!(summary.has_attribute("hidden"), "hidden on screen");
    assert_eq!(all(&summary, ".rw-print-table tbody tr").len(), 6);
    assert!(
        !all(&summary, ".rw-print-step li").is_empty(),
        "the steps' actions"
    );
    assert!(
        all(&summary, ".rw-print-answers").is_empty(),
        "no answers unless asked"
    );
    option(&root, "Include my answers to each statement").click();
    yew::scheduler::flush().await;
    let answers = all(&summary, ".rw-print-answers li");
    assert_eq!(
        answers.len(),
        reciprocity_widget::english().later().items.len()
    );
    // Printing over: the summary goes.
    window
        .dispatch_event(&web_sys::Event::new("afterprint").unwrap())
        .unwrap();
    yew::scheduler::flush().await;
    assert!(all(&root, ".rw-print").is_empty());
    js_sys::Reflect::set(&window, &"print".into(), &print).unwrap();
    widget.unmount().await;
}

/// The theme check's contrast in the browser, where the power comes from the browser's `Math.pow`
/// (see `core/contrast.rs`): the same WCAG figures as natively.
#[wasm_bindgen_test]
fn the_contrast_check_computes_wcag_ratios_in_the_browser() {
    use reciprocity_widget::core::contrast::{parse_computed, ratio, readable};
    let white = parse_computed("rgb(255, 255, 255)").unwrap();
    let black = parse_computed("rgb(0, 0, 0)").unwrap();
    assert!((ratio(white, black) - 21.0).abs() < 1e-9);
    // #767676 on white: 4.54:1; #777777 just under 4.5:1.
    let grey = parse_computed("rgb(118, 118, 118)").unwrap();
    assert!((ratio(grey, white) - 4.54).abs() < 0.01);
    assert!(readable(&[("rgb(118, 118, 118)", "rgb(255, 255, 255)")]));
    assert!(!readable(&[("rgb(119, 119, 119)", "rgb(255, 255, 255)")]));
}
