//! The human report: diagnostics in the style of rustc, with the text around each span
//! (long lines are cut to a window around the span), then a summary line.

use super::{Report, Sources};
use crate::diagnostic::{Diagnostic, Label};
use crate::rule::Severity;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use std::fmt::Write;

/// Widest line shown; longer lines are cut around their spans.
const WIDTH: usize = 120;

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Note => Level::NOTE,
    }
}

/// Renders the report: each finding with its text, then statistics if asked, then the
/// summary line.
pub fn render(report: &Report<'_>, sources: &mut Sources, color: bool, statistics: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
    .term_width(WIDTH);
    let mut out = String::new();
    for d in report.diagnostics {
        let _ = writeln!(out, "{}\n", renderer.render(&[group(d, sources)]));
    }
    if statistics {
        out.push_str(&report.statistics_text());
    }
    let _ = writeln!(out, "{}", report.summary());
    out
}

fn group<'a>(d: &'a Diagnostic, sources: &'a mut Sources) -> Group<'a> {
    // Labels by file, the primary's file first, each file once.
    let mut files: Vec<(&str, Vec<(&Label, bool)>)> =
        vec![(d.primary.path.as_str(), vec![(&d.primary, true)])];
    for label in &d.secondary {
        match files.iter_mut().find(|(p, _)| *p == label.path) {
            Some((_, labels)) => labels.push((label, false)),
            None => files.push((label.path.as_str(), vec![(label, false)])),
        }
    }
    for (path, _) in &files {
        sources.get(path);
    }
    let sources = &*sources;
    let snippets = files.into_iter().map(|(path, labels)| {
        match sources.texts.get(path).and_then(|t| t.as_deref()) {
            Some(text) => labels.into_iter().fold(
                Snippet::source(text).line_start(1).path(path),
                |snippet, (label, primary)| {
                    let kind = if primary {
                        AnnotationKind::Primary
                    } else {
                        AnnotationKind::Context
                    };
                    let range = label.span.range();
                    let end = range.end.min(text.len());
                    let start = range.start.min(end);
                    snippet.annotation(kind.span(start..end).label(label.message.as_str()))
                },
            ),
            // The file is gone: say where, without the text.
            None => Snippet::source("").path(path),
        }
    });
    let mut snippets = snippets.collect::<Vec<_>>().into_iter();
    let title = level(d.severity)
        .primary_title(d.message.as_str())
        .id(d.rule.as_str());
    let first = snippets.next().expect("a diagnostic has a primary label");
    let mut group = snippets.fold(title.element(first), |g, s| g.element(s));
    for note in &d.notes {
        group = group.element(Level::NOTE.message(note.as_str()));
    }
    if let Some(help) = &d.help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    group
}

/// Renders rule-file or configuration errors, each with the offending text underlined.
pub fn rule_errors(errors: &[crate::ruleset::RuleError]) -> String {
    let renderer = Renderer::plain().term_width(WIDTH);
    let mut sources = Sources::default();
    let mut out = String::new();
    for e in errors {
        let path = e.path.display().to_string();
        let text = sources.get(&path).map(str::to_string);
        let title = Level::ERROR.primary_title(e.message.as_str());
        let group = match text.as_deref() {
            Some(text) if e.line > 0 => {
                let end = e.range.end.min(text.len());
                let start = e.range.start.min(end);
                title.element(
                    Snippet::source(text)
                        .line_start(1)
                        .path(path.as_str())
                        .annotation(AnnotationKind::Primary.span(start..end)),
                )
            }
            _ => title.element(Level::NOTE.message(format!("in {path}"))),
        };
        let _ = writeln!(out, "{}\n", renderer.render(&[group]));
    }
    out
}
