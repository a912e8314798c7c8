//! The app's jobs, one hook each: saved progress, quick exit, events for the host page, the theme
//! check, moving focus after a render, and "Learn more".

pub mod focus;
pub mod host_events;
pub mod language;
pub mod learn;
pub mod persistence;
pub mod quick_exit;
pub mod theme_check;
