//! GitHub Actions workflow commands (`::error file=…::message`), one per finding, escaped
//! as the Actions toolkit escapes them, followed by the human report: GitHub shows only
//! the first annotations of a step, the report shows everything.

use super::Report;
use crate::rule::Severity;

/// Escapes a workflow command's message: `%`, CR and LF.
pub fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value: as data, plus `:` and `,`.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// The annotations for the report's findings, one line each.
pub fn annotations(report: &Report<'_>) -> String {
    report
        .diagnostics
        .iter()
        .map(|d| {
            let command = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Note => "notice",
            };
            let (file, s, within) = d.primary.in_file();
            let mut message = match within {
                Some(place) => format!("{place}: {}", d.message),
                None => d.message.clone(),
            };
            if let Some(help) = &d.help {
                message.push_str("\nhelp: ");
                message.push_str(help);
            }
            format!(
                "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                escape_property(file),
                s.line,
                s.column,
                s.end_line,
                s.end_column,
                escape_property(&format!("claimlint {}", d.rule)),
                escape_data(&message)
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_follows_the_actions_toolkit() {
        assert_eq!(escape_data("100% sure\r\nnext"), "100%25 sure%0D%0Anext");
        assert_eq!(escape_data("a: b, c"), "a: b, c");
        assert_eq!(escape_property("dir/a:b,c%\n"), "dir/a%3Ab%2Cc%25%0A");
    }
}
