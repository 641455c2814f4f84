//! Impressions the writer reports without a speaker: "the talks seemed to
//! stall", "Lee appears ready to sign", "it appears that the deal is off".
//! They are statements without a source, kept at low confidence.

use super::frames::{
    RawStatement, SpeakerFrom, kind_of, tok_end, tok_start, trim_range, word_count,
};
use super::text::{Doc, Sentence};
use crate::model::{Act, Kind};

/// Forms of "seem", which always report an impression.
const SEEM: &[&str] = &["seem", "seems", "seemed"];

/// Forms of "appear", which report an impression only before "to", "that"
/// or a predicate ("appeared paralyzed"), not before a place ("appeared on
/// television").
const APPEAR: &[&str] = &["appear", "appears", "appeared"];

/// Words after "appear" that mean showing up somewhere.
const APPEAR_PLACES: &[&str] = &[
    "on",
    "in",
    "at",
    "before",
    "with",
    "alongside",
    "onstage",
    "together",
    "as",
    "for",
    "from",
    "during",
    "after",
    "the",
    "a",
    "an",
    "his",
    "her",
    "their",
    "its",
    "briefly",
    "live",
    "only",
    "once",
    "twice",
    "publicly",
    "here",
    "there",
    "",
];

/// Finds impression statements in one sentence.
pub(crate) fn impression_frames(doc: &Doc, si: usize, sent: Sentence, out: &mut Vec<RawStatement>) {
    let (ss, se) = (sent.start, sent.end);
    for i in ss..se {
        if doc.quote_of(i).is_some() || !doc.is_word(i) || i == ss {
            continue;
        }
        let w = doc.low(i);
        let seem = SEEM.contains(&w);
        let appear = APPEAR.contains(&w) && {
            let next = doc.low(i + 1);
            (next == "to" && doc.is_word(i + 2)) || next == "that" || !APPEAR_PLACES.contains(&next)
        };
        if !(seem || appear) || doc.is_cap(i) || !doc.is_word(i + 1) && !doc.is_punct(i + 1, ",") {
            continue;
        }
        // The clause: from the last comma, colon or sentence start before
        // the verb, to the next comma or the sentence end.
        let start = (ss..i)
            .rev()
            .find(|&k| {
                (doc.is_punct(k, ",") || doc.is_punct(k, ":") || doc.is_punct(k, ";"))
                    && doc.quote_of(k).is_none()
            })
            .map_or(ss, |k| k + 1);
        // "It seems that ...", "it appears, though, that ...": the clause after.
        let impersonal = matches!(doc.low(start), "it" | "there") && start + 1 == i;
        let from = if impersonal { i + 1 } else { start };
        let end = (i + 2..se)
            .find(|&k| (doc.is_punct(k, ";") || doc.is_punct(k, ",")) && doc.quote_of(k).is_none())
            .unwrap_or(se);
        let (a, b) = trim_range(doc, from, end);
        // A quotation in the clause is someone's words: the impression is
        // the writer's only when nothing in it is quoted.
        if word_count(doc, a, b) < 4 || kind_of(doc, a, b) != Kind::Indirect {
            continue;
        }
        out.push(RawStatement {
            kind: Kind::Indirect,
            parts: vec![(tok_start(doc, a), tok_end(doc, b - 1))],
            token_parts: vec![(a, b)],
            cue: Some((tok_start(doc, i), tok_end(doc, i))),
            cue_token: i,
            act: Act::Statement,
            weak: true,
            speaker: None,
            speaker_from: SpeakerFrom::Context,
            addressee: None,
            via: None,
            sentence: si,
        });
        return;
    }
}
