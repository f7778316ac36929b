//! One line per finding: `path:line:col: severity[rule] message`, then the summary.

use super::Report;

/// Renders the report, one finding per line.
pub fn render(report: &Report<'_>) -> String {
    let mut out: String = report
        .diagnostics
        .iter()
        .map(|d| {
            format!(
                "{}:{}:{}: {}[{}] {}\n",
                d.primary.path,
                d.primary.span.line,
                d.primary.span.column,
                d.severity.name(),
                d.rule,
                d.message
            )
        })
        .collect();
    out.push_str(&report.summary());
    out.push('\n');
    out
}
