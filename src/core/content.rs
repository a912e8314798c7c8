//! The widget's words, as data.
//!
//! Everything a visitor reads comes from one JSON file per language (`content/<lang>.json`). `build.rs`
//! turns its shape into `static` values of the types below (so the browser downloads no JSON
//! deserializer for them), with every string a visitor reads as a [`Text`], a place in the language's
//! table that the browser downloads for the visitor's language only (see `core/text.rs`); ids and
//! numbers, the same in every language, are [`Id`]s compiled in. Keeping text out of the components
//! means a translation is a new file, not a code change, and lets a native test check every string, id
//! and cross-reference before a browser ever sees them (see [`Content::validate`]).

use super::relationship::Relationship;
use super::sorted::SortedSet;
use super::strings::{cat, replace};
use std::collections::BTreeSet;

pub use super::text::Text;

/// A string that is the same in every language and compiled in: an id, a phone number, a keyword a
/// service expects.
pub type Id = &'static str;

/// The bundled content files.
pub mod bundled {
    use super::*;
    include!(concat!(env!("OUT_DIR"), "/content.rs"));
}

/// Which way an item points: what the visitor does for the other person, or what they receive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Side {
    Give,
    Receive,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Content {
    /// BCP 47 tag put on the widget's root element.
    pub lang: Text,
    /// `ltr` or `rtl`; Arabic needs the latter.
    pub dir: Text,
    pub ui: UiText,
    pub intro: Intro,
    /// The seven RECIPRO steps, in framework order.
    pub steps: &'static [Step],
    /// Who the check is about; each changes the wording of the items.
    pub contexts: &'static [RelationshipContext],
    pub support: Support,
}

/// The content only the parts of the wasm arriving on first use read (the check, the plan,
/// Practice, the check taken together, the results an event carries): kept apart from [`Content`]
/// so that the first screen's download does not carry it (`apart` in build.rs). Reached through
/// [`Content::later`].
#[derive(Debug, Clone, PartialEq)]
pub struct Later {
    /// Only for the sections that arrive on first use: see [`PartUiText`].
    pub part_ui: PartUiText,
    /// The article's small rituals, for the practice log, in the order shown.
    pub rituals: &'static [Ritual],
    /// The six hidden forms of reciprocity, in the article's order.
    pub forms: &'static [Form],
    /// Forms whose statements touch on hard times (stress, grief, recovery): the content note before
    /// the check lets the visitor leave them out.
    pub sensitive_forms: &'static [Id],
    /// Labels of the 1..=5 frequency scale, lowest first (Never … Always). Its words come with the
    /// sections that arrive on first use (`later` in build.rs).
    pub scale: &'static [Text],
    pub items: &'static [Item],
    /// The single global balance item on a 7-point scale.
    pub balance: BalanceItem,
    pub plan: PlanRules,
    /// The names of the "Learn more" passages the plan links to, by passage id: the plan is shown
    /// before the Learn text is fetched, so it carries the few names it needs.
    pub learn_links: &'static [(Id, Text)],
}

/// Crisis and support lines per region, for the "Need support now?" panel. The numbers come from
/// public sources checked in November 2026 (see RESEARCH notes in the README); names are translated.
#[derive(Debug, Clone, PartialEq)]
pub struct Support {
    pub regions: &'static [Region],
}

#[derive(Debug, Clone, PartialEq)]
pub struct Region {
    /// ISO 3166 code: US, CA, GB, AU, IN, AE.
    pub id: Id,
    pub name: Text,
    /// The emergency number.
    pub emergency: Id,
    pub lines: &'static [SupportLine],
    /// Lines for anyone whom someone close frightens, controls or hurts (domestic abuse), shown under
    /// their own heading. Names are the services' own; the wording around them assumes no gender.
    pub abuse_lines: &'static [SupportLine],
    /// Said instead of (or after) `abuse_lines` where there is no single line to call: Canada has no
    /// national one, so the note says to call 911 in danger and where local shelters' lines are
    /// listed, as text (an address to look up, not a number). Empty when there is nothing to add.
    pub abuse_note: Text,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SupportLine {
    pub name: Text,
    /// The number to call, as written locally.
    pub call: Id,
    /// The number to text, or empty.
    pub text: Id,
    /// The word to send to `text` (US: "START" to 88788), or empty.
    pub text_word: Id,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Intro {
    pub heading: Text,
    /// What reciprocity is, in plain words from the article.
    pub paragraphs: &'static [Text],
    /// Where answers are kept (this browser only).
    pub privacy: Text,
    /// That this is for reflection and is not a diagnosis.
    pub not_diagnosis: Text,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// Stable id, also used in saved progress and in plan rules.
    pub id: Id,
    /// The framework letter (R, E, C, I, P, R, O).
    pub letter: Text,
    pub title: Text,
    /// One line saying what the step is about.
    pub summary: Text,
    pub actions: &'static [ChecklistAction],
}

#[derive(Debug, Clone, PartialEq)]
pub struct ChecklistAction {
    /// Stable id stored when the action is checked; never reuse an id for a different action (ticks
    /// are kept by id, also while the action is hidden for the relationship chosen).
    pub id: Id,
    /// The wording for every relationship without a wording of its own.
    pub text: Text,
    /// Wording for a relationship where the default does not fit, keyed by relationship id (like
    /// `Item::by_context`). The one in use: `practice-pause-overgiving` for `family`. The article
    /// says "Parents often give more than they receive, but reciprocity still exists", so for a
    /// family member the step speaks of an adult in the family and says plainly that it is not about
    /// a parent caring for a child: a parent is never told to stop giving to a child.
    pub by_context: &'static [(Id, Text)],
    /// The relationships the action fits (ids); empty means every one. A colleague is never offered
    /// the nightly or mealtime rituals the article tells of couples and families; the article's own
    /// examples decide the rest (a family's monthly check-in and shared caregiving, a friend taking
    /// turns at getting in touch, a workplace's reciprocal feedback sessions).
    pub only_for: &'static [Id],
    /// Whether the action asks for repair, openness, patience or a first move: it is then shown with
    /// [`UiText::action_when_safe`] ("When it feels safe to do so."), because such advice can raise
    /// the risk for someone the other person frightens, controls or hurts.
    pub ask_safe: bool,
    /// Whether the action asks the visitor to do more for the other person. The rule:
    /// - `true`: investing small acts of care, giving appreciation or attention, starting a check-in
    ///   or a ritual, making a first move or taking a turn at repair, moving towards the other's view
    ///   in a disagreement, listening more closely;
    /// - `false`: noticing and reflecting, expressing one's own needs, accepting support, pausing
    ///   the overgiving, sharing out tasks or caregiving more fairly, watching the other's effort.
    ///
    /// When in doubt, `true`: the plan never opens with a `true` action for a visitor whose answers
    /// lean towards giving more ("The answer is not to give more. It is to pause the overgiving and
    /// express what you need.").
    pub does_more: bool,
    /// The passage of the article this action comes from (for reviewers, not shown).
    pub source: Id,
}

impl ChecklistAction {
    /// Whether the action is shown for `relationship` (every action when none is known).
    pub fn fits(&self, relationship: Option<Relationship>) -> bool {
        match relationship {
            Some(r) if !self.only_for.is_empty() => self.only_for.contains(&r.id()),
            _ => true,
        }
    }

    /// The action's wording for `relationship`.
    pub fn text_for(&self, relationship: Option<Relationship>) -> Text {
        relationship
            .and_then(|r| self.by_context.iter().find(|(id, _)| *id == r.id()))
            .map_or(self.text, |(_, text)| *text)
    }
}

/// A ritual of the article the visitor can mark as practised on a day. Its wording, who it fits and
/// whether it comes with "when it feels safe" are those of the checklist action it names, so the two
/// never disagree.
#[derive(Debug, Clone, PartialEq)]
pub struct Ritual {
    /// Stable id stored in practice marks.
    pub id: Id,
    /// A short name ("Two-minute appreciation").
    pub name: Text,
    /// The id of the checklist action that describes it.
    pub action: Id,
}

impl Content {
    /// The rituals shown for `relationship` with their actions, in order.
    pub fn rituals_for(
        &self,
        relationship: Option<Relationship>,
    ) -> impl Iterator<Item = (&'static Ritual, &'static ChecklistAction)> {
        let steps = self.steps;
        self.later().rituals.iter().filter_map(move |ritual| {
            let action = steps
                .iter()
                .flat_map(|s| s.actions.iter())
                .find(|a| a.id == ritual.action)?;
            action.fits(relationship).then_some((ritual, action))
        })
    }
}

impl Step {
    /// The step's actions shown for `relationship`, in order.
    pub fn actions_for(
        &self,
        relationship: Option<Relationship>,
    ) -> impl Iterator<Item = &'static ChecklistAction> {
        let actions: &'static [ChecklistAction] = self.actions;
        actions.iter().filter(move |a| a.fits(relationship))
    }

    /// The actions for `relationship` in the order to show them. For someone whose answers lean
    /// towards giving more (`giver_first`), the actions that ask them to do more for the other
    /// person come after all the others, never first; otherwise the content's order.
    pub fn actions_in_order(
        &self,
        relationship: Option<Relationship>,
        giver_first: bool,
    ) -> Vec<&'static ChecklistAction> {
        let actions = self.actions_for(relationship);
        if !giver_first {
            return actions.collect();
        }
        // Within each group the content's order stays.
        let (others, more): (Vec<_>, Vec<_>) = actions.partition(|a| !a.does_more);
        others.into_iter().chain(more).collect()
    }

    /// How many of the actions shown for `relationship` are ticked in `done`, and how many are shown.
    pub fn progress(
        &self,
        done: &SortedSet<String>,
        relationship: Option<Relationship>,
    ) -> (usize, usize) {
        count(self.actions_for(relationship), done)
    }
}

fn count<'a>(
    actions: impl Iterator<Item = &'a ChecklistAction>,
    done: &SortedSet<String>,
) -> (usize, usize) {
    actions.fold((0, 0), |(ticked, shown), a| {
        (ticked + usize::from(done.contains(a.id)), shown + 1)
    })
}

/// Phrases that mark an English action as asking for repair, openness, patience or a first move
/// (matched in lower case against every wording of the action): such an action must carry
/// `ask_safe`. Broad on purpose; a flag where none was needed costs one calm sentence.
pub const ASK_SAFE_WORDS_EN: &[&str] = &[
    // repair
    "repair",
    "make up",
    "making up",
    "make things right",
    "apolog",
    "reset",
    "clear the air",
    "disagreement",
    // a first move
    "first move",
    "reach out",
    "take a turn",
    "take turns",
    "initiat",
    "suggest",
    // openness
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
    "open up",
    "vulnerab",
    // patience
    "patien",
    "give it time",
    "some time",
    "wait",
    "giving up",
];

#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    pub id: Id,
    /// e.g. "Practical reciprocity".
    pub name: Text,
    /// One line on what the form is about (`description` in the content file). No view shows it yet;
    /// its words come with the sections that arrive on first use (`later` in build.rs).
    pub form_description: Text,
    pub source: Id,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RelationshipContext {
    /// `partner`, `family`, `friend` or `colleague`.
    pub id: Id,
    /// Choice label, e.g. "A partner".
    pub label: Text,
    /// Above each statement of the check, e.g. "Thinking about your partner". (Its words come with
    /// the sections that arrive on first use: `later` in build.rs.)
    pub thinking_about: Text,
    /// The note before the check about statements on hard times, naming who it is about
    /// (`content_note` in the content file; `later` too).
    pub hard_times_note: Text,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub id: Id,
    /// Id of one of [`Later::forms`].
    pub form: Id,
    pub side: Side,
    /// The first-person statement for each relationship (keyed by its id), each a whole sentence:
    /// no name is ever put into a template, since French, Hindi and Arabic agree words with who the
    /// other person is. The validator makes sure every relationship has one. (`text` in the content
    /// file; its words come with the sections that arrive on first use: `later` in build.rs.)
    pub statement: &'static [(Id, Text)],
    /// Whether "Doesn't apply to us lately" is offered (no disagreements, no hard times lately).
    pub may_not_apply: bool,
    pub source: Id,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BalanceItem {
    pub id: Id,
    /// The question for each relationship (keyed by its id), each a whole sentence (`text` in the
    /// content file; its words come with the sections, as the statements' do).
    pub statement: &'static [(Id, Text)],
    /// Seven labels from −3 ("they give much more than I do") to +3 ("I give much more than they do").
    pub options: &'static [Text],
    pub source: Id,
}

/// Which RECIPRO steps fit which profile. Step ids are listed most fitting first.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanRules {
    /// Steps for answers that lean, overall, towards the visitor giving more: pausing the overgiving,
    /// expressing needs, accepting support; never "do more for them" first.
    pub gives_more: &'static [Id],
    /// Steps for answers that lean towards the visitor receiving more: investing, noticing the other's
    /// effort.
    pub receives_more: &'static [Id],
    pub balanced: &'static [Id],
    /// Steps for a form low on both sides: reflecting, and checking in together.
    pub both_low: &'static [Id],
    /// Per form, the steps for each way it can lean, keyed by form id.
    pub forms: &'static [(Id, FormRule)],
}

/// The steps one form suggests, by the way its answers lean (a balanced form suggests none).
#[derive(Debug, Clone, PartialEq)]
pub struct FormRule {
    pub gives_more: &'static [Id],
    pub receives_more: &'static [Id],
}

/// Every fixed string of the interface. A field per string, so a missing translation is a build error
/// (the generated struct literal lacks a field), not a blank button in a visitor's browser. `{name}` marks a placeholder
/// filled by [`fill`]. The macro also lists the fields by name, so validation covers a new string
/// without anyone remembering to add it there.
macro_rules! ui_text {
    ($(#[$struct_doc:meta])* $name:ident; $($(#[$doc:meta])* $field:ident,)*) => {
        $(#[$struct_doc])*
        #[derive(Debug, Clone, PartialEq)]
        pub struct $name {
            $($(#[$doc])* pub $field: Text,)*
        }

        impl $name {
            /// Every string with its field name.
            pub fn fields(&self) -> Vec<(&'static str, Text)> {
                vec![$((stringify!($field), self.$field)),*]
            }
        }
    };
}

ui_text! {
    UiText;

    widget_label,
    nav_label,
    nav_checklist,
    nav_quiz,
    nav_plan,
    nav_practice,

    checklist_heading,
    checklist_intro,
    /// `{done}`, `{total}`.
    checklist_overall,
    /// `{done}`, `{total}`, `{step}`: accessible name of a step's progress bar.
    checklist_step_progress,
    checklist_reset,
    checklist_reset_question,
    checklist_reset_confirm,
    cancel,
    checklist_reset_done,

    quiz_heading,
    together_heading,
    start,
    back,
    next,
    saved,

    plan_heading,
    practice_heading,
    now,
    /// `{clinic}`: the clinic's name from the `clinic-name` attribute.
    clinic_intro,

    notice_unavailable,
    notice_full,
    /// `{key}`: where the unreadable copy was kept.
    notice_corrupt,
    notice_corrupt_unsaved,
    notice_newer,
    notice_other_tab,
    notice_deleted_elsewhere,
    notice_unread,
    crash_message,
    crash_reload,
    notice_not_saving,
    dismiss,
    toolbar_label,
    exit_button,
    exit_hidden_prefix,
    exit_remaining_2,
    exit_remaining_1,
    exit_expired,
    exit_loading,
    support_button,
    support_heading,
    support_intro,
    /// `{number}`.
    support_emergency,
    /// `{number}`.
    support_call,
    /// `{number}`.
    support_text,
    support_other_regions,
    support_clinic_heading,
    /// Heading above a region's domestic-abuse lines.
    support_abuse_heading,
    /// `{word}`, `{number}`: a line that takes a word by text ("Text START to 88788").
    support_text_word,
    /// Shown with every action marked `ask_safe`.
    action_when_safe,
    /// The checklist's "who is this about" (asked once; the same choice as the check's).
    checklist_relationship_question,
    checklist_relationship_hint,
    /// `{relationship}`: the chosen relationship's label.
    checklist_relationship_current,
    checklist_relationship_change,
    close,
    /// Opens Learn from the checklist and the plan.
    learn_button,
    /// What Learn covers, next to its button.
    learn_teaser,
    learn_heading,
    learn_intro,
    /// Name of Learn's table of contents.
    learn_contents,
    learn_loading,
    /// Learn's text (or a part of the widget) could not be fetched; says that everything the visitor
    /// did is still here.
    learn_failed,
    /// The same, when nothing the visitor did is kept (nothing done yet, or everything deleted), where
    /// "everything is still here" would ring false.
    part_failed,
    learn_retry,
    learn_back_checklist,
    learn_back_plan,
    learn_back_practice,
    /// Back from Learn when it was opened from another section.
    learn_back,
    /// Before a Learn section marked `sensitive`.
    learn_sensitive_note,
    /// After [`UiText::learn_sensitive_note`].
    learn_skip,
    learn_faq_heading,
    /// At the end of Learn: not about balance when the other person frightens, controls or hurts.
    learn_safety,
    data_button,
    data_heading,
    data_delete,
    data_delete_question,
    data_delete_confirm,
    data_deleted,
    /// `{keys}`: the storage keys still there.
    data_delete_incomplete,
    data_delete_unknown,
    /// The label of the language list.
    language_label,
    /// Said when the words of a chosen language could not be loaded.
    language_failed,
}

ui_text! {
    /// The interface text only the sections that arrive on first use read (the check, the plan, Practice,
    /// the check taken together, the controls of "Your data"): its words come with the first of them
    /// (see `build.rs`, `LATER`).
    PartUiText;
    together_note_heading,
    together_intro,
    /// The note before starting together, point by point.
    together_note_want,
    together_note_share,
    together_note_stop,
    together_note_exit,
    together_context_hint,
    together_sensitive_legend,
    together_sensitive_question,
    together_choose_both,
    together_begin,
    together_solo,
    /// Above each statement, whose turn it is.
    together_first_turn,
    together_second_turn,
    together_first_note,
    together_first_hidden,
    together_first_done,
    together_second_done,
    together_handover_heading,
    together_handover_text,
    together_second_start,
    /// Either person, at any step: ends the check taken together and drops every answer of it.
    together_stop,
    together_stop_question,
    together_stop_confirm,
    together_stopped,
    together_again,
    together_results_heading,
    together_results_intro,
    together_table_caption,
    /// Column headings of the results taken together.
    together_first,
    together_second,
    together_person_column,
    together_overall_row,
    together_no_answer,
    together_differences_heading,
    /// `{forms}`: the forms where the first person's "I give" and the second's "I receive" differ (see `core::together::DIFFERENT_STORIES`).
    together_differs_first_gives,
    /// `{forms}`: the other way round.
    together_differs_second_gives,
    together_differs_note,
    together_no_differences,
    together_talk_heading,
    together_talk_intro,
    together_talk_turns,
    together_talk_needs,
    together_talk_together,
    together_talk_reset,
    together_keep_question,
    together_keep_hint,
    together_keep_first,
    together_keep_second,
    together_keep,
    together_keep_both,
    /// Said once the kept results are saved and read back.
    together_kept,
    together_kept_heading,
    /// `{date}`.
    together_kept_item,
    together_delete,
    together_delete_question,
    together_delete_confirm,
    /// Said once the deletion is saved and read back.
    together_deleted,
    quiz_intro,
    /// `{n}`, `{total}`.
    question_progress,
    finish,
    change_context,
    /// `{date}`: shown on the quiz page when the last check is finished.
    quiz_finished,
    see_plan,
    practice_intro,
    practice_gaps,
    /// `{start}`, `{end}`: the week's first and last day.
    practice_week,
    practice_previous_week,
    practice_next_week,
    /// `{ritual}`: the group of a ritual's day buttons.
    practice_days_label,
    /// `{days}`: the days, joined by `list_separator`.
    practice_done_days,
    practice_none,
    /// `{day}`: a day written out.
    practice_note_label,
    /// `{max}`: how many marks are kept; `{notes}`: how many of them keep a note.
    practice_kept,
    practice_relationship_question,
    practice_relationship_hint,
    plan_empty,
    plan_in_progress,
    go_to_quiz,
    /// `{date}`.
    plan_taken_on,
    plan_reflection_note,
    give_label,
    receive_label,
    gap_label,
    form_column,
    not_enough,
    form_not_applicable,
    chart_title,
    chart_desc,
    table_caption,
    direction_heading,
    recommended_heading,
    recommended_intro,
    plan_learn_heading,
    plan_learn_intro,
    /// `{step}`.
    go_to_step,
    compare_heading,
    compare_same,
    history_heading,
    history_intro,
    history_date_column,
    checks_heading,
    /// `{count}`: how many checks are kept at most.
    checks_kept,
    /// `{count}`: how many checks are kept at most; `{date}`: the date of the oldest.
    checks_cap,
    check_remove,
    /// `{date}`: the date of the check.
    check_remove_question,
    check_remove_confirm,
    /// Said once the removal is saved and read back. `{date}`: the date of the check.
    check_removed,
    last_time,
    print_heading,
    print_intro,
    print_include_answers,
    print_button,
    /// `{date}`: today.
    print_made_on,
    print_ticks_note,
    print_answers_heading,
    help_line,
    /// The booking link's text when the clinic gives none.
    cta_default,
    /// A form in the chart whose bars are missing, and why: `{form}`, `{note}`.
    chart_form_note,
    /// Announced when the plan appears after the last statement.
    results_ready,

    prefer_not,
    not_applicable,
    direction_gives_more,
    direction_receives_more,
    direction_balanced,
    direction_both_low,
    direction_gives_more_note,
    balance_agrees,
    balance_differs,
    direction_unknown,
    /// `{answer}`.
    balance_answer,
    reason_gives_more,
    reason_receives_more,
    reason_balanced,
    reason_balance_gives_more,
    reason_balance_receives_more,
    reason_balance_even,
    /// `{forms}`: one or more form names, each in `form_quoted`, joined as a list.
    reason_form_gives_more,
    /// `{forms}`.
    reason_form_receives_more,
    /// `{forms}`.
    reason_form_both_low,
    /// `{form}`: a form's name as quoted in a sentence.
    form_quoted,
    /// Between the last two items of a list.
    list_last_separator,
    // "Your data"'s controls, which arrive when the panel is first opened (deleting everything is on
    // the first screen, so it works offline too).
    exit_about_heading,
    exit_about_text,
    exit_clears_label,
    /// `{key}`: the storage key.
    data_statement,
    data_session_statement,
    data_memory_statement,
    data_export,
    /// `{file}`.
    data_exported,
    data_export_failed,
    data_import,
    /// `{file}`.
    data_import_question,
    data_import_confirm,
    /// `{file}`.
    data_imported,
    /// `{file}`.
    data_import_bad,
    /// `{file}`.
    data_import_newer,
    data_forget_device,
    data_forgotten,
    data_forget_failed,
    data_forget_old_left,
    /// `{file}`.
    data_imported_unsaved,
    /// The name of the downloaded file: `{date}` (YYYY-MM-DD).
    data_file_name,
    /// Opens the check taken together, from the check's start.
    together_open,
    context_question,
    context_hint,
    context_required,
    /// Between the items of a list but the last two ("A, B and C").
    list_separator,
    retake,
    /// The safety message before the check and on the plan: heading, text, and the button that opens
    /// "Need support now?".
    safety_heading,
    safety_text,
    safety_button,
    content_note_heading,
    content_note_include,
    content_note_skip,
}

/// Replaces `{name}` placeholders. Unknown placeholders are left as they are so a translation mistake
/// shows up as visible braces in review rather than silently dropping words.
pub fn fill(template: impl AsRef<str>, values: &[(&str, &str)]) -> String {
    let mut out = template.as_ref().to_owned();
    for (name, value) in values {
        out = replace(&out, &cat(&["{", name, "}"]), value);
    }
    out
}

/// One screen of the check.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Question {
    Item(&'static Item),
    /// The overall balance item.
    Balance,
}

/// The regions with verified support lines (see `RESEARCH.md`), in the order the content lists them.
pub const REGIONS: [&str; 6] = ["US", "CA", "GB", "AU", "IN", "AE"];

impl Content {
    /// The bundled content for a language tag ("fr-CA" finds "fr"), if there is one.
    /// The content only the parts arriving on first use read (the same in every language, as the
    /// shape is). Called from the first screen, it would bring that data back into its download: the
    /// size budget would say so.
    pub fn later(&self) -> &'static Later {
        &bundled::LATER
    }

    pub fn for_lang(tag: &str) -> Option<&'static Content> {
        let primary = tag.split('-').next().unwrap_or(tag).to_ascii_lowercase();
        bundled::LANGUAGES
            .contains(&primary.as_str())
            .then_some(&bundled::CONTENT)
    }

    pub fn step(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.id == id)
    }

    pub fn form(&self, id: &str) -> Option<&Form> {
        self.later().forms.iter().find(|f| f.id == id)
    }

    /// The wording for one relationship (the validator makes sure every relationship has one).
    pub fn context(&self, relationship: Relationship) -> Option<&RelationshipContext> {
        self.contexts.iter().find(|c| c.id == relationship.id())
    }

    pub fn action_count(&self) -> usize {
        self.steps.iter().map(|s| s.actions.len()).sum()
    }

    /// Every checklist action shown for `relationship`, in display order.
    pub fn actions_for(
        &self,
        relationship: Option<Relationship>,
    ) -> impl Iterator<Item = &'static ChecklistAction> {
        let steps: &'static [Step] = self.steps;
        steps.iter().flat_map(move |s| s.actions_for(relationship))
    }

    /// "n of N done" for the checklist shown for `relationship`: ticked actions among those shown,
    /// and how many are shown. Ticks of hidden actions are kept but not counted.
    pub fn checklist_progress(
        &self,
        done: &SortedSet<String>,
        relationship: Option<Relationship>,
    ) -> (usize, usize) {
        count(self.actions_for(relationship), done)
    }

    /// Every checklist action id, in display order.
    pub fn action_ids(&self) -> impl Iterator<Item = Id> {
        self.steps
            .iter()
            .flat_map(|s| s.actions.iter().map(|a| a.id))
    }

    /// Quiz screens in order: the form items (without the sensitive forms' when the visitor chose to
    /// leave them out), then the global balance item last (it asks for an overall judgement, which is
    /// easier after thinking through the specific forms).
    pub fn questions(&self, skip_sensitive: bool) -> Vec<Question> {
        self.later()
            .items
            .iter()
            .filter(|item| !(skip_sensitive && self.later().sensitive_forms.contains(&item.form)))
            .map(Question::Item)
            .chain(std::iter::once(Question::Balance))
            .collect()
    }

    /// The statement as worded for the relationship `context` is about.
    pub fn item_text(&self, item: &Item, context: &RelationshipContext) -> Text {
        wording_for(item.statement, context.id)
    }

    /// The overall question as worded for the relationship `context` is about.
    pub fn balance_text(&self, context: &RelationshipContext) -> Text {
        wording_for(self.later().balance.statement, context.id)
    }

    /// Everything a shipped content file must satisfy. Returns every problem found, not only the first,
    /// so a translator sees the whole list at once.
    pub fn validate(&self) -> Vec<String> {
        self.validate_with(self.later())
    }

    /// [`Content::validate`], with `later` for the content kept apart (the tests change it).
    pub fn validate_with(&self, later: &Later) -> Vec<String> {
        let mut problems = Vec::new();
        let mut ids = BTreeSet::new();
        let mut unique = |id: &str, what: &str, problems: &mut Vec<String>| {
            if id.trim().is_empty() {
                problems.push(format!("{what} has an empty id"));
            } else if !ids.insert(id.to_owned()) {
                problems.push(format!("id `{id}` is used twice"));
            }
        };

        if self.dir != "ltr" && self.dir != "rtl" {
            problems.push(format!("dir must be ltr or rtl, not `{}`", self.dir.get()));
        }
        let letters: String = self.steps.iter().map(|s| s.letter.get()).collect();
        if self.steps.len() != 7 {
            problems.push(format!("RECIPRO has 7 steps, found {}", self.steps.len()));
        }
        for step in self.steps.iter() {
            unique(step.id, "a step", &mut problems);
            // What a visitor sees: the actions for their relationship, 3 to 5 in every step.
            for relationship in Relationship::ALL {
                let n = step.actions_for(Some(relationship)).count();
                if !(3..=5).contains(&n) {
                    problems.push(format!(
                        "step `{}` has {n} actions for `{}`; 3 to 5 keep it doable",
                        step.id,
                        relationship.id()
                    ));
                }
            }
            for action in step.actions.iter() {
                unique(action.id, "an action", &mut problems);
                self.validate_action(action, &mut problems);
            }
        }
        if self.lang.starts_with("en") && letters != "RECIPRO" {
            problems.push(format!("step letters spell `{letters}`, not RECIPRO"));
        }

        for ritual in later.rituals.iter() {
            unique(ritual.id, "a ritual", &mut problems);
            if !self
                .steps
                .iter()
                .any(|s| s.actions.iter().any(|a| a.id == ritual.action))
            {
                problems.push(format!(
                    "ritual `{}` names `{}`, which is no action",
                    ritual.id, ritual.action
                ));
            }
        }
        for relationship in Relationship::ALL {
            let n = self.rituals_for(Some(relationship)).count();
            if n < 3 {
                problems.push(format!(
                    "{n} rituals for `{}`: the practice log needs at least 3",
                    relationship.id()
                ));
            }
        }

        if later.forms.len() != 6 {
            problems.push(format!(
                "there are six hidden forms, found {}",
                later.forms.len()
            ));
        }
        for form in later.forms.iter() {
            unique(form.id, "a form", &mut problems);
            for side in [Side::Give, Side::Receive] {
                let n = later
                    .items
                    .iter()
                    .filter(|i| i.form == form.id && i.side == side)
                    .count();
                if n < 2 {
                    problems.push(format!(
                        "form `{}` has {n} {side:?} items; at least 2 are needed",
                        form.id
                    ));
                }
            }
        }

        let context_ids: Vec<&str> = self.contexts.iter().map(|c| c.id).collect();
        let wanted: Vec<&str> = Relationship::ALL.iter().map(|r| r.id()).collect();
        if context_ids != wanted {
            problems.push(format!(
                "contexts must be {wanted:?} in that order, found {context_ids:?}"
            ));
        }
        if later.scale.len() != 5 {
            problems.push(format!(
                "the frequency scale has 5 labels, found {}",
                later.scale.len()
            ));
        }
        for item in later.items.iter() {
            unique(item.id, "an item", &mut problems);
            if self.form(item.form).is_none() {
                problems.push(format!(
                    "item `{}` names unknown form `{}`",
                    item.id, item.form
                ));
            }
            sentence_per_relationship(
                &format!("item `{}`", item.id),
                item.statement,
                &mut problems,
            );
        }
        unique(later.balance.id, "the balance item", &mut problems);
        sentence_per_relationship("the balance item", later.balance.statement, &mut problems);
        for form in later.sensitive_forms.iter() {
            if self.form(form).is_none() {
                problems.push(format!("sensitive form `{form}` does not exist"));
            }
        }
        let region_ids: Vec<&str> = self.support.regions.iter().map(|r| r.id).collect();
        if region_ids != REGIONS {
            problems.push(format!(
                "support regions must be {:?}, found {region_ids:?}",
                REGIONS
            ));
        }
        for region in self.support.regions.iter() {
            let dialable = |n: &str| n.chars().filter(char::is_ascii_digit).count() >= 3;
            if region.lines.is_empty() {
                problems.push(format!("region {} has no support line", region.id));
            }
            if region.abuse_lines.is_empty() && region.abuse_note.trim().is_empty() {
                problems.push(format!(
                    "region {} has no domestic-abuse line or note",
                    region.id
                ));
            }
            if !dialable(region.emergency) {
                problems.push(format!("region {} has no emergency number", region.id));
            }
            for line in region.lines.iter().chain(region.abuse_lines.iter()) {
                if !dialable(line.call) || !(line.text.is_empty() || dialable(line.text)) {
                    problems.push(format!("a line of region {} has a bad number", region.id));
                }
                if !line.text_word.is_empty() && line.text.is_empty() {
                    problems.push(format!(
                        "a line of region {} has a word to text but no number",
                        region.id
                    ));
                }
            }
        }
        if later.balance.options.len() != 7 {
            problems.push(format!(
                "the balance item has 7 options, found {}",
                later.balance.options.len()
            ));
        }

        let form_rules = later.plan.forms.iter().flat_map(|(form, rule)| {
            [
                (format!("{form}.gives_more"), rule.gives_more),
                (format!("{form}.receives_more"), rule.receives_more),
            ]
        });
        let rule_lists = [
            ("gives_more".to_owned(), later.plan.gives_more),
            ("receives_more".to_owned(), later.plan.receives_more),
            ("balanced".to_owned(), later.plan.balanced),
            ("both_low".to_owned(), later.plan.both_low),
        ]
        .into_iter()
        .chain(form_rules);
        for (rule, steps) in rule_lists {
            if steps.is_empty() {
                problems.push(format!("plan rule `{rule}` names no step"));
            }
            for step in steps {
                if self.step(step).is_none() {
                    problems.push(format!("plan rule `{rule}` names unknown step `{step}`"));
                }
            }
        }
        for form in later.forms.iter() {
            if !later.plan.forms.iter().any(|(id, _)| *id == form.id) {
                problems.push(format!("form `{}` has no plan rule", form.id));
            }
        }
        for (form, _) in later.plan.forms.iter() {
            if self.form(form).is_none() {
                problems.push(format!("plan rule for unknown form `{form}`"));
            }
        }

        self.for_each_string(&mut |place, text| {
            if text.trim().is_empty() {
                problems.push(format!("{place} is empty"));
            }
            // Whole sentences only: a name put into a template cannot agree with the words
            // around it in French, Hindi or Arabic.
            if let Some(placeholder) = ["{them}", "{Them}", "{about}"]
                .iter()
                .find(|p| text.contains(*p))
            {
                problems.push(format!(
                    "{place} uses {placeholder}: write the sentence for each relationship instead"
                ));
            }
        });
        problems
    }

    /// The checks of one checklist action: real relationships, a wording only where it is shown,
    /// and the safety wording wherever an English action asks for repair, openness, patience or a
    /// first move.
    fn validate_action(&self, action: &ChecklistAction, problems: &mut Vec<String>) {
        for id in action.only_for.iter() {
            if Relationship::parse(id).is_none() {
                problems.push(format!(
                    "action `{}` is for unknown relationship `{id}`",
                    action.id
                ));
            }
        }
        for (id, _) in action.by_context.iter() {
            match Relationship::parse(id) {
                None => problems.push(format!(
                    "action `{}` has wording for unknown relationship `{id}`",
                    action.id
                )),
                Some(r) if !action.fits(Some(r)) => problems.push(format!(
                    "action `{}` has wording for `{id}` but is not shown for it",
                    action.id
                )),
                Some(_) => {}
            }
        }
        if self.lang.starts_with("en") && !action.ask_safe {
            let wordings =
                std::iter::once(action.text).chain(action.by_context.iter().map(|(_, t)| *t));
            for wording in wordings {
                let lower = wording.to_lowercase();
                if let Some(word) = ASK_SAFE_WORDS_EN.iter().find(|w| lower.contains(*w)) {
                    problems.push(format!(
                        "action `{}` asks for repair, openness, patience or a first move (“{word}”) \
                         but lacks `ask_safe`",
                        action.id
                    ));
                    break;
                }
            }
        }
    }

    /// Visits every visitor-facing string with a name saying where it is.
    fn for_each_string(&self, visit: &mut dyn FnMut(&str, &str)) {
        for (name, text) in self.ui.fields() {
            visit(&format!("ui.{name}"), &text);
        }
        for (name, text) in self.later().part_ui.fields() {
            visit(&format!("part_ui.{name}"), &text);
        }
        visit("intro.heading", &self.intro.heading);
        for p in self.intro.paragraphs.iter() {
            visit("intro.paragraph", p);
        }
        visit("intro.privacy", &self.intro.privacy);
        visit("intro.not_diagnosis", &self.intro.not_diagnosis);
        for s in self.steps.iter() {
            visit(&format!("step {} letter", s.id), &s.letter);
            visit(&format!("step {} title", s.id), &s.title);
            visit(&format!("step {} summary", s.id), &s.summary);
            for a in s.actions.iter() {
                visit(&format!("action {} text", a.id), &a.text);
                visit(&format!("action {} source", a.id), a.source);
                for (r, text) in a.by_context.iter() {
                    visit(&format!("action {} text for {r}", a.id), text);
                }
            }
        }
        for f in self.later().forms.iter() {
            visit(&format!("form {} name", f.id), &f.name);
            visit(&format!("form {} description", f.id), &f.form_description);
            visit(&format!("form {} source", f.id), f.source);
        }
        for c in self.contexts.iter() {
            for (field, text) in [
                ("label", &c.label),
                ("thinking_about", &c.thinking_about),
                ("content_note", &c.hard_times_note),
            ] {
                visit(&format!("context {} {field}", c.id), text);
            }
        }
        for (i, label) in self.later().scale.iter().enumerate() {
            visit(&format!("scale label {}", i + 1), label);
        }
        for item in self.later().items.iter() {
            for (r, text) in item.statement.iter() {
                visit(&format!("item {} text for {r}", item.id), text);
            }
            visit(&format!("item {} source", item.id), item.source);
        }
        for region in self.support.regions.iter() {
            for line in region.lines.iter().chain(region.abuse_lines.iter()) {
                visit(&format!("region {} line name", region.id), &line.name);
            }
        }
        for (r, text) in self.later().balance.statement.iter() {
            visit(&format!("balance text for {r}"), text);
        }
        visit("balance source", self.later().balance.source);
        for option in self.later().balance.options.iter() {
            visit("balance option", option);
        }
    }
}

/// Checks that `sentences` has exactly one sentence for each relationship, and no other key.
fn sentence_per_relationship(what: &str, sentences: &[(Id, Text)], problems: &mut Vec<String>) {
    for (id, _) in sentences {
        if Relationship::parse(id).is_none() {
            problems.push(format!(
                "{what} has wording for unknown relationship `{id}`"
            ));
        }
    }
    for relationship in Relationship::ALL {
        let count = sentences
            .iter()
            .filter(|(id, _)| *id == relationship.id())
            .count();
        if count != 1 {
            problems.push(format!(
                "{what} needs one sentence for `{}`, found {count}",
                relationship.id()
            ));
        }
    }
}

/// The sentence for `relationship` (an id) in a sentence-per-relationship map; the first one if it
/// has none (the validator makes sure every relationship has one).
fn wording_for(sentences: &[(Id, Text)], relationship: Id) -> Text {
    sentences
        .iter()
        .find(|(id, _)| *id == relationship)
        .or(sentences.first())
        .map_or(Text::EMPTY, |(_, text)| *text)
}
