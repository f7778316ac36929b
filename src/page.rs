//! What a page prints about itself: its publication date, in a byline, a header, a footer
//! or a dateline, and the place it was written. The shapes are rule data (`[[byline]]`,
//! `[page]`); this module finds them on the lines where they may stand and decides which
//! date is the page's own, and says when it cannot.

use crate::article::{Article, DateCarrier, DateSource, Span};
use crate::gazetteer::Gazetteer;
use crate::rule::{BylineKind, Region};
use crate::value::date::{self, Direction};
use crate::value::fold_space;
use crate::value::printed::{NotADay, Order, PATTERN, Printed, numeric_order, parse_printed};
use chrono::{Datelike, NaiveDate};
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::ops::Range;
use std::path::PathBuf;
use std::sync::{Arc, LazyLock};

/// One `[[byline]]`, compiled.
#[derive(Debug, Clone)]
pub struct Byline {
    /// Its id, shared with the dates it reads.
    pub id: Arc<str>,
    /// The rule file it is declared in.
    pub file: PathBuf,
    /// What it reads.
    pub description: Option<String>,
    /// What the line is.
    pub kind: BylineKind,
    /// The word for it in explanations, shared with the dates it reads.
    pub noun: Arc<str>,
    /// Where it may stand.
    pub region: Region,
    /// The pattern as written.
    pub source: String,
    /// The expanded pattern.
    pub regex: Regex,
    /// The groups that hold the date (one per alternative that has one).
    pub date_groups: Vec<String>,
    /// Whether it has a `place` group.
    pub has_place: bool,
    /// Labels that look like a place and are none, anchored to the whole place.
    pub not_place: Option<Regex>,
    /// Words that, as all that stands before the date in a match, make it none; anchored.
    pub not_before_date: Option<Regex>,
    /// The kind of entity its place must name, if any.
    pub known_place: Option<String>,
}

/// Where a page's own date and place may stand, and the shapes they are printed in.
#[derive(Debug, Clone)]
pub struct Page {
    /// Lines from the top (blank ones not counted) that may hold a byline.
    pub head_lines: usize,
    /// Lines from the bottom that may hold a footer.
    pub tail_lines: usize,
    /// Characters of a line searched, from its start.
    pub line_chars: usize,
    /// A line of the page's navigation, skipped: neither read nor counted among the head
    /// and tail lines; anchored to the whole trimmed line.
    pub menu_item: Option<Regex>,
    /// A line of the page's furniture (a button, a label, a name alone): read, but not
    /// counted among the head lines, up to half as many as they; anchored to the whole
    /// trimmed line.
    pub uncounted_line: Option<Regex>,
    /// A line that heads a list of other stories, whose dates (on the lines after it, up
    /// to a gap or a sentence) are not the page's; anchored to the whole trimmed line.
    pub list_heading: Option<Regex>,
    /// A line that runs other stories' headlines together (a news ticker); anchored to the
    /// whole trimmed line.
    pub ticker: Option<Regex>,
    /// The shapes, in declaration order.
    pub bylines: Vec<Byline>,
    /// What after a numeric date on its line says the page writes the day first.
    pub day_first_after: Option<Regex>,
    /// What after a numeric date on its line says the page writes the month first.
    pub month_first_after: Option<Regex>,
}

impl Default for Page {
    fn default() -> Self {
        Page {
            head_lines: 8,
            tail_lines: 4,
            line_chars: 240,
            menu_item: None,
            uncounted_line: None,
            list_heading: None,
            ticker: None,
            bylines: Vec::new(),
            day_first_after: None,
            month_first_after: None,
        }
    }
}

/// The place a page says it was written ("LYON" in "LYON, Nov 5 —"): what "here" means.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dateline {
    /// The place as printed.
    pub place: String,
    /// The entity it names, when the rules declare one by that name; shared with them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<Arc<str>>,
    /// The 1-based line it is on.
    pub line: u32,
    /// The `[[byline]]` rule that read it; shared with the rules.
    pub rule: Arc<str>,
    /// Where the dateline is in the article text, date and all.
    #[serde(skip)]
    pub range: Option<std::ops::Range<usize>>,
}

/// What the page says about itself.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageFacts {
    /// The publication date, when the page prints one that can be trusted.
    pub date: Option<NaiveDate>,
    /// Where it was read, or why a printed date gives none.
    pub date_source: Option<DateSource>,
    /// Where the page was written.
    pub dateline: Option<Dateline>,
    /// The two days the printed publication date may be when its day and month read both
    /// ways (`03/01/2023`) and nothing settles the order, for an article that declares no
    /// date; else empty.
    pub readings: Vec<NaiveDate>,
}

/// A date or place a byline found on one line.
#[derive(Debug, Clone)]
struct Candidate<'p> {
    byline: &'p Byline,
    /// Where the match is in the article text.
    span: Span,
    /// Whether it stands in the head (else the tail).
    head: bool,
    /// The place of its line among the lines read, blank lines and menu items not counted:
    /// 0 on the page's first line.
    index: usize,
    /// The matched text, white space folded.
    text: String,
    date: Option<Result<Printed, NotADay>>,
    /// The order its numeric date's numbers tell (`14-06-2022`), if they do.
    order: Option<Order>,
    /// What the rest of its line says of the order of a numeric date (a time zone), and
    /// the words that say it.
    order_cue: Option<(Order, String)>,
    /// How a numeric date that reads both ways was read, if it was.
    order_from: Option<String>,
    place: Option<String>,
}

impl Candidate<'_> {
    /// Whether it stands on the page's first line.
    fn first(&self) -> bool {
        self.index == 0
    }

    fn day(&self) -> Option<NaiveDate> {
        match self.date {
            Some(Ok(Printed::Day(d))) => Some(d),
            _ => None,
        }
    }

    fn source(&self) -> DateSource {
        DateSource {
            carrier: DateCarrier::Page,
            text: self.text.clone(),
            span: Some(self.span),
            rule: Some(self.byline.id.clone()),
            noun: Some(self.byline.noun.clone()),
            utc_offset: None,
            updated: false,
            year_from: None,
            order_from: self.order_from.clone(),
            unresolved: None,
            days: None,
        }
    }
}

/// `text[..n chars]`.
fn first_chars(text: &str, n: usize) -> &str {
    text.char_indices().nth(n).map_or(text, |(i, _)| &text[..i])
}

/// The kinds that give an original publication date, most trusted first.
const ORIGINAL: [BylineKind; 4] = [
    BylineKind::Published,
    BylineKind::Byline,
    BylineKind::DateLine,
    BylineKind::Dateline,
];

impl Page {
    /// The non-blank lines of the article's body that may hold a byline, as byte ranges of
    /// the article text, each with whether it is among the head lines and among the tail
    /// lines (a short article's lines are both). Only the lines at the two ends are
    /// looked at, however long the article, unless `middle` asks for the lines between too
    /// (for a byline that may stand anywhere).
    fn lines(&self, article: &Article, middle: bool) -> Vec<(Range<usize>, bool, bool)> {
        let start = article.body_start;
        let body = article.body();
        let non_blank = |range: Range<usize>| {
            let line = &body[range.clone()];
            let trimmed = line.trim_end_matches(['\n', '\r']);
            (!trimmed.trim().is_empty() && !self.is_menu_item(trimmed.trim()))
                .then(|| start + range.start..start + range.start + trimmed.len())
        };
        // Line ranges of the body, from the top and from the bottom.
        let forward = body.split_inclusive('\n').scan(0, |at, line| {
            let range = *at..*at + line.len();
            *at = range.end;
            Some(range)
        });
        // The head ends with its last counted line: lines of the page's furniture
        // ("Share", "By", a name alone) between are read but not counted, up to half as
        // many as the head's lines (a long menu of such lines counts).
        let (mut counted, mut uncounted) = (0, 0);
        let head: Vec<Range<usize>> = forward
            .clone()
            .filter_map(non_blank)
            .take_while(|range| {
                let more = counted < self.head_lines;
                if more
                    && (uncounted >= self.head_lines / 2
                        || !self.is_uncounted(article.text[range.clone()].trim()))
                {
                    counted += 1;
                } else if more {
                    uncounted += 1;
                }
                more
            })
            .collect();
        let backward = body
            .split_inclusive('\n')
            .rev()
            .scan(body.len(), |at, line| {
                let range = *at - line.len()..*at;
                *at = range.start;
                Some(range)
            });
        let mut tail: Vec<Range<usize>> = backward
            .filter_map(non_blank)
            .take(self.tail_lines)
            .collect();
        tail.reverse();
        let mut lines: Vec<(Range<usize>, bool, bool)> = head
            .into_iter()
            .map(|r| {
                let in_tail = tail.contains(&r);
                (r, true, in_tail)
            })
            .collect();
        let head_end = lines.last().map_or(0, |(r, _, _)| r.end);
        if middle {
            let tail_start = tail.first().map_or(start + body.len(), |r| r.start);
            lines.extend(
                forward
                    .filter_map(non_blank)
                    .filter(|r| r.start >= head_end && r.end <= tail_start)
                    .map(|r| (r, false, false)),
            );
        }
        lines.extend(
            tail.into_iter()
                .filter(|r| r.start >= head_end)
                .map(|r| (r, false, true)),
        );
        lines
    }

    /// Whether `line` (trimmed) is a line of the page's furniture, not counted among the
    /// head lines (see `uncounted_line`).
    fn is_uncounted(&self, line: &str) -> bool {
        self.uncounted_line
            .as_ref()
            .is_some_and(|re| re.is_match(line))
    }

    /// Whether `line` (trimmed) is an item of the page's navigation (see `menu_item`).
    fn is_menu_item(&self, line: &str) -> bool {
        self.menu_item.as_ref().is_some_and(|re| re.is_match(line))
    }

    /// The dates and places the bylines find. With `places_only` (an article dated by its
    /// metadata), only the bylines that read a place run, and only up to the first place.
    fn candidates<'p>(
        &'p self,
        article: &Article,
        gazetteer: &Gazetteer,
        places_only: bool,
    ) -> Vec<Candidate<'p>> {
        let text = &article.text;
        let mut found: Vec<Candidate<'p>> = Vec::new();
        // After a heading of a list of other stories, the lines read in a row that are no
        // sentence (headlines, dates) are the list's; a sentence ends it.
        let mut listing = false;
        let mut last_end = None;
        // The lines between the head and the tail only for a byline that may stand
        // anywhere, and only when the date is read.
        let middle = !places_only && self.bylines.iter().any(|b| b.region == Region::Anywhere);
        for (index, (range, in_head, in_tail)) in
            self.lines(article, middle).into_iter().enumerate()
        {
            if places_only && (!in_head || found.iter().any(|c| c.place.is_some())) {
                break;
            }
            let line = text[range.clone()].trim();
            // Lines of the page's navigation between two read ones keep them in a row.
            let in_a_row = last_end.is_some_and(|end| {
                text[end..range.start]
                    .lines()
                    .map(str::trim)
                    .all(|gap| gap.is_empty() || self.is_menu_item(gap))
            });
            last_end = Some(range.end);
            if self.listed(&mut listing, line, in_a_row) {
                continue;
            }
            let line_text = first_chars(&text[range.clone()], self.line_chars);
            for byline in &self.bylines {
                let allowed = match byline.region {
                    Region::Head => in_head,
                    Region::Tail => in_tail,
                    Region::Edges => in_head || in_tail,
                    Region::Anywhere => true,
                };
                if !allowed || (places_only && !byline.has_place) {
                    continue;
                }
                let Some(caps) = byline.regex.captures(line_text) else {
                    continue;
                };
                let label = caps.name("place").is_some_and(|m| {
                    let place = fold_space(m.as_str());
                    byline
                        .not_place
                        .as_ref()
                        .is_some_and(|not| not.is_match(&place))
                        || byline.known_place.as_ref().is_some_and(|kind| {
                            entity_named(gazetteer, &place)
                                .and_then(|id| gazetteer.index_of(&id))
                                .and_then(|e| gazetteer.entities().get(e))
                                .is_none_or(|e| e.kind != *kind)
                        })
                });
                let date_match = byline.date_groups.iter().find_map(|g| caps.name(g));
                let unnamed = date_match.zip(caps.get(0)).is_some_and(|(date, whole)| {
                    byline.not_before_date.as_ref().is_some_and(|not| {
                        not.is_match(&fold_space(&line_text[whole.start()..date.start()]))
                    })
                });
                if label || unnamed {
                    continue;
                }
                let date = date_match.map(|m| parse_printed(m.as_str()));
                let order = date_match.and_then(|m| numeric_order(m.as_str()));
                // Only a date that reads both ways needs its line to tell the order.
                let order_cue = date_match
                    .filter(|_| matches!(date, Some(Err(NotADay::Ambiguous(..)))))
                    .and_then(|m| self.order_cue(&line_text[m.end()..]));
                let place = caps
                    .name("place")
                    .map(|m| fold_space(m.as_str()).into_owned())
                    .filter(|p| !p.is_empty());
                let matched = caps.get(0).map_or(0..0, |m| m.range());
                let span =
                    Span::in_text(text, range.start + matched.start..range.start + matched.end);
                found.push(Candidate {
                    byline,
                    span,
                    head: in_head,
                    index,
                    text: quoted(&fold_space(caps.get(0).map_or("", |m| m.as_str()))),
                    date,
                    order,
                    order_cue,
                    order_from: None,
                    place,
                });
            }
        }
        settle_order(&mut found);
        found
    }

    /// The order the words after a numeric date on its line (`rest`) say it is written in:
    /// a time zone of a region that writes the day first, or one that writes the month
    /// first; with the words. None when neither or both say.
    fn order_cue(&self, rest: &str) -> Option<(Order, String)> {
        let find = |re: &Option<Regex>| re.as_ref().and_then(|re| re.find(rest));
        match (find(&self.day_first_after), find(&self.month_first_after)) {
            (Some(m), None) => Some((Order::DayFirst, fold_space(m.as_str()).into_owned())),
            (None, Some(m)) => Some((Order::MonthFirst, fold_space(m.as_str()).into_owned())),
            _ => None,
        }
    }

    /// The days printed in full anywhere on the head lines (a caption, a lead), each day
    /// of a range of days with its year among them ("from July 28 to 30, 2025"), with
    /// their text and line: what may give a year-less dateline its year.
    fn printed_in_head(&self, article: &Article) -> Vec<(NaiveDate, String, u32)> {
        static PRINTED: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(&PATTERN).expect("printed-date pattern"));
        static RANGE: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(&date::RANGE_PATTERN).expect("range pattern"));
        let text = &article.text;
        let mut out = Vec::new();
        for (range, in_head, _) in self.lines(article, false) {
            if !in_head {
                break;
            }
            let line_of = |m: &regex::Match| {
                Span::in_text(text, range.start + m.start()..range.start + m.end()).line
            };
            for m in PRINTED.find_iter(&text[range.clone()]) {
                if let Ok(Printed::Day(day)) = parse_printed(m.as_str()) {
                    out.push((day, fold_space(m.as_str()).into_owned(), line_of(&m)));
                }
            }
            for m in RANGE.find_iter(&text[range.clone()]) {
                // With no anchor, only a range that prints its year reads.
                let Ok(Some((first, last))) = date::parse_range(m.as_str(), None, Direction::Past)
                else {
                    continue;
                };
                if first.value.relative {
                    continue;
                }
                // A long range (a season, a fair's weeks) may hold any day of its year.
                if (last - first.value.start).num_days() >= MAX_RANGE_DAYS {
                    continue;
                }
                for day in first.value.start.iter_days().take_while(|d| *d <= last) {
                    out.push((day, fold_space(m.as_str()).into_owned(), line_of(&m)));
                }
            }
        }
        out
    }

    /// The lines of `text` (byte ranges) outside the lists of other stories the page
    /// prints: after a line `list-heading` matches, the lines up to one that ends a sentence
    /// are the list's ("Recent Posts", then headlines and their dates).
    pub fn outside_lists(&self, text: &str) -> Vec<Range<usize>> {
        // In text order, as the lines are.
        let listed: Vec<Range<usize>> = self.lists(text).into_iter().flatten().collect();
        non_blank_lines(text)
            .filter(|line| {
                listed
                    .binary_search_by_key(&line.start, |l| l.start)
                    .is_err()
            })
            .collect()
    }

    /// The lists of other stories the page prints, each the non-blank lines (byte ranges
    /// of `text`) from its heading up to a line that ends a sentence.
    fn lists(&self, text: &str) -> Vec<Vec<Range<usize>>> {
        let mut lists: Vec<Vec<Range<usize>>> = Vec::new();
        let mut listing = false;
        for range in non_blank_lines(text) {
            let was_listing = listing;
            if self.listed(&mut listing, text[range.clone()].trim(), true) {
                let heading = !was_listing
                    || self
                        .list_heading
                        .as_ref()
                        .is_some_and(|re| re.is_match(text[range.clone()].trim()));
                match lists.last_mut() {
                    Some(list) if !heading => list.push(range),
                    _ => lists.push(vec![range]),
                }
            }
        }
        lists
    }

    /// Whether `line` (trimmed, read after the one `listing` was set by) belongs to a list
    /// of other stories: one `list-heading` matches, or one that ends no sentence right
    /// after a line of the list (`in_a_row`). Updates `listing`.
    fn listed(&self, listing: &mut bool, line: &str, in_a_row: bool) -> bool {
        let sentence = line.ends_with(['.', '!', '?', '"', '”']);
        let heading = self
            .list_heading
            .as_ref()
            .is_some_and(|re| re.is_match(line));
        *listing = (*listing && in_a_row && !sentence) || heading;
        *listing
    }

    /// The lines of other stories the page lists after a heading ("Related stories",
    /// "More on this topic"), the heading's own too, as byte ranges of `body`: up to a
    /// line that ends a sentence, blank lines between, when the heading has two lines or
    /// more under it (a lone line after "Latest" may be the story's lede); and the lines
    /// of its ticker. Their headlines are no claims of the article, nor what it is about.
    pub fn listings(&self, body: &str) -> Vec<Range<usize>> {
        let mut listed: Vec<Range<usize>> = if self.list_heading.is_some() {
            self.lists(body)
                .into_iter()
                .filter(|list| list.len() > 2)
                .flatten()
                .collect()
        } else {
            Vec::new()
        };
        if let Some(ticker) = &self.ticker {
            listed.extend(
                non_blank_lines(body).filter(|line| ticker.is_match(body[line.clone()].trim())),
            );
            listed.sort_unstable_by_key(|line| line.start);
            listed.dedup();
        }
        listed
    }

    /// Reads what the page prints about itself. The publication date is read only when
    /// `article` has none from its metadata; the dateline always.
    pub fn read(&self, article: &Article, gazetteer: &Gazetteer) -> PageFacts {
        if self.bylines.is_empty() {
            return PageFacts::default();
        }
        let candidates = self.candidates(article, gazetteer, article.date.is_some());
        // The first line's place, the first of those the rules know if any: "INA -
        // BAGHDAD" is written in Baghdad, not in the agency's capitals.
        let placed = || {
            candidates
                .iter()
                .filter(|c| c.head)
                .filter_map(|c| c.place.as_ref().map(|p| (c, p, entity_named(gazetteer, p))))
        };
        let first_line = placed().next().map(|(c, ..)| c.span.line);
        let dateline = placed()
            .filter(|(c, ..)| Some(c.span.line) == first_line)
            .find(|(.., entity)| entity.is_some())
            .or_else(|| placed().next())
            .map(|(c, place, entity)| Dateline {
                place: place.clone(),
                entity,
                line: c.span.line,
                rule: c.byline.id.clone(),
                range: Some(c.span.start as usize..c.span.end as usize),
            });
        let mut facts = PageFacts {
            dateline,
            ..PageFacts::default()
        };
        if article.date.is_none() {
            // Only a year-less date needs the days printed in full around it.
            let yearless = candidates
                .iter()
                .any(|c| matches!(c.date, Some(Ok(Printed::MonthDay { .. }))));
            let printed = if yearless {
                self.printed_in_head(article)
            } else {
                Vec::new()
            };
            let reading = publication(&candidates, &printed);
            (facts.date, facts.date_source) = (reading.date, reading.source);
            facts.readings = reading.readings;
        }
        facts
    }
}

/// A numeric date whose day and month read both ways takes the order the rest of its line
/// tells (`09-07-2025 01:55 IST`), else the one order the page's other numeric dates are
/// written in (`Created: 09-07-2025`, over `Updated: 14-07-2025`), when they tell one, else
/// the reading a date the page prints with the month's name gives (`Lyon, Jul. 2.` over
/// `7/2/2017`); its source says which.
fn settle_order(found: &mut [Candidate<'_>]) {
    let told: Vec<(Order, String, u32)> = found
        .iter()
        .filter_map(|c| c.order.map(|o| (o, c.text.clone(), c.span.line)))
        .collect();
    let page_order = one_order(&told)
        .map(|(order, text, line)| (order, format!("as the page writes `{text}` (line {line})")));
    // The month and day of the dates the page prints with the month's name (a dateline's
    // `Lyon, Jul. 2.`), with their text and line.
    let named: Vec<((u32, u32), String, u32)> = found
        .iter()
        .filter(|c| c.order.is_none())
        .filter_map(|c| {
            match c.date {
                Some(Ok(Printed::MonthDay { month, day })) => Some((month, day)),
                Some(Ok(Printed::Day(d))) => Some((d.month(), d.day())),
                _ => None,
            }
            .map(|md| (md, c.text.clone(), c.span.line))
        })
        .collect();
    let month_day_of = |d: NaiveDate| (d.month(), d.day());
    for c in found.iter_mut() {
        let Some(Err(NotADay::Ambiguous(day_month, month_day))) = c.date else {
            continue;
        };
        // The one reading another date of the page names in words: "7/2/2017" under
        // "Lyon, Jul. 2." is the 2nd of July.
        let by_name = || {
            let matching: Vec<(Order, String, u32)> = named
                .iter()
                .filter_map(|(md, text, line)| {
                    let order = if *md == month_day_of(day_month) {
                        Order::DayFirst
                    } else if *md == month_day_of(month_day) {
                        Order::MonthFirst
                    } else {
                        return None;
                    };
                    Some((order, text.clone(), *line))
                })
                .collect();
            one_order(&matching).map(|(order, text, line)| {
                (
                    order,
                    format!("as the page's `{text}` (line {line}) names it"),
                )
            })
        };
        let settled = c
            .order_cue
            .as_ref()
            .map(|(order, cue)| (*order, format!("as `{cue}` after it says")))
            .or_else(|| page_order.clone())
            .or_else(by_name);
        if let Some((order, why)) = settled {
            c.date = Some(Ok(Printed::Day(order.read(day_month, month_day))));
            c.order_from = Some(format!("{}, {why}", order.words()));
        }
    }
}

/// The order all of `told` agree on, with the first's text and line; `None` when they
/// differ or there are none.
fn one_order(told: &[(Order, String, u32)]) -> Option<(Order, &str, u32)> {
    match told {
        [(order, text, line), rest @ ..] if rest.iter().all(|(o, ..)| o == order) => {
            Some((*order, text, *line))
        }
        _ => None,
    }
}

/// The days a candidate may be: one, or two for a numeric date that reads both ways.
fn days(c: &Candidate<'_>) -> Vec<NaiveDate> {
    match c.date {
        Some(Ok(Printed::Day(d))) => vec![d],
        Some(Err(NotADay::Ambiguous(a, b))) => vec![a, b],
        _ => Vec::new(),
    }
}

/// Whether two candidates can name one publication: days at most one apart (a dispatch
/// and its page, in two time zones).
fn agree(a: &Candidate<'_>, b: &Candidate<'_>) -> bool {
    days(a)
        .iter()
        .any(|x| days(b).iter().any(|y| (*x - *y).num_days().abs() <= 1))
}

/// What a page says of its own publication date.
#[derive(Default)]
struct Reading {
    /// The date, when the page prints one that can be trusted.
    date: Option<NaiveDate>,
    /// Where it was read, or why what the page prints gives none.
    source: Option<DateSource>,
    /// The two days a date whose day and month read both ways may be.
    readings: Vec<NaiveDate>,
}

impl Reading {
    /// The one `date` (or none) that `source` gives.
    fn of(date: Option<NaiveDate>, source: DateSource) -> Self {
        Reading {
            date,
            source: Some(source),
            readings: Vec::new(),
        }
    }
}

/// The longest an update line may come after a year-less date and still give it its year.
const YEAR_FROM_UPDATE_DAYS: i64 = 31;

/// The most days of a printed range of days that may give a dateline its year: a visit's,
/// not a season's.
const MAX_RANGE_DAYS: i64 = 7;

/// The publication date among the dates a page prints, or why none can be trusted;
/// `printed` are the days printed in full on the head lines, with their text and line.
fn publication(candidates: &[Candidate<'_>], printed: &[(NaiveDate, String, u32)]) -> Reading {
    let updated = [true, false].into_iter().find_map(|head| {
        candidates
            .iter()
            .find(|c| c.byline.kind == BylineKind::Updated && c.head == head && c.day().is_some())
    });
    original(candidates, updated).unwrap_or_else(|| fallback(candidates, updated, printed))
}

/// The original date, if the page prints one: the head before the tail, the most trusted
/// kind first, then the first line. An original after the update line is none; with an
/// update line in the head, the tail's bare date lines (related stories) say nothing. A
/// bare date on the first line later than one further down the head is the day a site
/// showed the page (a header's clock, a repost), as is one neither on the day of the head's
/// dateline without its year nor the day after, and a bare date line right above an
/// earlier one; later than a labelled or signed one in the tail, it leaves the date in
/// doubt (a clock, or a related story's label). Another
/// original of the same region more than a day away (two header dates the other way
/// round, a list of related stories) leaves the date in doubt, save that a bare date line
/// never doubts a labelled or signed one.
fn original(candidates: &[Candidate<'_>], updated: Option<&Candidate<'_>>) -> Option<Reading> {
    let bound = updated.and_then(Candidate::day);
    let update_in_head = updated.is_some_and(|u| u.head);
    for head in [true, false] {
        let originals: Vec<&Candidate<'_>> = ORIGINAL
            .iter()
            .flat_map(|&kind| candidates.iter().filter(move |c| c.byline.kind == kind))
            .filter(|c| c.head == head && !days(c).is_empty())
            .filter(|c| head || !update_in_head || c.byline.kind < BylineKind::DateLine)
            .filter(|c| bound.is_none_or(|b| days(c).iter().any(|d| *d <= b)))
            // The words an update rule reads ("UPDATED 12 May 2023", "Updated today, May 12,
            // 2023") are the update's, though another rule reads them too (as a date line
            // after a section's name, as a sentence's today).
            .filter(|c| {
                !candidates.iter().any(|u| {
                    u.byline.kind == BylineKind::Updated
                        && c.span.start < u.span.end
                        && u.span.start < c.span.end
                        && days(u) == days(c)
                })
            })
            .collect();
        // A bare date on the page's first line, after a date the head prints further down,
        // or a labelled or signed one the tail prints, is the day a site's header showed
        // the page, not the article's.
        let before = |o: &Candidate<'_>, c: &Candidate<'_>| {
            !days(o).is_empty() && days(o).iter().all(|d| days(c).iter().all(|s| d < s))
        };
        // A first line a date-line rule reads is a bare date, whatever else reads it too
        // ("Thu, June 02, 2022" as a name and a date).
        let date_line = |c: &Candidate<'_>| {
            candidates.iter().any(|d| {
                d.byline.kind == BylineKind::DateLine
                    && d.span.line == c.span.line
                    && days(d) == days(c)
            })
        };
        let bare = |c: &Candidate<'_>| c.first() && date_line(c);
        // A line only date-line rules read: no label or signature on it.
        let only_date = |c: &Candidate<'_>| {
            date_line(c)
                && candidates
                    .iter()
                    .filter(|d| d.span.line == c.span.line)
                    .all(|d| d.byline.kind == BylineKind::DateLine)
        };
        // A bare date on the first line neither on the day of the head's dateline without its
        // year nor the day after (a morning paper's) is a site's too ("Thursday, April 25,
        // 2024" over "ISLAMABAD, JAN 16 (DNA) —").
        let other_day = |c: &Candidate<'_>| {
            c.day().is_some_and(|d| {
                candidates.iter().any(|o| {
                    let Some(Ok(Printed::MonthDay { month, day })) = o.date else {
                        return false;
                    };
                    let filed = |year| NaiveDate::from_ymd_opt(year, month, day);
                    o.head
                        && ![d.year(), d.year() - 1]
                            .into_iter()
                            .filter_map(filed)
                            .any(|f| (0..=1).contains(&(d - f).num_days()))
                })
            })
        };
        // So is a bare date line right above another that is earlier, no other line
        // between: a site's header date over the article's ("Tuesday, February 9, 2016"
        // over "Friday, November 9, 2012"). With a line between (a headline), the lower
        // may be a related story's, and the two leave the date in doubt.
        let shown = |c: &Candidate<'_>| {
            (bare(c) && (originals.iter().any(|o| !o.first() && before(o, c)) || other_day(c)))
                || (only_date(c)
                    && originals
                        .iter()
                        .any(|o| o.index == c.index + 1 && only_date(o) && before(o, c)))
        };
        let originals: Vec<&Candidate<'_>> =
            originals.iter().copied().filter(|c| !shown(c)).collect();
        let Some(best) = originals.first() else {
            continue;
        };
        let mut source = best.source();
        // A labelled or signed date in the tail before a bare first-line date may be the
        // page's own, the first line a site's clock, or a related story's: in doubt.
        let tail_before = candidates.iter().filter(|o| {
            best.first()
                && bare(best)
                && !o.head
                && o.byline.kind < BylineKind::DateLine
                && before(o, best)
        });
        let against: Vec<&Candidate<'_>> = originals
            .iter()
            .copied()
            .filter(|c| !agree(best, c))
            .filter(|c| {
                best.byline.kind >= BylineKind::DateLine || c.byline.kind < BylineKind::DateLine
            })
            .chain(tail_before)
            .collect();
        if !against.is_empty() {
            let mut listed: Vec<String> = std::iter::once(*best)
                .chain(against)
                .map(|c| format!("`{}` (line {})", c.text, c.span.line))
                .collect();
            // Two bylines that read one line list it once.
            listed.dedup();
            source.unresolved = Some(format!(
                "the page prints several dates that could be its own: {}",
                listed.join(", ")
            ));
            return Some(Reading::of(None, source));
        }
        if let Some(Err(e)) = &best.date {
            source.unresolved = Some(e.to_string());
            return Some(Reading {
                readings: days(best),
                ..Reading::of(None, source)
            });
        }
        return Some(Reading::of(best.day(), source));
    }
    None
}

/// Without an original: a year-less date (a dateline's `Oct 12`) takes its year from an
/// update line printed within a month after it, else from the one year the head lines
/// print that very day in (a caption's `Oct. 12, 2022`), and otherwise stays undated,
/// saying why; an update line alone stands for the date.
fn fallback(
    candidates: &[Candidate<'_>],
    updated: Option<&Candidate<'_>>,
    printed: &[(NaiveDate, String, u32)],
) -> Reading {
    let yearless = candidates.iter().find_map(|c| match c.date {
        Some(Ok(Printed::MonthDay { month, day })) => Some((c, month, day)),
        _ => None,
    });
    let bound = updated.and_then(|u| u.day().map(|d| (u, d)));
    match (yearless, bound) {
        (Some((c, month, day)), bound) => {
            let mut source = c.source();
            let days = format!("--{month:02}-{day:02}");
            // The day on or before the update: this year's, else last year's.
            let dated = bound.and_then(|(u, b)| {
                NaiveDate::from_ymd_opt(b.year(), month, day)
                    .filter(|d| *d <= b)
                    .or_else(|| NaiveDate::from_ymd_opt(b.year() - 1, month, day))
                    .map(|d| (u, b, d))
            });
            match dated {
                Some((u, b, d)) if (b - d).num_days() <= YEAR_FROM_UPDATE_DAYS => {
                    source.year_from = Some(format!(
                        "the {} `{}`, line {}",
                        u.byline.noun, u.text, u.span.line
                    ));
                    Reading::of(Some(d), source)
                }
                Some((u, ..)) => {
                    source.unresolved = Some(format!(
                        "it prints no year, and the {} `{}` (line {}) is too long after it to give one",
                        u.byline.noun, u.text, u.span.line
                    ));
                    source.days = Some(days);
                    Reading::of(None, source)
                }
                None => {
                    let mut same_day = printed
                        .iter()
                        .filter(|(d, ..)| d.month() == month && d.day() == day);
                    // Printed in one year only: two years leave the dateline's open.
                    match same_day.next() {
                        Some((d, text, line))
                            if same_day.all(|(other, ..)| other.year() == d.year()) =>
                        {
                            source.year_from = Some(format!(
                                "the same day printed with its year, `{text}`, line {line}"
                            ));
                            Reading::of(Some(*d), source)
                        }
                        _ => {
                            source.unresolved = Some("it prints no year".to_string());
                            source.days = Some(days);
                            Reading::of(None, source)
                        }
                    }
                }
            }
        }
        (None, Some((u, day))) => {
            let mut source = u.source();
            source.updated = true;
            Reading::of(Some(day), source)
        }
        (None, None) => Reading::default(),
    }
}

/// The entity a printed place names: as printed, or in title case ("NEW YORK").
fn entity_named(gazetteer: &Gazetteer, place: &str) -> Option<Arc<str>> {
    // Each word, and each part of a hyphenated one ("NUR-SULTAN"), capitalized.
    let mut title = String::with_capacity(place.len());
    let mut starts_word = true;
    for c in place.chars() {
        if starts_word {
            title.extend(c.to_uppercase());
        } else {
            title.extend(c.to_lowercase());
        }
        starts_word = c == ' ' || c == '-';
    }
    [place, title.as_str()]
        .into_iter()
        .find_map(|form| match gazetteer.lookup(form) {
            [one] => Some(gazetteer.entities()[one.entity].id.clone()),
            _ => None,
        })
}

/// A byline's words as quoted: without the marks that open its line, nor the closing
/// bracket of an opening one ("(Example Wire May 24, 2019)" is "Example Wire May 24, 2019").
fn quoted(text: &str) -> String {
    let words = text.trim_start_matches(|c: char| "|•·#*>[(".contains(c) || c.is_whitespace());
    let unclosed = words.matches(')').count() > words.matches('(').count();
    let words = match words.trim_end().strip_suffix(')') {
        Some(inside) if unclosed => inside.trim_end(),
        _ => words,
    };
    words.to_string()
}

/// The non-blank lines of `text`, as byte ranges with their line break.
fn non_blank_lines(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    text.split_inclusive('\n')
        .scan(0, |start, line| {
            let range = *start..*start + line.len();
            *start = range.end;
            Some(range)
        })
        .filter(|range| !text[range.clone()].trim().is_empty())
}
