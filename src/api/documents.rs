//! `POST /documents`, `GET /documents`, `GET /documents/{id}`, `GET /documents/{id}/lines`,
//! `GET /documents/{id}/original`, `DELETE /documents/{id}`.

use super::auth::require_admin;
use super::error::{ApiError, ErrorBody};
use super::state::AppState;
use crate::documents::intake::{Incoming, Overrides};
use crate::documents::{self, DocumentSummary};
use crate::library::LibraryEntry;
use axum::Json;
use axum::body::Body;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

/// Most lines one `GET /documents/{id}/lines` returns.
pub const MAX_LINES: u32 = 500;

/// Parameters of `POST /documents`; each metadata value given replaces what is read from
/// the content.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct AddParams {
    /// The original file name (its extension decides the format when the content type does
    /// not); directories in it are ignored.
    pub filename: Option<String>,
    /// Title (default: the first heading).
    pub title: Option<String>,
    /// Publisher (default: a ministry or agency named near the title).
    pub publisher: Option<String>,
    /// Date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (default: read from the content).
    pub date: Option<String>,
    /// Kind: budget_overview, budget_request, policy_evaluation, strategy_excerpts,
    /// plan_status or other (default: recognised from the structure).
    pub kind: Option<String>,
}

/// One document.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct DocumentResponse {
    /// The document with its metadata and counts.
    pub document: DocumentSummary,
}

/// The removed document.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct RemovedResponse {
    /// Its library entry.
    pub removed: LibraryEntry,
}

/// Parameters of `GET /documents/{id}/lines`.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct LinesParams {
    /// First line, 1-based (default 1).
    pub from: Option<u32>,
    /// Last line, inclusive (default: `from` + 499, or the last line); at most 500 lines.
    pub to: Option<u32>,
}

/// One line of a document's text.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Line {
    /// Line number (1-based), as citations count.
    pub line: u32,
    /// Page of the line (PDFs), otherwise null.
    pub page: Option<u32>,
    /// The text as extracted.
    pub text: String,
}

/// Lines of a document.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct LinesResponse {
    /// Document id.
    pub id: String,
    /// Lines in the document.
    pub total_lines: u32,
    /// The lines asked for.
    pub lines: Vec<Line>,
}

/// Adds a document (PDF, HTML, Markdown, CSV or text) sent as the raw body with its
/// `Content-Type`; it is searchable as soon as this answers.
#[utoipa::path(post, path = "/documents", operation_id = "add_document", params(AddParams),
    request_body(description = "The file as it is", content(
        (Vec<u8> = "application/pdf"), (String = "text/html"), (String = "text/markdown"), (String = "text/plain"), (String = "text/csv"), (String = "text/tab-separated-values"))),
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Added", body = DocumentResponse),
        (status = 400, description = "Malformed parameters", body = ErrorBody),
        (status = 401, description = "Missing or wrong admin token", body = ErrorBody),
        (status = 403, description = "Writes are not enabled on this server", body = ErrorBody),
        (status = 409, description = "The same content is already in the corpus", body = ErrorBody),
        (status = 413, description = "Larger than the limit", body = ErrorBody),
        (status = 415, description = "Unsupported type of document", body = ErrorBody),
        (status = 422, description = "Unreadable, encrypted, scanned, empty, or the converter timed out", body = ErrorBody)))]
pub async fn add(
    State(state): State<AppState>,
    params: Result<Query<AddParams>, QueryRejection>,
    request: Request,
) -> Result<(StatusCode, Json<DocumentResponse>), ApiError> {
    require_admin(&state, request.headers())?;
    let Query(params) = params?;
    let limit = state.intake_options().max_bytes;
    let too_large = || ApiError::from(documents::DocumentError::TooLarge { limit });
    let declared_length = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared_length.is_some_and(|n| n > limit as u64) {
        return Err(too_large());
    }
    let content_type = content_type(request.headers());
    let bytes = axum::body::to_bytes(request.into_body(), limit)
        .await
        .map_err(|_| too_large())?;
    let incoming = Incoming {
        bytes: bytes.to_vec(),
        content_type,
        filename: params.filename,
        overrides: Overrides {
            title: params.title,
            publisher: params.publisher,
            date: params.date,
            kind: params.kind,
        },
    };
    let document = state.add_document(incoming).await?;
    Ok((StatusCode::CREATED, Json(DocumentResponse { document })))
}

fn content_type(headers: &HeaderMap) -> Option<String> {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}

/// Every document of the corpus, seeds and library, with metadata and counts.
#[utoipa::path(get, path = "/documents", operation_id = "list_documents",
    responses((status = 200, description = "The documents", body = [DocumentSummary])))]
pub async fn list(State(state): State<AppState>) -> Json<Vec<DocumentSummary>> {
    Json(documents::summaries(&state.engine()))
}

/// One document with metadata and counts.
#[utoipa::path(get, path = "/documents/{id}", operation_id = "get_document", params(("id" = String, Path, description = "Document id")),
    responses((status = 200, description = "The document", body = DocumentResponse),
              (status = 404, description = "No such document", body = ErrorBody)))]
pub async fn get(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
) -> Result<Json<DocumentResponse>, ApiError> {
    let Path(id) = id?;
    documents::summary(&state.engine(), &id)
        .map(|document| Json(DocumentResponse { document }))
        .ok_or_else(|| ApiError::not_found(format!("no document {id:?}")))
}

/// The text lines a citation names, with their pages for PDFs, so anyone can check it.
#[utoipa::path(get, path = "/documents/{id}/lines", operation_id = "document_lines",
    params(("id" = String, Path, description = "Document id"), LinesParams),
    responses((status = 200, description = "The lines", body = LinesResponse),
              (status = 400, description = "A bad range", body = ErrorBody),
              (status = 404, description = "No such document", body = ErrorBody)))]
pub async fn lines(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
    params: Result<Query<LinesParams>, QueryRejection>,
) -> Result<Json<LinesResponse>, ApiError> {
    let Path(id) = id?;
    let Query(params) = params?;
    let engine = state.engine();
    let doc = engine
        .corpus
        .doc(&id)
        .ok_or_else(|| ApiError::not_found(format!("no document {id:?}")))?;
    let total = u32::try_from(doc.lines.len()).unwrap_or(u32::MAX);
    let (from, to) = line_range(params.from, params.to, total)?;
    let lines = (from..=to)
        .map(|line| Line {
            line,
            page: engine.page_of(&id, line),
            text: doc.line(line).to_string(),
        })
        .collect();
    Ok(Json(LinesResponse {
        id,
        total_lines: total,
        lines,
    }))
}

/// Checks a requested range against the document's `total` lines.
fn line_range(from: Option<u32>, to: Option<u32>, total: u32) -> Result<(u32, u32), ApiError> {
    let bad = |message: String| ApiError::bad_request("bad_range", message);
    let from = from.unwrap_or(1);
    if from == 0 || from > total {
        return Err(bad(format!("from must be between 1 and {total}")));
    }
    let to = to.unwrap_or_else(|| from.saturating_add(MAX_LINES - 1).min(total));
    if to < from {
        return Err(bad(format!("to ({to}) is before from ({from})")));
    }
    if to - from >= MAX_LINES {
        return Err(bad(format!("at most {MAX_LINES} lines at a time")));
    }
    Ok((from, to.min(total)))
}

/// The file as it was added (a seed: its text).
#[utoipa::path(get, path = "/documents/{id}/original", operation_id = "document_original", params(("id" = String, Path, description = "Document id")),
    responses((status = 200, description = "The original file, with its content type", content_type = "application/octet-stream"),
              (status = 404, description = "No such document", body = ErrorBody)))]
pub async fn original(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
) -> Result<Response, ApiError> {
    let Path(id) = id?;
    let engine = state.engine();
    let not_found = || ApiError::not_found(format!("no document {id:?}"));
    let (path, content_type) = match engine.corpus.library.get(&id) {
        Some(doc) => (
            state.config().library().original_path(&id),
            doc.entry.content_type.clone(),
        ),
        None if engine.corpus.doc(&id).is_some() => (
            state.config().seeds_dir.join(&id),
            "text/plain; charset=utf-8".to_string(),
        ),
        None => return Err(not_found()),
    };
    let bytes = tokio::fs::read(&path).await.map_err(|_| not_found())?;
    Ok((
        [
            (header::CONTENT_TYPE, content_type),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_string()),
        ],
        Body::from(bytes),
    )
        .into_response())
}

/// Removes an added document (seed documents cannot be removed).
#[utoipa::path(delete, path = "/documents/{id}", operation_id = "remove_document", params(("id" = String, Path, description = "Document id")),
    security(("bearer" = [])),
    responses((status = 200, description = "Removed", body = RemovedResponse),
              (status = 401, description = "Missing or wrong admin token", body = ErrorBody),
              (status = 403, description = "Writes are not enabled on this server", body = ErrorBody),
              (status = 404, description = "No such document", body = ErrorBody),
              (status = 409, description = "A seed document", body = ErrorBody)))]
pub async fn remove(
    State(state): State<AppState>,
    headers: HeaderMap,
    id: Result<Path<String>, PathRejection>,
) -> Result<Json<RemovedResponse>, ApiError> {
    require_admin(&state, &headers)?;
    let Path(id) = id?;
    let removed = state.remove_document(id).await?;
    Ok(Json(RemovedResponse { removed }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_are_checked() {
        assert_eq!(line_range(None, None, 10).expect("ok"), (1, 10));
        assert_eq!(line_range(Some(3), Some(99), 10).expect("ok"), (3, 10));
        assert_eq!(line_range(None, None, 2_000).expect("ok"), (1, 500));
        assert!(line_range(Some(0), None, 10).is_err());
        assert!(line_range(Some(11), None, 10).is_err());
        assert!(line_range(Some(5), Some(4), 10).is_err());
        assert!(line_range(Some(1), Some(501), 2_000).is_err());
    }
}
