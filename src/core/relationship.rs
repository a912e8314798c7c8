//! Who the check is about. Parsed once at the edge (the `context` attribute, a stored document, a
//! choice in the picker); everything inside works with the enum.

use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Relationship {
    Partner,
    Family,
    Friend,
    Colleague,
}

impl Relationship {
    /// Every relationship, in the order the picker shows them (and the content lists them).
    pub const ALL: [Relationship; 4] = [
        Relationship::Partner,
        Relationship::Family,
        Relationship::Friend,
        Relationship::Colleague,
    ];

    /// The id used in attributes, stored documents and the content files.
    pub fn id(self) -> &'static str {
        match self {
            Relationship::Partner => "partner",
            Relationship::Family => "family",
            Relationship::Friend => "friend",
            Relationship::Colleague => "colleague",
        }
    }

    pub fn parse(id: &str) -> Option<Relationship> {
        Self::ALL.into_iter().find(|r| r.id() == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_match_serde() {
        for r in Relationship::ALL {
            assert_eq!(Relationship::parse(r.id()), Some(r));
            assert_eq!(
                serde_json::to_string(&r).unwrap(),
                format!("\"{}\"", r.id())
            );
        }
        assert_eq!(Relationship::parse("boss"), None);
        assert_eq!(Relationship::parse("Partner"), None);
    }
}
