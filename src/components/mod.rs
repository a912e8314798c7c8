//! Thin Yew components, one per file. They read state through [`widget::use_widget`] and change it only by
//! sending [`crate::core::state::Action`]s; every rule lives in the core.

pub mod action_list;
pub mod app;
pub mod checklist;
pub mod content_note;
pub mod context_picker;
pub mod data_panel;
pub mod history;
pub mod hooks;
pub mod intro;
pub mod language_choice;
pub mod learn;
pub mod learn_button;
pub mod markup;
pub mod nav;
pub mod notices;
pub mod panel;
pub mod plan;
pub mod practice;
pub mod print_summary;
pub mod profile_chart;
pub mod progress;
pub mod question;
pub mod quiz;
pub mod relationship_choice;
pub mod root;
pub mod safety_note;
pub mod step_card;
pub mod support_panel;
pub mod together;
pub mod toolbar;
pub mod widget;
