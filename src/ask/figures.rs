//! Budget figures as an answer sees them: exact amounts, the fiscal year and kind, whether a
//! figure is a year-on-year change rather than a budget, and what years and kinds a subject
//! has figures for.

use crate::engine::Engine;
use crate::graph::EdgeDirection;
use crate::graph::model::{NodeDraft, Rel};
use crate::money::{BudgetKind, FiscalYear};
use crate::normalize::for_matching;
use rust_decimal::Decimal;
use serde_json::Value;
use std::collections::BTreeSet;

/// Words of a column or metric that mark a figure as a comparison, not a budget.
const CHANGE_MARKERS: [&str; 3] = ["増減", "比較", "差"];

/// One budget node read into exact values.
#[derive(Debug, Clone)]
pub struct Figure<'e> {
    /// The budget node.
    pub node: &'e NodeDraft,
    /// The item the figure is for.
    pub item: String,
    /// Fiscal year, when the node states one.
    pub fy: Option<FiscalYear>,
    /// `initial`, `supplementary`, `request`, `fiscal_investment` or `other`.
    pub kind: String,
    /// Amount in 億円; `None` for 事項要求.
    pub amount: Option<Decimal>,
    /// の内数.
    pub inclusive: bool,
    /// `new`, `item_request`, `relisted`, `bracketed`, `revenue`.
    pub flags: Vec<String>,
}

fn prop<'a>(node: &'a NodeDraft, key: &str) -> Option<&'a str> {
    node.props.get(key).and_then(Value::as_str)
}

impl<'e> Figure<'e> {
    /// Reads a budget node.
    pub fn of(node: &'e NodeDraft) -> Figure<'e> {
        Figure {
            node,
            item: prop(node, "item").unwrap_or(&node.name).to_string(),
            fy: prop(node, "fy").and_then(FiscalYear::parse_label),
            kind: prop(node, "kind").unwrap_or("other").to_string(),
            amount: prop(node, "amount_oku_yen").and_then(|a| a.parse().ok()),
            inclusive: node
                .props
                .get("inclusive")
                .and_then(Value::as_bool)
                .unwrap_or(false),
            flags: node
                .props
                .get("flags")
                .and_then(Value::as_array)
                .map(|a| {
                    a.iter()
                        .filter_map(Value::as_str)
                        .map(str::to_string)
                        .collect()
                })
                .unwrap_or_default(),
        }
    }

    /// Whether this is a comparison with another year (比較増減額 and the like, or a negative
    /// figure of kind `other`): never presented as a budget.
    pub fn is_change(&self) -> bool {
        if self.kind != BudgetKind::Other.as_str() {
            return false;
        }
        let labelled = ["column", "metric", "item"]
            .iter()
            .filter_map(|key| prop(self.node, key))
            .any(|label| CHANGE_MARKERS.iter().any(|m| label.contains(m)));
        labelled || self.amount.is_some_and(|a| a.is_sign_negative())
    }

    /// Whether the figure states an amount of its own (not の内数, not 事項要求).
    pub fn is_own_amount(&self) -> bool {
        self.amount.is_some() && !self.inclusive
    }

    /// Whether it is listed again from elsewhere (再掲, 〔〕).
    pub fn is_relisted(&self) -> bool {
        self.flags
            .iter()
            .any(|f| f == "relisted" || f == "bracketed")
    }

    /// Whether it is revenue or a source of funding (歳入, 財源), not spending.
    pub fn is_revenue(&self) -> bool {
        self.flags.iter().any(|f| f == "revenue")
    }

    /// Whether it matches an asked year and kind (each when asked).
    pub fn matches(&self, fy: Option<FiscalYear>, kind: Option<BudgetKind>) -> bool {
        fy.is_none_or(|y| self.fy == Some(y)) && kind.is_none_or(|k| self.kind == k.as_str())
    }

    /// The item's name normalised for comparison.
    pub fn item_key(&self) -> String {
        for_matching(&self.item).replace(' ', "")
    }

    /// The change the document states for this figure: the node's `change_oku_yen`, or
    /// else a comparison figure of the same owner, year and document.
    pub fn stated_change(&self, engine: &'e Engine) -> Option<StatedChange<'e>> {
        if let Some(amount) = prop(self.node, "change_oku_yen").and_then(|a| a.parse().ok()) {
            return Some(StatedChange {
                amount,
                node: self.node,
            });
        }
        let docs: BTreeSet<&str> = self.node.sources.iter().map(|s| s.doc.as_str()).collect();
        owners(engine, &self.node.id)
            .into_iter()
            .flat_map(|owner| budget_nodes_of(engine, &owner.id))
            .map(Figure::of)
            .filter(|f| f.is_change() && f.fy == self.fy)
            .filter(|f| f.node.sources.iter().any(|s| docs.contains(s.doc.as_str())))
            .find_map(|f| {
                f.amount.map(|amount| StatedChange {
                    amount,
                    node: f.node,
                })
            })
    }

    /// The rate of change (percent) the document states for this figure: the node's
    /// `change_rate`, or its owner's `change_rate_pct`.
    pub fn stated_rate(&self, engine: &Engine) -> Option<Decimal> {
        prop(self.node, "change_rate")
            .and_then(|r| r.parse().ok())
            .or_else(|| {
                owners(engine, &self.node.id)
                    .into_iter()
                    .find_map(|o| prop(o, "change_rate_pct").and_then(|r| r.parse().ok()))
            })
    }
}

/// A year-on-year change the document itself states, and the node it was read from.
#[derive(Debug, Clone)]
pub struct StatedChange<'e> {
    /// The change in 億円.
    pub amount: Decimal,
    /// The node holding it (the figure itself or a comparison figure).
    pub node: &'e NodeDraft,
}

/// Nodes with a `has_budget` edge to `budget_id`.
pub fn owners<'e>(engine: &'e Engine, budget_id: &str) -> Vec<&'e NodeDraft> {
    engine
        .graph
        .edges_of(budget_id)
        .into_iter()
        .filter(|(d, e)| *d == EdgeDirection::In && e.rel == Rel::HasBudget)
        .filter_map(|(_, e)| engine.graph.node(&e.from))
        .collect()
}

/// The budget nodes a node has directly.
pub fn budget_nodes_of<'e>(engine: &'e Engine, id: &str) -> Vec<&'e NodeDraft> {
    engine
        .graph
        .edges_of(id)
        .into_iter()
        .filter(|(d, e)| *d == EdgeDirection::Out && e.rel == Rel::HasBudget)
        .filter_map(|(_, e)| engine.graph.node(&e.to))
        .collect()
}

/// The figures that may be presented as budgets: comparison figures left out.
pub fn budget_figures<'e>(nodes: &[&'e NodeDraft]) -> Vec<Figure<'e>> {
    nodes
        .iter()
        .map(|n| Figure::of(n))
        .filter(|f| !f.is_change())
        .collect()
}

/// Rank of a kind when the question names none (lower first): the budget as passed,
/// then as requested, then supplementary.
pub fn kind_rank(kind: &str) -> u8 {
    match kind {
        "initial" => 0,
        "request" => 1,
        "supplementary" => 2,
        "fiscal_investment" => 3,
        _ => 4,
    }
}

/// The one figure to show for an item: of the asked year and kind, else the newest year,
/// the budget as passed before a request, stated amounts before の内数, first listings
/// before relistings.
pub fn best<'e>(
    figures: &[Figure<'e>],
    fy: Option<FiscalYear>,
    kind: Option<BudgetKind>,
) -> Option<Figure<'e>> {
    figures
        .iter()
        .filter(|f| f.matches(fy, kind) && f.amount.is_some())
        .min_by_key(|f| {
            (
                std::cmp::Reverse(f.fy),
                kind_rank(&f.kind),
                u8::from(f.inclusive),
                u8::from(f.is_relisted()),
            )
        })
        .cloned()
}

/// `R8` → `令和8年度`.
pub fn year_japanese(fy: FiscalYear) -> String {
    let label = fy.label();
    match label.strip_prefix('R') {
        Some(n) => format!("令和{n}年度"),
        None => match label.strip_prefix('H') {
            Some(n) => format!("平成{n}年度"),
            None => label,
        },
    }
}

/// A kind's name in Japanese.
pub fn kind_japanese(kind: &str) -> &'static str {
    match kind {
        "initial" => "当初予算",
        "supplementary" => "補正予算",
        "request" => "概算要求",
        "fiscal_investment" => "財政投融資",
        _ => "関連額",
    }
}

/// Fiscal years written compactly: `令和5〜8年度`, or `令和5・7年度` when not consecutive.
pub fn years_japanese(years: &BTreeSet<FiscalYear>) -> String {
    let labels: Vec<String> = years.iter().map(|y| year_japanese(*y)).collect();
    let (Some(first), Some(last)) = (years.first(), years.last()) else {
        return String::new();
    };
    let consecutive = usize::from(last.0 - first.0) + 1 == years.len();
    let same_era = labels.iter().all(|l| l.starts_with("令和")) && first.0 >= 2019;
    if years.len() > 1 && consecutive && same_era {
        format!("令和{}〜{}年度", first.0 - 2018, last.0 - 2018)
    } else if same_era {
        let numbers: Vec<String> = years.iter().map(|y| (y.0 - 2018).to_string()).collect();
        format!("令和{}年度", numbers.join("・"))
    } else {
        labels.join("、")
    }
}

/// What the corpus holds for a subject's figures, in Japanese: its years, and the kinds of
/// the asked year when the year exists but not the asked kind.
pub fn coverage(figures: &[Figure], fy: Option<FiscalYear>) -> String {
    let years: BTreeSet<FiscalYear> = figures.iter().filter_map(|f| f.fy).collect();
    if years.is_empty() {
        return "金額の記載はありません。".to_string();
    }
    match fy.filter(|y| years.contains(y)) {
        Some(year) => {
            let kinds: BTreeSet<&str> = figures
                .iter()
                .filter(|f| f.fy == Some(year))
                .map(|f| kind_japanese(&f.kind))
                .collect();
            format!(
                "{}は{}の数字があります。",
                year_japanese(year),
                kinds.into_iter().collect::<Vec<_>>().join("・")
            )
        }
        None => format!("{}の数字はあります。", years_japanese(&years)),
    }
}

/// What the question asked for, in Japanese (`令和12年度補正予算`).
pub fn asked_japanese(fy: Option<FiscalYear>, kind: Option<BudgetKind>) -> String {
    let mut text = fy.map(year_japanese).unwrap_or_default();
    if let Some(kind) = kind {
        text.push_str(kind_japanese(kind.as_str()));
    }
    text
}

/// `令和6年度当初予算の` for an asked year and kind, or nothing when none was asked.
pub fn of_asked(fy: Option<FiscalYear>, kind: Option<BudgetKind>) -> String {
    let asked = asked_japanese(fy, kind);
    if asked.is_empty() {
        asked
    } else {
        format!("{asked}の")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn revenue_says_it_is_no_spending_and_counts_in_no_sum() {
        let source = crate::graph::model::Source {
            doc: "a.txt".into(),
            line_start: 3,
            line_end: 3,
            quote: "市税 21,684,000".into(),
        };
        let node = NodeDraft::new(crate::graph::model::NodeType::Budget, "市税", source)
            .with_prop("item", "市税")
            .with_prop("fy", "R8")
            .with_prop("kind", "initial")
            .with_prop("amount_oku_yen", "216.84")
            .with_prop("flags", serde_json::json!(["revenue"]));
        let figure = Figure::of(&node);
        assert!(figure.is_revenue());
        assert_eq!(
            crate::ask::compose::figure_amount(&figure),
            "216.84億円（歳入・財源の額で、歳出予算の額ではありません）"
        );
        assert!(!crate::ask::totals::countable(&figure));
    }

    #[test]
    fn years_are_written_as_ranges_or_lists() {
        let years: BTreeSet<FiscalYear> = [5, 6, 7, 8].into_iter().map(FiscalYear::reiwa).collect();
        assert_eq!(years_japanese(&years), "令和5〜8年度");
        let gaps: BTreeSet<FiscalYear> = [5, 7].into_iter().map(FiscalYear::reiwa).collect();
        assert_eq!(years_japanese(&gaps), "令和5・7年度");
        let one: BTreeSet<FiscalYear> = [FiscalYear::reiwa(6)].into_iter().collect();
        assert_eq!(years_japanese(&one), "令和6年度");
    }
}
