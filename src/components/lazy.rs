//! The sections that are not on the first screen, each fetched when a visitor first opens it.
//!
//! In the release build (the `split` feature, which `embed/` turns on) every [`Part`] is a split point:
//! `wasm-split-cli` (see `scripts/split-wasm.mjs`) moves the code only that part reaches into a wasm file of
//! its own, which the browser fetches and instantiates on first use; the first screen downloads none
//! of it. Without the feature (native and browser tests) a part is simply there.
//!
//! What a section's part hands back is the function that renders it, with what applies the actions it
//! sends (see [`Section`]): once loaded it stays loaded for the life of the page, so opening the
//! section again renders at once, and a failed fetch (offline) says so and offers to try again, with
//! everything the visitor did still there.
//!
//! The words only the parts read (the interface text under `Content::part_ui`, the statements, the
//! answer scale: `later` fields in build.rs) travel the same way: the first part opened fetches them
//! (`text/<lang>.parts.json`, side by side with its code), and a part renders only once they are in the
//! table, so none of them ever shows a blank. After a change of language they are fetched again in the
//! new one. The stylesheet of their rules too (`reciprocity-parts.css`, see `web/part_styles.rs`): a
//! part is drawn once it has loaded, so nothing shows unstyled.
//!
//! "Your data" is a part too, for the controls that are not about deleting: the panel, its heading and
//! "Delete everything" are on the first screen (`data_panel.rs`), so a visitor can always delete what
//! is stored, on a slow connection or offline too, before the rest arrives. So is the scoring the
//! host page's event needs when the clinic shares results (`results`), and what reads and merges saved
//! progress (`reader`, see `core::reader`).

use super::data_panel::DataControlsProps;
use super::hooks::focus::{Focus, PendingFocus};
use super::markup::{attrs, button, buttons, nodes, on, words};
use super::widget::Widget;
use crate::core::content::{Content, UiText};
use crate::core::document::{Document, View};
use crate::core::learn::Learn;
use crate::core::reader::{self, Reader};
use crate::core::state::{self, SectionActions};
use crate::core::text::{self, Text};
use crate::web::part_styles;
use crate::web::text::{fetch_table, Table};
use std::cell::{Cell, RefCell};
use wasm_bindgen::JsValue;
use yew::prelude::*;
use yew::virtual_dom::Listeners;

/// Renders a section that has arrived.
pub type Render = fn(&Widget) -> Html;

/// What a section's part hands back: how to draw it, and what applies the actions it sends (handed to
/// the reducer on arrival, so that code leaves the first screen too: see `core::state`).
#[derive(Clone, Copy)]
pub struct Section {
    render: Render,
    actions: SectionActions,
}

impl Section {
    fn new(render: Render) -> Self {
        Section {
            render,
            actions: state::section_actions(),
        }
    }
}

/// Renders the controls of "Your data" that have arrived.
pub type DataRender = fn(DataControlsProps) -> Html;

/// What a part hands back once it has arrived.
#[derive(Clone, Copy)]
pub enum Arrived {
    /// A section, which renders itself.
    View(Section),
    /// "Your data"'s controls, rendered inside the panel the first screen draws.
    Data(DataRender),
}

/// A part of the widget that arrives on first use.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Part {
    /// The check's statements (and the choice of relationship before them).
    Quiz,
    /// The plan, its history and the page to print.
    Plan,
    /// The practice log.
    Practice,
    /// The check taken together.
    Together,
    /// "Your data"'s controls: download, load from a file, don't remember me on this device, clear on
    /// exit.
    Data,
}

impl Part {
    /// How many parts there are.
    const COUNT: usize = 5;

    fn index(self) -> usize {
        self as usize
    }

    /// The part that draws `view`, if it is not on the first screen.
    pub fn of(view: View) -> Option<Part> {
        match view {
            View::Checklist => None,
            View::Quiz => Some(Part::Quiz),
            View::Plan => Some(Part::Plan),
            View::Practice => Some(Part::Practice),
            View::Together => Some(Part::Together),
        }
    }

    /// The part a visitor opens next from this one, fetched as soon as this one is here: the plan
    /// follows the check's last answer, and should be ready by then.
    fn next(self) -> Option<Part> {
        match self {
            Part::Quiz => Some(Part::Plan),
            Part::Plan | Part::Practice | Part::Together | Part::Data => None,
        }
    }
}

/// A part could not be fetched (offline, or the file is missing).
#[derive(Debug)]
pub struct NotLoaded;

#[cfg(feature = "split")]
impl From<wasm_split_helpers::SplitLoaderError> for NotLoaded {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        NotLoaded
    }
}

// The split points. Each returns the function that renders its part; everything only that function
// reaches (the part's components, hooks and core logic) leaves the first download with it. A
// section's part also hands back what applies its actions (see `Section`).
#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(quiz, fallible))]
fn quiz_part() -> Result<Section, NotLoaded> {
    Ok(Section::new(super::quiz::quiz))
}

#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(plan, fallible))]
fn plan_part() -> Result<Section, NotLoaded> {
    Ok(Section::new(super::plan::plan))
}

#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(practice, fallible))]
fn practice_part() -> Result<Section, NotLoaded> {
    Ok(Section::new(super::practice::practice))
}

#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(together, fallible))]
fn together_part() -> Result<Section, NotLoaded> {
    Ok(Section::new(super::together::together))
}

#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(data, fallible))]
fn data_part() -> Result<DataRender, NotLoaded> {
    Ok(super::data_controls::data_controls)
}

/// Works out a finished check's results for the host page's event, as the plain object it carries
/// (`web::events::results_object`).
pub type ResultsOf = fn(&'static Content, &Document) -> Option<JsValue>;

#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(results, fallible))]
fn results_part() -> Result<ResultsOf, NotLoaded> {
    Ok(crate::web::events::results_object)
}

/// The scoring the host page's event needs when the clinic shares results, fetched on first use (the
/// loader of the parts keeps it for the life of the page). Only a page that shares results needs it.
pub async fn results() -> Result<ResultsOf, NotLoaded> {
    #[cfg(feature = "split")]
    return results_part().await;
    #[cfg(not(feature = "split"))]
    return results_part();
}

#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(reader, fallible))]
fn reader_part() -> Result<Reader, NotLoaded> {
    Ok(Reader::full())
}

/// What reads and merges saved progress (see `core::reader`), fetched when first needed and kept for
/// the life of the page: before the first screen when the browser holds progress, or when another
/// tab changed it.
pub async fn reader() -> Result<Reader, NotLoaded> {
    if let Some(here) = reader::here() {
        return Ok(here);
    }
    #[cfg(feature = "split")]
    let arrived = reader_part().await?;
    #[cfg(not(feature = "split"))]
    let arrived = reader_part()?;
    reader::arrived(arrived);
    Ok(arrived)
}

/// Starts fetching the reader of saved progress unless it is here (see [`reader()`]); quiet if it fails:
/// whoever needs it asks again.
pub fn prefetch_reader() {
    if reader::here().is_none() {
        wasm_bindgen_futures::spawn_local(async {
            let _ = reader().await;
        });
    }
}

/// "Learn more"'s part: reading its text (which arrives as JSON, fetched on first opening too) and
/// drawing it. Its text and its code are fetched together when a visitor first opens it.
#[derive(Clone, Copy)]
pub struct LearnPart {
    pub decode: fn(&JsValue) -> Result<Learn, String>,
    pub render: fn(&Widget, &'static Learn, Option<&'static str>, &NodeRef) -> Html,
}

#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(learn, fallible))]
fn learn_part() -> Result<LearnPart, NotLoaded> {
    Ok(LearnPart {
        decode: crate::web::learn::decode,
        render: super::learn::learn_text,
    })
}

thread_local! {
    static LEARN: Cell<Option<LearnPart>> = const { Cell::new(None) };
}

/// Learn's part, fetched on first use and kept for the life of the page.
pub async fn learn() -> Result<LearnPart, NotLoaded> {
    if let Some(part) = learn_loaded() {
        return Ok(part);
    }
    #[cfg(feature = "split")]
    let part = learn_part().await?;
    #[cfg(not(feature = "split"))]
    let part = learn_part()?;
    LEARN.with(|learn| learn.set(Some(part)));
    Ok(part)
}

/// Learn's part, if it is here (always, once its text has been read: reading it takes the part).
pub fn learn_loaded() -> Option<LearnPart> {
    #[cfg(not(feature = "split"))]
    if let Ok(part) = learn_part() {
        return Some(part);
    }
    LEARN.with(Cell::get)
}

/// Starts fetching `part` if it is not here yet, ahead of its first opening: when the visitor points
/// at, touches or focuses the button that opens it, which comes a moment before the press. A failure
/// here is quiet: opening the section tries again and says so.
pub fn prefetch(part: Part, files: Option<AttrValue>) {
    if loaded(part).is_none() {
        wasm_bindgen_futures::spawn_local(async move {
            let _ = load(part).await;
        });
    }
    part_styles::add(Callback::noop());
    load_words(files, Callback::noop());
}

/// The listeners of a button that opens `part`: `onclick`, and the part started on its way (see
/// [`prefetch`]) as the visitor points at, touches or tabs to the button, a moment before the press.
pub fn opening(part: Part, files: Option<AttrValue>, onclick: Callback<MouseEvent>) -> Listeners {
    let early = files.clone();
    on!(
        onclick,
        onclick,
        onpointerenter,
        Callback::from(move |_: PointerEvent| prefetch(part, early.clone())),
        onfocus,
        Callback::from(move |_: FocusEvent| prefetch(part, files.clone())),
    )
}

thread_local! {
    /// Who waits for the parts' words of which language; a language in this list is on its way, so it
    /// is fetched once however many sections ask.
    static WAITING: RefCell<Vec<(&'static str, Callback<bool>)>> = const { RefCell::new(Vec::new()) };
}

/// Adds the words only the parts read, in the current language, to its table unless they are there,
/// then tells `done` whether they are.
fn load_words(files: Option<AttrValue>, done: Callback<bool>) {
    if text::later_installed() {
        return done.emit(true);
    }
    let lang = text::current();
    let on_its_way = WAITING.with(|waiting| {
        let mut waiting = waiting.borrow_mut();
        let on_its_way = waiting.iter().any(|(l, _)| *l == lang);
        waiting.push((lang, done));
        on_its_way
    });
    if on_its_way {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let arrived = fetch_table(files.as_deref(), lang, Table::Later).await;
        if let Err(problem) = &arrived {
            let why = "reciprocity-widget: the words of the sections could not be loaded:";
            web_sys::console::warn_2(&why.into(), &problem.into());
        }
        let mut these = Vec::new();
        WAITING.with(|waiting| {
            waiting.borrow_mut().retain(|(l, done)| {
                let this = *l == lang;
                if this {
                    these.push(done.clone());
                }
                !this
            })
        });
        for done in these {
            done.emit(arrived.is_ok());
        }
    });
}

/// Like [`prefetch`], for Learn's part: started as its text is fetched, so the two travel side by side.
pub fn prefetch_learn() {
    if learn_loaded().is_none() {
        wasm_bindgen_futures::spawn_local(async {
            let _ = learn().await;
        });
    }
}

/// Fetches `part` (at once when it is already here) and keeps it for the life of the page.
async fn load(part: Part) -> Result<Arrived, NotLoaded> {
    let arrived = fetch(part).await?;
    if let Arrived::View(section) = arrived {
        state::sections_arrived(section.actions);
    }
    LOADED.with(|parts| parts[part.index()].set(Some(arrived)));
    Ok(arrived)
}

#[cfg(feature = "split")]
async fn fetch(part: Part) -> Result<Arrived, NotLoaded> {
    Ok(match part {
        Part::Quiz => Arrived::View(quiz_part().await?),
        Part::Plan => Arrived::View(plan_part().await?),
        Part::Practice => Arrived::View(practice_part().await?),
        Part::Together => Arrived::View(together_part().await?),
        Part::Data => Arrived::Data(data_part().await?),
    })
}

#[cfg(not(feature = "split"))]
async fn fetch(part: Part) -> Result<Arrived, NotLoaded> {
    fetch_now(part)
}

#[cfg(not(feature = "split"))]
fn fetch_now(part: Part) -> Result<Arrived, NotLoaded> {
    Ok(match part {
        Part::Quiz => Arrived::View(quiz_part()?),
        Part::Plan => Arrived::View(plan_part()?),
        Part::Practice => Arrived::View(practice_part()?),
        Part::Together => Arrived::View(together_part()?),
        Part::Data => Arrived::Data(data_part()?),
    })
}

thread_local! {
    /// The parts that have arrived, so a section opened again renders in the same frame.
    static LOADED: [Cell<Option<Arrived>>; Part::COUNT] = const { [const { Cell::new(None) }; Part::COUNT] };
}

fn loaded(part: Part) -> Option<Arrived> {
    // Without the split every part is simply here, rendered in the same frame as before.
    #[cfg(not(feature = "split"))]
    if let Ok(render) = fetch_now(part) {
        return Some(render);
    }
    LOADED.with(|parts| parts[part.index()].get())
}

/// Where a part is, for the component that shows it.
pub enum PartNow {
    /// Here, with its words and its stylesheet.
    Here(Arrived),
    /// On its way.
    Loading,
    /// It could not be fetched: "Try again" runs this.
    Failed(Callback<MouseEvent>),
}

/// Fetches `part` (its code, the sections' words in the current language and their stylesheet) unless
/// it is here, and renders again when it arrives or fails; `None` (no part on screen) fetches nothing.
/// "Try again" sends focus to `refocus` through `focus` (a pending focus whose component renders again
/// with this hook's): the button gives way to "Loading…", so focus goes to the heading above, not the
/// page. A failure is the part's: another part on screen is fetched afresh, and so is this one when it
/// comes back.
#[hook]
pub fn use_part(
    part: Option<Part>,
    widget: &Widget,
    focus: &PendingFocus,
    refocus: Focus,
) -> PartNow {
    // Renders again once the part (or its words) has arrived, to find it where `load` keeps it.
    let arrived = use_force_update();
    // The part whose fetch failed, until "Try again" or another part.
    let failed = use_state(|| None::<Part>);
    let has_failed = part.is_some() && *failed == part;
    let shares_results = widget.config.share_results;
    {
        let failed = failed.clone();
        let files = widget.files.clone();
        // Again after a change of language: the parts' words of the new one.
        use_effect_with(
            (part, has_failed, text::current()),
            move |&(part, has_failed, _)| {
                if has_failed {
                    return;
                }
                if failed.is_some() {
                    // Another part failed before: forgotten once it is no longer on screen, so coming
                    // back to it fetches it afresh.
                    failed.set(None);
                }
                let Some(part) = part else { return };
                if loaded(part).is_none() {
                    let (arrived, failed, files) = (arrived.clone(), failed.clone(), files.clone());
                    wasm_bindgen_futures::spawn_local(async move {
                        match load(part).await {
                            Ok(_) => {
                                arrived.force_update();
                                if let Some(next) = part.next() {
                                    prefetch(next, files);
                                }
                                // The check's results, worked out for the page when it finishes.
                                if part == Part::Quiz && shares_results {
                                    wasm_bindgen_futures::spawn_local(async {
                                        let _ = results().await;
                                    });
                                }
                            }
                            Err(NotLoaded) => failed.set(Some(part)),
                        }
                    });
                }
                // Told whether the words, or the stylesheet, arrived.
                let told = Callback::from(move |here: bool| match here {
                    true => arrived.force_update(),
                    false => failed.set(Some(part)),
                });
                if !part_styles::here() {
                    part_styles::add(told.clone());
                }
                if !text::later_installed() {
                    load_words(files, told);
                }
            },
        );
    }
    if let Some(arrived) = part
        .and_then(loaded)
        .filter(|_| text::later_installed() && part_styles::here())
    {
        return PartNow::Here(arrived);
    }
    if has_failed {
        let focus = focus.clone();
        PartNow::Failed(Callback::from(move |_: MouseEvent| {
            focus.set(refocus);
            failed.set(None);
        }))
    } else {
        PartNow::Loading
    }
}

/// What to say when a part (or Learn's text) could not be fetched: that everything the visitor did is
/// still here only when something is (not before anything was done, nor after deleting everything).
pub fn failed_words(widget: &Widget) -> Text {
    let ui = &widget.content().ui;
    match widget.state.doc.is_empty() {
        true => ui.part_failed,
        false => ui.learn_failed,
    }
}

/// "Loading…", or a calm message and "Try again" when the part could not be fetched (a polite status,
/// not an alert, as for Learn's text); nothing once it is here.
pub fn part_status(widget: &Widget, now: &PartNow) -> Html {
    let ui = &widget.content().ui;
    match now {
        PartNow::Here(_) => Html::default(),
        PartNow::Loading => fetch_status(ui, None),
        PartNow::Failed(retry) => fetch_status(ui, Some((failed_words(widget), retry.clone()))),
    }
}

/// "Loading…" while something is on its way; once it could not be fetched, `failed`: what to say,
/// and what "Try again" runs. For a part, and for what reads saved progress (`root.rs`).
pub fn fetch_status(ui: &UiText, failed: Option<(Text, Callback<MouseEvent>)>) -> Html {
    let status = |text| {
        words(
            "p",
            attrs!["role" = "status", "class" = "rw-part-status"],
            text,
        )
    };
    match failed {
        None => status(ui.learn_loading),
        Some((words, retry)) => nodes(vec![
            status(words),
            buttons(button("rw-button", ui.learn_retry, None, retry)),
        ]),
    }
}

/// The section on screen from what [`use_part`] says of it: the section once it has arrived; until then
/// "Loading…", and if it cannot be fetched, a message and "Try again". (A function with the app's hook
/// rather than a component: each component costs the download a few hundred bytes.)
pub fn section(widget: &Widget, now: &PartNow) -> Html {
    match now {
        PartNow::Here(Arrived::View(section)) => (section.render)(widget),
        now => part_status(widget, now),
    }
}
