//! Attributions carried by a noun instead of a verb: "Lee's claim that the
//! vote was rigged", "his warning that talks could fail". The possessive
//! before the noun is the speaker and the "that" clause the content.

use super::frames::{
    RawStatement, SpeakerFrom, byte_parts, kind_of, tok_end, tok_start, trim_range, word_count,
};
use super::lexicon::Lexicon;
use super::phrases::{Head, Phrase, phrase_after, possessive_speaker};
use super::text::{Doc, Sentence};
use crate::model::Act;

/// Nouns that report what someone said, thinks or wants, with their act
/// and whether they are a belief or feeling (a weak cue).
const CUE_NOUNS: &[(&str, Act, bool)] = &[
    ("claim", Act::Statement, false),
    ("claims", Act::Statement, false),
    ("assertion", Act::Statement, false),
    ("assertions", Act::Statement, false),
    ("suggestion", Act::Proposal, false),
    ("argument", Act::Statement, false),
    ("insistence", Act::Statement, false),
    ("contention", Act::Statement, false),
    ("statement", Act::Statement, false),
    ("remark", Act::Statement, false),
    ("remarks", Act::Statement, false),
    ("comment", Act::Statement, false),
    ("comments", Act::Statement, false),
    ("admission", Act::Statement, false),
    ("announcement", Act::Statement, false),
    ("prediction", Act::Statement, false),
    ("warning", Act::Warning, false),
    ("warnings", Act::Warning, false),
    ("threat", Act::Warning, false),
    ("promise", Act::Commitment, false),
    ("pledge", Act::Commitment, false),
    ("vow", Act::Commitment, false),
    ("assurance", Act::Commitment, false),
    ("assurances", Act::Commitment, false),
    ("complaint", Act::Criticism, false),
    ("accusation", Act::Criticism, false),
    ("allegation", Act::Criticism, false),
    ("allegations", Act::Criticism, false),
    ("charge", Act::Criticism, false),
    ("denial", Act::Rejection, false),
    ("demand", Act::Demand, false),
    ("belief", Act::Statement, true),
    ("view", Act::Statement, true),
    ("hope", Act::Statement, true),
    ("fear", Act::Warning, true),
    ("fears", Act::Warning, true),
    ("concern", Act::Warning, true),
    ("concerns", Act::Warning, true),
    ("arguments", Act::Statement, false),
    ("suggestions", Act::Proposal, false),
    ("statements", Act::Statement, false),
    ("predictions", Act::Statement, false),
    ("threats", Act::Warning, false),
    ("promises", Act::Commitment, false),
    ("pledges", Act::Commitment, false),
    ("vows", Act::Commitment, false),
    ("complaints", Act::Criticism, false),
    ("accusations", Act::Criticism, false),
    ("charges", Act::Criticism, false),
    ("denials", Act::Rejection, false),
    ("demands", Act::Demand, false),
    ("beliefs", Act::Statement, true),
    ("views", Act::Statement, true),
    ("hopes", Act::Statement, true),
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
        // Cheap test first: most tokens are not followed by "that" or "by".
        let next = doc.low(n + 1);
        if !matches!(next, "that" | "by") || doc.quote_of(n).is_some() || doc.is_cap(n) {
            continue;
        }
        let Some(&(_, act, weak)) = CUE_NOUNS.iter().find(|(w, _, _)| *w == doc.low(n)) else {
            continue;
        };
        if next == "by" {
            by_frame(doc, lex, si, sent, n, act, weak, out);
            continue;
        }
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
        let Some(clause) = that_clause(doc, n + 1, se) else {
            continue;
        };
        push_nominal(doc, si, n, act, weak, speaker, clause, out);
    }
}

/// The clause opened by the "that" at `that`, up to a semicolon, or a
/// comma once it has a few words (what follows is usually the main clause).
fn that_clause(doc: &Doc, that: usize, se: usize) -> Option<(usize, usize)> {
    // "that" must open a clause: a subject word after it.
    if !doc.is_word(that + 1) {
        return None;
    }
    let mut end = that + 1;
    while end < se
        && end - that < MAX_CLAUSE
        && !doc.is_punct(end, ";")
        && !(doc.is_punct(end, ",") && doc.quote_of(end).is_none() && end - that > 4)
    {
        end += 1;
    }
    let (a, b) = trim_range(doc, that, end);
    (word_count(doc, a, b) >= 3).then_some((a, b))
}

#[allow(clippy::too_many_arguments)]
fn push_nominal(
    doc: &Doc,
    si: usize,
    n: usize,
    act: Act,
    weak: bool,
    speaker: Phrase,
    (a, b): (usize, usize),
    out: &mut Vec<RawStatement>,
) {
    let parts = vec![(a, b)];
    out.push(RawStatement {
        kind: kind_of(doc, a, b),
        parts: byte_parts(doc, &parts),
        token_parts: parts,
        cue: Some((tok_start(doc, n), tok_end(doc, n))),
        cue_token: n,
        act,
        weak,
        speaker: Some(speaker),
        speaker_from: SpeakerFrom::Subject,
        addressee: None,
        via: None,
        sentence: si,
    });
}

/// "claims by intelligence agencies that …": the agent after "by" is the
/// speaker, the "that" clause the content.
#[allow(clippy::too_many_arguments)]
fn by_frame(
    doc: &Doc,
    lex: &Lexicon,
    si: usize,
    sent: Sentence,
    n: usize,
    act: Act,
    weak: bool,
    out: &mut Vec<RawStatement>,
) {
    let se = sent.end;
    let Some(that) = (n + 3..(n + 10).min(se)).find(|&k| doc.low(k) == "that") else {
        return;
    };
    let Some(speaker) = phrase_after(doc, lex, n + 2, that, false)
        .filter(|p| p.end == that && !matches!(p.head, Head::Other | Head::Pronoun(_)))
    else {
        return;
    };
    let Some((a, b)) = that_clause(doc, that, se) else {
        return;
    };
    push_nominal(doc, si, n, act, weak, speaker, (a, b), out);
}
