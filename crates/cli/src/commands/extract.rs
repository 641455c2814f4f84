//! `demarche extract`: print the statements of text files in the statement
//! JSON contract, without a database. This is a hot path (thousands of
//! articles per second), so it shares one extractor and one buffered output.

use std::io::{self, BufRead, BufWriter, Read, Write};
use std::num::NonZero;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::Result;
use clap::ValueEnum;
use demarche_core::{Article, ExtractedArticle, Extractor};
use demarche_input::{Event, InputError, ReadOptions};

use crate::ingest::extract_guarded;

/// The output formats of `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// One JSON array with one object per article.
    Json,
    /// One JSON object per line.
    Jsonl,
}

/// Arguments of `demarche extract`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Read these text files (`.jsonl` files hold one article per line; `-` reads standard input).
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
    /// Print in this format.
    #[arg(long, value_enum, default_value_t = ExtractFormat::Json)]
    pub format: ExtractFormat,
    /// Use this many threads (default: the number of cores); output order is the input order.
    #[arg(long, short, value_name = "N")]
    pub jobs: Option<usize>,
}

/// Files extracted in parallel before their output is written in order;
/// this bounds the memory held by finished but unwritten results.
const FILES_PER_ROUND: usize = 64;

/// One input's output: its articles as serialised JSON objects and the
/// error and warning lines for standard error.
#[derive(Default)]
struct Rendered {
    records: Vec<Vec<u8>>,
    notes: Vec<String>,
    ok: bool,
}

/// Runs the command; exit status 1 when any file could not be read.
pub fn run(args: &Args) -> Result<ExitCode> {
    let extractor = Extractor::new();
    let stdout = io::stdout();
    let mut printer = Printer {
        out: BufWriter::with_capacity(1 << 16, stdout.lock()),
        format: args.format,
        written: 0,
    };
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, NonZero::get))
        .max(1);
    let mut failed = false;
    for round in args.files.chunks(FILES_PER_ROUND) {
        for rendered in render_all(&extractor, round, jobs) {
            for note in &rendered.notes {
                eprintln!("{note}");
            }
            failed |= !rendered.ok;
            for record in &rendered.records {
                printer.print_raw(record)?;
            }
        }
    }
    printer.finish()?;
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Extracts every input of `files` on up to `jobs` threads; the results
/// come back in input order.
fn render_all(extractor: &Extractor, files: &[PathBuf], jobs: usize) -> Vec<Rendered> {
    let workers = jobs.min(files.len());
    if workers <= 1 {
        return files.iter().map(|f| render(extractor, f)).collect();
    }
    let next = AtomicUsize::new(0);
    let mut numbered: Vec<(usize, Rendered)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(file) = files.get(i) else {
                            return done;
                        };
                        done.push((i, render(extractor, file)));
                    }
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    numbered.sort_by_key(|(i, _)| *i);
    numbered.into_iter().map(|(_, r)| r).collect()
}

/// Reads, extracts and serialises one input.
fn render(extractor: &Extractor, path: &Path) -> Rendered {
    let mut rendered = Rendered::default();
    let mut articles = Vec::new();
    rendered.ok = read_articles(path, &mut articles, &mut rendered.notes);
    for article in articles {
        let Some(statements) = extract_guarded(extractor, &article) else {
            rendered.notes.push(format!(
                "error: {}: extraction failed on this article (an internal error)",
                article.meta.source
            ));
            rendered.ok = false;
            continue;
        };
        let record = ExtractedArticle {
            article: article.meta,
            statements,
        };
        match serde_json::to_vec(&record) {
            Ok(bytes) => rendered.records.push(bytes),
            Err(err) => {
                rendered
                    .notes
                    .push(format!("error: {}: {err}", record.article.source));
                rendered.ok = false;
            }
        }
    }
    rendered
}

/// Reads the articles of one input, printing errors and warnings; false
/// when something could not be read.
fn read_articles(path: &Path, articles: &mut Vec<Article>, notes: &mut Vec<String>) -> bool {
    if path.as_os_str() == "-" {
        return read_stdin(articles, notes);
    }
    if is_text_file(path) {
        let source = path.display().to_string();
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(err) => {
                notes.push(format!("error: {}", InputError::from_io(source, err)));
                return false;
            }
        };
        return push_text(&source, &bytes, articles, notes);
    }
    read_events(articles, notes, |sink| {
        demarche_input::read_path(path, &ReadOptions::default(), sink);
    })
}

/// Standard input: JSON lines when it starts with `{`, else one text article.
fn read_stdin(articles: &mut Vec<Article>, notes: &mut Vec<String>) -> bool {
    // Peeking through the shared stdin buffer leaves the bytes in place for
    // the JSONL reader.
    let starts_with_brace = {
        let mut stdin = io::stdin().lock();
        match stdin.fill_buf() {
            Ok(buffer) => buffer.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{'),
            Err(err) => {
                notes.push(format!("error: -: {err}"));
                return false;
            }
        }
    };
    if starts_with_brace {
        return read_events(articles, notes, |sink| {
            demarche_input::read_stdin(&ReadOptions::default(), sink);
        });
    }
    let mut bytes = Vec::new();
    if let Err(err) = io::stdin().lock().read_to_end(&mut bytes) {
        notes.push(format!("error: -: {err}"));
        return false;
    }
    push_text("-", &bytes, articles, notes)
}

/// One text article from its bytes; binary or empty input is an error.
fn push_text(
    source: &str,
    bytes: &[u8],
    articles: &mut Vec<Article>,
    notes: &mut Vec<String>,
) -> bool {
    match demarche_input::try_article_from_text_bytes(source, bytes) {
        Ok((article, warnings)) => {
            for warning in warnings {
                notes.push(format!("warning: {source}: {warning}"));
            }
            articles.push(article);
            true
        }
        Err(error) => {
            notes.push(format!("error: {error}"));
            false
        }
    }
}

fn read_events(
    articles: &mut Vec<Article>,
    notes: &mut Vec<String>,
    read: impl FnOnce(&mut dyn FnMut(Event)),
) -> bool {
    let mut ok = true;
    read(&mut |event| match event {
        Event::Document(document) => {
            for warning in &document.warnings {
                notes.push(format!(
                    "warning: {}: {warning}",
                    document.article.meta.source
                ));
            }
            articles.push(document.article);
        }
        Event::Error(error) => {
            notes.push(format!("error: {error}"));
            ok = false;
        }
        Event::Skipped { location, reason } => {
            notes.push(format!("warning: {location}: skipped: {reason}"));
        }
    });
    ok
}

/// Whether a path is read as one text article: anything that is not a
/// folder or a structured or archive format.
fn is_text_file(path: &Path) -> bool {
    if path.is_dir() {
        return false;
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    const STRUCTURED: [&str; 12] = [
        ".jsonl", ".ndjson", ".json", ".html", ".htm", ".tar", ".tgz", ".gz", ".zip", ".warc",
        ".xhtml", ".bz2",
    ];
    !STRUCTURED.iter().any(|ext| name.ends_with(ext))
}

struct Printer<W: Write> {
    out: W,
    format: ExtractFormat,
    written: usize,
}

impl<W: Write> Printer<W> {
    /// Writes one serialised article object.
    fn print_raw(&mut self, record: &[u8]) -> Result<()> {
        match self.format {
            ExtractFormat::Json => {
                self.out
                    .write_all(if self.written == 0 { b"[\n" } else { b",\n" })?;
                self.out.write_all(record)?;
            }
            ExtractFormat::Jsonl => {
                self.out.write_all(record)?;
                self.out.write_all(b"\n")?;
            }
        }
        self.written += 1;
        Ok(())
    }

    fn finish(mut self) -> Result<W> {
        if self.format == ExtractFormat::Json {
            self.out
                .write_all(if self.written == 0 { b"[]\n" } else { b"\n]\n" })?;
        }
        self.out.flush()?;
        Ok(self.out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_files_are_everything_but_structured_formats() {
        let cases = [
            ("news/a.txt", true),
            ("news/README", true),
            ("dump.jsonl", false),
            ("page.HTML", false),
            ("crawl.warc.gz", false),
        ];
        for (path, expected) in cases {
            assert_eq!(is_text_file(Path::new(path)), expected, "{path}");
        }
    }

    #[test]
    fn json_output_is_one_array() {
        let empty = Printer {
            out: Vec::new(),
            format: ExtractFormat::Json,
            written: 0,
        };
        assert_eq!(empty.finish().unwrap(), b"[]\n");
        let mut printer = Printer {
            out: Vec::new(),
            format: ExtractFormat::Json,
            written: 0,
        };
        let record = ExtractedArticle {
            article: Article::new("a.txt", "Hello.").meta,
            statements: Vec::new(),
        };
        let bytes = serde_json::to_vec(&record).unwrap();
        printer.print_raw(&bytes).unwrap();
        printer.print_raw(&bytes).unwrap();
        let out = printer.finish().unwrap();
        let value: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(value.as_array().map(Vec::len), Some(2));
    }
}
