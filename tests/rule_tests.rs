//! The rule files' own `[[test]]` cases: they all pass, every shipped extractor and check
//! has a case that fires and a case that must not, and a broken case fails with a diff.

use claimlint::ruleset::RuleSet;
use claimlint::ruletest::{run_all, run_case};
use std::path::{Path, PathBuf};
use std::process::Command;

fn shipped() -> RuleSet {
    RuleSet::load(&[Path::new(env!("CARGO_MANIFEST_DIR")).join("rules")]).expect("rules load")
}

/// Each failed case as `file:line rule` and its diff.
fn failures(outcomes: &[claimlint::ruletest::Outcome]) -> Vec<String> {
    outcomes
        .iter()
        .filter(|o| !o.passed())
        .map(|o| {
            format!(
                "{}:{} {}\n{}",
                o.test.file.display(),
                o.test.line,
                o.test.rule,
                o.diff()
            )
        })
        .collect()
}

#[test]
fn every_shipped_case_passes() {
    let rules = shipped();
    let failures = failures(&run_all(&rules));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_shipped_rule_has_a_case_that_fires_and_one_that_must_not() {
    let rules = shipped();
    let ids = rules
        .extractors
        .iter()
        .map(|x| &*x.id)
        .chain(rules.checks.iter().map(|c| c.id.as_str()));
    let mut missing = Vec::new();
    for id in ids {
        let cases: Vec<_> = rules.tests.iter().filter(|t| t.rule == id).collect();
        if !cases.iter().any(|t| !t.expect.is_empty()) {
            missing.push(format!("{id}: no case that fires"));
        }
        if !cases.iter().any(|t| t.expect.is_empty()) {
            missing.push(format!("{id}: no case that must not fire"));
        }
    }
    assert!(missing.is_empty(), "{missing:#?}");
}

/// The outcome of `case`, a rule file of one `[[test]]`, run with the shipped rules.
fn run_extra(case: &str) -> claimlint::ruletest::Outcome {
    let rules = with_case(case);
    let test = rules
        .tests
        .iter()
        .find(|t| t.file == Path::new("extra.toml"))
        .unwrap();
    run_case(&rules, test)
}

fn with_case(case: &str) -> RuleSet {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let mut files: Vec<(PathBuf, String)> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            (p, text)
        })
        .collect();
    files.sort();
    files.push((PathBuf::from("extra.toml"), case.to_string()));
    RuleSet::compile(files).expect("rules compile")
}

#[test]
fn a_wrong_expectation_fails_with_a_diff() {
    let outcome = run_extra(
        r#"
[[test]]
rule = "visit-ordinal"
text = "It is Munir's 2nd visit to Iran."
expect = ["visit/munir/iran = ordinal 3"]
"#,
    );
    assert!(!outcome.passed());
    assert_eq!(
        outcome.diff(),
        "    - visit/munir/iran = ordinal 3\n    + visit/munir/iran = ordinal 2\n"
    );
}

#[test]
fn a_case_that_must_not_fire_fails_when_it_does() {
    let outcome = run_extra(
        r#"
[[test]]
rule = "border-length"
articles = [
  { date = "2024-06-05", text = "Iran and Pakistan share a 909-kilometer border." },
  { date = "2024-06-06", text = "Iran and Pakistan guard their 959 km border." },
]
expect = []
"#,
    );
    assert!(!outcome.passed());
    assert!(
        outcome
            .diff()
            .starts_with("    + border/iran+pakistan is 959 km"),
        "{}",
        outcome.diff()
    );
}

#[test]
fn claimlint_test_reports_failures_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for entry in std::fs::read_dir(root.join("rules")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
    }
    let run = || {
        Command::new(env!("CARGO_BIN_EXE_claimlint"))
            .args(["test", dir.path().to_str().unwrap()])
            .output()
            .unwrap()
    };
    let ok = run();
    assert_eq!(ok.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&ok.stdout).ends_with(" passed, 0 failed\n"));
    std::fs::write(
        dir.path().join("zz.toml"),
        "[[test]]\nrule = \"visit-dated\"\nname = \"wrong on purpose\"\ntext = \"Munir visited Iran in July 2018.\"\nexpect = []\n",
    )
    .unwrap();
    let failed = run();
    assert_eq!(failed.status.code(), Some(1));
    let out = String::from_utf8_lossy(&failed.stdout);
    assert!(out.contains("FAIL "), "{out}");
    assert!(
        out.contains("zz.toml:2 visit-dated: wrong on purpose\n    + visit/munir/iran = mention\n"),
        "{out}"
    );
    assert!(out.ends_with(" passed, 1 failed\n"), "{out}");
}

#[test]
fn the_benchmark_rules_pass_their_cases_with_the_shipped_ones() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let rules = RuleSet::load(&[root.join("rules"), root.join("bench/rules")])
        .expect("the benchmark rules load beside the shipped ones");
    let outcomes = run_all(&rules);
    assert!(
        outcomes
            .iter()
            .any(|o| o.test.file.starts_with(root.join("bench")))
    );
    let failed = failures(&outcomes);
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

/// A visit told as news of the article's day ("is visiting") dates the visit, and no claim
/// its clause holds that the article leaves undated: the office of its visitor keeps none.
/// (A rule case cannot say a claim has no date, so this is checked here.)
#[test]
fn a_day_told_as_news_dates_no_office_named_in_its_clause() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let rules = RuleSet::load(&[root.join("rules"), root.join("bench/rules")])
        .expect("the benchmark rules load beside the shipped ones");
    let text = "date 2024-06-05\nDefence Minister Mohammad Bagheri is visiting Iraq.";
    let (article, _) =
        claimlint::article::Article::parse("a.txt".into(), "a.txt".into(), text.into());
    let claims = claimlint::extract::extract(&article, &rules).claims;
    let dated = |prefix: &str| {
        let claim = claims.iter().find(|c| c.key.starts_with(prefix));
        claim.map(|c| c.when.is_some())
    };
    assert_eq!(dated("visit/"), Some(true), "{claims:#?}");
    assert_eq!(dated("role/"), Some(false), "{claims:#?}");
}
