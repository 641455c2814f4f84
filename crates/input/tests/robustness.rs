//! No input makes a reader panic, and every document's body hashes to its
//! content hash: arbitrary bytes through every entry point.

use std::io::Cursor;

use demarche_core::content_hash;
use demarche_input::{
    Event, ReadOptions, article_from_text_bytes, parse_date, read_json_reader, read_jsonl_reader,
    read_text_reader, try_article_from_text_bytes,
};
use proptest::prelude::*;

/// Bytes that look a little like the inputs: text, JSON punctuation, header
/// keys, invalid UTF-8 and control bytes.
fn input_bytes() -> impl Strategy<Value = Vec<u8>> {
    let pieces = prop_oneof![
        any::<u8>().prop_map(|b| vec![b]),
        Just(b"Title: ".to_vec()),
        Just(b"Date: 2024-07-26".to_vec()),
        Just(b"By Ann Lee".to_vec()),
        Just(b"Photo: Pool".to_vec()),
        Just(b"\n".to_vec()),
        Just(b"\r\n".to_vec()),
        Just(b"{\"text\": \"".to_vec()),
        Just(b"\"}".to_vec()),
        Just(b"[".to_vec()),
        Just(b",".to_vec()),
        Just("“é£”\u{feff}".as_bytes().to_vec()),
        Just(b"\x93\xa3\xff\xfe".to_vec()),
        "[a-zA-Z ]{0,12}".prop_map(String::into_bytes),
    ];
    prop::collection::vec(pieces, 0..40).prop_map(|parts| parts.concat())
}

fn check_events(event: Event) {
    match event {
        Event::Document(d) => {
            assert_eq!(d.article.meta.content_hash, content_hash(&d.article.body));
            if let Some(title) = &d.article.meta.title {
                assert!(!title.is_empty() && !title.contains('\n'));
            }
        }
        Event::Error(e) => assert!(!e.to_string().contains('\n')),
        Event::Skipped { .. } => {}
    }
}

proptest! {
    #[test]
    fn readers_never_panic(bytes in input_bytes()) {
        let small = ReadOptions { max_member_bytes: 64, max_total_bytes: 256, ..ReadOptions::default() };
        for opts in [ReadOptions::default(), small] {
            read_jsonl_reader("fuzz.jsonl", Cursor::new(&bytes), &opts, &mut check_events);
            read_json_reader("fuzz.json", Cursor::new(&bytes), &opts, &mut check_events);
            read_text_reader("fuzz.txt", Cursor::new(&bytes), &opts, &mut check_events);
        }
        let (article, _) = article_from_text_bytes("fuzz.txt", &bytes);
        prop_assert_eq!(article.meta.content_hash, content_hash(&article.body));
        let _ = try_article_from_text_bytes("fuzz.txt", &bytes);
        let _ = parse_date(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn valid_utf8_text_is_stored_byte_for_byte(text in "[ -~\n“”£é]{1,200}") {
        if let Ok((article, warnings)) = try_article_from_text_bytes("t.txt", text.as_bytes()) {
            prop_assert_eq!(article.body, text);
            prop_assert!(warnings.iter().all(|w| !w.contains("windows-1252")));
        }
    }
}
