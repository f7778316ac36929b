//! Finding the articles of a corpus: files named directly, files listed in a file, and the
//! files below folders — `.gitignore` (in a repository), `.ignore` and `.claimlintignore`
//! respected, hidden entries skipped, the configured extensions and `exclude` globs
//! applied — each with an id relative to its corpus root, so that a full run, a run over a
//! subfolder and a run over a list of files name one article alike.

use globset::{GlobSet, GlobSetBuilder};
use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

/// How a corpus file holds its articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Format {
    /// One article per file: text, with an optional date marker or front matter.
    Text,
    /// One article per line, as a JSON object (`.jsonl`).
    JsonLines,
}

/// A corpus file to read: where it is and the id it gets.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Source {
    /// The id: the path relative to the corpus root, with `/` separators. The articles of
    /// a JSON Lines file are `ID#RECORD`.
    pub id: String,
    /// The path as the user would name it.
    pub path: PathBuf,
    /// How it holds its articles.
    pub format: Format,
}

/// An I/O problem with one path; the walk goes on with the others.
#[derive(Debug)]
pub struct WalkError {
    /// The path concerned.
    pub path: PathBuf,
    /// What went wrong.
    pub message: String,
}

/// The extensions of article files when the configuration names none.
pub const DEFAULT_EXTENSIONS: [&str; 5] = ["txt", "md", "markdown", "text", "jsonl"];

/// The extension of JSON Lines corpus files.
pub const JSON_LINES_EXTENSION: &str = "jsonl";

/// Which files are articles, and what their ids are relative to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    /// Corpus roots: a path inside one of them gets an id relative to it. A folder given
    /// outside every root is a root of its own; a file, its own folder.
    pub roots: Vec<PathBuf>,
    /// Extensions of the files read when walking a folder or a list (without the dot).
    pub extensions: Vec<String>,
    /// Globs over ids (`drafts/**`, `*.draft.txt`) of files and folders not to read.
    pub exclude: Vec<String>,
}

impl Default for Selection {
    fn default() -> Self {
        Selection {
            roots: vec![PathBuf::from("corpus")],
            extensions: DEFAULT_EXTENSIONS.map(String::from).to_vec(),
            exclude: Vec::new(),
        }
    }
}

/// The `exclude` globs, compiled: a glob without `/` matches a name at any depth, as in
/// `.gitignore`; `*` stops at `/`, `**` does not.
pub fn exclude_set(globs: &[String]) -> Result<GlobSet, (usize, globset::Error)> {
    let mut builder = GlobSetBuilder::new();
    for (i, glob) in globs.iter().enumerate() {
        let glob = glob.trim_start_matches("./").trim_end_matches('/');
        let anchored = if glob.contains('/') {
            glob.trim_start_matches('/').to_string()
        } else {
            format!("**/{glob}")
        };
        builder.add(
            globset::GlobBuilder::new(&anchored)
                .literal_separator(true)
                .build()
                .map_err(|e| (i, e))?,
        );
    }
    builder.build().map_err(|e| (0, e))
}

/// `path` made absolute against the working directory with `.` and `..` resolved in the
/// text (links are not followed: a linked corpus keeps the ids of its link).
fn absolute(path: &Path) -> PathBuf {
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Where a folder is, links resolved, for comparing places: a corpus reached through a
/// linked folder keeps its ids. A path that does not exist stays as [`absolute`] makes it.
fn canonical_dir(path: &Path) -> PathBuf {
    fs::canonicalize(path).unwrap_or_else(|_| absolute(path))
}

/// Where a file is, its folder's links resolved and its own name kept (a link to a file
/// inside the corpus is named by the link).
fn canonical_file(path: &Path) -> PathBuf {
    let absolute = absolute(path);
    match (absolute.parent(), absolute.file_name()) {
        (Some(parent), Some(name)) => canonical_dir(parent).join(name),
        _ => absolute,
    }
}

/// Whether an `exclude` glob matches the id or a folder it lies in.
fn excluded(exclude: &GlobSet, id: &str) -> bool {
    exclude.is_match(id)
        || id
            .match_indices('/')
            .any(|(i, _)| exclude.is_match(&id[..i]))
}

/// `path` relative to `root` with `/` separators, if it lies inside it.
fn relative_id(root: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(root).ok()?;
    Some(
        rel.components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/"),
    )
}

/// Where the walk looked and what it took, for the error of a run that found nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Looked {
    /// The folders walked and files named.
    pub paths: Vec<PathBuf>,
    /// The extensions taken in folders.
    pub extensions: Vec<String>,
}

impl std::fmt::Display for Looked {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let paths: Vec<String> = self
            .paths
            .iter()
            .map(|p| format!("`{}`", p.display()))
            .collect();
        let extensions: Vec<String> = self.extensions.iter().map(|e| format!(".{e}")).collect();
        write!(
            f,
            "looked in {} for files ending in {}",
            if paths.is_empty() {
                "no path".to_string()
            } else {
                paths.join(", ")
            },
            extensions.join(", ")
        )
    }
}

/// The articles found: sorted by id, each id once.
#[derive(Debug, Default)]
pub struct Found {
    /// The files to read, by id.
    pub sources: Vec<Source>,
    /// Paths that could not be walked, and ids claimed by two files.
    pub errors: Vec<WalkError>,
    /// Where the walk looked.
    pub looked: Looked,
    /// Listed files that lie outside every corpus root, and were left out.
    pub outside: usize,
}

impl Selection {
    /// The root `target` (a canonical path) lies in: the innermost of `roots` that holds
    /// it, if any.
    fn root_of(target: &Path, roots: &[PathBuf]) -> Option<PathBuf> {
        roots
            .iter()
            .filter(|r| target.starts_with(r))
            .max_by_key(|r| r.components().count())
            .cloned()
    }

    fn format_of(path: &Path) -> Format {
        match path.extension().and_then(|e| e.to_str()) {
            Some(JSON_LINES_EXTENSION) => Format::JsonLines,
            _ => Format::Text,
        }
    }

    fn is_article_file(&self, path: &Path) -> bool {
        path.extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| self.extensions.iter().any(|x| x == e))
    }

    /// Lists the articles under `paths` and `listed` (paths read from a list). Folders
    /// are walked: their files are taken when their extension is an article's and no
    /// `exclude` glob matches them or a folder they lie in. Files named in `paths` are
    /// always read; listed files are taken like walked ones, and only inside a configured
    /// root (a list of changed files names other files too). An id is relative to the
    /// innermost configured root that holds the file; else to the folder named, or for a
    /// named file to a named folder that holds it, else its own folder. `exclude` must be
    /// [`exclude_set`] of `self.exclude`.
    pub fn discover(&self, paths: &[PathBuf], listed: &[PathBuf], exclude: &GlobSet) -> Found {
        let mut found = Found {
            looked: Looked {
                paths: paths.iter().chain(listed).cloned().collect(),
                extensions: self.extensions.clone(),
            },
            ..Found::default()
        };
        let configured: Vec<PathBuf> = self.roots.iter().map(|r| canonical_dir(r)).collect();
        // The root of a folder: the configured one that holds it, else the folder itself.
        let root_of_dir =
            |dir: &Path| Self::root_of(dir, &configured).unwrap_or_else(|| dir.to_path_buf());
        let walked: Vec<PathBuf> = paths
            .iter()
            .filter(|p| p.is_dir())
            .map(|p| root_of_dir(&canonical_dir(p)))
            .collect();
        let mut sources = Vec::new();
        for (path, named) in paths
            .iter()
            .map(|p| (p, true))
            .chain(listed.iter().map(|p| (p, false)))
        {
            match fs::metadata(path) {
                Ok(meta) if meta.is_dir() => {
                    let dir = canonical_dir(path);
                    let prefix = relative_id(&root_of_dir(&dir), &dir).unwrap_or_default();
                    self.walk(path, &prefix, exclude, &mut sources, &mut found.errors);
                }
                Ok(_) => {
                    // A named file outside every configured root takes the root of a
                    // folder named beside it, else its own folder; a listed one is left out.
                    let file = canonical_file(path);
                    let root = Self::root_of(&file, &configured).or_else(|| {
                        named.then(|| {
                            Self::root_of(&file, &walked).unwrap_or_else(|| {
                                file.parent().map(Path::to_path_buf).unwrap_or_default()
                            })
                        })
                    });
                    let Some(root) = root else {
                        found.outside += 1;
                        continue;
                    };
                    let id = relative_id(&root, &file).unwrap_or_default();
                    if named || (self.is_article_file(path) && !excluded(exclude, &id)) {
                        sources.push(Source {
                            format: Self::format_of(path),
                            id,
                            path: path.clone(),
                        });
                    }
                }
                Err(error) => found.errors.push(WalkError {
                    path: path.clone(),
                    message: error.to_string(),
                }),
            }
        }
        found.sources = unique_ids(sources, &mut found.errors);
        found
    }

    /// Walks `dir`, whose id below its root is `prefix`.
    fn walk(
        &self,
        dir: &Path,
        prefix: &str,
        exclude: &GlobSet,
        sources: &mut Vec<Source>,
        errors: &mut Vec<WalkError>,
    ) {
        // An entry's id: its path below `dir`, put below the root.
        let prefix = prefix.to_string();
        let base = dir.to_path_buf();
        let id_of = move |path: &Path| -> String {
            let below = relative_id(&base, path).unwrap_or_default();
            match (prefix.is_empty(), below.is_empty()) {
                (true, _) => below,
                (false, true) => prefix.clone(),
                (false, false) => format!("{prefix}/{below}"),
            }
        };
        let skipped = {
            let id_of = id_of.clone();
            let exclude = exclude.clone();
            move |entry: &ignore::DirEntry| excluded(&exclude, &id_of(entry.path()))
        };
        let walker = ignore::WalkBuilder::new(dir)
            .standard_filters(true)
            // The same files on every machine: no user-wide ignore file.
            .git_global(false)
            // `.gitignore` only inside a repository, as git reads it: one in a folder above
            // an unrelated project must not hide its corpus.
            .require_git(true)
            .add_custom_ignore_filename(".claimlintignore")
            .follow_links(false)
            .filter_entry(move |entry| !skipped(entry))
            .build();
        for entry in walker {
            let entry = match entry {
                Ok(entry) => entry,
                Err(error) => {
                    errors.push(WalkError {
                        path: walk_error_path(&error).unwrap_or_else(|| dir.to_path_buf()),
                        message: walk_error_message(&error),
                    });
                    continue;
                }
            };
            let path = entry.path();
            let Some(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() || !self.is_article_file(path) {
                continue;
            }
            if kind.is_symlink() {
                // Links to files are read; links to folders are not followed (no loops);
                // a dangling or looping link is reported.
                match fs::metadata(path) {
                    Ok(meta) if meta.is_file() => {}
                    Ok(_) => continue,
                    Err(error) => {
                        errors.push(WalkError {
                            path: path.to_path_buf(),
                            message: error.to_string(),
                        });
                        continue;
                    }
                }
            }
            sources.push(Source {
                id: id_of(path),
                path: path.to_path_buf(),
                format: Self::format_of(path),
            });
        }
    }
}

/// The path an error of the walk concerns, if it names one.
fn walk_error_path(error: &ignore::Error) -> Option<PathBuf> {
    match error {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            walk_error_path(err)
        }
        _ => None,
    }
}

/// An error of the walk in words, without the path [`walk_error_path`] gives.
fn walk_error_message(error: &ignore::Error) -> String {
    match error {
        ignore::Error::WithPath { err, .. } | ignore::Error::WithDepth { err, .. } => {
            walk_error_message(err)
        }
        ignore::Error::Io(e) => e.to_string(),
        other => other.to_string(),
    }
}

/// The sources sorted by id, one per path; an id two files claim is refused with both
/// paths, and neither is read (which one was meant cannot be told).
fn unique_ids(mut sources: Vec<Source>, errors: &mut Vec<WalkError>) -> Vec<Source> {
    sources.sort();
    let mut seen = std::collections::HashSet::new();
    sources.retain(|s| seen.insert(canonical_file(&s.path)));
    let mut by_id: BTreeMap<String, Vec<Source>> = BTreeMap::new();
    for source in sources {
        by_id.entry(source.id.clone()).or_default().push(source);
    }
    let mut unique = Vec::with_capacity(by_id.len());
    for (id, mut group) in by_id {
        if group.len() == 1 {
            unique.extend(group.pop());
            continue;
        }
        let paths: Vec<String> = group
            .iter()
            .map(|s| format!("`{}`", s.path.display()))
            .collect();
        for source in &group {
            errors.push(WalkError {
                path: source.path.clone(),
                message: format!(
                    "article id `{id}` is claimed by {}: an id names one article, so none of them is read (give the folders one corpus root)",
                    paths.join(" and ")
                ),
            });
        }
    }
    unique
}

/// Reads a list of paths, one per line (`-` for standard input); blank lines are skipped.
pub fn read_list(from: &Path) -> io::Result<Vec<PathBuf>> {
    let text = if from == Path::new("-") {
        io::read_to_string(io::stdin())?
    } else {
        fs::read_to_string(from)?
    };
    Ok(text
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty())
        .map(PathBuf::from)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excludes_match_ids_like_gitignore() {
        let set = exclude_set(&["drafts".into(), "wire/*.txt".into(), "*.tmp".into()]).unwrap();
        assert!(set.is_match("drafts"));
        assert!(set.is_match("2024/drafts"));
        assert!(set.is_match("wire/a.txt"));
        assert!(!set.is_match("wire/sub/a.txt"));
        assert!(set.is_match("x/y.tmp"));
        assert!(!set.is_match("final/a.txt"));
    }

    #[test]
    fn a_folder_excluded_excludes_what_is_in_it() {
        let set = exclude_set(&["drafts".into(), "wire/old".into()]).unwrap();
        assert!(excluded(&set, "drafts/a.txt"));
        assert!(excluded(&set, "2024/drafts/b/c.txt"));
        assert!(excluded(&set, "wire/old/x.txt"));
        assert!(!excluded(&set, "wire/new/x.txt"));
        assert!(!excluded(&set, "drafts.txt"));
    }

    #[test]
    fn paths_normalize_without_touching_the_disk() {
        let cwd = std::env::current_dir().unwrap();
        assert_eq!(absolute(Path::new("a/./b/../c")), cwd.join("a/c"));
        assert_eq!(
            relative_id(Path::new("/r"), Path::new("/r/x/y.txt")).as_deref(),
            Some("x/y.txt")
        );
        assert_eq!(relative_id(Path::new("/r"), Path::new("/s/y.txt")), None);
    }
}
