//! `demarche check`: verify the store's integrity and that the index holds
//! exactly the stored statements; `--repair` brings the index back in step.

use std::collections::BTreeSet;
use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use demarche_search::Index;
use demarche_store::Store;

use crate::commands::reindex;
use crate::database::{self, INDEX_DIR, WATERMARK_KEY};

/// Arguments of `demarche check`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Fix what the index lacks or has too much, by catching up or rebuilding it.
    #[arg(long)]
    pub repair: bool,
}

/// What a check found.
#[derive(Debug, Default)]
struct Findings {
    /// Problems inside the store (reported by the store itself).
    store: Vec<String>,
    /// Problems with the index, each a sentence.
    index: Vec<String>,
    /// Stored statements the index lacks.
    missing: Vec<i64>,
    /// Indexed ids the store does not have.
    extra: Vec<i64>,
    /// The index watermark.
    watermark: i64,
    /// The highest stored statement id.
    max_id: i64,
    /// Whether the index could be opened at all.
    index_usable: bool,
}

impl Findings {
    fn healthy(&self) -> bool {
        self.store.is_empty() && self.index.is_empty()
    }
}

/// Runs the command; exit status 1 when problems remain.
pub fn run(db: &Path, args: &Args) -> Result<ExitCode> {
    let store = database::open_existing_store(db)?;
    let mut out = io::stdout().lock();
    let findings = inspect(db, &store, &mut out)?;
    report(&findings, &mut out)?;
    if findings.healthy() {
        writeln!(out, "ok: no problems found")?;
        return Ok(ExitCode::SUCCESS);
    }
    if !args.repair {
        let hint = if findings.index.is_empty() {
            ""
        } else {
            "; run `demarche check --repair` to fix the index"
        };
        writeln!(
            out,
            "{} problem(s) found{hint}",
            findings.store.len() + findings.index.len()
        )?;
        return Ok(ExitCode::FAILURE);
    }
    repair(db, &store, &findings, &mut out)?;
    let after = inspect(db, &store, &mut io::sink())?;
    if after.healthy() {
        writeln!(out, "ok: repaired")?;
        Ok(ExitCode::SUCCESS)
    } else {
        report(&after, &mut out)?;
        writeln!(
            out,
            "{} problem(s) remain after repair",
            after.store.len() + after.index.len()
        )?;
        Ok(ExitCode::FAILURE)
    }
}

fn inspect(db: &Path, store: &Store, out: &mut dyn Write) -> Result<Findings> {
    let mut findings = Findings {
        store: store.check()?,
        ..Findings::default()
    };
    let counts = store.counts()?;
    findings.max_id = store.max_statement_id()?;
    writeln!(
        out,
        "store: {} articles, {} statements, {} speakers",
        counts.articles, counts.statements, counts.speakers
    )?;
    let index = match database::open_index(db) {
        Ok(index) => index,
        Err(err) => {
            findings.index.push(format!("{err:#}"));
            return Ok(findings);
        }
    };
    findings.index_usable = true;
    findings.watermark = index.watermark()?;
    writeln!(
        out,
        "index: {} documents, watermark {}",
        index.num_docs()?,
        findings.watermark
    )?;
    // A run killed between a store transaction and the next index commit
    // leaves the index behind; the next `ingest` or `--repair` catches up.
    if findings.watermark < findings.max_id {
        findings.index.push(format!(
            "the index lags behind the store: it covers statement ids up to {}, the store holds ids up to {}",
            findings.watermark, findings.max_id
        ));
    } else if findings.watermark > findings.max_id {
        findings.index.push(format!(
            "index watermark {} is ahead of the highest stored statement id {}",
            findings.watermark, findings.max_id
        ));
    }
    if let Some(recorded) = store.meta_get(WATERMARK_KEY)?
        && recorded.parse::<i64>().ok() != Some(findings.watermark)
    {
        findings.index.push(format!(
            "the store records index watermark {recorded}, the index {}",
            findings.watermark
        ));
    }
    compare_ids(store, &index, &mut findings)?;
    Ok(findings)
}

fn compare_ids(store: &Store, index: &Index, findings: &mut Findings) -> Result<()> {
    let indexed: BTreeSet<i64> = index.ids()?.into_iter().collect();
    let mut stored = BTreeSet::new();
    store.for_each_statement_after(0, &mut |s| {
        stored.insert(s.id);
        Ok(())
    })?;
    findings.missing = stored.difference(&indexed).copied().collect();
    findings.extra = indexed.difference(&stored).copied().collect();
    if !findings.missing.is_empty() {
        findings.index.push(format!(
            "{} stored statement(s) missing from the index (first: {})",
            findings.missing.len(),
            preview(&findings.missing)
        ));
    }
    if !findings.extra.is_empty() {
        findings.index.push(format!(
            "{} indexed id(s) not in the store (first: {})",
            findings.extra.len(),
            preview(&findings.extra)
        ));
    }
    Ok(())
}

fn preview(ids: &[i64]) -> String {
    ids.iter()
        .take(5)
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

fn report(findings: &Findings, out: &mut dyn Write) -> io::Result<()> {
    for problem in &findings.store {
        writeln!(out, "problem: store: {problem}")?;
    }
    for problem in &findings.index {
        writeln!(out, "problem: index: {problem}")?;
    }
    Ok(())
}

/// Catches the index up when it only lacks the newest statements, else
/// rebuilds it (from scratch when it cannot even be opened).
fn repair(db: &Path, store: &Store, findings: &Findings, out: &mut dyn Write) -> Result<()> {
    if !findings.store.is_empty() {
        writeln!(
            out,
            "note: store problems cannot be repaired here; the index is rebuilt from what the store holds"
        )?;
    }
    if !findings.index_usable {
        let path = db.join(INDEX_DIR);
        std::fs::remove_dir_all(&path)
            .with_context(|| format!("cannot remove the damaged index {}", path.display()))?;
        let index = database::open_index(db)?;
        let count = reindex::rebuild(store, &index)?;
        writeln!(out, "rebuilt the index: {count} statements")?;
        return Ok(());
    }
    let index = database::open_index(db)?;
    let only_new_missing =
        findings.extra.is_empty() && findings.missing.iter().all(|&id| id > findings.watermark);
    if only_new_missing {
        let mut writer = index.writer()?;
        let count = database::index_statements_after(store, &mut writer, findings.watermark)?;
        database::commit_index(store, &mut writer)?;
        writeln!(out, "added {count} statements to the index")?;
    } else {
        let count = reindex::rebuild(store, &index)?;
        writeln!(out, "rebuilt the index: {count} statements")?;
    }
    Ok(())
}
