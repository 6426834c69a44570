//! Walking the graph: neighbourhoods, shortest paths and part_of descendants.

use super::model::{EdgeDraft, NodeDraft, NodeType, Rel};
use super::{EdgeDirection, KnowledgeGraph};
use petgraph::Direction;
use petgraph::graph::NodeIndex;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap, HashSet, VecDeque};

/// Deepest neighbourhood walk accepted.
pub const MAX_DEPTH: usize = 3;
/// Longest path searched.
pub const MAX_PATH_DEPTH: usize = 6;
/// Most nodes a neighbourhood returns.
pub const MAX_NODES: usize = 500;
/// Most shortest paths returned.
pub const MAX_PATHS: usize = 10;

/// Which edges a walk may follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WalkDirection {
    /// Outgoing only.
    Out,
    /// Incoming only.
    In,
    /// Both ways.
    #[default]
    Both,
}

impl WalkDirection {
    /// Parses `out`, `in` or `both`.
    pub fn parse(text: &str) -> Option<WalkDirection> {
        match text {
            "out" => Some(WalkDirection::Out),
            "in" => Some(WalkDirection::In),
            "both" => Some(WalkDirection::Both),
            _ => None,
        }
    }

    fn directions(self) -> &'static [Direction] {
        match self {
            WalkDirection::Out => &[Direction::Outgoing],
            WalkDirection::In => &[Direction::Incoming],
            WalkDirection::Both => &[Direction::Outgoing, Direction::Incoming],
        }
    }
}

/// Filters of a walk.
#[derive(Debug, Clone, Default)]
pub struct WalkFilter {
    /// Only these relationships (all when empty).
    pub rels: Vec<Rel>,
    /// Which way edges may be followed.
    pub direction: WalkDirection,
    /// Only reach nodes of these types (all when empty); the start node is always kept.
    pub types: Vec<NodeType>,
}

impl WalkFilter {
    fn allows_rel(&self, rel: Rel) -> bool {
        self.rels.is_empty() || self.rels.contains(&rel)
    }

    fn allows_type(&self, node_type: NodeType) -> bool {
        self.types.is_empty() || self.types.contains(&node_type)
    }
}

/// A neighbourhood: the nodes reached and the edges between them.
#[derive(Debug, Clone, Default)]
pub struct Subgraph<'g> {
    /// Nodes with their distance from the start.
    pub nodes: Vec<(&'g NodeDraft, usize)>,
    /// Edges followed.
    pub edges: Vec<&'g EdgeDraft>,
    /// Whether the node limit cut the walk short.
    pub truncated: bool,
}

/// One step of the graph from `index`: (edge, neighbour) pairs allowed by the filter.
fn steps<'g>(
    graph: &'g KnowledgeGraph,
    index: NodeIndex,
    filter: &WalkFilter,
) -> Vec<(&'g EdgeDraft, NodeIndex)> {
    let petgraph = graph.petgraph();
    let mut out = Vec::new();
    for direction in filter.direction.directions() {
        for edge in petgraph.edges_directed(index, *direction) {
            let draft = &graph.edges()[*edge.weight()];
            if !filter.allows_rel(draft.rel) {
                continue;
            }
            let other = match direction {
                Direction::Outgoing => petgraph::visit::EdgeRef::target(&edge),
                Direction::Incoming => petgraph::visit::EdgeRef::source(&edge),
            };
            out.push((draft, other));
        }
    }
    out
}

/// Breadth-first neighbourhood of `start` up to `depth` steps and `limit` nodes.
pub fn neighbors<'g>(
    graph: &'g KnowledgeGraph,
    start: &str,
    depth: usize,
    filter: &WalkFilter,
    limit: usize,
) -> Option<Subgraph<'g>> {
    let start_index = graph.index_of(start)?;
    let mut seen: HashMap<NodeIndex, usize> = HashMap::from([(start_index, 0)]);
    let mut order = vec![start_index];
    let mut edges: Vec<&EdgeDraft> = Vec::new();
    let mut edge_keys: HashSet<(&str, Rel, &str)> = HashSet::new();
    let mut queue = VecDeque::from([(start_index, 0usize)]);
    let mut truncated = false;
    while let Some((index, distance)) = queue.pop_front() {
        if distance >= depth {
            continue;
        }
        for (edge, other) in steps(graph, index, filter) {
            if !filter.allows_type(graph.node_at(other).node_type) {
                continue;
            }
            if let std::collections::hash_map::Entry::Vacant(slot) = seen.entry(other) {
                if order.len() >= limit {
                    truncated = true;
                    continue;
                }
                slot.insert(distance + 1);
                order.push(other);
                queue.push_back((other, distance + 1));
            }
            if edge_keys.insert((edge.from.as_str(), edge.rel, edge.to.as_str())) {
                edges.push(edge);
            }
        }
    }
    Some(Subgraph {
        nodes: order
            .into_iter()
            .map(|i| (graph.node_at(i), seen.get(&i).copied().unwrap_or(0)))
            .collect(),
        edges,
        truncated,
    })
}

/// One path: its nodes in order and the edges between them.
#[derive(Debug, Clone)]
pub struct GraphPath<'g> {
    /// Nodes from start to end.
    pub nodes: Vec<&'g NodeDraft>,
    /// Edges, as stored (each may be read either way along the path).
    pub edges: Vec<&'g EdgeDraft>,
}

/// Shortest paths from `from` to `to` following edges either way (relationships read in
/// whichever direction they were stated), at most `max_depth` edges and [`MAX_PATHS`] paths.
/// `None` when an id is unknown; an empty list when no path is short enough.
pub fn shortest_paths<'g>(
    graph: &'g KnowledgeGraph,
    from: &str,
    to: &str,
    max_depth: usize,
    rels: &[Rel],
) -> Option<Vec<GraphPath<'g>>> {
    let start = graph.index_of(from)?;
    let goal = graph.index_of(to)?;
    let filter = WalkFilter {
        rels: rels.to_vec(),
        direction: WalkDirection::Both,
        types: Vec::new(),
    };
    // Breadth-first levels with every predecessor on a shortest route.
    let mut level: HashMap<NodeIndex, usize> = HashMap::from([(start, 0)]);
    let mut predecessors: HashMap<NodeIndex, Vec<(NodeIndex, &EdgeDraft)>> = HashMap::new();
    let mut frontier = vec![start];
    let mut depth = 0;
    while !frontier.is_empty() && depth < max_depth && !level.contains_key(&goal) {
        depth += 1;
        let mut next = Vec::new();
        for &index in &frontier {
            for (edge, other) in steps(graph, index, &filter) {
                match level.get(&other) {
                    None => {
                        level.insert(other, depth);
                        predecessors.entry(other).or_default().push((index, edge));
                        next.push(other);
                    }
                    Some(&d) if d == depth => {
                        predecessors.entry(other).or_default().push((index, edge));
                    }
                    Some(_) => {}
                }
            }
        }
        frontier = next;
    }
    if start == goal {
        return Some(vec![GraphPath {
            nodes: vec![graph.node_at(start)],
            edges: Vec::new(),
        }]);
    }
    if !level.contains_key(&goal) {
        return Some(Vec::new());
    }
    let mut paths = Vec::new();
    let mut stack: Vec<(NodeIndex, Vec<NodeIndex>, Vec<&EdgeDraft>)> =
        vec![(goal, vec![goal], Vec::new())];
    while let Some((index, nodes, edges)) = stack.pop() {
        if paths.len() >= MAX_PATHS {
            break;
        }
        if index == start {
            let mut nodes = nodes;
            let mut edges = edges;
            nodes.reverse();
            edges.reverse();
            paths.push(GraphPath {
                nodes: nodes.into_iter().map(|i| graph.node_at(i)).collect(),
                edges,
            });
            continue;
        }
        for (previous, edge) in predecessors.get(&index).into_iter().flatten() {
            let mut nodes = nodes.clone();
            nodes.push(*previous);
            let mut edges = edges.clone();
            edges.push(*edge);
            stack.push((*previous, nodes, edges));
        }
    }
    Some(paths)
}

/// `root` and every node that is `part_of` it, directly or through others.
pub fn part_of_closure(graph: &KnowledgeGraph, root: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let Some(start) = graph.index_of(root) else {
        return found;
    };
    let mut queue = VecDeque::from([start]);
    let mut seen = HashSet::from([start]);
    while let Some(index) = queue.pop_front() {
        found.insert(graph.node_at(index).id.clone());
        for edge in graph.petgraph().edges_directed(index, Direction::Incoming) {
            let draft = &graph.edges()[*edge.weight()];
            let child = petgraph::visit::EdgeRef::source(&edge);
            if draft.rel == Rel::PartOf && seen.insert(child) {
                queue.push_back(child);
            }
        }
    }
    found
}

/// The nodes `id` links to with `rel`, following `part_of` upwards too (what a measure's
/// parents implement or are responsible for counts for the measure).
pub fn linked_through_ancestors(graph: &KnowledgeGraph, id: &str, rel: Rel) -> BTreeSet<String> {
    let mut linked = BTreeSet::new();
    let mut queue = VecDeque::from([id.to_string()]);
    let mut seen = HashSet::from([id.to_string()]);
    while let Some(current) = queue.pop_front() {
        for (direction, edge) in graph.edges_of(&current) {
            if direction != EdgeDirection::Out {
                continue;
            }
            if edge.rel == rel {
                linked.insert(edge.to.to_string());
            }
            if edge.rel == Rel::PartOf && seen.insert(edge.to.to_string()) {
                queue.push_back(edge.to.to_string());
            }
        }
    }
    linked
}
