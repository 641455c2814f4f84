//! Tokens, paragraphs, quotation regions and sentences of one article, all
//! with byte offsets into the body. Built in one pass per article.

use super::Diagnostic;

/// The family a quotation mark belongs to; a region closes only with a mark
/// of its own family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Family {
    /// “ ” „ and straight double quotes.
    Double,
    /// « ».
    Guillemet,
    /// Two apostrophes `''`, as in plain-text newspaper archives.
    DoubleApostrophe,
    /// ‘ ’ and straight single quotes.
    Single,
}

/// Which way a quotation mark can face.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Facing {
    /// Only opens (“ „ « ‘).
    Open,
    /// Only closes (” » ’).
    Close,
    /// Either ("  '' ').
    Either,
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokKind {
    /// Letters (and digits), possibly with inner apostrophes or dots.
    Word,
    /// A number such as `3.5` or `1,000`.
    Number,
    /// The possessive ending `'s` / `’s`.
    Possessive,
    /// A quotation mark.
    Quote(Family, Facing),
    /// Any other single non-space character.
    Punct,
    /// One or more line breaks: a paragraph boundary.
    Break,
}

/// One token.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Token {
    /// Byte offset of its first byte.
    pub start: usize,
    /// Byte offset one past its last byte.
    pub end: usize,
    /// What it is.
    pub kind: TokKind,
    /// Starts with an upper-case letter.
    pub cap: bool,
    /// Range of its lowercase form in [`Doc::lower`].
    pub lower: (u32, u32),
}

/// A quotation: the marks and the text between them, inside one paragraph.
#[derive(Debug, Clone, Copy)]
pub(crate) struct QuoteRegion {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark; `None` when the paragraph ended first.
    pub close: Option<usize>,
    /// The quotation continues a quotation left open in the previous paragraph.
    pub continues: bool,
    /// The quotation is left open and the next paragraph reopens it.
    pub continued: bool,
}

/// A sentence: a token range inside one paragraph.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Sentence {
    /// First token index.
    pub start: usize,
    /// One past the last token index.
    pub end: usize,
    /// Index of its paragraph.
    pub para: usize,
}

/// The analysed article.
#[derive(Debug)]
pub(crate) struct Doc<'a> {
    /// The body.
    pub body: &'a str,
    /// Tokens in order.
    pub tokens: Vec<Token>,
    /// Lowercase forms of all tokens, concatenated.
    pub lower: String,
    /// Paragraphs as token ranges (Break tokens excluded).
    pub paragraphs: Vec<(usize, usize)>,
    /// Quotation regions in order.
    pub quotes: Vec<QuoteRegion>,
    /// For each token, the index of the quotation region it lies in (marks included).
    pub in_quote: Vec<Option<u32>>,
    /// Sentences in order.
    pub sentences: Vec<Sentence>,
    /// For each token, its sentence index.
    pub sentence_of: Vec<u32>,
}

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt", "st", "jr",
    "sr", "no", "vs", "etc", "inc", "corp", "co", "ltd", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "prof", "rev", "adm", "maj", "cmdr", "mt", "ft",
    "ave", "pres", "supt", "det", "insp", "gens", "reps", "sens", "messrs", "atty", "lieut", "cpl",
    "pvt", "hon", "fig", "approx", "dept", "est", "op", "ed", "vol",
];

/// Words that, after an abbreviation with dots ("U.S."), start a new sentence.
const SENTENCE_STARTERS: &[&str] = &[
    "the",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "but",
    "and",
    "in",
    "on",
    "this",
    "that",
    "a",
    "an",
    "there",
    "his",
    "her",
    "their",
    "its",
    "as",
    "if",
    "when",
    "after",
    "while",
    "yet",
    "so",
    "for",
    "meanwhile",
    "however",
    "still",
    "some",
    "many",
    "officials",
];

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

impl<'a> Doc<'a> {
    /// Analyses `body`, pushing remarks on broken quotations to `diagnostics`.
    pub fn new(body: &'a str, diagnostics: &mut Vec<Diagnostic>) -> Doc<'a> {
        let mut doc = Doc {
            body,
            tokens: Vec::with_capacity(body.len() / 5 + 8),
            lower: String::with_capacity(body.len()),
            paragraphs: Vec::new(),
            quotes: Vec::new(),
            in_quote: Vec::new(),
            sentences: Vec::new(),
            sentence_of: Vec::new(),
        };
        doc.tokenize();
        doc.split_paragraphs();
        doc.find_quotes(diagnostics);
        doc.split_sentences();
        doc
    }

    /// The text of token `i` (empty when out of range).
    pub fn text(&self, i: usize) -> &'a str {
        self.tokens
            .get(i)
            .and_then(|t| self.body.get(t.start..t.end))
            .unwrap_or("")
    }

    /// The lowercase text of token `i` (curly apostrophes made straight).
    pub fn low(&self, i: usize) -> &str {
        self.tokens
            .get(i)
            .and_then(|t| self.lower.get(t.lower.0 as usize..t.lower.1 as usize))
            .unwrap_or("")
    }

    /// Token `i`.
    pub fn tok(&self, i: usize) -> Option<&Token> {
        self.tokens.get(i)
    }

    /// Whether token `i` is a word (or number).
    pub fn is_word(&self, i: usize) -> bool {
        matches!(
            self.tokens.get(i).map(|t| t.kind),
            Some(TokKind::Word | TokKind::Number)
        )
    }

    /// Whether token `i` is a capitalised word.
    pub fn is_cap(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokKind::Word && t.cap)
    }

    /// Whether token `i` is the punctuation character `c`.
    pub fn is_punct(&self, i: usize, c: &str) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokKind::Punct && self.text(i) == c)
    }

    /// Whether token `i` is a quotation mark.
    pub fn is_quote(&self, i: usize) -> bool {
        matches!(self.tokens.get(i).map(|t| t.kind), Some(TokKind::Quote(..)))
    }

    /// The quotation region token `i` lies in.
    pub fn quote_of(&self, i: usize) -> Option<usize> {
        self.in_quote.get(i).copied().flatten().map(|q| q as usize)
    }

    /// The body text between two byte offsets (empty when invalid).
    pub fn slice(&self, start: usize, end: usize) -> &'a str {
        self.body.get(start..end).unwrap_or("")
    }

    fn push(&mut self, start: usize, end: usize, kind: TokKind) {
        let text = self.body.get(start..end).unwrap_or("");
        let cap = text.chars().next().is_some_and(char::is_uppercase);
        let ls = self.lower.len() as u32;
        if matches!(kind, TokKind::Word | TokKind::Possessive | TokKind::Number) {
            for c in text.chars() {
                if c == '’' {
                    self.lower.push('\'');
                } else if c.is_ascii() {
                    self.lower.push(c.to_ascii_lowercase());
                } else {
                    self.lower.extend(c.to_lowercase());
                }
            }
        }
        let le = self.lower.len() as u32;
        self.tokens.push(Token {
            start,
            end,
            kind,
            cap,
            lower: (ls, le),
        });
    }

    fn tokenize(&mut self) {
        let body = self.body;
        let bytes = body.as_bytes();
        let mut chars = body.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c.is_whitespace() {
                let mut has_break = c == '\n' || c == '\u{2029}';
                let mut end = i + c.len_utf8();
                while let Some(&(j, d)) = chars.peek() {
                    if !d.is_whitespace() {
                        break;
                    }
                    has_break |= d == '\n' || d == '\u{2029}';
                    end = j + d.len_utf8();
                    chars.next();
                }
                if has_break {
                    self.push(i, end, TokKind::Break);
                }
                continue;
            }
            if is_word_char(c) {
                let numeric = c.is_ascii_digit();
                let mut end = i + c.len_utf8();
                while let Some(&(j, d)) = chars.peek() {
                    if is_word_char(d) {
                        end = j + d.len_utf8();
                        chars.next();
                        continue;
                    }
                    // Look at the character after `d` to decide whether `d` is inner.
                    let after = body.get(j + d.len_utf8()..).and_then(|s| s.chars().next());
                    let inner_next = after.is_some_and(is_word_char);
                    if (d == '\'' || d == '’') && inner_next {
                        // A possessive 's ends the word; other apostrophes are inner.
                        let rest = body.get(j + d.len_utf8()..).unwrap_or("");
                        let mut rc = rest.chars();
                        let s_then_end = matches!(rc.next(), Some('s' | 'S'))
                            && !rc.next().is_some_and(is_word_char);
                        if s_then_end {
                            break;
                        }
                        end = j + d.len_utf8();
                        chars.next();
                        continue;
                    }
                    if numeric
                        && (d == '.' || d == ',')
                        && after.is_some_and(|a| a.is_ascii_digit())
                    {
                        end = j + 1;
                        chars.next();
                        continue;
                    }
                    // Dotted abbreviations such as "U.S." or "U.N.": single letters and dots.
                    if d == '.' && !numeric {
                        let word = body.get(i..end).unwrap_or("");
                        let segment_len = word.rsplit('.').next().map_or(0, |s| s.chars().count());
                        if segment_len == 1 && after.is_some_and(|a| a.is_alphabetic()) {
                            let after2 = body.get(j + 1..).and_then(|s| s.chars().nth(1));
                            if after2 == Some('.') {
                                end = j + 1;
                                chars.next();
                                continue;
                            }
                        }
                        if segment_len == 1 && word.contains('.') {
                            // The final dot of "U.S." belongs to the word.
                            end = j + 1;
                            chars.next();
                        }
                    }
                    break;
                }
                let kind = if numeric {
                    TokKind::Number
                } else {
                    TokKind::Word
                };
                self.push(i, end, kind);
                continue;
            }
            let end = i + c.len_utf8();
            match c {
                '\'' | '’' => {
                    // Possessive 's right after a word.
                    let prev_word = self.tokens.last().is_some_and(|t| {
                        t.end == i && matches!(t.kind, TokKind::Word | TokKind::Number)
                    });
                    let rest = body.get(end..).unwrap_or("");
                    let mut rc = rest.chars();
                    let s_then_end = matches!(rc.next(), Some('s' | 'S'))
                        && !rc.next().is_some_and(is_word_char);
                    if prev_word && s_then_end {
                        chars.next();
                        self.push(i, end + 1, TokKind::Possessive);
                        continue;
                    }
                    // "the teachers' union", "Gates' work": after a plural in
                    // -s and before a lower-case word, an apostrophe is a
                    // possessive, unless a single quotation is open in the
                    // paragraph ("called them ‘losers’ and left").
                    let plural_before = self.tokens.last().is_some_and(|t| {
                        t.end == i
                            && t.kind == TokKind::Word
                            && body
                                .get(t.start..t.end)
                                .is_some_and(|w| w.ends_with(['s', 'S']))
                    });
                    let lower_after = rest.starts_with(' ')
                        && rest[1..].chars().next().is_some_and(|n| n.is_lowercase());
                    if plural_before && lower_after && !self.single_open_in_paragraph() {
                        self.push(i, end, TokKind::Possessive);
                        continue;
                    }
                    // `,'''` closes a single quotation, then the double one:
                    // the first apostrophe is the single quote.
                    let closing_three = c == '\''
                        && bytes.get(end..end + 2) == Some(b"''".as_slice())
                        && i > 0
                        && bytes.get(i - 1).is_some_and(|b| !b.is_ascii_whitespace());
                    if c == '\'' && bytes.get(end) == Some(&b'\'') && !closing_three {
                        chars.next();
                        self.push(
                            i,
                            end + 1,
                            TokKind::Quote(Family::DoubleApostrophe, Facing::Either),
                        );
                        continue;
                    }
                    let facing = if c == '’' {
                        Facing::Close
                    } else {
                        Facing::Either
                    };
                    self.push(i, end, TokKind::Quote(Family::Single, facing));
                }
                '`' if bytes.get(end) == Some(&b'`') => {
                    chars.next();
                    self.push(
                        i,
                        end + 1,
                        TokKind::Quote(Family::DoubleApostrophe, Facing::Open),
                    );
                }
                '"' | '＂' => self.push(i, end, TokKind::Quote(Family::Double, Facing::Either)),
                '“' | '„' => self.push(i, end, TokKind::Quote(Family::Double, Facing::Open)),
                '”' => self.push(i, end, TokKind::Quote(Family::Double, Facing::Close)),
                '‘' => self.push(i, end, TokKind::Quote(Family::Single, Facing::Open)),
                '«' => self.push(i, end, TokKind::Quote(Family::Guillemet, Facing::Open)),
                '»' => self.push(i, end, TokKind::Quote(Family::Guillemet, Facing::Close)),
                // "--" and "---" stand for a dash in plain-text copy.
                '-' if bytes.get(end) == Some(&b'-') => {
                    let mut e = end;
                    while bytes.get(e) == Some(&b'-') {
                        e += 1;
                        chars.next();
                    }
                    self.push(i, e, TokKind::Punct);
                }
                _ => self.push(i, end, TokKind::Punct),
            }
        }
    }

    /// Whether a single quotation mark that may open a quotation stands
    /// in the current paragraph with no mark after it that may close it.
    fn single_open_in_paragraph(&self) -> bool {
        for (k, t) in self.tokens.iter().enumerate().rev() {
            match t.kind {
                TokKind::Break => return false,
                TokKind::Quote(Family::Single, Facing::Open) => return true,
                TokKind::Quote(Family::Single, Facing::Close) => return false,
                TokKind::Quote(Family::Single, Facing::Either) => {
                    // A straight mark after a space opens; glued to a word it closes.
                    let glued = k
                        .checked_sub(1)
                        .and_then(|p| self.tokens.get(p))
                        .is_some_and(|p| p.end == t.start && p.kind != TokKind::Break);
                    return !glued;
                }
                _ => {}
            }
        }
        false
    }

    fn split_paragraphs(&mut self) {
        let mut start = 0;
        for (i, t) in self.tokens.iter().enumerate() {
            if t.kind == TokKind::Break {
                if i > start {
                    self.paragraphs.push((start, i));
                }
                start = i + 1;
            }
        }
        if self.tokens.len() > start {
            self.paragraphs.push((start, self.tokens.len()));
        }
    }

    /// Whether a single-quote token at `i` can open a quotation: it follows
    /// a space or an opening punctuation and precedes a letter.
    fn single_can_open(&self, i: usize, para_start: usize) -> bool {
        let Some(t) = self.tokens.get(i) else {
            return false;
        };
        let before_ok = i == para_start
            || self.tokens.get(i - 1).is_some_and(|p| {
                p.end < t.start || matches!(p.kind, TokKind::Quote(..)) || self.text(i - 1) == "("
            });
        let after_ok = self
            .tokens
            .get(i + 1)
            .is_some_and(|n| n.start == t.end && matches!(n.kind, TokKind::Word | TokKind::Number));
        before_ok && after_ok
    }

    fn single_can_close(&self, i: usize) -> bool {
        let Some(t) = self.tokens.get(i) else {
            return false;
        };
        let prev_attached = i > 0 && self.tokens.get(i - 1).is_some_and(|p| p.end == t.start);
        let next_word_attached = self
            .tokens
            .get(i + 1)
            .is_some_and(|n| n.start == t.end && n.kind == TokKind::Word);
        prev_attached && !next_word_attached
    }

    /// Whether an opening-only mark at `i` is used as a closing one: it is
    /// glued to a word or punctuation before it and not to a word after it.
    fn misfaced_close(&self, i: usize) -> bool {
        let Some(t) = self.tokens.get(i) else {
            return false;
        };
        let glued_before = i > 0
            && self.tokens.get(i - 1).is_some_and(|p| {
                p.end == t.start && !matches!(p.kind, TokKind::Quote(..) | TokKind::Break)
            });
        let glued_after_word = self
            .tokens
            .get(i + 1)
            .is_some_and(|n| n.start == t.end && matches!(n.kind, TokKind::Word | TokKind::Number));
        glued_before && !glued_after_word
    }

    /// A closing ” typed where an opening one belongs (”Mr. Lee …” at the
    /// start of a paragraph): not glued to anything before it, glued to the
    /// word after it.
    fn misfaced_open(&self, i: usize, ps: usize) -> bool {
        let Some(t) = self.tokens.get(i) else {
            return false;
        };
        let free_before = i == ps || self.tokens.get(i - 1).is_none_or(|p| p.end < t.start);
        let glued_after_word = self
            .tokens
            .get(i + 1)
            .is_some_and(|n| n.start == t.end && matches!(n.kind, TokKind::Word | TokKind::Number));
        free_before && glued_after_word
    }

    fn find_quotes(&mut self, diagnostics: &mut Vec<Diagnostic>) {
        let mut carried_open = false;
        let paragraphs = self.paragraphs.clone();
        for (pi, &(ps, pe)) in paragraphs.iter().enumerate() {
            let mut open: Option<(usize, Family)> = None;
            let mut first_in_para = true;
            let mut continues_now = false;
            for i in ps..pe {
                let Some(t) = self.tokens.get(i).copied() else {
                    break;
                };
                let TokKind::Quote(family, facing) = t.kind else {
                    continue;
                };
                match open {
                    None => {
                        let opens = match family {
                            Family::Single => {
                                facing != Facing::Close && self.single_can_open(i, ps)
                            }
                            Family::Double if facing == Facing::Close => self.misfaced_open(i, ps),
                            _ => facing != Facing::Close,
                        };
                        if opens {
                            continues_now = first_in_para && carried_open && i == ps;
                            open = Some((i, family));
                        } else if family != Family::Single {
                            diagnostics.push(Diagnostic {
                                offset: t.start,
                                message: "closing quotation mark without an opening one".into(),
                            });
                        }
                    }
                    Some((oi, of)) => {
                        if of != family {
                            continue;
                        }
                        let closes = match family {
                            Family::Single => facing != Facing::Open && self.single_can_close(i),
                            // An opening “ typed where a closing one belongs
                            // (“…here,“ said Lee): glued to the word before
                            // it and not to a word after it.
                            Family::Double if facing == Facing::Open => self.misfaced_close(i),
                            _ => facing != Facing::Open,
                        };
                        if closes {
                            self.quotes.push(QuoteRegion {
                                open: oi,
                                close: Some(i),
                                continues: continues_now,
                                continued: false,
                            });
                            continues_now = false;
                            open = None;
                        } else if facing == Facing::Open && family != Family::Single {
                            // A second opening mark: the first was never closed.
                            diagnostics.push(Diagnostic {
                                offset: self.tokens.get(oi).map_or(0, |o| o.start),
                                message: "quotation mark reopened before it was closed".into(),
                            });
                            open = Some((i, family));
                            continues_now = false;
                        }
                    }
                }
                first_in_para = false;
            }
            carried_open = false;
            if let Some((oi, family)) = open {
                let next_reopens = paragraphs.get(pi + 1).is_some_and(|&(ns, _)| {
                    self.tokens.get(ns).is_some_and(|n| {
                        matches!(n.kind, TokKind::Quote(f, fc) if f == family && fc != Facing::Close)
                    })
                });
                if family == Family::Single && !next_reopens {
                    // An apostrophe, most likely; not a quotation.
                    continue;
                }
                if !next_reopens {
                    diagnostics.push(Diagnostic {
                        offset: self.tokens.get(oi).map_or(0, |o| o.start),
                        message: "quotation mark not closed by the end of the paragraph".into(),
                    });
                }
                self.quotes.push(QuoteRegion {
                    open: oi,
                    close: None,
                    continues: continues_now,
                    continued: next_reopens,
                });
                carried_open = next_reopens;
            }
        }
        self.in_quote = vec![None; self.tokens.len()];
        let para_end_of = |tok: usize| {
            paragraphs
                .iter()
                .find(|&&(s, e)| s <= tok && tok < e)
                .map_or(tok + 1, |&(_, e)| e)
        };
        for (qi, q) in self.quotes.iter().enumerate() {
            let last = match q.close {
                Some(c) => c + 1,
                None => para_end_of(q.open),
            };
            for slot in self.in_quote.iter_mut().take(last).skip(q.open) {
                *slot = Some(qi as u32);
            }
        }
    }

    fn is_abbreviation_before(&self, dot: usize) -> bool {
        if dot == 0 {
            return false;
        }
        let prev = dot - 1;
        let Some(p) = self.tokens.get(prev) else {
            return false;
        };
        let Some(d) = self.tokens.get(dot) else {
            return false;
        };
        if p.end != d.start || p.kind != TokKind::Word {
            return false;
        }
        let low = self.low(prev);
        if ABBREVIATIONS.contains(&low) {
            return true;
        }
        // A single capital letter: an initial ("John F. Kennedy").
        let text = self.text(prev);
        text.chars().count() == 1 && p.cap
    }

    fn split_sentences(&mut self) {
        let paragraphs = self.paragraphs.clone();
        self.sentence_of = vec![0; self.tokens.len()];
        for (pi, &(ps, pe)) in paragraphs.iter().enumerate() {
            let mut start = ps;
            let mut i = ps;
            while i < pe {
                let mut boundary = false;
                let kind = self.tokens.get(i).map(|t| t.kind);
                let txt = self.text(i);
                let in_q = self.quote_of(i);
                let terminal = matches!(txt, "." | "?" | "!" | "…")
                    && kind == Some(TokKind::Punct)
                    && in_q.is_none();
                let closing_after_terminal = matches!(kind, Some(TokKind::Quote(..)))
                    && in_q
                        .and_then(|q| self.quotes.get(q))
                        .is_some_and(|q| q.close == Some(i))
                    && i > 0
                    && matches!(self.text(i - 1), "." | "?" | "!" | "…");
                let dotted_word =
                    kind == Some(TokKind::Word) && txt.ends_with('.') && in_q.is_none();
                // "(“…,” he said.) Others …": a parenthesis closed after a
                // full stop ends the sentence.
                let paren_after_terminal = txt == ")"
                    && kind == Some(TokKind::Punct)
                    && in_q.is_none()
                    && i > 0
                    && matches!(self.text(i - 1), "." | "?" | "!");
                if terminal || closing_after_terminal || dotted_word || paren_after_terminal {
                    let next = i + 1;
                    if next >= pe {
                        boundary = false; // the paragraph ends anyway
                    } else {
                        let nt = self.tokens.get(next);
                        let starts_upper = nt.is_some_and(|n| {
                            (n.kind == TokKind::Word && n.cap)
                                || n.kind == TokKind::Number
                                || matches!(n.kind, TokKind::Quote(_, f) if f != Facing::Close)
                                || self.text(next) == "("
                        });
                        if starts_upper {
                            boundary = if dotted_word {
                                SENTENCE_STARTERS.contains(&self.low(next))
                            } else if terminal && txt == "." {
                                !self.is_abbreviation_before(i)
                            } else if closing_after_terminal {
                                // “... .” followed by an opening mark or a capital.
                                true
                            } else {
                                true
                            };
                        }
                    }
                }
                if boundary {
                    self.sentences.push(Sentence {
                        start,
                        end: i + 1,
                        para: pi,
                    });
                    start = i + 1;
                }
                i += 1;
            }
            if start < pe {
                self.sentences.push(Sentence {
                    start,
                    end: pe,
                    para: pi,
                });
            }
        }
        for (si, s) in self.sentences.iter().enumerate() {
            for slot in self.sentence_of.iter_mut().take(s.end).skip(s.start) {
                *slot = si as u32;
            }
        }
    }
}
