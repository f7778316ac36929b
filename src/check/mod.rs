//! Cross-checks: the generic check kinds, each configured by `[[check]]` tables in the
//! rules, run over the claims of the whole corpus.

mod agree;
mod enumeration;
mod missing_date;
mod previous;
mod sequence;
mod variant;
mod weekday;

use crate::claim::{ArticleRecord, When};
use crate::diagnostic::{self, Diagnostic, Label};
use crate::rule::{CheckKind, Severity};
use crate::ruleset::{Check, RuleSet};
use crate::timeline::{ClaimRef, Mention};
use rayon::prelude::*;
use std::borrow::Cow;
use std::collections::HashMap;

/// The rule id of the warning that an extractor stopped at its per-article match limit.
pub const CLAIM_LIMIT: &str = "claim-limit";

/// Runs every check of `rules` over the extracted articles; diagnostics come sorted.
pub fn run(records: &[ArticleRecord], rules: &RuleSet) -> Vec<Diagnostic> {
    let mut out = limits(records);
    let index = ClaimIndex::new(records);
    // Checks are independent: run them at once, their findings kept in check order.
    let found: Vec<Vec<Diagnostic>> = rules
        .checks
        .par_iter()
        .map(|check| {
            let mut found = Vec::new();
            match check.kind {
                CheckKind::Sequence => sequence::run(check, &index, &mut found),
                CheckKind::Enumeration => enumeration::run(check, &index, &mut found),
                CheckKind::Previous => previous::run(check, &index, &mut found),
                CheckKind::Agree => agree::run(check, &index, &mut found),
                CheckKind::Weekday => weekday::run(check, records, &mut found),
                CheckKind::Variant => variant::run(check, records, &mut found),
                CheckKind::MissingDate => missing_date::run(check, records, &mut found),
                CheckKind::InferredDate => missing_date::run_inferred(check, records, &mut found),
            }
            found
        })
        .collect();
    out.extend(found.into_iter().flatten());
    for d in &mut out {
        cap_guesses(d);
    }
    diagnostic::sort(&mut out);
    diagnostic::fingerprint(&mut out);
    out
}

/// Makes a finding that rests on a claim read with a guess a note, saying which: an
/// error or a warning stands only on claims whose parties and dates were read for sure.
fn cap_guesses(d: &mut Diagnostic) {
    if d.severity == Severity::Note || !d.rests_on_a_guess() {
        return;
    }
    let guessed: Vec<String> = d
        .claims
        .iter()
        .filter(|c| !c.confidence.guesses().is_empty())
        .map(|c| {
            let because: Vec<&str> = c.confidence.guesses().iter().map(|g| &**g).collect();
            format!(
                "{}:{}:{}: {}",
                c.article,
                c.span.line,
                c.span.column,
                because.join("; ")
            )
        })
        .collect();
    demote(d, &format!("it rests on a guess ({})", guessed.join("; ")));
}

/// Makes an error or a warning a note, saying why.
fn demote(d: &mut Diagnostic, why: &str) {
    let was = match d.severity {
        Severity::Note => return,
        Severity::Error => "an error",
        Severity::Warning => "a warning",
    };
    d.notes.push(format!("a note, not {was}: {why}"));
    d.severity = Severity::Note;
}

/// A warning for each extractor that stopped at the match limit in an article.
fn limits(records: &[ArticleRecord]) -> Vec<Diagnostic> {
    records
        .iter()
        .filter(|r| r.owned)
        .flat_map(|r| r.capped.iter().map(move |rule| (r, rule)))
        .map(|(record, rule)| Diagnostic {
            rule: CLAIM_LIMIT.to_string(),
            key: rule.clone(),
            anchor: String::new(),
            fingerprint: String::new(),
            severity: crate::rule::Severity::Warning,
            message: format!(
                "extractor `{rule}` stopped after {} matches in this article; the rest was not checked",
                crate::extract::MAX_MATCHES
            ),
            primary: Label::at(record, crate::claim::Span::FILE_START, "this article"),
            secondary: Vec::new(),
            notes: Vec::new(),
            help: Some("a pattern this greedy matches more than claims: make it more specific".into()),
            claims: Vec::new(),
        })
        .collect()
}

/// The checkable claims of a corpus grouped by key, keys in order: built once, and shared
/// by every check. A key with an unresolved part ("visit/?/x") says nothing checkable and
/// is left out.
pub struct ClaimIndex<'r> {
    /// The records the claims are in.
    pub records: &'r [ArticleRecord],
    keys: Vec<(&'r str, Vec<ClaimRef>)>,
}

impl<'r> ClaimIndex<'r> {
    /// Groups the claims of `records` by key.
    pub fn new(records: &'r [ArticleRecord]) -> ClaimIndex<'r> {
        let mut groups: HashMap<&str, Vec<ClaimRef>> = HashMap::new();
        for (r, record) in records.iter().enumerate() {
            for (c, claim) in record.claims.iter().enumerate() {
                if !claim.is_untied() {
                    groups.entry(&claim.key).or_default().push(ClaimRef {
                        record: r,
                        claim: c,
                    });
                }
            }
        }
        let mut keys: Vec<_> = groups
            .into_iter()
            .map(|(key, mut claims)| {
                claims.shrink_to_fit();
                (key, claims)
            })
            .collect();
        keys.sort_unstable_by_key(|&(key, _)| key);
        ClaimIndex { records, keys }
    }

    /// Every claim of the keys `check` applies to, whatever its extractor, keys in order.
    pub fn all_by_key(&self, check: &Check) -> impl Iterator<Item = (&'r str, &[ClaimRef])> {
        self.keys
            .iter()
            .filter(|(key, _)| check.applies_to(key))
            .map(|(key, claims)| (*key, claims.as_slice()))
    }

    /// The claims `check` looks at, grouped by key, keys in order: borrowed from the
    /// index unless the check reads some extractors' claims only.
    pub fn by_key(&self, check: &Check) -> Vec<(&'r str, Cow<'_, [ClaimRef]>)> {
        self.all_by_key(check)
            .filter_map(|(key, claims)| {
                if check.extractors.is_empty() {
                    return Some((key, Cow::Borrowed(claims)));
                }
                let seen: Vec<ClaimRef> = claims
                    .iter()
                    .copied()
                    .filter(|c| check.reads(&c.get(self.records).rule))
                    .collect();
                (!seen.is_empty()).then_some((key, Cow::Owned(seen)))
            })
            .collect()
    }
}

/// A diagnostic of `check` with its primary label on `claim`.
fn finding(
    check: &Check,
    records: &[ArticleRecord],
    claim: ClaimRef,
    message: String,
    label: String,
) -> Diagnostic {
    let c = claim.get(records);
    Diagnostic {
        rule: check.id.clone(),
        key: c.key.to_string(),
        anchor: c.text.to_string(),
        fingerprint: String::new(),
        severity: check.severity,
        message,
        primary: Label::on_claim(&records[claim.record], c, label),
        secondary: Vec::new(),
        notes: Vec::new(),
        help: None,
        claims: vec![c.clone()],
    }
}

/// A secondary label on a timeline mention: on its written date where it has one.
fn mention_label(check: &Check, records: &[ArticleRecord], m: &Mention) -> Label {
    let claim = m.claim.get(records);
    let record = &records[m.claim.record];
    let message = format!("a {} on {} ({})", check.noun, m.date, m.how);
    match &claim.when {
        Some(When::Dated {
            span: Some(span), ..
        }) if !m.listed => Label::at(record, *span, message),
        _ => Label::on_claim(record, claim, message),
    }
}

/// "no earlier visit", "1 earlier visit", "3 earlier visits".
fn count_of(check: &Check, n: usize, adjective: &str) -> String {
    match n {
        0 => format!("no {adjective} {}", check.noun),
        1 => format!("1 {adjective} {}", check.noun),
        n => format!("{n} {adjective} {}", check.noun_plural),
    }
}

/// Article ids joined for prose: "a", "a and b", "a, b and c".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}
