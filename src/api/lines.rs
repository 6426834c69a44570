//! `GET /documents/{id}/lines?from=&to=`: the text lines a citation names, so that anyone can
//! check a citation against the document as written. `page` is the PDF page of a line, null
//! for documents without pages (every seed document is text).

use super::error::ApiError;
use super::state::AppState;
use axum::Json;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use serde::{Deserialize, Serialize};

/// Most lines one request returns.
pub const MAX_LINES: u32 = 500;

/// Parameters of `GET /documents/{id}/lines`.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct LinesParams {
    /// First line, 1-based (default 1).
    pub from: Option<u32>,
    /// Last line, inclusive (default `from` + 499); at most 500 lines per request.
    pub to: Option<u32>,
}

/// One line of a document.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct DocumentLine {
    /// Line number, 1-based, as citations count them.
    pub line: u32,
    /// PDF page of the line; null for documents without pages.
    pub page: Option<u32>,
    /// The line as written.
    pub text: String,
}

/// `GET /documents/{id}/lines` response.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct LinesResponse {
    /// Document id (its file name).
    pub id: String,
    /// The lines asked for that exist, in order (empty past the end of the document).
    pub lines: Vec<DocumentLine>,
}

/// The lines `from`..=`to` of a document.
#[utoipa::path(get, path = "/documents/{id}/lines",
    params(("id" = String, Path, description = "Document id (file name)"), LinesParams),
    responses((status = 200, body = LinesResponse), (status = 400, body = super::error::ErrorBody), (status = 404, body = super::error::ErrorBody)))]
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
        .docs
        .iter()
        .find(|doc| doc.file() == id)
        .ok_or_else(|| ApiError::not_found(format!("no document with id {id:?}")))?;
    let from = params.from.unwrap_or(1);
    let to = params.to.unwrap_or(from.saturating_add(MAX_LINES - 1));
    if from == 0 || to < from {
        return Err(ApiError::bad_request(
            "out_of_range",
            "from must be at least 1 and to at least from",
        ));
    }
    if to - from >= MAX_LINES {
        return Err(ApiError::bad_request(
            "out_of_range",
            format!("at most {MAX_LINES} lines per request"),
        ));
    }
    // A file that ends with a line terminator has no line after it.
    let written = match doc.lines.last() {
        Some(last) if last.is_empty() => &doc.lines[..doc.lines.len() - 1],
        _ => &doc.lines[..],
    };
    let lines = (from..=to)
        .map_while(|number| {
            let index = usize::try_from(number - 1).ok()?;
            written.get(index).map(|text| DocumentLine {
                line: number,
                page: None,
                text: text.clone(),
            })
        })
        .collect();
    Ok(Json(LinesResponse { id, lines }))
}
