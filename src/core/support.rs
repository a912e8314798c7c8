//! Which support lines to show, and how to dial them.

use super::content::{Content, Region, REGIONS};
use super::strings::cat;

/// A support line a clinic added with `support-lines`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClinicLine {
    pub name: String,
    /// As the clinic wrote it; dialled as digits.
    pub number: String,
}

/// The regions whose lines are shown: the clinic's `region`, else the region in the language tag
/// `lang` (`en-GB` → GB, `en-UK` → GB), else all six, since guessing wrong would hide the right number.
pub fn regions(
    content: &'static Content,
    region: Option<&'static str>,
    lang: &str,
) -> Vec<&'static Region> {
    let from_lang = lang.split('-').nth(1).map(|r| {
        let upper = r.to_ascii_uppercase();
        if upper == "UK" {
            "GB".to_owned()
        } else {
            upper
        }
    });
    let wanted = region
        .map(str::to_owned)
        .or_else(|| from_lang.filter(|r| REGIONS.contains(&r.as_str())));
    content
        .support
        .regions
        .iter()
        .filter(|r| wanted.as_deref().is_none_or(|w| w == r.id))
        .collect()
}

/// A `tel:`/`sms:` target from a number as written locally: digits and a leading `+` only.
pub fn dial(number: &str) -> String {
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    if number.trim_start().starts_with('+') {
        cat(&["+", &digits])
    } else {
        digits
    }
}

/// Parses the `support-lines` attribute: `Name | number; Name | number`. Entries that do not parse
/// are returned as refused, so the caller can warn once for each.
pub fn parse_clinic_lines(value: &str) -> (Vec<ClinicLine>, Vec<String>) {
    let mut lines = Vec::new();
    let mut refused = Vec::new();
    for entry in value.split(';').map(str::trim).filter(|e| !e.is_empty()) {
        let parsed = entry.rsplit_once('|').and_then(|(name, number)| {
            let name: String = name
                .trim()
                .chars()
                .filter(|c| !c.is_control())
                .take(80)
                .collect();
            let number = number.trim();
            let digits = number.chars().filter(char::is_ascii_digit).count();
            let allowed = number
                .chars()
                // A `match`, not `" +-().".contains(c)`: that searches for any other character as a
                // string, with the standard library's substring searcher (see `core::strings`).
                .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')' | '.'));
            (!name.is_empty() && allowed && (3..=20).contains(&digits)).then(|| ClinicLine {
                name,
                number: number.to_owned(),
            })
        });
        match parsed {
            Some(line) if lines.len() < 10 => lines.push(line),
            _ => refused.push(entry.chars().take(100).collect()),
        }
    }
    (lines, refused)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::content::bundled::CONTENT;

    fn ids(region: Option<&'static str>, lang: &str) -> Vec<&'static str> {
        regions(&CONTENT, region, lang)
            .iter()
            .map(|r| r.id)
            .collect()
    }

    #[test]
    fn the_region_attribute_wins_then_the_language_tag_then_all() {
        assert_eq!(ids(None, "en"), ["US", "CA", "GB", "AU", "IN", "AE"]);
        assert_eq!(ids(None, "en-GB"), ["GB"]);
        assert_eq!(ids(None, "en-uk"), ["GB"]);
        assert_eq!(ids(None, "hi-IN"), ["IN"]);
        assert_eq!(
            ids(None, "fr-FR").len(),
            6,
            "no lines for FR: show all rather than none"
        );
        assert_eq!(ids(Some("AU"), "fr-FR"), ["AU"]);
    }

    #[test]
    fn numbers_dial_as_digits() {
        assert_eq!(dial("116 123"), "116123");
        assert_eq!(dial("1-800-891-4416"), "18008914416");
        assert_eq!(dial(" +44 (20) 7946 0000"), "+442079460000");
    }

    #[test]
    fn clinic_lines_are_checked() {
        let (lines, refused) = parse_clinic_lines(
            "Front desk | +44 20 7946 0000; Out of hours | 0800 000 000 ; Bad | call us; \
             <b>x</b> | 12; | 123456; Evil | javascript:alert(1)",
        );
        let names: Vec<&str> = lines.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["Front desk", "Out of hours"]);
        assert_eq!(refused.len(), 4);
        let many = "A | 12345;".repeat(12);
        let (lines, refused) = parse_clinic_lines(&many);
        assert_eq!((lines.len(), refused.len()), (10, 2));
    }
}
