//! WCAG contrast between two colours, for checking a clinic's theme before using it.
//!
//! The browser resolves any CSS colour (names, hex, `hsl()`, `var()`) to `rgb(r, g, b)` or
//! `rgba(r, g, b, a)` in computed styles; that is the only syntax parsed here.

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgb {
    pub r: f64,
    pub g: f64,
    pub b: f64,
}

/// WCAG 2.x AA for normal text.
pub const MIN_TEXT_CONTRAST: f64 = 4.5;

/// Parses a computed colour. Colours with any transparency give `None`: what shows through is
/// unknown, so their contrast cannot be promised.
pub fn parse_computed(color: &str) -> Option<Rgb> {
    let color = color.trim();
    let inner = color
        .strip_prefix("rgba(")
        .or_else(|| color.strip_prefix("rgb("))?
        .strip_suffix(')')?;
    let parts: Vec<&str> = inner
        .split([',', ' ', '/'])
        .filter(|p| !p.is_empty())
        .collect();
    // Channels are whole numbers in computed styles; parsing them as integers keeps the float parser
    // (several KB of wasm) out of the build. Only a fully opaque alpha ("1") is accepted.
    let channel = |p: &str| p.parse::<u8>().ok().map(f64::from);
    match parts[..] {
        [r, g, b] | [r, g, b, "1"] => Some(Rgb {
            r: channel(r)?,
            g: channel(g)?,
            b: channel(b)?,
        }),
        _ => None,
    }
}

/// `x` to the power `y`. In the browser, the browser's own: Rust's `powf` brings its software `pow`
/// into the wasm (about 1.4 KB), for this one use.
#[cfg(target_arch = "wasm32")]
fn pow(x: f64, y: f64) -> f64 {
    js_sys::Math::pow(x, y)
}
#[cfg(not(target_arch = "wasm32"))]
fn pow(x: f64, y: f64) -> f64 {
    x.powf(y)
}

fn luminance(c: Rgb) -> f64 {
    let channel = |v: f64| {
        let s = v / 255.0;
        if s <= 0.039_28 {
            s / 12.92
        } else {
            pow((s + 0.055) / 1.055, 2.4)
        }
    };
    0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)
}

/// The contrast ratio, 1 (none) to 21 (black on white).
pub fn ratio(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    let (light, dark) = if la > lb { (la, lb) } else { (lb, la) };
    (light + 0.05) / (dark + 0.05)
}

/// Whether every (foreground, background) pair of computed colours is readable. A colour that cannot
/// be parsed fails the check, so the widget falls back to its own colours rather than guess.
pub fn readable(pairs: &[(&str, &str)]) -> bool {
    pairs
        .iter()
        .all(|(fg, bg)| match (parse_computed(fg), parse_computed(bg)) {
            (Some(fg), Some(bg)) => ratio(fg, bg) >= MIN_TEXT_CONTRAST,
            _ => false,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_what_browsers_compute() {
        let black = Rgb {
            r: 0.0,
            g: 0.0,
            b: 0.0,
        };
        assert_eq!(parse_computed("rgb(0, 0, 0)"), Some(black));
        assert_eq!(parse_computed(" rgba(0, 0, 0, 1) "), Some(black));
        assert_eq!(parse_computed("rgb(0 0 0 / 1)"), Some(black));
        assert_eq!(parse_computed("rgba(0, 0, 0, 0.5)"), None, "translucent");
        assert_eq!(parse_computed("rgba(0, 0, 0, 0)"), None);
        assert_eq!(parse_computed("red"), None);
        assert_eq!(parse_computed("rgb(300, 0, 0)"), None);
        assert_eq!(parse_computed("rgb(1, 2)"), None);
        assert_eq!(parse_computed(""), None);
    }

    #[test]
    fn computes_wcag_ratios() {
        let white = parse_computed("rgb(255, 255, 255)").unwrap();
        let black = parse_computed("rgb(0, 0, 0)").unwrap();
        assert!((ratio(white, black) - 21.0).abs() < 1e-9);
        assert!((ratio(white, white) - 1.0).abs() < 1e-9);
        // #767676 on white is the classic 4.54:1 grey.
        let grey = parse_computed("rgb(118, 118, 118)").unwrap();
        assert!((ratio(grey, white) - 4.54).abs() < 0.01);
    }

    #[test]
    fn a_theme_is_readable_only_if_every_pair_is() {
        let ok = ("rgb(29, 43, 47)", "rgb(255, 255, 255)");
        let pale = ("rgb(200, 200, 200)", "rgb(255, 255, 255)");
        assert!(readable(&[ok, ok]));
        assert!(!readable(&[ok, pale]));
        assert!(!readable(&[("nonsense", "rgb(255, 255, 255)")]));
    }
}
