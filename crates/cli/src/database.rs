//! Where the database lives (`--db`, `$DEMARCHE_DB`, `./demarche-data`) and
//! opening its two halves: the SQLite store and the tantivy index.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use demarche_search::{Index, IndexDoc};
use demarche_store::Store;

use crate::failure::NoDatabase;

/// The SQLite file inside the database folder.
pub const STORE_FILE: &str = "demarche.sqlite3";
/// The tantivy folder inside the database folder.
pub const INDEX_DIR: &str = "index";
/// The store meta key that records the index watermark.
pub const WATERMARK_KEY: &str = "index.watermark";

/// The database folder: `--db`, else `$DEMARCHE_DB`, else `./demarche-data`.
pub fn folder(option: Option<&Path>) -> PathBuf {
    if let Some(dir) = option {
        return dir.to_path_buf();
    }
    match std::env::var_os("DEMARCHE_DB") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => PathBuf::from("demarche-data"),
    }
}

/// Opens (creating when needed) the store and index for writing.
pub fn open_or_create(dir: &Path) -> Result<(Store, Index)> {
    let store = Store::open(dir)
        .with_context(|| format!("cannot open the database in {}", dir.display()))?;
    let index = open_index(dir)?;
    Ok((store, index))
}

/// Opens the store of an existing database; a folder without one is a
/// clear error that says how to create it.
pub fn open_existing_store(dir: &Path) -> Result<Store> {
    if !dir.join(STORE_FILE).is_file() {
        return Err(NoDatabase(dir.display().to_string()).into());
    }
    Store::open(dir).with_context(|| format!("cannot open the database in {}", dir.display()))
}

/// Opens the store and index of an existing database.
pub fn open_existing(dir: &Path) -> Result<(Store, Index)> {
    let store = open_existing_store(dir)?;
    let index = open_index(dir)?;
    Ok((store, index))
}

/// Opens (creating when missing) the full-text index of a database folder.
pub fn open_index(dir: &Path) -> Result<Index> {
    let path = dir.join(INDEX_DIR);
    Index::open(&path).with_context(|| format!("cannot open the index in {}", path.display()))
}

/// Commits the index with the store's highest statement id as watermark and
/// records it in the store too, so `check` can compare both.
pub fn commit_index(store: &Store, writer: &mut demarche_search::IndexWriter) -> Result<i64> {
    let watermark = store.max_statement_id()?;
    writer
        .commit(watermark)
        .context("cannot commit the index")?;
    store.meta_set(WATERMARK_KEY, &watermark.to_string())?;
    Ok(watermark)
}

/// Adds every statement with an id above `after` to the index (uncommitted).
pub fn index_statements_after(
    store: &Store,
    writer: &mut demarche_search::IndexWriter,
    after: i64,
) -> Result<u64> {
    let mut count = 0u64;
    let mut failure: Option<demarche_search::Error> = None;
    store.for_each_statement_after(after, &mut |stored| {
        if failure.is_some() {
            return Ok(());
        }
        let doc = IndexDoc {
            id: stored.id,
            statement: &stored.statement,
            speaker_id: stored.speaker_id,
            published: stored.article.published,
        };
        match writer.add(&doc) {
            Ok(()) => count += 1,
            Err(err) => failure = Some(err),
        }
        Ok(())
    })?;
    if let Some(err) = failure {
        return Err(err.into());
    }
    Ok(count)
}
