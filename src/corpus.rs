//! Reading a corpus: the files [`crate::walk`] finds, each loaded as one article or, for
//! JSON Lines, one article per record, and extracted in parallel.

use crate::article::{Article, LineIndex};
use crate::claim::{ArticleRecord, MAX_ARTICLE_BYTES};
use crate::extract::{batch_size, extract_batch};
use crate::intern::Interner;
use crate::jsonl::Fields;
use crate::ruleset::RuleSet;
use crate::walk::{Format, Looked, Selection, Source};
use rayon::prelude::*;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// What decides which files are articles and how they are read: the configuration's part.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reading {
    /// Which files are articles, and their ids.
    pub selection: Selection,
    /// The field names of JSON Lines records.
    pub fields: Fields,
}

/// Why an article could not be loaded.
#[derive(Debug)]
pub enum LoadError {
    /// Reading the file failed.
    Io(io::Error),
    /// The file is empty or holds only white space.
    Empty,
    /// The file holds a NUL byte: binary, not an article.
    Binary {
        /// Byte offset of the first NUL.
        offset: usize,
    },
    /// The file is UTF-16, by its byte-order mark.
    Utf16,
    /// The file is not UTF-8; the offset is that of the first invalid byte.
    NotUtf8 {
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// The file is larger than [`MAX_ARTICLE_BYTES`].
    TooLarge {
        /// Its size in bytes.
        bytes: u64,
    },
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Io(e) => write!(f, "cannot read: {e}"),
            LoadError::Empty => write!(f, "empty article: nothing to check"),
            LoadError::Binary { offset } => {
                write!(
                    f,
                    "binary file (NUL byte at offset {offset}), not an article"
                )
            }
            LoadError::Utf16 => {
                write!(
                    f,
                    "UTF-16 text (byte-order mark); save the article as UTF-8"
                )
            }
            LoadError::NotUtf8 { offset } => {
                write!(f, "not UTF-8 text: invalid byte at offset {offset}")
            }
            LoadError::TooLarge { bytes } => write!(
                f,
                "{bytes} bytes: larger than the {MAX_ARTICLE_BYTES} bytes an article may have"
            ),
        }
    }
}

/// Reads a corpus file: UTF-8 text of at most [`MAX_ARTICLE_BYTES`]. A UTF-8 byte-order
/// mark is accepted; UTF-16, binary, empty, non-UTF-8 and overlong files are refused with
/// the reason.
fn read_text(path: &Path) -> Result<String, LoadError> {
    let size = fs::metadata(path).map_err(LoadError::Io)?.len();
    if size > MAX_ARTICLE_BYTES as u64 {
        return Err(LoadError::TooLarge { bytes: size });
    }
    let bytes = fs::read(path).map_err(LoadError::Io)?;
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(LoadError::Utf16);
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(LoadError::Binary { offset });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(LoadError::Empty);
    }
    String::from_utf8(bytes).map_err(|e| LoadError::NotUtf8 {
        offset: e.utf8_error().valid_up_to(),
    })
}

/// The articles of one corpus file, and the problems met reading it: a text file is one
/// article (read as undated text when its metadata is broken); a JSON Lines file is one
/// article per good record.
pub fn load(source: &Source, fields: &Fields) -> (Vec<Article>, Vec<InputError>) {
    let error = |position, message: String| InputError {
        path: source.path.clone(),
        position,
        message,
    };
    let text = match read_text(&source.path) {
        Ok(text) => text,
        Err(e) => return (Vec::new(), vec![error(None, e.to_string())]),
    };
    match source.format {
        Format::Text => {
            let (article, problem) = Article::parse(source.id.clone(), source.path.clone(), text);
            let errors = problem
                .map(|m| {
                    let at = LineIndex::new(&article.text).position(&article.text, m.offset);
                    error(
                        Some(at),
                        format!("{}; the article is read as undated text", m.message),
                    )
                })
                .into_iter()
                .collect();
            (vec![article], errors)
        }
        Format::JsonLines => {
            let (records, problems) = fields.read(&source.id, &source.path, &text);
            let errors = problems
                .into_iter()
                .map(|p| error(Some((p.line, p.column)), p.message))
                .collect();
            (records, errors)
        }
    }
}

/// A path or article that could not be read, with the position of the problem where it
/// has one. The run goes on with the other articles but cannot be trusted as complete.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// The file or folder.
    pub path: PathBuf,
    /// 1-based line and character column, where the problem is inside the file.
    pub position: Option<(usize, usize)>,
    /// What went wrong.
    pub message: String,
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some((line, column)) = self.position {
            write!(f, ":{line}:{column}")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// The articles read, their records, and what could not be read.
#[derive(Debug, Default)]
pub struct Extracted {
    /// One record per article, by id.
    pub records: Vec<ArticleRecord>,
    /// Paths, files and records that could not be read; the run cannot be trusted whole.
    pub errors: Vec<InputError>,
    /// Where the walk looked, for a run that finds nothing.
    pub looked: Looked,
    /// Listed files that lie outside every corpus root, and were left out.
    pub outside: usize,
}

/// Reads every article under `paths` with the default reading and extracts its claims.
pub fn extract_paths(paths: &[PathBuf], rules: &RuleSet) -> (Vec<ArticleRecord>, Vec<InputError>) {
    let found = extract_corpus(paths, &[], &Reading::default(), rules);
    (found.records, found.errors)
}

/// Reads every article under `paths` and `listed` (see [`Selection::discover`]) and
/// extracts its claims, in parallel; records come in id order. Files and records that
/// cannot be read are reported and skipped; the others are all processed.
pub fn extract_corpus(
    paths: &[PathBuf],
    listed: &[PathBuf],
    reading: &Reading,
    rules: &RuleSet,
) -> Extracted {
    let exclude = match crate::walk::exclude_set(&reading.selection.exclude) {
        Ok(set) => set,
        Err((i, e)) => {
            return Extracted {
                errors: vec![InputError {
                    path: PathBuf::from(&reading.selection.exclude[i]),
                    position: None,
                    message: format!("exclude glob: {e}"),
                }],
                ..Extracted::default()
            };
        }
    };
    let found = reading.selection.discover(paths, listed, &exclude);
    let mut errors: Vec<InputError> = found
        .errors
        .into_iter()
        .map(|e| InputError {
            path: e.path,
            position: None,
            message: e.message,
        })
        .collect();
    // Articles are independent: extract them in parallel, a batch of them at a time (see
    // `extract_batch`); `collect` keeps id order. A file of many records (JSON Lines) is
    // extracted in parallel batches of its own, and small files join a batch with the next
    // ones, so that no more than a batch of articles waits in memory besides the file
    // being read. All share one copy of each string their claims repeat.
    let strings = Interner::default();
    let batch = batch_size(found.sources.len());
    let extract = |articles: &[Article]| -> Vec<ArticleRecord> {
        articles
            .par_chunks(batch_size(articles.len()).max(batch))
            .flat_map_iter(|articles| extract_batch(articles, rules, &strings))
            .collect()
    };
    let results: Vec<Result<ArticleRecord, InputError>> = found
        .sources
        .par_chunks(batch)
        .flat_map_iter(|sources| {
            let mut out = Vec::new();
            let mut waiting: Vec<Article> = Vec::new();
            for source in sources {
                let (articles, errors) = load(source, &reading.fields);
                if waiting.len() + articles.len() > batch {
                    out.extend(extract(&waiting).into_iter().map(Ok));
                    waiting.clear();
                }
                out.extend(errors.into_iter().map(Err));
                if articles.len() > batch {
                    out.extend(extract(&articles).into_iter().map(Ok));
                } else {
                    waiting.extend(articles);
                }
            }
            out.extend(extract(&waiting).into_iter().map(Ok));
            out
        })
        .collect();
    let mut records = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok(record) => records.push(record),
            Err(e) => errors.push(e),
        }
    }
    Extracted {
        records,
        errors,
        looked: found.looked,
        outside: found.outside,
    }
}
