//! Within-article coreference: the people and organisations an article
//! names, so that "Kamikawa", "She" and "his Japanese counterpart" resolve
//! to "Yoko Kamikawa".

use std::collections::HashMap;

use super::frames::{RawStatement, is_title_case};
use super::lexicon::Lexicon;
use super::phrases::{CALENDAR_WORDS, Description};
use super::phrases::{
    Head, NAME_PARTICLES, PARTICIPLE_OPENERS, Phrase, analyse_name_run, describe, name_run_end,
    place_at, title_at,
};
use super::text::{Doc, TokKind};
use crate::model::SpeakerKind;

/// One person or organisation named in the article.
#[derive(Debug, Clone)]
pub(crate) struct Entity {
    /// Canonical name (the longest form seen).
    pub name: String,
    /// Lowercase words of the name.
    pub words: Vec<String>,
    /// Title, when one was seen.
    pub title: Option<String>,
    /// Country code, when one was seen.
    pub country: Option<String>,
    /// `Some('m')` or `Some('f')` when known.
    pub gender: Option<char>,
    /// The institution the person speaks for, when one was seen.
    pub organization: Option<String>,
    /// Person, organisation, group or unnamed.
    pub kind: SpeakerKind,
    /// The forms seen in the article, canonical first.
    pub aliases: Vec<String>,
}

/// The entity table of one article, with mention positions.
#[derive(Debug, Default)]
pub(crate) struct Entities {
    /// The entities.
    pub list: Vec<Entity>,
    /// (token index, entity index) of every person mention, in text order.
    pub mentions: Vec<(usize, usize)>,
    by_name: HashMap<String, usize>,
    /// The country of the article's dateline ("PARIS —"), if any.
    dateline: Option<String>,
}

fn is_name_word(doc: &Doc, i: usize) -> bool {
    doc.tok(i).is_some_and(|t| t.kind == TokKind::Word && t.cap)
}

impl Entities {
    /// Collects the people named in `doc`: every proper-name run that is a
    /// person's name (with its titles, nationality and appositives, so that
    /// people who never speak are known too), and later single-word
    /// references to them.
    pub fn collect(doc: &Doc, lex: &Lexicon) -> Entities {
        let mut ents = Entities {
            dateline: dateline_country(doc, lex),
            ..Entities::default()
        };
        let mut singles: Vec<(usize, String, Phrase)> = Vec::new();
        let n = doc.tokens.len();
        let mut i = 0;
        while i < n {
            if !is_name_word(doc, i) {
                i += 1;
                continue;
            }
            let start = i;
            let mut end = name_run_end(doc, lex, i).max(i + 1);
            // "Francois Hollande Says Donald Trump …": in a title-case
            // headline a capitalised reporting verb ends the name.
            let one_word_cue = |w: &str| {
                lex.cues
                    .get(w)
                    .is_some_and(|v| v.iter().any(|c| c.rest.is_empty()))
            };
            let headline = || {
                let si = doc.sentence_of.get(start).copied().unwrap_or(0) as usize;
                doc.sentences
                    .get(si)
                    .is_some_and(|s| is_title_case(doc, s.start, s.end))
            };
            let verb = (start + 1..end).find(|&k| {
                // A third-person verb: "Says", "Endorses", not "Press".
                let w = doc.low(k);
                w.strip_suffix('s').is_some_and(|stem| {
                    one_word_cue(w)
                        && (one_word_cue(stem) || stem.strip_suffix('e').is_some_and(one_word_cue))
                })
            });
            if let Some(k) = verb.filter(|_| headline()) {
                end = k;
                i = k + 1;
            } else {
                i = end;
            }
            if doc.quote_of(start).is_some() || is_dateline(doc, start, end) {
                continue;
            }
            let mut ph = analyse_name_run(doc, lex, start, end);
            if !matches!(ph.head, Head::Name) || ph.kind != SpeakerKind::Person {
                continue;
            }
            let Some(name) = ph.name.clone() else {
                continue;
            };
            let words: Vec<&str> = name.split_whitespace().collect();
            let plausible = words.iter().all(|w| {
                let proper = w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars().all(|c| {
                        c.is_alphabetic() || c == '.' || c == '-' || c == '\'' || c == '’'
                    });
                proper || NAME_PARTICLES.contains(w)
            }) && !words.iter().any(|w| {
                let l = w.to_lowercase();
                // A one-word place that is not also a personal name
                // ("Japan", but not "Jordan" or the "Hong" of "Hong Kong").
                let place = lex
                    .places
                    .get(&l)
                    .is_some_and(|v| v.iter().any(|p| p.rest.is_empty() && !p.ambiguous));
                place
                    || lex.titles.contains_key(&l)
                    || lex.nouns.contains_key(&l)
                    || STOPS.contains(&l.as_str())
                    || CALENDAR_WORDS.contains(&l.as_str())
            }) && words.first().is_some_and(|w| !NAME_PARTICLES.contains(w));
            if !plausible {
                continue;
            }
            add_context(doc, lex, &mut ph, start, end, ents.dateline.as_deref());
            let proper_words = words
                .iter()
                .filter(|w| !NAME_PARTICLES.contains(*w))
                .count();
            if (2..=5).contains(&proper_words) {
                let id = ents.register(&name, &ph);
                ents.mentions.push((end - 1, id));
            } else if proper_words == 1 {
                singles.push((end - 1, name, ph));
            }
        }
        for (pos, word, ph) in singles {
            if let Some(id) = ents.by_word(&word) {
                ents.absorb(id, &ph);
                ents.mentions.push((pos, id));
            } else if ph.title.is_some() {
                // "President Keller" without a first name is still a person.
                let id = ents.register(&word, &ph);
                ents.mentions.push((pos, id));
            }
        }
        ents.mentions.sort_unstable();
        ents
    }

    /// Adds what a later mention tells about an entity (title, country,
    /// gender, organisation) where nothing was known yet.
    fn absorb(&mut self, id: usize, ph: &Phrase) {
        if let Some(e) = self.list.get_mut(id) {
            if e.title.is_none() {
                e.title = ph.title.clone();
            }
            if e.country.is_none() {
                e.country = ph.country.clone();
            }
            if e.gender.is_none() {
                e.gender = ph.gender;
            }
            if e.organization.is_none() {
                e.organization = ph.organization.clone();
            }
        }
    }

    fn register(&mut self, name: &str, ph: &Phrase) -> usize {
        let key = name.to_lowercase();
        if let Some(&id) = self.by_name.get(&key) {
            self.absorb(id, ph);
            if let Some(e) = self.list.get_mut(id) {
                let text = ph.text.trim().to_owned();
                if !e.aliases.contains(&text) {
                    e.aliases.push(text);
                }
            }
            return id;
        }
        let mut aliases = vec![name.to_owned()];
        let text = ph.text.trim().to_owned();
        if text != name {
            aliases.push(text);
        }
        self.list.push(Entity {
            name: display_name(name),
            words: key.split_whitespace().map(str::to_owned).collect(),
            title: ph.title.clone(),
            country: ph.country.clone(),
            gender: ph.gender,
            organization: ph.organization.clone(),
            kind: SpeakerKind::Person,
            aliases,
        });
        let id = self.list.len() - 1;
        self.by_name.insert(key, id);
        id
    }

    /// The entity a single name word refers to: the person whose last name
    /// it is, else one of whose later names it is (Spanish double surnames:
    /// "Salcedo" for "Joaquín Salcedo Ibarra"), else whose first name it is.
    pub fn by_word(&self, word: &str) -> Option<usize> {
        let w = word.to_lowercase();
        let multi = |e: &&Entity| e.words.len() >= 2;
        self.list
            .iter()
            .position(|e| e.words == [w.clone()])
            .or_else(|| {
                self.list
                    .iter()
                    .position(|e| multi(&e) && e.words.last() == Some(&w))
            })
            .or_else(|| {
                self.list
                    .iter()
                    .position(|e| multi(&e) && e.words.iter().skip(1).any(|x| *x == w))
            })
            .or_else(|| {
                self.list
                    .iter()
                    .position(|e| multi(&e) && e.words.first() == Some(&w))
            })
    }

    /// The entity for a full or partial name, registering a new person for
    /// an unknown full name.
    pub fn resolve_name(&mut self, name: &str, ph: &Phrase, pos: usize) -> usize {
        let words = name.split_whitespace().count();
        let id = if let Some(&id) = self.by_name.get(&name.to_lowercase()) {
            id
        } else if words == 1
            && let Some(id) = self.by_word(name)
        {
            id
        } else {
            self.register(name, ph)
        };
        self.absorb(id, ph);
        if let Some(e) = self.list.get_mut(id) {
            let text = ph.text.trim().to_owned();
            if !e.aliases.contains(&text) {
                e.aliases.push(text);
            }
        }
        let at = self.mentions.partition_point(|&(p, _)| p <= pos);
        self.mentions.insert(at, (pos, id));
        id
    }

    /// The most recent person before token `pos` compatible with `gender`.
    pub fn recent_person(&self, pos: usize, gender: Option<char>, window: usize) -> Option<usize> {
        self.recent_person_but(pos, gender, window, None)
    }

    /// The most recent person before token `pos` compatible with `gender`,
    /// other than `not` ("Wang told her": not Wang).
    pub fn recent_person_but(
        &self,
        pos: usize,
        gender: Option<char>,
        window: usize,
        not: Option<usize>,
    ) -> Option<usize> {
        let at = self.mentions.partition_point(|&(p, _)| p < pos);
        self.mentions[..at]
            .iter()
            .rev()
            .take_while(|&&(p, _)| p + window >= pos)
            .map(|&(_, id)| id)
            .filter(|&id| Some(id) != not)
            .find(|&id| {
                self.list.get(id).is_some_and(|e| match (gender, e.gender) {
                    (Some(g), Some(h)) => g == h,
                    _ => true,
                })
            })
    }

    /// A person from `country` other than `not`, mentioned closest to `pos`.
    pub fn person_from(&self, country: &str, not: Option<usize>, pos: usize) -> Option<usize> {
        self.mentions
            .iter()
            .filter(|&&(_, id)| Some(id) != not)
            .filter(|&&(_, id)| {
                self.list
                    .get(id)
                    .is_some_and(|e| e.country.as_deref() == Some(country))
            })
            .min_by_key(|&&(p, _)| p.abs_diff(pos))
            .map(|&(_, id)| id)
    }

    /// The person a definite description refers to ("the minister", "the
    /// spokeswoman"): the most recent person before `pos` whose title
    /// matches the head noun (through the title lexicon, so "spokeswoman"
    /// matches "Spokesperson") and whose gender does not clash.
    pub fn titled_person(
        &self,
        lex: &Lexicon,
        pos: usize,
        head: &str,
        country: Option<&str>,
    ) -> Option<usize> {
        let (family, gender) = title_family(lex, head)?;
        self.mentions
            .iter()
            .rev()
            .filter(|&&(p, _)| p < pos)
            .map(|&(_, id)| id)
            .find(|&id| self.fits(id, &family, gender, country))
    }

    /// The first person named after `pos` (within `window` tokens) whose
    /// title matches the head noun, for a description that introduces a
    /// person named later ("South Korea's foreign minister warned ...
    /// Foreign Minister Seo Hyun-tae told lawmakers").
    pub fn later_titled_person(
        &self,
        lex: &Lexicon,
        pos: usize,
        head: &str,
        country: Option<&str>,
        window: usize,
    ) -> Option<usize> {
        let (family, gender) = title_family(lex, head)?;
        self.mentions
            .iter()
            .filter(|&&(p, _)| p > pos && p <= pos + window)
            .map(|&(_, id)| id)
            .find(|&id| self.fits(id, &family, gender, country))
    }

    fn fits(&self, id: usize, family: &str, gender: Option<char>, country: Option<&str>) -> bool {
        self.list.get(id).is_some_and(|e| {
            let same_title = e
                .title
                .as_deref()
                .is_some_and(|t| t.to_lowercase().contains(family));
            let same_gender = match (gender, e.gender) {
                (Some(g), Some(h)) => g == h,
                _ => true,
            };
            let same_country = match (country, e.country.as_deref()) {
                (Some(c), Some(d)) => c == d,
                _ => true,
            };
            same_title && same_gender && same_country
        })
    }

    /// Notes what a resolved speaker phrase says about an entity (its
    /// country and title), so later mentions inherit them.
    pub fn learn(&mut self, id: usize, title: Option<&str>, country: Option<&str>) {
        if let Some(e) = self.list.get_mut(id) {
            if e.title.is_none() {
                e.title = title.map(str::to_owned);
            }
            if e.country.is_none() {
                e.country = country.map(str::to_owned);
            }
        }
    }

    /// The members of a counted group ("the two ministers"): the `count`
    /// most recent distinct people before `pos` whose title matches the
    /// head noun or who have no title, in order of first mention. `None`
    /// unless that many are found.
    pub fn group_members(
        &self,
        lex: &Lexicon,
        pos: usize,
        head: &str,
        count: usize,
    ) -> Option<Vec<usize>> {
        let family = title_family(lex, head).map(|(f, _)| f);
        let mut members: Vec<usize> = Vec::new();
        for &(_, id) in self.mentions.iter().rev().filter(|&&(p, _)| p < pos) {
            if members.contains(&id) {
                continue;
            }
            let Some(e) = self.list.get(id) else { continue };
            let fits = match (&family, &e.title) {
                (Some(f), Some(t)) => t.to_lowercase().contains(f.as_str()),
                (None, Some(_)) => false,
                (_, None) => true,
            };
            if fits {
                members.push(id);
            }
            if members.len() == count {
                break;
            }
        }
        if members.len() < count {
            return None;
        }
        let first_mention = |id: usize| {
            self.mentions
                .iter()
                .find(|&&(_, m)| m == id)
                .map_or(usize::MAX, |&(p, _)| p)
        };
        members.sort_by_key(|&id| first_mention(id));
        Some(members)
    }

    /// The gender an entity is known to have.
    pub fn gender(&self, id: usize) -> Option<char> {
        self.list.get(id).and_then(|e| e.gender)
    }

    /// Notes a gender learnt from a pronoun.
    pub fn set_gender(&mut self, id: usize, gender: Option<char>) {
        if let (Some(e), Some(g)) = (self.list.get_mut(id), gender)
            && e.gender.is_none()
        {
            e.gender = Some(g);
        }
    }
}

/// Capitalised words that are not names even in a run.
const STOPS: &[&str] = &[
    "the",
    "but",
    "and",
    "in",
    "on",
    "at",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "a",
    "an",
    "this",
    "that",
    "after",
    "when",
    "as",
    "if",
    "for",
    "with",
    "by",
    "from",
    "to",
    "of",
    "summit",
    "forum",
    "talks",
    "news",
    "east",
    "west",
    "north",
    "south",
    "southeast",
    "northeast",
    "asian",
    "european",
    "african",
    "island",
    "islands",
    "sea",
    "street",
    "avenue",
    "road",
    "river",
    "day",
    "week",
    "year",
    "times",
    "post",
    "daily",
    "photo",
    "images",
    "getty",
    "afp",
    "reuters",
    "ap",
    "pharma",
    "inc",
    "corp",
    "group",
    "co",
    "ltd",
    "llc",
    "act",
    "bill",
    "law",
    "war",
    "plan",
    "program",
    "state",
    "states",
    "house",
    "city",
    "county",
    "center",
    "centre",
    "hall",
    "tower",
    "airport",
    "station",
    "university",
    "college",
    "school",
    "hospital",
    "church",
    "club",
    "league",
    "cup",
    "games",
    "olympics",
    "twitter",
    "facebook",
    "google",
    "youtube",
    "instagram",
    "fox",
    "cnn",
    "msnbc",
    "abc",
    "cbs",
    "nbc",
    "bbc",
    "democrats",
    "republicans",
    "democrat",
    "republican",
    "gop",
    "congress",
    "senate",
    "court",
    "supreme",
    "federal",
    "national",
    "international",
    "global",
    "world",
    "new",
    "old",
    "great",
    "united",
    "royal",
];

/// Fills a phrase's country from a place phrase at its start ("Tokyo officials").
pub(crate) fn phrase_country(doc: &Doc, lex: &Lexicon, ph: &Phrase) -> Option<String> {
    if ph.country.is_some() {
        return ph.country.clone();
    }
    let mut codes =
        (ph.start..ph.end).filter_map(|i| place_at(doc, lex, i, ph.end).map(|m| m.code));
    let first = codes.next()?;
    // A group of several countries ("India and the United States") has none.
    if ph.kind == SpeakerKind::Group && codes.any(|c| c != first) {
        return None;
    }
    Some(first)
}

/// Whether a capitalised run opens its paragraph as a dateline
/// ("BRUSSELS —", "MEXICO CITY -"): written in capitals and followed by a dash.
pub(crate) fn is_dateline(doc: &Doc, start: usize, end: usize) -> bool {
    let opens_paragraph =
        start == 0 || doc.tok(start - 1).is_some_and(|t| t.kind == TokKind::Break);
    let capitals = (start..end).all(|k| {
        let t = doc.text(k);
        !t.chars().any(char::is_lowercase)
    });
    let dash = matches!(doc.text(end), "—" | "–" | "-" | "--");
    opens_paragraph && capitals && dash
}

/// Completes a person's name run with what the text around it says: a
/// lower-case title before it ("foreign ministry spokesperson Lin Qiaoyu"),
/// a descriptive phrase before it and set off by a comma ("Mexico's foreign
/// secretary, Joaquín Salcedo Ibarra,") or an appositive after it ("Yelena
/// Varfolomeyeva, the Russian Foreign Ministry's spokeswoman").
fn add_context(
    doc: &Doc,
    lex: &Lexicon,
    ph: &mut Phrase,
    start: usize,
    end: usize,
    dateline: Option<&str>,
) {
    let mut found: Vec<Description> = Vec::new();
    if let Some(d) = title_before(doc, lex, start) {
        found.push(d);
    }
    if let Some(d) = description_before(doc, lex, start, end) {
        found.push(d);
    }
    if let Some(d) = appositive_after(doc, lex, end) {
        found.push(d);
    }
    for d in found {
        if ph.title.is_none() {
            ph.title = d.title;
            ph.gender = ph.gender.or(d.gender);
        }
        if ph.country.is_none() {
            ph.country = d.country;
        }
        if ph.organization.is_none() {
            ph.organization = d.organization;
        }
        // "Marchetti, the ministry's spokesperson" in a story datelined
        // PARIS: an official of an unnamed home institution works where
        // the story is filed from.
        if ph.country.is_none() && d.institution {
            ph.country = dateline.map(str::to_owned);
        }
    }
    // "Ukraine welcomed the move. Oksana Lytvynchuk, a deputy foreign
    // minister, praised ...": an official whose country is not given, who
    // opens the sentence after one whose subject is a country, speaks for it.
    if ph.country.is_none() && ph.title.is_some() {
        ph.country = previous_subject_country(doc, lex, start);
    }
}

/// The country that is the subject of the sentence before the one that
/// `start` opens, in the same paragraph ("Ukraine welcomed ...").
fn previous_subject_country(doc: &Doc, lex: &Lexicon, start: usize) -> Option<String> {
    let si = *doc.sentence_of.get(start)? as usize;
    let here = doc.sentences.get(si)?;
    if here.start != start || si == 0 {
        return None;
    }
    let prev = doc.sentences.get(si - 1)?;
    if prev.para != here.para {
        return None;
    }
    let m = place_at(doc, lex, prev.start, prev.end).filter(|m| !m.demonym)?;
    let verb = prev.start + m.len;
    (doc.is_word(verb) && !doc.is_cap(verb) && doc.low(verb).ends_with("ed")).then_some(m.code)
}

/// The country named by the dateline that opens the article body.
fn dateline_country(doc: &Doc, lex: &Lexicon) -> Option<String> {
    let &(first, last) = doc.paragraphs.iter().take(6).find(|&&(s, e)| {
        let mut k = s;
        while k < e && doc.is_word(k) && !doc.text(k).chars().any(char::is_lowercase) {
            k += 1;
        }
        k > s && is_dateline(doc, s, k)
    })?;
    place_at(doc, lex, first, last).map(|m| m.code)
}

/// A lower-case title ending right before token `start`, with a country
/// before it ("EU foreign policy chief", "Chinese foreign ministry spokesperson").
fn title_before(doc: &Doc, lex: &Lexicon, start: usize) -> Option<Description> {
    let mut best: Option<(usize, String, Option<char>)> = None;
    for j in (start.saturating_sub(5)..start).rev() {
        if !doc.is_word(j) {
            break;
        }
        if let Some((t, g, n)) = title_at(doc, lex, j, start)
            && j + n == start
        {
            best = Some((j, t, g));
        }
    }
    let (j, title, gender) = best?;
    let mut d = Description {
        title: Some(title),
        gender,
        ..Description::default()
    };
    let mut k = j;
    if k > 0
        && doc
            .tok(k - 1)
            .is_some_and(|t| t.kind == TokKind::Possessive)
    {
        k -= 1;
    }
    d.country = (k.saturating_sub(3)..k).find_map(|p| {
        place_at(doc, lex, p, k)
            .filter(|m| p + m.len == k)
            .map(|m| m.code)
    });
    // "In Beijing, foreign ministry spokesperson Lin said": the place the
    // clause opens with is where the titled official works.
    if d.country.is_none() && k >= 3 && doc.is_punct(k - 1, ",") {
        d.country = (k.saturating_sub(5)..k - 1).find_map(|p| {
            (doc.low(p.saturating_sub(1)) == "in" && is_boundary(doc, p.saturating_sub(2)))
                .then(|| place_at(doc, lex, p, k - 1))
                .flatten()
                .filter(|m| p + m.len == k - 1 && !m.demonym)
                .map(|m| m.code)
        });
    }
    Some(d)
}

/// Whether token `i` ends a clause for the purpose of descriptive phrases.
fn is_boundary(doc: &Doc, i: usize) -> bool {
    match doc.tok(i).map(|t| t.kind) {
        Some(TokKind::Punct) => {
            matches!(doc.text(i), "," | "." | ";" | ":" | "—" | "–" | "(" | ")")
        }
        Some(TokKind::Quote(..) | TokKind::Break) | None => true,
        _ => false,
    }
}

/// "Mexico's foreign secretary, NAME," or "his Japanese counterpart,
/// NAME": a noun phrase ending in a title (or "counterpart"), set off by a
/// comma before the name, that the name closes with a comma or period.
fn description_before(doc: &Doc, lex: &Lexicon, start: usize, end: usize) -> Option<Description> {
    if start < 2 || !doc.is_punct(start - 1, ",") {
        return None;
    }
    if !(doc.is_punct(end, ",") || doc.is_punct(end, ".") || doc.tok(end).is_none()) {
        return None;
    }
    let comma = start - 1;
    let titled = (comma.saturating_sub(4)..comma)
        .any(|j| title_at(doc, lex, j, comma).is_some_and(|(_, _, n)| j + n == comma));
    let counterpart = doc.low(comma - 1) == "counterpart";
    if !titled && !counterpart {
        return None;
    }
    // Walk back over the noun phrase: adjectives, countries, possessives,
    // title words, up to a determiner or the edge of the clause.
    let mut b = comma;
    while b > 0 && comma - b < 7 {
        let p = b - 1;
        if is_boundary(doc, p) {
            break;
        }
        let w = doc.low(p);
        if matches!(w, "the" | "a" | "an" | "his" | "her" | "its" | "their") {
            b = p;
            break;
        }
        let possessive = doc.tok(p).is_some_and(|t| t.kind == TokKind::Possessive);
        if !possessive && (!doc.is_word(p) || DESCRIPTION_STOPS.contains(&w)) {
            break;
        }
        b = p;
    }
    if b == comma {
        return None;
    }
    let mut d = describe(doc, lex, b, comma);
    if counterpart && !titled {
        d.title = None;
    }
    (d.title.is_some() || d.country.is_some()).then_some(d)
}

/// Words that end a descriptive noun phrase when walking back from its head.
const DESCRIPTION_STOPS: &[&str] = &[
    "with", "to", "by", "for", "from", "of", "in", "on", "at", "and", "or", "met", "said", "told",
    "as", "after", "before", "meeting", "that", "while", "when", "than",
];

/// "NAME, the Russian Foreign Ministry's spokeswoman": an appositive after
/// the name that holds a title or an institution.
fn appositive_after(doc: &Doc, lex: &Lexicon, end: usize) -> Option<Description> {
    if !doc.is_punct(end, ",") {
        return None;
    }
    let s = end + 1;
    let opener = doc.low(s);
    if PARTICIPLE_OPENERS.contains(&opener) {
        // "Lin, speaking at the ministry's briefing in Beijing,": where an
        // official speaks for an institution tells the country, not the title.
        let mut e = s + 1;
        while e < s + 14 && doc.tok(e).is_some() && !is_boundary(doc, e) {
            e += 1;
        }
        let d = describe(doc, lex, s + 1, e);
        return (d.institution && d.country.is_some()).then(|| Description {
            country: d.country,
            ..Description::default()
        });
    }
    let opens_well = matches!(opener, "the" | "a" | "an" | "his" | "her" | "its" | "their")
        || title_at(doc, lex, s, s + 6).is_some()
        || place_at(doc, lex, s, s + 6).is_some();
    if !opens_well {
        return None;
    }
    let mut e = s;
    while e < s + 14 && doc.tok(e).is_some() && !is_boundary(doc, e) {
        let cue = !doc.is_cap(e) && lex.cues.contains_key(doc.low(e));
        if cue || matches!(doc.low(e), "who" | "which" | "that") {
            break;
        }
        e += 1;
    }
    let d = describe(doc, lex, s, e);
    (d.title.is_some() || d.organization.is_some()).then_some(d)
}

/// The lower-case title a head noun stands for, with the gender it implies:
/// "spokeswoman" gives ("spokesperson", f), "ministers" gives ("minister", none).
fn title_family(lex: &Lexicon, head: &str) -> Option<(String, Option<char>)> {
    let head = head.to_lowercase();
    let mut forms = vec![head.clone()];
    if let Some(stem) = head.strip_suffix("men") {
        forms.push(format!("{stem}man"));
    }
    if let Some(stem) = head.strip_suffix('s') {
        forms.push(stem.to_owned());
    }
    forms.into_iter().find_map(|f| {
        lex.titles
            .get(&f)
            .map(|t| (t.canonical.to_lowercase(), t.gender))
    })
}

/// The number a counted group phrase gives ("the two ministers", "both").
pub(crate) fn group_count(words: &[&str]) -> Option<usize> {
    words.iter().find_map(|w| match w.to_lowercase().as_str() {
        "two" | "both" => Some(2),
        "three" => Some(3),
        "four" => Some(4),
        _ => None,
    })
}

/// "Morita told reporters that she had invited Zhou": reported speech whose
/// subject is a singular pronoun usually refers to the speaker, which tells
/// the speaker's gender.
pub(crate) fn learn_gender_from_content(
    doc: &Doc,
    lex: &Lexicon,
    ents: &mut Entities,
    id: usize,
    raw: &RawStatement,
) {
    // "told Kamikawa that she ..." may mean the person addressed.
    let person_addressed = raw.addressee.as_ref().is_some_and(|a| {
        a.kind == SpeakerKind::Person && matches!(a.head, Head::Name | Head::Other)
    });
    let Some(&(s, _)) = raw.token_parts.first() else {
        return;
    };
    if person_addressed {
        return;
    }
    let first = if doc.low(s) == "that" { s + 1 } else { s };
    if let Some(p) = lex.pronouns.get(doc.low(first))
        && p.person == 3
        && !p.plural
        && p.gender.is_some()
        && doc.quote_of(first).is_none()
    {
        ents.set_gender(id, p.gender);
    }
}

/// A name as a person is written: "JAKE TAPPER" (a transcript label or a
/// headline in capitals) becomes "Jake Tapper"; other names stay as written.
fn display_name(name: &str) -> String {
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 2 || name.chars().any(char::is_lowercase) {
        return name.to_owned();
    }
    let mut out = String::with_capacity(name.len());
    let mut word_start = true;
    for c in name.chars() {
        if c.is_alphabetic() {
            if word_start {
                out.push(c);
            } else {
                out.extend(c.to_lowercase());
            }
            word_start = false;
        } else {
            out.push(c);
            // "O'REILLY" is "O'Reilly", "SMITH-JONES" "Smith-Jones".
            word_start = true;
        }
    }
    out
}
