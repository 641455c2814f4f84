//! `demarche-search`: a tantivy full-text index over statement text. The
//! index is derived from the SQLite store and can always be rebuilt from it;
//! each commit records the highest statement id it covers (the watermark).
//!
//! ```
//! use demarche_search::{Index, SearchQuery};
//!
//! let index = Index::open_in_ram()?;
//! let hits = index.search(&SearchQuery { text: "sanctions".into(), ..SearchQuery::default() })?;
//! assert!(hits.is_empty());
//! # Ok::<(), demarche_search::Error>(())
//! ```

mod commit_payload;
mod error;
mod index;
mod schema;
mod search;
mod snippet;
mod writer;

pub use error::{Error, Result};
pub use index::Index;
pub use schema::SCHEMA_VERSION;
pub use search::{DEFAULT_LIMIT, Hit, SearchQuery};
pub use writer::{IndexDoc, IndexWriter};
