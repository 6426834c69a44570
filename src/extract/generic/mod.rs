//! The generic extractor for documents of kind `other`: a layout reader that decides only
//! *where* things are — headings and numbered items, tables, indicator lines, running text —
//! and hands the text to the shared recognisers.
//!
//! Headings and numbered items become measures in a `part_of` tree (a document whose first
//! heading names a plan becomes that strategy, and its items implement it). Budget figures
//! attach to the nearest item with the fiscal year and kind read from their context: table
//! headers, unit lines, the item's and the document's wording; changes (比較増減, △/▲) are
//! recorded on the figure they compare, never as budgets.

mod captions;
mod figures;
mod funding_header;
mod funding_lines;
mod headers;
mod indicator_lines;
mod items;
mod layout;
mod lone_figures;
mod long;
mod rows;
mod sentences;
mod stacked;
mod tables;

use layout::TableLayout;

use super::collect::{Collector, strip_tags_keep_len};
use super::indicators::{FoundIndicator, add_indicator};
use super::mentions::{self, Lines, Owner};
use super::recognise::amounts::{
    CELL_BARS, Column, InlineFigure, SETTLED_WORD, Subject, YearKind, amount_link, bare_subject,
    cell_amount, cells, column_marks, column_of, figure_note_label, header_columns, inline_figures,
    is_arrow, is_column_word, is_figure_label, is_marks_cell, join_spaced_words, label_subject,
    names_a_limit, names_a_rate, names_around_supplementary, names_closing_month_supplementary,
    names_funding_breakdown, names_notes, names_projection, names_revenue, names_spending,
    names_units, names_values, names_years, own_figure_label, paired_year_kind,
    plain_header_columns, prose_subject, relative_year, shifted, speaks_of_budget,
    supplementary_ordinal, tab_cells, unit_after_marks, unit_declared, unit_line, unit_row,
    word_column, year_cell,
};
use super::recognise::bodies::{find_legal_bodies, is_body_name};
use super::recognise::contacts::opens_contact;
use super::recognise::decisions::parse_decision;
use super::recognise::indicator_blocks::labelled_blocks;
use super::recognise::indicator_columns::{
    IndicatorTable, indicator_code, indicator_tables, restated_rows,
};
use super::recognise::indicator_phrases::{dated_targets, ends_with_count, milestones};
use super::recognise::indicator_prose::prose_indicators;
use super::recognise::legends::{Bracket, figure_and_brackets, read_legend, read_tag_legend};
use super::recognise::names::{
    clean_name, is_hiragana, is_reference_note, leading_note_mark, note_mark, strip_markup,
    without_account_tag, without_leading_note_mark, without_spaces, without_status_badge,
    without_status_marks,
};
use super::recognise::numbering::{
    Numbered, Outline, Style, is_page_number, names_plan_level, names_plan_path, numbered,
    without_numbering,
};
use super::recognise::plans::find_plans;
use super::recognise::programs::{find_programs, is_program_name, program_type};
use super::recognise::targets::{
    continues_indicator, indicator_line, is_indicator_section, is_year_value_line,
    labels_target_or_baseline, opens_year_list, stated_now_line, target_statement,
};
use super::recognise::year_tables::{TableIndicator, figure_cards, indicators_in_tables, is_dash};
use crate::corpus::SeedDoc;
use crate::graph::model::{Extraction, NodeType, Rel, Source, node_id};
use crate::money::{
    AmountMatch, BudgetFigure, BudgetFlag, BudgetKind, FiscalYear, find_amounts, parse_number,
};
use regex::Regex;
use rust_decimal::Decimal;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;
use tables::is_whole_amount;

/// Longest item name, in chars: a longer title is a sentence, not a name.
const MAX_ITEM_NAME_CHARS: usize = 60;

/// Most blanks before a line at the left of a page's text: a table's caption, or a row of
/// the left one of two tables side by side. A line set further in stands over columns to
/// the right (a header's words, a row of the right-hand table).
const MAX_LEFT_INDENT: usize = 8;

/// Whether a line is set in past [`MAX_LEFT_INDENT`] blanks.
fn is_set_far_in(line: &str) -> bool {
    line.chars().take_while(|c| c.is_whitespace()).count() > MAX_LEFT_INDENT
}

/// How many lines of a header above its last a breakdown's head (`節`) may stand on.
const BREAKDOWN_HEAD_LINES_ABOVE: usize = 2;

/// Whether a line is a band naming the group of the rows under it, in brackets alone
/// (`〔歳 出〕`, `【歳入】`).
fn is_band(line: &str) -> bool {
    let line = line.trim();
    line.starts_with(['〔', '【', '［', '[']) && line.ends_with(['〕', '】', '］', ']'])
}

/// What `read` gives for each cell of a header `row` whose cells are its columns after
/// `left_out` columns it leaves without a word (those given the default); empty when the
/// cells are not its columns.
fn per_column<T: Default>(
    row: &[&str],
    left_out: Option<usize>,
    read: impl Fn(&str) -> T,
) -> Vec<T> {
    match left_out {
        Some(left_out) => std::iter::repeat_with(T::default)
            .take(left_out)
            .chain(row.iter().map(|cell| read(cell)))
            .collect(),
        None => Vec::new(),
    }
}

/// The column of the last header cell that `names` (its index among the columns, after a
/// label column the header `left_out`); `None` when none does or the header's cells are not
/// its columns.
fn column_named(
    row: &[&str],
    left_out: Option<usize>,
    names: impl Fn(&str) -> bool,
) -> Option<usize> {
    let index = row.iter().rposition(|cell| names(cell))?;
    Some(index + left_out?)
}

/// Endings of a sentence's topic that names an account or a revenue (`特別会計`, `市税`,
/// `市債`, `財政調整基金繰入金`).
const TOPIC_ENDINGS: [&str; 4] = ["会計", "税", "債", "繰入金"];

/// Verbs of a sentence allocating an amount to what it names (`…に31億円を計上`, `…に45.8億円を
/// 措置済み`).
const ALLOCATIONS: [&str; 5] = ["を計上", "を措置", "を確保", "を要求", "を要望"];

/// The units of the groups a budget book's rows stand in (`3款 民生費`, `1項 社会福祉費`).
const GROUPING_UNITS: [char; 3] = ['款', '項', '目'];

/// Fields of a project sheet that name its project (`事業名 | …`).
const NAME_FIELDS: [&str; 5] = ["事業名", "事業名称", "事業の名称", "事務事業名", "施策名"];

/// The most chars of a field's label (`会計区分`, `所管部局`, `実施主体`).
const MAX_FIELD_LABEL_CHARS: usize = 8;

/// A line of one short word and nothing else, no figure or number (`収入`, `支出` between a
/// table's rows): the word.
fn lone_word(line: &str) -> Option<&str> {
    let word = line.trim();
    let lone = cells(word).len() == 1
        && (1..=MAX_FIELD_LABEL_CHARS).contains(&word.chars().count())
        && find_amounts(word).is_empty()
        && parse_number(word).is_none();
    lone.then_some(word)
}

/// A header word over the names of the bodies a table's rows are (`区分 | 機関名 | …` in a
/// plan of fiscal loans by body).
const BODY_NAME_FIELD: &str = "機関名";

/// What may stand between an item's name and its amount: separators and opening brackets.
const NAME_TAIL: [char; 11] = [
    ':', '：', '…', ' ', '\u{3000}', '\t', '【', '[', '［', '（', '(',
];

/// Lines at the top of a document read for the fiscal year it speaks of when neither its
/// title nor its head lines name one with its kind.
const OPENING_LINES: usize = 20;

/// The document's first non-blank line (its number and trimmed text), unless a table row
/// follows it: then it is a table's header, which a later table may repeat.
fn running_head(lines: &crate::corpus::Lines) -> Option<(usize, &str)> {
    let mut texts = lines
        .iter()
        .enumerate()
        .map(|(index, line)| (index + 1, line.trim()))
        .filter(|(_, text)| !text.is_empty());
    let (number, head) = texts.next()?;
    let heads_a_table = texts.next().is_some_and(|(_, next)| is_table_line(next));
    (!heads_a_table).then_some((number, head))
}

/// Non-blank lines at the top of a document read for the year and kind it speaks of.
const HEAD_LINES: usize = 5;

/// Reads a document of any layout.
pub fn extract(doc: &SeedDoc) -> Extraction {
    let mut reader = Reader::new(doc);
    for number in 1..=doc.lines.len() {
        reader.read_line(number);
        let owner = reader.measured_item();
        reader.owners.push(owner);
    }
    reader.table_indicators();
    reader.c.finish()
}

/// An open heading or item.
#[derive(Debug, Clone)]
struct Item {
    id: String,
    name: String,
    node_type: NodeType,
    depth: usize,
    year_kind: YearKind,
    /// The budget node of the item's first figure: the one a change compares.
    main_budget: Option<String>,
    /// What opened it.
    role: Role,
}

/// What opened an item; rows close when their table ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// A heading, numbered item or named line.
    Heading,
    /// A bullet with an amount: closed by the next line that is not an item.
    Bullet,
    /// A table row whose label is numbered: rows below nest under it.
    NumberedRow,
    /// Any other table row.
    Row,
}

struct Reader<'a> {
    c: Collector<'a>,
    outline: Outline,
    open: Vec<Item>,
    /// The year and kind the document's title speaks of.
    document_context: YearKind,
    /// Each year the title names, with the kind it names for it.
    title_kinds: Vec<YearKind>,
    /// The kind a band in brackets alone names over the items after it (`【財政投融資】`),
    /// until the next such band.
    band_kind: Option<BudgetKind>,
    /// Whether the last band in brackets alone named revenue (`【歳入】`): the figures after
    /// it, until the next band or a line naming spending, are revenue.
    band_revenue: bool,
    /// The lone word between the rows of the table being read that names the band they
    /// stand in (`収入` over `運営費交付金 | …`, then `支出`): rows under income are revenue,
    /// and a bare total is the band's.
    table_band: Option<String>,
    /// Whether the table being read stands under a caption naming revenue or funding sources
    /// (`一般会計歳入`, `補正予算の財源`): its figures are revenue.
    revenue_table: bool,
    /// Whether each column's header cell names revenue (`歳入 | 予算額 | 歳出 | 予算額`: the
    /// label column of the half that lists revenue), where the header's cells are its columns.
    column_revenue: Vec<bool>,
    /// Whether a cell of words of the row being read names revenue (`… | 歳入 | 市税 | …`).
    row_revenue: bool,
    /// What figures in each kind of bracket after an amount stand for, as the document's
    /// legend says (`（　）内は令和7年度当初予算額`).
    legend: Vec<(Bracket, String)>,
    /// What a figure after each tag stands for, as the document's legend says (`［補正］は
    /// 令和7年度補正予算額`): the tag after NFKC and the legend's words.
    tag_legend: Vec<(String, String)>,
    /// The unit of bare numbers, from the last unit line.
    unit: Option<&'static str>,
    /// The line `unit` was declared on.
    unit_line: usize,
    /// The columns of the table being read.
    columns: Option<Vec<Column>>,
    /// The line of the header of the table being read.
    header_line: usize,
    /// The first line of that header, when it stands on several rows of a grid.
    header_top: usize,
    /// The header's word of each cell of a grid's header over several rows, spanned cells
    /// repeated (`令和９年度計画額原資別内訳`); empty for any other header.
    header_words: Vec<String>,
    /// The id of the item the last heading line opened: the section a sentence naming its
    /// budget speaks of.
    section: Option<String>,
    /// Whether the last word of a header read over three lines names notes (`備考`), which
    /// that header's last line need not hold.
    notes_last: bool,
    /// How many levels of numbering were open when the table being read began.
    table_depth: usize,
    /// Where the columns of the table being read stand, when it is laid out with spaces.
    layout: Option<TableLayout>,
    /// A plan heading waiting for its decision line, and how many lines it still waits.
    plan_waiting: Option<(String, usize)>,
    /// The item open after each line (index = line number - 1).
    owners: Vec<Option<String>>,
    /// Each lettered point's item (`ア　経営相談` under `（１）経営相談・専門家派遣`), by id.
    lettered_points: BTreeMap<String, String>,
    /// Indicator tables whose header names their columns, read before the lines.
    indicator_tables: Vec<IndicatorTable>,
    /// Whether each line (index = line number - 1) is a header or row of one of them.
    indicator_rows: Vec<bool>,
    /// Items whose name carried a note mark (`…の推進※1`), by mark: the note's figures are
    /// theirs.
    noted: BTreeMap<String, Item>,
    /// The item the last name field of a project sheet opened (`事業名 | …`).
    sheet: Option<String>,
    /// The line of the plan's level that opened the sheet (`基本目標 | 1 | …`), if one did.
    sheet_level_line: Option<usize>,
    /// Whether the table being read has a row labelled by a budget kind alone (`当初予算`
    /// under columns of years): its rows of other labels (繰越し, 執行額, 計) hold no budget.
    kind_rows: bool,
    /// The kind each column's own header cell names (`令和９年度要求` → request), where the
    /// header's cells are its columns; empty otherwise.
    column_kinds: Vec<Option<BudgetKind>>,
    /// The marks each column's header cell gives or cites (`(C)`, `(C)-(A)`), aligned as
    /// `column_kinds`.
    column_marks: Vec<Vec<char>>,
    /// The column whose cells are each row's fiscal year (`年度` over `2025`), where the
    /// header's cells are its columns.
    year_column: Option<usize>,
    /// Whether the table being read gives its figures in a column of values (`… | 項目 | 値`):
    /// a row whose label cells name no budget kind holds none.
    value_rows: bool,
    /// The column whose cells are each row's money unit (`単位` over `千円`, `百万円`), where
    /// the header's cells are its columns.
    unit_column: Option<usize>,
    /// The years each column's header cell names relative to the one in force (`前年度当初
    /// 予算額` → -1), aligned as `column_kinds`.
    column_offsets: Vec<i16>,
    /// Whether each column's header cell names a year of its own (`令和８年度予算額`), aligned
    /// as `column_kinds`.
    column_names_year: Vec<bool>,
    /// The group the first of several label columns names over the rows it spans (`3 民生費`
    /// beside `社会福祉費`, then empty beside `児童福祉費` and `計`): the cell as written and
    /// the group's id.
    spanned_group: Option<(String, String)>,
    /// The column whose cells name each row's project (`事業名` among `通番 | 年度 | 部局名 |
    /// 事業名 | 会計名 | …`), where the header's cells are its columns.
    name_column: Option<usize>,
    /// The year and kind of the other figure each column's header cell names in
    /// parentheses (`令和９年度要求額（令和８年度予算額）`), aligned as `column_kinds`.
    column_pairs: Vec<Option<YearKind>>,
    /// Which of its year's supplementaries each column holds (`第1号`), where the header
    /// gives two or more of one year apart; aligned with the columns.
    column_bills: Vec<Option<String>>,
    /// The long table being read (one row per item and figure), if any.
    long_table: Option<long::LongTable>,
    /// The last line already read with lines before it (stacked fields and their values).
    read_through: usize,
    /// The line of the last figure read alone under its item's line.
    lone_figure_line: Option<usize>,
    /// The document's first line and its number, when it heads the document rather than a
    /// table: a page's running head that repeats it is no line of the text.
    running_head: Option<(usize, &'a str)>,
    /// For each line, whether it is a page's footer or head counting the pages.
    page_furniture: Vec<bool>,
    /// Where the last band in brackets alone (`〔施策の方向〕`) stood: how many items were open
    /// and the innermost one's id. The next band closes what opened since.
    band_section: Option<(usize, Option<String>)>,
    /// The item the last sentence announcing a budget opened (`次に、特別会計について申し上げ
    /// ます。`): the next such sentence closes it.
    topic: Option<String>,
}

impl<'a> Reader<'a> {
    fn new(doc: &'a SeedDoc) -> Reader<'a> {
        let first_line = doc
            .lines
            .iter()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("");
        // A title may stand under a line that names no year (`議案第１５号`): the first of
        // the document's head lines that names a year and a kind.
        let head_named: Vec<YearKind> = doc
            .lines
            .iter()
            .filter(|l| !l.trim().is_empty())
            .take(HEAD_LINES)
            .map(|l| YearKind::read(&strip_markup(l)))
            .collect();
        let head_context = head_named
            .iter()
            .find(|named| named.year.is_some() && named.kind.is_some())
            .copied();
        // A document whose text names no year may have it in its file name, which a title
        // taken from the file keeps (`nishimine_r8_shuyojigyo.csv`).
        let named_file = YearKind {
            year: crate::money::file_name_year(&doc.info.title),
            kind: None,
        };
        // `令和８年度当初予算案及び令和７年度３月補正予算案について`: a title naming two budgets
        // speaks first of the one it names first.
        let title = doc.info.title.as_str();
        let first_named = first_budget_named(title);
        // A title whose letters a PDF's text scatters over lines (`令 和 ８ 年` over `北浜市
        // 当初予算の概要 度`) names no year: the first fiscal year the opening lines name is the
        // document's, and the first kind its head lines name.
        let opening_year = YearKind {
            year: doc
                .lines
                .iter()
                .take(OPENING_LINES)
                .find_map(|l| YearKind::read(&strip_markup(l)).year),
            kind: head_named.iter().find_map(|named| named.kind),
        };
        // A title given apart from the text (a file's name) may name no year; its first line
        // then stands for it.
        let title_kinds = Some(YearKind::each_named(title))
            .filter(|named| !named.is_empty())
            .unwrap_or_else(|| YearKind::each_named(&strip_markup(first_line)));
        let document_context = YearKind::read(first_named)
            .or(YearKind::read(&doc.info.title))
            .or(YearKind::read(first_budget_named(&strip_markup(
                first_line,
            ))))
            .or(head_context.unwrap_or_default())
            .or(named_file)
            .or(opening_year);
        // Minutes or a letter whose head names no budget (`令和７年９月定例会`): the first line
        // anywhere naming a budget's year and kind (the agenda's `令和７年度…補正予算（第３号）`).
        let document_context = if document_context.year.is_some() {
            document_context
        } else {
            doc.lines
                .iter()
                .map(|l| YearKind::read(&strip_markup(l)))
                .find(|named| named.year.is_some() && named.kind.is_some())
                .map_or(document_context, |named| document_context.or(named))
        };
        let plain: Vec<String> = doc.lines.iter().map(strip_markup).collect();
        let plain: Vec<&str> = plain.iter().map(String::as_str).collect();
        let indicator_tables: Vec<IndicatorTable> = indicator_tables(&plain)
            .into_iter()
            .chain(labelled_blocks(&plain))
            .collect();
        let mut indicator_rows = vec![false; doc.lines.len()];
        for line in indicator_tables.iter().flat_map(|t| &t.lines) {
            if let Some(row) = indicator_rows.get_mut(*line) {
                *row = true;
            }
        }
        Reader {
            c: Collector::new(doc),
            outline: Outline::default(),
            open: Vec::new(),
            document_context,
            title_kinds,
            band_kind: None,
            band_revenue: false,
            table_band: None,
            revenue_table: false,
            column_revenue: Vec::new(),
            row_revenue: false,
            legend: Vec::new(),
            tag_legend: Vec::new(),
            unit: None,
            columns: None,
            header_line: 0,
            header_top: 0,
            header_words: Vec::new(),
            section: None,
            notes_last: false,
            layout: None,
            plan_waiting: None,
            owners: Vec::new(),
            lettered_points: BTreeMap::new(),
            indicator_tables,
            indicator_rows,
            noted: BTreeMap::new(),
            sheet: None,
            sheet_level_line: None,
            kind_rows: false,
            column_kinds: Vec::new(),
            year_column: None,
            value_rows: false,
            unit_column: None,
            name_column: None,
            table_depth: 0,
            spanned_group: None,
            column_offsets: Vec::new(),
            column_names_year: Vec::new(),
            column_pairs: Vec::new(),
            column_bills: Vec::new(),
            long_table: None,
            read_through: 0,
            lone_figure_line: None,
            band_section: None,
            unit_line: 0,
            column_marks: Vec::new(),
            running_head: running_head(&doc.lines),
            page_furniture: crate::extract::recognise::pages::page_furniture(doc.lines.iter()),
            topic: None,
        }
    }

    /// Whether line `number` repeats the document's first line as a page's running head
    /// (`地域基盤整備省 | 令和８年度補正予算（第１号）` atop every page of a PDF).
    fn repeats_running_head(&self, number: usize) -> bool {
        self.running_head
            .is_some_and(|(first, head)| number > first && self.line(number).trim() == head)
    }

    /// The year and kind in force: the innermost item's, else the document's.
    fn context(&self) -> YearKind {
        self.open
            .last()
            .map(|item| item.year_kind)
            .unwrap_or(self.top_context())
    }

    /// The year and kind of items under no other: the document's, with the kind a band
    /// over them names.
    fn top_context(&self) -> YearKind {
        YearKind {
            kind: self.band_kind.or(self.document_context.kind),
            ..self.document_context
        }
    }

    /// Line `number` as the reader reads it: a line of a card drawn as a box of one column
    /// (`│　事業費　42,600千円（前年度　―）　│`) without its side bars, as a slice of the line
    /// so that quotes still stand in it.
    fn line(&self, number: usize) -> &'a str {
        card_line_text(self.c.line(number))
    }

    fn current(&self) -> Option<&Item> {
        self.open.last()
    }

    /// The item the indicators read now measure: the innermost open item that is not only a
    /// section of indicators (`指標の状況`, `数値目標`, `重要業績評価指標（KPI）`).
    fn measured_item(&self) -> Option<String> {
        self.open
            .iter()
            .rev()
            .find(|item| !is_indicator_section(&item.name))
            .map(|item| item.id.clone())
    }

    fn read_line(&mut self, number: usize) {
        let plain = strip_tags_keep_len(self.line(number)).replace("**", "  ");
        let plain = if plain.contains("](") {
            strip_markup(&plain)
        } else {
            plain
        };
        let raw = plain.as_str();
        if raw.trim().is_empty()
            || number <= self.read_through
            || self
                .indicator_rows
                .get(number - 1)
                .copied()
                .unwrap_or(false)
            || is_page_number(raw)
            || self.repeats_running_head(number)
            || self.is_page_furniture(number)
        {
            return;
        }
        self.row_revenue = false;
        if names_spending(raw) {
            // `【歳入】` … `２　歳出`: the band's revenue ends where spending is named.
            self.band_revenue = false;
        }
        if let Some(word) =
            lone_word(raw).filter(|word| names_spending(word) || names_revenue(word))
            && self.columns.is_some()
        {
            self.table_band = Some(word.to_string());
        }
        if indicator_line(raw).is_some() {
            // An indicator line (`【指標】…　目標：…`) is no item, and its values no budget.
            self.indicator(number, raw);
            return;
        }
        // `1．特定健康診査受診率　現状値 38.6%（令和5年度）　→　目標値 60.0%（令和11年度）`:
        // a numbered indicator with its value now and its target, no item.
        if let Some(found) = numbered(raw)
            && found.title.contains(['→', '⇒'])
            && target_statement(found.title).is_some_and(|statement| {
                statement.values.target.is_some() && statement.due.is_some()
            })
        {
            self.target_in_text(number, found.title);
            return;
        }
        // `（１）…に参加する医療機関数` over `基準値：１，２００施設（令和５年度）`, `目標値：…`,
        // `目標年度：…`, or `◆…の導入件数` over `目標：累計68,000件（令和12年度）　基準：…`:
        // a numbered or bulleted item whose values are labelled under it is an indicator.
        if let Some(found) = numbered(raw)
            && self
                .lines_after(number)
                .find(|line| !line.trim().is_empty())
                .is_some_and(|line| labels_target_or_baseline(&strip_markup(line)))
        {
            self.indicator(number, found.title);
            return;
        }
        if let Some((name_last, name)) = self.name_over_labels(number) {
            self.indicator_named_over(number, name_last, &name);
            return;
        }
        if self.decision_line(number, raw)
            || self.stacked_fields(number)
            || self.header_around_funding(number)
        {
            return;
        }
        if self.long_row(number, raw) {
            return;
        }
        if let Some(table) = long::LongTable::of_header(raw) {
            self.long_table = Some(table);
            self.columns = None;
            self.layout = None;
            return;
        }
        if is_notice_number(raw) {
            // `東雲町告示第四十二号`, `議案第１５号`: one of several notices or bills, under
            // none of the headings before it, of the budget its first lines name.
            self.open.clear();
            self.outline = Outline::default();
            self.columns = None;
            self.layout = None;
            self.band_kind = None;
            let named = self
                .lines_after(number)
                .take(NOTICE_HEAD_LINES)
                .map(|l| YearKind::read(&strip_markup(l)))
                .find(|named| named.year.is_some() && named.kind.is_some());
            if let Some(named) = named {
                self.document_context = named;
            }
            return;
        }
        if is_attachment_mark(raw) {
            // `（別紙）`: an attachment, under none of the headings before it.
            self.open.clear();
            self.outline = Outline::default();
            self.columns = None;
            self.layout = None;
            return;
        }
        if self.columns.is_none() && is_band(raw) && find_amounts(raw).is_empty() {
            // `【財政投融資】` over items: a section of the kind it names, under none of the
            // headings before it. A band naming no kind (`【総括表】`) ends such a section.
            let kind = BudgetKind::detect(raw);
            if kind.is_some() {
                self.open.clear();
                self.outline = Outline::default();
            }
            // `〔数値目標〕` after `〔施策の方向〕`'s items and `〔主な事業〕`'s bullets: a section
            // of the heading above, as the band before it was; what opened under that band
            // closes.
            if let Some((open, innermost)) = self.band_section.take()
                && self.open.len() >= open
                && open
                    .checked_sub(1)
                    .and_then(|at| self.open.get(at))
                    .map(|item| &item.id)
                    == innermost.as_ref()
            {
                self.open.truncate(open);
            }
            self.open.retain(|item| item.role != Role::Bullet);
            self.band_section = Some((
                self.open.len(),
                self.open.last().map(|item| item.id.clone()),
            ));
            self.band_kind = kind;
            self.band_revenue = names_revenue(raw);
        }
        // `（　）内は令和7年度予算額。単位：百万円。`: a legend, maybe with the unit.
        let legend = read_legend(raw);
        let tag_legend = read_tag_legend(raw);
        let is_legend = !legend.is_empty() || !tag_legend.is_empty();
        for (bracket, words) in legend {
            self.legend.retain(|(known, _)| *known != bracket);
            self.legend.push((bracket, words));
        }
        for (tag, words) in tag_legend {
            self.tag_legend.retain(|(known, _)| *known != tag);
            self.tag_legend.push((tag, words));
        }
        if let Some(unit) = unit_declared(raw) {
            self.unit = Some(unit);
            self.unit_line = number;
            // `□ 事業費の推移（単位：万円）` in a project sheet: a section of the sheet too;
            // `２　一般会計の主な歳入（単位：千円）`: a section of revenue.
            let section = numbered(raw).is_some() && (self.sheet.is_some() || names_revenue(raw));
            if find_amounts(raw).is_empty() && cells(raw).len() < 2 && !section {
                return;
            }
        }
        if is_legend {
            return;
        }
        if self.note_line(number, raw) {
            return;
        }
        if self.description_line(number, raw) {
            return;
        }
        if self.grid_notes_row(raw) {
            return;
        }
        let row = with_total_joined(with_headings_apart(self.row_cells(raw)));
        // A header with a column of its own for the numbers (`款 | 区分 | …`) keeps them apart.
        let number_column = self
            .columns
            .as_ref()
            .is_some_and(|columns| tables::leading_label_columns(columns) >= 2);
        let row = if number_column {
            row
        } else {
            with_numbering_joined(raw, row)
        };
        let row = with_spaced_label_joined(raw, row);
        let row = self.with_figure_apart(raw, row);
        let row = self.with_header_words_apart(number, row);
        if self.name_field(number, &row) {
            return;
        }
        if self.columns.is_some()
            && let Some(unit) = unit_row(&cells(raw))
        {
            self.unit = Some(unit);
            return;
        }
        if let Some(columns) =
            spaced_header(raw, &row, self.context()).filter(|_| self.table_row_follows(number))
        {
            self.start_table(number, columns);
            self.layout = None;
            self.unit = self.table_unit(number);
            return;
        }
        if self.laid_out_header_line(number, raw, &row) {
            return;
        }
        // A grid's second header row, cell under cell of the first (an HTML table's header
        // of two rows), is read as a header on two rows, never as a header wrapped by a PDF.
        let grid_under_header = self.columns.is_some()
            && self.header_line + 1 == number
            && tab_cells(raw)
                .zip(tab_cells(&strip_markup(self.line(self.header_line))))
                .is_some_and(|(lower, upper)| {
                    lower.len() == upper.len() && lower.len() > row.len()
                });
        if self.row_adding_columns(number, &row) {
            return;
        }
        if let Some((columns, notes_last, top)) = self
            .three_line_header(number, &row)
            .or_else(|| Some((self.wrapped_header(number, &row)?, false, number)))
            .filter(|_| !grid_under_header)
        {
            self.start_table(number, columns);
            self.header_top = top;
            self.notes_last = notes_last;
            self.layout = None;
            self.unit = self.table_unit(number);
            return;
        }
        if self.marks_row(number, &row) || self.figure_pairs(number, raw, &row) {
            return;
        }
        // `自然公園局 | 自然公園局 | …` between a table's rows: a group's name spanning every
        // column, no header of a table of its own.
        let spanning_group = self.columns.is_some()
            && row.len() >= MIN_SPANNING_GROUP_CELLS
            && row
                .iter()
                .all(|cell| without_spaces(cell) == without_spaces(row[0]));
        if spanning_group {
            self.enter_spanning_group(number, row[0]);
            return;
        }
        if row.len() >= 2 {
            // A grid's second header row may name no budget column of its own (`款 | | |
            // 比較増減 | 国庫支出金 | …` under `款 | 令和8年度 予算額 | …`): it is read with the
            // row above.
            let own = header_columns(&row, self.header_context(number));
            // `（A） | （B） | 増減額（A）－（B） | 増減率`: marks under the upper row's figure
            // words, words of comparison under its last.
            let marks_and_words = row.iter().any(|cell| is_marks_cell(cell))
                && row
                    .iter()
                    .any(|cell| !is_marks_cell(cell) && cell.chars().any(char::is_alphabetic))
                && row
                    .iter()
                    .all(|cell| is_marks_cell(cell) || is_column_word(cell));
            let stacked = (own.is_some() || grid_under_header || marks_and_words)
                .then(|| self.stacked_header(number, &row))
                .flatten();
            let header_top = match stacked {
                Some(_) => self.header_top,
                None => number,
            };
            // Stacked over a grid's row, the words stand one over each of its cells, and so
            // they do under a grid row of as many cells with none empty (an HTML table's
            // header whose spanning cells are copied into each column they span).
            let full_grid_under_header = self.columns.is_some()
                && self.header_line + 1 == number
                && tab_cells(raw)
                    .zip(tab_cells(&strip_markup(self.line(self.header_line))))
                    .is_some_and(|(lower, upper)| lower.len() == upper.len());
            let grid_words = stacked.is_some() && (grid_under_header || full_grid_under_header);
            let header = stacked.or_else(|| {
                let columns = with_naming_first_cell(&row, own?);
                Some((
                    row.iter().map(|cell| cell.to_string()).collect(),
                    self.with_year_word_above(number, &row, columns),
                ))
            });
            if let Some((words, columns)) = header {
                // The breakdown's head may stand on either of the header's lines above
                // (`本年度の財源内訳　節` over `本年度　前年度　特定財源` over this one).
                let above: Vec<&str> = (1..number)
                    .rev()
                    .map(|n| self.line(n))
                    .filter(|line| !line.trim().is_empty() && !is_rule_line(line))
                    .take(BREAKDOWN_HEAD_LINES_ABOVE)
                    .collect();
                self.layout = TableLayout::of_header(raw, &row, columns.len()).map(|layout| {
                    above
                        .iter()
                        .fold(layout, |layout, line| layout.with_breakdown_above(line))
                });
                let labelled = self.with_label_column_left_out(number, columns.clone());
                if labelled.len() > columns.len() {
                    self.layout = self.layout.take().map(TableLayout::with_label_column);
                }
                let columns = match &self.layout {
                    Some(layout) => layout.without_breakdown(labelled),
                    None => labelled,
                };
                let (columns, bills) = with_bills_apart(&words, columns);
                // The header's cells are its columns, maybe after a label column it left
                // without a word.
                let left_out = columns.len().checked_sub(row.len()).filter(|n| *n <= 1);
                let context = self.header_context(number);
                self.start_table(number, columns);
                self.header_top = header_top;
                if grid_words {
                    self.header_words = words;
                }
                self.column_bills = bills;
                // A cell naming another figure in parentheses after its own (`要求額（前年度予算
                // 額）`) gives the column its own figure's kind and year.
                self.column_kinds = per_column(&row, left_out, |cell| {
                    YearKind::read(&own_figure_label(cell)).kind
                });
                self.column_marks = per_column(&row, left_out, column_marks);
                self.column_revenue = per_column(&row, left_out, names_revenue);
                self.column_pairs =
                    per_column(&row, left_out, |cell| paired_year_kind(cell, context));
                self.column_offsets = per_column(&row, left_out, |cell| {
                    relative_year(&without_spaces(&own_figure_label(cell)))
                });
                self.column_names_year = per_column(&row, left_out, |cell| {
                    YearKind::read(&own_figure_label(cell)).year.is_some()
                });
                self.year_column = column_named(&row, left_out, names_years);
                self.value_rows = column_named(&row, left_out, names_values).is_some();
                self.unit_column = column_named(&row, left_out, names_units);
                // The last such column is the most specific (`施策名 | 事務事業名`).
                let names_projects = |cell: &str| {
                    let word = without_spaces(cell);
                    NAME_FIELDS.contains(&word.as_str()) || word == BODY_NAME_FIELD
                };
                self.name_column = column_named(&row, left_out, names_projects);
                if self.caption_names_no_budget() {
                    // 第２表　継続費, 第３表　債務負担行為: its 総額 and 年割額 are no budgets.
                    self.columns = Some(vec![Column::Other; row.len()]);
                    return;
                }
                self.unit = self.table_unit(number);
                return;
            }
            self.aligned_header(number, raw, &row);
            if self.table_row(number, raw, &row) {
                return;
            }
            if self.sub_header(number, raw, &row) {
                return;
            }
            // A band's lone word (`収入`, `支出`) may stand between the header and its rows.
            let cells_follow = || {
                let mut after = self.lines_after(number).map(strip_markup);
                let first = after.next().unwrap_or_default();
                let row = if lone_word(&first).is_some() {
                    after.next().unwrap_or_default()
                } else {
                    first
                };
                cells(&row).len() >= 2
            };
            if let Some(columns) =
                plain_header_columns(&row, self.context()).filter(|_| cells_follow())
            {
                // A table of something other than budgets (起債の目的 | 限度額 | 利率): the
                // table before has ended, and this one's rows are no budgets, unless its
                // columns name accounts.
                self.start_table(number, columns);
                self.layout = None;
                self.unit = self.table_unit(number);
                return;
            }
        }
        if self.lone_notes_cell(number, raw, &row) || self.lone_figure_of_item(number, &row) {
            return;
        }
        if is_figure_note(raw) {
            // `（令和６年度当初予算額　４２５億円）` under a row: another figure of that row;
            // under a name on its own line, a figure of that name.
            if let Some((line, name, written)) = self.name_above(number) {
                let source = self.c.source(line, &written);
                self.open_sub_item(name, source);
            }
            self.text_line(number, raw);
            return;
        }
        self.open
            .retain(|item| matches!(item.role, Role::Heading | Role::Bullet));
        let found = numbered(raw)
            .or_else(|| {
                bold_item(self.line(number), raw).filter(|_| !self.opens_field_list(number))
            })
            .or_else(|| tagged_item(raw))
            .or_else(|| self.card_title(number, raw));
        // A heading of a level the table stands under (`Ⅲ …` after the rows of a table
        // under `Ⅱ …`).
        let encloses_table = found
            .as_ref()
            .is_some_and(|found| self.outline.closes_within(found.style, self.table_depth));
        let bullet_line = found.as_ref().is_some_and(|found| found.style.is_bullet());
        if let Some(found) = found
            && self.item_line(number, raw, &found)
        {
            // A heading over rows of the table being read (`１．持続可能な観光地域づくり`
            // between rows, maybe over the first line of a row's wrapped name) groups them;
            // any other item ends the table. A rule drawn under the heading parts it from no
            // row.
            let next: Vec<&str> = self
                .lines_after(number)
                .filter(|line| !is_rule_line(line))
                .take(2)
                .collect();
            // A PDF's text may set a row's figure on a line of its own under its name.
            let row_follows = match next.as_slice() {
                [line, ..] if is_table_line(line) || parse_number(line.trim()).is_some() => true,
                [line, then] => {
                    (is_name_line(line) || names_row_group(line)) && is_table_line(then)
                }
                _ => false,
            };
            // A heading of a level the table stands under groups rows only when a row of
            // the table's width follows (a PDF's text may merge or drop a cell); any other
            // heading when a row of half its width or more follows (not `・放課後児童健全育成
            // 事業　412,580` in the notes under a table of eight columns).
            let width = self.columns.as_ref().map_or(0, Vec::len);
            // A row's figure a PDF's text sets on a line of its own fits any table.
            let row_width = next
                .iter()
                .find(|line| is_table_line(line))
                .map(|line| cells(&strip_markup(line)).len());
            // A line of figures the table's rows did not take (`４目　国民年金費　48,765 …`)
            // is read as rows are.
            let holds_figures = cells(found.title)
                .iter()
                .any(|cell| tables::is_whole_amount(cell));
            // In a table laid out with spaces, a row standing under the header's columns
            // fits it.
            let laid_out_row = next
                .iter()
                .find(|line| is_table_line(line))
                .is_some_and(|line| self.fits_layout(line));
            let fits = match row_width {
                _ if laid_out_row => true,
                Some(row_width) if encloses_table => row_width.abs_diff(width) <= 1,
                Some(row_width) => holds_figures || 2 * row_width >= width,
                None => true,
            };
            let groups_rows = inline_figures(found.title).is_empty() && row_follows && fits;
            if !groups_rows {
                self.columns = None;
                self.layout = None;
            }
            return;
        }
        // A bullet's sentence under a bullet item (`- 令和７年度補正予算（12,000百万円）と
        // 合わせ…。`) and a line of its description indented under it go on with it; any
        // other line closes it.
        let indented = raw.starts_with([' ', '\u{3000}', '\t']);
        if !bullet_line && !indented {
            self.open.retain(|item| item.role != Role::Bullet);
        }
        self.text_line(number, raw);
    }
}

/// The side bar of a box drawn around a card's lines.
const CARD_BAR: char = '│';

/// The text of a line of a card drawn as a box of one column, between its two side bars
/// (`│　事業費　42,600千円　│` → `事業費　42,600千円`); any other line as it is.
fn card_line_text(line: &str) -> &str {
    let trimmed = line.trim();
    let inner = trimmed
        .strip_prefix(CARD_BAR)
        .and_then(|rest| rest.strip_suffix(CARD_BAR))
        .filter(|inner| !inner.contains(CARD_BAR));
    match inner {
        Some(inner) => inner.trim(),
        None => line,
    }
}

/// Fewest cells of a row repeating one group's name across a table (a cell spanning every
/// column, as an HTML table's text gives it).
const MIN_SPANNING_GROUP_CELLS: usize = 3;

/// Whether the rest of a sentence after an amount (`を計上いたしました。…`) says the amount
/// is allocated, up to the sentence's end.
fn allocates(rest: &str) -> bool {
    rest.split('。')
        .next()
        .is_some_and(|sentence| ALLOCATIONS.iter().any(|verb| sentence.contains(verb)))
}

/// Cells with the headings of two or more years one space apart in one cell
/// (`令和６年度当初予算額 令和６年度補正予算額`, as a PDF's layout may set them) cut into one
/// cell per heading.
fn with_headings_apart(row: Vec<&str>) -> Vec<&str> {
    // `伸び率 （％）`: a unit in brackets after a heading is that heading's, none of its own.
    let names_a_year = |part: &str| {
        let short_column = part.chars().count() <= SPACED_HEADER_WORD_CHARS && is_column_word(part);
        (YearKind::read(part).year.is_some() || short_column)
            && !part.contains(['。', '、'])
            && !part.starts_with(['（', '('])
    };
    // `令和８年度 予算額（案）`, `対前年度 増減額`, `対前年度 倍率`: a year's words and the
    // words of the same column, or of the comparison they qualify, after them, one heading.
    let compares = |word: &str| matches!(word_column(word), Column::Change(_) | Column::Rate);
    let one_heading = |parts: &[&str]| {
        parts.windows(2).any(|pair| {
            let names_no_year = YearKind::read(pair[1]).year.is_none()
                && relative_year(pair[1]) == 0
                && !pair[1].contains("本年度");
            let same = std::mem::discriminant(&word_column(pair[0]))
                == std::mem::discriminant(&word_column(pair[1]))
                || (compares(pair[0]) && compares(pair[1]));
            pair[0].ends_with("年度") && names_no_year && same
        })
    };
    if row.iter().any(|cell| tables::is_whole_amount(cell)) {
        // A row of figures: its notes (`助成率 最大75%`) are one cell.
        return row;
    }
    let width = row.len();
    let mut apart = Vec::with_capacity(row.len());
    for cell in row {
        let parts: Vec<&str> = cell.split_whitespace().collect();
        // `令和8年度要求　主な増減理由`: the heading of a column of notes may close a header's
        // cell (not a title's, `令和７年度　９月補正予算（案）の概要`, a line of its own).
        let headings = match parts.split_last() {
            Some((last, before))
                if !before.is_empty()
                    && width >= 2
                    && last.chars().count() <= MAX_NOTES_HEADING_CHARS
                    && names_notes(last) =>
            {
                before
            }
            _ => parts.as_slice(),
        };
        if parts.len() >= 2
            && headings.iter().all(|part| names_a_year(part))
            && !one_heading(&parts)
        {
            apart.extend(parts);
        } else {
            apart.push(cell);
        }
    }
    apart
}

/// An item's name as written on its line: cleaned, without the status marks beside it
/// (`【新規】`, `【拡充】`) and the `うち` that says it is part of the item above.
fn item_name(written: &str) -> String {
    let name = clean_name(written);
    let name = without_status_marks(&name);
    let name = name
        .strip_prefix("うち")
        .filter(|rest| rest.chars().count() >= 2)
        .unwrap_or(name);
    name.to_string()
}

/// Whether an item's name says nothing but that it is the total of a budget (`予算の総額`,
/// `補正予算の規模`, `歳入歳出予算の総額`).
fn names_only_a_total(name: &str) -> bool {
    let rest = ["歳入歳出", "予算", "補正", "当初", "の"]
        .iter()
        .fold(without_spaces(name), |rest, word| rest.replace(word, ""));
    TOTAL_WORDS.contains(&rest.as_str())
}

/// Words naming the whole of a budget.
const TOTAL_WORDS: [&str; 3] = ["総額", "規模", "総括"];

/// The year and kind an item's figures have: those its name states, else those in force
/// above it, or the kind the title gives the year it names. A plain 予算 in a name
/// (`中小企業関係予算`) says no more than that it is a budget, so it gives way to the kind in
/// force (a supplementary overview's).
fn item_year_kind(name: &str, inherited: YearKind, title_kinds: &[YearKind]) -> YearKind {
    // A heading naming two budgets (`令和8年度予算（案）及び令和7年度補正予算の主要事項`).
    let name = match crate::money::find_fiscal_years(name).len() {
        0 | 1 => name,
        _ => first_budget_named(name),
    };
    let named = YearKind::read(name);
    // The kind in force is its year's: a name naming only another year, whose kind the
    // title names (`令和８年度　主要事業` in `令和８年度当初予算・令和７年度３月補正予算の
    // 概要`), takes that one.
    let title_kind = named
        .year
        .filter(|year| inherited.year.is_some_and(|inherited| inherited != *year))
        .and_then(|year| {
            title_kinds
                .iter()
                .find(|named| named.year == Some(year))
                .and_then(|named| named.kind)
        });
    // `第２　令和８年度〇〇市一般会計予算` after `第１　令和７年度…補正予算`: a plain 予算 of
    // a year other than the one in force is that year's own budget, not the kind in force.
    let own_year_budget = named
        .year
        .filter(|year| inherited.year.is_some_and(|inherited| inherited != *year))
        .and(named.kind);
    YearKind {
        year: named.year.or(inherited.year),
        kind: BudgetKind::detect(name)
            .or(title_kind)
            .or(own_year_budget)
            .or(inherited.kind)
            .or(named.kind),
    }
}

/// The part of a title or heading naming two budgets (`令和８年度当初予算案及び令和７年度３月
/// 補正予算案について`, `令和８年度当初予算案（２月補正予算と一体編成）`) that names the
/// first: such a text speaks first of the one it names first, and of another in an aside.
/// The whole text when it joins no two.
fn first_budget_named(text: &str) -> &str {
    let joined = ["及び", "並びに"]
        .iter()
        .filter_map(|joint| text.find(joint))
        .min()
        .map_or(text, |at| &text[..at]);
    let before_aside = joined.find(['（', '(']).map_or(joined, |at| &joined[..at]);
    let named = YearKind::read(before_aside);
    if named.year.is_some() && named.kind.is_some() {
        before_aside
    } else {
        joined
    }
}

/// The unit a short note under a table gives (`（注1）単位：百万円。`), or a note that opens
/// with it, however long (`金額の単位：千円（「その他」は…）`, `（単位：百万円。百万円未満を
/// 四捨五入…）`).
fn unit_note(line: &str) -> Option<&'static str> {
    if let Some(opening) = UNIT_NOTE_OPENING.find(line.trim()) {
        return unit_declared(opening.as_str());
    }
    (line.contains("単位") && line.chars().count() <= UNIT_NOTE_CHARS)
        .then(|| unit_declared(line))
        .flatten()
}

/// A note opening with a table's unit: `単位：千円` after a bracket, a note's mark (`（注）`,
/// `※`) or a word of what it measures (`金額の`), the unit ended by punctuation or a bracket.
static UNIT_NOTE_OPENING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[（(]?注\d*[）)：:]\s*|※\s*)?[（(]?(?:[^\s（(）)：:。]{1,4}の)?単位\s*[:：]\s*(?:千円|百万円|億円|万円|円)(?:[。、，,（(）)]|$)")
        .expect("unit note opening")
});

/// The number a caption gives its table or figure (`図表Ⅳ－２－２－１`, `表３`, `第２表`),
/// before the caption's title.
static EXHIBIT_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:(?:図表|図|表|資料)\s*[0-9０-９Ⅰ-Ⅻ]+(?:\s*[-－‐ー―・.．]\s*[0-9０-９]+)*|第[0-9０-９一二三四五六七八九十]+表)[\s　]+")
        .expect("exhibit number")
});

/// The title of a caption that numbers its table or figure (`図表Ⅳ－２－２－１　防衛関係費の
/// 内訳（当初予算）` → `防衛関係費の内訳`); `None` for a line without such a number.
/// A parenthesis naming only the kind of the figures (`（当初予算）`) is none of the title.
fn exhibit_title(line: &str) -> Option<&str> {
    let number = EXHIBIT_NUMBER.find(line)?;
    let title = line[number.end()..].trim();
    let title = match split_trailing_parenthesis(title) {
        (name, inner) if !inner.is_empty() && is_figure_label(inner) => name.trim(),
        _ => title,
    };
    Some(title).filter(|title| !title.is_empty())
}

/// Longest note under a table read for its unit, in chars.
const UNIT_NOTE_CHARS: usize = 40;

/// A line written wholly in bold (`**地域脱炭素推進交付金**`), read as an item heading under
/// the heading above it: `source` is the line as written, `plain` the same line with the
/// markup blanked out.
fn bold_item<'p>(source: &str, plain: &'p str) -> Option<Numbered<'p>> {
    let inner = source.trim().strip_prefix("**")?.strip_suffix("**")?;
    let title = plain.trim();
    let short = (2..=MAX_ITEM_NAME_CHARS).contains(&title.chars().count());
    if inner.contains("**") || !short || title.contains('。') || is_field_term(title) {
        return None;
    }
    Some(Numbered {
        style: Style::Square('■'),
        title,
        title_start: plain.len() - plain.trim_start().len(),
        marker: "",
    })
}

impl Reader<'_> {
    /// A name on a line of its own over a term in bold naming a field of its figures
    /// (`一般会計` over `**令和8年度**` over `68,450,000千円`, as a card sets its title over
    /// a description list), read as an item heading.
    fn card_title<'p>(&self, number: usize, plain: &'p str) -> Option<Numbered<'p>> {
        let title = without_status_badge(plain.trim());
        let name_like = (2..=MAX_ITEM_NAME_CHARS).contains(&title.chars().count())
            && !title.contains(['。', '、', '*'])
            && find_amounts(title).is_empty()
            && !is_field_term(title);
        if !name_like {
            return None;
        }
        // The card's description may stand between its title and its list (`通院医療費の
        // 助成対象を…拡大します。`).
        let over_field_list = self
            .nonempty_lines_after(number)
            .enumerate()
            .find(|(_, line)| !self.line(*line).trim_end().ends_with('。'))
            .is_some_and(|(at, line)| {
                at <= MAX_CARD_DESCRIPTION_LINES && self.opens_field_list(line)
            });
        // (`**担当課**` over `こども家庭課`: a field's value under its term names no item.)
        let under_term = self
            .nonempty_line_above(number)
            .is_some_and(|above| bold_term(self.line(above)).is_some());
        (over_field_list && !under_term).then(|| Numbered {
            style: Style::Square('■'),
            title,
            title_start: plain.len() - plain.trim_start().len(),
            marker: "",
        })
    }

    /// Whether line `number` is a term in bold that opens a list of the fields of an item's
    /// figures: a field term itself (`**令和8年度**`), or a term over its value over a field
    /// term (`**担当課**` over `こども家庭課` over `**令和8年度**`).
    fn opens_field_list(&self, number: usize) -> bool {
        let Some(term) = bold_term(self.line(number)) else {
            return false;
        };
        if is_field_term(term) {
            return true;
        }
        let mut after = self.lines_after(number);
        after
            .next()
            .filter(|value| bold_term(value).is_none() && !value.trim_end().ends_with('。'))
            .and_then(|_| after.next())
            .and_then(bold_term)
            .is_some_and(is_field_term)
    }

    /// The numbers of the lines after `number` that are not blank.
    fn nonempty_lines_after(&self, number: usize) -> impl Iterator<Item = usize> + '_ {
        (number + 1..=self.c.doc.lines.len()).filter(|n| !self.line(*n).trim().is_empty())
    }
}

/// The words of a line written wholly in bold (`**令和8年度**` → `令和8年度`).
fn bold_term(line: &str) -> Option<&str> {
    let term = line.trim().strip_prefix("**")?.strip_suffix("**")?;
    (!term.contains("**")).then(|| term.trim())
}

/// Most lines of a card's description between its title and its list of fields.
const MAX_CARD_DESCRIPTION_LINES: usize = 2;

/// Most chars of a mark in square brackets before an item's name (`【新】`, `【拡充】`).
const MAX_TAG_CHARS: usize = 4;

/// A line naming an item after a short mark in square brackets (`【新】子育て世帯住宅取得支援
/// 事業　（まちづくり推進課）`), read as a bulleted item: a name, no sentence and no figure.
fn tagged_item(plain: &str) -> Option<Numbered<'_>> {
    let trimmed = plain.trim_start();
    let inner = trimmed.strip_prefix('【')?;
    let (tag, _) = inner.split_once('】')?;
    let title = without_leading_tag(trimmed).trim_end();
    let short_tag = (1..=MAX_TAG_CHARS).contains(&tag.chars().count());
    let name_like = (2..=MAX_ITEM_NAME_CHARS).contains(&title.chars().count())
        && !title.contains(['。', '、', '【', '】'])
        && find_amounts(title).is_empty()
        && !is_field_term(title);
    (short_tag && name_like).then(|| Numbered {
        style: Style::Square('■'),
        title,
        title_start: plain.trim_end().len() - title.len(),
        marker: "",
    })
}

/// The columns of a header whose first cell names the table's figures and their unit over
/// no column of its own (`予算額（単位：千円） | 本年度 | 前年度 | 比較`): that cell stands
/// over the rows' labels, if they have any.
fn with_naming_first_cell(row: &[&str], mut columns: Vec<Column>) -> Vec<Column> {
    let names_the_table = row.first().is_some_and(|cell| {
        let bare = split_trailing_parenthesis(cell).0;
        unit_declared(cell).is_some()
            && is_figure_label(bare)
            && YearKind::read(bare).year.is_none()
    });
    let figures_after = columns
        .iter()
        .skip(1)
        .filter(|c| matches!(c, Column::Figure(..)))
        .count();
    if names_the_table && figures_after >= 2 {
        columns[0] = Column::Label;
    }
    columns
}

/// A text without the tag in square brackets it starts with when a name follows the tag
/// (`【学ぶ】新しい図書館の建設` → `新しい図書館の建設`); a text that is only brackets as it is.
fn without_leading_tag(text: &str) -> &str {
    let trimmed = text.trim_start();
    let Some(open) = trimmed
        .chars()
        .next()
        .filter(|c| matches!(c, '【' | '［' | '['))
    else {
        return text;
    };
    let close = match open {
        '【' => '】',
        '［' => '］',
        _ => ']',
    };
    match trimmed.split_once(close) {
        Some((_, rest)) if rest.chars().any(char::is_alphabetic) => rest.trim_start(),
        _ => text,
    }
}

/// Whether a term names a field of the item it stands under, not an item (`予算額`,
/// `前年度比較`, `前年度比` over the value on the next line, as a description list sets them;
/// `令和8年度` over the item's figure of that year, as a card sets it).
fn is_field_term(term: &str) -> bool {
    is_figure_label(term)
        || tables::bare_year(term).is_some()
        || matches!(
            column_of(1, term, YearKind::default()),
            Column::Change(_) | Column::Rate
        )
        || without_spaces(term).ends_with('比')
}

/// Totals a table letter-spaces across a gap (`合　　計`), which cuts them into two cells.
const SPACED_TOTALS: [&str; 3] = ["合計", "総計", "小計"];

/// Whether a row's first cell is only its number and the second its name (`１ | 省エネ家電等
/// の買換え促進支援事業`, as a PDF's table sets them).
fn is_row_number(first: &str, second: &str) -> bool {
    first.chars().count() <= MAX_NUMBERING_CELL_CHARS
        && numbered(&format!("{first} {second}")).is_some_and(|n| !n.style.is_bullet())
        && second.chars().any(char::is_alphabetic)
        && year_cell(second).is_none()
}

/// A row whose first cell is only its number (`１ | 省エネ家電等の買換え促進支援事業 | ４２０．０`,
/// as a PDF's table sets it): the number and the name one label cell, as written in `raw`.
fn with_numbering_joined<'r>(raw: &'r str, mut row: Vec<&'r str>) -> Vec<&'r str> {
    let [first, second, _, ..] = row.as_slice() else {
        return row;
    };
    let joined = match (
        layout::byte_range(raw, first),
        layout::byte_range(raw, second),
    ) {
        (Some(number), Some(name)) if is_row_number(first, second) => {
            raw.get(number.start..name.end)
        }
        _ => None,
    };
    if let Some(joined) = joined {
        row.splice(0..2, [joined]);
    }
    row
}

/// A row whose numbered label sets its letters wide apart (`２　徴　　税　　費　　９８，３１０`,
/// cut into `２　徴 | 税 | 費 | ９８，３１０`): the label one cell, as written in `raw`.
fn with_spaced_label_joined<'r>(raw: &'r str, mut row: Vec<&'r str>) -> Vec<&'r str> {
    // The letters after the first, a cell left after them for the figures.
    let letters = (1..row.len().saturating_sub(1))
        .take_while(|index| is_letter_cell(row[*index]))
        .count();
    let numbered_letter = letters > 0
        && numbered(row[0])
            .is_some_and(|found| !found.style.is_bullet() && is_letter_cell(found.title));
    if !numbered_letter {
        return row;
    }
    let joined = match (
        layout::byte_range(raw, row[0]),
        layout::byte_range(raw, row[letters]),
    ) {
        (Some(start), Some(end)) => raw.get(start.start..end.end),
        _ => None,
    };
    if let Some(joined) = joined {
        row.splice(0..=letters, [joined]);
    }
    row
}

/// Whether a cell is one letter alone (`徴`, a name's letter set wide apart from the next).
fn is_letter_cell(cell: &str) -> bool {
    let mut chars = cell.trim().chars();
    chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none()
}

/// A row whose total label was cut into two one-character cells, with the label whole.
fn with_total_joined(mut row: Vec<&str>) -> Vec<&str> {
    if let [first, second, ..] = row.as_slice() {
        // `小　　計 ………`: the leader after the label is no part of it.
        let joined = format!("{first}{}", clean_name(second));
        if let Some(total) = SPACED_TOTALS.iter().find(|total| **total == joined) {
            row.splice(0..2, [*total]);
        }
    }
    row
}

/// Whether a line only gives a figure of the item above it, its label budget wording that
/// names a year or kind (`（令和６年度当初予算額　４２５億円）`, `前年度予算額：1,200百万円`).
fn is_figure_note(raw: &str) -> bool {
    let Some(first) = inline_figures(raw).first().map(|f| f.amount.start) else {
        return false;
    };
    figure_note_label(raw[..first].trim_end_matches(NAME_TAIL)).is_some()
}

/// Whether a line is blank or only draws a table's rule (`| --- | ---: |`, `――――`).
fn is_rule_line(line: &str) -> bool {
    line.chars().all(|c| {
        c.is_whitespace()
            || matches!(c, '|' | '-' | ':' | '+' | '=' | '―' | '─' | '━' | 'ー')
            || ('\u{2500}'..='\u{257F}').contains(&c)
    })
}

/// Whether a line names a group a budget book's rows stand in (`3款 民生費`, `1項 社会福祉
/// 費`).
fn names_row_group(line: &str) -> bool {
    row_group_title(line).is_some()
}

/// The name a line naming a budget book's group of rows gives it (`1項 社会福祉費` →
/// `社会福祉費`); `None` for any other line.
fn row_group_title(line: &str) -> Option<&str> {
    numbered(line)
        .filter(|found| matches!(found.style, Style::Dai(unit) if GROUPING_UNITS.contains(&unit)))
        .map(|found| found.title)
}

/// Whether a line belongs to a table: a Markdown rule or row, or cells with a number.
fn is_table_line(line: &str) -> bool {
    let trimmed = line.trim();
    trimmed.starts_with(CELL_BARS)
        || cells(trimmed).iter().skip(1).any(|cell| {
            parse_number(cell).is_some() || is_dash(cell.trim()) || tables::is_whole_amount(cell)
        })
}

/// A header whose cells one space apart are short words (`款 本年度 前年度 比較`): read as
/// one when the first names the rows and another holds figures.
fn spaced_header(raw: &str, row: &[&str], context: YearKind) -> Option<Vec<Column>> {
    if row.len() >= 2 {
        return None;
    }
    let words: Vec<&str> = raw.split_whitespace().collect();
    let short = words
        .iter()
        .all(|w| w.chars().count() <= SPACED_HEADER_WORD_CHARS);
    if !(3..=SPACED_HEADER_WORDS).contains(&words.len()) || !short {
        return None;
    }
    header_columns(&words, context).filter(|columns| columns.first() == Some(&Column::Label))
}

/// Words that say a negative amount compares two figures, not that a supplementary reduces
/// a budget.
const CHANGE_WORDS: [&str; 5] = ["増減", "比較", "前年", "差引", "対比"];

/// Longest cell that is only a row's number (`１０`, `Ⅲ`, `（10）`), in chars.
const MAX_NUMBERING_CELL_CHARS: usize = 4;

/// Most words of a header one space apart.
const SPACED_HEADER_WORDS: usize = 8;
/// Longest word of such a header, in chars.
const SPACED_HEADER_WORD_CHARS: usize = 12;

/// Most chars of the heading of a column of notes that closes a header's cell (`主な増減理由`).
const MAX_NOTES_HEADING_CHARS: usize = 8;

/// Words that mark the start of an attachment to a document (`（別紙）`, `別添２`).
const ATTACHMENT_WORDS: [&str; 3] = ["別紙", "別添", "参考資料"];

/// Lines under a notice's number that may name its budget.
const NOTICE_HEAD_LINES: usize = 4;

/// A notice's or a bill's number alone on its line (`東雲町告示第四十二号`, `議案第１５号`).
static NOTICE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[^\s、。（(]{0,20}?(?:告示|公告|議案|報告)第[0-9０-９〇一二三四五六七八九十百千]+号$",
    )
    .expect("notice number pattern")
});

/// Whether a line is a notice's or a bill's number alone.
fn is_notice_number(line: &str) -> bool {
    NOTICE_NUMBER.is_match(line.trim())
}

/// Whether a line only marks the start of an attachment: an attachment word, maybe numbered,
/// maybe in brackets.
fn is_attachment_mark(line: &str) -> bool {
    let bare = line.trim().trim_matches([
        '（', '）', '(', ')', '【', '】', '［', '］', '[', ']', '〔', '〕',
    ]);
    ATTACHMENT_WORDS.iter().any(|word| {
        bare.strip_prefix(word).is_some_and(|rest| {
            rest.trim()
                .chars()
                .all(|c| c.is_numeric() || c == '－' || c == '-')
        })
    })
}

/// The columns of a header, and which supplementary each holds, read from the header's
/// `words` (aligned with the right of `columns`): where two or more figure columns of one
/// year and kind name different supplementaries (`第1号(B) | 第2号(C)`), each is a budget of
/// its own, and a column of that year and kind naming none (`補正額計(D)`) is their sum, no
/// budget. A column naming the only supplementary of its year keeps no number.
fn with_bills_apart(
    words: &[String],
    mut columns: Vec<Column>,
) -> (Vec<Column>, Vec<Option<String>>) {
    let offset = columns.len().saturating_sub(words.len());
    let named: Vec<Option<String>> = columns
        .iter()
        .enumerate()
        .map(|(index, column)| match column {
            Column::Figure(year_kind, _) if year_kind.kind == Some(BudgetKind::Supplementary) => {
                let word = words.get(index.checked_sub(offset)?)?;
                supplementary_ordinal(word)
            }
            _ => None,
        })
        .collect();
    let mut bills = vec![None; columns.len()];
    for index in 0..columns.len() {
        let Column::Figure(year_kind, _) = columns[index] else {
            continue;
        };
        let mut of_year: Vec<&String> = columns
            .iter()
            .zip(&named)
            .filter(|(column, _)| matches!(column, Column::Figure(other, _) if *other == year_kind))
            .filter_map(|(_, bill)| bill.as_ref())
            .collect();
        of_year.sort();
        of_year.dedup();
        if of_year.len() < 2 {
            continue;
        }
        match &named[index] {
            Some(bill) => bills[index] = Some(bill.clone()),
            None => columns[index] = Column::Other,
        }
    }
    (columns, bills)
}

/// Whether `line` holds column marks alone (`(A) | (A)+(D)`).
fn is_marks_line(line: &str) -> bool {
    let line = strip_markup(line);
    let row = cells(&line);
    !row.is_empty() && row.iter().all(|cell| is_marks_cell(cell))
}

/// Whether `line` is one run of words without figures or numbering: a part of a name a
/// table wraps over two lines.
fn is_name_line(line: &str) -> bool {
    let text = strip_markup(line);
    let text = text.trim();
    cells(text).len() == 1
        && text.chars().any(char::is_alphabetic)
        && !text.chars().any(char::is_numeric)
        && numbered(text).is_none()
        && !is_rule_line(text)
}

/// A line that may be part of a table row's name, folded and without the note mark it ends
/// with (`地域の相談体制の強化※1`: the name's mark is no figure); `None` for a line stating a
/// unit (`（単位：千円）`), which closes the table rather than naming a row.
fn row_name_words(line: &str) -> Option<String> {
    let folded = crate::normalize::nfkc(line.trim());
    let words = super::recognise::names::without_note_mark(&folded);
    unit_line(words)
        .or_else(|| unit_note(words))
        .is_none()
        .then(|| words.to_string())
}

/// Whether a text is one parenthesis (`（対前年度　+28,150）`, `（新規）`, `（Ａ）`).
fn is_parenthesised(text: &str) -> bool {
    text.starts_with(['（', '(']) && text.ends_with(['）', ')'])
}

/// Whether a cell holds figures and nothing else but their brackets and signs
/// (`２６０億円`, `（＋３８億円）`).
fn holds_figures_alone(cell: &str) -> bool {
    let amounts = find_amounts(cell);
    !amounts.is_empty()
        && amounts
            .iter()
            .rev()
            .fold(cell.to_string(), |mut rest, amount| {
                rest.replace_range(amount.start..amount.end, "");
                rest
            })
            .chars()
            .all(|c| !c.is_alphabetic())
}

/// `text` without what it sets in parentheses (`令和８年度予算（案）総額` → `令和８年度予算総額`).
fn without_parenthesised(text: &str) -> String {
    let mut depth = 0usize;
    let mut kept = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => kept.push(c),
            _ => {}
        }
    }
    kept
}

/// Whether the end of `text` stands inside a parenthesis it opens and does not close.
fn inside_parenthesis(text: &str) -> bool {
    unclosed_parentheses(text) > 0
}

/// Whether `text` ends inside a tag's brackets it opened (`…（385億円） 【R7補正 `).
fn inside_tag(text: &str) -> bool {
    text.rfind('【')
        .is_some_and(|open| !text[open..].contains('】'))
}

/// The parentheses `text` opens less those it closes (negative when it closes some opened
/// before it).
fn unclosed_parentheses(text: &str) -> isize {
    let opened = text.matches(['（', '(']).count();
    let closed = text.matches(['）', ')']).count();
    opened as isize - closed as isize
}

/// Splits `name（…）` into the name and the parenthesis' content.
fn split_trailing_parenthesis(text: &str) -> (&str, &str) {
    let trimmed = text.trim_end();
    let Some(inner) = trimmed
        .strip_suffix('）')
        .or_else(|| trimmed.strip_suffix(')'))
    else {
        return (text, "");
    };
    match inner.rfind(['（', '(']) {
        Some(open) if open > 0 => {
            let content_start = open + inner[open..].chars().next().map_or(1, char::len_utf8);
            (&inner[..open], &inner[content_start..])
        }
        _ => (text, ""),
    }
}

#[cfg(test)]
mod tests;
