//! Statements read back from the store equal what was stored, field by field.

mod support;

use demarche_core::{Act, Addressee, Content, Kind, Span, Speaker, SpeakerKind, Statement};
use demarche_store::{InsertOutcome, Store};
use proptest::prelude::*;
use support::{article, date, span};

const SPLIT_BODY: &str = "Talks in Vientiane\n\n\
    “We will not give in,” Foreign Minister Lena Okafor told her Malawian counterpart, \
    “not on tariffs, not on fishing rights.” She spoke after a meeting in Vientiane.";

fn every_field_statement() -> Statement {
    let body = SPLIT_BODY;
    let first = span(body, "We will not give in,");
    let second = span(body, "not on tariffs, not on fishing rights.");
    let whole = Span::of(body, first.start, second.end).unwrap();
    Statement {
        kind: Kind::Direct,
        text: "We will not give in, not on tariffs, not on fishing rights.".into(),
        content: Content {
            start: whole.start,
            end: whole.end,
            text: whole.text,
            parts: Some(vec![first, second]),
        },
        cue: Some(span(body, "told")),
        speaker: Speaker {
            name: Some("Lena Okafor".into()),
            mention: Some(span(body, "Foreign Minister Lena Okafor")),
            title: Some("Foreign Minister".into()),
            organization: Some("Ministry of Foreign Affairs".into()),
            country: Some("NG".into()),
            kind: SpeakerKind::Person,
            aliases: vec!["Lena Okafor".into(), "Foreign Minister Lena Okafor".into()],
        },
        addressee: Some(Addressee {
            name: Some("her Malawian counterpart".into()),
            country: Some("MW".into()),
        }),
        via: Some("a ministry statement".into()),
        act: Act::Rejection,
        topics: vec!["trade".into(), "fisheries".into()],
        countries: vec!["NG".into(), "MW".into(), "LA".into()],
        date: Some(date("2024-07-26")),
        confidence: 0.875,
    }
}

#[test]
fn a_statement_with_every_field_set_reads_back_identically() {
    let mut store = Store::open_in_memory().unwrap();
    let art = article("vientiane.txt", Some("2024-07-27"), SPLIT_BODY);
    let original = every_field_statement();
    let outcomes = store
        .insert_batch(&[(art.clone(), vec![original.clone()])])
        .unwrap();
    let InsertOutcome::Inserted {
        article_id,
        statement_ids,
        speaker_ids,
    } = &outcomes[0]
    else {
        panic!("expected an insert, got {outcomes:?}");
    };
    assert_eq!(statement_ids.len(), 1);

    let stored = store.statement(statement_ids[0]).unwrap().unwrap();
    assert_eq!(stored.statement, original);
    assert_eq!(stored.article.id, *article_id);
    assert_eq!(stored.article.title.as_deref(), Some("Talks in Vientiane"));
    assert_eq!(stored.article.published, Some(date("2024-07-27")));
    assert_eq!(stored.article.source, "vientiane.txt");
    assert!(stored.speaker_id.is_some());
    assert_eq!(speaker_ids, &[stored.speaker_id]);

    let stored_article = store.article(*article_id).unwrap().unwrap();
    assert_eq!(stored_article.meta, art.meta);
    assert_eq!(stored_article.body, art.body);
    assert!(store.check().unwrap().is_empty());
}

#[test]
fn an_unattributed_statement_has_no_speaker_row() {
    let mut store = Store::open_in_memory().unwrap();
    let body = "Harbour dispute\n\nThe harbour will reopen next week, it was announced.";
    let mut s = support::statement(body, "The harbour will reopen next week", None, None);
    s.speaker = Speaker::unattributed();
    s.confidence = f32::NAN;
    store
        .insert_batch(&[(article("h.txt", None, body), vec![s.clone()])])
        .unwrap();
    let stored = store.statement(1).unwrap().unwrap();
    assert_eq!(stored.speaker_id, None);
    assert!(
        stored.statement.confidence.is_nan(),
        "NaN survives the round trip"
    );
    s.confidence = stored.statement.confidence;
    assert_eq!(stored.statement.speaker, s.speaker);
    assert_eq!(store.counts().unwrap().speakers, 0);
}

#[test]
fn statements_whose_spans_do_not_fit_the_body_are_refused_without_writing() {
    let mut store = Store::open_in_memory().unwrap();
    let body = "Short note\n\nKim said yes.";
    let good = support::statement(body, "yes", Some("Kim"), Some("Kim"));
    let mut bad = good.clone();
    bad.content.end = 999;
    let mut bad_cue = good.clone();
    bad_cue.cue = Some(Span {
        start: 0,
        end: 3,
        text: "said".into(),
    });
    for broken in [bad, bad_cue] {
        let other = article("other.txt", None, "Other\n\nLee said no.");
        let err = store
            .insert_batch(&[
                (other, vec![]),
                (article("note.txt", None, body), vec![broken]),
            ])
            .unwrap_err();
        assert!(err.to_string().contains("note.txt, statement 0"), "{err}");
        assert_eq!(
            store.counts().unwrap().articles,
            0,
            "nothing of the batch is written"
        );
    }
}

/// A body made of arbitrary words (some multi-byte) and statement fields
/// drawn around char-boundary offsets in it.
fn arbitrary_statement() -> impl Strategy<Value = (String, Statement)> {
    let body = proptest::collection::vec("[a-zA-Zéü“”«» ]{1,12}", 6..30).prop_map(|w| w.join(" "));
    body.prop_flat_map(|body| {
        let bounds: Vec<usize> = body
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(body.len()))
            .collect();
        let n = bounds.len();
        let offsets = proptest::collection::vec(0..n, 8);
        let text_field = proptest::option::of("[ -~é]{0,20}");
        (
            Just(body),
            Just(bounds),
            offsets,
            (
                proptest::sample::select(Kind::ALL.to_vec()),
                proptest::sample::select(Act::ALL.to_vec()),
                proptest::sample::select(SpeakerKind::ALL.to_vec()),
                any::<bool>(),
                any::<bool>(),
                any::<bool>(),
            ),
            (
                text_field.clone(),
                text_field.clone(),
                text_field.clone(),
                text_field.clone(),
            ),
            (
                proptest::option::of((text_field.clone(), text_field.clone())),
                proptest::collection::btree_set("[a-z-]{1,10}", 0..4),
                proptest::collection::btree_set("[A-Z]{2}", 0..4),
                proptest::collection::vec("[ -~]{1,15}", 0..3),
                proptest::option::of((1950i32..2100, 1u32..13, 1u32..29)),
                any::<f32>(),
            ),
        )
    })
    .prop_map(|(body, bounds, mut offsets, flags, texts, more)| {
        let (kind, act, speaker_kind, split, with_cue, with_mention) = flags;
        let (name, title, organization, via) = texts;
        let (addressee, topics, countries, aliases, ymd, confidence) = more;
        // Sorted so that the two split-quote pieces are in order inside the whole.
        offsets[..4].sort_unstable();
        let at = |i: usize| bounds[offsets[i] % bounds.len()];
        let span_of = |a: usize, b: usize| {
            let (s, e) = if at(a) <= at(b) {
                (at(a), at(b))
            } else {
                (at(b), at(a))
            };
            Span::of(&body, s, e).unwrap()
        };
        let whole = span_of(0, 3);
        let parts = split.then(|| vec![span_of(0, 1), span_of(2, 3)]);
        let statement = Statement {
            kind,
            text: parts.as_ref().map_or(whole.text.clone(), |p| {
                format!("{} {}", p[0].text, p[1].text)
            }),
            content: Content {
                start: whole.start,
                end: whole.end,
                text: whole.text,
                parts,
            },
            cue: with_cue.then(|| span_of(4, 5)),
            speaker: Speaker {
                name,
                mention: with_mention.then(|| span_of(6, 7)),
                title,
                organization,
                country: None,
                kind: speaker_kind,
                aliases,
            },
            addressee: addressee.map(|(name, country)| Addressee { name, country }),
            via,
            act,
            topics: topics.into_iter().collect(),
            countries: countries.into_iter().collect(),
            date: ymd.and_then(|(y, m, d)| chrono::NaiveDate::from_ymd_opt(y, m, d)),
            confidence,
        };
        (body, statement)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_valid_statement_round_trips((body, original) in arbitrary_statement()) {
        let mut store = Store::open_in_memory().unwrap();
        let art = article("generated.txt", Some("2023-01-01"), &body);
        store.insert_batch(&[(art, vec![original.clone()])]).unwrap();
        let stored = store.statement(1).unwrap().unwrap().statement;
        if original.confidence.is_nan() {
            prop_assert!(stored.confidence.is_nan());
            let mut expected = original.clone();
            expected.confidence = stored.confidence;
            prop_assert_eq!(format!("{stored:?}"), format!("{expected:?}"));
        } else {
            prop_assert_eq!(stored, original);
        }
        prop_assert!(store.check().unwrap().is_empty());
    }
}
