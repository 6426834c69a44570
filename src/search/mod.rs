//! Passage and node search over the index, with forgiving query handling and snippets.

pub mod cache;
pub mod probes;
pub mod query;
pub mod snippet;
pub mod statistics;
pub mod topk;

use crate::analysis::Analyzer;
use crate::index::SearchIndex;
use crate::index::schema::ORD_FIELD;
use serde::Serialize;
use statistics::Statistics;
use std::cmp::Reverse;
use std::collections::HashSet;
use tantivy::collector::{Collector, Count, TopDocs};
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{DocAddress, DocId, Score, Searcher, SegmentReader, TantivyDocument, Term};

/// Longest accepted query, in bytes.
pub const MAX_QUERY_BYTES: usize = 1_000;
/// Largest page size.
pub const MAX_LIMIT: usize = 100;
/// How many ranked hits are read per hit shown, to make room for collapsed duplicates.
const DUPLICATE_HEADROOM: usize = 2;
/// Candidates scored with the full query per ranked hit wanted, in two-phase ranking.
const CANDIDATES_PER_HIT: usize = 2;
/// Fewest candidates scored with the full query in two-phase ranking (50 for a first page of
/// ten: the dev gold ranks as well with 50 as with 200, at 1× and at 100×).
const MIN_CANDIDATES: usize = 50;
/// Most passages counted for a search's total in two-phase ranking; beyond it the total is
/// a lower bound.
pub const COUNT_LIMIT: usize = 10_000;
/// Deepest accepted offset.
pub const MAX_OFFSET: usize = 10_000;

/// Why a search request was refused.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// Nothing to search for.
    #[error("the query is empty")]
    EmptyQuery,
    /// The query has no letters or digits.
    #[error("the query has no searchable words")]
    NothingSearchable,
    /// The query is too long.
    #[error("the query is longer than {MAX_QUERY_BYTES} bytes")]
    QueryTooLong,
    /// limit or offset out of range.
    #[error("{0}")]
    BadPaging(String),
    /// The index failed.
    #[error("search failed: {0}")]
    Index(#[from] tantivy::TantivyError),
}

/// What to search for.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct SearchRequest {
    /// The user's text.
    pub q: String,
    /// Page size (1..=100).
    pub limit: usize,
    /// Hits to skip.
    pub offset: usize,
    /// Only this seed file.
    pub doc: Option<String>,
    /// Search graph nodes of these types instead of (or besides) passages.
    pub node_types: Vec<String>,
    /// Include passages (true unless only node types were asked for).
    pub passages: bool,
    /// Extra phrases to search as well (vocabulary expansions).
    pub expansion_terms: Vec<String>,
}

/// One search hit.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Hit {
    /// `passage` or `node`.
    pub kind: String,
    /// Passage id or node id.
    pub id: String,
    /// Node type, for node hits.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub node_type: Option<String>,
    /// Seed file name.
    pub doc: String,
    /// Document title.
    pub doc_title: String,
    /// First line (1-based).
    pub line_start: u32,
    /// Last line (1-based, inclusive).
    pub line_end: u32,
    /// Page of the first line, for documents added as PDFs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// Heading path.
    pub heading: Vec<String>,
    /// Text as written.
    pub text: String,
    /// HTML snippet with `<mark>`ed terms.
    pub snippet: String,
    /// Relevance score.
    pub score: f32,
    /// Graph nodes the passage mentions or states (for node hits: the node itself).
    pub nodes: Vec<HitNode>,
}

/// A graph node a hit mentions.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct HitNode {
    /// Node id.
    pub id: String,
    /// Node type.
    #[serde(rename = "type")]
    pub node_type: String,
    /// Name.
    pub name: String,
}

/// A page of hits.
#[derive(Debug, Clone)]
pub struct SearchPage {
    /// All matching hits (at least this many when `total_exact` is false).
    pub total: usize,
    /// Whether `total` is exact: counting passages stops at [`COUNT_LIMIT`].
    pub total_exact: bool,
    /// This page.
    pub hits: Vec<Hit>,
}

/// Checks a request before any work is done.
pub fn validate(request: &SearchRequest) -> Result<(), SearchError> {
    if request.q.len() > MAX_QUERY_BYTES {
        return Err(SearchError::QueryTooLong);
    }
    if request.q.trim().is_empty() {
        return Err(SearchError::EmptyQuery);
    }
    if !request.q.chars().any(char::is_alphanumeric) {
        return Err(SearchError::NothingSearchable);
    }
    if request.limit == 0 || request.limit > MAX_LIMIT {
        return Err(SearchError::BadPaging(format!(
            "limit must be between 1 and {MAX_LIMIT}"
        )));
    }
    if request.offset > MAX_OFFSET {
        return Err(SearchError::BadPaging(format!(
            "offset must be at most {MAX_OFFSET}"
        )));
    }
    Ok(())
}

/// Runs a search. `doc_title` maps a file name to its title.
pub fn search(
    index: &SearchIndex,
    analyzer: &Analyzer,
    request: &SearchRequest,
    doc_title: &dyn Fn(&str) -> String,
) -> Result<SearchPage, SearchError> {
    validate(request)?;
    let cleaned: String = request
        .q
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let parsed = query::parse(analyzer, &cleaned);
    if parsed.is_empty() && request.expansion_terms.is_empty() {
        return Err(SearchError::NothingSearchable);
    }
    let searcher = index.reader.searcher();
    // Fetch extra hits so that passages repeated word for word (relisted slides) can be
    // collapsed into their best-ranked copy without leaving the page short.
    let window = (request.offset + request.limit) * DUPLICATE_HEADROOM;
    let Ranking {
        total,
        total_exact,
        ranked,
    } = rank(&searcher, index, analyzer, request, &parsed, window)?;
    let mut seen_texts = HashSet::new();
    let mut unique = Vec::with_capacity(ranked.len());
    let wanted = request.offset + request.limit;
    // Hits past the page are never shown: their documents are not read.
    for topk::Ranked { score, address, .. } in ranked {
        if unique.len() >= wanted {
            break;
        }
        let stored: TantivyDocument = searcher.doc(address)?;
        let text = stored
            .get_first(index.fields.text)
            .and_then(|v| v.as_str())
            .unwrap_or("");
        let key = crate::normalize::for_matching(text).replace([' ', '\n'], "");
        if seen_texts.insert(key) {
            unique.push((score, stored));
        }
    }
    let top: Vec<(f32, TantivyDocument)> = unique
        .into_iter()
        .skip(request.offset)
        .take(request.limit)
        .collect();
    let mut highlight: HashSet<String> = parsed.terms.iter().cloned().collect();
    for phrase in parsed.phrases.iter().chain(&request.expansion_terms) {
        highlight.extend(analyzer.analyze(phrase).into_iter().map(|t| t.term));
    }
    let grams: HashSet<String> = parsed.bigrams.iter().cloned().collect();
    let mut hits = Vec::with_capacity(top.len());
    for (score, stored) in top {
        hits.push(to_hit(
            index, analyzer, &stored, score, &highlight, &grams, doc_title,
        ));
    }
    Ok(SearchPage {
        total,
        total_exact,
        hits,
    })
}

/// The matching documents: how many, and the best of them.
struct Ranking {
    /// Number of matches (a lower bound when not `total_exact`).
    total: usize,
    /// Whether `total` is exact.
    total_exact: bool,
    /// The best matches, best first.
    ranked: Vec<topk::Ranked>,
}

/// The number of matching documents and the best `window` of them, best first.
///
/// Passages are ranked in two phases when the query has no required phrase and no document
/// scope: [`topk::candidates`] picks the best [`CANDIDATES_PER_HIT`] × `window` passages (at
/// least [`MIN_CANDIDATES`]) by their words alone (by bigrams too when few passages have the
/// words), and only those are scored with every clause of the query; the total counts the
/// passages that match a clause, without scoring them. Node hits (few) are always scored in
/// full. Otherwise — a quoted phrase is required, or one document is searched — every match
/// is scored.
fn rank(
    searcher: &Searcher,
    index: &SearchIndex,
    analyzer: &Analyzer,
    request: &SearchRequest,
    parsed: &query::ParsedQuery,
    window: usize,
) -> Result<Ranking, SearchError> {
    let fields = query::TextFields::passages(&index.fields);
    let expansions = &request.expansion_terms;
    let clauses = query::clauses(analyzer, &fields, parsed, expansions)
        .filter(|_| request.passages && request.doc.is_none());
    let Some(query::Clauses {
        matching,
        single_terms,
        mut bonus,
    }) = clauses
    else {
        let full_query = scoped_query(index, analyzer, request, parsed);
        return score_every_match(searcher, full_query.as_ref(), window);
    };
    // Passages are scored with their scope too, as in the single query.
    bonus.push(exact_term(index.fields.kind, "passage"));
    let k = (window * CANDIDATES_PER_HIT).max(MIN_CANDIDATES);
    let terms = query::candidate_terms(analyzer, &fields, parsed, expansions);
    let statistics = Statistics::new(searcher);
    let ords = index.ords.for_searcher(searcher);
    let picked = topk::candidates(searcher, &statistics, &ords, &terms, k)?;
    let mut ranked = topk::rescore(searcher, &statistics, &ords, &matching, &bonus, &picked)?;
    // When the single terms alone reach the limit, so do all clauses, and the expansions'
    // phrases need not be matched to count; one term in that many passages is enough.
    let terms_only = matching.get(..single_terms.len()).unwrap_or(&matching);
    let by_terms = if topk::one_term_reaches(searcher, &statistics, &single_terms, COUNT_LIMIT)? {
        (COUNT_LIMIT, false)
    } else {
        topk::count_up_to(searcher, terms_only, COUNT_LIMIT)?
    };
    let (mut total, total_exact) = match by_terms {
        (_, true) if single_terms.len() < matching.len() => {
            topk::count_up_to(searcher, &matching, COUNT_LIMIT)?
        }
        counted => counted,
    };
    if !request.node_types.is_empty() {
        let nodes_only = SearchRequest {
            passages: false,
            ..request.clone()
        };
        let node_query = scoped_query(index, analyzer, &nodes_only, parsed);
        let nodes = score_every_match(searcher, node_query.as_ref(), window)?;
        total += nodes.total;
        ranked.extend(nodes.ranked);
        ranked.sort_by(topk::best_first);
    }
    ranked.truncate(window);
    Ok(Ranking {
        total,
        total_exact,
        ranked,
    })
}

/// A query for one exact value of an untokenised field.
fn exact_term(field: tantivy::schema::Field, value: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, value),
        IndexRecordOption::Basic,
    ))
}

/// Scores every document matching `query`: the number of them and the best `window`.
fn score_every_match(
    searcher: &Searcher,
    query: &dyn Query,
    window: usize,
) -> Result<Ranking, SearchError> {
    let collector = (Count, ranked_by_score_then_ord(window));
    let (total, ranked) = searcher.search(query, &collector)?;
    let ranked = ranked
        .into_iter()
        .map(|((score, Reverse(ord)), address)| topk::Ranked {
            score,
            ord,
            address,
        })
        .collect();
    Ok(Ranking {
        total,
        total_exact: true,
        ranked,
    })
}

/// Top `limit` documents by score, equal scores in corpus order (the `ord` fast field), so
/// that ranking does not depend on how the index was split into segments.
fn ranked_by_score_then_ord(
    limit: usize,
) -> impl Collector<Fruit = Vec<((Score, Reverse<u64>), DocAddress)>> {
    TopDocs::with_limit(limit).tweak_score(|segment: &SegmentReader| {
        let ords = segment
            .fast_fields()
            .u64(ORD_FIELD)
            .ok()
            .map(|column| column.first_or_default_col(u64::MAX));
        move |doc: DocId, score: Score| {
            let ord = ords.as_ref().map_or(u64::MAX, |column| column.get_val(doc));
            (score, Reverse(ord))
        }
    })
}

/// The scoring query over passages and/or nodes of the requested types, within one document
/// when asked.
fn scoped_query(
    index: &SearchIndex,
    analyzer: &Analyzer,
    request: &SearchRequest,
    parsed: &query::ParsedQuery,
) -> Box<dyn Query> {
    let fields = &index.fields;
    let exact = exact_term;
    let mut scopes: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    if request.passages {
        let text = query::build(
            analyzer,
            &query::TextFields::passages(fields),
            parsed,
            &request.expansion_terms,
        );
        let scope = BooleanQuery::new(vec![
            (Occur::Must, text),
            (Occur::Must, exact(fields.kind, "passage")),
        ]);
        scopes.push((Occur::Should, Box::new(scope)));
    }
    if !request.node_types.is_empty() {
        let text = query::build(
            analyzer,
            &query::TextFields::nodes(fields),
            parsed,
            &request.expansion_terms,
        );
        let types: Vec<(Occur, Box<dyn Query>)> = request
            .node_types
            .iter()
            .map(|t| (Occur::Should, exact(fields.node_type, t)))
            .collect();
        let scope = BooleanQuery::new(vec![
            (Occur::Must, text),
            (Occur::Must, Box::new(BooleanQuery::new(types))),
        ]);
        scopes.push((Occur::Should, Box::new(scope)));
    }
    let mut clauses: Vec<(Occur, Box<dyn Query>)> =
        vec![(Occur::Must, Box::new(BooleanQuery::new(scopes)))];
    if let Some(doc) = &request.doc {
        clauses.push((Occur::Must, exact(fields.doc, doc)));
    }
    Box::new(BooleanQuery::new(clauses))
}

fn to_hit(
    index: &SearchIndex,
    analyzer: &Analyzer,
    stored: &TantivyDocument,
    score: f32,
    highlight: &HashSet<String>,
    grams: &HashSet<String>,
    doc_title: &dyn Fn(&str) -> String,
) -> Hit {
    let fields = &index.fields;
    let text_of = |field| {
        stored
            .get_first(field)
            .and_then(|v| v.as_str())
            .unwrap_or("")
            .to_string()
    };
    let number_of = |field| {
        stored
            .get_first(field)
            .and_then(|v| v.as_u64())
            .and_then(|n| u32::try_from(n).ok())
            .unwrap_or(0)
    };
    let text = text_of(fields.text);
    let doc = text_of(fields.doc);
    let kind = text_of(fields.kind);
    let node_type = text_of(fields.node_type);
    let stored_spans = stored
        .get_first(fields.body_spans)
        .and_then(|v| v.as_bytes());
    Hit {
        snippet: snippet::snippet(analyzer, &text, stored_spans, highlight, grams),
        heading: serde_json::from_str(&text_of(fields.heading_json)).unwrap_or_default(),
        id: text_of(fields.id),
        node_type: (kind == "node").then_some(node_type),
        kind,
        doc_title: doc_title(&doc),
        doc,
        line_start: number_of(fields.line_start),
        line_end: number_of(fields.line_end),
        text,
        score,
        page: None,
        nodes: Vec::new(),
    }
}
