//! Storing a batch of articles with their statements in one transaction.

use std::collections::{HashMap, HashSet};

use demarche_core::{Article, Span, SpeakerKind, Statement, content_hash};
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};

use crate::columns::{date_to_text, fingerprint, parts_to_json, strings_to_json};
use crate::names::{display_form, is_pronoun, last_word, normalise};
use crate::{Error, InsertOutcome, Result, Store};

const INSERT_ARTICLE: &str = "INSERT INTO articles \
    (content_hash, source, title, published, url, outlet, external_id, body, ingested_at) \
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";

const UPSERT_SPEAKER: &str = "INSERT INTO speakers \
    (key, name, kind, title, organization, country, last_word) \
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) \
    ON CONFLICT (key) DO UPDATE SET \
        title = COALESCE(speakers.title, excluded.title), \
        organization = COALESCE(speakers.organization, excluded.organization), \
        country = COALESCE(speakers.country, excluded.country) \
    RETURNING id, title IS NOT NULL, organization IS NOT NULL, country IS NOT NULL";

const INSERT_ALIAS: &str =
    "INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias, display) VALUES (?1, ?2, ?3)";

const INSERT_STATEMENT: &str = "INSERT INTO statements (\
    article_id, speaker_id, kind, act, text, content_start, content_end, content_parts, \
    content_check, cue_start, cue_end, cue_text, mention_start, mention_end, mention_text, \
    speaker_name, speaker_title, speaker_org, speaker_country, speaker_kind, speaker_aliases, \
    addressee, addressee_name, addressee_country, via, date, sort_date, confidence) \
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, \
    ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28)";

const INSERT_TOPIC: &str =
    "INSERT OR IGNORE INTO statement_topics (statement_id, topic) VALUES (?1, ?2)";

const INSERT_COUNTRY: &str =
    "INSERT OR IGNORE INTO statement_countries (statement_id, country) VALUES (?1, ?2)";

/// What the batch already knows about a speaker row, so that repeated
/// statements by the same speaker skip the upsert unless they add a field.
#[derive(Clone, Copy)]
struct KnownSpeaker {
    id: i64,
    has_title: bool,
    has_organization: bool,
    has_country: bool,
}

/// Page cache of a connection tuned for bulk inserts, in KiB (SQLite's
/// convention for a negative `cache_size`). Inserting statements touches
/// several secondary indexes at places spread over the whole B-tree; once
/// the indexes outgrow SQLite's default 2 MiB cache, every insert rereads
/// pages from the file, which is why throughput fell as the database grew.
/// The cache is a fixed budget, so memory does not grow with the database.
const BULK_CACHE_KIB: i64 = 64 * 1024;

/// WAL pages written before SQLite copies them back into the database file.
/// The default (1,000 pages, 4 MiB) copies the same hot index pages back
/// again and again during a long ingest; a larger WAL copies each of them
/// once per checkpoint instead. This costs disk space for the WAL file, not
/// memory.
const BULK_WAL_AUTOCHECKPOINT_PAGES: i64 = 16 * 1024;

impl Store {
    /// Tunes this connection for a long run of large [`Store::insert_batch`]
    /// calls: a bigger, fixed page cache, temporary tables in memory and
    /// less frequent WAL checkpoints. Durability is unchanged (each batch is
    /// still one transaction); only speed and the WAL file's size differ.
    pub fn tune_for_bulk_insert(&self) -> Result<()> {
        self.conn
            .pragma_update(None, "cache_size", -BULK_CACHE_KIB)?;
        self.conn.pragma_update(None, "temp_store", "MEMORY")?;
        // The pragma answers with the value set, so it is read as a query.
        let _pages: i64 = self.conn.query_row(
            &format!("PRAGMA wal_autocheckpoint = {BULK_WAL_AUTOCHECKPOINT_PAGES}"),
            [],
            |row| row.get(0),
        )?;
        Ok(())
    }

    /// One transaction for the whole batch, prepared statements. Duplicates
    /// (same content_hash already stored, or twice in the batch) are not
    /// inserted. An empty content hash is computed from the body.
    ///
    /// Every statement's spans must fit its article body (the extractor
    /// guarantees it); otherwise nothing of the batch is written and
    /// [`Error::InvalidStatement`] names the offending statement.
    pub fn insert_batch(
        &mut self,
        batch: &[(Article, Vec<Statement>)],
    ) -> Result<Vec<InsertOutcome>> {
        for (article, statements) in batch {
            for (index, statement) in statements.iter().enumerate() {
                validate(article, index, statement)?;
            }
        }
        let ingested_at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let outcomes = insert_all(&tx, batch, &ingested_at)?;
        tx.commit()?;
        Ok(outcomes)
    }
}

/// Checks that every span of `statement` is exactly the body text at its offsets.
fn validate(article: &Article, index: usize, statement: &Statement) -> Result<()> {
    let body = article.body.as_str();
    let invalid = |reason: String| Error::InvalidStatement {
        article: article.meta.source.clone(),
        index,
        reason,
    };
    let content = &statement.content;
    if body.get(content.start..content.end) != Some(content.text.as_str()) {
        return Err(invalid(format!(
            "content {}..{} does not match the body",
            content.start, content.end
        )));
    }
    let spans = content
        .parts
        .iter()
        .flatten()
        .map(|p| ("content part", p))
        .chain(statement.cue.iter().map(|c| ("cue", c)))
        .chain(statement.speaker.mention.iter().map(|m| ("mention", m)));
    for (what, span) in spans {
        if !span.is_valid_in(body) {
            return Err(invalid(format!(
                "{what} {}..{} does not match the body",
                span.start, span.end
            )));
        }
    }
    Ok(())
}

fn insert_all(
    tx: &Transaction<'_>,
    batch: &[(Article, Vec<Statement>)],
    ingested_at: &str,
) -> Result<Vec<InsertOutcome>> {
    let mut find_article = tx.prepare_cached("SELECT id FROM articles WHERE content_hash = ?1")?;
    let mut insert_article = tx.prepare_cached(INSERT_ARTICLE)?;
    let mut upsert_speaker = tx.prepare_cached(UPSERT_SPEAKER)?;
    let mut insert_alias = tx.prepare_cached(INSERT_ALIAS)?;
    let mut insert_statement = tx.prepare_cached(INSERT_STATEMENT)?;
    let mut insert_topic = tx.prepare_cached(INSERT_TOPIC)?;
    let mut insert_country = tx.prepare_cached(INSERT_COUNTRY)?;

    let mut seen_hashes: HashMap<String, i64> = HashMap::new();
    let mut speakers: HashMap<String, KnownSpeaker> = HashMap::new();
    let mut aliases: HashSet<(i64, String)> = HashSet::new();
    let mut outcomes = Vec::with_capacity(batch.len());

    for (article, statements) in batch {
        let meta = &article.meta;
        let hash = if meta.content_hash.is_empty() {
            content_hash(&article.body)
        } else {
            meta.content_hash.clone()
        };
        if let Some(&existing_id) = seen_hashes.get(&hash) {
            outcomes.push(InsertOutcome::Duplicate { existing_id });
            continue;
        }
        let existing: Option<i64> = find_article
            .query_row(params![hash], |row| row.get(0))
            .optional()?;
        if let Some(existing_id) = existing {
            seen_hashes.insert(hash, existing_id);
            outcomes.push(InsertOutcome::Duplicate { existing_id });
            continue;
        }
        let published = meta.published.map(date_to_text);
        insert_article.execute(params![
            hash,
            meta.source,
            meta.title,
            published,
            meta.url,
            meta.outlet,
            meta.external_id,
            article.body,
            ingested_at,
        ])?;
        let article_id = tx.last_insert_rowid();
        seen_hashes.insert(hash, article_id);

        let mut statement_ids = Vec::with_capacity(statements.len());
        let mut speaker_ids = Vec::with_capacity(statements.len());
        for statement in statements {
            let speaker_id = match speaker_row(statement) {
                Some(row) => Some(store_speaker(
                    &mut upsert_speaker,
                    &mut insert_alias,
                    &mut speakers,
                    &mut aliases,
                    statement,
                    &row,
                )?),
                None => None,
            };
            let content = &statement.content;
            let body_bytes = article.body.as_bytes();
            let check = fingerprint(body_bytes.get(content.start..content.end).unwrap_or(&[]));
            let date = statement.date.map(date_to_text);
            let sort_date = date.clone().or_else(|| published.clone());
            let speaker = &statement.speaker;
            let (has_addressee, addressee_name, addressee_country) = match &statement.addressee {
                Some(a) => (true, a.name.as_deref(), a.country.as_deref()),
                None => (false, None, None),
            };
            let confidence = Some(f64::from(statement.confidence)).filter(|c| !c.is_nan());
            insert_statement.execute(params![
                article_id,
                speaker_id,
                statement.kind.as_str(),
                statement.act.as_str(),
                statement.text,
                to_sql(content.start),
                to_sql(content.end),
                content.parts.as_deref().map(parts_to_json),
                check,
                statement.cue.as_ref().map(|c| to_sql(c.start)),
                statement.cue.as_ref().map(|c| to_sql(c.end)),
                statement.cue.as_ref().map(|c| c.text.as_str()),
                speaker.mention.as_ref().map(|m| to_sql(m.start)),
                speaker.mention.as_ref().map(|m| to_sql(m.end)),
                speaker.mention.as_ref().map(|m| m.text.as_str()),
                speaker.name,
                speaker.title,
                speaker.organization,
                speaker.country,
                speaker.kind.as_str(),
                strings_to_json(&speaker.aliases),
                has_addressee,
                addressee_name,
                addressee_country,
                statement.via,
                date,
                sort_date,
                confidence,
            ])?;
            let statement_id = tx.last_insert_rowid();
            for topic in &statement.topics {
                insert_topic.execute(params![statement_id, topic])?;
            }
            for country in &statement.countries {
                insert_country.execute(params![statement_id, country])?;
            }
            statement_ids.push(statement_id);
            speaker_ids.push(speaker_id);
        }
        outcomes.push(InsertOutcome::Inserted {
            article_id,
            statement_ids,
            speaker_ids,
        });
    }
    Ok(outcomes)
}

/// An offset as an SQL integer. Offsets were validated against a body in
/// memory, so they are far below `i64::MAX`.
fn to_sql(offset: usize) -> i64 {
    i64::try_from(offset).unwrap_or(i64::MAX)
}

/// The speaker row a statement belongs to: its key and display name.
struct SpeakerRow {
    key: String,
    name: String,
    last_word: Option<String>,
}

/// The speaker row for a statement, or `None` when it names nobody.
fn speaker_row(statement: &Statement) -> Option<SpeakerRow> {
    let speaker = &statement.speaker;
    let name = speaker.name.as_deref()?;
    let normalised = normalise(name);
    if normalised.is_empty() {
        return None;
    }
    // People are one row per name across articles; other kinds are kept
    // apart from a person of the same name by their kind prefix.
    let (key, last) = match speaker.kind {
        SpeakerKind::Person => {
            let last = last_word(&normalised).map(str::to_owned);
            (normalised, last)
        }
        other => (format!("{}:{normalised}", other.as_str()), None),
    };
    Some(SpeakerRow {
        key,
        name: display_form(name),
        last_word: last,
    })
}

/// Upserts the speaker row when it is new to this batch or brings a field
/// the row lacks, and records every new alias. Returns the speaker id.
fn store_speaker(
    upsert: &mut rusqlite::CachedStatement<'_>,
    insert_alias: &mut rusqlite::CachedStatement<'_>,
    known: &mut HashMap<String, KnownSpeaker>,
    aliases: &mut HashSet<(i64, String)>,
    statement: &Statement,
    row: &SpeakerRow,
) -> Result<i64> {
    let speaker = &statement.speaker;
    let id = match known.get(&row.key).copied() {
        Some(k)
            if (k.has_title || speaker.title.is_none())
                && (k.has_organization || speaker.organization.is_none())
                && (k.has_country || speaker.country.is_none()) =>
        {
            k.id
        }
        _ => {
            let fresh = upsert.query_row(
                params![
                    row.key,
                    row.name,
                    speaker.kind.as_str(),
                    speaker.title,
                    speaker.organization,
                    speaker.country,
                    row.last_word,
                ],
                |r| {
                    Ok(KnownSpeaker {
                        id: r.get(0)?,
                        has_title: r.get(1)?,
                        has_organization: r.get(2)?,
                        has_country: r.get(3)?,
                    })
                },
            )?;
            known.insert(row.key.clone(), fresh);
            fresh.id
        }
    };

    let mention = speaker.mention.as_ref().map(|m: &Span| m.text.as_str());
    let forms = std::iter::once((row.name.as_str(), true)).chain(
        speaker
            .aliases
            .iter()
            .map(String::as_str)
            .chain(mention)
            .map(|form| (form, false)),
    );
    for (form, is_canonical) in forms {
        let alias = normalise(form);
        if alias.is_empty() || is_pronoun(&alias) {
            continue;
        }
        if !is_canonical
            && speaker.kind == SpeakerKind::Person
            && !form.chars().any(char::is_uppercase)
        {
            // A lowercase mention of a person ("the minister") describes a
            // role, not a name, and would match many different people.
            continue;
        }
        let key = (id, alias);
        if aliases.contains(&key) {
            continue;
        }
        insert_alias.execute(params![id, key.1, display_form(form)])?;
        aliases.insert(key);
    }
    Ok(id)
}
