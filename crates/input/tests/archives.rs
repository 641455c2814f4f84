//! Archives, compressed files and WARC: members read by their own format
//! and labelled `archive!member`, records of a CC-NEWS-style `.warc.gz`
//! read or skipped with a reason, and hostile inputs (truncated gzip, path
//! traversal names, decompression bombs) giving clear errors while the rest
//! of the input is still read. Every archive is built here, in a temporary
//! folder, from texts written for these tests.

use std::fs;
use std::io::{Cursor, Write};
use std::path::Path;
use std::time::Instant;

use demarche_input::{Document, Event, Format, ReadOptions, read_path};
use flate2::Compression;
use flate2::write::GzEncoder;
use zip::write::SimpleFileOptions;

/// What a test looks at in an event.
#[derive(Debug, PartialEq, Eq)]
enum Seen {
    Doc(String),
    Error(String),
    Skipped(String),
}

/// Reads `path`, returning events as [`Seen`] with `prefix` (the folder)
/// removed from labels, and the documents.
fn collect_with(path: &Path, prefix: &Path, opts: &ReadOptions) -> (Vec<Seen>, Vec<Document>) {
    let prefix = format!("{}/", prefix.display());
    let strip = |text: String| text.replace(&prefix, "");
    let mut seen = Vec::new();
    let mut documents = Vec::new();
    read_path(path, opts, &mut |event| match event {
        Event::Document(document) => {
            seen.push(Seen::Doc(strip(document.article.meta.source.clone())));
            documents.push(document);
        }
        Event::Error(error) => seen.push(Seen::Error(strip(error.to_string()))),
        Event::Skipped { location, reason } => {
            seen.push(Seen::Skipped(strip(format!("{location}: {reason}"))))
        }
    });
    (seen, documents)
}

fn collect(path: &Path, prefix: &Path) -> (Vec<Seen>, Vec<Document>) {
    collect_with(path, prefix, &ReadOptions::default())
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

/// A tar archive of `(path, content)` members, with a folder entry first.
fn tar(members: &[(&str, &[u8])]) -> Vec<u8> {
    let mut builder = tar::Builder::new(Vec::new());
    let mut folder = tar::Header::new_gnu();
    folder.set_entry_type(tar::EntryType::Directory);
    folder.set_size(0);
    folder.set_mode(0o755);
    builder.append_data(&mut folder, "dir/", &[][..]).unwrap();
    for (path, content) in members {
        let mut header = tar::Header::new_gnu();
        header.set_size(content.len() as u64);
        header.set_mode(0o644);
        builder.append_data(&mut header, path, *content).unwrap();
    }
    builder.into_inner().unwrap()
}

/// A zip archive of `(name, content)` members, deflated.
fn zip(members: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, content) in members {
        writer
            .start_file(*name, SimpleFileOptions::default())
            .unwrap();
        writer.write_all(content).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

const STORY_A: &str = "Ministers meet in Lisbon\n\nThe two ministers met on Tuesday.\n";
const STORY_B: &str =
    "Title: Trade envoy resigns\nDate: 2024-02-01\n\nThe envoy resigned on Thursday.\n";

#[test]
fn tar_gz_of_text_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("news.tar.gz");
    let archive = tar(&[
        ("a.txt", STORY_A.as_bytes()),
        ("dir/b.txt", STORY_B.as_bytes()),
        ("dir/photo.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
    ]);
    fs::write(&path, gzip(&archive)).unwrap();
    let (seen, documents) = collect(&path, dir.path());
    assert_eq!(
        seen,
        [
            Seen::Doc("news.tar.gz!a.txt".into()),
            Seen::Doc("news.tar.gz!dir/b.txt".into()),
            Seen::Skipped(
                "news.tar.gz!dir/photo.png: not a recognised input (.txt, .json, .jsonl, .html, .warc or an archive)"
                    .into()
            ),
        ]
    );
    assert_eq!(documents[0].article.body, STORY_A);
    assert_eq!(documents[0].format, Format::Txt);
    assert_eq!(documents[0].container, Some(Format::Tar));
    assert_eq!(
        documents[1].article.meta.title.as_deref(),
        Some("Trade envoy resigns")
    );
    assert_eq!(
        documents[1].article.meta.published.unwrap().to_string(),
        "2024-02-01"
    );

    // The same archive uncompressed, and as `.tgz`, reads the same.
    let plain = dir.path().join("news.tar");
    fs::write(&plain, &archive).unwrap();
    assert_eq!(collect(&plain, dir.path()).1.len(), 2);
    let tgz = dir.path().join("news.tgz");
    fs::write(&tgz, gzip(&archive)).unwrap();
    assert_eq!(collect(&tgz, dir.path()).1.len(), 2);
}

const PAGE: &str = "<html><head><title>Summit ends in Oslo</title></head><body>\
    <nav><a href=\"/\">Home</a></nav><article><p>The summit ended on Sunday with a joint statement.</p></article>\
    </body></html>";

#[test]
fn zip_with_html_jsonl_gzip_and_a_nested_tar_gz() {
    let dir = tempfile::tempdir().unwrap();
    let nested = gzip(&tar(&[
        ("inner/c.txt", b"Port reopens\n\nThe port reopened.\n"),
        ("inner/deep.zip", &zip(&[("d.txt", b"Too deep\n")])),
    ]));
    let jsonl = "{\"id\": \"n1\", \"text\": \"Envoys met.\"}\n{\"text\": \"Talks ended.\", \"date\": \"2024-05-02\"}\n";
    let archive = zip(&[
        ("pages/summit.html", PAGE.as_bytes()),
        ("feed.jsonl", jsonl.as_bytes()),
        ("nested.tar.gz", &nested),
        (
            "notes.txt.gz",
            &gzip(b"Harbour strike ends\n\nDockers returned.\n"),
        ),
    ]);
    let path = dir.path().join("bundle.zip");
    fs::write(&path, archive).unwrap();
    let (seen, documents) = collect(&path, dir.path());
    assert_eq!(
        seen,
        [
            Seen::Doc("bundle.zip!pages/summit.html".into()),
            Seen::Doc("bundle.zip!feed.jsonl#n1".into()),
            Seen::Doc("bundle.zip!feed.jsonl:2".into()),
            Seen::Doc("bundle.zip!nested.tar.gz!inner/c.txt".into()),
            Seen::Skipped(
                "bundle.zip!nested.tar.gz!inner/deep.zip: archive nested 3 deep: archives are read only 2 levels deep"
                    .into()
            ),
            Seen::Doc("bundle.zip!notes.txt.gz".into()),
        ]
    );
    let formats: Vec<_> = documents.iter().map(|d| (d.format, d.container)).collect();
    assert_eq!(
        formats,
        [
            (Format::Html, Some(Format::Zip)),
            (Format::Jsonl, Some(Format::Zip)),
            (Format::Jsonl, Some(Format::Zip)),
            (Format::Txt, Some(Format::Zip)),
            (Format::Txt, Some(Format::Zip)),
        ]
    );
    assert_eq!(
        documents[0].article.body,
        "Summit ends in Oslo\n\nThe summit ended on Sunday with a joint statement.\n"
    );
    assert_eq!(
        documents[4].article.body,
        "Harbour strike ends\n\nDockers returned.\n"
    );
}

/// One WARC record, gzipped on its own as in CC-NEWS.
fn warc_record(kind: &str, id: &str, uri: &str, date: &str, payload: &[u8]) -> Vec<u8> {
    let mut record = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{id}>\r\nWARC-Date: {date}\r\n"
    );
    if !uri.is_empty() {
        record.push_str(&format!("WARC-Target-URI: {uri}\r\n"));
    }
    if kind == "response" || kind == "request" {
        record.push_str(&format!(
            "Content-Type: application/http; msgtype={kind}\r\n"
        ));
    }
    record.push_str(&format!("Content-Length: {}\r\n\r\n", payload.len()));
    let mut bytes = record.into_bytes();
    bytes.extend_from_slice(payload);
    bytes.extend_from_slice(b"\r\n\r\n");
    gzip(&bytes)
}

fn http(status: &str, headers: &str, body: &[u8]) -> Vec<u8> {
    let mut bytes = format!("HTTP/1.1 {status}\r\n{headers}\r\n").into_bytes();
    bytes.extend_from_slice(body);
    bytes
}

#[test]
fn warc_gz_reads_html_responses_and_skips_other_records() {
    let dir = tempfile::tempdir().unwrap();
    let latin1_page: &[u8] =
        b"<html><head><title>Accord sign\xe9 \xe0 Gen\xe8ve</title></head><body><article>\
        <p>Le ministre a sign\xe9 l'accord mardi \xe0 Gen\xe8ve.</p></article></body></html>";
    let dated_page = b"<html><head><meta property=\"og:title\" content=\"Talks resume\">\
        <meta property=\"article:published_time\" content=\"2024-06-01T10:00:00Z\">\
        <link rel=\"canonical\" href=\"https://news.example/talks\"></head>\
        <body><p>The talks resumed in Nairobi on Saturday.</p></body></html>";
    let mut file = Vec::new();
    let date = "2024-06-03T12:00:00Z";
    file.extend(warc_record(
        "warcinfo",
        "0001",
        "",
        date,
        b"software: invented-crawler\r\n",
    ));
    file.extend(warc_record(
        "request",
        "0002",
        "https://news.example/fr/accord",
        date,
        b"GET /fr/accord HTTP/1.1\r\nHost: news.example\r\n\r\n",
    ));
    file.extend(warc_record(
        "response",
        "0003",
        "https://news.example/fr/accord",
        date,
        &http(
            "200 OK",
            "Content-Type: text/html; charset=ISO-8859-1\r\n",
            latin1_page,
        ),
    ));
    file.extend(warc_record(
        "response",
        "0004",
        "https://news.example/logo.png",
        date,
        &http(
            "200 OK",
            "Content-Type: image/png\r\n",
            b"\x89PNG\r\n\x1a\n",
        ),
    ));
    file.extend(warc_record(
        "response",
        "0005",
        "https://news.example/api",
        date,
        &http(
            "200 OK",
            "Content-Type: application/json\r\n",
            b"{\"a\": 1}",
        ),
    ));
    file.extend(warc_record(
        "response",
        "0006",
        "https://news.example/gone",
        date,
        &http(
            "404 Not Found",
            "Content-Type: text/html\r\n",
            b"<p>Not found</p>",
        ),
    ));
    file.extend(warc_record(
        "metadata",
        "0007",
        "https://news.example/fr/accord",
        date,
        b"fetchTimeMs: 120\r\n",
    ));
    file.extend(warc_record(
        "response",
        "0008",
        "https://news.example/talks?ref=feed",
        date,
        &http(
            "200 OK",
            "Content-Type: text/html\r\nContent-Encoding: gzip\r\n",
            &gzip(dated_page),
        ),
    ));
    let path = dir.path().join("crawl.warc.gz");
    fs::write(&path, file).unwrap();
    let (seen, documents) = collect(&path, dir.path());
    let w = "crawl.warc.gz!urn:uuid:";
    assert_eq!(
        seen,
        [
            Seen::Skipped(format!("{w}0001: WARC warcinfo record")),
            Seen::Skipped(format!("{w}0002: WARC request record")),
            Seen::Doc(format!("{w}0003")),
            Seen::Skipped(format!("{w}0004: not an HTML page (image/png)")),
            Seen::Skipped(format!("{w}0005: not an HTML page (application/json)")),
            Seen::Skipped(format!("{w}0006: HTTP status 404")),
            Seen::Skipped(format!("{w}0007: WARC metadata record")),
            Seen::Doc(format!("{w}0008")),
        ]
    );
    let accord = &documents[0];
    assert_eq!(
        accord.article.body,
        "Accord sign\u{e9} \u{e0} Gen\u{e8}ve\n\nLe ministre a sign\u{e9} l'accord mardi \u{e0} Gen\u{e8}ve.\n"
    );
    assert_eq!(accord.format, Format::Warc);
    assert_eq!(accord.container, None);
    let meta = &accord.article.meta;
    assert_eq!(meta.url.as_deref(), Some("https://news.example/fr/accord"));
    // The page gives no date: the capture date stands in.
    assert_eq!(meta.published.unwrap().to_string(), "2024-06-03");
    assert_eq!(meta.external_id.as_deref(), Some("urn:uuid:0003"));

    let talks = &documents[1].article.meta;
    assert_eq!(talks.title.as_deref(), Some("Talks resume"));
    assert_eq!(talks.published.unwrap().to_string(), "2024-06-01");
    assert_eq!(talks.url.as_deref(), Some("https://news.example/talks"));

    // The same records uncompressed, as one `.warc`.
    let mut plain = Vec::new();
    flate2::read::MultiGzDecoder::new(&fs::read(&path).unwrap()[..]).read_to_end_into(&mut plain);
    let plain_path = dir.path().join("crawl.warc");
    fs::write(&plain_path, plain).unwrap();
    assert_eq!(collect(&plain_path, dir.path()).1.len(), 2);
}

/// `read_to_end` that panics on failure, for test setup.
trait ReadAll {
    fn read_to_end_into(self, out: &mut Vec<u8>);
}

impl<R: std::io::Read> ReadAll for R {
    fn read_to_end_into(mut self, out: &mut Vec<u8>) {
        self.read_to_end(out).unwrap();
    }
}

/// Text that compresses poorly, so that a cut in the compressed stream
/// falls inside it.
fn varied_text(words: usize) -> String {
    let mut state = 12345u32;
    let mut text = String::from("Long dispatch\n\n");
    for _ in 0..words {
        state = state.wrapping_mul(1_103_515_245).wrapping_add(12345);
        let length = 2 + (state >> 16) % 7;
        for i in 0..length {
            text.push(char::from(b'a' + ((state >> (i + 3)) % 26) as u8));
        }
        text.push(' ');
    }
    text.push('\n');
    text
}

#[test]
fn truncated_gzip_keeps_what_came_before_and_names_the_archive() {
    let dir = tempfile::tempdir().unwrap();
    let long = varied_text(40_000);
    let archive = gzip(&tar(&[
        ("a.txt", STORY_A.as_bytes()),
        ("b.txt", long.as_bytes()),
        ("c.txt", STORY_B.as_bytes()),
    ]));
    let path = dir.path().join("cut.tar.gz");
    fs::write(&path, &archive[..archive.len() / 2]).unwrap();
    let (seen, _) = collect(&path, dir.path());
    assert_eq!(
        seen,
        [
            Seen::Doc("cut.tar.gz!a.txt".into()),
            Seen::Error(
                "cut.tar.gz!b.txt: truncated or corrupt gzip data: unexpected end of file".into()
            ),
        ]
    );

    // A cut in the gzip trailer, after the last member: the archive itself
    // is named.
    let short = gzip(&tar(&[("a.txt", STORY_A.as_bytes())]));
    let path = dir.path().join("short.tar.gz");
    fs::write(&path, &short[..short.len() - 4]).unwrap();
    let (seen, _) = collect(&path, dir.path());
    assert_eq!(seen.first(), Some(&Seen::Doc("short.tar.gz!a.txt".into())));
    assert_eq!(
        seen.last(),
        Some(&Seen::Error(
            "short.tar.gz: truncated or corrupt gzip data: unexpected end of file".into()
        ))
    );

    // A JSONL file cut short keeps its whole lines.
    let lines: String = (0..2000)
        .map(|i| {
            let words = varied_text(8).replace('\n', " ");
            format!("{{\"id\": \"r{i}\", \"text\": \"{words}\"}}\n")
        })
        .collect();
    let compressed = gzip(lines.as_bytes());
    let path = dir.path().join("feed.jsonl.gz");
    fs::write(&path, &compressed[..compressed.len() / 2]).unwrap();
    let (seen, documents) = collect(&path, dir.path());
    assert!(documents.len() > 100, "{}", documents.len());
    assert_eq!(documents[0].container, Some(Format::Gzip));
    let Some(Seen::Error(last)) = seen.last() else {
        panic!("{:?}", seen.last());
    };
    assert!(
        last.starts_with("feed.jsonl.gz:")
            && last.ends_with(": truncated or corrupt gzip data: unexpected end of file"),
        "{last}"
    );
}

#[test]
fn member_names_are_labels_never_paths() {
    let dir = tempfile::tempdir().unwrap();
    let archive = zip(&[
        (
            "../../etc/passwd",
            b"Border closed\n\nThe border closed at noon.\n",
        ),
        ("/abs/story.txt", STORY_A.as_bytes()),
    ]);
    let path = dir.path().join("evil.zip");
    fs::write(&path, archive).unwrap();
    let tar_path = dir.path().join("evil.tar");
    let mut builder = tar::Builder::new(Vec::new());
    let mut header = tar::Header::new_gnu();
    let content = STORY_B.as_bytes();
    header.set_size(content.len() as u64);
    header.set_mode(0o644);
    // `append_data` refuses `..`; the raw header field takes any name.
    header.as_gnu_mut().unwrap().name[..12].copy_from_slice(b"../../x.txt\0");
    header.set_cksum();
    builder.append(&header, content).unwrap();
    fs::write(&tar_path, builder.into_inner().unwrap()).unwrap();

    let (seen, documents) = collect(&path, dir.path());
    assert_eq!(
        seen,
        [
            Seen::Doc("evil.zip!../../etc/passwd".into()),
            Seen::Doc("evil.zip!/abs/story.txt".into()),
        ]
    );
    assert_eq!(
        documents[0].article.meta.title.as_deref(),
        Some("Border closed")
    );
    let (seen, _) = collect(&tar_path, dir.path());
    assert_eq!(seen, [Seen::Doc("evil.tar!../../x.txt".into())]);
    // Nothing was written anywhere near the archives.
    let mut names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["evil.tar", "evil.zip"]);
    assert!(!dir.path().join("../x.txt").exists());
}

#[test]
fn decompression_bombs_stop_at_the_limits() {
    let dir = tempfile::tempdir().unwrap();
    let zeros = vec![0u8; 200 * 1024 * 1024];
    let started = Instant::now();
    let opts = ReadOptions {
        max_member_bytes: 1024 * 1024,
        max_total_bytes: 16 * 1024 * 1024,
        ..ReadOptions::default()
    };

    // A zip member of 200 MB of zeros: an error, and the next member is read.
    let archive = zip(&[("bomb.txt", &zeros), ("after.txt", STORY_A.as_bytes())]);
    let path = dir.path().join("bomb.zip");
    fs::write(&path, archive).unwrap();
    let (seen, _) = collect_with(&path, dir.path(), &opts);
    assert_eq!(
        seen,
        [
            Seen::Error(
                "bomb.zip!bomb.txt: file is larger than the 1 MiB limit (max_member_bytes)".into()
            ),
            Seen::Doc("bomb.zip!after.txt".into()),
        ]
    );

    // A gzip of 200 MB of zeros, read as one stream: stopped at the limit.
    let path = dir.path().join("bomb.txt.gz");
    let compressed = gzip(&zeros);
    fs::write(&path, &compressed).unwrap();
    let (seen, _) = collect_with(&path, dir.path(), &opts);
    assert_eq!(
        seen,
        [Seen::Error(
            "bomb.txt.gz: file is larger than the 1 MiB limit (max_member_bytes)".into()
        )]
    );

    // A JSONL stream of 32 MB of blank lines: the total limit stops it.
    let path = dir.path().join("blank.jsonl.gz");
    fs::write(&path, gzip(&vec![b'\n'; 32 * 1024 * 1024])).unwrap();
    let (seen, _) = collect_with(&path, dir.path(), &opts);
    let [Seen::Error(message)] = seen.as_slice() else {
        panic!("{seen:?}");
    };
    assert!(
        message.ends_with("decompressed archive is larger than the 16 MiB limit (max_total_bytes)"),
        "{message}"
    );

    // Inside a tar.gz the member is refused; skipping its rest spends the
    // archive's total budget, which stops that archive (and only it).
    let inner = tar(&[
        ("bomb.txt", &zeros[..64 * 1024 * 1024]),
        ("after.txt", STORY_A.as_bytes()),
    ]);
    let path = dir.path().join("bomb.tar.gz");
    fs::write(&path, gzip(&inner)).unwrap();
    let (seen, _) = collect_with(&path, dir.path(), &opts);
    assert_eq!(
        seen,
        [
            Seen::Error(
                "bomb.tar.gz!bomb.txt: file is larger than the 1 MiB limit (max_member_bytes)"
                    .into()
            ),
            Seen::Error(
                "bomb.tar.gz: decompressed archive is larger than the 16 MiB limit (max_total_bytes)"
                    .into()
            ),
        ]
    );
    println!("bombs built and read in {:?}", started.elapsed());
}

#[test]
fn zip_inside_a_tar_is_held_in_memory_only_within_the_member_limit() {
    let dir = tempfile::tempdir().unwrap();
    let inner = zip(&[("z.txt", STORY_A.as_bytes())]);
    let big_inner = zip(&[("big.txt", varied_text(60_000).as_bytes())]);
    let archive = tar(&[
        ("small.zip", &inner),
        ("big.zip", &big_inner),
        ("after.txt", STORY_B.as_bytes()),
    ]);
    let path = dir.path().join("mixed.tar");
    fs::write(&path, archive).unwrap();
    let opts = ReadOptions {
        max_member_bytes: 64 * 1024,
        ..ReadOptions::default()
    };
    let (seen, documents) = collect_with(&path, dir.path(), &opts);
    assert!(big_inner.len() > 64 * 1024, "{}", big_inner.len());
    assert_eq!(
        seen,
        [
            Seen::Doc("mixed.tar!small.zip!z.txt".into()),
            Seen::Error(
                "mixed.tar!big.zip: zip archive inside an archive is larger than the 64 KiB limit (max_member_bytes)"
                    .into()
            ),
            Seen::Doc("mixed.tar!after.txt".into()),
        ]
    );
    // The outermost archive is the container.
    assert_eq!(documents[0].container, Some(Format::Tar));
}
