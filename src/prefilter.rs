//! The extractor prefilter: for each extractor a few sets of strings such that every match
//! contains one string of each set (read off its compiled pattern), all found in one
//! Aho-Corasick pass, so that a stretch of text (a sentence) is searched only by the
//! extractors that can match in it. The cost of the pass hardly grows with the number of
//! extractors.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use regex_syntax::hir::{Class, Hir, HirKind};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::rc::Rc;
use std::sync::{Arc, Mutex};

/// Largest set of strings tracked for one piece of a pattern: enough for an ordinal's words
/// and the digits before "st", "nd", "rd" and "th" in one set.
const MAX_STRINGS: usize = 128;
/// Largest character class spelled out as single-character strings: the ten digits.
const MAX_CLASS: usize = 10;
/// A set after the first is worth its matches in the pass only when its strings are this
/// long at least: two-letter words such as "of" or "in" are in nearly every line, while
/// three-letter ones ("day", "end") still keep extractors off many sentences (1.7% fewer
/// instructions on the benchmark than with four).
const MIN_FURTHER_LEN: usize = 3;
/// Most sets kept for one pattern: the most selective ones. Each set is a bit of a word
/// of 64 in [`Prefilter`], whose `new` takes at most 64 of an extractor.
const MAX_SETS: usize = 8;
/// Strings shorter than this match almost anywhere; a set holding one is not worth using.
/// Two bytes keep the masked token of an entity kind (`_k`), which a pattern opening with
/// an entity slot requires.
const MIN_USEFUL_LEN: usize = 2;
/// What a string with an underscore weighs among strings ranked by length (see [`weight`]):
/// a masked entity token keeps extractors off more lines than a word of three letters
/// (visit extractors that name a host: 4.78M pairs of extractor and sentence to 3.05M on the
/// benchmark).
const MASK_WEIGHT: usize = 4;
/// Strings in ASCII lower case: the prefilter matches ASCII case-insensitively, which can
/// only let more units through, never fewer. Shared, as the unions of a pattern's branches
/// copy them over and over.
type Strings = BTreeSet<Rc<[u8]>>;

/// Sets of strings such that every match contains one string of each set; none when
/// nothing is known.
type Required = Vec<Strings>;

/// Which extractors may match in which unit.
#[derive(Debug)]
pub struct Prefilter {
    /// The required strings of every extractor that has some.
    automaton: Option<AhoCorasick>,
    /// For each string of the automaton, the bits of the extractors' sets that hold it:
    /// each set of each extractor has one bit, an extractor's bits in one word of 64.
    /// Pairs of word index and bits.
    owners: Vec<Vec<(usize, u64)>>,
    /// For each word of bits, the extractors whose sets have their bits there, each with
    /// all those bits: one found in a unit with all of them may match there.
    extractors: Vec<Vec<(usize, u64)>>,
    /// Extractors with no useful required string: they search every unit.
    unfiltered: Vec<usize>,
}

impl Prefilter {
    /// The prefilter of extractors (in order) by their required sets of strings (see
    /// [`required_strings`]; none for an extractor that must search everywhere).
    pub fn new<'a>(extractors: impl IntoIterator<Item = &'a [Vec<String>]>) -> Prefilter {
        let mut by_string: BTreeMap<&str, Vec<(usize, u64)>> = BTreeMap::new();
        let mut unfiltered = Vec::new();
        let mut words: Vec<Vec<(usize, u64)>> = Vec::new();
        // The next free bit of the last word.
        let mut next = 64;
        for (extractor, required) in extractors.into_iter().enumerate() {
            if required.is_empty() {
                unfiltered.push(extractor);
                continue;
            }
            assert!(required.len() <= 64, "at most 64 sets an extractor");
            if next + required.len() > 64 {
                words.push(Vec::new());
                next = 0;
            }
            let word = words.len() - 1;
            let all = (u64::MAX >> (64 - required.len())) << next;
            words[word].push((extractor, all));
            for (set, strings) in required.iter().enumerate() {
                for s in strings {
                    let bits = by_string.entry(s).or_default();
                    match bits.last_mut() {
                        Some((w, b)) if *w == word => *b |= 1 << (next + set),
                        _ => bits.push((word, 1 << (next + set))),
                    }
                }
            }
            next += required.len();
        }
        // A few hundred short literals: as a DFA, the automaton takes one step a byte
        // however many of them overlap.
        let automaton = (!by_string.is_empty()).then(|| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::Standard)
                .ascii_case_insensitive(true)
                .kind(Some(AhoCorasickKind::DFA))
                .build(by_string.keys())
                .expect("a few short literals always build")
        });
        Prefilter {
            automaton,
            owners: by_string.into_values().collect(),
            extractors: words,
            unfiltered,
        }
    }

    /// The extractors to run on each of `units` (ascending, non-overlapping ranges of
    /// `text`): pairs of extractor and unit index, sorted, added to the end of `pairs`.
    pub fn candidates(&self, text: &str, units: &[Range<usize>], pairs: &mut Vec<(usize, usize)>) {
        // No unit to search (a page that is all lists of other stories): nothing to run.
        if units.is_empty() {
            return;
        }
        let from = pairs.len();
        pairs.extend(
            self.unfiltered
                .iter()
                .flat_map(|&x| (0..units.len()).map(move |p| (x, p))),
        );
        if let Some(automaton) = &self.automaton {
            // The bits of the sets found in the unit (see `owners`).
            let mut found = vec![0u64; self.extractors.len()];
            let mut flush = |found: &mut [u64], unit| {
                for (bits, extractors) in found.iter_mut().zip(&self.extractors) {
                    if *bits != 0 {
                        let bits = std::mem::take(bits);
                        for &(x, all) in extractors {
                            if bits & all == all {
                                pairs.push((x, unit));
                            }
                        }
                    }
                }
            };
            let mut unit = 0;
            for m in automaton.find_overlapping_iter(text) {
                while unit + 1 < units.len() && units[unit].end <= m.start() {
                    flush(&mut found, unit);
                    unit += 1;
                }
                for &(word, bits) in &self.owners[m.pattern().as_usize()] {
                    found[word] |= bits;
                }
            }
            flush(&mut found, unit);
        }
        pairs[from..].sort_unstable();
    }
}

/// Sets of strings such that every match of `hir` contains one string of each, in ASCII
/// lower case (a match may have them in any case), the most selective first; none when the
/// pattern has no set worth searching for.
///
/// `memo` holds what was found for the groups of patterns read before (see [`Memo`]).
pub fn required_strings(hir: &Hir, memo: &Memo) -> Vec<Vec<String>> {
    facts(hir, memo)
        .required
        .into_iter()
        .enumerate()
        .filter(|(i, set)| *i == 0 || set.iter().all(|s| weight(s) >= MIN_FURTHER_LEN))
        .map(|(_, set)| set)
        .filter_map(|mut strings| {
            // A line holding "tours" holds "tour": the longer string adds nothing.
            let all = strings.clone();
            strings.retain(|s| !all.iter().any(|t| t != s && contains(s, t)));
            // A string cut inside a character would do as well, but is no word to show.
            strings
                .into_iter()
                .map(|s| String::from_utf8(s.to_vec()).ok())
                .collect()
        })
        .collect()
}

/// What [`required_strings`] found for the contents of the capture groups of the patterns
/// it read, kept for those of the patterns it reads next: a value's grammar written into
/// many patterns (a date, in each `{when:date}`) is read once. Shared by the patterns of a
/// rule set as they compile in parallel.
#[derive(Default)]
pub struct Memo {
    /// The contents read, and what is known of them, by a hash of the contents.
    found: Mutex<Seen>,
}

/// Contents of groups and what is known of them, by a hash of the contents.
type Seen = HashMap<u64, Vec<Arc<(Hir, Known)>>>;

impl Memo {
    /// The facts of `hir`, the contents of a group: read again if a group with equal
    /// contents was read before, else by `read`, and kept.
    fn facts_of(&self, hir: &Hir, read: impl FnOnce() -> Facts) -> Facts {
        let mut hasher = std::hash::DefaultHasher::new();
        hash_hir(hir, &mut hasher);
        let key = hasher.finish();
        let same_hash = self.lock().get(&key).cloned().unwrap_or_default();
        // Contents of one hash compared whole, outside the lock.
        if let Some(known) = same_hash.iter().find(|k| k.0 == *hir) {
            return known.1.facts();
        }
        let facts = read();
        let known = Arc::new((hir.clone(), Known::of(&facts)));
        self.lock().entry(key).or_default().push(known);
        facts
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Seen> {
        // A thread that panicked left the map whole: every entry is pushed complete.
        self.found.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Feeds the structure of `hir` to `state`: equal pieces feed the same.
fn hash_hir(hir: &Hir, state: &mut impl Hasher) {
    std::mem::discriminant(hir.kind()).hash(state);
    match hir.kind() {
        HirKind::Empty => {}
        HirKind::Literal(literal) => literal.0.hash(state),
        HirKind::Class(Class::Unicode(class)) => {
            for range in class.iter() {
                (range.start(), range.end()).hash(state);
            }
        }
        HirKind::Class(Class::Bytes(class)) => {
            for range in class.iter() {
                (range.start(), range.end()).hash(state);
            }
        }
        HirKind::Look(look) => look.as_repr().hash(state),
        HirKind::Repetition(rep) => {
            (rep.min, rep.max, rep.greedy).hash(state);
            hash_hir(&rep.sub, state);
        }
        HirKind::Capture(capture) => {
            (capture.index, &capture.name).hash(state);
            hash_hir(&capture.sub, state);
        }
        HirKind::Concat(parts) | HirKind::Alternation(parts) => {
            parts.len().hash(state);
            for part in parts {
                hash_hir(part, state);
            }
        }
    }
}

/// [`Facts`] in a form threads can share.
struct Known {
    exact: Option<Vec<Box<[u8]>>>,
    suffix: Option<Vec<Box<[u8]>>>,
    required: Vec<Vec<Box<[u8]>>>,
}

impl Known {
    fn of(facts: &Facts) -> Known {
        let strings = |set: &Strings| set.iter().map(|s| Box::from(&s[..])).collect();
        Known {
            exact: facts.exact.as_ref().map(strings),
            suffix: facts.suffix.as_ref().map(strings),
            required: facts.required.iter().map(strings).collect(),
        }
    }

    fn facts(&self) -> Facts {
        let strings = |set: &Vec<Box<[u8]>>| set.iter().map(|s| Rc::from(&s[..])).collect();
        Facts {
            exact: self.exact.as_ref().map(strings),
            suffix: self.suffix.as_ref().map(strings),
            required: self.required.iter().map(strings).collect(),
        }
    }
}

/// What is known of the strings a piece of a pattern matches.
struct Facts {
    /// Every string it can match, when there are few.
    exact: Option<Strings>,
    /// Strings one of which every match ends with, when there are few: what a run of
    /// literals after the piece starts from ("1st" of `[0-9]+(?:st|nd)`).
    suffix: Option<Strings>,
    /// Sets one string of each of which every match contains.
    required: Required,
}

impl Facts {
    fn unknown() -> Facts {
        Facts {
            exact: None,
            suffix: None,
            required: Vec::new(),
        }
    }

    fn exactly(strings: Strings) -> Facts {
        let required = if useful(&strings) {
            vec![strings.clone()]
        } else {
            Vec::new()
        };
        Facts {
            suffix: Some(strings.clone()),
            exact: Some(strings),
            required,
        }
    }
}

fn facts(hir: &Hir, memo: &Memo) -> Facts {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => Facts::exactly(BTreeSet::from([Rc::from([])])),
        HirKind::Literal(literal) => {
            Facts::exactly(BTreeSet::from([Rc::from(literal.0.to_ascii_lowercase())]))
        }
        HirKind::Class(class) => class_strings(class).map_or_else(Facts::unknown, Facts::exactly),
        HirKind::Capture(capture) => memo.facts_of(&capture.sub, || facts(&capture.sub, memo)),
        HirKind::Repetition(rep) => {
            let sub = facts(&rep.sub, memo);
            match (rep.min, rep.max) {
                (0, Some(1)) => match sub.exact {
                    Some(mut exact) => {
                        exact.insert(Rc::from([]));
                        Facts::exactly(exact)
                    }
                    None => Facts::unknown(),
                },
                (0, _) => Facts::unknown(),
                (1, Some(1)) => sub,
                // Each match ends with a match of the piece repeated.
                _ => Facts {
                    exact: None,
                    suffix: sub.suffix,
                    required: sub.required,
                },
            }
        }
        // More branches than strings kept: the union would be too large to keep.
        HirKind::Alternation(branches) if branches.len() > MAX_STRINGS => Facts::unknown(),
        HirKind::Alternation(branches) => {
            let all: Vec<Facts> = branches.iter().map(|b| facts(b, memo)).collect();
            let union = |strings: fn(&Facts) -> &Option<Strings>| {
                let mut out = Strings::new();
                for f in &all {
                    out.extend(strings(f).as_ref()?.iter().cloned());
                }
                (out.len() <= MAX_STRINGS).then_some(out)
            };
            let exact = union(|f| &f.exact);
            let suffix = union(|f| &f.suffix);
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
            Facts {
                exact,
                suffix,
                required,
            }
        }
        HirKind::Concat(parts) => {
            // Every part's sets are required, and so are the strings of each run of parts
            // whose strings are known.
            let mut required = Vec::new();
            let mut run = Some(BTreeSet::from([Rc::from([])]));
            let mut whole_is_run = true;
            for part in parts.iter().map(|p| facts(p, memo)) {
                required.extend(part.required);
                let after = part
                    .suffix
                    .unwrap_or_else(|| BTreeSet::from([Rc::from([])]));
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
                        Some(after)
                    }
                    (None, Some(exact)) => Some(exact),
                };
            }
            let exact = if whole_is_run { run.clone() } else { None };
            required.extend(run.clone());
            Facts {
                exact,
                suffix: run,
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
                    out.insert(Rc::from(
                        ch.encode_utf8(&mut buf).as_bytes().to_ascii_lowercase(),
                    ));
                }
                if out.len() > MAX_CLASS {
                    return None;
                }
            }
        }
        Class::Bytes(c) => {
            for range in c.iter() {
                for b in range.start()..=range.end() {
                    out.insert(Rc::from([b.to_ascii_lowercase()]));
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
            .flat_map(|x| b.iter().map(move |y| Rc::from([&x[..], &y[..]].concat())))
            .collect(),
    )
}

/// How selective a string is, to rank sets: its length, but a string with an underscore
/// (the masked token of an entity, `_k`, see [`crate::gazetteer::Gazetteer::mask`]) as one
/// of [`MASK_WEIGHT`] bytes: prose has few underscores, while a short word ("to", "the") is
/// in most lines.
fn weight(s: &[u8]) -> usize {
    if s.contains(&b'_') {
        s.len().max(MASK_WEIGHT)
    } else {
        s.len()
    }
}

/// Whether `needle` (not empty) stands in `haystack`: its first byte is checked before
/// the rest is compared.
fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w[0] == needle[0] && w == needle)
}

/// A set without the empty string and without strings that match almost anywhere.
fn useful(strings: &Strings) -> bool {
    !strings.is_empty() && strings.iter().all(|s| s.len() >= MIN_USEFUL_LEN)
}

/// The useful sets of `sets`, at most [`MAX_SETS`] of them, the most selective first: those
/// whose lightest string weighs most (see [`weight`]), then the smallest. A set that another implies (each of
/// whose strings contains one of it) adds nothing.
fn most_selective(mut sets: Required) -> Required {
    sets.retain(useful);
    if sets.len() <= 1 {
        return sets;
    }
    // Each set with the weight of its lightest string, worked out once for the sort.
    let shortest = |s: &Strings| s.iter().map(|s| weight(s)).min().unwrap_or(0);
    let mut ranked: Vec<(usize, Strings)> = sets.into_iter().map(|s| (shortest(&s), s)).collect();
    ranked.sort_by(|(wa, a), (wb, b)| (wb, a.len()).cmp(&(wa, b.len())).then_with(|| a.cmp(b)));
    ranked.dedup_by(|a, b| a.1 == b.1);
    let sets: Required = ranked.into_iter().map(|(_, set)| set).collect();
    let implies = |a: &Strings, b: &Strings| {
        a.iter()
            .all(|x| b.contains(x) || b.iter().any(|y| contains(x, y)))
    };
    let mut kept: Required = Vec::new();
    for (i, set) in sets.iter().enumerate() {
        if kept.len() == MAX_SETS {
            break;
        }
        let implied = sets
            .iter()
            .enumerate()
            .any(|(j, other)| j != i && implies(other, set) && (j < i || !implies(set, other)));
        if !implied {
            kept.push(set.clone());
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn required(pattern: &str) -> Vec<Vec<String>> {
        required_strings(
            &regex_syntax::Parser::new().parse(pattern).unwrap(),
            &Memo::default(),
        )
    }

    /// The prefilter of `patterns`.
    fn prefilter(patterns: &[&str]) -> Prefilter {
        let required: Vec<_> = patterns.iter().map(|p| required(p)).collect();
        Prefilter::new(required.iter().map(Vec::as_slice))
    }

    /// The candidates `p` finds in `units` of `text`, after a pair already there.
    fn candidates(p: &Prefilter, text: &str, units: &[Range<usize>]) -> Vec<(usize, usize)> {
        let mut pairs = vec![(9, 9)];
        p.candidates(text, units, &mut pairs);
        assert_eq!(pairs.remove(0), (9, 9));
        pairs
    }

    #[test]
    fn requires_each_selective_literal_of_a_sequence() {
        assert_eq!(
            required(r"(?i:his|her)\s+(?:first|second)\s+(?:visit|trip)s?\s+(?:abroad|overseas)"),
            [
                vec!["abroad", "overseas"],
                vec!["first", "second"],
                vec!["trip", "visit"],
                vec!["her", "his", "hi\u{17f}"]
            ]
        );
        // Two-letter words are no set of their own after the first.
        assert_eq!(
            required(r"(?:of|in)\s+(?:visit|trip)s?\s+(?:abroad|overseas)"),
            [["abroad", "overseas"], ["trip", "visit"]]
        );
        // Short words are kept only when nothing better is required.
        assert_eq!(
            required(r"(?i:his|her)\s+[a-z]+(?:st|nd)"),
            // `(?i)` folds "s" with the long s.
            [["her", "his", "hiſ"]]
        );
    }

    #[test]
    fn ranks_a_masked_entity_token_above_short_words() {
        // An entity slot's token is required beside the words, and decides alone before
        // "to" or "the" in a union of branches.
        assert_eq!(
            required(r"(?:will|is\s+to)\s+visit\s+(?:the\s+)?_[cq]_*|to\s+tour\s+the\s+_[cq]_*"),
            [
                vec!["_c", "_q"],
                vec!["tour", "visit"],
                vec!["the", "visit"]
            ]
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
        let units = [0..20, 20..45, 45..text.len()];
        // The fourth needs "signed" and "border" in one unit: neither has both.
        assert_eq!(
            candidates(&p, text, &units),
            [(0, 0), (1, 1), (2, 0), (2, 1), (2, 2)]
        );
        let both = "It signed a border deal.";
        let whole = 0..both.len();
        assert_eq!(
            candidates(&p, both, std::slice::from_ref(&whole)),
            [(2, 0), (3, 0)]
        );
    }

    #[test]
    fn reads_the_end_of_a_repetition_into_the_literals_after_it() {
        // Every match ends with a digit then "st" or "nd": "1st" … "9nd" are required, not
        // "st" and "nd", which are in most lines.
        let digits: Vec<String> = (0..10)
            .flat_map(|d| [format!("{d}nd"), format!("{d}st")])
            .collect();
        assert_eq!(
            required(r"[0-9]+(?:st|nd)\s+visit"),
            [vec!["visit".to_string()], digits]
        );
    }
}
