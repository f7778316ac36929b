//! The rules, loaded from `rules/*.toml`, validated and compiled: entity kinds, the
//! gazetteer, units, modality cues and extractors with their regexes built once.

use crate::article::LineIndex;
use crate::gazetteer::{Entity, Gazetteer};
use crate::page::{Byline, Page};
use crate::pattern::{self, Placeholder};
use crate::people::{Office, People, Term};
use crate::prefilter::{self, Prefilter};
use crate::rule::{
    BylineDef, CheckDef, CheckKind, EntityDef, ExtractorDef, InferScope, ModalityDef, PeopleDef,
    RuleFile, Severity,
};
use crate::value::quantity::{self, Unit};
use crate::value::{self, date};
use chrono::NaiveDate;
use rayon::prelude::*;
use regex::{Regex, RegexBuilder};
use regex_automata::nfa::thompson::WhichCaptures;
use regex_automata::util::pool::Pool;
use regex_automata::{MatchKind, PatternID, meta};
use regex_syntax::ast::{Ast, Flags, GroupKind};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::ops::Range;
use std::panic::{RefUnwindSafe, UnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use toml::Spanned;

/// Upper bound on one compiled extractor regex (a large gazetteer makes large alternations).
const REGEX_SIZE_LIMIT: usize = 64 << 20;

/// A `[[byline]]` compiled: its file, its definition, the byline if it compiled, and
/// the errors found.
type CompiledByline<'p> = (usize, &'p BylineDef, Option<Byline>, Vec<RuleError>);

/// The lazy-DFA cache of one byline regex, per thread.
const BYLINE_DFA_CACHE: usize = 256 << 10;

/// The cache of the lazy automaton of a union of cues ([`cue_union`]). The `not-subject`
/// cues, matched before each name a claim may refer to, thrashed at the default 2 MiB:
/// 1.4 s of the benchmark's CPU time against 0.1 s at 8 MiB.
const CUE_DFA_CACHE: usize = 8 << 20;

/// The built-in value grammars a capture can be typed with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueType {
    /// "third", "2nd", "maiden".
    Ordinal,
    /// "1,000", "two".
    Number,
    /// Absolute or relative date: "July 2018", "on Tuesday", "last year".
    Date,
    /// An enumeration of dates: "July 2018 and October 2021".
    Dates,
    /// "two-day", "four days".
    Duration,
    /// A range of days, "14-16 May", "from Sunday to Tuesday": as a value, how many days
    /// it spans; as the date of a claim, its first day.
    DateRange,
    /// "607-kilometer", "some 1,000 km".
    Quantity,
    /// A date that names its weekday: "Tuesday, 12 October 2021".
    WeekdayDate,
    /// A date as pages print it about themselves: "June 14, 2022", "2022-06-14",
    /// "14/06/2022", "FEB 20".
    PrintedDate,
}

impl ValueType {
    /// Every value type, with the name rules use for it.
    pub const ALL: [(&'static str, ValueType); 9] = [
        ("ordinal", ValueType::Ordinal),
        ("number", ValueType::Number),
        ("date", ValueType::Date),
        ("dates", ValueType::Dates),
        ("duration", ValueType::Duration),
        ("date-range", ValueType::DateRange),
        ("quantity", ValueType::Quantity),
        ("weekday-date", ValueType::WeekdayDate),
        ("printed-date", ValueType::PrintedDate),
    ];

    fn from_name(name: &str) -> Option<ValueType> {
        Self::ALL.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
    }
}

/// What a capture holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaptureType {
    /// A value of a built-in grammar.
    Value(ValueType),
    /// An entity of a kind, or with `list` several ("Chad and Niger").
    Entity {
        /// The kind id.
        kind: String,
        /// Whether the capture is a list of entities.
        list: bool,
    },
    /// Plain text from a regex group `(?P<name>…)`, slugged in keys.
    Text,
}

/// A part of a key template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyPart {
    /// Text taken as is.
    Literal(String),
    /// A capture or inferred entity, by name.
    Slot(String),
}

/// How to fill a key slot the match did not capture.
#[derive(Debug, Clone)]
pub struct Infer {
    /// Entity kind to look for.
    pub kind: String,
    /// How many entities to take.
    pub count: usize,
    /// Where to look first.
    pub scope: InferScope,
    /// The slot whose entity's home this one never is.
    pub unlike: Option<String>,
    /// Words right before a name that make it no party; anchored at the end, to be
    /// matched on the text of the sentence before the name.
    pub not_after: Option<Regex>,
}

/// A named capture of an extractor: its type and the regex groups that hold it (one per
/// alternative of the pattern it appears in).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Capture {
    /// What it holds.
    pub ty: CaptureType,
    /// The regex group names, the first being the capture's own name.
    pub groups: Vec<String>,
}

/// An entity kind.
#[derive(Debug)]
pub struct Kind {
    /// Its id.
    pub id: String,
    /// What it is.
    pub description: Option<String>,
    /// Pronouns that refer to an entity of the kind without naming it.
    pub anaphora: Option<Regex>,
    /// The pronouns among `anaphora` that stand for a clause's subject.
    pub subject_anaphora: Option<Regex>,
    /// Definite descriptions that refer to an entity of the kind named before.
    pub definite: Option<Regex>,
}

/// Makes a search cache of an extractor's regex (see [`Extractor::caches`]).
pub type CacheFn = Box<dyn Fn() -> meta::Cache + Send + Sync + UnwindSafe + RefUnwindSafe>;

/// A compiled extractor.
#[derive(Debug)]
pub struct Extractor {
    /// Unique id.
    pub id: Arc<str>,
    /// The rule file it comes from.
    pub file: PathBuf,
    /// What it extracts.
    pub description: Option<String>,
    /// The pattern as written in the rule file.
    pub source: String,
    /// The compiled pattern, placeholders expanded; entity slots match masked tokens
    /// (see [`Gazetteer::mask`]).
    pub regex: meta::Regex,
    /// Search caches of `regex`, one taken for each run of the extractor over a batch of
    /// articles: the regex's own pool, asked at every search, takes a lock each time on
    /// every thread but one.
    pub caches: Pool<meta::Cache, CacheFn>,
    /// The text of `regex`.
    pub pattern: String,
    /// Sets of words such that every match contains one word of each (ASCII lower case):
    /// the extractor searches only lines holding one of each (see [`Prefilter`]).
    pub required: Vec<Vec<String>>,
    /// The pattern with a mark ([`names_mark`]) in each entity slot, where
    /// [`RuleSet::pattern_line`] spells out the kind's names.
    pub literal: String,
    /// The key template.
    pub key: Vec<KeyPart>,
    /// Every named capture.
    pub captures: BTreeMap<String, Capture>,
    /// The capture holding the value.
    pub value: Option<String>,
    /// The date capture giving when the event happened.
    pub date: Option<String>,
    /// Whether to look for a date in the same sentence.
    pub date_in_sentence: bool,
    /// Days before the article date within which the event happened, when nothing else
    /// dates it.
    pub dated_by_article: Option<u32>,
    /// Days after the article date the event may lie in too, when nothing says it
    /// happened or is planned.
    pub dated_by_article_ahead: Option<u32>,
    /// The capture (an ordinal or a duration) saying which day of the event its date
    /// is: the claim is dated back to the first.
    pub day_of_event: Option<String>,
    /// Days before the date the claim finds, its event's last, that the event may have
    /// begun.
    pub date_ends_event: Option<u32>,
    /// Days before the date the claim finds, a day during its event, in which a day the
    /// article states for its key is the event's first.
    pub date_during_event: Option<u32>,
    /// Slots to infer when not captured.
    pub infer: BTreeMap<String, Infer>,
    /// Discards a match that this regex matches right after (anchored at the match end).
    pub not_followed_by: Option<Regex>,
    /// Keeps a match only when this regex matches right after it (anchored at its end).
    pub followed_by: Option<Regex>,
    /// Whether planned cues are ignored: the claim is always reported.
    pub ignore_modality: bool,
    /// Whether its ordinal counts only the events of a period named with it.
    pub ordinal_in_period: bool,
    /// Whether its claims tell of an event before the one the article reports.
    pub earlier_event: bool,
    /// Whether its words tell a journey, not a visit: one referred back to at home in the
    /// destination goes home.
    pub journey: bool,
    /// The key slot whose entity must be known to be away from home.
    pub away: Option<String>,
    /// The list capture each of whose entities makes a claim of its own; a list of one
    /// makes none.
    pub each: Option<String>,
}

/// A test case from a rule file.
#[derive(Debug, Clone)]
pub struct RuleTest {
    /// The rule file.
    pub file: PathBuf,
    /// Its line in the file.
    pub line: usize,
    /// The extractor, check or byline under test.
    pub rule: String,
    /// What the case shows.
    pub name: String,
    /// The articles: (publication date as written, text).
    pub articles: Vec<(Option<String>, String)>,
    /// The expected claims (`key = value`), finding messages, or what a byline read
    /// (`date = 2022-06-14`, `place = TOKYO`, `no date: …`).
    pub expect: Vec<String>,
}

/// A compiled check.
#[derive(Debug, Clone)]
pub struct Check {
    /// Unique id, the rule id of its diagnostics.
    pub id: String,
    /// The rule file it comes from.
    pub file: PathBuf,
    /// The generic check it runs.
    pub kind: CheckKind,
    /// Severity of its findings.
    pub severity: Severity,
    /// One line: what it checks.
    pub description: Option<String>,
    /// The longer explanation.
    pub explanation: Option<String>,
    /// An example of what it finds.
    pub example: Option<String>,
    /// Glob over claim keys (`*` matches any text).
    pub keys: String,
    /// Extractors whose claims it looks at; empty: all.
    pub extractors: Vec<String>,
    /// Extractors whose ordinals count the events of a period only, which a `sequence`
    /// check places on no timeline, only bounds by the rank of their event.
    pub ordinals_in_period: Vec<Arc<str>>,
    /// For `agree`: the value type compared.
    pub value: Option<String>,
    /// Mentions this many days apart or closer are one event.
    pub window_days: u32,
    /// Largest difference that still agrees (durations in days, numbers).
    pub tolerance: f64,
    /// One event, in words.
    pub noun: String,
    /// Several events, in words.
    pub noun_plural: String,
}

impl Check {
    /// Whether the check looks at claims with `key`.
    pub fn applies_to(&self, key: &str) -> bool {
        glob_match(&self.keys, key)
    }

    /// Whether the check reads the claims `extractor` makes.
    pub fn reads(&self, extractor: &str) -> bool {
        self.extractors.is_empty() || self.extractors.iter().any(|x| x == extractor)
    }
}

/// Matches `text` against a glob where `*` stands for any run of characters.
pub fn glob_match(glob: &str, text: &str) -> bool {
    let mut parts = glob.split('*');
    let first = parts.next().unwrap_or("");
    let Some(mut rest) = text.strip_prefix(first) else {
        return false;
    };
    let parts: Vec<&str> = parts.collect();
    for (i, part) in parts.iter().enumerate() {
        if i + 1 == parts.len() {
            return rest.ends_with(part);
        }
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    rest.is_empty()
}

/// The value types `agree` can compare, and `when`: the day each claim puts its event on.
const AGREE_VALUES: [&str; 8] = [
    "quantity", "date", "duration", "number", "ordinal", "entity", "text", "when",
];

/// A regex that matches nothing: what a kind without entities stands for.
const NOTHING: &str = r"(?:[^\s\S])";

/// A kind's description or pronoun regex. `{kind}` in it stands for any entity of that
/// kind, matched as its masked token, as extractor patterns are ("the {country} general").
fn kind_regex(
    src: &SourceFile,
    field: Option<&Spanned<String>>,
    kinds: &BTreeMap<String, Kind>,
    gazetteer: &Gazetteer,
    errors: &mut Vec<RuleError>,
) -> Option<Regex> {
    let written = field?;
    let start = src.content_start(&written.span());
    let known = |p: &Placeholder<'_>| {
        if p.ty.is_none() && kinds.contains_key(p.name) {
            Ok(())
        } else {
            Err(format!(
                "unknown kind `{}`{}",
                p.name,
                did_you_mean(p.name, kinds.keys().map(String::as_str))
            ))
        }
    };
    // Checked with each placeholder as a group of its own length, so that a syntax error
    // is reported where it is written.
    let same_length = pattern::expand(written.get_ref(), |p| {
        known(p).map(|()| format!("({})", "a".repeat(p.span.len() - 2)))
    });
    let same_length = match same_length {
        Ok(text) => text,
        Err(bad) => {
            for (span, message) in bad {
                errors.push(src.error(start + span.start, message));
            }
            return None;
        }
    };
    if let Some(e) = src.regex_error(&same_length, start) {
        errors.push(e);
        return None;
    }
    let expanded = pattern::expand(written.get_ref(), |p| {
        Ok(format!(
            "(?:{})",
            gazetteer
                .kind_token_pattern(p.name)
                .unwrap_or_else(|| NOTHING.to_string())
        ))
    })
    .unwrap_or_default();
    compile_regex(&pattern::ascii_word_boundaries(&expanded))
        .map_err(|e| errors.push(src.error(start, e)))
        .ok()
}

/// Where the names of `kind` go in an extractor's `literal`: a private-use character no
/// rule file writes, around the kind.
fn names_mark(kind: &str) -> String {
    format!("\u{E000}{kind}\u{E000}")
}

impl RuleSet {
    /// The pattern of extractor `x` with entity names in place of masked tokens, as `rg -f`
    /// reads patterns: on one line (comments and the white space of verbose `(?x)`
    /// patterns dropped), and without capture groups, whose names would clash once
    /// ripgrep joins all lines into one regex. It matches what the extractor matches.
    pub fn pattern_line(&self, x: &Extractor) -> String {
        let mut literal = x.literal.clone();
        for kind in self.kinds.keys() {
            let mark = names_mark(kind);
            if literal.contains(&mark) {
                let names = self
                    .gazetteer
                    .kind_pattern(kind)
                    .unwrap_or_else(|| NOTHING.to_string());
                literal = literal.replace(&mark, &pattern::ascii_word_boundaries(&names));
            }
        }
        let Ok(mut ast) = regex_syntax::ast::parse::Parser::new().parse(&literal) else {
            // Every extractor's pattern parsed when it compiled.
            return literal.replace(['\n', '\r'], " ");
        };
        without_captures(&mut ast);
        let mut line = String::new();
        regex_syntax::ast::print::Printer::new()
            .print(&ast, &mut line)
            .expect("printing to a string cannot fail");
        line
    }
}

/// Turns every capture group of `ast` into a non-capturing one.
fn without_captures(ast: &mut Ast) {
    match ast {
        Ast::Group(group) => {
            if !matches!(group.kind, GroupKind::NonCapturing(_)) {
                group.kind = GroupKind::NonCapturing(Flags {
                    span: group.span,
                    items: Vec::new(),
                });
            }
            without_captures(&mut group.ast);
        }
        Ast::Repetition(rep) => without_captures(&mut rep.ast),
        Ast::Concat(concat) => concat.asts.iter_mut().for_each(without_captures),
        Ast::Alternation(alt) => alt.asts.iter_mut().for_each(without_captures),
        _ => {}
    }
}

/// All rules, compiled.
#[derive(Debug)]
pub struct RuleSet {
    /// The rule files read, in order.
    pub files: Vec<PathBuf>,
    /// Entity kinds by id.
    pub kinds: BTreeMap<String, Kind>,
    /// The entities.
    pub gazetteer: Gazetteer,
    /// Units of measure.
    pub units: Vec<Unit>,
    /// Cues of planned or future wording.
    pub planned: Option<Regex>,
    /// Words that open a clause with dates and cues of its own.
    pub clause_openers: Option<Regex>,
    /// Words that open a clause at the time of the one it hangs on.
    pub same_time_openers: Option<Regex>,
    /// Words that open a clause of its own time in the tense of the one it hangs on.
    pub same_tense_openers: Option<Regex>,
    /// A word that opens the name of a party right after a claim's match, matched whole.
    pub party_openers: Option<Regex>,
    /// Words that open a predicate after an aside, at a clause's start.
    pub predicate_openers: Option<Regex>,
    /// Words that report another event: a clause with one keeps its dates.
    pub reporting: Option<Regex>,
    /// A report and its day with no "that": the words after open a clause of their own.
    pub reported_after: Option<Regex>,
    /// Words that, in a claim's match, say it happened: no cue outside the match plans it.
    pub done: Option<Regex>,
    /// Words that, in a claim's match or its clause, tell it as news of the article's day.
    pub same_day: Option<Regex>,
    /// Words that, in the clause of a claim the article dates, tell its event under way.
    pub under_way: Option<Regex>,
    /// Words that, right before a name, make it no subject; anchored at the end, to be
    /// matched on the text before the name.
    pub not_subject: Option<Regex>,
    /// Words that, right after a name, make it the subject of the clause they open;
    /// anchored at the start, to be matched on the text after the name.
    pub subject_after: Option<Regex>,
    /// Words that, right after a name, make it the speaker of a report with a subject of
    /// its own; anchored at the start, to be matched on the text after the name.
    pub speaker_after: Option<Regex>,
    /// Words that, right before a relative date, make it these days rather than a day;
    /// anchored at the end, to be matched on the text before the date.
    pub nowadays: Option<Regex>,
    /// Words that, in the sentence of a claim reported with no date, tell of another time
    /// than the article's event.
    pub another_time: Option<Regex>,
    /// Words that, in a claim's own match, make its event one before the article's.
    pub earlier: Option<Regex>,
    /// Words that, in a claim's clause, tell its event as a plan put off or called off
    /// (a planned cue too).
    pub called_off: Option<Regex>,
    /// Whole cues that plan a claim only when its day is not the article's (planned cues
    /// too); anchored, to be matched on a claim's cue.
    pub planned_ahead: Option<Regex>,
    /// Words that, right before a date, make it the day of a report; anchored at the end,
    /// to be matched on the text before the date.
    pub report_day: Option<Regex>,
    /// Words that, right after a date, make it the day of a report; anchored at the start,
    /// to be matched on the text after the date.
    pub report_day_after: Option<Regex>,
    /// Words that, right before a claim's words, put its event around the date of what
    /// the sentence says happened then.
    pub during: Option<Regex>,
    /// Words between a claim's words and a range of days after them that make the range a
    /// whole the claim's event is a part of.
    pub part_of_whole: Option<Regex>,
    /// Words that, right before a claim's words, deny them; anchored at the end, to be
    /// matched on the text before the match.
    pub denied: Option<Regex>,
    /// Words that, right after a claim's words, deny its event; anchored at the start, to
    /// be matched on the text of its sentence after the match.
    pub denied_after: Option<Regex>,
    /// The extractors, in file and declaration order.
    pub extractors: Vec<Extractor>,
    /// The checks, in file and declaration order.
    pub checks: Vec<Check>,
    /// The rule files' own test cases.
    pub tests: Vec<RuleTest>,
    /// Regex of any date expression, for dates found in a sentence.
    pub date_regex: Regex,
    /// Which extractors can match in which paragraph.
    pub prefilter: Prefilter,
    /// Where pages print their own date and place, and how.
    pub page: Page,
    /// How people no rule declares are recognized.
    pub people: Option<People>,
}

/// A problem in a rule file, at a position in it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RuleError {
    /// The rule file.
    pub path: PathBuf,
    /// Byte range of the offending text in the file (empty when it concerns the whole file).
    pub range: Range<usize>,
    /// 1-based line, 0 when the error concerns the file as a whole.
    pub line: usize,
    /// 1-based column in characters.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

impl RuleError {
    /// An error about a file as a whole (it cannot be read, it is missing).
    pub fn whole_file(path: &Path, message: impl Into<String>) -> RuleError {
        RuleError {
            path: path.to_path_buf(),
            range: 0..0,
            line: 0,
            column: 0,
            message: message.into(),
        }
    }
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.path.display(), self.message)
        } else {
            write!(
                f,
                "{}:{}:{}: {}",
                self.path.display(),
                self.line,
                self.column,
                self.message
            )
        }
    }
}

struct SourceFile {
    path: PathBuf,
    text: String,
    index: LineIndex,
}

impl SourceFile {
    fn error(&self, offset: usize, message: impl Into<String>) -> RuleError {
        let end = self.text[offset.min(self.text.len())..]
            .find(['\n', ',', '}'])
            .map_or(self.text.len(), |i| offset + i);
        self.error_at(offset..end, message)
    }

    fn error_at(&self, range: Range<usize>, message: impl Into<String>) -> RuleError {
        let (line, column) = self.index.position(&self.text, range.start);
        RuleError {
            path: self.path.clone(),
            range,
            line,
            column,
            message: message.into(),
        }
    }

    /// A syntax error in the regex `raw` (a rule's own text, starting at byte `start` of
    /// the file), at its position inside the pattern. Placeholders are masked by neutral
    /// text of the same length, so positions are the author's.
    fn regex_error(&self, raw: &str, start: usize) -> Option<RuleError> {
        let mut masked = raw.to_string();
        for p in pattern::placeholders(raw) {
            let len = p.span.len();
            let neutral = if len >= 4 {
                format!("(?:{})", "x".repeat(len - 4))
            } else {
                "x".repeat(len)
            };
            masked.replace_range(p.span.clone(), &neutral);
        }
        let error = regex_syntax::ParserBuilder::new()
            .build()
            .parse(&masked)
            .err()?;
        let (span, kind) = match &error {
            regex_syntax::Error::Parse(e) => (*e.span(), e.kind().to_string()),
            regex_syntax::Error::Translate(e) => (*e.span(), e.kind().to_string()),
            _ => return Some(self.error(start, format!("invalid regex: {error}"))),
        };
        let at = start + span.start.offset;
        let end = (start + span.end.offset).max(at + 1).min(start + raw.len());
        Some(self.error_at(at..end, format!("invalid regex: {kind}")))
    }

    /// Where the content of the string value at `span` starts, past its quotes.
    fn content_start(&self, span: &Range<usize>) -> usize {
        let raw = &self.text[span.start.min(self.text.len())..];
        if raw.starts_with("'''") || raw.starts_with("\"\"\"") {
            let after = span.start + 3;
            after + usize::from(self.text[after..].starts_with('\n'))
        } else {
            span.start + 1
        }
    }
}

/// The `.toml` files of a rules folder, sorted; or the file itself if `path` is a file.
pub fn rule_files(path: &Path) -> Result<Vec<PathBuf>, RuleError> {
    let io_error =
        |e: std::io::Error| RuleError::whole_file(path, format!("cannot read rules: {e}"));
    if path.is_file() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(io_error)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml") && p.is_file())
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(RuleError::whole_file(path, "no rule files (*.toml) here"));
    }
    Ok(files)
}

impl RuleSet {
    /// Loads and compiles the rule files under `paths` (folders or single files), in the
    /// order given. Every error found is returned, not only the first.
    pub fn load(paths: &[PathBuf]) -> Result<RuleSet, Vec<RuleError>> {
        let mut files = Vec::new();
        let mut errors = Vec::new();
        for path in paths {
            match rule_files(path) {
                Ok(found) => files.extend(found),
                Err(e) => errors.push(e),
            }
        }
        let mut sources = Vec::new();
        for path in files {
            match std::fs::read_to_string(&path) {
                Ok(text) => sources.push((path, text)),
                Err(e) => errors.push(RuleError::whole_file(&path, format!("cannot read: {e}"))),
            }
        }
        match Self::compile(sources) {
            Ok(rules) if errors.is_empty() => Ok(rules),
            Ok(_) => Err(errors),
            Err(more) => {
                errors.extend(more);
                Err(errors)
            }
        }
    }

    /// Compiles rule files given as (path, text) pairs.
    pub fn compile(files: Vec<(PathBuf, String)>) -> Result<RuleSet, Vec<RuleError>> {
        let mut errors = Vec::new();
        let mut parsed = Vec::new();
        for (path, text) in files {
            let source = SourceFile {
                index: LineIndex::new(&text),
                path,
                text,
            };
            let (file, problems) = crate::rule::parse(&source.text);
            for (range, message) in problems {
                errors.push(source.error_at(range, message));
            }
            parsed.push((source, file));
        }
        let compiler = Compiler::new(&parsed, &mut errors);
        let rules = compiler.finish(&parsed, &mut errors);
        // A broken fragment is reported once, however many extractors use it.
        let mut seen = HashSet::new();
        errors.retain(|e| seen.insert(e.clone()));
        // In reading order, file by file.
        errors.sort_by(|a, b| (&a.path, a.range.start).cmp(&(&b.path, b.range.start)));
        if errors.is_empty() {
            Ok(rules)
        } else {
            Err(errors)
        }
    }

    /// The extractor with `id`.
    pub fn extractor(&self, id: &str) -> Option<&Extractor> {
        self.extractors.iter().find(|e| &*e.id == id)
    }
}

/// The names a rule can use as capture types: value types and kinds.
fn known_types(kinds: &BTreeMap<String, Kind>) -> Vec<String> {
    ValueType::ALL
        .iter()
        .map(|(n, _)| n.to_string())
        .chain(kinds.keys().cloned())
        .collect()
}

/// A suggestion for a misspelt name: the known name at the smallest edit distance, if close.
pub fn did_you_mean<'a>(name: &str, known: impl IntoIterator<Item = &'a str>) -> String {
    known
        .into_iter()
        .map(|k| (strsim::levenshtein(name, k), k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 3))
        .min()
        .map_or(String::new(), |(_, k)| format!(" (did you mean `{k}`?)"))
}

struct Compiler {
    kinds: BTreeMap<String, Kind>,
    gazetteer: Gazetteer,
    units: Vec<Unit>,
    planned: Option<Regex>,
    clause_openers: Option<Regex>,
    same_time_openers: Option<Regex>,
    same_tense_openers: Option<Regex>,
    party_openers: Option<Regex>,
    predicate_openers: Option<Regex>,
    reporting: Option<Regex>,
    reported_after: Option<Regex>,
    done: Option<Regex>,
    same_day: Option<Regex>,
    under_way: Option<Regex>,
    not_subject: Option<Regex>,
    subject_after: Option<Regex>,
    speaker_after: Option<Regex>,
    nowadays: Option<Regex>,
    another_time: Option<Regex>,
    earlier: Option<Regex>,
    called_off: Option<Regex>,
    planned_ahead: Option<Regex>,
    report_day: Option<Regex>,
    report_day_after: Option<Regex>,
    during: Option<Regex>,
    part_of_whole: Option<Regex>,
    denied: Option<Regex>,
    denied_after: Option<Regex>,
    fragments: HashMap<String, Fragment>,
    /// Per kind, its descriptions and pronouns as written, for `rules --patterns`.
    referring: HashMap<String, Vec<String>>,
    /// The cue regexes compiled so far (see [`Compiler::cue_regex`]), by their text: many
    /// extractors share a cue (every visit's `not-after`), which compiles once and is
    /// shared, its automaton with it.
    cues: std::sync::Mutex<HashMap<String, Regex>>,
    /// The required words of the capture groups of the extractors compiled so far (see
    /// [`prefilter::Memo`]).
    required: prefilter::Memo,
}

/// A `[fragment]` of a rule file: the file's index, its text, and its syntax check
/// (see [`SourceFile::regex_error`]), made the first time the fragment is expanded and
/// kept, since every extractor that uses the fragment expands it again.
struct Fragment {
    file: usize,
    body: Spanned<String>,
    check: OnceLock<Option<RuleError>>,
}

/// Where an expansion is: the fragments being expanded (to catch cycles), and whether
/// entity slots expand to the names themselves (for `rules --patterns`) rather than to
/// masked tokens (for extraction).
#[derive(Default)]
struct Expansion {
    fragments: Vec<String>,
    names: bool,
    /// The pattern runs on text as printed (a byline), where no entity is masked.
    unmasked: bool,
    /// Placeholders of the pattern's own, by name, with their regexes.
    own: BTreeMap<&'static str, String>,
}

impl Compiler {
    fn new(parsed: &[(SourceFile, RuleFile)], errors: &mut Vec<RuleError>) -> Compiler {
        let mut kinds = BTreeMap::new();
        let mut kind_defs = Vec::new();
        for (src, file) in parsed {
            for k in &file.kind {
                let id = k.id.get_ref().clone();
                if kinds.contains_key(&id) {
                    errors.push(
                        src.error(k.id.span().start, format!("kind `{id}` is declared twice")),
                    );
                    continue;
                }
                kinds.insert(
                    id.clone(),
                    Kind {
                        id,
                        description: k.description.clone(),
                        anaphora: None,
                        subject_anaphora: None,
                        definite: None,
                    },
                );
                kind_defs.push((src, k));
            }
        }
        let gazetteer = Self::gazetteer(parsed, &kinds, errors);
        // A kind's pronouns and descriptions may name other kinds ("the {country} general"):
        // compiled once the gazetteer gives each kind its masked token.
        let mut referring = HashMap::new();
        for (src, k) in kind_defs {
            let id = k.id.get_ref();
            let sources = [&k.definite, &k.anaphora];
            let [definite, anaphora] =
                sources.map(|field| kind_regex(src, field.as_ref(), &kinds, &gazetteer, errors));
            referring.insert(
                id.clone(),
                sources
                    .into_iter()
                    .flatten()
                    .map(|s| s.get_ref().clone())
                    .collect(),
            );
            let subject_anaphora =
                kind_regex(src, k.subject_anaphora.as_ref(), &kinds, &gazetteer, errors);
            if let Some(kind) = kinds.get_mut(id) {
                kind.definite = definite;
                kind.anaphora = anaphora;
                kind.subject_anaphora = subject_anaphora;
            }
        }

        let mut units = Vec::new();
        for (src, file) in parsed {
            for u in &file.unit {
                if units.iter().any(|x: &Unit| &x.id == u.id.get_ref()) {
                    errors.push(src.error(
                        u.id.span().start,
                        format!("unit `{}` is declared twice", u.id.get_ref()),
                    ));
                    continue;
                }
                if u.names.is_empty() || !(u.factor.is_finite() && u.factor > 0.0) {
                    errors.push(src.error(
                        u.id.span().start,
                        format!(
                            "unit `{}` needs at least one name and a positive factor",
                            u.id.get_ref()
                        ),
                    ));
                    continue;
                }
                units.push(Unit {
                    id: u.id.get_ref().clone(),
                    names: u.names.clone(),
                    base: u.base.clone(),
                    factor: u.factor,
                });
            }
        }
        // A plan ahead of the article's day, or put off or called off, is a plan all the
        // same; an error in its cues is reported with the planned ones.
        let planned = cue_union_of(
            parsed,
            &[&|m| &m.planned, &|m| &m.planned_ahead, &|m| &m.called_off],
            ("", ""),
            errors,
        );
        let called_off = cue_union(parsed, |m| &m.called_off, ("", ""), &mut Vec::new());
        let planned_ahead = cue_union(parsed, |m| &m.planned_ahead, ("^", "$"), &mut Vec::new());
        let clause_openers = cue_union(parsed, |m| &m.clause_openers, ("", ""), errors);
        let same_time_openers = cue_union(parsed, |m| &m.same_time_openers, ("", ""), errors);
        let same_tense_openers = cue_union(parsed, |m| &m.same_tense_openers, ("", ""), errors);
        let party_openers = cue_union(parsed, |m| &m.party_openers, ("^", "$"), errors);
        let predicate_openers = cue_union(parsed, |m| &m.predicate_openers, ("^", ""), errors);
        let reporting = cue_union(parsed, |m| &m.reporting, ("", ""), errors);
        let reported_after = cue_union(parsed, |m| &m.reported_after, ("", ""), errors);
        let done = cue_union(parsed, |m| &m.done, ("", ""), errors);
        let same_day = cue_union(parsed, |m| &m.same_day, ("", ""), errors);
        let under_way = cue_union(parsed, |m| &m.under_way, ("", ""), errors);
        let not_subject = cue_union(parsed, |m| &m.not_subject, ("", r"\s*$"), errors);
        let subject_after = cue_union(parsed, |m| &m.subject_after, ("^", ""), errors);
        let speaker_after = cue_union(parsed, |m| &m.speaker_after, ("^", ""), errors);
        let nowadays = cue_union(parsed, |m| &m.nowadays, ("", r"\s*$"), errors);
        let another_time = cue_union(parsed, |m| &m.another_time, ("", ""), errors);
        let earlier = cue_union(parsed, |m| &m.earlier, ("", ""), errors);
        let report_day = cue_union(parsed, |m| &m.report_day, ("", r"\s*$"), errors);
        let report_day_after = cue_union(parsed, |m| &m.report_day_after, (r"^\s*", ""), errors);
        let during = cue_union(parsed, |m| &m.during, ("", ""), errors);
        let part_of_whole = cue_union(parsed, |m| &m.part_of_whole, ("", ""), errors);
        let denied = cue_union(parsed, |m| &m.denied, ("", r"\s*$"), errors);
        let denied_after = cue_union(parsed, |m| &m.denied_after, (r"^\s*", ""), errors);
        let mut fragments = HashMap::new();
        for (file_index, (src, file)) in parsed.iter().enumerate() {
            for (name, body) in &file.fragment {
                if fragments.contains_key(name) {
                    errors.push(src.error(
                        body.span().start,
                        format!("fragment `{name}` is declared twice"),
                    ));
                } else {
                    fragments.insert(
                        name.clone(),
                        Fragment {
                            file: file_index,
                            body: body.clone(),
                            check: OnceLock::new(),
                        },
                    );
                }
            }
        }
        Compiler {
            kinds,
            gazetteer,
            units,
            planned,
            clause_openers,
            same_time_openers,
            same_tense_openers,
            party_openers,
            predicate_openers,
            reporting,
            reported_after,
            done,
            same_day,
            under_way,
            not_subject,
            subject_after,
            speaker_after,
            nowadays,
            another_time,
            earlier,
            called_off,
            planned_ahead,
            report_day,
            report_day_after,
            during,
            part_of_whole,
            denied,
            denied_after,
            fragments,
            referring,
            cues: Default::default(),
            required: Default::default(),
        }
    }

    /// The entities of every rule file. A `fallback` entity (a generated list of places)
    /// gives way to a declared one: it is left out where a declared entity has its id, and
    /// its names that a declared entity is written as are dropped.
    fn gazetteer(
        parsed: &[(SourceFile, RuleFile)],
        kinds: &BTreeMap<String, Kind>,
        errors: &mut Vec<RuleError>,
    ) -> Gazetteer {
        let all = || {
            parsed
                .iter()
                .flat_map(|(src, file)| file.entity.iter().map(move |e| (src, e)))
        };
        let declared_ids: HashSet<&str> = all()
            .filter(|(_, e)| !e.fallback)
            .map(|(_, e)| e.id.get_ref().as_str())
            .collect();
        let declared_names: HashSet<&str> = all()
            .filter(|(_, e)| !e.fallback)
            .flat_map(|(_, e)| std::iter::once(&e.name).chain(&e.names))
            .map(String::as_str)
            .collect();
        let kept: Vec<(&SourceFile, &EntityDef)> = all()
            .filter(|(_, e)| !e.fallback || !declared_ids.contains(e.id.get_ref().as_str()))
            .collect();
        let mut ids: HashMap<String, usize> = HashMap::new();
        let mut unique = Vec::with_capacity(kept.len());
        for (src, e) in kept {
            let id = e.id.get_ref();
            if ids.contains_key(id) {
                errors.push(src.error(
                    e.id.span().start,
                    format!("entity `{id}` is declared twice"),
                ));
            } else {
                ids.insert(id.clone(), unique.len());
                unique.push((src, e));
            }
        }
        let mut entries = Vec::with_capacity(unique.len());
        for (src, e) in unique {
            if !kinds.contains_key(e.kind.get_ref()) {
                errors.push(src.error(
                    e.kind.span().start,
                    format!(
                        "unknown kind `{}`{}",
                        e.kind.get_ref(),
                        did_you_mean(e.kind.get_ref(), kinds.keys().map(String::as_str))
                    ),
                ));
            }
            let mut reference = |field: &Option<Spanned<String>>| {
                field.as_ref().and_then(|p| {
                    let found = ids.get(p.get_ref()).copied();
                    if found.is_none() {
                        errors.push(src.error(
                            p.span().start,
                            format!(
                                "unknown entity `{}`{}",
                                p.get_ref(),
                                did_you_mean(p.get_ref(), ids.keys().map(String::as_str))
                            ),
                        ));
                    }
                    found
                })
            };
            let part_of = reference(&e.part_of);
            let home = reference(&e.home);
            let mut names: Vec<String> = std::iter::once(&e.name)
                .chain(&e.names)
                .filter(|n| !e.fallback || !declared_names.contains(n.as_str()))
                .cloned()
                .collect();
            names.dedup();
            for group in &e.spellings {
                let used = group
                    .iter()
                    .any(|alt| names.iter().any(|n| n.split_whitespace().any(|w| w == alt)));
                if !used {
                    errors.push(src.error(
                        e.id.span().start,
                        format!(
                            "entity `{}`: spelling group {group:?} matches no word of its names",
                            e.id.get_ref()
                        ),
                    ));
                }
            }
            entries.push((
                Entity {
                    id: e.id.get_ref().as_str().into(),
                    kind: e.kind.get_ref().clone(),
                    name: e.name.as_str().into(),
                    part_of,
                    home,
                    spellings: e
                        .spellings
                        .iter()
                        .map(|g| g.iter().map(|s| s.as_str().into()).collect())
                        .collect(),
                },
                names,
            ));
        }
        Gazetteer::new(entries).unwrap_or_else(|e| {
            errors.push(RuleError::whole_file(
                Path::new("rules"),
                format!("entity names do not compile: {e}"),
            ));
            Gazetteer::default()
        })
    }

    /// Expands the placeholders of `body` (a pattern or fragment starting at byte `start` of
    /// rule file `file`): fragments recursively, typed captures registered in `captures`.
    /// Errors are pushed at their position; `None` if there were any.
    #[allow(clippy::too_many_arguments)]
    fn expand(
        &self,
        body: &str,
        file: usize,
        start: usize,
        parsed: &[(SourceFile, RuleFile)],
        captures: &mut BTreeMap<String, Capture>,
        state: &mut Expansion,
        errors: &mut Vec<RuleError>,
    ) -> Option<String> {
        if let Some(e) = parsed[file].0.regex_error(body, start) {
            errors.push(e);
            return None;
        }
        self.expand_checked(body, file, start, parsed, captures, state, errors)
    }

    /// [`Compiler::expand`] of a `body` whose syntax is checked already.
    #[allow(clippy::too_many_arguments)]
    fn expand_checked(
        &self,
        body: &str,
        file: usize,
        start: usize,
        parsed: &[(SourceFile, RuleFile)],
        captures: &mut BTreeMap<String, Capture>,
        state: &mut Expansion,
        errors: &mut Vec<RuleError>,
    ) -> Option<String> {
        let src = &parsed[file].0;
        let mut nested_failed = false;
        let result = pattern::expand(body, |p| match p.ty {
            Some(ty) => self.capture(p, ty, captures, state.names),
            None => {
                if let Some(own) = state.own.get(p.name) {
                    Ok(own.clone())
                } else if let Some(frag) = self.fragments.get(p.name) {
                    if state.fragments.iter().any(|s| s == p.name) {
                        return Err(format!(
                            "fragment `{}` refers to itself ({} → {})",
                            p.name,
                            state.fragments.join(" → "),
                            p.name
                        ));
                    }
                    state.fragments.push(p.name.to_string());
                    let frag_src = &parsed[frag.file].0;
                    let frag_start = frag_src.content_start(&frag.body.span());
                    let check = frag
                        .check
                        .get_or_init(|| frag_src.regex_error(frag.body.get_ref(), frag_start));
                    let inner = match check {
                        Some(e) => {
                            errors.push(e.clone());
                            None
                        }
                        None => self.expand_checked(
                            frag.body.get_ref(),
                            frag.file,
                            frag_start,
                            parsed,
                            captures,
                            state,
                            errors,
                        ),
                    };
                    state.fragments.pop();
                    match inner {
                        Some(text) => Ok(format!("(?:{text})")),
                        None => {
                            nested_failed = true;
                            Ok(String::new())
                        }
                    }
                } else if state.unmasked && self.kinds.contains_key(p.name) {
                    Err(format!(
                        "`{{{}}}` is an entity kind, and bylines read the page as printed, where no entity is marked; match a place with a `(?P<place>…)` group",
                        p.name
                    ))
                } else {
                    self.builtin_fragment(p.name, state.names)
                }
            }
        });
        match result {
            Ok(text) if !nested_failed => Some(text),
            Ok(_) => None,
            Err(errs) => {
                for (span, message) in errs {
                    errors.push(src.error(start + span.start, message));
                }
                None
            }
        }
    }

    /// The regex of a placeholder without a capture name that is not a rule fragment: a
    /// value grammar, or any entity of a kind.
    fn builtin_fragment(&self, name: &str, names: bool) -> Result<String, String> {
        if let Some(ty) = ValueType::from_name(name) {
            return Ok(format!("(?:{})", self.value_pattern(ty)));
        }
        if self.kinds.contains_key(name) {
            return Ok(self.kind_pattern(name, false, names));
        }
        let known: Vec<String> = self
            .fragments
            .keys()
            .cloned()
            .chain(known_types(&self.kinds))
            .collect();
        Err(format!(
            "unknown fragment `{name}`{}",
            did_you_mean(name, known.iter().map(String::as_str))
        ))
    }

    /// The regex group for a typed capture `{name:ty}`, registering it in `captures`. A name
    /// used again (in another alternative) gets a group of its own under the same capture.
    fn capture(
        &self,
        p: &Placeholder<'_>,
        ty: &str,
        captures: &mut BTreeMap<String, Capture>,
        names: bool,
    ) -> Result<String, String> {
        let (base, list) = match ty.strip_suffix('+') {
            Some(base) => (base, true),
            None => (ty, false),
        };
        if !p
            .name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_')
        {
            return Err(format!(
                "capture name `{}` may hold only letters, digits and `_`",
                p.name
            ));
        }
        let (capture, body) = if let Some(vt) = ValueType::from_name(base).filter(|_| !list) {
            (CaptureType::Value(vt), self.value_pattern(vt))
        } else if self.kinds.contains_key(base) {
            let body = if list {
                let one = self.kind_pattern(base, false, names);
                format!(r"{one}(?:(?:\s*,\s*|\s*,?\s+and\s+)(?:the\s+)?{one})*")
            } else {
                self.kind_pattern(base, true, names)
            };
            (
                CaptureType::Entity {
                    kind: base.to_string(),
                    list,
                },
                body,
            )
        } else {
            let known = known_types(&self.kinds);
            return Err(format!(
                "unknown type `{ty}` for capture `{}`{}",
                p.name,
                did_you_mean(base, known.iter().map(String::as_str))
            ));
        };
        let group = match captures.get_mut(p.name) {
            None => {
                captures.insert(
                    p.name.to_string(),
                    Capture {
                        ty: capture,
                        groups: vec![p.name.to_string()],
                    },
                );
                p.name.to_string()
            }
            Some(existing) if existing.ty == capture => {
                let group = format!("{}__{}", p.name, existing.groups.len() + 1);
                existing.groups.push(group.clone());
                group
            }
            Some(_) => {
                return Err(format!(
                    "capture `{}` appears twice with different types",
                    p.name
                ));
            }
        };
        Ok(format!("(?P<{group}>{body})"))
    }

    fn value_pattern(&self, ty: ValueType) -> String {
        match ty {
            ValueType::Ordinal => format!(r"(?-u:\b){}(?-u:\b)", value::ORDINAL),
            ValueType::Number => format!(
                r"(?-u:\b)(?:{}|{})(?-u:\b)",
                value::NUMBER_DIGITS,
                value::NUMBER_WORDS
            ),
            ValueType::Date => date::PATTERN.clone(),
            ValueType::WeekdayDate => date::WEEKDAY_DATE_PATTERN.clone(),
            ValueType::PrintedDate => crate::value::printed::PATTERN.clone(),
            ValueType::Dates => {
                let one = format!("(?:{})", &*date::PATTERN);
                format!(r"{one}(?:(?:\s*,\s*|\s*,?\s+and\s+)(?:(?:in|on)\s+)?{one})*")
            }
            ValueType::Duration => crate::value::duration::PATTERN.clone(),
            ValueType::DateRange => date::RANGE_PATTERN.clone(),
            ValueType::Quantity => quantity::pattern(&self.units),
        }
    }

    fn kind_pattern(&self, kind: &str, with_anaphora: bool, names: bool) -> String {
        let token = self.gazetteer.kind_token_pattern(kind);
        // With names: a mark, spelt out only when `rules --patterns` prints it.
        let named = if names {
            token.map(|_| names_mark(kind))
        } else {
            token
        };
        let mut alts: Vec<String> = named.into_iter().collect();
        if with_anaphora && names {
            // The kinds they name as marks too.
            for source in self.referring.get(kind).into_iter().flatten() {
                let marked = pattern::expand(source, |p| Ok(names_mark(p.name)));
                alts.push(format!("(?:{})", marked.unwrap_or_default()));
            }
        } else if with_anaphora && let Some(k) = self.kinds.get(kind) {
            for re in [&k.definite, &k.anaphora].into_iter().flatten() {
                alts.push(format!("(?:{})", re.as_str()));
            }
        }
        if alts.is_empty() {
            // A kind with no entity matches nothing.
            return NOTHING.to_string();
        }
        format!("(?:{})", alts.join("|"))
    }

    fn finish(self, parsed: &[(SourceFile, RuleFile)], errors: &mut Vec<RuleError>) -> RuleSet {
        let mut extractors: Vec<Extractor> = Vec::new();
        let defs: Vec<(usize, &ExtractorDef)> = parsed
            .iter()
            .enumerate()
            .flat_map(|(i, (_, file))| file.extractor.iter().map(move |def| (i, def)))
            .collect();
        let declared = defs.len();
        // Compiling the regexes is most of the start-up time: all extractors at once.
        // Bylines and people compile beside them, their errors kept for their turn.
        type Compiled = Vec<(Option<Extractor>, Vec<RuleError>)>;
        let ((compiled, bylines), (people, people_errors)): ((Compiled, _), _) = rayon::join(
            || {
                rayon::join(
                    || {
                        defs.par_iter()
                            .map(|&(file_index, def)| {
                                let mut found = Vec::new();
                                let x = self.extractor(file_index, def, parsed, &mut found);
                                (x, found)
                            })
                            .collect()
                    },
                    || self.bylines(parsed),
                )
            },
            || {
                let mut found = Vec::new();
                let people = self.people(parsed, &mut found);
                (people, found)
            },
        );
        for ((file_index, def), (x, found)) in defs.into_iter().zip(compiled) {
            if extractors.iter().any(|e| *e.id == **def.id.get_ref()) {
                errors.push(parsed[file_index].0.error(
                    def.id.span().start,
                    format!("extractor `{}` is declared twice", def.id.get_ref()),
                ));
                continue;
            }
            errors.extend(found);
            extractors.extend(x);
        }
        let mut checks: Vec<Check> = Vec::new();
        for (src, file) in parsed {
            for def in &file.check {
                if extractors.iter().any(|x| *x.id == **def.id.get_ref()) {
                    errors.push(src.error(
                        def.id.span().start,
                        format!(
                            "`{}` is already an extractor's id; checks and extractors share ids",
                            def.id.get_ref()
                        ),
                    ));
                    continue;
                }
                if checks.iter().any(|c| &c.id == def.id.get_ref()) {
                    errors.push(src.error(
                        def.id.span().start,
                        format!("check `{}` is declared twice", def.id.get_ref()),
                    ));
                    continue;
                }
                if let Some(check) = compile_check(src, def, errors) {
                    checks.push(check);
                }
            }
        }
        let in_period: Vec<Arc<str>> = (extractors.iter())
            .filter(|x| x.ordinal_in_period)
            .map(|x| x.id.clone())
            .collect();
        for check in &mut checks {
            check.ordinals_in_period.clone_from(&in_period);
        }
        // A check must look at keys some extractor makes (judged only when every extractor
        // compiled: a broken one says nothing about the keys it would make).
        let extractors_complete = extractors.len() == declared;
        let templates: Vec<String> = extractors
            .iter()
            .map(|x| {
                x.key
                    .iter()
                    .map(|p| match p {
                        KeyPart::Literal(t) => t.as_str(),
                        KeyPart::Slot(_) => "*",
                    })
                    .collect()
            })
            .collect();
        for (src, file) in parsed {
            for def in &file.check {
                for x in &def.extractors {
                    if extractors_complete && !extractors.iter().any(|e| *e.id == **x.get_ref()) {
                        errors.push(src.error_at(
                            x.span(),
                            format!(
                                "check `{}` names extractor `{}`, which is not declared{}",
                                def.id.get_ref(),
                                x.get_ref(),
                                did_you_mean(x.get_ref(), extractors.iter().map(|e| &*e.id))
                            ),
                        ));
                    }
                }
                let keys = def.keys.get_ref();
                let reachable = templates
                    .iter()
                    .any(|t| glob_match(keys, t) || glob_match(t, keys) || keys == "*");
                if !reachable && !templates.is_empty() && extractors_complete {
                    let mut known = templates.clone();
                    known.sort();
                    known.dedup();
                    errors.push(src.error_at(
                        def.keys.span(),
                        format!(
                            "check `{}` looks at keys `{keys}`, which no extractor makes (they make {})",
                            def.id.get_ref(),
                            known.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")
                        ),
                    ));
                }
            }
        }
        let page = self.page(parsed, bylines, &extractors, &checks, errors);
        errors.extend(people_errors);
        let tests = compile_tests(parsed, &extractors, &checks, &page, errors);
        let date_regex = compile_regex(&date::PATTERN).expect("built-in date grammar compiles");
        let prefilter = Prefilter::new(extractors.iter().map(|x| x.required.as_slice()));
        RuleSet {
            prefilter,
            tests,
            checks,
            files: parsed.iter().map(|(s, _)| s.path.clone()).collect(),
            kinds: self.kinds,
            gazetteer: self.gazetteer,
            units: self.units,
            planned: self.planned,
            clause_openers: self.clause_openers,
            same_time_openers: self.same_time_openers,
            same_tense_openers: self.same_tense_openers,
            party_openers: self.party_openers,
            predicate_openers: self.predicate_openers,
            reporting: self.reporting,
            reported_after: self.reported_after,
            done: self.done,
            same_day: self.same_day,
            under_way: self.under_way,
            not_subject: self.not_subject,
            subject_after: self.subject_after,
            speaker_after: self.speaker_after,
            nowadays: self.nowadays,
            another_time: self.another_time,
            earlier: self.earlier,
            called_off: self.called_off,
            planned_ahead: self.planned_ahead,
            report_day: self.report_day,
            report_day_after: self.report_day_after,
            during: self.during,
            part_of_whole: self.part_of_whole,
            denied: self.denied,
            denied_after: self.denied_after,
            extractors,
            date_regex,
            page,
            people,
        }
    }

    /// The `[people]` patterns, compiled: each needs a `name` group; the kind must exist.
    /// Declared once.
    fn people(
        &self,
        parsed: &[(SourceFile, RuleFile)],
        errors: &mut Vec<RuleError>,
    ) -> Option<People> {
        let mut people: Option<People> = None;
        for (file_index, (src, file)) in parsed.iter().enumerate() {
            let Some(def) = &file.people else {
                continue;
            };
            let kind = def.kind.get_ref();
            if people.is_some() {
                errors.push(src.error(def.kind.span().start, "`[people]` is declared twice"));
                continue;
            }
            if !self.kinds.contains_key(kind) {
                errors.push(src.error(
                    def.kind.span().start,
                    format!(
                        "unknown kind `{kind}`{}",
                        did_you_mean(kind, self.kinds.keys().map(String::as_str))
                    ),
                ));
                continue;
            }
            let mut patterns = Vec::new();
            for pattern in &def.patterns {
                let Some(re) = self.printed_regex(parsed, file_index, pattern, false, errors)
                else {
                    continue;
                };
                if re.capture_names().flatten().any(|n| n == "name") {
                    patterns.push(re);
                } else {
                    errors.push(src.error(
                        src.content_start(&pattern.span()),
                        "a `[people]` pattern needs a `(?P<name>…)` group: the name it finds",
                    ));
                }
            }
            let not_name = def
                .not_name
                .as_ref()
                .and_then(|np| self.printed_regex(parsed, file_index, np, true, errors));
            let institution = def
                .institution
                .as_ref()
                .and_then(|np| self.printed_regex(parsed, file_index, np, true, errors));
            let particles = def
                .particles
                .as_ref()
                .and_then(|np| self.printed_regex(parsed, file_index, np, true, errors));
            let dropped_particles = def
                .dropped_particles
                .as_ref()
                .and_then(|np| self.printed_regex(parsed, file_index, np, true, errors));
            let name_prefixes = def
                .name_prefixes
                .as_ref()
                .and_then(|np| self.printed_regex(parsed, file_index, np, true, errors));
            let home_qualifiers = def
                .home_qualifiers
                .as_ref()
                .and_then(|q| self.printed_regex(parsed, file_index, q, true, errors));
            let home = def.home.as_ref().and_then(|h| {
                let found = self.kinds.contains_key(h.get_ref());
                if !found {
                    errors.push(src.error(
                        h.span().start,
                        format!(
                            "unknown kind `{}`{}",
                            h.get_ref(),
                            did_you_mean(h.get_ref(), self.kinds.keys().map(String::as_str))
                        ),
                    ));
                }
                found.then(|| h.get_ref().clone())
            });
            let mut folds = Vec::new();
            for fold in &def.folds {
                let [from, to] = fold.get_ref();
                match compile_regex(from) {
                    Ok(re) => folds.push((re, to.clone())),
                    Err(e) => errors.push(src.error(src.content_start(&fold.span()), e)),
                }
            }
            let offices = self.offices(parsed, file_index, def, errors);
            // Any office's words: what a description holds, and what an article must.
            let any_office: Vec<String> = offices
                .iter()
                .map(|o| format!("(?:{})", o.words.as_str()))
                .collect();
            let any_office = format!("(?:{})", any_office.join("|"));
            let descriptions = self.descriptions(parsed, file_index, def, &any_office, errors);
            if !def.descriptions.is_empty() && offices.is_empty() {
                errors.push(src.error(
                    def.kind.span().start,
                    "`descriptions` need offices: declare them with `[[people.office]]`",
                ));
            }
            let any_office = (!descriptions.is_empty() && !offices.is_empty())
                .then(|| {
                    compile_regex(&any_office)
                        .map_err(|e| errors.push(src.error(def.kind.span().start, e)))
                        .ok()
                })
                .flatten();
            let not_holder = def
                .not_holder
                .as_ref()
                .and_then(|np| self.printed_regex(parsed, file_index, np, true, errors));
            let acting = def
                .acting
                .as_ref()
                .and_then(|np| self.printed_regex(parsed, file_index, np, true, errors));
            people = Some(People {
                kind: kind.clone(),
                any_pattern: any_of(&patterns),
                any_description: any_of(&descriptions),
                patterns,
                not_name,
                institution,
                particles,
                dropped_particles,
                name_prefixes,
                home,
                home_qualifiers,
                folds,
                offices,
                descriptions,
                not_holder,
                acting,
                any_office,
                terms: Vec::new(),
                holder_reach_days: def.holder_reach_days.unwrap_or(0),
            });
        }
        let terms = self.terms(parsed, people.as_ref(), errors);
        if let Some(people) = &mut people {
            people.terms = terms;
        }
        people
    }

    /// The `[[people.office]]` of one `[people]`: ids unique and free of `.` (it
    /// separates place and office in a holder's id), words compiled.
    fn offices(
        &self,
        parsed: &[(SourceFile, RuleFile)],
        file_index: usize,
        def: &PeopleDef,
        errors: &mut Vec<RuleError>,
    ) -> Vec<Office> {
        let src = &parsed[file_index].0;
        let mut offices: Vec<Office> = Vec::new();
        for o in &def.office {
            let id = o.id.get_ref();
            if id.is_empty() || id.contains(['.', '/', '+']) || offices.iter().any(|k| k.id == *id)
            {
                errors.push(src.error(
                    o.id.span().start,
                    format!("office `{id}` is declared twice or holds `.`, `/` or `+`"),
                ));
                continue;
            }
            if let Some(words) = self.printed_regex(parsed, file_index, &o.words, false, errors) {
                offices.push(Office {
                    id: id.clone(),
                    words,
                });
            }
        }
        offices
    }

    /// The `[people] descriptions`, compiled to run on the text with places masked:
    /// `{office}` is `any_office`, any office's words, and each must have one.
    fn descriptions(
        &self,
        parsed: &[(SourceFile, RuleFile)],
        file_index: usize,
        def: &PeopleDef,
        any_office: &str,
        errors: &mut Vec<RuleError>,
    ) -> Vec<Regex> {
        let src = &parsed[file_index].0;
        let mut out = Vec::new();
        for d in &def.descriptions {
            let at = src.content_start(&d.span());
            if !d.get_ref().contains("{office}") {
                errors.push(src.error(at, "a description needs `{office}`: the office it names"));
                continue;
            }
            let mut state = Expansion::default();
            state.own.insert("office", any_office.to_string());
            let Some(expanded) = self.expand(
                d.get_ref(),
                file_index,
                at,
                parsed,
                &mut BTreeMap::new(),
                &mut state,
                errors,
            ) else {
                continue;
            };
            match compile_regex(&pattern::ascii_word_boundaries(&expanded)) {
                Ok(re) => out.push(re),
                Err(e) => errors.push(src.error(at, e)),
            }
        }
        out
    }

    /// The terms the `offices` of the rules' entities declare: each office known, each
    /// place an entity (the holder's home when left out), each day a date.
    fn terms(
        &self,
        parsed: &[(SourceFile, RuleFile)],
        people: Option<&People>,
        errors: &mut Vec<RuleError>,
    ) -> Vec<Term> {
        let mut terms = Vec::new();
        let known: Vec<&str> = people
            .map(|p| p.offices.iter().map(|o| o.id.as_str()).collect())
            .unwrap_or_default();
        for (src, file) in parsed {
            for e in &file.entity {
                let Some(holder) = self.gazetteer.index_of(e.id.get_ref()) else {
                    continue;
                };
                for t in &e.offices {
                    let Some(office) = known.iter().position(|o| o == t.office.get_ref()) else {
                        errors.push(src.error(
                            t.office.span().start,
                            format!(
                                "unknown office `{}`{}",
                                t.office.get_ref(),
                                did_you_mean(t.office.get_ref(), known.iter().copied())
                            ),
                        ));
                        continue;
                    };
                    let of = match &t.of {
                        Some(of) => self.gazetteer.index_of(of.get_ref()).or_else(|| {
                            errors.push(src.error(
                                of.span().start,
                                format!("unknown entity `{}`", of.get_ref()),
                            ));
                            None
                        }),
                        None => self.gazetteer.entities()[holder].home.or_else(|| {
                            errors.push(src.error(
                                t.office.span().start,
                                format!(
                                    "entity `{}` has no `home`: say whose office it is with `of`",
                                    e.id.get_ref()
                                ),
                            ));
                            None
                        }),
                    };
                    let mut day = |field: &Option<Spanned<String>>| {
                        field.as_ref().and_then(|d| {
                            NaiveDate::parse_from_str(d.get_ref(), "%Y-%m-%d")
                                .map_err(|_| {
                                    errors.push(src.error(
                                        d.span().start,
                                        format!("`{}` is no date (YYYY-MM-DD)", d.get_ref()),
                                    ));
                                })
                                .ok()
                        })
                    };
                    let (from, to) = (day(&t.from), day(&t.to));
                    if let (Some(f), Some(to_day), Some(at)) = (from, to, &t.to)
                        && to_day < f
                    {
                        errors.push(src.error(
                            at.span().start,
                            format!("the term ends ({to_day}) before it begins ({f})"),
                        ));
                        continue;
                    }
                    if let Some(of) = of {
                        terms.push(Term {
                            office,
                            of,
                            holder,
                            from,
                            to,
                        });
                    }
                }
            }
        }
        terms
    }

    /// A regex of the rules matched on text as printed (a byline's, a person's): its
    /// fragments expanded, kind placeholders refused, compiled — whole-word anchored
    /// (`^(?:…)$`) when `whole`. `None` with the errors pushed if it cannot be.
    fn printed_regex(
        &self,
        parsed: &[(SourceFile, RuleFile)],
        file_index: usize,
        source: &Spanned<String>,
        whole: bool,
        errors: &mut Vec<RuleError>,
    ) -> Option<Regex> {
        let src = &parsed[file_index].0;
        let at = src.content_start(&source.span());
        let expanded = self.expand(
            source.get_ref(),
            file_index,
            at,
            parsed,
            &mut BTreeMap::new(),
            &mut Expansion {
                unmasked: true,
                ..Expansion::default()
            },
            errors,
        )?;
        let text = if whole {
            format!("^(?:{expanded})$")
        } else {
            pattern::ascii_word_boundaries(&expanded)
        };
        compile_regex(&text)
            .map_err(|e| errors.push(src.error(at, e)))
            .ok()
    }

    /// Every `[[byline]]`, compiled in parallel, with its place and its errors. Bylines run
    /// on the page as printed, so their patterns may use fragments and value grammars but
    /// no entity kind.
    fn bylines<'p>(&self, parsed: &'p [(SourceFile, RuleFile)]) -> Vec<CompiledByline<'p>> {
        let defs: Vec<(usize, &BylineDef)> = parsed
            .iter()
            .enumerate()
            .flat_map(|(i, (_, file))| file.byline.iter().map(move |def| (i, def)))
            .collect();
        defs.par_iter()
            .map(|&(file_index, def)| {
                let mut found = Vec::new();
                let byline = self.byline(file_index, def, parsed, &mut found);
                (file_index, def, byline, found)
            })
            .collect()
    }

    /// The `[page]` settings and the compiled bylines, which share their ids with
    /// extractors and checks.
    fn page(
        &self,
        parsed: &[(SourceFile, RuleFile)],
        bylines: Vec<CompiledByline<'_>>,
        extractors: &[Extractor],
        checks: &[Check],
        errors: &mut Vec<RuleError>,
    ) -> Page {
        let mut page = Page::default();
        let mut settings_from: Option<&Path> = None;
        for (file_index, (src, file)) in parsed.iter().enumerate() {
            if let Some(spanned) = &file.page {
                let def = spanned.get_ref();
                if let Some(first) = settings_from {
                    errors.push(src.error_at(
                        spanned.span(),
                        format!("`[page]` is already set in {}", first.display()),
                    ));
                } else {
                    settings_from = Some(&src.path);
                    page.head_lines = def.head_lines.unwrap_or(page.head_lines);
                    page.tail_lines = def.tail_lines.unwrap_or(page.tail_lines);
                    page.line_chars = def.line_chars.unwrap_or(page.line_chars).max(1);
                    page.menu_item = def.menu_item.as_ref().and_then(|item| {
                        self.printed_regex(parsed, file_index, item, true, errors)
                    });
                    page.uncounted_line = def.uncounted_line.as_ref().and_then(|line| {
                        self.printed_regex(parsed, file_index, line, true, errors)
                    });
                    page.list_heading = def.list_heading.as_ref().and_then(|heading| {
                        self.printed_regex(parsed, file_index, heading, true, errors)
                    });
                    page.ticker = def.ticker.as_ref().and_then(|ticker| {
                        self.printed_regex(parsed, file_index, ticker, true, errors)
                    });
                    let cue = |cue: &Option<Spanned<String>>, errors: &mut Vec<RuleError>| {
                        cue.as_ref().and_then(|cue| {
                            self.printed_regex(parsed, file_index, cue, false, errors)
                        })
                    };
                    page.day_first_after = cue(&def.day_first_after, errors);
                    page.month_first_after = cue(&def.month_first_after, errors);
                }
            }
        }
        for (file_index, def, byline, found) in bylines {
            let id = def.id.get_ref();
            let taken = page.bylines.iter().any(|b| *b.id == **id)
                || extractors.iter().any(|x| &*x.id == id)
                || checks.iter().any(|c| &c.id == id);
            if taken {
                errors.push(parsed[file_index].0.error(
                    def.id.span().start,
                    format!("`{id}` is already declared; bylines, extractors and checks share ids"),
                ));
                continue;
            }
            errors.extend(found);
            page.bylines.extend(byline);
        }
        page
    }

    /// One `[[byline]]`, compiled; `None` with its errors pushed if it cannot be.
    fn byline(
        &self,
        file_index: usize,
        def: &BylineDef,
        parsed: &[(SourceFile, RuleFile)],
        errors: &mut Vec<RuleError>,
    ) -> Option<Byline> {
        let src = &parsed[file_index].0;
        let id = def.id.get_ref();
        let unmasked = || Expansion {
            unmasked: true,
            ..Expansion::default()
        };
        let start = src.content_start(&def.pattern.span());
        let mut captures = BTreeMap::new();
        let expanded = self.expand(
            def.pattern.get_ref(),
            file_index,
            start,
            parsed,
            &mut captures,
            &mut unmasked(),
            errors,
        )?;
        let mut date_groups = Vec::new();
        let mut fine = true;
        for (name, capture) in &captures {
            match (&capture.ty, name.as_str()) {
                (CaptureType::Value(ValueType::PrintedDate | ValueType::Date), "date") => {
                    date_groups.extend(capture.groups.iter().cloned());
                }
                (CaptureType::Entity { kind, .. }, _) => {
                    fine = false;
                    errors.push(src.error(start, format!(
                        "byline `{id}`: bylines read the page as printed, where no `{kind}` is marked; match the place with a `(?P<place>…)` group"
                    )));
                }
                _ => {
                    fine = false;
                    errors.push(src.error(start, format!(
                        "byline `{id}`: capture `{name}` is not read; a byline has one `{{date:printed-date}}` and perhaps a `(?P<place>…)` group"
                    )));
                }
            }
        }
        // Bylines search a few short lines of each article: a small cache of lazy-DFA
        // states per thread does, where the default would hold megabytes per rule.
        let regex = RegexBuilder::new(&pattern::ascii_word_boundaries(&expanded))
            .size_limit(REGEX_SIZE_LIMIT)
            .dfa_size_limit(BYLINE_DFA_CACHE)
            .build()
            .map_err(|e| errors.push(src.error(start, format!("byline `{id}`: {e}"))))
            .ok()?;
        let has_place = regex.capture_names().flatten().any(|n| n == "place");
        if date_groups.is_empty() && !has_place {
            errors.push(src.error(start, format!(
                "byline `{id}` reads nothing: give it a `{{date:printed-date}}` capture or a `(?P<place>…)` group"
            )));
            return None;
        }
        let not_place = match &def.not_place {
            None => None,
            Some(np) => Some(self.printed_regex(parsed, file_index, np, true, errors)?),
        };
        let not_before_date = match &def.not_before_date {
            None => None,
            Some(nb) => Some(self.printed_regex(parsed, file_index, nb, true, errors)?),
        };
        if let Some(kind) = &def.known_place
            && !self.kinds.contains_key(kind.get_ref())
        {
            errors.push(src.error(
                kind.span().start,
                format!(
                    "unknown kind `{}`{}",
                    kind.get_ref(),
                    did_you_mean(kind.get_ref(), self.kinds.keys().map(String::as_str))
                ),
            ));
            return None;
        }
        if !fine {
            return None;
        }
        Some(Byline {
            id: id.as_str().into(),
            file: src.path.clone(),
            description: def.description.clone(),
            kind: def.kind,
            noun: def.noun.as_deref().unwrap_or(def.kind.noun()).into(),
            region: def.region,
            source: def.pattern.get_ref().clone(),
            regex,
            date_groups,
            has_place,
            not_place,
            not_before_date,
            known_place: def.known_place.as_ref().map(|k| k.get_ref().clone()),
        })
    }

    /// The regex of an extractor's words around a match (`not-followed-by`, `not-after`),
    /// between `affix`: fragments and kinds expand in it as in a pattern; it captures
    /// nothing.
    fn cue_regex(
        &self,
        (field, cue): (&str, &Spanned<String>),
        (prefix, suffix): (&str, &str),
        file_index: usize,
        parsed: &[(SourceFile, RuleFile)],
        errors: &mut Vec<RuleError>,
    ) -> Option<Regex> {
        let src = &parsed[file_index].0;
        let at = src.content_start(&cue.span());
        let mut none = BTreeMap::new();
        let expanded = self.expand(
            cue.get_ref(),
            file_index,
            at,
            parsed,
            &mut none,
            &mut Expansion::default(),
            errors,
        )?;
        if !none.is_empty() {
            errors.push(src.error(
                at,
                format!("`{field}` captures nothing: write `{{kind}}`, not `{{name:kind}}`"),
            ));
            return None;
        }
        let re = pattern::ascii_word_boundaries(&expanded);
        let text = format!("{prefix}{re}{suffix}");
        let known = self
            .cues
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&text)
            .cloned();
        if known.is_some() {
            return known;
        }
        let regex = compile_regex(&text)
            .map_err(|e| errors.push(src.error(at, e)))
            .ok()?;
        self.cues
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(text, regex.clone());
        Some(regex)
    }

    fn extractor(
        &self,
        file_index: usize,
        def: &ExtractorDef,
        parsed: &[(SourceFile, RuleFile)],
        errors: &mut Vec<RuleError>,
    ) -> Option<Extractor> {
        let src = &parsed[file_index].0;
        let before = errors.len();
        let mut captures = BTreeMap::new();
        let pattern_start = src.content_start(&def.pattern.span());
        let expanded = self.expand(
            def.pattern.get_ref(),
            file_index,
            pattern_start,
            parsed,
            &mut captures,
            &mut Expansion::default(),
            errors,
        );
        // The same pattern with names in place of tokens: what `rules --patterns` prints.
        // Its syntax was checked by the expansion above.
        let literal = expanded.as_ref().and_then(|_| {
            self.expand_checked(
                def.pattern.get_ref(),
                file_index,
                pattern_start,
                parsed,
                &mut BTreeMap::new(),
                &mut Expansion {
                    names: true,
                    ..Default::default()
                },
                &mut Vec::new(),
            )
        });
        let compiled = expanded.and_then(|text| {
            let text = pattern::ascii_word_boundaries(&text);
            compile_extractor_regex(&text, &self.required)
                .map(|(regex, required)| (regex, text, required))
                .map_err(|e| {
                    errors.push(src.error(
                        pattern_start,
                        format!("extractor `{}`: {e}", def.id.get_ref()),
                    ))
                })
                .ok()
        });
        if let Some((re, _, _)) = &compiled {
            for name in re.group_info().pattern_names(PatternID::ZERO).flatten() {
                if !captures
                    .values()
                    .any(|c| c.groups.iter().any(|g| g == name))
                {
                    captures.insert(
                        name.to_string(),
                        Capture {
                            ty: CaptureType::Text,
                            groups: vec![name.to_string()],
                        },
                    );
                }
            }
        }
        let mut infer = BTreeMap::new();
        for (slot, how) in &def.infer {
            if !self.kinds.contains_key(how.kind.get_ref()) {
                errors.push(src.error(
                    how.kind.span().start,
                    format!(
                        "unknown kind `{}`{}",
                        how.kind.get_ref(),
                        did_you_mean(how.kind.get_ref(), self.kinds.keys().map(String::as_str))
                    ),
                ));
            }
            if how.count == 0 {
                errors.push(src.error(how.kind.span().start, "`count` must be at least 1"));
            }
            let not_after = how.not_after.as_ref().and_then(|na| {
                let cue = ("not-after", na);
                self.cue_regex(cue, ("(?:", r")\s*$"), file_index, parsed, errors)
            });
            infer.insert(
                slot.clone(),
                Infer {
                    kind: how.kind.get_ref().clone(),
                    count: how.count,
                    scope: how.scope,
                    unlike: how.unlike.clone(),
                    not_after,
                },
            );
        }
        let key = parse_key(def.key.get_ref());
        let key_start = src.content_start(&def.key.span());
        for (part, offset) in &key {
            if let KeyPart::Slot(slot) = part {
                let ok = match captures.get(slot).map(|c| &c.ty) {
                    Some(CaptureType::Entity { .. } | CaptureType::Text) => true,
                    Some(CaptureType::Value(_)) => {
                        errors.push(src.error(key_start + offset, format!("key slot `{slot}` is a value capture; keys are built from entity and text captures")));
                        true
                    }
                    None => infer.contains_key(slot),
                };
                if !ok && compiled.is_some() {
                    errors.push(src.error(
                        key_start + offset,
                        format!(
                            "key slot `{slot}` is neither a capture of the pattern nor in `infer`"
                        ),
                    ));
                }
            }
        }
        for (slot, how) in &infer {
            if let Some(other) = &how.unlike
                && !key.iter().any(|(p, _)| *p == KeyPart::Slot(other.clone()))
            {
                errors.push(src.error(
                    def.id.span().start,
                    format!("`infer.{slot}.unlike` names `{other}`, which is no slot of the key"),
                ));
            }
        }
        if let Some(away) = &def.away
            && !key
                .iter()
                .any(|(p, _)| *p == KeyPart::Slot(away.get_ref().clone()))
        {
            errors.push(src.error(
                away.span().start,
                format!(
                    "`away` names `{}`, which is no slot of the key",
                    away.get_ref()
                ),
            ));
        }
        if let Some(each) = &def.each {
            let is_list = matches!(
                captures.get(each.get_ref()).map(|c| &c.ty),
                Some(CaptureType::Entity { list: true, .. })
            );
            let in_key = key
                .iter()
                .any(|(p, _)| *p == KeyPart::Slot(each.get_ref().clone()));
            if compiled.is_some() && !(is_list && in_key) {
                errors.push(src.error(
                    each.span().start,
                    format!(
                        "`each` names `{}`, which is no list capture (`{{{}:kind+}}`) of the key",
                        each.get_ref(),
                        each.get_ref()
                    ),
                ));
            }
        }
        for slot in infer.keys() {
            if !key.iter().any(|(p, _)| *p == KeyPart::Slot(slot.clone())) {
                errors.push(src.error(
                    def.id.span().start,
                    format!("`infer.{slot}` names no slot of the key"),
                ));
            }
        }
        let capture_ref =
            |field: &Option<Spanned<String>>, what: &str, errors: &mut Vec<RuleError>| {
                let f = field.as_ref()?;
                if compiled.is_some() && !captures.contains_key(f.get_ref()) {
                    errors.push(src.error(
                        f.span().start,
                        format!(
                            "{what} `{}` is not a capture of the pattern{}",
                            f.get_ref(),
                            did_you_mean(f.get_ref(), captures.keys().map(String::as_str))
                        ),
                    ));
                }
                Some(f.get_ref().clone())
            };
        let value = capture_ref(&def.value, "value", errors);
        // A capture a field names must be of one of the types the field reads.
        let typed = |field: &Option<String>,
                     what: &str,
                     types: &[ValueType],
                     errors: &mut Vec<RuleError>| {
            if let Some(name) = field
                && let Some(c) = captures.get(name)
                && !types.iter().any(|t| c.ty == CaptureType::Value(*t))
            {
                let names: Vec<String> = types
                    .iter()
                    .filter_map(|t| ValueType::ALL.iter().find(|(_, v)| v == t))
                    .map(|(n, _)| format!("`{n}`"))
                    .collect();
                errors.push(src.error(
                    def.id.span().start,
                    format!(
                        "{what} capture `{name}` must be typed {}",
                        names.join(" or ")
                    ),
                ));
            }
        };
        let date = capture_ref(&def.date, "date", errors);
        typed(
            &date,
            "date",
            &[ValueType::Date, ValueType::DateRange],
            errors,
        );
        let day_of_event = capture_ref(&def.day_of_event, "day-of-event", errors);
        typed(
            &day_of_event,
            "day-of-event",
            &[ValueType::Ordinal, ValueType::Duration],
            errors,
        );
        let not_followed_by = def.not_followed_by.as_ref().and_then(|nf| {
            let cue = ("not-followed-by", nf);
            self.cue_regex(cue, ("^(?:", ")"), file_index, parsed, errors)
        });
        let followed_by = def.followed_by.as_ref().and_then(|f| {
            let cue = ("followed-by", f);
            self.cue_regex(cue, ("^(?:", ")"), file_index, parsed, errors)
        });
        if errors.len() > before {
            return None;
        }
        let (regex, pattern, required) = compiled?;
        let caches = {
            let regex = regex.clone();
            Pool::new(Box::new(move || regex.create_cache()) as CacheFn)
        };
        Some(Extractor {
            id: def.id.get_ref().as_str().into(),
            file: src.path.clone(),
            description: def.description.clone(),
            source: def.pattern.get_ref().clone(),
            literal: pattern::ascii_word_boundaries(&literal.unwrap_or_default()),
            regex,
            caches,
            pattern,
            required,
            key: key.into_iter().map(|(p, _)| p).collect(),
            captures,
            value,
            date,
            date_in_sentence: def.date_in_sentence,
            dated_by_article: def.dated_by_article,
            dated_by_article_ahead: def.dated_by_article_ahead,
            day_of_event,
            date_ends_event: def.date_ends_event,
            date_during_event: def.date_during_event,
            infer,
            not_followed_by,
            followed_by,
            ignore_modality: def.ignore_modality,
            earlier_event: def.earlier_event,
            journey: def.journey,
            ordinal_in_period: def.ordinal_in_period,
            away: def.away.as_ref().map(|a| a.get_ref().clone()),
            each: def.each.as_ref().map(|e| e.get_ref().clone()),
        })
    }
}

fn compile_tests(
    parsed: &[(SourceFile, RuleFile)],
    extractors: &[Extractor],
    checks: &[Check],
    page: &Page,
    errors: &mut Vec<RuleError>,
) -> Vec<RuleTest> {
    let known: Vec<&str> = extractors
        .iter()
        .map(|x| &*x.id)
        .chain(checks.iter().map(|c| c.id.as_str()))
        .chain(page.bylines.iter().map(|b| &*b.id))
        .collect();
    let date_text = |v: &Option<toml::Value>| {
        v.as_ref().map(|d| match d {
            toml::Value::String(s) => s.clone(),
            other => other.to_string(),
        })
    };
    let mut tests = Vec::new();
    for (src, file) in parsed {
        for def in &file.test {
            let rule = def.rule.get_ref();
            let start = def.rule.span().start;
            if !known.contains(&rule.as_str()) {
                errors.push(src.error_at(
                    def.rule.span(),
                    format!(
                        "no extractor, check or byline `{rule}`{}",
                        did_you_mean(rule, known.iter().copied())
                    ),
                ));
                continue;
            }
            let mut articles: Vec<(Option<String>, String)> = def
                .articles
                .iter()
                .map(|a| (date_text(&a.date), a.text.clone()))
                .collect();
            match (&def.text, articles.is_empty()) {
                (Some(text), true) => articles.push((date_text(&def.date), text.clone())),
                (None, false) if def.date.is_none() => {}
                _ => {
                    errors.push(
                        src.error(start, "a test has either `text` (and `date`) or `articles`"),
                    );
                    continue;
                }
            }
            let name = def.name.clone().unwrap_or_else(|| {
                let words: Vec<&str> = articles[0].1.split_whitespace().collect();
                let more = if words.len() > 8 { "…" } else { "" };
                format!("\"{}{more}\"", words[..words.len().min(8)].join(" "))
            });
            tests.push(RuleTest {
                file: src.path.clone(),
                line: src.index.position(&src.text, start).0,
                rule: rule.clone(),
                name,
                articles,
                expect: def.expect.clone(),
            });
        }
    }
    tests
}

fn compile_check(src: &SourceFile, def: &CheckDef, errors: &mut Vec<RuleError>) -> Option<Check> {
    let value = def.value.as_ref().map(|v| v.get_ref().clone());
    match (&def.kind, &def.value) {
        (CheckKind::Agree, None) => {
            errors.push(src.error(
                def.id.span().start,
                format!(
                    "check `{}`: `agree` needs `value`, one of {}",
                    def.id.get_ref(),
                    AGREE_VALUES.join(", ")
                ),
            ));
            return None;
        }
        (CheckKind::Agree, Some(v)) if !AGREE_VALUES.contains(&v.get_ref().as_str()) => {
            errors.push(src.error(
                v.span().start,
                format!(
                    "`agree` compares one of {}, not `{}`{}",
                    AGREE_VALUES.join(", "),
                    v.get_ref(),
                    did_you_mean(v.get_ref(), AGREE_VALUES)
                ),
            ));
            return None;
        }
        (CheckKind::Agree, _) | (_, None) => {}
        (_, Some(v)) => {
            errors.push(src.error(v.span().start, "`value` applies to `agree` checks only"));
            return None;
        }
    }
    if def.kind == CheckKind::Previous && def.extractors.is_empty() {
        errors.push(src.error(
            def.id.span().start,
            format!(
                "check `{}`: `previous` needs `extractors`, the extractors whose claims date the event before the article's own",
                def.id.get_ref()
            ),
        ));
        return None;
    }
    if !(def.tolerance.is_finite() && def.tolerance >= 0.0) {
        errors.push(src.error(
            def.id.span().start,
            "`tolerance` must be a number, 0 or more",
        ));
        return None;
    }
    let noun = def.noun.clone().unwrap_or_else(|| "event".to_string());
    Some(Check {
        id: def.id.get_ref().clone(),
        file: src.path.clone(),
        kind: def.kind,
        severity: def.severity,
        description: def.description.clone(),
        explanation: def.explanation.clone(),
        example: def.example.clone(),
        keys: def.keys.get_ref().clone(),
        extractors: def.extractors.iter().map(|x| x.get_ref().clone()).collect(),
        ordinals_in_period: Vec::new(),
        value,
        window_days: def.window_days,
        tolerance: def.tolerance,
        noun_plural: def
            .noun_plural
            .clone()
            .unwrap_or_else(|| format!("{noun}s")),
        noun,
    })
}

/// The cache of the lazy automaton of [`any_of`]. A union of the `[people]` patterns
/// thrashed at the default 2 MiB on the benchmark's articles, twenty times slower than at
/// 8 MiB (3.7 s against 0.16 s over 42 MB); at 32 MiB the set runs no faster.
const PEOPLE_SET_CACHE: usize = 8 << 20;

/// `patterns` as one automaton without captures that tells which of them match a text
/// (see [`People::any_pattern`], [`People::any_description`]); `None` past the size
/// limit.
fn any_of(patterns: &[Regex]) -> Option<meta::Regex> {
    let patterns: Vec<&str> = patterns.iter().map(Regex::as_str).collect();
    meta::Builder::new()
        .configure(
            meta::Config::new()
                .match_kind(MatchKind::All)
                .which_captures(WhichCaptures::None)
                .nfa_size_limit(Some(REGEX_SIZE_LIMIT))
                .hybrid_cache_capacity(PEOPLE_SET_CACHE),
        )
        .build_many(&patterns)
        .ok()
}

/// An extractor's regex, and the words one of which its every match contains: one parse
/// serves both; `memo` holds the words of the groups of the extractors read before.
fn compile_extractor_regex(
    pattern: &str,
    memo: &prefilter::Memo,
) -> Result<(meta::Regex, Vec<Vec<String>>), String> {
    let hir = regex_syntax::Parser::new()
        .parse(pattern)
        .map_err(|e| e.to_string())?;
    let regex = meta::Builder::new()
        .configure(
            meta::Config::new()
                .nfa_size_limit(Some(REGEX_SIZE_LIMIT))
                .auto_prefilter(false)
                .onepass(false),
        )
        .build_from_hir(&hir)
        .map_err(|e| match e.size_limit() {
            Some(limit) => format!("compiled regex exceeds the size limit of {limit} bytes"),
            None => e.to_string(),
        })?;
    Ok((regex, prefilter::required_strings(&hir, memo)))
}

/// The cues of every `[modality]` list `list` picks, as one regex between the `anchors`
/// (`None` with none), each checked and compiled on its own first so that an error is
/// reported at its place.
fn cue_union(
    parsed: &[(SourceFile, RuleFile)],
    list: impl Fn(&ModalityDef) -> &Vec<Spanned<String>>,
    anchors: (&str, &str),
    errors: &mut Vec<RuleError>,
) -> Option<Regex> {
    cue_union_of(parsed, &[&list], anchors, errors)
}

/// What picks one list of cues out of a `[modality]` table.
type CueList<'a> = &'a dyn Fn(&ModalityDef) -> &Vec<Spanned<String>>;

/// [`cue_union`] of the cues of several lists.
fn cue_union_of(
    parsed: &[(SourceFile, RuleFile)],
    lists: &[CueList<'_>],
    (prefix, suffix): (&str, &str),
    errors: &mut Vec<RuleError>,
) -> Option<Regex> {
    // Each cue whose syntax is sound, with its file and where it starts there.
    let mut cues = Vec::new();
    for (src, file) in parsed {
        let modality = file.modality.iter();
        for cue in modality.flat_map(|m| lists.iter().flat_map(move |list| list(m))) {
            let start = src.content_start(&cue.span());
            if let Some(e) = src.regex_error(cue.get_ref(), start) {
                errors.push(e);
                continue;
            }
            let re = pattern::ascii_word_boundaries(cue.get_ref());
            cues.push((src, start, re));
        }
    }
    let union = |cues: &[(&SourceFile, usize, String)]| {
        let alternatives: Vec<String> = cues.iter().map(|(_, _, re)| format!("(?:{re})")).collect();
        (!cues.is_empty())
            .then(|| {
                RegexBuilder::new(&format!("{prefix}(?:{}){suffix}", alternatives.join("|")))
                    .size_limit(REGEX_SIZE_LIMIT)
                    .dfa_size_limit(CUE_DFA_CACHE)
                    .build()
                    .ok()
            })
            .flatten()
    };
    // A union that compiles holds no cue that fails to on its own: the cues are compiled
    // one by one only to find the one at fault, and the union is made of the others.
    if let Some(re) = union(&cues) {
        return Some(re);
    }
    cues.retain(|(src, start, re)| match compile_regex(re) {
        Ok(_) => true,
        Err(e) => {
            errors.push(src.error(*start, e));
            false
        }
    });
    union(&cues)
}

fn compile_regex(pattern: &str) -> Result<Regex, String> {
    RegexBuilder::new(pattern)
        .size_limit(REGEX_SIZE_LIMIT)
        .build()
        .map_err(|e| e.to_string())
}

/// Splits a key template into literal text and `{slot}`s, each with its byte offset.
fn parse_key(template: &str) -> Vec<(KeyPart, usize)> {
    let mut parts = Vec::new();
    let mut last = 0;
    for p in pattern::placeholders(template) {
        if p.span.start > last {
            parts.push((
                KeyPart::Literal(template[last..p.span.start].to_string()),
                last,
            ));
        }
        parts.push((KeyPart::Slot(p.name.to_string()), p.span.start));
        last = p.span.end;
    }
    if last < template.len() {
        parts.push((KeyPart::Literal(template[last..].to_string()), last));
    }
    parts
}
