//! `GET /budgets` and `GET /budgets/check`.

use super::error::ApiError;
use super::graph::bounded;
use super::state::AppState;
use crate::budgets::{self, BudgetItem, BudgetQuery, Excluded, Subtotal, TotalCheck};
use crate::engine::Engine;
use crate::money::{BudgetKind, FiscalYear, oku_to_yen};
use crate::search::{MAX_LIMIT, MAX_OFFSET};
use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use serde::{Deserialize, Serialize};

/// Parameters of `GET /budgets`.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct BudgetParams {
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
    /// Page size, 1..=100 (default 50).
    pub limit: Option<usize>,
    /// Items to skip.
    pub offset: Option<usize>,
}

/// `GET /budgets` response.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct BudgetResponse {
    /// This page of matching figures, document order.
    pub items: Vec<BudgetItem>,
    /// All matching figures.
    pub count: usize,
    /// Sum of the countable figures over all matches, 億円, exact decimal string; null when
    /// they span more than one fiscal year or kind (then only `subtotals` are meaningful).
    pub total_oku_yen: Option<String>,
    /// The same in yen.
    pub total_yen: Option<String>,
    /// The total per fiscal year and kind (a sum across years or kinds mixes different things).
    pub subtotals: Vec<Subtotal>,
    /// Figures left out of the totals, and why.
    pub excluded: Vec<Excluded>,
}

const DEFAULT_BUDGET_LIMIT: usize = 50;

/// Budget figures with exact totals.
#[utoipa::path(get, path = "/budgets", params(BudgetParams),
    responses((status = 200, body = BudgetResponse), (status = 400, body = super::error::ErrorBody), (status = 404, body = super::error::ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    params: Result<Query<BudgetParams>, QueryRejection>,
) -> Result<Json<BudgetResponse>, ApiError> {
    let Query(params) = params?;
    budget_listing(&state.engine(), params).map(Json)
}

/// Budget figures of `engine` matching `params`, with exact totals: the body of `/budgets`,
/// shared with other front ends.
pub fn budget_listing(engine: &Engine, params: BudgetParams) -> Result<BudgetResponse, ApiError> {
    let limit = bounded("limit", params.limit, DEFAULT_BUDGET_LIMIT, 1, MAX_LIMIT)?;
    let offset = bounded("offset", params.offset, 0, 0, MAX_OFFSET)?;
    let fy = params
        .fy
        .as_deref()
        .map(|text| {
            FiscalYear::parse_label(text).ok_or_else(|| {
                ApiError::bad_request("bad_fy", format!("fy {text:?} is not like R6 or 2024"))
            })
        })
        .transpose()?;
    let kind = params
        .kind
        .as_deref()
        .map(|text| {
            BudgetKind::parse(text).ok_or_else(|| {
                ApiError::bad_request(
                    "bad_kind",
                    "kind must be initial, supplementary, request, fiscal_investment or other",
                )
            })
        })
        .transpose()?;
    for id in [&params.under, &params.agency, &params.theme]
        .into_iter()
        .flatten()
    {
        if engine.graph.node(id).is_none() {
            return Err(ApiError::not_found(format!("no node with id {id:?}")));
        }
    }
    let query = BudgetQuery {
        q: params.q,
        under: params.under,
        agency: params.agency,
        theme: params.theme,
        fy,
        kind,
    };
    let listing = budgets::list_budgets_in(&engine.graph, engine.budget_catalog(), &query);
    Ok(BudgetResponse {
        count: listing.items.len(),
        total_oku_yen: listing.total_oku.map(|t| t.to_string()),
        total_yen: listing.total_oku.map(|t| oku_to_yen(t).to_string()),
        subtotals: listing.subtotals,
        excluded: listing.excluded,
        items: listing
            .items
            .into_iter()
            .skip(offset)
            .take(limit)
            .map(|node| budgets::budget_item(&engine.graph, node))
            .collect(),
    })
}

/// `GET /budgets/check` response.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct CheckResponse {
    /// Totals checked.
    pub checked: usize,
    /// Equal to the sum of their parts.
    pub matching: usize,
    /// Within the documents' rounding (計数は四捨五入).
    pub rounding: usize,
    /// Off by more than rounding.
    pub mismatching: usize,
    /// Every stated total beside the sum of its parts.
    pub totals: Vec<TotalCheck>,
}

/// Reconciles every stated total with the sum of its parts.
#[utoipa::path(get, path = "/budgets/check", responses((status = 200, body = CheckResponse)))]
pub async fn check(State(state): State<AppState>) -> Json<CheckResponse> {
    let engine = state.engine();
    let totals = budgets::check_totals(&engine.graph);
    let count = |status: &str| totals.iter().filter(|t| t.status == status).count();
    Json(CheckResponse {
        checked: totals.len(),
        matching: count("match"),
        rounding: count("rounding"),
        mismatching: count("mismatch"),
        totals,
    })
}
