//! Helpers shared by the integration tests: the shipped rules plus a test gazetteer,
//! extraction from inline article text, and the binary run in a folder.

#![allow(dead_code)]

use claimlint::article::Article;
use claimlint::claim::Claim;
use claimlint::extract::extract;
use claimlint::ruleset::RuleSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::LazyLock;

/// Runs the claimlint binary in `dir` with `args`.
pub fn claimlint(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimlint"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("claimlint runs")
}

/// The shipped rules folder, as an absolute path.
pub fn rules_dir() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("rules")
        .display()
        .to_string()
}

/// The shipped rules with the test gazetteer added.
pub static RULES: LazyLock<RuleSet> = LazyLock::new(|| {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    RuleSet::load(&[
        root.join("rules"),
        root.join("tests/fixtures/gazetteer.toml"),
    ])
    .unwrap_or_else(|errors| panic!("rules do not load: {errors:?}"))
});

/// The claims of an article with `text` as body, published on `date` (YYYY-MM-DD) if given.
pub fn claims(date: Option<&str>, text: &str) -> Vec<Claim> {
    let full = match date {
        Some(d) => format!("date {d}\n{text}"),
        None => text.to_string(),
    };
    let (article, error) = Article::parse("test.txt".into(), "test.txt".into(), full);
    assert_eq!(error, None, "the test article's metadata");
    extract(&article, &RULES).claims
}

/// The claims with `key`, as (value, when) strings.
pub fn with_key(claims: &[Claim], key: &str) -> Vec<(String, Option<String>)> {
    claims
        .iter()
        .filter(|c| *c.key == *key)
        .map(|c| {
            (
                c.value.to_string(),
                c.when.as_ref().map(ToString::to_string),
            )
        })
        .collect()
}

/// The (key, value) pairs of the claims, for compact assertions.
pub fn keys_values(claims: &[Claim]) -> Vec<(String, String)> {
    claims
        .iter()
        .map(|c| (c.key.to_string(), c.value.to_string()))
        .collect()
}
