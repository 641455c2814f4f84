//! HTML pages (`.html`, `.htm`, WARC responses): the charset found (byte
//! order mark, HTTP header, `<meta>`), the page tokenized with html5ever,
//! boilerplate dropped and the main text kept.
//!
//! The stored body is the title line, a blank line, then the kept
//! paragraphs separated by blank lines, so that statement offsets refer to
//! this text, not to the page's markup.
//!
//! The page is never built into a tree: html5ever's tokenizer feeds a flat
//! scan that keeps its own stack of open elements, capped at
//! [`MAX_DEPTH`], and iterates rather than recurses, so that hostile pages
//! (millions of nested tags) cost linear time and bounded memory. The tree
//! builder is avoided on purpose: its scope checks walk the whole stack of
//! open elements for each tag, which is quadratic on deeply nested input.

use std::cell::RefCell;
use std::collections::HashMap;
use std::io::Read;

use chrono::NaiveDate;
use demarche_core::Article;
use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::{Attribute, LocalName};
use serde_json::Value;

use crate::date::{date_in_path, parse_date};
use crate::title::clean_title;
use crate::{Document, ErrorKind, Event, Format, InputError, ReadOptions};

/// The deepest element nesting followed; deeper tags still yield their text
/// but are not tracked (browsers flatten beyond a similar depth).
pub(crate) const MAX_DEPTH: usize = 256;
/// The most paragraphs collected from one page.
const MAX_BLOCKS: usize = 20_000;
/// The most `<article>`-like landmarks remembered from one page.
const MAX_LANDMARKS: usize = 10_000;
/// The most bytes of one JSON-LD script kept for parsing.
const MAX_JSON_LD_BYTES: usize = 1024 * 1024;
/// The most bytes of `<title>` kept.
const MAX_TITLE_BYTES: usize = 4096;
/// How many leading bytes are searched for a `<meta charset>`.
const CHARSET_PRESCAN_BYTES: usize = 4096;
/// Text found outside any paragraph element is kept only from this length,
/// so that stray labels ("Advertisement", "Read more") stay out.
const MIN_LOOSE_TEXT_CHARS: usize = 60;

/// What the context of a page says about it: an HTTP header's charset, the
/// address it was fetched from, the capture date.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct PageHints {
    /// The `charset` parameter of the HTTP `Content-Type`.
    pub charset: Option<String>,
    /// The address the page was fetched from.
    pub url: Option<String>,
    /// The capture date, used when the page gives none.
    pub date: Option<NaiveDate>,
    /// The record's own identifier.
    pub id: Option<String>,
}

/// Reads one HTML page from a stream (a file, an archive member) labelled
/// `label`, at most `opts.max_member_bytes` of it, and reports a
/// [`Event::Document`] or an [`Event::Error`] (a page with no article text
/// is [`ErrorKind::NoArticleText`]).
pub fn read_html_reader(
    label: &str,
    reader: impl Read,
    opts: &ReadOptions,
    sink: &mut dyn FnMut(Event),
) {
    let mut bytes = Vec::new();
    let read = reader
        .take(opts.max_member_bytes.saturating_add(1))
        .read_to_end(&mut bytes);
    if let Err(error) = read {
        sink(Event::Error(InputError::from_io(label, error)));
        return;
    }
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > opts.max_member_bytes {
        sink(Event::Error(InputError::new(
            label,
            ErrorKind::TooLarge {
                what: "file",
                limit: opts.max_member_bytes,
                option: "max_member_bytes",
            },
        )));
        return;
    }
    let result = html_document(label, &bytes, &PageHints::default(), Format::Html, opts);
    sink(match result {
        Ok(document) => Event::Document(document),
        Err(kind) => Event::Error(InputError::new(label, kind)),
    });
}

/// The document of a page's bytes, labelled `label`.
pub(crate) fn html_document(
    label: &str,
    bytes: &[u8],
    hints: &PageHints,
    format: Format,
    opts: &ReadOptions,
) -> Result<Document, ErrorKind> {
    let (text, mut warnings) = decode_page(bytes, hints.charset.as_deref());
    let page = extract_page(&text);
    if page.truncated {
        warnings.push(format!(
            "the page has more than {MAX_BLOCKS} paragraphs; the rest was dropped"
        ));
    }
    if page.paragraphs.is_empty() {
        return Err(ErrorKind::NoArticleText);
    }
    let mut body = String::new();
    if let Some(title) = &page.title {
        body.push_str(title);
        body.push_str("\n\n");
    }
    body.push_str(&page.paragraphs.join("\n\n"));
    body.push('\n');
    let mut article = Article::new(label, body);
    article.meta.title = page.title;
    article.meta.url = page.url.or_else(|| hints.url.clone());
    // The page's own date first, then one in its address (a crawl date,
    // which comes next, can be years after publication).
    article.meta.published = page
        .published
        .or_else(|| article.meta.url.as_deref().and_then(date_in_path))
        .or(hints.date)
        .or(opts.published);
    article.meta.outlet = page.outlet;
    article.meta.external_id = hints.id.clone();
    Ok(Document {
        article,
        format,
        container: None,
        author: page.author,
        warnings,
    })
}

/// Decodes a page: a byte order mark first, then the HTTP charset, then a
/// `<meta>` charset, then UTF-8 if valid, else Windows-1252 with a warning.
pub(crate) fn decode_page(bytes: &[u8], header_charset: Option<&str>) -> (String, Vec<String>) {
    let mut warnings = Vec::new();
    let (encoding, rest) = match Encoding::for_bom(bytes) {
        Some((encoding, bom_length)) => (encoding, bytes.get(bom_length..).unwrap_or_default()),
        None => {
            let declared = header_charset
                .and_then(|label| Encoding::for_label(label.trim().as_bytes()))
                .or_else(|| meta_charset(bytes));
            let encoding = match declared {
                Some(encoding) => encoding,
                None if std::str::from_utf8(bytes).is_ok() => UTF_8,
                None => {
                    warnings.push(
                        "no charset declared and not valid UTF-8: decoded as windows-1252"
                            .to_owned(),
                    );
                    WINDOWS_1252
                }
            };
            (encoding, bytes)
        }
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(rest);
    if had_errors {
        warnings.push(format!(
            "invalid {} bytes in the page were replaced",
            encoding.name()
        ));
    }
    (text.into_owned(), warnings)
}

/// The encoding named by a `charset=` near the start of the page (in a
/// `<meta charset>` or `<meta http-equiv content>`), as browsers prescan
/// for it. A page cannot declare itself UTF-16 this way: such a label means
/// UTF-8.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes.get(..CHARSET_PRESCAN_BYTES).unwrap_or(bytes);
    let lower = head.to_ascii_lowercase();
    for start in memchr::memmem::find_iter(&lower, b"charset") {
        let after = lower.get(start + b"charset".len()..).unwrap_or_default();
        let after = after.trim_ascii_start();
        let Some(after) = after.strip_prefix(b"=") else {
            continue;
        };
        let after = after.trim_ascii_start();
        let after = after
            .strip_prefix(b"\"")
            .or_else(|| after.strip_prefix(b"'"))
            .unwrap_or(after);
        let end = after
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')))
            .unwrap_or(after.len());
        let label = after.get(..end).unwrap_or_default();
        if let Some(encoding) = Encoding::for_label(label) {
            let utf16 = encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE;
            return Some(if utf16 { UTF_8 } else { encoding });
        }
    }
    None
}

/// What was extracted from a page.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Page {
    /// The headline.
    pub title: Option<String>,
    /// The main text's paragraphs, in order, whitespace collapsed.
    pub paragraphs: Vec<String>,
    /// The publication date.
    pub published: Option<NaiveDate>,
    /// The canonical address.
    pub url: Option<String>,
    /// The outlet's name.
    pub outlet: Option<String>,
    /// The author(s).
    pub author: Option<String>,
    /// Whether paragraphs were dropped for exceeding [`MAX_BLOCKS`].
    pub truncated: bool,
}

/// Extracts the title, main text and metadata of a decoded page.
pub(crate) fn extract_page(text: &str) -> Page {
    let tokenizer = Tokenizer::new(
        ScanSink {
            scan: RefCell::new(Scan::default()),
        },
        TokenizerOpts::default(),
    );
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(text));
    // The sink never asks the tokenizer to pause for a script, so one call
    // reads the whole input.
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    let scan = tokenizer.sink.scan.into_inner();
    scan.into_page()
}

/// Elements whose content is never article text.
const DROPPED_TAGS: &[&str] = &[
    "nav",
    "header",
    "footer",
    "aside",
    "script",
    "style",
    "noscript",
    "form",
    "button",
    "figure",
    "figcaption",
    "iframe",
    "svg",
    "math",
    "template",
    "select",
    "textarea",
    "object",
    "canvas",
    "video",
    "audio",
    "menu",
    "dialog",
    "title",
    "head",
];

/// Words in a class or id that mark boilerplate, matched against the
/// words of a class name split at `-` and `_` ("share-bar", "ad_slot").
const BOILERPLATE_WORDS: &[&str] = &[
    "ad", "ads", "nav", "navbar", "menu", "sidebar", "widget", "modal", "popup", "caption",
    "credit", "credits", "toolbar", "footer", "masthead", "tags",
];

/// Prefixes of class or id words that mark boilerplate ("sharebar",
/// "socialLinks", "newsletterSignup", "relatedStories", "comments").
const BOILERPLATE_PREFIXES: &[&str] = &[
    "share",
    "sharing",
    "social",
    "advert",
    "sponsor",
    "promo",
    "cookie",
    "consent",
    "gdpr",
    "newsletter",
    "subscri",
    "signup",
    "related",
    "recommend",
    "comment",
    "disqus",
    "breadcrumb",
    "paywall",
    "outbrain",
    "taboola",
    "banner",
];

/// ARIA roles of boilerplate regions.
const BOILERPLATE_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "dialog",
    "alertdialog",
    "search",
];

/// Elements that never have content or an end tag.
const VOID_TAGS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param", "keygen",
];

/// Elements that start a new block of text (and so end loose text or an
/// open paragraph), as opposed to inline ones.
const BLOCK_LEVEL_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "blockquote",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "table",
    "thead",
    "tbody",
    "tr",
    "td",
    "th",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "hr",
    "address",
    "center",
    "body",
];

/// The kind of a collected block of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BlockKind {
    /// `<p>`, `<blockquote>`, `<pre>`.
    Paragraph,
    /// `<h1>`–`<h3>`.
    Heading,
    /// `<li>`.
    Item,
    /// Text directly inside a container, outside any paragraph element.
    Loose,
}

/// A block of text and where it sits.
#[derive(Debug)]
struct Block {
    /// The text, whitespace collapsed.
    text: String,
    /// Whether a space is owed before the next word.
    pending_space: bool,
    /// Its kind.
    kind: BlockKind,
    /// The id of the element that holds it (`None` for loose text).
    owner: Option<u32>,
    /// How many open elements enclosed it (its owner included) when it
    /// started; they are still the bottom of the stack when it finishes.
    depth: usize,
    /// The ids of its enclosing elements, outermost first, filled in when
    /// the block is kept (copying them for every empty block would cost
    /// time on deeply nested pages).
    ancestors: Vec<u32>,
}

impl Block {
    /// Appends text, collapsing runs of whitespace into one space.
    fn push_text(&mut self, text: &str) {
        for c in text.chars() {
            if c.is_whitespace() {
                self.pending_space = true;
            } else {
                if self.pending_space && !self.text.is_empty() {
                    self.text.push(' ');
                }
                self.pending_space = false;
                self.text.push(c);
            }
        }
    }
}

/// An element on the stack of open elements.
#[derive(Debug)]
struct Open {
    /// Its tag name.
    name: LocalName,
    /// Its id, unique within the page.
    id: u32,
    /// Whether its content is boilerplate.
    dropped: bool,
}

/// What raw text is being captured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Capture {
    /// Nothing.
    None,
    /// The `<title>`.
    Title,
    /// A JSON-LD script.
    JsonLd,
}

/// Metadata from `<meta>`, `<link>` and `<time>` tags.
#[derive(Debug, Default)]
struct MetaTags {
    /// `og:title` (or `twitter:title`).
    og_title: Option<String>,
    /// `og:site_name`.
    site_name: Option<String>,
    /// `article:published_time` and its synonyms.
    published: Option<String>,
    /// `<link rel=canonical>`.
    canonical: Option<String>,
    /// `og:url`.
    og_url: Option<String>,
    /// The first `<time datetime>`.
    time: Option<String>,
    /// `author` meta tag.
    author: Option<String>,
}

/// The state of the scan over a page's tokens.
#[derive(Debug)]
struct Scan {
    /// Open elements, innermost last, at most [`MAX_DEPTH`].
    stack: Vec<Open>,
    /// Start tags beyond [`MAX_DEPTH`] not yet closed.
    overflow: usize,
    /// The next element id; 0 is the document itself.
    next_id: u32,
    /// How many elements on the stack are dropped.
    dropped: usize,
    /// What raw text is being captured.
    capture: Capture,
    /// The `<title>` text.
    title: String,
    /// Whether a `<title>` was already read.
    title_done: bool,
    /// The JSON-LD script being captured.
    json_ld: String,
    /// The JSON-LD scripts read.
    json_ld_scripts: Vec<String>,
    /// Meta tags.
    meta: MetaTags,
    /// The block being collected.
    current: Option<Block>,
    /// The finished blocks.
    blocks: Vec<Block>,
    /// Whether blocks were dropped for exceeding [`MAX_BLOCKS`].
    truncated: bool,
    /// Whether the last tag was a `<br>` with only whitespace after it.
    after_break: bool,
    /// Elements that mark the article (`<article>`, `itemprop=articleBody`),
    /// by id; `true` for the stronger `articleBody` mark.
    landmarks: HashMap<u32, bool>,
}

impl Default for Scan {
    fn default() -> Scan {
        Scan {
            stack: Vec::new(),
            overflow: 0,
            next_id: 1,
            dropped: 0,
            capture: Capture::None,
            title: String::new(),
            title_done: false,
            json_ld: String::new(),
            json_ld_scripts: Vec::new(),
            meta: MetaTags::default(),
            current: None,
            blocks: Vec::new(),
            truncated: false,
            after_break: false,
            landmarks: HashMap::new(),
        }
    }
}

/// The value of an attribute, by local name.
fn attribute<'a>(attrs: &'a [Attribute], name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|attr| &*attr.name.local == name)
        .map(|attr| &*attr.value)
}

/// A non-empty trimmed string, owned.
fn non_empty(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

/// Whether an element's class, id or role marks it as boilerplate.
fn is_boilerplate(name: &str, attrs: &[Attribute]) -> bool {
    if DROPPED_TAGS.contains(&name) {
        return true;
    }
    // The document's frame is never dropped for a class: `<body class="has-ads">`
    // would otherwise lose the whole page.
    if matches!(name, "html" | "body" | "main" | "article") {
        return false;
    }
    if attribute(attrs, "hidden").is_some()
        || attribute(attrs, "aria-hidden").is_some_and(|v| v.eq_ignore_ascii_case("true"))
    {
        return true;
    }
    if attribute(attrs, "role")
        .is_some_and(|role| BOILERPLATE_ROLES.contains(&role.trim().to_ascii_lowercase().as_str()))
    {
        return true;
    }
    let names = [attribute(attrs, "class"), attribute(attrs, "id")];
    names.into_iter().flatten().any(|value| {
        value
            .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
            .filter(|word| !word.is_empty())
            .any(|word| {
                let word = word.to_ascii_lowercase();
                BOILERPLATE_WORDS.contains(&word.as_str())
                    || BOILERPLATE_PREFIXES
                        .iter()
                        .any(|prefix| word.starts_with(prefix))
            })
    })
}

impl Scan {
    /// Handles a start tag; returns the tokenizer state its content needs.
    fn start_tag(&mut self, tag: &Tag) -> TokenSinkResult<()> {
        let name: &str = &tag.name;
        self.read_metadata(name, &tag.attrs);
        let raw = match name {
            // `<head>` is dropped for text, but its title is the page's;
            // a `<title>` inside an SVG image is not.
            "title" if !self.title_done && !self.in_foreign_content() => {
                self.capture = Capture::Title;
                Some(RawKind::Rcdata)
            }
            "textarea" | "title" => Some(RawKind::Rcdata),
            "script" => {
                if attribute(&tag.attrs, "type")
                    .is_some_and(|kind| kind.to_ascii_lowercase().contains("ld+json"))
                {
                    self.capture = Capture::JsonLd;
                    self.json_ld.clear();
                }
                Some(RawKind::ScriptData)
            }
            "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
                Some(RawKind::Rawtext)
            }
            _ => None,
        };
        if name == "br" {
            // Two line breaks in a row end loose text: pages that lay out
            // paragraphs with `<br><br>` get one block per paragraph.
            if self.after_break
                && self
                    .current
                    .as_ref()
                    .is_some_and(|block| block.kind == BlockKind::Loose)
            {
                self.finish_block();
            }
            if let Some(block) = &mut self.current {
                block.pending_space = true;
            }
            self.after_break = true;
        } else {
            self.after_break = false;
        }
        if BLOCK_LEVEL_TAGS.contains(&name) {
            self.end_loose_block();
            // A new block inside an open paragraph ends the paragraph, as
            // the HTML parser would (`<p>One<p>Two`, `<p>Text<div>`).
            if self
                .current
                .as_ref()
                .is_some_and(|block| block.kind != BlockKind::Item || name == "li")
            {
                self.finish_block();
            }
        }
        if name == "plaintext" {
            // Everything after is text of an element we drop.
            self.push(tag, true);
            return TokenSinkResult::Plaintext;
        }
        if VOID_TAGS.contains(&name) || (tag.self_closing && raw.is_none()) {
            return TokenSinkResult::Continue;
        }
        let dropped = is_boilerplate(name, &tag.attrs);
        let pushed = self.push(tag, dropped);
        if let Some(id) = pushed {
            let kind = match name {
                "p" | "blockquote" | "pre" => Some(BlockKind::Paragraph),
                "h1" | "h2" | "h3" => Some(BlockKind::Heading),
                "li" => Some(BlockKind::Item),
                _ => None,
            };
            if let Some(kind) = kind
                && self.dropped == 0
            {
                self.start_block(kind, Some(id));
            }
        }
        match raw {
            Some(kind) => TokenSinkResult::RawData(kind),
            None => TokenSinkResult::Continue,
        }
    }

    /// Whether an `<svg>` or `<math>` element is open.
    fn in_foreign_content(&self) -> bool {
        self.stack
            .iter()
            .any(|open| matches!(&*open.name, "svg" | "math"))
    }

    /// Pushes an element on the stack; returns its id, or `None` beyond
    /// [`MAX_DEPTH`].
    fn push(&mut self, tag: &Tag, dropped: bool) -> Option<u32> {
        if self.stack.len() >= MAX_DEPTH {
            self.overflow += 1;
            return None;
        }
        let id = self.next_id;
        self.next_id = self.next_id.saturating_add(1);
        if self.landmarks.len() < MAX_LANDMARKS {
            let strong = attribute(&tag.attrs, "itemprop")
                .is_some_and(|prop| prop.eq_ignore_ascii_case("articleBody"));
            if strong || &*tag.name == "article" {
                self.landmarks.insert(id, strong);
            }
        }
        if dropped {
            self.dropped += 1;
        }
        self.stack.push(Open {
            name: tag.name.clone(),
            id,
            dropped,
        });
        Some(id)
    }

    /// Handles an end tag: pops up to the matching open element, if any.
    fn end_tag(&mut self, tag: &Tag) {
        let name: &str = &tag.name;
        match (name, self.capture) {
            ("title", Capture::Title) => {
                self.capture = Capture::None;
                self.title_done = true;
            }
            ("script", Capture::JsonLd) => {
                self.capture = Capture::None;
                self.json_ld_scripts.push(std::mem::take(&mut self.json_ld));
            }
            _ => {}
        }
        if BLOCK_LEVEL_TAGS.contains(&name) {
            self.end_loose_block();
        }
        if self.overflow > 0 {
            // Tags beyond the tracked depth are matched by count alone.
            self.overflow -= 1;
            return;
        }
        let Some(index) = self.stack.iter().rposition(|open| &*open.name == name) else {
            return;
        };
        // A block ends with its element, while the stack still holds its
        // ancestors.
        let owner = self.current.as_ref().and_then(|block| block.owner);
        let closes_block = self
            .stack
            .get(index..)
            .unwrap_or_default()
            .iter()
            .any(|open| Some(open.id) == owner);
        if closes_block {
            self.finish_block();
        }
        for open in self.stack.drain(index..) {
            if open.dropped {
                self.dropped = self.dropped.saturating_sub(1);
            }
        }
    }

    /// Handles text.
    fn text(&mut self, text: &str) {
        if !text.trim().is_empty() {
            self.after_break = false;
        }
        match self.capture {
            Capture::Title => {
                if self.title.len() < MAX_TITLE_BYTES {
                    self.title.push_str(text);
                }
                return;
            }
            Capture::JsonLd => {
                if self.json_ld.len() < MAX_JSON_LD_BYTES {
                    self.json_ld.push_str(text);
                }
                return;
            }
            Capture::None => {}
        }
        if self.dropped > 0 {
            return;
        }
        if self.current.is_none() {
            if text.trim().is_empty() {
                return;
            }
            self.start_block(BlockKind::Loose, None);
        }
        if let Some(block) = &mut self.current {
            block.push_text(text);
        }
    }

    /// Starts collecting a block (finishing the one in progress).
    fn start_block(&mut self, kind: BlockKind, owner: Option<u32>) {
        self.finish_block();
        self.current = Some(Block {
            text: String::new(),
            pending_space: false,
            kind,
            owner,
            depth: self.stack.len(),
            ancestors: Vec::new(),
        });
    }

    /// Ends loose text, which any block-level tag does.
    fn end_loose_block(&mut self) {
        if self
            .current
            .as_ref()
            .is_some_and(|block| block.kind == BlockKind::Loose)
        {
            self.finish_block();
        }
    }

    /// Keeps the block in progress, if it has text.
    fn finish_block(&mut self) {
        let Some(mut block) = self.current.take() else {
            return;
        };
        let long_enough = match block.kind {
            BlockKind::Loose => block.text.chars().count() >= MIN_LOOSE_TEXT_CHARS,
            _ => !block.text.is_empty(),
        };
        if !long_enough {
            return;
        }
        if self.blocks.len() >= MAX_BLOCKS {
            self.truncated = true;
            return;
        }
        block.ancestors = self
            .stack
            .iter()
            .take(block.depth)
            .map(|open| open.id)
            .filter(|id| Some(*id) != block.owner)
            .collect();
        self.blocks.push(block);
    }

    /// Reads `<meta>`, `<link rel=canonical>` and `<time datetime>`.
    fn read_metadata(&mut self, name: &str, attrs: &[Attribute]) {
        let meta = &mut self.meta;
        match name {
            "meta" => {
                let key = attribute(attrs, "property")
                    .or_else(|| attribute(attrs, "name"))
                    .or_else(|| attribute(attrs, "itemprop"))
                    .map(str::to_ascii_lowercase);
                let Some(content) = attribute(attrs, "content").and_then(non_empty) else {
                    return;
                };
                let slot = match key.as_deref() {
                    Some("og:title" | "twitter:title") => &mut meta.og_title,
                    Some("og:site_name") => &mut meta.site_name,
                    Some(
                        "article:published_time"
                        | "datepublished"
                        | "pubdate"
                        | "publishdate"
                        | "date"
                        | "dc.date"
                        | "dc.date.issued"
                        | "sailthru.date",
                    ) => &mut meta.published,
                    Some("og:url") => &mut meta.og_url,
                    Some("author" | "article:author") => &mut meta.author,
                    _ => return,
                };
                slot.get_or_insert(content);
            }
            "link" => {
                let canonical = attribute(attrs, "rel").is_some_and(|rel| {
                    rel.split_ascii_whitespace()
                        .any(|word| word.eq_ignore_ascii_case("canonical"))
                });
                if canonical && let Some(href) = attribute(attrs, "href").and_then(non_empty) {
                    meta.canonical.get_or_insert(href);
                }
            }
            "time" => {
                if let Some(stamp) = attribute(attrs, "datetime").and_then(non_empty) {
                    meta.time.get_or_insert(stamp);
                }
            }
            _ => {}
        }
    }

    /// The page once every token has been seen.
    fn into_page(mut self) -> Page {
        self.finish_block();
        let ld = self
            .json_ld_scripts
            .iter()
            .find_map(|script| json_ld_article(script))
            .unwrap_or_default();
        let site_name = self.meta.site_name.clone().or(ld.publisher);
        let title = ld
            .headline
            .or(self.meta.og_title.take())
            .or_else(|| {
                non_empty(&self.title).map(|title| strip_site_name(&title, site_name.as_deref()))
            })
            .or_else(|| {
                self.blocks
                    .iter()
                    .find(|block| block.kind == BlockKind::Heading)
                    .map(|block| block.text.clone())
            })
            .and_then(|title| clean_title(&title));
        let published = [ld.date_published, self.meta.published, self.meta.time]
            .into_iter()
            .flatten()
            .find_map(|raw| parse_date(&raw));
        let url = self.meta.canonical.or(self.meta.og_url).or(ld.url);
        let chosen = choose_container(&self.blocks, &self.landmarks);
        let mut paragraphs: Vec<String> = Vec::new();
        for block in self.blocks {
            let inside = chosen.is_none_or(|id| block.ancestors.contains(&id));
            if !inside {
                continue;
            }
            let repeats_title = block.kind == BlockKind::Heading
                && title
                    .as_deref()
                    .is_some_and(|title| title.eq_ignore_ascii_case(&block.text));
            if repeats_title || paragraphs.last() == Some(&block.text) {
                continue;
            }
            paragraphs.push(block.text);
        }
        // Some pages fill their text in with scripts and carry it only in
        // their JSON-LD.
        if paragraphs.is_empty()
            && let Some(text) = ld.body
        {
            paragraphs = text
                .split('\n')
                .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|line| !line.is_empty())
                .collect();
        }
        Page {
            title,
            paragraphs,
            published,
            url,
            outlet: site_name,
            author: ld.author.or(self.meta.author),
            truncated: self.truncated,
        }
    }
}

/// The element holding the main text: the `<article>` (or
/// `itemprop=articleBody`) with the most paragraph text when it holds a
/// third of the page's, else the element whose paragraphs (and, at half
/// weight, its children's) have the most text. `None` keeps everything.
fn choose_container(blocks: &[Block], landmarks: &HashMap<u32, bool>) -> Option<u32> {
    let total: usize = blocks.iter().map(|block| block.text.len()).sum();
    let mut landmark_text: HashMap<u32, (usize, bool)> = HashMap::new();
    let mut scores: HashMap<u32, usize> = HashMap::new();
    for block in blocks {
        let length = block.text.len();
        for id in &block.ancestors {
            if let Some(strong) = landmarks.get(id) {
                let entry = landmark_text.entry(*id).or_insert((0, *strong));
                entry.0 += length;
            }
        }
        let mut parents = block.ancestors.iter().rev();
        if let Some(parent) = parents.next() {
            *scores.entry(*parent).or_default() += length;
        }
        if let Some(grandparent) = parents.next() {
            *scores.entry(*grandparent).or_default() += length / 2;
        }
    }
    // The strongest mark first, then the most text, then the earliest element.
    let landmark = landmark_text
        .into_iter()
        .filter(|(_, (length, _))| length.saturating_mul(3) >= total)
        .max_by_key(|(id, (length, strong))| (*strong, *length, std::cmp::Reverse(*id)));
    if let Some((id, _)) = landmark {
        return Some(id);
    }
    scores
        .into_iter()
        .max_by_key(|(id, score)| (*score, std::cmp::Reverse(*id)))
        .map(|(id, _)| id)
}

/// Removes a trailing " | Outlet" (or " - Outlet", " — Outlet") naming the site.
fn strip_site_name(title: &str, site_name: Option<&str>) -> String {
    let Some(site) = site_name else {
        return title.to_owned();
    };
    for separator in [" | ", " - ", " \u{2014} ", " \u{2013} ", " :: "] {
        if let Some((head, tail)) = title.rsplit_once(separator)
            && tail.trim().eq_ignore_ascii_case(site.trim())
            && !head.trim().is_empty()
        {
            return head.trim().to_owned();
        }
    }
    title.to_owned()
}

/// Article fields from JSON-LD.
#[derive(Debug, Default)]
struct LdArticle {
    /// `headline` (or `name`).
    headline: Option<String>,
    /// `datePublished` (or `dateCreated`).
    date_published: Option<String>,
    /// `author`: names joined by ", ".
    author: Option<String>,
    /// `publisher.name`.
    publisher: Option<String>,
    /// `url` or `mainEntityOfPage`.
    url: Option<String>,
    /// `articleBody`: the text, when the page's markup holds none.
    body: Option<String>,
}

/// The `@type`s that describe a news article.
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
];

/// The first article object of a JSON-LD script: the top-level object, an
/// element of a top-level array, or an element of `@graph`.
fn json_ld_article(script: &str) -> Option<LdArticle> {
    let value: Value = serde_json::from_str(script.trim()).ok()?;
    // Iterates over a bounded worklist rather than recursing.
    let mut pending = vec![(&value, 0u8)];
    let mut visited = 0usize;
    while let Some((value, level)) = pending.pop() {
        visited += 1;
        if visited > 1000 {
            break;
        }
        match value {
            Value::Array(items) if level < 3 => {
                pending.extend(items.iter().rev().map(|item| (item, level + 1)));
            }
            Value::Object(map) => {
                if is_article_type(map.get("@type")) {
                    return Some(LdArticle {
                        headline: ld_string(map.get("headline"))
                            .or_else(|| ld_string(map.get("name"))),
                        date_published: ld_string(map.get("datePublished"))
                            .or_else(|| ld_string(map.get("dateCreated"))),
                        author: ld_names(map.get("author")),
                        publisher: ld_names(map.get("publisher")),
                        url: ld_string(map.get("url"))
                            .or_else(|| ld_names_of(map.get("mainEntityOfPage"), "@id")),
                        body: ld_string(map.get("articleBody")),
                    });
                }
                if let Some(graph) = map.get("@graph")
                    && level < 3
                {
                    pending.push((graph, level + 1));
                }
            }
            _ => {}
        }
    }
    None
}

/// Whether a JSON-LD `@type` (a string or an array of strings) is an article type.
fn is_article_type(value: Option<&Value>) -> bool {
    match value {
        Some(Value::String(kind)) => ARTICLE_TYPES.contains(&kind.as_str()),
        Some(Value::Array(kinds)) => kinds.iter().any(|kind| {
            kind.as_str()
                .is_some_and(|kind| ARTICLE_TYPES.contains(&kind))
        }),
        _ => false,
    }
}

/// A JSON-LD string value, trimmed and non-empty.
fn ld_string(value: Option<&Value>) -> Option<String> {
    value.and_then(Value::as_str).and_then(non_empty)
}

/// Names from a JSON-LD person or organisation: a string, an object with
/// `name`, or an array of these, joined by ", ".
fn ld_names(value: Option<&Value>) -> Option<String> {
    ld_names_of(value, "name")
}

/// Like [`ld_names`], reading `key` from objects.
fn ld_names_of(value: Option<&Value>, key: &str) -> Option<String> {
    let one = |value: &Value| match value {
        Value::String(text) => non_empty(text),
        Value::Object(map) => ld_string(map.get(key)),
        _ => None,
    };
    match value? {
        Value::Array(items) => {
            let names: Vec<String> = items.iter().filter_map(one).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        other => one(other),
    }
}

/// The token sink that drives a [`Scan`].
struct ScanSink {
    /// The scan; the tokenizer hands tokens over a shared reference.
    scan: RefCell<Scan>,
}

impl TokenSink for ScanSink {
    type Handle = ();

    fn process_token(&self, token: Token, _line_number: u64) -> TokenSinkResult<()> {
        let mut scan = self.scan.borrow_mut();
        match token {
            Token::TagToken(tag) => match tag.kind {
                TagKind::StartTag => return scan.start_tag(&tag),
                TagKind::EndTag => {
                    scan.after_break = false;
                    scan.end_tag(&tag);
                }
            },
            Token::CharacterTokens(text) => scan.text(&text),
            Token::EOFToken => scan.finish_block(),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use html5ever::{QualName, ns};

    fn attributes(pairs: &[(&str, &str)]) -> Vec<Attribute> {
        pairs
            .iter()
            .map(|(name, value)| Attribute {
                name: QualName::new(None, ns!(), LocalName::from(*name)),
                value: StrTendril::from_slice(value),
            })
            .collect()
    }

    /// An element's name and attributes.
    type Element<'a> = (&'a str, &'a [(&'a str, &'a str)]);

    #[test]
    fn boilerplate_by_tag_class_id_and_role() {
        let cases: &[(Element<'_>, bool)] = &[
            (("nav", &[]), true),
            (("figcaption", &[]), true),
            (("div", &[]), false),
            (("div", &[("class", "story-body")]), false),
            (("div", &[("class", "share-bar")]), true),
            (("div", &[("class", "socialLinks")]), true),
            (("div", &[("id", "newsletter_signup")]), true),
            (("div", &[("class", "ad-slot")]), true),
            (("div", &[("class", "header thread loaded")]), false),
            (("section", &[("class", "related-stories")]), true),
            (("div", &[("class", "cookie-consent")]), true),
            (("div", &[("role", "Navigation")]), true),
            (("div", &[("aria-hidden", "true")]), true),
            (("div", &[("class", "photo-caption")]), true),
            (("body", &[("class", "has-ads")]), false),
            (("article", &[("class", "comments-open")]), false),
        ];
        for ((name, attrs), expected) in cases {
            assert_eq!(
                is_boilerplate(name, &attributes(attrs)),
                *expected,
                "{name} {attrs:?}"
            );
        }
    }

    #[test]
    fn charset_declarations() {
        let cases: &[(&[u8], Option<&str>)] = &[
            (b"<meta charset=\"ISO-8859-1\">", Some("windows-1252")),
            (b"<META CHARSET=utf-8>", Some("UTF-8")),
            (
                b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">",
                Some("KOI8-R"),
            ),
            (b"<meta charset=\"utf-16le\">", Some("UTF-8")),
            (b"<meta charset=\"no-such-thing\">", None),
            (b"<p>charset</p>", None),
        ];
        for (page, expected) in cases {
            assert_eq!(
                meta_charset(page).map(Encoding::name),
                *expected,
                "{}",
                String::from_utf8_lossy(page)
            );
        }
    }

    #[test]
    fn site_names_are_cut_from_titles() {
        let cases = [
            (
                "Talks resume | Bay Times",
                Some("Bay Times"),
                "Talks resume",
            ),
            (
                "Talks resume - bay times",
                Some("Bay Times"),
                "Talks resume",
            ),
            (
                "Talks resume - Reuters",
                Some("Bay Times"),
                "Talks resume - Reuters",
            ),
            ("Bay Times", Some("Bay Times"), "Bay Times"),
            ("Talks resume | Bay Times", None, "Talks resume | Bay Times"),
        ];
        for (title, site, expected) in cases {
            assert_eq!(strip_site_name(title, site), expected, "{title}");
        }
    }
}
