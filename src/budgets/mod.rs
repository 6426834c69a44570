//! Budget figures from the graph: filtering, exact totals that never count a figure twice,
//! and the reconciliation of stated totals with the sum of their parts.

mod catalog;
mod figure;

pub use catalog::{BudgetCatalog, list_budgets_in};

use crate::graph::model::{NodeDraft, Rel, Source};
use crate::graph::query::{linked_through_ancestors, part_of_closure};
use crate::graph::{EdgeDirection, KnowledgeGraph};
use crate::money::{BudgetKind, FiscalYear, oku_to_yen};
use figure::{Figure, prop_str};
use rust_decimal::Decimal;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// Differences up to this (億円) are the documents' own rounding (計数は四捨五入).
pub const ROUNDING_TOLERANCE_OKU: &str = "0.1";

/// One budget figure as the API shows it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct BudgetItem {
    /// Budget node id.
    pub id: String,
    /// The item the figure is for.
    pub item: String,
    /// Nodes that have this budget (measure, program, fund …).
    pub owners: Vec<String>,
    /// Amount in 億円 as an exact decimal string; null for 事項要求.
    pub amount_oku_yen: Option<String>,
    /// Amount in yen as an exact decimal string; null for 事項要求.
    pub amount_yen: Option<String>,
    /// Fiscal year label, e.g. `R6`.
    pub fy: String,
    /// Gregorian fiscal year, e.g. 2024.
    pub fiscal_year: u16,
    /// `initial`, `supplementary`, `request`, `fiscal_investment` or `other`.
    pub kind: String,
    /// の内数: a larger total that includes this item.
    pub inclusive: bool,
    /// `new`, `item_request`, `relisted`, `bracketed`, `revenue`.
    pub flags: Vec<String>,
    /// The change from the figure it is compared with (比較増減額), 億円, exact decimal string.
    pub change_oku_yen: Option<String>,
    /// The rate of that change (増減率) in percent as the document states it, e.g. `8.5`.
    pub change_rate: Option<String>,
    /// Which of its year's supplementaries the figure is (`第1号`, `9月`), where the
    /// document gives two or more of them apart.
    pub bill: Option<String>,
    /// Where the figure stands.
    pub sources: Vec<Source>,
}

/// A figure left out of a total, and why.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Excluded {
    /// Budget node id.
    pub id: String,
    /// Why it does not count.
    pub reason: String,
}

/// A subtotal per fiscal year and kind.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Subtotal {
    /// Fiscal year label.
    pub fy: String,
    /// Kind.
    pub kind: String,
    /// Sum in 億円.
    pub total_oku_yen: String,
    /// Sum in yen.
    pub total_yen: String,
    /// Figures counted.
    pub count: usize,
}

/// Filters of a budget listing.
#[derive(Debug, Clone, Default)]
pub struct BudgetQuery {
    /// Words of the item or owner name (all must occur, after normalisation).
    pub q: Option<String>,
    /// Only figures of nodes `part_of` this node (or the node itself).
    pub under: Option<String>,
    /// Only figures of items an agency is responsible for (or whose parents it is).
    pub agency: Option<String>,
    /// Only figures of items implementing or mentioning a theme (or whose parents do).
    pub theme: Option<String>,
    /// Fiscal year.
    pub fy: Option<FiscalYear>,
    /// Kind.
    pub kind: Option<BudgetKind>,
}

/// The result of a listing: every match, the counted total and what was left out. The
/// items are owned, or the budget nodes of a listing over a [`BudgetCatalog`].
#[derive(Debug, Clone)]
pub struct BudgetListing<I = BudgetItem> {
    /// Matching figures, document order.
    pub items: Vec<I>,
    /// Total of the counted figures in 億円, when they all have one fiscal year and kind
    /// (adding two years or two kinds together means nothing); `None` otherwise.
    pub total_oku: Option<Decimal>,
    /// Per fiscal year and kind.
    pub subtotals: Vec<Subtotal>,
    /// Figures not counted, with reasons.
    pub excluded: Vec<Excluded>,
}

/// The owners of a budget node: nodes with a `has_budget` edge to it.
fn owners_of(graph: &KnowledgeGraph, budget_id: &str) -> Vec<String> {
    graph
        .edges_of(budget_id)
        .into_iter()
        .filter(|(direction, edge)| *direction == EdgeDirection::In && edge.rel == Rel::HasBudget)
        .map(|(_, edge)| edge.from.to_string())
        .collect()
}

/// A budget node as an item.
pub fn budget_item(graph: &KnowledgeGraph, node: &NodeDraft) -> BudgetItem {
    let amount = prop_str(node, "amount_oku_yen").map(str::to_string);
    let amount_yen = amount
        .as_deref()
        .and_then(|a| a.parse::<Decimal>().ok())
        .map(|a| oku_to_yen(a).to_string());
    BudgetItem {
        id: node.id.clone(),
        item: figure::item_name(node).to_string(),
        owners: owners_of(graph, &node.id),
        amount_oku_yen: amount,
        amount_yen,
        fy: figure::fy_label(node).to_string(),
        fiscal_year: figure::fiscal_year(node),
        kind: figure::kind_name(node).to_string(),
        inclusive: figure::inclusive(node),
        flags: figure::flags(node).map(str::to_string).collect(),
        change_oku_yen: prop_str(node, "change_oku_yen").map(str::to_string),
        change_rate: prop_str(node, "change_rate").map(str::to_string),
        bill: prop_str(node, "bill").map(str::to_string),
        sources: node.sources.clone(),
    }
}

/// Whether one of `owners` (or one of its parents) links with one of `rels` to a node in
/// `targets` (a node and everything `part_of` it, computed once per listing).
fn owners_link_to(
    graph: &KnowledgeGraph,
    owners: &[&str],
    targets: &BTreeSet<String>,
    rels: &[Rel],
) -> bool {
    owners.iter().any(|owner| {
        rels.iter().any(|rel| {
            linked_through_ancestors(graph, owner, *rel)
                .iter()
                .any(|linked| targets.contains(linked))
        })
    })
}

/// What makes two figures the same one read twice: item as matched, fiscal year, kind,
/// bill (two supplementaries of one year may give an item the same amount, and each
/// counts) and amount.
type FigureKey<'a> = (Cow<'a, str>, &'a str, &'a str, Option<&'a str>, String);

/// Lists the budget figures matching `query`, with an exact total that leaves out の内数,
/// 事項要求, relisted and bracketed figures, and figures repeated across documents.
pub fn list_budgets(graph: &KnowledgeGraph, query: &BudgetQuery) -> BudgetListing {
    let catalog = BudgetCatalog::new(graph);
    let listing = list_budgets_in(graph, &catalog, query);
    BudgetListing {
        items: listing
            .items
            .into_iter()
            .map(|node| budget_item(graph, node))
            .collect(),
        total_oku: listing.total_oku,
        subtotals: listing.subtotals,
        excluded: listing.excluded,
    }
}

/// Figures whose owner has parts (`part_of`, at any depth) with figures of the same fiscal
/// year and kind in the same listing: they are totals of those parts. Each owner's parts are
/// looked up once, and figures are found by (fiscal year, kind, owner), so the work grows with
/// the listing, not with its square.
fn aggregate_items(graph: &KnowledgeGraph, items: &[Figure]) -> BTreeSet<String> {
    let mut by_owner: HashMap<(&str, &str, &str), Vec<&str>> = HashMap::new();
    for item in items {
        for owner in &item.owners {
            by_owner
                .entry((item.fy, item.kind, owner))
                .or_default()
                .push(item.id);
        }
    }
    let mut parts_of: HashMap<&str, BTreeSet<String>> = HashMap::new();
    let mut aggregates = BTreeSet::new();
    for item in items {
        for owner in &item.owners {
            let descendants = parts_of
                .entry(owner)
                .or_insert_with(|| part_of_closure(graph, owner));
            let has_listed_parts = descendants.iter().any(|part| {
                part != owner
                    && by_owner
                        .get(&(item.fy, item.kind, part.as_str()))
                        .is_some_and(|ids| ids.iter().any(|id| *id != item.id))
            });
            if has_listed_parts {
                aggregates.insert(item.id.to_string());
            }
        }
    }
    aggregates
}

/// Sums the countable figures: per fiscal year and kind, and overall when there is only one
/// fiscal year and kind.
fn totals(items: &[BudgetItem]) -> (Option<Decimal>, Vec<Subtotal>, Vec<Excluded>) {
    let figures: Vec<Figure> = items.iter().map(Figure::of_item).collect();
    totals_without(&figures, &BTreeSet::new())
}

/// [`totals`], leaving out the figures in `skipped` (reported by the caller).
fn totals_without(
    items: &[Figure],
    skipped: &BTreeSet<String>,
) -> (Option<Decimal>, Vec<Subtotal>, Vec<Excluded>) {
    let mut excluded = Vec::new();
    let mut seen_figures: HashSet<FigureKey> = HashSet::new();
    let mut by_year_kind: BTreeMap<(u16, &str, &str), (Decimal, usize)> = BTreeMap::new();
    let mut total = Decimal::ZERO;
    for item in items.iter().filter(|i| !skipped.contains(i.id)) {
        if let Some(reason) = item.exclusion_reason() {
            excluded.push(Excluded {
                id: item.id.to_string(),
                reason: reason.to_string(),
            });
            continue;
        }
        let Some(amount) = item.amount_oku_yen.and_then(|a| a.parse::<Decimal>().ok()) else {
            continue;
        };
        let figure = (
            item.matched_item(),
            item.fy,
            item.kind,
            item.bill,
            amount.normalize().to_string(),
        );
        if !seen_figures.insert(figure) {
            excluded.push(Excluded {
                id: item.id.to_string(),
                reason: "the same figure of the same item is already counted".to_string(),
            });
            continue;
        }
        total += amount;
        let entry = by_year_kind
            .entry((item.fiscal_year, item.fy, item.kind))
            .or_insert((Decimal::ZERO, 0));
        entry.0 += amount;
        entry.1 += 1;
    }
    let total = (by_year_kind.len() <= 1).then_some(total);
    let subtotals = by_year_kind
        .into_iter()
        .map(|((_, fy, kind), (sum, count))| Subtotal {
            fy: fy.to_string(),
            kind: kind.to_string(),
            total_oku_yen: sum.to_string(),
            total_yen: oku_to_yen(sum).to_string(),
            count,
        })
        .collect();
    (total, subtotals, excluded)
}

/// A stated total beside the sum of its parts in the graph.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct TotalCheck {
    /// The node whose total the document states.
    pub node: String,
    /// Its name.
    pub name: String,
    /// Fiscal year and kind of the stated total.
    pub fy: String,
    /// Kind of the stated total.
    pub kind: String,
    /// The stated total in 億円.
    pub stated_oku_yen: String,
    /// Sum of the parts' countable figures in 億円.
    pub parts_sum_oku_yen: String,
    /// stated − sum.
    pub difference_oku_yen: String,
    /// `match`, `rounding` (within the documents' rounding) or `mismatch`.
    pub status: String,
    /// Figures summed.
    pub parts: Vec<String>,
    /// Parts' figures left out, with reasons.
    pub excluded: Vec<Excluded>,
    /// Where the total is stated.
    pub source: Option<Source>,
}

/// Every total a document states (a parent item's amount) beside the sum of its parts'
/// figures of the same year, kind and document.
pub fn check_totals(graph: &KnowledgeGraph) -> Vec<TotalCheck> {
    let tolerance: Decimal = ROUNDING_TOLERANCE_OKU.parse().unwrap_or(Decimal::ZERO);
    let mut checks = Vec::new();
    for parent in graph.nodes() {
        let Some(stated) =
            prop_str(parent, "stated_total_oku").and_then(|s| s.parse::<Decimal>().ok())
        else {
            continue;
        };
        let own_budgets: Vec<BudgetItem> = budget_ids_of(graph, &parent.id)
            .filter_map(|id| graph.node(&id).map(|n| budget_item(graph, n)))
            .collect();
        let Some(anchor) = own_budgets.iter().find(|b| {
            b.amount_oku_yen
                .as_deref()
                .and_then(|a| a.parse::<Decimal>().ok())
                == Some(stated)
        }) else {
            continue;
        };
        let docs: BTreeSet<&str> = anchor.sources.iter().map(|s| s.doc.as_str()).collect();
        let children: Vec<String> = graph
            .edges_of(&parent.id)
            .into_iter()
            .filter(|(d, e)| *d == EdgeDirection::In && e.rel == Rel::PartOf)
            .filter(|(_, e)| e.sources.iter().any(|s| docs.contains(s.doc.as_str())))
            .map(|(_, e)| e.from.to_string())
            .collect();
        let parts: Vec<BudgetItem> = children
            .iter()
            .flat_map(|child| budget_ids_of(graph, child).collect::<Vec<_>>())
            .filter_map(|id| graph.node(&id).map(|n| budget_item(graph, n)))
            .filter(|b| b.fy == anchor.fy && b.kind == anchor.kind)
            .filter(|b| b.sources.iter().any(|s| docs.contains(s.doc.as_str())))
            .collect();
        if parts.is_empty() {
            continue;
        }
        let (sum, _, excluded) = totals(&parts);
        let sum = sum.unwrap_or_default();
        let difference = stated - sum;
        let status = if difference.is_zero() {
            "match"
        } else if difference.abs() <= tolerance {
            "rounding"
        } else {
            "mismatch"
        };
        let excluded_ids: HashSet<&str> = excluded.iter().map(|e| e.id.as_str()).collect();
        checks.push(TotalCheck {
            node: parent.id.clone(),
            name: parent.name.clone(),
            fy: anchor.fy.clone(),
            kind: anchor.kind.clone(),
            stated_oku_yen: stated.to_string(),
            parts_sum_oku_yen: sum.to_string(),
            difference_oku_yen: difference.to_string(),
            status: status.to_string(),
            parts: parts
                .iter()
                .filter(|p| !excluded_ids.contains(p.id.as_str()))
                .map(|p| p.id.clone())
                .collect(),
            excluded,
            source: anchor.sources.first().cloned(),
        });
    }
    checks
}

fn budget_ids_of<'g>(graph: &'g KnowledgeGraph, id: &str) -> impl Iterator<Item = String> + 'g {
    graph
        .edges_of(id)
        .into_iter()
        .filter(|(d, e)| *d == EdgeDirection::Out && e.rel == Rel::HasBudget)
        .map(|(_, e)| e.to.to_string())
}
