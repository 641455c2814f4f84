//! Attribution frames: a reporting cue with its speaker, addressee and
//! content ("X told Y that ...", "“...,” X said", "according to X, ..."),
//! and direct quotations whose speaker is in a neighbouring sentence.

use super::lexicon::{Cue, Lexicon};
use super::phrases::{
    CALENDAR_WORDS, DETERMINERS, Head, OBJECT_PRONOUNS, PREPOSITIONS, Phrase, analyse_name_run,
    is_capital_stop, is_function, is_initial_dot, phrase_after, phrase_before,
};
use super::text::{Doc, Facing, Sentence, TokKind};
use crate::model::{Act, Kind, SpeakerKind};

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
    "support",
    "signal",
    "signals",
    "decline",
    "protests",
    "worry",
    "worries",
    "retort",
    "remark",
    "remarks",
    "boast",
    "boasts",
    "lament",
    "counter",
    "brand",
    "brands",
    "label",
    "labels",
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
    "through",
    "via",
    "amid",
    "among",
    "alongside",
    "besides",
    "unlike",
    "without",
    "throughout",
    "beyond",
];

/// Words that open an adverbial right after a cue ("said on Friday").
const ADVERBIAL_AFTER_CUE: &[&str] = &[
    "at",
    "in",
    "on",
    "during",
    "after",
    "before",
    "while",
    "as",
    "when",
    "to",
    "of",
    "last",
    "this",
    "earlier",
    "later",
    "recently",
    "yesterday",
    "today",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "through",
    "via",
    "with",
    "from",
    "about",
];

/// Words ending like a verb form that are not one ("this", "series").
const NOT_VERBS: &[&str] = &[
    "this",
    "thus",
    "was",
    "has",
    "does",
    "is",
    "his",
    "hers",
    "its",
    "ours",
    "theirs",
    "yours",
    "always",
    "perhaps",
    "series",
    "news",
    "species",
    "less",
    "unless",
    "across",
    "during",
    "nothing",
    "something",
    "anything",
    "everything",
    "thing",
    "things",
    "being",
    "king",
    "morning",
    "evening",
    "building",
    "according",
    "including",
    "regarding",
    "following",
    "concerning",
    "need",
    "needs",
    "feed",
    "seed",
    "speed",
    "indeed",
    "proceeds",
];

/// Whether the word at `i` is a verb form ("hailed", "admires",
/// "casting") followed by an object of one to seven words, "as", an
/// optional article and a quotation: "hailed the deal as a “breakthrough”".
/// Returns the closing mark of the quotation.
fn as_quote_at(doc: &Doc, i: usize, se: usize) -> Option<usize> {
    let w = doc.low(i);
    if doc.is_cap(i)
        || w.len() <= 3
        || !(w.ends_with("ed") || w.ends_with("ing") || (w.ends_with('s') && !w.ends_with("ss")))
        || NOT_VERBS.contains(&w)
        || AUXILIARIES.contains(&w)
    {
        return None;
    }
    // "the messages were designated as": a noun after a determiner.
    if i > 0 && super::phrases::DETERMINERS.contains(&doc.low(i - 1)) {
        return None;
    }
    let mut k = i + 1;
    while k < se
        && k - i <= 8
        && doc.low(k) != "as"
        && doc.quote_of(k).is_none()
        && (doc.is_word(k) || doc.tok(k).is_some_and(|t| t.kind == TokKind::Possessive))
        // "investigations and described X as …": another verb's object.
        && !matches!(doc.low(k), "and" | "or" | "but" | "to" | "that" | "which" | "who" | "were" | "was" | "is" | "are")
    {
        k += 1;
    }
    if k == i + 1 || k - i > 8 || doc.low(k) != "as" {
        return None;
    }
    let mut q = k + 1;
    if matches!(doc.low(q), "a" | "an" | "the") {
        q += 1;
    }
    if !is_open_quote(doc, q) {
        return None;
    }
    doc.quote_of(q)
        .and_then(|x| doc.quotes.get(x))
        .and_then(|x| x.close)
        .filter(|&c| c < se)
}

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

/// Whether a sentence is a title-case headline: at least four longer words,
/// all but one of them capitalised.
pub(super) fn is_title_case(doc: &Doc, ss: usize, se: usize) -> bool {
    let (mut long, mut lower) = (0usize, 0usize);
    for k in ss..se {
        if doc.is_word(k) && doc.text(k).chars().count() >= 4 && doc.quote_of(k).is_none() {
            long += 1;
            if !doc.is_cap(k) {
                lower += 1;
            }
        }
    }
    long >= 4 && lower <= 1 && long <= 20
}

pub(super) fn tok_start(doc: &Doc, i: usize) -> usize {
    doc.tok(i).map_or(0, |t| t.start)
}

pub(super) fn tok_end(doc: &Doc, i: usize) -> usize {
    doc.tok(i).map_or(0, |t| t.end)
}

/// Where the run of capitalised words ending before `end` starts (`end`
/// itself when there is none), never before `floor`.
fn cap_run_start(doc: &Doc, floor: usize, end: usize) -> usize {
    let mut r = end;
    while r > floor && doc.is_cap(r - 1) {
        r -= 1;
    }
    r
}

/// An em or en dash, or its plain-text stand-in "--".
pub(super) fn is_dash(doc: &Doc, i: usize) -> bool {
    doc.is_punct(i, "—") || doc.is_punct(i, "–") || doc.is_punct(i, "―") || doc.is_punct(i, "--")
}

/// A dash, or a hyphen token standing in for one ("Lee said - but").
fn is_dash_or_hyphen(doc: &Doc, i: usize) -> bool {
    is_dash(doc, i) || doc.is_punct(i, "-")
}

fn is_terminal(doc: &Doc, i: usize) -> bool {
    doc.tok(i).is_some_and(|t| t.kind == TokKind::Punct)
        && matches!(doc.text(i), "." | "?" | "!" | "…" | ";" | ":" | ",")
}

pub(super) fn is_open_quote(doc: &Doc, i: usize) -> bool {
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
pub(super) fn trim_range(doc: &Doc, mut s: usize, mut e: usize) -> (usize, usize) {
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

pub(super) fn word_count(doc: &Doc, s: usize, e: usize) -> usize {
    (s..e).filter(|&i| doc.is_word(i)).count()
}

/// Classifies a content token range by its quotation marks.
pub(super) fn kind_of(doc: &Doc, s: usize, e: usize) -> Kind {
    if s >= e {
        return Kind::Indirect;
    }
    // "said that “…”": the complementizer does not make the quotation mixed.
    let s = if doc.low(s) == "that" && s + 1 < e && is_open_quote(doc, s + 1) {
        s + 1
    } else {
        s
    };
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
    let (ss, se) = (dateline_end(doc, sent), sent.end);
    let sent = Sentence {
        start: ss,
        end: se,
        para: sent.para,
    };
    let mut cues: Vec<Found> = Vec::new();
    let mut impressions: Vec<usize> = Vec::new();
    let first_out = out.len();
    let headline = is_title_case(doc, ss, se);
    // Cheap test first: "as" and a quotation, for the characterising verbs.
    let as_quote_here = (ss..se).any(|t| {
        doc.low(t) == "as"
            && (is_open_quote(doc, t + 1)
                || (matches!(doc.low(t + 1), "a" | "an" | "the") && is_open_quote(doc, t + 2)))
    });
    let mut i = ss;
    while i < se {
        if doc.quote_of(i).is_none()
            && doc.is_word(i)
            && let Some((cue, len)) = cue_at(doc, lex, i, se)
        {
            if super::impressions::is_impression(doc, ss, i, cue) {
                impressions.push(i);
                i += len;
                continue;
            }
            // "to say", "declined to comment": infinitives are not reports;
            // a capitalised cue mid-sentence is a name ("United States").
            // "continued to say", "went on to criticize", "was quick to
            // praise": an aspectual verb before the infinitive keeps the report.
            let infinitive = i > ss
                && doc.low(i - 1) == "to"
                && !cue.src
                && !(i >= ss + 2 && ASPECTUAL.contains(&doc.low(i - 2)));
            // ", asked about the plan, said": a passive participle.
            let passive_asked = doc.low(i) == "asked"
                && (i == ss || doc.is_punct(i - 1, ","))
                && matches!(
                    doc.low(i + len),
                    "about" | "whether" | "if" | "why" | "how" | "what" | "when" | "to" | "for"
                );
            // "The tankers, often called the “shadow fleet”": a name, not a report.
            let mut b = i;
            while b > ss && matches!(doc.low(b - 1), "often" | "also" | "sometimes" | "widely") {
                b -= 1;
            }
            let passive_naming = matches!(doc.low(i), "called" | "described" | "dubbed")
                && b > ss
                && doc.is_punct(b - 1, ",")
                && (b < i || is_open_quote(doc, i + 1));
            // "read", "reads": only beside a quotation ("the sign read “…”",
            // "“…,” the letter reads").
            let quote_only = cue.quote && {
                let mut q = i + len;
                while doc.is_punct(q, ",") || doc.is_punct(q, ":") {
                    q += 1;
                }
                let before = (ss.max(i.saturating_sub(8))..i)
                    .rev()
                    .take_while(|&t| !is_terminal(doc, t))
                    .any(|t| is_close_quote(doc, t));
                !is_open_quote(doc, q) && !before
            };
            // "475 pledged delegates", "the alleged crimes": a past
            // participle between a determiner or number and a noun is an
            // adjective.
            let adjectival = len == 1
                && doc.low(i).ends_with("ed")
                && i > ss
                && (matches!(
                    doc.low(i - 1),
                    "the"
                        | "a"
                        | "an"
                        | "its"
                        | "their"
                        | "his"
                        | "her"
                        | "these"
                        | "those"
                        | "our"
                ) || doc.tok(i - 1).is_some_and(|t| t.kind == TokKind::Number))
                && doc.is_word(i + 1)
                && !doc.is_cap(i + 1)
                && !is_function(doc, i + 1)
                && !matches!(doc.low(i + 1), "whether" | "if")
                // "an ad in 2008 questioned …": a year ends a phrase.
                && !(doc.text(i - 1).len() == 4 && doc.text(i - 1).starts_with(['1', '2']));
            // "The ad concludes with footage of …", "closes with a call":
            // how something ends, not what it says.
            let ends_with = len == 1
                && doc.low(i + 1) == "with"
                && (doc.low(i).starts_with("conclud") || doc.low(i).starts_with("continu"));
            // "called into a radio show", "reported from Kabul",
            // "Additional reporting by …": a phone call, a dateline, a credit.
            let not_speech = len == 1
                && ((doc.low(i).starts_with("call") && matches!(doc.low(i + 1), "in" | "into"))
                    // "showed up at the debate": an arrival; "found himself
                    // in trouble": a situation; "pledged delegates": a noun.
                    || (doc.low(i).starts_with("show") && doc.low(i + 1) == "up")
                    || (doc.low(i).starts_with("f")
                        && matches!(
                            doc.low(i + 1),
                            "himself" | "herself" | "themselves" | "itself" | "myself" | "ourselves"
                        ))
                    || (doc.low(i) == "pledged" && doc.low(i + 1).starts_with("delegate"))
                    // "is concerned that/about": a position; "concerned
                    // citizens", "as far as Lee is concerned": not one.
                    || (doc.low(i) == "concerned" && !matches!(doc.low(i + 1), "that" | "about"))
                    // "told a joke", "issued a warning": after an article
                    // the word is a noun.
                    || (i > ss && matches!(doc.low(i - 1), "a" | "an" | "the"))
                    // "White House press secretary", "his press office",
                    // "a press conference" (the article rule above): the
                    // noun, not the verb.
                    || (doc.low(i) == "press"
                        && ((i > ss
                            && (doc.is_cap(i - 1)
                                || matches!(
                                    doc.low(i - 1),
                                    "his" | "her" | "their" | "its" | "campaign" | "free"
                                        | "foreign" | "national" | "local"
                                )))
                            || PRESS_NOUNS.contains(&doc.low(i + 1))))
                    || (doc.low(i).starts_with("report")
                        && (doc.low(i + 1) == "from" && doc.is_cap(i + 2)
                            || doc.low(i) == "reporting" && doc.low(i + 1) == "by")));
            let infinitive = infinitive
                || passive_asked
                || passive_naming
                || quote_only
                || adjectival
                || ends_with
                || not_speech;
            // In a title-case headline ("Lee Says Talks Will Resume") every
            // word is capitalised, cues included.
            let capitalised = doc.is_cap(i)
                && i > ss
                && !is_open_quote(doc, i - 1)
                && !(headline && !cue.src && !cue.weak);
            if !infinitive && !capitalised {
                cues.push(Found { start: i, len, cue });
            }
            i += len;
            continue;
        }
        // Only as the sentence's first cue: after another one it is
        // usually inside that report ("said that … it has classified 22
        // emails as “top secret”").
        if let Some(c) = lex.as_quote.as_ref()
            && as_quote_here
            && cues.is_empty()
            && doc.quote_of(i).is_none()
            && as_quote_at(doc, i, se).is_some()
        {
            cues.push(Found {
                start: i,
                len: 1,
                cue: c,
            });
        }
        i += 1;
    }
    super::openers::opener_frames(doc, lex, si, sent, out);
    super::nominal::nominal_frames(doc, lex, si, sent, out);
    colon_frame(doc, lex, si, sent, &cues, out);
    if cues.is_empty() {
        super::impressions::impression_frames(doc, lex, si, sent, &impressions, first_out, out);
        return;
    }
    let first_new = out.len();
    let mut last_subject: Option<Phrase> = None;
    let mut last_main: Option<Phrase> = None;
    for (ci, f) in cues.iter().enumerate() {
        let cue_end = f.start + f.len;
        let next_cue = cues.get(ci + 1).map_or(se, |n| n.start);
        if f.cue.src {
            according_to(doc, lex, si, sent, f.start, cue_end, f.cue, out);
            continue;
        }
        // The subject: skip adverbs and auxiliaries back from the cue.
        let mut k = f.start;
        while k > ss
            && {
                let w = doc.low(k - 1);
                // "-ly" adverbs, but not names such as "Kelly", acronyms such
                // as "WHO" or surnames such as "May" ("Theresa May said");
                // weekdays, and every word of a title-case headline, are
                // capitalised and still skipped.
                let lower = !doc.is_cap(k - 1)
                    || k - 1 == ss
                    || headline
                    || matches!(
                        w,
                        "monday"
                            | "tuesday"
                            | "wednesday"
                            | "thursday"
                            | "friday"
                            | "saturday"
                            | "sunday"
                    );
                // ", who said": a relative pronoun after a comma before a
                // speech verb is left for the antecedent rule below.
                // "a tweet from Ann Wells who tweeted": after a name without a
                // comma the relative pronoun is kept as well.
                let lower = lower
                    && !(w == "who"
                        && k >= 2
                        && ((f.cue.inv && doc.is_punct(k - 2, ","))
                            || (doc.is_cap(k - 2) && k == f.start)));
                // "in a statement" and "in an interview" are skipped whole, and
                // so is the object of "issued a statement saying"; "the
                // statement said" keeps its subject.
                let phrase_noun = !matches!(w, "statement" | "interview")
                    || doc.low(f.start).ends_with("ing")
                    || (k >= 3
                        && matches!(doc.low(k - 2), "a" | "an")
                        && matches!(doc.low(k - 3), "in" | "on"));
                // "He’s claiming": the contracted auxiliary after a pronoun.
                let contracted = k >= 2
                    && doc
                        .tok(k - 1)
                        .is_some_and(|t| t.kind == TokKind::Possessive)
                    && matches!(doc.low(k - 2), "he" | "she" | "it" | "they" | "who");
                (BETWEEN_SUBJECT_AND_CUE.contains(&w) && lower && phrase_noun)
                // Not before a belief verb: "I don't know how" reports nothing.
                || (NEGATED_AUXILIARIES.contains(&w) && !f.cue.weak)
                || (super::phrases::is_ly_adverb(w) && w.len() > 4 && !doc.is_cap(k - 1))
                || contracted
                // "Lee last week said": a time phrase before the verb.
                || (matches!(
                    w,
                    "week" | "month" | "year" | "night" | "weekend" | "morning" | "afternoon" | "evening"
                ) && k >= 2
                    && matches!(doc.low(k - 2), "last" | "this" | "earlier" | "later"))
                || (w == "this"
                    && matches!(doc.low(k), "week" | "month" | "year" | "weekend" | "morning"))
                // "who in 2010 said", "which in March said": a year or month
                // after "in".
                || (k >= 2
                    && matches!(doc.low(k - 2), "in" | "since")
                    && (CALENDAR_WORDS.contains(&w)
                        || (w.len() == 4
                            && w.starts_with(['1', '2'])
                            && w.bytes().all(|b| b.is_ascii_digit()))))
            }
        {
            k -= 1;
        }
        // Past a phrase of several words, the auxiliaries and adverbs before it.
        let skip_between = |mut k: usize| {
            while k > ss && BETWEEN_SUBJECT_AND_CUE.contains(&doc.low(k - 1)) {
                k -= 1;
            }
            k
        };
        // "who in the past has voiced": a time phrase of three words.
        if k >= ss + 3
            && doc.low(k - 1) == "past"
            && doc.low(k - 2) == "the"
            && doc.low(k - 3) == "in"
        {
            k = skip_between(k - 3);
        }
        // "Lee continued to say", "Lee went on to say": the aspectual verb
        // and its "to" stand between subject and cue.
        if k >= ss + 2 && doc.low(k - 1) == "to" && ASPECTUAL.contains(&doc.low(k - 2)) {
            k -= 2;
            if doc.low(k) == "on" && k > ss && matches!(doc.low(k - 1), "went" | "goes" | "go") {
                k -= 1;
            }
            k = skip_between(k);
        }
        // "Ann Lee — a teacher from Leeds — says": a dashed appositive.
        // A spaced hyphen serves as a dash too ("Trump - who … - said").
        let spaced_hyphen = |t: usize| {
            doc.is_punct(t, "-")
                && t > 0
                && doc
                    .tok(t - 1)
                    .zip(doc.tok(t))
                    .is_some_and(|(a, b)| a.end < b.start)
        };
        if k > ss + 2 && (is_dash(doc, k - 1) || spaced_hyphen(k - 1)) {
            let dash = doc.text(k - 1);
            let mut o = k - 2;
            while o > ss && k - o < 24 && !doc.is_punct(o, dash) {
                o -= 1;
            }
            if doc.is_punct(o, dash) && o > ss {
                k = o;
            }
        }
        // "Mr. Lee, citing “the harbor,” said": a participle phrase between a
        // short name and its verb.
        if k > ss + 3 && (doc.is_punct(k - 1, ",") || is_close_quote(doc, k - 1)) {
            let comma = (ss + 1..k - 1).find(|&t| doc.is_punct(t, ","));
            if let Some(c) = comma
                && c - ss <= 5
                && doc.quote_of(c).is_none()
                && (ss..c).all(|t| doc.is_cap(t) || doc.is_punct(t, "."))
                && (!is_capital_stop(doc, ss) || is_title_abbreviation(doc, ss))
                && doc.is_word(c + 1)
                && !doc.is_cap(c + 1)
                && doc.low(c + 1).ends_with("ing")
                && doc.low(c + 1).len() > 4
            {
                k = c;
            }
        }
        // "Sen. Ann Lee (D-Ore.) said": a parenthesis after the name.
        if k > ss + 2 && doc.is_punct(k - 1, ")") {
            let mut o = k - 1;
            while o > ss && k - o < 10 && !doc.is_punct(o, "(") {
                o -= 1;
            }
            if doc.is_punct(o, "(") && o > ss {
                k = o;
            }
        }
        let prev_is_boundary =
            f.start > ss && (doc.is_punct(f.start - 1, ",") || is_close_quote(doc, f.start - 1));
        // ", adding that": the participle's subject is the clause's speaker.
        let mut subject = if f.cue.participle && prev_is_boundary {
            None
        } else {
            phrase_before(doc, lex, ss, k)
        };
        // "People with direct knowledge of the work said": a phrase after a
        // preposition is its object; the clause's subject is the whole
        // phrase when it can be read.
        if let Some(p) = &subject
            && matches!(p.head, Head::Other | Head::Noun { .. })
            && p.start > ss
            && PREPOSITIONS.contains(&doc.low(p.start - 1))
            && let Some(g) = generic_subject(doc, lex, ss, k)
                .or_else(|| wide_subject(doc, ss, k).filter(|_| plain_speech_verb(doc, f)))
                .filter(|g| g.start < p.start)
        {
            subject = Some(g);
        }
        // Forms that are also nouns ("the state", "a report") need a clear subject.
        // After "to" or a modal ("continued to call for", "will demand")
        // the form is a verb.
        let verb_position = f.start > ss
            && matches!(
                doc.low(f.start - 1),
                "to" | "will" | "would" | "could" | "should" | "must" | "might" | "can" | "did"
            );
        // "Tulsa protest remained peaceful", "Health worries have dogged
        // her": a noun-like form followed by a verb that agrees with it as
        // a noun is that verb's subject ("who Lee claims has been" is not).
        let form = doc.low(f.start);
        let next = doc.low(cue_end);
        let noun_subject = if form.ends_with('s') {
            matches!(next, "are" | "were" | "have")
        } else {
            matches!(next, "is" | "was" | "has" | "remained" | "remains")
        };
        if NOUN_LIKE.contains(&form) && f.len == 1 && !verb_position && noun_subject {
            continue;
        }
        if NOUN_LIKE.contains(&form)
            && !verb_position
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
        // "footage of Trump saying, “…”", "a video of Ann Lee asking": a
        // name right before a participle is its subject, also after a
        // preposition.
        if subject.is_none() && f.cue.participle && k == f.start && k > ss && doc.is_cap(k - 1) {
            let mut r = k - 1;
            while r > ss && (doc.is_cap(r - 1) || doc.is_punct(r - 1, ".")) {
                r -= 1;
            }
            // Not a place ("the senator from Pennsylvania saying").
            let place = super::phrases::place_at(doc, lex, r, k).is_some_and(|m| r + m.len >= k)
                || (r > ss && doc.low(r - 1) == "from");
            if r > ss && !is_capital_stop(doc, r) && !place {
                let name = analyse_name_run(doc, lex, r, k);
                if matches!(name.head, Head::Name) {
                    subject = Some(name);
                }
            }
        }
        let after_preposition = f.start > ss
            && matches!(
                doc.low(f.start - 1),
                "by" | "after" | "before" | "while" | "in" | "when"
            );
        // "Trump released a video saying …", "unleashed a series of tweets
        // early Friday saying …": a participle after a document the clause's
        // subject put out reports for that subject.
        // The verb that put the document out, when the subject phrase is one.
        let document_verb = subject
            .as_ref()
            .filter(|p| {
                f.cue.participle
                    && (p.start..p.end).any(|t| lex.document_nouns.contains(doc.low(t)))
            })
            .and_then(|p| {
                (p.start.saturating_sub(5).max(ss)..p.start)
                    .rev()
                    .take_while(|&t| !doc.is_punct(t, ","))
                    .find(|&t| {
                        doc.is_word(t)
                            && !doc.is_cap(t)
                            && (doc.low(t).ends_with("ed")
                                || matches!(
                                    doc.low(t),
                                    "sent" | "put" | "ran" | "wrote" | "made" | "out" | "off"
                                ))
                    })
            });
        if let Some(v) = document_verb {
            // The subject before the verb ("sent out": before "sent").
            let v = if matches!(doc.low(v), "out" | "off") && v > ss {
                v - 1
            } else {
                v
            };
            let cs = clause_start(doc, ss, f.start);
            let generic = || {
                generic_subject(doc, lex, cs, v)
                    .filter(|p| !matches!(doc.low(p.start), "according" | "this" | "that" | "it"))
            };
            if let Some(p) = clause_subject(doc, lex, cs, f.start, f.start).or_else(generic) {
                subject = Some(p);
                from = SpeakerFrom::Inherited;
            }
        }
        if subject.is_none() && f.cue.participle && (prev_is_boundary || after_preposition) {
            // The clause's own subject: the last cue's speaker, else the
            // phrase that opens the sentence ("He also staked out ..., saying").
            // After an adverbial opener ("In a press conference, Lee
            // attacked Park, calling him ...") the clause starts past its comma.
            let clause_start = clause_start(doc, ss, f.start);
            // Any short opener before a comma ("Here in Columbia, Lee …").
            let after_opener = (clause_start..(clause_start + 14).min(f.start))
                .find(|&c| doc.is_punct(c, ",") && doc.quote_of(c).is_none())
                .map(|c| c + 1)
                .filter(|&c| c < f.start);
            subject = last_main.clone().or_else(|| {
                [Some(clause_start), after_opener]
                    .into_iter()
                    .flatten()
                    .find_map(|cs| clause_subject(doc, lex, cs, f.start, f.start))
            });
            from = SpeakerFrom::Inherited;
        }
        // "X arrived ... and says ...": a second verb shares the clause's subject.
        let coordinated = k > ss && matches!(doc.low(k - 1), "and" | "but");
        if subject.is_none() && coordinated && !f.cue.weak {
            // The clause subject opens the sentence, or follows an adverbial
            // opener and its comma ("By the end of the day, Lee ... and said").
            let clause_start = clause_start(doc, ss, k);
            subject = last_subject
                .clone()
                .or_else(|| clause_subject(doc, lex, clause_start, f.start, k))
                .or_else(|| {
                    // "…, as when Cruz knocked Rubio and called him …": the
                    // subordinate clause holding both verbs.
                    let sub = (clause_start..k).rev().find(|&t| {
                        doc.quote_of(t).is_none()
                            && matches!(
                                doc.low(t),
                                "when" | "while" | "because" | "after" | "since"
                            )
                    })?;
                    clause_subject(doc, lex, sub + 1, f.start, k)
                        .filter(|p| p.start == sub + 1 && matches!(p.head, Head::Name))
                });
            from = SpeakerFrom::Inherited;
        }
        // "Lee, who said ...": the relative pronoun is the mention and the
        // phrase before it the speaker.
        if subject.is_none()
            && k > ss + 1
            && matches!(doc.low(k - 1), "who" | "which")
            && !doc.is_cap(k - 1)
        {
            let mut a = k - 1;
            if a > ss && doc.is_punct(a - 1, ",") {
                a -= 1;
            }
            // The antecedent, or failing that the capitalised run before the
            // comma. "McConnell, now the majority leader, who said": a name
            // with its appositive.
            let appositive = (doc.is_punct(a, ","))
                .then(|| phrase_before(doc, lex, ss, a + 1))
                .flatten()
                .filter(|p| matches!(p.head, Head::Name));
            // "under Ron Tate, now the majority leader, who": the name
            // before the appositive, also after a preposition.
            let described = |p: Phrase| {
                let mut c = p.start;
                if c > ss && matches!(doc.low(c - 1), "now" | "then" | "formerly" | "also") {
                    c -= 1;
                }
                if matches!(p.head, Head::Name) || c < ss + 2 || !doc.is_punct(c - 1, ",") {
                    return p;
                }
                let r = cap_run_start(doc, ss, c - 1);
                if r + 1 < c && !is_capital_stop(doc, r) {
                    let name = analyse_name_run(doc, lex, r, c - 1);
                    if matches!(name.head, Head::Name) {
                        return name;
                    }
                }
                p
            };
            let antecedent = appositive
                .or_else(|| phrase_before(doc, lex, ss, a).map(described))
                .or_else(|| {
                    // "from Donald Trump Jr., who": past a name suffix.
                    let suffix = a >= ss + 2
                        && doc.is_punct(a - 1, ".")
                        && matches!(doc.low(a - 2), "jr" | "sr");
                    let last = if suffix { a - 2 } else { a };
                    let r = cap_run_start(doc, ss, last);
                    (r < last).then(|| analyse_name_run(doc, lex, r, a))
                });
            if let Some(mut p) = antecedent {
                p.start = k - 1;
                p.end = k;
                subject = Some(p);
            }
        }
        // "business leaders who say …": in a restrictive relative clause
        // too, the relative pronoun is the mention and the phrase before it
        // the speaker.
        // The antecedent is the phrase right before the pronoun, not a
        // whole clause ("The mayor met business leaders who say").
        if let Some(p) = subject.as_mut()
            && p.end < f.start
            && doc.low(p.end) == "who"
            && !doc.is_cap(p.end)
        {
            let who = p.end;
            let verb = |t: usize| {
                (doc.low(t).ends_with("ed") && !doc.is_cap(t))
                    || IRREGULAR_PASTS.contains(&doc.low(t))
                    || BE_FORMS.contains(&doc.low(t))
                    || AUXILIARIES.contains(&doc.low(t))
            };
            // Only a subject read as a whole clause is cut back to the noun
            // phrase before the pronoun.
            if (p.start + 1..who).any(verb) {
                let mut a = who;
                while a > p.start.max(ss) {
                    let t = a - 1;
                    let hyphen = doc.is_punct(t, "-") && t > ss && doc.is_word(t - 1);
                    let determiner = DETERMINERS.contains(&doc.low(t));
                    if !(doc.is_word(t) || hyphen)
                        || verb(t)
                        || (is_function(doc, t) && !determiner)
                    {
                        break;
                    }
                    a = t;
                    if determiner {
                        break;
                    }
                }
                if a > p.start {
                    let kind = p.kind;
                    *p = phrase_before(doc, lex, a, who)
                        .unwrap_or_else(|| Phrase::unparsed(doc, a, who, kind));
                }
            }
            p.start = who;
            p.end = who + 1;
        }
        // "Six in 10 voters say", "Jeff Weaver, her campaign manager, said":
        // a subject the phrase parser does not know is still a subject of a
        // plain speech verb.
        // "…, said Matt Lee, a speechwriter": a name right after an
        // invertible cue that follows a comma is the speaker, before any
        // reading of the clause as a subject.
        // The phrase after an invertible cue, read once for both uses.
        let after_cue = (subject.is_none() && f.cue.inv && (prev_is_boundary || f.start == ss))
            .then(|| phrase_after(doc, lex, cue_end, se, false))
            .flatten();
        let ends_clause = |e: usize| {
            e >= se
                || doc.is_punct(e, ",")
                || is_terminal(doc, e)
                || ADVERBIAL_AFTER_CUE.contains(&doc.low(e))
        };
        // "…, said the company's chief executive, John Ferro.": a description
        // with its name in apposition; the name is the speaker and the
        // mention covers both.
        let described_name = after_cue
            .as_ref()
            .filter(|_| prev_is_boundary)
            .and_then(|p| {
                let mut n = p.end + 1;
                while n < se && (doc.is_cap(n) || is_initial_dot(doc, n)) {
                    n += 1;
                }
                (doc.is_punct(p.end, ",")
                    && !matches!(p.head, Head::Name)
                    && n > p.end + 2
                    && !is_capital_stop(doc, p.end + 1)
                    && ends_clause(n))
                .then(|| {
                    let mut name = analyse_name_run(doc, lex, p.end + 1, n);
                    name.start = p.start;
                    name
                })
                .filter(|name| matches!(name.head, Head::Name))
            });
        let after_cue = described_name.or(after_cue);
        // "…,” his top aide, Tad Devine, told The Huffington Post": after a
        // comma a verb that takes an addressee keeps a named subject before
        // it, and the name after it is the addressee.
        let addressee_after = subject.is_none()
            && f.cue.obj
            && f.start > ss
            && doc.is_punct(f.start - 1, ",")
            && generic_subject(doc, lex, ss, k).is_some_and(|p| matches!(p.head, Head::Name));
        let inverted_name = prev_is_boundary
            && !addressee_after
            && after_cue.as_ref().is_some_and(|p| {
                matches!(p.head, Head::Name) && doc.is_cap(p.end - 1) && ends_clause(p.end)
            });
        // "The tax is unfair, said several Democrats.": a determiner-led
        // phrase closing the clause after the cue.
        let inverted_group = prev_is_boundary
            && !addressee_after
            && after_cue.as_ref().is_some_and(|p| {
                super::phrases::DETERMINERS.contains(&doc.low(p.start))
                    && !matches!(p.head, Head::Pronoun(_))
                    && ends_clause(p.end)
            });
        if subject.is_none()
            && !f.cue.weak
            && !f.cue.participle
            && !NOUN_LIKE.contains(&doc.low(f.start))
            && !coordinated
            && !inverted_name
            && !inverted_group
        {
            subject = generic_subject(doc, lex, ss, k);
        }
        // "Early polls show ...", "Last year's statistics show that ...":
        // evidence verbs take documents and polls as subjects.
        if subject.is_none() && f.cue.weak && !f.cue.participle && !coordinated {
            // "His inner circle believes that …": any subject phrase before
            // a belief verb and its "that".
            let that_next = is_complementizer(doc, cue_end);
            subject =
                generic_subject(doc, lex, ss, k).filter(|p| is_evidence(doc, lex, p) || that_next);
        }
        let mut inverted = false;
        // "Said Ellis: “…”": an inverted cue opening the sentence.
        // "But, said Lee, “…”": past a conjunction or adverb and its comma.
        let opener_comma = f.start == ss + 2
            && doc.is_punct(ss + 1, ",")
            && (CLAUSE_OPENERS.contains(&doc.low(ss)) || DISCOURSE_ADVERBS.contains(&doc.low(ss)));
        let opens_inverted = (f.start == ss || opener_comma)
            && f.cue.inv
            && (f.start + f.len..se).any(|c| doc.is_punct(c, ":") || doc.is_punct(c, ","));
        if subject.is_none()
            && f.cue.inv
            && !addressee_after
            && (prev_is_boundary || opens_inverted)
        {
            subject = after_cue
                .or_else(|| generic_subject_after(doc, lex, cue_end, se))
                // ", said he had …": a pronoun followed by its verb is the
                // subject of the content, not an inverted speaker.
                .filter(|p| {
                    !matches!(p.head, Head::Pronoun(_))
                        || p.end >= se
                        || !doc.is_word(p.end)
                        || ADVERBIAL_AFTER_CUE.contains(&doc.low(p.end))
                });
            if subject.is_some() {
                inverted = true;
                from = SpeakerFrom::Inverted;
            }
        }
        if subject.is_none()
            && f.cue.inv
            && !f.cue.weak
            && !f.cue.participle
            && !coordinated
            && !prev_is_boundary
            && k > ss
            && plain_speech_verb(doc, f)
        {
            subject = wide_subject(doc, ss, k)
                // Not a cue word inside ("said one staffer, who said"), nor
                // a compound ("his oft-stated goal").
                .filter(|p| !cues.iter().any(|n| n.start >= p.start && n.start < p.end))
                .filter(|_| !doc.is_punct(f.start - 1, "-"));
        }
        let Some(subject) = subject else { continue };
        // "Do you support Lee?": a question to the reader reports nobody.
        if subject.end == subject.start + 1
            && doc.low(subject.start) == "you"
            && subject.start > ss
            && matches!(doc.low(subject.start - 1), "do" | "did" | "would" | "will")
        {
            continue;
        }
        // "It is hoped that", "it was reported": impersonal passives have no
        // speaker, unless "by" names one ("It was reported by Kyodo that …").
        if matches!(subject.head, Head::Pronoun(_))
            && doc.low(subject.start) == "it"
            && (subject.end..f.start)
                .any(|k| matches!(doc.low(k), "is" | "was" | "has" | "had" | "been"))
        {
            impersonal_by(doc, lex, si, se, f, cue_end, out);
            continue;
        }
        if f.cue.weak
            && matches!(subject.head, Head::Other)
            && !is_evidence(doc, lex, &subject)
            && !(is_complementizer(doc, cue_end) && plain_noun_phrase(doc, &subject))
        {
            continue;
        }
        // "a group called Color of Change": naming, not a report.
        // "A reporter called it “chaos”", "one lawmaker called Trump “…”":
        // an object and then a quotation is a report.
        let object_then_quote = !is_open_quote(doc, cue_end)
            && (cue_end + 1..(cue_end + 5).min(se)).any(|q| is_open_quote(doc, q))
            && (cue_end..(cue_end + 5).min(se))
                .take_while(|&q| !is_open_quote(doc, q))
                .all(|q| doc.is_word(q) || doc.is_punct(q, "."));
        let naming = matches!(doc.low(f.start), "called" | "dubbed")
            && k == f.start
            && !object_then_quote
            && (matches!(doc.low(subject.start), "a" | "an")
                || (!matches!(subject.head, Head::Name | Head::Pronoun(_))
                    && doc.is_cap(cue_end)
                    && !lex.pronouns.contains_key(doc.low(cue_end))));
        if naming {
            continue;
        }
        // "would ask X to ..." inside a clause another cue of the sentence
        // reports is part of that report, not a statement of its own.
        let modal_before = (k..f.start).any(|m| {
            matches!(
                doc.low(m),
                "would" | "will" | "could" | "might" | "may" | "should" | "shall"
            )
        });
        let inside_report = out[first_new..].iter().any(|r| {
            r.token_parts
                .iter()
                .any(|&(a, b)| a <= f.start && f.start < b)
        });
        if modal_before && inside_report {
            continue;
        }
        // "The plan was criticized by officials", "Lee was told that …": a
        // passive cue. After "by" comes the speaker, and the subject is what
        // was said about; without "by" nobody is named and nothing is filed.
        let first_word = doc.low(f.start);
        let passive = !inverted
            && !f.cue.weak
            && from == SpeakerFrom::Subject
            && first_word != "asked"
            && (first_word.ends_with("ed") || PASSIVE_PARTICIPLES.contains(&first_word))
            && ((subject.end..f.start).any(|t| BE_FORMS.contains(&doc.low(t)))
                // "The emails will not be disclosed", "It should be noted":
                // a form of "be" right before the cue, past adverbs, also
                // when the subject reading took it in.
                || {
                    let t = back_past(doc, ss, f.start, &["not", "also", "already", "still", "never"]);
                    t > ss && BE_FORMS.contains(&doc.low(t - 1))
                });
        if passive && doc.low(cue_end) == "by" {
            // "Lee was quoted by Kyodo as saying …": the subject speaks,
            // through the agent.
            if first_word == "quoted"
                && let Some(agent) = phrase_after(doc, lex, cue_end + 1, se, false)
                && doc.low(agent.end) == "as"
                && doc.low(agent.end + 1) == "saying"
            {
                let (a, b) = trim_range(doc, agent.end + 2, se);
                if a < b {
                    let at = out.len();
                    push(
                        doc,
                        out,
                        kind_of(doc, a, b),
                        vec![(a, b)],
                        Some((tok_start(doc, f.start), tok_end(doc, agent.end + 1))),
                        f.start,
                        f.cue,
                        Some(subject.clone()),
                        SpeakerFrom::Subject,
                        None,
                        si,
                    );
                    if let Some(r) = out.get_mut(at) {
                        r.via = Some(agent.text.clone());
                    }
                }
                continue;
            }
            if let Some(agent) = phrase_after(doc, lex, cue_end + 1, se, false)
                && !matches!(agent.head, Head::Pronoun(_))
            {
                let (a, b) = trim_range(doc, subject.start, subject.end);
                push_by_agent(doc, out, (a, b), f, cue_end, agent, si);
            }
            continue;
        }
        // "It should be noted", "The emails will not be disclosed", "the
        // results will be announced": a modal passive names no speaker.
        if passive && f.start > ss && doc.low(f.start - 1) == "be" && {
            let t = back_past(doc, ss, f.start, &["not", "also", "be"]);
            t > ss
                && matches!(
                    doc.low(t - 1),
                    "will" | "would" | "should" | "could" | "can" | "may" | "might" | "must"
                )
        } {
            continue;
        }
        // A later participle (", saying") shares the clause's own subject,
        // not one inside a relative clause ("an architect who said …,
        // saying") or inside an earlier report's content; a coordinated
        // verb ("who said … and added") shares either.
        let relative = [subject.start, subject.end]
            .into_iter()
            .any(|t| t < f.start && matches!(doc.low(t), "who" | "which"));
        let nested = out[first_new..].iter().any(|s| {
            s.token_parts
                .iter()
                .any(|&(a, b)| a <= f.start && f.start < b)
        });
        if !relative && !nested {
            last_main = Some(subject.clone());
        }
        last_subject = Some(subject.clone());
        let cue_span = (tok_start(doc, f.start), tok_end(doc, cue_end - 1));
        let after_speaker = if inverted { subject.end } else { cue_end };
        // Trailing attribution: "<content>, X said." or "“...,” said X."
        let mut subject_start = if inverted { f.start } else { subject.start };
        // A title abbreviation the phrase left out ("Mr. Rubio") still
        // belongs before the content's end.
        while !inverted
            && subject_start >= ss + 2
            && doc.is_punct(subject_start - 1, ".")
            && doc.is_cap(subject_start - 2)
            && doc.text(subject_start - 2).chars().count() <= 5
        {
            subject_start -= 2;
        }
        // Descriptive words the phrase left out ("veteran analyst Ann Lee",
        // "the senator and candidate") still belong to the subject.
        if !inverted {
            subject_start = description_start(doc, lex, ss, subject_start, f.start);
        }
        let preceded = subject_start > ss
            && (doc.is_punct(subject_start - 1, ",")
                || is_close_quote(doc, subject_start - 1)
                || is_dash(doc, subject_start - 1));
        let mut j = after_speaker;
        let mut addressee = None;
        // "urged Beijing to …", "promised voters that …", but "urged
        // restraint on both sides", "promised new jobs": after an appeal or a
        // commitment, a phrase that names nobody, with no clause or
        // quotation after it, is what was urged or promised.
        if f.cue.obj
            && let Some(a) = phrase_after(doc, lex, j, se, true)
            && !(matches!(
                f.cue.act,
                Act::Appeal | Act::Commitment | Act::Demand | Act::Proposal
            ) && !doc.low(f.start).starts_with("ask")
                && matches!(a.head, Head::Other)
                && !OBJECT_PRONOUNS.contains(&doc.low(a.start))
                && !(a.end..se)
                    .any(|t| matches!(doc.low(t), "to" | "that" | ":") || is_open_quote(doc, t)))
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
        // A "that" of the next cue (", adding that") is not this cue's.
        let that_after = (j..(j + 8).min(next_cue).min(se)).any(|k| is_complementizer(doc, k));
        // "to reporters" is an adverbial, "agreed to keep" an infinitive.
        let infinitive_after = doc.low(j) == "to"
            && doc.is_word(j + 1)
            && !doc.is_cap(j + 1)
            && !doc.low(j + 1).ends_with('s')
            && !matches!(
                doc.low(j + 1),
                "the" | "a" | "an" | "him" | "her" | "them" | "me" | "us" | "his" | "their" | "my"
            );
        // "said of Lee: “…”": a colon later in the clause opens the content.
        let colon_after = (j..next_cue.min(se)).any(|c| doc.is_punct(c, ":"));
        let adverbial_after = ADVERBIAL_AFTER_CUE.contains(&doc.low(j))
            && !that_after
            && !infinitive_after
            && !colon_after;
        // "In talks on Friday, Kamikawa urged ...", "Recalling that moment,
        // Lee said ...": an adverbial or participle opener is not content.
        // Not "Freeing her husband, he promised, was …", where the
        // attribution sits inside its content.
        let participle_opener = doc.is_cap(ss)
            && !doc.is_punct(j, ",")
            && doc.low(ss).ends_with("ing")
            && doc.low(ss).len() > 5
            && (ss..subject_start).any(|c| doc.is_punct(c, ","));
        let opener_is_adverbial = (ADVERBIAL_OPENERS.contains(&doc.low(ss)) || participle_opener)
            && !(ss..subject_start).any(|k| doc.quote_of(k).is_some());
        // Only an adverbial ("on Friday", "in a statement") or nothing may
        // follow a trailing attribution; a clause after the cue is its content.
        // "…, the Post reported ten days ago."
        let time_after = word_count(doc, j, se) <= 4
            && (j..se)
                .rev()
                .find(|&t| doc.is_word(t))
                .is_some_and(|t| matches!(doc.low(t), "ago" | "earlier" | "later"));
        // "… - “Born rich,” Lee said - but …": a dash after the cue closes
        // an attribution set off inside the sentence.
        let dash_after = quote_before && is_dash_or_hyphen(doc, j);
        let rest_is_adverbial = (rest_words <= 2 && word_count(doc, j, se) <= 2)
            || rest_words == 0
            || time_after
            || doc.is_punct(j, ",")
            || adverbial_after
            || dash_after;
        // A participle or second verb sharing an earlier subject (", adding
        // that", "after hinting that") reports what follows it, never the
        // clause before its subject.
        let inherited = from == SpeakerFrom::Inherited;
        // After a quotation opening the sentence only a "that" right after
        // the cue makes the content forward ("“…,” Lee told reporters after
        // the meeting that ran late" is trailing).
        let that_right_after =
            is_complementizer(doc, j) || (doc.is_punct(j, ",") && is_complementizer(doc, j + 1));
        let that_blocks = if is_open_quote(doc, ss) {
            that_right_after
        } else {
            that_after
        };
        // "Lee, who joked of the museum, “…”": a relative pronoun's report
        // always follows it.
        let relative_subject =
            subject.end == subject.start + 1 && matches!(doc.low(subject.start), "who" | "which");
        // "…; indeed, he had publicly stated of politicians, “…”": a short
        // adverbial, a comma and a quotation after the cue; the quotation
        // is the content.
        let quote_soon = !quote_before
            && ADVERBIAL_AFTER_CUE.contains(&doc.low(j))
            && (j + 1..(j + 8).min(se)).any(|q| {
                is_open_quote(doc, q)
                    && (doc.is_punct(q - 1, ",") || doc.is_punct(q - 1, ":"))
                    // Not a sentence resumed in lower case ("…, Lee said
                    // on Monday, “and …”").
                    && doc.is_cap(q + 1)
                    && !(j..q).any(|t| doc.quote_of(t).is_some())
                    && cues.get(ci + 1).is_none_or(|n| n.start > q)
            });
        let trailing = !relative_subject
            && !quote_soon
            && ((inverted && !opens_inverted)
                || (!inherited
                    && preceded
                    && quote_before
                    && !that_blocks
                    && (rest_is_adverbial || is_open_quote(doc, ss)))
                || (!inherited
                    && preceded
                    && (!opener_is_adverbial || (rest_words == 0 && addressee.is_none()))
                    && (quote_before || !quote_after)
                    && rest_is_adverbial));
        // "“…?” Lee added during his appearance on the show.": after a
        // quotation that ended its own sentence, a sentence of attribution
        // and setting reports that quotation.
        // "“…!” Dawson shouted, shorthand for …": a comma and a gloss too.
        let setting_only = !trailing
            && ((adverbial_after
                && !matches!(doc.low(j), "of" | "as" | "about" | "with" | "from")
                && (doc.low(j) != "in"
                    || matches!(doc.low(j + 1), "a" | "an" | "the" | "his" | "her" | "their")))
                || (doc.is_punct(j, ",") && !that_after))
            && subject_start == ss
            && word_count(doc, j, se) <= 12
            && !(j..se).any(|t| is_open_quote(doc, t) || doc.is_punct(t, ":"));
        if setting_only
            && si > 0
            && doc
                .sentences
                .get(si - 1)
                .is_some_and(|p| p.para == sent.para && is_open_quote(doc, p.start))
        {
            neighbour_quote(doc, lex, si, sent, f, cue_span, subject, addressee, out);
            continue;
        }
        if !trailing && !forward_use_ok(doc, f, j) {
            continue;
        }
        if trailing {
            let content_end = subject_start - 1;
            let (mut cs, ce) = (ss, content_end);
            // "… - “Born rich,” Lee said - …": the content starts after the
            // dash that opens the aside.
            if dash_after
                && let Some(d) = (ss..content_end).rev().find(|&k| {
                    is_dash_or_hyphen(doc, k)
                        && doc.quote_of(k).is_none()
                        && is_open_quote(doc, k + 1)
                })
            {
                cs = d + 1;
            }
            // A quotation that began in an earlier sentence is not restarted here.
            while cs < ce && doc.tok(cs).is_some_and(|t| t.kind == TokKind::Punct) {
                cs += 1;
            }
            let mut parts = Vec::new();
            let (a, b) = trim_range(doc, cs, ce + usize::from(is_close_quote(doc, content_end)));
            if word_count(doc, a, b) == 0 {
                continue;
            }
            if is_open_quote(doc, a) {
                parts.extend(earlier_chain(doc, a));
            }
            parts.push((a, b));
            let mut kind = kind_of(doc, a, b);
            // The quotation may resume after the attribution: “...,” she said, “...”
            let mut m = j;
            // Past an adverbial or a participle clause: “...,” she said on
            // Friday in Kenansville, N.C., “...” / “...,” he said, referring
            // to the report, “...”
            // A resumed quotation that opens in lower case continues the
            // sentence whatever comes between (“…,” he said two days after
            // the attack, “which …”).
            let lower_resume =
                |q: usize| doc.is_word(q + 1) && !doc.is_cap(q + 1) && kind == Kind::Direct;
            if let Some(c) = (j..se.min(j + 20))
                .take_while(|&c| doc.quote_of(c).is_none())
                // A comma, or an abbreviation's full stop the sentence
                // splitter kept ("in Fort Mill, S.C. “…”").
                .filter(|&c| {
                    doc.is_punct(c, ",")
                        || (doc.is_punct(c, ".") && c > 0 && doc.is_cap(c - 1))
                        || (doc.is_cap(c) && doc.text(c).ends_with('.'))
                })
                .find_map(|c| (c + 1..se.min(c + 3)).find(|&q| is_open_quote(doc, q)))
                .filter(|&q| adverbial_after || doc.is_punct(j, ",") || lower_resume(q))
                // "“…,” Lee said, adding later, “…”": the second quotation
                // belongs to the cue before it.
                .filter(|&q| !cues.iter().any(|n| n.start > f.start && n.start < q))
            {
                m = c;
            }
            while m < se && !doc.is_word(m) && !is_open_quote(doc, m) {
                m += 1;
            }
            if m < se && (doc.is_punct(m.saturating_sub(1), ",") || is_open_quote(doc, m)) {
                if is_open_quote(doc, m) && kind == Kind::Direct {
                    for (qs, qe) in quote_chain(doc, m) {
                        parts.push((qs, qe));
                    }
                } else if doc.is_punct(j, ",")
                    && !inverted
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
        let mut limit = content_limit(doc, lex, &cues, ci, se);
        // "hailed the deal as a “breakthrough”": the quotation ends it.
        if f.cue.as_quote
            && let Some(close) = as_quote_at(doc, f.start, se)
        {
            limit = limit.min(close + 1);
        }
        // "With leaders worried about turnout, Obama is rolling out …": a
        // report inside an absolute "with" opener ends at its comma.
        if (doc.low(ss) == "with" || SUBORDINATORS.contains(&doc.low(ss)))
            && !(ss..f.start).any(|t| doc.is_punct(t, ","))
            && let Some(c) =
                (cue_end..limit).find(|&t| doc.is_punct(t, ",") && doc.quote_of(t).is_none())
        {
            limit = c;
        }
        // "The governor, who has criticized the fees, spoke on Monday": a
        // relative clause between commas ends where the main verb follows.
        let relative = !inverted
            && (subject.start.max(ss + 1)..f.start)
                .any(|t| matches!(doc.low(t), "who" | "which") && doc.is_punct(t - 1, ","));
        if relative {
            // The comma may close a quotation first ("“stay relevant,” left").
            let after_comma = |c: usize| c + 1 + usize::from(is_close_quote(doc, c + 1));
            let main_verb = (j..limit).find(|&c| {
                let v = after_comma(c);
                doc.is_punct(c, ",")
                    && (doc.quote_of(c).is_none() || v == c + 2)
                    && (looks_finite(doc, v)
                        || matches!(
                            doc.low(v),
                            "is" | "was"
                                | "are"
                                | "were"
                                | "has"
                                | "have"
                                | "had"
                                | "will"
                                | "would"
                                | "could"
                                | "can"
                                | "did"
                        ))
            });
            if let Some(c) = main_verb {
                limit = if after_comma(c) == c + 2 { c + 2 } else { c };
            }
        }
        let mut start = j;
        let mut k = j;
        // Only an adverbial ("on Friday", "in a statement Monday", ", in
        // fact,") may stand between the cue and the "that" opening the
        // content; a "that" after a noun or a clause ("the conclusion that",
        // "he opposes it but that") is inside the content.
        let adverbial_gap = ADVERBIAL_AFTER_CUE.contains(&doc.low(j))
            || doc.is_punct(j, ",")
            || (doc.low(j).ends_with("ly") && !doc.is_cap(j));
        while k < limit && k < j + 10 {
            if is_complementizer(doc, k) {
                if k == j || adverbial_gap {
                    start = k;
                }
                break;
            }
            if doc.is_punct(k, ":") {
                start = k + 1;
                break;
            }
            // A quotation opens the content only when nothing but an
            // adverbial comes before it: in "said the probe is “ongoing”"
            // the quoted word is part of the clause.
            // "accused him of acting like a “spoiled child”": a gerund, or an
            // "of" phrase running into the quotation, is content, not an
            // adverbial.
            if is_open_quote(doc, k) {
                let words_between = word_count(doc, j, k);
                let gerund = (j..k).any(|t| {
                    doc.is_word(t)
                        && !doc.is_cap(t)
                        && doc.low(t).len() > 4
                        && doc.low(t).ends_with("ing")
                        // Prepositions in "-ing" ("saying during the debate, “…”").
                        && !matches!(doc.low(t), "during" | "following" | "regarding")
                });
                let of_phrase =
                    doc.low(j) == "of" && !doc.is_punct(k - 1, ",") && !doc.is_punct(k - 1, ":");
                // "said on Friday “…”", "said in a statement, “…”": a time
                // phrase, or an adverbial closed by punctuation; not "joked
                // about Lee's “friendship”".
                let set_off = doc.is_punct(k - 1, ",")
                    || doc.is_punct(k - 1, ":")
                    || (j..k).any(|t| CALENDAR_WORDS.contains(&doc.low(t)))
                    || (words_between <= 4
                        && matches!(doc.low(j), "in" | "at" | "on" | "during")
                        && matches!(doc.low(j + 1), "a" | "an" | "the")
                        && (j + 1..k).all(|t| !doc.is_cap(t)));
                if words_between == 0
                    || (ADVERBIAL_AFTER_CUE.contains(&doc.low(j))
                        && !gerund
                        && !of_phrase
                        && set_off)
                {
                    start = k;
                }
                break;
            }
            if doc.is_punct(k, ".") {
                break;
            }
            k += 1;
        }
        let (a, b) = trim_range(doc, start, limit);
        // "said before he died", "fired back at the mayor", "shot back in
        // a statement": a short time, reason or prepositional phrase is not
        // content.
        let short_phrase = word_count(doc, a, b) <= 5
            && (matches!(
                doc.low(a),
                "before" | "after" | "until" | "while" | "because" | "since" | "although" | "when"
            )
                // "said as he launched the process"; not "described it as a
                // firewall".
                || (doc.low(a) == "as"
                    && matches!(doc.low(a + 1), "he" | "she" | "they" | "we" | "i")));
        let setting = matches!(doc.low(a), "in" | "with" | "at" | "on" | "during" | "by")
            && (matches!(
                doc.low(a + 1),
                "a" | "an" | "the" | "his" | "her" | "its" | "their" | "this" | "that"
            ) || CALENDAR_WORDS.contains(&doc.low(a + 1))
                // "on Twitter", "on CNN"
                || (doc.is_cap(a + 1) && word_count(doc, a, b) <= 3));
        let back_at = doc.low(a) == "at" && doc.low(f.start + f.len - 1) == "back";
        // Not "agreed with the analysis", "believe in the dream".
        let takes_preposition = f.cue.weak || doc.low(f.start).starts_with("agree");
        let short_prepositional = word_count(doc, a, b) <= 6
            && ((setting && !takes_preposition) || back_at)
            && !(a..b).any(|t| doc.quote_of(t).is_some());
        // "responded with logic", "announced Monday morning": a bare
        // prepositional or time phrase.
        let bare = word_count(doc, a, b) <= 2
            && !takes_preposition
            && !(a..b).any(|t| doc.quote_of(t).is_some())
            && (matches!(doc.low(a), "with" | "at" | "from" | "in" | "on")
                || (a..b).all(|t| {
                    !doc.is_word(t)
                        || CALENDAR_WORDS.contains(&doc.low(t))
                        || matches!(
                            doc.low(t),
                            "morning" | "afternoon" | "evening" | "night" | "today" | "yesterday"
                        )
                }));
        if short_phrase || short_prepositional || bare {
            // "X said in a statement:" — the quotation may follow.
            neighbour_quote(doc, lex, si, sent, f, cue_span, subject, addressee, out);
            continue;
        }
        // "Lee endorsed Ortega", "she attacked him": a one-word object of a
        // praise, criticism or rejection verb is what was said about.
        let named_object = word_count(doc, a, b) == 1
            && !f.cue.weak
            && matches!(f.cue.act, Act::Praise | Act::Criticism | Act::Rejection)
            && (doc.is_cap(a) || matches!(doc.low(a), "him" | "her" | "them" | "me" | "us"));
        // "75 percent said yes", "he said so": a one-word answer is the content.
        let short_answer = word_count(doc, a, b) == 1
            && !f.cue.weak
            && f.cue.act == Act::Statement
            && (matches!(doc.low(a), "yes" | "no" | "so")
                // "Lee said, “No.”": a whole quotation of one word.
                || (is_open_quote(doc, a) && doc.quote_of(b.saturating_sub(1)).is_some()));
        if word_count(doc, a, b) < 2 && !named_object && !short_answer {
            // "X said:" at the end of a sentence: the quotation follows.
            if a >= b {
                neighbour_quote(doc, lex, si, sent, f, cue_span, subject, addressee, out);
            }
            continue;
        }
        // "he's “losing the war on terrorism,” part of a lashing …": a
        // quotation closed by its comma and followed by a participle or
        // an aside ends the content.
        let b = (a + 1..b)
            .find(|&t| {
                is_close_quote(doc, t)
                    && doc.is_punct(t - 1, ",")
                    && doc.is_word(t + 1)
                    && !doc.is_cap(t + 1)
                    && (doc.low(t + 1).ends_with("ing")
                        || matches!(
                            doc.low(t + 1),
                            "which" | "part" | "hours" | "days" | "after" | "even" | "as"
                        ))
            })
            .map_or(b, |t| t + 1);
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
    according_channels(doc, lex, out, first_new);
    unread_colon_quote(doc, lex, si, sent, out);
    super::impressions::impression_frames(doc, lex, si, sent, &impressions, first_out, out);
}

/// Makes an "according to" statement of the sentence (those from
/// `first_new` on) the channel (`via`) of the sentence's other statements
/// when their contents meet: its content holds another statement's words or
/// cue. "…, according to the Labor Department, taking a step that
/// executives said …" keeps both.
fn according_channels(doc: &Doc, lex: &Lexicon, out: &mut Vec<RawStatement>, first_new: usize) {
    let sentence = out.get(first_new..).unwrap_or_default();
    let meets = |a: &RawStatement, b: &RawStatement| {
        a.token_parts.iter().any(|&(p, q)| {
            (p <= b.cue_token && b.cue_token < q)
                || b.token_parts.iter().any(|&(x, y)| x < q && p < y)
        })
    };
    let channel: Vec<bool> = sentence
        .iter()
        .map(|a| {
            is_according(doc, a)
                && sentence.iter().any(|b| {
                    !is_according(doc, b)
                        && meets(a, b)
                        // Only a speech verb inside makes the source a
                        // channel ("Lee said …, according to the ministry");
                        // "Grayson began vilifying her, according to
                        // Democrats" is the source's own account.
                        && lex
                            .cues
                            .get(doc.low(b.cue_token))
                            .is_some_and(|l| l.iter().any(|c| c.inv && !c.weak))
                })
        })
        .collect();
    if !channel.contains(&true) {
        return;
    }
    let mut via_text = sentence
        .iter()
        .find(|s| {
            s.cue.is_some()
                && s.via.is_some()
                && s.speaker_from == SpeakerFrom::Inverted
                && s.act == Act::Statement
                && is_according(doc, s)
        })
        .and_then(|s| s.via.clone());
    let mut keep = Vec::new();
    for (s, is_channel) in out.drain(first_new..).zip(channel) {
        if is_channel {
            if via_text.is_none() {
                via_text = s.via.clone();
            }
        } else {
            keep.push(s);
        }
    }
    for mut s in keep {
        if s.via.is_none() && !is_according(doc, &s) {
            s.via = via_text.clone();
        }
        out.push(s);
    }
}

/// A colon quotation that the sentence's own cues left unread ("He
/// continued with an appeal to voters: “…”", where "continued" found no
/// content of its own): the verb phrase before the colon is its cue.
fn unread_colon_quote(
    doc: &Doc,
    lex: &Lexicon,
    si: usize,
    sent: Sentence,
    out: &mut Vec<RawStatement>,
) {
    let ss = sent.start;
    let Some(c) = sentence_colon(doc, sent).filter(|&c| c > ss) else {
        return;
    };
    let q = after_colon(doc, c);
    // Checked last: the statements read so far are many.
    if is_open_quote(doc, q)
        && !out
            .iter()
            .any(|s| s.token_parts.iter().any(|&(a, b)| a <= q + 1 && q < b))
    {
        verb_colon_quote(doc, lex, si, ss, c, out);
    }
}

/// The first colon of a sentence outside quotations.
fn sentence_colon(doc: &Doc, sent: Sentence) -> Option<usize> {
    (sent.start..sent.end).find(|&k| doc.is_punct(k, ":") && doc.quote_of(k).is_none())
}

/// The token after the colon at `c`, past paragraph breaks: a quotation
/// introduced by the colon may open the next paragraph.
fn after_colon(doc: &Doc, c: usize) -> usize {
    let mut q = c + 1;
    while doc.tok(q).is_some_and(|t| t.kind == TokKind::Break) {
        q += 1;
    }
    q
}

/// The subject opening the clause at `cs` that a later verb shares: a
/// phrase read up to `cue` that ends before `end` (titles such as "Mr." may
/// precede it), else the capitalised name opening the clause.
fn clause_subject(doc: &Doc, lex: &Lexicon, cs: usize, cue: usize, end: usize) -> Option<Phrase> {
    // "And then Lee went on the attack, saying": past leading conjunctions.
    let mut cs = cs;
    while cs + 1 < cue && (CLAUSE_OPENERS.contains(&doc.low(cs)) || doc.is_punct(cs, ",")) {
        cs += 1;
    }
    // "An aide later softened …": an adverb ends the subject.
    let adverb = (cs + 1..cue).find(|&t| {
        let w = doc.low(t);
        !doc.is_cap(t)
            && ((BETWEEN_SUBJECT_AND_CUE.contains(&w)
                && !matches!(
                    w,
                    "a" | "an" | "in" | "on" | "as" | "statement" | "interview"
                ))
                || (super::phrases::is_ly_adverb(w) && w.len() > 4))
    });
    phrase_after(doc, lex, cs, adverb.unwrap_or(cue), false)
        .filter(|p| {
            // "Mr. Lee", "Band member Flea": titles and descriptive words
            // before the name.
            let before_ok = (cs..p.start).all(|t| is_title_abbreviation(doc, t))
                || (p.start.saturating_sub(cs) <= 4
                    && (cs..p.start).all(|t| doc.is_word(t) && !looks_finite(doc, t)));
            !matches!(p.head, Head::Other) && before_ok && p.end < end
        })
        .or_else(|| name_run_at(doc, lex, cs, end))
        .or_else(|| {
            // "The president left no doubt …", "One operative tried …": a
            // speaker noun phrase ends at the first finite-looking verb.
            let verb = (cs + 1..cue.min(cs + 8))
                .find(|&t| looks_finite(doc, t) && !lex.nouns.contains_key(doc.low(t)))?;
            phrase_after(doc, lex, cs, verb, false).filter(|p| {
                p.end == verb
                    && matches!(p.head, Head::Noun { .. } | Head::Place)
                    && (cs..p.start).all(|t| is_title_abbreviation(doc, t))
            })
        })
        .or_else(|| {
            // "The parents stiffened …", "Mr. Lee struck …": a title and a
            // name, or a plural noun phrase, right before a finite verb.
            let title =
                matches!(doc.low(cs), "mr" | "mrs" | "ms" | "dr") && doc.is_punct(cs + 1, ".");
            let determiner = matches!(
                doc.low(cs),
                "the" | "both" | "all" | "some" | "many" | "several" | "two" | "three"
            );
            if !title && !determiner {
                return None;
            }
            let verb = (cs + 2..(cs + 5).min(end)).find(|&t| looks_finite(doc, t))?;
            let last = doc.low(verb - 1);
            let plural = last.ends_with('s')
                && !["ss", "us", "is", "as"].iter().any(|x| last.ends_with(x))
                && !doc.is_cap(verb - 1);
            let words_only = (cs + 1..verb).all(|t| doc.is_word(t) || doc.is_punct(t, "."));
            (words_only && (title && doc.is_cap(verb - 1) || determiner && plural))
                .then(|| generic_subject(doc, lex, cs, verb))
                .flatten()
        })
}

/// Whether a subject phrase reads as a noun phrase ending in its noun:
/// no verb, negation or function word inside ("It is hard", "members
/// didn't") and no determiner or modifier left dangling at its end
/// ("Their", "the hourlong", "the only").
fn plain_noun_phrase(doc: &Doc, p: &Phrase) -> bool {
    let last = p.end.saturating_sub(1);
    let lw = doc.low(last);
    let dangling = is_function(doc, p.start)
        || is_function(doc, last)
        || !doc.is_word(last)
        || ["ly", "long", "n't"].iter().any(|x| lw.ends_with(x))
        || matches!(lw, "only" | "own" | "please");
    !dangling
        && (p.start..p.end).all(|t| {
            !matches!(
                doc.low(t),
                "is" | "was" | "are" | "were" | "be" | "been" | "not" | "please"
            ) && !doc.low(t).ends_with("n't")
        })
}

/// The capitalised name opening a clause ("Lee sings …", "Mr. Lee spoke …")
/// when the phrase parser read it together with the verb after it.
fn name_run_at(doc: &Doc, lex: &Lexicon, start: usize, limit: usize) -> Option<Phrase> {
    let mut end = start;
    while end < limit
        && (doc.is_cap(end) || (end > start && (doc.is_punct(end, ".") || doc.is_punct(end, "-"))))
    {
        end += 1;
    }
    // "Co-chair", "front-runner": a hyphen glued to a lower-case word is
    // part of a compound, not the end of a name.
    if end > start && doc.is_punct(end - 1, "-") {
        return None;
    }
    if end == start || end >= limit || !doc.is_word(end) || doc.is_cap(end) {
        return None;
    }
    // A capitalised word opening a sentence may be any word ("But", "Facing"):
    // the first word must not be a function or calendar word, and a single
    // word must also be capitalised somewhere mid-sentence.
    let first = doc.low(start);
    if is_capital_stop(doc, start) || lex.pronouns.contains_key(first) || first == "the" {
        return None;
    }
    // "Facing …" opens a clause; "Ebeling" is a name when it also stands
    // capitalised mid-sentence.
    let ing = first.ends_with("ing") && first.len() > 5;
    let opens_sentence = start == 0
        || doc.sentence_of.get(start) != doc.sentence_of.get(start - 1)
        || doc.is_quote(start - 1)
        || doc.tok(start - 1).is_some_and(|t| t.kind == TokKind::Break);
    if ((end - start == 1 && opens_sentence) || ing)
        && !super::phrases::capitalised_mid_sentence(doc, start)
    {
        return None;
    }
    let p = analyse_name_run(doc, lex, start, end);
    matches!(p.head, Head::Name).then_some(p)
}

/// A one-word cue that is a verb, not also a noun: "said", "told",
/// "wrote", or a form in "-ed".
fn plain_speech_verb(doc: &Doc, f: &Found) -> bool {
    let w = doc.low(f.start);
    f.len == 1
        && (matches!(w, "said" | "says" | "told" | "tells" | "wrote" | "writes")
            || w.ends_with("ed"))
}

/// A subject the phrase readers could not take, before a plain speech verb
/// ("But current and former officials in the FBI and at the Justice
/// Department have said …"): the clause's words before the verb, when they
/// hold no quotation, clause boundary or verb.
fn wide_subject(doc: &Doc, ss: usize, k: usize) -> Option<Phrase> {
    let mut cs = clause_start(doc, ss, k);
    while cs < k && (CLAUSE_OPENERS.contains(&doc.low(cs)) || !doc.is_word(cs)) {
        cs += 1;
    }
    if cs >= k || k - cs > 20 {
        return None;
    }
    let clean = (cs..k).all(|t| {
        doc.quote_of(t).is_none()
            && !doc.is_punct(t, ";")
            && !doc.is_punct(t, ":")
            && !is_dash(doc, t)
            && !CLAUSE_BOUNDARY_WORDS.contains(&doc.low(t))
            && !(t > cs && looks_finite(doc, t) && !doc.low(t).ends_with('s'))
            && !AUXILIARIES.contains(&doc.low(t))
    });
    if !clean {
        return None;
    }
    let (a, b) = trim_range(doc, cs, k);
    if b <= a
        || doc.low(a) == "to"
        || !doc.is_word(b - 1)
        || is_function(doc, b - 1)
        || super::phrases::DETERMINERS.contains(&doc.low(b - 1))
        || doc
            .tok(b - 1)
            .is_some_and(|t| t.kind == TokKind::Possessive)
        || (a..b).any(|t| {
            let w = doc.low(t);
            w.ends_with("n't") || w.ends_with("n’t") || w.ends_with("'ve") || w.ends_with("’ve")
        })
    {
        return None;
    }
    Some(Phrase::unparsed(doc, a, b, SpeakerKind::Person))
}

/// Where the clause holding the verb at `limit` starts: past an adverbial
/// opener and its comma ("In a press conference, Lee attacked Park, calling
/// him …") or past a quotation opening the sentence ("“…,” Lee sings before
/// asking her, “…”"); otherwise the sentence start.
fn clause_start(doc: &Doc, ss: usize, limit: usize) -> usize {
    if is_open_quote(doc, ss)
        && let Some(close) = doc
            .quote_of(ss)
            .and_then(|q| doc.quotes.get(q))
            .and_then(|q| q.close)
        && close + 1 < limit
    {
        let mut c = close + 1;
        while c < limit && (doc.is_punct(c, ",") || is_dash(doc, c)) {
            c += 1;
        }
        return c;
    }
    // "Walking to the next address, Lee …": a participle opener too.
    let participle = doc.is_cap(ss)
        && doc.low(ss).len() > 5
        && (doc.low(ss).ends_with("ing")
            || super::phrases::PARTICIPLE_OPENERS.contains(&doc.low(ss)));
    (ADVERBIAL_OPENERS.contains(&doc.low(ss)) || participle)
        .then(|| (ss..limit).find(|&c| doc.is_punct(c, ",")))
        .flatten()
        .filter(|&c| c + 1 < limit)
        .map_or(ss, |c| c + 1)
}

/// The start of the words between a boundary (a comma, a closing quotation
/// mark or a dash) and the subject phrase at `start` when they describe the
/// subject ("“…,” veteran analyst Ann Lee wrote", "…, the senator and
/// candidate said"): a few words with no verb-like cue, quotation or clause
/// word among them. Otherwise `start` itself.
fn description_start(doc: &Doc, lex: &Lexicon, ss: usize, start: usize, cue: usize) -> usize {
    let mut k = start;
    while k > ss && start - k < 7 {
        let p = k - 1;
        let boundary = doc.is_punct(p, ",") || is_close_quote(doc, p) || is_dash(doc, p);
        if boundary {
            // Only after a quotation: “…,” veteran analyst Ann Lee wrote.
            let after_quote = is_close_quote(doc, p)
                || (doc.is_punct(p, ",") && p > ss && is_close_quote(doc, p - 1));
            return if k < start && after_quote && doc.low(k) != "and" {
                k
            } else {
                start
            };
        }
        let w = doc.low(p);
        let wordlike = doc.is_word(p)
            || doc.tok(p).is_some_and(|t| t.kind == TokKind::Possessive)
            || (doc.is_punct(p, ".") && p > ss && doc.is_cap(p - 1));
        if !wordlike
            || doc.quote_of(p).is_some()
            || matches!(
                w,
                "that" | "who" | "which" | "when" | "while" | "as" | "if" | "because" | "but"
            )
            || lex.pronouns.contains_key(w)
            || cue_at(doc, lex, p, cue).is_some()
        {
            return start;
        }
        k = p;
    }
    start
}

/// Whether a subject phrase names a document, poll or data set.
fn is_evidence(doc: &Doc, lex: &Lexicon, p: &Phrase) -> bool {
    (p.start..p.end).any(|k| lex.evidence_nouns.contains(doc.low(k)))
}

/// Forms of "be" that make a past participle passive.
pub(super) const BE_FORMS: &[&str] = &["is", "was", "are", "were", "be", "been", "being"];

/// Where a run of "-ly" adverbs and the given words ending before token
/// `t` starts ("will not be | disclosed", "was widely | reported").
pub(super) fn back_past(doc: &Doc, ss: usize, mut t: usize, words: &[&str]) -> usize {
    while t > ss && {
        let w = doc.low(t - 1);
        words.contains(&w) || super::phrases::is_ly_adverb(w)
    } {
        t -= 1;
    }
    t
}

/// Forms of "be" and "have" and the modals "will" and "would": a phrase
/// holding one is a clause, not a subject.
const AUXILIARIES: &[&str] = &[
    "is", "was", "are", "were", "be", "been", "has", "have", "had", "will", "would",
];

/// Words that open a sentence with a subordinate clause ("While critics
/// accused him of …, he …"): a report inside it ends at its comma.
const SUBORDINATORS: &[&str] = &[
    "while", "although", "though", "if", "when", "after", "because", "since", "whereas", "once",
    "unless", "before", "until",
];

/// Words that end the clause a generic subject is read from.
pub(super) const CLAUSE_BOUNDARY_WORDS: &[&str] = &[
    "that", "because", "if", "when", "while", "although", "though", "since", "but", "whether",
    "unless", "after", "before", "where",
];

/// Irregular past participles of cues, read as passives after a form of
/// "be" ("was told that", "is shown").
const PASSIVE_PARTICIPLES: &[&str] = &[
    "told", "said", "shown", "known", "thought", "found", "sought", "held", "made", "given",
    "written", "seen",
];

/// Negated auxiliaries between a subject and its cue ("Lee didn't
/// mention", "the firm hasn't responded").
const NEGATED_AUXILIARIES: &[&str] = &[
    "didn't",
    "didn’t",
    "doesn't",
    "doesn’t",
    "don't",
    "don’t",
    "hasn't",
    "hasn’t",
    "haven't",
    "haven’t",
    "hadn't",
    "hadn’t",
    "wasn't",
    "wasn’t",
    "won't",
    "won’t",
    "wouldn't",
    "wouldn’t",
];

/// Verbs of beginning, continuing and seeming before an infinitive cue
/// ("continued to insist", "went on to say", "was quick to praise",
/// "seemed to suggest").
const ASPECTUAL: &[&str] = &[
    "continue",
    "continues",
    "continued",
    "continuing",
    "began",
    "begin",
    "begins",
    "started",
    "start",
    "starts",
    "on",
    "quick",
    "rushed",
    "proceeded",
    // "seemed to suggest", "appeared to mock": a hedged report.
    "seem",
    "seems",
    "seemed",
    "appear",
    "appears",
    "appeared",
];

/// Sentence adverbs set off by commas before a subject ("However, Lee
/// said", "On Friday, however, Lee said").
const DISCOURSE_ADVERBS: &[&str] = &[
    "however",
    "meanwhile",
    "still",
    "instead",
    "indeed",
    "moreover",
    "nonetheless",
    "nevertheless",
    "though",
    "too",
    "also",
    "now",
    "then",
    "yet",
    "again",
    "separately",
    "similarly",
    "likewise",
    "later",
    "earlier",
];

/// Words a generic subject does not start with.
const CLAUSE_OPENERS: &[&str] = &["and", "but", "yet", "so", "or", "then", "still", "also"];

/// A subject phrase the speaker parser did not recognise, read as the
/// clause before the cue: "Six in 10 voters" in "Six in 10 voters say ...",
/// or the name before an appositive the parser did not take ("Ann Lee, a
/// teacher clad in red, said"). `end` is the token after the subject.
fn generic_subject(doc: &Doc, lex: &Lexicon, ss: usize, end: usize) -> Option<Phrase> {
    if end <= ss {
        return None;
    }
    let is_boundary = |b: usize| {
        doc.is_punct(b, ";")
            || doc.is_punct(b, ":")
            || is_dash(doc, b)
            || doc.is_punct(b, "(")
            || doc.is_punct(b, ")")
            || doc.is_quote(b)
    };
    let (start, stop) = if doc.is_punct(end - 1, ",") {
        // An appositive: the subject is the first comma-delimited piece of
        // the clause, which starts at the sentence or after “...,”.
        let mut cs = end - 1;
        while cs > ss && !is_boundary(cs - 1) && end - cs < 40 {
            cs -= 1;
        }
        if cs > ss && !is_boundary(cs - 1) {
            return None;
        }
        while cs < end && !doc.is_word(cs) {
            cs += 1;
        }
        let mut first_comma = (cs..end).find(|&c| doc.is_punct(c, ","))?;
        // "In July, Ann Lee, vice chair of the board, told", "Just last
        // week, …": an adverbial opener before the first comma is no subject.
        // "On Wednesday, however, …": a discourse adverb between commas too.
        loop {
            let opener = if doc.low(cs) == "just" { cs + 1 } else { cs };
            let adverb = first_comma == cs + 1 && DISCOURSE_ADVERBS.contains(&doc.low(cs));
            if !(ADVERBIAL_OPENERS.contains(&doc.low(opener)) || adverb) || first_comma + 2 >= end {
                break;
            }
            cs = first_comma + 1;
            first_comma = (cs..end).find(|&c| doc.is_punct(c, ","))?;
        }
        // "the bloc's foreign policy chief, Ann Lee, said": the name after a
        // description is the subject.
        let second_comma = (first_comma + 1..end).find(|&c| doc.is_punct(c, ","));
        // "the bloc's envoy, Ann Lee," / "Lee's spokesman, Tim Ford,"
        let described = matches!(
            doc.low(cs),
            "the" | "a" | "an" | "his" | "her" | "their" | "its"
        ) || (doc.is_cap(cs)
            && (cs + 1..first_comma)
                .any(|t| doc.tok(t).is_some_and(|t| t.kind == TokKind::Possessive))
            && first_comma - cs <= 9);
        // "James B. Comey": an initial's full stop belongs to the name.
        if described
            && second_comma == Some(end - 1)
            && (first_comma + 1..end - 1).all(|c| doc.is_cap(c) || is_initial_dot(doc, c))
            && (2..=4).contains(&(end - 2 - first_comma))
        {
            // The mention covers the description too, so that the content
            // ends before it.
            let mut p = phrase_before(doc, lex, first_comma + 1, end - 1)?;
            if p.name.is_none() {
                p.name = Some(p.text.clone());
            }
            p.start = cs;
            return Some(p);
        }
        (cs, first_comma)
    } else {
        let mut cs = end;
        while cs > ss
            && !doc.is_punct(cs - 1, ",")
            && !is_boundary(cs - 1)
            && !CLAUSE_BOUNDARY_WORDS.contains(&doc.low(cs - 1))
            && end - cs < 18
        {
            cs -= 1;
        }
        if cs > ss
            && !doc.is_punct(cs - 1, ",")
            && !is_boundary(cs - 1)
            && !CLAUSE_BOUNDARY_WORDS.contains(&doc.low(cs - 1))
        {
            return None;
        }
        (cs, end)
    };
    let mut start = start;
    // "But trade unions in Lyon say": past a capitalised conjunction the
    // subject still opens the sentence.
    let opener =
        doc.is_cap(ss) && CLAUSE_OPENERS.contains(&doc.low(ss)) && (start == ss || start == ss + 1);
    while start < stop && (CLAUSE_OPENERS.contains(&doc.low(start)) || !doc.is_word(start)) {
        start += 1;
    }
    let opens_sentence = opener
        && !lex.pronouns.contains_key(doc.low(start))
        && !is_function(doc, start)
        && (start..stop).all(|t| {
            let w = doc.low(t);
            !AUXILIARIES.contains(&w)
                && !matches!(w, "there" | "not" | "can" | "could" | "that" | "which")
        });
    // "A White House official who spoke anonymously said": the noun phrase
    // before the relative clause is the subject; the mention covers both.
    let whole_stop = stop;
    let relative = (start + 1..stop).find(|&k| doc.low(k) == "who" && !doc.is_cap(k));
    let stop = relative.unwrap_or(stop);
    if start >= stop || stop - start > 10 || whole_stop - start > 18 {
        return None;
    }
    let last = stop - 1;
    // "42% say …": a share in figures stands for "42 percent".
    let share = last > start
        && doc.is_punct(last, "%")
        && doc.tok(last - 1).is_some_and(|t| t.kind == TokKind::Number);
    let words = word_count(doc, start, stop) + usize::from(share);
    let last_ok = share
        || doc.is_word(last)
            && !CLAUSE_BOUNDARY_WORDS.contains(&doc.low(last))
            && !BETWEEN_SUBJECT_AND_CUE.contains(&doc.low(last))
            && !matches!(
                doc.low(last),
                "to" | "of"
                    | "for"
                    | "with"
                    | "by"
                    | "and"
                    | "or"
                    | "the"
                    | "a"
                    | "an"
                    | "it"
                    | "there"
            );
    let first_ok = doc.is_cap(start)
        || opens_sentence
        || doc.tok(start).is_some_and(|t| t.kind == TokKind::Number)
        || (doc.is_word(start) && doc.low(last).ends_with('s') && stop - start <= 6)
        || lex.nouns.contains_key(doc.low(last))
        || matches!(
            doc.low(start),
            "the"
                | "a"
                | "an"
                | "some"
                | "many"
                | "most"
                | "several"
                | "more"
                | "few"
                | "both"
                | "all"
                | "other"
                | "his"
                | "her"
                | "their"
                | "its"
                | "our"
                | "two"
                | "three"
                | "nearly"
                | "about"
                | "almost"
                | "only"
                | "roughly"
                | "fewer"
                | "half"
                | "one"
                | "those"
                | "these"
                | "each"
                | "every"
                | "another"
                | "multiple"
                | "numerous"
        );
    let quoted = (start..stop).any(|k| doc.quote_of(k).is_some());
    if words == 0 || !last_ok || !first_ok || quoted {
        return None;
    }
    // "Protesters marching through the streets": a phrase after a
    // preposition is its object; the subject is the whole phrase.
    if let Some(mut p) = phrase_before(doc, lex, start, stop) {
        // Only a noun phrase: no verb, participle or leading preposition
        // in the words before ("Sanders is dominating by 6 in 10 voters").
        let noun_phrase = !PREPOSITIONS.contains(&doc.low(start))
            && !(start..p.start).any(|t| {
                let w = doc.low(t);
                // "Protesters marching through the streets": a participle
                // right after the head noun and before a preposition is a
                // reduced relative clause inside the phrase.
                let reduced_relative = t > start
                    && doc.low(t - 1).ends_with('s')
                    && PREPOSITIONS.contains(&doc.low(t + 1));
                let participle =
                    w.ends_with("ing") && w.len() > 4 && !doc.is_cap(t) && !reduced_relative;
                let be_or_have = matches!(
                    w,
                    "is" | "was" | "are" | "were" | "has" | "have" | "had" | "be" | "been"
                );
                // "Several aides close to the talks": a plural noun after
                // a determiner is no verb.
                let plural_noun = w.ends_with('s')
                    && t > start
                    && (super::phrases::DETERMINERS.contains(&doc.low(t - 1))
                        || doc.low(t - 1) == "multiple");
                (looks_finite(doc, t) && !plural_noun) || participle || be_or_have
            });
        if p.start > start
            && noun_phrase
            && PREPOSITIONS.contains(&doc.low(p.start - 1))
            && !matches!(p.head, Head::Name | Head::Pronoun(_))
        {
            p.start = start;
            p.text = doc
                .slice(tok_start(doc, start), tok_end(doc, stop - 1))
                .to_owned();
            if p.name.is_some() {
                p.name = Some(p.text.clone());
            }
        }
        if relative.is_some() {
            p.start = p.start.min(start);
            p.end = whole_stop;
        }
        return Some(p);
    }
    let kind = if doc.low(last).ends_with('s') {
        SpeakerKind::Group
    } else {
        SpeakerKind::Person
    };
    let mut p = Phrase::unparsed(doc, start, last + 1, kind);
    p.end = whole_stop;
    Some(p)
}

/// "Lee: Talks will resume" (a headline) or "… pollster Ann Lee: “…”": a
/// name before a colon, no reporting verb, the content after the colon.
fn colon_frame(
    doc: &Doc,
    lex: &Lexicon,
    si: usize,
    sent: Sentence,
    cues: &[Found],
    out: &mut Vec<RawStatement>,
) {
    let (ss, se) = (sent.start, sent.end);
    let Some(c) = sentence_colon(doc, sent) else {
        return;
    };
    // Cue words used as nouns before the colon ("made the following
    // comment:") leave the colon to introduce the quotation.
    let verb_cue_before = cues.iter().any(|f| {
        f.start < c
            && !(f.start > ss
                && matches!(
                    doc.low(f.start - 1),
                    "the" | "a" | "an" | "following" | "his" | "her" | "their" | "this"
                ))
    });
    if c == ss || verb_cue_before {
        return;
    }
    if verb_colon_quote(doc, lex, si, ss, c, out) {
        return;
    }
    // "TURNOUT DOES NOT RAISE EXPECTATIONS - Ann Lee: “…”": a dash set off
    // by spaces ends a section heading before the speaker.
    let ss = (ss..c)
        .rev()
        .find(|&k| {
            is_dash_or_hyphen(doc, k)
                && k > ss
                && tok_end(doc, k - 1) < tok_start(doc, k)
                && tok_end(doc, k) < tok_start(doc, k + 1)
        })
        .map_or(ss, |k| k + 1);
    // "More from Lee: “…”", "From the report: “…”": the source a
    // quotation is taken from.
    let from = (ss..c.min(ss + 3))
        .find(|&k| doc.low(k) == "from")
        .filter(|&f| (ss..f).all(|k| matches!(doc.low(k), "more" | "also" | "and")));
    if from.is_none() && cues.iter().any(|f| f.start < c) {
        return;
    }
    // Clock times ("10:30") and lists ("Topics: trade, ...") are not attributions.
    if !(doc.is_cap(c - 1) || from.is_some())
        || doc.tok(c - 1).is_none_or(|t| t.end != tok_start(doc, c))
    {
        return;
    }
    let (a, b) = trim_range(doc, c + 1, se);
    if word_count(doc, a, b) < 3 {
        return;
    }
    let quote_after = is_open_quote(doc, a);
    // A short all-capitalised run opening the sentence: a headline speaker.
    let headline = c - ss <= 6
        && (ss..c).all(|k| {
            doc.is_cap(k)
                || doc.tok(k).is_some_and(|t| t.kind == TokKind::Possessive)
                || doc.is_punct(k, ".")
                || doc.is_punct(k, "-")
        })
        && (doc.is_cap(a) || quote_after);
    let speaker = if headline {
        phrase_before(doc, lex, ss, c).or_else(|| Some(analyse_name_run(doc, lex, ss, c)))
    } else if quote_after {
        // "told the Dutch newspaper NRC Handelsblad: “…”": the object of a
        // preposition is not the speaker, unless it is the source the
        // quotation comes from ("More from Lee: “…”").
        phrase_before(doc, lex, ss, c).filter(|p| {
            matches!(p.head, Head::Name)
                && !(ss..p.start)
                    .rev()
                    .take(4)
                    .any(|k| PREPOSITIONS.contains(&doc.low(k)) && doc.low(k) != "from")
        })
    } else {
        None
    };
    let speaker = speaker.or_else(|| {
        phrase_after(doc, lex, from? + 1, c, false).filter(|p| {
            quote_after && p.end == c && !matches!(p.head, Head::Other | Head::Pronoun(_))
        })
    });
    let Some(speaker) = speaker else { return };
    // Section labels ("Latest:", "Correction:"), interview initials ("Q:")
    // and lists of names are not speakers and statements.
    let label = (speaker.start..speaker.end).any(|k| HEADLINE_LABELS.contains(&doc.low(k)));
    let commas = (a..b).filter(|&k| doc.is_punct(k, ",")).count();
    if label || speaker.text.chars().count() <= 1 || (commas >= 5 && !quote_after) {
        return;
    }
    if !headline && quote_after {
        // The whole quotation, possibly running over paragraphs.
        let parts = quote_chain(doc, a);
        if parts.is_empty() {
            return;
        }
        push_colon(doc, out, Kind::Direct, parts, c, speaker, si);
        return;
    }
    let kind = kind_of(doc, a, b);
    push_colon(doc, out, kind, vec![(a, b)], c, speaker, si);
}

/// "Hannity interjected: “…”", "Then she added a caveat: “…”": a named or
/// pronoun subject opening the sentence, a short verb phrase that is not in
/// the cue lexicon, a colon and a quotation. The verb phrase is the cue.
fn verb_colon_quote(
    doc: &Doc,
    lex: &Lexicon,
    si: usize,
    ss: usize,
    c: usize,
    out: &mut Vec<RawStatement>,
) -> bool {
    // The quotation follows the colon, or opens the next paragraph.
    let q = after_colon(doc, c);
    if !is_open_quote(doc, q) {
        return false;
    }
    let mut first = ss;
    if matches!(doc.low(first), "then" | "later" | "and" | "but" | "finally") {
        first += 1;
        if doc.is_punct(first, ",") {
            first += 1;
        }
    }
    // The subject opens the sentence or follows a short opener ("On July
    // 6, 2015, Lee made the following comment:").
    let starts = std::iter::once(first).chain(
        (first..c.min(first + 10))
            .filter(|&k| doc.is_punct(k, ","))
            .map(|k| k + 1),
    );
    let Some((start, subject)) = starts.into_iter().find_map(|start| {
        // "The report makes that clear:": the subject ends before the
        // first finite-looking verb.
        let verb = (start + 1..c).find(|&t| looks_finite(doc, t)).unwrap_or(c);
        phrase_after(doc, lex, start, verb, false)
            .filter(|p| !matches!(p.head, Head::Other))
            .or_else(|| name_run_at(doc, lex, start, c))
            .map(|p| (start, p))
    }) else {
        return false;
    };
    let named = matches!(subject.head, Head::Name) && doc.is_cap(subject.end - 1);
    let pronoun = matches!(subject.head, Head::Pronoun(p) if p.person == 3);
    // "The ministry worded it carefully:", "Lee's letter makes a case:".
    let source = matches!(subject.head, Head::Noun { .. } | Head::Place);
    if !(named || pronoun || source)
        || !(start..subject.start).all(|t| is_title_abbreviation(doc, t))
        || subject.end >= c
    {
        return false;
    }
    // A short verb phrase: a lower-case word first, a finite verb among the
    // first three words, words only ("has since apologized for what
    // happened", "makes a case", "interjected to say").
    let mut verb = subject.end;
    // "O'Malley, who signed the laws, interjected": past an appositive.
    if doc.is_punct(verb, ",")
        && let Some(close) = (verb + 1..c).find(|&t| doc.is_punct(t, ","))
        && close + 1 < c
    {
        verb = close + 1;
    }
    let words = word_count(doc, verb, c);
    let finite = (verb..c.min(verb + 3)).any(|t| looks_finite(doc, t));
    if !(1..=16).contains(&words)
        || !(verb..c).all(|t| {
            doc.is_word(t)
                || doc.is_punct(t, ",")
                || doc.tok(t).is_some_and(|k| k.kind == TokKind::Possessive)
        })
        || doc.is_cap(verb)
        || !finite
    {
        return false;
    }
    let parts = quote_chain(doc, q);
    if parts.is_empty() {
        return false;
    }
    push_colon(doc, out, Kind::Direct, parts, c, subject, si);
    if let Some(r) = out.last_mut() {
        r.cue = Some((tok_start(doc, verb), tok_end(doc, c - 1)));
        r.cue_token = verb;
    }
    true
}

/// Irregular past forms that mark a finite verb ("Lee went even further:").
const IRREGULAR_PASTS: &[&str] = &[
    "ed", "ss", "has", "had", "made", "gave", "took", "put", "sent", "wrote", "spoke", "held",
    "read", "left", "set", "kept", "began", "went", "came", "got", "struck", "drew", "found",
    "brought", "thought", "felt", "told", "stood", "won", "chose", "threw", "meant", "sought",
    "laid", "led", "rose", "shook", "broke", "met", "saw", "heard", "knew", "ran",
];

/// Whether word `t` looks like a finite verb: a regular past, a present in
/// -s, or an irregular past.
fn looks_finite(doc: &Doc, t: usize) -> bool {
    let w = doc.low(t);
    doc.is_word(t)
        && !doc.is_cap(t)
        && (w.ends_with("ed")
            || (w.ends_with('s') && !w.ends_with("ss"))
            || IRREGULAR_PASTS.contains(&w))
}

/// Words of section labels that precede a colon in news pages.
pub(super) const HEADLINE_LABELS: &[&str] = &[
    "latest",
    "update",
    "updates",
    "correction",
    "corrections",
    "clarification",
    "byline",
    "contributing",
    "dateline",
    "note",
    "editor",
    "editor's",
    "breaking",
    "watch",
    "read",
    "related",
    "video",
    "photos",
    "exclusive",
    "opinion",
    "analysis",
    "live",
    "paid",
    "notice",
    "email",
    "daily",
    "newsletter",
    "remember",
    "see",
    "also",
    "source",
    "sources",
    "credit",
    "q",
    "a",
];

pub(super) fn push_colon(
    doc: &Doc,
    out: &mut Vec<RawStatement>,
    kind: Kind,
    token_parts: Vec<(usize, usize)>,
    colon: usize,
    speaker: Phrase,
    si: usize,
) {
    out.push(RawStatement {
        kind,
        parts: byte_parts(doc, &token_parts),
        token_parts,
        cue: Some((tok_start(doc, colon), tok_end(doc, colon))),
        cue_token: colon,
        act: Act::Statement,
        weak: false,
        speaker: Some(speaker),
        speaker_from: SpeakerFrom::Subject,
        addressee: None,
        via: None,
        sentence: si,
    });
}

/// Nouns that make "press" a noun before them ("press secretary").
const PRESS_NOUNS: &[&str] = &[
    "secretary",
    "secretaries",
    "office",
    "officer",
    "release",
    "releases",
    "conference",
    "conferences",
    "briefing",
    "briefings",
    "aide",
    "aides",
    "corps",
    "freedom",
    "statement",
    "call",
    "availability",
    "staff",
    "team",
    "pool",
    "gaggle",
    "spokesman",
    "spokeswoman",
    "coverage",
    "reports",
];

/// Cues that report speech when they follow their content (", he
/// continued.") or introduce a clause or quotation; before an object they
/// mean something else ("continued its attacks").
const TRAILING_ONLY: &[&str] = &["continue", "continues", "continued"];

/// Forms of "add" that also mean adding things ("adding dozens of ships").
const ADD_FORMS: &[&str] = &["add", "adds", "added", "adding"];

/// Whether a cue may take the content that follows it at token `j`:
/// "add" and "continue" need "that", a quotation, a colon, a comma or a
/// pronoun subject after them.
fn forward_use_ok(doc: &Doc, f: &Found, j: usize) -> bool {
    let w = doc.low(f.start);
    if (ADD_FORMS.contains(&w) || TRAILING_ONLY.contains(&w)) && f.len == 1 {
        // Past a one-word adverb: "adding later, “…”".
        let mut j = j;
        let w = doc.low(j);
        if matches!(w, "later" | "earlier" | "then" | "also")
            || (w.ends_with("ly") && !doc.is_cap(j))
        {
            j += 1;
        }
        let next = doc.low(j);
        // "added a caveat: “…”": a short object, a colon and a quotation.
        let colon_quote = (j..j + 5).any(|c| doc.is_punct(c, ":") && is_open_quote(doc, c + 1))
            && (j..j + 5)
                .take_while(|&c| !doc.is_punct(c, ":"))
                .all(|c| doc.is_word(c));
        return colon_quote
            || next == "that"
            || is_open_quote(doc, j)
            || doc.is_punct(j, ":")
            || doc.is_punct(j, ",")
            || matches!(
                next,
                "he" | "she" | "it" | "they" | "we" | "i" | "there" | "this"
            );
    }
    true
}

/// The first token after a dateline opening the sentence ("BRUSSELS —",
/// "WASHINGTON (Reuters) -", "KYIV, Ukraine —"); the sentence start when
/// there is none. A dateline names a place, never a speaker.
fn dateline_end(doc: &Doc, sent: Sentence) -> usize {
    let (ss, se) = (sent.start, sent.end);
    let all_caps = |i: usize| {
        doc.is_word(i) && {
            let t = doc.text(i);
            t.chars().any(char::is_uppercase) && !t.chars().any(char::is_lowercase)
        }
    };
    // "Oslo (Newswire) –": a place in title case is a dateline only when an
    // agency in parentheses follows it before the dash.
    let title_case = doc.is_cap(ss) && doc.is_word(ss);
    if !all_caps(ss) && !title_case {
        return ss;
    }
    let (mut agency, mut inside) = (false, false);
    let mut i = ss;
    while i < se && i < ss + 12 {
        let dash = is_dash(doc, i) || doc.is_punct(i, "-");
        if dash && i > ss {
            return if all_caps(ss) || (agency && !inside) {
                i + 1
            } else {
                ss
            };
        }
        // The dash of "Lee (D-Ore.) said" is inside the parentheses.
        if doc.is_punct(i, "(") {
            inside = true;
        }
        if doc.is_punct(i, ")") && inside {
            inside = false;
            agency = true;
        }
        // Capitalised place words, a comma before a region or a date
        // ("OSLO, Dec. 8 (Newswire) —"), and "(Reuters)".
        let in_dateline = all_caps(i)
            || doc.is_cap(i)
            || doc.tok(i).is_some_and(|t| t.kind == TokKind::Number)
            || doc.is_punct(i, ",")
            || doc.is_punct(i, "(")
            || doc.is_punct(i, ")")
            || doc.is_punct(i, ".");
        if !in_dateline {
            return ss;
        }
        i += 1;
    }
    ss
}

/// The content pieces of the quotations a paragraph-opening quotation
/// continues ("…cities.¶“We are not tired…,” she said"), in text order.
fn earlier_chain(doc: &Doc, open: usize) -> Vec<(usize, usize)> {
    let mut parts = Vec::new();
    let Some(mut qi) = doc.quote_of(open) else {
        return parts;
    };
    while doc.quotes.get(qi).is_some_and(|q| q.continues) && qi > 0 && parts.len() < 30 {
        qi -= 1;
        let Some(q) = doc.quotes.get(qi) else { break };
        if !q.continued {
            break;
        }
        let end = doc
            .sentence_of
            .get(q.open)
            .and_then(|&s| doc.sentences.get(s as usize))
            .and_then(|s| doc.paragraphs.get(s.para))
            .map_or(q.open + 1, |&(_, e)| e);
        let (s, e) = trim_unclosed(doc, q.open, end);
        if s < e {
            parts.push((s, e));
        }
    }
    parts.reverse();
    parts
}

/// An inverted subject the phrase parser did not recognise ("…,” said a
/// narrator", "said the 46-year-old"): a determiner or capitalised word and
/// up to six more words, ending at the sentence end or a comma.
fn generic_subject_after(doc: &Doc, lex: &Lexicon, start: usize, se: usize) -> Option<Phrase> {
    // "said master of ceremonies Asab Tabchi", "said lobbyist and GOP
    // strategist Charlie Black": lower-case description words, then a name
    // of two or more words that ends the clause.
    let mut n = start;
    // "9/11 widow Terry Strada", "34-year-old nurse Ann Lee": numbers and
    // the marks joining them belong to the description.
    let joined_number = |n: usize| {
        doc.tok(n).is_some_and(|t| t.kind == TokKind::Number)
            || ((doc.is_punct(n, "/") || doc.is_punct(n, "-"))
                && n > start
                && doc
                    .tok(n - 1)
                    .is_some_and(|t| t.end == doc.tok(n).map_or(0, |u| u.start)))
    };
    while n < se
        && n - start < 8
        && (joined_number(n)
            || (doc.is_word(n)
                && !doc.is_cap(n)
                && ((n > start && matches!(doc.low(n), "of" | "and"))
                    || (!is_function(doc, n)
                        && !ADVERBIAL_AFTER_CUE.contains(&doc.low(n))
                        && !CLAUSE_BOUNDARY_WORDS.contains(&doc.low(n))))))
    {
        n += 1;
    }
    if n > start && n < se && doc.quote_of(start).is_none() {
        let mut e = n;
        while e < se
            && (doc.is_cap(e)
                || is_initial_dot(doc, e)
                || (doc.is_punct(e, "-") && doc.is_cap(e + 1)))
        {
            e += 1;
        }
        let ends = e >= se || doc.is_punct(e, ",") || is_terminal(doc, e);
        if e >= n + 2 && ends && !is_capital_stop(doc, n) {
            let mut name = analyse_name_run(doc, lex, n, e);
            if matches!(name.head, Head::Name) {
                name.start = start;
                return Some(name);
            }
        }
    }
    let first_ok = doc.is_cap(start)
        || matches!(
            doc.low(start),
            "the" | "a" | "an" | "one" | "another" | "his" | "her" | "their" | "its"
        );
    if !first_ok || doc.quote_of(start).is_some() {
        return None;
    }
    let mut end = start;
    while end < se
        && end - start < 16
        && (doc.is_word(end)
            || doc.is_punct(end, "-")
            || doc.tok(end).is_some_and(|t| t.kind == TokKind::Possessive))
    {
        end += 1;
    }
    let at_boundary = end >= se || doc.is_punct(end, ",") || is_terminal(doc, end);
    if !at_boundary || end == start || word_count(doc, start, end) > 12 {
        return None;
    }
    let last = end - 1;
    if CLAUSE_BOUNDARY_WORDS.contains(&doc.low(last))
        || ADVERBIAL_AFTER_CUE.contains(&doc.low(last))
    {
        return None;
    }
    Some(Phrase::unparsed(doc, start, end, SpeakerKind::Person))
}

/// Whether token `k` is "that" opening a clause, not "that night".
fn is_complementizer(doc: &Doc, k: usize) -> bool {
    doc.low(k) == "that"
        && doc.quote_of(k).is_none()
        && (doc.is_word(k + 1) || is_open_quote(doc, k + 1))
        && !matches!(
            doc.low(k + 1),
            "night"
                | "day"
                | "morning"
                | "evening"
                | "afternoon"
                | "week"
                | "month"
                | "year"
                | "time"
                | "weekend"
                | "point"
                | "occasion"
        )
}

fn is_according(doc: &Doc, s: &RawStatement) -> bool {
    doc.low(s.cue_token) == "according"
}

/// The end of a forward content: the sentence end, or an earlier comma
/// that introduces another attribution (", according to", ", he said").
fn content_limit(doc: &Doc, lex: &Lexicon, cues: &[Found], ci: usize, se: usize) -> usize {
    // "X blasted Congress and said ...": a second verb of the same subject
    // ends the first content, also past cue words used as nouns ("declined
    // to address the report but said …").
    let floor = cues.get(ci).map_or(0, |c| c.start + c.len);
    // Where a later cue's verb group starts, past adverbs and auxiliaries.
    let verb_start = |n: &Found| {
        let mut k = n.start;
        while k > 0 && BETWEEN_SUBJECT_AND_CUE.contains(&doc.low(k - 1)) && n.start - k < 3 {
            k -= 1;
        }
        k
    };
    for n in cues.iter().skip(ci + 1) {
        let k = verb_start(n);
        if k > floor + 1
            && matches!(doc.low(k - 1), "and" | "but")
            && !n.cue.weak
            && doc.quote_of(k - 1).is_none()
        {
            return k - 1;
        }
    }
    if let Some(n) = cues.get(ci + 1) {
        let k = verb_start(n);
        // "…, and more than 4 in 10 said …", "…, compared with 23 percent
        // who said …": a share of a poll opening a second answer.
        if let Some(c) = (floor + 2..k).find(|&c| {
            doc.is_punct(c, ",")
                && doc.quote_of(c).is_none()
                && ((matches!(doc.low(c + 1), "and" | "but")
                    && generic_subject(doc, lex, c + 2, k).is_some_and(|p| p.start == c + 2))
                    || (doc.low(c + 1) == "compared" && matches!(doc.low(c + 2), "with" | "to")))
        }) {
            return c;
        }
        // "... computers and she accused ...": a new clause with its own
        // subject and cue.
        if let Some(p) = phrase_before(doc, lex, floor, k)
            && p.start > floor + 1
            && p.end - p.start <= 4
            && (matches!(doc.low(p.start - 1), "and" | "but")
                // "… ― Trump boasted, “…”": a dash before a new subject and cue.
                || (is_dash(doc, p.start - 1) && (n.cue.inv || n.cue.participle))
                // ", while Lee is arguing that": a contrast after a comma or dash.
                || (matches!(
                    doc.low(p.start - 1),
                    "while" | "whereas" | "although" | "though"
                ) && (doc.is_punct(p.start - 2, ",") || is_dash(doc, p.start - 2))))
            && !matches!(p.head, Head::Other)
            && doc.quote_of(p.start - 1).is_none()
        {
            let mut cut = p.start - 1;
            if cut > floor && doc.is_punct(cut - 1, ",") {
                cut -= 1;
            }
            return cut;
        }
        // "…, while 22 percent said …": a contrast clause with its own cue,
        // whatever its subject.
        if let Some(w) = (floor.max(k.saturating_sub(10))..k)
            .rev()
            .take_while(|&t| !doc.is_punct(t, ",") || doc.quote_of(t).is_some())
            .find(|&t| matches!(doc.low(t), "while" | "whereas"))
            && w > floor + 2
            && doc.is_punct(w - 1, ",")
            && doc.quote_of(w - 1).is_none()
        {
            return w - 1;
        }
    }
    for n in cues.iter().skip(ci + 1) {
        // The comma before the next cue's subject or before the cue itself.
        let mut k = n.start;
        while k > floor && !doc.is_punct(k - 1, ",") && !doc.is_punct(k - 1, ";") && n.start - k < 8
        {
            k -= 1;
        }
        if k > floor && (doc.is_punct(k - 1, ",") || doc.is_punct(k - 1, ";")) {
            let between = word_count(doc, k, n.start);
            // "…, Ham also noted": past adverbs before the verb.
            let subject_like = between == 0
                || phrase_before(doc, lex, k, verb_start(n).max(k + 1))
                    .is_some_and(|p| p.start == k || between <= 4)
                // "…, multiple sources privy to the talks say": a subject
                // with a modifier the phrase parser does not take.
                || generic_subject(doc, lex, k, verb_start(n).max(k + 1))
                    .is_some_and(|p| p.start == k && plain_noun_phrase(doc, &p));
            if subject_like && (n.cue.participle || n.cue.src || n.cue.inv || between > 0) {
                // "“That makes me smart,” when Clinton blasted him": a
                // comma inside a closing quotation keeps the quotation whole.
                if is_close_quote(doc, k) && doc.quote_of(k - 1).is_some() {
                    return k + 1;
                }
                return k - 1;
            }
        }
    }
    // "…; she called into a radio show": a semicolon before a pronoun
    // subject starts a new clause.
    let limit = cues.get(ci + 1).map_or(se, |n| n.start).min(se);
    if let Some(c) = (floor + 2..limit).find(|&c| {
        doc.is_punct(c, ",")
            && doc.quote_of(c).is_none()
            && (doc.low(c + 1) == "but"
                || (doc.low(c + 1) == "and"
                    && matches!(doc.low(c + 2), "he" | "she" | "they" | "there" | "we" | "i")))
    }) && !(floor..c).any(|t| is_complementizer(doc, t))
    {
        return c;
    }
    if let Some(c) = (floor..limit).find(|&c| {
        doc.is_punct(c, ";")
            && doc.quote_of(c).is_none()
            && matches!(doc.low(c + 1), "he" | "she" | "they" | "we" | "i" | "it")
    }) {
        return c;
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

/// Whether token `k` is part of a title abbreviation the speaker phrase
/// leaves out ("Mrs." in "Mrs. Lee said").
fn is_title_abbreviation(doc: &Doc, k: usize) -> bool {
    doc.is_punct(k, ".")
        || (doc.is_cap(k) && doc.text(k).trim_end_matches('.').chars().count() <= 4)
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
        && prev.para == sent.para
        && is_open_quote(doc, prev.start)
        && (sent.start..subject.start).all(|k| is_title_abbreviation(doc, k))
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
    // An initial's full stop ("Dennis B. Ross") is inside the name.
    while clause_end < se
        && !doc.is_punct(clause_end, ",")
        && (!is_terminal(doc, clause_end) || is_initial_dot(doc, clause_end))
    {
        clause_end += 1;
    }
    let source = phrase_after(doc, lex, cue_end, clause_end, true);
    let via = channel(doc, lex, cue_end, clause_end)
        .or_else(|| source.as_ref().map(|s| strip_det(&s.text)));
    let speaker = channel_phrase(doc, lex, cue_end, clause_end).or(source);
    let cue_span = (tok_start(doc, start), tok_end(doc, cue_end - 1));
    // "In addition, according to X, ...": a short opener before the cue
    // leaves the content after the source.
    let short_opener = start > ss
        && doc.is_punct(start - 1, ",")
        && word_count(doc, ss, start) <= 3
        && clause_end < se
        && doc.is_punct(clause_end, ",")
        && word_count(doc, clause_end, se) >= 4;
    let at_start =
        start == ss || (start > ss && (start - ss) <= 1 && !doc.is_word(ss)) || short_opener;
    // "According to Dennis B. Ross, another former envoy, …": an
    // appositive describing the source is not content.
    let mut content_start = clause_end + 1;
    if at_start
        && matches!(
            doc.low(content_start),
            "a" | "an" | "another" | "the" | "his" | "her" | "its" | "their"
        )
        && let Some(c) = (content_start..se.min(content_start + 10)).find(|&c| doc.is_punct(c, ","))
        && (content_start..c)
            .all(|t| doc.is_word(t) && !looks_finite(doc, t) && doc.quote_of(t).is_none())
        && word_count(doc, c + 1, se) >= 4
    {
        content_start = c + 1;
    }
    let (a, b) = if at_start {
        trim_range(doc, content_start, se)
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
        parts: byte_parts(doc, &parts),
        token_parts: parts,
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

pub(super) fn channel_phrase(doc: &Doc, lex: &Lexicon, s: usize, e: usize) -> Option<Phrase> {
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

/// Token ranges as byte ranges of the body.
pub(super) fn byte_parts(doc: &Doc, token_parts: &[(usize, usize)]) -> Vec<(usize, usize)> {
    token_parts
        .iter()
        .map(|&(s, e)| (tok_start(doc, s), tok_end(doc, e - 1)))
        .collect()
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
        // A quotation filling its sentence (give or take final punctuation),
        // or opening it with a short tail (“…” for the top bracket.).
        let tail = word_count(doc, qend, sent.end);
        let fills = q.open == sent.start && tail == 0;
        if q.open != sent.start || tail > 6 || words < 4 {
            continue;
        }
        let _ = Facing::Open;
        // A quotation right after a direct statement in the same paragraph
        // continues it: “...,” she said. “...”
        let continues = out.iter().position(|s| {
            (s.kind == Kind::Direct
                // A partial quotation before its attribution: `The summit
                // did "too little," he said. "…"`
                || (s.kind == Kind::Mixed
                    && s.token_parts.last().is_some_and(|&(_, e)| e <= s.cue_token)))
                && s.token_parts.last().is_some_and(|&(_, e)| {
                    let ls = doc
                        .sentence_of
                        .get(e.saturating_sub(1))
                        .copied()
                        .unwrap_or(0) as usize;
                    let cue_sentence =
                        doc.sentence_of.get(s.cue_token).copied().unwrap_or(0) as usize;
                    ls + 1 == si
                        || (ls + 2 == si && (s.sentence + 1 == si || cue_sentence + 1 == si))
                })
                && doc
                    .sentences
                    .get(s.sentence)
                    .is_some_and(|p| p.para == sent.para)
        });
        // A paragraph that is nothing but a quotation, right after a
        // paragraph ending with a direct statement, continues that speaker's
        // remarks: “…,” he tweeted. ¶ “…”
        let continues = continues.or_else(|| {
            let (ps, pe) = doc.paragraphs.get(sent.para).copied()?;
            let whole_paragraph = q.open == ps
                && q.close
                    .is_some_and(|c| (c + 1..pe).all(|k| !doc.is_word(k)))
                && sent.para > 0;
            if !whole_paragraph {
                return None;
            }
            let prev_para = sent.para - 1;
            let (_, prev_end) = doc.paragraphs.get(prev_para).copied()?;
            let idx = out.iter().rposition(|s| s.sentence < si)?;
            let s = out.get(idx)?;
            let ends_paragraph = s.token_parts.last().is_some_and(|&(_, e)| {
                let last_sentence = doc.sentence_of.get(e.saturating_sub(1)).copied();
                let para_last_sentence = doc.sentence_of.get(prev_end.saturating_sub(1)).copied();
                last_sentence == para_last_sentence
                    || doc.sentence_of.get(s.cue_token).copied() == para_last_sentence
            });
            let in_prev = doc
                .sentences
                .get(s.sentence)
                .is_some_and(|p| p.para == prev_para);
            (matches!(s.kind, Kind::Direct | Kind::Mixed) && in_prev && ends_paragraph)
                .then_some(idx)
        });
        if let Some(idx) = continues
            && let Some(prev) = out.get_mut(idx)
        {
            let mut chain = quote_chain(doc, q.open);
            // A short tail after the quotation belongs to the sentence's content.
            if !fills && let Some(last) = chain.last_mut() {
                let (_, e) = trim_range(doc, last.0, sent.end);
                last.1 = last.1.max(e);
            }
            for (a, b) in chain {
                prev.token_parts.push((a, b));
                prev.parts.push((tok_start(doc, a), tok_end(doc, b - 1)));
            }
            if let Some(c) = covered.get_mut(qi) {
                *c = true;
            }
            continue;
        }
        if !fills {
            continue;
        }
        // The nearest earlier statement in this or the previous two paragraphs.
        // "Carter said that for decades critics had been predicting …": a
        // report nested in another's content is not the one that goes on.
        let nested = |s: &RawStatement| {
            out.iter().any(|o| {
                o.sentence == s.sentence
                    && o.token_parts
                        .iter()
                        .any(|&(a, b)| a <= s.cue_token && s.cue_token < b)
            })
        };
        let prev = out
            .iter()
            .filter(|s| s.sentence < si && s.speaker.is_some() && !nested(s))
            .max_by_key(|s| (s.sentence, s.cue_token))
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
        // “…?” “…”: a quotation right after an unattributed one in the same
        // paragraph goes on with it.
        if let Some(last) = extra.last_mut().filter(|l: &&mut RawStatement| {
            l.token_parts.last().is_some_and(|&(_, e)| {
                let ls = doc
                    .sentence_of
                    .get(e.saturating_sub(1))
                    .copied()
                    .unwrap_or(0) as usize;
                ls + 1 == si && doc.sentences.get(ls).is_some_and(|p| p.para == sent.para)
            })
        }) {
            last.parts.extend(byte_parts(doc, &parts));
            last.token_parts.extend(parts);
            continue;
        }
        extra.push(RawStatement {
            kind: Kind::Direct,
            parts: byte_parts(doc, &parts),
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

/// "It was reported by Kyodo that talks would resume", "It was announced by
/// the ministry that …": an impersonal passive whose agent after "by" is
/// the speaker of the "that" clause that follows it.
fn impersonal_by(
    doc: &Doc,
    lex: &Lexicon,
    si: usize,
    se: usize,
    f: &Found,
    cue_end: usize,
    out: &mut Vec<RawStatement>,
) {
    if doc.low(cue_end) != "by" {
        return;
    }
    let Some(agent) = phrase_after(doc, lex, cue_end + 1, se, false) else {
        return;
    };
    let mut j = agent.end;
    if doc.is_punct(j, ",") {
        j += 1;
    }
    if matches!(agent.head, Head::Pronoun(_)) || !is_complementizer(doc, j) {
        return;
    }
    let (a, b) = trim_range(doc, j, se);
    if word_count(doc, a, b) < 3 {
        return;
    }
    push_by_agent(doc, out, (a, b), f, cue_end, agent, si);
}

/// A statement of the agent after "by" in a passive ("The plan was
/// criticized by officials", "It was reported by Kyodo that …"); the cue
/// runs to "by".
fn push_by_agent(
    doc: &Doc,
    out: &mut Vec<RawStatement>,
    (a, b): (usize, usize),
    f: &Found,
    cue_end: usize,
    agent: Phrase,
    si: usize,
) {
    push(
        doc,
        out,
        kind_of(doc, a, b),
        vec![(a, b)],
        Some((tok_start(doc, f.start), tok_end(doc, cue_end))),
        f.start,
        f.cue,
        Some(agent),
        SpeakerFrom::Inverted,
        None,
        si,
    );
}
