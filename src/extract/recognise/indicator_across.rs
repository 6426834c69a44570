//! Indicator tables set across: one column per indicator and one row per kind of figure, as
//! an evaluation sheet lays out the few indicators of one measure (`指標名 | 受診率 | 登録者数`
//! over `基準値 | 38.6%（令和元年度） | ―`, `目標値 | …`, `令和4年度実績 | …`, `達成状況 | C |
//! B`). The row naming the indicators opens the table; each row under it whose label names a
//! kind of figure (read as a column header would be) gives every indicator its cell.
//!
//! Line indices here are positions in the slice the caller passes.

use super::indicator_columns::{
    IndicatorTable, PLAN_LEVELS, Reading, Role, indicator_code, role_of, row_cells, value_and_year,
};

/// Words that label a row of names as any row (`区分`, `項目`), not as indicators.
const ROW_LABELS: [&str; 2] = ["区分", "項目"];

/// Most chars of a cell that labels a column or a row (`基準値`, `令和4年度実績`): a longer one
/// names an indicator, whatever words it holds (`水質基準不適合件数`).
const MAX_LABEL_CHARS: usize = 8;

/// The fewest rows of figures under the row of names.
const MIN_FIGURE_ROWS: usize = 2;

/// Whether a row label names a kind of figure of an indicator.
fn names_figures(role: Role) -> bool {
    matches!(
        role,
        Role::Baseline(_)
            | Role::BaselineYear
            | Role::Target(_)
            | Role::TargetYear
            | Role::Actual(_)
            | Role::Year(_)
            | Role::Achievement
            | Role::AchievementRate { .. }
            | Role::Unit
    )
}

/// The row of names a table set across opens with.
struct NamesRow {
    /// The label of the row, then each indicator's name.
    names: Vec<String>,
    /// The label, then each indicator's code, when a line of codes stands in the header.
    codes: Option<Vec<String>>,
    /// Whether the label or the codes say the columns are indicators.
    named: bool,
    /// The header's last line.
    last: usize,
}

/// Whether a cell labels a row of names: as a column of names is headed (`指標名`), or with a
/// generic word (`区分`, `年度／区分`).
fn labels_names(cell: &str) -> bool {
    let cell = cell.trim();
    // (`指標3-2-1` names one indicator, no column of them.)
    role_of(cell) == Role::Name && indicator_code(cell).is_none()
        || cell
            .split(['／', '/', '・', '＼', '\\'])
            .any(|part| ROW_LABELS.contains(&part.trim()))
}

/// The row of names at `at`: one line whose first cell labels it, or a header a PDF's text
/// sets on three lines, its label alone beside lines of as many cells each without one, the
/// indicators' codes and their names (`指標3-2-1 | 指標3-2-2` over `年度／区分` over
/// `常勤医師数 | 医師数`).
fn names_row(lines: &[&str], at: usize) -> Option<NamesRow> {
    let first = row_cells(lines.get(at)?);
    if first.len() >= 2 && first.first().is_some_and(|label| labels_names(label)) {
        // `区分 | 管路の耐震適合率 | …` over `単位 | ％ | …`: a generic word may label the row
        // of names too.
        let named = role_of(&first[0]) == Role::Name;
        return Some(NamesRow {
            names: first,
            codes: None,
            named,
            last: at,
        });
    }
    let mut label = None;
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut last = at;
    for (offset, line) in lines.iter().enumerate().skip(at).take(3) {
        let cells = row_cells(line);
        match cells.len() {
            1 if label.is_none() && labels_names(&cells[0]) => label = cells.into_iter().next(),
            n if n >= 2 && rows.first().is_none_or(|row| row.len() == n) => rows.push(cells),
            _ => break,
        }
        last = offset;
    }
    let label = label?;
    let code_row = rows
        .iter()
        .position(|row| row.iter().all(|cell| indicator_code(cell).is_some()))?;
    let codes = rows.remove(code_row);
    let names = rows.pop().unwrap_or_else(|| codes.clone());
    let with_label = |cells: Vec<String>| std::iter::once(label.clone()).chain(cells).collect();
    Some(NamesRow {
        names: with_label(names),
        codes: Some(with_label(codes)),
        named: true,
        last,
    })
}

/// The rows right above a row of names at `at` that name the plan's levels each indicator
/// stands under (`基本目標 | 基本目標1　稼ぐ力を… | …` over `具体的な施策 | － | 創業・事業
/// 承継の支援 | …`), outermost first: each row's line and cells (`width` of them, the label
/// first). A column's dash or blank cell names no level.
fn group_rows(lines: &[&str], at: usize, width: usize) -> Vec<(usize, Vec<String>)> {
    let mut groups = Vec::new();
    for line in (0..at).rev() {
        let cells = row_cells(lines[line]);
        if cells.len() != width {
            break;
        }
        let label = cells[0].trim();
        if role_of(label) == Role::Subject || PLAN_LEVELS.contains(&label) {
            groups.push((line, cells));
        }
    }
    groups.reverse();
    groups
}

/// A row whose label a PDF's text breaks around its cells (`目標値（令和７年` over
/// `3,100人 | 165.0人` over `度）`): the label joined, then the cells, and the row's last
/// line; `None` when the lines at `at` are no such row of `width` cells.
fn label_around_row(lines: &[&str], at: usize, width: usize) -> Option<(Vec<String>, usize)> {
    let head = row_cells(lines.get(at)?);
    let cells = row_cells(lines.get(at + 1)?);
    let tail = row_cells(lines.get(at + 2)?);
    let ([head], [tail]) = (&head[..], &tail[..]) else {
        return None;
    };
    let open = head.matches(['（', '(']).count() > head.matches(['）', ')']).count();
    if !open || cells.len() + 1 != width || tail.chars().count() > MAX_LABEL_CHARS {
        return None;
    }
    let label = format!("{}{}", head.trim(), tail.trim());
    Some((std::iter::once(label).chain(cells).collect(), at + 2))
}

/// The table set across whose row of names is at `at`, and the index of the line after it;
/// `None` when that line opens no such table.
pub(super) fn across_table(lines: &[&str], at: usize) -> Option<(IndicatorTable, usize)> {
    let NamesRow {
        names,
        codes,
        named,
        last: header_last,
    } = names_row(lines, at)?;
    // A header naming its columns (`指標名 | 基準値 | 目標値`) is no row of names, nor are
    // cards set side by side (`指標３ | 名称 | 指標４ | 名称` over `基準値 | … | 基準値 | …`).
    let labels = |cells: &[String]| {
        cells[1..].iter().any(|cell| {
            let role = role_of(cell);
            let label = role == Role::Name || names_figures(role);
            label
                && cell.trim().chars().count() <= MAX_LABEL_CHARS
                && value_and_year(cell).is_none()
        })
    };
    if labels(&names) || names[1..].iter().any(|cell| cell.trim().is_empty()) {
        return None;
    }
    let mut rows: Vec<(usize, Vec<String>, Role)> = Vec::new();
    let mut next = header_last + 1;
    while let Some(line) = lines.get(next) {
        // A PDF's text may set a blank line between the rows.
        let blank = line.trim().is_empty();
        let row_after = blank
            .then(|| lines.get(next + 1))
            .flatten()
            .filter(|line| !line.trim().is_empty());
        let (line_at, line) = match row_after {
            Some(after) => (next + 1, after),
            None => (next, line),
        };
        let (cells, row_last) = label_around_row(lines, line_at, names.len())
            .unwrap_or_else(|| (row_cells(line), line_at));
        let role = cells.first().map_or(Role::Other, |label| role_of(label));
        // (An achievement's words may read as a label: `未達成見込み`; so may the years a row
        // of baseline or target years holds: `令和元年度`.)
        let labelled_cells = !matches!(
            role,
            Role::Achievement | Role::BaselineYear | Role::TargetYear
        ) && labels(&cells);
        if cells.len() != names.len() || !names_figures(role) || labelled_cells {
            break;
        }
        rows.push((line_at, cells, role));
        next = row_last + 1;
    }
    // Under a generic label, a row of targets or baselines tells indicators from the items
    // of a budget by year (`区分 | 議会費 | 総務費` over `令和6年度 | …`).
    let states_targets = rows
        .iter()
        .any(|(_, _, role)| matches!(role, Role::Target(_) | Role::Baseline(_)));
    if rows.len() < MIN_FIGURE_ROWS || !(named || states_targets) {
        return None;
    }
    let last = next - 1;
    let roles: Vec<Role> = rows.iter().map(|(_, _, role)| *role).collect();
    let groups = group_rows(lines, at, names.len());
    // `（参考）給水人口`: a figure given for reference, no indicator.
    let indicators = (1..names.len())
        .filter(|column| !crate::normalize::nfkc(names[*column].trim()).starts_with("(参考)"))
        .map(|column| {
            let cells: Vec<String> = rows
                .iter()
                .map(|(_, cells, _)| cells[column].clone())
                .collect();
            let mut reading = Reading::new(names[column].trim().to_string(), at);
            reading.read(&cells, &roles, last);
            let mut found = reading.finish();
            found.code = codes.as_ref().and_then(|codes| codes.get(column).cloned());
            found.groups = groups
                .iter()
                .filter_map(|(line, cells)| {
                    let cell = cells[column].trim();
                    let named = cell.chars().any(char::is_alphanumeric);
                    named.then(|| (cell.to_string(), *line))
                })
                .collect();
            found
        })
        .collect();
    let mut table_lines: Vec<usize> = (at..=header_last).collect();
    table_lines.extend(rows.iter().map(|(line, _, _)| *line));
    Some((
        IndicatorTable {
            lines: table_lines,
            indicators,
        },
        next,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_column_per_indicator_and_a_row_per_kind_of_figure() {
        let text = "項目\t成果指標1\t成果指標2\n\
                    指標名\t特定健康診査受診率\t健康アプリ登録者数\n\
                    基準値\t38.6%（令和元年度）\t―（令和4年度事業開始）\n\
                    目標値\t60.0%（令和11年度）\t30,000人（令和8年度）\n\
                    令和4年度実績\t41.2%\t8,215人\n\
                    令和5年度実績\t43.0%\t\n\
                    達成状況\tC\tB\n\
                    \n\
                    施策の評価";
        let lines: Vec<&str> = text.lines().collect();
        assert!(across_table(&lines, 0).is_none());
        let (table, next) = across_table(&lines, 1).expect("a table set across");
        assert_eq!(next, 7);
        assert_eq!(table.lines, vec![1, 2, 3, 4, 5, 6]);
        let [checkups, app] = &table.indicators[..] else {
            panic!("two indicators: {:?}", table.indicators);
        };
        assert_eq!(checkups.name, "特定健康診査受診率");
        assert_eq!(checkups.values.baseline.as_deref(), Some("38.6%"));
        assert_eq!(checkups.values.baseline_year, Some(2019));
        assert_eq!(checkups.values.target.as_deref(), Some("60.0%"));
        assert_eq!(checkups.values.target_year, Some(2029));
        assert_eq!(
            checkups.values.actuals,
            vec![(2022, "41.2%".to_string()), (2023, "43.0%".to_string())]
        );
        assert_eq!(checkups.values.achievement.as_deref(), Some("C"));
        assert_eq!(app.values.baseline, None);
        assert_eq!(app.values.target.as_deref(), Some("30,000人"));
        assert_eq!(app.values.actuals, vec![(2022, "8,215人".to_string())]);
        assert_eq!(app.values.achievement.as_deref(), Some("B"));
        assert_eq!((app.first, app.last), (1, 6));
    }

    #[test]
    fn a_row_of_names_under_a_generic_label_with_blank_lines_between_the_rows() {
        // A long name may hold a label's word (`基準`), an achievement's words may read as a
        // label (`未達成見込み`), and a reference figure is no indicator.
        let text = "区分\t管路の耐震適合率\t水質基準不適合件数\t（参考）給水人口\n\n\
                    単位\t％\t件\t人\n\n\
                    基準値（令和元年度）\t38.2\t0\t128,540\n\n\
                    令和6年度\t43.5\t0\t124,958\n\n\
                    目標値（令和7年度）\t45.0\t0\t－\n\n\
                    達成状況\t未達成見込み\t達成\t－\n";
        let lines: Vec<&str> = text.lines().collect();
        let (table, _) = across_table(&lines, 0).expect("a table set across");
        let [pipes, quality] = &table.indicators[..] else {
            panic!("two indicators: {:?}", table.indicators);
        };
        assert_eq!(pipes.name, "管路の耐震適合率");
        assert_eq!(pipes.values.baseline_year, Some(2019));
        assert_eq!(pipes.values.target_year, Some(2025));
        assert_eq!(pipes.values.actuals.len(), 1);
        assert_eq!(pipes.values.achievement.as_deref(), Some("未達成見込み"));
        assert_eq!(quality.name, "水質基準不適合件数");
        // A budget by year under the same label states no targets: no indicators.
        let text = "区分\t議会費\t総務費\t計\n令和5年度\t412\t4,560\t4,972\n\
                    令和6年度\t420\t4,780\t5,200\n";
        let lines: Vec<&str> = text.lines().collect();
        assert!(across_table(&lines, 0).is_none());
    }

    #[test]
    fn a_header_naming_its_columns_and_cards_side_by_side_are_no_rows_of_names() {
        let text = "指標名\t基準値\t目標値\n受診率\t38.6%\t60.0%\n登録者数\t100人\t300人";
        let lines: Vec<&str> = text.lines().collect();
        assert!(across_table(&lines, 0).is_none());
        let text = "指標３\t英語力を有する生徒の割合\t指標４\t年間貸出冊数\n\
                    基準値\t44.7%（令和元年度）\t基準値\t48冊（令和元年度）\n\
                    目標値\t60.0%（令和8年度）\t目標値\t55冊（令和8年度）";
        let lines: Vec<&str> = text.lines().collect();
        assert!(across_table(&lines, 0).is_none());
    }

    #[test]
    fn a_header_of_codes_and_names_over_three_lines_and_a_label_broken_around_its_row() {
        let text = "指標3-2-1\t指標3-2-2\n\
                    年度／区分\n\
                    常勤医師数\t医師少数区域の医師数\n\
                    令和３年度\t2,871人\t－\n\
                    令和４年度\t2,902人\t155.2人\n\
                    令和６年度\t2,975人\t集計中※1\n\
                    目標値（令和７年\n\
                    3,100人\t165.0人\n\
                    度）\n\
                    評価\tＣ\tＣ";
        let lines: Vec<&str> = text.lines().collect();
        let (table, next) = across_table(&lines, 0).expect("a table set across");
        assert_eq!(next, 10);
        let [doctors, sparse] = &table.indicators[..] else {
            panic!("two indicators: {:?}", table.indicators);
        };
        assert_eq!(doctors.name, "常勤医師数");
        assert_eq!(doctors.code.as_deref(), Some("指標3-2-1"));
        assert_eq!(doctors.values.actuals.len(), 3);
        assert_eq!(doctors.values.target.as_deref(), Some("3,100人"));
        assert_eq!(doctors.values.target_year, Some(2025));
        assert_eq!(doctors.values.achievement.as_deref(), Some("Ｃ"));
        // A value still being counted, marked for a note, is no actual.
        assert_eq!(sparse.values.actuals, vec![(2022, "155.2人".to_string())]);
    }

    #[test]
    fn rows_of_plan_levels_over_the_names_and_rows_of_years_under_them() {
        let text = "基本目標\t基本目標1　仕事をつくる\t基本目標1　仕事をつくる\n\
                    具体的な施策\t－\t創業の支援\n\
                    指標名\t市内の従業者数\t創業件数（累計）\n\
                    基準値\t38,420\t0\n\
                    基準年度\t平成28年度\t令和元年度\n\
                    目標値\t39,500\t150\n\
                    目標年度\t令和6年度\t令和6年度\n\
                    令和5年度実績\t\t121\n";
        let lines: Vec<&str> = text.lines().collect();
        let (table, _) = across_table(&lines, 2).expect("a table set across");
        let [workers, startups] = &table.indicators[..] else {
            panic!("two indicators: {:?}", table.indicators);
        };
        assert_eq!(workers.values.baseline_year, Some(2016));
        assert_eq!(workers.values.target_year, Some(2024));
        assert_eq!(startups.values.actuals, vec![(2023, "121".to_string())]);
        let names = |groups: &[(String, usize)]| -> Vec<String> {
            groups.iter().map(|(name, _)| name.clone()).collect()
        };
        assert_eq!(names(&workers.groups), ["基本目標1　仕事をつくる"]);
        assert_eq!(
            names(&startups.groups),
            ["基本目標1　仕事をつくる", "創業の支援"]
        );
    }
}
