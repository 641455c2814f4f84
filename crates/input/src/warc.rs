//! WARC files (`.warc`, `.warc.gz` as in CC-NEWS): records read one at a
//! time from a stream (header block, then `Content-Length` bytes of body).
//! A `response` record holding an HTTP 200 HTML page becomes a document
//! through the HTML reader; every other record is skipped with a reason.

use std::io::{self, BufRead, Read};

use flate2::read::MultiGzDecoder;

use crate::date::parse_date;
use crate::html::{PageHints, html_document};
use crate::{ErrorKind, Event, Format, InputError, ReadOptions};

/// The longest WARC or HTTP header line read.
const MAX_HEADER_LINE_BYTES: u64 = 64 * 1024;
/// The most header lines in one WARC record.
const MAX_HEADER_LINES: usize = 1000;

/// Reads the records of a WARC stream labelled `label`. A record's source
/// is `"{label}!{WARC-Record-ID}"` (the target URI, or `record N`, when it
/// has none); its URL is the page's canonical link, else the target URI,
/// and its date the page's own, else the capture date (`WARC-Date`).
/// Records that hold no article (requests, metadata, non-HTML responses,
/// statuses other than 200) are [`Event::Skipped`]; a page body larger than
/// `opts.max_member_bytes` is an error. Reading stops at the first record
/// whose header cannot be read.
pub fn read_warc_reader(
    label: &str,
    mut reader: impl BufRead,
    opts: &ReadOptions,
    sink: &mut dyn FnMut(Event),
) {
    let mut line = Vec::new();
    let mut number = 0u64;
    loop {
        // Records are separated by blank lines.
        loop {
            match read_line(&mut reader, &mut line) {
                Ok(true) if line.trim_ascii().is_empty() => continue,
                Ok(true) => break,
                Ok(false) => return,
                Err(error) => {
                    sink(Event::Error(InputError::from_io(label, error)));
                    return;
                }
            }
        }
        number += 1;
        let corrupt = |message: String| {
            Event::Error(InputError::new(
                label,
                ErrorKind::Corrupt {
                    format: "WARC",
                    message,
                },
            ))
        };
        if !line.trim_ascii().starts_with(b"WARC/") {
            sink(corrupt(format!(
                "record {number}: expected a `WARC/1.x` line"
            )));
            return;
        }
        let headers = match read_headers(&mut reader, &mut line) {
            Ok(headers) => headers,
            Err(error) => {
                sink(Event::Error(InputError::from_io(label, error)));
                return;
            }
        };
        let Some(length) = header(&headers, "content-length").and_then(|v| v.parse::<u64>().ok())
        else {
            sink(corrupt(format!(
                "record {number} has no valid Content-Length"
            )));
            return;
        };
        let uri = header(&headers, "warc-target-uri").map(strip_angle_brackets);
        let id = header(&headers, "warc-record-id").map(strip_angle_brackets);
        let location = format!(
            "{label}!{}",
            id.or(uri).unwrap_or(&format!("record {number}"))
        );
        let kind = header(&headers, "warc-type")
            .unwrap_or("unknown")
            .to_ascii_lowercase();
        let mut body = (&mut reader).take(length);
        let event = if kind == "response" {
            let hints = PageHints {
                charset: None,
                url: uri.map(str::to_owned),
                date: header(&headers, "warc-date").and_then(parse_date),
                id: id.map(str::to_owned),
            };
            response_event(&location, &mut body, hints, opts)
        } else {
            Event::Skipped {
                location: location.clone(),
                reason: format!("WARC {kind} record"),
            }
        };
        // The body's rest is read through, never kept, to reach the next record.
        let drained = io::copy(&mut body, &mut io::sink());
        let failed_event = matches!(&event, Event::Error(error) if matches!(error.kind, ErrorKind::Io(_) | ErrorKind::Corrupt { .. }));
        sink(event);
        if failed_event {
            return;
        }
        match drained {
            Err(error) => {
                sink(Event::Error(InputError::from_io(location, error)));
                return;
            }
            Ok(_) if body.limit() > 0 => {
                sink(Event::Error(InputError::new(
                    location,
                    ErrorKind::Corrupt {
                        format: "WARC",
                        message: format!(
                            "the record ends {} bytes short of its Content-Length",
                            body.limit()
                        ),
                    },
                )));
                return;
            }
            Ok(_) => {}
        }
    }
}

/// The event of a response record: the page's document, or why not.
fn response_event(
    location: &str,
    body: &mut impl Read,
    mut hints: PageHints,
    opts: &ReadOptions,
) -> Event {
    let skip = |reason: String| Event::Skipped {
        location: location.to_owned(),
        reason,
    };
    let too_large = || {
        Event::Error(InputError::new(
            location,
            ErrorKind::TooLarge {
                what: "WARC record",
                limit: opts.max_member_bytes,
                option: "max_member_bytes",
            },
        ))
    };
    let mut bytes = Vec::new();
    if let Err(error) = body
        .take(opts.max_member_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
    {
        return Event::Error(InputError::from_io(location, error));
    }
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > opts.max_member_bytes {
        return too_large();
    }
    let Some(response) = parse_http(&bytes) else {
        return skip("not an HTTP response".to_owned());
    };
    if response.status != 200 {
        return skip(format!("HTTP status {}", response.status));
    }
    let media_type = response
        .content_type
        .as_deref()
        .and_then(|value| value.split(';').next())
        .map(|media| media.trim().to_ascii_lowercase())
        .unwrap_or_default();
    if !matches!(media_type.as_str(), "text/html" | "application/xhtml+xml") {
        let shown = if media_type.is_empty() {
            "no Content-Type"
        } else {
            &media_type
        };
        return skip(format!("not an HTML page ({shown})"));
    }
    hints.charset = response.content_type.as_deref().and_then(charset_parameter);
    let payload = bytes.get(response.body_start..).unwrap_or_default();
    let dechunked;
    let mut payload = payload;
    let chunked = response
        .transfer_encoding
        .as_deref()
        .is_some_and(|value| value.to_ascii_lowercase().contains("chunked"));
    // A body that does not parse as chunks is read as it is: crawlers
    // often store the payload already joined.
    if chunked && let Some(joined) = dechunk(payload) {
        dechunked = joined;
        payload = &dechunked;
    }
    let decompressed;
    match response
        .content_encoding
        .as_deref()
        .map(|value| value.trim().to_ascii_lowercase())
        .as_deref()
    {
        None | Some("" | "identity") => {}
        Some("gzip" | "x-gzip") => {
            let mut inflated = Vec::new();
            let read = MultiGzDecoder::new(payload)
                .take(opts.max_member_bytes.saturating_add(1))
                .read_to_end(&mut inflated);
            if let Err(error) = read {
                return Event::Error(InputError::new(
                    location,
                    ErrorKind::Corrupt {
                        format: "gzip",
                        message: format!("HTTP body: {error}"),
                    },
                ));
            }
            if u64::try_from(inflated.len()).unwrap_or(u64::MAX) > opts.max_member_bytes {
                return too_large();
            }
            decompressed = inflated;
            payload = &decompressed;
        }
        Some(other) => {
            return skip(format!("Content-Encoding {other} is not supported"));
        }
    }
    match html_document(location, payload, &hints, Format::Warc, opts) {
        Ok(document) => Event::Document(document),
        Err(ErrorKind::NoArticleText) => skip(ErrorKind::NoArticleText.to_string()),
        Err(kind) => Event::Error(InputError::new(location, kind)),
    }
}

/// What an HTTP response's head says.
#[derive(Debug, PartialEq, Eq)]
struct HttpResponse {
    /// The status code.
    status: u16,
    /// `Content-Type`.
    content_type: Option<String>,
    /// `Content-Encoding`.
    content_encoding: Option<String>,
    /// `Transfer-Encoding`.
    transfer_encoding: Option<String>,
    /// Where the body starts.
    body_start: usize,
}

/// Parses an HTTP response's status line and headers; `None` if it does
/// not start with `HTTP/`.
fn parse_http(bytes: &[u8]) -> Option<HttpResponse> {
    if !bytes.starts_with(b"HTTP/") {
        return None;
    }
    let (head_end, body_start) = match memchr::memmem::find(bytes, b"\r\n\r\n") {
        Some(at) => (at, at + 4),
        None => match memchr::memmem::find(bytes, b"\n\n") {
            Some(at) => (at, at + 2),
            None => (bytes.len(), bytes.len()),
        },
    };
    let head = String::from_utf8_lossy(bytes.get(..head_end)?);
    let mut lines = head.lines();
    let status = lines.next()?.split_whitespace().nth(1)?.parse().ok()?;
    let mut response = HttpResponse {
        status,
        content_type: None,
        content_encoding: None,
        transfer_encoding: None,
        body_start,
    };
    for line in lines {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let slot = match name.trim().to_ascii_lowercase().as_str() {
            "content-type" => &mut response.content_type,
            "content-encoding" => &mut response.content_encoding,
            "transfer-encoding" => &mut response.transfer_encoding,
            _ => continue,
        };
        slot.get_or_insert_with(|| value.trim().to_owned());
    }
    Some(response)
}

/// The `charset` parameter of a `Content-Type` value.
fn charset_parameter(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|parameter| {
        let (name, value) = parameter.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(['"', '\'']).to_owned())
            .filter(|value| !value.is_empty())
    })
}

/// Joins the chunks of a chunked body; `None` if it is not well formed.
fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut joined = Vec::with_capacity(data.len());
    loop {
        let line_end = memchr::memchr(b'\n', data)?;
        let size_line = std::str::from_utf8(data.get(..line_end)?).ok()?;
        let size_text = size_line.split(';').next()?.trim();
        let size = usize::from_str_radix(size_text, 16).ok()?;
        data = data.get(line_end + 1..)?;
        if size == 0 {
            return Some(joined);
        }
        joined.extend_from_slice(data.get(..size)?);
        data = data.get(size..)?;
        data = data
            .strip_prefix(b"\r\n")
            .or_else(|| data.strip_prefix(b"\n"))
            .unwrap_or(data);
    }
}

/// `<urn:uuid:...>` → `urn:uuid:...`.
fn strip_angle_brackets(value: &str) -> &str {
    let value = value.trim();
    value
        .strip_prefix('<')
        .and_then(|inner| inner.strip_suffix('>'))
        .unwrap_or(value)
}

/// The value of the first header named `name` (lowercase).
fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.as_str())
}

/// Reads one line into `line` (cleared first, line ending kept), at most
/// [`MAX_HEADER_LINE_BYTES`]; `false` at the end of the stream.
fn read_line(reader: &mut impl BufRead, line: &mut Vec<u8>) -> io::Result<bool> {
    line.clear();
    let read = reader.take(MAX_HEADER_LINE_BYTES).read_until(b'\n', line)?;
    if read == 0 {
        return Ok(false);
    }
    if !line.ends_with(b"\n")
        && u64::try_from(line.len()).unwrap_or(u64::MAX) >= MAX_HEADER_LINE_BYTES
    {
        return Err(io::Error::other(crate::error::CorruptStream {
            format: "WARC",
            message: "a header line is longer than 64 KiB".to_owned(),
        }));
    }
    Ok(true)
}

/// Reads `Name: value` lines up to a blank line; names are lowercased.
fn read_headers(
    reader: &mut impl BufRead,
    line: &mut Vec<u8>,
) -> io::Result<Vec<(String, String)>> {
    let mut headers = Vec::new();
    loop {
        if !read_line(reader, line)? {
            return Err(io::Error::other(crate::error::CorruptStream {
                format: "WARC",
                message: "the stream ends inside a record header".to_owned(),
            }));
        }
        let text = String::from_utf8_lossy(line);
        let text = text.trim();
        if text.is_empty() {
            return Ok(headers);
        }
        if headers.len() >= MAX_HEADER_LINES {
            return Err(io::Error::other(crate::error::CorruptStream {
                format: "WARC",
                message: format!("a record has more than {MAX_HEADER_LINES} header lines"),
            }));
        }
        if let Some((name, value)) = text.split_once(':') {
            headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_heads_and_parameters() {
        let response = parse_http(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=\"ISO-8859-1\"\r\nContent-Encoding: gzip\r\n\r\n<p>",
        )
        .unwrap();
        assert_eq!(response.status, 200);
        assert_eq!(response.body_start, 90);
        assert_eq!(response.content_encoding.as_deref(), Some("gzip"));
        assert_eq!(
            charset_parameter(response.content_type.as_deref().unwrap()).as_deref(),
            Some("ISO-8859-1")
        );
        assert_eq!(parse_http(b"GET / HTTP/1.1\r\n\r\n"), None);
        assert_eq!(charset_parameter("text/html"), None);
    }

    #[test]
    fn chunked_bodies_are_joined() {
        assert_eq!(
            dechunk(b"4\r\nTalk\r\n2;x=1\r\ns!\r\n0\r\n\r\n").as_deref(),
            Some(&b"Talks!"[..])
        );
        assert_eq!(dechunk(b"zz\r\nTalk"), None);
        assert_eq!(dechunk(b"9\r\nshort"), None);
    }
}
