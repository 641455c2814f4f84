//! End-to-end tests of the query commands over the sample archive:
//! filters by speaker (any alias), country, topic and date, full-text
//! search and its ranking, facets and `show`.

use std::collections::BTreeSet;

use demarche_tests::{Sandbox, ids, text_at};
use serde_json::Value;

fn sorted(ids: Vec<i64>) -> Vec<i64> {
    let set: BTreeSet<i64> = ids.into_iter().collect();
    set.into_iter().collect()
}

fn distinct_articles(statements: &[Value]) -> usize {
    statements
        .iter()
        .filter_map(|s| s.pointer("/article/id").and_then(Value::as_i64))
        .collect::<BTreeSet<_>>()
        .len()
}

/// Speakers of the samples that recur across articles, each with forms of
/// the name a user may type (the surname works for every person).
const RECURRING_SPEAKERS: [(&str, &[&str]); 3] = [
    (
        "Haruka Morita",
        &["Haruka Morita", "haruka morita", "Morita"],
    ),
    (
        "Daniel Whitcombe",
        &["Daniel Whitcombe", "WHITCOMBE", "Whitcombe"],
    ),
    ("Anand Kesavan", &["Anand Kesavan", "Kesavan"]),
];

#[test]
fn a_speaker_is_found_under_every_form_of_the_name_across_articles() {
    let sandbox = Sandbox::new();
    sandbox.ingest_samples();
    for (canonical, forms) in RECURRING_SPEAKERS {
        let by_canonical = sandbox.statements(&["--speaker", canonical]);
        assert!(
            distinct_articles(&by_canonical) >= 2,
            "{canonical} should be found in several articles: {by_canonical:?}"
        );
        for statement in &by_canonical {
            assert_eq!(
                text_at(statement, "/speaker/name"),
                canonical,
                "{statement}"
            );
        }
        let expected = sorted(ids(&by_canonical));
        for form in forms.iter().copied() {
            let listed = sorted(ids(&sandbox.statements(&["--speaker", form])));
            assert_eq!(listed, expected, "statements --speaker {form:?}");
            let searched = sorted(ids(&sandbox.search("", &["--speaker", form])));
            assert_eq!(searched, expected, "search --speaker {form:?}");
        }
    }
}

#[test]
fn an_unknown_speaker_matches_nothing() {
    let sandbox = Sandbox::new();
    sandbox.ingest_samples();
    assert!(
        sandbox
            .statements(&["--speaker", "Nobody Atall"])
            .is_empty()
    );
    assert!(
        sandbox
            .search("", &["--speaker", "Nobody Atall"])
            .is_empty()
    );
}

#[test]
fn a_country_filter_accepts_codes_and_names() {
    let sandbox = Sandbox::new();
    sandbox.ingest_samples();
    let by_code = sandbox.statements(&["--country", "JP"]);
    assert!(!by_code.is_empty());
    for statement in &by_code {
        assert_eq!(text_at(statement, "/speaker/country"), "JP", "{statement}");
    }
    let expected = ids(&by_code);
    for form in ["jp", "Japan", "japanese"] {
        assert_eq!(
            ids(&sandbox.statements(&["--country", form])),
            expected,
            "{form}"
        );
    }
    let searched = sorted(ids(&sandbox.search("", &["--country", "Japan"])));
    assert_eq!(searched, sorted(expected));
}

#[test]
fn about_keeps_statements_that_involve_the_country() {
    let sandbox = Sandbox::new();
    sandbox.ingest_samples();
    let about = sandbox.statements(&["--about", "China"]);
    assert!(!about.is_empty());
    for statement in &about {
        let countries: Vec<&str> = statement["countries"]
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        assert!(countries.contains(&"CN"), "{statement}");
    }
}

#[test]
fn a_topic_filter_keeps_statements_on_that_topic() {
    let sandbox = Sandbox::new();
    sandbox.ingest_samples();
    let trade = sandbox.statements(&["--topic", "trade"]);
    assert!(!trade.is_empty());
    for statement in &trade {
        let topics = statement["topics"].as_array().cloned().unwrap_or_default();
        assert!(topics.contains(&Value::from("trade")), "{statement}");
    }
    let searched = sorted(ids(&sandbox.search("", &["--topic", "trade"])));
    assert_eq!(searched, sorted(ids(&trade)));
}

#[test]
fn unknown_filter_values_are_usage_errors_that_list_the_valid_ones() {
    let sandbox = Sandbox::new();
    sandbox.ingest_samples();
    let cases: [(&[&str], &str); 5] = [
        (&["--topic", "gardening"], "trade"),
        (&["--country", "Atlantis"], "JP"),
        (&["--kind", "shouted"], "indirect"),
        (&["--act", "sulk"], "criticism"),
        (&["--since", "last week"], "YYYY-MM-DD"),
    ];
    for (filter, listed) in cases {
        let mut args = vec!["statements"];
        args.extend_from_slice(filter);
        let run = sandbox.run(&args).exits_with(2);
        assert!(run.stderr.contains(listed), "{filter:?}: {}", run.stderr);
    }
}

fn effective_date(statement: &Value) -> String {
    let date = text_at(statement, "/date");
    if date.is_empty() {
        text_at(statement, "/article/published").to_owned()
    } else {
        date.to_owned()
    }
}

#[test]
fn a_date_range_keeps_statements_inside_it() {
    let sandbox = Sandbox::new();
    sandbox.ingest_samples();
    // Partial dates cover their whole period: June to September 2024.
    let summer = sandbox.statements(&["--since", "2024-06", "--until", "2024-09"]);
    assert!(!summer.is_empty());
    for statement in &summer {
        let date = effective_date(statement);
        assert!(
            ("2024-06-01".."2024-10-01").contains(&date.as_str()),
            "{date}: {statement}"
        );
    }
    let all = sandbox.statements(&[]);
    let outside = all
        .iter()
        .filter(|s| !("2024-06-01".."2024-10-01").contains(&effective_date(s).as_str()))
        .count();
    assert_eq!(summer.len() + outside, all.len());
    // Newest first.
    let dates: Vec<String> = all.iter().map(effective_date).collect();
    let mut newest_first = dates.clone();
    newest_first.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, newest_first);
    let searched = sorted(ids(
        &sandbox.search("", &["--since", "2024-06", "--until", "2024-09"])
    ));
    assert_eq!(searched, sorted(ids(&summer)));
}

/// Three short articles: one quote has both searched words, the others one each.
const RANKING_ARTICLES: [(&str, &str); 3] = [
    (
        "fleet.txt",
        "Fishing fleet waits\n\n\"Our fishing towns need the seafood ban lifted before the winter season,\" said Keiko Arai, Japan's fisheries minister.\n",
    ),
    (
        "exports.txt",
        "Exports slow\n\n\"Seafood exports to our neighbours fell sharply this year and prices are still falling,\" said Tomas Berg, Norway's trade minister.\n",
    ),
    (
        "imports.txt",
        "Import rules\n\n\"The ban on beef imports has no basis in science and should end soon,\" said Laura Pinto, Brazil's agriculture minister.\n",
    ),
];

#[test]
fn search_ranks_statements_with_every_word_first() {
    let sandbox = Sandbox::new();
    let mut args = vec![std::ffi::OsString::from("ingest")];
    for (name, text) in RANKING_ARTICLES {
        args.push(sandbox.write(name, text).into_os_string());
    }
    sandbox.run(&args).success();
    let hits = sandbox.search("seafood ban", &[]);
    assert_eq!(hits.len(), 3, "{hits:?}");
    let best = text_at(&hits[0], "/text").to_lowercase();
    assert!(
        best.contains("seafood") && best.contains("ban"),
        "{}",
        hits[0]
    );
    let scores: Vec<f64> = hits.iter().filter_map(|h| h["score"].as_f64()).collect();
    assert_eq!(scores.len(), hits.len());
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    assert!(text_at(&hits[0], "/snippet").contains("<b>"), "{}", hits[0]);
    assert!(
        hits[0]
            .pointer("/article/source")
            .is_some_and(Value::is_string)
    );
    // Stemming: the plural finds the singular.
    assert!(!sandbox.search("bans", &[]).is_empty());
}

#[test]
fn search_over_the_samples_finds_the_words() {
    let sandbox = Sandbox::new();
    sandbox.ingest_samples();
    let hits = sandbox.search("seafood", &[]);
    assert!(!hits.is_empty());
    for hit in &hits {
        let snippet = text_at(hit, "/snippet").to_lowercase();
        assert!(snippet.contains("<b>seafood</b>"), "{hit}");
    }
}

#[test]
fn a_quoted_phrase_matches_only_those_words_in_that_order() {
    let sandbox = Sandbox::new();
    sandbox.ingest_samples();
    let hits = sandbox.search("\"private drain\"", &[]);
    assert!(!hits.is_empty());
    for hit in &hits {
        assert!(text_at(hit, "/text").contains("private drain"), "{hit}");
    }
    assert!(sandbox.search("\"drain private\"", &[]).is_empty());
}

#[test]
fn search_combines_words_and_filters() {
    let sandbox = Sandbox::new();
    sandbox.ingest_samples();
    let hits = sandbox.search("tanker", &["--speaker", "Vesterholm"]);
    assert!(!hits.is_empty());
    for hit in &hits {
        assert_eq!(text_at(hit, "/speaker/name"), "Katrin Vesterholm", "{hit}");
        assert!(
            text_at(hit, "/text").to_lowercase().contains("tanker"),
            "{hit}"
        );
    }
}

#[test]
fn speaker_facets_count_statements_and_keep_aliases() {
    let sandbox = Sandbox::new();
    sandbox.ingest_samples();
    let speakers = sandbox
        .run(["speakers", "--format", "jsonl", "--limit", "100"])
        .success()
        .jsonl();
    let morita = speakers
        .iter()
        .find(|s| text_at(s, "/name") == "Haruka Morita")
        .unwrap_or_else(|| panic!("no Haruka Morita in {speakers:?}"));
    let listed = sandbox.statements(&["--speaker", "Haruka Morita"]).len() as u64;
    assert_eq!(morita["statements"], listed);
    let counts: Vec<u64> = speakers
        .iter()
        .filter_map(|s| s["statements"].as_u64())
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    let japanese = sandbox
        .run(["speakers", "--format", "jsonl", "--country", "Japan"])
        .success()
        .jsonl();
    assert!(!japanese.is_empty());
    for speaker in &japanese {
        assert_eq!(text_at(speaker, "/country"), "JP", "{speaker}");
    }
}

#[test]
fn country_and_topic_facets_list_counts() {
    let sandbox = Sandbox::new();
    sandbox.ingest_samples();
    let countries = sandbox
        .run(["countries", "--format", "jsonl"])
        .success()
        .jsonl();
    assert!(
        countries.iter().any(|c| text_at(c, "/code") == "CN"),
        "{countries:?}"
    );
    let topics = sandbox
        .run(["topics", "--format", "jsonl"])
        .success()
        .jsonl();
    let trade = topics
        .iter()
        .find(|t| text_at(t, "/topic") == "trade")
        .unwrap_or_else(|| panic!("no trade topic in {topics:?}"));
    let listed = sandbox.statements(&["--topic", "trade"]).len() as u64;
    assert_eq!(trade["statements"], listed);
}

#[test]
fn the_topic_taxonomy_is_listed_without_a_database() {
    let sandbox = Sandbox::new();
    let topics = sandbox
        .run(["topics", "--all", "--format", "jsonl"])
        .success()
        .jsonl();
    assert!(
        topics.iter().any(|t| text_at(t, "/topic") == "trade"),
        "{topics:?}"
    );
}

#[test]
fn show_prints_a_statement_in_its_context() {
    let sandbox = Sandbox::new();
    sandbox.ingest_samples();
    let first = sandbox.statements(&["--speaker", "Morita"]);
    let id = first[0]["id"].as_i64().unwrap_or_default().to_string();
    let shown = sandbox
        .run(["show", &id, "--format", "json"])
        .success()
        .json();
    assert_eq!(shown["id"], first[0]["id"]);
    assert!(text_at(&shown, "/context/text").contains(text_at(&shown, "/content/text")));
    let table = sandbox.run(["show", &id, "--format", "table"]).success();
    assert!(table.stdout.contains("Haruka Morita"), "{}", table.stdout);
    let missing = sandbox.run(["show", "999999"]).exits_with(1);
    assert!(missing.stderr.contains("999999"), "{}", missing.stderr);
}

#[test]
fn querying_a_folder_without_a_database_says_how_to_make_one() {
    let sandbox = Sandbox::new();
    for command in [
        &["statements"][..],
        &["search", "trade"],
        &["speakers"],
        &["check"],
    ] {
        let run = sandbox.run(command).exits_with(1);
        assert!(
            run.stderr.contains("demarche ingest"),
            "{command:?}: {}",
            run.stderr
        );
        assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    }
}

#[test]
fn the_database_folder_comes_from_the_environment_when_not_given() {
    let sandbox = Sandbox::new();
    let samples = demarche_tests::samples_dir();
    let mut ingest = sandbox.command([std::ffi::OsStr::new("ingest"), samples.as_os_str()]);
    ingest.env("DEMARCHE_DB", sandbox.path().join("from-env"));
    let run = demarche_tests::run_command(ingest, b"");
    assert!(run.status.success(), "{}", run.stderr);
    assert!(sandbox.path().join("from-env/demarche.sqlite3").is_file());
    // Without either, the database is ./demarche-data.
    let listing = demarche_tests::run_command(sandbox.command(["statements"]), b"");
    assert_eq!(listing.code(), 1, "{}", listing.stderr);
    assert!(
        listing.stderr.contains("demarche-data"),
        "{}",
        listing.stderr
    );
}

#[test]
fn kind_and_act_filters_agree_between_listing_and_search() {
    let sandbox = Sandbox::new();
    sandbox.ingest_samples();
    let all = sandbox.statements(&[]).len();
    let mut by_kind = 0;
    for kind in ["direct", "indirect", "mixed"] {
        let listed = sandbox.statements(&["--kind", kind]);
        for statement in &listed {
            assert_eq!(text_at(statement, "/kind"), kind, "{statement}");
        }
        let searched = sorted(ids(&sandbox.search("", &["--kind", kind])));
        assert_eq!(searched, sorted(ids(&listed)), "--kind {kind}");
        by_kind += listed.len();
    }
    assert_eq!(by_kind, all);
    let direct = sandbox.statements(&["--kind", "direct"]);
    assert!(!direct.is_empty());
    let statements = sandbox.statements(&["--act", "statement"]);
    assert!(!statements.is_empty());
    for statement in &statements {
        assert_eq!(text_at(statement, "/act"), "statement", "{statement}");
    }
    let searched = sorted(ids(&sandbox.search("", &["--act", "statement"])));
    assert_eq!(searched, sorted(ids(&statements)));
}
