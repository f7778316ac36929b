//! `weekday`: a weekday written next to an explicit date ("Tuesday, 12 October 2021") must
//! be that date's weekday.

use super::finding;
use crate::claim::{ArticleRecord, When};
use crate::diagnostic::Diagnostic;
use crate::ruleset::Check;
use crate::timeline::ClaimRef;
use crate::value::Value;
use crate::value::date::{DateValue, Precision, weekday_name};
use chrono::Datelike;

/// Runs the check on every claim whose key it applies to.
pub fn run(check: &Check, records: &[ArticleRecord], out: &mut Vec<Diagnostic>) {
    for (r, record) in records.iter().enumerate() {
        // One written date may be the value of one claim and the date of another.
        let mut reported = std::collections::HashSet::new();
        for (c, claim) in record.claims.iter().enumerate() {
            if !check.applies_to(&claim.key) {
                continue;
            }
            let mut dates: Vec<&DateValue> = match &claim.value {
                Value::Date(d) => vec![d],
                Value::Dates(ds) => ds.iter().collect(),
                _ => Vec::new(),
            };
            if let Some(When::Dated { date, .. }) = &claim.when {
                dates.push(date);
            }
            for date in dates {
                let Some(stated) = date.stated_weekday else {
                    continue;
                };
                let actual = date.start.weekday();
                if date.precision != Precision::Day
                    || actual == stated
                    || !reported.insert((date.start, stated))
                {
                    continue;
                }
                let mut d = finding(
                    check,
                    records,
                    ClaimRef {
                        record: r,
                        claim: c,
                    },
                    format!(
                        "{date} was a {}, not a {}",
                        weekday_name(actual),
                        weekday_name(stated)
                    ),
                    format!("{} {date}", weekday_name(stated)),
                );
                d.help = Some(format!(
                    "correct the weekday to {}, or the date",
                    weekday_name(actual)
                ));
                out.push(d);
            }
        }
    }
}
