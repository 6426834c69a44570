//! A menu tree for scenario chatbots (themes → policies → measures), built from the graph:
//! a node's children are the nodes that are part of it, implement it or are funded by it.

use crate::graph::model::{NodeDraft, NodeType, Rel};
use crate::graph::{EdgeDirection, KnowledgeGraph};
use crate::search::HitNode;
use serde::Serialize;
use std::collections::BTreeSet;

/// Most entries in one menu.
pub const MAX_ENTRIES: usize = 60;

/// One menu entry.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct MenuEntry {
    /// Node id (open it with `/browse/{id}`).
    pub id: String,
    /// Node type.
    #[serde(rename = "type")]
    pub node_type: String,
    /// Label to show.
    pub name: String,
    /// How many entries its own menu has.
    pub children: usize,
}

/// A menu: where it is, and what can be chosen next.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Menu {
    /// The node this menu is for (absent at the top).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub node: Option<HitNode>,
    /// The chain of parents (`part_of`) above it, outermost first.
    pub breadcrumbs: Vec<HitNode>,
    /// Entries, policies first, then measures and programs.
    pub entries: Vec<MenuEntry>,
    /// Entries in all (the list is cut at 60).
    pub total: usize,
    /// Questions to send to `/ask` about this node.
    pub questions: Vec<String>,
}

fn rank(node_type: NodeType) -> u8 {
    match node_type {
        NodeType::Theme => 0,
        NodeType::Policy => 1,
        NodeType::Strategy => 2,
        NodeType::Measure => 3,
        NodeType::Program => 4,
        NodeType::Fund => 5,
        _ => 6,
    }
}

/// The nodes listed under `id`.
fn children<'g>(graph: &'g KnowledgeGraph, id: &str) -> Vec<&'g NodeDraft> {
    let mut seen = BTreeSet::new();
    let mut found: Vec<&NodeDraft> = graph
        .edges_of(id)
        .into_iter()
        .filter(|(d, e)| {
            *d == EdgeDirection::In
                && matches!(e.rel, Rel::PartOf | Rel::Implements | Rel::FundedBy)
        })
        .filter_map(|(_, e)| graph.node(&e.from))
        .filter(|n| {
            !matches!(
                n.node_type,
                NodeType::Budget | NodeType::Document | NodeType::Agency
            )
        })
        .filter(|n| seen.insert(n.id.clone()))
        .collect();
    found.sort_by(|a, b| {
        rank(a.node_type)
            .cmp(&rank(b.node_type))
            .then(a.name.cmp(&b.name))
    });
    found
}

fn entry(graph: &KnowledgeGraph, node: &NodeDraft) -> MenuEntry {
    MenuEntry {
        id: node.id.clone(),
        node_type: node.node_type.as_str().to_string(),
        name: node.name.clone(),
        children: children(graph, &node.id).len(),
    }
}

fn hit_node(node: &NodeDraft) -> HitNode {
    HitNode {
        id: node.id.clone(),
        node_type: node.node_type.as_str().to_string(),
        name: node.name.clone(),
    }
}

/// The top menu: themes with the most items under them.
pub fn root(graph: &KnowledgeGraph) -> Menu {
    let mut themes: Vec<MenuEntry> = graph
        .nodes_of_type(NodeType::Theme)
        .map(|n| entry(graph, n))
        .filter(|e| e.children > 0)
        .collect();
    themes.sort_by(|a, b| b.children.cmp(&a.children).then(a.name.cmp(&b.name)));
    let total = themes.len();
    themes.truncate(MAX_ENTRIES);
    Menu {
        node: None,
        breadcrumbs: Vec::new(),
        entries: themes,
        total,
        questions: Vec::new(),
    }
}

/// The menu under a node, or `None` for an unknown id.
pub fn menu(graph: &KnowledgeGraph, id: &str) -> Option<Menu> {
    let node = graph.node(id)?;
    let all = children(graph, id);
    let total = all.len();
    let entries = all
        .into_iter()
        .take(MAX_ENTRIES)
        .map(|n| entry(graph, n))
        .collect();
    let questions = match node.node_type {
        NodeType::Measure | NodeType::Program | NodeType::Fund | NodeType::Policy => vec![
            format!("{}の予算はいくら?", node.name),
            format!("{}の担当はどこ?", node.name),
            format!("{}はどの計画の取組?", node.name),
        ],
        _ => vec![format!("{}について教えて", node.name)],
    };
    Some(Menu {
        node: Some(hit_node(node)),
        breadcrumbs: breadcrumbs(graph, id),
        entries,
        total,
        questions,
    })
}

/// Parents above a node by `part_of`, outermost first (the first parent at each step).
fn breadcrumbs(graph: &KnowledgeGraph, id: &str) -> Vec<HitNode> {
    let mut chain = Vec::new();
    let mut seen = BTreeSet::from([id.to_string()]);
    let mut current = id.to_string();
    while let Some(parent) = graph
        .edges_of(&current)
        .into_iter()
        .filter(|(d, e)| *d == EdgeDirection::Out && e.rel == Rel::PartOf)
        .filter_map(|(_, e)| graph.node(&e.to))
        .find(|n| n.node_type != NodeType::Document && !seen.contains(&n.id))
    {
        seen.insert(parent.id.clone());
        chain.push(hit_node(parent));
        current = parent.id.clone();
    }
    chain.reverse();
    chain
}
