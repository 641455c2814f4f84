//! Publication dates as inputs write them: ISO 8601 / RFC 3339, RFC 2822,
//! and English month-name forms ("July 26, 2024", "26 July 2024").

use chrono::{DateTime, Datelike, NaiveDate};

/// Parses a publication date; a time of day after it is allowed and ignored. For a
/// timestamp with an offset the date is the one written, in the writer's zone.
/// Years outside 1800..=2200 are refused: they come from misreading text
/// such as "July 2024" (day 20, year 24), not from news.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    parse_any_date(text).filter(|date| (1800..=2200).contains(&date.year()))
}

/// A date written into a path or URL, as news sites and archives do:
/// `2024-07-26`, `2024_07_26` or `2024/07/26` (the last match wins, since
/// folders come before file names). The digits must not be part of a longer
/// number, and the date must be plausible for news (1990..=2100).
pub fn date_in_path(path: &str) -> Option<NaiveDate> {
    let bytes = path.as_bytes();
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        let slice = bytes.get(range)?;
        if !slice.iter().all(u8::is_ascii_digit) {
            return None;
        }
        std::str::from_utf8(slice).ok()?.parse().ok()
    };
    let mut found = None;
    for start in 0..bytes.len().saturating_sub(9) {
        if start > 0 && bytes[start - 1].is_ascii_digit() {
            continue;
        }
        let sep = bytes[start + 4];
        if !matches!(sep, b'-' | b'_' | b'/') || bytes[start + 7] != sep {
            continue;
        }
        if bytes.get(start + 10).is_some_and(u8::is_ascii_digit) {
            continue;
        }
        let (Some(y), Some(m), Some(d)) = (
            digits(start..start + 4),
            digits(start + 5..start + 7),
            digits(start + 8..start + 10),
        ) else {
            continue;
        };
        let Ok(year) = i32::try_from(y) else { continue };
        if let Some(date) = NaiveDate::from_ymd_opt(year, m, d)
            && (1990..=2100).contains(&year)
        {
            found = Some(date);
        }
    }
    found
}

/// [`parse_date`] without the plausibility check.
fn parse_any_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    if let Some(date) = iso_prefix(text) {
        return Some(date);
    }
    if let Ok(stamp) = DateTime::parse_from_rfc2822(text) {
        return Some(stamp.date_naive());
    }
    // "Jul. 26, 2024" and "Friday, July 26, 2024" are common in news pages.
    let cleaned = text.replace('.', "");
    let cleaned = strip_weekday(&cleaned);
    const FORMATS: &[&str] = &["%B %d, %Y", "%B %d %Y", "%d %B %Y", "%d %B, %Y", "%Y/%m/%d"];
    FORMATS.iter().find_map(|format| {
        let (date, rest) = NaiveDate::parse_and_remainder(cleaned, format).ok()?;
        let rest_is_time = rest.is_empty() || rest.starts_with([' ', ',', 'T']);
        rest_is_time.then_some(date)
    })
}

/// `YYYY-MM-DD` alone or followed by a time (`T...` or ` ...`).
fn iso_prefix(text: &str) -> Option<NaiveDate> {
    let day = text.get(..10)?;
    let rest = text.get(10..)?;
    if !(rest.is_empty() || rest.starts_with(['T', 't', ' '])) {
        return None;
    }
    NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()
}

/// Drops a leading weekday name and its comma ("Friday, ").
fn strip_weekday(text: &str) -> &str {
    const DAYS: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
    ];
    let Some((first, rest)) = text.split_once(',') else {
        return text;
    };
    if DAYS.contains(&first.trim().to_ascii_lowercase().as_str()) {
        rest.trim_start()
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: Option<&str>) {
        let expected = expected.map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap());
        assert_eq!(parse_date(text), expected, "{text:?}");
    }

    #[test]
    fn dates_in_paths_and_urls() {
        let cases = [
            ("samples/2024-07-26-talks.txt", Some("2024-07-26")),
            (
                "https://news.example/asia/2024/07/26/talks",
                Some("2024-07-26"),
            ),
            ("crawl/2023_12_01/page.html", Some("2023-12-01")),
            ("2020-01-01/2024-02-29-late.txt", Some("2024-02-29")),
            ("ids/120240-07-2611.txt", None),
            ("2024-13-40-not-a-date.txt", None),
            ("1850-01-01-archive.txt", None),
            ("2024-07/26", None),
            ("é2024-07-26é", Some("2024-07-26")),
            ("", None),
        ];
        for (path, expected) in cases {
            let expected = expected.map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap());
            assert_eq!(date_in_path(path), expected, "{path:?}");
        }
    }

    #[test]
    fn accepts_the_documented_forms() {
        check("2024-07-26", Some("2024-07-26"));
        check(" 2024-07-26 ", Some("2024-07-26"));
        check("2024-07-26T23:30:00+09:00", Some("2024-07-26"));
        check("2024-07-26T10:00:00Z", Some("2024-07-26"));
        check("2024-07-26 10:00", Some("2024-07-26"));
        check("July 26, 2024", Some("2024-07-26"));
        check("Jul 26, 2024", Some("2024-07-26"));
        check("Jul. 6, 2024", Some("2024-07-06"));
        check("July 26 2024", Some("2024-07-26"));
        check("26 July 2024", Some("2024-07-26"));
        check("26 Jul 2024 09:15 GMT", Some("2024-07-26"));
        check("Friday, July 26, 2024", Some("2024-07-26"));
        check("Fri, 26 Jul 2024 10:00:00 +0000", Some("2024-07-26"));
        check("2024/07/26", Some("2024-07-26"));
    }

    #[test]
    fn rejects_other_text() {
        check("", None);
        check("yesterday", None);
        check("2024-13-01", None);
        check("2024-07-26x", None);
        check("July 2024", None);
        check("0999-01-01", None);
        check("Talks in Vientiane", None);
        check("é", None);
    }
}
