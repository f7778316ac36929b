//! Output: claims for review, and the findings of a check in every format. Each format is
//! one renderer over the same [`Report`]; none of them changes what was found.

pub mod claims;
pub mod concise;
pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod sarif;

use crate::diagnostic::{Counts, Diagnostic};
use crate::jsonl::Fields;
use crate::ruleset::RuleSet;
use std::collections::{BTreeMap, HashMap};

/// Everything a renderer needs: the findings and the facts of the run.
#[derive(Debug)]
pub struct Report<'a> {
    /// The findings to report, in output order.
    pub diagnostics: &'a [Diagnostic],
    /// The rules that ran.
    pub rules: &'a RuleSet,
    /// How many articles were checked.
    pub articles: usize,
    /// How many findings `[[ignore]]` entries accepted.
    pub ignored: usize,
    /// How many findings the baseline accepted.
    pub baselined: usize,
    /// How many baseline entries matched nothing.
    pub stale_baseline: usize,
    /// How many claims name no entity where their key needs one (`visit/?/france`): they
    /// join no timeline and no comparison.
    pub untied: usize,
}

impl Report<'_> {
    /// Findings by severity.
    pub fn counts(&self) -> Counts {
        Counts::of(self.diagnostics)
    }

    /// The closing line: articles, findings by severity, and what was accepted.
    pub fn summary(&self) -> String {
        let c = self.counts();
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        let mut line = format!(
            "{}: {}, {}, {}",
            plural(self.articles, "article"),
            plural(c.errors, "error"),
            plural(c.warnings, "warning"),
            plural(c.notes, "note")
        );
        if self.ignored > 0 {
            line.push_str(&format!("; {} ignored by configuration", self.ignored));
        }
        if self.baselined > 0 {
            line.push_str(&format!("; {} in the baseline", self.baselined));
        }
        if self.untied > 0 {
            line.push_str(&format!(
                "; {} tied to no entity (`claimlint claims` says why)",
                plural(self.untied, "claim")
            ));
        }
        if self.stale_baseline > 0 {
            line.push_str(&format!(
                "; {} no longer found (rewrite it with --write-baseline)",
                plural(self.stale_baseline, "baseline entry").replace("entrys", "entries")
            ));
        }
        line
    }

    /// How many findings each rule reported, most first, then by rule id.
    pub fn statistics(&self) -> Vec<(String, usize)> {
        let mut by_rule: BTreeMap<&str, usize> = BTreeMap::new();
        for d in self.diagnostics {
            *by_rule.entry(&d.rule).or_default() += 1;
        }
        let mut rows: Vec<(String, usize)> = by_rule
            .into_iter()
            .map(|(r, n)| (r.to_string(), n))
            .collect();
        rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        rows
    }

    /// The statistics as text, one rule per line.
    pub fn statistics_text(&self) -> String {
        self.statistics()
            .into_iter()
            .map(|(rule, n)| format!("{n:>5}  {rule}\n"))
            .collect()
    }
}

/// Article texts by path, read when a diagnostic first needs them: a file, or a record of
/// a JSON Lines file (`FILE.jsonl#ID`).
#[derive(Debug, Default)]
pub struct Sources {
    texts: HashMap<String, Option<String>>,
    /// The records of each JSON Lines file shown, by id, each file read once.
    records: HashMap<String, HashMap<String, String>>,
    fields: Fields,
}

impl Sources {
    /// Texts read with the JSON Lines field names `fields`.
    pub fn new(fields: Fields) -> Self {
        Sources {
            fields,
            ..Sources::default()
        }
    }

    /// The text of the article at `path`, or `None` if it cannot be read any more.
    pub fn get(&mut self, path: &str) -> Option<&str> {
        if !self.texts.contains_key(path) {
            let text = match crate::jsonl::split_record_path(path) {
                Some((file, id)) => {
                    let fields = &self.fields;
                    self.records
                        .entry(file.to_string())
                        .or_insert_with(|| {
                            std::fs::read_to_string(file)
                                .map(|text| fields.texts(&text))
                                .unwrap_or_default()
                        })
                        .get(id)
                        .cloned()
                }
                None => std::fs::read_to_string(path).ok(),
            };
            self.texts.insert(path.to_string(), text);
        }
        self.texts.get(path).and_then(|t| t.as_deref())
    }
}
