//! The ingest pipeline: a reader thread turns inputs into documents, a pool
//! of workers extracts their statements, and this thread, the single
//! writer, stores them in batches and keeps the full-text index in step.
//!
//! Channels between the stages are bounded, so memory stays bounded however
//! large the input; a sequence number restores input order before writing,
//! so ids are the same whatever the number of workers.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use demarche_core::{Article, Extractor, Statement};
use demarche_input::{Event, InputError, ReadOptions};
use demarche_search::{Index, IndexDoc, IndexWriter};
use demarche_store::{InsertOutcome, Store};
use serde::Serialize;

use crate::database::{commit_index, index_statements_after};

/// Where articles come from.
#[derive(Debug, Clone)]
pub enum Source {
    /// A file or folder.
    Path(PathBuf),
    /// JSON lines on standard input.
    Stdin,
}

/// How to run the pipeline.
#[derive(Debug, Clone)]
pub struct Settings {
    /// How to read inputs.
    pub read: ReadOptions,
    /// Articles per store transaction.
    pub batch_size: usize,
    /// Commit the index after this many batches (and always at the end).
    pub commit_every: usize,
    /// Extraction workers.
    pub jobs: usize,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            read: ReadOptions::default(),
            batch_size: 200,
            commit_every: 25,
            jobs: 1,
        }
    }
}

/// The counts a run ends with (printed as the summary and as `--json`).
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Summary {
    /// Articles read from the inputs.
    pub articles_read: u64,
    /// Articles stored for the first time.
    pub articles_new: u64,
    /// Articles already stored (or repeated within the run).
    pub duplicates: u64,
    /// Inputs that could not be read (files, lines, members).
    pub failed: u64,
    /// Files passed over because they are not inputs.
    pub skipped: u64,
    /// Statements stored.
    pub statements: u64,
    /// Wall time in milliseconds.
    pub elapsed_ms: u64,
}

/// Something the user should hear about while the run goes on.
#[derive(Debug)]
pub enum Notice<'a> {
    /// An input could not be read.
    Error(&'a InputError),
    /// A document was read but could not be processed.
    Failed {
        /// The article's source label.
        location: &'a str,
        /// What went wrong.
        message: &'a str,
    },
    /// A document was read with a remark, or a statement was dropped.
    Warning {
        /// The article's source label.
        location: &'a str,
        /// The remark.
        message: &'a str,
    },
    /// A file was passed over.
    Skipped {
        /// The file.
        location: &'a str,
        /// Why.
        reason: &'a str,
    },
    /// The counts so far, after each batch.
    Progress(&'a Summary),
}

/// What a worker hands to the writer.
enum Work {
    Article {
        article: Article,
        statements: Vec<Statement>,
        warnings: Vec<String>,
    },
    Error(InputError),
    Failed {
        location: String,
        message: String,
    },
    Skipped {
        location: String,
        reason: String,
    },
}

/// Messages in flight between two stages, per worker.
const CHANNEL_DEPTH: usize = 64;

/// Runs the whole pipeline over `sources`, writing into `store` and `index`.
/// Input problems are reported through `notify` and counted; only store or
/// index failures end the run early with an error.
pub fn run(
    sources: &[Source],
    settings: &Settings,
    store: &mut Store,
    index: &Index,
    notify: &mut dyn FnMut(Notice<'_>),
) -> Result<Summary> {
    let started = Instant::now();
    let jobs = settings.jobs.max(1);
    let extractor = Extractor::new();
    let mut writer = index
        .writer()
        .context("cannot open the index for writing")?;
    // A run killed between a store transaction and the next index commit
    // leaves the index behind the store; catching up first keeps them in step.
    let watermark = index.watermark()?;
    if watermark < store.max_statement_id()? {
        index_statements_after(store, &mut writer, watermark)?;
        commit_index(store, &mut writer)?;
    }
    let (event_tx, event_rx) = sync_channel::<(u64, Event)>(CHANNEL_DEPTH * jobs);
    let (work_tx, work_rx) = sync_channel::<(u64, Work)>(CHANNEL_DEPTH * jobs);
    let event_rx = Arc::new(Mutex::new(event_rx));

    // The reader is not a scoped thread: after a fatal store or index error
    // nobody waits for it to finish walking the inputs (it has no way to be
    // told to stop early, only its sends start failing).
    let reader = {
        let sources = sources.to_vec();
        let options = settings.read.clone();
        std::thread::spawn(move || read_sources(&sources, &options, &event_tx))
    };
    let mut summary = Summary::default();
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            let event_rx = Arc::clone(&event_rx);
            let work_tx = work_tx.clone();
            let extractor = &extractor;
            scope.spawn(move || extract_events(extractor, &event_rx, &work_tx));
        }
        // The writer must see the channel close once every worker is done.
        drop(work_tx);
        let mut sink = BatchWriter {
            store: &mut *store,
            writer: &mut writer,
            settings,
            summary: &mut summary,
            batch: Vec::with_capacity(settings.batch_size),
            batches_since_commit: 0,
            started,
        };
        // Consuming takes the receiver by value: when it returns early, the
        // workers' sends fail and they stop.
        sink.consume(work_rx, notify)
    })?;
    if reader.join().is_err() {
        anyhow::bail!("the input reader stopped unexpectedly");
    }
    commit_index(store, &mut writer)?;
    summary.elapsed_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
    Ok(summary)
}

/// The reader stage: every source, in order, numbered.
fn read_sources(sources: &[Source], options: &ReadOptions, events: &SyncSender<(u64, Event)>) {
    let mut sequence = 0u64;
    let mut closed = false;
    let mut send = |event: Event| {
        if closed {
            return;
        }
        closed = events.send((sequence, event)).is_err();
        sequence += 1;
    };
    for source in sources {
        match source {
            Source::Path(path) => demarche_input::read_path(path, options, &mut send),
            Source::Stdin => demarche_input::read_stdin(options, &mut send),
        }
    }
}

/// A worker: extracts the statements of each document it receives.
fn extract_events(
    extractor: &Extractor,
    events: &Mutex<Receiver<(u64, Event)>>,
    work: &SyncSender<(u64, Work)>,
) {
    loop {
        let next = events.lock().unwrap_or_else(PoisonError::into_inner).recv();
        let Ok((sequence, event)) = next else {
            return;
        };
        let item = match event {
            Event::Document(document) => {
                let mut warnings = document.warnings;
                match extract_guarded(extractor, &document.article) {
                    Some(statements) => {
                        let statements = keep_valid(&document.article, statements, &mut warnings);
                        Work::Article {
                            article: document.article,
                            statements,
                            warnings,
                        }
                    }
                    None => Work::Failed {
                        location: document.article.meta.source,
                        message: "extraction failed on this article (an internal error)".into(),
                    },
                }
            }
            Event::Error(error) => Work::Error(error),
            Event::Skipped { location, reason } => Work::Skipped { location, reason },
        };
        if work.send((sequence, item)).is_err() {
            return;
        }
    }
}

/// Extracts one article; a panic inside the extractor (a bug) costs that
/// article only, not the whole run.
pub fn extract_guarded(extractor: &Extractor, article: &Article) -> Option<Vec<Statement>> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        extractor.extract(article).statements
    }))
    .ok()
}

/// Drops statements whose spans do not match the article body, so that one
/// extractor mistake cannot fail a whole store transaction.
fn keep_valid(
    article: &Article,
    statements: Vec<Statement>,
    warnings: &mut Vec<String>,
) -> Vec<Statement> {
    let body = article.body.as_str();
    let before = statements.len();
    let kept: Vec<Statement> = statements
        .into_iter()
        .filter(|s| {
            s.content.is_valid_in(body)
                && s.cue.as_ref().is_none_or(|c| c.is_valid_in(body))
                && s.speaker
                    .mention
                    .as_ref()
                    .is_none_or(|m| m.is_valid_in(body))
        })
        .collect();
    if kept.len() < before {
        warnings.push(format!(
            "dropped {} statement(s) whose offsets do not match the text",
            before - kept.len()
        ));
    }
    kept
}

/// The writer stage's state.
struct BatchWriter<'a> {
    store: &'a mut Store,
    writer: &'a mut IndexWriter,
    settings: &'a Settings,
    summary: &'a mut Summary,
    batch: Vec<(Article, Vec<Statement>)>,
    batches_since_commit: usize,
    started: Instant,
}

impl BatchWriter<'_> {
    /// Takes the workers' results back into input order and writes them.
    fn consume(
        &mut self,
        work: Receiver<(u64, Work)>,
        notify: &mut dyn FnMut(Notice<'_>),
    ) -> Result<()> {
        let mut waiting: BTreeMap<u64, Work> = BTreeMap::new();
        let mut next = 0u64;
        for (sequence, item) in work {
            waiting.insert(sequence, item);
            while let Some(item) = waiting.remove(&next) {
                next += 1;
                self.take(item, notify)?;
            }
        }
        // A sequence gap can only come from a stage that stopped early;
        // whatever arrived is still written, in order.
        for (_, item) in std::mem::take(&mut waiting) {
            self.take(item, notify)?;
        }
        self.flush(notify)
    }

    fn take(&mut self, item: Work, notify: &mut dyn FnMut(Notice<'_>)) -> Result<()> {
        match item {
            Work::Article {
                article,
                statements,
                warnings,
            } => {
                self.summary.articles_read += 1;
                for message in &warnings {
                    notify(Notice::Warning {
                        location: &article.meta.source,
                        message,
                    });
                }
                self.batch.push((article, statements));
                if self.batch.len() >= self.settings.batch_size.max(1) {
                    self.flush(notify)?;
                }
            }
            Work::Error(error) => {
                self.summary.failed += 1;
                notify(Notice::Error(&error));
            }
            Work::Failed { location, message } => {
                self.summary.failed += 1;
                notify(Notice::Failed {
                    location: &location,
                    message: &message,
                });
            }
            Work::Skipped { location, reason } => {
                self.summary.skipped += 1;
                notify(Notice::Skipped {
                    location: &location,
                    reason: &reason,
                });
            }
        }
        Ok(())
    }

    /// Stores the batch in one transaction and indexes its new statements.
    fn flush(&mut self, notify: &mut dyn FnMut(Notice<'_>)) -> Result<()> {
        if self.batch.is_empty() {
            return Ok(());
        }
        let outcomes = self
            .store
            .insert_batch(&self.batch)
            .context("cannot store articles")?;
        let mut new_ids = Vec::new();
        for outcome in outcomes {
            match outcome {
                InsertOutcome::Inserted { statement_ids, .. } => {
                    self.summary.articles_new += 1;
                    self.summary.statements += statement_ids.len() as u64;
                    new_ids.extend(statement_ids);
                }
                InsertOutcome::Duplicate { .. } => self.summary.duplicates += 1,
            }
        }
        self.batch.clear();
        // The index is built from the statements as stored, with the
        // speaker ids the store assigned, exactly as `reindex` builds it.
        for stored in self.store.statements_by_ids(&new_ids)? {
            self.writer.add(&IndexDoc {
                id: stored.id,
                statement: &stored.statement,
                speaker_id: stored.speaker_id,
                published: stored.article.published,
            })?;
        }
        self.batches_since_commit += 1;
        if self.batches_since_commit >= self.settings.commit_every.max(1) {
            commit_index(self.store, self.writer)?;
            self.batches_since_commit = 0;
        }
        self.summary.elapsed_ms = millis(self.started.elapsed());
        notify(Notice::Progress(self.summary));
        Ok(())
    }
}

fn millis(elapsed: Duration) -> u64 {
    u64::try_from(elapsed.as_millis()).unwrap_or(u64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLES: [(&str, &str); 5] = [
        (
            "a.txt",
            "Port talks\n\n\"The harbour stays open,\" said Teodora Ilic, Montenegro's transport minister.\n",
        ),
        (
            "b.txt",
            "Grain deal\n\n\"This is a good day for farmers,\" said Wanjiru Otieno, Kenya's trade minister.\n",
        ),
        ("c.txt", ""),
        (
            "d.txt",
            "Water talks\n\n\"The reservoir will be shared fairly,\" said Ahmed Karimi, the water minister.\n",
        ),
        (
            "e.txt",
            "Port talks\n\n\"The harbour stays open,\" said Teodora Ilic, Montenegro's transport minister.\n",
        ),
    ];

    fn ingest_folder(jobs: usize, batch_size: usize) -> (Summary, Vec<(i64, String)>, i64) {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in ARTICLES {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        let mut store = Store::open_in_memory().unwrap();
        let index = Index::open_in_ram().unwrap();
        let settings = Settings {
            jobs,
            batch_size,
            commit_every: 1,
            ..Settings::default()
        };
        let mut errors = Vec::new();
        let summary = run(
            &[Source::Path(dir.path().to_path_buf())],
            &settings,
            &mut store,
            &index,
            &mut |notice| {
                if let Notice::Error(error) = notice {
                    errors.push(error.to_string());
                }
            },
        )
        .unwrap();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].contains("c.txt"), "{errors:?}");
        let listed = store
            .statements(&demarche_store::StatementQuery::default())
            .unwrap()
            .into_iter()
            .map(|s| {
                let name = s.article.source.rsplit('/').next().unwrap_or("").to_owned();
                (s.id, name)
            })
            .collect();
        (summary, listed, index.watermark().unwrap())
    }

    #[test]
    fn counts_and_ids_do_not_depend_on_the_number_of_workers() {
        let (one, listed_one, watermark_one) = ingest_folder(1, 1);
        assert_eq!(one.articles_read, 4);
        assert_eq!(one.articles_new, 3);
        assert_eq!(one.duplicates, 1);
        assert_eq!(one.failed, 1);
        assert_eq!(watermark_one, i64::try_from(one.statements).unwrap());
        for (jobs, batch_size) in [(3, 1), (2, 2), (4, 200)] {
            let (many, listed_many, watermark) = ingest_folder(jobs, batch_size);
            assert_eq!(
                (
                    many.articles_read,
                    many.articles_new,
                    many.duplicates,
                    many.statements
                ),
                (
                    one.articles_read,
                    one.articles_new,
                    one.duplicates,
                    one.statements
                ),
                "jobs {jobs}, batch {batch_size}"
            );
            assert_eq!(listed_many, listed_one, "jobs {jobs}, batch {batch_size}");
            assert_eq!(watermark, watermark_one);
        }
    }

    #[test]
    fn statements_with_offsets_outside_the_text_are_dropped_with_a_warning() {
        let article = Article::new("x.txt", "Short text.");
        let mut statement = Extractor::new()
            .extract(&Article::new(
                "y.txt",
                "\"We will stay the course,\" said Ines Carvalho, Portugal's foreign minister.",
            ))
            .statements;
        assert!(!statement.is_empty());
        let mut warnings = Vec::new();
        let kept = keep_valid(&article, std::mem::take(&mut statement), &mut warnings);
        assert!(kept.is_empty());
        assert_eq!(warnings.len(), 1);
    }
}
