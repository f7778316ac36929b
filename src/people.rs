//! People no rule declares, recognized where the text says who they are: a title or an
//! office before a capitalized name ("General Asim Munir", "Prime Minister Narendra
//! Modi"), by the `[people]` patterns of the rules. Each is an entity of the article,
//! mentioned in full and by surname; a declared entity always takes precedence.

use crate::gazetteer::{Entity, Gazetteer, Mention, Surface};
use regex::Regex;
use std::collections::BTreeMap;
use std::ops::Range;

/// The `[people]` of the rules, compiled.
#[derive(Debug, Clone)]
pub struct People {
    /// The kind the people found are.
    pub kind: String,
    /// Patterns with a `name` group.
    pub patterns: Vec<Regex>,
    /// Words never part of a name, anchored to the whole word.
    pub not_name: Option<Regex>,
    /// The kind of a person's home, named just before their titles or after their name.
    pub home: Option<String>,
}

/// The prefix of the id of a person known only by surname ("General Bagheri"): such an
/// id says who only once the corpus is read (see [`crate::link`]).
pub const SURNAME_ONLY: &str = "~";

/// A name found after a title in one article.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Found {
    /// The name as written, white space folded.
    name: String,
    /// Its last word.
    surname: String,
    /// The title's stem ("gen" for "General" and "Gen."): what makes "General Vasquez"
    /// the general of two people named Vasquez.
    title: String,
    /// Where the name is.
    range: Range<usize>,
    /// The entity named as the person's home, if any.
    home: Option<usize>,
}

impl Found {
    fn is_full(&self) -> bool {
        self.name.contains(' ')
    }
}

/// A title's stem: the first three letters of its last word, lowercase.
fn title_stem(title: &str) -> String {
    title
        .split_whitespace()
        .last()
        .unwrap_or_default()
        .chars()
        .filter(|c| c.is_alphabetic())
        .take(3)
        .flat_map(char::to_lowercase)
        .collect()
}

fn slug(text: &str) -> String {
    crate::value::slug(text)
}

/// Every place `word` stands in `text` at ASCII word boundaries.
fn occurrences<'t>(text: &'t str, word: &'t str) -> impl Iterator<Item = Range<usize>> + 't {
    let bytes = text.as_bytes();
    let in_word = |b: u8| b.is_ascii_alphanumeric();
    text.match_indices(word)
        .map(|(at, w)| at..at + w.len())
        .filter(move |r| {
            (r.start == 0 || !in_word(bytes[r.start - 1]))
                && (r.end == bytes.len() || !in_word(bytes[r.end]))
        })
}

impl People {
    /// The person's home named just before the match (`Turkish Foreign Minister`,
    /// `Pakistan's army chief`, possibly with a few words between) or right after the
    /// name (`… of Pakistan`): a mention of an entity of the home kind there.
    fn home_of(
        &self,
        body: &str,
        gazetteer: &Gazetteer,
        mentions: &[Mention],
        start: usize,
        end: usize,
    ) -> Option<usize> {
        let kind = self.home.as_deref()?;
        let of_kind = |m: &Mention| match m.candidates.as_slice() {
            [only] => gazetteer.as_kind(only.entity, kind),
            _ => None,
        };
        // Before: the same sentence, at most three words back, nothing but words and a
        // possessive between.
        let before = mentions
            .iter()
            .rev()
            .find(|m| m.range.end <= start)
            .filter(|m| {
                let between = &body[m.range.end..start];
                let gap = between.trim_start_matches(['\'', '’', 's']);
                !gap.contains(['.', ',', ';', '\n']) && gap.split_whitespace().count() <= 3
            })
            .and_then(of_kind);
        let after = || {
            mentions
                .iter()
                .find(|m| m.range.start >= end)
                .filter(|m| body[end..m.range.start].trim() == "of")
                .and_then(of_kind)
        };
        before.or_else(after)
    }

    /// The people `body` names with a title, as entities of the article numbered after
    /// the gazetteer's, and `mentions` (the gazetteer's, in text order) with theirs added:
    /// each full name and each surname wherever a declared entity is not written. A name
    /// a declared person is written as is that person's; a surname alone ("General
    /// Bagheri") is the person the article names in full with it, when there is one.
    pub fn discover(
        &self,
        body: &str,
        gazetteer: &Gazetteer,
        mentions: Vec<Mention>,
    ) -> (Vec<Entity>, Vec<Mention>) {
        let overlaps = |a: &Range<usize>, b: &Range<usize>| a.start < b.end && b.start < a.end;
        let mut found: Vec<Found> = Vec::new();
        for re in &self.patterns {
            for caps in re.captures_iter(body) {
                let (Some(whole), Some(name)) = (caps.get(0), caps.name("name")) else {
                    continue;
                };
                let words: Vec<&str> = name.as_str().split_whitespace().collect();
                let not_a_name = self
                    .not_name
                    .as_ref()
                    .is_some_and(|re| words.iter().any(|w| re.is_match(w)));
                if not_a_name || mentions.iter().any(|m| overlaps(&m.range, &name.range())) {
                    continue;
                }
                let name_text = words.join(" ");
                found.push(Found {
                    surname: words.last().copied().unwrap_or_default().to_string(),
                    title: title_stem(&body[whole.start()..name.start()]),
                    name: name_text,
                    range: name.range(),
                    home: self.home_of(body, gazetteer, &mentions, whole.start(), name.end()),
                });
            }
        }
        if found.is_empty() {
            return (Vec::new(), mentions);
        }
        // Everyone named in full is a person; a surname alone is one only when the article
        // names no one in full with it.
        let mut names: Vec<&str> = found
            .iter()
            .filter(|f| f.is_full() || !found.iter().any(|g| g.is_full() && g.surname == f.surname))
            .map(|f| f.name.as_str())
            .collect();
        names.sort_unstable();
        names.dedup();
        let base = gazetteer.entities().len();
        let home_of = |name: &str| {
            found
                .iter()
                .filter(|f| f.name == name || (!name.contains(' ') && f.surname == name))
                .find_map(|f| f.home)
        };
        let local: Vec<Entity> = names
            .iter()
            .map(|name| Entity {
                id: if name.contains(' ') {
                    slug(name)
                } else {
                    format!("{SURNAME_ONLY}{}", slug(name))
                }
                .into(),
                kind: self.kind.clone(),
                name: (*name).into(),
                part_of: None,
                home: home_of(name),
                spellings: Vec::new(),
            })
            .collect();
        let index_of = |name: &str| names.iter().position(|n| *n == name).map(|i| base + i);
        let surname_of = |e: &Entity| e.name.rsplit(' ').next().unwrap_or_default().to_string();
        let mut added: Vec<Mention> = Vec::new();
        let mention = |range: Range<usize>, entities: Vec<usize>| Mention {
            range,
            candidates: entities
                .into_iter()
                .map(|entity| Surface {
                    entity,
                    spelling: Vec::new(),
                })
                .collect(),
        };
        // A surname after a title ("General Vasquez") is the one person of that surname
        // named in full with the same title, or the only one of that surname.
        for f in found.iter().filter(|f| !f.is_full()) {
            let full: Vec<&Found> = found
                .iter()
                .filter(|g| g.is_full() && g.surname == f.surname)
                .collect();
            let mut fitting: Vec<usize> = full
                .iter()
                .filter(|g| full.len() == 1 || g.title == f.title)
                .filter_map(|g| index_of(&g.name))
                .collect();
            fitting.sort_unstable();
            fitting.dedup();
            let entities = if full.is_empty() {
                index_of(&f.name).into_iter().collect()
            } else {
                fitting
            };
            if !entities.is_empty() && !added.iter().any(|m| overlaps(&m.range, &f.range)) {
                added.push(mention(f.range.clone(), entities));
            }
        }
        // Then every full name, and every surname (a surname two people share names
        // either, and is resolved to the one named last), longest forms first.
        let mut forms: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, e) in local.iter().enumerate() {
            forms.entry(e.name.to_string()).or_default().push(base + i);
            let list = forms.entry(surname_of(e)).or_default();
            if !list.contains(&(base + i)) {
                list.push(base + i);
            }
        }
        let mut ordered: Vec<(&String, &Vec<usize>)> = forms.iter().collect();
        ordered.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(b.0)));
        for (form, entities) in ordered {
            for range in occurrences(body, form) {
                let taken = |m: &Mention| overlaps(&m.range, &range);
                if mentions.iter().any(taken) || added.iter().any(taken) {
                    continue;
                }
                added.push(mention(range, entities.clone()));
            }
        }
        let mut all = mentions;
        all.extend(added);
        all.sort_by_key(|m| (m.range.start, m.range.end));
        (local, all)
    }
}
