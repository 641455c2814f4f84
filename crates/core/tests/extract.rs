//! Regression tests of the statement extractor on short invented news
//! snippets, one attribution pattern each, plus a no-panic property test
//! and a check of the seed article when the evaluation data is present.

use demarche_core::{Article, Kind, Statement, extract_statements};
use proptest::prelude::*;

/// What one statement should look like: kind, speaker name, content text
/// (joined parts), cue, act and addressee name.
#[derive(Debug)]
struct Expect {
    kind: &'static str,
    speaker: Option<&'static str>,
    content: &'static str,
    cue: Option<&'static str>,
    act: &'static str,
    addressee: Option<&'static str>,
}

const fn e(
    kind: &'static str,
    speaker: Option<&'static str>,
    content: &'static str,
    cue: Option<&'static str>,
    act: &'static str,
    addressee: Option<&'static str>,
) -> Expect {
    Expect {
        kind,
        speaker,
        content,
        cue,
        act,
        addressee,
    }
}

fn assert_spans_valid(body: &str, st: &Statement) {
    assert!(
        st.content.is_valid_in(body),
        "content span {:?}",
        st.content
    );
    if let Some(c) = &st.cue {
        assert!(c.is_valid_in(body), "cue span {c:?}");
    }
    if let Some(m) = &st.speaker.mention {
        assert!(m.is_valid_in(body), "mention span {m:?}");
    }
}

/// Extracts `text` and asserts the statements, in order, match `expected`.
fn check(text: &str, expected: &[Expect]) {
    let article = Article::new("test.txt", text);
    let got = extract_statements(&article).statements;
    for st in &got {
        assert_spans_valid(text, st);
    }
    let summary: Vec<String> = got
        .iter()
        .map(|s| {
            format!(
                "{} | {:?} | {} | {:?} | {} | {:?}",
                s.kind,
                s.speaker.name,
                s.text,
                s.cue.as_ref().map(|c| c.text.as_str()),
                s.act,
                s.addressee.as_ref().and_then(|a| a.name.as_deref())
            )
        })
        .collect();
    assert_eq!(
        got.len(),
        expected.len(),
        "statements of {text:?}:\n{summary:#?}"
    );
    for (st, ex) in got.iter().zip(expected) {
        let ctx = format!("in {text:?}:\n{summary:#?}");
        assert_eq!(st.kind.as_str(), ex.kind, "kind {ctx}");
        assert_eq!(st.speaker.name.as_deref(), ex.speaker, "speaker {ctx}");
        assert_eq!(st.text, ex.content, "content {ctx}");
        assert_eq!(
            st.cue.as_ref().map(|c| c.text.as_str()),
            ex.cue,
            "cue {ctx}"
        );
        assert_eq!(st.act.as_str(), ex.act, "act {ctx}");
        assert_eq!(
            st.addressee.as_ref().and_then(|a| a.name.as_deref()),
            ex.addressee,
            "addressee {ctx}"
        );
    }
}

#[test]
fn direct_quote_with_speaker_after() {
    check(
        "Talks\n\n“We will keep talking,” Foreign Minister Ana Costa said.\n",
        &[e(
            "direct",
            Some("Ana Costa"),
            "“We will keep talking,”",
            Some("said"),
            "statement",
            None,
        )],
    );
}

#[test]
fn direct_quote_with_inverted_speaker() {
    check(
        "Talks\n\n\"The port will reopen next week,\" said Pedro Alves, the transport minister.\n",
        &[e(
            "direct",
            Some("Pedro Alves"),
            "\"The port will reopen next week,\"",
            Some("said"),
            "statement",
            None,
        )],
    );
}

#[test]
fn speaker_before_colon_quote_with_addressee() {
    check(
        "Talks\n\nMinister Lena Berg told Omar Haddad: “Our door remains open.”\n",
        &[e(
            "direct",
            Some("Lena Berg"),
            "“Our door remains open.”",
            Some("told"),
            "statement",
            Some("Omar Haddad"),
        )],
    );
}

#[test]
fn split_quote_is_one_statement_with_parts() {
    let text = "Talks\n\n“We will not give in,” Berg said, “not now, not ever.”\n";
    check(
        text,
        &[e(
            "direct",
            Some("Berg"),
            "“We will not give in,” “not now, not ever.”",
            Some("said"),
            "statement",
            None,
        )],
    );
    let st = &extract_statements(&Article::new("t.txt", text)).statements[0];
    assert_eq!(st.content.parts.as_ref().map(Vec::len), Some(2));
}

#[test]
fn quote_continues_in_next_sentence_and_paragraph() {
    let text = "Talks\n\n“The plan is ready,” said Mira Stone. “It will be signed soon.\n\n“Nobody should doubt it.”\n";
    let st = &extract_statements(&Article::new("t.txt", text)).statements;
    assert_eq!(st.len(), 1, "{st:#?}");
    assert_eq!(st[0].speaker.name.as_deref(), Some("Mira Stone"));
    assert!(st[0].text.contains("Nobody should doubt it."));
}

#[test]
fn reported_speech_with_that_and_addressee() {
    check(
        "Talks\n\nForeign Minister Ana Costa told her Spanish counterpart on Monday that the border would stay open.\n",
        &[e(
            "indirect",
            Some("Ana Costa"),
            "that the border would stay open",
            Some("told"),
            "statement",
            Some("her Spanish counterpart"),
        )],
    );
}

#[test]
fn appeal_with_object_and_infinitive() {
    check(
        "Talks\n\nGreta Lund urged Oslo to lift the ban on salmon imports.\n",
        &[e(
            "indirect",
            Some("Greta Lund"),
            "to lift the ban on salmon imports",
            Some("urged"),
            "appeal",
            Some("Oslo"),
        )],
    );
}

#[test]
fn pronoun_resolves_to_previous_person() {
    check(
        "Talks\n\nGreta Lund met the envoy in Bern. She called for the release of two detained sailors.\n",
        &[e(
            "indirect",
            Some("Greta Lund"),
            "the release of two detained sailors",
            Some("called for"),
            "appeal",
            None,
        )],
    );
}

#[test]
fn surname_resolves_to_full_name() {
    check(
        "Talks\n\nKarl Weber arrived in Rome. Weber said the talks had gone well.\n",
        &[e(
            "indirect",
            Some("Karl Weber"),
            "the talks had gone well",
            Some("said"),
            "statement",
            None,
        )],
    );
}

#[test]
fn trailing_attribution_after_clause() {
    check(
        "Talks\n\nThe deal is dead, a senior official said.\n",
        &[e(
            "indirect",
            Some("senior official"),
            "The deal is dead",
            Some("said"),
            "statement",
            None,
        )],
    );
}

#[test]
fn according_to_at_sentence_start() {
    check(
        "Talks\n\nAccording to the ministry, the talks will resume in May.\n",
        &[e(
            "indirect",
            Some("the ministry"),
            "the talks will resume in May",
            Some("According to"),
            "statement",
            None,
        )],
    );
}

#[test]
fn according_to_becomes_channel_of_other_statement() {
    let text = "Talks\n\n“Trade must grow,” Ana Costa told Omar Haddad, according to a readout from Portugal’s Foreign Ministry.\n";
    let st = &extract_statements(&Article::new("t.txt", text)).statements;
    assert_eq!(st.len(), 1, "{st:#?}");
    assert_eq!(st[0].via.as_deref(), Some("Portugal’s Foreign Ministry"));
    assert_eq!(st[0].speaker.name.as_deref(), Some("Ana Costa"));
}

#[test]
fn appositive_speaker() {
    check(
        "Talks\n\nHugh Hill, a doctor at the clinic, said the outbreak was under control.\n",
        &[e(
            "indirect",
            Some("Hugh Hill"),
            "the outbreak was under control",
            Some("said"),
            "statement",
            None,
        )],
    );
}

#[test]
fn organisation_and_metonym_speakers() {
    let text = "Talks\n\nThe White House said the sanctions would stay. The ministry said it regretted the decision.\n";
    let st = &extract_statements(&Article::new("t.txt", text)).statements;
    assert_eq!(st.len(), 2, "{st:#?}");
    assert_eq!(st[0].speaker.country.as_deref(), Some("US"));
    assert_eq!(st[0].speaker.kind.as_str(), "organization");
    assert_eq!(st[1].speaker.kind.as_str(), "organization");
}

#[test]
fn mixed_statement_embeds_a_quoted_fragment() {
    let text = "Talks\n\nMinister Lena Berg said the agreement was “a disaster for farmers” and should be revised.\n";
    let st = &extract_statements(&Article::new("t.txt", text)).statements;
    assert_eq!(st.len(), 1, "{st:#?}");
    assert_eq!(st[0].kind, Kind::Mixed);
}

#[test]
fn scare_quotes_and_narration_are_not_statements() {
    check(
        "Talks\n\nThe so-called “peace dividend” never arrived. Relations between the two countries have been strained for years.\n",
        &[],
    );
}

#[test]
fn photo_credit_is_not_a_statement() {
    check(
        "Jan Novak | Reuters | Photo Agency\nTalks resume in Prague\n",
        &[],
    );
}

#[test]
fn titles_and_abbreviations_do_not_split_sentences() {
    check(
        "Talks\n\nSen. Mary Cole said the U.S. Senate would vote in Sept. on the treaty.\n",
        &[e(
            "indirect",
            Some("Mary Cole"),
            "the U.S. Senate would vote in Sept. on the treaty",
            Some("said"),
            "statement",
            None,
        )],
    );
}

#[test]
fn unclosed_quote_is_recovered_per_paragraph() {
    let text = "Talks\n\n“We are ready, Costa said.\n\nOmar Haddad said the meeting was useful.\n";
    let ex = extract_statements(&Article::new("t.txt", text));
    assert!(!ex.diagnostics.is_empty());
    assert!(
        ex.statements
            .iter()
            .any(|s| s.speaker.name.as_deref() == Some("Omar Haddad")),
        "{:#?}",
        ex.statements
    );
}

#[test]
fn criticism_and_warning_acts() {
    check(
        "Talks\n\nThe ministry condemned the missile test. Omar Haddad warned that further tests would bring sanctions.\n",
        &[
            e(
                "indirect",
                Some("The ministry"),
                "the missile test",
                Some("condemned"),
                "criticism",
                None,
            ),
            e(
                "indirect",
                Some("Omar Haddad"),
                "that further tests would bring sanctions",
                Some("warned"),
                "warning",
                None,
            ),
        ],
    );
}

#[test]
fn nyt_double_apostrophe_quotes() {
    check(
        "Talks\n\n''We expect a vote soon,'' said Mr. Hale.\n",
        &[e(
            "direct",
            Some("Hale"),
            "''We expect a vote soon,''",
            Some("said"),
            "statement",
            None,
        )],
    );
}

#[test]
fn date_resolves_weekday_against_publication() {
    let mut article = Article::new(
        "t.txt",
        "Talks\n\nAna Costa said on Friday that the talks would continue.\n",
    );
    article.meta.published = chrono::NaiveDate::from_ymd_opt(2024, 7, 28);
    let st = &extract_statements(&article).statements;
    assert_eq!(st.len(), 1);
    assert_eq!(st[0].date, chrono::NaiveDate::from_ymd_opt(2024, 7, 26));
}

/// The statements of `text` as (speaker name, content, cue) triples.
fn triples(text: &str) -> Vec<(Option<String>, String, Option<String>)> {
    extract_statements(&Article::new("t.txt", text))
        .statements
        .into_iter()
        .map(|s| (s.speaker.name, s.text, s.cue.map(|c| c.text)))
        .collect()
}

#[test]
fn dateline_is_not_a_speaker_and_adding_objects_is_not_a_cue() {
    for text in [
        "Fleet\n\nOSLO — Nordic ministers approved new port rules on Tuesday, adding dozens of trawlers to a watch list in an effort to curb illegal fishing.\n",
        "Fleet\n\nOSLO (Newswire) - Nordic ministers approved new port rules on Tuesday, adding dozens of trawlers to a watch list.\n",
    ] {
        let st = triples(text);
        assert!(st.is_empty(), "{st:#?}");
    }
    // "adding that" still reports speech.
    let st = triples(
        "Fleet\n\nOSLO — The minister approved the rules, adding that more ships would follow.\n",
    );
    assert_eq!(st.len(), 1, "{st:#?}");
    assert_eq!(st[0].1, "that more ships would follow");
    assert_ne!(st[0].0.as_deref(), Some("OSLO"));
}

#[test]
fn quote_reopened_in_next_paragraph_is_one_statement() {
    let text = "Ports\n\nThe ferries were idle all week.\n\n\"Every ship we stop is a ship that cannot carry fuel. The cartel is counting on us to get bored.\n\n\"We are not bored. We will follow them,\" the bloc's maritime envoy, Irena Kowal, told reporters before the meeting.\n";
    let st = extract_statements(&Article::new("t.txt", text)).statements;
    assert_eq!(st.len(), 1, "{st:#?}");
    let s = &st[0];
    assert_eq!(s.kind, Kind::Direct);
    assert_eq!(s.speaker.name.as_deref(), Some("Irena Kowal"));
    assert_eq!(
        s.addressee.as_ref().and_then(|a| a.name.as_deref()),
        Some("reporters")
    );
    assert!(s.text.contains("Every ship we stop"), "{s:#?}");
    assert!(s.text.contains("We will follow them"), "{s:#?}");
    assert_eq!(s.content.parts.as_ref().map(Vec::len), Some(2));
}

#[test]
fn continued_with_an_object_is_not_a_cue() {
    let st = triples(
        "Grid\n\nLena Holt warned that the bloc would respond if the rebels continued their raids on the grid.\n",
    );
    assert_eq!(st.len(), 1, "{st:#?}");
    assert_eq!(st[0].2.as_deref(), Some("warned"));
    // After its content, "continued" reports speech.
    let st = triples("Grid\n\n\"We will not wait for them,\" Holt continued.\n");
    assert_eq!(st.len(), 1, "{st:#?}");
    assert_eq!(st[0].2.as_deref(), Some("continued"));
}

#[test]
fn planned_request_inside_a_report_is_not_a_second_statement() {
    let st = triples(
        "Chips\n\nMinister Tomas Ruud said on Monday that Norway would ask Sweden and Finland to stop shipping the parts, widening the dispute.\n",
    );
    assert_eq!(st.len(), 1, "{st:#?}");
    assert_eq!(st[0].0.as_deref(), Some("Tomas Ruud"));
}

#[test]
fn subjects_the_phrase_parser_does_not_know() {
    let st = extract_statements(&Article::new(
        "t.txt",
        "Poll\n\nSix in 10 voters say the economy is getting worse.\n",
    ))
    .statements;
    assert_eq!(st.len(), 1, "{st:#?}");
    assert_eq!(st[0].text, "the economy is getting worse");
    assert!(
        st[0]
            .speaker
            .mention
            .as_ref()
            .is_some_and(|m| m.text.ends_with("voters")),
        "{st:#?}"
    );
    // A name ending in "-ly" is not an adverb.
    let st = triples("Talks\n\nKelly said she would run again.\n");
    assert_eq!(st.len(), 1, "{st:#?}");
    assert_eq!(st[0].1, "she would run again");
    // "…,” said a narrator.
    let st = triples("Ad\n\n\"Prices go up and wages go down,\" says a narrator.\n");
    assert_eq!(st.len(), 1, "{st:#?}");
    assert_eq!(st[0].1, "\"Prices go up and wages go down,\"");
}

#[test]
fn clause_after_the_cue_is_content_even_after_an_opener() {
    let st = triples(
        "Talks\n\nDespite the kind words, Ortega says he goes \"back to work tomorrow.\"\n",
    );
    assert_eq!(st.len(), 1, "{st:#?}");
    assert_eq!(st[0].1, "he goes \"back to work tomorrow.\"");
    // A quoted word inside the clause does not start the content.
    let st = triples("Probe\n\nCounsel Mia Park said the inquiry is \"ongoing.\"\n");
    assert_eq!(st.len(), 1, "{st:#?}");
    assert_eq!(st[0].1, "the inquiry is \"ongoing.\"");
    // A long clause before ", X said." is the content, opener and all.
    let st = triples(
        "Race\n\nIn a general election, he could win the rural states but would struggle in the cities, Dale Hunt said.\n",
    );
    assert_eq!(st.len(), 1, "{st:#?}");
    assert!(st[0].1.starts_with("In a general election"), "{st:#?}");
}

#[test]
fn title_abbreviation_before_a_trailing_speaker() {
    let st = triples("Talks\n\n\"We are going back to the table,\" Mr. Rubin said.\n");
    assert_eq!(st.len(), 1, "{st:#?}");
    assert_eq!(st[0].1, "\"We are going back to the table,\"");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn never_panics_and_spans_are_valid(s in "(\\PC|[\"“”‘’«»„'\n ,.:]|said|told| He | Mr\\. |according to){0,80}") {
        let article = Article::new("p.txt", s.clone());
        let ex = extract_statements(&article);
        for st in &ex.statements {
            prop_assert!(st.content.is_valid_in(&s));
            if let Some(c) = &st.cue { prop_assert!(c.is_valid_in(&s)); }
            if let Some(m) = &st.speaker.mention { prop_assert!(m.is_valid_in(&s)); }
            prop_assert!((0.0..=1.0).contains(&st.confidence));
        }
    }

    #[test]
    fn never_panics_on_arbitrary_text(s in any::<String>()) {
        let article = Article::new("p.txt", s.clone());
        for st in &extract_statements(&article).statements {
            prop_assert!(st.content.is_valid_in(&s));
        }
    }
}

/// Runs on the project's seed article (read from the evaluation folder,
/// never copied into the repository) when it is present.
#[test]
fn seed_article_must_rows() {
    let path = "/work/shared/eval/seed/article.txt";
    let Ok(body) = std::fs::read_to_string(path) else {
        eprintln!("note: {path} not present; seed article test skipped");
        return;
    };
    let article = Article::new(path, body);
    let st = extract_statements(&article).statements;
    let find = |snippet: &str| {
        st.iter()
            .find(|s| s.text.contains(snippet))
            .unwrap_or_else(|| panic!("no statement containing {snippet:?}: {st:#?}"))
    };
    let s1 = find("relations were at a critical stage");
    assert_eq!(s1.speaker.name.as_deref(), Some("Wang Yi"));
    assert_eq!(s1.speaker.country.as_deref(), Some("CN"));
    let s2 = find("either move forward or fall behind");
    assert_eq!(s2.kind, Kind::Direct);
    assert_eq!(s2.speaker.name.as_deref(), Some("Wang Yi"));
    let s4 = find("lift import restrictions on Japanese food");
    assert_eq!(s4.speaker.name.as_deref(), Some("Yoko Kamikawa"));
    assert_eq!(s4.act.as_str(), "appeal");
    let s5 = find("early release of Japanese detained in China");
    assert_eq!(s5.speaker.name.as_deref(), Some("Yoko Kamikawa"));
    let s7 = find("feel comfortable doing business in China");
    assert_eq!(s7.kind, Kind::Direct);
    assert_eq!(
        s7.addressee.as_ref().and_then(|a| a.name.as_deref()),
        Some("Wang Yi")
    );
    let s8 = find("semiconductor export restrictions do not target");
    assert_eq!(s8.speaker.country.as_deref(), Some("JP"));
    for narration in [
        "Kazuhiro Nogi",
        "Relations between the two countries",
        "have resumed several consultation talks",
        "Japan has joined other G7 countries",
    ] {
        assert!(
            !st.iter().any(|s| s.text.contains(narration)),
            "narration {narration:?} extracted"
        );
    }
}
