//! Articles: one text each, with its metadata — a publication date from a leading
//! ` date YYYY-MM-DD` marker (` date unknown` says there is none) or a front-matter block
//! (see [`crate::frontmatter`]), or read from the page by the rules — and a map from byte
//! offsets to `line:column` positions.

use chrono::NaiveDate;
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::{Arc, LazyLock};

/// One article of the corpus, its text held in memory.
#[derive(Debug, Clone)]
pub struct Article {
    /// The path relative to the corpus root, with `/` separators: the article's identity.
    pub id: String,
    /// The path as the user named it (root joined with `id`), for display.
    pub path: PathBuf,
    /// The whole text as read.
    pub text: String,
    /// Where the metadata (date marker or front matter) ends and the body starts.
    pub body_start: usize,
    /// The publication date, if the article states one.
    pub date: Option<NaiveDate>,
    /// Where the publication date was found.
    pub date_source: Option<DateSource>,
    /// The outlet.
    pub source: Option<String>,
    /// The headline.
    pub title: Option<String>,
    /// Where it was published.
    pub url: Option<String>,
    /// For a record of a JSON Lines file, its 1-based line in the file.
    pub record_line: Option<usize>,
}

/// A stretch of an article file. Offsets and positions are 32-bit: an article is at most
/// [`MAX_ARTICLE_BYTES`] long, and claims are the bulk of a large run's memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// Byte offset of the start.
    pub start: u32,
    /// Byte offset of the end.
    pub end: u32,
    /// 1-based line of `start`.
    pub line: u32,
    /// 1-based column of `start`, in characters.
    pub column: u32,
    /// 1-based line of `end`.
    pub end_line: u32,
    /// 1-based column of `end` (the character after the span), in characters.
    pub end_column: u32,
}

/// The largest article read, in bytes: offsets within it fit a [`Span`].
pub const MAX_ARTICLE_BYTES: usize = u32::MAX as usize;

impl Span {
    /// The span of bytes `range` starting at `(line, column)` and ending before
    /// `(end_line, end_column)`. Numbers past `u32::MAX`, which no article read has, are
    /// clamped.
    pub fn new(range: std::ops::Range<usize>, start: (usize, usize), end: (usize, usize)) -> Span {
        let narrow = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Span {
            start: narrow(range.start),
            end: narrow(range.end),
            line: narrow(start.0),
            column: narrow(start.1),
            end_line: narrow(end.0),
            end_column: narrow(end.1),
        }
    }

    /// The bytes it covers.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    /// The span of bytes `range` of `text`, its positions counted from the start: for the
    /// few spans found outside extraction, which has a [`LineIndex`].
    pub fn in_text(text: &str, range: std::ops::Range<usize>) -> Span {
        let position = |offset: usize| {
            let before = &text[..offset];
            let line_start = before.rfind('\n').map_or(0, |i| i + 1);
            (
                before.matches('\n').count() + 1,
                text[line_start..offset].chars().count() + 1,
            )
        };
        Span::new(range.clone(), position(range.start), position(range.end))
    }

    /// The empty span at the start of a file (1:1), for findings about a whole file.
    pub const FILE_START: Span = Span {
        start: 0,
        end: 0,
        line: 1,
        column: 1,
        end_line: 1,
        end_column: 1,
    };
}

/// Why an article's metadata could not be read; the position is a byte offset in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetadataError {
    /// Byte offset of the offending text.
    pub offset: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for MetadataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// What carried an article's publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateCarrier {
    /// The leading ` date YYYY-MM-DD` line.
    Marker,
    /// The `date` of a front-matter block.
    FrontMatter,
    /// A field of a JSON Lines record.
    Field,
    /// A date the page prints (a byline, a header, a footer, a dateline), read by a
    /// `[[byline]]` rule.
    Page,
}

/// Where an article's publication date was found, and how sure it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateSource {
    /// What carried it.
    pub carrier: DateCarrier,
    /// The text read: the marker's date, the byline as printed.
    pub text: String,
    /// Where it is written, when it is in the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    /// The `[[byline]]` rule that read it, or the JSON field that held it; shared with
    /// the rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<Arc<str>>,
    /// What the rule calls what it reads ("byline", "dateline"); shared with the rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub noun: Option<Arc<str>>,
    /// The UTC offset of a datetime (`+02:00`); the date is the day as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub utc_offset: Option<String>,
    /// The page prints only when it was updated: the date is a bound, not the original.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub updated: bool,
    /// Where the year of a printed date without one was read ("the updated date …").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year_from: Option<String>,
    /// How a numeric date that reads both ways was read ("day first, as `IST` after it
    /// says").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_from: Option<String>,
    /// Why the printed date gives no day ("no year"): the article stays undated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unresolved: Option<String>,
    /// The month and day a printed date without its year gives, ISO 8601 style
    /// ("--04-25"): the article's day, in a year unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days: Option<String>,
}

impl DateSource {
    /// A date carried by the marker, front matter or a field, at `span` if in the text.
    pub fn declared(carrier: DateCarrier, text: &str, span: Option<Span>) -> DateSource {
        DateSource {
            carrier,
            text: text.to_string(),
            span,
            rule: None,
            noun: None,
            utc_offset: None,
            updated: false,
            year_from: None,
            order_from: None,
            unresolved: None,
            days: None,
        }
    }
}

impl fmt::Display for DateSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let line = self
            .span
            .map(|s| format!(", line {}", s.line))
            .unwrap_or_default();
        match self.carrier {
            DateCarrier::Marker => write!(f, "from the date marker{line}")?,
            DateCarrier::FrontMatter => write!(f, "from the front matter's `date`{line}")?,
            DateCarrier::Field => write!(
                f,
                "from the record's `{}` field",
                self.rule.as_deref().unwrap_or("date")
            )?,
            DateCarrier::Page => {
                let noun = self.noun.as_deref().unwrap_or("page");
                let text = self.text.replace('`', "'");
                write!(f, "read from the {noun} `{text}`{line}")?;
            }
        }
        if let Some(offset) = &self.utc_offset {
            write!(f, " (UTC offset {offset})")?;
        }
        if let Some(order) = &self.order_from {
            write!(f, ", {order}")?;
        }
        if let Some(year) = &self.year_from {
            write!(f, ", its year from {year}")?;
        }
        if self.updated {
            write!(f, "; the page prints only when it was updated")?;
        }
        if let Some(why) = &self.unresolved {
            write!(f, "; {why}")?;
        }
        Ok(())
    }
}

static DATE_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\A\s*date\s+(?:(?P<date>[0-9]{4}-[0-9]{2}(?:-[0-9]{2})?)(?-u:\b)|unknown[ \t]*(?:\r?\n|\z))[ \t]*(?:\r?\n)?",
    )
        .expect("date marker regex")
});

impl Article {
    /// An article with `text` and no metadata read yet.
    pub fn new(id: String, path: PathBuf, text: String) -> Article {
        Article {
            id,
            path,
            text,
            body_start: 0,
            date: None,
            date_source: None,
            source: None,
            title: None,
            url: None,
            record_line: None,
        }
    }

    /// Reads an article's metadata from its text. The body is everything after the date
    /// marker or front matter; an article with neither has no date yet (the rules may
    /// read one from the page). Broken metadata is returned beside the article, which is
    /// then read as undated text.
    pub fn parse(id: String, path: PathBuf, text: String) -> (Article, Option<MetadataError>) {
        let mut article = Article::new(id, path, text);
        // A UTF-8 byte-order mark is not text.
        let bom = if article.text.starts_with('\u{feff}') {
            3
        } else {
            0
        };
        article.body_start = bom;
        let text = &article.text[bom..];
        let mut error = None;
        if let Some(c) = DATE_MARKER.captures(text) {
            article.body_start = bom + c.get(0).map_or(0, |m| m.end());
            // ` date unknown` says the page gave no date: the article stays undated, and
            // the rules may read one from the page.
            let Some(date) = c.name("date").map(|m| m.as_str()) else {
                return (article, None);
            };
            let offset = bom + c.name("date").map_or(0, |m| m.start());
            let span = Span::in_text(&article.text, offset..offset + date.len());
            if date.len() == "YYYY-MM".len() {
                // A month is a date that gives no day: the article stays undated, and says
                // why.
                match parse_iso_date(&format!("{date}-01"), offset) {
                    Ok(_) => {
                        let mut source =
                            DateSource::declared(DateCarrier::Marker, date, Some(span));
                        source.unresolved = Some("it names a month".into());
                        article.date_source = Some(source);
                    }
                    Err(_) => {
                        error = Some(MetadataError {
                            offset,
                            message: format!("`{date}` is not a month (expected YYYY-MM-DD)"),
                        })
                    }
                }
            } else {
                match parse_iso_date(date, offset) {
                    Ok(day) => {
                        article.date = Some(day);
                        article.date_source =
                            Some(DateSource::declared(DateCarrier::Marker, date, Some(span)));
                    }
                    Err(e) => error = Some(e),
                }
            }
        } else if let Some(block) = crate::frontmatter::find(&article.text, bom) {
            article.body_start = block.body_start.max(bom);
            match block.read {
                Ok(front) => {
                    article.source = front.source;
                    article.title = front.title;
                    article.url = front.url;
                    if let Some((day, utc_offset, at)) = front.date {
                        let line_end = article.text[at..]
                            .find('\n')
                            .map_or(article.text.len(), |i| at + i);
                        let span = Span::in_text(&article.text, at..line_end);
                        let mut source = DateSource::declared(
                            DateCarrier::FrontMatter,
                            article.text[at..line_end].trim_end(),
                            Some(span),
                        );
                        source.utc_offset = utc_offset;
                        article.date = Some(day);
                        article.date_source = Some(source);
                    }
                }
                Err(e) => error = Some(e),
            }
        }
        (article, error)
    }

    /// The article's body: its text after the metadata.
    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }
}

/// Publication years claimlint accepts; a date outside is a typo, not an article.
pub const YEARS: std::ops::RangeInclusive<i32> = 1800..=2200;

fn parse_iso_date(text: &str, offset: usize) -> Result<NaiveDate, MetadataError> {
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| MetadataError {
        offset,
        message: format!("`{text}` is not a calendar date (expected YYYY-MM-DD)"),
    })?;
    in_years(date).map_err(|message| MetadataError { offset, message })
}

fn in_years(date: NaiveDate) -> Result<NaiveDate, String> {
    if YEARS.contains(&chrono::Datelike::year(&date)) {
        Ok(date)
    } else {
        Err(format!(
            "`{date}` is out of range: publication years run from {} to {}",
            YEARS.start(),
            YEARS.end()
        ))
    }
}

/// A date as metadata writes it — `2023-05-12`, an RFC 3339 datetime
/// (`2023-05-12T10:30:00+02:00`), or a datetime without offset — read as the day it
/// names where it was written, with the UTC offset when there is one.
pub fn parse_date_field(text: &str) -> Result<(NaiveDate, Option<String>), String> {
    let expected =
        || format!("`{text}` is not a date (expected YYYY-MM-DD or an RFC 3339 datetime)");
    if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return in_years(date).map(|d| (d, None));
    }
    if let Ok(datetime) = chrono::DateTime::parse_from_rfc3339(text) {
        let offset = if text.ends_with(['Z', 'z']) {
            "Z".to_string()
        } else {
            datetime.offset().to_string()
        };
        return in_years(datetime.date_naive()).map(|d| (d, Some(offset)));
    }
    // As static-site generators write them: `2023-05-12 10:30:00 +02:00`, `-0400`.
    for format in ["%Y-%m-%d %H:%M:%S%.f %z", "%Y-%m-%d %H:%M %z"] {
        if let Ok(datetime) = chrono::DateTime::parse_from_str(text, format) {
            let offset = datetime.offset().to_string();
            return in_years(datetime.date_naive()).map(|d| (d, Some(offset)));
        }
    }
    for format in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(datetime) = chrono::NaiveDateTime::parse_from_str(text, format) {
            return in_years(datetime.date()).map(|d| (d, None));
        }
    }
    // A calendar-shaped date that does not exist says so.
    let head = text.get(..10).unwrap_or(text);
    if head.len() == 10
        && head.bytes().filter(|b| *b == b'-').count() == 2
        && NaiveDate::parse_from_str(head, "%Y-%m-%d").is_err()
    {
        return Err(format!("`{head}` is not a calendar date"));
    }
    Err(expected())
}

/// Maps byte offsets of one text to 1-based lines and character columns. Columns are
/// counted from a per-4-KiB tally of characters, so a position costs at most one block
/// of counting however long its line (articles have lines of a megabyte).
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    /// Characters before each 4-KiB block of the text.
    block_chars: Vec<usize>,
}

const BLOCK: usize = 4096;

/// Characters in a slice of UTF-8 bytes: the bytes that do not continue a character.
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

impl LineIndex {
    /// Indexes the line starts and character counts of `text`.
    pub fn new(text: &str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        let mut block_chars = Vec::with_capacity(text.len() / BLOCK + 1);
        let mut total = 0;
        for block in text.as_bytes().chunks(BLOCK) {
            block_chars.push(total);
            total += count_chars(block);
        }
        LineIndex {
            line_starts,
            block_chars,
        }
    }

    /// Characters in `text[..offset]`.
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let block = offset / BLOCK;
        let before = self.block_chars.get(block).copied().unwrap_or(0);
        before + count_chars(&text.as_bytes()[block * BLOCK..offset])
    }

    /// The 1-based line and 1-based column (in characters) of byte `offset` in `text`.
    /// An offset inside a multi-byte character counts as that character.
    pub fn position(&self, text: &str, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        // A short line is counted directly; a long one through the blocks.
        let column = if offset - start < BLOCK {
            count_chars(&text.as_bytes()[start..offset])
        } else {
            self.chars_before(text, offset) - self.chars_before(text, start)
        };
        (line + 1, column + 1)
    }

    /// The byte range of line `line` (1-based), without its line break.
    pub fn line_range(&self, text: &str, line: usize) -> Range<usize> {
        let start = self.line_starts[line - 1];
        let end = self
            .line_starts
            .get(line)
            .map_or(text.len(), |next| next - 1);
        let end = if text[start..end].ends_with('\r') {
            end - 1
        } else {
            end
        };
        start..end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Article, MetadataError> {
        match Article::parse("a.txt".into(), "a.txt".into(), text.into()) {
            (article, None) => Ok(article),
            (_, Some(e)) => Err(e),
        }
    }

    #[test]
    fn date_marker_with_or_without_leading_space() {
        let a = parse(" date 2021-04-07 Chad, Niger agree").unwrap();
        assert_eq!(a.date, NaiveDate::from_ymd_opt(2021, 4, 7));
        assert_eq!(a.body(), "Chad, Niger agree");
        assert_eq!(
            a.date_source.unwrap().to_string(),
            "from the date marker, line 1"
        );
        let b = parse("date 2025-01-19\nTitle\nBody").unwrap();
        assert_eq!(b.date, NaiveDate::from_ymd_opt(2025, 1, 19));
        assert_eq!(b.body(), "Title\nBody");
    }

    #[test]
    fn a_marker_of_a_month_gives_no_day_and_says_so() {
        let a = parse(" date 2022-08 Chad, Niger agree").unwrap();
        assert_eq!(a.date, None);
        assert_eq!(a.body(), "Chad, Niger agree");
        let source = a.date_source.unwrap();
        assert_eq!(source.text, "2022-08");
        assert!(source.unresolved.is_some());
        let (_, error) = Article::parse("a.txt".into(), "a.txt".into(), "date 2022-13 x".into());
        assert!(error.unwrap().message.contains("2022-13"));
    }

    #[test]
    fn a_marker_of_an_unknown_date_is_no_headline() {
        let a = parse(" date unknown\nChad PM visits Niger\nBody").unwrap();
        assert_eq!(a.date, None);
        assert!(a.date_source.is_none());
        assert_eq!(a.body(), "Chad PM visits Niger\nBody");
        // A headline that opens with the words is no marker.
        let b = parse("date unknown for the summit\nBody").unwrap();
        assert_eq!(b.body_start, 0);
    }

    #[test]
    fn no_marker_no_date() {
        let a = parse("TEHRAN — Expressing confidence, updated 2021-10-16").unwrap();
        assert_eq!(a.date, None);
        assert_eq!(a.body_start, 0);
    }

    #[test]
    fn impossible_marker_date_is_an_error_and_the_article_is_still_read() {
        let (article, error) = Article::parse(
            "a.txt".into(),
            "a.txt".into(),
            " date 2021-02-30 text".into(),
        );
        let e = error.unwrap();
        assert_eq!(e.offset, 6);
        assert!(e.message.contains("2021-02-30"));
        assert_eq!(article.date, None);
        assert_eq!(article.body(), "text");
    }

    #[test]
    fn front_matter() {
        let a = parse("+++\ndate = 2021-10-16\nsource = \"Mehr\"\ntitle = \"T\"\n+++\nBody text")
            .unwrap();
        assert_eq!(a.date, NaiveDate::from_ymd_opt(2021, 10, 16));
        assert_eq!(a.source.as_deref(), Some("Mehr"));
        assert_eq!(a.title.as_deref(), Some("T"));
        assert_eq!(a.body(), "Body text");
        assert_eq!(
            a.date_source.unwrap().to_string(),
            "from the front matter's `date`, line 2"
        );
        let quoted = parse("+++\ndate = \"2021-10-16\"\n+++\nBody").unwrap();
        assert_eq!(quoted.date, NaiveDate::from_ymd_opt(2021, 10, 16));
        let yaml = parse("---\ndate: 2021-10-16T22:00:00-05:00\n---\nBody").unwrap();
        assert_eq!(yaml.date, NaiveDate::from_ymd_opt(2021, 10, 16));
        assert_eq!(
            yaml.date_source.unwrap().to_string(),
            "from the front matter's `date`, line 2 (UTC offset -05:00)"
        );
    }

    #[test]
    fn broken_front_matter_leaves_the_article_undated() {
        assert!(
            parse("+++\ndate = 2021-10-16\nBody")
                .unwrap_err()
                .message
                .contains("never closed")
        );
        assert!(parse("+++\ndate = \"2021-13-01\"\n+++\n").is_err());
        let (article, error) = Article::parse(
            "a.txt".into(),
            "a.txt".into(),
            "+++\ndate = = 1\n+++\nBody".into(),
        );
        assert!(error.unwrap().message.starts_with("front matter"));
        assert_eq!((article.date, article.body()), (None, "Body"));
    }

    #[test]
    fn date_fields() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(parse_date_field("2023-05-12"), Ok((day(2023, 5, 12), None)));
        assert_eq!(
            parse_date_field("2023-05-12T00:30:00Z"),
            Ok((day(2023, 5, 12), Some("Z".into())))
        );
        assert_eq!(
            parse_date_field("2023-05-12 10:30:00"),
            Ok((day(2023, 5, 12), None))
        );
        assert_eq!(
            parse_date_field("2023-05-12 23:30:00 -0400"),
            Ok((day(2023, 5, 12), Some("-04:00".into())))
        );
        assert_eq!(
            parse_date_field("2023-05-12 10:30:00 +02:00"),
            Ok((day(2023, 5, 12), Some("+02:00".into())))
        );
        assert!(
            parse_date_field("2023-02-30")
                .unwrap_err()
                .contains("not a calendar date")
        );
        assert!(parse_date_field("May 12").unwrap_err().contains("RFC 3339"));
        assert!(
            parse_date_field("3023-05-12")
                .unwrap_err()
                .contains("out of range")
        );
    }

    #[test]
    fn columns_count_characters() {
        let text = "a “quoted” word\nsecond — line";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 0), (1, 1));
        let word = text.find("word").unwrap();
        assert_eq!(index.position(text, word), (1, 12));
        let line = text.find("line").unwrap();
        assert_eq!(index.position(text, line), (2, 10));
        assert_eq!(&text[index.line_range(text, 2)], "second — line");
        assert_eq!(index.position(text, text.len()), (2, 14));
    }

    #[test]
    fn columns_of_a_line_longer_than_a_block() {
        let line = "é".repeat(3 * BLOCK);
        let text = format!("first\n{line}x");
        let index = LineIndex::new(&text);
        let x = text.find('x').unwrap();
        assert_eq!(index.position(&text, x), (2, 3 * BLOCK + 1));
        assert_eq!(index.position(&text, 6 + 2 * 100), (2, 101));
    }
}
