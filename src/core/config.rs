//! A widget's settings, read from the attributes a clinic writes on `<reciprocity-widget>` (or the query
//! string of `embed.html`).
//!
//! Every value is checked here, natively tested, and a bad one never reaches the page: it falls back to
//! the default with one warning naming the attribute, the value and what is allowed. Text values are
//! only ever rendered as text (never as markup), so `<img onerror>` in `clinic-name` shows as characters.

use super::content::REGIONS;
use super::document::View;
use super::persistence::Namespace;
use super::relationship::Relationship;
use super::strings::{cat, hex, joined};
use super::support::{parse_clinic_lines, ClinicLine};

/// Where progress is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StorageChoice {
    /// `localStorage`: kept until the visitor deletes it.
    #[default]
    Local,
    /// `sessionStorage`: kept until the tab closes.
    Session,
    /// Nothing written anywhere: memory only.
    None,
}

/// The longest clinic name or link label shown; longer text is cut at a character boundary.
pub const MAX_LABEL_CHARS: usize = 80;

/// Where quick exit goes when the clinic names no page: neutral, not personalised, quick to load.
pub const DEFAULT_EXIT_URL: &str = "https://www.bbc.co.uk/weather";

/// A link a clinic added, checked to be `http:` or `https:`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub url: String,
    pub label: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedConfig {
    /// The language tag asked for (the content falls back to English when it is not bundled).
    pub lang: String,
    pub namespace: Namespace,
    /// The sections shown, in the clinic's order; never empty. `Together` is not a tab: it is
    /// offered from the check (and needs `Quiz` for that).
    pub modules: Vec<View>,
    /// The plan's history: the checks over time, comparing any two, removing one (`history`).
    pub history: bool,
    /// "Print or save as PDF" on the plan (`print`).
    pub print: bool,
    /// Who the check is about, preselected in the quiz.
    pub context: Option<Relationship>,
    pub clinic_name: Option<String>,
    /// The "book a session" style link on the plan.
    pub cta: Option<Link>,
    /// Where quick exit goes ([`DEFAULT_EXIT_URL`] when not set).
    pub exit_url: Option<String>,
    /// The clinic's default for "clear my answers when I exit" (`exit-clears`); the visitor's own
    /// choice overrides it.
    pub exit_clears: bool,
    /// Extra lines shown first in the support panel.
    pub support_lines: Vec<ClinicLine>,
    /// One of [`REGIONS`].
    pub region: Option<&'static str>,
    pub storage: StorageChoice,
    /// Whether events sent to the host page carry the per-form summary (off by default).
    pub share_results: bool,
}

impl Default for EmbedConfig {
    fn default() -> Self {
        EmbedConfig {
            lang: "en".into(),
            namespace: Namespace::default(),
            modules: vec![
                View::Checklist,
                View::Quiz,
                View::Plan,
                View::Practice,
                View::Together,
            ],
            history: true,
            print: true,
            context: None,
            clinic_name: None,
            cta: None,
            exit_url: None,
            exit_clears: false,
            support_lines: Vec::new(),
            region: None,
            storage: StorageChoice::Local,
            share_results: false,
        }
    }
}

impl EmbedConfig {
    /// Where quick exit goes: the clinic's `exit-url`, or [`DEFAULT_EXIT_URL`].
    pub fn exit_to(&self) -> String {
        self.exit_url
            .clone()
            .unwrap_or_else(|| DEFAULT_EXIT_URL.to_owned())
    }
}

/// The attribute names the element reads, so the custom element can observe exactly these.
pub const ATTRIBUTES: [&str; 13] = [
    "lang",
    "namespace",
    "modules",
    "context",
    "clinic-name",
    "cta-url",
    "cta-label",
    "exit-url",
    "region",
    "storage",
    "share-results-with-page",
    "exit-clears",
    "support-lines",
];

/// What `modules` accepts, for the warning about a value it does not.
const MODULES: &str = "checklist, quiz, plan, practice, together, history and print";

/// A value that was refused, for one console warning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    pub attribute: &'static str,
    pub value: String,
    pub allowed: &'static str,
}

impl Refused {
    pub fn message(&self) -> String {
        cat(&[
            "reciprocity-widget: ignored ",
            self.attribute,
            "=\"",
            &console_quoted(&self.value),
            "\" (",
            self.allowed,
            "); using the default.",
        ])
    }
}

/// `value` made safe to show between double quotes in a console message: quotes, backslashes and
/// control characters escaped as `escape_debug` would, without the Unicode tables that brings into the
/// wasm (about 4 KB).
pub fn console_quoted(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                out.push_str("\\u{");
                out.push_str(&hex(c as u32, 1));
                out.push('}');
            }
            c => out.push(c),
        }
    }
    out
}

/// Reads settings from attribute name/value pairs (unknown names are ignored; for a name given twice
/// the last wins). `resolve_url` turns a possibly relative URL into an absolute one against the page
/// (the browser's `URL` constructor); `None` when it cannot be parsed.
pub fn parse(
    attributes: &[(String, String)],
    resolve_url: &dyn Fn(&str) -> Option<String>,
) -> (EmbedConfig, Vec<Refused>) {
    let mut config = EmbedConfig::default();
    let mut refused = Vec::new();
    let mut refuse = |attribute: &'static str, value: &str, allowed: &'static str| {
        refused.push(Refused {
            attribute,
            value: value.chars().take(200).collect(),
            allowed,
        });
    };
    let mut cta_url = None;
    let mut cta_label = None;

    for (name, raw) in attributes {
        let value = raw.trim();
        match name.as_str() {
            "lang" => match language_tag(value) {
                Some(tag) => config.lang = tag,
                None => refuse(
                    "lang",
                    raw,
                    "a language tag such as en, hi, ar, fr or en-GB",
                ),
            },
            "namespace" => match Namespace::parse(value) {
                Some(ns) => config.namespace = ns,
                None => refuse(
                    "namespace",
                    raw,
                    "letters, digits, - and _, at most 64 characters",
                ),
            },
            "modules" => {
                let mut modules = Vec::new();
                let (mut history, mut print) = (false, false);
                let mut any_refused = false;
                for token in value
                    .split([' ', ',', '\t', '\n'])
                    .filter(|t| !t.is_empty())
                {
                    let view = match token.to_ascii_lowercase().as_str() {
                        "checklist" => Some(View::Checklist),
                        "quiz" => Some(View::Quiz),
                        "plan" => Some(View::Plan),
                        "practice" => Some(View::Practice),
                        "together" => Some(View::Together),
                        _ => None,
                    };
                    match (view, token.to_ascii_lowercase().as_str()) {
                        (Some(view), _) if !modules.contains(&view) => modules.push(view),
                        (Some(_), _) => {}
                        (None, "history") => history = true,
                        (None, "print") => print = true,
                        (None, _) => {
                            any_refused = true;
                            refuse("modules", token, MODULES);
                        }
                    }
                }
                // Only "together" is not a section of its own: it is opened from the check.
                if modules.iter().all(|v| *v == View::Together) {
                    if !value.is_empty() && !any_refused {
                        refuse("modules", raw, MODULES);
                    }
                } else {
                    config.modules = modules;
                    config.history = history;
                    config.print = print;
                }
            }
            "context" => {
                let lower = value.to_ascii_lowercase();
                match Relationship::parse(&lower) {
                    Some(context) => config.context = Some(context),
                    None => refuse("context", raw, "partner, family, friend or colleague"),
                }
            }
            "clinic-name" => config.clinic_name = label(value),
            "cta-url" => match web_url(value, resolve_url) {
                Some(url) => cta_url = Some(url),
                None => refuse("cta-url", raw, "an http: or https: address"),
            },
            "cta-label" => cta_label = label(value),
            "exit-url" => match web_url(value, resolve_url) {
                Some(url) => config.exit_url = Some(url),
                None => refuse("exit-url", raw, "an http: or https: address"),
            },
            "region" => {
                let upper = value.to_ascii_uppercase();
                let upper = if upper == "UK" { "GB".into() } else { upper };
                match REGIONS.iter().find(|r| **r == upper) {
                    Some(region) => config.region = Some(region),
                    None => refuse("region", raw, "US, CA, GB, AU, IN or AE"),
                }
            }
            "storage" => match value.to_ascii_lowercase().as_str() {
                "local" => config.storage = StorageChoice::Local,
                "session" => config.storage = StorageChoice::Session,
                "none" => config.storage = StorageChoice::None,
                _ => refuse("storage", raw, "local, session or none"),
            },
            // A boolean attribute: present means on, whatever its value, as in HTML.
            "share-results-with-page" => config.share_results = true,
            // Present means on, except an explicit "false", so a CMS that writes every attribute
            // with a value can still turn it off.
            "exit-clears" => config.exit_clears = !value.eq_ignore_ascii_case("false"),
            "support-lines" => {
                let (lines, bad) = parse_clinic_lines(value);
                for entry in bad {
                    refuse(
                        "support-lines",
                        &entry,
                        "entries like `Front desk | +44 20 7946 0000`",
                    );
                }
                config.support_lines = lines;
            }
            _ => {}
        }
    }
    config.cta = cta_url.map(|url| Link {
        url,
        label: cta_label,
    });
    (config, refused)
}

/// A BCP 47-looking tag: letters, digits and `-`, starting with 2–3 letters.
fn language_tag(value: &str) -> Option<String> {
    let primary = value.split('-').next()?;
    let ok = (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_alphabetic())
        && value.len() <= 35
        && value
            .split('-')
            .all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_alphanumeric()));
    ok.then(|| value.to_owned())
}

/// Free text for display: control characters removed, white space folded, cut to a sensible length.
/// `None` when nothing is left.
fn label(value: &str) -> Option<String> {
    let folded: String = joined(value.split_whitespace(), " ")
        .chars()
        .filter(|c| !c.is_control())
        .take(MAX_LABEL_CHARS)
        .collect();
    (!folded.is_empty()).then_some(folded)
}

/// An absolute `http:`/`https:` URL, or `None` (so `javascript:`, `data:` and the like never become a
/// link). Relative URLs are resolved against the page first.
fn web_url(value: &str, resolve_url: &dyn Fn(&str) -> Option<String>) -> Option<String> {
    if value.is_empty() || value.chars().any(char::is_control) {
        return None;
    }
    let absolute = resolve_url(value)?;
    let lower = absolute.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    (!host.is_empty() && !absolute.chars().any(char::is_whitespace)).then_some(absolute)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Resolves like the browser would for a page at https://clinic.example/help/.
    fn resolve(value: &str) -> Option<String> {
        if value.contains("://") || value.contains(':') && !value.starts_with('/') {
            Some(value.to_owned())
        } else if let Some(path) = value.strip_prefix('/') {
            Some(format!("https://clinic.example/{path}"))
        } else {
            Some(format!("https://clinic.example/help/{value}"))
        }
    }

    fn attrs(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    fn parsed(pairs: &[(&str, &str)]) -> (EmbedConfig, Vec<Refused>) {
        parse(&attrs(pairs), &resolve)
    }

    #[test]
    fn no_attributes_means_the_defaults() {
        assert_eq!(parsed(&[]), (EmbedConfig::default(), vec![]));
    }

    #[test]
    fn good_values_are_taken() {
        let (config, refused) = parsed(&[
            ("lang", "fr-CA"),
            ("namespace", "clinic-main"),
            ("modules", "quiz plan"),
            ("context", "Friend"),
            ("clinic-name", "  Harbour   Counselling "),
            ("cta-url", "/book"),
            ("cta-label", "Book a session"),
            ("exit-url", "https://example.org/weather"),
            ("region", "uk"),
            ("storage", "SESSION"),
            ("share-results-with-page", ""),
        ]);
        assert!(refused.is_empty(), "{refused:?}");
        assert_eq!(config.lang, "fr-CA");
        assert_eq!(config.namespace, Namespace::parse("clinic-main").unwrap());
        assert_eq!(config.modules, [View::Quiz, View::Plan]);
        assert_eq!(config.context, Some(Relationship::Friend));
        assert_eq!(config.clinic_name.as_deref(), Some("Harbour Counselling"));
        assert_eq!(
            config.cta,
            Some(Link {
                url: "https://clinic.example/book".into(),
                label: Some("Book a session".into())
            })
        );
        assert_eq!(
            config.exit_url.as_deref(),
            Some("https://example.org/weather")
        );
        assert_eq!(config.region, Some("GB"));
        assert_eq!(config.storage, StorageChoice::Session);
        assert!(config.share_results);
    }

    #[test]
    fn modules_keep_the_clinic_s_order_and_drop_repeats() {
        let (config, refused) = parsed(&[("modules", "plan, checklist plan")]);
        assert_eq!(config.modules, [View::Plan, View::Checklist]);
        assert!(refused.is_empty());
        let (config, refused) = parsed(&[("modules", "quiz survey")]);
        assert_eq!(config.modules, [View::Quiz]);
        assert_eq!(refused.len(), 1);
        assert_eq!(refused[0].value, "survey");
        let (config, refused) = parsed(&[("modules", "nothing")]);
        assert_eq!(config.modules, EmbedConfig::default().modules);
        assert_eq!(refused.len(), 1);
    }

    #[test]
    fn history_and_print_are_on_unless_the_clinic_lists_modules_without_them() {
        let (config, _) = parsed(&[]);
        assert!(config.history && config.print);
        assert!(config.modules.contains(&View::Practice));
        assert!(config.modules.contains(&View::Together));
        let (config, refused) = parsed(&[("modules", "quiz plan")]);
        assert!(!config.history && !config.print && refused.is_empty());
        let (config, refused) = parsed(&[("modules", "PLAN history Print together")]);
        assert_eq!(config.modules, [View::Plan, View::Together]);
        assert!(config.history && config.print && refused.is_empty());
        // "together" alone is not a section: the defaults stay, with one warning.
        let (config, refused) = parsed(&[("modules", "together history")]);
        assert_eq!(config, EmbedConfig::default());
        assert_eq!(refused.len(), 1);
    }

    #[test]
    fn hostile_urls_are_refused() {
        for bad in [
            "javascript:alert(1)",
            "JAVASCRIPT:alert(1)",
            " javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox",
            "file:///etc/passwd",
            "https://",
            "https:///path",
            "http://exa mple.org",
            "https://example.org/\u{0}",
            "",
        ] {
            let (config, refused) = parsed(&[("cta-url", bad), ("exit-url", bad)]);
            assert_eq!(config.cta, None, "{bad:?}");
            assert_eq!(config.exit_url, None, "{bad:?}");
            assert_eq!(refused.len(), 2, "{bad:?}");
        }
    }

    #[test]
    fn a_label_without_a_link_shows_no_link() {
        let (config, _) = parsed(&[("cta-label", "Book now")]);
        assert_eq!(config.cta, None);
    }

    #[test]
    fn text_is_kept_as_text_and_cut_to_length() {
        let (config, _) = parsed(&[("clinic-name", "<img src=x onerror=alert(1)>")]);
        assert_eq!(
            config.clinic_name.as_deref(),
            Some("<img src=x onerror=alert(1)>"),
            "kept verbatim: the view renders it as text, never as markup"
        );
        let (config, _) = parsed(&[("clinic-name", &"é".repeat(500))]);
        assert_eq!(config.clinic_name.unwrap().chars().count(), MAX_LABEL_CHARS);
        let (config, _) = parsed(&[("clinic-name", " \n\t ")]);
        assert_eq!(config.clinic_name, None);
    }

    #[test]
    fn every_bad_value_falls_back_with_one_warning_each() {
        let (config, refused) = parsed(&[
            ("lang", "<script>"),
            ("namespace", "../../other"),
            ("context", "boss"),
            ("region", "Mars"),
            ("storage", "cookies"),
        ]);
        assert_eq!(config, EmbedConfig::default());
        let names: Vec<&str> = refused.iter().map(|r| r.attribute).collect();
        assert_eq!(names, ["lang", "namespace", "context", "region", "storage"]);
        assert!(refused[1].message().contains("namespace=\"../../other\""));
    }

    #[test]
    fn warnings_quote_values_safely() {
        let (_, refused) = parsed(&[("region", "\"\n<b>")]);
        let message = refused[0].message();
        assert!(message.contains("\\\"\\n<b>"), "{message}");
    }

    #[test]
    fn console_quoting_matches_escape_debug_where_it_matters() {
        for value in [
            "plain",
            "a\"b",
            "back\\slash",
            "tab\there",
            "line\nbreak\r",
            "bell\u{7}",
            "\u{9f}",
            "é ü 日本",
            "<b>",
        ] {
            assert_eq!(
                console_quoted(value),
                value.escape_debug().to_string(),
                "{value:?}"
            );
        }
    }

    #[test]
    fn unknown_attributes_are_ignored() {
        assert_eq!(
            parsed(&[("style", "color:red"), ("onclick", "x()")]),
            (EmbedConfig::default(), vec![])
        );
    }
}
