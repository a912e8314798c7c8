//! The plan's history (the `history` module): any two checks compared, each naming its date; per form,
//! what the visitor gave and received across the checks, as a small chart with a table that says the
//! same; and the list of checks, each of which can be removed after a question.

use super::hooks::focus::{use_pending_focus, Focus};
use super::markup::{
    attrs, button_with, confirm, dynamic, el, el_with, element, keyed, nodes, on, plan_section,
    sentence, string, svg_text, table_wrap, tag, words,
};
use super::profile_chart::{head_row, missing, score_cells};
use super::widget::Widget;
use crate::core::content::{fill, Content, Text};
use crate::core::document::{Millis, Quiz, MAX_ATTEMPTS};
use crate::core::history::{
    dots_path, grid_path, line_path, pair, x_of, y_of_point, Mirror, DATE_Y, HEIGHT, WIDTH,
};
use crate::core::relationship::Relationship;
use crate::core::scoring::{profile, FormScore, Profile};
use crate::core::state::Action;
use crate::web::{format_count, format_date, format_date_time, format_score};
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::html::IntoPropValue;
use yew::prelude::*;
use yew::virtual_dom::{Key, Listeners};

/// A finished check, as the history shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    pub id: Millis,
    /// The day it was finished ("3 March 2026").
    pub date: String,
    /// The day, with the time of day when another check was finished the same day: what names the
    /// check in lists and tables.
    pub when: String,
    pub about: Option<Relationship>,
    pub profile: Profile,
}

/// The finished checks, oldest first.
pub type Checks = Rc<Vec<Check>>;

/// The finished checks of `quiz`, oldest first, with their dates in the language on screen.
pub fn checks(content: &'static Content, quiz: &Quiz) -> Vec<Check> {
    let finished: Vec<_> = quiz
        .attempts
        .iter()
        .filter_map(|a| Some((a, a.finished?)))
        .collect();
    let dates: Vec<String> = finished
        .iter()
        .map(|(_, at)| format_date(*at, &content.lang))
        .collect();
    finished
        .iter()
        .zip(&dates)
        .map(|((attempt, at), date)| Check {
            id: attempt.id(),
            date: date.clone(),
            when: if dates.iter().filter(|d| *d == date).count() > 1 {
                format_date_time(*at, &content.lang)
            } else {
                date.clone()
            },
            about: attempt.context,
            profile: profile(content, attempt),
        })
        .collect()
}

#[derive(Properties, PartialEq)]
pub struct CompareProps {
    /// The widget: its state, a way to change it, the settings.
    pub widget: Widget,
    pub checks: Checks,
    /// The visitor picks the two checks (the `history` module); otherwise the last two are compared.
    pub pick: bool,
}

/// Two checks side by side, per form; the columns are named by the checks' dates.
#[component]
pub fn CompareChecks(props: &CompareProps) -> Html {
    let widget = props.widget.clone();
    let content = widget.content();
    let ui = &content.ui;
    let part_ui = &content.later().part_ui;
    let chosen = use_state(|| (None::<Millis>, None::<Millis>));
    let checks = &props.checks;
    let ids: Vec<Millis> = checks.iter().map(|c| c.id).collect();
    let Some((a, b)) = pair(&ids, if props.pick { *chosen } else { (None, None) }) else {
        return Html::default();
    };
    let (first, second) = (&checks[a], &checks[b]);
    // A list of the checks, newest first; choosing one keeps the other side as it is on screen.
    let list = |side: usize, label: Text, selected: usize| {
        let (chosen, ids) = (chosen.clone(), ids.clone());
        let onchange = move |event: Event| {
            let Some(list) = event.target_dyn_into::<HtmlSelectElement>() else {
                return;
            };
            let Some(id) = usize::try_from(list.selected_index())
                .ok()
                .and_then(|i| ids.len().checked_sub(i + 1))
                .map(|i| ids[i])
            else {
                return;
            };
            chosen.set(if side == 0 {
                (Some(id), Some(ids[b]))
            } else {
                (Some(ids[a]), Some(id))
            });
        };
        let id = widget.id(if side == 0 {
            "compare-from"
        } else {
            "compare-to"
        });
        let id = AttrValue::from(id);
        let label = el_with("label", &["for"], id.clone(), label.into_prop_value());
        let options = checks
            .iter()
            .enumerate()
            .rev()
            .map(|(i, check)| {
                element(
                    "option",
                    NodeRef::default(),
                    Some(Key::from(check.id)),
                    dynamic!["selected" = (i == selected).then_some("selected")],
                    Listeners::None,
                    string(check.when.clone()),
                )
            })
            .collect();
        let select = tag(
            "select",
            dynamic!["id" = id, "class" = "rw-control"],
            on!(onchange, Callback::from(onchange)),
            nodes(options),
        );
        el(
            "div",
            attrs!["class" = "rw-field"],
            nodes(vec![label, select]),
        )
    };
    let pick = if props.pick {
        let same = if a == b {
            words("p", attrs!["class" = "rw-hint"], part_ui.compare_same)
        } else {
            Html::default()
        };
        nodes(vec![
            el(
                "div",
                attrs!["class" = "rw-compare-pick"],
                nodes(vec![list(0, part_ui.last_time, a), list(1, ui.now, b)]),
            ),
            same,
        ])
    } else {
        Html::default()
    };
    // A group of two rows per form (what the visitor gives, what they receive): narrow enough for a
    // phone, where two cells of "I give 3.5 · I receive 2.0" were not.
    let forms = first
        .profile
        .forms
        .iter()
        .zip(second.profile.forms.iter())
        .map(|(then, now)| {
            let name = content.form(now.form).map(|f| f.name).unwrap_or_default();
            let row = |label, give| {
                let cells = vec![
                    words("th", attrs!["scope" = "row"], label),
                    compared(content, then, give),
                    compared(content, now, give),
                ];
                el("tr", attrs![], nodes(cells))
            };
            let head = words("th", attrs!["scope" = "rowgroup", "colspan" = "3"], name);
            let rows = vec![
                el("tr", attrs![], head),
                row(part_ui.give_label, true),
                row(part_ui.receive_label, false),
            ];
            keyed("tbody", Key::from(now.form), attrs![], nodes(rows))
        });
    let table = nodes(vec![
        head_row(&[&part_ui.form_column, &first.when, &second.when]),
        nodes(forms.collect()),
    ]);
    let table = el("table", attrs!["class" = "rw-table rw-compare"], table);
    plan_section(
        widget.id("compare"),
        part_ui.compare_heading,
        nodes(vec![pick, table_wrap(part_ui.compare_heading, table)]),
    )
}

/// One check's cell in the row of what the visitor gives (`give`) or receives; a form without numbers
/// says why once, across both rows.
fn compared(content: &Content, score: &FormScore, give: bool) -> Html {
    match (score.give, score.receive) {
        (Some(given), Some(received)) => sentence(
            "td",
            attrs![],
            format_score(if give { given } else { received }, &content.lang),
        ),
        _ if give => words(
            "td",
            attrs!["rowspan" = "2"],
            missing(&content.later().part_ui, score),
        ),
        _ => Html::default(),
    }
}

#[derive(Properties, PartialEq)]
pub struct ChecksProps {
    /// The widget: its state, a way to change it, the settings.
    pub widget: Widget,
    pub checks: Checks,
}

/// Per form, what the visitor gave and received at each check: a small chart (for the eye; hidden
/// from screen readers) and a table that says the same (for everyone). A function rather than a
/// component: it keeps no state, and each component costs the download a few hundred bytes.
pub fn over_time(widget: &Widget, checks: &[Check]) -> Html {
    let content = widget.content();
    let part_ui = &content.later().part_ui;
    let mirror = Mirror(content.dir == "rtl");
    let trends = content
        .later()
        .forms
        .iter()
        .enumerate()
        .map(|(place, form)| {
            let id = widget.id(&format!("trend-{}", form.id));
            trend(&id, form.name, place, checks, mirror, content)
        })
        .collect();
    let legend = nodes(vec![
        words("span", attrs!["class" = "rw-key-give"], part_ui.give_label),
        words(
            "span",
            attrs!["class" = "rw-key-receive"],
            part_ui.receive_label,
        ),
    ]);
    plan_section(
        widget.id("over-time"),
        part_ui.history_heading,
        nodes(vec![
            words("p", attrs![], part_ui.history_intro),
            // The tables name the columns; this key is for the charts alone.
            el(
                "p",
                attrs!["aria-hidden" = "true", "class" = "rw-legend"],
                legend,
            ),
            el("div", attrs!["class" = "rw-trends"], nodes(trends)),
        ]),
    )
}

/// One form over time: its name, the chart and the table.
fn trend(
    heading: &str,
    name: Text,
    place: usize,
    checks: &[Check],
    mirror: Mirror,
    content: &Content,
) -> Html {
    let part_ui = &content.later().part_ui;
    let count = checks.len();
    let scores: Vec<_> = checks
        .iter()
        .filter_map(|c| c.profile.forms.get(place))
        .collect();
    let gives: Vec<Option<f64>> = scores.iter().map(|s| s.give).collect();
    let receives: Vec<Option<f64>> = scores.iter().map(|s| s.receive).collect();
    let x = |i: usize| mirror.x(x_of(i, count)).to_string();
    let heading = AttrValue::from(heading.to_owned());
    let mut chart: Vec<Html> = vec![path("rw-grid", grid_path(mirror))];
    for point in [1, 3, 5] {
        let y = (y_of_point(point) + 4).to_string();
        chart.push(chart_label(
            mirror.x(0).to_string(),
            y,
            None,
            string(point.to_string()),
        ));
    }
    chart.extend([
        path("rw-line-give", line_path(&gives, mirror)),
        path("rw-line-receive", line_path(&receives, mirror)),
        // Squares under dots, where the two meet.
        path("rw-dot-receive", dots_path(&receives, mirror)),
        path("rw-dot-give", dots_path(&gives, mirror)),
    ]);
    // The first and the last date, under their checks (a date starts at the first check and ends at
    // the last, on whichever side the language starts).
    let date = |at: usize, anchor, check: Option<&Check>| match check {
        Some(check) => chart_label(
            x(at),
            DATE_Y.to_string(),
            anchor,
            string(check.date.clone()),
        ),
        None => Html::default(),
    };
    chart.push(date(0, None, checks.first()));
    chart.push(date(
        count.saturating_sub(1),
        Some("end"),
        checks.last().filter(|_| count > 1),
    ));
    let rows = checks
        .iter()
        .zip(scores)
        .map(|(check, score)| {
            let cells = vec![
                sentence("th", attrs!["scope" = "row"], check.when.clone()),
                score_cells(content, score, false),
            ];
            keyed("tr", Key::from(check.id), attrs![], nodes(cells))
        })
        .collect();
    let table = nodes(vec![
        head_row(&[
            &part_ui.history_date_column,
            &part_ui.give_label,
            &part_ui.receive_label,
        ]),
        el("tbody", attrs![], nodes(rows)),
    ]);
    el(
        "div",
        attrs!["class" = "rw-trend"],
        nodes(vec![
            el_with("h4", &["id"], heading.clone(), name.into_prop_value()),
            tag(
                "svg",
                dynamic![
                    "viewBox" = format!("0 0 {WIDTH} {HEIGHT}"),
                    "aria-hidden" = "true",
                    "focusable" = "false",
                    "class" = "rw-trend-chart",
                ],
                Listeners::None,
                nodes(chart),
            ),
            tag(
                "table",
                dynamic!["aria-labelledby" = heading, "class" = "rw-table"],
                Listeners::None,
                table,
            ),
        ]),
    )
}

/// `<path d class />`: a line of a chart.
fn path(class: &'static str, d: String) -> Html {
    tag(
        "path",
        dynamic!["d" = d, "class" = class],
        Listeners::None,
        Html::default(),
    )
}

/// `<text x y text-anchor class="rw-chart-label">text</text>`: a label of a chart.
fn chart_label(x: String, y: String, anchor: Option<&'static str>, text: Html) -> Html {
    svg_text("rw-chart-label", x, y, anchor, text)
}

/// The finished checks, newest first, each with who it was about and a way to remove it (after a
/// question). At the cap it says which check the next one will let go.
#[component]
pub fn PastChecks(props: &ChecksProps) -> Html {
    let widget = props.widget.clone();
    let content = widget.content();
    let ui = &content.ui;
    let part_ui = &content.later().part_ui;
    let asking = use_state(|| None::<Millis>);
    // Asking and cancelling swap the focused button for another: focus follows, after the render.
    let root = use_node_ref();
    let focus = use_pending_focus(root.clone());
    let checks = &props.checks;
    let count = format_count(MAX_ATTEMPTS);
    let note = match checks.first() {
        Some(oldest) if checks.len() >= MAX_ATTEMPTS => fill(
            part_ui.checks_cap,
            &[("count", &count), ("date", &oldest.when)],
        ),
        _ => fill(part_ui.checks_kept, &[("count", &count)]),
    };
    let item = |check: &Check| {
        let id = check.id;
        let about = widget.id(&format!("check-{id}"));
        let question = widget.id("remove-question");
        // Asking: the safe choice gets focus, so a stray Enter does not remove the check.
        let ask = |to: Option<Millis>, target: Focus| {
            let (asking, focus) = (asking.clone(), focus.clone());
            Callback::from(move |_: MouseEvent| {
                asking.set(to);
                focus.set(target);
            })
        };
        let remove = {
            let (asking, widget) = (asking.clone(), widget.clone());
            let sentence = fill(part_ui.check_removed, &[("date", &check.when)]);
            // The list stays while another check is left: focus goes to its heading; else to the top.
            let target = if checks.len() > 1 {
                Focus::Checks
            } else {
                Focus::ViewHeading
            };
            Callback::from(move |_: MouseEvent| {
                asking.set(None);
                widget.send_then_confirm(Action::RemoveCheck(id), target, sentence.clone());
            })
        };
        let about_id = AttrValue::from(about);
        let who = match check.about.and_then(|r| content.context(r)) {
            Some(about) => about.label.into_prop_value(),
            None => Html::default(),
        };
        let date = sentence(
            "span",
            attrs!["class" = "rw-check-date"],
            check.when.clone(),
        );
        let action = if *asking == Some(id) {
            confirm(
                question,
                string(fill(
                    part_ui.check_remove_question,
                    &[("date", &check.when)],
                )),
                "rw-button",
                part_ui.check_remove_confirm,
                remove,
                ui.cancel,
                Focus::RemoveCancel,
                ask(None, Focus::RemoveCheck(id)),
            )
        } else {
            button_with(
                "rw-button rw-button-quiet",
                part_ui.check_remove.into_prop_value(),
                Some(about_id.clone()),
                Some(Focus::RemoveCheck(id)),
                ask(Some(id), Focus::RemoveCancel),
            )
        };
        let about = el_with("p", &["id"], about_id, nodes(vec![date, who]));
        keyed("li", Key::from(id), attrs![], nodes(vec![about, action]))
    };
    let heading_id = AttrValue::from(widget.id("checks"));
    let heading = tag(
        "h3",
        dynamic![
            "id" = heading_id.clone(),
            "tabindex" = "-1",
            "data-focus" = "checks",
        ],
        Listeners::None,
        part_ui.checks_heading.into_prop_value(),
    );
    let items = checks.iter().rev().map(item).collect();
    element(
        "section",
        root,
        None,
        dynamic!["aria-labelledby" = heading_id, "class" = "rw-plan-section"],
        Listeners::None,
        nodes(vec![
            heading,
            sentence("p", attrs!["class" = "rw-hint"], note),
            el("ul", attrs!["class" = "rw-check-list"], nodes(items)),
        ]),
    )
}
