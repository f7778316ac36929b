//! The shipped rules on phrasings they were written for as a class, not as sentences:
//! each extractor has cases that must fire and cases that must not.

mod common;

use claimlint::article::Article;
use claimlint::extract::extract;
use common::{RULES, claims, keys_values, with_key};

const DATE: Option<&str> = Some("2024-05-02"); // a Thursday

fn values(text: &str, key: &str) -> Vec<String> {
    with_key(&claims(DATE, text), key)
        .into_iter()
        .map(|(v, _)| v)
        .collect()
}

#[test]
fn visit_ordinals_in_many_phrasings() {
    let cases = [
        (
            "Sergei Petrov visited Chad for the fourth time.",
            "visit/petrov/chad",
            "ordinal 4",
        ),
        (
            "It is Petrov's 2nd visit to Chad.",
            "visit/petrov/chad",
            "ordinal 2",
        ),
        (
            "During a maiden visit to Niger, Sergey Petroff signed deals.",
            "visit/petrov/niger",
            "ordinal 1",
        ),
        (
            "Petrov arrived in Baku on the first such visit in decades.",
            "visit/petrov/azerbaijan",
            "ordinal 1",
        ),
        (
            "It was the second time she has visited Chad, Ayşe Demir told reporters.",
            "visit/demir/chad",
            "ordinal 2",
        ),
        (
            "Demir is on her twenty-first trip to Yerevan.",
            "visit/demir/armenia",
            "ordinal 21",
        ),
        (
            "This visit marks General Petrov's third trip to Niger.",
            "visit/petrov/niger",
            "ordinal 3",
        ),
    ];
    for (text, key, expected) in cases {
        // Only the ordinal: "arrived in Baku" is an arrival of its own.
        let ordinals: Vec<String> = values(text, key)
            .into_iter()
            .filter(|v| v.starts_with("ordinal"))
            .collect();
        assert_eq!(ordinals, [expected], "{text}");
    }
}

#[test]
fn ordinals_that_are_not_one_persons_visits_do_not_fire() {
    for text in [
        "It was the third visit by a foreign defence minister to Baku this year, Petrov said.",
        "Chad is Niger's third-largest trading partner.",
        "Petrov said the sixth round of talks with Chad ended.",
        "The second session of the Chad commission opened.",
    ] {
        let found: Vec<_> = claims(DATE, text)
            .into_iter()
            .filter(|c| c.value.type_name() == "ordinal")
            .collect();
        assert!(found.is_empty(), "{text}: {found:?}");
    }
}

#[test]
fn the_current_visit_is_dated_by_the_article() {
    let found = with_key(
        &claims(DATE, "This visit marks Petrov's third trip to Chad."),
        "visit/petrov/chad",
    );
    assert_eq!(
        found,
        [(
            "ordinal 3".to_string(),
            // Nothing says it happened: under way, or days away.
            Some("2024-04-25..2024-05-09 (dated by the article 2024-05-02)".to_string())
        )]
    );
    let undated = with_key(
        &claims(None, "This visit marks Petrov's third trip to Chad."),
        "visit/petrov/chad",
    );
    assert_eq!(
        undated[0].1.as_deref(),
        Some("unresolved (dated by the article, which has no date)")
    );
}

#[test]
fn an_ordinal_takes_its_sentences_date_but_not_an_enumerations() {
    let text = "Petrov's second visit to Chad ended on Monday. \
                It was Petrov's third trip to Niger, following his visits in July 2018 and October 2021.";
    let c = claims(DATE, text);
    assert_eq!(
        with_key(&c, "visit/petrov/chad"),
        [(
            "ordinal 2".to_string(),
            Some(
                "2024-04-29 (\"Monday\" is the Monday on or before the article date 2024-05-02)"
                    .to_string()
            )
        )]
    );
    let niger = with_key(&c, "visit/petrov/niger");
    // Not dated July 2018: that date belongs to the enumeration; the article dates it.
    assert!(
        niger.contains(&(
            "ordinal 3".to_string(),
            Some("2024-04-25..2024-05-09 (dated by the article 2024-05-02)".to_string())
        )),
        "{niger:?}"
    );
    assert!(
        niger.contains(&("dates 2018-07, 2021-10".to_string(), None)),
        "{niger:?}"
    );
}

#[test]
fn dates_in_many_forms() {
    let cases = [
        (
            "Petrov visited Chad on Oct. 12, 2021.",
            "2021-10-12 (stated)",
        ),
        (
            "Petrov visited Chad on 12 October 2021.",
            "2021-10-12 (stated)",
        ),
        (
            "Petrov visited Chad on January 19, 2025.",
            "2025-01-19 (stated)",
        ),
        ("Petrov visited Chad in July 2018.", "2018-07 (stated)"),
        ("Petrov visited Chad in 2019.", "2019 (stated)"),
        (
            "Petrov visited Chad on the 12th of October.",
            "2023-10-12 (year taken from the article date 2024-05-02)",
        ),
        (
            "Petrov visited Chad last year.",
            "2023 (\"last year\" from the article date 2024-05-02)",
        ),
        (
            "Petrov arrived in Chad late on Monday.",
            "2024-04-29 (\"Monday\" is the Monday on or before the article date 2024-05-02)",
        ),
        (
            "Demir said Petrov visited Chad yesterday.",
            "2024-05-01 (\"yesterday\" from the article date 2024-05-02)",
        ),
    ];
    for (text, expected) in cases {
        let found = with_key(&claims(DATE, text), "visit/petrov/chad");
        let whens: Vec<Option<String>> = found.into_iter().map(|(_, w)| w).collect();
        assert!(
            whens.contains(&Some(expected.to_string())),
            "{text}: {whens:?}"
        );
    }
}

#[test]
fn durations() {
    let cases = [
        (
            "Petrov concluded a day-long trip to Chad.",
            "duration 1 day",
        ),
        (
            "Petrov is on a 4-day official visit to Chad.",
            "duration 4 days",
        ),
        (
            "The two-day trip of Sergei Petrov to Chad ended.",
            "duration 2 days",
        ),
        (
            "Petrov's visit to Chad, which lasted four days, ended.",
            "duration 4 days",
        ),
    ];
    for (text, expected) in cases {
        let found: Vec<String> = values(text, "visit/petrov/chad")
            .into_iter()
            .filter(|v| v.starts_with("duration"))
            .collect();
        assert_eq!(found, [expected], "{text}");
    }
    assert!(
        values(
            "Petrov spent two days in talks with Chad.",
            "visit/petrov/chad"
        )
        .iter()
        .all(|v| !v.starts_with("duration"))
    );
}

#[test]
fn border_lengths_with_units_hedges_and_conversions() {
    let key = "border/armenia+azerbaijan";
    let cases = [
        (
            "Armenia and Azerbaijan share a 1,309-km (813-mile) border.",
            "quantity 1309 km [1308.5..1309.5]",
        ),
        (
            "The border between Armenia and Azerbaijan stretches for nearly 1,000 kilometres.",
            "quantity nearly 1000 km [900..1000]",
        ),
        (
            "Armenia and Azerbaijan guard their 959 km frontier.",
            "quantity 959 km [958.5..959.5]",
        ),
        (
            "Armenia and Azerbaijan have a long border of more than 600 miles.",
            "quantity more than 600 mi [600..]",
        ),
        (
            "Armenia and Azerbaijan have a 600-mile border.",
            "quantity 600 mi [550..650]",
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(values(text, key), [expected], "{text}");
    }
    for text in [
        "The Armenian village lies some 15 kilometres from the border with Azerbaijan.",
        "Armenia and Azerbaijan built 20 km of road.",
    ] {
        let found: Vec<_> = claims(DATE, text)
            .into_iter()
            .filter(|c| c.key.starts_with("border/"))
            .collect();
        assert!(found.is_empty(), "{text}: {found:?}");
    }
}

#[test]
fn agreements_with_parties_subject_and_date() {
    let c = claims(
        DATE,
        "In March 2013, Chad and Niger signed a border demarcation agreement.",
    );
    assert_eq!(
        keys_values(&c),
        [(
            "agreement/chad+niger/border-demarcation".to_string(),
            "date 2013-03".to_string()
        )]
    );
    let c = claims(
        DATE,
        "Chad and Niger met often. Last year the two countries signed a trade accord in April 2023.",
    );
    assert_eq!(
        with_key(&c, "agreement/chad+niger/trade")[0].0,
        "date 2023-04"
    );
    assert!(claims(DATE, "Chad and Niger discussed a trade agreement.").is_empty());
}

#[test]
fn subject_resolution_takes_the_nearest_entity_in_the_sentence() {
    // Pronoun before the name (cataphora).
    let c = claims(
        DATE,
        "At the end of his second official visit to Chad, Petrov said talks went well.",
    );
    assert_eq!(
        keys_values(&c)[0],
        ("visit/petrov/chad".to_string(), "ordinal 2".to_string())
    );
    // Pronoun after the name, with another person farther away.
    let c = claims(
        DATE,
        "Demir met Sergei Petrov, who was on his third trip to Niger.",
    );
    assert_eq!(with_key(&c, "visit/petrov/niger")[0].0, "ordinal 3");
    // A definite description refers back to the person named before, not to one named later.
    let c = claims(
        DATE,
        "Petrov landed in Chad. The general's visit to Chad follows an invitation from Ayşe Demir.",
    );
    assert!(!with_key(&c, "visit/petrov/chad").is_empty(), "{c:?}");
    assert!(with_key(&c, "visit/demir/chad").is_empty(), "{c:?}");
    // A city stands for its country.
    let c = claims(DATE, "Petrov's arrival in Yerevan on Monday was quiet.");
    assert_eq!(&*c[0].key, "visit/petrov/armenia");
    assert!(
        c[0].notes.iter().any(|n| &**n == "Yerevan lies in Armenia"),
        "{:?}",
        c[0].notes
    );
}

#[test]
fn subject_resolution_does_not_invent_a_subject() {
    // No person anywhere: the visitor stays unresolved.
    let c = claims(
        DATE,
        "At the end of his second official visit to Chad, talks went well.",
    );
    assert_eq!(&*c[0].key, "visit/?/chad");
    // Spelling variants are one entity.
    let c = claims(DATE, "Serhiy Petroff's third trip to Chad began.");
    assert_eq!(&*c[0].key, "visit/petrov/chad");
    // A shared surname does not merge two people: the longest name wins.
    let c = claims(
        DATE,
        "Ali Bagheri Kani's third trip to Chad began. Mohammad Baqeri's second trip to Niger began.",
    );
    assert_eq!(&*c[0].key, "visit/bagheri-kani/chad");
    assert_eq!(&*c[1].key, "visit/bagheri/niger");
}

#[test]
fn planned_wording_is_tagged_and_reported_wording_is_not() {
    for text in [
        "Petrov will visit Chad next week.",
        "Petrov is expected to travel to Chad on Tuesday.",
        "Petrov is scheduled to make his third trip to Chad on Tuesday.",
        "In the future, Chad and Niger will hold joint naval exercises.",
    ] {
        let c = claims(DATE, text);
        assert!(!c.is_empty(), "{text}");
        assert!(c.iter().all(|c| c.is_planned()), "{text}: {c:?}");
    }
    for text in [
        "Petrov visited Chad on Tuesday.",
        "Chad and Niger held joint naval exercises in 2023.",
        "After his third trip to Chad, which lasted four days, Petrov said future talks are planned.",
    ] {
        let c = claims(DATE, text);
        assert!(!c.is_empty(), "{text}");
        assert!(c.iter().all(|c| !c.is_planned()), "{text}: {c:?}");
    }
}

#[test]
fn planned_weekdays_point_forward() {
    let c = claims(DATE, "Petrov is expected to travel to Chad on Tuesday.");
    assert_eq!(
        c[0].when.as_ref().map(ToString::to_string).as_deref(),
        Some("2024-05-07 (\"Tuesday\" is the Tuesday on or after the article date 2024-05-02)")
    );
}

#[test]
fn spellings_are_kept_only_where_an_article_mixes_them() {
    let record = |text: &str| {
        let article = Article::parse(
            "t.txt".into(),
            "t.txt".into(),
            format!("date 2024-01-01\n{text}"),
        )
        .0;
        extract(&article, &RULES).spellings
    };
    // One spelling throughout: nothing for the variant check to compare.
    assert_eq!(record("Sergei Petrov arrived. Petrov spoke.\n"), vec![]);
    // "Petrov" and "Petroff" in one article: both uses, first of each; the first name,
    // written one way, is not kept.
    let mixed = record("Sergei Petrov arrived. Petroff spoke. Petrov left.\n");
    let forms: Vec<(&str, usize, &str, u32)> = mixed
        .iter()
        .map(|u| (&*u.entity, u.group, &*u.form, u.span.column))
        .collect();
    assert_eq!(
        forms,
        [("petrov", 1, "Petrov", 1), ("petrov", 1, "Petroff", 24)]
    );
}

#[test]
fn a_claims_span_starts_at_its_own_words() {
    let texts = |text: &str| -> Vec<String> {
        claims(Some("2024-06-05"), text)
            .iter()
            .filter(|c| c.key.starts_with("visit/"))
            .map(|c| c.text.to_string())
            .collect()
    };
    // Not at the sentence's first word, nor at a preposition before the visitor.
    assert_eq!(
        texts("During his maiden visit to Chad, Sergei Petrov met traders."),
        ["his maiden visit to Chad"]
    );
    assert_eq!(
        texts("It was the start of his second visit to Chad."),
        ["his second visit to Chad"]
    );
    // Titles before a name are the visitor's words.
    assert_eq!(
        texts("It was a two-day visit by Army Chief General Sergei Petrov to Chad."),
        ["two-day visit by Army Chief General Sergei Petrov to Chad"]
    );
}

#[test]
fn an_unresolved_date_says_where_it_is_written_in_the_article() {
    // The first line is metadata: the date's line and column count it.
    let found = claims(
        None,
        "date unknown\nAna Lobo in Chad\nPresident Ana Lobo will visit Chad on Friday.\n",
    );
    let when = found
        .iter()
        .find(|c| &*c.key == "visit/ana-lobo/chad")
        .and_then(|c| c.when.as_ref());
    let Some(claimlint::claim::When::Unresolved {
        span: Some(span), ..
    }) = when
    else {
        panic!("an unresolved date with its span: {when:?}");
    };
    assert_eq!((span.line, span.column), (3, 39), "{span:?}");
}
