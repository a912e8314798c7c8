//! The panels that open under the toolbar.

/// The panel open under the toolbar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Panel {
    /// "Need support now?": crisis and support lines.
    Support,
    /// "Your data": what is stored, and the visitor's controls over it.
    Data,
}
