//! Extraction and checking apart: claims written to sharded JSON Lines files and checked
//! from them give the same findings as one run; so do the shards checked one by one.
//! And `rules --patterns` prints the very regexes extraction runs.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

fn claimlint(dir: &Path, args: &[&str]) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_claimlint"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    (out.status.code(), String::from_utf8(out.stdout).unwrap())
}

fn cases() -> Vec<(&'static Path, Vec<&'static str>)> {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    vec![
        (repo, vec!["--isolated"]),
        (
            Box::leak(repo.join("tests/fixtures/domains/tennis").into_boxed_path()),
            vec!["--isolated", "--rules", "rules", "corpus"],
        ),
    ]
}

#[test]
fn sharded_extraction_gives_the_findings_of_one_run() {
    for (dir, inputs) in cases() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("claims.jsonl");
        let mut args = vec!["extract", "-o", out.to_str().unwrap(), "--shards", "4"];
        args.extend(&inputs);
        assert_eq!(claimlint(dir, &args).0, Some(0));
        let shards: Vec<String> = (0..4)
            .map(|i| {
                tmp.path()
                    .join(format!("claims.{i}.jsonl"))
                    .display()
                    .to_string()
            })
            .collect();
        let rules: Vec<&str> = inputs.iter().copied().filter(|a| *a != "corpus").collect();
        for format in ["human", "json", "concise"] {
            let mut single = vec!["check", "--color", "never", "--format", format];
            single.extend(&inputs);
            let mut merged = vec!["check", "--color", "never", "--format", format];
            merged.extend(&rules);
            merged.push("--claims");
            merged.extend(shards.iter().map(String::as_str));
            let (code_single, text_single) = claimlint(dir, &single);
            let (code_merged, text_merged) = claimlint(dir, &merged);
            assert_eq!(code_single, code_merged);
            assert!(text_single.contains("sequence"), "{text_single}");
            assert_eq!(text_single, text_merged, "{format} in {}", dir.display());
        }
        // Each partition checked on its own: together, the same findings.
        let mut single = vec!["check", "--format", "concise"];
        single.extend(&inputs);
        let expected: BTreeSet<String> = claimlint(dir, &single)
            .1
            .lines()
            .filter(|l| l.contains("] "))
            .map(String::from)
            .collect();
        let mut found = BTreeSet::new();
        for shard in &shards {
            let mut args = vec!["check", "--format", "concise"];
            args.extend(&rules);
            args.extend(["--claims", shard.as_str()]);
            found.extend(
                claimlint(dir, &args)
                    .1
                    .lines()
                    .filter(|l| l.contains("] "))
                    .map(String::from),
            );
        }
        assert_eq!(found, expected, "{}", dir.display());
    }
}

#[test]
fn the_printed_patterns_are_the_ones_extraction_runs() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (code, patterns) = claimlint(repo, &["rules", "--patterns"]);
    assert_eq!(code, Some(0));
    let rules = claimlint::ruleset::RuleSet::load(&[repo.join("rules")]).unwrap();
    let lines: Vec<&str> = patterns.lines().collect();
    assert_eq!(lines.len(), rules.extractors.len());
    // ripgrep joins the lines of `-f` into one alternation: capture names must not clash.
    // Spelled out, the entity slots hold every place's names, so the whole is large (bench/
    // run.sh gives ripgrep `--regex-size-limit 2G`): parsed, not compiled, here.
    let joined = lines
        .iter()
        .map(|l| format!("(?:{l})"))
        .collect::<Vec<_>>()
        .join("|");
    regex_syntax::Parser::new()
        .parse(&joined)
        .expect("the lines parse as one regex, as `rg -f` reads them");
    let text = std::fs::read_to_string(repo.join("corpus/002_be6fad0ebe57640d.txt")).unwrap();
    // Extraction runs on the text with entity mentions masked; the printed patterns spell
    // the names out and run on the text itself.
    let masked = rules
        .gazetteer
        .mask(&text, &rules.gazetteer.mentions(&text));
    let mut total = 0;
    for (line, extractor) in lines.iter().zip(&rules.extractors) {
        let re = regex::RegexBuilder::new(line)
            .size_limit(64 << 20)
            .build()
            .expect("a pattern line compiles");
        let printed: Vec<_> = re.find_iter(&text).map(|m| m.range()).collect();
        let run: Vec<_> = extractor
            .regex
            .find_iter(&masked)
            .map(|m| m.range())
            .collect();
        assert_eq!(printed, run, "{}", extractor.id);
        total += run.len();
    }
    assert!(total > 5, "the patterns match the article");
}
