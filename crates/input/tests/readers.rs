//! End-to-end behaviour of the readers on real files in temporary folders.

use std::fs;
use std::io::Cursor;
use std::path::Path;

use demarche_core::{Span, content_hash};
use demarche_input::{
    Document, ErrorKind, Event, Format, ReadOptions, read_json_reader, read_jsonl_reader, read_path,
};

/// What a test looks at in an event: documents by source, errors and skips as text.
#[derive(Debug, PartialEq, Eq)]
enum Seen {
    Doc(String),
    Error(String),
    Skipped(String),
}

fn collect_with(path: &Path, opts: &ReadOptions) -> (Vec<Seen>, Vec<Document>) {
    let mut seen = Vec::new();
    let mut documents = Vec::new();
    read_path(path, opts, &mut |event| match event {
        Event::Document(document) => {
            seen.push(Seen::Doc(document.article.meta.source.clone()));
            documents.push(document);
        }
        Event::Error(error) => seen.push(Seen::Error(error.to_string())),
        Event::Skipped { location, reason } => {
            seen.push(Seen::Skipped(format!("{location}: {reason}")))
        }
    });
    (seen, documents)
}

fn collect(path: &Path) -> (Vec<Seen>, Vec<Document>) {
    collect_with(path, &ReadOptions::default())
}

fn show(path: &Path) -> String {
    path.display().to_string()
}

#[test]
fn text_file_with_header_block() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("laos.txt");
    let text = "Title: Ministers meet in Vientiane\nPublished: 2024-07-26T09:00:00+07:00\nURL: https://news.example/laos\nOutlet: The Daily Ledger\n\nMinisters meet in Vientiane\n\nThe minister said talks would go on.\n";
    fs::write(&path, text).unwrap();
    let (seen, documents) = collect(&path);
    assert_eq!(seen, [Seen::Doc(show(&path))]);
    let document = &documents[0];
    let meta = &document.article.meta;
    assert_eq!(document.format, Format::Txt);
    assert_eq!(document.article.body, text);
    assert_eq!(meta.title.as_deref(), Some("Ministers meet in Vientiane"));
    assert_eq!(meta.published.unwrap().to_string(), "2024-07-26");
    assert_eq!(meta.url.as_deref(), Some("https://news.example/laos"));
    assert_eq!(meta.outlet.as_deref(), Some("The Daily Ledger"));
    assert_eq!(meta.content_hash, content_hash(text));
    assert!(document.warnings.is_empty());
}

#[test]
fn title_skips_credits_and_bylines_and_date_falls_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("buoy.txt");
    fs::write(
        &path,
        "Jane Roe | Kyodo News | Getty Images\n(Photo by Sam Poe)\nBy Ann Lee, Asia Correspondent\n\nTokyo protests Beijing's buoy\n\nText.\n",
    )
    .unwrap();
    let opts = ReadOptions {
        published: Some("2024-08-01".parse().unwrap()),
        ..ReadOptions::default()
    };
    let (_, documents) = collect_with(&path, &opts);
    let meta = &documents[0].article.meta;
    assert_eq!(meta.title.as_deref(), Some("Tokyo protests Beijing's buoy"));
    assert_eq!(meta.published.unwrap().to_string(), "2024-08-01");
}

#[test]
fn windows_1252_file_is_decoded_with_a_warning_and_valid_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pound.txt");
    let bytes = b"Aid pledged\n\nThe envoy said \x93we will pay \xa3200m\x94 to the fund.\n";
    fs::write(&path, bytes).unwrap();
    let (seen, documents) = collect(&path);
    assert_eq!(seen, [Seen::Doc(show(&path))]);
    let document = &documents[0];
    let body = &document.article.body;
    assert_eq!(
        body,
        "Aid pledged\n\nThe envoy said \u{201c}we will pay \u{a3}200m\u{201d} to the fund.\n"
    );
    assert!(
        document
            .warnings
            .iter()
            .any(|w| w.contains("decoded as windows-1252")),
        "{:?}",
        document.warnings
    );
    let quote = "we will pay \u{a3}200m";
    let start = body.find(quote).unwrap();
    let span = Span::of(body, start, start + quote.len()).unwrap();
    assert!(span.is_valid_in(body));
    assert_eq!(span.text, quote);
    assert_eq!(document.article.meta.content_hash, content_hash(body));
    assert_eq!(document.article.meta.title.as_deref(), Some("Aid pledged"));
}

#[test]
fn utf8_byte_order_mark_is_kept_so_offsets_are_file_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bom.txt");
    let bytes = "\u{feff}Title: Seoul replies\n\nSeoul replies\n".as_bytes();
    fs::write(&path, bytes).unwrap();
    let (_, documents) = collect(&path);
    assert_eq!(documents[0].article.body.as_bytes(), bytes);
    assert_eq!(
        documents[0].article.meta.title.as_deref(),
        Some("Seoul replies")
    );
}

#[test]
fn binary_empty_and_missing_inputs_are_one_line_errors() {
    let dir = tempfile::tempdir().unwrap();
    let binary = dir.path().join("photo.txt");
    fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let empty = dir.path().join("empty.txt");
    fs::write(&empty, b"").unwrap();
    let blank = dir.path().join("blank.txt");
    fs::write(&blank, b" \n\t\n").unwrap();
    let missing = dir.path().join("nowhere.txt");
    let cases = [
        (&binary, "binary file"),
        (&empty, "empty file"),
        (&blank, "empty file"),
        (&missing, "no such file or directory"),
    ];
    for (path, message) in cases {
        let (seen, _) = collect(path);
        assert_eq!(seen, [Seen::Error(format!("{}: {message}", show(path)))]);
    }
}

#[test]
fn oversized_text_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.txt");
    fs::write(&path, "Talks went on. ".repeat(100)).unwrap();
    let opts = ReadOptions {
        max_member_bytes: 1000,
        ..ReadOptions::default()
    };
    let (seen, _) = collect_with(&path, &opts);
    assert_eq!(
        seen,
        [Seen::Error(format!(
            "{}: file is larger than the 1000 bytes limit (max_member_bytes)",
            show(&path)
        ))]
    );
}

#[test]
fn jsonl_malformed_line_is_reported_and_the_others_still_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dump.jsonl");
    fs::write(
        &path,
        concat!(
            "{\"id\": \"n1\", \"title\": \"Talks\", \"text\": \"Envoys met in Laos.\"}\n",
            "{\"text\": \"unterminated\n",
            "\n",
            "{\"text\": \"Seoul replied.\\nIt said more.\", \"published\": \"July 26, 2024\"}\r\n",
            "{\"title\": \"no text here\"}\n",
        ),
    )
    .unwrap();
    let (seen, documents) = collect(&path);
    let p = show(&path);
    assert_eq!(seen[0], Seen::Doc(format!("{p}#n1")));
    match &seen[1] {
        Seen::Error(message) => {
            assert!(
                message.starts_with(&format!("{p}:2: invalid JSON: ")),
                "{message}"
            );
            assert!(!message.contains('\n'));
        }
        other => panic!("expected an error, got {other:?}"),
    }
    assert_eq!(seen[2], Seen::Doc(format!("{p}:4")));
    assert_eq!(
        seen[3],
        Seen::Error(format!(
            "{p}:5: no text: expected a non-empty string in `text`, `body` or `content`"
        ))
    );
    assert_eq!(seen.len(), 4);
    assert_eq!(documents[0].article.meta.external_id.as_deref(), Some("n1"));
    assert_eq!(documents[1].article.body, "Seoul replied.\nIt said more.");
    assert_eq!(
        documents[1].article.meta.title.as_deref(),
        Some("Seoul replied.")
    );
    assert_eq!(
        documents[1].article.meta.published.unwrap().to_string(),
        "2024-07-26"
    );
    assert_eq!(documents[1].format, Format::Jsonl);
}

#[test]
fn jsonl_alternative_field_names() {
    let input = concat!(
        "{\"body\": \"Body text.\", \"date\": \"2024-07-26\", \"outlet\": \"Courier\", \"id\": 7}\n",
        "{\"content\": \"Content text.\", \"source\": \"Ledger\", \"url\": \"https://news.example/c\"}\n",
    );
    let mut documents = Vec::new();
    read_jsonl_reader(
        "feed",
        Cursor::new(input),
        &ReadOptions::default(),
        &mut |event| {
            if let Event::Document(document) = event {
                documents.push(document.article);
            }
        },
    );
    let summary: Vec<_> = documents
        .iter()
        .map(|a| {
            (
                a.meta.source.as_str(),
                a.body.as_str(),
                a.meta.published.map(|d| d.to_string()),
                a.meta.outlet.as_deref(),
                a.meta.url.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (
                "feed#7",
                "Body text.",
                Some("2024-07-26".to_owned()),
                Some("Courier"),
                None
            ),
            (
                "feed:2",
                "Content text.",
                None,
                Some("Ledger"),
                Some("https://news.example/c")
            ),
        ]
    );
}

#[test]
fn jsonl_reader_on_a_stream_labels_records_like_stdin() {
    let input = "\u{feff}{\"text\": \"Envoys met.\"}\n\n{\"text\": \"They parted.\"}";
    let mut seen = Vec::new();
    read_jsonl_reader(
        "-",
        Cursor::new(input),
        &ReadOptions::default(),
        &mut |event| {
            if let Event::Document(document) = event {
                seen.push(document.article.meta.source);
            }
        },
    );
    assert_eq!(seen, ["-:1", "-:3"]);
}

#[test]
fn jsonl_overlong_line_is_an_error_and_reading_goes_on() {
    let long = format!("{{\"text\": \"{}\"}}\n", "a".repeat(500));
    let input = format!("{long}{{\"text\": \"short\"}}\n");
    let opts = ReadOptions {
        max_member_bytes: 100,
        ..ReadOptions::default()
    };
    let mut seen = Vec::new();
    read_jsonl_reader("big.jsonl", Cursor::new(input), &opts, &mut |event| {
        seen.push(match event {
            Event::Document(d) => d.article.meta.source,
            Event::Error(e) => {
                assert!(matches!(e.kind, ErrorKind::TooLarge { .. }));
                e.to_string()
            }
            Event::Skipped { .. } => unreachable!("streams skip nothing"),
        });
    });
    assert_eq!(
        seen,
        [
            "big.jsonl:1: line is larger than the 100 bytes limit (max_member_bytes)",
            "big.jsonl:2",
        ]
    );
}

#[test]
fn jsonl_stream_stops_at_the_total_limit() {
    let input = "{\"text\": \"one\"}\n{\"text\": \"two\"}\n{\"text\": \"three\"}\n";
    let opts = ReadOptions {
        max_total_bytes: 40,
        ..ReadOptions::default()
    };
    let mut seen = Vec::new();
    read_jsonl_reader("s", Cursor::new(input), &opts, &mut |event| {
        seen.push(match event {
            Event::Document(d) => d.article.meta.source,
            Event::Error(e) => e.to_string(),
            Event::Skipped { .. } => unreachable!("streams skip nothing"),
        });
    });
    assert_eq!(
        seen,
        [
            "s:1",
            "s:2",
            "s:3: input is larger than the 40 bytes limit (max_total_bytes)"
        ]
    );
}

fn json_sources(label: &str, input: &str) -> Vec<String> {
    let mut seen = Vec::new();
    read_json_reader(
        label,
        Cursor::new(input.to_owned()),
        &ReadOptions::default(),
        &mut |event| {
            seen.push(match event {
                Event::Document(d) => {
                    assert_eq!(d.format, Format::Json);
                    format!("{} = {}", d.article.meta.source, d.article.body)
                }
                Event::Error(e) => e.to_string(),
                Event::Skipped { .. } => unreachable!("streams skip nothing"),
            });
        },
    );
    seen
}

#[test]
fn json_files_hold_an_object_an_array_or_a_sequence() {
    assert_eq!(
        json_sources(
            "one.json",
            "{\n  \"title\": \"Talks\",\n  \"text\": \"Envoys met.\"\n}\n"
        ),
        ["one.json = Envoys met."]
    );
    assert_eq!(
        json_sources(
            "many.json",
            "[{\"text\": \"A.\"}, {\"id\": \"x\", \"body\": \"B.\"}, {\"title\": \"none\"}, 3, {\"text\": \"C.\"}]"
        ),
        [
            "many.json[0] = A.",
            "many.json#x = B.",
            "many.json[2]: no text: expected a non-empty string in `text`, `body` or `content`",
            "many.json[3]: expected a JSON object, found a number",
            "many.json[4] = C.",
        ]
    );
    assert_eq!(
        json_sources("lines.json", "{\"text\": \"A.\"}\n{\"text\": \"B.\"}\n"),
        ["lines.json[0] = A.", "lines.json[1] = B."]
    );
    let broken = json_sources("broken.json", "[\n{\"text\": \"A.\"},\n{\"text\": }\n]");
    assert_eq!(broken[0], "broken.json[0] = A.");
    assert!(
        broken[1].starts_with("broken.json:3: invalid JSON: "),
        "{broken:?}"
    );
    assert_eq!(
        json_sources("empty.json", " \n"),
        ["empty.json: empty file"]
    );
}

#[test]
fn folder_is_walked_in_sorted_order_skipping_hidden_and_other_files() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let write = |relative: &str, content: &str| {
        let path = root.join(relative);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, content).unwrap();
    };
    write("b.txt", "Second story\n");
    write("a/z.TXT", "Nested story\n");
    write(
        "a/c.jsonl",
        "{\"text\": \"One.\"}\n{\"id\": \"k\", \"text\": \"Two.\"}\n",
    );
    write("a/d.json", "[{\"text\": \"Three.\"}]");
    write(".hidden.txt", "Never read\n");
    write(".git/notes.txt", "Never read either\n");
    write("image.png", "not really a picture");
    write("page.html", "<html></html>");
    write("bundle.tar.gz", "");
    write("c.txt", "");

    let (seen, _) = collect(root);
    let r = show(root);
    assert_eq!(
        seen,
        [
            Seen::Doc(format!("{r}/a/c.jsonl:1")),
            Seen::Doc(format!("{r}/a/c.jsonl#k")),
            Seen::Doc(format!("{r}/a/d.json[0]")),
            Seen::Doc(format!("{r}/a/z.TXT")),
            Seen::Doc(format!("{r}/b.txt")),
            // An empty file named like an archive is read for what it is.
            Seen::Error(format!("{r}/bundle.tar.gz: empty file")),
            Seen::Error(format!("{r}/c.txt: empty file")),
            Seen::Skipped(format!(
                "{r}/image.png: not a recognised input (.txt, .json, .jsonl, .ndjson, .html, .warc, .warc.gz, .tar, .tar.gz, .tgz, .zip, .gz)"
            )),
            Seen::Error(format!("{r}/page.html: no article text found in the page")),
        ]
    );
}

#[test]
fn explicit_file_with_unknown_extension_is_sniffed() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes");
    fs::write(&notes, "Envoys meet\n\nText.\n").unwrap();
    let dump = dir.path().join("dump.log");
    fs::write(&dump, "{\"text\": \"Envoys met.\"}\n").unwrap();
    let page = dir.path().join("page");
    fs::write(
        &page,
        "<!doctype html><html><body><p>Envoys met.</p></body></html>",
    )
    .unwrap();
    let gz = dir.path().join("story.txt");
    fs::write(&gz, b"\x1f\x8b\x08\0\0\0\0\0").unwrap();

    assert_eq!(collect(&notes).0, [Seen::Doc(show(&notes))]);
    assert_eq!(collect(&dump).0, [Seen::Doc(format!("{}:1", show(&dump)))]);
    assert_eq!(collect(&page).0, [Seen::Doc(show(&page))]);
    // Gzip by its magic number whatever the name; this one is cut short.
    assert_eq!(
        collect(&gz).0,
        [Seen::Error(format!(
            "{}: truncated or corrupt gzip data: unexpected end of file",
            show(&gz)
        ))]
    );
}
