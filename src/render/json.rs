//! The findings as one JSON document, versioned; `docs/json-schema.md` describes it.

use super::Report;
use crate::diagnostic::{Counts, Diagnostic};
use serde::Serialize;

/// The current version of the JSON report format.
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    summary: Summary,
    diagnostics: &'a [Diagnostic],
}

#[derive(Serialize)]
struct Summary {
    articles: usize,
    #[serde(flatten)]
    counts: Counts,
    ignored: usize,
    baselined: usize,
    stale_baseline: usize,
}

/// Renders the report as pretty-printed JSON.
pub fn render(report: &Report<'_>) -> String {
    let document = Document {
        version: VERSION,
        summary: Summary {
            articles: report.articles,
            counts: report.counts(),
            ignored: report.ignored,
            baselined: report.baselined,
            stale_baseline: report.stale_baseline,
        },
        diagnostics: report.diagnostics,
    };
    serde_json::to_string_pretty(&document).expect("the report serializes") + "\n"
}
