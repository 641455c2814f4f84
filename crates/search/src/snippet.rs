//! Turning a statement's text into a short HTML snippet.

use tantivy::snippet::SnippetGenerator;

/// Approximate length of a snippet, in characters.
pub(crate) const SNIPPET_CHARS: usize = 200;

/// Marks text left out before or after a snippet.
const ELLIPSIS: &str = "…";

/// The best fragment of `text` with the query's words in `<b>..</b>`, or
/// `None` when none of the words occurs in it (a match on the speaker only).
pub(crate) fn highlighted_snippet(generator: &SnippetGenerator, text: &str) -> Option<String> {
    let snippet = generator.snippet(text);
    if snippet.is_empty() {
        return None;
    }
    let range = snippet.fragment_range();
    let mut out = String::new();
    if range.start > 0 {
        out.push_str(ELLIPSIS);
    }
    out.push_str(&snippet.to_html());
    if range.end < text.len() {
        out.push_str(ELLIPSIS);
    }
    Some(out)
}

/// The beginning of `text`, HTML-escaped, cut at a word boundary near
/// [`SNIPPET_CHARS`] characters.
pub(crate) fn fallback_snippet(text: &str) -> String {
    let text = text.trim();
    let cut = text
        .char_indices()
        .nth(SNIPPET_CHARS)
        .map_or(text.len(), |(offset, _)| offset);
    if cut == text.len() {
        return escape_html(text);
    }
    let head = &text[..cut];
    // Prefer ending on a whole word, unless that would drop most of the text.
    let head = match head.rfind(char::is_whitespace) {
        Some(space) if space >= cut / 2 => head[..space].trim_end(),
        _ => head,
    };
    let mut out = escape_html(head);
    out.push_str(ELLIPSIS);
    out
}

/// Escapes the characters that are special in HTML text and attributes.
pub(crate) fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_escaped_whole() {
        let check = |input: &str, expected: &str| assert_eq!(fallback_snippet(input), expected);
        check(
            "Tariffs <now> & \"later\"",
            "Tariffs &lt;now&gt; &amp; &quot;later&quot;",
        );
        check("  padded  ", "padded");
        check("", "");
    }

    #[test]
    fn long_text_is_cut_at_a_word_boundary() {
        let text = "word ".repeat(100);
        let snippet = fallback_snippet(&text);
        assert!(snippet.ends_with("word…"), "{snippet}");
        assert!(snippet.chars().count() <= SNIPPET_CHARS + 1, "{snippet}");
    }

    #[test]
    fn long_text_without_spaces_is_cut_on_a_char_boundary() {
        let text = "é".repeat(500);
        let snippet = fallback_snippet(&text);
        assert_eq!(snippet.chars().count(), SNIPPET_CHARS + 1);
    }
}
