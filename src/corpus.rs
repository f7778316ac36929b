//! Finding the articles of a corpus: files named directly, and the files below folders,
//! in a deterministic order.

use crate::article::Article;
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
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            walk(root, &path, sources, errors);
        } else if is_article_file(&path) && (kind.is_file() || path.is_file()) {
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
    /// The file is not UTF-8; the offset is that of the first invalid byte.
    NotUtf8 {
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// The date marker or front matter is broken.
    Metadata(crate::article::MetadataError),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Io(e) => write!(f, "cannot read: {e}"),
            LoadError::NotUtf8 { offset } => {
                write!(f, "not UTF-8 text: invalid byte at offset {offset}")
            }
            LoadError::Metadata(e) => write!(f, "{e}"),
        }
    }
}

/// Reads one article and its metadata.
pub fn load(source: &Source) -> Result<Article, LoadError> {
    let bytes = fs::read(&source.path).map_err(LoadError::Io)?;
    let text = String::from_utf8(bytes).map_err(|e| LoadError::NotUtf8 {
        offset: e.utf8_error().valid_up_to(),
    })?;
    Article::parse(source.id.clone(), source.path.clone(), text).map_err(LoadError::Metadata)
}
