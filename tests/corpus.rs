//! The shipped rules on the bundled corpus: one insta snapshot of claims per article
//! (under `snapshots/`, reviewed as diffs when rules or articles change), and the facts
//! the corpus is known to state.

use claimlint::claim::{ArticleRecord, Claim};
use claimlint::corpus::extract_paths;
use claimlint::render::claims::claims_text;
use claimlint::ruleset::RuleSet;
use std::path::PathBuf;

fn corpus_claims() -> Vec<ArticleRecord> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let rules = RuleSet::load(&[root.join("rules")]).expect("shipped rules load");
    // Relative paths, as a user would type them, so that snapshots hold no absolute path.
    std::env::set_current_dir(&root).unwrap();
    let (records, errors) = extract_paths(&[PathBuf::from("corpus")], &rules);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(records.len(), 5);
    records
}

#[test]
fn claims_per_article_snapshot() {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        for record in corpus_claims() {
            let name = format!("claims__{}", record.id.trim_end_matches(".txt"));
            insta::assert_snapshot!(name, claims_text(&record));
        }
    });
}

fn find<'a>(all: &'a [ArticleRecord], article: &str) -> &'a [Claim] {
    &all.iter()
        .find(|r| r.id.starts_with(article))
        .expect("article")
        .claims
}

fn described(claims: &[Claim], key: &str) -> Vec<String> {
    claims
        .iter()
        .filter(|c| *c.key == *key)
        .map(|c| {
            let when = c
                .when
                .as_ref()
                .map_or(String::new(), |w| format!(" when {w}"));
            let planned = if c.is_planned() { " planned" } else { "" };
            format!("{}{when}{planned}", c.value)
        })
        .collect()
}

#[test]
fn article_002_third_visit_earlier_visits_border_agreement() {
    let all = corpus_claims();
    let claims = find(&all, "002");
    let visits = described(claims, "visit/bagheri/pakistan");
    assert!(
        visits.contains(
            &"ordinal 3 when 2025-01-19 (\"Sunday night\" is the Sunday on or before the article date 2025-01-19)".to_string()
        ),
        "{visits:#?}"
    );
    assert!(
        visits.contains(&"dates 2018-07, 2021-10".to_string()),
        "{visits:#?}"
    );
    assert!(
        visits.iter().any(|v| v.starts_with("duration 2 days")),
        "{visits:#?}"
    );
    assert_eq!(
        described(claims, "border/iran+pakistan"),
        ["quantity 909 km [908.5..909.5]"]
    );
    assert_eq!(
        described(claims, "agreement/iran+pakistan/security-cooperation"),
        ["date 2024-04"]
    );
    let last_year = described(claims, "visit/munir/iran");
    assert_eq!(
        last_year,
        ["mention when 2024 (\"Last year\" from the article date 2025-01-19)"]
    );
}

#[test]
fn article_000_tuesday_resolves_to_the_day_before_publication() {
    let all = corpus_claims();
    let visits = described(find(&all, "000"), "visit/bagheri/pakistan");
    assert!(
        visits.contains(
            &"mention when 2021-04-06 (\"Tuesday evening\" is the Tuesday on or before the article date 2021-04-07)"
                .to_string()
        ),
        "{visits:#?}"
    );
}

#[test]
fn article_003_second_visit_unresolved_and_future_exercises_planned() {
    let all = corpus_claims();
    let claims = find(&all, "003");
    let visits = described(claims, "visit/bagheri/pakistan");
    assert!(
        visits.contains(
            &"ordinal 2 when unresolved (\"Friday evening\" is a weekday and the article has no date)".to_string()
        ),
        "{visits:#?}"
    );
    let exercises = described(claims, "exercise/iran+pakistan/naval");
    assert!(
        !exercises.is_empty() && exercises.iter().all(|e| e.ends_with("planned")),
        "{exercises:#?}"
    );
}

#[test]
fn both_spellings_of_bagheri_are_one_entity() {
    let all = corpus_claims();
    for ArticleRecord { id, claims, .. } in &all {
        let mentions_him = claims
            .iter()
            .any(|c| c.text.contains("Bagheri") || c.text.contains("Baqeri"));
        if mentions_him {
            assert!(claims.iter().any(|c| c.key.contains("/bagheri/")), "{id}");
        }
        assert!(!claims.iter().any(|c| c.key.contains("baqeri")), "{id}");
    }
}
