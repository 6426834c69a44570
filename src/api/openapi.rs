//! The OpenAPI document, generated from the handlers' annotations.

use axum::Json;
use utoipa::openapi::path::{HttpMethod, OperationBuilder, PathItem};
use utoipa::openapi::response::ResponseBuilder;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

/// Every endpoint of the API.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "seisaku",
        description = "Knowledge graph and Japanese full-text search over 総務省 policy documents, with citations to the lines they come from."
    ),
    paths(
        super::healthz,
        super::documents::add,
        super::documents::list,
        super::documents::get,
        super::documents::lines,
        super::documents::original,
        super::documents::remove,
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
    ),
    modifiers(&WriteAccess, &McpEndpoint)
)]
pub struct ApiDoc;

/// The bearer token that write endpoints require.
struct WriteAccess;

impl Modify for WriteAccess {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "The token the server was started with (--admin-token or SEISAKU_ADMIN_TOKEN)",
                    ))
                    .build(),
            ),
        );
    }
}

/// `/mcp`, served by the MCP transport rather than a handler of its own.
struct McpEndpoint;

impl Modify for McpEndpoint {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let operation = OperationBuilder::new()
            .summary(Some("Model Context Protocol (Streamable HTTP)"))
            .description(Some(
                "JSON-RPC messages of the Model Context Protocol: the read-only tools search, \
                 get_node, neighbors, path, budgets and ask.",
            ))
            .tag("mcp")
            .response(
                "200",
                ResponseBuilder::new().description("A JSON-RPC response or an event stream"),
            )
            .response(
                "403",
                ResponseBuilder::new().description("The Host header is not an allowed host"),
            )
            .build();
        openapi
            .paths
            .paths
            .insert("/mcp".into(), PathItem::new(HttpMethod::Post, operation));
    }
}

/// This OpenAPI document.
#[utoipa::path(get, path = "/openapi.json", responses((status = 200, description = "OpenAPI 3.1 document", content_type = "application/json")))]
pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
