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
use crate::graph::model::Extraction;

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
