//! Attributions carried by a noun instead of a verb: "Lee's claim that the
//! vote was rigged", "his warning that talks could fail". The possessive
//! before the noun is the speaker and the "that" clause the content. A
//! reaction drawn from a group ("The plan drew criticism from both
//! parties") is that group's statement about the clause's subject.

use super::frames::{
    RawStatement, SpeakerFrom, byte_parts, kind_of, tok_end, tok_start, trim_range, word_count,
};
use super::lexicon::Lexicon;
use super::phrases::{Head, Phrase, phrase_after, possessive_speaker};
use super::text::{Doc, Sentence};
use crate::model::{Act, SpeakerKind};

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
    reaction_frames(doc, lex, si, sent, out);
    for n in ss + 1..se.saturating_sub(2) {
        // Cheap test first: most tokens are not followed by "that" or "by".
        let next = doc.low(n + 1);
        if !matches!(next, "that" | "by") || doc.quote_of(n).is_some() || doc.is_cap(n) {
            continue;
        }
        let Some(&(act, weak)) = lex.cue_nouns.get(doc.low(n)) else {
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

/// Verbs that bring a reaction on their subject.
const REACTION_VERBS: &[&str] = &[
    "drew",
    "draws",
    "draw",
    "drawn",
    "drawing",
    "faced",
    "faces",
    "face",
    "facing",
    "sparked",
    "sparks",
    "prompted",
    "prompts",
    "received",
    "receives",
    "earned",
    "earns",
    "attracted",
    "attracts",
    "triggered",
    "triggers",
    "won",
    "wins",
];

/// "The statement drew sharp criticism from both parties": the reaction
/// is what those after "from" said about the clause's subject.
fn reaction_frames(
    doc: &Doc,
    lex: &Lexicon,
    si: usize,
    sent: Sentence,
    out: &mut Vec<RawStatement>,
) {
    let (ss, se) = (sent.start, sent.end);
    // Cheap test first: the frame needs a "from" after its verb, and most
    // sentences have none.
    let Some(last_from) = (ss..se).rev().find(|&t| doc.low(t) == "from") else {
        return;
    };
    for v in ss + 1..se.saturating_sub(3).min(last_from) {
        if !REACTION_VERBS.contains(&doc.low(v)) || doc.quote_of(v).is_some() {
            continue;
        }
        // The reaction noun after up to two modifiers ("sharp bipartisan
        // criticism"), then "from" after up to three words.
        let Some((n, act)) = (v + 1..(v + 4).min(se))
            .find_map(|t| lex.reaction_nouns.get(doc.low(t)).map(|&act| (t, act)))
        else {
            continue;
        };
        if !(v + 1..n).all(|t| doc.is_word(t) && !doc.is_cap(t)) {
            continue;
        }
        let Some(from) = (n + 1..(n + 4).min(se)).find(|&t| doc.low(t) == "from") else {
            continue;
        };
        if !(n + 1..from).all(|t| doc.is_word(t)) {
            continue;
        }
        let mut end = from + 1;
        while end < se && (doc.is_word(end) || doc.low(end) == "'s") {
            end += 1;
        }
        // "both sides of the debate": a phrase the reader does not take is
        // kept as written.
        let Some(speaker) = phrase_after(doc, lex, from + 1, end, false)
            .filter(|p| p.end == end)
            .or_else(|| {
                (end > from + 1 && end - from <= 12)
                    .then(|| Phrase::unparsed(doc, from + 1, end, SpeakerKind::Group))
            })
            .filter(|p| {
                !matches!(p.head, Head::Pronoun(_))
                    && !super::phrases::PREPOSITIONS.contains(&doc.low(p.start))
            })
        else {
            continue;
        };
        // The subject: the clause before the verb, past adverbs and
        // auxiliaries ("quickly", "has").
        let mut k = v;
        while k > ss
            && (matches!(
                doc.low(k - 1),
                "has" | "have" | "had" | "also" | "quickly" | "already" | "immediately"
            ) || super::phrases::is_ly_adverb(doc.low(k - 1)))
        {
            k -= 1;
        }
        let mut cs = ss;
        if let Some(c) = (ss..k)
            .rev()
            .find(|&c| doc.is_punct(c, ",") && doc.quote_of(c).is_none())
        {
            cs = c + 1;
        }
        // "it was clear that Trump still faced criticism": after "that".
        if let Some(t) = (cs..k)
            .rev()
            .find(|&t| doc.low(t) == "that" && doc.quote_of(t).is_none())
        {
            cs = t + 1;
        }
        let (a, b) = trim_range(doc, cs, k);
        // A bare pronoun ("He drew fire from …") says nothing of what.
        if word_count(doc, a, b) == 0
            || b - a > 25
            || (b == a + 1 && lex.pronouns.contains_key(doc.low(a)))
        {
            continue;
        }
        push_nominal(doc, si, n, act, false, speaker, (a, b), out);
    }
}
