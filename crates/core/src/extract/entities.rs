//! Within-article coreference: the people and organisations an article
//! names, so that "Kamikawa", "She" and "his Japanese counterpart" resolve
//! to "Yoko Kamikawa".

use std::collections::HashMap;

use super::lexicon::Lexicon;
use super::phrases::{Head, Phrase, analyse_name_run, place_at};
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
}

fn is_name_word(doc: &Doc, i: usize) -> bool {
    doc.tok(i).is_some_and(|t| t.kind == TokKind::Word && t.cap)
}

impl Entities {
    /// Collects the people named in `doc`: runs of two or more capitalised
    /// words that are not places or institutions, and later single-word
    /// references to them.
    pub fn collect(doc: &Doc, lex: &Lexicon) -> Entities {
        let mut ents = Entities::default();
        let mut singles: Vec<(usize, String)> = Vec::new();
        let n = doc.tokens.len();
        let mut i = 0;
        while i < n {
            if !is_name_word(doc, i) {
                i += 1;
                continue;
            }
            let start = i;
            let mut end = i + 1;
            while end < n {
                let initial_dot = doc.is_punct(end, ".")
                    && end + 1 < n
                    && is_name_word(doc, end + 1)
                    && doc.text(end - 1).chars().count() <= 4;
                let possessive = doc.tok(end).is_some_and(|t| t.kind == TokKind::Possessive)
                    && is_name_word(doc, end + 1);
                if is_name_word(doc, end) || initial_dot || possessive {
                    end += 1;
                } else {
                    break;
                }
            }
            i = end;
            if doc.quote_of(start).is_some() {
                continue;
            }
            let ph = analyse_name_run(doc, lex, start, end);
            if !matches!(ph.head, Head::Name) || ph.kind != SpeakerKind::Person {
                continue;
            }
            let Some(name) = ph.name.clone() else {
                continue;
            };
            let words: Vec<&str> = name.split_whitespace().collect();
            let plausible = words.iter().all(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars()
                        .all(|c| c.is_alphabetic() || c == '.' || c == '-' || c == '\'' || c == '’')
            }) && !words.iter().any(|w| {
                let l = w.to_lowercase();
                lex.places.contains_key(&l)
                    || lex.nouns.contains_key(&l)
                    || STOPS.contains(&l.as_str())
            });
            if !plausible {
                continue;
            }
            let name_end = end;
            if words.len() >= 2 && words.len() <= 4 {
                let id = ents.register(&name, &ph);
                ents.mentions.push((name_end - 1, id));
            } else if words.len() == 1 {
                singles.push((name_end - 1, name));
            }
        }
        for (pos, word) in singles {
            if let Some(id) = ents.by_word(&word) {
                ents.mentions.push((pos, id));
            }
        }
        ents.mentions.sort_unstable();
        ents
    }

    fn register(&mut self, name: &str, ph: &Phrase) -> usize {
        let key = name.to_lowercase();
        if let Some(&id) = self.by_name.get(&key) {
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
            name: name.to_owned(),
            words: key.split_whitespace().map(str::to_owned).collect(),
            title: ph.title.clone(),
            country: ph.country.clone(),
            gender: ph.gender,
            kind: SpeakerKind::Person,
            aliases,
        });
        let id = self.list.len() - 1;
        self.by_name.insert(key, id);
        id
    }

    /// The entity a single name word refers to: the person whose last (or
    /// else first) name it is.
    pub fn by_word(&self, word: &str) -> Option<usize> {
        let w = word.to_lowercase();
        self.list
            .iter()
            .position(|e| e.words.len() >= 2 && e.words.last() == Some(&w))
            .or_else(|| {
                self.list
                    .iter()
                    .position(|e| e.words.len() >= 2 && e.words.first() == Some(&w))
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
        if let Some(e) = self.list.get_mut(id) {
            let text = ph.text.trim().to_owned();
            if !e.aliases.contains(&text) {
                e.aliases.push(text);
            }
            if e.title.is_none() {
                e.title = ph.title.clone();
            }
            if e.country.is_none() {
                e.country = ph.country.clone();
            }
        }
        let at = self.mentions.partition_point(|&(p, _)| p <= pos);
        self.mentions.insert(at, (pos, id));
        id
    }

    /// The most recent person before token `pos` compatible with `gender`.
    pub fn recent_person(&self, pos: usize, gender: Option<char>, window: usize) -> Option<usize> {
        let at = self.mentions.partition_point(|&(p, _)| p < pos);
        self.mentions[..at]
            .iter()
            .rev()
            .take_while(|&&(p, _)| p + window >= pos)
            .map(|&(_, id)| id)
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
    (ph.start..ph.end).find_map(|i| place_at(doc, lex, i, ph.end).map(|m| m.code))
}
