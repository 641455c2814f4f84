//! Interview transcripts: paragraphs that open with a speaker label in
//! capitals and a colon ("WALLACE: Why would he do that?", or "“PENCE: Well,
//! look, …" when the whole transcript is quoted and every paragraph reopens
//! the quotation). Each turn is one statement by the labelled speaker, its
//! content the rest of the paragraph; in a quoted transcript, a following
//! paragraph that reopens the quotation without a label continues the turn.

use super::frames::{HEADLINE_LABELS, RawStatement, push_colon, tok_end};
use super::frames::{tok_start, trim_range, word_count};
use super::lexicon::Lexicon;
use super::phrases::{Head, analyse_name_run};
use super::text::{Doc, Facing, Family, TokKind};
use crate::model::{Kind, SpeakerKind};

/// The most words a speaker label may have ("JAKE TAPPER", "SEN. TIM KAINE").
const MAX_LABEL_WORDS: usize = 4;

/// The fewest words a turn has.
const MIN_TURN_WORDS: usize = 3;

/// Short words that make a capitalised run a heading, not a name ("FIX IS
/// IN:", "WHAT TO WATCH:").
const HEADING_WORDS: &[&str] = &[
    "is",
    "in",
    "the",
    "of",
    "and",
    "to",
    "a",
    "an",
    "on",
    "for",
    "what",
    "how",
    "why",
    "who",
    "with",
    "at",
    "by",
    "from",
    "transcript",
    "audio",
    "headline",
    "summary",
    "background",
    "context",
    "topic",
    "question",
    "answer",
];

/// A speaker label opening paragraph `p`: the label's token range and its colon.
struct Label {
    para: usize,
    /// The label's first token; it runs up to the colon.
    start: usize,
    colon: usize,
    /// Written in capitals ("WALLACE"), not in title case ("Lopez").
    capitals: bool,
}

/// Finds transcript turns and makes each one statement, replacing what the
/// sentence frames read in them: the label read as a headline speaker, a
/// quotation spanning several turns, and reports inside a turn.
pub(crate) fn transcript_turns(doc: &Doc, lex: &Lexicon, out: &mut Vec<RawStatement>) {
    let mut labels: Vec<Label> = (1..doc.paragraphs.len())
        .filter_map(|p| label_at(doc, p))
        .collect();
    // A label in title case ("Lopez: Well, …") could as well be a run-in
    // heading or a list ("Sanders: Win in a walk"); those count only in a
    // dialogue, where a speaker's last name labels two turns.
    let last_words: Vec<&str> = labels
        .iter()
        .filter(|l| !l.capitals)
        .map(|l| doc.low(l.colon - 1))
        .collect();
    let dialogue = last_words
        .iter()
        .enumerate()
        .any(|(k, w)| last_words[k + 1..].contains(w));
    labels.retain(|l| l.capitals || dialogue);
    // One labelled paragraph is a heading or a note ("UPDATE: …"); a
    // transcript has turns.
    if labels.len() < 2 {
        return;
    }
    let mut turns = Vec::with_capacity(labels.len());
    for label in &labels {
        let Some(&(_, pe)) = doc.paragraphs.get(label.para) else {
            continue;
        };
        // A figure or a word after the label is a table row ("Clinton:
        // 2,316"), not a turn.
        let (a, b) = trim_range(doc, label.colon + 1, pe);
        if word_count(doc, a, b) < MIN_TURN_WORDS {
            continue;
        }
        let mut parts = vec![(a, b)];
        parts.extend(continuation(doc, label.para));
        let kind = turn_kind(doc, &parts);
        // A label names a person ("WALLACE", "JAKE TAPPER"), resolved like
        // any name, so "PENCE" is the Mike Pence of the introduction.
        let mut speaker = analyse_name_run(doc, lex, label.start, label.colon);
        speaker.head = Head::Name;
        speaker.kind = SpeakerKind::Person;
        if speaker.name.is_none() {
            let (s, e) = (tok_start(doc, label.start), tok_end(doc, label.colon - 1));
            speaker.name = Some(doc.slice(s, e).to_owned());
        }
        let sentence = doc.sentence_of.get(a).map_or(0, |&s| s as usize);
        push_colon(doc, &mut turns, kind, parts, label.colon, speaker, sentence);
    }
    let colons: Vec<usize> = labels.iter().map(|l| tok_start(doc, l.colon)).collect();
    let spans: Vec<(usize, usize)> = turns.iter().flat_map(|t| t.parts.iter().copied()).collect();
    out.retain(|r| {
        let label_cue = labels.iter().any(|l| r.cue_token == l.colon);
        let spans_label = r
            .parts
            .iter()
            .any(|&(s, e)| colons.iter().any(|&c| s <= c && c < e));
        let inside_turn = r
            .parts
            .iter()
            .all(|&(s, e)| spans.iter().any(|&(ts, te)| ts <= s && e <= te));
        !(label_cue || spans_label || inside_turn)
    });
    out.extend(turns);
}

/// The speaker label opening paragraph `p`, after an opening quotation mark.
fn label_at(doc: &Doc, p: usize) -> Option<Label> {
    let &(ps, pe) = doc.paragraphs.get(p)?;
    let start = if doc.is_quote(ps) { ps + 1 } else { ps };
    let mut i = start;
    let mut words = 0;
    let mut all_capitals = true;
    while i < pe && words <= MAX_LABEL_WORDS {
        let tok = doc.tok(i)?;
        if doc.is_punct(i, ":") {
            break;
        }
        let text = doc.text(i);
        let word = matches!(tok.kind, TokKind::Word | TokKind::Possessive)
            && text.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && text.chars().next().is_some_and(char::is_uppercase);
        if word {
            if HEADING_WORDS.contains(&doc.low(i)) || HEADLINE_LABELS.contains(&doc.low(i)) {
                return None;
            }
            all_capitals &= !text.chars().any(char::is_lowercase);
            words += 1;
        } else if !((doc.is_punct(i, ".") || doc.is_punct(i, "-")) && i > start) {
            return None;
        }
        i += 1;
    }
    // The colon follows the label directly and a turn follows the colon.
    let colon = i;
    if words == 0 || words > MAX_LABEL_WORDS || !doc.is_punct(colon, ":") || colon + 1 >= pe {
        return None;
    }
    if tok_end(doc, colon - 1) != tok_start(doc, colon) {
        return None;
    }
    Some(Label {
        para: p,
        start,
        colon,
        capitals: all_capitals,
    })
}

/// The paragraphs after `para` that continue its turn in a quoted
/// transcript: each reopens the quotation like the turn's own paragraph,
/// carries no label and no stage direction ("(CROSSTALK)"), and is followed
/// by another paragraph of the quotation (the paragraph that ends the
/// quotation without a label is usually the writer's own line).
fn continuation(doc: &Doc, para: usize) -> Vec<(usize, usize)> {
    let mut parts = Vec::new();
    if !opens_with_quote(doc, para) {
        return parts;
    }
    let mut p = para + 1;
    while opens_with_quote(doc, p)
        && opens_with_quote(doc, p + 1)
        && label_at(doc, p).is_none()
        && let Some(&(ps, pe)) = doc.paragraphs.get(p)
        && !doc.is_punct(ps + 1, "(")
    {
        let (a, b) = trim_range(doc, ps + 1, pe);
        if a < b {
            parts.push((a, b));
        }
        p += 1;
    }
    parts
}

/// Whether paragraph `p` opens with a quotation mark (straight or opening).
fn opens_with_quote(doc: &Doc, p: usize) -> bool {
    doc.paragraphs.get(p).is_some_and(|&(ps, _)| {
        doc.tok(ps).is_some_and(
            |t| matches!(t.kind, TokKind::Quote(Family::Double, f) if f != Facing::Close),
        )
    })
}

/// A turn is indirect unless it quotes someone itself: the marks of a
/// quoted transcript, opening each paragraph, are not the speaker's.
fn turn_kind(doc: &Doc, parts: &[(usize, usize)]) -> Kind {
    let own_quote = parts.iter().any(|&(s, e)| {
        (s..e).any(|i| {
            doc.is_quote(i)
                && doc
                    .quote_of(i)
                    .and_then(|q| doc.quotes.get(q))
                    .is_some_and(|q| q.open >= s)
        })
    });
    if own_quote {
        Kind::Mixed
    } else {
        Kind::Indirect
    }
}
