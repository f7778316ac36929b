//! Sentence boundaries in news text: enough to scope subject resolution, modality and
//! sentence-level dates. Abbreviations such as "Gen." and "Oct." do not end a sentence; a
//! missing space after a full stop ("Samaa TV.This") does not hide one, nor does markup a
//! page left after it ("met.</p><p>He"); a line break ends one, unless it only wraps the
//! sentence (a line after the first with no stop, the next going on in lower case). A "sentence" longer
//! than [`MAX_SENTENCE`] bytes (scraping debris, a list without stops) is cut at white
//! space, which keeps all sentence-scoped work linear.

use std::ops::Range;

/// Words that end in a full stop without ending a sentence.
const ABBREVIATIONS: [&str; 30] = [
    "Gen", "Maj", "Lt", "Col", "Capt", "Adm", "Brig", "Sgt", "Mr", "Mrs", "Ms", "Dr", "Prof", "St",
    "No", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    "Gov", "Sen", "Rep",
];

/// Suffixes of a name that end in a full stop, a sentence's end only before a capital.
const NAME_SUFFIXES: [&str; 6] = ["Jr", "Sr", "Inc", "Ltd", "Corp", "Co"];

/// Longest sentence, in bytes, before it is cut at white space.
pub const MAX_SENTENCE: usize = 2048;

/// The sentences of `text` as byte ranges, in order, covering every non-blank stretch.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    // The first line break at or after `i`, found again once passed.
    let mut line_end = memchr::memchr(b'\n', bytes);
    while i < bytes.len() {
        if line_end.is_some_and(|n| n < i) {
            line_end = memchr::memchr(b'\n', &bytes[i..]).map(|n| i + n);
        }
        let stop = memchr::memchr3(b'.', b'!', b'?', &bytes[i..line_end.unwrap_or(bytes.len())]);
        let Some(at) = stop.map(|n| i + n).or(line_end) else {
            break;
        };
        let end = if bytes[at] == b'\n' {
            (!wrapped(text, at)).then_some(at)
        } else {
            sentence_end(text, at)
        };
        if let Some(end) = end {
            push_trimmed(text, start..end, &mut out);
            start = end;
            i = end.max(at + 1);
        } else {
            i = at + 1;
        }
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

/// Whether the line break at byte `i` only wraps a sentence: its line ends in a word or a
/// comma, with no stop, and the next line goes on in lower case ("led a\ndelegation"); not
/// the first line, a headline's ("Lobo due in Chad\nupdated Monday").
fn wrapped(text: &str, i: usize) -> bool {
    let before = text[..i].trim_end_matches([' ', '\t', '\r']);
    let after = text[i + 1..].trim_start_matches([' ', '\t']);
    before.trim_start().contains('\n')
        && before.ends_with(|c: char| c.is_alphanumeric() || c == ',')
        && after.starts_with(|c: char| c.is_lowercase())
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let slice = &text[range.clone()];
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if trimmed.is_empty() {
        return;
    }
    let mut start = range.start + lead;
    let end = start + trimmed.len();
    while end - start > MAX_SENTENCE {
        // Cut at the last white space before the limit, else at the limit itself.
        let mut cut = start + MAX_SENTENCE;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let cut = text[start..cut]
            .rfind(char::is_whitespace)
            .filter(|&i| i > 0)
            .map_or(cut, |i| start + i);
        push_trimmed(text, start..cut, out);
        start = cut;
        start += text[start..end].len() - text[start..end].trim_start().len();
    }
    if start < end {
        out.push(start..end);
    }
}

/// Where the sentence ends if the terminal mark at byte `i` ends one (after any closing
/// quotes), or `None`.
fn sentence_end(text: &str, i: usize) -> Option<usize> {
    let before = &text[..i];
    let word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    if text.as_bytes()[i] == b'.' {
        if ABBREVIATIONS.contains(&word) {
            return None;
        }
        // An initial ("U.S.", "A. Khan") is not a sentence end.
        if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
            return None;
        }
        // A decimal point.
        if word.chars().last().is_some_and(|c| c.is_ascii_digit())
            && text[i + 1..].starts_with(|c: char| c.is_ascii_digit())
        {
            return None;
        }
    }
    // Closing quotes and brackets belong to the sentence they close.
    let after = text[i + 1..].trim_start_matches(['"', '”', '’', '\'', ')']);
    let end = text.len() - after.len();
    let mut chars = after.chars();
    let ends = match chars.next() {
        None => true,
        // A suffix of a name with a word in lower case after it goes on the sentence: "Ivo
        // Mba Jr. on Friday", "Example Corp. officials" (not any word: "… in 2010.
        // al-Mba said" starts one; a line break ends it all the same).
        Some(c) if c.is_whitespace() => {
            let next = after.trim_start_matches([' ', '\t']);
            let next_word = next
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            // A clock's "a.m." or "p.m." goes on before a word in lower case, a day's
            // name or a short bracket with no stop inside: "landed at 1:10 p.m. Monday",
            // "at 10 a.m. on Tuesday", "at 9 a.m. (local time) held talks" (not "at 9
            // a.m. (The talks opened on Monday.)").
            let clock = (before.ends_with("a.m") || before.ends_with("p.m"))
                && (next.starts_with(char::is_lowercase)
                    || short_aside(next)
                    || next_word
                        .parse::<chrono::Weekday>()
                        .is_ok_and(|_| next_word.len() > 3));
            let suffix = NAME_SUFFIXES.contains(&word) && next.starts_with(char::is_lowercase);
            !(clock || suffix)
        }
        // "Samaa TV.This understanding": a capital followed by a lower-case letter, unless
        // the word before is a short initial glued to a name ("Ts.Lobo").
        Some(c) if c.is_uppercase() => {
            chars.next().is_some_and(char::is_lowercase) && !is_glued_initial(word)
        }
        // "countries.</p>.<p>Next": markup a page left after the stop.
        Some('<') => opens_tag(after),
        _ => false,
    };
    ends.then_some(end)
}

/// Longest bracket after a clock that goes on its sentence ("(0500 GMT)"), in bytes.
const MAX_CLOCK_ASIDE: usize = 24;

/// Whether `text` opens with a short bracket with no stop inside: "(local time)".
fn short_aside(text: &str) -> bool {
    text.strip_prefix('(')
        .and_then(|rest| rest.find(')'))
        .is_some_and(|close| {
            close <= MAX_CLOCK_ASIDE && !text[..close + 1].contains(['.', '!', '?'])
        })
}

/// Whether `text` starts with a markup tag: `<p>`, `</p>`, `<br/>`, `<div class="x">`.
fn opens_tag(text: &str) -> bool {
    let Some(rest) = text.strip_prefix('<') else {
        return false;
    };
    let rest = rest.strip_prefix('/').unwrap_or(rest);
    let name = rest.len()
        - rest
            .trim_start_matches(|c: char| c.is_ascii_alphanumeric())
            .len();
    name > 0
        && rest[..name].starts_with(|c: char| c.is_ascii_alphabetic())
        && rest[name..]
            .find(['>', '<', '\n'])
            .is_some_and(|at| rest.as_bytes()[name + at] == b'>')
}

/// A capital and at most one lower-case letter: an initial, when a name follows without a
/// space ("Ts.Lobo").
fn is_glued_initial(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.next().is_some_and(char::is_lowercase)
        && chars.next().is_none()
}

/// The index of the sentence holding byte `offset`, or of the nearest one before it.
pub fn sentence_at(sentences: &[Range<usize>], offset: usize) -> Option<usize> {
    let i = sentences.partition_point(|s| s.start <= offset);
    i.checked_sub(1)
}

/// The quotation of `text` that holds byte `at`, if any: from an opening quote mark to its
/// closing one (curly quotes pair as written; straight ones alternate), or to the end of
/// the text when it is not closed there.
pub fn quotation_around(text: &str, at: usize) -> Option<Range<usize>> {
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match (c, open) {
            ('“' | '"', None) => open = Some(i),
            ('”' | '"', Some(start)) => {
                if (start..i).contains(&at) {
                    return Some(start..i + c.len_utf8());
                }
                open = None;
            }
            _ if i > at && open.is_none() => return None,
            _ => {}
        }
    }
    open.filter(|&start| start < at)
        .map(|start| start..text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn splits_on_terminal_marks_and_line_breaks() {
        assert_eq!(
            split("He came. She left!\nNew line? Yes"),
            ["He came.", "She left!", "New line?", "Yes"]
        );
    }

    #[test]
    fn a_line_break_that_only_wraps_a_sentence_goes_on_with_it() {
        assert_eq!(
            split(
                "Lobo due in Chad\nupdated Monday\nMba led a \ndelegation to Chad, \nwhich met Lobo.\nLobo met Mba\nOn Monday"
            ),
            [
                "Lobo due in Chad",
                "updated Monday",
                "Mba led a \ndelegation to Chad, \nwhich met Lobo.",
                "Lobo met Mba",
                "On Monday"
            ]
        );
        assert_eq!(split("He came.\nthen left"), ["He came.", "then left"]);
    }

    #[test]
    fn abbreviations_initials_and_decimals_do_not_split() {
        assert_eq!(
            split(
                "Maj. Gen. Sergei Petrov met Gen. Raza on Oct. 12 in the U.S. capital. It rose 2.5 percent."
            ),
            [
                "Maj. Gen. Sergei Petrov met Gen. Raza on Oct. 12 in the U.S. capital.",
                "It rose 2.5 percent."
            ]
        );
    }

    #[test]
    fn a_clock_before_a_word_in_lower_case_a_day_or_a_bracket_goes_on_the_sentence() {
        assert_eq!(
            split(
                "Lobo landed at 1:10 p.m. Monday and at 9 a.m. on Tuesday left. Mba came at 10 p.m. Talks began. At 8 a.m. (0500 GMT) Ana Lobo spoke at 9 a.m. (local time) and left. Mba spoke at 9 a.m. (The summit opened on Monday.)"
            ),
            [
                "Lobo landed at 1:10 p.m. Monday and at 9 a.m. on Tuesday left.",
                "Mba came at 10 p.m.",
                "Talks began.",
                "At 8 a.m. (0500 GMT) Ana Lobo spoke at 9 a.m. (local time) and left.",
                "Mba spoke at 9 a.m.",
                "(The summit opened on Monday.)"
            ]
        );
    }

    #[test]
    fn a_name_suffix_before_a_word_in_lower_case_goes_on_the_sentence() {
        assert_eq!(
            split(
                "Ivo Mba Jr. on Friday met Example Corp. officials. Then Ivo Mba Jr. left. al-Mba came.\nIvo Mba Jr.\nnew line"
            ),
            [
                "Ivo Mba Jr. on Friday met Example Corp. officials.",
                "Then Ivo Mba Jr. left.",
                "al-Mba came.",
                "Ivo Mba Jr.",
                "new line"
            ]
        );
    }

    #[test]
    fn missing_space_after_full_stop() {
        assert_eq!(
            split("according to Samaa TV.This understanding was reached."),
            ["according to Samaa TV.", "This understanding was reached."]
        );
        // An initial glued to a name is no sentence end.
        assert_eq!(
            split("President Ts.Lobo arrived. He left."),
            ["President Ts.Lobo arrived.", "He left."]
        );
    }

    #[test]
    fn markup_after_a_stop_ends_the_sentence() {
        assert_eq!(
            split("<p>They met.</p>.<p>He left.</p> It rose 2.5<b> percent.<br/>Then x < y.<3"),
            [
                "<p>They met.",
                "</p>.",
                "<p>He left.",
                "</p> It rose 2.5<b> percent.",
                "<br/>Then x < y.<3"
            ]
        );
    }

    #[test]
    fn quotes_close_with_their_sentence() {
        assert_eq!(
            split("He said, “We agree.” Then he left."),
            ["He said, “We agree.”", "Then he left."]
        );
    }

    #[test]
    fn endless_sentences_are_cut_at_white_space() {
        let text = "word ".repeat(2000);
        let parts = sentences(&text);
        assert!(parts.len() >= 4);
        assert!(
            parts
                .iter()
                .all(|r| r.len() <= MAX_SENTENCE && text[r.clone()].starts_with("word"))
        );
        let spaceless = "x".repeat(5000);
        assert_eq!(
            sentences(&spaceless).iter().map(|r| r.len()).sum::<usize>(),
            5000
        );
    }

    #[test]
    fn lookup() {
        let text = "One. Two. Three.";
        let s = sentences(text);
        assert_eq!(sentence_at(&s, text.find("Two").unwrap()), Some(1));
        assert_eq!(sentence_at(&s, 0), Some(0));
    }

    #[test]
    fn quotations_pair_their_marks() {
        let text = r#"Ana said, "his visit" and “her trip” ended"#;
        let at = |word: &str| text.find(word).unwrap();
        assert_eq!(quotation_around(text, at("his")), Some(10..21));
        assert_eq!(quotation_around(text, at("her")), Some(26..40));
        assert_eq!(quotation_around(text, at("said")), None);
        assert_eq!(quotation_around(text, at("ended")), None);
        // A quotation the sentence does not close runs to its end.
        assert_eq!(quotation_around("He said “his visit", 12), Some(8..20));
    }
}
