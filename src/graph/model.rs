//! Typed nodes, edges and their provenance: the vocabulary every extractor speaks.

use super::shared::SharedStr;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::fmt;

/// Kinds of node in the knowledge graph.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum NodeType {
    /// A seed document.
    Document,
    /// A 施策/事業/取組.
    Measure,
    /// One amount of money for one fiscal year and kind.
    Budget,
    /// A 戦略, 計画, 方針, プラン or 基本計画.
    Strategy,
    /// A ministry, bureau, division or public body.
    Agency,
    /// A 政策N of an evaluation report, or a numbered policy line of a budget deck.
    Policy,
    /// A 測定指標 with its targets.
    Indicator,
    /// A 基金.
    Fund,
    /// A budget line that funds several measures.
    Program,
    /// A cross-cutting subject such as Beyond 5G or 量子暗号通信.
    Theme,
}

impl NodeType {
    /// Every node type, in display order.
    pub const ALL: [NodeType; 10] = [
        NodeType::Document,
        NodeType::Measure,
        NodeType::Budget,
        NodeType::Strategy,
        NodeType::Agency,
        NodeType::Policy,
        NodeType::Indicator,
        NodeType::Fund,
        NodeType::Program,
        NodeType::Theme,
    ];

    /// The snake_case name used in ids and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            NodeType::Document => "document",
            NodeType::Measure => "measure",
            NodeType::Budget => "budget",
            NodeType::Strategy => "strategy",
            NodeType::Agency => "agency",
            NodeType::Policy => "policy",
            NodeType::Indicator => "indicator",
            NodeType::Fund => "fund",
            NodeType::Program => "program",
            NodeType::Theme => "theme",
        }
    }

    /// Parses the snake_case name.
    pub fn parse(name: &str) -> Option<NodeType> {
        NodeType::ALL.into_iter().find(|t| t.as_str() == name)
    }
}

impl fmt::Display for NodeType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Kinds of relationship, read from subject to object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rel {
    /// measure → strategy/theme/plan it carries out.
    Implements,
    /// measure → fund or program that pays for it.
    FundedBy,
    /// measure/program/fund → budget amount.
    HasBudget,
    /// policy/measure → agency in charge.
    Responsible,
    /// child → parent (課 → 局, measure → policy, section → document).
    PartOf,
    /// strategy/measure → law or strategy it rests on.
    BasedOn,
    /// policy/measure → indicator that measures it.
    EvaluatedBy,
    /// agency/measure → partner.
    CollaboratesWith,
    /// measure or document → node it names.
    Mentions,
    /// measure/strategy → target (indicator or theme) it aims at.
    Targets,
}

impl Rel {
    /// Every relationship type.
    pub const ALL: [Rel; 10] = [
        Rel::Implements,
        Rel::FundedBy,
        Rel::HasBudget,
        Rel::Responsible,
        Rel::PartOf,
        Rel::BasedOn,
        Rel::EvaluatedBy,
        Rel::CollaboratesWith,
        Rel::Mentions,
        Rel::Targets,
    ];

    /// The snake_case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Rel::Implements => "implements",
            Rel::FundedBy => "funded_by",
            Rel::HasBudget => "has_budget",
            Rel::Responsible => "responsible",
            Rel::PartOf => "part_of",
            Rel::BasedOn => "based_on",
            Rel::EvaluatedBy => "evaluated_by",
            Rel::CollaboratesWith => "collaborates_with",
            Rel::Mentions => "mentions",
            Rel::Targets => "targets",
        }
    }

    /// Parses the snake_case name.
    pub fn parse(name: &str) -> Option<Rel> {
        Rel::ALL.into_iter().find(|r| r.as_str() == name)
    }
}

impl fmt::Display for Rel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a node or edge was read: a seed file, a 1-based inclusive line span, and a quote
/// that stands verbatim in those lines.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, utoipa::ToSchema,
)]
pub struct Source {
    /// Seed file name, e.g. `004_ffbb1bb57b30ee70.txt`.
    #[schema(value_type = String)]
    pub doc: SharedStr,
    /// First cited line (1-based).
    pub line_start: u32,
    /// Last cited line (1-based, inclusive).
    pub line_end: u32,
    /// Verbatim text from the cited lines.
    #[schema(value_type = String)]
    pub quote: SharedStr,
}

/// A node as an extractor proposes it; the builder merges drafts that share an id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NodeDraft {
    /// Stable id, see [`node_id`].
    pub id: String,
    /// Node type.
    #[serde(rename = "type")]
    pub node_type: NodeType,
    /// Display name as written in the document (trimmed).
    pub name: String,
    /// Other names for the same thing.
    pub aliases: Vec<String>,
    /// Typed properties (budget amounts, dates, targets …).
    pub props: Map<String, Value>,
    /// Where it was read.
    pub sources: Vec<Source>,
}

impl NodeDraft {
    /// A node of `node_type` named `name`, with the id derived from type and name.
    pub fn new(node_type: NodeType, name: &str, source: Source) -> NodeDraft {
        NodeDraft {
            id: node_id(node_type, name),
            node_type,
            name: name.trim().to_string(),
            aliases: Vec::new(),
            props: Map::new(),
            sources: vec![source],
        }
    }

    /// Sets one property and returns the draft.
    pub fn with_prop(mut self, key: &str, value: impl Into<Value>) -> NodeDraft {
        self.props.insert(key.to_string(), value.into());
        self
    }
}

/// An edge as an extractor proposes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EdgeDraft {
    /// Subject node id.
    pub from: SharedStr,
    /// Object node id.
    pub to: SharedStr,
    /// Relationship, read subject → object.
    pub rel: Rel,
    /// Extra facts about the link.
    pub props: Map<String, Value>,
    /// Where it was read.
    pub sources: Vec<Source>,
}

impl EdgeDraft {
    /// An edge `from -rel-> to` with one source.
    pub fn new(from: &str, rel: Rel, to: &str, source: Source) -> EdgeDraft {
        EdgeDraft {
            from: from.into(),
            to: to.into(),
            rel,
            props: Map::new(),
            sources: vec![source],
        }
    }
}

/// Everything one extractor found in one document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    /// Proposed nodes (duplicates by id are merged later).
    pub nodes: Vec<NodeDraft>,
    /// Proposed edges (duplicates by endpoints and rel are merged later).
    pub edges: Vec<EdgeDraft>,
    /// Amount-like text that could not be parsed, with where it stood.
    pub unparsed: Vec<Source>,
}

impl Extraction {
    /// The sources of every node and edge.
    pub fn sources(&self) -> impl Iterator<Item = &Source> {
        self.nodes
            .iter()
            .flat_map(|n| n.sources.iter())
            .chain(self.edges.iter().flat_map(|e| e.sources.iter()))
    }

    /// Adds a node and returns its id.
    pub fn add_node(&mut self, node: NodeDraft) -> String {
        let id = node.id.clone();
        self.nodes.push(node);
        id
    }

    /// Adds an edge unless it would loop on one node.
    pub fn add_edge(&mut self, edge: EdgeDraft) {
        if edge.from != edge.to {
            self.edges.push(edge);
        }
    }
}

/// A stable, readable id that is safe in a URL path segment: `type:key`, where `key` is the
/// NFKC-normalised name with white space removed and URL-reserved characters replaced by `_`.
pub fn node_id(node_type: NodeType, key: &str) -> String {
    format!("{}:{}", node_type.as_str(), id_key(key))
}

/// Longest id key in chars; longer keys keep their head and a hash of the whole.
const MAX_ID_KEY_CHARS: usize = 80;

/// The key part of an id: NFKC, no white space, reserved characters as `_`. Keys longer than
/// 80 chars keep their first 71 chars and a hash of the whole, so they stay unique.
pub fn id_key(key: &str) -> String {
    let mut out = String::new();
    for ch in crate::normalize::nfkc_cow(key).chars() {
        if ch.is_whitespace() || ch.is_control() {
            continue;
        }
        let safe = match ch {
            '/' | '\\' | '?' | '#' | '%' | '&' | '+' | '"' | '\'' | '<' | '>' | '`' | '{' | '}'
            | '|' | '^' | '[' | ']' | ';' | '=' | '@' | '$' | ',' => '_',
            other => other,
        };
        out.push(safe);
    }
    if out.chars().count() <= MAX_ID_KEY_CHARS {
        return out;
    }
    use sha2::Digest;
    let digest = hex::encode(sha2::Sha256::digest(out.as_bytes()));
    let head: String = out.chars().take(MAX_ID_KEY_CHARS - 9).collect();
    format!("{head}~{}", &digest[..8])
}

/// A draft cited on one line of `a.txt` whose quote is its name, for tests.
#[cfg(test)]
pub(crate) fn cited_draft(node_type: NodeType, name: &str, line: u32) -> NodeDraft {
    let source = Source {
        doc: "a.txt".into(),
        line_start: line,
        line_end: line,
        quote: name.into(),
    };
    NodeDraft::new(node_type, name, source)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_readable_and_path_safe() {
        let id = node_id(NodeType::Fund, "革新的情報通信技術（Beyond 5G（6G））基金");
        assert_eq!(id, "fund:革新的情報通信技術(Beyond5G(6G))基金");
        let odd = node_id(NodeType::Measure, "a/b?c#d e%f");
        assert!(!odd.contains(['/', '?', '#', ' ', '%']));
    }

    #[test]
    fn long_keys_stay_distinct() {
        let stem = "長".repeat(90);
        let a = id_key(&format!("{stem}:R6:initial:1"));
        let b = id_key(&format!("{stem}:R5:initial:1"));
        assert_ne!(a, b);
        assert_eq!(a.chars().count(), 80);
    }

    #[test]
    fn types_round_trip_through_their_names() {
        for t in NodeType::ALL {
            assert_eq!(NodeType::parse(t.as_str()), Some(t));
        }
        for r in Rel::ALL {
            assert_eq!(Rel::parse(r.as_str()), Some(r));
        }
    }
}
