//! Strings put together without `core::fmt`, and searched without the standard library's substring
//! searcher. `format!`, `write!` and `to_string()` on a number or a
//! [`Text`](super::text::Text) go through the standard library's formatting machinery (its writer,
//! padding and integer printing, and a table of formatting functions): about 1.5 KB gzip of the first
//! screen's download, for work these few lines do. The first screen puts its strings together with
//! these; the sections, which arrive later, may use `format!` freely. (A `format!` on the first screen
//! brings the machinery back; the size budget in CI says so.)

/// `parts` one after the other: `concat()`, which is `join` with no separator underneath.
pub fn cat(parts: &[&str]) -> String {
    joined(parts, "")
}

/// `parts` joined by `separator`, like the standard library's `join`, whose joining code would be one
/// more copy in the first screen's download for each kind of part joined (it is generic over them, and
/// large); this is small enough that its copies cost less.
pub fn joined<S: AsRef<str>>(parts: impl IntoIterator<Item = S>, separator: &str) -> String {
    let mut out = String::new();
    for (i, part) in parts.into_iter().enumerate() {
        if i > 0 {
            out.push_str(separator);
        }
        out.push_str(part.as_ref());
    }
    out
}

/// Where `needle` first starts in `haystack`, as `haystack.find(needle)` says. Byte by byte: the
/// standard library's searcher (Two-Way, for any length of text) is about 0.6 KB gzip of the first
/// screen's download, and the first screen only looks for a few characters in a sentence.
pub fn find(haystack: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|window| window == needle.as_bytes())
}

/// What comes before and after the first `needle` in `text`, as `text.split_once(needle)` says.
pub fn split_once<'a>(text: &'a str, needle: &str) -> Option<(&'a str, &'a str)> {
    let at = find(text, needle)?;
    Some((&text[..at], &text[at + needle.len()..]))
}

/// `text` with every `from` replaced by `to`, as `text.replace(from, to)` makes it. An empty `from`
/// leaves `text` as it is (the first screen never asks for one).
pub fn replace(text: &str, from: &str, to: &str) -> String {
    if from.is_empty() {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some((before, after)) = split_once(rest, from) {
        out.push_str(before);
        out.push_str(to);
        rest = after;
    }
    out.push_str(rest);
    out
}

/// `n` in decimal digits, as `n.to_string()` writes it.
pub fn decimal(n: u64) -> String {
    digits(n, 10, 1)
}

/// `n` in lowercase hexadecimal digits, at least `width` of them (zeros first), as `format!("{n:0width$x}")`
/// writes it.
pub fn hex(n: u32, width: usize) -> String {
    digits(u64::from(n), 16, width)
}

fn digits(mut n: u64, base: u64, width: usize) -> String {
    let mut out = Vec::new();
    while n > 0 || out.len() < width {
        out.push(b"0123456789abcdef"[(n % base) as usize]);
        n /= base;
    }
    out.reverse();
    // Only ASCII digits were pushed.
    out.into_iter().map(char::from).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn joined_and_cat_join_as_the_standard_library_does() {
        for parts in [vec![], vec!["a"], vec!["a", "b c", ""], vec!["", ""]] {
            assert_eq!(joined(&parts, ", "), parts.join(", "));
            assert_eq!(cat(&parts), parts.concat());
        }
        let owned = vec![String::from("x"), String::from("y")];
        assert_eq!(joined(owned, "\0"), "x\0y");
    }

    #[test]
    fn numbers_are_written_as_format_writes_them() {
        for n in [0, 1, 9, 10, 99, 100, 12_345, u64::from(u32::MAX), u64::MAX] {
            assert_eq!(decimal(n), n.to_string());
        }
        assert_eq!(hex(0, 4), "0000");
        assert_eq!(hex(0x1f, 4), "001f");
        assert_eq!(hex(0x1f, 1), "1f");
        assert_eq!(hex(0x10ffff, 4), "10ffff");
    }

    #[test]
    fn finding_and_replacing_agree_with_the_standard_library() {
        for (text, needle) in [
            ("", "a"),
            ("a", ""),
            ("abc", "c"),
            ("{number}", "{number}"),
            ("call {number} now", "{number}"),
            ("aaa", "aa"),
            ("dé{x}jà", "{x}"),
            ("QuotaExceededError", "Quota"),
        ] {
            assert_eq!(find(text, needle), text.find(needle), "{text:?} {needle:?}");
            assert_eq!(split_once(text, needle), text.split_once(needle));
            if !needle.is_empty() {
                assert_eq!(replace(text, needle, "·"), text.replace(needle, "·"));
            }
        }
    }

    proptest! {
        #[test]
        fn any_search_agrees_with_the_standard_library(text in "[ab{}é]{0,12}", needle in "[ab{}é]{1,3}") {
            prop_assert_eq!(find(&text, &needle), text.find(needle.as_str()));
            prop_assert_eq!(split_once(&text, &needle), text.split_once(needle.as_str()));
            prop_assert_eq!(replace(&text, &needle, "x"), text.replace(needle.as_str(), "x"));
        }

        #[test]
        fn any_number_is_written_as_format_writes_it(n: u64, c: u32, width in 0usize..8) {
            prop_assert_eq!(decimal(n), n.to_string());
            prop_assert_eq!(hex(c, width), format!("{c:0width$x}"));
        }
    }
}
