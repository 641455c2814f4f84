//! Finding an article's title in its text: the first line that is neither a
//! photo credit, a byline, a bare date nor decoration.

use crate::date::parse_date;

/// Titles longer than this many characters are cut at a word boundary.
const MAX_TITLE_CHARS: usize = 300;

/// How many non-empty lines are examined before giving up on a title.
const MAX_TITLE_CANDIDATES: usize = 40;

/// The title of a text: its first line that is not a credit, byline, date or
/// decoration, cleaned with [`clean_title`].
pub(crate) fn find_title(text: &str) -> Option<String> {
    text.lines()
        .map(|line| line.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}'))
        .filter(|line| !line.is_empty())
        .take(MAX_TITLE_CANDIDATES)
        .find(|line| is_title_candidate(line))
        .and_then(clean_title)
}

/// A title with whitespace collapsed and overlong text cut at a word
/// boundary (with an ellipsis); `None` when nothing is left.
pub(crate) fn clean_title(raw: &str) -> Option<String> {
    let mut title = String::new();
    for word in raw.split_whitespace() {
        if !title.is_empty() {
            title.push(' ');
        }
        title.push_str(word);
    }
    if title.chars().count() > MAX_TITLE_CHARS {
        let cut = title
            .char_indices()
            .nth(MAX_TITLE_CHARS)
            .map_or(title.len(), |(at, _)| at);
        let cut = title.get(..cut).and_then(|s| s.rfind(' ')).unwrap_or(cut);
        title.truncate(cut);
        title.push('…');
    }
    (!title.is_empty()).then_some(title)
}

/// Whether a trimmed, non-empty line may be the title.
fn is_title_candidate(line: &str) -> bool {
    line.chars().any(char::is_alphabetic)
        && !is_photo_credit(line)
        && !is_byline(line)
        && parse_date(line).is_none()
}

/// Agencies and picture libraries that end or start a photo credit.
const AGENCIES: &[&str] = &[
    "afp",
    "alamy",
    "anadolu",
    "ap",
    "ap photo",
    "associated press",
    "bloomberg",
    "dpa",
    "efe",
    "epa",
    "epa-efe",
    "getty",
    "getty images",
    "kyodo",
    "pool",
    "reuters",
    "shutterstock",
    "sipa",
    "sputnik",
    "tass",
    "xinhua",
    "yonhap",
    "zuma",
];

/// "Name | Agency | Getty Images", "Photo: ...", "(Photo by ...)",
/// "Credit: ...", "Name/AFP via Getty Images", "REUTERS/Name".
pub(crate) fn is_photo_credit(line: &str) -> bool {
    let inner = line.trim_start_matches(['(', '[']).trim_start();
    // Only the start matters for prefixes; lower-casing a long line is wasted work.
    let start: String = inner.chars().take(40).collect::<String>().to_lowercase();
    const PREFIXES: &[&str] = &[
        "photo:",
        "photo by",
        "photo credit",
        "photo courtesy",
        "photos:",
        "photos by",
        "photograph:",
        "photograph by",
        "photography:",
        "image:",
        "image by",
        "image credit",
        "image courtesy",
        "images:",
        "picture:",
        "pictures:",
        "credit:",
        "credits:",
        "file photo",
    ];
    if PREFIXES.iter().any(|p| start.starts_with(p)) {
        return true;
    }
    if AGENCIES
        .iter()
        .any(|agency| start.starts_with(&format!("{agency}/")))
    {
        return true;
    }
    let lower = line.to_lowercase();
    if lower.contains("via getty") || lower.contains("/getty") || lower.contains("/ getty") {
        return true;
    }
    let parts: Vec<&str> = line.split('|').map(str::trim).collect();
    match parts.as_slice() {
        [_, _, _, ..] => true,
        [_, last] => is_agency(last),
        _ => false,
    }
}

/// Whether a credit segment names an agency or picture library.
fn is_agency(segment: &str) -> bool {
    let lower = segment.to_lowercase();
    let lower = lower.trim_start_matches("via ").trim();
    AGENCIES.contains(&lower)
        || lower.ends_with(" images")
        || lower.contains("getty")
        || ["photo", "picture", "agency", "pool"]
            .iter()
            .any(|word| lower.contains(word))
}

/// Words that may appear lower-case inside a personal name.
const NAME_PARTICLES: &[&str] = &[
    "and", "&", "al", "bin", "da", "de", "del", "den", "der", "di", "dos", "du", "el", "la", "le",
    "van", "von", "y",
];

/// "By Name", "By Name, Role", "By Name and Name | Outlet", "Reporting by ...".
pub(crate) fn is_byline(line: &str) -> bool {
    let start: String = line.chars().take(30).collect::<String>().to_lowercase();
    const CREDIT_PREFIXES: &[&str] = &[
        "reporting by",
        "additional reporting by",
        "writing by",
        "written by",
        "editing by",
        "story by",
        "words by",
    ];
    if CREDIT_PREFIXES.iter().any(|p| start.starts_with(p)) {
        return true;
    }
    let Some(rest) = ["By ", "BY ", "by "]
        .iter()
        .find_map(|prefix| line.strip_prefix(prefix))
    else {
        return false;
    };
    // The names end where a role, outlet or date begins.
    let names = rest
        .split([',', '|', '—', '–', '(', ';'])
        .next()
        .unwrap_or_default();
    let names = names.split(" - ").next().unwrap_or_default();
    let words: Vec<&str> = names.split_whitespace().collect();
    if words.is_empty() || words.len() > 8 {
        return false;
    }
    let starts_upper = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    words.iter().any(|w| starts_upper(w))
        && words.iter().all(|w| {
            starts_upper(w)
                || NAME_PARTICLES.contains(w)
                || w.starts_with("al-")
                || w.starts_with("el-")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: Option<&str>) {
        assert_eq!(find_title(text).as_deref(), expected, "{text:?}");
    }

    #[test]
    fn title_skips_credits_bylines_and_dates() {
        check(
            "Jane Roe | Kyodo News | Getty Images\nTokyo protests Beijing's buoy\n",
            Some("Tokyo protests Beijing's buoy"),
        );
        check(
            "Photo: A ministry spokesman in Vientiane\n\nMinisters meet in Laos\n",
            Some("Ministers meet in Laos"),
        );
        check(
            "(Photo by Sam Poe/AFP via Getty Images)\nSeoul welcomes talks",
            Some("Seoul welcomes talks"),
        );
        check(
            "Credit: Pool\nBy Ann Lee, Diplomatic Editor\nJuly 26, 2024\nA thaw in Asia",
            Some("A thaw in Asia"),
        );
        check(
            "REUTERS/Kim Doe\nBy Jean de la Mare and Li Wei\nEnvoys trade warnings\n",
            Some("Envoys trade warnings"),
        );
        check(
            "\u{feff}  \n***\n  Talks   in\tLaos  \nbody",
            Some("Talks in Laos"),
        );
        check(
            "By the numbers: trade with Laos\n",
            Some("By the numbers: trade with Laos"),
        );
        check(
            "China warns Japan | The Daily Ledger\n",
            Some("China warns Japan | The Daily Ledger"),
        );
        check("Photo: only a credit\n\n", None);
        check("", None);
    }

    #[test]
    fn credit_and_byline_table() {
        let credits = [
            ("Jane Roe | Kyodo News | Getty Images", true),
            ("Jane Roe | Getty Images", true),
            ("Jane Roe | AFP", true),
            ("Photo by Jane Roe", true),
            ("[Photo: Xinhua]", true),
            ("Credits: Ministry handout", true),
            ("File photo of the summit", true),
            ("AP/Jane Roe", true),
            ("Photography is banned at the summit", false),
            ("Apology demanded over Getty Images row", false),
            ("Trade talks | Business", false),
            ("Ana Ruiz | Lowlands Photo Agency", true),
            ("Ana Ruiz | Pool", true),
        ];
        for (line, expected) in credits {
            assert_eq!(is_photo_credit(line), expected, "{line:?}");
        }
        let bylines = [
            ("By Ann Lee", true),
            ("By Ann Lee, Diplomatic Editor", true),
            ("BY ANN LEE AND TOM RAY", true),
            ("By Omar al-Sayed | The Courier", true),
            ("Reporting by Ann Lee; Editing by Tom Ray", true),
            ("By the numbers", false),
            ("By land and sea, a blockade tightens", false),
            ("Bystanders fled the scene", false),
        ];
        for (line, expected) in bylines {
            assert_eq!(is_byline(line), expected, "{line:?}");
        }
    }

    #[test]
    fn long_titles_are_cut_at_a_word() {
        let long = "word ".repeat(100);
        let title = clean_title(&long).unwrap();
        assert!(title.ends_with("word…"), "{title}");
        assert!(title.chars().count() <= MAX_TITLE_CHARS + 1);
        let unbroken = "é".repeat(400);
        let title = clean_title(&unbroken).unwrap();
        assert_eq!(title.chars().count(), MAX_TITLE_CHARS + 1);
    }
}
