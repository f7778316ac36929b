//! Entities the rules do not declare: claims that name none are tied to nothing, never
//! pooled with other unknowns, and counted in the summary.

use std::fs;

mod common;

use common::{claimlint, rules_dir};

#[test]
fn claims_tied_to_no_entity_pool_with_nothing_and_are_counted() {
    let dir = tempfile::tempdir().unwrap();
    let c = dir.path().join("corpus");
    fs::create_dir(&c).unwrap();
    // Two articles about a leader no rule declares: each ordinal is about "?" visiting
    // "?", and "?" is no one: the two must not be compared.
    fs::write(
        c.join("a.txt"),
        "date 2024-06-05\nThe president arrived on Tuesday. It is his fifth visit to the country.\n",
    )
    .unwrap();
    fs::write(
        c.join("b.txt"),
        "date 2024-06-06\nThe president spoke on Wednesday. It is his fourth trip to the country.\n",
    )
    .unwrap();
    let rules = rules_dir();
    let out = claimlint(
        dir.path(),
        &["check", "--isolated", "--rules", &rules, "--format", "json"],
    );
    assert_eq!(out.status.code(), Some(0));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["diagnostics"].as_array().unwrap().len(), 0);
    assert_eq!(doc["summary"]["untied"], 2);
    let out = claimlint(dir.path(), &["check", "--isolated", "--rules", &rules]);
    let human = String::from_utf8(out.stdout).unwrap();
    assert!(
        human.ends_with(
            "2 articles: 0 errors, 0 warnings, 0 notes; 2 claims tied to no entity (`claimlint claims` says why)\n"
        ),
        "{human}"
    );
    // `claims` says why each is tied to nothing.
    let out = claimlint(dir.path(), &["claims", "--isolated", "--rules", &rules]);
    let claims = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        claims.matches("\"his\": no person to refer to").count(),
        2,
        "{claims}"
    );
}

#[test]
fn a_generated_place_gives_way_to_a_declared_entity() {
    let kinds = "[[kind]]\nid = \"country\"\n[[kind]]\nid = \"city\"\n";
    let declared =
        "[[entity]]\nid = \"chad\"\nkind = \"country\"\nname = \"Chad\"\nnames = [\"Chadian\"]\n";
    let generated = "[[entity]]\nid = \"chad\"\nkind = \"country\"\nname = \"Chad\"\nnames = [\"Republic of Chad\"]\nfallback = true\n\n[[entity]]\nid = \"tchad\"\nkind = \"country\"\nname = \"Tchad\"\nnames = [\"Chadian\"]\nfallback = true\n\n[[entity]]\nid = \"ndjamena\"\nkind = \"city\"\nname = \"N'Djamena\"\npart-of = \"chad\"\nfallback = true\n";
    let rules = claimlint::ruleset::RuleSet::compile(vec![
        ("kinds.toml".into(), kinds.into()),
        ("places.toml".into(), generated.into()),
        ("entities.toml".into(), declared.into()),
    ])
    .unwrap_or_else(|e| panic!("{e:?}"));
    let g = &rules.gazetteer;
    let ids: Vec<&str> = g.entities().iter().map(|e| &*e.id).collect();
    // The declared Chad stands, with its own names; the generated one is left out.
    assert_eq!(ids.iter().filter(|id| **id == "chad").count(), 1);
    assert_eq!(g.lookup("Republic of Chad").len(), 0);
    // A name a declared entity is written as is that entity's only.
    let chadian: Vec<&str> = g
        .lookup("Chadian")
        .iter()
        .map(|s| &*g.entities()[s.entity].id)
        .collect();
    assert_eq!(chadian, ["chad"]);
    // What is not declared comes from the generated list, tied to the declared entity.
    let city = &g.entities()[g.lookup("N'Djamena")[0].entity];
    assert_eq!(&*g.entities()[city.part_of.unwrap()].id, "chad");
    assert_eq!(g.lookup("Tchad").len(), 1);
    // Two declarations of one id stay an error.
    let twice = claimlint::ruleset::RuleSet::compile(vec![
        ("kinds.toml".into(), kinds.into()),
        ("a.toml".into(), declared.into()),
        ("b.toml".into(), declared.into()),
    ]);
    assert!(twice.is_err());
}

#[test]
fn shipped_places_give_hosts_no_rule_declared() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("a.txt"),
        "date 2024-06-05\nThe chancellor began a three-day visit to Brazil on Monday. It is his second visit to Brazil.\n",
    )
    .unwrap();
    let rules = rules_dir();
    let out = claimlint(
        dir.path(),
        &["claims", "--isolated", "--rules", &rules, "a.txt"],
    );
    let claims = String::from_utf8(out.stdout).unwrap();
    assert!(claims.contains("visit/?/brazil = ordinal 2"), "{claims}");
    assert!(!claims.contains("visit/?/?"), "{claims}");
}

/// Runs `claims` or `check` on articles written into a scratch corpus, with the shipped
/// rules only: no person of these texts is declared.
fn run(articles: &[(&str, &str)], args: &[&str]) -> String {
    run_declaring("", articles, args)
}

/// [`run`], with the shipped rules and `declared`, a rule file of entities.
fn run_declaring(declared: &str, articles: &[(&str, &str)], args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let c = dir.path().join("corpus");
    fs::create_dir(&c).unwrap();
    for (name, text) in articles {
        fs::write(c.join(name), text).unwrap();
    }
    fs::write(dir.path().join("declared.toml"), declared).unwrap();
    let rules = rules_dir();
    let mut all = args.to_vec();
    all.extend(["--isolated", "--rules", &rules, "--rules", "declared.toml"]);
    all.extend(["--color", "never"]);
    if args[0] == "claims" {
        all.retain(|a| *a != "--color" && *a != "never");
    }
    all.push("corpus");
    String::from_utf8(claimlint(dir.path(), &all).stdout).unwrap()
}

#[test]
fn people_named_with_a_title_are_read_and_compared_across_articles() {
    let a = "date 2024-06-05\nPrime Minister Narendra Modi arrived in Tokyo on Monday on his third visit to Japan. Modi met Prime Minister Fumio Kishida.\n";
    let b = "date 2024-09-05\nIndian Prime Minister Narendra Modi arrived in Tokyo on Tuesday. It is his third trip to Japan.\n";
    let claims = run(&[("a.txt", a), ("b.txt", b)], &["claims"]);
    assert!(
        claims.contains("visit/narendra-modi/japan = ordinal 3"),
        "{claims}"
    );
    assert!(
        claims.contains("Narendra Modi is named with a title in the article"),
        "{claims}"
    );
    assert!(!claims.contains("/?/"), "{claims}");
    // Two visits months apart both called the third: one is wrong, both sides shown.
    let report = run(&[("a.txt", a), ("b.txt", b)], &["check"]);
    assert!(report.contains("error[visit-sequence]"), "{report}");
    assert!(
        report.contains("corpus/a.txt") && report.contains("corpus/b.txt"),
        "{report}"
    );
}

#[test]
fn a_surname_alone_is_the_person_named_in_full_and_a_relative_is_not_them() {
    let text = "date 2024-06-05\nGeneral Tarek Vasquez began a two-day visit to Chile on Monday. It is his second visit to Chile. He met Minister Ines Vasquez, his cousin. General Vasquez arrived in Lima on Tuesday. Talks followed. Vasquez arrived in Quito on Wednesday.\n";
    let claims = run(&[("a.txt", text)], &["claims"]);
    // "General Vasquez" is the general; the minister shares his surname and is another.
    assert!(claims.contains("visit/tarek-vasquez/chile"), "{claims}");
    assert!(!claims.contains("~vasquez"), "{claims}");
    assert!(!claims.contains("ines-vasquez/chile"), "{claims}");
    assert!(claims.contains("visit/tarek-vasquez/peru"), "{claims}");
    // The surname alone, which both share, when neither is named alone in its sentence or
    // the one before, is the one it stood for last, as a guess, and says so.
    assert!(
        claims.contains("visit/tarek-vasquez/ecuador = mention")
            && claims.contains(
                "\"Vasquez\" may be Ines Vasquez or Tarek Vasquez; taken as Tarek Vasquez, whom the name stood for before"
            ),
        "{claims}"
    );
    let report = run(&[("a.txt", text)], &["check"]);
    assert!(!report.contains("[variant]"), "{report}");
}

#[test]
fn words_after_a_title_that_name_no_one_are_no_person() {
    let text = "date 2024-06-05\nThe General Assembly met on Monday. President Street was closed. It was his second visit to Chile.\n";
    let claims = run(&[("a.txt", text)], &["claims"]);
    assert!(
        !claims.contains("assembly") && !claims.contains("street"),
        "{claims}"
    );
    assert!(claims.contains("visit/?/chile"), "{claims}");
}

#[test]
fn a_declared_person_keeps_their_id() {
    let text =
        "date 2024-06-05\nArmy Chief General Asim Munir began a two-day visit to Iran on Sunday.\n";
    let claims = run(&[("a.txt", text)], &["claims"]);
    assert!(claims.contains("visit/munir/iran"), "{claims}");
    assert!(!claims.contains("asim-munir"), "{claims}");
}

#[test]
fn a_visit_is_never_to_the_visitors_own_country() {
    // The visitor's country stands nearest in the sentence; the host is the other one.
    for text in [
        "date 2024-06-05\nNorwegian Chief of Defence General Eirik Halvorsen began a three-day visit on Monday. He met officials in Chile. Chile and Norway agreed to train together.\n",
        "date 2024-06-05\nChief of Defence General Eirik Halvorsen of Norway began a three-day visit on Monday. He met officials in Chile. Chile and Norway agreed to train together.\n",
    ] {
        let claims = run(&[("a.txt", text)], &["claims"]);
        assert!(
            claims.contains("visit/eirik-halvorsen/chile = duration 3 days"),
            "{claims}"
        );
        assert!(!claims.contains("visit/eirik-halvorsen/norway"), "{claims}");
    }
    // Without a home, the nearest country is taken: the case above is not vacuous.
    let text = "date 2024-06-05\nChief of Defence General Eirik Halvorsen began a three-day visit to Norway on Monday.\n";
    let claims = run(&[("a.txt", text)], &["claims"]);
    assert!(claims.contains("visit/eirik-halvorsen/norway"), "{claims}");
}

#[test]
fn a_surname_alone_is_linked_across_the_corpus_however_it_is_split() {
    let dir = tempfile::tempdir().unwrap();
    let c = dir.path().join("corpus");
    fs::create_dir(&c).unwrap();
    for (name, text) in [
        (
            "a.txt",
            "date 2024-06-05\nPrime Minister Narendra Modi arrived in Tokyo on Monday on his third visit to Japan.\n",
        ),
        (
            "b.txt",
            "date 2024-09-05\nPrime Minister Modi arrived in Tokyo on Tuesday. It is his third trip to Japan.\n",
        ),
        (
            "c.txt",
            "date 2024-09-06\nPresident Putin arrived in Hanoi on Friday. It is his second visit to Vietnam.\n",
        ),
    ] {
        fs::write(c.join(name), text).unwrap();
    }
    let rules = rules_dir();
    let base = ["--isolated", "--rules", rules.as_str()];
    let claims = |args: &[&str]| {
        let mut all = vec!["claims"];
        all.extend(args);
        all.extend(base);
        String::from_utf8(claimlint(dir.path(), &all).stdout).unwrap()
    };
    let whole = claims(&["corpus"]);
    assert!(
        whole.contains("corpus/b.txt:2:16: visit/narendra-modi/japan"),
        "{whole}"
    );
    assert!(whole.contains("`~modi` is Narendra Modi"), "{whole}");
    // Named by surname only everywhere: one person by that surname.
    assert!(
        whole.contains("visit/~putin/vietnam = ordinal 2"),
        "{whole}"
    );
    // Alone, the article cannot know who "Modi" is.
    assert!(claims(&["corpus/b.txt"]).contains("visit/~modi/japan"));
    // Extracted in shards, or in two parts, and checked together: the same findings.
    let check = |args: &[&str]| {
        let mut all = vec!["check", "--format", "concise"];
        all.extend(base);
        all.extend(args);
        String::from_utf8(claimlint(dir.path(), &all).stdout).unwrap()
    };
    let single = check(&["corpus"]);
    assert!(single.contains("[visit-sequence]"), "{single}");
    let mut extract = vec!["extract", "-o", "s.jsonl", "--shards", "2", "corpus"];
    extract.extend(base);
    assert_eq!(claimlint(dir.path(), &extract).status.code(), Some(0));
    assert_eq!(check(&["--claims", "s.0.jsonl", "s.1.jsonl"]), single);
    for (out, part) in [("p1.jsonl", "corpus/a.txt"), ("p2.jsonl", "corpus/b.txt")] {
        let mut extract = vec!["extract", "-o", out, part];
        extract.extend(base);
        assert_eq!(claimlint(dir.path(), &extract).status.code(), Some(0));
    }
    let mut extract = vec!["extract", "-o", "p3.jsonl", "corpus/c.txt"];
    extract.extend(base);
    claimlint(dir.path(), &extract);
    assert_eq!(
        check(&["--claims", "p1.jsonl", "p2.jsonl", "p3.jsonl"]),
        single
    );
}

#[test]
fn two_spellings_of_one_name_are_one_person_and_a_relative_is_another() {
    let a = "date 2024-06-05\nGeneral Ahmad Al-Hashemi began a two-day visit to Chile on Monday. General Ahmad al-Hashimi said ties were strong. Minister Omar Al-Hashemi stayed home.\n";
    let b =
        "date 2024-09-05\nGeneral Ahmad al-Hashimi began a three-day visit to Chile on Tuesday.\n";
    let c = "date 2024-10-05\nGeneral Ahmad Al-Hashemi began a visit to Peru on Tuesday.\n";
    // A doubled vowel is a spelling too.
    let d = "date 2024-11-05\nGeneral Ahmaad Al-Hashemi began a visit to Peru on Tuesday.\n";
    let articles = [("a.txt", a), ("b.txt", b), ("c.txt", c), ("d.txt", d)];
    let report = run(&articles, &["check", "--format", "concise"]);
    // Within an article: one person spelled two ways, a warning; the minister, whose
    // given name differs, is another person and no variant.
    assert!(
        report.contains("warning[variant] Ahmad Al-Hashemi is spelled two ways in this article: \"Al-Hashemi\" and \"al-Hashimi\""),
        "{report}"
    );
    assert_eq!(report.matches("[variant]").count(), 1, "{report}");
    // Across articles: one person, under the spelling most articles use.
    let claims = run(&articles, &["claims"]);
    assert!(
        claims.contains("corpus/b.txt:2:9: visit/ahmad-al-hashemi/chile"),
        "{claims}"
    );
    assert!(!claims.contains("visit/ahmad-al-hashimi/"), "{claims}");
    assert!(!claims.contains("visit/ahmaad"), "{claims}");
    assert!(!claims.contains("omar"), "{claims}");
}

#[test]
fn titles_in_any_case_initials_and_a_given_name_alone() {
    let text = "date 2024-06-05\nDefence Minister Tarek begins 5-day visit to Chile on Monday\nPeru's new defence minister Tarek Ruiz began the visit on Monday. Secretary of Defense Lloyd J. Austin III began a two-day visit to Peru on Tuesday. Secretary Austin met him.\n";
    let claims = run(&[("a.txt", text)], &["claims"]);
    // The headline's given name is the minister named in full below it.
    assert!(claims.contains("a.txt:2:"), "{claims}");
    assert!(!claims.contains("~tarek"), "{claims}");
    assert!(claims.contains("visit/tarek-ruiz/chile"), "{claims}");
    // An initial and a suffix are part of the name; the surname is the word before them.
    assert!(claims.contains("visit/lloyd-j-austin-iii/peru"), "{claims}");
    assert!(!claims.contains("~austin"), "{claims}");
}

#[test]
fn a_description_of_an_office_is_the_holder_the_article_names() {
    let text = "date 2024-03-01\nChadian President Ana Lobo arrived in Rome on Monday. The Chadian president's second visit to Italy ends on Friday.\n";
    let claims = run(&[("a.txt", text)], &["claims"]);
    assert!(
        claims.contains("visit/ana-lobo/italy = ordinal 2")
            && claims.contains(
                "\"The Chadian president\" is Ana Lobo, named with that office in the article"
            ),
        "{claims}"
    );
    // Set off by commas beside a name, it is that person, and says so.
    let text = "date 2024-03-01\nChad's president, Ana Lobo, arrived in Madrid on Monday. It is the president of Chad's second visit to Spain.\n";
    let claims = run(&[("a.txt", text)], &["claims"]);
    assert!(
        claims.contains("visit/ana-lobo/spain = ordinal 2"),
        "{claims}"
    );
    // The name first, the titles after it.
    let text = "date 2024-03-01\nAna Lobo, the president of Chad, arrived in Madrid on Monday. It is the Chadian president's second visit to Spain.\n";
    let claims = run(&[("a.txt", text)], &["claims"]);
    assert!(
        claims.contains("visit/ana-lobo/spain = ordinal 2"),
        "{claims}"
    );
    // One who held it before, or holds another office beside it, is not its holder.
    let text = "date 2024-03-01\nFormer President Ivo Mba of Chad arrived in Lisbon on Monday. Vice President Ana Lobo of Chad met him. It is the Chadian president's second visit to Portugal.\n";
    let claims = run(&[("a.txt", text)], &["claims"]);
    assert!(
        claims.contains("visit/@chad.president/portugal = ordinal 2")
            && claims.contains("the article does not say who holds it"),
        "{claims}"
    );
    assert!(!claims.contains("ivo-mba/portugal = ordinal"), "{claims}");
    assert!(!claims.contains("ana-lobo/portugal"), "{claims}");
}

#[test]
fn a_title_after_a_countrys_possessive_is_no_part_of_the_name() {
    let a = "date 2021-06-28\nChad's King Ivo II held a summit with Niger's president.\n";
    let c = "date 2021-07-28\nKing Ivo II of Chad met traders in Niamey.\n";
    let b = "date 2021-08-28\nKing Ivo visited Mali on Monday.\n";
    let claims = run(&[("a.txt", a), ("b.txt", b), ("c.txt", c)], &["claims"]);
    // "King Ivo II" is Ivo II, the one person named in full with the surname.
    assert!(claims.contains("visit/ivo-ii/mali = mention"), "{claims}");
    assert!(!claims.contains("King Ivo II;"), "{claims}");
}

#[test]
fn a_description_taken_for_the_one_holder_of_no_country_rests_on_a_guess() {
    let text = "date 2012-05-24\nChad's Defence Minister paid an official visit to Niger this morning. Defence Minister Ana Lobo said the visit went well.\n";
    let json = run(&[("a.txt", text)], &["claims", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let claims = json["articles"][0]["claims"].as_array().unwrap();
    let visit = claims
        .iter()
        .find(|c| c["key"] == "visit/ana-lobo/niger")
        .unwrap_or_else(|| panic!("{claims:?}"));
    assert_eq!(
        visit["confidence"]["because"][0],
        "`@chad.defence-minister` is Ana Lobo, the one the article names with the office, of no place any article gives",
        "{visit}"
    );
}

#[test]
fn a_description_no_article_names_the_holder_of_is_tied_to_no_one() {
    let a = "date 2024-05-01\nThe President of Chad arrived in Madrid on Monday on his second visit to Spain.\n";
    let b = "date 2024-06-01\nThe president of Chad arrived in Madrid on Monday on his third visit to Spain.\n";
    let report = run(&[("a.txt", a), ("b.txt", b)], &["check"]);
    // Whoever held the office is no one person: the two ordinals are not compared.
    assert!(!report.contains("visit-sequence"), "{report}");
    // Each article's arrival and ordinal.
    assert!(report.contains("4 claims tied to no entity"), "{report}");
    // Their claims say they rest on a guess, and why.
    let json = run(
        &[("a.txt", a), ("b.txt", b)],
        &["claims", "--format", "json"],
    );
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let because: Vec<&str> = json["articles"][0]["claims"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["confidence"]["because"].as_array().unwrap())
        .filter_map(|g| g.as_str())
        .collect();
    assert!(
        because.len() == 2
            && because
                .iter()
                .all(|g| g.starts_with("`@chad.president` is not known")),
        "{because:?}"
    );
    // The visitor's home is never the host.
    let text = "date 2024-05-01\nThe Chadian president began a three-day visit on Monday. He met officials in Italy.\n";
    let claims = run(&[("a.txt", text)], &["claims"]);
    assert!(claims.contains("/italy = duration 3 days"), "{claims}");
    assert!(!claims.contains("/chad = duration"), "{claims}");
}

#[test]
fn a_description_is_the_holder_other_articles_name_near_its_date() {
    let named = "date 2024-03-01\nChadian President Ana Lobo arrived in Rome on Monday.\n";
    let later = "date 2024-05-01\nThe President of Chad arrived in Madrid on Monday on his second visit to Spain.\n";
    let far = "date 2026-01-01\nThe president of Chad arrived in Madrid on Monday on his third visit to Spain.\n";
    let claims = run(
        &[("a.txt", named), ("b.txt", later), ("c.txt", far)],
        &["claims"],
    );
    assert!(
        claims.contains("b.txt:2:54: visit/ana-lobo/spain = ordinal 2")
            && claims.contains("`@chad.president` is Ana Lobo, named so on 2024-03-01"),
        "{claims}"
    );
    // Years away, it may be anyone.
    assert!(
        claims.contains("c.txt:2:54: visit/@chad.president/spain = ordinal 3")
            && claims.contains("no article within 183 days of 2026-01-01 names who held it"),
        "{claims}"
    );
    // Named so years before and years after, with no article near the date: they may have
    // been out of office between.
    let again = "date 2026-09-01\nChadian President Ana Lobo arrived in Rome on Monday.\n";
    let between = "date 2025-06-01\nThe President of Chad arrived in Madrid on Monday on his fifth visit to Spain.\n";
    let claims = run(
        &[("a.txt", named), ("e.txt", again), ("f.txt", between)],
        &["claims"],
    );
    assert!(
        claims.contains("f.txt:2:54: visit/@chad.president/spain = ordinal 5")
            && claims.contains("no article within 183 days of 2025-06-01 names who held it"),
        "{claims}"
    );
    // Two holders named near the date: neither is taken.
    let other = "date 2024-07-01\nChadian President Ivo Mba arrived in Rome on Monday.\n";
    let claims = run(
        &[("a.txt", named), ("b.txt", later), ("d.txt", other)],
        &["claims"],
    );
    assert!(
        claims.contains("visit/@chad.president/spain = ordinal 2")
            && claims.contains("may be any of ana-lobo, ivo-mba on 2024-05-01"),
        "{claims}"
    );
}

#[test]
fn a_claim_of_the_key_a_description_takes_across_the_corpus_takes_its_day() {
    let a = "date 2025-02-19\nThe Emir of Chad arrived in Niamey on Wednesday for talks. Media said that Emir Ivo Mba arrived in Niamey to deepen ties.\n";
    let b = "date 2025-01-10\nChadian Emir Ivo Mba met traders in Lome.\n";
    let claims = run(&[("a.txt", a), ("b.txt", b)], &["claims"]);
    assert!(
        claims.contains("a.txt:2:81: visit/ivo-mba/niger = mention when 2025-02-19"),
        "{claims}"
    );
}

#[test]
fn a_surname_after_an_office_is_not_the_one_other_person_of_that_surname_named_with_another() {
    let declared = "[[entity]]\nid = \"ivo-mba\"\nkind = \"person\"\nname = \"Ivo Mba\"\nhome = \"chad\"\nnames = [\"Ivo\"]\n";
    let text = "date 2019-01-21\nPM Mba reaches Niamey for two-day visit\nPrime Minister Ivo Mba began a visit to Niger on Monday. Trade Minister Rui Mba said talks went well.\n";
    let claims = run_declaring(declared, &[("a.txt", text)], &["claims"]);
    assert!(
        claims.contains("a.txt:2:4: visit/ivo-mba/niger"),
        "{claims}"
    );
    assert!(!claims.contains("visit/rui-mba"), "{claims}");
}

#[test]
fn in_an_undated_article_a_description_is_the_declared_holder_the_article_names() {
    let declared = "[[entity]]\nid = \"lobo\"\nkind = \"person\"\nname = \"Ana Lobo\"\nhome = \"chad\"\noffices = [{ office = \"president\", from = \"2021-01-01\", to = \"2023-12-31\" }]\n\n[[entity]]\nid = \"mba\"\nkind = \"person\"\nname = \"Ivo Mba\"\nhome = \"chad\"\noffices = [{ office = \"president\", from = \"2024-01-01\" }]\n";
    let texts = [
        (
            "one.txt",
            "The Chadian president arrived in Madrid on her second visit to Spain. Ana Lobo met traders.\n",
        ),
        (
            "none.txt",
            "The Chadian president arrived in Rome on her second visit to Italy. Traders met.\n",
        ),
        (
            "two.txt",
            "The Chadian president arrived in Paris on a second visit to France. Traders met Ana Lobo and Ivo Mba.\n",
        ),
    ];
    let claims = run_declaring(declared, &texts, &["claims"]);
    assert!(
        claims.contains("visit/lobo/spain = ordinal 2")
            && claims
                .contains("the one the undated article names whom the rules declare holding it"),
        "{claims}"
    );
    assert!(
        claims.contains("visit/@chad.president/italy = ordinal 2"),
        "{claims}"
    );
    assert!(
        claims.contains("visit/@chad.president/france = ordinal 2"),
        "{claims}"
    );
}

#[test]
fn a_description_is_the_holder_the_rules_declare_for_its_date() {
    let dir = tempfile::tempdir().unwrap();
    let c = dir.path().join("corpus");
    fs::create_dir(&c).unwrap();
    fs::write(
        dir.path().join("holders.toml"),
        "[[entity]]\nid = \"lobo\"\nkind = \"person\"\nname = \"Ana Lobo\"\nhome = \"chad\"\noffices = [{ office = \"president\", from = \"2021-01-01\", to = \"2023-12-31\" }]\n",
    )
    .unwrap();
    for (name, date) in [("in.txt", "2023-05-01"), ("out.txt", "2024-05-01")] {
        fs::write(
            c.join(name),
            format!("date {date}\nThe Chadian president arrived in Madrid on Monday on her second visit to Spain.\n"),
        )
        .unwrap();
    }
    let rules = rules_dir();
    let args = [
        "claims",
        "--isolated",
        "--rules",
        &rules,
        "--rules",
        "holders.toml",
        "corpus",
    ];
    let claims = String::from_utf8(claimlint(dir.path(), &args).stdout).unwrap();
    assert!(
        claims.contains("in.txt:2:54: visit/lobo/spain = ordinal 2")
            && claims.contains("\"The Chadian president\" is Ana Lobo, holding it on the article's date, as the rules declare"),
        "{claims}"
    );
    assert!(
        claims.contains("out.txt:2:54: visit/@chad.president/spain = ordinal 2"),
        "{claims}"
    );
    // A term of an office no rule declares is an error at its place.
    fs::write(
        dir.path().join("holders.toml"),
        "[[entity]]\nid = \"lobo\"\nkind = \"person\"\nname = \"Ana Lobo\"\nhome = \"chad\"\noffices = [{ office = \"presdent\", from = \"2021-01-01\" }]\n",
    )
    .unwrap();
    let out = claimlint(dir.path(), &args);
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        err.contains("unknown office `presdent`")
            && err.contains("did you mean `president`")
            && err.contains("holders.toml:6:"),
        "{err}"
    );
    // A term that ends before it begins is an error at its end.
    fs::write(
        dir.path().join("holders.toml"),
        "[[entity]]\nid = \"lobo\"\nkind = \"person\"\nname = \"Ana Lobo\"\nhome = \"chad\"\noffices = [{ office = \"president\", from = \"2023-01-01\", to = \"2021-01-01\" }]\n",
    )
    .unwrap();
    let out = claimlint(dir.path(), &args);
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        err.contains("the term ends (2021-01-01) before it begins (2023-01-01)"),
        "{err}"
    );
}

#[test]
fn a_holder_named_without_their_country_is_of_the_country_other_articles_give() {
    let a = "date 2024-03-01\nChadian President Ana Lobo arrived in Rome on Monday.\n";
    let b = "date 2025-06-01\nPresident Ana Lobo arrived in Madrid on Monday. It is the president of Chad's second visit to Spain.\n";
    let claims = run(&[("a.txt", a), ("b.txt", b)], &["claims"]);
    assert!(
        claims.contains("visit/ana-lobo/spain = ordinal 2")
            && claims
                .contains("named with the office in the article, of chad as other articles say"),
        "{claims}"
    );
    // Alone, the article does not say whose president she is: she is the guess.
    let claims = run(&[("b.txt", b)], &["claims"]);
    assert!(
        claims.contains("visit/ana-lobo/spain = ordinal 2")
            && claims.contains(
                "the one the article names with the office, of no place any article gives"
            ),
        "{claims}"
    );
    // Where another article names her of another country, the office is not hers.
    let c = "date 2025-01-01\nNigerien President Ana Lobo spoke in Niamey.\n";
    let claims = run(&[("b.txt", b), ("c.txt", c)], &["claims"]);
    assert!(
        claims.contains("visit/@chad.president/spain = ordinal 2"),
        "{claims}"
    );
}

#[test]
fn a_place_misspelt_beside_its_name_is_a_variant_and_other_words_are_not() {
    let text = "date 2024-06-05\nNAIROBI — The minister arrived in Nairobi on Monday. Officials in Nairobbi said the talks went well.\n";
    let report = run(&[("a.txt", text)], &["check"]);
    assert!(
        report.contains("warning[variant]: Nairobi is spelled two ways in this article: \"Nairobi\" and \"Nairobbi\""),
        "{report}"
    );
    // A word that extends the name, a name of another place, and a slip of a name the
    // article never writes are not.
    let text = "date 2024-06-05\nThe minister arrived in Nairobi on Monday. Nairobians and Kenyans met him; he flew on to Mombasa. Officials in Lagoss said nothing.\n";
    let report = run(&[("a.txt", text)], &["check"]);
    assert!(!report.contains("[variant]"), "{report}");
}

#[test]
fn an_inferred_visitor_is_never_guessed_past_a_surname_two_people_share() {
    let text = "date 2024-06-05\nGeneral Tarek Vasquez met Minister Ines Vasquez, his cousin, in Lima. General Vasquez spoke. Vasquez began a three-day visit to Chile on Monday.\n";
    let claims = run(&[("a.txt", text)], &["claims"]);
    assert!(
        claims.contains("visit/?/chile = duration 3 days")
            && claims.contains(
                "visitor: \"Vasquez\" may be Ines Vasquez or Tarek Vasquez; left unknown"
            ),
        "{claims}"
    );
    // With no such name in the sentence, the article's person is inferred as before.
    let text = "date 2024-06-05\nGeneral Tarek Vasquez met officials in Lima. General Vasquez spoke. The general began a three-day visit to Chile on Monday.\n";
    let claims = run(&[("a.txt", text)], &["claims"]);
    assert!(
        claims.contains("visit/tarek-vasquez/chile = duration 3 days"),
        "{claims}"
    );
}

#[test]
fn a_host_inferred_as_the_visitors_home_that_other_articles_give_takes_the_next_candidate() {
    let says_home = "date 2024-06-01\nChadian President Ana Lobo arrived in Niamey on Monday.\n";
    let silent = "date 2024-06-05\nPresident Ana Lobo's visit continues a warm spell in relations between Chad and Niger.\n";
    let claims = run(&[("a.txt", says_home), ("b.txt", silent)], &["claims"]);
    assert!(
        claims.contains("b.txt:2:11: visit/ana-lobo/niger = mention")
            && claims.contains(
                "`chad` is home to `ana-lobo` as other articles say: `niger` stands instead"
            ),
        "{claims}"
    );
    // With no article to give the home, the nearest country stands, as the article reads.
    let claims = run(&[("b.txt", silent)], &["claims"]);
    assert!(
        claims.contains("b.txt:2:11: visit/ana-lobo/chad = mention"),
        "{claims}"
    );
    // A home other articles give that is not the inferred host changes nothing.
    let elsewhere = "date 2024-06-01\nNigerien President Ana Lobo arrived in Rome on Monday.\n";
    let silent_niger = "date 2024-06-05\nPresident Ana Lobo's visit continues a warm spell in relations between Chad and Mali.\n";
    let claims = run(
        &[("a.txt", elsewhere), ("b.txt", silent_niger)],
        &["claims"],
    );
    assert!(
        claims.contains("b.txt:2:11: visit/ana-lobo/chad = mention"),
        "{claims}"
    );
}

#[test]
fn a_weekday_after_a_name_is_no_part_of_it() {
    let text = "date 2024-06-05\nMinister Tarek Ruiz Tuesday landed in Lima on a two-day visit. Premier Sun Weilong on Monday arrived in Quito.\n";
    let claims = run(&[("a.txt", text)], &["claims"]);
    assert!(
        claims.contains("visit/tarek-ruiz/peru = mention when 2024-06-04"),
        "{claims}"
    );
    assert!(!claims.contains("tuesday"), "{claims}");
    // "Sun" is a surname, not a weekday's short name.
    assert!(
        claims.contains("visit/sun-weilong/ecuador = mention when 2024-06-03"),
        "{claims}"
    );
}

/// Runs `claims` on articles written into a scratch corpus, with the shipped rules and
/// `people` as a rule file that declares people.
fn claims_with_people(people: &str, articles: &[(&str, &str)]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let c = dir.path().join("corpus");
    fs::create_dir(&c).unwrap();
    fs::write(dir.path().join("people.toml"), people).unwrap();
    for (name, text) in articles {
        fs::write(c.join(name), text).unwrap();
    }
    let rules = rules_dir();
    let args = [
        "claims",
        "--isolated",
        "--rules",
        &rules,
        "--rules",
        "people.toml",
        "corpus",
    ];
    String::from_utf8(claimlint(dir.path(), &args).stdout).unwrap()
}

/// Ana Lobo of Chad, declared, by her full name only.
const LOBO: &str =
    "[[entity]]\nid = \"lobo\"\nkind = \"person\"\nname = \"Ana Lobo\"\nhome = \"chad\"\n";

#[test]
fn a_given_name_after_a_title_is_the_one_declared_person_of_that_first_name() {
    let ruiz =
        "\n[[entity]]\nid = \"ruiz\"\nkind = \"person\"\nname = \"Ana Ruiz\"\nhome = \"niger\"\n";
    let claims = claims_with_people(
        &format!("{LOBO}{ruiz}"),
        &[
            (
                "one.txt",
                "date 2023-05-01\nPM Ana welcomed with a guard of honour upon her arrival in Madrid on Monday.\nPrime Minister Ana Lobo arrived in Madrid on a two-day visit.\n",
            ),
            // Two declared people of that given name: "PM Ana" is neither.
            (
                "two.txt",
                "date 2023-05-01\nPM Ana welcomed with a guard of honour upon her arrival in Madrid on Monday.\nPrime Minister Ana Lobo and President Ana Ruiz arrived in Madrid.\n",
            ),
        ],
    );
    assert!(
        claims.contains("one.txt:2:45: visit/lobo/spain = mention when 2023-05-01"),
        "{claims}"
    );
    assert!(
        claims.contains("two.txt:2:45: visit/~ana/spain"),
        "{claims}"
    );
}

#[test]
fn a_declared_persons_one_word_name_inside_another_name_is_not_them() {
    let claims = claims_with_people(
        &format!("{LOBO}names = [\"Lobo\"]\n"),
        &[(
            "a.txt",
            "date 2023-05-01\nForeign Minister Amir Lobo Sani arrived in Madrid on Monday. Amir Lobo Sani met officials. Minister Rui Lobo arrived in Lima on Tuesday. President Ana Lobo arrived in Quito on Sunday.\n",
        )],
    );
    // "Amir" is a given name here, not the Gulf's title.
    assert!(
        claims.contains("visit/amir-lobo-sani/spain = mention"),
        "{claims}"
    );
    assert!(claims.contains("visit/rui-lobo/peru = mention"), "{claims}");
    assert!(claims.contains("visit/lobo/ecuador = mention"), "{claims}");
    assert!(!claims.contains("visit/lobo/spain"), "{claims}");
    assert!(!claims.contains("visit/lobo/peru"), "{claims}");
}

#[test]
fn a_declared_persons_longer_name_after_another_given_name_is_not_them() {
    let sani = "\n[[entity]]\nid = \"sani\"\nkind = \"person\"\nname = \"Ivo Sani-Mba\"\nnames = [\"Sani Mba\"]\nhome = \"niger\"\n";
    let zoe = "\n[[entity]]\nid = \"zoe\"\nkind = \"person\"\nname = \"Zoé Eva Ko\"\nnames = [\"Eva Ko\"]\nhome = \"niger\"\n";
    let claims = claims_with_people(
        &format!("{LOBO}{sani}{zoe}"),
        &[
            (
                "a.txt",
                "date 2023-05-01\nGovernor Sara Ana Lobo arrived in Madrid on Monday. Sara Ana Lobo met officials.\n",
            ),
            // A prefix many names take, an initial, a word of the declared name: theirs.
            (
                "b.txt",
                "date 2023-05-01\nMinister Muhammad Ana Lobo arrived in Lima on Tuesday.\nPresident S. Ana Lobo arrived in Quito on Sunday.\nMinister Ivo Sani Mba arrived in Accra on Monday.\nMinister Ivo-Sani Mba arrived in Lomé on Sunday.\n",
            ),
            // An honorific, a word of how an office is held, a portfolio's word, a word of
            // the declared name spelled as the folds allow: theirs too.
            (
                "c.txt",
                "date 2023-05-01\nChaudhry Ana Lobo arrived in Lima on Tuesday.\nPresident Elect Ana Lobo arrived in Quito on Sunday.\nMinister for Overseas Pakistanis Ana Lobo arrived in Accra on Monday.\nMinister Zoe Eva Ko arrived in Lomé on Sunday.\n",
            ),
        ],
    );
    assert!(
        claims.contains("a.txt:2:10: visit/sara-ana-lobo/spain = mention"),
        "{claims}"
    );
    assert!(!claims.contains("visit/lobo/spain"), "{claims}");
    assert!(
        claims.contains("b.txt:2:19: visit/lobo/peru = mention"),
        "{claims}"
    );
    assert!(
        claims.contains("b.txt:3:14: visit/lobo/ecuador = mention"),
        "{claims}"
    );
    assert!(
        claims.contains("b.txt:4:14: visit/sani/ghana = mention"),
        "{claims}"
    );
    // A hyphen joins the words before a declared name as a space does.
    assert!(
        claims.contains("b.txt:5:14: visit/sani/togo = mention"),
        "{claims}"
    );
    for line in [
        "c.txt:2:10: visit/lobo/peru = mention",
        "c.txt:3:17: visit/lobo/ecuador = mention",
        "c.txt:4:34: visit/lobo/ghana = mention",
        "c.txt:5:14: visit/zoe/togo = mention",
    ] {
        assert!(claims.contains(line), "{line}\n{claims}");
    }
}

#[test]
fn a_declared_person_named_in_full_is_their_surname_alone_unless_another_shares_it() {
    let claims = claims_with_people(
        LOBO,
        &[
            (
                "one.txt",
                "date 2023-05-01\nAna Lobo met President Ivo Mba. Mba spoke. Mba left. Last month, Lobo visited Lima for a one-day trip.\n",
            ),
            (
                "two.txt",
                "date 2023-05-01\nThe talks were led by Ana Lobo and Minister Rui Lobo. Last month, Lobo visited Lima for a one-day trip.\n",
            ),
            // A surname after a title is the declared person of that surname.
            (
                "three.txt",
                "date 2023-05-01\nFM Lobo arrived in Lima on Sunday. Ana Lobo met officials.\n",
            ),
        ],
    );
    assert!(
        claims.contains("one.txt:2:90: visit/lobo/peru = duration 1 day"),
        "{claims}"
    );
    assert!(
        claims.contains("two.txt:2:91: visit/?/peru = duration 1 day")
            && claims.contains("\"Lobo\" may be Rui Lobo or Ana Lobo; left unknown"),
        "{claims}"
    );
    assert!(
        claims.contains("three.txt:2:4: visit/lobo/peru = mention when 2023-04-30"),
        "{claims}"
    );
}
