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
    /// The unit as stated.
    pub unit: TimeUnit,
    /// The same length in days (a month counts 30 days, a year 365).
    pub days: f64,
}

impl Duration {
    /// A length of `days` days.
    pub fn of_days(days: u32) -> Duration {
        Duration {
            amount: days.into(),
            unit: TimeUnit::Day,
            days: days.into(),
        }
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural = if self.amount == 1.0 { "" } else { "s" };
        write!(f, "{} {}{plural}", self.amount, self.unit.name())
    }
}

/// A unit of time, written in the singular in claims: `"unit": "day"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TimeUnit {
    /// An hour: 1/24 day.
    Hour,
    /// A day.
    Day,
    /// A week: 7 days.
    Week,
    /// A fortnight: 14 days.
    Fortnight,
    /// A month: counted as 30 days.
    Month,
    /// A year: counted as 365 days.
    Year,
}

impl TimeUnit {
    const ALL: [TimeUnit; 6] = [
        TimeUnit::Hour,
        TimeUnit::Day,
        TimeUnit::Week,
        TimeUnit::Fortnight,
        TimeUnit::Month,
        TimeUnit::Year,
    ];

    /// Its name in the singular, as claims write it.
    pub fn name(self) -> &'static str {
        match self {
            TimeUnit::Hour => "hour",
            TimeUnit::Day => "day",
            TimeUnit::Week => "week",
            TimeUnit::Fortnight => "fortnight",
            TimeUnit::Month => "month",
            TimeUnit::Year => "year",
        }
    }

    /// Its length in days.
    pub fn days(self) -> f64 {
        match self {
            TimeUnit::Hour => 1.0 / 24.0,
            TimeUnit::Day => 1.0,
            TimeUnit::Week => 7.0,
            TimeUnit::Fortnight => 14.0,
            TimeUnit::Month => 30.0,
            TimeUnit::Year => 365.0,
        }
    }
}

const COUNT: &str = r"(?:[0-9]{1,4}|(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty|thirty|forty|forty-eight|seventy-two))";

/// The regex (no capture groups) of every duration this module parses, and of a range of
/// counts ("2–3 day"), which it matches whole so that no count in it is read alone, and
/// does not parse.
pub static PATTERN: LazyLock<String> = LazyLock::new(|| {
    let b = r"(?-u:\b)";
    let unit = r"(?i:hour|day|week|fortnight|month|year)";
    format!(r"{b}(?:(?:[0-9]{{1,2}}[–-])?{COUNT}(?:-|\s+){unit}s?(?:-long)?|{unit}-long){b}")
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
    let unit = TimeUnit::ALL.into_iter().find(|u| u.name() == unit)?;
    let amount = parse_number(count)?.value;
    Some(Duration {
        amount,
        unit,
        days: amount * unit.days(),
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
        // A range of counts is matched whole and read as no one length.
        for text in ["2–3 day", "2-3 days"] {
            assert_eq!(re.find(text).map(|m| m.as_str()), Some(text));
            assert_eq!(parse_duration(text), None, "{text}");
        }
    }
}
