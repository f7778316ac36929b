//! Calendar dates as intervals with a precision, and relative dates resolved against an
//! article's publication date with news conventions.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::LazyLock;

/// How finely a date was stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// One day: "12 October 2021", "on Tuesday".
    Day,
    /// A span of days that is not a calendar month or year: "last week", "earlier this month".
    Range,
    /// A calendar month: "July 2018", "last month".
    Month,
    /// A calendar year: "2023", "last year".
    Year,
}

/// A date as the closed interval of days it may denote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateValue {
    /// First day the expression may denote.
    pub start: NaiveDate,
    /// Last day the expression may denote (inclusive).
    pub end: NaiveDate,
    /// How finely it was stated.
    pub precision: Precision,
    /// A weekday written next to an explicit date ("Tuesday, 12 October 2021"), kept as
    /// stated so that it can be checked against the calendar.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stated_weekday: Option<Weekday>,
    /// Whether the days rest on the article date ("on Tuesday", "last year", a day without
    /// its year): such a date is wrong whenever the article date is.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub relative: bool,
}

impl DateValue {
    /// A single day.
    pub fn day(date: NaiveDate) -> Self {
        Self::span(date, date, Precision::Day)
    }

    /// A whole calendar month; `None` if the month does not exist.
    pub fn month(year: i32, month: u32) -> Option<Self> {
        let start = NaiveDate::from_ymd_opt(year, month, 1)?;
        let end = start.checked_add_months(Months::new(1))?.pred_opt()?;
        Some(Self::span(start, end, Precision::Month))
    }

    /// A whole calendar year; `None` outside chrono's range.
    pub fn year(year: i32) -> Option<Self> {
        Some(Self::span(
            NaiveDate::from_ymd_opt(year, 1, 1)?,
            NaiveDate::from_ymd_opt(year, 12, 31)?,
            Precision::Year,
        ))
    }

    /// The days from `start` to `end` inclusive.
    pub fn span(start: NaiveDate, end: NaiveDate, precision: Precision) -> Self {
        Self {
            start,
            end,
            precision,
            stated_weekday: None,
            relative: false,
        }
    }

    /// Whether the two intervals share at least one day.
    pub fn overlaps(&self, other: &DateValue) -> bool {
        self.start <= other.end && other.start <= self.end
    }
}

impl fmt::Display for DateValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.precision {
            Precision::Day => write!(f, "{}", self.start.format("%Y-%m-%d")),
            Precision::Month => write!(f, "{}", self.start.format("%Y-%m")),
            Precision::Year => write!(f, "{}", self.start.format("%Y")),
            Precision::Range => write!(
                f,
                "{}..{}",
                self.start.format("%Y-%m-%d"),
                self.end.format("%Y-%m-%d")
            ),
        }
    }
}

/// Which way a relative expression points when it could go either way ("on Tuesday").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Reported past events: the most recent such day up to and including the anchor (a
    /// day of the year may lie a little after it: see `PAST_SLACK_DAYS`).
    Past,
    /// Planned events: the next such day from the anchor on.
    Future,
}

/// A date expression turned into days.
#[derive(Debug, Clone, PartialEq)]
pub struct Dated {
    /// The days it denotes.
    pub value: DateValue,
    /// For a relative expression, how it was resolved against the article date.
    pub resolution: Option<String>,
}

/// Why a date expression gave no date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not a date expression this grammar knows.
    NotADate,
    /// A relative expression ("on Tuesday", "last year") in an article without a date.
    NeedsAnchor,
    /// A date that does not exist in the calendar ("30 February 2021").
    Invalid,
    /// A day in numbers whose day and month read both ways, neither on the weekday
    /// written with it ("Monday (7/6/2019)").
    Ambiguous,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DateError::NotADate => "not a date expression",
            DateError::NeedsAnchor => "relative date, and the article has no date",
            DateError::Invalid => "no such day in the calendar",
            DateError::Ambiguous => {
                "its day and month read both ways, and neither reading falls on its weekday"
            }
        })
    }
}

/// Whether a date expression opens a period that runs to the article's day ("since
/// February"): the day counting began, never the day of an event it counts ("her second
/// visit since February").
pub fn opens_period(text: &str) -> bool {
    text.trim_start()
        .get(..5)
        .is_some_and(|w| w.eq_ignore_ascii_case("since"))
}

/// Whether a date expression, with the text `before` it, is the last day of a period ("until
/// May 6", "over the week through May 6", "till Friday"): the day an event ends, never the
/// day it begins. A range that runs to it ("from May 3 through May 6") is one expression.
pub fn ends_period(before: &str, text: &str) -> bool {
    let until = |w: &str| {
        ["until", "till", "through", "thru"]
            .iter()
            .any(|u| w.eq_ignore_ascii_case(u))
    };
    text.split_whitespace().next().is_some_and(until)
        || before.split_whitespace().next_back().is_some_and(until)
}

/// A month's full name, which alone after a preposition ("in March") is a date: no
/// abbreviation, which alone may be another word ("Mar", "Jan").
const FULL_MONTH: &str =
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)";
/// What makes a month's name alone a date: "in March", "since early May", "during mid-June",
/// "early December" ("May" alone may be a name: "a visit by May").
/// What joins the two months of a span: a hyphen, an en or em dash, or a slash
/// ("September–October 2009", "September/October 2009").
const MONTH_SPAN_DASH: &str = r"\s*[-–—/]\s*";
const MONTH_LEAD: &str = r"(?i:in|during|since|until)\s+(?:(?i:early|late|mid-?)\s*)?";
/// The part of a month alone before it, which makes its name a date too: "early December",
/// "mid-April" (not "late", as often of the dead: "the late June Mba").
const MONTH_LEAD_BARE: &str = r"(?:(?i:early)\s+|(?i:mid)(?:-|\s+))";
const MONTH: &str = r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|Jun(?:e|\.)?|Jul(?:y|\.)?|Aug(?:ust|\.)?|Sep(?:tember|t\.?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)";
const WEEKDAY: &str = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
/// A day of the month in words' company: `12`, `03`, `12th`.
pub(crate) const DAY: &str = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?";
/// A day of the month before its month's name, with what joins them: a space, or an
/// ordinal suffix with or without one ("28th October", "28thOctober"), perhaps "of".
const DAY_BEFORE_MONTH: &str = r"(?:[12][0-9]|3[01]|0?[1-9])(?:(?:st|nd|rd|th)\s*|\s+)(?:of\s+)?";
/// A year claimlint reads: 1800–2199.
pub(crate) const YEAR: &str = r"(?:1[89]|2[01])[0-9]{2}";
/// What stands between a day or a month and its year: a space, a comma with or without
/// one ("June 6, 2015", "June 6,2015"), or "in" or "of" ("June 6 in 2015", "March of
/// 2015").
const YEAR_SEP: &str = r"(?:,\s*|\s+(?:(?i:in|of)\s+)?)";
/// What may stand before a weekday its date follows: "this Friday, March 14".
const WEEKDAY_REL: &str = r"(?:(?i:this|last|next)\s+)?";
/// The part of a year, a month or a week a date names: "by the end of", "at the start of".
const UNIT_PART: &str =
    r"(?:by|before|until|till|at|towards?|around)\s+the\s+(?:end|start|beginning)\s+of";
/// The parts of a day ("Monday evening", "the night of September 2"), one literal for
/// the patterns that name them.
macro_rules! part_of_day {
    () => {
        r"(?:morning|afternoon|evening|night)"
    };
}
const PART_OF_DAY: &str = part_of_day!();
/// What may stand before a day to say when in it: "the night of September 2".
const PART_OF: &str = concat!(r"(?:(?i:the)\s+", part_of_day!(), r"\s+of\s+)?");
/// What stands between a weekday and its date: a comma or a space ("Tuesday, 12
/// October"), or an opening bracket ("Thursday (Mar. 9)"), perhaps after a part of the day
/// ("Thursday morning (October 16)").
const WEEKDAY_SEP: &str = concat!(r"(?:\s+", part_of_day!(), r")?(?:,?\s+|\s*\(\s*)");
/// What names a week of a month before the month's name: "the first week of", "in the
/// last week of", "in second week of" (the article left out).
const WEEK_OF_MONTH: &str = r"(?i:(?:in|during)\s+(?:the\s+)?|the\s+)(?i:first|second|third|fourth|last|final)\s+(?i:week)\s+(?i:of)\s+";
const COUNT: &str =
    r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[0-9]{1,3})";

/// The regex (no capture groups) of every date expression this module parses, absolute and
/// relative, with ASCII word boundaries.
pub static PATTERN: LazyLock<String> = LazyLock::new(|| {
    let b = r"(?-u:\b)";
    let day = day_of_month();
    let mut alternatives = range_alternatives();
    alternatives.extend([
        // Tuesday, 12 October 2021 / the 12th of October, 2021 / Tuesday, October 12, 2021 /
        // this Friday, March 14, 2025 / the night of September 2, or without the year,
        // which the article's date gives. (The two orders never match at one place: one
        // opens with the day, the other with the month.) A day of the next month may end
        // a range from it ("June 30-July 2, 2015") or join it ("June 30 and July 2, 2015"):
        // one alternative with the single day, so that the automata share its states.
        format!(
            r"{PART_OF}(?:{WEEKDAY_REL}{WEEKDAY}{WEEKDAY_SEP})?{day}(?:(?:{CROSS_DASH}|\s+and\s+){day})?(?:{YEAR_SEP}{YEAR})?{b}"
        ),
        // July 2018; September–October 2009, the range of both months
        format!(r"(?:{FULL_MONTH}{MONTH_SPAN_DASH})?{MONTH}{YEAR_SEP}{YEAR}{b}"),
        // in March, in early May 2019, in March last year, in July 20(19): a month alone
        // is of the article's year; until September–October 2009 is of the year stated
        format!(
            r"{b}(?:{MONTH_LEAD}|{MONTH_LEAD_BARE})(?:{FULL_MONTH}{MONTH_SPAN_DASH}{FULL_MONTH}{YEAR_SEP}{YEAR}|{FULL_MONTH}(?:\s+{DAY}|\s+(?i:last|this|next)\s+year)?(?:{YEAR_SEP}{YEAR})?){b}"
        ),
        // the first week of October, in the last week of May 2019, the third week of this
        // month: seven days of the month (of something of the month, "the first week of
        // October's talks", the month)
        format!(
            r"{b}{WEEK_OF_MONTH}(?:{FULL_MONTH}(?:{YEAR_SEP}{YEAR})?|(?i:this|next|last)\s+(?i:month))(?:['’]s)?{b}"
        ),
        // last April, next September: the nearest such month before or after; next
        // January 25, the nearest such day
        format!(r"{b}(?i:last|next)\s+{FULL_MONTH}(?:\s+{DAY})?{b}"),
        // 2023
        format!(r"{b}{YEAR}{b}"),
        // yesterday, earlier today, early this morning, last night, earlier in the day,
        // last year, earlier this month, two years ago; "tomorrow, Monday" and "tomorrow
        // (Thursday)" are the day the weekday tells; "today (Tuesday, 4th of March)" is the
        // day in brackets
        format!(
            r"{b}(?i:{DEICTIC})(?:,?\s+{WEEKDAY}{b}|\s*\(\s*{WEEKDAY}\s*\)|\s*\(\s*(?:{WEEKDAY},?\s+)?(?:(?:the\s+)?{DAY_BEFORE_MONTH}{MONTH}|{MONTH}\s+{DAY})(?:{YEAR_SEP}{YEAR})?\s*\)|{b})"
        ),
        format!(
            r"{b}(?i:(?:earlier|later|early|late)\s+)?(?i:last|this|next)\s+(?i:year|month|week){b}"
        ),
        // by the end of the year, at the start of next month, towards the end of this week
        format!(r"{b}(?i:{UNIT_PART}\s+(?:the|this|last|next)\s+(?:year|month|week)){b}"),
        format!(r"{b}(?i:{COUNT}\s+(?:day|week|month|year)s?\s+ago){b}"),
        // over the weekend, this past weekend, last weekend
        format!(r"{b}(?i:{}){b}", WEEKEND.replace("?P<rel>", "?:")),
        // Sunday night, last Tuesday, late on Monday, Wednesday last week; Monday
        // (22/7/2019), Monday (7/23): the day in numbers, whose order the weekday tells
        format!(
            r"(?:(?i:last|this|next|late|early)\s+(?:on\s+)?)?{WEEKDAY}(?:\s+{PART_OF_DAY})?(?:\s+(?i:last|this|next)\s+week)?{b}(?:{NUMERIC_IN_BRACKETS})?"
        ),
    ]);
    alternatives
        .iter()
        .map(|alt| format!("(?:{alt})"))
        .collect::<Vec<_>>()
        .join("|")
});

/// The regex (no capture groups) of a range of days: "14-16 May", "May 14–16, 2019",
/// "from March 3 to March 5, 2019", "from 3 to 5 March", "between Sunday and Tuesday".
pub static RANGE_PATTERN: LazyLock<String> = LazyLock::new(|| {
    let b = r"(?-u:\b)";
    let year = format!(r"(?:{YEAR_SEP}{YEAR})?");
    let day = day_of_month();
    let mut alternatives = range_alternatives();
    // From one month into the next: "June 30-July 2, 2015", "30 June to 2 July".
    alternatives.push(format!(r"{b}{day}{CROSS_DASH}{day}{year}{b}"));
    alternatives
        .iter()
        .map(|alt| format!("(?:{alt})"))
        .collect::<Vec<_>>()
        .join("|")
});

/// The regexes of the ranges of days within a month, or from and to: "14-16 May", "May
/// 14–16, 2019", "from March 3 to March 5, 2019", "from 3 to 5 March", "between Sunday
/// and Tuesday".
fn range_alternatives() -> Vec<String> {
    let b = r"(?-u:\b)";
    let dash = RANGE_DASH;
    let year = format!(r"(?:{YEAR_SEP}{YEAR})?");
    let day_month = format!(r"(?:the\s+)?{DAY_BEFORE_MONTH}{MONTH}");
    let either = format!(r"(?:{day_month}|{MONTH}\s+{DAY}){year}");
    // Each end of a range from and to may name its weekday: "from Monday 3 to Wednesday
    // 5 June".
    let wd = format!(r"(?:{WEEKDAY},?\s+)?");
    vec![
        format!(r"{b}{DAY}{dash}{DAY}\s+{MONTH}{year}{b}"),
        format!(r"{MONTH}\s+{DAY}{dash}{DAY}{year}{b}"),
        // Two bare numbers ("from 3 to 5 percent") are no range of days: a month or a
        // weekday stands at one end at least.
        format!(
            r"{b}(?i:from|between)\s+(?:{wd}{either}|{WEEKDAY})\s+{RANGE_TO}\s+(?:{wd}(?:{day_month}|{MONTH}\s+{DAY}|{DAY}){year}|{WEEKDAY}){b}"
        ),
        format!(r"{b}(?i:from|between)\s+{wd}{DAY}\s+{RANGE_TO}\s+{wd}{day_month}{year}{b}"),
    ]
}

/// The regex (no capture groups) of a day named from the article's own: "yesterday",
/// "earlier today", "early this morning", "last night" (the day before), "later in the day".
const DEICTIC: &str = r"(?:(?:early|late|earlier|later)\s+)?(?:yesterday|today|tonight|tomorrow|this\s+(?:morning|afternoon|evening))|(?:earlier|later)\s+in\s+the\s+day|last\s+night";

/// A day or a month named without its year ("May 3", "Friday, Sept. 9", "in February"),
/// dated in `year` (a weekday written with it may tell the year beside); `None` for any
/// other date expression, and for one named from the article's day ("last April"). For an
/// article with no date whose page gives the year elsewhere.
pub fn parse_in_year(text: &str, year: i32, direction: Direction) -> Option<Dated> {
    static MONTH_NAME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?-u:\b)(?:{FULL_MONTH}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?-u:\b)"
        ))
        .expect("built-in month names")
    });
    static FROM_TODAY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:last|next|this|ago|yesterday|today|tomorrow|tonight)(?-u:\b)")
            .expect("built-in relative words")
    });
    // "next Friday, May 3": the word before a weekday its date follows adds nothing.
    static WEEKDAY_DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"^(?i:this|last|next)\s+((?:{}))$",
            *WEEKDAY_DATE_PATTERN
        ))
        .expect("built-in weekday dates")
    });
    let text = super::fold_space(text);
    let text = text.trim();
    let text = captures(&WEEKDAY_DATE, text)
        .and_then(|c| c.get(1))
        .map_or(text, |m| m.as_str());
    // "the last week of May" names a week of May, not one from the article's day.
    let month_words = captures(&GRAMMAR.week_of_month, text)
        .and_then(|c| c.name("month"))
        .map_or(text, |m| m.as_str());
    if !MONTH_NAME.is_match(text) || FROM_TODAY.is_match(month_words) {
        return None;
    }
    let anchor = match direction {
        Direction::Past => NaiveDate::from_ymd_opt(year, 12, 31)?,
        Direction::Future => NaiveDate::from_ymd_opt(year, 1, 1)?,
    };
    parse_date(text, Some(anchor), direction).ok()
}

/// Whether `rest`, the words right after a day or a month named without its year, give it
/// the year of the date told before it: "in October the same year", "on 3 May of that
/// year", "in June that same year".
pub fn same_year_after(rest: &str) -> bool {
    static SAME_YEAR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^,?\s+(?i:of\s+)?(?i:the\s+same|that(?:\s+same)?)\s+year(?-u:\b)")
            .expect("built-in same-year words")
    });
    SAME_YEAR.is_match(rest)
}

/// The month `text` names as `YYYY-MM` ("2023-05"), as an article's metadata may give its
/// date.
pub fn month_of(text: &str) -> Option<DateValue> {
    let (year, month) = text.trim().split_once('-')?;
    if year.len() != 4 || month.len() != 2 {
        return None;
    }
    DateValue::month(year.parse().ok()?, month.parse().ok()?)
}

/// The month and day (or month) a date expression names without its year, ISO 8601 style:
/// "--05-31" for "May 31" (and for "from May 31 to June 1", which its first day dates),
/// "--03" for "in March", for "last March" and for "in March this year", whose year the
/// article's would tell. `None` for any other date expression (see [`parse_in_year`]).
pub fn yearless(text: &str, direction: Direction) -> Option<String> {
    // "last March" is a March: "in March".
    static MONTH_FROM_TODAY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"^(?i:last|next|this)\s+({FULL_MONTH}(?-u:\b))"))
            .expect("built-in relative months")
    });
    // "in March this year", "on 3 May last year": a month or a day of a year only the
    // article's would tell.
    static YEAR_FROM_TODAY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r",?\s+(?i:this|last|next|the\s+previous|the\s+following)\s+year$")
            .expect("built-in relative years")
    });
    if parse_date(text, None, direction).is_ok() {
        return None;
    }
    // "today (Tuesday, 4th of March)" is the day in brackets.
    let text = captures(&GRAMMAR.deictic_dated, text.trim())
        .and_then(|c| c.name("date"))
        .map_or(text, |m| m.as_str());
    let text = MONTH_FROM_TODAY.replace(text.trim(), "in $1");
    let text = YEAR_FROM_TODAY.replace(&text, "");
    // A leap year, so that "February 29" is a day of it.
    let dated = parse_in_year(&text, 2000, direction)?.value;
    match dated.precision {
        Precision::Day => Some(dated.start.format("--%m-%d").to_string()),
        // "the first week of October" lies in October.
        Precision::Month | Precision::Range if dated.start.month() == dated.end.month() => {
            Some(dated.start.format("--%m").to_string())
        }
        Precision::Month | Precision::Range | Precision::Year => None,
    }
}

/// The first and last days of the year (numbered as in a leap year, from 1) that a month
/// and day, or a month, named without its year spans ("--05-31", "--03"; see
/// [`yearless`]).
pub fn yearless_days(days: &str) -> Option<(i64, i64)> {
    let mut parts = days.strip_prefix("--")?.split('-');
    let month: u32 = parts.next()?.parse().ok()?;
    let first = NaiveDate::from_ymd_opt(2000, month, 1)?;
    let (start, end) = match parts.next() {
        Some(day) => {
            let day = first.with_day(day.parse().ok()?)?;
            (day, day)
        }
        None => (first, first.checked_add_months(Months::new(1))?.pred_opt()?),
    };
    Some((i64::from(start.ordinal()), i64::from(end.ordinal())))
}

/// The first and last days of the year (numbered as in a leap year) that `value` spans,
/// when it lies within one year.
pub fn days_of_year(value: &DateValue) -> Option<(i64, i64)> {
    let in_2000 = |d: NaiveDate| NaiveDate::from_ymd_opt(2000, d.month(), d.day());
    if value.start.year() != value.end.year() {
        return None;
    }
    let (start, end) = (in_2000(value.start)?, in_2000(value.end)?);
    Some((i64::from(start.ordinal()), i64::from(end.ordinal())))
}

/// Whether `text` is a weekday named from the article's day ("Tuesday", "late on Friday",
/// "Monday morning").
pub fn names_weekday(text: &str) -> bool {
    GRAMMAR.weekday.is_match(super::fold_space(text).trim())
}

/// Whether `text` names a weekday with no word that names its week ("Tuesday", "late on
/// Tuesday"; not "last Tuesday", "this Tuesday" nor "Tuesday next week").
pub fn names_bare_weekday(text: &str) -> bool {
    captures(&GRAMMAR.weekday, super::fold_space(text).trim()).is_some_and(|c| {
        let moved = c.name("rel").is_some_and(|r| {
            !r.as_str().eq_ignore_ascii_case("late") && !r.as_str().eq_ignore_ascii_case("early")
        });
        !moved && c.name("week").is_none()
    })
}

/// Whether `text` names a time of "the day" ("later in the day", "earlier in the day"):
/// the day the text told last, where it told one, else the article's.
pub fn of_the_day_told(text: &str) -> bool {
    let text = super::fold_space(text);
    ["earlier in the day", "later in the day"]
        .iter()
        .any(|words| text.trim().eq_ignore_ascii_case(words))
}

/// Whether `text` is a day named from the article's own alone ("today", "yesterday").
pub fn is_deictic(text: &str) -> bool {
    GRAMMAR.deictic.is_match(text)
}

/// Whether `text` names a day from the article's with no weekday to tell it ("today",
/// "yesterday"; not "tomorrow (Thursday)").
pub fn is_bare_deictic(text: &str) -> bool {
    captures(&GRAMMAR.deictic, super::fold_space(text).trim())
        .is_some_and(|c| c.name("wd").is_none())
}

/// The regex of a Saturday and Sunday named from the article's day: "over the weekend",
/// "at the weekend", "this weekend", "this past weekend", "last weekend", "the coming
/// weekend" ("next weekend" says neither this week's nor the one after).
const WEEKEND: &str =
    r"(?:(?:over|at|during|on)\s+the|this|(?:this\s+|the\s+)?(?P<rel>last|past|coming))\s+weekend";

/// What joins two days of one month into a range: "14-16 May", "3 and 4 May", "May 3 to
/// 5".
const RANGE_DASH: &str = r"(?:\s*[-–]\s*|\s+(?:and|to)\s+)";

/// A day and its month, either way round: "12 October", "the 12th of October", "October 12".
fn day_of_month() -> String {
    format!(r"(?:(?:the\s+)?{DAY_BEFORE_MONTH}{MONTH}|{MONTH}\s+{DAY})")
}

/// A day in numbers in brackets after its weekday, day and month in either order, perhaps
/// with the year, joined by slashes, or by dots with the year: "Monday (22/7/2019)",
/// "Monday (7/23)", "Monday (07.22.2019)" (not "Friday (10.30)", a time of day).
const NUMERIC_IN_BRACKETS: &str = r"\s*\(\s*[0-9]{1,2}(?:\s*/\s*[0-9]{1,2}(?:\s*/\s*(?:1[89]|2[01])[0-9]{2})?|\.[0-9]{1,2}\.(?:1[89]|2[01])[0-9]{2})\s*\)";
/// What joins the ends of a range of days in two months: a dash or "to" ("June 30-July 2",
/// "30 June to 2 July"); "June 30 and July 2" are two days.
const CROSS_DASH: &str = r"(?:\s*[-–]\s*|\s+to\s+)";
/// The words that join the ends of a range of days.
const RANGE_TO: &str = r"(?:to|and|until|till|through)";

/// The regex (no capture groups) of an absolute date that names its weekday: "Tuesday,
/// 12 October 2021", "Tuesday, October 12". These are what the weekday check verifies.
pub static WEEKDAY_DATE_PATTERN: LazyLock<String> = LazyLock::new(|| {
    let b = r"(?-u:\b)";
    [
        format!(
            r"{WEEKDAY}{WEEKDAY_SEP}(?:the\s+)?{DAY_BEFORE_MONTH}{MONTH}(?:{YEAR_SEP}{YEAR})?{b}"
        ),
        format!(r"{WEEKDAY}{WEEKDAY_SEP}{MONTH}\s+{DAY}(?:{YEAR_SEP}{YEAR})?{b}"),
        format!(r"{WEEKDAY}(?:\s+{PART_OF_DAY})?{NUMERIC_IN_BRACKETS}"),
    ]
    .map(|alt| format!("(?:{alt})"))
    .join("|")
});

struct Grammar {
    full_day_first: Regex,
    full_month_first: Regex,
    month_year: Regex,
    day_first: Regex,
    month_first: Regex,
    year: Regex,
    deictic: Regex,
    /// A word for a day near the article's with that day's date in brackets: "today
    /// (Tuesday, 4th of March)".
    deictic_dated: Regex,
    relative_unit: Regex,
    unit_part: Regex,
    ago: Regex,
    weekend: Regex,
    weekday: Regex,
    day_range_first: Regex,
    month_range_first: Regex,
    from_to: Regex,
    /// A range of days from one month into the next, with no "from": "June 30-July 2".
    cross_months: Regex,
    /// Two days of two months, and the year they share: "June 30 and July 2, 2015".
    two_days: Regex,
    /// A weekday and its day in numbers in brackets: "Monday (22/7/2019)".
    weekday_numeric: Regex,
    bare_day: Regex,
    /// What leads a month's name ("in", "since early"; "early", "mid-" alone, captured
    /// as `bare`, only before the name itself).
    month_lead: Regex,
    month_alone: Regex,
    month_relative: Regex,
    /// A week of a month: "the first week of October", "in the last week of May 2019".
    week_of_month: Regex,
}

static GRAMMAR: LazyLock<Grammar> = LazyLock::new(|| {
    let anchored = |s: String| Regex::new(&format!("^(?:{s})$")).expect("built-in date grammar");
    let wd = format!(
        r"{PART_OF}(?:{WEEKDAY_REL}(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday){WEEKDAY_SEP})?"
    );
    let day = r"(?P<d>[0-9]{1,2})(?:st|nd|rd|th)?";
    // A day before its month: "28 October", "28th of October", "28thOctober".
    let day_month = r"(?P<d>[0-9]{1,2})(?:(?:st|nd|rd|th)\s*|\s+)(?:of\s+)?";
    let month = r"(?P<m>[A-Z][a-z]+\.?)";
    let year = r"(?P<y>[0-9]{4})";
    Grammar {
        full_day_first: anchored(format!(r"{wd}(?:the\s+)?{day_month}{month}{YEAR_SEP}{year}")),
        full_month_first: anchored(format!(r"{wd}{month}\s+{day}{YEAR_SEP}{year}")),
        month_year: anchored(format!(
            r"{month}(?:{MONTH_SPAN_DASH}(?P<m2>{FULL_MONTH}))?{YEAR_SEP}{year}"
        )),
        day_first: anchored(format!(r"{wd}(?:the\s+)?{day_month}{month}")),
        month_first: anchored(format!(r"{wd}{month}\s+{day}")),
        year: anchored(year.to_string()),
        deictic: anchored(format!(
            r"(?i)(?P<w>{DEICTIC})(?:(?:,?\s+|\s*\(\s*)(?P<wd>{WEEKDAY})\s*\)?)?"
        )),
        deictic_dated: anchored(format!(r"(?i:{DEICTIC})\s*\(\s*(?P<date>[^()]+?)\s*\)")),
        relative_unit: anchored(
            r"(?i)(?:(?P<edge>earlier|later|early|late)\s+)?(?P<rel>last|this|next)\s+(?P<unit>year|month|week)"
                .to_string(),
        ),
        unit_part: anchored(format!(
            r"(?i)(?P<part>{UNIT_PART})\s+(?:the|this|(?P<rel>last|next))\s+(?P<unit>year|month|week)"
        )),
        ago: anchored(format!(
            r"(?i)(?P<n>{COUNT})\s+(?P<unit>day|week|month|year)s?\s+ago"
        )),
        weekend: anchored(format!("(?i){WEEKEND}")),
        weekday: anchored(format!(
            r"(?:(?P<rel>(?i:last|this|next|late|early))\s+(?:on\s+)?)?(?P<wd>{WEEKDAY})(?:\s+{PART_OF_DAY})?(?:\s+(?P<week>(?i:last|this|next))\s+week)?"
        )),
        day_range_first: anchored(format!(
            r"(?P<d1>[0-9]{{1,2}})(?:st|nd|rd|th)?{RANGE_DASH}(?P<end>[0-9]{{1,2}}(?:st|nd|rd|th)?\s+{month}(?:{YEAR_SEP}{year})?)"
        )),
        month_range_first: anchored(format!(
            r"(?P<m>[A-Z][a-z]+\.?)\s+(?P<d1>[0-9]{{1,2}})(?:st|nd|rd|th)?{RANGE_DASH}(?P<d2>[0-9]{{1,2}})(?:st|nd|rd|th)?(?:{YEAR_SEP}(?P<y>[0-9]{{4}}))?"
        )),
        weekday_numeric: anchored(format!(
            r"(?P<wd>{WEEKDAY})(?:\s+{PART_OF_DAY})?\s*\(\s*(?P<a>[0-9]{{1,2}})(?:\s*/\s*(?P<b>[0-9]{{1,2}})(?:\s*/\s*(?P<y>[0-9]{{4}}))?|\.(?P<b2>[0-9]{{1,2}})\.(?P<y2>[0-9]{{4}}))\s*\)"
        )),
        two_days: anchored(format!(
            r"(?P<a>(?:the\s+)?[0-9]{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?\s+[A-Z][a-z]+\.?|[A-Z][a-z]+\.?\s+[0-9]{{1,2}}(?:st|nd|rd|th)?)\s+and\s+(?:(?:the\s+)?[0-9]{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?\s+[A-Z][a-z]+\.?|[A-Z][a-z]+\.?\s+[0-9]{{1,2}}(?:st|nd|rd|th)?)(?P<y>{YEAR_SEP}[0-9]{{4}})?"
        )),
        cross_months: anchored(format!(
            r"(?P<a>(?:the\s+)?[0-9]{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?\s+[A-Z][a-z]+\.?|[A-Z][a-z]+\.?\s+[0-9]{{1,2}}(?:st|nd|rd|th)?){CROSS_DASH}(?P<b>(?:the\s+)?[0-9]{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?\s+[A-Z][a-z]+\.?.*|[A-Z][a-z]+\.?\s+[0-9]{{1,2}}.*)"
        )),
        from_to: anchored(format!(
            r"(?i:from|between)\s+(?P<a>.+?)\s+{RANGE_TO}\s+(?P<b>.+)"
        )),
        bare_day: anchored(format!(r"{day}(?:{YEAR_SEP}{year})?")),
        month_lead: Regex::new(&format!(
            r"^(?:{MONTH_LEAD}|(?P<bare>{MONTH_LEAD_BARE}){FULL_MONTH}(?-u:\b))"
        ))
        .expect("built-in date grammar"),
        month_alone: anchored(format!(
            r"(?:{MONTH_LEAD}|{MONTH_LEAD_BARE})(?P<m>{FULL_MONTH})(?:\s+(?P<rel>(?i:last|this|next))\s+year)?"
        )),
        week_of_month: anchored(
            r"(?i:(?:in|during)\s+(?:the\s+)?|the\s+)(?P<n>(?i:first|second|third|fourth|last|final))\s+(?i:week)\s+(?i:of)\s+(?P<month>.+)"
                .to_string(),
        ),
        month_relative: anchored(format!(
            r"(?P<rel>(?i:last|next))\s+(?P<m>{FULL_MONTH})(?:\s+(?P<d>[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?)?"
        )),
    }
});

/// A range of days ("14-16 May", "from Sunday to Tuesday"): its first day, as a date
/// expression turned into days, and its last day. `Ok(None)` if `text` is no range.
pub fn parse_range(
    text: &str,
    anchor: Option<NaiveDate>,
    direction: Direction,
) -> Result<Option<(Dated, NaiveDate)>, DateError> {
    let text = super::fold_space(text);
    let text = text.trim();
    let g = &*GRAMMAR;
    // The first day is read first, with the month and year the range states, and the last
    // follows it: "from 14 to 16 May" in an article of 15 May is this May, not last year's.
    let has_year = |t: &str| g.full_day_first.is_match(t) || g.full_month_first.is_match(t);
    let year_suffix =
        |y: Option<regex::Match>| y.map_or(String::new(), |y| format!(" {}", y.as_str()));
    let leading_day = |t: &str| {
        t.split(|c: char| !c.is_ascii_digit())
            .next()
            .unwrap_or_default()
            .to_string()
    };
    // "Monday 30 June to 2 July 2025": the weekday names the first day, which the range
    // states; the first day keeps it as stated, for the weekday check.
    if let Some((weekday, rest)) = leading_weekday(text) {
        return Ok(
            parse_range(rest, anchor, direction)?.map(|(mut first, last)| {
                first.resolution = first.resolution.map(|how| how.replacen(rest, text, 1));
                first.value.stated_weekday = Some(weekday);
                (first, last)
            }),
        );
    }
    let (first, last) = if let Some(c) = captures(&g.day_range_first, text) {
        let first = parse_date(
            &format!("{} {}{}", &c["d1"], &c["m"], year_suffix(c.name("y"))),
            anchor,
            direction,
        )?;
        let last = with_day(&first, &leading_day(&c["end"]))?;
        (first, last)
    } else if let Some(c) = captures(&g.month_range_first, text) {
        let first = parse_date(
            &format!("{} {}{}", &c["m"], &c["d1"], year_suffix(c.name("y"))),
            anchor,
            direction,
        )?;
        let last = with_day(&first, &c["d2"])?;
        (first, last)
    } else if let Some(c) = captures(&g.cross_months, text) {
        // "June 30-July 2, 2015" is "from June 30 to July 2, 2015", quoted as written.
        let from_to = format!("from {} to {}", &c["a"], &c["b"]);
        return Ok(
            parse_range(&from_to, anchor, direction)?.map(|(mut first, last)| {
                first.resolution = first.resolution.map(|how| how.replacen(&from_to, text, 1));
                (first, last)
            }),
        );
    } else if let Some(c) = captures(&g.from_to, text)
        && let Some(ends) = without_weekdays(&c["a"], &c["b"])
    {
        // "from Monday 3 to Wednesday 5 June": the range of the days, the first day
        // keeping its weekday as stated, for the weekday check.
        let from_to = format!("from {} to {}", ends.0, ends.1);
        return Ok(
            parse_range(&from_to, anchor, direction)?.map(|(mut first, last)| {
                first.resolution = first.resolution.map(|how| how.replacen(&from_to, text, 1));
                first.value.stated_weekday = ends.2;
                (first, last)
            }),
        );
    } else if let Some(c) = captures(&g.from_to, text) {
        let (a, b) = (&c["a"], &c["b"]);
        if let Some(d) = captures(&g.bare_day, b) {
            // "from March 3 to 5, 2019": the last day borrows the first's month.
            let first = parse_date(
                &format!("{a}{}", year_suffix(d.name("y"))),
                anchor,
                direction,
            )?;
            let last = with_day(&first, &d["d"])?;
            (first, last)
        } else if g.weekday.is_match(a) && g.weekday.is_match(b) {
            // "from Sunday to Tuesday": the last is the first such day after the first.
            let first = parse_date(a, anchor, direction)?;
            let weekday: Weekday = b
                .split_whitespace()
                .find_map(|w| w.parse().ok())
                .ok_or(DateError::NotADate)?;
            let end = next_weekday(first.value.start, weekday, false).ok_or(DateError::Invalid)?;
            (
                first.clone(),
                Dated {
                    value: DateValue::day(end),
                    resolution: first.resolution,
                },
            )
        } else if g.bare_day.is_match(a) {
            // "from 3 to 5 March": the first day borrows the last's month and year.
            let m = captures(&g.full_day_first, b)
                .or_else(|| captures(&g.day_first, b))
                .ok_or(DateError::NotADate)?;
            let first = parse_date(
                &format!("{a} {}{}", &m["m"], year_suffix(m.name("y"))),
                anchor,
                direction,
            )?;
            let last = with_day(&first, &m["d"])?;
            (first, last)
        } else if has_year(a) || !has_year(b) {
            // Each end as stated, the last without its year in the year that puts it on or
            // after the first ("from December 30, 2019 to January 2").
            let first = parse_date(a, anchor, direction)?;
            let last = if has_year(b) {
                parse_date(b, anchor, direction)?
            } else {
                let year = first.value.start.year();
                let mut last = parse_date(&format!("{b} {year}"), anchor, direction)?;
                if last.value.start < first.value.start {
                    last = parse_date(&format!("{b} {}", year + 1), anchor, direction)?;
                }
                last
            };
            (first, last)
        } else {
            // "from March 30 to April 2, 2019": the year of the last, a year back if that
            // would put the first after it.
            let last = parse_date(b, anchor, direction)?;
            let year = last.value.start.year();
            let mut first = parse_date(&format!("{a} {year}"), anchor, direction)?;
            if first.value.start > last.value.start {
                first = parse_date(&format!("{a} {}", year - 1), anchor, direction)?;
            }
            (first, last)
        }
    } else {
        return Ok(None);
    };
    let (start, end) = (first.value.start, last.value.start);
    if first.value.precision != Precision::Day
        || last.value.precision != Precision::Day
        || end < start
        || (end - start).num_days() > 366
    {
        return Err(DateError::Invalid);
    }
    let how = match &first.resolution.as_ref().or(last.resolution.as_ref()) {
        Some(how) => format!("{FIRST_DAY_OF} \"{text}\"; {how}"),
        None => format!("{FIRST_DAY_OF} \"{text}\""),
    };
    let value = DateValue {
        relative: first.value.relative || last.value.relative,
        ..DateValue::day(start)
    };
    Ok(Some((
        Dated {
            value,
            resolution: Some(how),
        },
        end,
    )))
}

/// How a range of days ("from 14 to 16 May") dates an event: by its first day.
pub const FIRST_DAY_OF: &str = "the first day of";

/// The number of days a range of days spans, first and last included ("14-16 May": 3).
/// The days of a range without its year are counted in the year of the article date, or
/// in a year that is not a leap year if the article has none.
pub fn range_days(text: &str, anchor: Option<NaiveDate>, direction: Direction) -> Option<u32> {
    let anchor = anchor.or(NaiveDate::from_ymd_opt(2001, 7, 1));
    let (first, end) = parse_range(text, anchor, direction).ok()??;
    u32::try_from((end - first.value.start).num_days() + 1).ok()
}

/// The weekday a day's words open with ("Monday 27", "Wednesday, May 29"), and the words
/// after it; `None` unless a weekday stands before a day or a month.
fn leading_weekday(text: &str) -> Option<(Weekday, &str)> {
    let (word, rest) = text.split_once(' ')?;
    let word = word.trim_end_matches(',');
    let rest = rest.trim_start();
    let weekday = word.parse::<Weekday>().ok()?;
    (GRAMMAR.weekday.is_match(word)
        && rest.starts_with(|c: char| c.is_ascii_digit() || c.is_uppercase()))
    .then_some((weekday, rest))
}

/// The two ends of a range from and to less the weekdays written before their days
/// ("Monday 27", "Wednesday, May 29"), with the first end's weekday; `None` if neither end
/// names a weekday before a day.
fn without_weekdays<'a>(a: &'a str, b: &'a str) -> Option<(&'a str, &'a str, Option<Weekday>)> {
    let (first, second) = (leading_weekday(a), leading_weekday(b));
    if first.is_none() && second.is_none() {
        return None;
    }
    Some((
        first.map_or(a, |(_, rest)| rest),
        second.map_or(b, |(_, rest)| rest),
        first.map(|(weekday, _)| weekday),
    ))
}

/// The day `day` of the month and year of `date`.
fn with_day(date: &Dated, day: &str) -> Result<Dated, DateError> {
    let day: u32 = day
        .trim_end_matches(|c: char| c.is_ascii_alphabetic())
        .parse()
        .map_err(|_| DateError::NotADate)?;
    let start = date.value.start.with_day(day).ok_or(DateError::Invalid)?;
    Ok(Dated {
        value: DateValue {
            relative: date.value.relative,
            ..DateValue::day(start)
        },
        resolution: date.resolution.clone(),
    })
}

/// The captures of `re` in `text`, searched for only where it matches: most of the
/// grammar's patterns tried on a date expression do not, and a capture search makes a
/// set of slots even where there is no match.
fn captures<'t>(re: &Regex, text: &'t str) -> Option<regex::Captures<'t>> {
    re.is_match(text).then(|| re.captures(text)).flatten()
}

/// Turns a date expression into days. Absolute dates need no anchor; relative ones are
/// resolved against `anchor` (the article's publication date) in `direction`.
pub fn parse_date(
    text: &str,
    anchor: Option<NaiveDate>,
    direction: Direction,
) -> Result<Dated, DateError> {
    // What a period runs since is past, whatever the claim's tense.
    let direction = if opens_period(text) {
        Direction::Past
    } else {
        direction
    };
    if let Some((first, _)) = parse_range(text, anchor, direction)? {
        return Ok(first);
    }
    let text = super::fold_space(text);
    let text = text.trim();
    let g = &*GRAMMAR;
    // "Monday (22/7/2019)" is Monday, 22 July 2019; "Monday (7/6)", whose numbers read
    // both ways, is the reading that falls on a Monday.
    if let Some(c) = captures(&g.weekday_numeric, text) {
        return weekday_in_numbers(&c, anchor, direction);
    }
    // "June 30 and July 2, 2015" is June 30, 2015.
    if let Some(c) = captures(&g.two_days, text) {
        let year = c.name("y").map_or("", |y| y.as_str());
        return parse_date(&format!("{}{year}", &c["a"]), anchor, direction);
    }
    // "today (Tuesday, 4th of March)" is the day in brackets.
    if let Some(c) = captures(&g.deictic_dated, text)
        && !g.deictic.is_match(text)
    {
        return parse_date(&c["date"], anchor, direction);
    }
    // "the first week of October" is October's first seven days.
    if let Some(c) = captures(&g.week_of_month, text) {
        return week_of_month(&c["n"], &c["month"], anchor, direction);
    }
    // "in May 2019" is "May 2019"; "in May" alone is resolved against the anchor below.
    if let Some(lead) = captures(&g.month_lead, text)
        && !g.month_alone.is_match(text)
    {
        // A bare lead's match runs on into the month's name: the rest starts at the name.
        let end = lead
            .name("bare")
            .or_else(|| lead.get(0))
            .map_or(0, |m| m.end());
        return parse_date(&text[end..], anchor, direction);
    }
    let absolute = |value| {
        Ok(Dated {
            value,
            resolution: None,
        })
    };
    for re in [&g.full_day_first, &g.full_month_first] {
        if let Some(c) = captures(re, text) {
            let date = ymd(&c["y"], &c["m"], &c["d"])?;
            let mut value = DateValue::day(date);
            value.stated_weekday = c.name("wd").and_then(|w| w.as_str().parse().ok());
            return absolute(value);
        }
    }
    if let Some(c) = captures(&g.month_year, text) {
        let month = month_number(&c["m"]).ok_or(DateError::NotADate)?;
        let year = c["y"].parse().map_err(|_| DateError::NotADate)?;
        let value = match c.name("m2").and_then(|m| month_number(m.as_str())) {
            Some(last) => months_span(month, last, year),
            None => DateValue::month(year, month),
        };
        return value.ok_or(DateError::Invalid).map(|v| Dated {
            value: v,
            resolution: None,
        });
    }
    for re in [&g.day_first, &g.month_first] {
        if let Some(c) = captures(re, text) {
            let month = month_number(&c["m"]).ok_or(DateError::NotADate)?;
            let day: u32 = c["d"].parse().map_err(|_| DateError::NotADate)?;
            let anchor = anchor.ok_or(DateError::NeedsAnchor)?;
            let weekday: Option<Weekday> = c.name("wd").and_then(|w| w.as_str().parse().ok());
            let date = nearest_day_of_year(month, day, anchor, direction)?;
            // The weekday written with the day tells its year, where the nearest year
            // beside the article's is the one it names ("Sunday, January 8" in an article
            // of 9 January 2023 that told the plan a week before is 2023's).
            let by_weekday = weekday
                .filter(|wd| date.weekday() != *wd)
                .and_then(|wd| year_of_weekday(month, day, anchor, direction, wd, date));
            let mut value = DateValue::day(by_weekday.unwrap_or(date));
            value.stated_weekday = weekday;
            value.relative = true;
            let how = if by_weekday.is_some() {
                "year the weekday tells, beside the article date {}"
            } else {
                "year taken from the article date {}"
            };
            return Ok(Dated {
                value,
                resolution: Some(how.replace("{}", &anchor.format("%Y-%m-%d").to_string())),
            });
        }
    }
    if g.year.is_match(text) {
        let year = text.parse().map_err(|_| DateError::NotADate)?;
        return DateValue::year(year)
            .ok_or(DateError::Invalid)
            .map(|v| Dated {
                value: v,
                resolution: None,
            });
    }
    let relative = resolve_relative(text, direction);
    match (relative, anchor) {
        (None, _) => Err(DateError::NotADate),
        (Some(_), None) => Err(DateError::NeedsAnchor),
        (Some(resolve), Some(anchor)) => resolve(anchor).ok_or(DateError::Invalid),
    }
}

/// The seven days of a month's week `nth` ("first" … "fourth", "last", "final") in the
/// month `month` names ("October", "May 2019", "this month"), a range resolved as the month
/// is. A week of something of the month ("the first week of last month's talks") is only
/// of the month.
fn week_of_month(
    nth: &str,
    month: &str,
    anchor: Option<NaiveDate>,
    direction: Direction,
) -> Result<Dated, DateError> {
    let possessive = month
        .strip_suffix("'s")
        .or_else(|| month.strip_suffix("’s"));
    let month = possessive.unwrap_or(month);
    // "this month", "next month": the month the article's day names, in no other year.
    let words: Vec<&str> = month.split_whitespace().collect();
    let named_from_today = matches!(words.as_slice(), [rel, unit]
        if ["this", "next", "last"].iter().any(|r| rel.eq_ignore_ascii_case(r))
            && unit.eq_ignore_ascii_case("month"));
    let year_fixed = GRAMMAR.month_year.is_match(month) || named_from_today;
    let month = if year_fixed {
        month.to_string()
    } else {
        format!("in {month}")
    };
    let whole = parse_date(&month, anchor, direction)?;
    if whole.value.precision != Precision::Month {
        return Err(DateError::NotADate);
    }
    if possessive.is_some() {
        return Ok(whole);
    }
    let week = |first: NaiveDate, last: NaiveDate| -> Option<(NaiveDate, NaiveDate)> {
        let start = match nth.to_ascii_lowercase().as_str() {
            "second" => shift_days(first, 7),
            "third" => shift_days(first, 14),
            "fourth" => shift_days(first, 21),
            "last" | "final" => shift_days(last, -6),
            _ => Some(first),
        }?;
        Some((start, shift_days(start, 6)?.min(last)))
    };
    let (first, last) = (whole.value.start, whole.value.end);
    let (mut start, mut end) = week(first, last).ok_or(DateError::Invalid)?;
    // The month of the article's, with no year written: a week past that lies ahead of
    // the article is the year before's, one planned that lies behind it the year after's.
    if let (false, Some(a)) = (year_fixed, anchor) {
        let step = match direction {
            Direction::Past if start > a => -1,
            Direction::Future if end < a => 1,
            _ => 0,
        };
        if step != 0 {
            let other =
                DateValue::month(first.year() + step, first.month()).ok_or(DateError::Invalid)?;
            (start, end) = week(other.start, other.end).ok_or(DateError::Invalid)?;
        }
    }
    Ok(Dated {
        value: DateValue {
            relative: whole.value.relative,
            ..DateValue::span(start, end, Precision::Range)
        },
        resolution: whole.resolution,
    })
}

/// The days of a span of months whose year is written after the last ("September–October
/// 2009"; "December–January 2019" begins in December 2018): a range, no one month.
fn months_span(first: u32, last: u32, year: i32) -> Option<DateValue> {
    let first_year = if first > last { year - 1 } else { year };
    let start = DateValue::month(first_year, first)?.start;
    let end = DateValue::month(year, last)?.end;
    Some(DateValue::span(start, end, Precision::Range))
}

type Resolver = Box<dyn Fn(NaiveDate) -> Option<Dated>>;

/// The step of "last", "this" (or none) and "next" from the article's year, month or week.
fn step_of(rel: Option<&str>) -> i32 {
    match rel.map(str::to_ascii_lowercase).as_deref() {
        Some("last") => -1,
        Some("next") => 1,
        _ => 0,
    }
}

/// The year, month or week (`unit`) `step` units from the one of `a`.
fn unit_of(a: NaiveDate, unit: &str, step: i32) -> Option<DateValue> {
    Some(match unit {
        "year" => DateValue::year(a.year() + step)?,
        "month" => {
            let first = a.with_day(1)?;
            let first = if step < 0 {
                first.checked_sub_months(Months::new(1))?
            } else if step > 0 {
                first.checked_add_months(Months::new(1))?
            } else {
                first
            };
            DateValue::month(first.year(), first.month())?
        }
        _ => {
            let monday = shift_days(a, -(a.weekday().num_days_from_monday() as i64))?;
            let monday = shift_days(monday, 7 * step as i64)?;
            DateValue::span(monday, shift_days(monday, 6)?, Precision::Range)
        }
    })
}

/// Recognizes a relative expression and returns how to resolve it once an anchor is known.
fn resolve_relative(text: &str, direction: Direction) -> Option<Resolver> {
    let g = &*GRAMMAR;
    let quoted = format!("\"{text}\"");
    let explain = move |value: DateValue, anchor: NaiveDate, how: &str| {
        Some(Dated {
            value: DateValue {
                relative: true,
                ..value
            },
            resolution: Some(format!(
                "{quoted} {how} the article date {}",
                anchor.format("%Y-%m-%d")
            )),
        })
    };
    if let Some(c) = captures(&g.deictic, text) {
        let words = c["w"].to_ascii_lowercase();
        let offset: i64 = match words.split_whitespace().last() {
            Some("yesterday" | "night") => -1,
            Some("tomorrow") => 1,
            _ => 0,
        };
        // "tomorrow (Thursday)" quoted from the day before the article's is the Thursday
        // nearest the day the word counts to: the weekday tells the day it was said.
        let weekday: Option<Weekday> = c.name("wd").and_then(|w| w.as_str().parse().ok());
        return Some(Box::new(move |a| {
            let day = shift_days(a, offset)?;
            match weekday {
                Some(wd) if day.weekday() != wd => {
                    let ahead = i64::from(wd.days_since(day.weekday()));
                    let nearest = if ahead <= 3 { ahead } else { ahead - 7 };
                    explain(
                        DateValue::day(shift_days(day, nearest)?),
                        a,
                        "is the day its weekday tells, nearest the day counted from",
                    )
                }
                _ => explain(DateValue::day(day), a, "from"),
            }
        }));
    }
    if let Some(c) = captures(&g.unit_part, text) {
        let part = c["part"].to_ascii_lowercase();
        let step = step_of(c.name("rel").map(|m| m.as_str()));
        let unit = c["unit"].to_ascii_lowercase();
        return Some(Box::new(move |a| {
            let whole = unit_of(a, &unit, step)?;
            let third = ((whole.end - whole.start).num_days() + 1) / 3;
            let by = ["by", "before", "until", "till"]
                .iter()
                .any(|w| part.starts_with(w));
            let value = if by && part.contains("end") {
                // "by the end of the year": from the article's day, if it is before.
                if a <= whole.end {
                    DateValue::span(a, whole.end, Precision::Range)
                } else {
                    whole
                }
            } else if part.contains("end") {
                // "at the end of the year": its last third.
                DateValue::span(
                    shift_days(whole.end, 1 - third)?,
                    whole.end,
                    Precision::Range,
                )
            } else {
                // "at the start of next month": its first third.
                DateValue::span(
                    whole.start,
                    shift_days(whole.start, third - 1)?,
                    Precision::Range,
                )
            };
            explain(value, a, "from")
        }));
    }
    if let Some(c) = captures(&g.relative_unit, text) {
        let edge = c.name("edge").map(|m| m.as_str().to_ascii_lowercase());
        let step = step_of(Some(&c["rel"]));
        let unit = c["unit"].to_ascii_lowercase();
        return Some(Box::new(move |a| {
            let whole = unit_of(a, &unit, step)?;
            let value = match (edge.as_deref(), step) {
                // "earlier this month": from the start of the unit to the article date.
                (Some("earlier"), 0) => DateValue::span(whole.start, a, Precision::Range),
                (Some("later"), 0) => DateValue::span(a, whole.end, Precision::Range),
                // A plan for "this week" is of its days to come; told at the weekend, it
                // may be of the week that follows ("will visit Chad this week", on a
                // Sunday).
                (None, 0) if unit == "week" && direction == Direction::Future => {
                    let end = if matches!(a.weekday(), Weekday::Sat | Weekday::Sun) {
                        shift_days(whole.end, 7)?
                    } else {
                        whole.end
                    };
                    DateValue::span(a, end, Precision::Range)
                }
                _ => whole,
            };
            explain(value, a, "from")
        }));
    }
    if let Some(c) = captures(&g.ago, text) {
        let n = crate::value::number::parse_words(&c["n"])
            .or_else(|| c["n"].parse().ok())
            .filter(|n| *n <= 10_000)?;
        let unit = c["unit"].to_ascii_lowercase();
        return Some(Box::new(move |a| {
            let value = match unit.as_str() {
                "day" => DateValue::day(shift_days(a, -(n as i64))?),
                "week" => {
                    let mid = shift_days(a, -(7 * n as i64))?;
                    DateValue::span(shift_days(mid, -3)?, shift_days(mid, 3)?, Precision::Range)
                }
                "month" => {
                    let d = a.checked_sub_months(Months::new(n as u32))?;
                    DateValue::month(d.year(), d.month())?
                }
                _ => DateValue::year(a.year() - n as i32)?,
            };
            explain(value, a, "counted back from")
        }));
    }
    if let Some(c) = captures(&g.weekend, text) {
        let rel = c.name("rel").map(|m| m.as_str().to_ascii_lowercase());
        return Some(Box::new(move |a| {
            let (saturday, how) = match (rel.as_deref(), direction) {
                // The weekend that ended before the article's day.
                (Some("last" | "past"), _) => (
                    shift_days(previous_weekday(a, Weekday::Sun, false)?, -1)?,
                    "is the weekend before",
                ),
                (Some(_), _) => (
                    next_weekday(a, Weekday::Sat, false)?,
                    "is the weekend after",
                ),
                // A weekend the article's day falls in is the one meant either way.
                (None, Direction::Future) if a.weekday() == Weekday::Sun => {
                    (shift_days(a, -1)?, "is the weekend on or after")
                }
                (None, Direction::Future) => (
                    next_weekday(a, Weekday::Sat, true)?,
                    "is the weekend on or after",
                ),
                (None, Direction::Past) => (
                    previous_weekday(a, Weekday::Sat, true)?,
                    "is the weekend on or before",
                ),
            };
            let value = DateValue::span(saturday, shift_days(saturday, 1)?, Precision::Range);
            explain(value, a, how)
        }));
    }
    if let Some(c) = captures(&g.month_alone, text) {
        let month = month_number(&c["m"])?;
        let rel = c.name("rel").map(|m| m.as_str().to_ascii_lowercase());
        return Some(Box::new(move |a| {
            let (year, how) = match (rel.as_deref(), direction) {
                (Some("last"), _) => (a.year() - 1, "is of the year before"),
                (Some("next"), _) => (a.year() + 1, "is of the year after"),
                (Some(_), _) => (a.year(), "is of the year of"),
                (None, Direction::Past) if month > a.month() => {
                    (a.year() - 1, "is the month on or before")
                }
                (None, Direction::Future) if month < a.month() => {
                    (a.year() + 1, "is the month on or after")
                }
                (None, Direction::Past) => (a.year(), "is the month on or before"),
                (None, Direction::Future) => (a.year(), "is the month on or after"),
            };
            explain(DateValue::month(year, month)?, a, how)
        }));
    }
    // "last April" is the latest April before the article's month, "next April" the
    // first after it.
    if let Some(c) = captures(&g.month_relative, text) {
        let month = month_number(&c["m"])?;
        let last = c["rel"].eq_ignore_ascii_case("last");
        // "next January 25" is the first such day after the article's, "last May 3" the
        // latest before it.
        if let Some(day) = c.name("d").and_then(|d| d.as_str().parse::<u32>().ok()) {
            return Some(Box::new(move |a| {
                let this_year = NaiveDate::from_ymd_opt(a.year(), month, day)?;
                let (year, how) = match (last, this_year.cmp(&a)) {
                    (true, std::cmp::Ordering::Less) => (a.year(), "is the latest such day before"),
                    (true, _) => (a.year() - 1, "is the latest such day before"),
                    (false, std::cmp::Ordering::Greater) => {
                        (a.year(), "is the first such day after")
                    }
                    (false, _) => (a.year() + 1, "is the first such day after"),
                };
                explain(
                    DateValue::day(NaiveDate::from_ymd_opt(year, month, day)?),
                    a,
                    how,
                )
            }));
        }
        return Some(Box::new(move |a| {
            let (year, how) = match (last, month.cmp(&a.month())) {
                (true, std::cmp::Ordering::Less) => (a.year(), "is the latest such month before"),
                (true, _) => (a.year() - 1, "is the latest such month before"),
                (false, std::cmp::Ordering::Greater) => (a.year(), "is the first such month after"),
                (false, _) => (a.year() + 1, "is the first such month after"),
            };
            explain(DateValue::month(year, month)?, a, how)
        }));
    }
    if let Some(c) = captures(&g.weekday, text) {
        let weekday: Weekday = c["wd"].parse().ok()?;
        let rel = c.name("rel").map(|m| m.as_str().to_ascii_lowercase());
        let week = c.name("week").map(|m| m.as_str().to_ascii_lowercase());
        return Some(Box::new(move |a| {
            // "Wednesday last week": that day of the week before the article's.
            if let Some(week) = week.as_deref() {
                let monday = shift_days(a, -i64::from(a.weekday().num_days_from_monday()))?;
                let weeks = match week {
                    "last" => -1,
                    "next" => 1,
                    _ => 0,
                };
                let offset = 7 * weeks + i64::from(weekday.num_days_from_monday());
                let how = format!("is the {} of {week} week from", weekday_name(weekday));
                return explain(DateValue::day(shift_days(monday, offset)?), a, &how);
            }
            let (date, how) = match (rel.as_deref(), direction) {
                (Some("last"), _) => (previous_weekday(a, weekday, false)?, "before"),
                (Some("next"), _) => (next_weekday(a, weekday, false)?, "after"),
                (_, Direction::Future) => (next_weekday(a, weekday, true)?, "on or after"),
                (_, Direction::Past) => (previous_weekday(a, weekday, true)?, "on or before"),
            };
            let how = format!("is the {} {how}", weekday_name(weekday));
            explain(DateValue::day(date), a, &how)
        }));
    }
    None
}

fn shift_days(date: NaiveDate, days: i64) -> Option<NaiveDate> {
    if days >= 0 {
        date.checked_add_days(Days::new(days as u64))
    } else {
        date.checked_sub_days(Days::new(days.unsigned_abs()))
    }
}

/// The most recent `weekday` before `anchor` (or on it, when `inclusive`).
fn previous_weekday(anchor: NaiveDate, weekday: Weekday, inclusive: bool) -> Option<NaiveDate> {
    let back = (anchor.weekday().num_days_from_monday() + 7 - weekday.num_days_from_monday()) % 7;
    let back = if back == 0 && !inclusive { 7 } else { back };
    shift_days(anchor, -(back as i64))
}

/// The next `weekday` after `anchor` (or on it, when `inclusive`).
fn next_weekday(anchor: NaiveDate, weekday: Weekday, inclusive: bool) -> Option<NaiveDate> {
    let ahead = (weekday.num_days_from_monday() + 7 - anchor.weekday().num_days_from_monday()) % 7;
    let ahead = if ahead == 0 && !inclusive { 7 } else { ahead };
    shift_days(anchor, ahead as i64)
}

/// How many days after the anchor a day without a year may lie and still be of the
/// anchor's year for a reported event: "from 18 to 20 July" in an article of 17 July is
/// days away (or the article's date is its first version's), not a year ago, which a
/// report would have said.
const PAST_SLACK_DAYS: i64 = 31;

/// A weekday and its day in numbers (`weekday_numeric`'s captures): the reading of the
/// numbers, day first or month first, that names a day at all, and of two that do, the one
/// that falls on the weekday; written out with the month's name and read so.
fn weekday_in_numbers(
    c: &regex::Captures,
    anchor: Option<NaiveDate>,
    direction: Direction,
) -> Result<Dated, DateError> {
    // Joined by slashes ("b", "y") or by dots ("b2", "y2").
    let group = |name: &str| c.name(name).or_else(|| c.name(&format!("{name}2")));
    let number = |name: &str| {
        group(name)
            .and_then(|m| m.as_str().parse::<u32>().ok())
            .ok_or(DateError::NotADate)
    };
    let (a, b) = (number("a")?, number("b")?);
    let year = group("y").map_or(String::new(), |y| format!(" {}", y.as_str()));
    let read = |day: u32, month: u32| {
        let name = chrono::Month::try_from(u8::try_from(month).ok()?)
            .ok()?
            .name();
        (1..=31).contains(&day).then(|| {
            parse_date(
                &format!("{}, {day} {name}{year}", &c["wd"]),
                anchor,
                direction,
            )
        })
    };
    let orders = if a == b {
        vec![(a, b)]
    } else {
        vec![(a, b), (b, a)]
    };
    let readings: Vec<Result<Dated, DateError>> = orders
        .into_iter()
        .filter_map(|(day, month)| read(day, month))
        .collect();
    // One reading: whatever its weekday, which the weekday check verifies; none, no date.
    match readings.as_slice() {
        [] => return Err(DateError::NotADate),
        [one] => return one.clone(),
        _ => {}
    }
    let on_weekday: Vec<&Dated> = readings
        .iter()
        .filter_map(|r| r.as_ref().ok())
        .filter(|d| d.value.stated_weekday == Some(d.value.start.weekday()))
        .collect();
    match on_weekday.as_slice() {
        [one] => Ok((*one).clone()),
        _ => readings
            .into_iter()
            .find(|r| matches!(r, Err(DateError::NeedsAnchor)))
            .unwrap_or(Err(DateError::Ambiguous)),
    }
}

/// "12 October" without a year: the nearest such day before (or after, for plans) the
/// anchor; a reported event's may lie up to [`PAST_SLACK_DAYS`] after it.
fn nearest_day_of_year(
    month: u32,
    day: u32,
    anchor: NaiveDate,
    direction: Direction,
) -> Result<NaiveDate, DateError> {
    let candidate = |year| NaiveDate::from_ymd_opt(year, month, day);
    let this_year = candidate(anchor.year());
    let pick = match direction {
        Direction::Past => this_year
            .filter(|d| (*d - anchor).num_days() <= PAST_SLACK_DAYS)
            .or_else(|| candidate(anchor.year() - 1)),
        Direction::Future => this_year
            .filter(|d| *d >= anchor)
            .or_else(|| candidate(anchor.year() + 1)),
    };
    pick.ok_or(DateError::Invalid)
}

/// The day `month`/`day` that falls on `weekday` nearest `anchor`, if one does within
/// [`PAST_SLACK_DAYS`] of it (a plan told a week before the article, a report of days
/// after its first version), or for a plan within the year after it, or nearer it than
/// `nearest`, the day the direction alone gives (a page's clock printed weeks after the
/// article, "Saturday, Mar 28", is not the Friday of the year before).
fn year_of_weekday(
    month: u32,
    day: u32,
    anchor: NaiveDate,
    direction: Direction,
    weekday: Weekday,
    nearest: NaiveDate,
) -> Option<NaiveDate> {
    let ahead = match direction {
        Direction::Past => PAST_SLACK_DAYS,
        Direction::Future => 366,
    };
    let back = PAST_SLACK_DAYS;
    let off = |d: NaiveDate| (d - anchor).num_days();
    (anchor.year() - 1..=anchor.year() + 1)
        .filter_map(|year| NaiveDate::from_ymd_opt(year, month, day))
        .filter(|d| {
            d.weekday() == weekday
                && ((-back..=ahead).contains(&off(*d)) || off(*d).abs() < off(nearest).abs())
        })
        .min_by_key(|d| off(*d).abs())
}

fn ymd(year: &str, month: &str, day: &str) -> Result<NaiveDate, DateError> {
    let month = month_number(month).ok_or(DateError::NotADate)?;
    let year = year.parse().map_err(|_| DateError::NotADate)?;
    let day = day.parse().map_err(|_| DateError::NotADate)?;
    NaiveDate::from_ymd_opt(year, month, day).ok_or(DateError::Invalid)
}

/// The number (1–12) of an English month name or its abbreviation ("Oct.", "Sept").
pub fn month_number(name: &str) -> Option<u32> {
    let name = name.trim_end_matches('.').to_ascii_lowercase();
    const NAMES: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if name.len() < 3 {
        return None;
    }
    NAMES
        .iter()
        .position(|full| *full == name || (full.starts_with(&name) && name.len() <= 4))
        .map(|i| i as u32 + 1)
}

/// The English name of a weekday.
pub fn weekday_name(weekday: Weekday) -> &'static str {
    match weekday {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_month_in_metadata_is_four_digits_a_hyphen_and_two() {
        let month = |t: &str| month_of(t).map(|m| (m.start.to_string(), m.end.to_string()));
        assert_eq!(
            month("2023-05"),
            Some(("2023-05-01".into(), "2023-05-31".into()))
        );
        assert_eq!(
            month("2024-02"),
            Some(("2024-02-01".into(), "2024-02-29".into()))
        );
        assert_eq!(month("2023-13"), None);
        assert_eq!(month("2023-5"), None);
        assert_eq!(month("2023-05-01"), None);
    }

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn past(text: &str, anchor: &str) -> String {
        resolved(text, anchor, Direction::Past)
    }

    fn future(text: &str, anchor: &str) -> String {
        resolved(text, anchor, Direction::Future)
    }

    fn resolved(text: &str, anchor: &str, direction: Direction) -> String {
        parse_date(text, Some(d(anchor)), direction)
            .unwrap()
            .value
            .to_string()
    }

    fn absolute(text: &str) -> DateValue {
        parse_date(text, None, Direction::Past).unwrap().value
    }

    /// The first day and the length in days of a range, read on `anchor`.
    fn range(text: &str, anchor: &str, direction: Direction) -> (String, u32) {
        (
            parse_date(text, Some(d(anchor)), direction)
                .unwrap()
                .value
                .to_string(),
            range_days(text, Some(d(anchor)), direction).unwrap(),
        )
    }

    #[test]
    fn in_or_of_may_stand_before_the_year() {
        let re = Regex::new(&format!("^(?:{})$", *PATTERN)).unwrap();
        for text in [
            "January 6 in 2019",
            "6 January of 2019",
            "March of 2015",
            "May 3, 2019",
        ] {
            assert!(re.is_match(text), "{text}");
        }
        assert_eq!(past("January 6 in 2019", "2020-01-02"), "2019-01-06");
        assert_eq!(past("6th of January of 2019", "2020-01-02"), "2019-01-06");
        assert_eq!(past("in March of 2015", "2020-01-02"), "2015-03");
        // A place after the day is no year: the day is of the article's year.
        assert!(!re.is_match("January 6 in Chad"));
        assert_eq!(past("January 6", "2020-01-12"), "2020-01-06");
    }

    #[test]
    fn a_range_of_days_is_its_first_day_and_its_length() {
        let past = Direction::Past;
        let cases = [
            ("14-16 May", "2019-05-20", ("2019-05-14", 3)),
            ("3 and 4 May", "2021-05-01", ("2021-05-03", 2)),
            ("May 3 to 5, 2021", "2024-01-01", ("2021-05-03", 3)),
            ("June 30-July 2, 2015", "2024-01-01", ("2015-06-30", 3)),
            ("30 June to 2 July 2015", "2024-01-01", ("2015-06-30", 3)),
            (
                "Monday 30 June to 2 July 2025",
                "2025-06-26",
                ("2025-06-30", 3),
            ),
            ("Friday, 14-16 May 2018", "2019-05-20", ("2018-05-14", 3)),
            ("Dec 30 – Jan 2", "2024-01-10", ("2023-12-30", 4)),
            ("14–16 May 2018", "2019-05-20", ("2018-05-14", 3)),
            ("May 14-16, 2018", "2019-05-20", ("2018-05-14", 3)),
            (
                "from March 3 to March 5, 2019",
                "2024-01-01",
                ("2019-03-03", 3),
            ),
            ("from March 3 to 5, 2019", "2024-01-01", ("2019-03-03", 3)),
            ("from 3 to 5 March", "2019-05-20", ("2019-03-03", 3)),
            (
                "between 3 and 5 March 2019",
                "2024-01-01",
                ("2019-03-03", 3),
            ),
            (
                "from March 30 to April 2, 2019",
                "2024-01-01",
                ("2019-03-30", 4),
            ),
            (
                "from December 30 to January 2, 2020",
                "2024-01-01",
                ("2019-12-30", 4),
            ),
            ("from Sunday to Tuesday", "2019-05-20", ("2019-05-19", 3)),
            (
                "from Monday 3 to Wednesday 5 June 2024",
                "2024-05-15",
                ("2024-06-03", 3),
            ),
            (
                "from Monday, May 27 to Wednesday, May 29",
                "2024-06-15",
                ("2024-05-27", 3),
            ),
        ];
        for (text, anchor, (first, days)) in cases {
            assert_eq!(
                range(text, anchor, past),
                (first.to_string(), days),
                "{text}"
            );
        }
        // The first day fixes the year: a range still under way on the article date is
        // this year's, however it is written.
        for text in [
            "14-16 May",
            "May 14-16",
            "from 14 to 16 May",
            "from May 14 to May 16",
        ] {
            assert_eq!(
                range(text, "2024-05-15", past),
                ("2024-05-14".to_string(), 3),
                "{text}"
            );
        }
        // Two bare numbers are no range of days; two days of two months joined by "and"
        // are two days, the first of them read.
        assert!(parse_date("from 3 to 5", Some(d("2024-05-15")), past).is_err());
        assert_eq!(range_days("June 30 and July 2, 2015", None, past), None);
        let two = parse_date("June 30 and July 2, 2015", None, past).unwrap();
        assert_eq!(two.value.start, d("2015-06-30"));
        assert!(two.value.precision == Precision::Day);
        // Planned: the next Sunday.
        assert_eq!(
            range("from Sunday to Tuesday", "2019-05-20", Direction::Future),
            ("2019-05-26".to_string(), 3)
        );
        // Backwards, or a year long: no range.
        assert!(parse_date("16-14 May 2019", None, past).is_err());
        assert!(parse_date("from 3 May 2019 to 5 June 2020", None, past).is_err());
        // A range of years, or one day, is no range of days.
        assert_eq!(range_days("from 2019 to 2021", None, past), None);
        assert_eq!(range_days("14 May 2019", None, past), None);
        // The length needs no article date.
        assert_eq!(range_days("from 3 to 5 March", None, past), Some(3));
    }

    #[test]
    fn absolute_dates_carry_their_precision() {
        let october = absolute("October 2021");
        assert_eq!(october.precision, Precision::Month);
        assert_eq!(
            (october.start, october.end),
            (d("2021-10-01"), d("2021-10-31"))
        );
        assert_eq!(absolute("July 2018").to_string(), "2018-07");
        assert_eq!(absolute("12 October 2021").to_string(), "2021-10-12");
        assert_eq!(absolute("January 19, 2025").to_string(), "2025-01-19");
        assert_eq!(absolute("Oct. 12, 2021").to_string(), "2021-10-12");
        assert_eq!(
            absolute("the 12th of October, 2021").to_string(),
            "2021-10-12"
        );
        // An ordinal suffix may be glued to the month's name; a bare number may not.
        assert_eq!(absolute("12thOctober, 2021").to_string(), "2021-10-12");
        assert_eq!(absolute("Sept. 2020").to_string(), "2020-09");
        let year = absolute("2023");
        assert_eq!(
            (year.precision, year.start, year.end),
            (Precision::Year, d("2023-01-01"), d("2023-12-31"))
        );
    }

    #[test]
    fn stated_weekday_is_kept_even_when_wrong() {
        let v = absolute("Tuesday, October 12, 2021");
        assert_eq!(v.stated_weekday, Some(Weekday::Tue));
        let v = absolute("Monday, 12 October 2021");
        assert_eq!(v.stated_weekday, Some(Weekday::Mon));
        assert_eq!(v.start.weekday(), Weekday::Tue);
    }

    #[test]
    fn a_weekday_named_from_this_week_before_a_full_date_is_that_date() {
        let pattern = Regex::new(&PATTERN).unwrap();
        let text = "met this Friday, March 14, 2025 in Lyon";
        let found = pattern.find(text).map(|m| m.as_str());
        assert_eq!(found, Some("this Friday, March 14, 2025"));
        let v = absolute("this Friday, March 14, 2025");
        assert_eq!(
            (v.start, v.stated_weekday),
            (d("2025-03-14"), Some(Weekday::Fri))
        );
        assert_eq!(
            parse_date("this Friday", None, Direction::Past),
            Err(DateError::NeedsAnchor)
        );
    }

    #[test]
    fn a_weekday_named_from_the_article_is_told_from_other_relative_days() {
        for text in [
            "Tuesday",
            "early Tuesday",
            "Tuesday morning",
            "late on Friday",
        ] {
            assert!(names_weekday(text), "{text}");
        }
        for text in [
            "today",
            "yesterday",
            "last week",
            "Tuesday, 12 March 2024",
            "May 3",
        ] {
            assert!(!names_weekday(text), "{text}");
        }
    }

    #[test]
    fn a_bare_weekday_has_no_word_that_moves_it_to_another_week() {
        for text in ["Tuesday", "Tuesday morning", "late on Friday"] {
            assert!(names_bare_weekday(text), "{text}");
        }
        for text in [
            "last Tuesday",
            "this Tuesday",
            "next Friday",
            "Wednesday last week",
            "today",
        ] {
            assert!(!names_bare_weekday(text), "{text}");
        }
    }

    #[test]
    fn days_without_a_year_are_days_of_a_leap_year() {
        assert_eq!(yearless_days("--03-01"), Some((61, 61)));
        assert_eq!(yearless_days("--02"), Some((32, 60)));
        assert_eq!(yearless_days("--13"), None);
        assert_eq!(yearless_days("2024-03"), None);
        let may = DateValue::month(2018, 5).unwrap();
        assert_eq!(days_of_year(&may), Some((122, 152)));
        let new_year = DateValue::span(d("2018-12-30"), d("2019-01-02"), Precision::Range);
        assert_eq!(days_of_year(&new_year), None);
    }

    #[test]
    fn impossible_days_are_errors() {
        assert_eq!(
            parse_date("30 February 2021", None, Direction::Past),
            Err(DateError::Invalid)
        );
        assert_eq!(
            parse_date("blue moon", None, Direction::Past),
            Err(DateError::NotADate)
        );
    }

    #[test]
    fn bare_weekday_is_most_recent_up_to_and_including_the_article_date() {
        // 2021-04-07 is a Wednesday.
        assert_eq!(past("Tuesday", "2021-04-07"), "2021-04-06");
        assert_eq!(past("Tuesday evening", "2021-04-07"), "2021-04-06");
        assert_eq!(past("the night of April 5", "2021-04-07"), "2021-04-05");
        assert_eq!(
            past("The morning of Monday, 5 April 2021", "2021-04-07"),
            "2021-04-05"
        );
        // 2025-01-19 is a Sunday: "on Sunday" in a Sunday article is that day.
        assert_eq!(past("Sunday", "2025-01-19"), "2025-01-19");
        assert_eq!(past("Sunday night", "2025-01-19"), "2025-01-19");
        assert_eq!(past("last Sunday", "2025-01-19"), "2025-01-12");
        assert_eq!(past("late on Monday", "2025-01-19"), "2025-01-13");
        assert_eq!(past("Wednesday", "2021-10-14"), "2021-10-13");
    }

    #[test]
    fn a_plan_for_this_week_is_of_its_days_to_come_or_the_next_week_at_the_weekend() {
        let at = |text: &str, day: &str, direction| {
            parse_date(text, Some(d(day)), direction)
                .unwrap()
                .value
                .to_string()
        };
        // 2021-09-08 is a Wednesday, 2021-09-12 a Sunday.
        assert_eq!(
            at("this week", "2021-09-08", Direction::Future),
            "2021-09-08..2021-09-12"
        );
        assert_eq!(
            at("this week", "2021-09-12", Direction::Future),
            "2021-09-12..2021-09-19"
        );
        assert_eq!(
            at("this week", "2021-09-12", Direction::Past),
            "2021-09-06..2021-09-12"
        );
    }

    #[test]
    fn planned_weekday_points_forward() {
        let v = parse_date("Tuesday", Some(d("2021-04-07")), Direction::Future).unwrap();
        assert_eq!(v.value.to_string(), "2021-04-13");
    }

    #[test]
    fn relative_units() {
        assert_eq!(past("last year", "2025-01-19"), "2024");
        assert_eq!(past("Last year", "2025-01-19"), "2024");
        assert_eq!(past("last month", "2025-01-19"), "2024-12");
        assert_eq!(past("yesterday", "2025-03-01"), "2025-02-28");
        assert_eq!(past("earlier today", "2025-03-01"), "2025-03-01");
        assert_eq!(past("early this morning", "2025-03-01"), "2025-03-01");
        assert_eq!(past("This evening", "2025-03-01"), "2025-03-01");
        assert_eq!(past("earlier in the day", "2025-03-01"), "2025-03-01");
        assert_eq!(past("last night", "2025-03-01"), "2025-02-28");
        // A weekday that restates the day is no day of its own, in either direction.
        assert_eq!(past("tomorrow, Monday", "2021-11-21"), "2021-11-22");
        // A weekday that says the word was spoken the day before: 2022-03-03 is a
        // Thursday, and "tomorrow (Thursday)" said on the Wednesday is that day.
        assert_eq!(past("tomorrow (Thursday)", "2022-03-03"), "2022-03-03");
        assert_eq!(past("tomorrow (Friday)", "2022-03-03"), "2022-03-04");
        assert_eq!(past("today (Wednesday)", "2022-03-03"), "2022-03-02");
        assert_eq!(past("yesterday Saturday", "2021-11-21"), "2021-11-20");
        assert_eq!(
            past("earlier this month", "2025-01-19"),
            "2025-01-01..2025-01-19"
        );
        assert_eq!(
            past("earlier this year", "2025-03-02"),
            "2025-01-01..2025-03-02"
        );
        assert_eq!(past("last week", "2025-01-19"), "2025-01-06..2025-01-12");
        // A part of a unit: "by" its end runs from the article's day; "at" its end or
        // start is its last or first third.
        assert_eq!(
            past("by the end of the year", "2020-11-20"),
            "2020-11-20..2020-12-31"
        );
        assert_eq!(past("by the end of last month", "2020-11-20"), "2020-10");
        assert_eq!(
            past("at the end of this year", "2020-11-20"),
            "2020-09-01..2020-12-31"
        );
        assert_eq!(
            past("at the beginning of next month", "2020-11-20"),
            "2020-12-01..2020-12-10"
        );
        assert_eq!(
            past("towards the end of this week", "2019-01-22"),
            "2019-01-26..2019-01-27"
        );
        // "The end of the year" alone names no day of its own.
        let re = Regex::new(&PATTERN).unwrap();
        assert_eq!(re.find("the end of the year").map(|m| m.as_str()), None);
        // 2019-01-22 is a Tuesday: its week began on Monday the 21st.
        assert_eq!(past("Wednesday last week", "2019-01-22"), "2019-01-16");
        assert_eq!(past("Sunday last week", "2019-01-22"), "2019-01-20");
        assert_eq!(past("Friday next week", "2019-01-22"), "2019-02-01");
        assert_eq!(past("Wednesday this week", "2019-01-22"), "2019-01-23");
        assert_eq!(past("two years ago", "2025-01-19"), "2023");
        assert_eq!(past("3 days ago", "2025-01-02"), "2024-12-30");
    }

    #[test]
    fn a_weekend_is_its_saturday_and_sunday_nearest_the_article_in_its_direction() {
        // 2019-10-16 is a Wednesday, 2019-10-19 a Saturday, 2019-10-20 a Sunday.
        assert_eq!(
            past("over the weekend", "2019-10-16"),
            "2019-10-12..2019-10-13"
        );
        assert_eq!(
            future("over the weekend", "2019-10-16"),
            "2019-10-19..2019-10-20"
        );
        assert_eq!(
            past("at the weekend", "2019-10-20"),
            "2019-10-19..2019-10-20"
        );
        assert_eq!(
            future("this weekend", "2019-10-19"),
            "2019-10-19..2019-10-20"
        );
        assert_eq!(
            future("This weekend", "2019-10-20"),
            "2019-10-19..2019-10-20"
        );
        assert_eq!(
            future("last weekend", "2019-10-20"),
            "2019-10-12..2019-10-13"
        );
        assert_eq!(
            past("this past weekend", "2019-10-21"),
            "2019-10-19..2019-10-20"
        );
        assert_eq!(
            past("the coming weekend", "2019-10-16"),
            "2019-10-19..2019-10-20"
        );
        // "next weekend" may be this week's or the one after: no date.
        assert!(parse_date("next weekend", Some(d("2019-10-16")), Direction::Past).is_err());
    }

    #[test]
    fn a_weekday_tells_the_year_of_a_day_without_one() {
        // 2023-01-08 was a Sunday, 2024-01-08 a Monday, 2022-01-08 a Saturday.
        let future = |text| resolved(text, "2023-01-09", Direction::Future);
        assert_eq!(future("Sunday, January 8"), "2023-01-08");
        assert_eq!(future("Monday, January 8"), "2024-01-08");
        // A report a year from its article is none: the weekday stays wrong.
        assert_eq!(past("Monday, January 8", "2023-01-09"), "2023-01-08");
        assert_eq!(past("Saturday, January 8", "2023-01-09"), "2023-01-08");
        // A weekday of the year after, nearer the article than the year before, tells
        // that year (2025-09-27 was a Saturday, 2024-09-27 a Friday).
        assert_eq!(past("Saturday, September 27", "2025-08-25"), "2025-09-27");
        assert_eq!(past("Friday, September 27", "2025-08-25"), "2024-09-27");
    }

    #[test]
    fn dates_without_year_take_the_nearest_past_year() {
        assert_eq!(past("12 October", "2021-10-14"), "2021-10-12");
        assert_eq!(past("December 30", "2025-01-02"), "2024-12-30");
        // Days ahead are this year's: a report of last year's would say the year.
        assert_eq!(past("20 July", "2022-07-17"), "2022-07-20");
        assert_eq!(past("12 August", "2022-07-17"), "2022-08-12");
        assert_eq!(past("20 August", "2022-07-17"), "2021-08-20");
    }

    #[test]
    fn last_or_next_month_is_the_nearest_such_month_before_or_after_the_article() {
        assert_eq!(past("last April", "2023-02-02"), "2022-04");
        assert_eq!(past("last January", "2023-02-02"), "2023-01");
        assert_eq!(past("last February", "2023-02-02"), "2022-02");
        assert_eq!(past("next March", "2023-02-02"), "2023-03");
        assert_eq!(past("next February", "2023-02-02"), "2024-02");
        assert_eq!(past("next January", "2023-02-02"), "2024-01");
        // With a day, the nearest such day.
        assert_eq!(past("next January 25", "2023-01-07"), "2023-01-25");
        assert_eq!(past("next January 5", "2023-01-07"), "2024-01-05");
        assert_eq!(past("last May 3", "2023-05-02"), "2022-05-03");
        assert_eq!(past("last May 3rd", "2023-05-04"), "2023-05-03");
        // Found inside a longer phrase.
        let re = Regex::new(&PATTERN).unwrap();
        assert_eq!(
            re.find("will visit next January 25, it said")
                .map(|m| m.as_str()),
            Some("next January 25")
        );
        assert_eq!(
            re.find("since last May").map(|m| m.as_str()),
            Some("last May")
        );
    }

    #[test]
    fn a_month_alone_after_a_preposition_is_of_the_nearest_year() {
        assert_eq!(past("in January", "2023-10-29"), "2023-01");
        assert_eq!(past("in October", "2023-10-29"), "2023-10");
        assert_eq!(past("in November", "2023-10-29"), "2022-11");
        assert_eq!(past("since early November", "2023-10-29"), "2022-11");
        // A period runs since a day past, whatever the tense.
        let planned = parse_date("since February", Some(d("2024-12-10")), Direction::Future);
        assert_eq!(planned.unwrap().value.to_string(), "2024-02");
        assert_eq!(past("in March last year", "2024-06-05"), "2023-03");
        assert_eq!(past("in March this year", "2024-01-05"), "2024-03");
        let planned = |text| {
            parse_date(text, Some(d("2023-10-29")), Direction::Future)
                .unwrap()
                .value
                .to_string()
        };
        assert_eq!(planned("in January"), "2024-01");
        assert_eq!(planned("in December"), "2023-12");
        // A year or a day stated is read as stated.
        assert_eq!(past("in May 2019", "2023-10-29"), "2019-05");
        assert_eq!(past("in July 20", "2023-10-29"), "2023-07-20");
        // A span of months is of the year it states, the range of both months; one
        // across the new year begins in the year before.
        assert_eq!(
            past("until September–October 2009", "2023-10-29"),
            "2009-09-01..2009-10-31"
        );
        assert_eq!(
            past("May-June 2019", "2023-10-29"),
            "2019-05-01..2019-06-30"
        );
        assert_eq!(
            past("December-January 2019", "2023-10-29"),
            "2018-12-01..2019-01-31"
        );
        // An em dash or a slash joins them too.
        for text in ["May—June 2019", "May/June 2019", "in May / June 2019"] {
            assert_eq!(past(text, "2023-10-29"), "2019-05-01..2019-06-30", "{text}");
        }
        assert_eq!(
            parse_date("in January", None, Direction::Past),
            Err(DateError::NeedsAnchor)
        );
        // No preposition, no date: "May" may be a name, "Mar" another word.
        let re = Regex::new(&PATTERN).unwrap();
        for text in ["a visit by May", "Prime Minister May", "in Mar"] {
            assert!(re.find(text).is_none(), "{text}");
        }
        // A span of months with its year is one date, no month alone.
        for text in [
            "until September–October 2009",
            "in May - June 2019",
            "in May/June 2019",
        ] {
            assert_eq!(re.find(text).map(|m| m.as_str()), Some(text));
        }
        // A slash after a month's year joins no month.
        assert_eq!(
            re.find("in May 2019/2020").map(|m| m.as_str()),
            Some("in May 2019")
        );
    }

    #[test]
    fn relative_dates_need_an_anchor() {
        for text in [
            "on Tuesday",
            "Tuesday",
            "last year",
            "yesterday",
            "12 October",
        ] {
            let text = text.trim_start_matches("on ");
            assert_eq!(
                parse_date(text, None, Direction::Past),
                Err(DateError::NeedsAnchor),
                "{text}"
            );
        }
    }

    #[test]
    fn a_date_without_its_year_keeps_its_month_and_day() {
        let cases = [
            ("May 31", Some("--05-31")),
            ("from May 31 to June 1", Some("--05-31")),
            ("in early May", Some("--05")),
            ("in March", Some("--03")),
            ("February 29", Some("--02-29")),
            ("Thursday (October 16", Some("--10-16")),
            ("next Friday, May 3", Some("--05-03")),
            ("this  Tuesday, 4 June", Some("--06-04")),
            ("next Friday", None),
            ("last April", Some("--04")),
            ("In April this year", Some("--04")),
            ("in March last year", Some("--03")),
            ("in the first week of October", Some("--10")),
            ("the last week of December", Some("--12")),
            ("in second week of June", Some("--06")),
            ("this year", None),
            ("on Friday", None),
            ("July 2018", None),
        ];
        for (text, days) in cases {
            assert_eq!(yearless(text, Direction::Past).as_deref(), days, "{text}");
        }
    }

    #[test]
    fn a_week_of_a_month_is_seven_of_its_days() {
        assert_eq!(
            past("in the first week of October", "2024-09-26"),
            "2023-10-01..2023-10-07"
        );
        assert_eq!(
            future("in the first week of October", "2024-09-26"),
            "2024-10-01..2024-10-07"
        );
        assert_eq!(
            past("the second week of May 2019", "2024-09-26"),
            "2019-05-08..2019-05-14"
        );
        assert_eq!(
            past("during the last week of February 2024", "2024-09-26"),
            "2024-02-23..2024-02-29"
        );
        // Of the article's month, a week past that lies ahead is the year before's, a
        // planned one behind it the year after's.
        assert_eq!(
            past("in the last week of October", "2024-10-03"),
            "2023-10-25..2023-10-31"
        );
        assert_eq!(
            future("in the first week of October", "2024-10-20"),
            "2025-10-01..2025-10-07"
        );
        assert_eq!(
            past("the last week of February", "2025-03-10"),
            "2025-02-22..2025-02-28"
        );
        // Of the month named from the article's day, that month's week, ahead or not.
        assert_eq!(
            future("in the second week of this month", "2024-05-06"),
            "2024-05-08..2024-05-14"
        );
        assert_eq!(
            past("the third week of this month", "2024-05-27"),
            "2024-05-15..2024-05-21"
        );
        assert_eq!(
            past("in the last week of this month", "2024-05-06"),
            "2024-05-25..2024-05-31"
        );
        assert_eq!(
            future("the first week of next month", "2024-12-06"),
            "2025-01-01..2025-01-07"
        );
        assert_eq!(
            past("the last week of last month", "2024-03-06"),
            "2024-02-23..2024-02-29"
        );
        // A week of something of a month is only of the month.
        // (The date pattern stops at the possessive: "… of last month's" of "… last
        // month's talks".)
        assert_eq!(
            past("the first week of last month's", "2024-05-16"),
            "2024-04"
        );
        assert_eq!(past("the first week of October’s", "2024-11-16"), "2024-10");
        // A week of something else, or of no month, is no date.
        assert!(parse_date("the first week of talks", None, Direction::Past).is_err());
        let today = Some(d("2024-05-06"));
        assert!(parse_date("the third week of the month", today, Direction::Past).is_err());
        assert!(parse_date("the third week of a month", today, Direction::Past).is_err());
        assert!(parse_date("the first week of", None, Direction::Past).is_err());
    }

    #[test]
    fn resolution_says_how() {
        let v = parse_date("Tuesday", Some(d("2021-04-07")), Direction::Past).unwrap();
        assert_eq!(
            v.resolution.as_deref(),
            Some("\"Tuesday\" is the Tuesday on or before the article date 2021-04-07")
        );
    }

    #[test]
    fn weekday_dates_name_their_weekday() {
        let re = Regex::new(&WEEKDAY_DATE_PATTERN).unwrap();
        for text in [
            "Tuesday, 12 October 2021",
            "Monday, October 11",
            "Sunday the 12th of October 2021",
            "Tuesday morning (October 12",
            "Tuesday 12thOctober, 2021",
        ] {
            let m = re.find(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(m.as_str(), text);
            let v = parse_date(text, Some(d("2021-10-20")), Direction::Past)
                .unwrap()
                .value;
            assert!(v.stated_weekday.is_some(), "{text}");
        }
        assert!(re.find("on Tuesday").is_none());
        assert!(re.find("12 October 2021").is_none());
    }

    #[test]
    fn a_date_after_until_or_through_ends_a_period() {
        assert!(ends_period("over the week through ", "May 6"));
        assert!(ends_period("will stay in Chad ", "until September"));
        assert!(ends_period("stays till ", "Friday"));
        assert!(ends_period("runs Thru ", "May 6"));
        // A range is one expression; a day after other words begins nothing it ends.
        assert!(!ends_period("will visit Chad ", "from May 3 through May 6"));
        assert!(!ends_period("went through Chad on ", "May 6"));
        assert!(!ends_period("", "May 6"));
    }

    #[test]
    fn a_day_in_numbers_after_its_weekday_takes_the_reading_on_that_weekday() {
        let re = Regex::new(&PATTERN).unwrap();
        for text in [
            "Monday (22/7/2019)",
            "Tuesday (7/23)",
            "Monday morning (8/7/2019)",
            "Monday (07.22.2019)",
        ] {
            assert_eq!(re.find(text).map(|m| m.as_str()), Some(text));
        }
        // Dots with no year are a time of day ("Friday (10.30)"); with a space about them
        // they join no day.
        for text in ["Friday (10.30)", "Monday (22.7)", "Monday (7 . 22.2019)"] {
            let weekday = text.split(' ').next();
            assert_eq!(re.find(text).map(|m| m.as_str()), weekday);
        }
        let day = |text: &str| parse_date(text, Some(d("2019-07-24")), Direction::Past);
        // Day first or month first, as the numbers tell.
        assert_eq!(
            day("Monday (22/7/2019)").unwrap().value.start,
            d("2019-07-22")
        );
        assert_eq!(day("Tuesday (7/23)").unwrap().value.start, d("2019-07-23"));
        // Dots join them as slashes do.
        assert_eq!(
            day("Monday (07.22.2019)").unwrap().value.start,
            d("2019-07-22")
        );
        assert_eq!(
            day("Monday (22.07.2019)").unwrap().value.start,
            d("2019-07-22")
        );
        // Both ways: 8 July 2019 is a Monday, 7 August a Wednesday.
        assert_eq!(
            day("Monday (8/7/2019)").unwrap().value.start,
            d("2019-07-08")
        );
        // Neither 7 June nor 6 July 2019 is a Monday.
        assert_eq!(day("Monday (7/6/2019)"), Err(DateError::Ambiguous));
        // One reading keeps its weekday, right or wrong, for the weekday check.
        let friday = day("Friday (22/7/2019)").unwrap().value;
        assert_eq!(
            (friday.start, friday.stated_weekday),
            (d("2019-07-22"), Some(Weekday::Fri))
        );
        // Not a month above twelve either way, nor a day in no calendar.
        assert_eq!(day("Monday (13/14/2019)"), Err(DateError::NotADate));
        assert_eq!(day("Monday (0/0)"), Err(DateError::NotADate));
        assert_eq!(day("Monday (31/2/2019)"), Err(DateError::Invalid));
    }

    #[test]
    fn a_year_may_follow_its_comma_without_a_space() {
        let re = Regex::new(&PATTERN).unwrap();
        for (text, day) in [
            ("Saturday March 07,2026", "2026-03-07"),
            ("7 March,2026", "2026-03-07"),
            ("from March 5 to 7,2026", "2026-03-05"),
        ] {
            let m = re.find(text).map(|m| m.as_str());
            assert_eq!(m, Some(text));
            assert_eq!(absolute(text).start, d(day), "{text}");
        }
        // A number with a thousands comma after a day is no year.
        let m = re.find("on March 7,500 people marched").map(|m| m.as_str());
        assert_eq!(m, Some("March 7"));
    }

    #[test]
    fn pattern_matches_what_the_parser_reads() {
        let re = Regex::new(&PATTERN).unwrap();
        for text in [
            "July 2018",
            "12 October 2021",
            "Tuesday, 12 October 2021",
            "Tuesday, October 12, 2021",
            "Thursday (Mar. 9",
            "Thursday morning (October 16",
            "Monday evening, 11 October",
            "October 12",
            "12 October",
            "the 12th of October, 2021",
            "14-16 May",
            "May 14–16, 2019",
            "from March 3 to March 5, 2019",
            "from 3 to 5 March",
            "from 3 to 5 March 2019",
            "between Sunday and Tuesday",
            "from Sunday to March 5",
            "January 19, 2025",
            "Oct. 12, 2021",
            "Jul. 12, 2021",
            "Jun. 3",
            "the 12th of October",
            "2023",
            "Sunday night",
            "last year",
            "earlier this month",
            "two years ago",
            "late on Monday",
            "yesterday",
            "early this morning",
            "last night",
            "later in the day",
            "in March",
            "since early May 2019",
            "in March last year",
            "during mid-June",
            "in the last week of May 2019",
            "the third week of this month",
            "the first week of last month's",
        ] {
            let m = re.find(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(m.as_str(), text);
            parse_date(m.as_str(), Some(d("2025-01-19")), Direction::Past)
                .unwrap_or_else(|e| panic!("{text}: {e}"));
        }
        // Two bare numbers are no range of days.
        assert!(re.find("from 3 to 5 percent").is_none());
        // A day glued to its month is one only with an ordinal suffix: "12October" is
        // October alone.
        assert_eq!(
            re.find("on 12thOctober 2021").map(|m| m.as_str()),
            Some("12thOctober 2021")
        );
        assert_eq!(
            re.find("on 12October 2021").map(|m| m.as_str()),
            Some("October 2021")
        );
    }
}
