//! The error type of `demarche-search`.

use std::path::PathBuf;

/// What can go wrong while building or querying the full-text index.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The index folder could not be created or read.
    #[error("cannot use index folder {path}: {source}")]
    Io {
        /// The index folder.
        path: PathBuf,
        /// The underlying I/O error.
        source: std::io::Error,
    },
    /// The index on disk was written with another schema; it must be rebuilt from the store.
    #[error(
        "the search index at {path} has schema version {found}, this program uses version {expected}; rebuild it with `demarche reindex`"
    )]
    SchemaMismatch {
        /// The index folder.
        path: PathBuf,
        /// What the index on disk records ("none" when it records nothing).
        found: String,
        /// The schema version this program writes.
        expected: u32,
    },
    /// Another process holds the index writer lock.
    #[error("index is locked by another demarche process (only one may write at a time)")]
    Locked,
    /// The user's query text could not be understood.
    #[error("cannot parse search query {query:?}: {message}")]
    QueryParse {
        /// The query as typed.
        query: String,
        /// What is wrong with it.
        message: String,
    },
    /// A statement id that cannot be indexed (ids are positive).
    #[error("statement id {0} cannot be indexed: ids must not be negative")]
    InvalidId(i64),
    /// The commit payload of the index is not what this program writes.
    #[error("the search index commit payload is unreadable: {0}")]
    Payload(String),
    /// The index holds data this program never writes.
    #[error("the search index is inconsistent: {0}; rebuild it with `demarche reindex`")]
    Corrupt(String),
    /// Any other failure inside the search engine.
    #[error("search index error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
}

/// `Result` with [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
