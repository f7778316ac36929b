//! The clauses of a sentence: stretches between commas, semicolons, colons, dashes and
//! brackets, and at the words the rules say open a clause of its own ("since she became
//! minister in March", "that is expected to …"). A clause opened by such words, or one
//! holding words that report another event ("It was announced yesterday"), is *closed*:
//! its dates and its cues belong to it alone. A clause opened by words of the same time
//! ("when she arrives") is set aside too, but shares the day and the tense of the clause
//! it hangs on; one opened by words of the same tense ("before heading to Mali") is closed,
//! but shares that tense.

use regex::Regex;
use std::ops::Range;

/// One clause of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    /// Where it is in the text.
    pub range: Range<usize>,
    /// Whether its dates and cues are its own alone.
    pub closed: bool,
    /// Whether words that open a clause of their own open it ("since she became
    /// minister", "who met Mba"): set aside from the sentence, as a clause that only
    /// reports ("Mba said") is not.
    pub subordinate: bool,
    /// Whether words of the same time open it ("when she arrives", "once he lands"): what
    /// it tells happens at the time of the clause it hangs on, whose day and tense are
    /// its own too.
    pub same_time: bool,
    /// Whether words of the same tense open it ("before heading to Mali"): its dates are
    /// its own, the tense of the clause it hangs on too.
    pub same_tense: bool,
    /// The clause this one goes on with after words set off by a pair of dashes or
    /// brackets ("who is on a visit to Chad – her second – on May 3"): its index.
    pub resumes: Option<usize>,
    /// The clause whose subject this one is the predicate of, past an aside set off by
    /// commas ("Lobo's visit to Chad, her first since 2010, will be held on May 3"): its
    /// index.
    pub predicate_of: Option<usize>,
}

impl Clause {
    /// Whether it is set aside as of another time: opened by words that close it ("since
    /// she became minister"), its dates and cues its own.
    pub fn of_another_time(&self) -> bool {
        self.closed && self.subordinate
    }
}

/// The words that cut a sentence into clauses besides its marks.
#[derive(Clone, Copy, Default)]
pub struct Openers<'a> {
    /// Words that open a closed clause ("since", "after he").
    pub closing: Option<&'a Regex>,
    /// Words that open a clause of the same time as the one before ("when she").
    pub same_time: Option<&'a Regex>,
    /// Words that open a closed clause in the tense of the one before ("before heading").
    pub same_tense: Option<&'a Regex>,
    /// Words that report another event: a clause that holds one is closed.
    pub reporting: Option<&'a Regex>,
    /// A report and its day with no "that" ("told reporters on Sunday"): the words after
    /// open a closed clause.
    pub reported_after: Option<&'a Regex>,
    /// Words that open a predicate, at a clause's start ("will be held", "took place"):
    /// after an aside set off by commas, the clause is the predicate of the subject before
    /// it.
    pub predicate: Option<&'a Regex>,
}

/// What opens a clause, weakest first: where two cut at one place, the stronger holds.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Cut {
    Mark,
    SameTime,
    Closing,
    SameTense,
}

/// The clauses of `text[sentence]`, in order: cut after each of `, ; : — – ( )` (and a
/// hyphen set off by spaces, a dash typed plainly) but the commas of a number or a date
/// ("2,019", "May 4, 2019") and those `joined` says join the items of a list or the words
/// of a date ("Monday, October 16"; at their offset in `text`), and before each match of
/// the `closing` and `same_time` openers; a clause that starts with a closing opener or
/// holds a match of `reporting` is closed. Blank stretches are no clause.
pub fn clauses(
    text: &str,
    sentence: Range<usize>,
    openers: Openers<'_>,
    joined: impl Fn(usize) -> bool,
) -> Vec<Clause> {
    let s = &text[sentence.clone()];
    // The comma of a number ("2,019") or of a date ("December 26, 2019") joins its parts.
    let in_figure = |i: usize| {
        let (before, after) = (&s.as_bytes()[..i], &s.as_bytes()[i + 1..]);
        let year_after = after.len() >= 5
            && after[0] == b' '
            && after[1..5].iter().all(u8::is_ascii_digit)
            && after.get(5).is_none_or(|b| !b.is_ascii_digit());
        before.last().is_some_and(u8::is_ascii_digit)
            && (year_after || after.first().is_some_and(u8::is_ascii_digit))
    };
    // A hyphen with a space on each side is a dash: "the visit - her second - will".
    let spaced = |i: usize| {
        let b = s.as_bytes();
        i > 0 && b[i - 1] == b' ' && b.get(i + 1) == Some(&b' ')
    };
    let mut cuts: Vec<(usize, Cut, usize)> = s
        .char_indices()
        .filter(|&(i, c)| {
            matches!(c, ';' | ':' | '—' | '–' | '(' | ')')
                || (c == '-' && spaced(i))
                || (c == ',' && !joined(sentence.start + i) && !in_figure(i))
        })
        .map(|(i, c)| (i + c.len_utf8(), Cut::Mark, 0))
        .collect();
    // An opener that takes in the comma before it (", as she was") opens its clause after
    // the comma.
    for (re, kind) in [
        (openers.closing, Cut::Closing),
        (openers.same_time, Cut::SameTime),
        (openers.same_tense, Cut::SameTense),
    ] {
        let Some(re) = re else { continue };
        cuts.extend(re.find_iter(s).map(|m| {
            let words = m
                .as_str()
                .trim_start_matches(|c: char| c == ',' || c.is_whitespace());
            (m.end() - words.len(), kind, words.len())
        }));
    }
    // What a report with no "that" reported opens where the report's words end.
    if let Some(re) = openers.reported_after {
        cuts.extend(re.find_iter(s).map(|m| (m.end(), Cut::Closing, 0)));
    }
    // Where a mark and an opener cut at one place, the opener opens the clause; where two
    // openers do, the one whose match is longer ("who is on" over "who is"), else the
    // stronger. (The third field is the opener's length in bytes; 0 for a mark.)
    cuts.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.2.cmp(&a.2)).then(b.1.cmp(&a.1)));
    cuts.dedup_by_key(|cut| cut.0);
    let mut out = Vec::new();
    let mut start = (0, Cut::Mark, 0);
    for cut in cuts.into_iter().chain([(s.len(), Cut::Mark, 0)]) {
        let piece = &s[start.0..cut.0];
        let lead = piece.len() - piece.trim_start().len();
        let trimmed = piece.trim();
        if !trimmed.is_empty() {
            let from = sentence.start + start.0 + lead;
            out.push(Clause {
                range: from..from + trimmed.len(),
                closed: matches!(start.1, Cut::Closing | Cut::SameTense)
                    || openers.reporting.is_some_and(|re| re.is_match(trimmed)),
                subordinate: start.1 != Cut::Mark,
                same_time: start.1 == Cut::SameTime,
                same_tense: start.1 == Cut::SameTense,
                resumes: None,
                predicate_of: None,
            });
        }
        start = cut;
    }
    resume_after_asides(text, &mut out);
    if let Some(re) = openers.predicate {
        find_predicates(text, re, &mut out);
    }
    out
}

/// Most clauses an aside between a subject and its predicate holds.
const MAX_ASIDE_CLAUSES: usize = 3;

/// Marks each clause that opens with a predicate's words (`predicate`) after an aside set
/// off by commas as the predicate of the clause before the aside: the nearest before it
/// that ends in a comma, the aside up to three clauses ("Lobo's visit to Chad, her first
/// since she took office, will be held on May 3"), when that one is no clause of its own
/// ("Lobo will visit Niger, where the president, Mba, will be sworn in on May 3": the
/// nearest is "where the president", whose predicate it is).
fn find_predicates(text: &str, predicate: &Regex, clauses: &mut [Clause]) {
    let ends_in_comma = |c: &Clause| text[c.range.clone()].ends_with(',');
    for i in 2..clauses.len() {
        if !ends_in_comma(&clauses[i - 1]) || !predicate.is_match(&text[clauses[i].range.clone()]) {
            continue;
        }
        let subject = (i.saturating_sub(MAX_ASIDE_CLAUSES + 1)..i - 1)
            .rev()
            .find(|&k| ends_in_comma(&clauses[k]));
        clauses[i].predicate_of = subject.filter(|&k| !clauses[k].subordinate);
    }
}

/// Marks each clause that follows words set off by a pair of dashes or brackets as going
/// on with the clause before them: the words between are an aside.
fn resume_after_asides(text: &str, clauses: &mut [Clause]) {
    // The clause before an open dash, and before each open bracket.
    let mut dash: Option<usize> = None;
    let mut brackets: Vec<usize> = Vec::new();
    for i in 0..clauses.len() {
        let words = &text[clauses[i].range.clone()];
        // A dateline's dash ("NIAMEY – …") sets off no aside.
        if i == 0 && !words.contains(char::is_lowercase) {
            continue;
        }
        // An em dash, or an en dash or a hyphen set off by a space: an unspaced en dash
        // joins a range ("May 30–31").
        let closed_aside = if words.ends_with('—') || words.ends_with(" –") || words.ends_with(" -")
        {
            match dash.take() {
                Some(before) => Some(before),
                None => {
                    dash = Some(i);
                    None
                }
            }
        } else if words.ends_with('(') {
            brackets.push(i);
            None
        } else if words.ends_with(')') {
            brackets.pop()
        } else {
            None
        };
        if let Some(before) = closed_aside {
            let root = clauses[before].resumes.unwrap_or(before);
            if let Some(next) = clauses.get_mut(i + 1) {
                next.resumes = Some(root);
            }
        }
    }
}

/// Most words before a claim's in the subject it opens ("The planned visit of …").
const MAX_SUBJECT_LEAD: usize = 2;

/// The predicate of the subject that opens with the words at `at` (no more than two words
/// before them in their clause: "The planned visit of Lobo to Chad, …, will be held on May
/// 3"), past an aside; `None` for words deeper in their clause ("Ministers who met during
/// Lobo's visit, …, will meet again": the predicate is the ministers').
pub fn predicate_of_subject<'c>(
    text: &str,
    clauses: &'c [Clause],
    at: usize,
) -> Option<&'c Clause> {
    let own = clauses.iter().position(|c| c.range.contains(&at))?;
    if text[clauses[own].range.start..at]
        .split_whitespace()
        .count()
        > MAX_SUBJECT_LEAD
    {
        return None;
    }
    // The last: an earlier one may be an aside's own ("which Mba has called historic,").
    clauses.iter().rev().find(|c| c.predicate_of == Some(own))
}

/// The clause that the clause of the same time holding `at` hangs on: the one before it,
/// else (when it opens the sentence: "When she arrives, Lobo will …") the one after it.
/// `None` when the clause holding `at` is of no same time.
pub fn same_time_host(clauses: &[Clause], at: usize) -> Option<&Clause> {
    host_of(clauses, at, |c| c.same_time)
}

/// The clause whose tense the clause of the same time or tense holding `at` takes ("will
/// hold talks before heading to Mali"; "After landing in Lomé, Lobo will …"), as
/// [`same_time_host`] finds it.
pub fn tense_host(clauses: &[Clause], at: usize) -> Option<&Clause> {
    host_of(clauses, at, |c| c.same_time || c.same_tense)
}

/// The clause before the one holding `at`, else the one after it, when `hangs` says the
/// one holding `at` hangs on another.
fn host_of(clauses: &[Clause], at: usize, hangs: impl Fn(&Clause) -> bool) -> Option<&Clause> {
    let own = clauses.iter().position(|c| c.range.contains(&at))?;
    if !hangs(&clauses[own]) {
        return None;
    }
    own.checked_sub(1)
        .map(|before| &clauses[before])
        .or_else(|| clauses.get(own + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_predicate_after_an_aside_is_the_nearest_comma_clause_s_unless_that_one_is_subordinate() {
        let since = Regex::new(r"\bsince\b|\bwhere\b").unwrap();
        let predicate = Regex::new(r"^(?:will\s+be\s+held|took\s+place)\b").unwrap();
        let openers = Openers {
            closing: Some(&since),
            predicate: Some(&predicate),
            ..Openers::default()
        };
        let text = "Lobo's visit to Chad, her first since she took office, will be held on May 3. \
                    Lobo met Mba in Niger, where the president, Ivo Sani, took place in May.";
        let sentence = |n: usize| {
            let starts = [0, text.find("Lobo met").unwrap(), text.len()];
            starts[n]..starts[n + 1]
        };
        let first = clauses(text, sentence(0), openers, |_| false);
        let at = |words: &str| text.find(words).unwrap();
        let predicate_of = |clauses: &[Clause], at: usize| {
            predicate_of_subject(text, clauses, at).map(|c| &text[c.range.clone()])
        };
        assert_eq!(
            predicate_of(&first, at("Lobo's visit")),
            Some("will be held on May 3.")
        );
        // More than two words before the claim's in its clause: no subject it opens.
        assert_eq!(predicate_of(&first, at("Chad,")), None);
        // The nearest clause before the aside that ends in a comma is a clause of its own.
        let second = clauses(text, sentence(1), openers, |_| false);
        assert!(second.iter().all(|c| c.predicate_of.is_none()));
    }

    #[test]
    fn commas_and_openers_cut_and_openers_and_reports_close() {
        let openers = Regex::new(r"\bsince\b|\bthat\s+is\b").unwrap();
        let reporting = Regex::new(r"\bannounced\b").unwrap();
        let text = "It was announced on Monday that the tour, her first trip since she took office in May, began";
        let openers = Openers {
            closing: Some(&openers),
            reporting: Some(&reporting),
            ..Openers::default()
        };
        let got: Vec<(&str, bool)> = clauses(text, 0..text.len(), openers, |_| false)
            .into_iter()
            .map(|c| (&text[c.range], c.closed))
            .collect();
        assert_eq!(
            got,
            [
                ("It was announced on Monday that the tour,", true),
                ("her first trip", false),
                ("since she took office in May,", true),
                ("began", false),
            ]
        );
    }

    #[test]
    fn what_a_report_with_no_that_reported_is_a_closed_clause_after_its_words() {
        // Closed and set aside like a clause an opener opens: of another time.
        let told = Regex::new(r"\btold\s+\w+\s+on\s+Sunday\b").unwrap();
        let reporting = Regex::new(r"\btold\b").unwrap();
        let text = "Ivo told reporters on Sunday the visit was expected soon, he added";
        let openers = Openers {
            reporting: Some(&reporting),
            reported_after: Some(&told),
            ..Openers::default()
        };
        let cut = clauses(text, 0..text.len(), openers, |_| false);
        let words: Vec<&str> = cut.iter().map(|c| &text[c.range.clone()]).collect();
        assert_eq!(
            words,
            [
                "Ivo told reporters on Sunday",
                "the visit was expected soon,",
                "he added"
            ]
        );
        let another_time: Vec<bool> = cut.iter().map(Clause::of_another_time).collect();
        assert_eq!(another_time, [false, true, false]);
        assert!(cut[0].closed);
    }

    #[test]
    fn an_opener_that_takes_in_its_comma_opens_the_clause_after_it() {
        let openers = Regex::new(r",\s+as\s+she\s+was\b|,her\s+second\b").unwrap();
        let text = "It is her third trip, as she was here in May,her second this year";
        let openers = Openers {
            closing: Some(&openers),
            ..Openers::default()
        };
        let got: Vec<(&str, bool)> = clauses(text, 0..text.len(), openers, |_| false)
            .into_iter()
            .map(|c| (&text[c.range], c.subordinate))
            .collect();
        assert_eq!(
            got,
            [
                ("It is her third trip,", false),
                ("as she was here in May,", true),
                ("her second this year", true),
            ]
        );
    }

    #[test]
    fn words_of_the_same_time_set_a_clause_aside_without_closing_it() {
        let closing = Regex::new(r"\bafter\s+she\b").unwrap();
        let same_time = Regex::new(r"\bwhen\s+she\b").unwrap();
        let text = "She will meet Mba on Friday when she arrives, after she lands";
        let openers = Openers {
            closing: Some(&closing),
            same_time: Some(&same_time),
            ..Openers::default()
        };
        let got: Vec<(&str, bool, bool, bool)> = clauses(text, 0..text.len(), openers, |_| false)
            .into_iter()
            .map(|c| (&text[c.range], c.closed, c.subordinate, c.same_time))
            .collect();
        assert_eq!(
            got,
            [
                ("She will meet Mba on Friday", false, false, false),
                ("when she arrives,", false, true, true),
                ("after she lands", true, true, false),
            ]
        );
    }

    #[test]
    fn where_two_openers_cut_at_one_place_the_one_that_reads_more_words_holds() {
        let closing = Regex::new(r",\s+who\b|\bwho\s+is\b").unwrap();
        let same_time = Regex::new(r"\bwho\s+is\s+on\b").unwrap();
        let openers = Openers {
            closing: Some(&closing),
            same_time: Some(&same_time),
            ..Openers::default()
        };
        let kinds = |text: &str| -> Vec<(bool, bool)> {
            clauses(text, 0..text.len(), openers, |_| false)
                .into_iter()
                .map(|c| (c.closed, c.same_time))
                .collect()
        };
        assert_eq!(
            kinds("She received Mba on Monday, who is on a visit"),
            [(false, false), (false, true)]
        );
        assert_eq!(
            kinds("She received Mba on Monday, who is due to leave"),
            [(false, false), (true, false)]
        );
    }

    #[test]
    fn a_clause_of_the_same_time_hangs_on_the_one_before_else_the_one_after() {
        let same_time = Regex::new(r"\b[Ww]hen\s+she\b").unwrap();
        let openers = Openers {
            same_time: Some(&same_time),
            ..Openers::default()
        };
        let host = |text: &str, at: &str| {
            let cut = clauses(text, 0..text.len(), openers, |_| false);
            same_time_host(&cut, text.find(at).unwrap()).map(|c| text[c.range.clone()].to_string())
        };
        let text = "She will meet Mba on Friday when she arrives";
        assert_eq!(
            host(text, "arrives").as_deref(),
            Some("She will meet Mba on Friday")
        );
        let text = "When she arrives, she will meet Mba";
        assert_eq!(host(text, "arrives").as_deref(), Some("she will meet Mba"));
        assert_eq!(host(text, "meet"), None);
    }

    #[test]
    fn a_clause_of_the_same_tense_is_closed_and_takes_the_tense_of_the_one_it_hangs_on() {
        let same_tense = Regex::new(r"\b[Bb]efore\s+[a-z]+ing\b").unwrap();
        let openers = Openers {
            same_tense: Some(&same_tense),
            ..Openers::default()
        };
        let text = "She will meet Mba before heading to Mali on Friday";
        let cut = clauses(text, 0..text.len(), openers, |_| false);
        let got: Vec<(&str, bool, bool)> = cut
            .iter()
            .map(|c| (&text[c.range.clone()], c.closed, c.same_tense))
            .collect();
        assert_eq!(
            got,
            [
                ("She will meet Mba", false, false),
                ("before heading to Mali on Friday", true, true),
            ]
        );
        let at = text.find("Mali").unwrap();
        assert_eq!(
            tense_host(&cut, at).map(|c| &text[c.range.clone()]),
            Some("She will meet Mba")
        );
        assert!(same_time_host(&cut, at).is_none());
        assert!(tense_host(&cut, text.find("meet").unwrap()).is_none());
    }

    #[test]
    fn a_clause_after_words_set_off_by_a_pair_of_dashes_or_brackets_resumes_the_one_before() {
        let text =
            "Lobo, who is on a visit – her second – on May 3 (her aides said) met Mba – in Lyon";
        let got: Vec<(&str, Option<usize>)> =
            clauses(text, 0..text.len(), Openers::default(), |_| false)
                .into_iter()
                .map(|c| (&text[c.range], c.resumes))
                .collect();
        assert_eq!(
            got,
            [
                ("Lobo,", None),
                ("who is on a visit –", None),
                ("her second –", None),
                ("on May 3 (", Some(1)),
                ("her aides said)", None),
                ("met Mba –", Some(1)),
                ("in Lyon", None),
            ]
        );
        let dateline = "NIAMEY – Lobo, who is on a visit – her second – on May 3, met Mba";
        let resumed: Vec<Option<usize>> =
            clauses(dateline, 0..dateline.len(), Openers::default(), |_| false)
                .into_iter()
                .map(|c| c.resumes)
                .collect();
        assert_eq!(resumed, [None, None, None, None, Some(2), None]);
        let ranges = "Lobo, who is on a visit on May 3–4, met Mba on May 5–6 in Lyon";
        assert!(
            clauses(ranges, 0..ranges.len(), Openers::default(), |_| false)
                .iter()
                .all(|c| c.resumes.is_none())
        );
    }

    /// The clauses of the whole of `text`, with no openers, reports or lists.
    fn plain(text: &str) -> Vec<&str> {
        clauses(text, 0..text.len(), Openers::default(), |_| false)
            .into_iter()
            .map(|c| &text[c.range])
            .collect()
    }

    #[test]
    fn the_comma_of_a_number_or_a_date_cuts_nothing() {
        let text = "She will arrive on December 26, 2019 on her first visit, 2,019 aides said";
        assert_eq!(
            plain(text),
            [
                "She will arrive on December 26, 2019 on her first visit,",
                "2,019 aides said"
            ]
        );
    }

    #[test]
    fn a_hyphen_set_off_by_spaces_cuts_and_one_in_a_word_does_not() {
        let text = "During the two-day visit - her second - she will meet well-known traders";
        assert_eq!(
            plain(text),
            [
                "During the two-day visit -",
                "her second -",
                "she will meet well-known traders"
            ]
        );
    }

    #[test]
    fn a_comma_of_a_list_cuts_nothing() {
        let text = "She leaves for Chad, Niger on Monday, her aides said";
        let list_comma = text.find(", Niger").unwrap();
        let got: Vec<&str> = clauses(text, 0..text.len(), Openers::default(), |at| {
            at == list_comma
        })
        .into_iter()
        .map(|c| &text[c.range])
        .collect();
        assert_eq!(
            got,
            ["She leaves for Chad, Niger on Monday,", "her aides said"]
        );
    }
}
