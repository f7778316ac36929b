//! Front matter: a metadata block at the top of an article, TOML between `+++` lines or
//! YAML between `---` lines, as static-site generators write it. `date` (a date or an
//! RFC 3339 datetime), `title`, `source` and `url` are read; other keys are left alone.

use crate::article::{MetadataError, parse_date_field};
use chrono::NaiveDate;

/// What a front-matter block says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    /// The publication date, with the UTC offset of a datetime, and the byte offset of
    /// the `date` key.
    pub date: Option<(NaiveDate, Option<String>, usize)>,
    /// The headline.
    pub title: Option<String>,
    /// The outlet.
    pub source: Option<String>,
    /// Where the article was published.
    pub url: Option<String>,
}

/// A front-matter block found at the top of a text.
#[derive(Debug)]
pub struct Block {
    /// What it says, or why it cannot be read.
    pub read: Result<FrontMatter, MetadataError>,
    /// Where the body after it starts; 0 when the block is never closed, so that the whole
    /// text is read as the body.
    pub body_start: usize,
}

/// The front-matter block at the start of `text` (after `offset` bytes, a byte-order mark),
/// if the text opens one.
pub fn find(text: &str, offset: usize) -> Option<Block> {
    let rest = &text[offset..];
    let fence = ["+++", "---"]
        .into_iter()
        .find(|f| rest.starts_with(f) && rest[3..].starts_with(['\n', '\r']))?;
    let header_start = offset + 3;
    let closing = format!("\n{fence}");
    let Some(close) = text[header_start..].find(&closing).filter(|&c| {
        // The fence alone on its line.
        let after = &text[header_start + c + closing.len()..];
        after.is_empty() || after.starts_with(['\n', '\r'])
    }) else {
        return Some(Block {
            read: Err(MetadataError {
                offset,
                message: format!("front matter opened with `{fence}` is never closed"),
            }),
            body_start: 0,
        });
    };
    let header = &text[header_start..header_start + close];
    let after = header_start + close + closing.len();
    let body_start = text[after..]
        .find('\n')
        .map_or(text.len(), |i| after + i + 1);
    let read = if fence == "+++" {
        toml_block(header, header_start)
    } else {
        yaml_block(header, header_start)
    };
    Some(Block { read, body_start })
}

/// A date value as written, read: its day, and its UTC offset if it is a datetime.
fn date_at(text: &str, offset: usize) -> Result<(NaiveDate, Option<String>, usize), MetadataError> {
    let (date, utc_offset) = parse_date_field(text.trim()).map_err(|message| MetadataError {
        offset,
        message: format!("front matter: {message}"),
    })?;
    Ok((date, utc_offset, offset))
}

/// Byte offset of the line that sets `key` in a block, at its key.
fn key_offset(header: &str, key: &str, start: usize) -> usize {
    let mut at = 0;
    for line in header.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if let Some(after) = trimmed.strip_prefix(key)
            && after.trim_start().starts_with(['=', ':'])
        {
            return start + at + (line.len() - trimmed.len());
        }
        at += line.len();
    }
    start
}

fn toml_block(header: &str, start: usize) -> Result<FrontMatter, MetadataError> {
    let table: toml::Table = toml::from_str(header).map_err(|e| MetadataError {
        offset: start + e.span().map_or(0, |s| s.start),
        message: format!("front matter: {}", e.message().trim()),
    })?;
    let text = |key: &str| -> Result<Option<String>, MetadataError> {
        match table.get(key) {
            None => Ok(None),
            Some(toml::Value::String(s)) => Ok(Some(s.clone())),
            Some(other) => Err(MetadataError {
                offset: key_offset(header, key, start),
                message: format!(
                    "front matter: `{key}` should be a string, not a {}",
                    other.type_str()
                ),
            }),
        }
    };
    let date = match table.get("date") {
        None => None,
        Some(toml::Value::String(s)) => Some(s.clone()),
        Some(toml::Value::Datetime(d)) => Some(d.to_string()),
        Some(other) => {
            return Err(MetadataError {
                offset: key_offset(header, "date", start),
                message: format!(
                    "front matter: `date` should be a date, not a {}",
                    other.type_str()
                ),
            });
        }
    };
    Ok(FrontMatter {
        date: date
            .map(|d| date_at(&d, key_offset(header, "date", start)))
            .transpose()?,
        title: text("title")?,
        source: text("source")?,
        url: text("url")?,
    })
}

/// The byte offset of 1-based `line`, 0-based character `column` in `text` (the parser's
/// own offsets count characters), at most the end of the text.
fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let rest = &text[line_start..];
    line_start
        + rest
            .char_indices()
            .nth(column)
            .map_or(rest.len(), |(i, _)| i)
}

fn yaml_block(header: &str, start: usize) -> Result<FrontMatter, MetadataError> {
    use yaml_rust2::{Yaml, YamlLoader};
    let docs = YamlLoader::load_from_str(header).map_err(|e| MetadataError {
        offset: start + byte_offset(header, e.marker().line(), e.marker().col()),
        message: format!("front matter: {}", e.info()),
    })?;
    let empty = yaml_rust2::yaml::Hash::new();
    let map = match docs.first() {
        None | Some(Yaml::Null) => &empty,
        Some(Yaml::Hash(map)) => map,
        Some(_) => {
            return Err(MetadataError {
                offset: start,
                message: "front matter: expected `key: value` lines".into(),
            });
        }
    };
    let scalar = |key: &str| -> Result<Option<String>, MetadataError> {
        match map.get(&Yaml::String(key.into())) {
            None | Some(Yaml::Null) => Ok(None),
            Some(Yaml::String(s) | Yaml::Real(s)) => Ok(Some(s.clone())),
            Some(Yaml::Integer(n)) => Ok(Some(n.to_string())),
            Some(Yaml::Boolean(b)) => Ok(Some(b.to_string())),
            Some(_) => Err(MetadataError {
                offset: key_offset(header, key, start),
                message: format!("front matter: `{key}` should be a single value"),
            }),
        }
    };
    Ok(FrontMatter {
        date: scalar("date")?
            .map(|d| date_at(&d, key_offset(header, "date", start)))
            .transpose()?,
        title: scalar("title")?,
        source: scalar("source")?,
        url: scalar("url")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<FrontMatter, MetadataError> {
        find(text, 0).expect("a block").read
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn toml_with_date_or_datetime() {
        let t =
            read("+++\ndate = 2021-10-16\nsource = \"Wire\"\ntitle = \"T\"\n+++\nBody").unwrap();
        assert_eq!(t.date, Some((day(2021, 10, 16), None, 4)));
        assert_eq!(t.source.as_deref(), Some("Wire"));
        let t = read("+++\ntags = [\"a\"]\ndate = 2023-05-12T23:30:00-04:00\n+++\n").unwrap();
        // The date as written, not the UTC day (2023-05-13).
        let (date, offset, _) = t.date.unwrap();
        assert_eq!(
            (date, offset.as_deref()),
            (day(2023, 5, 12), Some("-04:00"))
        );
    }

    #[test]
    fn yaml_with_date_or_datetime() {
        let text = "---\ntitle: \"Talks: day two\"\ndate: 2023-05-12T10:30:00+02:00\nurl: https://example.org/a\ntags: [visit, trade]\n---\nBody";
        let block = find(text, 0).unwrap();
        let y = block.read.unwrap();
        let (date, offset, at) = y.date.unwrap();
        assert_eq!(
            (date, offset.as_deref()),
            (day(2023, 5, 12), Some("+02:00"))
        );
        assert_eq!(&text[at..at + 4], "date");
        assert_eq!(y.title.as_deref(), Some("Talks: day two"));
        assert_eq!(y.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(&text[block.body_start..], "Body");
        let plain = read("---\ndate: 2021-10-16\n---\n").unwrap();
        assert_eq!(plain.date.map(|d| d.0), Some(day(2021, 10, 16)));
    }

    #[test]
    fn broken_blocks_say_where() {
        let text = "---\ntitle: a\ndate: [1, 2\n---\nBody";
        let e = read(text).unwrap_err();
        assert!(e.message.starts_with("front matter:"), "{e}");
        assert!(e.offset > 4, "{e:?}");
        let e = read("---\ndate: 2021-13-01\n---\n").unwrap_err();
        assert_eq!(e.offset, 4);
        assert!(e.message.contains("2021-13-01"), "{e}");
        let never = find("---\ndate: 2021-01-01\nBody", 0).unwrap();
        assert!(never.read.unwrap_err().message.contains("never closed"));
        assert_eq!(never.body_start, 0);
        let e = read("+++\ndate = 12\n+++\n").unwrap_err();
        assert!(e.message.contains("should be a date"), "{e}");
    }

    #[test]
    fn yaml_errors_are_placed_in_bytes_after_wide_characters() {
        let text = "---\ntitle: ééééé\nx: ü\ndate: [1, 2\n---\nBody";
        let e = read(text).unwrap_err();
        let line = text[..e.offset].matches('\n').count() + 1;
        assert!(line >= 4, "{e:?} is on line {line}");
    }

    #[test]
    fn a_rule_of_dashes_is_not_a_block() {
        assert!(find("--- \nText", 0).is_none());
        assert!(find("----\nText", 0).is_none());
        assert!(find("Text\n---\n", 0).is_none());
    }
}
