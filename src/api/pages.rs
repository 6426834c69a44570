//! Pages on citations: every JSON object a response cites a PDF's lines with (`doc` and
//! `line_start`: search hits, node and edge sources, budget sources, `/ask` citations) gets
//! the `page` of its first line. One layer for every answering route, so no handler and no
//! extractor has to know about pages.

use super::state::AppState;
use crate::engine::Engine;
use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::Value;

/// Largest response body annotated; larger ones pass unchanged.
const MAX_ANNOTATED_BYTES: usize = 16 * 1024 * 1024;

/// Adds `page` to the citations of a JSON response when the served corpus holds PDFs.
pub async fn annotate_pages(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let engine = state.engine();
    let response = next.run(request).await;
    let has_pages = corpus_has_pages(&engine);
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    // Only whole bodies of known size are read; streams pass as they are.
    let known_size = axum::body::HttpBody::size_hint(response.body())
        .exact()
        .is_some_and(|n| n <= MAX_ANNOTATED_BYTES as u64);
    if !has_pages || !is_json || !known_size {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_ANNOTATED_BYTES).await else {
        return (
            axum::http::StatusCode::INTERNAL_SERVER_ERROR,
            "the response could not be read",
        )
            .into_response();
    };
    let Ok(mut value) = serde_json::from_slice::<Value>(&bytes) else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    add_pages(&engine, &mut value);
    let annotated = serde_json::to_vec(&value).unwrap_or_else(|_| bytes.to_vec());
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(annotated))
}

/// Whether any document served has pages (a PDF): only then are answers annotated.
pub fn corpus_has_pages(engine: &Engine) -> bool {
    engine
        .corpus
        .library
        .values()
        .any(|doc| doc.line_pages.is_some())
}

/// Adds `page` to every object citing lines of a PDF, at any depth.
pub fn add_pages(engine: &Engine, value: &mut Value) {
    match value {
        Value::Object(object) => {
            let cited = object
                .get("doc")
                .and_then(Value::as_str)
                .zip(object.get("line_start").and_then(Value::as_u64));
            if let Some((doc, line)) = cited
                && !object.contains_key("page")
                && let Some(page) = u32::try_from(line)
                    .ok()
                    .and_then(|l| engine.page_of(doc, l))
            {
                object.insert("page".into(), Value::from(page));
            }
            for child in object.values_mut() {
                add_pages(engine, child);
            }
        }
        Value::Array(items) => {
            for item in items {
                add_pages(engine, item);
            }
        }
        _ => {}
    }
}
