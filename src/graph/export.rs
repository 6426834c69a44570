//! The whole graph for other tools, written in chunks: JSON, GraphML (Gephi, yEd) and a
//! Cypher script that loads into Neo4j.

use super::KnowledgeGraph;
use super::model::{EdgeDraft, NodeDraft};
use serde_json::{Map, Value, json};
use std::sync::Arc;

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// `{"nodes":[…],"edges":[…]}`.
    Json,
    /// GraphML XML.
    GraphMl,
    /// A Cypher script.
    Cypher,
}

impl ExportFormat {
    /// Parses `json`, `graphml` or `cypher`.
    pub fn parse(text: &str) -> Option<ExportFormat> {
        match text {
            "json" => Some(ExportFormat::Json),
            "graphml" => Some(ExportFormat::GraphMl),
            "cypher" => Some(ExportFormat::Cypher),
            _ => None,
        }
    }

    /// The response content type.
    pub fn content_type(self) -> &'static str {
        match self {
            ExportFormat::Json => "application/json",
            ExportFormat::GraphMl => "application/graphml+xml",
            ExportFormat::Cypher => "text/plain; charset=utf-8",
        }
    }

    /// A file name for downloads.
    pub fn file_name(self) -> &'static str {
        match self {
            ExportFormat::Json => "graph.json",
            ExportFormat::GraphMl => "graph.graphml",
            ExportFormat::Cypher => "graph.cypher",
        }
    }
}

/// Yields the export in chunks (a header, one chunk per node and per edge, a footer), so a
/// large graph streams without being held as one string.
pub struct ExportChunks<G: AsRef<KnowledgeGraph>> {
    graph: Arc<G>,
    format: ExportFormat,
    position: usize,
}

impl<G: AsRef<KnowledgeGraph>> ExportChunks<G> {
    /// Chunks of `graph` in `format`.
    pub fn new(graph: Arc<G>, format: ExportFormat) -> ExportChunks<G> {
        ExportChunks {
            graph,
            format,
            position: 0,
        }
    }
}

impl<G: AsRef<KnowledgeGraph>> Iterator for ExportChunks<G> {
    type Item = String;

    fn next(&mut self) -> Option<String> {
        let graph = (*self.graph).as_ref();
        let (nodes, edges) = (graph.nodes(), graph.edges());
        let position = self.position;
        self.position += 1;
        let node_start = 1;
        let edge_start = node_start + nodes.len();
        let end = edge_start + edges.len();
        let chunk = if position == 0 {
            header(self.format)
        } else if position < edge_start {
            let index = position - node_start;
            node_chunk(self.format, &nodes[index], index == 0)
        } else if position < end {
            let index = position - edge_start;
            edge_chunk(self.format, &edges[index], index == 0)
        } else if position == end {
            footer(self.format, edges.is_empty())
        } else {
            return None;
        };
        Some(chunk)
    }
}

fn header(format: ExportFormat) -> String {
    match format {
        ExportFormat::Json => "{\"nodes\":[".to_string(),
        ExportFormat::GraphMl => concat!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
            "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n",
            "  <key id=\"type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n",
            "  <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n",
            "  <key id=\"props\" for=\"node\" attr.name=\"props\" attr.type=\"string\"/>\n",
            "  <key id=\"sources\" for=\"all\" attr.name=\"sources\" attr.type=\"string\"/>\n",
            "  <key id=\"rel\" for=\"edge\" attr.name=\"rel\" attr.type=\"string\"/>\n",
            "  <graph id=\"policy\" edgedefault=\"directed\">\n"
        )
        .to_string(),
        ExportFormat::Cypher => concat!(
            "// Load with: cypher-shell -f graph.cypher\n",
            "CREATE CONSTRAINT node_id IF NOT EXISTS FOR (n:Node) REQUIRE n.id IS UNIQUE;\n"
        )
        .to_string(),
    }
}

fn footer(format: ExportFormat, _no_edges: bool) -> String {
    match format {
        ExportFormat::Json => "]}".to_string(),
        ExportFormat::GraphMl => "  </graph>\n</graphml>\n".to_string(),
        ExportFormat::Cypher => String::new(),
    }
}

/// The JSON form of a node: `{"id","type","name","props":{…, "aliases"},"sources"}`.
pub fn node_json(node: &NodeDraft) -> Value {
    let mut props = node.props.clone();
    props.insert("aliases".into(), json!(node.aliases));
    json!({
        "id": node.id,
        "type": node.node_type.as_str(),
        "name": node.name,
        "props": props,
        "sources": node.sources,
    })
}

/// The JSON form of an edge: `{"from","to","rel","props","sources"}`.
pub fn edge_json(edge: &EdgeDraft) -> Value {
    json!({
        "from": edge.from,
        "to": edge.to,
        "rel": edge.rel.as_str(),
        "props": edge.props,
        "sources": edge.sources,
    })
}

fn node_chunk(format: ExportFormat, node: &NodeDraft, first: bool) -> String {
    match format {
        ExportFormat::Json => format!("{}{}", if first { "" } else { "," }, node_json(node)),
        ExportFormat::GraphMl => format!(
            "    <node id=\"{}\"><data key=\"type\">{}</data><data key=\"name\">{}</data><data key=\"props\">{}</data><data key=\"sources\">{}</data></node>\n",
            xml(&node.id),
            node.node_type.as_str(),
            xml(&node.name),
            xml(&props_with_aliases(node).to_string()),
            xml(&json!(node.sources).to_string()),
        ),
        ExportFormat::Cypher => {
            let label = capitalized(node.node_type.as_str());
            let mut sets = vec![
                format!("n.type = {}", cypher_string(node.node_type.as_str())),
                format!("n.name = {}", cypher_string(&node.name)),
                format!(
                    "n.aliases = [{}]",
                    node.aliases
                        .iter()
                        .map(|a| cypher_string(a))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                format!(
                    "n.sources_json = {}",
                    cypher_string(&json!(node.sources).to_string())
                ),
            ];
            for (key, value) in &node.props {
                if let Some(literal) = cypher_value(value) {
                    sets.push(format!("n.`{}` = {literal}", key.replace('`', "")));
                }
            }
            format!(
                "MERGE (n:Node {{id: {}}}) SET n:{label}, {};\n",
                cypher_string(&node.id),
                sets.join(", ")
            )
        }
    }
}

fn edge_chunk(format: ExportFormat, edge: &EdgeDraft, first: bool) -> String {
    match format {
        ExportFormat::Json => {
            let separator = if first { "],\"edges\":[" } else { "," };
            format!("{separator}{}", edge_json(edge))
        }
        ExportFormat::GraphMl => format!(
            "    <edge source=\"{}\" target=\"{}\"><data key=\"rel\">{}</data><data key=\"sources\">{}</data></edge>\n",
            xml(&edge.from),
            xml(&edge.to),
            edge.rel.as_str(),
            xml(&json!(edge.sources).to_string()),
        ),
        ExportFormat::Cypher => format!(
            "MATCH (a:Node {{id: {}}}), (b:Node {{id: {}}}) MERGE (a)-[r:{}]->(b) SET r.sources_json = {};\n",
            cypher_string(&edge.from),
            cypher_string(&edge.to),
            edge.rel.as_str().to_uppercase(),
            cypher_string(&json!(edge.sources).to_string()),
        ),
    }
}

fn props_with_aliases(node: &NodeDraft) -> Value {
    let mut props: Map<String, Value> = node.props.clone();
    props.insert("aliases".into(), json!(node.aliases));
    Value::Object(props)
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Escapes text for XML content and attributes.
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if c.is_control() && !matches!(c, '\n' | '\t') => {}
            c => out.push(c),
        }
    }
    out
}

/// A single-quoted Cypher string literal.
fn cypher_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('\'');
    for ch in text.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// A Cypher literal for a scalar or a list of scalars; maps and nulls are left out (Neo4j
/// properties cannot hold them).
fn cypher_value(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(cypher_string(s)),
        Value::Bool(b) => Some(b.to_string()),
        Value::Number(n) => Some(n.to_string()),
        Value::Array(items) => {
            let literals: Option<Vec<String>> = items
                .iter()
                .map(|v| match v {
                    Value::Array(_) | Value::Object(_) | Value::Null => None,
                    scalar => cypher_value(scalar),
                })
                .collect();
            literals.map(|l| format!("[{}]", l.join(", ")))
        }
        Value::Null | Value::Object(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_hold_for_quotes_and_markup() {
        assert_eq!(cypher_string("a'b\\c"), "'a\\'b\\\\c'");
        assert_eq!(xml("<a & \"b\">"), "&lt;a &amp; &quot;b&quot;&gt;");
        assert_eq!(
            cypher_value(&json!(["R6", 1])),
            Some("['R6', 1]".to_string())
        );
        assert_eq!(cypher_value(&json!({"a": 1})), None);
    }
}
