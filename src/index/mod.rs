//! The full-text index: building it from passages and graph nodes, and opening it to search.

pub mod incremental;
pub mod schema;
pub mod store;

use crate::analysis::Analyzer;
use crate::analysis::tokenizers::{BIGRAM, BigramTokenizer, JAPANESE, JapaneseTokenizer};
use crate::passages::Passage;
use schema::{Fields, build_schema, fields_of};
use std::path::Path;
use store::{BuildMeta, Store, StoreError};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Index, IndexReader, ReloadPolicy, TantivyDocument, doc};

/// Memory budget of the index writer.
pub(crate) const WRITER_MEMORY_BYTES: usize = 50_000_000;

/// Errors while building or opening the index.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    /// tantivy failed.
    #[error("index: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    /// The on-disk store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// A graph node as the index sees it: searchable by name and aliases.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeEntry {
    /// Node id.
    pub id: String,
    /// Node type name.
    pub node_type: String,
    /// Name followed by aliases, one per line.
    pub text: String,
    /// First source: file, lines.
    pub doc: String,
    /// First source line.
    pub line_start: u32,
    /// Last source line.
    pub line_end: u32,
}

/// Everything that goes into one index build.
#[derive(Debug, Clone, Default)]
pub struct IndexInput {
    /// Passages of every document.
    pub passages: Vec<Passage>,
    /// Graph nodes.
    pub nodes: Vec<NodeEntry>,
}

/// An opened index build, ready to search.
#[derive(Clone)]
pub struct SearchIndex {
    /// The tantivy index.
    pub index: Index,
    /// Its reader.
    pub reader: IndexReader,
    /// Field handles.
    pub fields: Fields,
}

pub(crate) fn register_tokenizers(index: &Index, analyzer: &Analyzer) {
    index.tokenizers().register(
        JAPANESE,
        TextAnalyzer::from(JapaneseTokenizer::new(analyzer.clone())),
    );
    index
        .tokenizers()
        .register(BIGRAM, TextAnalyzer::from(BigramTokenizer));
}

/// Writes `input` into a tantivy index in `dir/tantivy`.
pub fn write_index(
    dir: &Path,
    analyzer: &Analyzer,
    input: &IndexInput,
    progress: &dyn Fn(u64),
) -> Result<(), IndexError> {
    let tantivy_dir = dir.join("tantivy");
    std::fs::create_dir_all(&tantivy_dir).map_err(|source| StoreError::Io {
        path: tantivy_dir.clone(),
        source,
    })?;
    let (schema, fields) = build_schema();
    let index = Index::create_in_dir(&tantivy_dir, schema)?;
    register_tokenizers(&index, analyzer);
    // One thread: documents keep corpus order, so equal scores rank the same on every build.
    let mut writer = index.writer_with_num_threads::<TantivyDocument>(1, WRITER_MEMORY_BYTES)?;
    for passage in &input.passages {
        writer.add_document(passage_document(&fields, passage))?;
        progress(1);
    }
    for node in &input.nodes {
        writer.add_document(node_document(&fields, node))?;
        progress(1);
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    Ok(())
}

/// The tantivy document of a passage.
pub(crate) fn passage_document(fields: &Fields, passage: &Passage) -> TantivyDocument {
    let heading_json = serde_json::to_string(&passage.heading).unwrap_or_default();
    let mut document = doc!(
        fields.kind => "passage",
        fields.id => passage.id.as_str(),
        fields.doc => passage.doc.as_str(),
        fields.line_start => u64::from(passage.line_start),
        fields.line_end => u64::from(passage.line_end),
        fields.heading_json => heading_json,
        fields.text => passage.text.as_str(),
        fields.body => passage.text.as_str(),
        fields.body_bigram => passage.text.as_str(),
        fields.heading => passage.heading.join("\n"),
    );
    for facet in facets_of(&passage.text) {
        document.add_text(fields.facets, facet);
    }
    document
}

/// The tantivy document of a graph node.
pub(crate) fn node_document(fields: &Fields, node: &NodeEntry) -> TantivyDocument {
    doc!(
        fields.kind => "node",
        fields.id => node.id.as_str(),
        fields.node_type => node.node_type.as_str(),
        fields.doc => node.doc.as_str(),
        fields.line_start => u64::from(node.line_start),
        fields.line_end => u64::from(node.line_end),
        fields.heading_json => "[]",
        fields.text => node.text.as_str(),
        fields.name => node.text.as_str(),
        fields.name_bigram => node.text.as_str(),
    )
}

/// Facet tokens of a text: whether it states money or a date.
fn facets_of(text: &str) -> Vec<&'static str> {
    let mut facets = Vec::new();
    if !crate::money::find_amounts(text).is_empty() {
        facets.push(crate::search::query::FACET_AMOUNT);
    }
    if crate::money::find_dates(text).next().is_some() {
        facets.push(crate::search::query::FACET_DATE);
    }
    facets
}

/// Opens the tantivy index of a build directory.
pub fn open_index(dir: &Path, analyzer: &Analyzer) -> Result<SearchIndex, IndexError> {
    let index = Index::open_in_dir(dir.join("tantivy"))?;
    register_tokenizers(&index, analyzer);
    let fields = fields_of(&index.schema())?;
    let reader = index
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()?;
    Ok(SearchIndex {
        index,
        reader,
        fields,
    })
}

/// Publishes a finished build directory.
pub fn publish(store: &Store, dir: &Path, meta: &BuildMeta) -> Result<(), IndexError> {
    store.publish(dir, meta)?;
    Ok(())
}
