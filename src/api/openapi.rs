//! The OpenAPI document, generated from the handlers' annotations.

use axum::Json;
use utoipa::openapi::RefOr;
use utoipa::openapi::path::{HttpMethod, Operation, OperationBuilder, ParameterIn, PathItem};
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
    modifiers(&WriteAccess, &McpEndpoint, &ResponseDescriptions, &QueryParameters, &UniqueOperationIds)
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

/// The operations of a path item, whatever their method.
fn operations_mut(item: &mut PathItem) -> impl Iterator<Item = &mut Operation> {
    [
        &mut item.get,
        &mut item.put,
        &mut item.post,
        &mut item.delete,
        &mut item.options,
        &mut item.head,
        &mut item.patch,
        &mut item.trace,
    ]
    .into_iter()
    .flatten()
}

/// Every response object needs a `description` (OpenAPI 3.1); responses annotated without
/// one get the status code's reason phrase.
struct ResponseDescriptions;

impl Modify for ResponseDescriptions {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        for item in openapi.paths.paths.values_mut() {
            for operation in operations_mut(item) {
                for (status, response) in operation.responses.responses.iter_mut() {
                    if let RefOr::T(response) = response
                        && response.description.is_empty()
                    {
                        response.description = status
                            .parse::<u16>()
                            .ok()
                            .and_then(|code| axum::http::StatusCode::from_u16(code).ok())
                            .and_then(|code| code.canonical_reason())
                            .unwrap_or("Response")
                            .to_string();
                    }
                }
            }
        }
    }
}

/// Parameter structs derive `IntoParams` for the query string; a parameter the path template
/// does not name is a query parameter.
struct QueryParameters;

impl Modify for QueryParameters {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        for (path, item) in openapi.paths.paths.iter_mut() {
            for operation in operations_mut(item) {
                for parameter in operation.parameters.iter_mut().flatten() {
                    let RefOr::T(parameter) = parameter else {
                        continue;
                    };
                    let in_template = path.contains(&format!("{{{}}}", parameter.name));
                    if parameter.parameter_in == ParameterIn::Path && !in_template {
                        parameter.parameter_in = ParameterIn::Query;
                    }
                }
            }
        }
    }
}

/// Operation ids must be unique; a repeated one (handlers of the same name in two modules)
/// is replaced by one made of the method and the path.
struct UniqueOperationIds;

impl Modify for UniqueOperationIds {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let mut seen = std::collections::HashMap::<String, usize>::new();
        for item in openapi.paths.paths.values() {
            for operation in operations_of(item) {
                if let Some(id) = &operation.operation_id {
                    *seen.entry(id.clone()).or_default() += 1;
                }
            }
        }
        for (path, item) in openapi.paths.paths.iter_mut() {
            let methods = [
                ("get", &mut item.get),
                ("put", &mut item.put),
                ("post", &mut item.post),
                ("delete", &mut item.delete),
                ("options", &mut item.options),
                ("head", &mut item.head),
                ("patch", &mut item.patch),
                ("trace", &mut item.trace),
            ];
            for (method, operation) in methods {
                let Some(operation) = operation else { continue };
                let repeated = operation
                    .operation_id
                    .as_ref()
                    .is_some_and(|id| seen.get(id).copied().unwrap_or(0) > 1);
                if repeated {
                    let slug: String = path
                        .chars()
                        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
                        .collect();
                    operation.operation_id =
                        Some(format!("{method}{}", slug.trim_end_matches('_')));
                }
            }
        }
    }
}

fn operations_of(item: &PathItem) -> impl Iterator<Item = &utoipa::openapi::path::Operation> {
    [
        &item.get,
        &item.put,
        &item.post,
        &item.delete,
        &item.options,
        &item.head,
        &item.patch,
        &item.trace,
    ]
    .into_iter()
    .flatten()
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
