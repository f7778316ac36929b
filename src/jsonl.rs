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

/// The first of `names` the record has, with the name that held it.
fn field<'a>(object: &'a Map<String, Value>, names: &'a [String]) -> Option<(&'a str, &'a Value)> {
    names.iter().find_map(|n| {
        object
            .get(n)
            .filter(|v| !v.is_null())
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

impl Fields {
    /// Reads the records of the JSON Lines `text` of the file with id `file_id`, shown as
    /// `path`: one article each, which knows its line in the file. A record that cannot be
    /// read is an error at its line; the others are read. Blank lines are skipped.
    pub fn read(&self, file_id: &str, path: &Path, text: &str) -> (Vec<Article>, Vec<RecordError>) {
        let mut records = Vec::new();
        let mut errors = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (n, line) in text.lines().enumerate() {
            let number = n + 1;
            if line.trim().is_empty() {
                continue;
            }
            match self.record(file_id, path, line) {
                Ok((record_id, mut article)) => {
                    if let Some(first) = seen.get(&record_id) {
                        errors.push(RecordError {
                            line: number,
                            column: 1,
                            message: format!(
                                "record id `{record_id}` is already the id of the record on line {first}; ids name one article"
                            ),
                        });
                        continue;
                    }
                    seen.insert(record_id, number);
                    article.record_line = Some(number);
                    records.push(article);
                }
                Err((column, message)) => errors.push(RecordError {
                    line: number,
                    column,
                    message,
                }),
            }
        }
        (records, errors)
    }

    /// The text of the record `record_id` of the JSON Lines `text`, looked up again to
    /// show it.
    pub fn text_of(&self, text: &str, record_id: &str) -> Option<String> {
        text.lines()
            .filter(|l| l.contains(record_id))
            .filter_map(|l| self.record("", Path::new(""), l).ok())
            .find(|(id, _)| id == record_id)
            .map(|(_, a)| a.text)
    }

    /// The record on one line: its id and its article.
    fn record(
        &self,
        file_id: &str,
        path: &Path,
        line: &str,
    ) -> Result<(String, Article), (usize, String)> {
        let value: Value = serde_json::from_str(line)
            .map_err(|e| (e.column().max(1), format!("not a JSON record: {e}")))?;
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
            Some((_, v)) => scalar(v).filter(|s| !s.trim().is_empty()).ok_or((
                1,
                format!("the record's {} is not a string", wanted(&self.id)),
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
        if let Some(e) = error {
            return Err((1, format!("the record's text: {e}")));
        }
        let text_field = |names: &[String]| field(&object, names).and_then(|(_, v)| scalar(v));
        if let Some((name, value)) = field(&object, &self.date) {
            let written = scalar(value).unwrap_or_default();
            let (date, utc_offset) = parse_date_field(written.trim())
                .map_err(|message| (1, format!("the record's `{name}`: {message}")))?;
            let mut source = DateSource::declared(DateCarrier::Field, &written, None);
            source.rule = Some(name.into());
            source.utc_offset = utc_offset;
            article.date = Some(date);
            article.date_source = Some(source);
        }
        article.title = text_field(&self.title).or(article.title);
        article.source = text_field(&self.source).or(article.source);
        article.url = text_field(&self.url).or(article.url);
        Ok((id, article))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_become_articles_and_bad_ones_are_named() {
        let text = concat!(
            r#"{"id": "a1", "date": "2023-05-12T10:00:00+02:00", "title": "T", "text": "Body one."}"#,
            "\n\n",
            r#"{"url": "https://example.org/b", "published": "2023-05-13", "text": "Body two."}"#,
            "\n",
            r#"{"id": "c", "text": 12}"#,
            "\n",
            r#"{"id": "a1", "text": "again"}"#,
            "\n",
            r#"{"id": "d", "text": "x", "date": "May 5"}"#,
            "\n",
            "{not json\n",
            r#"{"id": 7, "text": "Undated."}"#,
            "\n",
        );
        let (records, errors) =
            Fields::default().read("feed.jsonl", Path::new("c/feed.jsonl"), text);
        let ids: Vec<&str> = records.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "feed.jsonl#a1",
                "feed.jsonl#https://example.org/b",
                "feed.jsonl#7"
            ]
        );
        let first = &records[0];
        assert_eq!(first.date.unwrap().to_string(), "2023-05-12");
        assert_eq!(first.title.as_deref(), Some("T"));
        assert_eq!(first.body(), "Body one.");
        assert_eq!(first.path, Path::new("c/feed.jsonl#a1"));
        assert_eq!(records[1].record_line, Some(3));
        assert_eq!(records[2].date, None);
        let lines: Vec<(usize, &str)> = errors
            .iter()
            .map(|e| (e.line, e.message.as_str()))
            .collect();
        assert_eq!(lines[0], (4, "the record's `text` is not a string"));
        assert!(
            lines[1]
                .1
                .contains("already the id of the record on line 1"),
            "{lines:?}"
        );
        assert_eq!(lines[1].0, 5);
        assert!(lines[2].1.starts_with("the record's `date`"), "{lines:?}");
        assert!(lines[3].1.starts_with("not a JSON record"), "{lines:?}");
        assert_eq!(errors.len(), 4);
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
        assert_eq!(fields.text_of(text, "y").as_deref(), Some("two"));
    }
}
