//! Turns a resolved frame into a [`Statement`]: the speech act, topics,
//! countries, date and confidence.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::frames::{RawStatement, SpeakerFrom};
use super::lexicon::Lexicon;
use super::phrases::place_at;
use super::text::Doc;
use super::{Resolution, content_of};
use crate::model::{Act, Addressee, Article, Kind, Span, Speaker, Statement};

/// Assembles the statement; `None` when a span would be invalid.
pub(crate) fn statement(
    doc: &Doc,
    lex: &Lexicon,
    scope: &mut ArticleScope<'_>,
    raw: &RawStatement,
    speaker: Speaker,
    resolution: Resolution,
    addressee: Option<Addressee>,
) -> Option<Statement> {
    let article = scope.article;
    let content = content_of(doc.body, &raw.parts)?;
    if !content.is_valid_in(doc.body) {
        return None;
    }
    let text = content.joined_text();
    let cue = raw.cue.and_then(|(s, e)| Span::of(doc.body, s, e));
    let sentence = doc.sentences.get(raw.sentence).copied();
    let topics = topics(
        doc,
        lex,
        &mut scope.paragraph_topics,
        raw,
        sentence.map(|s| (s.start, s.end)),
        article.meta.title.as_deref(),
    );
    let mut countries: Vec<String> = Vec::new();
    let mut add = |c: &Option<String>| {
        if let Some(c) = c
            && !countries.contains(c)
        {
            countries.push(c.clone());
        }
    };
    add(&speaker.country);
    add(&addressee.as_ref().and_then(|a| a.country.clone()));
    for &(s, e) in &raw.token_parts {
        let mut i = s;
        while i < e {
            if let Some(m) = place_at(doc, lex, i, e) {
                let inside_name = m.ambiguous
                    && (doc.is_cap(i + m.len) || (i > s && doc.is_cap(i - 1) && i - 1 != s));
                if !inside_name {
                    add(&Some(m.code.clone()));
                }
                i += m.len;
            } else {
                i += 1;
            }
        }
    }
    let act = act_of(doc, raw);
    let date = date_of(
        doc,
        raw,
        sentence.map(|s| (s.start, s.end)),
        article.meta.published,
    )
    .or(article.meta.published);
    let confidence = confidence(raw, resolution, &speaker, cue.is_some());
    Some(Statement {
        kind: raw.kind,
        text,
        content,
        cue,
        speaker,
        addressee,
        via: raw.via.clone(),
        act,
        topics,
        countries,
        date,
        confidence,
    })
}

/// The cue's act, refined from the reported words: "said they would
/// hold talks" is a commitment, "said X must stop" a demand, "said tariffs
/// would follow unless ..." a warning.
fn act_of(doc: &Doc, raw: &RawStatement) -> Act {
    if raw.act != Act::Statement {
        return raw.act;
    }
    let Some(&(s, e)) = raw.token_parts.first() else {
        return raw.act;
    };
    // A quotation opening the content is the speaker's own wording, whose
    // act the cue already gives.
    if doc.is_quote(s) {
        return raw.act;
    }
    let words: Vec<&str> = (s..e)
        .filter(|&i| doc.is_word(i))
        .map(|i| doc.low(i))
        .collect();
    let at = |k: usize| words.get(k).copied().unwrap_or("");
    if words
        .windows(2)
        .any(|w| WARNING_PAIRS.iter().any(|&(a, b)| w[0] == a && w[1] == b))
        || words.iter().any(|w| WARNING_WORDS.contains(w))
    {
        return Act::Warning;
    }
    let first = usize::from(at(0) == "that");
    if words
        .iter()
        .skip(first)
        .take(6)
        .any(|w| matches!(*w, "committed" | "commit"))
    {
        return Act::Commitment;
    }
    // The subject: a pronoun, or capitalised words (a name or a country),
    // or a short noun phrase such as "the two sides", then the modal.
    let Some(modal) = (first..(first + 5).min(words.len()))
        .find(|&k| matches!(at(k), "would" | "will" | "must" | "should"))
    else {
        return raw.act;
    };
    if modal == first {
        return raw.act;
    }
    let subject = words.get(first..modal).unwrap_or_default();
    let subject_tokens: Vec<usize> = (s..e)
        .filter(|&i| doc.is_word(i))
        .skip(first)
        .take(modal - first)
        .collect();
    let pronoun = subject.len() == 1
        && matches!(
            subject.first().copied(),
            Some("he" | "she" | "they" | "we" | "it" | "i")
        );
    let named = subject_tokens
        .iter()
        .all(|&i| doc.is_cap(i) || doc.low(i) == "the")
        && subject_tokens.iter().any(|&i| doc.is_cap(i));
    let sides = subject.len() <= 3
        && subject.last().is_some_and(|w| {
            matches!(
                *w,
                "sides" | "countries" | "governments" | "nations" | "parties"
            )
        });
    if !(pronoun || named || sides) {
        return raw.act;
    }
    let mut v = modal + 1;
    while at(v).ends_with("ly") || at(v) == "also" {
        v += 1;
    }
    match at(modal) {
        "would" | "will" if COMMITMENT_VERBS.contains(&at(v)) => Act::Commitment,
        // "X must stop": a demand on a named party, not on "both sides".
        "must" | "should" if !sides => Act::Demand,
        _ => raw.act,
    }
}

/// Verbs that, after "would" or "will" with the speaker's side as subject,
/// make the statement a commitment.
const COMMITMENT_VERBS: &[&str] = &[
    "seek",
    "continue",
    "work",
    "strive",
    "cooperate",
    "ensure",
    "provide",
    "support",
    "help",
    "establish",
    "take",
    "keep",
    "maintain",
    "respond",
    "protect",
    "defend",
    "do",
    "push",
    "try",
    "hold",
    "resume",
    "restart",
    "expand",
    "set",
    "build",
    "open",
    "send",
    "deliver",
    "sign",
    "lift",
    "treat",
    "invest",
    "increase",
    "boost",
    "strengthen",
    "deepen",
    "launch",
    "create",
    "give",
    "offer",
    "stand",
    "host",
    "meet",
    "visit",
    "fund",
    "finance",
    "release",
    "publish",
    "follow",
    "list",
];

/// Word pairs that announce consequences ("would lead to", "not hesitate").
const WARNING_PAIRS: &[(&str, &str)] = &[
    ("lead", "to"),
    ("not", "hesitate"),
    ("will", "face"),
    ("would", "face"),
    ("go", "unanswered"),
    ("pay", "a"),
    ("play", "with"),
];

/// Words that make reported speech a warning.
const WARNING_WORDS: &[&str] = &["unless", "consequences", "retaliate", "retaliation"];

/// What the statements of one article share while they are assembled.
pub(crate) struct ArticleScope<'a> {
    pub article: &'a Article,
    /// The topics of each paragraph read so far, by paragraph index: a long
    /// paragraph is scanned once however many of its statements fall back
    /// on it.
    paragraph_topics: ParagraphTopics,
}

impl<'a> ArticleScope<'a> {
    pub fn new(article: &'a Article) -> Self {
        ArticleScope {
            article,
            paragraph_topics: ParagraphTopics::default(),
        }
    }
}

#[derive(Default)]
struct ParagraphTopics(std::collections::HashMap<usize, Vec<usize>>);

/// The statement's topics: keywords in its content and sentence, the
/// paragraph's when those name none, and the headline's, since the
/// statements of an article are mostly about what the article is about.
fn topics(
    doc: &Doc,
    lex: &Lexicon,
    paragraph_topics: &mut ParagraphTopics,
    raw: &RawStatement,
    sentence: Option<(usize, usize)>,
    headline: Option<&str>,
) -> Vec<String> {
    let mut hits: Vec<usize> = Vec::new();
    let mut ranges: Vec<(usize, usize)> = raw.token_parts.clone();
    if let Some(s) = sentence {
        ranges.push(s);
    }
    let words_of = |ranges: &[(usize, usize)]| -> Vec<Vec<&str>> {
        ranges
            .iter()
            .map(|&(s, e)| {
                (s..e)
                    .filter(|&i| doc.is_word(i))
                    .map(|i| doc.low(i))
                    .collect()
            })
            .collect()
    };
    for words in words_of(&ranges) {
        topic_hits(lex, &words, &mut hits);
    }
    if hits.is_empty()
        && let Some(para) = sentence
            .and_then(|(s, _)| doc.sentence_of.get(s))
            .and_then(|&si| doc.sentences.get(si as usize))
            .map(|st| st.para)
        && let Some(&(ps, pe)) = doc.paragraphs.get(para)
    {
        let found = paragraph_topics.0.entry(para).or_insert_with(|| {
            let mut found = Vec::new();
            for words in words_of(&[(ps, pe)]) {
                topic_hits(lex, &words, &mut found);
            }
            found
        });
        hits.extend_from_slice(found);
    }
    if let Some(h) = headline {
        let lower = h.to_lowercase().replace('’', "'");
        let words: Vec<&str> = lower
            .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
            .filter(|w| !w.is_empty())
            .collect();
        topic_hits(lex, &words, &mut hits);
    }
    hits.sort_unstable();
    hits.into_iter()
        .filter_map(|t| lex.topic_ids.get(t).cloned())
        .collect()
}

/// Adds the topics whose keywords occur in `words` (lowercase) to `hits`.
fn topic_hits(lex: &Lexicon, words: &[&str], hits: &mut Vec<usize>) {
    let at = |i: usize| words.get(i).copied().unwrap_or("");
    for (i, &w) in words.iter().enumerate() {
        if let Some(list) = lex.topic_words.get(w) {
            for p in list {
                let n = p.rest.len();
                let ok = p.rest.iter().enumerate().all(|(k, r)| {
                    let t = at(i + 1 + k);
                    if p.prefix && k + 1 == n {
                        t.starts_with(r.as_str())
                    } else {
                        t == r
                    }
                });
                if ok && !hits.contains(&p.topic) {
                    hits.push(p.topic);
                }
            }
        }
        let (lo, hi) = lex.prefix_len;
        let mut len = lo;
        while len <= hi.min(w.len()) {
            if let Some(pre) = w.get(..len)
                && let Some(ts) = lex.topic_prefixes.get(pre)
            {
                for &t in ts {
                    if !hits.contains(&t) {
                        hits.push(t);
                    }
                }
            }
            len += 1;
        }
    }
}

fn weekday_of(w: &str) -> Option<Weekday> {
    Some(match w {
        "monday" => Weekday::Mon,
        "tuesday" => Weekday::Tue,
        "wednesday" => Weekday::Wed,
        "thursday" => Weekday::Thu,
        "friday" => Weekday::Fri,
        "saturday" => Weekday::Sat,
        "sunday" => Weekday::Sun,
        _ => return None,
    })
}

/// "on Friday", "yesterday", "today" in the cue's sentence, resolved
/// against the publication date.
fn date_of(
    doc: &Doc,
    raw: &RawStatement,
    sentence: Option<(usize, usize)>,
    published: Option<NaiveDate>,
) -> Option<NaiveDate> {
    let published = published?;
    let (s, e) = sentence?;
    // Only the attribution part of the sentence: outside the content.
    let outside = |i: usize| !raw.token_parts.iter().any(|&(a, b)| a <= i && i < b);
    for i in s..e {
        if !outside(i) {
            continue;
        }
        let w = doc.low(i);
        if let Some(wd) = weekday_of(w) {
            let back =
                (published.weekday().num_days_from_monday() + 7 - wd.num_days_from_monday()) % 7;
            return published.checked_sub_signed(Duration::days(i64::from(back)));
        }
        match w {
            "yesterday" => return published.checked_sub_signed(Duration::days(1)),
            "today" => return Some(published),
            _ => {}
        }
    }
    None
}

/// The extractor's estimate, from features that correlate with correctness.
fn confidence(raw: &RawStatement, resolution: Resolution, speaker: &Speaker, has_cue: bool) -> f32 {
    let mut c: f32 = match raw.kind {
        Kind::Direct => 0.85,
        Kind::Mixed => 0.75,
        Kind::Indirect => 0.75,
    };
    c += match resolution {
        Resolution::Named => 0.1,
        Resolution::Resolved => 0.0,
        Resolution::Described => -0.05,
        Resolution::Unresolved => -0.15,
        Resolution::Missing => -0.35,
    };
    c += match raw.speaker_from {
        SpeakerFrom::Subject | SpeakerFrom::Inverted => 0.0,
        SpeakerFrom::Inherited => -0.05,
        SpeakerFrom::Neighbour => -0.1,
        SpeakerFrom::Context => -0.2,
    };
    if raw.weak {
        c -= 0.2;
    }
    if !has_cue {
        c -= 0.05;
    }
    if speaker.name.is_none() {
        c -= 0.05;
    }
    // Two decimals: the sums above are exact to the hundredth, and "0.95"
    // reads better than the float error of "0.95000005".
    (c.clamp(0.05, 0.98) * 100.0).round() / 100.0
}
