//! Searching the index: the user's query text, filters, BM25 ranking and
//! highlighted snippets.

use std::ops::Bound;

use chrono::NaiveDate;
use demarche_core::{Act, Kind};
use tantivy::collector::TopDocs;
use tantivy::collector::sort_key::{SortBySimilarityScore, SortByStaticFastValue};
use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, Occur, Query, QueryParser, RangeQuery, TermQuery,
    TermSetQuery,
};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::{Order, Searcher, TantivyDocument, Term};

use crate::index::{Index, stored_id};
use crate::schema::{Fields, country_term, date_term, topic_term};
use crate::snippet::{fallback_snippet, highlighted_snippet};
use crate::{Error, Result};

/// Number of hits returned when [`SearchQuery::limit`] is 0.
pub const DEFAULT_LIMIT: usize = 20;

/// Relative weight of a match in the speaker's names and titles, compared
/// with a match in the statement text.
const SPEAKER_BOOST: f32 = 0.5;

/// A search: free text plus optional filters, all of which must hold.
#[derive(Default, Clone, Debug)]
pub struct SearchQuery {
    /// The user's query: words, "quoted phrases", AND/OR/-; empty matches
    /// every statement that passes the filters.
    pub text: String,
    /// Only these speakers; `None` means any speaker, `Some(empty)` none.
    pub speaker_ids: Option<Vec<i64>>,
    /// Only statements by a speaker of this country or organisation code.
    pub speaker_country: Option<String>,
    /// Only statements involving this country code.
    pub about: Option<String>,
    /// Only statements with this topic id.
    pub topic: Option<String>,
    /// Only this speech act.
    pub act: Option<Act>,
    /// Only this kind of statement.
    pub kind: Option<Kind>,
    /// Only statements dated on or after this day.
    pub since: Option<NaiveDate>,
    /// Only statements dated on or before this day.
    pub until: Option<NaiveDate>,
    /// Maximum number of hits; 0 means [`DEFAULT_LIMIT`].
    pub limit: usize,
}

/// One matching statement.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// The store's statement id.
    pub id: i64,
    /// BM25 relevance (1.0 for every hit of a query without text).
    pub score: f32,
    /// Up to about 200 characters of the statement, HTML-escaped, with
    /// `<b>..</b>` around the matched words.
    pub snippet: String,
}

impl Index {
    /// Runs `q`: best BM25 score first, ties broken by the newest id first.
    pub fn search(&self, q: &SearchQuery) -> Result<Vec<Hit>> {
        if q.speaker_ids.as_ref().is_some_and(Vec::is_empty) {
            return Ok(Vec::new());
        }
        let text_query = self.parse_text(&q.text)?;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        clauses.push((
            Occur::Must,
            match &text_query {
                Some(query) => query.box_clone(),
                None => Box::new(AllQuery),
            },
        ));
        // Filters must not change the ranking, so they score zero.
        for filter in filters(&self.fields, q) {
            clauses.push((Occur::Must, Box::new(ConstScoreQuery::new(filter, 0.0))));
        }
        let query = BooleanQuery::new(clauses);

        let searcher = self.reader.searcher();
        // The collector allocates room for twice the limit up front, so a
        // caller asking for "everything" (usize::MAX) gets the index size.
        let available = usize::try_from(searcher.num_docs()).unwrap_or(usize::MAX);
        let limit = if q.limit == 0 { DEFAULT_LIMIT } else { q.limit };
        let limit = limit.min(available).max(1);
        let collector = TopDocs::with_limit(limit).order_by((
            (SortBySimilarityScore, Order::Desc),
            (SortByStaticFastValue::<u64>::for_field("id"), Order::Desc),
        ));
        let top = searcher.search(&query, &collector)?;

        let generator = match &text_query {
            Some(text_query) => {
                let mut generator =
                    SnippetGenerator::create(&searcher, text_query.as_ref(), self.fields.text)?;
                generator.set_max_num_chars(crate::snippet::SNIPPET_CHARS);
                Some(generator)
            }
            None => None,
        };
        let mut hits = Vec::with_capacity(top.len());
        for ((score, id), address) in top {
            let id = id.ok_or_else(|| Error::Corrupt("a document has no id".to_owned()))?;
            let text = stored_text(&searcher, &self.fields, address)?;
            let snippet = generator
                .as_ref()
                .and_then(|generator| highlighted_snippet(generator, &text))
                .unwrap_or_else(|| fallback_snippet(&text));
            hits.push(Hit {
                id: stored_id(id)?,
                score,
                snippet,
            });
        }
        Ok(hits)
    }

    /// Parses the user's text over the statement text and, with a lower
    /// weight, the speaker; `None` when the text has no words.
    fn parse_text(&self, text: &str) -> Result<Option<Box<dyn Query>>> {
        let text = free_text(text)?;
        if text.trim().is_empty() {
            return Ok(None);
        }
        let mut parser =
            QueryParser::for_index(&self.index, vec![self.fields.text, self.fields.speaker]);
        parser.set_field_boost(self.fields.speaker, SPEAKER_BOOST);
        // Lenient parsing recovers from stray quotes and operators ("AND OR",
        // an unclosed quote); what it reports is what it could not use, and
        // the rest of the query still runs.
        let (query, _unusable) = parser.parse_query_lenient(&text);
        Ok(Some(query))
    }
}

/// Deepest nesting of parentheses accepted in a query. The query grammar
/// recurses once per level, so without a bound a long run of "(" would
/// exhaust the stack; real queries never come close.
const MAX_NESTING: usize = 16;

/// The user's text with the query-language syntax that addresses fields or
/// ranges neutralised: the text is free text, and "Lavrov: no" must not be
/// read as a search in a field called "Lavrov". Typographic double quotes
/// delimit phrases like straight ones.
fn free_text(text: &str) -> Result<String> {
    let mut depth = 0usize;
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '(' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Err(Error::QueryParse {
                        query: text.to_owned(),
                        message: format!("parentheses are nested more than {MAX_NESTING} deep"),
                    });
                }
            }
            ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        out.push(match c {
            // Apostrophes are far more often possessives ("Russia's") than
            // single-quoted phrases, which would swallow the rest of the text.
            ':' | '[' | ']' | '{' | '}' | '^' | '\\' | '\'' | '\u{2019}' => ' ',
            '\u{201c}' | '\u{201d}' => '"',
            other => other,
        });
    }
    Ok(out)
}

fn stored_text(
    searcher: &Searcher,
    fields: &Fields,
    address: tantivy::DocAddress,
) -> Result<String> {
    let document: TantivyDocument = searcher.doc(address)?;
    Ok(document
        .get_first(fields.text)
        .and_then(|value| value.as_str())
        .unwrap_or_default()
        .to_owned())
}

/// One query per filter that `q` sets.
fn filters(fields: &Fields, q: &SearchQuery) -> Vec<Box<dyn Query>> {
    let mut out: Vec<Box<dyn Query>> = Vec::new();
    let text_term = |field, value: &str| -> Box<dyn Query> {
        Box::new(TermQuery::new(
            Term::from_field_text(field, value),
            IndexRecordOption::Basic,
        ))
    };
    if let Some(ids) = &q.speaker_ids {
        let terms = ids
            .iter()
            .filter_map(|id| u64::try_from(*id).ok())
            .map(|id| Term::from_field_u64(fields.speaker_id, id));
        out.push(Box::new(TermSetQuery::new(terms)));
    }
    if let Some(country) = &q.speaker_country {
        out.push(text_term(fields.speaker_country, &country_term(country)));
    }
    if let Some(country) = &q.about {
        out.push(text_term(fields.countries, &country_term(country)));
    }
    if let Some(topic) = &q.topic {
        out.push(text_term(fields.topics, &topic_term(topic)));
    }
    if let Some(act) = q.act {
        out.push(text_term(fields.act, act.as_str()));
    }
    if let Some(kind) = q.kind {
        out.push(text_term(fields.kind, kind.as_str()));
    }
    if q.since.is_some() || q.until.is_some() {
        let bound = |date: Option<NaiveDate>| match date {
            Some(date) => Bound::Included(Term::from_field_i64(fields.date, date_term(date))),
            None => Bound::Unbounded,
        };
        out.push(Box::new(RangeQuery::new(bound(q.since), bound(q.until))));
    }
    out
}
