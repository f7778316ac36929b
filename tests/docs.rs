//! Every rule-file example in docs/rules.md compiles, with the page's first example as a
//! shared prelude, and every `[[test]]` case in it passes.

use claimlint::ruleset::RuleSet;
use claimlint::ruletest::run_all;
use std::path::{Path, PathBuf};

fn toml_blocks(markdown: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in markdown.lines() {
        match (&mut current, line.trim_end()) {
            (None, "```toml") => current = Some(String::new()),
            (Some(block), "```") => {
                blocks.push(std::mem::take(block));
                current = None;
            }
            (Some(block), _) => {
                block.push_str(line);
                block.push('\n');
            }
            (None, _) => {}
        }
    }
    blocks
}

#[test]
fn every_example_in_the_rule_reference_runs() {
    let page = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md"))
        .unwrap();
    let blocks = toml_blocks(&page);
    assert!(blocks.len() > 10, "the page has its examples");
    let prelude = (PathBuf::from("docs/rules.md#prelude"), blocks[0].clone());
    let mut cases = 0;
    for (i, block) in blocks.iter().enumerate().skip(1) {
        let name = PathBuf::from(format!("docs/rules.md#example-{i}"));
        let rules = RuleSet::compile(vec![prelude.clone(), (name.clone(), block.clone())])
            .unwrap_or_else(|e| panic!("example {i} does not compile: {e:#?}\n{block}"));
        let outcomes = run_all(&rules);
        assert!(
            !outcomes.is_empty(),
            "example {i} has no [[test]] case:\n{block}"
        );
        for o in outcomes {
            assert!(
                o.passed(),
                "example {i}, case {}:\n{}\n{block}",
                o.test.name,
                o.diff()
            );
            cases += 1;
        }
    }
    assert!(cases >= 20, "{cases} cases");
}
