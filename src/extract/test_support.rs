//! Checks the parsers' tests share.

use crate::corpus::{DocKind, DocumentInfo, SeedDoc};
use crate::graph::model::{Extraction, NodeDraft, NodeType, Rel};

/// A document of `kind` titled `title` (file `test.txt`, published by 総務省) holding `text`.
pub fn test_doc(kind: DocKind, title: &str, text: &str) -> SeedDoc {
    let info = DocumentInfo {
        file: "test.txt".into(),
        title: title.into(),
        publisher: "総務省".into(),
        date: "2030-01".into(),
        kind,
    };
    SeedDoc::from_text(info, text)
}

/// The budget figures of an extraction.
pub fn budget_nodes(extraction: &Extraction) -> impl Iterator<Item = &NodeDraft> {
    extraction
        .nodes
        .iter()
        .filter(|n| n.node_type == NodeType::Budget)
}

/// A node's text property `key` (empty when it has none).
pub fn text_prop(node: &NodeDraft, key: &str) -> String {
    node.props
        .get(key)
        .and_then(|v| v.as_str())
        .unwrap_or("")
        .to_string()
}

/// A node's yes/no property `key` (no when it has none).
pub fn flag_prop(node: &NodeDraft, key: &str) -> bool {
    node.props
        .get(key)
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// Whether an edge `rel` joins nodes whose names contain `from` and `to`.
pub fn has_edge(extraction: &Extraction, from: &str, rel: Rel, to: &str) -> bool {
    let name = |id: &str| {
        extraction
            .nodes
            .iter()
            .find(|n| n.id == id)
            .map(|n| n.name.clone())
            .unwrap_or_default()
    };
    extraction
        .edges
        .iter()
        .any(|e| e.rel == rel && name(&e.from).contains(from) && name(&e.to).contains(to))
}

/// Asserts every node's and edge's quote stands verbatim in its cited lines.
pub fn quotes_are_verbatim(doc: &SeedDoc, extraction: &Extraction) {
    for source in extraction.sources() {
        let text = doc.cited_lines(source.line_start, source.line_end);
        assert!(text.contains(source.quote.as_str()), "{source:?}");
    }
}

/// The seed documents of `kind`, each read by `extract` with its quotes checked; none when
/// the seeds are not at hand.
pub fn seed_extractions(
    kind: crate::corpus::DocKind,
    extract: fn(&SeedDoc) -> Extraction,
) -> Vec<Extraction> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let Ok(corpus) = crate::corpus::Corpus::load(&dir) else {
        return Vec::new();
    };
    corpus
        .docs
        .iter()
        .filter(|d| d.info.kind == kind)
        .map(|d| {
            let e = extract(d);
            quotes_are_verbatim(d, &e);
            e
        })
        .collect()
}
