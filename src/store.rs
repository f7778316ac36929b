//! Claim files: the extracted article records as JSON Lines, one article per line, so that
//! extraction and checking can run apart — extraction as a map over article shards,
//! checking per key partition. With `N` shards every claim goes to the shard of its key's
//! hash, and each article to every shard that holds its claims (owned, for the
//! article-level checks, by the shard of its id's hash).

use crate::claim::ArticleRecord;
use crate::intern::Interner;
use std::collections::BTreeMap;
use std::io::{BufRead, BufWriter, Write};
use std::path::{Path, PathBuf};

/// FNV-1a, 64 bits: the same partition on every machine and release.
fn stable_hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The shard (of `shards`) a claim key or article id belongs to.
pub fn shard_of(text: &str, shards: usize) -> usize {
    (stable_hash(text) % shards.max(1) as u64) as usize
}

/// The file of shard `index`: `claims.jsonl` becomes `claims.3.jsonl`.
pub fn shard_path(out: &Path, index: usize, shards: usize) -> PathBuf {
    if shards <= 1 {
        return out.to_path_buf();
    }
    let stem = out.file_stem().unwrap_or_default().to_string_lossy();
    let name = match out.extension() {
        Some(ext) => format!("{stem}.{index}.{}", ext.to_string_lossy()),
        None => format!("{stem}.{index}"),
    };
    out.with_file_name(name)
}

/// The records of shard `index`: each article's claims of that shard's keys, and the
/// article-level facts where the shard owns the article.
pub fn shard(records: &[ArticleRecord], index: usize, shards: usize) -> Vec<ArticleRecord> {
    records
        .iter()
        .filter_map(|r| {
            let owned = shard_of(&r.id, shards) == index;
            let claims: Vec<_> = r
                .claims
                .iter()
                .filter(|c| shard_of(&c.key, shards) == index)
                .cloned()
                .collect();
            if claims.is_empty() && !owned {
                return None;
            }
            Some(ArticleRecord {
                id: r.id.clone(),
                path: r.path.clone(),
                date: r.date,
                date_source: if owned { r.date_source.clone() } else { None },
                dateline: if owned { r.dateline.clone() } else { None },
                record_line: r.record_line,
                claims,
                spellings: if owned {
                    r.spellings.clone()
                } else {
                    Vec::new()
                },
                capped: if owned { r.capped.clone() } else { Vec::new() },
                needs_date: if owned { r.needs_date.clone() } else { None },
                // Every shard holds the people and their offices, for linking surnames and
                // descriptions when checked alone.
                people: r.people.clone(),
                offices: r.offices.clone(),
                owned,
            })
        })
        .collect()
}

/// Writes `records` to `out` (or to `shards` files named after it), one JSON line per
/// article; returns the files written.
pub fn write(
    records: &[ArticleRecord],
    out: &Path,
    shards: usize,
) -> std::io::Result<Vec<PathBuf>> {
    let shards = shards.max(1);
    let mut written = Vec::new();
    for index in 0..shards {
        let path = shard_path(out, index, shards);
        let mut file = BufWriter::new(std::fs::File::create(&path)?);
        for record in shard(records, index, shards) {
            serde_json::to_writer(&mut file, &record)?;
            file.write_all(b"\n")?;
        }
        file.flush()?;
        written.push(path);
    }
    Ok(written)
}

/// Reads claim files and merges the records of each article (its claims from every
/// shard), in path order, claims by offset.
pub fn read(paths: &[PathBuf]) -> Result<Vec<ArticleRecord>, String> {
    let mut merged: BTreeMap<(String, String), ArticleRecord> = BTreeMap::new();
    let strings = Interner::default();
    for path in paths {
        let file = std::fs::File::open(path)
            .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
        for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
            let line = line.map_err(|e| format!("{}:{}: {e}", path.display(), n + 1))?;
            if line.trim().is_empty() {
                continue;
            }
            let mut record: ArticleRecord = serde_json::from_str(&line).map_err(|e| {
                format!(
                    "{}:{}:{}: not a claim record: {e}",
                    path.display(),
                    n + 1,
                    e.column()
                )
            })?;
            record.share_strings(&strings);
            match merged.entry((record.path.clone(), record.id.clone())) {
                std::collections::btree_map::Entry::Vacant(v) => {
                    v.insert(record);
                }
                std::collections::btree_map::Entry::Occupied(mut o) => {
                    let known = o.get_mut();
                    known.claims.extend(record.claims);
                    if record.owned {
                        known.owned = true;
                        known.spellings.extend(record.spellings);
                        known.capped.extend(record.capped);
                        known.needs_date = record.needs_date;
                    }
                }
            }
        }
    }
    Ok(merged
        .into_values()
        .map(|mut r| {
            // Stable: claims of one key (one shard) keep their order.
            r.claims.sort_by_key(|c| c.span.start);
            r
        })
        .collect())
}
