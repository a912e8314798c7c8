//! From answers to a give/receive profile, and from a profile to the RECIPRO steps that fit it.
//!
//! The numbers are a mirror for reflection, not a measurement: no cut-offs on the person, no labels.
//! The rules are few and written out here so a counsellor can read exactly what the widget says and
//! why (README, "How the plan is chosen"; every profile shape in `docs/PLAN-RULES.md`).
//!
//! The article's rule steers every suggestion: "The answer is not to give more. It is to pause the
//! overgiving and express what you need." So each form's suggestion depends on which way the form
//! leans, as well as the overall direction, and a form that is balanced gets no step of its own.

use super::content::{fill, ChecklistAction, Content, Id, Item, Side, Text};
use super::document::{Answer, Attempt, BALANCE, FREQUENCY};
use super::learn::{passages_for, Hint};
use super::relationship::Relationship;

/// A form's mean is shown only when at least this share of the items that apply was answered (two
/// thirds), and both sides have at least one answer; otherwise the plan says "not enough answers".
const MIN_ANSWERED_NUMERATOR: usize = 2;
const MIN_ANSWERED_DENOMINATOR: usize = 3;

/// Half a step on the 1–5 scale: a smaller mean difference over the forms reads as "fairly balanced".
const DIRECTION_THRESHOLD: f64 = 0.5;

/// A step and a half on the 1–5 scale: a form leans one way only when its sides differ by at least this
/// much on average ("clearly more", e.g. "Always" against "Sometimes"), so a small difference never
/// brings a step of its own.
const CLEAR_GAP: f64 = 1.5;

/// "Sometimes": a form whose both sides are below this is low on both sides.
const SCALE_MIDDLE: f64 = 3.0;

/// Weight of the overall direction's steps when it leans one way, above a single form's.
const DIRECTION_WEIGHT: f64 = 2.0;

/// Weight of the steps for a balanced direction, and of the overall question's steps when it differs
/// from the detailed answers: heard, but below anything the details show out of line.
const BALANCE_WEIGHT: f64 = 1.0;

/// How many steps a plan suggests at most: a few steps done are worth more than a long list.
pub const PLAN_SIZE: usize = 3;

/// Which way a form's answers lean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lean {
    /// The "I give" answers are clearly higher.
    GivesMore,
    /// The "I receive" answers are clearly higher.
    ReceivesMore,
    /// Neither clearly higher, and both below "Sometimes".
    BothLow,
    /// Neither clearly higher, and not both low: nothing to suggest.
    Balanced,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FormScore {
    pub form: Id,
    /// Mean of the "I give" answers on 1–5, when the form has enough answers.
    pub give: Option<f64>,
    /// Mean of the "I receive" answers on 1–5, when the form has enough answers.
    pub receive: Option<f64>,
    /// Most of the form's statements were answered "Doesn't apply to us lately": described as such,
    /// never as low.
    pub not_applicable: bool,
}

impl FormScore {
    /// Give minus receive: positive means the visitor gives more in this form.
    pub fn gap(&self) -> Option<f64> {
        Some(self.give? - self.receive?)
    }

    pub fn has_enough(&self) -> bool {
        self.give.is_some() && self.receive.is_some()
    }

    /// Which way the form leans, when it has enough answers.
    pub fn lean(&self) -> Option<Lean> {
        let (give, receive) = (self.give?, self.receive?);
        Some(if give - receive >= CLEAR_GAP {
            Lean::GivesMore
        } else if receive - give >= CLEAR_GAP {
            Lean::ReceivesMore
        } else if give.max(receive) < SCALE_MIDDLE {
            Lean::BothLow
        } else {
            Lean::Balanced
        })
    }

    /// How strongly the form leans: its weight among the plan's reasons (at least 1).
    fn strength(&self) -> f64 {
        let (Some(give), Some(receive)) = (self.give, self.receive) else {
            return 0.0;
        };
        match self.lean() {
            Some(Lean::GivesMore | Lean::ReceivesMore) => 1.0 + (give - receive).abs() - CLEAR_GAP,
            Some(Lean::BothLow) => 1.0 + SCALE_MIDDLE - give.max(receive),
            _ => 0.0,
        }
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

impl Direction {
    /// What the plan says of it: the answers described, never the person.
    pub fn describe(self, content: &Content) -> Text {
        let part_ui = &content.later().part_ui;
        match self {
            Direction::GivesMore => part_ui.direction_gives_more,
            Direction::ReceivesMore => part_ui.direction_receives_more,
            Direction::Balanced => part_ui.direction_balanced,
            Direction::Unknown => part_ui.direction_unknown,
        }
    }

    /// The direction the overall balance question (−3 … 3) points to.
    fn of_balance(balance: i8) -> Direction {
        match balance {
            b if b > 0 => Direction::GivesMore,
            b if b < 0 => Direction::ReceivesMore,
            _ => Direction::Balanced,
        }
    }
}

/// How the overall question and the detailed answers relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BalanceView {
    /// Both point the same way: the plan says so.
    Agrees,
    /// They point different ways: the plan shows both and invites reflection.
    Differs,
    /// Only one of them has an answer (or neither): nothing to compare.
    Alone,
}

impl Profile {
    /// Most of the forms with enough answers are low on both sides: "balanced" would mislead.
    pub fn mostly_low(&self) -> bool {
        let leans: Vec<Lean> = self.forms.iter().filter_map(FormScore::lean).collect();
        let low = leans.iter().filter(|l| **l == Lean::BothLow).count();
        low > 0 && low * 2 >= leans.len()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    /// One per form, in content order.
    pub forms: Vec<FormScore>,
    /// The overall balance answer, −3..=3, if given.
    pub balance: Option<i8>,
    /// Mean gap over the forms with enough answers.
    pub overall_gap: Option<f64>,
    /// The direction of the detailed answers; the overall question's when no form has enough.
    pub direction: Direction,
    pub balance_view: BalanceView,
}

/// The value an answer counts as for an item, if it counts at all: "prefer not to answer", "doesn't
/// apply" and values outside the item's scale (a hand-edited document) are left out.
fn scale_value(answer: Option<&Answer>) -> Option<f64> {
    match answer {
        Some(Answer::Value(v)) if FREQUENCY.contains(v) => Some(f64::from(*v)),
        _ => None,
    }
}

fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

fn score_form(content: &'static Content, form: Id, attempt: &Attempt) -> FormScore {
    let items: Vec<&Item> = content
        .later()
        .items
        .iter()
        .filter(|i| i.form == form)
        .collect();
    let answered = |side: Side| -> Vec<f64> {
        items
            .iter()
            .filter(|i| i.side == side)
            .filter_map(|i| scale_value(attempt.answers.get(i.id)))
            .collect()
    };
    let not_applicable = items
        .iter()
        .filter(|i| attempt.answers.get(i.id) == Some(&Answer::NotApplicable))
        .count();
    // "Mostly": at least half of the form's statements.
    if not_applicable > 0 && not_applicable * 2 >= items.len() {
        return FormScore {
            form,
            give: None,
            receive: None,
            not_applicable: true,
        };
    }
    let (give, receive) = (answered(Side::Give), answered(Side::Receive));
    let applies = items.len() - not_applicable;
    let enough =
        (give.len() + receive.len()) * MIN_ANSWERED_DENOMINATOR >= applies * MIN_ANSWERED_NUMERATOR;
    // One side without answers makes the other side's mean meaningless as a comparison.
    let both = enough && !give.is_empty() && !receive.is_empty();
    FormScore {
        form,
        give: mean(&give).filter(|_| both),
        receive: mean(&receive).filter(|_| both),
        not_applicable: false,
    }
}

/// Answers every statement of `forms` in `attempt`: its "give" statements with `give`, its "receive"
/// statements with `receive`. For worked examples of the rules: the tests and `docs/PLAN-RULES.md`.
pub fn answer_forms(
    content: &Content,
    attempt: &mut Attempt,
    forms: &[&str],
    give: i8,
    receive: i8,
) {
    for item in content
        .later()
        .items
        .iter()
        .filter(|i| forms.contains(&i.form))
    {
        let value = if item.side == Side::Give {
            give
        } else {
            receive
        };
        attempt
            .answers
            .insert(item.id.to_owned(), Answer::Value(value));
    }
}

pub fn profile(content: &'static Content, attempt: &Attempt) -> Profile {
    let forms: Vec<FormScore> = content
        .later()
        .forms
        .iter()
        .map(|form| score_form(content, form.id, attempt))
        .collect();
    let balance = match attempt.answers.get(content.later().balance.id) {
        Some(Answer::Value(v)) if BALANCE.contains(v) => Some(*v),
        _ => None,
    };
    let gaps: Vec<f64> = forms.iter().filter_map(FormScore::gap).collect();
    let overall_gap = mean(&gaps);
    let from_forms = overall_gap.map(|gap| {
        if gap >= DIRECTION_THRESHOLD {
            Direction::GivesMore
        } else if gap <= -DIRECTION_THRESHOLD {
            Direction::ReceivesMore
        } else {
            Direction::Balanced
        }
    });
    let from_balance = balance.map(Direction::of_balance);
    // The six forms speak in more detail than the single overall question, so they give the
    // direction when they can; the overall question is never dropped, though (see `balance_view`).
    let direction = from_forms.or(from_balance).unwrap_or(Direction::Unknown);
    let balance_view = match (from_forms, from_balance) {
        (Some(a), Some(b)) if a == b => BalanceView::Agrees,
        (Some(_), Some(_)) => BalanceView::Differs,
        _ => BalanceView::Alone,
    };
    Profile {
        forms,
        balance,
        overall_gap,
        direction,
        balance_view,
    }
}

/// What the plan says under "How the give and take looks", paragraph by paragraph: the direction, the
/// article's words for someone who gives more, the answer to the overall question, and whether it
/// agrees with the details or differs (never dropped).
pub fn direction_paragraphs(content: &Content, profile: &Profile) -> Vec<String> {
    let part_ui = &content.later().part_ui;
    let direction = if profile.direction == Direction::Balanced && profile.mostly_low() {
        part_ui.direction_both_low
    } else {
        profile.direction.describe(content)
    };
    let mut out = vec![direction.to_string()];
    if profile.direction == Direction::GivesMore {
        out.push(part_ui.direction_gives_more_note.to_string());
    }
    let answer = profile.balance.and_then(|b| {
        content
            .later()
            .balance
            .options
            .get(usize::try_from(b + 3).ok()?)
    });
    if let Some(answer) = answer {
        out.push(fill(part_ui.balance_answer, &[("answer", &**answer)]));
    }
    match profile.balance_view {
        BalanceView::Agrees => out.push(part_ui.balance_agrees.to_string()),
        BalanceView::Differs => out.push(part_ui.balance_differs.to_string()),
        BalanceView::Alone => {}
    }
    out
}

/// Why a step was suggested.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    /// The overall direction of the detailed answers (or of the overall question alone).
    Direction(Direction),
    /// The overall question, where it differs from the details.
    Balance(Direction),
    /// A form whose answers lean one way, or are low on both sides.
    Form(Id, Lean),
}

impl Reason {
    /// The reason in plain words, naming the form and the way it leans.
    pub fn describe(&self, content: &Content) -> String {
        let part_ui = &content.later().part_ui;
        match self {
            Reason::Form(form, lean) => describe_forms(content, &[form], *lean),
            Reason::Direction(Direction::GivesMore) => part_ui.reason_gives_more.to_string(),
            Reason::Direction(Direction::ReceivesMore) => part_ui.reason_receives_more.to_string(),
            Reason::Direction(_) => part_ui.reason_balanced.to_string(),
            Reason::Balance(Direction::GivesMore) => part_ui.reason_balance_gives_more.to_string(),
            Reason::Balance(Direction::ReceivesMore) => {
                part_ui.reason_balance_receives_more.to_string()
            }
            Reason::Balance(_) => part_ui.reason_balance_even.to_string(),
        }
    }

    /// Whether this reason says the visitor's answers lean towards giving more.
    pub fn leans_giving(&self) -> bool {
        matches!(
            self,
            Reason::Direction(Direction::GivesMore)
                | Reason::Balance(Direction::GivesMore)
                | Reason::Form(_, Lean::GivesMore)
        )
    }
}

/// One sentence for the forms that lean the same way: "In “Practical reciprocity” and “Healing
/// reciprocity”, your answers lean towards you giving more."
fn describe_forms(content: &Content, forms: &[&Id], lean: Lean) -> String {
    let part_ui = &content.later().part_ui;
    let template = match lean {
        Lean::GivesMore => part_ui.reason_form_gives_more,
        Lean::ReceivesMore => part_ui.reason_form_receives_more,
        // Balanced forms bring no step, so no reason of their own.
        Lean::BothLow | Lean::Balanced => part_ui.reason_form_both_low,
    };
    fill(template, &[("forms", &quoted_forms(content, forms))])
}

/// The names of `forms`, each quoted, as a list in the language's words: "“Practical reciprocity” and
/// “Healing reciprocity”".
pub fn quoted_forms(content: &Content, forms: &[&Id]) -> String {
    let part_ui = &content.later().part_ui;
    let names: Vec<String> = forms
        .iter()
        .map(|form| {
            let name = content.form(form).map_or(**form, |f| f.name.get());
            fill(part_ui.form_quoted, &[("form", name)])
        })
        .collect();
    match names.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!(
            "{}{}{last}",
            rest.join(&*part_ui.list_separator),
            part_ui.list_last_separator.get()
        ),
        None => String::new(),
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Recommendation {
    pub step: Id,
    pub reasons: Vec<Reason>,
}

impl Recommendation {
    /// Why this step was suggested, in plain words: one line for the direction, one for the overall
    /// question, and one per way the forms lean, naming every form that leans that way.
    pub fn reasons_in_words(&self, content: &Content) -> Vec<String> {
        let mut lines = Vec::new();
        let mut by_lean: Vec<(Lean, Vec<&Id>)> = Vec::new();
        for reason in &self.reasons {
            match reason {
                Reason::Form(form, lean) => match by_lean.iter_mut().find(|(l, _)| l == lean) {
                    Some((_, forms)) => forms.push(form),
                    None => by_lean.push((*lean, vec![form])),
                },
                other => lines.push(other.describe(content)),
            }
        }
        lines.extend(
            by_lean
                .into_iter()
                .map(|(lean, forms)| describe_forms(content, &forms, lean)),
        );
        lines
    }

    /// The answers behind this step lean towards the visitor giving more: its actions that ask them
    /// to do more for the other person come last, never first.
    pub fn protects_giver(&self) -> bool {
        self.reasons.iter().any(Reason::leans_giving)
    }
}

/// A suggested step's actions for `relationship`, in the order the plan shows them: when the reasons
/// lean towards the visitor giving more, the actions that ask them to do more for the other person
/// come last.
pub fn ordered_actions(
    content: &'static Content,
    recommendation: &Recommendation,
    relationship: Option<Relationship>,
) -> Vec<&'static ChecklistAction> {
    content
        .step(recommendation.step)
        .map(|step| step.actions_in_order(relationship, recommendation.protects_giver()))
        .unwrap_or_default()
}

/// What the plan tells "Learn more" about the answers, to choose the passages it links to: the
/// direction, or "mixed" when the forms lean different ways or the overall question differs, "both
/// low" when a form is low on both sides, and who the check was about.
pub fn learn_hints(profile: &Profile, relationship: Option<Relationship>) -> Vec<Hint> {
    let leans: Vec<Lean> = profile.forms.iter().filter_map(FormScore::lean).collect();
    let mixed = (leans.contains(&Lean::GivesMore) && leans.contains(&Lean::ReceivesMore))
        || profile.balance_view == BalanceView::Differs;
    let mut hints = Vec::new();
    match profile.direction {
        Direction::GivesMore => hints.push(Hint::GivesMore),
        Direction::ReceivesMore => hints.push(Hint::ReceivesMore),
        Direction::Balanced if leans.contains(&Lean::BothLow) => hints.push(Hint::BothLow),
        Direction::Balanced => hints.push(Hint::Balanced),
        Direction::Unknown => {}
    }
    if mixed {
        hints.push(Hint::Mixed);
    }
    hints.extend(relationship.map(Hint::About));
    hints
}

/// The two or three "Learn more" passages the plan links to, with the names the content gives them.
pub fn learn_links(
    content: &'static Content,
    profile: &Profile,
    relationship: Option<Relationship>,
) -> Vec<(&'static str, Text)> {
    passages_for(&learn_hints(profile, relationship))
        .into_iter()
        .filter_map(|id| {
            let (_, name) = content
                .later()
                .learn_links
                .iter()
                .find(|(link, _)| *link == id)?;
            Some((id, *name))
        })
        .collect()
}

/// The steps a direction suggests, from the content's plan rules.
/// Whether `a` ranks before `b` in the plan: a higher score, or the same score and earlier in the
/// content.
fn stronger(a: &(usize, f64, Recommendation), b: &(usize, f64, Recommendation)) -> bool {
    b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)).is_lt()
}

fn direction_steps(content: &'static Content, direction: Direction) -> &'static [Id] {
    match direction {
        Direction::GivesMore => content.later().plan.gives_more,
        Direction::ReceivesMore => content.later().plan.receives_more,
        Direction::Balanced => content.later().plan.balanced,
        Direction::Unknown => &[],
    }
}

/// The steps a form's lean suggests: the form's own rule, or for "both low" the shared one.
fn form_steps(content: &'static Content, form: Id, lean: Lean) -> &'static [Id] {
    let rule = content
        .later()
        .plan
        .forms
        .iter()
        .find(|(id, _)| *id == form);
    match (lean, rule) {
        (Lean::GivesMore, Some((_, rule))) => rule.gives_more,
        (Lean::ReceivesMore, Some((_, rule))) => rule.receives_more,
        (Lean::BothLow, _) => content.later().plan.both_low,
        _ => &[],
    }
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
    let mut add = |steps: &[Id], weight: f64, reason: Reason| {
        for (rank, step) in steps.iter().enumerate() {
            if let Some((score, rec)) = scores.iter_mut().find(|(_, r)| r.step == *step) {
                *score += weight * (1.0 - 0.05 * rank as f64);
                rec.reasons.push(reason.clone());
            }
        }
    };

    // "Keep it going" weighs less than anything out of line, and says nothing where little goes
    // either way (the forms low on both sides speak for themselves).
    let direction_weight = if profile.direction == Direction::Balanced {
        BALANCE_WEIGHT
    } else {
        DIRECTION_WEIGHT
    };
    if !(profile.direction == Direction::Balanced && profile.mostly_low()) {
        add(
            direction_steps(content, profile.direction),
            direction_weight,
            Reason::Direction(profile.direction),
        );
    }
    if profile.balance_view == BalanceView::Differs {
        if let Some(balance) = profile.balance.map(Direction::of_balance) {
            add(
                direction_steps(content, balance),
                BALANCE_WEIGHT,
                Reason::Balance(balance),
            );
        }
    }
    for form in &profile.forms {
        if let Some(lean) = form.lean() {
            add(
                form_steps(content, form.form, lean),
                form.strength(),
                Reason::Form(form.form, lean),
            );
        }
    }

    let mut ranked: Vec<(usize, f64, Recommendation)> = scores
        .into_iter()
        .enumerate()
        .filter(|(_, (score, _))| *score > 0.0)
        .map(|(order, (score, rec))| (order, score, rec))
        .collect();
    // Strongest first, ties in the content's order. By insertion: a handful of items, and the
    // standard library's sort would add about 6 KB of wasm.
    for i in 1..ranked.len() {
        let mut j = i;
        while j > 0 && stronger(&ranked[j], &ranked[j - 1]) {
            ranked.swap(j, j - 1);
            j -= 1;
        }
    }
    ranked
        .into_iter()
        .take(PLAN_SIZE)
        .map(|(_, _, rec)| rec)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::relationship::Relationship;

    fn content() -> &'static Content {
        &crate::core::content::bundled::CONTENT
    }

    /// An attempt answering every give item with `give` and every receive item with `receive`.
    fn uniform(give: i8, receive: i8) -> Attempt {
        let forms: Vec<&str> = content().later().forms.iter().map(|f| f.id).collect();
        with_forms(
            Attempt::new(0, Some(Relationship::Partner)),
            &forms,
            give,
            receive,
        )
    }

    /// `attempt` with every item of `form` answered `give` / `receive`.
    fn with_form(attempt: Attempt, form: &str, give: i8, receive: i8) -> Attempt {
        with_forms(attempt, &[form], give, receive)
    }

    fn with_forms(mut attempt: Attempt, forms: &[&str], give: i8, receive: i8) -> Attempt {
        answer_forms(content(), &mut attempt, forms, give, receive);
        attempt
    }

    fn with_balance(mut attempt: Attempt, balance: i8) -> Attempt {
        attempt.answers.insert(
            content().later().balance.id.to_owned(),
            Answer::Value(balance),
        );
        attempt
    }

    fn steps(recs: &[Recommendation]) -> Vec<&str> {
        recs.iter().map(|r| r.step).collect()
    }

    fn items_of(form: &str, side: Side) -> Vec<String> {
        content()
            .later()
            .items
            .iter()
            .filter(|i| i.form == form && i.side == side)
            .map(|i| i.id.to_owned())
            .collect()
    }

    fn form<'a>(p: &'a Profile, id: &str) -> &'a FormScore {
        p.forms.iter().find(|f| f.form == id).unwrap()
    }

    #[test]
    fn means_and_gaps_per_form() {
        let mut attempt = uniform(4, 2);
        let give = items_of("emotional", Side::Give);
        attempt.answers.insert(give[0].clone(), Answer::Value(1));
        let p = profile(content(), &attempt);
        let emotional = form(&p, "emotional");
        let expected = (1.0 + 4.0 * (give.len() as f64 - 1.0)) / give.len() as f64;
        assert_eq!(emotional.give, Some(expected));
        assert_eq!(emotional.receive, Some(2.0));
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
        assert!(form(&p, "practical").has_enough(), "3 of 4 answered counts");

        attempt.answers.remove(&receive[0]);
        let p = profile(content(), &attempt);
        assert_eq!(form(&p, "practical").give, None, "2 of 4 is not enough");
        assert!(
            !form(&p, "practical").not_applicable,
            "and it is not 'doesn't apply'"
        );
    }

    #[test]
    fn doesn_t_apply_is_neither_never_nor_counted() {
        let mut attempt = uniform(4, 4);
        for item in content()
            .later()
            .items
            .iter()
            .filter(|i| i.form == "conflict")
        {
            attempt
                .answers
                .insert(item.id.to_owned(), Answer::NotApplicable);
        }
        let p = profile(content(), &attempt);
        let conflict = form(&p, "conflict");
        assert!(conflict.not_applicable);
        assert_eq!((conflict.give, conflict.lean()), (None, None));
        assert!(
            recommend(content(), &p).iter().all(|r| !r
                .reasons
                .iter()
                .any(|x| matches!(x, Reason::Form("conflict", _)))),
            "no step for a form that doesn't apply lately"
        );
        // One statement that doesn't apply leaves the form counted on the others.
        let mut attempt = uniform(4, 2);
        let give = items_of("healing", Side::Give);
        attempt
            .answers
            .insert(give[0].clone(), Answer::NotApplicable);
        let p = profile(content(), &attempt);
        assert_eq!(form(&p, "healing").give, Some(4.0));
        assert!(!form(&p, "healing").not_applicable);
    }

    #[test]
    fn leans_need_a_whole_step_and_both_low_is_its_own_shape() {
        let lean = |give, receive| profile(content(), &uniform(give, receive)).forms[0].lean();
        assert_eq!(lean(5, 4), Some(Lean::Balanced));
        assert_eq!(lean(4, 3), Some(Lean::Balanced));
        assert_eq!(lean(5, 3), Some(Lean::GivesMore));
        assert_eq!(lean(2, 4), Some(Lean::ReceivesMore));
        assert_eq!(lean(2, 2), Some(Lean::BothLow));
        assert_eq!(lean(3, 3), Some(Lean::Balanced));
    }

    /// The table of profile shapes a counsellor reads in docs/PLAN-RULES.md: steps, in order, and
    /// what the direction and the overall question say.
    #[test]
    fn the_plan_for_each_profile_shape() {
        struct Case {
            name: &'static str,
            attempt: Attempt,
            direction: Direction,
            balance_view: BalanceView,
            steps: &'static [&'static str],
        }
        let cases = [
            Case {
                name: "gives more in every form",
                attempt: uniform(5, 2),
                direction: Direction::GivesMore,
                balance_view: BalanceView::Alone,
                steps: &["express", "practice", "reflect"],
            },
            Case {
                name: "receives more in every form",
                attempt: uniform(2, 5),
                direction: Direction::ReceivesMore,
                balance_view: BalanceView::Alone,
                steps: &["invest", "observe", "check_in"],
            },
            Case {
                name: "balanced",
                attempt: uniform(4, 4),
                direction: Direction::Balanced,
                balance_view: BalanceView::Alone,
                steps: &["observe", "check_in"],
            },
            Case {
                name: "low on both sides",
                attempt: uniform(2, 2),
                direction: Direction::Balanced,
                balance_view: BalanceView::Alone,
                steps: &["reflect", "check_in"],
            },
            Case {
                name: "balanced, but gives clearly more in emotional",
                attempt: with_form(uniform(4, 4), "emotional", 5, 3),
                direction: Direction::Balanced,
                balance_view: BalanceView::Alone,
                steps: &["express", "practice", "observe"],
            },
            Case {
                name: "balanced, but receives clearly more in conflict",
                attempt: with_form(uniform(4, 4), "conflict", 3, 5),
                direction: Direction::Balanced,
                balance_view: BalanceView::Alone,
                steps: &["observe", "repair", "check_in"],
            },
            Case {
                name: "gives more, and the overall question agrees",
                attempt: with_balance(uniform(5, 2), 2),
                direction: Direction::GivesMore,
                balance_view: BalanceView::Agrees,
                steps: &["express", "practice", "reflect"],
            },
            Case {
                name: "gives more, but the overall question says they receive more",
                attempt: with_balance(uniform(5, 2), -2),
                direction: Direction::GivesMore,
                balance_view: BalanceView::Differs,
                steps: &["express", "practice", "reflect"],
            },
            Case {
                name: "only the overall question answered",
                attempt: with_balance(Attempt::new(0, Some(Relationship::Friend)), 3),
                direction: Direction::GivesMore,
                balance_view: BalanceView::Alone,
                steps: &["practice", "express", "reflect"],
            },
        ];
        for case in cases {
            let p = profile(content(), &case.attempt);
            assert_eq!(p.direction, case.direction, "{}", case.name);
            assert_eq!(p.balance_view, case.balance_view, "{}", case.name);
            let recs = recommend(content(), &p);
            assert_eq!(steps(&recs), case.steps, "{}", case.name);
            assert!(
                recs.iter().all(|r| !r.reasons.is_empty()),
                "{}: every step says why",
                case.name
            );
        }
    }

    #[test]
    fn a_form_out_of_line_names_itself_and_its_lean() {
        let p = profile(content(), &with_form(uniform(4, 4), "emotional", 5, 3));
        let recs = recommend(content(), &p);
        let express = recs.iter().find(|r| r.step == "express").unwrap();
        assert!(express
            .reasons
            .contains(&Reason::Form("emotional", Lean::GivesMore)));
        assert!(express.protects_giver());
    }

    #[test]
    fn forms_leaning_the_same_way_share_one_sentence() {
        let p = profile(content(), &uniform(5, 2));
        let recs = recommend(content(), &p);
        let lines = recs[0].reasons_in_words(content());
        assert_eq!(lines[0], content().later().part_ui.reason_gives_more);
        let forms = lines.last().unwrap();
        assert!(
            forms.starts_with("In “") && forms.contains("” and “"),
            "{forms}"
        );
        assert_eq!(lines.len(), 2, "{lines:?}");
    }

    #[test]
    fn the_plan_links_to_passages_that_fit_and_every_link_has_a_name() {
        let giver = profile(content(), &uniform(5, 2));
        let links = learn_links(content(), &giver, Some(Relationship::Friend));
        let ids: Vec<&str> = links.iter().map(|(id, _)| *id).collect();
        assert_eq!(ids.len(), 3, "{ids:?}");
        assert_eq!(ids[0], "if-you-give-more");
        assert!(ids.contains(&"with-a-friend"), "{ids:?}");
        // Every passage any plan can link to has a name in the content.
        for hint in Hint::all() {
            for id in passages_for(&[hint]) {
                assert!(
                    content()
                        .later()
                        .learn_links
                        .iter()
                        .any(|(link, _)| *link == id),
                    "no name for the Learn passage {id}"
                );
            }
        }
    }

    #[test]
    fn low_on_both_sides_is_not_called_balanced() {
        let p = profile(content(), &uniform(2, 2));
        assert!(p.mostly_low());
        let said = direction_paragraphs(content(), &p);
        assert_eq!(said[0], content().later().part_ui.direction_both_low);
        let recs = recommend(content(), &p);
        assert!(recs
            .iter()
            .all(|r| !r.reasons.contains(&Reason::Direction(Direction::Balanced))));
        assert!(!profile(content(), &uniform(4, 4)).mostly_low());
    }

    #[test]
    fn no_answers_no_plan() {
        let p = profile(content(), &Attempt::new(0, None));
        assert_eq!(p.direction, Direction::Unknown);
        assert!(recommend(content(), &p).is_empty());
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// Per form a (give, receive) pair where giving is clearly higher, or the form left out.
        fn giving_profile() -> impl Strategy<Value = Attempt> {
            proptest::collection::vec(
                proptest::option::of(
                    (3i8..=5, 1i8..=5).prop_filter("clearly more", |(g, r)| g - r >= 2),
                ),
                6,
            )
            .prop_flat_map(|forms| (Just(forms), proptest::option::of(-3i8..=3)))
            .prop_map(|(forms, balance)| {
                let mut attempt = Attempt::new(0, Some(Relationship::Partner));
                for (form, pair) in content().later().forms.iter().zip(forms) {
                    if let Some((give, receive)) = pair {
                        attempt = with_form(attempt, form.id, give, receive);
                    }
                }
                if let Some(balance) = balance {
                    attempt = with_balance(attempt, balance);
                }
                attempt
            })
        }

        proptest! {
            /// Someone whose every answered form leans towards giving is never sent first to the step
            /// whose actions are all about doing more for the other person, and every step they get
            /// carries the over-giver's ordering of its actions.
            #[test]
            fn an_over_giver_is_never_told_to_give_more_first(attempt in giving_profile()) {
                let p = profile(content(), &attempt);
                let recs = recommend(content(), &p);
                // With no form answered, nothing leans any way: nothing to check.
                prop_assume!(p.forms.iter().any(FormScore::has_enough));
                prop_assert!(!recs.is_empty());
                prop_assert_ne!(recs[0].step, "invest");
                prop_assert_ne!(recs[0].step, "repair");
                for rec in &recs {
                    if rec.reasons.iter().any(|r| matches!(r, Reason::Form(..) | Reason::Direction(_))) {
                        prop_assert!(rec.protects_giver(), "{:?}", rec);
                    }
                    // The first action the visitor reads under each step, for whoever it is about.
                    for relationship in Relationship::ALL.into_iter().map(Some).chain([None]) {
                        let actions = ordered_actions(content(), rec, relationship);
                        prop_assert!(!actions.is_empty());
                        prop_assert!(
                            !actions[0].does_more,
                            "{} for {:?} opens with {}",
                            rec.step,
                            relationship,
                            actions[0].id
                        );
                    }
                }
            }
        }
    }
}
