//! The tantivy schema of the statement index, its version, and how statement
//! values are normalised into index terms.

use chrono::NaiveDate;
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, NumericOptions, STORED, STRING, Schema,
    TextFieldIndexing, TextOptions,
};

/// Version of the schema below. Bump it whenever a field is added, removed or
/// indexed differently, so that an old index on disk is rejected with a
/// request to rebuild it rather than silently giving wrong results.
pub const SCHEMA_VERSION: u32 = 1;

/// Tokenizer of the statement text: lowercasing plus English stemming, so that
/// "sanction" also finds "sanctions".
const TEXT_TOKENIZER: &str = "en_stem";

/// Tokenizer of the speaker field: names are not stemmed.
const SPEAKER_TOKENIZER: &str = "default";

/// Handles to every field of the schema.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fields {
    pub(crate) id: Field,
    pub(crate) text: Field,
    pub(crate) speaker: Field,
    pub(crate) speaker_id: Field,
    pub(crate) speaker_country: Field,
    pub(crate) countries: Field,
    pub(crate) topics: Field,
    pub(crate) act: Field,
    pub(crate) kind: Field,
    pub(crate) date: Field,
}

/// Builds the schema and returns it with its field handles.
pub(crate) fn build_schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let text_options = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(TEXT_TOKENIZER)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
        .set_stored();
    let speaker_options = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(SPEAKER_TOKENIZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let id_options: NumericOptions = NumericOptions::from(INDEXED) | FAST | STORED;
    let fast_indexed: NumericOptions = NumericOptions::from(INDEXED) | FAST;
    let fields = Fields {
        id: builder.add_u64_field("id", id_options),
        text: builder.add_text_field("text", text_options),
        speaker: builder.add_text_field("speaker", speaker_options),
        speaker_id: builder.add_u64_field("speaker_id", fast_indexed.clone()),
        speaker_country: builder.add_text_field("speaker_country", STRING),
        countries: builder.add_text_field("countries", STRING),
        topics: builder.add_text_field("topics", STRING),
        act: builder.add_text_field("act", STRING),
        kind: builder.add_text_field("kind", STRING),
        date: builder.add_i64_field("date", fast_indexed),
    };
    (builder.build(), fields)
}

/// The index term of a country or organisation code: codes are uppercase
/// ("CN", "EU") whatever the caller typed.
pub(crate) fn country_term(code: &str) -> String {
    code.trim().to_ascii_uppercase()
}

/// The index term of a topic id: ids are lowercase ("trade").
pub(crate) fn topic_term(topic: &str) -> String {
    topic.trim().to_ascii_lowercase()
}

/// The `date` field value: days since 1970-01-01 (negative before it).
pub(crate) fn date_term(date: NaiveDate) -> i64 {
    i64::from(date.to_epoch_days())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_count_days_from_the_epoch() {
        let check = |date: NaiveDate, expected: i64| assert_eq!(date_term(date), expected);
        check(NaiveDate::from_ymd_opt(1970, 1, 1).unwrap(), 0);
        check(NaiveDate::from_ymd_opt(1970, 1, 2).unwrap(), 1);
        check(NaiveDate::from_ymd_opt(1969, 12, 31).unwrap(), -1);
        check(NaiveDate::from_ymd_opt(2024, 7, 27).unwrap(), 19931);
    }

    #[test]
    fn codes_and_topics_are_normalised() {
        assert_eq!(country_term(" cn "), "CN");
        assert_eq!(topic_term("Trade"), "trade");
    }
}
