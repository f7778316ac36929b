//! The `claimlint` command line: arguments, output and exit status over the library.

use claimlint::claim::ArticleRecord;
use claimlint::corpus::{InputError, extract_paths};
use claimlint::diagnostic::Counts;
use claimlint::render::claims::{CLAIMS_VERSION, ClaimsDocument, claims_text};
use claimlint::render::human::{self, Sources};
use claimlint::ruleset::{KeyPart, RuleSet};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Cross-checks the factual claims of a news corpus.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args)]
struct Inputs {
    /// Article files or folders (default: ./corpus).
    paths: Vec<PathBuf>,
    /// Rules folder or file; repeat to combine (e.g. the shipped rules and a gazetteer).
    #[arg(long, default_value = "rules")]
    rules: Vec<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Cross-check the claims of the corpus and report contradictions.
    Check {
        #[command(flatten)]
        inputs: Inputs,
        /// Colour the report: auto (when a terminal, unless NO_COLOR is set), always, never.
        #[arg(long, value_enum, default_value_t = Color::Auto)]
        color: Color,
    },
    /// List every claim the rules extract, one per line, by article and offset.
    Claims {
        #[command(flatten)]
        inputs: Inputs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// List the loaded extractors and checks.
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

#[derive(Clone, Copy, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

/// Exit status: findings at the failing level.
const EXIT_FINDINGS: u8 = 1;
/// Exit status: the run could not be trusted (usage, rule or I/O error).
const EXIT_ERROR: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check { inputs, color } => check(&inputs, color),
        Command::Claims { inputs, format } => claims(&inputs, format),
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

/// Loads the rules and extracts every article; input errors are printed as they are.
fn extract(inputs: &Inputs) -> Option<(RuleSet, Vec<ArticleRecord>, Vec<InputError>)> {
    let rules = load_rules(&inputs.rules)?;
    let paths = if inputs.paths.is_empty() {
        vec![PathBuf::from("corpus")]
    } else {
        inputs.paths.clone()
    };
    let (records, errors) = extract_paths(&paths, &rules);
    for e in &errors {
        eprintln!("error: {e}");
    }
    Some((rules, records, errors))
}

fn write_out(text: &[u8]) -> bool {
    match std::io::stdout().lock().write_all(text) {
        Ok(()) => true,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => true,
        Err(e) => {
            eprintln!("error: writing output: {e}");
            false
        }
    }
}

fn check(inputs: &Inputs, color: Color) -> ExitCode {
    let Some((rules, records, errors)) = extract(inputs) else {
        return ExitCode::from(EXIT_ERROR);
    };
    let diagnostics = claimlint::check::run(&records, &rules);
    let color = match color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    };
    let report = human::render(&diagnostics, records.len(), &mut Sources::default(), color);
    if !write_out(report.as_bytes()) || !errors.is_empty() {
        return ExitCode::from(EXIT_ERROR);
    }
    if Counts::of(&diagnostics).errors > 0 {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    }
}

fn claims(inputs: &Inputs, format: Format) -> ExitCode {
    let Some((_, records, errors)) = extract(inputs) else {
        return ExitCode::from(EXIT_ERROR);
    };
    let text = match format {
        Format::Text => records.iter().map(claims_text).collect::<String>(),
        Format::Json => {
            let document = ClaimsDocument {
                version: CLAIMS_VERSION,
                articles: &records,
            };
            serde_json::to_string_pretty(&document).expect("claims serialize") + "\n"
        }
    };
    if !write_out(text.as_bytes()) || !errors.is_empty() {
        return ExitCode::from(EXIT_ERROR);
    }
    ExitCode::SUCCESS
}

fn list_rules(paths: &[PathBuf]) -> ExitCode {
    let Some(rules) = load_rules(paths) else {
        return ExitCode::from(EXIT_ERROR);
    };
    let mut out = String::new();
    for x in &rules.extractors {
        let key: String = x
            .key
            .iter()
            .map(|p| match p {
                KeyPart::Literal(t) => t.clone(),
                KeyPart::Slot(s) => format!("{{{s}}}"),
            })
            .collect();
        out += &format!(
            "extractor {}  ({})  key {key}  — {}\n",
            x.id,
            x.file.display(),
            x.description.as_deref().unwrap_or("")
        );
    }
    for c in &rules.checks {
        out += &format!(
            "check {}  ({})  {:?} on {}  [{}]  — {}\n",
            c.id,
            c.file.display(),
            c.kind,
            c.keys,
            c.severity.name(),
            c.description.as_deref().unwrap_or("")
        );
    }
    out += &format!(
        "{} extractors, {} checks, {} kinds, {} entities, {} units from {} files\n",
        rules.extractors.len(),
        rules.checks.len(),
        rules.kinds.len(),
        rules.gazetteer.entities().len(),
        rules.units.len(),
        rules.files.len()
    );
    if write_out(out.as_bytes()) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_ERROR)
    }
}
