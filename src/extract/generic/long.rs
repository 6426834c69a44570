//! Tables in long form, as open data gives them: one row per item and figure, a column
//! naming which figure the row holds (`区分`: 予算額, 前年度予算額, 増減額, 決算額, …), one
//! holding its value (`値`) and maybe one its unit (`単位`), under a header such as
//! `年度 | 会計 | 事業名 | 所管課 | 区分 | 値 | 単位 | 備考`. Each row's figure is read as a
//! column of that name would be read, for the item its name column names.

use super::{NAME_FIELDS, Reader, Role};
use crate::extract::recognise::amounts::{
    Column, YearKind, cell_amount, column_of, names_revenue, names_years, tab_cells, unit_declared,
    year_cell,
};
use crate::extract::recognise::names::{clean_name, without_spaces};
use crate::money::parse_number;

/// Headers of the column naming which figure a row holds.
const MEASURE_HEADERS: [&str; 5] = ["区分", "項目", "種別", "予算区分", "数値区分"];
/// Headers of the column holding a row's value.
const VALUE_HEADERS: [&str; 5] = ["値", "数値", "金額", "額", "値(千円)"];
/// Headers of the column holding a row's unit.
const UNIT_HEADERS: [&str; 2] = ["単位", "金額単位"];

/// Where a long table keeps each part of its rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct LongTable {
    width: usize,
    name: usize,
    measure: usize,
    value: usize,
    unit: Option<usize>,
    year: Option<usize>,
    /// The unit the value column's header declares (`金額（千円）`).
    header_unit: Option<&'static str>,
}

impl LongTable {
    /// The long table a tab-separated header row starts: it names the items, the figure of
    /// each row and its value. `None` for any other row.
    pub(super) fn of_header(raw: &str) -> Option<LongTable> {
        // A header holds no numbers; most rows of other tables are told apart at once.
        if raw.chars().any(char::is_numeric) {
            return None;
        }
        let cells = tab_cells(raw)?;
        let header: Vec<String> = cells.iter().map(|cell| without_spaces(cell)).collect();
        let find = |names: &[&str]| {
            header
                .iter()
                .position(|cell| names.iter().any(|name| cell == name))
        };
        let value = header.iter().position(|cell| {
            VALUE_HEADERS
                .iter()
                .any(|name| cell == name || cell.split('（').next() == Some(name))
        })?;
        Some(LongTable {
            width: cells.len(),
            name: find(&NAME_FIELDS)?,
            measure: find(&MEASURE_HEADERS)?,
            unit: find(&UNIT_HEADERS),
            year: header.iter().position(|cell| names_years(cell)),
            header_unit: unit_declared(&header[value]),
            value,
        })
    }
}

impl Reader<'_> {
    /// Reads a row of the long table being read: its figure, change or rate goes to the
    /// item its name column names (the row's item when the row above named it too). False
    /// when the line is no row of it, which ends the table.
    pub(super) fn long_row(&mut self, number: usize, raw: &str) -> bool {
        let Some(table) = self.long_table.clone() else {
            return false;
        };
        let Some(row) = tab_cells(raw).filter(|row| row.len() == table.width) else {
            self.long_table = None;
            return false;
        };
        let (name, measure, value) = (row[table.name], row[table.measure], row[table.value]);
        // `一般会計 | 歳入 | 市税 | 当初予算額 | …`: revenue.
        self.row_revenue = row[..=table.name].iter().any(|cell| names_revenue(cell));
        let unit = table
            .unit
            .and_then(|index| unit_declared(&format!("（{}）", row[index])))
            .or(table.header_unit)
            .or(self.unit);
        let row_year = table.year.and_then(|index| year_cell(row[index]));
        let context = YearKind {
            year: row_year.or(self.context().year),
            kind: self.context().kind,
        };
        let Some(owner) = self.long_item(number, name) else {
            return true;
        };
        let item = self.open[owner].clone();
        match column_of(1, &without_spaces(measure), context) {
            Column::Figure(year_kind, _) => {
                let Some(amount) = cell_amount(value, unit).filter(|a| !a.is_zero()) else {
                    return true;
                };
                let source = self.c.source(number, raw.trim());
                let written = unit.map(|unit| (value, unit));
                let Some((id, year)) = self.emit_figure(&item, year_kind, amount, source, written)
                else {
                    return true;
                };
                if Some(year) == context.year
                    && let Some(open) = self.open.get_mut(owner)
                {
                    open.main_budget.get_or_insert(id);
                }
            }
            Column::Change(_) => {
                if let Some(main) = item.main_budget {
                    self.put_change(&main, cell_amount(value, unit), None);
                }
            }
            Column::Rate => {
                if let Some(main) = item.main_budget {
                    self.put_change(&main, None, parse_number(value));
                }
            }
            Column::Label | Column::Other => {}
        }
        true
    }

    /// The open item of a long table's row named `name`: the row item the rows above opened
    /// for it, or a new one. Returns its index among the open items.
    fn long_item(&mut self, number: usize, name: &str) -> Option<usize> {
        let name = clean_name(name);
        if name.is_empty() {
            return None;
        }
        if let Some(index) = self
            .open
            .iter()
            .rposition(|item| item.role == Role::Row && item.name == name)
        {
            return Some(index);
        }
        self.open.retain(|item| item.role != Role::Row);
        let written = self.line(number).trim().to_string();
        let quote = written
            .split('\t')
            .find(|cell| clean_name(cell) == name)
            .unwrap_or(&written)
            .to_string();
        let source = self.c.source(number, &quote);
        let index = self.open_sub_item(name, source);
        self.open[index].role = Role::Row;
        Some(index)
    }
}
