//! How model values are encoded in SQLite columns and decoded back: dates,
//! enum names, split-quote offsets and the content fingerprint.

use chrono::{Datelike, NaiveDate};
use demarche_core::Span;

use crate::{Error, Result};

/// `YYYY-MM-DD`, the text form that sorts in date order.
pub(crate) fn date_to_text(date: NaiveDate) -> String {
    let year = date.year();
    if (0..=9999).contains(&year) {
        format!("{year:04}-{:02}-{:02}", date.month(), date.day())
    } else {
        // Years outside 0..=9999 cannot sort as plain text either way; keep
        // chrono's own form so that they still read back.
        date.format("%Y-%m-%d").to_string()
    }
}

/// Parses a stored date, naming `what` in the error.
pub(crate) fn date_from_text(text: Option<String>, what: &str) -> Result<Option<NaiveDate>> {
    match text {
        None => Ok(None),
        Some(t) => t
            .parse::<NaiveDate>()
            .map(Some)
            .map_err(|_| Error::Corrupt(format!("{what}: {t:?} is not a date"))),
    }
}

/// Parses a stored enum name such as `"direct"`.
pub(crate) fn enum_from_text<T: std::str::FromStr>(text: &str, what: &str) -> Result<T> {
    text.parse::<T>()
        .map_err(|_| Error::Corrupt(format!("{what}: unknown value {text:?}")))
}

/// The offsets of split-quote pieces as JSON `[[start, end], ...]`; the
/// texts are not stored because they are rebuilt from the body.
pub(crate) fn parts_to_json(parts: &[Span]) -> String {
    let pairs: Vec<[usize; 2]> = parts.iter().map(|p| [p.start, p.end]).collect();
    // Serialising plain integers cannot fail; fall back to an empty list.
    serde_json::to_string(&pairs).unwrap_or_else(|_| "[]".to_owned())
}

/// Parses stored split-quote offsets.
pub(crate) fn parts_from_json(json: &str, what: &str) -> Result<Vec<[usize; 2]>> {
    serde_json::from_str(json)
        .map_err(|e| Error::Corrupt(format!("{what}: bad split-quote offsets: {e}")))
}

/// A JSON array of strings, or `None` for an empty list.
pub(crate) fn strings_to_json(items: &[String]) -> Option<String> {
    if items.is_empty() {
        None
    } else {
        serde_json::to_string(items).ok()
    }
}

/// Parses a stored JSON array of strings; `None` is the empty list.
pub(crate) fn strings_from_json(json: Option<&str>, what: &str) -> Result<Vec<String>> {
    match json {
        None => Ok(Vec::new()),
        Some(j) => serde_json::from_str(j)
            .map_err(|e| Error::Corrupt(format!("{what}: bad string list: {e}"))),
    }
}

/// FNV-1a 64-bit hash of the content bytes, stored as a signed integer.
/// The content text itself is not stored (it is rebuilt from the body), so
/// this is what lets `check` notice a body that changed under a statement.
pub(crate) fn fingerprint(bytes: &[u8]) -> i64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    i64::from_ne_bytes(hash.to_ne_bytes())
}

/// Reads a stored offset, which must be a non-negative integer.
pub(crate) fn offset(value: i64, what: &str) -> Result<usize> {
    usize::try_from(value).map_err(|_| Error::Corrupt(format!("{what}: negative offset {value}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip_through_text() {
        for (y, m, d, text) in [(2024, 7, 26, "2024-07-26"), (987, 1, 2, "0987-01-02")] {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            assert_eq!(date_to_text(date), text);
            assert_eq!(
                date_from_text(Some(text.to_owned()), "t").unwrap(),
                Some(date)
            );
        }
        assert!(date_from_text(Some("yesterday".into()), "t").is_err());
    }

    #[test]
    fn parts_round_trip_through_json() {
        let parts = vec![
            Span {
                start: 1,
                end: 4,
                text: "abc".into(),
            },
            Span {
                start: 9,
                end: 12,
                text: "xyz".into(),
            },
        ];
        let json = parts_to_json(&parts);
        assert_eq!(json, "[[1,4],[9,12]]");
        assert_eq!(parts_from_json(&json, "t").unwrap(), vec![[1, 4], [9, 12]]);
        assert!(parts_from_json("[[1]]", "t").is_err());
    }

    #[test]
    fn fingerprint_differs_for_different_text() {
        assert_ne!(fingerprint(b"We will"), fingerprint(b"We won't"));
        assert_eq!(fingerprint(b""), fingerprint(b""));
    }
}
