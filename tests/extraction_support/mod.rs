//! Reading an extraction back in the extraction tests: budget figures and the check that every
//! quote stands in the lines it cites.

use rust_decimal::Decimal;
use seisaku::graph::model::{Extraction, NodeType};

mod citations;
pub use citations::assert_quotes_cited;

/// A budget node read back.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct BudgetRow {
    /// The item the figure belongs to.
    pub item: String,
    /// Fiscal year (`R7`).
    pub fy: String,
    /// Budget kind (`initial`, `supplementary`, `request`, …).
    pub kind: String,
    /// Amount in 億円.
    pub amount: Decimal,
    /// The stated change against the figure it compares, in 億円.
    pub change: Option<Decimal>,
}

/// Every budget node of an extraction.
pub fn budget_rows(extraction: &Extraction) -> Vec<BudgetRow> {
    extraction
        .nodes
        .iter()
        .filter(|n| n.node_type == NodeType::Budget)
        .map(|n| {
            let text = |key: &str| n.props.get(key).and_then(|v| v.as_str());
            let decimal = |key: &str| text(key).map(|t| t.parse().expect("decimal"));
            BudgetRow {
                item: text("item").unwrap_or_default().to_string(),
                fy: text("fy").unwrap_or_default().to_string(),
                kind: text("kind").unwrap_or_default().to_string(),
                amount: decimal("amount_oku_yen").expect("amount"),
                change: decimal("change_oku_yen"),
            }
        })
        .collect()
}
