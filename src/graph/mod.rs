//! The knowledge graph: model, building from extractions, and querying with petgraph.

pub mod assembly;
pub mod build;
pub mod export;
mod ids;
mod merger;
pub mod model;
pub mod query;
pub mod shared;

use crate::index::store::write_streamed_atomically;
use ids::IdTable;
use model::{EdgeDraft, NodeDraft, NodeType, Rel, Source};
use petgraph::Direction;
use petgraph::graph::{DiGraph, NodeIndex};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use shared::{Interner, SharedStr};
use std::io::Write;
use std::path::Path;

/// Errors reading or writing a persisted graph.
#[derive(Debug, thiserror::Error)]
pub enum GraphError {
    /// File system trouble.
    #[error("graph file {path}: {message}")]
    Io {
        /// The file.
        path: String,
        /// What went wrong.
        message: String,
    },
}

/// Which way an edge runs from a node's point of view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EdgeDirection {
    /// The node is the subject.
    Out,
    /// The node is the object.
    In,
}

/// The persisted form: every node and edge with its provenance.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct GraphData {
    /// Nodes, ids unique.
    pub nodes: Vec<NodeDraft>,
    /// Edges, one per (from, rel, to).
    pub edges: Vec<EdgeDraft>,
}

/// The knowledge graph held in petgraph, with lookups by id.
#[derive(Debug, Clone, Default)]
pub struct KnowledgeGraph {
    data: GraphData,
    graph: DiGraph<usize, usize>,
    /// Every node by id (the last of equal ids).
    by_id: IdTable,
}

impl KnowledgeGraph {
    /// Builds the petgraph view over merged nodes and edges; edges whose ends are unknown are
    /// dropped. Equal texts are made one allocation first.
    pub fn new(mut data: GraphData) -> KnowledgeGraph {
        share_texts(&mut data.nodes, &mut data.edges);
        KnowledgeGraph::with_texts_as_given(data)
    }

    /// [`KnowledgeGraph::new`] for drafts whose texts are already shared (the graph made
    /// again from an assembly read with its texts shared): the texts are left as they are.
    pub(crate) fn with_texts_as_given(mut data: GraphData) -> KnowledgeGraph {
        let mut graph = DiGraph::with_capacity(data.nodes.len(), data.edges.len());
        for position in 0..data.nodes.len() {
            graph.add_node(position);
        }
        let by_id = IdTable::new(&data.nodes);
        // Each edge end is looked up once, the edges shared among the threads; edges with an
        // unknown end are dropped.
        let find = |id: &str| by_id.find(&data.nodes, id).map(NodeIndex::new);
        let ends: Vec<Option<(NodeIndex, NodeIndex)>> = data
            .edges
            .par_iter()
            .with_min_len(EDGES_PER_TASK)
            .map(|edge| find(&edge.from).zip(find(&edge.to)))
            .collect();
        let mut ends = ends.into_iter();
        let mut kept = Vec::with_capacity(data.edges.len());
        data.edges.retain(|_| match ends.next().flatten() {
            Some(found) => {
                kept.push(found);
                true
            }
            None => false,
        });
        data.nodes.shrink_to_fit();
        data.edges.shrink_to_fit();
        for (position, (from, to)) in kept.into_iter().enumerate() {
            graph.add_edge(from, to, position);
        }
        KnowledgeGraph { data, graph, by_id }
    }

    /// Reads a graph saved by [`KnowledgeGraph::save`].
    pub fn load(path: &Path) -> Result<KnowledgeGraph, GraphError> {
        let io = |message: String| GraphError::Io {
            path: path.display().to_string(),
            message,
        };
        let bytes = std::fs::read(path).map_err(|e| io(e.to_string()))?;
        let data: GraphData =
            shared::interning(|| serde_json::from_slice(&bytes)).map_err(|e| io(e.to_string()))?;
        Ok(KnowledgeGraph::new(data))
    }

    /// Writes the graph as JSON (what serialising [`GraphData`] gives), streamed to a
    /// temporary sibling that then takes the name of `path`, so `path` is never seen half
    /// written; batches of nodes and edges are serialised on the thread pool and written in
    /// order.
    pub fn save(&self, path: &Path) -> Result<(), GraphError> {
        self.save_unless(path, &|| false).map(|_| ())
    }

    /// Writes the graph as [`KnowledgeGraph::save`] does, but gives up, leaving `path` as it
    /// was, as soon as `give_up` says so (it is asked before each buffered write); returns
    /// whether the file was written.
    pub fn save_unless(
        &self,
        path: &Path,
        give_up: &(dyn Fn() -> bool + Sync),
    ) -> Result<bool, GraphError> {
        let written = write_streamed_atomically(path, |writer| {
            let mut writer = GivingUp {
                inner: writer,
                give_up,
            };
            let writer: &mut dyn Write = &mut writer;
            writer.write_all(b"{\"nodes\":")?;
            write_array(writer, &self.data.nodes)?;
            writer.write_all(b",\"edges\":")?;
            write_array(writer, &self.data.edges)?;
            writer.write_all(b"}")
        });
        match written {
            Ok(()) => Ok(true),
            Err(_) if give_up() => Ok(false),
            Err(e) => Err(GraphError::Io {
                path: path.display().to_string(),
                message: e.to_string(),
            }),
        }
    }

    /// All nodes.
    pub fn nodes(&self) -> &[NodeDraft] {
        &self.data.nodes
    }

    /// All edges.
    pub fn edges(&self) -> &[EdgeDraft] {
        &self.data.edges
    }

    /// The node with this id.
    pub fn node(&self, id: &str) -> Option<&NodeDraft> {
        self.index_of(id)
            .map(|index| &self.data.nodes[self.graph[index]])
    }

    /// The petgraph index of a node.
    pub fn index_of(&self, id: &str) -> Option<NodeIndex> {
        self.by_id.find(&self.data.nodes, id).map(NodeIndex::new)
    }

    /// The node at a petgraph index.
    pub fn node_at(&self, index: NodeIndex) -> &NodeDraft {
        &self.data.nodes[self.graph[index]]
    }

    /// The underlying petgraph (node weights index [`KnowledgeGraph::nodes`], edge weights
    /// index [`KnowledgeGraph::edges`]).
    pub fn petgraph(&self) -> &DiGraph<usize, usize> {
        &self.graph
    }

    /// Edges touching a node, with their direction seen from it.
    pub fn edges_of(&self, id: &str) -> Vec<(EdgeDirection, &EdgeDraft)> {
        let Some(index) = self.index_of(id) else {
            return Vec::new();
        };
        let outgoing = self
            .graph
            .edges_directed(index, Direction::Outgoing)
            .map(|e| (EdgeDirection::Out, &self.data.edges[*e.weight()]));
        let incoming = self
            .graph
            .edges_directed(index, Direction::Incoming)
            .map(|e| (EdgeDirection::In, &self.data.edges[*e.weight()]));
        outgoing.chain(incoming).collect()
    }

    /// Nodes of a type.
    pub fn nodes_of_type(&self, node_type: NodeType) -> impl Iterator<Item = &NodeDraft> {
        self.data
            .nodes
            .iter()
            .filter(move |n| n.node_type == node_type)
    }

    /// Counts of nodes by type and edges by relationship.
    pub fn counts(&self) -> GraphCounts {
        let nodes = NodeType::ALL
            .into_iter()
            .map(|t| {
                (
                    t,
                    self.data.nodes.iter().filter(|n| n.node_type == t).count(),
                )
            })
            .collect();
        let edges = Rel::ALL
            .into_iter()
            .map(|r| (r, self.data.edges.iter().filter(|e| e.rel == r).count()))
            .collect();
        GraphCounts { nodes, edges }
    }
}

/// Fewest edges whose ends a task looks up.
const EDGES_PER_TASK: usize = 4_096;

/// Items serialised per batch when a graph is saved.
const SAVE_BATCH: usize = 2_048;

/// A writer that fails once its `give_up` says so, ending a save nobody needs any more.
struct GivingUp<'a> {
    inner: &'a mut dyn Write,
    give_up: &'a (dyn Fn() -> bool + Sync),
}

impl Write for GivingUp<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        if (self.give_up)() {
            return Err(std::io::Error::other("the save was given up"));
        }
        self.inner.write(bytes)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Writes `items` as a JSON array: batches serialised in parallel, a few per thread at a
/// time (so no more than those are held), and written in order.
fn write_array<T: Serialize + Sync>(writer: &mut dyn Write, items: &[T]) -> std::io::Result<()> {
    writer.write_all(b"[")?;
    let window = SAVE_BATCH * 2 * rayon::current_num_threads();
    for (window_index, window_items) in items.chunks(window).enumerate() {
        let batches: Vec<Vec<u8>> = window_items
            .par_chunks(SAVE_BATCH)
            .map(|batch| -> Result<Vec<u8>, serde_json::Error> {
                let mut bytes = Vec::new();
                for (position, item) in batch.iter().enumerate() {
                    if position > 0 {
                        bytes.push(b',');
                    }
                    serde_json::to_writer(&mut bytes, item)?;
                }
                Ok(bytes)
            })
            .collect::<Result<_, _>>()?;
        for (batch_index, bytes) in batches.iter().enumerate() {
            if window_index > 0 || batch_index > 0 {
                writer.write_all(b",")?;
            }
            writer.write_all(bytes)?;
        }
    }
    writer.write_all(b"]")?;
    Ok(())
}

/// Makes the edges' equal ends and the sources' equal document names and quotes one
/// allocation each, and gives the lists no room beyond their length: a graph is not changed
/// once made. Ids and the texts of sources are told apart (an id is never a quote), so the
/// two are shared on two threads.
pub(crate) fn share_texts(nodes: &mut [NodeDraft], edges: &mut [EdgeDraft]) {
    let mut ends: Vec<&mut SharedStr> = Vec::with_capacity(edges.len() * 2);
    let mut sources: Vec<&mut Vec<Source>> = Vec::with_capacity(nodes.len() + edges.len());
    for edge in edges.iter_mut() {
        ends.push(&mut edge.from);
        ends.push(&mut edge.to);
        sources.push(&mut edge.sources);
    }
    sources.extend(nodes.iter_mut().map(|n| &mut n.sources));
    rayon::join(
        || {
            let mut interner = Interner::default();
            for end in ends {
                *end = interner.intern(end);
            }
        },
        || {
            let mut interner = Interner::default();
            for list in sources {
                list.shrink_to_fit();
                for source in list {
                    source.doc = interner.intern(&source.doc);
                    source.quote = interner.intern(&source.quote);
                }
            }
        },
    );
}

/// Node counts by type and edge counts by relationship.
#[derive(Debug, Clone)]
pub struct GraphCounts {
    /// Nodes per type.
    pub nodes: Vec<(NodeType, usize)>,
    /// Edges per relationship.
    pub edges: Vec<(Rel, usize)>,
}

impl AsRef<KnowledgeGraph> for KnowledgeGraph {
    fn as_ref(&self) -> &KnowledgeGraph {
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::graph::model::cited_draft as node;

    #[test]
    fn saves_what_serialising_the_graph_data_gives() {
        let dir = tempfile::tempdir().expect("temp dir");
        for (count, edges) in [(0, 0), (1, 0), (SAVE_BATCH * 9 + 7, 3)] {
            let nodes: Vec<NodeDraft> = (0..count)
                .map(|n| node(NodeType::Measure, &format!("施策\"{n}"), n as u32))
                .collect();
            let edges = (1..=edges.min(count.saturating_sub(1)))
                .map(|n| {
                    let source = nodes[n].sources[0].clone();
                    EdgeDraft::new(&nodes[n].id, Rel::PartOf, &nodes[0].id, source)
                })
                .collect();
            let graph = KnowledgeGraph::new(GraphData { nodes, edges });
            let path = dir.path().join("graph.json");
            graph.save(&path).expect("save");
            let expected = serde_json::to_vec(&graph.data).expect("serialise");
            assert!(
                std::fs::read(&path).expect("read") == expected,
                "{count} nodes"
            );
            let loaded = KnowledgeGraph::load(&path).expect("load");
            assert_eq!(loaded.nodes().len(), count);
        }
    }

    #[test]
    fn a_save_given_up_leaves_the_file_as_it_was_and_no_temporary() {
        let dir = tempfile::tempdir().expect("temp dir");
        let nodes: Vec<NodeDraft> = (0..SAVE_BATCH * 3)
            .map(|n| node(NodeType::Measure, &format!("施策{n}"), n as u32))
            .collect();
        let graph = KnowledgeGraph::new(GraphData {
            nodes,
            edges: Vec::new(),
        });
        let path = dir.path().join("graph.json");
        std::fs::write(&path, b"before").expect("write");
        let asked = std::sync::atomic::AtomicUsize::new(0);
        // Given up at once, and after a few buffered writes.
        for after in [0, 3] {
            let give_up = || asked.fetch_add(1, std::sync::atomic::Ordering::Relaxed) >= after;
            asked.store(0, std::sync::atomic::Ordering::Relaxed);
            assert_eq!(graph.save_unless(&path, &give_up).ok(), Some(false));
            assert_eq!(std::fs::read(&path).expect("read"), b"before");
            let files = std::fs::read_dir(dir.path()).expect("list").count();
            assert_eq!(files, 1, "a temporary file was left after {after} writes");
        }
        assert_eq!(graph.save_unless(&path, &|| false).ok(), Some(true));
        assert_eq!(
            KnowledgeGraph::load(&path).expect("load").nodes().len(),
            SAVE_BATCH * 3
        );
    }

    #[test]
    fn finds_nodes_by_id_the_last_of_equal_ids() {
        let names = ["b", "a", "c", "a", "ab"];
        let nodes: Vec<NodeDraft> = names
            .iter()
            .enumerate()
            .map(|(line, name)| node(NodeType::Measure, name, line as u32))
            .collect();
        let edge = |from: &str, to: &str| {
            EdgeDraft::new(from, Rel::PartOf, to, nodes[0].sources[0].clone())
        };
        let edges = vec![
            edge("measure:b", "measure:a"),
            edge("measure:ab", "measure:zz"),
        ];
        let graph = KnowledgeGraph::new(GraphData { nodes, edges });
        for (line, name) in [(0, "b"), (3, "a"), (2, "c"), (4, "ab")] {
            let found = graph.node(&format!("measure:{name}"));
            assert_eq!(found.map(|n| n.sources[0].line_start), Some(line), "{name}");
        }
        assert!(graph.node("measure:").is_none() && graph.node("measure:d").is_none());
        assert_eq!(
            graph.edges().len(),
            1,
            "an edge to an unknown node is dropped"
        );
        let (direction, edge) = graph.edges_of("measure:a")[0];
        assert_eq!(
            (direction, edge.from.as_str()),
            (EdgeDirection::In, "measure:b")
        );
        assert_eq!(graph.petgraph().edge_count(), 1);
        let a = graph
            .index_of("measure:a")
            .map(|i| graph.node_at(i).sources[0].line_start);
        assert_eq!(a, Some(3));
    }
}
