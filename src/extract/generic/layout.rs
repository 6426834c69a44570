//! Tables laid out with spaces, as a PDF's text or a fixed-width budget book sets them: each
//! cell is read under the header cell it stands beneath, not by its place in the row, so a
//! row that leaves columns empty keeps its figures in theirs; and a breakdown set beside the
//! table (`節 | 区分 | 金額` in a 事項別明細書) is told apart from the table's own rows.

use crate::extract::recognise::amounts::{CELL_BARS, Column};
use unicode_width::UnicodeWidthStr;

/// Most display columns between the right edge of a figure and that of its header cell.
const MAX_EDGE_DISTANCE: usize = 4;

/// Header words that open a breakdown of each row into objects of expenditure (節): its
/// lines are no items of their own.
const BREAKDOWN_HEADS: [&str; 1] = ["節"];

/// Where the columns of a space-laid table stand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct TableLayout {
    /// The display span (first column, column past the end) of each header cell.
    spans: Vec<(usize, usize)>,
    /// The first column of a breakdown set beside the table, by index.
    breakdown: Option<usize>,
}

/// The bytes of `line` that `cell`, a slice of it, stands on; `None` when `cell` is not a
/// slice of `line`.
pub(super) fn byte_range(line: &str, cell: &str) -> Option<std::ops::Range<usize>> {
    let at = (cell.as_ptr() as usize).checked_sub(line.as_ptr() as usize)?;
    line.get(at..at + cell.len())?;
    Some(at..at + cell.len())
}

/// The display span of `cell`, a slice of `line`: full-width characters take two columns.
/// `None` when `cell` is not a slice of `line`.
fn span_in(line: &str, cell: &str) -> Option<(usize, usize)> {
    let bytes = byte_range(line, cell)?;
    let start = line.get(..bytes.start)?.width();
    Some((start, start + cell.width()))
}

/// Whether a line is laid out with spaces (no tabs, no `|` cells).
fn space_laid(line: &str) -> bool {
    !line.contains('\t') && !line.trim_start().starts_with(CELL_BARS)
}

impl TableLayout {
    /// The layout of a header row `row` (slices of `line`) with `width` columns; `None`
    /// unless the line is laid out with spaces and has a cell for every column.
    pub(super) fn of_header(line: &str, row: &[&str], width: usize) -> Option<TableLayout> {
        if !space_laid(line) || row.len() != width {
            return None;
        }
        let spans = row
            .iter()
            .map(|cell| span_in(line, cell))
            .collect::<Option<Vec<_>>>()?;
        let breakdown = row.iter().enumerate().skip(1).find_map(|(index, cell)| {
            let compact: String = cell.chars().filter(|c| !c.is_whitespace()).collect();
            BREAKDOWN_HEADS
                .iter()
                .any(|head| compact.starts_with(head))
                .then_some(index)
        });
        Some(TableLayout { spans, breakdown })
    }

    /// The columns with those of the breakdown set beside the table holding nothing to keep.
    pub(super) fn without_breakdown(&self, mut columns: Vec<Column>) -> Vec<Column> {
        if let Some(from) = self.breakdown {
            for column in columns.iter_mut().skip(from) {
                *column = Column::Other;
            }
        }
        columns
    }

    /// Whether the row `row` (slices of `line`) is a line of the breakdown: its first cell
    /// stands under the breakdown's columns.
    pub(super) fn is_breakdown_row(&self, line: &str, row: &[&str]) -> bool {
        let Some(from) = self.breakdown.and_then(|index| self.spans.get(index)) else {
            return false;
        };
        let first = row.first().and_then(|cell| span_in(line, cell));
        space_laid(line) && first.is_some_and(|(start, _)| start + 1 >= from.0)
    }

    /// The column each value cell of `row` (slices of `line`, the label first) stands under,
    /// by the right edges of the cell and of the header cells (figures are set flush
    /// right); `None` when a cell stands under no header cell or two share one.
    pub(super) fn value_columns(&self, line: &str, row: &[&str]) -> Option<Vec<usize>> {
        if !space_laid(line) {
            return None;
        }
        let last = self.breakdown.unwrap_or(self.spans.len());
        let mut placed: Vec<usize> = Vec::with_capacity(row.len());
        for cell in row.iter().skip(1) {
            let (start, end) = span_in(line, cell)?;
            let (index, distance) = (1..last)
                .map(|index| (index, self.spans[index].1.abs_diff(end)))
                .min_by_key(|(_, distance)| *distance)?;
            // Words are set flush left: a cell of words that ends under no header cell
            // stands under the one it starts at (`○職員人件費　1,012,348` under `説　明`).
            let index = if distance <= MAX_EDGE_DISTANCE {
                index
            } else {
                self.column_starting(start, last)
                    .filter(|_| cell.chars().any(char::is_alphabetic))?
            };
            if placed.last().is_some_and(|p| *p >= index) {
                return None;
            }
            placed.push(index);
        }
        Some(placed)
    }

    /// The last of the first `last` header cells a cell starting at display column `start`
    /// stands under, set flush left.
    fn column_starting(&self, start: usize, last: usize) -> Option<usize> {
        (1..last).rev().find(|index| {
            let (from, to) = self.spans[*index];
            start + MAX_EDGE_DISTANCE >= from && start < to
        })
    }

    /// The header cell the first cell of `row` (slices of `line`) stands under when it does
    /// not start under the label column: a line of its own in a notes column.
    pub(super) fn column_of_first(&self, line: &str, row: &[&str]) -> Option<usize> {
        let (start, _) = span_in(line, row.first()?)?;
        if !space_laid(line) || start < self.spans.get(1)?.0 {
            return None;
        }
        self.column_starting(start, self.own_width())
    }

    /// The index of the one header cell standing over the cells of `row` (slices of `line`),
    /// a row of words under the header that parts that cell (`本年度の財源内訳` over `国県支出金
    /// 地方債 その他 一般財源`); `None` unless exactly one header cell overlaps their extent.
    pub(super) fn parted_cell(&self, line: &str, row: &[&str]) -> Option<usize> {
        if !space_laid(line) {
            return None;
        }
        let spans = row
            .iter()
            .map(|cell| span_in(line, cell))
            .collect::<Option<Vec<_>>>()?;
        let (from, to) = (spans.first()?.0, spans.last()?.1);
        let mut over = (0..self.spans.len())
            .filter(|index| self.spans[*index].0 < to && self.spans[*index].1 > from);
        let index = over.next()?;
        over.next().is_none().then_some(index)
    }

    /// The layout with the header cell at `index` replaced by the cells of `row` (slices of
    /// `line`), the words that part it.
    pub(super) fn parted(&self, index: usize, line: &str, row: &[&str]) -> Option<TableLayout> {
        let parts = row
            .iter()
            .map(|cell| span_in(line, cell))
            .collect::<Option<Vec<_>>>()?;
        let mut spans = self.spans.clone();
        spans.splice(index..=index, parts.iter().copied());
        let breakdown = self.breakdown.map(|from| {
            if from > index {
                from + parts.len() - 1
            } else {
                from
            }
        });
        Some(TableLayout { spans, breakdown })
    }

    /// The number of columns the table's own rows may fill (those before a breakdown).
    pub(super) fn own_width(&self) -> usize {
        self.breakdown.unwrap_or(self.spans.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::recognise::amounts::cells;

    const HEADER: &str =
        "款　項　目          本年度予算額 前年度予算額    比較　　節　区分        金額";

    fn layout() -> TableLayout {
        let row: Vec<&str> = cells(HEADER)
            .into_iter()
            .flat_map(|cell| {
                if cell.contains("予算額 ") {
                    cell.split(' ').collect::<Vec<_>>()
                } else {
                    vec![cell]
                }
            })
            .collect();
        TableLayout::of_header(HEADER, &row, row.len()).expect("layout")
    }

    #[test]
    fn figures_stand_under_the_header_cell_they_end_with() {
        let layout = layout();
        // Each figure ends where its header cell ends (columns 32, 45 and 53).
        let line = format!(
            "１款　議会費{}513,005{}492,569  20,436",
            " ".repeat(13),
            " ".repeat(6)
        );
        let row = cells(&line);
        assert_eq!(layout.value_columns(&line, &row), Some(vec![1, 2, 3]));
        assert!(!layout.is_breakdown_row(&line, &row));
        assert_eq!(layout.own_width(), 4);
        let shifted = format!("１款　議会費{}513,005  492,569  20,436", " ".repeat(4));
        assert_eq!(layout.value_columns(&shifted, &cells(&shifted)), None);
    }

    #[test]
    fn a_line_under_the_breakdown_is_no_row_of_the_table() {
        let layout = layout();
        let line = format!("{}1　報酬      168,599", " ".repeat(57));
        assert!(layout.is_breakdown_row(&line, &cells(&line)));
        let columns = layout.without_breakdown(vec![Column::Label; 6]);
        assert_eq!(columns[4..], [Column::Other, Column::Other]);
    }
}
