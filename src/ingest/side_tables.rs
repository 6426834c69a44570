//! Two tables set side by side on a landscape page, as `pdftotext -layout` prints them: each
//! line holds a row of the left table, a run of spaces, then a row of the right one. The rows
//! of the left table are read first, then those of the right; lines above and below the two
//! stay as they are.
//!
//! The gutter is a run of character positions that no line of the two tables runs across,
//! with rows of both tables on either side: a label, then figures (`運営費交付金  8,412  8,655`
//! beside `地域鉄道助成勘定  38,500  42,000`). A single table's columns differ: the cells right
//! of any gap between them are figures, not labels before figures.

use super::pdf::{CELL_SEPARATOR, is_figure_text};

/// Width of the gutter, in characters.
const GUTTER_WIDTH: usize = 3;
/// Fewest rows (a label, then figures) on each side of the gutter.
const MIN_ROWS_EACH_SIDE: usize = 3;

/// The lines of `page` with two tables set side by side read one after the other, or `None`
/// when the page holds no such pair.
pub(super) fn apart(page: &[String]) -> Option<Vec<String>> {
    let lines: Vec<Vec<char>> = page.iter().map(|line| line.chars().collect()).collect();
    let width = lines.iter().map(Vec::len).max()?;
    let (gutter, first, last) = (width / 4..width * 3 / 4)
        .filter_map(|gutter| pair_at(&lines, gutter).map(|(first, last)| (gutter, first, last)))
        .max_by_key(|(gutter, first, last)| (last - first, std::cmp::Reverse(*gutter)))?;
    let mut apart: Vec<String> = page[..first].to_vec();
    let mut right = Vec::new();
    for line in &lines[first..=last] {
        let left: String = line[..gutter.min(line.len())].iter().collect();
        let tail: String = line[(gutter + GUTTER_WIDTH).min(line.len())..]
            .iter()
            .collect();
        apart.push(left.trim_end().to_string());
        if !tail.trim().is_empty() {
            // (The right table's rows keep their positions relative to each other.)
            right.push(format!("{}{tail}", " ".repeat(GUTTER_WIDTH)));
        }
    }
    apart.push(String::new());
    apart.extend(right);
    apart.extend(page[last + 1..].iter().cloned());
    Some(apart)
}

/// The first and last line of two tables standing apart at `gutter`: from the first line with
/// a row on each side, up over the tables' titles and headers and down to the right table's
/// last row, its notes and the left table's rows after them, none of them running across the
/// gutter; `None` unless each side holds enough rows.
fn pair_at(lines: &[Vec<char>], gutter: usize) -> Option<(usize, usize)> {
    let clear = |line: &Vec<char>| {
        (gutter..gutter + GUTTER_WIDTH).all(|at| line.get(at).is_none_or(|c| c.is_whitespace()))
    };
    let written = |line: &Vec<char>| line.iter().any(|c| !c.is_whitespace());
    let sides = |line: &Vec<char>| -> (String, String) {
        let cut = gutter.min(line.len());
        (line[..cut].iter().collect(), line[cut..].iter().collect())
    };
    let anchor = lines.iter().position(|line| {
        let (left, right) = sides(line);
        clear(line) && is_row(&left) && is_row(&right)
    })?;
    let mut first = anchor;
    while first > 0 && clear(&lines[first - 1]) && written(&lines[first - 1]) {
        first -= 1;
    }
    let clear_to = (anchor..lines.len())
        .take_while(|at| clear(&lines[*at]))
        .last()
        .unwrap_or(anchor);
    let mut last = (anchor..=clear_to)
        .rev()
        .find(|at| is_row(&sides(&lines[*at]).1))
        .unwrap_or(anchor);
    // The right table's notes and the left table's last rows right under them.
    while last < clear_to && written(&lines[last + 1]) && {
        let (left, right) = sides(&lines[last + 1]);
        !right.trim().is_empty() || is_row(&left)
    } {
        last += 1;
    }
    let block = &lines[first..=last];
    let left_rows = block.iter().filter(|line| is_row(&sides(line).0)).count();
    let right_rows = block.iter().filter(|line| is_row(&sides(line).1)).count();
    (left_rows >= MIN_ROWS_EACH_SIDE && right_rows >= MIN_ROWS_EACH_SIDE).then_some((first, last))
}

/// Whether a part of a line is a table row: a label (letters, no figure) in its first cell and
/// a figure in a cell after it.
fn is_row(part: &str) -> bool {
    let mut cells = CELL_SEPARATOR.split(part.trim());
    let Some(label) = cells.next() else {
        return false;
    };
    let labelled = label.chars().any(char::is_alphabetic) && !is_figure_text(label);
    labelled && cells.any(|cell| is_figure_text(cell.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(lines: &[&str]) -> Vec<String> {
        lines.iter().map(|line| line.to_string()).collect()
    }

    #[test]
    fn two_tables_side_by_side_are_read_one_after_the_other() {
        let side = |left: &str, right: &str| {
            format!("{left}{}{right}", " ".repeat(36 - left.chars().count()))
        };
        let lines = page(&[
            "                    令和８年度 予算の概要",
            &side("（表1）会計別", "（表2）財政投融資計画"),
            &side(
                "区分        令和7年度   令和8年度",
                "区分          令和7年度   令和8年度",
            ),
            &side(
                "一般会計        8,412       8,655",
                "鉄道勘定         38,500      42,000",
            ),
            &side(
                "特別会計        1,120         985",
                "港湾勘定         13,600      12,800",
            ),
            &side(
                "合計            9,532       9,640",
                "合計             52,100      54,800",
            ),
            "（注）四捨五入による。",
            "",
            "Ⅱ 主要事項",
        ]);
        let read: Vec<String> = apart(&lines)
            .expect("two tables")
            .iter()
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(
            read,
            [
                "令和８年度 予算の概要",
                "（表1）会計別",
                "区分 令和7年度 令和8年度",
                "一般会計 8,412 8,655",
                "特別会計 1,120 985",
                "合計 9,532 9,640",
                "（表2）財政投融資計画",
                "区分 令和7年度 令和8年度",
                "鉄道勘定 38,500 42,000",
                "港湾勘定 13,600 12,800",
                "合計 52,100 54,800",
                "（注）四捨五入による。",
                "Ⅱ 主要事項",
            ]
        );
    }

    #[test]
    fn one_table_with_figures_right_of_every_gap_is_left_alone() {
        let lines = page(&[
            "区分          令和７年度        令和６年度       増減",
            "一般会計      812,345           798,765          13,580",
            "特別会計      412,300           405,000           7,300",
            "企業会計      64,870            66,130           △1,260",
            "合計          1,289,515         1,269,895        19,620",
        ]);
        assert_eq!(apart(&lines), None);
    }

    #[test]
    fn a_table_with_a_second_label_column_of_words_is_left_alone() {
        // The right of any gap holds no label followed by figures of its own row part.
        let lines = page(&[
            "事業名            令和8年度    主な内容",
            "道路改良事業        412,000    市道3路線の拡幅",
            "橋梁補修事業        128,500    点検結果に基づく補修",
            "河川改修事業         96,300    護岸の改修",
        ]);
        assert_eq!(apart(&lines), None);
    }
}
