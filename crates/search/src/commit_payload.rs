//! The JSON payload stored with every commit: the store watermark the commit
//! covers and the schema version that wrote it.

use serde_json::{Value, json};

use crate::schema::SCHEMA_VERSION;
use crate::{Error, Result};

/// What a commit records, as `{"watermark":123,"schema":1}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CommitPayload {
    /// Highest statement id the commit covers.
    pub(crate) watermark: i64,
    /// Schema version of the writer.
    pub(crate) schema: u32,
}

impl CommitPayload {
    /// The payload a commit of this program writes.
    pub(crate) fn current(watermark: i64) -> CommitPayload {
        CommitPayload {
            watermark,
            schema: SCHEMA_VERSION,
        }
    }

    /// Serialises the payload.
    pub(crate) fn to_json(self) -> String {
        json!({ "watermark": self.watermark, "schema": self.schema }).to_string()
    }

    /// Parses a payload written by [`CommitPayload::to_json`].
    pub(crate) fn parse(text: &str) -> Result<CommitPayload> {
        let value: Value =
            serde_json::from_str(text).map_err(|error| Error::Payload(error.to_string()))?;
        let watermark = value
            .get("watermark")
            .and_then(Value::as_i64)
            .ok_or_else(|| Error::Payload(format!("no integer \"watermark\" in {text}")))?;
        let schema = value
            .get("schema")
            .and_then(Value::as_u64)
            .and_then(|v| u32::try_from(v).ok())
            .ok_or_else(|| Error::Payload(format!("no integer \"schema\" in {text}")))?;
        Ok(CommitPayload { watermark, schema })
    }

    /// The payload of the last commit of `index`, read from disk, or `None`
    /// when nothing was committed yet.
    pub(crate) fn read(index: &tantivy::Index) -> Result<Option<CommitPayload>> {
        let metas = index.load_metas()?;
        metas
            .payload
            .as_deref()
            .map(CommitPayload::parse)
            .transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payload_round_trips_through_json() {
        let payload = CommitPayload::current(123);
        let json = payload.to_json();
        assert!(json.contains(r#""watermark":123"#), "{json}");
        assert!(json.contains(r#""schema":1"#), "{json}");
        assert_eq!(CommitPayload::parse(&payload.to_json()).unwrap(), payload);
    }

    #[test]
    fn malformed_payloads_are_errors() {
        for text in [
            "",
            "{}",
            r#"{"watermark":"x","schema":1}"#,
            r#"{"watermark":1}"#,
        ] {
            assert!(
                matches!(CommitPayload::parse(text), Err(Error::Payload(_))),
                "{text}"
            );
        }
    }
}
