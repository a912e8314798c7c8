//! "Learn more": background reading on give and take, with a table of contents and the questions
//! people often ask. Shown in place of the section it was opened from (under the view heading, which
//! then reads "Learn more"); its text arrives on first opening (see `hooks/learn.rs`).

use super::hooks::focus::{focus_now, Focus};
use super::hooks::learn::Load;
use super::widget::{use_widget, Widget};
use crate::core::content::Text;
use crate::core::learn::{Learn, FAQ_ID};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LearnProps {
    /// "Back to the checklist", "Back to my plan".
    pub back_label: Text,
}

#[component]
pub fn LearnView(props: &LearnProps) -> Html {
    let widget = use_widget();
    let ui = &widget.content().ui;
    let root = use_node_ref();
    let learn = &widget.learn;
    let back = html! {
        <div class="rw-buttons">
            <button type="button" class="rw-button rw-button-quiet" onclick={
                let learn = learn.clone();
                move |_| learn.close()
            }>
                { props.back_label }
            </button>
        </div>
    };
    let status = match learn.load() {
        Load::Loading | Load::Idle => ui.learn_loading,
        Load::Failed => ui.learn_failed,
        Load::Ready(_) => Text::EMPTY,
    };
    let retry = {
        let learn = learn.clone();
        move |_| learn.retry()
    };
    html! {
        <div class="rw-learn" ref={root.clone()}>
            <p>{ ui.learn_intro }</p>
            <p class="rw-learn-status" role="status">{ status }</p>
            if let Load::Ready(text) = learn.load() {
                { back.clone() }
                { learn_text(&widget, text, learn.at(), &root) }
            } else if learn.load() == Load::Failed {
                <div class="rw-buttons">
                    <button type="button" class="rw-button" onclick={retry}>{ ui.learn_retry }</button>
                </div>
            }
            { back }
        </div>
    }
}

/// The loaded text: a table of contents, the sections, the questions. `root` is Learn's element,
/// where the table of contents looks for headings; a question with the id `at` is shown open.
fn learn_text(
    widget: &Widget,
    learn: &'static Learn,
    at: Option<&'static str>,
    root: &NodeRef,
) -> Html {
    let ui = &widget.content().ui;
    let go = |id: &'static str| {
        let root = root.clone();
        move |_| {
            focus_now(&root, Focus::LearnPart(id));
        }
    };
    let contents_id = widget.id("learn-contents");
    let faq_id = widget.id("learn-faq");
    let next_section = |i: usize| learn.sections.get(i + 1).map_or(FAQ_ID, |s| s.id.as_str());

    html! {
        <>
            <nav class="rw-learn-contents" aria-labelledby={contents_id.clone()}>
                <h3 id={contents_id}>{ ui.learn_contents }</h3>
                <ul>
                    for section in learn.sections.iter() {
                        <li>
                            <button type="button" class="rw-link" onclick={go(&section.id)}>
                                { &section.heading }
                            </button>
                        </li>
                    }
                    <li>
                        <button type="button" class="rw-link" onclick={go(FAQ_ID)}>
                            { ui.learn_faq_heading }
                        </button>
                    </li>
                </ul>
            </nav>
            for (i, section) in learn.sections.iter().enumerate() {
                <section
                    class="rw-learn-section"
                    key={section.id.as_str()}
                    aria-labelledby={widget.id(&format!("learn-{}", section.id))}
                >
                    <h3
                        id={widget.id(&format!("learn-{}", section.id))}
                        tabindex="-1"
                        data-focus={Focus::LearnPart(&section.id).attr()}
                    >
                        { &section.heading }
                    </h3>
                    if section.sensitive {
                        <div class="rw-note rw-learn-sensitive">
                            <p>{ ui.learn_sensitive_note }</p>
                            <button type="button" class="rw-link" onclick={go(next_section(i))}>
                                { ui.learn_skip }
                            </button>
                        </div>
                    }
                    for passage in section.passages.iter() {
                        <div class="rw-learn-passage" key={passage.id.as_str()} data-passage={passage.id.clone()}>
                            if !passage.heading.is_empty() {
                                <h4 tabindex="-1" data-focus={Focus::LearnPart(&passage.id).attr()}>
                                    { &passage.heading }
                                </h4>
                            }
                            for paragraph in passage.paragraphs.iter() {
                                <p>{ &paragraph.text }</p>
                            }
                            if !passage.list.is_empty() {
                                <ul class="rw-learn-list">
                                    for item in passage.list.iter() {
                                        <li>{ &item.text }</li>
                                    }
                                </ul>
                            }
                        </div>
                    }
                </section>
            }
            <section class="rw-learn-section rw-faq" aria-labelledby={faq_id.clone()}>
                <h3 id={faq_id} tabindex="-1" data-focus={Focus::LearnPart(FAQ_ID).attr()}>
                    { ui.learn_faq_heading }
                </h3>
                for question in learn.faq.iter() {
                    <details class="rw-faq-item" key={question.id.as_str()} open={at == Some(question.id.as_str())}>
                        <summary data-focus={Focus::LearnPart(&question.id).attr()}>
                            { &question.question }
                        </summary>
                        <p>{ &question.answer }</p>
                    </details>
                }
            </section>
            <p class="rw-note">{ ui.learn_safety }</p>
        </>
    }
}
