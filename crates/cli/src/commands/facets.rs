//! `demarche speakers`, `countries` and `topics`: how many statements each
//! speaker, mentioned country or topic has, most first.

use std::io::{self, BufWriter};
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use demarche_core::gazetteer::Gazetteer;
use serde_json::json;

use crate::database;
use crate::filters::FilterArgs;
use crate::output::{Format, Style, write_records};

/// Arguments of `demarche speakers`.
#[derive(Debug, clap::Args)]
pub struct SpeakersArgs {
    /// Count only matching statements (`--country` is the speaker's country).
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Show at most this many speakers.
    #[arg(long, short = 'n', value_name = "N", default_value_t = 30)]
    pub limit: usize,
    /// Print in this format (default: table on a terminal, jsonl otherwise).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
}

/// Arguments of `demarche countries`.
#[derive(Debug, clap::Args)]
pub struct CountriesArgs {
    /// Count only matching statements.
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Show at most this many countries.
    #[arg(long, short = 'n', value_name = "N", default_value_t = 30)]
    pub limit: usize,
    /// Print in this format (default: table on a terminal, jsonl otherwise).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
}

/// Arguments of `demarche topics`.
#[derive(Debug, clap::Args)]
pub struct TopicsArgs {
    /// Count only matching statements.
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Show at most this many topics.
    #[arg(long, short = 'n', value_name = "N", default_value_t = 50)]
    pub limit: usize,
    /// List the whole topic taxonomy instead of counting (needs no database).
    #[arg(long)]
    pub all: bool,
    /// Print in this format (default: table on a terminal, jsonl otherwise).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
}

/// Runs `speakers`.
pub fn run_speakers(db: &Path, args: &SpeakersArgs) -> Result<ExitCode> {
    args.filters.validate()?;
    let store = database::open_existing_store(db)?;
    let facets = store.speaker_facets(&args.filters.statement_query(None), args.limit.max(1))?;
    let records: Vec<_> = facets
        .iter()
        .map(|f| {
            json!({
                "id": f.id, "name": f.name, "country": f.country, "title": f.title,
                "statements": f.statements, "aliases": f.aliases,
            })
        })
        .collect();
    let cells: Vec<Vec<String>> = facets
        .iter()
        .map(|f| {
            vec![
                f.id.to_string(),
                f.name.clone(),
                f.country.clone().unwrap_or_default(),
                f.title.clone().unwrap_or_default(),
                f.statements.to_string(),
                f.aliases.join("; "),
            ]
        })
        .collect();
    let titles = ["ID", "NAME", "COUNTRY", "TITLE", "STATEMENTS", "ALIASES"];
    print(args.format, &titles, &records, &cells)
}

/// Runs `countries`.
pub fn run_countries(db: &Path, args: &CountriesArgs) -> Result<ExitCode> {
    args.filters.validate()?;
    let store = database::open_existing_store(db)?;
    let facets = store.country_facets(&args.filters.statement_query(None), args.limit.max(1))?;
    let gazetteer = Gazetteer::get();
    let name_of = |code: &str| -> String {
        gazetteer
            .country_by_code(code)
            .map(|c| c.name.clone())
            .or_else(|| {
                gazetteer
                    .organizations()
                    .iter()
                    .find(|o| o.code == code)
                    .map(|o| o.name.clone())
            })
            .unwrap_or_default()
    };
    let records: Vec<_> = facets
        .iter()
        .map(|f| json!({"code": f.key, "name": name_of(&f.key), "statements": f.count}))
        .collect();
    let cells: Vec<Vec<String>> = facets
        .iter()
        .map(|f| vec![f.key.clone(), name_of(&f.key), f.count.to_string()])
        .collect();
    print(
        args.format,
        &["CODE", "NAME", "STATEMENTS"],
        &records,
        &cells,
    )
}

/// Runs `topics`.
pub fn run_topics(db: &Path, args: &TopicsArgs) -> Result<ExitCode> {
    let gazetteer = Gazetteer::get();
    let label_of = |id: &str| {
        gazetteer
            .topic(id)
            .map(|t| t.label.clone())
            .unwrap_or_default()
    };
    if args.all {
        let topics = gazetteer.topics();
        let records: Vec<_> = topics
            .iter()
            .map(|t| json!({"topic": t.id, "label": t.label, "keywords": t.keywords}))
            .collect();
        let cells: Vec<Vec<String>> = topics
            .iter()
            .map(|t| vec![t.id.clone(), t.label.clone(), t.keywords.join(", ")])
            .collect();
        return print(
            args.format,
            &["TOPIC", "LABEL", "KEYWORDS"],
            &records,
            &cells,
        );
    }
    args.filters.validate()?;
    let store = database::open_existing_store(db)?;
    let facets = store.topic_facets(&args.filters.statement_query(None), args.limit.max(1))?;
    let records: Vec<_> = facets
        .iter()
        .map(|f| json!({"topic": f.key, "label": label_of(&f.key), "statements": f.count}))
        .collect();
    let cells: Vec<Vec<String>> = facets
        .iter()
        .map(|f| vec![f.key.clone(), label_of(&f.key), f.count.to_string()])
        .collect();
    print(
        args.format,
        &["TOPIC", "LABEL", "STATEMENTS"],
        &records,
        &cells,
    )
}

fn print(
    format: Option<Format>,
    titles: &[&str],
    records: &[serde_json::Value],
    cells: &[Vec<String>],
) -> Result<ExitCode> {
    let format = Format::or_default(format);
    let mut out = BufWriter::new(io::stdout().lock());
    write_records(&mut out, format, Style::detect(), titles, records, cells)?;
    Ok(ExitCode::SUCCESS)
}
