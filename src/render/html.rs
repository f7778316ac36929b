//! The HTML report: one self-contained page (inline CSS and SVG, no scripts, no network)
//! with a summary, the timeline of every series drawn to scale, and each finding with the
//! text of both sides. Markup is well-formed XML, so that tools can read it too.

use super::{Report, Sources};
use crate::check::ClaimIndex;
use crate::claim::{ArticleRecord, Claim, Span};
use crate::diagnostic::{Diagnostic, Label};
use crate::rule::{CheckKind, Severity};
use crate::ruleset::Check;
use crate::timeline::{ClaimRef, Event, Timeline};
use crate::value::Value;
use crate::value::ordinal::ordinal_word;
use chrono::{Datelike, NaiveDate};
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;
use std::sync::Arc;

/// Most lanes drawn per series; keys with findings come first.
pub const MAX_LANES: usize = 40;
/// Most articles without a date listed by name.
const MAX_UNDATED_LISTED: usize = 50;
/// Bytes of context shown on each side of a span.
const CONTEXT: usize = 160;

/// Width of the timeline drawing, and where its plot area lies.
const WIDTH: f64 = 1000.0;
const PLOT_LEFT: f64 = 250.0;
const PLOT_RIGHT: f64 = 980.0;
const LANE_HEIGHT: f64 = 96.0;
const AXIS_HEIGHT: f64 = 28.0;

/// The report as one HTML page. `records` are the articles checked.
pub fn render(report: &Report<'_>, records: &[ArticleRecord], sources: &mut Sources) -> String {
    let index = FindingIndex::new(report.diagnostics);
    let series = series(report, records, &index);
    let mut page = String::new();
    page.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n");
    page.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
    let _ = writeln!(
        page,
        "<title>claimlint report: {}</title>",
        escape(&report.summary())
    );
    let _ = writeln!(page, "<style>{STYLE}</style>\n</head>\n<body>");
    page.push_str("<h1>claimlint report</h1>\n");
    summary(&mut page, report, records);
    page.push_str("<h2 id=\"timelines\">Timelines</h2>\n");
    page.push_str(LEGEND);
    if series.is_empty() {
        page.push_str("<p class=\"empty\">No series with dated events.</p>\n");
    }
    for s in &series {
        s.render(&mut page, records, &index);
    }
    let _ = writeln!(
        page,
        "<h2 id=\"findings\">Findings ({})</h2>",
        report.diagnostics.len()
    );
    if report.diagnostics.is_empty() {
        page.push_str("<p class=\"empty\">No findings.</p>\n");
    }
    let lanes: HashMap<&str, String> = series
        .iter()
        .flat_map(|s| {
            s.lanes
                .iter()
                .map(|l| (l.timeline.key.as_str(), l.id.clone()))
        })
        .collect();
    for (i, d) in report.diagnostics.iter().enumerate() {
        finding(&mut page, i, d, lanes.get(d.key.as_str()), sources);
    }
    page.push_str("</body>\n</html>\n");
    page
}

/// The anchor of finding `i`.
fn finding_id(i: usize) -> String {
    format!("finding-{}", i + 1)
}

/// Findings by the claim they sit on and by key.
struct FindingIndex {
    /// (article, span start, span end) of a finding's primary claim → the finding.
    by_claim: HashMap<(Arc<str>, u32, u32), usize>,
    /// The same for the claims on the other side of a finding.
    by_other_claim: HashMap<(Arc<str>, u32, u32), usize>,
    /// Key → findings about it.
    by_key: HashMap<String, Vec<usize>>,
}

impl FindingIndex {
    fn new(diagnostics: &[Diagnostic]) -> FindingIndex {
        let mut by_claim = HashMap::new();
        let mut by_other_claim = HashMap::new();
        let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
        let place = |c: &Claim| (c.article.clone(), c.span.start, c.span.end);
        for (i, d) in diagnostics.iter().enumerate() {
            if let Some((first, others)) = d.claims.split_first() {
                by_claim.entry(place(first)).or_insert(i);
                for c in others {
                    by_other_claim.entry(place(c)).or_insert(i);
                }
            }
            by_key.entry(d.key.clone()).or_default().push(i);
        }
        FindingIndex {
            by_claim,
            by_other_claim,
            by_key,
        }
    }

    /// The finding whose primary claim is `claim`, if any.
    fn on(&self, claim: &Claim) -> Option<usize> {
        self.by_claim
            .get(&(claim.article.clone(), claim.span.start, claim.span.end))
            .copied()
    }

    /// A finding that has `claim` on its other side, if any.
    fn against(&self, claim: &Claim) -> Option<usize> {
        self.by_other_claim
            .get(&(claim.article.clone(), claim.span.start, claim.span.end))
            .copied()
    }
}

/// One series: the keys timeline checks look at, each a lane. Checks that see the same
/// timelines (the same keys, the same window) share one series.
struct Series<'c> {
    checks: Vec<&'c Check>,
    lanes: Vec<Lane>,
    /// Keys with events not drawn (past [`MAX_LANES`]).
    omitted: usize,
}

/// One key's timeline, and the claims of the key.
struct Lane {
    id: String,
    timeline: Timeline,
    claims: Vec<ClaimRef>,
}

fn series<'c>(
    report: &Report<'c>,
    records: &[ArticleRecord],
    index: &FindingIndex,
) -> Vec<Series<'c>> {
    let mut out = Vec::new();
    let groups = ClaimIndex::new(records);
    for (n, check) in report.rules.checks.iter().enumerate() {
        if !matches!(check.kind, CheckKind::Sequence | CheckKind::Enumeration) {
            continue;
        }
        let mut lanes: Vec<Lane> = groups
            .by_key(check)
            .into_iter()
            .map(|(key, claims)| Lane {
                id: String::new(),
                timeline: Timeline::build(key, records, &claims, check.window_days),
                claims: claims.into_owned(),
            })
            .filter(|l| !l.timeline.events.is_empty())
            .collect();
        // Keys with findings first, then in key order (the order `by_key` gives).
        lanes.sort_by_key(|l| !index.by_key.contains_key(&l.timeline.key));
        let omitted = lanes.len().saturating_sub(MAX_LANES);
        lanes.truncate(MAX_LANES);
        for (i, lane) in lanes.iter_mut().enumerate() {
            lane.id = format!("series-{}-{}", n + 1, i + 1);
        }
        let same = out.iter_mut().find(|s: &&mut Series<'_>| {
            s.checks[0].window_days == check.window_days
                && s.omitted == omitted
                && s.lanes.len() == lanes.len()
                && s.lanes
                    .iter()
                    .zip(&lanes)
                    .all(|(a, b)| a.timeline.key == b.timeline.key && a.claims == b.claims)
        });
        match same {
            Some(series) => series.checks.push(check),
            None if !lanes.is_empty() => out.push(Series {
                checks: vec![check],
                lanes,
                omitted,
            }),
            None => {}
        }
    }
    out
}

impl Series<'_> {
    fn render(&self, page: &mut String, records: &[ArticleRecord], index: &FindingIndex) {
        page.push_str("<section class=\"series\">\n");
        for check in &self.checks {
            let _ = writeln!(
                page,
                "<h3><code>{}</code> {}</h3>",
                escape(&check.id),
                escape(check.description.as_deref().unwrap_or(""))
            );
        }
        let (first, last) = self.span();
        let scale = Scale::new(first, last);
        let height = AXIS_HEIGHT + LANE_HEIGHT * self.lanes.len() as f64 + 8.0;
        let _ = writeln!(
            page,
            "<svg class=\"timeline\" role=\"img\" viewBox=\"0 0 {WIDTH} {height}\" width=\"{WIDTH}\" height=\"{height}\">"
        );
        let _ = writeln!(
            page,
            "<title>{}: {} key(s) from {first} to {last}</title>",
            escape(&self.checks[0].id),
            self.lanes.len()
        );
        scale.axis(page, height);
        for (i, lane) in self.lanes.iter().enumerate() {
            let top = AXIS_HEIGHT + LANE_HEIGHT * i as f64;
            lane.render(page, top, &scale, records, index);
        }
        page.push_str("</svg>\n");
        if self.omitted > 0 {
            let _ = writeln!(
                page,
                "<p class=\"omitted\">{} more key(s) without findings are not drawn.</p>",
                self.omitted
            );
        }
        page.push_str("</section>\n");
    }

    /// The first and last day of every event drawn.
    fn span(&self) -> (NaiveDate, NaiveDate) {
        let events = self.lanes.iter().flat_map(|l| &l.timeline.events);
        let first = events.clone().map(|e| e.date.start).min();
        let last = events.map(|e| e.date.end).max();
        (
            first.unwrap_or(NaiveDate::MIN),
            last.unwrap_or(NaiveDate::MIN),
        )
    }
}

/// What an event is to the findings: where one sits, the other side of one, or neither.
#[derive(Clone, Copy)]
enum Role {
    Conflict(usize),
    OtherSide(usize),
    Plain,
}

impl Role {
    /// Which labels go first when there is no room for all.
    fn rank(self) -> u8 {
        match self {
            Role::Conflict(_) => 0,
            Role::OtherSide(_) => 1,
            Role::Plain => 2,
        }
    }
}

/// Days to x positions.
struct Scale {
    from: NaiveDate,
    to: NaiveDate,
}

impl Scale {
    /// A scale showing `first..=last` with a margin on each side.
    fn new(first: NaiveDate, last: NaiveDate) -> Scale {
        let margin = ((last - first).num_days() / 20).max(45);
        let shift = |d: NaiveDate, days: i64| {
            d.checked_add_signed(chrono::TimeDelta::days(days))
                .unwrap_or(d)
        };
        Scale {
            from: shift(first, -margin),
            to: shift(last, margin + 1),
        }
    }

    fn x(&self, day: NaiveDate) -> f64 {
        let total = (self.to - self.from).num_days().max(1) as f64;
        let at = (day - self.from).num_days() as f64;
        PLOT_LEFT + (PLOT_RIGHT - PLOT_LEFT) * at / total
    }

    /// Year ticks (every 1, 2, 5, … years so that at most a dozen show), or month ticks
    /// for a span under two years.
    fn axis(&self, page: &mut String, height: f64) {
        let days = (self.to - self.from).num_days();
        let mut ticks = Vec::new();
        if days < 730 {
            let step = (days / 30 / 12 + 1) as u32;
            let mut d = NaiveDate::from_ymd_opt(self.from.year(), self.from.month(), 1);
            while let Some(day) = d.filter(|d| *d <= self.to) {
                if day >= self.from && (day.month() - 1) % step == 0 {
                    ticks.push((day, day.format("%Y-%m").to_string()));
                }
                d = day.checked_add_months(chrono::Months::new(1));
            }
        } else {
            let years = days / 365;
            let step = [1, 2, 5, 10, 20, 50, 100, 200, 500]
                .into_iter()
                .find(|s| years / s <= 12)
                .unwrap_or(1000) as i32;
            let mut year = self.from.year() + 1;
            year += (step - year.rem_euclid(step)) % step;
            while let Some(day) = NaiveDate::from_ymd_opt(year, 1, 1).filter(|d| *d <= self.to) {
                ticks.push((day, year.to_string()));
                year += step;
            }
        }
        for (day, label) in ticks {
            let x = self.x(day);
            let _ = writeln!(
                page,
                "<line class=\"tick\" x1=\"{x:.1}\" y1=\"{AXIS_HEIGHT}\" x2=\"{x:.1}\" y2=\"{height:.1}\"/>\
                 <text class=\"tick\" x=\"{x:.1}\" y=\"18\">{label}</text>"
            );
        }
    }
}

impl Lane {
    fn render(
        &self,
        page: &mut String,
        top: f64,
        scale: &Scale,
        records: &[ArticleRecord],
        index: &FindingIndex,
    ) {
        let key = &self.timeline.key;
        let findings = index.by_key.get(key).map_or(0, Vec::len);
        let _ = writeln!(
            page,
            "<g class=\"lane\" id=\"{}\"><rect class=\"lane-bg\" x=\"0\" y=\"{top:.1}\" width=\"{WIDTH}\" height=\"{LANE_HEIGHT}\"/>",
            self.id
        );
        let _ = writeln!(
            page,
            "<text class=\"key\" x=\"8\" y=\"{:.1}\"><title>{}</title>{}</text>",
            top + 44.0,
            escape(key),
            escape(&shorten(key, 34))
        );
        if let Some(&first) = index.by_key.get(key).and_then(|f| f.first()) {
            let _ = writeln!(
                page,
                "<a href=\"#{}\"><text class=\"key-findings\" x=\"8\" y=\"{:.1}\">{findings} finding(s)</text></a>",
                finding_id(first),
                top + 62.0
            );
        }
        let y = top + 40.0;
        let _ = writeln!(
            page,
            "<line class=\"lane-axis\" x1=\"{PLOT_LEFT}\" y1=\"{:.1}\" x2=\"{PLOT_RIGHT}\" y2=\"{:.1}\"/>",
            y + 6.0,
            y + 6.0
        );
        let roles: Vec<Role> = self
            .timeline
            .events
            .iter()
            .map(|event| {
                // An event in conflict: a finding sits on a claim dated to it (not on a
                // list that merely names it).
                let dated = || event.mentions.iter().filter(|m| !m.listed);
                let on = dated().filter_map(|m| index.on(m.claim.get(records))).min();
                let against = || {
                    dated()
                        .filter_map(|m| index.against(m.claim.get(records)))
                        .min()
                };
                on.map(Role::Conflict)
                    .or_else(|| against().map(Role::OtherSide))
                    .unwrap_or(Role::Plain)
            })
            .collect();
        for (event, &role) in self.timeline.events.iter().zip(&roles) {
            event_mark(page, event, role, y, scale, records);
        }
        // Labels where they fit, those of findings first; the marks carry the rest as
        // tooltips.
        let mut below = Rows::new(3);
        let mut order: Vec<usize> = (0..self.timeline.events.len()).collect();
        order.sort_by_key(|&e| (roles[e].rank(), e));
        for e in order {
            let event = &self.timeline.events[e];
            let x = scale.x(event.date.start);
            let articles = event.articles(records);
            let shown: Vec<String> = articles
                .iter()
                .take(3)
                .map(|a| article_label(a, 16))
                .collect();
            let more = match articles.len() {
                n if n > 3 => format!(" +{}", n - 3),
                _ => String::new(),
            };
            let text = format!("{} · {}{more}", event.date, shown.join(", "));
            if let Some(row) = below.place(x, &text) {
                let _ = writeln!(
                    page,
                    "<text class=\"event-label\" x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"{}\">{}</text>",
                    y + 28.0 + 12.0 * row as f64,
                    anchor(x, &text),
                    escape(&text)
                );
            }
        }
        // Ordinals, next to the event they are about; conflicting ones first.
        let mut ordinals: Vec<(Option<usize>, ClaimRef, u32, usize)> = self
            .claims
            .iter()
            .filter_map(
                |&c| match (&c.get(records).value, self.timeline.event_of(c)) {
                    (Value::Ordinal(n), Some(e)) => Some((index.on(c.get(records)), c, *n, e)),
                    _ => None,
                },
            )
            .collect();
        ordinals.sort_by_key(|&(finding, c, _, _)| (finding.is_none(), c));
        // An article that gives an event the same ordinal twice (headline and body) once.
        let mut seen = std::collections::HashSet::new();
        ordinals.retain(|&(_, c, n, e)| seen.insert((c.record, n, e)));
        let mut above = Rows::new(2);
        for (finding, c, n, e) in ordinals {
            let claim = c.get(records);
            let x = scale.x(self.timeline.events[e].date.start);
            let article = &records[c.record].id;
            let text = format!("“{}” ({})", ordinal_word(n), article_label(article, 16));
            let Some(row) = above.place(x, &text) else {
                continue;
            };
            let tip = format!("{article}: {}", claim.text);
            let label = format!(
                "<text class=\"ordinal{}\" x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"{}\"><title>{}</title>{}</text>",
                if finding.is_some() { " conflict" } else { "" },
                y - 12.0 - 12.0 * row as f64,
                anchor(x, &text),
                escape(&tip),
                escape(&text)
            );
            match finding {
                Some(i) => {
                    let _ = writeln!(page, "<a href=\"#{}\">{label}</a>", finding_id(i));
                }
                None => {
                    let _ = writeln!(page, "{label}");
                }
            }
        }
        page.push_str("</g>\n");
    }
}

/// One event: a mark as long as its date is coarse (a day, a month, a year), with its
/// date and articles as tooltip, linked to the finding it takes part in.
fn event_mark(
    page: &mut String,
    event: &Event,
    role: Role,
    y: f64,
    scale: &Scale,
    records: &[ArticleRecord],
) {
    let x0 = scale.x(event.date.start);
    let x1 = scale.x(event.date.end.succ_opt().unwrap_or(event.date.end));
    let width = (x1 - x0).max(4.0);
    let (class, finding) = match role {
        Role::Conflict(i) => ("event conflict", Some(i)),
        Role::OtherSide(i) => ("event other-side", Some(i)),
        Role::Plain => ("event", None),
    };
    let rect = format!(
        "<rect class=\"{class}\" x=\"{x0:.1}\" y=\"{y:.1}\" width=\"{width:.1}\" height=\"12\"><title>{} — {}</title></rect>",
        event.date,
        escape(&event.articles(records).join(", "))
    );
    match finding {
        Some(i) => {
            let _ = writeln!(page, "<a href=\"#{}\">{rect}</a>", finding_id(i));
        }
        None => {
            let _ = writeln!(page, "{rect}");
        }
    }
}

/// Rows of labels in a lane: a label takes the first row where it overlaps no other.
struct Rows {
    taken: Vec<Vec<(f64, f64)>>,
}

impl Rows {
    fn new(rows: usize) -> Rows {
        Rows {
            taken: vec![Vec::new(); rows],
        }
    }

    /// The row for `text` drawn at `x` (anchored as [`anchor`] says), if one has room.
    fn place(&mut self, x: f64, text: &str) -> Option<usize> {
        let width = text.chars().count() as f64 * CHAR_WIDTH;
        let (a, b) = match anchor(x, text) {
            "end" => (x - width, x),
            _ => (x, x + width),
        };
        let row = self
            .taken
            .iter()
            .position(|r| r.iter().all(|&(c, d)| b + 6.0 <= c || d + 6.0 <= a))?;
        self.taken[row].push((a, b));
        Some(row)
    }
}

fn summary(page: &mut String, report: &Report<'_>, records: &[ArticleRecord]) {
    let counts = report.counts();
    let claims: usize = records.iter().map(|r| r.claims.len()).sum();
    let undated: Vec<&str> = records
        .iter()
        .filter(|r| r.owned && r.date.is_none())
        .map(|r| r.id.as_str())
        .collect();
    page.push_str("<section class=\"summary\" id=\"summary\">\n<dl>\n");
    let mut item = |term: &str, value: String| {
        let _ = writeln!(page, "<div><dt>{term}</dt><dd>{value}</dd></div>");
    };
    item("articles", report.articles.to_string());
    item("claims", claims.to_string());
    item(
        "errors",
        format!("<span class=\"sev-error\">{}</span>", counts.errors),
    );
    item(
        "warnings",
        format!("<span class=\"sev-warning\">{}</span>", counts.warnings),
    );
    item("notes", counts.notes.to_string());
    item("without a date", undated.len().to_string());
    page.push_str("</dl>\n");
    let _ = writeln!(page, "<p class=\"line\">{}</p>", escape(&report.summary()));
    // Findings by rule and severity.
    let mut by_rule: BTreeMap<&str, [usize; 3]> = BTreeMap::new();
    for d in report.diagnostics {
        let column = match d.severity {
            Severity::Error => 0,
            Severity::Warning => 1,
            Severity::Note => 2,
        };
        by_rule.entry(&d.rule).or_default()[column] += 1;
    }
    if !by_rule.is_empty() {
        page.push_str(
            "<table class=\"by-rule\">\n<thead><tr><th>rule</th><th>errors</th><th>warnings</th><th>notes</th></tr></thead>\n<tbody>\n",
        );
        for (rule, [e, w, n]) in by_rule {
            let _ = writeln!(
                page,
                "<tr><td><code>{}</code></td><td>{e}</td><td>{w}</td><td>{n}</td></tr>",
                escape(rule)
            );
        }
        page.push_str("</tbody>\n</table>\n");
    }
    if !undated.is_empty() {
        page.push_str("<p>Articles without a date: ");
        let listed: Vec<String> = undated
            .iter()
            .take(MAX_UNDATED_LISTED)
            .map(|a| format!("<code>{}</code>", escape(a)))
            .collect();
        page.push_str(&listed.join(", "));
        if undated.len() > MAX_UNDATED_LISTED {
            let _ = write!(page, " and {} more", undated.len() - MAX_UNDATED_LISTED);
        }
        page.push_str("</p>\n");
    }
    page.push_str("</section>\n");
}

fn finding(
    page: &mut String,
    i: usize,
    d: &Diagnostic,
    lane: Option<&String>,
    sources: &mut Sources,
) {
    let severity = d.severity.name();
    let _ = writeln!(
        page,
        "<section class=\"finding sev-{severity}\" id=\"{}\">",
        finding_id(i)
    );
    let _ = writeln!(
        page,
        "<h3><span class=\"badge\">{severity}</span> <code>{}</code> {}</h3>",
        escape(&d.rule),
        escape(&d.message)
    );
    let mut about = format!("about <code>{}</code>", escape(&d.key));
    if let Some(lane) = lane {
        let _ = write!(about, " · <a href=\"#{lane}\">see its timeline</a>");
    }
    let _ = writeln!(page, "<p class=\"about\">{about}</p>");
    excerpt(page, &d.primary, true, sources);
    for label in &d.secondary {
        excerpt(page, label, false, sources);
    }
    for note in &d.notes {
        let _ = writeln!(page, "<p class=\"note\"><b>note:</b> {}</p>", escape(note));
    }
    if let Some(help) = &d.help {
        let _ = writeln!(page, "<p class=\"help\"><b>help:</b> {}</p>", escape(help));
    }
    page.push_str("</section>\n");
}

/// The text around a label's span, the span marked.
fn excerpt(page: &mut String, label: &Label, primary: bool, sources: &mut Sources) {
    let class = if primary { "primary" } else { "secondary" };
    let Span { line, column, .. } = label.span;
    let std::ops::Range { start, end } = label.span.range();
    let _ = writeln!(
        page,
        "<figure class=\"excerpt {class}\"><figcaption><code>{}:{line}:{column}</code> — {}</figcaption>",
        escape(&label.path),
        escape(&label.message)
    );
    match sources.get(&label.path) {
        Some(text) if end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end) => {
            let from = floor_boundary(text, start.saturating_sub(CONTEXT));
            let to = ceil_boundary(text, (end + CONTEXT).min(text.len()));
            let _ = writeln!(
                page,
                "<blockquote>{}{}<mark>{}</mark>{}{}</blockquote>",
                if from > 0 { "…" } else { "" },
                escape(&text[from..start]),
                escape(&text[start..end]),
                escape(&text[end..to]),
                if to < text.len() { "…" } else { "" }
            );
        }
        _ => page.push_str("<blockquote class=\"missing\">(the article can no longer be read at this position)</blockquote>\n"),
    }
    page.push_str("</figure>\n");
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn ceil_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// Average width of a character of the drawing's 11px type, generously.
const CHAR_WIDTH: f64 = 6.4;

/// Where a label drawn at `x` is anchored: it ends at its event rather than starting there
/// when it would otherwise run out of the drawing.
fn anchor(x: f64, text: &str) -> &'static str {
    if x + text.chars().count() as f64 * CHAR_WIDTH > WIDTH - 4.0 {
        "end"
    } else {
        "start"
    }
}

/// An article id for a label: without its file extension, cut to `max` characters.
fn article_label(id: &str, max: usize) -> String {
    let stem = match id.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && !ext.contains('/') => stem,
        _ => id,
    };
    shorten(stem, max)
}

/// `text` cut to `max` characters, with an ellipsis when cut.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        text.chars().take(max - 1).chain(['…']).collect()
    }
}

/// Text for HTML and XML: markup characters escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters are not allowed in XML; show them as the replacement.
            c if c.is_control() && !matches!(c, '\n' | '\t') => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

const LEGEND: &str = "<p class=\"legend\"><span class=\"swatch event\"></span> an event, as long as its \
date is precise (a day, a month, a year), labelled with its date and the articles behind it \
· <span class=\"swatch conflict\"></span> an event a finding sits on \
· <span class=\"swatch other-side\"></span> the other side of a finding \
· above an event, the ordinals articles give it; underlined in red where they conflict. \
Marks link to their finding.</p>\n";

const STYLE: &str = r#"
:root { --error: #c0262d; --warning: #b7791f; --note: #2b6cb0; --event: #2f6db5; --ink: #1a202c; --muted: #5a6472; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); max-width: 1040px; margin: 1.5em auto; padding: 0 1em; }
h1 { font-size: 1.6em; margin-bottom: .3em; }
h2 { border-bottom: 1px solid #d8dde3; padding-bottom: .2em; margin-top: 1.6em; }
h3 { font-size: 1.05em; margin: .3em 0; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .92em; }
.summary dl { display: flex; flex-wrap: wrap; gap: .6em; margin: 0; }
.summary dl div { border: 1px solid #d8dde3; border-radius: 6px; padding: .4em .9em; min-width: 7em; }
.summary dt { color: var(--muted); font-size: .85em; }
.summary dd { margin: 0; font-size: 1.4em; font-weight: 600; }
.sev-error .badge, span.sev-error { color: var(--error); }
.sev-warning .badge, span.sev-warning { color: var(--warning); }
.sev-note .badge { color: var(--note); }
.badge { font-weight: 700; text-transform: uppercase; font-size: .8em; letter-spacing: .04em; }
table.by-rule { border-collapse: collapse; margin: .8em 0; }
table.by-rule th, table.by-rule td { border: 1px solid #d8dde3; padding: .2em .7em; text-align: right; }
table.by-rule th:first-child, table.by-rule td:first-child { text-align: left; }
svg.timeline { max-width: 100%; height: auto; font: 11px system-ui, sans-serif; }
svg .lane-bg { fill: #f6f8fa; stroke: #e2e6ea; }
svg .lane-axis { stroke: #b8c0c8; }
svg .tick { stroke: #e2e6ea; }
svg text.tick { fill: var(--muted); stroke: none; text-anchor: middle; }
svg .key { font-weight: 600; fill: var(--ink); }
svg .key-findings { fill: var(--error); }
svg rect.event { fill: var(--event); }
svg rect.event.conflict { fill: var(--error); }
svg rect.event.other-side { stroke: var(--warning); stroke-width: 3; }
svg .event-label { fill: var(--muted); }
svg .ordinal { fill: var(--ink); font-weight: 600; }
svg .ordinal.conflict { fill: var(--error); text-decoration: underline; }
.finding { border-left: 4px solid var(--note); padding: .3em .9em; margin: 1em 0; background: #fbfcfd; }
.finding.sev-error { border-color: var(--error); }
.finding.sev-warning { border-color: var(--warning); }
.about { color: var(--muted); margin: .2em 0 .5em; }
figure.excerpt { margin: .5em 0; }
figure.excerpt figcaption { font-size: .88em; color: var(--muted); }
figure.excerpt.primary figcaption { color: var(--ink); }
blockquote { margin: .2em 0; padding: .4em .7em; background: #fff; border: 1px solid #e2e6ea; border-radius: 4px; white-space: pre-wrap; }
mark { background: #ffe58f; padding: 0 .1em; }
.primary mark { background: #ffc9c9; outline: 1px solid var(--error); }
.note, .help { margin: .3em 0; }
.omitted, .empty, .legend { color: var(--muted); }
.legend { font-size: .9em; }
.swatch { display: inline-block; width: 1.4em; height: .8em; vertical-align: middle; background: var(--event); }
.swatch.conflict { background: var(--error); }
.swatch.other-side { outline: 3px solid var(--warning); outline-offset: -3px; }
@media print { body { max-width: none; } .finding { break-inside: avoid; } svg.timeline { break-inside: avoid; } a { color: inherit; } }
"#;
