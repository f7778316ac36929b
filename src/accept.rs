//! Accepting known findings: severity overrides, `[[ignore]]` entries (an entry that
//! matches nothing is reported as stale) and baselines of fingerprints.

use crate::config::{Config, Override};
use crate::diagnostic::{Diagnostic, Label};
use crate::rule::Severity;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::io::Write;
use std::path::Path;

/// The rule id of a finding on an `[[ignore]]` entry that accepted nothing.
pub const STALE_IGNORE: &str = "stale-ignore";

/// A baseline: the fingerprints of accepted findings, with enough to read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Baseline {
    /// Format version.
    pub version: u32,
    /// The accepted findings, in report order.
    pub findings: Vec<BaselineEntry>,
}

/// One accepted finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BaselineEntry {
    /// Its fingerprint, what matching uses.
    pub fingerprint: String,
    /// The rule, for readers.
    pub rule: String,
    /// The article, for readers.
    pub article: String,
    /// The message when it was accepted, for readers.
    pub message: String,
}

/// The current baseline format version.
pub const BASELINE_VERSION: u32 = 1;

impl Baseline {
    /// A baseline accepting every one of `diagnostics`.
    pub fn of(diagnostics: &[Diagnostic]) -> Baseline {
        Baseline {
            version: BASELINE_VERSION,
            findings: diagnostics
                .iter()
                .map(|d| BaselineEntry {
                    fingerprint: d.fingerprint.clone(),
                    rule: d.rule.clone(),
                    article: d.primary.article.clone(),
                    message: d.message.clone(),
                })
                .collect(),
        }
    }

    /// Reads a baseline file.
    pub fn read(path: &Path) -> Result<Baseline, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
        let baseline: Baseline = serde_json::from_str(&text)
            .map_err(|e| format!("{}:{}:{}: {e}", path.display(), e.line(), e.column()))?;
        if baseline.version != BASELINE_VERSION {
            return Err(format!(
                "{}: baseline version {} is not supported (expected {BASELINE_VERSION})",
                path.display(),
                baseline.version
            ));
        }
        Ok(baseline)
    }

    /// Writes the baseline to `path` atomically: to a temporary file beside it, then
    /// renamed over it, so a reader never sees half a file.
    pub fn write(&self, path: &Path) -> std::io::Result<()> {
        let dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
        let result = (|| {
            let mut file = std::fs::File::create(&temp)?;
            serde_json::to_writer_pretty(&mut file, self)?;
            file.write_all(b"\n")?;
            file.sync_all()?;
            std::fs::rename(&temp, path)
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(&temp);
        }
        result
    }
}

/// What acceptance did to the findings.
#[derive(Debug, Default)]
pub struct Outcome {
    /// The findings to report.
    pub reported: Vec<Diagnostic>,
    /// How many an `[[ignore]]` entry accepted.
    pub ignored: usize,
    /// How many the baseline accepted.
    pub baselined: usize,
    /// How many baseline entries matched no finding (fixed or gone).
    pub stale_baseline: usize,
}

/// Applies severity overrides (never to a finding that rests on a guess), then ignore
/// entries, then the baseline. Stale ignore
/// entries are added to the reported findings as warnings on the configuration file.
pub fn accept(
    diagnostics: Vec<Diagnostic>,
    config: &Config,
    baseline: Option<&Baseline>,
) -> Outcome {
    let mut outcome = Outcome::default();
    let mut used = vec![false; config.ignores.len()];
    let known: HashSet<&str> = baseline
        .map(|b| b.findings.iter().map(|f| f.fingerprint.as_str()).collect())
        .unwrap_or_default();
    let mut matched = HashSet::new();
    for mut d in diagnostics {
        // A finding that rests on a guess stays a note, whatever the override.
        match config.overrides.get(&d.rule).map(|(o, _)| *o) {
            Some(Override::Allow) => continue,
            Some(Override::Warn) if !d.rests_on_a_guess() => d.severity = Severity::Warning,
            Some(Override::Deny) if !d.rests_on_a_guess() => d.severity = Severity::Error,
            _ => {}
        }
        if let Some(i) = config
            .ignores
            .iter()
            .position(|ig| ig.matches(&d.rule, &d.key, &d.primary.article))
        {
            used[i] = true;
            outcome.ignored += 1;
            continue;
        }
        if known.contains(d.fingerprint.as_str()) {
            matched.insert(d.fingerprint.clone());
            outcome.baselined += 1;
            continue;
        }
        outcome.reported.push(d);
    }
    outcome.stale_baseline = known.len() - matched.len();
    let path = config.path.as_ref().map_or_else(
        || crate::config::FILE_NAME.to_string(),
        |p| p.display().to_string(),
    );
    for (ignore, _) in config.ignores.iter().zip(used).filter(|(_, used)| !used) {
        outcome.reported.push(Diagnostic {
            rule: STALE_IGNORE.to_string(),
            key: ignore.rule.clone(),
            anchor: ignore.reason.clone(),
            fingerprint: String::new(),
            severity: Severity::Warning,
            message: format!("this ignore entry for `{}` matches no finding", ignore.rule),
            primary: Label {
                article: path.clone(),
                path: path.clone(),
                span: ignore.span,
                message: "stale: nothing to ignore".to_string(),
                record_line: None,
            },
            secondary: Vec::new(),
            notes: vec![format!("reason given: {}", ignore.reason)],
            help: Some("remove the entry, or correct its `rule`, `key` or `articles`".to_string()),
            claims: Vec::new(),
        });
    }
    outcome
}
