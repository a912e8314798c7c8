//! Calendar days in the visitor's own time, for the practice log.
//!
//! A mark belongs to the day the visitor lived it, not to a UTC instant: "practised on Monday" stays on
//! Monday after a trip across time zones or a daylight-saving change. So the clock is read once, as
//! the instant and the local offset at that instant (both passed in, never read here), and turned
//! into a civil date; everything after works on whole days.

use super::document::Millis;

/// A civil day, counted from 1970-01-01 (day 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub i64);

const MS_PER_DAY: i64 = 86_400_000;

impl Day {
    /// The visitor's calendar day at `now`, where `offset_minutes` is the browser's
    /// `Date.prototype.getTimezoneOffset()` at that instant (UTC minus local time: −60 in Paris in
    /// winter, 330 west of UTC… its sign is the opposite of "UTC+1").
    pub fn local(now: Millis, offset_minutes: i32) -> Day {
        let local = now as i64 - i64::from(offset_minutes) * 60_000;
        Day(local.div_euclid(MS_PER_DAY))
    }

    /// The day from `YYYY-MM-DD`; `None` for anything else, or a date that does not exist.
    pub fn parse(text: &str) -> Option<Day> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let number = |range: std::ops::Range<usize>| -> Option<i64> {
            let part = &text[range];
            part.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
        if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
            return None;
        }
        Some(Day(days_from_civil(year, month, day)))
    }

    /// `YYYY-MM-DD`.
    pub fn iso(self) -> String {
        let (y, m, d) = self.civil();
        format!("{y:04}-{m:02}-{d:02}")
    }

    /// Year, month (1–12), day of the month (1–31).
    pub fn civil(self) -> (i64, i64, i64) {
        civil_from_days(self.0)
    }

    /// Noon UTC of this day in Unix milliseconds: formatted "in UTC", it names this day in every
    /// language, whatever the visitor's time zone.
    pub fn noon_utc(self) -> f64 {
        (self.0 * MS_PER_DAY + MS_PER_DAY / 2) as f64
    }

    /// 0 for Monday … 6 for Sunday (1970-01-01 was a Thursday).
    pub fn weekday(self) -> i64 {
        (self.0 + 3).rem_euclid(7)
    }

    /// The Monday that starts this day's week (weeks run Monday to Sunday, as ISO 8601 counts them).
    pub fn week_start(self) -> Day {
        Day(self.0 - self.weekday())
    }

    pub fn plus(self, days: i64) -> Day {
        Day(self.0 + days)
    }
}

fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// The two conversions below are the well-known "days from civil" algorithms for the proleptic
// Gregorian calendar (eras of 400 years, years starting in March so the leap day comes last).

fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Unix milliseconds of a UTC date and time.
    fn utc(y: i64, mo: i64, d: i64, h: i64, mi: i64) -> Millis {
        ((days_from_civil(y, mo, d) * 24 + h) * 60 + mi) as u64 * 60_000
    }

    #[test]
    fn known_days() {
        assert_eq!(Day::parse("1970-01-01"), Some(Day(0)));
        assert_eq!(Day(0).weekday(), 3, "a Thursday");
        assert_eq!(Day::parse("2026-11-27").unwrap().iso(), "2026-11-27");
        assert_eq!(Day::parse("2026-11-27").unwrap().weekday(), 4, "a Friday");
        assert_eq!(Day::parse("2000-02-29").unwrap().iso(), "2000-02-29");
        assert_eq!(Day::parse("1969-12-31"), Some(Day(-1)));
    }

    #[test]
    fn every_day_of_four_centuries_goes_there_and_back() {
        let start = Day::parse("1900-01-01").unwrap().0;
        for n in start..start + 146_097 {
            let day = Day(n);
            assert_eq!(Day::parse(&day.iso()), Some(day));
            assert_eq!(day.week_start().weekday(), 0);
            assert!(day.0 - day.week_start().0 < 7);
        }
    }

    #[test]
    fn only_real_dates_parse() {
        for text in [
            "",
            "2026-1-01",
            "2026-13-01",
            "2026-00-10",
            "2026-02-29",
            "2025-04-31",
            "2026-11-32",
            "２０２６-11-27",
            "2026/11/27",
            "+026-11-27",
            "2026-11-2a",
            "2026-11-27T",
        ] {
            assert_eq!(Day::parse(text), None, "{text:?}");
        }
        assert!(Day::parse("2024-02-29").is_some());
    }

    #[test]
    fn the_local_day_follows_the_offset_of_the_moment() {
        // 23:30 UTC on 27 November: still the 27th in London, already the 28th in Delhi (UTC+5:30,
        // offset −330), the 27th in New York (UTC−5, offset 300).
        let late = utc(2026, 11, 27, 23, 30);
        assert_eq!(Day::local(late, 0).iso(), "2026-11-27");
        assert_eq!(Day::local(late, -330).iso(), "2026-11-28");
        assert_eq!(Day::local(late, 300).iso(), "2026-11-27");
        // 03:00 UTC: still the day before in New York.
        assert_eq!(Day::local(utc(2026, 11, 28, 3, 0), 300).iso(), "2026-11-27");
    }

    #[test]
    fn a_daylight_saving_change_keeps_the_days_apart() {
        // Paris leaves summer time at 03:00 local (01:00 UTC) on Sunday 25 October 2026: offset −120
        // before, −60 after. 00:30 local before the change and 23:30 local after it are both that
        // Sunday; the minute after local midnight is the Monday.
        let before = utc(2026, 10, 24, 22, 30); // 00:30 local, summer time
        let after = utc(2026, 10, 25, 22, 30); // 23:30 local, winter time
        let monday = utc(2026, 10, 25, 23, 1); // 00:01 local on Monday
        assert_eq!(Day::local(before, -120).iso(), "2026-10-25");
        assert_eq!(Day::local(after, -60).iso(), "2026-10-25");
        assert_eq!(Day::local(monday, -60).iso(), "2026-10-26");
        assert_eq!(Day::local(monday, -60).weekday(), 0);
        // New York springs forward at 02:00 local on 8 March 2026 (offset 300 → 240): a 23-hour day,
        // still one day.
        let start = utc(2026, 3, 8, 5, 0); // 00:00 local, EST
        let end = utc(2026, 3, 9, 3, 59); // 23:59 local, EDT
        assert_eq!(Day::local(start, 300), Day::local(end, 240));
        assert_eq!(Day::local(end + 60_000, 240).iso(), "2026-03-09");
    }

    #[test]
    fn a_day_s_noon_in_utc_is_that_day() {
        let day = Day::parse("2026-03-29").unwrap();
        assert_eq!(Day::local(day.noon_utc() as Millis, 0), day);
    }
}
