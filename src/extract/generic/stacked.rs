//! Fields stacked over their values: a card's small table whose cells a PDF's text gives
//! one per line, column after column (`令和８年度予算額` / `令和７年度予算額` / `増 減`, then
//! `842,615千円` / `810,300千円` / `32,315千円`). Each value is the figure, change or rate its
//! label names, of the name right above the labels.

use super::tables::is_figure_cell;
use super::{Reader, Role, is_name_line};
use crate::extract::recognise::amounts::{Column, cell_amount, cells, column_of};
use crate::extract::recognise::names::{clean_name, strip_markup, without_spaces};
use crate::money::{find_amounts, parse_number};

/// Most lines between the run of labels and the run of their values: blank lines and the
/// marks of the card beside (`No.2`).
const MAX_GAP_LINES: usize = 4;
/// Longest label of a stacked field, in chars (`令和８年度当初予算額（千円）`).
const MAX_LABEL_CHARS: usize = 24;
/// Longest line between the two runs that is neither a label nor a value, in chars.
const MAX_GAP_LINE_CHARS: usize = 6;

/// A label and the line and text of its value.
struct Field {
    column: Column,
    line: usize,
    value: String,
}

impl Reader<'_> {
    /// Reads the fields whose labels start at line `number`, when two or more labels of
    /// figures stand on lines of their own and as many values follow them: each figure goes
    /// to the name above the labels (opened as a row) or else to the current item. Returns
    /// whether the lines were read; they are then skipped.
    pub(super) fn stacked_fields(&mut self, number: usize) -> bool {
        // Most lines are no label: they are told apart before anything is read.
        if self.line(number).trim().chars().count() > MAX_LABEL_CHARS {
            return false;
        }
        let context = self.context();
        let label_at = |n: usize| -> Option<Column> {
            let text = self.plain_line(n)?;
            let text = text.trim();
            if cells(text).len() != 1 || parse_number(text).is_some() {
                return None;
            }
            if !find_amounts(text).is_empty() {
                return None;
            }
            match column_of(1, &without_spaces(text), context) {
                column @ (Column::Figure(..) | Column::Change(_) | Column::Rate) => Some(column),
                Column::Label | Column::Other => None,
            }
        };
        let mut columns = Vec::new();
        while let Some(column) = label_at(number + columns.len()) {
            columns.push(column);
        }
        let figures = columns
            .iter()
            .filter(|c| matches!(c, Column::Figure(..)))
            .count();
        if columns.len() < 2 || figures == 0 {
            return false;
        }
        let Some(fields) = self.values_after(number + columns.len(), columns) else {
            return false;
        };
        let Some(last) = fields.last().map(|field| field.line) else {
            return false;
        };
        let owner = self.owner_above(number);
        let Some(item) = owner.and_then(|index| self.open.get(index)).cloned() else {
            return false;
        };
        let mut main = None;
        let (mut change, mut rate) = (None, None);
        for field in &fields {
            match field.column {
                Column::Figure(year_kind, unit) => {
                    let unit = unit.or(self.unit);
                    let Some(amount) = cell_amount(&field.value, unit).filter(|a| !a.is_zero())
                    else {
                        continue;
                    };
                    let source = self.c.source(field.line, &field.value);
                    let written = unit.map(|unit| (field.value.as_str(), unit));
                    let Some((id, year)) =
                        self.emit_figure(&item, year_kind, amount, source, written)
                    else {
                        continue;
                    };
                    let newest = main.as_ref().is_none_or(|(_, y)| year > *y);
                    if newest {
                        main = Some((id, year));
                    }
                }
                Column::Change(unit) => change = cell_amount(&field.value, unit.or(self.unit)),
                Column::Rate => rate = parse_number(&field.value),
                Column::Label | Column::Other => {}
            }
        }
        if let Some((id, _)) = main {
            self.put_change(&id, change, rate);
            if let Some(open) = owner.and_then(|index| self.open.get_mut(index)) {
                open.main_budget.get_or_insert(id);
            }
        }
        self.read_through = last;
        true
    }

    /// The values of `columns` on the lines from `from` on, after at most a few lines of
    /// nothing (blank, or a short mark such as `No.2`); blank lines may part the values.
    /// `None` unless there is a value for every column.
    fn values_after(&self, from: usize, columns: Vec<Column>) -> Option<Vec<Field>> {
        let mut line = from;
        let mut gap = 0;
        while self.plain_line(line)?.trim().is_empty() || self.is_gap_mark(line) {
            gap += 1;
            line += 1;
            if gap > MAX_GAP_LINES {
                return None;
            }
        }
        let mut fields = Vec::with_capacity(columns.len());
        for column in columns {
            while self.plain_line(line)?.trim().is_empty() {
                line += 1;
            }
            let value = self.line(line).trim();
            if !is_figure_cell(value) {
                return None;
            }
            fields.push(Field {
                column,
                line,
                value: value.to_string(),
            });
            line += 1;
        }
        Some(fields)
    }

    /// Whether line `number` is a short mark of no value between the labels and the values
    /// (`No.2`, the number of the card beside).
    fn is_gap_mark(&self, number: usize) -> bool {
        self.plain_line(number).is_some_and(|text| {
            let text = text.trim();
            text.chars().count() <= MAX_GAP_LINE_CHARS
                && find_amounts(text).is_empty()
                && !is_figure_cell(text)
        })
    }

    /// The item the fields starting at line `number` belong to: the name on the line right
    /// above them (blank lines skipped), opened as a row, else the current item. Returns its
    /// index among the open items.
    fn owner_above(&mut self, number: usize) -> Option<usize> {
        let above = (1..number)
            .rev()
            .find(|n| self.plain_line(*n).is_some_and(|t| !t.trim().is_empty()));
        let named = above.filter(|n| is_name_line(self.line(*n)));
        let Some(line) = named else {
            return self.open.len().checked_sub(1);
        };
        let written = self.line(line).trim().to_string();
        self.open.retain(|item| item.role != Role::Row);
        let source = self.c.source(line, &written);
        let index = self.open_sub_item(clean_name(&written), source);
        self.open[index].role = Role::Row;
        Some(index)
    }

    /// The text of line `number` without markup; `None` past the end of the document.
    pub(super) fn plain_line(&self, number: usize) -> Option<String> {
        (number >= 1 && number <= self.c.doc.lines.len()).then(|| strip_markup(self.line(number)))
    }
}
