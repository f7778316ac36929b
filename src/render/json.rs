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
    untied: usize,
}

/// Renders the report as pretty-printed JSON.
pub fn render(report: &Report<'_>) -> String {
    let mut out = Vec::new();
    write(report, &mut out).expect("writing to memory cannot fail");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// Writes the report as pretty-printed JSON to `out`, without building it in memory first.
pub fn write(report: &Report<'_>, mut out: impl std::io::Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut out, &document(report))?;
    out.write_all(b"\n")
}

fn document<'a>(report: &Report<'a>) -> Document<'a> {
    Document {
        version: VERSION,
        summary: Summary {
            articles: report.articles,
            counts: report.counts(),
            ignored: report.ignored,
            baselined: report.baselined,
            stale_baseline: report.stale_baseline,
            untied: report.untied,
        },
        diagnostics: report.diagnostics,
    }
}
