//! The plan's history (the `history` module): any two checks compared, each naming its date; per form,
//! what the visitor gave and received across the checks, as a small chart with a table that says the
//! same; and the list of checks, each of which can be removed after a question.

use super::hooks::focus::{use_pending_focus, Focus};
use super::profile_chart::{head_row, missing, score_cells};
use super::widget::{use_widget, Widget};
use crate::core::content::{fill, Content};
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
use yew::prelude::*;

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
    pub checks: Checks,
    /// The visitor picks the two checks (the `history` module); otherwise the last two are compared.
    pub pick: bool,
}

/// Two checks side by side, per form; the columns are named by the checks' dates.
#[component]
pub fn CompareChecks(props: &CompareProps) -> Html {
    let widget = use_widget();
    let content = widget.content();
    let ui = &content.ui;
    let chosen = use_state(|| (None::<Millis>, None::<Millis>));
    let checks = &props.checks;
    let ids: Vec<Millis> = checks.iter().map(|c| c.id).collect();
    let Some((a, b)) = pair(&ids, if props.pick { *chosen } else { (None, None) }) else {
        return Html::default();
    };
    let (first, second) = (&checks[a], &checks[b]);
    // A list of the checks, newest first; choosing one keeps the other side as it is on screen.
    let list = |side: usize, label, selected: usize| {
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
        html! {
            <div class="rw-field">
                <label for={id.clone()}>{ label }</label>
                <select {id} {onchange}>
                    for (i, check) in checks.iter().enumerate().rev() {
                        <option key={check.id} selected={i == selected}>{ check.when.clone() }</option>
                    }
                </select>
            </div>
        }
    };

    html! {
        <section class="rw-plan-section" aria-labelledby={widget.id("compare")}>
            <h3 id={widget.id("compare")}>{ ui.compare_heading }</h3>
            if props.pick {
                <div class="rw-compare-pick">
                    { list(0, ui.last_time, a) }
                    { list(1, ui.now, b) }
                </div>
                if a == b {
                    <p class="rw-hint">{ ui.compare_same }</p>
                }
            }
            <div class="rw-table-wrap" tabindex="0" role="region" aria-label={ui.compare_heading}>
                <table class="rw-table rw-compare">
                    { head_row(&[&ui.form_column, &first.when, &second.when]) }
                    // A group of two rows per form (what the visitor gives, what they receive): narrow
                    // enough for a phone, where two cells of "I give 3.5 · I receive 2.0" were not.
                    for (then, now) in first.profile.forms.iter().zip(second.profile.forms.iter()) {
                        <tbody key={now.form}>
                            <tr>
                                <th scope="rowgroup" colspan="3">{ content.form(now.form).map(|f| f.name).unwrap_or_default() }</th>
                            </tr>
                            <tr>
                                <th scope="row">{ ui.give_label }</th>
                                { compared(content, then, true) }
                                { compared(content, now, true) }
                            </tr>
                            <tr>
                                <th scope="row">{ ui.receive_label }</th>
                                { compared(content, then, false) }
                                { compared(content, now, false) }
                            </tr>
                        </tbody>
                    }
                </table>
            </div>
        </section>
    }
}

/// One check's cell in the row of what the visitor gives (`give`) or receives; a form without numbers
/// says why once, across both rows.
fn compared(content: &Content, score: &FormScore, give: bool) -> Html {
    match (score.give, score.receive) {
        (Some(given), Some(received)) => html! {
            <td>{ format_score(if give { given } else { received }, &content.lang) }</td>
        },
        _ if give => html! { <td rowspan="2">{ missing(&content.ui, score) }</td> },
        _ => Html::default(),
    }
}

#[derive(Properties, PartialEq)]
pub struct ChecksProps {
    pub checks: Checks,
}

/// Per form, what the visitor gave and received at each check: a small chart (for the eye; hidden
/// from screen readers) and a table that says the same (for everyone). A function rather than a
/// component: it keeps no state, and each component costs the download a few hundred bytes.
pub fn over_time(widget: &Widget, checks: &[Check]) -> Html {
    let content = widget.content();
    let ui = &content.ui;
    let mirror = Mirror(content.dir == "rtl");
    html! {
        <section class="rw-plan-section" aria-labelledby={widget.id("over-time")}>
            <h3 id={widget.id("over-time")}>{ ui.history_heading }</h3>
            <p>{ ui.history_intro }</p>
            // The tables name the columns; this key is for the charts alone.
            <p class="rw-legend" aria-hidden="true">
                <span class="rw-key-give">{ ui.give_label }</span>
                <span class="rw-key-receive">{ ui.receive_label }</span>
            </p>
            <div class="rw-trends">
                for (place, form) in content.forms.iter().enumerate() {
                    { trend(&widget.id(&format!("trend-{}", form.id)), form.name.get(), place, checks, mirror, content) }
                }
            </div>
        </section>
    }
}

/// One form over time: its name, the chart and the table.
fn trend(
    heading: &str,
    name: &str,
    place: usize,
    checks: &[Check],
    mirror: Mirror,
    content: &Content,
) -> Html {
    let ui = &content.ui;
    let count = checks.len();
    let scores: Vec<_> = checks
        .iter()
        .filter_map(|c| c.profile.forms.get(place))
        .collect();
    let gives: Vec<Option<f64>> = scores.iter().map(|s| s.give).collect();
    let receives: Vec<Option<f64>> = scores.iter().map(|s| s.receive).collect();
    let x = |i: usize| mirror.x(x_of(i, count));
    let (first, last) = (checks.first(), checks.last().filter(|_| count > 1));
    html! {
        <div class="rw-trend">
            <h4 id={heading.to_owned()}>{ name }</h4>
            <svg class="rw-trend-chart" viewBox={format!("0 0 {WIDTH} {HEIGHT}")} aria-hidden="true" focusable="false">
                <path class="rw-grid" d={grid_path(mirror)} />
                for point in [1, 3, 5] {
                    <text class="rw-chart-label" x={mirror.x(0).to_string()} y={(y_of_point(point) + 4).to_string()}>{ point.to_string() }</text>
                }
                <path class="rw-line-give" d={line_path(&gives, mirror)} />
                <path class="rw-line-receive" d={line_path(&receives, mirror)} />
                // Squares under dots, where the two meet.
                <path class="rw-dot-receive" d={dots_path(&receives, mirror)} />
                <path class="rw-dot-give" d={dots_path(&gives, mirror)} />
                // The first and the last date, under their checks (a date starts at the first check
                // and ends at the last, on whichever side the language starts).
                if let Some(first) = first {
                    <text class="rw-chart-label" x={x(0).to_string()} y={DATE_Y.to_string()}>{ first.date.clone() }</text>
                }
                if let Some(last) = last {
                    <text class="rw-chart-label" x={x(count - 1).to_string()} y={DATE_Y.to_string()} text-anchor="end">{ last.date.clone() }</text>
                }
            </svg>
            <table class="rw-table" aria-labelledby={heading.to_owned()}>
                { head_row(&[&ui.history_date_column, &ui.give_label, &ui.receive_label]) }
                <tbody>
                    for (check, score) in checks.iter().zip(scores) {
                        <tr key={check.id}>
                            <th scope="row">{ check.when.clone() }</th>
                            { score_cells(content, score, false) }
                        </tr>
                    }
                </tbody>
            </table>
        </div>
    }
}

/// The finished checks, newest first, each with who it was about and a way to remove it (after a
/// question). At the cap it says which check the next one will let go.
#[component]
pub fn PastChecks(props: &ChecksProps) -> Html {
    let widget = use_widget();
    let content = widget.content();
    let ui = &content.ui;
    let asking = use_state(|| None::<Millis>);
    // Asking and cancelling swap the focused button for another: focus follows, after the render.
    let root = use_node_ref();
    let focus = use_pending_focus(root.clone());
    let checks = &props.checks;
    let count = format_count(MAX_ATTEMPTS);
    let note = match checks.first() {
        Some(oldest) if checks.len() >= MAX_ATTEMPTS => {
            fill(ui.checks_cap, &[("count", &count), ("date", &oldest.when)])
        }
        _ => fill(ui.checks_kept, &[("count", &count)]),
    };
    let item = |check: &Check| {
        let id = check.id;
        let about = widget.id(&format!("check-{id}"));
        let question = widget.id("remove-question");
        let ask = {
            let (asking, focus) = (asking.clone(), focus.clone());
            move |_| {
                asking.set(Some(id));
                // The safe choice gets focus, so a stray Enter does not remove the check.
                focus.set(Focus::RemoveCancel);
            }
        };
        let cancel = {
            let (asking, focus) = (asking.clone(), focus.clone());
            move |_| {
                asking.set(None);
                focus.set(Focus::RemoveCheck(id));
            }
        };
        let remove = {
            let (asking, widget) = (asking.clone(), widget.clone());
            let sentence = fill(ui.check_removed, &[("date", &check.when)]);
            // The list stays while another check is left: focus goes to its heading; else to the top.
            let target = if checks.len() > 1 {
                Focus::Checks
            } else {
                Focus::ViewHeading
            };
            move |_| {
                asking.set(None);
                widget.send_then_confirm(Action::RemoveCheck(id), target, sentence.clone());
            }
        };
        html! {
            <li key={id}>
                <p id={about.clone()}>
                    <span class="rw-check-date">{ check.when.clone() }</span>
                    if let Some(about) = check.about.and_then(|r| content.context(r)) {
                        { about.label }
                    }
                </p>
                if *asking == Some(id) {
                    <div class="rw-confirm" role="group" aria-labelledby={question.clone()}>
                        <p id={question}>{ fill(ui.check_remove_question, &[("date", &check.when)]) }</p>
                        <button type="button" class="rw-button" onclick={remove}>
                            { ui.check_remove_confirm }
                        </button>
                        <button type="button" class="rw-button rw-button-quiet" onclick={cancel} data-focus={Focus::RemoveCancel.attr()}>
                            { ui.cancel }
                        </button>
                    </div>
                } else {
                    <button
                        type="button"
                        class="rw-button rw-button-quiet"
                        aria-describedby={about}
                        onclick={ask}
                        data-focus={Focus::RemoveCheck(id).attr()}
                    >
                        { ui.check_remove }
                    </button>
                }
            </li>
        }
    };
    html! {
        <section class="rw-plan-section" aria-labelledby={widget.id("checks")} ref={root}>
            <h3 id={widget.id("checks")} tabindex="-1" data-focus={Focus::Checks.attr()}>{ ui.checks_heading }</h3>
            <p class="rw-hint">{ note }</p>
            <ul class="rw-check-list">
                for check in checks.iter().rev() {
                    { item(check) }
                }
            </ul>
        </section>
    }
}
