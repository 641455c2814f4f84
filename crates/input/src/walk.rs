//! Walking the command line's paths: a file, a folder (recursively, in
//! sorted order, hidden entries ignored) or `-` for standard input, each
//! file handed to the reader its format calls for.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use walkdir::{DirEntry, WalkDir};

use crate::archive::{Context, Level, read_routed, read_zip_file};
use crate::budget::Budget;
use crate::decode::SNIFF_BYTES;
use crate::jsonl::read_jsonl_reader;
use crate::sniff::{Route, route, route_by_name};
use crate::{Event, InputError, ReadOptions};

/// The reason given for files in a folder that are not inputs.
const UNRECOGNISED_REASON: &str = "not a recognised input (.txt, .json, .jsonl, .ndjson, .html, .warc, .warc.gz, .tar, .tar.gz, .tgz, .zip, .gz)";

/// Walks a path — a file, a folder (recursively, in sorted order, hidden
/// files and folders ignored) or `"-"` for JSONL on standard input — and
/// calls `sink` for every document, error and skipped file, streaming.
///
/// A file named explicitly is read whatever its name (its content decides
/// when the extension is unknown); in a folder, files of other types are
/// reported as [`Event::Skipped`]. A missing path is one
/// [`Event::Error`] ("path: no such file or directory").
///
/// Archives and compressed files (`.tar`, `.tar.gz`, `.tgz`, `.zip`, `.gz`,
/// `.warc.gz`) are streamed member by member, never unpacked to disk; the
/// decompressed bytes of each file are bounded by
/// [`ReadOptions::max_total_bytes`].
pub fn read_path(path: &Path, opts: &ReadOptions, sink: &mut dyn FnMut(Event)) {
    if path.as_os_str() == "-" {
        read_stdin(opts, sink);
        return;
    }
    match std::fs::metadata(path) {
        Err(error) => sink(Event::Error(InputError::from_io(label(path), error))),
        Ok(metadata) if metadata.is_dir() => read_folder(path, opts, sink),
        Ok(_) => read_file(path, true, opts, sink),
    }
}

/// Reads JSONL from standard input; records are labelled `-:LINE` or `-#ID`.
pub fn read_stdin(opts: &ReadOptions, sink: &mut dyn FnMut(Event)) {
    let stdin = io::stdin();
    read_jsonl_reader("-", stdin.lock(), opts, sink);
}

/// Walks a folder depth-first with entries sorted by name.
fn read_folder(root: &Path, opts: &ReadOptions, sink: &mut dyn FnMut(Event)) {
    let walker = WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| entry.depth() == 0 || !is_hidden(entry));
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                let location = error.path().map_or_else(|| label(root), label);
                sink(Event::Error(InputError::from_io(
                    location,
                    io::Error::from(error),
                )));
                continue;
            }
        };
        if entry.file_type().is_dir() {
            continue;
        }
        let name = entry.file_name().to_string_lossy();
        match route_by_name(&name) {
            Route::Unrecognised => sink(Event::Skipped {
                location: label(entry.path()),
                reason: UNRECOGNISED_REASON.to_owned(),
            }),
            _ => read_file(entry.path(), false, opts, sink),
        }
    }
}

/// Whether a folder entry is hidden (its name starts with a dot).
fn is_hidden(entry: &DirEntry) -> bool {
    entry.file_name().to_string_lossy().starts_with('.')
}

/// Opens one file, sniffs its first bytes and hands it to its reader.
/// `explicit` is true for a file the user named rather than one found in a folder.
fn read_file(path: &Path, explicit: bool, opts: &ReadOptions, sink: &mut dyn FnMut(Event)) {
    let location = label(path);
    let mut file = match File::open(path) {
        Ok(file) => file,
        Err(error) => {
            sink(Event::Error(InputError::from_io(location, error)));
            return;
        }
    };
    let mut head = Vec::with_capacity(SNIFF_BYTES);
    if let Err(error) = (&mut file)
        .take(u64::try_from(SNIFF_BYTES).unwrap_or(u64::MAX))
        .read_to_end(&mut head)
    {
        sink(Event::Error(InputError::from_io(location, error)));
        return;
    }
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy())
        .unwrap_or_default();
    let route = route(&name, &head, explicit);
    let ctx = Context {
        opts,
        budget: Budget::new(opts.max_total_bytes),
    };
    if route == Route::Zip {
        // A zip on disk is read in place: its directory is at the end.
        read_zip_file(&location, file, &ctx, sink);
        return;
    }
    if route == Route::Unrecognised {
        sink(Event::Skipped {
            location,
            reason: UNRECOGNISED_REASON.to_owned(),
        });
        return;
    }
    // The sniffed bytes are put back in front of the rest of the file.
    let mut stream = io::Cursor::new(head).chain(file);
    read_routed(&location, &name, route, &mut stream, Level::TOP, &ctx, sink);
}

/// How a path is named in sources and messages.
fn label(path: &Path) -> String {
    path.display().to_string()
}
