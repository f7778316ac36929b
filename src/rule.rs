//! Rule files: the TOML schema a rule author writes, deserialized with spans and unknown
//! keys refused. [`crate::ruleset`] validates and compiles them.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::ops::Range;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

/// One file under `rules/`. Every table is optional; a topic file usually declares a few
/// fragments and extractors, an entity file kinds and entities. Read it with [`parse`],
/// which recovers from a bad entry and reports every one.
#[derive(Debug, Deserialize, Default, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(title = "claimlint rule file")]
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
    #[schemars(with = "BTreeMap<String, String>")]
    pub fragment: BTreeMap<String, Spanned<String>>,
    /// Wording that marks a mention as planned rather than reported.
    pub modality: Option<ModalityDef>,
    /// Extractors: patterns that turn text into claims.
    #[serde(default)]
    pub extractor: Vec<ExtractorDef>,
    /// Checks: cross-checks over the claims of the whole corpus.
    #[serde(default)]
    pub check: Vec<CheckDef>,
    /// How people no rule declares are recognized in the text.
    pub people: Option<PeopleDef>,
    /// Where a page may print its own date and place.
    #[schemars(with = "Option<PageDef>")]
    pub page: Option<Spanned<PageDef>>,
    /// Bylines: how pages print their publication date and where they were written.
    #[serde(default)]
    pub byline: Vec<BylineDef>,
    /// Test cases for the extractors and checks, run by `claimlint test`.
    #[serde(default)]
    pub test: Vec<TestDef>,
}

/// `[[test]]`: text in, the claims of one extractor or the findings of one check out.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TestDef {
    /// The extractor or check under test.
    #[schemars(with = "String")]
    pub rule: Spanned<String>,
    /// What the case shows, for the report.
    pub name: Option<String>,
    /// The text of a one-article corpus.
    pub text: Option<String>,
    /// Its publication date (`2025-01-19`); without one the article is undated.
    #[schemars(with = "Option<String>")]
    pub date: Option<toml::Value>,
    /// Several articles, for cross-article checks; named `a.txt`, `b.txt` … in order.
    #[serde(default)]
    pub articles: Vec<TestArticle>,
    /// Every claim of the extractor as `key = value`, or every finding message of the
    /// check; an empty list means the rule must not fire.
    pub expect: Vec<String>,
}

/// One article of a test case.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TestArticle {
    /// Its publication date, if any.
    #[schemars(with = "Option<String>")]
    pub date: Option<toml::Value>,
    /// Its text.
    pub text: String,
}

/// The JSON Schema of a rule file, generated from these types: editors (taplo, Even Better
/// TOML) use it to complete and validate rule files.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(RuleFile);
    serde_json::to_string_pretty(&schema).expect("the schema serializes") + "\n"
}

/// Adds a "did you mean" to serde's "unknown field `x`, expected one of `a`, `b`".
fn with_suggestion(message: &str) -> String {
    let quoted: Vec<&str> = message.split('`').skip(1).step_by(2).collect();
    match quoted.split_first() {
        Some((unknown, expected))
            if message.starts_with("unknown field") || message.starts_with("unknown variant") =>
        {
            format!(
                "{message}{}",
                crate::ruleset::did_you_mean(unknown, expected.iter().copied())
            )
        }
        _ => message.to_string(),
    }
}

/// The top-level tables a rule file may have.
pub const SECTIONS: [&str; 11] = [
    "kind",
    "entity",
    "unit",
    "fragment",
    "modality",
    "extractor",
    "check",
    "page",
    "byline",
    "people",
    "test",
];

/// A problem found while reading a rule file: a byte range in it and what is wrong.
pub type ParseProblem = (Range<usize>, String);

/// Reads a rule file. Each entry of an array of tables (`[[extractor]]` …) is read on its
/// own, so one misspelt key drops that entry only and every problem is reported; a TOML
/// syntax error stops the file.
pub fn parse(text: &str) -> (RuleFile, Vec<ParseProblem>) {
    let mut file = RuleFile::default();
    let mut problems = Vec::new();
    let root = match DeTable::parse(text) {
        Ok(root) => root,
        Err(e) => {
            problems.push((e.span().unwrap_or(0..0), e.message().trim().to_string()));
            return (file, problems);
        }
    };
    fn one<'a, T: serde::de::DeserializeOwned>(
        value: &Spanned<DeValue<'a>>,
        problems: &mut Vec<ParseProblem>,
    ) -> Option<T> {
        T::deserialize(ValueDeserializer::from(value.clone()))
            .map_err(|e| {
                problems.push((
                    e.span().unwrap_or(value.span()),
                    with_suggestion(e.message().trim()),
                ))
            })
            .ok()
    }
    fn each<'a, T: serde::de::DeserializeOwned>(
        value: &Spanned<DeValue<'a>>,
        problems: &mut Vec<ParseProblem>,
    ) -> Vec<T> {
        match value.get_ref() {
            DeValue::Array(items) => items
                .iter()
                .filter_map(|item| one(item, problems))
                .collect(),
            _ => one::<T>(value, problems).into_iter().collect(),
        }
    }
    for (key, value) in root.get_ref().iter() {
        match key.get_ref().as_ref() {
            "kind" => file.kind = each(value, &mut problems),
            "entity" => file.entity = each(value, &mut problems),
            "unit" => file.unit = each(value, &mut problems),
            "extractor" => file.extractor = each(value, &mut problems),
            "check" => file.check = each(value, &mut problems),
            "test" => file.test = each(value, &mut problems),
            "fragment" => file.fragment = one(value, &mut problems).unwrap_or_default(),
            "modality" => file.modality = one(value, &mut problems),
            "page" => file.page = one(value, &mut problems),
            "people" => file.people = one(value, &mut problems),
            "byline" => file.byline = each(value, &mut problems),
            other => problems.push((
                key.span(),
                format!(
                    "unknown table `{other}`, expected one of {}{}",
                    SECTIONS.map(|s| format!("`{s}`")).join(", "),
                    crate::ruleset::did_you_mean(other, SECTIONS)
                ),
            )),
        }
    }
    (file, problems)
}

/// `[people]`: how a person no rule declares is recognized where the text says who they
/// are — a title or office before a capitalized name ("General Ivo Lobo", "Prime
/// Minister Ana Lobo"). Such a person is an entity of the article: named in full by
/// the match, later by surname. Declared entities take precedence.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PeopleDef {
    /// The kind the people found are (`person`).
    #[schemars(with = "String")]
    pub kind: Spanned<String>,
    /// Regexes with `{fragment}` placeholders and a `(?P<name>…)` group holding the name,
    /// matched on the text as printed. The titles are what stands before the name in the
    /// match, or a `(?P<titles>…)` group after it ("Ana Lobo, Chad's president,").
    #[schemars(with = "Vec<String>")]
    pub patterns: Vec<Spanned<String>>,
    /// A regex of words that are never part of a name ("General Assembly" names no
    /// one): a name with a word it matches whole is none.
    #[schemars(with = "Option<String>")]
    pub not_name: Option<Spanned<String>>,
    /// A regex of the words that, capitalized right after a name, make the two an
    /// institution's name ("Cameroon Tribune", "Lobo Foundation"): a name written there
    /// keeps the institution's spelling, and is none the variant check compares.
    #[schemars(with = "Option<String>")]
    pub institution: Option<Spanned<String>>,
    /// A regex of the words that join a surname to the given names before it, in any
    /// case ("Ivo Bin Mba"): the surname is written with them, and its last word
    /// alone is someone else (a father's name). Lowercase words ("bin", "van der") join
    /// whatever it says.
    #[schemars(with = "Option<String>")]
    pub particles: Option<Spanned<String>>,
    /// A regex of the particles a report may leave out before a surname, in any case
    /// ("Bashar al-Assad" is "Assad" alone, and "Bashar Assad"); others stay ("bin Mba" is
    /// not "Mba", a father).
    #[schemars(with = "Option<String>")]
    pub dropped_particles: Option<Spanned<String>>,
    /// A regex of the given names and honorifics a report may write before a declared
    /// person's name without naming someone else ("Muhammad Ivo Mba" for a declared "Ivo
    /// Mba"), in any case. Any other word there, in a name a pattern finds, makes it
    /// another's ("Sara Ivo Mba", his daughter); initials, `not-name` and `not-holder`
    /// words, and the words of the declared name itself as the folds spell them never do.
    #[schemars(with = "Option<String>")]
    pub name_prefixes: Option<Spanned<String>>,
    /// The kind of a person's home, named just before their titles ("Chadian Foreign
    /// Minister Ana Lobo", "Chad's army chief General …") or after their name
    /// ("… Ivo Lobo of Chad").
    #[schemars(with = "Option<String>")]
    pub home: Option<Spanned<String>>,
    /// A regex of the lowercase words that may stand, up to three with capitalized ones,
    /// between a person's home and their titles ("Chad's new chancellor"); with any other
    /// word there ("in Chad with President …") the place is not their home.
    #[schemars(with = "Option<String>")]
    pub home_qualifiers: Option<Spanned<String>>,
    /// Transliteration folds, `[regex, replacement]` pairs applied in order to a name in
    /// lower case: two names that fold alike, or whose surnames then differ by one letter,
    /// are one person spelled two ways — never when their given names differ.
    #[serde(default)]
    #[schemars(with = "Vec<[String; 2]>")]
    pub folds: Vec<Spanned<[String; 2]>>,
    /// Offices a person holds, each by the words that name it in a title ("President Ana
    /// Lobo") and in a description of whoever holds it ("the president of Chad").
    #[serde(default)]
    pub office: Vec<OfficeDef>,
    /// Regexes of descriptions of an office's holder, matched on the masked text:
    /// `{office}` stands for any office's words, a kind (`{country}`) for the place whose
    /// office it is ("the {office} of {country}", "the {country} {office}"). Such a
    /// description is the person who holds the office there at the article's date.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub descriptions: Vec<Spanned<String>>,
    /// A regex of words that, in a title before an office's words or among the two words
    /// before the title, say the person does not hold it ("Deputy", "Vice", "Former").
    #[schemars(with = "Option<String>")]
    pub not_holder: Option<Spanned<String>>,
    /// A regex of words that, in a title, say the person holds the office for a time
    /// ("Interim", "Caretaker"): the article's descriptions of the office are
    /// them, but no holder the rules declare is.
    #[schemars(with = "Option<String>")]
    pub acting: Option<Spanned<String>>,
    /// How many days from an article that names an office's holder ("Chadian President
    /// Ana Lobo") a description of the office in another article is taken to be them,
    /// when no nearer article names someone else (0, the default: only between the first
    /// and last articles that name them).
    pub holder_reach_days: Option<u32>,
}

/// `[[people.office]]`: an office, as its titles and descriptions name it.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct OfficeDef {
    /// The office's id (`president`), in the ids of its holders' descriptions.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// A regex of the words that name it ("President", "Prime Minister", "PM"), matched
    /// on the text as printed.
    #[schemars(with = "String")]
    pub words: Spanned<String>,
}

/// An office an entity holds (`offices` of an `[[entity]]`), for a term: what a
/// description of the office resolves to at a date the term covers.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TermDef {
    /// The office, declared in `[[people.office]]`.
    #[schemars(with = "String")]
    pub office: Spanned<String>,
    /// The entity whose office it is; the holder's `home` if left out.
    #[schemars(with = "Option<String>")]
    pub of: Option<Spanned<String>>,
    /// The first day held (`YYYY-MM-DD`); open if left out.
    #[schemars(with = "Option<String>")]
    pub from: Option<Spanned<String>>,
    /// The last day held; still held if left out.
    #[schemars(with = "Option<String>")]
    pub to: Option<Spanned<String>>,
}

/// `[page]`: where on a page its own date and place may stand. A date printed elsewhere
/// (an event in the body, a caption) is never read as the publication date, save by a
/// byline whose own words say what it is (`where = "anywhere"`).
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PageDef {
    /// How many lines from the top, blank ones not counted, may hold a byline, a header
    /// date or a dateline.
    pub head_lines: Option<usize>,
    /// How many lines from the bottom, blank ones not counted, may hold a footer date.
    pub tail_lines: Option<usize>,
    /// How many characters from its start a line is searched: a byline is short, and a
    /// page that runs title and body into one line has its dateline near the start.
    pub line_chars: Option<usize>,
    /// A line of the page's navigation (a short bulleted menu item: "• News"), matched
    /// against the whole line, trimmed: neither read nor counted among the head and tail
    /// lines, so that a header after a long menu is still read.
    #[schemars(with = "Option<String>")]
    pub menu_item: Option<Spanned<String>>,
    /// A line of the page's furniture (a button's word, a label, a name alone: "Share",
    /// "By", "Follow us:"), matched against the whole line, trimmed: read, but not counted
    /// among the head lines (up to half as many as they), so that a header date below a
    /// page's furniture is still among them.
    #[schemars(with = "Option<String>")]
    pub uncounted_line: Option<Spanned<String>>,
    /// A line that heads a list of other stories ("Recent Posts", "Related"), matched
    /// against the whole line, trimmed: the dates on the lines after it, up to a line
    /// that ends a sentence or a gap between the head and the tail, are theirs, never
    /// the page's.
    #[schemars(with = "Option<String>")]
    pub list_heading: Option<Spanned<String>>,
    /// A line that runs other stories' headlines together, as a news ticker prints them
    /// ("Urgent: … • … • …"), matched against the whole line, trimmed: no extractor reads
    /// it, and the names in it say nothing of what the article is about.
    #[schemars(with = "Option<String>")]
    pub ticker: Option<Spanned<String>>,
    /// What, after a numeric date on its line, says the page writes the day first
    /// (`09-07-2025 01:55 IST` is 9 July): a time zone of a region that does. A date
    /// whose day and month read both ways takes the day-first reading.
    #[schemars(with = "Option<String>")]
    pub day_first_after: Option<Spanned<String>>,
    /// What, after a numeric date on its line, says the page writes the month first
    /// (`09-07-2025 8:00 EDT` is 7 September).
    #[schemars(with = "Option<String>")]
    pub month_first_after: Option<Spanned<String>>,
}

/// `[[byline]]`: a shape in which pages print their publication date ("Published June
/// 14, 2022", "By Jane Roe | July 9, 2022", a line that is only a date) or the place they
/// were written ("LYON, Oct 12 (Example Wire) -"). The pattern is matched on one line at a
/// time, as printed (not masked), within the `[page]` lines `where` allows.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct BylineDef {
    /// Unique id; `claims` names the byline a date was read from.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// What it reads, for `claimlint rules`.
    pub description: Option<String>,
    /// The regex, with `{fragment}` placeholders, a `{date:printed-date}` capture, and for
    /// a dateline a `(?P<place>…)` group.
    #[schemars(with = "String")]
    pub pattern: Spanned<String>,
    /// What the line is, which decides which date stands when a page prints several.
    pub kind: BylineKind,
    /// The word for it in explanations ("footer", "credit"); default: "byline", "date
    /// line", "dateline" or "update line", by its kind.
    pub noun: Option<String>,
    /// Where it may stand: `head`, `tail` or `edges` (both; the default).
    #[serde(default, rename = "where")]
    pub region: Region,
    /// A regex of words that look like a dateline's place but are labels ("FILE PHOTO:",
    /// "WATCH:"): a `place` it matches whole is no place, and the line no dateline.
    #[schemars(with = "Option<String>")]
    pub not_place: Option<Spanned<String>>,
    /// A regex of words that, as all that stands before the date in a match, say the line
    /// names no one: a header's weekday ("Wed | Oct 2, 2024") is no outlet's handle.
    #[schemars(with = "Option<String>")]
    pub not_before_date: Option<Spanned<String>>,
    /// The kind of entity the `place` must name, if any: a line that opens with a word in
    /// title case and a colon ("Lyon: The …") is a dateline only when it names a city, as
    /// "Note:" is a label and "Chad: Lobo visits Niger" a headline's topic.
    #[schemars(with = "Option<String>")]
    pub known_place: Option<Spanned<String>>,
}

/// What a byline line is. When a page prints several dates, the first kind in this order
/// that gives one day decides: published, byline, date-line, dateline, updated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum BylineKind {
    /// The date with a word that makes it the publication date: "Published June 14, 2022".
    Published,
    /// A date beside an author, an outlet or an agency: "By Jane Roe | July 9, 2022".
    Byline,
    /// A line that is mostly a date, perhaps with its weekday and time.
    DateLine,
    /// The place (and perhaps the date) a report was filed from: "LYON, Nov 5 —".
    Dateline,
    /// When the page was last changed: the publication date only when nothing else is
    /// printed, and the year of a dateline that prints none.
    Updated,
}

impl BylineKind {
    /// The name rules use for it.
    pub fn name(self) -> &'static str {
        match self {
            BylineKind::Published => "published",
            BylineKind::Byline => "byline",
            BylineKind::DateLine => "date-line",
            BylineKind::Dateline => "dateline",
            BylineKind::Updated => "updated",
        }
    }

    /// What explanations call such a line when its rule names it no other way.
    pub fn noun(self) -> &'static str {
        match self {
            BylineKind::Published | BylineKind::Byline => "byline",
            BylineKind::DateLine => "date line",
            BylineKind::Dateline => "dateline",
            BylineKind::Updated => "update line",
        }
    }
}

/// Which lines of a page a byline may stand on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Region {
    /// The first `head-lines` lines.
    Head,
    /// The last `tail-lines` lines.
    Tail,
    /// Either.
    #[default]
    Edges,
    /// Any line, the middle of a long page too: for a line whose own words say what it
    /// is ("Citation: …").
    Anywhere,
}

/// `[[check]]`: one cross-check, an instance of a generic check kind.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CheckDef {
    /// Unique id; diagnostics carry it as their rule id.
    #[schemars(with = "String")]
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
    #[schemars(with = "String")]
    pub keys: Spanned<String>,
    /// Only the claims these extractors make (default: the claims of every extractor). For
    /// `previous`: the claims that date the event before the article's own.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub extractors: Vec<Spanned<String>>,
    /// For `agree`: what is compared (`quantity`, `date`, `duration`, `number`,
    /// `ordinal`, or `when`: the day each claim puts its event on).
    #[schemars(with = "Option<String>")]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum CheckKind {
    /// An ordinal ("third visit") must match the event's place on the corpus timeline.
    Sequence,
    /// An enumeration of earlier events must list every earlier event the corpus records.
    Enumeration,
    /// The event a claim calls the previous one ("his previous visit, in March 2024") is
    /// the last the corpus records before the article's own.
    Previous,
    /// Claims with one key must agree.
    Agree,
    /// A weekday stated with an explicit date must match the calendar.
    Weekday,
    /// One article keeps to one spelling of each entity.
    Variant,
    /// Every article has a publication date.
    MissingDate,
    /// A publication date read from the page (a byline, a dateline) rather than declared.
    InferredDate,
}

/// How serious a finding is.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Deserialize,
    serde::Serialize,
    schemars::JsonSchema,
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
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct KindDef {
    /// The kind's id, used as a capture type (`{visitor:person}`).
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// What the kind is, for `claimlint rules`.
    pub description: Option<String>,
    /// A regex of the words that refer to an entity of this kind without naming it ("his",
    /// "the general"); such a capture resolves to the nearest entity of the kind in the
    /// same sentence. `{kind}` in it stands for any entity of that kind.
    #[schemars(with = "Option<String>")]
    pub anaphora: Option<Spanned<String>>,
    /// A regex of the pronouns among `anaphora` that stand for a clause's subject ("he",
    /// "she"): such a capture resolves to the subject of its sentence, the first entity of
    /// the kind named before it there (or the one that opens its clause: "met Mba, who
    /// said he …"), else as `anaphora` does.
    #[schemars(with = "Option<String>")]
    pub subject_anaphora: Option<Spanned<String>>,
    /// A regex of definite descriptions ("the general"); such a capture resolves to the
    /// entity of the kind last named before it, in the sentence or earlier in the article.
    /// `{kind}` in it stands for any entity of that kind ("the {country} general").
    #[schemars(with = "Option<String>")]
    pub definite: Option<Spanned<String>>,
}

/// `[[entity]]`: one entity.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct EntityDef {
    /// Canonical id, used in claim keys.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// The entity's kind, declared by a `[[kind]]`.
    #[schemars(with = "String")]
    pub kind: Spanned<String>,
    /// Display name; also a form it is written as.
    pub name: String,
    /// Other forms it is written as (surname, short name, adjective).
    #[serde(default)]
    pub names: Vec<String>,
    /// Groups of interchangeable spellings of a word of its names, e.g.
    /// `[["Petrov", "Petroff"]]`; one article should keep to one.
    #[serde(default)]
    pub spellings: Vec<Vec<String>>,
    /// The entity this one lies in or belongs to (a city's country).
    #[schemars(with = "Option<String>")]
    pub part_of: Option<Spanned<String>>,
    /// The entity it comes from without lying in it: a person's country. A visit's host
    /// that an extractor infers is never the visitor's home (see `unlike` in `infer`).
    #[schemars(with = "Option<String>")]
    pub home: Option<Spanned<String>>,
    /// Offices it holds or held, with their terms: `[{ office = "president", from =
    /// "2020-05-01", to = "2024-04-30" }]`.
    #[serde(default)]
    pub offices: Vec<TermDef>,
    /// A generated entry (a list of the world's places) that gives way to a declared
    /// entity: left out where one has its id, its names that one is written as dropped.
    #[serde(default)]
    pub fallback: bool,
}

/// `[[unit]]`: a unit of measure.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct UnitDef {
    /// Canonical id, e.g. `km`.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// Every way it is written.
    pub names: Vec<String>,
    /// The base unit it converts to, e.g. `m`.
    pub base: String,
    /// How many base units one of it is.
    pub factor: f64,
}

/// `[modality]`: cues for planned or future mentions.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ModalityDef {
    /// Regexes; a claim whose clause matches one is planned, not reported.
    #[schemars(with = "Vec<String>")]
    pub planned: Vec<Spanned<String>>,
    /// Regexes that plan a claim as `planned` does, unless its day is the article's own or
    /// one it states before it: a journey in the present tense on a named weekday
    /// ("arrives in Chad on Monday") is to come, or news on that very day.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub planned_ahead: Vec<Spanned<String>>,
    /// Regexes of words that open a clause of its own ("since", "after he was
    /// appointed", "that is expected to"): its dates and its cues are its own, and date
    /// and make planned no claim outside it.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub clause_openers: Vec<Spanned<String>>,
    /// Regexes of words that open a clause at the time of the clause it hangs on ("when
    /// she arrives", "once he lands"): set aside like a clause of its own, but a claim in
    /// it takes that clause's date and tense when its own words give none ("will meet Mba
    /// on Friday when she arrives for a visit": a visit planned for Friday).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub same_time_openers: Vec<Spanned<String>>,
    /// Regexes of words that open a clause of its own time in the tense of the clause it
    /// hangs on ("before heading to Mali", "after arriving in Chad"): its dates are its own,
    /// but a cue of that clause plans it ("will hold talks in Lomé before heading to Mali on
    /// Thursday": a trip planned for Thursday).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub same_tense_openers: Vec<Spanned<String>>,
    /// Regexes of a word that opens the name of a claim's party right after its match ("a
    /// visit to", "the visit of"), matched whole: where a page cut off mid-sentence ends
    /// in one, the party it would have named is not inferred from elsewhere.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub party_openers: Vec<Spanned<String>>,
    /// Regexes of the words that open a predicate telling an event's own time after an
    /// aside set off by commas ("will be held", "took place"), matched at a clause's
    /// start: the clause is the predicate of the subject before the aside, whose claim
    /// takes its dates and cues ("Lobo's visit to Chad, her first since 2010, will be held
    /// on May 3").
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub predicate_openers: Vec<Spanned<String>>,
    /// Regexes of words that report another event ("announced", "said"): a clause that
    /// holds one keeps its dates to itself ("It was announced yesterday that …").
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub reporting: Vec<Spanned<String>>,
    /// Regexes of a report and its day with no "that" after them ("told reporters on
    /// Sunday"): the words after a match open a clause of their own, what was reported,
    /// which the report's day does not date ("told reporters on Sunday the visit was
    /// expected soon").
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub reported_after: Vec<Spanned<String>>,
    /// Regexes of words that, in a claim's own match, say it happened ("arrived",
    /// "visited"): cues elsewhere in its clause ("to attend the upcoming summit") do not
    /// make it planned.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub done: Vec<Spanned<String>>,
    /// Regexes of words that, in a claim's own match or its clause, tell the event as news
    /// of the article's day ("has arrived", "has left for"): a claim no date of its own
    /// dates takes the article's day, as a guess.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub same_day: Vec<Spanned<String>>,
    /// Regexes of words that, in the clause of a claim the article dates, tell its event
    /// as under way on the article's day ("is on a visit", "is visiting"): the claim takes
    /// that day, and a length it states may have begun before it, as a guess.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub under_way: Vec<Spanned<String>>,
    /// Regexes of words that, right before a name, make it no subject ("met", "at the
    /// invitation of", "with his counterpart"): a slot inferred from the subject
    /// (`scope = "subject"`) skips it.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub not_subject: Vec<Spanned<String>>,
    /// Regexes of words that, right after a name, make it the subject of the clause they
    /// open (", who was on his first visit"): a `not-subject` cue before the name does not
    /// keep a pronoun in that clause from it.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub subject_after: Vec<Spanned<String>>,
    /// Regexes of words that, right after a name, make it the speaker of a report that
    /// names a subject of its own ("said the government had"): a slot inferred from the
    /// subject of a match further on in the report skips it.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub speaker_after: Vec<Spanned<String>>,
    /// Regexes of words that, right before a date relative to the article ("remains
    /// closed", "as it is known"), make it these days rather than a day: the date dates
    /// nothing, and does not wait on the article's date.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub nowadays: Vec<Spanned<String>>,
    /// Regexes of words that, in the sentence of a claim reported with no date, tell of
    /// another time than the article's event ("twice before", "had visited",
    /// "previously"): the claim takes no date from the article's other claims of its key.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub another_time: Vec<Spanned<String>>,
    /// Regexes of words that, in a claim's own match, make its event one before the
    /// article's ("his last visit to Chad", "her previous trip"): it takes no date from
    /// its sentence or the article, and no other claim takes its date.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub earlier: Vec<Spanned<String>>,
    /// Regexes of words that, in the clause of a claim, tell its event as a plan put off
    /// or called off ("cancelled his planned visit", "the trip was postponed"): the claim
    /// is planned, as by a `planned` cue, but of a plan no longer held: it takes no date of
    /// the article's other plans of its key, and gives them none.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub called_off: Vec<Spanned<String>>,
    /// Regexes of words that, right before a date, make it the day of a report ("in a
    /// statement on Sunday", "told reporters on Monday"), not of the event it reports: the
    /// date dates no claim.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub report_day: Vec<Spanned<String>>,
    /// Regexes of words that, right after a date, make it the day of a report ("the
    /// ministry today announced", "Lobo on Monday said"), not of the event it reports.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub report_day_after: Vec<Spanned<String>>,
    /// Regexes of the words between a date and a claim's words that put the claim's event
    /// around the date's ("said on Monday during a visit to Chad"): a report's day so
    /// followed dates the claim.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub during: Vec<Spanned<String>>,
    /// Regexes of the words between a claim's words and a range of days after them that
    /// make the range a whole the claim's event is a part of ("a visit to Chad as part of
    /// a regional tour from 10 to 15 September"): the claim takes any day of the
    /// range, as one of a list does, not its first.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub part_of_whole: Vec<Spanned<String>>,
    /// Regexes of words that, right before a claim's words, deny them ("this is not his
    /// first visit"): the match yields no claim.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub denied: Vec<Spanned<String>>,
    /// Regexes of words that, right after a claim's words, deny its event ("her visit has
    /// not been scheduled", "is not on the agenda", "will not take place"): the match yields
    /// no claim.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub denied_after: Vec<Spanned<String>>,
}

/// `[[extractor]]`: a pattern that yields one claim per match.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ExtractorDef {
    /// Unique id; the claims it makes name it.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// What it extracts, for `claimlint rules`.
    pub description: Option<String>,
    /// The regex, with `{fragment}` and `{name:type}` placeholders. One capture name may
    /// stand in several alternatives of the pattern, with one type.
    #[schemars(with = "String")]
    pub pattern: Spanned<String>,
    /// The claim key, built from captures: `visit/{visitor}/{host}`.
    #[schemars(with = "String")]
    pub key: Spanned<String>,
    /// The capture holding the claim's value; without it the claim is a mention.
    #[schemars(with = "Option<String>")]
    pub value: Option<Spanned<String>>,
    /// A date capture giving when the claimed event happened.
    #[schemars(with = "Option<String>")]
    pub date: Option<Spanned<String>>,
    /// Without a date capture, take the nearest date expression in the same sentence.
    #[serde(default)]
    pub date_in_sentence: bool,
    /// Failing that, the event happened at most this many days before the article date
    /// ("This visit marks …" in an article about the visit).
    pub dated_by_article: Option<u32>,
    /// With `dated-by-article`, the days after the article date the event may also lie
    /// in, when neither the claim's words nor the article say that it happened or that it
    /// is planned ("Lobo's visit", "her two-day visit": under way, or days away).
    pub dated_by_article_ahead: Option<u32>,
    /// A capture saying which day of the event the date is: an ordinal ("on the second
    /// day of his visit") or a duration, whose last day it is ("at the end of his
    /// four-day visit"). The claim is dated back to the event's first day.
    #[schemars(with = "Option<String>")]
    pub day_of_event: Option<Spanned<String>>,
    /// The date the claim finds is its event's last day, of a length no capture gives
    /// ("on the last day of his visit", "ends her visit today"): the event began up to
    /// this many days before it, a range the claim takes.
    pub date_ends_event: Option<u32>,
    /// The date the claim finds is a day during its event, perhaps not its first ("welcomed
    /// Lobo in Niamey on Tuesday"): the claim takes a day the article states for its key in
    /// this many days before it ("arrived on Monday"), and keeps its own when there is none.
    pub date_during_event: Option<u32>,
    /// A regex that, matching right after a match, discards it (a lookahead the regex
    /// engine lacks): `'\s+by\s+an?\b'` keeps "the third visit by a minister" out.
    /// Fragments and kinds (`{country}`) expand in it as in a pattern.
    #[schemars(with = "Option<String>")]
    pub not_followed_by: Option<Spanned<String>>,
    /// A regex that must match right after a match, or the match is discarded:
    /// `'{ordinal-period}'` keeps "his first visit to Chad" only before "since 2015".
    /// Fragments and kinds expand in it as in a pattern.
    #[schemars(with = "Option<String>")]
    pub followed_by: Option<Spanned<String>>,
    /// The claim states a lasting fact (a length, a signing in the past), not an event
    /// that may be planned: planned wording in its clause ("is expected to") leaves it
    /// reported.
    #[serde(default)]
    pub ignore_modality: bool,
    /// Its ordinal counts the events of a period named with it ("his first visit to Chad
    /// since 2015", "her second trip in ten years"), not all of them: no `sequence` check
    /// places it.
    #[serde(default)]
    pub ordinal_in_period: bool,
    /// Its claims tell of an event before the one the article reports ("his previous
    /// visit was in May 2019"): no other claim of the article takes its date.
    #[serde(default)]
    pub earlier_event: bool,
    /// Its words tell a journey, not a visit ("left for Niamey"): one a word referring
    /// back names, at home in the destination, goes home, and the claim is none unless
    /// the article's other claims of the event name its traveller.
    #[serde(default)]
    pub journey: bool,
    /// Key placeholders the pattern may not capture, and how to find them.
    #[serde(default)]
    pub infer: BTreeMap<String, InferDef>,
    /// A key slot whose entity must be away from home: the claim is made only when the
    /// rules or the article give that entity's `home` and no other slot of the key holds
    /// it ("met Ana Lobo in Niamey" is a visit of Lobo's only if she is known to be from
    /// elsewhere than Niger).
    #[schemars(with = "Option<String>")]
    pub away: Option<Spanned<String>>,
    /// A list capture (`{host:country+}`) each of whose entities makes a claim of its
    /// own, instead of one claim keyed by all of them: "visited Chad and Niger" is a visit
    /// to Chad and one to Niger. A list that names one entity (a city and its country are
    /// one) makes no claim: it is left to the extractors that read one.
    #[schemars(with = "Option<String>")]
    pub each: Option<Spanned<String>>,
}

/// How to fill a key placeholder that the match did not capture.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct InferDef {
    /// The entity kind to look for: the nearest in the sentence, else the one the
    /// article mentions most.
    #[schemars(with = "String")]
    pub kind: Spanned<String>,
    /// How many entities to take (2 for "the two countries"); they are joined with `+`.
    #[serde(default = "one")]
    pub count: usize,
    /// Where to look first: `sentence` (the nearest in the sentence, then the article),
    /// `subject` (the nearest before the match in its sentence, then the article) or
    /// `article` (the most mentioned in the article).
    #[serde(default)]
    pub scope: InferScope,
    /// Another slot whose entity's `home` this one never is: a visit's host is not the
    /// visitor's own country (`unlike = "visitor"`).
    pub unlike: Option<String>,
    /// A regex of words that, right before a name in the sentence, make it no party:
    /// "the tripoint with" before a third country, in "The border runs from the tripoint
    /// with Mali".
    #[schemars(with = "Option<String>")]
    pub not_after: Option<Spanned<String>>,
}

/// Where an inferred entity is looked for first.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum InferScope {
    /// The entity the article mentions most.
    #[default]
    Article,
    /// The nearest entity in the same sentence, else the article's most mentioned.
    Sentence,
    /// The nearest entity before the match in its sentence that no `not-subject` cue of
    /// `[modality]` makes an object — its subject, most often ("X is in Lyon on a four-day
    /// visit", not "the trip includes meetings with X"; "X met Y during his visit" is X's)
    /// — else the article's most mentioned.
    Subject,
    /// The place the article says it was written (its dateline: "arrived here"), else
    /// the article's most mentioned.
    Dateline,
}

fn one() -> usize {
    1
}
