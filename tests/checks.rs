//! Every check kind on small corpora under `tests/fixtures/checks/`: each kind has cases
//! that must fire and cases that must not. A case lists every finding it expects, so an
//! extra finding fails as surely as a missing one.

mod common;

use claimlint::check;
use claimlint::claim::When;
use claimlint::corpus::extract_paths;
use claimlint::diagnostic::Diagnostic;
use std::path::Path;

fn run(case: &str) -> Vec<Diagnostic> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let rules = &*common::RULES;
    let dir = root.join("tests/fixtures/checks").join(case);
    let (records, errors) = extract_paths(&[dir], rules);
    assert!(errors.is_empty(), "{errors:?}");
    check::run(&records, rules)
}

/// (rule, article, severity) of every finding.
fn summary(case: &str) -> Vec<(String, String, &'static str)> {
    run(case)
        .into_iter()
        .map(|d| (d.rule, d.primary.article, d.severity.name()))
        .collect()
}

fn expect(case: &str, expected: &[(&str, &str, &str)]) {
    let found = summary(case);
    let expected: Vec<(String, String, &str)> = expected
        .iter()
        .map(|(r, a, s)| (r.to_string(), a.to_string(), *s))
        .collect();
    assert_eq!(found, expected, "{case}");
}

#[test]
fn sequence_fires_when_the_corpus_records_more_earlier_events() {
    expect(
        "sequence-fires",
        &[
            ("visit-sequence", "b.txt", "error"),
            ("visit-enumeration", "b.txt", "warning"),
        ],
    );
    let d = &run("sequence-fires")[0];
    assert_eq!(
        d.message,
        "this visit is called the second, but the corpus records 2 earlier visits"
    );
    assert_eq!(d.secondary.len(), 1);
    assert_eq!(d.secondary[0].article, "a.txt");
    assert_eq!(
        d.help.as_deref(),
        Some("by this timeline it is the third visit — or the date in a.txt is wrong")
    );
    assert!(
        d.notes[0].starts_with("timeline visit/petrov/chad: 2020-03 (b.txt), 2024-01-08 (a.txt), "),
        "{:?}",
        d.notes
    );
}

#[test]
fn sequence_is_quiet_when_ordinals_fit_the_timeline() {
    // A "second" dated 2021 and a "third" dated 2025, with one earlier visit on record.
    expect("sequence-quiet", &[]);
    // A planned visit is no earlier visit.
    expect("sequence-planned-quiet", &[]);
}

#[test]
fn an_ordinal_beyond_the_known_events_is_only_a_note() {
    expect("sequence-note", &[("visit-sequence", "a.txt", "note")]);
}

#[test]
fn a_visitor_read_from_an_office_of_no_place_is_a_guess() {
    // As `sequence-fires`, but a.txt's visitor is "the prime minister", the one person
    // the article titles so: the same contradiction makes notes, not an error.
    expect(
        "sequence-office-guessed",
        &[
            ("visit-sequence", "b.txt", "note"),
            ("visit-enumeration", "b.txt", "note"),
        ],
    );
}

#[test]
fn a_finding_that_rests_on_a_guess_is_only_a_note() {
    // As `sequence-fires`, but a.txt's visit names no country: its host is the one the
    // article names most, in another sentence. The same contradiction, resting on that
    // guess, makes notes that say so.
    expect(
        "sequence-guessed",
        &[
            ("visit-sequence", "b.txt", "note"),
            ("visit-enumeration", "b.txt", "note"),
        ],
    );
    let found = run("sequence-guessed");
    for d in &found {
        assert!(
            d.notes.iter().any(|n| n
                .contains("it rests on a guess (a.txt:4:1: host inferred from the article, which names another country as often")),
            "{:?}",
            d.notes
        );
        let guessed: Vec<&str> = d
            .claims
            .iter()
            .filter(|c| !c.confidence.guesses().is_empty())
            .map(|c| &*c.article)
            .collect();
        assert_eq!(guessed, ["a.txt"]);
    }
    // The claims the sure findings of `sequence-fires` rest on are sure.
    let sure = run("sequence-fires");
    assert!(
        sure.iter()
            .all(|d| d.claims.iter().all(|c| c.confidence.guesses().is_empty()))
    );
    // An article that names one country, in another sentence, is about it: no guess.
    expect(
        "sequence-topic",
        &[
            ("visit-sequence", "b.txt", "error"),
            ("visit-enumeration", "b.txt", "warning"),
        ],
    );
}

#[test]
fn an_ordinal_in_the_billions_is_checked_like_any_other() {
    // Two visits called the 4,000,000,000th: one of the two is wrong, and reading the
    // series costs no more than for "fifth".
    expect(
        "sequence-huge-ordinal",
        &[
            ("visit-sequence", "b.txt", "error"),
            ("visit-sequence", "c.txt", "note"),
        ],
    );
}

#[test]
fn one_event_with_two_ordinals_is_an_error() {
    expect(
        "sequence-two-ordinals",
        &[
            ("visit-sequence", "a.txt", "note"),
            ("visit-sequence", "b.txt", "error"),
        ],
    );
}

#[test]
fn an_enumeration_naming_every_earlier_event_is_quiet() {
    expect("enumeration-quiet", &[]);
}

#[test]
fn quantities_conflict_only_when_no_value_fits_both() {
    expect("border-fires", &[("border-length", "b.txt", "error")]);
    // 909 km, "some 900 km", "nearly 1,000 kilometres" and 565 miles all admit 909 km.
    expect("border-quiet", &[]);
    // A pair taken from a sentence that names three countries is a guess: a note at most.
    expect("border-guessed", &[("border-length", "b.txt", "note")]);
    // Two figures one sentence gives for the border (1,240 and 1,214 km) report a dispute:
    // 1,240 km against the others' 1,214 km is a note, not an error.
    expect("border-disputed", &[("border-length", "b.txt", "note")]);
}

#[test]
fn dates_conflict_only_when_incompatible_at_their_precision() {
    expect("agreement-fires", &[("agreement-date", "b.txt", "error")]);
    expect("agreement-quiet", &[]);
}

#[test]
fn a_year_guessed_from_the_page_makes_a_note_at_most() {
    // a.txt has no date: its "September 5" takes the year of its "8 October 2022", as a guess.
    expect(
        "date-page-year",
        &[
            ("missing-date", "a.txt", "warning"),
            ("visit-date", "a.txt", "note"),
        ],
    );
}

#[test]
fn a_day_counted_from_a_quotations_today_makes_a_note_at_most() {
    // a.txt's "today" is in a statement's quoted words, which may be a day before the
    // article's: its arrival against b.txt's 23 August rests on that guess. Told by the
    // article itself, the same "today" is the article's day, and the contradiction a
    // warning.
    expect("date-statement-day", &[("visit-date", "b.txt", "note")]);
    expect("date-plain-today", &[("visit-date", "b.txt", "warning")]);
}

#[test]
fn a_visit_under_way_in_a_relative_clause_rests_on_a_day_during_it() {
    // a.txt's two-week visit is under way on the Friday its main clause names, which need
    // not be its first day: b.txt's arrival twelve days before may be the same visit, and
    // the split is a note, not an error.
    expect("sequence-under-way", &[("visit-sequence", "a.txt", "note")]);
}

#[test]
fn a_first_day_counted_back_by_a_length_makes_a_note_at_most() {
    // "concluded her two-day visit on Friday" (17 January) counts back to the 16th; news
    // rounds lengths, and b.txt's arrival on the 15th is no sure contradiction.
    expect("date-counted-back", &[("visit-date", "a.txt", "note")]);
}

#[test]
fn a_visit_dated_by_an_updated_page_stays_undated() {
    // a.txt prints only when it was updated: its visit "dated by the article" may be of
    // any time before, so it is not the visit between b.txt's previous one and b.txt's.
    expect("date-updated", &[("inferred-date", "a.txt", "note")]);
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/checks/date-updated");
    let (records, _) = extract_paths(&[dir], &common::RULES);
    let a = records.iter().find(|r| r.id == "a.txt").unwrap();
    assert!(!a.claims.is_empty());
    assert!(
        a.claims
            .iter()
            .all(|c| matches!(c.when, Some(When::Unresolved { .. }))),
        "{:?}",
        a.claims
    );
}

#[test]
fn durations_of_one_event_agree() {
    expect("duration-fires", &[("visit-duration", "b.txt", "error")]);
    // Two days and 48 hours agree; a three-day visit a year earlier is another visit.
    expect("duration-quiet", &[]);
}

#[test]
fn weekdays_next_to_dates_match_the_calendar() {
    expect("weekday-fires", &[("weekday", "a.txt", "error")]);
    expect("weekday-quiet", &[]);
    // A day without its year far from the article's date (a site's "Monday, Oct 21" on a
    // page of 4 February 2019) may be of another year: a note. One days before it (the
    // 2nd of February 2019 was a Saturday) is an error.
    expect(
        "weekday-far-year",
        &[("weekday", "a.txt", "note"), ("weekday", "b.txt", "error")],
    );
}

#[test]
fn one_article_keeps_to_one_spelling() {
    expect("variant-fires", &[("variant", "a.txt", "warning")]);
    // Two spellings in two different articles are fine.
    expect("variant-quiet", &[]);
}

#[test]
fn articles_without_a_date_are_reported() {
    expect(
        "missing-date-fires",
        &[("missing-date", "a.txt", "warning")],
    );
    expect("missing-date-quiet", &[]);
    // Only a note where nothing the article writes needs its date ("today's Niger" is an
    // age, "remains closed today" these days, "Chad Today" a name: no day); a relative
    // date that is no claim's needs it, a "today" past a comma after "still" too.
    expect(
        "missing-date-needless",
        &[("missing-date", "a.txt", "note")],
    );
    expect(
        "missing-date-today",
        &[("missing-date", "a.txt", "warning")],
    );
    expect(
        "missing-date-relative",
        &[("missing-date", "a.txt", "warning")],
    );
    // A printed date whose day and month read both ways leaves the article undated; only
    // a note when either reading places every date it writes, a warning when one is left
    // that the readings split ("on Monday").
    expect(
        "missing-date-readings",
        &[("missing-date", "a.txt", "note")],
    );
    expect(
        "missing-date-readings-split",
        &[("missing-date", "a.txt", "warning")],
    );
    let d = &run("missing-date-relative")[0];
    assert_eq!(
        d.notes,
        ["its relative date at 2:29 cannot be placed until it has one"]
    );
    // A claim dated by a guess from a caption's date is not called undated: the warning
    // says what its date rests on.
    let d = &run("missing-date-guessed")[0];
    assert_eq!(d.rule, "missing-date");
    assert_eq!(
        d.notes[0],
        "1 of its claims is dated only by a guess from the page's other dates until it has one"
    );
}

#[test]
fn dating_003_leaves_no_room_for_the_visit_000_dates() {
    // With 003 dated, its "second" (October 2021) and 002's "third" (January 2025) both
    // count one visit fewer than the timeline: the one visit that breaks both is 000's
    // "on Tuesday", a date that rests on 000's article date. One finding, on that date.
    let found: Vec<_> = run("dated-003")
        .into_iter()
        .filter(|d| d.rule == "visit-sequence")
        .collect();
    assert_eq!(found.len(), 1, "{found:#?}");
    let finding = &found[0];
    assert_eq!(finding.severity.name(), "error");
    assert!(finding.primary.article.starts_with("000"));
    assert!(finding.message.contains("no room"), "{}", finding.message);
    assert!(
        finding
            .secondary
            .iter()
            .any(|l| l.article.starts_with("003") && l.message.contains("second")),
        "{:?}",
        finding.secondary
    );
}
