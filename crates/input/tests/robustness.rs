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

/// Bytes that look a little like web pages and WARC records.
fn markup_bytes() -> impl Strategy<Value = Vec<u8>> {
    let pieces = prop_oneof![
        any::<u8>().prop_map(|b| vec![b]),
        Just(b"WARC/1.0\r\n".to_vec()),
        Just(b"WARC-Type: response\r\n".to_vec()),
        Just(b"Content-Length: 40\r\n".to_vec()),
        Just(b"\r\n".to_vec()),
        Just(b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=latin1\r\n\r\n".to_vec()),
        Just(b"Content-Encoding: gzip\r\n".to_vec()),
        Just(b"Transfer-Encoding: chunked\r\n".to_vec()),
        Just(b"<p>".to_vec()),
        Just(b"</p>".to_vec()),
        Just(b"<div class=\"share ad\">".to_vec()),
        Just(b"</div>".to_vec()),
        Just(b"<article>".to_vec()),
        Just(
            b"<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":"
                .to_vec()
        ),
        Just(b"</script>".to_vec()),
        Just(b"<title>".to_vec()),
        Just(b"<meta charset=\"utf-16\">".to_vec()),
        Just(b"<svg><title>".to_vec()),
        Just(b"<plaintext>".to_vec()),
        Just(b"&amp;&#x10FFFF;&#0;".to_vec()),
        Just("“é£”\u{feff}".as_bytes().to_vec()),
        "[a-zA-Z .]{0,30}".prop_map(String::into_bytes),
    ];
    prop::collection::vec(pieces, 0..60).prop_map(|parts| parts.concat())
}

/// A tar.gz and a zip, each of a text, a JSONL and an HTML member.
fn archives() -> &'static [(&'static str, Vec<u8>)] {
    use std::io::Write;
    static ARCHIVES: std::sync::OnceLock<Vec<(&'static str, Vec<u8>)>> = std::sync::OnceLock::new();
    ARCHIVES.get_or_init(|| {
        let members: [(&str, &[u8]); 3] = [
            (
                "a.txt",
                b"Envoys meet\n\nThey met on Monday in the capital.\n",
            ),
            (
                "b.jsonl",
                b"{\"text\": \"Talks ended.\"}\n{\"text\": \"Talks resumed.\"}\n",
            ),
            (
                "c.html",
                b"<title>Deal</title><p>The deal was signed on Friday.</p>",
            ),
        ];
        let mut builder = tar::Builder::new(Vec::new());
        for (name, content) in members {
            let mut header = tar::Header::new_gnu();
            header.set_size(content.len() as u64);
            header.set_mode(0o644);
            builder.append_data(&mut header, name, content).unwrap();
        }
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(&builder.into_inner().unwrap()).unwrap();
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, content) in members {
            zip.start_file(name, zip::write::SimpleFileOptions::default())
                .unwrap();
            zip.write_all(content).unwrap();
        }
        vec![
            ("damaged.tar.gz", gz.finish().unwrap()),
            ("damaged.zip", zip.finish().unwrap().into_inner()),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn html_and_warc_readers_never_panic(bytes in markup_bytes()) {
        let small = ReadOptions { max_member_bytes: 64, max_total_bytes: 256, ..ReadOptions::default() };
        for opts in [ReadOptions::default(), small] {
            demarche_input::read_html_reader("fuzz.html", Cursor::new(&bytes), &opts, &mut check_events);
            demarche_input::read_warc_reader("fuzz.warc", Cursor::new(&bytes), &opts, &mut check_events);
        }
    }

    #[test]
    fn damaged_archives_never_panic(which in 0usize..2, cut in 0.0f64..1.0, flip in 0.0f64..1.0, bits in 1u8..=255) {
        let (name, bytes) = &archives()[which];
        let mut damaged = bytes.clone();
        let at = (flip * damaged.len() as f64) as usize;
        if let Some(byte) = damaged.get_mut(at) {
            *byte ^= bits;
        }
        damaged.truncate(((cut * 1.2).min(1.0) * damaged.len() as f64) as usize);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, &damaged).unwrap();
        demarche_input::read_path(&path, &ReadOptions::default(), &mut check_events);
    }
}
