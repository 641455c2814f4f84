//! Noun phrases that name speakers and addressees: proper names with their
//! titles and countries, pronouns, organisations and unnamed sources,
//! parsed backwards from a reporting cue or forwards after it.

use super::lexicon::{Lexicon, NounKind, Pronoun};
use super::text::{Doc, TokKind};
use crate::model::SpeakerKind;

/// Lowercase words that never belong to a speaker phrase.
const FUNCTION_WORDS: &[&str] = &[
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "is",
    "was",
    "are",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "in",
    "on",
    "at",
    "to",
    "from",
    "by",
    "with",
    "for",
    "of",
    "and",
    "or",
    "but",
    "as",
    "if",
    "when",
    "after",
    "before",
    "while",
    "than",
    "then",
    "not",
    "also",
    "will",
    "would",
    "could",
    "should",
    "can",
    "may",
    "might",
    "must",
    "into",
    "about",
    "over",
    "under",
    "said",
    "says",
    "told",
    "what",
    "where",
    "how",
    "why",
    "because",
    "so",
    "there",
    "here",
    "it",
    "this",
    "these",
    "those",
    "up",
    "out",
    "off",
    "since",
    "during",
    "against",
    "between",
    "through",
    "without",
    "within",
    "per",
    "via",
    "inside",
    "among",
    "amid",
    "across",
    "toward",
    "towards",
    "behind",
    "beyond",
    "throughout",
    "upon",
    "despite",
];

/// Capitalised words that start sentences or clauses and are not names.
/// Day and month names: capitalised, but never names of speakers.
pub(crate) const CALENDAR_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const CAPITAL_STOPS: &[&str] = &[
    "but",
    "and",
    "or",
    "so",
    "yet",
    "in",
    "on",
    "at",
    "when",
    "after",
    "before",
    "while",
    "as",
    "if",
    "then",
    "also",
    "still",
    "meanwhile",
    "however",
    "earlier",
    "later",
    "today",
    "yesterday",
    "tomorrow",
    "last",
    "this",
    "that",
    "these",
    "those",
    "for",
    "with",
    "from",
    "by",
    "to",
    "of",
    "here",
    "there",
    "now",
    "since",
    "because",
    "although",
    "though",
    "where",
    "why",
    "how",
    "what",
    "who",
    "which",
    "instead",
    "asked",
    "said",
    "says",
    "added",
    "speaking",
    "according",
    "during",
    "under",
    "over",
    "despite",
    "unlike",
    "like",
    "alongside",
    "amid",
    "among",
    "through",
    "throughout",
    "without",
    "beyond",
    "besides",
    "separately",
    "indeed",
    "moreover",
    "rather",
    "once",
    "even",
    "only",
    "just",
    "it",
    "its",
    "their",
    "our",
    "his",
    "her",
    "we",
    "they",
    "he",
    "she",
    "i",
    "you",
    "my",
    "mr",
    "mrs",
    "ms",
    "dr",
    "a",
    "an",
    "no",
    "not",
    "both",
    "all",
    "every",
    "each",
    "many",
    "some",
    "several",
    "other",
    "such",
    "among",
    "until",
    "about",
    "amid",
    "whether",
    "than",
    "thus",
    "hence",
    "please",
    "yes",
    "well",
    "oh",
    "okay",
    "ok",
    "dear",
    "let",
    "is",
    "was",
    "are",
    "were",
    "do",
    "does",
    "did",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "should",
    "though",
    "unless",
    "whereas",
    "nor",
    "mostly",
    "neither",
    "either",
    "perhaps",
    "maybe",
    "obviously",
];

/// Words that connect capitalised words inside one name ("Ministry of Foreign Affairs").
const NAME_CONNECTORS: &[&str] = &[
    "of", "de", "del", "la", "le", "al", "bin", "van", "von", "der", "du", "da", "dos", "di",
    "for", "and",
];

/// Honorifics, which are titles of address rather than offices.
const HONORIFICS: &[&str] = &["mr", "mrs", "ms", "dr", "miss", "sir"];

/// Prepositions whose object cannot be the subject of a following verb.
pub(super) const PREPOSITIONS: &[&str] = &[
    "toward", "towards", "to", "of", "in", "on", "with", "against", "for", "from", "by", "at",
    "about", "over", "into", "onto", "upon", "than", "between", "among", "across", "through",
    "under", "behind", "beyond", "near", "without", "within", "around", "like", "unlike",
];

/// Whether the word at `start` also stands capitalised inside a sentence
/// elsewhere in the text, so that it is a name even where it opens one
/// ("Ebeling said" after "Ann Ebeling and her husband").
pub(super) fn capitalised_mid_sentence(doc: &Doc, start: usize) -> bool {
    let word = doc.text(start);
    (1..doc.tokens.len()).any(|k| {
        k != start
            && doc.is_cap(k)
            && doc.text(k) == word
            && !doc.is_quote(k - 1)
            && doc.tok(k - 1).is_some_and(|t| t.kind != TokKind::Break)
            && doc.sentence_of.get(k) == doc.sentence_of.get(k - 1)
    })
}

/// Nouns ending in "-ly" that can head a speaker phrase ("the family",
/// "a close ally"), unlike the adverbs skipped before a cue.
const LY_NOUNS: &[&str] = &["family", "ally", "assembly", "rally", "monopoly", "bully"];

/// Whether a lowercase word ending in "-ly" is an adverb ("quickly",
/// "also"-like), not one of the few such nouns.
pub(super) fn is_ly_adverb(w: &str) -> bool {
    w.ends_with("ly") && !LY_NOUNS.contains(&w)
}

/// Determiners and quantifiers that may open a common-noun speaker phrase.
pub(super) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "some", "several", "many", "two", "three", "four", "five", "both", "his",
    "her", "their", "its", "our", "one", "other", "most", "few", "all", "various", "numerous",
    "senior", "top", "this", "that", "these", "those", "another", "each", "any", "no",
];

/// Quantifiers dropped from the front of an unnamed speaker's name.
const DROPPED_QUANTIFIERS: &[&str] = &[
    "a", "an", "some", "several", "many", "one", "other", "another",
];

/// Participles that open a clause of circumstance between a speaker's
/// name and the reporting verb ("Morita, asked about the plan, said").
pub(crate) const PARTICIPLE_OPENERS: &[&str] = &[
    "asked",
    "pressed",
    "questioned",
    "speaking",
    "responding",
    "replying",
    "answering",
    "writing",
    "addressing",
    "interviewed",
    "reached",
    "contacted",
    "visiting",
    "standing",
    "flanked",
    "appearing",
    "quoted",
    "echoing",
];

/// Object pronouns and bare nouns that can be addressees.
pub(super) const OBJECT_PRONOUNS: &[&str] = &["him", "her", "them", "me", "us", "you"];

/// What a phrase refers to.
#[derive(Debug, Clone)]
pub(crate) enum Head {
    /// A proper name ("Wang Yi", "Kamikawa"), possibly an organisation.
    Name,
    /// A pronoun.
    Pronoun(Pronoun),
    /// A common noun from the speaker lexicon ("the ministry", "officials").
    Noun {
        /// Its kind.
        kind: NounKind,
        /// Plural form.
        plural: bool,
    },
    /// A place standing for its government ("Beijing", "the Kremlin").
    Place,
    /// Any other noun phrase ("his Japanese counterpart").
    Other,
}

/// A parsed speaker or addressee phrase.
#[derive(Debug, Clone)]
pub(crate) struct Phrase {
    /// First token of the phrase.
    pub start: usize,
    /// One past its last token.
    pub end: usize,
    /// What it refers to.
    pub head: Head,
    /// The name part (without titles, determiners and countries), for names.
    pub name: Option<String>,
    /// The title found in the phrase or its appositive.
    pub title: Option<String>,
    /// Gender implied by the title.
    pub gender: Option<char>,
    /// The country found in the phrase (demonym, possessive, capital).
    pub country: Option<String>,
    /// The speaker kind the phrase suggests.
    pub kind: SpeakerKind,
    /// An organisation named in the phrase ("a spokesman for the ministry").
    pub organization: Option<String>,
    /// The whole phrase as written.
    pub text: String,
}

impl Phrase {
    /// A phrase over tokens `start..end` that the speaker parser has no
    /// reading for, kept as written ("current and former officials at the
    /// agency", "a poll released Monday").
    pub(crate) fn unparsed(doc: &Doc, start: usize, end: usize, kind: SpeakerKind) -> Phrase {
        let (a, b) = (
            doc.tok(start).map_or(0, |t| t.start),
            doc.tok(end.saturating_sub(1)).map_or(0, |t| t.end),
        );
        Phrase {
            start,
            end,
            head: Head::Other,
            name: None,
            title: None,
            gender: None,
            country: None,
            kind,
            organization: None,
            text: doc.slice(a, b).to_owned(),
        }
    }
}

/// A place phrase matched at a token.
#[derive(Debug, Clone)]
pub(crate) struct PlaceMatch {
    /// ISO code.
    pub code: String,
    /// Number of tokens matched.
    pub len: usize,
    /// The phrase is a demonym.
    pub demonym: bool,
    /// The phrase has a common meaning too.
    pub ambiguous: bool,
}

/// Whether a token is written without lower-case letters ("WHO", "U.S.").
fn all_capitals(text: &str) -> bool {
    text.chars().any(char::is_uppercase) && !text.chars().any(char::is_lowercase)
}

/// Matches a country, demonym, capital, metonym or organisation phrase at token `i`.
pub(crate) fn place_at(doc: &Doc, lex: &Lexicon, i: usize, limit: usize) -> Option<PlaceMatch> {
    let first = doc.low(i);
    if first.is_empty() {
        return None;
    }
    let cands = lex.places.get(first)?;
    let mut best: Option<PlaceMatch> = None;
    for p in cands {
        let n = p.rest.len();
        if i + n >= limit {
            continue;
        }
        // Acronyms that are common words ("WHO", "US") count only in capitals.
        if p.caps_only && !(i..=i + n).all(|k| all_capitals(doc.text(k))) {
            continue;
        }
        let ok = p
            .rest
            .iter()
            .enumerate()
            .all(|(k, w)| doc.low(i + 1 + k) == w.as_str());
        if ok && best.as_ref().is_none_or(|b| b.len < n + 1) {
            best = Some(PlaceMatch {
                code: p.code.clone(),
                len: n + 1,
                demonym: p.demonym,
                ambiguous: p.ambiguous,
            });
        }
    }
    let m = best?;
    // Place names are proper nouns; "china" or "turkey" in lower case are not.
    if !doc.is_cap(i) {
        return None;
    }
    // Two-letter codes count only in capitals ("US", not "us").
    let text = doc.text(i);
    if m.len == 1 && text.chars().count() <= 3 && text.chars().any(char::is_lowercase) {
        return None;
    }
    Some(m)
}

/// Matches the longest title starting at token `i`, returning (canonical, gender, tokens).
pub(crate) fn title_at(
    doc: &Doc,
    lex: &Lexicon,
    i: usize,
    limit: usize,
) -> Option<(String, Option<char>, usize)> {
    let first = doc.low(i);
    if !lex.title_first_words.contains(first.trim_end_matches('.'))
        && !lex.title_first_words.contains(first)
    {
        return None;
    }
    let mut key = String::new();
    let mut best = None;
    let mut j = i;
    let mut words = 0;
    while j < limit && words < lex.title_max_words {
        if !doc.is_word(j) {
            // Allow "Sen." and "Dr." with their dots.
            if doc.is_punct(j, ".") && words > 0 {
                key.push('.');
                if let Some(t) = lex.titles.get(&key) {
                    best = Some((t.canonical.clone(), t.gender, j + 1 - i));
                }
            }
            break;
        }
        if words > 0 {
            key.push(' ');
        }
        key.push_str(doc.low(j));
        words += 1;
        if let Some(t) = lex.titles.get(&key) {
            best = Some((t.canonical.clone(), t.gender, j + 1 - i));
        }
        j += 1;
    }
    best
}

pub(crate) fn is_capital_stop(doc: &Doc, i: usize) -> bool {
    // An acronym in capitals ("WHO", "US") is a name, not a function word.
    let text = doc.text(i);
    if text.chars().count() >= 2 && all_capitals(text) {
        return false;
    }
    let word = doc.low(i).trim_end_matches('.');
    if !(CAPITAL_STOPS.contains(&word) || CALENDAR_WORDS.contains(&word)) {
        return false;
    }
    // "Theresa May", "Brian May": a month name right after a first name is
    // a surname.
    let prev = i.checked_sub(1);
    let after_first_name = prev.is_some_and(|p| {
        let pw = doc.low(p);
        doc.is_cap(p)
            && !CAPITAL_STOPS.contains(&pw.trim_end_matches('.'))
            && !CALENDAR_WORDS.contains(&pw)
            && doc
                .tok(p)
                .zip(doc.tok(i))
                .is_some_and(|(a, b)| b.start == a.end + 1)
    });
    if matches!(word, "may" | "june" | "april" | "august") && after_first_name {
        return false;
    }
    // "“…,” May said", "“…,” Will wrote": a capitalised word between a
    // closing quotation and a speech verb is a name.
    let after_quote = prev.is_some_and(|p| doc.is_quote(p));
    let before_speech = matches!(
        doc.low(i + 1),
        "said" | "says" | "wrote" | "writes" | "told" | "added" | "tweeted" | "argued" | "noted"
    );
    !(after_quote && before_speech && matches!(word, "may" | "will" | "june" | "april" | "august"))
}

pub(crate) fn is_function(doc: &Doc, i: usize) -> bool {
    FUNCTION_WORDS.contains(&doc.low(i))
}

/// Whether token `i` may be part of a proper name run: a capitalised word,
/// or the lower-case tail of a hyphenated name glued to one ("Hyun-tae").
fn name_token(doc: &Doc, i: usize) -> bool {
    let Some(t) = doc.tok(i) else { return false };
    match t.kind {
        TokKind::Word => t.cap || hyphen_tail(doc, i),
        _ => false,
    }
}

/// Whether tokens `a` and `b` touch, with no space between them.
fn glued(doc: &Doc, a: usize, b: usize) -> bool {
    matches!((doc.tok(a), doc.tok(b)), (Some(x), Some(y)) if x.end == y.start)
}

/// Whether word `i` follows a hyphen glued to a capitalised word, as the
/// second part of a hyphenated given name does ("Hyun-tae", "Jae-in").
fn hyphen_tail(doc: &Doc, i: usize) -> bool {
    i >= 2
        && doc.is_punct(i - 1, "-")
        && glued(doc, i - 2, i - 1)
        && glued(doc, i - 1, i)
        && doc.is_word(i - 2)
        && doc.is_cap(i - 2)
        && doc.text(i).chars().count() <= 6
}

/// Lower-case particles inside personal names ("Sanne de Vlieger").
pub(crate) const NAME_PARTICLES: &[&str] = &[
    "de", "del", "della", "der", "den", "van", "von", "da", "das", "dos", "du", "di", "la", "le",
    "bin", "bint", "ibn", "al", "el", "ter", "zu",
];

/// One past the last token of the proper-name run that starts at token `i`
/// (a capitalised word): capitalised words, hyphenated parts, initials,
/// name particles, possessives ("Japan's Haruka Morita") and "of" inside
/// titles ("Secretary of State Daniel Whitcombe").
pub(crate) fn name_run_end(doc: &Doc, lex: &Lexicon, i: usize) -> usize {
    let n = doc.tokens.len();
    let mut end = i + 1;
    while end < n {
        let next_is_name = name_token(doc, end + 1);
        if name_token(doc, end) {
            end += 1;
            continue;
        }
        // "J. Smith" and "Mrs. Clinton": an initial or a title abbreviation.
        let initial = doc.is_punct(end, ".")
            && glued(doc, end - 1, end)
            && next_is_name
            && (doc.text(end - 1).chars().count() <= 2
                || lex.titles.contains_key(&format!("{}.", doc.low(end - 1))));
        let hyphen = doc.is_punct(end, "-")
            && glued(doc, end - 1, end)
            && glued(doc, end, end + 1)
            && doc.is_word(end + 1);
        let possessive =
            doc.tok(end).is_some_and(|t| t.kind == TokKind::Possessive) && next_is_name;
        let particle = doc.is_word(end)
            && !doc.is_cap(end)
            && (NAME_PARTICLES.contains(&doc.low(end)) || doc.low(end) == "of")
            && next_is_name;
        if initial || hyphen || possessive || particle {
            end += 1;
        } else {
            break;
        }
    }
    end
}

/// Title, country and organisation read from a descriptive phrase next to
/// a name ("the Russian Foreign Ministry's spokeswoman", "a spokesperson
/// for the Chinese Foreign Ministry", "Mexico's foreign secretary").
#[derive(Debug, Clone, Default)]
pub(crate) struct Description {
    /// The title, canonical.
    pub title: Option<String>,
    /// Gender the title implies.
    pub gender: Option<char>,
    /// The country named in the phrase.
    pub country: Option<String>,
    /// The institution named in the phrase.
    pub organization: Option<String>,
    /// The phrase names a government institution, perhaps without its
    /// country ("the ministry's spokesperson").
    pub institution: bool,
}

/// Reads a [`Description`] from tokens `start..end`.
pub(crate) fn describe(doc: &Doc, lex: &Lexicon, start: usize, end: usize) -> Description {
    let mut d = Description::default();
    let mut i = start;
    while i < end {
        if d.title.is_none()
            && let Some((t, g, n)) = title_at(doc, lex, i, end)
        {
            d.title = Some(t);
            d.gender = g;
            i += n;
            continue;
        }
        if d.country.is_none()
            && let Some(m) = place_at(doc, lex, i, end)
        {
            d.country = Some(m.code);
            i += m.len;
            continue;
        }
        i += 1;
    }
    d.organization = institution_in(doc, lex, start, end);
    d.institution =
        d.organization.is_some() || (start..end).any(|k| INSTITUTION_WORDS.contains(&doc.low(k)));
    d
}

/// An institution named by a capitalised run in `start..end` that ends in
/// an institution word ("the Chinese Foreign Ministry", "the State
/// Department"), without its leading "the".
fn institution_in(doc: &Doc, lex: &Lexicon, start: usize, end: usize) -> Option<String> {
    let mut i = start;
    while i < end {
        if !doc.is_cap(i) || !doc.is_word(i) {
            i += 1;
            continue;
        }
        let mut e = i + 1;
        while e < end && (name_token(doc, e) || (doc.low(e) == "of" && doc.is_cap(e + 1))) {
            e += 1;
        }
        let last = doc.low(e - 1);
        let institution = lex
            .nouns
            .get(last)
            .is_some_and(|n| n.kind == NounKind::Organization)
            || INSTITUTION_WORDS.contains(&last);
        if institution && e - i >= 2 {
            return Some(
                doc.slice(
                    doc.tok(i).map_or(0, |t| t.start),
                    doc.tok(e - 1).map_or(0, |t| t.end),
                )
                .to_owned(),
            );
        }
        i = e;
    }
    None
}

/// Capitalised words that may stand before a title in a name run
/// ("Senate Majority Leader", "Defense Secretary").
const INSTITUTION_PREFIXES: &[&str] = &[
    "senate",
    "house",
    "majority",
    "minority",
    "defense",
    "defence",
    "state",
    "treasury",
    "justice",
    "homeland",
    "security",
    "foreign",
    "interior",
    "finance",
    "trade",
    "party",
    "campaign",
    "white",
    "deputy",
    "vice",
    "former",
    "lt",
    "acting",
    "assistant",
    "attorney",
    "national",
    "federal",
    "cabinet",
    "chief",
    "press",
    "communications",
    "policy",
    "labor",
    "labour",
    "health",
    "education",
    "energy",
    "commerce",
    "democratic",
    "republican",
    "gop",
];

/// Last words of institution names.
const INSTITUTION_WORDS: &[&str] = &[
    "ministry",
    "department",
    "office",
    "agency",
    "council",
    "commission",
    "committee",
    "embassy",
    "government",
    "administration",
    "presidency",
    "parliament",
    "cabinet",
    "secretariat",
];

/// Parses the speaker phrase that ends just before token `end`, not going
/// before token `floor`. Handles appositives ("Hill, a doctor, said").
pub(crate) fn phrase_before(doc: &Doc, lex: &Lexicon, floor: usize, end: usize) -> Option<Phrase> {
    if end <= floor {
        return None;
    }
    let last = end - 1;
    // "Sen. Tom Ives (R-Ga.), a co-author, said": a parenthesis after a
    // name belongs to it.
    if doc.is_punct(last, ")") {
        let open = (floor..last)
            .rev()
            .take(10)
            .find(|&t| doc.is_punct(t, "("))?;
        let mut p = phrase_before(doc, lex, floor, open)?;
        if !matches!(p.head, Head::Name) {
            return None;
        }
        p.end = end;
        return Some(p);
    }
    // "James Comey Jr. said": the dot of a name suffix ends the name.
    if doc.is_punct(last, ".") && last > floor && matches!(doc.low(last - 1), "jr" | "sr") {
        let mut p = phrase_before(doc, lex, floor, last)?;
        p.end = end;
        return Some(p);
    }
    // An appositive or relative clause between commas: "Wang, the foreign
    // minister, said", also when it ends in a quotation ("Lee, who calls
    // him a “fraud,” said").
    let comma_quote_end = doc.is_quote(last)
        && last > floor
        && doc.is_punct(last - 1, ",")
        && doc.quote_of(last - 1).is_some();
    if doc.is_punct(last, ",") || comma_quote_end {
        let mut k = last;
        let stop = last.saturating_sub(28).max(floor);
        // A quotation inside a relative clause is fine ("Lee, who calls him
        // a “fraud,” said"); inside other appositives it ends the search.
        let mut quoted = false;
        while k > stop {
            k -= 1;
            let abbreviation_dot =
                doc.is_punct(k, ".") && k > 0 && doc.is_cap(k - 1) && doc.text(k - 1).len() <= 4;
            if doc.is_punct(k, ".") && !abbreviation_dot {
                return None;
            }
            if doc.is_quote(k) {
                quoted = true;
                continue;
            }
            if doc.is_punct(k, ",") && doc.quote_of(k).is_some() {
                continue;
            }
            if doc.is_punct(k, ",") {
                let first = doc.low(k + 1);
                if quoted && !matches!(first, "who" | "whose" | "which") {
                    return None;
                }
                let appositive = matches!(
                    first,
                    "the"
                        | "a"
                        | "an"
                        | "who"
                        | "whose"
                        | "which"
                        | "his"
                        | "her"
                        | "its"
                        | "their"
                        | "also"
                        | "now"
                        | "then"
                        | "formerly"
                        | "former"
                        | "himself"
                        | "herself"
                        | "one"
                        | "both"
                        | "speaking"
                        | "of"
                        | "chief"
                        | "head"
                        | "director"
                        | "president"
                        | "founder"
                        | "author"
                        | "co-founder"
                ) || doc.tok(k + 1).is_some_and(|t| t.kind == TokKind::Number)
                    || title_at(doc, lex, k + 1, last).is_some()
                    || (place_at(doc, lex, k + 1, last).is_some()
                        && !doc.is_cap(last - 1)
                        && last - k <= 5);
                // "Morita, asked about the request, said": a participle
                // clause between commas describes circumstances, not the speaker.
                // Any lower-case "-ing" form opens such a clause ("Smith,
                // delivering the speech, asked").
                // "Lee, for his part, said": an aside too.
                let aside = first == "for"
                    && matches!(doc.low(k + 2), "his" | "her" | "its" | "their" | "our")
                    && doc.low(k + 3) == "part";
                let circumstance = PARTICIPLE_OPENERS.contains(&first)
                    || (first.ends_with("ing") && first.len() > 5 && !doc.is_cap(k + 1))
                    || aside;
                // "In Decatur, the plant is under pressure, said": a clause
                // with its own verb is no appositive.
                let relative = matches!(first, "who" | "whose" | "which");
                let clause = !relative
                    && (k + 1..last).any(|t| {
                        matches!(
                            doc.low(t),
                            "is" | "are" | "was" | "were" | "will" | "would" | "has" | "have"
                        ) && doc.quote_of(t).is_none()
                            && !(k + 1..t).any(|r| matches!(doc.low(r), "who" | "which" | "that"))
                    });
                if (!appositive && !circumstance) || clause {
                    // "Biden, who was to travel to Columbus, Ohio, on Monday,
                    // said": a comma inside a relative clause; look further.
                    let inside_relative = !clause
                        && (stop..k).any(|r| {
                            doc.is_punct(r, ",") && matches!(doc.low(r + 1), "who" | "which")
                        });
                    if inside_relative {
                        continue;
                    }
                    return None;
                }
                let mut p = phrase_before(doc, lex, floor, k)?;
                if circumstance {
                    return (p.kind == SpeakerKind::Person && matches!(p.head, Head::Name))
                        .then_some(p);
                }
                let d = describe(doc, lex, k + 1, last);
                if p.title.is_none() {
                    p.title = d.title;
                    p.gender = p.gender.or(d.gender);
                }
                if p.country.is_none() {
                    p.country = d.country;
                }
                if p.organization.is_none() && p.kind == SpeakerKind::Person {
                    p.organization = d.organization;
                }
                return Some(p);
            }
        }
        return None;
    }
    let lw = doc.low(last);
    if let Some(pr) = lex.pronouns.get(lw) {
        return Some(finish(doc, last, end, Head::Pronoun(*pr), lex));
    }
    // "Officials said", "Aides said": a speaker noun capitalised only
    // because it opens the sentence is a noun, not a name.
    let capitalised_noun = lex
        .nouns
        .get(lw)
        .is_some_and(|n| n.plural || n.kind == NounKind::Organization)
        && (last == floor
            || !name_token(doc, last - 1)
            || DETERMINERS.contains(&doc.low(last - 1)));
    if !capitalised_noun
        && (name_token(doc, last) || doc.text(last).ends_with('.') && doc.is_cap(last))
    {
        // A proper-name run, with titles, countries, possessives and connectors.
        let mut start = last;
        loop {
            if start <= floor {
                break;
            }
            let p = start - 1;
            if name_token(doc, p) {
                start = p;
                continue;
            }
            if doc.tok(p).is_some_and(|t| t.kind == TokKind::Possessive)
                && p > floor
                && name_token(doc, p - 1)
            {
                start = p - 1;
                continue;
            }
            if doc.is_punct(p, ".") && p > floor && name_token(doc, p - 1) {
                // An initial or "Sen.".
                start = p - 1;
                continue;
            }
            if doc.is_punct(p, "-") && p > floor && name_token(doc, p - 1) {
                start = p - 1;
                continue;
            }
            if doc.is_word(p) && NAME_CONNECTORS.contains(&doc.low(p)) && doc.low(p) != "and" {
                // One or more connectors between name words ("van der").
                let mut q = p;
                while q > floor
                    && p - q < 2
                    && doc.is_word(q - 1)
                    && NAME_PARTICLES.contains(&doc.low(q - 1))
                    && !doc.is_cap(q - 1)
                {
                    q -= 1;
                }
                if q > floor && name_token(doc, q - 1) {
                    start = q - 1;
                    continue;
                }
            }
            // "secretary of state Ann Lee": a title with a function word
            // inside it, read whole.
            if doc.is_word(p)
                && !doc.is_cap(p)
                && is_function(doc, p)
                && let Some(q) = (p.saturating_sub(3).max(floor)..p)
                    .find(|&q| title_at(doc, lex, q, last).is_some_and(|(_, _, n)| q + n >= start))
            {
                start = q;
                continue;
            }
            // Lower-case titles and adjectives before a name: "foreign minister Wang".
            if doc.is_word(p) && !doc.is_cap(p) && lex.title_first_words.contains(doc.low(p)) {
                start = p;
                continue;
            }
            if doc.is_word(p) && !doc.is_cap(p) && p > floor {
                // "former", "presidential", "Chinese foreign minister" and the like.
                if matches!(
                    doc.low(p),
                    "former"
                        | "presidential"
                        | "acting"
                        | "deputy"
                        | "then"
                        | "senior"
                        | "top"
                        | "chief"
                        | "foreign"
                        | "defense"
                        | "defence"
                        | "finance"
                        | "trade"
                        | "democratic"
                        | "republican"
                        | "vice"
                        | "prime"
                        | "state"
                        | "party"
                        | "campaign"
                        | "white"
                        | "house"
                        | "senate"
                        | "opposition"
                        | "interim"
                ) {
                    start = p;
                    continue;
                }
            }
            if doc.low(p) == "the" {
                start = p;
            }
            break;
        }
        // Drop clause openers such as "But" or "On Friday" from the front.
        while start < last && (is_capital_stop(doc, start) && doc.low(start) != "the") {
            start += 1;
        }
        while start < last && !doc.is_word(start) {
            start += 1;
        }
        if is_capital_stop(doc, last) {
            return None;
        }
        // The object of a preposition is not a subject ("policy toward Japan").
        if start > floor && PREPOSITIONS.contains(&doc.low(start - 1)) {
            return None;
        }
        // A header line ("Title: ...", "Date: ...") labels metadata.
        if start == last
            && doc.text(end) == ":"
            && (start == 0 || doc.tok(start - 1).is_some_and(|t| t.kind == TokKind::Break))
            && matches!(
                doc.low(start),
                "title"
                    | "date"
                    | "source"
                    | "url"
                    | "headline"
                    | "byline"
                    | "published"
                    | "updated"
            )
        {
            return None;
        }
        // A dateline ("BRUSSELS —") says where the story was filed from.
        if super::entities::is_dateline(doc, start, end) {
            return None;
        }
        // A lone capitalised word opening the sentence is a name only if
        // it does not look like an ordinary word ("Following", "Chastened").
        if start == last && (start == floor || !doc.is_word(start - 1)) {
            let w = doc.low(start);
            let ordinary = ["ing", "ed", "ly"].iter().any(|x| w.ends_with(x))
                && !capitalised_mid_sentence(doc, start);
            if (ordinary && place_at(doc, lex, start, end).is_none())
                || matches!(w, "the" | "a" | "an")
            {
                return None;
            }
        }
        let ph = analyse_name_run(doc, lex, start, end);
        return Some(coordinated_places(doc, lex, floor, &ph).unwrap_or(ph));
    }
    if let Some(noun) = lex.nouns.get(lw) {
        if !doc.is_word(last) {
            return None;
        }
        let mut start = last;
        let mut words = 0;
        while start > floor && words < 5 {
            let p = start - 1;
            if doc.tok(p).is_some_and(|t| t.kind == TokKind::Possessive) {
                start = p;
                continue;
            }
            if doc.is_punct(p, "-") {
                start = p;
                continue;
            }
            if !doc.is_word(p)
                || is_function(doc, p) && doc.low(p) != "that" && doc.low(p) != "this"
            {
                break;
            }
            if doc.is_cap(p) && is_capital_stop(doc, p) && !DETERMINERS.contains(&doc.low(p)) {
                break;
            }
            // "chastising young women", "that Republicans": a verb form, or
            // "that"/"this" before a plural, is not part of the phrase.
            let w = doc.low(p);
            // A gerund after a preposition ("for chastising young women").
            let verb_form = w.ends_with("ing")
                && w.len() > 5
                && !doc.is_cap(p)
                && p > floor
                && matches!(
                    doc.low(p - 1),
                    "for" | "of" | "by" | "after" | "before" | "while" | "without" | "about"
                );
            let demonstrative_plural = noun.plural && matches!(w, "that" | "this");
            if verb_form || demonstrative_plural {
                break;
            }
            start = p;
            words += 1;
            if matches!(
                doc.low(p),
                "the"
                    | "a"
                    | "an"
                    | "his"
                    | "her"
                    | "their"
                    | "its"
                    | "our"
                    | "this"
                    | "that"
                    | "these"
                    | "those"
                    | "another"
                    | "no"
                    | "any"
                    | "each"
            ) {
                break;
            }
        }
        let det_or_plural = start < last
            || noun.plural
            || (noun.kind == NounKind::Organization && doc.is_cap(last));
        if !det_or_plural {
            return None;
        }
        let head = Head::Noun {
            kind: noun.kind,
            plural: noun.plural,
        };
        let mut ph = finish(doc, start, end, head, lex);
        // "a spokesman for the ministry": the phrase before "for" is the speaker.
        if start >= 2
            && matches!(doc.low(start - 1), "for" | "of" | "at" | "from" | "with")
            && let Some(mut outer) = phrase_before(doc, lex, floor, start - 1)
            && matches!(outer.head, Head::Noun { .. })
        {
            outer.end = end;
            outer.organization = Some(strip_the(&ph.text));
            outer.country = outer.country.or(ph.country.take());
            outer.text = doc
                .slice(
                    doc.tok(outer.start).map_or(0, |t| t.start),
                    doc.tok(end - 1).map_or(0, |t| t.end),
                )
                .to_owned();
            return Some(outer);
        }
        ph.kind = noun.speaker_kind(counted(doc, start, last));
        return Some(ph);
    }
    generic_phrase_before(doc, lex, floor, last, end)
}

/// "India and the United States pledged": two places joined by "and" speak
/// together, as a group with no single country. `None` when `ph` is not the
/// second of such a pair.
fn coordinated_places(doc: &Doc, lex: &Lexicon, floor: usize, ph: &Phrase) -> Option<Phrase> {
    if !matches!(ph.head, Head::Place) || ph.start < floor + 2 || doc.low(ph.start - 1) != "and" {
        return None;
    }
    let left = phrase_before(doc, lex, floor, ph.start - 1)?;
    if !matches!(left.head, Head::Place) || left.end + 1 != ph.start {
        return None;
    }
    let mut pair = finish(doc, left.start, ph.end, Head::Other, lex);
    pair.kind = SpeakerKind::Group;
    pair.country = None;
    pair.name = Some(pair.text.clone());
    Some(pair)
}

/// Any determiner-led noun phrase ("some of Clinton's longtime allies"),
/// for cues that clearly report speech.
fn generic_phrase_before(
    doc: &Doc,
    lex: &Lexicon,
    floor: usize,
    last: usize,
    end: usize,
) -> Option<Phrase> {
    if !doc.is_word(last) || doc.is_cap(last) || is_function(doc, last) {
        return None;
    }
    let lw = doc.low(last);
    if is_ly_adverb(lw) || lw.ends_with("ing") || lw.ends_with("ed") || DETERMINERS.contains(&lw) {
        return None;
    }
    let mut start = last;
    let mut words = 0;
    while start > floor && words < 6 {
        let p = start - 1;
        if doc.tok(p).is_some_and(|t| t.kind == TokKind::Possessive) || doc.is_punct(p, "-") {
            start = p;
            continue;
        }
        if !doc.is_word(p) {
            break;
        }
        let w = doc.low(p);
        if matches!(
            w,
            "the"
                | "a"
                | "an"
                | "his"
                | "her"
                | "their"
                | "its"
                | "our"
                | "some"
                | "many"
                | "most"
                | "several"
                | "both"
        ) {
            // "Lee at the time said", "Ode, who has in the past said": the
            // phrase is a time adverbial, so the subject is the name, pronoun
            // or speaker noun right before its preposition.
            if p > floor + 1
                && matches!(doc.low(p - 1), "at" | "in" | "on" | "during" | "over")
                && matches!(
                    lw,
                    "time"
                        | "past"
                        | "moment"
                        | "meantime"
                        | "weekend"
                        | "end"
                        | "days"
                        | "weeks"
                        | "months"
                        | "years"
                )
                && let Some(subject) = phrase_before(doc, lex, floor, p - 1)
                && matches!(
                    subject.head,
                    Head::Name | Head::Pronoun(_) | Head::Noun { .. }
                )
            {
                return Some(subject);
            }
            start = p;
            return Some(finish(doc, start, end, Head::Other, lex)).map(|mut ph| {
                ph.kind = SpeakerKind::Unnamed;
                ph
            });
        }
        if w == "of" && words > 0 {
            start = p;
            words += 1;
            continue;
        }
        if is_function(doc, p) || (doc.is_cap(p) && is_capital_stop(doc, p)) {
            break;
        }
        start = p;
        words += 1;
    }
    // A capitalised modifier opening the phrase ("Clinton's allies") is enough too.
    if start < last && doc.is_cap(start) && !is_capital_stop(doc, start) {
        let mut ph = finish(doc, start, end, Head::Other, lex);
        ph.kind = SpeakerKind::Unnamed;
        return Some(ph);
    }
    None
}

fn counted(doc: &Doc, start: usize, last: usize) -> bool {
    (start..last).any(|i| {
        matches!(
            doc.low(i),
            "two" | "three" | "four" | "five" | "six" | "both" | "the"
        ) || doc.tok(i).is_some_and(|t| t.kind == TokKind::Number)
    })
}

fn strip_the(s: &str) -> String {
    s.strip_prefix("the ")
        .or_else(|| s.strip_prefix("The "))
        .unwrap_or(s)
        .to_owned()
}

fn finish(doc: &Doc, start: usize, end: usize, head: Head, lex: &Lexicon) -> Phrase {
    let text = doc
        .slice(
            doc.tok(start).map_or(0, |t| t.start),
            doc.tok(end.saturating_sub(1)).map_or(0, |t| t.end),
        )
        .to_owned();
    let mut country = None;
    let mut title = None;
    let mut gender = None;
    let mut i = start;
    while i < end {
        if country.is_none()
            && let Some(m) = place_at(doc, lex, i, end)
        {
            country = Some(m.code);
            i += m.len;
            continue;
        }
        if title.is_none()
            && let Some((t, g, n)) = title_at(doc, lex, i, end)
        {
            title = Some(t);
            gender = g;
            i += n;
            continue;
        }
        i += 1;
    }
    let kind = match &head {
        Head::Pronoun(p) if p.plural => SpeakerKind::Group,
        Head::Noun { kind, plural } => lexicon_kind(*kind, *plural),
        Head::Place => SpeakerKind::Organization,
        _ => SpeakerKind::Person,
    };
    if let Head::Pronoun(p) = &head {
        gender = p.gender;
    }
    Phrase {
        start,
        end,
        head,
        name: None,
        title,
        gender,
        country,
        kind,
        organization: None,
        text,
    }
}

fn lexicon_kind(kind: NounKind, plural: bool) -> SpeakerKind {
    match kind {
        NounKind::Organization => SpeakerKind::Organization,
        NounKind::Person if plural => SpeakerKind::Group,
        NounKind::Person => SpeakerKind::Person,
        NounKind::Unnamed | NounKind::Document => SpeakerKind::Unnamed,
    }
}

/// Splits a capitalised run into countries, titles and the name proper.
pub(crate) fn analyse_name_run(doc: &Doc, lex: &Lexicon, start: usize, end: usize) -> Phrase {
    // Clause openers written in capitals are not part of the name ("What
    // Mr. Obama", "Unlike Patriot").
    let mut start = start;
    while start + 1 < end
        && doc.is_word(start)
        && doc.low(start) != "the"
        && is_capital_stop(doc, start)
        && title_at(doc, lex, start, end).is_none()
    {
        start += 1;
    }
    let mut ph = finish(doc, start, end, Head::Name, lex);
    // Walk from the left over determiners, countries, possessives and titles.
    let mut i = start;
    let mut country = None;
    while i < end {
        if doc.low(i) == "the" || !doc.is_word(i) {
            i += 1;
            continue;
        }
        if let Some(m) = place_at(doc, lex, i, end) {
            let after = i + m.len;
            let possessive = doc
                .tok(after)
                .is_some_and(|t| t.kind == TokKind::Possessive);
            if after >= end {
                // The whole rest is a place: the government speaks.
                ph.head = Head::Place;
                ph.kind = SpeakerKind::Organization;
                ph.country = Some(m.code.clone());
                let name = doc.slice(
                    doc.tok(i).map_or(0, |t| t.start),
                    doc.tok(end - 1).map_or(0, |t| t.end),
                );
                ph.name = Some(name.to_owned());
                if let Some(inst) = lex.metonym_institutions.get(&name.to_lowercase()) {
                    ph.organization = Some(inst.clone());
                }
                return ph;
            }
            // "US Secretary of State X": a country name used attributively
            // before a title gives the nationality just like a demonym.
            let before_title = after < end && title_at(doc, lex, after, end).is_some();
            if m.demonym || possessive || before_title {
                country.get_or_insert(m.code);
                i = if possessive { after + 1 } else { after };
                continue;
            }
            break;
        }
        if let Some((_, _, n)) = title_at(doc, lex, i, end) {
            // Keep at least one word for the name itself.
            if i + n < end {
                i += n;
                while i < end && doc.is_punct(i, ".") {
                    i += 1;
                }
                continue;
            }
        }
        if matches!(
            doc.low(i),
            "former"
                | "presidential"
                | "acting"
                | "deputy"
                | "then"
                | "senior"
                | "top"
                | "chief"
                | "democratic"
                | "republican"
                | "opposition"
                | "interim"
        ) && i + 1 < end
        {
            i += 1;
            continue;
        }
        break;
    }
    if country.is_some() {
        ph.country = country;
    }
    // "Clinton spokesman Jesse Lehrich": a lower-case title inside the run
    // separates whom the person works for from the name itself.
    // "Texas Sen. Ted Cruz", "FBI Director James Comey": a capitalised
    // title after a place, an acronym or an institution word, or a title
    // abbreviation, does the same.
    let inner_title = |j: usize| {
        let prefix_ok = !doc.is_cap(j)
            || doc.text(j + 1) == "."
            || (i..j).all(|k| {
                let t = doc.text(k);
                (t.chars().count() >= 2 && all_capitals(t))
                    || INSTITUTION_PREFIXES.contains(&doc.low(k))
                    || place_at(doc, lex, k, j).is_some()
                    || doc.tok(k).is_some_and(|t| t.kind != TokKind::Word)
            });
        // "Acme Corporation Chief Executive Jane Doe": after any
        // capitalised owner, a title followed by a name of two or three
        // words that ends the run.
        let ends_in_full_name = |n: usize| {
            let rest = end.saturating_sub(j + n);
            // Not an honorific ("Mr."), and no headline verb in the name
            // ("Sen. Ann Lee Endorsed Trump").
            (2..=3).contains(&rest)
                && !HONORIFICS.contains(&doc.low(j))
                && (j + n..end).all(|k| name_token(doc, k) && !lex.cues.contains_key(doc.low(k)))
        };
        doc.is_word(j)
            .then(|| title_at(doc, lex, j, end))
            .flatten()
            .filter(|&(_, _, n)| prefix_ok || ends_in_full_name(n))
            .filter(|&(_, _, n)| {
                j + n < end
                    && name_token(doc, j + n)
                    && !matches!(doc.low(end - 1), "jr" | "sr" | "ii" | "iii")
            })
            .map(|(t, g, n)| (j, t, g, n))
    };
    let inner = (i + 1..end).find_map(inner_title);
    let titled_inside = inner.is_some();
    if let Some((j, t, g, n)) = inner {
        let owner = doc.slice(
            doc.tok(i).map_or(0, |t| t.start),
            doc.tok(j - 1).map_or(0, |t| t.end),
        );
        match place_at(doc, lex, i, j) {
            Some(m) if i + m.len == j => ph.country = ph.country.take().or(Some(m.code)),
            // "Acme Corporation Chief Executive …": an owner ending in an
            // institution noun; not "Florida Governor …".
            _ if !doc.is_cap(j)
                || all_capitals(doc.text(i))
                || (!HONORIFICS.contains(&doc.low(j))
                    && (lex
                        .nouns
                        .get(doc.low(j - 1))
                        .is_some_and(|n| n.kind == NounKind::Organization)
                        || matches!(
                            doc.low(j - 1),
                            "corporation"
                                | "corp"
                                | "inc"
                                | "company"
                                | "authority"
                                | "group"
                                | "bank"
                        ))) =>
            {
                ph.organization = Some(owner.to_owned());
            }
            _ => {}
        }
        ph.title = Some(t);
        ph.gender = ph.gender.or(g);
        i = j + n;
    }
    let name_start = i.min(end.saturating_sub(1));
    let name = doc.slice(
        doc.tok(name_start).map_or(0, |t| t.start),
        doc.tok(end - 1).map_or(0, |t| t.end),
    );
    // Organisations: the run ends in an institution noun ("Foreign Ministry").
    let last_low = doc.low(end - 1);
    let org_noun = lex
        .nouns
        .get(last_low)
        .is_some_and(|n| n.kind == NounKind::Organization)
        || (end - start >= 2
            && lex
                .nouns
                .contains_key(&format!("{} {}", doc.low(end - 2), last_low)))
        // "State Department spokesman John Kirby": the institution is the
        // owner before the title; the person is named after it.
        || (if titled_inside || ph.title.is_some() { name_start } else { start }..end).any(|k| {
            matches!(
                doc.low(k),
                "ministry"
                    | "department"
                    | "office"
                    | "agency"
                    | "council"
                    | "commission"
                    | "committee"
                    | "party"
                    | "embassy"
                    | "house"
                    | "institute"
                    | "university"
                    | "times"
                    | "post"
                    | "news"
                    | "journal"
                    | "association"
                    | "foundation"
                    | "corp"
                    | "inc"
                    | "bank"
                    | "organization"
                    | "organisation"
                    | "court"
                    | "fund"
                    | "network"
                    | "agency's"
                    | "administration"
                    | "government"
            )
        });
    if org_noun {
        ph.kind = SpeakerKind::Organization;
        let full = doc.slice(
            doc.tok(start).map_or(0, |t| t.start),
            doc.tok(end - 1).map_or(0, |t| t.end),
        );
        ph.name = Some(strip_the(full));
        ph.organization = ph.name.clone();
        ph.title = None;
        if let Some(inst) = lex
            .metonym_institutions
            .get(&strip_the(full).to_lowercase())
        {
            ph.organization = Some(inst.clone());
            if ph.country.is_none() {
                ph.country = place_at(doc, lex, name_start, end).map(|m| m.code);
            }
        }
        return ph;
    }
    let name = match of_affiliation(doc, lex, name_start, end) {
        Some((of, place)) => {
            if ph.country.is_none() {
                ph.country = place;
            }
            doc.slice(
                doc.tok(name_start).map_or(0, |t| t.start),
                doc.tok(of - 1).map_or(0, |t| t.end),
            )
        }
        None => name,
    };
    let name = name.trim_end_matches('.').trim();
    ph.name = Some(name.to_owned());
    // A lone acronym ("CNN", "FBI") names an organisation, not a person.
    if name_start + 1 == end && name.chars().count() >= 2 && all_capitals(name) {
        ph.kind = SpeakerKind::Organization;
        ph.organization = Some(name.to_owned());
    }
    ph
}

/// Parses a phrase starting at token `start` (after a cue), for inverted
/// speakers ("said Wang") and addressees ("told his counterpart").
pub(crate) fn phrase_after(
    doc: &Doc,
    lex: &Lexicon,
    start: usize,
    limit: usize,
    addressee: bool,
) -> Option<Phrase> {
    if start >= limit || !doc.is_word(start) {
        return None;
    }
    let low = doc.low(start);
    let possessive_her = low == "her" && doc.is_word(start + 1) && !is_function(doc, start + 1);
    if addressee && OBJECT_PRONOUNS.contains(&low) && !possessive_her {
        let mut p = finish(doc, start, start + 1, Head::Other, lex);
        p.name = None;
        return Some(p);
    }
    if !addressee && let Some(pr) = lex.pronouns.get(low) {
        return Some(finish(doc, start, start + 1, Head::Pronoun(*pr), lex));
    }
    // Find the extent: determiners, adjectives, titles, names, nouns.
    let mut end = start;
    let mut last_head = None;
    let mut words = 0;
    while end < limit && words < 9 {
        let Some(t) = doc.tok(end) else { break };
        match t.kind {
            TokKind::Word => {
                let w = doc.low(end);
                // "told reporters the deal was done": a determiner after the
                // addressee's head opens the reported clause.
                if addressee && last_head.is_some() && DETERMINERS.contains(&w) && !t.cap {
                    break;
                }
                if t.cap {
                    if is_capital_stop(doc, end) && w != "the" && end > start {
                        break;
                    }
                    last_head = Some(end + 1);
                } else if lex.nouns.contains_key(w) {
                    last_head = Some(end + 1);
                } else if is_function(doc, end)
                    && !(NAME_CONNECTORS.contains(&w)
                        && w != "and"
                        && doc.is_cap(end + 1)
                        && last_head.is_some())
                {
                    // "said former secretary of state Ann Lee": a title
                    // with a function word inside it, read whole.
                    let Some(title_end) = (start..end).rev().take(3).find_map(|q| {
                        title_at(doc, lex, q, limit)
                            .map(|(_, _, n)| q + n)
                            .filter(|&e| e > end + 1)
                    }) else {
                        break;
                    };
                    last_head = Some(title_end);
                    words += title_end - end;
                    end = title_end;
                    continue;
                } else if !DETERMINERS.contains(&w) && last_head.is_some() && words > 0 {
                    // A lower-case word after the head: "told reporters Friday"? stop at verbs.
                    if w.ends_with("ed") || w.ends_with("ing") {
                        break;
                    }
                    last_head = Some(end + 1);
                } else if addressee && !DETERMINERS.contains(&w) {
                    last_head = Some(end + 1);
                }
                words += 1;
            }
            TokKind::Possessive => {}
            TokKind::Punct if doc.text(end) == "." || doc.text(end) == "-" => {
                if !doc.is_cap(end.saturating_sub(1)) {
                    break;
                }
            }
            _ => break,
        }
        end += 1;
    }
    let head_end = last_head?;
    // Re-parse backwards from the head end to reuse the name logic.
    if let Some(mut p) = phrase_before(doc, lex, start, head_end) {
        p.start = p.start.max(start);
        return Some(p);
    }
    if addressee {
        let mut p = finish(doc, start, head_end, Head::Other, lex);
        p.name = Some(p.text.clone());
        return Some(p);
    }
    None
}

/// The display name of an unnamed or group speaker phrase: the words
/// without a leading indefinite quantifier.
pub(crate) fn description_name(text: &str) -> String {
    let mut words = text.split_whitespace();
    let first = words.clone().next().unwrap_or("");
    if DROPPED_QUANTIFIERS.contains(&first.to_lowercase().as_str()) {
        words.next();
        words.collect::<Vec<_>>().join(" ")
    } else {
        text.to_owned()
    }
}

/// The speaker named by a possessive ending at `end` (exclusive): "his",
/// "her", "their", "its", or a name followed by "'s" ("Lee's", "the
/// ministry's").
pub(crate) fn possessive_speaker(
    doc: &Doc,
    lex: &Lexicon,
    floor: usize,
    end: usize,
) -> Option<Phrase> {
    if end <= floor {
        return None;
    }
    let last = end - 1;
    let pronoun = match doc.low(last) {
        "his" => Some("he"),
        "her" => Some("she"),
        "their" => Some("they"),
        "its" => Some("it"),
        _ => None,
    };
    if let Some(p) = pronoun {
        let pr = lex.pronouns.get(p)?;
        return Some(finish(doc, last, end, Head::Pronoun(*pr), lex));
    }
    if doc.tok(last).is_none_or(|t| t.kind != TokKind::Possessive) {
        return None;
    }
    // "a fact-check on Donald Trump's claim": the possessor may be the
    // object of a preposition; its name run alone is read then.
    let p = phrase_before(doc, lex, floor, last).or_else(|| {
        let mut run = last;
        while run > floor && (name_token(doc, run - 1) || is_initial_dot(doc, run - 1)) {
            run -= 1;
        }
        (run < last && PREPOSITIONS.contains(&doc.low(run.saturating_sub(1))))
            .then(|| phrase_before(doc, lex, run, last))
            .flatten()
    })?;
    (!matches!(p.head, Head::Other | Head::Pronoun(_))).then_some(p)
}

/// Whether token `i` is the full stop of a one-letter initial ("B." in
/// "James B. Comey").
pub(crate) fn is_initial_dot(doc: &Doc, i: usize) -> bool {
    i > 0 && doc.is_punct(i, ".") && doc.text(i - 1).chars().count() == 1
}

/// "Ted Cruz of Texas", "Angela Merkel of Germany", "Ann Lee of Human
/// Rights Watch": a name of two or three words, then "of" and the state,
/// country or organisation the person belongs to, which is not part of the
/// name. The "of" token and the country code of a known place.
fn of_affiliation(
    doc: &Doc,
    lex: &Lexicon,
    start: usize,
    end: usize,
) -> Option<(usize, Option<String>)> {
    let of = (start + 2..end.saturating_sub(1)).find(|&k| doc.low(k) == "of")?;
    let words = |a: usize, b: usize| (a..b).filter(|&k| doc.is_word(k)).count();
    // Plain name words (an initial with its full stop included), no title
    // and no acronym: "Terry E. Branstad", not "RNC Chief".
    let plain = |k: usize| {
        doc.is_punct(k, ".")
            || (name_token(doc, k)
                && title_at(doc, lex, k, end).is_none()
                && !(doc.text(k).chars().count() >= 2 && all_capitals(doc.text(k))))
    };
    let affiliation = |k: usize| name_token(doc, k) || doc.is_punct(k, ".");
    if !(2..=3).contains(&words(start, of))
        || !(1..=3).contains(&words(of + 1, end))
        || !(start..of).all(plain)
        || !(of + 1..end).all(affiliation)
    {
        return None;
    }
    let place = place_at(doc, lex, of + 1, end)
        .filter(|m| of + 1 + m.len == end)
        .map(|m| m.code);
    Some((of, place))
}
