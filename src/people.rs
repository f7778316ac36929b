//! People no rule declares, recognized where the text says who they are: a title or an
//! office before a capitalized name ("General Ivo Lobo", "Prime Minister Ana
//! Lobo"), by the `[people]` patterns of the rules. Each is an entity of the article,
//! mentioned in full and by surname; a declared entity always takes precedence.

use crate::gazetteer::{self, Entity, Gazetteer, Mention, Surface};
use chrono::{NaiveDate, Weekday};
use regex::Regex;
use regex_automata::{Input, PatternID, PatternSet, meta};
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

/// The `[people]` of the rules, compiled.
#[derive(Debug, Clone)]
pub struct People {
    /// The kind the people found are.
    pub kind: String,
    /// Patterns with a `name` group.
    pub patterns: Vec<Regex>,
    /// All of `patterns` in one automaton without captures, which tells in one pass which
    /// of them match a text at all: only those are searched for their names. `None` when
    /// too large to build.
    pub any_pattern: Option<meta::Regex>,
    /// Words never part of a name, anchored to the whole word.
    pub not_name: Option<Regex>,
    /// Words that make a name before them an institution's, anchored to the whole word.
    pub institution: Option<Regex>,
    /// Words that join a surname to the given names, in any case ("Bin"), anchored to the
    /// whole word; lowercase words always do.
    pub particles: Option<Regex>,
    /// Particles a report may leave out before a surname ("al"), anchored to the whole
    /// word.
    pub dropped_particles: Option<Regex>,
    /// Given names and honorifics a report may write before a declared person's name
    /// ("Muhammad"), anchored to the whole word.
    pub name_prefixes: Option<Regex>,
    /// The kind of a person's home, named just before their titles or after their name.
    pub home: Option<String>,
    /// A lowercase word that may stand between a person's home and their titles ("new"),
    /// whole.
    pub home_qualifiers: Option<Regex>,
    /// Transliteration folds, applied in order to a name in lower case.
    pub folds: Vec<(Regex, String)>,
    /// Offices, by the words that name them.
    pub offices: Vec<Office>,
    /// Descriptions of an office's holder, matched on the text with places masked: the
    /// office's words stand inside, and the mention of the home kind is whose office.
    pub descriptions: Vec<Regex>,
    /// All of `descriptions` in one automaton without captures, which tells which of them
    /// match around an office's words at all: only those are searched there. `None` when
    /// too large to build.
    pub any_description: Option<meta::Regex>,
    /// Any office's words, when some description may name one: what tells whether an
    /// article may hold a description at all.
    pub any_office: Option<Regex>,
    /// Words that, in a title before an office's words or just before the title (alone
    /// or the two together), say it is not held ("Vice President", "former Chadian
    /// President", "the then President").
    pub not_holder: Option<Regex>,
    /// Words that, in a title or a description, say the office is held for a time
    /// ("Caretaker Prime Minister"): held in the article, but by none the rules declare.
    pub acting: Option<Regex>,
    /// Declared holders' terms.
    pub terms: Vec<Term>,
    /// How many days from an article that names an office's holder a description of the
    /// office in another article is taken to be them.
    pub holder_reach_days: u32,
}

/// An office, by the words that name it.
#[derive(Debug, Clone)]
pub struct Office {
    /// Its id (`president`).
    pub id: String,
    /// Its words: matched in titles on the text as printed, and in descriptions on the
    /// text with places masked.
    pub words: Regex,
}

/// An entity the rules declare as holding an office, and when.
#[derive(Debug, Clone)]
pub struct Term {
    /// The office, an index into [`People::offices`].
    pub office: usize,
    /// The entity whose office it is.
    pub of: usize,
    /// Who holds it.
    pub holder: usize,
    /// The first day held, if known.
    pub from: Option<NaiveDate>,
    /// The last day held, if it ended.
    pub to: Option<NaiveDate>,
}

impl Term {
    fn covers(&self, day: NaiveDate) -> bool {
        self.from.is_none_or(|f| f <= day) && self.to.is_none_or(|t| day <= t)
    }
}

/// An office a person holds in one article, as a title or an appositive says ("Chadian
/// President Ana Lobo", "Ana Lobo, Chad's president,").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Holding {
    /// The office, an index into [`People::offices`].
    pub office: usize,
    /// The entity whose office it is, if the article says ("President Ana Lobo" does
    /// not).
    pub of: Option<usize>,
    /// Who holds it, as an entity of the article.
    pub person: usize,
}

/// What [`People::discover`] finds in one article.
#[derive(Debug, Default)]
pub struct Discovered {
    /// The people it names with a title, and the holders its descriptions stand for that
    /// it does not name (see [`OFFICE_HOLDER`]), numbered after the gazetteer's entities.
    pub local: Vec<Entity>,
    /// Every mention, in text order: the gazetteer's, and the people's and descriptions'.
    pub mentions: Vec<Mention>,
    /// Who holds which office, as the article says.
    pub holdings: Vec<Holding>,
    /// The descriptions of an office's holder, in text order.
    pub descriptions: Vec<Description>,
    /// The people whose titles name an office, held or not ("Vice President Ana Lobo"),
    /// sorted: who a description of another office is not.
    pub officials: Vec<usize>,
}

/// A description of an office's holder in one article ("the president of Chad"): a
/// mention of the holder that names the place too.
#[derive(Debug, Clone)]
pub struct Description {
    /// Where it is.
    pub range: Range<usize>,
    /// The entity whose office it is, if it names one.
    pub of: Option<usize>,
    /// In words, how its holder was found.
    pub how: &'static str,
}

/// How a description of an office that names no place ("the premier") was found to be
/// someone: the one person the article titles with the office, a guess.
pub const ONLY_TITLED: &str =
    "the one the article titles with that office, which it names of no place";

/// The prefix of the id of a person known only by surname ("General Lobo"): such an
/// id says who only once the corpus is read (see [`crate::link`]).
pub const SURNAME_ONLY: &str = "~";

/// How many bytes before and after an office's words a description of its holder may
/// reach.
const DESCRIPTION_REACH: usize = 64;

/// Most descriptions of an office's holder read in one article: past it, the rest are
/// not, so that a pathological page stays linear.
const MAX_DESCRIPTIONS: usize = 256;

/// The prefix of the id of whoever holds an office of a place (`@chad.president`) where
/// the article does not say who: [`crate::link`] names them from the corpus.
pub const OFFICE_HOLDER: &str = "@";

/// The id of whoever holds `office` of `of` (`@chad.president`).
pub fn holder_id(of: &str, office: &str) -> String {
    format!("{OFFICE_HOLDER}{of}.{office}")
}

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
    /// Where its titles are.
    titles: Range<usize>,
    /// The entity named as the person's home, if any.
    home: Option<usize>,
    /// Whether a given name stands before the surname: "Al Mba" and "El Mba" are the
    /// surname alone, with its particle.
    full: bool,
}

/// A description of an office's holder in one article ("the president of Chad").
struct Described {
    range: Range<usize>,
    office: usize,
    /// The place whose office it is; none when the description names none ("the
    /// premier"): then it is only the one person the article titles with the office.
    of: Option<usize>,
    /// The person it names beside it, if any: "Ana Lobo, Chad's president,".
    person: Option<usize>,
}

/// A declared person written after a title ("President Ana Lobo"): a holder of the
/// offices it names.
struct Titled {
    entity: usize,
    titles: Range<usize>,
    range: Range<usize>,
    home: Option<usize>,
}

impl Found {
    fn is_full(&self) -> bool {
        self.full
    }
}

/// The surname of a name: its last word that is no initial ("J.") and no generational
/// suffix ("Jr.", "III"), with the lowercase particles before it ("van Berg", "bin Mba":
/// "Mba" alone is the father's name) but the first word: lowercase words,
/// and those `particles` matches whole ("Bin").
pub fn surname<'n>(name: &'n str, particles: Option<&Regex>) -> &'n str {
    &name[surname_range(name, particles)]
}

/// The [`surname`] of `name` without the `dropped` particles it opens with ("Assad" of
/// "Bashar al Assad"), by which a report may name the person alone.
pub fn bare_surname<'n>(
    name: &'n str,
    particles: Option<&Regex>,
    dropped: Option<&Regex>,
) -> &'n str {
    let mut rest = surname(name, particles);
    while let Some((word, after)) = rest.split_once(' ') {
        if !dropped.is_some_and(|re| re.is_match(word)) {
            break;
        }
        rest = after;
    }
    rest
}

/// Where [`surname`] is in `name`.
fn surname_range(name: &str, particles: Option<&Regex>) -> Range<usize> {
    let words: Vec<(usize, &str)> = name
        .split(' ')
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .collect();
    let Some(last) = words
        .iter()
        .rposition(|(_, w)| !is_initial_or_suffix(w))
        .or(words.len().checked_sub(1))
    else {
        return 0..name.len();
    };
    let mut first = last;
    while first > 1 && is_particle(words[first - 1].1, particles) {
        first -= 1;
    }
    let (end, w) = words[last];
    words[first].0..end + w.len()
}

/// Whether `word` joins a surname to the given names: a lowercase word, or one
/// `particles` matches whole ("Bin").
fn is_particle(word: &str, particles: Option<&Regex>) -> bool {
    is_lowercase_word(word) || particles.is_some_and(|re| re.is_match(word))
}

/// Whether the given names of one name are initials alone that the other's given names
/// start with, one for one: "S. Lobo" and "SM Lobo" for "Sara Lobo" and "Sara Maria Lobo".
fn initials_stand_for(a: &str, b: &str, particles: Option<&Regex>) -> bool {
    let given = |name: &str| -> Vec<String> {
        name[..surname_range(name, particles).start]
            .split_whitespace()
            .map(str::to_string)
            .collect()
    };
    let (ga, gb) = (given(a), given(b));
    let all_initials = |g: &[String]| g.iter().all(|w| is_initial_or_suffix(w));
    let (initials, names) = if all_initials(&ga) {
        (ga, gb)
    } else {
        (gb, ga)
    };
    let letters = |g: &[String]| -> Vec<char> {
        g.iter()
            .flat_map(|w| w.chars().filter(char::is_ascii_uppercase))
            .collect()
    };
    let stand_for = letters(&initials);
    if all_initials(&names) {
        return !stand_for.is_empty() && stand_for == letters(&names);
    }
    names.len() == stand_for.len() && names.iter().zip(&stand_for).all(|(w, c)| w.starts_with(*c))
}

/// Whether a word of a name is an initial ("J.", or "S" and "SM" without dots) or a
/// generational suffix ("Jr.", "III").
fn is_initial_or_suffix(word: &str) -> bool {
    word.ends_with('.')
        || (!word.is_empty() && word.len() <= 3 && word.chars().all(|c| c.is_ascii_uppercase()))
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

/// Whether `text` ends with a preposition, which makes what follows it no subject: "talks
/// with", "a visit to".
fn ends_with_preposition(text: &str) -> bool {
    const PREPOSITIONS: [&str; 14] = [
        "with", "to", "by", "for", "from", "of", "after", "before", "at", "in", "on", "during",
        "among", "between",
    ];
    PREPOSITIONS
        .iter()
        .any(|p| last_word(text).eq_ignore_ascii_case(p))
}

/// Fewest letters a surname has for one two letters off it, with the same first and last
/// letters, to be a slip of it in one article ("Mbabazimina" of "Mbabazimana").
const SLIP_MIN_CHARS: usize = 10;

/// Whether `b` is a slip of the surname `a`: another spelling of a long name, one or two
/// letters off, that starts and ends alike.
fn slip_of(a: &str, b: &str) -> bool {
    a != b
        && a.chars().count().min(b.chars().count()) >= SLIP_MIN_CHARS
        && a.chars().next() == b.chars().next()
        && a.chars().next_back() == b.chars().next_back()
        && strsim::damerau_levenshtein(a, b) <= 2
}

/// The last word of `text` ("" when it ends with no word).
fn last_word(text: &str) -> &str {
    text.rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
}

/// Whether `text` ends with "led by" or "headed by" after a word of its own clause: who
/// leads the group that word ends ("a delegation led by"), not an opening phrase ("Led
/// by", "After they were led by").
fn leader_of_group_before(text: &str) -> bool {
    let mut words = text.rsplit(char::is_whitespace);
    let (Some(by), Some(verb), Some(group)) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    by.eq_ignore_ascii_case("by")
        && ["led", "headed"].contains(&verb)
        && group.chars().all(char::is_lowercase)
}

/// `text` without the determiner it ends with, if any: "talks with the" is "talks with".
fn without_determiner(text: &str) -> &str {
    const DETERMINERS: [&str; 7] = ["the", "a", "an", "his", "her", "their", "its"];
    let last = text.rsplit(char::is_whitespace).next().unwrap_or("");
    if DETERMINERS.iter().any(|d| last.eq_ignore_ascii_case(d)) {
        text[..text.len() - last.len()].trim_end()
    } else {
        text
    }
}

/// Whether two words of one person's name are one spelling: alike but for case ("bin",
/// "Bin"), dots ("S", "S.") and the apostrophe's type ("Shia'", "Shia’"), or an initial
/// and a name it starts ("S.", "Sara").
fn one_spelling(a: &str, b: &str) -> bool {
    let key = |w: &str| {
        w.replace('.', "")
            .replace(['’', '‘', 'ʼ'], "'")
            .to_lowercase()
    };
    let stands_for = |initial: &str, name: &str| {
        is_initial_or_suffix(initial) && key(name).starts_with(&key(initial))
    };
    key(a) == key(b) || stands_for(a, b) || stands_for(b, a)
}

/// The spelling groups of one person written several ways: for each word where the
/// spellings are not [`one_spelling`], when they have as many words, its forms in the
/// order written.
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
                if !forms.iter().any(|f| one_spelling(f, w[i])) {
                    forms.push(w[i].into());
                }
            }
            (forms.len() > 1).then_some(forms)
        })
        .collect()
}

/// A surname that starts with a lowercase particle, as a sentence starts with it ("Van
/// Berg" for "van Berg").
fn capitalized(surname: &str) -> Option<String> {
    let mut chars = surname.chars();
    let first = chars.next().filter(|c| c.is_lowercase())?;
    Some(first.to_uppercase().chain(chars).collect())
}

/// A surname after its lowercase particle ("Mba" of "el-Mba"): how the article may write
/// it alone.
fn after_particle(surname: &str) -> Option<&str> {
    let (particle, rest) = surname.split_once('-')?;
    (is_lowercase_word(particle) && rest.starts_with(char::is_uppercase)).then_some(rest)
}

/// Whether `word` is all lowercase letters: a particle inside a name ("bin", "el-").
fn is_lowercase_word(word: &str) -> bool {
    !word.is_empty() && word.chars().all(char::is_lowercase)
}

/// The first word of `name`, one spelling of the person `cluster` names, when the article
/// writes the name family name first ("Tan Weilong", then "Tan"): it names the person in
/// full but never writes the surname of any spelling alone.
fn family_name_first<'n>(
    body: &str,
    cluster: &[&str],
    name: &'n str,
    particles: Option<&Regex>,
) -> Option<&'n str> {
    let first = name.split(' ').next()?;
    if !name.contains(' ') || first.len() < 2 || is_initial_or_suffix(first) {
        return None;
    }
    let in_full: Vec<Range<usize>> = cluster.iter().flat_map(|n| occurrences(body, n)).collect();
    let alone = |last: &str| {
        occurrences(body, last)
            .any(|r| !in_full.iter().any(|f| f.start <= r.start && r.end <= f.end))
    };
    let written_alone = |n: &&str| {
        let last = surname(n, particles);
        alone(last) || after_particle(last).is_some_and(alone)
    };
    (!cluster.iter().any(written_alone)).then_some(first)
}

/// Whether `word` is the full English name of a weekday ("Tuesday"; not "Sun", a surname).
fn is_weekday(word: &str) -> bool {
    word.parse::<Weekday>()
        .is_ok_and(|day| crate::value::date::weekday_name(day) == word)
}

/// Every place `word` stands in `text` at ASCII word boundaries, as a word of its own
/// ("Xi" is not in "Xi'an").
fn occurrences<'t>(text: &'t str, word: &'t str) -> impl Iterator<Item = Range<usize>> + 't {
    let bytes = text.as_bytes();
    let in_word = |b: u8| b.is_ascii_alphanumeric();
    text.match_indices(word)
        .map(|(at, w)| at..at + w.len())
        .filter(move |r| {
            (r.start == 0 || !in_word(bytes[r.start - 1]))
                && (r.end == bytes.len() || !in_word(bytes[r.end]))
                && !gazetteer::runs_on(bytes, r.end)
                && !gazetteer::runs_in(bytes, r.start)
        })
}

/// The word just before byte `at`, when it could be a given name: capitalized, in letters,
/// separated by one space, and not the first word of its sentence.
fn given_name_before(body: &str, at: usize) -> Option<&str> {
    let before = body[..at].strip_suffix(' ')?;
    let start = before.rfind(|c: char| !c.is_alphabetic()).map_or(0, |i| {
        i + before[i..].chars().next().map_or(1, char::len_utf8)
    });
    let word = &before[start..];
    let opens_sentence = before[..start]
        .trim_end_matches([' ', '"', '“', '\''])
        .chars()
        .next_back()
        .is_none_or(|c| matches!(c, '.' | '!' | '?' | ':' | '\n'));
    let fits = word.chars().count() > 1
        && word.starts_with(char::is_uppercase)
        && word.chars().any(char::is_lowercase)
        && before[..start].ends_with(' ');
    (fits && !opens_sentence).then_some(word)
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

    /// Whether `word` is a particle a report may leave out before a surname ("al").
    fn is_dropped_particle(&self, word: &str) -> bool {
        self.dropped_particles
            .as_ref()
            .is_some_and(|re| re.is_match(word))
    }

    /// Whether two names are one person spelled two ways: the given names alike once
    /// folded, but that one may leave out leading ones the other writes ("Tayyip Erdogan",
    /// "Recep Tayyip Erdogan") unless a lowercase particle is among them ("Salman bin
    /// Abdulaziz" is not "Mohammad bin Salman bin Abdulaziz", his son); and the surnames
    /// alike once folded or one edit apart (a swapped or missing letter) when they are long
    /// enough for that to be a spelling. Initials alone stand for the given names they
    /// start ("S. Lobo", "SM Lobo" for "Sara Maria Lobo"), and a name of two words or more
    /// for a longer one it opens ("Ivo Ali" for "Ivo Ali Sani"), as a chain of patronymics
    /// may be cut at a link ("Ivo bin Ali" for "Ivo bin Ali bin Mba"). Names that differ only in
    /// case and in a hyphen for a space, or one left out, are one ("Ivo Ali-sani", "Ivo Ali
    /// Sani"; "Ivo-ul-Haq Mba", "Ivoul Haq Mba"), as are names that differ only in a particle
    /// before the surname ("Ivo al Mba", "Ivo Mba").
    pub fn same_person(&self, a: &str, b: &str) -> bool {
        self.same_person_cut(a, b, true)
    }

    /// [`People::same_person`], but a chain of patronymics is never cut at a link: across
    /// articles, "Ivo bin Ali" may be either of two sons named so.
    pub fn same_person_uncut(&self, a: &str, b: &str) -> bool {
        self.same_person_cut(a, b, false)
    }

    /// [`People::same_person`] when `in_one_article` (chains of patronymics cut at a link,
    /// middle names written as their initials), else [`People::same_person_uncut`].
    fn same_person_cut(&self, a: &str, b: &str, in_one_article: bool) -> bool {
        // A hyphen left out joins the words it linked ("Ivo-ul-Haq", "Ivoul Haq"); spaces
        // alone fall where they fall ("Ivo Ali Sani" is not "Ivoali Sani").
        let (slug_a, slug_b) = (slug(a), slug(b));
        let hyphenated = a.contains('-') || b.contains('-');
        if slug_a == slug_b || hyphenated && slug_a.replace('-', "") == slug_b.replace('-', "") {
            return true;
        }
        // Nor does a hyphen for a space, or a particle a report may leave out before the
        // surname, part or join words the folds then read alike, word for word ("Ivo-Qasim
        // al-Mba", "Ivo Kasim El Mba"; not "Ana Lobo-Zhou", "Ana Lobo").
        let plain = |name: &str| {
            let spaced = name.replace('-', " ");
            let words: Vec<&str> = spaced.split(' ').collect();
            let last = words.len().saturating_sub(1);
            words
                .iter()
                .enumerate()
                .filter(|&(i, w)| i == 0 || i == last || !self.is_dropped_particle(w))
                .map(|(_, w)| *w)
                .collect::<Vec<_>>()
                .join(" ")
        };
        let (plain_a, plain_b) = (plain(a), plain(b));
        if (plain_a != a || plain_b != b)
            && plain_a.split(' ').count() == plain_b.split(' ').count()
            && self.same_person_cut(&plain_a, &plain_b, in_one_article)
        {
            return true;
        }
        // Initials and suffixes ("J.", "III") may be written or left out.
        let words = |name: &str| -> Vec<(String, bool)> {
            name.split(' ')
                .filter(|w| !is_initial_or_suffix(w))
                .map(|w| (self.fold(w), w.starts_with(char::is_uppercase)))
                .collect()
        };
        let (a_name, b_name) = (a, b);
        let (a, b) = (words(a), words(b));
        // A name of two capitalized words is the same written family name first ("Tanaka
        // Ivo" for "Ivo Tanaka"), as reports of East Asian and Hungarian names do.
        if let ([a0, a1], [b0, b1]) = (a.as_slice(), b.as_slice())
            && a0.0 == b1.0
            && a1.0 == b0.0
            && [a0, a1, b0, b1].iter().all(|w| w.1)
        {
            return true;
        }
        let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
        // A name of two words or more that opens a longer one whose other words are all
        // capitalized is the same name cut short ("Ivo Ali" of "Ivo Ali Sani": a
        // patronymic left out); so is a chain of patronymics cut at a link ("Ivo bin Ali"
        // of "Ivo bin Ali bin Mba").
        // The words are folded to lower case: the flag says which were capitalized.
        let particle = |w: &(String, bool)| {
            !w.1 || self.particles.as_ref().is_some_and(|re| re.is_match(&w.0))
        };
        if short.len() >= 2
            && long.len() > short.len()
            && long.iter().zip(&short).all(|(l, s)| l.0 == s.0)
        {
            let tail = &long[short.len()..];
            let capitalized = tail.iter().all(|w| w.1);
            // The next link: a particle, then capitalized words ("bin Mba").
            let link = in_one_article
                && short.iter().any(particle)
                && tail.first().is_some_and(particle)
                && tail[1..].iter().all(|w| w.1);
            if capitalized || link {
                return true;
            }
        }
        // A particle a report may leave out before the surname is one ("Bashar Al Assad",
        // "Bashar Assad").
        let unparticled: Vec<&String> = long
            .iter()
            .enumerate()
            .filter(|&(i, w)| i == 0 || i == long.len() - 1 || !self.is_dropped_particle(&w.0))
            .map(|(_, w)| &w.0)
            .collect();
        if short.len() >= 2
            && unparticled.len() == short.len()
            && unparticled.iter().zip(&short).all(|(l, s)| **l == s.0)
        {
            return true;
        }
        let (Some(((sl, _), given_long)), Some(((ss, _), given_short))) =
            (long.split_last(), short.split_last())
        else {
            return false;
        };
        let surnames_alike =
            sl == ss || (sl.chars().count() >= 6 && strsim::damerau_levenshtein(sl, ss) <= 1);
        if given_short.is_empty() {
            return surnames_alike && initials_stand_for(a_name, b_name, self.particles.as_ref());
        }
        let (dropped, kept) = given_long.split_at(given_long.len() - given_short.len());
        let cut = kept
            .iter()
            .map(|w| &w.0)
            .eq(given_short.iter().map(|w| &w.0))
            && dropped.iter().all(|w| w.1);
        // In one article a middle name may be written as its initial; across articles the
        // corpus's spellings are clustered around one of them, which such a match would
        // chain to others.
        surnames_alike && (cut || in_one_article && self.initials_among(a_name, b_name))
    }

    /// Whether `word`, before a declared person's name `declared` in a longer one, leaves it
    /// theirs: an initial, a prefix of `name_prefixes` ("Muhammad"), a word that is never
    /// a name's (`not-name`) or says how an office is held (`not-holder`: "Elect"), or a
    /// word of the declared name itself, spelled as the folds allow ("Hussein" for
    /// "Hossein").
    fn may_open_name_of(&self, word: &str, declared: &str) -> bool {
        let matches = |re: &Option<Regex>| re.as_ref().is_some_and(|re| re.is_match(word));
        let folded = self.fold(word);
        is_initial_or_suffix(word)
            || matches(&self.name_prefixes)
            || matches(&self.not_name)
            || self.says_not_holder(word)
            || declared
                .split([' ', '-'])
                .any(|own| own == word || self.fold(own) == folded)
    }

    /// Whether the given names of `a` and `b` are one for one the same, a name written as
    /// its initial in one of them: "Ivo S. Mba" and "Ivo Sani Mba" (a full name alike in
    /// both at least).
    fn initials_among(&self, a: &str, b: &str) -> bool {
        let given = |name: &str| -> Vec<String> {
            name[..surname_range(name, self.particles.as_ref()).start]
                .split_whitespace()
                .map(str::to_string)
                .collect()
        };
        let (ga, gb) = (given(a), given(b));
        let initial = |w: &str| {
            w.strip_suffix('.')
                .filter(|l| l.chars().count() == 1)
                .and_then(|l| l.chars().next())
        };
        let alike = |x: &String, y: &String| match (initial(x), initial(y)) {
            (Some(c), None) => y.starts_with(c),
            (None, Some(c)) => x.starts_with(c),
            _ => self.fold(x) == self.fold(y),
        };
        ga.len() == gb.len()
            && ga.len() >= 2
            && ga.iter().zip(&gb).all(|(x, y)| alike(x, y))
            && ga
                .iter()
                .zip(&gb)
                .any(|(x, y)| initial(x).is_none() && initial(y).is_none())
    }

    /// The person's home named just before their `titles` and `name`
    /// (`Chadian Foreign Minister`, `Chad's army chief`, `Chad's new chancellor`), at the
    /// end of the titles after "of" (`President of Chad, …`, not `President of Chadian
    /// Railways`) or right after them (`… of Chad`): a mention of an entity of the home
    /// kind there.
    fn home_of(
        &self,
        body: &str,
        gazetteer: &Gazetteer,
        mentions: &[Mention],
        titles: &Range<usize>,
        name: &Range<usize>,
    ) -> Option<usize> {
        // The titles and a name after them, or the titles alone after a name.
        let (start, end) = if titles.start >= name.end {
            (titles.start, titles.end)
        } else {
            (titles.start, name.end)
        };
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
                // Only a possessive and up to three words that qualify the title (or are
                // capitalized) may stand between: "Chad's new chancellor", "Chadian state
                // councillor and defence minister", not "in Chad with President". So may
                // the acronym in brackets of the name they make with the country: "Chad
                // Air Force (CAF) Air Marshal" (not "the Mission in Chad (UNMC) Force
                // Commander", whose acronym is of a longer name).
                let between = &body[m.range.end..start];
                let gap = between
                    .strip_prefix("'s")
                    .or_else(|| between.strip_prefix("’s"))
                    .unwrap_or(between);
                let words: Vec<&str> = gap.split_whitespace().collect();
                let initials = |words: &[&str]| -> String {
                    words.iter().filter_map(|w| w.chars().next()).collect()
                };
                let acronym = |i: usize| {
                    let named: Vec<&str> = body[m.range.clone()]
                        .split_whitespace()
                        .chain(words[..i].iter().copied())
                        .collect();
                    words[i]
                        .strip_prefix('(')
                        .and_then(|w| w.strip_suffix(')'))
                        .is_some_and(|w| !w.is_empty() && w == initials(&named))
                };
                let qualifies = |(i, word): (usize, &&str)| {
                    word.starts_with(char::is_uppercase)
                        || acronym(i)
                        || self
                            .home_qualifiers
                            .as_ref()
                            .is_some_and(|re| re.is_match(word))
                };
                !gap.contains(['.', ',', ';', '\n'])
                    && words.len() <= 3
                    && words.iter().enumerate().all(qualifies)
            })
            .and_then(of_kind);
        // After: "Ana Lobo of Chad", "of the Republic of Chad" (an official name).
        let after = || {
            mentions
                .iter()
                .find(|m| m.range.start >= end)
                .filter(|m| matches!(body[end..m.range.start].trim(), "of" | "of the"))
                .and_then(of_kind)
        };
        // Within the titles: "Prime Minister of Chad, Ana Lobo", "Emir of Chad Sheikh Ana
        // Lobo".
        let within = || {
            mentions
                .iter()
                .filter(|m| start <= m.range.start && m.range.end <= end)
                .filter(|m| {
                    let lead = body[start..m.range.start].trim_end();
                    let lead = lead.strip_suffix(" the").unwrap_or(lead);
                    // Only titles may follow the place ("Emir of Chad Sheikh Ivo Lobo",
                    // "President of Chad H. E. Ana Lobo"), no word of a body's name
                    // ("president of Chadian Railways").
                    let rest = body.get(m.range.end..titles.end).unwrap_or_default();
                    let title_word = |w: &str| {
                        w.starts_with(char::is_uppercase)
                            && !self.not_name.as_ref().is_some_and(|re| re.is_match(w))
                    };
                    lead.ends_with(" of")
                        && rest
                            .trim_matches([' ', ','])
                            .split_whitespace()
                            .all(title_word)
                })
                .find_map(of_kind)
        };
        // A country named after the name or within the titles is theirs, whatever stands
        // before the titles ("President Ivo Mba of Niger and President Ana Lobo of Chad",
        // "President of Chad Ana Lobo and President of Niger Ivo Mba").
        after().or_else(within).or(before)
    }

    /// The offices the titles at `titles` say their person holds: each office whose words
    /// stand there with no word that says otherwise ("Deputy", "Former") before them in
    /// the titles or among the two words before the titles ("former Chadian President").
    fn offices_in<'s>(
        &'s self,
        body: &'s str,
        titles: Range<usize>,
    ) -> impl Iterator<Item = usize> + 's {
        let qualified = move |at: usize| {
            // The titles before the office's words, and the two words before the titles
            // in the clause, each alone ("former Chadian President") or the two together
            // ("the then President").
            let lead = &body[..titles.start];
            let lead = lead
                .rfind(['.', ',', ';', ':', '\n', '(', ')'])
                .map_or(lead, |i| &lead[i + 1..]);
            let within = &body[titles.start..at];
            let last_two: Vec<&str> = lead.split_whitespace().rev().take(2).collect();
            body[..at].ends_with('-')
                || last_two
                    .iter()
                    .copied()
                    .chain(within.split_whitespace())
                    .any(|word| self.says_not_holder(word))
                || matches!(last_two[..], [second, first] if self.says_not_holder(&format!("{first} {second}")))
        };
        self.offices
            .iter()
            .enumerate()
            .filter(move |(_, o)| {
                o.words
                    .find_iter(&body[titles.clone()])
                    .any(|m| !qualified(titles.start + m.start()))
            })
            .map(|(i, _)| i)
    }

    /// The office whose words stand first in `text` (the longest there, when several
    /// do).
    fn office_in(&self, text: &str) -> Option<usize> {
        self.offices
            .iter()
            .enumerate()
            .filter_map(|(i, o)| {
                o.words
                    .find(text)
                    .map(|m| (m.start(), usize::MAX - m.end(), i))
            })
            .min()
            .map(|(_, _, i)| i)
    }

    /// Which of the [`People::patterns`] may match in `body` (all of them with no
    /// [`People::any_pattern`]), for [`People::discover`] to search: found for a whole
    /// batch of articles before any is searched, the union's automaton stays warm.
    pub fn matching(&self, body: &str) -> PatternSet {
        let mut matching = PatternSet::new(self.patterns.len());
        match &self.any_pattern {
            Some(any) => any.which_overlapping_matches(&Input::new(body), &mut matching),
            None => (0..self.patterns.len()).for_each(|i| {
                matching.insert(PatternID::must(i));
            }),
        }
        matching
    }

    /// The people `body` names with a title, as entities of the article numbered after
    /// the gazetteer's, and `mentions` (the gazetteer's, in text order) with theirs added:
    /// each full name and each surname wherever a declared entity is not written. A name
    /// a declared person is written as is that person's; a surname alone ("General
    /// Lobo") is the person the article names in full with it, when there is one.
    ///
    /// A description of an office's holder ("the president of Chad") is a mention of
    /// the person it names beside it ("…, Ana Lobo,"), else of the one the article names
    /// with that office, else of the one the rules declare holding it on `date`, else of
    /// an entity that stands for whoever holds it (see [`OFFICE_HOLDER`]). Only the
    /// patterns in `matching` are searched (see [`People::matching`]).
    pub fn discover(
        &self,
        body: &str,
        gazetteer: &Gazetteer,
        mentions: Vec<Mention>,
        date: Option<NaiveDate>,
        matching: &PatternSet,
    ) -> Discovered {
        let overlaps = |a: &Range<usize>, b: &Range<usize>| a.start < b.end && b.start < a.end;
        let is_person = |m: &Mention| match m.candidates.as_slice() {
            [only] => gazetteer.as_kind(only.entity, &self.kind) == Some(only.entity),
            _ => false,
        };
        let mut found: Vec<Found> = Vec::new();
        let mut titled: Vec<Titled> = Vec::new();
        // The names found that hold a declared person's one-word name.
        let mut shadowing: Vec<String> = Vec::new();
        for (i, re) in self.patterns.iter().enumerate() {
            if !matching.contains(PatternID::must(i)) {
                continue;
            }
            for caps in re.captures_iter(body) {
                let (Some(whole), Some(name)) = (caps.get(0), caps.name("name")) else {
                    continue;
                };
                // A weekday after a name is the day of what it did ("Ivo Mba Tuesday
                // landed"), not part of the name.
                let text = name.as_str();
                let kept = text
                    .split_whitespace()
                    .take_while(|w| !is_weekday(w))
                    .last()
                    .map_or(0, |w| {
                        w.as_ptr() as usize - text.as_ptr() as usize + w.len()
                    });
                let name_range = name.start()..name.start() + kept;
                // A nickname in quotation marks is no word of the name ("Ivo "Bobo" Mba").
                let words: Vec<&str> = body[name_range.clone()]
                    .split_whitespace()
                    .filter(|w| !w.starts_with(['"', '“', '‘', '\'']))
                    .collect();
                if words.is_empty() {
                    continue;
                }
                let not_a_name = self
                    .not_name
                    .as_ref()
                    .is_some_and(|re| words.iter().any(|w| re.is_match(w)));
                if not_a_name {
                    continue;
                }
                // The titles stand before the name, or in a `titles` group after it
                // ("Ana Lobo, Chad's president,").
                let titles = caps
                    .name("titles")
                    .map_or(whole.start()..name_range.start, |t| t.range());
                // Titles after a preposition and set off from the name by a comma are
                // another's: in "after talks with the president of Chad, Ana Lobo said"
                // she is the one who speaks (not when a comma sets the name off after it
                // too: "according to the president of Chad, Ana Lobo, the visit …", nor
                // after who leads a group named before: "a delegation led by the foreign
                // minister, Ana Lobo arrived").
                let lead = without_determiner(body[..whole.start()].trim_end());
                if titles.end <= name_range.start
                    && body[titles.clone()].contains(',')
                    && !body[name_range.end..].starts_with([',', ')', ';'])
                    && ends_with_preposition(lead)
                    && !leader_of_group_before(lead)
                {
                    continue;
                }
                let name_text = words.join(" ");
                // A declared person's one-word name inside another's ("Lobo" of "Amir Lobo
                // Sani", for a declared "Ana Lobo") is no mention of them; nor is a longer
                // one after a given name of someone else ("Sara Ana Lobo", her daughter).
                let inside_another = |m: &Mention| {
                    if !is_person(m) || m.range.start <= name_range.start {
                        return false;
                    }
                    let declared = &gazetteer.entities()[m.candidates[0].entity].name;
                    if !body[m.range.clone()].contains(' ') {
                        return !self.same_person(declared, &name_text);
                    }
                    // A hyphen joins words as a space does ("Ana-Sara Lobo").
                    m.range.end <= name_range.end
                        && body[name_range.start..m.range.start]
                            .split(|c: char| c.is_whitespace() || c == '-')
                            .filter(|w| !w.is_empty())
                            .any(|w| !self.may_open_name_of(w, declared))
                };
                if let Some(m) = mentions.iter().find(|m| overlaps(&m.range, &name_range)) {
                    if inside_another(m) {
                        shadowing.push(name_text.clone());
                    } else {
                        // A declared person after a title holds the offices it names.
                        if is_person(m) && m.range.start == name_range.start {
                            let entity = m.candidates[0].entity;
                            titled.push(Titled {
                                entity,
                                range: m.range.clone(),
                                home: self
                                    .home_of(body, gazetteer, &mentions, &titles, &m.range)
                                    .or(gazetteer.entities()[entity].home),
                                titles,
                            });
                        }
                        continue;
                    }
                }
                let at = surname_range(&name_text, self.particles.as_ref());
                let surname = name_text[at.clone()].to_string();
                let full = name_text[..at.start]
                    .split_whitespace()
                    .any(|w| !is_particle(w, self.particles.as_ref()));
                found.push(Found {
                    full,
                    surname,
                    title: title_stem(&body[titles.clone()]),
                    name: name_text,
                    range: name_range.clone(),
                    home: self.home_of(body, gazetteer, &mentions, &titles, &name_range),
                    titles,
                });
            }
        }
        // A name whose first words another pattern reads as titles before the rest is that
        // rest when the article names someone in full by it ("Sultan Ivo and his
        // delegation", beside "Sultan Ivo bin Ali", is Ivo bin Ali, a sultan); else the
        // title may be a word of the name ("Sheikh Ana", named so throughout).
        let named_in_full_by = |titled: &Found, rest: &Found| {
            found.iter().any(|h| {
                h.is_full()
                    && h.name != titled.name
                    && h.name
                        .strip_prefix(rest.name.as_str())
                        .is_some_and(|tail| tail.starts_with(' '))
            })
        };
        let titled_in: Vec<usize> = (0..found.len())
            .filter(|&i| {
                let f = &found[i];
                found.iter().any(|g| {
                    g.titles.start == f.range.start
                        && g.range.start > f.range.start
                        && g.range.end == f.range.end
                        && named_in_full_by(f, g)
                })
            })
            .collect();
        for i in titled_in.into_iter().rev() {
            found.remove(i);
        }
        // Wherever those names stand, the one-word name inside them is theirs; so it is
        // between two words of a name no title opens ("the visit of Amir Lobo Sani").
        let name_word = |word: Option<&str>, entity: usize| {
            word.is_some_and(|w| {
                w.len() > 1
                    && w.starts_with(char::is_uppercase)
                    && w.chars().any(char::is_lowercase)
                    && w.chars().all(char::is_alphabetic)
                    && !is_weekday(w)
                    && !self.not_name.as_ref().is_some_and(|re| re.is_match(w))
                    && !gazetteer.entities()[entity]
                        .name
                        .split(' ')
                        .any(|own| own == w)
            })
        };
        // Both kinds of shadowing name (around a declared one-word name, or before a longer
        // one) hide every declared mention inside their occurrences.
        let shadowed: Vec<Range<usize>> = shadowing
            .iter()
            .flat_map(|name| occurrences(body, name))
            .collect();
        let mut mentions = mentions;
        mentions.retain(|m| {
            let inside = || {
                shadowed
                    .iter()
                    .any(|r| r.start < m.range.start && m.range.end <= r.end)
            };
            if !is_person(m) {
                return true;
            }
            if body[m.range.clone()].contains(' ') {
                return !inside();
            }
            let entity = m.candidates[0].entity;
            let before = body[..m.range.start]
                .strip_suffix(' ')
                .map(|b| b.rsplit(' ').next().unwrap_or(b));
            let after = body[m.range.end..]
                .strip_prefix(' ')
                .and_then(|a| a.split([' ', ',', '.', ';', ':']).next());
            !(inside() || name_word(before, entity) && name_word(after, entity))
        });
        // Everyone named in full is a person, two spellings of one name one person; a
        // surname alone is one only when the article names no one in full with it.
        let mut clusters: Vec<Vec<&str>> = Vec::new();
        // The people named in full whom a one-word name after a title stands for: those of
        // that surname, else those of that given name ("Minister Ivo" for "Ivo
        // Lobo"), else those of that middle name ("President Sara" for "Ana Sara
        // Lobo").
        let named_by = |f: &Found| -> Vec<&Found> {
            // "Mba" after a title is "Ivo el-Mba" and "Ivo al Mba" too.
            let by_surname: Vec<&Found> = found
                .iter()
                .filter(|g| {
                    g.is_full()
                        && (g.surname == f.surname
                            || after_particle(&g.surname) == Some(f.surname.as_str())
                            || bare_surname(
                                &g.name,
                                self.particles.as_ref(),
                                self.dropped_particles.as_ref(),
                            ) == f.surname)
                })
                .collect();
            if !by_surname.is_empty() {
                return by_surname;
            }
            // Else written with the accents the article leaves out elsewhere, or without
            // those it writes: "Mbá" for "Ivo Mba" (not beside an "Ana Mbá" of its own).
            let folded = slug(&f.surname);
            let by_folded: Vec<&Found> = found
                .iter()
                .filter(|g| g.is_full() && slug(&g.surname) == folded)
                .collect();
            if !by_folded.is_empty() {
                return by_folded;
            }
            let by_given: Vec<&Found> = found
                .iter()
                .filter(|g| g.is_full() && g.name.split(' ').next() == Some(f.name.as_str()))
                .collect();
            if !by_given.is_empty() {
                return by_given;
            }
            let by_middle: Vec<&Found> = found
                .iter()
                .filter(|g| {
                    let words: Vec<&str> = g.name.split(' ').collect();
                    let particle = |w: &str| is_particle(w, self.particles.as_ref());
                    g.is_full()
                        && (1..words.len().saturating_sub(1)).any(|w| {
                            words[w] == f.name && !particle(words[w]) && !particle(words[w - 1])
                        })
                })
                .collect();
            if !by_middle.is_empty() {
                return by_middle;
            }
            // A slip in a long surname ("President Mbabazimina" beside "Ivo
            // Mbabazimana"), in one article.
            found
                .iter()
                .filter(|g| g.is_full() && slip_of(&g.surname, &f.surname))
                .collect()
        };
        // The declared people the article names by a name of more than one word ("Ivo
        // Lobo", not "Ivo" alone), with the surname and the first word of each.
        let mut named: Vec<usize> = mentions
            .iter()
            .filter(|m| is_person(m) && body[m.range.clone()].contains(' '))
            .map(|m| m.candidates[0].entity)
            .filter(|&e| gazetteer.entities()[e].name.contains(' '))
            .collect();
        named.sort_unstable();
        named.dedup();
        let named: Vec<(usize, &str, &str)> = named
            .into_iter()
            .map(|e| {
                let name = &*gazetteer.entities()[e].name;
                let first = name.split(' ').next().unwrap_or_default();
                (e, surname(name, self.particles.as_ref()), first)
            })
            .collect();
        // A one-word name after a title with no one named in full by it among the names
        // found stands for the one declared person the article names in full with that
        // surname ("FM Lobo"), else with that first name ("PM Ana").
        let declared_by_word: BTreeMap<&str, Option<usize>> = found
            .iter()
            .filter(|f| !f.is_full() && !named.is_empty())
            .map(|f| {
                let one = |by_surname: bool| -> Option<usize> {
                    let mut fitting = named.iter().filter(|n| {
                        let word = if by_surname { n.1 } else { n.2 };
                        word == f.name
                            || gazetteer.entities()[n.0].spellings.iter().any(|alts| {
                                alts.iter().any(|a| **a == *word)
                                    && alts.iter().any(|a| **a == *f.name)
                            })
                    });
                    match (fitting.next(), fitting.next()) {
                        (Some(only), None) => Some(only.0),
                        _ => None,
                    }
                };
                let by = one(true).or_else(|| one(false));
                (f.name.as_str(), by)
            })
            .collect();
        let declared_named_by = |f: &Found| -> Option<usize> {
            declared_by_word.get(f.name.as_str()).copied().flatten()
        };
        for f in &found {
            let alone = !f.is_full() && (!named_by(f).is_empty() || declared_named_by(f).is_some());
            if alone || clusters.iter().flatten().any(|n| *n == f.name) {
                continue;
            }
            // A name joins a cluster only when it is the same person as each full name in it:
            // "Ivo bin Ali" may be "Ivo bin Ali bin Mba" or "Ivo bin Ali bin Sani", not both.
            match clusters.iter_mut().find(|c| {
                f.is_full()
                    && c[0].contains(' ')
                    && c.iter()
                        .filter(|n| n.contains(' '))
                        .all(|n| self.same_person(n, &f.name))
            }) {
                Some(cluster) => cluster.push(&f.name),
                None => clusters.push(vec![&f.name]),
            }
        }
        clusters.sort_by(|a, b| a[0].cmp(b[0]));
        let base = gazetteer.entities().len();
        let cluster_of = |name: &str| clusters.iter().position(|c| c.contains(&name));
        // A home said of the name in full, else of the one-word name that can only be
        // theirs ("Niger's Mba", of "General Ivo el-Mba").
        let home_of = |cluster: &[&str]| {
            let own = |f: &&Found| cluster.contains(&f.name.as_str());
            let by_word = |f: &&Found| {
                !f.is_full() && matches!(named_by(f)[..], [g] if cluster.contains(&g.name.as_str()))
            };
            let home =
                |keep: &dyn Fn(&&Found) -> bool| found.iter().filter(keep).find_map(|f| f.home);
            home(&own).or_else(|| home(&by_word))
        };
        let mut local: Vec<Entity> = clusters
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
        // The people a name after a title may be: a surname after a title ("General
        // Vasquez") is the one person of that surname named in full with the same title
        // or office, or the only one of that surname, unless the title names an office
        // theirs does not ("PM Khan", beside "Petroleum Minister Ghulam Khan"); a given
        // name after a title, the only one of that given name.
        let people_of = |f: &Found| -> Vec<usize> {
            if f.is_full() {
                return cluster_of(&f.name).into_iter().collect();
            }
            let full = named_by(f);
            let offices = |titles: &Range<usize>| -> BTreeSet<usize> {
                self.offices_in(body, titles.clone()).collect()
            };
            let own = offices(&f.titles);
            // "PM Lobo" and "Prime Minister Ana Lobo" name one office.
            let same_office = |g: &Found| !own.is_disjoint(&offices(&g.titles));
            let mut fitting: Vec<usize> = full
                .iter()
                .filter(|g| {
                    full.len() == 1 && own.is_empty() || g.title == f.title || same_office(g)
                })
                .filter_map(|g| cluster_of(&g.name))
                .collect();
            fitting.sort_unstable();
            fitting.dedup();
            if full.is_empty() {
                cluster_of(&f.name).into_iter().collect()
            } else {
                fitting
            }
        };
        let person_of = |f: &Found| match people_of(f).as_slice() {
            [only] => Some(base + only),
            [] => declared_named_by(f),
            _ => None,
        };
        let names_office = |titles: &Range<usize>| {
            self.offices
                .iter()
                .any(|o| o.words.is_match(&body[titles.clone()]))
        };
        let mut officials: Vec<usize> = found
            .iter()
            .filter(|f| names_office(&f.titles))
            .filter_map(person_of)
            .chain(
                titled
                    .iter()
                    .filter(|t| names_office(&t.titles))
                    .map(|t| t.entity),
            )
            .collect();
        officials.sort_unstable();
        officials.dedup();
        // Offices held, as titles say: "Chadian President Ana Lobo".
        let mut holdings: Vec<Holding> = Vec::new();
        for f in &found {
            let Some(person) = person_of(f) else { continue };
            let home = match person.checked_sub(base) {
                Some(i) => local[i].home,
                None => gazetteer.entities()[person].home,
            };
            let of = home.or(f.home);
            for office in self.offices_in(body, f.titles.clone()) {
                holdings.push(Holding { office, of, person });
            }
        }
        for t in &titled {
            for office in self.offices_in(body, t.titles.clone()) {
                holdings.push(Holding {
                    office,
                    of: t.home,
                    person: t.entity,
                });
            }
        }
        let mut added: Vec<Mention> = Vec::new();
        let surfaces = |entities: &[usize]| -> Vec<Surface> {
            entities
                .iter()
                .map(|&entity| Surface {
                    entity,
                    spelling: Vec::new(),
                })
                .collect()
        };
        for f in found.iter().filter(|f| !f.is_full()) {
            let mut entities: Vec<usize> = people_of(f).into_iter().map(|i| base + i).collect();
            entities.extend(declared_named_by(f).filter(|_| entities.is_empty()));
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
        // The first words of names written family name first, and middle names: a mention
        // only where no capitalized word follows, which would make it part of another
        // name.
        let mut leads: BTreeSet<String> = BTreeSet::new();
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
                let last = surname(name, self.particles.as_ref());
                let at = words
                    .iter()
                    .rposition(|w| last.split(' ').next() == Some(*w))
                    .unwrap_or(words.len() - 1);
                // The surname without the particles it opens with ("Assad" of "Al Assad").
                let bare = Some(bare_surname(
                    name,
                    self.particles.as_ref(),
                    self.dropped_particles.as_ref(),
                ))
                .filter(|bare| *bare != last)
                .map(|bare| {
                    let at = words
                        .iter()
                        .rposition(|w| bare.split(' ').next() == Some(*w))
                        .unwrap_or(words.len() - 1);
                    (bare, at)
                });
                let lead = family_name_first(body, cluster, name, self.particles.as_ref())
                    .map(|first| (first.to_string(), choice(0)));
                if let Some((first, _)) = &lead {
                    leads.insert(first.clone());
                }
                // A middle name of a name of three words or more, no particle's ("Sara"
                // of "Ana Sara Lobo"; not "Ali" of "Ivo bin Ali Mba").
                let middles: Vec<(String, Vec<(usize, usize)>)> = (1..at)
                    .filter(|&w| {
                        let word = words[w];
                        word.starts_with(char::is_uppercase)
                            && !is_initial_or_suffix(word)
                            && !is_particle(words[w - 1], self.particles.as_ref())
                            && !is_particle(word, self.particles.as_ref())
                    })
                    .map(|w| (words[w].to_string(), choice(w)))
                    .collect();
                // Like a family name written first, a middle name is one only where no
                // capitalized word follows ("Abdul Rahman" is someone else).
                leads.extend(middles.iter().map(|(form, _)| form.clone()));
                for (form, spelling) in [
                    (name.to_string(), choice(0)),
                    (last.to_string(), choice(at)),
                ]
                .into_iter()
                .chain(capitalized(last).map(|form| (form, choice(at))))
                .chain(after_particle(last).map(|rest| (rest.to_string(), choice(at))))
                .chain(bare.map(|(bare, at)| (bare.to_string(), choice(at))))
                .chain(lead)
                .chain(middles)
                {
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
        // A declared person the article names in full is their surname alone there too, as
        // one found is ("Ana Lobo", then "Lobo").
        for &(entity, last, _) in &named {
            let name = &*gazetteer.entities()[entity].name;
            let in_full = mentions
                .iter()
                .any(|m| m.candidates[0].entity == entity && body[m.range.clone()] == *name);
            if !in_full {
                continue;
            }
            let list = forms.entry(last.to_string()).or_default();
            if !list.iter().any(|s| s.entity == entity) {
                list.push(Surface {
                    entity,
                    spelling: Vec::new(),
                });
            }
        }
        let mut ordered: Vec<(&String, &Vec<Surface>)> = forms.iter().collect();
        ordered.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(b.0)));
        let name_of = |entity: usize| match entity.checked_sub(base) {
            Some(i) => &*local[i].name,
            None => &*gazetteer.entities()[entity].name,
        };
        for (form, candidates) in ordered {
            for range in occurrences(body, form) {
                let taken = |m: &Mention| overlaps(&m.range, &range);
                let in_name = leads.contains(form)
                    && body[range.end..]
                        .strip_prefix(' ')
                        .is_some_and(|rest| rest.starts_with(|c: char| c.is_uppercase()));
                // A surname after another given name, inside a sentence ("Rui Lobo", in an
                // article on Ana Lobo), is another person's; titles before it were read as
                // such already.
                let another = !form.contains(' ')
                    && given_name_before(body, range.start).is_some_and(|w| {
                        !is_weekday(w)
                            && !self.not_name.as_ref().is_some_and(|re| re.is_match(w))
                            && !candidates
                                .iter()
                                .any(|c| name_of(c.entity).split(' ').any(|own| own == w))
                    });
                if in_name || another || mentions.iter().any(taken) || added.iter().any(taken) {
                    continue;
                }
                added.push(Mention {
                    range,
                    candidates: candidates.clone(),
                });
            }
        }
        let mut described = self.descriptions_in(body, gazetteer, &mentions, |r| {
            found
                .iter()
                .any(|f| overlaps(&(f.titles.start..f.range.end), r))
                || titled
                    .iter()
                    .any(|t| overlaps(&(t.titles.start..t.range.end), r))
                || added.iter().any(|m| overlaps(&m.range, r))
        });
        // A person beside a description ("Ana Lobo, Chad's president,") holds its office:
        // the one whose name starts (or ends) at `at`, and where the name ends. One whose
        // own titles name another office is another person ("Chadian president, PM Lobo
        // meet" names two).
        let another_office = |titles: &Range<usize>, office: usize| {
            let titles = &body[titles.clone()];
            self.offices
                .iter()
                .enumerate()
                .any(|(i, o)| i != office && o.words.is_match(titles))
        };
        let person_at = |at: usize, starts: bool, office: usize| -> Option<(usize, usize)> {
            let edge = |r: &Range<usize>| if starts { r.start } else { r.end };
            let titled_so = |titles: &Range<usize>| {
                starts && titles.start == at && !another_office(titles, office)
            };
            found
                .iter()
                .filter(|f| edge(&f.range) == at || titled_so(&f.titles))
                .find_map(|f| Some((person_of(f)?, f.range.end)))
                .or_else(|| {
                    titled
                        .iter()
                        .find(|t| edge(&t.range) == at || titled_so(&t.titles))
                        .map(|t| (t.entity, t.range.end))
                })
                .or_else(|| {
                    mentions
                        .iter()
                        .find(|m| edge(&m.range) == at && is_person(m))
                        .map(|m| (m.candidates[0].entity, m.range.end))
                })
                .or_else(|| {
                    added
                        .iter()
                        .find(|m| edge(&m.range) == at && m.candidates.len() == 1)
                        .map(|m| (m.candidates[0].entity, m.range.end))
                })
        };
        let set_off = |end: usize| {
            let rest = &body[end..];
            rest.trim_start().is_empty() || rest.starts_with([',', ')', '.', ';'])
        };
        for d in &mut described {
            // One of no place ("the prime minister, Ana Lobo") may be another's office
            // ("adviser to the prime minister, Ana Lobo"): only titles say who holds it.
            if d.of.is_none() {
                continue;
            }
            let after = &body[d.range.end..];
            let gap = after.len() - after.trim_start_matches([',', ' ']).len();
            let before = &body[..d.range.start];
            let back = before.len() - before.trim_end_matches([',', ' ']).len();
            // After a name, the description is set off on both sides: "Ana Lobo, the
            // president of Chad, arrived" (not "After meeting Ana Lobo, the president
            // of Chad arrived").
            let closed = after.trim_start().is_empty() || after.starts_with([',', ')', '.', ';']);
            // Before a name, after a comma, the name is set off too, unless the
            // description opens its clause: "met the president of Chad, Ana Lobo, on
            // Monday", "Chad's president, Ana Lobo arrived"; in "after talks with the
            // president of Chad, Ana Lobo said" she is the one who speaks.
            let comma = after[..gap].contains(',');
            let opens = !ends_with_preposition(before.trim_end());
            d.person = (comma || gap == 1)
                .then(|| person_at(d.range.end + gap, true, d.office))
                .flatten()
                .filter(|&(_, end)| !comma || opens || set_off(end))
                .map(|(person, _)| person)
                .or_else(|| {
                    (closed && before[before.len() - back..].contains(','))
                        .then(|| person_at(d.range.start - back, false, d.office))
                        .flatten()
                        .map(|(person, _)| person)
                });
            if let Some(person) = d.person {
                holdings.push(Holding {
                    office: d.office,
                    of: d.of,
                    person,
                });
                if person >= base
                    && let Some(of) = d.of
                {
                    local[person - base].home.get_or_insert(of);
                }
            }
        }
        holdings.sort_unstable();
        holdings.dedup();
        // The declared people the article names.
        let named: BTreeSet<usize> = mentions
            .iter()
            .chain(&added)
            .filter_map(|m| match m.candidates.as_slice() {
                [only] => Some(only.entity),
                _ => None,
            })
            .collect();
        let mut descriptions = Vec::with_capacity(described.len());
        // A description beside the name of its holder adds nothing to the name: its
        // holding is recorded, its words are left as they are.
        described.retain(|d| d.person.is_none());
        // The places whose holder of an office the article names or describes: "the
        // president" of no place is no one when it speaks of presidents of two.
        let places_of = |office: usize| -> BTreeSet<usize> {
            holdings
                .iter()
                .filter(|h| h.office == office)
                .filter_map(|h| h.of)
                .chain(
                    described
                        .iter()
                        .filter(|d| d.office == office)
                        .filter_map(|d| d.of),
                )
                .collect()
        };
        for d in &described {
            let held: BTreeSet<usize> = holdings
                .iter()
                .filter(|h| h.office == d.office)
                .filter(|h| match d.of {
                    Some(_) => h.of == d.of,
                    None => places_of(d.office).len() <= 1,
                })
                .map(|h| h.person)
                .collect();
            // An acting holder ("Chad's interim foreign minister") is none the rules declare.
            let acting = body[d.range.clone()]
                .split_whitespace()
                .any(|word| self.says_not_holder(word) || self.says_acting(word));
            // Undated, the article's day is unknown: of the people it names, the one the
            // rules declare holding the office at some time.
            let declared: BTreeSet<usize> = self
                .terms
                .iter()
                .filter(|t| t.office == d.office && Some(t.of) == d.of && !acting)
                .filter(|t| match date {
                    Some(day) => t.covers(day),
                    None => named.contains(&t.holder),
                })
                .map(|t| t.holder)
                .collect();
            let one =
                |set: BTreeSet<usize>| (set.len() == 1).then(|| set.into_iter().next()).flatten();
            let (person, how) = match (one(held), one(declared), date) {
                (Some(p), _, _) if d.of.is_none() => (Some(p), ONLY_TITLED),
                (Some(p), _, _) => (Some(p), "named with that office in the article"),
                (None, Some(p), Some(_)) => (
                    Some(p),
                    "holding it on the article's date, as the rules declare",
                ),
                (None, Some(p), None) => (
                    Some(p),
                    "the one the undated article names whom the rules declare holding it",
                ),
                (None, None, _) => (None, "the article does not say who holds it"),
            };
            // Of a place, whoever holds it there, named or not; of no place, the one person
            // the article titles so, or no one.
            let holder = |of: usize| {
                let place = &gazetteer.entities()[of];
                let office = &self.offices[d.office].id;
                let id = holder_id(&place.id, office);
                match local.iter().position(|e| *e.id == *id) {
                    Some(i) => base + i,
                    None => {
                        local.push(Entity {
                            id: id.into(),
                            kind: self.kind.clone(),
                            name: format!("the {} of {}", office.replace('-', " "), place.name)
                                .into(),
                            part_of: None,
                            home: Some(of),
                            spellings: Vec::new(),
                        });
                        base + local.len() - 1
                    }
                }
            };
            let Some(entity) = person.or_else(|| d.of.map(holder)) else {
                continue;
            };
            descriptions.push(Description {
                range: d.range.clone(),
                of: d.of,
                how,
            });
            added.push(Mention {
                range: d.range.clone(),
                candidates: surfaces(&[entity]),
            });
        }
        // A description's own words (the country in "the president of Chad") are part of it.
        let mut all: Vec<Mention> = mentions
            .into_iter()
            .filter(|m| {
                !described
                    .iter()
                    .any(|d| d.range.start <= m.range.start && m.range.end <= d.range.end)
            })
            .collect();
        all.extend(added);
        all.sort_by_key(|m| (m.range.start, m.range.end));
        Discovered {
            local,
            mentions: all,
            holdings,
            descriptions,
            officials,
        }
    }

    /// Whether `word` says whoever it qualifies does not hold the office, or holds it only
    /// for now (`not-holder`: "Vice", "Former", "Acting").
    fn says_not_holder(&self, word: &str) -> bool {
        self.not_holder.as_ref().is_some_and(|re| re.is_match(word))
    }

    /// Whether `word` says an office is held for a time (see [`People::acting`]).
    fn says_acting(&self, word: &str) -> bool {
        self.acting.as_ref().is_some_and(|re| re.is_match(word))
    }

    /// The descriptions of an office's holder in `body` that `is_taken` does not say are
    /// the titles of a name ("Chad's President Ana Lobo") or overlap one, first found
    /// first, none overlapping another: each with its office and whose office it is. A
    /// description right before a capitalized word that may be a name is none.
    fn descriptions_in(
        &self,
        body: &str,
        gazetteer: &Gazetteer,
        mentions: &[Mention],
        is_taken: impl Fn(&Range<usize>) -> bool,
    ) -> Vec<Described> {
        let mut out: Vec<Described> = Vec::new();
        let Some(home) = self.home.as_deref() else {
            return out;
        };
        let Some(any_office) = self.any_office.as_ref().filter(|re| re.is_match(body)) else {
            return out;
        };
        // Only places are masked: an office's words may be the names of entities too.
        let entities = gazetteer.entities();
        let masked = gazetteer.mask_with(body, mentions, |e| {
            if gazetteer.as_kind(e, home).is_some() {
                entities[e].kind.as_str()
            } else {
                ""
            }
        });
        // Descriptions are looked for around each office's words only: a few words
        // before and after, from and to white space.
        let mut windows: Vec<Range<usize>> = Vec::new();
        for words in any_office.find_iter(&masked) {
            let from = masked.floor_char_boundary(words.start().saturating_sub(DESCRIPTION_REACH));
            let to = masked.ceil_char_boundary(words.end() + DESCRIPTION_REACH);
            let from = masked[..from]
                .char_indices()
                .rev()
                .find(|(_, c)| c.is_whitespace())
                .map_or(0, |(i, c)| i + c.len_utf8());
            let to = masked[to..]
                .find(char::is_whitespace)
                .map_or(masked.len(), |i| to + i);
            match windows.last_mut() {
                Some(last) if last.end >= from => last.end = to,
                _ => windows.push(from..to),
            }
        }
        let masked = masked.as_str();
        // A match at a window's start may rest on the window's edge (a `^` there): it
        // stands only if the article, searched from there, finds it too. A description
        // starts at its first word.
        let found = windows.iter().flat_map(|w| {
            // Only the descriptions that match in the window at all are searched there for
            // where they do.
            let mut matching = PatternSet::new(self.descriptions.len());
            if let Some(any) = &self.any_description {
                any.which_overlapping_matches(&Input::new(&masked[w.clone()]), &mut matching);
            }
            let may_match = move |i: usize| {
                self.any_description.is_none() || matching.contains(PatternID::must(i))
            };
            self.descriptions
                .iter()
                .enumerate()
                .filter(move |&(i, _)| may_match(i))
                .flat_map(move |(_, re)| {
                    re.find_iter(&masked[w.clone()])
                        .map(move |m| w.start + m.start()..w.start + m.end())
                        .filter(move |r| {
                            r.start != w.start
                                || re.find_at(masked, w.start).is_some_and(|m| m.range() == *r)
                        })
                        // A comma or a space a description's words open with is none of
                        // them (", Crown Prince of Chad").
                        .map(move |r| {
                            let words = masked[r.clone()]
                                .trim_start_matches(|c: char| c == ',' || c.is_whitespace());
                            r.end - words.len()..r.end
                        })
                })
        });
        for range in found.take(4 * MAX_DESCRIPTIONS) {
            if out.len() >= MAX_DESCRIPTIONS {
                break;
            }
            if is_taken(&range)
                || out
                    .iter()
                    .any(|d| d.range.start < range.end && range.start < d.range.end)
            {
                continue;
            }
            // The mentions that touch it, all inside it ("Iran's Amir-Abdollahian" is a
            // name, not a description).
            let first = mentions.partition_point(|m| m.range.end <= range.start);
            let touching = mentions[first..]
                .iter()
                .take_while(|m| m.range.start < range.end);
            if touching
                .clone()
                .any(|m| m.range.start < range.start || m.range.end > range.end)
            {
                continue;
            }
            let Some(office) = self.office_in(&masked[range.clone()]) else {
                continue;
            };
            let of = touching
                .clone()
                .find_map(|m| match m.candidates.as_slice() {
                    [only] => gazetteer.as_kind(only.entity, home),
                    _ => None,
                });
            // One of no place after a preposition is another's complement ("an adviser to
            // the premier"), no one who acts; after "of" or "by" it may be ("the visit of
            // the premier"). Before a possessive it is whose office or spokesman speaks
            // ("the premier's office said").
            let lead = body[..range.start].trim_end();
            let agent = ["of", "by"]
                .iter()
                .any(|p| last_word(lead).eq_ignore_ascii_case(p));
            let possessive = ["'s", "’s"]
                .iter()
                .any(|p| body[range.end..].starts_with(p));
            if of.is_none() && (ends_with_preposition(lead) && !agent || possessive) {
                continue;
            }
            // One after a title's "of" is whom the title serves ("Special Envoy of Chad's
            // president", "Adviser of the Chadian president"), no one who acts: a capitalized
            // word before "of", with words before it (a sentence's first word is capitalized
            // whatever it is).
            let before_of = lead
                .strip_suffix("of")
                .filter(|_| last_word(lead) == "of")
                .map_or("", str::trim_end);
            if last_word(before_of).starts_with(char::is_uppercase)
                && before_of.contains(char::is_whitespace)
            {
                continue;
            }
            // "the Chadian president Ana Lobo": titles of a name no pattern read.
            let next = body[range.end..].strip_prefix(' ').unwrap_or_default();
            let word = next
                .split(|c: char| !(c.is_alphanumeric() || matches!(c, '-' | '\'' | '’')))
                .next()
                .unwrap_or_default();
            let named_next = mentions
                .binary_search_by_key(&(range.end + 1), |m| m.range.start)
                .is_ok();
            let no_name = self.not_name.as_ref().is_some_and(|re| re.is_match(word));
            if word.starts_with(char::is_uppercase) && !named_next && !no_name {
                continue;
            }
            out.push(Described {
                range,
                office,
                of,
                person: None,
            });
        }
        out.sort_by_key(|d| d.range.start);
        out
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
            any_pattern: None,
            any_description: None,
            not_name: None,
            institution: None,
            particles: None,
            dropped_particles: Regex::new("^(?i:al)$").ok(),
            name_prefixes: None,
            home: None,
            home_qualifiers: None,
            folds: folds
                .iter()
                .map(|(re, to)| (Regex::new(re).unwrap(), to.to_string()))
                .collect(),
            offices: Vec::new(),
            descriptions: Vec::new(),
            not_holder: None,
            acting: None,
            any_office: None,
            terms: Vec::new(),
            holder_reach_days: 0,
        }
    }

    #[test]
    fn a_surname_keeps_its_particles_and_leaves_out_initials_and_suffixes() {
        assert_eq!(surname("Ana Lobo", None), "Lobo");
        assert_eq!(surname("Ivo bin Ali bin Mba", None), "bin Mba");
        assert_eq!(surname("Ana van der Berg Jr.", None), "van der Berg");
        assert_eq!(surname("Ivo el-Mba", None), "el-Mba");
        assert_eq!(surname("bin Mba", None), "Mba");
        let al = Regex::new("^(?i:al)$").ok();
        assert_eq!(bare_surname("Ivo Al Mba", None, al.as_ref()), "Mba");
        assert_eq!(bare_surname("Ivo bin Mba", None, al.as_ref()), "bin Mba");
        assert_eq!(bare_surname("Ana Lobo", None, al.as_ref()), "Lobo");
        assert_eq!(surname("J. R.", None), "R.");
        assert_eq!(capitalized("van Berg").as_deref(), Some("Van Berg"));
        assert_eq!(after_particle("el-Mba"), Some("Mba"));
        assert_eq!(after_particle("Amir-Mba"), None);
    }

    #[test]
    fn spellings_of_one_name_fold_alike_and_other_given_names_do_not() {
        let p = people();
        assert!(p.same_person("Mohammad Sadeghi", "Muhammad Sadeqi"));
        assert!(p.same_person("Hossein Amir-Abdollahian", "Hossein Amir-Abdollahiyan"));
        // One swapped letter in a long surname is a spelling.
        assert!(p.same_person("Ali Abdollahian", "Ali Abdollahain"));
        // A hyphen for a space, in any case.
        assert!(p.same_person("Ivo Ali Sani", "Ivo Ali-sani"));
        assert!(p.same_person("Ivo-ul-Haq Mba", "Ivoul Haq Mba"));
        // A hyphen for a space between words the folds read alike.
        assert!(p.same_person_uncut("Ivo-Qasim al-Mba", "Ivo Kasim al-Mba"));
        assert!(p.same_person_uncut("Ivo-Qasim al-Mba", "Ivo Kasim Al Mba"));
        assert!(p.same_person_uncut("Ivo Qasim Al Mba", "Ivo-Kasim Mba"));
        assert!(!p.same_person_uncut("Ana Lobo-Mba", "Ana Lobo"));
        assert!(!p.same_person_uncut("Ivo-Qasim al-Mba", "Ivo Sani al-Mba"));
        assert!(!p.same_person_uncut("Ivo-Qasim al-Mba", "Ana Kasim al-Mba"));
        assert!(p.same_person_uncut("Ivo-ul-Haq Mba", "Ivoul Haq Mba"));
        assert!(!p.same_person("Ivo Ali Sani", "Ivoali Sani"));
        assert!(!p.same_person("Ivo Ali Sani", "Ivo Alisani Mba"));
        assert!(!p.same_person("Ali Sadeghi", "Mohammad Sadeghi"));
        assert!(
            !p.same_person("Ali Khan", "Ali Kahn"),
            "short surnames must agree"
        );
        assert!(!p.same_person("Sadeghi", "Ali Sadeghi"));
        assert!(p.same_person("Lloyd J. Austin III", "Lloyd Austin"));
        // A leading given name may be left out, never a later one.
        assert!(p.same_person("Ivo Ali Mba", "Ali Mba"));
        assert!(!p.same_person("Ivo Ali Mba", "Ivo Mba"));
        // A particle before the surname may be left out, not a capitalized word.
        assert!(p.same_person("Ivo Al Mba", "Ivo Mba"));
        assert!(p.same_person_uncut("Ivo al Mba", "Ivo Mba"));
        assert!(!p.same_person("Ivo bin Mba", "Ivo Mba"));
        assert!(!p.same_person("Ivo Ali Mba", "Mba"));
        assert!(!p.same_person("Ivo bin Ali bin Mba", "Ali bin Mba"));
        assert!(p.same_person("Ali bin Mba", "Ivo Ali bin Mba"));
        // A name may be cut short of its later capitalized words (a patronymic).
        assert!(p.same_person("Ivo Ali Sani", "Ivo Ali"));
        // Two words, family name first, are the same name; three, or other words, are not.
        assert!(p.same_person("Tanaka Ivo", "Ivo Tanaka"));
        assert!(!p.same_person("Tanaka Ivo", "Ivo Tanaka Sani"));
        assert!(!p.same_person("Tanaka Ivo", "Ivo Takeda"));
        assert!(!p.same_person("Ali Tanaka Ivo", "Ivo Tanaka Ali"));
        // A chain of patronymics may be cut at a link; a name with no particle is not cut
        // of one.
        assert!(p.same_person("Ivo bin Ali bin Mba", "Ivo bin Ali"));
        assert!(!p.same_person("Ivo Ali bin Mba", "Ivo Ali"));
        // Across articles it is not cut: the shorter name may be either of two sons.
        assert!(!p.same_person_uncut("Ivo bin Ali bin Mba", "Ivo bin Ali"));
        assert!(p.same_person_uncut("Ivo Ali Sani", "Ivo Ali"));
        assert!(!p.same_person("Ivo Ali Sani", "Ivo"));
        // Initials stand for the given names they start, one for one.
        assert!(p.same_person("S. Lobo", "Sara Lobo"));
        assert!(p.same_person("Sara Maria Lobo", "SM Lobo"));
        assert!(p.same_person("S Lobo", "S. Lobo"));
        assert!(!p.same_person("S. Lobo", "Ana Lobo"));
        assert!(!p.same_person("S. Lobo", "Sara Maria Lobo"));
        assert!(!p.same_person("S. Lobo", "Sara Mba"));
        // A middle name written as its initial, beside the given name in full, in one
        // article.
        assert!(!p.same_person_uncut("Ivo S. Mba", "Ivo Sani Mba"));
        assert!(p.same_person("Ivo S. Mba", "Ivo Sani Mba"));
        assert!(p.same_person("Ivo Sani Mba", "Ivo S. Mba"));
        assert!(!p.same_person("Ivo S. Mba", "Ivo Ali Mba"));
        assert!(!p.same_person("Ivo S. Mba", "Ali Sani Mba"));
        assert!(!p.same_person("Ivo S. Mba", "Ivo Sani Lobo"));
        assert!(p.same_person("Ivo S. Mba Jr.", "Ivo Sani Mba Jr."));
    }
}
