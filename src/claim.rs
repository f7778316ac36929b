//! Claims: what one extractor found at one span of one article. Claims are plain data,
//! serializable, so that extraction and cross-checking can run apart.

use crate::article::{Article, DateSource};
pub use crate::article::{MAX_ARTICLE_BYTES, Span};
use crate::intern::Interner;
use crate::page::Dateline;
use crate::value::Value;
use crate::value::date::{self, DateValue};
use chrono::Datelike;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::Arc;

/// One typed claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// The article's id (its path relative to the corpus root), shared by its claims.
    pub article: Arc<str>,
    /// Where the match is in the article file.
    pub span: Span,
    /// The matched text, white space folded.
    pub text: Arc<str>,
    /// The extractor that made the claim, shared with the rule set.
    pub rule: Arc<str>,
    /// What the claim is about: `visit/petrov/chad`; shared by the claims with this key.
    pub key: Arc<str>,
    /// The claimed value.
    pub value: Value,
    /// Where the value is written ("third" in "his third trip"), when the match has it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_span: Option<Span>,
    /// When the claimed event happened, where the extractor dates it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub when: Option<When>,
    /// Reported fact or planned event.
    pub modality: Modality,
    /// How captures and dates were resolved, in words; each shared by the claims with it.
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub notes: Box<[Arc<str>]>,
    /// How sure the reading is: a finding that rests on a guess is a note at most.
    #[serde(default)]
    pub confidence: Confidence,
    /// A party inferred never to be another's home while the article did not say that
    /// home: checked against the homes other articles give (see [`crate::link`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unlike: Option<Box<Unlike>>,
    /// A party that must be away from home while the article did not say that home: the
    /// claim stands only where other articles give it one that is none of the key's
    /// parties (see [`crate::link`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub away: Option<Box<Away>>,
}

/// A party of a claim that must be away from home ("one who met someone in Niamey" is a
/// visitor only if not at home there), whose home the article does not say: one an
/// extractor's `away` names, or one a word referring back gave that another party must
/// differ from the home of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Away {
    /// The party's id, as it stands in the key.
    pub of: Arc<str>,
    /// Whether the party is a guess, read from a word referring back beside a party the
    /// match names: the claim stands when no article gives its home, and the party is
    /// left unknown when one gives a party of the key as its home ("his visit to Chad",
    /// "his" read as a Chadian); no other claim of the article takes its parties.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub guessed: bool,
}

/// A party of a claim's key inferred to differ from another party's home ("a visit's host
/// is not the visitor's own country") where the article does not say that home.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unlike {
    /// The inferred party's id, as it stands in the key.
    pub inferred: Arc<str>,
    /// The id of the party whose home it must not be.
    pub of: Arc<str>,
    /// The next candidate, which stands instead when `inferred` is that home.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instead: Option<Arc<str>>,
}

/// How sure the reading of a claim is.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "level", rename_all = "lowercase")]
pub enum Confidence {
    /// Its parties are named, or resolved within its sentence or by a rule's scope, and its
    /// date, if it has one, is read from its own words, its clause, the clause that opens
    /// its sentence or the article date.
    #[default]
    Sure,
    /// Some part of it is a guess.
    Guess {
        /// What is guessed, in words; each shared by the claims with it.
        because: Box<[Arc<str>]>,
    },
}

impl Confidence {
    /// The confidence of a reading with `guesses`: sure when there are none.
    pub fn of(guesses: Box<[Arc<str>]>) -> Confidence {
        if guesses.is_empty() {
            Confidence::Sure
        } else {
            Confidence::Guess { because: guesses }
        }
    }

    /// What is guessed; nothing when sure.
    pub fn guesses(&self) -> &[Arc<str>] {
        match self {
            Confidence::Sure => &[],
            Confidence::Guess { because } => because,
        }
    }

    /// This confidence with `guess` added.
    pub fn with(&self, guess: Arc<str>) -> Confidence {
        let mut all = self.guesses().to_vec();
        if !all.contains(&guess) {
            all.push(guess);
        }
        Confidence::of(all.into_boxed_slice())
    }
}

/// When the claimed event happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "lowercase")]
pub enum When {
    /// A date was found.
    Dated {
        /// The days it may be.
        date: DateValue,
        /// Where the date came from, and how a relative one was resolved; shared.
        how: Arc<str>,
        /// Where the date is written, if it is written in the article.
        #[serde(skip_serializing_if = "Option::is_none")]
        span: Option<Span>,
    },
    /// A date was expected but could not be had.
    Unresolved {
        /// Why.
        reason: String,
        /// The month and day (or month) the text gives without a year, ISO 8601 style
        /// ("--05-31", "--03"), where the year is what could not be had.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        days: Option<Box<str>>,
        /// Where the date that could not be had is written, if it is written in the
        /// article ("on Monday" in an article with no date).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        span: Option<Span>,
    },
}

impl When {
    /// Where the date is written, if it is written in the article.
    pub fn span(&self) -> Option<&Span> {
        match self {
            When::Dated { span, .. } | When::Unresolved { span, .. } => span.as_ref(),
        }
    }

    /// A date that could not be had, for `reason`.
    pub fn unresolved(reason: impl Into<String>) -> When {
        When::Unresolved {
            reason: reason.into(),
            days: None,
            span: None,
        }
    }

    /// Whether this is the same date as `other`, wherever each is written: left unresolved,
    /// the same first day without its year whatever words gave it ("Oct 9", "from Oct. 9
    /// to Oct. 12"), else for the same reason.
    pub fn same_date(&self, other: &When) -> bool {
        match (self, other) {
            (
                When::Dated {
                    date: a, how: h, ..
                },
                When::Dated {
                    date: b, how: i, ..
                },
            ) => a == b && h == i,
            (
                When::Unresolved {
                    reason: a, days: d, ..
                },
                When::Unresolved {
                    reason: b, days: e, ..
                },
            ) => d == e && (d.is_some() || a == b),
            _ => false,
        }
    }

    /// How many days lie between this date and `other` (0 when they meet): as days when
    /// both name their year, else as days of the year ("--10-03" and May 2018 lie 125
    /// apart). `None` when either has no days.
    pub fn days_apart(&self, other: &When) -> Option<i64> {
        let gap = |(a0, a1): (i64, i64), (b0, b1): (i64, i64)| (a0.max(b0) - a1.min(b1)).max(0);
        let full = |w: &When| match w {
            When::Dated { date, .. } => Some((date.start, date.end)),
            When::Unresolved { .. } => None,
        };
        if let (Some((a0, a1)), Some((b0, b1))) = (full(self), full(other)) {
            let day = |d: chrono::NaiveDate| i64::from(d.num_days_from_ce());
            return Some(gap((day(a0), day(a1)), (day(b0), day(b1))));
        }
        let of_year = |w: &When| match w {
            When::Dated { date, .. } => date::days_of_year(date),
            When::Unresolved { days, .. } => days.as_deref().and_then(date::yearless_days),
        };
        // Days of the year wrap at its end: "--01-02" is days after 30 December.
        let days = gap(of_year(self)?, of_year(other)?);
        Some(days.min(366 - days))
    }
}

impl fmt::Display for When {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            When::Dated { date, how, .. } => write!(f, "{date} ({how})"),
            When::Unresolved {
                reason,
                days: Some(days),
                ..
            } => write!(f, "unresolved {days} ({reason})"),
            When::Unresolved {
                reason, days: None, ..
            } => write!(f, "unresolved ({reason})"),
        }
    }
}

/// Whether a claim reports what happened or what is planned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "mood", rename_all = "lowercase")]
pub enum Modality {
    /// Reported as having happened (or happening).
    Reported,
    /// Planned, expected or future; never a past event.
    Planned {
        /// The wording that marks it ("will hold", "in the future"); shared.
        cue: Arc<str>,
    },
}

impl Claim {
    /// Adds `notes` after the claim's own, each once.
    pub fn add_notes(&mut self, notes: impl IntoIterator<Item = Arc<str>>) {
        let mut all = self.notes.to_vec();
        for note in notes {
            if !all.contains(&note) {
                all.push(note);
            }
        }
        self.notes = all.into_boxed_slice();
    }

    /// Whether the claim's key has a part no entity filled (`visit/?/france`), or one
    /// that stands for whoever held an office when no article says who
    /// (`visit/@chad.president/france`): such a claim says nothing checkable, and never
    /// pools with other unknowns.
    pub fn is_untied(&self) -> bool {
        let holder = |ids: &str| {
            ids.split('+')
                .any(|id| id.starts_with(crate::people::OFFICE_HOLDER))
        };
        self.key.split('/').any(|part| part == "?" || holder(part))
            || matches!(&self.value, Value::Entity(ids) if holder(ids))
    }

    /// Whether the claim waits on a date it could not have: a relative date, or its
    /// article's date, in an article without one.
    pub fn is_undated(&self) -> bool {
        matches!(self.when, Some(When::Unresolved { .. }))
            || matches!(self.value, Value::Unresolved(_))
    }

    /// Whether the claim is about something planned rather than reported.
    pub fn is_planned(&self) -> bool {
        matches!(self.modality, Modality::Planned { .. })
    }
}

/// The first place an article writes an entity with one alternative of a spelling group
/// ("Raisi" or "Raeisi"): what the `variant` check compares within an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpellingUse {
    /// The entity id, shared with the gazetteer.
    pub entity: Arc<str>,
    /// The entity's display name, shared with the gazetteer.
    pub name: Arc<str>,
    /// Index of the spelling group among the entity's groups, or [`UNDECLARED`] for a
    /// spelling one letter off a name, which no group declares.
    pub group: usize,
    /// The alternative used, as declared, shared with the gazetteer.
    pub form: Arc<str>,
    /// Where the mention is.
    pub span: Span,
}

/// The group of [`SpellingUse`]s of a name and a word one letter off it ("Tehran",
/// "Tehan"), which no rule declares.
pub const UNDECLARED: usize = usize::MAX;

/// A person an article names with a title: the id its claims use, and the full name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    /// The id (`narendra-modi`, or `~putin` for a surname alone).
    pub id: Arc<str>,
    /// The name as the article writes it.
    pub name: Arc<str>,
    /// The id of their home, if the article says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub home: Option<Arc<str>>,
}

/// An office one article says a person holds ("Chadian President Ana Lobo"): what
/// [`crate::link`] reads to say who a description ("the president of Chad") is in articles
/// that do not name them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldOffice {
    /// The office's id (`president`).
    pub office: Arc<str>,
    /// The id of the entity whose office it is (`chad`), if the article says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<Arc<str>>,
    /// The holder's id.
    pub person: Arc<str>,
}

/// Everything extraction learns about one article: plain data, enough to cross-check the
/// corpus without the article text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleRecord {
    /// The article id (path relative to the corpus root).
    pub id: String,
    /// The path as named on the command line.
    pub path: String,
    /// The publication date, if any.
    pub date: Option<chrono::NaiveDate>,
    /// Where the publication date was found (or why a date the page prints gives none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_source: Option<Box<DateSource>>,
    /// For a record of a JSON Lines file, its line in the file: where annotations go.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record_line: Option<u32>,
    /// The place the article says it was written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dateline: Option<Box<Dateline>>,
    /// Its claims, by offset.
    pub claims: Vec<Claim>,
    /// First use of each spelling alternative, by offset, of the spelling groups the
    /// article writes more than one way.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub spellings: Vec<SpellingUse>,
    /// Extractors that stopped at the per-article match limit.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub capped: Vec<String>,
    /// What waits on the date of an article that has none: found at extraction, so that
    /// the shard that owns the article knows it without the claims.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub needs_date: Option<Box<NeedsDate>>,
    /// The people the article names with a title (no rule declares them), by id: what
    /// [`crate::link`] reads to decide who a surname alone is across the corpus.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Person>,
    /// The offices the article says its people hold.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub offices: Vec<HeldOffice>,
    /// Whether article-level checks (missing date, spellings, limits) run on this record.
    /// A sharded claim file holds an article in every shard that has its claims, and
    /// owns it in one.
    #[serde(default = "yes", skip_serializing_if = "is_yes")]
    pub owned: bool,
}

fn yes() -> bool {
    true
}

fn is_yes(b: &bool) -> bool {
    *b
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// What cannot be placed on a timeline until an undated article has a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NeedsDate {
    /// Its claims that cannot be dated.
    pub claims: u32,
    /// Its claims dated by a guess from the page's other dates, which its own date would
    /// settle.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub guessed: u32,
    /// The relative dates it writes ("on Friday", "last year").
    pub relative_dates: u32,
    /// The first of them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_relative: Option<Span>,
}

impl ArticleRecord {
    /// Makes the strings its claims repeat (ids, keys, notes, names) the shared
    /// copies of `strings`, as extraction does: for records read back from a claim file.
    pub fn share_strings(&mut self, strings: &Interner) {
        for claim in &mut self.claims {
            claim.article = strings.intern(&claim.article);
            claim.rule = strings.intern(&claim.rule);
            claim.key = strings.intern(&claim.key);
            if let Some(When::Dated { how, .. }) = &mut claim.when {
                *how = strings.intern(how);
            }
            if let Modality::Planned { cue } = &mut claim.modality {
                *cue = strings.intern(cue);
            }
            for note in &mut claim.notes {
                *note = strings.intern(note);
            }
            if let Value::Entity(name) | Value::Text(name) = &mut claim.value {
                *name = strings.intern(name);
            }
        }
    }

    /// An empty record for `article`.
    pub fn new(article: &Article) -> Self {
        ArticleRecord {
            id: article.id.clone(),
            path: article.path.display().to_string(),
            date: article.date,
            date_source: article.date_source.clone().map(Box::new),
            dateline: None,
            record_line: article
                .record_line
                .map(|l| u32::try_from(l).unwrap_or(u32::MAX)),
            claims: Vec::new(),
            spellings: Vec::new(),
            capped: Vec::new(),
            needs_date: None,
            people: Vec::new(),
            offices: Vec::new(),
            owned: true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yearless(days: &str) -> When {
        When::Unresolved {
            reason: String::new(),
            days: Some(days.into()),
            span: None,
        }
    }

    #[test]
    fn the_same_date_is_the_same_wherever_it_is_written() {
        let at = |start: u32| When::Unresolved {
            reason: "\"Friday\" is a weekday and the article has no date".into(),
            days: None,
            span: Some(Span {
                start,
                end: start + 6,
                line: 1,
                column: start + 1,
                end_line: 1,
                end_column: start + 7,
            }),
        };
        assert!(at(3).same_date(&at(40)));
        assert_ne!(at(3), at(40));
        assert!(!at(3).same_date(&yearless("--05-31")));
        let said = |reason: &str, days: &str| When::Unresolved {
            reason: reason.into(),
            days: Some(days.into()),
            span: None,
        };
        assert!(said("\"Oct 9\"", "--10-09").same_date(&said("\"9-11 October\"", "--10-09")));
        assert!(!said("\"Oct 9\"", "--10-09").same_date(&said("\"Oct 10\"", "--10-10")));
    }

    #[test]
    fn days_apart_count_days_of_the_year_when_one_has_no_year_and_wrap_at_its_end() {
        let day = |s: &str| When::Dated {
            date: DateValue::day(s.parse().unwrap()),
            how: "stated".into(),
            span: None,
        };
        assert_eq!(day("2023-05-01").days_apart(&day("2023-05-04")), Some(3));
        assert_eq!(yearless("--10-03").days_apart(&day("2018-10-01")), Some(2));
        assert_eq!(yearless("--01-02").days_apart(&day("2023-12-30")), Some(3));
        assert_eq!(yearless("--05").days_apart(&yearless("--05-20")), Some(0));
        assert_eq!(When::unresolved("no").days_apart(&day("2023-05-01")), None);
    }
}
