//! Dates as pages print them about themselves, in bylines, headers and datelines: every
//! word order of day, month and year (`June 14, 2022`, `14 June 2022`, `29 March,2018`,
//! `Thu 16 Sep 2010`, `FEB 20`, `17-Feb-2018`), ordinals (`8th Dec, 2021`), ISO and
//! numeric forms (`2022-06-14`, `2015.11.13`, `14/06/2022`, `10.04.2018`), and the day of
//! an ISO date and time (`2022-06-14T08:04:53Z`). A numeric date
//! whose day and month could be swapped is ambiguous and gives no day, unless dots part
//! them: the dotted form (`06.03.2020`) is written day first.

use super::date::{DAY, YEAR, month_number};
use chrono::NaiveDate;
use regex::Regex;
use std::fmt;
use std::sync::LazyLock;

/// Month names as pages print them, in any case: `June`, `Jun`, `Jun.`, `Sept.`, `JUNE`,
/// `May.` (a dot as the cut names have).
const MONTH: &str = r"(?i-u:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may\.?|jun(?:e|\.)?|jul(?:y|\.)?|aug(?:ust|\.)?|sep(?:tember|t\.?|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)";
/// Month names capitalized, whole or cut: what may follow a word with no space between
/// (`RoeApril 13, 2023`), where a lowercase one would be part of the word (`Omar 3`).
const MONTH_GLUED: &str = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";
/// Weekday names, whole or cut: `Tuesday`, `Tue`, `Tues.`, `THU`.
const WEEKDAY: &str = r"(?i-u:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\.?";
const NUMERIC_DAY: &str = r"(?:0?[1-9]|[12][0-9]|3[01])";
const NUMERIC_MONTH: &str = r"(?:0?[1-9]|1[0-2])";
/// The time an ISO date and time gives after its day, with its zone: `T08:04:53Z`,
/// `T08:04+05:00`.
const ISO_TIME: &str =
    r"T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?";

/// The regex (no capture groups) of a printed date, with ASCII word boundaries, but
/// before a capitalized month glued to the word before it.
pub static PATTERN: LazyLock<String> = LazyLock::new(|| {
    let b = r"(?-u:\b)";
    let weekday = format!(r"(?:{WEEKDAY},?\s+)?");
    [
        // Tuesday, 14 June 2022 / 8th Dec, 2021 / 29 March,2018 / Tuesday, June 14, 2022 /
        // Mon 4 - May 2026 / Oct 13 2011 / 14 June and FEB 20 (no year) / 14. June 2022 (a
        // dot after the day, as German pages print it)
        format!(r"{b}{weekday}(?:{DAY}(?:\.?(?:\s+of)?\s+|\s+-\s+){MONTH}|{MONTH}\s*{DAY})(?:,?\s*{YEAR})?{b}"),
        // Jane RoeApril 13, 2023: a capitalized month and a year, glued to the word before
        // by a page's layout
        format!(r"{MONTH_GLUED}\s*{DAY},?\s*{YEAR}{b}"),
        // 2012, March 13: the year first, as a reference cites a page
        format!(r"{b}{YEAR},\s*{MONTH}\s*{DAY}{b}"),
        // 4/May/2026 / 17-Feb-2018
        format!(r"{b}{DAY}[-/]{MONTH}[-/]{YEAR}{b}"),
        // 2022-06-14 / 2015.11.13 / 2022/06/14 / 2022-06-14T08:04:53Z (the day of an ISO
        // date and time)
        format!(r"{b}{YEAR}[-./]{NUMERIC_MONTH}[-./]{NUMERIC_DAY}(?:{ISO_TIME})?{b}"),
        // 14/06/2022 / 10.04.2018 / 1/11/2023 / 14-06-2022 / 12. 1. 2024 (a space after
        // each dot, as Czech and German pages print it)
        format!(r"{b}{NUMERIC_DAY}[-./]{NUMERIC_DAY}[-./]{YEAR}{b}"),
        format!(r"{b}{NUMERIC_DAY}\.[^\S\n]{NUMERIC_DAY}\.[^\S\n]{YEAR}{b}"),
    ]
    .map(|alt| format!("(?:{alt})"))
    .join("|")
});

/// What a printed date says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Printed {
    /// A calendar day.
    Day(NaiveDate),
    /// A month and a day, without the year (a dateline's `Oct 12`).
    MonthDay {
        /// 1–12.
        month: u32,
        /// 1–31.
        day: u32,
    },
}

/// Why a printed date gives no day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotADay {
    /// Not a printed date this grammar knows.
    Unknown,
    /// No such day in the calendar (`30 February 2021`).
    Invalid,
    /// A numeric date that reads two ways (`06/03/2020`: 6 March or 3 June).
    Ambiguous(NaiveDate, NaiveDate),
}

impl fmt::Display for NotADay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NotADay::Unknown => f.write_str("not a date"),
            NotADay::Invalid => f.write_str("no such day in the calendar"),
            NotADay::Ambiguous(a, b) => write!(
                f,
                "its day and month can be read both ways ({} or {})",
                a.format("%Y-%m-%d"),
                b.format("%Y-%m-%d")
            ),
        }
    }
}

/// The order of the day and the month of a numeric date (`14/06/2022`, `06/14/2022`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Order {
    /// `14/06/2022`.
    DayFirst,
    /// `06/14/2022`.
    MonthFirst,
}

impl Order {
    /// The day a date that reads both ways is, in this order.
    pub fn read(self, day_month: NaiveDate, month_day: NaiveDate) -> NaiveDate {
        match self {
            Order::DayFirst => day_month,
            Order::MonthFirst => month_day,
        }
    }

    /// The words for it: "day first".
    pub fn words(self) -> &'static str {
        match self {
            Order::DayFirst => "day first",
            Order::MonthFirst => "month first",
        }
    }
}

/// The order a numeric date (`14-06-2022`, `6/14/2022`) is written in, when its numbers
/// tell it: no month is above 12. `None` for other dates, and for a
/// numeric date whose numbers could be either.
pub fn numeric_order(text: &str) -> Option<Order> {
    let c = GRAMMAR.numeric.captures(text.trim())?;
    let (a, b) = (c["a"].parse::<u32>().ok()?, c["b"].parse::<u32>().ok()?);
    match (a > 12, b > 12) {
        (true, false) => Some(Order::DayFirst),
        (false, true) => Some(Order::MonthFirst),
        _ => None,
    }
}

struct Grammar {
    day_first: Regex,
    month_first: Regex,
    year_first: Regex,
    /// The year, a comma, the month's name and the day: `2012, March 13`.
    cited: Regex,
    numeric: Regex,
}

static GRAMMAR: LazyLock<Grammar> = LazyLock::new(|| {
    let anchored = |s: String| Regex::new(&format!(r"^(?:{s})$")).expect("printed-date grammar");
    let weekday = format!(r"(?:{WEEKDAY},?\s+)?");
    let day = r"(?P<d>[0-9]{1,2})(?:st|nd|rd|th)?";
    let month = r"(?P<m>[A-Za-z]+\.?)";
    let year = r"(?P<y>[0-9]{4})";
    Grammar {
        day_first: anchored(format!(
            r"{weekday}{day}(?:\.?(?:\s+of)?\s+|\s+-\s+|[-/]){month}(?:(?:,?\s*|[-/]){year})?"
        )),
        month_first: anchored(format!(r"{weekday}{month}\s*{day}(?:,?\s*{year})?")),
        year_first: anchored(format!(
            r"(?P<y>[0-9]{{4}})[-./](?P<m>[0-9]{{1,2}})[-./](?P<d>[0-9]{{1,2}})(?:{ISO_TIME})?"
        )),
        cited: anchored(format!(r"{year},\s*{month}\s*{day}")),
        numeric: anchored(
            r"(?P<a>[0-9]{1,2})(?:[-./]|\.\x20)(?P<b>[0-9]{1,2})(?:[-./]|\.\x20)(?P<y>[0-9]{4})"
                .into(),
        ),
    }
});

/// Reads a printed date matched by [`PATTERN`].
pub fn parse_printed(text: &str) -> Result<Printed, NotADay> {
    let text = super::fold_space(text);
    let g = &*GRAMMAR;
    let number = |s: &str| s.parse::<u32>().map_err(|_| NotADay::Unknown);
    let year = |s: &str| s.parse::<i32>().map_err(|_| NotADay::Unknown);
    let day_of = |y: i32, m: u32, d: u32| NaiveDate::from_ymd_opt(y, m, d).ok_or(NotADay::Invalid);
    for re in [&g.day_first, &g.month_first, &g.cited] {
        if let Some(c) = re.captures(&text) {
            let month = month_number(&c["m"]).ok_or(NotADay::Unknown)?;
            let day = number(&c["d"])?;
            return match c.name("y") {
                Some(y) => day_of(year(y.as_str())?, month, day).map(Printed::Day),
                // 29 February stands in some year.
                None => day_of(2000, month, day).map(|_| Printed::MonthDay { month, day }),
            };
        }
    }
    if let Some(c) = g.year_first.captures(&text) {
        return day_of(year(&c["y"])?, number(&c["m"])?, number(&c["d"])?).map(Printed::Day);
    }
    if let Some(c) = g.numeric.captures(&text) {
        let (a, b, y) = (number(&c["a"])?, number(&c["b"])?, year(&c["y"])?);
        let day_month = NaiveDate::from_ymd_opt(y, b, a);
        let month_day = NaiveDate::from_ymd_opt(y, a, b);
        let dotted = c.get(0).is_some_and(|m| m.as_str().contains('.'));
        return match (day_month, month_day) {
            (Some(x), _) if dotted => Ok(Printed::Day(x)),
            (Some(x), Some(z)) if x != z => Err(NotADay::Ambiguous(x, z)),
            (Some(x), _) | (None, Some(x)) => Ok(Printed::Day(x)),
            (None, None) => Err(NotADay::Invalid),
        };
    }
    Err(NotADay::Unknown)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Result<Printed, NotADay> {
        Ok(Printed::Day(NaiveDate::from_ymd_opt(y, m, d).unwrap()))
    }

    #[test]
    fn word_orders() {
        for text in [
            "June 14, 2022",
            "Jun 14 2022",
            "JUN. 14, 2022",
            "14 June 2022",
            "14 June,2022",
            "14th of June, 2022",
            "Tuesday, 14 June 2022",
            "Tue 14 Jun 2022",
            "Tues. June 14, 2022",
            "14/June/2022",
            "14-Jun-2022",
            "Tue 14 - June 2022",
            "June 14,2022",
            "2022, June 14",
            "14. June 2022",
        ] {
            assert_eq!(parse_printed(text), day(2022, 6, 14), "{text}");
        }
        assert_eq!(parse_printed("Sept. 6, 2021"), day(2021, 9, 6));
        // A dot after "May", as other months' cut names have one.
        assert_eq!(parse_printed("May. 2, 2021"), day(2021, 5, 2));
        assert_eq!(parse_printed("8th Dec, 2021"), day(2021, 12, 8));
    }

    #[test]
    fn a_capitalized_month_with_its_year_may_be_glued_to_the_word_before() {
        let re = Regex::new(&PATTERN).unwrap();
        let found = |text: &str| re.find(text).map(|m| m.as_str().to_string());
        assert_eq!(
            found("Jane RoeApril 13, 2023").as_deref(),
            Some("April 13, 2023")
        );
        assert_eq!(
            found("By RoeSept. 6, 2021").as_deref(),
            Some("Sept. 6, 2021")
        );
        // A lowercase month, or one without its year, is part of the word.
        assert_eq!(found("Omar 3, 2023 and Omar 3"), None);
        assert_eq!(found("RoeApril 13"), None);
    }

    #[test]
    fn without_a_year() {
        assert_eq!(
            parse_printed("Oct 12"),
            Ok(Printed::MonthDay { month: 10, day: 12 })
        );
        assert_eq!(
            parse_printed("FEB 29"),
            Ok(Printed::MonthDay { month: 2, day: 29 })
        );
        assert_eq!(parse_printed("Feb 30"), Err(NotADay::Invalid));
    }

    #[test]
    fn numeric_forms() {
        assert_eq!(parse_printed("2022-06-14"), day(2022, 6, 14));
        assert_eq!(parse_printed("2015.11.13"), day(2015, 11, 13));
        assert_eq!(parse_printed("14/06/2022"), day(2022, 6, 14));
        assert_eq!(parse_printed("6/14/2022"), day(2022, 6, 14));
        assert_eq!(parse_printed("10.10.2018"), day(2018, 10, 10));
        assert_eq!(parse_printed("19-01-2025"), day(2025, 1, 19));
        assert!(matches!(
            parse_printed("06/03/2020"),
            Err(NotADay::Ambiguous(..))
        ));
        assert!(matches!(
            parse_printed("06-03-2020"),
            Err(NotADay::Ambiguous(..))
        ));
        assert_eq!(parse_printed("06.03.2020"), day(2020, 3, 6));
        assert_eq!(parse_printed("12. 1. 2024"), day(2024, 1, 12));
        assert_eq!(parse_printed("12 1 2024"), Err(NotADay::Unknown));
        assert_eq!(parse_printed("03.25.2020"), day(2020, 3, 25));
        assert_eq!(parse_printed("2022-02-30"), Err(NotADay::Invalid));
        assert_eq!(parse_printed("31/31/2022"), Err(NotADay::Invalid));
        assert_eq!(parse_printed("2022-06-14T08:04:53Z"), day(2022, 6, 14));
        assert_eq!(parse_printed("2022-06-14T23:59+05:30"), day(2022, 6, 14));
        assert_eq!(parse_printed("2022-06-14T08"), Err(NotADay::Unknown));
    }

    #[test]
    fn the_pattern_finds_what_the_parser_reads() {
        let re = Regex::new(&PATTERN).unwrap();
        for text in [
            "Published June 14, 2022 by",
            "11:20 AM | June 2, 2023",
            "Tue / 7 March 2023 / 09:10",
            "Date Posted: 09.26.2024 12:07",
            "2020-09-15 15:49:25",
            "LYON, Oct 12 (Example Wire) -",
            "2020-09-15T15:49:25.120+02:00 Lyon",
            "Published: 12. 1. 2024",
            "Citation: Talks in Lyon (2022, June 14) retrieved",
            "Jane Roe 26. January 2026",
        ] {
            let m = re.find(text).unwrap_or_else(|| panic!("no date in {text}"));
            assert!(parse_printed(m.as_str()).is_ok(), "{text}: {}", m.as_str());
        }
        assert!(re.find("scored 3-1 in 90 minutes").is_none());
        assert!(re.find("Omar 12 said").is_none());
        // A time glued to the day is ISO's only: no date in a serial number.
        assert!(re.find("ref 2020-09-15T1549").is_none());
    }
}
