//! A table's rows: where a table starts, and the cells of a row read as names, figures and marks.

use super::*;

impl<'a> Reader<'a> {
    /// Starts the table whose header, at line `number`, gives `columns`: nothing is known yet
    /// of its rows' kinds or of its header cells' own kinds and marks.
    pub(super) fn start_table(&mut self, number: usize, columns: Vec<Column>) {
        self.columns = Some(columns);
        self.table_band = None;
        self.header_line = number;
        self.header_top = number;
        self.header_words.clear();
        self.notes_last = false;
        self.table_depth = self.outline.depth();
        self.kind_rows = false;
        self.column_kinds.clear();
        self.column_marks.clear();
        self.column_pairs.clear();
        self.column_bills.clear();
        self.year_column = None;
        self.value_rows = false;
        self.unit_column = None;
        self.name_column = None;
        self.column_offsets.clear();
        self.column_names_year.clear();
        self.spanned_group = None;
        self.column_revenue.clear();
        self.revenue_table = self.caption_names_revenue(number);
    }

    /// A line of one cell that ends with a figure in the unit declared above, outside any
    /// table, as its label and its figure: a figure set one space after its name with the
    /// brackets the legend explains after it (`こども医療費助成事業　４，２１８（３，９８７）
    /// 【２３１】`), or a figure after a colon (`令和8年度当初予算額：748,215`,
    /// `…基金積立金：2,150（1,840）`). Any other row as it is.
    pub(super) fn with_figure_apart<'r>(&self, raw: &'r str, row: Vec<&'r str>) -> Vec<&'r str> {
        // `- **特別会計**（14会計）`, `> **金額の表示について**`: a Markdown bullet or quote
        // whose bold words came apart into cells is one line of text, no row of a table.
        let row = match row.as_slice() {
            [mark, _, ..] if ["-", "*", "+", ">"].contains(mark) => {
                let from_mark = (mark.as_ptr() as usize)
                    .checked_sub(raw.as_ptr() as usize)
                    .and_then(|at| raw.get(at..));
                match from_mark {
                    Some(line) => vec![line.trim_end()],
                    None => row,
                }
            }
            _ => row,
        };
        let [cell] = row.as_slice() else {
            return row;
        };
        if self.columns.is_some() || self.unit.is_none() {
            return row;
        }
        let bracketed = |tail: &str| !self.legend.is_empty() && figure_and_brackets(tail).is_some();
        let labelled = |label: &str| {
            label.chars().any(char::is_alphabetic)
                && !label.trim_end().ends_with(|c: char| c.is_numeric())
                && !opens_contact(&crate::normalize::nfkc(
                    label.trim_start_matches(['-', '*', ' ']),
                ))
        };
        let after_colon = cell.rsplit_once(['：', ':']).filter(|(label, tail)| {
            let tail = tail.trim();
            labelled(label) && (parse_number(tail).is_some() || bracketed(tail))
        });
        let after_space = || {
            cell.rsplit_once(char::is_whitespace)
                .filter(|(label, tail)| labelled(label) && bracketed(tail.trim()))
        };
        // (`- 令和7年度：208,133`: a Markdown bullet's mark is none of the label.)
        let unbulleted = |label: &'r str| {
            label
                .trim()
                .strip_prefix(['-', '*', '+'])
                .map_or(label, str::trim_start)
                .trim_end()
        };
        match after_colon.or_else(after_space) {
            Some((label, tail)) => vec![unbulleted(label), tail.trim()],
            None => row,
        }
    }

    /// A project sheet's field naming its project (`事業名 | 保育対策総合支援事業費補助金`,
    /// with no row of figures under it), or a level of the plan the sheet evaluates by its
    /// word, number and name (`施策 | 1-1 | 防災・減災対策の推進 | 関係課 | 建設課`): opens the
    /// project, closing the sheet before it and its tables; a level named on the line right
    /// under the level that opened the sheet is a part of it. False, with nothing read, for
    /// any other row.
    pub(super) fn name_field(&mut self, number: usize, row: &[&str]) -> bool {
        let Some((field, name, by_level)) = name_field_parts(row) else {
            return false;
        };
        let is_name = name.chars().count() >= MIN_FIELD_NAME_CHARS
            && parse_number(name).is_none()
            && find_amounts(name).is_empty()
            && !name.contains(['。', '、']);
        // `事 業 名 | 所管部局` over `2月補正額 | 当初予算額 | 前年度当初`: a line of a table's
        // header, over the rest of it or over rows.
        let context = self.context();
        let heads_rows = self.lines_after(number).next().is_some_and(|line| {
            let below = strip_markup(line);
            let below = cells(&below);
            // `所管課 | 子育て支援課 | 事業期間 | 平成28年度～`: more of the sheet's fields.
            if is_field_row(&below) {
                return false;
            }
            below
                .iter()
                .skip(1)
                .any(|cell| parse_number(cell).is_some() || tables::is_whole_amount(cell))
                || header_columns(&below, context).is_some()
        });
        // (A level's number in a cell of its own makes its row no line of a header.)
        if !(NAME_FIELDS.contains(&field.as_str()) || by_level)
            || !is_name
            || heads_rows && !by_level
        {
            return false;
        }
        let line_above = (1..number)
            .rev()
            .find(|above| !self.line(*above).trim().is_empty());
        let under_level = by_level && line_above.is_some() && self.sheet_level_line == line_above;
        // `基本目標 | 1 | こどもが健やかに育つまち | 主管部 | …` under the heading `施策 1-1 子育て
        // 支援の充実`: the level the heading's item stands in, a field of that item.
        let under_level_heading = !under_level
            && line_above.is_some_and(|above| names_plan_level(&strip_markup(self.line(above))));
        if by_level && under_level_heading {
            return false;
        }
        if !under_level
            && let Some(at) = self
                .sheet
                .as_ref()
                .and_then(|sheet| self.open.iter().position(|item| &item.id == sheet))
        {
            self.open.truncate(at);
        }
        self.sheet_level_line = by_level.then_some(number);
        self.open
            .retain(|item| item.role == Role::Heading || under_level);
        self.columns = None;
        self.layout = None;
        let source = self.c.source(number, name);
        let opened = self.open_sub_item(clean_name(name), source);
        self.sheet = Some(self.open[opened].id.clone());
        true
    }

    /// A line of labelled figures of the item above, outside any table (`本年度　１，１２８，４００
    /// 前年度　１，１０６，２００　　比較　２２，２００` under `１款　町税`, in the unit declared
    /// above): each pair read as a line of its own.
    pub(super) fn figure_pairs(&mut self, number: usize, raw: &str, row: &[&str]) -> bool {
        // A single space may part a label from its figure (`前年度　１，１０６，２００`).
        let row: Vec<&str> = row
            .iter()
            .flat_map(|cell| match cell.split_once(char::is_whitespace) {
                Some((label, figure))
                    if labels_figure(label) && tables::is_whole_amount(figure.trim()) =>
                {
                    vec![label, figure.trim()]
                }
                _ => vec![*cell],
            })
            .collect();
        let pairs = self.columns.is_none()
            && self.unit.is_some()
            && row.len() >= 4
            && row.len().is_multiple_of(2)
            && row
                .chunks(2)
                .all(|pair| labels_figure(pair[0]) && tables::is_whole_amount(pair[1]));
        if !pairs {
            return false;
        }
        // `　歳入合計` over its figures: a name on its own line, beside the item before it
        // when that one has its figures.
        if let Some((line, name, written)) = self.name_above(number) {
            if self
                .current()
                .is_some_and(|item| item.main_budget.is_some())
            {
                self.open.pop();
            }
            let source = self.c.source(line, &written);
            self.open_sub_item(name, source);
        }
        for pair in row.chunks(2) {
            self.table_row(number, raw, pair);
        }
        true
    }

    /// A header's second row of column marks alone (`区分 | 事項 | (A) | (B) | (A)－(B)` under
    /// `区分 | 事項 | 令和８年度要求額 | …`, its label cells spanned down): the marks are the
    /// columns'; it names no column anew. A second row of groupings (`事項別 | 柱別` under
    /// `金額 | 金額`) keeps the first column of figures; the others total another grouping
    /// (a pillar's sum beside its first item) and hold no figure of the row.
    pub(super) fn marks_row(&mut self, number: usize, row: &[&str]) -> bool {
        let Some(columns) = &self.columns else {
            return false;
        };
        let header = strip_markup(self.line(self.header_line));
        let above = cells(&header);
        // `（A）百万円` under `令和8年度 当初予算案`: the marks and the column's unit; `伸率（％）`
        // under the second of `比較 | 比較`: which part of a compared pair the column holds.
        let qualifies_at = |index: usize, cell: &str| {
            is_marks_cell(cell)
                || names_grouping(cell)
                || unit_after_marks(cell).is_some()
                || matches!(columns.get(index), Some(Column::Change(_)))
                    && matches!(word_column(cell), Column::Change(_) | Column::Rate)
        };
        // `(A) | (B) | (B)-(A)` under `区分 | 予算額 | 要求額 | 増減 | 増減率`, a PDF's text
        // leaving out the cells without a mark: the marks say nothing more of the columns.
        let fewer_marks = number == self.header_line + 1
            && row.len() < columns.len()
            && row.iter().all(|cell| is_marks_cell(cell));
        if fewer_marks {
            return true;
        }
        // `区分 | (A) | (B) | (C) | (A)+(B)+(C)` under `当初予算額 | 6月補正額 | …`, a header
        // that left out its label column: the label column's word stands first.
        let left_out = columns.len().saturating_sub(above.len());
        let fits = number == self.header_line + 1
            && row.len() == columns.len()
            && left_out <= 1
            && row
                .iter()
                .enumerate()
                .any(|(index, cell)| qualifies_at(index, cell))
            && row
                .iter()
                .enumerate()
                .all(|(index, cell)| match index.checked_sub(left_out) {
                    Some(upper) => {
                        qualifies_at(index, cell)
                            || above.get(upper).is_some_and(|word| word == cell)
                    }
                    None => {
                        columns[index] == Column::Label
                            && cell.chars().any(char::is_alphabetic)
                            && !cell.chars().any(char::is_numeric)
                            && !is_marks_cell(cell)
                    }
                });
        if !fits {
            return false;
        }
        self.column_marks = per_column(row, Some(0), column_marks);
        let mut first_grouping = true;
        let mut columns = columns.clone();
        for (column, cell) in columns.iter_mut().zip(row) {
            match (*column, unit_after_marks(cell)) {
                (Column::Figure(year_kind, None), Some(unit)) => {
                    *column = Column::Figure(year_kind, Some(unit));
                }
                (Column::Change(None), Some(unit)) => *column = Column::Change(Some(unit)),
                (Column::Change(_), None) if word_column(cell) == Column::Rate => {
                    *column = Column::Rate;
                }
                _ => {}
            }
            if names_grouping(cell) && matches!(column, Column::Figure(..)) {
                if !first_grouping {
                    *column = Column::Other;
                }
                first_grouping = false;
            }
        }
        self.columns = Some(columns);
        true
    }

    /// A line of column marks, or of empty cells, under the header that ends with the words
    /// of more columns (`（Ａ） | （Ｂ） | （Ａ）－（Ｂ） | 増減率` under `区分 | 令和８年度当初予算額 |
    /// 令和７年度当初予算額 | 対前年度比較増減額`, a PDF's text setting `増減率` beside the
    /// marks; `│　│…│国県支出金│その他│一般財源│` under a box-drawn header) when the rows
    /// below have a cell for each: the header gains them. False, with nothing read, for any
    /// other line.
    pub(super) fn row_adding_columns(&mut self, number: usize, row: &[&str]) -> bool {
        let Some(columns) = &self.columns else {
            return false;
        };
        // `│　│　│　│　│国県支出金│その他│一般財源│` under a box-drawn header: empty cells
        // under its own, then the words of the columns to their right (a 財源内訳).
        let empty = row.iter().take_while(|cell| cell.is_empty()).count();
        let under_header = match empty {
            0 => row.iter().take_while(|cell| is_marks_cell(cell)).count(),
            _ if empty == columns.len() => empty,
            _ => 0,
        };
        let added = &row[under_header..];
        let names_columns = |word: &&str| match empty {
            0 => is_column_word(word),
            _ => !word.is_empty() && !word.chars().any(char::is_numeric),
        };
        let widens = number == self.header_line + 1
            && under_header >= 2
            && !added.is_empty()
            && added.iter().all(names_columns)
            && self
                .lines_after(number)
                .find(|line| !is_rule_line(line))
                .filter(|line| is_table_line(line))
                .is_some_and(|line| {
                    cells(&strip_markup(line)).len() == columns.len() + added.len()
                });
        if !widens {
            return false;
        }
        let context = self.context();
        let mut columns = columns.clone();
        for word in added {
            columns.push(column_of(columns.len(), word, context));
        }
        self.columns = Some(columns);
        true
    }

    /// The columns of a header at line `number` whose every cell names figures (`令和５年度 |
    /// … | 令和９年度要求`) over rows with one cell more, their labels (`当初予算 | 43,218 |
    /// …`): a column of labels first, the one the header leaves without a word.
    pub(super) fn with_label_column_left_out(
        &self,
        number: usize,
        mut columns: Vec<Column>,
    ) -> Vec<Column> {
        // `本年度 | 前年度 | 倍率` over `事 業 費 | 2,184,000 | 2,162,300 | 1.01`; a column of
        // no budget may stand after the figures (`当初予算額 | 6月補正額 | 補正後予算額`).
        let all_figures = matches!(columns.first(), Some(Column::Figure(..)))
            && columns.iter().all(|c| {
                matches!(
                    c,
                    Column::Figure(..) | Column::Rate | Column::Change(_) | Column::Other
                )
            });
        // The first row below, past a lone word a PDF's text sets under the header (the
        // rest of the header's last cell, `主な増減理由`).
        let below = self
            .lines_after(number)
            .take(2)
            .find(|line| cells(&strip_markup(line)).len() > 1);
        // `予算 | 当初予算 | 20,631 | …`: maybe after a piece of a group's name written down
        // the side of the rows.
        let labelled_row_below = below.is_some_and(|line| {
            let plain = strip_markup(line);
            let row = cells(&plain);
            let label = match row.len().checked_sub(columns.len()) {
                Some(1) => row[0],
                Some(2) if tables::is_side_letters(row[0]) => row[1],
                _ => return false,
            };
            label.chars().any(char::is_alphabetic) && parse_number(label).is_none()
        });
        if all_figures && labelled_row_below {
            columns.insert(0, Column::Label);
        }
        columns
    }

    /// The cells of a line; a tab-separated row keeps its empty cells when that gives it a
    /// cell for every column of the table being read (a grid's row with a cell left empty),
    /// and loses them otherwise (tabs that only space the text).
    pub(super) fn row_cells<'r>(&self, raw: &'r str) -> Vec<&'r str> {
        let compact = cells(raw);
        let width = self.columns.as_ref().map(Vec::len);
        match tab_cells(raw) {
            Some(aligned) if Some(aligned.len()) == width && Some(compact.len()) != width => {
                aligned
            }
            _ => compact,
        }
    }
}

/// A name field's word without its spaces and the name it gives: two cells (`事業名 |
/// …`), the first pair of a row of fields and their values (`事業名 | … | 担当部局庁 | 農産局`),
/// a level of the plan by its word, number and name (flagged true), or one cell whose
/// letter-spaced word a space parts from the name (`事 業 名　…`).
fn name_field_parts<'r>(row: &[&'r str]) -> Option<(String, &'r str, bool)> {
    // A spreadsheet's row is as wide as its widest: the empty cells after the last are none.
    let written = row
        .iter()
        .rposition(|cell| !cell.trim().is_empty())
        .map_or(0, |last| last + 1);
    match &row[..written] {
        // `事業名　　：…`: a colon may part them.
        [field, name] => Some((
            without_spaces(field),
            name.trim_start_matches(['：', ':']).trim(),
            false,
        )),
        // `施策 | 1-1 | 防災・減災対策の推進 | 関係課 | 建設課、福祉課`: a level of the plan by its
        // word and number, its name, then fields in pairs.
        [level, code, name, rest @ ..]
            if rest.len().is_multiple_of(2)
                && is_field_row_or_none(rest)
                && names_plan_level(&format!("{level}\u{3000}{code}\u{3000}{name}"))
                && !name.chars().any(char::is_numeric) =>
        {
            Some((without_spaces(level), name.trim(), true))
        }
        // A sheet's grid of fields, two to a pair of cells: no cell names a year or a figure
        // (a header `事業名 | 令和８年度 | …` does).
        [field, name, ..]
            if row.len().is_multiple_of(2)
                && row.iter().all(|cell| {
                    let named = YearKind::read(cell);
                    named.year.is_none() && named.kind.is_none()
                }) =>
        {
            Some((without_spaces(field), name.trim(), false))
        }
        // `【事業名】…`: a bracket may hold the field's word.
        [line] => NAME_FIELDS.iter().find_map(|field| {
            let opened = line.trim_start();
            let mut rest = opened.strip_prefix(['【', '［']).unwrap_or(opened);
            let bracketed = rest.len() < opened.len();
            for letter in field.chars() {
                rest = rest
                    .strip_prefix(letter)?
                    .trim_start_matches([' ', '\u{3000}', '：', ':']);
            }
            let closed = rest.strip_prefix(['】', '］']);
            if bracketed != closed.is_some() {
                return None;
            }
            let rest = closed.unwrap_or(rest).trim_start();
            let parted = bracketed || rest.len() < opened.len() - field.len();
            parted.then(|| (field.to_string(), rest.trim(), false))
        }),
        _ => None,
    }
}

/// Whether cells are a row of fields in pairs, or none.
fn is_field_row_or_none(row: &[&str]) -> bool {
    row.is_empty() || is_field_row(row)
}

/// Whether a row is a sheet's fields and their values, two to a pair of cells (`所管課 |
/// 子育て支援課 | 事業期間 | 平成28年度～`): each label short and naming no year, kind or figure.
fn is_field_row(row: &[&str]) -> bool {
    row.len() >= 2
        && row.len().is_multiple_of(2)
        && row.iter().step_by(2).all(|label| {
            let label = without_spaces(label);
            let named = YearKind::read(&label);
            (1..=MAX_FIELD_LABEL_CHARS).contains(&label.chars().count())
                && named.year.is_none()
                && named.kind.is_none()
                && find_amounts(&label).is_empty()
                && parse_number(&label).is_none()
        })
}

/// Fewest chars of a project a sheet's name field names.
const MIN_FIELD_NAME_CHARS: usize = 4;

/// Most chars of a header cell naming how its column's figures are grouped (`事項別`).
const MAX_GROUPING_CHARS: usize = 6;

/// Whether a header cell names how its column's figures are grouped (`事項別`, `柱別`,
/// `会計別`).
fn names_grouping(cell: &str) -> bool {
    let folded = without_spaces(cell);
    folded.ends_with('別') && (2..=MAX_GROUPING_CHARS).contains(&folded.chars().count())
}

/// Whether a label names a figure or the change of one (`本年度`, `前年度`, `比較`).
fn labels_figure(label: &str) -> bool {
    is_figure_label(label) || matches!(column_of(1, label, YearKind::default()), Column::Change(_))
}
