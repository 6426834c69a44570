//! Table rows of the generic reader: a label and figures under a header of years and kinds
//! (or a single figure under a unit line), changes and rates on the row's current figure.

use super::{
    Item, Reader, Role, TableLayout, exhibit_title, holds_figures_alone, is_letter_cell,
    is_name_line, is_parenthesised, is_row_number, is_rule_line, is_set_far_in, is_table_line,
    item_year_kind, row_name_words, split_trailing_parenthesis,
};
use crate::extract::recognise::amounts::{
    Column, SUPPLEMENTARY_ORDINAL, YearKind, cell_amount, cells, change_cell_amount, column_of,
    figure_and_remark, figure_note_label, inline_figures, is_figure_label, is_whole_amount_text,
    join_spaced_words, kind_named, names_a_limit, names_around_supplementary, names_notes,
    names_project_cost, names_revenue, names_spent_alone, opens_with_funding,
    opens_with_state_share, parenthesised, relative_year, shifted, signed_number, tab_cells,
    unit_of_cell, year_cell,
};
use crate::extract::recognise::bodies::is_body_name;
use crate::extract::recognise::contacts::ends_before_contact_number;
use crate::extract::recognise::legends::figure_brackets_and_rest;
use crate::extract::recognise::names::{
    NAME_STARS, clean_name, is_status_mark, is_status_word, leading_note_mark, strip_markup,
    without_spaces, without_status_marks,
};
use crate::extract::recognise::numbering::{Style, numbered, without_numbering};
use crate::extract::recognise::programs::is_program_name;
use crate::extract::recognise::year_tables::{is_dash, is_indicator_row};
use crate::graph::model::{NodeType, Rel, Source};
use crate::money::{
    BudgetFigure, BudgetKind, FiscalYear, find_amounts, find_fiscal_years, parse_number,
};
use crate::normalize::is_digit;
use rust_decimal::Decimal;
use std::borrow::Cow;

/// Marks that open a note naming a part of its row (`○職員人件費　1,012,348`).
const NOTE_BULLETS: [char; 4] = ['○', '◯', '・', '●'];

/// The ending of a header naming a column of codes (`都道府県コード`).
const CODE_HEADER_ENDING: &str = "コード";

/// Heads of a column numbering a table's rows, upper-cased and without a full stop.
const ROW_NUMBER_HEADS: [&str; 3] = ["NO", "番号", "№"];

/// Lines of a header above its last that may head its columns.
const HEADER_LINES_ABOVE: usize = 2;

/// Most digits of a row's number (`27`).
const MAX_ROW_NUMBER_DIGITS: usize = 3;

/// Whether a cell is only a row's number (`1`, `２７`).
fn is_bare_row_number(cell: &str) -> bool {
    let number = cell.trim();
    (1..=MAX_ROW_NUMBER_DIGITS).contains(&number.chars().count()) && number.chars().all(is_digit)
}

/// The ending of a header word naming a column of amounts (`補正前の額`, `決算額`).
const AMOUNT_WORD: char = '額';

/// Most rows of a table of accounts that gives its figures to the item above it.
const MAX_ACCOUNT_ROWS: usize = 3;

/// Row labels that state the total of the rows above them.
const TOTAL_LABELS: [&str; 6] = ["合計", "総計", "小計", "計", "総額", "合 計"];

/// Whether a cell is one number or amount and nothing else (not `1,482,600千円（前年度 …）`).
pub(super) fn is_whole_amount(cell: &str) -> bool {
    let cell = cell.trim();
    parse_number(cell).is_some() || is_whole_amount_text(cell)
}

/// How many columns of labels and words a header has before its first figure column.
pub(super) fn leading_label_columns(columns: &[Column]) -> usize {
    columns
        .iter()
        .take_while(|column| matches!(column, Column::Label | Column::Other))
        .count()
}

/// The label of a row: its first cell, or, when the row has a cell for every column and
/// the header names several columns before the first figure (`区分` spanning 会計 and 事項),
/// the last of them that holds words — the most specific — other than a body responsible
/// for the row (`県立病院医師確保対策事業 | 病院局 | 1,284`).
fn row_label<'r>(row: &[&'r str], columns: &[Column]) -> Cow<'r, str> {
    if row.len() != columns.len() {
        return Cow::Borrowed(row[0]);
    }
    let leading = leading_label_columns(columns);
    // A row's year (`R7` under `年度`) names no item.
    let words = |cell: &&&str| {
        cell.chars().any(char::is_alphabetic)
            && !is_whole_amount(cell)
            && kind_label(cell).is_none()
            && year_cell(cell).is_none()
    };
    let named = row[..leading.max(1)].iter().rev().filter(words);
    let mut labels: Vec<&&str> = named.clone().filter(|cell| !is_body_name(cell)).collect();
    if labels.is_empty() {
        labels = named.collect();
    }
    let mut labels = labels.into_iter();
    let Some(last) = labels.next() else {
        return Cow::Borrowed(row[0]);
    };
    if !is_total_label(last) {
        return Cow::Borrowed(last);
    }
    // `一般会計 | 計`: the total of the group its first label names; `一般会計 | 歳出合計`
    // the group's total of what its label names, past a label the total repeats (`一般会計 |
    // 歳入 | 歳入合計`).
    let total = without_spaces(last);
    let group = labels.find(|label| {
        let label = without_spaces(label);
        !is_total_label(&label) && !total.contains(&label)
    });
    match group {
        Some(group) if is_bare_total(last) => Cow::Borrowed(group),
        Some(group) => Cow::Owned(format!("{}{total}", group.trim())),
        None => Cow::Borrowed(last),
    }
}

/// Most chars of an aside in parentheses after a kind's label (`（今回）`, `（本定例会）`).
const MAX_KIND_ASIDE_CHARS: usize = 6;

/// The kind a label cell names when it is budget wording alone (`当初予算`, `補正予算` beside
/// an item's name spanning both rows): the kind of the row's figures, no name.
/// An open-data row's `6月補正` or `第2号補正` also names its kind alone: which of the
/// year's supplementaries says nothing more of the figure.
fn kind_label(cell: &str) -> Option<BudgetKind> {
    let folded = crate::normalize::nfkc(&without_spaces(cell));
    // `補正予算額（第3号）`: the parentheses the ordinal stood in go with it.
    let unnumbered = SUPPLEMENTARY_ORDINAL
        .replace_all(&folded, "")
        .replace("()", "");
    // `１１月補正予算（今回）`: an aside naming which of them it is, no more of the figure.
    let (head, aside) = split_trailing_parenthesis(&unnumbered);
    let aside_only = !aside.is_empty()
        && aside.chars().count() <= MAX_KIND_ASIDE_CHARS
        && !aside.chars().any(char::is_numeric);
    let unnumbered = if aside_only { head } else { &unnumbered };
    kind_named(unnumbered).filter(|_| is_figure_label(unnumbered))
}

/// The kind a sheet's row label names after its group's name, a space apart, in one cell
/// (`予算の状況　当初予算`, the first of the group's rows).
fn group_and_kind(label: &str) -> Option<BudgetKind> {
    let mut words = label.split_whitespace();
    let kind = kind_label(words.next_back()?)?;
    words.next().is_some().then_some(kind)
}

/// The year and kind of a figure `cell` in a row whose label names its `kind`: that kind,
/// unless the cell's own header names a request (`当初予算` under `令和９年度要求`: the
/// request for the initial budget).
fn of_row_kind(cell: &Cell<'_>, year_kind: YearKind, kind: BudgetKind) -> YearKind {
    match cell.own_kind {
        Some(BudgetKind::Request) => year_kind,
        _ => YearKind {
            kind: Some(kind),
            ..year_kind
        },
    }
}

/// A label without the letter before it that spells a group's name down the side of the
/// rows (`予 補正予算` beside `予／算／の／状／況`), when the rest is budget wording alone.
fn without_side_letter(label: &str) -> &str {
    let mut chars = label.trim_start().chars();
    match (chars.next(), chars.next()) {
        (Some(letter), Some(space)) if letter.is_alphabetic() && space.is_whitespace() => {
            let rest = chars.as_str().trim();
            if kind_label(rest).is_some() {
                rest
            } else {
                label
            }
        }
        _ => label,
    }
}

/// The word of the amount a budget office settles a request at (査定額, 査定増減).
const SETTLEMENT: &str = "査定";

/// The number of a remark that gives a row's change (`（対前年度　+28,150）` → `+28,150`).
fn remark_change(cell: &str) -> Option<&str> {
    if !is_parenthesised(cell) {
        return None;
    }
    let inner = parenthesised(cell);
    // `（＋60）`, `（▲340）`: a number its sign marks as a change, in a table whose legend
    // says what its parentheses hold.
    if let Some(number) = signed_number(inner) {
        return Some(number);
    }
    let (words, number) = inner.rsplit_once([' ', '\u{3000}'])?;
    stated_change(words, number)
}

/// The number of a change its words name (`前年度比 | △１５`, `対前年度　+28,150`), without
/// its plus sign; `None` when the words name no change or the number is none (a ratio).
fn stated_change<'c>(words: &str, number: &'c str) -> Option<&'c str> {
    let number = number.trim().trim_start_matches(['+', '＋']);
    let names_a_change = super::CHANGE_WORDS.iter().any(|word| words.contains(word));
    (names_a_change && parse_number(number).is_some()).then_some(number)
}

/// A row's change written after its figure in cells of its own (`前年度比 | △１５`, or a
/// signed `△１５` alone): the change's number. A ratio (`92.7%`) is none.
fn change_cells<'c>(tail: &[&'c str]) -> Option<&'c str> {
    match tail {
        [number] => signed_number(number.trim()),
        [words, number] => stated_change(words, number),
        _ => None,
    }
}

/// The number of a remark that gives the row's figure of the year before, in the row's
/// unit (`（前年度　２８８，５００）` → `２８８，５００`).
pub(super) fn remark_previous_year(cell: &str) -> Option<&str> {
    if !is_parenthesised(cell) {
        return None;
    }
    let (words, number) = parenthesised(cell).rsplit_once([' ', '\u{3000}'])?;
    // (`（対前年度　+28,150）`, `（前年度比　△1,200）` compare.)
    let compares = words.contains(['対', '増', '減', '比', '差']);
    let bare = parse_number(number).is_some() && find_amounts(number).is_empty();
    (relative_year(words) == -1 && !compares && bare).then_some(number)
}

/// A figure cell's number without the remark after it in parentheses (`64,616,950
/// （うち要望額 4,222,000）`, a line break between them), or without the brackets its whole
/// column sets it in (`〔  6,215,000〕` under `〔　令和７年度〕`): the cell's own figure.
fn without_remark(cell: &str) -> &str {
    let bracketed = cell
        .trim()
        .strip_prefix(['〔', '［'])
        .and_then(|inner| inner.strip_suffix(['〕', '］']))
        .map(str::trim)
        .filter(|inner| parse_number(inner).is_some());
    if let Some(inner) = bracketed {
        return inner;
    }
    figure_and_remark(cell).map_or(cell, |(number, _)| number)
}

/// A cell holding its column's figure and, in parentheses at its end, the other year's
/// figure its header names (`86.4 〔うち要望 12.0〕 （78.9）`, `事項要求 （301.8）`): the two
/// as written (the first may be no number). `None` without such a parenthesis.
fn paired_cell(cell: &str) -> Option<(&str, &str)> {
    let trimmed = cell.trim_end();
    // `4,562 ／ 4,390` under `令和８年度要求額 ／ 令和７年度予算額`.
    if let Some((own, other)) = trimmed.split_once(['／', '/'])
        && parse_number(own.trim()).is_some()
        && parse_number(other.trim()).is_some()
    {
        return Some((own.trim(), other.trim()));
    }
    let inner = trimmed
        .strip_suffix('）')
        .or_else(|| trimmed.strip_suffix(')'))?;
    let open = inner.rfind(['（', '('])?;
    let other = inner[open..].trim_start_matches(['（', '(']).trim();
    parse_number(other)?;
    let own = inner[..open].split_whitespace().next().unwrap_or("");
    Some((own, other))
}

/// The kind the label cells before a row's figures name (`地域公共交通確保維持改善事業 |
/// 補正予算 | 110 | 95`), when the row has a cell for every column.
fn row_kind(row: &[&str], columns: &[Column]) -> Option<BudgetKind> {
    if row.len() != columns.len() {
        return None;
    }
    let leading = leading_label_columns(columns);
    row[..leading.max(1)]
        .iter()
        .rev()
        .find_map(|cell| kind_label(cell))
}

/// The fiscal year a row's label names and nothing else (`令和３年度`, `2025年度`).
pub(super) fn bare_year(label: &str) -> Option<FiscalYear> {
    let years = find_fiscal_years(label);
    let [only] = years.as_slice() else {
        return None;
    };
    let rest = format!("{}{}", label.get(..only.start)?, label.get(only.end..)?);
    rest.trim_matches(|c: char| c.is_whitespace() || c == '年' || c == '度')
        .is_empty()
        .then_some(only.year)
}

/// Most characters of a group's name written down the side of its rows that one line holds
/// (`予算` of 予算の状況).
const MAX_SIDE_LETTERS: usize = 2;

/// Whether a cell is a piece of a group's name written down the side of its rows (`企`,
/// `予算`, `の`, `状況`), standing before a row's label in a cell of its own.
pub(super) fn is_side_letters(cell: &str) -> bool {
    (1..=MAX_SIDE_LETTERS).contains(&cell.chars().count()) && cell.chars().all(char::is_alphabetic)
}

/// Whether a cell names an account (`一般会計`, `東日本大震災復興特別会計`), not the word
/// `会計` alone nor a total.
fn names_account(cell: &str) -> bool {
    names_ledger_ending(cell, "会計")
}

/// Whether a cell names an account or one of the ledgers of a special account or an agency
/// (`研究開発勘定`), not the word `勘定` alone nor a total.
fn names_account_or_ledger(cell: &str) -> bool {
    names_account(cell) || names_ledger_ending(cell, "勘定")
}

/// Whether a cell's name ends with `ending` after words of its own, and is no total.
fn names_ledger_ending(cell: &str, ending: &str) -> bool {
    let name = clean_name(cell);
    name.ends_with(ending)
        && name.chars().count() > ending.chars().count()
        && !is_total_label(&name)
}

/// Whether a cell holds a figure or says there is none (`－`, `皆増`, a project new this
/// year).
pub(super) fn is_figure_cell(cell: &str) -> bool {
    let cell = cell.trim();
    is_whole_amount(cell) || is_dash(cell) || without_spaces(cell).starts_with("皆")
}

/// A total's label without its spaces and the stars a ledger sets around it (`＊ 款　計 ＊`
/// → `款計`).
fn total_words(label: &str) -> String {
    without_spaces(label).trim_matches(NAME_STARS).to_string()
}

/// Whether a row's label says it is the total of the rows above (`合計`, `計`, `小　計`).
pub(super) fn is_total_label(label: &str) -> bool {
    let compact = total_words(label);
    TOTAL_LABELS.contains(&compact.as_str())
        || compact.ends_with("合計")
        || is_level_total(&compact)
}

/// Whether a total's label names nothing but the total (`合計`, `小　計`, `款計`), so that it
/// is the total of the table's own item; `歳出合計` names what it totals.
pub(super) fn is_bare_total(label: &str) -> bool {
    let compact = total_words(label);
    TOTAL_LABELS.contains(&compact.as_str()) || is_level_total(&compact)
}

/// Whether a label is the total of one level of a budget's grouping (`款計`, `項計`, `部計`):
/// the group's, named by the group.
fn is_level_total(compact: &str) -> bool {
    let mut chars = compact.chars();
    matches!(
        (chars.next(), chars.next(), chars.next()),
        (Some(level), Some('計'), None) if GROUPING_LEVELS.contains(&level)
    )
}

/// The levels a budget groups its figures by: 款・項・目・節, and the bureaus, departments and
/// divisions of the body.
const GROUPING_LEVELS: [char; 7] = ['款', '項', '目', '節', '局', '部', '課'];

/// Where a second table starts in a row of two tables set side by side: a column of labels
/// with figures before and after it, whose cell in this row holds words.
/// `None` for a row of one table.
fn second_table_at(row: &[&str], columns: &[Column]) -> Option<usize> {
    if row.len() != columns.len() {
        return None;
    }
    let is_label = |column: &Column| matches!(column, Column::Label | Column::Other);
    (1..columns.len()).find(|&index| {
        let is_figure = |column: &Column| matches!(column, Column::Figure(..));
        is_label(&columns[index])
            && columns[..index].iter().any(is_figure)
            && columns[index + 1..].iter().any(is_figure)
            && row[index].chars().any(char::is_alphabetic)
            && !is_whole_amount(row[index])
    })
}

/// Whether a row with fewer cells than the columns of two tables side by side (`歳入 | 予算額
/// | 歳出 | 予算額`) may stand in the right table only: it is set in past the left one's
/// labels (`　　　　　　　公債費　260,000`), or its cells are tab-separated and say nothing of
/// where they stood (the right table, of spending, is mostly the longer). False for a row of
/// one table.
fn in_right_half(raw: &str, row: &[&str], columns: &[Column]) -> bool {
    let is_figure = |column: &Column| matches!(column, Column::Figure(..));
    let two_tables = (1..columns.len()).any(|index| {
        matches!(columns[index], Column::Label | Column::Other)
            && columns[..index].iter().any(is_figure)
            && columns[index + 1..].iter().any(is_figure)
    });
    two_tables && row.len() < columns.len() && (is_set_far_in(raw) || raw.contains('\t'))
}

/// Whether the last cell of a row is a rate beside its figures: a percentage, or a number
/// with one decimal (`101.8`) after whole figures.
fn is_trailing_rate(cell: &str, figures: &[&str]) -> bool {
    let folded = crate::normalize::nfkc(cell.trim());
    if folded.ends_with('%') {
        return parse_number(folded.trim_end_matches('%')).is_some();
    }
    let one_decimal = folded
        .split_once('.')
        .is_some_and(|(_, decimals)| decimals.len() == 1);
    let whole = |figure: &&str| {
        let folded = crate::normalize::nfkc(figure);
        parse_number(&folded).is_some() && !folded.contains('.')
    };
    one_decimal && parse_number(&folded).is_some() && figures.iter().all(whole)
}

/// Whether a row is two rows of a label and its figure side by side (`保険料 | 452,300 |
/// 総務費 | 68,400`).
fn is_pair_of_figure_rows(row: &[&str]) -> bool {
    let names = |cell: &str| cell.chars().any(char::is_alphabetic) && !is_whole_amount(cell);
    let figure = |cell: &str| is_whole_amount(cell) && !is_identifier(cell);
    matches!(row, [left, left_figure, right, right_figure]
        if names(left) && figure(left_figure) && names(right) && figure(right_figure))
}

/// One figure cell of a row.
struct Cell<'t> {
    year_kind: YearKind,
    /// The kind the cell's own header cell names, not the document.
    own_kind: Option<BudgetKind>,
    /// The cell's column.
    column: usize,
    amount: Decimal,
    written: &'t str,
    unit: Option<&'static str>,
}

/// A note that names a part of its row's figure with an amount in the table's unit
/// (`○職員人件費　1,012,348` in a 説明 column): the name and the amount as written.
fn bulleted_note(note: &str) -> Option<(&str, &str)> {
    let note = note.trim();
    // A PDF's text may set the note one space after the cell before it (`320,900 ○…`).
    let note = match note.find(NOTE_BULLETS) {
        Some(at) if at > 0 && note[..at].ends_with(char::is_whitespace) => &note[at..],
        _ => note,
    };
    named_amount(note.strip_prefix(NOTE_BULLETS)?)
}

/// A note's text after its mark, a name then an amount after a space (`職員給与費　412,300`):
/// the name and the amount as written; `None` when the name holds no words or an amount, or
/// cells of figures (`治山事業 | 58,720 | 61,480 | － | 2,760`, or `・治山事業　　６２，１２０
/// ７２，８６０  １０，７４０` laid out with spaces: a bulleted row of the table).
fn named_amount(rest: &str) -> Option<(&str, &str)> {
    let (name, amount) = rest.trim_end().rsplit_once(char::is_whitespace)?;
    let name = name.trim();
    let named = name.chars().any(char::is_alphabetic)
        && find_amounts(name).is_empty()
        && !cells(name).iter().skip(1).any(|cell| is_figure_cell(cell));
    (named && parse_number(amount).is_some()).then_some((name, amount))
}

/// A note in a notes column beside a table laid out with spaces that names a part of its
/// row's figure under a number (`１ 職員給与費　２９８，４１０`, `２　医療扶助 1,876,540`), or
/// with a bullet as [`bulleted_note`] reads it: the name and the amount as written.
fn listed_note(note: &str) -> Option<(&str, &str)> {
    bulleted_note(note).or_else(|| named_amount(listed_title(note)?))
}

/// The text after a note's number (`２ こども家庭センター` → `こども家庭センター`); `None` for a
/// note not numbered, or marked by a bullet or a Markdown heading.
fn listed_title(note: &str) -> Option<&str> {
    numbered(note.trim())
        .filter(|found| !found.style.is_bullet() && !matches!(found.style, Style::Markdown(_)))
        .map(|found| found.title)
}

/// The last of `columns` holding figures or their changes.
fn last_figure_column(columns: &[Column]) -> Option<usize> {
    columns
        .iter()
        .rposition(|column| matches!(column, Column::Figure(..) | Column::Change(_)))
}

/// The part a note names: a listed note beside a table laid out with spaces, whose
/// columns keep the notes apart from the rows, else only a bulleted one.
fn part_note(note: &str, laid_out: bool) -> Option<(&str, &str)> {
    if laid_out {
        listed_note(note)
    } else {
        bulleted_note(note)
    }
}

/// Fewest digits of a number written without grouping that is an identifier (`法人番号
/// 1000020104832`), not an amount.
const MIN_IDENTIFIER_DIGITS: usize = 10;

/// Whether a cell is a long run of digits with no grouping: a number that identifies, not
/// an amount.
fn is_identifier(cell: &str) -> bool {
    let cell = cell.trim();
    cell.chars().all(|c| c.is_numeric()) && cell.chars().count() >= MIN_IDENTIFIER_DIGITS
}

/// Whether a column holds numbers of the budget: figures, changes or rates.
pub(super) fn holds_figures(column: &Column) -> bool {
    matches!(
        column,
        Column::Figure(..) | Column::Change(_) | Column::Rate
    )
}

/// The index of the one column of `columns` that holds budgets of a known kind (`補正額`
/// beside `補正前の額` and `補正後の額`, which are no budget of their own), if there is one.
fn sole_budget_column(columns: &[Column]) -> Option<usize> {
    let mut budgets = columns.iter().enumerate().filter(|(_, column)| {
        matches!(column, Column::Figure(year_kind, _)
            if year_kind.kind.is_some_and(|kind| kind != BudgetKind::Other))
    });
    match (budgets.next(), budgets.next()) {
        (Some((index, _)), None) => Some(index),
        _ => None,
    }
}

/// Whether a header's value columns are figures followed by two or more columns of no
/// budget only (`事業費 | 国庫支出金 | … | 担当課`).
fn figures_then_notes(columns: &[Column]) -> bool {
    let figures = columns.iter().take_while(|c| holds_figures(c)).count();
    let notes = &columns[figures..];
    figures > 0 && notes.len() >= 2 && notes.iter().all(|column| *column == Column::Other)
}

/// Longest wrapped end of a name that a row's name cell may hold alone (`業`), in chars.
const MAX_NAME_END_CHARS: usize = 2;

/// Whether a numbered row's name cell is only the wrapped end of a name (`業`, `事業`): a
/// word or two, no total and no budget wording.
fn is_name_end(cell: &str) -> bool {
    let cell = cell.trim();
    (1..=MAX_NAME_END_CHARS).contains(&cell.chars().count())
        && cell.chars().all(char::is_alphabetic)
        && !is_total_label(cell)
        && kind_label(cell).is_none()
}

/// Whether a row's first cell is its 款 or 項 code, zero-padded (`010 | 議会費 | 92,480 …`
/// under `款 | 項 | 区分 | …`), before the name in its second.
fn is_row_code(first: &str, second: &str) -> bool {
    let digits = first.trim();
    (MIN_ROW_CODE_DIGITS..=MAX_ROW_CODE_DIGITS).contains(&digits.chars().count())
        && digits.starts_with(['0', '０'])
        && digits.chars().all(is_digit)
        && second.chars().any(char::is_alphabetic)
}

/// Most lines above a row of figures that its name may take (the name and a status mark
/// under it).
const MAX_NAME_LINES_ABOVE: usize = 2;

/// Fewest chars of a row's name set on the lines above it.
const MIN_NAME_ABOVE_CHARS: usize = 2;

/// Whether a line between a table's rows holds words alone that may be part of a row's name:
/// one cell, no digit, no note and no unit.
fn is_words_between_rows(line: &str) -> bool {
    cells(line).len() == 1
        && line.chars().any(char::is_alphabetic)
        && !line.chars().any(char::is_numeric)
        && leading_note_mark(line).is_none()
        && row_name_words(line).is_some()
}

/// Fewest and most digits of a row's 款 or 項 code.
const MIN_ROW_CODE_DIGITS: usize = 2;
const MAX_ROW_CODE_DIGITS: usize = 4;

/// Whether the `values` cells of a row fill `columns` from the first: every column of
/// figures, changes and rates comes before the columns of no budget after them, there are
/// cells enough for all of those but not for every column, and the columns before the
/// first figures hold words (`会計`), or figures of no budget (`補正前の額`: `names_amount`
/// says which of `columns` a header word names an amount) in a row of figures alone. A
/// PDF's text leaves out empty cells at the end (a 備考, a 財源内訳), not at the start.
fn fills_figures_first(
    columns: &[Column],
    values: &[&str],
    names_amount: impl Fn(usize) -> bool,
) -> bool {
    let (Some(first), Some(last)) = (
        columns.iter().position(holds_figures),
        columns.iter().rposition(holds_figures),
    ) else {
        return false;
    };
    let before = &values[..first.min(values.len())];
    let words_first = before
        .iter()
        .all(|cell| cell.chars().any(char::is_alphabetic) && !is_whole_amount(cell));
    // `24,806,315,000 | 189,870,000 | …` under `補正前の額 | 補正額 | …`: in a row of
    // figures alone, figures of no budget may come first too.
    let other_figures_first = !before.is_empty()
        && (0..first).all(|index| columns[index] == Column::Other && names_amount(index))
        && values.iter().all(|cell| is_figure_cell(cell))
        && before.iter().all(|cell| is_whole_amount(cell));
    (words_first || other_figures_first) && values.len() > last && values.len() < columns.len()
}

/// The year and kind of a row's current figure: of the latest year among the figure
/// columns, each completed by the item's own.
fn current_year_kind(columns: &[Column], item: YearKind) -> YearKind {
    columns
        .iter()
        .filter_map(|column| match column {
            Column::Figure(year_kind, _) => Some(year_kind.or(item)),
            _ => None,
        })
        .max_by_key(|year_kind| year_kind.year)
        .unwrap_or(item)
}

/// Words labelling the lines of notes under a row (`説明  ・職員給与費　412,300`).
const NOTE_LINE_LABELS: [&str; 3] = ["説明", "内訳", "摘要"];

/// The notes a line under a row gives, each naming a part of the row's figure with its
/// amount (`説明  ・職員給与費　412,300　　　・社会福祉協議会補助金　96,500`): the label of the
/// notes, a remark after an amount (`（委員233人…）`, `※債務負担行為あり`) and the bullets set
/// apart. `None` unless every note names a part with an amount.
fn description_notes(raw: &str) -> Option<Vec<(&str, (&str, &str))>> {
    let line = raw.trim();
    let line = NOTE_LINE_LABELS
        .iter()
        .find_map(|label| line.strip_prefix(label))
        .map_or(line, str::trim_start);
    if !line.starts_with(NOTE_BULLETS) {
        return None;
    }
    let starts: Vec<usize> = line
        .char_indices()
        .filter(|(at, c)| {
            NOTE_BULLETS.contains(c) && (*at == 0 || line[..*at].ends_with(char::is_whitespace))
        })
        .map(|(at, _)| at)
        .collect();
    let notes: Vec<(&str, (&str, &str))> = starts
        .iter()
        .enumerate()
        .map(|(index, start)| {
            let end = starts.get(index + 1).copied().unwrap_or(line.len());
            let note = line[*start..end].trim();
            let note = note
                .split_once('※')
                .map_or(note, |(before, _)| before)
                .trim_end();
            let (before, remark) = split_trailing_parenthesis(note);
            let note = if remark.is_empty() {
                note
            } else {
                before.trim_end()
            };
            bulleted_note(note).map(|part| (note, part))
        })
        .collect::<Option<_>>()?;
    (!notes.is_empty()).then_some(notes)
}

impl Reader<'_> {
    /// Lines of notes under a row of a table, each note naming a part of that row's figure
    /// (`説明  ・職員給与費　412,300　　　・社会福祉協議会補助金　96,500`, then `・民生委員活動費
    /// 14,213　（委員233人…）` on the next): parts of the row's item, of its current figure's
    /// year and kind; the table goes on under them. False, with nothing read, for any other
    /// line.
    pub(super) fn description_line(&mut self, number: usize, raw: &str) -> bool {
        let owner = self
            .open
            .iter()
            .rposition(|item| matches!(item.role, Role::Row | Role::NumberedRow));
        let (Some(columns), Some(owner)) = (&self.columns, owner) else {
            return false;
        };
        let year_kind = current_year_kind(columns, self.open[owner].year_kind);
        let Some(notes) = description_notes(raw) else {
            return false;
        };
        for (note, part) in notes {
            let source = self.c.source(number, note.trim());
            self.note_part(source, part, owner, year_kind);
        }
        true
    }

    /// Whether `line` is a row of the table laid out with spaces being read: its figures
    /// stand under the header's columns, the first under a column of budgets, whatever
    /// cells it leaves empty.
    pub(super) fn fits_layout(&self, line: &str) -> bool {
        let (Some(layout), Some(columns)) = (&self.layout, &self.columns) else {
            return false;
        };
        let row = cells(line);
        let own = layout.own_cells(line, &row);
        let placed = layout.value_columns(line, own).unwrap_or_default();
        placed
            .first()
            .and_then(|index| columns.get(*index))
            .is_some_and(|column| matches!(column, Column::Figure(..)))
    }

    /// A spreadsheet's row holding words only in the columns after the figures (`\t\t…\t
    /// （目）委託費` under a row whose 説明 runs on over the rows below): more of the notes of
    /// the row above, which keep its table open.
    pub(super) fn grid_notes_row(&self, raw: &str) -> bool {
        let (Some(columns), Some(row)) = (self.columns.as_ref(), tab_cells(raw)) else {
            return false;
        };
        let Some(last) = last_figure_column(columns) else {
            return false;
        };
        row.len() <= columns.len()
            && row.len() > last + 1
            && row[..=last].iter().all(|cell| cell.is_empty())
            && row[last + 1..].iter().any(|cell| !cell.is_empty())
    }

    /// A line of one cell standing right of the figures of a table laid out with spaces (`４
    /// 敬老祝金（１人当たり10千円）` in the 説明 column under a row's first line): a line of
    /// the notes beside the table, read as such, no heading. False, with nothing read, for
    /// any other line.
    pub(super) fn lone_notes_cell(&mut self, number: usize, raw: &str, row: &[&str]) -> bool {
        let (Some(columns), Some(layout)) = (self.columns.clone(), self.layout.as_ref()) else {
            return false;
        };
        let right_of_figures =
            last_figure_column(&columns).is_some_and(|last| layout.starts_after(raw, row, last));
        if row.len() != 1 || !right_of_figures {
            return false;
        }
        self.notes_line(number, raw, row, &columns);
        true
    }

    /// A line of its own in a table's notes column, continuing the notes of the row above
    /// (`○行政事務デジタル化推進事業　58,200` under `○職員人件費　1,012,348`): a part of that
    /// row's item. False, with nothing read, for any other line.
    fn notes_line(&mut self, number: usize, raw: &str, row: &[&str], columns: &[Column]) -> bool {
        let after_figures = |index: usize| {
            columns.get(index) == Some(&Column::Other)
                && !columns[index..]
                    .iter()
                    .any(|column| matches!(column, Column::Figure(..) | Column::Change(_)))
        };
        // Laid out with spaces, the note stands under a column after the figures; otherwise
        // (a PDF's text, its indentation gone) the table has columns of no budget after its
        // figures and the line is one note, not cells (`○公共交通対策事業 61,350`).
        let one_piece = {
            let line = raw.trim();
            !line.contains('\t') && !line.contains("  ") && !line.contains("\u{3000}\u{3000}")
        };
        let past_figures = match &self.layout {
            Some(layout) => layout.column_of_first(raw, row).is_some_and(after_figures),
            None => one_piece && after_figures(columns.len() - 1),
        };
        let owner = self
            .open
            .iter()
            .rposition(|item| matches!(item.role, Role::Row | Role::NumberedRow));
        let (Some(owner), true) = (owner, past_figures) else {
            return false;
        };
        let year_kind = current_year_kind(columns, self.open[owner].year_kind);
        if let Some(part) = part_note(raw, self.layout.is_some()) {
            let source = self.c.source(number, raw.trim());
            self.note_part(source, part, owner, year_kind);
            return true;
        }
        let Some((name, amount, source)) = self.wrapped_note(number, raw) else {
            return false;
        };
        self.note_part(source, (&name, amount), owner, year_kind);
        true
    }

    /// A listed note whose name wraps onto the line `number`, set in under it, with its
    /// amount (`２ こども家庭センター` over `　 運営事業　　７１，９３０`): the whole name, the
    /// amount as written and the two lines cited. `None` for any other line.
    fn wrapped_note<'r>(&self, number: usize, raw: &'r str) -> Option<(String, &'r str, Source)> {
        self.layout.as_ref()?;
        let line = raw.trim();
        if numbered(line).is_some() {
            return None;
        }
        let (end, amount) = named_amount(line)?;
        let above = number.checked_sub(1).filter(|n| *n >= 1)?;
        let above_line = self.line(above);
        let (begun, title) = cells(above_line).into_iter().rev().find_map(|cell| {
            let title = listed_title(cell)?.trim();
            listed_note(cell).is_none().then_some((cell, title))
        })?;
        let set_in = super::layout::display_start(above_line, begun)?
            < super::layout::display_start(raw, line)?;
        let named = title.chars().any(char::is_alphabetic) && find_amounts(title).is_empty();
        (set_in && named).then(|| {
            let source = self.c.source_span(above, number, line);
            (format!("{title}{end}"), amount, source)
        })
    }

    /// A row under another whose one filled cell, in a column of figures, is a note of that
    /// row's figure of another year (`│　│（前年度１８，０００）│　│` under `│移住支援事業│
    /// ２４，０００千円│…│`): the figure of the row above for the year and kind the note
    /// names, counted from its column's. False, with nothing read, for any other row.
    fn figure_note_row(&mut self, number: usize, row: &[&str], columns: &[Column]) -> bool {
        if row.len() != columns.len() || !row.first().is_some_and(|label| label.trim().is_empty()) {
            return false;
        }
        let filled: Vec<usize> = (0..row.len())
            .filter(|i| !row[*i].trim().is_empty())
            .collect();
        let ([index], Some(Column::Figure(column_year_kind, unit))) = (
            filled.as_slice(),
            filled.first().and_then(|i| columns.get(*i)),
        ) else {
            return false;
        };
        let note = row[*index].trim();
        let Some(inner) = note
            .strip_prefix(['（', '('])
            .and_then(|rest| rest.strip_suffix(['）', ')']))
        else {
            return false;
        };
        let Some(at) = inner.find(is_digit) else {
            return false;
        };
        let (label, written) = (&inner[..at], inner[at..].trim());
        let Some(named) = figure_note_label(label) else {
            return false;
        };
        let owner = self
            .open
            .iter()
            .rposition(|item| matches!(item.role, Role::Row | Role::NumberedRow));
        let unit = unit.or(self.unit);
        let (Some(owner), Some(amount)) = (owner, cell_amount(written, unit)) else {
            return false;
        };
        let column_year_kind = column_year_kind.or(self.open[owner].year_kind);
        let year = named.year.or_else(|| {
            column_year_kind
                .year
                .map(|year| shifted(year, relative_year(label)))
        });
        let (Some(year), Some(kind)) = (year, named.kind.or(column_year_kind.kind)) else {
            return false;
        };
        let item = self.open[owner].clone();
        let source = self.c.source(number, written);
        let figure = BudgetFigure::new(Some(amount), year, kind);
        self.emit_budget(&item, &figure, source, unit.map(|u| (written, u)));
        true
    }

    /// Opens `name` as a part of the item at `owner` with its `amount` (as written, in the
    /// table's unit) for `year_kind`, cited by `source`.
    fn note_part(
        &mut self,
        source: Source,
        (name, amount): (&str, &str),
        owner: usize,
        year_kind: YearKind,
    ) {
        let (Some(unit), Some(year), Some(kind)) = (self.unit, year_kind.year, year_kind.kind)
        else {
            return;
        };
        let Some(value) = cell_amount(amount, Some(unit)).filter(|a| !a.is_zero()) else {
            return;
        };
        self.open.truncate(owner + 1);
        let part = self.open_sub_item(clean_name(name), source.clone());
        let item = self.open[part].clone();
        let figure = BudgetFigure::new(Some(value), year, kind);
        self.emit_budget(&item, &figure, source, Some((amount, unit)));
        self.open.truncate(part);
    }

    /// The name wrapped around the row at line `number` whose label is only its number: the
    /// lines right above and below, each one run of words with no figure, joined, cited
    /// over the three lines; or, when the row's name cell holds only the wrapped end of its
    /// name (`５ | 業 | 1,254,000` under `小中学校体育館空調設備整備事`), the line above and
    /// that end. `None` when a line is not such a part of a name.
    fn wrapped_name(&self, number: usize, end: Option<&str>) -> Option<(String, Source)> {
        let above = number.checked_sub(1).filter(|n| *n >= 1)?;
        let part = |n: usize| {
            let line = self.line(n);
            is_name_line(line).then(|| strip_markup(line).trim().to_string())
        };
        let first = part(above)?;
        let (rest, last) = match end {
            Some(end) => (end.to_string(), number),
            None if number < self.c.doc.lines.len() => (part(number + 1)?, number + 1),
            None => return None,
        };
        let name = clean_name(&format!("{first}{rest}"));
        let source = self.c.source_span(above, last, &first);
        Some((name, source))
    }

    /// A row's name begun on the line above, which fills the row's other label columns and
    /// no figure (`中山間地域デマンド交通 | 交通政策局` over `　支援事業 | 356 | 412 …`): the row,
    /// set in and short of a label cell, ends it. `None` for any other row.
    fn name_begun_above(
        &self,
        number: usize,
        row: &[&str],
        columns: &[Column],
    ) -> Option<(String, Source)> {
        let leading = leading_label_columns(columns);
        let set_in = self.line(number).starts_with([' ', '\u{3000}', '\t']);
        if leading < 2 || row.len() >= columns.len() || !set_in {
            return None;
        }
        let above = number
            .checked_sub(1)
            .filter(|n| *n >= 1 && *n != self.header_line)?;
        let line = strip_markup(self.line(above));
        if line.starts_with([' ', '\u{3000}', '\t']) {
            return None;
        }
        let parts = cells(&line);
        let words_only = parts.iter().all(|cell| {
            cell.chars().any(char::is_alphabetic) && !cell.chars().any(char::is_numeric)
        });
        if !(2..=leading).contains(&parts.len()) || !words_only || is_total_label(parts[0]) {
            return None;
        }
        let name = clean_name(&format!("{}{}", parts[0], row[0]));
        Some((name, self.c.source_span(above, number, parts[0])))
    }

    /// The name on the line above a row whose label is only the end of a status mark the
    /// PDF's text wrapped there (`③ 中小企業賃上げ支援事業 | 【新` over `規】 | 3,620,000 | …`),
    /// without its numbering. `None` for any other row.
    fn name_before_wrapped_mark(&self, number: usize, label: &str) -> Option<(String, Source)> {
        let above = number
            .checked_sub(1)
            .filter(|n| *n >= 1 && *n != self.header_line)?;
        let line = strip_markup(self.line(above));
        let parts = cells(&line);
        let [name, opened] = parts.as_slice() else {
            return None;
        };
        if !is_status_mark(&format!("{}{}", opened.trim(), label.trim())) || is_status_mark(opened)
        {
            return None;
        }
        let title = without_numbering(name);
        Some((
            clean_name(title),
            self.c.source_span(above, number, title.trim()),
        ))
    }

    /// The name on the line above a row whose label is only the office in charge in
    /// parentheses (`1 （財産管理課） | 312,400 | …` under `庁舎空調設備更新事業`, or under
    /// `多文化共生センター運営事業 | 新規`): that line's words without numbering and status
    /// marks. `None` for any other row.
    fn name_above_office(&self, number: usize, label: &str) -> Option<(String, Source)> {
        let office = without_numbering(label).trim();
        let inner = office
            .strip_prefix(['（', '('])
            .and_then(|rest| rest.strip_suffix(['）', ')']))?;
        if !crate::extract::mentions::is_agency_name(inner) {
            return None;
        }
        let above = number
            .checked_sub(1)
            .filter(|n| *n >= 1 && *n != self.header_line)?;
        let line = strip_markup(self.line(above));
        let parts = cells(&line);
        let (name, marks) = parts.split_first()?;
        // (`第2子以降学校給食費無償化事業 | 新規`: a name may hold digits, but no figure.)
        let words_only = name.chars().any(char::is_alphabetic) && !is_figure_cell(name);
        if marks.len() > 1 || !marks.iter().all(|mark| is_status_word(mark)) || !words_only {
            return None;
        }
        let title = without_status_marks(without_numbering(name));
        if title.chars().count() < MIN_NAME_ABOVE_CHARS || is_total_label(title) {
            return None;
        }
        Some((
            clean_name(title),
            self.c.source_span(above, number, name.trim()),
        ))
    }

    /// The name set on the lines right above the row at line `number` (at most
    /// [`MAX_NAME_LINES_ABOVE`], each words alone: `・物価高騰対策医療機関等支援事業` over
    /// `【新規】` over `－ | 1,204,300 | …`), with `end` after them, its bullet and status
    /// marks left out. The line above those must be the header or a row of figures, so the
    /// lines stand between rows. `None` when no such line stands there.
    fn name_set_above(&self, number: usize, end: &str) -> Option<(String, Source)> {
        let mut lines = Vec::new();
        for above in (1..number).rev().take(MAX_NAME_LINES_ABOVE) {
            let line = strip_markup(self.line(above));
            if above <= self.header_line || !is_words_between_rows(line.trim()) {
                break;
            }
            lines.push(line.trim().to_string());
        }
        let top = number
            .checked_sub(lines.len())
            .filter(|_| !lines.is_empty())?;
        let before = top.checked_sub(1)?;
        let figures_before = cells(self.line(before))
            .iter()
            .any(|cell| cell.chars().any(is_digit) && is_figure_cell(cell));
        if before != self.header_line && !figures_before {
            return None;
        }
        lines.reverse();
        let written = format!("{}{end}", lines.concat());
        let name = clean_name(without_status_marks(without_numbering(&written)));
        if name.chars().count() < MIN_NAME_ABOVE_CHARS || is_total_label(&name) {
            return None;
        }
        Some((name, self.c.source_span(top, number, lines[0].as_str())))
    }

    /// The name of a program a PDF's table wraps into its row's label cell
    /// (`・社会福祉施設等物価高騰対策支援事` over `業【新規】 | － | 986,460 | …`): the line
    /// above and the label's end make a program's name that the line above alone is not.
    fn program_name_ended_in_row(&self, number: usize, label: &str) -> Option<(String, Source)> {
        let end = without_status_marks(label);
        if !is_name_end(end) {
            return None;
        }
        let above = strip_markup(self.line(number.checked_sub(1)?));
        let above = without_status_marks(without_numbering(above.trim()));
        if is_program_name(above) || !is_program_name(&format!("{above}{end}")) {
            return None;
        }
        self.name_set_above(number, end)
    }

    /// The column a change column's header says it compares, by the first mark it cites
    /// (`対前年度増減(C)-(A)` → the column marked `(C)`).
    fn column_compared_by(&self, change: usize) -> Option<usize> {
        let minuend = *self.column_marks.get(change)?.first()?;
        self.column_marks
            .iter()
            .position(|marks| marks.as_slice() == [minuend])
    }

    /// The total's label on the line right above a row of figures alone, when that line
    /// holds no figure (its other cells a note beside the label).
    fn total_label_above(&self, number: usize, row: &[&str]) -> Option<String> {
        if row.len() < 2 || !row.iter().all(|cell| is_figure_cell(cell)) {
            return None;
        }
        let above = self.line(number.checked_sub(1)?);
        let above_cells = cells(above);
        let label = *above_cells.first()?;
        let no_figures = above_cells.iter().all(|cell| !is_figure_cell(cell));
        (is_total_label(label) && no_figures).then(|| label.to_string())
    }

    /// Opens the group the first of several label columns names when it changes (`3 民生費 |
    /// 社会福祉費 | …`), closing the one before: the rows it spans, and the 計 that ends them,
    /// are its own.
    fn enter_spanned_group(
        &mut self,
        number: usize,
        row: &[&str],
        columns: &[Column],
        label: &str,
    ) {
        let has_figures = columns.iter().any(|c| matches!(c, Column::Figure(..)));
        if row.len() != columns.len() || leading_label_columns(columns) < 2 || !has_figures {
            return;
        }
        let first = row[0].trim();
        let same = self
            .spanned_group
            .as_ref()
            .is_some_and(|(cell, _)| cell == first);
        if first.is_empty() || same {
            return;
        }
        // Another first cell (another group, a row of its own, a 合計) ends the group.
        self.close_spanned_group();
        let names_group = first != label.trim()
            && !is_total_label(first)
            && first.chars().any(char::is_alphabetic)
            && row.iter().any(|cell| is_figure_cell(cell));
        if names_group {
            self.open_spanned_group(number, first);
        }
    }

    /// Closes the group a spanning cell opened, with the items opened under it.
    pub(super) fn close_spanned_group(&mut self) {
        if let Some((_, id)) = self.spanned_group.take()
            && let Some(at) = self.open.iter().position(|item| item.id == id)
        {
            self.open.truncate(at);
        }
    }

    /// Opens the group the spanning cell `cell` of line `number` names (numbering aside),
    /// closing the rows before it.
    pub(super) fn open_spanned_group(&mut self, number: usize, cell: &str) {
        self.open.retain(|item| item.role != Role::Row);
        let name = clean_name(without_numbering(cell));
        let source = self.c.source(number, cell);
        let index = self.open_sub_item(name, source);
        self.spanned_group = Some((cell.to_string(), self.open[index].id.clone()));
    }

    /// Whether the table's header gives its first two columns one word (a cell spanning
    /// both: `分野 | 分野 | 事項 | …`).
    fn header_spans_first_two_columns(&self) -> bool {
        let header = strip_markup(self.line(self.header_line));
        match cells(&header).as_slice() {
            [first, second, ..] => {
                let first = without_spaces(first);
                !first.is_empty() && first == without_spaces(second)
            }
            _ => false,
        }
    }

    /// Whether the innermost open item is the project a sheet's name field opened.
    fn in_sheet(&self) -> bool {
        match (&self.sheet, self.open.last()) {
            (Some(sheet), Some(item)) => &item.id == sheet,
            _ => false,
        }
    }

    /// Whether a row's `values` fill every value column of the table being read but the last,
    /// a column of notes (`備考`) the row leaves empty and a PDF's text leaves out, so that the
    /// figures stand in the columns from the first (`812,345 | 18,762 | 831,107` under `補正前の額
    /// | 補正額 | 補正後の額 | 備考`).
    fn notes_left_out(&self, values: &[&str], value_columns: &[Column]) -> bool {
        // The header's words are read only for a row that may have left its notes out.
        let last_word_names_notes = || {
            let header = strip_markup(self.line(self.header_line));
            join_spaced_words(&cells(&header))
                .pop()
                .is_some_and(|word| names_notes(&word))
        };
        values.len() + 1 == value_columns.len()
            && value_columns.last() == Some(&Column::Other)
            && values.last().is_some_and(|cell| is_figure_cell(cell))
            && (self.notes_last || last_word_names_notes())
    }

    /// A cell written as a figure and bracketed figures after it, when the document's legend
    /// names what each bracket holds: the cells apart (figure first, then each bracket's
    /// text), their columns (label, the figure in the context's year and kind, then the
    /// column the legend's words name, or none) and what the cell holds after the brackets.
    /// `None` without a legend or such a cell.
    fn legend_cells<'c>(&self, cell: &'c str) -> Option<(Vec<&'c str>, Vec<Column>, &'c str)> {
        if self.legend.is_empty() {
            return None;
        }
        let (figure, pieces, rest) = figure_brackets_and_rest(cell)?;
        if !is_whole_amount(figure) {
            return None;
        }
        let context = self.context();
        let mut columns = vec![Column::Label, Column::Figure(context, None)];
        let mut cells = vec![figure];
        for (bracket, text) in pieces {
            columns.push(self.legend_words(bracket).map_or(Column::Other, |words| {
                column_of(columns.len(), words, context)
            }));
            cells.push(text);
        }
        Some((cells, columns, rest))
    }

    /// Whether the header line's cell of `column` names an amount (`補正前の額`, `既決予算額`).
    fn header_word_names_amount(&self, column: usize) -> bool {
        let header = strip_markup(self.line(self.header_line));
        cells(&header)
            .get(column)
            .is_some_and(|word| without_spaces(word).ends_with(AMOUNT_WORD))
    }

    /// Whether the first column of the table being read numbers its rows (`No.`, `番号`), as
    /// its header's last line or a line of it above says (a header over lines of its own).
    fn first_column_numbers_rows(&self) -> bool {
        let first_line = self.header_line.saturating_sub(HEADER_LINES_ABOVE).max(1);
        (first_line..=self.header_line).any(|line| {
            let header = strip_markup(self.line(line));
            cells(&header).first().is_some_and(|first| {
                let word = crate::normalize::nfkc(&without_spaces(first)).to_uppercase();
                ROW_NUMBER_HEADS.contains(&word.trim_end_matches('.'))
            })
        })
    }

    /// Whether the first column of the table being read holds codes (`都道府県コード`,
    /// `団体コード`), not row numbers.
    fn first_column_codes(&self) -> bool {
        let header = strip_markup(self.line(self.header_line));
        cells(&header)
            .first()
            .is_some_and(|first| without_spaces(first).ends_with(CODE_HEADER_ENDING))
    }

    /// Whether the header of the table being read names years without their kind in two
    /// cells or more (`令和５年度 | 令和６年度 | … | 令和９年度要求`): its rows give the kinds.
    fn header_names_years_alone(&self) -> bool {
        let header = strip_markup(self.line(self.header_line));
        cells(&header)
            .iter()
            .map(|cell| YearKind::read(cell))
            .filter(|named| named.year.is_some() && named.kind.is_none())
            .count()
            >= 2
    }

    /// Reads a table row; false when the line is not one.
    pub(super) fn table_row(&mut self, number: usize, raw: &str, row: &[&str]) -> bool {
        // `問い合わせ先：…会計課　内線 | 6112`: a contact's number, under a table's columns.
        if row
            .first()
            .is_some_and(|label| ends_before_contact_number(label))
        {
            return true;
        }
        // `３　補正予算の主な内容（一般会計） | （単位：千円）` after a table under `２　…`: the
        // next section's heading, with no figure, ends the table.
        // `２．令和７年度補正予算（第１号）　1,942億円` after a table under `１．…`: a heading
        // of the level the table stands under, its figure carrying its own unit, ends it too.
        let mut figure_cells = row.iter().skip(1).filter(|cell| cell.chars().any(is_digit));
        let next_section = numbered(raw).is_some_and(|item| {
            self.outline.is_open(item.style)
                && (self.outline.closes_within(item.style, self.table_depth)
                    || figure_cells.clone().next().is_none())
                && figure_cells.all(|cell| !find_amounts(cell).is_empty())
        });
        if next_section {
            return false;
        }
        self.row_revenue = self.columns.as_deref().is_some_and(|columns| {
            row[..leading_label_columns(columns).min(row.len())]
                .iter()
                .any(|label| names_revenue(label))
                || self.column_revenue.first() == Some(&true) && !in_right_half(raw, row, columns)
        });
        // `⑩ 市町村DX共同化推進事業 | 【新規】 | 214,600 | － | …`: the mark in a cell of its
        // own beside the name says the item is new, and stands under no column.
        let unmarked: Vec<&str>;
        let row = match row {
            [name, mark, rest @ ..] if !rest.is_empty() && is_status_mark(mark) => {
                unmarked = std::iter::once(*name).chain(rest.iter().copied()).collect();
                unmarked.as_slice()
            }
            _ => row,
        };
        // `国 | 費 | 1,286,400 | …`: a label whose letters are set wide apart is one cell.
        let letters = row.iter().take_while(|cell| is_letter_cell(cell)).count();
        // `歳 | 出 合 | 計 | 812,300 | …`: a total's letters set wide apart, a PDF's text
        // cutting them into cells of one or two.
        let spaced_total = row
            .iter()
            .take_while(|cell| {
                let compact = total_words(cell);
                (1..=2).contains(&compact.chars().count())
                    && compact.chars().all(char::is_alphabetic)
            })
            .count();
        // (`合計 | 合計 | …`, a total's cell spanning two columns, is no such total.)
        let letters = if spaced_total > letters
            && spaced_total < row.len()
            && !is_total_label(row[0])
            && is_total_label(&row[..spaced_total].concat())
        {
            spaced_total
        } else {
            letters
        };
        let spaced_label: String;
        let relabelled: Vec<&str>;
        let row = if letters >= 2 && letters < row.len() {
            spaced_label = without_spaces(&row[..letters].concat());
            relabelled = std::iter::once(spaced_label.as_str())
                .chain(row[letters..].iter().copied())
                .collect();
            relabelled.as_slice()
        } else {
            row
        };
        // `事 業 費 | 2,184,000 | …` over `国　　費 | 1,286,400 | …`: the project's whole cost
        // beside the state's share, which is the budget.
        if self.columns.is_some()
            && row.len() >= 2
            && names_project_cost(row[0])
            && self
                .lines_after(number)
                .next()
                .is_some_and(|line| opens_with_state_share(&strip_markup(line)))
        {
            return true;
        }
        // `こども医療費助成事業　４，２１８（３，９８７）【２３１】` under no header, after a
        // legend of its brackets (`（　）内は令和7年度当初予算額、【　】内は対前年度増減額`):
        // each bracketed figure stands under the column the legend names.
        let legend_apart: Vec<&str>;
        let mut legend_columns = None;
        // (`１．被災者支援　３２６（３４１）　前年度比　△１５`: its change may follow in cells
        // of its own.)
        let row = match row {
            [label, cell, tail @ ..] if self.columns.is_none() && self.unit.is_some() => {
                match self.legend_cells(cell) {
                    Some((cells, mut columns, rest)) => {
                        let remark: Vec<&str> = rest
                            .split_whitespace()
                            .chain(tail.iter().flat_map(|cell| cell.split_whitespace()))
                            .collect();
                        let change = change_cells(&remark);
                        legend_apart = std::iter::once(*label).chain(cells).chain(change).collect();
                        if change.is_some() {
                            columns.push(Column::Change(None));
                        }
                        legend_columns = Some(columns);
                        if remark.is_empty() || change.is_some() {
                            legend_apart.as_slice()
                        } else {
                            legend_columns = None;
                            row
                        }
                    }
                    None => row,
                }
            }
            _ => row,
        };
        // `（1）住宅　…　5,240（＋60）` under no header: the figure and its remark are two cells.
        let remark_apart: Vec<&str>;
        let row = match row {
            [label, cell] if self.columns.is_none() => match figure_and_remark(cell) {
                Some((figure, remark)) => {
                    remark_apart = vec![label, figure, remark];
                    remark_apart.as_slice()
                }
                None => row,
            },
            _ => row,
        };
        let mut remark = None;
        let (columns, layout) = match (&self.columns, legend_columns) {
            (Some(columns), _) => (columns.clone(), self.layout.clone()),
            (None, Some(columns)) => (columns, None),
            // `本年度　４５，６７８千円` is a figure of the item above, not a row of its own (read
            // as a note), unless its number takes its unit from the unit line (`要　求　額
            // 126,480` under `（単位：千円）`).
            // A numbered item whose amount carries its own unit (`（１）物価高騰対策　５，４８２
            // 百万円`) is an item, not such a row.
            // `財　源　その他（…） 12,000／一般財源 30,600` under a project: where its money
            // comes from, no row.
            (None, None) if opens_with_funding(row[0]) => return false,
            (None, None)
                if self.unit.is_some()
                    && (row.len() == 2 || (row.len() == 3 && is_parenthesised(row[2])))
                    && !holds_figures_alone(row[0])
                    && is_whole_amount(row[1])
                    && !is_identifier(row[1])
                    && ((figure_note_label(row[0]).is_none() && numbered(row[0]).is_none())
                        || find_amounts(row[1]).is_empty()) =>
            {
                // `査　定　額　112,350　（対前年度　+28,150）`: a remark after the figure, maybe
                // its change.
                let context = self.context();
                let mut columns = vec![Column::Label, Column::Figure(context, None)];
                if let Some(cell) = row.get(2) {
                    // `３１２，０４０（前年度　２８８，５００）`: the figure of the year before.
                    let previous = remark_previous_year(cell);
                    remark = previous.or_else(|| remark_change(cell));
                    columns.push(match (remark, previous) {
                        (Some(_), Some(_)) => Column::Figure(
                            YearKind {
                                year: context.year.map(|year| shifted(year, -1)),
                                kind: Some(BudgetKind::Initial),
                            },
                            None,
                        ),
                        (Some(_), None) => Column::Change(None),
                        (None, _) => Column::Other,
                    });
                }
                (columns, None)
            }
            // `保険料　452,300 ┃ 総務費　68,400` under `歳　入 ┃ 歳　出`: two such tables side by
            // side, each half a row of its own.
            (None, None) if self.unit.is_some() && is_pair_of_figure_rows(row) => {
                let half = [Column::Label, Column::Figure(self.context(), None)];
                (half.iter().chain(&half).cloned().collect(), None)
            }
            (None, None) => return false,
        };
        if self.figure_note_row(number, row, &columns) {
            return true;
        }
        let with_remark: Vec<&str>;
        let row = match remark {
            Some(change) => {
                with_remark = vec![row[0], row[1], change];
                &with_remark
            }
            None => row,
        };
        // The first line of a breakdown set beside the row is none of its cells.
        let row = match &layout {
            Some(layout) if !layout.is_breakdown_row(raw, row) => layout.own_cells(raw, row),
            _ => row,
        };
        // `計 | 企業会計 計 | 15,105,000 …`: a letter of a group's name written down the
        // side of its rows (企／業／会／計, 予算／の／状況) stands before the label, in a cell of
        // its own.
        let row = match row {
            [letter, label, ..]
                if row.len() == columns.len() + 1
                    && is_side_letters(letter)
                    && label.chars().any(char::is_alphabetic)
                    && !is_whole_amount(label) =>
            {
                &row[1..]
            }
            _ => row,
        };
        // A notes column's counts (`約１，２００地点`) make no row of indicators.
        let judged = match columns.last() {
            Some(Column::Other) if row.len() >= 3 => Cow::Owned(row[..row.len() - 1].join("\t")),
            _ => Cow::Borrowed(raw),
        };
        if is_indicator_row(&judged) {
            return false;
        }
        if let Some(split) = second_table_at(row, &columns) {
            // Two tables side by side (歳入 | 予算額 | 歳出 | 予算額): each half a row of its own.
            let (left_columns, right_columns) = columns.split_at(split);
            let whole = self.columns.replace(left_columns.to_vec());
            let revenue = std::mem::take(&mut self.column_revenue);
            let (left_revenue, right_revenue) = revenue.split_at(split.min(revenue.len()));
            self.column_revenue = left_revenue.to_vec();
            let left = self.table_row(number, raw, &row[..split]);
            self.columns = Some(right_columns.to_vec());
            self.column_revenue = right_revenue.to_vec();
            let right = self.table_row(number, raw, &row[split..]);
            self.columns = whole;
            self.column_revenue = revenue;
            return left || right;
        }
        if let Some(layout) = &layout
            && layout.is_breakdown_row(raw, row)
        {
            // `1　報酬　168,599` under 節 beside the table: a breakdown, nothing to keep.
            return true;
        }
        if self.notes_line(number, raw, row, &columns) {
            return true;
        }
        if let (Some(layout), Some(last)) = (&layout, last_figure_column(&columns))
            && layout.starts_after(raw, row, last)
        {
            // A line of a notes or breakdown column beside the table, right of its figures:
            // no row of its own.
            return true;
        }
        // `合 計 | このほか、…` over `906,890 | 1,067,360 | …`: a PDF's text sets a total's
        // figures on the line under its label, a note beside the label.
        let total_above = self.total_label_above(number, row);
        let labelled: Vec<&str>;
        let row = match total_above.as_deref() {
            Some(label) => {
                labelled = std::iter::once(label).chain(row.iter().copied()).collect();
                labelled.as_slice()
            }
            None => row,
        };
        if row.len() == columns.len() && leading_label_columns(&columns) >= 2 {
            self.group_with_total(number, row[0], &columns);
        }
        // `1 | 第２子保育料無償化事業 | 186,400 …` under `No. | 事業名 | 事業費 …`: the row's
        // number and name fill the two label columns, whatever cells the row leaves out.
        // A code (`99 | 南雲県 | 一般会計 | …` under `都道府県コード | 団体名 | 会計名 | …`) is
        // no row number.
        let numbered_pair = leading_label_columns(&columns) >= 2
            && row.len() > 2
            && (is_row_number(row[0], row[1]) || is_row_code(row[0], row[1]))
            && !self.first_column_codes();
        // `１ | 港湾物流の効率化 | 港湾施設整備事業 | 52,100 …` under `分野 | 分野 | 事項 | …`
        // (one header cell spanning two columns): the number and its group's name stand
        // beside the row's own name, the most specific.
        let numbered_in_group = numbered_pair
            && row.len() == columns.len()
            && leading_label_columns(&columns) > 2
            && self.header_spans_first_two_columns();
        // `４８，２６０ | ３９，９５０ | ８，３１０` under `予算額（単位：千円） | 本年度 | 前年度 |
        // 比較` on a project's sheet, or `52,100 | 54,300 | 2,200` under `令和８年度予算額 |
        // 令和９年度要求額 | 増△減額` below an item's heading: figures only, the open item's.
        // A PDF's text may leave the notes cell out of such a row too (`2,230 | 3,540 | 2,318
        // | △88` under `事項 | 国費 | 事業費 | 国費 | 比較増減 | 備考`).
        let label_left_out = columns.first() == Some(&Column::Label)
            && (row.len() + 1 == columns.len()
                || (row.len() + 2 == columns.len()
                    && row.len() >= 2
                    && self.notes_left_out(row, &columns[1..])));
        // `1 | 142,300 | 44,120 | …` under `No. | 当初予算額 | 増減額 | …`: rows named only by
        // their numbers (a table continued from pages before, whose names stand there) name
        // nothing here.
        if leading_label_columns(&columns) == 1
            && self.first_column_numbers_rows()
            && row.first().is_some_and(|cell| is_bare_row_number(cell))
            && row[1..].iter().all(|cell| is_figure_cell(cell))
        {
            return true;
        }
        let no_label_column = !columns.contains(&Column::Label) && row.len() == columns.len();
        let unlabelled =
            (label_left_out || no_label_column) && row.iter().all(|cell| is_figure_cell(cell));
        let (row_skip, skip) = match (numbered_pair, unlabelled) {
            (true, _) => (2, 2),
            (false, true) => (0, usize::from(label_left_out)),
            (false, false) => (1, 1),
        };
        let values = row.get(row_skip..).unwrap_or_default();
        let own_width = layout
            .as_ref()
            .map_or(columns.len(), TableLayout::own_width);
        let value_columns = columns.get(skip..own_width).unwrap_or(&[]);
        // `一般会計 | 1,032,450 | 18,726 | 1,051,176 | 101.8` under a header whose rate column's
        // words wrap onto lines of their own (`対前年同期` over it, `比` under it): a rate past
        // the header's columns is none of its figures.
        let values = match values {
            [figures @ .., last]
                if figures.len() == value_columns.len() && is_trailing_rate(last, figures) =>
            {
                figures
            }
            _ => values,
        };
        // A PDF's header may lose columns of no budget (a 財源内訳 whose words wrap over
        // lines): a row with more cells than that fills the figures first.
        let overflowing = values.len() > value_columns.len();
        if values.is_empty() || (overflowing && !figures_then_notes(value_columns)) {
            return false;
        }
        if !columns.iter().any(|c| matches!(c, Column::Figure(..))) {
            // A row of a table without budget figures: a year's figures when the table is
            // laid out with the years as rows, else nothing to keep (limits, rates).
            self.year_row(number, raw, row);
            return true;
        }
        // Where the row is laid out like its header, each cell stands under its own column;
        // otherwise the cells fill the last columns, or the first ones when they fill every
        // column of figures and those stand before columns of no budget (a 財源内訳 whose
        // empty cells a PDF's text leaves out).
        let placed = layout
            .as_ref()
            .filter(|_| !unlabelled)
            .and_then(|layout| layout.value_columns(raw, &row[row_skip - 1..]));
        let from = if overflowing
            || fills_figures_first(value_columns, values, |index| {
                self.header_word_names_amount(skip + index)
            })
            || self.notes_left_out(values, value_columns)
        {
            0
        } else {
            value_columns.len() - values.len()
        };
        // `Ⅰ　物価高騰から… | ３，２８４，１９９` under `補正前の額 | 補正額 | 補正後の額 | 国庫
        // 支出金 | …`: a group's lone figure, where no layout tells its column, is its total
        // of the table's one column of budgets.
        let lone_budget = match (&placed, values) {
            (None, [value]) if value_columns.len() > 1 && is_figure_cell(value) => {
                sole_budget_column(value_columns).map(|index| (skip + index, *value))
            }
            _ => None,
        };
        let aligned: Vec<(usize, &str)> = match (placed, lone_budget) {
            (_, Some(placed_alone)) => vec![placed_alone],
            (Some(indices), None) => indices.into_iter().zip(values.iter().copied()).collect(),
            (None, None) => (skip + from..skip + value_columns.len())
                .zip(values.iter().copied())
                .collect(),
        };
        // `3498 | -14 | 百万円` under `令和8年度予算額 | 対前年度増減額 | 単位`: each row states
        // its own unit.
        let row_unit = self
            .unit_column
            .filter(|_| row.len() == columns.len())
            .and_then(|index| row.get(index))
            .and_then(|cell| unit_of_cell(cell));
        let table_unit = row_unit.or(self.unit);
        let mut cells = Vec::new();
        let (mut change, mut rate) = (None, None);
        let mut compared_column = None;
        let mut notes = Vec::new();
        for (index, written) in aligned {
            match columns[index] {
                Column::Figure(year_kind, unit) => {
                    let unit = unit.or(table_unit);
                    let pair = self.column_pairs.get(index).copied().flatten();
                    let (written, other) = match pair.and_then(|_| paired_cell(written)) {
                        Some((own, other)) => (own, Some(other)),
                        None => (without_remark(written), None),
                    };
                    // `86.4 〔うち要望 12.0〕 （78.9）` under `令和９年度要求額（令和８年度予算
                    // 額）`: the figure in parentheses is the other year's.
                    if let (Some(other_year_kind), Some(other)) = (pair, other)
                        && let Some(amount) = cell_amount(other, unit).filter(|a| !a.is_zero())
                    {
                        cells.push(Cell {
                            year_kind: other_year_kind.or(year_kind),
                            own_kind: other_year_kind.kind,
                            column: index,
                            amount,
                            written: other,
                            unit,
                        });
                    }
                    // A zero in a figure column states that there is no budget.
                    if let Some(amount) = cell_amount(written, unit).filter(|a| !a.is_zero()) {
                        cells.push(Cell {
                            year_kind,
                            own_kind: self.column_kinds.get(index).copied().flatten(),
                            column: index,
                            amount,
                            written,
                            unit,
                        });
                    }
                }
                // A header cell spanning the figure and the unit set in a cell of its own
                // (`比較増減` over `267,000,000 | 円`) names both: the unit's cell changes
                // nothing.
                Column::Change(unit) => {
                    if let Some(amount) = change_cell_amount(written, unit.or(table_unit)) {
                        change = Some(amount);
                        compared_column = self.column_compared_by(index);
                    }
                }
                Column::Rate => rate = parse_number(written).or(rate),
                Column::Other => notes.push(written),
                Column::Label => {}
            }
        }
        // `防災行政無線デジタル化事業` under `事業名` beside `部局名` and `会計名` columns.
        let named = self
            .name_column
            .filter(|_| row.len() == columns.len())
            .and_then(|index| row.get(index).copied())
            .filter(|cell| cell.chars().any(char::is_alphabetic) && !is_total_label(cell));
        let row_name = row_label(row, &columns);
        let label_cell = if let Some(name) = named {
            name
        } else if numbered_pair && !numbered_in_group {
            row[1]
        } else if unlabelled {
            ""
        } else {
            without_side_letter(&row_name)
        };
        if named.is_none() && !numbered_pair {
            self.enter_spanned_group(number, row, &columns, label_cell);
        }
        // Under columns of years, rows labelled by a budget kind alone (`当初予算`, `予 補正予算`)
        // give the open item's figures; the table's other rows (前年度から繰越し, 執行額, 計) none.
        // On a project sheet the kind may stand in a second label cell, beside a group's
        // name spelled down the side (`予算の | 当初予算`, `状況 | 補正予算`).
        let in_sheet = self.in_sheet();
        let kind_row = kind_label(label_cell)
            .or_else(|| row_kind(row, &columns).filter(|_| in_sheet))
            .or_else(|| group_and_kind(label_cell).filter(|_| in_sheet))
            .filter(|_| self.header_names_years_alone());
        if kind_row.is_some() {
            self.kind_rows = true;
        } else if self.kind_rows {
            return true;
        }
        // `決算 | 一般会計 | 歳出総額 | 4201234 | 千円` under `分類 | 会計 | 項目 | 値 | 単位`: a value
        // that is no budget.
        if self.value_rows && row_kind(row, &columns).is_none() {
            return true;
        }
        if let Some(kind) = kind_row.or_else(|| row_kind(row, &columns)) {
            for cell in &mut cells {
                cell.year_kind = of_row_kind(cell, cell.year_kind, kind);
            }
        }
        // A 決算 column holds what was spent, not a budget: a row whose only figures are
        // such is read, with nothing to keep.
        let settled_only = !cells.is_empty()
            && cells
                .iter()
                .all(|cell| cell.year_kind.kind == Some(BudgetKind::Other));
        if settled_only {
            return true;
        }
        cells.retain(|cell| {
            cell.year_kind
                .kind
                .is_some_and(|kind| kind != BudgetKind::Other)
        });
        // `812,460 | 798,215 | 14,245` under a header whose words a PDF's text wrapped out of
        // their columns' order: a third figure that is the later year's figure less the
        // earlier's is their change, no budget.
        if change.is_none()
            && let [first, second, third] = cells.as_slice()
            && let (Some(first_year), Some(second_year)) =
                (first.year_kind.year, second.year_kind.year)
            && first_year != second_year
        {
            let (later, earlier) = if first_year > second_year {
                (first, second)
            } else {
                (second, first)
            };
            if !third.amount.is_zero() && third.amount == later.amount - earlier.amount {
                change = Some(third.amount);
                cells.pop();
            }
        }
        if let ([cell], Column::Change(_)) =
            (cells.as_slice(), column_of(1, label_cell, self.context()))
        {
            // `| 対前年度増減 | △72 |` under an item's `| 令和8年度要求額 | 15,506 |`: the
            // change of the item's figure, no budget. A 査定増減 (the settled amount against
            // the request) is no change from the year before.
            let main = self.open.last().and_then(|item| item.main_budget.clone());
            match main {
                _ if label_cell.contains(SETTLEMENT) => {}
                Some(main) => {
                    let change = cell.amount.normalize().to_string();
                    self.c.prop(&main, "change_oku_yen", change);
                }
                None => self.c.unparsed(self.c.source(number, raw.trim())),
            }
            return true;
        }
        let numbered_only = parse_number(label_cell).is_some();
        let wrapped = if cells.is_empty() {
            None
        } else if unlabelled {
            self.name_set_above(number, "")
        } else if numbered_only {
            self.wrapped_name(number, None)
        } else if numbered_pair && !numbered_in_group && is_name_end(label_cell) {
            self.wrapped_name(number, Some(label_cell))
        } else {
            self.name_begun_above(number, row, &columns)
                .or_else(|| self.name_before_wrapped_mark(number, label_cell))
                .or_else(|| self.program_name_ended_in_row(number, label_cell))
                .or_else(|| self.name_above_office(number, label_cell))
        };
        if cells.is_empty() || (numbered_only && wrapped.is_none()) {
            return false;
        }
        // `令和３年度 | 13,210 | 11,856` under `年度 | 当初予算 | 補正予算`: the row's year is
        // its figures' year, and they are the table's own item's.
        let row_year = bare_year(label_cell);
        // `2025 | … | 学校体育館空調設置事業 | 312860000` under `年度 | … | 事業名 | 補正額`: the
        // year column's cell is the row's year.
        let column_year = self
            .year_column
            .filter(|_| row.len() == columns.len())
            .and_then(|index| row.get(index))
            .and_then(|cell| year_cell(cell));
        if let Some(year) = row_year {
            for cell in &mut cells {
                cell.year_kind.year = Some(year);
            }
        } else if let Some(year) = column_year {
            // A column of the year before (`前年度予算額`) stays a year before the row's, and
            // so does a row whose label cell says so (`令和8年度 | … | 前年度予算額 | 60975400`).
            let context = self.context().year;
            let labelled_offset = row[..leading_label_columns(&columns).min(row.len())]
                .iter()
                .filter(|cell| is_figure_label(cell))
                .map(|cell| relative_year(cell))
                .find(|offset| *offset != 0);
            // The years a header names are those of its latest year's row (`令和8年度当初予算額
            // | 令和7年度当初予算額` over a row of `2026`); a column whose header names no year
            // took it from the context the header stood in, which says nothing of the row's.
            let names_year = |column: usize| self.column_names_year.get(column).copied();
            let latest_named = cells
                .iter()
                .filter(|cell| names_year(cell.column) == Some(true))
                .filter_map(|cell| cell.year_kind.year)
                .max();
            for cell in &mut cells {
                if let Some(offset) = labelled_offset {
                    cell.year_kind.year = Some(shifted(year, offset));
                    continue;
                }
                let reference = match names_year(cell.column) {
                    Some(true) => latest_named,
                    Some(false) => None,
                    None => context,
                };
                let offset = match (cell.year_kind.year, reference) {
                    // A year the column takes from further out (a file name's) is no year
                    // beside the one in force.
                    (Some(own), Some(reference)) if own.0.abs_diff(reference.0) <= 1 => {
                        own.0 as i16 - reference.0 as i16
                    }
                    // No year in force: the header's own word (`前年度当初予算額`).
                    _ => self.column_offsets.get(cell.column).copied().unwrap_or(0),
                };
                cell.year_kind.year = Some(shifted(year, offset));
            }
        }
        if names_a_limit(&crate::normalize::nfkc(label_cell)) || self.under_no_budget_heading() {
            // `財政調整基金の残高見込み　118億円`: a balance or limit, read, no budget.
            return true;
        }
        let labels = &row[..leading_label_columns(&columns).min(row.len())];
        if labels.iter().any(|label| names_around_supplementary(label)) {
            // `令和7年度 | 一般会計 | 歳出合計 | 補正後予算額 | 6180800`: the budget a
            // supplementary leaves, of no one kind.
            return true;
        }
        if labels.iter().any(|label| names_spent_alone(label)) {
            // `2024 | 一般会計 | 議会費 | 決算 | 93214`: what was spent, no budget.
            return true;
        }
        let note = figure_note_label(label_cell).filter(|_| !self.open.is_empty());
        let owner = if let Some(named) = note {
            // `（令和６年度当初予算額　４２５億円）` under an item: the item's own figure, of
            // the year and kind its label names.
            // `前年度予算額`: the year before the one in force.
            let offset = relative_year(label_cell);
            for cell in &mut cells {
                let named = match (named.year, cell.year_kind.year) {
                    (None, Some(year)) if offset != 0 => YearKind {
                        year: Some(shifted(year, offset)),
                        ..named
                    },
                    _ => named,
                };
                cell.year_kind = match named.kind {
                    Some(kind) => of_row_kind(
                        cell,
                        YearKind {
                            kind: None,
                            ..named
                        }
                        .or(cell.year_kind),
                        kind,
                    ),
                    None => named.or(cell.year_kind),
                };
            }
            let owner = self.open.len() - 1;
            if self.part_of_main_budget(owner, label_cell, &cells) {
                // `うち要求額 | 5,362,269` under a total's `要求・要望額 | 6,015,611`: a part of
                // the figure above, of the same year and kind, is a row of its own.
                let source = self.c.source(number, label_cell.trim());
                let part = self.open_sub_item(clean_name(label_cell), source);
                self.open[part].role = Role::Row;
                part
            } else {
                owner
            }
        } else if (kind_row.is_some() && in_sheet)
            || (unlabelled && wrapped.is_none() && !self.open.is_empty())
            || self.labels_figures_of_heading(label_cell)
        {
            self.open.len() - 1
        } else if let Some((name, source)) = wrapped {
            // A name a PDF's table wraps around its row's number (`地域の公共施設への再エネ・
            // 蓄電池導入支` over `４ | ２１２．０`, `援事業` under it): a row of that name.
            self.open.retain(|item| item.role != Role::Row);
            let row_item = self.open_sub_item(name, source);
            self.open[row_item].role = Role::Row;
            row_item
        } else if let Some(heading) = self.item_of_account_table(label_cell) {
            heading
        } else if let Some(caption) = row_year.and_then(|_| self.table_caption()) {
            self.caption_item_once(caption)
        } else {
            match self.row_owner(number, label_cell) {
                Some(owner) => owner,
                None => return false,
            }
        };
        let item = self.open[owner].clone();
        let source = self.c.source(number, raw.trim());
        let current_year = cells.iter().filter_map(|c| c.year_kind.year).max();
        let mut compared = None;
        // A row of 財政投融資, or any row under a heading of it, is lending, not the budget,
        // unless the table's caption names another kind (`（参考）…に係る令和１０年度一般会計
        // 予算（案）の主な計上額`).
        let fiscal_investment = Some(BudgetKind::FiscalInvestment);
        // A numbered heading since the header (`Ⅲ　財政投融資計画の追加`) leaves that header's
        // caption behind (looked for only when the caption names another kind).
        let headed_since = || {
            (self.header_line + 1..number)
                .any(|n| numbered(self.line(n)).is_some_and(|found| !found.style.is_bullet()))
        };
        let lending = BudgetKind::detect(label_cell) == fiscal_investment
            || (self.context().kind == fiscal_investment
                && (self.header_context(self.header_line).kind == fiscal_investment
                    || headed_since()));
        for cell in cells {
            let mut year_kind = cell.year_kind.or(item.year_kind);
            if lending {
                year_kind.kind = Some(BudgetKind::FiscalInvestment);
            }
            let Some(year) = year_kind.year else {
                self.c.unparsed(source.clone());
                continue;
            };
            let Some(kind) = year_kind.kind else {
                continue;
            };
            // Only a supplementary reduces a budget: a negative figure of another kind is a
            // deduction between accounts (`会計間重複額（控除） | △1,254,300`), no budget.
            if kind != BudgetKind::Supplementary && cell.amount.is_sign_negative() {
                continue;
            }
            let mut figure = BudgetFigure::new(Some(cell.amount), year, kind);
            figure.bill = self.column_bills.get(cell.column).cloned().flatten();
            let written = cell.unit.map(|unit| (cell.written, unit));
            let Some(id) = self.emit_budget(&item, &figure, source.clone(), written) else {
                continue;
            };
            let compares = match compared_column {
                Some(column) => cell.column == column,
                None => compared.is_none() && Some(year) == current_year,
            };
            if compares {
                compared = Some(id);
            }
        }
        if let Some(id) = compared {
            self.put_change(&id, change, rate);
            if let Some(open) = self.open.get_mut(owner) {
                open.main_budget.get_or_insert(id);
            }
        }
        let row_year_kind = current_year_kind(&columns, item.year_kind);
        // Laid out with spaces, a note's amount may stand a wide gap after its name
        // (`１ 職員給与費　　　２９８，４１０`): from the last note of words on, one note.
        let joined: String;
        if self.layout.is_some()
            && let Some(first) = notes
                .iter()
                .rposition(|note| note.chars().any(char::is_alphabetic))
                .filter(|first| first + 1 < notes.len())
            && let (Some(from), Some(to)) = (
                super::layout::byte_range(raw, notes[first]),
                notes
                    .last()
                    .and_then(|last| super::layout::byte_range(raw, last)),
            )
        {
            joined = raw[from.start..to.end].to_string();
            notes.truncate(first);
            notes.push(&joined);
        }
        let laid_out = self.layout.is_some();
        for note in notes {
            if let Some(part) = part_note(note, laid_out) {
                let source = self.c.source(number, note.trim());
                self.note_part(source, part, owner, row_year_kind);
                continue;
            }
            // A notes column's figure that names its own year and kind (`このほか令和７年度
            // 補正予算額 120億円`) is another figure of the row's item; a part of the row's
            // figure (`デジタル庁一括計上分 0.4億円を含む`) is not.
            // A kind other than the row's without a year (`当初予算額 88,000千円` beside a
            // 補正額) is of the row's year.
            let labelled: Vec<bool> = inline_figures(note)
                .iter()
                .map(|figure| {
                    let kind = figure.year_kind.kind.filter(|_| !figure.kind_implied);
                    kind.is_some()
                        && (figure.year_kind.year.is_some()
                            || (!figure.kind_plain && kind != row_year_kind.kind))
                })
                .collect();
            self.figures_where(number, note, owner, |index| {
                labelled.get(index) == Some(&true)
            });
        }
        true
    }

    /// A group named in the first of a row's label columns together with its total
    /// (`１　物価高騰対策（計 3,324,960千円）` before the row's own name): opens the group, with
    /// that total as its figure of the table's current year and kind, over the rows below.
    fn group_with_total(&mut self, number: usize, cell: &str, columns: &[Column]) {
        let (head, parenthesis) = split_trailing_parenthesis(cell);
        let total = parenthesis.trim_start();
        let is_total = TOTAL_LABELS.iter().any(|word| total.starts_with(word));
        if !is_total || find_amounts(total).is_empty() || head.trim().is_empty() {
            return;
        }
        let Some(group) = self.row_owner(number, head.trim()) else {
            return;
        };
        let year_kind = current_year_kind(columns, self.open[group].year_kind);
        self.open[group].year_kind = year_kind;
        self.figures(number, total, group);
    }

    /// The heading item a small table of accounts gives its figures to: right under an
    /// item's heading (`### (4) 監視体制の強化`), rows that each name an account (`| 一般会計
    /// | 2,890 | 3,012 |`, `| 東日本大震災復興特別会計 | 120 | 98 |`) and no total say where
    /// the item's money is, not items of their own. `None` for any other row.
    fn item_of_account_table(&self, label: &str) -> Option<usize> {
        if !names_account(label) {
            return None;
        }
        let above = self.line(self.line_above_header()?);
        let heading = above.trim_start().starts_with('#')
            || numbered(above).is_some_and(|n| !n.style.is_bullet());
        let rows: Vec<String> = (self.header_line + 1..=self.c.doc.lines.len())
            .map(|n| strip_markup(self.line(n)))
            .take_while(|line| is_rule_line(line) || is_table_line(line))
            .filter(|line| !is_rule_line(line))
            .collect();
        let accounts = rows
            .iter()
            .all(|row| names_account(cells(row).first().copied().unwrap_or("")));
        if !(heading && accounts && (1..=MAX_ACCOUNT_ROWS).contains(&rows.len())) {
            return None;
        }
        // Under `１　補正予算の規模`, a heading naming only the whole budget, the accounts are
        // the budget's parts, each an item of its own.
        self.open
            .iter()
            .rposition(|item| item.role == Role::Heading)
            .filter(|at| !super::names_only_a_total(&self.open[*at].name))
    }

    /// A row of a table whose years are rows and whose columns name the items (`年度 | 一般会計
    /// | 特別会計 | 合計` over `2025年度 | 41,230,000 | …`): each cell the budget of its
    /// column's item for the row's year, of the kind the row or the context names; or whose
    /// kinds are rows (`補正額 | 128,452 | …`), in the year in force. Total columns and rows
    /// naming neither a year nor a kind alone are left.
    fn year_row(&mut self, number: usize, raw: &str, row: &[&str]) {
        if self.under_no_budget_heading() || self.caption_names_no_budget() {
            // `事項 | 期間 | 限度額` under `債務負担行為補正`: commitments, no budgets.
            return;
        }
        let named = YearKind::read(row[0]);
        if named.year.is_none() && named.kind.is_none() && kind_label(row[0]).is_none() {
            // `増△減額（B）−（A） | 4,540 | △60 | 4,480` under `区分 | 一般会計 | …`: each
            // account's change between the rows of years above, no item of its own.
            if !matches!(column_of(1, row[0], YearKind::default()), Column::Change(_)) {
                self.item_across_accounts(number, raw, row);
            }
            return;
        }
        // `補 正 額 | 128,452 | 8,640 | …` under `区分 | 一般会計 | 国民健康保険特別会計 | …`:
        // a row whose label is a kind alone gives each account its figure of that kind, in the
        // year in force; the budget before the supplementary (既定予算額) and totals give none.
        let kind_alone = kind_label(row[0]).filter(|_| named.year.is_none());
        let around_supplementary = column_of(1, row[0], YearKind::default()) == Column::Other;
        let (year, kind) = match kind_alone {
            Some(kind) if !around_supplementary => (self.context().year, Some(kind)),
            Some(_) => return,
            None => (named.year, named.kind.or(self.context().kind)),
        };
        let (Some(year), Some(kind), Some(unit)) = (year, kind, self.unit) else {
            return;
        };
        let header_line = strip_markup(self.line(self.header_line));
        let header = cells(&header_line);
        if header.len() != row.len() {
            return;
        }
        let source = self.c.source(number, raw.trim());
        for (cell, written) in header.iter().zip(row).skip(1) {
            let Some(amount) = cell_amount(written, Some(unit)).filter(|a| !a.is_zero()) else {
                continue;
            };
            let name = clean_name(cell);
            if name.chars().count() < 2 || is_total_label(&name) || names_a_limit(&name) {
                continue;
            }
            let quote = self.c.source(self.header_line, cell);
            let node_type = if name.ends_with("基金") {
                NodeType::Fund
            } else {
                NodeType::Measure
            };
            let id = self.c.node(node_type, &name, quote);
            let item = Item {
                id,
                name,
                node_type,
                depth: 0,
                year_kind: YearKind {
                    year: Some(year),
                    kind: Some(kind),
                },
                main_budget: None,
                role: Role::Row,
            };
            let figure = BudgetFigure::new(Some(amount), year, kind);
            self.emit_budget(&item, &figure, source.clone(), Some((written, unit)));
        }
    }

    /// Whether a row labelled as a part (`うち要求額`) gives figures of the year and kind of
    /// its owner's main figure: a part of that figure, which the owner cannot have twice.
    fn part_of_main_budget(&self, owner: usize, label: &str, cells: &[Cell<'_>]) -> bool {
        let Some(main) = self.open[owner].main_budget.as_deref() else {
            return false;
        };
        let Some(props) = self.c.node_props(main) else {
            return false;
        };
        let of_main = |cell: &Cell<'_>| {
            let year = cell.year_kind.year.map(|year| year.label());
            let kind = cell.year_kind.kind.map(|kind| kind.as_str());
            props.get("fy").and_then(|v| v.as_str()) == year.as_deref()
                && props.get("kind").and_then(|v| v.as_str()) == kind
        };
        crate::normalize::nfkc(label).trim().starts_with("うち") && cells.iter().any(of_main)
    }

    /// A row of a table whose columns are accounts (`主要事項 | 一般会計 | 特別会計 | 備考` over
    /// `科学技術の推進 | 1,092,180 | ― | …`): the row's item's figure of the year and kind in
    /// force, from its total column or the one account that holds it; a row whose figures
    /// stand in two accounts or more without a total gives each account's part as an item of
    /// its own under the row's. Totals and rows of figure labels give nothing.
    fn item_across_accounts(&mut self, number: usize, raw: &str, row: &[&str]) {
        // The year and kind the table's caption names (`令和８年度予算` over its unit line).
        let context = self.header_context(self.header_line);
        let (Some(year), Some(kind), Some(unit)) = (context.year, context.kind, self.unit) else {
            return;
        };
        let label = clean_name(row[0]);
        // A bare total (`計`) under a band (`支出`) is the band's.
        let bare_total = is_bare_total(&label) && self.table_band.is_some();
        let names_item = label.chars().count() >= 2 && !is_total_label(&label);
        if !(bare_total || names_item && !is_figure_label(&label)) {
            return;
        }
        let header_line = strip_markup(self.line(self.header_line));
        let header = join_spaced_words(&cells(&header_line));
        let total = (1..header.len()).find(|at| is_total_label(&clean_name(&header[*at])));
        let ledgers: Vec<usize> = (1..header.len())
            .filter(|at| names_account_or_ledger(&header[*at]))
            .collect();
        // Beside two accounts or more, another column of words before the total is one more
        // (an agency's `研究開発勘定 | 助成勘定 | 法人共通 | 合計`).
        let names_no_figure = |cell: &str| {
            let heading = YearKind::read(cell);
            heading.is_empty() && !names_notes(cell) && !is_figure_label(&clean_name(cell))
        };
        let accounts: Vec<usize> = if ledgers.len() >= 2 {
            (1..total.unwrap_or(header.len()))
                .filter(|at| ledgers.contains(at) || names_no_figure(&header[*at]))
                .collect()
        } else {
            ledgers
        };
        let others_are_notes = (1..header.len())
            .filter(|at| !accounts.contains(at) && Some(*at) != total)
            .all(|at| names_notes(&header[at]));
        let last = total.into_iter().chain(accounts.iter().copied()).max();
        if accounts.is_empty() || !others_are_notes || last.is_none_or(|at| at >= row.len()) {
            return;
        }
        let figure_in = |at: usize| cell_amount(row[at], Some(unit)).filter(|a| !a.is_zero());
        let filled: Vec<(usize, Decimal)> = accounts
            .iter()
            .filter_map(|at| figure_in(*at).map(|amount| (*at, amount)))
            .collect();
        let whole = total
            .and_then(|at| figure_in(at).map(|amount| (at, amount)))
            .or(match filled.as_slice() {
                [only] => Some(*only),
                _ => None,
            });
        if whole.is_none() && filled.is_empty() {
            return;
        }
        let source = self.c.source(number, raw.trim());
        let band_total = self
            .table_band
            .clone()
            .filter(|_| bare_total)
            .map(|band| self.open_sub_item(format!("{band}{label}"), source.clone()));
        let Some(owner) = band_total.or_else(|| self.row_owner(number, row[0])) else {
            return;
        };
        let figure_of = |amount| BudgetFigure::new(Some(amount), year, kind);
        if let Some((at, amount)) = whole {
            let item = self.open[owner].clone();
            let written = Some((row[at], unit));
            self.emit_budget(&item, &figure_of(amount), source.clone(), written);
        }
        if filled.len() >= 2 {
            // Each account's part of a figure two accounts or more share.
            let row_name = self.open[owner].name.clone();
            for (at, amount) in filled {
                let part = format!("{row_name}（{}）", clean_name(&header[at]));
                let opened = self.open_sub_item(part, source.clone());
                self.open[opened].role = Role::Row;
                let item = self.open[opened].clone();
                let written = Some((row[at], unit));
                self.emit_budget(&item, &figure_of(amount), source.clone(), written);
            }
        }
        if band_total.is_some() {
            // The band's total closes it: no row after it stands under the total.
            self.open.truncate(owner);
        }
    }

    /// Whether a row's label says only what its figures are (`国　　費`, `予算額`) under a
    /// heading item, whose figures they are.
    fn labels_figures_of_heading(&self, label: &str) -> bool {
        let label = clean_name(label);
        is_figure_label(&label)
            && !is_total_label(&label)
            && self
                .open
                .last()
                .is_some_and(|item| item.role == Role::Heading)
    }

    /// The item a table's caption names, opened once for all the rows that give it figures;
    /// returns its index.
    fn caption_item_once(&mut self, (line, caption): (usize, String)) -> usize {
        match self.open.iter().rposition(|item| item.name == caption) {
            Some(index) => index,
            None => self.caption_item(line, &caption),
        }
    }

    /// Opens the item a table's caption names, for its total row (closed with the table);
    /// returns its index.
    fn caption_item(&mut self, line: usize, caption: &str) -> usize {
        let source = self.c.source(line, caption);
        let id = self.c.node(NodeType::Measure, caption, source);
        self.open.push(Item {
            id,
            name: caption.to_string(),
            node_type: NodeType::Measure,
            depth: 0,
            year_kind: YearKind::read(caption).or(self.document_context),
            main_budget: None,
            role: Role::Row,
        });
        self.open.len() - 1
    }

    /// The item a row's figures belong to: the table's own item for a total row, otherwise
    /// a row item under it (numbered rows nest by their numbering).
    fn row_owner(&mut self, number: usize, label_cell: &str) -> Option<usize> {
        let found = numbered(label_cell).filter(|n| !n.style.is_bullet());
        let label = clean_name(found.as_ref().map_or(label_cell, |n| n.title));
        let label = without_status_marks(&label).to_string();
        if label.chars().count() < 1 {
            // A name spanning this row and the one above (`第2子以降保育料無償化事業 | R8 | …`
            // over ` | R7 | …`): the row above's item.
            return self.open.iter().rposition(|item| item.role == Role::Row);
        }
        if is_bare_total(&label) {
            self.open.retain(|item| item.role == Role::Heading);
            // The group a cell spanning the rows or the row above names closes with it.
            let group = self
                .spanned_group
                .as_ref()
                .and_then(|(_, id)| self.open.iter().position(|item| &item.id == id));
            if group.is_some() {
                return group;
            }
            // `図表３　防衛関係費の内訳` over the table: its total is of what the numbered
            // caption names, whatever the text above left open.
            let numbered_caption = self
                .table_caption()
                .filter(|(line, _)| exhibit_title(self.line(*line)).is_some());
            if let Some(caption) = numbered_caption {
                return Some(self.caption_item_once(caption));
            }
            // `◆…事業` given its figure above a table captioned of its own (`歳出を性質別に
            // みると（一般会計）`): the table's total is of what its caption names.
            let captioned = self
                .open
                .last()
                .filter(|item| item.main_budget.is_some())
                .and_then(|_| self.table_caption());
            if let Some((line, caption)) = captioned {
                return Some(self.caption_item(line, &caption));
            }
            if !self.open.is_empty() {
                return Some(self.open.len() - 1);
            }
            if let Some((line, group)) = self.group_named_above(number) {
                return Some(self.caption_item(line, &group));
            }
            if let Some((line, caption)) = self.table_caption() {
                return Some(self.caption_item(line, &caption));
            }
        }
        let depth = match &found {
            Some(numbering) => {
                let depth = self.outline.enter(numbering.style);
                self.open.retain(|item| item.depth < depth);
                depth
            }
            None => {
                self.open.retain(|item| item.role != Role::Row);
                self.open.last().map_or(0, |item| item.depth + 1)
            }
        };
        let parent = self.open.last().cloned();
        let node_type = if label.ends_with("基金") {
            NodeType::Fund
        } else {
            NodeType::Measure
        };
        let quote = found.as_ref().map_or(label_cell, |n| n.title);
        let source = self.c.source(number, quote.trim());
        let id = self.c.node(node_type, &label, source.clone());
        if let Some(parent) = &parent {
            self.c.edge(&id, Rel::PartOf, &parent.id, source);
        }
        let inherited = parent
            .as_ref()
            .map_or(self.document_context, |p| p.year_kind);
        self.open.push(Item {
            id,
            name: label.clone(),
            node_type,
            depth,
            year_kind: item_year_kind(&label, inherited, &self.title_kinds),
            main_budget: None,
            role: if found.is_some() {
                Role::NumberedRow
            } else {
                Role::Row
            },
        });
        self.remember_note(label_cell, self.open.len() - 1);
        Some(self.open.len() - 1)
    }
}
