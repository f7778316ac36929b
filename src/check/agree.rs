//! `agree`: claims with one key agree. Quantities conflict only when their intervals
//! (stated precision and hedges included) are disjoint; dates only when incompatible at
//! their precision; durations and numbers of one event only beyond the tolerance; names
//! (entities, text) when they differ; the
//! days claims put one event on (`when`) only when they are apart by more than it. A
//! finding sits on the claim published later, with the earlier one as its other side;
//! for names, on each claim that differs from the name most articles give.

use super::{ClaimIndex, finding};
use crate::claim::{ArticleRecord, Claim, When};
use crate::diagnostic::{Diagnostic, Label};
use crate::ruleset::Check;
use crate::timeline::{ClaimRef, Timeline};
use crate::value::Value;
use crate::value::date::Precision;
use std::collections::{HashMap, HashSet};

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
            // The claim published later is the one that contradicts the record: it gets
            // the primary label (articles without a date count as the latest).
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
            // Each claim against the extremes of the claims before it: the one whose
            // interval starts highest and the one that ends lowest. Linear, not pairwise.
            let mut highest_low: HashMap<&str, (f64, ClaimRef)> = HashMap::new();
            let mut lowest_high: HashMap<&str, (f64, ClaimRef)> = HashMap::new();
            for &later in &group {
                let Some((unit, low, high)) = interval(kind, later.get(records)) else {
                    continue;
                };
                let against = match (highest_low.get(unit), lowest_high.get(unit)) {
                    (Some(&(l, earlier)), _) if l - high > check.tolerance => Some(earlier),
                    (_, Some(&(h, earlier))) if low - h > check.tolerance => Some(earlier),
                    _ => None,
                };
                if let Some(earlier) = against {
                    out.push(diagnostic(check, records, key, earlier, later));
                }
                let entry = highest_low.entry(unit).or_insert((low, later));
                if low > entry.0 {
                    *entry = (low, later);
                }
                let entry = lowest_high.entry(unit).or_insert((high, later));
                if high < entry.0 {
                    *entry = (high, later);
                }
            }
        }
    }
}

/// What a check on `kind` compares of a claim, as an interval on a line: quantities in
/// their base unit, dates in days, durations in days, numbers and ordinals as themselves,
/// and for `when` the days the claim puts its event on. Claims conflict when the gap
/// between their intervals exceeds the tolerance. `None`: the claim has nothing of `kind`.
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
    earlier: ClaimRef,
    later: ClaimRef,
) -> Diagnostic {
    let (a, b) = (earlier.get(records), later.get(records));
    let other = &records[earlier.record];
    let place = if earlier.record == later.record {
        "earlier in this article".to_string()
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
    let mut d = finding(check, records, later, message, is.clone());
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
