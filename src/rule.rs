//! Rule files: the TOML schema a rule author writes, deserialized with spans and unknown
//! keys refused. [`crate::ruleset`] validates and compiles them.

use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

/// One file under `rules/`. Every table is optional; a topic file usually declares a few
/// fragments and extractors, an entity file kinds and entities.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RuleFile {
    /// Entity kinds and how each is referred to without its name.
    #[serde(default)]
    pub kind: Vec<KindDef>,
    /// Entities: people, countries, cities …
    #[serde(default)]
    pub entity: Vec<EntityDef>,
    /// Units of measure for quantities.
    #[serde(default)]
    pub unit: Vec<UnitDef>,
    /// Named regex fragments, used in patterns as `{name}`.
    #[serde(default)]
    pub fragment: BTreeMap<String, Spanned<String>>,
    /// Wording that marks a mention as planned rather than reported.
    pub modality: Option<ModalityDef>,
    /// Extractors: patterns that turn text into claims.
    #[serde(default)]
    pub extractor: Vec<ExtractorDef>,
    /// Checks: cross-checks over the claims of the whole corpus.
    #[serde(default)]
    pub check: Vec<CheckDef>,
}

/// `[[check]]`: one cross-check, an instance of a generic check kind.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CheckDef {
    /// Unique id; diagnostics carry it as their rule id.
    pub id: Spanned<String>,
    /// The generic check it runs.
    pub kind: CheckKind,
    /// How serious a finding is.
    #[serde(default)]
    pub severity: Severity,
    /// One line: what it checks.
    pub description: Option<String>,
    /// Why a finding matters and how to fix it, for `claimlint explain`.
    pub explanation: Option<String>,
    /// An example of text it finds fault with, for `claimlint explain`.
    pub example: Option<String>,
    /// Which claim keys it looks at: a glob where `*` matches any text (`visit/*`).
    #[serde(default = "any_key")]
    pub keys: Spanned<String>,
    /// For `agree`: the value type compared (`quantity`, `date`, `duration`, `number`).
    pub value: Option<Spanned<String>>,
    /// Mentions dated within this many days of each other are one event (sequence,
    /// enumeration, and agree on durations).
    #[serde(default = "default_window")]
    pub window_days: u32,
    /// For `agree` on durations and numbers: the largest difference that still agrees.
    #[serde(default)]
    pub tolerance: f64,
    /// The word for one event in messages ("visit").
    pub noun: Option<String>,
    /// Its plural, if not `noun` + "s".
    pub noun_plural: Option<String>,
}

/// The generic check kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CheckKind {
    /// An ordinal ("third visit") must match the event's place on the corpus timeline.
    Sequence,
    /// An enumeration of earlier events must list every earlier event the corpus records.
    Enumeration,
    /// Claims with one key must agree.
    Agree,
    /// A weekday stated with an explicit date must match the calendar.
    Weekday,
    /// One article keeps to one spelling of each entity.
    Variant,
    /// Every article has a publication date.
    MissingDate,
}

/// How serious a finding is.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, serde::Serialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Information that may explain a finding, or a gap in the corpus.
    Note,
    /// Probably wrong; does not fail the run by default.
    Warning,
    /// A contradiction; fails the run.
    #[default]
    Error,
}

impl Severity {
    /// The lowercase name, as printed.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

fn any_key() -> Spanned<String> {
    Spanned::new(0..0, "*".to_string())
}

fn default_window() -> u32 {
    7
}

/// `[[kind]]`: an entity kind.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct KindDef {
    /// The kind's id, used as a capture type (`{visitor:person}`).
    pub id: Spanned<String>,
    /// What the kind is, for `claimlint rules`.
    pub description: Option<String>,
    /// A regex of the words that refer to an entity of this kind without naming it ("his",
    /// "the general"); such a capture resolves to the nearest entity of the kind in the
    /// same sentence.
    pub anaphora: Option<Spanned<String>>,
    /// A regex of definite descriptions ("the general"); such a capture resolves to the
    /// entity of the kind last named before it, in the sentence or earlier in the article.
    pub definite: Option<Spanned<String>>,
}

/// `[[entity]]`: one entity.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct EntityDef {
    /// Canonical id, used in claim keys.
    pub id: Spanned<String>,
    /// The entity's kind, declared by a `[[kind]]`.
    pub kind: Spanned<String>,
    /// Display name; also a form it is written as.
    pub name: String,
    /// Other forms it is written as (surname, short name, adjective).
    #[serde(default)]
    pub names: Vec<String>,
    /// Groups of interchangeable spellings of a word of its names, e.g.
    /// `[["Bagheri", "Baqeri"]]`; one article should keep to one.
    #[serde(default)]
    pub spellings: Vec<Vec<String>>,
    /// The entity this one lies in or belongs to (a city's country).
    pub part_of: Option<Spanned<String>>,
}

/// `[[unit]]`: a unit of measure.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct UnitDef {
    /// Canonical id, e.g. `km`.
    pub id: Spanned<String>,
    /// Every way it is written.
    pub names: Vec<String>,
    /// The base unit it converts to, e.g. `m`.
    pub base: String,
    /// How many base units one of it is.
    pub factor: f64,
}

/// `[modality]`: cues for planned or future mentions.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ModalityDef {
    /// Regexes; a claim whose sentence matches one is planned, not reported.
    pub planned: Vec<Spanned<String>>,
}

/// `[[extractor]]`: a pattern that yields one claim per match.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ExtractorDef {
    /// Unique id; the claims it makes name it.
    pub id: Spanned<String>,
    /// What it extracts, for `claimlint rules`.
    pub description: Option<String>,
    /// The regex, with `{fragment}` and `{name:type}` placeholders. One capture name may
    /// stand in several alternatives of the pattern, with one type.
    pub pattern: Spanned<String>,
    /// The claim key, built from captures: `visit/{visitor}/{host}`.
    pub key: Spanned<String>,
    /// The capture holding the claim's value; without it the claim is a mention.
    pub value: Option<Spanned<String>>,
    /// A date capture giving when the claimed event happened.
    pub date: Option<Spanned<String>>,
    /// Without a date capture, take the nearest date expression in the same sentence.
    #[serde(default)]
    pub date_in_sentence: bool,
    /// Failing that, the event happened at most this many days before the article date
    /// ("This visit marks …" in an article about the visit).
    pub dated_by_article: Option<u32>,
    /// A regex that, matching right after a match, discards it (a lookahead the regex
    /// engine lacks): `'\s+by\s+an?\b'` keeps "the third visit by a minister" out.
    pub not_followed_by: Option<Spanned<String>>,
    /// Key placeholders the pattern may not capture, and how to find them.
    #[serde(default)]
    pub infer: BTreeMap<String, InferDef>,
}

/// How to fill a key placeholder that the match did not capture.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct InferDef {
    /// The entity kind to look for: the nearest in the sentence, else the one the
    /// article mentions most.
    pub kind: Spanned<String>,
    /// How many entities to take (2 for "the two countries"); they are joined with `+`.
    #[serde(default = "one")]
    pub count: usize,
    /// Where to look first: `sentence` (the nearest in the sentence, then the article) or
    /// `article` (the most mentioned in the article).
    #[serde(default)]
    pub scope: InferScope,
}

/// Where an inferred entity is looked for first.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InferScope {
    /// The entity the article mentions most.
    #[default]
    Article,
    /// The nearest entity in the same sentence, else the article's most mentioned.
    Sentence,
}

fn one() -> usize {
    1
}
