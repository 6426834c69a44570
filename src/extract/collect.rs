//! Shared helpers for the layout readers: a node/edge collector that merges drafts by id,
//! verbatim sources, and text offsets kept through markup removal.

use crate::corpus::SeedDoc;
use crate::graph::model::{EdgeDraft, Extraction, NodeDraft, NodeType, Rel, Source};
use serde_json::Value;
use std::collections::HashMap;

/// Longest quote kept in a source, in chars.
const MAX_QUOTE_CHARS: usize = 200;

/// Collects nodes and edges for one document, merging drafts that share an id.
pub struct Collector<'a> {
    /// The document being read.
    pub doc: &'a SeedDoc,
    out: Extraction,
    node_index: HashMap<String, usize>,
    edge_index: HashMap<(String, Rel, String), usize>,
}

impl<'a> Collector<'a> {
    /// An empty collector for `doc`.
    pub fn new(doc: &'a SeedDoc) -> Collector<'a> {
        Collector {
            doc,
            out: Extraction::default(),
            node_index: HashMap::new(),
            edge_index: HashMap::new(),
        }
    }

    /// Raw text of line `number` (1-based).
    pub fn line(&self, number: usize) -> &'a str {
        self.doc.line(u32::try_from(number).unwrap_or(u32::MAX))
    }

    /// A source on one line; the quote is shortened and checked against the line, falling
    /// back to the line's own text when it does not stand there verbatim.
    pub fn source(&self, line: usize, quote: &str) -> Source {
        self.source_span(line, line, quote)
    }

    /// A source over lines `start..=end`; the quote must stand in those lines joined by '\n'.
    pub fn source_span(&self, start: usize, end: usize, quote: &str) -> Source {
        let end = end.max(start);
        let text: Vec<&str> = (start..=end).map(|n| self.line(n)).collect();
        let joined = text.join("\n");
        let mut quote = shorten(quote.trim());
        if quote.is_empty() || !joined.contains(quote) {
            quote = shorten(joined.trim());
        }
        Source {
            doc: self.doc.file().into(),
            line_start: u32::try_from(start).unwrap_or(u32::MAX),
            line_end: u32::try_from(end).unwrap_or(u32::MAX),
            quote: quote.into(),
        }
    }

    /// Adds (or merges into) the node of `node_type` named `name`; returns its id.
    pub fn node(&mut self, node_type: NodeType, name: &str, source: Source) -> String {
        self.node_draft(NodeDraft::new(node_type, name, source))
    }

    /// Adds a draft, merging sources, aliases and missing props into an existing node.
    pub fn node_draft(&mut self, draft: NodeDraft) -> String {
        let id = draft.id.clone();
        match self.node_index.get(&id) {
            Some(&index) => {
                let node = &mut self.out.nodes[index];
                for source in draft.sources {
                    if !node.sources.contains(&source) {
                        node.sources.push(source);
                    }
                }
                for alias in draft.aliases {
                    push_alias(node, &alias);
                }
                for (key, value) in draft.props {
                    node.props.entry(key).or_insert(value);
                }
            }
            None => {
                self.node_index.insert(id.clone(), self.out.nodes.len());
                self.out.nodes.push(draft);
            }
        }
        id
    }

    /// The properties of a node.
    pub fn node_props(&self, id: &str) -> Option<&serde_json::Map<String, Value>> {
        self.node_index.get(id).map(|&i| &self.out.nodes[i].props)
    }

    /// Whether a node with this id exists.
    pub fn has_node(&self, id: &str) -> bool {
        self.node_index.contains_key(id)
    }

    /// The display name of a node.
    pub fn node_name(&self, id: &str) -> Option<&str> {
        self.node_index
            .get(id)
            .map(|&i| self.out.nodes[i].name.as_str())
    }

    /// Adds a source to an existing node.
    pub fn cite(&mut self, id: &str, source: Source) {
        if let Some(&index) = self.node_index.get(id) {
            let sources = &mut self.out.nodes[index].sources;
            if !sources.contains(&source) {
                sources.push(source);
            }
        }
    }

    /// Adds another name to a node.
    pub fn alias(&mut self, id: &str, alias: &str) {
        if let Some(&index) = self.node_index.get(id) {
            push_alias(&mut self.out.nodes[index], alias);
        }
    }

    /// Sets a property unless the node has it already.
    pub fn prop(&mut self, id: &str, key: &str, value: impl Into<Value>) {
        if let Some(&index) = self.node_index.get(id) {
            self.out.nodes[index]
                .props
                .entry(key.to_string())
                .or_insert(value.into());
        }
    }

    /// Adds (or merges into) the edge `from -rel-> to`.
    pub fn edge(&mut self, from: &str, rel: Rel, to: &str, source: Source) {
        self.edge_with(EdgeDraft::new(from, rel, to, source));
    }

    /// Adds an edge draft, merging sources and props into an existing one.
    pub fn edge_with(&mut self, edge: EdgeDraft) {
        if edge.from == edge.to || edge.from.is_empty() || edge.to.is_empty() {
            return;
        }
        let key = (edge.from.to_string(), edge.rel, edge.to.to_string());
        match self.edge_index.get(&key) {
            Some(&index) => {
                let existing = &mut self.out.edges[index];
                for source in edge.sources {
                    if !existing.sources.contains(&source) {
                        existing.sources.push(source);
                    }
                }
                for (k, v) in edge.props {
                    existing.props.entry(k).or_insert(v);
                }
            }
            None => {
                self.edge_index.insert(key, self.out.edges.len());
                self.out.add_edge(edge);
            }
        }
    }

    /// Whether the edge `from -rel-> to` was added.
    pub fn has_edge(&self, from: &str, rel: Rel, to: &str) -> bool {
        self.edge_index
            .contains_key(&(from.to_string(), rel, to.to_string()))
    }

    /// Sets a property on the edge `from -rel-> to`, if there is one.
    pub fn edge_prop(&mut self, from: &str, rel: Rel, to: &str, key: &str, value: Value) {
        let key_of = (from.to_string(), rel, to.to_string());
        if let Some(&index) = self.edge_index.get(&key_of) {
            self.out.edges[index].props.insert(key.to_string(), value);
        }
    }

    /// Records amount-like text that could not be read.
    pub fn unparsed(&mut self, source: Source) {
        if !self.out.unparsed.contains(&source) {
            self.out.unparsed.push(source);
        }
    }

    /// The finished extraction.
    pub fn finish(self) -> Extraction {
        self.out
    }
}

fn push_alias(node: &mut NodeDraft, alias: &str) {
    let alias = alias.trim();
    if alias.is_empty() || alias == node.name || node.aliases.iter().any(|a| a == alias) {
        return;
    }
    node.aliases.push(alias.to_string());
}

/// The first `MAX_QUOTE_CHARS` chars of `text`.
pub fn shorten(text: &str) -> &str {
    match text.char_indices().nth(MAX_QUOTE_CHARS) {
        Some((cut, _)) => &text[..cut],
        None => text,
    }
}

/// Byte offset of the char boundary at or before `index`.
pub fn floor_boundary(text: &str, mut index: usize) -> usize {
    index = index.min(text.len());
    while index > 0 && !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// Replaces HTML tags with spaces of the same byte length, so offsets stay valid.
pub fn strip_tags_keep_len(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_tag = false;
    for ch in text.chars() {
        if ch == '<' {
            in_tag = true;
        }
        if in_tag {
            out.extend(std::iter::repeat_n(' ', ch.len_utf8()));
        } else {
            out.push(ch);
        }
        if ch == '>' {
            in_tag = false;
        }
    }
    out
}
