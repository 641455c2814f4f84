//! Compiled-in gazetteers: countries (ISO 3166-1 codes, names, short names,
//! demonyms, capitals), international organisations, government seats used
//! as metonyms, and the topic taxonomy. The data lives in `data/*.tsv`.
//!
//! File format: UTF-8, tab-separated, `#` starts a comment line, the first
//! non-comment line is a header; list cells are `|`-separated.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::{Error, Result};

const COUNTRIES_TSV: &str = include_str!("../../../data/countries.tsv");
const ORGANIZATIONS_TSV: &str = include_str!("../../../data/organizations.tsv");
const METONYMS_TSV: &str = include_str!("../../../data/metonyms.tsv");
const TOPICS_TSV: &str = include_str!("../../../data/topics.tsv");

/// A country of ISO 3166-1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    /// Alpha-2 code ("JP").
    pub code: String,
    /// Alpha-3 code ("JPN").
    pub alpha3: String,
    /// Common English name ("Japan").
    pub name: String,
    /// Other names and short forms ("Nippon", "the US", "U.S.").
    pub aliases: Vec<String>,
    /// Demonyms and adjectives ("Japanese").
    pub demonyms: Vec<String>,
    /// Capitals, usable as metonyms for the government ("Tokyo").
    pub capitals: Vec<String>,
}

/// An international organisation or bloc, which speaks under its own code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organization {
    /// Short code used wherever a country code would be ("EU", "ASEAN").
    pub code: String,
    /// Full name ("European Union").
    pub name: String,
    /// Other names ("the bloc's", "Association of Southeast Asian Nations").
    pub aliases: Vec<String>,
}

/// A place or building that stands for a government ("the Kremlin").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Metonym {
    /// The phrase as written ("Kremlin", "Downing Street").
    pub phrase: String,
    /// The country it stands for (alpha-2).
    pub country: String,
    /// The institution it stands for ("Russian presidency").
    pub institution: String,
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

/// All gazetteers, parsed once.
#[derive(Debug)]
pub struct Gazetteer {
    countries: Vec<Country>,
    organizations: Vec<Organization>,
    metonyms: Vec<Metonym>,
    topics: Vec<Topic>,
    by_name: HashMap<String, usize>,
}

impl Gazetteer {
    /// The compiled-in gazetteer. Panics only if a data file is malformed,
    /// which the crate's tests rule out.
    pub fn get() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| Gazetteer::parse().expect("compiled-in data files are valid"))
    }

    /// Parses the compiled-in data files.
    pub fn parse() -> Result<Gazetteer> {
        let mut countries = Vec::new();
        for (line, cells) in rows("countries.tsv", COUNTRIES_TSV, 6)? {
            let _ = line;
            countries.push(Country {
                code: cells[0].to_owned(),
                alpha3: cells[1].to_owned(),
                name: cells[2].to_owned(),
                aliases: list(cells[3]),
                demonyms: list(cells[4]),
                capitals: list(cells[5]),
            });
        }
        let organizations = rows("organizations.tsv", ORGANIZATIONS_TSV, 3)?
            .into_iter()
            .map(|(_, c)| Organization {
                code: c[0].to_owned(),
                name: c[1].to_owned(),
                aliases: list(c[2]),
            })
            .collect();
        let metonyms = rows("metonyms.tsv", METONYMS_TSV, 3)?
            .into_iter()
            .map(|(_, c)| Metonym {
                phrase: c[0].to_owned(),
                country: c[1].to_owned(),
                institution: c[2].to_owned(),
            })
            .collect();
        let topics = rows("topics.tsv", TOPICS_TSV, 3)?
            .into_iter()
            .map(|(_, c)| Topic {
                id: c[0].to_owned(),
                label: c[1].to_owned(),
                keywords: list(c[2]).into_iter().map(|k| k.to_lowercase()).collect(),
            })
            .collect();
        let mut by_name = HashMap::new();
        for (i, c) in countries.iter().enumerate() {
            for key in [&c.code, &c.alpha3, &c.name]
                .into_iter()
                .chain(&c.aliases)
                .chain(&c.demonyms)
            {
                by_name.entry(normalize(key)).or_insert(i);
            }
        }
        Ok(Gazetteer {
            countries,
            organizations,
            metonyms,
            topics,
            by_name,
        })
    }

    /// Every country, in file order.
    pub fn countries(&self) -> &[Country] {
        &self.countries
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

    /// The country with this alpha-2 code.
    pub fn country_by_code(&self, code: &str) -> Option<&Country> {
        self.countries
            .iter()
            .find(|c| c.code.eq_ignore_ascii_case(code))
    }

    /// Resolves what a user typed (code, name, short name or demonym,
    /// case-insensitive) to a country.
    pub fn resolve_country(&self, query: &str) -> Option<&Country> {
        self.by_name
            .get(&normalize(query))
            .map(|&i| &self.countries[i])
    }

    /// Resolves a country filter value to the code stored with statements:
    /// a country's alpha-2 code, or an organisation's own code.
    pub fn resolve_code(&self, query: &str) -> Option<String> {
        if let Some(c) = self.resolve_country(query) {
            return Some(c.code.clone());
        }
        let q = normalize(query);
        self.organizations
            .iter()
            .find(|o| {
                normalize(&o.code) == q
                    || normalize(&o.name) == q
                    || o.aliases.iter().any(|a| normalize(a) == q)
            })
            .map(|o| o.code.clone())
    }

    /// The topic with this id.
    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.id == id)
    }
}

fn normalize(s: &str) -> String {
    let s = s.trim();
    let s = s
        .strip_prefix("the ")
        .or_else(|| s.strip_prefix("The "))
        .unwrap_or(s);
    s.replace('.', "").to_lowercase()
}

fn list(cell: &str) -> Vec<String> {
    cell.split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The data rows of a TSV file (header and comments skipped), each with its
/// 1-based line number, checked to have at least `min_cells` cells.
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
        let mut cells: Vec<&str> = line.split('\t').collect();
        if cells.len() < min_cells {
            return Err(Error::Data {
                file,
                line: i + 1,
                message: format!("expected {min_cells} tab-separated cells, found {}", cells.len()),
            });
        }
        while cells.len() < min_cells {
            cells.push("");
        }
        out.push((i + 1, cells));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_parse() {
        let g = Gazetteer::parse().unwrap();
        assert!(!g.countries().is_empty());
        assert!(!g.topics().is_empty());
    }

    #[test]
    fn countries_resolve_by_code_name_and_demonym() {
        let g = Gazetteer::get();
        assert_eq!(g.resolve_country("JP").unwrap().code, "JP");
        assert_eq!(g.resolve_country("japan").unwrap().code, "JP");
        assert_eq!(g.resolve_country("Japanese").unwrap().code, "JP");
        assert_eq!(g.resolve_code("ASEAN").as_deref(), Some("ASEAN"));
        assert!(g.resolve_country("Atlantis").is_none());
    }
}
