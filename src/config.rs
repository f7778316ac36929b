//! `claimlint.toml`: where the corpus and rules are, per-rule severity overrides, the
//! failing level, and `[[ignore]]` entries for accepted findings. Found from the working
//! directory upward; paths in it are relative to the file.

use crate::article::LineIndex;
use crate::claim::Span;
use crate::corpus::Reading;
use crate::jsonl::Fields;
use crate::rule::Severity;
use crate::ruleset::{RuleError, RuleSet, did_you_mean, glob_match};
use crate::walk::{DEFAULT_EXTENSIONS, Selection};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};
use toml::Spanned;

/// The configuration file's name.
pub const FILE_NAME: &str = "claimlint.toml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct ConfigFile {
    corpus: Option<Vec<String>>,
    rules: Option<Vec<String>>,
    extensions: Option<Vec<String>>,
    exclude: Option<Vec<Spanned<String>>>,
    jsonl: Option<Spanned<Fields>>,
    fail_on: Option<FailOn>,
    #[serde(default)]
    severity: BTreeMap<String, Spanned<Override>>,
    #[serde(default)]
    ignore: Vec<Spanned<IgnoreDef>>,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "lowercase")]
enum FailOn {
    Error,
    Warning,
}

/// A per-rule severity override.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Override {
    /// Drop the rule's findings.
    Allow,
    /// Report them as warnings.
    Warn,
    /// Report them as errors.
    Deny,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct IgnoreDef {
    rule: Spanned<String>,
    key: Option<String>,
    #[serde(default)]
    articles: Vec<String>,
    reason: String,
}

/// One `[[ignore]]` entry: findings of `rule` whose key and article match are accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ignore {
    /// The rule (check id).
    pub rule: String,
    /// A glob over the finding's key; any key when absent.
    pub key: Option<String>,
    /// Globs over the article id of the finding; any article when empty.
    pub articles: Vec<String>,
    /// Why the finding is accepted.
    pub reason: String,
    /// Where the entry is in the configuration file.
    pub span: Span,
}

impl Ignore {
    /// Whether the entry accepts a finding of `rule` about `key` in `article`.
    pub fn matches(&self, rule: &str, key: &str, article: &str) -> bool {
        self.rule == rule
            && self.key.as_deref().is_none_or(|k| glob_match(k, key))
            && (self.articles.is_empty() || self.articles.iter().any(|a| glob_match(a, article)))
    }
}

/// The configuration in force: from a file, or the defaults.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// The file it was read from, as a path relative to the working directory.
    pub path: Option<PathBuf>,
    /// Article files or folders to check; article ids are relative to the folder among
    /// them a file lies in.
    pub corpus: Vec<PathBuf>,
    /// Which files are articles and how records are read.
    pub reading: Reading,
    /// Rule folders or files.
    pub rules: Vec<PathBuf>,
    /// Findings at or above this severity fail the run.
    pub fail_on: Severity,
    /// Severity overrides by rule id, with where each is written.
    pub overrides: BTreeMap<String, (Override, Span)>,
    /// Accepted findings.
    pub ignores: Vec<Ignore>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            path: None,
            corpus: vec![PathBuf::from("corpus")],
            reading: Reading::default(),
            rules: vec![PathBuf::from("rules")],
            fail_on: Severity::Error,
            overrides: BTreeMap::new(),
            ignores: Vec::new(),
        }
    }
}

/// The nearest `claimlint.toml` in `dir` or a folder above it.
pub fn find(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .map(|d| d.join(FILE_NAME))
        .find(|p| p.is_file())
}

/// `target` (a folder) as seen from `from` (the working directory): relative when one
/// lies inside the other's ancestry, absolute otherwise.
fn relative_dir(target: &Path, from: &Path) -> PathBuf {
    match from.strip_prefix(target) {
        Ok(below) => below
            .components()
            .filter(|c| matches!(c, Component::Normal(_)))
            .map(|_| Component::ParentDir.as_os_str())
            .collect(),
        Err(_) => target
            .strip_prefix(from)
            .map_or_else(|_| target.to_path_buf(), Path::to_path_buf),
    }
}

impl Config {
    /// Reads the configuration at `path`; `cwd` is the working directory, against which
    /// the paths it names are made relative.
    pub fn load(path: &Path, cwd: &Path) -> Result<Config, Vec<RuleError>> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| vec![RuleError::whole_file(path, format!("cannot read: {e}"))])?;
        let index = LineIndex::new(&text);
        let span_of = |range: std::ops::Range<usize>| {
            let start = index.position(&text, range.start);
            let end = index.position(&text, range.end);
            Span::new(range, start, end)
        };
        let shown = relative_dir(path.parent().unwrap_or(Path::new(".")), cwd)
            .join(path.file_name().unwrap_or_default());
        let error = |range: std::ops::Range<usize>, message: String| {
            let (line, column) = index.position(&text, range.start);
            RuleError {
                path: shown.clone(),
                range,
                line,
                column,
                message,
            }
        };
        let file: ConfigFile = toml::from_str(&text).map_err(|e| {
            vec![error(
                e.span().unwrap_or(0..0),
                e.message().trim().to_string(),
            )]
        })?;
        let absolute_dir = std::path::absolute(path.parent().unwrap_or(Path::new(".")))
            .unwrap_or_else(|_| cwd.to_path_buf());
        let base = relative_dir(&absolute_dir, cwd);
        let resolve = |list: Option<Vec<String>>, default: &str| -> Vec<PathBuf> {
            list.unwrap_or_else(|| vec![default.to_string()])
                .into_iter()
                .map(|p| {
                    let p = PathBuf::from(p);
                    if p.is_absolute() { p } else { base.join(p) }
                })
                .collect()
        };
        let mut errors = Vec::new();
        let mut ignores = Vec::new();
        for entry in &file.ignore {
            let def = entry.get_ref();
            if def.reason.trim().is_empty() {
                errors.push(error(
                    entry.span(),
                    "an ignore entry needs a `reason`".into(),
                ));
            }
            ignores.push(Ignore {
                rule: def.rule.get_ref().clone(),
                key: def.key.clone(),
                articles: def.articles.clone(),
                reason: def.reason.clone(),
                span: span_of(entry.span()),
            });
        }
        let extensions = match file.extensions {
            Some(list) => list
                .into_iter()
                .map(|e| e.trim_start_matches('.').to_string())
                .collect(),
            None => DEFAULT_EXTENSIONS.map(String::from).to_vec(),
        };
        let exclude: Vec<String> = file
            .exclude
            .iter()
            .flatten()
            .map(|g| g.get_ref().clone())
            .collect();
        if let Err((i, e)) = crate::walk::exclude_set(&exclude) {
            let at = file.exclude.as_ref().map_or(0..0, |list| list[i].span());
            errors.push(error(at, format!("exclude glob: {}", e.kind())));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let corpus = resolve(file.corpus, "corpus");
        Ok(Config {
            path: Some(shown),
            reading: Reading {
                selection: Selection {
                    roots: corpus.clone(),
                    extensions,
                    exclude,
                },
                fields: file.jsonl.map(Spanned::into_inner).unwrap_or_default(),
            },
            corpus,
            rules: resolve(file.rules, "rules"),
            fail_on: match file.fail_on {
                Some(FailOn::Warning) => Severity::Warning,
                _ => Severity::Error,
            },
            overrides: file
                .severity
                .into_iter()
                .map(|(rule, o)| {
                    let span = span_of(o.span());
                    (rule, (*o.get_ref(), span))
                })
                .collect(),
            ignores,
        })
    }

    /// Checks that every rule the configuration names exists in `rules`.
    pub fn validate(&self, rules: &RuleSet) -> Result<(), Vec<RuleError>> {
        let known: Vec<&str> = rules.checks.iter().map(|c| c.id.as_str()).collect();
        let path = self
            .path
            .clone()
            .unwrap_or_else(|| PathBuf::from(FILE_NAME));
        let mut errors = Vec::new();
        let named = self
            .overrides
            .iter()
            .map(|(rule, (_, span))| (rule, span))
            .chain(self.ignores.iter().map(|i| (&i.rule, &i.span)));
        for (rule, span) in named {
            if !known.contains(&rule.as_str()) {
                errors.push(RuleError {
                    path: path.clone(),
                    range: span.range(),
                    line: span.line as usize,
                    column: span.column as usize,
                    message: format!(
                        "no rule `{rule}` is loaded{}",
                        did_you_mean(rule, known.iter().copied())
                    ),
                });
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_dirs() {
        assert_eq!(
            relative_dir(Path::new("/a"), Path::new("/a")),
            PathBuf::new()
        );
        assert_eq!(
            relative_dir(Path::new("/a"), Path::new("/a/b/c")),
            PathBuf::from("../..")
        );
        assert_eq!(
            relative_dir(Path::new("/a/b"), Path::new("/a")),
            PathBuf::from("b")
        );
        assert_eq!(
            relative_dir(Path::new("/x"), Path::new("/a")),
            PathBuf::from("/x")
        );
    }

    #[test]
    fn reading_settings_and_a_bad_exclude_glob() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        std::fs::write(
            &path,
            "extensions = [\".txt\", \"news\"]\nexclude = [\"drafts\"]\n[jsonl]\ntext = [\"body\"]\n",
        )
        .unwrap();
        let config = Config::load(&path, dir.path()).unwrap();
        assert_eq!(config.reading.selection.extensions, ["txt", "news"]);
        assert_eq!(config.reading.selection.exclude, ["drafts"]);
        assert_eq!(config.reading.fields.text, ["body"]);
        assert_eq!(config.reading.fields.id, ["id", "url"]);
        assert_eq!(config.reading.selection.roots, [PathBuf::from("corpus")]);
        std::fs::write(&path, "exclude = [\"ok\", \"a[b\"]\n").unwrap();
        let errors = Config::load(&path, dir.path()).unwrap_err();
        assert_eq!((errors[0].line, errors[0].column), (1, 18), "{errors:?}");
        assert!(errors[0].message.starts_with("exclude glob:"), "{errors:?}");
    }

    #[test]
    fn ignore_matching() {
        let ignore = Ignore {
            rule: "visit-sequence".into(),
            key: Some("visit/*/chad".into()),
            articles: vec!["002_*".into()],
            reason: "known".into(),
            span: Span::FILE_START,
        };
        assert!(ignore.matches("visit-sequence", "visit/petrov/chad", "002_be6f.txt"));
        assert!(!ignore.matches("visit-sequence", "visit/petrov/niger", "002_be6f.txt"));
        assert!(!ignore.matches("visit-sequence", "visit/petrov/chad", "003.txt"));
        assert!(!ignore.matches("variant", "visit/petrov/chad", "002_be6f.txt"));
    }
}
