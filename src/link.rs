//! Who the people articles name with a title are, decided once for the whole corpus. Two
//! spellings of one name in two articles ("Sergei Petrov", "Sergey Petroff") are one
//! person, under the id the most articles use. A person named only by title and surname
//! ("General Petrov", id `~petrov`) is the one person some article names in full with
//! that surname; with none, they stay `~petrov`, one person across the articles that name
//! them so; with several, they stay `~petrov` too, and their claims say who they may be.

use crate::claim::{ArticleRecord, Claim, HeldOffice, When};
use crate::people::{OFFICE_HOLDER, People, SURNAME_ONLY};
use crate::value::{Value, slug};
use chrono::NaiveDate;
use std::collections::HashMap;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// A person named in full: their id and their name.
type Named = (Arc<str>, Arc<str>);

/// An office someone holds, with the place it is of where an article says it.
type PlacedOffice = (Arc<str>, Option<Arc<str>>);

/// A seat: an office of a place, as the place's id and the office's.
type Seat = (Arc<str>, Arc<str>);

/// An id rewritten: to what, a note saying why, and whether that rests on a guess.
struct Renamed {
    to: Arc<str>,
    note: String,
    guess: bool,
}

/// Rewrites the surname-only ids of the claims of `records` to the person named in full
/// with that surname, where the corpus names exactly one; notes where it names several.
/// The same records give the same keys however they were split into runs or shards.
pub fn link(records: &mut [ArticleRecord], people: Option<&People>) {
    // Spellings of one full name: the id the most articles use stands for the others, of
    // those the one with the most words (it leaves out no given name), then the first.
    let mut articles_naming: BTreeMap<Named, usize> = BTreeMap::new();
    for person in records.iter().flat_map(|r| &r.people) {
        if !person.id.starts_with(SURNAME_ONLY) {
            *articles_naming
                .entry((person.id.clone(), person.name.clone()))
                .or_default() += 1;
        }
    }
    let mut renamed: HashMap<Arc<str>, Named> = HashMap::new();
    if let Some(people) = people {
        let mut clusters: Vec<Vec<(&Named, usize)>> = Vec::new();
        for (named, count) in &articles_naming {
            // Across articles a chain of patronymics is not cut: "Ivo bin Ali" may be "Ivo bin
            // Ali bin Mba" or "Ivo bin Ali bin Sani", and would join the two.
            match clusters
                .iter_mut()
                .find(|c| people.same_person_uncut(&c[0].0.1, &named.1))
            {
                Some(cluster) => cluster.push((named, *count)),
                None => clusters.push(vec![(named, *count)]),
            }
        }
        for cluster in clusters.iter().filter(|c| c.len() > 1) {
            let Some((canonical, _)) = cluster.iter().max_by(|a, b| {
                let words = |n: &Named| n.1.split(' ').count();
                a.1.cmp(&b.1)
                    .then(words(a.0).cmp(&words(b.0)))
                    .then(b.0.0.cmp(&a.0.0))
            }) else {
                continue;
            };
            for (named, _) in cluster {
                if named.0 != canonical.0 {
                    renamed.insert(named.0.clone(), (*canonical).clone());
                }
            }
        }
    }
    // Everyone named in full, by the slug of their surname, with or without the particles
    // a report may leave out before it ("Al Assad", "Assad").
    let mut full: BTreeMap<String, BTreeSet<Named>> = BTreeMap::new();
    let particles = people.and_then(|p| p.particles.as_ref());
    let dropped = people.and_then(|p| p.dropped_particles.as_ref());
    for named @ (person_id, name) in articles_naming.keys() {
        if renamed.contains_key(person_id) {
            continue;
        }
        let surnames = [
            crate::people::surname(name, particles),
            crate::people::bare_surname(name, particles, dropped),
        ];
        for surname in BTreeSet::from(surnames) {
            full.entry(slug(surname)).or_default().insert(named.clone());
        }
    }
    let choice = |id: &str| -> Option<Result<Named, String>> {
        if let Some(to) = renamed.get(id) {
            return Some(Ok(to.clone()));
        }
        let named = full.get(id.strip_prefix(SURNAME_ONLY)?)?;
        // One person written two ways ("Nicolás Lobo", "Nicolas Lobo") has one id.
        let ids: BTreeSet<&Arc<str>> = named.iter().map(|(id, _)| id).collect();
        Some(match ids.len() {
            1 => Ok(named.iter().next()?.clone()),
            _ => Err(format!(
                "`{id}` may be any of {}; left as it is",
                named
                    .iter()
                    .map(|(_, name)| name.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        })
    };
    // The offices each person named in full holds in some article, with their place where
    // it says: of several people a surname may be, the one who holds the office a title
    // gives it ("Prime Minister Lobo", beside Ana Lobo, prime minister, and Rui Lobo, her
    // husband).
    let mut offices_held: BTreeMap<Arc<str>, BTreeSet<PlacedOffice>> = BTreeMap::new();
    for held in records.iter().flat_map(|r| &r.offices) {
        if !held.person.starts_with(SURNAME_ONLY) {
            let person = renamed.get(&held.person).map_or(&held.person, |n| &n.0);
            offices_held
                .entry(person.clone())
                .or_default()
                .insert((held.office.clone(), held.of.clone()));
        }
    }
    // Not an office of another place: "Mali's Prime Minister Lobo" is not Chad's.
    let by_office = |id: &str, held_here: &[HeldOffice]| -> Option<Named> {
        let here: Vec<&HeldOffice> = held_here.iter().filter(|h| *h.person == *id).collect();
        let fits = |(office, of): &PlacedOffice| {
            here.iter()
                .any(|h| h.office == *office && (h.of.is_none() || of.is_none() || h.of == *of))
        };
        let mut holding = full
            .get(id.strip_prefix(SURNAME_ONLY)?)?
            .iter()
            .filter(|(p, _)| {
                offices_held
                    .get(p)
                    .is_some_and(|held| held.iter().any(fits))
            });
        match (holding.next(), holding.next()) {
            (Some(only), None) => Some(only.clone()),
            _ => None,
        }
    };
    let linked = |id: &Arc<str>| match choice(id) {
        Some(Ok((to, _))) => to,
        _ => id.clone(),
    };
    // Each person's home: the one most articles that say give.
    let mut votes: BTreeMap<Arc<str>, BTreeMap<Arc<str>, usize>> = BTreeMap::new();
    for person in records.iter().flat_map(|r| &r.people) {
        if let Some(home) = &person.home {
            *votes
                .entry(linked(&person.id))
                .or_default()
                .entry(home.clone())
                .or_default() += 1;
        }
    }
    // Those whose articles give two homes as often: no home of theirs makes a claim stand.
    let contested: BTreeSet<Arc<str>> = votes
        .iter()
        .filter(|(_, counts)| {
            let most = counts.values().max().copied().unwrap_or(0);
            counts.values().filter(|&&n| n == most).count() > 1
        })
        .map(|(person, _)| person.clone())
        .collect();
    let homes: HashMap<Arc<str>, Arc<str>> = votes
        .into_iter()
        .filter_map(|(person, counts)| {
            let best = counts
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))?;
            Some((person, best.0))
        })
        .collect();
    // An office one article says someone holds, the place from other articles where
    // that one does not say it ("President Ana Lobo").
    let place_of = |held: &HeldOffice| -> Option<(Seat, Arc<str>)> {
        let person = linked(&held.person);
        let of = held.of.clone().or_else(|| homes.get(&person).cloned())?;
        Some(((of, held.office.clone()), person))
    };
    // Who holds which office, and on which days the articles that say so were published.
    let mut holders: BTreeMap<Seat, BTreeMap<Arc<str>, Vec<Option<NaiveDate>>>> = BTreeMap::new();
    for record in records.iter() {
        for (place, person) in record.offices.iter().filter_map(place_of) {
            holders
                .entry(place)
                .or_default()
                .entry(person)
                .or_default()
                .push(record.date);
        }
    }
    let holder_names: HashMap<Arc<str>, Arc<str>> = records
        .iter()
        .flat_map(|r| &r.people)
        .map(|p| (p.id.clone(), p.name.clone()))
        .collect();
    let reach = people.map_or(0, |p| p.holder_reach_days);
    // Every rewrite of an id, with a note saying why (and whether it is a guess), or a
    // note saying why none. `own` holds the article's holders of each office of a place
    // other articles give, `unplaced` those of each office whose place no article gives.
    let rename = |id: &str,
                  date: Option<NaiveDate>,
                  own: &BTreeMap<Seat, BTreeSet<Arc<str>>>,
                  unplaced: &BTreeMap<Arc<str>, BTreeSet<Arc<str>>>,
                  held_here: &[HeldOffice]|
     -> Option<Result<Renamed, String>> {
        if let Some((of, office)) = id
            .strip_prefix(OFFICE_HOLDER)
            .and_then(|held| held.rsplit_once('.'))
        {
            let place: Seat = (Arc::from(of), Arc::from(office));
            let only = |people: Option<&BTreeSet<Arc<str>>>| {
                people
                    .filter(|people| people.len() == 1)
                    .and_then(|people| people.first().cloned())
            };
            // The one person the article itself names with the office, of that place
            // as other articles say.
            if let Some(person) = only(own.get(&place)) {
                let name = holder_names.get(&person).unwrap_or(&person).clone();
                return Some(Ok(Renamed {
                    to: person,
                    note: format!(
                        "`{id}` is {name}, named with the office in the article, of {of} as other articles say"
                    ),
                    guess: false,
                }));
            }
            let held = holders
                .get(&place)
                .map(|named| holder_at(named, date, reach));
            return match (held, only(unplaced.get(office))) {
                (Some(Ok((person, how))), _) => {
                    let name = holder_names.get(&person).unwrap_or(&person).clone();
                    Some(Ok(Renamed {
                        to: person,
                        note: format!("`{id}` is {name}, {how}"),
                        guess: false,
                    }))
                }
                // "Chad's defence minister … Defence Minister Ana Lobo said": the one the
                // article names with the office, of no place any article gives, is a guess.
                (_, Some(person)) => {
                    let name = holder_names.get(&person).unwrap_or(&person).clone();
                    Some(Ok(Renamed {
                        to: person,
                        note: format!(
                            "`{id}` is {name}, the one the article names with the office, of no place any article gives"
                        ),
                        guess: true,
                    }))
                }
                (Some(Err(why)), None) => Some(Err(format!("`{id}` {why}; left as it is"))),
                (None, None) => None,
            };
        }
        Some(match choice(id)? {
            Ok((to, name)) => Ok(Renamed {
                to,
                note: if id.starts_with(SURNAME_ONLY) {
                    format!("`{id}` is {name}, the one person named in full with that surname")
                } else {
                    format!("`{id}` is {name}, spelled so in more articles")
                },
                guess: false,
            }),
            Err(note) => match by_office(id, held_here) {
                Some((to, name)) => Ok(Renamed {
                    to,
                    note: format!(
                        "`{id}` is {name}, the one named in full with that surname who holds the office its title gives"
                    ),
                    // The article may name another of that surname by it too ("Mrs. Lobo").
                    guess: true,
                }),
                None => Err(note),
            },
        })
    };
    for record in records.iter_mut() {
        let date = record.date;
        let mut own: BTreeMap<Seat, BTreeSet<Arc<str>>> = BTreeMap::new();
        let mut unplaced: BTreeMap<Arc<str>, BTreeSet<Arc<str>>> = BTreeMap::new();
        for held in record.offices.iter().filter(|h| h.of.is_none()) {
            match place_of(held) {
                Some((place, person)) => own.entry(place).or_default().insert(person),
                None => unplaced
                    .entry(held.office.clone())
                    .or_default()
                    .insert(linked(&held.person)),
            };
        }
        let held_here = &record.offices;
        let anything = |c: &Claim| c.key.contains(SURNAME_ONLY) || c.key.contains(OFFICE_HOLDER);
        if renamed.is_empty() && !record.claims.iter().any(anything) {
            continue;
        }
        // The keys claims take here, which other claims of the article may already have.
        let mut rekeyed: BTreeSet<Arc<str>> = BTreeSet::new();
        for claim in &mut record.claims {
            let mut notes = Vec::new();
            let mut guesses: Vec<Arc<str>> = Vec::new();
            let parts: Vec<String> = claim
                .key
                .split('/')
                .map(|part| {
                    let ids: Vec<String> = part
                        .split('+')
                        .map(|id| match rename(id, date, &own, &unplaced, held_here) {
                            Some(Ok(Renamed { to, note, guess })) => {
                                if guess {
                                    guesses.push(Arc::from(note.as_str()));
                                }
                                notes.push(note);
                                to.to_string()
                            }
                            Some(Err(note)) => {
                                guesses.push(Arc::from(note.as_str()));
                                notes.push(note);
                                id.to_string()
                            }
                            None if id.starts_with(OFFICE_HOLDER) => {
                                guesses.push(Arc::from(format!(
                                    "`{id}` is not known: no article names who held the office"
                                )));
                                id.to_string()
                            }
                            None => id.to_string(),
                        })
                        .collect();
                    ids.join("+")
                })
                .collect();
            for guess in guesses {
                claim.confidence = claim.confidence.with(guess);
            }
            if notes.is_empty() {
                continue;
            }
            claim.key = parts.join("/").into();
            rekeyed.insert(claim.key.clone());
            if let Value::Entity(id) = &claim.value
                && let Some(Ok(Renamed { to, .. })) = rename(id, date, &own, &unplaced, held_here)
            {
                claim.value = Value::Entity(to);
            }
            claim.add_notes(notes.into_iter().map(Arc::from));
        }
        // A claim of such a key that only the article dates is of the event the article
        // dates under it ("arrived in Tehran", after "The Emir of Qatar arrived in Tehran
        // on Wednesday", which became his).
        for i in 0..record.claims.len() {
            if rekeyed.contains(&record.claims[i].key) {
                follow_dated_event(&mut record.claims, i);
            }
        }
    }
    // A party inferred to differ from another's home, which this article did not say and
    // others do: the next candidate, if it is not the home too, else unknown.
    for record in records.iter_mut() {
        let mut rekeyed = Vec::new();
        for (i, claim) in record.claims.iter_mut().enumerate() {
            if rekey_unlike(claim, &homes, linked) {
                rekeyed.push(i);
            }
        }
        for i in rekeyed {
            follow_dated_event(&mut record.claims, i);
        }
    }
    // A party that must be away from home, whose home its article did not say: the claim
    // stands where other articles give one that is none of its key's parties, a guess. A
    // guessed party stands where they give none, and is unknown where they give a party.
    for record in records.iter_mut() {
        record.claims.retain_mut(|claim| {
            let Some(away) = claim.away.take() else {
                return true;
            };
            let person = linked(&away.of);
            let Some(home) = homes.get(&person).filter(|_| !contested.contains(&person)) else {
                return away.guessed;
            };
            if claim.key.split(['/', '+']).any(|part| part == &**home) {
                if away.guessed {
                    let why = format!(
                        "`{home}` is home to `{person}` as other articles say: left unknown"
                    );
                    rekey_part(
                        claim,
                        |part| part == &*away.of || part == &*person,
                        "?",
                        why,
                    );
                    return true;
                }
                return false;
            }
            if away.guessed {
                return true;
            }
            let note = format!("`{home}` is home to `{person}`, as other articles say");
            claim.confidence = claim.confidence.with(Arc::from(note.as_str()));
            claim.add_notes([Arc::from(note)]);
            true
        });
    }
}

/// Rekeys `claim` when a party it inferred to differ from another's home is that home,
/// as other articles say (`homes`, by the linked id `linked` gives): to the next
/// candidate, if it is not the home too, else unknown. Whether it did.
fn rekey_unlike(
    claim: &mut Claim,
    homes: &HashMap<Arc<str>, Arc<str>>,
    linked: impl Fn(&Arc<str>) -> Arc<str>,
) -> bool {
    let Some(unlike) = &claim.unlike else {
        return false;
    };
    let of = linked(&unlike.of);
    let Some(home) = homes.get(&of).filter(|home| **home == unlike.inferred) else {
        return false;
    };
    if !claim.key.split('/').any(|part| *part == *unlike.inferred) {
        return false;
    }
    let instead = unlike.instead.clone().filter(|id| id != home);
    let to: Arc<str> = instead.clone().unwrap_or_else(|| Arc::from("?"));
    let why = format!(
        "`{home}` is home to `{of}` as other articles say: {}",
        match &instead {
            Some(id) => format!("`{id}` stands instead"),
            None => "left unknown".to_string(),
        }
    );
    let inferred = Arc::clone(&unlike.inferred);
    rekey_part(claim, |part| *part == *inferred, &to, why);
    true
}

/// Puts `to` in place of each part of `claim`'s key that `replaced` picks, and notes `why`
/// as a guess the claim rests on.
fn rekey_part(claim: &mut Claim, replaced: impl Fn(&str) -> bool, to: &str, why: String) {
    let parts: Vec<&str> = claim
        .key
        .split('/')
        .map(|part| if replaced(part) { to } else { part })
        .collect();
    claim.key = parts.join("/").into();
    claim.confidence = claim.confidence.with(Arc::from(why.as_str()));
    claim.add_notes([Arc::from(why)]);
}

/// A claim rekeyed after extraction (or of a key another claim took then) and dated only
/// by its article is of the event the article dates under that key in that window, as
/// extraction makes the claims of one key ("welcomed Mba's visit", after "Mba arrived in
/// Niamey on July 2"; a plan, "Chad's leader to visit Niger", after "Mba will arrive on
/// Thursday"): it takes the date those claims of its modality state there, when they
/// state one.
fn follow_dated_event(claims: &mut [Claim], i: usize) {
    let window = match &claims[i].when {
        Some(When::Dated {
            date, span: None, ..
        }) => *date,
        _ => return,
    };
    let planned = claims[i].is_planned();
    let stated: Vec<&Claim> = claims
        .iter()
        .filter(|c| c.key == claims[i].key && c.is_planned() == planned)
        .filter(|c| {
            matches!(&c.when, Some(When::Dated { date, span: Some(_), .. })
                if window.start <= date.start && date.end <= window.end)
        })
        .collect();
    let Some(first) = stated.first() else {
        return;
    };
    if stated.iter().any(|c| c.when != first.when) {
        return;
    }
    let (when, line) = (first.when.clone(), first.span.line);
    let claim = &mut claims[i];
    claim.when = when;
    let event = if planned { "planned event" } else { "event" };
    claim.add_notes([Arc::from(format!(
        "of the {event} the article dates at line {line}"
    ))]);
}

/// Who held an office on `date`, of the people articles say held it (each with the
/// publication dates of those articles), and in words how that was decided: the one
/// person an article within `reach` days of the date names so, or the only one of those
/// named so both before and after it (named so years before and after, with no article
/// near the date, they may have been out of office between). Otherwise in words why no
/// one is.
fn holder_at(
    named: &BTreeMap<Arc<str>, Vec<Option<NaiveDate>>>,
    date: Option<NaiveDate>,
    reach: u32,
) -> Result<(Arc<str>, String), String> {
    let Some(date) = date else {
        return Err("is not looked for: the article is undated".into());
    };
    // Each person an article within reach of the date names so, with their first and last
    // day named so.
    let near: Vec<(&Arc<str>, NaiveDate, NaiveDate)> = named
        .iter()
        .filter_map(|(p, dates)| {
            let dated = dates.iter().flatten();
            let within = dated
                .clone()
                .any(|d| (*d - date).num_days().abs() <= i64::from(reach));
            let (first, last) = (*dated.clone().min()?, *dated.max()?);
            within.then_some((p, first, last))
        })
        .collect();
    let during: Vec<_> = near.iter().filter(|n| n.1 <= date && date <= n.2).collect();
    let span = |first: NaiveDate, last: NaiveDate| {
        if first == last {
            format!("named so on {first}")
        } else {
            format!("named so from {first} to {last}")
        }
    };
    match (near.as_slice(), during.as_slice()) {
        ([(p, first, last)], _) | (_, [(p, first, last)]) => {
            Ok(((*p).clone(), span(*first, *last)))
        }
        ([], _) => Err(format!(
            "is not known: no article within {reach} days of {date} names who held it"
        )),
        _ => Err(format!(
            "may be any of {} on {date}",
            near.iter()
                .map(|n| n.0.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::{Claim, Confidence, Modality, Person, Span};

    fn record(id: &str, people: &[(&str, &str)], keys: &[&str]) -> ArticleRecord {
        ArticleRecord {
            id: id.into(),
            path: id.into(),
            date: None,
            date_source: None,
            dateline: None,
            record_line: None,
            claims: keys
                .iter()
                .map(|k| Claim {
                    article: id.into(),
                    span: Span::FILE_START,
                    text: "t".into(),
                    rule: "r".into(),
                    key: (*k).into(),
                    value: Value::Mention,
                    value_span: None,
                    when: None,
                    modality: Modality::Reported,
                    notes: Box::new([]),
                    confidence: Confidence::Sure,
                    unlike: None,
                    away: None,
                })
                .collect(),
            spellings: Vec::new(),
            capped: Vec::new(),
            needs_date: None,
            people: people
                .iter()
                .map(|(id, name)| Person {
                    id: (*id).into(),
                    name: (*name).into(),
                    home: None,
                })
                .collect(),
            offices: Vec::new(),
            owned: true,
        }
    }

    #[test]
    fn a_surname_is_the_one_person_named_in_full_with_it() {
        let mut records = vec![
            record(
                "a",
                &[("sergei-petrov", "Sergei Petrov")],
                &["visit/sergei-petrov/chad"],
            ),
            record(
                "b",
                &[("~petrov", "Petrov")],
                &["visit/~petrov/chad", "border/chad+niger"],
            ),
            record("c", &[("~demir", "Demir")], &["visit/~demir/chad"]),
        ];
        link(&mut records, None);
        assert_eq!(&*records[1].claims[0].key, "visit/sergei-petrov/chad");
        assert!(records[1].claims[0].notes[0].contains("Sergei Petrov"));
        assert_eq!(&*records[1].claims[1].key, "border/chad+niger");
        // Named by surname only, everywhere: one person still, by that surname.
        assert_eq!(&*records[2].claims[0].key, "visit/~demir/chad");
    }

    #[test]
    fn a_surname_two_people_share_stays_unlinked_and_says_so() {
        let mut records = vec![
            record("a", &[("ali-vasquez", "Ali Vasquez")], &[]),
            record("b", &[("ines-vasquez", "Ines Vasquez")], &[]),
            record("c", &[("~vasquez", "Vasquez")], &["visit/~vasquez/chad"]),
        ];
        link(&mut records, None);
        let claim = &records[2].claims[0];
        assert_eq!(&*claim.key, "visit/~vasquez/chad");
        assert!(
            claim.notes[0].contains("Ali Vasquez, Ines Vasquez"),
            "{:?}",
            claim.notes
        );
    }
}
