//! `GET /search` and `POST /search`, each recorded in the question log.

use super::error::ApiError;
use super::state::{AppState, ClientAddr};
use crate::engine::Engine;
use crate::qlog::{Endpoint, QuestionRecord};
use crate::search::{self, Hit, SearchRequest};
use axum::Json;
use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{Query, State};
use axum::http::{StatusCode, Uri};
use serde::{Deserialize, Serialize};
use std::net::SocketAddr;
use std::num::NonZeroUsize;
use std::sync::{Arc, LazyLock};
use std::time::Instant;
use tokio::sync::Semaphore;

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
    /// Number of matching hits (at least this many when `total_exact` is false).
    pub total: usize,
    /// Whether `total` is exact: counting stops at 10,000 matching passages.
    pub total_exact: bool,
    /// Time spent, in milliseconds.
    pub took_ms: u64,
    /// This page of hits, best first.
    pub hits: Vec<Hit>,
    /// Vocabulary expansions applied to the query.
    pub expansions: Vec<crate::vocab::Expansion>,
}

/// Searches passages.
#[utoipa::path(get, path = "/search", params(SearchParams),
    responses((status = 200, body = SearchResponse), (status = 400, body = super::error::ErrorBody)))]
pub async fn search_handler(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    uri: Uri,
    params: Result<Query<SearchParams>, QueryRejection>,
) -> Result<Json<SearchResponse>, ApiError> {
    let started = Instant::now();
    let (question, result) = match params {
        Ok(Query(params)) => (params.q.clone(), run_search(state.engine(), params).await),
        // The other parameters were refused; the question may still be readable.
        Err(rejection) => (
            Query::<QuestionOnly>::try_from_uri(&uri)
                .ok()
                .and_then(|Query(only)| only.q),
            Err(ApiError::from(rejection)),
        ),
    };
    log_search(&state, client, question, started, &result);
    result.map(Json)
}

/// Searches passages, with the parameters in a JSON body (for long queries).
#[utoipa::path(post, path = "/search", request_body = SearchParams,
    responses((status = 200, body = SearchResponse), (status = 400, body = super::error::ErrorBody)))]
pub async fn search_post_handler(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    params: Result<Json<SearchParams>, JsonRejection>,
) -> Result<Json<SearchResponse>, ApiError> {
    let started = Instant::now();
    let (question, result) = match params {
        Ok(Json(params)) => (params.q.clone(), run_search(state.engine(), params).await),
        Err(rejection) => (None, Err(ApiError::from(rejection))),
    };
    log_search(&state, client, question, started, &result);
    result.map(Json)
}

/// Searches with `params` and records the search in the question log: `/search` for front
/// ends other than the HTTP handlers.
pub async fn logged_search(
    state: &AppState,
    client: Option<SocketAddr>,
    params: SearchParams,
) -> Result<SearchResponse, ApiError> {
    let started = Instant::now();
    let question = params.q.clone();
    let result = run_search(state.engine(), params).await;
    log_search(state, client, question, started, &result);
    result
}

/// Just the question of a query string whose other parameters were refused.
#[derive(Debug, Deserialize)]
struct QuestionOnly {
    q: Option<String>,
}

/// Records a search in the question log: hits are the total found, cited the ids on the page.
fn log_search(
    state: &AppState,
    client: Option<SocketAddr>,
    question: Option<String>,
    started: Instant,
    result: &Result<SearchResponse, ApiError>,
) {
    let mut record = QuestionRecord {
        endpoint: Endpoint::Search,
        question: question.unwrap_or_default(),
        latency: started.elapsed(),
        client,
        ..QuestionRecord::default()
    };
    match result {
        Ok(response) => {
            record.status = StatusCode::OK.as_u16();
            record.hits = response.total;
            record.cited = response.hits.iter().map(|hit| hit.id.clone()).collect();
            record.expansions = response
                .expansions
                .iter()
                .map(|expansion| expansion.canonical.clone())
                .collect();
        }
        Err(error) => record.status = error.status.as_u16(),
    }
    state.log_question(record);
}

/// Searches running at once: one per core. Requests beyond wait their turn (in arrival
/// order) instead of sharing the cores among more threads, each with its own allocator arena.
static SEARCHES: LazyLock<Semaphore> = LazyLock::new(|| {
    Semaphore::new(std::thread::available_parallelism().map_or(2, NonZeroUsize::get))
});

/// Runs `search` on the blocking pool (never on the runtime's threads), at most one search
/// per core at a time.
pub(crate) async fn search_off_the_runtime<T: Send + 'static>(
    search: impl FnOnce() -> T + Send + 'static,
) -> Result<T, String> {
    let _permit = SEARCHES.acquire().await.map_err(|e| e.to_string())?;
    tokio::task::spawn_blocking(search)
        .await
        .map_err(|e| e.to_string())
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
    // A repeated search is answered here; only a new one waits for a turn on the blocking pool.
    let outcome = match engine.cached_search(&request) {
        Some(cached) => cached,
        None => search_off_the_runtime(move || engine.search_and_keep(&request))
            .await
            .map_err(ApiError::internal)??,
    };
    Ok(SearchResponse {
        query,
        total: outcome.page.total,
        total_exact: outcome.page.total_exact,
        took_ms: started.elapsed().as_millis() as u64,
        hits: outcome.page.hits,
        expansions: outcome.expansions,
    })
}
