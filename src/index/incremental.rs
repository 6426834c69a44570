//! Deriving a new build's index from the current one: the current build's immutable segment
//! files are hard-linked into the new build directory, then one document's passages and the
//! changed node entries are deleted and added there. The current build is never written to,
//! so readers of it are unaffected and a crash leaves it serving. The merges of small
//! segments the commit starts are left running ([`PendingMerges`]): tantivy's meta lock keeps
//! a reader opening the new build from losing a segment a merge replaces.

use super::documents::{node_document, passage_document, passage_ord};
use super::schema::fields_of;
use super::store::StoreError;
use super::{Analyzer, register_tokenizers};
use super::{IndexError, NodeEntry, WRITER_MEMORY_BYTES};
use crate::passages::Passage;
use std::path::Path;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Index, IndexWriter, TantivyDocument, Term};

/// What changes between the current index and the next.
#[derive(Debug, Clone, Default)]
pub struct IndexChanges {
    /// Documents whose passages are deleted.
    pub remove_docs: Vec<String>,
    /// Node ids whose entries are deleted (before `nodes` are added).
    pub remove_nodes: Vec<String>,
    /// Passages added: each document's position in corpus order and its passages.
    pub passages: Vec<(usize, Vec<Passage>)>,
    /// Node entries added.
    pub nodes: Vec<NodeEntry>,
}

/// The segment merges a derived index's commit started, still running.
pub struct PendingMerges {
    writer: IndexWriter<TantivyDocument>,
}

impl PendingMerges {
    /// Waits until the merges end (the merged segments are then in the index's `meta.json`).
    pub fn finish(self) -> Result<(), IndexError> {
        self.writer.wait_merging_threads()?;
        Ok(())
    }
}

/// Writes into `to/tantivy` the index of `from/tantivy` with `changes` applied and commits
/// it; the merges of small segments its merge policy picks go on in the background.
pub fn derive_index(
    from: &Path,
    to: &Path,
    analyzer: &Analyzer,
    changes: &IndexChanges,
) -> Result<PendingMerges, IndexError> {
    let source = from.join("tantivy");
    let target = to.join("tantivy");
    link_files(&source, &target)?;
    let index = Index::open_in_dir(&target)?;
    register_tokenizers(&index, analyzer);
    let fields = fields_of(&index.schema())?;
    let mut writer = index.writer_with_num_threads::<TantivyDocument>(1, WRITER_MEMORY_BYTES)?;
    for doc in &changes.remove_docs {
        writer.delete_query(both(fields.kind, "passage", fields.doc, doc))?;
    }
    for id in &changes.remove_nodes {
        writer.delete_query(both(fields.kind, "node", fields.id, id))?;
    }
    for (doc_index, passages) in &changes.passages {
        for (position, passage) in passages.iter().enumerate() {
            let ord = passage_ord(*doc_index, position);
            writer.add_document(passage_document(&fields, analyzer, passage, ord))?;
        }
    }
    for node in &changes.nodes {
        writer.add_document(node_document(&fields, node))?;
    }
    writer.commit()?;
    Ok(PendingMerges { writer })
}

/// Documents whose `a` field is `a_value` and whose `b` field is `b_value`.
fn both(a: Field, a_value: &str, b: Field, b_value: &str) -> Box<dyn Query> {
    let term = |field: Field, value: &str| -> Box<dyn Query> {
        Box::new(TermQuery::new(
            Term::from_field_text(field, value),
            IndexRecordOption::Basic,
        ))
    };
    Box::new(BooleanQuery::new(vec![
        (Occur::Must, term(a, a_value)),
        (Occur::Must, term(b, b_value)),
    ]))
}

/// Hard-links the segment files of `source` into `target`; the small metadata files
/// (`*.json`) are copied, since the writer replaces them; lock files are left behind.
fn link_files(source: &Path, target: &Path) -> Result<(), StoreError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| StoreError::Io { path, source }
    };
    std::fs::create_dir_all(target).map_err(io(target))?;
    for entry in std::fs::read_dir(source).map_err(io(source))? {
        let entry = entry.map_err(io(source))?;
        let name = entry.file_name();
        let name_text = name.to_string_lossy();
        if name_text.starts_with(".tantivy-") || !entry.path().is_file() {
            continue;
        }
        let destination = target.join(&name);
        if name_text.ends_with(".json") {
            std::fs::copy(entry.path(), &destination).map_err(io(&destination))?;
        } else if std::fs::hard_link(entry.path(), &destination).is_err() {
            // Another file system: fall back to a copy.
            std::fs::copy(entry.path(), &destination).map_err(io(&destination))?;
        }
    }
    Ok(())
}
