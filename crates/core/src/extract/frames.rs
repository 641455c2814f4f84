//! Attribution frames: a reporting cue with its speaker, addressee and
//! content ("X told Y that ...", "“...,” X said", "according to X, ..."),
//! and direct quotations whose speaker is in a neighbouring sentence.

use super::lexicon::{Cue, Lexicon};
use super::phrases::{Head, Phrase, analyse_name_run, phrase_after, phrase_before};
use super::text::{Doc, Facing, Sentence, TokKind};
use crate::model::{Act, Kind};

/// Where the speaker of a frame was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SpeakerFrom {
    /// The subject of the cue.
    Subject,
    /// After the cue ("said Wang", "according to Wang").
    Inverted,
    /// The subject of an earlier cue in the sentence (", adding that").
    Inherited,
    /// A neighbouring sentence's attribution.
    Neighbour,
    /// The most recent speaker, for an unattributed quotation.
    Context,
}

/// A statement before speaker resolution and enrichment.
#[derive(Debug, Clone)]
pub(crate) struct RawStatement {
    /// Direct, indirect or mixed.
    pub kind: Kind,
    /// Content pieces as byte ranges, in order.
    pub parts: Vec<(usize, usize)>,
    /// Content pieces as token ranges, for topics and countries.
    pub token_parts: Vec<(usize, usize)>,
    /// The cue as a byte range.
    pub cue: Option<(usize, usize)>,
    /// The cue's first token.
    pub cue_token: usize,
    /// The speech act of the cue.
    pub act: Act,
    /// The cue is a belief or evidence verb.
    pub weak: bool,
    /// The speaker phrase, when found.
    pub speaker: Option<Phrase>,
    /// Where the speaker was found.
    pub speaker_from: SpeakerFrom,
    /// The addressee phrase.
    pub addressee: Option<Phrase>,
    /// The "according to" channel.
    pub via: Option<String>,
    /// The sentence index.
    pub sentence: usize,
}

/// Adverbs and auxiliaries that may sit between a subject and its cue.
const BETWEEN_SUBJECT_AND_CUE: &[&str] = &[
    "also",
    "has",
    "had",
    "have",
    "was",
    "is",
    "were",
    "are",
    "would",
    "will",
    "could",
    "later",
    "then",
    "previously",
    "again",
    "repeatedly",
    "reportedly",
    "publicly",
    "recently",
    "once",
    "already",
    "further",
    "simply",
    "flatly",
    "quickly",
    "openly",
    "privately",
    "separately",
    "similarly",
    "first",
    "had",
    "did",
    "does",
    "do",
    "not",
    "never",
    "often",
    "frequently",
    "since",
    "long",
    "last",
    "quoted",
    "as",
    "been",
    "being",
    "who",
    "may",
    "might",
    "can",
    "must",
    "should",
    "shall",
    "even",
    "still",
    "always",
    "just",
    "now",
    "himself",
    "herself",
    "themselves",
    "itself",
    "both",
    "all",
    "too",
    "ultimately",
    "finally",
    "initially",
    "subsequently",
    "immediately",
    "earlier",
    "today",
    "yesterday",
    "twice",
    "in",
    "an",
    "interview",
    "a",
    "statement",
    "on",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Cue forms that are also common nouns.
const NOUN_LIKE: &[&str] = &[
    "state",
    "states",
    "report",
    "reports",
    "question",
    "questions",
    "attack",
    "order",
    "orders",
    "comment",
    "comments",
    "answer",
    "claim",
    "claims",
    "call",
    "calls",
    "demand",
    "demands",
    "promise",
    "promises",
    "warning",
    "offer",
    "offers",
    "charge",
    "charges",
    "protest",
    "quote",
    "post",
    "posts",
    "note",
    "notes",
    "estimate",
    "estimates",
    "blast",
    "slam",
    "reply",
    "replies",
    "request",
    "requests",
    "appeal",
    "appeals",
    "pledge",
    "pledges",
    "vow",
    "vows",
    "cite",
    "fear",
    "fears",
    "hope",
    "hopes",
    "want",
    "wants",
    "worry",
    "worries",
    "order",
    "thanks",
    "praise",
    "welcome",
    "press",
    "brief",
    "find",
    "finds",
    "show",
    "shows",
    "record",
    "tweet",
    "tweets",
    "release",
    "response",
    "plead",
    "remarks",
    "remark",
];

/// Words that open a sentence with an adverbial, not with reported content.
const ADVERBIAL_OPENERS: &[&str] = &[
    "in",
    "on",
    "at",
    "after",
    "when",
    "during",
    "while",
    "as",
    "asked",
    "speaking",
    "last",
    "earlier",
    "later",
    "before",
    "since",
    "for",
    "with",
    "by",
    "from",
    "under",
    "despite",
    "following",
    "until",
    "if",
    "although",
    "though",
    "because",
    "meanwhile",
    "separately",
    "also",
    "however",
    "instead",
    "then",
    "now",
    "today",
    "yesterday",
    "still",
    "writing",
    "addressing",
    "responding",
    "pressed",
    "talking",
    "appearing",
    "interviewed",
    "upon",
];

/// Finds a cue starting at token `i`, returning it and its length in tokens.
fn cue_at<'l>(doc: &Doc, lex: &'l Lexicon, i: usize, end: usize) -> Option<(&'l Cue, usize)> {
    let list = lex.cues.get(doc.low(i))?;
    list.iter().find_map(|c| {
        let n = c.rest.len();
        if i + n >= end {
            return None;
        }
        let ok =
            c.rest.iter().enumerate().all(|(k, w)| {
                doc.low(i + 1 + k) == w.as_str() && doc.quote_of(i + 1 + k).is_none()
            });
        ok.then_some((c, n + 1))
    })
}

fn tok_start(doc: &Doc, i: usize) -> usize {
    doc.tok(i).map_or(0, |t| t.start)
}

fn tok_end(doc: &Doc, i: usize) -> usize {
    doc.tok(i).map_or(0, |t| t.end)
}

fn is_terminal(doc: &Doc, i: usize) -> bool {
    doc.tok(i).is_some_and(|t| t.kind == TokKind::Punct)
        && matches!(doc.text(i), "." | "?" | "!" | "…" | ";" | ":" | ",")
}

fn is_open_quote(doc: &Doc, i: usize) -> bool {
    doc.quote_of(i)
        .and_then(|q| doc.quotes.get(q))
        .is_some_and(|q| q.open == i)
}

fn is_close_quote(doc: &Doc, i: usize) -> bool {
    doc.quote_of(i)
        .and_then(|q| doc.quotes.get(q))
        .is_some_and(|q| q.close == Some(i))
}

/// Trims a token range of leading and trailing punctuation that is not a
/// quotation mark belonging to a quotation inside the range.
fn trim_range(doc: &Doc, mut s: usize, mut e: usize) -> (usize, usize) {
    while s < e && doc.tok(s).is_some_and(|t| t.kind == TokKind::Punct) && !doc.is_punct(s, "(") {
        s += 1;
    }
    while s < e {
        let last = e - 1;
        let punct = doc.tok(last).is_some_and(|t| t.kind == TokKind::Punct);
        let stray_quote = doc.is_quote(last)
            && doc
                .quote_of(last)
                .and_then(|q| doc.quotes.get(q))
                .is_none_or(|q| q.open < s || q.open == last);
        if punct || stray_quote {
            e -= 1;
        } else {
            break;
        }
    }
    // A leading opening mark whose quotation closes after the range is dropped.
    if s < e && is_open_quote(doc, s) {
        let closes_inside = doc
            .quote_of(s)
            .and_then(|q| doc.quotes.get(q))
            .is_some_and(|q| q.close.is_some_and(|c| c < e) || q.close.is_none());
        if !closes_inside {
            s += 1;
        }
    }
    (s, e)
}

fn word_count(doc: &Doc, s: usize, e: usize) -> usize {
    (s..e).filter(|&i| doc.is_word(i)).count()
}

/// Classifies a content token range by its quotation marks.
fn kind_of(doc: &Doc, s: usize, e: usize) -> Kind {
    if s >= e {
        return Kind::Indirect;
    }
    if is_open_quote(doc, s)
        && let Some(q) = doc.quote_of(s).and_then(|q| doc.quotes.get(q))
    {
        let qend = q.close.map_or(e, |c| c + 1);
        if qend >= e {
            return Kind::Direct;
        }
        // A quotation followed only by punctuation is still direct.
        if (qend..e).all(|k| !doc.is_word(k)) {
            return Kind::Direct;
        }
        return Kind::Mixed;
    }
    let quoted_words = (s..e)
        .filter(|&k| doc.is_word(k) && doc.quote_of(k).is_some())
        .count();
    if quoted_words > 0 {
        Kind::Mixed
    } else {
        Kind::Indirect
    }
}

struct Found<'l> {
    start: usize,
    len: usize,
    cue: &'l Cue,
}

/// Finds the attribution frames of one sentence.
pub(crate) fn sentence_frames(
    doc: &Doc,
    lex: &Lexicon,
    si: usize,
    sent: Sentence,
    out: &mut Vec<RawStatement>,
) {
    let (ss, se) = (sent.start, sent.end);
    let mut cues: Vec<Found> = Vec::new();
    let mut i = ss;
    while i < se {
        if doc.quote_of(i).is_none()
            && doc.is_word(i)
            && let Some((cue, len)) = cue_at(doc, lex, i, se)
        {
            // "to say", "declined to comment": infinitives are not reports;
            // a capitalised cue mid-sentence is a name ("United States").
            let infinitive = i > ss && doc.low(i - 1) == "to" && !cue.src;
            let capitalised = doc.is_cap(i) && i > ss && !is_open_quote(doc, i - 1);
            if !infinitive && !capitalised {
                cues.push(Found { start: i, len, cue });
            }
            i += len;
            continue;
        }
        i += 1;
    }
    if cues.is_empty() {
        return;
    }
    let first_new = out.len();
    let mut last_subject: Option<Phrase> = None;
    for (ci, f) in cues.iter().enumerate() {
        let cue_end = f.start + f.len;
        let next_cue = cues.get(ci + 1).map_or(se, |n| n.start);
        if f.cue.src {
            according_to(doc, lex, si, sent, f.start, cue_end, f.cue, out);
            continue;
        }
        // The subject: skip adverbs and auxiliaries back from the cue.
        let mut k = f.start;
        while k > ss && {
            let w = doc.low(k - 1);
            BETWEEN_SUBJECT_AND_CUE.contains(&w) || (w.ends_with("ly") && w.len() > 4)
        } {
            k -= 1;
        }
        let prev_is_boundary =
            f.start > ss && (doc.is_punct(f.start - 1, ",") || is_close_quote(doc, f.start - 1));
        // ", adding that": the participle's subject is the clause's speaker.
        let mut subject = if f.cue.participle && prev_is_boundary {
            None
        } else {
            phrase_before(doc, lex, ss, k)
        };
        // Forms that are also nouns ("the state", "a report") need a clear subject.
        if NOUN_LIKE.contains(&doc.low(f.start))
            && subject
                .as_ref()
                .is_some_and(|p| matches!(p.head, Head::Other))
        {
            subject = None;
        }
        // Cues inside a relative clause ("what officials said was") are fine;
        // a subject inside a quotation is not.
        if let Some(p) = &subject
            && doc.quote_of(p.start).is_some()
        {
            subject = None;
        }
        let mut from = SpeakerFrom::Subject;
        let after_preposition = f.start > ss
            && matches!(
                doc.low(f.start - 1),
                "by" | "after" | "before" | "while" | "in" | "when"
            );
        if subject.is_none() && f.cue.participle && (prev_is_boundary || after_preposition) {
            // The clause's own subject: the last cue's speaker, else the
            // phrase that opens the sentence ("He also staked out ..., saying").
            subject = last_subject.clone().or_else(|| {
                phrase_after(doc, lex, ss, f.start, false)
                    .filter(|p| !matches!(p.head, Head::Other) && p.start == ss && p.end < f.start)
            });
            from = SpeakerFrom::Inherited;
        }
        let mut inverted = false;
        if subject.is_none() && f.cue.inv && prev_is_boundary {
            subject = phrase_after(doc, lex, cue_end, se, false);
            if subject.is_some() {
                inverted = true;
                from = SpeakerFrom::Inverted;
            }
        }
        let Some(subject) = subject else { continue };
        // "It is hoped that", "it was reported": impersonal passives have no speaker.
        if matches!(subject.head, Head::Pronoun(_))
            && doc.low(subject.start) == "it"
            && (subject.end..f.start)
                .any(|k| matches!(doc.low(k), "is" | "was" | "has" | "had" | "been"))
        {
            continue;
        }
        if f.cue.weak && matches!(subject.head, Head::Other) {
            continue;
        }
        last_subject = Some(subject.clone());
        let cue_span = (tok_start(doc, f.start), tok_end(doc, cue_end - 1));
        let after_speaker = if inverted { subject.end } else { cue_end };
        // Trailing attribution: "<content>, X said." or "“...,” said X."
        let subject_start = if inverted { f.start } else { subject.start };
        let preceded = subject_start > ss
            && (doc.is_punct(subject_start - 1, ",")
                || is_close_quote(doc, subject_start - 1)
                || doc.is_punct(subject_start - 1, "—")
                || doc.is_punct(subject_start - 1, "–"));
        let mut j = after_speaker;
        let mut addressee = None;
        if f.cue.obj
            && let Some(a) = phrase_after(doc, lex, j, se, true)
        {
            j = a.end;
            addressee = Some(a);
        }
        // Skip a short adverbial ("on Friday", "in a statement") up to the content.
        let rest_words = word_count(doc, j, next_cue.min(se));
        let quote_before = subject_start > ss
            && (is_close_quote(doc, subject_start - 1)
                || (doc.is_punct(subject_start - 1, ",")
                    && subject_start >= 2
                    && is_close_quote(doc, subject_start - 2)));
        // "Priebus said, “Probably.”": the quotation after the cue is the content.
        let quote_after = {
            let mut m = j;
            while m < se && (doc.is_punct(m, ",") || doc.is_punct(m, ":")) {
                m += 1;
            }
            m > j && is_open_quote(doc, m)
        };
        let that_after =
            (j..(j + 8).min(se)).any(|k| doc.low(k) == "that" && doc.quote_of(k).is_none());
        let adverbial_after = matches!(
            doc.low(j),
            "at" | "in"
                | "on"
                | "during"
                | "after"
                | "before"
                | "while"
                | "as"
                | "when"
                | "to"
                | "of"
                | "last"
                | "this"
                | "earlier"
                | "later"
                | "recently"
                | "yesterday"
                | "today"
                | "monday"
                | "tuesday"
                | "wednesday"
                | "thursday"
                | "friday"
                | "saturday"
                | "sunday"
                | "through"
                | "via"
                | "with"
                | "from"
                | "about"
        ) && !that_after;
        // "In talks on Friday, Kamikawa urged ...": an adverbial opener is not content.
        let opener_is_adverbial = ADVERBIAL_OPENERS.contains(&doc.low(ss))
            && !(ss..subject_start).any(|k| doc.quote_of(k).is_some());
        let trailing = inverted
            || (preceded && quote_before && !that_after)
            || (preceded
                && !opener_is_adverbial
                && (quote_before || !quote_after)
                && (rest_words <= 6 || doc.is_punct(j, ",") || adverbial_after));
        if trailing {
            let content_end = subject_start - 1;
            let (mut cs, ce) = (ss, content_end);
            // A quotation that began in an earlier sentence is not restarted here.
            while cs < ce && doc.tok(cs).is_some_and(|t| t.kind == TokKind::Punct) {
                cs += 1;
            }
            let mut parts = Vec::new();
            let (a, b) = trim_range(doc, cs, ce + usize::from(is_close_quote(doc, content_end)));
            if word_count(doc, a, b) == 0 {
                continue;
            }
            parts.push((a, b));
            let mut kind = kind_of(doc, a, b);
            // The quotation may resume after the attribution: “...,” she said, “...”
            let mut m = j;
            while m < se && !doc.is_word(m) && !is_open_quote(doc, m) {
                m += 1;
            }
            if m < se && (doc.is_punct(m.saturating_sub(1), ",") || is_open_quote(doc, m)) {
                if is_open_quote(doc, m) && kind == Kind::Direct {
                    for (qs, qe) in quote_chain(doc, m) {
                        parts.push((qs, qe));
                    }
                } else if doc.is_punct(j, ",")
                    && cues.get(ci + 1).is_none_or(|n| n.start != m)
                    && kind != Kind::Direct
                {
                    let (c, d) = trim_range(doc, m, se);
                    if word_count(doc, c, d) >= 2 && c >= j {
                        parts.push((c, d));
                        if kind_of(doc, c, d) != Kind::Indirect {
                            kind = Kind::Mixed;
                        }
                    }
                }
            }
            push(
                doc,
                out,
                kind,
                parts,
                Some(cue_span),
                f.start,
                f.cue,
                Some(subject),
                from,
                addressee,
                si,
            );
            continue;
        }
        // Forward content: after the addressee, an optional adverbial, "that", ":".
        let limit = content_limit(doc, lex, &cues, ci, se);
        let mut start = j;
        let mut k = j;
        while k < limit && k < j + 10 {
            let w = doc.low(k);
            if w == "that" && doc.quote_of(k).is_none() {
                start = k;
                break;
            }
            if is_open_quote(doc, k) || doc.is_punct(k, ":") {
                start = if doc.is_punct(k, ":") { k + 1 } else { k };
                break;
            }
            if doc.is_punct(k, ".") {
                break;
            }
            k += 1;
        }
        let (a, b) = trim_range(doc, start, limit);
        if word_count(doc, a, b) < 2 {
            // "X said:" at the end of a sentence: the quotation follows.
            if a >= b {
                neighbour_quote(doc, lex, si, sent, f, cue_span, subject, addressee, out);
            }
            continue;
        }
        let kind = kind_of(doc, a, b);
        let mut parts = if kind == Kind::Direct && is_open_quote(doc, a) {
            quote_chain(doc, a)
        } else {
            vec![(a, b)]
        };
        if parts.is_empty() {
            parts.push((a, b));
        }
        push(
            doc,
            out,
            kind,
            parts,
            Some(cue_span),
            f.start,
            f.cue,
            Some(subject),
            from,
            addressee,
            si,
        );
    }
    // "according to" becomes the channel of the sentence's other statements.
    let sentence_statements = &mut out[first_new..];
    let via = sentence_statements
        .iter()
        .find(|s| {
            s.cue.is_some()
                && s.via.is_some()
                && s.speaker_from == SpeakerFrom::Inverted
                && s.act == Act::Statement
                && is_according(doc, s)
        })
        .and_then(|s| s.via.clone());
    let has_other = sentence_statements.iter().any(|s| !is_according(doc, s));
    if has_other {
        let mut keep = Vec::new();
        let mut via_text = via;
        for s in out.drain(first_new..) {
            if is_according(doc, &s) {
                if via_text.is_none() {
                    via_text = s.via.clone();
                }
            } else {
                keep.push(s);
            }
        }
        for mut s in keep {
            if s.via.is_none() {
                s.via = via_text.clone();
            }
            out.push(s);
        }
    }
}

fn is_according(doc: &Doc, s: &RawStatement) -> bool {
    doc.low(s.cue_token) == "according"
}

/// The end of a forward content: the sentence end, or an earlier comma
/// that introduces another attribution (", according to", ", he said").
fn content_limit(doc: &Doc, lex: &Lexicon, cues: &[Found], ci: usize, se: usize) -> usize {
    for n in cues.iter().skip(ci + 1) {
        // The comma before the next cue's subject or before the cue itself.
        let mut k = n.start;
        let floor = cues.get(ci).map_or(0, |c| c.start + c.len);
        while k > floor && !doc.is_punct(k - 1, ",") && !doc.is_punct(k - 1, ";") && n.start - k < 8
        {
            k -= 1;
        }
        if k > floor && (doc.is_punct(k - 1, ",") || doc.is_punct(k - 1, ";")) {
            let between = word_count(doc, k, n.start);
            let subject_like = between == 0
                || phrase_before(doc, lex, k, n.start)
                    .is_some_and(|p| p.start == k || between <= 4);
            if subject_like && (n.cue.participle || n.cue.src || n.cue.inv || between > 0) {
                return k - 1;
            }
        }
    }
    se
}

/// The pieces of a quotation starting at `open`, following it into later
/// paragraphs that reopen it.
fn quote_chain(doc: &Doc, open: usize) -> Vec<(usize, usize)> {
    let mut parts = Vec::new();
    let Some(mut qi) = doc.quote_of(open) else {
        return parts;
    };
    while let Some(q) = doc.quotes.get(qi) {
        let end = match q.close {
            Some(c) => c + 1,
            None => {
                // Up to the paragraph's last token.
                let para = doc
                    .sentence_of
                    .get(q.open)
                    .and_then(|&s| doc.sentences.get(s as usize))
                    .map(|s| s.para);
                para.and_then(|p| doc.paragraphs.get(p))
                    .map_or(q.open + 1, |&(_, e)| e)
            }
        };
        let (s, e) = (q.open, end);
        let (s, e) = if q.close.is_none() {
            trim_unclosed(doc, s, e)
        } else {
            (s, e)
        };
        if s < e {
            parts.push((s, e));
        }
        if !q.continued {
            break;
        }
        qi += 1;
        if !doc.quotes.get(qi).is_some_and(|n| n.continues) || parts.len() > 30 {
            break;
        }
    }
    parts
}

fn trim_unclosed(doc: &Doc, s: usize, mut e: usize) -> (usize, usize) {
    while e > s + 1
        && doc.tok(e - 1).is_some_and(|t| {
            t.kind == TokKind::Punct && !matches!(doc.text(e - 1), "." | "?" | "!")
        })
    {
        e -= 1;
    }
    (s, e)
}

/// "X said:" with nothing after it: the content is the quotation that opens
/// the next sentence or paragraph.
#[allow(clippy::too_many_arguments)]
fn neighbour_quote(
    doc: &Doc,
    lex: &Lexicon,
    si: usize,
    sent: Sentence,
    f: &Found,
    cue_span: (usize, usize),
    subject: Phrase,
    addressee: Option<Phrase>,
    out: &mut Vec<RawStatement>,
) {
    let _ = lex;
    let colon = sent.end > 0 && doc.is_punct(sent.end - 1, ":");
    let next = sent.end;
    let Some(mut n) = Some(next) else { return };
    while n < doc.tokens.len() && doc.tok(n).is_some_and(|t| t.kind == TokKind::Break) {
        n += 1;
    }
    if colon && is_open_quote(doc, n) {
        let parts = quote_chain(doc, n);
        if !parts.is_empty() {
            push(
                doc,
                out,
                Kind::Direct,
                parts,
                Some(cue_span),
                f.start,
                f.cue,
                Some(subject),
                SpeakerFrom::Subject,
                addressee,
                si,
            );
        }
        return;
    }
    // "“...” Wang said." split as two sentences: the quotation is the previous one.
    if si > 0
        && let Some(prev) = doc.sentences.get(si - 1)
        && is_open_quote(doc, prev.start)
        && subject.start == sent.start
    {
        let parts = quote_chain(doc, prev.start);
        if parts.len() == 1 && parts.first().is_some_and(|p| p.1 + 2 >= prev.end) {
            push(
                doc,
                out,
                Kind::Direct,
                parts,
                Some(cue_span),
                f.start,
                f.cue,
                Some(subject),
                SpeakerFrom::Neighbour,
                addressee,
                si - 1,
            );
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn according_to(
    doc: &Doc,
    lex: &Lexicon,
    si: usize,
    sent: Sentence,
    start: usize,
    cue_end: usize,
    cue: &Cue,
    out: &mut Vec<RawStatement>,
) {
    let (ss, se) = (sent.start, sent.end);
    // The clause naming the source runs to the next comma or the sentence end.
    let mut clause_end = cue_end;
    while clause_end < se && !doc.is_punct(clause_end, ",") && !is_terminal(doc, clause_end) {
        clause_end += 1;
    }
    let source = phrase_after(doc, lex, cue_end, clause_end, true);
    let via = channel(doc, lex, cue_end, clause_end)
        .or_else(|| source.as_ref().map(|s| strip_det(&s.text)));
    let speaker = channel_phrase(doc, lex, cue_end, clause_end).or(source);
    let cue_span = (tok_start(doc, start), tok_end(doc, cue_end - 1));
    let at_start = start == ss || (start > ss && (start - ss) <= 1 && !doc.is_word(ss));
    let (a, b) = if at_start {
        trim_range(doc, clause_end + 1, se)
    } else {
        let end = if start > ss && doc.is_punct(start - 1, ",") {
            start - 1
        } else {
            start
        };
        trim_range(doc, ss, end)
    };
    if word_count(doc, a, b) < 2 {
        return;
    }
    let kind = kind_of(doc, a, b);
    let parts = vec![(a, b)];
    let mut st = RawStatement {
        kind,
        token_parts: parts.clone(),
        parts: parts
            .iter()
            .map(|&(s, e)| (tok_start(doc, s), tok_end(doc, e - 1)))
            .collect(),
        cue: Some(cue_span),
        cue_token: start,
        act: cue.act,
        weak: cue.weak,
        speaker,
        speaker_from: SpeakerFrom::Inverted,
        addressee: None,
        via: None,
        sentence: si,
    };
    st.via = via;
    out.push(st);
}

fn strip_det(s: &str) -> String {
    for d in ["the ", "The ", "a ", "A ", "an ", "An "] {
        if let Some(r) = s.strip_prefix(d) {
            return r.to_owned();
        }
    }
    s.to_owned()
}

/// The organisation in an "according to" clause: its last capitalised name
/// ("a news release from Japan's Foreign Ministry" → "Japan's Foreign Ministry").
fn channel(doc: &Doc, lex: &Lexicon, s: usize, e: usize) -> Option<String> {
    channel_phrase(doc, lex, s, e).map(|p| strip_det(&p.text))
}

fn channel_phrase(doc: &Doc, lex: &Lexicon, s: usize, e: usize) -> Option<Phrase> {
    let mut k = e;
    while k > s {
        if doc.is_cap(k - 1) {
            // The capitalised run ending here, with "of" and possessives inside.
            let mut start = k - 1;
            while start > s {
                let p = start - 1;
                let joins = doc.is_cap(p)
                    || (doc.tok(p).is_some_and(|t| t.kind == TokKind::Possessive)
                        && p > s
                        && doc.is_cap(p - 1))
                    || (matches!(doc.low(p), "of" | "for" | "and") && p > s && doc.is_cap(p - 1));
                if !joins {
                    break;
                }
                start = p;
            }
            if start > s && doc.low(start - 1) == "the" {
                start -= 1;
            }
            return Some(analyse_name_run(doc, lex, start, k));
        }
        k -= 1;
    }
    None
}

#[allow(clippy::too_many_arguments)]
fn push(
    doc: &Doc,
    out: &mut Vec<RawStatement>,
    kind: Kind,
    token_parts: Vec<(usize, usize)>,
    cue: Option<(usize, usize)>,
    cue_token: usize,
    c: &Cue,
    speaker: Option<Phrase>,
    from: SpeakerFrom,
    addressee: Option<Phrase>,
    si: usize,
) {
    let parts: Vec<(usize, usize)> = token_parts
        .iter()
        .filter(|(s, e)| s < e)
        .map(|&(s, e)| (tok_start(doc, s), tok_end(doc, e - 1)))
        .collect();
    if parts.is_empty() {
        return;
    }
    out.push(RawStatement {
        kind,
        parts,
        token_parts,
        cue,
        cue_token,
        act: c.act,
        weak: c.weak,
        speaker,
        speaker_from: from,
        addressee,
        via: None,
        sentence: si,
    });
}

/// Direct quotations no frame covered: whole-sentence quotations take the
/// speaker of the nearest preceding statement; short fragments are scare quotes.
pub(crate) fn orphan_quotes(doc: &Doc, out: &mut Vec<RawStatement>) {
    let mut covered = vec![false; doc.quotes.len()];
    for st in out.iter() {
        for &(s, e) in &st.token_parts {
            for k in s..e {
                if let Some(c) = doc.quote_of(k).and_then(|q| covered.get_mut(q)) {
                    *c = true;
                }
            }
        }
    }
    let mut extra = Vec::new();
    for (qi, q) in doc.quotes.iter().enumerate() {
        if covered.get(qi).copied().unwrap_or(true) || q.continues {
            continue;
        }
        let si = doc.sentence_of.get(q.open).copied().unwrap_or(0) as usize;
        let Some(sent) = doc.sentences.get(si) else {
            continue;
        };
        let qend = q.close.map_or(sent.end, |c| c + 1);
        let words = word_count(doc, q.open, qend);
        // A quotation filling its sentence (give or take final punctuation).
        let fills = q.open == sent.start && (qend..sent.end).all(|k| !doc.is_word(k));
        if !fills || words < 4 {
            continue;
        }
        let _ = Facing::Open;
        // A quotation right after a direct statement in the same paragraph
        // continues it: “...,” she said. “...”
        let continues = out.iter().position(|s| {
            s.kind == Kind::Direct
                && s.token_parts.last().is_some_and(|&(_, e)| {
                    let ls = doc
                        .sentence_of
                        .get(e.saturating_sub(1))
                        .copied()
                        .unwrap_or(0) as usize;
                    ls + 1 == si || (ls + 2 == si && s.sentence + 1 == si)
                })
                && doc
                    .sentences
                    .get(s.sentence)
                    .is_some_and(|p| p.para == sent.para)
        });
        if let Some(idx) = continues
            && let Some(prev) = out.get_mut(idx)
        {
            for (a, b) in quote_chain(doc, q.open) {
                prev.token_parts.push((a, b));
                prev.parts.push((tok_start(doc, a), tok_end(doc, b - 1)));
            }
            if let Some(c) = covered.get_mut(qi) {
                *c = true;
            }
            continue;
        }
        // The nearest earlier statement in this or the previous two paragraphs.
        let prev = out
            .iter()
            .rev()
            .find(|s| s.sentence < si && s.speaker.is_some())
            .filter(|s| {
                doc.sentences
                    .get(s.sentence)
                    .is_some_and(|p| p.para + 2 >= sent.para)
            });
        let Some(prev) = prev else { continue };
        let parts = quote_chain(doc, q.open);
        if parts.is_empty() {
            continue;
        }
        extra.push(RawStatement {
            kind: Kind::Direct,
            parts: parts
                .iter()
                .map(|&(s, e)| (tok_start(doc, s), tok_end(doc, e - 1)))
                .collect(),
            token_parts: parts,
            cue: None,
            cue_token: q.open,
            act: Act::Statement,
            weak: false,
            speaker: prev.speaker.clone(),
            speaker_from: SpeakerFrom::Context,
            addressee: None,
            via: None,
            sentence: si,
        });
    }
    out.extend(extra);
}
