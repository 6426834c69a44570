//! Figures resolved to fiscal years and kinds.

use super::*;

pub(super) fn roman_label(numeral: u32) -> String {
    "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ"
        .chars()
        .nth(usize::try_from(numeral.saturating_sub(1)).unwrap_or(0))
        .map_or_else(|| numeral.to_string(), |c| c.to_string())
}

/// The budget figures of an item with their fiscal years and kinds.
pub(super) fn resolve_figures(
    item: &BudgetItem,
    hint: Option<BudgetKind>,
    request_year: FiscalYear,
) -> Vec<(BudgetFigure, Option<RawFigure>)> {
    if item.figures.is_empty() {
        let figure = BudgetFigure::new(None, request_year, BudgetKind::Other);
        return vec![(figure, None)];
    }
    item.figures
        .iter()
        .map(|raw| {
            let (year, kind, main) = slot_year_kind(&raw.slot, hint, request_year);
            let mut figure = BudgetFigure::new(raw.amount, year, kind);
            figure.inclusive = raw.inclusive;
            if main && item.new {
                figure.flags.insert(BudgetFlag::New);
            }
            if raw.item_request {
                figure.flags.insert(BudgetFlag::ItemRequest);
            }
            if item.relisted {
                figure.flags.insert(BudgetFlag::Relisted);
            }
            (figure, Some(raw.clone()))
        })
        .collect()
}

/// Year, kind and whether the figure is the requested amount.
pub(super) fn slot_year_kind(
    slot: &Slot,
    hint: Option<BudgetKind>,
    request_year: FiscalYear,
) -> (FiscalYear, BudgetKind, bool) {
    match slot {
        Slot::Main => (request_year, hint.unwrap_or(BudgetKind::Request), true),
        Slot::Year {
            year,
            era_heisei,
            supplementary,
        } => {
            let kind = match hint {
                Some(BudgetKind::FiscalInvestment) => BudgetKind::FiscalInvestment,
                _ if *supplementary => BudgetKind::Supplementary,
                _ => BudgetKind::Initial,
            };
            (slot_year(*year, *era_heisei), kind, false)
        }
        Slot::Within { base, .. } => {
            let (year, _, _) = slot_year_kind(base, hint, request_year);
            (year, BudgetKind::Other, false)
        }
    }
}
