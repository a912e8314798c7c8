//! The quick-exit keyboard gesture: Shift pressed three times within five seconds, as in GOV.UK
//! Frontend's "Exit this page". Pure, so every rule is tested natively; the component feeds it key events
//! with their time.
//!
//! Rules: a press counts on key-up of a Shift that was pressed alone (Shift used as a modifier, as in
//! Shift+A, does not count); any other key resets the count; the count also resets when five seconds
//! pass after the first press.

/// How long the three presses may take.
pub const WINDOW_MS: f64 = 5_000.0;

/// Presses needed.
pub const PRESSES: u8 = 3;

#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Gesture {
    /// Presses counted so far (0..3).
    pub count: u8,
    /// When the first counted press happened.
    started: f64,
    /// A Shift is down and no other key has been pressed with it.
    shift_alone: bool,
}

/// What the visitor should be told after a key event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing to say.
    Quiet,
    /// One more press counted; this many remain.
    Remaining(u8),
    /// The presses took too long (or another key came between them): start again.
    Expired,
    /// Third press: exit now.
    Exit,
}

impl Gesture {
    /// A key went down. `key` is `KeyboardEvent.key`.
    pub fn key_down(&mut self, key: &str) -> Outcome {
        if key == "Shift" {
            self.shift_alone = true;
            Outcome::Quiet
        } else {
            self.shift_alone = false;
            self.reset_with(Outcome::Expired)
        }
    }

    /// A key went up at `now` (milliseconds on any steady clock).
    pub fn key_up(&mut self, key: &str, now: f64) -> Outcome {
        if key != "Shift" || !std::mem::take(&mut self.shift_alone) {
            return Outcome::Quiet;
        }
        if self.count > 0 && now - self.started > WINDOW_MS {
            self.count = 0;
        }
        if self.count == 0 {
            self.started = now;
        }
        self.count += 1;
        if self.count >= PRESSES {
            self.count = 0;
            Outcome::Exit
        } else {
            Outcome::Remaining(PRESSES - self.count)
        }
    }

    /// Time passed with no key: call once the window has run out after a press.
    pub fn tick(&mut self, now: f64) -> Outcome {
        if self.count > 0 && now - self.started > WINDOW_MS {
            self.reset_with(Outcome::Expired)
        } else {
            Outcome::Quiet
        }
    }

    fn reset_with(&mut self, outcome: Outcome) -> Outcome {
        if self.count == 0 {
            return Outcome::Quiet;
        }
        self.count = 0;
        outcome
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(g: &mut Gesture, at: f64) -> Outcome {
        g.key_down("Shift");
        g.key_up("Shift", at)
    }

    #[test]
    fn three_presses_within_five_seconds_exit() {
        let mut g = Gesture::default();
        assert_eq!(press(&mut g, 0.0), Outcome::Remaining(2));
        assert_eq!(g.count, 1);
        assert_eq!(press(&mut g, 1_000.0), Outcome::Remaining(1));
        assert_eq!(press(&mut g, 4_900.0), Outcome::Exit);
        assert_eq!(g.count, 0, "ready again afterwards");
    }

    #[test]
    fn presses_spread_over_more_than_five_seconds_start_again() {
        let mut g = Gesture::default();
        press(&mut g, 0.0);
        press(&mut g, 2_000.0);
        assert_eq!(
            press(&mut g, 5_001.0),
            Outcome::Remaining(2),
            "the late press starts a new count"
        );
    }

    #[test]
    fn the_window_running_out_is_announced_once() {
        let mut g = Gesture::default();
        press(&mut g, 0.0);
        assert_eq!(g.tick(4_000.0), Outcome::Quiet);
        assert_eq!(g.tick(5_001.0), Outcome::Expired);
        assert_eq!(g.tick(6_000.0), Outcome::Quiet);
        assert_eq!(g.count, 0);
    }

    #[test]
    fn shift_as_a_modifier_does_not_count() {
        let mut g = Gesture::default();
        g.key_down("Shift");
        g.key_down("A");
        assert_eq!(g.key_up("A", 10.0), Outcome::Quiet);
        assert_eq!(g.key_up("Shift", 20.0), Outcome::Quiet);
        assert_eq!(g.count, 0);
    }

    #[test]
    fn another_key_resets_the_count() {
        let mut g = Gesture::default();
        press(&mut g, 0.0);
        press(&mut g, 100.0);
        assert_eq!(g.key_down("Tab"), Outcome::Expired);
        assert_eq!(g.count, 0);
        assert_eq!(press(&mut g, 200.0), Outcome::Remaining(2));
        // Another key with no count running says nothing.
        let mut fresh = Gesture::default();
        assert_eq!(fresh.key_down("Enter"), Outcome::Quiet);
    }

    #[test]
    fn a_key_up_without_its_key_down_does_not_count() {
        let mut g = Gesture::default();
        assert_eq!(g.key_up("Shift", 0.0), Outcome::Quiet);
    }
}
