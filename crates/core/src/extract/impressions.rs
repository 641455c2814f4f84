//! Impressions and expectations stated without a speaker: "Sanders seemed
//! ready to ease off", "The Fed is widely expected to act in December",
//! "It appears that talks have stalled". Nobody is named as holding the
//! view; the text attributes it to no one but itself. The statement has no
//! speaker, its content is the clause's subject with what follows the verb,
//! and it is weak (low confidence). Queries by speaker never see it; a
//! full-text search over contents does.

use super::frames::{
    BE_FORMS, CLAUSE_BOUNDARY_WORDS, RawStatement, SpeakerFrom, byte_parts, kind_of, tok_end,
    tok_start, trim_range,
};
use super::lexicon::{Cue, Lexicon};
use super::phrases::DETERMINERS;
use super::text::{Doc, Sentence, TokKind};

/// Words that may stand between a subject and the verb ("may also seem",
/// "did not appear", "is widely expected"), besides forms of "be" and
/// auxiliaries.
const BETWEEN: &[&str] = &[
    "not",
    "n't",
    "don't",
    "doesn't",
    "didn't",
    "also",
    "now",
    "still",
    "even",
    "already",
    "never",
    "again",
    "may",
    "might",
    "would",
    "could",
    "will",
    "can",
    "should",
    "must",
    "at",
    "least",
    "first",
    "initially",
    "originally",
    "once",
    "all",
    "both",
];

/// Words after "appear" that make it a physical appearance ("appeared on
/// Fox News", "appear in court").
const PLACE_WORDS: &[&str] = &[
    "on",
    "in",
    "at",
    "before",
    "with",
    "alongside",
    "together",
    "onstage",
    "for",
    "during",
    "via",
    "live",
    "from",
    "as",
    "and",
    "or",
    "inside",
    "outside",
    "behind",
    "beside",
    "near",
    "onscreen",
    "publicly",
    "briefly",
];

/// Words that open a clause besides the extractor's clause boundaries, so
/// the subject starts after them.
const MORE_CLAUSE_OPENERS: &[&str] = &["so", "yet", "as", "once", "until", "and"];

fn opens_clause(w: &str) -> bool {
    CLAUSE_BOUNDARY_WORDS.contains(&w) || MORE_CLAUSE_OPENERS.contains(&w)
}

/// Relative words: "what appears to be", "which seemed": the impression
/// qualifies a noun, it states nothing of its own.
const RELATIVES: &[&str] = &["what", "which", "who", "whom", "whose"];

/// Verbs that make the words before the impression a clause, not a subject.
const AUXILIARIES: &[&str] = &["has", "have", "had", "will", "would", "did", "does", "do"];

/// The longest subject read, in tokens.
const MAX_SUBJECT: usize = 14;

/// The longest complement read, in tokens.
const MAX_COMPLEMENT: usize = 45;

/// Whether the cue at `i` is read as an impression: "seem" and "appear"
/// always; a weak verb ("expected") only as a passive before "to" or
/// "that" ("is widely expected to win").
pub(crate) fn is_impression(doc: &Doc, ss: usize, i: usize, cue: &Cue) -> bool {
    if !cue.imp || !cue.weak {
        return cue.imp;
    }
    let t = super::frames::back_past(doc, ss, i, &["not", "also", "already", "still", "never"]);
    doc.low(i).ends_with("ed")
        && t > ss
        && BE_FORMS.contains(&doc.low(t - 1))
        && matches!(doc.low(i + 1), "to" | "that")
}

/// Files the impressions at the tokens `at` of one sentence, whose other
/// statements are those in `out` from `first` on. A complement ends where
/// one of their cues or contents starts ("appeared to assert his plans by
/// saying, “…”" leaves the quotation to "saying").
pub(crate) fn impression_frames(
    doc: &Doc,
    lex: &Lexicon,
    si: usize,
    sent: Sentence,
    at: &[usize],
    first: usize,
    out: &mut Vec<RawStatement>,
) {
    if at.is_empty() {
        return;
    }
    let (ss, se) = (sent.start, sent.end);
    // Where the sentence's other statements have a cue or a content start.
    let stops: Vec<usize> = out[first.min(out.len())..]
        .iter()
        .flat_map(|r| std::iter::once(r.cue_token).chain(r.token_parts.first().map(|p| p.0)))
        .collect();
    for &v in at {
        if doc.quote_of(v).is_some() || v == ss {
            continue;
        }
        let w = doc.low(v);
        let next = doc.low(v + 1);
        // "to appear moderate", "making cash appear": not a finite verb.
        if doc.low(v - 1) == "to" || !doc.is_word(v + 1) || doc.quote_of(v + 1).is_some() {
            continue;
        }
        if w.starts_with("appear") && PLACE_WORDS.contains(&next) {
            continue;
        }
        // Back over auxiliaries and adverbs to the subject's end.
        let mut k = v;
        while k > ss && {
            let b = doc.low(k - 1);
            BETWEEN.contains(&b)
                || BE_FORMS.contains(&b)
                || AUXILIARIES.contains(&b)
                || super::phrases::is_ly_adverb(b)
        } {
            k -= 1;
        }
        if k > ss && (RELATIVES.contains(&doc.low(k - 1)) || doc.low(k - 1) == "that") {
            continue;
        }
        // The subject: back to a boundary or a clause word, never across
        // another cue or quotation.
        let mut s = k;
        while s > ss
            && k - s <= MAX_SUBJECT
            && (doc.is_word(s - 1) || doc.tok(s - 1).is_some_and(|t| t.kind == TokKind::Possessive))
            && doc.quote_of(s - 1).is_none()
            && !opens_clause(doc.low(s - 1))
            && !stops.contains(&(s - 1))
            // A cue word is a verb ("the poll shows Lee seems"), unless a
            // determiner makes it a noun ("the talks seemed").
            && !(lex.cues.contains_key(doc.low(s - 1))
                && !(s >= ss + 2
                    && (DETERMINERS.contains(&doc.low(s - 2))
                        || doc.tok(s - 2).is_some_and(|t| t.kind == TokKind::Possessive))))
        {
            s -= 1;
        }
        // A title abbreviation ("Mr.", "Sen.") is part of the subject.
        while s >= ss + 2
            && doc.is_punct(s - 1, ".")
            && doc.is_cap(s - 2)
            && doc.text(s - 2).chars().count() <= 5
        {
            s -= 2;
        }
        // "whose campaign was expected to", "has at times seemed": a
        // relative clause or a verb is no subject.
        if k - s > MAX_SUBJECT
            || (s..k).any(|t| {
                let w = doc.low(t);
                RELATIVES.contains(&w) || AUXILIARIES.contains(&w) || BE_FORMS.contains(&w)
            })
        {
            continue;
        }
        // "It seems that …": the clause after "that" is the whole content.
        let expletive = k == s + 1 && matches!(doc.low(s), "it" | "there");
        let c = if next == "that" { v + 2 } else { v + 1 };
        let mut e = c;
        while e < se
            && e - c < MAX_COMPLEMENT
            && !doc.is_punct(e, ";")
            && !doc.is_punct(e, ":")
            && !super::frames::is_dash(doc, e)
            && !stops.contains(&e)
            && !(e > c && super::frames::is_open_quote(doc, e))
            && !(doc.is_punct(e, ",") && opens_clause(doc.low(e + 1)))
        {
            e += 1;
        }
        if e - c >= MAX_COMPLEMENT {
            continue;
        }
        // "by saying": a preposition left before the next cue goes.
        while e > c
            && matches!(
                doc.low(e - 1),
                "by" | "in" | "when" | "while" | "after" | "before"
            )
        {
            e -= 1;
        }
        // "Lee seemed relieved": one word says too little.
        let (ca, cb) = trim_range(doc, c, e);
        if super::frames::word_count(doc, ca, cb) < 2 {
            continue;
        }
        let mut parts = Vec::with_capacity(2);
        // "it" and "there" add nothing to what the impression is about.
        // "Trump will reportedly be speaking": beside an adverb the
        // auxiliaries belong to the clause reported.
        let subject_end = if w.ends_with("ly") { v } else { k };
        if !expletive && s < k {
            let (sa, sb) = trim_range(doc, s, subject_end);
            if sa < sb {
                parts.push((sa, sb));
            }
        }
        parts.push((ca, cb));
        out.push(RawStatement {
            kind: kind_of(doc, parts[0].0, cb),
            parts: byte_parts(doc, &parts),
            token_parts: parts,
            cue: Some((tok_start(doc, v), tok_end(doc, v))),
            cue_token: v,
            act: crate::model::Act::Statement,
            weak: true,
            speaker: None,
            speaker_from: SpeakerFrom::Subject,
            addressee: None,
            via: None,
            sentence: si,
        });
    }
}
