//! `POST /ask` and `GET /ask?q=…`: cited answers for chatbots.

use super::error::ApiError;
use super::state::{AppState, ClientAddr};
use crate::ask::{self, AskError, AskRequest, AskResponse};
use crate::engine::Engine;
use crate::qlog::{Endpoint, QuestionRecord};
use axum::Json;
use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{Query, State};
use serde::Deserialize;
use std::sync::Arc;

impl From<AskError> for ApiError {
    fn from(error: AskError) -> ApiError {
        let message = error.to_string();
        match error {
            AskError::EmptyQuestion => ApiError::bad_request("empty_question", message),
            AskError::TooLong => ApiError {
                status: axum::http::StatusCode::PAYLOAD_TOO_LARGE,
                code: "question_too_long",
                message,
            },
            AskError::BadCitations => ApiError::bad_request("out_of_range", message),
            AskError::Search(search) => ApiError::from(search),
        }
    }
}

/// Parameters of `GET /ask`.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct AskParams {
    /// The question.
    pub q: Option<String>,
    /// How many citations, 1..=20 (default 5).
    pub max_citations: Option<usize>,
}

/// Answers a question with citations.
#[utoipa::path(post, path = "/ask", request_body = AskRequest,
    responses((status = 200, body = AskResponse), (status = 400, body = super::error::ErrorBody)))]
pub async fn ask_post(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    body: Result<Json<AskRequest>, JsonRejection>,
) -> Result<Json<AskResponse>, ApiError> {
    let request = match body {
        Ok(Json(request)) => request,
        Err(rejection) => return Err(refused(&state, client, ApiError::from(rejection))),
    };
    run(state, request, client).await
}

/// Answers a question given in the query string.
#[utoipa::path(get, path = "/ask", params(AskParams),
    responses((status = 200, body = AskResponse), (status = 400, body = super::error::ErrorBody)))]
pub async fn ask_get(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    params: Result<Query<AskParams>, QueryRejection>,
) -> Result<Json<AskResponse>, ApiError> {
    let params = match params {
        Ok(Query(params)) => params,
        Err(rejection) => return Err(refused(&state, client, ApiError::from(rejection))),
    };
    let request = AskRequest {
        question: params.q.unwrap_or_default(),
        max_citations: params.max_citations,
    };
    run(state, request, client).await
}

async fn run(
    state: AppState,
    request: AskRequest,
    client: Option<std::net::SocketAddr>,
) -> Result<Json<AskResponse>, ApiError> {
    logged_ask(&state, client, request).await.map(Json)
}

/// Answers `request` and records it in the question log: `/ask` for front ends other than
/// the HTTP handlers.
pub async fn logged_ask(
    state: &AppState,
    client: Option<std::net::SocketAddr>,
    request: AskRequest,
) -> Result<AskResponse, ApiError> {
    let started = std::time::Instant::now();
    let question = request.question.clone();
    let result = run_ask(state.engine(), request).await;
    log_ask(state, question, client, started, &result);
    result
}

/// Answers `request` from `engine` off the async threads: the body of `/ask`, shared with
/// other front ends.
pub async fn run_ask(engine: Arc<Engine>, request: AskRequest) -> Result<AskResponse, ApiError> {
    tokio::task::spawn_blocking(move || ask::answer(&engine, &request))
        .await
        .map_err(|e| ApiError::internal(e.to_string()))?
        .map_err(ApiError::from)
}

/// Logs a request refused before it could be read, and returns its error.
fn refused(state: &AppState, client: Option<std::net::SocketAddr>, error: ApiError) -> ApiError {
    let started = std::time::Instant::now();
    log_ask(state, String::new(), client, started, &Err(error.clone()));
    error
}

/// Records an `/ask` in the question log (never waits, never fails the request).
fn log_ask(
    state: &AppState,
    question: String,
    client: Option<std::net::SocketAddr>,
    started: std::time::Instant,
    result: &Result<AskResponse, ApiError>,
) {
    let mut record = QuestionRecord {
        endpoint: Endpoint::Ask,
        question,
        latency: started.elapsed(),
        client,
        ..QuestionRecord::default()
    };
    match result {
        Ok(response) => {
            record.status = 200;
            record.intent = Some(response.intent.as_str().to_string());
            record.supported = Some(response.supported);
            record.hits = response.passages.len();
            record.cited = response
                .citations
                .iter()
                .map(|c| format!("{}:{}-{}", c.doc, c.line_start, c.line_end))
                .collect();
            record.expansions = response
                .expansions
                .iter()
                .map(|e| e.canonical.clone())
                .collect();
        }
        Err(error) => record.status = error.status.as_u16(),
    }
    state.log_question(record);
}
