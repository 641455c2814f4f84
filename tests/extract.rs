//! End-to-end tests of `demarche extract`: the statement JSON contract,
//! whose offsets must always point at the exact bytes of the input.

use demarche_tests::{Sandbox, samples_dir, span_errors, text_at};
use serde_json::Value;

fn sample_texts() -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(samples_dir())
        .expect("data/samples exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_span_of_every_sample_equals_the_file_bytes() {
    let sandbox = Sandbox::new();
    let files = sample_texts();
    assert!(files.len() >= 10, "{files:?}");
    let mut args = vec!["extract".into(), "--format".into(), "jsonl".into()];
    args.extend(files.iter().map(|f| f.clone().into_os_string()));
    let records = sandbox.run(&args).success().jsonl();
    assert_eq!(records.len(), files.len());
    let mut total = 0;
    for (file, record) in files.iter().zip(&records) {
        assert_eq!(
            text_at(record, "/article/source"),
            file.display().to_string()
        );
        let bytes = std::fs::read(file).expect("sample can be read");
        let statements = record["statements"].as_array().cloned().unwrap_or_default();
        total += statements.len();
        for statement in &statements {
            let errors = span_errors(&bytes, statement);
            assert!(
                errors.is_empty(),
                "{}: {errors:?}\n{statement}",
                file.display()
            );
        }
    }
    assert!(
        total >= files.len(),
        "only {total} statements in {} files",
        files.len()
    );
}

#[test]
fn spans_of_jsonl_records_equal_their_text() {
    let sandbox = Sandbox::new();
    let wire = samples_dir().join("wire.jsonl");
    let records = sandbox
        .run([
            "extract".as_ref(),
            "--format".as_ref(),
            "jsonl".as_ref(),
            wire.as_os_str(),
        ])
        .success()
        .jsonl();
    let lines: Vec<Value> = std::fs::read_to_string(&wire)
        .expect("wire.jsonl can be read")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("sample line is JSON"))
        .collect();
    assert_eq!(records.len(), lines.len());
    for (record, line) in records.iter().zip(&lines) {
        let body = text_at(line, "/text").as_bytes();
        for statement in record["statements"].as_array().into_iter().flatten() {
            let errors = span_errors(body, statement);
            assert!(errors.is_empty(), "{errors:?}\n{statement}");
        }
        assert_eq!(text_at(record, "/article/title"), text_at(line, "/title"));
        assert_eq!(
            text_at(record, "/article/published"),
            text_at(line, "/published")
        );
    }
}

#[test]
fn json_format_prints_one_array() {
    let sandbox = Sandbox::new();
    let files = sample_texts();
    let value = sandbox
        .run([
            "extract".as_ref(),
            files[0].as_os_str(),
            files[1].as_os_str(),
        ])
        .success()
        .json();
    let articles = value.as_array().expect("an array");
    assert_eq!(articles.len(), 2);
    for article in articles {
        assert_eq!(
            article["article"]["content_hash"].as_str().map(str::len),
            Some(64)
        );
        assert!(article["statements"].is_array());
    }
}

const ARTICLE: &str = "Envoys meet in Geneva\n\n\
\u{201c}We are ready to return to the table,\u{201d} said Ines Carvalho, Portugal's foreign minister.\n";

#[test]
fn standard_input_is_read_as_one_article() {
    let sandbox = Sandbox::new();
    let records = sandbox
        .run_with_stdin(["extract", "--format", "jsonl", "-"], ARTICLE.as_bytes())
        .success()
        .jsonl();
    assert_eq!(records.len(), 1);
    for statement in records[0]["statements"].as_array().into_iter().flatten() {
        assert!(
            span_errors(ARTICLE.as_bytes(), statement).is_empty(),
            "{statement}"
        );
    }
    assert!(
        records[0]["statements"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|s| text_at(s, "/text").contains("ready to return to the table")),
        "{}",
        records[0]
    );
}

#[test]
fn a_missing_file_is_reported_and_the_others_are_still_printed() {
    let sandbox = Sandbox::new();
    let good = sandbox.write("good.txt", ARTICLE);
    let run = sandbox.run([
        "extract".as_ref(),
        "--format".as_ref(),
        "jsonl".as_ref(),
        "absent.txt".as_ref(),
        good.as_os_str(),
    ]);
    assert_eq!(run.code(), 1, "{}", run.stderr);
    let errors = run.stderr_lines("error: ");
    assert_eq!(errors.len(), 1, "{}", run.stderr);
    assert!(errors[0].contains("absent.txt"), "{}", errors[0]);
    assert_eq!(run.jsonl().len(), 1);
}

#[test]
fn extract_needs_no_database() {
    let sandbox = Sandbox::new();
    let good = sandbox.write("good.txt", ARTICLE);
    sandbox
        .run(["extract".as_ref(), good.as_os_str()])
        .success();
    assert!(!sandbox.db().exists());
}

#[test]
fn binary_and_empty_files_are_errors_naming_the_file() {
    let sandbox = Sandbox::new();
    let binary = sandbox.write("scan.txt", b"GIF89a\0\0\x01\0\0\0\0\xff\0");
    let empty = sandbox.write("blank.txt", "  \n\n");
    let run = sandbox.run([
        "extract".as_ref(),
        "--format".as_ref(),
        "jsonl".as_ref(),
        binary.as_os_str(),
        empty.as_os_str(),
    ]);
    assert_eq!(run.code(), 1, "{}", run.stderr);
    let errors = run.stderr_lines("error: ");
    assert_eq!(errors.len(), 2, "{}", run.stderr);
    assert!(errors[0].contains("scan.txt"), "{}", errors[0]);
    assert!(errors[1].contains("blank.txt"), "{}", errors[1]);
    assert!(run.jsonl().is_empty());
}
