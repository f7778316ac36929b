//! `missing-date`: every article has a publication date; without one its relative dates
//! ("on Friday", "last year") cannot be placed on a timeline. An article none of whose
//! claims needs its date (a reference page of border lengths) gets a note, not the
//! check's severity. And `inferred-date`: an article whose date was read from the page
//! rather than declared.

use crate::article::DateCarrier;
use crate::claim::{ArticleRecord, Span};
use crate::diagnostic::{Diagnostic, Label};
use crate::ruleset::Check;

/// Runs the check on every article.
pub fn run(check: &Check, records: &[ArticleRecord], out: &mut Vec<Diagnostic>) {
    for record in records.iter().filter(|r| r.owned && r.date.is_none()) {
        let month_marker = record
            .date_source
            .as_ref()
            .is_some_and(|s| s.carrier == DateCarrier::Marker);
        let mut d = Diagnostic {
            rule: check.id.clone(),
            key: String::new(),
            anchor: String::new(),
            fingerprint: String::new(),
            claims: Vec::new(),
            severity: check.severity,
            message: if month_marker {
                "article's date marker gives a month, not a day".to_string()
            } else if let Some(days) = record.date_source.as_ref().and_then(|s| s.days.as_ref()) {
                format!("article's page prints its date without the year ({days})")
            } else if record.date_source.is_some() {
                // The page prints a date, but no day of publication can be read from it.
                "article's publication date cannot be read from the dates its page prints"
                    .to_string()
            } else {
                "article has no publication date".to_string()
            },
            primary: match (
                month_marker,
                record.date_source.as_ref().and_then(|s| s.span),
            ) {
                (true, Some(span)) => Label::at(record, span, "a month".to_string()),
                _ => Label::at(record, Span::FILE_START, declare(record).0),
            },
            secondary: Vec::new(),
            notes: Vec::new(),
            help: Some(declare(record).1.to_string()),
        };
        if let Some(source) = record.date_source.as_ref().filter(|_| !month_marker) {
            // The page prints a date that gives no day: say which and why.
            d.notes.push(format!(
                "the page prints `{}` (line {}), but no publication day can be read from it: {}",
                source.text,
                source.span.map_or(1, |s| s.line),
                source.unresolved.as_deref().unwrap_or("it is not a date")
            ));
        }
        match record.needs_date.as_deref() {
            Some(needs) => {
                if needs.claims > 0 {
                    d.notes.push(format!(
                        "{} of its claims cannot be dated until it has one",
                        needs.claims
                    ));
                }
                if needs.guessed > 0 {
                    d.notes.push(format!(
                        "{} of its claims {} dated only by a guess from the page's other dates \
                         until it has one",
                        needs.guessed,
                        if needs.guessed == 1 { "is" } else { "are" }
                    ));
                }
                if let Some(first) = needs.first_relative {
                    // A note, not a label: a label would change the finding's fingerprint.
                    d.notes.push(match needs.relative_dates {
                        1 => format!(
                            "its relative date at {}:{} cannot be placed until it has one",
                            first.line, first.column
                        ),
                        n => format!(
                            "its {n} relative dates (the first at {}:{}) cannot be placed \
                             until it has one",
                            first.line, first.column
                        ),
                    });
                }
            }
            None => super::demote(&mut d, "nothing it writes needs its date"),
        }
        out.push(d);
    }
}

/// Where an article declares its date, and how to give it one: a text file by a marker
/// or front matter, a JSON Lines record by a field.
fn declare(record: &ArticleRecord) -> (&'static str, &'static str) {
    match record.record_line {
        None => (
            "no date marker or front matter here",
            "start the article with a line `date YYYY-MM-DD`, or with front matter: `+++` / \
             `date = YYYY-MM-DD` / `+++`",
        ),
        Some(_) => (
            "no date field in this record",
            "give the record a `date` field (YYYY-MM-DD or an RFC 3339 datetime); \
             `[jsonl] date` in claimlint.toml names the fields read",
        ),
    }
}

/// Runs `inferred-date`: a note on every article whose publication date was read from
/// the page (a byline, a header, a dateline), so that it can be checked and declared.
pub fn run_inferred(check: &Check, records: &[ArticleRecord], out: &mut Vec<Diagnostic>) {
    for record in records.iter().filter(|r| r.owned) {
        let (Some(date), Some(source)) = (record.date, &record.date_source) else {
            continue;
        };
        if source.carrier != DateCarrier::Page {
            continue;
        }
        let span = source.span.unwrap_or(Span::FILE_START);
        out.push(Diagnostic {
            rule: check.id.clone(),
            key: String::new(),
            anchor: source.text.clone(),
            fingerprint: String::new(),
            claims: Vec::new(),
            severity: check.severity,
            message: format!("publication date {date} read from the page, not declared"),
            primary: Label::at(record, span, format!("{source}")),
            secondary: Vec::new(),
            notes: Vec::new(),
            help: Some(declare(record).1.to_string()),
        });
    }
}
