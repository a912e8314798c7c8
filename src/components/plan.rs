//! My plan: the give/receive profile of the latest check, the direction in gentle words, the steps that
//! fit, how two checks compare (the last two, or any two with the `history` module, which also shows
//! the checks over time and lets the visitor remove one), and a page to print (`print`).

use super::action_list::action_list;
use super::history::{checks, over_time, CompareChecks, PastChecks};
use super::hooks::focus::Focus;
use super::markup::{
    attrs, button, button_with, buttons, dynamic, el, keyed, nodes, plan_section, sentence, string,
    tag, words,
};
use super::print_summary::PrintPlan;
use super::profile_chart::profile_chart;
use super::safety_note::safety_note;
use super::widget::{Widget, WidgetProps};
use crate::core::content::fill;
use crate::core::document::View;
use crate::core::scoring::{direction_paragraphs, learn_links, profile, recommend};
use crate::core::state::Action;
use crate::web::format_date;
use std::rc::Rc;
use yew::html::IntoPropValue;
use yew::prelude::*;
use yew::virtual_dom::{Key, Listeners};

/// The plan as the app shows it (see `lazy.rs`: the part that arrives on first use).
pub fn plan(widget: &Widget) -> Html {
    html! { <Plan widget={widget.clone()} /> }
}

#[component]
pub fn Plan(props: &WidgetProps) -> Html {
    let widget = props.widget.clone();
    let content = widget.content();
    let part_ui = &content.later().part_ui;
    let state = &widget.state;
    // The finished checks with their profiles and dates, worked out again only when the checks or the
    // language change (not on every tick of the checklist).
    let history = use_memo((state.doc.quiz.clone(), content.lang), move |(quiz, _)| {
        Rc::new(checks(content, quiz))
    });
    let history: Rc<_> = (*history).clone();

    let Some(latest) = state.doc.quiz.finished().next() else {
        let text = if state.current().is_some() {
            part_ui.plan_in_progress
        } else {
            part_ui.plan_empty
        };
        let to_quiz = if widget.shows(View::Quiz) {
            let go_to_quiz = widget.go(Action::Navigate(View::Quiz), Focus::Legend);
            buttons(button("rw-button", part_ui.go_to_quiz, None, go_to_quiz))
        } else {
            Html::default()
        };
        return el(
            "div",
            attrs!["class" = "rw-plan"],
            nodes(vec![
                words("p", attrs![], text),
                to_quiz,
                words("p", attrs!["class" = "rw-help"], part_ui.help_line),
            ]),
        );
    };
    let now = profile(content, latest);
    let recommendations = recommend(content, &now);
    // Two or three passages of "Learn more" that fit these answers and who the check was about.
    let links = learn_links(content, &now, latest.context);
    let date = format_date(latest.finished.unwrap_or(latest.started), &content.lang);

    let recommended = if recommendations.is_empty() {
        words("p", attrs![], part_ui.direction_unknown)
    } else {
        let steps = recommendations.iter().filter_map(|rec| {
            let step = content.step(rec.step)?;
            let reasons = rec
                .reasons_in_words(content)
                .into_iter()
                .map(|reason| sentence("li", attrs![], reason))
                .collect();
            let link = if widget.shows(View::Checklist) {
                button_with(
                    "rw-link",
                    string(fill(part_ui.go_to_step, &[("step", &step.title)])),
                    None,
                    None,
                    widget.go(Action::Navigate(View::Checklist), Focus::Step(step.id)),
                )
            } else {
                Html::default()
            };
            let title = nodes(vec![
                words(
                    "span",
                    attrs!["aria-hidden" = "true", "class" = "rw-step-letter"],
                    step.letter,
                ),
                step.title.into_prop_value(),
            ]);
            let item = vec![
                el("h4", attrs![], title),
                words("p", attrs!["class" = "rw-step-summary"], step.summary),
                el("ul", attrs!["class" = "rw-reasons"], nodes(reasons)),
                action_list(&widget, step, rec.protects_giver()),
                link,
            ];
            Some(keyed(
                "li",
                Key::from(step.id),
                attrs!["class" = "rw-recommendation"],
                nodes(item),
            ))
        });
        nodes(vec![
            words("p", attrs![], part_ui.recommended_intro),
            // Matched by key.
            el(
                "ol",
                attrs!["class" = "rw-recommendations"],
                nodes(steps.collect()),
            ),
        ])
    };

    let learn = if links.is_empty() {
        Html::default()
    } else {
        let links = links.into_iter().map(|(id, name)| {
            let learn = widget.learn.clone();
            let open = Callback::from(move |_: MouseEvent| learn.open(Some(id)));
            let link = button("rw-link", name, Some(Focus::LearnLink(id)), open);
            keyed("li", Key::from(id), attrs![], link)
        });
        plan_section(
            widget.id("plan-learn"),
            part_ui.plan_learn_heading,
            nodes(vec![
                words("p", attrs![], part_ui.plan_learn_intro),
                // Matched by key.
                el(
                    "ul",
                    attrs!["class" = "rw-learn-links"],
                    nodes(links.collect()),
                ),
            ]),
        )
    };

    let direction = direction_paragraphs(content, &now)
        .into_iter()
        .map(|paragraph| sentence("p", attrs![], paragraph))
        .collect();
    let cta = match &widget.config.cta {
        // Checked to be http(s) when the attribute was read; opens the clinic's own page.
        Some(cta) => tag(
            "a",
            dynamic!["href" = cta.url.clone(), "class" = "rw-button rw-cta"],
            Listeners::None,
            string(
                cta.label
                    .clone()
                    .unwrap_or_else(|| part_ui.cta_default.to_string()),
            ),
        ),
        None => Html::default(),
    };
    let retake = if widget.shows(View::Quiz) {
        let retake = widget.go(Action::Retake, Focus::ViewHeading);
        button("rw-button rw-button-quiet", part_ui.retake, None, retake)
    } else {
        Html::default()
    };

    html! {
        <div class="rw-plan">
            { sentence("p", attrs![], fill(part_ui.plan_taken_on, &[("date", &date)])) }
            { words("p", attrs!["class" = "rw-note"], part_ui.plan_reflection_note) }
            // Before any suggestion: for a visitor the other person frightens, controls or hurts, none
            // of what follows applies.
            { safety_note(&widget, 3) }
            { plan_section(widget.id("direction"), part_ui.direction_heading, nodes(direction)) }
            { profile_chart(&widget, &now) }
            { plan_section(widget.id("recommended"), part_ui.recommended_heading, recommended) }
            { learn }
            if history.len() > 1 {
                <CompareChecks widget={widget.clone()} checks={history.clone()} pick={widget.config.history} />
                if widget.config.history {
                    { over_time(&widget, &history) }
                }
            }
            if widget.config.history {
                <PastChecks widget={widget.clone()} checks={history.clone()} />
            }
            if widget.config.print {
                <PrintPlan widget={widget.clone()} profile={now.clone()} recommendations={recommendations.clone()} date={date.clone()} />
            }
            { buttons(nodes(vec![cta, retake])) }
            { words("p", attrs!["class" = "rw-help"], part_ui.help_line) }
        </div>
    }
}
