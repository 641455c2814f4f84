//! Attributions carried by a noun instead of a verb: "Lee's claim that the
//! vote was rigged", "his warning that talks could fail". The possessive
//! before the noun is the speaker and the "that" clause the content.

use super::frames::{
    RawStatement, SpeakerFrom, kind_of, tok_end, tok_start, trim_range, word_count,
};
use super::lexicon::Lexicon;
use super::phrases::possessive_speaker;
use super::text::{Doc, Sentence};
use crate::model::Act;

/// Nouns that report what someone said, thinks or wants, with their act.
const CUE_NOUNS: &[(&str, Act)] = &[
    ("claim", Act::Statement),
    ("claims", Act::Statement),
    ("assertion", Act::Statement),
    ("assertions", Act::Statement),
    ("suggestion", Act::Proposal),
    ("argument", Act::Statement),
    ("insistence", Act::Statement),
    ("contention", Act::Statement),
    ("statement", Act::Statement),
    ("remark", Act::Statement),
    ("remarks", Act::Statement),
    ("comment", Act::Statement),
    ("comments", Act::Statement),
    ("admission", Act::Statement),
    ("announcement", Act::Statement),
    ("prediction", Act::Statement),
    ("warning", Act::Warning),
    ("warnings", Act::Warning),
    ("threat", Act::Warning),
    ("promise", Act::Commitment),
    ("pledge", Act::Commitment),
    ("vow", Act::Commitment),
    ("assurance", Act::Commitment),
    ("assurances", Act::Commitment),
    ("complaint", Act::Criticism),
    ("accusation", Act::Criticism),
    ("allegation", Act::Criticism),
    ("allegations", Act::Criticism),
    ("charge", Act::Criticism),
    ("denial", Act::Rejection),
    ("demand", Act::Demand),
    ("belief", Act::Statement),
    ("view", Act::Statement),
    ("hope", Act::Statement),
    ("fear", Act::Warning),
    ("fears", Act::Warning),
    ("concern", Act::Warning),
    ("concerns", Act::Warning),
];

/// The most tokens a content clause runs to.
const MAX_CLAUSE: usize = 60;

/// Finds "X's <noun> that …" attributions in one sentence.
pub(crate) fn nominal_frames(
    doc: &Doc,
    lex: &Lexicon,
    si: usize,
    sent: Sentence,
    out: &mut Vec<RawStatement>,
) {
    let (ss, se) = (sent.start, sent.end);
    for n in ss + 1..se.saturating_sub(2) {
        // Cheap test first: most tokens are not followed by "that".
        if doc.low(n + 1) != "that" || doc.quote_of(n).is_some() || doc.is_cap(n) {
            continue;
        }
        let Some(&(_, act)) = CUE_NOUNS.iter().find(|(w, _)| *w == doc.low(n)) else {
            continue;
        };
        // The possessive right before the noun, allowing one adjective
        // ("his repeated claim that").
        let mut p_end = n;
        if p_end > ss + 1 && doc.is_word(p_end - 1) && !doc.is_cap(p_end - 1) {
            let w = doc.low(p_end - 1);
            if !matches!(w, "his" | "her" | "their" | "its") {
                p_end -= 1;
            }
        }
        let Some(speaker) = possessive_speaker(doc, lex, ss, p_end) else {
            continue;
        };
        // A noun phrase opening the sentence is its subject, and where the
        // clause inside it ends is not clear ("His warning that talks could
        // fail went unheeded"): only objects and complements are read.
        let mut first = speaker.start;
        while first > ss && matches!(doc.low(first - 1), "the" | "a" | "an") {
            first -= 1;
        }
        if first <= ss {
            continue;
        }
        // "that" must open a clause: a subject word after it.
        let start = n + 1;
        if !doc.is_word(start + 1) {
            continue;
        }
        let mut end = start + 1;
        while end < se
            && end - start < MAX_CLAUSE
            && !doc.is_punct(end, ";")
            // The clause ends at a comma outside quotations once it has a
            // few words: what follows is usually the main clause.
            && !(doc.is_punct(end, ",") && doc.quote_of(end).is_none() && end - start > 4)
        {
            end += 1;
        }
        let (a, b) = trim_range(doc, start, end);
        if word_count(doc, a, b) < 3 {
            continue;
        }
        let parts = vec![(a, b)];
        out.push(RawStatement {
            kind: kind_of(doc, a, b),
            parts: parts
                .iter()
                .map(|&(s, e)| (tok_start(doc, s), tok_end(doc, e - 1)))
                .collect(),
            token_parts: parts,
            cue: Some((tok_start(doc, n), tok_end(doc, n))),
            cue_token: n,
            act,
            weak: matches!(
                doc.low(n),
                "belief" | "view" | "hope" | "fear" | "fears" | "concern" | "concerns"
            ),
            speaker: Some(speaker),
            speaker_from: SpeakerFrom::Subject,
            addressee: None,
            via: None,
            sentence: si,
        });
    }
}
