//! `demarche-store`: the SQLite database that is demarche's source of truth
//! for articles, speakers (with every alias they were seen under) and
//! statements with their topics and countries.
//!
//! Statement content is not stored twice: only its offsets are kept, and
//! the text is rebuilt from the article body when read, so every span a
//! user sees is the exact words of the article.
//!
//! ```
//! use demarche_core::{Article, Content, Kind, Act, Span, Speaker, SpeakerKind, Statement};
//! use demarche_store::{InsertOutcome, StatementQuery, Store};
//!
//! let article = Article::new("note.txt", "Ruiz said talks would resume.");
//! let content = Span::of(&article.body, 10, 28).unwrap();
//! let statement = Statement {
//!     kind: Kind::Indirect,
//!     text: content.text.clone(),
//!     content: Content::from_span(content),
//!     cue: Span::of(&article.body, 5, 9),
//!     speaker: Speaker {
//!         name: Some("Ana Ruiz".into()),
//!         mention: Span::of(&article.body, 0, 4),
//!         kind: SpeakerKind::Person,
//!         ..Speaker::unattributed()
//!     },
//!     addressee: None,
//!     via: None,
//!     act: Act::Statement,
//!     topics: vec![],
//!     countries: vec![],
//!     date: None,
//!     confidence: 0.8,
//! };
//! let mut store = Store::open_in_memory()?;
//! let outcomes = store.insert_batch(&[(article, vec![statement])])?;
//! assert!(matches!(outcomes[0], InsertOutcome::Inserted { .. }));
//! let found = store.statements(&StatementQuery {
//!     speaker: Some("ruiz".into()),
//!     ..StatementQuery::default()
//! })?;
//! assert_eq!(found[0].statement.content.text, "talks would resume");
//! # Ok::<(), demarche_store::Error>(())
//! ```

mod check;
mod columns;
mod error;
mod insert;
mod names;
mod query;
mod read;
mod schema;
mod store;
mod types;

pub use error::{Error, Result};
pub use store::{DATABASE_FILE, Store};
pub use types::{
    ArticleRef, Counts, Facet, InsertOutcome, SpeakerFacet, StatementQuery, StoredArticle,
    StoredStatement,
};

/// The newest schema version this build of demarche reads and writes.
pub fn schema_version_supported() -> i64 {
    schema::latest_version()
}
