//! The OpenAPI document, generated from the handlers' annotations.

use axum::Json;
use utoipa::OpenApi;

/// Every endpoint of the API.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "seisaku",
        description = "Knowledge graph and Japanese full-text search over 総務省 policy documents, with citations to the lines they come from."
    ),
    paths(
        super::healthz,
        super::documents,
        super::lines::lines,
        super::rebuild,
        super::search::search_handler,
        super::search::search_post_handler,
        super::stats::questions,
        super::graph::list_nodes,
        super::graph::get_node,
        super::graph::neighbors,
        super::graph::paths,
        super::budgets::list,
        super::budgets::check,
        super::export::export,
        super::ask::ask_post,
        super::ask::ask_get,
        super::browse::root,
        super::browse::node,
        document,
    )
)]
pub struct ApiDoc;

/// This OpenAPI document.
#[utoipa::path(get, path = "/openapi.json", responses((status = 200, description = "OpenAPI 3.1 document", content_type = "application/json")))]
pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
