//! `demarche reindex`: rebuild the full-text index from the store, which is
//! the source of truth.

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use demarche_search::Index;
use demarche_store::Store;

use crate::database;

/// Arguments of `demarche reindex`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Print nothing on success.
    #[arg(long, short)]
    pub quiet: bool,
}

/// Runs the command.
pub fn run(db: &Path, args: &Args) -> Result<ExitCode> {
    let started = Instant::now();
    let store = database::open_existing_store(db)?;
    let index = database::open_index(db)?;
    let count = rebuild(&store, &index)?;
    if !args.quiet {
        eprintln!(
            "indexed {count} statements in {:.1}s",
            started.elapsed().as_secs_f64()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Empties the index and adds every stored statement; returns how many.
pub fn rebuild(store: &Store, index: &Index) -> Result<u64> {
    let mut writer = index
        .writer()
        .context("cannot open the index for writing")?;
    writer.delete_all()?;
    let count = database::index_statements_after(store, &mut writer, 0)?;
    database::commit_index(store, &mut writer)?;
    Ok(count)
}
