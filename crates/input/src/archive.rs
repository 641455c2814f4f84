//! Archives and compressed files (`.tar`, `.tar.gz`, `.tgz`, `.zip`,
//! `.gz`): members are streamed to the reader of their own format and
//! labelled `archive!member`. Nothing is ever written to disk, so a member
//! named `../../etc/passwd` is only a label.
//!
//! Archives are read one level into another (a `.tar.gz` inside a `.zip`);
//! deeper ones are skipped. Every decompressed byte is charged to a
//! [`Budget`] of `max_total_bytes` per top-level file, and single-article
//! members are capped at `max_member_bytes` by their readers, which bounds
//! decompression bombs.

use std::cell::Cell;
use std::io::{self, BufReader, Cursor, Read, Seek};
use std::rc::Rc;

use flate2::read::MultiGzDecoder;

use crate::budget::{Budget, Counted, Decompressed};
use crate::decode::{SNIFF_BYTES, looks_binary};
use crate::error::{CorruptStream, LimitExceeded};
use crate::html::read_html_reader;
use crate::json::read_json_reader;
use crate::jsonl::read_jsonl_reader;
use crate::sniff::{Route, route, route_by_content};
use crate::text::read_text_reader;
use crate::warc::read_warc_reader;
use crate::{ErrorKind, Event, Format, InputError, ReadOptions};

/// Buffer size for streamed readers.
const BUFFER_BYTES: usize = 64 * 1024;

/// How many archives may enclose one another: a top-level archive and one
/// more inside it.
pub(crate) const MAX_ARCHIVE_DEPTH: u32 = 2;

/// What every reader over one top-level file shares.
pub(crate) struct Context<'a> {
    /// The options.
    pub opts: &'a ReadOptions,
    /// The decompressed-bytes budget of the file.
    pub budget: Rc<Budget>,
}

/// Where a stream sits among archives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Level {
    /// How many archives enclose the stream.
    pub depth: u32,
    /// Whether the stream is the content of a gzip file, so that a tar
    /// inside it (a `.tar.gz`) is the same archive, not a nested one.
    pub in_gzip: bool,
}

impl Level {
    /// A file read directly.
    pub(crate) const TOP: Level = Level {
        depth: 0,
        in_gzip: false,
    };
}

/// Reads a stream whose first bytes are not yet read: sniffs them, then
/// hands the stream to its reader. `name` is the file or member name (not
/// a path); `explicit` is true for a file the user named.
pub(crate) fn read_stream(
    label: &str,
    name: &str,
    reader: &mut dyn Read,
    explicit: bool,
    level: Level,
    ctx: &Context<'_>,
    sink: &mut dyn FnMut(Event),
) {
    let mut head = Vec::with_capacity(SNIFF_BYTES);
    let mut failure = None;
    if let Err(error) = reader
        .take(u64::try_from(SNIFF_BYTES).unwrap_or(u64::MAX))
        .read_to_end(&mut head)
    {
        if head.is_empty() {
            sink(Event::Error(InputError::from_io(label, error)));
            return;
        }
        // What was read before the failure is still read (a short file in
        // a truncated gzip stream); the error comes after it.
        failure = Some(error);
    }
    let route = if level.depth == 0 {
        route(name, &head, explicit)
    } else {
        member_route(name, &head)
    };
    let rest: &mut dyn Read = reader;
    let mut replayed = Replay { error: failure };
    let tail: &mut dyn Read = if replayed.error.is_some() {
        &mut replayed
    } else {
        rest
    };
    let mut stream = Cursor::new(head).chain(tail);
    read_routed(label, name, route, &mut stream, level, ctx, sink);
}

/// A reader that fails with a stored error (again on every read), standing
/// for a stream that failed while its first bytes were sniffed.
struct Replay {
    /// The error.
    error: Option<io::Error>,
}

impl Read for Replay {
    fn read(&mut self, _buf: &mut [u8]) -> io::Result<usize> {
        let Some(error) = &self.error else {
            return Ok(0);
        };
        // `io::Error` is not `Clone`: the size-limit and corrupt-data
        // payloads are rebuilt so that they keep their meaning.
        let inner = error.get_ref();
        if let Some(limit) = inner.and_then(|e| e.downcast_ref::<LimitExceeded>()) {
            return Err(io::Error::other(*limit));
        }
        if let Some(corrupt) = inner.and_then(|e| e.downcast_ref::<CorruptStream>()) {
            return Err(io::Error::new(error.kind(), corrupt.clone()));
        }
        Err(io::Error::new(error.kind(), error.to_string()))
    }
}

/// The route of an archive member: by magic number and name, else by
/// content unless it is binary (images and the like are skipped).
fn member_route(name: &str, head: &[u8]) -> Route {
    match route(name, head, false) {
        Route::Unrecognised if !looks_binary(head) && !head.is_empty() => route_by_content(head),
        route => route,
    }
}

/// Hands a stream to the reader of `route`.
pub(crate) fn read_routed(
    label: &str,
    name: &str,
    route: Route,
    stream: &mut dyn Read,
    level: Level,
    ctx: &Context<'_>,
    sink: &mut dyn FnMut(Event),
) {
    let opts = ctx.opts;
    match route {
        Route::Text => read_text_reader(label, stream, opts, sink),
        Route::Html => read_html_reader(label, stream, opts, sink),
        Route::Jsonl => {
            read_jsonl_reader(
                label,
                BufReader::with_capacity(BUFFER_BYTES, stream),
                opts,
                sink,
            );
        }
        Route::Json => {
            read_json_reader(
                label,
                BufReader::with_capacity(BUFFER_BYTES, stream),
                opts,
                sink,
            );
        }
        Route::Warc => {
            read_warc_reader(
                label,
                BufReader::with_capacity(BUFFER_BYTES, stream),
                opts,
                sink,
            );
        }
        Route::Gzip => {
            let Some(depth) = enter(label, level.depth + 1, sink) else {
                return;
            };
            let decoder = MultiGzDecoder::new(BufReader::with_capacity(BUFFER_BYTES, stream));
            let mut inner = Counted::new(Decompressed::new(decoder, "gzip"), &ctx.budget);
            let inner_name = without_gzip_suffix(name);
            let inner_level = Level {
                depth,
                in_gzip: true,
            };
            let mut tagged = |mut event: Event| {
                if let Event::Document(document) = &mut event {
                    // A `.warc.gz` is a WARC file and a `.tar.gz` a tar
                    // archive; only other gzip files count as containers.
                    if document.container.is_none() && document.format != Format::Warc {
                        document.container = Some(Format::Gzip);
                    }
                }
                sink(event);
            };
            read_stream(
                label,
                &inner_name,
                &mut inner,
                level.depth == 0,
                inner_level,
                ctx,
                &mut tagged,
            );
        }
        Route::Tar => {
            let depth = if level.in_gzip {
                level.depth
            } else {
                level.depth + 1
            };
            let Some(depth) = enter(label, depth, sink) else {
                return;
            };
            // Streams inside an archive or a gzip file are charged to the
            // budget already; charging them again would halve the limit.
            if level.depth == 0 {
                read_tar(
                    label,
                    &mut Counted::new(stream, &ctx.budget),
                    depth,
                    ctx,
                    sink,
                );
            } else {
                read_tar(label, stream, depth, ctx, sink);
            }
        }
        Route::Zip => {
            let depth = if level.in_gzip {
                level.depth
            } else {
                level.depth + 1
            };
            let Some(depth) = enter(label, depth, sink) else {
                return;
            };
            // Zip needs random access: a zip inside another archive is held
            // in memory, which only a member within the limit may be.
            match read_capped(stream, ctx.opts.max_member_bytes) {
                Ok(Some(bytes)) => read_zip(label, Cursor::new(bytes), depth, ctx, sink),
                Ok(None) => sink(Event::Error(InputError::new(
                    label,
                    ErrorKind::TooLarge {
                        what: "zip archive inside an archive",
                        limit: ctx.opts.max_member_bytes,
                        option: "max_member_bytes",
                    },
                ))),
                Err(error) => sink(Event::Error(InputError::from_io(label, error))),
            }
        }
        Route::Unrecognised => sink(Event::Skipped {
            location: label.to_owned(),
            reason: UNRECOGNISED_MEMBER_REASON.to_owned(),
        }),
    }
}

/// The reason given for archive members that are not inputs.
const UNRECOGNISED_MEMBER_REASON: &str =
    "not a recognised input (.txt, .json, .jsonl, .html, .warc or an archive)";

/// The depth of an archive about to be entered, or `None` (with the
/// archive skipped) when it is nested too deep.
fn enter(label: &str, depth: u32, sink: &mut dyn FnMut(Event)) -> Option<u32> {
    if depth > MAX_ARCHIVE_DEPTH {
        sink(Event::Skipped {
            location: label.to_owned(),
            reason: format!(
                "archive nested {depth} deep: archives are read only {} levels deep",
                MAX_ARCHIVE_DEPTH
            ),
        });
        return None;
    }
    Some(depth)
}

/// The name of a gzip file's content: `a.tar.gz` → `a.tar`, `a.tgz` →
/// `a.tar`, `a.jsonl.gz` → `a.jsonl`; another name is kept.
fn without_gzip_suffix(name: &str) -> String {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".tgz") {
        let stem = name.get(..name.len() - 4).unwrap_or_default();
        return format!("{stem}.tar");
    }
    if lower.ends_with(".gz") {
        return name.get(..name.len() - 3).unwrap_or_default().to_owned();
    }
    name.to_owned()
}

/// Reads a stream whole if it holds at most `cap` bytes; `None` if more.
fn read_capped(stream: &mut dyn Read, cap: u64) -> io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::new();
    stream.take(cap.saturating_add(1)).read_to_end(&mut bytes)?;
    let within = u64::try_from(bytes.len()).unwrap_or(u64::MAX) <= cap;
    Ok(within.then_some(bytes))
}

/// The file name part of a member path (`dir/a.txt` → `a.txt`).
fn member_file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// A sink wrapper that marks documents as found in `container` (the
/// outermost archive wins, as it wraps last) and notes whether an error
/// that ends the stream (corrupt data, the archive's byte budget) was
/// reported, so that the archive does not report it a second time.
fn tag_container<'s>(
    container: Format,
    stream_failed: &'s Cell<bool>,
    sink: &'s mut dyn FnMut(Event),
) -> impl FnMut(Event) + 's {
    move |mut event: Event| {
        match &mut event {
            Event::Document(document) => document.container = Some(container),
            Event::Error(error) => {
                let ends_stream = matches!(
                    error.kind,
                    ErrorKind::Corrupt { .. }
                        | ErrorKind::TooLarge {
                            option: "max_total_bytes",
                            ..
                        }
                );
                if ends_stream {
                    stream_failed.set(true);
                }
            }
            Event::Skipped { .. } => {}
        }
        sink(event);
    }
}

/// Reads the members of a tar stream, in order.
fn read_tar(
    label: &str,
    reader: &mut dyn Read,
    depth: u32,
    ctx: &Context<'_>,
    sink: &mut dyn FnMut(Event),
) {
    let stream_failed = Cell::new(false);
    let mut tagged = tag_container(Format::Tar, &stream_failed, sink);
    let mut archive = tar::Archive::new(reader);
    let entries = match archive.entries() {
        Ok(entries) => entries,
        Err(error) => {
            tagged(Event::Error(InputError::from_io(label, error)));
            return;
        }
    };
    let level = Level {
        depth,
        in_gzip: false,
    };
    for entry in entries {
        let mut entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                // A member that hit the end of a broken stream or the byte
                // budget has said so already.
                if !stream_failed.get() {
                    tagged(Event::Error(tar_error(label, error)));
                }
                return;
            }
        };
        // Only the last member's errors explain a failure to find the next one.
        stream_failed.set(false);
        let path = String::from_utf8_lossy(&entry.path_bytes()).into_owned();
        let member_label = format!("{label}!{path}");
        let kind = entry.header().entry_type();
        if kind.is_dir() || kind.is_pax_global_extensions() {
            continue;
        }
        if !(kind.is_file() || kind.is_contiguous()) {
            tagged(Event::Skipped {
                location: member_label,
                reason: "not a regular file (a link or a device)".to_owned(),
            });
            continue;
        }
        read_stream(
            &member_label,
            member_file_name(&path),
            &mut entry,
            false,
            level,
            ctx,
            &mut tagged,
        );
    }
    // The stream is read to its end (padding, a gzip trailer) so that a
    // truncated or corrupt end is still reported.
    if let Err(error) = io::copy(&mut archive.into_inner(), &mut io::sink()) {
        tagged(Event::Error(tar_error(label, error)));
    }
}

/// An error of the tar stream itself: passed on when it comes from below
/// (a broken gzip stream, the byte budget), else the tar data is corrupt.
fn tar_error(label: &str, error: io::Error) -> InputError {
    let from_below = error
        .get_ref()
        .is_some_and(|inner| inner.is::<CorruptStream>() || inner.is::<LimitExceeded>());
    if from_below {
        return InputError::from_io(label, error);
    }
    InputError::new(
        label,
        ErrorKind::Corrupt {
            format: "tar",
            message: error.to_string(),
        },
    )
}

/// Reads the zip file at `path` (labelled `label`), which can be seeked.
pub(crate) fn read_zip_file(
    label: &str,
    file: std::fs::File,
    ctx: &Context<'_>,
    sink: &mut dyn FnMut(Event),
) {
    read_zip(label, BufReader::new(file), 1, ctx, sink);
}

/// Reads the members of a zip archive, in the order of its directory.
fn read_zip<R: Read + Seek>(
    label: &str,
    reader: R,
    depth: u32,
    ctx: &Context<'_>,
    sink: &mut dyn FnMut(Event),
) {
    let stream_failed = Cell::new(false);
    let mut tagged = tag_container(Format::Zip, &stream_failed, sink);
    let mut archive = match zip::ZipArchive::new(reader) {
        Ok(archive) => archive,
        Err(error) => {
            tagged(Event::Error(InputError::new(
                label,
                ErrorKind::Corrupt {
                    format: "zip",
                    message: error.to_string(),
                },
            )));
            return;
        }
    };
    let level = Level {
        depth,
        in_gzip: false,
    };
    for index in 0..archive.len() {
        let fallback = format!("{label}!#{index}");
        let mut member = match archive.by_index(index) {
            Ok(member) => member,
            Err(error) => {
                tagged(Event::Error(InputError::new(
                    fallback,
                    ErrorKind::Corrupt {
                        format: "zip",
                        message: error.to_string(),
                    },
                )));
                continue;
            }
        };
        let path = member
            .name()
            .map(|name| name.into_owned())
            .unwrap_or_else(|_| String::from_utf8_lossy(member.name_raw()).into_owned());
        let member_label = format!("{label}!{path}");
        if member.is_dir() {
            continue;
        }
        if member.is_symlink() {
            tagged(Event::Skipped {
                location: member_label,
                reason: "not a regular file (a link)".to_owned(),
            });
            continue;
        }
        stream_failed.set(false);
        let mut counted = Counted::new(&mut member, &ctx.budget);
        read_stream(
            &member_label,
            member_file_name(&path),
            &mut counted,
            false,
            level,
            ctx,
            &mut tagged,
        );
        // Zip members are compressed one by one, so a corrupt member does
        // not stop the others; only the archive's spent budget does.
        if ctx.budget.exceeded() {
            if !stream_failed.get() {
                let limit = ctx.budget.limit_error();
                tagged(Event::Error(InputError::new(
                    label,
                    ErrorKind::TooLarge {
                        what: limit.what,
                        limit: limit.limit,
                        option: limit.option,
                    },
                )));
            }
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gzip_suffixes_name_the_content() {
        let cases = [
            ("a.tar.gz", "a.tar"),
            ("A.TGZ", "A.tar"),
            ("dump.jsonl.gz", "dump.jsonl"),
            ("crawl.warc.gz", "crawl.warc"),
            ("story.txt", "story.txt"),
        ];
        for (name, expected) in cases {
            assert_eq!(without_gzip_suffix(name), expected, "{name}");
        }
        assert_eq!(member_file_name("dir/sub/a.txt"), "a.txt");
        assert_eq!(member_file_name("../../etc/passwd"), "passwd");
    }
}
