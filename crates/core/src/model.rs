//! The data model: articles, statements and their parts, as promised by the
//! statement JSON contract (`docs/statement-json.md` of the product brief).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fmt;
use std::str::FromStr;

use crate::Error;

/// A half-open byte range `[start, end)` of an article body with the text it
/// covers. Invariant: `body[start..end] == text`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The exact text of `body[start..end]`.
    pub text: String,
}

impl Span {
    /// Builds the span `[start, end)` of `body`, or `None` when the range is
    /// out of bounds or does not fall on character boundaries.
    pub fn of(body: &str, start: usize, end: usize) -> Option<Span> {
        body.get(start..end).map(|text| Span {
            start,
            end,
            text: text.to_owned(),
        })
    }

    /// Whether `body[start..end]` is exactly `text`.
    pub fn is_valid_in(&self, body: &str) -> bool {
        body.get(self.start..self.end) == Some(self.text.as_str())
    }
}

/// What was said: a contiguous span, or several pieces of a quote that the
/// attribution interrupts (`parts`). With parts, `start..end` runs from the
/// first piece's start to the last piece's end.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Content {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// `body[start..end]`.
    pub text: String,
    /// The pieces of a split quote, in order; `None` when contiguous.
    #[serde(default)]
    pub parts: Option<Vec<Span>>,
}

impl Content {
    /// A contiguous content.
    pub fn from_span(span: Span) -> Content {
        Content {
            start: span.start,
            end: span.end,
            text: span.text,
            parts: None,
        }
    }

    /// The statement text: the pieces joined by one space, or the whole text.
    pub fn joined_text(&self) -> String {
        match &self.parts {
            Some(parts) if !parts.is_empty() => parts
                .iter()
                .map(|p| p.text.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            _ => self.text.clone(),
        }
    }

    /// Whether every span of the content matches `body`.
    pub fn is_valid_in(&self, body: &str) -> bool {
        body.get(self.start..self.end) == Some(self.text.as_str())
            && self
                .parts
                .as_ref()
                .is_none_or(|ps| ps.iter().all(|p| p.is_valid_in(body)))
    }
}

macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $s:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "lowercase")]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The lowercase name used in JSON, SQL and on the command line.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $s),+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = Error;
            fn from_str(s: &str) -> Result<Self, Error> {
                let lower = s.trim().to_ascii_lowercase();
                $(if lower == $s { return Ok($name::$variant); })+
                Err(Error::UnknownValue {
                    what: stringify!($name),
                    value: s.to_owned(),
                    expected: vec![$($s),+].join(", "),
                })
            }
        }
    };
}

string_enum! {
    /// How the content is rendered: verbatim, paraphrased, or both.
    Kind {
        /// A verbatim quotation inside quotation marks.
        Direct => "direct",
        /// Reported speech: a paraphrase without quotation marks.
        Indirect => "indirect",
        /// A paraphrase that embeds a quoted fragment.
        Mixed => "mixed",
    }
}

string_enum! {
    /// The speech act, a closed set close to CAMEO/PLOVER verbal categories.
    Act {
        /// Neutral statement: said, told, noted.
        Statement => "statement",
        /// Urged, called for, asked.
        Appeal => "appeal",
        /// Demanded, insisted.
        Demand => "demand",
        /// Criticised, condemned, accused.
        Criticism => "criticism",
        /// Rejected, denied, dismissed.
        Rejection => "rejection",
        /// Pledged, promised, vowed, agreed.
        Commitment => "commitment",
        /// Warned, threatened, cautioned.
        Warning => "warning",
        /// Praised, welcomed, hailed.
        Praise => "praise",
        /// Proposed, suggested, offered, invited.
        Proposal => "proposal",
    }
}

string_enum! {
    /// What sort of entity a speaker is.
    SpeakerKind {
        /// A named or described person.
        Person => "person",
        /// A government body, company, party or other organisation.
        Organization => "organization",
        /// Several people spoken of together ("the two ministers").
        Group => "group",
        /// An unnamed source ("a source", "officials").
        Unnamed => "unnamed",
    }
}

/// Who made a statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    /// Canonical name after coreference ("Wang Yi"); `None` if unattributed.
    pub name: Option<String>,
    /// The words that cue this speaker at this statement (may be a pronoun).
    pub mention: Option<Span>,
    /// Title or role ("Foreign Minister").
    pub title: Option<String>,
    /// Organisation the speaker speaks for.
    pub organization: Option<String>,
    /// ISO 3166-1 alpha-2 code of the speaker's country.
    pub country: Option<String>,
    /// Person, organisation, group or unnamed source.
    #[serde(default = "default_speaker_kind")]
    pub kind: SpeakerKind,
    /// Every form under which this speaker appears in the article
    /// ("Chinese Foreign Minister Wang Yi", "Wang", ...), canonical name first.
    #[serde(default)]
    pub aliases: Vec<String>,
}

fn default_speaker_kind() -> SpeakerKind {
    SpeakerKind::Person
}

impl Speaker {
    /// A speaker nobody could be found for.
    pub fn unattributed() -> Speaker {
        Speaker {
            name: None,
            mention: None,
            title: None,
            organization: None,
            country: None,
            kind: SpeakerKind::Unnamed,
            aliases: Vec::new(),
        }
    }
}

/// To whom a statement was addressed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Addressee {
    /// Canonical name ("Yoko Kamikawa"), or a description ("reporters").
    pub name: Option<String>,
    /// ISO 3166-1 alpha-2 code.
    pub country: Option<String>,
}

/// One attributed statement found in an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    /// Direct, indirect or mixed.
    pub kind: Kind,
    /// The statement text (pieces of a split quote joined by one space).
    pub text: String,
    /// Where the content is in the article.
    pub content: Content,
    /// The reporting cue ("told", "according to"); `None` if none.
    pub cue: Option<Span>,
    /// Who said it.
    pub speaker: Speaker,
    /// To whom, if the text says.
    pub addressee: Option<Addressee>,
    /// The channel ("Chinese Ministry of Foreign Affairs"), if any.
    pub via: Option<String>,
    /// The speech act.
    pub act: Act,
    /// Topic ids from the taxonomy.
    pub topics: Vec<String>,
    /// Countries involved (speaker's, addressee's, mentioned), ISO alpha-2.
    pub countries: Vec<String>,
    /// When it was said, else the article date, else `None`.
    pub date: Option<NaiveDate>,
    /// The extractor's own estimate that the statement is right, 0..1.
    pub confidence: f32,
}

/// What is known about an article besides its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ArticleMeta {
    /// Where it came from: a path, `archive!member`, or a URL.
    pub source: String,
    /// The headline.
    pub title: Option<String>,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// Hex SHA-256 of the body.
    pub content_hash: String,
    /// Canonical URL, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Outlet name, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// The input's own identifier, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
}

/// An article: metadata and the exact body text all offsets refer to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// Metadata.
    pub meta: ArticleMeta,
    /// The body; for a `.txt` input, the whole file, title line included.
    pub body: String,
}

impl Article {
    /// An article from its source label and body; computes the content hash.
    pub fn new(source: impl Into<String>, body: impl Into<String>) -> Article {
        let body = body.into();
        Article {
            meta: ArticleMeta {
                source: source.into(),
                content_hash: content_hash(&body),
                ..ArticleMeta::default()
            },
            body,
        }
    }
}

/// Hex SHA-256 of a body, the key used to de-duplicate articles.
pub fn content_hash(body: &str) -> String {
    let digest = Sha256::digest(body.as_bytes());
    let mut hex = String::with_capacity(64);
    for byte in digest {
        use std::fmt::Write;
        let _ = write!(hex, "{byte:02x}");
    }
    hex
}

/// One article's extraction result as `demarche extract` prints it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExtractedArticle {
    /// The article's metadata.
    pub article: ArticleMeta,
    /// The statements found, in text order.
    pub statements: Vec<Statement>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_of_checks_bounds_and_char_boundaries() {
        let body = "Kamikawa said “yes”.";
        let s = Span::of(body, 0, 8).unwrap();
        assert_eq!(s.text, "Kamikawa");
        assert!(s.is_valid_in(body));
        // Byte 15 is inside the three-byte opening quote.
        assert!(Span::of(body, 15, 17).is_none());
        assert!(Span::of(body, 10, 999).is_none());
    }

    #[test]
    fn enums_round_trip_through_strings() {
        for act in Act::ALL {
            assert_eq!(act.as_str().parse::<Act>().unwrap(), *act);
        }
        assert_eq!("DIRECT".parse::<Kind>().unwrap(), Kind::Direct);
        let err = "shouting".parse::<Act>().unwrap_err().to_string();
        assert!(err.contains("appeal"), "{err}");
    }

    #[test]
    fn content_hash_is_hex_sha256() {
        assert_eq!(
            content_hash(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn split_content_joins_parts_with_one_space() {
        let body = "“We will not give in,” she said, “not now.”";
        let a_start = body.find("We").unwrap();
        let b_start = body.find("not now").unwrap();
        let a = Span::of(body, a_start, a_start + "We will not give in,".len()).unwrap();
        let b = Span::of(body, b_start, b_start + "not now.".len()).unwrap();
        let c = Content {
            start: a.start,
            end: b.end,
            text: body[a.start..b.end].to_owned(),
            parts: Some(vec![a, b]),
        };
        assert!(c.is_valid_in(body));
        assert_eq!(c.joined_text(), "We will not give in, not now.");
    }
}
