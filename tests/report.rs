//! `claimlint report`: the HTML page is well-formed, self-contained, holds every finding
//! with its excerpts and a timeline drawn from the claims, on the seed corpus and on a
//! corpus of another domain; and it renders in a real headless browser.

use roxmltree::{Document, Node, ParsingOptions};
use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Writes the report of `args` run in `dir`; returns its HTML.
fn report(dir: &Path, args: &[&str]) -> (String, PathBuf, tempfile::TempDir) {
    let out = tempfile::tempdir().unwrap();
    let path = out.path().join("report.html");
    let run = Command::new(env!("CARGO_BIN_EXE_claimlint"))
        .arg("report")
        .args(args)
        .arg("-o")
        .arg(&path)
        .current_dir(dir)
        .output()
        .unwrap();
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    (std::fs::read_to_string(&path).unwrap(), path, out)
}

/// The findings `check --format json` reports for the same input: (rule, message).
fn findings(dir: &Path, args: &[&str]) -> Vec<(String, String)> {
    let run = Command::new(env!("CARGO_BIN_EXE_claimlint"))
        .args(["check", "--format", "json"])
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn parse(html: &str) -> Document<'_> {
    Document::parse_with_options(
        html,
        ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        },
    )
    .unwrap_or_else(|e| panic!("the report is not well-formed: {e}"))
}

fn has_class(node: &Node<'_, '_>, class: &str) -> bool {
    node.attribute("class")
        .is_some_and(|c| c.split_whitespace().any(|c| c == class))
}

fn text_of(node: &Node<'_, '_>) -> String {
    node.descendants()
        .filter(|n| n.is_text() && n.parent().is_none_or(|p| p.tag_name().name() != "title"))
        .map(|n| n.text().unwrap_or(""))
        .collect()
}

/// What every report must be: self-contained, links that resolve, every finding present
/// with an excerpt per label, and a timeline with events. Returns the findings' sections.
fn check_structure(html: &str, expected: &[(String, String)]) {
    let doc = parse(html);
    let ids: std::collections::HashSet<&str> = doc
        .descendants()
        .filter_map(|n| n.attribute("id"))
        .collect();
    for node in doc.descendants().filter(|n| n.is_element()) {
        let tag = node.tag_name().name();
        assert!(
            !matches!(tag, "script" | "link" | "iframe" | "img" | "object"),
            "<{tag}> in a self-contained report"
        );
        assert!(node.attribute("src").is_none(), "src= on <{tag}>");
        if let Some(href) = node.attribute("href") {
            let target = href
                .strip_prefix('#')
                .unwrap_or_else(|| panic!("a link out of the page: {href}"));
            assert!(ids.contains(target), "a link to a missing anchor: {href}");
        }
    }
    let style: String = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "style")
        .map(|n| text_of(&n))
        .collect();
    assert!(!style.contains("url(") && !style.contains("@import"));
    let sections: Vec<Node<'_, '_>> = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "section" && has_class(n, "finding"))
        .collect();
    assert_eq!(sections.len(), expected.len(), "every finding, once");
    for (section, (rule, message)) in sections.iter().zip(expected) {
        let heading = text_of(
            &section
                .descendants()
                .find(|n| n.tag_name().name() == "h3")
                .unwrap(),
        );
        assert!(
            heading.contains(rule) && heading.contains(message),
            "{heading}"
        );
        let excerpts = section
            .descendants()
            .filter(|n| n.tag_name().name() == "figure")
            .count();
        assert!(excerpts >= 1, "an excerpt for {rule}: {message}");
    }
    let events = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "rect" && has_class(n, "event"))
        .count();
    assert!(events > 0, "the timeline draws events");
}

/// The lane of `key`: its event labels, and its ordinal labels with their classes and links.
struct LaneView {
    events: Vec<String>,
    ordinals: Vec<(String, bool, Option<String>)>,
}

fn lane(html: &str, key: &str) -> LaneView {
    let doc = parse(html);
    let lane = doc
        .descendants()
        .find(|n| {
            n.tag_name().name() == "g"
                && has_class(n, "lane")
                && n.descendants()
                    .any(|t| has_class(&t, "key") && t.descendants().any(|x| x.text() == Some(key)))
        })
        .unwrap_or_else(|| panic!("no lane for {key}"));
    let events = lane
        .descendants()
        .filter(|n| has_class(n, "event-label"))
        .map(|n| text_of(&n))
        .collect();
    let ordinals = lane
        .descendants()
        .filter(|n| has_class(n, "ordinal"))
        .map(|n| {
            let link = n
                .parent()
                .filter(|p| p.tag_name().name() == "a")
                .and_then(|p| p.attribute("href"))
                .map(str::to_string);
            (text_of(&n), has_class(&n, "conflict"), link)
        })
        .collect();
    LaneView { events, ordinals }
}

#[test]
fn the_seed_corpus_report_shows_the_visit_timeline_and_every_finding() {
    let (html, _, _dir) = report(&repo(), &[]);
    let expected = findings(&repo(), &[]);
    assert!(expected.len() >= 4);
    check_structure(&html, &expected);
    let view = lane(&html, "visit/bagheri/pakistan");
    let dates: Vec<&str> = view
        .events
        .iter()
        .map(|e| e.split(" · ").next().unwrap())
        .collect();
    for month in ["2018-07", "2021-04", "2021-10", "2025-01"] {
        assert!(
            dates.iter().any(|d| d.starts_with(month)),
            "{month} in {dates:?}"
        );
    }
    assert_eq!(dates.len(), 4, "{dates:?}");
    // The "third" of 002 is the conflicting claim, linked to its finding.
    let third = view
        .ordinals
        .iter()
        .find(|(text, _, _)| text.contains("third") && text.contains("002"))
        .unwrap_or_else(|| panic!("{:?}", view.ordinals));
    assert!(third.1, "the third is marked as conflicting");
    let target = third.2.as_deref().unwrap().trim_start_matches('#');
    let doc = parse(&html);
    let finding = doc
        .descendants()
        .find(|n| n.attribute("id") == Some(target))
        .unwrap();
    let text = text_of(&finding);
    assert!(text.contains("visit-sequence"), "{text}");
    // Both sides, each a window of the article with the span marked.
    let marks: Vec<String> = finding
        .descendants()
        .filter(|n| n.tag_name().name() == "mark")
        .map(|n| text_of(&n))
        .collect();
    assert_eq!(marks, ["third", "Tuesday evening"]);
    // The event on the other side of that finding is marked too, and links to it.
    let other: Vec<String> = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "rect" && has_class(n, "other-side"))
        .map(|n| {
            let href = n.parent().and_then(|p| p.attribute("href")).unwrap_or("");
            format!(
                "{} {href}",
                n.descendants().find_map(|t| t.text()).unwrap_or("")
            )
        })
        .collect();
    assert!(
        other
            .iter()
            .any(|o| o.starts_with("2021-04-06") && o.ends_with(&format!("#{target}"))),
        "{other:?}"
    );
}

#[test]
fn a_corpus_of_another_domain_gets_its_own_timelines() {
    let dir = repo().join("tests/fixtures/domains/tennis");
    let args = ["--isolated", "--rules", "rules", "corpus"];
    let (html, _, _dir) = report(&dir, &args);
    let expected = findings(&dir, &args);
    check_structure(&html, &expected);
    let doc = parse(&html);
    let lanes = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "g" && has_class(n, "lane"))
        .count();
    assert!(lanes >= 1);
    // Any ordinal a finding sits on is marked and linked; the others are not.
    let conflicts = doc
        .descendants()
        .filter(|n| has_class(n, "ordinal") && has_class(n, "conflict"))
        .count();
    let linked = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "a" && n.children().any(|c| has_class(&c, "ordinal")))
        .count();
    assert_eq!(conflicts, linked);
    assert!(
        expected.iter().any(|(r, _)| r.contains("sequence")) == (conflicts > 0),
        "ordinals are marked exactly when a sequence finding exists"
    );
}

#[test]
fn text_from_the_articles_is_escaped() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("corpus")).unwrap();
    std::fs::write(
        dir.path().join("corpus/a.txt"),
        "Spelling <script>alert(1)</script> & Raisi met Raeisi.\n",
    )
    .unwrap();
    let args = [
        "--isolated",
        "--rules",
        repo().join("rules").to_str().unwrap().to_string().leak(),
        "corpus",
    ];
    let (html, _, _out) = report(dir.path(), &args);
    parse(&html);
    assert!(!html.contains("<script>"));
    assert!(html.contains("&lt;script&gt;"));
}

/// Pixels of `color` forming a solid block `w`×`h` somewhere in the image.
fn has_block(pixels: &[[u8; 3]], width: usize, color: [u8; 3], w: usize, h: usize) -> bool {
    let height = pixels.len() / width;
    (0..height.saturating_sub(h)).any(|y| {
        (0..width.saturating_sub(w))
            .any(|x| (0..h).all(|dy| (0..w).all(|dx| pixels[(y + dy) * width + x + dx] == color)))
    })
}

#[test]
#[ignore = "needs Debian's chromium; .ci/run installs it and runs the ignored tests"]
fn the_report_renders_in_headless_chromium() {
    let (_, path, dir) = report(&repo(), &[]);
    let shot = dir.path().join("report.png");
    let browser = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|b| {
            Command::new(b)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
        .expect("chromium is installed (apt-get install chromium)");
    let run = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--window-size=1100,1000",
        ])
        .arg(format!("--screenshot={}", shot.display()))
        .arg(format!("file://{}", path.display()))
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&shot).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = info.color_type.samples();
    let pixels: Vec<[u8; 3]> = buf[..info.buffer_size()]
        .chunks(channels)
        .map(|p| [p[0], p[1], p[2]])
        .collect();
    let width = info.width as usize;
    // The events of the timeline: solid marks of the event colour and of the conflict colour.
    assert!(
        has_block(&pixels, width, [0x2f, 0x6d, 0xb5], 3, 10),
        "no event drawn in the timeline"
    );
    assert!(
        has_block(&pixels, width, [0xc0, 0x26, 0x2d], 3, 10),
        "no conflicting event drawn"
    );
    if let Ok(keep) = std::env::var("CLAIMLINT_SCREENSHOT") {
        std::fs::copy(&shot, keep).unwrap();
    }
}
