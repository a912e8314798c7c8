//! The give/receive profile as an SVG bar chart, with a real table beside it that says the same in text
//! (for screen readers, for printing, and for anyone who reads tables more easily than bars).

use super::markup::{
    attrs, dynamic, el, el_with, keyed, nodes, section, sentence, string, svg_text, table_wrap,
    tag, words,
};
use super::widget::Widget;
use crate::core::content::{fill, Content, PartUiText, Text};
use crate::core::history::{Mirror, WIDTH};
use crate::core::scoring::{FormScore, Profile};
use crate::web::format_score;
use yew::html::IntoPropValue;
use yew::prelude::*;
use yew::virtual_dom::{Key, Listeners};

/// Drawing units (the SVG scales to the width of the widget; as wide as the charts over time). Whole
/// numbers on purpose: formatting an `f64` pulls Rust's float printer (~10 KB) into the wasm.
const BAR_MAX: i32 = 250;
const BAR_HEIGHT: i32 = 12;
const ROW_HEIGHT: i32 = 56;
const LEGEND_HEIGHT: i32 = 28;

/// The chart and table of `profile`.
/// A function rather than a component: it keeps no state, and each component costs the download a few
/// hundred bytes.
pub fn profile_chart(widget: &Widget, profile: &Profile) -> Html {
    let content = widget.content();
    let part_ui = &content.later().part_ui;
    let lang = &content.lang;
    let (title_id, desc_id) = (widget.id("chart-title"), widget.id("chart-desc"));
    let rows = i32::try_from(profile.forms.len()).unwrap_or(0);
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
            nodes(vec![
                rect(class, rect_x(0, width), y, width, BAR_HEIGHT),
                svg_text(
                    "rw-chart-value",
                    text_x(width + 6),
                    (y + BAR_HEIGHT - 2).to_string(),
                    None,
                    string(format_score(v, lang)),
                ),
            ])
        }
        None => Html::default(),
    };

    let label = |x: i32, text: Text| {
        svg_text(
            "rw-chart-label",
            text_x(x),
            "16".to_owned(),
            None,
            text.into_prop_value(),
        )
    };
    let rows = profile.forms.iter().enumerate().map(|(row, form)| {
        let text = if form.has_enough() {
            name(form).into_prop_value()
        } else {
            // The order and the punctuation are the language's.
            string(fill(
                part_ui.chart_form_note,
                &[("form", &name(form)), ("note", &missing(part_ui, form))],
            ))
        };
        let y = (row_top(row) + 12).to_string();
        let parts = vec![
            svg_text("rw-chart-label", text_x(0), y, None, text),
            bar(form.give, row_top(row) + 18, "rw-bar-give"),
            bar(
                form.receive,
                row_top(row) + 18 + BAR_HEIGHT + 4,
                "rw-bar-receive",
            ),
        ];
        keyed("g", Key::from(form.form), attrs![], nodes(parts))
    });
    let (title_id, desc_id) = (AttrValue::from(title_id), AttrValue::from(desc_id));
    let chart = vec![
        el_with(
            "title",
            &["id"],
            title_id.clone(),
            part_ui.chart_title.into_prop_value(),
        ),
        el_with(
            "desc",
            &["id"],
            desc_id.clone(),
            part_ui.chart_desc.into_prop_value(),
        ),
        rect("rw-bar-give", rect_x(0, 14), 4, 14, 14),
        label(20, part_ui.give_label),
        rect("rw-bar-receive", rect_x(120, 14), 4, 14, 14),
        label(140, part_ui.receive_label),
        // The rows in a list of their own, matched by key.
        nodes(rows.collect()),
    ];
    let chart = tag(
        "svg",
        dynamic![
            "viewBox" = format!("0 0 {WIDTH} {height}"),
            "role" = "img",
            "aria-labelledby" = title_id,
            "aria-describedby" = desc_id,
            "class" = "rw-chart",
        ],
        Listeners::None,
        nodes(chart),
    );
    section(
        "rw-plan-section rw-profile",
        widget.id("profile"),
        part_ui.chart_title,
        nodes(vec![
            chart,
            // Focusable and named: on a narrow screen the table may scroll sideways, and a keyboard
            // user must be able to scroll it.
            table_wrap(
                part_ui.table_caption,
                profile_table(content, profile, "rw-table"),
            ),
        ]),
    )
}

/// `<rect x y width height rx="2" class />`: a bar of the chart, or a key's square.
fn rect(class: &'static str, x: String, y: i32, width: i32, height: i32) -> Html {
    tag(
        "rect",
        dynamic![
            "x" = x,
            "y" = y.to_string(),
            "width" = width.to_string(),
            "height" = height.to_string(),
            "rx" = "2",
            "class" = class,
        ],
        Listeners::None,
        Html::default(),
    )
}

/// The profile as a table: per form, what the visitor gives and receives, and the difference (also
/// the printed page's, under another `class`).
pub fn profile_table(content: &Content, profile: &Profile, class: &'static str) -> Html {
    let part_ui = &content.later().part_ui;
    let rows = profile
        .forms
        .iter()
        .map(|form| {
            let name = content.form(form.form).map(|f| f.name).unwrap_or_default();
            let cells = vec![
                words("th", attrs!["scope" = "row"], name),
                score_cells(content, form, true),
            ];
            keyed("tr", Key::from(form.form), attrs![], nodes(cells))
        })
        .collect();
    let table = nodes(vec![
        words("caption", attrs![], part_ui.table_caption),
        head_row(&[
            &part_ui.form_column,
            &part_ui.give_label,
            &part_ui.receive_label,
            &part_ui.gap_label,
        ]),
        el("tbody", attrs![], nodes(rows)),
    ]);
    tag("table", dynamic!["class" = class], Listeners::None, table)
}

/// A table's head: one row naming the columns.
pub fn head_row(columns: &[&str]) -> Html {
    let columns = columns
        .iter()
        .map(|column| sentence("th", attrs!["scope" = "col"], (*column).to_owned()))
        .collect();
    el("thead", attrs![], el("tr", attrs![], nodes(columns)))
}

/// A form's cells in a table row: what the visitor gives and receives (and with `gap`, the
/// difference), or one cell that says why there are no numbers.
pub fn score_cells(content: &Content, form: &FormScore, gap: bool) -> Html {
    let lang = &content.lang;
    match (form.give, form.receive, form.gap()) {
        (Some(give), Some(receive), Some(difference)) => nodes(vec![
            sentence("td", attrs![], format_score(give, lang)),
            sentence("td", attrs![], format_score(receive, lang)),
            if gap {
                sentence("td", attrs![], signed(difference, lang))
            } else {
                Html::default()
            },
        ]),
        _ => words(
            "td",
            if gap {
                attrs!["colspan" = "3"]
            } else {
                attrs!["colspan" = "2"]
            },
            missing(&content.later().part_ui, form),
        ),
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
pub fn missing(part_ui: &PartUiText, score: &FormScore) -> Text {
    if score.not_applicable {
        part_ui.form_not_applicable
    } else {
        part_ui.not_enough
    }
}
