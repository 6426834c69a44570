//! The web interface for people: pages at bookmarkable URLs under `/ui/` (search, document
//! viewer, node pages with a neighbourhood graph, budgets, ask, scenario menu, documents).
//! The pages are one HTML shell with ES modules and a stylesheet embedded in the binary; the
//! scripts call the same JSON API as every other client, so the server has no second code
//! path for them. Every response carries a Content-Security-Policy that allows scripts and
//! styles from this origin only (no inline scripts), and `X-Content-Type-Options: nosniff`.

use axum::Router;
use axum::extract::Path;
use axum::http::header::{self, HeaderMap, HeaderName, HeaderValue};
use axum::http::{StatusCode, Uri};
use axum::middleware;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use sha2::{Digest, Sha256};
use std::sync::OnceLock;

/// The Content-Security-Policy of every UI response: scripts, styles, images and API calls
/// from this origin only; no inline scripts or styles, no plugins, no framing.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; \
style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; \
frame-ancestors 'none'";

/// One embedded file.
struct Asset {
    name: &'static str,
    content_type: &'static str,
    body: &'static [u8],
}

macro_rules! asset {
    ($name:literal, $type:literal) => {
        Asset {
            name: $name,
            content_type: $type,
            body: include_bytes!(concat!("assets/", $name)),
        }
    };
}

/// The files under `/ui/assets/`.
const ASSETS: &[Asset] = &[
    asset!("app.js", "text/javascript; charset=utf-8"),
    asset!("api.js", "text/javascript; charset=utf-8"),
    asset!("ask.js", "text/javascript; charset=utf-8"),
    asset!("boot.js", "text/javascript; charset=utf-8"),
    asset!("browse.js", "text/javascript; charset=utf-8"),
    asset!("budgets.js", "text/javascript; charset=utf-8"),
    asset!("doc.js", "text/javascript; charset=utf-8"),
    asset!("documents.js", "text/javascript; charset=utf-8"),
    asset!("dom.js", "text/javascript; charset=utf-8"),
    asset!("graph.js", "text/javascript; charset=utf-8"),
    asset!("labels.js", "text/javascript; charset=utf-8"),
    asset!("node.js", "text/javascript; charset=utf-8"),
    asset!("parts.js", "text/javascript; charset=utf-8"),
    asset!("search.js", "text/javascript; charset=utf-8"),
    asset!("style.css", "text/css; charset=utf-8"),
    asset!("icon.svg", "image/svg+xml"),
];

/// The HTML shell every page is served with; the script picks the page from the URL.
const SHELL: &str = include_str!("assets/index.html");

/// The routes of the web interface: `/` and `/ui` redirect to `/ui/`; the pages; the assets.
pub fn router<S: Clone + Send + Sync + 'static>() -> Router<S> {
    Router::new()
        .route("/", get(|| async { Redirect::temporary("/ui/") }))
        .route("/ui", get(|| async { Redirect::temporary("/ui/") }))
        .route("/ui/", get(page))
        .route("/ui/doc/{id}", get(page))
        .route("/ui/node/{id}", get(page))
        .route("/ui/budgets", get(page))
        .route("/ui/ask", get(page))
        .route("/ui/browse", get(page))
        .route("/ui/documents", get(page))
        .route("/ui/assets/{name}", get(asset))
        .route("/ui/{*rest}", get(unknown_page))
        .layer(middleware::map_response(security_headers))
}

async fn page() -> Response {
    shell(StatusCode::OK)
}

async fn unknown_page(uri: Uri) -> Response {
    tracing::debug!(path = uri.path(), "unknown UI page");
    shell(StatusCode::NOT_FOUND)
}

fn shell(status: StatusCode) -> Response {
    (
        status,
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        SHELL,
    )
        .into_response()
}

/// The strong validator of an asset: a hash of its bytes, computed once.
fn etags() -> &'static [String] {
    static ETAGS: OnceLock<Vec<String>> = OnceLock::new();
    ETAGS.get_or_init(|| {
        ASSETS
            .iter()
            .map(|asset| format!("\"{}\"", &hex::encode(Sha256::digest(asset.body))[..16]))
            .collect()
    })
}

async fn asset(Path(name): Path<String>, headers: HeaderMap) -> Response {
    let Some(index) = ASSETS.iter().position(|asset| asset.name == name) else {
        return (
            StatusCode::NOT_FOUND,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            "no such asset",
        )
            .into_response();
    };
    let asset = &ASSETS[index];
    let etag = etags()[index].as_str();
    let cached = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.split(',').any(|tag| tag.trim() == etag));
    if cached {
        return (StatusCode::NOT_MODIFIED, [(header::ETAG, etag.to_string())]).into_response();
    }
    (
        [
            (header::CONTENT_TYPE, asset.content_type.to_string()),
            (header::CACHE_CONTROL, "no-cache".to_string()),
            (header::ETAG, etag.to_string()),
        ],
        asset.body,
    )
        .into_response()
}

/// Adds the security headers to every UI response.
async fn security_headers(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CONTENT_SECURITY_POLICY),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    headers.insert(
        HeaderName::from_static("cross-origin-opener-policy"),
        HeaderValue::from_static("same-origin"),
    );
    response
}
