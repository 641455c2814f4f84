//! `demarche-input`: readers that turn files, folders and standard input
//! into [`demarche_core::Article`]s, streamed one [`Event`] at a time, with
//! one-line errors that name the file (and line, or archive member).
//!
//! Formats read: plain text (`.txt`), JSONL (`.jsonl`, `.ndjson`, standard
//! input), JSON (`.json`), HTML pages (`.html`, `.htm`: main text only),
//! WARC files (`.warc`, `.warc.gz`: their HTML responses), and archives
//! (`.tar`, `.tar.gz`, `.tgz`, `.zip`, `.gz`) whose members are read by
//! their own format, one archive level deep, streamed and never unpacked
//! to disk. Each format is one module with a
//! `read_*_reader(label, reader, opts, sink)` entry point over any byte
//! stream, so that archive members (labelled `archive!member`) are fed to
//! the same readers; the walker picks a reader by magic numbers, file name
//! and, for files named explicitly, content. Decompressed bytes are
//! bounded by [`ReadOptions::max_member_bytes`] per article member and
//! [`ReadOptions::max_total_bytes`] per archive.
//!
//! Offsets into an article always refer to its stored `body`. For an HTML
//! page (a file or a WARC record) the body is the extracted text: the title
//! line, a blank line, then the paragraphs separated by blank lines. For a
//! text file the body is the file's own bytes when they are UTF-8 (a byte order mark
//! included); a file in another encoding is decoded (Windows-1252, or UTF-16
//! with a byte order mark) with a warning, and offsets refer to the decoded
//! text.
//!
//! ```
//! use demarche_input::{Event, ReadOptions, read_jsonl_reader};
//!
//! let input = "{\"id\": \"a1\", \"title\": \"Talks\", \"text\": \"Envoys met.\"}\n";
//! let mut sources = Vec::new();
//! read_jsonl_reader("-", input.as_bytes(), &ReadOptions::default(), &mut |event| {
//!     if let Event::Document(document) = event {
//!         sources.push(document.article.meta.source);
//!     }
//! });
//! assert_eq!(sources, ["-#a1"]);
//! ```

mod archive;
mod budget;
mod date;
mod decode;
mod error;
mod events;
mod html;
mod json;
mod jsonl;
mod options;
mod record;
mod sniff;
mod text;
mod title;
mod walk;
mod warc;

pub use date::{date_in_path, parse_date};
pub use error::{Error, ErrorKind, InputError, Result};
pub use events::{Document, Event, Format};
pub use html::read_html_reader;
pub use json::read_json_reader;
pub use jsonl::read_jsonl_reader;
pub use options::{DEFAULT_MAX_MEMBER_BYTES, DEFAULT_MAX_TOTAL_BYTES, ReadOptions};
pub use text::{article_from_text_bytes, read_text_reader, try_article_from_text_bytes};
pub use walk::{read_path, read_stdin};
pub use warc::read_warc_reader;
