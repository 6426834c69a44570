//! Grid tables in Markdown (pandoc's `+----+----+` tables, whose cells run over several
//! lines between rules): each row is read into one line of tab-separated cells, the rows set
//! one to a line from the table's first line and its other lines left blank, so that the
//! lines around keep their numbers.

use crate::normalize::is_wide;

/// `lines` with each grid table's rows joined into lines of cells.
pub(super) fn with_grid_tables(mut lines: Vec<String>) -> Vec<String> {
    let mut at = 0;
    while at < lines.len() {
        if !is_rule(&lines[at]) {
            at += 1;
            continue;
        }
        let columns = column_count(&lines[at]);
        let mut rows = Vec::new();
        let mut row_start = None;
        let mut end = at;
        for number in at + 1..lines.len() {
            let line = &lines[number];
            if is_rule(line) {
                if let Some(start) = row_start.take() {
                    rows.push(joined_row(&lines[start..number], columns));
                }
                end = number;
            } else if is_content(line, columns) {
                row_start.get_or_insert(number);
            } else {
                break;
            }
        }
        if !rows.is_empty() {
            // The rows one to a line from the table's first, the rest of its lines blank.
            let block = &mut lines[at..=end];
            let mut rows = rows.into_iter();
            for line in block.iter_mut() {
                *line = rows.next().unwrap_or_default();
            }
        }
        at = end + 1;
    }
    lines
}

/// Whether a line is a grid table's rule: `+` at both ends, dashes, `=` (under the header)
/// or colons (alignment) between.
fn is_rule(line: &str) -> bool {
    let line = line.trim();
    line.len() >= 3
        && line.starts_with('+')
        && line.ends_with('+')
        && line.contains(['-', '='])
        && line.chars().all(|c| matches!(c, '+' | '-' | '=' | ':'))
}

/// How many columns a rule parts.
fn column_count(rule: &str) -> usize {
    rule.trim().matches('+').count().saturating_sub(1)
}

/// Whether a line is a row's line of a grid table with `columns` columns: bars at both ends,
/// one more bar than columns.
fn is_content(line: &str, columns: usize) -> bool {
    let line = line.trim();
    line.starts_with('|') && line.ends_with('|') && line.matches('|').count() == columns + 1
}

/// The cells of a row written over `row`'s lines, in one line parted by tabs. Each cell's
/// lines are joined: without a space where either side is a wide (Japanese) character, with
/// one between narrow words.
fn joined_row(row: &[String], columns: usize) -> String {
    let mut cells = vec![String::new(); columns];
    for line in row {
        let trimmed = line.trim();
        let inner = &trimmed[1..trimmed.len() - 1];
        for (cell, part) in cells.iter_mut().zip(inner.split('|')) {
            let part = part.trim();
            if part.is_empty() {
                continue;
            }
            let parted = matches!(
                (cell.chars().last(), part.chars().next()),
                (Some(before), Some(after)) if !is_wide(before) && !is_wide(after)
            );
            if parted {
                cell.push(' ');
            }
            cell.push_str(part);
        }
    }
    cells.join("\t")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(str::to_string).collect()
    }

    #[test]
    fn a_grid_table_s_rows_over_several_lines_become_lines_of_cells() {
        let text = "**【成果指標】**\n\n\
                    +--------------------+----------+----------------+\n\
                    | 指標名             | 基準値   | 目標値         |\n\
                    |                    | （年度） | （目標年度）   |\n\
                    +====================+==========+================+\n\
                    | 再生可能エネルギー | 38,200kW | 2013年度比     |\n\
                    | 発電設備の容量     | （R2）   | 46%削減        |\n\
                    +--------------------+----------+----------------+\n\
                    | LED化率            | 31.5%    | 100%           |\n\
                    +--------------------+----------+----------------+\n\n\
                    本文";
        let read = with_grid_tables(lines(text));
        assert_eq!(read.len(), 13);
        assert_eq!(read[2], "指標名\t基準値（年度）\t目標値（目標年度）");
        assert_eq!(
            read[3],
            "再生可能エネルギー発電設備の容量\t38,200kW（R2）\t2013年度比46%削減"
        );
        assert_eq!(read[4], "LED化率\t31.5%\t100%");
        assert!(read[5..=11].iter().all(String::is_empty), "{read:?}");
        assert_eq!(read[12], "本文");
    }

    #[test]
    fn pipe_tables_and_lines_of_pluses_alone_are_kept() {
        let text = lines("| a | b |\n|---|---|\n| 1 | 2 |\n\n+-+\n本文 + 注");
        assert_eq!(with_grid_tables(text.clone()), text);
    }

    #[test]
    fn narrow_words_over_two_lines_keep_a_space() {
        let read = with_grid_tables(lines("+------+\n| Open |\n| data |\n+------+"));
        assert_eq!(read[0], "Open data");
    }
}
