//! `.json` files: one object, an array of objects, or objects one after
//! another (JSONL saved as `.json`), parsed as a stream so that a large
//! array is never held in memory whole.

use std::cell::Cell;
use std::fmt;
use std::io::{self, BufRead, Read};
use std::rc::Rc;

use serde::Deserializer as _;
use serde::de::{SeqAccess, Visitor};
use serde_json::Value;

use crate::record::{document_from_value, json_message};
use crate::{ErrorKind, Event, Format, InputError, ReadOptions};

/// Reads a `.json` document from `reader`, labelled `label`. A single
/// object's source is `label` (or `"{label}#{id}"`); the records of an array
/// or sequence are `"{label}[INDEX]"` (from 0) or `"{label}#{id}"`. Syntax
/// errors end the file and are located at `"{label}:LINE"`; a record without
/// text is an error at its own label and reading goes on.
pub fn read_json_reader(
    label: &str,
    reader: impl BufRead,
    opts: &ReadOptions,
    sink: &mut dyn FnMut(Event),
) {
    let exceeded = Rc::new(Cell::new(false));
    let mut reader = CappedReader {
        inner: reader,
        remaining: opts.max_total_bytes,
        exceeded: Rc::clone(&exceeded),
    };
    let first = match first_significant_byte(&mut reader) {
        Ok(first) => first,
        Err(error) => {
            sink(Event::Error(InputError::from_io(label, error)));
            return;
        }
    };
    let emit = |sink: &mut dyn FnMut(Event), index: Option<usize>, value: Value| {
        let fallback = match index {
            Some(index) => format!("{label}[{index}]"),
            None => label.to_owned(),
        };
        let location = fallback.clone();
        sink(
            match document_from_value(value, label, fallback, Format::Json, opts, Vec::new()) {
                Ok(document) => Event::Document(document),
                Err(kind) => Event::Error(InputError::new(location, kind)),
            },
        );
    };
    let failure = |error: serde_json::Error| {
        if exceeded.get() {
            InputError::new(
                label,
                ErrorKind::TooLarge {
                    what: "input",
                    limit: opts.max_total_bytes,
                    option: "max_total_bytes",
                },
            )
        } else if error.line() > 0 {
            InputError::new(
                format!("{label}:{}", error.line()),
                ErrorKind::Malformed(json_message(&error, false)),
            )
        } else {
            InputError::new(label, ErrorKind::Malformed(json_message(&error, false)))
        }
    };
    match first {
        None => sink(Event::Error(InputError::new(label, ErrorKind::Empty))),
        Some(b'[') => {
            let mut deserializer = serde_json::Deserializer::from_reader(reader);
            let mut on_element = |index: usize, value: Value| emit(sink, Some(index), value);
            let result = (&mut deserializer)
                .deserialize_seq(EachElement {
                    on_element: &mut on_element,
                })
                .and_then(|_| deserializer.end());
            if let Err(error) = result {
                sink(Event::Error(failure(error)));
            }
        }
        Some(_) => {
            // Hold one record back: a file of exactly one object is labelled
            // by its path alone, which is only known once the next one is seen.
            let stream = serde_json::Deserializer::from_reader(reader).into_iter::<Value>();
            let mut pending: Option<Value> = None;
            let mut count = 0usize;
            for item in stream {
                match item {
                    Ok(value) => {
                        if let Some(previous) = pending.replace(value) {
                            emit(sink, Some(count - 1), previous);
                        }
                        count += 1;
                    }
                    Err(error) => {
                        if let Some(previous) = pending.take() {
                            emit(sink, Some(count - 1), previous);
                        }
                        sink(Event::Error(failure(error)));
                        return;
                    }
                }
            }
            if let Some(last) = pending {
                emit(sink, (count > 1).then(|| count - 1), last);
            }
        }
    }
}

/// The first byte that is not whitespace or a byte order mark, left unread.
fn first_significant_byte(reader: &mut impl BufRead) -> io::Result<Option<u8>> {
    loop {
        let available = match reader.fill_buf() {
            Ok(available) => available,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        let Some(&first) = available.first() else {
            return Ok(None);
        };
        if first.is_ascii_whitespace() {
            reader.consume(1);
        } else if available.starts_with(b"\xef\xbb\xbf") {
            reader.consume(3);
        } else {
            return Ok(Some(first));
        }
    }
}

/// Visits a JSON array, handing each element over as soon as it is parsed.
struct EachElement<'a> {
    /// Called with each element's index and value.
    on_element: &'a mut dyn FnMut(usize, Value),
}

impl<'de> Visitor<'de> for EachElement<'_> {
    type Value = usize;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("an array of article objects")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<usize, A::Error> {
        let mut count = 0;
        while let Some(value) = seq.next_element::<Value>()? {
            (self.on_element)(count, value);
            count += 1;
        }
        Ok(count)
    }
}

/// A reader that fails once more than `remaining` bytes are asked of it,
/// noting the failure in `exceeded` so that it can be told from other errors.
struct CappedReader<R> {
    /// The stream.
    inner: R,
    /// Bytes still allowed.
    remaining: u64,
    /// Set when the cap was hit.
    exceeded: Rc<Cell<bool>>,
}

impl<R: BufRead> Read for CappedReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(buf.len());
        if let (Some(target), Some(source)) = (buf.get_mut(..n), available.get(..n)) {
            target.copy_from_slice(source);
        }
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for CappedReader<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        let available = self.inner.fill_buf()?;
        if self.remaining == 0 && !available.is_empty() {
            self.exceeded.set(true);
            return Err(io::Error::other("input exceeds max_total_bytes"));
        }
        let allowed = usize::try_from(self.remaining).unwrap_or(usize::MAX);
        Ok(available.get(..allowed).unwrap_or(available))
    }

    fn consume(&mut self, amount: usize) {
        self.inner.consume(amount);
        self.remaining = self
            .remaining
            .saturating_sub(u64::try_from(amount).unwrap_or(u64::MAX));
    }
}
