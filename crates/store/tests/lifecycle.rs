//! Opening and migrating database files, duplicates, integrity checks,
//! paging, bookkeeping values and insert speed.

mod support;

use std::time::Instant;

use demarche_core::Statement;
use demarche_store::{DATABASE_FILE, Error, InsertOutcome, Store, schema_version_supported};
use support::{article, statement};

fn raw_connection(dir: &std::path::Path) -> rusqlite::Connection {
    rusqlite::Connection::open(dir.join(DATABASE_FILE)).unwrap()
}

#[test]
fn open_creates_the_folder_and_a_wal_database_that_persists() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("nested").join("db");
    {
        let mut store = Store::open(&dir).unwrap();
        assert_eq!(store.path(), Some(dir.join(DATABASE_FILE).as_path()));
        assert_eq!(store.schema_version().unwrap(), schema_version_supported());
        let body = "Note\n\nOkafor said yes.";
        let s = statement(body, "yes", Some("Lena Okafor"), Some("Okafor"));
        store
            .insert_batch(&[(article("n.txt", None, body), vec![s])])
            .unwrap();
        store.meta_set("index.watermark", "1").unwrap();
    }
    let mode: String = raw_connection(&dir)
        .query_row("PRAGMA journal_mode", [], |row| row.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let store = Store::open(&dir).unwrap();
    assert_eq!(store.counts().unwrap().statements, 1);
    assert_eq!(
        store.meta_get("index.watermark").unwrap().as_deref(),
        Some("1")
    );
    assert!(Store::open_in_memory().unwrap().path().is_none());
}

#[test]
fn an_empty_database_at_version_zero_is_migrated() {
    let tmp = tempfile::tempdir().unwrap();
    {
        let conn = raw_connection(tmp.path());
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, 0);
    }
    let store = Store::open(tmp.path()).unwrap();
    assert_eq!(store.schema_version().unwrap(), schema_version_supported());
    assert_eq!(store.counts().unwrap(), Default::default());
    assert_eq!(store.max_statement_id().unwrap(), 0);
}

#[test]
fn a_database_from_a_newer_version_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    raw_connection(tmp.path())
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let err = Store::open(tmp.path()).unwrap_err();
    assert!(
        matches!(err, Error::SchemaTooNew { found: 99, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("upgrade demarche"), "{err}");
}

#[test]
fn a_file_that_is_not_a_database_gives_an_open_error() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join(DATABASE_FILE), vec![b'x'; 4096]).unwrap();
    let err = Store::open(tmp.path()).unwrap_err();
    assert!(matches!(err, Error::Open { .. }), "{err:?}");
    assert!(err.to_string().contains(DATABASE_FILE), "{err}");
}

#[test]
fn duplicates_are_found_in_the_database_and_within_a_batch() {
    let body_a = "First\n\nKim said the ferry will sail.";
    let body_b = "Second\n\nLee said the ferry will not sail.";
    let a = (
        article("a.txt", None, body_a),
        vec![statement(
            body_a,
            "the ferry will sail",
            Some("Kim Soo"),
            Some("Kim"),
        )],
    );
    let b = (article("b.txt", None, body_b), vec![]);
    let a_again = (article("copy-of-a.txt", Some("2024-01-01"), body_a), vec![]);
    let mut store = Store::open_in_memory().unwrap();

    let outcomes = store
        .insert_batch(&[a.clone(), b.clone(), a_again.clone()])
        .unwrap();
    assert_eq!(
        outcomes,
        [
            InsertOutcome::Inserted {
                article_id: 1,
                statement_ids: vec![1],
                speaker_ids: vec![Some(1)],
            },
            InsertOutcome::Inserted {
                article_id: 2,
                statement_ids: vec![],
                speaker_ids: vec![],
            },
            InsertOutcome::Duplicate { existing_id: 1 },
        ]
    );
    let c_body = "Third\n\nNothing was said.";
    let outcomes = store
        .insert_batch(&[b, a_again, (article("c.txt", None, c_body), vec![])])
        .unwrap();
    assert_eq!(
        outcomes,
        [
            InsertOutcome::Duplicate { existing_id: 2 },
            InsertOutcome::Duplicate { existing_id: 1 },
            InsertOutcome::Inserted {
                article_id: 3,
                statement_ids: vec![],
                speaker_ids: vec![],
            },
        ]
    );
    assert!(store.has_article(&a.0.meta.content_hash).unwrap());
    assert!(!store.has_article("0000").unwrap());
    let counts = store.counts().unwrap();
    assert_eq!(
        (counts.articles, counts.statements, counts.speakers),
        (3, 1, 1)
    );
}

#[test]
fn an_empty_content_hash_is_computed_from_the_body() {
    let body = "Hashless\n\nA note.";
    let mut art = article("x.txt", None, body);
    art.meta.content_hash.clear();
    let mut store = Store::open_in_memory().unwrap();
    store.insert_batch(&[(art.clone(), vec![])]).unwrap();
    assert!(
        store
            .has_article(&demarche_core::content_hash(body))
            .unwrap()
    );
    let outcome = store.insert_batch(&[(art, vec![])]).unwrap();
    assert_eq!(outcome, [InsertOutcome::Duplicate { existing_id: 1 }]);
}

#[test]
fn check_reports_statements_whose_body_was_changed() {
    let tmp = tempfile::tempdir().unwrap();
    let body1 = "Grain\n\n“Exports will resume,” Minister Oksana Lys said.";
    let mut s1 = statement(
        body1,
        "Exports will resume,",
        Some("Oksana Lys"),
        Some("Minister Oksana Lys"),
    );
    s1.cue = Some(support::span(body1, "said"));
    let body2 = "Fish\n\nPetrov said the quota stands.";
    let s2 = statement(
        body2,
        "the quota stands",
        Some("Ivan Petrov"),
        Some("Petrov"),
    );
    let body3 = "Salt\n\nDiaz said the mine is closed.";
    let s3 = statement(body3, "the mine is closed", Some("Rosa Diaz"), Some("Diaz"));
    let mut store = Store::open(tmp.path()).unwrap();
    store
        .insert_batch(&[
            (article("grain.txt", None, body1), vec![s1]),
            (article("fish.txt", None, body2), vec![s2]),
            (article("salt.txt", None, body3), vec![s3]),
        ])
        .unwrap();
    assert_eq!(store.check().unwrap(), Vec::<String>::new());

    let conn = raw_connection(tmp.path());
    // Same length, different words under the quote of statement 1.
    conn.execute(
        "UPDATE articles SET body = replace(body, 'resume', 'resist') WHERE id = 1",
        [],
    )
    .unwrap();
    // Shorter body: statement 2's offsets now run past the end.
    conn.execute("UPDATE articles SET body = 'Fish' WHERE id = 2", [])
        .unwrap();
    // The mention of statement 3 no longer reads "Diaz".
    conn.execute(
        "UPDATE articles SET body = replace(body, 'Diaz', 'Ruiz') WHERE id = 3",
        [],
    )
    .unwrap();
    drop(conn);

    assert_eq!(
        store.check().unwrap(),
        [
            "statement 1: article 1 no longer has the quoted words at 10..30",
            "statement 2: content 18..34 does not fit article 2 (4 bytes)",
            "statement 2: speaker mention 6..12 no longer reads \"Petrov\" in article 2",
            "statement 3: speaker mention 6..10 no longer reads \"Diaz\" in article 3",
        ]
    );
    // Reading a statement whose offsets no longer fit is an error, not a panic.
    assert!(matches!(store.statement(2), Err(Error::Corrupt(_))));
}

fn many_statements(
    articles: usize,
    per_article: usize,
) -> Vec<(demarche_core::Article, Vec<Statement>)> {
    many_statements_from(0, articles, per_article, Some("2024-06-01"))
}

fn many_statements_from(
    first: usize,
    articles: usize,
    per_article: usize,
    published: Option<&str>,
) -> Vec<(demarche_core::Article, Vec<Statement>)> {
    (first..first + articles)
        .map(|i| {
            let body = format!(
                "Dispatch {i}\n\nEnvoy Mara Quist said the convoy {i} had arrived. \
                 Officials said the road was open."
            );
            let mut s = statement(
                &body,
                "the convoy",
                Some("Mara Quist"),
                Some("Envoy Mara Quist"),
            );
            s.topics = vec!["security".into(), "trade".into()];
            s.countries = vec!["SE".into(), "NO".into()];
            s.speaker.country = Some("SE".into());
            let mut o = statement(
                &body,
                "the road was open",
                Some("officials"),
                Some("Officials"),
            );
            o.speaker.kind = demarche_core::SpeakerKind::Unnamed;
            o.countries = vec!["NO".into()];
            let mut statements = Vec::new();
            for k in 0..per_article {
                statements.push(if k % 2 == 0 { s.clone() } else { o.clone() });
            }
            let art = article(&format!("d{i}.txt"), published, &body);
            (art, statements)
        })
        .collect()
}

#[test]
fn paging_visits_every_statement_once_in_id_order() {
    let mut store = Store::open_in_memory().unwrap();
    store.insert_batch(&many_statements(250, 10)).unwrap();
    assert_eq!(store.max_statement_id().unwrap(), 2500);
    let mut seen = Vec::new();
    store
        .for_each_statement_after(0, &mut |s| {
            seen.push(s.id);
            Ok(())
        })
        .unwrap();
    assert_eq!(seen, (1..=2500).collect::<Vec<i64>>());

    // An unlimited listing spans several id chunks and keeps its order
    // (all share one date, so newest id first).
    let listed: Vec<i64> = store
        .statements(&demarche_store::StatementQuery::default())
        .unwrap()
        .iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(listed, (1..=2500).rev().collect::<Vec<i64>>());
    let mut streamed = Vec::new();
    store
        .for_each_matching(&demarche_store::StatementQuery::default(), &mut |s| {
            streamed.push(s.id);
            Ok(())
        })
        .unwrap();
    assert_eq!(
        streamed, listed,
        "streaming crosses page boundaries in order"
    );

    let mut count = 0;
    store
        .for_each_statement_after(1000, &mut |s| {
            assert!(s.id > 1000);
            count += 1;
            Ok(())
        })
        .unwrap();
    assert_eq!(count, 1500);

    // An error from the callback stops the walk and is returned.
    let mut visited = 0;
    let err = store
        .for_each_statement_after(0, &mut |_| {
            visited += 1;
            if visited == 3 {
                Err(Error::Corrupt("stop".into()))
            } else {
                Ok(())
            }
        })
        .unwrap_err();
    assert!(err.to_string().contains("stop"));
    assert_eq!(visited, 3);
}

#[test]
fn streaming_crosses_from_dated_to_undated_statements_between_pages() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .insert_batch(&many_statements_from(0, 90, 10, None))
        .unwrap();
    store
        .insert_batch(&many_statements_from(90, 60, 10, Some("2023-03-03")))
        .unwrap();
    store
        .insert_batch(&many_statements_from(150, 60, 10, Some("2024-04-04")))
        .unwrap();
    let listed: Vec<i64> = store
        .statements(&demarche_store::StatementQuery::default())
        .unwrap()
        .iter()
        .map(|s| s.id)
        .collect();
    let expected: Vec<i64> = (1501..=2100)
        .rev()
        .chain((901..=1500).rev())
        .chain((1..=900).rev())
        .collect();
    assert_eq!(listed, expected);
    let mut streamed = Vec::new();
    store
        .for_each_matching(&demarche_store::StatementQuery::default(), &mut |s| {
            streamed.push(s.id);
            Ok(())
        })
        .unwrap();
    assert_eq!(streamed, expected);
}

#[test]
fn meta_values_are_set_and_replaced() {
    let store = Store::open_in_memory().unwrap();
    assert_eq!(store.meta_get("index.watermark").unwrap(), None);
    store.meta_set("index.watermark", "10").unwrap();
    store.meta_set("index.watermark", "25").unwrap();
    assert_eq!(
        store.meta_get("index.watermark").unwrap().as_deref(),
        Some("25")
    );
}

#[test]
fn a_reader_sees_what_another_handle_committed() {
    let tmp = tempfile::tempdir().unwrap();
    let mut writer = Store::open(tmp.path()).unwrap();
    let reader = Store::open(tmp.path()).unwrap();
    writer.insert_batch(&many_statements(3, 2)).unwrap();
    assert_eq!(reader.counts().unwrap().statements, 6);
}

#[test]
fn ten_thousand_statements_insert_quickly_in_batches_of_five_hundred() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = Store::open(tmp.path()).unwrap();
    let data = many_statements(1000, 10);
    let started = Instant::now();
    for batch in data.chunks(50) {
        store.insert_batch(batch).unwrap();
    }
    let elapsed = started.elapsed();
    println!("inserted 10,000 statements in {elapsed:?}");
    assert_eq!(store.counts().unwrap().statements, 10_000);
    // Generous for unoptimised test builds; release builds take a fraction of this.
    assert!(elapsed.as_secs() < 20, "{elapsed:?}");
    let started = Instant::now();
    let mut read = 0;
    store
        .for_each_statement_after(0, &mut |_| {
            read += 1;
            Ok(())
        })
        .unwrap();
    println!("read {read} statements back in {:?}", started.elapsed());
    assert!(store.check().unwrap().is_empty());
}
