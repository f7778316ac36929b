//! Broken input never crashes the run or hides the findings of good articles, and the
//! output is the same bytes whatever the thread count, the run, or the order in which the
//! files were created. docs/robustness.md lists each case and its test.

use std::fs;
use std::path::Path;

mod common;

use common::{claimlint, rules_dir as rules};

/// Every kind of broken article, and two good ones that contradict each other.
fn broken_corpus(dir: &Path) {
    let c = dir.join("corpus");
    fs::create_dir_all(c.join("sub")).unwrap();
    let files: Vec<(&str, Vec<u8>)> = vec![
        (
            "good_a.txt",
            b"date 2024-06-05\nIran and Pakistan share a 909-kilometer border.\n".to_vec(),
        ),
        (
            "good_b.txt",
            b"date 2024-06-06\nIran and Pakistan guard their 959 km border.\n".to_vec(),
        ),
        (
            "bad_utf8.txt",
            b"date 2024-06-06\nIran and Pakistan \xff\xfe share a border.\n".to_vec(),
        ),
        ("utf16.txt", {
            let mut bytes = vec![0xFF, 0xFE];
            bytes.extend(
                "date 2024-06-06\nIran"
                    .encode_utf16()
                    .flat_map(u16::to_le_bytes),
            );
            bytes
        }),
        (
            "bom.txt",
            b"\xef\xbb\xbfdate 2024-06-07\nMunir visited Iran in July 2018.\n".to_vec(),
        ),
        ("binary.txt", b"PK\x03\x04\x00\x00binary".to_vec()),
        ("empty.txt", Vec::new()),
        (
            "crlf.txt",
            b"date 2024-06-08\r\nMunir visited Iran in July 2019.\r\n".to_vec(),
        ),
        ("impossible_day.txt", b"date 2021-02-30\nText.\n".to_vec()),
        (
            "impossible_month.md",
            b"+++\ndate = 2021-13-01\n+++\nText.\n".to_vec(),
        ),
        ("far_year.txt", b"date 3021-01-01\nText.\n".to_vec()),
        ("unclosed.md", b"+++\ndate = 2021-01-01\nText.\n".to_vec()),
        ("long_line.txt", {
            let mut bytes = b"date 2024-01-01\n".to_vec();
            bytes.extend(std::iter::repeat_n(b'x', 1_000_000));
            bytes
        }),
    ];
    for (name, bytes) in files {
        fs::write(c.join(name), bytes).unwrap();
    }
    // Past the 4 GiB an article may have; sparse, so it costs no disk.
    fs::File::create(c.join("huge.txt"))
        .unwrap()
        .set_len(u64::from(u32::MAX) + 1)
        .unwrap();
    std::os::unix::fs::symlink("loop.txt", c.join("loop.txt")).unwrap();
    std::os::unix::fs::symlink("..", c.join("sub/up")).unwrap();
}

#[test]
fn broken_articles_are_named_and_good_findings_still_reported() {
    let dir = tempfile::tempdir().unwrap();
    broken_corpus(dir.path());
    let out = claimlint(
        dir.path(),
        &[
            "check",
            "--isolated",
            "--rules",
            &rules(),
            "--format",
            "concise",
            "corpus",
            "no/such/path",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(2),
        "input errors make the run untrusted"
    );
    let err = String::from_utf8(out.stderr).unwrap();
    for expected in [
        "corpus/bad_utf8.txt: not UTF-8 text: invalid byte at offset 34",
        "corpus/utf16.txt: UTF-16 text (byte-order mark); save the article as UTF-8",
        "corpus/binary.txt: binary file (NUL byte at offset 4), not an article",
        "corpus/empty.txt: empty article: nothing to check",
        "corpus/huge.txt: 4294967296 bytes: larger than the 4294967295 bytes an article may have",
        "corpus/impossible_day.txt:1:6: `2021-02-30` is not a calendar date (expected YYYY-MM-DD)",
        "corpus/impossible_month.md:2:8: front matter: invalid date, expected month between 01 and 12",
        "corpus/far_year.txt:1:6: `3021-01-01` is out of range",
        "corpus/unclosed.md:1:1: front matter opened with `+++` is never closed",
        "corpus/loop.txt: ",
        "no/such/path: No such file or directory",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("corpus/good_b.txt:2:31: error[border-length]"),
        "{text}"
    );
    // The byte-order mark and the CRLF line endings are read as the text they are.
    let claims = claimlint(
        dir.path(),
        &[
            "claims",
            "--isolated",
            "--rules",
            &rules(),
            "corpus/bom.txt",
            "corpus/crlf.txt",
        ],
    );
    let claims = String::from_utf8(claims.stdout).unwrap();
    assert!(
        claims.contains("bom.txt:2:1: visit/munir/iran = mention when 2018-07"),
        "{claims}"
    );
    assert!(
        claims.contains("crlf.txt:2:1: visit/munir/iran = mention when 2019-07"),
        "{claims}"
    );
}

fn check_output(dir: &Path, threads: &str) -> Vec<u8> {
    let out = claimlint(
        dir,
        &[
            "check",
            "--isolated",
            "--rules",
            &rules(),
            "--color",
            "never",
            "--threads",
            threads,
            "corpus",
        ],
    );
    assert_ne!(out.status.code(), Some(101));
    [out.stdout, out.stderr].concat()
}

#[test]
fn output_is_byte_identical_across_threads_runs_and_creation_order() {
    let forward = tempfile::tempdir().unwrap();
    let backward = tempfile::tempdir().unwrap();
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut names: Vec<_> = fs::read_dir(&seeds)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    for (dir, order) in [
        (&forward, names.clone()),
        (&backward, names.iter().rev().cloned().collect()),
    ] {
        fs::create_dir(dir.path().join("corpus")).unwrap();
        for name in order {
            fs::copy(seeds.join(&name), dir.path().join("corpus").join(&name)).unwrap();
        }
    }
    // The broken corpus too: its errors come in the same order every time.
    let broken = tempfile::tempdir().unwrap();
    broken_corpus(broken.path());
    let first = check_output(broken.path(), "1");
    assert_eq!(first, check_output(broken.path(), "4"));
    assert_eq!(first, check_output(broken.path(), "2"));

    let one = check_output(forward.path(), "1");
    assert!(!one.is_empty());
    assert_eq!(one, check_output(forward.path(), "4"));
    assert_eq!(one, check_output(forward.path(), "4"));
    assert_eq!(one, check_output(backward.path(), "3"));
}

fn rules_dir_with(extra: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in fs::read_dir(rules()).unwrap() {
        let entry = entry.unwrap();
        fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
    }
    fs::write(dir.path().join("zz-extra.toml"), extra).unwrap();
    dir
}

/// What `claimlint rules` says of the shipped rules with `extra` added as a file of its
/// own, which it must refuse (exit 2).
fn refused_rules(extra: &str) -> String {
    let rules = rules_dir_with(extra);
    let out = claimlint(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &["rules", "--rules", rules.path().to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(2));
    String::from_utf8(out.stderr).unwrap()
}

#[test]
fn a_regex_beyond_the_size_limit_is_a_rule_error() {
    let err = refused_rules(
        "[[extractor]]\nid = \"huge\"\npattern = '(?:\\w{50}\\s){60}'\nkey = \"huge\"\n",
    );
    assert!(
        err.contains("extractor `huge`: ") && err.contains("size limit"),
        "{err}"
    );
    assert!(err.contains("zz-extra.toml:3:12"), "{err}");
}

#[test]
fn not_followed_by_expands_fragments_and_refuses_captures() {
    let err = refused_rules(
        "[fragment]\nafter-noun = '\\s+abroad'\n\n[[extractor]]\nid = \"ok\"\npattern = 'trip'\nnot-followed-by = '{after-noun}'\nkey = \"trip\"\n\n[[extractor]]\nid = \"captures\"\npattern = 'tour'\nnot-followed-by = '\\s+to\\s+{where:country}'\nkey = \"tour\"\n",
    );
    assert!(err.contains("captures nothing"), "{err}");
    assert!(err.contains("zz-extra.toml:13:20"), "{err}");
    assert!(err.contains("1 problem(s)"), "{err}");
}

#[test]
fn away_names_a_slot_of_the_key() {
    let err = refused_rules(
        "[[extractor]]\nid = \"met\"\npattern = 'met {who:person} in {where:country}'\nkey = \"met/{who}/{where}\"\naway = \"whom\"\n",
    );
    assert!(
        err.contains("`away` names `whom`, which is no slot of the key"),
        "{err}"
    );
    assert!(err.contains("zz-extra.toml:5:8"), "{err}");
}

#[test]
fn each_names_a_list_capture_of_the_key() {
    let err = refused_rules(
        "[[extractor]]\nid = \"went\"\npattern = 'visited {where:country}'\nkey = \"went/{where}\"\neach = \"where\"\n\n[[extractor]]\nid = \"toured\"\npattern = 'toured {where:country+}'\nkey = \"toured\"\neach = \"where\"\n",
    );
    assert!(
        err.contains("`each` names `where`, which is no list capture (`{where:kind+}`) of the key"),
        "{err}"
    );
    assert!(err.contains("zz-extra.toml:5:8"), "{err}");
    assert!(err.contains("zz-extra.toml:11:8"), "{err}");
    assert!(err.contains("2 problem(s)"), "{err}");
}

#[test]
fn a_runaway_extractor_is_capped_with_one_warning() {
    let rules = rules_dir_with(
        "[[extractor]]\nid = \"every-word\"\npattern = '\\b[a-z]+\\b'\nkey = \"word\"\n",
    );
    let dir = tempfile::tempdir().unwrap();
    // Many lines after the cap: it is reported once, not once per line searched after it.
    let line = format!("{}.\n", "word ".repeat(100).trim_end());
    fs::write(
        dir.path().join("a.txt"),
        format!("date 2024-01-01\n{}", line.repeat(300)),
    )
    .unwrap();
    let out = claimlint(
        dir.path(),
        &[
            "check",
            "--isolated",
            "--rules",
            rules.path().to_str().unwrap(),
            "--format",
            "concise",
            "a.txt",
        ],
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("a.txt:1:1: warning[claim-limit] extractor `every-word` stopped after 10000 matches in this article"),
        "{text}"
    );
    assert_eq!(text.matches("warning[claim-limit]").count(), 1, "{text}");
    assert_eq!(
        out.status.code(),
        Some(0),
        "a warning does not fail the run"
    );
}

#[test]
fn overflowing_numbers_give_no_claim_and_no_panic() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("a.txt"),
        "date 2024-01-01\nIran and Pakistan share a 1000000000000000000000000000000-km border. It is Munir's 99999999999999999999th visit to Iran.\n",
    )
    .unwrap();
    let out = claimlint(
        dir.path(),
        &["claims", "--isolated", "--rules", &rules(), "a.txt"],
    );
    assert_eq!(out.status.code(), Some(0));
    // The article's own line, and no claim.
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "a.txt: date 2024-01-01 (from the date marker, line 1)\n"
    );
}

#[test]
fn wide_spaces_and_many_descriptions_give_no_panic_and_stay_linear() {
    let dir = tempfile::tempdir().unwrap();
    // A no-break space, a thin space and an ideographic space well before an office's
    // words: the search window around them starts at a character's edge.
    fs::write(
        dir.path().join("a.txt"),
        "date 2024-03-01\nOfficials said\u{a0}on Monday\u{2009}that after long and difficult talks\u{3000}in the capital the president of Chad arrived in Madrid.\n",
    )
    .unwrap();
    // An article that is one description repeated: read in bounded time.
    fs::write(
        dir.path().join("b.txt"),
        format!(
            "date 2024-03-01\n{}\n",
            "The president of Chad spoke. ".repeat(20_000)
        ),
    )
    .unwrap();
    let out = claimlint(
        dir.path(),
        &[
            "claims",
            "--isolated",
            "--rules",
            &rules(),
            "a.txt",
            "b.txt",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let claims = String::from_utf8(out.stdout).unwrap();
    assert!(
        claims.starts_with("a.txt: date 2024-03-01") && claims.contains("\nb.txt: date"),
        "{claims}"
    );
}
