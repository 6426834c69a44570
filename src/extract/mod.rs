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
pub mod kanji_figures;
pub mod mentions;
pub mod plan_status;
pub mod policy_evaluation;
pub mod recognise;
pub mod strategy_excerpts;
#[cfg(test)]
mod test_support;

use crate::corpus::{DocKind, SeedDoc};
use crate::graph::model::{Extraction, NodeType};

/// Runs the parser for the document's kind; a document that writes its figures in kanji
/// digits is read through a view in digits ([`kanji_figures`]).
pub fn extract_document(doc: &SeedDoc) -> Extraction {
    through_view(doc, extract_as_kind)
}

/// Runs `read` on the document, or on its view in digits when it writes its figures in kanji
/// digits, the quotes then taken from the document's own lines.
fn through_view(doc: &SeedDoc, read: fn(&SeedDoc) -> Extraction) -> Extraction {
    match kanji_figures::view(doc) {
        Some(view) => {
            let mut extraction = read(&view);
            kanji_figures::restore_quotes(&mut extraction, doc, &view);
            extraction
        }
        None => read(doc),
    }
}

fn extract_as_kind(doc: &SeedDoc) -> Extraction {
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
    let generic = budgets(&through_view(doc, generic::extract));
    // Half as many again: generic > 1.5 × fitted.
    if generic >= MIN_GENERIC_FIGURES && 2 * generic > 3 * fitted {
        DocKind::Other
    } else {
        doc.info.kind
    }
}
