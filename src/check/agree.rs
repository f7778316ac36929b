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
            for (i, &later) in group.iter().enumerate() {
                let Some(&earlier) = group[..i]
                    .iter()
                    .find(|&&e| conflict(check, &e.get(records).value, &later.get(records).value))
                else {
                    continue;
                };
                out.push(diagnostic(check, records, key, earlier, later));
            }
        }
    }
}

fn conflict(check: &Check, a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Quantity(x), Value::Quantity(y)) => {
            x.base == y.base && (x.base_high < y.base_low || y.base_high < x.base_low)
        }
        (Value::Date(x), Value::Date(y)) => !x.overlaps(y),
        (Value::Duration(x), Value::Duration(y)) => (x.days - y.days).abs() > check.tolerance,
        (Value::Number(x), Value::Number(y)) => (x - y).abs() > check.tolerance,
        (Value::Ordinal(x), Value::Ordinal(y)) => x != y,
        _ => false,
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
