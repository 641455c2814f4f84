//! `demarche show`: one statement with every field and the paragraph(s) of
//! its article it was found in, the quoted words highlighted on a terminal.

use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, anyhow};
use clap::ValueEnum;
use demarche_store::{StoredArticle, StoredStatement};
use serde::Serialize;

use crate::database;
use crate::failure::NotFound;
use crate::output::{BOLD, RESET, Row, StatementJson, Style, wrap_text};

/// The output formats of `show`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    /// Fields and context for reading (the default on a terminal).
    Table,
    /// One JSON object with a `context` field (the default when piped).
    Json,
}

/// Arguments of `demarche show`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Show the statement with this id.
    #[arg(value_name = "ID")]
    pub id: i64,
    /// Print in this format.
    #[arg(long, value_enum)]
    pub format: Option<ShowFormat>,
}

/// The article text around a statement.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Context {
    /// Byte offset of the context in the article body.
    pub start: usize,
    /// End of the context.
    pub end: usize,
    /// The body text there.
    pub text: String,
}

#[derive(Serialize)]
struct ShowJson<'a> {
    #[serde(flatten)]
    statement: StatementJson<'a>,
    context: &'a Context,
}

const UNDERLINE: &str = "\x1b[4m";

/// Runs the command.
pub fn run(db: &Path, args: &Args) -> Result<ExitCode> {
    let store = database::open_existing_store(db)?;
    let stored = store
        .statement(args.id)?
        .ok_or_else(|| NotFound(format!("no statement with id {}", args.id)))?;
    let article = store
        .article(stored.article.id)?
        .ok_or_else(|| anyhow!("statement {} refers to a missing article", stored.id))?;
    let context = context_of(&stored, &article.body);
    let style = Style::detect();
    let format = args.format.unwrap_or(if style.terminal {
        ShowFormat::Table
    } else {
        ShowFormat::Json
    });
    let mut out = BufWriter::new(io::stdout().lock());
    match format {
        ShowFormat::Json => {
            let json = ShowJson {
                statement: StatementJson::of(&Row::plain(&stored)),
                context: &context,
            };
            serde_json::to_writer_pretty(&mut out, &json)?;
            out.write_all(b"\n")?;
        }
        ShowFormat::Table => write_details(&mut out, &stored, &article, &context, style)?,
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The lines around everything the statement points at (content, cue,
/// speaker mention), so the reader sees the words and who said them.
pub fn context_of(stored: &StoredStatement, body: &str) -> Context {
    let s = &stored.statement;
    let mut start = s.content.start;
    let mut end = s.content.end;
    for span in s.cue.iter().chain(s.speaker.mention.iter()) {
        start = start.min(span.start);
        end = end.max(span.end);
    }
    let end = end.min(body.len());
    let start = start.min(end);
    let bytes = body.as_bytes();
    let line_start = bytes
        .get(..start)
        .and_then(|head| head.iter().rposition(|&b| b == b'\n'))
        .map_or(0, |i| i + 1);
    let line_end = bytes
        .get(end..)
        .and_then(|tail| tail.iter().position(|&b| b == b'\n'))
        .map_or(body.len(), |i| end + i);
    // Newlines are ASCII, so both ends fall on character boundaries.
    let text = body.get(line_start..line_end).unwrap_or("").to_owned();
    Context {
        start: line_start,
        end: line_end,
        text,
    }
}

/// How `show` marks the statement in its context.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marking {
    /// Content in bold, speaker mention underlined.
    Escapes,
    /// Content between «guillemets», for terminals without colour.
    Guillemets,
}

/// The context with the content and the speaker mention marked.
fn highlighted(stored: &StoredStatement, context: &Context, marking: Marking) -> String {
    let s = &stored.statement;
    let (open, close) = match marking {
        Marking::Escapes => (BOLD, RESET),
        Marking::Guillemets => ("«", "»"),
    };
    let mut marks: Vec<(usize, usize, &str, &str)> = Vec::new();
    match &s.content.parts {
        Some(parts) if !parts.is_empty() => {
            marks.extend(parts.iter().map(|p| (p.start, p.end, open, close)));
        }
        _ => marks.push((s.content.start, s.content.end, open, close)),
    }
    if let (Some(mention), Marking::Escapes) = (&s.speaker.mention, marking) {
        marks.push((mention.start, mention.end, UNDERLINE, RESET));
    }
    marks.sort_unstable();
    let mut out = String::new();
    let mut at = context.start;
    for (start, end, open, close) in marks {
        if start < at || end > context.end {
            continue;
        }
        let (Some(before), Some(inside)) = (
            context_slice(context, at, start),
            context_slice(context, start, end),
        ) else {
            continue;
        };
        out.push_str(before);
        out.push_str(open);
        out.push_str(inside);
        out.push_str(close);
        at = end;
    }
    out.push_str(context_slice(context, at, context.end).unwrap_or(""));
    out
}

fn context_slice(context: &Context, start: usize, end: usize) -> Option<&str> {
    context
        .text
        .get(start.checked_sub(context.start)?..end.checked_sub(context.start)?)
}

fn write_details<W: Write>(
    out: &mut W,
    stored: &StoredStatement,
    article: &StoredArticle,
    context: &Context,
    style: Style,
) -> io::Result<()> {
    let s = &stored.statement;
    let speaker = &s.speaker;
    let dash = String::from("-");
    let opt = |v: Option<&String>| v.cloned().unwrap_or_else(|| dash.clone());
    let mut fields: Vec<(&str, String)> = vec![
        ("kind", s.kind.to_string()),
        ("act", s.act.to_string()),
        ("speaker", opt(speaker.name.as_ref())),
        ("speaker kind", speaker.kind.to_string()),
        ("title", opt(speaker.title.as_ref())),
        ("organization", opt(speaker.organization.as_ref())),
        ("country", opt(speaker.country.as_ref())),
        (
            "mention",
            speaker.mention.as_ref().map_or(dash.clone(), |m| {
                format!("{:?} at {}..{}", m.text, m.start, m.end)
            }),
        ),
        (
            "cue",
            s.cue.as_ref().map_or(dash.clone(), |c| {
                format!("{:?} at {}..{}", c.text, c.start, c.end)
            }),
        ),
        (
            "addressee",
            s.addressee.as_ref().map_or(dash.clone(), |a| {
                match (a.name.as_deref(), a.country.as_deref()) {
                    (Some(n), Some(c)) => format!("{n} ({c})"),
                    (Some(n), None) => n.to_owned(),
                    (None, Some(c)) => c.to_owned(),
                    (None, None) => dash.clone(),
                }
            }),
        ),
        ("via", opt(s.via.as_ref())),
        ("topics", join_or_dash(&s.topics)),
        ("countries", join_or_dash(&s.countries)),
        ("date", s.date.map_or(dash.clone(), |d| d.to_string())),
        ("confidence", format!("{:.2}", s.confidence)),
        ("content", format!("{}..{}", s.content.start, s.content.end)),
        (
            "article",
            format!(
                "{} {}",
                article.id,
                article.meta.title.as_deref().unwrap_or("")
            ),
        ),
        (
            "published",
            article
                .meta
                .published
                .map_or(dash.clone(), |d| d.to_string()),
        ),
        ("source", article.meta.source.clone()),
    ];
    if let Some(url) = &article.meta.url {
        fields.push(("url", url.clone()));
    }
    let heading = format!("statement {}", stored.id);
    if style.color {
        writeln!(out, "{BOLD}{heading}{RESET}")?;
    } else {
        writeln!(out, "{heading}")?;
    }
    for (name, value) in fields {
        writeln!(out, "  {name:<13} {}", value.trim_end())?;
    }
    writeln!(out)?;
    if style.terminal {
        // The text is wrapped under itself so a long quote reads as a block.
        let lines = wrap_text(&s.text, style.width.saturating_sub(6).max(20));
        for (number, line) in lines.iter().enumerate() {
            let label = if number == 0 { "text:" } else { "" };
            writeln!(out, "{label:<5} {line}")?;
        }
    } else {
        writeln!(out, "text: {}", s.text)?;
    }
    writeln!(out)?;
    if style.color {
        writeln!(out, "{}", highlighted(stored, context, Marking::Escapes))?;
    } else if style.terminal {
        writeln!(out, "{}", highlighted(stored, context, Marking::Guillemets))?;
    } else {
        writeln!(out, "{}", context.text)?;
    }
    Ok(())
}

fn join_or_dash(values: &[String]) -> String {
    if values.is_empty() {
        "-".to_owned()
    } else {
        values.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use demarche_core::{Act, Content, Kind, Span, Speaker, Statement};
    use demarche_store::ArticleRef;

    const BODY: &str =
        "Title line\n\nFirst paragraph.\n\u{201c}We will return,\u{201d} Ilic said.\n\nLast one.\n";

    fn stored(body: &str, content: &str, mention: &str) -> StoredStatement {
        let start = body.find(content).unwrap();
        let mention_start = body.find(mention).unwrap();
        StoredStatement {
            id: 7,
            speaker_id: None,
            statement: Statement {
                kind: Kind::Direct,
                text: content.to_owned(),
                content: Content::from_span(Span::of(body, start, start + content.len()).unwrap()),
                cue: None,
                speaker: Speaker {
                    mention: Span::of(body, mention_start, mention_start + mention.len()),
                    ..Speaker::unattributed()
                },
                addressee: None,
                via: None,
                act: Act::Statement,
                topics: Vec::new(),
                countries: Vec::new(),
                date: None,
                confidence: 0.5,
            },
            article: ArticleRef {
                id: 1,
                title: None,
                published: None,
                source: "x.txt".into(),
            },
        }
    }

    #[test]
    fn context_is_the_lines_around_content_and_speaker() {
        let s = stored(BODY, "We will return,", "Ilic");
        let context = context_of(&s, BODY);
        assert_eq!(context.text, "\u{201c}We will return,\u{201d} Ilic said.");
        assert_eq!(
            BODY.get(context.start..context.end),
            Some(context.text.as_str())
        );
    }

    #[test]
    fn highlighting_marks_content_and_mention() {
        let s = stored(BODY, "We will return,", "Ilic");
        let context = context_of(&s, BODY);
        assert_eq!(
            highlighted(&s, &context, Marking::Escapes),
            format!("\u{201c}{BOLD}We will return,{RESET}\u{201d} {UNDERLINE}Ilic{RESET} said.")
        );
    }

    #[test]
    fn offsets_beyond_the_body_give_an_empty_context_not_a_panic() {
        let s = stored(BODY, "Last one.", "Ilic");
        let context = context_of(&s, "short");
        assert!(context.text.len() <= "short".len());
        let _ = highlighted(&s, &context, Marking::Guillemets);
    }
}
