//! Entities the rules do not declare: claims that name none are tied to nothing, never
//! pooled with other unknowns, and counted in the summary.

use std::fs;

mod common;

use common::{claimlint, rules_dir};

#[test]
fn claims_tied_to_no_entity_pool_with_nothing_and_are_counted() {
    let dir = tempfile::tempdir().unwrap();
    let c = dir.path().join("corpus");
    fs::create_dir(&c).unwrap();
    // Two articles about a leader no rule declares: each ordinal is about "?" visiting
    // "?", and "?" is no one: the two must not be compared.
    fs::write(
        c.join("a.txt"),
        "date 2024-06-05\nThe president arrived on Tuesday. It is his fifth visit to the country.\n",
    )
    .unwrap();
    fs::write(
        c.join("b.txt"),
        "date 2024-06-06\nThe president spoke on Wednesday. It is his fourth trip to the country.\n",
    )
    .unwrap();
    let rules = rules_dir();
    let out = claimlint(
        dir.path(),
        &["check", "--isolated", "--rules", &rules, "--format", "json"],
    );
    assert_eq!(out.status.code(), Some(0));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["diagnostics"].as_array().unwrap().len(), 0);
    assert_eq!(doc["summary"]["untied"], 2);
    let out = claimlint(dir.path(), &["check", "--isolated", "--rules", &rules]);
    let human = String::from_utf8(out.stdout).unwrap();
    assert!(
        human.ends_with(
            "2 articles: 0 errors, 0 warnings, 0 notes; 2 claims tied to no entity (`claimlint claims` says why)\n"
        ),
        "{human}"
    );
    // `claims` says why each is tied to nothing.
    let out = claimlint(dir.path(), &["claims", "--isolated", "--rules", &rules]);
    let claims = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        claims.matches("\"his\": no person to refer to").count(),
        2,
        "{claims}"
    );
}
