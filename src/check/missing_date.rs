//! `missing-date`: every article has a publication date; without one its relative dates
//! ("on Friday", "last year") cannot be placed on a timeline.

use crate::claim::{ArticleRecord, Span, When};
use crate::diagnostic::{Diagnostic, Label};
use crate::ruleset::Check;
use crate::value::Value;

/// Runs the check on every article.
pub fn run(check: &Check, records: &[ArticleRecord], out: &mut Vec<Diagnostic>) {
    for record in records.iter().filter(|r| r.owned && r.date.is_none()) {
        let unresolved = record
            .claims
            .iter()
            .filter(|c| {
                matches!(c.when, Some(When::Unresolved { .. }))
                    || matches!(c.value, Value::Unresolved(_))
            })
            .count();
        let mut d = Diagnostic {
            rule: check.id.clone(),
            key: String::new(),
            anchor: String::new(),
            fingerprint: String::new(),
            claims: Vec::new(),
            severity: check.severity,
            message: "article has no publication date".to_string(),
            primary: Label::at(
                record,
                Span::FILE_START,
                "no date marker or front matter here",
            ),
            secondary: Vec::new(),
            notes: Vec::new(),
            help: Some(
                "start the article with a line `date YYYY-MM-DD`, or with front matter: \
                 `+++` / `date = YYYY-MM-DD` / `+++`"
                    .to_string(),
            ),
        };
        if unresolved > 0 {
            d.notes.push(format!(
                "{unresolved} of its claims cannot be dated until it has one"
            ));
        }
        out.push(d);
    }
}
