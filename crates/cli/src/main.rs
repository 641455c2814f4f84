//! The `demarche` binary: parses the command line, runs one subcommand and
//! turns its outcome into an exit status.

mod cli;
mod commands;
mod database;
mod failure;
mod filters;
mod ingest;
mod output;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    run()
}

/// Parses arguments, runs the command and maps errors to exit statuses:
/// 2 for usage errors, 1 for input and data errors, 255 for internal errors.
/// A closed standard output (`demarche search x | head -1`) ends quietly with 0.
fn run() -> ExitCode {
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // Help and version requests are not errors; clap knows which is which.
            let _ = err.print();
            return ExitCode::from(u8::try_from(err.exit_code()).unwrap_or(2));
        }
    };
    match commands::run(cli) {
        Ok(code) => code,
        Err(err) if failure::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {}", failure::describe(&err));
            ExitCode::from(failure::exit_status(&err))
        }
    }
}
