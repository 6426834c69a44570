//! Wiring the pipeline: seeds → passages (+ graph) → index on disk, and opening what is built.
//!
//! The build is fingerprinted by the corpus content, the vocabulary and the pipeline version;
//! an up-to-date build is reused, a stale one is rebuilt into a new directory and published
//! atomically (see [`crate::index::store`]).

use crate::analysis::{Analyzer, DictionaryError, dictionary};
use crate::budgets::BudgetCatalog;
use crate::corpus::{Corpus, CorpusError, DocumentInfo};
use crate::documents::cache::DocumentCache;
use crate::documents::cache::SavedDocument;
use crate::documents::finishing::Finishing;
use crate::documents::kept::KeptAssembly;
use crate::graph::assembly::{GraphAssembly, PreparedDocument};
use crate::graph::build::document_drafts;
use crate::graph::model::{NodeDraft, NodeType};
use crate::graph::{GraphError, KnowledgeGraph};
use crate::index::store::{BuildMeta, Store, StoreError};
use crate::index::writer::IndexBuilder;
use crate::index::{self, IndexError, NodeEntry, SearchIndex};
use crate::library::Library;
use crate::passages::passages;
use crate::search::cache::{CacheStats, ResultCache, budget_from_env};
use crate::search::{self, HitNode, SearchError, SearchPage, SearchRequest};
use crate::vocab::{Expansion, VocabError, Vocabulary};
use indicatif::ProgressBar;
use rayon::prelude::*;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

/// File name of the persisted graph inside a build directory.
pub(crate) const GRAPH_FILE: &str = "graph.json";

/// Bumped whenever passages, analysis or extraction change what a build contains.
const PIPELINE_VERSION: &str = "15";
/// Fingerprint of the sources of passages, analysis, extraction and graph assembly (made by
/// `build.rs`): a build made by other code is not reused even when the version was not bumped.
const PIPELINE_SOURCES: &str = env!("SEISAKU_PIPELINE_SOURCES");

/// Errors while preparing the engine.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    /// The dictionary is missing or broken.
    #[error(transparent)]
    Dictionary(#[from] DictionaryError),
    /// The seeds could not be read.
    #[error(transparent)]
    Corpus(#[from] CorpusError),
    /// The index failed.
    #[error(transparent)]
    Index(#[from] IndexError),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The vocabulary is invalid.
    #[error(transparent)]
    Vocabulary(#[from] VocabError),
    /// The persisted graph could not be written or read.
    #[error(transparent)]
    Graph(#[from] GraphError),
}

/// File name of the curated vocabulary inside the seeds directory.
pub const VOCABULARY_FILE: &str = "vocabulary.toml";

/// Most synonyms searched per vocabulary term found in a query.
const MAX_TERMS_PER_EXPANSION: usize = 8;

/// A search page with the vocabulary expansions applied to the query.
#[derive(Debug, Clone)]
pub struct SearchOutcome {
    /// The hits.
    pub page: SearchPage,
    /// What the vocabulary added to the query.
    pub expansions: Vec<Expansion>,
}

impl SearchOutcome {
    /// About how many bytes the outcome holds: its texts and a fixed share per hit, node
    /// and expansion (what a cached answer costs).
    fn approximate_bytes(&self) -> usize {
        const PER_ITEM: usize = 64;
        let hits: usize = self
            .page
            .hits
            .iter()
            .map(|hit| {
                let nodes: usize = hit
                    .nodes
                    .iter()
                    .map(|n| PER_ITEM + n.id.len() + n.name.len() + n.node_type.len())
                    .sum();
                let heading: usize = hit.heading.iter().map(|h| PER_ITEM + h.len()).sum();
                PER_ITEM * 4
                    + hit.id.len()
                    + hit.doc.len()
                    + hit.doc_title.len()
                    + hit.text.len()
                    + hit.snippet.len()
                    + heading
                    + nodes
            })
            .sum();
        let expansions: usize = self
            .expansions
            .iter()
            .map(|e| {
                let terms: usize = e.terms.iter().map(|t| PER_ITEM + t.len()).sum();
                PER_ITEM + e.matched.len() + e.canonical.len() + e.node_id.len() + terms
            })
            .sum();
        PER_ITEM + hits + expansions
    }
}

/// Where things are.
#[derive(Debug, Clone)]
pub struct EngineConfig {
    /// Directory with `manifest.toml` and the seed files.
    pub seeds_dir: PathBuf,
    /// Generated-data root (`index/`).
    pub index_dir: PathBuf,
    /// Project root (for a project-local dictionary source).
    pub project_root: PathBuf,
    /// Where the compiled dictionary is cached.
    pub dictionary_dir: PathBuf,
    /// The library of added documents (`library/`).
    pub library_dir: PathBuf,
}

impl EngineConfig {
    /// Seeds, index and project root under one directory.
    pub fn in_dir(root: impl Into<PathBuf>) -> EngineConfig {
        let root = root.into();
        EngineConfig {
            seeds_dir: root.join("seeds"),
            index_dir: root.join("index"),
            dictionary_dir: root.join("index").join("dictionary"),
            library_dir: root.join("library"),
            project_root: root,
        }
    }

    pub(crate) fn store(&self) -> Store {
        Store::new(&self.index_dir)
    }

    /// The library of added documents.
    pub fn library(&self) -> Library {
        Library::new(&self.library_dir)
    }
}

/// Everything a request needs, immutable once built.
pub struct Engine {
    /// The corpus as read.
    pub corpus: Corpus,
    /// The shared analyser.
    pub analyzer: Analyzer,
    /// The opened index.
    pub index: SearchIndex,
    /// Facts about the build served.
    pub meta: BuildMeta,
    /// Fingerprint of the inputs.
    pub fingerprint: String,
    /// The curated vocabulary.
    pub vocab: Vocabulary,
    /// The knowledge graph.
    pub graph: Arc<KnowledgeGraph>,
    /// The build directory served.
    pub build_dir: PathBuf,
    /// What each document contributed, for incremental updates.
    pub(crate) cache: DocumentCache,
    /// The graph assembly, when a change of the library made this engine.
    pub(crate) assembly: KeptAssembly,
    /// Which nodes were read from which lines.
    line_nodes: LineNodes,
    /// Every budget figure as an item, made on first use.
    budget_catalog: OnceLock<BudgetCatalog>,
    /// What the change that made this engine finishes after answering.
    pub(crate) finishing: Finishing,
    /// Answers to searches of this build, by request.
    search_cache: ResultCache<SearchRequest, SearchOutcome>,
}

/// Most graph nodes listed per search hit.
const MAX_NODES_PER_HIT: usize = 12;

/// Node ids by the lines their first source cites, per document.
#[derive(Debug, Default)]
struct LineNodes {
    by_doc: std::collections::HashMap<String, Vec<(u32, u32, String)>>,
}

impl LineNodes {
    fn new(graph: &KnowledgeGraph) -> LineNodes {
        let mut by_doc: std::collections::HashMap<String, Vec<(u32, u32, String)>> =
            std::collections::HashMap::new();
        for node in graph.nodes() {
            if matches!(node.node_type, NodeType::Budget | NodeType::Document) {
                continue;
            }
            for source in &node.sources {
                by_doc.entry(source.doc.to_string()).or_default().push((
                    source.line_start,
                    source.line_end,
                    node.id.clone(),
                ));
            }
        }
        for spans in by_doc.values_mut() {
            spans.sort();
        }
        LineNodes { by_doc }
    }

    /// Nodes whose source lies within lines `start..=end` of `doc`.
    fn nodes_in(&self, doc: &str, start: u32, end: u32) -> Vec<String> {
        let Some(spans) = self.by_doc.get(doc) else {
            return Vec::new();
        };
        let first = spans.partition_point(|(s, _, _)| *s < start);
        spans[first..]
            .iter()
            .take_while(|(s, _, _)| *s <= end)
            .filter(|(_, e, _)| *e <= end)
            .map(|(_, _, id)| id.clone())
            .collect()
    }
}

impl Engine {
    /// Opens the current build when it is up to date, otherwise builds first.
    pub fn open_or_build(
        config: &EngineConfig,
        progress: &ProgressBar,
    ) -> Result<Engine, EngineError> {
        let prepared = Prepared::load(config)?;
        let store = config.store();
        let up_to_date = store
            .current()?
            .filter(|(_, meta)| meta.content_hash == prepared.fingerprint);
        if let Some((dir, meta)) = up_to_date {
            let graph_path = dir.join(GRAPH_FILE);
            wait_for_graph_file(config, &graph_path);
            let opened = index::open_index(&dir, &prepared.analyzer).map_err(EngineError::from);
            let opened = opened.and_then(|index| {
                let cache = DocumentCache::load_or_compute(&dir, &prepared.corpus);
                let graph = match KnowledgeGraph::load(&graph_path) {
                    Ok(graph) => graph,
                    Err(error) if !graph_path.exists() => {
                        graph_from_assembly(&dir, &prepared.corpus, &cache, &prepared.vocab)
                            .ok_or(error)?
                    }
                    Err(error) => return Err(error.into()),
                };
                Ok((index, graph, cache))
            });
            match opened {
                Ok((index, graph, cache)) => {
                    return Ok(prepared.into_engine(index, graph, meta, dir, cache));
                }
                Err(error) => tracing::warn!(%error, "current build unreadable; rebuilding"),
            }
        }
        Engine::build_prepared(config, prepared, progress)
    }

    /// Builds afresh, publishes, and opens the new build.
    pub fn build(config: &EngineConfig, progress: &ProgressBar) -> Result<Engine, EngineError> {
        let prepared = Prepared::load(config)?;
        Engine::build_prepared(config, prepared, progress)
    }

    fn build_prepared(
        config: &EngineConfig,
        prepared: Prepared,
        progress: &ProgressBar,
    ) -> Result<Engine, EngineError> {
        let started = Instant::now();
        let store = config.store();
        let dir = store.new_build_dir(&prepared.fingerprint)?;
        progress.set_length(prepared.corpus.docs.len() as u64);
        let writing = IndexBuilder::create(&dir, &prepared.analyzer)?;
        let (cache, assembly) = read_documents(&prepared, &dir, &writing, &|n| progress.inc(n))?;
        tracing::debug!(ms = started.elapsed().as_millis() as u64, "documents read");
        cache.save_summaries_in(&dir)?;
        assembly.save(&dir)?;
        let (graph, report) = assembly.into_graph(&prepared.corpus, &prepared.vocab);
        tracing::info!(
            nodes = graph.nodes().len(),
            edges = graph.edges().len(),
            rejected_sources = report.rejected_sources,
            "graph built"
        );
        drop(report);
        let nodes: Vec<NodeEntry> = graph.nodes().iter().filter_map(node_entry).collect();
        progress.inc_length(nodes.len() as u64);
        // The graph is written while the index commits and merges its segments.
        let (written, saved) = rayon::join(
            || writing.finish(&nodes, &|n| progress.inc(n)),
            || graph.save(&dir.join(GRAPH_FILE)),
        );
        let written = written?;
        saved?;
        let meta = BuildMeta {
            content_hash: prepared.fingerprint.clone(),
            built_at: now_rfc3339(),
            passages: written.passages,
            nodes: written.nodes,
            build_ms: started.elapsed().as_millis() as u64,
        };
        index::publish(&store, &dir, &meta)?;
        progress.finish();
        tracing::info!(
            passages = meta.passages,
            build_ms = meta.build_ms,
            "index built"
        );
        let opened = index::open_index(&dir, &prepared.analyzer)?;
        Ok(prepared.into_engine(opened, graph, meta, dir, cache))
    }

    /// Searches with vocabulary expansions: a query naming 6G, QKD or マイナカード also
    /// searches Beyond 5G, 量子暗号通信 or マイナンバーカード. A request this build answered
    /// before is answered from its cache.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchOutcome, SearchError> {
        search::validate(request)?;
        match self.cached_search(request) {
            Some(cached) => Ok(cached),
            None => self.run_and_keep(request),
        }
    }

    /// Runs a search (see [`Engine::search`]) without looking in the cache, and keeps the
    /// answer there.
    pub fn search_and_keep(&self, request: &SearchRequest) -> Result<SearchOutcome, SearchError> {
        search::validate(request)?;
        self.run_and_keep(request)
    }

    /// Runs a validated search and keeps its answer in the cache.
    fn run_and_keep(&self, request: &SearchRequest) -> Result<SearchOutcome, SearchError> {
        let outcome = Arc::new(self.search_uncached(request)?);
        let bytes = outcome.approximate_bytes() + request.q.len();
        self.search_cache
            .insert(request.clone(), Arc::clone(&outcome), bytes);
        Ok(Arc::unwrap_or_clone(outcome))
    }

    /// The answer to `request` if this build answered it before and still holds it.
    pub fn cached_search(&self, request: &SearchRequest) -> Option<SearchOutcome> {
        self.search_cache
            .get(request)
            .map(|outcome| SearchOutcome::clone(&outcome))
    }

    /// What the search cache holds and how often it answered.
    pub fn search_cache_stats(&self) -> CacheStats {
        self.search_cache.stats()
    }

    /// Runs a search (see [`Engine::search`]).
    fn search_uncached(&self, request: &SearchRequest) -> Result<SearchOutcome, SearchError> {
        let expansions = self.vocab.expand_query(&request.q);
        let mut request = request.clone();
        for expansion in &expansions {
            request.expansion_terms.extend(
                expansion
                    .terms
                    .iter()
                    .take(MAX_TERMS_PER_EXPANSION)
                    .cloned(),
            );
        }
        let mut page = search::search(&self.index, &self.analyzer, &request, &|f| {
            self.doc_title(f)
        })?;
        for hit in &mut page.hits {
            hit.nodes = self.nodes_of_hit(hit);
            hit.page = self.page_of(&hit.doc, hit.line_start);
        }
        Ok(SearchOutcome { page, expansions })
    }

    /// The graph nodes a hit mentions: vocabulary terms in its text and nodes read from its
    /// lines (budgets left out); for a node hit, the node itself.
    fn nodes_of_hit(&self, hit: &search::Hit) -> Vec<HitNode> {
        let to_hit_node = |node: &NodeDraft| HitNode {
            id: node.id.clone(),
            node_type: node.node_type.as_str().to_string(),
            name: node.name.clone(),
        };
        if hit.kind == "node" {
            return self
                .graph
                .node(&hit.id)
                .map(to_hit_node)
                .into_iter()
                .collect();
        }
        let mut ids: Vec<String> = self
            .vocab
            .mentions_in(&hit.doc, hit.line_start, &hit.text)
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        ids.extend(
            self.line_nodes
                .nodes_in(&hit.doc, hit.line_start, hit.line_end),
        );
        let mut seen = std::collections::HashSet::new();
        ids.into_iter()
            .filter(|id| seen.insert(id.clone()))
            .filter_map(|id| self.graph.node(&id))
            .take(MAX_NODES_PER_HIT)
            .map(to_hit_node)
            .collect()
    }

    /// Assembles an engine from parts that share this engine's analyser and vocabulary.
    pub(crate) fn successor(
        &self,
        corpus: Corpus,
        fingerprint: String,
        parts: (
            SearchIndex,
            Arc<KnowledgeGraph>,
            BuildMeta,
            PathBuf,
            DocumentCache,
            KeptAssembly,
        ),
    ) -> Engine {
        let (index, graph, meta, build_dir, cache, assembly) = parts;
        Engine {
            corpus,
            analyzer: self.analyzer.clone(),
            index,
            meta,
            fingerprint,
            vocab: self.vocab.clone(),
            line_nodes: LineNodes::new(&graph),
            budget_catalog: OnceLock::new(),
            search_cache: ResultCache::new(budget_from_env()),
            finishing: Finishing::default(),
            graph,
            build_dir,
            cache,
            assembly,
        }
    }

    /// Every budget figure of the graph as an item, in source order (made once).
    pub fn budget_catalog(&self) -> &BudgetCatalog {
        self.budget_catalog
            .get_or_init(|| BudgetCatalog::new(&self.graph))
    }

    /// The page of line `line` of document `doc`, for PDFs.
    pub fn page_of(&self, doc: &str, line: u32) -> Option<u32> {
        self.corpus.page_of(doc, line)
    }

    /// The manifest entry of a seed file.
    pub fn document(&self, file: &str) -> Option<&DocumentInfo> {
        self.corpus.doc(file).map(|d| &d.info)
    }

    /// The title of a seed file (the file name when unknown).
    pub fn doc_title(&self, file: &str) -> String {
        self.document(file)
            .map(|d| d.title.clone())
            .unwrap_or_else(|| file.to_string())
    }
}

/// Documents read at once, per thread, ahead of the one merged into the graph next.
const READ_AHEAD_PER_THREAD: usize = 4;

/// Reads every document of the corpus on the current rayon pool: cuts it into passages for
/// the index, saves its graph drafts into the build directory `dir` and prepares them for
/// merging; the drafts are merged in corpus order on one more thread as they come, so only
/// the drafts of the few documents read ahead are held at once.
fn read_documents(
    prepared: &Prepared,
    dir: &Path,
    index: &IndexBuilder,
    progress: &(dyn Fn(u64) + Sync),
) -> Result<(DocumentCache, GraphAssembly), EngineError> {
    let (corpus, vocab) = (&prepared.corpus, &prepared.vocab);
    let bound = rayon::current_num_threads() * READ_AHEAD_PER_THREAD;
    let (sender, receiver) = std::sync::mpsc::sync_channel::<ReadDocument>(bound);
    std::thread::scope(|scope| {
        let merging = scope.spawn(move || {
            let mut cache = DocumentCache::default();
            let mut assembly = GraphAssembly::default();
            let mut waiting = BTreeMap::new();
            for (position, saved, ready) in receiver {
                waiting.insert(position, (saved, ready));
                while let Some((saved, ready)) = waiting.remove(&assembly.docs().len()) {
                    let Some(doc) = corpus.docs.get(assembly.docs().len()) else {
                        break;
                    };
                    cache.insert(doc.file(), saved);
                    assembly.add(doc, ready, corpus, vocab);
                }
            }
            (cache, assembly)
        });
        let read = corpus
            .docs
            .iter()
            .enumerate()
            .par_bridge()
            .try_for_each_with(sender, |sender, (position, doc)| {
                let cut = passages(doc);
                index.add_passages(position, &cut)?;
                let drafts = document_drafts(doc);
                let saved = DocumentCache::save_document(dir, doc, cut.len(), &drafts)?;
                drop(cut);
                let ready = PreparedDocument::new(doc, drafts, corpus, vocab);
                progress(1);
                // Sending fails only when the merging thread panicked: joining it says so.
                let _ = sender.send((position, saved, ready));
                Ok::<(), EngineError>(())
            });
        let merged = merging
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        read.map(|()| merged)
    })
}

/// A document read: its place in corpus order, its saved drafts and its prepared drafts.
type ReadDocument = (usize, SavedDocument, PreparedDocument);

/// Inputs read and the analyser ready, before the index is opened or built.
struct Prepared {
    corpus: Corpus,
    analyzer: Analyzer,
    fingerprint: String,
    vocab: Vocabulary,
}

/// The fingerprint of a build's inputs: pipeline version and sources, seeds, library and
/// vocabulary.
pub(crate) fn fingerprint(config: &EngineConfig, corpus: &Corpus) -> String {
    let mut hasher = Sha256::new();
    hasher.update(PIPELINE_VERSION.as_bytes());
    hasher.update(PIPELINE_SOURCES.as_bytes());
    hasher.update(corpus.content_hash.as_bytes());
    hasher.update(std::fs::read(config.seeds_dir.join(VOCABULARY_FILE)).unwrap_or_default());
    hex::encode(hasher.finalize())
}

/// The graph of the build in `dir` made again from its saved assembly and drafts, for a
/// build whose graph file was never written (the change that published it stopped first);
/// `None` when the assembly cannot be read or is not of this corpus.
fn graph_from_assembly(
    dir: &Path,
    corpus: &Corpus,
    cache: &DocumentCache,
    vocab: &Vocabulary,
) -> Option<KnowledgeGraph> {
    let mut assembly = GraphAssembly::load(dir).ok()?;
    let of_this_corpus = assembly.docs().len() <= corpus.docs.len()
        && assembly
            .docs()
            .iter()
            .zip(&corpus.docs)
            .all(|(merged, doc)| merged == doc.file());
    if !of_this_corpus {
        return None;
    }
    tracing::warn!(build = %dir.display(), "the build has no graph file; making it from the saved assembly");
    crate::documents::merge_the_rest(&mut assembly, corpus, cache, vocab);
    Some(assembly.into_graph(corpus, vocab).0)
}

/// Longest wait for a published build's graph file.
const GRAPH_FILE_WAIT: Duration = Duration::from_secs(60);

/// Waits while the change of the library that published a build is still writing its graph
/// file at `path` (it holds the library's lock until it is written); returns at once when
/// the file is there or nobody holds the lock (a change that did not finish: the build is
/// then made again).
fn wait_for_graph_file(config: &EngineConfig, path: &Path) {
    let started = Instant::now();
    while !path.exists() && started.elapsed() < GRAPH_FILE_WAIT {
        match config.library().try_lock() {
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Ok(Some(_)) | Err(_) => return,
        }
    }
}

/// Finishes or discards what an interrupted change of the library left, unless another
/// process is changing it right now.
fn recover_library(library: &Library) -> Result<(), EngineError> {
    if !library.manifest_path().exists() && !library.root().exists() {
        return Ok(());
    }
    let Some(lock) = library.try_lock().map_err(CorpusError::from)? else {
        return Ok(());
    };
    let recovery = library.recover(&lock).map_err(CorpusError::from)?;
    if recovery != Default::default() {
        tracing::warn!(?recovery, "library recovered from an interrupted change");
    }
    Ok(())
}

impl Prepared {
    fn load(config: &EngineConfig) -> Result<Prepared, EngineError> {
        let library = config.library();
        recover_library(&library)?;
        let corpus = Corpus::load_with_library(&config.seeds_dir, &library)?;
        let dictionary_dir =
            dictionary::ensure_compiled(&config.dictionary_dir, &config.project_root)?;
        let vocabulary_path = config.seeds_dir.join(VOCABULARY_FILE);
        let vocab = Vocabulary::load(&vocabulary_path)?;
        let user_terms: Vec<String> = vocab
            .entries()
            .iter()
            .flat_map(|entry| entry.names().map(str::to_string))
            .collect();
        let analyzer = Analyzer::load(&dictionary_dir, &user_terms)?;
        let fingerprint = fingerprint(config, &corpus);
        Ok(Prepared {
            corpus,
            analyzer,
            fingerprint,
            vocab,
        })
    }

    fn into_engine(
        self,
        index: SearchIndex,
        graph: KnowledgeGraph,
        meta: BuildMeta,
        build_dir: PathBuf,
        cache: DocumentCache,
    ) -> Engine {
        Engine {
            build_dir,
            cache,
            assembly: KeptAssembly::default(),
            corpus: self.corpus,
            analyzer: self.analyzer,
            index,
            meta,
            fingerprint: self.fingerprint,
            vocab: self.vocab,
            line_nodes: LineNodes::new(&graph),
            budget_catalog: OnceLock::new(),
            search_cache: ResultCache::new(budget_from_env()),
            finishing: Finishing::default(),
            graph: Arc::new(graph),
        }
    }
}

/// A node as the full-text index sees it (budgets are found through their items).
pub(crate) fn node_entry(node: &NodeDraft) -> Option<NodeEntry> {
    if matches!(node.node_type, NodeType::Budget) {
        return None;
    }
    let source = node.sources.first()?;
    let mut text = node.name.clone();
    for alias in &node.aliases {
        text.push('\n');
        text.push_str(alias);
    }
    Some(NodeEntry {
        id: node.id.clone(),
        node_type: node.node_type.as_str().to_string(),
        text,
        doc: source.doc.to_string(),
        line_start: source.line_start,
        line_end: source.line_end,
    })
}

/// The current time, RFC 3339 in UTC to the second.
pub(crate) fn now_rfc3339() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default();
    humantime::format_rfc3339_seconds(
        std::time::UNIX_EPOCH + std::time::Duration::from_secs(seconds),
    )
    .to_string()
}

impl AsRef<KnowledgeGraph> for Engine {
    fn as_ref(&self) -> &KnowledgeGraph {
        &self.graph
    }
}

#[cfg(test)]
mod tests {
    use super::PIPELINE_SOURCES;

    #[test]
    fn the_pipeline_sources_are_fingerprinted() {
        assert_eq!(PIPELINE_SOURCES.len(), 16, "{PIPELINE_SOURCES}");
        assert!(PIPELINE_SOURCES.chars().all(|c| c.is_ascii_hexdigit()));
    }
}
