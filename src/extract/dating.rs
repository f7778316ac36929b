//! Dating claims: a date expression resolved against the article's date, the nearest date
//! in a claim's sentence that no other claim holds, or the article date itself.

use super::{Context, Draft, HashMap, Rival, body_span, distance, fold_space, overlaps};
use crate::article::Span;
use crate::claim::{Claim, NeedsDate, When};
use crate::clause::{self, Clause};
use crate::ruleset::RuleSet;
use crate::sentence::sentence_at;
use crate::value::Value;
use crate::value::date::{self, DateError, DateValue, Direction, Precision};
use chrono::{Datelike, Days, NaiveDate};
use rustc_hash::FxHashSet;
use std::ops::Range;
use std::sync::Arc;

/// Whether the text after a relative date makes it an age, not a day: "today's Chad" is
/// the country as it is now.
fn of_an_age(after: &str) -> bool {
    ["'s ", "’s "].iter().any(|s| {
        after
            .strip_prefix(s)
            .is_some_and(|rest| rest.starts_with(char::is_uppercase))
    })
}

/// Whether a day named from the article's, written with a capital, goes on a capitalized
/// word before it on its line: a word of a name ("Norway Today"), not a day.
fn in_a_name(before: &str, date: &str) -> bool {
    let line = before.rsplit('\n').next().unwrap_or(before);
    date.starts_with(char::is_uppercase)
        && date::is_deictic(date)
        && word_right_before(line)
            .map(|w| w.trim_start_matches(|c: char| !c.is_alphanumeric()))
            .is_some_and(|w| w.starts_with(char::is_uppercase))
}

/// The word `before` ends with, one space before what follows it; `None` when no single
/// space is there.
fn word_right_before(before: &str) -> Option<&str> {
    before.strip_suffix(' ')?.split_whitespace().next_back()
}

/// Whether a year alone, at `date`, qualifies the noun after it rather than naming a time:
/// "the 2019 elections", "the Niamey 1975 Agreement", "Chad's 2022 budget" (after a
/// determiner or a name, before a word); not "in 2019 Chad and Niger signed", "of 2019".
/// A year that ends a name of two capitalized words or more after a determiner ("the
/// Business Forum 2021.") is the name's too; not a day's ("on Christmas Day 2019", "the
/// Independence Day 2019"). One glued by a hyphen to a capitalized word ends its name
/// ("Lion-2025").
fn year_of_a_noun(before: &str, date: &str, after: &str) -> bool {
    const DETERMINERS: &str = "the a an its his her their this that these those";
    // Words that make a year after them a time: "in 2019", "Since 2019", "late 2019".
    const TIME_WORDS: &str = "in since of from by until till during before after to between \
        and or around circa early late mid through at on for over within throughout year as";
    // Words that end the name of a day, whose year dates it: "Christmas Day 2019".
    const DAY_WORDS: &str = "day eve night week";
    let is = |words: &str, word: &str| words.split_whitespace().any(|w| w == word);
    if date.len() != 4 || !date.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    // Glued by a hyphen to a capitalized word, it ends that word's name ("the Zapad-2025
    // drills", "Vision-2030"); not a time's ("mid-2019", "Early-2019", "Jan-2019",
    // "Summer-2019").
    if let Some(stem) = before.strip_suffix('-') {
        const SEASONS: &str = "mid spring summer autumn fall winter";
        let word = stem
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        let lower = word.to_lowercase();
        return word.starts_with(char::is_uppercase)
            && !is(TIME_WORDS, &lower)
            && !is(SEASONS, &lower)
            && date::month_number(word).is_none();
    }
    let Some(word_before) = word_right_before(before) else {
        return false;
    };
    let lower = word_before.to_lowercase();
    let capitalized = |w: &str| {
        w.starts_with(char::is_uppercase)
            && !is(TIME_WORDS, &w.to_lowercase())
            && date::month_number(w).is_none()
    };
    let qualifier = is(DETERMINERS, &lower) || capitalized(word_before);
    // "Forum 2021." after "the Business": the last word of a name, nothing after the year
    // but punctuation.
    let words: Vec<&str> = before.split_whitespace().rev().take(8).collect();
    let name_words = words
        .iter()
        .take_while(|w| capitalized(w) && w.ends_with(char::is_alphanumeric))
        .count();
    let ends_a_name = name_words >= 2
        && words
            .get(name_words)
            .is_some_and(|w| is(DETERMINERS, &w.to_lowercase()))
        && !is(DAY_WORDS, &lower)
        && !after.trim_start().starts_with(char::is_alphanumeric);
    if ends_a_name {
        return true;
    }
    let word_after = after
        .strip_prefix(' ')
        .and_then(|a| a.split_whitespace().next())
        .map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()));
    qualifier
        && word_after.is_some_and(|w| {
            let w = w.to_lowercase();
            w.starts_with(char::is_alphabetic) && !is(TIME_WORDS, &w) && !is(DETERMINERS, &w)
        })
}

/// The guess of a day named without its year in an article with no date: the year of the
/// page's latest full date.
pub(super) const PAGE_YEAR: &str = "year taken from the page's latest full date";
/// The guess of a weekday named from the day of an article with no date: the page's
/// latest full date, which falls on that weekday ("on Tuesday", over a caption's "April
/// 20, 2021").
pub(super) const PAGE_DAY: &str = "the weekday of the page's latest full date";
/// The guess of a weekday told as past in an article with no date, when the page's latest
/// full date is written with its own weekday: the day of the week up to it.
pub(super) const PAGE_WEEK: &str =
    "the day in the week up to the page's latest full date, which it writes with its weekday:";
/// The guess of a day or a month named without its year in an article whose metadata
/// names only its month ("2023-05"): the one every day of that month reads it as.
pub(super) const MONTH_YEAR: &str = "year taken from the month the article's metadata names";

/// How a date named without its year is dated when the page prints its own date in
/// numbers that read both ways: every reading gives that date.
pub(super) const EITHER_READING: &str = "the same date against either reading of the page's date";

/// The guess of a day named without its year in an article with no date, when the page
/// writes that day in full elsewhere (a caption's "November 3, 2023" beside "Friday,
/// November 3"): the year written there.
pub(super) const SAME_DAY_YEAR: &str = "year taken from the same day written in full";

/// A day a page writes in full, and whether it writes that day's own weekday with it
/// ("Wednesday, May 3, 2017").
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct PageDay {
    /// The day.
    pub(super) day: NaiveDate,
    /// Whether the page names its weekday with it, rightly.
    pub(super) with_weekday: bool,
}

/// The full dates (day, month and year) `body` writes outside the lists of other stories
/// the page prints, where `keep` keeps their offset, sorted and without repeats.
pub(super) fn full_dates(
    rules: &RuleSet,
    body: &str,
    keep: impl Fn(usize) -> bool,
) -> Vec<PageDay> {
    let mut days: Vec<PageDay> = rules
        .page
        .outside_lists(body)
        .into_iter()
        .flat_map(|line| {
            rules
                .date_regex
                .find_iter(&body[line.clone()])
                .map(move |m| (line.start + m.start(), m.as_str()))
        })
        .filter(|&(at, _)| keep(at))
        .filter_map(|(_, text)| date::parse_date(text, None, Direction::Past).ok())
        .filter(|d| d.value.precision == Precision::Day && !d.value.relative)
        .map(|d| PageDay {
            day: d.value.end,
            with_weekday: d.value.stated_weekday == Some(d.value.end.weekday()),
        })
        .collect();
    days.sort_unstable();
    // One entry a day, with its weekday if the page writes it once.
    days.dedup_by(|later, kept| {
        let same = later.day == kept.day;
        kept.with_weekday |= same && later.with_weekday;
        same
    });
    days
}

/// The guess `when` rests on when a date the page writes in full dates it
/// ([`SAME_DAY_YEAR`], [`PAGE_YEAR`], [`PAGE_DAY`], [`PAGE_WEEK`]), or the month its
/// metadata names ([`MONTH_YEAR`]).
pub(super) fn page_date_guess(when: &When) -> Option<&'static str> {
    let When::Dated { how, .. } = when else {
        return None;
    };
    [SAME_DAY_YEAR, PAGE_YEAR, PAGE_DAY, PAGE_WEEK, MONTH_YEAR]
        .into_iter()
        .find(|guess| how.starts_with(guess))
}

/// At most how many lowercase words open a title between "during" and a name's possessive
/// ("during interim Prime Minister Lobo's visit").
const TITLE_LOWERCASE: usize = 2;

/// A word without its possessive ending ("Lobo's" gives "Lobo"), if it has one.
fn without_possessive(word: &str) -> Option<&str> {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("\u{2019}s"))
}

/// The guess of a claim dated by what happened during its event ("said on Monday during a
/// visit to Chad"): a day of the event, perhaps not its first, so the days up to it; or
/// a week or a month that holds a day of it.
pub(super) const DAY_DURING: &str = "dated by a day during the event, perhaps not its first";
/// The guess of a claim dated by what a plan says will happen during its event ("In his
/// first visit to Chad, Lobo will meet Mba on Wednesday"): as [`DAY_DURING`], and the day
/// is the plan's, not one the claim reports.
pub(super) const PLAN_DAY_DURING: &str =
    "dated by a day a plan gives of what will happen during the event, perhaps not its first";
/// What a claim dated by a day during its event says of that day.
pub(super) const DURING_EVENT: &str = "a day during the event";
/// Why a claim dated by its article is undated when the article has none.
pub(super) const NO_ARTICLE_DATE: &str = "dated by the article, which has no date";
/// Why a claim its tense tells as news of the article's day ("is on a visit") is undated
/// when the article has none.
pub(super) const NEWS_NO_DATE: &str = "told as news of the article's day, which is unknown";

/// Whether `reason` leaves a claim undated only because its article has no date: the
/// claim is dated by the article, or told as news of its day.
pub(super) fn undated_article(reason: &str) -> bool {
    reason == NO_ARTICLE_DATE || reason == NEWS_NO_DATE
}
/// Why a day named from the article's ("last week") is undated when the article has none.
pub(super) const RELATIVE_NO_DATE: &str = "is relative and the article has no date";
/// Why a weekday named from the article's ("on Thursday") is undated when the article has
/// none.
pub(super) const WEEKDAY_NO_DATE: &str = "is a weekday and the article has no date";
/// The guess of a claim the tense dates to the article's day ("has arrived").
pub(super) const TENSE_DATE: &str = "date read from the tense as the article's day";
/// The guess of a claim the tense of an event under way dates to the article's day ("is
/// visiting"): a present that may tell a plan, which a plan the article dates overrides.
pub(super) const UNDER_WAY_DATE: &str =
    "date read from the tense as under way on the article's day";

/// The guess of a claim dated as news of the day: by a tense of the day's news ("has
/// arrived", [`TENSE_DATE`]) or of an event under way ([`UNDER_WAY_DATE`]).
fn news_guess(under_way: bool) -> &'static str {
    if under_way {
        UNDER_WAY_DATE
    } else {
        TENSE_DATE
    }
}
/// Why a claim dated by its article is undated when the page prints only when it was
/// updated: it may have been written long before.
pub(super) const UPDATED_DATE: &str =
    "dated by the article, whose page prints only when it was updated";

/// How a claim dated by the days around `published` says so: "dated by the article
/// 2025-01-17" (or "the report").
fn dated_by(by: &str, published: NaiveDate) -> String {
    format!("dated by {by} {}", published.format("%Y-%m-%d"))
}

/// The guess of a claim the article dates that takes the one day the article states in the
/// days around its date.
pub(super) const ONE_STATED_DAY: &str = "the one day the article states near its date";

/// The guess of a claim the article dates that takes the first of days a few apart the
/// article states in the days around its date, each in a sentence naming the claim's person.
pub(super) const FIRST_STATED_DAY: &str =
    "the first of the days a few apart the article states near its date";

impl Context<'_> {
    /// Whether the date at `range` names a day or a time of an event, rather than these
    /// days: not an age ("today's Chad"), not what a `nowadays` cue says holds now ("the
    /// border remains closed today"), not a word of a name ("Norway Today"), not the day of
    /// a report a `report-day` cue gives ("said in a statement on Sunday") or a
    /// `report-day-after` cue ("the ministry today announced").
    pub(super) fn names_a_time(&self, range: &Range<usize>) -> bool {
        !of_an_age(&self.body[range.end..]) && self.names_a_time_at_any_age(range)
    }

    /// [`Context::names_a_time`] but for the age test: a date a claim's own pattern
    /// captures before a possessive ("last year's Niamey visit") is the claim's.
    pub(super) fn names_a_time_at_any_age(&self, range: &Range<usize>) -> bool {
        let sentence =
            sentence_at(&self.sentences, range.start).map_or(0, |s| self.sentences[s].start);
        let before = &self.body[sentence.min(range.start)..range.start];
        let cue = |re: &Option<regex::Regex>| re.as_ref().is_some_and(|re| re.is_match(before));
        let nowadays =
            cue(&self.rules.nowadays) || cue(&self.rules.report_day) || self.reported_after(range);
        !nowadays && !in_a_name(before, &self.body[range.clone()])
    }

    /// Whether a `report-day-after` cue follows the date at `range` in its sentence: the
    /// date is the report's ("Lobo on Monday said", "the ministry today announced").
    fn reported_after(&self, range: &Range<usize>) -> bool {
        let end = sentence_at(&self.sentences, range.start)
            .map_or(self.body.len(), |s| self.sentences[s].end)
            .max(range.end);
        self.rules
            .report_day_after
            .as_ref()
            .is_some_and(|re| re.is_match(&self.body[range.end..end]))
    }

    /// The day sentence `s` says its report was made ("the ministry said on Thursday", "in
    /// a statement on Sunday"), when it is a day of the week before the article's: the day
    /// its news is of. None in an article with no date, or one only updated then.
    fn report_day(&self, s: usize) -> Option<NaiveDate> {
        self.report_day_at(s).map(|(day, _)| day)
    }

    /// [`Self::report_day`], with where the words of the report's day end.
    fn report_day_at(&self, s: usize) -> Option<(NaiveDate, usize)> {
        if let Some(&day) = self.report_days.borrow().get(&s) {
            return day;
        }
        let day = self.read_report_day(s);
        self.report_days.borrow_mut().insert(s, day);
        day
    }

    /// [`Self::report_day_at`], read from the text.
    fn read_report_day(&self, s: usize) -> Option<(NaiveDate, usize)> {
        if self.rules.report_day.is_none() && self.rules.report_day_after.is_none() {
            return None;
        }
        let published = self.date.filter(|_| !self.date_updated)?;
        let scope = self.sentences[s].clone();
        let before = |r: &Range<usize>| {
            self.rules
                .report_day
                .as_ref()
                .is_some_and(|cue| cue.is_match(&self.body[scope.start..r.start]))
        };
        self.sentence_dates(s)
            .iter()
            .filter(|&r| before(r) || self.reported_after(r))
            .cloned()
            .find_map(
                |r| match self.when(r.clone(), Direction::Past, "reported") {
                    When::Dated { date, .. }
                        if date.precision == Precision::Day
                            && date.start <= published
                            && (published - date.start).num_days() < 7 =>
                    {
                        Some((date.start, r.end))
                    }
                    _ => None,
                },
            )
    }

    /// Where the `during` words that introduce a claim's words at `span` start, in the
    /// sentence from `from`: "met Mba on Saturday during his visit to Chad", "said on
    /// Monday during a visit to Chad", "during Chadian President Mba's visit" (the words
    /// may open the claim's match; only capitalized words, a title, may stand between).
    pub(super) fn during_at(&self, from: usize, span: &Range<usize>) -> Option<usize> {
        let cue = self.rules.during.as_ref()?;
        let from = from.min(span.start);
        // Titles and a name: capitalized words, abbreviated ones too ("H.E. Mr. Lobo's
        // visit"), or a few words of a title that end in a name's possessive ("during
        // interim Prime Minister Lobo's visit"), or one word that tells what the event is
        // ("during the official visit of Lobo", "during her two-day visit").
        let titles = |between: &str| {
            let words: Vec<&str> = between.split_whitespace().collect();
            let capitalized = |w: &str| w.starts_with(char::is_uppercase);
            let alphabetic = words.iter().all(|w| {
                without_possessive(w)
                    .unwrap_or(w)
                    .chars()
                    .all(|c| c.is_alphabetic() || c == '.' || c == '-')
            });
            let named = words
                .last()
                .and_then(|w| without_possessive(w))
                .is_some_and(capitalized);
            // Lowercase words only before the title, a few of them ("interim", "acting"):
            // "during the last day of Lobo's visit" tells of a day of it.
            let lowercase = words.iter().take_while(|w| !capitalized(w)).count();
            alphabetic
                && words.iter().skip(lowercase).all(|w| capitalized(w))
                && (lowercase == 0 || named && lowercase <= TITLE_LOWERCASE || words.len() == 1)
        };
        cue.find_iter(&self.body[from..span.end])
            .map(|m| (from + m.start(), from + m.end()))
            .filter(|&(start, end)| {
                start <= span.start && titles(&self.body[end.min(span.start)..span.start])
            })
            .map(|(start, _)| start)
            .last()
    }

    /// The day the text tells last before the words at `range`, in sentence `s` or the
    /// sentence before it in its paragraph ("On Thursday, Lobo will tour a plant built last
    /// year. She will head to Mali later in the day": Thursday, not the year between), as
    /// the day "later in the day" is of; `None` when none told there is a day.
    fn day_told_before(
        &self,
        s: usize,
        range: Range<usize>,
        direction: Direction,
        source: &str,
    ) -> Option<When> {
        let in_paragraph = s.checked_sub(1).filter(|&p| {
            !self.body[self.sentences[p].end..self.sentences[s].start].contains("\n\n")
        });
        let last = |s: usize| {
            self.sentence_dates(s)
                .iter()
                .filter(|r| {
                    r.end <= range.start
                        && !date::of_the_day_told(&self.body[(*r).clone()])
                        && self.names_a_time(r)
                })
                .filter_map(|r| match self.when(r.clone(), direction, source) {
                    When::Dated { date, how, .. } if date.precision == Precision::Day => {
                        Some((r.clone(), date, how))
                    }
                    _ => None,
                })
                .next_back()
        };
        let (told, date, how) = last(s).or_else(|| in_paragraph.and_then(last))?;
        Some(When::Dated {
            date,
            how: self.strings.intern(&format!(
                "the day told before it, \"{}\": {how}",
                fold_space(&self.body[told.clone()])
            )),
            span: Some(body_span(range)),
        })
    }

    /// Whether the words between `draft`'s match and the days after it that date it make
    /// those days a whole its event is a part of ("a visit to Chad as part of a regional
    /// tour from 10 to 15 September"; see `part-of-whole`).
    pub(super) fn part_of_whole(&self, draft: &Draft) -> bool {
        let Some(re) = &self.rules.part_of_whole else {
            return false;
        };
        let Some(span) = draft
            .claim
            .when
            .as_ref()
            .and_then(When::span)
            .map(Span::range)
        else {
            return false;
        };
        draft.span.end <= span.start && re.is_match(&self.body[draft.span.end..span.start])
    }

    /// A draft of one of the entities a list names, dated by a range of days ("will visit
    /// Chad, Mali and Niger from 7 to 12 May"), or of a part of a whole those days date
    /// (see [`Context::part_of_whole`]), is of any day of the range: each stop of a
    /// tour has a first day of its own, and the list need not be in their order. A range
    /// without its year keeps no first day either. A range another sentence states is not
    /// the list's. Whether it spread the draft's date.
    pub(super) fn spread_over_range(&self, draft: &mut Draft) -> bool {
        let span = match &draft.claim.when {
            Some(When::Dated {
                date,
                span: Some(span),
                ..
            }) if date.precision == Precision::Day => span.range(),
            Some(When::Unresolved {
                days: Some(_),
                span: Some(span),
                ..
            }) => span.range(),
            _ => return false,
        };
        // Only the list's own range: a day another sentence states for one of its entities
        // ("will visit Chad on 3-4 May", before "will tour Chad, Niger and Mali") is that
        // one's.
        let own = draft.sentence.map(|s| self.sentences[s].clone());
        if !own.is_some_and(|own| own.start <= span.start && span.end <= own.end) {
            return false;
        }
        let text = &self.body[span];
        let Some(days) = date::range_days(text, self.date, draft.direction).filter(|&n| n > 1)
        else {
            return false;
        };
        match &mut draft.claim.when {
            Some(When::Dated { date, how, .. }) => {
                let Some(end) = date.start.checked_add_days(Days::new(u64::from(days - 1))) else {
                    return false;
                };
                *date = DateValue {
                    relative: date.relative,
                    ..DateValue::span(date.start, end, Precision::Range)
                };
                let whole = if draft.listed {
                    "one of a list"
                } else {
                    "part of a whole"
                };
                let any_day = format!("any day of \"{}\" ({whole})", fold_space(text));
                // "the first day of …; year taken from …" keeps how its year was had.
                let first_day = how.strip_prefix(date::FIRST_DAY_OF);
                *how = self
                    .strings
                    .intern(&match first_day.map(|rest| rest.split_once("; ")) {
                        Some(Some((_, resolved))) => format!("{any_day}; {resolved}"),
                        Some(None) => any_day,
                        None => format!("{how}; {any_day}"),
                    });
            }
            Some(When::Unresolved { days, .. }) => *days = None,
            None => return false,
        }
        true
    }

    /// Widens the day `date` to the days from `days` before it to it: an event `what`
    /// names ("a day during the event"), which began up to then; `how` says so.
    pub(super) fn reach_back(
        &self,
        date: &mut DateValue,
        how: &mut Arc<str>,
        days: u64,
        what: &str,
    ) {
        let Some(start) = date.start.checked_sub_days(Days::new(days)) else {
            return;
        };
        *date = DateValue {
            relative: date.relative,
            ..DateValue::span(start, date.end, Precision::Range)
        };
        *how = self.strings.intern(&format!(
            "{how}; {what}, which began up to {days} days before"
        ));
    }

    /// A claim dated by a day during its event ([`DAY_DURING`]: "met Mba on Thursday
    /// during her visit", which began up to a few days before) began no earlier than the
    /// event's length allows, when the article's claims of its key state one length in
    /// days ("her one-day visit"): a one-day event was on that very day. A claim the tense
    /// dates to the article's day as under way ([`UNDER_WAY_DATE`]: "who is on a visit")
    /// began up to the length its sentence states before it, as its claim of the length
    /// does, unless another claim of its key dates it to one day ("has landed").
    pub(super) fn fit_to_length(&self, drafts: &mut [Draft]) {
        // Per key, the one length in whole days its claims state; `None` when they differ.
        // And per key and sentence, the one its claims of the event there state: the
        // length of an event under way is told with it ("who is on a three-day visit"), not
        // of an earlier visit in another sentence.
        let mut lengths: HashMap<Arc<str>, Option<u64>> = HashMap::default();
        let mut told_with: HashMap<(Arc<str>, Option<usize>), Option<u64>> = HashMap::default();
        for d in drafts.iter() {
            let Value::Duration(length) = &d.claim.value else {
                continue;
            };
            let days =
                (length.days >= 1.0 && length.days.fract() == 0.0).then_some(length.days as u64);
            let one = |known: &mut Option<u64>| {
                if *known != days {
                    *known = None;
                }
            };
            lengths
                .entry(d.claim.key.clone())
                .and_modify(one)
                .or_insert(days);
            if !d.earlier {
                told_with
                    .entry((d.claim.key.clone(), d.sentence))
                    .and_modify(one)
                    .or_insert(days);
            }
        }
        // The keys another claim dates to one day, by other than the tense ("has landed",
        // a day stated): an event under way may have begun that day.
        let one_day: FxHashSet<Arc<str>> = drafts
            .iter()
            .filter(|d| !d.rests_on(UNDER_WAY_DATE))
            .filter(|d| {
                matches!(&d.claim.when, Some(When::Dated { date, .. }) if date.precision == Precision::Day)
            })
            .map(|d| d.claim.key.clone())
            .collect();
        for d in drafts.iter_mut() {
            if d.rests_on(UNDER_WAY_DATE) {
                let told = told_with.get(&(d.claim.key.clone(), d.sentence));
                if let (Some(&Some(days)), Some(When::Dated { date, how, .. })) =
                    (told, &mut d.claim.when)
                    && date.precision == Precision::Day
                    && days >= 2
                    && !one_day.contains(&d.claim.key)
                {
                    self.reach_back(date, how, days - 1, "under way");
                }
                continue;
            }
            let Some(&Some(days)) = lengths.get(&d.claim.key) else {
                continue;
            };
            if !d.dated_during() {
                continue;
            }
            let Some(When::Dated { date, how, .. }) = &mut d.claim.when else {
                continue;
            };
            let Some(start) = date.end.checked_sub_days(Days::new(days - 1)) else {
                continue;
            };
            if date.precision != Precision::Range || start <= date.start {
                continue;
            }
            let base = how
                .find(DURING_EVENT)
                .map_or(&**how, |at| how[..at].trim_end_matches("; "));
            *how = self.strings.intern(&if days == 1 {
                format!("{base}; the day of the one-day event")
            } else {
                let back = days - 1;
                let unit = if back == 1 { "day" } else { "days" };
                format!("{base}; a day during the {days}-day event, which began up to {back} {unit} before")
            });
            *date = if days == 1 {
                DateValue {
                    relative: date.relative,
                    ..DateValue::day(date.end)
                }
            } else {
                DateValue {
                    relative: date.relative,
                    ..DateValue::span(start, date.end, Precision::Range)
                }
            };
        }
    }

    /// Resolves the date expression at `range` of the body against the article date.
    pub(super) fn when(&self, range: Range<usize>, direction: Direction, source: &str) -> When {
        let text = &self.body[range.clone()];
        match date::parse_date(text, self.date, direction) {
            Ok(dated) => When::Dated {
                date: dated.value,
                how: self
                    .strings
                    .intern(dated.resolution.as_deref().unwrap_or(source)),
                span: Some(body_span(range)),
            },
            Err(DateError::NeedsAnchor)
                if let Some(when) = self.either_reading(range.clone(), direction) =>
            {
                when
            }
            Err(DateError::NeedsAnchor)
                if let Some(when) = self.same_day_in_full(range.clone(), direction) =>
            {
                when
            }
            Err(DateError::NeedsAnchor) => match date::yearless(text, direction) {
                Some(days) => When::Unresolved {
                    reason: format!(
                        "\"{}\" names no year and the article has no date",
                        fold_space(text)
                    ),
                    days: Some(days.into()),
                    span: Some(body_span(range)),
                },
                None => {
                    let why = if date::names_weekday(text) {
                        WEEKDAY_NO_DATE
                    } else {
                        RELATIVE_NO_DATE
                    };
                    When::Unresolved {
                        reason: format!("\"{}\" {why}", fold_space(text)),
                        days: None,
                        span: Some(body_span(range)),
                    }
                }
            },
            Err(e) => When::unresolved(format!("\"{}\": {e}", fold_space(text))),
        }
    }

    /// What waits on the date of this article, which has none: its `claims` that could
    /// not be dated, those dated only by a guess from the page's other dates, and the
    /// relative dates it writes that either reading of a page date that reads both ways
    /// does not place. `None` when nothing does.
    pub(super) fn needs_date(&self, claims: &[Claim]) -> Option<Box<NeedsDate>> {
        let undated = claims.iter().filter(|c| c.is_undated()).count();
        // A year guessed from the page's other dates still waits on the article's.
        let guessed = claims
            .iter()
            .filter(|c| !c.is_undated() && c.when.as_ref().and_then(page_date_guess).is_some())
            .count();
        let relative: Vec<Range<usize>> = self
            .rules
            .date_regex
            .find_iter(self.body)
            .filter(|m| {
                matches!(
                    date::parse_date(m.as_str(), None, Direction::Past),
                    Err(DateError::NeedsAnchor)
                ) && self.names_a_time(&m.range())
                    && self.either_reading(m.range(), Direction::Past).is_none()
            })
            .map(|m| m.range())
            .collect();
        if undated == 0 && guessed == 0 && relative.is_empty() {
            return None;
        }
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Some(Box::new(NeedsDate {
            claims: count(undated),
            guessed: count(guessed),
            relative_dates: count(relative.len()),
            first_relative: relative.first().map(|r| self.place(r.clone())),
        }))
    }

    /// The date expression at `range` resolved against each day the page's printed date
    /// may be (`03/01/2023`: 3 January or 1 March), when every reading gives the same date
    /// ("January 23" is 2023's either way; "on Monday" is not one day).
    fn either_reading(&self, range: Range<usize>, direction: Direction) -> Option<When> {
        let text = &self.body[range.clone()];
        let mut dated = self.page_readings.iter().map(|&day| {
            date::parse_date(text, Some(day), direction)
                .ok()
                .map(|d| d.value)
        });
        let first = dated.next()??;
        if !dated.all(|d| d.as_ref() == Some(&first)) {
            return None;
        }
        let readings: Vec<String> = self.page_readings.iter().map(|d| d.to_string()).collect();
        Some(When::Dated {
            date: first,
            how: self
                .strings
                .intern(&format!("{EITHER_READING} ({})", readings.join(" or "))),
            span: Some(body_span(range)),
        })
    }

    /// A day named without its year ("Friday, November 3") in the one year the page
    /// writes that day in full, if it writes it so in one year only.
    fn same_day_in_full(&self, range: Range<usize>, direction: Direction) -> Option<When> {
        if self.page_dates.is_empty() {
            return None;
        }
        let text = &self.body[range.clone()];
        let years = |month: u32, day: u32| {
            let mut years = self
                .page_dates
                .iter()
                .filter(|d| d.day.month() == month && d.day.day() == day)
                .map(|d| d.day.year());
            let first = years.next()?;
            years.all(|y| y == first).then_some(first)
        };
        // The month and day of the first day named ("from November 3 to 5" is dated by
        // November 3), read in a leap year so that February 29 is one.
        let probe = date::parse_in_year(text, 2000, direction)?;
        let year = years(probe.value.start.month(), probe.value.start.day())?;
        let dated = date::parse_in_year(text, year, direction)?;
        (dated.value.precision == Precision::Day && dated.value.start.year() == year).then(|| {
            When::Dated {
                date: dated.value,
                how: self.strings.intern(&format!("{SAME_DAY_YEAR} ({year})")),
                span: Some(body_span(range)),
            }
        })
    }

    /// A day or a month named without its year whose next words give it the year of the
    /// date told before it in sentence `s` ("visited Chad in March 2016 and Niger in
    /// October the same year"), dated in that year.
    fn in_year_before(&self, s: usize, range: &Range<usize>, direction: Direction) -> Option<When> {
        let sentence = self.sentences[s].clone();
        if !date::same_year_after(&self.body[range.end..sentence.end]) {
            return None;
        }
        let (before, year) = self
            .sentence_dates(s)
            .iter()
            .rev()
            .filter(|r| r.end <= range.start)
            .find_map(|r| {
                let text = &self.body[r.clone()];
                let dated = date::parse_date(text, None, direction).ok()?;
                let year = dated.value.start.year();
                (dated.value.end.year() == year).then(|| (fold_space(text), year))
            })?;
        let dated = date::parse_in_year(&self.body[range.clone()], year, direction)?;
        Some(When::Dated {
            date: dated.value,
            how: self
                .strings
                .intern(&format!("the year of \"{before}\" before it")),
            span: Some(body_span(range.clone())),
        })
    }

    /// [`Self::when`] of a date in sentence `s`, unless the page cuts off right after it
    /// ("in July 20" of "July 2018"): then unresolved.
    pub(super) fn when_in(
        &self,
        s: Option<usize>,
        range: Range<usize>,
        direction: Direction,
        source: &str,
    ) -> When {
        if self.cut_at(s, &range) {
            return When::unresolved(super::CUT_VALUE);
        }
        let text = &self.body[range.clone()];
        if let Some(dated) = s.and_then(|s| self.in_year_before(s, &range, direction)) {
            return dated;
        }
        // A weekday named after the day of a report of another day ("the ministry said on
        // Sunday that she would arrive on Monday") is counted from that day, not the
        // article's; one before it ("arrived on Tuesday for a visit announced on Sunday")
        // is not.
        if let Some((day, report_end)) = s.and_then(|s| self.report_day_at(s))
            && self.date != Some(day)
            && range.start >= report_end
            && date::names_weekday(text)
            && self.names_a_time(&range)
            && let Ok(dated) = date::parse_date(text, Some(day), direction)
            && dated.value.relative
        {
            let how = dated.resolution.map_or_else(
                || format!("counted from the report's day {day}"),
                |how| how.replace("the article date", "the report's day"),
            );
            return When::Dated {
                date: dated.value,
                how: self.strings.intern(&how),
                span: Some(body_span(range)),
            };
        }
        if date::of_the_day_told(text)
            && let Some(s) = s
            && let Some(told) = self.day_told_before(s, range.clone(), direction, source)
        {
            return told;
        }
        let when = self.when(range.clone(), direction, source);
        // A day or a month named without its year, in an article whose metadata names
        // only its month, is the one every day of that month reads it as.
        if let (When::Unresolved { days: Some(_), .. }, Some(month)) = (&when, &self.month) {
            let at = |anchor| date::parse_date(text, Some(anchor), direction).ok();
            if let (Some(a), Some(b)) = (at(month.start), at(month.end))
                && a.value == b.value
            {
                return When::Dated {
                    date: a.value,
                    how: self
                        .strings
                        .intern(&format!("{MONTH_YEAR} ({})", month.start.format("%Y-%m"))),
                    span: Some(body_span(range)),
                };
            }
        }
        let (
            When::Unresolved { .. },
            Some(&PageDay {
                day: latest,
                with_weekday,
            }),
        ) = (&when, self.page_dates.last())
        else {
            return when;
        };
        let year = latest.year();
        let (date, how) = if let Some(dated) = date::parse_in_year(text, year, direction) {
            // A plan is told before its day and the page's dates are told by then: a plan
            // dated before the latest of them is of a later year, which the page does not
            // say ("will visit on April 7" beside a past "June 6, 2015").
            if direction == Direction::Future && dated.value.start < latest {
                return when;
            }
            let weekday = if dated.value.end.year() == year {
                ""
            } else {
                ", beside the year its weekday tells"
            };
            (dated.value, format!("{PAGE_YEAR} ({year}){weekday}"))
        } else {
            match date::parse_date(text, Some(latest), direction) {
                Ok(dated)
                    if date::names_weekday(text)
                        && dated.value.precision == Precision::Day
                        && dated.value.start == latest =>
                {
                    (dated.value, format!("{PAGE_DAY} {latest}"))
                }
                // A day told as past in the week up to a day the page writes with its
                // weekday, as a report's own days are ("arrived on Tuesday", beside the
                // programme's "On Wednesday, May 3, 2017").
                Ok(dated)
                    if with_weekday
                        && direction == Direction::Past
                        && date::names_bare_weekday(text)
                        && dated.value.precision == Precision::Day =>
                {
                    (dated.value, format!("{PAGE_WEEK} {latest}"))
                }
                _ => return when,
            }
        };
        When::Dated {
            date,
            how: self.strings.intern(&how),
            span: Some(body_span(range)),
        }
    }

    /// A date for a draft the match did not date: the nearest date expression in its
    /// sentence that is no claim's value (`taken`) and no nearer a claim of another key
    /// (`rivals`), else the article date; with what is guessed, if the date is far from
    /// the claim's words.
    pub(super) fn date_elsewhere(
        &self,
        draft: &Draft,
        taken: &Taken,
        rivals: &[Rival],
    ) -> Option<(When, Option<&'static str>)> {
        // Whether the sentence dates another event outside the claim's closed clause ("Lobo,
        // who is on a visit, met Mba on Tuesday"): the visit is under way then, and the
        // article's day may be days after.
        let mut dated_outside = false;
        // A sentence that gives the day of its report ("…, the ministry said on Thursday")
        // tells its news as of that day, not the article's nor its dateline's.
        let report = draft.sentence.and_then(|s| self.report_day(s));
        if draft.wants_sentence_date
            && let Some(s) = draft.sentence
        {
            let scope = self.sentences[s].clone();
            let during = self.during_at(scope.start, &draft.span);
            let clauses = self.clauses(s);
            // A rival inside a clause an opener opens takes no date from outside it: "on
            // May 26, days prior to Y's visit, X visited Chad" leaves May 26 to X's visit.
            let walled_off = |rival: &Rival, r: &Range<usize>| {
                clauses.iter().any(|c| {
                    c.of_another_time()
                        && c.range.start <= rival.span.start
                        && rival.span.end <= c.range.end
                        && !c.range.contains(&r.start)
                })
            };
            // A clause set aside inside a rival's words keeps its date to the claim whose
            // words end in it: "Lobo, who visited Mali earlier this week, met Mba in Niamey"
            // (the week is the visit to Mali's, not the meeting's).
            let aside_in = |rival: &Rival, r: &Range<usize>| {
                clauses.iter().any(|c| {
                    c.subordinate
                        && c.range.contains(&r.start)
                        && c.range.start < draft.span.end
                        && draft.span.end <= c.range.end
                        && rival.span.start < c.range.start
                        && c.range.end < rival.span.end
                })
            };
            let free = |r: &Range<usize>| {
                let mine = distance(r, &draft.span);
                !taken.overlaps(r)
                    && !rivals.iter().any(|rival| {
                        rival.tied
                            && rival.sentence == Some(s)
                            && (rival.key != draft.claim.key || rival.earlier != draft.earlier)
                            && distance(r, &rival.span) < mine
                            && !walled_off(rival, r)
                            && !aside_in(rival, r)
                    })
            };
            // A dateline's date is the report's: it sets the scene of what happened, not
            // the day of what is to come.
            let in_dateline = |r: &Range<usize>| self.in_dateline(r);
            // A clause of the same time the claim stands in, and the clause it hangs on.
            let same_time = clause::same_time_host(&clauses, draft.span.start).and_then(|host| {
                let own = clauses
                    .iter()
                    .find(|c| c.range.contains(&draft.span.start))?;
                Some((own.range.clone(), host.range.clone()))
            });
            // A period's first day is the day of no event it counts, but of the event of a
            // clause of the same time right after it ("since December, when Lobo paid a
            // visit to Chad"; not "When she toured Chad, ties had grown since March").
            let period_of_clause = |r: &Range<usize>| {
                same_time.as_ref().is_some_and(|(own, host)| {
                    host.contains(&r.start)
                        && r.end <= own.start
                        && self.body[r.end..own.start]
                            .trim_matches(|c: char| c == ',' || c.is_whitespace())
                            .is_empty()
                })
            };
            let dates: Vec<Range<usize>> = self
                .sentence_dates(s)
                .iter()
                .filter(|r| !date::opens_period(&self.body[(*r).clone()]) || period_of_clause(r))
                // The day a period ends is no day an event in it began ("will tour the
                // region over the week through May 6").
                .filter(|r| {
                    !date::ends_period(&self.body[scope.start..r.start], &self.body[(*r).clone()])
                })
                .filter(|&r| {
                    // A report's day right before the words is a day of the event too.
                    let reported_during = during
                        .is_some_and(|at| r.end <= at && self.body[r.end..at].trim().is_empty());
                    // A year that qualifies a noun is that noun's, unless the noun is
                    // the claim's own ("her 2019 visit", "the 2019 visit to Chad").
                    let own_noun = draft.span.contains(&r.start)
                        || r.end <= draft.span.start
                            && self.body[r.end..draft.span.start].trim().is_empty();
                    let of_a_noun = !own_noun
                        && year_of_a_noun(
                            &self.body[scope.start..r.start],
                            &self.body[r.clone()],
                            &self.body[r.end..scope.end],
                        );
                    // A date after the claim's words right before the "during" of another
                    // claim is the day of what happened during that one ("during Lobo's
                    // visit to Chad and the statement issued on 5 May during Mba's visit").
                    let before_during = r.start >= draft.span.end
                        && rivals.iter().any(|rival| {
                            rival.sentence == Some(s)
                                && rival.span.start >= r.end
                                && self
                                    .during_at(r.end, &rival.span)
                                    .is_some_and(|at| self.body[r.end..at].trim().is_empty())
                        });
                    free(r)
                        && !before_during
                        && !of_a_noun
                        && (self.names_a_time(r) || reported_during)
                        && !((draft.direction == Direction::Future || report.is_some())
                            && in_dateline(r))
                })
                .cloned()
                .collect();
            // A date of the claim's own clause, else of a clause open to the sentence: a
            // "since she took office in May" keeps its date.
            let clause_of = |r: &Range<usize>| clauses.iter().find(|c| c.range.contains(&r.start));
            // A clause of its own that the claim's words run through, with words of the
            // match on both sides, is set aside from them: "Lobo, who took office in May, is
            // on a visit to Mali" (May is the appointment's).
            let set_aside = |c: &Clause| {
                c.subordinate && draft.span.start < c.range.start && c.range.end < draft.span.end
            };
            // A clause goes on after an aside with the date right after it ("who is on a
            // visit to Chad – her second – on May 3"); words before the date there may be
            // another clause's ("– her second – met Mba on Tuesday").
            let holds_claim = |c: &Clause| overlaps(&c.range, &draft.span) && !set_aside(c);
            // The predicate of a subject the claim opens, past an aside, is its own too
            // ("Lobo's visit to Chad, her first since 2010, will be held on May 3").
            let predicate = clause::predicate_of_subject(self.body, &clauses, draft.span.start);
            let own = |r: &&Range<usize>| {
                clause_of(r).is_some_and(|c| {
                    holds_claim(c)
                        || predicate.is_some_and(|p| p.range == c.range)
                        || c.resumes.is_some_and(|i| holds_claim(&clauses[i]))
                            && self.body[c.range.start..r.start].split_whitespace().count() <= 1
                })
            };
            // Open, and not past a closed clause: "X's visit will be the first since Y, then
            // minister, visited in April 2012" leaves April 2012 to Y's visit. A date before
            // the claim sets its scene past a clause an opener opens ("On May 26, days
            // before Y's visit, X visited Chad"), not past a report ("on Friday - her aides
            // said - for a visit").
            let open = |r: &&Range<usize>| {
                clause_of(r).is_none_or(|c| !c.closed)
                    && !clauses.iter().any(|c| {
                        c.closed
                            && ((draft.span.end <= c.range.start && c.range.end <= r.start)
                                || (r.end <= c.range.start
                                    && c.range.end <= draft.span.start
                                    && !c.subordinate))
                    })
            };
            let nearest = |keep: &dyn Fn(&&Range<usize>) -> bool| {
                dates
                    .iter()
                    .filter(keep)
                    .min_by_key(|r| distance(r, &draft.span))
                    .cloned()
            };
            let when = |r: Range<usize>, source: &str| {
                self.when_in(draft.sentence, r, draft.direction, source)
            };
            if let Some(r) = nearest(&own) {
                return Some((when(r, "in the same clause"), None));
            }
            // A clause of the same time has the day of the clause it hangs on ("will meet
            // Mba on Friday when she arrives"), closed or not.
            if let Some((_, host)) = &same_time
                && let Some(r) = nearest(&|r: &&Range<usize>| host.contains(&r.start))
            {
                return Some((when(r, "in the clause it hangs on"), None));
            }
            // What happened during the claim's event ("met Mba on Saturday during his visit
            // to Chad", "said on Monday during a visit to Chad") happened on a day of it,
            // perhaps not the first: a date of the sentence outside its subordinate clauses
            // ("Lobo, who arrived on Monday, met Mba during his visit" keeps Monday to the
            // arrival) and its dateline (the report's).
            // "During" after the main clause's verb ends what happened during the event at
            // the claim: a clause after it is another's ("signed deals during Lobo's visit
            // to Chad, which hosted a summit on March 2").
            let opens_sentence =
                during.is_some_and(|at| self.body[scope.start..at].trim().is_empty());
            let after_claim = |r: &Range<usize>| {
                r.start >= draft.span.end
                    && clause_of(r).is_some_and(|c| c.range.start >= draft.span.end)
            };
            // The clause "during" follows with nothing between is the one it tells the time
            // of, a relative one too: "the statement which was issued on 10 May during
            // Lobo's visit" (not one a comma closes: "met Mba, who arrived on Monday,
            // during her visit" keeps Monday to the arrival).
            let hung_on = |c: &Clause| {
                during.is_some_and(|at| {
                    c.range.end <= at
                        && self.body[c.range.end..at].trim().is_empty()
                        && !self.body[c.range.clone()].trim_end().ends_with(',')
                })
            };
            let main = |r: &&Range<usize>| {
                clause_of(r).is_none_or(|c| !c.subordinate || hung_on(c))
                    && !in_dateline(r)
                    && (opens_sentence || !after_claim(r))
            };
            if during.is_some()
                && let Some(r) = nearest(&main)
            {
                // Days from one to another ("during the three-day tour – May 8-10 –") are
                // the event's own, its first day the first of them.
                let days_of_event =
                    date::range_days(&self.body[r.clone()], self.date, draft.direction).is_some();
                // What a plan says will happen during the event is ahead, its day too ("In
                // his first visit to Chad, Lobo will meet Mba on Wednesday").
                let planned = self.rules.planned.as_ref().is_some_and(|cue| {
                    clause_of(&r).is_some_and(|c| cue.is_match(&self.body[c.range.clone()]))
                });
                let (direction, guess) = if planned {
                    (Direction::Future, PLAN_DAY_DURING)
                } else {
                    (draft.direction, DAY_DURING)
                };
                let source = "the day of what happened during it";
                let mut dated = self.when_in(draft.sentence, r, direction, source);
                match &mut dated {
                    When::Dated { .. } if days_of_event => return Some((dated, None)),
                    When::Dated { date, how, .. } if date.precision == Precision::Day => {
                        // The event began that day or a few before.
                        let days = super::ONE_EVENT_SPAN_DAYS.unsigned_abs();
                        self.reach_back(date, how, days, DURING_EVENT);
                        return Some((dated, Some(guess)));
                    }
                    // A week or a month holds the event's day.
                    When::Dated { date, .. } if date.precision != Precision::Year => {
                        return Some((dated, Some(guess)));
                    }
                    // A year is too coarse to tell the event by.
                    When::Dated { .. } => {}
                    When::Unresolved { .. } => return Some((dated, None)),
                }
            }
            // A claim inside a closed clause takes no day from outside it: "Lobo, who is on
            // a three-day visit, met Mba on Tuesday" dates the meeting, a day of the visit
            // at best; so does one whose words end in it, its subject before ("Lobo, who is
            // on a three-day visit"). A month or a year outside holds the visit all the same
            // ("initiated in November during Lobo's visit").
            let enclosed = clauses.iter().any(|c| {
                c.closed && c.range.start < draft.span.end && draft.span.end <= c.range.end
            });
            let coarse = |w: &When| matches!(w, When::Dated { date, .. } if matches!(date.precision, Precision::Month | Precision::Year));
            if let Some(r) = nearest(&open)
                && let dated = when(r.clone(), "in the same sentence")
                && (!enclosed || coarse(&dated))
            {
                // A date before the claim sets its scene ("On Monday, …", a dateline);
                // one after it, past the clause beside the claim's own, may be another
                // event's.
                let index = |at: usize| clauses.iter().position(|c| c.range.contains(&at));
                let last_own = index(draft.span.end.saturating_sub(1));
                let near = match (index(r.start), last_own) {
                    (Some(d), Some(o)) => d <= o + 1,
                    _ => true,
                };
                // One before it past a clause of another event ("… on May 26, days before
                // Y's visit, X toured Chad") may be of an event before that clause.
                let past_other = clauses
                    .iter()
                    .any(|c| c.closed && r.end <= c.range.start && c.range.end <= draft.span.start);
                let guess = (!near || past_other)
                    .then_some("date taken from another clause of the sentence");
                return Some((dated, guess));
            }
            dated_outside = nearest(&open).is_some();
        }
        // "has arrived" tells the arrival as news of the article's day, in the claim's words
        // whether or not the article dates the claims of its extractor; in the clause they
        // open, the day of a claim the article dates ("has landed in Ankara on a three-day
        // visit"), not of one it leaves undated ("Interior Minister Mba is visiting Chad").
        // "is on a visit" tells the same day, of a visit that may have begun before it.
        let clause = draft
            .dated_by_article
            .and_then(|_| self.own_clause(draft.sentence, &draft.span));
        let cue = |re: &Option<regex::Regex>, scope: Option<Range<usize>>| {
            let scope = scope.filter(|_| !dated_outside)?;
            let m = re.as_ref()?.find(&self.masked[scope.clone()])?;
            Some((scope.start + m.start())..(scope.start + m.end()))
        };
        let same_day = cue(
            &self.rules.same_day,
            clause.clone().or(Some(draft.span.clone())),
        );
        let news = same_day
            .map(|r| (r, false))
            // A cue in the words of another event's claim is that event's ("her visit is
            // taking place after an earlier trip by Mba").
            .or_else(|| {
                cue(&self.rules.under_way, clause)
                    .filter(|r| {
                        overlaps(r, &draft.span)
                            || !rivals.iter().any(|rival| {
                                rival.key != draft.claim.key && overlaps(r, &rival.span)
                            })
                    })
                    .map(|r| (r, true))
            });
        let (published, of, by) = match report {
            Some(day) => (Some(day), "the report's day", "the report"),
            None => (self.date, "the article's day", "the article"),
        };
        if let (Some(published), Some((cue, under_way)), Direction::Past) =
            (published, news.clone(), draft.direction)
            && !self.date_updated
        {
            // A visit of some days under way on the article's day began up to its length
            // before it.
            let began = match &draft.claim.value {
                Value::Duration(d) if under_way && d.days >= 2.0 => published
                    .checked_sub_days(Days::new(d.days as u64 - 1))
                    .unwrap_or(published),
                _ => published,
            };
            let date = if began < published {
                DateValue::span(began, published, Precision::Range)
            } else {
                DateValue::day(published)
            };
            let when = When::Dated {
                date: DateValue {
                    relative: true,
                    ..date
                },
                how: self.strings.intern(&format!(
                    "{of} {}: \"{}\" tells it as news",
                    published.format("%Y-%m-%d"),
                    fold_space(&self.body[cue.clone()])
                )),
                span: Some(body_span(cue)),
            };
            return Some((when, Some(news_guess(under_way))));
        }
        // In an article whose page prints its day without the year ("Islamabad, April
        // 25"), news of that day is of that day, in a year unknown; a visit of some days
        // under way gives no day, having begun up to its length before it.
        if let (None, Some(days), Some((cue, under_way)), Direction::Past) =
            (published, &self.page_days, news.clone(), draft.direction)
            && !self.date_updated
            && !(under_way && matches!(&draft.claim.value, Value::Duration(d) if d.days >= 2.0))
        {
            let when = When::Unresolved {
                reason: format!(
                    "the article's day, {days}, which the page prints without its year: \"{}\" tells it as news",
                    fold_space(&self.body[cue.clone()])
                ),
                days: Some(days.clone()),
                span: Some(body_span(cue)),
            };
            return Some((when, Some(news_guess(under_way))));
        }
        let days = draft.dated_by_article?;
        let when = match published {
            None if news.is_some_and(|(_, under_way)| under_way) => When::unresolved(NEWS_NO_DATE),
            None => When::unresolved(NO_ARTICLE_DATE),
            // The day a page was updated bounds when it was written, no more: the event
            // may lie any time before.
            Some(_) if self.date_updated => When::unresolved(UPDATED_DATE),
            Some(published) => {
                // A reported event took place in the days up to the article (or, where
                // nothing says it happened, the days around it); a planned one is to take
                // place in the days after it.
                let (start, end) = match draft.direction {
                    Direction::Past => (
                        published
                            .checked_sub_days(Days::new(days.into()))
                            .unwrap_or(published),
                        published
                            .checked_add_days(Days::new(
                                draft.dated_by_article_ahead.unwrap_or(0).into(),
                            ))
                            .unwrap_or(published),
                    ),
                    Direction::Future => (
                        published,
                        published
                            .checked_add_days(Days::new(days.into()))
                            .unwrap_or(published),
                    ),
                };
                let precision = if days == 0 {
                    Precision::Day
                } else {
                    Precision::Range
                };
                When::Dated {
                    date: DateValue {
                        relative: true,
                        ..DateValue::span(start, end, precision)
                    },
                    how: self.strings.intern(&dated_by(by, published)),
                    span: None,
                }
            }
        };
        Some((when, None))
    }

    /// A claim the article dates (the days around its date, no day of its own nor of its
    /// key's other claims) takes the one day the article states in those days, when it
    /// states one and no other: a report tells one event's days ("signed 22 accords during
    /// the visit", beside "the accords, signed on January 16"). A guess. Of days a few
    /// apart, each in a sentence that names the claim's person ("met Lobo in Niamey
    /// yesterday", "Lobo met Mba today"), it takes the first, the event's. The day the page
    /// prints as its date is none the article states. News its tense dates to the article's
    /// day may be of the day before, when a sentence that names its parties states that
    /// day; the key's other news so dated takes the same day, unless such a sentence, or
    /// another claim of its key with no sentence naming its person on another day, states
    /// the article's own day for it.
    pub(super) fn narrow_to_stated_day(&self, drafts: &mut [Draft]) {
        let Some(published) = self.date.filter(|_| !self.date_updated) else {
            return;
        };
        let by_article = dated_by("the article", published);
        // News its tense dates to the article's day ("arrives", "has arrived").
        let news_of_the_day = |d: &Draft| {
            d.direction == Direction::Past
                && d.rests_on(TENSE_DATE)
                && matches!(&d.claim.when, Some(When::Dated { date, .. })
                    if date.precision == Precision::Day && date.start == published)
        };
        // A plan's days are to come, and a report's days of what it plans are no days of
        // what it tells happened: only a reported claim's window is narrowed.
        let window = |d: &Draft| match &d.claim.when {
            Some(When::Dated {
                date,
                how,
                span: None,
            }) if d.direction == Direction::Past
                && date.precision == Precision::Range
                && **how == *by_article =>
            {
                Some(*date)
            }
            // News of the article's day may be of the day before, as a morning paper's is
            // ("Lobo on Thursday met Mba", in Friday's edition).
            Some(When::Dated { .. }) if news_of_the_day(d) => {
                let eve = published.pred_opt()?;
                Some(DateValue::span(eve, published, Precision::Range))
            }
            _ => None,
        };
        if !drafts.iter().any(|d| window(d).is_some()) {
            return;
        }
        let printed = self.printed_date.as_ref();
        // A sentence that plans may date what it plans ("On Monday, she will visit").
        let planned = |r: &Range<usize>| {
            self.rules.planned.as_ref().is_some_and(|cue| {
                sentence_at(&self.sentences, r.start)
                    .is_some_and(|s| cue.is_match(&self.body[self.sentences[s].clone()]))
            })
        };
        // The days claims state: a day another claim states is its event's, and one a
        // claim of the same key states is one its dating did not follow.
        // Dates a claim holds as its value ("signed a pact on January 10") are its own too.
        // Drafts' spans are offsets in the body (see `body_span`).
        let claimed: Vec<Range<usize>> = drafts
            .iter()
            .flat_map(|d| {
                let when = match &d.claim.when {
                    Some(When::Dated { span: Some(s), .. }) => Some(s),
                    _ => None,
                };
                let value = d
                    .claim
                    .value_span
                    .as_ref()
                    .filter(|_| matches!(d.claim.value, Value::Date(_) | Value::Dates(_)));
                when.into_iter()
                    .chain(value)
                    .map(|s| s.start as usize..s.end as usize)
            })
            .collect();
        // The days the article states in sentences of what happened, none of them a day
        // another claim states.
        let stated_days = || -> Vec<(NaiveDate, usize)> {
            self.rules
                .date_regex
                .find_iter(self.body)
                .map(|m| m.range())
                // The page's printed date and its dateline's are the report's days.
                .filter(|r| !printed.is_some_and(|p| overlaps(p, r)) && !self.in_dateline(r))
                .filter(|r| !date::opens_period(&self.body[r.clone()]) && self.names_a_time(r))
                .filter(|r| !planned(r) && !claimed.iter().any(|c| overlaps(c, r)))
                .filter_map(|r| {
                    let dated =
                        date::parse_date(&self.body[r.clone()], Some(published), Direction::Past);
                    dated
                        .ok()
                        .filter(|d| d.value.precision == Precision::Day)
                        .map(|d| (d.value.start, r.start))
                })
                .collect()
        };
        let mut stated = None;
        // News of the article's day taken back to a day stated, by key: the day of that
        // key's other news (one in a clause of another time too, "who arrived on a visit").
        let mut news_days: Vec<(Arc<str>, When)> = Vec::new();
        // News a sentence naming its parties states on the article's own day keeps it.
        let mut stated_on_the_day = vec![false; drafts.len()];
        // The keys whose reported events a claim's own words date to the article's day
        // ("arrived in Niamey on Wednesday", in Wednesday's edition).
        let keys_on_the_day: Vec<Arc<str>> = drafts
            .iter()
            .filter(|o| {
                o.direction == Direction::Past
                    && !o.rests_on(TENSE_DATE)
                    && !self.of_another_time(o)
                    && matches!(&o.claim.when, Some(When::Dated { date, span: Some(_), .. })
                        if date.precision == Precision::Day && date.start == published)
            })
            .map(|o| o.claim.key.clone())
            .collect();
        for (i, d) in drafts.iter_mut().enumerate() {
            // A claim in a clause of another time is of no day the report tells.
            let Some(days) = window(d).filter(|_| !self.of_another_time(d)) else {
                continue;
            };
            let stated = stated.get_or_insert_with(stated_days);
            // The claim's parties: a day is of its event only in a sentence that names
            // them.
            let parties: Vec<usize> = d
                .claim
                .key
                .split('/')
                .skip(1)
                .filter_map(|id| self.entities.index_of(id))
                .collect();
            // Whether the sentence at `at` names the claim's parties (`Some`), and whether
            // it names a person among them.
            let names_parties = |at: usize| -> Option<bool> {
                sentence_at(&self.sentences, at).and_then(|s| {
                    let sentence = self.sentences[s].clone();
                    let named: Vec<usize> = self
                        .mentions
                        .iter()
                        .zip(&self.resolved)
                        .filter(|(m, _)| sentence.contains(&m.range.start))
                        .filter_map(|(_, e)| *e)
                        .collect();
                    let party = |e: usize| parties.contains(&e);
                    let person = |e: usize| {
                        self.rules
                            .people
                            .as_ref()
                            .is_some_and(|p| p.kind == self.entities.get(e).kind)
                    };
                    // Every party that is no person (the host) is named, and a person
                    // named is a party, or a party is among those named.
                    let places: Vec<usize> =
                        parties.iter().copied().filter(|&p| !person(p)).collect();
                    let names = |p: usize| {
                        let kind = &self.entities.get(p).kind;
                        named
                            .iter()
                            .any(|&e| self.entities.as_kind(e, kind) == Some(p))
                    };
                    // A subject pronoun that stands for a person among them names that
                    // person too ("She met Mba of Niger on Tuesday"; not "Her aide met").
                    let by_pronoun = || {
                        let kind = self.rules.people.as_ref().map(|p| &p.kind)?;
                        let pronoun = self.rules.kinds.get(kind)?.subject_anaphora.as_ref()?;
                        let text = &self.body[sentence.clone()];
                        pronoun.find_iter(text).find_map(|m| {
                            let at = sentence.start + m.start()..sentence.start + m.end();
                            self.antecedent(kind, &at, Some(s))
                                .filter(|&(e, _)| party(e))
                        })
                    };
                    let a_party =
                        named.iter().any(|&e| person(e) && party(e)) || by_pronoun().is_some();
                    (!places.is_empty()
                        && places.iter().all(|&p| names(p))
                        && (a_party || !named.iter().any(|&e| person(e))))
                    .then_some(a_party)
                })
            };
            // A day of the claim's own sentence is one its dating passed over: another
            // clause's ("arrived in Chad and is due to leave on Sunday").
            let own = d.sentence.map(|s| self.sentences[s].clone());
            let within: Vec<(NaiveDate, usize, bool)> = stated
                .iter()
                .filter(|&&(day, start)| {
                    days.start <= day
                        && day <= days.end
                        && !own.as_ref().is_some_and(|own| own.contains(&start))
                })
                .filter_map(|&(day, start)| Some((day, start, names_parties(start)?)))
                .collect();
            let Some(&(day, at, _)) = within.iter().min_by_key(|&&(day, ..)| day) else {
                continue;
            };
            // News of the article's day stated so is dated already; so is news whose event
            // another claim dates to that day, when no sentence naming its person states
            // another ("Lobo arrives in Niger" over "arrived on Wednesday", in Wednesday's
            // edition, beside "officials spoke on Tuesday").
            let news = news_of_the_day(d);
            let other_day_of_person = within
                .iter()
                .any(|&(other, _, person)| person && other != published);
            if news
                && (day == published
                    || keys_on_the_day.contains(&d.claim.key) && !other_day_of_person)
            {
                stated_on_the_day[i] = true;
                continue;
            }
            // Of days a few apart, each in a sentence that names the person whose event it
            // is, the first: the event's (a further guess).
            let last = within.iter().map(|&(day, ..)| day).max().unwrap_or(day);
            if last != day
                && ((last - day).num_days() > super::ONE_EVENT_SPAN_DAYS
                    || within.iter().any(|&(.., person)| !person))
            {
                continue;
            }
            let taken = if last == day {
                ONE_STATED_DAY
            } else {
                FIRST_STATED_DAY
            };
            let when = When::Dated {
                date: DateValue {
                    relative: true,
                    ..DateValue::day(day)
                },
                how: self.strings.intern(&format!(
                    "{taken}, {} (line {})",
                    day.format("%Y-%m-%d"),
                    self.index
                        .position(&self.article.text, self.article.body_start + at)
                        .0
                )),
                span: None,
            };
            if news {
                news_days.push((d.claim.key.clone(), when.clone()));
            }
            d.claim.when = Some(when);
            let guess = self.strings.intern(taken);
            d.claim.confidence = d.claim.confidence.with(guess);
        }
        for (d, stated_on_the_day) in drafts.iter_mut().zip(stated_on_the_day) {
            if stated_on_the_day || !news_of_the_day(d) {
                continue;
            }
            if let Some((_, when)) = news_days.iter().find(|(key, _)| *key == d.claim.key) {
                d.claim.when = Some(when.clone());
                let guess = self.strings.intern(ONE_STATED_DAY);
                d.claim.confidence = d.claim.confidence.with(guess);
            }
        }
    }
}

/// Spans sorted by start, with the furthest end reached so far, so that whether a range
/// overlaps any of them takes a binary search.
pub(super) struct Taken {
    spans: Vec<Range<usize>>,
    reach: Vec<usize>,
}

impl Taken {
    pub(super) fn new(mut spans: Vec<Range<usize>>) -> Taken {
        spans.sort_by_key(|s| s.start);
        let reach = spans
            .iter()
            .scan(0, |max, s| {
                *max = s.end.max(*max);
                Some(*max)
            })
            .collect();
        Taken { spans, reach }
    }

    fn overlaps(&self, r: &Range<usize>) -> bool {
        let starting_before_end = self.spans.partition_point(|s| s.start < r.end);
        starting_before_end > 0 && self.reach[starting_before_end - 1] > r.start
    }
}

#[cfg(test)]
mod tests {
    use super::year_of_a_noun;

    #[test]
    fn a_year_after_a_determiner_or_a_name_and_before_a_word_qualifies_the_word() {
        assert!(year_of_a_noun(
            "goals were the ",
            "2019",
            " elections, he said"
        ));
        assert!(year_of_a_noun("based on the Niamey ", "1975", " Agreement"));
        assert!(year_of_a_noun("Chad's ", "2022", " budget"));
        assert!(year_of_a_noun("took part in the Trade Forum ", "2021", "."));
        assert!(year_of_a_noun("opened the Example Cup ", "2021", ", a"));
        assert!(year_of_a_noun(
            "began the exercise Lion-",
            "2025",
            " on Friday"
        ));
    }

    #[test]
    fn a_year_after_a_time_word_or_before_no_word_names_a_time() {
        assert!(!year_of_a_noun("In ", "2019", " Chad and Niger signed"));
        assert!(!year_of_a_noun("by the end of ", "2019", " the two"));
        assert!(!year_of_a_noun("visited Chad in ", "2019", "."));
        assert!(!year_of_a_noun("the ", "2019", ", and"));
        assert!(!year_of_a_noun("the visit of May ", "2019", " to Chad"));
        assert!(!year_of_a_noun("the ", "May 2019", " visit"));
        assert!(!year_of_a_noun("visited Niamey, Chad ", "2019", "."));
        assert!(!year_of_a_noun(
            "her first visit was on Christmas Day ",
            "2019",
            "."
        ));
        assert!(!year_of_a_noun(
            "she came for the Independence Day ",
            "2019",
            "."
        ));
        assert!(!year_of_a_noun("she met Ana Lobo ", "2019", "."));
        assert!(!year_of_a_noun("visited Chad in mid-", "2019", "."));
        assert!(!year_of_a_noun("visited Chad in Mid-", "2019", "."));
        assert!(!year_of_a_noun("visited Chad in Jan-", "2019", "."));
        assert!(!year_of_a_noun("visited Chad in late Summer-", "2019", "."));
        assert!(!year_of_a_noun("the price of pre-", "2019", " oil"));
        assert!(!year_of_a_noun("in early March ", "2019", "."));
        assert!(!year_of_a_noun("visited Chad in December, ", "2019", "."));
    }
}
