//! The filter options shared by the query commands (`--speaker`, `--country`,
//! `--about`, `--topic`, `--act`, `--kind`, `--since`, `--until`) and their
//! translation into store and index queries.

use chrono::{Datelike, NaiveDate};
use clap::Args;
use demarche_core::gazetteer::Gazetteer;
use demarche_core::{Act, Kind};
use demarche_search::SearchQuery;
use demarche_store::StatementQuery;

use crate::failure::UsageError;

/// Filters on statements; every one given must hold.
#[derive(Debug, Clone, Default, Args)]
pub struct FilterArgs {
    /// Keep statements by this speaker (any name form: "Wang Yi", "Wang").
    #[arg(long, value_name = "NAME")]
    pub speaker: Option<String>,
    /// Keep statements whose speaker is from this country (code or name: JP, Japan).
    #[arg(long, value_name = "CC", value_parser = parse_country)]
    pub country: Option<String>,
    /// Keep statements that mention this country (code or name).
    #[arg(long, value_name = "CC", value_parser = parse_country)]
    pub about: Option<String>,
    /// Keep statements on this topic (see `demarche topics --all`).
    #[arg(long, value_name = "TOPIC", value_parser = parse_topic)]
    pub topic: Option<String>,
    /// Keep statements of this speech act (statement, appeal, criticism, ...).
    #[arg(long, value_name = "ACT", value_parser = parse_act)]
    pub act: Option<Act>,
    /// Keep direct, indirect or mixed statements only.
    #[arg(long, value_name = "KIND", value_parser = parse_kind)]
    pub kind: Option<Kind>,
    /// Keep statements made on or after this date (YYYY-MM-DD, YYYY-MM or YYYY).
    #[arg(long, value_name = "DATE", value_parser = parse_since)]
    pub since: Option<NaiveDate>,
    /// Keep statements made on or before this date (YYYY-MM-DD, YYYY-MM or YYYY).
    #[arg(long, value_name = "DATE", value_parser = parse_until)]
    pub until: Option<NaiveDate>,
}

impl FilterArgs {
    /// Rejects contradictory combinations clap cannot see one at a time.
    pub fn validate(&self) -> Result<(), UsageError> {
        if let (Some(since), Some(until)) = (self.since, self.until)
            && since > until
        {
            return Err(UsageError(format!(
                "--since {since} is after --until {until}: no statement can match"
            )));
        }
        Ok(())
    }

    /// The store query for these filters.
    pub fn statement_query(&self, limit: Option<usize>) -> StatementQuery {
        StatementQuery {
            speaker: self.speaker.clone(),
            speaker_country: self.country.clone(),
            about: self.about.clone(),
            topic: self.topic.clone(),
            act: self.act,
            kind: self.kind,
            since: self.since,
            until: self.until,
            limit,
            ..StatementQuery::default()
        }
    }

    /// The index query for these filters; `speaker_ids` comes from resolving
    /// `--speaker` in the store, which knows every alias.
    pub fn search_query(
        &self,
        text: &str,
        speaker_ids: Option<Vec<i64>>,
        limit: usize,
    ) -> SearchQuery {
        SearchQuery {
            text: text.to_owned(),
            speaker_ids,
            speaker_country: self.country.clone(),
            about: self.about.clone(),
            topic: self.topic.clone(),
            act: self.act,
            kind: self.kind,
            since: self.since,
            until: self.until,
            limit,
        }
    }
}

/// A country code or name ("JP", "Japan", "japanese") to the code stored
/// with statements.
pub fn parse_country(value: &str) -> Result<String, String> {
    Gazetteer::get().resolve_code(value).ok_or_else(|| {
        let gazetteer = Gazetteer::get();
        let mut codes: Vec<&str> = gazetteer
            .countries()
            .iter()
            .map(|c| c.code.as_str())
            .collect();
        codes.extend(gazetteer.organizations().iter().map(|o| o.code.as_str()));
        format!(
            "unknown country {value:?}; use a code or a name such as JP or Japan (known codes: {})",
            codes.join(", ")
        )
    })
}

/// A topic id (or its label, case-insensitive) to the taxonomy id.
pub fn parse_topic(value: &str) -> Result<String, String> {
    let wanted = value.trim();
    let topics = Gazetteer::get().topics();
    topics
        .iter()
        .find(|t| t.id.eq_ignore_ascii_case(wanted) || t.label.eq_ignore_ascii_case(wanted))
        .map(|t| t.id.clone())
        .ok_or_else(|| unknown_value("topic", value, topics.iter().map(|t| t.id.as_str())))
}

/// A speech act name.
pub fn parse_act(value: &str) -> Result<Act, String> {
    value
        .parse::<Act>()
        .map_err(|_| unknown_value("act", value, Act::ALL.iter().map(|a| a.as_str())))
}

/// A statement kind name.
pub fn parse_kind(value: &str) -> Result<Kind, String> {
    value
        .parse::<Kind>()
        .map_err(|_| unknown_value("kind", value, Kind::ALL.iter().map(|k| k.as_str())))
}

/// The usage message for a value outside a closed set, listing the set.
fn unknown_value<'a>(what: &str, value: &str, expected: impl Iterator<Item = &'a str>) -> String {
    let expected: Vec<&str> = expected.collect();
    format!(
        "unknown {what} {value:?}; expected one of: {}",
        expected.join(", ")
    )
}

/// Which end of a partial date's period to take.
#[derive(Clone, Copy)]
enum PeriodEnd {
    Start,
    End,
}

/// A `--since` date: a partial date means the start of its period.
pub fn parse_since(value: &str) -> Result<NaiveDate, String> {
    parse_date(value, PeriodEnd::Start)
}

/// An `--until` date: a partial date means the end of its period.
pub fn parse_until(value: &str) -> Result<NaiveDate, String> {
    parse_date(value, PeriodEnd::End)
}

/// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
pub fn parse_exact_date(value: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d")
        .map_err(|_| format!("invalid date {value:?}; expected YYYY-MM-DD"))
}

fn parse_date(value: &str, end: PeriodEnd) -> Result<NaiveDate, String> {
    let invalid = || format!("invalid date {value:?}; expected YYYY-MM-DD, YYYY-MM or YYYY");
    let trimmed = value.trim();
    let pieces: Vec<&str> = trimmed.split('-').collect();
    let number = |s: &str, len: usize| -> Option<u32> {
        if s.len() == len && s.bytes().all(|b| b.is_ascii_digit()) {
            s.parse().ok()
        } else {
            None
        }
    };
    match pieces.as_slice() {
        [year, month, day] => {
            let (y, m, d) = (number(year, 4), number(month, 2), number(day, 2));
            match (y, m, d) {
                (Some(y), Some(m), Some(d)) => {
                    NaiveDate::from_ymd_opt(i32::try_from(y).map_err(|_| invalid())?, m, d)
                        .ok_or_else(invalid)
                }
                _ => Err(invalid()),
            }
        }
        [year, month] => {
            let (Some(y), Some(m)) = (number(year, 4), number(month, 2)) else {
                return Err(invalid());
            };
            let y = i32::try_from(y).map_err(|_| invalid())?;
            let first = NaiveDate::from_ymd_opt(y, m, 1).ok_or_else(invalid)?;
            match end {
                PeriodEnd::Start => Ok(first),
                PeriodEnd::End => last_day_of_month(first).ok_or_else(invalid),
            }
        }
        [year] => {
            let y = number(year, 4).ok_or_else(invalid)?;
            let y = i32::try_from(y).map_err(|_| invalid())?;
            let date = match end {
                PeriodEnd::Start => NaiveDate::from_ymd_opt(y, 1, 1),
                PeriodEnd::End => NaiveDate::from_ymd_opt(y, 12, 31),
            };
            date.ok_or_else(invalid)
        }
        _ => Err(invalid()),
    }
}

fn last_day_of_month(first: NaiveDate) -> Option<NaiveDate> {
    let (y, m) = if first.month() == 12 {
        (first.year() + 1, 1)
    } else {
        (first.year(), first.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)?.pred_opt()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn partial_dates_cover_their_period() {
        let cases = [
            ("2024-07-26", "2024-07-26", "2024-07-26"),
            ("2024-02", "2024-02-01", "2024-02-29"),
            ("2023-12", "2023-12-01", "2023-12-31"),
            ("2024", "2024-01-01", "2024-12-31"),
        ];
        for (input, since, until) in cases {
            assert_eq!(parse_since(input).unwrap(), date(since), "{input}");
            assert_eq!(parse_until(input).unwrap(), date(until), "{input}");
        }
    }

    #[test]
    fn malformed_dates_are_rejected() {
        for input in [
            "",
            "24",
            "2024-13",
            "2024-02-30",
            "2024/07/26",
            "july",
            "2024-7-1",
        ] {
            assert!(parse_since(input).is_err(), "{input}");
        }
    }

    #[test]
    fn countries_resolve_from_codes_and_names() {
        for input in ["JP", "jp", "Japan", "japanese"] {
            assert_eq!(parse_country(input).unwrap(), "JP", "{input}");
        }
        let err = parse_country("Atlantis").unwrap_err();
        assert!(err.contains("JP"), "{err}");
    }

    #[test]
    fn unknown_values_list_the_valid_ones() {
        assert!(parse_act("shouting").unwrap_err().contains("appeal"));
        assert!(parse_kind("loud").unwrap_err().contains("indirect"));
        assert!(parse_topic("gardening").unwrap_err().contains("trade"));
        assert_eq!(parse_topic("Trade").unwrap(), "trade");
    }

    #[test]
    fn reversed_date_range_is_a_usage_error() {
        let filters = FilterArgs {
            since: Some(date("2024-02-01")),
            until: Some(date("2024-01-01")),
            ..FilterArgs::default()
        };
        assert!(filters.validate().is_err());
    }
}
