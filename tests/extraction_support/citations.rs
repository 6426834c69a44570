//! The check that every quote of an extraction stands in the lines it cites.

use seisaku::corpus::SeedDoc;
use seisaku::graph::model::Extraction;

/// Panics unless every quote of every node and edge stands in the lines it cites.
pub fn assert_quotes_cited(doc: &SeedDoc, extraction: &Extraction) {
    for source in extraction.sources() {
        let text = doc.cited_lines(source.line_start, source.line_end);
        assert!(text.contains(source.quote.as_str()), "{source:?}");
    }
}
