//! Timelines: the dated mentions of one series key (the visits of one person to one
//! country) grouped into events. Mentions whose dates overlap or lie within a window of
//! each other are one event; finer mentions found events first, so that a coarse "2021"
//! joins an event rather than gluing two together.

use crate::claim::{ArticleRecord, Claim, When};
use crate::value::Value;
use crate::value::date::DateValue;
use chrono::{Days, NaiveDate};
use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

/// A claim, by the index of its article record and its index in that record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClaimRef {
    /// Index into the article records.
    pub record: usize,
    /// Index into that record's claims.
    pub claim: usize,
}

impl ClaimRef {
    /// The claim referred to.
    pub fn get<'r>(&self, records: &'r [ArticleRecord]) -> &'r Claim {
        &records[self.record].claims[self.claim]
    }
}

/// How many events a timeline note lists.
pub const SHOWN: usize = 12;

/// One dated mention of an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The claim that mentions it.
    pub claim: ClaimRef,
    /// The days the mention allows.
    pub date: DateValue,
    /// Whether the date comes from an enumeration ("visits in July 2018 and …").
    pub listed: bool,
    /// How the date was found, in words.
    pub how: Arc<str>,
    /// Whether the claim was read with a guess (see `Confidence`).
    pub guessed: bool,
}

/// One event: its date (that of its finest mention) and every mention of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// When it happened, as finely as the corpus says.
    pub date: DateValue,
    /// Its mentions, finest first.
    pub mentions: Vec<Mention>,
}

impl Event {
    /// Whether any mention of the event comes from article record `record`.
    pub fn attested_by(&self, record: usize) -> bool {
        self.mentions.iter().any(|m| m.claim.record == record)
    }

    /// The ids of the articles behind the event, each once, sorted.
    pub fn articles<'r>(&self, records: &'r [ArticleRecord]) -> Vec<&'r str> {
        let mut ids: Vec<&str> = self
            .mentions
            .iter()
            .map(|m| records[m.claim.record].id.as_str())
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// The mention to show for this event to a reader of article `record`: one from
    /// another article if there is one, else the first; a stated date before a listed
    /// one, and a claim read for sure before one read with a guess.
    pub fn witness(&self, record: usize) -> &Mention {
        let best = |others: bool| {
            self.mentions
                .iter()
                .filter(move |m| !others || m.claim.record != record)
                .min_by_key(|m| (m.listed, m.guessed))
        };
        best(true)
            .or_else(|| best(false))
            .unwrap_or(&self.mentions[0])
    }
}

/// The events of one key, in date order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timeline {
    /// The claim key.
    pub key: String,
    /// Events sorted by start date.
    pub events: Vec<Event>,
    /// The event of each claim's dated (not listed) mention.
    dated: HashMap<ClaimRef, usize>,
}

/// The dated mentions one claim makes: its `when`, a date value, or each date of an
/// enumeration. Planned claims make none: they are not past events.
pub fn mentions_of(claim_ref: ClaimRef, claim: &Claim) -> Vec<Mention> {
    if claim.is_planned() {
        return Vec::new();
    }
    let guessed = !claim.confidence.guesses().is_empty();
    let mention = |date: DateValue, listed: bool, how: Arc<str>| Mention {
        claim: claim_ref,
        date,
        listed,
        how,
        guessed,
    };
    match (&claim.when, &claim.value) {
        (Some(When::Dated { date, how, .. }), _) => vec![mention(*date, false, how.clone())],
        (_, Value::Date(date)) => vec![mention(*date, false, "stated".into())],
        (_, Value::Dates(dates)) => dates
            .iter()
            .map(|d| mention(*d, true, "listed".into()))
            .collect(),
        _ => Vec::new(),
    }
}

/// Whether two intervals overlap or lie within `window` days of each other.
pub fn near(a: &DateValue, b: &DateValue, window: u32) -> bool {
    let widen = |d: chrono::NaiveDate| d.checked_add_days(Days::new(window.into())).unwrap_or(d);
    a.start <= widen(b.end) && b.start <= widen(a.end)
}

impl Timeline {
    /// Groups the dated mentions of `claims` (all of one key) into events, in
    /// O(n log n): candidate events are looked up by start date.
    pub fn build(
        key: &str,
        records: &[ArticleRecord],
        claims: &[ClaimRef],
        window: u32,
    ) -> Timeline {
        let mut mentions: Vec<Mention> = claims
            .iter()
            .flat_map(|r| mentions_of(*r, r.get(records)))
            .collect();
        mentions.sort_by_key(|m| (m.date.end - m.date.start, m.date.start, m.claim, m.listed));
        let mut events: Vec<Event> = Vec::new();
        let mut by_start: BTreeSet<(NaiveDate, usize)> = BTreeSet::new();
        let mut longest = 0u64;
        let back = |d: NaiveDate, days: u64| {
            d.checked_sub_days(Days::new(days))
                .unwrap_or(NaiveDate::MIN)
        };
        let ahead = |d: NaiveDate, days: u64| {
            d.checked_add_days(Days::new(days))
                .unwrap_or(NaiveDate::MAX)
        };
        for m in mentions {
            let low = back(m.date.start, u64::from(window) + longest);
            let high = ahead(m.date.end, u64::from(window));
            let best = by_start
                .range((low, 0)..=(high, usize::MAX))
                .map(|&(_, i)| i)
                .filter(|&i| near(&events[i].date, &m.date, window))
                .min_by_key(|&i| ((events[i].date.start - m.date.start).num_days().abs(), i));
            match best {
                Some(i) => events[i].mentions.push(m),
                None => {
                    longest = longest.max((m.date.end - m.date.start).num_days().unsigned_abs());
                    by_start.insert((m.date.start, events.len()));
                    events.push(Event {
                        date: m.date,
                        mentions: vec![m],
                    });
                }
            }
        }
        events.sort_by_key(|e| (e.date.start, e.date.end));
        let mut dated = HashMap::new();
        for (i, e) in events.iter().enumerate() {
            for m in e.mentions.iter().filter(|m| !m.listed) {
                dated.insert(m.claim, i);
            }
        }
        Timeline {
            key: key.to_string(),
            events,
            dated,
        }
    }

    /// The index of the event holding the dated (not listed) mention made by `claim`.
    pub fn event_of(&self, claim: ClaimRef) -> Option<usize> {
        self.dated.get(&claim).copied()
    }

    /// The timeline in one line: each event's date and the articles behind it.
    /// At most [`SHOWN`] events are listed, those nearest to event `around`; the others are
    /// counted, so a long series does not make every finding as long as the series.
    pub fn describe(&self, records: &[ArticleRecord], around: usize) -> String {
        let first = around
            .saturating_sub(SHOWN / 2)
            .min(self.events.len().saturating_sub(SHOWN));
        let last = (first + SHOWN).min(self.events.len());
        let mut events: Vec<String> = self.events[first..last]
            .iter()
            .map(|e| format!("{} ({})", e.date, e.articles(records).join(", ")))
            .collect();
        if first > 0 {
            events.insert(0, format!("{first} earlier"));
        }
        if last < self.events.len() {
            events.push(format!("{} later", self.events.len() - last));
        }
        format!("timeline {}: {}", self.key, events.join(", "))
    }
}
