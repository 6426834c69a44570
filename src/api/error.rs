//! The one place where errors become HTTP responses: `{"error":{"code","message"}}`.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// An error answered to a client.
#[derive(Debug, Clone)]
pub struct ApiError {
    /// HTTP status.
    pub status: StatusCode,
    /// Stable machine-readable code.
    pub code: &'static str,
    /// Human-readable message.
    pub message: String,
}

/// The JSON error body.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    /// The error.
    pub error: ErrorDetail,
}

/// Code and message of an error.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorDetail {
    /// Stable machine-readable code, e.g. `empty_query`.
    pub code: String,
    /// Human-readable message.
    pub message: String,
}

impl ApiError {
    /// A 400 with a code.
    pub fn bad_request(code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            code,
            message: message.into(),
        }
    }

    /// An error with any status.
    pub fn with_status(
        status: StatusCode,
        code: &'static str,
        message: impl Into<String>,
    ) -> ApiError {
        ApiError {
            status,
            code,
            message: message.into(),
        }
    }

    /// A 404 for an unknown resource.
    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::NOT_FOUND,
            code: "not_found",
            message: message.into(),
        }
    }

    /// A 503 while the server cannot answer.
    pub fn unavailable(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::SERVICE_UNAVAILABLE,
            code: "unavailable",
            message: message.into(),
        }
    }

    /// A 500 for a failure that is not the client's.
    pub fn internal(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            code: "internal",
            message: message.into(),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if self.status.is_server_error() {
            tracing::error!(code = self.code, message = %self.message, "request failed");
        }
        let body = ErrorBody {
            error: ErrorDetail {
                code: self.code.to_string(),
                message: self.message,
            },
        };
        (self.status, Json(body)).into_response()
    }
}

impl From<crate::search::SearchError> for ApiError {
    fn from(error: crate::search::SearchError) -> ApiError {
        use crate::search::SearchError;
        let message = error.to_string();
        match error {
            SearchError::EmptyQuery => ApiError::bad_request("empty_query", message),
            SearchError::NothingSearchable => ApiError::bad_request("nothing_searchable", message),
            SearchError::QueryTooLong => ApiError {
                status: StatusCode::PAYLOAD_TOO_LARGE,
                code: "query_too_long",
                message,
            },
            SearchError::BadPaging(_) => ApiError::bad_request("bad_paging", message),
            SearchError::Index(_) => ApiError::internal(message),
        }
    }
}

impl From<crate::qlog::QuestionLogError> for ApiError {
    fn from(error: crate::qlog::QuestionLogError) -> ApiError {
        use crate::qlog::QuestionLogError;
        let message = error.to_string();
        match error {
            QuestionLogError::BadSince(_) => ApiError::bad_request("bad_since", message),
            QuestionLogError::Spawn(_) => ApiError::internal(message),
        }
    }
}

impl From<crate::documents::DocumentError> for ApiError {
    fn from(error: crate::documents::DocumentError) -> ApiError {
        use crate::documents::DocumentError;
        use crate::ingest::IngestError;
        let message = error.to_string();
        match &error {
            DocumentError::TooLarge { .. } => {
                ApiError::with_status(StatusCode::PAYLOAD_TOO_LARGE, "document_too_large", message)
            }
            DocumentError::Ingest(ingest) => {
                let status = match ingest {
                    IngestError::Unsupported(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    _ => StatusCode::UNPROCESSABLE_ENTITY,
                };
                ApiError::with_status(status, ingest.code(), message)
            }
            DocumentError::Duplicate { .. } => {
                ApiError::with_status(StatusCode::CONFLICT, "duplicate_document", message)
            }
            DocumentError::Seed(_) => {
                ApiError::with_status(StatusCode::CONFLICT, "seed_document", message)
            }
            DocumentError::BadMetadata(_) => ApiError::bad_request("bad_parameters", message),
            DocumentError::NotFound(_) => ApiError::not_found(message),
            DocumentError::Library(_)
            | DocumentError::Engine(_)
            | DocumentError::Interrupted(_) => ApiError::internal(message),
        }
    }
}

impl From<axum::extract::rejection::QueryRejection> for ApiError {
    fn from(rejection: axum::extract::rejection::QueryRejection) -> ApiError {
        ApiError::bad_request("bad_parameters", rejection.body_text())
    }
}

impl From<axum::extract::rejection::JsonRejection> for ApiError {
    fn from(rejection: axum::extract::rejection::JsonRejection) -> ApiError {
        ApiError {
            status: rejection.status(),
            code: "bad_body",
            message: rejection.body_text(),
        }
    }
}

impl From<axum::extract::rejection::PathRejection> for ApiError {
    fn from(rejection: axum::extract::rejection::PathRejection) -> ApiError {
        ApiError::bad_request("bad_path", rejection.body_text())
    }
}
