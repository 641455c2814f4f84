//! End-to-end tests of output formats: CSV with a header, JSON and JSON
//! lines, tables, export, and a reader that stops early (`| head -1`).

use std::process::Stdio;

use demarche_tests::{Sandbox, ids};

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
fn tables_have_a_header_and_a_line_per_statement() {
    let sandbox = Sandbox::new();
    sandbox.ingest_samples();
    let run = sandbox
        .run(["statements", "--limit", "4", "--format", "table"])
        .success();
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 5, "{}", run.stdout);
    for column in ["ID", "DATE", "SPEAKER", "ACT", "KIND", "TEXT"] {
        assert!(lines[0].contains(column), "{}", lines[0]);
    }
    assert!(!run.stdout.contains('\x1b'), "no escapes when piped");
    assert!(
        lines.iter().all(|l| l.chars().count() <= 100),
        "{}",
        run.stdout
    );
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    let sandbox = Sandbox::new();
    sandbox.ingest_samples();
    let commands: [&[&str]; 4] = [
        &["statements", "--limit", "0", "--format", "jsonl"],
        &["search", "minister", "--format", "jsonl"],
        &["export", "--format", "csv"],
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
        let run = demarche_tests::run_command(sandbox.command(args), b"");
        assert_eq!(run.code(), 2, "{args:?}: {}", run.stderr);
    }
    let help = demarche_tests::run_command(sandbox.command(["--help"]), b"");
    assert_eq!(help.code(), 0);
    assert!(help.stdout.contains("ingest"));
}
