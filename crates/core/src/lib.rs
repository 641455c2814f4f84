//! `demarche-core`: the data model of diplomatic statements and the
//! rule-and-lexicon pipeline that extracts them from news text.
//!
//! This crate is the leaf of the workspace: it knows nothing of SQLite,
//! tantivy, the terminal or the file system. Its lexicons (countries, titles,
//! reporting verbs, topics) are data files from `data/`, compiled in.
//!
//! ```
//! use demarche_core::{Article, extract_statements};
//!
//! let article = Article::new(
//!     "example.txt",
//!     "Talks in Laos\n\nKamikawa told Wang that Japan was willing to keep talking.\n",
//! );
//! let extraction = extract_statements(&article);
//! for statement in &extraction.statements {
//!     assert_eq!(&article.body[statement.content.start..statement.content.end],
//!                statement.content.text);
//! }
//! ```

mod error;
mod extract;
pub mod gazetteer;
mod model;

pub use error::{Error, Result};
pub use extract::{Diagnostic, Extraction, Extractor, extract_statements};
pub use model::{
    Act, Addressee, Article, ArticleMeta, Content, ExtractedArticle, Kind, Span, Speaker,
    SpeakerKind, Statement, content_hash,
};
