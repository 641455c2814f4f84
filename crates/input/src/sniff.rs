//! Choosing a reader for a file: magic numbers first (a gzip stream named
//! `.txt` is still gzip), then the file name, then, for a file named
//! explicitly with an unknown extension, the content itself.
//!
//! Containers (gzip, tar, zip) are recognised here too; what is inside
//! them is routed again, member by member.

/// Which reader a file goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Route {
    /// Plain text.
    Text,
    /// One JSON object per line.
    Jsonl,
    /// A JSON document: object or array of objects.
    Json,
    /// An HTML page.
    Html,
    /// A WARC file (uncompressed; a `.warc.gz` is gzip first).
    Warc,
    /// A tar archive (uncompressed; a `.tar.gz` is gzip first).
    Tar,
    /// A zip archive.
    Zip,
    /// A gzip-compressed file.
    Gzip,
    /// Nothing recognisable by name.
    Unrecognised,
}

/// The route for a file named `name` (a file name, not a path), judged by
/// its extension alone, case-insensitively.
pub(crate) fn route_by_name(name: &str) -> Route {
    let lower = name.to_ascii_lowercase();
    // Compressed names (`.warc.gz`, `.tar.gz`) are gzip first: the name of
    // the content decides what is inside once it is decompressed.
    const ROUTES: &[(&str, Route)] = &[
        (".txt", Route::Text),
        (".jsonl", Route::Jsonl),
        (".ndjson", Route::Jsonl),
        (".json", Route::Json),
        (".gz", Route::Gzip),
        (".tgz", Route::Gzip),
        (".tar", Route::Tar),
        (".zip", Route::Zip),
        (".warc", Route::Warc),
        (".html", Route::Html),
        (".htm", Route::Html),
        (".xhtml", Route::Html),
    ];
    ROUTES
        .iter()
        .find(|(ext, _)| lower.ends_with(ext))
        .map_or(Route::Unrecognised, |(_, route)| *route)
}

/// The route of a file whose first bytes are `head`. `explicit` is true for
/// a file the user named, which is read even with an unknown extension.
pub(crate) fn route(name: &str, head: &[u8], explicit: bool) -> Route {
    if let Some(route) = magic(head) {
        return route;
    }
    match route_by_name(name) {
        Route::Unrecognised if explicit => route_by_content(head),
        // A name promising a container whose bytes are not one is read for
        // what it holds (an empty `.gz` is text, and refused as empty).
        Route::Gzip | Route::Zip => route_by_content(head),
        route => route,
    }
}

/// Compressed and container formats recognised by their first bytes.
fn magic(head: &[u8]) -> Option<Route> {
    if head.starts_with(&[0x1f, 0x8b]) {
        Some(Route::Gzip)
    } else if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        Some(Route::Zip)
    } else if head.get(257..262) == Some(b"ustar".as_slice()) {
        Some(Route::Tar)
    } else if head.starts_with(b"WARC/") {
        Some(Route::Warc)
    } else {
        None
    }
}

/// A guess from the content: JSON by its first character, HTML by its
/// markup, anything else text (the text reader refuses binary data).
pub(crate) fn route_by_content(head: &[u8]) -> Route {
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let trimmed = head.trim_ascii_start();
    match trimmed.first() {
        Some(b'{') => Route::Jsonl,
        Some(b'[') => Route::Json,
        Some(b'<') => {
            let lower = trimmed.to_ascii_lowercase();
            let is_html = [b"<!doctype html".as_slice(), b"<html", b"<head", b"<body"]
                .iter()
                .any(|marker| memchr::memmem::find(&lower, marker).is_some());
            if is_html { Route::Html } else { Route::Text }
        }
        _ => Route::Text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_by_magic_then_name_then_content() {
        let mut tar_head = vec![b'a'; 300];
        tar_head.splice(257..262, b"ustar".iter().copied());
        let cases: &[(&str, &[u8], bool, Route)] = &[
            ("a.txt", b"Talks", false, Route::Text),
            ("A.TXT", b"Talks", false, Route::Text),
            ("a.jsonl", b"{}", false, Route::Jsonl),
            ("a.ndjson", b"{}", false, Route::Jsonl),
            ("a.json", b"[]", false, Route::Json),
            ("a.txt", b"\x1f\x8b\x08", false, Route::Gzip),
            ("a.zip", b"PK\x03\x04", false, Route::Zip),
            ("a.bin", &tar_head, true, Route::Tar),
            ("a.tar", b"", false, Route::Tar),
            ("a.warc", b"WARC/1.0\r\n", false, Route::Warc),
            ("page.html", b"<html>", false, Route::Html),
            ("page.HTM", b"<p>", false, Route::Html),
            ("a.tar.gz", b"\x1f\x8b", false, Route::Gzip),
            ("a.warc.gz", b"\x1f\x8b", false, Route::Gzip),
            ("fake.gz", b"plain words", false, Route::Text),
            ("notes", b"Talks", false, Route::Unrecognised),
            ("notes", b"Talks", true, Route::Text),
            ("dump", b"  {\"text\": \"x\"}", true, Route::Jsonl),
            ("dump", b"\xef\xbb\xbf[", true, Route::Json),
            ("page", b"<!DOCTYPE html><html>", true, Route::Html),
            ("note", b"<draft> talks", true, Route::Text),
        ];
        let by_name = [
            ("a.tar.gz", Route::Gzip),
            ("a.tgz", Route::Gzip),
            ("a.warc.gz", Route::Gzip),
            ("a.warc", Route::Warc),
            ("a.zip", Route::Zip),
            ("a.tar", Route::Tar),
            ("a.htm", Route::Html),
            ("a.png", Route::Unrecognised),
        ];
        for (name, expected) in by_name {
            assert_eq!(route_by_name(name), expected, "{name}");
        }
        for (name, head, explicit, expected) in cases {
            assert_eq!(route(name, head, *explicit), *expected, "{name} {head:?}");
        }
    }
}
