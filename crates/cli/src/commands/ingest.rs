//! `demarche ingest`: read, extract, store and index, then summarise.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Result;
use chrono::NaiveDate;
use demarche_input::ReadOptions;

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
    #[arg(long, value_name = "N", default_value_t = 200, hide = true)]
    pub batch_size: usize,
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
        jobs: jobs.max(1),
        ..Settings::default()
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
    let mut reporter = Reporter::new(args.quiet, args.verbose);
    let summary = ingest::run(&sources, &settings, &mut store, &index, &mut |notice| {
        reporter.notice(&notice);
    })?;
    reporter.clear_progress();
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

/// The summary as one human-readable line.
pub fn summary_line(s: &Summary) -> String {
    let mut line = format!(
        "{} articles read: {} new, {} duplicate, {} failed; {} statements stored",
        s.articles_read, s.articles_new, s.duplicates, s.failed, s.statements
    );
    if s.skipped > 0 {
        line.push_str(&format!(
            "; {} other files skipped (--verbose names them)",
            s.skipped
        ));
    }
    line.push_str(&format!(" in {:.1}s", s.elapsed_ms as f64 / 1000.0));
    line
}

/// Prints notices on standard error: errors always, the rest unless quiet,
/// and a progress line that rewrites itself when standard error is a terminal.
struct Reporter {
    quiet: bool,
    verbose: bool,
    progress: bool,
    progress_shown: bool,
    last_progress: Option<Instant>,
}

impl Reporter {
    fn new(quiet: bool, verbose: bool) -> Reporter {
        Reporter {
            quiet,
            verbose,
            progress: !quiet && std::io::stderr().is_terminal(),
            progress_shown: false,
            last_progress: None,
        }
    }

    fn notice(&mut self, notice: &Notice<'_>) {
        match notice {
            Notice::Error(error) => {
                self.clear_progress();
                eprintln!("error: {error}");
            }
            Notice::Failed { location, message } => {
                self.clear_progress();
                eprintln!("error: {location}: {message}");
            }
            Notice::Warning { location, message } if !self.quiet => {
                self.clear_progress();
                eprintln!("warning: {location}: {message}");
            }
            Notice::Skipped { location, reason } if self.verbose => {
                self.clear_progress();
                eprintln!("note: {location}: skipped: {reason}");
            }
            Notice::Progress(summary) if self.progress => {
                let due = self
                    .last_progress
                    .is_none_or(|t| t.elapsed() >= Duration::from_millis(250));
                if due {
                    self.last_progress = Some(Instant::now());
                    self.progress_shown = true;
                    eprint!(
                        "\r{} articles read, {} new, {} statements…",
                        summary.articles_read, summary.articles_new, summary.statements
                    );
                }
            }
            _ => {}
        }
    }

    fn clear_progress(&mut self) {
        if self.progress_shown {
            eprint!("\r\x1b[2K");
            self.progress_shown = false;
        }
    }
}

#[cfg(test)]
mod tests {
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
            elapsed_ms: 1250,
        };
        assert_eq!(
            summary_line(&summary),
            "12 articles read: 10 new, 2 duplicate, 1 failed; 34 statements stored in 1.2s"
        );
    }
}
