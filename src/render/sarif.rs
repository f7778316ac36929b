//! SARIF 2.1.0, as GitHub code scanning reads it: the rules that ran with their
//! descriptions and default levels, one result per finding with the other sides as
//! related locations, repository-relative URIs, character columns and fingerprints.

use super::Report;
use crate::accept::STALE_IGNORE;
use crate::claim::Span;
use crate::diagnostic::{Diagnostic, Label};
use crate::rule::Severity;
use serde_json::{Value, json};

/// The schema URI written into the log.
pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

/// A path as a URI reference: relative paths stay relative (to the repository root that
/// `%SRCROOT%` stands for), absolute ones become `file:` URIs; reserved characters are
/// percent-encoded.
pub fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let path = path.strip_prefix("./").unwrap_or(&path);
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(byte as char)
            }
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    if path.starts_with('/') {
        format!("file://{out}")
    } else {
        out
    }
}

fn region(span: &Span) -> Value {
    json!({
        "startLine": span.line,
        "startColumn": span.column,
        "endLine": span.end_line,
        "endColumn": span.end_column,
        "byteOffset": span.start,
        "byteLength": span.end - span.start,
    })
}

/// The label's place in the repository: the article's span, or the line of a JSON Lines
/// record (whose text is not the file's), with the place in the record said in words.
fn physical(label: &Label) -> Value {
    let (file, span, within) = label.in_file();
    let mut location = json!({ "uri": uri(file) });
    if !file.starts_with('/') {
        location["uriBaseId"] = json!("%SRCROOT%");
    }
    let region = match within {
        Some(place) => json!({ "startLine": span.line, "message": { "text": place } }),
        None => region(&span),
    };
    json!({ "artifactLocation": location, "region": region })
}

fn text(d: &Diagnostic) -> String {
    let mut text = d.message.clone();
    for note in &d.notes {
        text.push_str("\nnote: ");
        text.push_str(note);
    }
    if let Some(help) = &d.help {
        text.push_str("\nhelp: ");
        text.push_str(help);
    }
    text
}

/// Renders the report as a SARIF 2.1.0 log.
pub fn render(report: &Report<'_>) -> String {
    let mut rules: Vec<Value> = report
        .rules
        .checks
        .iter()
        .map(|c| {
            let short = c.description.clone().unwrap_or_else(|| c.id.clone());
            let full = c.explanation.clone().unwrap_or_else(|| short.clone());
            json!({
                "id": c.id,
                "shortDescription": { "text": short },
                "fullDescription": { "text": full.trim() },
                "help": { "text": full.trim() },
                "defaultConfiguration": { "level": level(c.severity) },
                "properties": { "kind": format!("{:?}", c.kind).to_lowercase() },
            })
        })
        .collect();
    if report.diagnostics.iter().any(|d| d.rule == STALE_IGNORE) {
        rules.push(json!({
            "id": STALE_IGNORE,
            "shortDescription": { "text": "an ignore entry in claimlint.toml that matches no finding" },
            "defaultConfiguration": { "level": "warning" },
        }));
    }
    let index_of = |rule: &str| rules.iter().position(|r| r["id"] == rule);
    let results: Vec<Value> = report
        .diagnostics
        .iter()
        .map(|d| {
            let related: Vec<Value> = d
                .secondary
                .iter()
                .enumerate()
                .map(|(i, l)| {
                    json!({
                        "id": i + 1,
                        "physicalLocation": physical(l),
                        "message": { "text": l.message },
                    })
                })
                .collect();
            let mut result = json!({
                "ruleId": d.rule,
                "level": level(d.severity),
                "message": { "text": text(d) },
                "locations": [{
                    "physicalLocation": physical(&d.primary),
                    "message": { "text": d.primary.message },
                }],
            });
            if let Some(i) = index_of(&d.rule) {
                result["ruleIndex"] = json!(i);
            }
            if !related.is_empty() {
                result["relatedLocations"] = json!(related);
            }
            if !d.fingerprint.is_empty() {
                result["partialFingerprints"] = json!({ "claimlint/v1": d.fingerprint });
            }
            result
        })
        .collect();
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "claimlint",
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    serde_json::to_string_pretty(&log).expect("the log serializes") + "\n"
}

#[cfg(test)]
mod tests {
    use super::uri;

    #[test]
    fn uris() {
        assert_eq!(uri("corpus/002 a.txt"), "corpus/002%20a.txt");
        assert_eq!(uri("./corpus/x.txt"), "corpus/x.txt");
        assert_eq!(uri("/tmp/c/x#1.txt"), "file:///tmp/c/x%231.txt");
        assert_eq!(uri("corpus/Türkiye.txt"), "corpus/T%C3%BCrkiye.txt");
    }
}
