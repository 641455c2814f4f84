//! The error type of `demarche-store`.

use std::path::PathBuf;

/// What can go wrong while storing or reading statements.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The database folder could not be created or read.
    #[error("cannot use database folder {}: {source}", path.display())]
    Io {
        /// The folder or file concerned.
        path: PathBuf,
        /// The underlying I/O error.
        source: std::io::Error,
    },
    /// The database file could not be opened or prepared (not a SQLite file, locked, ...).
    #[error("cannot open database {}: {source}", path.display())]
    Open {
        /// The database file.
        path: PathBuf,
        /// The underlying SQLite error.
        source: rusqlite::Error,
    },
    /// SQLite reported an error while reading or writing.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The database was written by a newer version of demarche.
    #[error(
        "the database has schema version {found}, but this demarche only knows versions up to \
         {supported}; upgrade demarche to use it"
    )]
    SchemaTooNew {
        /// The schema version found in the file.
        found: i64,
        /// The newest schema version this build can use.
        supported: i64,
    },
    /// A statement handed to `insert_batch` has offsets that do not fit its article body.
    #[error("article {article}, statement {index}: {reason}")]
    InvalidStatement {
        /// The article's source label.
        article: String,
        /// Position of the statement in the article's statement list.
        index: usize,
        /// What does not fit.
        reason: String,
    },
    /// Stored data cannot be read back (a damaged or hand-edited database).
    #[error("damaged database: {0}; run `demarche check`")]
    Corrupt(String),
    /// A streaming callback asked to stop early (for example because its
    /// output was closed); not a failure of the store.
    #[error("stopped by the caller")]
    Stopped,
}

/// `Result` with [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
