//! The tantivy schema: one document per passage (and per graph node), with a morphological
//! and a character-bigram view of the same text.

use crate::analysis::tokenizers::{BIGRAM, JAPANESE, JAPANESE_REPEATED};
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};

/// Name of the corpus-order field.
pub const ORD_FIELD: &str = "ord";

/// Handles to every field.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// `passage` or `node`.
    pub kind: Field,
    /// Passage id or node id.
    pub id: Field,
    /// Seed file name (passages) or the first source's file (nodes).
    pub doc: Field,
    /// Node type for nodes; empty for passages.
    pub node_type: Field,
    /// First line (1-based).
    pub line_start: Field,
    /// Last line (1-based, inclusive).
    pub line_end: Field,
    /// Heading path as a JSON array string.
    pub heading_json: Field,
    /// The text as written (stored only).
    pub text: Field,
    /// Morphological analysis of the text.
    pub body: Field,
    /// Character bigrams of the text.
    pub body_bigram: Field,
    /// The morphological tokens of a passage's text as stored spans (stored only; see
    /// [`super::token_spans`]), so that snippets need not segment the text again.
    pub body_spans: Field,
    /// Morphological analysis of the heading path.
    pub heading: Field,
    /// Facet tokens: `amount` (states money), `date` (states a date).
    pub facets: Field,
    /// Morphological analysis of a node's name and aliases (kept apart from passage text so
    /// that nodes do not change passage ranking statistics).
    pub name: Field,
    /// Character bigrams of a node's name and aliases.
    pub name_bigram: Field,
    /// Position in corpus order (fast field): breaks ties between equal scores the same way
    /// whatever the segment layout.
    pub ord: Field,
}

fn analyzed(tokenizer: &str, stored: bool) -> TextOptions {
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(tokenizer)
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let options = TextOptions::default().set_indexing_options(indexing);
    if stored {
        options.set_stored()
    } else {
        options
    }
}

/// Facet tokens as whole values, with their frequencies (always one) recorded so that
/// block-max WAND can bound a facet's score block by block in a search's first pass.
fn facet_options() -> TextOptions {
    let indexing = TextFieldIndexing::default()
        .set_tokenizer("raw")
        .set_index_option(IndexRecordOption::WithFreqs);
    TextOptions::default().set_indexing_options(indexing)
}

/// Builds the schema and its field handles.
pub fn build_schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let fields = Fields {
        kind: builder.add_text_field("kind", STRING | STORED),
        id: builder.add_text_field("id", STRING | STORED),
        doc: builder.add_text_field("doc", STRING | STORED),
        node_type: builder.add_text_field("node_type", STRING | STORED),
        line_start: builder.add_u64_field("line_start", INDEXED | STORED | FAST),
        line_end: builder.add_u64_field("line_end", STORED),
        heading_json: builder.add_text_field("heading_json", STORED),
        text: builder.add_text_field("text", STORED),
        body: builder.add_text_field("body", analyzed(JAPANESE, false)),
        body_bigram: builder.add_text_field("body_bigram", analyzed(BIGRAM, false)),
        heading: builder.add_text_field("heading", analyzed(JAPANESE_REPEATED, false)),
        facets: builder.add_text_field("facets", facet_options()),
        name: builder.add_text_field("name", analyzed(JAPANESE, false)),
        name_bigram: builder.add_text_field("name_bigram", analyzed(BIGRAM, false)),
        ord: builder.add_u64_field(ORD_FIELD, FAST),
        body_spans: builder.add_bytes_field("body_spans", STORED),
    };
    (builder.build(), fields)
}

/// Resolves field handles from an opened index's schema.
pub fn fields_of(schema: &Schema) -> tantivy::Result<Fields> {
    let field = |name: &str| schema.get_field(name);
    Ok(Fields {
        kind: field("kind")?,
        id: field("id")?,
        doc: field("doc")?,
        node_type: field("node_type")?,
        line_start: field("line_start")?,
        line_end: field("line_end")?,
        heading_json: field("heading_json")?,
        text: field("text")?,
        body: field("body")?,
        body_bigram: field("body_bigram")?,
        heading: field("heading")?,
        facets: field("facets")?,
        name: field("name")?,
        name_bigram: field("name_bigram")?,
        ord: field(ORD_FIELD)?,
        body_spans: field("body_spans")?,
    })
}
