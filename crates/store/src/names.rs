//! How speaker names and aliases are normalised so that lookups are
//! case-insensitive and ignore spacing differences.

/// Lowercases `name` and collapses runs of whitespace into one space,
/// trimming both ends. `"  Wang   YI "` becomes `"wang yi"`.
pub(crate) fn normalise(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// `name` with runs of whitespace collapsed and ends trimmed, case kept:
/// the form shown to users.
pub(crate) fn display_form(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The last word of an already normalised name (`"wang yi"` gives `"yi"`).
pub(crate) fn last_word(normalised: &str) -> Option<&str> {
    normalised.rsplit(' ').next().filter(|w| !w.is_empty())
}

/// Whether a mention is a pronoun, which says nothing about who the speaker
/// is and so must not become an alias.
pub(crate) fn is_pronoun(normalised: &str) -> bool {
    matches!(
        normalised,
        "he" | "she"
            | "it"
            | "they"
            | "we"
            | "i"
            | "you"
            | "him"
            | "her"
            | "them"
            | "us"
            | "me"
            | "his"
            | "hers"
            | "its"
            | "their"
            | "theirs"
            | "our"
            | "ours"
            | "my"
            | "your"
            | "himself"
            | "herself"
            | "itself"
            | "themselves"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalise_lowercases_and_collapses_whitespace() {
        for (input, expected) in [
            ("  Wang   YI ", "wang yi"),
            ("Yoko\tKamikawa\n", "yoko kamikawa"),
            ("ÉMILE Zola", "émile zola"),
            ("   ", ""),
        ] {
            assert_eq!(normalise(input), expected, "{input:?}");
        }
    }

    #[test]
    fn last_word_is_the_surname_position() {
        assert_eq!(last_word("wang yi"), Some("yi"));
        assert_eq!(last_word("kamikawa"), Some("kamikawa"));
        assert_eq!(last_word(""), None);
    }

    #[test]
    fn pronouns_are_recognised_after_normalising() {
        assert!(is_pronoun(&normalise("She")));
        assert!(!is_pronoun(&normalise("Kamikawa")));
    }
}
