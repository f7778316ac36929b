//! A second domain with its own rule pack and corpus (tennis titles, arenas, finals):
//! every check kind runs on rules that src/ knows nothing about.

use std::path::Path;
use std::process::Command;

fn run(args: &[&str]) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_claimlint"))
        .args(args)
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/domains/tennis"))
        .output()
        .unwrap();
    (out.status.code(), String::from_utf8(out.stdout).unwrap())
}

#[test]
fn the_tennis_pack_passes_its_own_cases() {
    let (code, out) = run(&["test", "rules"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.ends_with("34 passed, 0 failed\n"), "{out}");
    // `--rules`, as the other commands take it, and the rules of claimlint.toml.
    let (code, out) = run(&["test", "--isolated", "--rules", "rules"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.ends_with("34 passed, 0 failed\n"), "{out}");
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("claimlint.toml");
    let pack = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/domains/tennis/rules");
    std::fs::write(
        &config,
        format!("rules = [{:?}]\n", pack.display().to_string()),
    )
    .unwrap();
    let (code, out) = run(&["test", "--config", config.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.ends_with("34 passed, 0 failed\n"), "{out}");
}

#[test]
fn every_check_kind_fires_on_the_tennis_corpus() {
    let (code, out) = run(&[
        "check",
        "--isolated",
        "--rules",
        "rules",
        "--format",
        "concise",
        "corpus",
    ]);
    assert_eq!(code, Some(1), "{out}");
    let found: Vec<(&str, &str)> = out
        .lines()
        .filter_map(|l| {
            let (path, rest) = l.split_once(": ")?;
            let rule = rest.split_once('[')?.1.split_once(']')?.0;
            Some((path.split(':').next()?, rule))
        })
        .collect();
    assert_eq!(
        found,
        [
            ("corpus/2024-final.txt", "title-sequence"),
            ("corpus/2024-final.txt", "title-list"),
            ("corpus/2024-interview.txt", "previous-title"),
            ("corpus/2024-report.txt", "final-date"),
            ("corpus/2024-report.txt", "capacity"),
            ("corpus/2024-report.txt", "edition-length"),
            ("corpus/2024-report.txt", "spelling"),
            ("corpus/2024-report.txt", "weekday"),
            ("corpus/undated-interview.txt", "undated"),
        ],
        "{out}"
    );
    assert!(
        out.contains("this title is called the third, but the corpus records 3 earlier titles"),
        "{out}"
    );
}
