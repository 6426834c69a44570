//! Writing a whole index over all cores: documents are cut into passages on rayon's threads
//! (the current pool, so a caller can choose its size) and tokenised by as many tantivy
//! writer threads, each within a bounded memory budget. Passages are made and handed over
//! document by document; none are collected for the whole corpus.

use super::documents::{node_document, passage_document, passage_ord};
use super::{IndexError, NodeEntry, register_tokenizers};
use crate::analysis::Analyzer;
use crate::corpus::SeedDoc;
use crate::index::store::StoreError;
use crate::passages::passages;
use rayon::prelude::*;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use tantivy::indexer::UserOperation;
use tantivy::{Index, IndexWriter, TantivyDocument};

/// Memory budget of each tantivy writer thread.
const WRITER_MEMORY_PER_THREAD: usize = 40_000_000;
/// Most tantivy writer threads (more would only add segments to merge).
const MAX_WRITER_THREADS: usize = 8;

/// What was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    /// Passages indexed.
    pub passages: usize,
    /// Nodes indexed.
    pub nodes: usize,
}

/// Writes the passages of `docs` and the `nodes` into a tantivy index in `dir/tantivy`, using
/// the current rayon pool's threads; `progress` is told of every document and node written.
pub fn write_index(
    dir: &Path,
    analyzer: &Analyzer,
    docs: &[SeedDoc],
    nodes: &[NodeEntry],
    progress: &(dyn Fn(u64) + Sync),
) -> Result<Written, IndexError> {
    let tantivy_dir = dir.join("tantivy");
    std::fs::create_dir_all(&tantivy_dir).map_err(|source| StoreError::Io {
        path: tantivy_dir.clone(),
        source,
    })?;
    let (schema, fields) = super::schema::build_schema();
    let index = Index::create_in_dir(&tantivy_dir, schema)?;
    register_tokenizers(&index, analyzer);
    let threads = rayon::current_num_threads().clamp(1, MAX_WRITER_THREADS);
    let mut writer: IndexWriter<TantivyDocument> =
        index.writer_with_num_threads(threads, threads * WRITER_MEMORY_PER_THREAD)?;
    let passage_count = AtomicUsize::new(0);
    docs.par_iter()
        .enumerate()
        .try_for_each(|(doc_index, doc)| -> Result<(), IndexError> {
            let cut = passages(doc);
            passage_count.fetch_add(cut.len(), Ordering::Relaxed);
            // One batch per document: one writer thread indexes its passages in order, so
            // the heading path repeated from passage to passage is analysed once.
            let batch: Vec<UserOperation<TantivyDocument>> = cut
                .iter()
                .enumerate()
                .map(|(position, passage)| {
                    let ord = passage_ord(doc_index, position);
                    UserOperation::Add(passage_document(&fields, passage, ord))
                })
                .collect();
            writer.run(batch)?;
            progress(1);
            Ok(())
        })?;
    nodes
        .par_iter()
        .try_for_each(|node| -> Result<(), IndexError> {
            writer.add_document(node_document(&fields, node))?;
            progress(1);
            Ok(())
        })?;
    writer.commit()?;
    writer.wait_merging_threads()?;
    Ok(Written {
        passages: passage_count.into_inner(),
        nodes: nodes.len(),
    })
}
