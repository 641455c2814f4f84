//! Compiled-in gazetteers: countries (ISO 3166-1 codes, names, short names,
//! demonyms, capitals), international organisations, government seats used
//! as metonyms, and the topic taxonomy. The data lives in `data/*.tsv`.
//!
//! File format: UTF-8, tab-separated, `#` starts a comment line, the first
//! non-comment line is a header; list cells are `|`-separated. Each file's
//! header comment documents its columns.
//!
//! Resolving what a user typed ([`Gazetteer::resolve_country`],
//! [`Gazetteer::resolve_code`]) ignores case, dots, diacritics, hyphens and a
//! leading "the", with one exception: a form listed as ambiguous and written
//! without lowercase letters in the data (a code or acronym such as `US`,
//! `IN`, `CAN` or `WHO`) resolves only when typed in capitals or with its
//! dots ("U.S."), so that the pronoun "us" or the word "can" never becomes a
//! country.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::{Error, Result};

const COUNTRIES_TSV: &str = include_str!("../../../data/countries.tsv");
const ORGANIZATIONS_TSV: &str = include_str!("../../../data/organizations.tsv");
const METONYMS_TSV: &str = include_str!("../../../data/metonyms.tsv");
const TOPICS_TSV: &str = include_str!("../../../data/topics.tsv");

/// A country or territory of ISO 3166-1 (plus Kosovo, `XK`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    /// Alpha-2 code ("JP").
    pub code: String,
    /// Alpha-3 code ("JPN").
    pub alpha3: String,
    /// Common English name, as news writes it ("Japan", "South Korea").
    pub name: String,
    /// Official names, other names and abbreviations ("Nippon", "U.S.").
    pub aliases: Vec<String>,
    /// Demonyms and adjectives ("Japanese", "Briton", "Britons").
    pub demonyms: Vec<String>,
    /// Capitals and seats of government, usable as metonyms for the
    /// government ("Tokyo", "Kyiv", "Kiev").
    pub capitals: Vec<String>,
    /// The forms of this row (codes, name, aliases, demonyms or capitals,
    /// spelled exactly as in those fields) that are also common English
    /// words, personal names or other places ("Jordan", "Turkey",
    /// "Kingston", "US"), so that a match in text needs context to be
    /// trusted. A form without lowercase letters here is a code or acronym
    /// that is a common word in lowercase ("US", "IN"): it resolves only when
    /// written in capitals. Parts of longer names ("Korea" inside "North
    /// Korea") are not listed: a text matcher should prefer the longest match.
    pub ambiguous: Vec<String>,
}

impl Country {
    /// Whether `form` is one of this country's ambiguous forms, compared
    /// ignoring case, dots and diacritics.
    pub fn is_ambiguous(&self, form: &str) -> bool {
        let key = normalize(form);
        self.ambiguous.iter().any(|a| normalize(a) == key)
    }

    /// Every way this country is written, with what kind of form it is, in
    /// field order (codes, name, aliases, demonyms, capitals).
    pub fn forms(&self) -> impl Iterator<Item = (FormKind, &str)> {
        [
            (FormKind::Code, self.code.as_str()),
            (FormKind::Alpha3, self.alpha3.as_str()),
            (FormKind::Name, self.name.as_str()),
        ]
        .into_iter()
        .chain(self.aliases.iter().map(|a| (FormKind::Alias, a.as_str())))
        .chain(
            self.demonyms
                .iter()
                .map(|d| (FormKind::Demonym, d.as_str())),
        )
        .chain(
            self.capitals
                .iter()
                .map(|c| (FormKind::Capital, c.as_str())),
        )
    }
}

/// Which field of a [`Country`] a written form comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FormKind {
    /// The alpha-2 code.
    Code,
    /// The alpha-3 code.
    Alpha3,
    /// The common name.
    Name,
    /// An alias.
    Alias,
    /// A demonym or adjective.
    Demonym,
    /// A capital or seat of government.
    Capital,
}

/// One written form of a country, as yielded by [`Gazetteer::country_forms`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CountryForm<'a> {
    /// The country the form names.
    pub country: &'a Country,
    /// Which field the form comes from.
    pub kind: FormKind,
    /// The form exactly as in the data ("U.S.", "South Korean").
    pub text: &'a str,
    /// Whether the form is listed in [`Country::ambiguous`].
    pub ambiguous: bool,
}

/// An international organisation or bloc, which speaks under its own code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organization {
    /// Short code used wherever a country code would be ("EU", "ASEAN");
    /// upper-case letters, digits and hyphens, never an ISO 3166-1 code
    /// (the African Union is "AFRICAN-UNION", since "AU" is Australia).
    pub code: String,
    /// Full name ("European Union").
    pub name: String,
    /// Other names and abbreviations ("Association of South East Asian
    /// Nations", "UN Security Council").
    pub aliases: Vec<String>,
    /// The forms of this row that are also common words or stand for
    /// something else ("WHO", "ICC", "Commonwealth"); same rules as
    /// [`Country::ambiguous`].
    pub ambiguous: Vec<String>,
}

impl Organization {
    /// Whether `form` is one of this organisation's ambiguous forms,
    /// compared ignoring case, dots and diacritics.
    pub fn is_ambiguous(&self, form: &str) -> bool {
        let key = normalize(form);
        self.ambiguous.iter().any(|a| normalize(a) == key)
    }
}

/// A place or building that stands for a government ("the Kremlin").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Metonym {
    /// The phrase as written, without a leading "the" ("Kremlin",
    /// "Downing Street").
    pub phrase: String,
    /// The country it stands for (alpha-2), or an organisation's code
    /// ("EU" for "Berlaymont").
    pub country: String,
    /// The institution it stands for ("Russian presidency").
    pub institution: String,
    /// Whether the phrase often means something else too (a district, a
    /// generic building name such as "Chancellery"), so that it needs
    /// context.
    pub ambiguous: bool,
}

/// A topic of the taxonomy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Topic {
    /// Lowercase-kebab id ("export-controls").
    pub id: String,
    /// Human label ("Export controls").
    pub label: String,
    /// Lowercase keywords and phrases; a trailing `*` matches any word ending.
    pub keywords: Vec<String>,
}

/// Where a normalised name points, and what a query must look like to use it.
#[derive(Debug, Clone, Copy)]
struct NameEntry {
    /// Index into the countries or organisations.
    index: usize,
    /// The name comes from a form that is an ambiguous code or acronym
    /// ("US"), so the query must be written in capitals or with dots.
    guarded: bool,
    /// The owner also writes this name with dots ("U.S."), which lets a
    /// dotted query through the guard.
    dotted: bool,
}

/// All gazetteers, parsed once.
#[derive(Debug)]
pub struct Gazetteer {
    countries: Vec<Country>,
    organizations: Vec<Organization>,
    metonyms: Vec<Metonym>,
    topics: Vec<Topic>,
    by_name: HashMap<String, NameEntry>,
    org_by_name: HashMap<String, NameEntry>,
}

impl Gazetteer {
    /// The compiled-in gazetteer. Panics only if a data file is malformed,
    /// which the crate's tests rule out.
    pub fn get() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| Gazetteer::parse().expect("compiled-in data files are valid"))
    }

    /// Parses and checks the compiled-in data files: codes well-formed and
    /// unique, ambiguous forms taken from their own row, metonyms pointing at
    /// known codes, topic ids lowercase-kebab and unique.
    pub fn parse() -> Result<Gazetteer> {
        let countries = parse_countries()?;
        let organizations = parse_organizations(&countries)?;
        let metonyms = parse_metonyms(&countries, &organizations)?;
        let topics = parse_topics()?;
        let by_name = country_names(&countries);
        let org_by_name = organization_names(&organizations);
        Ok(Gazetteer {
            countries,
            organizations,
            metonyms,
            topics,
            by_name,
            org_by_name,
        })
    }

    /// Every country, in file order (alphabetical by alpha-2 code).
    pub fn countries(&self) -> &[Country] {
        &self.countries
    }

    /// Every written form of every country, for building text matchers.
    pub fn country_forms(&self) -> impl Iterator<Item = CountryForm<'_>> {
        self.countries.iter().flat_map(|country| {
            country.forms().map(move |(kind, text)| CountryForm {
                country,
                kind,
                text,
                ambiguous: country.ambiguous.iter().any(|a| a == text),
            })
        })
    }

    /// Every organisation.
    pub fn organizations(&self) -> &[Organization] {
        &self.organizations
    }

    /// Every government-seat metonym.
    pub fn metonyms(&self) -> &[Metonym] {
        &self.metonyms
    }

    /// The topic taxonomy.
    pub fn topics(&self) -> &[Topic] {
        &self.topics
    }

    /// The country with this alpha-2 code (any case).
    pub fn country_by_code(&self, code: &str) -> Option<&Country> {
        self.countries
            .iter()
            .find(|c| c.code.eq_ignore_ascii_case(code))
    }

    /// The organisation with this code (any case).
    pub fn organization_by_code(&self, code: &str) -> Option<&Organization> {
        self.organizations
            .iter()
            .find(|o| o.code.eq_ignore_ascii_case(code))
    }

    /// Resolves what a user typed to a country: an alpha-2 or alpha-3 code,
    /// the name, an alias or a demonym, ignoring case, dots, diacritics,
    /// hyphens and a leading "the"; failing those, a capital ("kyiv"), unless
    /// the capital is ambiguous ("Kingston", "Victoria"). Ambiguous codes and
    /// acronyms resolve only in capitals or with dots: "US", "U.S." and
    /// "u.s." are the United States, "us" is nothing. When several countries
    /// share a form ("Congolese"), the one for which it is not ambiguous wins.
    /// Metonyms ("Kremlin") are not resolved here: see [`Gazetteer::metonym`].
    pub fn resolve_country(&self, query: &str) -> Option<&Country> {
        lookup(&self.by_name, query).and_then(|i| self.countries.get(i))
    }

    /// Resolves what a user typed to an organisation: its code, name or an
    /// alias, with the same rules as [`Gazetteer::resolve_country`].
    pub fn resolve_organization(&self, query: &str) -> Option<&Organization> {
        lookup(&self.org_by_name, query).and_then(|i| self.organizations.get(i))
    }

    /// Resolves a country filter value to the code stored with statements:
    /// a country's alpha-2 code, or else an organisation's own code. A
    /// country wins over an organisation that shares the form ("AU" is
    /// Australia; "African Union" is `AFRICAN-UNION`).
    pub fn resolve_code(&self, query: &str) -> Option<String> {
        if let Some(c) = self.resolve_country(query) {
            return Some(c.code.clone());
        }
        self.resolve_organization(query).map(|o| o.code.clone())
    }

    /// The metonym written as `phrase` ("Kremlin", "the Élysée",
    /// "elysee palace"), ignoring case, dots, diacritics and a leading "the".
    pub fn metonym(&self, phrase: &str) -> Option<&Metonym> {
        let key = normalize(phrase);
        self.metonyms.iter().find(|m| normalize(&m.phrase) == key)
    }

    /// The topic with this id.
    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.id == id)
    }
}

fn parse_countries() -> Result<Vec<Country>> {
    const FILE: &str = "countries.tsv";
    let mut countries: Vec<Country> = Vec::new();
    let mut codes = HashSet::new();
    for (line, cells) in rows(FILE, COUNTRIES_TSV, 6)? {
        let cell = |i: usize| cells.get(i).copied().unwrap_or("").trim();
        let country = Country {
            code: cell(0).to_owned(),
            alpha3: cell(1).to_owned(),
            name: cell(2).to_owned(),
            aliases: list(cell(3)),
            demonyms: list(cell(4)),
            capitals: list(cell(5)),
            ambiguous: list(cell(6)),
        };
        let fail = |message: String| Error::Data {
            file: FILE,
            line,
            message,
        };
        if !is_upper_code(&country.code, 2) {
            return Err(fail(format!(
                "alpha-2 code {:?} is not two capitals",
                country.code
            )));
        }
        if !is_upper_code(&country.alpha3, 3) {
            return Err(fail(format!(
                "alpha-3 code {:?} is not three capitals",
                country.alpha3
            )));
        }
        if country.name.is_empty() {
            return Err(fail("empty name".to_owned()));
        }
        for code in [&country.code, &country.alpha3] {
            if !codes.insert(code.clone()) {
                return Err(fail(format!("duplicate code {code}")));
            }
        }
        if let Some(stray) = country
            .ambiguous
            .iter()
            .find(|a| !country.forms().any(|(_, f)| f == a.as_str()))
        {
            return Err(fail(format!(
                "ambiguous form {stray:?} is not a form of this row"
            )));
        }
        countries.push(country);
    }
    Ok(countries)
}

fn parse_organizations(countries: &[Country]) -> Result<Vec<Organization>> {
    const FILE: &str = "organizations.tsv";
    let mut organizations: Vec<Organization> = Vec::new();
    for (line, cells) in rows(FILE, ORGANIZATIONS_TSV, 3)? {
        let cell = |i: usize| cells.get(i).copied().unwrap_or("").trim();
        let org = Organization {
            code: cell(0).to_owned(),
            name: cell(1).to_owned(),
            aliases: list(cell(2)),
            ambiguous: list(cell(3)),
        };
        let fail = |message: String| Error::Data {
            file: FILE,
            line,
            message,
        };
        let well_formed = !org.code.is_empty()
            && org
                .code
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-');
        if !well_formed {
            return Err(fail(format!(
                "code {:?} is not upper-case letters, digits and hyphens",
                org.code
            )));
        }
        if countries
            .iter()
            .any(|c| c.code == org.code || c.alpha3 == org.code)
        {
            return Err(fail(format!("code {} is a country code", org.code)));
        }
        if organizations.iter().any(|o| o.code == org.code) {
            return Err(fail(format!("duplicate code {}", org.code)));
        }
        if let Some(stray) = org
            .ambiguous
            .iter()
            .find(|a| **a != org.code && **a != org.name && !org.aliases.contains(a))
        {
            return Err(fail(format!(
                "ambiguous form {stray:?} is not a form of this row"
            )));
        }
        organizations.push(org);
    }
    Ok(organizations)
}

fn parse_metonyms(countries: &[Country], organizations: &[Organization]) -> Result<Vec<Metonym>> {
    const FILE: &str = "metonyms.tsv";
    let mut metonyms = Vec::new();
    for (line, cells) in rows(FILE, METONYMS_TSV, 3)? {
        let cell = |i: usize| cells.get(i).copied().unwrap_or("").trim();
        let fail = |message: String| Error::Data {
            file: FILE,
            line,
            message,
        };
        let ambiguous = match cell(3) {
            "" => false,
            "yes" => true,
            other => {
                return Err(fail(format!(
                    "ambiguous must be \"yes\" or empty, not {other:?}"
                )));
            }
        };
        let metonym = Metonym {
            phrase: cell(0).to_owned(),
            country: cell(1).to_owned(),
            institution: cell(2).to_owned(),
            ambiguous,
        };
        let known = countries.iter().any(|c| c.code == metonym.country)
            || organizations.iter().any(|o| o.code == metonym.country);
        if !known {
            return Err(fail(format!(
                "unknown country or organisation {:?}",
                metonym.country
            )));
        }
        if metonym.phrase.is_empty() {
            return Err(fail("empty phrase".to_owned()));
        }
        metonyms.push(metonym);
    }
    Ok(metonyms)
}

fn parse_topics() -> Result<Vec<Topic>> {
    const FILE: &str = "topics.tsv";
    let mut topics: Vec<Topic> = Vec::new();
    for (line, cells) in rows(FILE, TOPICS_TSV, 3)? {
        let cell = |i: usize| cells.get(i).copied().unwrap_or("").trim();
        let topic = Topic {
            id: cell(0).to_owned(),
            label: cell(1).to_owned(),
            keywords: list(cell(2))
                .into_iter()
                .map(|k| k.to_lowercase())
                .collect(),
        };
        let fail = |message: String| Error::Data {
            file: FILE,
            line,
            message,
        };
        if !is_kebab(&topic.id) {
            return Err(fail(format!(
                "topic id {:?} is not lowercase-kebab",
                topic.id
            )));
        }
        if topics.iter().any(|t| t.id == topic.id) {
            return Err(fail(format!("duplicate topic id {}", topic.id)));
        }
        if topic.keywords.is_empty() {
            return Err(fail(format!("topic {} has no keywords", topic.id)));
        }
        if let Some(bad) = topic
            .keywords
            .iter()
            .find(|k| k.trim_end_matches('*').contains('*') || *k == "*")
        {
            return Err(fail(format!(
                "keyword {bad:?} has a `*` that is not a word ending"
            )));
        }
        topics.push(topic);
    }
    Ok(topics)
}

/// How strongly a country claims a normalised name: lower is stronger.
/// Names, aliases, demonyms and codes beat capitals; a form that is not
/// ambiguous beats one that is; then file order decides.
type Claim = (u8, bool, usize);

fn country_names(countries: &[Country]) -> HashMap<String, NameEntry> {
    let mut claims: HashMap<String, (Claim, NameEntry)> = HashMap::new();
    for (index, country) in countries.iter().enumerate() {
        let mut own: HashMap<String, (Claim, NameEntry)> = HashMap::new();
        for (kind, form) in country.forms() {
            let ambiguous = country.ambiguous.iter().any(|a| a == form);
            if kind == FormKind::Capital && country.is_ambiguous(form) {
                // An ambiguous capital ("Kingston", and "Malé" since it is
                // written "Male" too) is too weak to stand for a country on
                // its own in a filter.
                continue;
            }
            let tier = u8::from(kind == FormKind::Capital);
            add_claim(&mut own, form, (tier, ambiguous, index), ambiguous, index);
        }
        merge_claims(&mut claims, own);
    }
    claims.into_iter().map(|(k, (_, e))| (k, e)).collect()
}

fn organization_names(organizations: &[Organization]) -> HashMap<String, NameEntry> {
    let mut claims: HashMap<String, (Claim, NameEntry)> = HashMap::new();
    for (index, org) in organizations.iter().enumerate() {
        let mut own: HashMap<String, (Claim, NameEntry)> = HashMap::new();
        for form in [&org.code, &org.name].into_iter().chain(&org.aliases) {
            let ambiguous = org.ambiguous.contains(form);
            add_claim(&mut own, form, (0, ambiguous, index), ambiguous, index);
        }
        merge_claims(&mut claims, own);
    }
    claims.into_iter().map(|(k, (_, e))| (k, e)).collect()
}

/// Adds one form of one owner. Within an owner, a name is guarded if any
/// form that produces it is an ambiguous code or acronym ("US"), and dotted
/// if any of them is written with dots ("U.S.").
fn add_claim(
    own: &mut HashMap<String, (Claim, NameEntry)>,
    form: &str,
    claim: Claim,
    ambiguous: bool,
    index: usize,
) {
    let key = normalize(form);
    if key.is_empty() {
        return;
    }
    let guarded = ambiguous && !form.chars().any(char::is_lowercase);
    let dotted = form.contains('.');
    own.entry(key)
        .and_modify(|(best, entry)| {
            *best = (*best).min(claim);
            entry.guarded |= guarded;
            entry.dotted |= dotted;
        })
        .or_insert((
            claim,
            NameEntry {
                index,
                guarded,
                dotted,
            },
        ));
}

fn merge_claims(
    claims: &mut HashMap<String, (Claim, NameEntry)>,
    own: HashMap<String, (Claim, NameEntry)>,
) {
    for (key, (claim, entry)) in own {
        match claims.get(&key) {
            Some((best, _)) if *best <= claim => {}
            _ => {
                claims.insert(key, (claim, entry));
            }
        }
    }
}

fn lookup(names: &HashMap<String, NameEntry>, query: &str) -> Option<usize> {
    let entry = names.get(&normalize(query))?;
    if entry.guarded {
        let written = strip_article(query.trim());
        let capitals = !written.chars().any(char::is_lowercase);
        let dotted = entry.dotted && written.contains('.');
        if !capitals && !dotted {
            return None;
        }
    }
    Some(entry.index)
}

/// `s` without a leading "the " in any case.
fn strip_article(s: &str) -> &str {
    match s.get(..4) {
        Some(head) if head.eq_ignore_ascii_case("the ") => s.get(4..).unwrap_or(s).trim_start(),
        _ => s,
    }
}

/// The lookup key of a name: lowercase, no leading "the", no dots, Latin
/// diacritics folded, curly apostrophes straightened, hyphens as spaces,
/// whitespace collapsed. "the U.S." and "us" share a key; the guard in
/// `lookup` tells them apart.
pub(crate) fn normalize(s: &str) -> String {
    let s = strip_article(s.trim());
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        match c {
            '.' => {}
            '-' | '\u{2010}' | '\u{2011}' | '\u{2013}' => out.push(' '),
            '\u{2019}' | '\u{2018}' | '\u{02bb}' | '`' => out.push('\''),
            _ => out.push(fold_diacritic(c)),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The base letter of a lowercase Latin letter with a diacritic, so that
/// "Côte d'Ivoire" and "Cote d'Ivoire" meet.
fn fold_diacritic(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' => 'i',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => 'u',
        'ý' | 'ÿ' => 'y',
        'ś' | 'š' | 'ș' | 'ş' => 's',
        'ť' | 'ț' | 'ţ' => 't',
        'ź' | 'ż' | 'ž' => 'z',
        'ł' => 'l',
        'ř' => 'r',
        'ğ' => 'g',
        'ı' => 'i',
        _ => c,
    }
}

fn is_upper_code(code: &str, len: usize) -> bool {
    code.len() == len && code.chars().all(|c| c.is_ascii_uppercase())
}

fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn list(cell: &str) -> Vec<String> {
    cell.split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The data rows of a TSV file (header and comments skipped), each with its
/// 1-based line number, checked to have at least `min_cells` cells. Cells
/// past `min_cells` are optional and may be absent.
pub(crate) fn rows<'a>(
    file: &'static str,
    text: &'a str,
    min_cells: usize,
) -> Result<Vec<(usize, Vec<&'a str>)>> {
    let mut out = Vec::new();
    let mut header_seen = false;
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if !header_seen {
            header_seen = true;
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        if cells.len() < min_cells {
            return Err(Error::Data {
                file,
                line: i + 1,
                message: format!(
                    "expected {min_cells} tab-separated cells, found {}",
                    cells.len()
                ),
            });
        }
        out.push((i + 1, cells));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gazetteer() -> &'static Gazetteer {
        Gazetteer::get()
    }

    #[test]
    fn data_files_parse() {
        let g = Gazetteer::parse().unwrap();
        assert!(g.countries().len() >= 249);
        assert!(g.organizations().len() >= 40);
        assert!(g.metonyms().len() >= 40);
        assert!(g.topics().len() >= 30);
    }

    #[test]
    fn every_iso_country_is_present_once() {
        let g = gazetteer();
        let alpha2: HashSet<&str> = g.countries().iter().map(|c| c.code.as_str()).collect();
        let alpha3: HashSet<&str> = g.countries().iter().map(|c| c.alpha3.as_str()).collect();
        assert_eq!(
            alpha2.len(),
            g.countries().len(),
            "alpha-2 codes are unique"
        );
        assert_eq!(
            alpha3.len(),
            g.countries().len(),
            "alpha-3 codes are unique"
        );
        // 249 ISO 3166-1 entries plus Kosovo.
        assert_eq!(g.countries().len(), 250);
        for code in [
            "GB", "KR", "KP", "TW", "PS", "XK", "VA", "SS", "AQ", "UM", "BQ",
        ] {
            assert!(alpha2.contains(code), "{code} is present");
        }
        assert!(!alpha2.contains("UK"), "the United Kingdom is GB");
    }

    #[test]
    fn country_codes_match_their_names() {
        let g = gazetteer();
        let check = |alpha2: &str, alpha3: &str, name: &str| {
            let c = g.country_by_code(alpha2).unwrap();
            assert_eq!((c.alpha3.as_str(), c.name.as_str()), (alpha3, name));
        };
        check("GB", "GBR", "United Kingdom");
        check("KR", "KOR", "South Korea");
        check("KP", "PRK", "North Korea");
        check("TW", "TWN", "Taiwan");
        check("PS", "PSE", "Palestine");
        check("CI", "CIV", "Ivory Coast");
        check("CZ", "CZE", "Czechia");
        check("RU", "RUS", "Russia");
        check("IR", "IRN", "Iran");
        check("SY", "SYR", "Syria");
        check("VN", "VNM", "Vietnam");
        check("XK", "XKX", "Kosovo");
    }

    #[test]
    fn resolve_country_accepts_codes_names_aliases_and_demonyms() {
        let g = gazetteer();
        let check = |query: &str, expected: Option<&str>| {
            let got = g.resolve_country(query).map(|c| c.code.as_str());
            assert_eq!(got, expected, "resolve_country({query:?})");
        };
        check("JP", Some("JP"));
        check("jp", Some("JP"));
        check("JPN", Some("JP"));
        check("japan", Some("JP"));
        check("Japanese", Some("JP"));
        check("U.S.", Some("US"));
        check("u.s.", Some("US"));
        check("the U.S.", Some("US"));
        check("US", Some("US"));
        check("USA", Some("US"));
        check("usa", Some("US"));
        check("America", Some("US"));
        check("Americans", Some("US"));
        check("Britain", Some("GB"));
        check("UK", Some("GB"));
        check("uk", Some("GB"));
        check("Britons", Some("GB"));
        check("South Korean", Some("KR"));
        check("south korea", Some("KR"));
        check("Korea", Some("KR"));
        check("ROK", Some("KR"));
        check("DPRK", Some("KP"));
        check("North Korean", Some("KP"));
        check("PRC", Some("CN"));
        check("Sino", Some("CN"));
        check("Russian Federation", Some("RU"));
        check("Côte d'Ivoire", Some("CI"));
        check("cote d’ivoire", Some("CI"));
        check("Holland", Some("NL"));
        check("the Netherlands", Some("NL"));
        check("Türkiye", Some("TR"));
        check("turkiye", Some("TR"));
        check("Timor Leste", Some("TL"));
        check("Chinese Taipei", Some("TW"));
        check("Kosovo", Some("XK"));
        check("Atlantis", None);
        check("", None);
        check("   ", None);
    }

    #[test]
    fn resolve_country_keeps_common_words_out() {
        let g = gazetteer();
        let check = |query: &str, expected: Option<&str>| {
            let got = g.resolve_country(query).map(|c| c.code.as_str());
            assert_eq!(got, expected, "resolve_country({query:?})");
        };
        check("us", None);
        check("Us", None);
        check("the us", None);
        check("in", None);
        check("IN", Some("IN"));
        check("it", None);
        check("IT", Some("IT"));
        check("can", None);
        check("CAN", Some("CA"));
        check("no", None);
        check("NO", Some("NO"));
        check("me", None);
        check("Sen.", None);
        check("SEN", Some("SN"));
        // Ambiguous names that are not acronyms still resolve: a filter
        // value of "jordan" means the country.
        check("jordan", Some("JO"));
        check("Chad", Some("TD"));
        check("turkey", Some("TR"));
        check("Georgia", Some("GE"));
    }

    #[test]
    fn resolve_country_falls_back_to_unambiguous_capitals() {
        let g = gazetteer();
        let check = |query: &str, expected: Option<&str>| {
            let got = g.resolve_country(query).map(|c| c.code.as_str());
            assert_eq!(got, expected, "resolve_country({query:?})");
        };
        check("kyiv", Some("UA"));
        check("Kiev", Some("UA"));
        check("Beijing", Some("CN"));
        check("Washington", Some("US"));
        check("Washington, D.C.", Some("US"));
        check("New Delhi", Some("IN"));
        check("Brasilia", Some("BR"));
        check("Bogotá", Some("CO"));
        check("The Hague", None);
        check("Kingston", None);
        check("Victoria", None);
        check("Male", None);
        check("Lima", None);
        // A capital named like its country is still the country.
        check("Singapore", Some("SG"));
        check("Djibouti", Some("DJ"));
    }

    #[test]
    fn shared_forms_go_to_the_country_that_owns_them_unambiguously() {
        let g = gazetteer();
        let check = |query: &str, expected: &str| {
            assert_eq!(g.resolve_country(query).unwrap().code, expected, "{query}");
        };
        check("Congolese", "CD");
        check("Congo", "CD");
        check("Republic of the Congo", "CG");
        check("Dominican", "DO");
        check("Dominica", "DM");
    }

    #[test]
    fn every_shared_form_is_ambiguous_for_all_but_one_country() {
        let g = gazetteer();
        let mut owners: HashMap<String, Vec<(&str, bool)>> = HashMap::new();
        for country in g.countries() {
            let mut seen = HashSet::new();
            for (_, form) in country.forms() {
                let key = normalize(form);
                if seen.insert(key.clone()) {
                    owners
                        .entry(key)
                        .or_default()
                        .push((&country.code, country.is_ambiguous(form)));
                }
            }
        }
        for (key, list) in owners.into_iter().filter(|(_, l)| l.len() > 1) {
            let clear = list.iter().filter(|(_, ambiguous)| !ambiguous).count();
            assert!(
                clear <= 1,
                "{key:?} is claimed without ambiguity by {list:?}"
            );
        }
    }

    #[test]
    fn ambiguous_forms_are_flagged_in_country_forms() {
        let g = gazetteer();
        let flagged = |text: &str, code: &str| {
            g.country_forms()
                .find(|f| f.text == text && f.country.code == code)
                .map(|f| f.ambiguous)
        };
        assert_eq!(flagged("Jordan", "JO"), Some(true));
        assert_eq!(flagged("US", "US"), Some(true));
        assert_eq!(flagged("U.S.", "US"), Some(false));
        assert_eq!(flagged("Kingston", "JM"), Some(true));
        assert_eq!(flagged("Tokyo", "JP"), Some(false));
        assert!(g.country_by_code("TR").unwrap().is_ambiguous("turkey"));
        assert!(!g.country_by_code("TR").unwrap().is_ambiguous("Türkiye"));
    }

    #[test]
    fn resolve_code_covers_countries_and_organizations() {
        let g = gazetteer();
        let check = |query: &str, expected: Option<&str>| {
            assert_eq!(
                g.resolve_code(query).as_deref(),
                expected,
                "resolve_code({query:?})"
            );
        };
        check("ASEAN", Some("ASEAN"));
        check("asean", Some("ASEAN"));
        check("Japan", Some("JP"));
        check("U.N.", Some("UN"));
        check("the Security Council", Some("UNSC"));
        check("European Commission", Some("EU"));
        check("AU", Some("AU"));
        check("African Union", Some("AFRICAN-UNION"));
        check("WHO", Some("WHO"));
        check("who", None);
        check("World Health Organization", Some("WHO"));
        check("us", None);
        check("World Bank", Some("WORLD-BANK"));
        check("G-7", Some("G7"));
        check("NATO", Some("NATO"));
        check("Nato", Some("NATO"));
    }

    #[test]
    fn organization_codes_are_unique_and_distinct_from_countries() {
        let g = gazetteer();
        let codes: HashSet<&str> = g.organizations().iter().map(|o| o.code.as_str()).collect();
        assert_eq!(codes.len(), g.organizations().len());
        for code in [
            "UN",
            "EU",
            "NATO",
            "ASEAN",
            "G7",
            "G20",
            "AFRICAN-UNION",
            "OPEC",
            "WTO",
            "WHO",
            "IMF",
            "IAEA",
            "OSCE",
            "SCO",
            "BRICS",
            "QUAD",
            "GCC",
            "ARAB-LEAGUE",
            "OAS",
            "APEC",
            "ICC",
            "ICJ",
            "UNSC",
            "UNHRC",
            "WORLD-BANK",
            "MERCOSUR",
            "ECOWAS",
            "CARICOM",
            "COMMONWEALTH",
            "INTERPOL",
            "OECD",
            "COE",
            "AUKUS",
            "CSTO",
            "EAEU",
        ] {
            assert!(codes.contains(code), "{code} is present");
            assert!(
                g.country_by_code(code).is_none(),
                "{code} is not a country code"
            );
        }
        assert_eq!(
            g.organization_by_code("asean").unwrap().name,
            "Association of Southeast Asian Nations"
        );
    }

    #[test]
    fn organization_forms_shared_with_countries_are_ambiguous() {
        // "AU" is Australia's code and the African Union's abbreviation: the
        // organisation must flag it, since resolve_code prefers the country.
        let g = gazetteer();
        for org in g.organizations() {
            for form in [&org.code, &org.name].into_iter().chain(&org.aliases) {
                if let Some(country) = g.resolve_country(form) {
                    assert!(
                        org.is_ambiguous(form),
                        "{form:?} of {} also resolves to {}",
                        org.code,
                        country.code
                    );
                }
            }
        }
    }

    #[test]
    fn metonyms_point_at_known_countries_or_organizations() {
        let g = gazetteer();
        for m in g.metonyms() {
            let known = g.country_by_code(&m.country).is_some()
                || g.organization_by_code(&m.country).is_some();
            assert!(known, "{} -> {}", m.phrase, m.country);
        }
        let check = |phrase: &str, country: &str| {
            assert_eq!(g.metonym(phrase).unwrap().country, country, "{phrase}");
        };
        check("Kremlin", "RU");
        check("the Kremlin", "RU");
        check("White House", "US");
        check("Foggy Bottom", "US");
        check("Downing Street", "GB");
        check("Élysée", "FR");
        check("Zhongnanhai", "CN");
        check("Berlaymont", "EU");
        assert!(g.metonym("Chancellery").unwrap().ambiguous);
        assert!(!g.metonym("Kremlin").unwrap().ambiguous);
        assert!(g.metonym("Atlantis Palace").is_none());
    }

    #[test]
    fn topics_cover_the_taxonomy_with_kebab_ids() {
        let g = gazetteer();
        let ids: HashSet<&str> = g.topics().iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids.len(), g.topics().len(), "topic ids are unique");
        for id in [
            "bilateral-relations",
            "trade",
            "export-controls",
            "semiconductors",
            "food-safety",
            "nuclear",
            "detentions",
            "territorial-disputes",
            "security",
            "investment",
            "climate",
            "human-rights",
            "health",
            "energy",
            "sanctions",
            "migration",
            "elections",
            "military",
        ] {
            assert!(g.topic(id).is_some(), "topic {id} exists");
        }
        for t in g.topics() {
            assert!(is_kebab(&t.id), "{} is lowercase-kebab", t.id);
            assert!(!t.label.is_empty(), "{} has a label", t.id);
            for k in &t.keywords {
                assert_eq!(k, &k.to_lowercase(), "{k} is lowercase");
                assert!(
                    !k.trim_end_matches('*').contains('*'),
                    "{k}: `*` only at the end"
                );
            }
        }
    }

    #[test]
    fn topic_keywords_avoid_prefixes_of_common_words() {
        // A prefix keyword like "import*" would also match "important".
        let g = gazetteer();
        let common = [
            "important",
            "importance",
            "support",
            "portion",
            "portfolio",
            "report",
            "hospitality",
            "expertise",
            "media",
            "artist",
            "category",
            "investigation",
        ];
        for t in g.topics() {
            for k in t.keywords.iter().filter_map(|k| k.strip_suffix('*')) {
                for word in common {
                    assert!(!word.starts_with(k), "{}: {k}* matches {word:?}", t.id);
                }
            }
        }
    }

    #[test]
    fn normalize_folds_case_dots_diacritics_and_articles() {
        let check = |input: &str, expected: &str| assert_eq!(normalize(input), expected, "{input}");
        check("The U.S.", "us");
        check("  Côte  d’Ivoire ", "cote d'ivoire");
        check("Guinea-Bissau", "guinea bissau");
        check("São Tomé", "sao tome");
        check("Chișinău", "chisinau");
        check("Theresa", "theresa");
        check("", "");
    }

    #[test]
    fn malformed_rows_are_reported_with_their_line() {
        let err = rows("test.tsv", "# comment\na\tb\tc\nx\ty\n", 3).unwrap_err();
        assert!(
            matches!(
                err,
                Error::Data {
                    file: "test.tsv",
                    line: 3,
                    ..
                }
            ),
            "{err}"
        );
    }
}
