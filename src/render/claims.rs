//! Printing claims for people (one line each) and for machines (JSON).

use crate::claim::{ArticleRecord, Claim, Modality};
use serde::Serialize;
use std::fmt::Write;

/// The claims document `claimlint claims --format json` prints.
#[derive(Debug, Serialize)]
pub struct ClaimsDocument<'a> {
    /// Schema version of this document.
    pub version: u32,
    /// The articles with their claims, in path order.
    pub articles: &'a [ArticleRecord],
}

/// The current version of [`ClaimsDocument`].
pub const CLAIMS_VERSION: u32 = 1;

/// One line per claim: `path:line:col: key = value when … [rule] — notes`.
pub fn claim_line(path: &str, claim: &Claim) -> String {
    let mut line = format!(
        "{path}:{}:{}: {} = {}",
        claim.span.line, claim.span.column, claim.key, claim.value
    );
    if let Some(when) = &claim.when {
        let _ = write!(line, " when {when}");
    }
    if let Modality::Planned { cue } = &claim.modality {
        let _ = write!(line, " planned (\"{cue}\")");
    }
    let _ = write!(line, " [{}]", claim.rule);
    if !claim.notes.is_empty() {
        let _ = write!(line, " — {}", claim.notes.join("; "));
    }
    line
}

/// All claims of one article, one line each.
pub fn claims_text(record: &ArticleRecord) -> String {
    record
        .claims
        .iter()
        .map(|c| claim_line(&record.path, c) + "\n")
        .collect()
}
