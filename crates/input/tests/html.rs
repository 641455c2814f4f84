//! HTML main-text extraction: boilerplate dropped, the article's
//! paragraphs kept, metadata read from JSON-LD, Open Graph and `<meta>`.

use std::time::Instant;

use demarche_input::{Document, ErrorKind, Event, Format, ReadOptions, read_html_reader};

/// Reads one page and returns its document, or the error's message.
fn read(page: &[u8]) -> Result<Document, String> {
    let mut result = Err("no event".to_owned());
    read_html_reader("page.html", page, &ReadOptions::default(), &mut |event| {
        result = match event {
            Event::Document(document) => Ok(document),
            Event::Error(error) => Err(error.to_string()),
            Event::Skipped { location, reason } => Err(format!("skipped {location}: {reason}")),
        };
    });
    result
}

const NEWS_PAGE: &str = r#"<!DOCTYPE html>
<html lang="en" class="has-ads">
<head>
  <meta charset="utf-8">
  <title>Envoys agree on river talks | The Harbour Courier</title>
  <meta property="og:title" content="Envoys agree on river talks">
  <meta property="og:site_name" content="The Harbour Courier">
  <meta property="article:published_time" content="2024-03-05T08:30:00+01:00">
  <link rel="canonical" href="https://courier.example/world/river-talks">
  <style>p { color: red; }</style>
  <script>var tracking = "<p>not text</p>";</script>
  <script type="application/ld+json">
  {"@context": "https://schema.org", "@graph": [
    {"@type": "WebSite", "name": "The Harbour Courier"},
    {"@type": ["NewsArticle"], "headline": "Envoys agree on river talks",
     "datePublished": "2024-03-04T22:10:00Z",
     "author": [{"@type": "Person", "name": "Mara Ell"}, {"name": "Tom Oke"}],
     "publisher": {"@type": "Organization", "name": "The Harbour Courier"}}
  ]}
  </script>
</head>
<body>
  <header><a href="/">Home</a> <a href="/world">World</a></header>
  <nav><ul><li>Politics</li><li>Business</li></ul></nav>
  <div class="cookie-banner"><p>We use cookies to improve the site.</p></div>
  <main>
    <article>
      <h1>Envoys agree on river talks</h1>
      <div class="share-tools"><button>Share</button><p>Share this story</p></div>
      <figure><img src="river.jpg"><figcaption>The river at dawn. Photo: Lee Rowe</figcaption></figure>
      <p>The foreign minister said on Monday that both sides would meet again in April.</p>
      <p>"We have   made real progress," she told
         reporters &amp; aides in the capital.</p>
      <h2>Next steps</h2>
      <blockquote>Talks will resume after the holiday, a spokesman said.</blockquote>
      <ul><li>Water quotas will be reviewed.</li><li>Fishing rights stay open.</li></ul>
      <noscript><p>Enable scripts to see comments.</p></noscript>
      <div id="newsletter-signup"><p>Get our morning briefing.</p></div>
      <aside><p>Related: earlier talks collapsed.</p></aside>
    </article>
    <section class="related-stories"><p>Another story about rivers and their many bridges.</p></section>
  </main>
  <footer><p>Copyright The Harbour Courier.</p></footer>
</body>
</html>
"#;

#[test]
fn main_text_and_metadata_of_a_news_page() {
    let document = read(NEWS_PAGE.as_bytes()).unwrap();
    let meta = &document.article.meta;
    assert_eq!(
        document.article.body,
        "Envoys agree on river talks\n\n\
         The foreign minister said on Monday that both sides would meet again in April.\n\n\
         \"We have made real progress,\" she told reporters & aides in the capital.\n\n\
         Next steps\n\n\
         Talks will resume after the holiday, a spokesman said.\n\n\
         Water quotas will be reviewed.\n\n\
         Fishing rights stay open.\n"
    );
    assert_eq!(meta.title.as_deref(), Some("Envoys agree on river talks"));
    // JSON-LD's datePublished wins over the Open Graph time.
    assert_eq!(meta.published.unwrap().to_string(), "2024-03-04");
    assert_eq!(
        meta.url.as_deref(),
        Some("https://courier.example/world/river-talks")
    );
    assert_eq!(meta.outlet.as_deref(), Some("The Harbour Courier"));
    assert_eq!(document.author.as_deref(), Some("Mara Ell, Tom Oke"));
    assert_eq!(document.format, Format::Html);
    assert_eq!(document.container, None);
    assert!(document.warnings.is_empty(), "{:?}", document.warnings);
}

#[test]
fn page_without_article_element_uses_the_densest_block() {
    let page = "<html><head><title>Port deal signed - Bay Times</title>\
        <meta property=\"og:site_name\" content=\"Bay Times\"></head><body>\
        <div class=\"menu\"><p>Home</p><p>Sport</p></div>\
        <div id=\"story\"><p>Two ports signed a trade deal on Friday, officials said.</p>\
        <p>The deal covers grain and timber for five years.</p>\
        <time datetime=\"2023-11-17\">17 November</time></div>\
        <div class=\"sidebar\"><p>Most read: a storm is coming.</p></div>\
        <div><p>Short teaser.</p></div>\
        </body></html>";
    let document = read(page.as_bytes()).unwrap();
    assert_eq!(
        document.article.body,
        "Port deal signed\n\n\
         Two ports signed a trade deal on Friday, officials said.\n\n\
         The deal covers grain and timber for five years.\n"
    );
    assert_eq!(
        document.article.meta.published.unwrap().to_string(),
        "2023-11-17"
    );
}

#[test]
fn charsets_from_meta_tags_and_byte_order_marks() {
    let latin1 =
        b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">\
        </head><body><p>Le minist\xe8re a d\xe9menti.</p></body></html>";
    assert_eq!(
        read(latin1).unwrap().article.body,
        "Le minist\u{e8}re a d\u{e9}menti.\n"
    );
    let mut utf16 = vec![0xff, 0xfe];
    for unit in "<p>Caf\u{e9} talks</p>".encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    assert_eq!(read(&utf16).unwrap().article.body, "Caf\u{e9} talks\n");
    // No declaration and not UTF-8: Windows-1252, with a warning.
    let document = read(b"<p>\x93Yes,\x94 he said.</p>").unwrap();
    assert_eq!(document.article.body, "\u{201c}Yes,\u{201d} he said.\n");
    assert_eq!(document.warnings.len(), 1);
}

#[test]
fn line_breaks_and_json_ld_bodies() {
    let page = "<html><body><div class=\"text\">The delegation arrived in Hanoi on Tuesday evening for talks.\
        <br><br>\n<br>Officials said the visit would last three days and cover trade and fishing.\
        <br>The talks are the first in a decade.</div></body></html>";
    assert_eq!(
        read(page.as_bytes()).unwrap().article.body,
        "The delegation arrived in Hanoi on Tuesday evening for talks.\n\n\
         Officials said the visit would last three days and cover trade and fishing. \
         The talks are the first in a decade.\n"
    );
    let page = r#"<html><head><script type="application/ld+json">{"@type": "NewsArticle",
        "headline": "Rail link approved", "articleBody": "The rail link was approved.\nWork  starts in June."}
        </script></head><body><div id="app"></div></body></html>"#;
    assert_eq!(
        read(page.as_bytes()).unwrap().article.body,
        "Rail link approved\n\nThe rail link was approved.\n\nWork starts in June.\n"
    );
}

#[test]
fn pages_without_text_are_errors() {
    let cases: &[&[u8]] = &[
        b"",
        b"<html><body><nav><p>Home</p></nav><script>x()</script></body></html>",
        b"<div><span>Menu</span></div>",
    ];
    for page in cases {
        assert_eq!(
            read(page).unwrap_err(),
            format!("page.html: {}", ErrorKind::NoArticleText)
        );
    }
}

/// A page of `depth` nested `<div>`s (and `<b>`s, which browsers treat
/// specially) around one paragraph, with text at every level.
fn nested_page(depth: usize) -> Vec<u8> {
    let mut page = Vec::with_capacity(depth * 12 + 100);
    page.extend_from_slice(b"<html><body>");
    for level in 0..depth {
        page.extend_from_slice(if level % 2 == 0 { b"<div>" } else { b"<b>x" });
    }
    page.extend_from_slice(b"<p>The envoy said the border would reopen.</p>");
    for level in (0..depth).rev() {
        page.extend_from_slice(if level % 2 == 0 { b"</div>" } else { b"</b>" });
    }
    page.extend_from_slice(b"</body></html>");
    page
}

fn check_nested(bytes: usize) {
    // A level of the page is 9.5 bytes on average.
    let page = nested_page(bytes / 19 * 2);
    let started = Instant::now();
    let result = read(&page);
    let elapsed = started.elapsed();
    // Bounded: a document or a clean error, never a panic or a hang.
    match result {
        Ok(document) => assert!(
            document.article.body.len() <= page.len(),
            "{}",
            document.article.body.len()
        ),
        Err(message) => assert!(message.starts_with("page.html: "), "{message}"),
    }
    println!("{} bytes of nested tags read in {elapsed:?}", page.len());
}

#[test]
fn deeply_nested_tags_are_bounded() {
    // 5 MB keeps the default test run short in debug builds.
    check_nested(5_000_000);
}

/// The 50 MB case: about 25 s in a debug build, about 2.5 s in release
/// (`cargo test --release -p demarche-input --test html -- --ignored`).
#[test]
#[ignore = "slow in debug builds; run with --ignored (and --release for timing)"]
fn fifty_megabytes_of_nested_tags_are_bounded() {
    check_nested(50_000_000);
}
