//! People no rule declares, recognized where the text says who they are: a title or an
//! office before a capitalized name ("General Ivo Lobo", "Prime Minister Ana
//! Lobo"), by the `[people]` patterns of the rules. Each is an entity of the article,
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
    /// Transliteration folds, applied in order to a name in lower case.
    pub folds: Vec<(Regex, String)>,
}

/// The prefix of the id of a person known only by surname ("General Lobo"): such an
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

/// The surname of a name: its last word that is no initial ("J.") and no generational
/// suffix ("Jr.", "III").
pub fn surname(name: &str) -> &str {
    name.split(' ')
        .rev()
        .find(|w| !is_initial_or_suffix(w))
        .or_else(|| name.split(' ').next_back())
        .unwrap_or_default()
}

/// Whether a word of a name is an initial ("J.") or a generational suffix ("Jr.", "III").
fn is_initial_or_suffix(word: &str) -> bool {
    word.ends_with('.') || (!word.is_empty() && word.chars().all(|c| matches!(c, 'I' | 'V' | 'X')))
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

/// The spelling groups of one person written several ways: for each word where the
/// spellings differ (when they have as many words), its forms in the order written.
fn spelling_groups(cluster: &[&str]) -> Vec<Vec<std::sync::Arc<str>>> {
    let split: Vec<Vec<&str>> = cluster.iter().map(|n| n.split(' ').collect()).collect();
    let words = split[0].len();
    if split.iter().any(|w| w.len() != words) {
        return Vec::new();
    }
    (0..words)
        .filter_map(|i| {
            let mut forms: Vec<std::sync::Arc<str>> = Vec::new();
            for w in &split {
                if !forms.iter().any(|f| &**f == w[i]) {
                    forms.push(w[i].into());
                }
            }
            (forms.len() > 1).then_some(forms)
        })
        .collect()
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
    /// `name` in lower case with the folds applied: what two spellings of one name share.
    pub fn fold(&self, name: &str) -> String {
        self.folds
            .iter()
            .fold(name.to_lowercase(), |text, (re, to)| {
                re.replace_all(&text, to.as_str()).into_owned()
            })
    }

    /// Whether two names are one person spelled two ways: the same number of words, the
    /// given names alike once folded, and the surnames alike once folded or one edit apart
    /// (a swapped or missing letter) when they are long enough for that to be a spelling.
    pub fn same_person(&self, a: &str, b: &str) -> bool {
        // Initials and suffixes ("J.", "III") may be written or left out.
        let core = |name: &str| -> Vec<String> {
            name.split(' ')
                .filter(|w| !is_initial_or_suffix(w))
                .map(|w| self.fold(w))
                .collect()
        };
        let (a, b) = (core(a), core(b));
        let (Some((sa, given_a)), Some((sb, given_b))) = (a.split_last(), b.split_last()) else {
            return false;
        };
        !given_a.is_empty()
            && given_a == given_b
            && (sa == sb || (sa.chars().count() >= 6 && strsim::damerau_levenshtein(sa, sb) <= 1))
    }

    /// The person's home named just before the match (`Chadian Foreign Minister`,
    /// `Chad's army chief`, possibly with a few words between) or right after the
    /// name (`… of Chad`): a mention of an entity of the home kind there.
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
    /// Lobo") is the person the article names in full with it, when there is one.
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
                    surname: surname(&words.join(" ")).to_string(),
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
        // Everyone named in full is a person, two spellings of one name one person; a
        // surname alone is one only when the article names no one in full with it.
        let mut clusters: Vec<Vec<&str>> = Vec::new();
        // The people named in full whom a one-word name after a title stands for: those of
        // that surname, else those of that given name ("Minister Ivo" for "Ivo
        // Lobo").
        let named_by = |f: &Found| -> Vec<&Found> {
            let by_surname: Vec<&Found> = found
                .iter()
                .filter(|g| g.is_full() && g.surname == f.surname)
                .collect();
            if !by_surname.is_empty() {
                return by_surname;
            }
            found
                .iter()
                .filter(|g| g.is_full() && g.name.split(' ').next() == Some(f.name.as_str()))
                .collect()
        };
        for f in &found {
            let alone = !f.is_full() && !named_by(f).is_empty();
            if alone || clusters.iter().flatten().any(|n| *n == f.name) {
                continue;
            }
            match clusters
                .iter_mut()
                .find(|c| f.is_full() && c[0].contains(' ') && self.same_person(c[0], &f.name))
            {
                Some(cluster) => cluster.push(&f.name),
                None => clusters.push(vec![&f.name]),
            }
        }
        clusters.sort_by(|a, b| a[0].cmp(b[0]));
        let base = gazetteer.entities().len();
        let cluster_of = |name: &str| clusters.iter().position(|c| c.contains(&name));
        let home_of = |cluster: &[&str]| {
            found
                .iter()
                .filter(|f| cluster.contains(&f.name.as_str()))
                .find_map(|f| f.home)
        };
        let local: Vec<Entity> = clusters
            .iter()
            .map(|cluster| {
                let name = cluster[0];
                Entity {
                    id: if name.contains(' ') {
                        slug(name)
                    } else {
                        format!("{SURNAME_ONLY}{}", slug(name))
                    }
                    .into(),
                    kind: self.kind.clone(),
                    name: name.into(),
                    part_of: None,
                    home: home_of(cluster),
                    spellings: spelling_groups(cluster),
                }
            })
            .collect();
        let mut added: Vec<Mention> = Vec::new();
        let surfaces = |entities: &[usize]| -> Vec<Surface> {
            entities
                .iter()
                .map(|&i| Surface {
                    entity: base + i,
                    spelling: Vec::new(),
                })
                .collect()
        };
        // A surname after a title ("General Vasquez") is the one person of that surname
        // named in full with the same title, or the only one of that surname; a given name
        // after a title, the only one of that given name.
        for f in found.iter().filter(|f| !f.is_full()) {
            let full = named_by(f);
            let mut fitting: Vec<usize> = full
                .iter()
                .filter(|g| full.len() == 1 || g.title == f.title)
                .filter_map(|g| cluster_of(&g.name))
                .collect();
            fitting.sort_unstable();
            fitting.dedup();
            let entities: Vec<usize> = if full.is_empty() {
                cluster_of(&f.name).into_iter().collect()
            } else {
                fitting
            };
            if !entities.is_empty() && !added.iter().any(|m| overlaps(&m.range, &f.range)) {
                added.push(Mention {
                    range: f.range.clone(),
                    candidates: surfaces(&entities),
                });
            }
        }
        // Then every spelling of every full name, and of every surname (a surname two
        // people share names either: extraction leaves it unknown), longest forms first;
        // each with the spelling it uses, for the `variant` check.
        let mut forms: BTreeMap<String, Vec<Surface>> = BTreeMap::new();
        for (i, (cluster, e)) in clusters.iter().zip(&local).enumerate() {
            for name in cluster {
                let words: Vec<&str> = name.split(' ').collect();
                let choice = |from: usize| -> Vec<(usize, usize)> {
                    e.spellings
                        .iter()
                        .enumerate()
                        .filter_map(|(g, alts)| {
                            let word = words
                                .iter()
                                .skip(from)
                                .find(|w| alts.iter().any(|a| &**a == **w))?;
                            Some((g, alts.iter().position(|a| &**a == *word)?))
                        })
                        .collect()
                };
                let last = surname(name);
                let at = words
                    .iter()
                    .rposition(|w| *w == last)
                    .unwrap_or(words.len() - 1);
                for (form, spelling) in [
                    (name.to_string(), choice(0)),
                    (last.to_string(), choice(at)),
                ] {
                    let list = forms.entry(form).or_default();
                    if !list.iter().any(|s| s.entity == base + i) {
                        list.push(Surface {
                            entity: base + i,
                            spelling,
                        });
                    }
                }
            }
        }
        let mut ordered: Vec<(&String, &Vec<Surface>)> = forms.iter().collect();
        ordered.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(b.0)));
        for (form, candidates) in ordered {
            for range in occurrences(body, form) {
                let taken = |m: &Mention| overlaps(&m.range, &range);
                if mentions.iter().any(taken) || added.iter().any(taken) {
                    continue;
                }
                added.push(Mention {
                    range,
                    candidates: candidates.clone(),
                });
            }
        }
        let mut all = mentions;
        all.extend(added);
        all.sort_by_key(|m| (m.range.start, m.range.end));
        (local, all)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people() -> People {
        let folds = [
            (r"\bm[ou]hamm?[ae]d\b", "muhammad"),
            (r"gh|q", "k"),
            (r"ee|e", "i"),
            (r"i+", "i"),
            (r"iyan\b", "ian"),
        ];
        People {
            kind: "person".into(),
            patterns: Vec::new(),
            not_name: None,
            home: None,
            folds: folds
                .iter()
                .map(|(re, to)| (Regex::new(re).unwrap(), to.to_string()))
                .collect(),
        }
    }

    #[test]
    fn spellings_of_one_name_fold_alike_and_other_given_names_do_not() {
        let p = people();
        assert!(p.same_person("Mohammad Sadeghi", "Muhammad Sadeqi"));
        assert!(p.same_person("Hossein Amir-Abdollahian", "Hossein Amir-Abdollahiyan"));
        // One swapped letter in a long surname is a spelling.
        assert!(p.same_person("Ali Abdollahian", "Ali Abdollahain"));
        assert!(!p.same_person("Ali Sadeghi", "Mohammad Sadeghi"));
        assert!(
            !p.same_person("Ali Khan", "Ali Kahn"),
            "short surnames must agree"
        );
        assert!(!p.same_person("Sadeghi", "Ali Sadeghi"));
        assert!(p.same_person("Lloyd J. Austin III", "Lloyd Austin"));
    }
}
