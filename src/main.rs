//! The `claimlint` command line: arguments, output and exit status over the library.

use claimlint::corpus::{self, LoadError};
use claimlint::extract::extract;
use claimlint::render::{self, ArticleClaims, ClaimsDocument};
use claimlint::ruleset::RuleSet;
use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Cross-checks the factual claims of a news corpus.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// List every claim the rules extract, one per line, by article and offset.
    Claims {
        /// Article files or folders (default: ./corpus).
        paths: Vec<PathBuf>,
        /// Rules folder or file; repeat to combine (e.g. shipped rules and a gazetteer).
        #[arg(long, default_value = "rules")]
        rules: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// List the loaded extractors, kinds and entities.
    Rules {
        /// Rules folder or file; repeat to combine.
        #[arg(long, default_value = "rules")]
        rules: Vec<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

/// Exit status: the run could not be trusted (usage, rule or I/O error).
const EXIT_ERROR: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Claims {
            paths,
            rules,
            format,
        } => claims(paths, &rules, format),
        Command::Rules { rules } => list_rules(&rules),
    }
}

fn load_rules(paths: &[PathBuf]) -> Option<RuleSet> {
    match RuleSet::load(paths) {
        Ok(rules) => Some(rules),
        Err(errors) => {
            for e in &errors {
                eprintln!("error: {e}");
            }
            eprintln!(
                "error: {} problem(s) in the rules; nothing was checked",
                errors.len()
            );
            None
        }
    }
}

fn claims(paths: Vec<PathBuf>, rules_path: &[PathBuf], format: Format) -> ExitCode {
    let Some(rules) = load_rules(rules_path) else {
        return ExitCode::from(EXIT_ERROR);
    };
    let paths = if paths.is_empty() {
        vec![PathBuf::from("corpus")]
    } else {
        paths
    };
    let (sources, walk_errors) = corpus::discover(&paths);
    let mut failed = !walk_errors.is_empty();
    for e in &walk_errors {
        eprintln!("error: {}: {}", e.path.display(), e.error);
    }
    let mut extracted = Vec::new();
    for source in &sources {
        match corpus::load(source) {
            Ok(article) => {
                let claims = extract(&article, &rules);
                extracted.push((article, claims));
            }
            Err(e) => {
                failed = true;
                let position = match &e {
                    LoadError::Metadata(m) => {
                        let text = std::fs::read_to_string(&source.path).unwrap_or_default();
                        let index = claimlint::article::LineIndex::new(&text);
                        let (line, col) = index.position(&text, m.offset);
                        format!(":{line}:{col}")
                    }
                    _ => String::new(),
                };
                eprintln!("error: {}{position}: {e}", source.path.display());
            }
        }
    }
    let mut out = std::io::stdout().lock();
    let written = match format {
        Format::Text => extracted.iter().try_for_each(|(article, claims)| {
            out.write_all(
                render::claims_text(&article.path.display().to_string(), claims).as_bytes(),
            )
        }),
        Format::Json => {
            let document = ClaimsDocument {
                version: 1,
                articles: extracted
                    .iter()
                    .map(|(article, claims)| ArticleClaims {
                        id: &article.id,
                        path: article.path.display().to_string(),
                        date: article.date.map(|d| d.format("%Y-%m-%d").to_string()),
                        claims,
                    })
                    .collect(),
            };
            serde_json::to_writer_pretty(&mut out, &document)
                .map_err(std::io::Error::other)
                .and_then(|()| writeln!(out))
        }
    };
    if let Err(e) = written
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("error: writing output: {e}");
        return ExitCode::from(EXIT_ERROR);
    }
    if failed {
        ExitCode::from(EXIT_ERROR)
    } else {
        ExitCode::SUCCESS
    }
}

fn list_rules(rules_path: &[PathBuf]) -> ExitCode {
    let Some(rules) = load_rules(rules_path) else {
        return ExitCode::from(EXIT_ERROR);
    };
    for x in &rules.extractors {
        println!(
            "{}  ({})  key {}  — {}",
            x.id,
            x.file.display(),
            x.key
                .iter()
                .map(|p| match p {
                    claimlint::ruleset::KeyPart::Literal(t) => t.clone(),
                    claimlint::ruleset::KeyPart::Slot(s) => format!("{{{s}}}"),
                })
                .collect::<String>(),
            x.description.as_deref().unwrap_or("")
        );
    }
    println!(
        "{} extractors, {} kinds, {} entities, {} units from {} files",
        rules.extractors.len(),
        rules.kinds.len(),
        rules.gazetteer.entities().len(),
        rules.units.len(),
        rules.files.len()
    );
    ExitCode::SUCCESS
}
