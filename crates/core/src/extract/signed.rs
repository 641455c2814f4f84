//! Quotations signed with a dash: a paragraph (or line) that is a quotation
//! followed by a dash and the speaker's name, as in collections of
//! reactions (“We need a new deal.” ― Ana Lee, 43, Porto).

use super::frames::{RawStatement, SpeakerFrom, byte_parts, tok_end, tok_start};
use super::lexicon::Lexicon;
use super::phrases::{Head, analyse_name_run, phrase_after};
use super::text::{Doc, TokKind};
use crate::model::{Act, Kind};

/// Dashes that sign a quotation.
const SIGNATURE_DASHES: &[&str] = &["―", "—", "–", "-", "--"];

/// The most words a signature name may have.
const MAX_NAME_WORDS: usize = 6;

/// Finds signed quotations and adds them as direct statements.
pub(crate) fn signed_quotes(doc: &Doc, lex: &Lexicon, out: &mut Vec<RawStatement>) {
    for q in &doc.quotes {
        let Some(close) = q.close else { continue };
        let Some(&si) = doc.sentence_of.get(q.open) else {
            continue;
        };
        let si = si as usize;
        let Some(sent) = doc.sentences.get(si) else {
            continue;
        };
        let Some(&(ps, pe)) = doc.paragraphs.get(sent.para) else {
            continue;
        };
        // The quotation opens its paragraph.
        if q.open != ps {
            continue;
        }
        // Optional punctuation, then the dash.
        let mut d = close + 1;
        while d < pe && (doc.is_punct(d, ".") || doc.is_punct(d, ",")) {
            d += 1;
        }
        if d >= pe || !SIGNATURE_DASHES.iter().any(|s| doc.is_punct(d, s)) {
            continue;
        }
        // The name: capitalised words up to a comma, a full stop or the line end.
        let start = d + 1;
        let mut end = start;
        while end < pe && !doc.is_punct(end, ",") && !(doc.is_punct(end, ".") && end + 1 == pe) {
            end += 1;
        }
        let words = (start..end).filter(|&k| doc.is_word(k)).count();
        if words == 0 || words > MAX_NAME_WORDS || !doc.is_cap(start) {
            continue;
        }
        // A name: every word capitalised but particles ("Ana de Souza").
        let name_like = (start..end).filter(|&k| doc.is_word(k)).all(|k| {
            doc.is_cap(k)
                || matches!(
                    doc.low(k),
                    "de" | "da" | "del" | "van" | "von" | "bin" | "al" | "la" | "le"
                )
        });
        if !name_like {
            continue;
        }
        // Only a short description may follow the name (", 43, Denver").
        if end < pe && (end..pe).filter(|&k| doc.is_word(k)).count() > 6 {
            continue;
        }
        if (start..end).any(|k| {
            doc.quote_of(k).is_some() || doc.tok(k).is_some_and(|t| t.kind == TokKind::Break)
        }) {
            continue;
        }
        let speaker = phrase_after(doc, lex, start, end, false)
            .filter(|p| p.end == end && matches!(p.head, Head::Name))
            .unwrap_or_else(|| analyse_name_run(doc, lex, start, end));
        let parts = vec![(q.open, close + 1)];
        out.push(RawStatement {
            kind: Kind::Direct,
            parts: byte_parts(doc, &parts),
            token_parts: parts,
            cue: Some((tok_start(doc, d), tok_end(doc, d))),
            cue_token: d,
            act: Act::Statement,
            weak: false,
            speaker: Some(speaker),
            speaker_from: SpeakerFrom::Subject,
            addressee: None,
            via: None,
            sentence: si,
        });
    }
}
