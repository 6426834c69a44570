//! `POST /ask` and `GET /ask?q=…`: cited answers for chatbots.

use super::error::ApiError;
use super::state::AppState;
use crate::ask::{self, AskError, AskRequest, AskResponse};
use crate::engine::Engine;
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
    body: Result<Json<AskRequest>, JsonRejection>,
) -> Result<Json<AskResponse>, ApiError> {
    let Json(request) = body?;
    run(state, request).await
}

/// Answers a question given in the query string.
#[utoipa::path(get, path = "/ask", params(AskParams),
    responses((status = 200, body = AskResponse), (status = 400, body = super::error::ErrorBody)))]
pub async fn ask_get(
    State(state): State<AppState>,
    params: Result<Query<AskParams>, QueryRejection>,
) -> Result<Json<AskResponse>, ApiError> {
    let Query(params) = params?;
    run(
        state,
        AskRequest {
            question: params.q.unwrap_or_default(),
            max_citations: params.max_citations,
        },
    )
    .await
}

async fn run(state: AppState, request: AskRequest) -> Result<Json<AskResponse>, ApiError> {
    run_ask(state.engine(), request).await.map(Json)
}

/// Answers `request` from `engine` off the async threads: the body of `/ask`, shared with
/// other front ends.
pub async fn run_ask(engine: Arc<Engine>, request: AskRequest) -> Result<AskResponse, ApiError> {
    tokio::task::spawn_blocking(move || ask::answer(&engine, &request))
        .await
        .map_err(|e| ApiError::internal(e.to_string()))?
        .map_err(ApiError::from)
}
