//! Rendering results: aligned tables for people at a terminal, and JSON,
//! JSON lines or CSV for other programs.

use std::io::{self, IsTerminal, Write};

use anyhow::Result;
use clap::ValueEnum;
use demarche_core::Statement;
use demarche_store::StoredStatement;
use serde::Serialize;
use unicode_width::UnicodeWidthChar;

/// The output formats of the query commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned columns for reading (the default on a terminal).
    Table,
    /// One JSON array.
    Json,
    /// One JSON object per line (the default when piped).
    Jsonl,
    /// Comma-separated values with a header row.
    Csv,
}

impl Format {
    /// The chosen format, else `table` on a terminal and `jsonl` in a pipe.
    pub fn or_default(chosen: Option<Format>) -> Format {
        chosen.unwrap_or_else(|| {
            if io::stdout().is_terminal() {
                Format::Table
            } else {
                Format::Jsonl
            }
        })
    }
}

/// How to draw tables: the line width, whether escapes may colour them, and
/// whether statement text is shown whole.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// Whether standard output is a terminal.
    pub terminal: bool,
    /// Whether ANSI bold and underline may be used: on a terminal, unless
    /// `NO_COLOR` is set (<https://no-color.org>).
    pub color: bool,
    /// The line width to fit tables into.
    pub width: usize,
    /// Whether table rows show the whole statement text rather than at most
    /// [`MAX_TEXT_LINES`] lines of it.
    pub full: bool,
}

impl Style {
    /// The style of the current standard output.
    pub fn detect() -> Style {
        let terminal = io::stdout().is_terminal();
        let color = terminal && color_allowed(std::env::var_os("NO_COLOR").as_deref());
        let width = choose_width(stdout_columns(), std::env::var("COLUMNS").ok().as_deref());
        Style {
            terminal,
            color,
            width,
            full: false,
        }
    }

    /// The same style, showing whole statement texts when `full` is set.
    pub fn with_full_text(self, full: bool) -> Style {
        Style { full, ..self }
    }
}

/// Whether colour is allowed given the value of `NO_COLOR`: any non-empty
/// value turns it off.
pub fn color_allowed(no_color: Option<&std::ffi::OsStr>) -> bool {
    no_color.is_none_or(|value| value.is_empty())
}

/// The line width used when neither the terminal nor `$COLUMNS` gives one.
pub const DEFAULT_WIDTH: usize = 100;

/// The line width: the terminal's column count, else `$COLUMNS`, else
/// [`DEFAULT_WIDTH`].
fn choose_width(terminal_columns: Option<usize>, columns_variable: Option<&str>) -> usize {
    terminal_columns
        .filter(|&columns| columns > 0)
        .or_else(|| {
            columns_variable?
                .trim()
                .parse()
                .ok()
                .filter(|&columns: &usize| columns > 0)
        })
        .unwrap_or(DEFAULT_WIDTH)
}

/// The column count of the terminal on standard output, if it is one.
#[cfg(unix)]
fn stdout_columns() -> Option<usize> {
    // Asked directly rather than through terminal_size, which gives up when
    // the terminal reports zero rows even though it knows its columns.
    let size = rustix::termios::tcgetwinsize(io::stdout()).ok()?;
    (size.ws_col > 0).then_some(usize::from(size.ws_col))
}

/// The column count of the terminal on standard output, if it is one.
#[cfg(not(unix))]
fn stdout_columns() -> Option<usize> {
    terminal_size::terminal_size_of(io::stdout()).map(|(width, _)| usize::from(width.0))
}

/// The bold on/off sequences of ANSI terminals.
pub const BOLD: &str = "\x1b[1m";
/// Ends bold.
pub const RESET: &str = "\x1b[0m";

/// One statement to print, with its search score and snippet when it comes
/// from a search.
#[derive(Debug, Clone, Copy)]
pub struct Row<'a> {
    /// The stored statement and its article.
    pub stored: &'a StoredStatement,
    /// BM25 score, for search results.
    pub score: Option<f32>,
    /// Highlighted snippet (`<b>` around matches, HTML-escaped), for search results.
    pub snippet: Option<&'a str>,
}

impl<'a> Row<'a> {
    /// A row without search data.
    pub fn plain(stored: &'a StoredStatement) -> Row<'a> {
        Row {
            stored,
            score: None,
            snippet: None,
        }
    }
}

/// The JSON shape of a stored statement: the contract's statement fields
/// plus its id, its article and, for searches, score and snippet.
#[derive(Serialize)]
pub struct StatementJson<'a> {
    /// The statement id in the store.
    pub id: i64,
    /// The contract fields.
    #[serde(flatten)]
    pub statement: &'a Statement,
    /// Where the statement was found.
    pub article: ArticleJson<'a>,
    /// Search score.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<f32>,
    /// Search snippet.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub snippet: Option<&'a str>,
}

/// The article reference inside [`StatementJson`].
#[derive(Serialize)]
pub struct ArticleJson<'a> {
    /// Article id in the store.
    pub id: i64,
    /// Headline.
    pub title: Option<&'a str>,
    /// Publication date.
    pub published: Option<chrono::NaiveDate>,
    /// Path or URL it came from.
    pub source: &'a str,
}

impl<'a> StatementJson<'a> {
    /// The JSON view of a row.
    pub fn of(row: &Row<'a>) -> StatementJson<'a> {
        let stored = row.stored;
        StatementJson {
            id: stored.id,
            statement: &stored.statement,
            article: ArticleJson {
                id: stored.article.id,
                title: stored.article.title.as_deref(),
                published: stored.article.published,
                source: &stored.article.source,
            },
            score: row.score,
            snippet: row.snippet,
        }
    }
}

/// The CSV columns of statements.
const CSV_HEADER: [&str; 15] = [
    "id",
    "date",
    "speaker",
    "speaker_country",
    "title",
    "act",
    "kind",
    "text",
    "topics",
    "countries",
    "article_id",
    "article_title",
    "source",
    "score",
    "snippet",
];

enum Sink<W: Write> {
    Plain(W),
    Csv(Box<csv::Writer<W>>),
}

/// Writes statements in one format, in as many calls as the caller likes
/// (so exports can stream page by page), then closes the output.
pub struct StatementPrinter<W: Write> {
    format: Format,
    style: Style,
    with_score: bool,
    sink: Sink<W>,
    written: usize,
}

impl<W: Write> StatementPrinter<W> {
    /// A printer; `with_score` adds the score column to tables.
    pub fn new(out: W, format: Format, style: Style, with_score: bool) -> Result<Self> {
        let sink = if format == Format::Csv {
            let mut writer = csv::Writer::from_writer(out);
            writer.write_record(CSV_HEADER)?;
            Sink::Csv(Box::new(writer))
        } else {
            Sink::Plain(out)
        };
        Ok(StatementPrinter {
            format,
            style,
            with_score,
            sink,
            written: 0,
        })
    }

    /// Writes some rows.
    pub fn write_rows(&mut self, rows: &[Row<'_>]) -> Result<()> {
        match &mut self.sink {
            Sink::Csv(writer) => {
                for row in rows {
                    writer.write_record(csv_record(row))?;
                }
            }
            Sink::Plain(out) => match self.format {
                Format::Json => {
                    for row in rows {
                        out.write_all(if self.written == 0 { b"[\n" } else { b",\n" })?;
                        serde_json::to_writer(&mut *out, &StatementJson::of(row))?;
                        self.written += 1;
                    }
                    return Ok(());
                }
                Format::Jsonl | Format::Csv => {
                    for row in rows {
                        serde_json::to_writer(&mut *out, &StatementJson::of(row))?;
                        out.write_all(b"\n")?;
                    }
                }
                Format::Table if rows.is_empty() => {}
                Format::Table => {
                    write_statement_table(
                        out,
                        rows,
                        self.style,
                        self.with_score,
                        self.written == 0,
                    )?;
                }
            },
        }
        self.written += rows.len();
        Ok(())
    }

    /// Closes the JSON array, flushes, and says so on a terminal when
    /// nothing matched.
    pub fn finish(self) -> Result<usize> {
        match self.sink {
            Sink::Csv(mut writer) => writer.flush()?,
            Sink::Plain(mut out) => {
                if self.format == Format::Json {
                    out.write_all(if self.written == 0 { b"[]\n" } else { b"\n]\n" })?;
                }
                out.flush()?;
            }
        }
        if self.written == 0 && self.format == Format::Table {
            eprintln!("no matching statements");
        }
        Ok(self.written)
    }
}

fn csv_record(row: &Row<'_>) -> Vec<String> {
    let s = &row.stored.statement;
    vec![
        row.stored.id.to_string(),
        s.date.map(|d| d.to_string()).unwrap_or_default(),
        s.speaker.name.clone().unwrap_or_default(),
        s.speaker.country.clone().unwrap_or_default(),
        s.speaker.title.clone().unwrap_or_default(),
        s.act.to_string(),
        s.kind.to_string(),
        s.text.clone(),
        s.topics.join(";"),
        s.countries.join(";"),
        row.stored.article.id.to_string(),
        row.stored.article.title.clone().unwrap_or_default(),
        row.stored.article.source.clone(),
        row.score.map(|x| x.to_string()).unwrap_or_default(),
        row.snippet.map(str::to_owned).unwrap_or_default(),
    ]
}

/// The speaker as a table shows it: "Name (CC)".
pub fn speaker_label(statement: &Statement) -> String {
    let name = statement
        .speaker
        .name
        .as_deref()
        .unwrap_or("(unattributed)");
    match statement.speaker.country.as_deref() {
        Some(cc) => format!("{name} ({cc})"),
        None => name.to_owned(),
    }
}

/// Below this width statements are printed as stacked cards instead of a
/// table, because the metadata columns would leave too little room for text.
pub const CARD_LAYOUT_BELOW: usize = 80;

/// The most lines of statement text a row shows without `--full`.
pub const MAX_TEXT_LINES: usize = 4;

/// The narrowest the text column of a statement table gets; below it the
/// cards are used.
const MIN_TEXT_WIDTH: usize = 30;

/// The source column is only added when the text column keeps at least this
/// width, since quotes matter more than file names (`show` has the source).
const COMFORTABLE_TEXT_WIDTH: usize = 60;

/// Layout is computed for at least this width, so absurd terminal sizes
/// still give readable lines.
const MIN_LINE_WIDTH: usize = 20;

/// The widest speaker label in a table row.
const SPEAKER_WIDTH: usize = 26;

/// The widest source label in a table row.
const SOURCE_WIDTH: usize = 28;

/// One statement prepared for a table: its metadata cells, source and text.
struct TableRow {
    cells: Vec<String>,
    source: String,
    text: Vec<StyledChar>,
}

fn write_statement_table<W: Write>(
    out: &mut W,
    rows: &[Row<'_>],
    style: Style,
    with_score: bool,
    first: bool,
) -> io::Result<()> {
    let highlight = if style.color {
        Highlight::Bold
    } else {
        Highlight::Markers
    };
    let mut titles = vec!["ID"];
    if with_score {
        titles.push("SCORE");
    }
    titles.extend(["DATE", "SPEAKER", "ACT", "KIND"]);
    let table: Vec<TableRow> = rows
        .iter()
        .map(|row| {
            let s = &row.stored.statement;
            let mut cells = vec![row.stored.id.to_string()];
            if with_score {
                cells.push(row.score.map(|x| format!("{x:.2}")).unwrap_or_default());
            }
            let date = s.date.or(row.stored.article.published);
            cells.push(date.map(|d| d.to_string()).unwrap_or_default());
            cells.push(truncate(&speaker_label(s), SPEAKER_WIDTH));
            cells.push(s.act.to_string());
            cells.push(s.kind.to_string());
            TableRow {
                cells,
                source: row.stored.article.source.clone(),
                text: row_text(row, style.full).styled(highlight),
            }
        })
        .collect();
    let width = style.width.max(MIN_LINE_WIDTH);
    let mut widths: Vec<usize> = titles.iter().map(|t| display_width(t)).collect();
    for row in &table {
        for (column, cell) in widths.iter_mut().zip(&row.cells) {
            *column = (*column).max(display_width(cell));
        }
    }
    let used: usize = widths.iter().map(|w| w + 2).sum();
    if width < CARD_LAYOUT_BELOW || width.saturating_sub(used) < MIN_TEXT_WIDTH {
        return write_statement_cards(out, &table, style, with_score, first);
    }
    let source_width = table
        .iter()
        .map(|row| display_width(&source_label(&row.source, SOURCE_WIDTH)))
        .chain([display_width("SOURCE")])
        .max()
        .unwrap_or(0);
    let with_source = width.saturating_sub(used + source_width + 2) >= COMFORTABLE_TEXT_WIDTH;
    let indent = if with_source {
        used + source_width + 2
    } else {
        used
    };
    let text_width = width.saturating_sub(indent);
    let max_lines = (!style.full).then_some(MAX_TEXT_LINES);
    if first {
        let mut line = String::new();
        for (title, column) in titles.iter().zip(&widths) {
            pad(&mut line, title, column + 2);
        }
        if with_source {
            pad(&mut line, "SOURCE", source_width + 2);
        }
        line.push_str("TEXT");
        if style.color {
            writeln!(out, "{BOLD}{line}{RESET}")?;
        } else {
            writeln!(out, "{line}")?;
        }
    }
    for row in &table {
        let mut head = String::new();
        for (cell, column) in row.cells.iter().zip(&widths) {
            pad(&mut head, cell, column + 2);
        }
        if with_source {
            pad(
                &mut head,
                &source_label(&row.source, SOURCE_WIDTH),
                source_width + 2,
            );
        }
        let lines = limit_lines(wrap_styled(&row.text, text_width), max_lines, text_width);
        if lines.is_empty() {
            writeln!(out, "{}", head.trim_end())?;
        }
        for (number, line) in lines.iter().enumerate() {
            let text = render_styled(line);
            if number == 0 {
                writeln!(out, "{head}{text}")?;
            } else {
                writeln!(out, "{:indent$}{text}", "")?;
            }
        }
    }
    Ok(())
}

/// Writes statements as stacked cards for narrow terminals: a header line
/// with id, date, speaker and act, the text at the full width, the source.
fn write_statement_cards<W: Write>(
    out: &mut W,
    table: &[TableRow],
    style: Style,
    with_score: bool,
    first: bool,
) -> io::Result<()> {
    const INDENT: usize = 2;
    let width = style.width.max(MIN_LINE_WIDTH);
    let text_width = width - INDENT;
    let max_lines = (!style.full).then_some(MAX_TEXT_LINES);
    for (number, row) in table.iter().enumerate() {
        if !(first && number == 0) {
            writeln!(out)?;
        }
        // The cells are id, [score,] date, speaker, act, kind.
        let (score, rest) = if with_score {
            (row.cells.get(1), row.cells.get(2..).unwrap_or(&[]))
        } else {
            (None, row.cells.get(1..).unwrap_or(&[]))
        };
        let id = row.cells.first().map_or("", String::as_str);
        let mut header = format!("#{id}");
        if let [date, speaker, act, kind] = rest {
            for part in [date, speaker] {
                if !part.is_empty() {
                    header.push_str("  ");
                    header.push_str(part);
                }
            }
            header.push_str(&format!("  {act} ({kind})"));
        }
        if let Some(score) = score.filter(|s| !s.is_empty()) {
            header.push_str(&format!("  score {score}"));
        }
        if style.color {
            writeln!(out, "{BOLD}{header}{RESET}")?;
        } else {
            writeln!(out, "{header}")?;
        }
        for line in limit_lines(wrap_styled(&row.text, text_width), max_lines, text_width) {
            writeln!(out, "{:INDENT$}{}", "", render_styled(&line))?;
        }
        let source = source_label(&row.source, text_width.saturating_sub(8));
        writeln!(out, "{:INDENT$}source: {source}", "")?;
    }
    Ok(())
}

/// The text a table shows for a row: the search snippet, or with `full` the
/// whole statement with the snippet's matched words highlighted in it.
fn row_text(row: &Row<'_>, full: bool) -> Segments {
    let text = &row.stored.statement.text;
    match row.snippet {
        Some(snippet) if !snippet.is_empty() && full => {
            Segments::highlighting(text, &snippet_matches(snippet))
        }
        Some(snippet) if !snippet.is_empty() => Segments::from_snippet(snippet),
        _ => Segments::from_text(text),
    }
}

/// How highlighted words are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Highlight {
    /// In ANSI bold.
    Bold,
    /// Between «guillemets», for output without escapes.
    Markers,
}

/// A character of text to print, and whether it is in bold.
type StyledChar = (char, bool);

/// Text with highlighted parts, whitespace collapsed.
struct Segments(Vec<(String, bool)>);

impl Segments {
    fn from_text(text: &str) -> Segments {
        Segments(vec![(collapse_whitespace(text), false)])
    }

    /// Parses a snippet: `<b>...</b>` marks highlights, the rest is
    /// HTML-escaped text.
    fn from_snippet(snippet: &str) -> Segments {
        let mut segments = Vec::new();
        let mut rest = snippet;
        let mut bold = false;
        loop {
            let tag = if bold { "</b>" } else { "<b>" };
            match rest.find(tag) {
                Some(at) => {
                    let (piece, after) = rest.split_at(at);
                    segments.push((collapse_spaces(&decode_entities(piece)), bold));
                    rest = after.get(tag.len()..).unwrap_or("");
                    bold = !bold;
                }
                None => {
                    segments.push((collapse_spaces(&decode_entities(rest)), bold));
                    break;
                }
            }
        }
        segments.retain(|(text, _)| !text.is_empty());
        // A snippet starting or ending inside whitespace keeps no space there.
        if let Some((first, _)) = segments.first_mut() {
            *first = first.trim_start().to_owned();
        }
        if let Some((last, _)) = segments.last_mut() {
            *last = last.trim_end().to_owned();
        }
        Segments(segments)
    }

    /// The whole `text` with every whole-word occurrence of `words` highlighted.
    fn highlighting(text: &str, words: &[String]) -> Segments {
        let text = collapse_whitespace(text);
        let mut found: Vec<(usize, usize)> = Vec::new();
        for word in words {
            for (at, _) in text.match_indices(word.as_str()) {
                let end = at + word.len();
                let before = text.get(..at).and_then(|head| head.chars().next_back());
                let after = text.get(end..).and_then(|tail| tail.chars().next());
                if !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
                {
                    found.push((at, end));
                }
            }
        }
        found.sort_unstable();
        let mut segments = Vec::new();
        let mut done = 0;
        for (start, end) in found {
            // Overlapping matches (one word inside another) keep the first.
            if start < done {
                continue;
            }
            if let (Some(before), Some(inside)) = (text.get(done..start), text.get(start..end)) {
                segments.push((before.to_owned(), false));
                segments.push((inside.to_owned(), true));
                done = end;
            }
        }
        segments.push((text.get(done..).unwrap_or("").to_owned(), false));
        segments.retain(|(piece, _)| !piece.is_empty());
        Segments(segments)
    }

    /// The characters to print; control characters are dropped so stored
    /// text cannot send escape sequences to the terminal.
    fn styled(&self, highlight: Highlight) -> Vec<StyledChar> {
        let mut chars = Vec::new();
        for (text, bold) in &self.0 {
            let printable = text
                .chars()
                .filter(|c| !c.is_control() || c.is_whitespace());
            match (bold, highlight) {
                (true, Highlight::Markers) => {
                    chars.push(('«', false));
                    chars.extend(printable.map(|c| (c, false)));
                    chars.push(('»', false));
                }
                (bold, _) => chars.extend(printable.map(|c| (c, *bold))),
            }
        }
        chars
    }
}

/// The highlighted words of a snippet, decoded, each once.
fn snippet_matches(snippet: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for (text, bold) in Segments::from_snippet(snippet).0 {
        let word = text.trim();
        if bold && !word.is_empty() && !words.iter().any(|w| w == word) {
            words.push(word.to_owned());
        }
    }
    words
}

/// How many terminal columns a character takes (0 for combining marks).
fn char_width(c: char) -> usize {
    UnicodeWidthChar::width(c).unwrap_or(0)
}

/// How many terminal columns a string takes.
pub fn display_width(text: &str) -> usize {
    text.chars().map(char_width).sum()
}

fn styled_width(chars: &[StyledChar]) -> usize {
    chars.iter().map(|&(c, _)| char_width(c)).sum()
}

/// Wraps plain text into lines of at most `width` columns, breaking between
/// words; a word longer than a line is broken between characters.
pub fn wrap_text(text: &str, width: usize) -> Vec<String> {
    let chars: Vec<StyledChar> = text.chars().map(|c| (c, false)).collect();
    wrap_styled(&chars, width)
        .iter()
        .map(|line| line.iter().map(|&(c, _)| c).collect())
        .collect()
}

/// Wraps styled text into lines of at most `width` columns (see [`wrap_text`]).
fn wrap_styled(chars: &[StyledChar], width: usize) -> Vec<Vec<StyledChar>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line: Vec<StyledChar> = Vec::new();
    let mut line_width = 0;
    for word in chars
        .split(|&(c, _)| c.is_whitespace())
        .filter(|word| !word.is_empty())
    {
        let word_width = styled_width(word);
        let space = usize::from(!line.is_empty());
        if line_width + space + word_width <= width {
            if space == 1 {
                line.push((' ', false));
            }
            line.extend_from_slice(word);
            line_width += space + word_width;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            line_width = 0;
        }
        if word_width <= width {
            line.extend_from_slice(word);
            line_width = word_width;
            continue;
        }
        for &(c, bold) in word {
            let w = char_width(c);
            if line_width + w > width && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                line_width = 0;
            }
            line.push((c, bold));
            line_width += w;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Keeps at most `max_lines` lines, ending the last with " …" (within
/// `width`) when some were left out.
fn limit_lines(
    mut lines: Vec<Vec<StyledChar>>,
    max_lines: Option<usize>,
    width: usize,
) -> Vec<Vec<StyledChar>> {
    let Some(max_lines) = max_lines else {
        return lines;
    };
    let max_lines = max_lines.max(1);
    if lines.len() <= max_lines {
        return lines;
    }
    lines.truncate(max_lines);
    if let Some(last) = lines.last_mut() {
        if styled_width(last) + 2 > width {
            // Make room for the ellipsis by dropping whole words, or
            // characters when the line is a single word.
            let mut keep = 0;
            let mut word_end = None;
            let mut used = 0;
            for (at, &(c, _)) in last.iter().enumerate() {
                used += char_width(c);
                if used + 2 > width {
                    break;
                }
                keep = at + 1;
                if c.is_whitespace() {
                    word_end = Some(at);
                }
            }
            if last.get(keep).is_some_and(|&(c, _)| c.is_whitespace()) {
                word_end = Some(keep);
            }
            last.truncate(word_end.filter(|&end| end > 0).unwrap_or(keep));
        }
        while last.last().is_some_and(|&(c, _)| c.is_whitespace()) {
            last.pop();
        }
        if !last.is_empty() {
            last.push((' ', false));
        }
        last.push(('…', false));
    }
    lines
}

/// A line as the terminal should print it, bold parts between escapes.
fn render_styled(line: &[StyledChar]) -> String {
    let mut out = String::new();
    let mut bold = false;
    for &(c, in_bold) in line {
        if in_bold != bold {
            out.push_str(if in_bold { BOLD } else { RESET });
            bold = in_bold;
        }
        out.push(c);
    }
    if bold {
        out.push_str(RESET);
    }
    out
}

fn pad(line: &mut String, value: &str, width: usize) {
    line.push_str(value);
    for _ in display_width(value)..width {
        line.push(' ');
    }
}

/// Collapses runs of whitespace into one space, keeping one at either end
/// (snippet pieces are joined without separators).
fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(c);
            in_space = false;
        }
    }
    out
}

/// Collapses runs of whitespace (including line breaks) into one space.
pub fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Cuts `text` to at most `max` columns, ending with "…" when cut.
pub fn truncate(text: &str, max: usize) -> String {
    if display_width(text) <= max {
        return text.to_owned();
    }
    let mut cut = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = char_width(c);
        if used + w + 1 > max {
            break;
        }
        cut.push(c);
        used += w;
    }
    cut.push('…');
    cut
}

/// The end of a long source path, which is the part that tells files apart,
/// in at most `max` columns.
fn source_label(source: &str, max: usize) -> String {
    if display_width(source) <= max {
        return source.to_owned();
    }
    let mut tail = Vec::new();
    let mut used = 0;
    for c in source.chars().rev() {
        let w = char_width(c);
        if used + w + 1 > max {
            break;
        }
        tail.push(c);
        used += w;
    }
    std::iter::once('…').chain(tail.into_iter().rev()).collect()
}

/// Decodes the HTML entities of a snippet in one pass: `&quot;`, `&amp;`,
/// `&lt;`, `&gt;`, `&apos;`, `&nbsp;` and numeric ones like `&#39;` or
/// `&#x27;`. Anything else is left as written.
pub fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        let (before, from_amp) = rest.split_at(at);
        out.push_str(before);
        // Entity names are short; a `;` further away is not one of ours.
        let decoded = from_amp
            .get(1..)
            .and_then(|after| {
                after
                    .find(';')
                    .filter(|&end| end <= 10)
                    .map(|end| (after, end))
            })
            .and_then(|(after, end)| {
                let name = after.get(..end)?;
                Some((entity_char(name)?, end + 2))
            });
        match decoded {
            Some((c, consumed)) => {
                out.push(c);
                rest = from_amp.get(consumed..).unwrap_or("");
            }
            None => {
                out.push('&');
                rest = from_amp.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character an entity name (between `&` and `;`) stands for.
fn entity_char(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some('\u{a0}'),
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

/// Writes a simple table of string cells, numbers right-aligned.
pub fn write_simple_table<W: Write>(
    out: &mut W,
    titles: &[&str],
    rows: &[Vec<String>],
    style: Style,
) -> io::Result<()> {
    let mut widths: Vec<usize> = titles.iter().map(|t| display_width(t)).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max(display_width(cell));
            }
        }
    }
    let numeric: Vec<bool> = (0..titles.len())
        .map(|i| {
            !rows.is_empty()
                && rows
                    .iter()
                    .all(|r| r.get(i).is_some_and(|c| c.parse::<f64>().is_ok()))
        })
        .collect();
    let render = |cells: &[String]| {
        let mut line = String::new();
        for (i, cell) in cells.iter().enumerate() {
            let width = widths.get(i).copied().unwrap_or(0);
            let fill = width.saturating_sub(display_width(cell));
            if numeric.get(i).copied().unwrap_or(false) {
                line.push_str(&" ".repeat(fill));
                line.push_str(cell);
            } else {
                line.push_str(cell);
                line.push_str(&" ".repeat(fill));
            }
            line.push_str("  ");
        }
        line.trim_end().to_owned()
    };
    let header: Vec<String> = titles.iter().map(|t| (*t).to_owned()).collect();
    let head = render(&header);
    if style.color {
        writeln!(out, "{BOLD}{head}{RESET}")?;
    } else {
        writeln!(out, "{head}")?;
    }
    for row in rows {
        writeln!(out, "{}", render(row))?;
    }
    Ok(())
}

/// Writes records (for facet listings) in any format: `records` are JSON
/// objects whose keys are `titles` in lowercase.
pub fn write_records<W: Write>(
    out: &mut W,
    format: Format,
    style: Style,
    titles: &[&str],
    records: &[serde_json::Value],
    cells: &[Vec<String>],
) -> Result<()> {
    match format {
        Format::Table => write_simple_table(out, titles, cells, style)?,
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, records)?;
            out.write_all(b"\n")?;
        }
        Format::Jsonl => {
            for record in records {
                serde_json::to_writer(&mut *out, record)?;
                out.write_all(b"\n")?;
            }
        }
        Format::Csv => {
            let mut writer = csv::Writer::from_writer(&mut *out);
            writer.write_record(titles.iter().map(|t| t.to_lowercase()))?;
            for row in cells {
                writer.write_record(row)?;
            }
            writer.flush()?;
        }
    }
    out.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use demarche_core::{Act, Content, Kind, Span, Speaker};
    use demarche_store::ArticleRef;

    fn stored(id: i64, text: &str) -> StoredStatement {
        StoredStatement {
            id,
            speaker_id: None,
            statement: Statement {
                kind: Kind::Direct,
                text: text.to_owned(),
                content: Content::from_span(Span::of(text, 0, text.len()).unwrap()),
                cue: None,
                speaker: Speaker {
                    name: Some("Ana Ilic".into()),
                    country: Some("RS".into()),
                    ..Speaker::unattributed()
                },
                addressee: None,
                via: None,
                act: Act::Statement,
                topics: Vec::new(),
                countries: Vec::new(),
                date: chrono::NaiveDate::from_ymd_opt(2024, 5, 2),
                confidence: 0.5,
            },
            article: ArticleRef {
                id: 1,
                title: None,
                published: None,
                source: "news/2024-05-02-belgrade-talks.txt".into(),
            },
        }
    }

    fn style(width: usize, color: bool, full: bool) -> Style {
        Style {
            terminal: color,
            color,
            width,
            full,
        }
    }

    fn table(rows: &[Row<'_>], style: Style, with_score: bool) -> String {
        let mut out = Vec::new();
        write_statement_table(&mut out, rows, style, with_score, true).unwrap();
        String::from_utf8(out).unwrap()
    }

    const LONG: &str = "We will keep talking to our neighbours about the river, the \
        dam and the fishing quotas, because a region that shares water has to share \
        decisions too, and nobody gains when delegations walk out of the room before \
        the experts have finished their work on the numbers for next season.";

    #[test]
    fn wrapping_breaks_between_words_within_the_width() {
        let check = |text: &str, width: usize, expected: &[&str]| {
            assert_eq!(wrap_text(text, width), expected, "{text:?} in {width}");
        };
        check("one two three four", 9, &["one two", "three", "four"]);
        check("  spaced\n\nout \t words ", 20, &["spaced out words"]);
        check("", 10, &[]);
        check("exactly ten", 11, &["exactly ten"]);
        // Words longer than the line are broken between characters.
        check("abcdefghij", 4, &["abcd", "efgh", "ij"]);
        check("a verylongword b", 5, &["a", "veryl", "ongwo", "rd b"]);
        // Wide characters take two columns and are never split.
        check(
            "日本と中国は合意した",
            6,
            &["日本と", "中国は", "合意し", "た"],
        );
        check(
            "日本と中国は合意した",
            5,
            &["日本", "と中", "国は", "合意", "した"],
        );
        // A combining accent takes no column of its own.
        check(
            "cafe\u{301} cafe\u{301}",
            5,
            &["cafe\u{301}", "cafe\u{301}"],
        );
        check("«Non» — dit-il", 6, &["«Non»", "—", "dit-il"]);
    }

    #[test]
    fn wrapped_lines_never_exceed_the_width() {
        let text = format!("{LONG} 東京と北京の対話は続く。 Zürich–Genève «accord» {LONG}");
        for width in 1..60 {
            let lines = wrap_text(&text, width);
            for line in &lines {
                assert!(display_width(line) <= width.max(2), "{line:?} in {width}");
            }
            let rejoined: String = lines.concat().split_whitespace().collect();
            let original: String = text.split_whitespace().collect();
            assert_eq!(rejoined, original, "nothing lost at width {width}");
        }
    }

    #[test]
    fn long_texts_stop_after_the_line_limit_with_an_ellipsis() {
        let chars = Segments::from_text(LONG).styled(Highlight::Markers);
        let lines = limit_lines(wrap_styled(&chars, 30), Some(4), 30);
        assert_eq!(lines.len(), 4);
        let last = render_styled(lines.last().unwrap());
        assert!(last.ends_with(" …"), "{last}");
        // What is kept is whole words from the start of the text.
        let shown: Vec<String> = lines.iter().map(|l| render_styled(l)).collect();
        let shown = shown.join(" ");
        let shown = shown.trim_end_matches(" …");
        let text = collapse_whitespace(LONG);
        assert!(text.starts_with(shown), "{shown}");
        assert_eq!(text.get(shown.len()..shown.len() + 1), Some(" "), "{shown}");
        assert!(lines.iter().all(|l| styled_width(l) <= 30));
        let all = limit_lines(wrap_styled(&chars, 30), None, 30);
        assert!(all.len() > 4);
        let full_lines = Segments::from_text("aaaa bbbb cccc dddd").styled(Highlight::Markers);
        let lines = limit_lines(wrap_styled(&full_lines, 9), Some(1), 9);
        assert_eq!(render_styled(&lines[0]), "aaaa …");
        let one_word = Segments::from_text("abcdefghijkl mn").styled(Highlight::Markers);
        let lines = limit_lines(wrap_styled(&one_word, 6), Some(1), 6);
        assert_eq!(render_styled(&lines[0]), "abcd …");
        let short = Segments::from_text("Short.").styled(Highlight::Markers);
        let lines = limit_lines(wrap_styled(&short, 30), Some(4), 30);
        assert_eq!(render_styled(&lines[0]), "Short.");
    }

    #[test]
    fn entities_are_decoded_once() {
        let check = |html: &str, expected: &str| {
            assert_eq!(decode_entities(html), expected, "{html}");
        };
        check("&quot;fair&quot; trade", "\"fair\" trade");
        check("Tom &amp; Jerry", "Tom & Jerry");
        check("&lt;b&gt; is not bold", "<b> is not bold");
        check("it&#39;s, it&#x27;s, it&apos;s", "it's, it's, it's");
        check("&amp;quot; stays escaped once", "&quot; stays escaped once");
        check("AT&T & co", "AT&T & co");
        check(
            "&unknown; &#xZZ; &#1114112; &",
            "&unknown; &#xZZ; &#1114112; &",
        );
        check("caf&#233; &#x4E2D;", "café 中");
    }

    #[test]
    fn no_color_turns_escapes_off_and_markers_on() {
        assert!(color_allowed(None));
        assert!(color_allowed(Some("".as_ref())));
        assert!(!color_allowed(Some("1".as_ref())));
        let segments =
            Segments::from_snippet(" Japan &amp;\n <b>China</b> agreed &quot;now&quot; ");
        let bold = render_styled(&segments.styled(Highlight::Bold));
        assert_eq!(bold, format!("Japan & {BOLD}China{RESET} agreed \"now\""));
        let marked = render_styled(&segments.styled(Highlight::Markers));
        assert_eq!(marked, "Japan & «China» agreed \"now\"");
    }

    #[test]
    fn widths_come_from_the_terminal_then_columns_then_a_default() {
        assert_eq!(choose_width(Some(120), Some("90")), 120);
        assert_eq!(choose_width(None, Some("90")), 90);
        assert_eq!(choose_width(Some(0), Some(" 90 ")), 90);
        assert_eq!(choose_width(None, Some("wide")), DEFAULT_WIDTH);
        assert_eq!(choose_width(None, None), DEFAULT_WIDTH);
    }

    #[test]
    fn table_rows_wrap_the_text_under_its_column() {
        let statement = stored(7, LONG);
        let rows = [Row::plain(&statement)];
        let output = table(&rows, style(120, false, false), false);
        let lines: Vec<&str> = output.lines().collect();
        assert!(lines[0].starts_with("ID"), "{output}");
        assert!(lines[0].ends_with("TEXT"), "{output}");
        let text_column = lines[0].find("TEXT").unwrap();
        assert!(lines[1].starts_with("7  "), "{output}");
        assert!(lines[1].contains("Ana Ilic (RS)"), "{output}");
        assert_eq!(lines.len(), 1 + MAX_TEXT_LINES, "{output}");
        for line in &lines[2..] {
            assert_eq!(line.find(|c: char| c != ' '), Some(text_column), "{output}");
        }
        assert!(lines.iter().all(|l| display_width(l) <= 120), "{output}");
        assert!(output.trim_end().ends_with('…'), "{output}");
        assert!(!output.contains("SOURCE"), "text keeps the room: {output}");

        let full = table(&rows, style(120, false, true), false);
        let words: String = full
            .lines()
            .skip(1)
            .map(|l| l.get(text_column..).unwrap_or(""))
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(collapse_whitespace(&words), collapse_whitespace(LONG));

        let wide = table(&rows, style(200, true, false), false);
        assert!(wide.contains("SOURCE"), "{wide}");
        assert!(wide.starts_with(BOLD), "{wide}");
    }

    #[test]
    fn narrow_terminals_get_cards() {
        let first = stored(7, LONG);
        let second = stored(8, "Short and sweet.");
        let rows = [
            Row {
                stored: &first,
                score: Some(2.5),
                snippet: Some("the <b>river</b>, the &quot;dam&quot;"),
            },
            Row {
                stored: &second,
                score: Some(1.0),
                snippet: None,
            },
        ];
        let output = table(&rows, style(60, false, false), true);
        let expected = "\
#7  2024-05-02  Ana Ilic (RS)  statement (direct)  score 2.50
  the «river», the \"dam\"
  source: news/2024-05-02-belgrade-talks.txt

#8  2024-05-02  Ana Ilic (RS)  statement (direct)  score 1.00
  Short and sweet.
  source: news/2024-05-02-belgrade-talks.txt
";
        assert_eq!(output, expected);
    }

    #[test]
    fn full_search_results_highlight_the_matched_words_in_the_whole_text() {
        let words = snippet_matches("&quot;<b>China</b> and <b>China</b>&#x27;s <b>trade</b>");
        assert_eq!(words, ["China", "trade"]);
        let segments = Segments::highlighting("China, Chinese trade and\nChina's traders", &words);
        assert_eq!(
            render_styled(&segments.styled(Highlight::Markers)),
            "«China», Chinese «trade» and «China»'s traders"
        );
    }

    #[test]
    fn control_characters_never_reach_the_terminal() {
        let chars = Segments::from_text("bad\x1b[31m red").styled(Highlight::Bold);
        assert_eq!(render_styled(&chars), "bad[31m red");
    }

    #[test]
    fn cutting_counts_columns_and_keeps_characters_whole() {
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("abc", 4), "abc");
        assert_eq!(truncate("日本語の話者", 5), "日本…");
        assert_eq!(source_label("a/b/c/article.txt", 12), "…article.txt");
        assert_eq!(source_label("short.txt", 12), "short.txt");
        assert_eq!(source_label("ニュース/記事.txt", 9), "…記事.txt");
    }

    #[test]
    fn simple_tables_align_numbers_right() {
        let mut out = Vec::new();
        let rows = vec![
            vec!["JP".to_owned(), "7".to_owned()],
            vec!["CN".to_owned(), "12".to_owned()],
        ];
        write_simple_table(
            &mut out,
            &["COUNTRY", "COUNT"],
            &rows,
            style(80, false, false),
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "COUNTRY  COUNT\nJP           7\nCN          12\n"
        );
    }
}
