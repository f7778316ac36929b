//! `previous`: a claim that dates the event before the article's own ("his previous visit
//! was in March 2024") leaves no room for another. No event that another article dates
//! may fall between the two on the corpus timeline.

use super::{ClaimIndex, and_list, finding, mention_label};
use crate::claim::ArticleRecord;
use crate::diagnostic::Diagnostic;
use crate::ruleset::Check;
use crate::timeline::{ClaimRef, Mention, Timeline, near};
use std::collections::HashMap;

/// Most in-between events a finding points at; the message counts them all.
const MAX_OTHER_SIDE: usize = 5;

/// Runs the check on every key it applies to.
pub fn run(check: &Check, index: &ClaimIndex, out: &mut Vec<Diagnostic>) {
    let records = index.records;
    for (key, claims) in index.all_by_key(check) {
        let reads = |c: &ClaimRef| check.reads(&c.get(records).rule);
        if !claims.iter().any(reads) {
            continue;
        }
        let timeline = Timeline::build(key, records, claims, check.window_days);
        // Each article's own event: the latest its other claims date.
        let mut own: HashMap<usize, usize> = HashMap::new();
        for c in claims.iter().filter(|c| !reads(c)) {
            if let Some(e) = timeline.event_of(*c) {
                let latest = own.entry(c.record).or_insert(e);
                *latest = (*latest).max(e);
            }
        }
        for &claim in claims.iter().filter(|c| reads(c)) {
            let (Some(previous), Some(&current)) =
                (timeline.event_of(claim), own.get(&claim.record))
            else {
                continue;
            };
            // Events wholly after the claimed date ("in 2021": after 2021) and before the
            // article's own, that another article dates. A coarse date sits in the first
            // event it fits, which need not be the last one it covers.
            let Some(said) = timeline.events[previous]
                .mentions
                .iter()
                .find(|m| m.claim == claim)
            else {
                continue;
            };
            let between: Vec<usize> = (previous + 1..current)
                .filter(|&e| {
                    let event = &timeline.events[e];
                    event.date.start > said.date.end
                        && !near(&said.date, &event.date, check.window_days)
                        && event
                            .mentions
                            .iter()
                            .any(|m| m.claim.record != claim.record)
                })
                .collect();
            if !between.is_empty() {
                out.push(diagnostic(
                    check, records, &timeline, said, previous, current, &between,
                ));
            }
        }
    }
}

/// The finding on the mention `said` of the previous event (event `previous`).
fn diagnostic(
    check: &Check,
    records: &[ArticleRecord],
    timeline: &Timeline,
    said: &Mention,
    previous: usize,
    current: usize,
    between: &[usize],
) -> Diagnostic {
    let events = &timeline.events;
    let count = match between.len() {
        1 => format!("1 {}", check.noun),
        n => format!("{n} {}", check.noun_plural),
    };
    let message = format!(
        "the previous {} is dated {} here, but the corpus records {count} between it and this one ({})",
        check.noun, said.date, events[current].date
    );
    let claim = said.claim;
    let mut d = finding(check, records, claim, message, String::new());
    d.primary = mention_label(check, records, said);
    d.primary.message = format!("the previous {} ({}, {})", check.noun, said.date, said.how);
    let mut sources = Vec::new();
    // The latest ones: those nearest to the article's own event.
    let shown = &between[between.len().saturating_sub(MAX_OTHER_SIDE)..];
    for &e in shown {
        let witness = events[e].witness(claim.record);
        d.add_secondary(
            mention_label(check, records, witness),
            Some(witness.claim.get(records)),
        );
        let id = &records[witness.claim.record].id;
        if !sources.contains(id) {
            sources.push(id.clone());
        }
    }
    d.notes.push(timeline.describe(records, previous));
    d.help = Some(format!(
        "correct the date of the previous {}, or the date in {} is wrong",
        check.noun,
        and_list(&sources)
    ));
    d
}
