//! Adding statements to the index and committing them with a watermark.

use chrono::NaiveDate;
use demarche_core::Statement;
use tantivy::{IndexReader, TantivyDocument, Term};

use crate::commit_payload::CommitPayload;
use crate::schema::{Fields, country_term, date_term, topic_term};
use crate::{Error, Result};

/// One statement to index, with what the store knows about it.
#[derive(Debug, Clone, Copy)]
pub struct IndexDoc<'a> {
    /// The store's statement id.
    pub id: i64,
    /// The statement itself.
    pub statement: &'a Statement,
    /// The store's speaker id, when the statement has a named speaker.
    pub speaker_id: Option<i64>,
    /// The article's publication date, used when the statement has no date.
    pub published: Option<NaiveDate>,
}

/// The single writer of an index; changes become visible at
/// [`IndexWriter::commit`]. Dropping it without committing discards them.
pub struct IndexWriter {
    writer: tantivy::IndexWriter,
    reader: IndexReader,
    fields: Fields,
    /// No document in the index, committed or not, has an id above this.
    /// A statement above it is new, so [`IndexWriter::add`] need not delete
    /// an older copy first: during an ingest every statement is new, and
    /// skipping a delete per statement spares the commit from looking each
    /// one up in every segment, work that grows with the index.
    highest_id: u64,
}

impl std::fmt::Debug for IndexWriter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IndexWriter").finish_non_exhaustive()
    }
}

impl IndexWriter {
    pub(crate) fn new(writer: tantivy::IndexWriter, reader: IndexReader, fields: Fields) -> Self {
        let highest_id = highest_indexed_id(&reader);
        IndexWriter {
            writer,
            reader,
            fields,
            highest_id,
        }
    }

    /// Adds a statement, replacing any document with the same id so that
    /// indexing a statement twice leaves one document.
    pub fn add(&mut self, doc: &IndexDoc<'_>) -> Result<()> {
        let id = u64::try_from(doc.id).map_err(|_| Error::InvalidId(doc.id))?;
        if id <= self.highest_id {
            // A delete only affects documents added before it, so the new
            // document below survives it.
            self.writer
                .delete_term(Term::from_field_u64(self.fields.id, id));
        }
        self.writer.add_document(self.document(id, doc))?;
        self.highest_id = self.highest_id.max(id);
        Ok(())
    }

    /// Builds the index document of a statement.
    fn document(&self, id: u64, doc: &IndexDoc<'_>) -> TantivyDocument {
        let f = &self.fields;
        let statement = doc.statement;
        let speaker = &statement.speaker;
        let mut document = TantivyDocument::new();
        document.add_u64(f.id, id);
        document.add_text(f.text, &statement.text);
        let speaker_words = speaker
            .name
            .iter()
            .chain(&speaker.aliases)
            .chain(&speaker.title)
            .chain(&speaker.organization);
        for words in speaker_words {
            document.add_text(f.speaker, words);
        }
        if let Some(speaker_id) = doc.speaker_id.and_then(|id| u64::try_from(id).ok()) {
            document.add_u64(f.speaker_id, speaker_id);
        }
        if let Some(country) = &speaker.country {
            document.add_text(f.speaker_country, country_term(country));
        }
        for country in &statement.countries {
            document.add_text(f.countries, country_term(country));
        }
        for topic in &statement.topics {
            document.add_text(f.topics, topic_term(topic));
        }
        document.add_text(f.act, statement.act.as_str());
        document.add_text(f.kind, statement.kind.as_str());
        if let Some(date) = statement.date.or(doc.published) {
            document.add_i64(f.date, date_term(date));
        }
        document
    }

    /// Removes every document (to rebuild the index from the store); takes
    /// effect at the next commit.
    pub fn delete_all(&mut self) -> Result<()> {
        self.writer.delete_all_documents()?;
        Ok(())
    }

    /// Makes all changes durable and visible, recording `watermark` (the
    /// highest statement id now covered) in the commit payload.
    pub fn commit(&mut self, watermark: i64) -> Result<()> {
        let mut prepared = self.writer.prepare_commit()?;
        prepared.set_payload(&CommitPayload::current(watermark).to_json());
        prepared.commit()?;
        self.reader.reload()?;
        Ok(())
    }
}

/// The highest id in any segment of the index, deleted documents included,
/// as seen by a freshly reloaded reader. The caller holds the writer lock,
/// so no other process can add documents after this look. When the index
/// cannot be read, the answer is the largest id, so that every add deletes
/// first as if nothing were known.
fn highest_indexed_id(reader: &IndexReader) -> u64 {
    if reader.reload().is_err() {
        return u64::MAX;
    }
    let searcher = reader.searcher();
    let mut highest = 0u64;
    for segment in searcher.segment_readers() {
        match segment.fast_fields().u64("id") {
            Ok(column) if segment.max_doc() > 0 => highest = highest.max(column.max_value()),
            Ok(_) => {}
            Err(_) => return u64::MAX,
        }
    }
    highest
}

#[cfg(test)]
mod tests {
    use demarche_core::{Act, Content, Kind, Speaker, Statement};

    use crate::Index;

    use super::IndexDoc;

    /// An unattributed statement whose content is all of `text`.
    fn statement(text: &str) -> Statement {
        Statement {
            kind: Kind::Direct,
            text: text.to_owned(),
            content: Content {
                start: 0,
                end: text.len(),
                text: text.to_owned(),
                parts: None,
            },
            cue: None,
            speaker: Speaker::unattributed(),
            addressee: None,
            via: None,
            act: Act::Statement,
            topics: Vec::new(),
            countries: Vec::new(),
            date: None,
            confidence: 0.5,
        }
    }

    /// Adds each `(id, text)` with a fresh writer and commits.
    fn add_with_new_writer(index: &Index, docs: &[(i64, &str)]) {
        let mut writer = index.writer().unwrap();
        for &(id, text) in docs {
            let statement = statement(text);
            let doc = IndexDoc {
                id,
                statement: &statement,
                speaker_id: None,
                published: None,
            };
            writer.add(&doc).unwrap();
        }
        let watermark = docs.iter().map(|&(id, _)| id).max().unwrap_or(0);
        writer.commit(watermark).unwrap();
    }

    #[test]
    fn the_highest_id_is_read_from_the_segments() {
        let index = Index::open_in_ram().unwrap();
        assert_eq!(index.writer().unwrap().highest_id, 0);
        add_with_new_writer(&index, &[(4, "Four."), (9, "Nine."), (2, "Two.")]);
        assert_eq!(index.writer().unwrap().highest_id, 9);
    }

    #[test]
    fn re_adding_an_old_id_with_a_new_writer_still_replaces_it() {
        let index = Index::open_in_ram().unwrap();
        add_with_new_writer(&index, &[(1, "One."), (2, "Two."), (3, "Three.")]);
        // Ids at or below the highest one replace; ids above it are new.
        add_with_new_writer(&index, &[(2, "Second."), (3, "Third."), (4, "Four.")]);
        assert_eq!(index.num_docs().unwrap(), 4);
        assert_eq!(index.ids().unwrap(), [1, 2, 3, 4]);
    }
}
