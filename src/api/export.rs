//! `GET /graph/export?format=json|graphml|cypher`, streamed.

use super::error::ApiError;
use super::state::AppState;
use crate::graph::export::{ExportChunks, ExportFormat};
use axum::body::Body;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::Response;
use serde::Deserialize;

/// Parameters of `GET /graph/export`.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct ExportParams {
    /// `json` (default), `graphml` or `cypher`.
    pub format: Option<String>,
}

/// The whole graph for other tools.
#[utoipa::path(get, path = "/graph/export", params(ExportParams),
    responses((status = 200, description = "the graph, streamed", content_type = "application/json"), (status = 400, body = super::error::ErrorBody)))]
pub async fn export(
    State(state): State<AppState>,
    params: Result<Query<ExportParams>, QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(params) = params?;
    let name = params.format.as_deref().unwrap_or("json");
    let format = ExportFormat::parse(name).ok_or_else(|| {
        ApiError::bad_request("bad_format", "format must be json, graphml or cypher")
    })?;
    let chunks = ExportChunks::new(state.engine(), format)
        .map(|chunk| Ok::<_, std::convert::Infallible>(axum::body::Bytes::from(chunk)));
    let body = Body::from_stream(futures_util::stream::iter(chunks));
    Response::builder()
        .header(header::CONTENT_TYPE, format.content_type())
        .header(
            header::CONTENT_DISPOSITION,
            format!("inline; filename=\"{}\"", format.file_name()),
        )
        .body(body)
        .map_err(|e| ApiError::internal(e.to_string()))
}
