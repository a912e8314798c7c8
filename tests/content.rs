//! The shipped content files: every id unique, every form with enough give and receive items, every
//! plan rule pointing at a real step, no empty strings. And that the validator itself catches each kind
//! of mistake, so a passing check means something.
#![cfg(not(target_arch = "wasm32"))]

use reciprocity_widget::core::content::{bundled, Content, Item, Side, Step};
use reciprocity_widget::core::relationship::Relationship;

fn leak<T>(items: Vec<T>) -> &'static [T] {
    Box::leak(items.into_boxed_slice())
}

#[test]
fn every_bundled_language_is_valid() {
    assert!(!bundled::ALL.is_empty());
    for (lang, content) in bundled::ALL {
        let problems = content.validate();
        assert!(
            problems.is_empty(),
            "content/{lang}.json:\n{}",
            problems.join("\n")
        );
        assert!(content.lang.starts_with(lang));
    }
}

#[test]
fn english_has_the_shape_the_issue_asks_for() {
    let en = &bundled::EN;
    assert_eq!(en.steps.len(), 7);
    assert!(en.action_count() >= 21, "3–5 actions for each of 7 steps");
    assert!(en.items.len() >= 24);
    assert_eq!(en.questions(false).len(), en.items.len() + 1);
    let rituals = [
        "ten minutes each night",
        "two minutes to tell each other something we appreciated",
        "within 24 hours",
        "five seconds",
        "Let’s reset",
        "micro-tasks",
        "once a month",
        "How are we doing?",
    ];
    let all_actions: String = en
        .steps
        .iter()
        .flat_map(|s| s.actions.iter().map(|a| a.text))
        .collect::<Vec<_>>()
        .join("\n");
    for ritual in rituals {
        assert!(
            all_actions.to_lowercase().contains(&ritual.to_lowercase()),
            "the checklist should include the article's ritual {ritual:?}"
        );
    }
}

#[test]
fn wording_adapts_to_who_the_check_is_about() {
    let en = &bundled::EN;
    let item = &en.items[0];
    let texts: Vec<String> = en.contexts.iter().map(|c| en.item_text(item, c)).collect();
    for (text, context) in texts.iter().zip(en.contexts.iter()) {
        assert!(!text.contains('{'), "{text}");
        assert!(
            text.contains(context.them) || text.contains(context.them_start),
            "{text} should name {}",
            context.them
        );
    }
    // Colleague-specific wording replaces the default where the content gives one.
    let special = en
        .items
        .iter()
        .find(|i| i.by_context.iter().any(|(c, _)| *c == "colleague"))
        .expect("some item has colleague wording");
    let colleague = en.context(Relationship::Colleague).unwrap();
    let partner = en.context(Relationship::Partner).unwrap();
    assert_ne!(
        en.item_text(special, colleague),
        en.item_text(special, partner)
            .replace(partner.them, colleague.them)
    );
}

#[test]
fn the_validator_catches_each_kind_of_mistake() {
    let good = bundled::EN.clone();
    let expect = |content: Content, needle: &str| {
        let problems = content.validate();
        assert!(
            problems.iter().any(|p| p.contains(needle)),
            "expected a problem mentioning {needle:?}, got {problems:?}"
        );
    };

    let mut c = good.clone();
    let mut steps = c.steps.to_vec();
    steps[1].id = steps[0].id;
    c.steps = leak(steps);
    expect(c, "used twice");

    let mut c = good.clone();
    c.items = leak(
        c.items
            .iter()
            .filter(|i| !(i.form == "healing" && i.side == Side::Receive))
            .cloned()
            .collect::<Vec<Item>>(),
    );
    expect(c, "form `healing` has 0 Receive items");

    let mut c = good.clone();
    let mut plan = c.plan.clone();
    plan.gives_more = leak(vec!["reflect", "no-such-step"]);
    c.plan = plan;
    expect(c, "unknown step `no-such-step`");

    let mut c = good.clone();
    let mut ui = c.ui.clone();
    ui.next = "  ";
    c.ui = ui;
    expect(c, "ui.next is empty");

    let mut c = good.clone();
    let mut steps: Vec<Step> = c.steps.to_vec();
    steps[2].actions = leak(steps[2].actions[..2].to_vec());
    c.steps = leak(steps);
    expect(c, "3 to 5 keep it doable");

    let mut c = good.clone();
    let mut items = c.items.to_vec();
    items[0].by_context = leak(vec![("boss", "text")]);
    c.items = leak(items);
    expect(c, "unknown context `boss`");

    let mut c = good;
    let mut intro = c.intro.clone();
    intro.privacy = "Stored for {them}";
    c.intro = intro;
    expect(c, "outside a quiz item");
}

#[test]
fn languages_are_found_by_tag() {
    assert!(Content::for_lang("en").is_some());
    assert!(Content::for_lang("en-GB").is_some());
    assert!(Content::for_lang("EN").is_some());
    assert!(Content::for_lang("xx").is_none());
}

#[test]
fn the_iframe_page_passes_on_every_attribute_the_element_reads() {
    // embed.js needs the list before the WebAssembly starts, so it keeps its own copy.
    let embed_js = include_str!("../www/embed.js");
    for name in reciprocity_widget::core::config::ATTRIBUTES {
        assert!(
            embed_js.contains(&format!("'{name}'")),
            "www/embed.js does not pass on `{name}`"
        );
    }
}

/// The article every claim traces to, as the repository keeps it (`content/source/article.txt`).
const ARTICLE: &str = include_str!("../content/source/article.txt");

/// Text compared for tracing: curly quotes and dashes straightened, runs of space made one.
fn normalise(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '‘' | '’' => '\'',
            '“' | '”' => '"',
            '–' | '—' => '-',
            c => c,
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[test]
fn every_source_quote_occurs_in_the_article() {
    let article = normalise(ARTICLE);
    let en = &bundled::EN;
    let mut quotes: Vec<(String, &str)> = Vec::new();
    for step in en.steps.iter() {
        for action in step.actions.iter() {
            quotes.push((format!("action {}", action.id), action.source));
        }
    }
    for form in en.forms.iter() {
        quotes.push((format!("form {}", form.id), form.source));
    }
    for item in en.items.iter() {
        quotes.push((format!("item {}", item.id), item.source));
    }
    quotes.push(("the balance item".into(), en.balance.source));
    assert!(quotes.len() > 50, "every quote measured");
    let missing: Vec<String> = quotes
        .iter()
        .filter(|(_, quote)| quote.trim().is_empty() || !article.contains(&normalise(quote)))
        .map(|(what, quote)| format!("{what}: {quote:?}"))
        .collect();
    assert!(
        missing.is_empty(),
        "sources not found in the article:\n{}",
        missing.join("\n")
    );
}
