//! One module per subcommand, each with its arguments and its `run`.

pub mod check;
pub mod export;
pub mod extract;
pub mod facets;
pub mod ingest;
pub mod reindex;
pub mod search;
pub mod show;
pub mod statements;

use std::process::ExitCode;

use anyhow::Result;

use crate::cli::{Cli, Command};
use crate::database;

/// Runs the parsed command line.
pub fn run(cli: Cli) -> Result<ExitCode> {
    let db = database::folder(cli.db.as_deref());
    match cli.command {
        Command::Ingest(args) => ingest::run(&db, &args),
        Command::Extract(args) => extract::run(&args),
        Command::Search(args) => search::run(&db, &args),
        Command::Statements(args) => statements::run(&db, &args),
        Command::Show(args) => show::run(&db, &args),
        Command::Speakers(args) => facets::run_speakers(&db, &args),
        Command::Countries(args) => facets::run_countries(&db, &args),
        Command::Topics(args) => facets::run_topics(&db, &args),
        Command::Export(args) => export::run(&db, &args),
        Command::Reindex(args) => reindex::run(&db, &args),
        Command::Check(args) => check::run(&db, &args),
    }
}
