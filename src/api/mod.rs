//! The HTTP API: routes, shared state and error mapping.

pub mod ask;
pub mod auth;
pub mod browse;
pub mod budgets;
pub mod documents;
pub mod error;
pub mod export;
pub mod graph;
pub mod openapi;
pub mod pages;
pub mod search;
pub mod state;
pub mod stats;

use crate::engine::Engine;
use crate::search::cache::CacheStats;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use error::ApiError;
use serde::Serialize;
use state::AppState;
use std::time::Duration;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

/// Largest accepted request body; longer queries are refused by validation with a clear error.
const MAX_BODY_BYTES: usize = 2 * 1024 * 1024;
/// Longest a request may take.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// The application router over `state`, with the MCP endpoint accepting loopback hosts only.
pub fn app(state: AppState) -> Router {
    app_with_allowed_hosts(state, &[])
}

/// The application router over `state` (the JSON API, and the web interface under `/ui/`,
/// with `/` redirecting there); the MCP endpoint at `/mcp` accepts requests whose
/// `Host` is one of `allowed_hosts` (loopback names when empty), against DNS rebinding.
pub fn app_with_allowed_hosts(state: AppState, allowed_hosts: &[String]) -> Router {
    // Requests that answer from the built index are cut off after REQUEST_TIMEOUT; a rebuild
    // and MCP's long-lived streams are not.
    let answered_from_the_index = Router::new()
        .route("/healthz", get(healthz))
        .route(
            "/search",
            get(search::search_handler).post(search::search_post_handler),
        )
        .route("/documents", get(documents::list))
        .route("/documents/{id}", get(documents::get))
        .route("/documents/{id}/lines", get(documents::lines))
        .route("/documents/{id}/original", get(documents::original))
        .route("/stats/questions", get(stats::questions))
        .route("/nodes", get(graph::list_nodes))
        .route("/nodes/{id}", get(graph::get_node))
        .route("/nodes/{id}/neighbors", get(graph::neighbors))
        .route("/paths", get(graph::paths))
        .route("/budgets", get(budgets::list))
        .route("/budgets/check", get(budgets::check))
        .route("/openapi.json", get(openapi::document))
        .route("/ask", get(ask::ask_get).post(ask::ask_post))
        .route("/browse", get(browse::root))
        .route("/browse/{id}", get(browse::node))
        .fallback(unknown_route)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            pages::annotate_pages,
        ))
        // Streamed, and cites nothing by page.
        .route("/graph/export", get(export::export))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ));
    // Adds and removals are limited by the document size limit and the converter's time
    // limit instead of the body limit and timeout of reads.
    let writes = Router::new()
        .route(
            "/documents",
            post(documents::add).layer(DefaultBodyLimit::disable()),
        )
        .route("/documents/{id}", axum::routing::delete(documents::remove));
    Router::new()
        .route("/admin/rebuild", post(rebuild))
        .merge(writes)
        .nest_service(
            "/mcp",
            crate::mcp::http_service(state.clone(), allowed_hosts),
        )
        .merge(crate::ui::router())
        .merge(answered_from_the_index)
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// Health and build facts.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Health {
    /// Always `ok` when answering.
    pub status: &'static str,
    /// Passages indexed.
    pub passages: usize,
    /// Graph nodes indexed.
    pub nodes: usize,
    /// When the served build was made.
    pub built_at: String,
    /// Fingerprint of the served build's inputs.
    pub fingerprint: String,
    /// The served build's search cache: answers held and how often it answered.
    pub search_cache: CacheStats,
}

impl Health {
    /// The facts of the build `engine` serves.
    fn of(engine: &Engine) -> Health {
        Health {
            status: "ok",
            passages: engine.meta.passages,
            nodes: engine.meta.nodes,
            built_at: engine.meta.built_at.clone(),
            fingerprint: engine.fingerprint.clone(),
            search_cache: engine.search_cache_stats(),
        }
    }
}

/// Liveness and the facts of the build being served.
#[utoipa::path(get, path = "/healthz", responses((status = 200, body = Health)))]
pub async fn healthz(State(state): State<AppState>) -> Json<Health> {
    Json(Health::of(&state.engine()))
}

/// Rebuilds the index and graph from the seeds; requests keep being answered meanwhile.
#[utoipa::path(post, path = "/admin/rebuild", security(("bearer" = [])),
    responses((status = 200, description = "Rebuilt and served", body = Health),
              (status = 401, description = "Missing or wrong admin token", body = error::ErrorBody),
              (status = 403, description = "Writes are not enabled on this server", body = error::ErrorBody),
              (status = 503, description = "The rebuild failed", body = error::ErrorBody)))]
pub async fn rebuild(
    State(state): State<AppState>,
    headers: axum::http::HeaderMap,
) -> Result<Json<Health>, ApiError> {
    auth::require_admin(&state, &headers)?;
    let engine = state.rebuild().await.map_err(ApiError::unavailable)?;
    Ok(Json(Health::of(&engine)))
}

async fn unknown_route() -> ApiError {
    ApiError::not_found("no such endpoint")
}
