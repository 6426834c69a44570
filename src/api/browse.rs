//! `GET /browse` and `GET /browse/{id}`: the scenario menu.

use super::error::ApiError;
use super::state::AppState;
use crate::browse::{self, Menu};
use axum::Json;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};

/// The top menu: themes.
#[utoipa::path(get, path = "/browse", responses((status = 200, body = Menu)))]
pub async fn root(State(state): State<AppState>) -> Json<Menu> {
    Json(browse::root(&state.engine().graph))
}

/// The menu under a node.
#[utoipa::path(get, path = "/browse/{id}", params(("id" = String, Path, description = "Node id")),
    responses((status = 200, body = Menu), (status = 404, body = super::error::ErrorBody)))]
pub async fn node(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
) -> Result<Json<Menu>, ApiError> {
    let Path(id) = id?;
    browse::menu(&state.engine().graph, &id)
        .map(Json)
        .ok_or_else(|| ApiError::not_found(format!("no node with id {id:?}")))
}
