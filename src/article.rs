//! Articles: one text file each, with a publication date taken from a leading
//! ` date YYYY-MM-DD` marker or a TOML front-matter block, and a map from byte offsets to
//! `line:column` positions.

use chrono::NaiveDate;
use regex::Regex;
use serde::Deserialize;
use std::fmt;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::LazyLock;

/// One article of the corpus, its text held in memory.
#[derive(Debug, Clone)]
pub struct Article {
    /// The path relative to the corpus root, with `/` separators: the article's identity.
    pub id: String,
    /// The path as the user named it (root joined with `id`), for display.
    pub path: PathBuf,
    /// The whole file as read.
    pub text: String,
    /// Where the metadata (date marker or front matter) ends and the body starts.
    pub body_start: usize,
    /// The publication date, if the article states one.
    pub date: Option<NaiveDate>,
    /// The outlet, from front matter.
    pub source: Option<String>,
    /// The headline, from front matter.
    pub title: Option<String>,
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

static DATE_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\A\s*date\s+(?P<date>[0-9]{4}-[0-9]{2}-[0-9]{2})(?-u:\b)[ \t]*(?:\r?\n)?")
        .expect("date marker regex")
});

#[derive(Deserialize)]
struct FrontMatter {
    date: Option<toml::Value>,
    source: Option<String>,
    title: Option<String>,
}

impl Article {
    /// Reads an article's metadata from its text. The body is everything after the date
    /// marker or front matter; an article with neither has no date.
    pub fn parse(id: String, path: PathBuf, text: String) -> Result<Article, MetadataError> {
        let mut article = Article {
            id,
            path,
            text,
            body_start: 0,
            date: None,
            source: None,
            title: None,
        };
        // A UTF-8 byte-order mark is not text.
        let bom = if article.text.starts_with('\u{feff}') {
            3
        } else {
            0
        };
        article.body_start = bom;
        let text = &article.text[bom..];
        if let Some(c) = DATE_MARKER.captures(text) {
            let date = &c["date"];
            let offset = bom + c.name("date").map_or(0, |m| m.start());
            article.date = Some(parse_iso_date(date, offset)?);
            article.body_start = bom + c.get(0).map_or(0, |m| m.end());
        } else if let Some(rest) = text.strip_prefix("+++") {
            let header_start = bom + 3;
            let close = rest.find("\n+++").ok_or_else(|| MetadataError {
                offset: 0,
                message: "front matter opened with `+++` is never closed".into(),
            })?;
            let header = &rest[..close];
            let front: FrontMatter = toml::from_str(header).map_err(|e| MetadataError {
                offset: header_start + e.span().map_or(0, |s| s.start),
                message: format!("front matter: {}", e.message()),
            })?;
            let after = header_start + close + "\n+++".len();
            let line_end = article.text[after..]
                .find('\n')
                .map_or(article.text.len(), |i| after + i + 1);
            article.body_start = line_end;
            article.source = front.source;
            article.title = front.title;
            article.date = match front.date {
                None => None,
                Some(value) => {
                    let shown = match &value {
                        toml::Value::String(s) => s.clone(),
                        other => other.to_string(),
                    };
                    let offset = header_start + header.find("date").unwrap_or(0);
                    Some(parse_iso_date(shown.trim(), offset)?)
                }
            };
        }
        Ok(article)
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
    if !YEARS.contains(&chrono::Datelike::year(&date)) {
        return Err(MetadataError {
            offset,
            message: format!(
                "`{text}` is out of range: publication years run from {} to {}",
                YEARS.start(),
                YEARS.end()
            ),
        });
    }
    Ok(date)
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
        let column = self.chars_before(text, offset) - self.chars_before(text, start);
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
        Article::parse("a.txt".into(), "a.txt".into(), text.into())
    }

    #[test]
    fn date_marker_with_or_without_leading_space() {
        let a = parse(" date 2021-04-07 Chad, Niger agree").unwrap();
        assert_eq!(a.date, NaiveDate::from_ymd_opt(2021, 4, 7));
        assert_eq!(a.body(), "Chad, Niger agree");
        let b = parse("date 2025-01-19\nTitle\nBody").unwrap();
        assert_eq!(b.date, NaiveDate::from_ymd_opt(2025, 1, 19));
        assert_eq!(b.body(), "Title\nBody");
    }

    #[test]
    fn no_marker_no_date() {
        let a = parse("TEHRAN — Expressing confidence, updated 2021-10-16").unwrap();
        assert_eq!(a.date, None);
        assert_eq!(a.body_start, 0);
    }

    #[test]
    fn impossible_marker_date_is_an_error_at_its_offset() {
        let e = parse(" date 2021-02-30 text").unwrap_err();
        assert_eq!(e.offset, 6);
        assert!(e.message.contains("2021-02-30"));
    }

    #[test]
    fn front_matter() {
        let a = parse("+++\ndate = 2021-10-16\nsource = \"Mehr\"\ntitle = \"T\"\n+++\nBody text")
            .unwrap();
        assert_eq!(a.date, NaiveDate::from_ymd_opt(2021, 10, 16));
        assert_eq!(a.source.as_deref(), Some("Mehr"));
        assert_eq!(a.title.as_deref(), Some("T"));
        assert_eq!(a.body(), "Body text");
        let quoted = parse("+++\ndate = \"2021-10-16\"\n+++\nBody").unwrap();
        assert_eq!(quoted.date, NaiveDate::from_ymd_opt(2021, 10, 16));
    }

    #[test]
    fn broken_front_matter() {
        assert!(
            parse("+++\ndate = 2021-10-16\nBody")
                .unwrap_err()
                .message
                .contains("never closed")
        );
        assert!(parse("+++\ndate = \"2021-13-01\"\n+++\n").is_err());
        assert!(
            parse("+++\ndate = = 1\n+++\n")
                .unwrap_err()
                .message
                .starts_with("front matter")
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
}
