//! The values the store hands back: stored statements and articles, insert
//! outcomes, query parameters, facets and counts.

use chrono::NaiveDate;
use demarche_core::{Act, ArticleMeta, Kind, Statement};

/// What happened to one article of a batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InsertOutcome {
    /// The article and its statements were stored.
    Inserted {
        /// The new article's id.
        article_id: i64,
        /// The ids of its statements, in the order given.
        statement_ids: Vec<i64>,
        /// The speaker row of each statement, in the same order as
        /// `statement_ids`; `None` when the statement names nobody. With
        /// these the caller can index the statements it already holds
        /// without reading them back.
        speaker_ids: Vec<Option<i64>>,
    },
    /// An article with the same content hash was already stored (or came
    /// earlier in the same batch); nothing was written.
    Duplicate {
        /// The id of the article already stored.
        existing_id: i64,
    },
}

/// Filters for listing statements and computing facets. Every filter that is
/// set must hold (they combine with AND).
#[derive(Default, Clone, Debug, PartialEq, Eq)]
pub struct StatementQuery {
    /// A speaker under any alias, resolved with `Store::resolve_speaker`.
    pub speaker: Option<String>,
    /// The speaker's country: an alpha-2 or organisation code, already resolved.
    pub speaker_country: Option<String>,
    /// A country code among the statement's `countries`.
    pub about: Option<String>,
    /// A topic id among the statement's `topics`.
    pub topic: Option<String>,
    /// The speech act.
    pub act: Option<Act>,
    /// Direct, indirect or mixed.
    pub kind: Option<Kind>,
    /// Earliest date, inclusive; on the statement date, else the article date.
    pub since: Option<NaiveDate>,
    /// Latest date, inclusive; on the statement date, else the article date.
    pub until: Option<NaiveDate>,
    /// At most this many statements (listings only; facets take their own limit).
    pub limit: Option<usize>,
    /// Skip this many statements first (listings only).
    pub offset: usize,
}

/// A statement as stored, with its id and where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredStatement {
    /// The statement id.
    pub id: i64,
    /// The speaker row it is attributed to; `None` when it has no speaker name.
    pub speaker_id: Option<i64>,
    /// The statement, with every span's text rebuilt from the article body.
    pub statement: Statement,
    /// The article it was found in.
    pub article: ArticleRef,
}

/// The essentials of the article a statement comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleRef {
    /// The article id.
    pub id: i64,
    /// The headline.
    pub title: Option<String>,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// Where it came from.
    pub source: String,
}

/// A stored article with its body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredArticle {
    /// The article id.
    pub id: i64,
    /// Its metadata as ingested.
    pub meta: ArticleMeta,
    /// The exact body all offsets refer to.
    pub body: String,
}

/// A speaker with the number of statements matching a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerFacet {
    /// The speaker id.
    pub id: i64,
    /// The canonical name as first seen.
    pub name: String,
    /// Country code, when known.
    pub country: Option<String>,
    /// Title or role, when known.
    pub title: Option<String>,
    /// Matching statements.
    pub statements: u64,
    /// Every form the speaker was seen under, first seen first.
    pub aliases: Vec<String>,
}

/// A value (country code or topic id) with the number of matching statements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facet {
    /// The country code or topic id.
    pub key: String,
    /// Matching statements.
    pub count: u64,
}

/// How much the store holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// Stored articles.
    pub articles: u64,
    /// Stored statements.
    pub statements: u64,
    /// Distinct speakers.
    pub speakers: u64,
}
