//! Entities declared in the rules — canonical id, kind, display name, surface forms and
//! spelling variants — and finding their mentions in text.
//!
//! A surface form that several entities share (a surname) is ambiguous: it is resolved to
//! the entity the article named unambiguously before, and left unresolved otherwise.

use crate::pattern::bounded_literal;
use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};
use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;
use std::sync::Arc;

/// One entity, compiled.
#[derive(Debug, Clone)]
pub struct Entity {
    /// Canonical id, used in claim keys.
    pub id: Arc<str>,
    /// Its kind (person, country, city …).
    pub kind: String,
    /// The name to display.
    pub name: Arc<str>,
    /// The entity it lies in or belongs to (a city's country), as an index.
    pub part_of: Option<usize>,
    /// The entity it comes from without lying in it (a person's country), as an index.
    pub home: Option<usize>,
    /// Groups of interchangeable spellings of one word ("Petrov" / "Petroff").
    pub spellings: Vec<Vec<Arc<str>>>,
}

/// The spelling alternatives a form uses: (group index, alternative index) pairs.
pub type SpellingChoice = Vec<(usize, usize)>;

/// One way of writing one entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Surface {
    /// Index of the entity in the gazetteer.
    pub entity: usize,
    /// For each spelling group the form uses: (group index, chosen alternative).
    pub spelling: SpellingChoice,
}

/// A stretch of text naming one or more candidate entities.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Byte range in the text.
    pub range: Range<usize>,
    /// The surface forms it may be; one unless the form is ambiguous.
    pub candidates: Vec<Surface>,
}

/// All entities, and the index from surface forms to entities.
#[derive(Debug, Default)]
pub struct Gazetteer {
    entities: Vec<Entity>,
    by_id: HashMap<String, usize>,
    surfaces: HashMap<String, Vec<Surface>>,
    /// Every form (and its no-break-space spelling), matched leftmost-longest, with the
    /// surfaces each stands for (see [`Gazetteer::lookup`]), by pattern: a match needs no
    /// lookup of its text.
    forms: Option<(AhoCorasick, Vec<Vec<Surface>>)>,
    /// The letter that stands for each kind in masked text.
    kind_codes: std::collections::BTreeMap<String, char>,
}

/// Letters that stand for kinds in masked text.
const KIND_CODES: &str = "abcdefghijklmnopqrstuvwxyz0123456789";

/// Cap on the forms one name expands to through spelling groups.
const MAX_FORMS_PER_NAME: usize = 256;

impl Gazetteer {
    /// Builds a gazetteer from entities and, for each, the names it is written as (the
    /// display name among them). Spelling groups multiply the names: every combination of
    /// alternatives is a form.
    pub fn new(entries: Vec<(Entity, Vec<String>)>) -> Result<Self, aho_corasick::BuildError> {
        let mut g = Gazetteer::default();
        for (index, (entity, names)) in entries.into_iter().enumerate() {
            g.by_id.insert(entity.id.to_string(), index);
            for name in &names {
                for (form, spelling) in spelled_forms(name, &entity.spellings) {
                    let list = g.surfaces.entry(form).or_default();
                    let surface = Surface {
                        entity: index,
                        spelling,
                    };
                    if !list.contains(&surface) {
                        list.push(surface);
                    }
                }
            }
            g.entities.push(entity);
        }
        let mut kinds: Vec<&String> = g.entities.iter().map(|e| &e.kind).collect();
        kinds.sort();
        kinds.dedup();
        g.kind_codes = kinds
            .into_iter()
            .zip(KIND_CODES.chars().cycle())
            .map(|(k, c)| (k.clone(), c))
            .collect();
        let mut forms: Vec<String> = g.surfaces.keys().cloned().collect();
        forms.extend(
            g.surfaces
                .keys()
                .filter(|f| f.contains(' '))
                .map(|f| f.replace(' ', "\u{a0}")),
        );
        // A name of three words or more may join its last two with a hyphen, as a
        // double surname is written as often ("Ana Lobo Mba", "Ana Lobo-Mba").
        forms.extend(
            g.surfaces
                .keys()
                .filter(|f| f.split(' ').count() >= 3)
                .filter_map(|f| {
                    f.rsplit_once(' ')
                        .map(|(head, last)| format!("{head}-{last}"))
                }),
        );
        // Pages print the apostrophe of "N'Djamena" curly as often as straight.
        forms.extend(
            g.surfaces
                .keys()
                .filter(|f| f.contains('\''))
                .map(|f| f.replace('\'', "’")),
        );
        forms.sort();
        if !forms.is_empty() {
            let automaton = AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .start_kind(StartKind::Both)
                .build(&forms)?;
            let surfaces = forms.iter().map(|f| g.lookup(f).to_vec()).collect();
            g.forms = Some((automaton, surfaces));
        }
        Ok(g)
    }

    /// All entities, in declaration order.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The index of the entity with `id`.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// The surface forms that `text` may be (white space normalized, apostrophes
    /// straight, a hyphen before the last word of a name of three words or more a space).
    pub fn lookup(&self, text: &str) -> &[Surface] {
        let normalized = crate::value::fold_space(text);
        let straight;
        let key = if normalized.contains('’') {
            straight = normalized.replace('’', "'");
            straight.as_str()
        } else {
            normalized.as_ref()
        };
        if let Some(found) = self.surfaces.get(key) {
            return found;
        }
        match key.rsplit_once('-') {
            Some((head, last)) if head.split(' ').count() >= 2 && !last.contains(' ') => self
                .surfaces
                .get(&format!("{head} {last}"))
                .map_or(&[], Vec::as_slice),
            _ => &[],
        }
    }

    /// The entity of kind `kind` that `entity` is or lies in (following `part_of`).
    pub fn as_kind(&self, entity: usize, kind: &str) -> Option<usize> {
        let mut current = Some(entity);
        let mut steps = 0;
        while let Some(i) = current {
            if self.entities[i].kind == kind {
                return Some(i);
            }
            current = self.entities[i].part_of;
            steps += 1;
            if steps > self.entities.len() {
                return None;
            }
        }
        None
    }

    /// A regex alternation (no captures) of every form of every entity that is of `kind`
    /// or lies in one; `None` if there is none.
    pub fn kind_pattern(&self, kind: &str) -> Option<String> {
        let mut forms: Vec<&String> = self
            .surfaces
            .iter()
            .filter(|(_, list)| list.iter().any(|s| self.as_kind(s.entity, kind).is_some()))
            .map(|(form, _)| form)
            .collect();
        if forms.is_empty() {
            return None;
        }
        sort_longest_first(&mut forms);
        let alternation: Vec<String> = forms.iter().map(|f| bounded_literal(f)).collect();
        Some(format!("(?:{})", alternation.join("|")))
    }

    /// A regex (no captures) of the masked token of any entity that is of `kind` or lies in
    /// one (see [`Gazetteer::mask`]); `None` if there is none.
    pub fn kind_token_pattern(&self, kind: &str) -> Option<String> {
        let mut codes: Vec<char> = self
            .entities
            .iter()
            .enumerate()
            .filter(|(i, _)| self.as_kind(*i, kind).is_some())
            .filter_map(|(_, e)| self.kind_codes.get(&e.kind).copied())
            .collect();
        codes.sort_unstable();
        codes.dedup();
        (!codes.is_empty()).then(|| {
            let codes: String = codes.into_iter().collect();
            format!(r"(?-u:\b)_[{codes}]_*(?-u:\b)")
        })
    }

    /// The kind whose masked token begins with `text` (`_` and the kind's letter, as the
    /// prefilter requires it), if any.
    pub fn kind_of_token(&self, text: &str) -> Option<&str> {
        let code = text.strip_prefix('_').filter(|c| c.len() == 1)?;
        self.kind_codes
            .iter()
            .find(|(_, c)| code.starts_with(**c))
            .map(|(kind, _)| kind.as_str())
    }

    /// `text` with every mention (of two bytes or more) replaced by a token of the same
    /// length, `_` then its kind's letter then `_`s: extractor patterns match entity slots
    /// against these tokens instead of against thousands of names, which keeps their
    /// automata small; offsets are unchanged, so captures map back to the text.
    pub fn mask(&self, text: &str, mentions: &[Mention]) -> String {
        self.mask_with(text, mentions, |e| &self.entities[e].kind)
    }

    /// [`Gazetteer::mask`] with each entity's kind given by `kind_of`: for mentions of
    /// entities an article adds to the gazetteer's.
    pub fn mask_with<'k>(
        &self,
        text: &str,
        mentions: &[Mention],
        kind_of: impl Fn(usize) -> &'k str,
    ) -> String {
        let mut bytes = text.as_bytes().to_vec();
        for m in mentions {
            let Some(code) = m
                .candidates
                .first()
                .and_then(|s| self.kind_codes.get(kind_of(s.entity)))
            else {
                continue;
            };
            if m.range.len() < 2 {
                continue;
            }
            bytes[m.range.clone()].fill(b'_');
            bytes[m.range.start + 1] = *code as u8;
        }
        String::from_utf8(bytes).expect("whole characters replaced by ASCII")
    }

    /// Every mention of any entity in `text`, leftmost-longest, in order. A form must stand
    /// at ASCII word boundaries where it starts or ends with a letter or digit ("Khan" is
    /// not in "Khanate"); where the longest form at a place does not end at one, a shorter
    /// form there may ("Saudi" in "Saudi Arabian"). One Aho-Corasick pass, however large
    /// the gazetteer.
    pub fn mentions(&self, text: &str) -> Vec<Mention> {
        let Some((automaton, surfaces)) = &self.forms else {
            return Vec::new();
        };
        let bytes = text.as_bytes();
        let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
        let mut out = Vec::new();
        let mut at = 0;
        let ends_clean = |end: usize| {
            (!word(bytes[end - 1]) || end == bytes.len() || !word(bytes[end]))
                && !runs_on(bytes, end)
        };
        while let Some(m) = automaton.find(Input::new(text).range(at..)) {
            let (start, mut end, mut form) = (m.start(), m.end(), m.pattern());
            let starts_clean = (!word(bytes[start]) || start == 0 || !word(bytes[start - 1]))
                && !runs_in(bytes, start);
            // A shorter form at the same place may end cleanly ("Saudi" in "Saudi Arabian"
            // where "Saudi Arabia" does not).
            while starts_clean && !ends_clean(end) {
                let shorter = Input::new(text)
                    .range(start..end - 1)
                    .anchored(Anchored::Yes);
                match automaton.find(shorter) {
                    Some(s) => (end, form) = (s.end(), s.pattern()),
                    None => break,
                }
            }
            if starts_clean && ends_clean(end) {
                out.push(Mention {
                    range: start..end,
                    candidates: surfaces[form.as_usize()].clone(),
                });
                at = end;
            } else {
                at = start + text[start..].chars().next().map_or(1, char::len_utf8);
            }
        }
        out
    }

    /// The entity a mention denotes: its only candidate, or among ambiguous candidates the
    /// one already named unambiguously earlier in `mentions` (which must be in text order).
    pub fn resolve(
        &self,
        candidates: &[Surface],
        at: usize,
        mentions: &[Mention],
    ) -> Option<usize> {
        match candidates {
            [] => None,
            [only] => Some(only.entity),
            many => self.innermost(many).or_else(|| {
                let named_before: Vec<usize> = mentions
                    .iter()
                    .take_while(|m| m.range.start < at)
                    .filter_map(|m| match m.candidates.as_slice() {
                        [only] => Some(only.entity),
                        _ => None,
                    })
                    .collect();
                let last = |e: usize| named_before.iter().rposition(|&n| n == e);
                named_before
                    .iter()
                    .rev()
                    .find(|e| many.iter().any(|s| s.entity == **e))
                    .copied()
                    .or_else(|| self.by_named_container(many, last))
            }),
        }
    }

    /// Of candidates none of which was named before, the one that lies in the entity named
    /// last (the Mao of the country the article named), by `named_at`, the position of
    /// an entity's last naming; none when two lie in it.
    fn by_named_container(
        &self,
        candidates: &[Surface],
        named_at: impl Fn(usize) -> Option<usize>,
    ) -> Option<usize> {
        let container_named = |entity: usize| {
            std::iter::successors(self.entities.get(entity)?.part_of, |&i| {
                self.entities.get(i)?.part_of
            })
            .take(self.entities.len())
            .filter_map(&named_at)
            .max()
        };
        let mut ranked: Vec<(usize, usize)> = candidates
            .iter()
            .filter_map(|c| Some((container_named(c.entity)?, c.entity)))
            .collect();
        ranked.sort_unstable();
        match ranked.as_slice() {
            [.., (a, _), (b, _)] if a == b => None,
            [.., (_, best)] => Some(*best),
            [] => None,
        }
    }

    /// Of candidates that lie one in another (the city of Singapore in the country of that
    /// name), the innermost: it is each of the others as a place of their kind, so the name
    /// is no ambiguity.
    fn innermost(&self, candidates: &[Surface]) -> Option<usize> {
        let within = |inner: usize, outer: usize| {
            // An article's own entities (people it names) lie in nothing.
            std::iter::successors(Some(inner), |&i| self.entities.get(i)?.part_of)
                .take(self.entities.len())
                .any(|i| i == outer)
        };
        candidates
            .iter()
            .map(|c| c.entity)
            .find(|&inner| candidates.iter().all(|o| within(inner, o.entity)))
    }

    /// [`Gazetteer::resolve`] for every mention of `mentions` (in text order), in one pass:
    /// the last unambiguous mention of each entity is remembered rather than looked for.
    pub fn resolve_all(&self, mentions: &[Mention]) -> Vec<Option<usize>> {
        let mut last_named: HashMap<usize, usize> = Default::default();
        mentions
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let entity = match m.candidates.as_slice() {
                    [] => None,
                    [only] => Some(only.entity),
                    many => self.innermost(many).or_else(|| {
                        many.iter()
                            .filter_map(|s| last_named.get(&s.entity).map(|&at| (at, s.entity)))
                            .max()
                            .map(|(_, e)| e)
                            .or_else(|| {
                                self.by_named_container(many, |e| last_named.get(&e).copied())
                            })
                    }),
                };
                if let [only] = m.candidates.as_slice() {
                    last_named.insert(only.entity, i);
                }
                entity
            })
            .collect()
    }
}

/// The gazetteer's entities and those one article adds (people it names with a title):
/// indices past the gazetteer's are the article's own.
#[derive(Debug)]
pub struct Entities<'a> {
    /// The rules' entities.
    pub gazetteer: &'a Gazetteer,
    /// The article's own, numbered from the gazetteer's length on.
    pub local: Vec<Entity>,
}

impl Entities<'_> {
    /// The entity at index `i`.
    pub fn get(&self, i: usize) -> &Entity {
        let base = self.gazetteer.entities.len();
        if i < base {
            &self.gazetteer.entities[i]
        } else {
            &self.local[i - base]
        }
    }

    /// The entity of kind `kind` that `entity` is or lies in (following `part_of`).
    pub fn as_kind(&self, entity: usize, kind: &str) -> Option<usize> {
        if entity < self.gazetteer.entities.len() {
            self.gazetteer.as_kind(entity, kind)
        } else {
            (self.get(entity).kind == kind).then_some(entity)
        }
    }

    /// The index of the entity with `id`.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.gazetteer.index_of(id).or_else(|| {
            self.local
                .iter()
                .position(|e| &*e.id == id)
                .map(|i| self.gazetteer.entities.len() + i)
        })
    }

    /// `text` with every mention masked (see [`Gazetteer::mask`]).
    pub fn mask(&self, text: &str, mentions: &[Mention]) -> String {
        self.gazetteer
            .mask_with(text, mentions, |e| self.get(e).kind.as_str())
    }
}

fn sort_longest_first(forms: &mut [&String]) {
    forms.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
}

/// Every form of `name` obtained by swapping words for their spelling alternatives, with the
/// choice made in each group the name touches.
fn spelled_forms(name: &str, groups: &[Vec<Arc<str>>]) -> Vec<(String, SpellingChoice)> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let mut forms: Vec<(Vec<String>, SpellingChoice)> = vec![(Vec::new(), Vec::new())];
    for word in words {
        let group = groups
            .iter()
            .enumerate()
            .find(|(_, g)| g.iter().any(|alt| &**alt == word));
        forms = match group {
            None => forms
                .into_iter()
                .map(|(mut w, s)| {
                    w.push(word.to_string());
                    (w, s)
                })
                .collect(),
            Some((gi, alts)) => forms
                .into_iter()
                .flat_map(|(w, s)| {
                    alts.iter().enumerate().map(move |(ai, alt)| {
                        let mut w = w.clone();
                        w.push(alt.to_string());
                        let mut s = s.clone();
                        s.push((gi, ai));
                        (w, s)
                    })
                })
                .take(MAX_FORMS_PER_NAME)
                .collect(),
        };
    }
    forms.into_iter().map(|(w, s)| (w.join(" "), s)).collect()
}

/// The length of the apostrophe at byte `at` of `bytes`, straight or curly.
fn apostrophe(bytes: &[u8], at: usize) -> Option<usize> {
    let rest = &bytes[at.min(bytes.len())..];
    if rest.starts_with(b"'") {
        Some(1)
    } else if rest.starts_with("’".as_bytes()) {
        Some(3)
    } else {
        None
    }
}

/// Whether the word ending at byte `end` goes on across an apostrophe and a letter ("Xi" in
/// "Xi'an", "O" in "O'Neill"); a possessive ("Chad's") ends it.
pub(crate) fn runs_on(bytes: &[u8], end: usize) -> bool {
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    apostrophe(bytes, end).is_some_and(|len| {
        let next = end + len;
        let possessive = matches!(bytes.get(next), Some(b's' | b'S'))
            && !bytes.get(next + 1).copied().is_some_and(word);
        bytes.get(next).is_some_and(u8::is_ascii_alphabetic) && !possessive
    })
}

/// Whether the word starting at byte `start` began before it, a letter and an apostrophe
/// earlier ("Neill" in "O'Neill").
pub(crate) fn runs_in(bytes: &[u8], start: usize) -> bool {
    [1, 3].iter().any(|&len| {
        start > len
            && apostrophe(bytes, start - len) == Some(len)
            && bytes[start - len - 1].is_ascii_alphabetic()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(id: &str, kind: &str, part_of: Option<usize>, spellings: &[&[&str]]) -> Entity {
        Entity {
            id: id.into(),
            kind: kind.into(),
            name: id.into(),
            part_of,
            home: None,
            spellings: spellings
                .iter()
                .map(|g| g.iter().map(|s| Arc::from(*s)).collect())
                .collect(),
        }
    }

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    fn gazetteer() -> Gazetteer {
        Gazetteer::new(vec![
            (
                entity("chief", "person", None, &[&["Petrov", "Petroff"]]),
                names(&["Sergei Petrov", "Petrov"]),
            ),
            (
                entity("diplomat", "person", None, &[]),
                names(&["Ivan Petrov Sokol", "Petrov Sokol", "Petrov"]),
            ),
            (entity("land", "country", None, &[]), names(&["Chad"])),
            (
                entity("capital", "city", Some(2), &[]),
                names(&["N'Djamena"]),
            ),
        ])
        .unwrap()
    }

    #[test]
    fn a_shorter_form_stands_where_the_longest_runs_into_a_word() {
        let g = Gazetteer::new(vec![(
            entity("lobia", "country", None, &[]),
            names(&["Lobia", "Lobi", "Lobian"]),
        )])
        .unwrap();
        // "Lobia" runs into "Lobian"s "n" no more than "Lobiana"; "Lobian" stands.
        let found: Vec<&str> = g
            .mentions("Lobian troops; Lobiana; Lobias")
            .iter()
            .map(|m| &"Lobian troops; Lobiana; Lobias"[m.range.clone()])
            .collect();
        assert_eq!(found, ["Lobian"]);
        // A form that ends cleanly inside a longer one that does not.
        let g = Gazetteer::new(vec![(
            entity("saba", "country", None, &[]),
            names(&["Saba", "Saba Lora"]),
        )])
        .unwrap();
        let text = "the Saba Loran envoy";
        let found: Vec<&str> = g
            .mentions(text)
            .iter()
            .map(|m| &text[m.range.clone()])
            .collect();
        assert_eq!(found, ["Saba"]);
    }

    #[test]
    fn a_name_is_no_part_of_a_word_across_an_apostrophe() {
        let g = Gazetteer::new(vec![(
            entity("lo", "person", None, &[]),
            names(&["Lo", "Neill"]),
        )])
        .unwrap();
        let text = "Lo's trip; Lo’s; Lo'; Lo’an; Lo'ar; O'Neill; O’Neill; Lo'sa";
        let found: Vec<usize> = g.mentions(text).iter().map(|m| m.range.start).collect();
        // Possessives and a closing quote end a name; a letter after the apostrophe
        // ("Lo’an", "Lo'sa") or before it ("O'Neill") makes one word.
        assert_eq!(found, [0, 11, 19]);
    }

    #[test]
    fn a_name_with_an_apostrophe_is_found_curly_or_straight() {
        let g = Gazetteer::new(vec![(
            entity("n-djamena", "city", None, &[]),
            names(&["N'Djamena"]),
        )])
        .unwrap();
        let text = "N’Djamena and N'Djamena; N’Djamenan";
        let found: Vec<&str> = g
            .mentions(text)
            .iter()
            .map(|m| &text[m.range.clone()])
            .collect();
        assert_eq!(found, ["N’Djamena", "N'Djamena"]);
        assert_eq!(g.lookup("N’Djamena").len(), 1);
        assert!(g.lookup("N’Djamenan").is_empty());
    }

    #[test]
    fn an_ambiguous_place_is_the_one_in_the_country_named_last() {
        let g = Gazetteer::new(vec![
            (entity("chad", "country", None, &[]), names(&["Chad"])),
            (entity("niger", "country", None, &[]), names(&["Niger"])),
            (entity("mao-chad", "city", Some(0), &[]), names(&["Mao"])),
            (entity("mao-niger", "city", Some(1), &[]), names(&["Mao"])),
        ])
        .unwrap();
        let resolved = |text: &str| -> Vec<Option<&str>> {
            let mentions = g.mentions(text);
            let one_by_one: Vec<Option<usize>> = mentions
                .iter()
                .map(|m| g.resolve(&m.candidates, m.range.start, &mentions))
                .collect();
            assert_eq!(one_by_one, g.resolve_all(&mentions));
            one_by_one
                .into_iter()
                .map(|e| e.map(|e| &*g.entities()[e].id))
                .collect()
        };
        assert_eq!(resolved("Mao."), [None]);
        assert_eq!(resolved("In Chad, Mao."), [Some("chad"), Some("mao-chad")]);
        assert_eq!(
            resolved("Chad and Niger. Mao."),
            [Some("chad"), Some("niger"), Some("mao-niger")]
        );
    }

    #[test]
    fn a_masked_token_names_its_kind() {
        let g = gazetteer();
        let text = "Petrov flew to Chad.";
        let masked = g.mask(text, &g.mentions(text));
        let token = &masked[..2];
        assert_eq!(g.kind_of_token(token), Some("person"));
        assert_eq!(g.kind_of_token(&masked[15..17]), Some("country"));
        assert_eq!(g.kind_of_token("_"), None);
        assert_eq!(g.kind_of_token("visit"), None);
    }

    #[test]
    fn spelling_groups_multiply_forms() {
        let g = gazetteer();
        let s = g.lookup("Sergei Petroff");
        assert_eq!(
            s,
            [Surface {
                entity: 0,
                spelling: vec![(0, 1)]
            }]
        );
        assert_eq!(g.lookup("Petroff").len(), 1);
        assert_eq!(g.lookup("Petrov").len(), 2);
    }

    #[test]
    fn longest_form_wins_so_a_surname_does_not_merge_two_people() {
        let g = gazetteer();
        let text = "Ivan Petrov Sokol met Sergei Petrov.";
        let m = g.mentions(text);
        assert_eq!(m.len(), 2);
        assert_eq!(&text[m[0].range.clone()], "Ivan Petrov Sokol");
        assert_eq!(m[0].candidates[0].entity, 1);
        assert_eq!(m[1].candidates[0].entity, 0);
    }

    #[test]
    fn ambiguous_surname_follows_the_earlier_full_name() {
        let g = gazetteer();
        let text = "Sergei Petrov arrived. Petrov said.";
        let m = g.mentions(text);
        assert_eq!(g.resolve(&m[1].candidates, m[1].range.start, &m), Some(0));
        let text = "Ivan Petrov Sokol arrived. Petrov said.";
        let m = g.mentions(text);
        assert_eq!(g.resolve(&m[1].candidates, m[1].range.start, &m), Some(1));
        let text = "Petrov said.";
        let m = g.mentions(text);
        assert_eq!(g.resolve(&m[0].candidates, 0, &m), None);
    }

    #[test]
    fn resolving_all_mentions_at_once_is_resolving_each() {
        let g = gazetteer();
        let text = "Petrov came. Sergei Petrov arrived. Petrov said. Ivan Petrov Sokol \
                    spoke, then Petrov, then Sergei Petrov, then Petrov in Chad.";
        let m = g.mentions(text);
        let each: Vec<Option<usize>> = m
            .iter()
            .map(|x| g.resolve(&x.candidates, x.range.start, &m))
            .collect();
        assert_eq!(g.resolve_all(&m), each);
        assert_eq!(each[..3], [None, Some(0), Some(0)]);
        assert_eq!(each[4], Some(1));
        assert_eq!(each[6], Some(0));
    }

    #[test]
    fn a_city_counts_as_its_country() {
        let g = gazetteer();
        assert_eq!(g.as_kind(3, "country"), Some(2));
        assert_eq!(g.as_kind(3, "person"), None);
        let re = regex::Regex::new(&g.kind_pattern("country").unwrap()).unwrap();
        assert!(re.is_match("in N'Djamena"));
        assert!(g.kind_pattern("planet").is_none());
    }
}
