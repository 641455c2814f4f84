//! Input errors: where it went wrong (a path, `path:LINE` or `archive!member`)
//! and what went wrong, printed as one line.

use std::fmt;
use std::io;

/// A failure to read one input: a file, a line of a JSONL stream, an archive member.
///
/// Displays as a single line, `"{location}: {message}"`.
#[derive(Debug)]
pub struct InputError {
    /// Where: `"path"`, `"path:LINE"`, `"path[INDEX]"` or `"archive.tar.gz!member"`.
    pub location: String,
    /// What went wrong.
    pub kind: ErrorKind,
}

impl InputError {
    /// An error at `location`; control characters in the location are escaped
    /// so that the message stays on one line.
    pub fn new(location: impl Into<String>, kind: ErrorKind) -> InputError {
        InputError {
            location: escape_controls(&location.into()),
            kind,
        }
    }

    /// An I/O error at `location`, with "not found" and exceeded size
    /// limits (raised by the archive readers' byte counters) given their own kinds.
    pub fn from_io(location: impl Into<String>, error: io::Error) -> InputError {
        let limit = error
            .get_ref()
            .and_then(|inner| inner.downcast_ref::<LimitExceeded>())
            .copied();
        let kind = if let Some(limit) = limit {
            ErrorKind::TooLarge {
                what: limit.what,
                limit: limit.limit,
                option: limit.option,
            }
        } else if let Some(corrupt) = error
            .get_ref()
            .and_then(|inner| inner.downcast_ref::<CorruptStream>())
        {
            ErrorKind::Corrupt {
                format: corrupt.format,
                message: corrupt.message.clone(),
            }
        } else if error.kind() == io::ErrorKind::NotFound {
            ErrorKind::NotFound
        } else {
            ErrorKind::Io(error)
        };
        InputError::new(location, kind)
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Messages from the operating system or serde are one line in practice,
        // but the one-line promise must hold whatever they contain.
        let message = self.kind.to_string();
        write!(
            f,
            "{}: {}",
            escape_controls(&self.location),
            escape_controls(&message)
        )
    }
}

impl std::error::Error for InputError {}

/// The crate's error type, as every library crate of the workspace names it.
pub type Error = InputError;

/// `Result` with [`InputError`] as the default error.
pub type Result<T, E = InputError> = std::result::Result<T, E>;

/// What went wrong while reading an input.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The path does not exist.
    #[error("no such file or directory")]
    NotFound,
    /// Opening or reading failed.
    #[error("{0}")]
    Io(io::Error),
    /// The file holds binary data (a NUL byte or mostly control characters near its start).
    #[error("binary file")]
    Binary,
    /// The file is empty or holds only whitespace.
    #[error("empty file")]
    Empty,
    /// A line or file is not valid JSON; the message is serde's.
    #[error("invalid JSON: {0}")]
    Malformed(String),
    /// A JSON record is valid JSON but not an object.
    #[error("expected a JSON object, found {0}")]
    NotAnObject(&'static str),
    /// A JSON record has no usable text.
    #[error("no text: expected a non-empty string in `text`, `body` or `content`")]
    MissingText,
    /// An input is larger than a configured limit.
    #[error("{what} is larger than the {} limit ({option})", human_bytes(*.limit))]
    TooLarge {
        /// What is too large: "file", "line", "input".
        what: &'static str,
        /// The limit in bytes.
        limit: u64,
        /// The `ReadOptions` field that sets the limit.
        option: &'static str,
    },
    /// A recognised format this version cannot read yet.
    #[error("{0} input is not supported yet")]
    Unsupported(&'static str),
    /// An HTML page holds no paragraph text once navigation, scripts and
    /// other boilerplate are dropped.
    #[error("no article text found in the page")]
    NoArticleText,
    /// A compressed stream ends early or is damaged; what was read before
    /// it has been reported.
    #[error("truncated or corrupt {format} data: {message}")]
    Corrupt {
        /// "gzip", "zip", "tar", "WARC".
        format: &'static str,
        /// What the decoder said.
        message: String,
    },
}

/// A size limit hit while reading a stream, carried inside an
/// [`io::Error`] so that it survives the readers that pass I/O errors
/// through, and turned back into [`ErrorKind::TooLarge`] by
/// [`InputError::from_io`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LimitExceeded {
    /// What is too large ("archive", "member").
    pub what: &'static str,
    /// The limit in bytes.
    pub limit: u64,
    /// The `ReadOptions` field that sets it.
    pub option: &'static str,
}

impl fmt::Display for LimitExceeded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} is larger than the {} limit ({})",
            self.what,
            human_bytes(self.limit),
            self.option
        )
    }
}

impl std::error::Error for LimitExceeded {}

/// An [`io::Error`] that marks a stream as truncated or corrupt, carried
/// like [`LimitExceeded`] and turned into [`ErrorKind::Corrupt`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CorruptStream {
    /// "gzip", "zip", "tar", "WARC".
    pub format: &'static str,
    /// What the decoder said.
    pub message: String,
}

impl fmt::Display for CorruptStream {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "truncated or corrupt {} data: {}",
            self.format, self.message
        )
    }
}

impl std::error::Error for CorruptStream {}

/// A byte count as people write limits: "64 MiB", "2 GiB", else "N bytes".
fn human_bytes(bytes: u64) -> String {
    const KIB: u64 = 1024;
    const MIB: u64 = KIB * 1024;
    const GIB: u64 = MIB * 1024;
    match bytes {
        0 => "0 bytes".to_owned(),
        b if b % GIB == 0 => format!("{} GiB", b / GIB),
        b if b % MIB == 0 => format!("{} MiB", b / MIB),
        b if b % KIB == 0 => format!("{} KiB", b / KIB),
        b => format!("{b} bytes"),
    }
}

/// Replaces control characters (newlines above all) by their escaped form.
fn escape_controls(text: &str) -> String {
    if !text.contains(char::is_control) {
        return text.to_owned();
    }
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_debug().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_is_one_line_location_then_message() {
        let cases = [
            (
                InputError::new("news/a.txt", ErrorKind::Binary),
                "news/a.txt: binary file",
            ),
            (
                InputError::new("dump.jsonl:2", ErrorKind::Malformed("EOF".into())),
                "dump.jsonl:2: invalid JSON: EOF",
            ),
            (
                InputError::new("odd\nname.txt", ErrorKind::Empty),
                "odd\\nname.txt: empty file",
            ),
            (
                InputError::new(
                    "big.txt",
                    ErrorKind::TooLarge {
                        what: "file",
                        limit: 64 * 1024 * 1024,
                        option: "max_member_bytes",
                    },
                ),
                "big.txt: file is larger than the 64 MiB limit (max_member_bytes)",
            ),
            (
                InputError::from_io("gone", io::Error::from(io::ErrorKind::NotFound)),
                "gone: no such file or directory",
            ),
        ];
        for (error, expected) in cases {
            assert_eq!(error.to_string(), expected);
        }
    }

    #[test]
    fn human_bytes_uses_the_largest_exact_unit() {
        assert_eq!(human_bytes(100), "100 bytes");
        assert_eq!(human_bytes(2048), "2 KiB");
        assert_eq!(human_bytes(3 << 30), "3 GiB");
    }
}
