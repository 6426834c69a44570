//! Table rows whose cells are centred vertically, as `pdftotext -layout` prints them: a cell
//! of one line sits on the row's middle line, and a cell of two lines (a value over its year,
//! `23` over `（令和3年度）`; a heading over its qualifier, `現状値` over `（年度）`) is split
//! onto the line above and the line below, where the middle line has nothing:
//!
//! ```text
//!                 23                0
//! 1 待機児童数          人                0          15     8     4 概ね順調
//!               （令和3年度）        （令和10年度）
//! ```
//!
//! Such a row is read as one line, each split cell whole in its place among the others
//! (`1 待機児童数 · 人 · 23（令和3年度） · 0 · 0（令和10年度） · 15 · 8 · 4 概ね順調`).
//!
//! Three lines are one row when the middle line has several cells, every cell of the lines
//! above and below stands where the middle line has a gap between or after its cells (never
//! in front of its first cell, where a row's own label stands), and in each gap the cells
//! above and below pair off, one over the other. A heading spanning two columns over their
//! own headings (`比較` over `増減額 | 増減率`) pairs with none, and is left alone. Lines of a table set
//! one row a line share their columns with the line between them and are left alone; so is
//! running text, whose lines fill the same columns.

use super::pdf::{CELL_GAP, CELL_SEPARATOR};

/// Cells the middle line of a row needs.
const MIN_ROW_CELLS: usize = 3;
/// How far apart (in characters) two parts of one cell may start or end.
const STACK_SLACK: usize = 2;

/// A cell of a `-layout` line: its text and the characters it spans.
#[derive(Debug, Clone, PartialEq)]
struct Cell {
    start: usize,
    end: usize,
    text: String,
}

/// The lines of a `-layout` page with rows whose cells are centred vertically joined into
/// one line each, their cells separated by cell gaps; every other line as it was.
pub(super) fn joined(page: &[String]) -> Vec<String> {
    let cells: Vec<Vec<Cell>> = page.iter().map(|line| cells(line)).collect();
    let mut lines = Vec::with_capacity(page.len());
    let mut index = 0;
    while index < page.len() {
        if let Some(rows) = cells
            .get(index..index + 3)
            .and_then(|three| centred_row(&three[0], &three[1], &three[2]))
        {
            lines.extend(rows);
            index += 3;
        } else {
            lines.push(page[index].clone());
            index += 1;
        }
    }
    lines
}

/// The cells of a line, split at gaps of [`CELL_GAP`] or more spaces, each with the chars
/// it spans.
fn cells(line: &str) -> Vec<Cell> {
    let mut cells = Vec::new();
    let mut from = 0;
    let gaps = CELL_SEPARATOR
        .find_iter(line)
        .map(|gap| (gap.start(), gap.end()));
    for (gap_start, gap_end) in gaps.chain([(line.len(), line.len())]) {
        let part = &line[from..gap_start];
        let text = part.trim_matches([' ', '\u{3000}']);
        if !text.is_empty() {
            let lead = part.len() - part.trim_start_matches([' ', '\u{3000}']).len();
            let start = line[..from + lead].chars().count();
            cells.push(Cell {
                start,
                end: start + text.chars().count(),
                text: text.to_string(),
            });
        }
        from = gap_end;
    }
    cells
}

/// The row `above`, `middle` and `below` make when the middle line's cells are centred
/// between the parts of the others, as one line, or as two when the lines above and below
/// are two rows of figures sharing the middle line's cells (a 目標 row over a 実績 row beside
/// the indicator they measure): the first with the middle line's cells and the upper row's,
/// the second with the lower row's; `None` when they are not one row.
fn centred_row(above: &[Cell], middle: &[Cell], below: &[Cell]) -> Option<Vec<String>> {
    if middle.len() < MIN_ROW_CELLS || above.is_empty() || below.is_empty() {
        return None;
    }
    let first = middle[0].start;
    let in_gap = |cell: &Cell| {
        cell.start > first
            && middle
                .iter()
                .all(|m| cell.end < m.start || cell.start > m.end)
    };
    if !above.iter().chain(below).all(in_gap) {
        return None;
    }
    let mut pairs = stacks(above, below, middle)?;
    pairs.sort_by_key(|(upper, _)| upper.start);
    let qualifies = |lower: &Cell| lower.text.starts_with(['（', '(']);
    let figures = |(upper, lower): &(&Cell, &Cell)| {
        opens_with_figure(&upper.text) && opens_with_figure(&lower.text) && !qualifies(lower)
    };
    // The rows' part: from their first pair of figures, or from the pair of labels right
    // before it (`目標` over `実績`); the pairs before it are cells wrapped over two lines.
    let rows_from = pairs
        .iter()
        .position(figures)
        .filter(|_| pairs.iter().filter(|pair| figures(pair)).count() >= MIN_FIGURE_PAIRS)
        .map(|first| match first.checked_sub(1).map(|at| pairs[at]) {
            Some((upper, lower))
                if !opens_with_figure(&upper.text)
                    && !opens_with_figure(&lower.text)
                    && !qualifies(lower) =>
            {
                first - 1
            }
            _ => first,
        });
    let mut row: Vec<Cell> = middle.to_vec();
    let mut second: Vec<Cell> = Vec::new();
    for (at, (upper, lower)) in pairs.into_iter().enumerate() {
        if rows_from.is_some_and(|from| at >= from) && !qualifies(lower) {
            row.push(upper.clone());
            second.push(lower.clone());
        } else {
            row.push(Cell {
                start: upper.start.min(lower.start),
                end: upper.end.max(lower.end),
                text: format!("{}{}", upper.text, lower.text),
            });
        }
    }
    row.sort_by_key(|cell| cell.start);
    let line = |cells: &[Cell]| {
        cells
            .iter()
            .map(|cell| cell.text.as_str())
            .collect::<Vec<_>>()
            .join(&" ".repeat(CELL_GAP))
    };
    let mut lines = vec![line(&row)];
    if !second.is_empty() {
        lines.push(line(&second));
    }
    Some(lines)
}

/// Pairs of figures, one over the other, that make the lines above and below two rows.
const MIN_FIGURE_PAIRS: usize = 2;

/// Whether a cell's text opens with a figure (`1,190万t-CO2`, `△12`).
fn opens_with_figure(text: &str) -> bool {
    text.trim_start_matches(['△', '▲', '-', '－'])
        .starts_with(|c: char| c.is_numeric())
}

/// Whether two parts of cells on lines one above the other stand in the same column.
fn stacked(upper: &Cell, lower: &Cell) -> bool {
    upper.start <= lower.end + STACK_SLACK && lower.start <= upper.end + STACK_SLACK
}

/// The parts above and below, paired: within each gap of the middle line, as many parts
/// above as below, each over its own part below; `None` when they do not pair so (a heading
/// spanning two columns over their own headings, `比較` over `増減額 | 増減率`).
fn stacks<'c>(
    above: &'c [Cell],
    below: &'c [Cell],
    middle: &[Cell],
) -> Option<Vec<(&'c Cell, &'c Cell)>> {
    let gap_of = |cell: &Cell| middle.iter().filter(|m| m.end < cell.start).count();
    let mut cells = Vec::new();
    let mut gaps: Vec<usize> = above.iter().chain(below).map(gap_of).collect();
    gaps.sort_unstable();
    gaps.dedup();
    for gap in gaps {
        let upper: Vec<&Cell> = above.iter().filter(|c| gap_of(c) == gap).collect();
        let lower: Vec<&Cell> = below.iter().filter(|c| gap_of(c) == gap).collect();
        if upper.len() != lower.len() || upper.iter().zip(&lower).any(|(u, l)| !stacked(u, l)) {
            return None;
        }
        cells.extend(upper.into_iter().zip(lower));
    }
    Some(cells)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(lines: &[&str]) -> Vec<String> {
        lines.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn a_row_with_values_over_their_years() {
        let lines = page(&[
            "                                              23                           0",
            "  1 保育所等待機児童数（4月1日現在）              人                           0                       15           8           4 概ね順調",
            "                                        （令和3年度）                    （令和10年度）",
        ]);
        assert_eq!(
            joined(&lines),
            vec![
                "1 保育所等待機児童数（4月1日現在）   人   23（令和3年度）   0   0（令和10年度）   15   8   4 概ね順調"
            ]
        );
    }

    #[test]
    fn a_heading_over_its_qualifiers() {
        let lines = page(&[
            "                                         現状値          中間目標         最終目標          令和4年度      令和5年度       令和6年度",
            "No.               成果指標             単位                                                                             達成状況",
            "                                        （年度）         （令和7年度）       （年度）           実績         実績          実績",
        ]);
        assert_eq!(
            joined(&lines),
            vec![
                "No.   成果指標   単位   現状値（年度）   中間目標（令和7年度）   最終目標（年度）   令和4年度実績   令和5年度実績   令和6年度実績   達成状況"
            ]
        );
    }

    #[test]
    fn a_name_wrapped_in_its_cell_and_a_split_header() {
        let lines = page(&[
            "                                                  令和7年度             令和8年度",
            "費目         使途                                                                         主な増減理由",
            "                                                  当初予算              要求",
            "           地域共生型再エネ設備導入補助（地方公共団",
            "補助金                                                   3,960,000           4,980,000   採択件数の増（240件→300件）",
            "           体・民間事業者）",
        ]);
        assert_eq!(
            joined(&lines),
            vec![
                "費目   使途   令和7年度当初予算   令和8年度要求   主な増減理由",
                "補助金   地域共生型再エネ設備導入補助（地方公共団体・民間事業者）   3,960,000   4,980,000   採択件数の増（240件→300件）",
            ]
        );
    }

    #[test]
    fn two_rows_of_figures_beside_a_centred_name_stay_two_rows() {
        let lines = page(&[
            "     1 脱炭素社会づくりの                            38,420件    目標      43,000件       47,500件       52,000件       57,000件       62,000件",
            " 2                 住宅用太陽光発電設備の導入件数（累計）                                                                                            概ね順調",
            "     推進                                       （R2）     実績      42,115件       46,308件       50,972件             －             －",
        ]);
        assert_eq!(
            joined(&lines),
            vec![
                "2   1 脱炭素社会づくりの推進   住宅用太陽光発電設備の導入件数（累計）   38,420件（R2）   目標   43,000件   47,500件   52,000件   57,000件   62,000件   概ね順調",
                "実績   42,115件   46,308件   50,972件   －   －",
            ]
        );
    }

    #[test]
    fn rows_of_one_line_and_text_are_left_alone() {
        let table = page(&[
            "区分            令和8年度      令和7年度     比較増減",
            "一般会計          1,200          1,100        100",
            "  うち国費          800            700        100",
        ]);
        assert_eq!(joined(&table), table);
        let gaps_filled_by_the_next_row = page(&[
            "事業A        100",
            "事業B                 200         300",
            "事業C        400",
        ]);
        assert_eq!(
            joined(&gaps_filled_by_the_next_row),
            gaps_filled_by_the_next_row
        );
        let label_before_the_row = page(&["注1", "   一般会計     1,200      1,100", "注2"]);
        assert_eq!(joined(&label_before_the_row), label_before_the_row);
        let spanning = page(&[
            "                                                  比      較                構成比",
            "     款       本年度(A)        前年度(B)",
            "                                            増減額 (A)－(B)        増減率     本年度     前年度",
        ]);
        assert_eq!(joined(&spanning), spanning);
        let text = page(&[
            "本シートは、施策について成果指標の達成状況をもとに評価を行ったものである。",
            "現状値は計画策定時に把握していた数値であり、   括弧内は年度を示す。   以上。",
            "中間目標は令和7年度の目標値である。",
        ]);
        assert_eq!(joined(&text), text);
    }
}
