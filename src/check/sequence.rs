//! `sequence`: an ordinal ("his third visit") must equal the event's place on the corpus
//! timeline; one event must not carry two ordinals, nor two events one ordinal.

use super::{ClaimIndex, and_list, count_of, finding, mention_label};
use crate::claim::ArticleRecord;
use crate::diagnostic::{Diagnostic, Label};
use crate::rule::Severity;
use crate::ruleset::Check;
use crate::timeline::{ClaimRef, Timeline};
use crate::value::Value;
use crate::value::ordinal::ordinal_word;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};

/// Most earlier events a finding points at; the note counts the rest.
const MAX_OTHER_SIDE: usize = 5;

/// Runs the check on every key it applies to.
pub fn run(check: &Check, index: &ClaimIndex, out: &mut Vec<Diagnostic>) {
    let records = index.records;
    // Keys are independent: in parallel, findings kept in key order.
    let keys = index.by_key(check);
    let found: Vec<Vec<Diagnostic>> = keys
        .par_iter()
        .map(|(key, claims)| findings_of_key(check, records, key, claims))
        .collect();
    out.extend(found.into_iter().flatten());
}

/// The findings on one key, without notes on claims that already have an error.
fn findings_of_key(
    check: &Check,
    records: &[ArticleRecord],
    key: &str,
    claims: &[ClaimRef],
) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    key_findings(check, records, key, claims, &mut found);
    let errors: HashSet<(String, u32)> = found
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| (d.primary.article.clone(), d.primary.span.start))
        .collect();
    found.retain(|d| {
        d.severity != Severity::Note
            || !errors.contains(&(d.primary.article.clone(), d.primary.span.start))
    });
    found
}

fn key_findings(
    check: &Check,
    records: &[ArticleRecord],
    key: &str,
    claims: &[ClaimRef],
    out: &mut Vec<Diagnostic>,
) {
    let timeline = Timeline::build(key, records, claims, check.window_days);
    let mut placed: Vec<(usize, ClaimRef, u32)> = claims
        .iter()
        .filter_map(|&c| match c.get(records).value {
            Value::Ordinal(n) if !c.get(records).is_planned() => {
                timeline.event_of(c).map(|e| (e, c, n))
            }
            _ => None,
        })
        .collect();
    placed.sort_unstable();
    let mut flagged = HashSet::new();
    for &(event, claim, n) in &placed {
        if let Some(d) = position(check, records, &timeline, claim, n, event) {
            if d.severity == Severity::Error {
                flagged.insert(claim);
            }
            out.push(d);
        }
    }
    // Each ordinal against the first of its event, and against the first event that
    // carried the same ordinal: linear, not pairwise.
    let mut first_in_event: HashMap<usize, (ClaimRef, u32)> = HashMap::new();
    let mut first_with_ordinal: HashMap<u32, (ClaimRef, usize)> = HashMap::new();
    for &(event, claim, n) in &placed {
        let other = match (first_in_event.get(&event), first_with_ordinal.get(&n)) {
            (Some(&(first, m)), _) if m != n => Some((
                first,
                format!(
                    "this {} is called the {}, but another article calls it the {}",
                    check.noun,
                    ordinal_word(n),
                    ordinal_word(m)
                ),
            )),
            (_, Some(&(first, e))) if e != event => Some((
                first,
                format!(
                    "two different {} are both called the {}",
                    check.noun_plural,
                    ordinal_word(n)
                ),
            )),
            _ => None,
        };
        first_in_event.entry(event).or_insert((claim, n));
        first_with_ordinal.entry(n).or_insert((claim, event));
        let Some((first, message)) = other else {
            continue;
        };
        if !flagged.insert(claim) {
            continue;
        }
        let mut d = finding(
            check,
            records,
            claim,
            message,
            format!("the {}", ordinal_word(n)),
        );
        d.add_secondary(
            Label::on_claim(
                &records[first.record],
                first.get(records),
                format!("the {}", ordinal_word(ordinal(records, first))),
            ),
            Some(first.get(records)),
        );
        d.notes.push(timeline.describe(records, event));
        out.push(d);
    }
}

fn ordinal(records: &[ArticleRecord], claim: ClaimRef) -> u32 {
    match claim.get(records).value {
        Value::Ordinal(n) => n,
        _ => 0,
    }
}

/// The finding, if any, on an ordinal `n` whose event is the `event`-th on the timeline.
fn position(
    check: &Check,
    records: &[ArticleRecord],
    timeline: &Timeline,
    claim: ClaimRef,
    n: u32,
    event: usize,
) -> Option<Diagnostic> {
    let place = event as u32 + 1;
    if n == place {
        return None;
    }
    let when = timeline.events[event].date;
    let how = match &claim.get(records).when {
        Some(crate::claim::When::Dated { how, .. }) => how,
        _ => "dated",
    };
    let label = format!(
        "called the {} {} ({when}, {how})",
        ordinal_word(n),
        check.noun
    );
    let earlier = event;
    if n > place {
        let mut d = finding(
            check,
            records,
            claim,
            format!(
                "this {} is called the {}, but the corpus knows of {}",
                check.noun,
                ordinal_word(n),
                count_of(check, earlier, "earlier")
            ),
            label,
        );
        d.severity = Severity::Note;
        d.notes.push(timeline.describe(records, event));
        d.help = Some(format!(
            "the corpus may lack {} before {when}; nothing contradicts the ordinal",
            count_of(check, (n - place) as usize, "more")
        ));
        return Some(d);
    }
    // The other side: the latest earlier events its own article does not report (else the
    // latest earlier events), a few at most.
    let own = claim.record;
    let surprising: Vec<usize> = (0..earlier)
        .rev()
        .take(10 * MAX_OTHER_SIDE)
        .filter(|&e| !timeline.events[e].attested_by(own))
        .take(MAX_OTHER_SIDE)
        .collect();
    let mut shown: Vec<usize> = if surprising.is_empty() {
        (0..earlier).rev().take(MAX_OTHER_SIDE).collect()
    } else {
        surprising
    };
    shown.reverse();
    let mut d = finding(
        check,
        records,
        claim,
        format!(
            "this {} is called the {}, but the corpus records {}",
            check.noun,
            ordinal_word(n),
            count_of(check, earlier, "earlier")
        ),
        label,
    );
    let mut sources = Vec::new();
    for &e in &shown {
        let witness = timeline.events[e].witness(own);
        d.add_secondary(
            mention_label(check, records, witness),
            Some(witness.claim.get(records)),
        );
        let id = &records[witness.claim.record].id;
        if witness.claim.record != own && !sources.contains(id) {
            sources.push(id.clone());
        }
    }
    d.notes.push(timeline.describe(records, event));
    let mut help = format!(
        "by this timeline it is the {} {}",
        ordinal_word(place),
        check.noun
    );
    if !sources.is_empty() {
        help.push_str(&format!(
            " — or the date in {} is wrong",
            and_list(&sources)
        ));
    }
    d.help = Some(help);
    Some(d)
}
