//! The give/receive profile as an SVG bar chart, with a real table beside it that says the same in text
//! (for screen readers, for printing, and for anyone who reads tables more easily than bars).

use super::markup::{dynamic, tag};
use super::widget::use_widget;
use crate::core::content::{fill, Content, Text, UiText};
use crate::core::history::{Mirror, WIDTH};
use crate::core::scoring::{FormScore, Profile};
use crate::web::format_score;
use yew::prelude::*;
use yew::virtual_dom::Listeners;

/// Drawing units (the SVG scales to the width of the widget; as wide as the charts over time). Whole
/// numbers on purpose: formatting an `f64` pulls Rust's float printer (~10 KB) into the wasm.
const BAR_MAX: i32 = 250;
const BAR_HEIGHT: i32 = 12;
const ROW_HEIGHT: i32 = 56;
const LEGEND_HEIGHT: i32 = 28;

#[derive(Properties, PartialEq)]
pub struct ProfileChartProps {
    pub profile: Profile,
}

#[component]
pub fn ProfileChart(props: &ProfileChartProps) -> Html {
    let widget = use_widget();
    let content = widget.content();
    let ui = &content.ui;
    let lang = &content.lang;
    let (title_id, desc_id) = (widget.id("chart-title"), widget.id("chart-desc"));
    let rows = i32::try_from(props.profile.forms.len()).unwrap_or(0);
    let height = LEGEND_HEIGHT + ROW_HEIGHT * rows;
    let row_top = |row: usize| LEGEND_HEIGHT + ROW_HEIGHT * i32::try_from(row).unwrap_or(0);
    let name = |form: &FormScore| content.form(form.form).map(|f| f.name).unwrap_or_default();
    // Drawn from the start of the line: the left, or the right in a right-to-left language, where the
    // bars grow leftwards. A text starts at its `x` either way (SVG text takes the widget's direction).
    let mirror = Mirror(content.dir == "rtl");
    let text_x = |x: i32| mirror.x(x).to_string();
    let rect_x = |x: i32, width: i32| mirror.x(if mirror.0 { x + width } else { x }).to_string();
    // A bar of `value` on the 1–5 scale; the number sits just after its end.
    let bar = |value: Option<f64>, y: i32, class: &'static str| match value {
        Some(v) => {
            let width = (f64::from(BAR_MAX) * v / 5.0).round() as i32;
            html! {
                <>
                    { tag(
                        "rect",
                        dynamic![
                            "x" = rect_x(0, width),
                            "y" = y.to_string(),
                            "width" = width.to_string(),
                            "height" = BAR_HEIGHT.to_string(),
                            "rx" = "2",
                            "class" = class,
                        ],
                        Listeners::None,
                        Html::default(),
                    ) }
                    <text class="rw-chart-value" x={text_x(width + 6)} y={(y + BAR_HEIGHT - 2).to_string()}>
                        { format_score(v, lang) }
                    </text>
                </>
            }
        }
        None => Html::default(),
    };

    html! {
        <section class="rw-plan-section rw-profile" aria-labelledby={widget.id("profile")}>
            <h3 id={widget.id("profile")}>{ ui.chart_title }</h3>
            <svg
                class="rw-chart"
                viewBox={format!("0 0 {WIDTH} {height}")}
                role="img"
                aria-labelledby={title_id.clone()}
                aria-describedby={desc_id.clone()}
            >
                <title id={title_id}>{ ui.chart_title }</title>
                <desc id={desc_id}>{ ui.chart_desc }</desc>
                <rect class="rw-bar-give" x={rect_x(0, 14)} y="4" width="14" height="14" rx="2" />
                <text class="rw-chart-label" x={text_x(20)} y="16">{ ui.give_label }</text>
                <rect class="rw-bar-receive" x={rect_x(120, 14)} y="4" width="14" height="14" rx="2" />
                <text class="rw-chart-label" x={text_x(140)} y="16">{ ui.receive_label }</text>
                for (row, form) in props.profile.forms.iter().enumerate() {
                    <g key={form.form}>
                        <text class="rw-chart-label" x={text_x(0)} y={(row_top(row) + 12).to_string()}>
                            if form.has_enough() {
                                { name(form) }
                            } else {
                                // The order and the punctuation are the language's.
                                { fill(ui.chart_form_note, &[("form", &name(form)), ("note", &missing(ui, form))]) }
                            }
                        </text>
                        { bar(form.give, row_top(row) + 18, "rw-bar-give") }
                        { bar(form.receive, row_top(row) + 18 + BAR_HEIGHT + 4, "rw-bar-receive") }
                    </g>
                }
            </svg>
            // Focusable and named: on a narrow screen the table may scroll sideways, and a keyboard user
            // must be able to scroll it.
            <div class="rw-table-wrap" tabindex="0" role="region" aria-label={ui.table_caption}>
                { profile_table(content, &props.profile, "rw-table") }
            </div>
        </section>
    }
}

/// The profile as a table: per form, what the visitor gives and receives, and the difference (also
/// the printed page's, under another `class`).
pub fn profile_table(content: &Content, profile: &Profile, class: &'static str) -> Html {
    let ui = &content.ui;
    tag(
        "table",
        dynamic!["class" = class],
        Listeners::None,
        html! {
            <>
                <caption>{ ui.table_caption }</caption>
                { head_row(&[&ui.form_column, &ui.give_label, &ui.receive_label, &ui.gap_label]) }
                <tbody>
                    for form in profile.forms.iter() {
                        <tr key={form.form}>
                            <th scope="row">{ content.form(form.form).map(|f| f.name).unwrap_or_default() }</th>
                            { score_cells(content, form, true) }
                        </tr>
                    }
                </tbody>
            </>
        },
    )
}

/// A table's head: one row naming the columns.
pub fn head_row(columns: &[&str]) -> Html {
    html! {
        <thead>
            <tr>
                for column in columns {
                    <th scope="col">{ (*column).to_owned() }</th>
                }
            </tr>
        </thead>
    }
}

/// A form's cells in a table row: what the visitor gives and receives (and with `gap`, the
/// difference), or one cell that says why there are no numbers.
pub fn score_cells(content: &Content, form: &FormScore, gap: bool) -> Html {
    let lang = &content.lang;
    match (form.give, form.receive, form.gap()) {
        (Some(give), Some(receive), Some(difference)) => html! {
            <>
                <td>{ format_score(give, lang) }</td>
                <td>{ format_score(receive, lang) }</td>
                if gap {
                    <td>{ signed(difference, lang) }</td>
                }
            </>
        },
        _ => html! {
            <td colspan={if gap { "3" } else { "2" }}>{ missing(&content.ui, form) }</td>
        },
    }
}

/// A gap with its sign: "+1.5", "−0.5", "0.0".
fn signed(gap: f64, lang: &str) -> String {
    let magnitude = format_score(gap.abs(), lang);
    if (gap * 10.0).round() > 0.0 {
        format!("+{magnitude}")
    } else if (gap * 10.0).round() < 0.0 {
        format!("\u{2212}{magnitude}")
    } else {
        magnitude
    }
}

/// What a form without numbers says: "doesn't apply lately" is not "not enough answers".
pub fn missing(ui: &UiText, score: &FormScore) -> Text {
    if score.not_applicable {
        ui.form_not_applicable
    } else {
        ui.not_enough
    }
}
