//! The command-line surface: every subcommand and option, parsed with clap.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::commands;

/// Examples shown at the end of `demarche --help`.
const EXAMPLES: &str = "\
Examples:
  demarche ingest news/ dump.jsonl            Store the statements of a folder and a JSONL dump
  demarche search \"seafood ban\" --country JP  Search what Japanese speakers said
  demarche statements --speaker Morita --since 2024-06
  demarche show 42                            See a statement in its article
  demarche export --topic trade --format csv > trade.csv

Query commands print a table on a terminal and JSON lines when piped.";

/// Turn news archives into a queryable database of diplomatic statements.
#[derive(Debug, Parser)]
#[command(name = "demarche", version, after_help = EXAMPLES)]
pub struct Cli {
    /// Use this database folder (default: $DEMARCHE_DB, else ./demarche-data).
    #[arg(long, global = true, value_name = "DIR")]
    pub db: Option<PathBuf>,

    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read articles from files, folders or standard input, extract their statements and store them.
    Ingest(commands::ingest::Args),
    /// Print the statements of text files as JSON, without touching a database.
    Extract(commands::extract::Args),
    /// Search statement text, best matches first.
    Search(commands::search::Args),
    /// List stored statements, newest first.
    Statements(commands::statements::Args),
    /// Show one statement in the context of its article.
    Show(commands::show::Args),
    /// Count statements per speaker.
    Speakers(commands::facets::SpeakersArgs),
    /// Count statements per mentioned country.
    Countries(commands::facets::CountriesArgs),
    /// Count statements per topic.
    Topics(commands::facets::TopicsArgs),
    /// Write every matching statement as JSON lines or CSV.
    Export(commands::export::Args),
    /// Rebuild the full-text index from the database.
    Reindex(commands::reindex::Args),
    /// Verify the database and the index agree, and optionally repair the index.
    Check(commands::check::Args),
}
