//! The full-text index: building it from passages and graph nodes, and opening it to search.

pub mod documents;
pub mod incremental;
pub mod ords;
pub mod schema;
pub mod store;
pub mod token_spans;
pub mod writer;

use crate::analysis::Analyzer;
use crate::analysis::tokenizers::{
    BIGRAM, BigramTokenizer, JAPANESE, JAPANESE_REPEATED, JapaneseTokenizer,
    RepeatedJapaneseTokenizer,
};
use ords::OrdColumns;
use schema::{Fields, fields_of};
use std::path::Path;
use std::sync::Arc;
use store::{BuildMeta, Store, StoreError};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Index, IndexReader, ReloadPolicy};

/// Memory budget of the index writer of an incremental change.
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

/// An opened index build, ready to search.
#[derive(Clone)]
pub struct SearchIndex {
    /// The tantivy index.
    pub index: Index,
    /// Its reader.
    pub reader: IndexReader,
    /// Field handles.
    pub fields: Fields,
    /// The corpus-order column of the reader's segments.
    pub ords: Arc<OrdColumns>,
}

pub(crate) fn register_tokenizers(index: &Index, analyzer: &Analyzer) {
    index.tokenizers().register(
        JAPANESE,
        TextAnalyzer::from(JapaneseTokenizer::new(analyzer.clone())),
    );
    index.tokenizers().register(
        JAPANESE_REPEATED,
        TextAnalyzer::from(RepeatedJapaneseTokenizer::new(analyzer.clone())),
    );
    index
        .tokenizers()
        .register(BIGRAM, TextAnalyzer::from(BigramTokenizer));
}

/// Decompressed blocks of stored passages kept per segment (tantivy keeps 100): a search
/// reads only the documents of the hits it shows.
const DOC_STORE_CACHE_BLOCKS: usize = 10;

/// Opens the tantivy index of a build directory.
pub fn open_index(dir: &Path, analyzer: &Analyzer) -> Result<SearchIndex, IndexError> {
    let index = Index::open_in_dir(dir.join("tantivy"))?;
    register_tokenizers(&index, analyzer);
    let fields = fields_of(&index.schema())?;
    let reader = index
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .doc_store_cache_num_blocks(DOC_STORE_CACHE_BLOCKS)
        .try_into()?;
    let ords = Arc::new(OrdColumns::open(&reader.searcher()));
    Ok(SearchIndex {
        index,
        reader,
        fields,
        ords,
    })
}

/// Publishes a finished build directory.
pub fn publish(store: &Store, dir: &Path, meta: &BuildMeta) -> Result<(), IndexError> {
    store.publish(dir, meta)?;
    Ok(())
}
