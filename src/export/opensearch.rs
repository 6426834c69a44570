//! An OpenSearch index template whose analysers mirror this project's, and `_bulk` NDJSON
//! files of every passage with its citation, read from the live index in corpus order.
//!
//! - `ja_morph` (fields `text`, `heading`): NFKC with lower-casing (`icu_normalizer`,
//!   `nfkc_cf`), kuromoji (IPADIC, as here) with the vocabulary's names as user dictionary
//!   rules, particles, auxiliaries, symbols and conjunctions dropped.
//! - `ja_bigram` (subfield `text.bigram`): the same normalisation, character bigrams of
//!   letters and digits.
//!
//! Needs the `analysis-kuromoji` and `analysis-icu` plugins. Not mirrored: joining
//! letter-spaced PDF text (`Q K D` → `qkd`) and the query-side vocabulary expansions.

use super::{ExportError, create_dir, io};
use crate::engine::Engine;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::io::Write;
use std::path::Path;
use tantivy::schema::Value as _;
use tantivy::{DocAddress, TantivyDocument};

/// Name of the index the bulk files write to (the template matches `seisaku-passages*`).
pub const INDEX_NAME: &str = "seisaku-passages";
/// File name of the index template.
pub const TEMPLATE_FILE: &str = "index-template.json";
/// Passages per `_bulk` file (well under the default 100 MB request limit).
const PASSAGES_PER_FILE: usize = 5_000;

/// Parts of speech dropped, as IPADIC tags (kuromoji matches whole tags).
const STOP_TAGS: [&str; 27] = [
    "接続詞",
    "助詞",
    "助詞-格助詞",
    "助詞-格助詞-一般",
    "助詞-格助詞-引用",
    "助詞-格助詞-連語",
    "助詞-接続助詞",
    "助詞-係助詞",
    "助詞-副助詞",
    "助詞-間投助詞",
    "助詞-並立助詞",
    "助詞-終助詞",
    "助詞-副助詞／並立助詞／終助詞",
    "助詞-連体化",
    "助詞-副詞化",
    "助詞-特殊",
    "助動詞",
    "記号",
    "記号-一般",
    "記号-読点",
    "記号-句点",
    "記号-空白",
    "記号-括弧開",
    "記号-括弧閉",
    "記号-アルファベット",
    "フィラー",
    "その他-間投",
];

/// What was written.
#[derive(Debug, Clone, Default)]
pub struct OpenSearchExport {
    /// Passages written.
    pub passages: usize,
    /// The `_bulk` files, in order.
    pub bulk_files: Vec<String>,
}

/// The index template.
pub fn template(user_terms: &[String]) -> Value {
    let rules: Vec<String> = user_terms
        .iter()
        .filter(|t| {
            !t.is_empty() && !t.contains([',', '"', '\n']) && !t.contains(char::is_whitespace)
        })
        .map(|t| format!("{t},{t},{t},カスタム名詞"))
        .collect();
    json!({
        "index_patterns": [format!("{INDEX_NAME}*")],
        "template": {
            "settings": {
                "analysis": {
                    "char_filter": {
                        "nfkc_lower": {"type": "icu_normalizer", "name": "nfkc_cf"}
                    },
                    "tokenizer": {
                        "ja_words": {
                            "type": "kuromoji_tokenizer",
                            "mode": "normal",
                            "discard_punctuation": true,
                            "user_dictionary_rules": rules
                        },
                        "ja_bigram": {
                            "type": "ngram",
                            "min_gram": 2,
                            "max_gram": 2,
                            "token_chars": ["letter", "digit"]
                        }
                    },
                    "filter": {
                        "ja_stop_tags": {"type": "kuromoji_part_of_speech", "stoptags": STOP_TAGS}
                    },
                    "analyzer": {
                        "ja_morph": {
                            "type": "custom",
                            "char_filter": ["nfkc_lower"],
                            "tokenizer": "ja_words",
                            "filter": ["ja_stop_tags", "lowercase"]
                        },
                        "ja_bigram": {
                            "type": "custom",
                            "char_filter": ["nfkc_lower"],
                            "tokenizer": "ja_bigram",
                            "filter": ["lowercase"]
                        }
                    }
                }
            },
            "mappings": {
                "dynamic": "strict",
                "properties": {
                    "id": {"type": "keyword"},
                    "doc": {"type": "keyword"},
                    "doc_title": {"type": "text", "analyzer": "ja_morph"},
                    "line_start": {"type": "integer"},
                    "line_end": {"type": "integer"},
                    "heading": {"type": "text", "analyzer": "ja_morph"},
                    "text": {
                        "type": "text",
                        "analyzer": "ja_morph",
                        "fields": {"bigram": {"type": "text", "analyzer": "ja_bigram"}}
                    }
                }
            }
        }
    })
}

/// Writes `index-template.json` and `bulk-NNNNN.ndjson` files into `dir`: every passage of
/// the engine's index in corpus order, one action line and one document line each.
pub fn write(engine: &Engine, dir: &Path) -> Result<OpenSearchExport, ExportError> {
    create_dir(dir)?;
    let user_terms: Vec<String> = engine
        .vocab
        .entries()
        .iter()
        .flat_map(|entry| entry.names().map(str::to_string))
        .collect();
    let template_path = dir.join(TEMPLATE_FILE);
    let template_text = serde_json::to_string_pretty(&template(&user_terms)).unwrap_or_default();
    std::fs::write(&template_path, template_text).map_err(io(&template_path))?;

    let searcher = engine.index.reader.searcher();
    let fields = &engine.index.fields;
    // Passages in corpus order: the document's place in the corpus, then its lines.
    let position: HashMap<&str, usize> = engine
        .corpus
        .docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.file(), i))
        .collect();
    let mut passages: Vec<((usize, u64, u64), DocAddress)> = Vec::new();
    for (segment_ord, segment) in searcher.segment_readers().iter().enumerate() {
        for doc in segment.doc_ids_alive() {
            let address = DocAddress::new(segment_ord as u32, doc);
            let stored: TantivyDocument = searcher.doc(address)?;
            let field_text = |field| stored.get_first(field).and_then(|v| v.as_str());
            if field_text(fields.kind) != Some("passage") {
                continue;
            }
            let place = field_text(fields.doc)
                .and_then(|d| position.get(d).copied())
                .unwrap_or(usize::MAX);
            let field_number = |field| stored.get_first(field).and_then(|v| v.as_u64());
            let start = field_number(fields.line_start).unwrap_or(0);
            let end = field_number(fields.line_end).unwrap_or(0);
            passages.push(((place, start, end), address));
        }
    }
    passages.sort_unstable();

    let mut export = OpenSearchExport::default();
    for (number, chunk) in passages.chunks(PASSAGES_PER_FILE).enumerate() {
        let name = format!("bulk-{:05}.ndjson", number + 1);
        let path = dir.join(&name);
        let file = std::fs::File::create(&path).map_err(io(&path))?;
        let mut out = std::io::BufWriter::new(file);
        for (_, address) in chunk {
            let stored: TantivyDocument = searcher.doc(*address)?;
            let text = |field| {
                stored
                    .get_first(field)
                    .and_then(|v| v.as_str())
                    .unwrap_or("")
                    .to_string()
            };
            let number = |field| {
                stored
                    .get_first(field)
                    .and_then(|v| v.as_u64())
                    .unwrap_or(0)
            };
            let id = text(fields.id);
            let doc = text(fields.doc);
            let heading: Value =
                serde_json::from_str(&text(fields.heading_json)).unwrap_or(json!([]));
            let action = json!({"index": {"_index": INDEX_NAME, "_id": id}});
            let document = json!({
                "id": id,
                "doc_title": engine.doc_title(&doc),
                "doc": doc,
                "line_start": number(fields.line_start),
                "line_end": number(fields.line_end),
                "heading": heading,
                "text": text(fields.text),
            });
            writeln!(out, "{action}\n{document}").map_err(io(&path))?;
            export.passages += 1;
        }
        out.flush().map_err(io(&path))?;
        export.bulk_files.push(name);
    }
    Ok(export)
}
