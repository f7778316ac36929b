//! Clause scope: a claim's date and modality come from its own clause, or from a clause
//! open to the sentence; a clause the rules say opens with words of its own ("since …",
//! "that is expected to …", "during …") or reports another event ("It was announced
//! yesterday …") keeps its dates and cues to itself.

mod common;

use claimlint::claim::Claim;
use common::claims;

/// The (value, when, planned) of each claim with `key`.
fn read(claims: &[Claim], key: &str) -> Vec<(String, String, bool)> {
    claims
        .iter()
        .filter(|c| *c.key == *key)
        .map(|c| {
            (
                c.value.to_string(),
                c.when.as_ref().map_or(String::new(), ToString::to_string),
                c.is_planned(),
            )
        })
        .collect()
}

/// The (value, when, planned) of each claim with `key` in `text` (an article of
/// 2024-06-05), of which there is one at least.
fn found(text: &str, key: &str) -> Vec<(String, String, bool)> {
    let c = claims(Some("2024-06-05"), text);
    let got = read(&c, key);
    assert!(!got.is_empty(), "{c:?}");
    got
}

/// Whether each claim with `key` in `text` (an article of 2024-06-05) is planned.
fn planned(text: &str, key: &str) -> Vec<bool> {
    read(&claims(Some("2024-06-05"), text), key)
        .into_iter()
        .map(|(_, _, planned)| planned)
        .collect()
}

#[test]
fn a_since_clause_keeps_its_date() {
    for text in [
        "Foreign Minister Ana Lobo began her first visit to Chad, her first trip abroad since she took office in March last year.",
        // Capitalized, opening the sentence.
        "Since she took office in March last year, Foreign Minister Ana Lobo began her first visit to Chad.",
    ] {
        let c = claims(Some("2024-06-05"), text);
        let got = read(&c, "visit/ana-lobo/chad");
        assert!(!got.is_empty(), "{c:?}");
        assert!(
            got.iter().all(|(_, when, _)| !when.contains("2023")),
            "{got:?}"
        );
    }
    // Without "since", the date is the trip's.
    let c = claims(
        Some("2024-06-05"),
        "Foreign Minister Ana Lobo began her first visit to Chad in March last year.",
    );
    let got = read(&c, "visit/ana-lobo/chad");
    assert!(
        got.iter().any(|(_, when, _)| when.contains("2023")),
        "{got:?}"
    );
}

#[test]
fn an_after_clause_keeps_its_date() {
    let got = found(
        "Minister Ivo Mba paid a working visit to Chad after he was appointed in May 2022.",
        "visit/ivo-mba/chad",
    );
    assert!(
        got.iter().all(|(_, when, _)| !when.contains("2022")),
        "{got:?}"
    );
}

#[test]
fn a_report_keeps_its_date_and_the_reported_clause_its_own() {
    let got = found(
        "It was announced yesterday that Minister Ivo Mba would visit Chad.",
        "visit/ivo-mba/chad",
    );
    assert!(
        got.iter().all(|(_, when, _)| !when.contains("2024-06-04")),
        "{got:?}"
    );
    // The date in the reported clause dates the visit.
    let c = claims(
        Some("2024-06-05"),
        "It was announced yesterday that Minister Ivo Mba would visit Chad on Friday.",
    );
    let got = read(&c, "visit/ivo-mba/chad");
    assert!(
        got.iter().any(|(_, when, _)| when.contains("2024-06-07")),
        "{got:?}"
    );
}

#[test]
fn a_cue_in_a_relative_clause_plans_that_clause_only() {
    let got = found(
        "Minister Ivo Mba began a four-day visit to Chad on Monday that is expected to produce a trade deal.",
        "visit/ivo-mba/chad",
    );
    assert!(got.iter().all(|(_, _, planned)| !planned), "{got:?}");
    // In the claim's own clause, the cue plans it.
    let c = claims(
        Some("2024-06-05"),
        "Minister Ivo Mba is expected to begin a four-day visit to Chad on Monday.",
    );
    let got = read(&c, "visit/ivo-mba/chad");
    assert!(got.iter().any(|(_, _, planned)| *planned), "{got:?}");
}

#[test]
fn a_second_clause_with_a_pronoun_for_subject_plans_its_own_event_only() {
    let text =
        "Minister Ivo Mba's visit to Chad on Monday went well and he plans a trip to Mali in June.";
    assert_eq!(planned(text, "visit/ivo-mba/chad"), [false]);
    assert_eq!(planned(text, "visit/ivo-mba/mali"), [true]);
    // In one clause, the plan is the visit's.
    assert_eq!(
        planned(
            "Minister Ivo Mba plans a trip to Mali in June.",
            "visit/ivo-mba/mali"
        ),
        [true]
    );
}

#[test]
fn a_purpose_clause_plans_its_own_event_only() {
    let text = "Minister Ivo Mba arrived in N'Djamena on a one-day visit to discuss President Ana Lobo's forthcoming visit to Chad.";
    assert_eq!(planned(text, "visit/ivo-mba/chad"), [false, false]);
    assert_eq!(planned(text, "visit/ana-lobo/chad"), [true]);
    // Without the purpose, the cue plans the visit it stands before.
    assert_eq!(
        planned(
            "Minister Ivo Mba's scheduled visit to Chad was discussed.",
            "visit/ivo-mba/chad"
        ),
        [true]
    );
}

#[test]
fn a_while_clause_keeps_its_date() {
    let lobo = found(
        "Minister Ana Lobo made an official visit to Chad, while earlier this year President Ivo Mba visited Niger.",
        "visit/ana-lobo/chad",
    );
    assert!(
        lobo.iter()
            .all(|(_, when, _)| !when.starts_with("2024-01-01")),
        "{lobo:?}"
    );
}

#[test]
fn news_of_the_day_dates_the_claim_and_its_event_as_a_guess() {
    let c = claims(
        Some("2024-06-05"),
        "Minister Ana Lobo has arrived in N'Djamena on a two-day visit. It is her first visit to Chad.",
    );
    let lobo: Vec<&Claim> = c
        .iter()
        .filter(|c| *c.key == *"visit/ana-lobo/chad")
        .collect();
    assert_eq!(lobo.len(), 3, "{c:?}");
    for claim in lobo {
        let when = claim.when.as_ref().map(ToString::to_string);
        assert!(
            when.as_deref()
                .is_some_and(|w| w.starts_with("2024-06-05 (")),
            "{claim:?}"
        );
        assert!(!claim.confidence.guesses().is_empty(), "{claim:?}");
    }
}

#[test]
fn a_during_clause_is_the_visit_under_way() {
    assert_eq!(
        planned(
            "Minister Ivo Mba will meet business leaders during her second visit to Chad.",
            "visit/ivo-mba/chad"
        ),
        [false]
    );
    // Opening the sentence, capitalized, and cut from the subject by a comma that joins
    // no list of places.
    assert_eq!(
        planned(
            "Minister Ivo Mba landed in N'Djamena on Monday. During her second visit to Chad, Mba will sign a trade deal.",
            "visit/ivo-mba/chad"
        ),
        [false, false]
    );
    // A cue in the clause itself still plans it.
    let got = planned(
        "During her second visit to Chad next month, Minister Ivo Mba will sign a trade deal.",
        "visit/ivo-mba/chad",
    );
    assert!(!got.is_empty() && got.iter().all(|p| *p), "{got:?}");
}

#[test]
fn a_comma_between_a_place_and_the_place_it_lies_in_cuts_no_clause() {
    let got = planned(
        "Minister Ivo Mba will arrive in N'Djamena, Chad for her second visit to Chad.",
        "visit/ivo-mba/chad",
    );
    assert!(!got.is_empty() && got.iter().all(|p| *p), "{got:?}");
}

#[test]
fn a_date_from_a_clause_away_from_the_claim_is_a_guess() {
    let guesses = |text: &str| -> Vec<String> {
        let c = claims(Some("2024-06-05"), text);
        let visit: Vec<&Claim> = c
            .iter()
            .filter(|c| *c.key == *"visit/petrov/chad")
            .collect();
        assert_eq!(visit.len(), 1, "{c:?}");
        assert!(visit[0].when.is_some(), "{visit:?}");
        visit[0]
            .confidence
            .guesses()
            .iter()
            .map(|g| g.to_string())
            .collect()
    };
    // Two clauses away: the Tuesday may be another event's.
    assert_eq!(
        guesses(
            "Petrov's visit to Chad was long awaited as trade grows, with new money, and with the talks on Tuesday."
        ),
        ["date taken from another clause of the sentence"]
    );
    // The clause that opens the sentence, and the one beside the claim's, date it.
    assert!(guesses("On Tuesday, Petrov's visit to Chad began with talks.").is_empty());
    assert!(guesses("Petrov's visit to Chad, with talks on Tuesday, was short.").is_empty());
}

#[test]
fn a_date_past_a_closed_clause_is_not_the_claims() {
    // The since-clause runs on past an appositive; its date is the earlier visit's.
    let c = claims(
        Some("2024-06-01"),
        "Petrov's visit to Chad will be the first since Minister Ivo Mba, then a general, visited Chad in April 2012.",
    );
    let got = read(&c, "visit/petrov/chad");
    assert!(!got.is_empty(), "{c:?}");
    assert!(
        got.iter().all(|(_, when, _)| !when.contains("2012")),
        "{got:?}"
    );
    // With no closed clause between them, the date is the visit's.
    let c = claims(
        Some("2024-06-01"),
        "Petrov's visit to Chad, a short one, came in April 2012.",
    );
    let got = read(&c, "visit/petrov/chad");
    assert!(
        got.iter().any(|(_, when, _)| when.contains("2012-04")),
        "{got:?}"
    );
}
