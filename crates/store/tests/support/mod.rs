//! Builders for the invented articles and statements the store tests use.

#![allow(dead_code)]

use chrono::NaiveDate;
use demarche_core::{Act, Article, Content, Kind, Span, Speaker, SpeakerKind, Statement};

/// A date from a literal `YYYY-MM-DD`.
pub fn date(text: &str) -> NaiveDate {
    text.parse().expect("test dates are valid")
}

/// An article with a publication date.
pub fn article(source: &str, published: Option<&str>, body: &str) -> Article {
    let mut article = Article::new(source, body);
    article.meta.published = published.map(date);
    article.meta.title = body.lines().next().map(str::to_owned);
    article
}

/// The span of the first occurrence of `needle` in `body`.
pub fn span(body: &str, needle: &str) -> Span {
    let start = body
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in body"));
    Span::of(body, start, start + needle.len()).expect("found text is on char boundaries")
}

/// A statement whose content is `content` in `body`, by a person named
/// `speaker` mentioned as `mention`; other fields take plain defaults.
pub fn statement(
    body: &str,
    content: &str,
    speaker: Option<&str>,
    mention: Option<&str>,
) -> Statement {
    let content = span(body, content);
    Statement {
        kind: Kind::Direct,
        text: content.text.clone(),
        content: Content::from_span(content),
        cue: None,
        speaker: Speaker {
            name: speaker.map(str::to_owned),
            mention: mention.map(|m| span(body, m)),
            title: None,
            organization: None,
            country: None,
            kind: if speaker.is_some() {
                SpeakerKind::Person
            } else {
                SpeakerKind::Unnamed
            },
            aliases: speaker.map(|s| vec![s.to_owned()]).unwrap_or_default(),
        },
        addressee: None,
        via: None,
        act: Act::Statement,
        topics: Vec::new(),
        countries: Vec::new(),
        date: None,
        confidence: 0.5,
    }
}
