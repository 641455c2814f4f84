//! The extraction pipeline: article text in, statements and diagnostics out.
//! It never fails and never panics on odd input.
//!
//! Steps: tokens, paragraphs, quotations and sentences ([`text`]); reporting
//! cues and their frames ([`frames`], [`openers`], [`nominal`],
//! [`impressions`]); speaker and addressee phrases ([`phrases`]); quotations
//! signed with a dash ([`signed`]); within-article coreference
//! ([`entities`]); then topics, countries, dates and a confidence for each
//! statement ([`enrich`]).

mod enrich;
mod entities;
mod frames;
mod impressions;
mod lexicon;
mod nominal;
mod openers;
mod phrases;
mod signed;
mod text;
mod transcript;

use crate::model::{Addressee, Article, Content, Span, Speaker, SpeakerKind, Statement};
use entities::{Entities, phrase_country};
use frames::{RawStatement, SpeakerFrom};
use lexicon::Lexicon;
use phrases::{Head, Phrase, description_name};
use text::Doc;

/// A remark about something the extractor could not handle cleanly, with the
/// byte offset it concerns. Diagnostics never stop extraction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Byte offset in the article body.
    pub offset: usize,
    /// What happened.
    pub message: String,
}

/// The result of extracting one article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extraction {
    /// Statements in text order.
    pub statements: Vec<Statement>,
    /// Remarks on unclosed quotes and other oddities.
    pub diagnostics: Vec<Diagnostic>,
}

/// The extractor with its compiled lexicons. Cheap to share across threads.
#[derive(Debug)]
pub struct Extractor {
    lex: Lexicon,
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new()
    }
}

/// How a speaker was resolved, for the confidence estimate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Resolution {
    /// Named in the phrase itself.
    Named,
    /// A pronoun or description resolved to a named entity.
    Resolved,
    /// A description without a name ("officials").
    Described,
    /// A pronoun that could not be resolved.
    Unresolved,
    /// No speaker.
    Missing,
}

impl Extractor {
    /// The extractor over the compiled-in lexicons.
    pub fn new() -> Extractor {
        Extractor {
            lex: Lexicon::build(),
        }
    }

    /// Extracts the statements of one article.
    pub fn extract(&self, article: &Article) -> Extraction {
        let mut diagnostics = Vec::new();
        let body = article.body.as_str();
        let doc = Doc::new(body, &mut diagnostics);
        let mut raws: Vec<RawStatement> = Vec::new();
        let header_end = header_block_end(body);
        for (si, s) in doc.sentences.iter().enumerate() {
            let in_header = doc.tok(s.start).is_some_and(|t| t.start < header_end);
            if in_header || is_credit_line(&doc, s.start, s.end) {
                continue;
            }
            frames::sentence_frames(&doc, &self.lex, si, *s, &mut raws);
        }
        signed::signed_quotes(&doc, &self.lex, &mut raws);
        frames::orphan_quotes(&doc, &mut raws);
        transcript::transcript_turns(&doc, &self.lex, &mut raws);
        raws.sort_by_key(|r| (r.parts.first().map_or(0, |p| p.0), r.cue_token));
        dedupe(&mut raws);
        let mut ents = Entities::collect(&doc, &self.lex);
        let mut statements = Vec::with_capacity(raws.len());
        let mut last_plural: Option<Speaker> = None;
        // The person who spoke last, with the paragraph they spoke in.
        let mut last_person: Option<(usize, usize)> = None;
        let keep = not_nested(&raws);
        let mut scope = enrich::ArticleScope::new(article);
        for (raw, keep) in raws.iter().zip(keep) {
            let para = doc.sentences.get(raw.sentence).map_or(0, |s| s.para);
            let same_para_person = last_person.filter(|&(p, _)| p == para).map(|(_, id)| id);
            let (speaker, resolution, entity) =
                self.resolve_speaker(&doc, &mut ents, raw, &last_plural, same_para_person);
            if let Some(id) = entity {
                last_person = Some((para, id));
                entities::learn_gender_from_content(&doc, &self.lex, &mut ents, id, raw);
            }
            if matches!(
                speaker.kind,
                SpeakerKind::Group | SpeakerKind::Organization | SpeakerKind::Unnamed
            ) && speaker.name.is_some()
            {
                last_plural = Some(speaker.clone());
            }
            let addressee = raw
                .addressee
                .as_ref()
                .and_then(|a| self.resolve_addressee(&doc, &ents, a, entity, raw));
            // A nested statement still counts for coreference above.
            if keep
                && let Some(st) = enrich::statement(
                    &doc, &self.lex, &mut scope, raw, speaker, resolution, addressee,
                )
            {
                statements.push(st);
            }
        }
        // Aliases may have grown while resolving later statements.
        for st in &mut statements {
            if st.speaker.kind == SpeakerKind::Person
                && let Some(name) = &st.speaker.name
                && let Some(e) = ents.list.iter().find(|e| &e.name == name)
            {
                st.speaker.aliases = e.aliases.clone();
            }
        }
        Extraction {
            statements,
            diagnostics,
        }
    }

    fn resolve_speaker(
        &self,
        doc: &Doc,
        ents: &mut Entities,
        raw: &RawStatement,
        last_plural: &Option<Speaker>,
        para_speaker: Option<usize>,
    ) -> (Speaker, Resolution, Option<usize>) {
        let Some(ph) = &raw.speaker else {
            return (Speaker::unattributed(), Resolution::Missing, None);
        };
        let mention = Span::of(
            doc.body,
            doc.tok(ph.start).map_or(0, |t| t.start),
            doc.tok(ph.end.saturating_sub(1)).map_or(0, |t| t.end),
        );
        let mut sp = Speaker {
            name: None,
            mention,
            title: ph.title.clone(),
            organization: ph.organization.clone(),
            country: phrase_country(doc, &self.lex, ph),
            kind: ph.kind,
            aliases: Vec::new(),
        };
        let pos = ph.end.saturating_sub(1);
        let context = raw.speaker_from == SpeakerFrom::Context;
        match &ph.head {
            Head::Name if ph.kind == SpeakerKind::Person => {
                let name = ph.name.clone().unwrap_or_else(|| ph.text.clone());
                let id = ents.resolve_name(&name, ph, pos);
                ents.learn(id, sp.title.as_deref(), sp.country.as_deref());
                fill_from_entity(&mut sp, ents, id);
                let r = if context {
                    Resolution::Resolved
                } else {
                    Resolution::Named
                };
                (sp, r, Some(id))
            }
            Head::Name | Head::Place => {
                sp.name = ph.name.clone().or_else(|| Some(ph.text.clone()));
                sp.aliases = vec![ph.text.clone()];
                if sp.name.as_deref() != Some(ph.text.as_str())
                    && let Some(n) = &sp.name
                {
                    sp.aliases.insert(0, n.clone());
                }
                (sp, Resolution::Named, None)
            }
            Head::Pronoun(p) => {
                if p.person != 3 {
                    return (sp, Resolution::Unresolved, None);
                }
                if p.plural || p.gender.is_none() {
                    // "they" and "it": the last group, organisation or source.
                    if let Some(prev) = last_plural {
                        let mut s = prev.clone();
                        s.mention = sp.mention;
                        return (s, Resolution::Resolved, None);
                    }
                    return (sp, Resolution::Unresolved, None);
                }
                // The person who spoke last in the paragraph, when known to
                // have the pronoun's gender, beats a nearer mention.
                let continuing =
                    para_speaker.filter(|&id| p.gender.is_some() && ents.gender(id) == p.gender);
                match continuing.or_else(|| ents.recent_person(pos, p.gender, 600)) {
                    Some(id) => {
                        ents.set_gender(id, p.gender);
                        fill_from_entity(&mut sp, ents, id);
                        if let (Some(e), Some(m)) = (ents.list.get_mut(id), &sp.mention) {
                            let form = m.text.clone();
                            if !e.aliases.contains(&form) {
                                e.aliases.push(form);
                            }
                        }
                        (sp, Resolution::Resolved, Some(id))
                    }
                    None => (sp, Resolution::Unresolved, None),
                }
            }
            Head::Noun { plural, .. } => {
                // "the minister", "the spokesman": a titled person named earlier.
                let head_word = doc.text(ph.end.saturating_sub(1)).to_owned();
                let possessive = (ph.start..ph.end).any(|i| {
                    doc.tok(i)
                        .is_some_and(|t| t.kind == text::TokKind::Possessive)
                });
                let definite = doc.low(ph.start) == "the" || possessive;
                if definite && !plural && ph.kind == SpeakerKind::Person {
                    let country = sp.country.clone();
                    // A description with its country may introduce a person
                    // named in the next sentences.
                    let found = ents
                        .titled_person(&self.lex, pos, &head_word, country.as_deref())
                        .or_else(|| {
                            country.as_deref().and_then(|c| {
                                ents.later_titled_person(&self.lex, pos, &head_word, Some(c), 250)
                            })
                        });
                    if let Some(id) = found {
                        ents.learn(id, sp.title.as_deref(), country.as_deref());
                        fill_from_entity(&mut sp, ents, id);
                        return (sp, Resolution::Resolved, Some(id));
                    }
                }
                // "the two ministers": the people last named with that title.
                let words: Vec<&str> = ph.text.split_whitespace().collect();
                if *plural
                    && definite
                    && sp.country.is_none()
                    && let Some(count) = entities::group_count(&words)
                    && let Some(members) = ents.group_members(&self.lex, pos, &head_word, count)
                {
                    sp.country = members
                        .first()
                        .and_then(|&id| ents.list.get(id))
                        .and_then(|e| e.country.clone());
                }
                let name = description_name(&ph.text);
                sp.aliases = vec![name.clone()];
                sp.name = Some(name);
                (sp, Resolution::Described, None)
            }
            Head::Other => {
                sp.name = Some(description_name(&ph.text));
                (sp, Resolution::Described, None)
            }
        }
    }

    fn resolve_addressee(
        &self,
        doc: &Doc,
        ents: &Entities,
        a: &Phrase,
        speaker: Option<usize>,
        raw: &RawStatement,
    ) -> Option<Addressee> {
        let country = phrase_country(doc, &self.lex, a);
        let pos = a.start;
        if a.text.to_lowercase().contains("counterpart") {
            let speaker_country = speaker
                .and_then(|id| ents.list.get(id))
                .and_then(|e| e.country.clone());
            let target = country
                .clone()
                .filter(|c| Some(c) != speaker_country.as_ref());
            if let Some(c) = target
                && let Some(id) = ents.person_from(&c, speaker, pos)
                && let Some(e) = ents.list.get(id)
            {
                return Some(Addressee {
                    name: Some(e.name.clone()),
                    country: e.country.clone(),
                });
            }
            return Some(Addressee {
                name: Some(a.text.clone()),
                country,
            });
        }
        // "Wang told her that …": the person last named before, not the
        // speaker, when that person is known to have the pronoun's gender
        // (a title, or "she" resolved to them earlier).
        let gender = match doc.low(a.start) {
            "her" if a.end == a.start + 1 => Some('f'),
            "him" if a.end == a.start + 1 => Some('m'),
            _ => None,
        };
        // Only beside a named speaker: with two pronouns ("She told him")
        // and genders unknown, either person could be either.
        let named_speaker = raw
            .speaker
            .as_ref()
            .is_some_and(|p| matches!(p.head, Head::Name));
        if gender.is_some()
            && named_speaker
            && let Some(id) = ents.recent_person_but(pos, gender, 600, speaker)
            && let Some(e) = ents.list.get(id)
            && e.gender == gender
        {
            return Some(Addressee {
                name: Some(e.name.clone()),
                country: e.country.clone(),
            });
        }
        match &a.head {
            Head::Name if a.kind == SpeakerKind::Person => {
                let name = a.name.clone().unwrap_or_else(|| a.text.clone());
                let id = ents
                    .list
                    .iter()
                    .position(|e| e.name.eq_ignore_ascii_case(&name))
                    .or_else(|| {
                        (name.split_whitespace().count() == 1)
                            .then(|| ents.by_word(&name))
                            .flatten()
                    });
                match id.and_then(|id| ents.list.get(id)) {
                    Some(e) => Some(Addressee {
                        name: Some(e.name.clone()),
                        country: e.country.clone().or(country),
                    }),
                    None => Some(Addressee {
                        name: Some(name),
                        country,
                    }),
                }
            }
            Head::Name | Head::Place => Some(Addressee {
                name: a.name.clone().or_else(|| Some(a.text.clone())),
                country,
            }),
            _ => Some(Addressee {
                name: Some(description_name(&a.text)),
                country,
            }),
        }
    }
}

fn fill_from_entity(sp: &mut Speaker, ents: &Entities, id: usize) {
    if let Some(e) = ents.list.get(id) {
        sp.name = Some(e.name.clone());
        // The entity's title is kept when the phrase only has a less
        // specific one ("the minister" for a Foreign Minister).
        let specific = match (&sp.title, &e.title) {
            (Some(p), Some(t)) => t.to_lowercase().contains(&p.to_lowercase()),
            (None, _) => true,
            (Some(_), None) => false,
        };
        if specific && e.title.is_some() {
            sp.title = e.title.clone();
        }
        sp.country = sp.country.clone().or_else(|| e.country.clone());
        sp.organization = sp.organization.clone().or_else(|| e.organization.clone());
        sp.kind = e.kind;
        sp.aliases = e.aliases.clone();
    }
}

/// Keys of the metadata header block that text files may start with.
const HEADER_KEYS: &[&str] = &[
    "title",
    "headline",
    "date",
    "published",
    "url",
    "link",
    "source",
    "outlet",
    "id",
    "author",
    "byline",
    "section",
    "tags",
    "language",
    "dateline",
];

/// The byte offset where a leading `Key: value` header block ends (after
/// its blank line), or 0 when the body has none. The header is metadata,
/// never part of the article's statements.
fn header_block_end(body: &str) -> usize {
    let mut offset = 0;
    let mut saw_header = false;
    for line in body.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            return if saw_header { offset + line.len() } else { 0 };
        }
        let is_header = trimmed.split_once(':').is_some_and(|(key, _)| {
            let key = key.trim().to_ascii_lowercase();
            HEADER_KEYS.contains(&key.as_str())
        });
        if !is_header {
            return if saw_header { offset } else { 0 };
        }
        saw_header = true;
        offset += line.len();
    }
    if saw_header { offset } else { 0 }
}

/// Photo credits and bylines: short lines of names separated by `|` or
/// starting with "Photo", "By", "Credit".
fn is_credit_line(doc: &Doc, s: usize, e: usize) -> bool {
    let bars = (s..e).filter(|&i| doc.is_punct(i, "|")).count();
    if bars > 0 {
        return true;
    }
    matches!(
        doc.low(s),
        "photo" | "by" | "credit" | "image" | "getty" | "reuters" | "ap"
    ) && e - s < 12
}

/// Removes statements that repeat another's content exactly.
fn dedupe(raws: &mut Vec<RawStatement>) {
    let mut seen: Vec<(Vec<(usize, usize)>, usize)> = Vec::new();
    raws.retain(|r| {
        let key = (r.parts.clone(), r.cue_token);
        if seen.iter().any(|(p, _)| *p == key.0) {
            return false;
        }
        seen.push(key);
        true
    });
}

/// Which statements to keep: not those whose cue lies inside another
/// statement's content.
///
/// "X said Y claimed Z" reports X's account of Y: the words are X's, and
/// filing "Z" under Y would credit Y with a claim nobody heard Y make. The
/// reported frame is the statement; the nested one goes. Statements are
/// visited in order and a removed statement hides nothing, so a chain of
/// three keeps only its outermost frame. Decided before enrichment, so that
/// nested statements cost no topic, country or date work.
fn not_nested(raws: &[RawStatement]) -> Vec<bool> {
    let mut keep = vec![true; raws.len()];
    for (b, inner) in raws.iter().enumerate() {
        let Some((cs, ce)) = inner.cue else { continue };
        let covered = raws.iter().enumerate().any(|(a, outer)| {
            a != b && keep[a] && outer.parts.iter().any(|&(s, e)| s <= cs && ce <= e)
        });
        if covered {
            keep[b] = false;
        }
    }
    keep
}

/// Builds a content value from byte ranges; `None` if a range is invalid.
pub(crate) fn content_of(body: &str, parts: &[(usize, usize)]) -> Option<Content> {
    let first = parts.first()?;
    let last = parts.last()?;
    let whole = Span::of(body, first.0, last.1)?;
    if parts.len() == 1 {
        return Some(Content::from_span(whole));
    }
    let spans: Option<Vec<Span>> = parts.iter().map(|&(s, e)| Span::of(body, s, e)).collect();
    Some(Content {
        start: whole.start,
        end: whole.end,
        text: whole.text,
        parts: Some(spans?),
    })
}

/// Extracts with a shared default [`Extractor`].
pub fn extract_statements(article: &Article) -> Extraction {
    static EXTRACTOR: std::sync::OnceLock<Extractor> = std::sync::OnceLock::new();
    EXTRACTOR.get_or_init(Extractor::new).extract(article)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_block_ends_after_its_blank_line() {
        let body = "Title: Talks resume\nDate: 2024-05-02\n\nBody text.\n";
        assert_eq!(&body[header_block_end(body)..], "Body text.\n");
        assert_eq!(header_block_end("Lee: Talks will resume\n\nBody.\n"), 0);
        assert_eq!(header_block_end("Plain headline\n\nBody.\n"), 0);
        assert_eq!(header_block_end(""), 0);
    }

    #[test]
    fn header_lines_are_never_statements() {
        let body = "Title: Minister says talks will resume\nSource: Harbour Wire\n\n\
                    Talks will resume in May, the minister said on Friday.\n";
        let extraction = extract_statements(&Article::new("header.txt", body));
        let header_end = header_block_end(body);
        assert!(!extraction.statements.is_empty());
        for statement in &extraction.statements {
            assert!(statement.content.start >= header_end, "{statement:?}");
            assert_ne!(statement.speaker.name.as_deref(), Some("Title"));
        }
    }
}
