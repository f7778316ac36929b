//! Articles as real corpora hold them: dates printed in the page, YAML and TOML front
//! matter, JSON Lines files, and a corpus walk that respects the repository, with ids that
//! are the same however a run names the articles.

use std::fs;
use std::path::Path;

mod common;

use common::{claimlint, rules_dir as rules};

fn write(dir: &Path, files: &[(&str, &str)]) {
    for (name, text) in files {
        let path = dir.join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// A configuration naming the shipped rules and the test gazetteer (Sergei Petrov, Chad,
/// Niger …), written into a scratch corpus repository.
fn config(dir: &Path, extra: &str) {
    let rules = rules();
    let gazetteer = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/gazetteer.toml");
    fs::write(
        dir.join("claimlint.toml"),
        format!("corpus = [\"corpus\"]\nrules = [{rules:?}, {gazetteer:?}]\n{extra}"),
    )
    .unwrap();
}

#[test]
fn dates_printed_in_the_page_are_read_and_said_where() {
    let dir = tempfile::tempdir().unwrap();
    config(dir.path(), "");
    write(
        dir.path(),
        &[
            (
                "corpus/byline.txt",
                "Ministers meet in Lyon\nPublished June 14, 2022\nPetrov arrived in Chad on Tuesday.\n",
            ),
            (
                "corpus/updated.txt",
                "Ministers meet in Lyon\nJune 10, 2022 | 10:05 AM\nThe talks went on.\nLast Updated: June 12, 2022\n",
            ),
            (
                "corpus/dateline.txt",
                "LYON, Oct 12 (Example Wire) - Petrov arrived in Chad on Tuesday.\n",
            ),
            ("corpus/bare.txt", "Petrov arrived in Chad on Tuesday.\n"),
        ],
    );
    let out = claimlint(dir.path(), &["claims"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let claims = text(&out.stdout);
    for line in [
        "corpus/byline.txt: date 2022-06-14 (read from the byline `Published June 14, 2022`, line 2)",
        "corpus/updated.txt: date 2022-06-10 (read from the date line `June 10, 2022 | 10:05 AM`, line 2)",
        "corpus/dateline.txt: no date, --10-12 of a year unknown (read from the dateline `LYON, Oct 12 (Example Wire) -`, line 1; it prints no year); dateline LYON, line 1",
        "corpus/bare.txt: no date",
    ] {
        assert!(
            claims.contains(&format!("{line}\n")),
            "{line}\nin:\n{claims}"
        );
    }
    // The relative date of the byline article is resolved against the date read.
    assert!(
        claims.contains("\"Tuesday\" is the Tuesday on or before the article date 2022-06-14"),
        "{claims}"
    );

    let out = claimlint(dir.path(), &["check", "--format", "concise"]);
    let report = text(&out.stdout);
    let missing: Vec<&str> = report
        .lines()
        .filter(|l| l.contains("[missing-date]"))
        .collect();
    assert_eq!(missing.len(), 2, "{report}");
    assert!(missing.iter().any(|l| l.starts_with("corpus/bare.txt")));
    assert!(missing.iter().any(|l| l.starts_with("corpus/dateline.txt")));
    // Dates read from the page are a note, on the line they were read from.
    assert!(
        report.contains("corpus/byline.txt:2:1: note[inferred-date] publication date 2022-06-14 read from the page, not declared"),
        "{report}"
    );

    // The undated dateline article says why in the human report.
    let out = claimlint(
        dir.path(),
        &["check", "--color", "never", "corpus/dateline.txt"],
    );
    let human = text(&out.stdout);
    assert!(
        human.contains("= note: the page prints `LYON, Oct 12 (Example Wire) -` (line 1), but no publication day can be read from it: it prints no year"),
        "{human}"
    );

    // The JSON document carries the same facts as data.
    let out = claimlint(dir.path(), &["claims", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let byline = doc["articles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "byline.txt")
        .unwrap();
    assert_eq!(byline["date"], "2022-06-14");
    assert_eq!(byline["date_source"]["carrier"], "page");
    assert_eq!(byline["date_source"]["rule"], "byline-published");
    assert_eq!(byline["date_source"]["span"]["line"], 2);
}

#[test]
fn front_matter_yaml_and_toml_with_datetimes() {
    let dir = tempfile::tempdir().unwrap();
    config(dir.path(), "");
    write(
        dir.path(),
        &[
            (
                "corpus/yaml.md",
                "---\ntitle: \"Talks: day two\"\ndate: 2022-06-14T23:30:00-04:00\ntags: [trade]\n---\nPetrov arrived in Chad on Tuesday.\n",
            ),
            (
                "corpus/toml.md",
                "+++\ndate = 2022-06-15T08:00:00+02:00\nurl = \"https://example.org/a\"\n+++\nPetrov arrived in Chad on Tuesday.\n",
            ),
            (
                "corpus/broken.md",
                "---\ntitle: a\ndate: [2022, 6\n---\nPetrov arrived in Chad on Tuesday.\n",
            ),
        ],
    );
    let out = claimlint(dir.path(), &["claims"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "a broken block makes the run untrusted"
    );
    let claims = text(&out.stdout);
    assert!(
        claims.contains("corpus/yaml.md: date 2022-06-14 (from the front matter's `date`, line 3 (UTC offset -04:00))\n"),
        "{claims}"
    );
    assert!(
        claims.contains("corpus/toml.md: date 2022-06-15 (from the front matter's `date`, line 2 (UTC offset +02:00))\n"),
        "{claims}"
    );
    // The broken article is named at its line, and still read as undated text.
    let err = text(&out.stderr);
    assert!(
        err.contains("corpus/broken.md:3:15: front matter: while parsing a flow sequence"),
        "{err}"
    );
    assert!(err.contains("the article is read as undated text"), "{err}");
    assert!(claims.contains("corpus/broken.md: no date\n"), "{claims}");
    assert!(
        claims.contains("corpus/broken.md:5:1: visit/petrov/chad"),
        "{claims}"
    );
}

#[test]
fn json_lines_corpora() {
    let dir = tempfile::tempdir().unwrap();
    config(dir.path(), "[jsonl]\nid = [\"guid\", \"url\"]\n");
    let records = [
        r#"{"guid": "a1", "date": "2024-06-05", "title": "Border", "text": "Chad and Niger share a 909-kilometer border."}"#,
        r#"{"guid": "a2", "text": 7}"#,
        r#"{"guid": "a3", "published": "2024-06-06T10:00:00Z", "text": "Intro.\nChad and Niger guard their 959 km border."}"#,
        r#"{"url": "https://example.org/x", "text": "Petrov arrived in Chad on Tuesday."}"#,
    ];
    write(
        dir.path(),
        &[("corpus/feed.jsonl", &(records.join("\n") + "\n"))],
    );
    let out = claimlint(dir.path(), &["check", "--color", "never"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stdout));
    let err = text(&out.stderr);
    assert!(
        err.contains("corpus/feed.jsonl:2:1: the record's `text` is not a string"),
        "{err}"
    );
    let report = text(&out.stdout);
    // Positions and snippets are in the record's text.
    assert!(report.contains("--> corpus/feed.jsonl#a3:2:"), "{report}");
    assert!(
        report.contains("Chad and Niger guard their 959 km border."),
        "{report}"
    );
    assert!(
        report.contains("corpus/feed.jsonl#https://example.org/x"),
        "{report}"
    );
    assert!(report.contains("no date field in this record"), "{report}");
    // Annotations go to the record's line of the file.
    let out = claimlint(dir.path(), &["check", "--format", "github"]);
    let github = text(&out.stdout);
    assert!(
        github.contains("file=corpus/feed.jsonl,line=3,col=1,endLine=3,endColumn=1,title=claimlint border-length::feed.jsonl#a3 2:"),
        "{github}"
    );
    let out = claimlint(dir.path(), &["check", "--format", "sarif"]);
    let sarif: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let location = &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], "corpus/feed.jsonl");
    assert_eq!(location["region"]["startLine"], 3);
}

#[test]
fn the_walk_respects_ignore_files_extensions_and_excludes() {
    let dir = tempfile::tempdir().unwrap();
    config(
        dir.path(),
        "extensions = [\"txt\", \"news\"]\nexclude = [\"drafts\", \"wire/*.old.txt\"]\n",
    );
    let body = "date 2024-06-05\nPetrov arrived in Chad on Tuesday.\n";
    write(
        dir.path(),
        &[
            ("corpus/.gitignore", "generated/\n"),
            ("corpus/.ignore", "*.tmp.txt\n"),
            ("corpus/a.txt", body),
            ("corpus/b.news", body),
            ("corpus/c.md", body),
            ("corpus/generated/d.txt", body),
            ("corpus/e.tmp.txt", body),
            ("corpus/drafts/f.txt", body),
            ("corpus/2024/drafts/g.txt", body),
            ("corpus/wire/h.old.txt", body),
            ("corpus/wire/i.txt", body),
            ("corpus/.hidden.txt", body),
        ],
    );
    // `.gitignore` is read in a repository, as git reads it.
    let git = std::process::Command::new("git")
        .args(["init", "-q"])
        .current_dir(dir.path())
        .status()
        .unwrap();
    assert!(git.success());
    let read = |args: &[&str]| -> Vec<String> {
        let out = claimlint(dir.path(), args);
        text(&out.stdout)
            .lines()
            .filter(|l| l.contains(": date "))
            .map(|l| l.split(": ").next().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        read(&["claims"]),
        ["corpus/a.txt", "corpus/b.news", "corpus/wire/i.txt"]
    );
    // A file named on the command line is read whatever the rules of the walk; named
    // twice, once through its folder, it is read once.
    assert_eq!(
        read(&["claims", "corpus/drafts/f.txt"]),
        ["corpus/drafts/f.txt"]
    );
    assert_eq!(
        read(&["claims", "corpus/wire", "corpus/wire/i.txt"]),
        ["corpus/wire/i.txt"]
    );
    // An excluded folder stays excluded when a run names it, or lists what is in it.
    let out = claimlint(dir.path(), &["claims", "corpus/drafts"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stdout));
    fs::write(
        dir.path().join("list.txt"),
        "corpus/drafts/f.txt\ncorpus/a.txt\nREADME.md\ncorpus/c.md\n",
    )
    .unwrap();
    fs::write(dir.path().join("README.md"), "Notes.\n").unwrap();
    let out = claimlint(dir.path(), &["claims", "--files-from", "list.txt"]);
    assert_eq!(
        text(&out.stdout)
            .lines()
            .filter(|l| l.contains(": date "))
            .count(),
        1
    );
    // What lies outside the corpus is left out, and said.
    assert!(
        text(&out.stderr)
            .contains("1 listed file lies outside the corpus (`corpus`) and was left out"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn a_gitignore_outside_the_repository_does_not_hide_the_corpus() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), &[(".gitignore", "*.txt\n")]);
    let project = dir.path().join("project");
    fs::create_dir(&project).unwrap();
    config(&project, "");
    write(
        &project,
        &[("corpus/a.txt", "date 2024-06-05\nPetrov arrived in Chad.\n")],
    );
    let git = std::process::Command::new("git")
        .args(["init", "-q"])
        .current_dir(&project)
        .status()
        .unwrap();
    assert!(git.success());
    let out = claimlint(&project, &["claims"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).starts_with("corpus/a.txt: date 2024-06-05"));
}

#[test]
fn a_run_that_finds_no_article_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    config(dir.path(), "");
    write(dir.path(), &[("corpus/notes.pdf", "x")]);
    let out = claimlint(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "error: no article to check: looked in `corpus` for files ending in .txt, .md, .markdown, .text, .jsonl\n"
    );
    let out = claimlint(dir.path(), &["check", "--files-from", "-"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "an empty list is no article either"
    );
}

#[test]
fn two_articles_with_one_id_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    config(dir.path(), "");
    let body = "date 2024-06-05\nChad and Niger share a 909-kilometer border.\n";
    write(
        dir.path(),
        &[
            ("one/x.txt", body),
            ("two/x.txt", body),
            ("two/y.txt", body),
        ],
    );
    let out = claimlint(dir.path(), &["claims", "one", "two"]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("one/x.txt: article id `x.txt` is claimed by `one/x.txt` and `two/x.txt`"),
        "{err}"
    );
    assert!(text(&out.stdout).contains("two/y.txt: date 2024-06-05"));
}

/// The fingerprinted findings of a run, with the article ids they name.
fn findings(dir: &Path, args: &[&str]) -> Vec<(String, String, String)> {
    let mut full = vec!["check", "--format", "json"];
    full.extend(args);
    let out = claimlint(dir, &full);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["fingerprint"].as_str().unwrap().to_string(),
                d["primary"]["article"].as_str().unwrap().to_string(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn ids_and_fingerprints_do_not_depend_on_how_the_corpus_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    config(d, "");
    write(
        d,
        &[
            (
                "corpus/2024/a.txt",
                "date 2024-06-05\nChad and Niger share a 909-kilometer border.\n",
            ),
            (
                "corpus/2024/b.txt",
                "date 2024-06-06\nChad and Niger guard their 959 km border.\n",
            ),
            (
                "corpus/c.txt",
                "date 2024-06-07\nChad and Niger share a 959-kilometer border.\n",
            ),
            (
                "corpus/feed.jsonl",
                "{\"id\": \"r\", \"date\": \"2024-06-08\", \"text\": \"Chad and Niger share a 909 km border.\"}\n",
            ),
        ],
    );
    let whole = findings(d, &[]);
    assert!(whole.len() >= 2, "{whole:?}");
    // Ids are relative to the corpus root, subfolder included.
    assert!(whole.iter().any(|f| f.1 == "2024/b.txt"), "{whole:?}");
    // By folder and file, from a subfolder.
    assert_eq!(
        findings(d, &["corpus/2024", "corpus/c.txt", "corpus/feed.jsonl"]),
        whole
    );
    // From a list of files.
    fs::write(
        d.join("list.txt"),
        "corpus/2024/a.txt\ncorpus/2024/b.txt\n./corpus/c.txt\ncorpus/feed.jsonl\n",
    )
    .unwrap();
    assert_eq!(findings(d, &["--files-from", "list.txt"]), whole);
    // Extracted in two parts, one of them a subfolder, and checked together.
    let o = claimlint(
        d,
        &[
            "extract",
            "-o",
            "part2.jsonl",
            "corpus/c.txt",
            "corpus/feed.jsonl",
        ],
    );
    assert_eq!(o.status.code(), Some(0));
    let o = claimlint(d, &["extract", "-o", "part1.jsonl", "corpus/2024"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        findings(d, &["--claims", "part1.jsonl", "part2.jsonl"]),
        whole
    );
    // Sharded by key.
    let o = claimlint(d, &["extract", "-o", "shard.jsonl", "--shards", "3"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        findings(
            d,
            &[
                "--claims",
                "shard.0.jsonl",
                "shard.1.jsonl",
                "shard.2.jsonl"
            ]
        ),
        whole
    );
    // From inside the corpus, the configuration found upward.
    assert_eq!(findings(&d.join("corpus"), &[]), whole);
    // Through a link to the repository, with absolute paths.
    let link = tempfile::tempdir().unwrap();
    let linked = link.path().join("repo");
    std::os::unix::fs::symlink(d, &linked).unwrap();
    let sub = linked.join("corpus/2024").display().to_string();
    let rest = linked.join("corpus/c.txt").display().to_string();
    let feed = linked.join("corpus/feed.jsonl").display().to_string();
    assert_eq!(findings(&linked, &[&sub, &rest, &feed]), whole);
}
