//! From answers to a give/receive profile, and from a profile to the RECIPRO steps that fit it.
//!
//! The numbers are a mirror for reflection, not a measurement: no cut-offs, no labels. The rules are few
//! and written out here so a counsellor can read exactly what the widget says and why (README, "How the
//! plan is chosen").

use super::content::{Content, Item, Side, Text};
use super::document::{Answer, Attempt, BALANCE, FREQUENCY};

/// A form's mean is shown only when at least this share of its items was answered (two thirds), and
/// both sides have at least one answer; otherwise the plan says "not enough answers".
const MIN_ANSWERED_NUMERATOR: usize = 2;
const MIN_ANSWERED_DENOMINATOR: usize = 3;

/// Half a step on the 1–5 scale: smaller average differences read as "fairly balanced".
const DIRECTION_THRESHOLD: f64 = 0.5;

/// "Sometimes": a side scoring below this suggests the form is thin, not only uneven.
const SCALE_MIDDLE: f64 = 3.0;

/// A form whose need (see [`FormScore::need`]) is below this gets no step of its own.
const FORM_NEED_THRESHOLD: f64 = 1.0;

/// Weight of the overall direction's steps, above a single typical form concern.
const DIRECTION_WEIGHT: f64 = 2.0;

/// How many steps a plan suggests at most: a few steps done are worth more than a long list.
pub const PLAN_SIZE: usize = 3;

#[derive(Debug, Clone, PartialEq)]
pub struct FormScore {
    pub form: Text,
    /// Mean of the "I give" answers on 1–5, when the form has enough answers.
    pub give: Option<f64>,
    /// Mean of the "I receive" answers on 1–5, when the form has enough answers.
    pub receive: Option<f64>,
}

impl FormScore {
    /// Give minus receive: positive means the visitor gives more in this form.
    pub fn gap(&self) -> Option<f64> {
        Some(self.give? - self.receive?)
    }

    pub fn has_enough(&self) -> bool {
        self.give.is_some() && self.receive.is_some()
    }

    /// How much this form may need attention: how far its gap stands out from the visitor's overall
    /// gap, plus how far the form is thin (both sides below "Sometimes"). The overall gap itself is the
    /// direction's business: counting it again in every form would let six echoes of one pattern crowd
    /// out the steps that fit the pattern (and tell someone who already over-gives to give more).
    fn need(&self, overall_gap: f64) -> Option<f64> {
        let (give, receive) = (self.give?, self.receive?);
        let stands_out = (give - receive - overall_gap).abs();
        let thin = (SCALE_MIDDLE - give.max(receive)).max(0.0);
        Some(stands_out + 2.0 * thin)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    GivesMore,
    ReceivesMore,
    Balanced,
    /// Too few answers to say anything.
    Unknown,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    /// One per form, in content order.
    pub forms: Vec<FormScore>,
    /// The global balance answer, −3..=3, if given.
    pub balance: Option<i8>,
    /// Mean gap over the forms with enough answers.
    pub overall_gap: Option<f64>,
    pub direction: Direction,
}

/// The value an answer counts as for an item, if it counts at all: "prefer not to answer" and values
/// outside the item's scale (a hand-edited document) are left out.
fn scale_value(answer: Option<&Answer>) -> Option<f64> {
    match answer {
        Some(Answer::Value(v)) if FREQUENCY.contains(v) => Some(f64::from(*v)),
        _ => None,
    }
}

fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

pub fn profile(content: &'static Content, attempt: &Attempt) -> Profile {
    let forms: Vec<FormScore> = content
        .forms
        .iter()
        .map(|form| {
            let items: Vec<&Item> = content.items.iter().filter(|i| i.form == form.id).collect();
            let answered = |side: Side| -> Vec<f64> {
                items
                    .iter()
                    .filter(|i| i.side == side)
                    .filter_map(|i| scale_value(attempt.answers.get(i.id)))
                    .collect()
            };
            let (give, receive) = (answered(Side::Give), answered(Side::Receive));
            let enough = (give.len() + receive.len()) * MIN_ANSWERED_DENOMINATOR
                >= items.len() * MIN_ANSWERED_NUMERATOR;
            FormScore {
                form: form.id,
                give: mean(&give).filter(|_| enough),
                receive: mean(&receive).filter(|_| enough),
            }
        })
        .map(|score| FormScore {
            // One side without answers makes the other side's mean meaningless as a comparison.
            give: score.give.filter(|_| score.receive.is_some()),
            receive: score.receive.filter(|_| score.give.is_some()),
            form: score.form,
        })
        .collect();

    let balance = match attempt.answers.get(content.balance.id) {
        Some(Answer::Value(v)) if BALANCE.contains(v) => Some(*v),
        _ => None,
    };
    let gaps: Vec<f64> = forms.iter().filter_map(FormScore::gap).collect();
    // The six forms speak in more detail than the single overall item, so they decide when they can;
    // the overall item decides only when no form has enough answers.
    let overall_gap = mean(&gaps);
    let direction = match (overall_gap, balance) {
        (Some(gap), _) if gap >= DIRECTION_THRESHOLD => Direction::GivesMore,
        (Some(gap), _) if gap <= -DIRECTION_THRESHOLD => Direction::ReceivesMore,
        (Some(_), _) => Direction::Balanced,
        (None, Some(b)) if b > 0 => Direction::GivesMore,
        (None, Some(b)) if b < 0 => Direction::ReceivesMore,
        (None, Some(_)) => Direction::Balanced,
        (None, None) => Direction::Unknown,
    };
    Profile {
        forms,
        balance,
        overall_gap,
        direction,
    }
}

/// Why a step was suggested.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    Direction(Direction),
    /// A form id whose answers looked uneven or thin.
    Form(Text),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Recommendation {
    pub step: Text,
    pub reasons: Vec<Reason>,
}

/// The two or three RECIPRO steps that fit the profile best, most fitting first. Each rule adds weight
/// to its steps (a little less for each later step in its list, so the order in the content file
/// counts); ties go to framework order. Empty when the profile says nothing (no answers).
pub fn recommend(content: &'static Content, profile: &Profile) -> Vec<Recommendation> {
    let mut scores: Vec<(f64, Recommendation)> = content
        .steps
        .iter()
        .map(|s| {
            (
                0.0,
                Recommendation {
                    step: s.id,
                    reasons: Vec::new(),
                },
            )
        })
        .collect();
    let mut add = |steps: &[Text], weight: f64, reason: Reason| {
        for (rank, step) in steps.iter().enumerate() {
            if let Some((score, rec)) = scores.iter_mut().find(|(_, r)| r.step == *step) {
                *score += weight * (1.0 - 0.05 * rank as f64);
                rec.reasons.push(reason.clone());
            }
        }
    };

    let direction_steps = match profile.direction {
        Direction::GivesMore => Some(content.plan.gives_more),
        Direction::ReceivesMore => Some(content.plan.receives_more),
        Direction::Balanced => Some(content.plan.balanced),
        Direction::Unknown => None,
    };
    if let Some(steps) = direction_steps {
        add(
            steps,
            DIRECTION_WEIGHT,
            Reason::Direction(profile.direction),
        );
    }
    for form in &profile.forms {
        let overall_gap = profile.overall_gap.unwrap_or(0.0);
        let Some(need) = form.need(overall_gap).filter(|n| *n >= FORM_NEED_THRESHOLD) else {
            continue;
        };
        if let Some((_, steps)) = content.plan.forms.iter().find(|(id, _)| *id == form.form) {
            add(steps, need, Reason::Form(form.form));
        }
    }

    let mut ranked: Vec<(usize, f64, Recommendation)> = scores
        .into_iter()
        .enumerate()
        .filter(|(_, (score, _))| *score > 0.0)
        .map(|(order, (score, rec))| (order, score, rec))
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked
        .into_iter()
        .take(PLAN_SIZE)
        .map(|(_, _, rec)| rec)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content() -> &'static Content {
        &crate::core::content::bundled::EN
    }

    /// An attempt answering every give item with `give` and every receive item with `receive`.
    fn uniform(give: i8, receive: i8) -> Attempt {
        let mut attempt = Attempt::new(0, Some(crate::core::relationship::Relationship::Partner));
        for item in content().items {
            let v = if item.side == Side::Give {
                give
            } else {
                receive
            };
            attempt.answers.insert(item.id.to_owned(), Answer::Value(v));
        }
        attempt
    }

    fn steps(recs: &[Recommendation]) -> Vec<&str> {
        recs.iter().map(|r| r.step).collect()
    }

    fn items_of(form: &str, side: Side) -> Vec<String> {
        content()
            .items
            .iter()
            .filter(|i| i.form == form && i.side == side)
            .map(|i| i.id.to_owned())
            .collect()
    }

    #[test]
    fn means_and_gaps_per_form() {
        let mut attempt = uniform(4, 2);
        let give = items_of("emotional", Side::Give);
        attempt.answers.insert(give[0].clone(), Answer::Value(5));
        let p = profile(content(), &attempt);
        let emotional = p.forms.iter().find(|f| f.form == "emotional").unwrap();
        assert_eq!(emotional.give, Some(4.5));
        assert_eq!(emotional.receive, Some(2.0));
        assert_eq!(emotional.gap(), Some(2.5));
        assert_eq!(p.forms.len(), 6);
        assert_eq!(p.direction, Direction::GivesMore);
    }

    #[test]
    fn a_form_needs_two_thirds_of_its_items_answered() {
        // Practical has 4 items: 3 answered is enough, 2 is not.
        let mut attempt = uniform(3, 3);
        let give = items_of("practical", Side::Give);
        let receive = items_of("practical", Side::Receive);
        attempt.answers.insert(give[0].clone(), Answer::PreferNot);
        let p = profile(content(), &attempt);
        assert!(p.forms[0].has_enough(), "3 of 4 answered counts");

        attempt.answers.remove(&receive[0]);
        let p = profile(content(), &attempt);
        assert_eq!(p.forms[0].give, None, "2 of 4 answered is not enough");
        assert_eq!(p.forms[0].receive, None);
        assert_eq!(p.forms[0].gap(), None);
    }

    #[test]
    fn one_empty_side_means_not_enough_even_above_two_thirds() {
        let mut attempt = Attempt::new(0, None);
        // Only "give" items answered for communication: no comparison is possible.
        for id in items_of("communication", Side::Give) {
            attempt.answers.insert(id, Answer::Value(5));
        }
        let p = profile(content(), &attempt);
        assert!(p.forms.iter().all(|f| !f.has_enough()));
    }

    #[test]
    fn out_of_range_values_are_ignored() {
        let mut attempt = uniform(3, 3);
        for id in items_of("future", Side::Give) {
            attempt.answers.insert(id, Answer::Value(-2));
        }
        let p = profile(content(), &attempt);
        let future = p.forms.iter().find(|f| f.form == "future").unwrap();
        assert!(!future.has_enough());
    }

    #[test]
    fn direction_from_forms_then_from_the_balance_item() {
        assert_eq!(
            profile(content(), &uniform(3, 4)).direction,
            Direction::ReceivesMore
        );
        assert_eq!(
            profile(content(), &uniform(4, 4)).direction,
            Direction::Balanced
        );

        let mut only_balance = Attempt::new(0, None);
        assert_eq!(
            profile(content(), &only_balance).direction,
            Direction::Unknown
        );
        only_balance
            .answers
            .insert(content().balance.id.to_owned(), Answer::Value(2));
        let p = profile(content(), &only_balance);
        assert_eq!((p.direction, p.balance), (Direction::GivesMore, Some(2)));
        only_balance
            .answers
            .insert(content().balance.id.to_owned(), Answer::Value(-1));
        assert_eq!(
            profile(content(), &only_balance).direction,
            Direction::ReceivesMore
        );
    }

    #[test]
    fn mostly_giving_suggests_reflect_express_practice() {
        // The same gap in every form is one pattern, not six concerns: the direction's steps lead.
        let recs = recommend(content(), &profile(content(), &uniform(4, 3)));
        assert_eq!(steps(&recs), ["reflect", "express", "practice"]);
        let recs = recommend(content(), &profile(content(), &uniform(5, 2)));
        assert_eq!(steps(&recs), ["reflect", "express", "practice"]);
        assert!(recs
            .iter()
            .all(|r| r.reasons.contains(&Reason::Direction(Direction::GivesMore))));
    }

    #[test]
    fn weak_repair_suggests_repair_first() {
        let mut attempt = uniform(4, 4);
        for side in [Side::Give, Side::Receive] {
            for id in items_of("conflict", side) {
                attempt.answers.insert(id, Answer::Value(1));
            }
        }
        let recs = recommend(content(), &profile(content(), &attempt));
        assert_eq!(recs[0].step, "repair");
        assert_eq!(recs[0].reasons, [Reason::Form("conflict")]);
        assert_eq!(recs.len(), PLAN_SIZE);
    }

    #[test]
    fn weak_communication_suggests_check_in_and_express() {
        let mut attempt = uniform(4, 4);
        for id in items_of("communication", Side::Receive) {
            attempt.answers.insert(id, Answer::Value(1));
        }
        let recs = recommend(content(), &profile(content(), &attempt));
        let top = steps(&recs);
        assert!(top.contains(&"check_in"), "{top:?}");
        assert!(top.contains(&"express"), "{top:?}");
    }

    #[test]
    fn balanced_and_strong_suggests_the_balanced_steps() {
        let recs = recommend(content(), &profile(content(), &uniform(5, 5)));
        assert_eq!(steps(&recs), content().plan.balanced);
    }

    #[test]
    fn no_answers_no_plan() {
        let recs = recommend(content(), &profile(content(), &Attempt::new(0, None)));
        assert!(recs.is_empty());
    }
}
