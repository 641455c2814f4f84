//! What the readers hand to their caller: documents, errors and skipped
//! inputs, one event at a time.

use std::fmt;

use demarche_core::Article;

use crate::InputError;

/// The format an article was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// A plain-text file.
    Txt,
    /// One JSON object per line (`.jsonl`, `.ndjson`, standard input).
    Jsonl,
    /// A `.json` file: one object or an array of objects.
    Json,
    /// An HTML page.
    Html,
    /// A WARC response record (its HTML page, extracted).
    Warc,
    /// A tar archive (`.tar`, `.tar.gz`, `.tgz`); only ever a container.
    Tar,
    /// A zip archive; only ever a container.
    Zip,
    /// A gzip-compressed file (`.gz`) holding one other input; only ever a container.
    Gzip,
}

impl Format {
    /// The lowercase name, as printed.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Txt => "txt",
            Format::Jsonl => "jsonl",
            Format::Json => "json",
            Format::Html => "html",
            Format::Warc => "warc",
            Format::Tar => "tar",
            Format::Zip => "zip",
            Format::Gzip => "gzip",
        }
    }
}

impl Document {
    /// A document with no container, author or warnings.
    pub fn new(article: Article, format: Format) -> Document {
        Document {
            article,
            format,
            container: None,
            author: None,
            warnings: Vec::new(),
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One article read from an input, with what the reader had to say about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// The article; `meta.source` is its label (`path`, `path#id`, `path:LINE`).
    pub article: Article,
    /// The format of the document itself (`Txt`, `Jsonl`, `Json`, `Html`,
    /// `Warc`), never a container format.
    pub format: Format,
    /// The outermost archive it was found in (`Tar`, `Zip` or `Gzip`), or
    /// `None` for a file read directly; a `.warc.gz` or `.tar.gz` counts as
    /// WARC or tar, not gzip.
    pub container: Option<Format>,
    /// The author named by the page's metadata (HTML JSON-LD), when known;
    /// the article model has no field for it yet.
    pub author: Option<String>,
    /// Things the caller may want to tell the user ("decoded as windows-1252 ...").
    pub warnings: Vec<String>,
}

/// What a reader reports, in input order.
#[derive(Debug)]
pub enum Event {
    /// An article was read.
    Document(Document),
    /// An input (file, line, member) could not be read; reading goes on.
    Error(InputError),
    /// An input was passed over: a file or archive member that is not an
    /// input this version reads, or a WARC record that holds no article
    /// (a request, an image, a 404 page).
    Skipped {
        /// The file's path, or `archive!member`, or `file.warc.gz!record`.
        location: String,
        /// Why it was passed over, as a sentence fragment.
        reason: String,
    },
}
