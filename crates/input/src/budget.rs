//! Byte budgets for archives: a counting reader that stops a stream once the
//! decompressed bytes of one archive pass `max_total_bytes`, and a gzip
//! wrapper whose errors say the data is truncated or corrupt. Both errors
//! travel inside [`io::Error`] and become [`crate::ErrorKind::TooLarge`] or
//! [`crate::ErrorKind::Corrupt`] wherever they are reported.

use std::cell::Cell;
use std::io::{self, Read};
use std::rc::Rc;

use crate::error::{CorruptStream, LimitExceeded};

/// The decompressed bytes one archive (with everything nested in it) may
/// yield, shared by every reader over it.
#[derive(Debug)]
pub(crate) struct Budget {
    /// Bytes still allowed.
    remaining: Cell<u64>,
    /// The limit, for messages.
    limit: u64,
    /// Set once the limit was passed.
    exceeded: Cell<bool>,
}

impl Budget {
    /// A budget of `limit` bytes (`ReadOptions::max_total_bytes`).
    pub(crate) fn new(limit: u64) -> Rc<Budget> {
        Rc::new(Budget {
            remaining: Cell::new(limit),
            limit,
            exceeded: Cell::new(false),
        })
    }

    /// Whether the budget is spent, so that the archive cannot be read further.
    pub(crate) fn exceeded(&self) -> bool {
        self.exceeded.get()
    }

    /// The error for a spent budget.
    pub(crate) fn limit_error(&self) -> LimitExceeded {
        LimitExceeded {
            what: "decompressed archive",
            limit: self.limit,
            option: "max_total_bytes",
        }
    }
}

/// A reader that charges every byte it yields to a [`Budget`].
pub(crate) struct Counted<R> {
    /// The stream.
    inner: R,
    /// The shared budget.
    budget: Rc<Budget>,
}

impl<R> Counted<R> {
    /// Charges `inner`'s bytes to `budget`.
    pub(crate) fn new(inner: R, budget: &Rc<Budget>) -> Counted<R> {
        Counted {
            inner,
            budget: Rc::clone(budget),
        }
    }
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.budget.exceeded.get() {
            return Err(io::Error::other(self.budget.limit_error()));
        }
        let read = self.inner.read(buf)?;
        let charged = u64::try_from(read).unwrap_or(u64::MAX);
        let remaining = self.budget.remaining.get();
        if charged > remaining {
            self.budget.remaining.set(0);
            self.budget.exceeded.set(true);
            return Err(io::Error::other(self.budget.limit_error()));
        }
        self.budget.remaining.set(remaining - charged);
        Ok(read)
    }
}

/// A decompressor whose failures are reported as truncated or corrupt data.
pub(crate) struct Decompressed<R> {
    /// The decoder.
    inner: R,
    /// "gzip".
    format: &'static str,
}

impl<R> Decompressed<R> {
    /// Wraps a decoder of `format` data.
    pub(crate) fn new(inner: R, format: &'static str) -> Decompressed<R> {
        Decompressed { inner, format }
    }
}

impl<R: Read> Read for Decompressed<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self.inner.read(buf) {
            Ok(read) => Ok(read),
            Err(error) if error.kind() == io::ErrorKind::Interrupted => Err(error),
            Err(error) => {
                // Errors of the stream under the decoder (a spent budget, a
                // failing disk) are passed on unchanged.
                let passes_through = error.get_ref().is_some_and(|inner| {
                    inner.is::<LimitExceeded>() || inner.is::<CorruptStream>()
                });
                if passes_through {
                    return Err(error);
                }
                let message = match error.kind() {
                    io::ErrorKind::UnexpectedEof => "unexpected end of file".to_owned(),
                    _ => error.to_string(),
                };
                Err(io::Error::new(
                    error.kind(),
                    CorruptStream {
                        format: self.format,
                        message,
                    },
                ))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counted_reader_stops_at_the_limit() {
        let budget = Budget::new(10);
        let mut first = Counted::new(&b"123456"[..], &budget);
        let mut out = Vec::new();
        first.read_to_end(&mut out).unwrap();
        let mut second = Counted::new(&b"abcdef"[..], &budget);
        let error = second.read_to_end(&mut out).unwrap_err();
        assert!(budget.exceeded());
        assert_eq!(
            error.to_string(),
            "decompressed archive is larger than the 10 bytes limit (max_total_bytes)"
        );
    }
}
