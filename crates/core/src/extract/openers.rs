//! Attributions marked by a sentence opener instead of a reporting verb:
//! "In a poll released Monday, 50 percent chose Lee" (the poll is the
//! source) and "Asked whether talks would resume, Lee said ..." (the
//! question put to the speaker is reported content of its own).

use super::frames::{
    RawStatement, SpeakerFrom, channel_phrase, is_open_quote, kind_of, tok_end, tok_start,
    trim_range, word_count,
};
use super::lexicon::Lexicon;
use super::phrases::{Head, Phrase, phrase_after};
use super::text::{Doc, Sentence};
use crate::model::{Act, SpeakerKind};

/// Nouns of polls and studies that report findings from a prepositional
/// opener ("In a survey released Monday, ...").
const POLL_NOUNS: &[&str] = &["poll", "polls", "survey", "surveys", "study"];

/// Words that open the question in "Asked whether ...", "asked about ...".
const QUESTION_OPENERS: &[&str] = &[
    "whether", "if", "why", "how", "what", "who", "whom", "which", "when", "where", "about",
];

/// The longest opener clause read, in tokens.
const MAX_OPENER: usize = 24;

/// Finds opener attributions in one sentence (`sent` starts after any
/// dateline).
pub(crate) fn opener_frames(
    doc: &Doc,
    lex: &Lexicon,
    si: usize,
    sent: Sentence,
    out: &mut Vec<RawStatement>,
) {
    let (ss, se) = (sent.start, sent.end);
    if ss >= se {
        return;
    }
    if doc.quote_of(ss).is_none() {
        poll_opener(doc, lex, si, ss, se, out);
    }
    // "“…,” Lee said when asked whether …" may open with its quotation.
    asked_openers(doc, lex, si, ss, se, out);
    participle_opener(doc, lex, si, ss, se, out);
}

/// The longest clause a reporting participle opens, in tokens.
const MAX_PARTICIPLE_CLAUSE: usize = 60;

/// "Noting that both leaders faced opposition, Lee reminded …",
/// "Acknowledging that the plan “has flaws,” Park …": a reporting
/// participle opening the sentence with "that" or a quotation reports the
/// clause up to the comma before the main clause, whose subject is its
/// speaker.
fn participle_opener(
    doc: &Doc,
    lex: &Lexicon,
    si: usize,
    ss: usize,
    se: usize,
    out: &mut Vec<RawStatement>,
) {
    let reporting = lex.cues.get(doc.low(ss)).is_some_and(|v| {
        v.iter()
            .any(|c| c.participle && c.rest.is_empty() && !c.imp)
    });
    let a = ss + 1;
    if !doc.is_cap(ss) || !reporting || !(doc.low(a) == "that" || is_open_quote(doc, a)) {
        return;
    }
    // The main clause: a comma outside quotations, then a subject and a
    // verb in lower case ("…, Trump reminded", "…, though, Allen did").
    let main = (a + 2..se.min(a + MAX_PARTICIPLE_CLAUSE)).find_map(|c| {
        if !doc.is_punct(c, ",") || doc.quote_of(c).is_some_and(|q| !is_close_at(doc, q, c)) {
            return None;
        }
        let p = phrase_after(doc, lex, c + 1, se, false)?;
        let verb = doc.is_word(p.end) && !doc.is_cap(p.end);
        (p.start == c + 1 && !matches!(p.head, Head::Other) && verb).then_some((c, p))
    });
    let Some((comma, speaker)) = main else { return };
    let (b0, b) = trim_range(doc, a, comma + 1);
    if word_count(doc, b0, b) < 3 {
        return;
    }
    // Unlike the other openers, the speaker is the clause's own subject
    // and the cue a plain reporting verb.
    push_opener(doc, out, (b0, b), ss, Some(speaker), si, false);
}

/// Whether the comma at `c` sits just inside the closing mark of quotation
/// `q` (“…stuff,” Allen said), where it also ends the clause.
fn is_close_at(doc: &Doc, q: usize, c: usize) -> bool {
    doc.quotes.get(q).is_some_and(|r| r.close == Some(c + 1))
}

/// The first comma after `from` within the opener limit, outside quotations.
fn clause_comma(doc: &Doc, from: usize, se: usize) -> Option<usize> {
    (from..se.min(from + MAX_OPENER)).find(|&c| doc.is_punct(c, ",") && doc.quote_of(c).is_none())
}

/// "In a CBS News poll last month, Lee led by six points": the poll is the
/// source of the clause after the comma.
fn poll_opener(
    doc: &Doc,
    lex: &Lexicon,
    si: usize,
    ss: usize,
    se: usize,
    out: &mut Vec<RawStatement>,
) {
    if doc.low(ss) != "in" {
        return;
    }
    let Some(comma) = clause_comma(doc, ss + 1, se) else {
        return;
    };
    let Some(noun) = (ss + 1..comma).find(|&k| POLL_NOUNS.contains(&doc.low(k))) else {
        return;
    };
    let (a, b) = trim_range(doc, comma + 1, se);
    if word_count(doc, a, b) < 3 {
        return;
    }
    // The pollster is the name before the noun ("a CBS News poll"), not a
    // later date ("released Monday").
    let speaker =
        channel_phrase(doc, lex, ss + 1, noun).unwrap_or_else(|| plain_phrase(doc, ss + 1, comma));
    push_opener(doc, out, (a, b), ss, Some(speaker), si, true);
}

/// "Asked whether the talks would resume, Lee said ...", "When asked about
/// the plan, ...", "..., asked about the plan, said": the question is
/// content without a speaker, or with the asker after "by".
fn asked_openers(
    doc: &Doc,
    lex: &Lexicon,
    si: usize,
    ss: usize,
    se: usize,
    out: &mut Vec<RawStatement>,
) {
    let mut i = ss;
    while i < se {
        if doc.low(i) != "asked" || doc.quote_of(i).is_some() {
            i += 1;
            continue;
        }
        // "Lee said when asked whether …": a time clause after the report.
        let after_conjunction =
            i > ss && matches!(doc.low(i - 1), "when" | "after" | "if" | "while");
        let opens = i == ss
            || (i == ss + 1 && doc.low(ss) == "when")
            || (i > ss && doc.is_punct(i - 1, ","))
            || after_conjunction;
        if !opens {
            i += 1;
            continue;
        }
        let comma = match clause_comma(doc, i + 1, se) {
            Some(c) => c,
            // The clause runs to the end of a sentence it does not open.
            None if after_conjunction && i > ss + 1 => {
                let mut e = se;
                while e > i + 1 && !doc.is_word(e - 1) {
                    e -= 1;
                }
                e
            }
            None => return,
        };
        // "Asked by a reporter whether ...": the asker is the source, up to
        // the question word.
        let mut k = i + 1;
        let mut asker = None;
        let question_word = (k + 1..comma).find(|&m| QUESTION_OPENERS.contains(&doc.low(m)));
        if doc.low(k) == "by"
            && let Some(p) = phrase_after(doc, lex, k + 1, question_word.unwrap_or(comma), true)
        {
            k = p.end;
            asker = Some(p);
        }
        // The question starts at its first question word, after an
        // adverbial such as "on Fox News" or "specifically".
        let Some(q) = (k..comma.min(k + 8)).find(|&m| QUESTION_OPENERS.contains(&doc.low(m)))
        else {
            i = comma;
            continue;
        };
        let (a, b) = trim_range(doc, q, comma + 1);
        if word_count(doc, a, b) >= 3 {
            push_opener(doc, out, (a, b), i, asker, si, true);
        }
        i = comma;
    }
}

/// A phrase over tokens the speaker parser has no reading for ("a poll
/// released Monday").
fn plain_phrase(doc: &Doc, start: usize, end: usize) -> Phrase {
    Phrase::unparsed(doc, start, end, SpeakerKind::Unnamed)
}

/// `marker`: the opener marks the attribution without a reporting verb
/// of the speaker's own ("In a poll …", "Asked whether …"), so the cue is
/// weak and the speaker found beside it; otherwise the opener is the
/// speaker's own reporting verb and the speaker its clause's subject.
fn push_opener(
    doc: &Doc,
    out: &mut Vec<RawStatement>,
    (a, b): (usize, usize),
    cue_token: usize,
    speaker: Option<Phrase>,
    si: usize,
    marker: bool,
) {
    let token_parts = vec![(a, b)];
    out.push(RawStatement {
        kind: kind_of(doc, a, b),
        parts: vec![(tok_start(doc, a), tok_end(doc, b - 1))],
        token_parts,
        cue: Some((tok_start(doc, cue_token), tok_end(doc, cue_token))),
        cue_token,
        act: Act::Statement,
        weak: marker,
        speaker,
        speaker_from: if marker {
            SpeakerFrom::Inverted
        } else {
            SpeakerFrom::Subject
        },
        addressee: None,
        via: None,
        sentence: si,
    });
}
