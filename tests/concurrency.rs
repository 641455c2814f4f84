//! Queries while an ingest is writing: SQLite's write-ahead log and the
//! index's committed segments let `statements` and `search` read a
//! consistent state at any moment, never failing and never going back.

use std::time::{Duration, Instant};

use demarche_tests::{Sandbox, invented_wire_articles};

/// Articles in the long ingest.
const ARTICLES: usize = 3000;

/// The longest the ingest may take, even on a slow machine.
const TIMEOUT: Duration = Duration::from_secs(120);

/// Counts the JSON lines of a query that must succeed.
#[track_caller]
fn count(sandbox: &Sandbox, args: &[&str]) -> usize {
    sandbox.run(args).success().jsonl().len()
}

#[test]
fn queries_succeed_and_counts_never_decrease_while_an_ingest_writes() {
    let sandbox = Sandbox::new();
    // A first article, so that the database exists before the long run.
    let seed = sandbox.write("seed.jsonl", invented_wire_articles(ARTICLES, 1));
    sandbox
        .run(["ingest".as_ref(), "--quiet".as_ref(), seed.as_os_str()])
        .success();
    let input = sandbox.write("wire.jsonl", invented_wire_articles(0, ARTICLES));
    // Small transactions and frequent index commits: many states to observe
    // (each index commit syncs to disk, which sets the pace).
    let mut ingest = sandbox.spawn([
        "ingest".as_ref(),
        "--json".as_ref(),
        "--batch-size".as_ref(),
        "50".as_ref(),
        "--commit-every".as_ref(),
        "2".as_ref(),
        input.as_os_str(),
    ]);
    let listing = ["statements", "--limit", "0", "--format", "jsonl"];
    let searching = [
        "search", "--format", "jsonl", "--limit", "1000000", "harbour",
    ];
    let (mut listed, mut found) = (1, 1);
    let mut rounds_while_writing = 0;
    let started = Instant::now();
    while ingest
        .try_wait()
        .expect("the ingest can be polled")
        .is_none()
    {
        assert!(started.elapsed() < TIMEOUT, "the ingest took too long");
        let now_listed = count(&sandbox, &listing);
        let now_found = count(&sandbox, &searching);
        assert!(
            now_listed >= listed,
            "{now_listed} statements after {listed}"
        );
        assert!(now_found >= found, "{now_found} hits after {found}");
        // The reader is never ahead of the store: the index follows it.
        (listed, found) = (now_listed, now_found);
        rounds_while_writing += 1;
    }
    let output = ingest
        .wait_with_output()
        .expect("the ingest can be waited for");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let summary: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("the summary is JSON");
    assert_eq!(summary["articles_new"], ARTICLES as u64, "{summary}");
    assert_eq!(count(&sandbox, &listing), ARTICLES + 1);
    assert_eq!(count(&sandbox, &searching), ARTICLES + 1);
    assert!(listed <= ARTICLES + 1 && found <= ARTICLES + 1);
    eprintln!("{rounds_while_writing} rounds of queries while the ingest wrote");
    assert!(rounds_while_writing > 0, "no query ran during the ingest");
}
