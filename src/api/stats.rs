//! `GET /stats/questions`: what people ask and what the corpus cannot answer yet.

use super::error::ApiError;
use super::state::AppState;
use crate::qlog::{QuestionStats, parse_since};
use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use serde::Deserialize;

/// Default length of the question lists.
const DEFAULT_TOP: usize = 20;
/// Longest question lists.
const MAX_TOP: usize = 1_000;

/// Parameters of `GET /stats/questions`.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct StatsParams {
    /// Only questions from this time on: RFC 3339 (`2026-11-01T09:00:00+09:00`) or a date
    /// (`2026-11-01`, midnight UTC). Default: everything kept.
    pub since: Option<String>,
    /// Length of each question list, 1..=1000 (default 20).
    pub limit: Option<usize>,
}

/// Counts, the most asked questions, and the questions with no hits or no supported answer.
#[utoipa::path(get, path = "/stats/questions", params(StatsParams),
    responses((status = 200, body = QuestionStats), (status = 400, body = super::error::ErrorBody)))]
pub async fn questions(
    State(state): State<AppState>,
    headers: axum::http::HeaderMap,
    params: Result<Query<StatsParams>, QueryRejection>,
) -> Result<Json<QuestionStats>, ApiError> {
    super::auth::require_admin(&state, &headers)?;
    let Query(params) = params?;
    let since = params
        .since
        .as_deref()
        .filter(|s| !s.trim().is_empty())
        .map(parse_since)
        .transpose()?;
    let top = params.limit.unwrap_or(DEFAULT_TOP);
    if !(1..=MAX_TOP).contains(&top) {
        return Err(ApiError::bad_request(
            "bad_parameters",
            format!("limit must be between 1 and {MAX_TOP}"),
        ));
    }
    let log = state.question_log().clone();
    let stats = tokio::task::spawn_blocking(move || log.stats(since, top))
        .await
        .map_err(|e| ApiError::internal(e.to_string()))?;
    Ok(Json(stats))
}
