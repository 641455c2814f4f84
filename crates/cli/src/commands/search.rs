//! `demarche search`: full-text search with filters; hits come from the
//! index, statements from the store, in the index's ranking order.

use std::collections::HashMap;
use std::io::{self, BufWriter};
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use crate::database;
use crate::filters::FilterArgs;
use crate::output::{Format, Row, StatementPrinter, Style};

/// How search snippets are printed, shown at the end of `demarche search --help`.
const SNIPPETS: &str = "\
Snippets:
  Tables show a snippet of each statement around the matched words, which are
  in bold, or between «guillemets» when NO_COLOR is set or the output is not
  a terminal; with --full they show the whole statement instead.
  In json, jsonl and csv the snippet field is HTML as the index made it: the
  matched words between <b> and </b>, other text HTML-escaped (&amp; &lt; &gt;
  &quot; &#x27;), so decode it before showing it as plain text.";

/// Arguments of `demarche search`.
#[derive(Debug, clap::Args)]
#[command(after_help = SNIPPETS)]
pub struct Args {
    /// Search for these words; "quoted phrases", AND, OR and -word work too.
    #[arg(value_name = "QUERY")]
    pub query: String,
    /// Narrow the results.
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Show at most this many results (0 for the default of 20).
    #[arg(long, short = 'n', value_name = "N", default_value_t = 20)]
    pub limit: usize,
    /// Print in this format (default: table on a terminal, jsonl otherwise).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Show the whole text of every statement, matched words highlighted,
    /// instead of a snippet.
    #[arg(long)]
    pub full: bool,
}

/// Runs the command.
pub fn run(db: &Path, args: &Args) -> Result<ExitCode> {
    args.filters.validate()?;
    let (store, index) = database::open_existing(db)?;
    let speaker_ids = match &args.filters.speaker {
        Some(name) => Some(store.resolve_speaker(name)?),
        None => None,
    };
    let query = args
        .filters
        .search_query(&args.query, speaker_ids, args.limit);
    let hits = index.search(&query)?;
    let ids: Vec<i64> = hits.iter().map(|h| h.id).collect();
    let mut by_id: HashMap<i64, _> = store
        .statements_by_ids(&ids)?
        .into_iter()
        .map(|s| (s.id, s))
        .collect();
    // Statements are looked up once and kept in ranking order; an id the
    // store no longer has (a stale index) is left out.
    let found: Vec<_> = hits
        .iter()
        .filter_map(|hit| by_id.remove(&hit.id).map(|stored| (hit, stored)))
        .collect();
    let rows: Vec<Row<'_>> = found
        .iter()
        .map(|(hit, stored)| Row {
            stored,
            score: Some(hit.score),
            snippet: Some(hit.snippet.as_str()),
        })
        .collect();
    let format = Format::or_default(args.format);
    let out = BufWriter::new(io::stdout().lock());
    let mut printer =
        StatementPrinter::new(out, format, Style::detect().with_full_text(args.full), true)?;
    printer.write_rows(&rows)?;
    printer.finish()?;
    Ok(ExitCode::SUCCESS)
}
