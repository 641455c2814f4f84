//! `demarche export`: every matching statement as JSON lines or CSV,
//! streamed from the store so memory stays bounded.

use std::io::{self, BufWriter};
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use clap::ValueEnum;

use crate::database;
use crate::filters::FilterArgs;
use crate::output::{Format, Row, StatementPrinter, Style};

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// One JSON object per line.
    Jsonl,
    /// Comma-separated values with a header row.
    Csv,
}

/// Arguments of `demarche export`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Export only matching statements.
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Write in this format.
    #[arg(long, value_enum, default_value_t = ExportFormat::Jsonl)]
    pub format: ExportFormat,
}

/// Runs the command.
pub fn run(db: &Path, args: &Args) -> Result<ExitCode> {
    args.filters.validate()?;
    let store = database::open_existing_store(db)?;
    let format = match args.format {
        ExportFormat::Jsonl => Format::Jsonl,
        ExportFormat::Csv => Format::Csv,
    };
    let out = BufWriter::new(io::stdout().lock());
    let mut printer = StatementPrinter::new(out, format, Style::detect(), false)?;
    let query = args.filters.statement_query(None);
    // Streamed in listing order without OFFSET paging, which would slow
    // down with every page on a large store.
    let mut write_error = None;
    let streamed = store.for_each_matching(&query, &mut |statement| {
        printer.write_rows(&[Row::plain(statement)]).map_err(|e| {
            write_error = Some(e);
            demarche_store::Error::Stopped
        })
    });
    if let Some(error) = write_error {
        return Err(error);
    }
    streamed?;
    printer.finish()?;
    Ok(ExitCode::SUCCESS)
}
