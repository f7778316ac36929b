//! Printing claims for people (one line each) and for machines (JSON).

use crate::claim::{Claim, Modality};
use serde::Serialize;
use std::fmt::Write;

/// One article's claims, as `claimlint claims --format json` prints them.
#[derive(Debug, Serialize)]
pub struct ArticleClaims<'a> {
    /// The article id.
    pub id: &'a str,
    /// The path as named on the command line.
    pub path: String,
    /// The publication date, if any.
    pub date: Option<String>,
    /// Its claims, by offset.
    pub claims: &'a [Claim],
}

/// The claims document: a version number, then the articles in order.
#[derive(Debug, Serialize)]
pub struct ClaimsDocument<'a> {
    /// Schema version of this document.
    pub version: u32,
    /// The articles with their claims.
    pub articles: Vec<ArticleClaims<'a>>,
}

/// One line per claim: `path:line:col: key value when … [rule] — notes`.
pub fn claim_line(path: &str, claim: &Claim) -> String {
    let mut line = format!(
        "{path}:{}:{}: {} = {}",
        claim.line, claim.column, claim.key, claim.value
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
pub fn claims_text(path: &str, claims: &[Claim]) -> String {
    claims.iter().map(|c| claim_line(path, c) + "\n").collect()
}
