//! The pure core: content model, document, scoring, plan, reducer and storage codec. Nothing in here
//! touches the browser, so all of it is tested natively with plain `#[test]`s.

pub mod codec;
pub mod config;
pub mod content;
pub mod contrast;
pub mod days;
pub mod document;
pub mod events;
pub mod history;
pub mod json;
pub mod learn;
pub mod merge;
pub mod notices;
pub mod persistence;
pub mod print;
pub mod quick_exit;
pub mod reader;
pub mod relationship;
pub mod scoring;
pub mod sorted;
pub mod state;
pub mod strings;
pub mod support;
pub mod text;
pub mod together;
