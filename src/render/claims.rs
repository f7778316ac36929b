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

/// The current version of [`ClaimsDocument`]: 2 adds each article's `date_source` and
/// `dateline`.
pub const CLAIMS_VERSION: u32 = 2;

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

/// The article's own facts on one line: `path: date 2022-06-14 (read from the byline
/// …); dateline LYON = lyon, line 3`.
pub fn article_line(record: &ArticleRecord) -> String {
    let mut line = format!("{}: ", record.path);
    match (record.date, &record.date_source) {
        (Some(date), Some(source)) => {
            let _ = write!(line, "date {date} ({source})");
        }
        (Some(date), None) => {
            let _ = write!(line, "date {date}");
        }
        // A date printed without its year: its month and day, of a year unknown.
        (None, Some(source)) => match &source.days {
            Some(days) => {
                let _ = write!(line, "no date, {days} of a year unknown ({source})");
            }
            None => {
                let _ = write!(line, "no date ({source})");
            }
        },
        (None, None) => line.push_str("no date"),
    }
    if let Some(dateline) = &record.dateline {
        let _ = write!(line, "; dateline {}", dateline.place);
        if let Some(entity) = &dateline.entity {
            let _ = write!(line, " = {entity}");
        }
        let _ = write!(line, ", line {}", dateline.line);
    }
    line
}

/// An article's facts, then its claims, one line each.
pub fn claims_text(record: &ArticleRecord) -> String {
    let mut text = article_line(record) + "\n";
    for c in &record.claims {
        text += &claim_line(&record.path, c);
        text.push('\n');
    }
    text
}
