//! The plan's history: which two checks to compare, and the geometry of the small "over time" charts
//! (one per form: what the visitor gives and receives at each check, oldest first).
//!
//! Whole drawing units only: formatting an `f64` would pull Rust's float printer (~10 KB) into the
//! wasm, and an integer is printed by code the wasm has anyway.

use super::document::Millis;

/// The width of a chart in drawing units (the SVG scales to the width it is given).
pub const WIDTH: i32 = 320;
/// The height of a chart: the plot, then one line for the dates under it.
pub const HEIGHT: i32 = 100;
/// Where the checks are drawn across: after the room for the scale's numbers, and before the end
/// with room for a marker.
const FIRST_X: i32 = 26;
const LAST_X: i32 = WIDTH - 8;
/// The scale's 5 ("always") is drawn at `TOP`, each point below it `STEP` lower: 1 ("never") at
/// `TOP + 4 * STEP`.
const TOP: i32 = 8;
const STEP: i32 = 16;
/// The baseline of the dates under the plot.
pub const DATE_Y: i32 = HEIGHT - 3;

/// Where `x` is drawn: as it is, or from the other side in a right-to-left language (the oldest check
/// on the right, where an Arabic reader starts).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mirror(pub bool);

impl Mirror {
    pub fn x(self, x: i32) -> i32 {
        if self.0 {
            WIDTH - x
        } else {
            x
        }
    }
}

/// Where check `index` of `count` sits across the chart; a single check in the middle.
pub fn x_of(index: usize, count: usize) -> i32 {
    let span = LAST_X - FIRST_X;
    match i32::try_from(count).unwrap_or(1) - 1 {
        last if last > 0 => FIRST_X + span * i32::try_from(index).unwrap_or(0) / last,
        _ => FIRST_X + span / 2,
    }
}

/// Where a value of the 1–5 scale sits up and down (the higher, the nearer the top).
pub fn y_of(value: f64) -> i32 {
    TOP + ((5.0 - value.clamp(1.0, 5.0)) * f64::from(STEP)).round() as i32
}

/// Where the scale's whole number `point` (1–5) sits up and down, for the guide lines.
pub fn y_of_point(point: i32) -> i32 {
    TOP + (5 - point) * STEP
}

/// The guide lines at 1, 3 and 5 across the plot, as SVG path data.
pub fn grid_path(mirror: Mirror) -> String {
    let (from, to) = (mirror.x(FIRST_X - 6), mirror.x(LAST_X));
    [1, 3, 5]
        .map(|point| format!("M{from} {}H{to}", y_of_point(point)))
        .concat()
}

/// The points of one line (`None`: not enough answers in that check), as SVG path data: a line
/// through the checks that have a value, broken where one has none (a gap is not a zero).
pub fn line_path(values: &[Option<f64>], mirror: Mirror) -> String {
    let mut path = String::new();
    let mut drawing = false;
    for (i, value) in values.iter().enumerate() {
        match value {
            Some(v) => {
                let command = if drawing { 'L' } else { 'M' };
                let (x, y) = (mirror.x(x_of(i, values.len())), y_of(*v));
                path.push_str(&format!("{command}{x} {y}"));
                drawing = true;
            }
            None => drawing = false,
        }
    }
    path
}

/// A marker at each check that has a value, as SVG path data: a zero-length stroke per point, which
/// the stylesheet's round or square line caps draw as a dot or a square (one element per line, not one
/// per point).
pub fn dots_path(values: &[Option<f64>], mirror: Mirror) -> String {
    values
        .iter()
        .enumerate()
        .filter_map(|(i, value)| {
            let (x, y) = (mirror.x(x_of(i, values.len())), y_of((*value)?));
            Some(format!("M{x} {y}h0"))
        })
        .collect()
}

/// The two checks to compare, as places in `ids` (the finished checks, oldest first): the visitor's
/// choice for each side while that check is still kept, else the one before the latest and the
/// latest. `None` with fewer than two checks.
pub fn pair(ids: &[Millis], chosen: (Option<Millis>, Option<Millis>)) -> Option<(usize, usize)> {
    let latest = ids.len().checked_sub(1)?;
    let previous = latest.checked_sub(1)?;
    let find = |id: Option<Millis>, default| {
        id.and_then(|id| ids.iter().position(|i| *i == id))
            .unwrap_or(default)
    };
    Some((find(chosen.0, previous), find(chosen.1, latest)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_are_spread_across_the_chart_oldest_first_and_mirrored_from_the_right() {
        assert_eq!(x_of(0, 3), FIRST_X);
        assert_eq!(x_of(2, 3), LAST_X);
        assert!(x_of(0, 3) < x_of(1, 3) && x_of(1, 3) < x_of(2, 3));
        assert_eq!(
            x_of(0, 1),
            (FIRST_X + LAST_X) / 2,
            "one check in the middle"
        );
        assert_eq!(Mirror(true).x(x_of(0, 3)), WIDTH - FIRST_X);
        assert_eq!(Mirror(false).x(x_of(0, 3)), FIRST_X);
        // Twelve checks still land on distinct places inside the chart.
        let xs: Vec<i32> = (0..12).map(|i| x_of(i, 12)).collect();
        assert!(xs.windows(2).all(|w| w[0] < w[1]));
        assert!(xs.iter().all(|x| (0..=WIDTH).contains(x)));
    }

    #[test]
    fn values_go_up_with_the_answers_and_stay_inside_the_plot() {
        assert_eq!(y_of(5.0), TOP);
        assert_eq!(y_of(1.0), TOP + 4 * STEP);
        assert_eq!(y_of(3.0), y_of_point(3));
        assert!(y_of(4.5) < y_of(2.0));
        assert_eq!(y_of(9.0), TOP, "clamped");
        assert!(
            y_of_point(1) < DATE_Y - 10,
            "room for the dates under the plot"
        );
    }

    #[test]
    fn the_guide_lines_cross_the_plot_at_one_three_and_five() {
        assert_eq!(
            grid_path(Mirror(false)),
            format!(
                "M20 {}H{LAST_X}M20 {}H{LAST_X}M20 {TOP}H{LAST_X}",
                TOP + 4 * STEP,
                TOP + 2 * STEP
            )
        );
        assert!(grid_path(Mirror(true)).starts_with(&format!("M{} ", WIDTH - 20)));
    }

    #[test]
    fn a_line_breaks_where_a_check_has_no_value() {
        let path = line_path(&[Some(5.0), Some(1.0), None, Some(3.0)], Mirror(false));
        assert_eq!(
            path,
            format!(
                "M{} {}L{} {}M{} {}",
                x_of(0, 4),
                TOP,
                x_of(1, 4),
                TOP + 4 * STEP,
                x_of(3, 4),
                y_of(3.0)
            )
        );
        assert_eq!(line_path(&[None, None], Mirror(false)), "");
        let mirrored = line_path(&[Some(5.0)], Mirror(true));
        assert_eq!(mirrored, format!("M{} {TOP}", WIDTH - x_of(0, 1)));
    }

    #[test]
    fn a_marker_sits_on_each_check_that_has_a_value() {
        let dots = dots_path(&[Some(5.0), None, Some(1.0)], Mirror(false));
        assert_eq!(
            dots,
            format!(
                "M{} {TOP}h0M{} {}h0",
                x_of(0, 3),
                x_of(2, 3),
                TOP + 4 * STEP
            )
        );
    }

    #[test]
    fn the_pair_defaults_to_the_previous_and_the_latest_and_follows_the_choice_while_kept() {
        let ids = [10, 20, 30];
        assert_eq!(pair(&ids, (None, None)), Some((1, 2)));
        assert_eq!(pair(&ids, (Some(10), None)), Some((0, 2)));
        assert_eq!(pair(&ids, (Some(30), Some(10))), Some((2, 0)), "any order");
        // A chosen check that was removed gives way to the default on its side only.
        assert_eq!(pair(&ids, (Some(15), Some(10))), Some((1, 0)));
        assert_eq!(pair(&[10], (None, None)), None);
        assert_eq!(pair(&[], (None, None)), None);
    }
}
