//! Indicator tables whose cells hold two figures one over the other, as the header says
//! (`令和４年度 | 令和５年度` over `上段：目標 | 上段：目標` over `下段：実績 | 下段：実績`: each
//! year's target over its actual), and whose rows a PDF's text sets over three lines: the
//! upper figures of every cell on the first (`921g | 905g | 890g | 850g`), the indicator's
//! name and its grade on the middle one, the lower figures on the last (`（令和2年度） | 898g |
//! 884g | （令和9年度）`); a name too long for its cell wraps onto the first and the last line
//! instead. A cell of one figure sets its year under it. Each row is read back into one row of
//! a header with a column for each figure (`令和４年度目標 | 令和４年度実績 | …`).
//!
//! Line indices here are positions in the slice the caller passes.

use super::indicator_columns::{IndicatorTable, Role, is_value, read_view, role_of, row_cells};
use super::targets::year_in;
use super::year_tables::is_dash;
use crate::normalize::nfkc;

/// The words marking the upper and the lower figure of a cell.
const UPPER: &str = "上段";
const LOWER: &str = "下段";

/// Most chars of a cell that heads a column (`上段：目標`, `令和４年度`).
const MAX_HEAD_CHARS: usize = 12;

/// What a column of the header holds.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Column {
    /// Two figures, one over the other.
    Stacked,
    /// One figure, with its year under it when the row states one.
    Figure,
    /// Words on the row's middle line (a name, a grade).
    Words,
}

/// The kind of figure a header cell's mark says (`上段：目標` → `目標`, `（下段）実績値` →
/// `実績値`), when the cell holds the mark.
fn marked_word(cell: &str, mark: &str) -> Option<String> {
    let text = nfkc(cell);
    let (_, after) = text.split_once(mark)?;
    let word: String = after
        .split(LOWER)
        .next()
        .unwrap_or_default()
        .chars()
        .filter(|c| !matches!(c, ':' | '(' | ')' | ' ' | '\u{3000}' | '/' | '・'))
        .collect();
    (!word.is_empty() && word.chars().count() <= MAX_HEAD_CHARS).then_some(word)
}

/// Whether a role names a column of figures.
fn holds_figures(role: Role) -> bool {
    matches!(
        role,
        Role::Baseline(_)
            | Role::Target(_)
            | Role::Actual(_)
            | Role::Year(_)
            | Role::BaselineYear
            | Role::TargetYear
    )
}

/// A header of stacked cells read back: the header's columns and the cells of a header with
/// a column for each figure.
struct Header {
    columns: Vec<Column>,
    cells: Vec<String>,
    /// The header's lines.
    first: usize,
    last: usize,
}

/// The header of stacked cells whose line of upper marks is `at`: the years over it (or in
/// its cells) and the lower marks under it (or in its cells).
fn stacked_header(lines: &[&str], at: usize) -> Option<Header> {
    let cells = row_cells(lines[at]);
    let stacked: Vec<usize> = (0..cells.len())
        .filter(|n| marked_word(&cells[*n], UPPER).is_some())
        .collect();
    if stacked.is_empty() || cells.iter().any(|c| c.chars().count() > MAX_HEAD_CHARS * 2) {
        return None;
    }
    let cell_years: Vec<Option<u16>> = stacked.iter().map(|n| year_in(&nfkc(&cells[*n]))).collect();
    // The years on the line above, one to a stacked cell, when the cells hold none.
    let (years, first) = if cell_years.iter().all(Option::is_some) {
        (cells.iter().map(|_| String::new()).collect::<Vec<_>>(), at)
    } else {
        let above = row_cells(lines.get(at.checked_sub(1)?)?);
        let heads = above.len() == stacked.len()
            && above.iter().all(|cell| {
                cell.chars().count() <= MAX_HEAD_CHARS && year_in(&nfkc(cell)).is_some()
            });
        if !heads {
            return None;
        }
        let mut years = vec![String::new(); cells.len()];
        for (n, year) in stacked.iter().zip(above) {
            years[*n] = year;
        }
        (years, at - 1)
    };
    // The lower marks: in the stacked cells themselves or on the line under them.
    let in_cells: Option<Vec<String>> = stacked
        .iter()
        .map(|n| marked_word(&cells[*n], LOWER))
        .collect();
    let (lowers, last) = match in_cells {
        Some(lowers) => (lowers, at),
        None => {
            let under = row_cells(lines.get(at + 1)?);
            let lowers: Option<Vec<String>> =
                under.iter().map(|cell| marked_word(cell, LOWER)).collect();
            match lowers {
                Some(lowers) if lowers.len() == stacked.len() => (lowers, at + 1),
                _ => return None,
            }
        }
    };
    let mut lowers = lowers.into_iter();
    let mut columns = Vec::with_capacity(cells.len());
    let mut read = Vec::with_capacity(cells.len() + stacked.len());
    for (n, cell) in cells.iter().enumerate() {
        if stacked.contains(&n) {
            let upper = marked_word(cell, UPPER)?;
            let lower = lowers.next()?;
            let year = if years[n].is_empty() {
                cell.split(UPPER)
                    .next()
                    .unwrap_or_default()
                    .trim()
                    .to_string()
            } else {
                years[n].clone()
            };
            read.push(format!("{year}{upper}"));
            read.push(format!("{year}{lower}"));
            columns.push(Column::Stacked);
        } else {
            columns.push(if holds_figures(role_of(cell)) {
                Column::Figure
            } else {
                Column::Words
            });
            read.push(cell.clone());
        }
    }
    Some(Header {
        columns,
        cells: read,
        first,
        last,
    })
}

/// Whether a cell is a year set under a figure (`（令和2年度）`, `(R9)`).
fn is_year_under(cell: &str) -> bool {
    let text = nfkc(cell.trim());
    text.starts_with('(') && text.ends_with(')') && year_in(&text).is_some()
}

/// A line's cells split into the words before its figures (a wrapped name's part) and the
/// figures, when it holds `figures` of them.
fn part_and_figures(line: &str, figures: usize) -> Option<(Option<String>, Vec<String>)> {
    let mut cells = row_cells(line);
    let part = match cells.len() {
        n if n == figures => None,
        // The first cell of a line of lower figures may be a year, never a name's part.
        n if n == figures + 1 && !is_value(cells[0].trim()) && !is_year_under(&cells[0]) => {
            Some(cells.remove(0))
        }
        _ => return None,
    };
    Some((part, cells))
}

/// One row of the table set over the three lines from `at`, read back into the cells of the
/// header's read form.
fn stacked_row(lines: &[&str], at: usize, columns: &[Column]) -> Option<Vec<String>> {
    let (upper, middle, lower) = (lines.get(at)?, lines.get(at + 1)?, lines.get(at + 2)?);
    if [upper, middle, lower]
        .iter()
        .any(|line| line.trim().is_empty())
    {
        return None;
    }
    let figures = columns.iter().filter(|c| **c != Column::Words).count();
    let words = columns.len() - figures;
    let (upper_part, uppers) = part_and_figures(upper, figures)?;
    let (lower_part, lowers) = part_and_figures(lower, figures)?;
    let middles = row_cells(middle);
    // The middle line holds the words of every column of words, or, when the name wraps
    // onto the lines around it, all but the name's.
    let wrapped = upper_part.is_some() || lower_part.is_some();
    let name_over_lines = wrapped && middles.len() + 1 == words;
    if !(middles.len() == words || name_over_lines)
        || middles.iter().any(|cell| is_value(cell.trim()))
    {
        return None;
    }
    let mut middles = middles.into_iter();
    let (mut uppers, mut lowers) = (uppers.into_iter(), lowers.into_iter());
    let mut row = Vec::new();
    let mut named = false;
    for column in columns {
        match column {
            Column::Words if !named => {
                named = true;
                let middle = if name_over_lines {
                    String::new()
                } else {
                    middles.next()?
                };
                let name: String = [upper_part.clone(), Some(middle), lower_part.clone()]
                    .into_iter()
                    .flatten()
                    .collect();
                row.push(name);
            }
            Column::Words => row.push(middles.next()?),
            Column::Figure => {
                let (value, under) = (uppers.next()?, lowers.next()?);
                if !is_value(value.trim()) || !(is_year_under(&under) || is_dash(under.trim())) {
                    return None;
                }
                let under = if is_dash(under.trim()) { "" } else { &under };
                row.push(format!("{value}{under}"));
            }
            Column::Stacked => {
                let (value, under) = (uppers.next()?, lowers.next()?);
                if !is_value(value.trim()) || !is_value(under.trim()) || is_year_under(&under) {
                    return None;
                }
                row.push(value);
                row.push(under);
            }
        }
    }
    Some(row)
}

/// The table of stacked cells whose header's upper marks stand on line `at`, and the index of
/// the line after it. The rows run on over blank lines up to the first line that opens no
/// row.
pub fn stacked_table(lines: &[&str], at: usize) -> Option<(IndicatorTable, usize)> {
    if !lines[at].contains(UPPER) {
        return None;
    }
    let header = stacked_header(lines, at)?;
    let mut rows: Vec<(usize, Vec<String>)> = Vec::new();
    let mut n = header.last + 1;
    while n < lines.len() {
        if lines[n].trim().is_empty() {
            n += 1;
            continue;
        }
        let Some(row) = stacked_row(lines, n, &header.columns) else {
            break;
        };
        rows.push((n, row));
        n += 3;
    }
    let end = rows.last()?.0 + 3;
    let mut table = read_view(lines, header.first, end, |line| {
        if line == header.first {
            return Some(header.cells.join("\t"));
        }
        rows.iter()
            .find(|(first, _)| *first == line)
            .map(|(_, row)| row.join("\t"))
    })?;
    // Each indicator cites the three lines of its row.
    for indicator in &mut table.indicators {
        if rows.iter().any(|(first, _)| *first == indicator.name_line) {
            indicator.last = indicator.last.max(indicator.name_line + 2);
        }
    }
    table.lines.extend(header.first..=header.last);
    table
        .lines
        .extend(rows.iter().flat_map(|(first, _)| *first..*first + 3));
    table.lines.sort_unstable();
    table.lines.dedup();
    Some((table, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_over_three_lines_under_years_of_targets_over_actuals_are_read_back() {
        let text = "【成果指標】\n\
                    令和５年度\t令和６年度\n\
                    指標名\t基準値\t上段：目標\t上段：目標\t最終目標\t評価\n\
                    下段：実績\t下段：実績\n\
                    \n\
                    1.2万人\t1.5万人\t1.7万人\t2.0万人\n\
                    観光案内所の利用者数\tB\n\
                    （令和3年度）\t1.4万人\t1.6万人\t（令和9年度）\n\
                    \n\
                    空き家バンクの成約件数（累\t12件\t15件\t18件\t30件\n\
                    A\n\
                    計）\t（令和4年度）\t16件\t－\t（令和9年度）\n\
                    \n\
                    ※ 令和６年度の成約件数は集計中です。";
        let lines: Vec<&str> = text.lines().collect();
        assert!(
            stacked_table(&lines, 1).is_none(),
            "the years are no header"
        );
        let (table, next) = stacked_table(&lines, 2).expect("a table of stacked cells");
        assert_eq!(next, 12);
        assert_eq!(
            table.lines,
            (1..12).filter(|n| ![4, 8].contains(n)).collect::<Vec<_>>()
        );
        let found = &table.indicators;
        assert_eq!(found.len(), 2, "{found:?}");
        let visitors = &found[0];
        assert_eq!(visitors.name, "観光案内所の利用者数");
        assert_eq!((visitors.name_line, visitors.last), (5, 7));
        let values = &visitors.values;
        assert_eq!(values.baseline.as_deref(), Some("1.2万人"));
        assert_eq!(values.baseline_year, Some(2021));
        assert_eq!(values.target.as_deref(), Some("2.0万人"));
        assert_eq!(values.target_year, Some(2027));
        assert_eq!(
            values.actuals,
            [(2023, "1.4万人".to_string()), (2024, "1.6万人".to_string())]
        );
        assert_eq!(values.achievement.as_deref(), Some("B"));
        // A name wrapped onto the lines of figures, its grade alone between them; a dash is no
        // actual.
        let homes = &found[1];
        assert_eq!(homes.name, "空き家バンクの成約件数（累計）");
        assert_eq!(homes.values.baseline.as_deref(), Some("12件"));
        assert_eq!(homes.values.baseline_year, Some(2022));
        assert_eq!(homes.values.target.as_deref(), Some("30件"));
        assert_eq!(homes.values.actuals, [(2023, "16件".to_string())]);
        assert_eq!(homes.values.achievement.as_deref(), Some("A"));
    }

    #[test]
    fn both_marks_in_one_cell_with_its_year_read_alike() {
        let text = "指標名\t現状値\tR5 上段：目標値／下段：実績値\tR6 上段：目標値／下段：実績値\n\
                    80%\t85%\t88%\n\
                    健診受診率\n\
                    （R4）\t83%\t86%";
        let lines: Vec<&str> = text.lines().collect();
        let (table, _) = stacked_table(&lines, 0).expect("a table of stacked cells");
        let found = &table.indicators;
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].name, "健診受診率");
        assert_eq!(found[0].values.baseline.as_deref(), Some("80%"));
        assert_eq!(found[0].values.baseline_year, Some(2022));
        assert_eq!(
            found[0].values.actuals,
            [(2023, "83%".to_string()), (2024, "86%".to_string())]
        );
    }

    #[test]
    fn rows_that_do_not_stack_end_the_table() {
        let text = "令和５年度\n\
                    指標名\t基準値\t上段：目標\n\
                    下段：実績\n\
                    観光案内所の利用者数\t1.2万人\t1.5万人\t1.4万人";
        let lines: Vec<&str> = text.lines().collect();
        assert!(stacked_table(&lines, 1).is_none());
    }
}
