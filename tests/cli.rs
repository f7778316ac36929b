//! The `claimlint` binary end to end: output, formats and exit codes.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimlint"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("claimlint runs")
}

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn claims_on_the_bundled_corpus_by_default() {
    let out = run(repo(), &["claims"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.lines().all(|l| l.starts_with("corpus/")), "{text}");
    assert!(
        text.contains("visit/bagheri/pakistan = ordinal 3"),
        "{text}"
    );
    // Each article's facts first: its date and how it was found, its dateline.
    assert!(
        text.contains(
            "corpus/000_1a37b29f9e76baac.txt: date 2021-04-07 (from the date marker, line 1); dateline TEHRAN = tehran, line 1\n"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "corpus/003_ae1cc4aba988a14c.txt: no date; dateline TEHRAN = tehran, line 1\n"
        ),
        "{text}"
    );
    // Claims sorted by article, then offset.
    let positions: Vec<(String, usize, usize)> = text
        .lines()
        .filter(|l| !l.contains(".txt: "))
        .map(|l| {
            let mut parts = l.splitn(4, ':');
            let path = parts.next().unwrap().to_string();
            let line = parts.next().unwrap().parse().unwrap();
            let col = parts.next().unwrap().parse().unwrap();
            (path, line, col)
        })
        .collect();
    let mut sorted = positions.clone();
    sorted.sort();
    assert_eq!(positions, sorted);
}

#[test]
fn json_carries_articles_dates_and_claims() {
    let out = run(repo(), &["claims", "--format", "json", "corpus"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(doc["version"], 2);
    let articles = doc["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 5);
    assert_eq!(articles[0]["date"], "2021-04-07");
    assert_eq!(articles[0]["date_source"]["carrier"], "marker");
    assert_eq!(articles[0]["date_source"]["span"]["line"], 1);
    assert_eq!(articles[4]["dateline"]["place"], "TEHRAN");
    assert_eq!(articles[4]["dateline"]["line"], 6);
    assert!(articles[3]["date"].is_null());
    let claim = articles[2]["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["value"]["type"] == "ordinal")
        .expect("an ordinal claim in 002");
    assert_eq!(claim["key"], "visit/bagheri/pakistan");
    assert_eq!(claim["value"]["value"], 3);
    assert_eq!(claim["when"]["date"]["end"], "2025-01-19");
    assert_eq!(claim["modality"]["mood"], "reported");
}

#[test]
fn broken_rules_are_all_reported_at_their_position_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let rules = "\
[[kind]]
id = \"person\"

[[kind]]
id = \"city\"

[[entity]]
id = \"baku\"
kind = \"city\"
name = \"Baku\"
part-of = \"azerbaijn\"

[[extractor]]
id = \"a\"
patern = 'x'
key = \"a\"

[[extractor]]
id = \"b\"
pattern = '{who:person} (visited'
key = \"b/{who}\"
";
    fs::write(dir.path().join("bad.toml"), rules).unwrap();
    let out = run(repo(), &["claims", "--rules", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    let errors: Vec<&str> = err.lines().filter(|l| l.starts_with("error: ")).collect();
    assert_eq!(errors.len(), 4, "{err}");
    assert!(
        errors[0].starts_with("error: unknown entity `azerbaijn`"),
        "{err}"
    );
    assert!(
        errors[1].contains("unknown field `patern`")
            && errors[1].ends_with("(did you mean `pattern`?)"),
        "{err}"
    );
    assert_eq!(errors[2], "error: invalid regex: unclosed group");
    assert_eq!(
        errors[3],
        "error: 3 problem(s) in the rules; nothing was checked"
    );
    for (position, underline) in [
        ("bad.toml:11:11", "^^^^^^^^^^^"),
        ("bad.toml:15:1", "^^^^^^"),
        ("bad.toml:20:25", "^"),
    ] {
        assert!(
            err.contains(&format!("--> {}/{position}", dir.path().display())),
            "{position}: {err}"
        );
        assert!(err.contains(underline), "{err}");
    }
    assert!(stdout(&out).is_empty());
}

#[test]
fn a_check_naming_an_unknown_extractor_is_a_rule_error() {
    let dir = tempfile::tempdir().unwrap();
    let rules = "\
[[extractor]]
id = \"length\"
pattern = '(?P<n>[0-9]+) km'
key = \"length\"

[[check]]
id = \"one-length\"
kind = \"agree\"
keys = \"length\"
extractors = [\"length\", \"lenght\"]
value = \"quantity\"
";
    fs::write(dir.path().join("r.toml"), rules).unwrap();
    let out = run(repo(), &["rules", "--rules", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains(
            "error: check `one-length` names extractor `lenght`, which is not declared (did you mean `length`?)"
        ),
        "{err}"
    );
    assert!(err.contains("r.toml:10:25"), "{err}");
}

#[test]
fn a_date_or_day_of_event_capture_of_the_wrong_type_is_a_rule_error() {
    let dir = tempfile::tempdir().unwrap();
    let rules = "\
[[extractor]]
id = \"tour\"
pattern = '{n:ordinal} tour (?:on|from) {d:duration}'
key = \"tour\"
date = \"n\"
day-of-event = \"d\"

[[extractor]]
id = \"day\"
pattern = 'day {w:date} of the {d:date-range} tour'
key = \"day\"
date = \"d\"
day-of-event = \"w\"
";
    fs::write(dir.path().join("r.toml"), rules).unwrap();
    let out = run(repo(), &["rules", "--rules", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    // A duration names the day it ends on, a range of days dates its first: those are fine.
    assert!(
        err.contains("date capture `n` must be typed `date` or `date-range`")
            && err.contains("day-of-event capture `w` must be typed `ordinal` or `duration`")
            && err.matches("must be typed").count() == 2,
        "{err}"
    );
}

#[test]
fn a_description_naming_an_unknown_kind_is_a_rule_error_at_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let rules = "\
[[kind]]
id = \"country\"

[[kind]]
id = \"person\"
definite = '\\bthe\\s+{contry}\\s+general\\b'

[[kind]]
id = \"city\"
anaphora = '\\bthe\\s+{country}\\s+capital(\\b'
";
    fs::write(dir.path().join("r.toml"), rules).unwrap();
    let out = run(repo(), &["rules", "--rules", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("error: unknown kind `contry` (did you mean `country`?)"),
        "{err}"
    );
    assert!(err.contains("r.toml:6:21"), "{err}");
    // A syntax error after a placeholder is reported where it is written.
    assert!(err.contains("r.toml:10:40"), "{err}");
}

#[test]
fn a_byline_place_of_an_unknown_kind_is_a_rule_error_at_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let rules = "\
[[kind]]
id = \"city\"

[[byline]]
id = \"dateline-title\"
kind = \"dateline\"
pattern = '^(?P<place>[A-Z][a-z]+):'
known-place = \"cty\"
";
    fs::write(dir.path().join("r.toml"), rules).unwrap();
    let out = run(repo(), &["rules", "--rules", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("error: unknown kind `cty` (did you mean `city`?)"),
        "{err}"
    );
    assert!(err.contains("r.toml:8:15"), "{err}");
}

#[test]
fn a_bad_article_is_named_and_the_others_still_reported() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("a_good.txt"),
        "date 2024-05-02\nBagheri's third trip to Pakistan began.",
    )
    .unwrap();
    fs::write(dir.path().join("b_bad_date.txt"), "date 2021-02-30\nText.").unwrap();
    fs::write(dir.path().join("c_binary.txt"), b"ok \xff\xfe bytes").unwrap();
    let corpus = dir.path().to_str().unwrap();
    let rules = repo().join("rules");
    let out = run(
        repo(),
        &[
            "claims",
            "--rules",
            rules.to_str().unwrap(),
            corpus,
            "no/such/path",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("b_bad_date.txt:1:6: `2021-02-30` is not a calendar date"),
        "{err}"
    );
    assert!(
        err.contains("c_binary.txt: not UTF-8 text: invalid byte at offset 3"),
        "{err}"
    );
    assert!(err.contains("no/such/path"), "{err}");
    assert!(
        stdout(&out).contains("a_good.txt:2:1: visit/bagheri/pakistan = ordinal 3"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn front_matter_dates_articles_added_later() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("new.md"),
        "+++\ndate = 2021-10-16\nsource = \"Mehr\"\n+++\nAt the end of his second official visit to Pakistan, which ended on Friday evening, Baqeri spoke.\n",
    )
    .unwrap();
    let rules = repo().join("rules");
    let out = run(
        dir.path(),
        &["claims", "--rules", rules.to_str().unwrap(), "."],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("visit/bagheri/pakistan = ordinal 2 when 2021-10-15"),
        "{text}"
    );
}

#[test]
fn rules_lists_the_extractors() {
    let out = run(repo(), &["rules"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(text.contains("visit-ordinal"), "{text}");
    assert!(text.contains("key visit/{visitor}/{host}"), "{text}");
}

#[test]
fn usage_errors_exit_2() {
    let out = run(repo(), &["claims", "--format", "yaml"]);
    assert_eq!(out.status.code(), Some(2));
    let out = run(repo(), &["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn check_on_the_corpus_exits_1_and_matches_its_snapshot() {
    let out = run(repo(), &["check", "--color", "never"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let report = stdout(&out);
    assert!(
        !report.contains('\u{1b}'),
        "no colour codes when asked for none"
    );
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| insta::assert_snapshot!("check__corpus", report));
}

#[test]
fn check_exits_0_without_errors_and_colours_on_request() {
    let case = repo().join("tests/fixtures/checks/variant-fires");
    let gazetteer = repo().join("tests/fixtures/gazetteer.toml");
    let args = |color: &'static str| {
        vec![
            "check".to_string(),
            "--rules".into(),
            "rules".into(),
            "--rules".into(),
            gazetteer.display().to_string(),
            "--color".into(),
            color.into(),
            case.display().to_string(),
        ]
    };
    let plain = Command::new(env!("CARGO_BIN_EXE_claimlint"))
        .args(args("never"))
        .current_dir(repo())
        .output()
        .unwrap();
    // A warning only: exit 0.
    assert_eq!(plain.status.code(), Some(0), "{}", stderr(&plain));
    assert!(stdout(&plain).contains("warning[variant]"));
    assert!(
        stdout(&plain).ends_with("1 article: 0 errors, 1 warning, 0 notes\n"),
        "{}",
        stdout(&plain)
    );
    let coloured = Command::new(env!("CARGO_BIN_EXE_claimlint"))
        .args(args("always"))
        .current_dir(repo())
        .output()
        .unwrap();
    assert!(
        stdout(&coloured).contains('\u{1b}'),
        "colour codes with --color always"
    );
    let auto = Command::new(env!("CARGO_BIN_EXE_claimlint"))
        .args(args("auto"))
        .env("NO_COLOR", "1")
        .current_dir(repo())
        .output()
        .unwrap();
    assert!(!stdout(&auto).contains('\u{1b}'));
}

#[test]
fn check_exits_2_on_bad_rules_or_unreadable_input() {
    let out = run(repo(), &["check", "--rules", "no/such/rules"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no/such/rules"), "{}", stderr(&out));
    let out = run(repo(), &["check", "corpus", "no/such/article.txt"]);
    assert_eq!(out.status.code(), Some(2));
    // The readable articles are still checked and reported.
    assert!(
        stdout(&out).contains("error[visit-sequence]"),
        "{}",
        stdout(&out)
    );
}
