//! Indicator tables: a header row of years (`令和2年度 令和3年度 令和4年度`,
//! `年 度 26年度 … ４年度`) and the rows under it. A row is either labelled by its role under an
//! indicator name written nearby (`成果実績 件 5,032 4,906 4,904 -`, `目標値 件 - - - 6,000`,
//! `達成度 ％ - - - -`), or named by the indicator itself (`企業人数 22人 29人 … 618人`).
//!
//! Line indices here are positions in the slice the caller passes, so any reader can map them
//! back to its own line numbers.

use super::targets::IndicatorValues;
use crate::money::find_fiscal_years;
use crate::normalize::nfkc;
use regex::Regex;
use std::sync::LazyLock;

/// How many non-empty lines below a header a table may reach.
const TABLE_REACH: usize = 16;

/// An indicator read from a year table.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TableIndicator {
    /// The indicator's name as written (several lines joined), or a named row's label.
    pub name: String,
    /// Whether the name is only a row label (`受講者数`) that a reader may qualify with the
    /// subject the table sits under.
    pub row_label: bool,
    /// Line of the name.
    pub name_line: usize,
    /// First line of the table (its header).
    pub first: usize,
    /// Last line read for this indicator.
    pub last: usize,
    /// Unit column or unit suffix (`件`, `人`, `％`).
    pub unit: Option<String>,
    /// Target, target year, baseline, actuals by year and achievement.
    pub values: IndicatorValues,
    /// Planned or forecast figures by year (`見込み` columns and rows).
    pub planned: Vec<(u16, String)>,
    /// The rows of the table that name a group and state nothing (`基本目標 | 1 | …`,
    /// `施策 | 1-1 | …`) the indicator stands under, outermost first: each name and line.
    pub groups: Vec<(String, usize)>,
    /// The code the document numbers the indicator by (`指標3-2-1`), when a column gives one:
    /// a later table naming the same code states more figures of the same indicator.
    pub code: Option<String>,
}

/// What a labelled row holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowRole {
    /// 実績 / 成果実績 / 実績値.
    Actual,
    /// 目標 / 目標値.
    Target,
    /// 達成度 / 達成率.
    Achievement,
    /// 基準値.
    Baseline,
    /// 見込み / 計画.
    Planned,
}

/// One table row: its label, its role when the label names one, a unit column and the cells
/// (`None` for a dash or a note such as `(調査中)`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableRow {
    /// The row label as written.
    pub label: String,
    /// The role the label names, if any.
    pub role: Option<RowRole>,
    /// A unit column between the label and the cells.
    pub unit: Option<String>,
    /// Cells in column order.
    pub cells: Vec<Option<String>>,
}

static VALUE_CELL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[△▲\-－]?[0-9０-９][0-9０-９,，.．]*(?:[%％]|[^\s\d]{1,4})?(?:[（(][0-9０-９,.]+[）)])?$")
        .expect("value cell")
});

static UNIT_CELL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[%％]|件|人|者|団体|か所|箇所|社|校|局|隊|回|億円|百万円|千円|円|時間|日|年|倍|ポイント|pt)$")
        .expect("unit cell")
});

/// Words a header may carry besides its years.
const HEADER_WORDS: [&str; 10] = [
    "成果目標",
    "定量的な成果指標",
    "成果指標",
    "指標",
    "単位",
    "目標年度",
    "区分",
    "年度",
    "年",
    "度",
];

/// Words that make a row a budget line, not an indicator.
const MONEY_WORDS: [&str; 9] = [
    "予算", "要求", "補正", "決算", "執行", "合計", "小計", "額", "費",
];

/// A dash or slash standing for no figure in a table cell.
pub fn is_dash(cell: &str) -> bool {
    matches!(
        cell,
        "-" | "ー" | "－" | "―" | "‐" | "—" | "–" | "‑" | "…" | "／" | "/"
    )
}

fn is_note(cell: &str) -> bool {
    (cell.starts_with('(') || cell.starts_with('（'))
        && (cell.ends_with(')') || cell.ends_with('）'))
}

/// The years of a header row, in column order (bare `26年度` before `元年度` read as 平成).
/// `None` unless the line is mostly years, increasing, at least two of them.
pub fn year_header(line: &str) -> Option<Vec<u16>> {
    if line.contains(['、', '。', '「', '～', '〜', '・', ':', '：']) || line.contains("から")
    {
        return None;
    }
    let found = find_fiscal_years(line);
    if found.len() < 2 {
        return None;
    }
    let mut rest = String::new();
    let mut last = 0;
    for m in &found {
        rest.push_str(line.get(last..m.start).unwrap_or(""));
        rest.push(' ');
        last = m.end;
    }
    rest.push_str(line.get(last..).unwrap_or(""));
    let mut rest = rest.replace(['R', 'H'], "");
    for word in HEADER_WORDS {
        rest = rest.replace(word, "");
    }
    let leftover = rest
        .chars()
        .filter(|c| !c.is_whitespace() && !"（）()".contains(*c))
        .count();
    if leftover > 6 {
        return None;
    }
    let mut years: Vec<u16> = found.iter().map(|m| m.year.gregorian()).collect();
    let bare: Vec<bool> = found
        .iter()
        .map(|m| {
            let written = nfkc(line.get(m.start..m.end).unwrap_or("").trim());
            written.starts_with(|c: char| c.is_ascii_digit())
                && written.chars().take_while(char::is_ascii_digit).count() <= 2
        })
        .collect();
    for i in (0..years.len().saturating_sub(1)).rev() {
        if bare[i] && years[i] >= years[i + 1] && years[i] > 2018 {
            years[i] = years[i] - 2018 + 1988;
        }
    }
    years.windows(2).all(|w| w[0] < w[1]).then_some(years)
}

/// Whether the header's last year is a target column (`… 令和5年度 目標（令和8年度）`).
fn target_column(line: &str) -> bool {
    let found = find_fiscal_years(line);
    match found.as_slice() {
        [.., before, last] => line
            .get(before.end..last.start)
            .is_some_and(|between| between.contains("目標")),
        _ => false,
    }
}

fn role_of(label: &str) -> Option<RowRole> {
    let label: String = label
        .chars()
        .filter(|c| !c.is_whitespace() && !"※*＊".contains(*c))
        .collect();
    match label.as_str() {
        "実績" | "成果実績" | "実績値" | "実 績" => Some(RowRole::Actual),
        "目標" | "目標値" | "成果目標値" => Some(RowRole::Target),
        "達成度" | "達成率" => Some(RowRole::Achievement),
        "基準値" | "基準" | "初期値" => Some(RowRole::Baseline),
        "見込み" | "見込" | "計画" | "計画値" | "見込値" => Some(RowRole::Planned),
        _ => None,
    }
}

/// Reads a table row: a label, an optional unit column, then cells only.
pub fn table_row(line: &str) -> Option<TableRow> {
    let tokens: Vec<&str> = line.split_whitespace().collect();
    let first_cell = tokens
        .iter()
        .position(|t| VALUE_CELL.is_match(t) || is_dash(t))?;
    if first_cell == 0 {
        return None;
    }
    let role = role_of(tokens[0]);
    let (label, unit) = match role {
        Some(_) if first_cell == 2 && UNIT_CELL.is_match(tokens[1]) => {
            (tokens[0].to_string(), Some(tokens[1].to_string()))
        }
        Some(_) if first_cell == 1 => (tokens[0].to_string(), None),
        Some(_) => return None,
        None => (tokens[..first_cell].join(" "), None),
    };
    let mut cells = Vec::new();
    for token in &tokens[first_cell..] {
        if is_dash(token) || is_note(token) {
            cells.push(None);
        } else if VALUE_CELL.is_match(token) {
            cells.push(Some(token.to_string()));
        } else {
            return None;
        }
    }
    cells.iter().any(Option::is_some).then_some(TableRow {
        label,
        role,
        unit,
        cells,
    })
}

/// Whether a line is a row of an indicator table, not of a budget table: a role row
/// (`目標値 件 - 6,000`) or cells counted in a unit other than money (`618人`, `40件`).
/// Percentages alone decide nothing: budget tables carry 増減率 columns.
pub fn is_indicator_row(line: &str) -> bool {
    table_row(line).is_some_and(|row| {
        row.role.is_some()
            || row.cells.iter().flatten().any(|cell| {
                let unit = unit_suffix(std::slice::from_ref(&Some(cell.clone())));
                unit.is_some_and(|u| !u.contains('円') && u != "%" && u != "％")
            })
    })
}

/// A named row's label that could be an indicator (not money, not a year or a bare number).
fn indicator_label(label: &str, cells: &[Option<String>]) -> bool {
    let chars = label.chars().count();
    (2..=30).contains(&chars)
        && !MONEY_WORDS.iter().any(|w| label.contains(w))
        && !label.contains('円')
        && !label.ends_with("年度")
        && !label.starts_with(|c: char| c.is_ascii_digit())
        && !cells.iter().flatten().any(|c| c.contains('円'))
}

/// Whether a line only notes something about a table (`（見込み）`, `※…`, `目標年度`).
fn is_table_note(line: &str) -> bool {
    line.starts_with('※')
        || line.contains("目標年度")
        || is_note(line)
        || find_fiscal_years(line)
            .first()
            .is_some_and(|m| m.start == 0 && line.len() - m.end <= 3)
}

/// The text of `【…】` starting at `index` (possibly closed on the next line).
fn bracket_name(lines: &[&str], index: usize) -> Option<(String, usize)> {
    let line = lines.get(index)?.trim();
    let open = line.strip_prefix('【')?;
    let (name, last) = match open.split_once('】') {
        Some((name, _)) => (name.to_string(), index),
        None => {
            let next = next_non_empty(lines, index)?;
            let (tail, _) = lines[next].trim().split_once('】')?;
            (format!("{open}{tail}"), next)
        }
    };
    let name = name.trim().to_string();
    (name.chars().count() >= 4 && !name.contains("状況")).then_some((name, last))
}

/// A line naming the indicator of the table under it after a numbered label and a colon
/// (`指標１：補助金電子申請システムの利用率（単位：%）`), the unit's note left out; none for
/// an indicator restated (`【指標１の再掲】`), which is read where it was first stated.
fn labelled_name(line: &str) -> Option<String> {
    static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(?:指標|KPI|ＫＰＩ|成果指標|測定指標)\s*[0-9０-９]{1,3}\s*[:：]\s*(?P<name>[^:：]+?)\s*(?:[（(]単位[:：][^（）()]*[）)])?$",
        )
        .expect("labelled name pattern")
    });
    let line = line.trim();
    if line.contains("再掲") {
        return None;
    }
    let name = LABELLED.captures(line)?.name("name")?.as_str().trim();
    (name.chars().count() >= 4).then(|| name.to_string())
}

/// The unit a note on a name's line gives its figures (`…の利用率（単位：%）`).
fn unit_note(line: &str) -> Option<String> {
    static UNIT_NOTE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"[（(]単位[:：]\s*([^（）()、,]{1,6})[）)]").expect("unit note pattern")
    });
    UNIT_NOTE
        .captures(line)
        .and_then(|caps| caps.get(1))
        .map(|unit| unit.as_str().trim().to_string())
}

/// Endings of a counted quantity's label (`受付件数`, `受講者数`, `普及率`, `割合`).
const COUNT_LABEL_ENDINGS: [&str; 3] = ["数", "率", "割合"];

/// Most lines from one part of a figure card to the next (blank lines between them).
const CARD_GAP: usize = 3;

/// Whether a line is the label of one counted figure: a short name ending in a count word,
/// with no figures of its own and no money wording.
fn is_count_label(line: &str) -> bool {
    COUNT_LABEL_ENDINGS.iter().any(|e| line.ends_with(e))
        && !line.contains(char::is_whitespace)
        && !line.chars().any(|c| c.is_numeric())
        && indicator_label(line, &[])
}

/// Figure cards of slides: a fiscal year alone on its line, the label of a count below it,
/// and the count alone below that (`令和４年度` / `受付件数` / `128,532件`): an indicator with
/// that year's actual, named by its label (a reader may qualify it).
pub fn figure_cards(lines: &[&str]) -> Vec<TableIndicator> {
    let near = |from: usize| next_non_empty(lines, from).filter(|at| at - from <= CARD_GAP);
    let mut found = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        let line = line.trim();
        let years = find_fiscal_years(line);
        let [year] = years.as_slice() else {
            continue;
        };
        if year.start != 0 || !line[year.end..].trim().is_empty() {
            continue;
        }
        let Some(label_at) = near(index).filter(|at| is_count_label(lines[*at].trim())) else {
            continue;
        };
        let Some(value_at) = near(label_at) else {
            continue;
        };
        let value = lines[value_at].trim();
        let cell = [Some(value.to_string())];
        let unit = unit_suffix(&cell);
        if !VALUE_CELL.is_match(value) || unit.as_deref().is_none_or(|u| u.contains('円')) {
            continue;
        }
        found.push(TableIndicator {
            name: lines[label_at].trim().to_string(),
            row_label: true,
            name_line: label_at,
            first: index,
            last: value_at,
            unit,
            values: IndicatorValues {
                actuals: vec![(year.year.gregorian(), value.to_string())],
                ..IndicatorValues::default()
            },
            ..TableIndicator::default()
        });
    }
    found
}

fn next_non_empty(lines: &[&str], index: usize) -> Option<usize> {
    (index + 1..lines.len()).find(|j| !lines[*j].trim().is_empty())
}

fn previous_non_empty(lines: &[&str], index: usize, count: usize) -> Vec<usize> {
    (0..index)
        .rev()
        .filter(|j| !lines[*j].trim().is_empty())
        .take(count)
        .collect()
}

/// The block of consecutive text lines just above `before`, after `after`.
fn text_block_above(lines: &[&str], after: usize, before: usize) -> Option<(String, usize)> {
    let mut end = before;
    while end > after + 1 && lines[end - 1].trim().is_empty() {
        end -= 1;
    }
    let mut start = end;
    while start > after + 1 {
        let line = lines[start - 1].trim();
        if line.is_empty() || is_table_note(line) || table_row(line).is_some() {
            break;
        }
        start -= 1;
    }
    if start == end {
        return None;
    }
    let name: String = lines[start..end].iter().map(|l| l.trim()).collect();
    (name.chars().count() >= 4).then_some((name, start))
}

/// A table under one header: its years, where it ends, and its rows.
struct Table {
    header: usize,
    columns: Vec<u16>,
    forecast_last: bool,
    target_last: bool,
    rows: Vec<(usize, TableRow)>,
}

fn read_table(lines: &[&str], header: usize, years: Vec<u16>) -> Table {
    let mut table = Table {
        header,
        columns: years,
        forecast_last: false,
        target_last: target_column(lines[header]),
        rows: Vec::new(),
    };
    let mut seen = 0;
    let mut index = header;
    while seen < TABLE_REACH {
        let Some(next) = next_non_empty(lines, index) else {
            break;
        };
        index = next;
        seen += 1;
        let line = lines[index].trim();
        if year_header(line).is_some() {
            break;
        }
        if line.contains("見込") && is_note(line) && table.rows.is_empty() {
            table.forecast_last = true;
        }
        if line.contains("目標年度") {
            let due = find_fiscal_years(line).into_iter().next().or_else(|| {
                next_non_empty(lines, index)
                    .and_then(|j| find_fiscal_years(lines[j]).into_iter().next())
            });
            if let Some(due) = due {
                let year = due.year.gregorian();
                if table.columns.last().is_some_and(|last| *last < year) {
                    table.columns.push(year);
                }
            }
            continue;
        }
        match table_row(line) {
            Some(row) => table.rows.push((index, row)),
            None if !table.rows.is_empty() && !is_table_note(line) => {
                // Text after rows: the table ends unless more role rows follow soon.
                let more = (index + 1..lines.len())
                    .filter(|j| !lines[*j].trim().is_empty())
                    .take(3)
                    .any(|j| table_row(lines[j]).is_some_and(|r| r.role.is_some()));
                if !more {
                    break;
                }
            }
            None => {}
        }
    }
    table
}

fn with_unit(value: &str, unit: Option<&str>) -> String {
    match unit {
        Some(unit) if value.ends_with(char::is_numeric) => {
            format!("{value}{unit}")
        }
        _ => value.to_string(),
    }
}

/// Values of `cells` by column year, when the cells line up with the columns.
fn by_year(columns: &[u16], cells: &[Option<String>], unit: Option<&str>) -> Vec<(u16, String)> {
    if cells.len() != columns.len() {
        return Vec::new();
    }
    columns
        .iter()
        .zip(cells)
        .filter_map(|(year, cell)| cell.as_ref().map(|c| (*year, with_unit(c, unit))))
        .collect()
}

/// The unit a value carries after its number (`618人` → `人`).
fn unit_suffix(cells: &[Option<String>]) -> Option<String> {
    let cell = cells.iter().flatten().next()?;
    let suffix: String = cell
        .chars()
        .skip_while(|c| c.is_numeric() || ",，.．△▲-－".contains(*c))
        .take_while(|c| !"（(".contains(*c))
        .collect();
    UNIT_CELL.is_match(&suffix).then_some(suffix)
}

/// Applies one role row to an indicator's values.
fn apply_row(indicator: &mut TableIndicator, table: &Table, row: &TableRow) {
    let unit = row.unit.clone().or_else(|| indicator.unit.clone());
    if indicator.unit.is_none() {
        indicator.unit = unit.clone();
    }
    let unit = unit.as_deref();
    let last_value = row
        .cells
        .iter()
        .enumerate()
        .rev()
        .find_map(|(i, c)| c.as_ref().map(|c| (i, with_unit(c, unit))));
    let aligned = row.cells.len() == table.columns.len();
    let values = &mut indicator.values;
    match row.role {
        Some(RowRole::Target) => {
            if let Some((column, value)) = last_value {
                values.target = Some(value);
                values.target_year = aligned.then(|| table.columns[column]);
            }
        }
        Some(RowRole::Actual) => values.actuals = by_year(&table.columns, &row.cells, unit),
        Some(RowRole::Achievement) => values.achievement = last_value.map(|(_, v)| v),
        Some(RowRole::Baseline) => {
            values.baseline = row
                .cells
                .iter()
                .flatten()
                .next()
                .map(|c| with_unit(c, unit));
        }
        Some(RowRole::Planned) => indicator.planned = by_year(&table.columns, &row.cells, unit),
        None => {}
    }
}

/// The name of the indicator whose role rows start at `first_row`: the text block between
/// the previous rows (or the header) and them, a `【name】` just above the header, or a
/// `【name】` just below the rows.
fn role_group_name(
    lines: &[&str],
    table: &Table,
    after: usize,
    first_row: usize,
    last_row: usize,
) -> Option<(String, usize)> {
    if let Some(found) = text_block_above(lines, after, first_row) {
        return Some(found);
    }
    for j in previous_non_empty(lines, table.header, 2) {
        if let Some((name, _)) = bracket_name(lines, j) {
            return Some((name, j));
        }
        if let Some(name) = labelled_name(lines[j]) {
            return Some((name, j));
        }
    }
    let below = next_non_empty(lines, last_row)?;
    bracket_name(lines, below).map(|(name, _)| (name, below))
}

/// Consecutive role rows of one indicator: a role seen twice starts the next one.
fn role_groups(rows: &[(usize, TableRow)]) -> Vec<Vec<&(usize, TableRow)>> {
    let mut groups: Vec<Vec<&(usize, TableRow)>> = Vec::new();
    let mut open = false;
    for entry in rows {
        let Some(role) = entry.1.role else {
            open = false;
            continue;
        };
        match groups.last_mut() {
            Some(group) if open && group.iter().all(|(_, r)| r.role != Some(role)) => {
                group.push(entry)
            }
            _ => groups.push(vec![entry]),
        }
        open = true;
    }
    groups
}

/// Every indicator in the year tables of `lines`.
pub fn indicators_in_tables(lines: &[&str]) -> Vec<TableIndicator> {
    let mut found = Vec::new();
    let mut index = 0;
    while index < lines.len() {
        let Some(years) = year_header(lines[index].trim()) else {
            index += 1;
            continue;
        };
        let table = read_table(lines, index, years);
        for (line, row) in &table.rows {
            if row.role.is_none() && indicator_label(&row.label, &row.cells) {
                found.push(named_row(&table, *line, row));
            }
        }
        let mut after = table.header;
        for group in role_groups(&table.rows) {
            let (Some(first), Some(last)) = (group.first(), group.last()) else {
                continue;
            };
            let Some((name, name_line)) = role_group_name(lines, &table, after, first.0, last.0)
            else {
                after = last.0;
                continue;
            };
            let mut indicator = TableIndicator {
                name,
                name_line,
                first: table.header.min(name_line),
                last: last.0.max(name_line),
                unit: unit_note(lines[name_line]),
                ..TableIndicator::default()
            };
            for (_, row) in &group {
                apply_row(&mut indicator, &table, row);
            }
            found.push(indicator);
            after = last.0;
        }
        index = table
            .rows
            .last()
            .map_or(index + 1, |(line, _)| (*line + 1).max(index + 1));
    }
    found
}

fn named_row(table: &Table, line: usize, row: &TableRow) -> TableIndicator {
    let unit = unit_suffix(&row.cells);
    let mut indicator = TableIndicator {
        name: row.label.clone(),
        row_label: true,
        name_line: line,
        first: table.header,
        last: line,
        unit: unit.clone(),
        ..TableIndicator::default()
    };
    let mut actual = row.cells.clone();
    if table.target_last && actual.len() == table.columns.len() {
        indicator.values.target = actual.pop().flatten();
        indicator.values.target_year = table.columns.last().copied();
        actual.push(None);
    } else if table.forecast_last && actual.len() == table.columns.len() {
        let planned = actual.pop().flatten();
        if let (Some(value), Some(year)) = (planned, table.columns.last()) {
            indicator.planned.push((*year, value));
        }
        actual.push(None);
    }
    indicator.values.actuals = by_year(&table.columns, &actual, None);
    indicator
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<&str> {
        text.lines().collect()
    }

    #[test]
    fn a_numbered_label_names_the_table_under_it_with_its_unit() {
        let text = "指標２：空き家バンクの成約率（単位：%）\n\
                    年度\t令和２年度(基準)\t令和３年度\t令和４年度\n\
                    実績値\t12.5\t14.0\t15.2\n\
                    \n\
                    指標５：空き家バンクの成約率（単位：%）【指標２の再掲】\n\
                    年度\t令和２年度(基準)\t令和３年度\t令和４年度\n\
                    実績値\t12.5\t14.0\t15.2\n";
        let found = indicators_in_tables(&lines(text));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].name, "空き家バンクの成約率");
        assert_eq!(found[0].name_line, 0);
        assert_eq!(
            found[0].values.actuals,
            [
                (2020, "12.5%".to_string()),
                (2021, "14.0%".to_string()),
                (2022, "15.2%".to_string())
            ]
        );
    }

    #[test]
    fn headers_are_rows_of_increasing_years() {
        assert_eq!(
            year_header("成果目標 定量的な成果指標 単位 令和2年度 令和3年度 令和4年度"),
            Some(vec![2020, 2021, 2022])
        );
        assert_eq!(
            year_header("年 度 29年度 30年度 元年度 ２年度"),
            Some(vec![2017, 2018, 2019, 2020])
        );
        assert_eq!(year_header("令和５年度から７年度までの評価"), None);
        assert_eq!(
            year_header("令和5年度当初予算と令和4年度補正予算の内訳について"),
            None
        );
    }

    #[test]
    fn rows_have_a_label_a_unit_and_cells() {
        let row = table_row("成果実績 件 1,200 1,350 - -").expect("a row");
        assert_eq!(row.role, Some(RowRole::Actual));
        assert_eq!(row.unit.as_deref(), Some("件"));
        assert_eq!(row.cells.len(), 4);
        let named = table_row("相談件数 10人 12人 (集計中)").expect("a row");
        assert_eq!(named.role, None);
        assert_eq!(named.label, "相談件数");
        assert_eq!(
            named.cells,
            [Some("10人".into()), Some("12人".into()), None]
        );
        assert!(table_row("令和4年度は相談件数が増えた").is_none());
        assert!(table_row("1,200 1,350").is_none());
        assert!(is_indicator_row("目標値 件 - - 500"));
        assert!(is_indicator_row("参加者数 1,000人 2,500人"));
        assert!(!is_indicator_row("通信基盤整備 120 150 30"));
        assert!(!is_indicator_row("予算額 10億円 12億円"));
        assert!(!is_indicator_row(
            "一般会計 48,620,000 46,930,000 1,690,000 3.6%"
        ));
    }

    #[test]
    fn role_rows_take_the_name_written_between_header_and_rows() {
        let text = "成果目標 定量的な成果指標 単位 令和3年度 令和4年度 令和5年度\n目標年度\n\n9年度\n\n窓口の利用件数の\n増加\n\n窓口の利用件数\n\n成果実績 件 300 320 350 -\n\n目標値 件 - - - 500\n\n達成度 ％ - - - -\n";
        let found = indicators_in_tables(&lines(text));
        assert_eq!(found.len(), 1, "{found:?}");
        let indicator = &found[0];
        assert_eq!(indicator.name, "窓口の利用件数");
        assert!(!indicator.row_label);
        assert_eq!(indicator.values.target.as_deref(), Some("500件"));
        assert_eq!(indicator.values.target_year, Some(2027));
        assert_eq!(
            indicator.values.actuals,
            [
                (2021, "300件".into()),
                (2022, "320件".into()),
                (2023, "350件".into())
            ]
        );
        assert_eq!(indicator.values.achievement, None);
        assert_eq!(indicator.first, 0);
        assert_eq!(indicator.last, 12);
    }

    #[test]
    fn bracketed_names_above_or_below_the_table() {
        let text = "【海外展開の件数】\n令和元年度 令和２年度 令和６年度\n目標 ー ー 40件\n実績 12件 18件 ー\n○次の取組\n令和２年度 令和３年度 令和７年度\n目標 ー ー 80\n実績 5 (集計中) ー\n【新しい技術を導入した\n団体の数】\n";
        let found = indicators_in_tables(&lines(text));
        let names: Vec<&str> = found.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(names, ["海外展開の件数", "新しい技術を導入した団体の数"]);
        assert_eq!(found[0].values.target.as_deref(), Some("40件"));
        assert_eq!(found[0].values.target_year, Some(2024));
        assert_eq!(
            found[0].values.actuals,
            [(2019, "12件".into()), (2020, "18件".into())]
        );
        assert_eq!(found[1].values.actuals, [(2020, "5".into())]);
        assert_eq!(found[1].name_line, 8);
    }

    #[test]
    fn named_rows_are_indicators_and_budget_rows_are_not() {
        let text = "令和３年度 令和４年度 令和５年度\n（見込み）\n開催数 120 240 300\n参加者数 1,000人 2,500人 3,000人\n予算額 10億円 12億円 15億円\n";
        let found = indicators_in_tables(&lines(text));
        let names: Vec<&str> = found.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(names, ["開催数", "参加者数"]);
        assert!(found.iter().all(|i| i.row_label));
        assert_eq!(found[1].unit.as_deref(), Some("人"));
        assert_eq!(
            found[1].values.actuals,
            [(2021, "1,000人".into()), (2022, "2,500人".into())]
        );
        assert_eq!(found[1].planned, [(2023, "3,000人".into())]);
        let with_target = "| 指標 | 令和4年度 | 令和5年度 | 目標（令和9年度） |\n| 相談件数 | 1,200件 | 1,350件 | 3,000件 |\n";
        let spaced = with_target.replace('|', " ");
        let found = indicators_in_tables(&lines(&spaced));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].values.target.as_deref(), Some("3,000件"));
        assert_eq!(found[0].values.target_year, Some(2027));
        assert_eq!(found[0].values.actuals.len(), 2);
    }

    #[test]
    fn figure_cards_are_a_year_a_count_label_and_the_count() {
        let text =
            "相談窓口の状況\n 令和４年度\n受付件数\n\n128,532件\n\n国・独法等関係\n55,547件\n";
        let found = figure_cards(&lines(text));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].name, "受付件数");
        assert!(found[0].row_label);
        assert_eq!(
            (found[0].first, found[0].name_line, found[0].last),
            (1, 2, 4)
        );
        assert_eq!(found[0].unit.as_deref(), Some("件"));
        assert_eq!(found[0].values.actuals, [(2022, "128,532件".to_string())]);
        for not_a_card in [
            "令和４年度\n予算額\n12億円\n",
            "令和４年度\n受付件数\n多数\n",
            "令和４年度の実績\n受付件数\n128,532件\n",
            "令和４年度\n受付件数の推移を示す\n128,532件\n",
            "令和４年度\n受付件数\n\n\n\n\n128,532件\n",
        ] {
            assert!(figure_cards(&lines(not_a_card)).is_empty(), "{not_a_card}");
        }
    }
}
