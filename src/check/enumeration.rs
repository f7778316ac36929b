//! `enumeration`: a list of earlier events ("following his visits in July 2018 and October
//! 2021") must name every earlier event the corpus records.

use super::{ClaimIndex, and_list, count_of, finding, mention_label};
use crate::diagnostic::Diagnostic;
use crate::ruleset::Check;
use crate::timeline::{ClaimRef, Timeline};
use crate::value::Value;
use crate::value::date::DateValue;
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

/// Most missing events a finding points at; the help counts the rest.
const MAX_OTHER_SIDE: usize = 5;

/// Runs the check on every key it applies to.
pub fn run(check: &Check, index: &ClaimIndex, out: &mut Vec<Diagnostic>) {
    let records = index.records;
    for (key, claims) in index.by_key(check) {
        let timeline = Timeline::build(key, records, &claims, check.window_days);
        // Per article, the start of the latest event it reports; per list, its events.
        let mut latest: HashMap<usize, NaiveDate> = HashMap::new();
        let mut listed_events: HashMap<ClaimRef, HashSet<usize>> = HashMap::new();
        for (i, e) in timeline.events.iter().enumerate() {
            for m in &e.mentions {
                if m.listed {
                    listed_events.entry(m.claim).or_default().insert(i);
                } else {
                    let entry = latest.entry(m.claim.record).or_insert(e.date.start);
                    *entry = (*entry).max(e.date.start);
                }
            }
        }
        for &claim in claims.iter() {
            let c = claim.get(records);
            let Value::Dates(listed) = &c.value else {
                continue;
            };
            if c.is_planned() {
                continue;
            }
            // The list counts back from the latest event its own article reports, else
            // from the article's date.
            let Some(reference) = latest
                .get(&claim.record)
                .copied()
                .or(records[claim.record].date)
            else {
                continue;
            };
            let named = listed_events.get(&claim);
            let missing: Vec<usize> = timeline
                .events
                .iter()
                .enumerate()
                .filter(|(i, e)| e.date.end < reference && !named.is_some_and(|n| n.contains(i)))
                .map(|(i, _)| i)
                .collect();
            if missing.is_empty() {
                continue;
            }
            let listed_text: Vec<String> = listed.iter().map(DateValue::to_string).collect();
            let mut d = finding(
                check,
                records,
                claim,
                format!(
                    "this list of earlier {} leaves out {} the corpus records",
                    check.noun_plural,
                    count_of(check, missing.len(), "earlier")
                ),
                format!("lists {}", and_list(&listed_text)),
            );
            // The most recent missing events as the other side; the rest are counted.
            let shown = &missing[missing.len().saturating_sub(MAX_OTHER_SIDE)..];
            let mut dates = Vec::new();
            let mut sources = Vec::new();
            for &e in shown {
                let event = &timeline.events[e];
                let witness = event.witness(claim.record);
                d.add_secondary(
                    mention_label(check, records, witness),
                    Some(witness.claim.get(records)),
                );
                dates.push(event.date.to_string());
                let id = &records[witness.claim.record].id;
                if !sources.contains(id) {
                    sources.push(id.clone());
                }
            }
            if missing.len() > shown.len() {
                dates.insert(0, format!("{} earlier ones", missing.len() - shown.len()));
            }
            d.notes
                .push(timeline.describe(records, *missing.last().unwrap_or(&0)));
            d.help = Some(format!(
                "add {} to the list, or check the date in {}",
                and_list(&dates),
                and_list(&sources)
            ));
            out.push(d);
        }
    }
}
