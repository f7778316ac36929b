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
    // Ordinals of all events are placed on the timeline; those that count within a
    // period ("her second visit since taking office") are bounded by them.
    let (mut placed, mut in_period): (Vec<(usize, ClaimRef, u32)>, Vec<_>) = claims
        .iter()
        .filter_map(|&c| match c.get(records).value {
            Value::Ordinal(n) if !c.get(records).is_planned() => {
                timeline.event_of(c).map(|e| (e, c, n))
            }
            _ => None,
        })
        .partition(|&(_, c, _)| !check.ordinals_in_period.contains(&c.get(records).rule));
    if placed.is_empty() {
        return;
    }
    placed.sort_unstable();
    in_period.sort_unstable();
    let reading = Reading::fit(&timeline, &placed);
    for (event, _) in reading.rank.iter().enumerate().filter(|(_, r)| r.is_none()) {
        out.extend(unplaced(
            check, records, &timeline, &reading, &placed, event,
        ));
    }
    let at = |&(event, claim, n): &(usize, ClaimRef, u32)| Placed {
        claim,
        n,
        event,
        timeline: &timeline,
        reading: &reading,
        placed: &placed,
    };
    for q in &placed {
        out.extend(ordinal_finding(check, records, &at(q)));
    }
    for q in &in_period {
        out.extend(period_finding(check, records, &at(q)));
    }
}

/// The finding, if any, on an ordinal that counts within a period: it may be lower than
/// the event's rank among all events (the period began after some), never higher. Only
/// a rank another article gives the event, and the reading keeps, bounds it.
fn period_finding(check: &Check, records: &[ArticleRecord], p: &Placed<'_>) -> Option<Diagnostic> {
    let rank = p.reading.rank[p.event]?;
    let &(_, other, _) = of_event(p.placed, p.event)
        .iter()
        .find(|q| q.2 == rank && q.1.record != p.claim.record)?;
    if p.n <= rank {
        return None;
    }
    let message = format!(
        "this {} is called the {} of a period, but another article calls it the {} of all",
        check.noun,
        ordinal_word(p.n),
        ordinal_word(rank)
    );
    let mut d = against_ordinal(check, records, p, message, other, rank);
    d.help = Some(format!(
        "a period holds no more {} than all time: correct one of the two",
        check.noun_plural
    ));
    Some(d)
}

/// The reading of a timeline its ordinals support best: which events stand, and the
/// place of each in the series. An event may be wrong (a date misread or misreported
/// makes a visit of its own); an ordinal may be wrong; the corpus may lack events.
/// The reading blames the fewest articles: dropping an event costs the articles that
/// date it, each ordinal its ranking contradicts costs its article, a gap costs nothing.
/// On a tie it drops the event fewer articles date outright (a date that rests on the
/// article date, "on Tuesday", is wrong whenever the article date is), then keeps events
/// (the ordinal is blamed), then takes the lowest ranks.
struct Reading {
    /// Per event: its rank in the series (1 = first), `None` where the event is dropped.
    /// Ranks above every ordinal of the key are one more than the highest: the ordinals
    /// cannot tell them apart.
    rank: Vec<Option<u32>>,
    /// Per event: how many kept events come before it.
    kept_earlier: Vec<u32>,
}

/// The most cells (events × ranks) a reading is worked out over. Past it (thousands of
/// events and of distinct ordinals in one series) every event is kept and ranked by its
/// place.
const MAX_CELLS: usize = 1 << 22;

impl Reading {
    /// Dynamic programming over the events in date order, with the rank of the last kept
    /// event as the state: O(events × highest ordinal).
    fn fit(timeline: &Timeline, placed: &[(usize, ClaimRef, u32)]) -> Reading {
        let events = &timeline.events;
        // Ordinals squeezed: a gap between two ordinals wider than the events can fill is
        // as good as any wider one, so "his 4000000000th visit" costs no more than "his
        // 5th". Ranks are worked out squeezed and given back as the ordinals they stand for.
        let mut values: Vec<u32> = placed.iter().map(|p| p.2).collect();
        values.sort_unstable();
        values.dedup();
        let widest = u32::try_from(events.len())
            .unwrap_or(u32::MAX)
            .saturating_add(1);
        let squeezed: Vec<u32> = values
            .iter()
            .scan((0u32, 0u32), |(was, at), &v| {
                *at = at.saturating_add((v - *was).min(widest));
                *was = v;
                Some(*at)
            })
            .collect();
        let squeeze = |n: u32| values.binary_search(&n).map_or(n, |i| squeezed[i]);
        let unsqueeze = |r: u32| match squeezed.partition_point(|&q| q <= r) {
            0 => r,
            i => values[i - 1].saturating_add(r - squeezed[i - 1]),
        };
        let beyond = squeezed.last().copied().unwrap_or(0).saturating_add(1);
        // State 0: nothing kept yet; state r: the last kept event has rank r.
        let states = beyond as usize + 1;
        if events.len().saturating_mul(states) > MAX_CELLS {
            return Reading::of_ranks((1..).take(events.len()).map(Some).collect());
        }
        let mut ordinals: Vec<HashMap<usize, Vec<u32>>> = vec![HashMap::new(); events.len()];
        for &(event, claim, n) in placed {
            ordinals[event]
                .entry(claim.record)
                .or_default()
                .push(squeeze(n));
        }
        let to_cost = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        // Costs are (articles blamed, of them for a date they state outright, events
        // dropped), compared in that order.
        type Cost = (u32, u32, u32);
        const UNREACHED: Cost = (u32::MAX, u32::MAX, u32::MAX);
        let add = |a: Cost, b: Cost| {
            (
                a.0.saturating_add(b.0),
                a.1.saturating_add(b.1),
                a.2.saturating_add(b.2),
            )
        };
        let mut cost = vec![UNREACHED; states];
        cost[0] = (0, 0, 0);
        // step[e][state]: the state before event e, and whether e was kept.
        let mut step: Vec<Vec<(u32, bool)>> = Vec::with_capacity(events.len());
        for (e, event) in events.iter().enumerate() {
            let daters: HashSet<usize> = event.mentions.iter().map(|m| m.claim.record).collect();
            let outright: HashSet<usize> = event
                .mentions
                .iter()
                .filter(|m| !m.date.relative)
                .map(|m| m.claim.record)
                .collect();
            let dropped = (to_cost(daters.len()), to_cost(outright.len()), 1);
            let mut next = vec![UNREACHED; states];
            let mut from = vec![(0u32, false); states];
            for (state, &c) in cost.iter().enumerate() {
                if c != UNREACHED {
                    next[state] = add(c, dropped);
                    from[state] = (state as u32, false);
                }
            }
            // Kept at rank r: after the cheapest state below r (`beyond` may follow itself).
            let mut below = (UNREACHED, 0u32);
            for rank in 1..states {
                if cost[rank - 1] < below.0 {
                    below = (cost[rank - 1], (rank - 1) as u32);
                }
                let mut before = below;
                if rank == states - 1 && cost[rank] < before.0 {
                    before = (cost[rank], rank as u32);
                }
                if before.0 == UNREACHED {
                    continue;
                }
                let wrong = ordinals[e]
                    .values()
                    .filter(|ns| ns.iter().any(|&n| n as usize != rank))
                    .count();
                let kept = add(before.0, (to_cost(wrong), 0, 0));
                if kept <= next[rank] {
                    next[rank] = kept;
                    from[rank] = (before.1, true);
                }
            }
            cost = next;
            step.push(from);
        }
        let mut state = (0..states).min_by_key(|&s| (cost[s], s)).unwrap_or(0);
        let mut rank = vec![None; events.len()];
        for e in (0..events.len()).rev() {
            let (prev, kept) = step[e][state];
            if kept {
                rank[e] = Some(unsqueeze(state as u32));
            }
            state = prev as usize;
        }
        Reading::of_ranks(rank)
    }

    fn of_ranks(rank: Vec<Option<u32>>) -> Reading {
        let kept_earlier = rank
            .iter()
            .scan(0u32, |kept, r| {
                let before = *kept;
                *kept += u32::from(r.is_some());
                Some(before)
            })
            .collect();
        Reading { rank, kept_earlier }
    }

    /// The place of kept event `event` among the kept events (1 = first).
    fn place(&self, event: usize) -> u32 {
        self.kept_earlier[event] + 1
    }

    /// The kept events before `event`, latest first.
    fn kept_before(&self, event: usize) -> impl Iterator<Item = usize> + '_ {
        (0..event).rev().filter(|&e| self.rank[e].is_some())
    }
}

/// A call of the ordinal finding: the claim, its ordinal and its event.
struct Placed<'a> {
    claim: ClaimRef,
    n: u32,
    event: usize,
    timeline: &'a Timeline,
    reading: &'a Reading,
    placed: &'a [(usize, ClaimRef, u32)],
}

/// The finding, if any, on an ordinal: it must be the rank the reading gives its event.
fn ordinal_finding(check: &Check, records: &[ArticleRecord], p: &Placed<'_>) -> Option<Diagnostic> {
    let (claim, n, event, timeline, reading) = (p.claim, p.n, p.event, p.timeline, p.reading);
    // A dropped event: the finding on its date covers the article.
    let rank = reading.rank[event]?;
    let place = reading.place(event);
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
    let earlier = (place - 1) as usize;
    if rank == n {
        if n <= place {
            return None;
        }
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
    // Other articles give the event the rank the reading took.
    if let Some(&(_, first, _)) = of_event(p.placed, event).iter().find(|q| q.2 == rank) {
        let message = format!(
            "this {} is called the {}, but another article calls it the {}",
            check.noun,
            ordinal_word(n),
            ordinal_word(rank)
        );
        return Some(against_ordinal(check, records, p, message, first, rank));
    }
    if n < place {
        return Some(too_low(check, records, p, place, label));
    }
    // Another event's ordinal leaves no room for this one: the nearest such. Both events
    // are kept, so the kept events between them are told by the counts before each.
    let between = |other: usize| {
        let (lo, hi) = (other.min(event), other.max(event));
        reading.kept_earlier[hi] - reading.kept_earlier[lo] - 1
    };
    let (other_event, other, m) = p
        .placed
        .iter()
        .filter(|q| q.0 != event && reading.rank[q.0] == Some(q.2))
        .filter(|&&(e, _, m)| {
            if e < event {
                m.saturating_add(between(e)) >= n
            } else {
                m <= n.saturating_add(between(e))
            }
        })
        .min_by_key(|q| q.0.abs_diff(event))
        .copied()?;
    let message = if m == n {
        format!(
            "two different {} are both called the {}",
            check.noun_plural,
            ordinal_word(n)
        )
    } else {
        format!(
            "this {} is called the {}, but the {} of {} is called the {}",
            check.noun,
            ordinal_word(n),
            check.noun,
            timeline.events[other_event].date,
            ordinal_word(m)
        )
    };
    Some(against_ordinal(check, records, p, message, other, m))
}

/// A finding on the ordinal of `p` against the ordinal `m` another claim gives.
fn against_ordinal(
    check: &Check,
    records: &[ArticleRecord],
    p: &Placed<'_>,
    message: String,
    other: ClaimRef,
    m: u32,
) -> Diagnostic {
    let label = format!("the {}", ordinal_word(p.n));
    let mut d = finding(check, records, p.claim, message, label);
    d.add_secondary(
        Label::on_claim(
            &records[other.record],
            other.get(records),
            format!("the {}", ordinal_word(m)),
        ),
        Some(other.get(records)),
    );
    d.notes.push(p.timeline.describe(records, p.event));
    d
}

/// An ordinal lower than the events the corpus keeps before its event.
fn too_low(
    check: &Check,
    records: &[ArticleRecord],
    p: &Placed<'_>,
    place: u32,
    label: String,
) -> Diagnostic {
    let (claim, n, event, timeline) = (p.claim, p.n, p.event, p.timeline);
    // The other side: the latest earlier events its own article does not report (else the
    // latest earlier events), a few at most.
    let own = claim.record;
    let surprising: Vec<usize> = p
        .reading
        .kept_before(event)
        .take(10 * MAX_OTHER_SIDE)
        .filter(|&e| !timeline.events[e].attested_by(own))
        .take(MAX_OTHER_SIDE)
        .collect();
    let mut shown: Vec<usize> = if surprising.is_empty() {
        p.reading.kept_before(event).take(MAX_OTHER_SIDE).collect()
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
            count_of(check, (place - 1) as usize, "earlier")
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
    d
}

/// The findings on an event the reading drops: one on each article that dates it. The
/// ordinals of a later event leave no room for it.
fn unplaced(
    check: &Check,
    records: &[ArticleRecord],
    timeline: &Timeline,
    reading: &Reading,
    placed: &[(usize, ClaimRef, u32)],
    event: usize,
) -> Vec<Diagnostic> {
    // The nearest later kept event whose ordinals the reading accepts.
    let after = placed.partition_point(|q| q.0 <= event);
    let Some(later) = placed[after..]
        .iter()
        .find(|q| reading.rank[q.0] == Some(q.2))
        .map(|q| q.0)
    else {
        return Vec::new();
    };
    // One claim per article: placed claims of one event are sorted by article.
    let mut evidence: Vec<ClaimRef> = of_event(placed, later)
        .iter()
        .filter(|q| reading.rank[later] == Some(q.2))
        .map(|q| q.1)
        .collect();
    evidence.dedup_by_key(|c| c.record);
    let first = evidence[0];
    let (date, later_date) = (timeline.events[event].date, timeline.events[later].date);
    let ord = ordinal_word(ordinal(records, first));
    let who = match evidence.as_slice() {
        [one] => format!("{} calls", records[one.record].id),
        many => format!("{} articles call", many.len()),
    };
    let message = format!(
        "the series has no room for this {} on {date}: {who} the {} of {later_date} the {ord}",
        check.noun, check.noun
    );
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for mention in &timeline.events[event].mentions {
        if !seen.insert(mention.claim.record) {
            continue;
        }
        let mut d = finding(
            check,
            records,
            mention.claim,
            message.clone(),
            String::new(),
        );
        d.primary = mention_label(check, records, mention);
        for &c in evidence.iter().take(MAX_OTHER_SIDE) {
            d.add_secondary(
                Label::on_claim(
                    &records[c.record],
                    c.get(records),
                    format!("the {ord} {} ({later_date})", check.noun),
                ),
                Some(c.get(records)),
            );
        }
        d.notes.push(timeline.describe(records, event));
        d.help = Some(format!(
            "correct this date, or the ordinals of the {} of {later_date} are wrong",
            check.noun
        ));
        out.push(d);
    }
    out
}

/// The placed ordinals of one event (`placed` is sorted by event).
fn of_event(placed: &[(usize, ClaimRef, u32)], event: usize) -> &[(usize, ClaimRef, u32)] {
    let start = placed.partition_point(|q| q.0 < event);
    let end = placed.partition_point(|q| q.0 <= event);
    &placed[start..end]
}

fn ordinal(records: &[ArticleRecord], claim: ClaimRef) -> u32 {
    match claim.get(records).value {
        Value::Ordinal(n) => n,
        _ => 0,
    }
}
