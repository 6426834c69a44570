//! Indicator tables set across: one column per indicator and one row per kind of figure, as
//! an evaluation sheet lays out the few indicators of one measure (`指標名 | 受診率 | 登録者数`
//! over `基準値 | 38.6%（令和元年度） | ―`, `目標値 | …`, `令和4年度実績 | …`, `達成状況 | C |
//! B`). The row naming the indicators opens the table; each row under it whose label names a
//! kind of figure (read as a column header would be) gives every indicator its cell.
//!
//! Line indices here are positions in the slice the caller passes.

use super::indicator_columns::{IndicatorTable, Reading, Role, role_of, row_cells, value_and_year};

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

/// The table set across whose row of names is at `at`, and the index of the line after it;
/// `None` when that line opens no such table.
pub(super) fn across_table(lines: &[&str], at: usize) -> Option<(IndicatorTable, usize)> {
    let names = row_cells(lines.get(at)?);
    // `区分 | 管路の耐震適合率 | …` over `単位 | ％ | …`: a generic word may label the row of
    // names too.
    let named = names
        .first()
        .is_some_and(|label| role_of(label) == Role::Name);
    let labelled = named
        || names
            .first()
            .is_some_and(|label| ROW_LABELS.contains(&label.trim()));
    if names.len() < 2 || !labelled {
        return None;
    }
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
    let mut next = at + 1;
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
        let cells = row_cells(line);
        let role = cells.first().map_or(Role::Other, |label| role_of(label));
        // (An achievement's words may read as a label: `未達成見込み`.)
        let labelled_cells = role != Role::Achievement && labels(&cells);
        if cells.len() != names.len() || !names_figures(role) || labelled_cells {
            break;
        }
        rows.push((line_at, cells, role));
        next = line_at + 1;
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
            reading.finish()
        })
        .collect();
    let mut table_lines = vec![at];
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
}
