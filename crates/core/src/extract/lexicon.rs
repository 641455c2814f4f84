//! The extractor's lexicons: reporting cues, titles, pronouns and speaker
//! nouns from `data/*.tsv`, plus the gazetteer's countries and topics turned
//! into lookup tables over lowercase words. Built once per [`Extractor`].
//!
//! [`Extractor`]: super::Extractor

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use crate::gazetteer::{FormKind, Gazetteer, rows};
use crate::model::{Act, SpeakerKind};

const VERBS_TSV: &str = include_str!("../../../../data/verbs.tsv");
const TITLES_TSV: &str = include_str!("../../../../data/titles.tsv");
const PRONOUNS_TSV: &str = include_str!("../../../../data/pronouns.tsv");
const SOURCES_TSV: &str = include_str!("../../../../data/sources.tsv");
const NOUNS_TSV: &str = include_str!("../../../../data/nouns.tsv");

/// One reporting cue form ("told", "called for", "according to").
#[derive(Debug, Clone)]
pub(crate) struct Cue {
    /// The words after the first one, lowercase ("for" in "called for").
    pub rest: Vec<String>,
    /// The speech act the cue implies.
    pub act: Act,
    /// May take an addressee object ("told Wang").
    pub obj: bool,
    /// May follow its content with the speaker after it ("..., said Wang").
    pub inv: bool,
    /// A belief or evidence verb that needs a clear subject.
    pub weak: bool,
    /// The speaker follows the cue ("according to X").
    pub src: bool,
    /// Reports only a quotation right next to it ("the sign read “…”",
    /// "“…,” the letter reads"); elsewhere the word means something else.
    pub quote: bool,
    /// The form is a present participle ("adding", "saying").
    pub participle: bool,
    /// An impression stated without a speaker ("seems", "is expected to").
    pub imp: bool,
    /// Any verb characterising its object with a quotation ("admires
    /// Putin as a “strong leader”"): the content ends with the quotation.
    pub as_quote: bool,
}

/// A title as it appears before a name.
#[derive(Debug, Clone)]
pub(crate) struct Title {
    /// Canonical form shown to users.
    pub canonical: String,
    /// Gender the title implies: `Some('m')`, `Some('f')` or `None`.
    pub gender: Option<char>,
}

/// A pronoun that may stand for a speaker.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Pronoun {
    /// `Some('m')`, `Some('f')` or `None`.
    pub gender: Option<char>,
    /// Plural ("they", "we").
    pub plural: bool,
    /// Grammatical person 1, 2 or 3.
    pub person: u8,
}

/// What kind of speaker a common noun names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NounKind {
    /// A described individual ("the spokesman").
    Person,
    /// An institution ("the ministry").
    Organization,
    /// An anonymous source ("officials").
    Unnamed,
    /// A text that "says" something ("the report").
    Document,
}

/// A speaker noun entry.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SourceNoun {
    /// Its kind.
    pub kind: NounKind,
    /// The form is plural.
    pub plural: bool,
}

impl SourceNoun {
    /// The speaker kind the noun gives, plural nouns of people being groups.
    pub fn speaker_kind(self, counted: bool) -> SpeakerKind {
        match self.kind {
            NounKind::Organization => SpeakerKind::Organization,
            NounKind::Person if self.plural => SpeakerKind::Group,
            NounKind::Person => SpeakerKind::Person,
            NounKind::Unnamed if self.plural && counted => SpeakerKind::Group,
            NounKind::Unnamed | NounKind::Document => SpeakerKind::Unnamed,
        }
    }
}

/// A place, people or institution phrase that names a country.
#[derive(Debug, Clone)]
pub(crate) struct PlaceName {
    /// The words after the first one, lowercase.
    pub rest: Vec<String>,
    /// ISO alpha-2 code (or an organisation's code).
    pub code: String,
    /// Whether the phrase is a demonym ("Japanese").
    pub demonym: bool,
    /// Whether the phrase also has a common meaning and needs care.
    pub ambiguous: bool,
    /// The form is an acronym that is a common word in lower case ("WHO",
    /// "US"): it counts only when written entirely in capitals.
    pub caps_only: bool,
}

/// A topic keyword phrase.
#[derive(Debug, Clone)]
pub(crate) struct TopicPhrase {
    /// The words after the first one, lowercase (the last may be a prefix).
    pub rest: Vec<String>,
    /// Whether the last word is a prefix (`*` in the data).
    pub prefix: bool,
    /// Index of the topic id in [`Lexicon::topic_ids`].
    pub topic: usize,
}

/// FNV-1a: the lexicon's keys are short lowercase words, looked up several
/// times per token, and come from the compiled-in data, not from input, so
/// a fast non-keyed hash serves better than the default SipHash.
#[derive(Clone, Copy)]
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0;
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A map keyed by lexicon words.
pub(crate) type WordMap<V> = HashMap<String, V, BuildHasherDefault<Fnv>>;

/// A set of lexicon words.
pub(crate) type WordSet = HashSet<String, BuildHasherDefault<Fnv>>;

/// Every lookup table the extractor needs.
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    /// Cue forms keyed by their first lowercase word.
    pub cues: WordMap<Vec<Cue>>,
    /// The cue of a verb outside the lexicon that characterises its object
    /// with a quotation ("hailed the deal as a “breakthrough”").
    pub as_quote: Option<Cue>,
    /// Titles keyed by their lowercase word sequence.
    pub titles: WordMap<Title>,
    /// The longest title in words.
    pub title_max_words: usize,
    /// First words of titles, for a quick test.
    pub title_first_words: WordSet,
    /// Pronouns by lowercase form.
    pub pronouns: WordMap<Pronoun>,
    /// Speaker nouns by lowercase form (single words and "white house").
    pub nouns: WordMap<SourceNoun>,
    /// Country, demonym, capital and metonym phrases keyed by first lowercase word.
    pub places: WordMap<Vec<PlaceName>>,
    /// Topic ids, in taxonomy order.
    pub topic_ids: Vec<String>,
    /// Whole-word topic keywords keyed by first word.
    pub topic_words: WordMap<Vec<TopicPhrase>>,
    /// Prefix topic keywords (single word, `*`), keyed by the prefix.
    pub topic_prefixes: WordMap<Vec<usize>>,
    /// Shortest and longest prefix length in bytes.
    pub prefix_len: (usize, usize),
    /// Institutions named by metonyms ("White House"), lowercase phrase to institution name.
    pub metonym_institutions: WordMap<String>,
    /// Nouns that report speech or thought ("claim", "warning"), with their
    /// act and whether they are a belief or feeling.
    pub cue_nouns: WordMap<(Act, bool)>,
    /// Nouns of a public reaction ("criticism", "praise") with their act.
    pub reaction_nouns: WordMap<Act>,
    /// Nouns of polls, data and records that show something.
    pub evidence_nouns: WordSet,
    /// Nouns of things put out that carry words (statements, videos, ads).
    pub document_nouns: WordSet,
}

fn parse_act(s: &str) -> Act {
    s.trim().parse().unwrap_or(Act::Statement)
}

fn lower_words(s: &str) -> Vec<String> {
    s.split_whitespace().map(str::to_lowercase).collect()
}

impl Lexicon {
    /// Builds the lexicon from the compiled-in data. Malformed rows are
    /// skipped so that extraction never fails; the data tests catch them.
    pub fn build() -> Lexicon {
        let mut lex = Lexicon::default();
        for (_, cells) in rows("verbs.tsv", VERBS_TSV, 2).unwrap_or_default() {
            let act = parse_act(cells.get(1).copied().unwrap_or(""));
            let flags = cells.get(2).copied().unwrap_or("");
            let has = |f: &str| flags.split(',').any(|x| x.trim() == f);
            for form in cells.first().copied().unwrap_or("").split('|') {
                let words = lower_words(form);
                let Some((first, rest)) = words.split_first() else {
                    continue;
                };
                let cue = Cue {
                    rest: rest.to_vec(),
                    act,
                    obj: has("obj"),
                    inv: has("inv"),
                    weak: has("weak"),
                    src: has("src"),
                    quote: has("quote"),
                    participle: first.ends_with("ing") && first.len() > 4,
                    imp: has("imp"),
                    as_quote: false,
                };
                lex.cues.entry(first.clone()).or_default().push(cue);
            }
        }
        lex.as_quote = Some(Cue {
            rest: Vec::new(),
            act: Act::Statement,
            obj: false,
            inv: false,
            weak: false,
            src: false,
            quote: false,
            participle: false,
            imp: false,
            as_quote: true,
        });
        // Longest forms first so that "called for" wins over "called".
        for list in lex.cues.values_mut() {
            list.sort_by_key(|c| std::cmp::Reverse(c.rest.len()));
        }
        for (_, cells) in rows("titles.tsv", TITLES_TSV, 2).unwrap_or_default() {
            let canonical = cells.first().copied().unwrap_or("").trim().to_owned();
            let gender = cells
                .get(2)
                .and_then(|g| g.trim().chars().next())
                .filter(|c| *c == 'm' || *c == 'f');
            let forms = cells.get(1).copied().unwrap_or("");
            for form in forms.split('|').chain(std::iter::once(canonical.as_str())) {
                let words = lower_words(form);
                if words.is_empty() {
                    continue;
                }
                lex.title_max_words = lex.title_max_words.max(words.len());
                if let Some(first) = words.first() {
                    lex.title_first_words.insert(first.clone());
                }
                lex.titles.insert(
                    words.join(" "),
                    Title {
                        canonical: canonical.clone(),
                        gender,
                    },
                );
            }
        }
        for (_, cells) in rows("pronouns.tsv", PRONOUNS_TSV, 4).unwrap_or_default() {
            let form = cells.first().copied().unwrap_or("").trim().to_lowercase();
            let gender = cells
                .get(1)
                .and_then(|g| g.trim().chars().next())
                .filter(|c| *c == 'm' || *c == 'f');
            let plural = cells.get(2).is_some_and(|n| n.trim() == "p");
            let person = cells
                .get(3)
                .and_then(|p| p.trim().parse().ok())
                .unwrap_or(3);
            lex.pronouns.insert(
                form,
                Pronoun {
                    gender,
                    plural,
                    person,
                },
            );
        }
        for (_, cells) in rows("sources.tsv", SOURCES_TSV, 3).unwrap_or_default() {
            let kind = match cells.get(2).map(|k| k.trim()) {
                Some("organization") => NounKind::Organization,
                Some("unnamed") => NounKind::Unnamed,
                Some("document") => NounKind::Document,
                _ => NounKind::Person,
            };
            let singular = cells.first().copied().unwrap_or("").trim().to_lowercase();
            for plural in cells.get(1).copied().unwrap_or("").split('|') {
                let plural = plural.trim().to_lowercase();
                if !plural.is_empty() {
                    lex.nouns
                        .entry(plural)
                        .or_insert(SourceNoun { kind, plural: true });
                }
            }
            lex.nouns.insert(
                singular,
                SourceNoun {
                    kind,
                    plural: false,
                },
            );
        }
        for (_, cells) in rows("nouns.tsv", NOUNS_TSV, 2).unwrap_or_default() {
            let act = parse_act(cells.get(2).copied().unwrap_or(""));
            let weak = cells.get(3).is_some_and(|f| f.trim() == "weak");
            let class = cells.get(1).map_or("", |c| c.trim());
            for form in cells.first().copied().unwrap_or("").split('|') {
                let form = form.trim().to_lowercase();
                if form.is_empty() {
                    continue;
                }
                match class {
                    "cue" => {
                        lex.cue_nouns.insert(form, (act, weak));
                    }
                    "reaction" => {
                        lex.reaction_nouns.insert(form, act);
                    }
                    "evidence" => {
                        lex.evidence_nouns.insert(form);
                    }
                    "document" => {
                        lex.document_nouns.insert(form);
                    }
                    _ => {}
                }
            }
        }
        lex.add_gazetteer(Gazetteer::get());
        lex
    }

    /// Adds one written form of a place. `ambiguous` marks forms that are
    /// also common words or names; an ambiguous form without lower-case
    /// letters is an acronym and must be written in capitals to count.
    fn add_place(&mut self, phrase: &str, code: &str, demonym: bool, ambiguous: bool) {
        let words = lower_words(&phrase.replace(['’'], "'"));
        let Some((first, rest)) = words.split_first() else {
            return;
        };
        let caps_only = ambiguous && !phrase.chars().any(char::is_lowercase);
        let list = self.places.entry(first.clone()).or_default();
        if let Some(existing) = list.iter_mut().find(|p| p.rest == rest) {
            // The same words under another entry: keep the first meaning but
            // remember that the form needs care.
            existing.ambiguous |= ambiguous;
            existing.caps_only |= caps_only;
            return;
        }
        list.push(PlaceName {
            rest: rest.to_vec(),
            code: code.to_owned(),
            demonym,
            ambiguous,
            caps_only,
        });
    }

    fn add_gazetteer(&mut self, g: &Gazetteer) {
        for form in g.country_forms() {
            // Bare ISO codes ("IN", "CAN") are mostly other words in news
            // text; the written abbreviations news uses are listed as aliases.
            if matches!(form.kind, FormKind::Code | FormKind::Alpha3) {
                continue;
            }
            let demonym = form.kind == FormKind::Demonym;
            self.add_place(form.text, &form.country.code, demonym, form.ambiguous);
        }
        for o in g.organizations() {
            self.add_place(&o.name, &o.code, false, o.is_ambiguous(&o.name));
            self.add_place(&o.code, &o.code, false, o.is_ambiguous(&o.code));
            for a in &o.aliases {
                let a = a.strip_prefix("the ").unwrap_or(a);
                self.add_place(a, &o.code, false, o.is_ambiguous(a));
            }
        }
        for m in g.metonyms() {
            self.add_place(&m.phrase, &m.country, false, m.ambiguous);
            self.metonym_institutions
                .insert(m.phrase.to_lowercase(), m.institution.clone());
        }
        let mut min_len = usize::MAX;
        let mut max_len = 0;
        for (ti, t) in g.topics().iter().enumerate() {
            self.topic_ids.push(t.id.clone());
            for k in &t.keywords {
                let (body, prefix) = match k.strip_suffix('*') {
                    Some(b) => (b, true),
                    None => (k.as_str(), false),
                };
                let words = lower_words(body);
                let Some((first, rest)) = words.split_first() else {
                    continue;
                };
                if prefix && rest.is_empty() {
                    min_len = min_len.min(first.len());
                    max_len = max_len.max(first.len());
                    self.topic_prefixes
                        .entry(first.clone())
                        .or_default()
                        .push(ti);
                } else {
                    self.topic_words
                        .entry(first.clone())
                        .or_default()
                        .push(TopicPhrase {
                            rest: rest.to_vec(),
                            prefix,
                            topic: ti,
                        });
                }
            }
        }
        self.prefix_len = if max_len == 0 {
            (1, 0)
        } else {
            (min_len, max_len)
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every lexicon file parses, and its act, flag and class cells hold
    /// known values: `build` skips what it cannot read, so a typo here
    /// would silently drop words.
    #[test]
    fn lexicon_files_hold_known_values() {
        let act_ok = |s: &str| s.trim().is_empty() || s.trim().parse::<Act>().is_ok();
        for (line, cells) in rows("verbs.tsv", VERBS_TSV, 2).unwrap() {
            assert!(act_ok(cells[1]), "verbs.tsv:{line}: act {:?}", cells[1]);
            for flag in cells.get(2).copied().unwrap_or("").split(',') {
                assert!(
                    matches!(
                        flag.trim(),
                        "" | "obj" | "inv" | "weak" | "src" | "imp" | "quote"
                    ),
                    "verbs.tsv:{line}: flag {flag:?}"
                );
            }
        }
        for (line, cells) in rows("nouns.tsv", NOUNS_TSV, 2).unwrap() {
            let class = cells[1].trim();
            assert!(
                matches!(class, "cue" | "reaction" | "evidence" | "document"),
                "nouns.tsv:{line}: class {class:?}"
            );
            let act = cells.get(2).copied().unwrap_or("");
            assert!(act_ok(act), "nouns.tsv:{line}: act {act:?}");
            assert_eq!(
                matches!(class, "cue" | "reaction"),
                !act.trim().is_empty(),
                "nouns.tsv:{line}: cue and reaction nouns need an act, the others none"
            );
            assert!(
                cells[0].split('|').all(|f| !f.trim().is_empty()),
                "nouns.tsv:{line}: empty form"
            );
        }
        for (line, cells) in rows("sources.tsv", SOURCES_TSV, 3).unwrap() {
            assert!(
                matches!(
                    cells[2].trim(),
                    "person" | "organization" | "unnamed" | "document"
                ),
                "sources.tsv:{line}: kind {:?}",
                cells[2]
            );
        }
        rows("titles.tsv", TITLES_TSV, 2).unwrap();
        rows("pronouns.tsv", PRONOUNS_TSV, 4).unwrap();
    }

    #[test]
    fn noun_classes_reach_the_lexicon() {
        let lex = Lexicon::build();
        assert_eq!(lex.cue_nouns.get("claim"), Some(&(Act::Statement, false)));
        assert_eq!(lex.cue_nouns.get("fears"), Some(&(Act::Warning, true)));
        assert_eq!(lex.reaction_nouns.get("backlash"), Some(&Act::Criticism));
        assert!(lex.evidence_nouns.contains("poll"));
        assert!(lex.document_nouns.contains("tweet"));
    }
}
