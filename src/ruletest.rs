//! Running the `[[test]]` cases of rule files: each case is a small corpus, extracted and
//! checked with all the rules, and the output of the one rule under test is compared with
//! what the case expects.

use crate::article::Article;
use crate::check;
use crate::claim::{ArticleRecord, Claim, When};
use crate::extract::extract;
use crate::ruleset::{RuleSet, RuleTest};
use std::fmt::Write;

/// The outcome of one case.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The case.
    pub test: RuleTest,
    /// What the rule produced, sorted.
    pub found: Vec<String>,
    /// A problem running the case (an article that does not parse), if any.
    pub error: Option<String>,
}

impl Outcome {
    /// Whether the rule produced exactly what the case expects.
    pub fn passed(&self) -> bool {
        let mut expected = self.test.expect.clone();
        expected.sort();
        self.error.is_none() && expected == self.found
    }

    /// A readable difference: `- ` what was expected and not produced, `+ ` what was
    /// produced and not expected.
    pub fn diff(&self) -> String {
        let mut out = String::new();
        if let Some(e) = &self.error {
            let _ = writeln!(out, "    error: {e}");
        }
        let mut found = self.found.clone();
        for e in &self.test.expect {
            match found.iter().position(|f| f == e) {
                Some(i) => {
                    found.remove(i);
                }
                None => {
                    let _ = writeln!(out, "    - {e}");
                }
            }
        }
        for f in found {
            let _ = writeln!(out, "    + {f}");
        }
        out
    }
}

/// A claim as a case expects it: `key = value`, when `detailed` its date (`when
/// 2024-06-04`, `when unresolved`, `when unresolved --05-31` for a day without its year), and
/// its planned mark (`planned`).
fn claim_line(c: &Claim, detailed: bool) -> String {
    let mut line = format!("{} = {}", c.key, c.value);
    if detailed {
        match &c.when {
            Some(When::Dated { date, .. }) => line.push_str(&format!(" when {date}")),
            Some(When::Unresolved { days: None, .. }) => line.push_str(" when unresolved"),
            Some(When::Unresolved {
                days: Some(days), ..
            }) => line.push_str(&format!(" when unresolved {days}")),
            None => {}
        }
    }
    if c.is_planned() {
        line.push_str(" planned");
    }
    line
}

/// The id a test article gets: `a.txt`, `b.txt` …
pub fn article_id(index: usize) -> String {
    let letter = (b'a' + (index % 26) as u8) as char;
    let round = index / 26;
    if round == 0 {
        format!("{letter}.txt")
    } else {
        format!("{letter}{round}.txt")
    }
}

/// Runs one case.
pub fn run_case(rules: &RuleSet, test: &RuleTest) -> Outcome {
    let mut records = Vec::new();
    for (i, (date, text)) in test.articles.iter().enumerate() {
        let body = match date {
            Some(date) => format!("+++\ndate = {date}\n+++\n{text}"),
            None => text.clone(),
        };
        let id = article_id(i);
        match Article::parse(id.clone(), id.clone().into(), body) {
            (article, None) => records.push(extract(&article, rules)),
            (_, Some(e)) => {
                return Outcome {
                    test: test.clone(),
                    found: Vec::new(),
                    error: Some(format!("{id}: {e}")),
                };
            }
        }
    }
    // People two articles name alike are one, as in a run.
    crate::link::link(&mut records, rules.people.as_ref());
    // A case that writes a date compares claims with theirs; the planned mark is always
    // compared.
    let detailed = test.expect.iter().any(|e| e.contains(" when "));
    let mut found: Vec<String> = if rules.page.bylines.iter().any(|b| *b.id == *test.rule) {
        records
            .iter()
            .flat_map(|r| byline_reading(r, &test.rule))
            .collect()
    } else if rules.extractor(&test.rule).is_some() {
        records
            .iter()
            .flat_map(|r| &r.claims)
            .filter(|c| *c.rule == *test.rule)
            .map(|c| claim_line(c, detailed))
            .collect()
    } else {
        check::run(&records, rules)
            .into_iter()
            .filter(|d| d.rule == test.rule)
            .map(|d| d.message)
            .collect()
    };
    found.sort();
    Outcome {
        test: test.clone(),
        found,
        error: None,
    }
}

/// What the byline `rule` read in an article: `date = 2022-06-14`, `no date: …` when the
/// date it found gives none, `place = TOKYO`.
fn byline_reading(record: &ArticleRecord, rule: &str) -> Vec<String> {
    let mut read = Vec::new();
    if let Some(source) = record
        .date_source
        .as_ref()
        .filter(|s| s.rule.as_deref() == Some(rule))
    {
        read.push(match (record.date, &source.unresolved) {
            (Some(date), _) => format!("date = {date}"),
            (None, Some(why)) => format!("no date: {why}"),
            (None, None) => "no date".to_string(),
        });
    }
    if let Some(dateline) = record.dateline.as_ref().filter(|d| &*d.rule == rule) {
        read.push(format!("place = {}", dateline.place));
    }
    read
}

/// Runs every case of the rules, in file order.
pub fn run_all(rules: &RuleSet) -> Vec<Outcome> {
    rules.tests.iter().map(|t| run_case(rules, t)).collect()
}
