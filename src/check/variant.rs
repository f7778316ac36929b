//! `variant`: one article keeps to one spelling of each entity ("Raisi" or "Raeisi", not
//! both). Different articles may spell differently.

use crate::claim::{ArticleRecord, SpellingUse, UNDECLARED};
use crate::diagnostic::{Diagnostic, Label};
use crate::ruleset::Check;
use std::collections::BTreeMap;

/// Runs the check on every article.
pub fn run(check: &Check, records: &[ArticleRecord], out: &mut Vec<Diagnostic>) {
    for record in records.iter().filter(|r| r.owned) {
        let mut groups: BTreeMap<(&str, usize), Vec<&SpellingUse>> = BTreeMap::new();
        for use_ in &record.spellings {
            groups
                .entry((&*use_.entity, use_.group))
                .or_default()
                .push(use_);
        }
        // The findings made here, by message and place.
        let mut made = Vec::new();
        for uses in groups.values_mut() {
            if uses.len() < 2 {
                continue;
            }
            uses.sort_by_key(|u| u.span.start);
            let forms: Vec<String> = uses.iter().map(|u| format!("\"{}\"", u.form)).collect();
            let label = |u: &SpellingUse, message: String| Label::at(record, u.span, message);
            let first = uses[0];
            let second = uses[1];
            let mut d = Diagnostic {
                rule: check.id.clone(),
                key: format!("entity/{}", first.entity),
                anchor: uses.iter().map(|u| &*u.form).collect::<Vec<_>>().join("/"),
                fingerprint: String::new(),
                claims: Vec::new(),
                severity: check.severity,
                message: format!(
                    "{} is spelled {} ways in this article: {}",
                    first.name,
                    number_word(uses.len()),
                    super::and_list(&forms)
                ),
                primary: label(second, format!("spelled \"{}\" here", second.form)),
                secondary: vec![label(first, format!("spelled \"{}\" first", first.form))],
                notes: Vec::new(),
                // A slip no rule declares: the name, wherever it stands.
                help: Some(if first.group == UNDECLARED {
                    format!("did you mean \"{}\"?", first.name)
                } else {
                    format!("keep to one spelling, e.g. \"{}\" throughout", first.form)
                }),
            };
            for extra in &uses[2..] {
                d.secondary
                    .push(label(extra, format!("and \"{}\" here", extra.form)));
            }
            // Two spelling groups of one name ("Mohamed Abdullahi Mohamed") that differ at
            // the same places make one finding.
            if made.contains(&(d.message.clone(), d.primary.span)) {
                continue;
            }
            made.push((d.message.clone(), d.primary.span));
            out.push(d);
        }
    }
}

fn number_word(n: usize) -> String {
    match n {
        2 => "two".into(),
        3 => "three".into(),
        4 => "four".into(),
        n => n.to_string(),
    }
}
