//! Fuzz target: any bytes as an article, parsed and extracted with the shipped rules.
//! Run: `cargo +nightly fuzz run extract fuzz/seeds corpus -- -max_total_time=60`.

#![no_main]

use claimlint::article::Article;
use claimlint::extract::extract;
use claimlint::ruleset::RuleSet;
use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;
use std::sync::LazyLock;

static RULES: LazyLock<RuleSet> = LazyLock::new(|| {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../rules");
    RuleSet::load(&[root]).expect("the shipped rules load")
});

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(article) = Article::parse("fuzz.txt".into(), "fuzz.txt".into(), text.to_string()) {
        let record = extract(&article, &RULES);
        for claim in &record.claims {
            assert!(claim.span.start <= claim.span.end && claim.span.end <= text.len());
        }
    }
});
