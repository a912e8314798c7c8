//! What the printed page lists when the visitor asks for their answers: each statement of a check
//! they answered, worded for who the check was about, with the answer in words.

use super::content::{Content, Question, Text};
use super::document::{Answer, Attempt};

/// The statements of `attempt` that have an answer, in the order the check asked them (the overall
/// question last), each with its answer's label.
pub fn answered(content: &Content, attempt: &Attempt) -> Vec<(Text, Text)> {
    let part_ui = &content.later().part_ui;
    let Some(context) = attempt
        .context
        .and_then(|c| content.context(c))
        .or(content.contexts.first())
    else {
        return Vec::new();
    };
    content
        .questions(false)
        .into_iter()
        .filter_map(|question| {
            let (id, text, labels, lowest) = match question {
                Question::Item(item) => (
                    item.id,
                    content.item_text(item, context),
                    content.later().scale,
                    1,
                ),
                Question::Balance => (
                    content.later().balance.id,
                    content.balance_text(context),
                    content.later().balance.options,
                    -3,
                ),
            };
            let label = match *attempt.answers.get(id)? {
                Answer::Value(v) => *labels.get(usize::try_from(v - lowest).ok()?)?,
                Answer::PreferNot => part_ui.prefer_not,
                Answer::NotApplicable => part_ui.not_applicable,
            };
            Some((text, label))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::relationship::Relationship;

    #[test]
    fn every_answer_is_listed_in_words_in_the_order_asked_and_skipped_statements_are_not() {
        let content = crate::english();
        let mut attempt = Attempt::new(1, Some(Relationship::Colleague));
        let (first, second) = (&content.later().items[0], &content.later().items[1]);
        // Given out of order: listed in the order of the check.
        attempt.answer(content.later().balance.id, Answer::Value(3), 2);
        attempt.answer(second.id, Answer::PreferNot, 3);
        attempt.answer(first.id, Answer::Value(4), 4);
        let colleague = content.context(Relationship::Colleague).unwrap();
        let listed: Vec<(&str, &str)> = answered(content, &attempt)
            .into_iter()
            .map(|(text, label)| (text.get(), label.get()))
            .collect();
        assert_eq!(
            listed,
            [
                (content.item_text(first, colleague).get(), "Often"),
                (
                    content.item_text(second, colleague).get(),
                    "Prefer not to answer"
                ),
                (
                    content.balance_text(colleague).get(),
                    "I give much more than they do"
                ),
            ]
        );
    }
}
