//! JSON article records, shared by the JSONL and `.json` readers: which
//! fields mean what (`text`/`body`/`content`, `title`, `published`/`date`,
//! `url`, `source`/`outlet`, `id`) and how a record becomes a document.

use demarche_core::Article;
use serde_json::{Map, Value};

use crate::date::{date_in_path, parse_date};
use crate::decode::WINDOWS_1252_WARNING;
use crate::title::{clean_title, find_title};
use crate::{Document, ErrorKind, Format, ReadOptions};

/// Fields holding the article text, in order of preference.
const TEXT_FIELDS: &[&str] = &["text", "body", "content"];
/// Fields holding the publication date.
const DATE_FIELDS: &[&str] = &["published", "date", "published_at", "publication_date"];
/// Fields holding the canonical URL.
const URL_FIELDS: &[&str] = &["url", "link"];
/// Fields holding the outlet name.
const OUTLET_FIELDS: &[&str] = &["source", "outlet"];
/// Fields holding the record's own identifier.
const ID_FIELDS: &[&str] = &["id", "_id"];

/// Parses one JSONL line. A line that is not UTF-8 is decoded as
/// Windows-1252 and parsed again, with a warning, before giving up.
pub(crate) fn parse_line(line: &[u8]) -> Result<(Value, Vec<String>), ErrorKind> {
    match serde_json::from_slice(line) {
        Ok(value) => Ok((value, Vec::new())),
        Err(error) => {
            if std::str::from_utf8(line).is_err() {
                let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(line);
                if let Ok(value) = serde_json::from_str(&text) {
                    return Ok((value, vec![WINDOWS_1252_WARNING.to_owned()]));
                }
            }
            Err(ErrorKind::Malformed(json_message(&error, false)))
        }
    }
}

/// serde's message; the "at line L column C" it appends is reduced to the
/// column when the caller already names the line.
pub(crate) fn json_message(error: &serde_json::Error, keep_line: bool) -> String {
    let message = error.to_string();
    if keep_line || error.line() == 0 {
        return message;
    }
    match message.rfind(" at line ") {
        Some(at) => format!(
            "{} at column {}",
            message.get(..at).unwrap_or_default(),
            error.column()
        ),
        None => message,
    }
}

/// Turns a parsed record into a document. Its source label is
/// `"{base}#{id}"` when the record has an id, else `fallback_label`.
pub(crate) fn document_from_value(
    value: Value,
    base: &str,
    fallback_label: String,
    format: Format,
    opts: &ReadOptions,
    mut warnings: Vec<String>,
) -> Result<Document, ErrorKind> {
    let Value::Object(mut map) = value else {
        return Err(ErrorKind::NotAnObject(json_type_name(&value)));
    };
    let body = TEXT_FIELDS
        .iter()
        .find_map(|key| match map.remove(*key) {
            Some(Value::String(text)) if !text.trim().is_empty() => Some(text),
            _ => None,
        })
        .ok_or(ErrorKind::MissingText)?;
    let id = ID_FIELDS.iter().find_map(|key| match map.get(*key) {
        Some(Value::String(id)) if !id.trim().is_empty() => Some(id.trim().to_owned()),
        Some(Value::Number(number)) => Some(number.to_string()),
        _ => None,
    });
    let title = string_field(&map, &["title", "headline"])
        .and_then(clean_title)
        .or_else(|| find_title(&body));
    let published = match DATE_FIELDS.iter().find_map(|key| map.get(*key)) {
        None | Some(Value::Null) => None,
        Some(Value::String(raw)) if raw.trim().is_empty() => None,
        Some(Value::String(raw)) => {
            let date = parse_date(raw);
            if date.is_none() {
                warnings.push(format!("unrecognised date {raw:?}"));
            }
            date
        }
        Some(other) => {
            warnings.push(format!("unrecognised date {other}"));
            None
        }
    };
    let mut url = string_field(&map, URL_FIELDS).map(str::to_owned);
    let mut outlet = string_field(&map, OUTLET_FIELDS).map(str::to_owned);
    // Some dumps put the page address in `source`.
    if outlet.as_deref().is_some_and(looks_like_url) {
        if url.is_none() {
            url = outlet.take();
        } else {
            outlet = None;
        }
    }
    let label = match &id {
        Some(id) => format!("{base}#{id}"),
        None => fallback_label,
    };
    let mut article = Article::new(label, body);
    article.meta.title = title;
    article.meta.published = published
        .or_else(|| url.as_deref().and_then(date_in_path))
        .or(opts.published);
    article.meta.url = url;
    article.meta.outlet = outlet;
    article.meta.external_id = id;
    Ok(Document {
        article,
        format,
        container: None,
        author: None,
        warnings,
    })
}

/// The first of `keys` holding a non-empty string, trimmed.
fn string_field<'a>(map: &'a Map<String, Value>, keys: &[&str]) -> Option<&'a str> {
    keys.iter().find_map(|key| match map.get(*key) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim()),
        _ => None,
    })
}

/// Whether a string is an http(s) address.
fn looks_like_url(text: &str) -> bool {
    text.starts_with("http://") || text.starts_with("https://")
}

/// "an array", "a string", ... for error messages.
fn json_type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn document(value: Value) -> Result<Document, ErrorKind> {
        document_from_value(
            value,
            "d.jsonl",
            "d.jsonl:7".into(),
            Format::Jsonl,
            &ReadOptions::default(),
            Vec::new(),
        )
    }

    #[test]
    fn fields_and_their_alternatives() {
        let doc = document(json!({
            "content": "Envoys meet\nThey talked.", "date": "26 July 2024",
            "outlet": "Courier", "link": "https://news.example/e", "id": 42
        }))
        .unwrap();
        let meta = &doc.article.meta;
        assert_eq!(doc.article.body, "Envoys meet\nThey talked.");
        assert_eq!(meta.source, "d.jsonl#42");
        assert_eq!(meta.external_id.as_deref(), Some("42"));
        assert_eq!(meta.title.as_deref(), Some("Envoys meet"));
        assert_eq!(meta.published.unwrap().to_string(), "2024-07-26");
        assert_eq!(meta.outlet.as_deref(), Some("Courier"));
        assert_eq!(meta.url.as_deref(), Some("https://news.example/e"));

        let doc = document(json!({"text": " ", "body": "Body wins", "source": "https://news.example/s", "published": 5})).unwrap();
        assert_eq!(doc.article.body, "Body wins");
        assert_eq!(doc.article.meta.source, "d.jsonl:7");
        assert_eq!(
            doc.article.meta.url.as_deref(),
            Some("https://news.example/s")
        );
        assert_eq!(doc.article.meta.outlet, None);
        assert_eq!(doc.warnings, ["unrecognised date 5"]);
    }

    #[test]
    fn records_without_text_or_not_objects_are_errors() {
        let cases = [
            (
                json!({"title": "No body"}),
                "no text: expected a non-empty string in `text`, `body` or `content`",
            ),
            (
                json!({"text": {"nested": true}}),
                "no text: expected a non-empty string in `text`, `body` or `content`",
            ),
            (json!(["text"]), "expected a JSON object, found an array"),
            (json!("text"), "expected a JSON object, found a string"),
        ];
        for (value, expected) in cases {
            assert_eq!(document(value).unwrap_err().to_string(), expected);
        }
    }

    #[test]
    fn malformed_lines_name_the_column_and_windows_1252_lines_are_rescued() {
        let error = parse_line(b"{\"text\": }").unwrap_err();
        assert_eq!(
            error.to_string(),
            "invalid JSON: expected value at column 10"
        );
        let (value, warnings) = parse_line(b"{\"text\": \"\x93Hi\x94\"}").unwrap();
        assert_eq!(value, json!({"text": "\u{201c}Hi\u{201d}"}));
        assert_eq!(warnings.len(), 1);
    }
}
