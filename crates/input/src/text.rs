//! Plain-text articles (`.txt`): the body is the whole decoded file, title
//! line and headers included, so that offsets are file offsets; an optional
//! leading block of `Key: value` headers gives metadata; the title is the
//! Title header or the first line that is not a credit or byline.
//!
//! A UTF-8 byte order mark is kept in the body (offsets stay byte offsets
//! into the file) and ignored when looking for headers and the title.

use std::io::Read;

use demarche_core::Article;

use crate::date::{date_in_path, parse_date};
use crate::decode::{Decoded, decode_lossy, decode_text, is_binary, is_blank};
use crate::title::{clean_title, find_title};
use crate::{Document, ErrorKind, Event, Format, InputError, ReadOptions};

/// One text file's bytes as an article, as `demarche extract FILE` reads
/// it: decoding, header block and title as for `.txt` ingest. Never fails:
/// a binary or empty input still gives an article, with a warning saying so
/// ("binary file", "empty file"); see [`try_article_from_text_bytes`] to
/// refuse them instead.
pub fn article_from_text_bytes(source: &str, bytes: &[u8]) -> (Article, Vec<String>) {
    let mut early_warnings = Vec::new();
    if is_binary(bytes) {
        early_warnings.push(ErrorKind::Binary.to_string());
    }
    let Decoded { text, mut warnings } = decode_lossy(bytes.to_vec());
    if is_blank(&text) {
        early_warnings.push(ErrorKind::Empty.to_string());
    }
    early_warnings.append(&mut warnings);
    let article = article_from_text(source, text, &mut early_warnings);
    (article, early_warnings)
}

/// Like [`article_from_text_bytes`], but a binary or empty input is an
/// error located at `source`.
pub fn try_article_from_text_bytes(
    source: &str,
    bytes: &[u8],
) -> Result<(Article, Vec<String>), InputError> {
    let Decoded { text, mut warnings } =
        decode_text(bytes.to_vec()).map_err(|kind| InputError::new(source, kind))?;
    let article = article_from_text(source, text, &mut warnings);
    Ok((article, warnings))
}

/// Reads one text article from a stream (a file, an archive member) labelled
/// `label`, at most `opts.max_member_bytes` of it, and reports a
/// [`Event::Document`] or an [`Event::Error`]. `opts.published` is the date
/// of an article whose headers give none.
pub fn read_text_reader(
    label: &str,
    reader: impl Read,
    opts: &ReadOptions,
    sink: &mut dyn FnMut(Event),
) {
    sink(match text_document(label, reader, opts) {
        Ok(document) => Event::Document(document),
        Err(error) => Event::Error(error),
    });
}

/// The document of [`read_text_reader`].
fn text_document(
    label: &str,
    reader: impl Read,
    opts: &ReadOptions,
) -> Result<Document, InputError> {
    let mut bytes = Vec::new();
    reader
        .take(opts.max_member_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| InputError::from_io(label, e))?;
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > opts.max_member_bytes {
        return Err(InputError::new(
            label,
            ErrorKind::TooLarge {
                what: "file",
                limit: opts.max_member_bytes,
                option: "max_member_bytes",
            },
        ));
    }
    let Decoded { text, mut warnings } =
        decode_text(bytes).map_err(|kind| InputError::new(label, kind))?;
    let mut article = article_from_text(label, text, &mut warnings);
    if article.meta.published.is_none() {
        article.meta.published = opts.published;
    }
    Ok(Document {
        article,
        format: Format::Txt,
        container: None,
        author: None,
        warnings,
    })
}

/// Builds the article of a decoded text: metadata from the header block,
/// the title, and the whole text as body.
fn article_from_text(source: &str, text: String, warnings: &mut Vec<String>) -> Article {
    let (headers, rest) = parse_header_block(&text).unwrap_or_default();
    let title = headers
        .title
        .as_deref()
        .and_then(clean_title)
        .or_else(|| find_title(text.get(rest..).unwrap_or_default()));
    let published = headers.date.as_deref().and_then(|raw| {
        let date = parse_date(raw);
        if date.is_none() {
            warnings.push(format!("unrecognised date {raw:?} in the headers"));
        }
        date
    });
    // Without a date header, a date in the URL or the file's path is the
    // next best witness: news sites and archives put one there.
    let published = published
        .or_else(|| headers.url.as_deref().and_then(date_in_path))
        .or_else(|| date_in_path(source));
    let mut article = Article::new(source, text);
    article.meta.title = title;
    article.meta.published = published;
    article.meta.url = headers.url;
    article.meta.outlet = headers.outlet;
    article.meta.external_id = headers.id;
    article
}

/// Metadata from a header block.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Headers {
    /// `Title:` (or `Headline:`).
    pub title: Option<String>,
    /// `Date:` or `Published:`, unparsed.
    pub date: Option<String>,
    /// `URL:` (or `Link:`).
    pub url: Option<String>,
    /// `Source:` or `Outlet:`.
    pub outlet: Option<String>,
    /// `ID:`.
    pub id: Option<String>,
}

/// The longest header block considered, in lines.
const MAX_HEADER_LINES: usize = 40;

/// Parses a leading header block: consecutive `Key: value` lines (after any
/// blank lines) ended by a blank line, at least one with a known key
/// (Title, Date, Published, URL, Source, Outlet, case-insensitive). Other
/// keys shaped like headers (Author, Section) are allowed and ignored.
/// Returns the headers and the byte offset where the text after the block
/// begins, or `None` when the text does not start with such a block.
pub(crate) fn parse_header_block(text: &str) -> Option<(Headers, usize)> {
    let mut headers = Headers::default();
    let mut known = 0usize;
    let mut in_block = false;
    let mut offset = 0usize;
    for (index, line) in text.split_inclusive('\n').enumerate() {
        offset += line.len();
        let content = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        if content.is_empty() {
            if in_block {
                return (known > 0).then_some((headers, offset));
            }
            continue;
        }
        if index >= MAX_HEADER_LINES {
            return None;
        }
        let (key, value) = header_line(content)?;
        in_block = true;
        let value = value.to_owned();
        let slot = match key.to_ascii_lowercase().as_str() {
            "title" | "headline" => &mut headers.title,
            "date" | "published" => &mut headers.date,
            "url" | "link" => &mut headers.url,
            "source" | "outlet" => &mut headers.outlet,
            "id" => &mut headers.id,
            _ => continue,
        };
        known += 1;
        if slot.is_none() && !value.is_empty() {
            *slot = Some(value);
        }
    }
    // A block must be ended by a blank line: a text of headers alone is more
    // likely a short note than metadata for a missing body.
    None
}

/// Splits `Key: value` where the key is one to three words of letters,
/// hyphens or underscores (at most 30 bytes).
fn header_line(line: &str) -> Option<(&str, &str)> {
    let (key, value) = line.split_once(':')?;
    let key = key.trim_end();
    let shaped = !key.is_empty()
        && key.len() <= 30
        && key.split_whitespace().count() <= 3
        && key.starts_with(|c: char| c.is_ascii_alphabetic())
        && key
            .chars()
            .all(|c| c.is_ascii_alphabetic() || matches!(c, ' ' | '-' | '_'));
    shaped.then(|| (key, value.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: Option<(Headers, &str)>) {
        let got = parse_header_block(text).map(|(headers, offset)| (headers, &text[offset..]));
        assert_eq!(got, expected, "{text:?}");
    }

    fn headers(
        title: Option<&str>,
        date: Option<&str>,
        url: Option<&str>,
        outlet: Option<&str>,
    ) -> Headers {
        Headers {
            title: title.map(str::to_owned),
            date: date.map(str::to_owned),
            url: url.map(str::to_owned),
            outlet: outlet.map(str::to_owned),
            id: None,
        }
    }

    #[test]
    fn header_blocks() {
        check(
            "Title: Talks in Laos\nDATE: 2024-07-26\nurl: https://news.example/a?b=1\nSource: Daily Ledger\n\nBody.\n",
            Some((
                headers(
                    Some("Talks in Laos"),
                    Some("2024-07-26"),
                    Some("https://news.example/a?b=1"),
                    Some("Daily Ledger"),
                ),
                "Body.\n",
            )),
        );
        check(
            "\u{feff}\n\nPublished: July 26, 2024\r\nAuthor: Ann Lee\r\nOutlet: Courier\r\n\r\nBody",
            Some((
                headers(None, Some("July 26, 2024"), None, Some("Courier")),
                "Body",
            )),
        );
        // Unknown keys alone, a prose first line, or a block not ended by a blank line.
        check("Author: Ann Lee\n\nBody\n", None);
        check("Washington: The talks stalled.\n\nMore.\n", None);
        check("Tokyo protests\nTitle: x\n\nBody\n", None);
        check("Title: Only headers\nDate: 2024-07-26\n", None);
        check("Title: Talks\nBy Ann Lee\n\nBody\n", None);
        check("", None);
    }

    #[test]
    fn text_article_uses_headers_then_title_line() {
        let text = b"Title: Ministers meet\nDate: 26 July 2024\nURL: https://news.example/m\n\nPhoto: Pool\nHeadline in body\nText.\n";
        let (article, warnings) = article_from_text_bytes("m.txt", text);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(article.meta.title.as_deref(), Some("Ministers meet"));
        assert_eq!(article.meta.published.unwrap().to_string(), "2024-07-26");
        assert_eq!(article.meta.url.as_deref(), Some("https://news.example/m"));
        assert_eq!(article.body.as_bytes(), text);

        let (article, warnings) = article_from_text_bytes(
            "n.txt",
            b"Date: someday\nSource: Courier\n\nBy Ann Lee\nEnvoys meet\n",
        );
        assert_eq!(article.meta.title.as_deref(), Some("Envoys meet"));
        assert_eq!(article.meta.published, None);
        assert_eq!(article.meta.outlet.as_deref(), Some("Courier"));
        assert_eq!(warnings, ["unrecognised date \"someday\" in the headers"]);
    }

    #[test]
    fn lenient_and_strict_entry_points() {
        let (article, warnings) = article_from_text_bytes("e.txt", b"  \n");
        assert_eq!(article.body, "  \n");
        assert_eq!(warnings, ["empty file"]);
        let (_, warnings) = article_from_text_bytes("b.bin", b"\0\x01ab");
        assert_eq!(warnings, ["binary file"]);
        let error = try_article_from_text_bytes("b.bin", b"\0\x01ab").unwrap_err();
        assert_eq!(error.to_string(), "b.bin: binary file");
        let (article, _) = try_article_from_text_bytes("ok.txt", b"Talks\n").unwrap();
        assert_eq!(article.meta.title.as_deref(), Some("Talks"));
    }
}
