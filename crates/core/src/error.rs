//! The error type of `demarche-core`. Extraction itself never fails; errors
//! come from parsing user-supplied values such as `--act` or `--kind`.

/// What can go wrong in `demarche-core`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A name that is not one of a closed set of values.
    #[error("unknown {what} {value:?}; expected one of: {expected}")]
    UnknownValue {
        /// Which set ("Act", "Kind").
        what: &'static str,
        /// What was given.
        value: String,
        /// The accepted values, comma-separated.
        expected: String,
    },
    /// A compiled-in data file is malformed (a build-time bug, caught by tests).
    #[error("data file {file}, line {line}: {message}")]
    Data {
        /// The file under `data/`.
        file: &'static str,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// `Result` with [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
