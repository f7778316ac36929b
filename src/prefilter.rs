//! The extractor prefilter: for each extractor a few sets of strings such that every match
//! contains one string of each set (read off its compiled pattern), all found in one
//! Aho-Corasick pass, so that a paragraph is searched only by the extractors that can match
//! in it. The cost of the pass hardly grows with the number of extractors. A paragraph that
//! several extractors pass is then searched once by all their patterns as one regex, which
//! says which of them match at all, before each that does runs with its captures.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::util::pool::Pool;
use regex_automata::{Input, MatchErrorKind, PatternID, PatternSet};
use regex_syntax::hir::{Class, Hir, HirKind};
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Largest set of strings tracked for one piece of a pattern.
const MAX_STRINGS: usize = 64;
/// Largest character class spelled out as single-character strings.
const MAX_CLASS: usize = 8;
/// A set after the first is worth its matches in the pass only when its strings are this
/// long at least: short words such as "the" or "of" are in nearly every line.
const MIN_FURTHER_LEN: usize = 4;
/// Most sets kept for one pattern: the most selective ones. A set is a bit of a `u8`.
const MAX_SETS: usize = 4;
/// Strings shorter than this match almost anywhere; a set holding one is not worth using.
/// Two bytes keep the masked token of an entity kind (`_k`), which a pattern opening with
/// an entity slot requires.
const MIN_USEFUL_LEN: usize = 2;
/// Largest union of all patterns built; beyond it, each extractor searches on its own.
const UNION_SIZE_LIMIT: usize = 64 << 20;
/// Cache of the union's lazy DFA: a state of a search for every pattern at once stands for
/// many states of one pattern, and a smaller cache is rebuilt over and over.
const UNION_CACHE: usize = 16 << 20;
/// The union gives up for good (and rules nothing out) once its cache was cleared this many
/// times and it made fewer than [`UNION_BYTES_PER_STATE`] bytes of progress per state built:
/// text it would search more slowly than the extractors do.
const UNION_CLEARS: usize = 3;
/// See [`UNION_CLEARS`]. Ten times the regex crate's own bound: a state of the union stands
/// for many states of its patterns, and takes that much longer to build.
const UNION_BYTES_PER_STATE: usize = 100;
/// A paragraph is searched by the union only when this many extractors passed its strings:
/// for one, the union costs as much as the extractor's own search.
const MIN_UNION_CANDIDATES: usize = 2;
/// The union is built once this many paragraphs were passed to several extractors (about
/// 7 MiB of the benchmark's text): building it takes ~80 ms, which it wins back over some
/// 25 MiB, so a small corpus (the seed's, a pull request's) never pays for it.
const UNION_AFTER: usize = 20_000;

/// Strings in ASCII lower case: the prefilter matches ASCII case-insensitively, which can
/// only let more paragraphs through, never fewer.
type Strings = BTreeSet<Vec<u8>>;

/// Sets of strings such that every match contains one string of each set; none when
/// nothing is known.
type Required = Vec<Strings>;

/// Which extractors may match in which paragraph.
#[derive(Debug)]
pub struct Prefilter {
    /// The required strings of every extractor that has some.
    automaton: Option<AhoCorasick>,
    /// For each string of the automaton, the extractors that require it, each with the
    /// index of the set that holds it.
    owners: Vec<Vec<(usize, usize)>>,
    /// For each extractor, how many sets it requires.
    sets: Vec<usize>,
    /// Extractors with no useful required string: they search every paragraph.
    unfiltered: Vec<usize>,
    /// Every extractor's pattern, for the union.
    patterns: Vec<String>,
    /// Which extractors match in a paragraph, built after `union_after` paragraphs; none
    /// when it does not build.
    union: OnceLock<Option<Union>>,
    /// How many paragraphs several extractors were passed so far.
    crowded: AtomicUsize,
    /// [`UNION_AFTER`], but in tests.
    union_after: usize,
}

impl Prefilter {
    /// The prefilter of extractors (in order) by their patterns and their required sets of
    /// strings (see [`required_strings`]; none for an extractor that must search everywhere).
    pub fn new<'a>(
        extractors: impl IntoIterator<Item = (&'a str, &'a [Vec<String>])>,
    ) -> Prefilter {
        let mut by_string: BTreeMap<&str, Vec<(usize, usize)>> = BTreeMap::new();
        let mut unfiltered = Vec::new();
        let mut sets = Vec::new();
        let mut patterns = Vec::new();
        for (extractor, (pattern, required)) in extractors.into_iter().enumerate() {
            patterns.push(pattern.to_string());
            sets.push(required.len());
            if required.is_empty() {
                unfiltered.push(extractor);
            }
            for (set, strings) in required.iter().enumerate() {
                for s in strings {
                    by_string.entry(s).or_default().push((extractor, set));
                }
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
            sets,
            unfiltered,
            patterns,
            union: OnceLock::new(),
            crowded: AtomicUsize::new(0),
            union_after: UNION_AFTER,
        }
    }

    /// The union, once `crowded` more paragraphs bring the count to `union_after`.
    fn union(&self, crowded: usize) -> Option<&Union> {
        if let Some(union) = self.union.get() {
            return union.as_ref();
        }
        let before = self.crowded.fetch_add(crowded, Ordering::Relaxed);
        if before + crowded < self.union_after {
            return None;
        }
        self.union
            .get_or_init(|| Union::new(&self.patterns))
            .as_ref()
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
            // For each extractor, a bit for each of its sets found in the paragraph.
            let mut found = vec![0u8; self.sets.len()];
            let mut touched = Vec::new();
            let mut flush = |found: &mut [u8], touched: &mut Vec<usize>, paragraph| {
                for x in touched.drain(..) {
                    if u32::from(std::mem::take(&mut found[x])) == (1 << self.sets[x]) - 1 {
                        pairs.push((x, paragraph));
                    }
                }
            };
            let mut last_paragraph = vec![usize::MAX; self.owners.len()];
            let mut paragraph = 0;
            for m in automaton.find_overlapping_iter(text) {
                while paragraph + 1 < paragraphs.len() && paragraphs[paragraph].end <= m.start() {
                    flush(&mut found, &mut touched, paragraph);
                    paragraph += 1;
                }
                let string = m.pattern().as_usize();
                if last_paragraph[string] != paragraph {
                    last_paragraph[string] = paragraph;
                    for &(x, set) in &self.owners[string] {
                        if found[x] == 0 {
                            touched.push(x);
                        }
                        found[x] |= 1 << set;
                    }
                }
            }
            flush(&mut found, &mut touched, paragraph);
        }
        let mut per_paragraph = vec![0usize; paragraphs.len()];
        for &(_, p) in &pairs {
            per_paragraph[p] += 1;
        }
        let crowded = per_paragraph
            .iter()
            .filter(|&&n| n >= MIN_UNION_CANDIDATES)
            .count();
        if let Some(union) = self.union(crowded) {
            let mut matching: Vec<Option<Option<PatternSet>>> = vec![None; paragraphs.len()];
            pairs.retain(|&(x, p)| {
                per_paragraph[p] < MIN_UNION_CANDIDATES
                    || matching[p]
                        .get_or_insert_with(|| union.matching(text, paragraphs[p].clone()))
                        .as_ref()
                        .is_none_or(|set| set.contains(PatternID::new_unchecked(x)))
            });
        }
        pairs.sort_unstable();
        pairs
    }
}

/// Every extractor's pattern as one lazy DFA without captures (pattern `i` is extractor
/// `i`): which of them match in a paragraph, in one search.
struct Union {
    dfa: DFA,
    /// A cache for each thread searching at once.
    caches: Pool<Cache, Box<dyn Fn() -> Cache + Send + Sync>>,
    /// Set when a search gave up: text that makes the union rebuild its cache would cost
    /// more in every paragraph than it saves, so it is not searched again.
    given_up: AtomicBool,
}

impl Union {
    /// The union of `patterns`; none when it exceeds [`UNION_SIZE_LIMIT`].
    fn new(patterns: &[String]) -> Option<Union> {
        let dfa = DFA::builder()
            .configure(
                DFA::config()
                    .match_kind(regex_automata::MatchKind::All)
                    // A Unicode `\b` gives up at the first non-ASCII byte; others build.
                    .unicode_word_boundary(true)
                    .cache_capacity(UNION_CACHE)
                    .minimum_cache_clear_count(Some(UNION_CLEARS))
                    .minimum_bytes_per_state(Some(UNION_BYTES_PER_STATE)),
            )
            .thompson(
                thompson::Config::new()
                    .which_captures(WhichCaptures::None)
                    .nfa_size_limit(Some(UNION_SIZE_LIMIT)),
            )
            .build_many(patterns)
            .ok()?;
        let template = dfa.clone();
        let caches = Pool::new(Box::new(move || template.create_cache()) as Box<_>);
        Some(Union {
            dfa,
            caches,
            given_up: AtomicBool::new(false),
        })
    }

    /// The patterns that match in `span` of `text`; none, so that nothing is ruled out, when
    /// the search met a byte it cannot read or this or an earlier search gave up.
    fn matching(&self, text: &str, span: Range<usize>) -> Option<PatternSet> {
        if self.given_up.load(Ordering::Relaxed) {
            return None;
        }
        let mut cache = self.caches.get();
        let mut set = PatternSet::new(self.dfa.pattern_len());
        let input = Input::new(text).span(span);
        let searched = self
            .dfa
            .try_which_overlapping_matches(&mut cache, &input, &mut set);
        match searched {
            Ok(()) => Some(set),
            Err(e) => {
                if matches!(e.kind(), MatchErrorKind::GaveUp { .. }) {
                    self.given_up.store(true, Ordering::Relaxed);
                }
                None
            }
        }
    }
}

impl std::fmt::Debug for Union {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Union({} patterns)", self.dfa.pattern_len())
    }
}

/// Sets of strings such that every match of `hir` contains one string of each, in ASCII
/// lower case (a match may have them in any case), the most selective first; none when the
/// pattern has no set worth searching for.
pub fn required_strings(hir: &Hir) -> Vec<Vec<String>> {
    facts(hir)
        .required
        .into_iter()
        .enumerate()
        .filter(|(i, set)| *i == 0 || set.iter().all(|s| s.len() >= MIN_FURTHER_LEN))
        .map(|(_, set)| set)
        .filter_map(|mut strings| {
            // A line holding "tours" holds "tour": the longer string adds nothing.
            let all = strings.clone();
            strings.retain(|s| !all.iter().any(|t| t != s && contains(s, t)));
            // A string cut inside a character would do as well, but is no word to show.
            strings
                .into_iter()
                .map(|s| String::from_utf8(s).ok())
                .collect()
        })
        .collect()
}

/// What is known of the strings a piece of a pattern matches.
struct Facts {
    /// Every string it can match, when there are few.
    exact: Option<Strings>,
    /// Sets one string of each of which every match contains.
    required: Required,
}

impl Facts {
    fn unknown() -> Facts {
        Facts {
            exact: None,
            required: Vec::new(),
        }
    }

    fn exactly(strings: Strings) -> Facts {
        let required = most_selective(vec![strings.clone()]);
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
            let mut exact = Some(Strings::new());
            for f in &all {
                exact = match (exact, &f.exact) {
                    (Some(mut out), Some(more)) => {
                        out.extend(more.iter().cloned());
                        (out.len() <= MAX_STRINGS).then_some(out)
                    }
                    _ => None,
                };
            }
            // A match holds one set's string of the branch it took: each union of one set of
            // every branch is required.
            let mut required: Required = vec![Strings::new()];
            for f in &all {
                let mut unions = Vec::new();
                for union in &required {
                    for set in &f.required {
                        let mut out = union.clone();
                        out.extend(set.iter().cloned());
                        if out.len() <= MAX_STRINGS {
                            unions.push(out);
                        }
                    }
                }
                required = most_selective(unions);
            }
            Facts { exact, required }
        }
        HirKind::Concat(parts) => {
            // Every part's sets are required, and so are the strings of each run of parts
            // whose strings are known.
            let mut required = Vec::new();
            let mut run = Some(BTreeSet::from([Vec::new()]));
            let mut whole_is_run = true;
            for part in parts.iter().map(facts) {
                required.extend(part.required);
                run = match (run, part.exact) {
                    (Some(prefix), Some(exact)) => match product(&prefix, &exact) {
                        Some(longer) => Some(longer),
                        None => {
                            whole_is_run = false;
                            required.push(prefix);
                            Some(exact)
                        }
                    },
                    (prefix, None) => {
                        whole_is_run = false;
                        required.extend(prefix);
                        Some(BTreeSet::from([Vec::new()]))
                    }
                    (None, Some(exact)) => Some(exact),
                };
            }
            let exact = if whole_is_run { run.clone() } else { None };
            required.extend(run);
            Facts {
                exact,
                required: most_selective(required),
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

/// The useful sets of `sets`, at most [`MAX_SETS`] of them, the most selective first: those
/// whose shortest string is longest, then the smallest. A set that another implies (each of
/// whose strings contains one of it) adds nothing.
fn most_selective(mut sets: Required) -> Required {
    sets.retain(useful);
    sets.sort_by_cached_key(|s| {
        let shortest = s.iter().map(Vec::len).min().unwrap_or(0);
        (std::cmp::Reverse(shortest), s.len(), s.clone())
    });
    sets.dedup();
    let implies = |a: &Strings, b: &Strings| a.iter().all(|x| b.iter().any(|y| contains(x, y)));
    let mut kept: Required = Vec::new();
    for (i, set) in sets.iter().enumerate() {
        let implied = sets
            .iter()
            .enumerate()
            .any(|(j, other)| j != i && implies(other, set) && (j < i || !implies(set, other)));
        if !implied {
            kept.push(set.clone());
        }
    }
    kept.truncate(MAX_SETS);
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn required(pattern: &str) -> Vec<Vec<String>> {
        required_strings(&regex_syntax::Parser::new().parse(pattern).unwrap())
    }

    /// The prefilter of `patterns`, its union built from the first paragraph on.
    fn prefilter(patterns: &[&str]) -> Prefilter {
        let required: Vec<_> = patterns.iter().map(|p| required(p)).collect();
        let mut p = Prefilter::new(
            patterns
                .iter()
                .copied()
                .zip(required.iter().map(Vec::as_slice)),
        );
        p.union_after = 0;
        p
    }

    #[test]
    fn requires_each_selective_literal_of_a_sequence() {
        assert_eq!(
            required(r"(?i:his|her)\s+[0-9]+(?:st|nd)\s+(?:visit|trip)s?\s+(?:abroad|overseas)"),
            [["abroad", "overseas"], ["trip", "visit"]]
        );
        // Short words are kept only when nothing better is required.
        assert_eq!(
            required(r"(?i:his|her)\s+[0-9]+(?:st|nd)"),
            // `(?i)` folds "s" with the long s.
            [["her", "his", "hiſ"]]
        );
    }

    #[test]
    fn spells_out_case_insensitive_words() {
        assert_eq!(required(r"(?i)\bborder\b\s+\d+"), [["border"]]);
    }

    #[test]
    fn an_alternation_requires_a_set_of_each_branch() {
        assert_eq!(
            required(r"visit\s+on\s+\d+|(?:tour|trip)\s+\d+\s+days"),
            [vec!["days", "visit"], vec!["tour", "trip", "visit"]]
        );
    }

    #[test]
    fn drops_a_set_another_implies() {
        // Every line with "visits" or "visited" has "visit": the first set is enough.
        assert_eq!(
            required(r"visit\s+\d+\s+visit(?:s|ed)"),
            [["visited", "visits"]]
        );
    }

    #[test]
    fn has_nothing_to_require_when_a_branch_is_open() {
        assert!(required(r"visit|\w+").is_empty());
        assert!(required(r"(?:visit)?\s+\d+").is_empty());
        assert!(required(r"[a-z]+d").is_empty());
    }

    #[test]
    fn runs_each_extractor_only_where_its_strings_occur() {
        let p = prefilter(&[
            r"\d+\s+miles",
            r"(?i:agreement)",
            r"\w+",
            r"signed\s+\w+\s+border",
        ]);
        let text = "A 959 miles border.\nThe Agreement was signed.\nNothing here.";
        let paragraphs = [0..20, 20..45, 45..text.len()];
        // The fourth needs "signed" and "border" in one paragraph: neither has both.
        assert_eq!(
            p.candidates(text, &paragraphs),
            [(0, 0), (1, 1), (2, 0), (2, 1), (2, 2)]
        );
        let both = "It signed a border deal.";
        let whole = 0..both.len();
        assert_eq!(
            p.candidates(both, std::slice::from_ref(&whole)),
            [(2, 0), (3, 0)]
        );
    }

    #[test]
    fn drops_an_extractor_whose_pattern_cannot_match_where_several_passed() {
        let p = prefilter(&[r"border\s+\d+", r"signed\s+\w+\s+border", r"(?i:treaty)"]);
        let text = "It signed a border deal.\nThe border 12 and a treaty.\nA treaty.";
        let paragraphs = [0..25, 25..53, 53..text.len()];
        // The first paragraph holds "border" but no number after it; the third passes one
        // extractor, which searches on its own.
        assert_eq!(
            p.candidates(text, &paragraphs),
            [(0, 1), (1, 0), (2, 1), (2, 2)]
        );
        // All three pass their strings; only the third matches.
        let one = "A treaty on the border, not signed.";
        let whole = 0..one.len();
        assert_eq!(p.candidates(one, std::slice::from_ref(&whole)), [(2, 0)]);
    }

    #[test]
    fn keeps_every_candidate_where_the_union_cannot_read() {
        // A Unicode `\b` stops the union at a non-ASCII byte: both extractors search.
        let p = prefilter(&[r"\bborder\s+\d+", r"\btreaty\b"]);
        let text = "The border was fixed — a treaty.";
        let whole = 0..text.len();
        assert_eq!(
            p.candidates(text, std::slice::from_ref(&whole)),
            [(0, 0), (1, 0)]
        );
        let ascii = "The border was fixed - a treaty.";
        let whole = 0..ascii.len();
        assert_eq!(p.candidates(ascii, std::slice::from_ref(&whole)), [(1, 0)]);
    }

    #[test]
    fn builds_the_union_only_once_enough_paragraphs_were_crowded() {
        let mut p = prefilter(&[r"border\s+\d+", r"(?i:treaty)"]);
        p.union_after = 2;
        let text = "A treaty on the border.";
        let whole = 0..text.len();
        // The first crowded paragraph: no union yet, both search.
        assert_eq!(
            p.candidates(text, std::slice::from_ref(&whole)),
            [(0, 0), (1, 0)]
        );
        // The second reaches the count.
        assert_eq!(p.candidates(text, std::slice::from_ref(&whole)), [(1, 0)]);
    }
}
