//! `docs/PLAN-RULES.md`, the table a counsellor reads, is generated from the real rules and content:
//! this test fails when the file and the rules drift apart.
//!
//!   UPDATE_PLAN_DOC=1 cargo test --test plan_doc     # rewrites the file after a change of rules
#![cfg(not(target_arch = "wasm32"))]

use reciprocity_widget::core::content::{bundled, Content};
use reciprocity_widget::core::document::{Answer, Attempt};
use reciprocity_widget::core::relationship::Relationship;
use reciprocity_widget::core::scoring::{
    answer_forms, direction_paragraphs, ordered_actions, profile, recommend, Lean,
};
use std::fmt::Write;

const DOC: &str = "docs/PLAN-RULES.md";

fn content() -> &'static Content {
    &bundled::CONTENT
}

/// One profile shape: how it was answered, in words, and the answers.
struct Shape {
    name: &'static str,
    answers: &'static str,
    attempt: Attempt,
}

fn uniform(give: i8, receive: i8) -> Attempt {
    with_forms(
        Attempt::new(0, Some(Relationship::Partner)),
        &content()
            .later()
            .forms
            .iter()
            .map(|f| f.id)
            .collect::<Vec<_>>(),
        give,
        receive,
    )
}

fn with_forms(mut attempt: Attempt, forms: &[&str], give: i8, receive: i8) -> Attempt {
    answer_forms(content(), &mut attempt, forms, give, receive);
    attempt
}

fn not_applicable(mut attempt: Attempt, forms: &[&str]) -> Attempt {
    for item in content()
        .later()
        .items
        .iter()
        .filter(|i| forms.contains(&i.form))
    {
        attempt
            .answers
            .insert(item.id.to_owned(), Answer::NotApplicable);
    }
    attempt
}

fn balance(mut attempt: Attempt, value: i8) -> Attempt {
    attempt.answers.insert(
        content().later().balance.id.to_owned(),
        Answer::Value(value),
    );
    attempt
}

fn shapes() -> Vec<Shape> {
    vec![
        Shape {
            name: "Gives more in every form",
            answers: "every “I give” statement “Always”, every “I receive” statement “Rarely”",
            attempt: uniform(5, 2),
        },
        Shape {
            name: "Receives more in every form",
            answers: "every “I give” statement “Rarely”, every “I receive” statement “Always”",
            attempt: uniform(2, 5),
        },
        Shape {
            name: "Balanced",
            answers: "every statement “Often”",
            attempt: uniform(4, 4),
        },
        Shape {
            name: "Low on both sides",
            answers: "every statement “Rarely”",
            attempt: uniform(2, 2),
        },
        Shape {
            name: "Balanced, one form leaning towards giving",
            answers: "every statement “Often”, but in emotional reciprocity “I give” “Always” and “I receive” “Sometimes”",
            attempt: with_forms(uniform(4, 4), &["emotional"], 5, 3),
        },
        Shape {
            name: "Balanced, one form leaning towards receiving",
            answers: "every statement “Often”, but in conflict “I give” “Sometimes” and “I receive” “Always”",
            attempt: with_forms(uniform(4, 4), &["conflict"], 3, 5),
        },
        Shape {
            name: "Gives more; conflict and hard times don’t apply lately",
            answers: "“I give” “Always”, “I receive” “Rarely”; every conflict and hard-times statement “Doesn’t apply to us lately”",
            attempt: not_applicable(uniform(5, 2), &["conflict", "healing"]),
        },
        Shape {
            name: "Gives more, and the overall question agrees",
            answers: "as “Gives more in every form”, and overall “I give more than they do”",
            attempt: balance(uniform(5, 2), 2),
        },
        Shape {
            name: "Gives more, but the overall question says the other gives more",
            answers: "as “Gives more in every form”, but overall “They give more than I do”",
            attempt: balance(uniform(5, 2), -2),
        },
        Shape {
            name: "Only the overall question answered",
            answers: "every statement skipped; overall “I give much more than they do”",
            attempt: balance(Attempt::new(0, Some(Relationship::Partner)), 3),
        },
    ]
}

fn lean_words(lean: Option<Lean>, not_applicable: bool) -> &'static str {
    match (lean, not_applicable) {
        (_, true) => "doesn’t apply lately",
        (Some(Lean::GivesMore), _) => "leans towards giving",
        (Some(Lean::ReceivesMore), _) => "leans towards receiving",
        (Some(Lean::BothLow), _) => "low on both sides",
        (Some(Lean::Balanced), _) => "balanced: no step of its own",
        (None, _) => "not enough answers",
    }
}

fn render() -> String {
    let content = content();
    let mut out = String::from(
        "# What the plan says, profile by profile\n\n\
         Generated from the rules (`src/core/scoring.rs`) and the words (`content/en.json`) by\n\
         `UPDATE_PLAN_DOC=1 cargo test --test plan_doc`; the test fails when this file and the rules\n\
         drift apart. README, “How the plan is chosen”, explains the rules. Each plan below is what a\n\
         visitor reads after the check, for a partner, in English; the actions shown under each step\n\
         are its first two, in the order the plan gives them.\n",
    );
    for (n, shape) in shapes().into_iter().enumerate() {
        let p = profile(content, &shape.attempt);
        let _ = write!(
            out,
            "\n## {}. {}\n\nAnswers: {}.\n\n",
            n + 1,
            shape.name,
            shape.answers
        );
        out.push_str("| form | I give | I receive | reading |\n|---|---|---|---|\n");
        for form in &p.forms {
            let name = content.form(form.form).map_or(form.form, |f| f.name.get());
            let score = |v: Option<f64>| v.map_or("–".to_owned(), |v| format!("{v:.1}"));
            let _ = writeln!(
                out,
                "| {name} | {} | {} | {} |",
                score(form.give),
                score(form.receive),
                lean_words(form.lean(), form.not_applicable)
            );
        }
        out.push_str("\n**How the give and take looks**\n\n");
        for paragraph in direction_paragraphs(content, &p) {
            let _ = writeln!(out, "> {paragraph}\n>");
        }
        out.truncate(out.trim_end_matches(['>', '\n']).len());
        out.push_str("\n\n**Steps that may help most**\n\n");
        let recs = recommend(content, &p);
        if recs.is_empty() {
            let _ = writeln!(out, "> {}", content.later().part_ui.direction_unknown);
        }
        for (i, rec) in recs.iter().enumerate() {
            let step = content.step(rec.step).expect("a real step");
            let _ = writeln!(out, "{}. **{}**: {}", i + 1, step.title, step.summary);
            for reason in rec.reasons_in_words(content) {
                let _ = writeln!(out, "   - _{reason}_");
            }
            for action in ordered_actions(content, rec, Some(Relationship::Partner))
                .iter()
                .take(2)
            {
                let when_safe = if action.ask_safe {
                    format!(" _{}_", content.ui.action_when_safe)
                } else {
                    String::new()
                };
                let text = action.text_for(Some(Relationship::Partner));
                let _ = writeln!(out, "   - ☐ {text}{when_safe}");
            }
        }
    }
    out
}

#[test]
fn the_plan_rules_document_matches_the_rules() {
    let fresh = render();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(DOC);
    if std::env::var_os("UPDATE_PLAN_DOC").is_some() {
        std::fs::write(&path, &fresh).expect("docs/ is writable");
    }
    let kept = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        kept == fresh,
        "{DOC} is out of date: run `UPDATE_PLAN_DOC=1 cargo test --test plan_doc`"
    );
}
