//! `demarche ingest`: read, extract, store and index, then summarise.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use anyhow::Result;
use chrono::NaiveDate;
use demarche_input::ReadOptions;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::database;
use crate::filters::parse_exact_date;
use crate::ingest::{self, Notice, Settings, Source, Summary};

/// Arguments of `demarche ingest`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Read these files, folders (recursively) or `-` for JSON lines on standard input.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,
    /// Give this publication date (YYYY-MM-DD) to articles that do not state one.
    #[arg(long, value_name = "DATE", value_parser = parse_exact_date)]
    pub published: Option<NaiveDate>,
    /// Print the summary as one JSON object on standard output.
    #[arg(long)]
    pub json: bool,
    /// Print only errors (no warnings, progress or summary line).
    #[arg(long, short, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Name every file passed over because it is not an article input.
    #[arg(long, short)]
    pub verbose: bool,
    /// Use this many extraction threads (default: the number of cores).
    #[arg(long, short, value_name = "N")]
    pub jobs: Option<usize>,
    /// Store this many articles per transaction.
    #[arg(long, value_name = "N", default_value_t = crate::ingest::DEFAULT_BATCH_SIZE, hide = true)]
    pub batch_size: usize,
    /// Commit the full-text index after this many transactions (and at the end).
    #[arg(long, value_name = "N", default_value_t = crate::ingest::DEFAULT_COMMIT_EVERY, hide = true)]
    pub commit_every: usize,
}

/// Runs the command; exit status 1 when any input failed.
pub fn run(db: &Path, args: &Args) -> Result<ExitCode> {
    let (mut store, index) = database::open_or_create(db)?;
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, std::num::NonZero::get));
    let settings = Settings {
        read: ReadOptions {
            published: args.published,
            ..ReadOptions::default()
        },
        batch_size: args.batch_size.max(1),
        commit_every: args.commit_every.max(1),
        jobs: jobs.max(1),
    };
    let sources: Vec<Source> = args
        .paths
        .iter()
        .map(|p| {
            if p.as_os_str() == "-" {
                Source::Stdin
            } else {
                Source::Path(p.clone())
            }
        })
        .collect();
    let show_progress = !args.quiet && std::io::stderr().is_terminal();
    let mut reporter = Reporter::new(args.quiet, args.verbose, show_progress);
    if show_progress {
        reporter.set_total(total_bytes(&sources));
    }
    let outcome = ingest::run(&sources, &settings, &mut store, &index, &mut |notice| {
        reporter.notice(&notice);
    });
    reporter.finish();
    let summary = outcome?;
    if !args.quiet {
        eprintln!("{}", summary_line(&summary));
    }
    if args.json {
        let mut out = std::io::stdout().lock();
        serde_json::to_writer(&mut out, &summary)?;
        out.write_all(b"\n")?;
        out.flush()?;
    }
    Ok(if summary.failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// The summed size of every file the sources name, walking folders the way
/// the readers do (hidden entries ignored); `None` when a source is standard
/// input, whose size is unknown.
fn total_bytes(sources: &[Source]) -> Option<u64> {
    let mut total = 0u64;
    for source in sources {
        let Source::Path(path) = source else {
            return None;
        };
        let walker = walkdir::WalkDir::new(path)
            .follow_links(true)
            .into_iter()
            .filter_entry(|entry| {
                entry.depth() == 0 || !entry.file_name().to_string_lossy().starts_with('.')
            });
        // Unreadable entries are the readers' to report; here they only
        // make the estimate a little short.
        for entry in walker.flatten() {
            if entry.file_type().is_file() {
                total += entry.metadata().map_or(0, |m| m.len());
            }
        }
    }
    Some(total)
}

/// The summary as one human-readable line.
pub fn summary_line(s: &Summary) -> String {
    let mut line = format!("{} articles read", s.articles_read);
    if !s.formats.is_empty() {
        let formats: Vec<String> = s
            .formats
            .iter()
            .map(|(format, count)| format!("{count} {format}"))
            .collect();
        line.push_str(&format!(" ({})", formats.join(", ")));
    }
    line.push_str(&format!(
        ": {} new, {} duplicate, {} failed; {} statements stored",
        s.articles_new, s.duplicates, s.failed, s.statements
    ));
    if s.skipped > 0 {
        line.push_str(&format!(
            "; {} other files or records skipped (--verbose names them)",
            s.skipped
        ));
    }
    line.push_str(&format!(" in {:.1}s", s.elapsed_ms as f64 / 1000.0));
    line
}

/// Prints notices on standard error: errors always, the rest unless quiet,
/// above a progress bar drawn only when standard error is a terminal.
struct Reporter {
    quiet: bool,
    verbose: bool,
    bar: ProgressBar,
}

/// How often the progress bar redraws itself (the rate and ETA keep moving
/// between batches).
const PROGRESS_TICK: Duration = Duration::from_millis(200);

impl Reporter {
    fn new(quiet: bool, verbose: bool, show_progress: bool) -> Reporter {
        let bar = if show_progress {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            bar.set_style(spinner_style());
            bar.set_message("starting…");
            bar.enable_steady_tick(PROGRESS_TICK);
            bar
        } else {
            ProgressBar::hidden()
        };
        Reporter {
            quiet,
            verbose,
            bar,
        }
    }

    /// Shows a bar with a percentage and an ETA once the input size is known.
    fn set_total(&self, total: Option<u64>) {
        if let Some(total) = total.filter(|&t| t > 0) {
            self.bar.set_length(total);
            self.bar.set_style(bar_style());
        }
    }

    fn notice(&mut self, notice: &Notice<'_>) {
        match notice {
            Notice::Error(error) => self.print(&format!("error: {error}")),
            Notice::Failed { location, message } => {
                self.print(&format!("error: {location}: {message}"));
            }
            Notice::Warning { location, message } if !self.quiet => {
                self.print(&format!("warning: {location}: {message}"));
            }
            Notice::Skipped { location, reason } if self.verbose => {
                self.print(&format!("note: {location}: skipped: {reason}"));
            }
            Notice::Progress(progress) => {
                let summary = progress.summary;
                let position = match self.bar.length() {
                    Some(total) => progress.bytes_read.min(total),
                    None => progress.bytes_read,
                };
                self.bar.set_position(position);
                self.bar.set_message(format!(
                    "{} articles, {} statements",
                    summary.articles_read, summary.statements
                ));
            }
            _ => {}
        }
    }

    /// Prints a line above the bar (or plainly when there is none).
    fn print(&self, line: &str) {
        self.bar.suspend(|| eprintln!("{line}"));
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// The bar when the input size is known: rate and time left. The counts
/// come last and are cut to the terminal's width, so the line never wraps.
fn bar_style() -> ProgressStyle {
    ProgressStyle::with_template(
        "{spinner} [{bar:20}] {percent:>3}% {bytes_per_sec:>11}  ETA {eta:<4} {wide_msg}",
    )
    .unwrap_or_else(|_| ProgressStyle::default_bar())
    .progress_chars("=> ")
}

/// The display when the input size is unknown (standard input): counts and rate.
fn spinner_style() -> ProgressStyle {
    ProgressStyle::with_template("{spinner} {elapsed_precise} {bytes_per_sec:>11}  {wide_msg}")
        .unwrap_or_else(|_| ProgressStyle::default_spinner())
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    #[test]
    fn summary_line_names_every_count() {
        let summary = Summary {
            articles_read: 12,
            articles_new: 10,
            duplicates: 2,
            failed: 1,
            skipped: 0,
            statements: 34,
            formats: BTreeMap::new(),
            elapsed_ms: 1250,
        };
        assert_eq!(
            summary_line(&summary),
            "12 articles read: 10 new, 2 duplicate, 1 failed; 34 statements stored in 1.2s"
        );
    }

    #[test]
    fn summary_line_counts_formats_and_skipped_records() {
        let summary = Summary {
            articles_read: 7,
            articles_new: 7,
            skipped: 3,
            statements: 9,
            formats: BTreeMap::from([("html".to_owned(), 2), ("warc".to_owned(), 5)]),
            elapsed_ms: 400,
            ..Summary::default()
        };
        assert_eq!(
            summary_line(&summary),
            "7 articles read (2 html, 5 warc): 7 new, 0 duplicate, 0 failed; 9 statements stored; \
             3 other files or records skipped (--verbose names them) in 0.4s"
        );
    }
}
