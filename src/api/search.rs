//! `GET /search`.

use super::error::ApiError;
use super::state::AppState;
use crate::search::{self, Hit, SearchRequest};
use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use serde::{Deserialize, Serialize};
use std::time::Instant;

/// Default page size.
const DEFAULT_LIMIT: usize = 10;

/// Query parameters of `/search`.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct SearchParams {
    /// What to search for: keywords, "quoted phrases" or a question.
    pub q: Option<String>,
    /// Page size, 1..=100 (default 10).
    pub limit: Option<usize>,
    /// Hits to skip (default 0).
    pub offset: Option<usize>,
    /// Only passages of this seed file.
    pub doc: Option<String>,
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
}

/// Searches passages.
#[utoipa::path(get, path = "/search", params(SearchParams),
    responses((status = 200, body = SearchResponse), (status = 400, body = super::error::ErrorBody)))]
pub async fn search_handler(
    State(state): State<AppState>,
    params: Result<Query<SearchParams>, QueryRejection>,
) -> Result<Json<SearchResponse>, ApiError> {
    let started = Instant::now();
    let Query(params) = params?;
    let engine = state.engine();
    if let Some(doc) = params.doc.as_ref().filter(|d| engine.document(d).is_none()) {
        return Err(ApiError::not_found(format!("unknown document {doc:?}")));
    }
    let request = SearchRequest {
        q: params.q.unwrap_or_default(),
        limit: params.limit.unwrap_or(DEFAULT_LIMIT),
        offset: params.offset.unwrap_or(0),
        doc: params.doc,
        node_types: Vec::new(),
        passages: true,
        expansion_terms: Vec::new(),
    };
    search::validate(&request)?;
    let query = request.q.clone();
    let page = tokio::task::spawn_blocking(move || {
        search::search(&engine.index, &engine.analyzer, &request, &|f| {
            engine.doc_title(f)
        })
    })
    .await
    .map_err(|e| ApiError::internal(e.to_string()))??;
    Ok(Json(SearchResponse {
        query,
        total: page.total,
        took_ms: started.elapsed().as_millis() as u64,
        hits: page.hits,
    }))
}
