//! `GET /nodes`, `GET /nodes/{id}`, `GET /nodes/{id}/neighbors`, `GET /paths`.

use super::error::ApiError;
use super::state::AppState;
use crate::engine::Engine;
use crate::graph::EdgeDirection;
use crate::graph::model::{EdgeDraft, NodeDraft, NodeType, Rel, Source};
use crate::graph::query::{
    self, MAX_DEPTH, MAX_NODES, MAX_PATH_DEPTH, MAX_PATHS, WalkDirection, WalkFilter,
};
use crate::search::{MAX_LIMIT, MAX_OFFSET, SearchRequest};
use axum::Json;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A node in brief.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct NodeRef {
    /// Node id.
    pub id: String,
    /// Node type.
    #[serde(rename = "type")]
    pub node_type: String,
    /// Name.
    pub name: String,
}

impl From<&NodeDraft> for NodeRef {
    fn from(node: &NodeDraft) -> NodeRef {
        NodeRef {
            id: node.id.clone(),
            node_type: node.node_type.as_str().to_string(),
            name: node.name.clone(),
        }
    }
}

/// A node with everything known about it except its edges.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct NodeSummary {
    /// Node id.
    pub id: String,
    /// Node type.
    #[serde(rename = "type")]
    pub node_type: String,
    /// Name.
    pub name: String,
    /// Other names.
    pub aliases: Vec<String>,
    /// Properties (budget amounts are exact decimal strings).
    #[schema(value_type = Object)]
    pub props: Map<String, Value>,
    /// Where it was read.
    pub sources: Vec<Source>,
}

impl From<&NodeDraft> for NodeSummary {
    fn from(node: &NodeDraft) -> NodeSummary {
        NodeSummary {
            id: node.id.clone(),
            node_type: node.node_type.as_str().to_string(),
            name: node.name.clone(),
            aliases: node.aliases.clone(),
            props: node.props.clone(),
            sources: node.sources.clone(),
        }
    }
}

/// An edge seen from a node.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct NodeEdge {
    /// Relationship.
    pub rel: String,
    /// `out` when the node is the subject, `in` when it is the object.
    pub dir: String,
    /// The node at the other end.
    pub node: NodeRef,
    /// Where the relationship was read.
    pub sources: Vec<Source>,
}

/// `GET /nodes/{id}`.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct NodeDetail {
    /// The node.
    #[serde(flatten)]
    pub node: NodeSummary,
    /// Its edges.
    pub edges: Vec<NodeEdge>,
}

/// An edge between two nodes.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct EdgeView {
    /// Subject node id.
    pub from: String,
    /// Object node id.
    pub to: String,
    /// Relationship.
    pub rel: String,
    /// Extra facts.
    #[schema(value_type = Object)]
    pub props: Map<String, Value>,
    /// Where it was read.
    pub sources: Vec<Source>,
}

impl From<&EdgeDraft> for EdgeView {
    fn from(edge: &EdgeDraft) -> EdgeView {
        EdgeView {
            from: edge.from.to_string(),
            to: edge.to.to_string(),
            rel: edge.rel.as_str().to_string(),
            props: edge.props.clone(),
            sources: edge.sources.clone(),
        }
    }
}

/// Parameters of `GET /nodes`.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct NodesParams {
    /// Node type (document, measure, budget, strategy, agency, policy, indicator, fund, program, theme).
    #[serde(rename = "type")]
    pub node_type: Option<String>,
    /// Name to look for (Japanese analysis, aliases included).
    pub q: Option<String>,
    /// Page size, 1..=100 (default 20).
    pub limit: Option<usize>,
    /// Nodes to skip.
    pub offset: Option<usize>,
}

/// `GET /nodes` response.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct NodesResponse {
    /// Matching nodes, best first.
    pub nodes: Vec<NodeListed>,
    /// All matches.
    pub total: usize,
}

/// A node in a listing.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct NodeListed {
    /// Node id.
    pub id: String,
    /// Node type.
    #[serde(rename = "type")]
    pub node_type: String,
    /// Name.
    pub name: String,
    /// Other names.
    pub aliases: Vec<String>,
    /// Relevance score when searched by name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<f32>,
}

impl NodeListed {
    fn new(node: &NodeDraft, score: Option<f32>) -> NodeListed {
        NodeListed {
            id: node.id.clone(),
            node_type: node.node_type.as_str().to_string(),
            name: node.name.clone(),
            aliases: node.aliases.clone(),
            score,
        }
    }
}

const DEFAULT_NODE_LIMIT: usize = 20;

/// Parses a node type name into a 400 when unknown.
pub fn parse_node_type(name: &str) -> Result<NodeType, ApiError> {
    NodeType::parse(name).ok_or_else(|| {
        let known: Vec<&str> = NodeType::ALL.iter().map(|t| t.as_str()).collect();
        ApiError::bad_request(
            "unknown_type",
            format!(
                "unknown node type {name:?}; expected one of {}",
                known.join(", ")
            ),
        )
    })
}

/// Parses comma-separated relationship names into a 400 when one is unknown.
pub fn parse_rels(text: Option<&str>) -> Result<Vec<Rel>, ApiError> {
    text.unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(|r| {
            Rel::parse(r).ok_or_else(|| {
                let known: Vec<&str> = Rel::ALL.iter().map(|r| r.as_str()).collect();
                ApiError::bad_request(
                    "unknown_rel",
                    format!(
                        "unknown relationship {r:?}; expected one of {}",
                        known.join(", ")
                    ),
                )
            })
        })
        .collect()
}

/// `value` (or `default`) when within `min..=max`, else a 400 naming the parameter.
pub(crate) fn bounded(
    name: &str,
    value: Option<usize>,
    default: usize,
    min: usize,
    max: usize,
) -> Result<usize, ApiError> {
    let value = value.unwrap_or(default);
    if value < min || value > max {
        return Err(ApiError::bad_request(
            "out_of_range",
            format!("{name} must be between {min} and {max}"),
        ));
    }
    Ok(value)
}

/// Finds nodes by type and name.
#[utoipa::path(get, path = "/nodes", params(NodesParams),
    responses((status = 200, body = NodesResponse), (status = 400, body = super::error::ErrorBody)))]
pub async fn list_nodes(
    State(state): State<AppState>,
    params: Result<Query<NodesParams>, QueryRejection>,
) -> Result<Json<NodesResponse>, ApiError> {
    let Query(params) = params?;
    let limit = bounded("limit", params.limit, DEFAULT_NODE_LIMIT, 1, MAX_LIMIT)?;
    let offset = bounded("offset", params.offset, 0, 0, MAX_OFFSET)?;
    let node_type = params
        .node_type
        .as_deref()
        .map(parse_node_type)
        .transpose()?;
    let engine = state.engine();
    let query = params.q.as_deref().map(str::trim).filter(|q| !q.is_empty());
    let Some(q) = query else {
        let mut nodes: Vec<&NodeDraft> = engine
            .graph
            .nodes()
            .iter()
            .filter(|n| node_type.is_none_or(|t| n.node_type == t))
            .collect();
        nodes.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
        return Ok(Json(NodesResponse {
            total: nodes.len(),
            nodes: nodes
                .into_iter()
                .skip(offset)
                .take(limit)
                .map(|n| NodeListed::new(n, None))
                .collect(),
        }));
    };
    let types: Vec<String> = match node_type {
        Some(t) => vec![t.as_str().to_string()],
        None => NodeType::ALL
            .iter()
            .filter(|t| **t != NodeType::Budget)
            .map(|t| t.as_str().to_string())
            .collect(),
    };
    let request = SearchRequest {
        q: q.to_string(),
        limit,
        offset,
        doc: None,
        node_types: types,
        passages: false,
        expansion_terms: Vec::new(),
    };
    let searched = super::search::search_off_the_runtime({
        let engine = engine.clone();
        move || engine.search(&request)
    })
    .await
    .map_err(ApiError::internal)??;
    let nodes = searched
        .page
        .hits
        .iter()
        .filter_map(|hit| {
            engine
                .graph
                .node(&hit.id)
                .map(|n| NodeListed::new(n, Some(hit.score)))
        })
        .collect();
    Ok(Json(NodesResponse {
        nodes,
        total: searched.page.total,
    }))
}

/// The node with its properties, sources and edges.
#[utoipa::path(get, path = "/nodes/{id}", params(("id" = String, Path, description = "Node id")),
    responses((status = 200, body = NodeDetail), (status = 404, body = super::error::ErrorBody)))]
pub async fn get_node(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
) -> Result<Json<NodeDetail>, ApiError> {
    let Path(id) = id?;
    let engine = state.engine();
    node_detail(&engine.graph, &id).map(Json)
}

/// Builds the node detail view, or a 404.
pub fn node_detail(graph: &crate::graph::KnowledgeGraph, id: &str) -> Result<NodeDetail, ApiError> {
    let node = graph
        .node(id)
        .ok_or_else(|| ApiError::not_found(format!("no node with id {id:?}")))?;
    let edges = graph
        .edges_of(id)
        .into_iter()
        .filter_map(|(direction, edge)| {
            let (dir, other) = match direction {
                EdgeDirection::Out => ("out", &edge.to),
                EdgeDirection::In => ("in", &edge.from),
            };
            graph.node(other).map(|other| NodeEdge {
                rel: edge.rel.as_str().to_string(),
                dir: dir.to_string(),
                node: NodeRef::from(other),
                sources: edge.sources.clone(),
            })
        })
        .collect();
    Ok(NodeDetail {
        node: NodeSummary::from(node),
        edges,
    })
}

/// Parameters of `GET /nodes/{id}/neighbors`.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct NeighborsParams {
    /// Steps to walk, 1..=3 (default 1).
    pub depth: Option<usize>,
    /// Only these relationships, comma-separated.
    pub rel: Option<String>,
    /// `out`, `in` or `both` (default both).
    pub dir: Option<String>,
    /// Only reach nodes of these types, comma-separated.
    #[serde(rename = "type")]
    pub node_type: Option<String>,
    /// Most nodes, 1..=500 (default 100).
    pub limit: Option<usize>,
}

/// A neighbourhood.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct SubgraphResponse {
    /// Nodes reached (the start first), with their distance.
    pub nodes: Vec<SubgraphNode>,
    /// Edges followed.
    pub edges: Vec<EdgeView>,
    /// Whether `limit` cut the walk short.
    pub truncated: bool,
}

/// A node of a neighbourhood.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct SubgraphNode {
    /// Node id.
    pub id: String,
    /// Node type.
    #[serde(rename = "type")]
    pub node_type: String,
    /// Name.
    pub name: String,
    /// Steps from the start node.
    pub distance: usize,
}

const DEFAULT_NEIGHBOR_LIMIT: usize = 100;

/// The subgraph around a node.
#[utoipa::path(get, path = "/nodes/{id}/neighbors", params(("id" = String, Path, description = "Node id"), NeighborsParams),
    responses((status = 200, body = SubgraphResponse), (status = 400, body = super::error::ErrorBody), (status = 404, body = super::error::ErrorBody)))]
pub async fn neighbors(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
    params: Result<Query<NeighborsParams>, QueryRejection>,
) -> Result<Json<SubgraphResponse>, ApiError> {
    let Path(id) = id?;
    let Query(params) = params?;
    neighborhood(&state.engine(), &id, params).map(Json)
}

/// The subgraph of `engine` around node `id`: the body of `/nodes/{id}/neighbors`, shared
/// with other front ends.
pub fn neighborhood(
    engine: &Engine,
    id: &str,
    params: NeighborsParams,
) -> Result<SubgraphResponse, ApiError> {
    let depth = bounded("depth", params.depth, 1, 1, MAX_DEPTH)?;
    let limit = bounded("limit", params.limit, DEFAULT_NEIGHBOR_LIMIT, 1, MAX_NODES)?;
    let direction = match params.dir.as_deref() {
        None => WalkDirection::Both,
        Some(text) => WalkDirection::parse(text)
            .ok_or_else(|| ApiError::bad_request("bad_dir", "dir must be out, in or both"))?,
    };
    let types = params
        .node_type
        .as_deref()
        .unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(parse_node_type)
        .collect::<Result<Vec<_>, _>>()?;
    let filter = WalkFilter {
        rels: parse_rels(params.rel.as_deref())?,
        direction,
        types,
    };
    let subgraph = query::neighbors(&engine.graph, id, depth, &filter, limit)
        .ok_or_else(|| ApiError::not_found(format!("no node with id {id:?}")))?;
    Ok(SubgraphResponse {
        nodes: subgraph
            .nodes
            .iter()
            .map(|(node, distance)| SubgraphNode {
                id: node.id.clone(),
                node_type: node.node_type.as_str().to_string(),
                name: node.name.clone(),
                distance: *distance,
            })
            .collect(),
        edges: subgraph.edges.iter().map(|e| EdgeView::from(*e)).collect(),
        truncated: subgraph.truncated,
    })
}

/// Parameters of `GET /paths`.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct PathsParams {
    /// Start node id (required).
    pub from: Option<String>,
    /// End node id (required).
    pub to: Option<String>,
    /// Longest path in edges, 1..=6 (default 4).
    pub max_depth: Option<usize>,
    /// Only these relationships, comma-separated.
    pub rel: Option<String>,
}

/// Shortest paths.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct PathsResponse {
    /// Start node id.
    pub from: String,
    /// End node id.
    pub to: String,
    /// Edges per path (all paths are shortest, so equal).
    pub length: Option<usize>,
    /// Up to 10 shortest paths.
    pub paths: Vec<PathView>,
}

/// One path.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct PathView {
    /// Nodes in order.
    pub nodes: Vec<NodeRef>,
    /// Edges in order, each as stated (subject → object), with sources.
    pub edges: Vec<EdgeView>,
}

const DEFAULT_PATH_DEPTH: usize = 4;

/// Shortest paths between two nodes.
#[utoipa::path(get, path = "/paths", params(PathsParams),
    responses((status = 200, body = PathsResponse), (status = 400, body = super::error::ErrorBody), (status = 404, body = super::error::ErrorBody)))]
pub async fn paths(
    State(state): State<AppState>,
    params: Result<Query<PathsParams>, QueryRejection>,
) -> Result<Json<PathsResponse>, ApiError> {
    let Query(params) = params?;
    shortest_paths(&state.engine(), params).map(Json)
}

/// Shortest paths in `engine`'s graph between the nodes `params` names: the body of
/// `/paths`, shared with other front ends.
pub fn shortest_paths(engine: &Engine, params: PathsParams) -> Result<PathsResponse, ApiError> {
    let (Some(from), Some(to)) = (params.from, params.to) else {
        return Err(ApiError::bad_request(
            "missing_parameter",
            "from and to are required",
        ));
    };
    let max_depth = bounded(
        "max_depth",
        params.max_depth,
        DEFAULT_PATH_DEPTH,
        1,
        MAX_PATH_DEPTH,
    )?;
    let rels = parse_rels(params.rel.as_deref())?;
    for id in [&from, &to] {
        if engine.graph.node(id).is_none() {
            return Err(ApiError::not_found(format!("no node with id {id:?}")));
        }
    }
    let found =
        query::shortest_paths(&engine.graph, &from, &to, max_depth, &rels).unwrap_or_default();
    let paths: Vec<PathView> = found
        .iter()
        .take(MAX_PATHS)
        .map(|p| PathView {
            nodes: p.nodes.iter().map(|n| NodeRef::from(*n)).collect(),
            edges: p.edges.iter().map(|e| EdgeView::from(*e)).collect(),
        })
        .collect();
    Ok(PathsResponse {
        length: paths.first().map(|p| p.edges.len()),
        from,
        to,
        paths,
    })
}
