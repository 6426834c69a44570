//! Adding and removing documents: the library changed under its lock, then the index and
//! graph derived incrementally from the current build (only the changed document is read;
//! see [`crate::index::incremental`]) and published atomically; plus the per-document views
//! the API and the command line list.

pub mod cache;
pub mod finishing;
pub mod intake;
pub mod kept;

use crate::corpus::{Corpus, CorpusError, SeedDoc};
use crate::engine::{Engine, EngineConfig, EngineError, GRAPH_FILE, node_entry, now_rfc3339};
use crate::graph::GraphError;
use crate::graph::assembly::{DraftCopy, GraphAssembly, PreparedDocument};
use crate::graph::build::document_drafts;
use crate::graph::model::NodeType;
use crate::index::incremental::{IndexChanges, derive_index};
use crate::index::store::BuildMeta;
use crate::index::{self, NodeEntry};
use crate::ingest::{Format, IngestError};
use crate::library::{LibraryEntry, LibraryError, LibraryLock, NewDocument, sha256_hex};
use crate::passages::passages;
use crate::vocab::Vocabulary;
use cache::DocumentCache;
use finishing::{Finishing, Unfinished};
use intake::{Incoming, IntakeOptions};
use kept::{Kept, KeptAssembly};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

/// Why a document could not be added or removed. Nothing was changed.
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    /// The file is larger than the limit.
    #[error("the document is larger than the limit of {limit} bytes")]
    TooLarge {
        /// The limit in bytes.
        limit: usize,
    },
    /// The file could not be turned into text.
    #[error(transparent)]
    Ingest(#[from] IngestError),
    /// The same content is already in the corpus.
    #[error("the same document is already in the corpus as {id:?}")]
    Duplicate {
        /// The existing document's id.
        id: String,
    },
    /// A metadata value is malformed.
    #[error("{0}")]
    BadMetadata(String),
    /// No document has this id.
    #[error("no document {0:?}")]
    NotFound(String),
    /// Seed documents cannot be removed.
    #[error("{0:?} is a seed document; only added documents can be removed")]
    Seed(String),
    /// The change was interrupted (its task failed); nothing was published.
    #[error("the change was interrupted: {0}")]
    Interrupted(String),
    /// The library failed.
    #[error(transparent)]
    Library(#[from] LibraryError),
    /// Building the new state failed.
    #[error(transparent)]
    Engine(#[from] EngineError),
}

impl From<CorpusError> for DocumentError {
    fn from(error: CorpusError) -> DocumentError {
        DocumentError::Engine(EngineError::from(error))
    }
}

/// Where a document comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DocumentSource {
    /// The read-only seeds.
    Seed,
    /// Added to the library.
    Library,
}

/// A document of the corpus with its metadata and what was read from it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct DocumentSummary {
    /// Id citations use in `doc`.
    pub id: String,
    /// File name: the seed file, or the original file name as added.
    pub file: String,
    /// `seed` or `library`.
    pub source: DocumentSource,
    /// Title.
    pub title: String,
    /// Publisher.
    pub publisher: String,
    /// Date (`YYYY-MM` or `YYYY-MM-DD`), empty when unknown.
    pub date: String,
    /// Kind of document.
    pub kind: crate::corpus::DocKind,
    /// Format it was read as (seeds are text).
    pub format: Format,
    /// Pages (PDFs), otherwise null.
    pub pages: Option<u32>,
    /// SHA-256 of the original (library documents).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
    /// When it was added (library documents).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub added_at: Option<String>,
    /// Lines of text citations count.
    pub lines: usize,
    /// Passages indexed.
    pub passages: usize,
    /// Graph nodes with a source in this document.
    pub nodes: usize,
    /// Budget figures read from this document.
    pub budgets: usize,
}

/// Every document of the served corpus, seeds first.
pub fn summaries(engine: &Engine) -> Vec<DocumentSummary> {
    let mut nodes: HashMap<&str, usize> = HashMap::new();
    let mut budgets: HashMap<&str, usize> = HashMap::new();
    for node in engine.graph.nodes() {
        let docs: HashSet<&str> = node.sources.iter().map(|s| s.doc.as_str()).collect();
        for doc in docs {
            *nodes.entry(doc).or_default() += 1;
            if node.node_type == NodeType::Budget {
                *budgets.entry(doc).or_default() += 1;
            }
        }
    }
    engine
        .corpus
        .docs
        .iter()
        .map(|doc| {
            let id = doc.file();
            let counts = (
                nodes.get(id).copied().unwrap_or(0),
                budgets.get(id).copied().unwrap_or(0),
            );
            describe(engine, doc, counts)
        })
        .collect()
}

/// One document's summary.
pub fn summary(engine: &Engine, id: &str) -> Option<DocumentSummary> {
    let doc = engine.corpus.doc(id)?;
    let (mut nodes, mut budgets) = (0, 0);
    for node in engine.graph.nodes() {
        if node.sources.iter().any(|s| s.doc == id) {
            nodes += 1;
            budgets += usize::from(node.node_type == NodeType::Budget);
        }
    }
    Some(describe(engine, doc, (nodes, budgets)))
}

/// The summary of `doc`, with the counts of nodes and budget figures read from it.
fn describe(engine: &Engine, doc: &SeedDoc, (nodes, budgets): (usize, usize)) -> DocumentSummary {
    let id = doc.file();
    let library = engine.corpus.library.get(id).map(|l| &l.entry);
    DocumentSummary {
        id: id.to_string(),
        file: library.map_or_else(|| id.to_string(), |e| e.file.clone()),
        source: if library.is_some() {
            DocumentSource::Library
        } else {
            DocumentSource::Seed
        },
        title: doc.info.title.clone(),
        publisher: doc.info.publisher.clone(),
        date: doc.info.date.clone(),
        kind: doc.info.kind,
        format: library.map_or(Format::Text, |e| e.format),
        pages: library.and_then(|e| e.pages),
        sha256: library.map(|e| e.sha256.clone()),
        added_at: library.map(|e| e.added_at.clone()),
        lines: doc.lines.len(),
        passages: engine.cache.passages(id).unwrap_or(0),
        nodes,
        budgets,
    }
}

/// The engine of the build currently published, which may be newer than `current` when
/// another process (`seisaku add`) changed the library.
fn latest(config: &EngineConfig, current: &Engine) -> Result<Option<Engine>, EngineError> {
    let published = config.store().current()?;
    let up_to_date = published
        .as_ref()
        .is_some_and(|(dir, _)| *dir == current.build_dir && current.build_dir.exists());
    if up_to_date {
        return Ok(None);
    }
    Engine::open_or_build(config, &indicatif::ProgressBar::hidden()).map(Some)
}

/// Adds a file: converts it, stores it in the library and publishes the index and graph
/// with it. Returns the new engine and the document's summary.
pub fn add_document(
    config: &EngineConfig,
    current: &Engine,
    incoming: Incoming,
    options: &IntakeOptions,
) -> Result<(Engine, DocumentSummary), DocumentError> {
    let started = Instant::now();
    let document = intake::prepare(incoming, options)?;
    tracing::debug!(
        ms = started.elapsed().as_millis() as u64,
        "document converted"
    );
    let library = config.library();
    current.finishing.supersede();
    let lock = library.lock()?;
    let reopened = latest(config, current)?;
    let base = reopened.as_ref().unwrap_or(current);
    add_locked(config, base, document, lock, started).inspect_err(|_| keep_graph_file(base))
}

/// Adds `document` to the library locked by `lock` and publishes the build grown from `base`.
fn add_locked(
    config: &EngineConfig,
    base: &Engine,
    document: NewDocument,
    lock: LibraryLock,
    started: Instant,
) -> Result<(Engine, DocumentSummary), DocumentError> {
    let library = config.library();
    if let Some(existing) = library
        .entries()?
        .into_iter()
        .find(|e| e.sha256 == document.entry.sha256)
    {
        return Err(DocumentError::Duplicate { id: existing.id });
    }
    let seeds: HashSet<String> = base
        .corpus
        .docs
        .iter()
        .filter(|d| !base.corpus.library.contains_key(d.file()))
        .map(|d| d.file().to_string())
        .collect();
    // A seed file added again is the seed itself. Only seeds of the same size are read and
    // hashed, so an add does not read the whole corpus.
    let size = document.original.len() as u64;
    if let Some(seed) = seeds.iter().find(|seed| {
        let path = config.seeds_dir.join(seed);
        std::fs::metadata(&path).is_ok_and(|meta| meta.len() == size)
            && std::fs::read(&path).is_ok_and(|bytes| sha256_hex(&bytes) == document.entry.sha256)
    }) {
        return Err(DocumentError::Duplicate { id: seed.clone() });
    }
    let entry = library.add(&lock, document, &seeds, now_rfc3339())?;
    tracing::debug!(ms = started.elapsed().as_millis() as u64, "document stored");
    let (mut engine, unfinished) = match derive(config, base) {
        Ok(derived) => derived,
        Err(error) => {
            // Nothing may change when the add fails: take the document out again.
            if let Err(undo) = library.remove(&lock, &entry.id) {
                tracing::error!(%undo, id = %entry.id, "could not undo a failed add");
            }
            return Err(error.into());
        }
    };
    engine.finishing = Finishing::start(unfinished, lock);
    let summary = summary(&engine, &entry.id).ok_or_else(|| {
        DocumentError::Engine(EngineError::Corpus(CorpusError::Library(
            LibraryError::NotFound(entry.id.clone()),
        )))
    })?;
    tracing::info!(id = %entry.id, ms = started.elapsed().as_millis() as u64, "document added");
    Ok((engine, summary))
}

/// Removes a library document and publishes the index and graph without it.
pub fn remove_document(
    config: &EngineConfig,
    current: &Engine,
    id: &str,
) -> Result<(Engine, LibraryEntry), DocumentError> {
    let library = config.library();
    current.finishing.supersede();
    let lock = library.lock()?;
    let reopened = latest(config, current)?;
    let base = reopened.as_ref().unwrap_or(current);
    remove_locked(config, base, id, lock).inspect_err(|_| keep_graph_file(base))
}

/// Writes the graph file of `base`'s build when it is missing: a change that failed leaves
/// that build current, and the change before it may have given its graph file up for it.
fn keep_graph_file(base: &Engine) {
    let path = base.build_dir.join(GRAPH_FILE);
    if path.exists() {
        return;
    }
    if let Err(error) = base.graph.save(&path) {
        tracing::error!(%error, "the build's graph file was not written; it will be built again when opened");
    }
}

/// Removes library document `id` from the library locked by `lock` and publishes the build
/// made from `base` without it.
fn remove_locked(
    config: &EngineConfig,
    base: &Engine,
    id: &str,
    lock: LibraryLock,
) -> Result<(Engine, LibraryEntry), DocumentError> {
    let library = config.library();
    if !base.corpus.library.contains_key(id) {
        let is_seed = base.corpus.doc(id).is_some();
        if is_seed {
            return Err(DocumentError::Seed(id.to_string()));
        }
        if !library.entries()?.iter().any(|e| e.id == id) {
            return Err(DocumentError::NotFound(id.to_string()));
        }
    }
    let removed = library.remove(&lock, id)?;
    let (mut engine, unfinished) = derive(config, base)?;
    engine.finishing = Finishing::start(unfinished, lock);
    Ok((engine, removed))
}

/// Builds and publishes the state of the library as it now is from `base`, re-reading only
/// the documents that changed. Returns the new engine and what is left to do once it
/// answers: the graph file and the segment merges the index commit started.
fn derive(config: &EngineConfig, base: &Engine) -> Result<(Engine, Unfinished), EngineError> {
    let started = Instant::now();
    // The base's graph assembly is copied while the corpus is read: making the graph then
    // copies no more than the drafts of the documents merged.
    let (grown, ahead) = rayon::join(
        || -> Result<_, EngineError> {
            let grown = Corpus::grown(&base.corpus, &config.seeds_dir, &config.library())?;
            let cache = DocumentCache::reusing(&grown.corpus, &base.cache, &grown.kept);
            Ok((grown.corpus, cache))
        },
        || assembly_ahead(base),
    );
    let (corpus, mut cache) = grown?;
    let fingerprint = crate::engine::fingerprint(config, &corpus);
    tracing::debug!(ms = started.elapsed().as_millis() as u64, "corpus read");
    let (mut kept, copy) = assemble(base, &corpus, &cache, ahead);
    tracing::debug!(ms = started.elapsed().as_millis() as u64, "documents read");
    let store = config.store();
    let dir = store.new_build_dir(&fingerprint)?;
    let saved_docs = save_assembly(&kept, &base.build_dir, &dir)?;
    tracing::debug!(ms = started.elapsed().as_millis() as u64, "assembly saved");
    let (graph, _) = match copy {
        Some(copy) => kept.assembly.to_graph_from(copy, &corpus, &base.vocab),
        None => kept.assembly.to_graph(&corpus, &base.vocab),
    };
    tracing::debug!(ms = started.elapsed().as_millis() as u64, "graph merged");
    let changes = index_changes(base, &corpus, &cache, &graph);
    // The index is written on one thread while the drafts are saved on another; the graph
    // file is written after the change has answered (see `finishing`).
    let (merges, saved) = rayon::join(
        || derive_index(&base.build_dir, &dir, &base.analyzer, &changes),
        || cache.save(&dir),
    );
    let merges = merges?;
    saved?;
    tracing::debug!(
        ms = started.elapsed().as_millis() as u64,
        "index derived, drafts saved"
    );
    let passages_total = corpus
        .docs
        .iter()
        .filter_map(|d| cache.passages(d.file()))
        .sum();
    let meta = BuildMeta {
        content_hash: fingerprint.clone(),
        built_at: now_rfc3339(),
        passages: passages_total,
        nodes: graph.nodes().iter().filter_map(node_entry).count(),
        build_ms: started.elapsed().as_millis() as u64,
    };
    index::publish(&store, &dir, &meta)?;
    let opened = index::open_index(&dir, &base.analyzer)?;
    tracing::debug!(ms = started.elapsed().as_millis() as u64, "build published");
    let assembly = KeptAssembly::new(kept.assembly, saved_docs);
    let graph = Arc::new(graph);
    let unfinished = Unfinished {
        graph: Arc::clone(&graph),
        graph_path: dir.join(GRAPH_FILE),
        merges,
    };
    let engine = base.successor(
        corpus,
        fingerprint,
        (opened, graph, meta, dir, cache, assembly),
    );
    Ok((engine, unfinished))
}

/// Documents prepared at once, per thread, when the graph is merged again from every
/// document's cached drafts.
const PREPARED_PER_THREAD: usize = 4;

/// Most documents merged after those the saved assembly file holds: until then each build
/// links the file of the build before it (the documents after it are merged again from
/// their cached drafts when the file is read), then the whole assembly is saved again.
const MAX_DOCS_AFTER_SAVED: usize = 16;

/// The base engine's graph assembly, with a copy of its drafts made ahead.
struct Ahead {
    kept: Kept,
    copy: DraftCopy,
    /// Whether the assembly was read from the base's build (not kept in memory).
    read: bool,
}

/// The base engine's graph assembly (kept in memory, or else read from its build), with a
/// copy of its drafts made ahead; `None` when the build has none saved.
fn assembly_ahead(base: &Engine) -> Option<Ahead> {
    let (mut kept, read) = match base.assembly.take() {
        Some(kept) => (kept, false),
        None => (saved_assembly(base)?, true),
    };
    let copy = kept.assembly.copy_drafts();
    Some(Ahead { kept, copy, read })
}

/// The assembly saved in the base engine's build.
fn saved_assembly(base: &Engine) -> Option<Kept> {
    match GraphAssembly::load(&base.build_dir) {
        Ok(assembly) => Some(Kept {
            saved_docs: assembly.docs().len(),
            assembly,
        }),
        Err(error) => {
            tracing::warn!(%error, "no saved graph assembly; merging every document again");
            None
        }
    }
}

/// The graph assembly of `corpus`: the base engine's (`ahead`, or else the one saved in its
/// build) with the documents that come after those it merged added, when the documents it
/// merged are still the corpus's first ones, unchanged; otherwise (a document removed or
/// changed) made again from every document's cached drafts. With it the copy of its drafts
/// made ahead, when that is still of use.
fn assemble(
    base: &Engine,
    corpus: &Corpus,
    cache: &DocumentCache,
    ahead: Option<Ahead>,
) -> (Kept, Option<DraftCopy>) {
    let unchanged = |assembly: &GraphAssembly| {
        assembly.docs().len() <= corpus.docs.len()
            && assembly
                .docs()
                .iter()
                .zip(&corpus.docs)
                .all(|(merged, doc)| {
                    merged == doc.file()
                        && matches!(
                            (base.cache.content(merged), cache.content(merged)),
                            (Some(old), Some(new)) if old == new
                        )
                })
    };
    let read_already = ahead.as_ref().is_some_and(|ahead| ahead.read);
    let (mut kept, copy) = match ahead {
        Some(ahead) if unchanged(&ahead.kept.assembly) => (ahead.kept, Some(ahead.copy)),
        _ => {
            let kept = (!read_already)
                .then(|| saved_assembly(base))
                .flatten()
                .filter(|kept| unchanged(&kept.assembly))
                .unwrap_or(Kept {
                    assembly: GraphAssembly::default(),
                    saved_docs: 0,
                });
            (kept, None)
        }
    };
    merge_the_rest(&mut kept.assembly, corpus, cache, &base.vocab);
    (kept, copy)
}

/// Merges into `assembly` the documents of `corpus` after those it holds (which must be the
/// corpus's first ones), from their cached drafts or, when none are cached, read again.
pub(crate) fn merge_the_rest(
    assembly: &mut GraphAssembly,
    corpus: &Corpus,
    cache: &DocumentCache,
    vocab: &Vocabulary,
) {
    let rest = &corpus.docs[assembly.docs().len().min(corpus.docs.len())..];
    for chunk in rest.chunks(rayon::current_num_threads() * PREPARED_PER_THREAD) {
        let prepared: Vec<PreparedDocument> = chunk
            .par_iter()
            .map(|doc| {
                let drafts = cache.drafts(doc).unwrap_or_else(|| document_drafts(doc));
                PreparedDocument::new(doc, drafts, corpus, vocab)
            })
            .collect();
        for (doc, ready) in chunk.iter().zip(prepared) {
            assembly.add(doc, ready, corpus, vocab);
        }
    }
}

/// Gives the build `to` its assembly file: a link to that of the build `from` while it
/// holds all but a few of the assembly's documents, otherwise the whole assembly saved.
/// Returns how many documents the file holds.
fn save_assembly(kept: &Kept, from: &Path, to: &Path) -> Result<usize, GraphError> {
    let behind = kept.assembly.docs().len() - kept.saved_docs;
    if kept.saved_docs > 0 && behind <= MAX_DOCS_AFTER_SAVED {
        match GraphAssembly::link(from, to) {
            Ok(()) => return Ok(kept.saved_docs),
            Err(error) => tracing::warn!(%error, "saved graph assembly not linked; saving it"),
        }
    }
    kept.assembly.save(to)?;
    Ok(kept.assembly.docs().len())
}

/// What the index must change: passages of documents added, removed or changed, and the
/// node entries that differ between the two graphs.
fn index_changes(
    base: &Engine,
    corpus: &Corpus,
    cache: &DocumentCache,
    graph: &crate::graph::KnowledgeGraph,
) -> IndexChanges {
    let mut changes = IndexChanges::default();
    let now: HashSet<&str> = corpus.docs.iter().map(|d| d.file()).collect();
    for doc in &base.corpus.docs {
        if !now.contains(doc.file()) {
            changes.remove_docs.push(doc.file().to_string());
        }
    }
    for (doc_index, doc) in corpus.docs.iter().enumerate() {
        let unchanged = matches!(
            (base.cache.content(doc.file()), cache.content(doc.file())),
            (Some(old), Some(new)) if old == new
        );
        if !unchanged {
            changes.remove_docs.push(doc.file().to_string());
            changes.passages.push((doc_index, passages(doc)));
        }
    }
    let old: HashMap<String, NodeEntry> = base
        .graph
        .nodes()
        .iter()
        .filter_map(node_entry)
        .map(|e| (e.id.clone(), e))
        .collect();
    let new: HashMap<String, NodeEntry> = graph
        .nodes()
        .iter()
        .filter_map(node_entry)
        .map(|e| (e.id.clone(), e))
        .collect();
    for (id, entry) in &old {
        if new.get(id) != Some(entry) {
            changes.remove_nodes.push(id.clone());
        }
    }
    for (id, entry) in new {
        if old.get(&id) != Some(&entry) {
            changes.nodes.push(entry);
        }
    }
    changes.remove_nodes.sort();
    changes.nodes.sort_by(|a, b| a.id.cmp(&b.id));
    changes
}
