//! Indicator tables in long form, as open data exports them: one row per indicator, kind of
//! value and year, under a header such as `基本目標 | 施策名 | KPI名 | 単位 | 区分 | 年度 | 値 |
//! 備考`, the kind one of 基準値 / 実績値 / 目標値 / 評価. The rows of one indicator stand
//! next to each other and make one indicator; the columns before its name that name what it
//! stands under (基本目標, 施策名) are its groups, outermost first.
//!
//! Line indices here are positions in the slice the caller passes.

use super::amounts::{tab_cells, year_cell};
use super::indicator_columns::{IndicatorTable, Role, role_of, value_and_year, with_unit};
use super::numbering::without_numbering;
use super::targets::{IndicatorValues, year_in};
use super::year_tables::{TableIndicator, is_dash};
use crate::money::FiscalYear;
use crate::normalize::nfkc;

/// Headers of the column naming the indicator.
const NAME_HEADERS: [&str; 11] = [
    "KPI名",
    "KPI",
    "指標名",
    "指標",
    "成果指標",
    "成果指標名",
    "測定指標",
    "活動指標",
    "評価指標",
    "数値目標",
    "目標指標",
];
/// Headers of the columns naming what an indicator stands under.
const GROUP_HEADERS: [&str; 12] = [
    "基本目標",
    "政策",
    "政策名",
    "政策分野",
    "分野",
    "施策",
    "施策名",
    "基本施策",
    "事業",
    "事業名",
    "事務事業名",
    "取組名",
];
/// Headers of the column saying which value a row holds.
/// (`表章項目`: the statistics portal's word for it, in every table it exports.)
const KIND_HEADERS: [&str; 6] = ["区分", "種別", "値区分", "数値区分", "値の種類", "表章項目"];
/// Headers of the column holding a row's value.
const VALUE_HEADERS: [&str; 3] = ["値", "数値", "値(数値)"];
/// Headers of the column holding a row's year.
const YEAR_HEADERS: [&str; 4] = ["年度", "会計年度", "年", "対象年度"];
/// The statistics portal's word before the year headers' (`時間軸(年度)`).
const TIME_AXIS: &str = "時間軸";
/// The word opening a cell that marks its row a reference figure.
const REFERENCE: &str = "参考";
/// Header of the column holding a row's unit.
const UNIT_HEADER: &str = "単位";

/// Where a long table keeps each part of its rows.
struct Layout {
    width: usize,
    name: usize,
    kind: usize,
    value: usize,
    year: Option<usize>,
    unit: Option<usize>,
    /// A column stating the indicator's achievement on some of its rows (`進捗状況`).
    achievement: Option<usize>,
    groups: Vec<usize>,
}

impl Layout {
    /// The layout a header row sets, when it names an indicator column, a kind column and a
    /// value column.
    fn of_header(line: &str) -> Option<Layout> {
        if line.chars().any(char::is_numeric) {
            return None;
        }
        let cells: Vec<String> = tab_cells(line)?
            .iter()
            .map(|cell| nfkc(cell).replace([' ', '\u{3000}'], ""))
            .collect();
        let find = |names: &[&str]| cells.iter().position(|cell| names.contains(&cell.as_str()));
        let name = find(&NAME_HEADERS)?;
        let (kind, value) = (find(&KIND_HEADERS)?, find(&VALUE_HEADERS)?);
        Some(Layout {
            width: cells.len(),
            name,
            kind,
            value,
            year: find(&YEAR_HEADERS).or_else(|| {
                cells.iter().position(|cell| {
                    cell.strip_prefix(TIME_AXIS)
                        .and_then(|rest| rest.strip_prefix('('))
                        .and_then(|rest| rest.strip_suffix(')'))
                        .is_some_and(|year| YEAR_HEADERS.contains(&year))
                })
            }),
            unit: cells.iter().position(|cell| cell == UNIT_HEADER),
            achievement: (0..cells.len()).find(|at| {
                ![name, kind, value].contains(at) && role_of(&cells[*at]) == Role::Achievement
            }),
            groups: (0..name)
                .filter(|at| GROUP_HEADERS.contains(&cells[*at].as_str()))
                .collect(),
        })
    }

    /// The cells of a row of this table: a tab-separated line of its width.
    fn row<'l>(&self, line: &'l str) -> Option<Vec<&'l str>> {
        tab_cells(line).filter(|cells| cells.len() == self.width)
    }
}

/// The indicator the rows from `first` read so far state.
struct Reading {
    key: Vec<String>,
    found: TableIndicator,
    /// Whether a row calls it a reference figure (`参考`, `参考指標（目標設定なし）`): a
    /// statistic with no target, no indicator.
    reference: bool,
}

impl Reading {
    fn new(layout: &Layout, cells: &[&str], line: usize) -> Reading {
        Reading {
            key: row_key(layout, cells),
            reference: false,
            found: TableIndicator {
                // `1-1　地域公共交通計画の策定件数`: the indicator's number is no part of its name.
                name: without_numbering(cells[layout.name]).to_string(),
                row_label: false,
                name_line: line,
                first: line,
                last: line,
                unit: None,
                values: IndicatorValues::default(),
                planned: Vec::new(),
                groups: layout
                    .groups
                    .iter()
                    .map(|at| cells[*at])
                    .filter(|cell| !cell.is_empty())
                    .map(|cell| (cell.to_string(), line))
                    .collect(),
                code: None,
            },
        }
    }

    /// Reads one row's value into the indicator, by the kind its kind cell names.
    fn read(&mut self, layout: &Layout, cells: &[&str], line: usize) {
        self.found.last = self.found.last.max(line);
        self.reference |= cells
            .iter()
            .enumerate()
            .any(|(at, cell)| at != layout.name && cell.starts_with(REFERENCE));
        // `参考値（全国）`: the country's figure beside the indicator's, none of its own.
        if cells[layout.kind].starts_with(REFERENCE) {
            return;
        }
        let unit = layout
            .unit
            .map(|at| cells[at])
            .filter(|unit| !unit.is_empty() && !is_dash(unit));
        if unit.is_some() && self.found.unit.is_none() {
            self.found.unit = unit.map(str::to_string);
        }
        let year = layout.year.and_then(|at| {
            year_in(cells[at]).or_else(|| year_cell(cells[at]).map(FiscalYear::gregorian))
        });
        let cell = cells[layout.value];
        let values = &mut self.found.values;
        if let Some(stated) = layout
            .achievement
            .map(|at| cells[at].trim())
            .filter(|stated| !stated.is_empty() && !is_dash(stated))
        {
            values.achievement = Some(stated.to_string());
        }
        match role_of(cells[layout.kind]) {
            Role::Achievement => {
                if !cell.is_empty() && !is_dash(cell) {
                    values.achievement = Some(cell.to_string());
                }
            }
            role => {
                // `集計中`, `－`: no value yet.
                let Some((value, written_year)) =
                    value_and_year(cell).filter(|(value, _)| value.chars().any(char::is_numeric))
                else {
                    return;
                };
                let year = written_year.or(year);
                match role {
                    Role::Baseline(_) => {
                        values.baseline = Some(with_unit(value, unit));
                        values.baseline_year = year;
                    }
                    Role::Target(_) => {
                        values.target = Some(with_unit(value, unit));
                        values.target_year = year;
                    }
                    Role::Actual(_) => {
                        if let Some(year) = year {
                            values.actuals.push((year, with_unit(value, unit)));
                        }
                    }
                    _ => {}
                }
            }
        }
    }

    /// The indicator read, when its rows gave it any value.
    fn finish(self) -> Option<TableIndicator> {
        let values = &self.found.values;
        let valued = values.target.is_some()
            || values.baseline.is_some()
            || !values.actuals.is_empty()
            || values.achievement.is_some();
        // A statistic with no target is read for reference; an indicator with one may have
        // the country's figures beside its own.
        let reference = self.reference && values.target.is_none();
        (valued && !reference).then_some(self.found)
    }
}

/// What tells one indicator's rows from the next one's: its groups and its name.
fn row_key(layout: &Layout, cells: &[&str]) -> Vec<String> {
    layout
        .groups
        .iter()
        .chain(std::iter::once(&layout.name))
        .map(|at| cells[*at].to_string())
        .collect()
}

/// Reads the long table whose header is at `header`, when that line is the header of one:
/// the table and the index of the line after its last row.
pub(super) fn long_table(lines: &[&str], header: usize) -> Option<(IndicatorTable, usize)> {
    let layout = Layout::of_header(lines.get(header)?)?;
    let mut table = IndicatorTable {
        lines: vec![header],
        indicators: Vec::new(),
    };
    // The indicators in the order their first rows come; the rows of one may stand apart
    // (a table sorted by the kind of value first, as the statistics portal exports them).
    let mut readings: Vec<Reading> = Vec::new();
    let mut current: Option<usize> = None;
    let mut at = header + 1;
    while let Some(cells) = lines.get(at).and_then(|line| layout.row(line)) {
        let key = row_key(&layout, &cells);
        // A row with no name nor groups (an HTML table's cells spanning the indicator's rows)
        // goes on with the indicator above.
        if !key.iter().all(String::is_empty) {
            current = readings.iter().position(|r| r.key == key);
            if current.is_none() && !cells[layout.name].is_empty() {
                readings.push(Reading::new(&layout, &cells, at));
                current = Some(readings.len() - 1);
            }
        }
        if let Some(reading) = current.and_then(|at| readings.get_mut(at)) {
            reading.read(&layout, &cells, at);
        }
        table.lines.push(at);
        at += 1;
    }
    table
        .indicators
        .extend(readings.into_iter().filter_map(Reading::finish));
    Some((table, at))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_of_one_indicator_by_kind_and_year_make_it() {
        let text = "鷹ノ台市 KPI進捗管理データ\n\
                    基本目標\t施策名\tKPI名\t単位\t区分\t年度\t値\t備考\n\
                    1 しごとをつくる\t地域産業の振興\t市内新規創業件数\t件\t基準値\t2019\t18\t\n\
                    1 しごとをつくる\t地域産業の振興\t市内新規創業件数\t件\t実績値\t2023\t24\t\n\
                    1 しごとをつくる\t地域産業の振興\t市内新規創業件数\t件\t実績値\t2024\t集計中\t\n\
                    1 しごとをつくる\t地域産業の振興\t市内新規創業件数\t件\t目標値\t2025\t30\t\n\
                    1 しごとをつくる\t地域産業の振興\t市内新規創業件数\t\t評価\t2024\tB\t\n\
                    1 しごとをつくる\t地域産業の振興\t（施策事業費）\t千円\t予算額\t2024\t68,420\t\n\
                    1 しごとをつくる\t農林業の担い手確保\t新規就農者数\t人\t目標値\t2025\t累計30\t\n\
                    1 しごとをつくる\t農林業の担い手確保\t社会増減数\t人\t実績値\t2024\t-50\t参考指標\n\
                    ※値「－」は該当なし";
        let lines: Vec<&str> = text.lines().collect();
        let (table, next) = long_table(&lines, 1).expect("a long table");
        assert_eq!(next, 10);
        assert_eq!(table.lines, (1..10).collect::<Vec<_>>());
        let found = &table.indicators;
        assert_eq!(found.len(), 2, "{found:?}");
        let first = &found[0];
        assert_eq!(first.name, "市内新規創業件数");
        assert_eq!((first.first, first.last), (2, 6));
        assert_eq!(
            first.groups,
            [
                ("1 しごとをつくる".to_string(), 2),
                ("地域産業の振興".to_string(), 2)
            ]
        );
        let values = &first.values;
        assert_eq!(values.baseline.as_deref(), Some("18件"));
        assert_eq!(values.baseline_year, Some(2019));
        assert_eq!(values.target.as_deref(), Some("30件"));
        assert_eq!(values.target_year, Some(2025));
        assert_eq!(values.actuals, [(2023, "24件".to_string())]);
        assert_eq!(values.achievement.as_deref(), Some("B"));
        assert_eq!(found[1].values.target.as_deref(), Some("累計30人"));
    }

    #[test]
    fn a_column_of_progress_filled_on_one_row_is_the_achievement() {
        let text = "施策名\t指標名\t区分\t年度\t数値\t進捗状況\t備考\n\
                    交通安全の推進\t交通事故死傷者数\t現状\tR4\t412人\t\t策定時\n\
                    交通安全の推進\t交通事故死傷者数\t実績\tR5\t398人\t\t\n\
                    交通安全の推進\t交通事故死傷者数\t実績\tR6\t371人\tやや遅れ\t\n\
                    交通安全の推進\t交通事故死傷者数\t中間目標\tR8\t350人\t\t\n\
                    交通安全の推進\t交通事故死傷者数\t最終目標\tR10\t300人\t\t\n";
        let lines: Vec<&str> = text.lines().collect();
        let (table, _) = long_table(&lines, 0).expect("a long table");
        let values = &table.indicators[0].values;
        assert_eq!(values.achievement.as_deref(), Some("やや遅れ"));
        assert_eq!(values.target.as_deref(), Some("300人"));
        assert_eq!(values.target_year, Some(2028));
        assert_eq!(values.baseline_year, Some(2022));
        assert_eq!(
            values.actuals,
            [(2023, "398人".to_string()), (2024, "371人".to_string())]
        );
    }

    #[test]
    fn rows_sorted_by_kind_first_still_make_one_indicator_each() {
        // The statistics portal's export: kinds coded, years on a time axis, the country's
        // figures beside the indicator's own.
        let text = "表章項目 コード\t表章項目\t施策\t指標 コード\t指標\t時間軸（年度）\t単位\t値\n\
                    100\t基準値\t健康づくり\t0101\t健診受診率\t2021年度\t%\t36.8\n\
                    100\t基準値\t健康づくり\t0102\t運動習慣者の割合\t2021年度\t%\t47.5\n\
                    110\t実績値\t健康づくり\t0101\t健診受診率\t2023年度\t%\t40.2\n\
                    110\t実績値\t健康づくり\t0102\t運動習慣者の割合\t2023年度\t%\t49.9\n\
                    120\t目標値\t健康づくり\t0101\t健診受診率\t2027年度\t%\t60.0\n\
                    190\t参考値（全国）\t健康づくり\t0101\t健診受診率\t2023年度\t%\t37.5";
        let lines: Vec<&str> = text.lines().collect();
        let (table, next) = long_table(&lines, 0).expect("a long table");
        assert_eq!(next, 7);
        let found = &table.indicators;
        assert_eq!(found.len(), 2, "{found:?}");
        let first = &found[0];
        assert_eq!(first.name, "健診受診率");
        assert_eq!((first.first, first.last), (1, 6));
        assert_eq!(first.values.baseline_year, Some(2021));
        assert_eq!(first.values.target.as_deref(), Some("60.0%"));
        assert_eq!(first.values.target_year, Some(2027));
        assert_eq!(first.values.actuals, [(2023, "40.2%".to_string())]);
        assert_eq!(found[1].values.actuals, [(2023, "49.9%".to_string())]);
    }

    #[test]
    fn a_header_without_a_kind_or_value_column_starts_none() {
        let lines = ["施策名\tKPI名\t単位\t基準値\t目標値"];
        assert!(long_table(&lines, 0).is_none());
    }
}
