//! How errors become exit statuses and one-line messages: usage mistakes
//! exit with 2, bad input or data with 1, and bugs with 255.

use std::fmt;
use std::io;

/// A mistake in how the program was called, such as contradictory options
/// (exit status 2).
#[derive(Debug)]
pub struct UsageError(pub String);

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

/// Something asked for is not in the database, such as a statement id
/// (exit status 1).
#[derive(Debug)]
pub struct NotFound(pub String);

impl fmt::Display for NotFound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for NotFound {}

/// The database folder holds no database yet (exit status 1).
#[derive(Debug)]
pub struct NoDatabase(pub String);

impl fmt::Display for NoDatabase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "no database in {}; create one with `demarche ingest PATH --db {}`",
            self.0, self.0
        )
    }
}

impl std::error::Error for NoDatabase {}

/// Whether the error is a write to a closed pipe, which is how a reader such
/// as `head` says it has seen enough: not a failure.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
            || cause
                .downcast_ref::<csv::Error>()
                .is_some_and(|e| matches!(e.kind(), csv::ErrorKind::Io(io) if io.kind() == io::ErrorKind::BrokenPipe))
            || cause
                .downcast_ref::<serde_json::Error>()
                .is_some_and(|e| e.io_error_kind() == Some(io::ErrorKind::BrokenPipe))
    })
}

/// The message printed after `error: `: the context chain on one line.
pub fn describe(err: &anyhow::Error) -> String {
    let text = format!("{err:#}");
    // One line per error keeps the output greppable even when a cause
    // carries its own line breaks.
    text.replace('\n', " ")
}

/// The exit status for an error.
pub fn exit_status(err: &anyhow::Error) -> u8 {
    for cause in err.chain() {
        if cause.is::<UsageError>() {
            return 2;
        }
        if cause.is::<NoDatabase>()
            || cause.is::<NotFound>()
            || cause.is::<io::Error>()
            || cause.is::<csv::Error>()
        {
            return 1;
        }
        if let Some(e) = cause.downcast_ref::<demarche_search::Error>() {
            return search_error_status(e);
        }
        if let Some(e) = cause.downcast_ref::<demarche_store::Error>() {
            return store_error_status(e);
        }
    }
    255
}

/// A query the user typed that the index cannot parse is a usage error;
/// everything else from the index is a data problem (a damaged or missing
/// index), which `demarche check --repair` can fix.
fn search_error_status(err: &demarche_search::Error) -> u8 {
    match err {
        demarche_search::Error::QueryParse { .. } => 2,
        _ => 1,
    }
}

/// Store errors are about the database file: a data problem.
fn store_error_status(_err: &demarche_store::Error) -> u8 {
    1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_pipe_is_recognised_through_context() {
        let err = anyhow::Error::from(io::Error::from(io::ErrorKind::BrokenPipe))
            .context("writing results");
        assert!(is_broken_pipe(&err));
        let other = anyhow::Error::from(io::Error::from(io::ErrorKind::NotFound));
        assert!(!is_broken_pipe(&other));
    }

    #[test]
    fn statuses_follow_the_error_kind() {
        let usage = anyhow::Error::from(UsageError("bad".into())).context("parsing");
        assert_eq!(exit_status(&usage), 2);
        let missing = anyhow::Error::from(NoDatabase("x".into()));
        assert_eq!(exit_status(&missing), 1);
        assert_eq!(exit_status(&anyhow::anyhow!("a bug")), 255);
    }

    #[test]
    fn description_is_one_line() {
        let err = anyhow::anyhow!("first\nsecond").context("outer");
        assert_eq!(describe(&err), "outer: first second");
    }
}
