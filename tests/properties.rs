//! Property tests: every normalizer, the sentence splitter, the line:column map, article
//! parsing and extraction never panic on arbitrary input, and round-trip where defined.

mod common;

use chrono::{Datelike, NaiveDate};
use claimlint::article::{Article, LineIndex};
use claimlint::sentence::sentences;
use claimlint::value::date::{Direction, Precision, parse_date, weekday_name};
use claimlint::value::duration::parse_duration;
use claimlint::value::number::parse_number;
use claimlint::value::ordinal::{ordinal_word, parse_ordinal};
use claimlint::value::quantity::{Unit, parse_quantity};
use proptest::prelude::*;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn any_date() -> impl Strategy<Value = NaiveDate> {
    (1800i32..2200, 1u32..=12, 1u32..=31)
        .prop_filter_map("a real day", |(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
}

fn units() -> Vec<Unit> {
    vec![Unit {
        id: "km".into(),
        names: vec!["km".into(), "kilometres".into()],
        base: "m".into(),
        factor: 1000.0,
    }]
}

/// Text with the characters news articles are made of, and some that they are not.
fn newsy() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[ -~“”‘’—–\u{a0}\n\r\té0-9ÄşığüÜ]{0,200}").unwrap()
}

proptest! {
    #[test]
    fn normalizers_never_panic(text in any::<String>(), anchor in any_date(), future in any::<bool>()) {
        let direction = if future { Direction::Future } else { Direction::Past };
        let _ = parse_ordinal(&text);
        let _ = parse_number(&text);
        let _ = parse_duration(&text);
        let _ = parse_quantity(&text, &units());
        let _ = parse_date(&text, Some(anchor), direction);
        let _ = parse_date(&text, None, direction);
    }

    #[test]
    fn newsy_text_never_panics_the_normalizers(text in newsy(), anchor in any_date()) {
        let _ = parse_ordinal(&text);
        let _ = parse_number(&text);
        let _ = parse_duration(&text);
        let _ = parse_quantity(&text, &units());
        let _ = parse_date(&text, Some(anchor), Direction::Past);
    }

    #[test]
    fn ordinals_round_trip(n in 1u32..100_000) {
        prop_assert_eq!(parse_ordinal(&ordinal_word(n)), Some(n));
    }

    #[test]
    fn numbers_round_trip_with_separators(n in 0u64..1_000_000_000_000) {
        let digits = n.to_string();
        let mut grouped = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(c);
        }
        prop_assert_eq!(parse_number(&grouped).map(|x| x.value), Some(n as f64));
        prop_assert_eq!(parse_number(&digits).map(|x| x.value), Some(n as f64));
    }

    #[test]
    fn absolute_dates_round_trip(date in any_date()) {
        let month = MONTHS[date.month0() as usize];
        for text in [
            format!("{} {month} {}", date.day(), date.year()),
            format!("{month} {}, {}", date.day(), date.year()),
        ] {
            let parsed = parse_date(&text, None, Direction::Past).unwrap().value;
            prop_assert_eq!((parsed.start, parsed.end, parsed.precision), (date, date, Precision::Day));
        }
        let whole = parse_date(&format!("{month} {}", date.year()), None, Direction::Past).unwrap().value;
        prop_assert!(whole.start <= date && date <= whole.end);
        prop_assert_eq!(whole.precision, Precision::Month);
    }

    #[test]
    fn bare_weekdays_are_the_latest_up_to_the_anchor(anchor in any_date(), back in 0u64..7) {
        let day = anchor - chrono::Days::new(back);
        let name = weekday_name(day.weekday());
        let past = parse_date(name, Some(anchor), Direction::Past).unwrap().value;
        prop_assert_eq!(past.start, day);
        let future = parse_date(name, Some(anchor), Direction::Future).unwrap().value;
        prop_assert!(future.start >= anchor && future.start.weekday() == day.weekday());
        prop_assert!((future.start - anchor).num_days() < 7);
    }

    #[test]
    fn durations_round_trip(n in 1u32..1000) {
        prop_assert_eq!(parse_duration(&format!("{n}-day")).map(|d| d.days), Some(f64::from(n)));
        prop_assert_eq!(parse_duration(&format!("{n} weeks")).map(|d| d.days), Some(f64::from(n) * 7.0));
    }

    #[test]
    fn exact_quantities_contain_their_figure(n in 1u32..1_000_000) {
        let q = parse_quantity(&format!("{n} km"), &units()).unwrap();
        prop_assert!(q.low <= q.amount && q.amount <= q.high);
        prop_assert!(q.base_low <= q.amount * 1000.0 && q.amount * 1000.0 <= q.base_high);
    }

    #[test]
    fn line_index_matches_a_naive_count(text in newsy(), at in 0usize..300) {
        let index = LineIndex::new(&text);
        let offset = at.min(text.len());
        let (line, column) = index.position(&text, offset);
        if text.is_char_boundary(offset) {
            let before = &text[..offset];
            let expected_line = before.matches('\n').count() + 1;
            let line_start = before.rfind('\n').map_or(0, |i| i + 1);
            prop_assert_eq!((line, column), (expected_line, text[line_start..offset].chars().count() + 1));
        }
    }

    #[test]
    fn sentences_are_ordered_disjoint_slices(text in newsy()) {
        let mut last_end = 0;
        for r in sentences(&text) {
            prop_assert!(r.start >= last_end && r.start < r.end && r.end <= text.len());
            prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            last_end = r.end;
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn parsing_and_extracting_any_article_never_panics(text in newsy(), date in proptest::option::of(any_date())) {
        let full = match date {
            Some(d) => format!("date {d}\n{text}"),
            None => text.clone(),
        };
        let _ = Article::parse("p.txt".into(), "p.txt".into(), full.clone());
        let _ = Article::parse("p.txt".into(), "p.txt".into(), format!("+++\n{text}"));
        let claims = common::claims(date.map(|d| d.to_string()).as_deref(), &text);
        for c in claims {
            prop_assert!(c.span.start <= c.span.end);
        }
    }

    #[test]
    fn extracting_shuffled_claim_words_never_panics(words in proptest::collection::vec(
        proptest::sample::select(vec![
            "Petrov", "Sergey", "his", "third", "2nd", "visit", "trip", "to", "Chad", "N'Djamena", "on", "Tuesday",
            "12", "October", "2021", "following", "visits", "in", "and", "909-kilometer", "border", "some",
            "signed", "agreement", "will", "two-day", ",", ".", "—", "the", "general", "arrived", "Baku",
        ]),
        0..40,
    )) {
        let text = words.join(" ");
        let _ = common::claims(Some("2024-05-02"), &text);
        let _ = common::claims(None, &text);
    }
}

/// The paragraph (line) of `masked` each match of every extractor starts in must be one the
/// prefilter lets that extractor search.
fn prefilter_lets_every_match_through(masked: &str) -> Result<(), String> {
    let rules = &*common::RULES;
    let mut start = 0;
    let paragraphs: Vec<_> = masked
        .split_inclusive('\n')
        .map(|line| {
            start += line.len();
            start - line.len()..start
        })
        .collect();
    let mut candidates = Vec::new();
    rules
        .prefilter
        .candidates(masked, &paragraphs, &mut candidates);
    for (order, x) in rules.extractors.iter().enumerate() {
        for p in 0..paragraphs.len() {
            let found = x.regex.find(&masked[paragraphs[p].clone()]);
            if let Some(m) = found
                && candidates.binary_search(&(order, p)).is_err()
            {
                let text = &masked[paragraphs[p].clone()][m.range()];
                return Err(format!("{} matches {text:?} but is not searched", x.id));
            }
        }
    }
    Ok(())
}

fn masked(text: &str) -> String {
    let g = &common::RULES.gazetteer;
    g.mask(text, &g.mentions(text))
}

#[test]
fn the_prefilter_never_hides_a_match_in_the_corpus_or_the_fixtures() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["corpus", "tests/fixtures"] {
        let mut stack = vec![root.join(dir)];
        while let Some(d) = stack.pop() {
            for entry in std::fs::read_dir(d).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "txt") {
                    files.push(path);
                }
            }
        }
    }
    assert!(
        files.len() > 20,
        "the corpus and the fixtures hold articles"
    );
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        if let Err(e) = prefilter_lets_every_match_through(&masked(&text)) {
            panic!("{}: {e}", path.display());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn the_prefilter_never_hides_a_match(words in proptest::collection::vec(
        proptest::sample::select(vec![
            "Petrov", "his", "her", "third", "2nd", "visit", "Visit", "TRIP", "trips", "to", "Chad", "on",
            "Tuesday", "12", "October", "2021", "following", "visits", "in", "and", "909-kilometer",
            "border", "km", "signed", "agreement", "will", "two-day", ",", ".", "\n", "the", "arrived",
            "Baku", "time", "for", "fourth", "visited", "previous", "joint", "exercise", "made", "an",
        ]),
        0..30,
    )) {
        let text = words.join(" ");
        prop_assert_eq!(prefilter_lets_every_match_through(&masked(&text)), Ok(()));
    }
}
