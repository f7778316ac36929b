//! The extractor prefilter: for each extractor a few strings one of which every match must
//! contain (read off its compiled pattern), all found in one Aho-Corasick pass, so that a
//! paragraph is searched only by the extractors that can match in it. The cost of the
//! pass hardly grows with the number of extractors.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex_syntax::hir::{Class, Hir, HirKind};
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

/// Largest set of strings tracked for one piece of a pattern.
const MAX_STRINGS: usize = 64;
/// Largest character class spelled out as single-character strings.
const MAX_CLASS: usize = 8;
/// Strings shorter than this match almost anywhere; a set holding one is not worth using.
/// Two bytes keep the masked token of an entity kind (`_k`), which a pattern opening with
/// an entity slot requires.
const MIN_USEFUL_LEN: usize = 2;

/// Strings in ASCII lower case: the prefilter matches ASCII case-insensitively, which can
/// only let more paragraphs through, never fewer.
type Strings = BTreeSet<Vec<u8>>;

/// Which extractors may match in which paragraph.
#[derive(Debug)]
pub struct Prefilter {
    /// The required strings of every extractor that has some.
    automaton: Option<AhoCorasick>,
    /// For each string of the automaton, the extractors that require it.
    owners: Vec<Vec<usize>>,
    /// Extractors with no useful required string: they search every paragraph.
    unfiltered: Vec<usize>,
}

impl Prefilter {
    /// The prefilter of extractors (in order) by their required strings (see
    /// [`required_strings`]); `None` for an extractor that must search everywhere.
    pub fn new<'a>(required: impl IntoIterator<Item = Option<&'a [String]>>) -> Prefilter {
        let mut by_string: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        let mut unfiltered = Vec::new();
        for (extractor, required) in required.into_iter().enumerate() {
            match required {
                Some(strings) => {
                    for s in strings {
                        by_string.entry(s).or_default().push(extractor);
                    }
                }
                None => unfiltered.push(extractor),
            }
        }
        let automaton = (!by_string.is_empty()).then(|| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::Standard)
                .ascii_case_insensitive(true)
                .build(by_string.keys())
                .expect("a few short literals always build")
        });
        Prefilter {
            automaton,
            owners: by_string.into_values().collect(),
            unfiltered,
        }
    }

    /// The extractors to run on each of `paragraphs` (ascending, non-overlapping ranges of
    /// `text`): pairs of extractor and paragraph index, sorted.
    pub fn candidates(&self, text: &str, paragraphs: &[Range<usize>]) -> Vec<(usize, usize)> {
        let mut pairs: Vec<(usize, usize)> = self
            .unfiltered
            .iter()
            .flat_map(|&x| (0..paragraphs.len()).map(move |p| (x, p)))
            .collect();
        if let Some(automaton) = &self.automaton {
            let mut last_paragraph = vec![usize::MAX; self.owners.len()];
            let mut paragraph = 0;
            for m in automaton.find_overlapping_iter(text) {
                while paragraph + 1 < paragraphs.len() && paragraphs[paragraph].end <= m.start() {
                    paragraph += 1;
                }
                let string = m.pattern().as_usize();
                if last_paragraph[string] != paragraph {
                    last_paragraph[string] = paragraph;
                    pairs.extend(self.owners[string].iter().map(|&x| (x, paragraph)));
                }
            }
        }
        pairs.sort_unstable();
        pairs.dedup();
        pairs
    }
}

/// Strings one of which every match of `hir` contains, in ASCII lower case (a match may
/// have them in any case), or `None` when the pattern has no such set worth searching for.
pub fn required_strings(hir: &Hir) -> Option<Vec<String>> {
    let mut strings = facts(hir).required.filter(useful)?;
    // A line holding "tours" holds "tour": the longer string adds nothing.
    let all = strings.clone();
    strings.retain(|s| !all.iter().any(|t| t != s && contains(s, t)));
    // A string cut inside a character would do as well, but is no word to show.
    strings
        .into_iter()
        .map(|s| String::from_utf8(s).ok())
        .collect()
}

/// What is known of the strings a piece of a pattern matches.
struct Facts {
    /// Every string it can match, when there are few.
    exact: Option<Strings>,
    /// Strings one of which every match contains.
    required: Option<Strings>,
}

impl Facts {
    fn unknown() -> Facts {
        Facts {
            exact: None,
            required: None,
        }
    }

    fn exactly(strings: Strings) -> Facts {
        let required = (!strings.contains(&Vec::new())).then(|| strings.clone());
        Facts {
            exact: Some(strings),
            required,
        }
    }
}

fn facts(hir: &Hir) -> Facts {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => Facts::exactly(BTreeSet::from([Vec::new()])),
        HirKind::Literal(literal) => {
            Facts::exactly(BTreeSet::from([literal.0.to_ascii_lowercase()]))
        }
        HirKind::Class(class) => class_strings(class).map_or_else(Facts::unknown, Facts::exactly),
        HirKind::Capture(capture) => facts(&capture.sub),
        HirKind::Repetition(rep) => {
            let sub = facts(&rep.sub);
            match (rep.min, rep.max) {
                (0, Some(1)) => match sub.exact {
                    Some(mut exact) => {
                        exact.insert(Vec::new());
                        Facts::exactly(exact)
                    }
                    None => Facts::unknown(),
                },
                (0, _) => Facts::unknown(),
                (1, Some(1)) => sub,
                _ => Facts {
                    exact: None,
                    required: sub.required,
                },
            }
        }
        // More branches than strings kept: the union would be too large to keep.
        HirKind::Alternation(branches) if branches.len() > MAX_STRINGS => Facts::unknown(),
        HirKind::Alternation(branches) => {
            let all: Vec<Facts> = branches.iter().map(facts).collect();
            let union = |pick: fn(&Facts) -> &Option<Strings>| {
                let mut out = Strings::new();
                for f in &all {
                    out.extend(pick(f).as_ref()?.iter().cloned());
                }
                (out.len() <= MAX_STRINGS).then_some(out)
            };
            Facts {
                exact: union(|f| &f.exact),
                required: union(|f| &f.required),
            }
        }
        HirKind::Concat(parts) => {
            let mut best: Option<Strings> = None;
            let mut run = Some(BTreeSet::from([Vec::new()]));
            let mut whole_is_run = true;
            for part in parts.iter().map(facts) {
                best = better(best, part.required);
                run = match (run, part.exact) {
                    (Some(prefix), Some(exact)) => match product(&prefix, &exact) {
                        Some(longer) => Some(longer),
                        None => {
                            whole_is_run = false;
                            best = better(best, Some(prefix));
                            Some(exact)
                        }
                    },
                    (prefix, None) => {
                        whole_is_run = false;
                        best = better(best, prefix);
                        Some(BTreeSet::from([Vec::new()]))
                    }
                    (None, Some(exact)) => Some(exact),
                };
            }
            let exact = if whole_is_run { run.clone() } else { None };
            best = better(best, run);
            Facts {
                exact,
                required: best,
            }
        }
    }
}

/// The characters of a small class, as strings.
fn class_strings(class: &Class) -> Option<Strings> {
    let mut out = Strings::new();
    match class {
        Class::Unicode(c) => {
            for range in c.iter() {
                if range.end() as u32 - range.start() as u32 >= MAX_CLASS as u32 * 2 {
                    return None;
                }
                for ch in range.start()..=range.end() {
                    let mut buf = [0; 4];
                    out.insert(ch.encode_utf8(&mut buf).as_bytes().to_ascii_lowercase());
                }
                if out.len() > MAX_CLASS {
                    return None;
                }
            }
        }
        Class::Bytes(c) => {
            for range in c.iter() {
                for b in range.start()..=range.end() {
                    out.insert(vec![b.to_ascii_lowercase()]);
                }
                if out.len() > MAX_CLASS {
                    return None;
                }
            }
        }
    }
    Some(out)
}

/// Every string of `a` followed by every string of `b`, unless there are too many.
fn product(a: &Strings, b: &Strings) -> Option<Strings> {
    if a.len() * b.len() > MAX_STRINGS {
        return None;
    }
    Some(
        a.iter()
            .flat_map(|x| b.iter().map(move |y| [x.as_slice(), y].concat()))
            .collect(),
    )
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// A set without the empty string and without strings that match almost anywhere.
fn useful(strings: &Strings) -> bool {
    !strings.is_empty() && strings.iter().all(|s| s.len() >= MIN_USEFUL_LEN)
}

/// The more selective of two required sets: the one whose shortest string is longer, then
/// the smaller one.
fn better(a: Option<Strings>, b: Option<Strings>) -> Option<Strings> {
    let score = |s: &Strings| {
        let shortest = s.iter().map(Vec::len).min().unwrap_or(0);
        (useful(s), shortest, std::cmp::Reverse(s.len()))
    };
    match (a, b) {
        (Some(a), Some(b)) => Some(if score(&b) > score(&a) { b } else { a }),
        (a, b) => a.or(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn required(pattern: &str) -> Vec<String> {
        required_strings(&regex_syntax::Parser::new().parse(pattern).unwrap()).unwrap_or_default()
    }

    #[test]
    fn picks_the_most_selective_literal_of_a_sequence() {
        assert_eq!(
            required(r"(?i:his|her)\s+[0-9]+(?:st|nd)\s+(?:visit|trip)s?"),
            ["trip", "visit"]
        );
    }

    #[test]
    fn spells_out_case_insensitive_words() {
        assert_eq!(required(r"(?i)\bborder\b\s+\d+"), ["border"]);
    }

    #[test]
    fn has_nothing_to_require_when_a_branch_is_open() {
        assert!(required(r"visit|\w+").is_empty());
        assert!(required(r"(?:visit)?\s+\d+").is_empty());
        assert!(required(r"[a-z]+d").is_empty());
    }

    #[test]
    fn runs_each_extractor_only_where_its_strings_occur() {
        let required: Vec<Vec<String>> = [r"\d+\s+miles", r"(?i:agreement)", r"\w+"]
            .into_iter()
            .map(required)
            .collect();
        let p = Prefilter::new(
            required
                .iter()
                .map(|r| (!r.is_empty()).then_some(r.as_slice())),
        );
        let text = "A 959 miles border.\nThe Agreement was signed.\nNothing here.";
        let paragraphs = [0..20, 20..45, 45..text.len()];
        assert_eq!(
            p.candidates(text, &paragraphs),
            [(0, 0), (1, 1), (2, 0), (2, 1), (2, 2)]
        );
    }
}
