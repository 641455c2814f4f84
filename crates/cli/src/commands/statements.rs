//! `demarche statements`: list stored statements matching filters, newest first.

use std::io::{self, BufWriter};
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use crate::database;
use crate::filters::FilterArgs;
use crate::output::{Format, Row, StatementPrinter, Style};

/// Arguments of `demarche statements`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Narrow the listing.
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Show at most this many statements (0 for all).
    #[arg(long, short = 'n', value_name = "N", default_value_t = 50)]
    pub limit: usize,
    /// Print in this format (default: table on a terminal, jsonl otherwise).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Show the whole text of every statement (tables otherwise show at most 4 lines of it).
    #[arg(long)]
    pub full: bool,
}

/// Runs the command.
pub fn run(db: &Path, args: &Args) -> Result<ExitCode> {
    args.filters.validate()?;
    let store = database::open_existing_store(db)?;
    let limit = (args.limit > 0).then_some(args.limit);
    let statements = store.statements(&args.filters.statement_query(limit))?;
    let rows: Vec<Row<'_>> = statements.iter().map(Row::plain).collect();
    let format = Format::or_default(args.format);
    let out = BufWriter::new(io::stdout().lock());
    let mut printer = StatementPrinter::new(
        out,
        format,
        Style::detect().with_full_text(args.full),
        false,
    )?;
    printer.write_rows(&rows)?;
    printer.finish()?;
    Ok(ExitCode::SUCCESS)
}
