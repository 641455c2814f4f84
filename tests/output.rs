//! End-to-end tests of output formats: CSV with a header, JSON and JSON
//! lines, tables that wrap long quotes (or cards on narrow widths), search
//! snippets, export, and a reader that stops early (`| head -1`).

use std::process::Stdio;

use demarche_tests::{Sandbox, ids, run_command};

const CSV_HEADER: [&str; 15] = [
    "id",
    "date",
    "speaker",
    "speaker_country",
    "title",
    "act",
    "kind",
    "text",
    "topics",
    "countries",
    "article_id",
    "article_title",
    "source",
    "score",
    "snippet",
];

fn parse_csv(text: &str) -> (Vec<String>, Vec<csv::StringRecord>) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader
        .headers()
        .expect("CSV has a header")
        .iter()
        .map(str::to_owned)
        .collect();
    let records = reader
        .records()
        .collect::<Result<Vec<_>, _>>()
        .expect("CSV parses");
    (header, records)
}

#[test]
fn csv_has_a_header_and_one_record_per_statement() {
    let sandbox = Sandbox::new();
    sandbox.ingest_samples();
    let expected = ids(&sandbox.statements(&[]));
    let run = sandbox
        .run(["statements", "--limit", "0", "--format", "csv"])
        .success();
    let (header, records) = parse_csv(&run.stdout);
    assert_eq!(header, CSV_HEADER);
    let listed: Vec<i64> = records
        .iter()
        .filter_map(|r| r.get(0)?.parse().ok())
        .collect();
    assert_eq!(listed, expected);
    let search = sandbox
        .run(["search", "seafood", "--format", "csv"])
        .success();
    let (header, records) = parse_csv(&search.stdout);
    assert_eq!(header, CSV_HEADER);
    assert!(!records.is_empty());
    assert!(
        records
            .iter()
            .all(|r| r.get(13).is_some_and(|s| s.parse::<f64>().is_ok()))
    );
}

#[test]
fn export_streams_every_statement() {
    let sandbox = Sandbox::new();
    sandbox.ingest_samples();
    let expected = ids(&sandbox.statements(&[]));
    let jsonl = sandbox
        .run(["export", "--format", "jsonl"])
        .success()
        .jsonl();
    assert_eq!(ids(&jsonl), expected);
    let csv = sandbox.run(["export", "--format", "csv"]).success();
    let (header, records) = parse_csv(&csv.stdout);
    assert_eq!(header, CSV_HEADER);
    assert_eq!(records.len(), expected.len());
    let japanese = sandbox
        .run(["export", "--format", "jsonl", "--country", "JP"])
        .success()
        .jsonl();
    assert_eq!(
        ids(&japanese),
        ids(&sandbox.statements(&["--country", "JP"]))
    );
}

#[test]
fn json_is_one_array_with_the_contract_fields() {
    let sandbox = Sandbox::new();
    sandbox.ingest_samples();
    let array = sandbox
        .run(["statements", "--limit", "3", "--format", "json"])
        .success()
        .json();
    let items = array.as_array().expect("an array");
    assert_eq!(items.len(), 3);
    for item in items {
        for field in [
            "id",
            "kind",
            "text",
            "content",
            "cue",
            "speaker",
            "addressee",
            "via",
            "act",
            "topics",
            "countries",
            "date",
            "confidence",
            "article",
        ] {
            assert!(item.get(field).is_some(), "{field} missing from {item}");
        }
        for field in ["id", "title", "published", "source"] {
            assert!(
                item["article"].get(field).is_some(),
                "article.{field} missing: {item}"
            );
        }
    }
    let empty = sandbox
        .run([
            "statements",
            "--speaker",
            "Nobody Atall",
            "--format",
            "json",
        ])
        .success()
        .json();
    assert_eq!(empty, serde_json::json!([]));
}

#[test]
fn tables_have_a_header_and_each_statement_starts_a_line() {
    let sandbox = Sandbox::new();
    sandbox.ingest_samples();
    let mut expected = ids(&sandbox.statements(&[]));
    expected.truncate(4);
    let run = sandbox
        .run(["statements", "--limit", "4", "--format", "table"])
        .success();
    let lines: Vec<&str> = run.stdout.lines().collect();
    for column in ["ID", "DATE", "SPEAKER", "ACT", "KIND", "TEXT"] {
        assert!(lines[0].contains(column), "{}", lines[0]);
    }
    // Rows start with their id; wrapped text continues on indented lines.
    let starts: Vec<i64> = lines[1..]
        .iter()
        .filter(|line| !line.starts_with(' '))
        .filter_map(|line| line.split_whitespace().next()?.parse().ok())
        .collect();
    assert_eq!(starts, expected, "{}", run.stdout);
    assert!(!run.stdout.contains('\x1b'), "no escapes when piped");
    assert!(
        lines.iter().all(|l| l.chars().count() <= 100),
        "{}",
        run.stdout
    );
}

/// An invented article with one long quote, containing characters that
/// snippets HTML-escape.
const LONG_QUOTE_ARTICLE: &str = "\
Title: Riverside states agree to keep talking about the dam
Date: 2024-05-02
Source: Invented Wire

BELGRADE \u{2014} Foreign Minister Ana Ilic on Thursday urged the neighbouring states to return to the table.

\"We will keep talking to our neighbours about the river, the dam and the fishing quotas, because a region that shares water has to share decisions too, and nobody gains when delegations walk out of the room before the experts have finished their work on the numbers for next season & the season after,\" Ilic told reporters in Belgrade.
";

/// A sandbox holding the long-quote article, and that quote's id and text.
fn long_quote() -> (Sandbox, i64, String) {
    let sandbox = Sandbox::new();
    let file = sandbox.write("news/dam.txt", LONG_QUOTE_ARTICLE);
    sandbox
        .run([std::ffi::OsStr::new("ingest"), file.as_os_str()])
        .success();
    let quote = sandbox
        .statements(&["--kind", "direct"])
        .into_iter()
        .find(|s| {
            s["text"]
                .as_str()
                .is_some_and(|t| t.contains("fishing quotas"))
        })
        .expect("the quote is extracted");
    let id = quote["id"].as_i64().expect("an id");
    let text = quote["text"].as_str().expect("a text").to_owned();
    (sandbox, id, text)
}

/// The text of the table row of `id`: its first line after the metadata
/// columns and the indented lines that continue it.
fn row_text(table: &str, id: i64) -> String {
    let lines: Vec<&str> = table.lines().collect();
    let column = lines
        .first()
        .and_then(|header| header.find("TEXT"))
        .expect("a TEXT column");
    let start = lines
        .iter()
        .position(|line| line.split_whitespace().next() == Some(&id.to_string()))
        .expect("a row for the id");
    let mut parts = vec![lines[start].get(column..).unwrap_or("").trim()];
    for line in &lines[start + 1..] {
        if !line.starts_with(' ') {
            break;
        }
        assert_eq!(
            line.find(|c: char| c != ' '),
            Some(column),
            "continuations sit under the text column: {table}"
        );
        parts.push(line.trim());
    }
    parts.join(" ")
}

#[test]
fn tables_wrap_long_statements_instead_of_cutting_them() {
    let (sandbox, id, text) = long_quote();
    let full = sandbox
        .run(["statements", "--format", "table", "--full"])
        .success();
    assert_eq!(row_text(&full.stdout, id), text, "{}", full.stdout);
    assert!(full.stdout.lines().all(|l| l.chars().count() <= 100));

    // Without --full a row shows at most four lines, cut between words.
    let capped = sandbox.run(["statements", "--format", "table"]).success();
    let shown = row_text(&capped.stdout, id);
    let kept = shown.strip_suffix(" …").expect("an ellipsis");
    assert!(text.starts_with(kept), "{kept}");
    assert_eq!(text.get(kept.len()..kept.len() + 1), Some(" "), "{kept}");
    assert!(
        kept.chars().count() > 150,
        "more than one line of text: {kept}"
    );

    // $COLUMNS sets the width when the output is not a terminal.
    let mut wide = sandbox.command(["--db".as_ref(), sandbox.db().as_os_str()]);
    wide.args(["statements", "--format", "table"])
        .env("COLUMNS", "200");
    let wide = run_command(wide, b"").success();
    assert_eq!(row_text(&wide.stdout, id), text, "{}", wide.stdout);
    assert!(wide.stdout.lines().any(|l| l.chars().count() > 100));
}

#[test]
fn narrow_widths_print_cards() {
    let (sandbox, id, text) = long_quote();
    let mut command = sandbox.command(["--db".as_ref(), sandbox.db().as_os_str()]);
    command
        .args(["statements", "--format", "table", "--full"])
        .env("COLUMNS", "60");
    let run = run_command(command, b"").success();
    let lines: Vec<&str> = run.stdout.lines().collect();
    let header = lines
        .iter()
        .position(|l| l.starts_with(&format!("#{id}  2024-05-02  Ana Ilic")))
        .unwrap_or_else(|| panic!("a card header for {id}: {}", run.stdout));
    let body: Vec<&str> = lines[header + 1..]
        .iter()
        .take_while(|l| !l.trim_start().starts_with("source: "))
        .map(|l| l.trim())
        .collect();
    assert_eq!(body.join(" "), text, "{}", run.stdout);
    let source = lines.get(header + 1 + body.len()).expect("a source line");
    assert!(source.starts_with("  source: "), "{}", run.stdout);
    assert!(source.ends_with("news/dam.txt"), "{}", run.stdout);
    assert!(
        lines.iter().all(|l| l.chars().count() <= 60),
        "{}",
        run.stdout
    );
}

#[test]
fn search_tables_decode_snippets_and_mark_matches() {
    let (sandbox, id, _) = long_quote();
    let table = sandbox
        .run(["search", "season", "--format", "table"])
        .success();
    let shown = row_text(&table.stdout, id);
    assert!(
        shown.contains("next «season» & the «season» after"),
        "{}",
        table.stdout
    );
    assert!(!table.stdout.contains("&amp;"), "{}", table.stdout);
    // Machine formats keep the snippet as the index made it.
    let hits = sandbox.search("season", &[]);
    let snippet = hits[0]["snippet"].as_str().expect("a snippet");
    assert!(snippet.contains("<b>season</b> &amp; the"), "{snippet}");
    let csv = sandbox
        .run(["search", "season", "--format", "csv"])
        .success();
    let (_, records) = parse_csv(&csv.stdout);
    assert_eq!(records[0].get(14), Some(snippet));
    let help = sandbox.run(["search", "--help"]).success();
    assert!(help.stdout.contains("<b>"), "{}", help.stdout);
    assert!(help.stdout.contains("NO_COLOR"), "{}", help.stdout);
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    let sandbox = Sandbox::new();
    sandbox.ingest_samples();
    let commands: [&[&str]; 5] = [
        &["statements", "--limit", "0", "--format", "jsonl"],
        &["search", "minister", "--format", "jsonl"],
        &["export", "--format", "csv"],
        &["export", "--format", "jsonl"],
        &["statements", "--format", "table"],
    ];
    for args in commands {
        let mut command = sandbox.command(["--db".as_ref(), sandbox.db().as_os_str()]);
        command
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = command.spawn().expect("demarche starts");
        // Closing the read end before anything is written makes every write
        // fail with a broken pipe, like `| head -0`.
        drop(child.stdout.take());
        let output = child.wait_with_output().expect("demarche ends");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            output.status.success(),
            "{args:?}: {} {stderr}",
            output.status
        );
        assert!(stderr.trim().is_empty(), "{args:?}: {stderr}");
    }
}

#[test]
fn usage_errors_exit_with_status_two() {
    let sandbox = Sandbox::new();
    for args in [
        &["frobnicate"][..],
        &["search"],
        &["statements", "--limit", "many"],
    ] {
        let run = run_command(sandbox.command(args), b"");
        assert_eq!(run.code(), 2, "{args:?}: {}", run.stderr);
    }
    let help = run_command(sandbox.command(["--help"]), b"");
    assert_eq!(help.code(), 0);
    assert!(help.stdout.contains("ingest"));
}
