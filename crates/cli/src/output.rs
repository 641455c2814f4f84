//! Rendering results: aligned tables for people at a terminal, and JSON,
//! JSON lines or CSV for other programs.

use std::io::{self, IsTerminal, Write};

use anyhow::Result;
use clap::ValueEnum;
use demarche_core::Statement;
use demarche_store::StoredStatement;
use serde::Serialize;

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

/// How to draw tables: with bold and the terminal's width, or plainly.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// Whether standard output is a terminal (bold highlights allowed).
    pub terminal: bool,
    /// The line width to fit tables into.
    pub width: usize,
}

impl Style {
    /// The style of the current standard output.
    pub fn detect() -> Style {
        let terminal = io::stdout().is_terminal();
        let width = terminal_size::terminal_size()
            .map(|(w, _)| usize::from(w.0))
            .or_else(|| std::env::var("COLUMNS").ok()?.parse().ok())
            .filter(|&w| w >= 40)
            .unwrap_or(100);
        Style { terminal, width }
    }
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
        row.snippet.map(snippet_plain).unwrap_or_default(),
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

fn write_statement_table<W: Write>(
    out: &mut W,
    rows: &[Row<'_>],
    style: Style,
    with_score: bool,
    header: bool,
) -> io::Result<()> {
    let mut cells: Vec<Vec<Cell>> = Vec::with_capacity(rows.len() + 1);
    let mut titles = vec!["ID"];
    if with_score {
        titles.push("SCORE");
    }
    titles.extend(["DATE", "SPEAKER", "ACT", "KIND", "SOURCE", "TEXT"]);
    for row in rows {
        let s = &row.stored.statement;
        let mut line = vec![Cell::plain(row.stored.id.to_string())];
        if with_score {
            line.push(Cell::plain(
                row.score.map(|x| format!("{x:.2}")).unwrap_or_default(),
            ));
        }
        let date = s.date.or(row.stored.article.published);
        line.push(Cell::plain(date.map(|d| d.to_string()).unwrap_or_default()));
        line.push(Cell::plain(truncate(&speaker_label(s), 26)));
        line.push(Cell::plain(s.act.to_string()));
        line.push(Cell::plain(s.kind.to_string()));
        line.push(Cell::plain(source_label(&row.stored.article.source, 28)));
        let text = match row.snippet {
            Some(snippet) if !snippet.is_empty() => Segments::from_snippet(snippet),
            _ => Segments::from_text(&s.text),
        };
        line.push(Cell::Rich(text));
        cells.push(line);
    }
    let mut widths = column_widths(&titles, &cells);
    // The text column takes what the other columns leave of the line; on a
    // narrow line the source column gives way (`show` has it in full).
    let source_column = titles.len() - 2;
    let mut used: usize = widths.iter().take(titles.len() - 1).map(|w| w + 2).sum();
    if style.width.saturating_sub(used) < MIN_TEXT_WIDTH {
        used -= widths.get(source_column).copied().unwrap_or(0) + 2;
        titles.remove(source_column);
        widths.remove(source_column);
        for line in &mut cells {
            if source_column < line.len() {
                line.remove(source_column);
            }
        }
    }
    let columns = titles.len();
    let text_width = style.width.saturating_sub(used).max(MIN_TEXT_WIDTH);
    if header {
        let mut line = String::new();
        for (i, title) in titles.iter().enumerate() {
            if i + 1 == columns {
                line.push_str(title);
            } else {
                pad(&mut line, title, widths.get(i).copied().unwrap_or(0) + 2);
            }
        }
        if style.terminal {
            writeln!(out, "{BOLD}{line}{RESET}")?;
        } else {
            writeln!(out, "{line}")?;
        }
    }
    for line in cells {
        let mut text = String::new();
        for (i, cell) in line.into_iter().enumerate() {
            match cell {
                Cell::Plain(value) => {
                    pad(&mut text, &value, widths.get(i).copied().unwrap_or(0) + 2)
                }
                Cell::Rich(segments) => text.push_str(&segments.render(text_width, style.terminal)),
            }
        }
        writeln!(out, "{}", text.trim_end())?;
    }
    Ok(())
}

/// The narrowest the text column of a statement table gets.
const MIN_TEXT_WIDTH: usize = 30;

/// The widest cell of every column but the last (which is cut to fit).
fn column_widths(titles: &[&str], cells: &[Vec<Cell>]) -> Vec<usize> {
    let mut widths: Vec<usize> = titles.iter().map(|t| t.chars().count()).collect();
    for line in cells {
        for (i, cell) in line.iter().enumerate().take(titles.len() - 1) {
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max(cell.width());
            }
        }
    }
    widths
}

enum Cell {
    Plain(String),
    Rich(Segments),
}

impl Cell {
    fn plain(value: String) -> Cell {
        Cell::Plain(value)
    }

    fn width(&self) -> usize {
        match self {
            Cell::Plain(v) => v.chars().count(),
            Cell::Rich(s) => s.width(),
        }
    }
}

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
                    segments.push((collapse_spaces(&unescape_html(piece)), bold));
                    rest = after.get(tag.len()..).unwrap_or("");
                    bold = !bold;
                }
                None => {
                    segments.push((collapse_spaces(&unescape_html(rest)), bold));
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

    fn width(&self) -> usize {
        self.0.iter().map(|(t, _)| t.chars().count()).sum()
    }

    /// Renders within `width` characters, ending with "…" when cut.
    fn render(&self, width: usize, terminal: bool) -> String {
        let mut out = String::new();
        let mut left = width;
        let total = self.width();
        for (text, bold) in &self.0 {
            if left == 0 {
                break;
            }
            let count = text.chars().count();
            let piece: String = if total > width && count >= left {
                let mut cut: String = text.chars().take(left.saturating_sub(1)).collect();
                cut.push('…');
                cut
            } else {
                text.clone()
            };
            left = left.saturating_sub(count.min(left));
            if *bold && terminal {
                out.push_str(BOLD);
                out.push_str(&piece);
                out.push_str(RESET);
            } else {
                out.push_str(&piece);
            }
        }
        out
    }
}

fn pad(line: &mut String, value: &str, width: usize) {
    line.push_str(value);
    for _ in value.chars().count()..width {
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

/// Cuts `text` to at most `max` characters, ending with "…" when cut.
pub fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

/// The end of a long source path, which is the part that tells files apart.
fn source_label(source: &str, max: usize) -> String {
    let count = source.chars().count();
    if count <= max {
        return source.to_owned();
    }
    let tail: String = source.chars().skip(count - (max - 1)).collect();
    format!("…{tail}")
}

/// A snippet without its highlight tags, HTML entities decoded.
pub fn snippet_plain(snippet: &str) -> String {
    unescape_html(&snippet.replace("<b>", "").replace("</b>", ""))
}

fn unescape_html(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
}

/// Writes a simple table of string cells, numbers right-aligned.
pub fn write_simple_table<W: Write>(
    out: &mut W,
    titles: &[&str],
    rows: &[Vec<String>],
    style: Style,
) -> io::Result<()> {
    let mut widths: Vec<usize> = titles.iter().map(|t| t.chars().count()).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max(cell.chars().count());
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
            let fill = width.saturating_sub(cell.chars().count());
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
    if style.terminal {
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

    #[test]
    fn snippets_render_bold_only_on_terminals() {
        let segments = Segments::from_snippet(" Japan &amp;\n <b>China</b> agreed ");
        assert_eq!(segments.render(100, false), "Japan & China agreed");
        assert_eq!(
            segments.render(100, true),
            format!("Japan & {BOLD}China{RESET} agreed")
        );
    }

    #[test]
    fn long_text_is_cut_with_an_ellipsis() {
        let segments = Segments::from_text("one two\nthree four");
        assert_eq!(segments.render(9, false), "one two …");
        assert_eq!(segments.render(18, false), "one two three four");
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("abc", 4), "abc");
    }

    #[test]
    fn long_sources_keep_their_end() {
        assert_eq!(source_label("a/b/c/article.txt", 12), "…article.txt");
        assert_eq!(source_label("short.txt", 12), "short.txt");
    }

    #[test]
    fn simple_tables_align_numbers_right() {
        let mut out = Vec::new();
        let rows = vec![
            vec!["JP".to_owned(), "7".to_owned()],
            vec!["CN".to_owned(), "12".to_owned()],
        ];
        let style = Style {
            terminal: false,
            width: 80,
        };
        write_simple_table(&mut out, &["COUNTRY", "COUNT"], &rows, style).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "COUNTRY  COUNT\nJP           7\nCN          12\n"
        );
    }
}
