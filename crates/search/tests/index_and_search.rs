//! Behaviour of the statement index against real tantivy indexes, in memory
//! and in temporary folders: ranking, phrases, stemming, filters, snippets,
//! idempotent re-adding, watermarks, rebuilds and error cases.

use chrono::NaiveDate;
use demarche_core::{Act, Content, Kind, Speaker, SpeakerKind, Statement};
use demarche_search::{Error, Hit, Index, IndexDoc, SearchQuery};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A statement by a named person with the given text; other fields default.
fn statement(text: &str) -> Statement {
    Statement {
        kind: Kind::Direct,
        text: text.to_owned(),
        content: Content {
            start: 0,
            end: text.len(),
            text: text.to_owned(),
            parts: None,
        },
        cue: None,
        speaker: Speaker {
            name: Some("Alma Reyes".to_owned()),
            mention: None,
            title: Some("Foreign Minister".to_owned()),
            organization: None,
            country: Some("PH".to_owned()),
            kind: SpeakerKind::Person,
            aliases: vec!["Alma Reyes".to_owned(), "Reyes".to_owned()],
        },
        addressee: None,
        via: None,
        act: Act::Statement,
        topics: Vec::new(),
        countries: Vec::new(),
        date: None,
        confidence: 0.9,
    }
}

/// Indexes `statements` with ids 1, 2, ... and commits with the last id.
fn index_of(statements: &[Statement]) -> Index {
    let index = Index::open_in_ram().unwrap();
    add_all(&index, statements);
    index
}

fn add_all(index: &Index, statements: &[Statement]) {
    let mut writer = index.writer().unwrap();
    let mut last = 0;
    for (n, statement) in statements.iter().enumerate() {
        last = i64::try_from(n).unwrap() + 1;
        writer
            .add(&IndexDoc {
                id: last,
                statement,
                speaker_id: Some(100 + last),
                published: None,
            })
            .unwrap();
    }
    writer.commit(last).unwrap();
}

fn ids(hits: &[Hit]) -> Vec<i64> {
    hits.iter().map(|hit| hit.id).collect()
}

fn text(query: &str) -> SearchQuery {
    SearchQuery {
        text: query.to_owned(),
        ..SearchQuery::default()
    }
}

#[test]
fn more_matching_words_rank_first() {
    let index = index_of(&[
        statement("The tariff talks were cordial."),
        statement("Tariff after tariff: the tariff war must end, and tariff walls must fall."),
        statement("We discussed the weather."),
    ]);
    let hits = index.search(&text("tariff")).unwrap();
    assert_eq!(ids(&hits), [2, 1]);
    assert!(hits[0].score > hits[1].score, "{hits:?}");
}

#[test]
fn quoted_phrases_need_the_words_in_order() {
    let index = index_of(&[
        statement("The ban on food will hurt imports of grain and everything else."),
        statement("A food import ban is not the answer."),
        statement("Import quotas, a food levy and a travel ban were all discussed."),
    ]);
    assert_eq!(
        ids(&index.search(&text("\"food import ban\"")).unwrap()),
        [2]
    );
    // Without quotes every statement with any of the words matches.
    let mut loose = ids(&index.search(&text("food import ban")).unwrap());
    loose.sort_unstable();
    assert_eq!(loose, [1, 2, 3]);
    // Typographic quotes work like straight ones.
    assert_eq!(ids(&index.search(&text("“food import ban”")).unwrap()), [2]);
}

#[test]
fn words_match_their_inflections() {
    let index = index_of(&[
        statement("New sanctions were announced on Monday."),
        statement("The minister sanctioned the deal."),
        statement("Nothing relevant here."),
    ]);
    let check = |query: &str, expected: &[i64]| {
        let mut found = ids(&index.search(&text(query)).unwrap());
        found.sort_unstable();
        assert_eq!(found, expected, "{query}");
    };
    check("sanction", &[1, 2]);
    check("Sanctions", &[1, 2]);
    check("announce", &[1]);
}

#[test]
fn boolean_operators_and_exclusion() {
    let index = index_of(&[
        statement("Grain exports will continue."),
        statement("Grain exports and fertiliser exports will stop."),
        statement("Fertiliser prices are rising."),
    ]);
    let check = |query: &str, expected: &[i64]| {
        let mut found = ids(&index.search(&text(query)).unwrap());
        found.sort_unstable();
        assert_eq!(found, expected, "{query}");
    };
    check("grain AND fertiliser", &[2]);
    check("grain -fertiliser", &[1]);
    check("-grain", &[3]);
    check("grain OR prices", &[1, 2, 3]);
}

#[test]
fn speaker_names_are_searchable_but_weigh_less_than_the_text() {
    let mut by_reyes = statement("The harbour must stay open.");
    by_reyes.speaker.name = Some("Alma Reyes".to_owned());
    let mut about_reyes = statement("Reyes is wrong about the harbour, Reyes knows it.");
    about_reyes.speaker = Speaker::unattributed();
    let mut neither = statement("The harbour is calm.");
    neither.speaker = Speaker::unattributed();
    let index = index_of(&[by_reyes, about_reyes, neither]);
    assert_eq!(ids(&index.search(&text("Reyes")).unwrap()), [2, 1]);
    // Titles and organisations count as speaker words too.
    assert_eq!(ids(&index.search(&text("minister")).unwrap()), [1]);
}

#[test]
fn every_filter_narrows_the_results() {
    let mut a = statement("We call on both sides to talk about trade.");
    a.act = Act::Appeal;
    a.kind = Kind::Indirect;
    a.topics = vec!["trade".to_owned()];
    a.countries = vec!["PH".to_owned(), "VN".to_owned()];
    let mut b = statement("We condemn the trade embargo.");
    b.act = Act::Criticism;
    b.speaker.country = Some("VN".to_owned());
    b.topics = vec!["sanctions".to_owned(), "trade".to_owned()];
    b.countries = vec!["VN".to_owned()];
    let mut c = statement("Trade is fine.");
    c.speaker = Speaker::unattributed();
    let index = Index::open_in_ram().unwrap();
    let mut writer = index.writer().unwrap();
    for (id, statement, speaker_id) in [(1, &a, Some(7)), (2, &b, Some(8)), (3, &c, None)] {
        writer
            .add(&IndexDoc {
                id,
                statement,
                speaker_id,
                published: None,
            })
            .unwrap();
    }
    writer.commit(3).unwrap();

    let check = |q: SearchQuery, expected: &[i64]| {
        let mut with_text = q.clone();
        with_text.text = "trade".to_owned();
        for query in [q, with_text] {
            let mut found = ids(&index.search(&query).unwrap());
            found.sort_unstable();
            assert_eq!(found, expected, "{query:?}");
        }
    };
    let q = SearchQuery::default;
    check(q(), &[1, 2, 3]);
    check(
        SearchQuery {
            speaker_ids: Some(vec![8]),
            ..q()
        },
        &[2],
    );
    check(
        SearchQuery {
            speaker_ids: Some(vec![7, 8, 9]),
            ..q()
        },
        &[1, 2],
    );
    check(
        SearchQuery {
            speaker_ids: Some(vec![]),
            ..q()
        },
        &[],
    );
    check(
        SearchQuery {
            speaker_country: Some("vn".to_owned()),
            ..q()
        },
        &[2],
    );
    check(
        SearchQuery {
            speaker_country: Some("PH".to_owned()),
            ..q()
        },
        &[1],
    );
    check(
        SearchQuery {
            about: Some("VN".to_owned()),
            ..q()
        },
        &[1, 2],
    );
    check(
        SearchQuery {
            about: Some("PH".to_owned()),
            ..q()
        },
        &[1],
    );
    check(
        SearchQuery {
            topic: Some("trade".to_owned()),
            ..q()
        },
        &[1, 2],
    );
    check(
        SearchQuery {
            topic: Some("Sanctions".to_owned()),
            ..q()
        },
        &[2],
    );
    check(
        SearchQuery {
            act: Some(Act::Appeal),
            ..q()
        },
        &[1],
    );
    check(
        SearchQuery {
            act: Some(Act::Statement),
            ..q()
        },
        &[3],
    );
    check(
        SearchQuery {
            kind: Some(Kind::Direct),
            ..q()
        },
        &[2, 3],
    );
    check(
        SearchQuery {
            kind: Some(Kind::Mixed),
            ..q()
        },
        &[],
    );
    check(
        SearchQuery {
            about: Some("VN".to_owned()),
            act: Some(Act::Criticism),
            ..q()
        },
        &[2],
    );
}

#[test]
fn filters_do_not_change_the_ranking() {
    let mut short = statement("Rice.");
    short.topics = vec!["food-security".to_owned()];
    let mut long = statement("Rice, rice and more rice for everyone in the region.");
    long.topics = vec![
        "food-security".to_owned(),
        "trade".to_owned(),
        "aid".to_owned(),
    ];
    let index = index_of(&[short, long]);
    let plain = index.search(&text("rice")).unwrap();
    let filtered = index
        .search(&SearchQuery {
            topic: Some("food-security".to_owned()),
            ..text("rice")
        })
        .unwrap();
    assert_eq!(plain, filtered);
}

#[test]
fn date_ranges_use_the_statement_date_else_the_publication_date() {
    let index = Index::open_in_ram().unwrap();
    let mut writer = index.writer().unwrap();
    let dated = |text: &str, day: Option<NaiveDate>| {
        let mut s = statement(text);
        s.date = day;
        s
    };
    let docs = [
        (1, dated("Early words.", Some(date(2024, 1, 10))), None),
        // Its own date wins over the publication date.
        (
            2,
            dated("Middle words.", Some(date(2024, 3, 1))),
            Some(date(2025, 1, 1)),
        ),
        (3, dated("Late words.", None), Some(date(2024, 6, 30))),
        (4, dated("Undated words.", None), None),
    ];
    for (id, statement, published) in &docs {
        writer
            .add(&IndexDoc {
                id: *id,
                statement,
                speaker_id: None,
                published: *published,
            })
            .unwrap();
    }
    writer.commit(4).unwrap();
    let check = |since: Option<NaiveDate>, until: Option<NaiveDate>, expected: &[i64]| {
        let q = SearchQuery {
            since,
            until,
            ..SearchQuery::default()
        };
        assert_eq!(
            ids(&index.search(&q).unwrap()),
            expected,
            "{since:?}..{until:?}"
        );
        let q = SearchQuery {
            text: "words".to_owned(),
            ..q
        };
        let mut found = ids(&index.search(&q).unwrap());
        found.sort_unstable_by(|a, b| b.cmp(a));
        assert_eq!(found, expected, "words {since:?}..{until:?}");
    };
    check(None, None, &[4, 3, 2, 1]);
    check(Some(date(2024, 3, 1)), None, &[3, 2]);
    check(None, Some(date(2024, 3, 1)), &[2, 1]);
    // Both bounds are inclusive.
    check(Some(date(2024, 1, 10)), Some(date(2024, 1, 10)), &[1]);
    check(Some(date(2024, 1, 11)), Some(date(2024, 2, 29)), &[]);
    check(Some(date(2024, 1, 1)), Some(date(2024, 12, 31)), &[3, 2, 1]);
}

#[test]
fn empty_text_lists_filtered_statements_newest_id_first() {
    let mut statements = Vec::new();
    for n in 0..30 {
        let mut s = statement(&format!("Statement number {n}."));
        if n % 3 == 0 {
            s.act = Act::Warning;
        }
        statements.push(s);
    }
    let index = index_of(&statements);
    let q = SearchQuery {
        text: "   ".to_owned(),
        act: Some(Act::Warning),
        ..SearchQuery::default()
    };
    let hits = index.search(&q).unwrap();
    assert_eq!(ids(&hits), [28, 25, 22, 19, 16, 13, 10, 7, 4, 1]);
    assert!(hits.iter().all(|hit| hit.score == hits[0].score));
    // Without any filter the default limit applies.
    assert_eq!(index.search(&SearchQuery::default()).unwrap().len(), 20);
    let q = SearchQuery {
        limit: 3,
        ..SearchQuery::default()
    };
    assert_eq!(ids(&index.search(&q).unwrap()), [30, 29, 28]);
    let q = SearchQuery {
        limit: usize::MAX,
        ..SearchQuery::default()
    };
    assert_eq!(index.search(&q).unwrap().len(), 30);
    let empty = Index::open_in_ram().unwrap();
    assert!(empty.search(&q).unwrap().is_empty());
}

#[test]
fn equal_scores_put_the_newest_id_first() {
    let same = statement("Identical wording about fisheries.");
    let index = index_of(&[same.clone(), same.clone(), same]);
    assert_eq!(ids(&index.search(&text("fisheries")).unwrap()), [3, 2, 1]);
}

#[test]
fn snippets_highlight_matches_and_fall_back_to_the_beginning() {
    let long_tail = "and then much more was said about other matters entirely. ".repeat(10);
    let index = index_of(&[
        statement(&format!(
            "Our <red> lines on fishing & sanctions are clear, {long_tail}"
        )),
        statement("Nothing but talk."),
    ]);
    let hits = index.search(&text("sanction")).unwrap();
    let snippet = &hits[0].snippet;
    assert!(snippet.contains("<b>sanctions</b>"), "{snippet}");
    assert!(
        snippet.contains("&lt;red&gt;") && snippet.contains("&amp;"),
        "{snippet}"
    );
    let visible = snippet
        .replace("<b>", "")
        .replace("</b>", "")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    assert!(visible.chars().count() <= 202, "{visible}");

    // A match on the speaker only, or no text at all: the beginning of the text.
    let hits = index.search(&text("Reyes")).unwrap();
    let talk = hits.iter().find(|hit| hit.id == 2).unwrap();
    assert_eq!(talk.snippet, "Nothing but talk.");
    let first = index
        .search(&SearchQuery::default())
        .unwrap()
        .pop()
        .unwrap();
    assert_eq!(first.id, 1);
    assert!(
        first.snippet.starts_with("Our &lt;red&gt; lines"),
        "{}",
        first.snippet
    );
    assert!(first.snippet.ends_with('…'), "{}", first.snippet);
    assert!(!first.snippet.contains("<b>"), "{}", first.snippet);
}

#[test]
fn re_adding_an_id_replaces_the_document() {
    let index = Index::open_in_ram().unwrap();
    let first = statement("Old wording about tariffs.");
    let second = statement("New wording about quotas.");
    let mut writer = index.writer().unwrap();
    let doc = |statement| IndexDoc {
        id: 5,
        statement,
        speaker_id: None,
        published: None,
    };
    writer.add(&doc(&first)).unwrap();
    writer.add(&doc(&first)).unwrap();
    writer.commit(5).unwrap();
    assert_eq!(index.num_docs().unwrap(), 1);
    writer.add(&doc(&second)).unwrap();
    writer.commit(5).unwrap();
    assert_eq!(index.num_docs().unwrap(), 1);
    assert_eq!(ids(&index.search(&text("wording")).unwrap()), [5]);
    assert!(index.search(&text("tariffs")).unwrap().is_empty());
    assert_eq!(ids(&index.search(&text("quotas")).unwrap()), [5]);
    assert_eq!(index.ids().unwrap(), [5]);
}

#[test]
fn negative_ids_are_rejected() {
    let index = Index::open_in_ram().unwrap();
    let mut writer = index.writer().unwrap();
    let s = statement("Anything.");
    let err = writer
        .add(&IndexDoc {
            id: -1,
            statement: &s,
            speaker_id: None,
            published: None,
        })
        .unwrap_err();
    assert!(matches!(err, Error::InvalidId(-1)), "{err}");
}

#[test]
fn watermark_survives_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("index");
    {
        let index = Index::open(&path).unwrap();
        assert_eq!(index.watermark().unwrap(), 0);
        assert_eq!(index.num_docs().unwrap(), 0);
        add_all(&index, &[statement("One."), statement("Two.")]);
        assert_eq!(index.watermark().unwrap(), 2);
        // A commit without new documents still moves the watermark.
        index.writer().unwrap().commit(9).unwrap();
        assert_eq!(index.watermark().unwrap(), 9);
    }
    let index = Index::open(&path).unwrap();
    assert_eq!(index.watermark().unwrap(), 9);
    assert_eq!(index.num_docs().unwrap(), 2);
    assert_eq!(ids(&index.search(&text("two")).unwrap()), [2]);
}

#[test]
fn uncommitted_changes_are_invisible() {
    let index = index_of(&[statement("Committed.")]);
    let mut writer = index.writer().unwrap();
    let s = statement("Pending.");
    writer
        .add(&IndexDoc {
            id: 2,
            statement: &s,
            speaker_id: None,
            published: None,
        })
        .unwrap();
    assert_eq!(index.num_docs().unwrap(), 1);
    assert!(index.search(&text("pending")).unwrap().is_empty());
    drop(writer);
    assert_eq!(index.watermark().unwrap(), 1);
}

#[test]
fn delete_all_empties_the_index_for_a_rebuild() {
    let index = index_of(&[statement("One."), statement("Two.")]);
    let mut writer = index.writer().unwrap();
    writer.delete_all().unwrap();
    let s = statement("Three.");
    writer
        .add(&IndexDoc {
            id: 3,
            statement: &s,
            speaker_id: None,
            published: None,
        })
        .unwrap();
    writer.commit(3).unwrap();
    assert_eq!(index.num_docs().unwrap(), 1);
    assert_eq!(index.ids().unwrap(), [3]);
    assert!(index.search(&text("one")).unwrap().is_empty());
    assert_eq!(index.watermark().unwrap(), 3);
}

#[test]
fn ids_lists_every_document_across_segments_and_deletes() {
    let dir = tempfile::tempdir().unwrap();
    let index = Index::open(dir.path()).unwrap();
    let words = ["alpha", "bravo", "charlie", "delta", "echo"];
    let total: i64 = 100_000;
    let statements: Vec<Statement> = words
        .iter()
        .map(|w| statement(&format!("The {w} statement.")))
        .collect();
    // Several commits make several segments.
    let mut writer = index.writer().unwrap();
    for id in 1..=total {
        let word = usize::try_from(id).unwrap() % words.len();
        writer
            .add(&IndexDoc {
                id,
                statement: &statements[word],
                speaker_id: None,
                published: None,
            })
            .unwrap();
        if id % 30_000 == 0 {
            writer.commit(id).unwrap();
        }
    }
    // Re-adding some ids deletes their old documents.
    for id in (1..=total).step_by(1000) {
        writer
            .add(&IndexDoc {
                id,
                statement: &statements[0],
                speaker_id: None,
                published: None,
            })
            .unwrap();
    }
    writer.commit(total).unwrap();
    let found = index.ids().unwrap();
    assert_eq!(found.len(), 100_000);
    assert!(found.iter().copied().eq(1..=total));
    assert_eq!(index.num_docs().unwrap(), 100_000);
}

#[test]
fn malformed_queries_never_panic() {
    let index = index_of(&[
        statement("We will answer any food import ban with firmness."),
        statement("Sanctions hurt the farmers most."),
    ]);
    let queries = [
        "\"unclosed",
        "AND OR",
        "(",
        ")",
        ")(",
        "\"\"",
        "*",
        "+",
        "-",
        "--",
        "NOT",
        "a AND",
        "food~",
        "food^",
        "food^2",
        "x:y",
        "text:food",
        "[a TO b]",
        "{",
        "\\",
        "'",
        "Reyes's",
        "Reyes’s",
        "'food import'",
        "\"food import\"~",
        "food)",
        "(food",
        "!!!",
        "\u{0}",
    ];
    for query in queries {
        match index.search(&text(query)) {
            Ok(_) => {}
            Err(err @ Error::QueryParse { .. }) => assert!(!err.to_string().is_empty()),
            Err(other) => panic!("{query:?}: unexpected error {other}"),
        }
    }
    // Lenient parsing still uses the good part of a broken query.
    let check = |query: &str, expected: &[i64]| {
        assert_eq!(
            ids(&index.search(&text(query)).unwrap()),
            expected,
            "{query}"
        );
    };
    check("\"food import", &[1]);
    check("food AND", &[1]);
    check("(farmers", &[2]);
    check("farmers's", &[2]);
    check("farmers: most", &[2]);
    // Deep nesting is refused rather than exhausting the stack.
    let deep = format!("{}food{}", "(".repeat(10_000), ")".repeat(10_000));
    let err = index.search(&text(&deep)).unwrap_err();
    assert!(matches!(err, Error::QueryParse { .. }), "{err}");
    assert!(err.to_string().contains("nested"), "{err}");
    // Long but flat queries are fine.
    check(&"farmers AND ".repeat(5_000), &[2]);
}

#[test]
fn a_second_writer_is_refused_while_readers_keep_working() {
    let dir = tempfile::tempdir().unwrap();
    let owner = Index::open(dir.path()).unwrap();
    add_all(&owner, &[statement("Shared words.")]);
    let mut writer = owner.writer().unwrap();

    let other = Index::open(dir.path()).unwrap();
    let err = other.writer().unwrap_err();
    assert!(matches!(err, Error::Locked), "{err}");
    assert!(
        err.to_string()
            .contains("locked by another demarche process"),
        "{err}"
    );
    assert_eq!(ids(&other.search(&text("shared")).unwrap()), [1]);

    // The other handle sees new commits once it reloads (automatically, after a short delay).
    let s = statement("Later words.");
    writer
        .add(&IndexDoc {
            id: 2,
            statement: &s,
            speaker_id: None,
            published: None,
        })
        .unwrap();
    writer.commit(2).unwrap();
    assert_eq!(other.watermark().unwrap(), 2);
    drop(writer);
    assert!(other.writer().is_ok());
}

#[test]
fn an_index_with_another_schema_version_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    add_all(&Index::open(dir.path()).unwrap(), &[statement("Words.")]);
    let version_file = dir.path().join("demarche-schema-version");
    assert!(version_file.exists());

    std::fs::write(&version_file, "0\n").unwrap();
    let err = Index::open(dir.path()).unwrap_err();
    assert!(matches!(err, Error::SchemaMismatch { .. }), "{err}");
    assert!(err.to_string().contains("demarche reindex"), "{err}");

    std::fs::remove_file(&version_file).unwrap();
    let err = Index::open(dir.path()).unwrap_err();
    assert!(matches!(err, Error::SchemaMismatch { .. }), "{err}");
}

#[test]
fn an_index_committed_by_another_program_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    drop(Index::open(dir.path()).unwrap());
    let index = tantivy::Index::open_in_dir(dir.path()).unwrap();
    let mut writer: tantivy::IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
    for payload in [r#"{"watermark":4,"schema":99}"#, "not json"] {
        let mut prepared = writer.prepare_commit().unwrap();
        prepared.set_payload(payload);
        prepared.commit().unwrap();
        let err = Index::open(dir.path()).unwrap_err();
        assert!(matches!(err, Error::SchemaMismatch { .. }), "{err}");
    }
}

#[test]
fn an_index_with_other_fields_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut builder = tantivy::schema::Schema::builder();
    builder.add_text_field("title", tantivy::schema::TEXT);
    tantivy::Index::create_in_dir(dir.path(), builder.build()).unwrap();
    std::fs::write(dir.path().join("demarche-schema-version"), "1\n").unwrap();
    let err = Index::open(dir.path()).unwrap_err();
    assert!(matches!(err, Error::SchemaMismatch { .. }), "{err}");
}

#[test]
fn opening_creates_missing_folders() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a").join("b");
    let index = Index::open(&path).unwrap();
    assert_eq!(index.num_docs().unwrap(), 0);
    assert!(path.join("meta.json").exists());
}
