//! Indicator tables whose header names their columns: `No. | 測定指標 | 基準値(年度) |
//! 目標値(年度) | 実績値 | 達成状況` with the actuals' years on a line under the header,
//! `KPI | 現状値（令和５年度） | 目標値（令和１１年度）` with the years in the header's cells,
//! `成果指標（KPI） | 基準値 | 基準年度 | 目標値 | 目標年度 | 直近値（年度）` with the years in
//! columns or cells of their own, and `指標名 | 単位 | 基準値 | (目標値/実績値) | 令和4年度 | … |
//! 最終目標値` with rows labelled by what they hold. Each row (or pair of labelled rows) is one
//! indicator.
//!
//! Line indices here are positions in the slice the caller passes.

use super::amounts::is_box_rule;
use super::indicator_across::across_table;
use super::indicator_long::long_table;
use super::indicator_stacked::stacked_table;
use super::names::{clean_name, is_hiragana, without_note_mark};
use super::numbering::{Style, names_plan_level, numbered};
use super::readings::{header_words_from_readings, holds_readings};
use super::targets::IndicatorValues;
use super::targets::{year_in, year_values};
use super::year_tables::{TableIndicator, is_dash, year_header};
use crate::normalize::nfkc;
use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;

/// What a header cell says its column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// A row number (`No.`).
    Number,
    /// The indicator's name (`測定指標`, `KPI`, `指標名`).
    Name,
    /// The item the row's indicator measures (`施策`, `事業名`), left blank under a cell
    /// that spans the rows below it.
    Subject,
    /// The unit of the row's figures (`単位`).
    Unit,
    /// 基準値 / 現状値, with the year the header gives.
    Baseline(Option<u16>),
    /// 基準年度.
    BaselineYear,
    /// 目標値, with the year the header gives.
    Target(Option<u16>),
    /// 目標年度.
    TargetYear,
    /// 実績値 / 直近値, with the year the header gives.
    Actual(Option<u16>),
    /// 実績 over a chain of years (`実績の推移（R4→R5→R6）`): each cell a chain of the values
    /// of those years in order (`889g→874g→861g`), from the first year to the last, one a year.
    ActualChain { first: u16, last: u16 },
    /// A bare year: the actual of that year, or the target of that year in a row labelled so.
    Year(u16),
    /// The year of the row's figures (`年度` over `R3`, `R4`, … rows of one indicator): the
    /// columns of targets and actuals after it are that year's.
    RowYear,
    /// 達成状況 / 評価 / 評定 / 進捗.
    Achievement,
    /// 達成度(%) / 達成率: the share of the target reached, in percent when the header says so.
    AchievementRate { percent: bool },
    /// Anything else (a rate, the responsible office, a note, a blank over row labels).
    Other,
}

/// Levels of a plan a column of group cells names (`基本目標 | 具体的な施策 | KPI`).
pub(super) const PLAN_LEVELS: [&str; 4] = ["基本目標", "施策目標", "政策目標", "基本方針"];

/// What a row labelled by a cell of its own holds in its year columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RowKind {
    Targets,
    Actuals,
    /// 達成度（%）: the share of each year's target reached, in percent when the label says so.
    Rates {
        percent: bool,
    },
}

/// The role a header cell names.
pub(super) fn role_of(cell: &str) -> Role {
    let text = nfkc(&header_words_from_readings(cell)).replace([' ', '\u{3000}'], "");
    let year = year_in(&text);
    let has = |words: &[&str]| words.iter().any(|w| text.contains(w));
    if has(&["達成度", "達成率"]) && text.contains(['%', '率']) {
        return Role::AchievementRate {
            percent: text.contains('%'),
        };
    }
    if text.is_empty() || text.contains(['%', '率']) && !has(&["指標"]) {
        return Role::Other;
    }
    // `No.`, and an export's `指標No` / `指標番号` / `施策コード`: the row's number or code.
    let numbering = ["No", "No.", "NO", "NO.", "番号", "#", "コード", "ID"];
    if numbering.iter().any(|w| text.ends_with(w)) {
        return Role::Number;
    }
    // `評価年度` (the year the sheet was made), `目標の方向` (↑ / ↓), `評価理由`, `施策の
    // 方向性`, `指標の説明・算出方法`: words about the row, no value of its indicator.
    let about_row = [
        "方向",
        "理由",
        "評価年度",
        "評価年",
        "備考",
        "コメント",
        "所見",
        "説明",
        "算出",
        "定義",
        "出典",
        "測定方法",
    ];
    // (`施策の方向` alone, a plan's level over its measures, names the item.)
    if text == "施策の方向" {
        return Role::Subject;
    }
    if about_row.iter().any(|w| text.contains(w)) {
        return Role::Other;
    }
    if text == "単位" {
        return Role::Unit;
    }
    // `指標の種類`, `指標区分` over `活動指標` / `成果指標`: what kind of indicator the row's is,
    // no name.
    if text.contains("指標") && has(&["種類", "種別", "区分", "分類"]) {
        return Role::Other;
    }
    // `重要業績評価指標（KPI）`, `評価指標`: the indicator's name, whatever words it holds.
    if text.contains("KPI") || text.ends_with("指標") {
        return Role::Name;
    }
    let reached = matches!(
        text.as_str(),
        "達成" | "達成区分" | "達成・未達成" | "達成/未達成"
    );
    // (`達成見込み`: the grade of how likely the target is met.)
    if reached
        || has(&[
            "達成状況",
            "達成度",
            "達成見込",
            "評価",
            "評定",
            "進捗",
            "判定",
        ])
    {
        return Role::Achievement;
    }
    // `基本目標`, `施策目標`: a level of the plan the rows stand under, no target.
    if PLAN_LEVELS.contains(&text.as_str()) {
        return Role::Other;
    }
    if has(&["基準年度", "現状年度", "基準年"]) && !has(&["値"]) {
        return Role::BaselineYear;
    }
    // `目標最終年度`, `目標達成年度`: the year, not the value, of the target.
    let target_year_words = text.starts_with("目標") && text.ends_with("年度") && year.is_none();
    if (has(&["目標年度", "目標年"]) || target_year_words) && !has(&["値"]) {
        return Role::TargetYear;
    }
    // `前期間実績`, `前中期目標期間実績`: what the period before reached, the base the targets
    // are set from.
    if has(&[
        "基準",
        "現状",
        "策定時",
        "申請時",
        "前期間",
        "前期実績",
        "前中期",
    ]) {
        return Role::Baseline(year);
    }
    // `年度ごとの目標値・実績値` over `令和２年度`: a year's column of both, the rows' labels
    // (`目標`, `実績`) saying which.
    if let Some(year) = year.filter(|_| has(&["目標"]) && has(&["実績"])) {
        return Role::Year(year);
    }
    if has(&["目標"]) && !has(&["指標"]) {
        return Role::Target(year);
    }
    if has(&["実績", "直近", "現在値"]) {
        if let Some((first, last)) = chained_years(&text) {
            return Role::ActualChain { first, last };
        }
        return Role::Actual(year);
    }
    // `施策`, `具体的な施策`, `主な取組`, `施策の柱`: the item, named in a few words.
    let subject_words = ["施策", "施策名", "事業", "事業名", "取組", "取組名", "柱"];
    if subject_words.iter().any(|w| text.ends_with(w)) && text.chars().count() <= 8 {
        return Role::Subject;
    }
    if has(&["指標", "KPI"]) || matches!(text.as_str(), "項目名" | "名称") {
        return Role::Name;
    }
    if ROW_YEAR_HEADS.contains(&text.as_str()) {
        return Role::RowYear;
    }
    // `令和4年度（2022）`: the year written twice is one short head.
    let head = text
        .strip_suffix(')')
        .and_then(|rest| rest.rsplit_once('('))
        .filter(|(_, western)| western.len() == 4 && western.chars().all(|c| c.is_ascii_digit()))
        .map_or(text.as_str(), |(head, _)| head);
    match year {
        Some(year) if head.chars().count() <= 10 => Role::Year(year),
        _ => Role::Other,
    }
}

/// Heads of a column holding each row's year (`年度`).
const ROW_YEAR_HEADS: [&str; 3] = ["年度", "対象年度", "実績年度"];

/// Whether a word is a figure (`9,940百万円`, `94.0`, `△2,140人`).
fn is_figure(word: &str) -> bool {
    let number = word.trim_start_matches(['△', '▲', '-', '約']);
    let unit =
        number.trim_start_matches(|c: char| c.is_numeric() || matches!(c, ',' | '.' | '，' | '．'));
    // A unit after the figure, not words (`5Gの人口カバー率`).
    number.starts_with(|c: char| c.is_numeric())
        && unit.chars().count() <= MAX_UNIT_CHARS
        && !unit.chars().any(is_hiragana)
}

/// The most chars of a unit after a figure (`万人泊`, `t-CO2`).
const MAX_UNIT_CHARS: usize = 5;

/// The most chars of each word of a header cell a converter ran together with the next
/// (`令和6年度 達成度(%)`); a remark's sentences are longer.
const MAX_HEADING_WORD_CHARS: usize = 12;

/// A cell as two or more where a converter set them one space apart: figures
/// (`9,940百万円 11,260百万円`), or a head and the achievement head after it
/// (`令和6年度 達成度(%)`).
fn split_cell(cell: &str) -> Vec<String> {
    let words: Vec<&str> = cell.split_whitespace().collect();
    // (`2022年度 18.0%／2023年度 21.7%` is one cell: values each after its year.)
    let figures = words.len() >= 2
        && words
            .iter()
            .all(|w| is_figure(w) && year_in(w).is_none() && !w.contains(['／', '/']));
    let heading = |word: &str| word.chars().count() <= MAX_HEADING_WORD_CHARS;
    let achievement_after = words.len() == 2
        && words.iter().all(|w| heading(w))
        && matches!(
            role_of(words[1]),
            Role::Achievement | Role::AchievementRate { .. }
        )
        && !matches!(role_of(words[0]), Role::Other | Role::Name)
        // (`測定指標の 達成状況`: one head a converter broke after its particle.)
        && !words[0].ends_with('の');
    if figures || achievement_after {
        words.into_iter().map(str::to_string).collect()
    } else {
        vec![cell.trim().to_string()]
    }
}

/// The arrow a chain of years or of their values is written with (`R4→R5→R6`).
const CHAIN_ARROW: char = '→';

/// The first and last year of a header's chain of consecutive years (`実績の推移（R4→R5→R6）`
/// → 2022, 2024): two or more years, each the one after the year before it.
fn chained_years(text: &str) -> Option<(u16, u16)> {
    let years: Vec<u16> = text
        .split(CHAIN_ARROW)
        .map(year_in)
        .collect::<Option<Vec<u16>>>()?;
    let consecutive = years.windows(2).all(|pair| pair[1] == pair[0] + 1);
    match (years.first(), years.last()) {
        (Some(first), Some(last)) if years.len() >= 2 && consecutive => Some((*first, *last)),
        _ => None,
    }
}

/// The values of a chain written in one cell (`889g→874g→861g`, `―` for a year without one),
/// each with its year from `first` to `last`; none unless the chain has a link for each year.
fn chained_values(cell: &str, first: u16, last: u16) -> Vec<(u16, String)> {
    let links: Vec<&str> = cell.split(CHAIN_ARROW).map(str::trim).collect();
    if links.len() != usize::from(last.saturating_sub(first)) + 1 {
        return Vec::new();
    }
    (first..=last)
        .zip(links)
        .filter(|(_, link)| !link.is_empty() && !is_dash(link))
        .map(|(year, link)| (year, link.to_string()))
        .collect()
}

/// A cell of a header laid out with spaces holding two or more heads of columns of values
/// one space apart (`目標値（Ｒ６）　Ｒ４実績`, `目標値 年度 実績 R04`), each naming its kind of
/// figure, maybe followed by its year or the word 年度: the heads, each with its qualifiers.
fn heads_apart(cell: &str) -> Option<Vec<String>> {
    let mut heads: Vec<Vec<&str>> = Vec::new();
    for word in cell.split_whitespace() {
        if word.chars().count() > MAX_HEADING_WORD_CHARS {
            return None;
        }
        match role_of(word) {
            Role::Baseline(_) | Role::Target(_) | Role::Actual(_) => heads.push(vec![word]),
            Role::RowYear | Role::Year(_) => heads.last_mut()?.push(word),
            _ => return None,
        }
    }
    (heads.len() >= 2).then(|| heads.iter().map(|head| head.join(" ")).collect())
}

/// A row's cells: split at tabs or `|` with empty cells kept (at either end too), else at
/// gaps of two or more spaces.
pub(super) fn row_cells(line: &str) -> Vec<String> {
    if line.contains('\t') {
        // Tabs at either end are empty cells (a spreadsheet's row with its first or last
        // cells blank).
        let cells = line.trim_matches([' ', '\u{3000}', '\r', '\n']);
        return cells.split('\t').flat_map(split_cell).collect();
    }
    let trimmed = line.trim();
    if trimmed.starts_with(BARS) {
        let inner = trimmed.strip_prefix(BARS).unwrap_or(trimmed);
        let inner = inner.strip_suffix(BARS).unwrap_or(inner);
        // `│加者数（累計）   ├────┼────┤`: a name's last line beside the rule under the cells
        // of its first row; the rule is no cell.
        let inner = inner.find(is_box_rule).map_or(inner, |at| &inner[..at]);
        return inner.split(BARS).flat_map(split_cell).collect();
    }
    static GAP: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[ \u{3000}]{2,}").expect("gap pattern"));
    let mut cells: Vec<String> = Vec::new();
    for cell in GAP.split(trimmed).filter(|c| !c.trim().is_empty()) {
        // `令和11年度末までに  400件`: the year a target is due, a gap, then the target.
        if let Some(due) = cells.last_mut().filter(|last| is_due_before_value(last)) {
            due.push(' ');
            due.push_str(cell.trim());
            continue;
        }
        cells.extend(heads_apart(cell).unwrap_or_else(|| split_cell(cell)));
    }
    cells
}

/// A year before the words `…までに` / `…に` that say a value after it is due then
/// (`令和11年度末までに`, `令和11年度に`).
static DUE_BEFORE_VALUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:{ERA_YEAR}|{WESTERN_YEAR})\s*年度?{DUE_WORDS}$"
    ))
    .expect("due before value")
});

/// A year of an era as a cell writes it (`令和5`, `R元`, `Ｈ30`), before its `年度` if any.
const ERA_YEAR: &str = r"(?:[RHＲＨ]|令和|平成)\s*(?:元|[0-9０-９]{1,2})";

/// A Western year's digits (`2025`), before its `年度`.
const WESTERN_YEAR: &str = r"[0-9０-９]{4}";

/// The words after a year that say a value is due then (`までに`, `末までに`, `に`).
const DUE_WORDS: &str = r"末?(?:まで)?に";

/// Whether a cell only says when the value after it is due (`令和11年度末までに`).
fn is_due_before_value(cell: &str) -> bool {
    DUE_BEFORE_VALUE.is_match(cell.trim())
}

/// The bars between cells: Markdown's and a box drawing's (`│１│名称│`).
const BARS: [char; 4] = ['|', '｜', '│', '┃'];

/// A rule drawn between rows (`-----`, `|---|---:|`, `====`, `├──┼──┤`).
fn is_rule(line: &str) -> bool {
    let trimmed = line.trim();
    !trimmed.is_empty()
        && trimmed.chars().all(|c| {
            matches!(
                c,
                '-' | '='
                    | '─'
                    | '━'
                    | '|'
                    | '｜'
                    | '│'
                    | '┃'
                    | ':'
                    | '+'
                    | ' '
                    | '\t'
                    | 'ー'
                    | '－'
                    | '―'
                    | '┌'..='╋'
            )
        })
}

/// The roles of a header line, when it is an indicator table's: a name column and at least
/// two columns of values.
fn header_roles(line: &str) -> Option<Vec<Role>> {
    let cells = row_cells(line);
    if cells.len() < 3 {
        return None;
    }
    let mut roles: Vec<Role> = cells.iter().map(|c| role_of(c)).collect();
    // `基本目標 | 指標 | 策定時 | …`: a level of the plan is the rows' item where no column
    // of measures stands beside it.
    if !roles.contains(&Role::Subject) {
        let levels = cells.iter().position(|cell| {
            PLAN_LEVELS.contains(&nfkc(cell).replace([' ', '\u{3000}'], "").as_str())
        });
        if let Some(at) = levels {
            roles[at] = Role::Subject;
        }
    }
    // `数値目標 | 基準値 | 目標値 | …`: a first column headed by the kind of target, beside a
    // column of the targets' values, names the indicators set as such targets.
    if !roles.contains(&Role::Name)
        && matches!(roles.first(), Some(Role::Target(None)))
        && roles[1..].iter().any(|r| matches!(r, Role::Target(_)))
    {
        roles[0] = Role::Name;
    }
    let names = roles.iter().filter(|r| **r == Role::Name).count();
    let valued = [
        roles.iter().any(|r| matches!(r, Role::Baseline(_))),
        roles.iter().any(|r| matches!(r, Role::Target(_))),
        roles.iter().any(|r| {
            matches!(
                r,
                Role::Actual(_) | Role::Year(_) | Role::ActualChain { .. }
            )
        }),
    ];
    // Years alone, beside a unit or an achievement column, are an evaluation sheet's
    // (`指標名 | 単位 | 令和4年度 | 令和5年度 | 評価`); without them, a year table's.
    let years = roles.iter().filter(|r| matches!(r, Role::Year(_))).count();
    let sheet = years >= 2
        && roles
            .iter()
            .any(|r| matches!(r, Role::Unit | Role::Achievement));
    (names == 1 && (valued.iter().filter(|v| **v).count() >= 2 || sheet || grades_only(&roles)))
        .then_some(roles)
}

/// Whether a header names the indicators and their grades alone (`指標コード | 指標 | 評価 |
/// 評価の理由`): a table that grades indicators a table above gave the values of.
fn grades_only(roles: &[Role]) -> bool {
    roles.contains(&Role::Achievement)
        && roles.iter().all(|role| {
            matches!(
                role,
                Role::Name | Role::Number | Role::Subject | Role::Achievement | Role::Other
            )
        })
}

/// Whether a line under a header only completes its cells (`(令和8年度) | (令和3年度) | 実績`).
fn completes_header(cells: &[String]) -> bool {
    !cells.is_empty()
        && cells.iter().all(|cell| {
            let text = nfkc(cell);
            let bare = text.trim_matches(['(', ')']);
            (text.starts_with('(') && year_in(bare).is_some()) || FIGURE_KINDS.contains(&bare)
        })
}

/// Words under a year's heading that say which of its figures a column holds.
const FIGURE_KINDS: [&str; 6] = ["実績", "実績値", "目標", "目標値", "見込", "見込み"];

/// A header over two rows as a spreadsheet exports its merged cells: only the first cell of
/// a heading spanning columns holds its words (`基準値 | | 令和4年度 |` over `数値 | 年 | 目標 |
/// 実績`), and a heading spanning both rows leaves the cell under it blank. Each blank is
/// given the words of the cell it belongs to; `None` when no heading spans columns so.
fn merged_header(header: &[String], under: &[String]) -> Option<(Vec<String>, Vec<String>)> {
    let blank = |cell: &String| cell.trim().is_empty();
    let spans_across =
        (1..header.len().min(under.len())).any(|i| blank(&header[i]) && !blank(&under[i]));
    if !spans_across || under.len() != header.len() {
        return None;
    }
    let mut heads = header.to_vec();
    for i in 1..heads.len() {
        if blank(&heads[i]) && !blank(&under[i]) {
            heads[i] = heads[i - 1].clone();
        }
    }
    let unders = under
        .iter()
        .zip(&heads)
        .map(|(cell, head)| {
            if blank(cell) {
                head.clone()
            } else {
                cell.clone()
            }
        })
        .collect();
    Some((heads, unders))
}

/// The header's cells with the line under it added to them in order, the name's cell left as
/// it is; `None` when the line has more cells than the header has to complete. Each cell under
/// goes to the next column it can complete (`基準値 | R4 | … | R6 | R6` over `（R3） | 実績 |
/// … | 目標`: a year under a column of values without one, a kind of figure under a year),
/// or, when some cell has none, to the columns in order.
fn completed_header(header: &[String], under: &[String]) -> Option<Vec<String>> {
    let open: Vec<usize> = (0..header.len())
        .filter(|i| role_of(&header[*i]) != Role::Name)
        .collect();
    if under.len() > open.len() {
        return None;
    }
    let fitting = fitting_columns(header, under);
    let mut cells = header.to_vec();
    for (at, extra) in fitting.as_deref().unwrap_or(&open).iter().zip(under) {
        cells[*at] = format!("{}{}", cells[*at], extra);
    }
    Some(cells)
}

/// For each cell under a header, the column it completes, matched from the right (the
/// words under a header stand under its last columns): a year in brackets under a column of
/// values that names none, a kind of figure (`実績`, `目標`) under a year; `None` when some
/// cell completes no column before the one after it.
fn fitting_columns(header: &[String], under: &[String]) -> Option<Vec<usize>> {
    let mut end = header.len();
    let mut fitted: Vec<usize> = under
        .iter()
        .rev()
        .map(|extra| {
            let bracketed_year = nfkc(extra).starts_with('(');
            let at = (0..end).rev().find(|at| match role_of(&header[*at]) {
                Role::Baseline(None) | Role::Target(None) | Role::Actual(None) => bracketed_year,
                Role::Year(_) => !bracketed_year,
                _ => false,
            })?;
            end = at;
            Some(at)
        })
        .collect::<Option<_>>()?;
    fitted.reverse();
    Some(fitted)
}

/// Words under a heading that say which of its figures a column holds: its year or its value
/// (`基準値` over `年度 | 値`).
const YEAR_OR_VALUE: [&str; 5] = ["年度", "年", "時点", "値", "数値"];

/// How a note under a table begins (`※1`, `注）`, `＊`).
const NOTE_MARKS: [char; 4] = ['※', '注', '＊', '*'];

/// Words under a target's heading that say which setting of the target a column holds
/// (`目標値（令和９年度）` over `当初 | 見直し後`): each is a target, a later one standing
/// where it is stated.
const TARGET_SETTINGS: [&str; 6] = ["当初", "見直し後", "修正後", "変更後", "改定後", "見直し"];

/// The roles of a header over two rows of the same cells, where a heading spanning columns
/// or rows stands in each of its cells (`成果指標 | 基準値 | 基準値 | 実績値 | … | 目標値 |
/// 目標値 | 進捗` over `成果指標 | 年度 | 値 | 令和4年度 | … | 値 | 年度 | 進捗`): each column's
/// role from its heading and the words under it; `None` when the line under is no such row.
fn headings_under(header: &[String], under: &[String]) -> Option<Vec<Role>> {
    if let Some((header, under)) = merged_header(header, under) {
        return headings_under(&header, &under);
    }
    if under.len() != header.len() {
        return None;
    }
    let words = |cell: &str| nfkc(cell).replace([' ', '\u{3000}'], "");
    let sub_heading = |heading: &str, cell: &str| {
        let text = words(cell);
        YEAR_OR_VALUE.contains(&text.as_str())
            || (text.chars().count() <= 10 && year_in(&text).is_some())
            || (matches!(role_of(heading), Role::Year(_)) && FIGURE_KINDS.contains(&text.as_str()))
    };
    let setting = |heading: &str, cell: &str| {
        matches!(role_of(heading), Role::Target(_))
            && TARGET_SETTINGS.contains(&words(cell).as_str())
    };
    let pairs = header.iter().zip(under);
    let repeated = pairs.clone().filter(|(h, u)| h.trim() == u.trim()).count();
    let named = pairs
        .clone()
        .filter(|(h, u)| sub_heading(h, u) || setting(h, u))
        .count();
    if repeated == 0 || named == 0 || repeated + named != header.len() {
        return None;
    }
    Some(
        pairs
            .map(|(heading, word)| {
                if heading.trim() == word.trim() {
                    return role_of(heading);
                }
                if setting(heading, word) {
                    return role_of(heading);
                }
                let word = words(word);
                match (role_of(heading), word.as_str()) {
                    (role, "値" | "数値") => role,
                    (Role::Baseline(_), _) if year_in(&word).is_none() => Role::BaselineYear,
                    (Role::Target(_), _) if year_in(&word).is_none() => Role::TargetYear,
                    _ => role_of(&format!("{}{word}", heading.trim())),
                }
            })
            .collect(),
    )
}

/// The roles of a header whose line under it names a year under some of its cells (`年度ごと
/// の目標値・実績値 | | |` over `令和３年度 | 令和４年度 | 令和５年度`), cell for cell: a year
/// heads its column, the header's cell the others; a year in brackets under a column of
/// baselines, targets or actuals that names none (`基準値` over `（令和2年度）`) is that
/// column's year.
fn years_under(roles: &[Role], under: &[String]) -> Option<Vec<Role>> {
    let bracketed = |cell: &String| nfkc(cell.trim()).starts_with('(');
    let years: Vec<Option<u16>> = under
        .iter()
        .map(|cell| {
            let text = cell.trim();
            (text.chars().count() <= 10)
                .then(|| year_in(text))
                .flatten()
        })
        .collect();
    let named = years.iter().flatten().count();
    let rest_empty = under
        .iter()
        .zip(&years)
        .all(|(cell, year)| year.is_some() || cell.trim().is_empty());
    (under.len() == roles.len() && named >= 2 && rest_empty).then(|| {
        roles
            .iter()
            .zip(&years)
            .zip(under)
            .map(|((role, year), cell)| match (*role, *year) {
                (role, None) => role,
                (Role::Baseline(None), year) if bracketed(cell) => Role::Baseline(year),
                (Role::Target(None), year) if bracketed(cell) => Role::Target(year),
                (Role::Actual(None), year) if bracketed(cell) => Role::Actual(year),
                (_, Some(year)) => Role::Year(year),
            })
            .collect()
    })
}

/// The roles with the years of a line under the header spread over the column they head
/// (`実績値` over `令和4年度 令和5年度 令和6年度`).
fn spread_years(roles: Vec<Role>, years: &[u16]) -> Vec<Role> {
    let Some(at) = roles.iter().position(|r| *r == Role::Actual(None)) else {
        return roles;
    };
    let mut spread = roles[..at].to_vec();
    spread.extend(years.iter().map(|y| Role::Actual(Some(*y))));
    spread.extend_from_slice(&roles[at + 1..]);
    spread
}

/// A value cell: the value and the year written after it (`620件(令和3年度)`) or before it
/// with a colon (`R4:30,877`, `令和５年度：１２件`).
pub(super) fn value_and_year(cell: &str) -> Option<(String, Option<u16>)> {
    static WITH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(?P<value>.*?)\s*[（(](?P<year>[^（）()]*年[^（）()]*|[RHＲＨ]\s*(?:元|[0-9０-９]{1,2})(?:[^0-9０-９（）()][^（）()]*)?)[）)]$",
        )
            .expect("value with year")
    });
    static YEAR_FIRST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"^(?P<year>{ERA_YEAR}(?:年度?)?|{WESTERN_YEAR}年度?)\s*(?:[:：]|{DUE_WORDS})\s*(?P<value>.*)$"
        ))
        .expect("year before value")
    });
    // `23 R02` in a line printer's column: the year a gap after the value.
    static YEAR_AFTER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"^(?P<value>\S*[0-9０-９]\S*)\s+(?P<year>{ERA_YEAR}(?:年度?)?|{WESTERN_YEAR}年度)$"
        ))
        .expect("year after value")
    });
    // `集計中※1`, `40.2%※2`: a mark pointing to a note is no part of the value.
    let cell = without_note_mark(cell.trim());
    if let Some(caps) = YEAR_FIRST.captures(cell) {
        let value = caps.name("value").map_or("", |m| m.as_str()).trim();
        let year = caps.name("year").and_then(|m| year_in(m.as_str()));
        return (year.is_some() && value.chars().any(|c| c.is_numeric()) && !is_dash(value))
            .then(|| (value.to_string(), year));
    }
    if cell.is_empty() || is_dash(cell) || !cell.chars().any(|c| c.is_numeric()) {
        return None;
    }
    match WITH_YEAR.captures(cell) {
        Some(caps) => {
            let value = caps.name("value").map_or("", |m| m.as_str()).trim();
            let year = caps.name("year").and_then(|m| year_in(m.as_str()));
            (!value.is_empty() && !is_dash(value)).then(|| (value.to_string(), year))
        }
        None => match YEAR_AFTER.captures(cell) {
            Some(caps) => {
                let value = caps.name("value").map_or("", |m| m.as_str());
                let year = caps.name("year").and_then(|m| year_in(m.as_str()));
                Some((value.to_string(), year))
            }
            None => Some((cell.to_string(), None)),
        },
    }
}

/// The code a cell numbers an indicator by (`指標3-2-1`, `KPI１－２`, `成果指標2`), written
/// alike whatever its digits and dashes; a bare number (`1`) is no code: each table numbers
/// its rows so.
pub fn indicator_code(cell: &str) -> Option<String> {
    static CODE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:[^\d\s]{0,4}指標|KPI)(?:No\.?|番号)?\d+(?:[-ー‐−―の.]\d+)*$")
            .expect("indicator code")
    });
    let text: String = nfkc(cell)
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if "ー‐−―".contains(c) { '-' } else { c })
        .collect();
    CODE.is_match(&text).then_some(text)
}

/// A cell stating the target and the actuals after it (`目標　120人（2026年度） 実績　104人
/// （2023年度） 実績　111人（2024年度）`), each value with its year.
fn read_target_and_actuals(cell: &str, header_year: Option<u16>, values: &mut IndicatorValues) {
    static WORD: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"目標値?|実績値?").expect("target or actual word"));
    let words: Vec<_> = WORD.find_iter(cell).collect();
    for (at, word) in words.iter().enumerate() {
        let end = words.get(at + 1).map_or(cell.len(), |next| next.start());
        let part = cell[word.end()..end].trim_start_matches([' ', '\u{3000}', ':', '：']);
        let Some((value, year)) = value_and_year(part) else {
            continue;
        };
        // `実績　集計中（2024年度）`: no value yet.
        if !value.chars().any(char::is_numeric) {
            continue;
        }
        if word.as_str().starts_with('目') {
            values.target = Some(value);
            values.target_year = year.or(header_year);
        } else if let Some(year) = year {
            values.actuals.push((year, value));
        }
    }
}

/// The most chars of a target stated in words (`おおむね解消`, `増加させる`).
const MAX_WORDED_TARGET_CHARS: usize = 12;

/// Whether a target cell states its target in words, without a figure.
fn is_worded_target(cell: &str) -> bool {
    let text = cell.trim();
    !text.is_empty()
        && !is_dash(text)
        && text.chars().count() <= MAX_WORDED_TARGET_CHARS
        && !text.chars().any(|c| c.is_numeric())
}

/// A value with the unit a column gives appended, when the value ends with its figure.
pub(super) fn with_unit(value: String, unit: Option<&str>) -> String {
    match unit {
        Some(unit) if !unit.is_empty() && value.ends_with(|c: char| c.is_numeric()) => {
            format!("{value}{unit}")
        }
        _ => value,
    }
}

/// The kind of a row labelled by one of its cells (`目標値`, `実績値`).
fn row_kind(cells: &[String], roles: &[Role]) -> Option<RowKind> {
    cells.iter().zip(roles).find_map(|(cell, role)| {
        if matches!(role, Role::Name) {
            return None;
        }
        let label = nfkc(cell);
        match label.trim() {
            "目標" | "目標値" | "年度目標" | "年度目標値" | "計画" | "計画値" => {
                Some(RowKind::Targets)
            }
            "実績" | "実績値" => Some(RowKind::Actuals),
            rate if matches!(role_of(rate), Role::AchievementRate { .. }) => Some(RowKind::Rates {
                percent: rate.contains('%'),
            }),
            _ => None,
        }
    })
}

/// Whether a cell is only a row number (`1`, `1-1`, `(2)`).
fn is_number_cell(cell: &str) -> bool {
    let text = nfkc(cell);
    let text = text.trim_matches(['(', ')', '.']);
    !text.is_empty() && text.chars().all(|c| c.is_ascii_digit() || c == '-')
}

/// A row's cells with a row number and an achievement a converter set one space from their
/// neighbours apart (`1 待機児童数` under `No. | 指標`, `4 概ね順調` under `… | 令和6年度 |
/// 達成状況`), when the row has fewer cells than the header and the header names those
/// columns.
fn ends_apart(roles: &[Role], mut cells: Vec<String>) -> Vec<String> {
    if cells.len() < roles.len()
        && roles.first() == Some(&Role::Number)
        && let Some((number, rest)) = cells.first().and_then(|c| c.trim().split_once(' '))
        && is_number_cell(number)
        && !rest.trim().is_empty()
    {
        let (number, rest) = (number.to_string(), rest.trim().to_string());
        cells.splice(0..1, [number, rest]);
    }
    // `千t-CO2 ｹﾞﾝ` under `単位 | 方向`: a unit long enough to reach the next column's word.
    if cells.len() + 1 == roles.len()
        && let Some(unit_at) = roles.iter().position(|r| *r == Role::Unit)
        && roles.get(unit_at + 1) == Some(&Role::Other)
        && let Some((unit, next)) = cells.get(unit_at).and_then(|c| c.trim().split_once(' '))
        && !next.trim().is_empty()
        && !next.chars().any(char::is_numeric)
    {
        let (unit, next) = (unit.to_string(), next.trim().to_string());
        cells.splice(unit_at..=unit_at, [unit, next]);
    }
    if cells.len() < roles.len()
        && roles.last() == Some(&Role::Achievement)
        && let Some((value, stated)) = cells.last().and_then(|c| c.trim().rsplit_once(' '))
        && (is_figure(value) || is_dash(value))
        && !stated.is_empty()
        && !stated.chars().any(|c| c.is_numeric())
    {
        let (value, stated) = (value.to_string(), stated.to_string());
        let last = cells.len() - 1;
        cells.splice(last.., [value, stated]);
    }
    cells
}

/// A row's cells, with those a converter set one space apart split as its header's columns
/// ask.
fn cells_under(roles: &[Role], line: &str) -> Vec<String> {
    let mut cells = values_apart(roles, ends_apart(roles, row_cells(line)));
    // `1 | 名称 | …` under `No | 基本施策 | 重点指標 | …`: a row without the cell of the
    // subject spanning its group's rows, stated on another row.
    if cells.len() + 1 == roles.len()
        && roles.starts_with(&[Role::Number, Role::Subject])
        && cells.first().is_some_and(|c| is_number_cell(c))
    {
        cells.insert(1, String::new());
    }
    cells
}

/// Western years a column of years may hold bare (`2025`).
const BARE_YEARS: std::ops::RangeInclusive<u16> = 1900..=2100;

/// The year a cell of a column of years holds: an era's or a western year with its word
/// (`R1`, `令和7年度`, `2025年度`), or a western year bare (`2025`).
fn year_of_cell(cell: &str) -> Option<u16> {
    year_in(cell).or_else(|| {
        nfkc(cell.trim())
            .parse::<u16>()
            .ok()
            .filter(|year| BARE_YEARS.contains(year))
    })
}

/// Whether a word is a value of an indicator (`86万件（R5）`, `―`, `―（新規指標）`).
pub(super) fn is_value(word: &str) -> bool {
    let before_note = word.split(['（', '(']).next().unwrap_or(word).trim();
    is_dash(word)
        || (!before_note.is_empty() && is_dash(before_note))
        || value_and_year(word).is_some_and(|(value, _)| is_figure(&value))
}

/// A row short of the header's cells with each cell of two words one space apart, one of them
/// a value, split in two (`技術情報ポータルサイトのアクセス件数 86万件（R5）`, `1,842百万円（R6）
/// 15%以上削減（R11）`, `1,500人（R11まで累計） 新規プログラム`).
fn values_apart(roles: &[Role], cells: Vec<String>) -> Vec<String> {
    if cells.len() >= roles.len() {
        return cells;
    }
    let split: Vec<String> = cells
        .iter()
        .flat_map(|cell| {
            let words: Vec<&str> = cell.split_whitespace().collect();
            match words.as_slice() {
                // (`令和11年度末までに 400件`: a target with the year it is due.)
                [head, tail]
                    if (is_value(head) || is_value(tail)) && !is_due_before_value(head) =>
                {
                    vec![head.to_string(), tail.to_string()]
                }
                [word] => glued_value(word).map_or_else(
                    || vec![cell.clone()],
                    |(name, value)| vec![name.to_string(), value.to_string()],
                ),
                _ => vec![cell.clone()],
            }
        })
        .collect();
    if split.len() <= roles.len() {
        split
    } else {
        cells
    }
}

/// A name and the value with its year run into it where a column laid out in spaces
/// overflowed (`…相談件数（年間）620件（R元）`): the two. `None` for any other cell.
fn glued_value(cell: &str) -> Option<(&str, &str)> {
    // The value starts at the first digit of the last run of digits before its bracket.
    let bracket = cell.rfind(['（', '('])?;
    let digits_end = cell[..bracket]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_numeric())
        .map(|(at, c)| at + c.len_utf8())?;
    let start = cell[..digits_end]
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_numeric() || matches!(c, ',' | '.' | '，' | '．'))
        .last()
        .map(|(at, _)| at)?;
    let (name, value) = cell.split_at(start);
    let bounded = name.ends_with(|c: char| !c.is_numeric() && !c.is_ascii_alphabetic());
    let stated =
        value_and_year(value).is_some_and(|(figure, year)| is_figure(&figure) && year.is_some());
    (bounded && stated && name.chars().count() >= MIN_GLUED_NAME_CHARS).then_some((name, value))
}

/// The fewest chars of a name a value ran into.
const MIN_GLUED_NAME_CHARS: usize = 4;

/// The roles a row's cells line up with, when they do, and how many of the header's first
/// columns the row lacks.
fn aligned<'r>(roles: &'r [Role], cells: &[String]) -> Option<(usize, &'r [Role])> {
    if cells.len() == roles.len() {
        return Some((0, roles));
    }
    // A row without the number the header names a column for.
    let numbered = roles.first() == Some(&Role::Number);
    if numbered
        && cells.len() + 1 == roles.len()
        && !cells.first().is_some_and(|c| is_number_cell(c))
    {
        return Some((1, &roles[1..]));
    }
    without_spanned(roles, cells)
}

/// The roles of a row that lacks the cells of leading columns spanning its group (`区分`,
/// centred over its rows and set on a line of its own) and of empty notes at its end: how
/// many leading columns it lacks and the columns left, when the row's name stands under the
/// name column and a value under every column of values.
fn without_spanned<'r>(roles: &'r [Role], cells: &[String]) -> Option<(usize, &'r [Role])> {
    let missing = roles.len().checked_sub(cells.len())?;
    (0..=missing).find_map(|lead| {
        let kept = &roles[lead..roles.len() - (missing - lead)];
        let spans = roles[..lead]
            .iter()
            .all(|r| matches!(r, Role::Other | Role::Subject));
        let notes = roles[lead + kept.len()..].iter().all(|r| *r == Role::Other);
        let fits = kept.iter().zip(cells).all(|(role, cell)| match role {
            Role::Name => !is_figure(cell.trim()) && !cell.trim().is_empty(),
            Role::Baseline(_) | Role::Target(_) | Role::Actual(_) | Role::Year(_) => {
                is_value(cell.trim())
            }
            _ => true,
        });
        (missing > 0 && spans && notes && fits && kept.contains(&Role::Name))
            .then_some((lead, kept))
    })
}

/// A row's cells without their spaces (`R4  実績` as `R4実績`), to compare a header set again
/// with the first.
fn compact_cells(line: &str) -> Vec<String> {
    row_cells(line)
        .iter()
        .map(|cell| cell.chars().filter(|c| !c.is_whitespace()).collect())
        .collect()
}

/// The most label lines (and blank lines) looked past for the next row of a table.
const LABELS_BEFORE_ROW: usize = 4;

/// The most chars of a group's label between a table's rows.
const MAX_GROUP_LABEL_CHARS: usize = 40;

/// Whether the lines from `from` are labels of groups, one cell each, maybe a blank line
/// apart, then a row of the table's columns. A heading, a sentence or another header ends
/// the table instead.
fn labels_then_row(lines: &[&str], from: usize, roles: &[Role]) -> bool {
    let mut labels = 0;
    for line in lines.iter().skip(from).take(LABELS_BEFORE_ROW + 1) {
        let text = line.trim();
        if text.is_empty() {
            continue;
        }
        if plan_level_line(line).is_some() {
            labels += 1;
            continue;
        }
        if row_cells(line).len() == 1 {
            // A level of the plan with its number (`基本目標2 …`, `施策(1) …`), not a section
            // of the document (`（３）主要なインプット情報`, `第２章`).
            let label = !text.ends_with(['。', '．'])
                && text.chars().count() <= MAX_GROUP_LABEL_CHARS
                && names_plan_level(text);
            if !label {
                return false;
            }
            labels += 1;
            continue;
        }
        return labels > 0 && header_roles(line).is_none() && row_of_columns(Some(line), roles);
    }
    false
}

/// The years in brackets a line opens with (`（H30）　（R6）　調に推移している。`): the years
/// of the row above's values, set under them. `None` for any other line.
fn years_under_row(line: &str) -> Option<Vec<u16>> {
    let years: Vec<u16> = row_cells(line)
        .iter()
        .map_while(|cell| {
            let text = nfkc(cell);
            let bare = text.trim().strip_prefix('(')?.strip_suffix(')')?;
            (bare.chars().count() <= MAX_BRACKETED_YEAR_CHARS)
                .then(|| year_in(bare))
                .flatten()
        })
        .collect();
    (!years.is_empty()).then_some(years)
}

/// The most chars of a bracketed year under a value (`令和12年度末`).
const MAX_BRACKETED_YEAR_CHARS: usize = 8;

/// Whether a line is a row of the table's columns.
fn row_of_columns(line: Option<&&str>, roles: &[Role]) -> bool {
    line.is_some_and(|line| {
        let cells = cells_under(roles, line);
        cells.len() >= 2 && aligned(roles, &cells).is_some()
    })
}

/// One indicator being read.
pub(super) struct Reading {
    found: TableIndicator,
    /// Targets by year of a row labelled 目標値.
    targets: Vec<(u16, String)>,
    /// Whether a column named the final target.
    final_target: bool,
    /// The share of the target reached, stated in a column of its own.
    rate: Option<String>,
    /// The kind of each row read, as its label says.
    kinds: Vec<Option<RowKind>>,
    /// Whether its subject was carried from a row above rather than stated in its row.
    inherited_subject: bool,
    /// Whether its row lacks the cells of the table's first columns (cells spanning rows,
    /// set apart from them).
    lacks_lead: bool,
}

impl Reading {
    /// An indicator named `name` on line `line`, nothing read yet.
    pub(super) fn new(name: String, line: usize) -> Reading {
        Reading {
            found: TableIndicator {
                name,
                // A row's name, as a year table's, is qualified by the item it stands under.
                row_label: true,
                name_line: line,
                first: line,
                last: line,
                ..TableIndicator::default()
            },
            targets: Vec::new(),
            final_target: false,
            rate: None,
            kinds: Vec::new(),
            inherited_subject: false,
            lacks_lead: false,
        }
    }

    /// Reads one row's cells into the indicator.
    pub(super) fn read(&mut self, cells: &[String], roles: &[Role], line: usize) {
        self.found.last = line;
        let unit = roles
            .iter()
            .zip(cells)
            .find(|(role, _)| **role == Role::Unit)
            .map(|(_, cell)| cell.trim().to_string())
            .filter(|u| !u.is_empty() && !is_dash(u));
        // The unit of the indicator's values, not of a row of rates under them (`%` beside
        // `達成度（%）`).
        if unit.is_some() && self.found.unit.is_none() {
            self.found.unit.clone_from(&unit);
        }
        // A row under the first leaves the unit cell empty: its values are in the same unit
        // (`目標 | 40` over `実績 | 37`, the unit `回` given once).
        let unit = unit.or_else(|| self.found.unit.clone());
        let kind = row_kind(cells, roles);
        self.kinds.push(kind);
        // `年度 | 目標 | 実績` with a row per year: the columns after the year are its.
        let year_at = roles.iter().position(|role| *role == Role::RowYear);
        let row_year = year_at
            .and_then(|at| cells.get(at))
            .and_then(|cell| year_in(cell.trim()));
        let values = &mut self.found.values;
        for (at, (role, cell)) in roles.iter().zip(cells).enumerate() {
            let value =
                value_and_year(cell).map(|(value, year)| (with_unit(value, unit.as_deref()), year));
            let years_own = year_at.is_some_and(|year_at| at > year_at);
            match (*role, value) {
                (Role::Target(None), Some((value, _))) if years_own => {
                    if let Some(year) = row_year {
                        self.targets.push((year, value));
                    }
                }
                (Role::Actual(None), Some((value, _))) if years_own => {
                    if let Some(year) = row_year {
                        values.actuals.push((year, value));
                    }
                }
                (Role::Target(header_year), _) if cell.contains("実績") => {
                    read_target_and_actuals(cell, header_year, values);
                    self.final_target = true;
                }
                (Role::Baseline(header_year), Some((value, year))) => {
                    values.baseline = Some(value);
                    values.baseline_year = year.or(header_year).or(values.baseline_year);
                }
                (Role::BaselineYear, _) => {
                    values.baseline_year = year_of_cell(cell).or(values.baseline_year);
                }
                (Role::Number, _) if let Some(code) = indicator_code(cell) => {
                    self.found.code = Some(code);
                }
                (Role::Target(header_year), Some((value, year))) => {
                    values.target = Some(value);
                    values.target_year = year.or(header_year).or(values.target_year);
                    self.final_target = true;
                }
                (Role::Target(_), None) if is_worded_target(cell) => {
                    values.target = Some(cell.trim().to_string());
                    self.final_target = true;
                }
                (Role::TargetYear, _) => {
                    values.target_year = year_of_cell(cell).or(values.target_year);
                }
                (Role::ActualChain { first, last }, _) => {
                    values.actuals.extend(
                        chained_values(cell, first, last)
                            .into_iter()
                            .map(|(year, value)| (year, with_unit(value, unit.as_deref()))),
                    );
                }
                // `2022年度 18.0%／2023年度 21.7%`: a value after each year.
                (Role::Actual(_), _) if year_values(cell).len() >= 2 => {
                    values.actuals.extend(year_values(cell));
                }
                (Role::Actual(header_year), Some((value, year))) => {
                    if let Some(year) = year.or(header_year) {
                        values.actuals.push((year, value));
                    }
                }
                // A row of rates gives the latest year's as the indicator's rate.
                (Role::Year(_), _) if let Some(RowKind::Rates { percent }) = kind => {
                    self.rate = stated_rate(cell, percent).or(self.rate.take());
                }
                // `4,120万人（基準）`, `4,500万人（目標）` in a year's column: that year's
                // baseline or target, as the table's legend marks them.
                (Role::Year(year), _) if let Some((value, marked)) = marked_value(cell) => {
                    let value = with_unit(value, unit.as_deref());
                    match marked {
                        Marked::Baseline => {
                            values.baseline = Some(value);
                            values.baseline_year = Some(year);
                        }
                        Marked::Target => {
                            values.target = Some(value);
                            values.target_year = Some(year);
                            self.final_target = true;
                        }
                    }
                }
                (Role::Year(year), Some((value, _))) => match kind {
                    Some(RowKind::Targets) => self.targets.push((year, value)),
                    _ => values.actuals.push((year, value)),
                },
                (Role::AchievementRate { percent }, _) => {
                    self.rate = stated_rate(cell, percent).or(self.rate.take());
                }
                (Role::Achievement, _) => {
                    let stated = cell.trim();
                    if !stated.is_empty() && !is_dash(stated) && !stated.ends_with(['%', '％']) {
                        values.achievement = Some(stated.to_string());
                    }
                }
                _ => {}
            }
        }
    }

    /// The years a line under the row gives its values that have none, in the order of their
    /// columns: the baseline's and the target's.
    fn read_years_under_row(&mut self, years: &[u16], roles: &[Role]) {
        let values = &mut self.found.values;
        let mut years = years.iter();
        for role in roles {
            match role {
                Role::Baseline(None) if values.baseline.is_some() => {
                    if let Some(year) = years.next() {
                        values.baseline_year = values.baseline_year.or(Some(*year));
                    }
                }
                Role::Target(None) if values.target.is_some() => {
                    if let Some(year) = years.next() {
                        values.target_year = values.target_year.or(Some(*year));
                    }
                }
                _ => {}
            }
        }
    }

    /// The indicator, with the last year's target of a row labelled 目標値 as its target when
    /// no column named a final one, and that row's earlier targets as planned figures.
    pub(super) fn finish(mut self) -> TableIndicator {
        if let Some((year, value)) = self.targets.last().cloned()
            && !self.final_target
        {
            self.found.values.target = Some(value);
            self.found.values.target_year = Some(year);
        }
        self.found.planned = self.targets;
        if self.found.values.achievement.is_none() {
            self.found.values.achievement = self.rate;
        }
        self.found.values.actuals.sort_by_key(|(year, _)| *year);
        self.found.values.actuals.dedup_by_key(|(year, _)| *year);
        self.found
    }
}

/// The share of a target reached as a cell states it, with `%` after a bare number when the
/// header or label says the figures are percent.
fn stated_rate(cell: &str, percent: bool) -> Option<String> {
    let stated = cell.trim();
    if !is_figure(stated) {
        return None;
    }
    let bare = stated.ends_with(|c: char| c.is_numeric());
    Some(if percent && bare {
        format!("{stated}%")
    } else {
        stated.to_string()
    })
}

/// A name without the row's number written before it in its cell (`1 光ファイバの世帯カバー
/// 率`).
fn without_row_number(name: &str) -> &str {
    match numbered(name) {
        Some(found) if found.style == Style::Digit => found.title.trim(),
        _ => name,
    }
}

/// Whether a line of one cell continues the name of the row above it (`における段差解消率`).
fn continues_name(cell: &str) -> bool {
    let text = cell.trim();
    !text.is_empty()
        && text.chars().count() <= 30
        && !text.chars().any(|c| c.is_numeric())
        && !text.ends_with('。')
        && !text.contains("単位")
        && numbered(text).is_none()
        && !text.starts_with(['【', '（', '(', '※', '＊', '*', '#', '<'])
}

/// Whether a role's column holds one of an indicator's values.
fn holds_values(role: Role) -> bool {
    !matches!(
        role,
        Role::Number | Role::Name | Role::Subject | Role::Unit | Role::Other
    )
}

/// What a row whose name opens something new is.
#[derive(Debug, Clone, PartialEq, Eq)]
enum RowUse {
    /// An indicator's first row.
    Indicator,
    /// A group the rows below stand under (`施策 | 1-1 | 地域産業の競争力強化 | | …`), with
    /// the label its row opens with (`施策`, empty when none).
    Group(String),
    /// A reference figure, no indicator (`参考 | ― | 有効求人倍率 | …`), or an indicator
    /// restated from another group (`KPI | （再掲） | 移住相談件数 | …`), read where it was
    /// first stated.
    Skipped,
}

/// What a row is, from the cells before its name and whether any value column is filled.
fn row_use(cells: &[String], roles: &[Role], name_at: usize) -> RowUse {
    // `施策1-1　子育て支援の充実` in every cell: a caption spanning the row, over the rows
    // below; the next caption replaces it.
    if cells.len() >= 2 && cells.iter().all(|cell| cell.trim() == cells[0].trim()) {
        return RowUse::Group(String::new());
    }
    let label = cells
        .iter()
        .zip(roles)
        .take(name_at)
        .find(|(cell, role)| **role == Role::Other && !cell.trim().is_empty())
        .map(|(cell, _)| cell.trim().to_string())
        .unwrap_or_default();
    let name = cells.get(name_at).map_or("", |c| c.trim());
    let restated = cells.iter().take(name_at + 1).any(|c| c.contains("再掲"));
    if restated || label.contains("参考") || name.starts_with(['（', '(']) && name.contains("参考")
    {
        return RowUse::Skipped;
    }
    let filled = cells
        .iter()
        .zip(roles)
        .any(|(cell, role)| holds_values(*role) && !cell.trim().is_empty());
    if filled {
        RowUse::Indicator
    } else {
        RowUse::Group(label)
    }
}

/// The group rows open while a table is read, outermost first: each row's label, name and
/// line. A row with the label of an open group replaces it and closes those inside it.
#[derive(Debug, Default)]
struct Groups(Vec<(String, String, usize)>);

impl Groups {
    fn open(&mut self, label: String, name: String, line: usize) {
        if let Some(at) = self.0.iter().position(|(open, _, _)| *open == label) {
            self.0.truncate(at);
        }
        self.0.push((label, name, line));
    }

    fn chain(&self) -> Vec<(String, usize)> {
        self.0
            .iter()
            .map(|(_, name, line)| (name.clone(), *line))
            .collect()
    }
}

/// An indicator table: the lines of its header and rows, and its indicators.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IndicatorTable {
    /// The header's line and every row's (not the group labels and notes between rows).
    pub lines: Vec<usize>,
    /// The indicators its rows state.
    pub indicators: Vec<TableIndicator>,
}

/// Whether a cell is a numbered label (`2 循環型社会の形成`, `2-1 …`): a number, as the
/// shared numbering recogniser reads one, and words without figures.
fn is_numbered_label(cell: &str) -> bool {
    numbered(cell).is_some_and(|found| {
        matches!(found.style, Style::Digit | Style::Dotted(_))
            && !found.title.chars().any(char::is_numeric)
    })
}

/// A group's line between rows naming a level of the plan by its number in a cell of its
/// own and by its name in the next (`施策 01-01 | 子育て支援の充実 | 担当課 | こども未来課`, a
/// line printer writing `ｼｻｸ` for 施策): the level's word and the name, without a mark of
/// its going on from the page before.
fn plan_level_line(line: &str) -> Option<(String, String)> {
    let cells = row_cells(line);
    let [level, name, ..] = cells.as_slice() else {
        return None;
    };
    let level = header_words_from_readings(level);
    let joined = format!("{level}\u{3000}{name}");
    let found = numbered(&joined).filter(|_| names_plan_level(&joined))?;
    if found.title != name.trim() || name.chars().any(char::is_numeric) {
        return None;
    }
    let word: String = level
        .trim_start_matches(['【', '[', '〔', '［'])
        .chars()
        .take_while(|c| c.is_alphabetic() && !c.is_numeric())
        .collect();
    Some((word, clean_name(name)))
}

/// What a mark after a figure in a year's column says it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marked {
    Baseline,
    Target,
}

/// A figure a mark in brackets after it says is the baseline or the target (`4,120万人（基準）`,
/// `65%（目標）`), without the mark.
fn marked_value(cell: &str) -> Option<(String, Marked)> {
    let text = cell.trim();
    let open = text.rfind(['（', '('])?;
    let mark = nfkc(&text[open..]);
    let marked = match mark.trim_matches(['(', ')']) {
        "基準" | "基準値" => Marked::Baseline,
        "目標" | "目標値" => Marked::Target,
        _ => return None,
    };
    // (A unit may hold kana: `12か所（基準）`.)
    let value = text[..open].trim();
    value
        .trim_start_matches(['△', '▲', '約'])
        .starts_with(|c: char| c.is_numeric())
        .then(|| (value.to_string(), marked))
}

/// What a line left of a header under it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum HeaderRest {
    /// The header of the number column alone (`No`).
    Number,
    /// Qualifiers of the header's cells (`（年度）`, `（最終）`, `評価`).
    Qualifiers,
}

/// The rest of a header a line under it holds, when it holds nothing else: a lone number
/// column's header, or qualifiers in brackets and words of a heading without figures.
fn header_remainder(line: &str) -> Option<HeaderRest> {
    let cells = row_cells(line);
    let [first, ..] = cells.as_slice() else {
        return None;
    };
    if cells.len() == 1 && role_of(first) == Role::Number {
        return Some(HeaderRest::Number);
    }
    let qualifier = |cell: &String| {
        let text = nfkc(cell);
        let text = text.trim();
        let bracketed = text.starts_with('(') && text.ends_with(')');
        (bracketed || role_of(text) != Role::Other) && !text.chars().any(char::is_numeric)
    };
    (cells.iter().all(qualifier) && cells.iter().any(|c| c.trim().starts_with(['（', '('])))
        .then_some(HeaderRest::Qualifiers)
}

/// A row of the kind of figures other than its indicator's first row's, set on a line of its
/// own under it (`実績 | 1,210万t | 1,187万t | 集計中 | － | －` under `…排出量 | 1,326万t
/// （H25） | 目標 | 1,190万t | …`): the columns it fills, from the one its label stands
/// under, when its label names a kind and the columns after it hold figures by year.
fn kind_row<'r>(roles: &'r [Role], cells: &[String]) -> Option<&'r [Role]> {
    row_kind(std::slice::from_ref(cells.first()?), &[Role::Other])?;
    let span = cells.len();
    (0..=roles.len().checked_sub(span)?).find_map(|from| {
        let kept = &roles[from..from + span];
        (kept[0] == Role::Other && kept[1..].iter().all(|r| matches!(r, Role::Year(_))))
            .then_some(kept)
    })
}

/// Reads the table whose header is at `header`; returns it and the index of the line after
/// it.
fn read_table(lines: &[&str], header: usize, roles: Vec<Role>) -> (IndicatorTable, usize) {
    let mut roles = roles;
    let mut table = IndicatorTable {
        lines: vec![header],
        indicators: Vec::new(),
    };
    let mut at = header + 1;
    while lines.get(at).is_some_and(|l| is_rule(l)) {
        at += 1;
    }
    let under = lines.get(at).map(|l| row_cells(l)).unwrap_or_default();
    if let Some(paired) = headings_under(&row_cells(lines[header]), &under) {
        roles = paired;
        table.lines.push(at);
        at += 1;
    } else if let Some(spread) = years_under(&roles, &under) {
        roles = spread;
        table.lines.push(at);
        at += 1;
    } else if completes_header(&under)
        && let Some(cells) = completed_header(&row_cells(lines[header]), &under)
    {
        roles = cells.iter().map(|c| role_of(c)).collect();
        table.lines.push(at);
        at += 1;
    } else if let Some(years) = lines.get(at).and_then(|l| year_header(l)) {
        roles = spread_years(roles, &years);
        table.lines.push(at);
        at += 1;
    }
    // A PDF sets the header's lone `No` and the qualifiers of its cells (`（年度）`,
    // `（最終）`, `評価`) on lines of their own under it: the number opens the columns.
    while let Some(rest) = lines.get(at).and_then(|l| header_remainder(l)) {
        if rest == HeaderRest::Number && roles.first() != Some(&Role::Number) {
            roles.insert(0, Role::Number);
        }
        table.lines.push(at);
        at += 1;
    }
    let name_at = roles.iter().position(|r| *r == Role::Name);
    let header_cells = compact_cells(lines[header]);
    let mut open: Option<Reading> = None;
    let mut groups = Groups::default();
    let mut after_blank = false;
    let mut subject: Option<(String, usize)> = None;
    // Whether a row stated its subject yet.
    let mut subject_stated = false;
    while let Some(line) = lines.get(at) {
        if line.trim().is_empty() {
            if line.contains('\t') {
                // A spreadsheet's blank row between groups.
                after_blank = true;
                at += 1;
                continue;
            }
            // A PDF's text may set its rows a blank line apart, and a table a document
            // embeds as markup keeps the lines of its tags blank: a row of the table's
            // columns right after the blanks goes on with it, or after the labels of the
            // groups it opens (`基本目標2 …` over `施策(1) …`).
            let next = (at..lines.len())
                .find(|n| !lines[*n].trim().is_empty())
                .unwrap_or(lines.len());
            // (The header of another table is none of its rows; this one's set again is.)
            let row_follows = lines.get(next).is_some_and(|line| {
                compact_cells(line) == header_cells
                    || (header_roles(line).is_none() && row_of_columns(Some(line), &roles))
            });
            if row_follows || labels_then_row(lines, next, &roles) {
                at = next;
                continue;
            }
            break;
        }
        // The header set again over the rows of the next group (or page).
        if compact_cells(line) == header_cells {
            table.indicators.extend(open.take().map(Reading::finish));
            table.lines.push(at);
            at += 1;
            // (With the line that completed its cells the first time: `（年度） | （年度）`.)
            while lines
                .get(at)
                .is_some_and(|l| completes_header(&row_cells(l)) || header_remainder(l).is_some())
            {
                table.lines.push(at);
                at += 1;
            }
            continue;
        }
        // `（H30）　（R6）　調に推移している。` under a row: the years of its baseline and
        // target, set under them, and the rest of a wrapped note.
        if let Some(reading) = open.as_mut()
            && reading.found.last + 1 == at
            && let Some(years) = years_under_row(line)
        {
            reading.read_years_under_row(&years, &roles);
            table.lines.push(at);
            at += 1;
            continue;
        }
        if is_rule(line) {
            at += 1;
            continue;
        }
        // `2 循環型社会の形成` between rows, under a subject column: the numbered subject of
        // the rows after it, its cell spanning them.
        if let [label] = row_cells(line).as_slice()
            && roles.contains(&Role::Subject)
            && is_numbered_label(label)
        {
            table.indicators.extend(open.take().map(Reading::finish));
            subject = Some((label.trim().to_string(), at));
            subject_stated = true;
            at += 1;
            continue;
        }
        // A note spanning the table's width, set in every column (`※1　令和６年度の数値は
        // 速報値…` in each): no row of an indicator. (A group's title spans it alike.)
        let spread = row_cells(line);
        let filled: Vec<&str> = spread
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect();
        let spread_note = filled.len() >= 2
            && filled.len() * 2 > spread.len()
            && filled.iter().all(|c| *c == filled[0])
            && filled[0].starts_with(NOTE_MARKS);
        if spread_note {
            table.indicators.extend(open.take().map(Reading::finish));
            at += 1;
            continue;
        }
        if let Some((level, name)) = plan_level_line(line) {
            table.indicators.extend(open.take().map(Reading::finish));
            groups.open(level, name, at);
            at += 1;
            continue;
        }
        let cells = cells_under(&roles, line);
        if cells.len() == 1 {
            match open.as_mut() {
                // The cell of a subject column spanning the rows around it, centred between
                // them: the subject of the row above and of those below.
                Some(reading) if reading.lacks_lead && reading.found.last + 1 == at => {
                    let label = (cells[0].trim().to_string(), at);
                    if reading.inherited_subject {
                        reading.found.groups.pop();
                    }
                    reading.found.groups.push(label.clone());
                    reading.inherited_subject = false;
                    reading.lacks_lead = false;
                    subject = Some(label);
                }
                Some(reading) if continues_name(&cells[0]) && reading.found.last + 1 == at => {
                    reading.found.name.push_str(cells[0].trim());
                    reading.found.last = at;
                    table.lines.push(at);
                }
                // A group's label (`【施策分野2】…`) or a note between rows.
                _ => {}
            }
            at += 1;
            continue;
        }
        if let Some(reading) = open.as_mut()
            && reading.found.last + 1 == at
            && let Some(row_roles) = kind_row(&roles, &cells)
        {
            reading.read(&cells, row_roles, at);
            table.lines.push(at);
            at += 1;
            continue;
        }
        let Some((lacked, row_roles)) = aligned(&roles, &cells) else {
            // A row whose cells a converter ran together (`名称 ―` | `1,500人（R11まで累計）
            // 新規`) is passed over when a row of the table's columns comes after it.
            let next = lines[at + 1..].iter().find(|l| !l.trim().is_empty());
            if open.is_some() && cells.len() >= 2 && row_of_columns(next, &roles) {
                at += 1;
                continue;
            }
            break;
        };
        let Some(name_at) = row_roles.iter().position(|r| *r == Role::Name).or(name_at) else {
            break;
        };
        let name = without_row_number(cells.get(name_at).map_or("", |c| c.trim())).to_string();
        if after_blank && name.is_empty() {
            // What follows a blank row without a name is another table's.
            break;
        }
        after_blank = false;
        table.lines.push(at);
        // (Of several columns of items, `施策の柱 | 施策`, the last names the innermost.)
        let own_subject = row_roles
            .iter()
            .rposition(|r| *r == Role::Subject)
            .and_then(|i| cells.get(i))
            .map(|c| c.trim())
            .filter(|c| !c.is_empty());
        if let Some(cell) = own_subject {
            subject = Some((cell.to_string(), at));
        }
        // A row short of the table's first columns, whose cells span its group's rows.
        let lacks_lead = lacked > 0 && matches!(roles[0], Role::Subject | Role::Other);
        // `│能な地方公共団体の割合│年度目標値│…` under `│…オンライン申請が可│実績値│…`: the
        // name's last line in the row of the indicator's next kind of figures.
        let kind = row_kind(&cells, row_roles);
        let mut wrapped = false;
        if let Some(reading) = open.as_mut()
            && reading.found.last + 1 == at
            && kind.is_some()
            && !reading.kinds.contains(&kind)
            && continues_name(&name)
            // (A name written again on each of its rows is no line of it.)
            && reading.found.name != name
        {
            reading.found.name.push_str(&name);
            wrapped = true;
        }
        let same = wrapped
            || open
                .as_ref()
                .is_some_and(|r| name.is_empty() || r.found.name == name);
        if !same {
            table.indicators.extend(open.take().map(Reading::finish));
            if name.is_empty() || name.chars().all(|c| c.is_numeric()) {
                at += 1;
                continue;
            }
            match row_use(&cells, row_roles, name_at) {
                RowUse::Indicator => {}
                RowUse::Group(label) => {
                    groups.open(label, name, at);
                    at += 1;
                    continue;
                }
                RowUse::Skipped => {
                    at += 1;
                    continue;
                }
            }
            // The table's first rows, before any subject, stand under the subject a later
            // row of their group states (its cell centred over them).
            if let Some(cell) = own_subject.filter(|_| !subject_stated) {
                let label = (cell.to_string(), at);
                for earlier in &mut table.indicators {
                    earlier.groups.push(label.clone());
                }
            }
            subject_stated |= own_subject.is_some();
            let mut reading = Reading::new(name, at);
            reading.found.groups = groups.chain();
            reading.found.groups.extend(subject.clone());
            reading.inherited_subject = own_subject.is_none() && subject.is_some();
            reading.lacks_lead = lacks_lead;
            open = Some(reading);
        }
        if let Some(reading) = open.as_mut() {
            reading.read(&cells, row_roles, at);
        }
        at += 1;
    }
    table.indicators.extend(open.map(Reading::finish));
    (table, at)
}

/// The name lines of the rows of tables that state again the figures of indicators tables
/// above them named (`参考 主な指標の実績`: the actuals by year of indicators whose targets
/// were set out before): tables of two or more rows under no group, with no target, each
/// row's name that of exactly one indicator of the tables before.
pub fn restated_rows(tables: &[Vec<TableIndicator>]) -> HashSet<usize> {
    let mut rows = HashSet::new();
    for (at, table) in tables.iter().enumerate() {
        let earlier = |name: &str| {
            tables[..at]
                .iter()
                .flatten()
                .filter(|i| i.name == name)
                .count()
        };
        let restates = table.len() >= 2
            && table
                .iter()
                .all(|i| i.groups.is_empty() && i.values.target.is_none() && earlier(&i.name) == 1);
        if restates {
            rows.extend(table.iter().map(|i| i.name_line));
        }
    }
    rows
}

/// Every table in `lines` whose header names its columns as an indicator table's.
pub fn indicator_tables(lines: &[&str]) -> Vec<IndicatorTable> {
    let mut found = Vec::new();
    let mut at = 0;
    while at < lines.len() {
        if let Some((table, next)) = long_table(lines, at)
            .or_else(|| across_table(lines, at))
            .or_else(|| stacked_table(lines, at))
        {
            if !table.indicators.is_empty() {
                found.push(table);
            }
            at = next.max(at + 1);
            continue;
        }
        let may_head = lines[at].contains(['指', 'K', 'Ｋ', '目']) || holds_readings(lines[at]);
        if let Some((tables, next)) = may_head.then(|| side_by_side(lines, at)).flatten() {
            found.extend(tables.into_iter().filter(|t| !t.indicators.is_empty()));
            at = next.max(at + 1);
            continue;
        }
        if let Some((tables, next)) = may_head.then(|| name_groups(lines, at)).flatten() {
            found.extend(tables.into_iter().filter(|t| !t.indicators.is_empty()));
            at = next.max(at + 1);
            continue;
        }
        if let Some((table, next)) = may_head.then(|| spaced_table(lines, at)).flatten() {
            if !table.indicators.is_empty() {
                found.push(table);
            }
            at = next.max(at + 1);
            continue;
        }
        let Some(roles) = may_head.then(|| header_roles(lines[at])).flatten() else {
            at += 1;
            continue;
        };
        let grades = grades_only(&roles);
        let (table, next) = read_table(lines, at, roles);
        // Grades alone are read only for indicators named above.
        let named_above = |name: &str| {
            found
                .iter()
                .flat_map(|table| &table.indicators)
                .any(|earlier| earlier.name == name)
        };
        if !table.indicators.is_empty()
            && (!grades || table.indicators.iter().all(|i| named_above(&i.name)))
        {
            found.push(table);
        }
        at = next.max(at + 1);
    }
    super::indicator_notes::apply_notes(&mut found, lines);
    found
}

/// Most lines between two rows of a table parted by full-width spaces (a group's comment).
const MAX_LINES_BETWEEN_SPACED_ROWS: usize = 10;

/// A table whose header at line `at` and rows part their cells by one full-width space
/// alone (`番号　施策　指標名　基準値（年度）　目標値（年度）　Ｒ４実績　…　評価`, a list of
/// one indicator to a line), read as a table of tab-separated cells: a line parted into as
/// many cells as the header is a row, any other line between rows (a group's title, a
/// comment) a blank row. `None` when the line parts otherwise or is no header of indicators.
fn spaced_table(lines: &[&str], at: usize) -> Option<(IndicatorTable, usize)> {
    let parted = |line: &str| -> Vec<String> {
        line.trim()
            .split(['\u{3000}', '\t'])
            .filter(|cell| !cell.trim().is_empty())
            .map(|cell| cell.trim().to_string())
            .collect()
    };
    let header = lines[at];
    if header.contains('\t') || row_cells(header).len() >= 3 {
        return None;
    }
    let header_cells = parted(header);
    // Heads of columns, not values after their labels (`【指標】…　目標：１２，０００件（…）`).
    let heads = header_cells
        .iter()
        .all(|cell| cell.chars().count() <= MAX_HEADING_WORD_CHARS && !cell.contains([':', '：']));
    if !heads {
        return None;
    }
    let roles = header_roles(&header_cells.join("\t"))?;
    let width = header_cells.len();
    // The rows run on over the groups' titles and comments between them (`【政策２　…】`,
    // `〔所見〕` and its sentences), up to the last row no more than a few lines after the one
    // before it.
    let mut end = at;
    for (index, line) in lines.iter().enumerate().skip(at + 1) {
        if index > end + MAX_LINES_BETWEEN_SPACED_ROWS {
            break;
        }
        if parted(line).len() == width {
            end = index;
        }
    }
    let tabbed: Vec<String> = lines
        .iter()
        .enumerate()
        .map(|(index, line)| {
            let cells = parted(line);
            match index {
                _ if index < at || index > end => line.to_string(),
                _ if cells.len() == width => cells.join("\t"),
                // A title or a sentence between rows is passed over as a blank row.
                _ => "\t".to_string(),
            }
        })
        .collect();
    let tabbed: Vec<&str> = tabbed.iter().map(String::as_str).collect();
    Some(read_table(&tabbed, at, roles))
}

/// A row of `groups` groups of columns a PDF's text sets over three lines: the cells of one
/// line each (the name, the actuals, the grade) on the `middle` one, the baselines and targets
/// that take two lines each, their value and their year, above and below it (`1,482千t-CO2
/// 853千t-CO2 | 8,215件 | 12,000件` / `温室効果ガス排出量 | 1,176千t-CO2 | － | B | …` /
/// `(H25) | (R12) | (R元) | (R7)`). The row's cells in the header's order, each value with
/// its year.
fn centred_row(
    above: &str,
    middle: &str,
    below: &str,
    roles: &[Role],
    groups: usize,
) -> Option<Vec<String>> {
    let two_lines = |role: &Role| matches!(role, Role::Baseline(_) | Role::Target(_));
    let wrapped = roles.iter().filter(|role| two_lines(role)).count();
    let values: Vec<&str> = above.split_whitespace().collect();
    let years: Vec<&str> = below.split_whitespace().collect();
    let cells: Vec<&str> = middle.split('\t').collect();
    // The groups the row fills from the left; those after them hold a dash each (`－`).
    let filled = values.len() / wrapped.max(1);
    let own = (roles.len() - wrapped) * filled;
    let fits = wrapped > 0
        && (1..=groups).contains(&filled)
        && values.len() == wrapped * filled
        && years.len() == values.len()
        && cells.len() == own + (groups - filled)
        && cells[own..].iter().all(|cell| is_dash(cell.trim()))
        && years
            .iter()
            .all(|year| year.starts_with(['(', '（']) && year_in(year).is_some())
        && values
            .iter()
            .all(|value| value.chars().any(char::is_numeric));
    if !fits {
        return None;
    }
    let (mut values, mut years, mut cells) = (values.iter(), years.iter(), cells.iter());
    let mut row = Vec::with_capacity(roles.len() * groups);
    for group in 0..groups {
        for role in roles {
            if group >= filled {
                row.push(String::new());
            } else if two_lines(role) {
                row.push(format!("{}{}", values.next()?, years.next()?));
            } else {
                row.push(cells.next()?.to_string());
            }
        }
    }
    Some(row)
}

/// Fewest columns of a group a header repeats side by side: a name and two values.
const MIN_SIDE_BY_SIDE_COLUMNS: usize = 3;

/// The tables of a header that repeats one group of columns side by side (`指標名 | 基準値 |
/// 目標値 | R4実績 | R5実績 | 評価 | 指標名 | 基準値 | …`, two indicators to a row), each
/// group read as a table of its own over the same lines, and the index of the line after
/// the table. A row of every group's cells gives each group its share; another line (a row a
/// PDF's text breaks over lines) stays whole in the first group's table and out of the
/// others'.
fn side_by_side(lines: &[&str], header: usize) -> Option<(Vec<IndicatorTable>, usize)> {
    let cells: Vec<&str> = lines[header].split('\t').map(str::trim).collect();
    let width = (MIN_SIDE_BY_SIDE_COLUMNS..=cells.len() / 2).find(|width| {
        cells.len().is_multiple_of(*width)
            && cells.chunks(*width).all(|group| group == &cells[..*width])
    })?;
    let groups = cells.len() / width;
    let roles = header_roles(&cells[..width].join("\t"))?;
    let end = (header + 1..lines.len())
        .find(|n| lines[*n].trim().is_empty())
        .unwrap_or(lines.len());
    // Each line's cells in the table: a row of every group's cells, or one a PDF's text set
    // over three lines (see [`centred_row`]), put on the last of them; other lines none.
    let mut rows: Vec<Option<Vec<String>>> = vec![None; end];
    rows[header] = Some(cells.iter().map(|cell| cell.to_string()).collect());
    for n in header + 1..end {
        let mut row: Vec<String> = lines[n].split('\t').map(str::to_string).collect();
        // A row filling the first groups, the others a dash or left out (`… | A | －`).
        let left_open = row.len() >= width
            && row.len() < cells.len()
            && row.len() % width <= 1
            && row[row.len() / width * width..]
                .iter()
                .all(|cell| is_dash(cell.trim()));
        if left_open {
            row.truncate(row.len() / width * width);
            row.resize(cells.len(), String::new());
        }
        if row.len() == cells.len() {
            rows[n] = Some(row);
        } else if n + 1 < end
            && let Some(row) = centred_row(lines[n - 1], lines[n], lines[n + 1], &roles, groups)
        {
            rows[n - 1] = None;
            rows[n + 1] = Some(row);
        }
    }
    let mut tables = Vec::with_capacity(groups);
    for group in 0..groups {
        tables.push(read_view(lines, header, end, |n| {
            rows[n]
                .as_ref()
                .map(|row| row[group * width..(group + 1) * width].join("\t"))
        })?);
    }
    Some((tables, end))
}

/// Reads the table at `header` (ending before `end`) as one view of its lines: each line of
/// the table as `cells_of` gives it, any line it gives none passed over as a rule is, the
/// lines around the table as they are.
pub(super) fn read_view(
    lines: &[&str],
    header: usize,
    end: usize,
    cells_of: impl Fn(usize) -> Option<String>,
) -> Option<IndicatorTable> {
    let view: Vec<String> = lines
        .iter()
        .enumerate()
        .map(|(n, line)| {
            if n < header || n >= end {
                return line.to_string();
            }
            cells_of(n).unwrap_or_else(|| "-".to_string())
        })
        .collect();
    let view: Vec<&str> = view.iter().map(String::as_str).collect();
    let roles = header_roles(view[header])?;
    Some(read_table(&view, header, roles).0)
}

/// The tables of a header whose columns fall in two or more groups, each opened by a column
/// of indicators' names under headings of its own (`具体的な施策 | 指標名 | 基準値（R5） | 目標値
/// （R11） | 実績値（R6） | 進捗 | 指標 | 現状値 | 目標（年度） | 直近実績 | 達成見込み`, a main
/// and a supplementary indicator to a row): each group, with the columns before the first
/// (the item measured), read as a table of its own over the same rows, and the index of the
/// line after the table. A line of another number of cells is passed over as a rule is.
fn name_groups(lines: &[&str], header: usize) -> Option<(Vec<IndicatorTable>, usize)> {
    if !lines[header].contains('\t') {
        return None;
    }
    let cells: Vec<&str> = lines[header].split('\t').map(str::trim).collect();
    let names: Vec<usize> = (0..cells.len())
        .filter(|at| role_of(cells[*at]) == Role::Name)
        .collect();
    if names.len() < 2 {
        return None;
    }
    // A header over two lines (`No | 事業名 | 事業期間 | KPI1 | … ` over `| | | 指標名 | 申請時 |
    // …`): a cell left empty takes the words of the cell above it.
    let above: Vec<&str> = header
        .checked_sub(1)
        .map(|line| lines[line].split('\t').map(str::trim).collect())
        .filter(|above: &Vec<&str>| above.len() == cells.len())
        .unwrap_or_default();
    let heads: Vec<&str> = cells
        .iter()
        .enumerate()
        .map(|(at, cell)| match above.get(at) {
            Some(word) if cell.is_empty() => *word,
            _ => *cell,
        })
        .collect();
    let end = (header + 1..lines.len())
        .find(|n| lines[*n].trim().is_empty())
        .unwrap_or(lines.len());
    let mut tables = Vec::with_capacity(names.len());
    for (index, start) in names.iter().enumerate() {
        let stop = names.get(index + 1).copied().unwrap_or(cells.len());
        let columns: Vec<usize> = (0..names[0]).chain(*start..stop).collect();
        tables.push(read_view(lines, header, end, |n| {
            let row: Vec<&str> = if n == header {
                heads.clone()
            } else {
                lines[n].split('\t').collect()
            };
            (row.len() == cells.len()).then(|| {
                columns
                    .iter()
                    .map(|column| row[*column])
                    .collect::<Vec<_>>()
                    .join("\t")
            })
        })?);
    }
    Some((tables, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names_and_values(text: &str) -> Vec<TableIndicator> {
        let lines: Vec<&str> = text.lines().collect();
        indicator_tables(&lines)
            .into_iter()
            .flat_map(|table| table.indicators)
            .collect()
    }

    #[test]
    fn a_header_of_merged_cells_exported_blank_beside_and_under_them() {
        let text = "施策の柱\t指標名\t単位\t基準値\t\t令和5年度\t\t令和6年度\t\t最終目標（令和9年度）\t評価\n\
                    \t\t\t数値\t年\t目標\t実績\t目標\t実績\t\t\n\
                    1 にぎわいの創出\t商店街の空き店舗数\t店\t31\tR2\t28\t27\t25\t26\t20\tB\n";
        let found = names_and_values(text);
        assert_eq!(found.len(), 1, "{found:?}");
        let values = &found[0].values;
        assert_eq!(values.baseline.as_deref(), Some("31店"));
        assert_eq!(values.baseline_year, Some(2020));
        assert_eq!(values.target.as_deref(), Some("20店"));
        assert_eq!(values.target_year, Some(2027));
        assert_eq!(
            values.actuals,
            [(2023, "27店".to_string()), (2024, "26店".to_string())]
        );
        assert_eq!(
            found[0].groups.first().map(|g| g.0.as_str()),
            Some("1 にぎわいの創出")
        );
    }

    #[test]
    fn a_column_of_years_holds_western_years_bare() {
        let text = "指標名\t単位\t基準値\t基準値\t目標値\t目標値\t評価\n\
                    指標名\t単位\t値\t年度\t値\t年度\t評価\n\
                    移住相談件数\t件\t48\tR1\t150\t2025\tA\n\
                    観光入込客数\t千人\t412\t2018\t450\t令和7年度\tC\n";
        let found = names_and_values(text);
        let read: Vec<_> = found
            .iter()
            .map(|f| (f.values.baseline_year, f.values.target_year))
            .collect();
        assert_eq!(read, [(Some(2019), Some(2025)), (Some(2018), Some(2025))]);
    }

    #[test]
    fn groups_of_columns_each_opened_by_its_own_name_column() {
        let text = "具体的な施策\t指標名\t基準値（R5）\t目標値（R11）\t実績値（R6）\t進捗\t指標\t現状値\t目標（年度）\t直近実績\t達成見込み\n\
                    1-1 創業支援の充実\t市の支援による創業件数\t42件\t60件\t51件\t順調\t創業塾修了者数（累計）\t85人（R5）\t400人（R11）\t162人（R6）\t○\n";
        let found = names_and_values(text);
        let read: Vec<String> = found
            .iter()
            .map(|f| {
                format!(
                    "{} {:?} {:?} {:?} {:?} {:?}",
                    f.name,
                    f.values.baseline,
                    f.values.target_year,
                    f.values.target,
                    f.values.actuals,
                    f.values.achievement
                )
            })
            .collect();
        assert_eq!(
            read,
            [
                r#"市の支援による創業件数 Some("42件") Some(2029) Some("60件") [(2024, "51件")] Some("順調")"#,
                r#"創業塾修了者数（累計） Some("85人") Some(2029) Some("400人") [(2024, "162人")] Some("○")"#,
            ]
        );
        assert!(found.iter().all(|f| {
            f.groups
                .first()
                .is_some_and(|(g, _)| g.contains("創業支援の充実"))
        }));
        // A header over two lines: the item's heading stands in the line above.
        let two_lines = "No\t事業名\tKPI1\tKPI1\tKPI1\tKPI2\tKPI2\tKPI2\n\
                         \t\t指標名\t申請時\t目標値\t指標名\t申請時\t目標値\n\
                         1\t観光DX推進事業\t観光客の平均滞在時間\t2.1時間\t3.0時間\t観光アプリ登録者数\t0人\t8,000人\n";
        let found = names_and_values(two_lines);
        assert_eq!(found.len(), 2);
        assert!(
            found
                .iter()
                .all(|f| f.groups.iter().any(|(g, _)| g == "観光DX推進事業")),
            "{found:?}"
        );
        assert_eq!(found[1].values.baseline.as_deref(), Some("0人"));
    }

    #[test]
    fn two_indicators_to_a_row_some_rows_set_over_three_lines_and_one_left_open() {
        let header = "指標名\t基準値\t目標値\tR4実績\tR5実績\t評価";
        let text = format!(
            "{header}\t{header}\n\
             1,482千t-CO2 853千t-CO2\t8,215件\t12,000件\n\
             温室効果ガス排出量\t1,176千t-CO2\t－\tB\t住宅用太陽光設置件数\t10,036件\t10,812件\tB\n\
             (H25)\t(R12)\t(R元)\t(R7)\n\
             公共施設のLED化率\t42.0%(R2)\t100%(R12)\t58.3%\t66.1%\tA\t次世代自動車の普及率\t18.7%(R2)\t30.0%(R7)\t22.9%\t24.8%\tB\n\
             環境学習講座の受講者数\t1,860人(R元)\t2,400人(R7)\t2,115人\t2,530人\tA\t－\n"
        );
        let found = names_and_values(&text);
        let names: Vec<&str> = found.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "温室効果ガス排出量",
                "公共施設のLED化率",
                "環境学習講座の受講者数",
                "住宅用太陽光設置件数",
                "次世代自動車の普及率"
            ]
        );
        let first = &found[0].values;
        assert_eq!(first.baseline.as_deref(), Some("1,482千t-CO2"));
        assert_eq!(first.baseline_year, Some(2013));
        assert_eq!(first.target.as_deref(), Some("853千t-CO2"));
        assert_eq!(first.target_year, Some(2030));
        assert_eq!(first.actuals, [(2022, "1,176千t-CO2".to_string())]);
        // The row set over three lines stands on its last line, so its citation holds all.
        assert_eq!(found[0].last, 3);
        let beside = &found[3].values;
        assert_eq!(beside.baseline.as_deref(), Some("8,215件"));
        assert_eq!(beside.target_year, Some(2025));
        assert_eq!(beside.achievement.as_deref(), Some("B"));
    }

    #[test]
    fn rows_of_results_targets_and_rates_under_a_final_target_year() {
        let text = "成果指標\t単位\t基準値\t基準年度\t項目\t令和4年度\t令和5年度\t目標最終年度\t目標値（目標最終年度）\n\
                    再エネ発電設備の新規導入容量\t万kW\t0\t令和3年度\t成果実績\t4.2\t18.6\t\t\n\
                    \t万kW\t\t\t目標値\t5.0\t20.0\t令和12年度\t150\n\
                    \t%\t\t\t達成度（%）\t84.0\t93.0\t\t\n";
        let found = names_and_values(text);
        assert_eq!(found.len(), 1);
        let values = &found[0].values;
        assert_eq!(values.target.as_deref(), Some("150万kW"));
        assert_eq!(values.target_year, Some(2030));
        assert_eq!(values.achievement.as_deref(), Some("93.0%"));
        assert_eq!(found[0].unit.as_deref(), Some("万kW"));
        assert_eq!(
            values.actuals,
            [
                (2022, "4.2万kW".to_string()),
                (2023, "18.6万kW".to_string())
            ]
        );
    }

    #[test]
    fn headings_over_their_years_and_values_in_two_rows_of_the_same_cells() {
        let caption = ["施策1-1　子育て支援の充実"; 9].join("\t");
        let text = format!(
            "成果指標\t基準値\t基準値\t実績値\t実績値\t目標値\t目標値\t達成率\t進捗\n\
             成果指標\t年度\t値\t令和5年度\t令和6年度\t値\t年度\t達成率\t進捗\n\
             {caption}\n\
             保育所等待機児童数\t令和3年度\t12人\t0人\t0人\t0人\t令和9年度\t100.0%\t達成\n"
        );
        let found = names_and_values(&text);
        assert_eq!(found.len(), 1);
        let groups: Vec<&str> = found[0].groups.iter().map(|(g, _)| g.as_str()).collect();
        assert_eq!(groups, ["施策1-1　子育て支援の充実"]);
        let values = &found[0].values;
        assert_eq!(values.baseline.as_deref(), Some("12人"));
        assert_eq!(values.baseline_year, Some(2021));
        assert_eq!(values.target.as_deref(), Some("0人"));
        assert_eq!(values.target_year, Some(2027));
        assert_eq!(values.achievement.as_deref(), Some("達成"));
        assert_eq!(
            values.actuals,
            [(2023, "0人".to_string()), (2024, "0人".to_string())]
        );
    }

    #[test]
    fn a_box_drawn_sheet_with_names_wrapped_over_its_rows_of_actuals_and_targets() {
        let text = "│測定指標              │区分      │基準値│令和5年度│令和6年度│目標値│目標年度 │達成  │\n\
                    ├──────────────────────┼──────────┼──────┼─────────┼─────────┼──────┼─────────┼──────┤\n\
                    │1 子育て・介護関係の手│実績値    │ 51.4%│    85.3%│    93.1%│  100%│令和7年度│未達成│\n\
                    │続のオンライン申請が可├──────────┼──────┼─────────┼─────────┼──────┼─────────┼──────┤\n\
                    │能な団体の割合        │年度目標値│      │      85%│      95%│      │         │      │\n\
                    ├──────────────────────┼──────────┼──────┼─────────┼─────────┼──────┼─────────┼──────┤\n\
                    │2 5Gの人口カバー率    │実績値    │ 93.2%│    98.1%│    98.6%│   99%│令和7年度│達成  │\n\
                    │                      ├──────────┼──────┼─────────┼─────────┼──────┼─────────┼──────┤\n\
                    │                      │年度目標値│      │      97%│      97%│      │         │      │\n";
        let found = names_and_values(text);
        let names: Vec<&str> = found.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "子育て・介護関係の手続のオンライン申請が可能な団体の割合",
                "5Gの人口カバー率"
            ]
        );
        let values = &found[0].values;
        assert_eq!(values.target.as_deref(), Some("100%"));
        assert_eq!(values.target_year, Some(2025));
        assert_eq!(values.achievement.as_deref(), Some("未達成"));
        assert_eq!(
            values.actuals,
            [(2023, "85.3%".to_string()), (2024, "93.1%".to_string())]
        );
        assert_eq!(found[1].values.achievement.as_deref(), Some("達成"));
    }

    #[test]
    fn a_kpi_sheet_with_plan_levels_a_subject_column_and_rows_of_targets_actuals_and_rates() {
        let text = "施策番号\t基本目標\t具体的な施策\t重要業績評価指標（KPI）\t基準値\t基準年度\t区分\t年度別推移\t\t最終目標値\t目標年度\t評価\n\
                    \t\t\t\t\t\t\tR5年度\tR6年度\t\t\t\n\
                    1-(1)\t基本目標1　産業振興\tものづくり産業の競争力強化\t製造品出荷額等\t24,180億円\tH30年度\t目標値\t25,400億円\t25,700億円\t26,000億円\tR7年度\tA\n\
                    \t\t\t\t\t\t実績値\t25,610億円\t集計中\t\t\t\n\
                    \t\t\t\t\t\t達成率\t100.8%\t－\t\t\t\n";
        let found = names_and_values(text);
        assert_eq!(found.len(), 1);
        let values = &found[0].values;
        assert_eq!(values.target.as_deref(), Some("26,000億円"));
        assert_eq!(values.target_year, Some(2025));
        assert_eq!(values.baseline_year, Some(2018));
        assert_eq!(values.achievement.as_deref(), Some("A"));
        assert_eq!(values.actuals, [(2023, "25,610億円".to_string())]);
        let groups: Vec<&str> = found[0].groups.iter().map(|(g, _)| g.as_str()).collect();
        assert_eq!(groups, ["ものづくり産業の競争力強化"]);
    }

    #[test]
    fn a_row_number_and_an_achievement_one_space_from_their_neighbours() {
        let text = "No.\t成果指標\t単位\t現状値（年度）\t中間目標（令和7年度）\t最終目標（年度）\t令和5年度実績\t令和6年度実績\t達成状況\n\
                    1 保育所等待機児童数\t人\t23（令和3年度）\t0\t0（令和10年度）\t8\t4 概ね順調\n\
                    2 健康寿命（男性）\t歳\t79.8（令和元年度）\t80.5\t81.0（令和12年度）\t80.3\t－ 順調\n";
        let found = names_and_values(text);
        let names: Vec<&str> = found.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["保育所等待機児童数", "健康寿命（男性）"]);
        let values = &found[0].values;
        assert_eq!(values.baseline.as_deref(), Some("23人"));
        assert_eq!(values.baseline_year, Some(2021));
        assert_eq!(values.target.as_deref(), Some("0人"));
        assert_eq!(values.target_year, Some(2028));
        assert_eq!(values.achievement.as_deref(), Some("概ね順調"));
        assert_eq!(
            values.actuals,
            [(2023, "8人".to_string()), (2024, "4人".to_string())]
        );
        assert_eq!(found[1].values.actuals, [(2023, "80.3歳".to_string())]);
        assert_eq!(found[1].values.achievement.as_deref(), Some("順調"));
    }

    #[test]
    fn rows_without_the_cell_centred_over_their_group_and_cells_run_together() {
        // A PDF table whose `分野` cells are centred over their rows: set on a line of their
        // own between the rows of a group, which lack that cell; some rows' cells one space
        // apart; years as `（R5）`.
        let text = "分野\t評価指標\t基準値\t目標値\t備考\n\
                    観光客入込数\t312万人（R5）\t350万人以上（R10）\n\
                    観光振興\n\
                    宿泊者数\t84万人泊（R5）\t100万人泊（R10）\n\
                    \n\
                    移住相談件数 95件（R5）\t150件以上（R10）\n\
                    移住・定住\n\
                    移住者数 ―\t300人（R10まで累計） 新規指標\n\
                    \n\
                    財政\t経常収支比率\t93.1%（R5）\t90%以下（R10）\t決算統計\n";
        let found = names_and_values(text);
        let names: Vec<&str> = found.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "観光客入込数",
                "宿泊者数",
                "移住相談件数",
                "移住者数",
                "経常収支比率"
            ]
        );
        let subjects: Vec<Vec<&str>> = found
            .iter()
            .map(|f| f.groups.iter().map(|(g, _)| g.as_str()).collect())
            .collect();
        assert_eq!(subjects[0], ["観光振興"]);
        assert_eq!(subjects[1], ["観光振興"]);
        assert_eq!(subjects[2], ["移住・定住"]);
        let values = &found[0].values;
        assert_eq!(values.baseline.as_deref(), Some("312万人"));
        assert_eq!(values.baseline_year, Some(2023));
        assert_eq!(values.target.as_deref(), Some("350万人以上"));
        assert_eq!(values.target_year, Some(2028));
        assert_eq!(found[2].values.baseline.as_deref(), Some("95件"));
        assert_eq!(found[3].values.baseline, None);
        assert_eq!(found[3].values.target.as_deref(), Some("300人"));
        assert_eq!(found[3].values.target_year, Some(2028));
        assert_eq!(found[4].values.target.as_deref(), Some("90%以下"));
    }

    #[test]
    fn a_table_of_the_actuals_of_indicators_named_above_restates_them() {
        let tables = [
            "評価指標\t基準値\t目標値\n\
             観光客入込数\t312万人（R5）\t350万人（R10）\n\
             宿泊者数\t84万人泊（R5）\t100万人泊（R10）\n",
            "評価指標\t令和3年度\t令和4年度\t令和5年度\n\
             観光客入込数\t280万人\t301万人\t312万人\n\
             宿泊者数\t70万人泊\t79万人泊\t84万人泊\n",
            "評価指標\t令和3年度\t令和4年度\t令和5年度\n\
             宿泊者数\t70万人泊\t79万人泊\t84万人泊\n\
             移住者数\t30人\t35人\t41人\n",
        ];
        let read: Vec<Vec<TableIndicator>> = tables
            .iter()
            .enumerate()
            .map(|(at, text)| {
                let mut found = names_and_values(text);
                if found.is_empty() {
                    // A table of years alone is a year table's: its rows as that reader
                    // gives them.
                    let lines: Vec<&str> = text.lines().collect();
                    found = super::super::year_tables::indicators_in_tables(&lines);
                }
                for indicator in &mut found {
                    indicator.name_line += at * 10;
                }
                found
            })
            .collect();
        assert!(read.iter().all(|t| t.len() == 2), "{read:?}");
        let restated = restated_rows(&read);
        let mut lines: Vec<usize> = restated.into_iter().collect();
        lines.sort_unstable();
        // The second table's rows; not the third's, which names an indicator never named.
        assert_eq!(lines, [read[1][0].name_line, read[1][1].name_line]);
    }

    #[test]
    fn rows_a_blank_line_apart_go_on_with_the_table_until_a_line_of_another_kind() {
        let text = "指標\t達成目標\t基準値（令和２年度）\t令和３年度\t令和４年度\t達成状況\n\
                    \n\
                    技術相談件数\t毎年度3,000件以上\t2,845件\t3,112件\t3,256件\t達成\n\
                    \n\
                    共同研究実施件数\t毎年度120件以上\t118件\t126件\t141件\t達成\n\
                    \n\
                    （３）主要なインプット情報\n\
                    \n\
                    特許出願件数\t年間２５件\t２１件\t２４件\t２７件\t達成\n";
        let found = names_and_values(text);
        let names: Vec<&str> = found.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["技術相談件数", "共同研究実施件数"]);
        assert_eq!(found[1].values.baseline_year, Some(2020));
        assert_eq!(
            found[1].values.actuals,
            [(2021, "126件".to_string()), (2022, "141件".to_string())]
        );
    }

    #[test]
    fn a_cell_of_values_each_after_its_year_is_the_actuals() {
        let found = names_and_values(
            "| KPI | 策定時 | 直近値 | 目標 | 評価 |\n|---|---|---|---|---|\n\
             | 漁業経営体の割合 | 12.4%（2021年度） | 2022年度 18.0%／2023年度 21.7% | 50%（2027年度） | C |\n\
             | 導入件数 | 累計8件（2021年度） | 累計46件（2023年度） | 累計120件（2027年度） | B |\n",
        );
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(
            found[0].values.actuals,
            [(2022, "18.0%".to_string()), (2023, "21.7%".to_string())]
        );
        assert_eq!(found[0].values.achievement.as_deref(), Some("C"));
    }

    #[test]
    fn a_chain_of_years_over_chains_of_values_gives_each_year_its_value() {
        assert_eq!(
            role_of("実績の推移（R4→R5→R6）"),
            Role::ActualChain {
                first: 2022,
                last: 2024
            }
        );
        // Years not one after another are no chain of this kind.
        assert_eq!(role_of("実績（R2→R4）"), Role::Actual(Some(2020)));
        assert_eq!(
            chained_values("889g→874g→861g", 2022, 2024),
            [
                (2022, "889g".to_string()),
                (2023, "874g".to_string()),
                (2024, "861g".to_string())
            ]
        );
        assert_eq!(
            chained_values("―→52.0%→55.1%", 2022, 2024),
            [(2023, "52.0%".to_string()), (2024, "55.1%".to_string())]
        );
        assert!(chained_values("889g→874g", 2022, 2024).is_empty());
    }

    #[test]
    fn years_under_the_actuals_column_spread_over_it() {
        let found = names_and_values(
            "No.   測定指標                    基準値(年度)        目標値(年度)         実績値                       達成状況\n\
             \x20                                                                      令和4年度   令和5年度   令和6年度\n\
             ------------------------------------------------------------------\n\
             1     計画の策定件数（累計）      620件(令和3年度)    1,200件(令和9年度)   712件       865件       1,018件     進展\n\
             2     鉄軌道駅における            93.6%(平成30年度)   100%(令和7年度)      94.8%       -           95.3%       未達成\n\
             \x20     段差解消率\n",
        );
        assert_eq!(found.len(), 2);
        let first = &found[0].values;
        assert_eq!(found[0].name, "計画の策定件数（累計）");
        assert_eq!(first.baseline.as_deref(), Some("620件"));
        assert_eq!(first.baseline_year, Some(2021));
        assert_eq!(first.target.as_deref(), Some("1,200件"));
        assert_eq!(first.target_year, Some(2027));
        assert_eq!(
            first.actuals,
            [
                (2022, "712件".to_string()),
                (2023, "865件".to_string()),
                (2024, "1,018件".to_string())
            ]
        );
        assert_eq!(first.achievement.as_deref(), Some("進展"));
        assert_eq!(found[1].name, "鉄軌道駅における段差解消率");
        assert_eq!(found[1].values.baseline_year, Some(2018));
        assert_eq!(found[1].values.actuals.len(), 2);
    }

    #[test]
    fn years_in_header_cells_and_in_columns_of_their_own() {
        let markdown = names_and_values(
            "| KPI | 現状値（令和５年度） | 目標値（令和１１年度） |\n|---|---:|---:|\n| 移住相談件数 | ３，２４０件 | ５，０００件 |\n",
        );
        assert_eq!(markdown[0].values.baseline.as_deref(), Some("３，２４０件"));
        assert_eq!(markdown[0].values.baseline_year, Some(2023));
        assert_eq!(markdown[0].values.target_year, Some(2029));
        let tabbed = names_and_values(
            "No.\t成果指標（KPI）\t基準値\t基準年度\t目標値\t目標年度\t直近値（年度）\t担当\n\
             1-1\t家具の固定をしている世帯の割合\t35.9％\t2022年度\t60％\t2027年度\t41.2％（2024年度）\t防災担当\n",
        );
        let values = &tabbed[0].values;
        assert_eq!(values.baseline_year, Some(2022));
        assert_eq!(values.target.as_deref(), Some("60％"));
        assert_eq!(values.target_year, Some(2027));
        assert_eq!(values.actuals, [(2024, "41.2％".to_string())]);
    }

    #[test]
    fn rows_labelled_targets_and_actuals_make_one_indicator() {
        let found = names_and_values(
            "区分\t指標名\t単位\t基準値 （令和3年度）\t\t令和4年度\t令和5年度\t令和6年度\t最終目標値 （令和7年度）\t達成率 （令和6年度）\t評価\n\
             成果指標\t特定健康診査受診率\t％\t38.5\t目標値\t42.0\t45.0\t48.0\t50.0\t96.0%\tB\n\
             成果指標\t特定健康診査受診率\t％\t\t実績値\t40.1\t43.8\t46.1\t\t\tB\n\
             成果指標\t新規出店件数\t件\t\t目標値\t5\t6\t8\t\t100.0%\tA\n\
             成果指標\t\t件\t\t実績値\t4\t7\t8\t\t\tA\n",
        );
        assert_eq!(found.len(), 2);
        let rate = &found[0].values;
        assert_eq!(rate.baseline.as_deref(), Some("38.5％"));
        assert_eq!(rate.target.as_deref(), Some("50.0％"));
        assert_eq!(rate.target_year, Some(2025));
        assert_eq!(rate.actuals[2], (2024, "46.1％".to_string()));
        assert_eq!(rate.achievement.as_deref(), Some("B"));
        assert_eq!(found[0].planned.len(), 3);
        let shops = &found[1].values;
        assert_eq!(shops.target.as_deref(), Some("8件"));
        assert_eq!(shops.target_year, Some(2024));
        assert_eq!(shops.actuals.len(), 3);
    }

    #[test]
    fn a_spreadsheets_group_rows_stand_over_its_indicators() {
        let found = names_and_values(
            "区分\t番号\t項目名\t単位\t基準値\t基準年度\t目標値\t目標年度\t実績(1)\t実績(2)\t評価\t備考\n\
             基本目標\t1\t稼ぐ力を高める\t\t\t\t\t\t\t\t\t\n\
             数値目標\t\t従業者数\t人\t31,204\tH28\t32,000\tR7\tR4:30,877\tR5:集計中\tC\t\n\
             施策\t1-1\t産業の競争力強化\t\t\t\t\t\t\t\t\tR6予算額 52,400千円\n\
             KPI\t①\t企業立地件数\t件\t3\tR1\t累計15\tR7\tR4:累計8\tR5:累計11\tB\t\n\
             参考\t―\t有効求人倍率\t倍\t1.21\tR1\t\t\tR4:1.18\tR5:1.25\t\t\n\
             \t\t\t\t\t\t\t\t\t\t\t\n\
             基本目標\t2\t人の流れをつくる\t\t\t\t\t\t\t\t\t\n\
             KPI\t（再掲）\t企業立地件数\t件\t3\tR1\t累計15\tR7\tR4:累計8\tR5:累計11\tB\t\n\
             KPI\t①\t移住相談件数\t件\t186\tR1\t300\tR7\tR4:254\tR5:289\tA\t\n\
             \t\t\t\t\t\t\t\t\t\t\t\n\
             （参考）事業費\t\t\t\tR4決算額\t\tR5決算額\t\t\t\t\t\n\
             \t1\t稼ぐ力を高める\t\t97,214\t\t99,530\t\t\t\t\t\n",
        );
        let names: Vec<&str> = found.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["従業者数", "企業立地件数", "移住相談件数"]);
        let workers = &found[0];
        assert_eq!(workers.values.baseline_year, Some(2016));
        assert_eq!(workers.values.target_year, Some(2025));
        assert_eq!(workers.values.actuals, [(2022, "30,877人".to_string())]);
        let group = |f: &TableIndicator| -> Vec<String> {
            f.groups.iter().map(|(name, _)| name.clone()).collect()
        };
        assert_eq!(group(workers), ["稼ぐ力を高める"]);
        assert_eq!(group(&found[1]), ["稼ぐ力を高める", "産業の競争力強化"]);
        assert_eq!(found[1].values.actuals[1], (2023, "累計11件".to_string()));
        assert_eq!(group(&found[2]), ["人の流れをつくる"]);
    }

    #[test]
    fn a_box_drawn_sheet_with_years_under_its_header_and_a_row_each_for_targets_and_actuals() {
        let found = names_and_values(
            "┌──┬──────┬────┬────┬────┬────┬──┬────┬────┬──┐\n\
             │    │測定指標    │基準値  │基準年度│目標値  │目標年度│    │年度ごとの目標値・実績値│        │判定│\n\
             │    │            │        │        │        │        │    │令和３年度│令和４年度│    │\n\
             ├──┼──────┼────┼────┼────┼────┼──┼────┼────┼──┤\n\
             │１  │認定戸数    │１３５万戸│令和２年度│１７０万戸│令和７年度│目標│１４２万戸│１４９万戸│    │\n\
             │    │            │        │        │        │        │実績│１４３万戸│集計中  │△  │\n\
             ├──┼──────┼────┼────┼────┼────┼──┼────┼────┼──┤\n\
             │２  │耐震性が不十分な住宅の割合│約１３％│平成３０年度│おおむね解消│令和１２年度│目標│－│－│    │\n\
             │    │            │        │        │        │        │実績│－      │約１０％│－  │\n\
             └──┴──────┴────┴────┴────┴────┴──┴────┴────┴──┘\n",
        );
        assert_eq!(found.len(), 2);
        let homes = &found[0].values;
        assert_eq!(homes.target.as_deref(), Some("１７０万戸"));
        assert_eq!(homes.target_year, Some(2025));
        assert_eq!(homes.baseline_year, Some(2020));
        assert_eq!(homes.actuals, [(2021, "１４３万戸".to_string())]);
        assert_eq!(homes.achievement.as_deref(), Some("△"));
        assert_eq!(found[0].planned.len(), 2);
        let share = &found[1].values;
        assert_eq!(share.target.as_deref(), Some("おおむね解消"));
        assert_eq!(share.baseline_year, Some(2018));
        assert_eq!(share.actuals, [(2022, "約１０％".to_string())]);
    }

    #[test]
    fn a_subject_column_spans_the_rows_below_and_one_cell_holds_target_and_actuals() {
        let found = names_and_values(
            "No.\t施策\t成果指標\t基準値 （基準年度）\t目標／実績\t達成度\n\
             1\t（１）担い手の確保\t新規就農者数\t98人 （2019年度）\t目標　120人（2026年度） 実績　104人（2023年度） 実績　集計中（2024年度）\t概ね順調\n\
             2\t\t認定品目数\t累計62品目 （2020年度）\t目標　累計100品目（2026年度） 実績　累計87品目（2024年度）\t順調\n",
        );
        assert_eq!(found.len(), 2);
        let farmers = &found[0];
        assert_eq!(farmers.values.target.as_deref(), Some("120人"));
        assert_eq!(farmers.values.target_year, Some(2026));
        assert_eq!(farmers.values.actuals, [(2023, "104人".to_string())]);
        assert_eq!(farmers.groups[0].0, "（１）担い手の確保");
        assert_eq!(found[1].groups[0].0, "（１）担い手の確保");
        assert_eq!(found[1].values.target.as_deref(), Some("累計100品目"));
        assert_eq!(found[1].values.actuals, [(2024, "累計87品目".to_string())]);
    }

    #[test]
    fn an_export_s_code_direction_and_remark_columns_beside_the_values() {
        let found = names_and_values(
            "評価年度\t施策コード\t施策名\t指標No\t指標名\t単位\t目標の方向\t基準年度\t基準値\t目標年度\t目標値\t実績(R4)\t実績(R5)\t評価\t評価理由\n\
             令和6年度\t05-03\t道路の維持管理\t05-03-01\t橋梁の修繕実施率\t%\t↑\t令和2年度\t24.5\t令和8年度\t60.0\t38.2\t46.7\t順調\t対象は早期措置段階（判定区分Ⅲ）の94橋。 計画どおり進捗。\n",
        );
        let [repairs] = &found[..] else {
            panic!("one indicator: {found:?}");
        };
        assert_eq!(repairs.name, "橋梁の修繕実施率");
        let values = &repairs.values;
        assert_eq!(values.baseline.as_deref(), Some("24.5%"));
        assert_eq!(values.baseline_year, Some(2020));
        assert_eq!(values.target.as_deref(), Some("60.0%"));
        assert_eq!(values.target_year, Some(2026));
        assert_eq!(
            values.actuals,
            vec![(2022, "38.2%".to_string()), (2023, "46.7%".to_string())]
        );
        assert_eq!(values.achievement.as_deref(), Some("順調"));
    }

    #[test]
    fn rows_of_targets_over_rows_of_actuals_under_a_header_with_its_number_below() {
        let found = names_and_values(
            "基本施策\t重点指標\t基準値\t区分\t令和3年度\t令和4年度\t令和5年度\t進捗\n\
             No\n\
             （年度）\t（最終）\t評価\n\
             1\t温室効果ガス排出量\t1,326万t（H25）\t目標\t1,190万t\t1,155万t\t1,120万t\tやや遅れ\n\
             実績\t1,210万t\t1,187万t\t集計中\n\
             2\t1 脱炭素社会づくりの推進\t県有施設のLED化率\t41.5%（R2）\t目標\t55.0%\t65.0%\t75.0%\t順調\n\
             実績\t52.0%\t63.8%\t77.1%\n\
             2 循環型社会の形成\n\
             3\tリサイクル率\t19.8%（R1）\t目標\t20.6%\t21.4%\t22.2%\t遅れ\n\
             実績\t20.3%\t20.1%\t20.6%\n",
        );
        let [gases, lights, recycling] = &found[..] else {
            panic!("three indicators: {found:?}");
        };
        assert_eq!(gases.name, "温室効果ガス排出量");
        assert_eq!(gases.values.baseline.as_deref(), Some("1,326万t"));
        assert_eq!(gases.values.baseline_year, Some(2013));
        assert_eq!(gases.values.target.as_deref(), Some("1,120万t"));
        assert_eq!(gases.values.target_year, Some(2023));
        assert_eq!(
            gases.values.actuals,
            vec![
                (2021, "1,210万t".to_string()),
                (2022, "1,187万t".to_string())
            ]
        );
        assert_eq!(gases.values.achievement.as_deref(), Some("やや遅れ"));
        // The subject a later row states is that of the first rows, which state none.
        let subject = |found: &TableIndicator| found.groups.last().map(|(name, _)| name.clone());
        assert_eq!(subject(gases).as_deref(), Some("1 脱炭素社会づくりの推進"));
        assert_eq!(subject(lights).as_deref(), Some("1 脱炭素社会づくりの推進"));
        assert_eq!(lights.values.actuals.len(), 3);
        assert_eq!(subject(recycling).as_deref(), Some("2 循環型社会の形成"));
        assert_eq!(recycling.values.actuals[2], (2023, "20.6%".to_string()));
    }

    #[test]
    fn figures_marked_as_the_baseline_or_the_target_in_a_year_s_column() {
        let found = names_and_values(
            "指標\t令和元年度\t令和4年度\t令和5年度\t令和8年度\t進捗\n\
             観光入込客数\t4,120万人（基準）\t3,380万人\t3,960万人\t4,500万人（目標）\t順調\n\
             観光案内所数\t12か所（基準）\t14か所\t17か所\t20か所（目標）\t順調\n",
        );
        let [visitors, offices] = &found[..] else {
            panic!("two indicators: {found:?}");
        };
        assert_eq!(visitors.values.baseline.as_deref(), Some("4,120万人"));
        assert_eq!(visitors.values.baseline_year, Some(2019));
        assert_eq!(visitors.values.target.as_deref(), Some("4,500万人"));
        assert_eq!(visitors.values.target_year, Some(2026));
        assert_eq!(
            visitors.values.actuals,
            vec![
                (2022, "3,380万人".to_string()),
                (2023, "3,960万人".to_string())
            ]
        );
        assert_eq!(offices.values.baseline.as_deref(), Some("12か所"));
        assert_eq!(offices.values.target.as_deref(), Some("20か所"));
    }

    #[test]
    fn years_under_a_header_complete_its_last_columns_of_values() {
        // `(R5) (R8) (R12)` stand under the actuals, the interim and the final target, not
        // under the baseline whose year has a column of its own.
        let found = names_and_values(
            "No.\t成果指標\t単位\t方向\t基準値\t基準年度\t実績値\t中間目標\t最終目標\n\
             (R5)\t(R8)\t(R12)\n\
             1\t学校図書館の蔵書充足率\t%\t↑\t82.6\tR4\t86.1\t92.0\t100.0\n",
        );
        let [shelves] = &found[..] else {
            panic!("one indicator: {found:?}");
        };
        assert_eq!(shelves.values.baseline_year, Some(2022));
        assert_eq!(shelves.values.actuals, vec![(2023, "86.1%".to_string())]);
        assert_eq!(shelves.values.target.as_deref(), Some("100.0%"));
        assert_eq!(shelves.values.target_year, Some(2030));
    }

    #[test]
    fn rows_of_targets_actuals_and_rates_under_years_of_both_and_a_head_broken_after_its_particle()
    {
        let head = ["年度ごとの目標値・実績値"; 2].join("\t");
        let text = format!(
            "測定指標\t区分\t基準値 （基準年度）\t{head}\t目標値 （目標年度）\t測定指標の 達成状況\n\
             測定指標\t区分\t基準値 （基準年度）\t令和４年度\t令和５年度\t目標値 （目標年度）\t測定指標の 達成状況\n\
             １　一般廃棄物の最終処分量\t目標\t３８０万トン （平成３０年度）\t３４５万トン\t３３５万トン\t３２０万トン （令和７年度）\t相当程度進展あり\n\
             \t実績\t\t３４２万トン\t３３６万トン\t\t相当程度進展あり\n\
             \t達成度\t\t１００％\t９９％\t\t相当程度進展あり\n\
             ２　不法投棄の新規判明件数\t目標\t１５５件 （令和元年度）\t１００件以下\t１００件以下\t毎年度１００件以下\t目標達成\n\
             \t実績\t\t１０７件\t９８件\t\t目標達成\n"
        );
        let found = names_and_values(&text);
        let names: Vec<&str> = found.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["一般廃棄物の最終処分量", "不法投棄の新規判明件数"]);
        let values = &found[0].values;
        assert_eq!(values.target.as_deref(), Some("３２０万トン"));
        assert_eq!(values.target_year, Some(2025));
        assert_eq!(values.baseline.as_deref(), Some("３８０万トン"));
        assert_eq!(values.baseline_year, Some(2018));
        assert_eq!(
            values.actuals,
            [
                (2022, "３４２万トン".to_string()),
                (2023, "３３６万トン".to_string())
            ]
        );
        assert_eq!(values.achievement.as_deref(), Some("相当程度進展あり"));
        assert_eq!(
            found[1].values.target.as_deref(),
            Some("毎年度１００件以下")
        );
        assert_eq!(found[1].values.achievement.as_deref(), Some("目標達成"));
    }

    #[test]
    fn a_row_per_year_of_one_indicator_under_a_column_of_years() {
        let text = "指標名\t基準値（年度）\t最終目標（年度）\t年度\t目標\t実績\t達成率\t評価\n\
                    一般廃棄物のリサイクル率\t19.8% （R1）\t27.0% （R12）\tR3\t21.0%\t20.1%\t95.7%\tB\n\
                    一般廃棄物のリサイクル率\t\t\tR4\t22.0%\t20.4%\t92.7%\tB\n\
                    \t\t\tR5\t23.0%\t20.9%\t90.9%\tB\n";
        let found = names_and_values(text);
        assert_eq!(found.len(), 1);
        let values = &found[0].values;
        assert_eq!(values.target.as_deref(), Some("27.0%"));
        assert_eq!(values.target_year, Some(2030));
        assert_eq!(values.baseline.as_deref(), Some("19.8%"));
        assert_eq!(values.baseline_year, Some(2019));
        assert_eq!(
            values.actuals,
            [
                (2021, "20.1%".to_string()),
                (2022, "20.4%".to_string()),
                (2023, "20.9%".to_string())
            ]
        );
        assert_eq!(
            found[0].planned,
            [
                (2021, "21.0%".to_string()),
                (2022, "22.0%".to_string()),
                (2023, "23.0%".to_string())
            ]
        );
        assert_eq!(values.achievement.as_deref(), Some("B"));
    }

    #[test]
    fn years_under_each_row_group_labels_between_rows_and_the_header_set_again() {
        let text = "施策／重要業績評価指標（KPI）\t基準値\t目標値\tR4実績\tR5実績\t評価\t検証結果\n\
                    （年度）\t（年度）\n\
                    基本目標1 地域に稼ぐ力と安定した雇用をつくる\n\
                    施策(1) 地域産業の競争力強化\n\
                    \n\
                    製造品出荷額等\t2,840億円\t3,000億円\t2,912億円\t2,978億円\t○\t設備投資が堅調で、概ね順\n\
                    （H30）\t（R6）\t調に推移している。\n\
                    \n\
                    基本目標2 新しいひとの流れをつくる\n\
                    施策(1) 移住・定住の促進\n\
                    \n\
                    施策／重要業績評価指標（KPI）\t基準値\t目標値\tR4  実績\tR5  実績\t評価\t検証結果\n\
                    （年度）\t（年度）\n\
                    転入者数（年間）\t3,250人\t3,500人\t3,180人\t3,322人\t△\t改善は限定的。\n\
                    （R1）\t（R6）\n\
                    \n\
                    ## 3 今後の方向性\n\
                    \n\
                    人口\t12,000人\t13,000人\t12,100人\t12,050人\t○\t\n";
        let found = names_and_values(text);
        let read: Vec<_> = found
            .iter()
            .map(|f| {
                let v = &f.values;
                (
                    f.name.as_str(),
                    v.baseline_year,
                    v.target_year,
                    v.actuals.len(),
                )
            })
            .collect();
        assert_eq!(
            read,
            [
                ("製造品出荷額等", Some(2018), Some(2024), 2),
                ("転入者数（年間）", Some(2019), Some(2024), 2),
            ]
        );
    }

    #[test]
    fn targets_due_by_a_year_and_the_period_before_as_baseline() {
        let text = "           指標               目標水準         前期間実績       備考\n\
                    査読付き論文の発表件数           各年度 45件以上     52件（令和5年度）      共著を含む\n\
                    \n\
                    データベースのアクセス件数       令和11年度に 年間120万件以上   82万件（令和5年度）    注2\n\
                    \n\
                    公開データセット数               令和11年度末までに 400件     ―（新規指標）\n";
        let found = names_and_values(text);
        let read: Vec<_> = found
            .iter()
            .map(|f| {
                let v = &f.values;
                (
                    f.name.as_str(),
                    v.target.clone(),
                    v.target_year,
                    v.baseline.clone(),
                    v.baseline_year,
                )
            })
            .collect();
        assert_eq!(
            read,
            [
                (
                    "査読付き論文の発表件数",
                    Some("各年度 45件以上".into()),
                    None,
                    Some("52件".into()),
                    Some(2023)
                ),
                (
                    "データベースのアクセス件数",
                    Some("年間120万件以上".into()),
                    Some(2029),
                    Some("82万件".into()),
                    Some(2023)
                ),
                (
                    "公開データセット数",
                    Some("400件".into()),
                    Some(2029),
                    None,
                    None
                ),
            ]
        );
    }

    #[test]
    fn a_table_laid_out_in_full_width_spaces_under_a_rule_of_dashes() {
        // Two heads one space apart are two columns; `R元` is the era's first year.
        let found = names_and_values(
            "\u{3000}具体的な施策／ＫＰＩ\u{3000}\u{3000}基準値（年度）\u{3000}\u{3000}目標値（Ｒ６）\u{3000}Ｒ４実績\u{3000}\u{3000}Ｒ５実績\u{3000}\u{3000}達成率\u{3000}\u{3000}進捗\n\
             \u{3000}――――――――――――――――――――\n\
             \u{3000}（１）農林水産業の振興\n\
             \u{3000}\u{3000}\u{3000}新規就農者数（累計）\u{3000}\u{3000}0人（R元）\u{3000}\u{3000}25人\u{3000}\u{3000}14人\u{3000}\u{3000}19人\u{3000}\u{3000}76.0%\u{3000}\u{3000}概ね順調\n",
        );
        let [farmers] = &found[..] else {
            panic!("one indicator: {found:?}");
        };
        assert_eq!(farmers.values.baseline.as_deref(), Some("0人"));
        assert_eq!(farmers.values.baseline_year, Some(2019));
        assert_eq!(farmers.values.target.as_deref(), Some("25人"));
        assert_eq!(farmers.values.target_year, Some(2024));
        assert_eq!(
            farmers.values.actuals,
            vec![(2022, "14人".to_string()), (2023, "19人".to_string())]
        );
        assert_eq!(farmers.values.achievement.as_deref(), Some("概ね順調"));
    }

    #[test]
    fn a_value_run_into_the_name_of_its_row_is_parted_from_it() {
        assert_eq!(
            glued_value("子育て世代包括支援センター相談件数（年間）620件（R元）"),
            Some(("子育て世代包括支援センター相談件数（年間）", "620件（R元）"))
        );
        // A name ending in its own number, or no year after the figure, stays whole.
        assert_eq!(glued_value("第2期計画の指標（R5）"), None);
        assert_eq!(glued_value("相談件数620件"), None);
        let found = names_and_values(
            "具体的な施策／ＫＰＩ　　基準値（年度）　　目標値（Ｒ６）　　Ｒ５実績　　進捗\n\
             子育て支援センター相談件数（年間）620件（R元）　　900件　　915件　　達成\n",
        );
        let [consultations] = &found[..] else {
            panic!("one indicator: {found:?}");
        };
        assert_eq!(consultations.name, "子育て支援センター相談件数（年間）");
        assert_eq!(consultations.values.baseline.as_deref(), Some("620件"));
        assert_eq!(consultations.values.target.as_deref(), Some("900件"));
    }

    #[test]
    fn budget_tables_are_no_indicator_tables() {
        assert!(
            names_and_values("区分\t令和4年度\t令和5年度\n予算額\t84,520\t86,310\n").is_empty()
        );
        assert!(names_and_values("指標の考え方について、目標と実績を比べる。\n").is_empty());
    }
    #[test]
    fn a_list_of_one_indicator_to_a_line_parted_by_full_width_spaces_over_groups_and_comments() {
        let found = names_and_values(
            "番号　施策　指標名　基準値（年度）　目標値（年度）　Ｒ４実績　Ｒ５実績　達成率　評価\n\
             ――――――――――――――――\n\
             \n\
             【政策１　安心して子どもを産み育てられるまち】\n\
             \u{20}1　1-1 妊娠・出産支援の充実　妊婦健康診査の受診率　94.2%（R2）　98.0%（R7）　95.8%　96.4%　98.4%　Ｂ\n\
             \n\
             \u{3000}〔所見〕\n\
             \u{3000}妊婦健康診査の受診率は目標に向けて順調に推移している。\n\
             \n\
             【政策２　いきいきと健康に暮らせるまち】\n\
             \u{20}6　2-1 健康づくりの推進　特定健康診査受診率　38.7%（R2）　60.0%（R7）　42.5%　45.1%　75.2%　Ｃ\n",
        );
        let names: Vec<&str> = found.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["妊婦健康診査の受診率", "特定健康診査受診率"]);
        let checkups = &found[1].values;
        assert_eq!(checkups.baseline.as_deref(), Some("38.7%"));
        assert_eq!(checkups.baseline_year, Some(2020));
        assert_eq!(checkups.target.as_deref(), Some("60.0%"));
        assert_eq!(checkups.target_year, Some(2025));
        assert_eq!(
            checkups.actuals,
            [(2022, "42.5%".to_string()), (2023, "45.1%".to_string())]
        );
        assert_eq!(checkups.achievement.as_deref(), Some("Ｃ"));
        let groups: Vec<&str> = found[1].groups.iter().map(|(g, _)| g.as_str()).collect();
        assert_eq!(groups, ["2-1 健康づくりの推進"]);
    }

    #[test]
    fn a_column_of_the_kind_of_indicator_names_none() {
        let found = names_and_values(
            "事業番号\t事業名\t指標の種類\t指標名\t単位\t区分\t基準値\t基準年度\t令和4年度\t令和5年度\t最終目標値\t目標年度\t評価\n\
             01\t移住定住促進事業\t活動指標\t移住相談会の開催回数\t回\t目標値\t12\t令和2年度\t18\t20\t24\t令和7年度\t\n\
             01\t移住定住促進事業\t活動指標\t移住相談会の開催回数\t回\t実績値\t\t\t19\t22\t\t\t達成\n\
             01\t移住定住促進事業\t活動指標\t移住相談会の開催回数\t回\t達成度（％）\t\t\t105.6\t110.0\t\t\t\n",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].name, "移住相談会の開催回数");
        let values = &found[0].values;
        assert_eq!(values.target.as_deref(), Some("24回"));
        assert_eq!(values.baseline.as_deref(), Some("12回"));
        assert_eq!(
            values.actuals,
            [(2022, "19回".to_string()), (2023, "22回".to_string())]
        );
        assert_eq!(values.achievement.as_deref(), Some("達成"));
    }

    #[test]
    fn an_indicator_s_code_is_written_alike_and_a_bare_number_is_none() {
        assert_eq!(
            indicator_code("指標３－２－１").as_deref(),
            Some("指標3-2-1")
        );
        assert_eq!(indicator_code("KPI 1-2").as_deref(), Some("KPI1-2"));
        assert_eq!(indicator_code("成果指標2").as_deref(), Some("成果指標2"));
        assert_eq!(indicator_code("1"), None);
        assert_eq!(indicator_code("県内病院の常勤医師数"), None);
    }

    #[test]
    fn a_target_revised_beside_its_first_setting_and_a_note_spanning_the_table() {
        let text = "施策\tNo.\t成果指標\t基準値（年度）\t目標値（令和９年度）\t目標値（令和９年度）\t実績値\t実績値\t中間評価\n\
                    施策\tNo.\t成果指標\t基準値（年度）\t当初\t見直し後\t令和５年度\t令和６年度\t中間評価\n\
                    1-1　企業誘致\t1\t新規立地企業数（累計）\t0件（R3）\t15件\t20件\t9件\t14件※1\t順調\n\
                    \t2\t市内事業所の従業者数\t38,412人（R3）\t39,000人\t－\t38,650人\t38,702人\t概ね順調\n\
                    ※1　速報値\t※1　速報値\t※1　速報値\t※1　速報値\t※1　速報値\t※1　速報値\t\t\t";
        let lines: Vec<&str> = text.lines().collect();
        let found: Vec<TableIndicator> = indicator_tables(&lines)
            .into_iter()
            .flat_map(|t| t.indicators)
            .collect();
        let [sites, workers] = &found[..] else {
            panic!("two indicators: {found:?}");
        };
        assert_eq!(sites.values.target.as_deref(), Some("20件"));
        assert_eq!(
            sites.values.actuals,
            vec![(2023, "9件".to_string()), (2024, "14件".to_string())]
        );
        // A revision left as a dash keeps the first setting.
        assert_eq!(workers.values.target.as_deref(), Some("39,000人"));
        assert_eq!(workers.values.target_year, Some(2027));
    }

    #[test]
    fn a_unit_given_on_an_indicator_s_first_row_holds_for_the_rows_under_it() {
        let text = "指標名\t単位\t区分\t令和4年度\t令和5年度\t目標年度\t最終目標値\n\
                    開催回数\t回\t目標\t40\t45\t令和8年度\t60\n\
                    \t\t実績\t37\t46\t\t";
        let lines: Vec<&str> = text.lines().collect();
        let found: Vec<TableIndicator> = indicator_tables(&lines)
            .into_iter()
            .flat_map(|t| t.indicators)
            .collect();
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].values.actuals,
            vec![(2022, "37回".to_string()), (2023, "46回".to_string())]
        );
    }

    #[test]
    fn a_line_printer_s_table_headed_in_kana_readings_with_its_groups_between_rows() {
        // Labels in half-width katakana (two heads one space apart, each with its year or
        // 年度), a group's line of the level's number and name between rows after a blank
        // line, values a gap before their years, and a unit reaching the next column.
        let text = " NO  ｼﾋｮｳﾒｲ                ﾀﾝｲ     ﾎｳｺｳ     ｷｼﾞｭﾝﾁ ﾈﾝﾄﾞ    ﾓｸﾋｮｳﾁ ﾈﾝﾄﾞ ｼﾞｯｾｷ R05 ｼﾞｯｾｷ R06  ﾋｮｳｶ\n\
                    -----------------------------------------------------------------------------\n\
                    \u{20}\n\
                    ｼｻｸ 03-01  環境保全の推進                      ﾀﾝﾄｳｶ  環境政策課\n\
                    12  市域の温室効果ガス排出量  千t-CO2 ｹﾞﾝ       1,284 R01      1,050 R08      1,198    ﾐｼｭｳｹｲ  D\n\
                    13  ごみの資源化率            %       ｿﾞｳ        21.6 R02       27.0 R08       22.9      24.8  C\n";
        let lines: Vec<&str> = text.lines().collect();
        let found: Vec<TableIndicator> = indicator_tables(&lines)
            .into_iter()
            .flat_map(|t| t.indicators)
            .collect();
        let [emissions, recycling] = found.as_slice() else {
            panic!("{found:?}");
        };
        assert_eq!(emissions.name, "市域の温室効果ガス排出量");
        assert_eq!(emissions.values.baseline.as_deref(), Some("1,284千t-CO2"));
        assert_eq!(emissions.values.baseline_year, Some(2019));
        assert_eq!(emissions.values.target.as_deref(), Some("1,050千t-CO2"));
        assert_eq!(emissions.values.target_year, Some(2026));
        assert_eq!(
            emissions.values.actuals,
            vec![(2023, "1,198千t-CO2".to_string())]
        );
        assert_eq!(recycling.values.achievement.as_deref(), Some("C"));
        for indicator in &found {
            assert_eq!(indicator.groups.len(), 1, "{indicator:?}");
            assert_eq!(indicator.groups[0].0, "環境保全の推進");
        }
    }

    #[test]
    fn a_first_column_headed_by_the_kind_of_target_names_the_indicators() {
        let found = names_and_values(
            "数値目標\t基準値\t目標値\t令和6年度実績\t進捗状況\n\
             合計特殊出生率\t1.38（R元）\t1.50（R7）\t1.31\t遅れ\n",
        );
        let [rate] = &found[..] else {
            panic!("one indicator: {found:?}");
        };
        assert_eq!(rate.name, "合計特殊出生率");
        assert_eq!(rate.values.target.as_deref(), Some("1.50"));
        assert_eq!(rate.values.target_year, Some(2025));
        // A column of targets after the name is its targets' values.
        let found = names_and_values(
            "指標名\t数値目標\t令和6年度実績\t進捗状況\n\
             合計特殊出生率\t1.50（R7）\t1.31\t遅れ\n",
        );
        assert_eq!(found[0].values.target.as_deref(), Some("1.50"));
    }

    #[test]
    fn a_padded_sheet_s_bracketed_years_under_its_baseline_and_target_over_rows_of_each() {
        let found = names_and_values(
            "No.\t成果指標\t\t\t\t区分\t基準値\t令和4年度\t令和5年度\t令和6年度\t令和7年度\t目標値\t評価\t指標の説明・算出方法\t\t\n\t\t\t\t\t\t（令和2年度）\t\t\t\t\t（令和8年度）\t\t\t\t\n1\t自主防災組織の活動カバー率\t\t\t\t目標\t\t85.0%\t86.0%\t87.0%\t88.0%\t90.0%\tB\t自主防災組織が組織されている地域の世帯数÷全世帯数（各年度4月1日現在）\t\t\n\t\t\t\t\t実績\t82.4%\t84.1%\t85.3%\t86.2%\t\t\t\t\t\t\n2\t防災訓練への参加者数（年間）\t\t\t\t目標\t\t2,000人\t2,100人\t2,200人\t2,300人\t2,400人\tA\t町総合防災訓練及び地区防災訓練の参加者数の合計\t\t\n\t\t\t\t\t実績\t1,850人\t1,420人\t1,980人\t2,240人\t\t\t\t\t\t\n3\t住宅の耐震化率\t\t\t\t目標\t\t81.0%\t82.5%\t84.0%\t85.5%\t87.0%\tB\t住宅・土地統計調査をもとに町が推計\t\t\n\t\t\t\t\t実績\t78.6%\t80.2%\t81.1%\t82.0%\t\t\t\t\t\t",
        );
        let [cover, ..] = &found[..] else {
            panic!("indicators: {found:?}");
        };
        assert_eq!(found.len(), 3);
        assert_eq!(cover.name, "自主防災組織の活動カバー率");
        assert_eq!(cover.values.baseline.as_deref(), Some("82.4%"));
        assert_eq!(cover.values.baseline_year, Some(2020));
        assert_eq!(cover.values.target.as_deref(), Some("90.0%"));
        assert_eq!(cover.values.target_year, Some(2026));
        assert_eq!(
            cover.values.actuals.first(),
            Some(&(2022, "84.1%".to_string()))
        );
        assert_eq!(cover.values.achievement.as_deref(), Some("B"));
    }

    #[test]
    fn grades_alone_are_read_for_indicators_named_above_and_rows_kept_apart_by_blank_lines() {
        // A table a document embeds as markup keeps its tags' lines blank between its rows.
        let text = "指標\t基準値\tR5\tR6\t目標値（R7）\n\n\n\
                    新規就農者数\t0人（R元）\t10人\t13人\t15人\n\n\n\
                    創業件数\t0件（R元）\t13件\t18件\t20件\n\n\
                    指標コード\t指標\t評価\t評価の理由\n\
                    0101\t新規就農者数\tB\t就農者は増えている。\n\
                    0102\t創業件数\tA\t順調に推移している。\n\n\
                    番号\t指標名\t評価\n\
                    0201\t観光入込客数\tB\n";
        let lines: Vec<&str> = text.lines().collect();
        let tables = indicator_tables(&lines);
        assert_eq!(tables.len(), 2, "{tables:?}");
        let values: Vec<&TableIndicator> = tables[0].indicators.iter().collect();
        assert_eq!(values.len(), 2);
        assert_eq!(values[1].name, "創業件数");
        assert_eq!(values[1].values.target.as_deref(), Some("20件"));
        let grades: Vec<(&str, Option<&str>)> = tables[1]
            .indicators
            .iter()
            .map(|i| (i.name.as_str(), i.values.achievement.as_deref()))
            .collect();
        assert_eq!(
            grades,
            [("新規就農者数", Some("B")), ("創業件数", Some("A"))]
        );
    }
}
