//! Figures set on lines of their own under the item they are of, outside any table: an
//! item's line that holds no figure (`●観光誘客促進事業費【拡充】`), its figure alone on the
//! next line in the unit declared above (`６１８，２２０`), and maybe the figure of the year
//! before alone on the line after (`（前年度　７４２，５５０）`).

use super::tables::remark_previous_year;
use super::{Reader, Role};
use crate::extract::recognise::amounts::{YearKind, cells, inline_figures, shifted};
use crate::extract::recognise::names::strip_markup;
use crate::extract::recognise::numbering::numbered;
use crate::money::{BudgetKind, find_amounts, parse_number};

/// Earliest and latest western year a number alone could be (`2026` under a heading is no
/// figure).
const YEARS: std::ops::RangeInclusive<i64> = 1900..=2100;

impl Reader<'_> {
    /// Reads the line `number` of one cell `row` when it is a figure alone of the item the
    /// line above opened, or the remark under such a figure giving the year before. False,
    /// with nothing read, for any other line.
    pub(super) fn lone_figure_of_item(&mut self, number: usize, row: &[&str]) -> bool {
        let [cell] = row else {
            return false;
        };
        if self.columns.is_some() || self.unit.is_none() {
            return false;
        }
        let Some(above) = self.nonempty_line_above(number) else {
            return false;
        };
        if self.lone_figure_line == Some(above) {
            // `（前年度　７４２，５５０）` under the figure: the item's figure of the year before.
            let Some(previous) = remark_previous_year(cell) else {
                return false;
            };
            let context = self.context();
            let year_before = YearKind {
                year: context.year.map(|year| shifted(year, -1)),
                kind: Some(BudgetKind::Initial),
            };
            self.card_figure(number, previous, year_before, None);
            return true;
        }
        let figure = cell.trim();
        let bare = parse_number(figure).is_some() && find_amounts(figure).is_empty();
        let year_like = figure.chars().count() == 4
            && parse_number(figure).is_some_and(|value| {
                i64::try_from(value).is_ok_and(|value| YEARS.contains(&value))
            });
        if !bare || year_like || !self.opened_by_figureless_item(above) {
            return false;
        }
        self.card_figure(number, figure, self.context(), None);
        self.lone_figure_line = Some(number);
        true
    }

    /// Whether line `above` is an item's line holding no figure that opened the item still
    /// open, which has no figure yet.
    fn opened_by_figureless_item(&self, above: usize) -> bool {
        let line = strip_markup(self.line(above));
        let item_without_figures = numbered(&line).is_some_and(|found| {
            inline_figures(found.title).is_empty() && cells(found.title).len() == 1
        });
        item_without_figures
            && self.open.last().is_some_and(|item| {
                item.main_budget.is_none() && matches!(item.role, Role::Heading | Role::Bullet)
            })
    }

    /// The nearest line above `number` that is not blank.
    pub(super) fn nonempty_line_above(&self, number: usize) -> Option<usize> {
        (1..number).rev().find(|n| !self.line(*n).trim().is_empty())
    }
}
