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
}

impl std::fmt::Debug for IndexWriter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IndexWriter").finish_non_exhaustive()
    }
}

impl IndexWriter {
    pub(crate) fn new(writer: tantivy::IndexWriter, reader: IndexReader, fields: Fields) -> Self {
        IndexWriter {
            writer,
            reader,
            fields,
        }
    }

    /// Adds a statement, replacing any document with the same id so that
    /// indexing a statement twice leaves one document.
    pub fn add(&mut self, doc: &IndexDoc<'_>) -> Result<()> {
        let id = u64::try_from(doc.id).map_err(|_| Error::InvalidId(doc.id))?;
        // A delete only affects documents added before it, so the new
        // document below survives it.
        self.writer
            .delete_term(Term::from_field_u64(self.fields.id, id));
        self.writer.add_document(self.document(id, doc))?;
        Ok(())
    }

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
