//! `GET /search`.

use super::error::ApiError;
use super::state::AppState;
use crate::engine::Engine;
use crate::search::{self, Hit, SearchRequest};
use axum::Json;
use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{Query, State};
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use std::time::Instant;

/// Default page size.
const DEFAULT_LIMIT: usize = 10;

/// Query parameters of `GET /search` (and the JSON body of `POST /search`).
#[derive(Debug, Deserialize, utoipa::IntoParams, utoipa::ToSchema)]
pub struct SearchParams {
    /// What to search for: keywords, "quoted phrases" or a question.
    pub q: Option<String>,
    /// Page size, 1..=100 (default 10).
    pub limit: Option<usize>,
    /// Hits to skip (default 0).
    pub offset: Option<usize>,
    /// Only passages of this seed file.
    pub doc: Option<String>,
    /// Also search graph nodes of these types (comma-separated: measure, strategy, agency …).
    #[serde(rename = "type")]
    pub node_type: Option<String>,
}

/// The `/search` response.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct SearchResponse {
    /// The query as received.
    pub query: String,
    /// Number of matching hits.
    pub total: usize,
    /// Time spent, in milliseconds.
    pub took_ms: u64,
    /// This page of hits, best first.
    pub hits: Vec<Hit>,
    /// Vocabulary expansions applied to the query.
    pub expansions: Vec<ExpansionInfo>,
}

/// One vocabulary expansion: a term found in the query and the synonyms searched with it.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ExpansionInfo {
    /// The query text that named the term.
    pub matched: String,
    /// Its canonical name.
    pub canonical: String,
    /// Its graph node id.
    pub node_id: String,
    /// The other names searched as well.
    pub terms: Vec<String>,
}

impl From<&crate::vocab::Expansion> for ExpansionInfo {
    fn from(expansion: &crate::vocab::Expansion) -> ExpansionInfo {
        ExpansionInfo {
            matched: expansion.matched.clone(),
            canonical: expansion.canonical.clone(),
            node_id: expansion.node_id.clone(),
            terms: expansion.terms.clone(),
        }
    }
}

/// Searches passages.
#[utoipa::path(get, path = "/search", params(SearchParams),
    responses((status = 200, body = SearchResponse), (status = 400, body = super::error::ErrorBody)))]
pub async fn search_handler(
    State(state): State<AppState>,
    params: Result<Query<SearchParams>, QueryRejection>,
) -> Result<Json<SearchResponse>, ApiError> {
    let Query(params) = params?;
    run_search(state.engine(), params).await.map(Json)
}

/// Searches passages, with the parameters in a JSON body (for long queries).
#[utoipa::path(post, path = "/search", request_body = SearchParams,
    responses((status = 200, body = SearchResponse), (status = 400, body = super::error::ErrorBody)))]
pub async fn search_post_handler(
    State(state): State<AppState>,
    params: Result<Json<SearchParams>, JsonRejection>,
) -> Result<Json<SearchResponse>, ApiError> {
    let Json(params) = params?;
    run_search(state.engine(), params).await.map(Json)
}

/// Searches passages of `engine` (and graph nodes when types are asked for): the body of
/// `/search`, shared with other front ends.
pub async fn run_search(
    engine: Arc<Engine>,
    params: SearchParams,
) -> Result<SearchResponse, ApiError> {
    let started = Instant::now();
    if let Some(doc) = params.doc.as_ref().filter(|d| engine.document(d).is_none()) {
        return Err(ApiError::not_found(format!("unknown document {doc:?}")));
    }
    let request = SearchRequest {
        q: params.q.unwrap_or_default(),
        limit: params.limit.unwrap_or(DEFAULT_LIMIT),
        offset: params.offset.unwrap_or(0),
        doc: params.doc,
        node_types: params
            .node_type
            .as_deref()
            .unwrap_or("")
            .split(',')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(|t| crate::api::graph::parse_node_type(t).map(|t| t.as_str().to_string()))
            .collect::<Result<Vec<_>, _>>()?,
        passages: true,
        expansion_terms: Vec::new(),
    };
    search::validate(&request)?;
    let query = request.q.clone();
    let outcome = tokio::task::spawn_blocking(move || engine.search(&request))
        .await
        .map_err(|e| ApiError::internal(e.to_string()))??;
    Ok(SearchResponse {
        query,
        total: outcome.page.total,
        took_ms: started.elapsed().as_millis() as u64,
        hits: outcome.page.hits,
        expansions: outcome.expansions.iter().map(ExpansionInfo::from).collect(),
    })
}
