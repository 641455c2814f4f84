//! JSONL streams (`.jsonl`, `.ndjson`, standard input): one JSON object per
//! line, read line by line so that memory stays bounded by the longest line.

use std::io::{self, BufRead};

use crate::record::{document_from_value, parse_line};
use crate::{ErrorKind, Event, Format, InputError, ReadOptions};

/// Reads JSONL from `reader`, labelled `label` (a path, or `-` for standard
/// input), reporting one event per non-blank line in order. A record's
/// source is `"{label}#{id}"` when it has an `id`, else `"{label}:{line}"`;
/// errors are located at `"{label}:{line}"` (lines count from 1) and do not
/// stop the stream. A line longer than `opts.max_member_bytes` is an error;
/// reading stops with an error after `opts.max_total_bytes`.
pub fn read_jsonl_reader(
    label: &str,
    mut reader: impl BufRead,
    opts: &ReadOptions,
    sink: &mut dyn FnMut(Event),
) {
    let mut line = Vec::new();
    let mut line_number = 0u64;
    let mut total = 0u64;
    loop {
        line_number += 1;
        let location = || format!("{label}:{line_number}");
        let read = match read_capped_line(&mut reader, &mut line, opts.max_member_bytes) {
            Ok(read) => read,
            Err(error) => {
                sink(Event::Error(InputError::from_io(location(), error)));
                return;
            }
        };
        let (bytes, too_long) = match read {
            LineRead::End => return,
            LineRead::Line { bytes } => (bytes, false),
            LineRead::TooLong { bytes } => (bytes, true),
        };
        total = total.saturating_add(bytes);
        if total > opts.max_total_bytes {
            sink(Event::Error(InputError::new(
                location(),
                ErrorKind::TooLarge {
                    what: "input",
                    limit: opts.max_total_bytes,
                    option: "max_total_bytes",
                },
            )));
            return;
        }
        if too_long {
            sink(Event::Error(InputError::new(
                location(),
                ErrorKind::TooLarge {
                    what: "line",
                    limit: opts.max_member_bytes,
                    option: "max_member_bytes",
                },
            )));
            continue;
        }
        let mut content = line.trim_ascii();
        if line_number == 1 {
            content = content.strip_prefix(b"\xef\xbb\xbf").unwrap_or(content);
        }
        if content.is_empty() {
            continue;
        }
        let result = parse_line(content).and_then(|(value, warnings)| {
            document_from_value(value, label, location(), Format::Jsonl, opts, warnings)
        });
        sink(match result {
            Ok(document) => Event::Document(document),
            Err(kind) => Event::Error(InputError::new(location(), kind)),
        });
    }
}

/// The outcome of reading one line.
#[derive(Debug, PartialEq, Eq)]
enum LineRead {
    /// No more input.
    End,
    /// A line (without its newline) is in the buffer; `bytes` were consumed.
    Line {
        /// Bytes consumed, newline included.
        bytes: u64,
    },
    /// The line was longer than the cap and was consumed without being kept.
    TooLong {
        /// Bytes consumed, newline included.
        bytes: u64,
    },
}

/// Reads one line into `line` (cleared first, newline dropped), keeping at
/// most `cap` bytes; a longer line is consumed to its end and discarded, so
/// that one huge line costs no memory and the next line can still be read.
fn read_capped_line(
    reader: &mut impl BufRead,
    line: &mut Vec<u8>,
    cap: u64,
) -> io::Result<LineRead> {
    line.clear();
    let mut consumed = 0u64;
    let mut too_long = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(available) => available,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        if available.is_empty() {
            return Ok(match (consumed, too_long) {
                (0, _) => LineRead::End,
                (bytes, true) => LineRead::TooLong { bytes },
                (bytes, false) => LineRead::Line { bytes },
            });
        }
        let newline = memchr::memchr(b'\n', available);
        let chunk = match newline {
            Some(at) => available.get(..at).unwrap_or(available),
            None => available,
        };
        if !too_long {
            let kept = u64::try_from(line.len() + chunk.len()).unwrap_or(u64::MAX);
            if kept > cap {
                too_long = true;
                line.clear();
            } else {
                line.extend_from_slice(chunk);
            }
        }
        let step = newline.map_or(available.len(), |at| at + 1);
        reader.consume(step);
        consumed = consumed.saturating_add(u64::try_from(step).unwrap_or(u64::MAX));
        if newline.is_some() {
            return Ok(if too_long {
                LineRead::TooLong { bytes: consumed }
            } else {
                LineRead::Line { bytes: consumed }
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capped_lines_are_consumed_whole() {
        // A tiny buffer makes lines span several fills.
        let input: &[u8] = b"short\nthis line is too long\n\nlast";
        let mut reader = io::BufReader::with_capacity(4, input);
        let mut line = Vec::new();
        let mut got = Vec::new();
        loop {
            let read = read_capped_line(&mut reader, &mut line, 10).unwrap();
            if read == LineRead::End {
                break;
            }
            got.push((read, String::from_utf8(line.clone()).unwrap()));
        }
        assert_eq!(
            got,
            [
                (LineRead::Line { bytes: 6 }, "short".to_owned()),
                (LineRead::TooLong { bytes: 22 }, String::new()),
                (LineRead::Line { bytes: 1 }, String::new()),
                (LineRead::Line { bytes: 4 }, "last".to_owned()),
            ]
        );
    }
}
