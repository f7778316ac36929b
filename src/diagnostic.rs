//! The diagnostic model: what a check found, independent of how it is printed.

use crate::claim::{ArticleRecord, Claim, Span};
use crate::rule::Severity;
use serde::Serialize;

/// A place in an article, with what it says there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Label {
    /// The article id.
    pub article: String,
    /// The article's path, for display.
    pub path: String,
    /// Where in the article.
    pub span: Span,
    /// What the span says, in a few words.
    pub message: String,
    /// For a record of a JSON Lines file, its line in the file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record_line: Option<u32>,
}

impl Label {
    /// A label on `span` of the article of `record`.
    pub fn at(record: &ArticleRecord, span: Span, message: impl Into<String>) -> Label {
        Label {
            article: record.id.clone(),
            path: record.path.clone(),
            span,
            message: message.into(),
            record_line: record.record_line,
        }
    }

    /// Where the label is in a file of the repository, for annotations: the article file
    /// and the span, or for a record of a JSON Lines file, the file and the record's line
    /// with the position in the record's text to say in words (`feed.jsonl#a1 3:5`).
    pub fn in_file(&self) -> (&str, Span, Option<String>) {
        match (
            self.record_line,
            crate::jsonl::split_record_path(&self.path),
        ) {
            (Some(line), Some((file, _))) => {
                let span = Span {
                    start: 0,
                    end: 0,
                    line,
                    column: 1,
                    end_line: line,
                    end_column: 1,
                };
                let within = format!("{} {}:{}", self.article, self.span.line, self.span.column);
                (file, span, Some(within))
            }
            _ => (&self.path, self.span, None),
        }
    }

    /// A label on the value of `claim` (the whole match where the value has no span).
    pub fn on_claim(record: &ArticleRecord, claim: &Claim, message: impl Into<String>) -> Label {
        Label::at(record, claim.value_span.unwrap_or(claim.span), message)
    }
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    /// The id of the check that found it.
    pub rule: String,
    /// What the finding is about: the claim key, or the entity for a spelling finding.
    pub key: String,
    /// The text the finding sits on (the claim's matched text), part of its fingerprint.
    #[serde(skip)]
    pub anchor: String,
    /// Identifies the finding across runs: a hash of rule, article, key, anchor text and
    /// the other side's articles (not of positions). Set by [`fingerprint`].
    pub fingerprint: String,
    /// How serious it is.
    pub severity: Severity,
    /// What is wrong, in one line: lowercase start, no final period.
    pub message: String,
    /// Where it is wrong.
    pub primary: Label,
    /// The other side of a contradiction, possibly in other articles.
    pub secondary: Vec<Label>,
    /// Context, such as the timeline behind a sequence finding.
    pub notes: Vec<String>,
    /// What would make the corpus consistent.
    pub help: Option<String>,
    /// The claims behind the finding, primary first.
    pub claims: Vec<Claim>,
}

impl Diagnostic {
    /// Whether a claim the finding rests on was read with a guess: such a finding is a
    /// note at most, whatever its check's severity.
    pub fn rests_on_a_guess(&self) -> bool {
        self.claims
            .iter()
            .any(|c| !c.confidence.guesses().is_empty())
    }

    /// Adds a secondary label, and the claim it stands on if any.
    pub fn add_secondary(&mut self, label: Label, claim: Option<&Claim>) {
        self.secondary.push(label);
        if let Some(claim) = claim
            && !self.claims.contains(claim)
        {
            self.claims.push(claim.clone());
        }
    }
}

/// FNV-1a, 64 bits: a small, stable hash (the same on every platform and release).
fn fnv1a(parts: &[&str]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.bytes().chain([0xff]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

/// Sets the fingerprint of every diagnostic: rule, article, key, anchor text and the
/// articles of the other side, and for findings alike in all of these, their order in the
/// article. Line numbers and other text of the article play no part, so editing another
/// paragraph keeps it; a contradiction with a new article is a new finding.
pub fn fingerprint(diagnostics: &mut [Diagnostic]) {
    let mut seen: std::collections::HashMap<u64, usize> = std::collections::HashMap::new();
    for d in diagnostics.iter_mut() {
        let mut others: Vec<&str> = d.secondary.iter().map(|l| l.article.as_str()).collect();
        others.sort_unstable();
        others.dedup();
        let others = others.join("\n");
        let base = fnv1a(&[&d.rule, &d.primary.article, &d.key, &d.anchor, &others]);
        let n = seen.entry(base).or_insert(0);
        *n += 1;
        let hash = fnv1a(&[&base.to_string(), &n.to_string()]);
        d.fingerprint = format!("{hash:016x}");
    }
}

/// Sorts diagnostics into their output order: by article, position, rule and message.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (
            &a.primary.article,
            a.primary.span.start,
            &a.rule,
            &a.message,
        )
            .cmp(&(
                &b.primary.article,
                b.primary.span.start,
                &b.rule,
                &b.message,
            ))
    });
}

/// How many findings there are of each severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Errors.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Notes.
    pub notes: usize,
}

impl Counts {
    /// Counts `diagnostics` by severity.
    pub fn of(diagnostics: &[Diagnostic]) -> Counts {
        let mut c = Counts::default();
        for d in diagnostics {
            match d.severity {
                Severity::Error => c.errors += 1,
                Severity::Warning => c.warnings += 1,
                Severity::Note => c.notes += 1,
            }
        }
        c
    }
}
