//! Durations: "two-day", "4-day", "day-long", "four days", "a week", "48 hours".

use super::number::parse_number;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::LazyLock;

/// A length of time as stated, with its length in days for comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Duration {
    /// The number as stated ("two-day" → 2).
    pub amount: f64,
    /// The unit as stated, singular: hour, day, week, month, year.
    pub unit: String,
    /// The same length in days (a month counts 30 days, a year 365).
    pub days: f64,
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural = if self.amount == 1.0 { "" } else { "s" };
        write!(f, "{} {}{plural}", self.amount, self.unit)
    }
}

const UNITS: [(&str, f64); 6] = [
    ("hour", 1.0 / 24.0),
    ("day", 1.0),
    ("week", 7.0),
    ("fortnight", 14.0),
    ("month", 30.0),
    ("year", 365.0),
];

const COUNT: &str = r"(?:[0-9]{1,4}|(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty|thirty|forty|forty-eight|seventy-two))";

/// The regex (no capture groups) of every duration this module parses.
pub static PATTERN: LazyLock<String> = LazyLock::new(|| {
    let b = r"(?-u:\b)";
    let unit = r"(?i:hour|day|week|fortnight|month|year)";
    format!(r"{b}(?:{COUNT}(?:-|\s+){unit}s?(?:-long)?|{unit}-long){b}")
});

/// Parses a duration; `None` if the text is not one.
pub fn parse_duration(text: &str) -> Option<Duration> {
    let lower = text.trim().to_ascii_lowercase();
    let lower = lower.strip_suffix("-long").unwrap_or(&lower);
    let (count, unit) = match lower.rsplit_once(['-', ' ']) {
        Some((count, unit)) => (count.trim(), unit),
        // "day-long" without a number: one unit.
        None => ("one", lower),
    };
    let unit = unit.strip_suffix('s').unwrap_or(unit);
    let (unit, per_day) = UNITS.iter().copied().find(|(u, _)| *u == unit)?;
    let amount = parse_number(count)?.value;
    Some(Duration {
        amount,
        unit: unit.to_string(),
        days: amount * per_day,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    fn days(text: &str) -> Option<f64> {
        parse_duration(text).map(|d| d.days)
    }

    #[test]
    fn forms() {
        assert_eq!(days("two-day"), Some(2.0));
        assert_eq!(days("4-day"), Some(4.0));
        assert_eq!(days("four days"), Some(4.0));
        assert_eq!(days("day-long"), Some(1.0));
        assert_eq!(days("three-day-long"), Some(3.0));
        assert_eq!(days("a week"), Some(7.0));
        assert_eq!(days("two weeks"), Some(14.0));
        assert_eq!(days("48 hours"), Some(2.0));
        assert_eq!(days("several days"), None);
        assert_eq!(days("two-decade"), None);
    }

    #[test]
    fn pattern_matches_what_the_parser_reads() {
        let re = Regex::new(&PATTERN).unwrap();
        for text in [
            "two-day",
            "4-day",
            "four days",
            "day-long",
            "a week",
            "48 hours",
        ] {
            assert_eq!(re.find(text).map(|m| m.as_str()), Some(text));
            assert!(parse_duration(text).is_some(), "{text}");
        }
        assert!(re.find("Sunday").is_none());
    }
}
