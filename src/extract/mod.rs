//! Extraction of nodes and edges, one parser per kind of document.
//!
//! Each parser reads the structure its kind of document shares from one edition to the
//! next (numbering, tables, 【予算】 blocks, header blocks) and proposes typed nodes and edges
//! with their sources; [`crate::graph::build`] merges them into one graph.

pub mod budget_overview;
pub mod budget_request;
pub mod collect;
pub mod generic;
pub mod indicators;
pub mod mentions;
pub mod plan_status;
pub mod policy_evaluation;
pub mod recognise;
pub mod strategy_excerpts;
#[cfg(test)]
mod test_support;

use crate::corpus::{DocKind, SeedDoc};
use crate::graph::model::{Extraction, NodeType};

/// Runs the parser for the document's kind.
pub fn extract_document(doc: &SeedDoc) -> Extraction {
    match doc.info.kind {
        DocKind::BudgetOverview => budget_overview::extract(doc),
        DocKind::BudgetRequest => budget_request::extract(doc),
        DocKind::PolicyEvaluation => policy_evaluation::extract(doc),
        DocKind::StrategyExcerpts => strategy_excerpts::extract(doc),
        DocKind::PlanStatus => plan_status::extract(doc),
        DocKind::Other => generic::extract(doc),
    }
}

/// The fewest budget figures the generic reader must find to overrule a fitted reader.
const MIN_GENERIC_FIGURES: usize = 3;

/// The kind to read a document as, given the known kind its structure suggests
/// (`doc.info.kind`): when a document that looks like a budget layout (overview or request)
/// gives the generic reader clearly more budget figures than the layout's own reader (half
/// as many again), it only resembles that layout and is read as [`DocKind::Other`]. Other
/// kinds stay as they are.
pub fn confirm_kind(doc: &SeedDoc) -> DocKind {
    if !matches!(
        doc.info.kind,
        DocKind::BudgetOverview | DocKind::BudgetRequest
    ) {
        return doc.info.kind;
    }
    let budgets = |extraction: &Extraction| {
        extraction
            .nodes
            .iter()
            .filter(|n| n.node_type == NodeType::Budget)
            .count()
    };
    let fitted = budgets(&extract_document(doc));
    let generic = budgets(&generic::extract(doc));
    // Half as many again: generic > 1.5 × fitted.
    if generic >= MIN_GENERIC_FIGURES && 2 * generic > 3 * fitted {
        DocKind::Other
    } else {
        doc.info.kind
    }
}
