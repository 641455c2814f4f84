//! Reading statements back: the shared column list, row decoding, and the
//! rebuilding of span texts from the article body.

use std::collections::HashMap;

use demarche_core::{Addressee, Content, Span, Speaker, Statement};
use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::columns::{date_from_text, enum_from_text, offset, parts_from_json, strings_from_json};
use crate::{ArticleRef, Error, Result, Store, StoredStatement};

/// Columns read for every statement; [`RawStatement::from_row`] depends on
/// their order. Topics and countries come along as JSON arrays in their
/// insertion order so that one query returns whole statements.
pub(crate) const STATEMENT_COLUMNS: &str = "s.id, s.article_id, s.speaker_id, s.kind, s.act, \
    s.text, s.content_start, s.content_end, s.content_parts, s.cue_start, s.cue_end, \
    s.cue_text, s.mention_start, s.mention_end, s.mention_text, s.speaker_name, \
    s.speaker_title, s.speaker_org, s.speaker_country, s.speaker_kind, s.speaker_aliases, \
    s.addressee, s.addressee_name, s.addressee_country, s.via, s.date, s.confidence, \
    a.title, a.published, a.source, \
    (SELECT json_group_array(t.topic ORDER BY t.rowid) FROM statement_topics t \
        WHERE t.statement_id = s.id), \
    (SELECT json_group_array(c.country ORDER BY c.rowid) FROM statement_countries c \
        WHERE c.statement_id = s.id)";

/// The `FROM` clause matching [`STATEMENT_COLUMNS`].
pub(crate) const STATEMENT_FROM: &str = "statements s JOIN articles a ON a.id = s.article_id";

/// A statement row before its content text is rebuilt from the body.
pub(crate) struct RawStatement {
    pub(crate) id: i64,
    pub(crate) article_id: i64,
    pub(crate) speaker_id: Option<i64>,
    pub(crate) kind: String,
    pub(crate) act: String,
    pub(crate) text: String,
    pub(crate) content_start: i64,
    pub(crate) content_end: i64,
    pub(crate) content_parts: Option<String>,
    pub(crate) cue: Option<(i64, i64, String)>,
    pub(crate) mention: Option<(i64, i64, String)>,
    pub(crate) speaker_name: Option<String>,
    pub(crate) speaker_title: Option<String>,
    pub(crate) speaker_org: Option<String>,
    pub(crate) speaker_country: Option<String>,
    pub(crate) speaker_kind: String,
    pub(crate) speaker_aliases: Option<String>,
    pub(crate) addressee: bool,
    pub(crate) addressee_name: Option<String>,
    pub(crate) addressee_country: Option<String>,
    pub(crate) via: Option<String>,
    pub(crate) date: Option<String>,
    pub(crate) confidence: Option<f64>,
    pub(crate) article_title: Option<String>,
    pub(crate) article_published: Option<String>,
    pub(crate) article_source: String,
    pub(crate) topics: Option<String>,
    pub(crate) countries: Option<String>,
}

/// Reads an optional span stored as three nullable columns.
fn span_columns(row: &Row<'_>, first: usize) -> rusqlite::Result<Option<(i64, i64, String)>> {
    let start: Option<i64> = row.get(first)?;
    let end: Option<i64> = row.get(first + 1)?;
    let text: Option<String> = row.get(first + 2)?;
    Ok(match (start, end, text) {
        (Some(s), Some(e), Some(t)) => Some((s, e, t)),
        _ => None,
    })
}

impl RawStatement {
    /// Decodes a row selected with [`STATEMENT_COLUMNS`].
    pub(crate) fn from_row(row: &Row<'_>) -> rusqlite::Result<RawStatement> {
        Ok(RawStatement {
            id: row.get(0)?,
            article_id: row.get(1)?,
            speaker_id: row.get(2)?,
            kind: row.get(3)?,
            act: row.get(4)?,
            text: row.get(5)?,
            content_start: row.get(6)?,
            content_end: row.get(7)?,
            content_parts: row.get(8)?,
            cue: span_columns(row, 9)?,
            mention: span_columns(row, 12)?,
            speaker_name: row.get(15)?,
            speaker_title: row.get(16)?,
            speaker_org: row.get(17)?,
            speaker_country: row.get(18)?,
            speaker_kind: row.get(19)?,
            speaker_aliases: row.get(20)?,
            addressee: row.get(21)?,
            addressee_name: row.get(22)?,
            addressee_country: row.get(23)?,
            via: row.get(24)?,
            date: row.get(25)?,
            confidence: row.get(26)?,
            article_title: row.get(27)?,
            article_published: row.get(28)?,
            article_source: row.get(29)?,
            topics: row.get(30)?,
            countries: row.get(31)?,
        })
    }

    /// Builds the statement, rebuilding content texts from `body`.
    pub(crate) fn finish(self, body: &str) -> Result<StoredStatement> {
        let id = self.id;
        let what = format!("statement {id}");
        let slice = |start: usize, end: usize| -> Result<String> {
            body.get(start..end).map(str::to_owned).ok_or_else(|| {
                Error::Corrupt(format!(
                    "{what}: offsets {start}..{end} do not fit article {}",
                    self.article_id
                ))
            })
        };
        let start = offset(self.content_start, &what)?;
        let end = offset(self.content_end, &what)?;
        let parts = match self.content_parts.as_deref() {
            None => None,
            Some(json) => Some(
                parts_from_json(json, &what)?
                    .into_iter()
                    .map(|[s, e]| {
                        Ok(Span {
                            start: s,
                            end: e,
                            text: slice(s, e)?,
                        })
                    })
                    .collect::<Result<Vec<_>>>()?,
            ),
        };
        let content = Content {
            start,
            end,
            text: slice(start, end)?,
            parts,
        };
        let stored_span = |span: Option<(i64, i64, String)>| -> Result<Option<Span>> {
            span.map(|(s, e, text)| {
                Ok(Span {
                    start: offset(s, &what)?,
                    end: offset(e, &what)?,
                    text,
                })
            })
            .transpose()
        };
        let statement = Statement {
            kind: enum_from_text(&self.kind, &what)?,
            text: self.text,
            content,
            cue: stored_span(self.cue)?,
            speaker: Speaker {
                name: self.speaker_name,
                mention: stored_span(self.mention)?,
                title: self.speaker_title,
                organization: self.speaker_org,
                country: self.speaker_country,
                kind: enum_from_text(&self.speaker_kind, &what)?,
                aliases: strings_from_json(self.speaker_aliases.as_deref(), &what)?,
            },
            addressee: self.addressee.then_some(Addressee {
                name: self.addressee_name,
                country: self.addressee_country,
            }),
            via: self.via,
            act: enum_from_text(&self.act, &what)?,
            topics: strings_from_json(self.topics.as_deref(), &what)?,
            countries: strings_from_json(self.countries.as_deref(), &what)?,
            date: date_from_text(self.date, &what)?,
            // SQLite stores NaN as NULL; single precision round-trips exactly through f64.
            confidence: self.confidence.map_or(f32::NAN, |c| c as f32),
        };
        Ok(StoredStatement {
            id,
            speaker_id: self.speaker_id,
            statement,
            article: ArticleRef {
                id: self.article_id,
                title: self.article_title,
                published: date_from_text(
                    self.article_published,
                    &format!("article {} published", self.article_id),
                )?,
                source: self.article_source,
            },
        })
    }
}

/// Article bodies read while decoding statements, so that an article with
/// many statements is read once. Cleared when it grows, to bound memory.
pub(crate) struct BodyCache {
    bodies: HashMap<i64, String>,
}

/// How many bodies the cache keeps before starting afresh.
const BODY_CACHE_LIMIT: usize = 256;

impl BodyCache {
    pub(crate) fn new() -> BodyCache {
        BodyCache {
            bodies: HashMap::new(),
        }
    }

    /// The body of article `id`.
    pub(crate) fn body(&mut self, conn: &Connection, id: i64) -> Result<&str> {
        if !self.bodies.contains_key(&id) {
            if self.bodies.len() >= BODY_CACHE_LIMIT {
                self.bodies.clear();
            }
            let body: String = conn
                .prepare_cached("SELECT body FROM articles WHERE id = ?1")?
                .query_row(params![id], |row| row.get(0))
                .optional()?
                .ok_or_else(|| Error::Corrupt(format!("article {id} is missing")))?;
            self.bodies.insert(id, body);
        }
        self.bodies
            .get(&id)
            .map(String::as_str)
            .ok_or_else(|| Error::Corrupt(format!("article {id} is missing")))
    }

    /// Turns raw rows into statements.
    pub(crate) fn finish_all(
        &mut self,
        conn: &Connection,
        raws: Vec<RawStatement>,
    ) -> Result<Vec<StoredStatement>> {
        raws.into_iter()
            .map(|raw| {
                let body = self.body(conn, raw.article_id)?;
                raw.finish(body)
            })
            .collect()
    }
}

impl Store {
    /// Runs a statement query whose SQL selects [`STATEMENT_COLUMNS`] and
    /// returns the decoded statements in row order.
    pub(crate) fn fetch_statements(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
    ) -> Result<Vec<StoredStatement>> {
        let raws = {
            let mut stmt = self.conn.prepare_cached(sql)?;
            let rows = stmt.query_map(params, RawStatement::from_row)?;
            rows.collect::<rusqlite::Result<Vec<_>>>()?
        };
        BodyCache::new().finish_all(&self.conn, raws)
    }

    /// The statement with this id.
    pub fn statement(&self, id: i64) -> Result<Option<StoredStatement>> {
        let sql = format!("SELECT {STATEMENT_COLUMNS} FROM {STATEMENT_FROM} WHERE s.id = ?1");
        Ok(self.fetch_statements(&sql, params![id])?.into_iter().next())
    }

    /// The statements with these ids, in the same order; ids not stored are skipped.
    pub fn statements_by_ids(&self, ids: &[i64]) -> Result<Vec<StoredStatement>> {
        let sql = format!(
            "SELECT {STATEMENT_COLUMNS} FROM {STATEMENT_FROM} \
             WHERE s.id IN (SELECT value FROM json_each(?1))"
        );
        let mut out = Vec::with_capacity(ids.len());
        let chunk_len = usize::try_from(PAGE_SIZE).unwrap_or(1000);
        for chunk in ids.chunks(chunk_len) {
            let json = serde_json::to_string(chunk)
                .map_err(|e| Error::Corrupt(format!("cannot encode ids: {e}")))?;
            let found = self.fetch_statements(&sql, params![json])?;
            let mut by_id: HashMap<i64, StoredStatement> =
                found.into_iter().map(|s| (s.id, s)).collect();
            let mut mentions: HashMap<i64, usize> = HashMap::new();
            for id in chunk {
                *mentions.entry(*id).or_default() += 1;
            }
            for id in chunk {
                // Move each statement out on its last mention; an id asked
                // for twice gets a copy for the earlier position.
                let left = mentions.get_mut(id).map(|n| {
                    *n = n.saturating_sub(1);
                    *n
                });
                let statement = if left.unwrap_or(0) > 0 {
                    by_id.get(id).cloned()
                } else {
                    by_id.remove(id)
                };
                out.extend(statement);
            }
        }
        Ok(out)
    }

    /// Streams statements with id > after, ascending id, in pages (for
    /// reindex and index catch-up), so memory stays flat however many there are.
    pub fn for_each_statement_after(
        &self,
        after: i64,
        f: &mut dyn FnMut(&StoredStatement) -> Result<()>,
    ) -> Result<()> {
        let sql = format!(
            "SELECT {STATEMENT_COLUMNS} FROM {STATEMENT_FROM} \
             WHERE s.id > ?1 ORDER BY s.id LIMIT ?2"
        );
        let mut last = after;
        loop {
            let page = self.fetch_statements(&sql, params![last, PAGE_SIZE])?;
            let Some(tail) = page.last() else {
                return Ok(());
            };
            last = tail.id;
            let full = i64::try_from(page.len()) == Ok(PAGE_SIZE);
            for statement in &page {
                f(statement)?;
            }
            if !full {
                return Ok(());
            }
        }
    }
}

/// Statements read per page by [`Store::for_each_statement_after`].
pub(crate) const PAGE_SIZE: i64 = 1000;
