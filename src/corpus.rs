//! Finding the articles of a corpus: files named directly, and the files below folders,
//! in a deterministic order.

use crate::article::{Article, LineIndex};
use crate::claim::{ArticleRecord, MAX_ARTICLE_BYTES};
use crate::extract::extract_sharing;
use crate::intern::Interner;
use crate::ruleset::RuleSet;
use rayon::prelude::*;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// A corpus file to read: where it is and the id it gets.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Source {
    /// The path as the user would name it.
    pub path: PathBuf,
    /// Path relative to the folder that was walked (or the file name for a file named
    /// directly), with `/` separators.
    pub id: String,
}

/// An I/O problem with one path; the walk goes on with the others.
#[derive(Debug)]
pub struct WalkError {
    /// The path concerned.
    pub path: PathBuf,
    /// What went wrong.
    pub error: io::Error,
}

/// File extensions read when walking a folder; files named directly are always read.
pub const ARTICLE_EXTENSIONS: [&str; 3] = ["txt", "md", "text"];

/// Lists the articles under `paths`, sorted by path and without duplicates. Hidden entries
/// (names starting with `.`) are skipped, and symbolic links to folders are not followed.
pub fn discover(paths: &[PathBuf]) -> (Vec<Source>, Vec<WalkError>) {
    let mut sources = Vec::new();
    let mut errors = Vec::new();
    for root in paths {
        match fs::metadata(root) {
            Ok(meta) if meta.is_dir() => walk(root, root, &mut sources, &mut errors),
            Ok(_) => sources.push(Source {
                path: root.clone(),
                id: root.file_name().map_or_else(
                    || root.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                ),
            }),
            Err(error) => errors.push(WalkError {
                path: root.clone(),
                error,
            }),
        }
    }
    sources.sort();
    sources.dedup_by(|a, b| a.path == b.path);
    (sources, errors)
}

fn walk(root: &Path, dir: &Path, sources: &mut Vec<Source>, errors: &mut Vec<WalkError>) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) => {
            errors.push(WalkError {
                path: dir.to_path_buf(),
                error,
            });
            return;
        }
    };
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                errors.push(WalkError {
                    path: dir.to_path_buf(),
                    error,
                });
                continue;
            }
        };
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let kind = match entry.file_type() {
            Ok(kind) => kind,
            Err(error) => {
                errors.push(WalkError { path, error });
                continue;
            }
        };
        if kind.is_symlink() {
            // Links to files are read; links to folders are not followed (no loops); a
            // dangling or looping link is reported.
            match fs::metadata(&path) {
                Ok(meta) if meta.is_file() && is_article_file(&path) => {}
                Ok(_) => continue,
                Err(error) => {
                    errors.push(WalkError { path, error });
                    continue;
                }
            }
        }
        if kind.is_dir() {
            walk(root, &path, sources, errors);
        } else if is_article_file(&path) {
            let id = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            sources.push(Source { path, id });
        }
    }
}

fn is_article_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e))
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
    /// The date marker or front matter is broken.
    Metadata(crate::article::MetadataError),
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
            LoadError::Metadata(e) => write!(f, "{e}"),
        }
    }
}

/// Reads one article and its metadata. A UTF-8 byte-order mark is accepted; UTF-16,
/// binary, empty, non-UTF-8 and overlong files are refused with the reason.
pub fn load(source: &Source) -> Result<Article, LoadError> {
    let size = fs::metadata(&source.path).map_err(LoadError::Io)?.len();
    if size > MAX_ARTICLE_BYTES as u64 {
        return Err(LoadError::TooLarge { bytes: size });
    }
    let bytes = fs::read(&source.path).map_err(LoadError::Io)?;
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(LoadError::Utf16);
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(LoadError::Binary { offset });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(LoadError::Empty);
    }
    let text = String::from_utf8(bytes).map_err(|e| LoadError::NotUtf8 {
        offset: e.utf8_error().valid_up_to(),
    })?;
    Article::parse(source.id.clone(), source.path.clone(), text).map_err(LoadError::Metadata)
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

/// Reads every article under `paths` and extracts its claims, in parallel, returned in
/// path order. Articles that cannot be read are reported and skipped; the others are all
/// processed.
pub fn extract_paths(paths: &[PathBuf], rules: &RuleSet) -> (Vec<ArticleRecord>, Vec<InputError>) {
    let (sources, walk_errors) = discover(paths);
    let mut errors: Vec<InputError> = walk_errors
        .into_iter()
        .map(|e| InputError {
            path: e.path,
            position: None,
            message: e.error.to_string(),
        })
        .collect();
    // Articles are independent: extract them in parallel; `collect` keeps path order. A
    // thread takes a few articles at least: each thread warms its own regex caches, which
    // costs more than a handful of small articles. All share one copy of each string
    // their claims repeat.
    let strings = Interner::default();
    let results: Vec<Result<ArticleRecord, InputError>> = sources
        .par_iter()
        .with_min_len(8)
        .map(|source| {
            let article = load(source).map_err(|e| {
                let position = match &e {
                    LoadError::Metadata(m) => fs::read_to_string(&source.path)
                        .ok()
                        .map(|text| LineIndex::new(&text).position(&text, m.offset)),
                    _ => None,
                };
                InputError {
                    path: source.path.clone(),
                    position,
                    message: e.to_string(),
                }
            })?;
            Ok(extract_sharing(&article, rules, &strings))
        })
        .collect();
    let mut records = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok(record) => records.push(record),
            Err(e) => errors.push(e),
        }
    }
    (records, errors)
}
