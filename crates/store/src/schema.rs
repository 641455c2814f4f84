//! The database schema as an ordered list of migrations, and the code that
//! brings a database file up to the newest version.
//!
//! The schema version lives in `PRAGMA user_version`: version `n` means the
//! first `n` scripts of [`MIGRATIONS`] have been applied. A script is never
//! edited once released; changes go into a new script at the end.

use rusqlite::{Connection, TransactionBehavior};

use crate::{Error, Result};

/// Migration scripts, oldest first. Script `i` takes the schema from
/// version `i` to version `i + 1`.
pub(crate) const MIGRATIONS: &[&str] = &[
    // Version 1: articles, speakers with aliases, statements with their
    // topics and countries, and a key/value table for bookkeeping.
    r#"
CREATE TABLE articles (
    id           INTEGER PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    source       TEXT NOT NULL,
    title        TEXT,
    published    TEXT,             -- YYYY-MM-DD
    url          TEXT,
    outlet       TEXT,
    external_id  TEXT,
    body         TEXT NOT NULL,
    ingested_at  TEXT NOT NULL     -- RFC 3339, UTC
);

CREATE TABLE speakers (
    id           INTEGER PRIMARY KEY,
    key          TEXT NOT NULL UNIQUE, -- normalised canonical name (kind-prefixed unless a person)
    name         TEXT NOT NULL,        -- canonical name as first seen
    kind         TEXT NOT NULL,
    title        TEXT,
    organization TEXT,
    country      TEXT,
    last_word    TEXT                  -- normalised surname of a person, for surname lookups
);
CREATE INDEX speakers_last_word ON speakers(last_word);

CREATE TABLE speaker_aliases (
    speaker_id INTEGER NOT NULL REFERENCES speakers(id) ON DELETE CASCADE,
    alias      TEXT NOT NULL,          -- normalised form
    display    TEXT NOT NULL,          -- form as first seen
    UNIQUE (speaker_id, alias)
);
CREATE INDEX speaker_aliases_alias ON speaker_aliases(alias);

CREATE TABLE statements (
    id                INTEGER PRIMARY KEY,
    article_id        INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    speaker_id        INTEGER REFERENCES speakers(id),
    kind              TEXT NOT NULL,
    act               TEXT NOT NULL,
    text              TEXT NOT NULL,   -- joined text (pieces of a split quote joined by a space)
    content_start     INTEGER NOT NULL,
    content_end       INTEGER NOT NULL,
    content_parts     TEXT,            -- JSON [[start, end], ...] or NULL when contiguous
    content_check     INTEGER NOT NULL,-- FNV-1a 64 of the content bytes, to detect a changed body
    cue_start         INTEGER,
    cue_end           INTEGER,
    cue_text          TEXT,
    mention_start     INTEGER,
    mention_end       INTEGER,
    mention_text      TEXT,
    speaker_name      TEXT,
    speaker_title     TEXT,
    speaker_org       TEXT,
    speaker_country   TEXT,
    speaker_kind      TEXT NOT NULL,
    speaker_aliases   TEXT,            -- JSON array of this article's forms, NULL when none
    addressee         INTEGER NOT NULL,-- 1 when the statement has an addressee
    addressee_name    TEXT,
    addressee_country TEXT,
    via               TEXT,
    date              TEXT,            -- YYYY-MM-DD as extracted
    sort_date         TEXT,            -- date, else the article's published date
    confidence        REAL             -- NULL stands for NaN
);
CREATE INDEX statements_article ON statements(article_id);
CREATE INDEX statements_speaker ON statements(speaker_id, sort_date);
CREATE INDEX statements_speaker_country ON statements(speaker_country, sort_date);
CREATE INDEX statements_act ON statements(act, sort_date);
CREATE INDEX statements_kind ON statements(kind, sort_date);
CREATE INDEX statements_sort_date ON statements(sort_date);

CREATE TABLE statement_topics (
    statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
    topic        TEXT NOT NULL,
    UNIQUE (statement_id, topic)
);
CREATE INDEX statement_topics_topic ON statement_topics(topic, statement_id);

CREATE TABLE statement_countries (
    statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
    country      TEXT NOT NULL,
    UNIQUE (statement_id, country)
);
CREATE INDEX statement_countries_country ON statement_countries(country, statement_id);

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
"#,
];

/// The schema version this build writes.
pub(crate) fn latest_version() -> i64 {
    // The list is a handful of entries long, so the conversion cannot fail.
    i64::try_from(MIGRATIONS.len()).unwrap_or(i64::MAX)
}

/// Reads `PRAGMA user_version`.
pub(crate) fn current_version(conn: &Connection) -> Result<i64> {
    Ok(conn.pragma_query_value(None, "user_version", |row| row.get(0))?)
}

/// Applies every pending migration, each in its own transaction together
/// with the version bump, so a crash leaves the database at a clean version.
pub(crate) fn migrate(conn: &mut Connection) -> Result<()> {
    let found = current_version(conn)?;
    let supported = latest_version();
    if found < 0 {
        return Err(Error::Corrupt(format!("negative schema version {found}")));
    }
    if found > supported {
        return Err(Error::SchemaTooNew { found, supported });
    }
    for (index, script) in MIGRATIONS.iter().enumerate() {
        let target = i64::try_from(index).unwrap_or(i64::MAX).saturating_add(1);
        if target <= found {
            continue;
        }
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Another process may have migrated while this one waited for the lock.
        if current_version(&tx)? >= target {
            tx.commit()?;
            continue;
        }
        tx.execute_batch(script)?;
        tx.pragma_update(None, "user_version", target)?;
        tx.commit()?;
    }
    Ok(())
}
