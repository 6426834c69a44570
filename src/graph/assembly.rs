//! The graph of a corpus put together document by document, in corpus order, so that no
//! more than a few documents' drafts are held at once and a document added later is merged
//! into what the build before it gathered.
//!
//! Each document is first made ready on any thread ([`PreparedDocument`]: its parser nodes
//! renamed onto vocabulary entries, the links its items' names make, its vocabulary mentions,
//! its sources checked); then [`GraphAssembly::add`] merges it in corpus order and reads the
//! context cues of its items. [`GraphAssembly::into_graph`] adds the vocabulary nodes made of
//! every mention and their links. The assembly before that last step is saved with each
//! build ([`GraphAssembly::save`]), so adding a document reads the new document only.

use super::build::{
    BuildReport, DocumentDrafts, canonicalize, context_cues, keep_verified_sources, named_links,
};
use super::merger::{EdgeMerger, Merger, Merging, NodeMerger};
use super::model::{EdgeDraft, NodeDraft, NodeType, Source};
use super::{GraphData, GraphError, KnowledgeGraph};
use crate::corpus::{Corpus, SeedDoc};
use crate::vocab::{CorpusMentions, DocMentions, Vocabulary};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::Path;

/// File name of the saved assembly inside a build directory (MessagePack: it is read when
/// the first document is added after a server starts, and reads faster than JSON).
pub const ASSEMBLY_FILE: &str = "assembly.msgpack";

/// What one document contributes, made ready for merging (independent of other documents,
/// so documents can be prepared in parallel).
#[derive(Debug)]
pub struct PreparedDocument {
    proposed: usize,
    unparsed: Vec<Source>,
    nodes: Vec<NodeDraft>,
    edges: Vec<EdgeDraft>,
    named: Vec<EdgeDraft>,
    items: Vec<(u32, String)>,
    renamed: Vec<String>,
    mentions: DocMentions,
    rejected: usize,
}

impl PreparedDocument {
    /// Prepares the drafts of `doc` (a document of `corpus`).
    pub fn new(
        doc: &SeedDoc,
        drafts: DocumentDrafts,
        corpus: &Corpus,
        vocab: &Vocabulary,
    ) -> PreparedDocument {
        let DocumentDrafts {
            proposed,
            mut extraction,
            ..
        } = drafts;
        let unparsed = std::mem::take(&mut extraction.unparsed);
        let renamed = canonicalize(&mut extraction, vocab);
        let mut named = named_links(&extraction.nodes, vocab);
        let items = items_in(&extraction.nodes, doc.file());
        let mut rejected = keep_verified_sources(
            &mut extraction.nodes,
            &mut extraction.edges,
            Some(doc),
            corpus,
        );
        rejected += keep_verified_sources(&mut Vec::new(), &mut named, Some(doc), corpus);
        PreparedDocument {
            proposed,
            unparsed,
            nodes: extraction.nodes,
            edges: extraction.edges,
            named,
            items,
            renamed,
            mentions: vocab.doc_mentions(doc),
            rejected,
        }
    }
}

/// `(line, id)` for every line of `doc` where one of the measures and programs among `nodes`
/// is cited (a heading and the row of an overview table name the same item): the places
/// whose blocks of lines are read for context cues.
fn items_in(nodes: &[NodeDraft], doc: &str) -> Vec<(u32, String)> {
    let mut items: Vec<(u32, String)> = nodes
        .iter()
        .filter(|n| matches!(n.node_type, NodeType::Measure | NodeType::Program))
        .flat_map(|n| {
            n.sources
                .iter()
                .filter(|s| s.doc == doc)
                .map(|s| (s.line_start, n.id.clone()))
        })
        .collect();
    items.sort();
    items.dedup();
    items
}

/// The graph gathered so far: parser nodes and edges merged in corpus order, the links item
/// names make, each document's context cues, and every vocabulary mention.
#[derive(Debug, Default)]
pub struct GraphAssembly {
    docs: Vec<String>,
    nodes: NodeMerger,
    edges: EdgeMerger,
    named: EdgeMerger,
    context: BTreeMap<String, Context>,
    mentions: CorpusMentions,
    renamed: BTreeSet<String>,
    rejected: usize,
    report: BuildReport,
    /// Whether the texts of the documents merged were made one allocation per distinct text
    /// when the assembly was read (documents merged since have their texts as extracted).
    texts_shared: bool,
    /// The drafts merged since [`GraphAssembly::copy_drafts`], to merge into that copy too.
    since_copy: Option<Journal>,
}

/// Drafts merged since a copy was made, in their order.
#[derive(Debug, Default)]
struct Journal {
    /// Documents, node drafts and edge drafts the assembly held when the copy was made.
    held: (usize, usize, usize),
    nodes: Vec<NodeDraft>,
    edges: Vec<EdgeDraft>,
}

/// A copy of an assembly's merged drafts, made ahead (while the next documents are read) so
/// that making the graph once they are merged copies nothing more than their drafts.
#[derive(Debug)]
pub struct DraftCopy {
    docs: usize,
    nodes: Vec<NodeDraft>,
    edges: Vec<EdgeDraft>,
}

/// What the last step of making the graph takes from an assembly besides its drafts.
struct Finishing<'a> {
    mentions: &'a CorpusMentions,
    renamed: usize,
    rejected: usize,
    report: BuildReport,
    /// Whether the drafts' texts are already one allocation per distinct text.
    texts_shared: bool,
}

impl Finishing<'_> {
    /// The graph: `nodes` and `edges` (the documents' merged drafts), then the vocabulary
    /// nodes of every mention and the links their names make, the links item names made
    /// (`named`), then each document's context cues; every source checked against `corpus`.
    /// Equal texts are made one allocation unless the drafts' already are.
    fn graph(
        self,
        mut nodes: impl Merging<NodeDraft>,
        mut edges: impl Merging<EdgeDraft>,
        named: Vec<EdgeDraft>,
        context: impl Iterator<Item = (Vec<NodeDraft>, Vec<EdgeDraft>)>,
        corpus: &Corpus,
        vocab: &Vocabulary,
    ) -> (KnowledgeGraph, BuildReport) {
        let mut report = self.report;
        let vocabulary = vocab.link_mentions(self.mentions, corpus);
        let (mut vocab_nodes, mut vocab_edges) = (vocabulary.nodes, vocabulary.edges);
        let mut vocab_named = named_links(&vocab_nodes, vocab);
        report.rejected_sources = self.rejected
            + keep_verified_sources(&mut vocab_nodes, &mut vocab_edges, None, corpus)
            + keep_verified_sources(&mut Vec::new(), &mut vocab_named, None, corpus);
        report.canonicalized = self.renamed;
        vocab_nodes.into_iter().for_each(|n| nodes.push(n));
        vocab_edges.into_iter().for_each(|e| edges.push(e));
        named.into_iter().for_each(|e| edges.push(e));
        vocab_named.into_iter().for_each(|e| edges.push(e));
        for (context_nodes, context_edges) in context {
            context_nodes.into_iter().for_each(|n| nodes.push(n));
            context_edges.into_iter().for_each(|e| edges.push(e));
        }
        let edges = edges.into_items();
        let edge_count = edges.len();
        let data = GraphData {
            nodes: nodes.into_items(),
            edges,
        };
        let graph = if self.texts_shared {
            KnowledgeGraph::with_texts_as_given(data)
        } else {
            KnowledgeGraph::new(data)
        };
        report.dangling_edges = edge_count - graph.edges().len();
        (graph, report)
    }
}

/// The nodes and links one document's context cues add (sources checked).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Context {
    nodes: Vec<NodeDraft>,
    edges: Vec<EdgeDraft>,
}

/// [`GraphAssembly`] as saved, borrowed for writing.
#[derive(Serialize)]
struct SavedRef<'a> {
    docs: &'a [String],
    nodes: &'a [NodeDraft],
    edges: &'a [EdgeDraft],
    named: &'a [EdgeDraft],
    context: &'a BTreeMap<String, Context>,
    mentions: &'a CorpusMentions,
    renamed: &'a BTreeSet<String>,
    rejected: usize,
}

/// [`GraphAssembly`] as saved, read back.
#[derive(Deserialize)]
struct Saved {
    docs: Vec<String>,
    nodes: Vec<NodeDraft>,
    edges: Vec<EdgeDraft>,
    named: Vec<EdgeDraft>,
    context: BTreeMap<String, Context>,
    mentions: CorpusMentions,
    renamed: BTreeSet<String>,
    rejected: usize,
}

impl GraphAssembly {
    /// The documents merged so far, in order.
    pub fn docs(&self) -> &[String] {
        &self.docs
    }

    /// Merges the document `doc`, which comes after every document merged so far.
    pub fn add(
        &mut self,
        doc: &SeedDoc,
        prepared: PreparedDocument,
        corpus: &Corpus,
        vocab: &Vocabulary,
    ) {
        let PreparedDocument {
            proposed,
            mut unparsed,
            nodes,
            edges,
            named,
            mut items,
            renamed,
            mentions,
            rejected,
        } = prepared;
        // Vocabulary nodes first mentioned here have their first source here: they are
        // items of this document too.
        items.extend(
            vocab
                .first_mentions(&self.mentions, &mentions)
                .into_iter()
                .filter(|(entry, source)| {
                    matches!(entry.node_type, NodeType::Measure | NodeType::Program)
                        && source.doc == doc.file()
                })
                .map(|(entry, source)| (source.line_start, entry.node_id.clone())),
        );
        let (mut context_nodes, mut context_edges) = context_cues(doc, items, vocab);
        self.rejected += rejected
            + keep_verified_sources(&mut context_nodes, &mut context_edges, Some(doc), corpus);
        self.context.insert(
            doc.file().to_string(),
            Context {
                nodes: context_nodes,
                edges: context_edges,
            },
        );
        if let Some(journal) = &mut self.since_copy {
            journal.nodes.extend(nodes.iter().cloned());
            journal.edges.extend(edges.iter().cloned());
        }
        nodes.into_iter().for_each(|n| self.nodes.push(n));
        edges.into_iter().for_each(|e| self.edges.push(e));
        named.into_iter().for_each(|e| self.named.push(e));
        self.mentions.add(doc.file(), mentions);
        self.renamed.extend(renamed);
        self.report
            .proposed_nodes
            .push((doc.file().to_string(), proposed));
        self.report.unparsed.append(&mut unparsed);
        self.docs.push(doc.file().to_string());
    }

    /// The graph: the merged documents, then the vocabulary nodes of every mention and the
    /// links their names make, then the context cues (documents by name); every source
    /// checked against `corpus`.
    pub fn into_graph(self, corpus: &Corpus, vocab: &Vocabulary) -> (KnowledgeGraph, BuildReport) {
        let finishing = Finishing {
            mentions: &self.mentions,
            renamed: self.renamed.len(),
            rejected: self.rejected,
            report: self.report,
            texts_shared: false,
        };
        let named = self.named.into_items();
        let context = self
            .context
            .into_values()
            .map(|context| (context.nodes, context.edges));
        finishing.graph(self.nodes, self.edges, named, context, corpus, vocab)
    }

    /// A copy of the drafts merged so far, for [`GraphAssembly::to_graph_from`] once more
    /// documents are merged (those merged from now on are kept aside to merge into it too).
    pub fn copy_drafts(&mut self) -> DraftCopy {
        self.since_copy = Some(Journal {
            held: (
                self.docs.len(),
                self.nodes.items().len(),
                self.edges.items().len(),
            ),
            ..Journal::default()
        });
        let (nodes, edges) = rayon::join(
            || self.nodes.items().to_vec(),
            || self.edges.items().to_vec(),
        );
        DraftCopy {
            docs: self.docs.len(),
            nodes,
            edges,
        }
    }

    /// The graph [`GraphAssembly::into_graph`] gives, the assembly kept: its drafts are copied,
    /// the tables that merge them are not.
    pub fn to_graph(&self, corpus: &Corpus, vocab: &Vocabulary) -> (KnowledgeGraph, BuildReport) {
        let (nodes, edges) = rayon::join(|| self.nodes.extended(), || self.edges.extended());
        self.graph_of(nodes, edges, corpus, vocab)
    }

    /// [`GraphAssembly::to_graph`] made from `copy` (from [`GraphAssembly::copy_drafts`] of
    /// this assembly) and the drafts merged since, which are merged into it again; made as
    /// `to_graph` makes it when the copy is not of this assembly.
    pub fn to_graph_from(
        &mut self,
        copy: DraftCopy,
        corpus: &Corpus,
        vocab: &Vocabulary,
    ) -> (KnowledgeGraph, BuildReport) {
        let journal = self.since_copy.take();
        let Some(journal) = journal
            .filter(|journal| journal.held == (copy.docs, copy.nodes.len(), copy.edges.len()))
        else {
            return self.to_graph(corpus, vocab);
        };
        let mut nodes = self.nodes.extended_from(copy.nodes);
        journal.nodes.into_iter().for_each(|n| nodes.push(n));
        let mut edges = self.edges.extended_from(copy.edges);
        journal.edges.into_iter().for_each(|e| edges.push(e));
        self.graph_of(nodes, edges, corpus, vocab)
    }

    /// The graph of the documents' merged drafts `nodes` and `edges` (extended copies of this
    /// assembly's) and the rest of this assembly.
    fn graph_of(
        &self,
        nodes: impl Merging<NodeDraft>,
        edges: impl Merging<EdgeDraft>,
        corpus: &Corpus,
        vocab: &Vocabulary,
    ) -> (KnowledgeGraph, BuildReport) {
        let finishing = Finishing {
            mentions: &self.mentions,
            renamed: self.renamed.len(),
            rejected: self.rejected,
            report: self.report.clone(),
            texts_shared: self.texts_shared,
        };
        let named = self.named.items().to_vec();
        let context = self
            .context
            .values()
            .map(|context| (context.nodes.clone(), context.edges.clone()));
        finishing.graph(nodes, edges, named, context, corpus, vocab)
    }

    /// Writes the assembly into `dir` ([`ASSEMBLY_FILE`]).
    pub fn save(&self, dir: &Path) -> Result<(), GraphError> {
        let path = dir.join(ASSEMBLY_FILE);
        let io = |message: String| GraphError::Io {
            path: path.display().to_string(),
            message,
        };
        let saved = SavedRef {
            docs: &self.docs,
            nodes: self.nodes.items(),
            edges: self.edges.items(),
            named: self.named.items(),
            context: &self.context,
            mentions: &self.mentions,
            renamed: &self.renamed,
            rejected: self.rejected,
        };
        let file = std::fs::File::create(&path).map_err(|e| io(e.to_string()))?;
        let mut writer = std::io::BufWriter::new(file);
        rmp_serde::encode::write_named(&mut writer, &saved).map_err(|e| io(e.to_string()))?;
        writer.flush().map_err(|e| io(e.to_string()))
    }

    /// Gives `to` the assembly file of `from` (a hard link: saved files are never
    /// written again).
    pub fn link(from: &Path, to: &Path) -> std::io::Result<()> {
        std::fs::hard_link(from.join(ASSEMBLY_FILE), to.join(ASSEMBLY_FILE))
    }

    /// Reads the assembly saved in `dir`.
    pub fn load(dir: &Path) -> Result<GraphAssembly, GraphError> {
        let path = dir.join(ASSEMBLY_FILE);
        let io = |message: String| GraphError::Io {
            path: path.display().to_string(),
            message,
        };
        let bytes = std::fs::read(&path).map_err(|e| io(e.to_string()))?;
        // Equal texts read as one allocation, so the graphs made from the assembly share them
        // from the start.
        let saved: Saved = super::shared::interning(|| rmp_serde::from_slice(&bytes))
            .map_err(|e| io(e.to_string()))?;
        Ok(GraphAssembly {
            docs: saved.docs,
            nodes: Merger::from_items(saved.nodes),
            edges: Merger::from_items(saved.edges),
            named: Merger::from_items(saved.named),
            context: saved.context,
            mentions: saved.mentions,
            renamed: saved.renamed,
            rejected: saved.rejected,
            report: BuildReport::default(),
            texts_shared: true,
            since_copy: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::merger::Merging;
    use crate::graph::model::{Rel, cited_draft as node};

    #[test]
    fn a_saved_assembly_reads_back_the_same() {
        let mut budget = node(NodeType::Budget, "予算 R7 当初 1.5億円", 4);
        budget
            .props
            .insert("amount_oku_yen".into(), serde_json::json!("1.5"));
        budget
            .props
            .insert("flags".into(), serde_json::json!(["new"]));
        budget.props.insert("share".into(), serde_json::json!(0.25));
        let measure = node(NodeType::Measure, "施策「甲」", 3);
        let edge = EdgeDraft::new(
            &measure.id,
            Rel::HasBudget,
            &budget.id,
            budget.sources[0].clone(),
        );
        let mut assembly = GraphAssembly::default();
        assembly.docs.push("a.txt".into());
        assembly.nodes.push(measure.clone());
        assembly.nodes.push(budget);
        assembly.edges.push(edge.clone());
        assembly.named.push(edge);
        assembly.context.insert(
            "a.txt".into(),
            Context {
                nodes: vec![measure],
                edges: Vec::new(),
            },
        );
        assembly.renamed.insert("施策甲".into());
        assembly.rejected = 2;
        let dir = tempfile::tempdir().expect("temp dir");
        assembly.save(dir.path()).expect("save");
        let loaded = GraphAssembly::load(dir.path()).expect("load");
        let as_json = |a: &GraphAssembly| {
            serde_json::to_value(SavedRef {
                docs: &a.docs,
                nodes: a.nodes.items(),
                edges: a.edges.items(),
                named: a.named.items(),
                context: &a.context,
                mentions: &a.mentions,
                renamed: &a.renamed,
                rejected: a.rejected,
            })
            .expect("serialise")
        };
        assert_eq!(as_json(&loaded), as_json(&assembly));
    }
}
