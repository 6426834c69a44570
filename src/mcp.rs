//! The Model Context Protocol server: the HTTP API's read-only capabilities as MCP tools,
//! served over stdio (`seisaku mcp`) and Streamable HTTP (`/mcp` of the HTTP server).
//!
//! Every tool calls the same functions as the HTTP handlers and answers with the same JSON,
//! as text content and as structured content; `search` and `ask` are recorded in the question
//! log like `/search` and `/ask`. Failures are tool errors (`isError: true`)
//! carrying the HTTP API's error body, `{"error":{"code","message"}}`.

use crate::api::error::{ApiError, ErrorBody, ErrorDetail};
use crate::api::state::AppState;
use crate::api::{ask, budgets, graph, search};
use crate::ask::MAX_CITATIONS;
use crate::engine::Engine;
use crate::graph::query::{MAX_DEPTH, MAX_NODES, MAX_PATH_DEPTH};
use crate::search::{MAX_LIMIT, MAX_OFFSET};
use axum::extract::ConnectInfo;
use axum::http::request::Parts;
use rmcp::handler::server::router::tool::ToolRouter;
use rmcp::handler::server::wrapper::Parameters;
use rmcp::model::{CallToolResult, ContentBlock, Implementation, ServerCapabilities, ServerConfig};
use rmcp::service::RequestContext;
use rmcp::transport::streamable_http_server::session::local::LocalSessionManager;
use rmcp::transport::streamable_http_server::{StreamableHttpServerConfig, StreamableHttpService};
use rmcp::{RoleServer, ServerHandler, ServiceExt, tool, tool_handler, tool_router};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::net::SocketAddr;
use std::sync::Arc;

/// Name the server reports to clients.
pub const SERVER_NAME: &str = "seisaku";

/// Errors while serving MCP.
#[derive(Debug, thiserror::Error)]
pub enum McpError {
    /// The client did not complete the protocol handshake.
    #[error("MCP handshake failed: {0}")]
    Handshake(String),
    /// The server task ended abnormally.
    #[error("MCP server stopped: {0}")]
    Stopped(#[from] tokio::task::JoinError),
}

/// Input of the `search` tool.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SearchInput {
    /// What to search for, in Japanese or English: keywords, "quoted phrases" or a question,
    /// e.g. `量子暗号通信の予算`.
    pub q: String,
    /// Page size, 1..=100 (default 10).
    #[schemars(range(min = 1, max = MAX_LIMIT))]
    pub limit: Option<usize>,
    /// Hits to skip (default 0).
    #[schemars(range(max = MAX_OFFSET))]
    pub offset: Option<usize>,
    /// Only passages of this seed file, e.g. `004_ffbb1bb57b30ee70.txt`.
    pub doc: Option<String>,
    /// Also search graph nodes of these types, comma-separated: document, measure, budget,
    /// strategy, agency, policy, indicator, fund, program, theme.
    #[serde(rename = "type")]
    pub node_type: Option<String>,
}

impl From<SearchInput> for search::SearchParams {
    fn from(input: SearchInput) -> search::SearchParams {
        search::SearchParams {
            q: Some(input.q),
            limit: input.limit,
            offset: input.offset,
            doc: input.doc,
            node_type: input.node_type,
        }
    }
}

/// Input of the `get_node` tool.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GetNodeInput {
    /// Node id, as found in search hits (`nodes[].id`), e.g. `theme:量子暗号通信`.
    pub id: String,
}

/// Input of the `neighbors` tool.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NeighborsInput {
    /// Id of the node to start from.
    pub id: String,
    /// Steps to walk, 1..=3 (default 1).
    #[schemars(range(min = 1, max = MAX_DEPTH))]
    pub depth: Option<usize>,
    /// Only these relationships, comma-separated: implements, funded_by, has_budget,
    /// responsible, part_of, based_on, evaluated_by, collaborates_with, mentions, targets.
    pub rel: Option<String>,
    /// `out` (the node is the subject), `in` (the node is the object) or `both` (default).
    pub dir: Option<String>,
    /// Only reach nodes of these types, comma-separated: document, measure, budget, strategy,
    /// agency, policy, indicator, fund, program, theme.
    #[serde(rename = "type")]
    pub node_type: Option<String>,
    /// Most nodes, 1..=500 (default 100).
    #[schemars(range(min = 1, max = MAX_NODES))]
    pub limit: Option<usize>,
}

impl From<NeighborsInput> for (String, graph::NeighborsParams) {
    fn from(input: NeighborsInput) -> (String, graph::NeighborsParams) {
        let params = graph::NeighborsParams {
            depth: input.depth,
            rel: input.rel,
            dir: input.dir,
            node_type: input.node_type,
            limit: input.limit,
        };
        (input.id, params)
    }
}

/// Input of the `path` tool.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PathInput {
    /// Start node id.
    pub from: String,
    /// End node id.
    pub to: String,
    /// Longest path in edges, 1..=6 (default 4).
    #[schemars(range(min = 1, max = MAX_PATH_DEPTH))]
    pub max_depth: Option<usize>,
    /// Only these relationships, comma-separated (names as for `neighbors`).
    pub rel: Option<String>,
}

impl From<PathInput> for graph::PathsParams {
    fn from(input: PathInput) -> graph::PathsParams {
        graph::PathsParams {
            from: Some(input.from),
            to: Some(input.to),
            max_depth: input.max_depth,
            rel: input.rel,
        }
    }
}

/// Input of the `budgets` tool.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BudgetsInput {
    /// Words of the item or owner name, e.g. `地域おこし協力隊`.
    pub q: Option<String>,
    /// Node id: only figures of nodes `part_of` it (or of the node itself).
    pub under: Option<String>,
    /// Agency node id: only figures of items it is responsible for.
    pub agency: Option<String>,
    /// Theme node id: only figures of items implementing or mentioning it.
    pub theme: Option<String>,
    /// Fiscal year: `R6` or `2024`.
    pub fy: Option<String>,
    /// `initial`, `supplementary`, `request`, `fiscal_investment` or `other`.
    pub kind: Option<String>,
    /// Page size, 1..=100 (default 50). Totals always cover every match.
    #[schemars(range(min = 1, max = MAX_LIMIT))]
    pub limit: Option<usize>,
    /// Items to skip (default 0).
    #[schemars(range(max = MAX_OFFSET))]
    pub offset: Option<usize>,
}

impl From<BudgetsInput> for budgets::BudgetParams {
    fn from(input: BudgetsInput) -> budgets::BudgetParams {
        budgets::BudgetParams {
            q: input.q,
            under: input.under,
            agency: input.agency,
            theme: input.theme,
            fy: input.fy,
            kind: input.kind,
            limit: input.limit,
            offset: input.offset,
        }
    }
}

/// Input of the `ask` tool.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AskInput {
    /// The question, in Japanese, e.g. `地域おこし協力隊の予算はいくら?` or
    /// `量子暗号通信を担当するのはどこ?`.
    pub question: String,
    /// How many citations to return, 1..=20 (default 5).
    #[schemars(range(min = 1, max = MAX_CITATIONS))]
    pub max_citations: Option<usize>,
    /// The `conversation_id` of the previous answer, so that a follow-up such as
    /// `その予算は?` or `前年度は?` continues it; unknown or expired ids start anew.
    pub conversation_id: Option<String>,
}

impl From<AskInput> for crate::ask::AskRequest {
    fn from(input: AskInput) -> crate::ask::AskRequest {
        crate::ask::AskRequest {
            question: input.question,
            max_citations: input.max_citations,
            conversation_id: input.conversation_id,
        }
    }
}

/// The MCP server over the state the HTTP API serves; it follows rebuilds.
#[derive(Clone)]
pub struct SeisakuMcp {
    state: AppState,
    tool_router: ToolRouter<SeisakuMcp>,
}

impl std::fmt::Debug for SeisakuMcp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SeisakuMcp")
            .field("tools", &self.tool_router.list_all().len())
            .finish()
    }
}

#[tool_router]
impl SeisakuMcp {
    /// A server answering from `state`.
    pub fn new(state: AppState) -> SeisakuMcp {
        SeisakuMcp {
            state,
            tool_router: SeisakuMcp::tool_router(),
        }
    }

    /// Full-text search over the passages of the corpus (Japanese analysis, vocabulary
    /// synonyms). Every hit cites its source: `doc`, `line_start`, `line_end` and the passage
    /// `text`, with the graph `nodes` it mentions. Also finds graph nodes when `type` is given.
    #[tool(annotations(
        title = "Search passages",
        read_only_hint = true,
        open_world_hint = false
    ))]
    async fn search(
        &self,
        Parameters(input): Parameters<SearchInput>,
        context: RequestContext<RoleServer>,
    ) -> CallToolResult {
        let client = client_addr(&context);
        let result = search::logged_search(&self.state, client, input.into()).await;
        respond(&self.state.engine(), result)
    }

    /// One knowledge-graph node: type, name, aliases, properties (budget amounts are exact
    /// decimal strings), the lines it was read from (`sources`: doc, line_start, line_end,
    /// quote) and its edges to other nodes, each with its own sources.
    #[tool(annotations(
        title = "Get a graph node",
        read_only_hint = true,
        open_world_hint = false
    ))]
    async fn get_node(&self, Parameters(input): Parameters<GetNodeInput>) -> CallToolResult {
        let engine = self.state.engine();
        respond(&engine, graph::node_detail(&engine.graph, &input.id))
    }

    /// The subgraph around a node: the nodes reached within `depth` steps with their distance,
    /// and the edges followed, each citing where the relationship was read.
    #[tool(annotations(
        title = "Graph neighbourhood",
        read_only_hint = true,
        open_world_hint = false
    ))]
    async fn neighbors(&self, Parameters(input): Parameters<NeighborsInput>) -> CallToolResult {
        let (id, params) = input.into();
        let engine = self.state.engine();
        respond(&engine, graph::neighborhood(&engine, &id, params))
    }

    /// Up to 10 shortest paths between two nodes, edges in order as stated (subject → object),
    /// each with its sources. `length` is null and `paths` empty when they are not connected
    /// within `max_depth`.
    #[tool(annotations(
        title = "Shortest paths",
        read_only_hint = true,
        open_world_hint = false
    ))]
    async fn path(&self, Parameters(input): Parameters<PathInput>) -> CallToolResult {
        let engine = self.state.engine();
        respond(&engine, graph::shortest_paths(&engine, input.into()))
    }

    /// Budget figures (億円) with exact totals: matching items with their sources, the total
    /// over all matches in 億円 and yen, subtotals per fiscal year and kind, and the figures
    /// left out of the totals with the reason.
    #[tool(annotations(
        title = "Budget figures",
        read_only_hint = true,
        open_world_hint = false
    ))]
    async fn budgets(&self, Parameters(input): Parameters<BudgetsInput>) -> CallToolResult {
        let engine = self.state.engine();
        respond(&engine, budgets::budget_listing(&engine, input.into()))
    }

    /// Answers a question in Japanese from the graph's facts and the passages, and cites the
    /// lines it rests on (`citations`: doc, line_start, line_end, quote). `supported` is false
    /// and `answer` null (or saying what the documents hold instead) when the evidence does
    /// not answer; when several items fit equally, `follow_ups` offers them as choices
    /// instead of a guess. Totals, changes (with `computed`) and lists are answered too;
    /// pass the returned `conversation_id` back to ask a follow-up.
    #[tool(annotations(title = "Cited answer", read_only_hint = true, open_world_hint = false))]
    async fn ask(
        &self,
        Parameters(input): Parameters<AskInput>,
        context: RequestContext<RoleServer>,
    ) -> CallToolResult {
        let client = client_addr(&context);
        let result = ask::logged_ask(&self.state, client, input.into()).await;
        respond(&self.state.engine(), result)
    }
}

#[tool_handler(router = self.tool_router)]
impl ServerHandler for SeisakuMcp {
    fn get_info(&self) -> ServerConfig {
        ServerConfig::new(ServerCapabilities::builder().enable_tools().build())
            .with_server_info(
                Implementation::new(SERVER_NAME, env!("CARGO_PKG_VERSION"))
                    .with_title("seisaku: 総務省 policy documents")
                    .with_description(
                        "Knowledge graph and Japanese full-text search over 総務省 policy documents",
                    ),
            )
            .with_instructions(instructions(&self.state))
    }
}

/// The HTTP client's address when the call came over Streamable HTTP with connection info.
fn client_addr(context: &RequestContext<RoleServer>) -> Option<SocketAddr> {
    context
        .extensions
        .get::<Parts>()
        .and_then(|parts| parts.extensions.get::<ConnectInfo<SocketAddr>>())
        .map(|info| info.0)
}

/// What the server tells clients about the corpus and its tools.
fn instructions(state: &AppState) -> String {
    let engine = state.engine();
    let mut text = String::from(
        "Read-only search and knowledge graph over Japanese 総務省 (Ministry of Internal Affairs \
         and Communications) policy documents: budget overviews and requests, policy \
         evaluations, strategy excerpts and plan status reports.\n\
         Every answer carries citations to the lines it comes from: search hits have `doc`, \
         `line_start`, `line_end` and the passage `text`; graph nodes, edges and budget items \
         have `sources` with `doc`, `line_start`, `line_end` and `quote`. Quote and cite these \
         rather than paraphrasing from memory.\n\
         For a question, `ask` gives a cited answer (or says the documents do not answer it); \
         `search` finds passages (Japanese keywords work best); the node ids in hits lead to \
         `get_node`, `neighbors` and `path`; `budgets` gives amounts with exact totals.\n\
         Documents:\n",
    );
    for doc in &engine.corpus.docs {
        text.push_str(&format!(
            "- {}: {} ({}, {})\n",
            doc.info.file, doc.info.title, doc.info.publisher, doc.info.date
        ));
    }
    text
}

/// A tool result: the JSON the HTTP API answers, byte for byte, as text content and the same
/// JSON as structured content; a tool error when the call failed.
fn respond<T: Serialize>(engine: &Engine, result: Result<T, ApiError>) -> CallToolResult {
    match result.and_then(|value| cited_json_result(engine, &value)) {
        Ok(result) => result,
        Err(error) => tool_error(error),
    }
}

/// A tool error carrying the HTTP API's error body.
fn tool_error(error: ApiError) -> CallToolResult {
    if error.status.is_server_error() {
        tracing::error!(code = error.code, message = %error.message, "tool call failed");
    }
    let body = ErrorBody {
        error: ErrorDetail {
            code: error.code.to_string(),
            message: error.message,
        },
    };
    json_result(&body, true)
        .unwrap_or_else(|_| CallToolResult::error(vec![ContentBlock::text(body.error.message)]))
}

/// `value` as [`json_result`] gives it, with the `page` of every citation of a PDF added as
/// the HTTP API adds it.
fn cited_json_result<T: Serialize>(engine: &Engine, value: &T) -> Result<CallToolResult, ApiError> {
    if !crate::api::pages::corpus_has_pages(engine) {
        return json_result(value, false);
    }
    let text = serde_json::to_string(value).map_err(|e| ApiError::internal(e.to_string()))?;
    let mut cited: Value =
        serde_json::from_str(&text).map_err(|e| ApiError::internal(e.to_string()))?;
    crate::api::pages::add_pages(engine, &mut cited);
    json_result(&cited, false)
}

/// `value` serialised as the HTTP API does (so `f32` scores read the same), as text and as
/// structured content.
fn json_result<T: Serialize>(value: &T, is_error: bool) -> Result<CallToolResult, ApiError> {
    let text = serde_json::to_string(value).map_err(|e| ApiError::internal(e.to_string()))?;
    let structured: Value =
        serde_json::from_str(&text).map_err(|e| ApiError::internal(e.to_string()))?;
    let mut result = if is_error {
        CallToolResult::structured_error(structured)
    } else {
        CallToolResult::structured(structured)
    };
    result.content = vec![ContentBlock::text(text)];
    Ok(result)
}

/// The Streamable HTTP service for mounting at `/mcp`, with one session per client.
/// `allowed_hosts` are the `Host` values accepted (DNS-rebinding protection); empty keeps
/// the loopback-only default.
pub fn http_service(
    state: AppState,
    allowed_hosts: &[String],
) -> StreamableHttpService<SeisakuMcp, LocalSessionManager> {
    let mut config = StreamableHttpServerConfig::default();
    if !allowed_hosts.is_empty() {
        config = config.with_allowed_hosts(allowed_hosts.iter().cloned());
    }
    StreamableHttpService::new(
        move || Ok(SeisakuMcp::new(state.clone())),
        Arc::new(LocalSessionManager::default()),
        config,
    )
}

/// Serves MCP over stdin/stdout until the client closes the connection. Nothing else may
/// write to stdout meanwhile.
pub async fn serve_stdio(state: AppState) -> Result<(), McpError> {
    let running = SeisakuMcp::new(state)
        .serve(rmcp::transport::stdio())
        .await
        .map_err(|e| McpError::Handshake(e.to_string()))?;
    let reason = running.waiting().await?;
    tracing::info!(?reason, "MCP client disconnected");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::model::{NodeType, Rel};

    fn description(schema: &schemars::Schema, field: &str) -> String {
        schema
            .as_value()
            .pointer(&format!("/properties/{field}/description"))
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    }

    #[test]
    fn schemas_name_every_relationship_and_node_type() {
        let neighbors = schemars::schema_for!(NeighborsInput);
        let rels = description(&neighbors, "rel");
        for rel in Rel::ALL {
            assert!(
                rels.contains(rel.as_str()),
                "{} not in {rels}",
                rel.as_str()
            );
        }
        for (schema, field) in [
            (&neighbors, "type"),
            (&schemars::schema_for!(SearchInput), "type"),
        ] {
            let types = description(schema, field);
            for node_type in NodeType::ALL {
                assert!(
                    types.contains(node_type.as_str()),
                    "{node_type} not in {types}"
                );
            }
        }
    }

    #[test]
    fn required_inputs_are_required() {
        for (schema, required) in [
            (schemars::schema_for!(SearchInput), vec!["q"]),
            (schemars::schema_for!(GetNodeInput), vec!["id"]),
            (schemars::schema_for!(NeighborsInput), vec!["id"]),
            (schemars::schema_for!(PathInput), vec!["from", "to"]),
            (schemars::schema_for!(BudgetsInput), vec![]),
            (schemars::schema_for!(AskInput), vec!["question"]),
        ] {
            let listed: Vec<&str> = schema
                .as_value()
                .get("required")
                .and_then(Value::as_array)
                .map(|a| a.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            assert_eq!(listed, required);
        }
    }

    #[test]
    fn errors_carry_the_http_error_body() {
        let result = tool_error(ApiError::not_found("no node with id \"x\""));
        assert_eq!(result.is_error, Some(true));
        assert_eq!(
            result.structured_content,
            Some(
                serde_json::json!({"error": {"code": "not_found", "message": "no node with id \"x\""}})
            )
        );
    }
}
