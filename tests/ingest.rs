//! End-to-end tests of `demarche ingest`: the sample archive, re-ingesting,
//! standard input, and bad inputs that must not stop a run.

use demarche_tests::{Sandbox, ids, text_at};

/// The sample folder holds ten `.txt` articles and a `.jsonl` file of five.
const SAMPLE_ARTICLES: u64 = 15;

#[test]
fn ingesting_the_samples_reports_every_article_as_new() {
    let sandbox = Sandbox::new();
    let summary = sandbox.ingest_samples();
    assert_eq!(summary["articles_read"], SAMPLE_ARTICLES, "{summary}");
    assert_eq!(summary["articles_new"], SAMPLE_ARTICLES, "{summary}");
    assert_eq!(summary["duplicates"], 0, "{summary}");
    assert_eq!(summary["failed"], 0, "{summary}");
    assert!(summary["elapsed_ms"].is_u64(), "{summary}");
    // The samples hold at least three attributed statements per article.
    let stored = summary["statements"].as_u64().unwrap_or(0);
    assert!(
        stored >= SAMPLE_ARTICLES,
        "only {stored} statements: {summary}"
    );
    let listed = sandbox.statements(&[]);
    assert_eq!(listed.len() as u64, stored);
}

#[test]
fn reingesting_the_same_archive_adds_nothing() {
    let sandbox = Sandbox::new();
    let first = sandbox.ingest_samples();
    let before = ids(&sandbox.statements(&[]));
    let second = sandbox.ingest_samples();
    assert_eq!(second["articles_read"], first["articles_read"], "{second}");
    assert_eq!(second["duplicates"], second["articles_read"], "{second}");
    assert_eq!(second["articles_new"], 0, "{second}");
    assert_eq!(second["statements"], 0, "{second}");
    assert_eq!(ids(&sandbox.statements(&[])), before);
    // The index did not grow either: a broad search finds the same ids.
    let everything = sandbox.search("", &[]);
    assert_eq!(everything.len(), before.len());
}

#[test]
fn the_summary_line_goes_to_standard_error() {
    let sandbox = Sandbox::new();
    let samples = demarche_tests::samples_dir();
    let run = sandbox
        .run([std::ffi::OsStr::new("ingest"), samples.as_os_str()])
        .success();
    assert!(run.stdout.is_empty(), "stdout: {}", run.stdout);
    let last = run.stderr.lines().last().unwrap_or("");
    for word in [
        "15 articles read",
        "15 new",
        "0 duplicate",
        "0 failed",
        "statements stored",
    ] {
        assert!(last.contains(word), "{word:?} not in {last:?}");
    }
}

const GOOD_ARTICLE: &str = "Ministers discuss river dams\n\n\
VIENTIANE — The foreign minister of Laos, Somsak Vongsa, said that \
the new dams would be run \"in the interest of every country downstream\".\n\n\
\"We will share the water data every week,\" Vongsa told reporters.\n";

const WIRE_GOOD_1: &str = r#"{"id": "a1", "title": "Port talks resume", "published": "2024-05-03", "text": "Port talks resume\n\n\"The harbour will stay open to all ships,\" said Teodora Ilic, the transport minister of Montenegro."}"#;
const WIRE_BROKEN: &str = r#"{"id": "a2", "title": "Broken record", "text": "#;
const WIRE_GOOD_2: &str = r#"{"id": "a3", "title": "Grain deal signed", "published": "2024-05-04", "text": "Grain deal signed\n\nKenya's trade minister, Wanjiru Otieno, said the deal was \"a good day for farmers on both sides\"."}"#;

#[test]
fn bad_inputs_get_one_line_errors_and_the_good_ones_are_stored() {
    let sandbox = Sandbox::new();
    let good = sandbox.write("inputs/good.txt", GOOD_ARTICLE);
    let binary = sandbox.write(
        "inputs/photo.txt",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0",
    );
    let empty = sandbox.write("inputs/empty.txt", "");
    let wire = sandbox.write(
        "inputs/wire.jsonl",
        format!("{WIRE_GOOD_1}\n{WIRE_BROKEN}\n{WIRE_GOOD_2}\n"),
    );
    let missing = sandbox.path().join("inputs/missing.txt");
    let run = sandbox.run([
        "ingest".as_ref(),
        "--json".as_ref(),
        good.as_os_str(),
        binary.as_os_str(),
        empty.as_os_str(),
        wire.as_os_str(),
        missing.as_os_str(),
    ]);
    assert_eq!(run.code(), 1, "stderr:\n{}", run.stderr);
    let errors = run.stderr_lines("error: ");
    assert_eq!(errors.len(), 4, "stderr:\n{}", run.stderr);
    let expected_locations = ["photo.txt", "empty.txt", "wire.jsonl:2", "missing.txt"];
    for location in expected_locations {
        assert!(
            errors.iter().any(|line| line.contains(location)),
            "no error naming {location}:\n{}",
            run.stderr
        );
    }
    let summary = run.json();
    assert_eq!(summary["articles_read"], 3, "{summary}");
    assert_eq!(summary["articles_new"], 3, "{summary}");
    assert_eq!(summary["failed"], 4, "{summary}");
    // The good articles are really stored: ingesting them again finds them.
    let again = sandbox
        .run([
            "ingest".as_ref(),
            "--json".as_ref(),
            good.as_os_str(),
            wire.as_os_str(),
        ])
        .exits_with(1)
        .json();
    assert_eq!(again["duplicates"], 3, "{again}");
    assert_eq!(again["articles_new"], 0, "{again}");
}

#[test]
fn a_missing_path_alone_fails_the_run() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(["ingest", "no-such-folder"]).exits_with(1);
    let errors = run.stderr_lines("error: ");
    assert_eq!(errors.len(), 1, "stderr:\n{}", run.stderr);
    assert!(errors[0].contains("no-such-folder"), "{}", errors[0]);
}

#[test]
fn jsonl_on_standard_input_is_ingested() {
    let sandbox = Sandbox::new();
    let input = format!("{WIRE_GOOD_1}\n{WIRE_GOOD_2}\n");
    let summary = sandbox
        .run_with_stdin(["ingest", "--json", "-"], input.as_bytes())
        .success()
        .json();
    assert_eq!(summary["articles_read"], 2, "{summary}");
    assert_eq!(summary["articles_new"], 2, "{summary}");
    let statements = sandbox.statements(&[]);
    assert!(
        statements
            .iter()
            .any(|s| text_at(s, "/text").contains("stay open to all ships")),
        "{statements:?}"
    );
}

/// A short article saved as Windows-1252: curly quotes are bytes 0x93 and
/// 0x94, the dash 0x96 and "é" 0xE9, none of them valid UTF-8.
const CP1252_ARTICLE: &[u8] = b"Title: Ministers meet in Lyon\nDate: 2024-05-02\n\n\
LYON \x96 France's foreign minister, Am\xe9lie Fauret, met her Belgian counterpart at a caf\xe9 on Thursday.\n\n\
\x93We will meet again in June to sign the river agreement,\x94 Fauret told reporters.\n";

#[test]
fn a_windows_1252_file_is_decoded_with_a_warning_and_valid_offsets() {
    let sandbox = Sandbox::new();
    let file = sandbox.write("lyon.txt", CP1252_ARTICLE);
    let run = sandbox
        .run(["ingest".as_ref(), "--json".as_ref(), file.as_os_str()])
        .success();
    let warnings = run.stderr_lines("warning: ");
    assert!(
        warnings.iter().any(|w| w.contains("lyon.txt")),
        "no warning naming the file:\n{}",
        run.stderr
    );
    assert_eq!(run.json()["articles_new"], 1);
    let statements = sandbox.statements(&[]);
    assert!(
        statements
            .iter()
            .any(|s| text_at(s, "/text").contains("meet again in June")),
        "{statements:?}"
    );
    // Offsets refer to the decoded text: `show` returns the context around
    // each statement, and the content must read the same there.
    for statement in &statements {
        let id = statement["id"].as_i64().unwrap_or_default().to_string();
        let shown = sandbox
            .run(["show", &id, "--format", "json"])
            .success()
            .json();
        let context_start = shown["context"]["start"].as_u64().unwrap_or(0) as usize;
        let context = text_at(&shown, "/context/text");
        let start = shown["content"]["start"].as_u64().unwrap_or(0) as usize;
        let end = shown["content"]["end"].as_u64().unwrap_or(0) as usize;
        let inside = context.get(start - context_start..end - context_start);
        assert_eq!(inside, Some(text_at(&shown, "/content/text")), "{shown}");
    }
    sandbox.run(["check"]).success();
}

#[test]
fn published_gives_undated_articles_a_date() {
    let sandbox = Sandbox::new();
    let file = sandbox.write("undated.txt", GOOD_ARTICLE);
    sandbox
        .run([
            "ingest".as_ref(),
            "--published".as_ref(),
            "2023-11-05".as_ref(),
            file.as_os_str(),
        ])
        .success();
    let statements = sandbox.statements(&["--since", "2023-11-05", "--until", "2023-11-05"]);
    assert!(!statements.is_empty());
    assert_eq!(statements.len(), sandbox.statements(&[]).len());
}

#[test]
fn an_invalid_published_date_is_a_usage_error() {
    let sandbox = Sandbox::new();
    let run = sandbox
        .run(["ingest", "--published", "yesterday", "x.txt"])
        .exits_with(2);
    assert!(run.stderr.contains("yesterday"), "{}", run.stderr);
}
