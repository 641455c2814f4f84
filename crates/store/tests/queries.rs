//! Listings with every filter, speaker resolution across articles, and facets.

mod support;

use demarche_core::{Act, Kind, SpeakerKind, Statement};
use demarche_store::{Facet, StatementQuery, Store};
use support::{article, date, statement};

/// Five statements in three articles (one undated), returned by id:
/// 1 Ruiz (Jan 10), 2 officials (Jan 10), 3 Ruiz (said Feb 18),
/// 4 Vega (Feb 20), 5 Vega (undated).
fn sample_store() -> Store {
    let body1 = "Border talks\n\nMinister Ana Ruiz said the border would stay open. \
                 Officials warned of delays at the crossing.";
    let mut s1 = statement(
        body1,
        "the border would stay open",
        Some("Ana Ruiz"),
        Some("Minister Ana Ruiz"),
    );
    s1.kind = Kind::Indirect;
    s1.speaker.country = Some("CL".into());
    s1.topics = vec!["security".into()];
    s1.countries = vec!["CL".into(), "PE".into()];
    let mut s2 = statement(
        body1,
        "delays at the crossing",
        Some("officials"),
        Some("Officials"),
    );
    s2.kind = Kind::Indirect;
    s2.speaker.kind = SpeakerKind::Unnamed;
    s2.act = Act::Warning;
    s2.topics = vec!["trade".into(), "security".into()];
    s2.countries = vec!["PE".into()];

    let body2 = "Trade row\n\n“Tariffs must go,” Ruiz told Peruvian envoy Tomás Vega. \
                 Vega rejected the demand.";
    let mut s3 = statement(body2, "Tariffs must go,", Some("Ana Ruiz"), Some("Ruiz"));
    s3.speaker.country = Some("CL".into());
    s3.act = Act::Demand;
    s3.topics = vec!["trade".into()];
    s3.countries = vec!["CL".into(), "PE".into()];
    s3.date = Some(date("2024-02-18"));
    let mut s4 = statement(
        body2,
        "rejected the demand",
        Some("Tomás Vega"),
        Some("Vega"),
    );
    s4.kind = Kind::Indirect;
    s4.speaker.country = Some("PE".into());
    s4.act = Act::Rejection;
    s4.topics = vec!["trade".into()];
    s4.countries = vec!["PE".into(), "CL".into()];

    let body3 = "Undated memo\n\nVega said relations were improving.";
    let mut s5 = statement(
        body3,
        "relations were improving",
        Some("Tomás Vega"),
        Some("Vega"),
    );
    s5.kind = Kind::Indirect;
    s5.speaker.country = Some("PE".into());
    s5.countries = vec!["PE".into()];

    let mut store = Store::open_in_memory().unwrap();
    store
        .insert_batch(&[
            (
                article("border.txt", Some("2024-01-10"), body1),
                vec![s1, s2],
            ),
            (
                article("trade.txt", Some("2024-02-20"), body2),
                vec![s3, s4],
            ),
            (article("memo.txt", None, body3), vec![s5]),
        ])
        .unwrap();
    store
}

fn ids(store: &Store, q: &StatementQuery) -> Vec<i64> {
    store.statements(q).unwrap().iter().map(|s| s.id).collect()
}

fn check(store: &Store, q: StatementQuery, expected: &[i64]) {
    assert_eq!(ids(store, &q), expected, "{q:?}");
}

#[test]
fn listing_is_newest_first_with_undated_last() {
    let store = sample_store();
    check(&store, StatementQuery::default(), &[4, 3, 2, 1, 5]);
}

#[test]
fn every_filter_selects_the_matching_statements() {
    let store = sample_store();
    let q = StatementQuery::default;
    let s = |t: &str| Some(t.to_owned());
    let cases: Vec<(StatementQuery, &[i64])> = vec![
        (
            StatementQuery {
                speaker: s("Ruiz"),
                ..q()
            },
            &[3, 1],
        ),
        (
            StatementQuery {
                speaker: s("ana  RUIZ"),
                ..q()
            },
            &[3, 1],
        ),
        (
            StatementQuery {
                speaker: s("Minister Ana Ruiz"),
                ..q()
            },
            &[3, 1],
        ),
        (
            StatementQuery {
                speaker: s("TOMÁS VEGA"),
                ..q()
            },
            &[4, 5],
        ),
        (
            StatementQuery {
                speaker: s("officials"),
                ..q()
            },
            &[2],
        ),
        (
            StatementQuery {
                speaker: s("Ana"),
                ..q()
            },
            &[],
        ),
        (
            StatementQuery {
                speaker: s("   "),
                ..q()
            },
            &[],
        ),
        (
            StatementQuery {
                speaker_country: s("CL"),
                ..q()
            },
            &[3, 1],
        ),
        (
            StatementQuery {
                speaker_country: s("PE"),
                ..q()
            },
            &[4, 5],
        ),
        (
            StatementQuery {
                about: s("CL"),
                ..q()
            },
            &[4, 3, 1],
        ),
        (
            StatementQuery {
                about: s("PE"),
                ..q()
            },
            &[4, 3, 2, 1, 5],
        ),
        (
            StatementQuery {
                about: s("JP"),
                ..q()
            },
            &[],
        ),
        (
            StatementQuery {
                topic: s("trade"),
                ..q()
            },
            &[4, 3, 2],
        ),
        (
            StatementQuery {
                topic: s("security"),
                ..q()
            },
            &[2, 1],
        ),
        (
            StatementQuery {
                act: Some(Act::Demand),
                ..q()
            },
            &[3],
        ),
        (
            StatementQuery {
                act: Some(Act::Warning),
                ..q()
            },
            &[2],
        ),
        (
            StatementQuery {
                kind: Some(Kind::Direct),
                ..q()
            },
            &[3],
        ),
        (
            StatementQuery {
                kind: Some(Kind::Indirect),
                ..q()
            },
            &[4, 2, 1, 5],
        ),
        // Statement 3 was said on Feb 18; the others fall back to their article's date.
        (
            StatementQuery {
                since: Some(date("2024-02-01")),
                ..q()
            },
            &[4, 3],
        ),
        (
            StatementQuery {
                until: Some(date("2024-02-18")),
                ..q()
            },
            &[3, 2, 1],
        ),
        (
            StatementQuery {
                since: Some(date("2024-02-20")),
                until: Some(date("2024-02-20")),
                ..q()
            },
            &[4],
        ),
        (
            StatementQuery {
                since: Some(date("2024-01-10")),
                until: Some(date("2024-01-10")),
                ..q()
            },
            &[2, 1],
        ),
        (
            StatementQuery {
                speaker: s("ruiz"),
                topic: s("trade"),
                ..q()
            },
            &[3],
        ),
        (
            StatementQuery {
                about: s("CL"),
                act: Some(Act::Rejection),
                ..q()
            },
            &[4],
        ),
        (
            StatementQuery {
                speaker: s("Vega"),
                speaker_country: s("CL"),
                ..q()
            },
            &[],
        ),
        (
            StatementQuery {
                limit: Some(2),
                offset: 1,
                ..q()
            },
            &[3, 2],
        ),
        (
            StatementQuery {
                limit: Some(0),
                ..q()
            },
            &[],
        ),
        (StatementQuery { offset: 4, ..q() }, &[5]),
    ];
    for (query, expected) in cases {
        check(&store, query, expected);
    }
}

#[test]
fn streaming_a_query_gives_the_same_statements_as_listing_it() {
    let store = sample_store();
    let q = StatementQuery::default;
    let s = |t: &str| Some(t.to_owned());
    for query in [
        q(),
        StatementQuery {
            about: s("PE"),
            ..q()
        },
        StatementQuery {
            speaker: s("vega"),
            ..q()
        },
        StatementQuery {
            offset: 1,
            limit: Some(3),
            ..q()
        },
        StatementQuery {
            speaker: s("nobody"),
            ..q()
        },
    ] {
        let mut streamed = Vec::new();
        store
            .for_each_matching(&query, &mut |st| {
                streamed.push(st.id);
                Ok(())
            })
            .unwrap();
        assert_eq!(streamed, ids(&store, &query), "{query:?}");
    }
}

#[test]
fn hostile_filter_values_are_plain_data() {
    let store = sample_store();
    let q = StatementQuery {
        speaker: Some("x' OR 1=1 --".into()),
        topic: Some("trade' OR '1'='1".into()),
        ..StatementQuery::default()
    };
    assert!(store.statements(&q).unwrap().is_empty());
    assert_eq!(store.counts().unwrap().statements, 5);
}

#[test]
fn by_ids_keeps_the_given_order_and_skips_missing() {
    let store = sample_store();
    let found: Vec<i64> = store
        .statements_by_ids(&[5, 99, 1, 3])
        .unwrap()
        .iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(found, [5, 1, 3]);
    let repeated: Vec<i64> = store
        .statements_by_ids(&[2, 4, 2])
        .unwrap()
        .iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(repeated, [2, 4, 2]);
    assert!(store.statements_by_ids(&[]).unwrap().is_empty());
    assert!(store.statement(42).unwrap().is_none());
}

#[test]
fn one_person_under_different_forms_in_two_articles_is_one_speaker() {
    let body1 = "Harbour deal\n\nForeign Minister Ana Ruiz said the harbour deal was near.";
    let mut first = statement(
        body1,
        "the harbour deal was near",
        Some("Ana Ruiz"),
        Some("Foreign Minister Ana Ruiz"),
    );
    first.speaker.aliases = vec!["Ana Ruiz".into(), "Foreign Minister Ana Ruiz".into()];
    let body2 = "Harbour deal signed\n\nShe said it was done. Minister Ruiz thanked the crews.";
    let mut second = statement(body2, "it was done", Some("ANA   ruiz"), Some("She"));
    second.speaker.aliases = vec!["Minister Ruiz".into(), "the minister".into()];
    second.speaker.title = Some("Foreign Minister".into());
    second.speaker.country = Some("CL".into());
    let body3 = "Later\n\nRuiz said more talks were planned.";
    let mut third = statement(
        body3,
        "more talks were planned",
        Some("Ana Ruiz"),
        Some("Ruiz"),
    );
    // A later, different value does not replace the first known one.
    third.speaker.country = Some("AR".into());

    let mut store = Store::open_in_memory().unwrap();
    store
        .insert_batch(&[(article("a.txt", Some("2024-05-01"), body1), vec![first])])
        .unwrap();
    store
        .insert_batch(&[
            (article("b.txt", Some("2024-05-02"), body2), vec![second]),
            (article("c.txt", Some("2024-05-03"), body3), vec![third]),
        ])
        .unwrap();

    assert_eq!(store.counts().unwrap().speakers, 1);
    let stored: Vec<_> = store.statements(&StatementQuery::default()).unwrap();
    let speaker_ids: Vec<_> = stored.iter().map(|s| s.speaker_id).collect();
    assert_eq!(speaker_ids, vec![Some(1); 3]);
    for (name, expected) in [
        ("Ana Ruiz", vec![1]),
        ("foreign minister ana ruiz", vec![1]),
        ("MINISTER RUIZ", vec![1]),
        ("ruiz", vec![1]),
        ("She", vec![]),
        ("the minister", vec![]),
        ("Ana", vec![]),
        ("", vec![]),
    ] {
        assert_eq!(store.resolve_speaker(name).unwrap(), expected, "{name:?}");
    }

    let facets = store
        .speaker_facets(&StatementQuery::default(), 10)
        .unwrap();
    assert_eq!(facets.len(), 1);
    let facet = &facets[0];
    assert_eq!(facet.name, "Ana Ruiz");
    assert_eq!(facet.statements, 3);
    assert_eq!(facet.country.as_deref(), Some("CL"));
    assert_eq!(facet.title.as_deref(), Some("Foreign Minister"));
    assert_eq!(
        facet.aliases,
        [
            "Ana Ruiz",
            "Foreign Minister Ana Ruiz",
            "Minister Ruiz",
            "Ruiz"
        ]
    );
}

#[test]
fn a_surname_shared_by_two_people_resolves_to_both() {
    let body = "Two envoys\n\nLi Wei said yes. Zhang Wei said no.";
    let a = statement(body, "yes", Some("Li Wei"), Some("Li Wei"));
    let b = statement(body, "no", Some("Zhang Wei"), Some("Zhang Wei"));
    let mut store = Store::open_in_memory().unwrap();
    store
        .insert_batch(&[(article("e.txt", None, body), vec![a, b])])
        .unwrap();
    assert_eq!(store.resolve_speaker("wei").unwrap(), [1, 2]);
    assert_eq!(store.resolve_speaker("Zhang Wei").unwrap(), [2]);
}

#[test]
fn facets_count_matching_statements_most_first() {
    let store = sample_store();
    let all = StatementQuery::default();
    let names: Vec<(String, u64)> = store
        .speaker_facets(&all, 10)
        .unwrap()
        .into_iter()
        .map(|f| (f.name, f.statements))
        .collect();
    assert_eq!(
        names,
        [
            ("Ana Ruiz".to_owned(), 2),
            ("Tomás Vega".to_owned(), 2),
            ("officials".to_owned(), 1)
        ]
    );
    let facet = |key: &str, count: u64| Facet {
        key: key.into(),
        count,
    };
    assert_eq!(
        store.country_facets(&all, 10).unwrap(),
        [facet("PE", 5), facet("CL", 3)]
    );
    assert_eq!(
        store.topic_facets(&all, 10).unwrap(),
        [facet("trade", 3), facet("security", 2)]
    );
    assert_eq!(store.topic_facets(&all, 1).unwrap(), [facet("trade", 3)]);

    let peru = StatementQuery {
        speaker_country: Some("PE".into()),
        ..all.clone()
    };
    let speakers = store.speaker_facets(&peru, 10).unwrap();
    assert_eq!(speakers.len(), 1);
    assert_eq!(speakers[0].name, "Tomás Vega");
    assert_eq!(speakers[0].aliases, ["Tomás Vega", "Vega"]);
    assert_eq!(
        store.country_facets(&peru, 10).unwrap(),
        [facet("PE", 2), facet("CL", 1)]
    );
    assert_eq!(store.topic_facets(&peru, 10).unwrap(), [facet("trade", 1)]);

    // Listing limits do not cut facet counts.
    let limited = StatementQuery {
        limit: Some(1),
        ..all
    };
    assert_eq!(
        store.topic_facets(&limited, 10).unwrap()[0],
        facet("trade", 3)
    );

    let nobody = StatementQuery {
        speaker: Some("nobody".into()),
        ..StatementQuery::default()
    };
    assert!(store.speaker_facets(&nobody, 10).unwrap().is_empty());
    assert!(store.country_facets(&nobody, 10).unwrap().is_empty());
}

#[test]
fn statement_fields_survive_a_filtered_listing() {
    let store = sample_store();
    let q = StatementQuery {
        act: Some(Act::Demand),
        ..StatementQuery::default()
    };
    let found = store.statements(&q).unwrap();
    let s: &Statement = &found[0].statement;
    assert_eq!(s.content.text, "Tariffs must go,");
    assert_eq!(
        s.speaker.mention.as_ref().map(|m| m.text.as_str()),
        Some("Ruiz")
    );
    assert_eq!(found[0].article.source, "trade.txt");
    assert_eq!(found[0].article.published, Some(date("2024-02-20")));
}
