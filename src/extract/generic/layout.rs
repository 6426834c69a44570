//! Tables laid out with spaces, as a PDF's text or a fixed-width budget book sets them: each
//! cell is read under the header cell it stands beneath, not by its place in the row, so a
//! row that leaves columns empty keeps its figures in theirs; and a breakdown set beside the
//! table (`節 | 区分 | 金額` in a 事項別明細書) is told apart from the table's own rows.

use crate::extract::recognise::amounts::{CELL_BARS, Column, cells, spaced_word_ranges};
use crate::extract::recognise::names::without_spaces;
use unicode_width::UnicodeWidthStr;

/// Most display columns between the right edge of a figure and that of its header cell.
const MAX_EDGE_DISTANCE: usize = 4;

/// Header words that open a breakdown of each row into objects of expenditure (節): its
/// lines are no items of their own.
pub(super) const BREAKDOWN_HEADS: [&str; 1] = ["節"];

/// One column of a header stacked from two lines laid out with spaces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct StackedColumn {
    /// The index of the header cell above it.
    pub(super) upper: usize,
    /// Its words, those of the header cell above first.
    pub(super) words: String,
    /// Whether the lower line added words to it.
    pub(super) added: bool,
}

/// Where the columns of a space-laid table stand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct TableLayout {
    /// The display span (first column, column past the end) of each header cell.
    spans: Vec<(usize, usize)>,
    /// The words of each header cell (those of the header lines above it joined).
    words: Vec<String>,
    /// The first column of a breakdown set beside the table, by index.
    breakdown: Option<usize>,
    /// The display column where the breakdown's head starts when it stands on a header
    /// line above the header's cells (`節` over `区　分　金　額`).
    breakdown_head: Option<usize>,
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

/// The words of a header line laid out with spaces, each with its display span: letters set
/// a space apart are one word (`前 年 度`, `比　　較`), and a rule drawn beside the words
/// (`│`, `------`) is none.
fn header_words(line: &str) -> Vec<(String, (usize, usize))> {
    header_word_cells(line)
        .into_iter()
        .filter_map(|word| {
            let span = span_in(line, word)?;
            Some((word.split_whitespace().collect(), span))
        })
        .collect()
}

/// The words of a header line laid out with spaces, as slices of it: parted at every
/// space, so two header cells one space apart (`一般財源 区　分`) are two words, while
/// letters set evenly a space apart are one (`区　分`, `比　　較`), and a rule drawn beside
/// the words (`│`, `------`) is none.
pub(super) fn header_word_cells(line: &str) -> Vec<&str> {
    let mut words: Vec<std::ops::Range<usize>> = Vec::new();
    // Whether the last word is letters set apart, and the gap between them once known: one
    // word's letters are set evenly (`地 方 債    そ の 他` is two words).
    let mut spaced_run: Option<Option<usize>> = None;
    let mut last_end = 0;
    for word in line.split_whitespace() {
        let (Some(bytes), Some((start, end))) = (byte_range(line, word), span_in(line, word))
        else {
            continue;
        };
        if super::is_rule_line(word) {
            spaced_run = None;
            continue;
        }
        let letter = word.chars().count() == 1 && word.chars().all(char::is_alphabetic);
        let last = words.last_mut().filter(|_| letter);
        match (last, spaced_run) {
            (Some(range), Some(gap))
                if start - last_end <= MAX_LETTER_GAP
                    && gap.is_none_or(|gap| gap == start - last_end) =>
            {
                spaced_run = Some(Some(start - last_end));
                range.end = bytes.end;
            }
            _ => {
                spaced_run = letter.then_some(None);
                words.push(bytes);
            }
        }
        last_end = end;
    }
    words.into_iter().map(|range| &line[range]).collect()
}

/// The display column `cell`, a slice of `line`, starts at, when `line` is laid out with
/// spaces.
pub(super) fn display_start(line: &str, cell: &str) -> Option<usize> {
    space_laid(line)
        .then(|| span_in(line, cell))
        .flatten()
        .map(|(start, _)| start)
}

/// Most display columns between the letters of a letter-spaced header word (`比　　較`).
const MAX_LETTER_GAP: usize = 4;

/// The cell of a line of header words alone that is a breakdown's head (`節` in
/// `本年度の財源内訳　　節`); `None` for any other line.
pub(super) fn breakdown_head_cell(line: &str) -> Option<&str> {
    let row = cells(line);
    let words = row
        .iter()
        .all(|cell| cell.chars().any(char::is_alphabetic) && !cell.chars().any(char::is_numeric));
    if !words {
        return None;
    }
    row.into_iter()
        .find(|cell| BREAKDOWN_HEADS.contains(&without_spaces(cell).as_str()))
}

/// Whether a line is laid out with spaces (no tabs, no `|` cells).
fn space_laid(line: &str) -> bool {
    !line.contains('\t') && !line.trim_start().starts_with(CELL_BARS)
}

impl TableLayout {
    /// The layout of a header row `row` (slices of `line`) with `width` columns; `None`
    /// unless the line is laid out with spaces and has a cell, or a letter-spaced word
    /// (`説　　明`), for every column.
    pub(super) fn of_header(line: &str, row: &[&str], width: usize) -> Option<TableLayout> {
        if !space_laid(line) {
            return None;
        }
        let words = if row.len() == width {
            (0..width).map(|index| index..index + 1).collect()
        } else {
            spaced_word_ranges(row)
        };
        if words.len() != width {
            return None;
        }
        let spans = words
            .iter()
            .map(|range| {
                let (start, _) = span_in(line, row[range.start])?;
                let (_, end) = span_in(line, row[range.end - 1])?;
                Some((start, end))
            })
            .collect::<Option<Vec<_>>>()?;
        let words: Vec<String> = words.into_iter().map(|range| row[range].concat()).collect();
        let breakdown = words.iter().enumerate().skip(1).find_map(|(index, word)| {
            let compact = without_spaces(word);
            BREAKDOWN_HEADS
                .iter()
                .any(|head| compact.starts_with(head))
                .then_some(index)
        });
        Some(TableLayout {
            spans,
            words,
            breakdown,
            breakdown_head: None,
        })
    }

    /// The layout with a breakdown whose head (`節`) stands on the header's line above,
    /// `line` (`本年度の財源内訳　　節` over `款項目 本年度 … ──── 説明`): it starts at the
    /// first header cell that ends past the head's start. The layout as it is when it has a
    /// breakdown already or `line` is no line of header words.
    pub(super) fn with_breakdown_above(mut self, line: &str) -> Self {
        if self.breakdown.is_some() || !space_laid(line) {
            return self;
        }
        if let Some((start, _)) = breakdown_head_cell(line).and_then(|cell| span_in(line, cell)) {
            self.breakdown = (1..self.spans.len()).find(|index| self.spans[*index].1 > start);
            self.breakdown_head = self.breakdown.map(|_| start);
        }
        self
    }

    /// Whether the first cell of `row` (slices of `line`), a word, starts past the end of
    /// the header cell at `index`.
    pub(super) fn starts_after(&self, line: &str, row: &[&str], index: usize) -> bool {
        let (Some(first), Some(span)) = (row.first(), self.spans.get(index)) else {
            return false;
        };
        space_laid(line)
            && first.chars().any(char::is_alphabetic)
            && span_in(line, first).is_some_and(|(start, _)| start >= span.1)
    }

    /// The header stacked with a line of header words laid out under it (`特定財源 一般財源
    /// 区分 金額` under `本年度の財源内訳 節`): each cell of `row` (slices of `line`) stands
    /// under the header cell it overlaps most, or else the one on its left when that column
    /// (of `columns`, the header's) holds no figures, else the nearer neighbour. A header
    /// cell with one cell under it takes its words; one with several is parted into them.
    /// Returns each column's words, whether the line added to them, and the new layout;
    /// `None` when a cell stands under the first header cell, which names the rows, or left
    /// of every header cell.
    pub(super) fn stacked(
        &self,
        line: &str,
        row: &[&str],
        columns: &[Column],
    ) -> Option<(Vec<StackedColumn>, Self)> {
        if !space_laid(line) {
            return None;
        }
        let mut under: Vec<Vec<(usize, (usize, usize))>> = vec![Vec::new(); self.spans.len()];
        for (cell_index, cell) in row.iter().enumerate() {
            let (start, end) = span_in(line, cell)?;
            let index = self.column_under((start, end), columns)?;
            if index == 0 {
                // Words under the column that names the rows: a row of the table, or a new
                // header, not the header's second line.
                return None;
            }
            under[index].push((cell_index, (start, end)));
        }
        let mut columns = Vec::with_capacity(self.spans.len() + row.len());
        let mut spans = Vec::with_capacity(columns.capacity());
        let mut breakdown = None;
        for (index, cells) in under.iter().enumerate() {
            if self.breakdown == Some(index) {
                breakdown = Some(columns.len());
            }
            let upper = &self.words[index];
            match cells.as_slice() {
                [] => {
                    columns.push(StackedColumn {
                        upper: index,
                        words: upper.clone(),
                        added: false,
                    });
                    spans.push(self.spans[index]);
                }
                [(cell, (start, end))] => {
                    columns.push(StackedColumn {
                        upper: index,
                        words: format!("{upper}{}", row[*cell]),
                        added: true,
                    });
                    let (from, to) = self.spans[index];
                    spans.push((from.min(*start), to.max(*end)));
                }
                parts => {
                    for (cell, span) in parts {
                        columns.push(StackedColumn {
                            upper: index,
                            words: format!("{upper}{}", row[*cell]),
                            added: true,
                        });
                        spans.push(*span);
                    }
                }
            }
        }
        let words = columns.iter().map(|column| column.words.clone()).collect();
        Some((
            columns,
            TableLayout {
                spans,
                words,
                breakdown,
                breakdown_head: self.breakdown_head,
            },
        ))
    }

    /// The header cell a word of the line under the header, at display span `(start, end)`,
    /// stands under: the one it overlaps most; under none, the breakdown's head on its
    /// right when nearer (`区　分` left of `節`), else the cell on its left when that holds
    /// words (a heading wider than its own, `本年度の財源内訳`), else the nearer of its two
    /// neighbours, the right one when as near as a left one of figures.
    fn column_under(&self, (start, end): (usize, usize), columns: &[Column]) -> Option<usize> {
        let overlap = |(from, to): (usize, usize)| to.min(end).saturating_sub(from.max(start));
        let most = (0..self.spans.len())
            .map(|index| (index, overlap(self.spans[index])))
            .filter(|(_, overlap)| *overlap > 0)
            .max_by_key(|(index, overlap)| (*overlap, std::cmp::Reverse(*index)))
            .map(|(index, _)| index);
        let left = (0..self.spans.len())
            .rev()
            .find(|index| self.spans[*index].0 <= start);
        let right = (0..self.spans.len()).find(|index| self.spans[*index].0 >= end);
        let gap = |index: usize| {
            let (from, to) = self.spans[index];
            if to <= start {
                start - to
            } else {
                from.saturating_sub(end)
            }
        };
        most.or(match (left, right) {
            // `区　分` under `節` on the line above, nearer the funding column on its left
            // than the breakdown's first header cell on its right.
            (Some(left), Some(right))
                if self.breakdown == Some(right)
                    && (gap(right) < gap(left)
                        || self.breakdown_head.is_some_and(|head| end > head)) =>
            {
                Some(right)
            }
            (Some(left), _) if columns.get(left) == Some(&Column::Other) => Some(left),
            // `国県支出金` one column past `比　較` and one before `特定財源`: a column of
            // figures is no heading over words wider than itself.
            (Some(left), Some(right))
                if gap(right) < gap(left)
                    || (gap(right) == gap(left)
                        && columns.get(left).is_some_and(super::tables::holds_figures)) =>
            {
                Some(right)
            }
            (left, _) => left,
        })
    }

    /// The cells of `row` (slices of `line`), a line of header words under the header, with
    /// a cell holding words one space apart that stand under different header cells
    /// (`一般財源 区　分` under `本年度の財源内訳` and `節`) parted into them.
    pub(super) fn parted_words<'l>(
        &self,
        line: &'l str,
        row: &[&'l str],
        columns: &[Column],
    ) -> Vec<&'l str> {
        let mut parted = Vec::with_capacity(row.len());
        for cell in row {
            let words = header_word_cells(cell);
            let placed: Option<Vec<usize>> = words
                .iter()
                .map(|word| self.column_under(span_in(line, word)?, columns))
                .collect();
            let apart = placed.is_some_and(|placed| placed.windows(2).all(|w| w[0] != w[1]));
            if words.len() >= 2 && apart {
                parted.extend(words);
            } else {
                parted.push(cell);
            }
        }
        parted
    }

    /// The header laid out with spaces over several lines, `lines` top first, stacked over
    /// the cells of the first row under it, `row` (slices of `line`): each word of each line
    /// (parted at spaces, so `増△減額 増△減率` one space apart gives two) goes to the row's
    /// cell it overlaps most, else the nearest, and a column's words join top to bottom
    /// (`令和７年度` over `予算額` over `(百万円)`). `None` unless every line and the row are
    /// laid out with spaces and every cell of the row gets words.
    pub(super) fn over_row(lines: &[&str], line: &str, row: &[&str]) -> Option<TableLayout> {
        if !space_laid(line) || lines.iter().any(|header| !space_laid(header)) {
            return None;
        }
        let cell_spans = row
            .iter()
            .map(|cell| span_in(line, cell))
            .collect::<Option<Vec<_>>>()?;
        let mut words = vec![String::new(); row.len()];
        let mut spans = cell_spans.clone();
        for header in lines {
            for (word, (start, end)) in header_words(header) {
                let overlap =
                    |(from, to): (usize, usize)| to.min(end).saturating_sub(from.max(start));
                let gap = |(from, to): (usize, usize)| {
                    if to <= start {
                        start - to
                    } else {
                        from.saturating_sub(end)
                    }
                };
                let index = (0..row.len()).max_by_key(|index| {
                    let span = cell_spans[*index];
                    (overlap(span), std::cmp::Reverse(gap(span)))
                })?;
                words[index].push_str(&word);
                let (from, to) = spans[index];
                spans[index] = (from.min(start), to.max(end));
            }
        }
        if words.iter().any(String::is_empty) {
            return None;
        }
        Some(TableLayout {
            spans,
            words,
            breakdown: None,
            breakdown_head: None,
        })
    }

    /// The words of each header cell.
    pub(super) fn words(&self) -> &[String] {
        &self.words
    }

    /// The layout with a column of row labels before the first header cell, which a header
    /// naming only its figures' columns (`令和5年度 … 令和8年度要求`) leaves without a word.
    pub(super) fn with_label_column(mut self) -> Self {
        let first = self.spans.first().map_or(0, |span| span.0);
        self.spans.insert(0, (0, first));
        self.words.insert(0, String::new());
        self.breakdown = self.breakdown.map(|from| from + 1);
        self
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
        let Some(from) = self.breakdown_start() else {
            return false;
        };
        let first = row.first().and_then(|cell| span_in(line, cell));
        space_laid(line) && first.is_some_and(|(start, _)| start >= from)
    }

    /// The display column a breakdown's cells start at or after: past the end of the table's
    /// last own column (a 節's number may stand left of its header cell), and no later than
    /// its first header cell.
    fn breakdown_start(&self) -> Option<usize> {
        let index = self.breakdown?;
        let head = self.spans.get(index)?.0;
        let own_end = index
            .checked_sub(1)
            .and_then(|last| self.spans.get(last))
            .map_or(head, |span| span.1);
        Some(own_end.min(head.saturating_sub(1)))
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
            // A figure wider than its header cell, which is centred over it, overlaps it.
            let overlapping = || {
                (1..last)
                    .map(|index| {
                        let (from, to) = self.spans[index];
                        (index, to.min(end).saturating_sub(from.max(start)))
                    })
                    .filter(|(_, overlap)| *overlap > 0)
                    .max_by_key(|(index, overlap)| (*overlap, std::cmp::Reverse(*index)))
                    .map(|(index, _)| index)
            };
            let index = if distance <= MAX_EDGE_DISTANCE {
                index
            } else if cell.chars().any(char::is_alphabetic) {
                self.column_starting(start, last)?
            } else {
                overlapping()?
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
    /// not start under the label column: a line of its own in a notes column, maybe set
    /// flush left in a column wider than its header word.
    pub(super) fn column_of_first(&self, line: &str, row: &[&str]) -> Option<usize> {
        let (start, _) = span_in(line, row.first()?)?;
        if !space_laid(line) || start < self.spans.get(1)?.0 {
            return None;
        }
        self.column_starting(start, self.own_width()).or_else(|| {
            // Words set flush left in a wide column whose header word is centred over it
            // (`１ 保健センター管理運営費` under `説　　　明`) start left of that word, past the
            // end of the header cell before it.
            let index = (1..self.own_width()).find(|index| self.spans[*index].0 > start)?;
            (self.spans[index - 1].1 <= start).then_some(index)
        })
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
        let mut words = self.words.clone();
        words.splice(index..=index, row.iter().map(|cell| cell.to_string()));
        let breakdown = self.breakdown.map(|from| {
            if from > index {
                from + parts.len() - 1
            } else {
                from
            }
        });
        Some(TableLayout {
            spans,
            words,
            breakdown,
            breakdown_head: self.breakdown_head,
        })
    }

    /// The cells of `row` (slices of `line`) that stand before the breakdown set beside the
    /// table: a row of the table with the first line of its breakdown beside it (`1 総務管理費
    /// 912,300 … 1 報酬 14,820`) keeps its own cells. The whole row when there is no
    /// breakdown.
    pub(super) fn own_cells<'r, 's>(&self, line: &str, row: &'s [&'r str]) -> &'s [&'r str] {
        let Some(from) = self.breakdown_start() else {
            return row;
        };
        let own = row
            .iter()
            .take_while(|cell| span_in(line, cell).is_some_and(|(start, _)| start < from))
            .count();
        &row[..own]
    }

    /// The number of columns the table's own rows may fill (those before a breakdown).
    pub(super) fn own_width(&self) -> usize {
        self.breakdown.unwrap_or(self.spans.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_cells_one_space_apart_are_two_words_and_spaced_letters_one() {
        let line = "  予算額   特　定　財　源      一般財源 区　分      比　　較";
        assert_eq!(
            header_word_cells(line),
            ["予算額", "特　定　財　源", "一般財源", "区　分", "比　　較"]
        );
    }

    #[test]
    fn letters_set_evenly_apart_are_one_header_word_and_rules_are_none() {
        let line =
            "  前 年 度     本 年 度  │  地 方 債    そ の 他   比\u{3000}\u{3000}較  --------";
        let words: Vec<String> = header_words(line).into_iter().map(|(w, _)| w).collect();
        assert_eq!(words, ["前年度", "本年度", "地方債", "その他", "比較"]);
        let (_, span) = &header_words(line)[0];
        assert_eq!(*span, (2, 10), "the word spans its letters");
    }

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
    fn a_header_line_laid_out_under_the_header_joins_and_parts_its_cells() {
        let upper = format!(
            "項{}本年度{}前年度{}比較{}本年度の財源内訳{}節",
            " ".repeat(10),
            " ".repeat(4),
            " ".repeat(4),
            " ".repeat(2),
            " ".repeat(12)
        );
        let row = cells(&upper);
        let layout = TableLayout::of_header(&upper, &row, row.len()).expect("layout");
        assert_eq!(layout.breakdown, Some(5));
        // `特定財源` and `一般財源` part 本年度の財源内訳; `区分` and `金額` stand under 節.
        let start = upper[..upper.find("本年度の").expect("funding head")].width();
        let lower = format!(
            "{}特定財源{}一般財源    区分      金額",
            " ".repeat(start),
            " ".repeat(6)
        );
        let header = [Column::Label, Column::Other, Column::Other, Column::Other];
        let (columns, stacked) = layout
            .stacked(&lower, &cells(&lower), &header)
            .expect("stacked");
        let words: Vec<&str> = columns.iter().map(|c| c.words.as_str()).collect();
        assert_eq!(
            words,
            [
                "項",
                "本年度",
                "前年度",
                "比較",
                "本年度の財源内訳特定財源",
                "本年度の財源内訳一般財源",
                "節区分",
                "節金額"
            ]
        );
        assert_eq!(stacked.breakdown, Some(6));
        assert!(columns[..4].iter().all(|column| !column.added));
        // A row names the rows under the first header cell: no header line.
        let row_line = "議会費        96,420";
        assert_eq!(layout.stacked(row_line, &cells(row_line), &header), None);
    }

    #[test]
    fn a_breakdown_head_on_the_line_above_the_header_starts_the_breakdown() {
        let header = format!("款{}本年度  前年度  一般財源  ─────  説明", " ".repeat(10));
        let rule = header[..header.find('─').expect("rule")].width();
        let above = format!("{}節", " ".repeat(rule + 2));
        let row = cells(&header);
        let layout = TableLayout::of_header(&header, &row, row.len())
            .expect("layout")
            .with_breakdown_above(&above);
        assert_eq!(layout.breakdown, Some(4));
        // The 節's number stands left of its header cell, past the table's own columns.
        let line = format!(
            "議会費{}78,432  76,915    78,432 1 報酬  27,455",
            " ".repeat(9)
        );
        let row = cells(&line);
        assert_eq!(
            layout.own_cells(&line, &row),
            ["議会費", "78,432", "76,915", "78,432"]
        );
        let breakdown = format!("{}3 職員手当等  19,608", " ".repeat(rule - 1));
        assert!(layout.is_breakdown_row(&breakdown, &cells(&breakdown)));
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
