//! The CI gate: every output format, the SARIF schema, configuration (overrides, ignores,
//! stale ignores), baselines that survive unrelated edits, and failing on warnings.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn claimlint(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimlint"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .output()
        .expect("claimlint runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn snapshot(name: &str, text: &str) {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| insta::assert_snapshot!(name, text));
}

/// A copy of the bundled corpus and rules in a temporary folder, without configuration.
fn corpus_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["corpus", "rules"] {
        fs::create_dir(dir.path().join(sub)).unwrap();
        for entry in fs::read_dir(repo().join(sub)).unwrap() {
            let entry = entry.unwrap();
            fs::copy(entry.path(), dir.path().join(sub).join(entry.file_name())).unwrap();
        }
    }
    dir
}

fn sarif_validator() -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(repo().join("tests/schemas/sarif-2.1.0.json")).unwrap(),
    )
    .unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema compiles")
}

/// `claimlint check` against `baseline.json` in `root`, one line per finding.
fn gate(root: &Path) -> Output {
    claimlint(
        root,
        &[
            "check",
            "--baseline",
            "baseline.json",
            "--format",
            "concise",
        ],
    )
}

fn validate_sarif(text: &str) -> serde_json::Value {
    let log: serde_json::Value = serde_json::from_str(text).expect("SARIF is JSON");
    let validator = sarif_validator();
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "SARIF does not validate: {errors:#?}");
    log
}

#[test]
fn every_format_on_the_corpus() {
    for format in ["concise", "json", "sarif", "github"] {
        let out = claimlint(
            repo(),
            &[
                "check",
                "--isolated",
                "--color",
                "never",
                "--format",
                format,
            ],
        );
        assert_eq!(out.status.code(), Some(1), "{format}: {}", stderr(&out));
        snapshot(&format!("check__corpus_{format}"), &stdout(&out));
    }
}

#[test]
fn sarif_validates_and_links_the_other_article() {
    let out = claimlint(repo(), &["check", "--isolated", "--format", "sarif"]);
    let log = validate_sarif(&stdout(&out));
    let run = &log["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(
        rules
            .iter()
            .any(|r| r["id"] == "visit-sequence" && r["defaultConfiguration"]["level"] == "error")
    );
    let result = run["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "visit-sequence")
        .expect("the sequence finding");
    let here = &result["locations"][0]["physicalLocation"];
    assert_eq!(
        here["artifactLocation"]["uri"],
        "corpus/002_be6fad0ebe57640d.txt"
    );
    assert_eq!(here["region"]["startLine"], 21);
    assert_eq!(here["region"]["startColumn"], 36);
    let related = &result["relatedLocations"][0]["physicalLocation"];
    assert_eq!(
        related["artifactLocation"]["uri"],
        "corpus/000_1a37b29f9e76baac.txt"
    );
    assert!(result["partialFingerprints"]["claimlint/v1"].is_string());
    // The validator is not a rubber stamp.
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["level"] = serde_json::json!("fatal");
    assert!(!sarif_validator().is_valid(&broken));
    // A log of another corpus, with findings of every kind, validates too.
    let case = repo().join("tests/fixtures/checks/sequence-fires");
    let out = claimlint(
        repo(),
        &[
            "check",
            "--isolated",
            "--format",
            "sarif",
            "--rules",
            "rules",
            "--rules",
            "tests/fixtures/gazetteer.toml",
            case.to_str().unwrap(),
        ],
    );
    validate_sarif(&stdout(&out));
}

#[test]
fn github_annotations_are_escaped() {
    let dir = tempfile::tempdir().unwrap();
    // A path with a comma, a colon and a percent sign.
    let corpus = dir.path().join("a,b:c%d");
    fs::create_dir(&corpus).unwrap();
    fs::write(corpus.join("x.txt"), "Sergei Petrov met Sergey Petrov.\n").unwrap();
    let rules = repo().join("rules");
    let gazetteer = repo().join("tests/fixtures/gazetteer.toml");
    let out = claimlint(
        dir.path(),
        &[
            "check",
            "--isolated",
            "--format",
            "github",
            "--rules",
            rules.to_str().unwrap(),
            "--rules",
            gazetteer.to_str().unwrap(),
            "a,b:c%d",
        ],
    );
    let text = stdout(&out);
    let line = text
        .lines()
        .find(|l| l.contains(",title=claimlint variant::"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(
        line.starts_with(
            "::warning file=a%2Cb%3Ac%25d/x.txt,line=1,col=19,endLine=1,endColumn=32,"
        ),
        "{line}"
    );
    assert!(
        line.contains("%0Ahelp: "),
        "newlines in the message are escaped: {line}"
    );
    assert!(!line[2..].contains("\n"));
}

#[test]
fn the_baseline_gate_passes_the_corpus_and_fails_on_a_new_contradiction_only() {
    let dir = corpus_copy();
    let root = dir.path();
    let out = claimlint(root, &["check", "--write-baseline", "baseline.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("wrote 5 finding(s)"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        fs::read_dir(root)
            .unwrap()
            .filter(|e| e
                .as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".tmp"))
            .count(),
        0,
        "no temporary file is left behind"
    );
    let out = gate(root);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(
        stdout(&out).contains("5 in the baseline"),
        "{}",
        stdout(&out)
    );

    // A new article gives the border another length. Its name sorts first: the finding
    // still sits on it, the later publication.
    fs::write(
        root.join("corpus/000_new.txt"),
        "date 2025-02-01\nIran and Pakistan patrol their 959-kilometer border together.\n",
    )
    .unwrap();
    let out = gate(root);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let text = stdout(&out);
    let findings: Vec<&str> = text.lines().filter(|l| l.contains("]")).collect();
    assert_eq!(findings.len(), 1, "{text}");
    assert!(findings[0].starts_with("corpus/000_new.txt:2:"), "{text}");
    assert!(findings[0].contains("error[border-length]"), "{text}");

    // A new article that adds an earlier visit makes the accepted sequence finding of 002
    // a new contradiction: it names the new article.
    fs::remove_file(root.join("corpus/000_new.txt")).unwrap();
    fs::write(
        root.join("corpus/006_visit.txt"),
        "date 2023-03-09\nGeneral Bagheri arrived in Islamabad on Wednesday for talks.\n",
    )
    .unwrap();
    let out = gate(root);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let text = stdout(&out);
    assert!(text.contains("error[visit-sequence] this visit is called the third, but the corpus records 4 earlier visits"), "{text}");
}

#[test]
fn an_edit_elsewhere_keeps_a_baselined_finding_matched() {
    let dir = corpus_copy();
    let root = dir.path();
    assert_eq!(
        claimlint(root, &["check", "--write-baseline", "baseline.json"])
            .status
            .code(),
        Some(0)
    );
    // New paragraphs before the finding in 002 move it down by four lines.
    let path = root.join("corpus/002_be6fad0ebe57640d.txt");
    let text = fs::read_to_string(&path).unwrap();
    let (first, rest) = text.split_once('\n').unwrap();
    fs::write(
        &path,
        format!("{first}\nA new paragraph.\n\nAnother one.\n\n{rest}"),
    )
    .unwrap();
    let out = gate(root);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(
        stdout(&out).contains("5 in the baseline"),
        "{}",
        stdout(&out)
    );
    let moved = claimlint(root, &["check", "--format", "concise"]);
    assert!(
        stdout(&moved).contains("corpus/002_be6fad0ebe57640d.txt:25:36: error[visit-sequence]"),
        "{}",
        stdout(&moved)
    );
}

#[test]
fn deny_warnings_fails_on_missing_dates() {
    let case = repo().join("tests/fixtures/checks/missing-date-fires");
    let args = [
        "check",
        "--isolated",
        "--format",
        "concise",
        case.to_str().unwrap(),
    ];
    assert_eq!(claimlint(repo(), &args).status.code(), Some(0));
    let mut denied = args.to_vec();
    denied.extend(["--deny", "warnings"]);
    let out = claimlint(repo(), &denied);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
}

#[test]
fn configuration_overrides_ignores_and_stale_entries() {
    let dir = corpus_copy();
    let root = dir.path();
    let config = r#"
fail-on = "warning"

[severity]
variant = "allow"

[[ignore]]
rule = "visit-sequence"
key = "visit/bagheri/*"
reason = "the outlet counts visits its own way"

[[ignore]]
rule = "border-length"
reason = "no longer needed"
"#;
    fs::write(root.join("claimlint.toml"), config).unwrap();
    // Found from a subfolder too, with its paths relative to the file.
    let sub = root.join("corpus");
    let out = claimlint(&sub, &["check", "--format", "concise"]);
    let text = stdout(&out);
    assert!(!text.contains("[variant]"), "{text}");
    assert!(!text.contains("[visit-sequence]"), "{text}");
    assert!(
        text.contains("../corpus/002_be6fad0ebe57640d.txt:21:84: warning[visit-enumeration]"),
        "{text}"
    );
    assert!(
        text.contains("../claimlint.toml:12:1: warning[stale-ignore] this ignore entry for `border-length` matches no finding"),
        "{text}"
    );
    assert!(text.contains("1 ignored by configuration"), "{text}");
    // fail-on = "warning": warnings fail.
    assert_eq!(out.status.code(), Some(1));
    // --isolated ignores the file.
    let isolated = claimlint(root, &["check", "--isolated", "--format", "concise"]);
    assert!(stdout(&isolated).contains("[variant]"));
}

#[test]
fn bad_configuration_exits_2_with_its_position() {
    let dir = corpus_copy();
    let root = dir.path();
    fs::write(
        root.join("claimlint.toml"),
        "[severity]\nvisit-sequense = \"allow\"\n",
    )
    .unwrap();
    let out = claimlint(root, &["check"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("error: no rule `visit-sequense` is loaded (did you mean `visit-sequence`?)\n --> claimlint.toml:2:18"),
        "{}",
        stderr(&out)
    );
    fs::write(
        root.join("claimlint.toml"),
        "[[ignore]]\nrule = \"variant\"\nreason = \"\"\n",
    )
    .unwrap();
    let out = claimlint(root, &["check"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("error: an ignore entry needs a `reason`\n --> claimlint.toml:1:1"),
        "{}",
        stderr(&out)
    );
    fs::write(root.join("claimlint.toml"), "fail-on = \"sometimes\"\n").unwrap();
    let out = claimlint(root, &["check"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("claimlint.toml:1:11"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn explain_rules_and_statistics() {
    let out = claimlint(repo(), &["explain", "visit-sequence"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(text.starts_with("visit-sequence: "), "{text}");
    assert!(text.contains("kind: sequence"), "{text}");
    assert!(text.contains("Example:"), "{text}");
    let out = claimlint(repo(), &["explain", "visit-sequense"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("did you mean `visit-sequence`"));
    let out = claimlint(repo(), &["rules"]);
    let text = stdout(&out);
    assert!(
        text.lines()
            .any(|l| l.starts_with("check      visit-sequence")
                && l.contains("sequence")
                && l.contains("error")
                && l.contains("rules/visits.toml")),
        "{text}"
    );
    let out = claimlint(
        repo(),
        &["check", "--isolated", "--format", "concise", "--statistics"],
    );
    let text = stdout(&out);
    assert!(text.contains("    2  missing-date\n"), "{text}");
}

#[test]
fn a_severity_override_never_raises_a_finding_that_rests_on_a_guess() {
    let run = |case: &str| {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir(root.join("corpus")).unwrap();
        for name in ["a.txt", "b.txt"] {
            let from = repo().join("tests/fixtures/checks").join(case).join(name);
            fs::copy(from, root.join("corpus").join(name)).unwrap();
        }
        let config = format!(
            "rules = [{:?}, {:?}]\n\n[severity]\nvisit-sequence = \"deny\"\nvisit-enumeration = \"deny\"\n",
            repo().join("rules").display().to_string(),
            repo()
                .join("tests/fixtures/gazetteer.toml")
                .display()
                .to_string()
        );
        fs::write(root.join("claimlint.toml"), config).unwrap();
        let out = claimlint(root, &["check", "--format", "concise"]);
        (out.status.code(), stdout(&out))
    };
    // Resting on a guessed host, the findings stay notes.
    let (code, text) = run("sequence-guessed");
    assert!(
        text.contains("b.txt:2:27: note[visit-sequence]")
            && text.contains("b.txt:2:71: note[visit-enumeration]"),
        "{text}"
    );
    assert_eq!(code, Some(0), "{text}");
    // Sure, they are raised to errors.
    let (code, text) = run("sequence-topic");
    assert!(
        text.contains("b.txt:2:27: error[visit-sequence]")
            && text.contains("b.txt:2:71: error[visit-enumeration]"),
        "{text}"
    );
    assert_eq!(code, Some(1), "{text}");
}
