//! Checks the parsers' tests share.

use crate::corpus::SeedDoc;
use crate::graph::model::{Extraction, Rel};

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
        assert!(text.contains(&source.quote), "{source:?}");
    }
}
