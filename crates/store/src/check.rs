//! `Store::check`: SQLite's own consistency checks plus the invariant that
//! every stored span still reads the same words in its article body.

use rusqlite::params;

use crate::columns::{fingerprint, offset, parts_from_json};
use crate::read::{BodyCache, PAGE_SIZE, RawStatement, STATEMENT_COLUMNS, STATEMENT_FROM};
use crate::{Result, Store};

impl Store {
    /// PRAGMA integrity_check, foreign_key_check, and every stored span
    /// still equals the body bytes at its offsets. Returns one
    /// human-readable line per problem, naming the statement; an empty
    /// vector means the database is healthy.
    pub fn check(&self) -> Result<Vec<String>> {
        let mut problems = Vec::new();
        {
            let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
            let rows = stmt.query_map([], |row| row.get::<_, String>(0))?;
            for row in rows {
                let line = row?;
                if line != "ok" {
                    problems.push(format!("integrity check: {line}"));
                }
            }
        }
        {
            let mut stmt = self.conn.prepare("PRAGMA foreign_key_check")?;
            let rows = stmt.query_map([], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, Option<i64>>(1)?,
                    row.get::<_, String>(2)?,
                ))
            })?;
            for row in rows {
                let (table, rowid, parent) = row?;
                let rowid = rowid.map_or_else(|| "?".to_owned(), |r| r.to_string());
                problems.push(format!(
                    "foreign key: {table} row {rowid} refers to a missing {parent} row"
                ));
            }
        }
        self.check_spans(&mut problems)?;
        Ok(problems)
    }

    /// Compares every statement's spans with its article body, a page at a time.
    fn check_spans(&self, problems: &mut Vec<String>) -> Result<()> {
        let sql = format!(
            "SELECT {STATEMENT_COLUMNS}, s.content_check FROM {STATEMENT_FROM} \
             WHERE s.id > ?1 ORDER BY s.id LIMIT ?2"
        );
        // Statements whose article row is gone are reported by the foreign
        // key check; the join leaves them out here.
        let mut bodies = BodyCache::new();
        let mut last = 0_i64;
        loop {
            let page: Vec<(RawStatement, i64)> = {
                let mut stmt = self.conn.prepare_cached(&sql)?;
                let rows = stmt.query_map(params![last, PAGE_SIZE], |row| {
                    Ok((RawStatement::from_row(row)?, row.get(32)?))
                })?;
                rows.collect::<rusqlite::Result<Vec<_>>>()?
            };
            let Some((tail, _)) = page.last() else {
                return Ok(());
            };
            last = tail.id;
            let full = i64::try_from(page.len()) == Ok(PAGE_SIZE);
            for (raw, content_check) in page {
                let body = match bodies.body(&self.conn, raw.article_id) {
                    Ok(body) => body,
                    Err(e) => {
                        problems.push(format!("statement {}: {e}", raw.id));
                        continue;
                    }
                };
                let before = problems.len();
                span_problems(&raw, content_check, body, problems);
                if problems.len() == before {
                    // Spans are fine; anything else that cannot be read back
                    // (an unknown act, a malformed date) shows up here.
                    if let Err(e) = raw.finish(body) {
                        problems.push(e.to_string());
                    }
                }
            }
            if !full {
                return Ok(());
            }
        }
    }
}

/// Appends a line for each span of `raw` that no longer matches `body`.
fn span_problems(raw: &RawStatement, content_check: i64, body: &str, problems: &mut Vec<String>) {
    let id = raw.id;
    let article = raw.article_id;
    let what = format!("statement {id}");
    let fits = |start: i64, end: i64| -> Option<&str> {
        let start = offset(start, &what).ok()?;
        let end = offset(end, &what).ok()?;
        body.get(start..end)
    };
    match fits(raw.content_start, raw.content_end) {
        None => problems.push(format!(
            "statement {id}: content {}..{} does not fit article {article} ({} bytes)",
            raw.content_start,
            raw.content_end,
            body.len()
        )),
        Some(text) if fingerprint(text.as_bytes()) != content_check => problems.push(format!(
            "statement {id}: article {article} no longer has the quoted words at {}..{}",
            raw.content_start, raw.content_end
        )),
        Some(_) => {}
    }
    if let Some(json) = &raw.content_parts {
        match parts_from_json(json, &what) {
            Err(e) => problems.push(e.to_string()),
            Ok(parts) => {
                for [start, end] in parts {
                    if body.get(start..end).is_none() {
                        problems.push(format!(
                            "statement {id}: content part {start}..{end} does not fit article \
                             {article} ({} bytes)",
                            body.len()
                        ));
                    }
                }
            }
        }
    }
    for (name, span) in [("cue", &raw.cue), ("speaker mention", &raw.mention)] {
        if let Some((start, end, text)) = span
            && fits(*start, *end) != Some(text.as_str())
        {
            problems.push(format!(
                "statement {id}: {name} {start}..{end} no longer reads {text:?} in article \
                 {article}"
            ));
        }
    }
}
