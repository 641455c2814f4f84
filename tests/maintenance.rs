//! End-to-end tests of `demarche reindex` and `demarche check`: the index
//! is derived from the store and can always be verified and rebuilt.

use demarche_tests::{Sandbox, ids};

#[test]
fn reindexing_gives_the_same_search_results() {
    let sandbox = Sandbox::new();
    sandbox.ingest_samples();
    let queries = ["seafood", "\"foreign minister\"", "sanctions Russia", ""];
    let before: Vec<Vec<i64>> = queries
        .iter()
        .map(|q| ids(&sandbox.search(q, &[])))
        .collect();
    assert!(before.iter().any(|hits| !hits.is_empty()));
    sandbox.run(["reindex"]).success();
    let after: Vec<Vec<i64>> = queries
        .iter()
        .map(|q| ids(&sandbox.search(q, &[])))
        .collect();
    assert_eq!(after, before);
    sandbox.run(["check"]).success();
}

#[test]
fn check_passes_on_a_fresh_database() {
    let sandbox = Sandbox::new();
    sandbox.ingest_samples();
    let run = sandbox.run(["check"]).success();
    assert!(run.stdout.contains("ok"), "{}", run.stdout);
}

#[test]
fn check_finds_a_lost_index_and_repair_rebuilds_it() {
    let sandbox = Sandbox::new();
    sandbox.ingest_samples();
    let everything = ids(&sandbox.search("", &[]));
    assert!(!everything.is_empty());
    std::fs::remove_dir_all(sandbox.db().join("index")).expect("the index folder exists");
    let run = sandbox.run(["check"]).exits_with(1);
    assert!(run.stdout.contains("problem"), "{}", run.stdout);
    sandbox.run(["check", "--repair"]).success();
    sandbox.run(["check"]).success();
    assert_eq!(ids(&sandbox.search("", &[])), everything);
}

#[test]
fn an_index_behind_the_store_is_caught_up() {
    let sandbox = Sandbox::new();
    let first = sandbox.write("first/a.txt", FIRST);
    let second = sandbox.write("second/b.txt", SECOND);
    sandbox
        .run(["ingest".as_ref(), first.as_os_str()])
        .success();
    // Keep the index of the first ingest aside, ingest more, then put the
    // old index back: it now lacks the newest statements.
    let index = sandbox.db().join("index");
    let saved = sandbox.path().join("saved-index");
    copy_dir(&index, &saved);
    sandbox
        .run(["ingest".as_ref(), second.as_os_str()])
        .success();
    std::fs::remove_dir_all(&index).expect("the index folder exists");
    copy_dir(&saved, &index);
    let run = sandbox.run(["check"]).exits_with(1);
    assert!(run.stdout.contains("missing"), "{}", run.stdout);
    sandbox.run(["check", "--repair"]).success();
    sandbox.run(["check"]).success();
    let hits = sandbox.search("reservoir", &[]);
    assert!(!hits.is_empty());
}

#[test]
fn the_next_ingest_catches_a_lagging_index_up() {
    let sandbox = Sandbox::new();
    let first = sandbox.write("first/a.txt", FIRST);
    let second = sandbox.write("second/b.txt", SECOND);
    sandbox
        .run(["ingest".as_ref(), first.as_os_str()])
        .success();
    let index = sandbox.db().join("index");
    let saved = sandbox.path().join("saved-index");
    copy_dir(&index, &saved);
    sandbox
        .run(["ingest".as_ref(), second.as_os_str()])
        .success();
    std::fs::remove_dir_all(&index).expect("the index folder exists");
    copy_dir(&saved, &index);
    // Ingesting nothing new still brings the index up to the store.
    let summary = sandbox
        .run(["ingest".as_ref(), "--json".as_ref(), second.as_os_str()])
        .success()
        .json();
    assert_eq!(summary["duplicates"], 1, "{summary}");
    sandbox.run(["check"]).success();
    assert!(!sandbox.search("reservoir", &[]).is_empty());
}

const FIRST: &str = "Talks on fishing rights\n\n\
\"Our boats must be able to fish where their grandparents fished,\" said Mette Dalsgaard, Denmark's fisheries minister.\n";
const SECOND: &str = "Water sharing deal\n\n\
\"The reservoir will be shared fairly between both countries,\" said Ahmed Karimi, Afghanistan's water minister.\n";

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).expect("folder can be created");
    for entry in std::fs::read_dir(from).expect("folder can be read") {
        let entry = entry.expect("entry can be read");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("file can be copied");
        }
    }
}
