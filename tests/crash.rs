//! Crash safety of `demarche ingest`: a run killed with SIGKILL half-way
//! leaves a database that `check` diagnoses and `check --repair` fixes, and
//! a second run over the same input completes it with every article stored
//! exactly once and the full-text index in step.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::time::{Duration, Instant};

use demarche_tests::{Sandbox, ids, invented_wire_articles, text_at};

/// Articles in the input of the first attempt; later attempts double it.
const ARTICLES: usize = 3000;

/// How long to wait for the first stored statement before giving up.
const START_TIMEOUT: Duration = Duration::from_secs(60);

/// How long the ingest goes on after the first stored statement is seen,
/// so that it dies in the middle of its work rather than at its start.
const RUN_ON: Duration = Duration::from_millis(150);

/// Starts an ingest of `input`, committing the index every `commit_every`
/// transactions, and kills it a little after the store first holds some
/// statements. Returns `false` when the run finished before it was killed.
fn ingest_and_kill(sandbox: &Sandbox, input: &Path, commit_every: &str) -> bool {
    // Small transactions make the run long enough to interrupt.
    let mut child = sandbox.spawn([
        "ingest".as_ref(),
        "--quiet".as_ref(),
        "--batch-size".as_ref(),
        "3".as_ref(),
        "--commit-every".as_ref(),
        commit_every.as_ref(),
        input.as_os_str(),
    ]);
    let started = Instant::now();
    loop {
        if child
            .try_wait()
            .expect("the ingest can be polled")
            .is_some()
        {
            return false;
        }
        // A read-only query through the binary: it fails until the
        // database exists and lists nothing until a batch is stored.
        let probe = sandbox.run(["statements", "--limit", "1", "--format", "jsonl"]);
        if probe.status.success() && !probe.stdout.trim().is_empty() {
            break;
        }
        assert!(
            started.elapsed() < START_TIMEOUT,
            "nothing was stored within {START_TIMEOUT:?}: {}",
            probe.stderr
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    std::thread::sleep(RUN_ON);
    // `Child::kill` sends SIGKILL on Unix: no destructor, no last commit.
    let killed = child.kill().is_ok();
    let output = child
        .wait_with_output()
        .expect("the ingest can be waited for");
    killed && !output.status.success()
}

/// Copies a folder tree (the database after the crash, as it is on disk).
fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("the copy can be created");
    for entry in std::fs::read_dir(from).expect("the database can be listed") {
        let entry = entry.expect("the database can be listed");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("entries have a type").is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("files can be copied");
        }
    }
}

/// Every indexed statement: an empty query matches them all.
fn search_all(sandbox: &Sandbox) -> Vec<serde_json::Value> {
    sandbox
        .run(["search", "--format", "jsonl", "--limit", "1000000", ""])
        .success()
        .jsonl()
}

/// Article ids stored per article source, from every listed statement.
fn articles_by_source(statements: &[serde_json::Value]) -> BTreeMap<String, BTreeSet<i64>> {
    let mut sources: BTreeMap<String, BTreeSet<i64>> = BTreeMap::new();
    for statement in statements {
        let source = text_at(statement, "/article/source").to_owned();
        let article = statement
            .pointer("/article/id")
            .and_then(serde_json::Value::as_i64)
            .unwrap_or(-1);
        sources.entry(source).or_default().insert(article);
    }
    sources
}

/// Kills an ingest (retrying with a bigger input if it was too quick),
/// returning the sandbox, the input and its number of articles.
fn crashed_ingest(commit_every: &str) -> (Sandbox, std::path::PathBuf, usize) {
    let mut attempt = 0;
    loop {
        let articles = ARTICLES << attempt;
        let sandbox = Sandbox::new();
        let input = sandbox.write("wire.jsonl", invented_wire_articles(0, articles));
        if ingest_and_kill(&sandbox, &input, commit_every) {
            return (sandbox, input, articles);
        }
        attempt += 1;
        assert!(
            attempt < 3,
            "every ingest finished before it could be killed"
        );
    }
}

#[test]
fn a_killed_ingest_is_diagnosed_repaired_and_completed_by_a_second_run() {
    // An index committed only at the end is sure to lag behind the store.
    let (sandbox, input, articles) = crashed_ingest("1000000");

    let before = sandbox.statements(&[]);
    let stored_before = articles_by_source(&before).len();
    assert!(stored_before > 0, "the probe saw statements stored");
    eprintln!("killed with {stored_before} of {articles} articles stored");

    // A copy of the crashed database: `check` finds the index behind the
    // store (it was to be committed only at the end) and `--repair` fixes it.
    let repaired = Sandbox::new();
    copy_tree(&sandbox.db(), &repaired.db());
    if stored_before < articles {
        let check = repaired.run(["check"]).exits_with(1);
        assert!(check.stdout.contains("problem: index"), "{}", check.stdout);
        assert!(check.stdout.contains("lags behind"), "{}", check.stdout);
        assert!(!check.stdout.contains("problem: store"), "{}", check.stdout);
    }
    repaired.run(["check", "--repair"]).success();
    repaired.run(["check"]).success();
    assert_eq!(
        search_all(&repaired).len(),
        before.len(),
        "the repaired index holds every stored statement"
    );

    // The second run stores the rest and indexes what the first one left.
    let summary = sandbox
        .run(["ingest".as_ref(), "--json".as_ref(), input.as_os_str()])
        .success()
        .json();
    let count = |key: &str| summary[key].as_u64().unwrap_or(u64::MAX);
    assert_eq!(count("articles_read"), articles as u64, "{summary}");
    assert_eq!(count("failed"), 0, "{summary}");
    assert_eq!(count("duplicates"), stored_before as u64, "{summary}");
    assert_eq!(
        count("articles_new") + count("duplicates"),
        articles as u64,
        "{summary}"
    );

    let after = sandbox.statements(&[]);
    let statement_ids = ids(&after);
    let unique: BTreeSet<i64> = statement_ids.iter().copied().collect();
    assert_eq!(unique.len(), statement_ids.len(), "statement ids repeat");
    // Every article is stored once: one article id per source, every
    // source of the input present.
    let sources = articles_by_source(&after);
    assert_eq!(sources.len(), articles, "articles missing");
    for (source, article_ids) in &sources {
        assert_eq!(article_ids.len(), 1, "{source} stored as {article_ids:?}");
    }
    // No statement of an article is stored twice.
    let spans: BTreeSet<(String, u64, u64)> = after
        .iter()
        .map(|s| {
            let at = |pointer: &str| s.pointer(pointer).and_then(serde_json::Value::as_u64);
            (
                text_at(s, "/article/source").to_owned(),
                at("/content/start").unwrap_or(0),
                at("/content/end").unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(spans.len(), after.len(), "a statement is stored twice");

    let check = sandbox.run(["check"]).success();
    assert!(
        check.stdout.contains("ok: no problems found"),
        "{}",
        check.stdout
    );
    assert_last_article_is_found(&sandbox, &input, articles);
    assert_eq!(search_all(&sandbox).len(), after.len());
}

#[test]
fn a_killed_ingest_that_committed_the_index_along_the_way_resumes_cleanly() {
    let (sandbox, input, articles) = crashed_ingest("2");
    let stored_before = articles_by_source(&sandbox.statements(&[])).len();
    let summary = sandbox
        .run(["ingest".as_ref(), "--json".as_ref(), input.as_os_str()])
        .success()
        .json();
    assert_eq!(summary["duplicates"], stored_before as u64, "{summary}");
    let after = sandbox.statements(&[]);
    let sources = articles_by_source(&after);
    assert_eq!(sources.len(), articles);
    assert!(sources.values().all(|ids| ids.len() == 1));
    sandbox.run(["check"]).success();
    assert_last_article_is_found(&sandbox, &input, articles);
    assert_eq!(search_all(&sandbox).len(), after.len());
}

/// The last article's unique word finds its statement, and only it.
fn assert_last_article_is_found(sandbox: &Sandbox, input: &Path, articles: usize) {
    let last = articles - 1;
    let hits = sandbox.search(&format!("q{last}"), &[]);
    assert_eq!(hits.len(), 1, "search for the last article: {hits:?}");
    assert_eq!(
        text_at(&hits[0], "/article/source"),
        format!("{}#w{last}", input.display())
    );
}
