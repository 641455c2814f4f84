//! The [`Store`] handle: opening the database and the small lookups
//! (articles, counts, bookkeeping values).

use std::path::{Path, PathBuf};
use std::time::Duration;

use demarche_core::ArticleMeta;
use rusqlite::{Connection, OptionalExtension, params};

use crate::columns::date_from_text;
use crate::schema;
use crate::{Counts, Error, Result, StoredArticle};

/// The file name of the database inside its folder.
pub const DATABASE_FILE: &str = "demarche.sqlite3";

/// How long a writer waits for another process's lock before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The SQLite database of articles, speakers and statements: the source of
/// truth from which the search index is derived.
#[derive(Debug)]
pub struct Store {
    pub(crate) conn: Connection,
    path: Option<PathBuf>,
}

impl Store {
    /// Opens or creates `<dir>/demarche.sqlite3` (creating `dir`), applies
    /// migrations, WAL mode, foreign keys on, busy_timeout 5s.
    pub fn open(dir: &Path) -> Result<Store> {
        std::fs::create_dir_all(dir).map_err(|source| Error::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        let path = dir.join(DATABASE_FILE);
        let open_error = |source| Error::Open {
            path: path.clone(),
            source,
        };
        let conn = Connection::open(&path).map_err(open_error)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(open_error)?;
        // WAL lets readers work while an ingest writes. A file system that
        // cannot do WAL keeps the rollback journal, which is slower with
        // concurrent readers but just as safe, so the answer is not checked.
        let _mode: String = conn
            .query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))
            .map_err(open_error)?;
        // NORMAL sync in WAL mode survives a killed process and is much
        // faster than FULL; only a power cut can lose the last commits.
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(open_error)?;
        Store::finish_open(conn, Some(path.clone()))
    }

    /// Opens a private database in memory, for tests and one-off runs.
    pub fn open_in_memory() -> Result<Store> {
        let conn = Connection::open_in_memory()?;
        Store::finish_open(conn, None)
    }

    fn finish_open(mut conn: Connection, path: Option<PathBuf>) -> Result<Store> {
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.set_prepared_statement_cache_capacity(64);
        schema::migrate(&mut conn)?;
        Ok(Store { conn, path })
    }

    /// The database file, or `None` for an in-memory store.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<i64> {
        schema::current_version(&self.conn)
    }

    /// Whether an article with this content hash is stored.
    pub fn has_article(&self, content_hash: &str) -> Result<bool> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT 1 FROM articles WHERE content_hash = ?1")?;
        Ok(stmt.exists(params![content_hash])?)
    }

    /// The article with this id, body included.
    pub fn article(&self, id: i64) -> Result<Option<StoredArticle>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT source, title, published, content_hash, url, outlet, external_id, body \
             FROM articles WHERE id = ?1",
        )?;
        let row = stmt
            .query_row(params![id], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, Option<String>>(1)?,
                    row.get::<_, Option<String>>(2)?,
                    row.get::<_, String>(3)?,
                    row.get::<_, Option<String>>(4)?,
                    row.get::<_, Option<String>>(5)?,
                    row.get::<_, Option<String>>(6)?,
                    row.get::<_, String>(7)?,
                ))
            })
            .optional()?;
        let Some((source, title, published, content_hash, url, outlet, external_id, body)) = row
        else {
            return Ok(None);
        };
        let published = date_from_text(published, &format!("article {id} published"))?;
        Ok(Some(StoredArticle {
            id,
            meta: ArticleMeta {
                source,
                title,
                published,
                content_hash,
                url,
                outlet,
                external_id,
            },
            body,
        }))
    }

    /// How many articles, statements and speakers are stored.
    pub fn counts(&self) -> Result<Counts> {
        let count = |table: &str| -> Result<u64> {
            // The table names are fixed strings of this crate, never input.
            let n: i64 = self
                .conn
                .prepare_cached(&format!("SELECT COUNT(*) FROM {table}"))?
                .query_row([], |row| row.get(0))?;
            Ok(u64::try_from(n).unwrap_or(0))
        };
        Ok(Counts {
            articles: count("articles")?,
            statements: count("statements")?,
            speakers: count("speakers")?,
        })
    }

    /// The highest statement id, 0 when there are none.
    pub fn max_statement_id(&self) -> Result<i64> {
        Ok(self
            .conn
            .prepare_cached("SELECT COALESCE(MAX(id), 0) FROM statements")?
            .query_row([], |row| row.get(0))?)
    }

    /// A bookkeeping value such as `"index.watermark"`.
    pub fn meta_get(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .prepare_cached("SELECT value FROM meta WHERE key = ?1")?
            .query_row(params![key], |row| row.get(0))
            .optional()?)
    }

    /// Sets a bookkeeping value, replacing any previous one.
    pub fn meta_set(&self, key: &str, value: &str) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO meta (key, value) VALUES (?1, ?2) \
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            )?
            .execute(params![key, value])?;
        Ok(())
    }
}
