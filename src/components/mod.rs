//! Thin Yew components and view functions, one part of the widget per file. They read state through the
//! [`widget::Widget`] they are given (a prop, or an argument) and change it only by sending
//! [`crate::core::state::Action`]s; every rule lives in the core. Parts that keep no state are plain
//! functions rather than components, and elements are built by [`markup`]'s functions rather than
//! `html!` written out per element: each component and each written-out element costs the download.

pub mod action_list;
pub mod app;
pub mod checklist;
pub mod content_note;
pub mod context_picker;
pub mod data_controls;
pub mod data_panel;
pub mod history;
pub mod hooks;
pub mod intro;
pub mod language_choice;
pub mod lazy;
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
