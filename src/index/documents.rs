//! The tantivy documents of passages and graph nodes, and their place in corpus order.
//!
//! Every indexed document carries `ord`: passages by their document's position in the corpus
//! and their own position in it, nodes after every passage by a hash of their id. Search
//! breaks ties between equal scores by `ord` (see [`crate::search`]), so ranking does not
//! depend on the thread count, the segment layout or whether a build was made at once or
//! document by document.

use super::NodeEntry;
use super::schema::Fields;
use super::token_spans;
use crate::analysis::Analyzer;
use crate::analysis::tokenizers::tantivy_tokens;
use crate::passages::Passage;
use sha2::{Digest, Sha256};
use tantivy::tokenizer::PreTokenizedString;
use tantivy::{TantivyDocument, doc};

/// Bits of `ord` given to a passage's position within its document.
const PASSAGE_BITS: u32 = 24;
/// `ord` of the first node: after every passage (passages have smaller ones).
const FIRST_NODE_ORD: u64 = 1 << 56;

/// `ord` of the passage at `position` of the document at `doc_index` in corpus order.
pub fn passage_ord(doc_index: usize, position: usize) -> u64 {
    ((doc_index as u64) << PASSAGE_BITS) | position as u64
}

/// `ord` of a node: after every passage, in the order of a hash of its id, so that a node
/// keeps its place whichever build wrote it.
pub fn node_ord(id: &str) -> u64 {
    let digest = Sha256::digest(id.as_bytes());
    let mut bytes = [0u8; 8];
    bytes[1..].copy_from_slice(&digest[..7]);
    FIRST_NODE_ORD | u64::from_be_bytes(bytes)
}

/// The tantivy document of a passage. Its text is analysed here, once: the tokens are
/// indexed as they are and their spans stored (see [`super::token_spans`]).
pub fn passage_document(
    fields: &Fields,
    analyzer: &Analyzer,
    passage: &Passage,
    ord: u64,
) -> TantivyDocument {
    let heading_json = serde_json::to_string(&passage.heading).unwrap_or_default();
    let (tokens, spans) = analyzer.analyze_with_spans(&passage.text);
    let mut document = doc!(
        fields.kind => "passage",
        fields.id => passage.id.as_str(),
        fields.doc => passage.doc.as_str(),
        fields.line_start => u64::from(passage.line_start),
        fields.line_end => u64::from(passage.line_end),
        fields.heading_json => heading_json,
        fields.text => passage.text.as_str(),
        fields.body_bigram => passage.text.as_str(),
        fields.heading => passage.heading.join("\n"),
        fields.ord => ord,
    );
    document.add_pre_tokenized_text(
        fields.body,
        PreTokenizedString {
            text: String::new(),
            tokens: tantivy_tokens(tokens),
        },
    );
    document.add_bytes(fields.body_spans, &token_spans::encode(&spans));
    for facet in facets_of(&passage.text) {
        document.add_text(fields.facets, facet);
    }
    document
}

/// The tantivy document of a graph node.
pub fn node_document(fields: &Fields, node: &NodeEntry) -> TantivyDocument {
    doc!(
        fields.kind => "node",
        fields.id => node.id.as_str(),
        fields.node_type => node.node_type.as_str(),
        fields.doc => node.doc.as_str(),
        fields.line_start => u64::from(node.line_start),
        fields.line_end => u64::from(node.line_end),
        fields.heading_json => "[]",
        fields.text => node.text.as_str(),
        fields.name => node.text.as_str(),
        fields.name_bigram => node.text.as_str(),
        fields.ord => node_ord(&node.id),
    )
}

/// Facet tokens of a text: whether it states money or a date.
fn facets_of(text: &str) -> Vec<&'static str> {
    let mut facets = Vec::new();
    if !crate::money::find_amounts(text).is_empty() {
        facets.push(crate::search::query::FACET_AMOUNT);
    }
    if crate::money::find_dates(text).next().is_some() {
        facets.push(crate::search::query::FACET_DATE);
    }
    facets
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passages_come_in_corpus_order_and_nodes_after_them() {
        assert!(passage_ord(0, 5) < passage_ord(1, 0));
        assert!(passage_ord(3, 1) < passage_ord(3, 2));
        assert!(passage_ord(100_000, (1 << PASSAGE_BITS) - 1) < node_ord("theme:a"));
        assert_eq!(node_ord("theme:a"), node_ord("theme:a"));
        assert_ne!(node_ord("theme:a"), node_ord("theme:b"));
    }
}
