//! The shipped content files: every id unique, every form with enough give and receive items, every
//! plan rule pointing at a real step, no empty strings. And that the validator itself catches each kind
//! of mistake, so a passing check means something.
#![cfg(not(target_arch = "wasm32"))]

use reciprocity_widget::core::content::{
    bundled, ChecklistAction, Content, Item, Later, Region, Side, Step, SupportLine,
};
use reciprocity_widget::core::relationship::Relationship;
use reciprocity_widget::core::text::{self, adhoc, Text};
use std::collections::BTreeSet;

fn leak<T>(items: Vec<T>) -> &'static [T] {
    Box::leak(items.into_boxed_slice())
}

#[test]
fn every_bundled_language_is_valid() {
    assert!(!bundled::TABLES.is_empty());
    for (lang, words, _, _) in bundled::TABLES {
        text::install(words.iter().map(|w| w.to_string()).collect()).unwrap();
        let problems = bundled::CONTENT.validate();
        assert!(
            problems.is_empty(),
            "content/{lang}.json:\n{}",
            problems.join("\n")
        );
        assert!(bundled::CONTENT.lang.starts_with(lang));
    }
}

#[test]
fn english_has_the_shape_the_issue_asks_for() {
    let en = &bundled::CONTENT;
    assert_eq!(en.steps.len(), 7);
    assert!(en.action_count() >= 21, "3–5 actions for each of 7 steps");
    assert!(en.later().items.len() >= 24);
    assert_eq!(en.questions(false).len(), en.later().items.len() + 1);
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
        .flat_map(|s| s.actions.iter().map(|a| a.text.get()))
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
fn every_statement_is_a_whole_sentence_for_each_relationship() {
    let en = &bundled::CONTENT;
    // Who the sentence names, in English, for each relationship.
    let named = [
        (Relationship::Partner, "partner"),
        (Relationship::Family, "family member"),
        (Relationship::Friend, "friend"),
        (Relationship::Colleague, "colleague"),
    ];
    for item in en.later().items.iter() {
        // A statement that names nobody ("I keep track of the things that keep us going") names nobody
        // for anyone.
        let partner = en.context(Relationship::Partner).unwrap();
        let names_someone = en.item_text(item, partner).contains("partner");
        for (relationship, who) in named {
            let context = en.context(relationship).unwrap();
            let text = en.item_text(item, context);
            assert!(!text.contains('{'), "{text}");
            assert!(
                !names_someone || text.contains(who),
                "item {} for {relationship:?}: {text}",
                item.id
            );
        }
    }
    for (relationship, who) in named {
        let context = en.context(relationship).unwrap();
        assert!(en.balance_text(context).contains(who));
        assert!(context.thinking_about.contains(who));
        assert!(context.hard_times_note.contains(who));
    }
    // A colleague's statements are about work where the content says so, not only another name.
    let colleague = en.context(Relationship::Colleague).unwrap();
    let partner = en.context(Relationship::Partner).unwrap();
    assert!(en.later().items.iter().any(|item| {
        *en.item_text(item, colleague)
            != en
                .item_text(item, partner)
                .replace("my partner", "this colleague")
                .replace("My partner", "This colleague")
    }));
}

/// Fails unless the validator finds a problem in `content` (with `later`, the content kept apart)
/// that mentions `needle`.
fn expect_with(content: Content, later: Later, needle: &str) {
    let problems = content.validate_with(&later);
    assert!(
        problems.iter().any(|p| p.contains(needle)),
        "expected a problem mentioning {needle:?}, got {problems:?}"
    );
}

/// [`expect_with`] the bundled content kept apart.
fn expect(content: Content, needle: &str) {
    expect_with(content, bundled::LATER.clone(), needle);
}

#[test]
fn the_validator_catches_each_kind_of_mistake() {
    let good = bundled::CONTENT.clone();

    let mut c = good.clone();
    let mut steps = c.steps.to_vec();
    steps[1].id = steps[0].id;
    c.steps = leak(steps);
    expect(c, "used twice");

    let mut later = bundled::LATER.clone();
    later.items = leak(
        later
            .items
            .iter()
            .filter(|i| !(i.form == "healing" && i.side == Side::Receive))
            .cloned()
            .collect::<Vec<Item>>(),
    );
    expect_with(good.clone(), later, "form `healing` has 0 Receive items");

    let mut later = bundled::LATER.clone();
    later.plan.gives_more = leak(vec!["reflect", "no-such-step"]);
    expect_with(good.clone(), later, "unknown step `no-such-step`");

    let mut c = good.clone();
    let mut ui = c.ui.clone();
    ui.next = adhoc("  ");
    c.ui = ui;
    expect(c, "ui.next is empty");

    let mut c = good.clone();
    let mut steps: Vec<Step> = c.steps.to_vec();
    steps[2].actions = leak(steps[2].actions[..2].to_vec());
    c.steps = leak(steps);
    expect(c, "3 to 5 keep it doable");

    let mut later = bundled::LATER.clone();
    let mut items = later.items.to_vec();
    items[0].statement = leak(vec![("boss", adhoc("text"))]);
    later.items = leak(items);
    expect_with(good.clone(), later, "unknown relationship `boss`");

    let mut later = bundled::LATER.clone();
    let mut items = later.items.to_vec();
    items[1].statement = leak(items[1].statement[..3].to_vec());
    later.items = leak(items);
    // (The sentences are kept in key order: colleague, family, friend, partner.)
    expect_with(
        good.clone(),
        later,
        "needs one sentence for `partner`, found 0",
    );

    let mut c = good;
    let mut intro = c.intro.clone();
    intro.privacy = adhoc("Stored for {them}");
    c.intro = intro;
    expect(
        c,
        "intro.privacy uses {them}: write the sentence for each relationship instead",
    );
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

#[test]
fn the_loader_fetches_words_for_exactly_the_languages_with_content() {
    // The loader starts fetching the words before the WebAssembly starts, so it keeps its own list.
    let loader = include_str!("../www/reciprocity-widget.js");
    let line = loader
        .lines()
        .find(|l| l.starts_with("const LANGUAGES = ["))
        .expect("the loader lists its languages");
    let listed: BTreeSet<&str> = line
        .trim_start_matches("const LANGUAGES = [")
        .trim_end_matches("];")
        .split(',')
        .map(|l| l.trim().trim_matches('\''))
        .collect();
    let with_content: BTreeSet<&str> = bundled::LANGUAGES.iter().copied().collect();
    assert_eq!(
        listed, with_content,
        "LANGUAGES in www/reciprocity-widget.js"
    );
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
    let en = &bundled::CONTENT;
    let mut quotes: Vec<(String, &str)> = Vec::new();
    for step in en.steps.iter() {
        for action in step.actions.iter() {
            quotes.push((format!("action {}", action.id), action.source));
        }
    }
    for form in en.later().forms.iter() {
        quotes.push((format!("form {}", form.id), form.source));
    }
    for item in en.later().items.iter() {
        quotes.push((format!("item {}", item.id), item.source));
    }
    quotes.push(("the balance item".into(), en.later().balance.source));
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

// ---- safety and the checklist for each relationship -------------------------------------------------

/// Words of an action that asks for repair, openness, patience or a first move: such an action must be
/// offered "when it feels safe to do so" (RESEARCH.md, section 4). Kept here, apart from the
/// validator's own list, so that a word dropped there still fails here.
const ASKS_FOR_REPAIR_OPENNESS_PATIENCE_OR_A_FIRST_MOVE: &[&str] = &[
    "repair",
    "make up",
    "making up",
    "make things right",
    "apolog",
    "reset",
    "disagreement",
    "first move",
    "reach out",
    "take a turn",
    "take turns",
    "initiat",
    "suggest",
    "need",
    "tell ",
    "say ",
    "saying",
    "talk about",
    "check in",
    "check-in",
    "how are we doing",
    "feedback",
    "invite",
    "agree",
    "patien",
    "give it time",
    "some time",
    "giving up",
];

fn actions(content: &Content) -> impl Iterator<Item = &'static ChecklistAction> {
    content.actions_for(None)
}

fn action(id: &str) -> &'static ChecklistAction {
    actions(&bundled::CONTENT)
        .find(|a| a.id == id)
        .unwrap_or_else(|| panic!("no action {id}"))
}

fn wordings(a: &ChecklistAction) -> Vec<&'static str> {
    std::iter::once(a.text.get())
        .chain(a.by_context.iter().map(|(_, t)| t.get()))
        .collect()
}

#[test]
fn every_action_that_asks_for_repair_openness_patience_or_a_first_move_says_when_safe() {
    let mut flagged = 0;
    for a in actions(&bundled::CONTENT) {
        for wording in wordings(a) {
            let lower = wording.to_lowercase();
            if let Some(word) = ASKS_FOR_REPAIR_OPENNESS_PATIENCE_OR_A_FIRST_MOVE
                .iter()
                .find(|w| lower.contains(*w))
            {
                assert!(a.ask_safe, "`{}` says {word:?} but lacks ask_safe", a.id);
                flagged += 1;
            }
        }
    }
    assert!(flagged >= 10, "the list found the actions it is for");
    // The Repair step asks for repair in every action.
    let repair = bundled::CONTENT.step("repair").unwrap();
    assert!(repair.actions.iter().all(|a| a.ask_safe));
    assert!(bundled::CONTENT
        .ui
        .action_when_safe
        .to_lowercase()
        .contains("when it feels safe to do so"));
}

#[test]
fn the_four_overreaching_actions_say_only_what_their_source_says() {
    for id in [
        "repair-toward-understanding",
        "repair-take-a-turn",
        "observe-their-effort",
        "observe-adjust",
    ] {
        let text = action(id).text.to_lowercase();
        for overreach in [
            "give it some time",
            "rather than giving up",
            "first move",
            "defending myself",
        ] {
            assert!(!text.contains(overreach), "`{id}` still says {overreach:?}");
        }
    }
    // What stays is what the passages say.
    assert!(action("observe-their-effort")
        .text
        .contains("Change happens when both people engage"));
    assert!(action("observe-adjust").text.contains("adjust"));
    assert!(action("repair-toward-understanding")
        .text
        .contains("understanding instead of defensiveness"));
    assert!(action("repair-take-a-turn").text.starts_with("Notice"));
}

#[test]
fn every_action_says_whether_it_asks_the_visitor_to_do_more() {
    let en = &bundled::CONTENT;
    // Noticing, reflecting, expressing one's own needs, accepting support, pausing the overgiving: no.
    for id in [
        "reflect-notice-giving",
        "reflect-letting-others-care",
        "express-needs-without-blame",
        "express-what-helps-me",
        "practice-pause-overgiving",
        "practice-accept-support",
        "repair-take-a-turn",
        "observe-small-signs",
        "observe-their-effort",
    ] {
        assert!(!action(id).does_more, "`{id}` does not ask to do more");
    }
    // Small acts of care, appreciation given, a ritual or check-in started, a first move: yes.
    for id in [
        "invest-small-daily-act",
        "invest-two-minute-appreciation",
        "invest-appreciate-regularly",
        "check-in-ten-minutes-nightly",
        "check-in-friend-take-turns",
        "repair-within-24-hours",
        "repair-lets-reset",
    ] {
        assert!(action(id).does_more, "`{id}` asks to do more");
    }
    // Every step the plan can suggest to answers leaning towards giving more opens, for every
    // relationship, with an action that does not ask for more.
    let giving_steps: BTreeSet<&str> = en
        .later()
        .plan
        .gives_more
        .iter()
        .copied()
        .chain(
            en.later()
                .plan
                .forms
                .iter()
                .flat_map(|(_, rule)| rule.gives_more.iter().copied()),
        )
        .collect();
    assert!(!giving_steps.is_empty());
    for step in &giving_steps {
        for r in Relationship::ALL {
            let first = en.step(step).unwrap().actions_for(Some(r)).next().unwrap();
            assert!(
                !first.does_more,
                "step `{step}` opens with `{}` for {r:?}, which asks to do more",
                first.id
            );
        }
    }
}

#[test]
fn the_checklist_follows_the_relationship() {
    let en = &bundled::CONTENT;
    let texts = |r: Relationship| -> Vec<&str> {
        en.actions_for(Some(r))
            .map(|a| a.text_for(Some(r)).get())
            .collect()
    };
    let has = |r: Relationship, needle: &str| {
        texts(r)
            .iter()
            .any(|t| t.to_lowercase().contains(&needle.to_lowercase()))
    };
    // A colleague is never offered nightly or mealtime rituals; a partner is.
    for word in ["night", "meal"] {
        assert!(
            !has(Relationship::Colleague, word),
            "a colleague sees {word:?}"
        );
        assert!(
            has(Relationship::Partner, word),
            "a partner misses {word:?}"
        );
    }
    assert!(has(Relationship::Partner, "ten minutes each night"));
    assert!(has(Relationship::Family, "once a month"));
    assert!(has(Relationship::Family, "caregiving"));
    assert!(has(Relationship::Friend, "getting in touch"));
    assert!(has(Relationship::Colleague, "reciprocal feedback session"));
    assert!(has(Relationship::Colleague, "clearly"));
    assert!(!has(Relationship::Colleague, "family"));
    assert!(!has(Relationship::Partner, "feedback session"));
    // Nothing known: every action, in its default wording.
    assert_eq!(en.actions_for(None).count(), en.action_count());
    // At least three actions per step for everyone (and at most five).
    for r in Relationship::ALL {
        for step in en.steps.iter() {
            let n = step.actions_for(Some(r)).count();
            assert!(
                (3..=5).contains(&n),
                "{} has {n} actions for {r:?}",
                step.id
            );
        }
        assert!(en.actions_for(Some(r)).count() < en.action_count());
    }
}

#[test]
fn a_parent_is_never_told_to_stop_giving_to_a_child() {
    let pause = action("practice-pause-overgiving");
    let family = pause.text_for(Some(Relationship::Family));
    assert_ne!(family, pause.text, "family has its own wording");
    assert!(family.contains("an adult in my family"), "{family}");
    assert!(
        family.contains("parents often give more than they receive"),
        "{family}"
    );
    // Every family action that speaks of giving less speaks of adults only.
    for a in bundled::CONTENT.actions_for(Some(Relationship::Family)) {
        let text = a.text_for(Some(Relationship::Family)).to_lowercase();
        if text.contains("overgiving") || text.contains("giving less") {
            assert!(text.contains("adult"), "`{}` for family: {text}", a.id);
        }
    }
    // The other relationships keep the plain wording.
    for r in [
        Relationship::Partner,
        Relationship::Friend,
        Relationship::Colleague,
    ] {
        assert_eq!(pause.text_for(Some(r)), pause.text);
    }
}

#[test]
fn progress_counts_the_actions_shown_and_keeps_hidden_ticks() {
    let en = &bundled::CONTENT;
    let nightly = action("check-in-ten-minutes-nightly");
    let everyone = action("reflect-notice-giving");
    let done: reciprocity_widget::core::sorted::SortedSet<String> =
        [nightly.id, everyone.id, "retired-action"]
            .into_iter()
            .map(str::to_owned)
            .collect();
    let partner = en.actions_for(Some(Relationship::Partner)).count();
    let colleague = en.actions_for(Some(Relationship::Colleague)).count();
    assert_eq!(
        en.checklist_progress(&done, Some(Relationship::Partner)),
        (2, partner)
    );
    // The nightly check-in is hidden for a colleague: not counted, but its tick is not touched.
    assert_eq!(
        en.checklist_progress(&done, Some(Relationship::Colleague)),
        (1, colleague)
    );
    assert_eq!(en.checklist_progress(&done, None), (2, en.action_count()));
    let check_in = en.step("check_in").unwrap();
    assert_eq!(
        check_in.progress(&done, Some(Relationship::Partner)),
        (1, check_in.actions_for(Some(Relationship::Partner)).count())
    );
    assert_eq!(check_in.progress(&done, Some(Relationship::Colleague)).0, 0);
}

#[test]
fn every_region_lists_its_domestic_abuse_help() {
    let en = &bundled::CONTENT;
    let region = |id: &str| -> &Region { en.support.regions.iter().find(|r| r.id == id).unwrap() };
    let numbers = |r: &Region| -> Vec<&str> { r.abuse_lines.iter().map(|l| l.call).collect() };
    assert_eq!(numbers(region("US")), ["1-800-799-7233"]);
    let us = &region("US").abuse_lines[0];
    assert_eq!((us.text, us.text_word), ("88788", "START"));
    // Two UK lines, side by side, neither described as the one for a gender.
    assert_eq!(numbers(region("GB")), ["0808 2000 247", "0808 801 0327"]);
    assert!(region("GB").abuse_lines[0]
        .name
        .contains("National Domestic Abuse Helpline"));
    assert!(region("GB").abuse_lines[1]
        .name
        .contains("Men’s Advice Line"));
    assert_eq!(numbers(region("AU")), ["1800 737 732"]);
    assert_eq!(numbers(region("IN")), ["181"]);
    assert_eq!(numbers(region("AE")), ["800 111"]);
    // Canada has no national line: 911 in danger, and where local shelters' lines are listed.
    let ca = region("CA");
    assert!(ca.abuse_lines.is_empty());
    assert!(ca.abuse_note.contains("911") && ca.abuse_note.contains("sheltersafe.ca"));
    for r in en.support.regions.iter() {
        assert!(!r.lines.is_empty(), "{} keeps its crisis lines", r.id);
    }
    // The words around the lines assume no one's gender.
    let around = [
        en.ui.support_abuse_heading,
        en.later().part_ui.safety_heading,
        en.later().part_ui.safety_text,
        en.later().part_ui.safety_button,
        ca.abuse_note,
    ]
    .map(Text::get)
    .join(" ")
    .to_lowercase();
    for gendered in [
        " he ",
        " she ",
        " his ",
        " her ",
        "husband",
        "wife",
        "boyfriend",
        "girlfriend",
        "woman",
        " man ",
    ] {
        assert!(
            !format!(" {around} ").contains(gendered),
            "{gendered:?} in {around}"
        );
    }
}

#[test]
fn the_safety_message_says_what_it_must() {
    let text = bundled::CONTENT.later().part_ui.safety_text.to_lowercase();
    for part in [
        "frightens",
        "controls",
        "hurts",
        "isn’t about balance",
        "isn’t your fault",
        "in confidence",
    ] {
        assert!(
            text.contains(part),
            "the safety message should say {part:?}: {text}"
        );
    }
}

#[test]
fn the_validator_catches_safety_and_relationship_mistakes() {
    let good = bundled::CONTENT.clone();
    let with_action = |step: usize, index: usize, change: &dyn Fn(&mut ChecklistAction)| {
        let mut c = good.clone();
        let mut steps: Vec<Step> = c.steps.to_vec();
        let mut list = steps[step].actions.to_vec();
        change(&mut list[index]);
        steps[step].actions = leak(list);
        c.steps = leak(steps);
        c
    };
    let repair = good.steps.iter().position(|s| s.id == "repair").unwrap();

    // An action asking for repair without the safety wording.
    expect(
        with_action(repair, 0, &|a| a.ask_safe = false),
        "lacks `ask_safe`",
    );
    // ... also when only a relationship's wording asks for it.
    expect(
        with_action(0, 0, &|a| {
            a.by_context = leak(vec![("friend", adhoc("Make the first move."))])
        }),
        "lacks `ask_safe`",
    );
    // Relationships that do not exist, or wording where the action is not shown.
    expect(
        with_action(0, 0, &|a| a.only_for = leak(vec!["boss"])),
        "unknown relationship `boss`",
    );
    expect(
        with_action(0, 0, &|a| {
            a.only_for = leak(vec!["partner"]);
            a.by_context = leak(vec![("family", adhoc("Notice."))]);
        }),
        "not shown for it",
    );
    // A step left with fewer than three actions for one relationship.
    let mut c = good.clone();
    let mut steps: Vec<Step> = c.steps.to_vec();
    let mut list = steps[0].actions.to_vec();
    for a in list.iter_mut().take(2) {
        a.only_for = leak(vec!["partner"]);
    }
    steps[0].actions = leak(list);
    c.steps = leak(steps);
    expect(c, "actions for `colleague`; 3 to 5");
    // A region with no domestic-abuse line and no note.
    let mut c = good.clone();
    let mut support = c.support.clone();
    let mut regions: Vec<Region> = support.regions.to_vec();
    regions[2].abuse_lines = &[];
    regions[2].abuse_note = adhoc("");
    support.regions = leak(regions);
    c.support = support;
    expect(c, "region GB has no domestic-abuse line or note");
    // A bad abuse number, and a word to text without a number.
    let mut c = good.clone();
    let mut support = c.support.clone();
    let mut regions: Vec<Region> = support.regions.to_vec();
    regions[3].abuse_lines = leak(vec![SupportLine {
        name: adhoc("Line"),
        call: "call us",
        text: "",
        text_word: "",
    }]);
    regions[4].abuse_lines = leak(vec![SupportLine {
        name: adhoc("Line"),
        call: "181",
        text: "",
        text_word: "START",
    }]);
    support.regions = leak(regions);
    c.support = support;
    let problems = c.validate();
    assert!(
        problems
            .iter()
            .any(|p| p.contains("region AU has a bad number")),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.contains("word to text but no number")),
        "{problems:?}"
    );
}
