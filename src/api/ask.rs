//! `POST /ask` and `GET /ask?q=…`: cited answers for chatbots.

use super::error::ApiError;
use super::state::{AppState, ClientAddr};
use crate::ask::conversation::Conversations;
use crate::ask::{self, AskError, AskRequest, AskResponse, MAX_CONVERSATION_ID_BYTES};
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
    /// The conversation to continue (the `conversation_id` of the previous answer).
    pub conversation_id: Option<String>,
}

/// Answers a question with citations. Send the returned `conversation_id` with the next
/// question to ask a follow-up (その予算は?, 前年度は?, 担当は?); an unknown or expired id
/// starts a new conversation.
#[utoipa::path(post, path = "/ask", request_body = AskRequest,
    responses(
        (status = 200, description = "A cited answer: `answer` and `facts` (each with an id), `computed` (the arithmetic of a change or a sum, on fact ids), `citations`, `passages`, `follow_ups` and the `conversation_id` to continue with; `supported: false` when the documents do not answer, with what they hold instead", body = AskResponse),
        (status = 400, description = "Empty question, malformed body or `max_citations` out of range", body = super::error::ErrorBody),
        (status = 413, description = "Question longer than 1,000 bytes", body = super::error::ErrorBody)))]
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

/// Answers a question given in the query string (same answer as `POST /ask`).
#[utoipa::path(get, path = "/ask", params(AskParams),
    responses(
        (status = 200, description = "A cited answer, as for `POST /ask`", body = AskResponse),
        (status = 400, description = "Missing or empty `q`, or `max_citations` out of range", body = super::error::ErrorBody),
        (status = 413, description = "Question longer than 1,000 bytes", body = super::error::ErrorBody)))]
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
        conversation_id: params.conversation_id,
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

/// Answers `request` as a turn of its conversation and records it in the question log:
/// `/ask` for front ends other than the HTTP handlers.
pub async fn logged_ask(
    state: &AppState,
    client: Option<std::net::SocketAddr>,
    request: AskRequest,
) -> Result<AskResponse, ApiError> {
    let started = std::time::Instant::now();
    let question = request.question.clone();
    let result = run_ask(state.engine(), state.conversations(), request).await;
    log_ask(state, question, client, started, &result);
    result
}

/// Answers `request` from `engine` off the async threads, continuing its conversation in
/// `conversations`: the body of `/ask`, shared with other front ends.
pub async fn run_ask(
    engine: Arc<Engine>,
    conversations: Arc<Conversations>,
    request: AskRequest,
) -> Result<AskResponse, ApiError> {
    tokio::task::spawn_blocking(move || {
        let asked_id = request
            .conversation_id
            .as_deref()
            .filter(|id| id.len() <= MAX_CONVERSATION_ID_BYTES);
        let (id, previous) = conversations.continue_or_start(asked_id);
        let (mut response, turn) = ask::answer_turn(&engine, &request, previous.as_ref())?;
        conversations.record(&id, turn);
        response.conversation_id = Some(id);
        Ok::<AskResponse, AskError>(response)
    })
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
            record.conversation_id = response.conversation_id.clone();
        }
        Err(error) => record.status = error.status.as_u16(),
    }
    state.log_question(record);
}
