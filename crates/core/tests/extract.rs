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
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/eval/seed/article.txt"
    );
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

// ---------------------------------------------------------------------
// Speakers: naming, coreference, country, title and organisation.
// ---------------------------------------------------------------------

/// The speaker fields of one statement: name, country, title, organisation.
type SpeakerFields = (
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// The speaker of the statement whose text contains `snippet`.
fn speaker_fields(text: &str, snippet: &str) -> SpeakerFields {
    let article = Article::new("speakers.txt", text);
    let got = extract_statements(&article).statements;
    let st = got
        .iter()
        .find(|s| s.text.contains(snippet))
        .unwrap_or_else(|| panic!("no statement containing {snippet:?} in {got:#?}"));
    let sp = st.speaker.clone();
    (sp.name, sp.country, sp.title, sp.organization)
}

/// One expected speaker: (text, snippet of the statement, name, country,
/// title); a `None` title is not checked.
type SpeakerRow<'a> = (&'a str, &'a str, &'a str, Option<&'a str>, Option<&'a str>);

/// Checks the speaker of the statement holding each row's snippet.
fn check_speakers(rows: &[SpeakerRow]) {
    for &(text, snippet, name, country, title) in rows {
        let (got_name, got_country, got_title, _) = speaker_fields(text, snippet);
        assert_eq!(
            got_name.as_deref(),
            Some(name),
            "name for {snippet:?} in {text:?}"
        );
        assert_eq!(
            got_country.as_deref(),
            country,
            "country for {snippet:?} in {text:?}"
        );
        if title.is_some() {
            assert_eq!(
                got_title.as_deref(),
                title,
                "title for {snippet:?} in {text:?}"
            );
        }
    }
}

#[test]
fn people_who_never_speak_are_known_to_coreference() {
    check_speakers(&[
        (
            "Visit\n\n\"We made an offer,\" Avila told reporters after meeting US Secretary of State Martin Greaves at the ministry.\n\nGreaves welcomed the offer but said the talks would need more time.\n",
            "the talks would need more time",
            "Martin Greaves",
            Some("US"),
            Some("Secretary of State"),
        ),
        (
            "Visit\n\nOn Monday the ministry hosted Chilean Foreign Minister Rosa Ibáñez Vidal for talks.\n\nIbáñez said the two sides had agreed on a fishing plan.\n",
            "the two sides had agreed",
            "Rosa Ibáñez Vidal",
            Some("CL"),
            Some("Foreign Minister"),
        ),
    ]);
}

#[test]
fn a_surname_resolves_to_a_double_surname_introduced_earlier() {
    check_speakers(&[(
        "Border\n\nMEXICO CITY — Mexico's foreign secretary, Lucía Ferrer Campos, proposed a joint border office on Monday.\n\nFerrer said the office would open within weeks.\n",
        "the office would open within weeks",
        "Lucía Ferrer Campos",
        Some("MX"),
        Some("Foreign Secretary"),
    )]);
}

#[test]
fn hyphenated_names_and_name_particles_stay_whole() {
    check_speakers(&[
        (
            "Drills\n\nSouth Korean Foreign Minister Park Min-jae said the drills were a provocation.\n",
            "the drills were a provocation",
            "Park Min-jae",
            Some("KR"),
            Some("Foreign Minister"),
        ),
        (
            "Chips\n\nDutch Trade Minister Joost van der Berg said the rules would not change.\n",
            "the rules would not change",
            "Joost van der Berg",
            Some("NL"),
            Some("Trade Minister"),
        ),
        (
            "Chips\n\nTrade Minister Femke de Wit said the rules would not change.\n\nDe Wit added that talks would go on.\n",
            "the rules would not change",
            "Femke de Wit",
            None,
            Some("Trade Minister"),
        ),
    ]);
}

#[test]
fn appositives_give_country_title_and_organisation() {
    let text = "Tankers\n\n\"Sanctions never changed our course,\" said Irina Sokolova, the Russian Foreign Ministry's spokeswoman.\n";
    let (name, country, title, org) = speaker_fields(text, "Sanctions never changed");
    assert_eq!(name.as_deref(), Some("Irina Sokolova"));
    assert_eq!(country.as_deref(), Some("RU"));
    assert_eq!(title.as_deref(), Some("Spokesperson"));
    assert_eq!(org.as_deref(), Some("Russian Foreign Ministry"));
    check_speakers(&[
        (
            "Chips\n\nMei Tang, a spokesperson for the Chinese Foreign Ministry, said the controls were unfair.\n",
            "the controls were unfair",
            "Mei Tang",
            Some("CN"),
            Some("Spokesperson"),
        ),
        (
            "Fleet\n\n\"We will list them again,\" the EU's foreign policy chief, Anna Lindqvist, told reporters.\n",
            "We will list them again",
            "Anna Lindqvist",
            Some("EU"),
            None,
        ),
        (
            "Talks\n\nIn Beijing, foreign ministry spokesperson Mei Tang said the meeting was unhelpful.\n",
            "the meeting was unhelpful",
            "Mei Tang",
            Some("CN"),
            Some("Spokesperson"),
        ),
    ]);
}

#[test]
fn later_mentions_inherit_what_earlier_ones_said() {
    check_speakers(&[
        (
            "Visit\n\nGerman Foreign Minister Karl Weber arrived in Warsaw on Monday.\n\nWeber said the border plan was sound.\n",
            "the border plan was sound",
            "Karl Weber",
            Some("DE"),
            Some("Foreign Minister"),
        ),
        (
            "Visit\n\nGerman Foreign Minister Karl Weber arrived in Warsaw on Monday.\n\n\"The plan is sound,\" the minister said.\n",
            "The plan is sound",
            "Karl Weber",
            Some("DE"),
            Some("Foreign Minister"),
        ),
        (
            "Visit\n\nIrina Sokolova, the Russian Foreign Ministry's spokeswoman, spoke on Monday.\n\n\"The plan is dead,\" the spokeswoman said.\n",
            "The plan is dead",
            "Irina Sokolova",
            Some("RU"),
            Some("Spokesperson"),
        ),
    ]);
}

#[test]
fn a_country_description_can_introduce_a_person_named_later() {
    let text = "Troops\n\nSEOUL — South Korea's foreign minister warned on Monday that the deployment would not go unanswered.\n\nForeign Minister Park Min-jae told lawmakers: \"This is a grave threat to our security.\"\n";
    check_speakers(&[
        (
            text,
            "would not go unanswered",
            "Park Min-jae",
            Some("KR"),
            None,
        ),
        (
            text,
            "This is a grave threat",
            "Park Min-jae",
            Some("KR"),
            None,
        ),
    ]);
}

#[test]
fn the_two_ministers_are_the_two_people_last_named() {
    let text = "Talks\n\nChinese Foreign Minister Li Hong met Japan's Kenji Sato on Friday.\n\nSato told Li that the ban should end soon.\n\nThe two ministers said they would meet again next year.\n";
    check_speakers(&[(
        text,
        "they would meet again",
        "The two ministers",
        Some("CN"),
        None,
    )]);
    // With nobody named before, the group has no country.
    check_speakers(&[(
        "Talks\n\nThe two ministers said they would meet again next year.\n",
        "they would meet again",
        "The two ministers",
        None,
        None,
    )]);
}

#[test]
fn a_clause_between_name_and_verb_keeps_the_person() {
    check_speakers(&[(
        "Chips\n\nJapan's Kenji Sato, asked about the request at a news conference in Tokyo, said Japan would act with care.\n",
        "Japan would act with care",
        "Kenji Sato",
        Some("JP"),
        None,
    )]);
}

#[test]
fn home_officials_take_the_dateline_country_and_the_previous_subject() {
    check_speakers(&[
        (
            "Detentions\n\nPARIS — France summoned the ambassador on Wednesday.\n\n\"These are innocent people,\" said Claire Dumont, the ministry's spokesperson.\n",
            "These are innocent people",
            "Claire Dumont",
            Some("FR"),
            Some("Spokesperson"),
        ),
        (
            "Troops\n\nUkraine welcomed the decision. Olena Kravets, a deputy foreign minister, praised the move.\n",
            "the move",
            "Olena Kravets",
            Some("UA"),
            Some("Deputy Foreign Minister"),
        ),
    ]);
}

#[test]
fn a_pronoun_continues_the_speaker_of_its_paragraph() {
    let text = "Seafood\n\nJapanese Foreign Minister Aiko Sato met Chinese Foreign Minister Li Hong.\n\nSato told reporters that she had invited Li to visit Tokyo. \"We have differences, but we will talk,\" she said.\n";
    check_speakers(&[(text, "We have differences", "Aiko Sato", Some("JP"), None)]);
}

#[test]
fn two_countries_joined_by_and_speak_as_a_group() {
    check_speakers(&[(
        "Chips\n\nIndia and the United States pledged on Tuesday to build trusted supply chains.\n",
        "trusted supply chains",
        "India and the United States",
        None,
        None,
    )]);
}

#[test]
fn acronyms_that_are_common_words_count_only_in_capitals() {
    let article = Article::new(
        "who.txt",
        "Outbreak\n\nThe official, who declined to be named, said the outbreak was small. \"Give us time,\" she said.\n",
    );
    for st in extract_statements(&article).statements {
        assert!(
            !st.countries.iter().any(|c| c == "WHO" || c == "US"),
            "{:?} in {:?}",
            st.countries,
            st.text
        );
    }
    check_speakers(&[(
        "Outbreak\n\nThe WHO said the outbreak was under control.\n",
        "the outbreak was under control",
        "WHO",
        Some("WHO"),
        None,
    )]);
}

#[test]
fn statements_take_the_topics_of_the_headline() {
    let mut article = Article::new(
        "topics.txt",
        "Beijing rejects seafood ban criticism\n\n\"We will not bow to pressure,\" Mei Tang said.\n",
    );
    article.meta.title = Some("Beijing rejects seafood ban criticism".to_owned());
    let st = extract_statements(&article).statements;
    let first = st.first().expect("one statement");
    assert!(
        first.topics.iter().any(|t| t == "food-safety"),
        "{:?}",
        first.topics
    );
}

#[test]
fn titles_and_owners_inside_a_name_run_are_not_the_name() {
    check_speakers(&[
        (
            "Campaign\n\nCampaign spokesman Tom Reyes said the schedule would not change.\n",
            "the schedule would not change",
            "Tom Reyes",
            None,
            Some("Spokesperson"),
        ),
        (
            "Campaign\n\nOhio Sen. Dana Whitfield said the bill was dead.\n",
            "the bill was dead",
            "Dana Whitfield",
            None,
            Some("Senator"),
        ),
        (
            "Campaign\n\nMrs. Whitfield did not hesitate. \"Everybody should be heard,\" she said.\n",
            "Everybody should be heard",
            "Whitfield",
            None,
            Some("Mrs."),
        ),
    ]);
    let text = "Campaign\n\nRivera spokesman Tom Reyes said the schedule would not change.\n";
    let (_, _, _, org) = speaker_fields(text, "the schedule would not change");
    assert_eq!(org.as_deref(), Some("Rivera"));
}

#[test]
fn capitalised_speaker_nouns_and_acronyms_are_not_people() {
    let article = Article::new(
        "nouns.txt",
        "Budget\n\nOfficials said the budget would pass. Aides said the vote was close. The FTC said the merger was under review.\n",
    );
    let st = extract_statements(&article).statements;
    assert_eq!(st.len(), 3, "{st:#?}");
    for s in &st {
        assert_ne!(s.speaker.kind.as_str(), "person", "{:?}", s.speaker);
    }
    assert_eq!(st[2].speaker.name.as_deref(), Some("FTC"));
}

#[test]
fn reported_words_refine_the_act() {
    for (text, snippet, act) in [
        (
            "Trade\n\nMinister Li Hong also said China would gradually resume imports of fruit.\n",
            "would gradually resume imports",
            "commitment",
        ),
        (
            "Trade\n\nThe ministry said tariffs would take effect next month unless the talks made progress.\n",
            "unless the talks made progress",
            "warning",
        ),
        (
            "Trade\n\nThe envoy said any attack would lead to a firm response.\n",
            "would lead to a firm response",
            "warning",
        ),
        (
            "Trade\n\nThe minister said the two sides should keep talking.\n",
            "the two sides should keep talking",
            "statement",
        ),
    ] {
        let st = extract_statements(&Article::new("acts.txt", text)).statements;
        let found = st
            .iter()
            .find(|s| s.text.contains(snippet))
            .unwrap_or_else(|| panic!("no statement with {snippet:?}: {st:#?}"));
        assert_eq!(found.act.as_str(), act, "{text:?}");
    }
}

#[test]
fn title_case_headline_cue() {
    check(
        "Lee Says Talks With Tokyo Will Resume.\n\nThe minister spoke in Seoul on Friday.\n",
        &[e(
            "indirect",
            Some("Lee"),
            "Talks With Tokyo Will Resume",
            Some("Says"),
            "commitment",
            None,
        )],
    );
}

#[test]
fn question_put_to_a_speaker_and_one_word_answer() {
    check(
        "Trade\n\nAsked whether the talks would resume, Foreign Minister Ann Lee said yes.\n",
        &[
            e(
                "indirect",
                None,
                "whether the talks would resume",
                Some("Asked"),
                "statement",
                None,
            ),
            e(
                "indirect",
                Some("Ann Lee"),
                "yes",
                Some("said"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn poll_opener_is_the_source() {
    check(
        "Trade\n\nIn a Gallup poll released Monday, 52 percent of voters backed the treaty.\n",
        &[e(
            "indirect",
            Some("Gallup"),
            "52 percent of voters backed the treaty",
            Some("In"),
            "statement",
            None,
        )],
    );
}

#[test]
fn impressions_have_no_speaker_and_a_low_confidence() {
    // "seemed" and "appeared" tell how things looked with nobody named as
    // holding the view: a statement without a speaker, which no speaker
    // query returns, and well below the 0.8 a reader can rely on.
    let text = "Trade\n\nThe talks seemed to stall after the second round.\n\n\
                The envoy appeared on television on Sunday.\n";
    check(
        text,
        &[e(
            "indirect",
            None,
            "The talks to stall after the second round",
            Some("seemed"),
            "statement",
            None,
        )],
    );
    let got = extract_statements(&Article::new("test.txt", text)).statements;
    assert!(got[0].speaker.mention.is_none());
    assert!(got[0].confidence < 0.5, "confidence {}", got[0].confidence);
}

#[test]
fn that_after_a_noun_stays_inside_the_content() {
    check(
        "Trade\n\nAnn Lee said she had reached the conclusion that the deal was dead.\n",
        &[e(
            "indirect",
            Some("Ann Lee"),
            "she had reached the conclusion that the deal was dead",
            Some("said"),
            "statement",
            None,
        )],
    );
}

#[test]
fn participle_after_an_adverbial_opener_inherits_the_subject() {
    check(
        "Talks\n\nIn a press conference on Friday, Ann Lee attacked the plan, calling it “a reckless gamble.”\n",
        &[
            e(
                "indirect",
                Some("Ann Lee"),
                "the plan",
                Some("attacked"),
                "criticism",
                None,
            ),
            e(
                "mixed",
                Some("Ann Lee"),
                "it “a reckless gamble.”",
                Some("calling"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn trailing_attribution_before_an_adding_clause() {
    check(
        "Talks\n\n“It will take time for markets to recover,” Mr. Park said at the time, adding that investors were calm.\n",
        &[
            e(
                "direct",
                Some("Park"),
                "“It will take time for markets to recover,”",
                Some("said"),
                "statement",
                None,
            ),
            e(
                "indirect",
                Some("Park"),
                "that investors were calm",
                Some("adding"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn question_then_titled_speaker_then_continuation() {
    check(
        "Talks\n\nThe minister spoke first.\n\n“Is this the end of the talks?” Mrs. Lee said. “Nobody can tell yet.”\n",
        &[e(
            "direct",
            Some("Lee"),
            "“Is this the end of the talks?” “Nobody can tell yet.”",
            Some("said"),
            "statement",
            None,
        )],
    );
}

#[test]
fn time_adverbial_between_subject_and_cue_is_not_the_speaker() {
    for (text, speaker) in [
        (
            "Port\n\nThe mayor spoke first.\n\nBen Ode at the time said the plan was “a disaster for the city.”\n",
            "Ben Ode",
        ),
        (
            "Port\n\nThe mayor spoke first.\n\nBen Ode over the weekend said the harbour deal was dead.\n",
            "Ben Ode",
        ),
    ] {
        let st = triples(text);
        assert_eq!(st.len(), 1, "{st:#?}");
        assert_eq!(st[0].0.as_deref(), Some(speaker), "{st:#?}");
    }
    // A place after the preposition stays part of a speaker description.
    let st = triples("Port\n\nResidents in the town said the harbour was too loud.\n");
    assert_eq!(st.len(), 1, "{st:#?}");
    assert_ne!(st[0].0.as_deref(), Some("Residents"), "{st:#?}");
}

#[test]
fn dateline_with_date_or_title_case_place_is_not_a_speaker() {
    for text in [
        "Port\n\nOSLO, Dec. 8 (Newswire) — In reply to the port plan, the mayor's aide rallied supporters, saying: “We have to stop it.”\n",
        "Port\n\nOslo (Newswire) – Mayor Ann Lee said the port plan “does more harm than good.”\n",
    ] {
        let st = triples(text);
        assert_eq!(st.len(), 1, "{text} {st:#?}");
        assert!(
            st[0]
                .0
                .as_deref()
                .is_none_or(|s| !s.contains("Oslo") && !s.contains("OSLO")),
            "{st:#?}"
        );
    }
    // A party label in parentheses keeps its dash: the name is the speaker.
    let st = triples("Port\n\nLee (D-Ore.) said the port plan was dead.\n");
    assert_eq!(st.len(), 1, "{st:#?}");
    assert_eq!(st[0].0.as_deref(), Some("Lee"), "{st:#?}");
}

#[test]
fn participle_after_a_trailing_attribution_does_not_repeat_the_quotation() {
    check(
        "Ports\n\n''The key was the timing of the market,'' Mr. Brandt said, referring to the two harbours. ''I assume they saw trade coming back.''\n",
        &[
            e(
                "direct",
                Some("Brandt"),
                "''The key was the timing of the market,'' ''I assume they saw trade coming back.''",
                Some("said"),
                "statement",
                None,
            ),
            e(
                "indirect",
                Some("Brandt"),
                "the two harbours",
                Some("referring to"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn description_words_before_a_trailing_speaker() {
    check(
        "Markets\n\n“Loud noises upstairs could shake the floors below,” veteran analyst Carl Moss wrote this week.\n",
        &[e(
            "direct",
            Some("Carl Moss"),
            "“Loud noises upstairs could shake the floors below,”",
            Some("wrote"),
            "statement",
            None,
        )],
    );
}

#[test]
fn verb_and_object_before_a_colon_and_quotation() {
    check(
        "Vote\n\nThen she added a caveat: “Down the ballot, I will vote for anyone who shares his values.”\n\nMoss interjected: “So you are saying there will be some flexibility?”\n",
        &[
            e(
                "direct",
                None,
                "“Down the ballot, I will vote for anyone who shares his values.”",
                Some("added"),
                "statement",
                None,
            ),
            e(
                "direct",
                Some("Moss"),
                "“So you are saying there will be some flexibility?”",
                Some("interjected"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn quotation_resumes_after_a_long_adverbial() {
    check(
        "Rally\n\n\"I think the moderator will be very fair,\" Ms. Okafor said during a rally in Kenansville, N.C., \"but a lot of people will be watching.\"\n",
        &[e(
            "direct",
            Some("Okafor"),
            "\"I think the moderator will be very fair,\" \"but a lot of people will be watching.\"",
            Some("said"),
            "statement",
            None,
        )],
    );
}

#[test]
fn partial_quotation_then_attribution_then_quotation_is_one_statement() {
    check(
        "Summit\n\nThe summit achieved \"too little,\" Mr. Renner said on Twitter. \"Without new policies, Europe risks a lot.\"\n\n''It's more tinkering at the edges,'' said Ana Cole, an economist. ''It is basically a tax increase'' for the top bracket.\n",
        &[
            e(
                "mixed",
                Some("Renner"),
                "The summit achieved \"too little,\" \"Without new policies, Europe risks a lot.\"",
                Some("said"),
                "statement",
                None,
            ),
            e(
                "direct",
                Some("Ana Cole"),
                "''It's more tinkering at the edges,'' ''It is basically a tax increase'' for the top bracket",
                Some("said"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn short_time_clause_after_a_cue_is_not_content() {
    check(
        "Protest\n\nThe words were printed on shirts, as Ed Garr, gasping on the pavement, said before he died.\n",
        &[],
    );
}

#[test]
fn quotations_signed_with_a_dash() {
    check(
        "Voices\n\n”Mr. Lee embodies the worst of our politics.” ― Sonia Herrera\n“He is ignorant of our culture.”― Paula Pardo\n\n“Maybe we can build a wall around him.” — Steve Quill, 43, Denver\n\n“Talks will resume soon.” — That was the promise.\n",
        &[
            e(
                "direct",
                Some("Sonia Herrera"),
                "”Mr. Lee embodies the worst of our politics.”",
                Some("―"),
                "statement",
                None,
            ),
            e(
                "direct",
                Some("Paula Pardo"),
                "“He is ignorant of our culture.”",
                Some("―"),
                "statement",
                None,
            ),
            e(
                "direct",
                Some("Steve Quill"),
                "“Maybe we can build a wall around him.”",
                Some("—"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn inverted_cue_opening_the_sentence_before_a_colon() {
    check(
        "Tax\n\nExperts doubt the plan. Said Ellis: “I do not get the sense she is interested in tax reform.”\n",
        &[e(
            "direct",
            Some("Ellis"),
            "“I do not get the sense she is interested in tax reform.”",
            Some("Said"),
            "statement",
            None,
        )],
    );
}

#[test]
fn relative_that_after_a_trailing_attribution_is_not_content() {
    check(
        "Summit\n\n\"We are in a critical situation after the vote,\" Chancellor Anna Merk told reporters after the long meeting that was held on a boat.\n\nThe plan \"is the only one that can keep us safe,\" retired general Lloyd Newman said.\n",
        &[
            e(
                "direct",
                Some("Anna Merk"),
                "\"We are in a critical situation after the vote,\"",
                Some("told"),
                "statement",
                Some("reporters"),
            ),
            e(
                "mixed",
                Some("Lloyd Newman"),
                "The plan \"is the only one that can keep us safe,\"",
                Some("said"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn participle_after_a_preposition_takes_the_name_opening_the_clause() {
    check(
        "Song\n\nThe singer Ana Lee arrived late. Lee sings to the crowd before asking them, “Where do we go from here, friends?”\n\nBut sings before asking, “Is this a name?”\n",
        &[e(
            "direct",
            Some("Ana Lee"),
            "“Where do we go from here, friends?”",
            Some("asking"),
            "appeal",
            Some("them"),
        )],
    );
}

#[test]
fn infinitive_after_the_cue_is_content_not_an_adverbial() {
    check(
        "Foundation\n\nSoon after, Mrs. Ortiz agreed to keep foundation matters separate from official business.\n",
        &[e(
            "indirect",
            Some("Ortiz"),
            "to keep foundation matters separate from official business",
            Some("agreed"),
            "commitment",
            None,
        )],
    );
}

#[test]
fn participle_opener_and_colon_after_said_of() {
    check(
        "Convention\n\nRecalling that moment, David Axel, who was chief strategist for the campaign, said of Sand: \"The question is, will he do the same?\"\n",
        &[e(
            "direct",
            Some("David Axel"),
            "\"The question is, will he do the same?\"",
            Some("said"),
            "statement",
            None,
        )],
    );
}

#[test]
fn pronoun_followed_by_its_verb_is_not_an_inverted_speaker() {
    check(
        "Voters\n\nSome voters, on television or at small events, said he had less magnetism than they remembered.\n\nFreeing her husband, he promised, was one of his top priorities.\n",
        &[
            e(
                "indirect",
                Some("voters"),
                "he had less magnetism than they remembered",
                Some("said"),
                "statement",
                None,
            ),
            e(
                "indirect",
                None,
                "Freeing her husband was one of his top priorities",
                Some("promised"),
                "commitment",
                None,
            ),
        ],
    );
}

#[test]
fn time_expression_after_a_trailing_cue_is_not_content() {
    check(
        "Funds\n\nThe group raised $4 million from donors abroad, the Harbour Post reported ten days ago.\n",
        &[e(
            "indirect",
            Some("Harbour Post"),
            "The group raised $4 million from donors abroad",
            Some("reported"),
            "statement",
            None,
        )],
    );
}

#[test]
fn a_cue_sentence_in_the_next_paragraph_does_not_take_the_quotation_before() {
    check(
        "Rally\n\n“The ones who have been here 20 years,” Okafor asked. “Do we throw them out or work with them?”\n\nThe crowd applauded.\n",
        &[e(
            "direct",
            Some("Okafor"),
            "“The ones who have been here 20 years,” “Do we throw them out or work with them?”",
            Some("asked"),
            "appeal",
            None,
        )],
    );
}

#[test]
fn verb_phrase_before_a_colon_introduces_a_quotation() {
    check(
        "Email\n\nThe senator erred. Ortiz has since owned up to what happened: \"Yes, I should have used two addresses. Not doing so was a mistake.\"\n\nO'Malley, who signed the gun laws as governor, interjected to say: \"They have both been inconsistent on this issue.\"\n",
        &[
            e(
                "direct",
                Some("Ortiz"),
                "\"Yes, I should have used two addresses. Not doing so was a mistake.\"",
                Some("has since owned up to what happened"),
                "statement",
                None,
            ),
            e(
                "direct",
                Some("O'Malley"),
                "\"They have both been inconsistent on this issue.\"",
                Some("interjected"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn setting_after_the_cue_is_not_content_but_an_agreed_object_is() {
    check(
        "Budget\n\nThe mayor fired back at the council. Lee shot back in a statement. The board agreed with the analysis.\n",
        &[e(
            "indirect",
            Some("The board"),
            "with the analysis",
            Some("agreed"),
            "commitment",
            None,
        )],
    );
}

#[test]
fn subjects_with_a_relative_clause_or_a_long_description() {
    check(
        "Race\n\nA White House official who spoke anonymously to discuss internal strategy said Wednesday, \"There are talks between the White House and the campaign.\"\n\n\"If Lee wins the first two states, the energy will be substantial,\" said one well-connected Democrat familiar with the campaign's organization, who requested anonymity.\n",
        &[
            e(
                "direct",
                Some("White House official"),
                "\"There are talks between the White House and the campaign.\"",
                Some("said"),
                "statement",
                None,
            ),
            e(
                "direct",
                Some("well-connected Democrat familiar with the campaign's organization"),
                "\"If Lee wins the first two states, the energy will be substantial,\"",
                Some("said"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn participle_subject_after_any_short_opener() {
    check(
        "Tour\n\nHere in Columbia, Senator Ana Ruiz stepped up her focus on justice issues, saying, \"We have to reach the day when young men can walk the streets safely.\"\n",
        &[e(
            "direct",
            Some("Ana Ruiz"),
            "\"We have to reach the day when young men can walk the streets safely.\"",
            Some("saying"),
            "statement",
            None,
        )],
    );
}

#[test]
fn quotation_resumes_after_an_abbreviated_place() {
    check(
        "Race\n\n\"His record does not match what he says,\" Ruiz told reporters in Fort Mill, S.C. \"It seems he has a lot of nervous energy.\"\n",
        &[e(
            "direct",
            Some("Ruiz"),
            "\"His record does not match what he says,\" \"It seems he has a lot of nervous energy.\"",
            Some("told"),
            "statement",
            Some("reporters"),
        )],
    );
}

#[test]
fn quotation_paragraph_continues_the_statement_ending_the_paragraph_before() {
    check(
        "Game\n\n“So far the final is very boring, not nearly as exciting as politics,” Okafor tweeted during the first half.\n\n“Lee has zero communication skills so he spent a fortune on an advert.”\n\nThe league folded in 1986.\n\n“It was a long season,” the coach said after the game.\n",
        &[
            e(
                "direct",
                Some("Okafor"),
                "“So far the final is very boring, not nearly as exciting as politics,” “Lee has zero communication skills so he spent a fortune on an advert.”",
                Some("tweeted"),
                "statement",
                None,
            ),
            e(
                "direct",
                Some("the coach"),
                "“It was a long season,”",
                Some("said"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn inverted_name_after_a_comma_wins_over_an_opener_subject() {
    check(
        "Speech\n\nIn the tightly scripted world of politics, such a mistake is highly unusual, said Matt Lattimore, a veteran speechwriter who worked in the White House.\n\nThe program is hardly formal, but it has drawn a loyal following, said Ms. Gil, with games of capture the flag.\n",
        &[
            e(
                "indirect",
                Some("Matt Lattimore"),
                "In the tightly scripted world of politics, such a mistake is highly unusual",
                Some("said"),
                "statement",
                None,
            ),
            e(
                "indirect",
                Some("Gil"),
                "The program is hardly formal, but it has drawn a loyal following",
                Some("said"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn relative_clause_with_a_quotation_and_a_spaced_hyphen_appositive() {
    check(
        "Borders\n\nHumphrey, who calls the mayor a “sociopath,” said the effort needs an alternative.\n\nSenator Ana Ruiz - who previously attacked the plan - said at a rally in Texas that the country should close its borders.\n",
        &[
            e(
                "indirect",
                Some("Humphrey"),
                "the effort needs an alternative",
                Some("said"),
                "statement",
                None,
            ),
            e(
                "indirect",
                Some("Ana Ruiz"),
                "that the country should close its borders",
                Some("said"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn channel_after_the_cue_is_not_content() {
    check(
        "Rally\n\nThe group claimed the attack. \"We need much tougher leadership - and we need it NOW!\" Okafor said on Twitter.\n",
        &[
            e(
                "indirect",
                Some("The group"),
                "the attack",
                Some("claimed"),
                "statement",
                None,
            ),
            e(
                "direct",
                Some("Okafor"),
                "\"We need much tougher leadership - and we need it NOW!\"",
                Some("said"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn phrasal_cues_of_concern_clarity_and_confidence() {
    check(
        "Ban\n\nOfficials in Tokyo expressed concern that the ban could widen.\n\nThe ministry made clear that it would veto the bill.\n",
        &[
            e(
                "indirect",
                Some("Officials in Tokyo"),
                "that the ban could widen",
                Some("expressed concern"),
                "warning",
                None,
            ),
            e(
                "indirect",
                Some("The ministry"),
                "that it would veto the bill",
                Some("made clear"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn nominal_cue_with_a_possessive_speaker() {
    check(
        "Vote\n\nThe recount began on Monday after Lee's claim that the vote was rigged in several states.\n\nHis warning that talks could fail went unheeded.\n",
        &[e(
            "indirect",
            Some("Lee"),
            "that the vote was rigged in several states",
            Some("claim"),
            "statement",
            None,
        )],
    );
}

#[test]
fn a_report_inside_another_statement_is_the_outer_speakers_words() {
    // The senator's rejection carries Lee's claim; the claim is not filed
    // under Lee, and "economists consider" is the report's account.
    check(
        "Vote\n\nThe senator rejected Lee's claim that the vote was rigged in several states.\n\nThe report notes that economists consider the debt sustainable.\n",
        &[
            e(
                "indirect",
                Some("The senator"),
                "Lee's claim that the vote was rigged in several states",
                Some("rejected"),
                "rejection",
                None,
            ),
            e(
                "indirect",
                Some("The report"),
                "that economists consider the debt sustainable",
                Some("notes"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn colon_quotation_in_the_next_paragraph_after_an_opener() {
    check(
        "Jobs\n\nOn July 6, 2015, Sanders made the following comment:\n\n“For young people who left high school, the unemployment rate is 33 percent.”\n",
        &[e(
            "direct",
            Some("Sanders"),
            "“For young people who left high school, the unemployment rate is 33 percent.”",
            Some("made the following comment"),
            "statement",
            None,
        )],
    );
}

#[test]
fn possessive_description_before_the_name() {
    check(
        "Vote\n\nLee's spokesman, Tim Ford, said the senator would vote no.\n",
        &[e(
            "indirect",
            Some("Tim Ford"),
            "the senator would vote no",
            Some("said"),
            "statement",
            None,
        )],
    );
}

#[test]
fn second_verb_after_a_noun_cue_ends_the_first_content() {
    check(
        "Server\n\nThe firm declined to address the report but said in a statement that \"it treated the server like any other.\"\n",
        &[
            e(
                "indirect",
                Some("The firm"),
                "to address the report",
                Some("declined"),
                "rejection",
                None,
            ),
            e(
                "direct",
                Some("The firm"),
                "that \"it treated the server like any other.\"",
                Some("said"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn complementizer_and_gerund_are_not_part_of_a_noun_speaker() {
    check(
        "Rates\n\nThe data is a sign that economists consider the debt sustainable.\n",
        &[e(
            "indirect",
            Some("economists"),
            "the debt sustainable",
            Some("consider"),
            "statement",
            None,
        )],
    );
}

#[test]
fn a_statement_can_be_the_subject_of_said() {
    // "in a statement" between subject and cue is skipped whole, but "the
    // statement" is a subject of its own.
    check(
        "Talks\n\n\"We will keep working with our partners until the crisis ends,\" the statement said.\n\nLee, in a statement, said the border would stay open.\n",
        &[
            e(
                "direct",
                Some("the statement"),
                "\"We will keep working with our partners until the crisis ends,\"",
                Some("said"),
                "statement",
                None,
            ),
            e(
                "indirect",
                Some("Lee"),
                "the border would stay open",
                Some("said"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn colon_quotation_after_a_verb_phrase_of_any_subject() {
    // An organisation as subject, a cue verb that found no content of its
    // own ("continued with"), an irregular past ("went"), and a verb phrase
    // with a comma.
    check(
        "Talks\n\nThe ministry, in a note on the talks, worded it more carefully: “The parties agreed to keep meeting.”\n\nLee said little at first.\n\nIn a radio interview later that day, Lee went even further: “If they walk away, the deal is dead.”\n\nHe continued with an appeal to voters: “To every family that wants peace, I say this.”\n\nLee waved at the crowd, then leaned in and boomed: “We will win this vote in March.”\n",
        &[
            e(
                "direct",
                Some("The ministry"),
                "“The parties agreed to keep meeting.”",
                Some("worded it more carefully"),
                "statement",
                None,
            ),
            e(
                "indirect",
                Some("Lee"),
                "little at first",
                Some("said"),
                "statement",
                None,
            ),
            e(
                "direct",
                Some("Lee"),
                "“If they walk away, the deal is dead.”",
                Some("went even further"),
                "statement",
                None,
            ),
            e(
                "direct",
                Some("Lee"),
                "“To every family that wants peace, I say this.”",
                Some("continued with an appeal to voters"),
                "statement",
                None,
            ),
            e(
                "direct",
                Some("Lee"),
                "“We will win this vote in March.”",
                Some("waved at the crowd, then leaned in and boomed"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn a_cue_used_as_a_noun_leaves_the_speaker_to_the_clause() {
    // "retort" after an adjective is a noun: the speaker is the subject of
    // "delivered", not "snappy".
    check(
        "Talks\n\nLee delivered a snappy retort: \"Nobody is walking away from this treaty.\"\n",
        &[e(
            "direct",
            Some("Lee"),
            "\"Nobody is walking away from this treaty.\"",
            Some("delivered a snappy retort"),
            "statement",
            None,
        )],
    );
}

#[test]
fn a_participle_takes_a_subject_past_an_adverb_or_a_prepositional_phrase() {
    check(
        "Talks\n\nAn aide later softened the remarks, saying that the minister \"did not mean any particular country.\"\n\nThe envoy inside the embassy played down the dispute, saying it was \"a small matter between friends.\"\n",
        &[
            e(
                "mixed",
                Some("aide"),
                "that the minister \"did not mean any particular country.\"",
                Some("saying"),
                "statement",
                None,
            ),
            e(
                "mixed",
                Some("The envoy"),
                "it was \"a small matter between friends.\"",
                Some("saying"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn naming_verbs_with_as_report_a_characterisation() {
    check(
        "Talks\n\nLee characterized the deal as “historic.”\n\nPark has branded the plan as “dead on arrival.”\n\nThe brand was launched in May.\n",
        &[
            e(
                "mixed",
                Some("Lee"),
                "the deal as “historic.”",
                Some("characterized"),
                "statement",
                None,
            ),
            e(
                "mixed",
                Some("Park"),
                "the plan as “dead on arrival.”",
                Some("branded"),
                "criticism",
                None,
            ),
        ],
    );
}

#[test]
fn a_contracted_auxiliary_and_maintained_that() {
    // "He’s claiming": the pronoun is the subject past its contraction.
    // "maintained" reports only with a clause; "maintained a lead" is not a
    // statement.
    check(
        "Vote\n\nPark Min-jun said the count was over.\n\nHe’s claiming that fraud is \"a big problem in this region.\"\n\nThe ministry has long maintained that the border was never closed.\n\nPark maintained a narrow lead.\n",
        &[
            e(
                "indirect",
                Some("Park Min-jun"),
                "the count was over",
                Some("said"),
                "statement",
                None,
            ),
            e(
                "mixed",
                Some("Park Min-jun"),
                "that fraud is \"a big problem in this region.\"",
                Some("claiming"),
                "statement",
                None,
            ),
            e(
                "indirect",
                Some("The ministry"),
                "the border was never closed",
                Some("maintained that"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn a_participle_phrase_between_a_name_and_its_verb() {
    // The quotation belongs to "citing"; "said" keeps Mr. Ford as subject
    // and takes the clause after it.
    check(
        "Talks\n\nMr. Ford, citing \"the strength of the harbor,\" said the city could be a major port again.\n\nHowever strong the case, building the port \"is a long bet,\" said Mr. Ford.\n",
        &[
            e(
                "direct",
                Some("Ford"),
                "\"the strength of the harbor,\"",
                Some("citing"),
                "statement",
                None,
            ),
            e(
                "indirect",
                Some("Ford"),
                "the city could be a major port again",
                Some("said"),
                "statement",
                None,
            ),
            e(
                "mixed",
                Some("Ford"),
                "However strong the case, building the port \"is a long bet,\"",
                Some("said"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn subjects_past_time_phrases_and_relative_pronouns_and_one_word_quotations() {
    check(
        "Talks\n\nAnn Lee earlier this month said the port was not the source of any payments.\n\n\"The harbor deal is a trap,\" said Beck, who said there were \"too many open questions about the lenders.\"\n\nAsked whether he would resign, Park said, \"No.\"\n",
        &[
            e(
                "indirect",
                Some("Ann Lee"),
                "the port was not the source of any payments",
                Some("said"),
                "statement",
                None,
            ),
            e(
                "direct",
                Some("Beck"),
                "\"The harbor deal is a trap,\"",
                Some("said"),
                "statement",
                None,
            ),
            e(
                "mixed",
                Some("Beck"),
                "there were \"too many open questions about the lenders.\"",
                Some("said"),
                "statement",
                None,
            ),
            e(
                "indirect",
                None,
                "whether he would resign",
                Some("Asked"),
                "statement",
                None,
            ),
            e(
                "direct",
                Some("Park"),
                "\"No.\"",
                Some("said"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn three_apostrophes_close_a_single_then_a_double_quotation() {
    check(
        "Talks\n\n''Part of my job is to say: 'This plan is real. It is ours,''' Mr. English said of the proposal.\n",
        &[e(
            "direct",
            Some("English"),
            "''Part of my job is to say: 'This plan is real. It is ours,'''",
            Some("said"),
            "statement",
            None,
        )],
    );
}

#[test]
fn a_name_suffix_with_its_dot_ends_the_name() {
    check(
        "Talks\n\n''The network works as a way to recruit,'' James B. Comey Jr., the director of the bureau, said.\n\nJames Comey Jr. said the rules would change.\n",
        &[
            e(
                "direct",
                Some("James B. Comey Jr"),
                "''The network works as a way to recruit,''",
                Some("said"),
                "statement",
                None,
            ),
            e(
                "indirect",
                Some("James Comey Jr"),
                "the rules would change",
                Some("said"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn statement_saying_and_a_participle_after_a_conjunction() {
    check(
        "Talks\n\nAt the time, Lee released a statement saying the partner had served the city well.\n\nAnd then Park went fully on the attack, saying, \"Is the mayor going to name the real cause?\"\n",
        &[
            e(
                "indirect",
                Some("Lee"),
                "the partner had served the city well",
                Some("released a statement saying"),
                "statement",
                None,
            ),
            e(
                "direct",
                Some("Park"),
                "\"Is the mayor going to name the real cause?\"",
                Some("saying"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn manner_of_speaking_verbs_report_quotations() {
    check(
        "Talks\n\n“The way I see it,” she elaborated, “no one questions the sacrifice of the soldiers.”\n\n“Nobody listens to the farmers,” Park grumbled.\n\nIt was the most elaborate plan in years.\n",
        &[
            e(
                "direct",
                None,
                "“The way I see it,” “no one questions the sacrifice of the soldiers.”",
                Some("elaborated"),
                "statement",
                None,
            ),
            e(
                "direct",
                Some("Park"),
                "“Nobody listens to the farmers,”",
                Some("grumbled"),
                "criticism",
                None,
            ),
        ],
    );
}

#[test]
fn a_participle_finds_a_titled_name_or_a_plural_subject_before_any_finite_verb() {
    // "struck" is an irregular past and "parents" is no speaker noun of the
    // lexicon; the opener before Mr. Lee is long.
    check(
        "Talks\n\nAt a rally in Chester County on Tuesday night, Mr. Lee struck a measured tone, saying he understood the duty of leading the party.\n\nThe parents stiffened their stance, saying that he lacked the character to lead.\n\nThe new rules changed everything, making it harder to vote.\n",
        &[
            e(
                "indirect",
                Some("Lee"),
                "he understood the duty of leading the party",
                Some("saying"),
                "statement",
                None,
            ),
            e(
                "indirect",
                Some("The parents"),
                "that he lacked the character to lead",
                Some("saying"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn an_inverted_description_with_its_name_and_a_clause_that_is_no_appositive() {
    check(
        "Talks\n\nThe plant is under intense pressure from imports, said the company's chief executive, John J. Ferro.\n\nIn nearby Decatur, the mill is under pressure too, said Ann Lee.\n",
        &[
            e(
                "indirect",
                Some("John J. Ferro"),
                "The plant is under intense pressure from imports",
                Some("said"),
                "statement",
                None,
            ),
            e(
                "indirect",
                Some("Ann Lee"),
                "In nearby Decatur, the mill is under pressure too",
                Some("said"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn a_parenthesis_after_a_name_before_an_appositive() {
    check(
        "Talks\n\nSen. Tom Ives (R-Ga.), one of the few authors still in office, said he remembers the night.\n",
        &[e(
            "indirect",
            Some("Tom Ives"),
            "he remembers the night",
            Some("said"),
            "statement",
            None,
        )],
    );
}

#[test]
fn a_lower_case_resumption_continues_the_quotation_past_any_adverbial() {
    check(
        "Talks\n\n“That does not mean no response,” one aide said late last month, “but a muted one rather than a loud alarm.”\n",
        &[e(
            "direct",
            Some("aide"),
            "“That does not mean no response,” “but a muted one rather than a loud alarm.”",
            Some("said"),
            "statement",
            None,
        )],
    );
}

#[test]
fn read_reports_only_a_quotation_beside_it() {
    check(
        "Talks\n\n“The committee will not be silenced,” the letter reads.\n\nThe sign reads “Closed for the season.”\n\nLee read the report twice before the vote.\n",
        &[
            e(
                "direct",
                Some("the letter"),
                "“The committee will not be silenced,”",
                Some("reads"),
                "statement",
                None,
            ),
            e(
                "direct",
                Some("The sign"),
                "“Closed for the season.”",
                Some("reads"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn a_relative_clause_with_commas_inside_between_subject_and_cue() {
    check(
        "Talks\n\nVice President Ann Lee, who was to travel to Columbus, Ohio, on Wednesday to promote the rules, said they touched on a core issue.\n",
        &[e(
            "indirect",
            Some("Ann Lee"),
            "they touched on a core issue",
            Some("said"),
            "statement",
            None,
        )],
    );
}

#[test]
fn called_with_an_object_and_a_quotation_is_a_report_not_a_name() {
    check(
        "Talks\n\nA reporter for the agency called it \"absolute chaos.\"\n\nA group called Color of Change organized the march.\n",
        &[e(
            "mixed",
            Some("reporter for the agency"),
            "it \"absolute chaos.\"",
            Some("called"),
            "statement",
            None,
        )],
    );
}

#[test]
fn a_long_inverted_description_is_still_a_speaker() {
    check(
        "Talks\n\n\"If Lee wins, the energy will be substantial,\" said one well-connected Democrat familiar with the Lee campaign's organization, who requested anonymity.\n",
        &[e(
            "direct",
            Some("well-connected Democrat familiar with the Lee campaign's organization"),
            "\"If Lee wins, the energy will be substantial,\"",
            Some("said"),
            "statement",
            None,
        )],
    );
}

#[test]
fn descriptive_words_before_a_clause_subject_and_a_for_his_part_aside() {
    check(
        "Talks\n\nBand member Flea shared the news last week, writing “Feels great to support someone I believe in.”\n\nFormer Gov. Mike Hale, for his part, is labeling the actions “a blatant abuse of power.”\n",
        &[
            e(
                "direct",
                Some("Flea"),
                "“Feels great to support someone I believe in.”",
                Some("writing"),
                "statement",
                None,
            ),
            e(
                "mixed",
                Some("Mike Hale"),
                "the actions “a blatant abuse of power.”",
                Some("labeling"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn positions_and_references_from_the_wider_lexicon() {
    check(
        "Talks\n\nPark opposed the new tariffs on steel.\n\nLee likened the plan to a tax on farmers.\n\nThe minister invoked the treaty signed in 1951.\n",
        &[
            e(
                "indirect",
                Some("Park"),
                "the new tariffs on steel",
                Some("opposed"),
                "rejection",
                None,
            ),
            e(
                "indirect",
                Some("Lee"),
                "the plan to a tax on farmers",
                Some("likened"),
                "statement",
                None,
            ),
            e(
                "indirect",
                Some("The minister"),
                "the treaty signed in 1951",
                Some("invoked"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn phrasal_cues_for_demands_and_rejections() {
    check(
        "Talks\n\nThe unions pushed for a shorter working week.\n\nLee ruled out a second vote on the treaty.\n",
        &[
            e(
                "indirect",
                Some("The unions"),
                "a shorter working week",
                Some("pushed for"),
                "demand",
                None,
            ),
            e(
                "indirect",
                Some("Lee"),
                "a second vote on the treaty",
                Some("ruled out"),
                "rejection",
                None,
            ),
        ],
    );
}

#[test]
fn according_to_is_a_channel_only_for_the_statement_it_holds() {
    check(
        "Talks\n\nThe company struck an agreement with the unions, according to the Labor Department, ending a strike that executives said could hurt earnings.\n\nLee said the talks had failed, according to the ministry.\n",
        &[
            e(
                "indirect",
                Some("Labor Department"),
                "The company struck an agreement with the unions",
                Some("according to"),
                "statement",
                None,
            ),
            e(
                "indirect",
                Some("executives"),
                "could hurt earnings",
                Some("said"),
                "statement",
                None,
            ),
            e(
                "indirect",
                Some("Lee"),
                "the talks had failed",
                Some("said"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn a_past_participle_used_as_an_adjective_is_no_cue() {
    check(
        "Vote\n\nLee leads Park by 271 pledged delegates, according to the party.\n\nThe alleged crimes took place in 2014.\n\nAn ad in 2008 questioned whether Park was ready.\n",
        &[
            e(
                "indirect",
                Some("the party"),
                "Lee leads Park by 271 pledged delegates",
                Some("according to"),
                "statement",
                None,
            ),
            e(
                "indirect",
                Some("ad"),
                "whether Park was ready",
                Some("questioned"),
                "criticism",
                None,
            ),
        ],
    );
}

#[test]
fn capitalised_words_that_are_also_auxiliaries_are_names_mid_sentence() {
    // "May" and "Will" are skipped as auxiliaries only in lower case.
    check(
        "Talks\n\nPrime Minister Theresa May said Britain would leave on time.\n\n“The war is a reminder,” Will wrote.\n",
        &[
            e(
                "indirect",
                Some("Theresa May"),
                "Britain would leave on time",
                Some("said"),
                "statement",
                None,
            ),
            e(
                "direct",
                Some("Will"),
                "“The war is a reminder,”",
                Some("wrote"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn a_determiner_after_the_addressee_opens_the_reported_clause() {
    check(
        "Talks\n\nLee told parliament the deal was done.\n\nPark told the foreign minister the border would stay open.\n",
        &[
            e(
                "indirect",
                Some("Lee"),
                "the deal was done",
                Some("told"),
                "statement",
                Some("parliament"),
            ),
            e(
                "indirect",
                Some("Park"),
                "the border would stay open",
                Some("told"),
                "statement",
                Some("the foreign minister"),
            ),
        ],
    );
}

#[test]
fn a_capitalised_conjunction_still_opens_the_subject() {
    check(
        "Fees\n\nBut trade unions in Lyon say that the fees only add to the strain.\n",
        &[e(
            "indirect",
            Some("trade unions in Lyon"),
            "that the fees only add to the strain",
            Some("say"),
            "statement",
            None,
        )],
    );
}

#[test]
fn a_double_hyphen_is_a_dash() {
    check(
        "Islands\n\nThe two envoys -- Mr. Lee and Ms. Park -- agreed there are ways to end the dispute.\n",
        &[e(
            "indirect",
            Some("The two envoys"),
            "there are ways to end the dispute",
            Some("agreed"),
            "commitment",
            None,
        )],
    );
}

#[test]
fn a_quotation_after_that_keeps_a_dashed_opener_out_of_the_content() {
    check(
        "Tour\n\nEnding the tour with a speech -- complete with a choir -- Lee told supporters Tuesday night that \"we begin another chapter.\"\n",
        &[e(
            "direct",
            Some("Lee"),
            "that \"we begin another chapter.\"",
            Some("told"),
            "statement",
            Some("supporters"),
        )],
    );
}

#[test]
fn a_year_or_month_between_the_relative_pronoun_and_the_cue() {
    check(
        "Senate\n\nThe bill stalled under Ron Tate, now the majority leader, who in 2010 said the chamber's goal was to block it.\n\nThe union, which in March said the deal was dead, came back to the table.\n",
        &[
            e(
                "indirect",
                Some("Ron Tate"),
                "the chamber's goal was to block it",
                Some("said"),
                "statement",
                None,
            ),
            e(
                "indirect",
                Some("The union"),
                "the deal was dead",
                Some("said"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn an_aspectual_verb_before_the_infinitive_keeps_the_report() {
    check(
        "Treaty\n\nHer advisers continued to assure her that the treaty was worth the risk.\n\nLee went on to argue that the treaty was dead.\n",
        &[
            e(
                "indirect",
                Some("Her advisers"),
                "that the treaty was worth the risk",
                Some("assure"),
                "commitment",
                Some("her"),
            ),
            e(
                "indirect",
                Some("Lee"),
                "that the treaty was dead",
                Some("argue"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn expressed_voiced_and_pointed_to_report_their_object() {
    check(
        "Ports\n\nThe mayor expressed frustration with the port authority.\n\nSeveral exporters voiced support for the new tariff.\n\nLee pointed to the drop in shipments since March.\n",
        &[
            e(
                "indirect",
                Some("The mayor"),
                "frustration with the port authority",
                Some("expressed"),
                "statement",
                None,
            ),
            e(
                "indirect",
                Some("exporters"),
                "support for the new tariff",
                Some("voiced"),
                "statement",
                None,
            ),
            e(
                "indirect",
                Some("Lee"),
                "the drop in shipments since March",
                Some("pointed to"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn a_long_possessive_description_before_the_name_in_commas() {
    check(
        "Vote\n\nFrance’s far-right National Front party leader, Marine Le Pen, said the vote would be close.\n",
        &[e(
            "indirect",
            Some("Marine Le Pen"),
            "the vote would be close",
            Some("said"),
            "statement",
            None,
        )],
    );
}

#[test]
fn a_negated_auxiliary_or_in_the_past_between_subject_and_cue() {
    check(
        "Port\n\nThe governor, who in the past has criticized the port fees, spoke on Monday.\n\nLee didn’t mention the tariff in his speech.\n",
        &[
            e(
                "indirect",
                Some("The governor"),
                "the port fees",
                Some("criticized"),
                "criticism",
                None,
            ),
            e(
                "indirect",
                Some("Lee"),
                "the tariff in his speech",
                Some("mention"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn a_relative_pronoun_after_a_name_or_a_name_suffix() {
    check(
        "Ports\n\nThe sharpest reply was a post from Ann Wells who tweeted, “The port never follows the rules.”\n\nThe remark drew a reply from Tom Ford Jr., who suggested in an interview that Park was trying to \"stay relevant.\"\n",
        &[
            e(
                "direct",
                Some("Ann Wells"),
                "“The port never follows the rules.”",
                Some("tweeted"),
                "statement",
                None,
            ),
            e(
                "mixed",
                Some("Tom Ford Jr"),
                "that Park was trying to \"stay relevant.\"",
                Some("suggested"),
                "proposal",
                None,
            ),
        ],
    );
}

#[test]
fn a_relative_clause_ends_after_a_closing_quotation() {
    check(
        "Ports\n\nLee, who said in an interview that Park was trying to \"stay relevant,\" left the talks early.\n",
        &[e(
            "mixed",
            Some("Lee"),
            "that Park was trying to \"stay relevant,\"",
            Some("said"),
            "statement",
            None,
        )],
    );
}

#[test]
fn a_name_right_before_a_participle_is_its_subject() {
    check(
        "Ad\n\nThe ad then cuts to footage of Ann Lee saying, “You have to give them a path.”\n\nThe senator from Ohio saying so was news.\n",
        &[e(
            "direct",
            Some("Ann Lee"),
            "“You have to give them a path.”",
            Some("saying"),
            "statement",
            None,
        )],
    );
}

#[test]
fn a_contrast_clause_with_its_own_speaker_ends_the_first_content() {
    check(
        "Bench\n\nPark is describing the benefits of diversity on the bench, while Lee is arguing that the bench is fine.\n",
        &[
            e(
                "indirect",
                Some("Park"),
                "the benefits of diversity on the bench",
                Some("describing"),
                "statement",
                None,
            ),
            e(
                "indirect",
                Some("Lee"),
                "that the bench is fine",
                Some("arguing"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn rebuke_lash_out_speculate_distance_balk_and_unveil_are_cues() {
    check(
        "Ports\n\nThe mayor rebuked the port authority for the delays.\n\nLee lashed out at the regulators.\n\nAnalysts speculated that the tariff would be lifted.\n\nThe party distanced itself from the remarks.\n\nThe union balked at the new contract.\n\nThe minister unveiled a plan to expand the port.\n",
        &[
            e(
                "indirect",
                Some("The mayor"),
                "the port authority for the delays",
                Some("rebuked"),
                "criticism",
                None,
            ),
            e(
                "indirect",
                Some("Lee"),
                "the regulators",
                Some("lashed out at"),
                "criticism",
                None,
            ),
            e(
                "indirect",
                Some("Analysts"),
                "that the tariff would be lifted",
                Some("speculated"),
                "statement",
                None,
            ),
            e(
                "indirect",
                Some("The party"),
                "the remarks",
                Some("distanced itself from"),
                "rejection",
                None,
            ),
            e(
                "indirect",
                Some("The union"),
                "the new contract",
                Some("balked at"),
                "rejection",
                None,
            ),
            e(
                "indirect",
                Some("The minister"),
                "a plan to expand the port",
                Some("unveiled"),
                "proposal",
                None,
            ),
        ],
    );
}

#[test]
fn a_passive_cue_with_by_names_the_agent_as_speaker() {
    check(
        "Plan\n\nThe port plan was criticized by officials in Lima.\n\nThe delay was blamed by the union on the ministry.\n",
        &[
            e(
                "indirect",
                Some("officials"),
                "The port plan",
                Some("criticized by"),
                "criticism",
                None,
            ),
            e(
                "indirect",
                Some("the union"),
                "The delay",
                Some("blamed by"),
                "criticism",
                None,
            ),
        ],
    );
}

#[test]
fn a_dash_before_a_new_speaker_ends_the_first_content() {
    check(
        "Taxes\n\nLee noted that Park has not paid taxes ― as was true for years ― Park boasted, “That makes me smart.”\n",
        &[
            e(
                "indirect",
                Some("Lee"),
                "that Park has not paid taxes ― as was true for years",
                Some("noted"),
                "statement",
                None,
            ),
            e(
                "direct",
                Some("Park"),
                "“That makes me smart.”",
                Some("boasted"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn a_question_put_after_the_report_or_by_a_named_asker() {
    check(
        "Port\n\n\"You bet I would,\" Lee said when asked whether he would close the port.\n\nWhen asked by a reporter whether the port would reopen, Park said, \"You tell me.\"\n",
        &[
            e(
                "direct",
                Some("Lee"),
                "\"You bet I would,\"",
                Some("said"),
                "statement",
                None,
            ),
            e(
                "indirect",
                None,
                "whether he would close the port",
                Some("asked"),
                "statement",
                None,
            ),
            e(
                "indirect",
                Some("reporter"),
                "whether the port would reopen",
                Some("asked"),
                "statement",
                None,
            ),
            e(
                "direct",
                Some("Park"),
                "\"You tell me.\"",
                Some("said"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn a_relative_pronoun_subject_reports_what_follows() {
    check(
        "Museum\n\nThe guests included Ann Lee, who joked of the museum, ''I haven't seen it yet, but I'm going to.''\n",
        &[e(
            "direct",
            Some("Ann Lee"),
            "''I haven't seen it yet, but I'm going to.''",
            Some("joked"),
            "statement",
            None,
        )],
    );
}

#[test]
fn an_adverbial_opener_is_not_the_subject_before_an_appositive() {
    check(
        "Looms\n\nIn March, Rosa Imbert, vice chair of the weavers guild, told the council that the looms were \"older than the mill itself.\"\n",
        &[e(
            "mixed",
            Some("Rosa Imbert"),
            "that the looms were \"older than the mill itself.\"",
            Some("told"),
            "statement",
            Some("the council"),
        )],
    );
}

#[test]
fn the_name_after_told_is_the_addressee_when_a_subject_precedes() {
    check(
        "Harbour\n\n\"We will dredge the channel first,\" the port's chief engineer, Ilse Varga, told The Harbour Gazette on Monday.\n",
        &[e(
            "direct",
            Some("Ilse Varga"),
            "\"We will dredge the channel first,\"",
            Some("told"),
            "statement",
            Some("Harbour Gazette"),
        )],
    );
}

#[test]
fn seeming_and_appearing_keep_the_infinitive_report() {
    check(
        "Docks\n\nThe mayor seemed to concede that the docks would close.\n",
        &[e(
            "indirect",
            Some("The mayor"),
            "that the docks would close",
            Some("concede"),
            "statement",
            None,
        )],
    );
}

#[test]
fn a_gerund_before_a_quotation_stays_in_the_content() {
    check(
        "Budget\n\nOrtiz accused the treasurer of acting like a \"spoiled child.\"\n",
        &[e(
            "mixed",
            Some("Ortiz"),
            "of acting like a \"spoiled child.\"",
            Some("accused"),
            "criticism",
            Some("the treasurer"),
        )],
    );
}

#[test]
fn an_inverted_speaker_may_open_with_a_lower_case_description() {
    check(
        "Gala\n\n\"Thank you for coming,\" said master of ceremonies Omar Al-Hadid.\n",
        &[e(
            "direct",
            Some("Omar Al-Hadid"),
            "\"Thank you for coming,\"",
            Some("said"),
            "statement",
            None,
        )],
    );
}

#[test]
fn a_discourse_adverb_after_an_opener_and_a_middle_initial_keep_the_named_subject() {
    check(
        "Inquiry\n\nOn Monday, however, the head of the inquiry, Maria T. Olsen, said that the files were incomplete.\n",
        &[e(
            "indirect",
            Some("Maria T. Olsen"),
            "that the files were incomplete",
            Some("said"),
            "statement",
            None,
        )],
    );
}

#[test]
fn a_clause_of_time_after_the_cue_leaves_the_quotation_before_it() {
    check(
        "Vote\n\n\"Our state casts its votes for the governor!\" Senator Ruth Abano said as she opened the vote.\n",
        &[e(
            "direct",
            Some("Ruth Abano"),
            "\"Our state casts its votes for the governor!\"",
            Some("said"),
            "statement",
            None,
        )],
    );
}

#[test]
fn a_partial_quotation_after_a_prepositional_object_keeps_the_words_before_it() {
    check(
        "Ferry\n\nLee joked about the mayor's \"floating palace\" during the debate. Lee said on Friday \"the ferry will sail.\"\n",
        &[
            e(
                "mixed",
                Some("Lee"),
                "about the mayor's \"floating palace\" during the debate",
                Some("joked"),
                "statement",
                None,
            ),
            e(
                "direct",
                Some("Lee"),
                "\"the ferry will sail.\"",
                Some("said"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn a_quotation_closed_by_its_comma_before_an_aside_ends_the_content() {
    check(
        "Feud\n\nOrtiz called the treasurer \"a reckless gambler,\" linking to an old story about the casino bonds.\n",
        &[e(
            "mixed",
            Some("Ortiz"),
            "the treasurer \"a reckless gambler,\"",
            Some("called"),
            "statement",
            None,
        )],
    );
}

#[test]
fn a_participle_after_a_document_reports_for_who_put_it_out() {
    check(
        "Ads\n\nSenator Ruth Abano released a video on Tuesday saying that the bridge tolls were unfair.\n",
        &[e(
            "indirect",
            Some("Ruth Abano"),
            "that the bridge tolls were unfair",
            Some("saying"),
            "statement",
            None,
        )],
    );
}

#[test]
fn an_attribution_with_a_setting_after_a_question_reports_the_question() {
    check(
        "Rally\n\n\"Who will pay for the bridge?\" Lee added during her speech at the rally.\n",
        &[e(
            "direct",
            Some("Lee"),
            "\"Who will pay for the bridge?\"",
            Some("added"),
            "statement",
            None,
        )],
    );
}

#[test]
fn unattributed_quotations_in_a_row_are_one_statement() {
    check(
        "Port\n\nAnn Lee said the port would reopen.\n\n\"Will the crews be ready in time for the season?\" \"We have the money and the people to do it.\"\n",
        &[
            e(
                "indirect",
                Some("Ann Lee"),
                "the port would reopen",
                Some("said"),
                "statement",
                None,
            ),
            e(
                "direct",
                Some("Ann Lee"),
                "\"Will the crews be ready in time for the season?\" \"We have the money and the people to do it.\"",
                None,
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn a_plural_possessive_apostrophe_is_not_a_quotation_mark() {
    check(
        "Strike\n\nThe dockers' union said that the strike would go ahead. \"He called them 'wreckers' and walked out,\" Lee said.\n",
        &[
            e(
                "indirect",
                Some("The dockers' union"),
                "that the strike would go ahead",
                Some("said"),
                "statement",
                None,
            ),
            e(
                "direct",
                Some("Lee"),
                "\"He called them 'wreckers' and walked out,\"",
                Some("said"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn a_headline_verb_ends_the_name_the_body_refers_back_to() {
    check(
        "Mira Okafor Says Tomas Berg \u{2018}Cannot Be Trusted.\u{2019}\n\nBerg said on Monday that the charge was false.\n",
        &[
            e(
                "mixed",
                Some("Mira Okafor"),
                "Tomas Berg \u{2018}Cannot Be Trusted.\u{2019}",
                Some("Says"),
                "statement",
                None,
            ),
            e(
                "indirect",
                Some("Tomas Berg"),
                "that the charge was false",
                Some("said"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn a_quotation_after_a_second_cue_is_that_cues_statement() {
    check(
        "Alliance\n\n\"We cannot pay for this any longer,\" Lee said, adding later, \"The alliance costs us a fortune.\"\n",
        &[
            e(
                "direct",
                Some("Lee"),
                "\"We cannot pay for this any longer,\"",
                Some("said"),
                "statement",
                None,
            ),
            e(
                "direct",
                Some("Lee"),
                "\"The alliance costs us a fortune.\"",
                Some("adding"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn a_subject_ending_in_a_prepositional_phrase_is_named_whole() {
    check(
        "Poll\n\nSeventy-four percent of registered voters said they trusted the mayor. Speakers at the memorial service said that the loss was painful. Residents living near the plant said that the air was worse.\n",
        &[
            e(
                "indirect",
                Some("Seventy-four percent of registered voters"),
                "they trusted the mayor",
                Some("said"),
                "statement",
                None,
            ),
            e(
                "indirect",
                Some("Speakers at the memorial service"),
                "that the loss was painful",
                Some("said"),
                "statement",
                None,
            ),
            e(
                "indirect",
                Some("Residents living near the plant"),
                "that the air was worse",
                Some("said"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn a_participle_after_a_report_reports_for_who_issued_it() {
    check(
        "Museum\n\nThe harbour museum issued a report this month charging the old owners with neglect.\n",
        &[e(
            "indirect",
            Some("The harbour museum"),
            "the old owners with neglect",
            Some("charging"),
            "criticism",
            None,
        )],
    );
}

#[test]
fn a_cue_with_a_gloss_after_an_exclamation_reports_it() {
    check(
        "Rally\n\nShe waved a sign. \"All the way!\" Dawson shouted, shorthand for winning the nomination.\n",
        &[e(
            "direct",
            Some("Dawson"),
            "\"All the way!\"",
            Some("shouted"),
            "statement",
            None,
        )],
    );
}

#[test]
fn an_inverted_cue_after_a_conjunction_takes_the_quotation_after_it() {
    check(
        "Show\n\nBut, said Solovey, \"I do not want a fight with him.\"\n",
        &[e(
            "direct",
            Some("Solovey"),
            "\"I do not want a fight with him.\"",
            Some("said"),
            "statement",
            None,
        )],
    );
}

#[test]
fn a_quotation_after_a_short_adverbial_and_a_comma_is_the_content() {
    check(
        "Influence\n\nHe bought favours; indeed, Patel had publicly stated of ministers, \"When they need money, they are always for you.\"\n",
        &[e(
            "direct",
            Some("Patel"),
            "\"When they need money, they are always for you.\"",
            Some("stated"),
            "statement",
            None,
        )],
    );
}

#[test]
fn a_capitalised_title_splits_owner_from_name() {
    let text = "Plant\n\nAcme Corporation Chief Executive Jane Doe said the plant would close. Texas Governor Ray Olsen said the state would help.\n";
    let (name, _, title, organization) = speaker_fields(text, "the plant would close");
    assert_eq!(name.as_deref(), Some("Jane Doe"));
    assert_eq!(title.as_deref(), Some("Chief Executive"));
    assert_eq!(organization.as_deref(), Some("Acme Corporation"));
    // A place before the title is no organisation.
    let (name, _, title, organization) = speaker_fields(text, "the state would help");
    assert_eq!(name.as_deref(), Some("Ray Olsen"));
    assert_eq!(title.as_deref(), Some("Governor"));
    assert_eq!(organization, None);
}

#[test]
fn numbers_in_an_inverted_description_belong_to_it() {
    check(
        "Ward\n\n\"It hurts every day,\" said 34-year-old nurse Ann Lee. \"The vote was wrong,\" said 9/11 widow Rita Moss.\n",
        &[
            e(
                "direct",
                Some("Ann Lee"),
                "\"It hurts every day,\"",
                Some("said"),
                "statement",
                None,
            ),
            e(
                "direct",
                Some("Rita Moss"),
                "\"The vote was wrong,\"",
                Some("said"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn a_section_heading_before_a_dash_is_not_part_of_the_colon_speaker() {
    // Many commas inside the quotation do not make it a list of names.
    check(
        "Polls\n\nTURNOUT DID NOT MOVE - Ann Lee: “Our data finds that 20 states lean one way, 14 the other, and the rest, as before, are close, tight, even.”\n",
        &[e(
            "direct",
            Some("Ann Lee"),
            "“Our data finds that 20 states lean one way, 14 the other, and the rest, as before, are close, tight, even.”",
            Some(":"),
            "statement",
            None,
        )],
    );
}

#[test]
fn a_quotation_taken_from_a_named_source_after_from() {
    check(
        "Polls\n\nMore from Lee: “The count is a starting point, not a forecast.”\n\nFrom the report: “Panels with careful weighting did better.”\n",
        &[
            e(
                "direct",
                Some("Lee"),
                "“The count is a starting point, not a forecast.”",
                Some(":"),
                "statement",
                None,
            ),
            e(
                "direct",
                Some("the report"),
                "“Panels with careful weighting did better.”",
                Some(":"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn the_object_of_a_preposition_before_a_colon_is_not_the_speaker() {
    let text = "Tacos\n\n“I love tacos!”Former senator Ann Lee broke down exactly what was wrong with the image and message to the Dutch newspaper De Telegraaf: “It was a mistake, and a sad one.”\n";
    let article = Article::new("colon.txt", text);
    let got = extract_statements(&article).statements;
    assert!(
        got.iter()
            .all(|s| s.speaker.name.as_deref() != Some("De Telegraaf")),
        "{got:#?}"
    );
}

#[test]
fn a_title_with_a_function_word_inside_stays_whole_before_a_name() {
    check(
        "Talks\n\n“The deal is done,” said former secretary of state Ann Lee.\n\nFormer minister of defense Paul Roy:“We learned that from the ministry.”\n",
        &[
            e(
                "direct",
                Some("Ann Lee"),
                "“The deal is done,”",
                Some("said"),
                "statement",
                None,
            ),
            e(
                "direct",
                Some("Paul Roy"),
                "“We learned that from the ministry.”",
                Some(":"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn a_document_subject_ends_before_its_verb_ahead_of_a_colon_quotation() {
    check(
        "Rules\n\nThe report makes that clear: “These rules do not apply to the older system.”\n",
        &[e(
            "direct",
            Some("The report"),
            "“These rules do not apply to the older system.”",
            Some("makes that clear"),
            "statement",
            None,
        )],
    );
}

#[test]
fn a_participle_after_a_common_noun_subject_and_its_own_clause() {
    check(
        "Support\n\nThe president left no doubt of his commitment, saying that the deal was “good for everyone.”\n",
        &[e(
            "mixed",
            Some("The president"),
            "that the deal was “good for everyone.”",
            Some("saying"),
            "statement",
            None,
        )],
    );
}

#[test]
fn a_parenthesis_closed_after_a_full_stop_ends_the_sentence() {
    check(
        "Series\n\nRoy said the cast agreed. (“We did it for the fans,” he said.) Others will return next year.\n",
        &[
            e(
                "indirect",
                Some("Roy"),
                "the cast agreed",
                Some("said"),
                "statement",
                None,
            ),
            e(
                "direct",
                Some("Roy"),
                "“We did it for the fans,”",
                Some("said"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn an_attribution_set_off_by_dashes_reports_the_quotation_inside() {
    check(
        "Voters\n\nNeither man liked her - “Born rich,” Lee said - but both voted for her.\n",
        &[e(
            "direct",
            Some("Lee"),
            "“Born rich,”",
            Some("said"),
            "statement",
            None,
        )],
    );
}

#[test]
fn any_plain_noun_phrase_holds_a_belief_reported_with_that() {
    check(
        "Convention\n\nHis inner circle believes that the nominee has earned the right to set the schedule. Her fellow cast members didn't know that she had been on her own since age 14.\n",
        &[e(
            "indirect",
            Some("His inner circle"),
            "that the nominee has earned the right to set the schedule",
            Some("believes"),
            "statement",
            None,
        )],
    );
}

#[test]
fn a_later_subject_with_an_adverb_before_its_cue_ends_the_first_content() {
    check(
        "Service\n\nNorman Ham retired in May. While he acknowledged funding was a major reason he felt tired of the job, Ham also noted several “intangibles” left him disillusioned.\n",
        &[
            e(
                "indirect",
                Some("Norman Ham"),
                "funding was a major reason he felt tired of the job",
                Some("acknowledged"),
                "statement",
                None,
            ),
            e(
                "mixed",
                Some("Norman Ham"),
                "several “intangibles” left him disillusioned",
                Some("noted"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn a_plural_cue_noun_and_an_agent_after_by_carry_a_that_clause() {
    check(
        "Email\n\nThe office spent months pushing back against claims by intelligence agencies that some of her messages should be classified. A win would lift the administration's hopes that the country will become a democracy.\n",
        &[
            e(
                "indirect",
                Some("intelligence agencies"),
                "that some of her messages should be classified",
                Some("claims"),
                "statement",
                None,
            ),
            e(
                "indirect",
                Some("the administration"),
                "that the country will become a democracy",
                Some("hopes"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn a_possessor_inside_a_prepositional_phrase_owns_its_claim() {
    check(
        "Check\n\nThe site ran a fact-check on Ann B. Lee's claim that there have been “thousands of shootings” in the city.\n",
        &[e(
            "mixed",
            Some("Ann B. Lee"),
            "that there have been “thousands of shootings” in the city",
            Some("claim"),
            "statement",
            None,
        )],
    );
}

#[test]
fn a_following_quotation_goes_on_with_the_outer_report_not_a_nested_one() {
    check(
        "Region\n\nCarter said that for years some critics had been predicting a withdrawal from the region.\n\n“That will not happen, because this region matters more than ever to our future.”\n",
        &[
            e(
                "indirect",
                Some("Carter"),
                "that for years some critics had been predicting a withdrawal from the region",
                Some("said"),
                "statement",
                None,
            ),
            e(
                "direct",
                Some("Carter"),
                "“That will not happen, because this region matters more than ever to our future.”",
                None,
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn a_report_inside_an_absolute_with_opener_ends_at_its_comma() {
    check(
        "Turnout\n\nWith party leaders increasingly worried about low turnout among young voters, the governor is starting a new tour of the state.\n",
        &[e(
            "indirect",
            Some("party leaders"),
            "about low turnout among young voters",
            Some("worried"),
            "warning",
            None,
        )],
    );
}

#[test]
fn a_coordinated_cue_inside_a_when_clause_shares_its_subject() {
    check(
        "Debate\n\nThere were sharper attacks, as when Cruz knocked Rubio on trade and called him a \"moderate,\" a subtle dig.\n",
        &[e(
            "mixed",
            Some("Cruz"),
            "him a \"moderate,\" a subtle dig",
            Some("called"),
            "statement",
            None,
        )],
    );
}

#[test]
fn a_participle_after_a_relative_clause_report_goes_to_the_clause_subject() {
    check(
        "Bridge\n\nThe mayor was defensive when pressed about not paying a contractor who said he was owed money for the new bridge, saying, “Maybe the work was not good enough.”\n",
        &[
            e(
                "indirect",
                Some("contractor"),
                "he was owed money for the new bridge",
                Some("said"),
                "statement",
                None,
            ),
            e(
                "direct",
                Some("The mayor"),
                "“Maybe the work was not good enough.”",
                Some("saying"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn a_participle_after_a_nested_report_goes_to_the_outer_speaker() {
    check(
        "Schools\n\nAnn Lee told the audience that the party must continue to push policies that close the gaps between regions, saying that “money still decides too much” in this country.\n",
        &[
            e(
                "indirect",
                Some("Ann Lee"),
                "that the party must continue to push policies that close the gaps between regions",
                Some("told"),
                "statement",
                Some("the audience"),
            ),
            e(
                "mixed",
                Some("Ann Lee"),
                "that “money still decides too much” in this country",
                Some("saying"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn a_report_in_a_while_clause_ends_before_the_main_subject_and_its_modifier() {
    check(
        "Delay\n\nBut while Republicans are happily supporting the delay as a blow to the law, several aides privy to the talks say it is the Democrats who pushed for it.\n",
        &[
            e(
                "indirect",
                Some("Republicans"),
                "the delay as a blow to the law",
                Some("supporting"),
                "praise",
                None,
            ),
            e(
                "indirect",
                Some("aides privy to the talks"),
                "it is the Democrats who pushed for it",
                Some("say"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn a_plural_noun_after_a_determiner_is_not_read_as_a_verb_in_a_subject() {
    check(
        "Talks\n\nSeveral aides close to the talks say the deal is finished.\n",
        &[e(
            "indirect",
            Some("aides close to the talks"),
            "the deal is finished",
            Some("say"),
            "statement",
            None,
        )],
    );
}

#[test]
fn a_noun_in_ly_heads_a_subject_and_is_not_skipped_as_an_adverb() {
    check(
        "Videos\n\nThe victim's family has called on police to release the videos. A close ally said the plan was dead.\n",
        &[
            e(
                "indirect",
                Some("The victim's family"),
                "to release the videos",
                Some("called on"),
                "appeal",
                Some("police"),
            ),
            e(
                "indirect",
                Some("close ally"),
                "the plan was dead",
                Some("said"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn exhorted_and_ruled_that_are_cues_but_rules_that_is_a_noun() {
    check(
        "Rulings\n\nCruz exhorted Republicans to \"vote your conscience\" at the convention. A federal judge ruled that the school had misled more than 100,000 students. The new rules that take effect in May were welcomed by unions.\n",
        &[
            e(
                "mixed",
                Some("Cruz"),
                "to \"vote your conscience\" at the convention",
                Some("exhorted"),
                "appeal",
                Some("Republicans"),
            ),
            e(
                "indirect",
                Some("federal judge"),
                "the school had misled more than 100,000 students",
                Some("ruled that"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn a_quotation_after_an_ing_preposition_is_the_participles_content() {
    check(
        "Ad\n\nThe new ad concludes with footage of the governor saying during a debate last week, “That makes me smart,” when his rival attacked him.\n",
        &[
            e(
                "direct",
                Some("the governor"),
                "“That makes me smart,”",
                Some("saying"),
                "statement",
                None,
            ),
            e(
                "indirect",
                Some("his rival"),
                "him",
                Some("attacked"),
                "criticism",
                None,
            ),
        ],
    );
}

#[test]
fn a_long_subject_before_a_plain_speech_verb_is_the_speaker() {
    check(
        "Inquiry\n\nBut current and former officials at the agency and in the ministry have said investigators are trying to determine whether a crime was committed.\n\nThe veteran senator and former secretary of state said the country needed a stronger navy.\n",
        &[
            e(
                "indirect",
                Some("current and former officials at the agency and in the ministry"),
                "investigators are trying to determine whether a crime was committed",
                Some("said"),
                "statement",
                None,
            ),
            e(
                "indirect",
                Some("The veteran senator and former secretary of state"),
                "the country needed a stronger navy",
                Some("said"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn a_cue_inside_a_compound_or_after_a_possessive_has_no_long_subject() {
    check(
        "Goals\n\nHis oft-stated goal is to reduce the deficit. The mayor's widely reported remarks drew anger.\n",
        &[],
    );
}

#[test]
fn a_name_in_ing_opens_a_clause_that_a_later_verb_shares() {
    check(
        "Doors\n\nWalking to the next house, Ann Ebeling talked about her childhood. Smiling, Ebeling recalled the war and said their views had changed.\n",
        &[
            e(
                "indirect",
                Some("Ann Ebeling"),
                "her childhood",
                Some("talked about"),
                "statement",
                None,
            ),
            e(
                "indirect",
                Some("Ann Ebeling"),
                "the war",
                Some("recalled"),
                "statement",
                None,
            ),
            e(
                "indirect",
                Some("Ann Ebeling"),
                "their views had changed",
                Some("said"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn a_noun_like_cue_after_to_or_a_modal_is_a_verb() {
    check(
        "Shooting\n\nThe protesters continued to call for more information about the shooting.\n",
        &[e(
            "indirect",
            Some("The protesters"),
            "more information about the shooting",
            Some("call for"),
            "appeal",
            None,
        )],
    );
}

#[test]
fn a_through_opener_is_not_the_content_of_a_later_cue() {
    check(
        "Case\n\nThrough a spokesman, he declined to comment.\n",
        &[e(
            "indirect",
            None,
            "to comment",
            Some("declined"),
            "rejection",
            None,
        )],
    );
}

#[test]
fn a_capitalised_preposition_opening_the_sentence_is_not_part_of_a_name() {
    check(
        "Rally\n\nBesides Clinton, Bernie Sanders also spoke, saying, “We know we have work to do.”\n",
        &[e(
            "direct",
            Some("Bernie Sanders"),
            "“We know we have work to do.”",
            Some("saying"),
            "statement",
            None,
        )],
    );
}

#[test]
fn according_to_a_name_with_an_initial_and_an_appositive() {
    check(
        "Envoy\n\nAccording to Dennis B. Ross, another former envoy, the trouble began with a decision to keep the allies at a distance.\n",
        &[e(
            "indirect",
            Some("Dennis B. Ross"),
            "the trouble began with a decision to keep the allies at a distance",
            Some("According to"),
            "statement",
            None,
        )],
    );
}

#[test]
fn criticism_drawn_from_a_group_is_their_statement_about_the_subject() {
    check(
        "Reaction\n\nThe proposal quickly drew sharp criticism from both sides of the budget debate. He drew fire from unions.\n",
        &[e(
            "indirect",
            Some("both sides of the budget debate"),
            "The proposal",
            Some("criticism"),
            "criticism",
            None,
        )],
    );
}

#[test]
fn noun_like_forms_before_an_agreeing_verb_calls_datelines_and_credits_are_not_cues() {
    check(
        "Notes\n\nThe Tulsa protest remained peaceful. Health worries have dogged the senator for months. The court order is final. Ann Lee reported from Kabul. Additional reporting by Tim Ford; Editing by Jo Hill.\n",
        &[],
    );
}

#[test]
fn a_semicolon_before_a_pronoun_subject_ends_the_content() {
    check(
        "Churches\n\nClinton stressed her deep ties to black churches while in Kansas City; she called into a radio program when she was sick.\n",
        &[e(
            "indirect",
            Some("Clinton"),
            "her deep ties to black churches while in Kansas City",
            Some("stressed"),
            "statement",
            None,
        )],
    );
}

#[test]
fn a_modal_passive_names_no_speaker() {
    check(
        "Release\n\nIt should be noted that the vote was close. The emails will not be disclosed as part of the release. The plan was criticized by union leaders.\n",
        &[e(
            "indirect",
            Some("union leaders"),
            "The plan",
            Some("criticized by"),
            "criticism",
            None,
        )],
    );
}

#[test]
fn a_bare_prepositional_or_time_phrase_is_not_content() {
    check(
        "Replies\n\nThe spokesman announced Monday morning. Scott responded with logic. Lee asked for understanding.\n",
        &[e(
            "indirect",
            Some("Lee"),
            "for understanding",
            Some("asked"),
            "appeal",
            None,
        )],
    );
}

#[test]
fn a_share_in_figures_is_a_subject() {
    check(
        "Poll\n\nOn social issues, 42% say they are liberal.\n",
        &[e(
            "indirect",
            Some("42%"),
            "they are liberal",
            Some("say"),
            "statement",
            None,
        )],
    );
}

#[test]
fn an_inverted_group_after_a_clause_is_the_speaker_not_the_content() {
    check(
        "Tax\n\nThe new tax is unfair to farmers, said several Democrats.\n",
        &[e(
            "indirect",
            Some("Democrats"),
            "The new tax is unfair to farmers",
            Some("said"),
            "statement",
            None,
        )],
    );
}

#[test]
fn an_impression_has_no_speaker_and_keeps_its_subject_with_what_follows() {
    check(
        "Markets\n\nThe central bank is widely expected to raise rates in March. Overall, the delegates seemed relieved by the outcome. It appears that the talks have stalled.\n",
        &[
            e(
                "indirect",
                None,
                "The central bank to raise rates in March",
                Some("expected"),
                "statement",
                None,
            ),
            e(
                "indirect",
                None,
                "the delegates relieved by the outcome",
                Some("seemed"),
                "statement",
                None,
            ),
            e(
                "indirect",
                None,
                "the talks have stalled",
                Some("appears"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn an_appearance_a_relative_or_an_infinitive_is_no_impression() {
    check(
        "Visit\n\nThe minister appeared on state television on Sunday. They drafted what appeared to be a compromise. The senator, who seemed tired, said the bill would pass.\n",
        &[e(
            "indirect",
            Some("The senator"),
            "the bill would pass",
            Some("said"),
            "statement",
            None,
        )],
    );
}

#[test]
fn an_impression_ends_where_another_report_starts_and_keeps_a_title() {
    check(
        "Stance\n\nThe governor appeared to soften her stance, telling reporters that taxes would stay flat. Mr. Park seemed to enjoy the exchange, and the crowd cheered.\n",
        &[
            e(
                "indirect",
                None,
                "The governor to soften her stance",
                Some("appeared"),
                "statement",
                None,
            ),
            e(
                "indirect",
                Some("The governor"),
                "that taxes would stay flat",
                Some("telling"),
                "statement",
                Some("reporters"),
            ),
            e(
                "indirect",
                None,
                "Mr. Park to enjoy the exchange",
                Some("seemed"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn a_report_inside_an_opening_subordinate_clause_ends_at_its_comma() {
    check(
        "Tariffs\n\nAlthough the ministry said the tariffs were temporary, exporters braced for a long dispute. When Lee argued that the quota was unfair, the committee voted it down.\n",
        &[
            e(
                "indirect",
                Some("the ministry"),
                "the tariffs were temporary",
                Some("said"),
                "statement",
                None,
            ),
            e(
                "indirect",
                Some("Lee"),
                "that the quota was unfair",
                Some("argued"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn a_pronoun_clause_after_comma_and_ends_a_content_without_that() {
    check(
        "Budget\n\nThe minister criticized the new budget, but she voted for it anyway. Lee said that the vote was rigged, and he had the proof.\n",
        &[
            e(
                "indirect",
                Some("The minister"),
                "the new budget",
                Some("criticized"),
                "criticism",
                None,
            ),
            e(
                "indirect",
                Some("Lee"),
                "that the vote was rigged, and he had the proof",
                Some("said"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn a_contrast_clause_with_its_own_cue_ends_the_content_before_it() {
    check(
        "Subsidy\n\nMost farmers said the subsidy was fair, while only 22 percent said it was too costly.\n",
        &[
            e(
                "indirect",
                Some("Most farmers"),
                "the subsidy was fair",
                Some("said"),
                "statement",
                None,
            ),
            e(
                "indirect",
                Some("only 22 percent"),
                "it was too costly",
                Some("said"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn any_verb_characterising_its_object_with_a_quotation_reports_it() {
    check(
        "Deal\n\nMerkel heralded the deal with Turkey as a “breakthrough.” The ministry said that it had classified the files as “secret” last year. The messages were designated as “confidential.”\n",
        &[
            e(
                "mixed",
                Some("Merkel"),
                "the deal with Turkey as a “breakthrough.”",
                Some("heralded"),
                "statement",
                None,
            ),
            e(
                "mixed",
                Some("The ministry"),
                "that it had classified the files as “secret” last year",
                Some("said"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn a_second_poll_share_with_its_own_cue_ends_the_first_answer() {
    check(
        "Poll\n\nSix in 10 farmers said the plan was fair, and three-quarters said the same of the tax. Most voters say they trust the court, compared with 40 percent who say they trust parliament.\n",
        &[
            e(
                "indirect",
                Some("Six in 10 farmers"),
                "the plan was fair",
                Some("said"),
                "statement",
                None,
            ),
            e(
                "indirect",
                Some("three-quarters"),
                "the same of the tax",
                Some("said"),
                "statement",
                None,
            ),
            e(
                "indirect",
                Some("Most voters"),
                "they trust the court",
                Some("say"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn but_after_a_comma_ends_a_content_without_that() {
    check(
        "Deal\n\nThe Europeans dismissed the deal as toothless, but Obama learned from the experience. Lee said that the deal was weak, but workable.\n",
        &[
            e(
                "indirect",
                Some("Europeans"),
                "the deal as toothless",
                Some("dismissed"),
                "rejection",
                None,
            ),
            e(
                "indirect",
                Some("Lee"),
                "that the deal was weak, but workable",
                Some("said"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn questions_to_the_reader_arrivals_and_situations_are_not_reports() {
    check(
        "Race\n\nDo you support Ann Lee? Like the page. Lee showed up at the debate late. Park found himself in trouble with the party. She leads in pledged delegates.\n",
        &[],
    );
}

#[test]
fn according_to_is_no_channel_for_an_act_that_is_not_speech() {
    check(
        "Race\n\nRandolph refused to step aside, according to two party officials.\n",
        &[e(
            "indirect",
            Some("two party officials"),
            "Randolph refused to step aside",
            Some("according to"),
            "statement",
            None,
        )],
    );
}

#[test]
fn videos_and_poll_averages_show_things_like_documents() {
    check(
        "Evidence\n\nVideo of the incident shows the officer with his hands in the air. The polling average shows Lee ahead by three points.\n",
        &[
            e(
                "indirect",
                Some("Video of the incident"),
                "the officer with his hands in the air",
                Some("shows"),
                "statement",
                None,
            ),
            e(
                "indirect",
                Some("The polling average"),
                "Lee ahead by three points",
                Some("shows"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn reportedly_files_the_clause_without_a_speaker() {
    check(
        "Envoy\n\nThe minister will reportedly meet the envoy in May.\n",
        &[e(
            "indirect",
            None,
            "The minister will meet the envoy in May",
            Some("reportedly"),
            "statement",
            None,
        )],
    );
}

#[test]
fn quoted_transcript_turns_are_statements_of_their_speakers() {
    let text = "Lee Defends Port Deal\n\n\
        Senator Ann Lee of Oregon defended the port agreement on Sunday in an interview.\n\n\
        A partial transcript follows:\n\n\
        \"MORGAN: Senator, the deal was signed in a hurry. Why the rush?\n\n\
        \"LEE: Well, look, nobody rushed anything. The port has waited “far too long” for this. We negotiated for two years.\n\n\
        \"And I will say this: every union on the coast backed it.\n\n\
        \"(CROSSTALK.)\n\n\
        \"MORGAN: Let me finish, Senator. Will you hold hearings?\n\n\
        \"LEE: We will hold hearings in March, and I expect the committee to approve it.\n\n\
        \"Watch the full interview on our website.\"\n";
    let got = extract_statements(&Article::new("t.txt", text)).statements;
    for st in &got {
        assert_spans_valid(text, st);
    }
    let turns: Vec<(&str, &str, &str)> = got
        .iter()
        .filter(|s| s.cue.as_ref().is_some_and(|c| c.text == ":"))
        .map(|s| {
            (
                s.speaker.name.as_deref().unwrap_or(""),
                s.kind.as_str(),
                s.text.as_str(),
            )
        })
        .collect();
    assert_eq!(
        turns,
        [
            (
                "Morgan",
                "indirect",
                "Senator, the deal was signed in a hurry. Why the rush"
            ),
            (
                "Ann Lee",
                "mixed",
                "Well, look, nobody rushed anything. The port has waited “far too long” for this. \
                 We negotiated for two years And I will say this: every union on the coast backed it"
            ),
            (
                "Morgan",
                "indirect",
                "Let me finish, Senator. Will you hold hearings"
            ),
            (
                "Ann Lee",
                "indirect",
                "We will hold hearings in March, and I expect the committee to approve it"
            ),
        ],
        "{got:#?}"
    );
    // The quotation that runs over the whole transcript is no statement of
    // the line introducing it, and no report inside a turn stands apart.
    assert_eq!(got.len(), 5, "{got:#?}");
    assert_eq!(got[0].speaker.name.as_deref(), Some("Ann Lee"));
    assert_eq!(got[2].content.parts.as_ref().map(Vec::len), Some(2));
}

#[test]
fn a_narrative_paragraph_ends_an_unquoted_turn() {
    let text = "Debate Plans\n\n\
        KATE MORGAN: Why not debate in Ohio?\n\n\
        JOEL BRANDT: Senator Park does not decide when we debate. He is running a negative campaign.\n\n\
        Is a tough ad really the problem here?\n\n\
        BRANDT: We will debate when the tone changes.\n";
    check(
        text,
        &[
            e(
                "indirect",
                Some("Kate Morgan"),
                "Why not debate in Ohio",
                Some(":"),
                "statement",
                None,
            ),
            e(
                "indirect",
                Some("Joel Brandt"),
                "Senator Park does not decide when we debate. He is running a negative campaign",
                Some(":"),
                "statement",
                None,
            ),
            e(
                "indirect",
                Some("Joel Brandt"),
                "We will debate when the tone changes",
                Some(":"),
                "statement",
                None,
            ),
        ],
    );
}

#[test]
fn one_capitalised_label_is_a_note_not_a_transcript() {
    let text = "Port Deal\n\n\
        The council approved the port deal on Monday.\n\n\
        CLARIFICATION: An earlier version of this story misstated the date of the vote.\n";
    let got = extract_statements(&Article::new("t.txt", text)).statements;
    assert!(got.is_empty(), "{got:#?}");
}

#[test]
fn the_state_or_country_after_a_name_is_not_part_of_it() {
    check(
        "Port Deal\n\nSenator Ann Lee of Oregon said the port deal was fair.\n",
        &[e(
            "indirect",
            Some("Ann Lee"),
            "the port deal was fair",
            Some("said"),
            "statement",
            None,
        )],
    );
    let text = "Port Deal\n\nChancellor Greta Vogel of Germany said the deal was fair.\n";
    let st = &extract_statements(&Article::new("t.txt", text)).statements[0];
    assert_eq!(st.speaker.name.as_deref(), Some("Greta Vogel"));
    assert_eq!(st.speaker.country.as_deref(), Some("DE"));
}

#[test]
fn a_reporting_participle_opening_the_sentence_reports_its_clause() {
    check(
        "Treaty\n\nNoting that both leaders faced fierce opposition, Lee reminded the crowd that the treaty passed.\n",
        &[
            e(
                "indirect",
                Some("Lee"),
                "that both leaders faced fierce opposition",
                Some("Noting"),
                "statement",
                None,
            ),
            e(
                "indirect",
                Some("Lee"),
                "that the treaty passed",
                Some("reminded"),
                "statement",
                Some("the crowd"),
            ),
        ],
    );
    check(
        "Port\n\nAcknowledging that the plan “has flaws,” though, Park did suggest it could pass.\n",
        &[
            e(
                "mixed",
                Some("Park"),
                "that the plan “has flaws,” though",
                Some("Acknowledging"),
                "statement",
                None,
            ),
            e(
                "indirect",
                Some("Park"),
                "it could pass",
                Some("suggest"),
                "proposal",
                None,
            ),
        ],
    );
}

#[test]
fn an_opener_is_no_content_of_a_cue_with_an_object() {
    // "promised new jobs": the object is read, and the opener "In Ohio"
    // before the subject is a setting, not what was promised.
    for text in [
        "Port\n\nIn Ohio, Lee promised new jobs.\n",
        "Port\n\nDeclaring the port safe, Lee promised new jobs.\n",
    ] {
        let got = extract_statements(&Article::new("t.txt", text)).statements;
        assert!(
            got.iter()
                .all(|s| !s.text.starts_with("In Ohio") && !s.text.starts_with("Declaring")),
            "{got:#?}"
        );
    }
}

#[test]
fn press_and_nouns_after_an_article_are_no_cues() {
    check(
        "Port\n\nWhite House press secretary Josh Earnest said the mayor was right.\n",
        &[e(
            "indirect",
            Some("Josh Earnest"),
            "the mayor was right",
            Some("said"),
            "statement",
            None,
        )],
    );
    let text = "Port\n\nOn Friday, the third day of his tour, presidential nominee Gary Lane told a joke.\n";
    let got = extract_statements(&Article::new("t.txt", text)).statements;
    assert!(got.is_empty(), "{got:#?}");
}

#[test]
fn a_title_after_an_institution_names_the_person_not_the_institution() {
    let text = "Talks\n\nState Department spokesman John Kirby said the talks would go on.\n";
    let st = &extract_statements(&Article::new("t.txt", text)).statements[0];
    assert_eq!(st.speaker.name.as_deref(), Some("John Kirby"));
    assert_eq!(st.speaker.kind.as_str(), "person");
    assert_eq!(st.speaker.organization.as_deref(), Some("State Department"));
    let text = "Talks\n\nHouse Speaker Paul Ryan said the talks would go on. Ryan added that a vote was near.\n";
    let got = extract_statements(&Article::new("t.txt", text)).statements;
    let names: Vec<_> = got.iter().map(|s| s.speaker.name.as_deref()).collect();
    assert_eq!(names, [Some("Paul Ryan"), Some("Paul Ryan")], "{got:#?}");
}

#[test]
fn a_dialogue_in_title_case_is_a_transcript_and_a_table_is_not() {
    let text = "Markets Talk\n\n\
        Ana Ruiz: Well, nobody calls a pension fund speculation. It is all things to all people.\n\n\
        Dan Cole: Seriously, though. Who pays for the plan?\n\n\
        Ruiz: The tax on trades pays for it. Every study says so.\n\n\
        Cole: I doubt that.\n";
    let got = extract_statements(&Article::new("t.txt", text)).statements;
    let turns: Vec<(Option<&str>, &str)> = got
        .iter()
        .map(|s| (s.speaker.name.as_deref(), s.text.as_str()))
        .collect();
    assert_eq!(
        turns,
        [
            (
                Some("Ana Ruiz"),
                "Well, nobody calls a pension fund speculation. It is all things to all people"
            ),
            (Some("Dan Cole"), "Seriously, though. Who pays for the plan"),
            (
                Some("Ana Ruiz"),
                "The tax on trades pays for it. Every study says so"
            ),
            (Some("Dan Cole"), "I doubt that"),
        ],
        "{got:#?}"
    );
    // Rows of a table repeat their labels but hold figures, not turns.
    let text = "Delegates\n\nThe count after Tuesday:\n\nAna Ruiz: 2,316\n\nDan Cole: 1,547\n\nAna Ruiz: 547\n";
    let got = extract_statements(&Article::new("t.txt", text)).statements;
    assert!(got.is_empty(), "{got:#?}");
}

#[test]
fn quoted_as_saying_reported_by_and_concerned_that() {
    check(
        "Talks\n\nLee was quoted as saying the talks would resume.\n",
        &[e(
            "indirect",
            Some("Lee"),
            "the talks would resume",
            Some("quoted as saying"),
            "statement",
            None,
        )],
    );
    let text = "Talks\n\nMinister Ana Lee was quoted by Kyodo as saying the talks would resume.\n";
    let st = &extract_statements(&Article::new("t.txt", text)).statements;
    assert_eq!(st.len(), 1, "{st:#?}");
    assert_eq!(st[0].speaker.name.as_deref(), Some("Ana Lee"));
    assert_eq!(st[0].via.as_deref(), Some("Kyodo"));
    assert_eq!(st[0].text, "the talks would resume");
    let text = "Talks\n\nIt was reported by the Kyodo news agency that the talks would resume.\n";
    let st = &extract_statements(&Article::new("t.txt", text)).statements;
    assert_eq!(st.len(), 1, "{st:#?}");
    assert!(
        st[0]
            .speaker
            .name
            .as_deref()
            .is_some_and(|n| n.contains("Kyodo"))
    );
    assert_eq!(st[0].text, "that the talks would resume");
    assert_eq!(
        st[0].cue.as_ref().map(|c| c.text.as_str()),
        Some("reported by")
    );
    check(
        "Talks\n\nSome ministers are concerned that the talks will fail.\n",
        &[e(
            "indirect",
            Some("ministers"),
            "that the talks will fail",
            Some("concerned"),
            "warning",
            None,
        )],
    );
    for text in [
        "Talks\n\nAs far as Lee is concerned, the talks are over.\n",
        "Talks\n\nIt was reported that the talks would resume.\n",
    ] {
        let got = extract_statements(&Article::new("t.txt", text)).statements;
        assert!(got.is_empty(), "{got:#?}");
    }
}

#[test]
fn an_appeal_or_promise_of_a_thing_keeps_it_as_content() {
    check(
        "Talks\n\nFoggy Bottom urged restraint on both sides.\n",
        &[e(
            "indirect",
            Some("Foggy Bottom"),
            "restraint on both sides",
            Some("urged"),
            "appeal",
            None,
        )],
    );
    check(
        "Talks\n\nThe governor promised new jobs for the port.\n",
        &[e(
            "indirect",
            Some("The governor"),
            "new jobs for the port",
            Some("promised"),
            "commitment",
            None,
        )],
    );
    // A person, or a phrase with a clause after it, is still addressed.
    check(
        "Talks\n\nLee urged them to stop.\n",
        &[e(
            "indirect",
            Some("Lee"),
            "to stop",
            Some("urged"),
            "appeal",
            Some("them"),
        )],
    );
}

#[test]
fn confidence_is_given_in_hundredths() {
    let text = "Talks\n\n“We will keep talking,” Foreign Minister Ana Costa said.\n\n\
        Officials said the talks had stalled. The plan seemed ready to fail.\n";
    let got = extract_statements(&Article::new("t.txt", text)).statements;
    assert_eq!(got.len(), 3, "{got:#?}");
    for st in &got {
        let hundredths = (st.confidence * 100.0).round() / 100.0;
        assert_eq!(st.confidence, hundredths, "{st:#?}");
    }
}

#[test]
fn a_restrictive_relative_pronoun_is_the_mention_of_its_antecedent() {
    let text = "Port\n\nThe march drew dockworkers who say the port deal is unfair.\n";
    let got = extract_statements(&Article::new("t.txt", text)).statements;
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(got[0].speaker.name.as_deref(), Some("dockworkers"));
    assert_eq!(
        got[0].speaker.mention.as_ref().map(|m| m.text.as_str()),
        Some("who")
    );
}

#[test]
fn an_object_pronoun_addressee_is_the_other_person_named_before() {
    check(
        "Talks\n\nMs. Ann Lee met Paul Roy on Monday. Roy told her that talks would resume.\n",
        &[e(
            "indirect",
            Some("Paul Roy"),
            "that talks would resume",
            Some("told"),
            "statement",
            Some("Ann Lee"),
        )],
    );
    // Two pronouns and no known genders: the addressee stays as written.
    let text = "Talks\n\nAnn Lee met Paul Roy on Monday. She told him that talks would resume.\n";
    let st = &extract_statements(&Article::new("t.txt", text)).statements;
    assert_eq!(st.len(), 1, "{st:#?}");
    assert_eq!(
        st[0].addressee.as_ref().and_then(|a| a.name.as_deref()),
        Some("him")
    );
}
