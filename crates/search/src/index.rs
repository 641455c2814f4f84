//! Opening the statement index on disk or in memory, and reading its
//! bookkeeping: document count, watermark and the set of indexed ids.

use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use tantivy::directory::MmapDirectory;
use tantivy::directory::error::LockError;
use tantivy::indexer::{LogMergePolicy, MergeCandidate, MergePolicy};
use tantivy::{IndexReader, IndexSettings, ReloadPolicy, SegmentMeta, TantivyError};

use crate::commit_payload::CommitPayload;
use crate::schema::{Fields, SCHEMA_VERSION, build_schema};
use crate::writer::IndexWriter;
use crate::{Error, Result};

/// Name of the file, next to tantivy's own files, that records which schema
/// version wrote the index. It exists from creation on, before any commit.
const VERSION_FILE: &str = "demarche-schema-version";

/// Memory budget of the writer. Statements are short, so this flushes a
/// segment every few tens of thousands of statements, which keeps memory
/// modest on small machines while avoiding tiny segments.
const WRITER_HEAP_BYTES: usize = 64 * 1024 * 1024;

/// Largest segment a merge may produce, in documents (statements, about
/// 150 bytes of index each). A merge memory-maps and reads every file of the
/// segments it merges, and those pages count in the process's memory until
/// the merge ends, so unbounded merges make the memory of a long ingest grow
/// with the index. Under this bound a merge reads about 30 MB whatever the
/// size of the index, at the price of one more segment per 200,000
/// statements to search.
const MAX_MERGED_DOCS: u64 = 200_000;

/// Tantivy's logarithmic merge policy, with every merge cut down to at most
/// [`MAX_MERGED_DOCS`] documents.
#[derive(Debug)]
struct BoundedMergePolicy {
    inner: LogMergePolicy,
    max_merged_docs: u64,
}

impl Default for BoundedMergePolicy {
    fn default() -> Self {
        let mut inner = LogMergePolicy::default();
        // A segment over half the bound could only be merged with smaller
        // ones, which the levels of the log policy would rarely pair it with.
        inner.set_max_docs_before_merge(usize::try_from(MAX_MERGED_DOCS / 2).unwrap_or(usize::MAX));
        BoundedMergePolicy {
            inner,
            max_merged_docs: MAX_MERGED_DOCS,
        }
    }
}

impl MergePolicy for BoundedMergePolicy {
    fn compute_merge_candidates(&self, segments: &[SegmentMeta]) -> Vec<MergeCandidate> {
        let docs_of = |id| {
            segments
                .iter()
                .find(|segment| segment.id() == id)
                .map_or(0, |segment| u64::from(segment.num_docs()))
        };
        self.inner
            .compute_merge_candidates(segments)
            .into_iter()
            .filter_map(|candidate| {
                // Smallest segments first, so that the cut keeps as many
                // segments as fit; what it leaves out waits for a later merge.
                let mut ids: Vec<_> = candidate
                    .0
                    .into_iter()
                    .map(|id| (docs_of(id), id))
                    .collect();
                ids.sort_by_key(|&(docs, _)| docs);
                let mut total = 0;
                let kept: Vec<_> = ids
                    .into_iter()
                    .take_while(|&(docs, _)| {
                        total += docs;
                        total <= self.max_merged_docs
                    })
                    .map(|(_, id)| id)
                    .collect();
                (kept.len() >= 2).then_some(MergeCandidate(kept))
            })
            .collect()
    }
}

/// The full-text index of statements, derived from the store and rebuildable
/// from it. Any number of processes may search it while one writes it.
pub struct Index {
    pub(crate) index: tantivy::Index,
    pub(crate) reader: IndexReader,
    pub(crate) fields: Fields,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index").finish_non_exhaustive()
    }
}

impl Index {
    /// Opens the index in `dir`, creating the folder and an empty index when
    /// missing. Fails with [`Error::SchemaMismatch`] when the index on disk
    /// was written with another schema.
    pub fn open(dir: &Path) -> Result<Index> {
        let io_error = |source| Error::Io {
            path: dir.to_path_buf(),
            source,
        };
        fs::create_dir_all(dir).map_err(io_error)?;
        let directory = MmapDirectory::open(dir).map_err(TantivyError::from)?;
        let (schema, fields) = build_schema();
        let exists = tantivy::Index::exists(&directory).map_err(TantivyError::from)?;
        let index = if exists {
            check_version_file(dir)?;
            let index = tantivy::Index::open(directory)?;
            if index.schema() != schema {
                return Err(mismatch(dir, "an unknown one".to_owned()));
            }
            index
        } else {
            // The version file comes first so that an index on disk always
            // has one; a crash in between leaves only a harmless extra file.
            fs::write(dir.join(VERSION_FILE), format!("{SCHEMA_VERSION}\n")).map_err(io_error)?;
            tantivy::Index::create(directory, schema, IndexSettings::default())?
        };
        // A payload this program cannot read was not written by it, which
        // calls for the same remedy as another schema: a rebuild.
        match CommitPayload::read(&index) {
            Ok(None) => {}
            Ok(Some(payload)) if payload.schema == SCHEMA_VERSION => {}
            Ok(Some(payload)) => return Err(mismatch(dir, payload.schema.to_string())),
            Err(Error::Payload(_)) => return Err(mismatch(dir, "unreadable".to_owned())),
            Err(other) => return Err(other),
        }
        Index::from_tantivy(index, fields)
    }

    /// A fresh, empty index held in memory (for tests and one-off runs).
    pub fn open_in_ram() -> Result<Index> {
        let (schema, fields) = build_schema();
        Index::from_tantivy(tantivy::Index::create_in_ram(schema), fields)
    }

    fn from_tantivy(index: tantivy::Index, fields: Fields) -> Result<Index> {
        // Readers follow commits made by a writer in another process too;
        // our own writer additionally reloads right after committing.
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()?;
        Ok(Index {
            index,
            reader,
            fields,
        })
    }

    /// The single writer of the index. Fails with [`Error::Locked`] when
    /// another writer, in this or another process, holds the index.
    pub fn writer(&self) -> Result<IndexWriter> {
        let writer = self
            .index
            .writer_with_num_threads(1, WRITER_HEAP_BYTES)
            .map_err(|error| match error {
                TantivyError::LockFailure(LockError::LockBusy, _) => Error::Locked,
                other => Error::Tantivy(other),
            })?;
        writer.set_merge_policy(Box::new(BoundedMergePolicy::default()));
        Ok(IndexWriter::new(writer, self.reader.clone(), self.fields))
    }

    /// Number of statements in the index as of the last commit.
    pub fn num_docs(&self) -> Result<u64> {
        Ok(self.reader.searcher().num_docs())
    }

    /// The highest statement id covered by the last commit (from the commit
    /// payload), 0 if nothing was ever committed.
    pub fn watermark(&self) -> Result<i64> {
        Ok(CommitPayload::read(&self.index)?.map_or(0, |payload| payload.watermark))
    }

    /// Every statement id in the index, ascending, read from the id column of
    /// each segment (deleted documents excluded).
    pub fn ids(&self) -> Result<Vec<i64>> {
        let searcher = self.reader.searcher();
        let capacity = usize::try_from(searcher.num_docs()).unwrap_or(0);
        let mut ids = Vec::with_capacity(capacity);
        for segment in searcher.segment_readers() {
            let column = segment.fast_fields().u64("id")?;
            for doc in segment.doc_ids_alive() {
                for id in column.values_for_doc(doc) {
                    ids.push(stored_id(id)?);
                }
            }
        }
        ids.sort_unstable();
        Ok(ids)
    }
}

/// Converts an id read back from the index into a statement id.
pub(crate) fn stored_id(id: u64) -> Result<i64> {
    i64::try_from(id).map_err(|_| Error::Corrupt(format!("statement id {id} is out of range")))
}

fn check_version_file(dir: &Path) -> Result<()> {
    let path = dir.join(VERSION_FILE);
    let found = match fs::read_to_string(&path) {
        Ok(text) => text.trim().to_owned(),
        Err(error) if error.kind() == ErrorKind::NotFound => "none".to_owned(),
        Err(source) => return Err(Error::Io { path, source }),
    };
    if found == SCHEMA_VERSION.to_string() {
        Ok(())
    } else {
        Err(mismatch(dir, found))
    }
}

fn mismatch(dir: &Path, found: String) -> Error {
    Error::SchemaMismatch {
        path: PathBuf::from(dir),
        found,
        expected: SCHEMA_VERSION,
    }
}

#[cfg(test)]
mod tests {
    use tantivy::index::SegmentId;
    use tantivy::indexer::MergePolicy;

    use super::{BoundedMergePolicy, MAX_MERGED_DOCS};
    use crate::schema::build_schema;

    /// The document counts of the segments in each merge the policy picks
    /// among segments of `sizes` documents.
    fn merged_sizes(sizes: &[u32]) -> Vec<Vec<u32>> {
        let index = tantivy::Index::create_in_ram(build_schema().0);
        let segments: Vec<_> = sizes
            .iter()
            .map(|&docs| index.new_segment_meta(SegmentId::generate_random(), docs))
            .collect();
        BoundedMergePolicy::default()
            .compute_merge_candidates(&segments)
            .into_iter()
            .map(|candidate| {
                let mut docs: Vec<u32> = candidate
                    .0
                    .iter()
                    .filter_map(|id| segments.iter().find(|segment| segment.id() == *id))
                    .map(|segment| segment.num_docs())
                    .collect();
                docs.sort_unstable();
                docs
            })
            .collect()
    }

    #[test]
    fn merges_stay_under_the_bound() {
        // Eight commits of 48,000 statements: only four fit in one merge.
        assert_eq!(merged_sizes(&[48_000; 8]), [vec![48_000; 4]]);
        // Small segments still merge all together.
        assert_eq!(merged_sizes(&[1_000; 8]), [vec![1_000; 8]]);
        // Segments already near the bound are left alone.
        assert!(merged_sizes(&[150_000; 8]).is_empty());
        for merge in merged_sizes(&[
            30_000, 40_000, 45_000, 20_000, 35_000, 25_000, 45_000, 40_000,
        ]) {
            assert!(merge.iter().map(|&docs| u64::from(docs)).sum::<u64>() <= MAX_MERGED_DOCS);
        }
    }
}
