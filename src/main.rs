//! The `claimlint` command line: arguments, output and exit status over the library.

use claimlint::accept::{Baseline, Outcome, accept};
use claimlint::claim::ArticleRecord;
use claimlint::config::{self, Config};
use claimlint::corpus::{InputError, extract_corpus};
use claimlint::diagnostic::Diagnostic;
use claimlint::render::claims::{CLAIMS_VERSION, ClaimsDocument, claims_text};
use claimlint::render::{Report, concise, github, json, sarif};
use claimlint::render::{Sources, html, human};
use claimlint::rule::Severity;
use claimlint::ruleset::{KeyPart, RuleError, RuleSet};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
use std::mem::ManuallyDrop;
use std::path::{Path, PathBuf};
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
    /// Article files or folders (default: `corpus` from claimlint.toml, else ./corpus).
    paths: Vec<PathBuf>,
    /// Also read the articles listed in FILE, one path per line (`-`: standard input);
    /// listed files count when their extension is an article's and no `exclude` matches.
    #[arg(long, value_name = "FILE")]
    files_from: Option<PathBuf>,
    /// Rules folder or file; repeat to combine (default: from claimlint.toml, else ./rules).
    #[arg(long)]
    rules: Vec<PathBuf>,
    /// Read this configuration file instead of the nearest claimlint.toml.
    #[arg(long, conflicts_with = "isolated")]
    config: Option<PathBuf>,
    /// Ignore any claimlint.toml.
    #[arg(long)]
    isolated: bool,
    /// Threads for extraction (default: one per core). Output is the same whatever it is.
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
}

#[derive(Subcommand)]
enum Command {
    /// Cross-check the claims of the corpus and report contradictions.
    Check {
        #[command(flatten)]
        inputs: Inputs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
        format: ReportFormat,
        /// Colour the human report: auto (a terminal, unless NO_COLOR is set), always, never.
        #[arg(long, value_enum, default_value_t = Color::Auto)]
        color: Color,
        /// Fail on warnings too (`--deny warnings`).
        #[arg(long, value_enum)]
        deny: Option<Deny>,
        /// Report only findings that are not in this baseline file.
        #[arg(long, value_name = "FILE", conflicts_with = "write_baseline")]
        baseline: Option<PathBuf>,
        /// Write every current finding to this baseline file, and exit 0.
        #[arg(long, value_name = "FILE")]
        write_baseline: Option<PathBuf>,
        /// Print how many findings each rule reported.
        #[arg(long)]
        statistics: bool,
        /// Check claim files written by `claimlint extract` instead of articles.
        #[arg(long, value_name = "FILE", num_args = 1.., conflicts_with = "paths")]
        claims: Vec<PathBuf>,
    },
    /// Write an HTML report: summary, timelines drawn to scale, findings with their text.
    Report {
        #[command(flatten)]
        inputs: Inputs,
        /// The HTML file to write.
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
        /// Leave out findings in this baseline file.
        #[arg(long, value_name = "FILE")]
        baseline: Option<PathBuf>,
        /// Report on claim files written by `claimlint extract` instead of articles.
        #[arg(long, value_name = "FILE", num_args = 1.., conflicts_with = "paths")]
        claims: Vec<PathBuf>,
    },
    /// Extract claims to JSON Lines files, for checking apart (`check --claims`).
    Extract {
        #[command(flatten)]
        inputs: Inputs,
        /// The claim file to write (with --shards N: FILE.0 … FILE.N-1, by claim key).
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
        /// Split the claims into this many files by a hash of their key.
        #[arg(long, default_value_t = 1)]
        shards: usize,
    },
    /// List every claim the rules extract, one per line, by article and offset.
    Claims {
        #[command(flatten)]
        inputs: Inputs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ClaimsFormat::Text)]
        format: ClaimsFormat,
    },
    /// List the loaded extractors and checks.
    Rules {
        /// Rules folder or file; repeat to combine.
        #[arg(long, default_value = "rules")]
        rules: Vec<PathBuf>,
        /// Print each extractor's compiled regex on one line instead (for `rg -f`).
        #[arg(long)]
        patterns: bool,
    },
    /// Print the JSON Schema of rule files (for editors; docs/rule-schema.json).
    Schema,
    /// Run the test cases of the rule files and report each.
    Test {
        /// Rules folders or files, as `--rules` takes them.
        #[arg(value_name = "RULES")]
        paths: Vec<PathBuf>,
        /// Rules folder or file; repeat to combine (default: from claimlint.toml, else ./rules).
        #[arg(long)]
        rules: Vec<PathBuf>,
        /// Read this configuration file instead of the nearest claimlint.toml.
        #[arg(long, conflicts_with = "isolated")]
        config: Option<PathBuf>,
        /// Ignore any claimlint.toml.
        #[arg(long)]
        isolated: bool,
    },
    /// Explain what a check or extractor does, why, with an example.
    Explain {
        /// The check or extractor id.
        rule: String,
        /// Rules folder or file; repeat to combine.
        #[arg(long, default_value = "rules")]
        rules: Vec<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum ClaimsFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ReportFormat {
    /// rustc-style report with the text of each side.
    Human,
    /// One line per finding.
    Concise,
    /// A versioned JSON document (docs/json-schema.md).
    Json,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions annotations, then the human report.
    Github,
}

#[derive(Clone, Copy, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, ValueEnum)]
enum Deny {
    /// Warnings fail the run as errors do.
    Warnings,
}

/// Exit status: findings at the failing level.
const EXIT_FINDINGS: u8 = 1;
/// Exit status: the run could not be trusted (usage, rule, configuration or I/O error).
const EXIT_ERROR: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check {
            inputs,
            format,
            color,
            deny,
            baseline,
            write_baseline,
            statistics,
            claims,
        } => check(
            &inputs,
            &claims,
            &CheckOptions {
                format,
                color,
                deny_warnings: deny.is_some(),
                baseline,
                write_baseline,
                statistics,
            },
        ),
        Command::Report {
            inputs,
            output,
            baseline,
            claims,
        } => html_report(&inputs, &claims, baseline.as_deref(), &output),
        Command::Claims { inputs, format } => claims(&inputs, format),
        Command::Extract {
            inputs,
            output,
            shards,
        } => extract_to(&inputs, &output, shards),
        Command::Rules { rules, patterns } => list_rules(&rules, patterns),
        Command::Explain { rule, rules } => explain(&rule, &rules),
        Command::Test {
            mut paths,
            rules,
            config,
            isolated,
        } => {
            paths.extend(rules);
            let inputs = Inputs {
                paths: Vec::new(),
                files_from: None,
                rules: paths,
                config,
                isolated,
                threads: None,
            };
            load_config(&inputs).and_then(|config| {
                test_rules(if inputs.rules.is_empty() {
                    &config.rules
                } else {
                    &inputs.rules
                })
            })
        }
        Command::Schema => {
            write_out(claimlint::rule::json_schema().as_bytes()).map(|()| ExitCode::SUCCESS)
        }
    };
    result.unwrap_or_else(|()| ExitCode::from(EXIT_ERROR))
}

fn report_errors(errors: &[RuleError], what: &str) {
    eprint!("{}", human::rule_errors(errors));
    eprintln!(
        "error: {} problem(s) in the {what}; nothing was checked",
        errors.len()
    );
}

fn load_rules(paths: &[PathBuf]) -> Result<RuleSet, ()> {
    RuleSet::load(paths).map_err(|errors| report_errors(&errors, "rules"))
}

/// The configuration in force: `--config`, else the nearest claimlint.toml, else defaults.
fn load_config(inputs: &Inputs) -> Result<Config, ()> {
    let cwd = std::env::current_dir().map_err(|e| eprintln!("error: working directory: {e}"))?;
    let path = match (&inputs.config, inputs.isolated) {
        (_, true) => None,
        (Some(path), false) => Some(path.clone()),
        (None, false) => config::find(&cwd),
    };
    match path {
        None => Ok(Config::default()),
        Some(path) => {
            Config::load(&path, &cwd).map_err(|errors| report_errors(&errors, "configuration"))
        }
    }
}

/// Loads the configuration and the rules it (or the command line) names.
fn configured_rules(inputs: &Inputs) -> Result<(Config, RuleSet), ()> {
    let config = load_config(inputs)?;
    let rule_paths = if inputs.rules.is_empty() {
        &config.rules
    } else {
        &inputs.rules
    };
    let rules = load_rules(rule_paths)?;
    config
        .validate(&rules)
        .map_err(|errors| report_errors(&errors, "configuration"))?;
    Ok((config, rules))
}

/// Configuration, rules, the article records and the input errors met reading them.
type Extracted = (Config, RuleSet, Vec<ArticleRecord>, Vec<InputError>);

/// Loads configuration and rules, and extracts every article; input errors are printed. A
/// run that finds no article at all is an error that says where it looked.
fn extract(inputs: &Inputs) -> Result<Extracted, ()> {
    if let Some(threads) = inputs.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build_global()
            .map_err(|e| eprintln!("error: --threads: {e}"))?;
    }
    let (config, rules) = configured_rules(inputs)?;
    let listed = match &inputs.files_from {
        Some(list) => claimlint::walk::read_list(list)
            .map_err(|e| eprintln!("error: {}: cannot read the list: {e}", list.display()))?,
        None => Vec::new(),
    };
    let paths: &[PathBuf] = match (inputs.paths.is_empty(), &inputs.files_from) {
        (false, _) => &inputs.paths,
        (true, Some(_)) => &[],
        (true, None) => &config.corpus,
    };
    let found = extract_corpus(paths, &listed, &config.reading, &rules);
    for e in &found.errors {
        eprintln!("error: {e}");
    }
    if found.outside > 0 {
        let roots: Vec<String> = config
            .reading
            .selection
            .roots
            .iter()
            .map(|r| format!("`{}`", r.display()))
            .collect();
        let (files, verb) = if found.outside == 1 {
            ("file lies", "was")
        } else {
            ("files lie", "were")
        };
        eprintln!(
            "note: {} listed {files} outside the corpus ({}) and {verb} left out",
            found.outside,
            roots.join(", ")
        );
    }
    if found.records.is_empty() {
        match (&inputs.files_from, found.errors.is_empty()) {
            (_, false) => eprintln!("error: no article could be read"),
            (Some(list), true) if listed.is_empty() && inputs.paths.is_empty() => {
                eprintln!(
                    "error: no article to check: the list `{}` is empty",
                    list.display()
                )
            }
            _ => eprintln!("error: no article to check: {}", found.looked),
        }
        return Err(());
    }
    let mut records = found.records;
    claimlint::link::link(&mut records, rules.people.as_ref());
    Ok((config, rules, records, found.errors))
}

fn write_out(text: &[u8]) -> Result<(), ()> {
    written(std::io::stdout().lock().write_all(text))
}

/// The outcome of writing to stdout: a closed pipe (`| head`) is no error.
fn written(result: std::io::Result<()>) -> Result<(), ()> {
    match result {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => {
            eprintln!("error: writing output: {e}");
            Err(())
        }
    }
}

struct CheckOptions {
    format: ReportFormat,
    color: Color,
    deny_warnings: bool,
    baseline: Option<PathBuf>,
    write_baseline: Option<PathBuf>,
    statistics: bool,
}

/// The records to check: extracted from the articles, or read from claim files.
fn records(inputs: &Inputs, claim_files: &[PathBuf]) -> Result<Extracted, ()> {
    if claim_files.is_empty() {
        extract(inputs)
    } else {
        let (config, rules) = configured_rules(inputs)?;
        let mut records =
            claimlint::store::read(claim_files).map_err(|e| eprintln!("error: {e}"))?;
        claimlint::link::link(&mut records, rules.people.as_ref());
        Ok((config, rules, records, Vec::new()))
    }
}

/// The exit code of a run that wrote its output: 2 if an article could not be read.
fn done(input_errors: &[InputError]) -> ExitCode {
    if input_errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_ERROR)
    }
}

/// The findings to report once the configuration and the baseline at `baseline` (if
/// any) have accepted theirs.
fn accepted(
    diagnostics: Vec<Diagnostic>,
    config: &Config,
    baseline: Option<&Path>,
) -> Result<Outcome, ()> {
    let baseline = match baseline {
        Some(path) => Some(Baseline::read(path).map_err(|e| eprintln!("error: {e}"))?),
        None => None,
    };
    Ok(accept(diagnostics, config, baseline.as_ref()))
}

/// What every output format renders: the findings reported, and the facts of the run.
fn report_of<'a>(
    outcome: &'a Outcome,
    rules: &'a RuleSet,
    records: &[ArticleRecord],
) -> Report<'a> {
    Report {
        diagnostics: &outcome.reported,
        rules,
        articles: records.len(),
        ignored: outcome.ignored,
        baselined: outcome.baselined,
        stale_baseline: outcome.stale_baseline,
        untied: records
            .iter()
            .flat_map(|r| &r.claims)
            .filter(|c| c.is_untied())
            .count(),
    }
}

fn html_report(
    inputs: &Inputs,
    claim_files: &[PathBuf],
    baseline: Option<&Path>,
    output: &Path,
) -> Result<ExitCode, ()> {
    let (config, rules, records, input_errors) = records(inputs, claim_files)?;
    let diagnostics = claimlint::check::run(&records, &rules);
    let outcome = accepted(diagnostics, &config, baseline)?;
    let report = report_of(&outcome, &rules, &records);
    let page = html::render(
        &report,
        &records,
        &mut Sources::new(config.reading.fields.clone()),
    );
    std::fs::write(output, page)
        .map_err(|e| eprintln!("error: {}: cannot write the report: {e}", output.display()))?;
    eprintln!(
        "{}; report written to {}",
        report.summary(),
        output.display()
    );
    Ok(done(&input_errors))
}

fn check(inputs: &Inputs, claim_files: &[PathBuf], options: &CheckOptions) -> Result<ExitCode, ()> {
    let (config, rules, records, input_errors) = records(inputs, claim_files)?;
    // The process ends with the check: the records and rules go with it, not freed one
    // string at a time first.
    let (rules, records) = (ManuallyDrop::new(rules), ManuallyDrop::new(records));
    let diagnostics = claimlint::check::run(&records, &rules);
    if let Some(path) = &options.write_baseline {
        let outcome = accept(diagnostics, &config, None);
        let baseline = Baseline::of(&outcome.reported);
        baseline
            .write(path)
            .map_err(|e| eprintln!("error: {}: cannot write the baseline: {e}", path.display()))?;
        eprintln!(
            "wrote {} finding(s) of {} article(s) to {}",
            baseline.findings.len(),
            records.len(),
            path.display()
        );
        return Ok(done(&input_errors));
    }
    let outcome = accepted(diagnostics, &config, options.baseline.as_deref())?;
    let report = report_of(&outcome, &rules, &records);
    let color = match options.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    };
    let mut sources = Sources::new(config.reading.fields.clone());
    let text = match options.format {
        ReportFormat::Human => human::render(&report, &mut sources, color, options.statistics),
        ReportFormat::Concise => {
            statistics_then(&report, options.statistics, concise::render(&report))
        }
        // The largest report of a large corpus: streamed rather than built.
        ReportFormat::Json => {
            let stdout = std::io::BufWriter::new(std::io::stdout().lock());
            written(json::write(&report, stdout))?;
            String::new()
        }
        ReportFormat::Sarif => sarif::render(&report),
        ReportFormat::Github => {
            github::annotations(&report)
                + &human::render(&report, &mut sources, false, options.statistics)
        }
    };
    write_out(text.as_bytes())?;
    if !input_errors.is_empty() {
        return Ok(ExitCode::from(EXIT_ERROR));
    }
    let fail_on = if options.deny_warnings {
        Severity::Warning
    } else {
        config.fail_on
    };
    let failing = outcome.reported.iter().any(|d| d.severity >= fail_on);
    Ok(if failing {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    })
}

/// The concise report with statistics before its summary line, when asked.
fn statistics_then(report: &Report<'_>, statistics: bool, text: String) -> String {
    if !statistics {
        return text;
    }
    let summary = report.summary() + "\n";
    let body = text.strip_suffix(&summary).unwrap_or(&text);
    format!("{body}{}{summary}", report.statistics_text())
}

fn claims(inputs: &Inputs, format: ClaimsFormat) -> Result<ExitCode, ()> {
    let (_, _, records, errors) = extract(inputs)?;
    let text = match format {
        ClaimsFormat::Text => records.iter().map(claims_text).collect::<String>(),
        ClaimsFormat::Json => {
            let document = ClaimsDocument {
                version: CLAIMS_VERSION,
                articles: &records,
            };
            serde_json::to_string_pretty(&document).expect("claims serialize") + "\n"
        }
    };
    write_out(text.as_bytes())?;
    Ok(done(&errors))
}

fn test_rules(paths: &[PathBuf]) -> Result<ExitCode, ()> {
    let rules = load_rules(paths)?;
    let outcomes = claimlint::ruletest::run_all(&rules);
    let mut out = String::new();
    let failed = outcomes.iter().filter(|o| !o.passed()).count();
    for o in &outcomes {
        let status = if o.passed() { "ok  " } else { "FAIL" };
        out += &format!(
            "{status} {}:{} {}: {}\n",
            o.test.file.display(),
            o.test.line,
            o.test.rule,
            o.test.name
        );
        if !o.passed() {
            out += &o.diff();
        }
    }
    out += &format!("{} passed, {failed} failed\n", outcomes.len() - failed);
    write_out(out.as_bytes())?;
    Ok(if failed > 0 {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    })
}

fn extract_to(inputs: &Inputs, output: &std::path::Path, shards: usize) -> Result<ExitCode, ()> {
    let (_, _, records, errors) = extract(inputs)?;
    let files = claimlint::store::write(&records, output, shards)
        .map_err(|e| eprintln!("error: {}: cannot write claims: {e}", output.display()))?;
    let claims: usize = records.iter().map(|r| r.claims.len()).sum();
    eprintln!(
        "{claims} claims of {} articles written to {} file(s)",
        records.len(),
        files.len()
    );
    Ok(done(&errors))
}

fn key_template(key: &[KeyPart]) -> String {
    key.iter()
        .map(|p| match p {
            KeyPart::Literal(t) => t.clone(),
            KeyPart::Slot(s) => format!("{{{s}}}"),
        })
        .collect()
}

fn list_rules(paths: &[PathBuf], patterns: bool) -> Result<ExitCode, ()> {
    let rules = load_rules(paths)?;
    if patterns {
        let lines: String = rules
            .extractors
            .iter()
            .map(|x| rules.pattern_line(x) + "\n")
            .collect();
        write_out(lines.as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = String::new();
    for c in &rules.checks {
        out += &format!(
            "check      {:<22} {:<12} {:<8} {:<16} {}  — {}\n",
            c.id,
            format!("{:?}", c.kind).to_lowercase(),
            c.severity.name(),
            c.keys,
            c.file.display(),
            c.description.as_deref().unwrap_or("")
        );
    }
    for x in &rules.extractors {
        out += &format!(
            "extractor  {:<22} key {:<30} {}  — {}\n",
            x.id,
            key_template(&x.key),
            x.file.display(),
            x.description.as_deref().unwrap_or("")
        );
    }
    for b in &rules.page.bylines {
        out += &format!(
            "byline     {:<22} {:<12} {}  — {}\n",
            b.id,
            b.kind.name(),
            b.file.display(),
            b.description.as_deref().unwrap_or("")
        );
    }
    out += &format!(
        "{} checks, {} extractors, {} bylines, {} kinds, {} entities, {} units from {} files\n",
        rules.checks.len(),
        rules.extractors.len(),
        rules.page.bylines.len(),
        rules.kinds.len(),
        rules.gazetteer.entities().len(),
        rules.units.len(),
        rules.files.len()
    );
    write_out(out.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

fn explain(id: &str, paths: &[PathBuf]) -> Result<ExitCode, ()> {
    let rules = load_rules(paths)?;
    let text = if let Some(c) = rules.checks.iter().find(|c| c.id == id) {
        let mut text = format!(
            "{id}: {}\n\nkind: {}    default severity: {}    claims: {}    defined in {}\n",
            c.description.as_deref().unwrap_or("(no description)"),
            format!("{:?}", c.kind).to_lowercase(),
            c.severity.name(),
            c.keys,
            c.file.display()
        );
        if let Some(explanation) = &c.explanation {
            text += &format!("\n{}\n", explanation.trim());
        }
        if let Some(example) = &c.example {
            text += &format!("\nExample:\n\n{}\n", indent(example.trim()));
        }
        text
    } else if let Some(x) = rules.extractor(id) {
        let searches = if x.required.is_empty() {
            "every sentence (no word every match must contain)".to_string()
        } else {
            let sets: Vec<String> = x
                .required
                .iter()
                .map(|words| {
                    let words: Vec<String> = words
                        .iter()
                        .map(|w| match rules.gazetteer.kind_of_token(w) {
                            Some(kind) => format!("a {kind} name"),
                            None => w.clone(),
                        })
                        .collect();
                    format!("any of: {}", words.join(", "))
                })
                .collect();
            format!("sentences containing {}", sets.join("; and "))
        };
        format!(
            "{id}: {}\n\nextractor, key {}, defined in {}\nsearches {searches}\n\npattern (expanded, {} bytes):\n{}\n",
            x.description.as_deref().unwrap_or("(no description)"),
            key_template(&x.key),
            x.file.display(),
            x.pattern.len(),
            indent(&x.source)
        )
    } else if let Some(b) = rules.page.bylines.iter().find(|b| &*b.id == id) {
        format!(
            "{id}: {}\n\nbyline of kind {} (\"read from the {} …\"), defined in {}\nsearches {} lines of a page\n\npattern:\n{}\n",
            b.description.as_deref().unwrap_or("(no description)"),
            b.kind.name(),
            b.noun,
            b.file.display(),
            match b.region {
                claimlint::rule::Region::Head => "the first",
                claimlint::rule::Region::Tail => "the last",
                claimlint::rule::Region::Edges => "the first and last",
                claimlint::rule::Region::Anywhere => "all the",
            },
            indent(&b.source)
        )
    } else {
        let known = rules
            .checks
            .iter()
            .map(|c| c.id.as_str())
            .chain(rules.extractors.iter().map(|x| &*x.id))
            .chain(rules.page.bylines.iter().map(|b| &*b.id));
        eprintln!(
            "error: no check, extractor or byline `{id}`{}",
            claimlint::ruleset::did_you_mean(id, known)
        );
        return Err(());
    };
    write_out(text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("    {l}\n"))
        .collect::<String>()
        .trim_end()
        .to_string()
}

/// mimalloc: extraction allocates from every thread at once, where it is faster than the
/// system allocator and returns memory instead of keeping per-thread arenas. Built not to
/// ask for transparent huge pages (Cargo.toml): where the kernel gives them only when asked
/// (`madvise`, as on Debian and Ubuntu), each batch's memory, returned and taken again, was
/// zeroed two megabytes at a time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
