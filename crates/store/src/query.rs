//! Filtered listings, speaker resolution and facet counts.
//!
//! The SQL is assembled only from fixed fragments of this file; every value
//! that comes from the user is bound as a parameter.

use rusqlite::params_from_iter;
use rusqlite::types::Value;

use crate::columns::date_to_text;
use crate::names::normalise;
use crate::read::PAGE_SIZE;
use crate::{Facet, Result, SpeakerFacet, StatementQuery, Store, StoredStatement};

/// Speaker ids for a normalised name bound twice: exact alias (the
/// canonical name is always an alias), or a person's surname.
const SPEAKER_IDS: &str = "SELECT speaker_id FROM speaker_aliases WHERE alias = ? \
     UNION SELECT id FROM speakers WHERE last_word = ?";

/// The statement condition for a speaker name, the same lookup as [`SPEAKER_IDS`].
const SPEAKER_FILTER: &str = "s.speaker_id IN (SELECT speaker_id FROM speaker_aliases \
     WHERE alias = ? UNION SELECT id FROM speakers WHERE last_word = ?)";

/// A `WHERE` clause over `statements s` with its bound values.
struct Filter {
    clause: String,
    values: Vec<Value>,
}

impl Filter {
    /// The conditions of `q` combined with AND, or `None` when they can
    /// match nothing (a speaker name that normalises to nothing).
    fn of(q: &StatementQuery) -> Option<Filter> {
        let mut conditions: Vec<&str> = Vec::new();
        let mut values: Vec<Value> = Vec::new();
        if let Some(name) = &q.speaker {
            let name = normalise(name);
            if name.is_empty() {
                return None;
            }
            conditions.push(SPEAKER_FILTER);
            values.push(Value::Text(name.clone()));
            values.push(Value::Text(name));
        }
        if let Some(country) = &q.speaker_country {
            conditions.push("s.speaker_country = ?");
            values.push(Value::Text(country.clone()));
        }
        if let Some(country) = &q.about {
            conditions
                .push("s.id IN (SELECT statement_id FROM statement_countries WHERE country = ?)");
            values.push(Value::Text(country.clone()));
        }
        if let Some(topic) = &q.topic {
            conditions.push("s.id IN (SELECT statement_id FROM statement_topics WHERE topic = ?)");
            values.push(Value::Text(topic.clone()));
        }
        if let Some(act) = q.act {
            conditions.push("s.act = ?");
            values.push(Value::Text(act.as_str().to_owned()));
        }
        if let Some(kind) = q.kind {
            conditions.push("s.kind = ?");
            values.push(Value::Text(kind.as_str().to_owned()));
        }
        if let Some(since) = q.since {
            conditions.push("s.sort_date >= ?");
            values.push(Value::Text(date_to_text(since)));
        }
        if let Some(until) = q.until {
            conditions.push("s.sort_date <= ?");
            values.push(Value::Text(date_to_text(until)));
        }
        let clause = if conditions.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", conditions.join(" AND "))
        };
        Some(Filter { clause, values })
    }
}

/// A facet limit as an SQL value; anything beyond `i64::MAX` means no limit.
fn limit_value(limit: usize) -> Value {
    Value::Integer(i64::try_from(limit).unwrap_or(-1))
}

impl Store {
    /// Statements matching every filter of `q`, newest first (statement date,
    /// else article date, descending; undated last; then id descending),
    /// after skipping `q.offset` and at most `q.limit` of them.
    pub fn statements(&self, q: &StatementQuery) -> Result<Vec<StoredStatement>> {
        let Some(filter) = Filter::of(q) else {
            return Ok(Vec::new());
        };
        // Ids first, whole rows second: a filter that needs a sort then
        // sorts only (date, id) pairs, and the per-statement topic and
        // country lookups run for the page that is returned, not for every
        // match. NULL sorts below every value in SQLite, so DESC already
        // puts undated statements last, and the (…, sort_date) indexes serve it.
        let sql = format!(
            "SELECT s.id FROM statements s {} \
             ORDER BY s.sort_date DESC, s.id DESC LIMIT ? OFFSET ?",
            filter.clause
        );
        let mut values = filter.values;
        values.push(q.limit.map_or(Value::Integer(-1), limit_value));
        values.push(Value::Integer(i64::try_from(q.offset).unwrap_or(i64::MAX)));
        let ids = {
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let rows = stmt.query_map(params_from_iter(values), |row| row.get::<_, i64>(0))?;
            rows.collect::<rusqlite::Result<Vec<i64>>>()?
        };
        self.statements_by_ids(&ids)
    }

    /// Streams every statement matching `q` in listing order (newest first),
    /// a page at a time, so exports of millions of statements keep memory
    /// flat and do not slow down as an OFFSET would. Honours `q.offset`
    /// and `q.limit`.
    pub fn for_each_matching(
        &self,
        q: &StatementQuery,
        f: &mut dyn FnMut(&StoredStatement) -> Result<()>,
    ) -> Result<()> {
        let Some(filter) = Filter::of(q) else {
            return Ok(());
        };
        let joiner = if filter.clause.is_empty() {
            "WHERE"
        } else {
            "AND"
        };
        // The cursor is the (sort_date, id) of the last statement seen. In
        // DESC order undated statements come last, so after a dated one
        // come older dates, the same date with smaller ids, or no date.
        let after_dated = format!(
            "SELECT s.id, s.sort_date FROM statements s {} {joiner} \
             (s.sort_date < ? OR (s.sort_date = ? AND s.id < ?) OR s.sort_date IS NULL) \
             ORDER BY s.sort_date DESC, s.id DESC LIMIT ?",
            filter.clause
        );
        let after_undated = format!(
            "SELECT s.id, s.sort_date FROM statements s {} {joiner} \
             s.sort_date IS NULL AND s.id < ? ORDER BY s.sort_date DESC, s.id DESC LIMIT ?",
            filter.clause
        );
        let first = format!(
            "SELECT s.id, s.sort_date FROM statements s {} \
             ORDER BY s.sort_date DESC, s.id DESC LIMIT ? OFFSET ?",
            filter.clause
        );
        let mut remaining = q.limit.unwrap_or(usize::MAX);
        let mut cursor: Option<(i64, Option<String>)> = None;
        while remaining > 0 {
            let page_len = remaining.min(usize::try_from(PAGE_SIZE).unwrap_or(1000));
            let mut values = filter.values.clone();
            let sql = match &cursor {
                None => {
                    values.push(limit_value(page_len));
                    values.push(Value::Integer(i64::try_from(q.offset).unwrap_or(i64::MAX)));
                    &first
                }
                Some((id, Some(date))) => {
                    values.push(Value::Text(date.clone()));
                    values.push(Value::Text(date.clone()));
                    values.push(Value::Integer(*id));
                    values.push(limit_value(page_len));
                    &after_dated
                }
                Some((id, None)) => {
                    values.push(Value::Integer(*id));
                    values.push(limit_value(page_len));
                    &after_undated
                }
            };
            let keys = {
                let mut stmt = self.conn.prepare_cached(sql)?;
                let rows = stmt.query_map(params_from_iter(values), |row| {
                    Ok((row.get::<_, i64>(0)?, row.get::<_, Option<String>>(1)?))
                })?;
                rows.collect::<rusqlite::Result<Vec<_>>>()?
            };
            let Some(last) = keys.last().cloned() else {
                return Ok(());
            };
            let ids: Vec<i64> = keys.iter().map(|(id, _)| *id).collect();
            for statement in self.statements_by_ids(&ids)? {
                f(&statement)?;
            }
            if keys.len() < page_len {
                return Ok(());
            }
            remaining -= keys.len();
            cursor = Some(last);
        }
        Ok(())
    }

    /// Speaker ids whose canonical name or any alias matches `name`
    /// (case-insensitive, exact alias match; also matches a person's
    /// canonical name whose last word equals `name`). Ascending ids.
    pub fn resolve_speaker(&self, name: &str) -> Result<Vec<i64>> {
        let name = normalise(name);
        if name.is_empty() {
            return Ok(Vec::new());
        }
        let mut stmt = self
            .conn
            .prepare_cached(&format!("{SPEAKER_IDS} ORDER BY 1"))?;
        let ids = stmt.query_map([&name, &name], |row| row.get(0))?;
        Ok(ids.collect::<rusqlite::Result<Vec<i64>>>()?)
    }

    /// The speakers with the most statements matching `q` (its limit and
    /// offset are ignored), most statements first, then by name.
    pub fn speaker_facets(&self, q: &StatementQuery, limit: usize) -> Result<Vec<SpeakerFacet>> {
        let Some(filter) = Filter::of(q) else {
            return Ok(Vec::new());
        };
        let sql = format!(
            "SELECT sp.id, sp.name, sp.country, sp.title, n FROM \
               (SELECT s.speaker_id AS speaker_id, COUNT(*) AS n FROM statements s {} \
                GROUP BY s.speaker_id) counted \
             JOIN speakers sp ON sp.id = counted.speaker_id \
             ORDER BY n DESC, sp.key, sp.id LIMIT ?",
            filter.clause
        );
        let mut values = filter.values;
        values.push(limit_value(limit));
        let rows = {
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let rows = stmt.query_map(params_from_iter(values), |row| {
                Ok(SpeakerFacet {
                    id: row.get(0)?,
                    name: row.get(1)?,
                    country: row.get(2)?,
                    title: row.get(3)?,
                    statements: u64::try_from(row.get::<_, i64>(4)?).unwrap_or(0),
                    aliases: Vec::new(),
                })
            })?;
            rows.collect::<rusqlite::Result<Vec<_>>>()?
        };
        let mut aliases = self.conn.prepare_cached(
            "SELECT display FROM speaker_aliases WHERE speaker_id = ?1 ORDER BY rowid",
        )?;
        rows.into_iter()
            .map(|mut facet| {
                facet.aliases = aliases
                    .query_map([facet.id], |row| row.get(0))?
                    .collect::<rusqlite::Result<Vec<String>>>()?;
                Ok(facet)
            })
            .collect()
    }

    /// The countries most often among the `countries` of statements matching
    /// `q`, most statements first, then by code.
    pub fn country_facets(&self, q: &StatementQuery, limit: usize) -> Result<Vec<Facet>> {
        self.value_facets(q, limit, "statement_countries", "country")
    }

    /// The topics most often among the `topics` of statements matching `q`,
    /// most statements first, then by id.
    pub fn topic_facets(&self, q: &StatementQuery, limit: usize) -> Result<Vec<Facet>> {
        self.value_facets(q, limit, "statement_topics", "topic")
    }

    /// Counts the values of a statement side table; `table` and `column`
    /// are fixed names from this file, never user input.
    fn value_facets(
        &self,
        q: &StatementQuery,
        limit: usize,
        table: &str,
        column: &str,
    ) -> Result<Vec<Facet>> {
        let Some(filter) = Filter::of(q) else {
            return Ok(Vec::new());
        };
        let sql = format!(
            "SELECT v.{column}, COUNT(*) AS n FROM statements s \
             JOIN {table} v ON v.statement_id = s.id {} \
             GROUP BY v.{column} ORDER BY n DESC, v.{column} LIMIT ?",
            filter.clause
        );
        let mut values = filter.values;
        values.push(limit_value(limit));
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(values), |row| {
            Ok(Facet {
                key: row.get(0)?,
                count: u64::try_from(row.get::<_, i64>(1)?).unwrap_or(0),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}
