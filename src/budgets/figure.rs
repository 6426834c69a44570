//! What filters and totals read of one budget figure, borrowed either from a
//! [`BudgetItem`] or straight from its budget node, so that a listing over the catalog makes
//! no item until it is shown.

use super::BudgetItem;
use crate::graph::model::NodeDraft;
use crate::normalize::for_matching;
use serde_json::Value;
use std::borrow::Cow;

/// One figure as totals see it.
#[derive(Debug, Clone)]
pub(super) struct Figure<'a> {
    /// Budget node id.
    pub(super) id: &'a str,
    /// The item the figure is for.
    item: &'a str,
    /// `item` as words are matched, when it is known beforehand.
    matched_item: Option<&'a str>,
    /// Ids of the nodes that have this budget.
    pub(super) owners: Vec<&'a str>,
    /// Fiscal year label.
    pub(super) fy: &'a str,
    /// Kind name.
    pub(super) kind: &'a str,
    /// Gregorian fiscal year.
    pub(super) fiscal_year: u16,
    /// Amount in 億円, exact decimal text.
    pub(super) amount_oku_yen: Option<&'a str>,
    /// の内数.
    inclusive: bool,
    /// 再掲/後掲.
    relisted: bool,
    /// 〔〕.
    bracketed: bool,
    /// 歳入 or 財源: where the money comes from.
    revenue: bool,
    /// Which of its year's supplementaries the figure is, where the document gives several.
    pub(super) bill: Option<&'a str>,
}

impl<'a> Figure<'a> {
    /// The figure of an item made beforehand.
    pub(super) fn of_item(item: &'a BudgetItem) -> Figure<'a> {
        let flagged = |flag: &str| item.flags.iter().any(|f| f == flag);
        Figure {
            id: &item.id,
            item: &item.item,
            matched_item: None,
            owners: item.owners.iter().map(String::as_str).collect(),
            fy: &item.fy,
            kind: &item.kind,
            fiscal_year: item.fiscal_year,
            amount_oku_yen: item.amount_oku_yen.as_deref(),
            inclusive: item.inclusive,
            relisted: flagged("relisted"),
            bracketed: flagged("bracketed"),
            revenue: flagged("revenue"),
            bill: item.bill.as_deref(),
        }
    }

    /// The figure of a budget node whose owners are known, and whose item name as matched
    /// is `matched_item`.
    pub(super) fn of_node(
        node: &'a NodeDraft,
        owners: Vec<&'a str>,
        matched_item: &'a str,
    ) -> Figure<'a> {
        let flagged = |flag: &str| flags(node).any(|f| f == flag);
        Figure {
            id: &node.id,
            item: item_name(node),
            matched_item: Some(matched_item),
            owners,
            fy: fy_label(node),
            kind: kind_name(node),
            fiscal_year: fiscal_year(node),
            amount_oku_yen: prop_str(node, "amount_oku_yen"),
            inclusive: inclusive(node),
            relisted: flagged("relisted"),
            bracketed: flagged("bracketed"),
            revenue: flagged("revenue"),
            bill: prop_str(node, "bill"),
        }
    }

    /// The item name as listings match words: normalised, without spaces.
    pub(super) fn matched_item(&self) -> Cow<'a, str> {
        match self.matched_item {
            Some(matched) => Cow::Borrowed(matched),
            None => Cow::Owned(matched_text(self.item)),
        }
    }

    /// Why the figure must not be added into a total, if it must not.
    pub(super) fn exclusion_reason(&self) -> Option<&'static str> {
        if self.amount_oku_yen.is_none() {
            Some("事項要求: requested without an amount")
        } else if self.inclusive {
            Some("の内数: the amount is a larger total that includes this item")
        } else if self.relisted {
            Some("再掲/後掲: listed again; counted where it is first listed")
        } else if self.bracketed {
            Some("〔〕: shown for reference and counted elsewhere")
        } else if self.revenue {
            Some("歳入/財源: revenue or a source of funding, not spending")
        } else {
            None
        }
    }
}

/// Text as listings match words in it: normalised, without spaces.
pub(super) fn matched_text(text: &str) -> String {
    for_matching(text).replace(' ', "")
}

/// A string property of a node.
pub(super) fn prop_str<'a>(node: &'a NodeDraft, key: &str) -> Option<&'a str> {
    node.props.get(key).and_then(Value::as_str)
}

/// The item a budget node's figure is for.
pub(super) fn item_name(node: &NodeDraft) -> &str {
    prop_str(node, "item").unwrap_or(&node.name)
}

/// A budget node's fiscal year label.
pub(super) fn fy_label(node: &NodeDraft) -> &str {
    prop_str(node, "fy").unwrap_or("")
}

/// A budget node's kind name.
pub(super) fn kind_name(node: &NodeDraft) -> &str {
    prop_str(node, "kind").unwrap_or("other")
}

/// A budget node's Gregorian fiscal year (0 when unknown).
pub(super) fn fiscal_year(node: &NodeDraft) -> u16 {
    node.props
        .get("fiscal_year")
        .and_then(Value::as_u64)
        .and_then(|y| u16::try_from(y).ok())
        .unwrap_or(0)
}

/// Whether a budget node's figure is の内数.
pub(super) fn inclusive(node: &NodeDraft) -> bool {
    node.props
        .get("inclusive")
        .and_then(Value::as_bool)
        .unwrap_or(false)
}

/// A budget node's flags.
pub(super) fn flags(node: &NodeDraft) -> impl Iterator<Item = &str> {
    node.props
        .get("flags")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
}
