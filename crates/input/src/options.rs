//! Options shared by every reader: the fallback date and the size limits
//! that keep memory bounded whatever the input.

use chrono::NaiveDate;

/// The default cap on one file, one JSONL line or one archive member: 64 MiB.
pub const DEFAULT_MAX_MEMBER_BYTES: u64 = 64 * 1024 * 1024;

/// The default cap on the bytes read from one stream of many articles: 64 GiB.
pub const DEFAULT_MAX_TOTAL_BYTES: u64 = 64 * 1024 * 1024 * 1024;

/// How to read inputs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadOptions {
    /// The publication date given to articles whose input does not say.
    pub published: Option<NaiveDate>,
    /// The largest single article input: a text file, a JSONL line, a `.json`
    /// file's single object, an archive member. Larger ones are an error.
    pub max_member_bytes: u64,
    /// The most bytes read from one stream that holds many articles (a JSONL
    /// file or standard input, a `.json` array, later an archive's
    /// decompressed members); reading stops with an error beyond it, which
    /// bounds decompression bombs.
    pub max_total_bytes: u64,
}

impl Default for ReadOptions {
    fn default() -> ReadOptions {
        ReadOptions {
            published: None,
            max_member_bytes: DEFAULT_MAX_MEMBER_BYTES,
            max_total_bytes: DEFAULT_MAX_TOTAL_BYTES,
        }
    }
}
