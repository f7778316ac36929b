//! `agree`: claims with one key agree. Quantities conflict only when their intervals
//! (stated precision and hedges included) are disjoint; dates only when incompatible at
//! their precision; durations and numbers of one event only beyond the tolerance; names
//! (entities, text) when they differ; the
//! days claims put one event on (`when`) only when they are apart by more than it. The
//! value most articles give is the record; a finding sits on each claim that conflicts
//! with it (the first, where one article gives that value in several), with a claim of
//! the record as its other side.

use super::{ClaimIndex, finding};
use crate::claim::{ArticleRecord, Claim, When};
use crate::diagnostic::{Diagnostic, Label};
use crate::ruleset::Check;
use crate::timeline::{ClaimRef, Timeline};
use crate::value::Value;
use crate::value::date::Precision;
use crate::value::duration::TimeUnit;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// Runs the check on every key it applies to.
pub fn run(check: &Check, index: &ClaimIndex, out: &mut Vec<Diagnostic>) {
    let records = index.records;
    let Some(kind) = check.value.as_deref() else {
        return;
    };
    for (key, claims) in index.by_key(check) {
        let compared: Vec<ClaimRef> = claims
            .iter()
            .copied()
            .filter(|c| {
                let claim = c.get(records);
                let named = matches!(kind, "entity" | "text") && claim.value.type_name() == kind;
                !claim.is_planned() && (named || interval(kind, claim).is_some())
            })
            .collect();
        if compared.len() < 2 {
            continue;
        }
        // Durations, counts and dates of an event belong to one occurrence: compare them
        // per event.
        let per_event = matches!(kind, "duration" | "number" | "ordinal" | "when");
        let groups: Vec<Vec<ClaimRef>> = if per_event {
            let timeline = Timeline::build(key, records, &claims, check.window_days);
            let mut groups = vec![Vec::new(); timeline.events.len()];
            for &c in &compared {
                if let Some(e) = timeline.event_of(c) {
                    groups[e].push(c);
                }
            }
            groups
        } else {
            vec![compared]
        };
        for mut group in groups {
            // Publication order: ties for the record go to the claim published first
            // (articles without a date count as the latest).
            group.sort_by_key(|c| {
                let date = records[c.record].date;
                (date.is_none(), date, *c)
            });
            if matches!(kind, "entity" | "text") {
                // Names: the one most articles give is the record (the earliest on a tie);
                // each claim naming another is a finding against its first claim.
                let mut votes: Vec<(&Value, ClaimRef, HashSet<usize>)> = Vec::new();
                for &c in &group {
                    let value = &c.get(records).value;
                    match votes.iter_mut().find(|(v, _, _)| *v == value) {
                        Some((_, _, articles)) => {
                            articles.insert(c.record);
                        }
                        None => votes.push((value, c, HashSet::from([c.record]))),
                    }
                }
                let Some((record, first, _)) = votes
                    .iter()
                    .enumerate()
                    .max_by_key(|(i, (_, _, articles))| (articles.len(), std::cmp::Reverse(*i)))
                    .map(|(_, vote)| vote)
                else {
                    continue;
                };
                for &c in &group {
                    if c.get(records).value != **record {
                        out.push(diagnostic(check, records, key, *first, c));
                    }
                }
                continue;
            }
            against_consensus(check, records, key, kind, &group, out);
        }
    }
}

/// Figures (quantities, dates, durations, numbers, days): the record is the largest set
/// of claims one value fits, counted in articles (ties go to the set holding the claim
/// published first), and each claim outside it is a finding against the first published
/// claim of the record it conflicts with. One wrong figure is one finding, wherever it
/// falls in the corpus, and however often its article gives it. An interval sweep:
/// O(n log n) in the claims of the group.
fn against_consensus(
    check: &Check,
    records: &[ArticleRecord],
    key: &str,
    kind: &str,
    group: &[ClaimRef],
    out: &mut Vec<Diagnostic>,
) {
    // Each claim widened by half the tolerance on each side: two claims conflict exactly
    // when their widened intervals are disjoint. Grouped by unit; `order` is the
    // publication order within the group.
    let half = check.tolerance / 2.0;
    let mut by_unit: BTreeMap<&str, Vec<Span>> = BTreeMap::new();
    for (order, &claim) in group.iter().enumerate() {
        if let Some((unit, low, high)) = interval(kind, claim.get(records)) {
            by_unit.entry(unit).or_default().push(Span {
                order,
                low: low - half,
                high: high + half,
            });
        }
    }
    for spans in by_unit.values() {
        let Some(point) = best_point(spans, group) else {
            continue;
        };
        let (record, outliers): (Vec<&Span>, Vec<&Span>) = spans
            .iter()
            .partition(|s| s.low <= point && point <= s.high);
        // The first published record claim above a value, and below one (mirrored).
        let above = FirstBeyond::new(record.iter().map(|s| (s.low, s.order)).collect());
        let below = FirstBeyond::new(record.iter().map(|s| (-s.high, s.order)).collect());
        // An article that gives one wrong figure in several claims ("arrived on 2 May",
        // "on the first day of the visit") makes one finding, on the first of them.
        let mut reported: HashSet<(usize, u64, u64)> = HashSet::new();
        for outlier in outliers {
            let record = group[outlier.order].record;
            if !reported.insert((record, outlier.low.to_bits(), outlier.high.to_bits())) {
                continue;
            }
            let against = if outlier.high < point {
                above.beyond(outlier.high)
            } else {
                below.beyond(-outlier.low)
            };
            if let Some(against) = against {
                out.push(diagnostic(
                    check,
                    records,
                    key,
                    group[against],
                    group[outlier.order],
                ));
            }
        }
    }
}

/// The first published of the claims whose edge lies beyond a value: edges sorted from
/// the far end, each paired with the first published claim at or beyond it.
struct FirstBeyond(Vec<(f64, usize)>);

impl FirstBeyond {
    fn new(mut edges: Vec<(f64, usize)>) -> FirstBeyond {
        edges.sort_by(|a, b| b.0.total_cmp(&a.0));
        for i in 1..edges.len() {
            edges[i].1 = edges[i].1.min(edges[i - 1].1);
        }
        FirstBeyond(edges)
    }

    /// The first published claim whose edge is greater than `value`.
    fn beyond(&self, value: f64) -> Option<usize> {
        let count = self.0.partition_point(|&(edge, _)| edge > value);
        count.checked_sub(1).map(|i| self.0[i].1)
    }
}

/// A claim's widened interval, and its place in publication order.
struct Span {
    order: usize,
    low: f64,
    high: f64,
}

/// The value the most articles' claims fit (ties: the one fitting the first published
/// claim), by a sweep over the interval ends.
fn best_point(spans: &[Span], group: &[ClaimRef]) -> Option<f64> {
    // (position, 0 = opens / 1 = closes, span): intervals are closed, so an interval
    // opening where another closes overlaps it.
    let mut ends: Vec<(f64, u8, usize)> = spans
        .iter()
        .enumerate()
        .flat_map(|(i, s)| [(s.low, 0, i), (s.high, 1, i)])
        .collect();
    ends.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut open: BTreeSet<usize> = BTreeSet::new();
    let mut per_article: HashMap<usize, usize> = HashMap::new();
    let mut best: Option<((usize, std::cmp::Reverse<usize>), f64)> = None;
    for (at, end, i) in ends {
        let span = &spans[i];
        let article = group[span.order].record;
        if end == 0 {
            open.insert(span.order);
            *per_article.entry(article).or_default() += 1;
            let first = open.first().copied().unwrap_or(span.order);
            let score = (per_article.len(), std::cmp::Reverse(first));
            if best.as_ref().is_none_or(|(b, _)| score > *b) {
                best = Some((score, at));
            }
        } else {
            open.remove(&span.order);
            if let Some(n) = per_article.get_mut(&article) {
                *n -= 1;
                if *n == 0 {
                    per_article.remove(&article);
                }
            }
        }
    }
    best.map(|(_, at)| at)
}

/// What a check on `kind` compares of a claim, as an interval on a line: quantities in
/// their base unit, dates in days, durations in days (hours in the calendar days they may
/// span), numbers and ordinals as themselves, and for `when` the days the claim puts its
/// event on. Claims conflict when the gap between their intervals exceeds the tolerance.
/// `None`: the claim has nothing of `kind`.
fn interval<'c>(kind: &str, claim: &'c Claim) -> Option<(&'c str, f64, f64)> {
    let day = |d: chrono::NaiveDate| f64::from(chrono::Datelike::num_days_from_ce(&d));
    if kind == "when" {
        // Days only: a month or a year ("his previous visit in October") may be any day of
        // a visit that began at the end of the month before.
        return match &claim.when {
            Some(When::Dated { date, .. }) if date.precision == Precision::Day => {
                Some(("day", day(date.start), day(date.end)))
            }
            _ => None,
        };
    }
    if claim.value.type_name() != kind {
        return None;
    }
    match &claim.value {
        Value::Quantity(q) => Some((q.base.as_str(), q.base_low, q.base_high)),
        Value::Date(d) => Some(("day", day(d.start), day(d.end))),
        // A length in hours is a number of calendar days, those it may span: a 36-hour
        // visit takes two days or three.
        Value::Duration(d) if d.unit == TimeUnit::Hour => {
            let days = d.days.ceil().max(1.0);
            Some(("duration", days, days + 1.0))
        }
        Value::Duration(d) => Some(("duration", d.days, d.days)),
        Value::Number(n) => Some(("number", *n, *n)),
        Value::Ordinal(n) => Some(("ordinal", f64::from(*n), f64::from(*n))),
        _ => None,
    }
}

/// A short form of a value for labels: without the type name.
fn shown(value: &Value) -> String {
    let full = value.to_string();
    full.split_once(' ')
        .map_or(full.clone(), |(_, rest)| rest.to_string())
}

fn diagnostic(
    check: &Check,
    records: &[ArticleRecord],
    key: &str,
    against: ClaimRef,
    on: ClaimRef,
) -> Diagnostic {
    let (a, b) = (against.get(records), on.get(records));
    let other = &records[against.record];
    let place = if against.record == on.record {
        "elsewhere in this article".to_string()
    } else {
        format!("in {}", other.id)
    };
    let dates = check.value.as_deref() == Some("when");
    let (was, is) = if dates {
        (dated_on(check, a), dated_on(check, b))
    } else {
        (shown(&a.value), shown(&b.value))
    };
    let message = match (dates, &a.when, &b.when) {
        (true, Some(When::Dated { date: da, .. }), Some(When::Dated { date: db, .. })) => {
            format!("this {} is dated {db} here, but {da} {place}", check.noun)
        }
        _ => format!("{key} is {is} here, but {was} {place}"),
    };
    let mut d = finding(check, records, on, message, is.clone());
    let secondary = if dates {
        // The labels sit on the dates themselves where the article writes them.
        if let Some(span) = written_date(b) {
            d.primary.span = span;
        }
        Label::at(other, written_date(a).unwrap_or(a.span), was)
    } else {
        Label::on_claim(other, a, was)
    };
    d.add_secondary(secondary, Some(a));
    d.help = Some(match b.value {
        _ if dates => format!(
            "one {} has one date: correct one of the two, or they are two {}",
            check.noun, check.noun_plural
        ),
        Value::Quantity(_) => "correct one of the figures, or mark an approximate one (\"about\", \"some\", \"nearly\")".to_string(),
        Value::Date(_) => "correct one of the dates, or state the coarser one less precisely".to_string(),
        Value::Entity(_) | Value::Text(_) => "correct one of the two, or say when each held".to_string(),
        _ => "correct one of the two".to_string(),
    });
    d
}

/// "a visit on 2021-04-06 (stated)": the day a claim puts its event on, and how it knows.
fn dated_on(check: &Check, claim: &Claim) -> String {
    match &claim.when {
        Some(When::Dated { date, how, .. }) => format!("a {} on {date} ({how})", check.noun),
        _ => shown(&claim.value),
    }
}

/// Where the article writes the date a claim puts its event on.
fn written_date(claim: &Claim) -> Option<crate::claim::Span> {
    match &claim.when {
        Some(When::Dated { span, .. }) => *span,
        _ => None,
    }
}
