//! Claims: what one extractor found at one span of one article. Claims are plain data,
//! serializable, so that extraction and cross-checking can run apart.

use crate::value::Value;
use crate::value::date::DateValue;
use serde::Serialize;
use std::fmt;

/// One typed claim.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    /// The article's id (its path relative to the corpus root).
    pub article: String,
    /// Byte offset where the match starts in the article file.
    pub start: usize,
    /// Byte offset where the match ends.
    pub end: usize,
    /// 1-based line of `start`.
    pub line: usize,
    /// 1-based column of `start`, in characters.
    pub column: usize,
    /// The matched text, white space folded.
    pub text: String,
    /// The extractor that made the claim.
    pub rule: String,
    /// What the claim is about: `visit/bagheri/pakistan`.
    pub key: String,
    /// The claimed value.
    pub value: Value,
    /// When the claimed event happened, where the extractor dates it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub when: Option<When>,
    /// Reported fact or planned event.
    pub modality: Modality,
    /// How captures and dates were resolved, in words.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// When the claimed event happened.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "status", rename_all = "lowercase")]
pub enum When {
    /// A date was found.
    Dated {
        /// The days it may be.
        date: DateValue,
        /// Where the date came from, and how a relative one was resolved.
        how: String,
    },
    /// A date was expected but could not be had.
    Unresolved {
        /// Why.
        reason: String,
    },
}

impl fmt::Display for When {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            When::Dated { date, how } => write!(f, "{date} ({how})"),
            When::Unresolved { reason } => write!(f, "unresolved ({reason})"),
        }
    }
}

/// Whether a claim reports what happened or what is planned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "mood", rename_all = "lowercase")]
pub enum Modality {
    /// Reported as having happened (or happening).
    Reported,
    /// Planned, expected or future; never a past event.
    Planned {
        /// The wording that marks it ("will hold", "in the future").
        cue: String,
    },
}

impl Claim {
    /// Whether the claim is about something planned rather than reported.
    pub fn is_planned(&self) -> bool {
        matches!(self.modality, Modality::Planned { .. })
    }
}
