//! JSON Lines corpora: one article per line, as news crawlers and archives export them —
//! `{"id": …, "date": …, "title": …, "text": …}`, the field names configurable. Each
//! record is an article with the id `FILE#ID`; its spans and positions are in its text.

use crate::article::{Article, DateCarrier, DateSource, parse_date_field};
use serde::Deserialize;
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::path::Path;

/// The field names of a record, each a list of names tried in order.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fields {
    /// The record's id, unique in its file.
    #[serde(default = "default_id")]
    pub id: Vec<String>,
    /// The publication date: a date or an RFC 3339 datetime.
    #[serde(default = "default_date")]
    pub date: Vec<String>,
    /// The headline.
    #[serde(default = "default_title")]
    pub title: Vec<String>,
    /// The article text.
    #[serde(default = "default_text")]
    pub text: Vec<String>,
    /// The outlet.
    #[serde(default = "default_source")]
    pub source: Vec<String>,
    /// Where it was published.
    #[serde(default = "default_url")]
    pub url: Vec<String>,
}

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}
fn default_id() -> Vec<String> {
    names(&["id", "url"])
}
fn default_date() -> Vec<String> {
    names(&["date", "published"])
}
fn default_title() -> Vec<String> {
    names(&["title"])
}
fn default_text() -> Vec<String> {
    names(&["text"])
}
fn default_source() -> Vec<String> {
    names(&["source"])
}
fn default_url() -> Vec<String> {
    names(&["url"])
}

/// The file and the record id of a record's path (`corpus/feed.jsonl#a1`), if it is one.
pub fn split_record_path(path: &str) -> Option<(&str, &str)> {
    let at = path.find(".jsonl#")? + ".jsonl".len();
    Some((&path[..at], &path[at + 1..]))
}

impl Default for Fields {
    fn default() -> Self {
        Fields {
            id: default_id(),
            date: default_date(),
            title: default_title(),
            text: default_text(),
            source: default_source(),
            url: default_url(),
        }
    }
}

/// A record that cannot be read: its 1-based line and column in the file, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordError {
    /// Line of the record in the file.
    pub line: usize,
    /// Column of the problem in that line, in characters.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

/// The first of `names` the record has, with the name that held it: a null or an empty
/// string counts as absent, so the next name is tried.
fn field<'a>(object: &'a Map<String, Value>, names: &'a [String]) -> Option<(&'a str, &'a Value)> {
    names.iter().find_map(|n| {
        object
            .get(n)
            .filter(|v| !v.is_null() && v.as_str().is_none_or(|s| !s.trim().is_empty()))
            .map(|v| (n.as_str(), v))
    })
}

/// A scalar field as text: strings as they are, numbers written out.
fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A record read from one line: its id, its article, and what could not be read of its
/// metadata (the article is then undated).
struct Read {
    id: String,
    article: Article,
    problem: Option<String>,
}

/// The character column of byte column `byte` (1-based) of `line`.
fn char_column(line: &str, byte: usize) -> usize {
    let mut at = byte.saturating_sub(1).min(line.len());
    while !line.is_char_boundary(at) {
        at -= 1;
    }
    line[..at].chars().count() + 1
}

impl Fields {
    /// Reads the records of the JSON Lines `text` of the file with id `file_id`, shown as
    /// `path`: one article each, which knows its line in the file. A record that cannot be
    /// read is an error at its line and the others are read; one whose date cannot be
    /// read is an error too, and is read undated. An id that two records share is refused
    /// on both lines, as two files with one id are. Blank lines are skipped.
    pub fn read(&self, file_id: &str, path: &Path, text: &str) -> (Vec<Article>, Vec<RecordError>) {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut read = Vec::new();
        let mut errors = Vec::new();
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let number = n + 1;
            match self.record(file_id, path, line) {
                Ok(mut record) => {
                    if let Some(message) = record.problem.take() {
                        errors.push(RecordError {
                            line: number,
                            column: 1,
                            message,
                        });
                    }
                    record.article.record_line = Some(number);
                    read.push(record);
                }
                Err((column, message)) => errors.push(RecordError {
                    line: number,
                    column,
                    message,
                }),
            }
        }
        let mut lines_of: HashMap<&str, Vec<usize>> = HashMap::new();
        for r in &read {
            lines_of
                .entry(r.id.as_str())
                .or_default()
                .extend(r.article.record_line);
        }
        let shared: HashMap<String, Vec<usize>> = lines_of
            .into_iter()
            .filter(|(_, lines)| lines.len() > 1)
            .map(|(id, lines)| (id.to_string(), lines))
            .collect();
        let mut articles = Vec::with_capacity(read.len());
        for r in read {
            match shared.get(&r.id) {
                None => articles.push(r.article),
                Some(lines) => {
                    let line = r.article.record_line.unwrap_or(0);
                    let others: Vec<String> = lines
                        .iter()
                        .filter(|&&l| l != line)
                        .map(ToString::to_string)
                        .collect();
                    errors.push(RecordError {
                        line,
                        column: 1,
                        message: format!(
                            "record id `{}` is also the id of the record on line {}: an id names one article, so neither is read",
                            r.id,
                            others.join(", ")
                        ),
                    });
                }
            }
        }
        errors.sort_by_key(|e| e.line);
        (articles, errors)
    }

    /// The text of every record of the JSON Lines `text`, by record id: read once to show
    /// any of them.
    pub fn texts(&self, text: &str) -> HashMap<String, String> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        text.lines()
            .filter_map(|l| self.record("", Path::new(""), l).ok())
            .map(|r| (r.id, r.article.text))
            .collect()
    }

    /// The record on one line.
    fn record(&self, file_id: &str, path: &Path, line: &str) -> Result<Read, (usize, String)> {
        let value: Value = serde_json::from_str(line).map_err(|e| {
            (
                char_column(line, e.column().max(1)),
                format!("not a JSON record: {e}"),
            )
        })?;
        let Value::Object(object) = value else {
            return Err((1, "a record is a JSON object, one per line".into()));
        };
        let wanted = |names: &[String]| {
            names
                .iter()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(" or ")
        };
        let id = match field(&object, &self.id) {
            Some((name, v)) => scalar(v).ok_or((
                1,
                format!("the record's `{name}` is not a string or a number"),
            ))?,
            None => return Err((1, format!("the record has no {} field", wanted(&self.id)))),
        };
        let text = match field(&object, &self.text) {
            Some((_, Value::String(s))) => s.clone(),
            Some((name, _)) => return Err((1, format!("the record's `{name}` is not a string"))),
            None => return Err((1, format!("the record has no {} field", wanted(&self.text)))),
        };
        let article_id = format!("{file_id}#{id}");
        let shown = format!("{}#{id}", path.display());
        let (mut article, error) = Article::parse(article_id, shown.into(), text);
        let mut problem = error.map(|e| format!("the record's text: {e}; it is read undated"));
        let text_field = |names: &[String]| field(&object, names).and_then(|(_, v)| scalar(v));
        if let Some((name, value)) = field(&object, &self.date) {
            let written = scalar(value).unwrap_or_else(|| value.to_string());
            match value.as_str().map(|s| parse_date_field(s.trim())) {
                Some(Ok((date, utc_offset))) => {
                    let mut source = DateSource::declared(DateCarrier::Field, &written, None);
                    source.rule = Some(name.into());
                    source.utc_offset = utc_offset;
                    article.date = Some(date);
                    article.date_source = Some(source);
                }
                Some(Err(message)) => {
                    problem = Some(format!(
                        "the record's `{name}`: {message}; it is read undated"
                    ));
                }
                None => {
                    problem = Some(format!(
                        "the record's `{name}` is `{written}`, not a date (expected YYYY-MM-DD or an RFC 3339 datetime); it is read undated"
                    ));
                }
            }
        }
        article.title = text_field(&self.title).or(article.title);
        article.source = text_field(&self.source).or(article.source);
        article.url = text_field(&self.url).or(article.url);
        Ok(Read {
            id,
            article,
            problem,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_become_articles_and_bad_ones_are_named() {
        let text = concat!(
            "\u{feff}",
            r#"{"id": "a1", "date": "2023-05-12T10:00:00+02:00", "title": "T", "text": "Body one."}"#,
            "\n\n",
            r#"{"id": "", "url": "https://example.org/b", "published": "2023-05-13", "text": "Body two."}"#,
            "\n",
            r#"{"id": "c", "text": 12}"#,
            "\n",
            r#"{"id": "a1", "text": "again"}"#,
            "\n",
            r#"{"id": "d", "text": "Undated, said why.", "date": "May 5"}"#,
            "\n",
            "{not json\n",
            r#"{"id": 7, "text": "Undated.", "date": ""}"#,
            "\n",
            r#"{"id": "e", "text": "Epoch.", "date": 1683883200}"#,
            "\n",
            r#"{"id": "é", "tëxt": "x", "text": "ok" "#,
            "\n",
        );
        let (records, errors) =
            Fields::default().read("feed.jsonl", Path::new("c/feed.jsonl"), text);
        let ids: Vec<&str> = records.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "feed.jsonl#https://example.org/b",
                "feed.jsonl#d",
                "feed.jsonl#7",
                "feed.jsonl#e"
            ]
        );
        let second = &records[0];
        assert_eq!(second.date.unwrap().to_string(), "2023-05-13");
        assert_eq!(second.body(), "Body two.");
        assert_eq!(second.path, Path::new("c/feed.jsonl#https://example.org/b"));
        assert_eq!(second.record_line, Some(3));
        assert_eq!(records[1].date, None);
        assert_eq!(records[2].date, None);
        let lines: Vec<(usize, usize, &str)> = errors
            .iter()
            .map(|e| (e.line, e.column, e.message.as_str()))
            .collect();
        assert_eq!(lines[0].0, 1);
        assert!(
            lines[0].2.contains("also the id of the record on line 5"),
            "{lines:?}"
        );
        assert_eq!(lines[1], (4, 1, "the record's `text` is not a string"));
        assert_eq!(lines[2].0, 5);
        assert!(
            lines[3]
                .2
                .starts_with("the record's `date`: `May 5` is not a date"),
            "{lines:?}"
        );
        assert!(lines[3].2.ends_with("it is read undated"), "{lines:?}");
        assert!(lines[4].2.starts_with("not a JSON record"), "{lines:?}");
        assert!(lines[5].2.contains("`1683883200`, not a date"), "{lines:?}");
        // Columns count characters: the end of that line is its 40th byte, and its 38th
        // character.
        assert_eq!((lines[6].0, lines[6].1), (10, 38), "{lines:?}");
        assert_eq!(errors.len(), 7, "{lines:?}");
    }

    #[test]
    fn field_names_are_configurable() {
        let fields = Fields {
            id: vec!["guid".into()],
            text: vec!["body".into(), "content".into()],
            ..Fields::default()
        };
        let (records, errors) = fields.read(
            "f.jsonl",
            Path::new("f.jsonl"),
            r#"{"guid": "g", "content": "Text."}"#,
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(records[0].id, "f.jsonl#g");
        let (_, errors) = fields.read(
            "f.jsonl",
            Path::new("f.jsonl"),
            r#"{"id": "g", "text": "T"}"#,
        );
        assert_eq!(errors[0].message, "the record has no `guid` field");
        let text = "{\"guid\": \"x\", \"body\": \"one\"}\n{\"guid\": \"y\", \"body\": \"two\"}";
        assert_eq!(fields.texts(text).get("y").map(String::as_str), Some("two"));
    }
}
