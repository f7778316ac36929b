//! `agree`: claims with one key agree. Quantities conflict only when their intervals
//! (stated precision and hedges included) are disjoint; dates only when incompatible at
//! their precision; durations and numbers of one event only beyond the tolerance. A
//! finding sits on the claim published later, with the earlier one as its other side.

use super::{by_key, finding};
use crate::claim::ArticleRecord;
use crate::diagnostic::{Diagnostic, Label};
use crate::ruleset::Check;
use crate::timeline::{ClaimRef, Timeline};
use crate::value::Value;
use std::collections::HashMap;

/// Runs the check on every key it applies to.
pub fn run(check: &Check, records: &[ArticleRecord], out: &mut Vec<Diagnostic>) {
    let Some(kind) = check.value.as_deref() else {
        return;
    };
    for (key, claims) in by_key(check, records) {
        let compared: Vec<ClaimRef> = claims
            .iter()
            .copied()
            .filter(|c| {
                let claim = c.get(records);
                !claim.is_planned() && claim.value.type_name() == kind
            })
            .collect();
        if compared.len() < 2 {
            continue;
        }
        // Durations and counts belong to one occurrence: compare them per event.
        let per_event = matches!(kind, "duration" | "number" | "ordinal");
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
            // Each claim against the extremes of the claims before it: the one whose
            // interval starts highest and the one that ends lowest. Linear, not pairwise.
            let mut highest_low: HashMap<&str, (f64, ClaimRef)> = HashMap::new();
            let mut lowest_high: HashMap<&str, (f64, ClaimRef)> = HashMap::new();
            for &later in &group {
                let Some((unit, low, high)) = interval(&later.get(records).value) else {
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

/// A value as an interval on a line its kind is compared on: quantities in their base
/// unit, dates in days, durations in days, numbers and ordinals as themselves. Values
/// conflict when the gap between their intervals exceeds the tolerance.
fn interval(value: &Value) -> Option<(&str, f64, f64)> {
    let day = |d: chrono::NaiveDate| f64::from(chrono::Datelike::num_days_from_ce(&d));
    match value {
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
    let mut d = finding(
        check,
        records,
        later,
        format!(
            "{key} is {} here, but {} {place}",
            shown(&b.value),
            shown(&a.value)
        ),
        shown(&b.value),
    );
    d.add_secondary(Label::on_claim(other, a, shown(&a.value)), Some(a));
    d.help = Some(match b.value {
        Value::Quantity(_) => "correct one of the figures, or mark an approximate one (\"about\", \"some\", \"nearly\")".to_string(),
        Value::Date(_) => "correct one of the dates, or state the coarser one less precisely".to_string(),
        _ => "correct one of the two".to_string(),
    });
    d
}
