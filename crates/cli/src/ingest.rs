//! The ingest pipeline: a reader thread turns inputs into documents, a pool
//! of workers extracts their statements, and this thread, the single
//! writer, stores them in batches and keeps the full-text index in step.
//!
//! Channels between the stages are bounded, so memory stays bounded however
//! large the input; a sequence number restores input order before writing,
//! so ids are the same whatever the number of workers.
//!
//! Crash safety rests on the store being the truth: an article and its
//! statements go into the same transaction, a re-run skips articles whose
//! body hash is stored, and the index records in its commit payload the
//! highest statement id it covers, so a run starts by indexing whatever a
//! killed run stored but did not index.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use demarche_core::{Article, Extractor, Statement};
use demarche_input::{Event, Format, InputError, ReadOptions};
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

/// Articles per store transaction by default. Each transaction rewrites
/// every index page its statements touch, and those are spread over the
/// whole of each secondary index, so larger transactions write each page
/// once for more rows: with 1,000 articles instead of 200 the writer spent
/// about a third less time storing the generated 10k corpus, for a few
/// megabytes more of articles held.
pub const DEFAULT_BATCH_SIZE: usize = 1000;

/// Transactions between index commits by default: an index commit every
/// 5,000 articles, so a killed run leaves little to catch up and the index
/// is not split into many small segments.
pub const DEFAULT_COMMIT_EVERY: usize = 5;

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            read: ReadOptions::default(),
            batch_size: DEFAULT_BATCH_SIZE,
            commit_every: DEFAULT_COMMIT_EVERY,
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
    /// Files, archive members and WARC records passed over because they
    /// hold no article this version reads.
    pub skipped: u64,
    /// Statements stored.
    pub statements: u64,
    /// Articles read per input format (`txt`, `jsonl`, `json`, `html`, `warc`).
    pub formats: BTreeMap<String, u64>,
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
    Progress(Progress<'a>),
}

/// How far a run has got, for a progress display.
#[derive(Debug, Clone, Copy)]
pub struct Progress<'a> {
    /// The counts so far.
    pub summary: &'a Summary,
    /// An estimate of the input bytes read so far: the size of every input
    /// file finished, plus the text read from the current one (capped at its
    /// size); on standard input, the text read.
    pub bytes_read: u64,
}

/// What a worker hands to the writer.
enum Work {
    Article {
        article: Article,
        format: Format,
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
pub const CHANNEL_DEPTH: usize = 64;

/// Capacity of the channel from the workers to the writer: room for a whole
/// batch on top of the usual depth, so that the workers can extract the next
/// batch while the writer stores the current one instead of stopping after
/// a few articles and leaving the writer to wait for them afterwards.
pub fn results_capacity(jobs: usize, batch_size: usize) -> usize {
    CHANNEL_DEPTH * jobs + batch_size.max(1)
}

/// How many documents may be read but not yet taken in order by the writer,
/// for `jobs` workers and batches of `batch_size` articles: enough to keep
/// both channels full. This bounds the writer's reordering buffer too (one
/// slow article cannot make the others pile up behind it), so with the
/// writer's batch at most `in_flight_limit(jobs, batch_size) + batch_size`
/// articles are held in memory, however large the input.
pub fn in_flight_limit(jobs: usize, batch_size: usize) -> usize {
    CHANNEL_DEPTH * jobs + results_capacity(jobs, batch_size) + jobs
}

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
    store
        .tune_for_bulk_insert()
        .context("cannot prepare the database for ingesting")?;
    let watermark = index.watermark()?;
    if watermark < store.max_statement_id()? {
        index_statements_after(store, &mut writer, watermark)?;
        commit_index(store, &mut writer)?;
    }
    let (event_tx, event_rx) = sync_channel::<(u64, Event)>(CHANNEL_DEPTH * jobs);
    let (work_tx, work_rx) =
        sync_channel::<(u64, Work)>(results_capacity(jobs, settings.batch_size));
    let event_rx = Arc::new(Mutex::new(event_rx));
    // The reader takes a token per document and the writer gives it back
    // once the document is taken in order.
    let limit = in_flight_limit(jobs, settings.batch_size);
    let (token_tx, token_rx) = sync_channel::<()>(limit);
    for _ in 0..limit {
        token_tx
            .try_send(())
            .context("cannot prepare the ingest pipeline")?;
    }

    // The reader is not a scoped thread: after a fatal store or index error
    // nobody waits for it to finish walking the inputs (it has no way to be
    // told to stop early, only its sends start failing).
    let bytes_read = Arc::new(AtomicU64::new(0));
    let reader = {
        let sources = sources.to_vec();
        let options = settings.read.clone();
        let bytes_read = Arc::clone(&bytes_read);
        std::thread::spawn(move || {
            read_sources(&sources, &options, &event_tx, &token_rx, &bytes_read);
        })
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
            bytes_read: &bytes_read,
            tokens: token_tx,
            timings: WriterTimings::from_env(),
        };
        // Consuming takes the receiver by value: when it returns early, the
        // workers' sends fail and they stop.
        let consumed = sink.consume(work_rx, notify);
        sink.timings.report();
        consumed
    })?;
    if reader.join().is_err() {
        anyhow::bail!("the input reader stopped unexpectedly");
    }
    commit_index(store, &mut writer)?;
    summary.elapsed_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
    Ok(summary)
}

/// The reader stage: every source, in order, numbered.
fn read_sources(
    sources: &[Source],
    options: &ReadOptions,
    events: &SyncSender<(u64, Event)>,
    tokens: &Receiver<()>,
    bytes_read: &AtomicU64,
) {
    let mut sequence = 0u64;
    let mut closed = false;
    let mut position = InputPosition::default();
    let mut send = |event: Event| {
        if closed {
            return;
        }
        bytes_read.store(position.advance(&event), Ordering::Relaxed);
        // No token means the writer has stopped: nothing more to send.
        closed = tokens.recv().is_err() || events.send((sequence, event)).is_err();
        sequence += 1;
    };
    for source in sources {
        match source {
            Source::Path(path) => demarche_input::read_path(path, options, &mut send),
            Source::Stdin => demarche_input::read_stdin(options, &mut send),
        }
    }
}

/// Estimates how many input bytes have been read from the locations of the
/// events, without any help from the readers: an event whose location names
/// a new file means the previous file is done, and within a file the text
/// of its articles stands in for the bytes they took.
#[derive(Debug, Default)]
struct InputPosition {
    /// The label of the file being read, when it is a file on disk.
    file: Option<String>,
    /// Its size.
    file_size: u64,
    /// Text read from it so far.
    file_text: u64,
    /// Bytes of the files finished (and the text of inputs that are not files).
    finished: u64,
}

impl InputPosition {
    /// Takes one event into account and returns the bytes read so far.
    fn advance(&mut self, event: &Event) -> u64 {
        let (location, text) = match event {
            Event::Document(document) => (
                document.article.meta.source.as_str(),
                document.article.body.len() as u64,
            ),
            Event::Error(error) => (error.location.as_str(), 0),
            Event::Skipped { location, .. } => (location.as_str(), 0),
        };
        let same_file = self
            .file
            .as_deref()
            .is_some_and(|file| is_within(location, file));
        if !same_file {
            self.finished += self.file_size;
            self.file = None;
            self.file_size = 0;
            self.file_text = 0;
            if let Some((file, size)) = file_of(location) {
                self.file = Some(file.to_owned());
                self.file_size = size;
            }
        }
        if self.file.is_some() {
            self.file_text += text;
            self.finished + self.file_text.min(self.file_size)
        } else {
            self.finished += text;
            self.finished
        }
    }
}

/// Whether `location` is `file` itself or something inside it
/// (`file:LINE`, `file#ID`, `file!member`).
fn is_within(location: &str, file: &str) -> bool {
    location
        .strip_prefix(file)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with([':', '#', '!']))
}

/// The file on disk a location names, with its size: the location itself,
/// or the longest prefix of it before a `:`, `#` or `!` that is a file.
fn file_of(location: &str) -> Option<(&str, u64)> {
    let size = |candidate: &str| {
        std::fs::metadata(Path::new(candidate))
            .ok()
            .filter(std::fs::Metadata::is_file)
            .map(|m| m.len())
    };
    if let Some(found) = size(location) {
        return Some((location, found));
    }
    location
        .char_indices()
        .rev()
        .filter(|&(_, c)| matches!(c, ':' | '#' | '!'))
        .find_map(|(at, _)| {
            let candidate = location.get(..at)?;
            size(candidate).map(|found| (candidate, found))
        })
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
                            format: document.format,
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
    bytes_read: &'a AtomicU64,
    /// Gives the reader back a token per document taken in order.
    tokens: SyncSender<()>,
    timings: WriterTimings,
}

/// Where the writer's time goes, printed on standard error at the end of a
/// run when `DEMARCHE_INGEST_TIMING` is set. The writer is the only serial
/// stage, so these few figures say what limits the throughput: time spent
/// waiting means the workers (or the reader) are behind; the rest is the
/// writer's own work.
#[derive(Debug, Default)]
struct WriterTimings {
    enabled: bool,
    waiting: Duration,
    store: Duration,
    index: Duration,
    commit: Duration,
}

impl WriterTimings {
    fn from_env() -> WriterTimings {
        WriterTimings {
            enabled: std::env::var_os("DEMARCHE_INGEST_TIMING").is_some(),
            ..WriterTimings::default()
        }
    }

    /// Adds the time since `since` to `slot` and restarts the clock.
    fn lap(since: &mut Instant, slot: &mut Duration) {
        let now = Instant::now();
        *slot += now.duration_since(*since);
        *since = now;
    }

    fn report(&self) {
        if self.enabled {
            eprintln!(
                "ingest writer: waiting {:.2}s, store {:.2}s, index {:.2}s, index commits {:.2}s",
                self.waiting.as_secs_f64(),
                self.store.as_secs_f64(),
                self.index.as_secs_f64(),
                self.commit.as_secs_f64()
            );
        }
    }
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
        loop {
            let mut clock = Instant::now();
            let Ok((sequence, item)) = work.recv() else {
                break;
            };
            WriterTimings::lap(&mut clock, &mut self.timings.waiting);
            waiting.insert(sequence, item);
            while let Some(item) = waiting.remove(&next) {
                next += 1;
                // The channel has room for every token, so this never
                // fails while the reader still listens.
                let _ = self.tokens.try_send(());
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
                format,
                statements,
                warnings,
            } => {
                self.summary.articles_read += 1;
                match self.summary.formats.get_mut(format.as_str()) {
                    Some(count) => *count += 1,
                    None => {
                        self.summary.formats.insert(format.as_str().to_owned(), 1);
                    }
                }
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
        let mut clock = Instant::now();
        let outcomes = self
            .store
            .insert_batch(&self.batch)
            .context("cannot store articles")?;
        WriterTimings::lap(&mut clock, &mut self.timings.store);
        // The statements in hand are exactly what the store now holds (it
        // refuses any whose spans do not match the body), so the index is
        // built from them with the ids the store assigned, as `reindex`
        // would build it, without reading them back.
        for ((article, statements), outcome) in self.batch.iter().zip(outcomes) {
            match outcome {
                InsertOutcome::Inserted {
                    statement_ids,
                    speaker_ids,
                    ..
                } => {
                    self.summary.articles_new += 1;
                    self.summary.statements += statement_ids.len() as u64;
                    let stored = statements.iter().zip(statement_ids).zip(speaker_ids);
                    for ((statement, id), speaker_id) in stored {
                        self.writer.add(&IndexDoc {
                            id,
                            statement,
                            speaker_id,
                            published: article.meta.published,
                        })?;
                    }
                }
                InsertOutcome::Duplicate { .. } => self.summary.duplicates += 1,
            }
        }
        self.batch.clear();
        WriterTimings::lap(&mut clock, &mut self.timings.index);
        self.batches_since_commit += 1;
        if self.batches_since_commit >= self.settings.commit_every.max(1) {
            commit_index(self.store, self.writer)?;
            self.batches_since_commit = 0;
            WriterTimings::lap(&mut clock, &mut self.timings.commit);
        }
        self.summary.elapsed_ms = millis(self.started.elapsed());
        notify(Notice::Progress(Progress {
            summary: self.summary,
            bytes_read: self.bytes_read.load(Ordering::Relaxed),
        }));
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
        assert_eq!(one.formats, BTreeMap::from([("txt".to_owned(), 4)]));
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

    #[test]
    fn locations_inside_a_file_are_recognised() {
        let check = |location: &str, file: &str, expected: bool| {
            assert_eq!(is_within(location, file), expected, "{location} in {file}");
        };
        check("dump.jsonl", "dump.jsonl", true);
        check("dump.jsonl:12", "dump.jsonl", true);
        check("dump.jsonl#a1", "dump.jsonl", true);
        check("pages.tar.gz!a/b.html", "pages.tar.gz", true);
        check("dump.jsonl2", "dump.jsonl", false);
        check("other.txt", "dump.jsonl", false);
    }

    #[test]
    fn the_input_position_grows_by_file_sizes_and_article_text() {
        let dir = tempfile::tempdir().unwrap();
        let first = dir.path().join("a#b.jsonl");
        let second = dir.path().join("c.txt");
        std::fs::write(&first, vec![b'x'; 1000]).unwrap();
        std::fs::write(&second, vec![b'y'; 50]).unwrap();
        let first = first.display().to_string();
        let second = second.display().to_string();
        let document = |source: &str, body: &str| {
            Event::Document(demarche_input::Document::new(
                Article::new(source, body),
                Format::Jsonl,
            ))
        };
        let mut position = InputPosition::default();
        // A file name holding a separator is still found whole.
        assert_eq!(file_of(&format!("{first}:3")), Some((first.as_str(), 1000)));
        assert_eq!(
            position.advance(&document(&format!("{first}:1"), "0123456789")),
            10
        );
        assert_eq!(
            position.advance(&document(&format!("{first}#x"), "0123456789")),
            20
        );
        // The next file means the first is done, whatever text it held.
        assert_eq!(position.advance(&document(&second, "short")), 1005);
        // Standard input is not a file: its text is all there is to count.
        assert_eq!(position.advance(&document("-:1", "abc")), 1053);
        assert_eq!(position.advance(&document("-:2", "abc")), 1056);
    }

    #[test]
    fn more_documents_than_may_be_in_flight_all_get_stored() {
        let dir = tempfile::tempdir().unwrap();
        let count = in_flight_limit(2, 7) * 2 + 7;
        let lines: String = (0..count)
            .map(|n| {
                format!(
                    "{{\"id\": \"n{n}\", \"text\": \"Talks {n}\\n\\nThe envoy said the talks {n} went well.\"}}\n"
                )
            })
            .collect();
        let input = dir.path().join("wire.jsonl");
        std::fs::write(&input, lines).unwrap();
        for jobs in [1, 2] {
            let mut store = Store::open_in_memory().unwrap();
            let index = Index::open_in_ram().unwrap();
            let settings = Settings {
                jobs,
                batch_size: 7,
                ..Settings::default()
            };
            let mut last_bytes = 0;
            let summary = run(
                &[Source::Path(input.clone())],
                &settings,
                &mut store,
                &index,
                &mut |notice| {
                    if let Notice::Progress(progress) = notice {
                        assert!(progress.bytes_read >= last_bytes);
                        last_bytes = progress.bytes_read;
                    }
                },
            )
            .unwrap();
            assert_eq!(summary.articles_new, count as u64, "jobs {jobs}");
            assert_eq!(summary.formats.get("jsonl"), Some(&(count as u64)));
            assert!(last_bytes > 0);
        }
    }
}
