//! Writing a whole index over all cores: the caller hands over one document's passages at a
//! time (from any thread) and they are tokenised by as many tantivy writer threads as the
//! current rayon pool has, each within a bounded memory budget; the graph's nodes follow
//! once the graph is made. Nothing is collected for the whole corpus.

use super::documents::{node_document, passage_document, passage_ord};
use super::schema::Fields;
use super::{IndexError, NodeEntry, register_tokenizers};
use crate::analysis::Analyzer;
use crate::index::store::StoreError;
use crate::passages::Passage;
use rayon::prelude::*;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use tantivy::indexer::NoMergePolicy;
use tantivy::indexer::UserOperation;
use tantivy::{Index, IndexSettings, IndexWriter, TantivyDocument};

/// Memory budget of each tantivy writer thread.
const WRITER_MEMORY_PER_THREAD: usize = 40_000_000;
/// Most tantivy writer threads (more would only add segments to merge).
const MAX_WRITER_THREADS: usize = 8;
/// Bytes of stored documents compressed together. A search decompresses a whole block for
/// each hit it shows; tantivy's default of 16 KB holds about eighty passages.
const DOC_STORE_BLOCK_BYTES: usize = 4_096;

/// What was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    /// Passages indexed.
    pub passages: usize,
    /// Nodes indexed.
    pub nodes: usize,
}

/// A new index being written in `dir/tantivy`.
pub struct IndexBuilder {
    writer: IndexWriter<TantivyDocument>,
    fields: Fields,
    analyzer: Analyzer,
    passages: AtomicUsize,
}

impl IndexBuilder {
    /// Creates the index in `dir/tantivy` with as many writer threads as the current rayon
    /// pool has threads.
    pub fn create(dir: &Path, analyzer: &Analyzer) -> Result<IndexBuilder, IndexError> {
        let tantivy_dir = dir.join("tantivy");
        std::fs::create_dir_all(&tantivy_dir).map_err(|source| StoreError::Io {
            path: tantivy_dir.clone(),
            source,
        })?;
        let (schema, fields) = super::schema::build_schema();
        let settings = IndexSettings {
            docstore_blocksize: DOC_STORE_BLOCK_BYTES,
            ..IndexSettings::default()
        };
        let index = Index::builder()
            .schema(schema)
            .settings(settings)
            .create_in_dir(&tantivy_dir)?;
        register_tokenizers(&index, analyzer);
        let threads = rayon::current_num_threads().clamp(1, MAX_WRITER_THREADS);
        let writer: IndexWriter<TantivyDocument> =
            index.writer_with_num_threads(threads, threads * WRITER_MEMORY_PER_THREAD)?;
        // The segments are merged into one when the build is done, not while it runs.
        writer.set_merge_policy(Box::new(NoMergePolicy));
        Ok(IndexBuilder {
            writer,
            fields,
            analyzer: analyzer.clone(),
            passages: AtomicUsize::new(0),
        })
    }

    /// Adds the passages of the document at `doc_index` in corpus order, as one batch: their
    /// text is analysed on the calling thread, and one writer thread indexes them in order,
    /// so the heading path repeated from passage to passage is analysed once.
    pub fn add_passages(&self, doc_index: usize, passages: &[Passage]) -> Result<(), IndexError> {
        self.passages.fetch_add(passages.len(), Ordering::Relaxed);
        let batch: Vec<UserOperation<TantivyDocument>> = passages
            .iter()
            .enumerate()
            .map(|(position, passage)| {
                let ord = passage_ord(doc_index, position);
                UserOperation::Add(passage_document(&self.fields, &self.analyzer, passage, ord))
            })
            .collect();
        self.writer.run(batch)?;
        Ok(())
    }

    /// Adds the graph's nodes, commits, and merges the segments the writer threads wrote into
    /// one (a search then opens each clause's postings once, not once per segment);
    /// `progress` is told of every node written.
    pub fn finish(
        mut self,
        nodes: &[NodeEntry],
        progress: &(dyn Fn(u64) + Sync),
    ) -> Result<Written, IndexError> {
        nodes
            .par_iter()
            .try_for_each(|node| -> Result<(), IndexError> {
                self.writer
                    .add_document(node_document(&self.fields, node))?;
                progress(1);
                Ok(())
            })?;
        self.writer.commit()?;
        let segments = self.writer.index().searchable_segment_ids()?;
        if segments.len() > 1 {
            self.writer.merge(&segments).wait()?;
        }
        self.writer.wait_merging_threads()?;
        Ok(Written {
            passages: self.passages.into_inner(),
            nodes: nodes.len(),
        })
    }
}
