//! The generic extractor for documents of kind `other`: a layout reader that decides only
//! *where* things are — headings and numbered items, tables, indicator lines, running text —
//! and hands the text to the shared recognisers.
//!
//! Headings and numbered items become measures in a `part_of` tree (a document whose first
//! heading names a plan becomes that strategy, and its items implement it). Budget figures
//! attach to the nearest item with the fiscal year and kind read from their context: table
//! headers, unit lines, the item's and the document's wording; changes (比較増減, △/▲) are
//! recorded on the figure they compare, never as budgets.

mod funding_header;
mod funding_lines;
mod layout;
mod lone_figures;
mod long;
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
    names_funding_breakdown, names_notes, names_revenue, names_spending, names_units, names_values,
    names_years, own_figure_label, paired_year_kind, plain_header_columns, prose_subject,
    relative_year, shifted, speaks_of_budget, supplementary_ordinal, tab_cells, unit_declared,
    unit_line, unit_row, word_column, year_cell,
};
use super::recognise::bodies::{find_legal_bodies, is_body_name};
use super::recognise::contacts::opens_contact;
use super::recognise::decisions::parse_decision;
use super::recognise::indicator_blocks::labelled_blocks;
use super::recognise::indicator_columns::{IndicatorTable, indicator_tables, restated_rows};
use super::recognise::indicator_phrases::{dated_targets, ends_with_count, milestones};
use super::recognise::indicator_prose::prose_indicators;
use super::recognise::legends::{Bracket, figure_and_brackets, read_legend};
use super::recognise::names::{
    clean_name, is_hiragana, is_reference_note, leading_note_mark, note_mark, strip_markup,
    without_leading_note_mark, without_spaces, without_status_marks,
};
use super::recognise::numbering::{
    Numbered, Outline, Style, is_page_number, names_plan_level, numbered,
};
use super::recognise::plans::find_plans;
use super::recognise::programs::{find_programs, is_program_name, program_type};
use super::recognise::targets::{
    continues_indicator, indicator_line, is_indicator_section, labels_target_or_baseline,
    stated_now_line, target_statement,
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

/// The words that link a purpose to its amount (`…に要する経費として　９８０，０００千円`): what
/// ends with them is a sentence's clause, no item's name.
const AS_LINK: &str = "として";

/// Last chars of a line a sentence goes on from (`…交付するとともに、畑地化の`): no name.
const SENTENCE_BREAK_ENDINGS: [char; 7] = ['の', 'を', 'に', 'が', 'は', 'て', '、'];

/// Whether a line is a band naming the group of the rows under it, in brackets alone
/// (`〔歳 出〕`, `【歳入】`).
fn is_band(line: &str) -> bool {
    let line = line.trim();
    line.starts_with(['〔', '【', '［', '[']) && line.ends_with(['〕', '】', '］', ']'])
}

/// The words of a wrapped header (see [`Reader::wrapped_header`]) joined into `width`
/// columns: a parenthesis (`（当初）`, `(A)－(B)`) goes on the word before it; then, while
/// there are too many, a year alone goes on with the figure word after it (`令和８年度` +
/// `予算額（案）(A)`), or a word naming no column with the next (`７→８` + `増減`). `None`
/// when they make another number of columns.
fn wrapped_words(cells: Vec<&str>, width: usize, context: YearKind) -> Option<Vec<String>> {
    let mut words: Vec<String> = Vec::with_capacity(cells.len());
    for cell in cells {
        match words.last_mut() {
            Some(last) if is_parenthesised(cell) => last.push_str(cell),
            _ => words.push(cell.to_string()),
        }
    }
    let year_alone = |word: &str| {
        let named = YearKind::read(word);
        named.year.is_some() && named.kind.is_none() && !word.contains('額')
    };
    let figure_without_year = |word: &str| {
        YearKind::read(word).year.is_none()
            && matches!(column_of(1, word, context), Column::Figure(..))
    };
    while words.len() > width {
        let pairs = 1..words.len() - 1;
        let joined = pairs
            .clone()
            .find(|&index| year_alone(&words[index]) && figure_without_year(&words[index + 1]))
            .or_else(|| {
                pairs.clone().find(|&index| {
                    let together = format!("{}{}", words[index], words[index + 1]);
                    column_of(index, &words[index], context) == Column::Other
                        && column_of(index, &together, context) != Column::Other
                })
            })?;
        let next = words.remove(joined + 1);
        words[joined].push_str(&next);
    }
    (words.len() == width).then_some(words)
}

/// How many of the bottom line's words each word of a three-line header's top line stands
/// over, when the words' kinds tell (`令和７年度 | 令和８年度概算要求・要望額 | 対前年度比` over
/// `当初予算額 | 要求額 | 要望額 | 計 | （％）`: 1, 3 and 1): the top's words of figures share
/// the bottom's, a word moving on to the next top word when that one names its kind and the
/// current one does not; the top's words of no figure after them stand one over each of the
/// bottom's last words, or over the middle line's `over_middle` words that span the header.
/// `None` when a word of figures would stand over nothing.
fn top_spans(
    top: &[String],
    over_middle: usize,
    bottom: &[String],
    context: YearKind,
) -> Option<Vec<usize>> {
    let figures = top
        .iter()
        .take_while(|word| matches!(column_of(1, word, context), Column::Figure(..)))
        .count();
    let over_bottom = (top.len() - figures).saturating_sub(over_middle);
    if figures == 0 || bottom.len() < figures + over_bottom {
        return None;
    }
    let kinds: Vec<Option<BudgetKind>> = top[..figures]
        .iter()
        .map(|word| YearKind::read(word).kind)
        .collect();
    let mut counts = vec![0; top.len()];
    let mut current = 0;
    let mut group_start = 0;
    let mut repeated = false;
    for (index, word) in bottom[..bottom.len() - over_bottom].iter().enumerate() {
        let kind = YearKind::read(word).kind;
        let moves_on = kind.is_some()
            && kinds.get(current + 1).copied().flatten() == kind
            && kinds[current] != kind;
        // `国費 | 事業費 | 国費` under `令和７年度補正 | 令和６年度補正`: the word opening the
        // current head's group, written again, opens the next head's.
        let repeats_opening =
            index > group_start && current + 1 < figures && bottom[group_start] == *word;
        repeated |= repeats_opening && !moves_on;
        if moves_on || repeats_opening {
            group_start = index;
            current += 1;
        }
        counts[current] += 1;
    }
    for count in &mut counts[figures..figures + over_bottom] {
        *count = 1;
    }
    // A group opened by its first word written again is no longer than the first group
    // (`予算額 | 予算額 | 国庫支出金 | …` is a year's figure each, then a breakdown).
    let regrouped_too_long = repeated && counts[1..figures].iter().any(|count| *count > counts[0]);
    if !counts[..figures].contains(&0) && !regrouped_too_long {
        return Some(counts);
    }
    (over_middle == 0 && figures >= 2)
        .then(|| repeated_spans(figures, top.len(), bottom))
        .flatten()
}

/// How many bottom words each top word stands over when the bottom line repeats one group
/// of words under each of the first `figures` top words (`令和８年度 | 令和７年度 | 比較` over
/// `予算額 | 構成比 | 予算額 | 構成比 | 増減額 | 伸率`): each of those over one group, the top
/// words after them over one bottom word each and the last of them over the rest.
fn repeated_spans(figures: usize, top_len: usize, bottom: &[String]) -> Option<Vec<usize>> {
    let after = top_len - figures;
    (1..=bottom.len() / figures).rev().find_map(|group| {
        let rest = bottom.len() - group * figures;
        let repeats = (1..figures).all(|i| bottom[i * group..(i + 1) * group] == bottom[..group]);
        let fits = if after == 0 { rest == 0 } else { rest >= after };
        (repeats && fits).then(|| {
            let mut counts = vec![group; figures];
            counts.extend((0..after).map(|i| if i + 1 == after { rest + 1 - after } else { 1 }));
            counts
        })
    })
}

/// The words of a header whose `upper` row starts with the rows' label, standing on that
/// row alone, and whose other words stand over the `lower` row's (`会計名 | 本年度 | 前年度
/// | 比較` over `（A） | （B） | 増減額 | 増減率`): the label, then each upper word joined with
/// each lower word under it. The upper words stand over the lower ones as their kinds share
/// them, else one over each and the last, a comparison, over the changes and rates left.
fn label_beside_spans(upper: &[&str], lower: &[&str], context: YearKind) -> Option<Vec<String>> {
    let heads: Vec<String> = upper[1..].iter().map(|word| word.to_string()).collect();
    let bottom: Vec<String> = lower.iter().map(|word| word.to_string()).collect();
    let compares = |word: &str| matches!(word_column(word), Column::Change(_) | Column::Rate);
    let one_each_then_rest = || {
        let last = heads.len() - 1;
        (compares(&heads[last])
            && bottom[..last].iter().all(|word| !compares(word))
            && bottom[last..].iter().all(|word| compares(word)))
        .then(|| {
            let mut counts = vec![1; last];
            counts.push(bottom.len() - last);
            counts
        })
    };
    let counts = top_spans(&heads, 0, &bottom, context).or_else(one_each_then_rest)?;
    let mut words = vec![upper[0].to_string()];
    let mut below = bottom.iter();
    for (head, count) in heads.iter().zip(counts) {
        for word in below.by_ref().take(count) {
            words.push(format!("{head}{word}"));
        }
    }
    (words.len() == lower.len() + 1).then_some(words)
}

/// The rest of a year a PDF's text wraps inside a narrow header cell (`令和８年` over `度`,
/// `令和８` over `年度`): a cell of the `lower` line that is nothing but that rest goes back on
/// the one cell of the `upper` line it completes.
fn rejoin_wrapped_year(upper: &mut [String], lower: &mut Vec<String>) {
    for (rest, completes) in [("度", "年"), ("年度", "")] {
        let Some(at) = lower.iter().position(|cell| cell == rest) else {
            continue;
        };
        let open: Vec<usize> = (0..upper.len())
            .filter(|i| {
                let cell = &upper[*i];
                let stem = cell.strip_suffix(completes).unwrap_or("");
                !stem.is_empty()
                    && (completes.is_empty() || cell.ends_with(completes))
                    && stem.chars().last().is_some_and(char::is_numeric)
            })
            .collect();
        if let [index] = open[..] {
            upper[index].push_str(rest);
            lower.remove(at);
        }
    }
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

/// A name field's word without its spaces and the name it gives: two cells (`事業名 |
/// …`), the first pair of a row of fields and their values (`事業名 | … | 担当部局庁 | 農産局`),
/// or one cell whose letter-spaced word a space parts from the name (`事 業 名　…`).
fn name_field_parts<'r>(row: &[&'r str]) -> Option<(String, &'r str)> {
    // A spreadsheet's row is as wide as its widest: the empty cells after the last are none.
    let written = row
        .iter()
        .rposition(|cell| !cell.trim().is_empty())
        .map_or(0, |last| last + 1);
    match &row[..written] {
        // `事業名　　：…`: a colon may part them.
        [field, name] => Some((
            without_spaces(field),
            name.trim_start_matches(['：', ':']).trim(),
        )),
        // A sheet's grid of fields, two to a pair of cells: no cell names a year or a figure
        // (a header `事業名 | 令和８年度 | …` does).
        [field, name, ..]
            if row.len().is_multiple_of(2)
                && row.iter().all(|cell| {
                    let named = YearKind::read(cell);
                    named.year.is_none() && named.kind.is_none()
                }) =>
        {
            Some((without_spaces(field), name.trim()))
        }
        // `【事業名】…`: a bracket may hold the field's word.
        [line] => NAME_FIELDS.iter().find_map(|field| {
            let opened = line.trim_start();
            let mut rest = opened.strip_prefix(['【', '［']).unwrap_or(opened);
            let bracketed = rest.len() < opened.len();
            for letter in field.chars() {
                rest = rest
                    .strip_prefix(letter)?
                    .trim_start_matches([' ', '\u{3000}', '：', ':']);
            }
            let closed = rest.strip_prefix(['】', '］']);
            if bracketed != closed.is_some() {
                return None;
            }
            let rest = closed.unwrap_or(rest).trim_start();
            let parted = bracketed || rest.len() < opened.len() - field.len();
            parted.then(|| (field.to_string(), rest.trim()))
        }),
        _ => None,
    }
}

/// Where the last sentence of `text` starts: after its last `。`, else at its start.
fn sentence_start(text: &str) -> usize {
    text.rfind('。').map_or(0, |at| at + '。'.len_utf8())
}

/// The topic a sentence's words give before `は` (see [`Reader::sentence_topic`]): the
/// name after the last break and the last kana (`その根幹である市税`), an account's or item's
/// figure label (`全会計の予算総額`) and a trailing 予算 left out.
fn topic_of(text: &str) -> Option<&str> {
    // `会計別では、一般会計が…`: an account may be the subject with が.
    let at = text.rfind(['は', 'が'])?;
    // `…交付金については、`: what the sentence speaks about.
    let before = text[..at].trim_end_matches("について");
    // `（株）地域産業育成金融公庫には、…`: a body written with its legal form, what is given
    // to it.
    let given_to = before.strip_suffix('に').unwrap_or(before);
    if let Some(body) = find_legal_bodies(given_to)
        .last()
        .filter(|body| body.end == given_to.len())
    {
        return given_to.get(body.start..body.end);
    }
    let start = before
        .rfind(['、', '。', '，', '「', '」', ' ', '\u{3000}', '\t'])
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let mut name = &before[start..];
    if let Some(of) = name.rfind('の')
        && is_figure_label(&name[of + 'の'.len_utf8()..])
    {
        name = &name[..of];
    }
    let after_kana = name
        .char_indices()
        .rfind(|(_, c)| matches!(c, 'ぁ'..='ゖ'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let name = name[after_kana..].trim();
    // `このうち、第２款総務費は…`: a numbered level of the budget's accounts names its item.
    if let Some(level) = numbered(name).filter(|level| {
        matches!(level.style, Style::Dai('款' | '項')) && level.title.chars().count() >= 2
    }) {
        return Some(level.title);
    }
    // `令和８年度一般会計当初予算`: the year before an account and the budget wording after
    // it are no part of its name.
    let name = match crate::money::find_fiscal_years(name).first() {
        Some(year) if year.start == 0 && name.is_char_boundary(year.end) => &name[year.end..],
        _ => name,
    };
    let names_an_item = |name: &str| {
        name.chars().count() >= 2
            && (TOPIC_ENDINGS.iter().any(|ending| name.ends_with(ending))
                || is_program_name(name)
                || name.starts_with(FISCAL_INVESTMENT))
    };
    let without_label = name
        .char_indices()
        .map(|(at, _)| at)
        .filter(|at| *at > 0 && is_figure_label(&name[*at..]))
        .map(|at| &name[..at])
        .find(|name| names_an_item(name));
    without_label.or(Some(name).filter(|name| names_an_item(name)))
}

/// Endings of a sentence's topic that names an account or a revenue (`特別会計`, `市税`,
/// `市債`, `財政調整基金繰入金`).
const TOPIC_ENDINGS: [&str; 4] = ["会計", "税", "債", "繰入金"];

/// The word that opens a unit's declaration (`（単位：百万円）`).
const UNIT_WORD: &str = "単位";

/// Completes the one head of a header's top line that names a year alone (`令和９年度`) with
/// the label the text set on a line of its own (`計画額`); returns its index, `None` unless
/// exactly one head names a year alone.
fn complete_bare_year(top: &mut [String], label: &str) -> Option<usize> {
    let bare_years: Vec<usize> = (0..top.len())
        .filter(|at| {
            let head = top[*at].trim();
            head.ends_with("年度") && YearKind::read(head).year.is_some() && !is_figure_label(head)
        })
        .collect();
    let [at] = bare_years.as_slice() else {
        return None;
    };
    top[*at].push_str(label);
    Some(*at)
}

/// The cells of a table line (`line`, markup left out), each its own string.
fn owned_cells(line: &str) -> Vec<String> {
    cells(&strip_markup(line))
        .iter()
        .map(|cell| cell.to_string())
        .collect()
}

/// The year and kind a table's caption names for its figures: those of the words after
/// what qualifies them (`財政投融資対象機関に係る令和１０年度一般会計予算（案）の主な計上額`: the
/// initial budget), when those words name a kind.
fn caption_year_kind(caption: &str) -> YearKind {
    let whole = YearKind::read(caption);
    let head = QUALIFYING_LINKS
        .iter()
        .filter_map(|link| caption.rfind(link).map(|at| at + link.len()))
        .max()
        .map(|at| YearKind::read(&caption[at..]))
        .filter(|head| head.kind.is_some());
    head.map_or(whole, |head| head.or(whole))
}

/// Words after which a caption names what its figures are, the words before qualifying them.
const QUALIFYING_LINKS: [&str; 3] = ["に係る", "に関する", "に対する"];

/// A sentence that opens with the budget it speaks of (`令和７年度補正予算（第１号）では、…`,
/// `財政投融資計画では、令和８年度に…`).
#[derive(Debug, Clone, Copy)]
struct SentenceFrame<'a> {
    /// Where the sentence starts in its line.
    start: usize,
    /// The year and kind it names.
    year_kind: YearKind,
    /// The fiscal investment plan it names (`財政投融資計画`), whose figures follow.
    plan: Option<&'a str>,
}

/// The last sentence of a line (`raw`) that opens with the budget it speaks of, naming its
/// year (before the frame's word or in the clause right after it) and its kind.
fn sentence_frame(raw: &str) -> Option<SentenceFrame<'_>> {
    // A line may begin a sentence under a heading, which ends with no full stop.
    let starts = raw
        .match_indices('。')
        .map(|(at, stop)| at + stop.len())
        .chain([0]);
    starts
        .filter_map(|start| {
            let sentence = raw[start..].trim_start_matches([' ', '\u{3000}']);
            // `…予算額は当初予算額（補正後ではない）`: `ではない` denies, it opens nothing.
            let (opener, ending) = FRAME_ENDINGS
                .iter()
                .filter_map(|ending| {
                    sentence
                        .match_indices(ending)
                        .find(|(at, _)| !sentence[at + ending.len()..].starts_with(['な', 'あ']))
                        .map(|(at, _)| (at, ending.len()))
                })
                .min()?;
            let words = &sentence[..opener];
            if words.contains(['、', '。', 'を', 'が']) {
                return None;
            }
            // `財政投融資計画では、令和８年度に…`: the year in the clause after it.
            let clause = sentence[opener + ending..].trim_start_matches(['、', '，']);
            let clause = &clause[..clause.find(['、', '，', '。']).unwrap_or(clause.len())];
            let year_kind = YearKind::read(words).or(YearKind::read(clause));
            let plan = words.trim();
            let plan = (plan.starts_with(FISCAL_INVESTMENT) && YearKind::read(plan).year.is_none())
                .then_some(plan);
            (year_kind.year.is_some() && year_kind.kind.is_some()).then(|| SentenceFrame {
                start: raw.len() - sentence.len(),
                year_kind,
                plan,
            })
        })
        .max_by_key(|frame| frame.start)
}

/// The words of a budget bill's article setting an account's total (`歳入歳出予算の総額は、
/// 歳入歳出それぞれ…と定める`) or adding to it (`歳入歳出予算の総額に歳入歳出それぞれ…を追加し`).
const STATUTORY_TOTALS: [&str; 2] = ["歳入歳出予算の総額は", "歳入歳出予算の総額に"];

/// Whether a line is a budget bill's article setting or adding to an account's total.
fn sets_statutory_total(line: &str) -> bool {
    STATUTORY_TOTALS.iter().any(|words| line.contains(words))
}

/// A part of an account whose total a budget bill's article sets apart (`事業勘定`,
/// `直営診療施設勘定`, `保険事業勘定`).
static ACCOUNT_PART: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\p{Han}\p{Katakana}ー・]+勘定").expect("part of an account"));

/// Most lines between a budget bill's title and its article setting the total.
const MAX_BILL_HEAD_LINES: usize = 8;

/// The account a budget's title names, after the year and the body (`令和８年度山吹町一般会計
/// 予算`, `令和８年度西原市国民健康保険事業特別会計予算`).
static ACCOUNT_IN_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"年度\s*(?:[\p{Han}\p{Katakana}ー・]*?[都道府県市区町村])?((?:一般|[\p{Han}\p{Katakana}ー・]+特別|[\p{Han}ー・]+事業)会計)(?:補正)?予算",
    )
        .expect("account in a title")
});

/// Verbs of a sentence allocating an amount to what it names (`…に31億円を計上`, `…に45.8億円を
/// 措置済み`).
const ALLOCATIONS: [&str; 5] = ["を計上", "を措置", "を確保", "を要求", "を要望"];

/// The units of the groups a budget book's rows stand in (`3款 民生費`, `1項 社会福祉費`).
const GROUPING_UNITS: [char; 3] = ['款', '項', '目'];
/// Lines (rules aside) above a table's header that a line naming the group of its first
/// rows may stand on, over the header's other words and its unit.
const GROUP_LINES_OVER_HEADER: usize = 3;

/// Most lines a header's wrapped cells take.
const MAX_WRAPPED_HEADER_LINES: usize = 6;

/// Most chars of a cell of a wrapped header's line.
const MAX_WRAPPED_HEADER_CELL_CHARS: usize = 16;

/// Fields of a project sheet that name its project (`事業名 | …`).
const NAME_FIELDS: [&str; 5] = ["事業名", "事業名称", "事業の名称", "事務事業名", "施策名"];

/// The most field lines (`会計区分：…`, `所管：…`) between an item's name and its figures.
const MAX_FIELDS_BETWEEN: usize = 3;

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

/// Whether a row is a sheet's fields and their values, two to a pair of cells (`所管課 |
/// 子育て支援課 | 事業期間 | 平成28年度～`): each label short and naming no year, kind or figure.
fn is_field_row(row: &[&str]) -> bool {
    row.len() >= 2
        && row.len().is_multiple_of(2)
        && row.iter().step_by(2).all(|label| {
            let label = without_spaces(label);
            let named = YearKind::read(&label);
            (1..=MAX_FIELD_LABEL_CHARS).contains(&label.chars().count())
                && named.year.is_none()
                && named.kind.is_none()
                && find_amounts(&label).is_empty()
                && parse_number(&label).is_none()
        })
}

/// Whether a line states a field of the item above it, its label before a colon and no
/// figure after it (`会計区分：一般会計`, `所管：地域政策課`): no name of an item (a name
/// field's label, `事業名：…`, `名称：…`, names one).
fn is_item_field(line: &str) -> bool {
    line.split_once(['：', ':']).is_some_and(|(label, value)| {
        let label = without_spaces(label);
        (1..=MAX_FIELD_LABEL_CHARS).contains(&label.chars().count())
            && !value.trim().is_empty()
            && find_amounts(value).is_empty()
            && !NAME_FIELDS.contains(&label.as_str())
            && !label.ends_with(['名', '称'])
    })
}

/// Whether the words between a change and a figure make the change the figure's (`増の`,
/// `減の`, `の増となる`).
fn is_change_before_figure(between: &str) -> bool {
    let between = between.trim();
    let between = between.strip_prefix('の').unwrap_or(between);
    between.starts_with(['増', '減'])
        && matches!(
            &between['増'.len_utf8()..],
            "の" | "となる" | "とし" | "の計"
        )
}

/// Words before a change without the comparison they end with and a topic's `は` after
/// `に` (`…確保には前年度から` → `…確保に`).
fn without_comparison_end(words: &str) -> &str {
    let trimmed = words.trim_end();
    let before = COMPARISON_ENDS
        .iter()
        .find_map(|end| trimmed.strip_suffix(end))
        .unwrap_or(trimmed);
    // `…交付金には`: what the figure is given to.
    before
        .strip_suffix('は')
        .filter(|b| b.ends_with('に'))
        .unwrap_or(before)
}

/// How the words before a change stated before its figure end (`前年度から`, `前年度比`).
const COMPARISON_ENDS: [&str; 5] = [
    "前年度から",
    "前年度比",
    "前年度に比べ",
    "対前年度",
    "前年度より",
];

/// The words of `text` after its last figure (all of it when it holds none).
fn after_last_figure(text: &str) -> &str {
    let end = inline_figures(text)
        .last()
        .map_or(0, |figure| figure.amount.end);
    &text[end..]
}

/// Fewest chars of a line of prose a sentence wraps from.
const MIN_WRAPPED_PROSE_CHARS: usize = 20;

/// Marks that end the words before a name in a sentence.
const NAME_BREAKS: [char; 12] = [
    '、', '。', '，', '「', '」', '『', '』', '（', '）', '(', ')', ' ',
];

/// A header word over the names of the bodies a table's rows are (`区分 | 機関名 | …` in a
/// plan of fiscal loans by body).
const BODY_NAME_FIELD: &str = "機関名";

/// Fewest chars of a project a sheet's name field names.
const MIN_FIELD_NAME_CHARS: usize = 4;

/// Header lines an item's own small table may have above its row of figures.
const MAX_CARD_HEADER_LINES: usize = 4;

/// What may stand between an item's name and its amount: separators and opening brackets.
const NAME_TAIL: [char; 11] = [
    ':', '：', '…', ' ', '\u{3000}', '\t', '【', '[', '［', '（', '(',
];

/// A name written before its amount without the word linking the two; the name as it is
/// when it ends in no link, or when the link is all but a character of it.
fn without_amount_link(name: &str) -> &str {
    amount_link(name)
        .and_then(|link| name.strip_suffix(link))
        .filter(|rest| rest.chars().count() >= 2)
        .map_or(name, str::trim_end)
}

/// Endings of a clause that qualifies the name after it (`児童に支給する`, `地方公共団体に
/// おける`, `災害に係る`).
const QUALIFYING_CLAUSE_ENDINGS: [&str; 4] = ["する", "における", "に係る", "による"];

/// The word ending a clause of purpose after its verb (`…を促すため`).
const PURPOSE_ENDING: &str = "ため";

/// Fewest chars a name keeps after the clause qualifying it is cut off.
const MIN_QUALIFIED_NAME_CHARS: usize = 4;

/// A name without the clause qualifying it (`支給する子育て世帯生活支援特別給付金` →
/// `子育て世帯生活支援特別給付金`) or stating its purpose; the name as it is when what follows the clause would be
/// too short to name anything.
fn without_leading_clause(name: &str) -> &str {
    // `勤務を促すため医師偏在是正総合対策`: a purpose clause (a verb and ため, not `…のための`)
    // before the name.
    let purpose = name
        .match_indices(PURPOSE_ENDING)
        .filter_map(|(at, ending)| {
            let end = at + ending.len();
            let after_verb = name[..at].chars().next_back().is_some_and(is_hiragana);
            (after_verb && !name[end..].starts_with('の')).then_some(end)
        });
    QUALIFYING_CLAUSE_ENDINGS
        .iter()
        .filter_map(|ending| name.rfind(ending).map(|at| at + ending.len()))
        .chain(purpose)
        .max()
        .map(|at| &name[at..])
        .filter(|rest| rest.chars().count() >= MIN_QUALIFIED_NAME_CHARS)
        .unwrap_or(name)
}

/// Fewest chars of a group's name before its total a word apart (`農林水産関係　合計`).
const MIN_GROUP_NAME_CHARS: usize = 3;

/// Lines of description without figures that may stand between a bullet naming an item and
/// the line giving its figure.
const DESCRIPTION_LINES: usize = 2;

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

/// Lines after a plan's heading that may carry its decision (date, 閣議決定).
const DECISION_LINES: usize = 3;

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
            || self
                .page_furniture
                .get(number - 1)
                .copied()
                .unwrap_or(false)
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
        let is_legend = !legend.is_empty();
        for (bracket, words) in legend {
            self.legend.retain(|(known, _)| *known != bracket);
            self.legend.push((bracket, words));
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
            .or_else(|| bold_item(self.line(number), raw))
            .or_else(|| tagged_item(raw));
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

    /// Starts the table whose header, at line `number`, gives `columns`: nothing is known yet
    /// of its rows' kinds or of its header cells' own kinds and marks.
    fn start_table(&mut self, number: usize, columns: Vec<Column>) {
        self.columns = Some(columns);
        self.table_band = None;
        self.header_line = number;
        self.header_top = number;
        self.header_words.clear();
        self.notes_last = false;
        self.table_depth = self.outline.depth();
        self.kind_rows = false;
        self.column_kinds.clear();
        self.column_marks.clear();
        self.column_pairs.clear();
        self.column_bills.clear();
        self.year_column = None;
        self.value_rows = false;
        self.unit_column = None;
        self.name_column = None;
        self.column_offsets.clear();
        self.column_names_year.clear();
        self.spanned_group = None;
        self.column_revenue.clear();
        self.revenue_table = self.caption_names_revenue(number);
    }

    /// A line of one cell that ends with a figure in the unit declared above, outside any
    /// table, as its label and its figure: a figure set one space after its name with the
    /// brackets the legend explains after it (`こども医療費助成事業　４，２１８（３，９８７）
    /// 【２３１】`), or a figure after a colon (`令和8年度当初予算額：748,215`,
    /// `…基金積立金：2,150（1,840）`). Any other row as it is.
    fn with_figure_apart<'r>(&self, raw: &'r str, row: Vec<&'r str>) -> Vec<&'r str> {
        // `- **特別会計**（14会計）`, `> **金額の表示について**`: a Markdown bullet or quote
        // whose bold words came apart into cells is one line of text, no row of a table.
        let row = match row.as_slice() {
            [mark, _, ..] if ["-", "*", "+", ">"].contains(mark) => {
                let from_mark = (mark.as_ptr() as usize)
                    .checked_sub(raw.as_ptr() as usize)
                    .and_then(|at| raw.get(at..));
                match from_mark {
                    Some(line) => vec![line.trim_end()],
                    None => row,
                }
            }
            _ => row,
        };
        let [cell] = row.as_slice() else {
            return row;
        };
        if self.columns.is_some() || self.unit.is_none() {
            return row;
        }
        let bracketed = |tail: &str| !self.legend.is_empty() && figure_and_brackets(tail).is_some();
        let labelled = |label: &str| {
            label.chars().any(char::is_alphabetic)
                && !label.trim_end().ends_with(|c: char| c.is_numeric())
                && !opens_contact(&crate::normalize::nfkc(
                    label.trim_start_matches(['-', '*', ' ']),
                ))
        };
        let after_colon = cell.rsplit_once(['：', ':']).filter(|(label, tail)| {
            let tail = tail.trim();
            labelled(label) && (parse_number(tail).is_some() || bracketed(tail))
        });
        let after_space = || {
            cell.rsplit_once(char::is_whitespace)
                .filter(|(label, tail)| labelled(label) && bracketed(tail.trim()))
        };
        // (`- 令和7年度：208,133`: a Markdown bullet's mark is none of the label.)
        let unbulleted = |label: &'r str| {
            label
                .trim()
                .strip_prefix(['-', '*', '+'])
                .map_or(label, str::trim_start)
                .trim_end()
        };
        match after_colon.or_else(after_space) {
            Some((label, tail)) => vec![unbulleted(label), tail.trim()],
            None => row,
        }
    }

    /// A project sheet's field naming its project (`事業名 | 保育対策総合支援事業費補助金`,
    /// with no row of figures under it): opens the project, closing the sheet before it and
    /// its tables. False, with nothing read, for any other row.
    fn name_field(&mut self, number: usize, row: &[&str]) -> bool {
        let Some((field, name)) = name_field_parts(row) else {
            return false;
        };
        let is_name = name.chars().count() >= MIN_FIELD_NAME_CHARS
            && parse_number(name).is_none()
            && find_amounts(name).is_empty()
            && !name.contains(['。', '、']);
        // `事 業 名 | 所管部局` over `2月補正額 | 当初予算額 | 前年度当初`: a line of a table's
        // header, over the rest of it or over rows.
        let context = self.context();
        let heads_rows = self.lines_after(number).next().is_some_and(|line| {
            let below = strip_markup(line);
            let below = cells(&below);
            // `所管課 | 子育て支援課 | 事業期間 | 平成28年度～`: more of the sheet's fields.
            if is_field_row(&below) {
                return false;
            }
            below
                .iter()
                .skip(1)
                .any(|cell| parse_number(cell).is_some() || tables::is_whole_amount(cell))
                || header_columns(&below, context).is_some()
        });
        if !NAME_FIELDS.contains(&field.as_str()) || !is_name || heads_rows {
            return false;
        }
        if let Some(at) = self
            .sheet
            .as_ref()
            .and_then(|sheet| self.open.iter().position(|item| &item.id == sheet))
        {
            self.open.truncate(at);
        }
        self.open.retain(|item| item.role == Role::Heading);
        self.columns = None;
        self.layout = None;
        let source = self.c.source(number, name);
        let opened = self.open_sub_item(clean_name(name), source);
        self.sheet = Some(self.open[opened].id.clone());
        true
    }

    /// A line of labelled figures of the item above, outside any table (`本年度　１，１２８，４００
    /// 前年度　１，１０６，２００　　比較　２２，２００` under `１款　町税`, in the unit declared
    /// above): each pair read as a line of its own.
    fn figure_pairs(&mut self, number: usize, raw: &str, row: &[&str]) -> bool {
        // A single space may part a label from its figure (`前年度　１，１０６，２００`).
        let row: Vec<&str> = row
            .iter()
            .flat_map(|cell| match cell.split_once(char::is_whitespace) {
                Some((label, figure))
                    if labels_figure(label) && tables::is_whole_amount(figure.trim()) =>
                {
                    vec![label, figure.trim()]
                }
                _ => vec![*cell],
            })
            .collect();
        let pairs = self.columns.is_none()
            && self.unit.is_some()
            && row.len() >= 4
            && row.len().is_multiple_of(2)
            && row
                .chunks(2)
                .all(|pair| labels_figure(pair[0]) && tables::is_whole_amount(pair[1]));
        if !pairs {
            return false;
        }
        // `　歳入合計` over its figures: a name on its own line, beside the item before it
        // when that one has its figures.
        if let Some((line, name, written)) = self.name_above(number) {
            if self
                .current()
                .is_some_and(|item| item.main_budget.is_some())
            {
                self.open.pop();
            }
            let source = self.c.source(line, &written);
            self.open_sub_item(name, source);
        }
        for pair in row.chunks(2) {
            self.table_row(number, raw, pair);
        }
        true
    }

    /// A header's second row of column marks alone (`区分 | 事項 | (A) | (B) | (A)－(B)` under
    /// `区分 | 事項 | 令和８年度要求額 | …`, its label cells spanned down): the marks are the
    /// columns'; it names no column anew. A second row of groupings (`事項別 | 柱別` under
    /// `金額 | 金額`) keeps the first column of figures; the others total another grouping
    /// (a pillar's sum beside its first item) and hold no figure of the row.
    fn marks_row(&mut self, number: usize, row: &[&str]) -> bool {
        let Some(columns) = &self.columns else {
            return false;
        };
        let header = strip_markup(self.line(self.header_line));
        let above = cells(&header);
        let qualifies = |cell: &str| is_marks_cell(cell) || names_grouping(cell);
        // `(A) | (B) | (B)-(A)` under `区分 | 予算額 | 要求額 | 増減 | 増減率`, a PDF's text
        // leaving out the cells without a mark: the marks say nothing more of the columns.
        let fewer_marks = number == self.header_line + 1
            && row.len() < columns.len()
            && row.iter().all(|cell| is_marks_cell(cell));
        if fewer_marks {
            return true;
        }
        let fits = number == self.header_line + 1
            && row.len() == columns.len()
            && row.iter().any(|cell| qualifies(cell))
            && row.iter().enumerate().all(|(index, cell)| {
                qualifies(cell) || above.get(index).is_some_and(|upper| upper == cell)
            });
        if !fits {
            return false;
        }
        self.column_marks = per_column(row, Some(0), column_marks);
        let mut first_grouping = true;
        let mut columns = columns.clone();
        for (column, cell) in columns.iter_mut().zip(row) {
            if names_grouping(cell) && matches!(column, Column::Figure(..)) {
                if !first_grouping {
                    *column = Column::Other;
                }
                first_grouping = false;
            }
        }
        self.columns = Some(columns);
        true
    }

    /// A line of column marks, or of empty cells, under the header that ends with the words
    /// of more columns (`（Ａ） | （Ｂ） | （Ａ）－（Ｂ） | 増減率` under `区分 | 令和８年度当初予算額 |
    /// 令和７年度当初予算額 | 対前年度比較増減額`, a PDF's text setting `増減率` beside the
    /// marks; `│　│…│国県支出金│その他│一般財源│` under a box-drawn header) when the rows
    /// below have a cell for each: the header gains them. False, with nothing read, for any
    /// other line.
    fn row_adding_columns(&mut self, number: usize, row: &[&str]) -> bool {
        let Some(columns) = &self.columns else {
            return false;
        };
        // `│　│　│　│　│国県支出金│その他│一般財源│` under a box-drawn header: empty cells
        // under its own, then the words of the columns to their right (a 財源内訳).
        let empty = row.iter().take_while(|cell| cell.is_empty()).count();
        let under_header = match empty {
            0 => row.iter().take_while(|cell| is_marks_cell(cell)).count(),
            _ if empty == columns.len() => empty,
            _ => 0,
        };
        let added = &row[under_header..];
        let names_columns = |word: &&str| match empty {
            0 => is_column_word(word),
            _ => !word.is_empty() && !word.chars().any(char::is_numeric),
        };
        let widens = number == self.header_line + 1
            && under_header >= 2
            && !added.is_empty()
            && added.iter().all(names_columns)
            && self
                .lines_after(number)
                .find(|line| !is_rule_line(line))
                .filter(|line| is_table_line(line))
                .is_some_and(|line| {
                    cells(&strip_markup(line)).len() == columns.len() + added.len()
                });
        if !widens {
            return false;
        }
        let context = self.context();
        let mut columns = columns.clone();
        for word in added {
            columns.push(column_of(columns.len(), word, context));
        }
        self.columns = Some(columns);
        true
    }

    /// The columns of a header at line `number` whose every cell names figures (`令和５年度 |
    /// … | 令和９年度要求`) over rows with one cell more, their labels (`当初予算 | 43,218 |
    /// …`): a column of labels first, the one the header leaves without a word.
    fn with_label_column_left_out(&self, number: usize, mut columns: Vec<Column>) -> Vec<Column> {
        // `本年度 | 前年度 | 倍率` over `事 業 費 | 2,184,000 | 2,162,300 | 1.01`.
        let all_figures = matches!(columns.first(), Some(Column::Figure(..)))
            && columns
                .iter()
                .all(|c| matches!(c, Column::Figure(..) | Column::Rate | Column::Change(_)));
        // The first row below, past a lone word a PDF's text sets under the header (the
        // rest of the header's last cell, `主な増減理由`).
        let below = self
            .lines_after(number)
            .take(2)
            .find(|line| cells(&strip_markup(line)).len() > 1);
        // `予算 | 当初予算 | 20,631 | …`: maybe after a piece of a group's name written down
        // the side of the rows.
        let labelled_row_below = below.is_some_and(|line| {
            let plain = strip_markup(line);
            let row = cells(&plain);
            let label = match row.len().checked_sub(columns.len()) {
                Some(1) => row[0],
                Some(2) if tables::is_side_letters(row[0]) => row[1],
                _ => return false,
            };
            label.chars().any(char::is_alphabetic) && parse_number(label).is_none()
        });
        if all_figures && labelled_row_below {
            columns.insert(0, Column::Label);
        }
        columns
    }

    /// The year and kind in force for a table's header at line `number`: those its label
    /// cell names, or those of the caption right above it when it names a year
    /// (`（参考）令和６年度補正予算`), else the context's.
    fn header_context(&self, number: usize) -> YearKind {
        let context = self.context();
        // `（参考）令和７年度６月補正予算で先行して実施した事業 | 金額(千円)`: the header's own
        // label cell names the year and kind of its figures.
        let line = strip_markup(self.line(number));
        let own = cells(&line)
            .first()
            .map(|label| YearKind::read(label))
            .unwrap_or_default();
        if own.year.is_some() && own.kind.is_some() {
            return own.or(context);
        }
        // A sentence above the table (`…令和８年度当初予算と一体的に編成しました。`) is no caption,
        // nor a legend naming two years (`上段：令和９年度要求額 ／ 下段：令和８年度予算額`).
        let one_year = |line: &str| {
            let mut years = crate::money::find_fiscal_years(line)
                .into_iter()
                .map(|found| found.year);
            let first = years.next();
            years.all(|year| Some(year) == first)
        };
        let caption = self
            .caption_line(number)
            .map(|n| strip_markup(self.line(n)))
            .filter(|line| !line.contains('。') && one_year(line))
            .map(|line| caption_year_kind(&line));
        // A rule drawn above the header (`┌──┬──┐`) leaves it the table's first row.
        let row_above = (1..number)
            .rev()
            .map(|n| self.line(n))
            .find(|line| !line.trim().is_empty() && !is_rule_line(line))
            .is_some_and(is_table_line);
        match caption {
            Some(named) if (named.year.is_some() || named.kind.is_some()) && !row_above => {
                named.or(context)
            }
            _ => context,
        }
    }

    /// The unit a line right after the table under the header at `header` declares
    /// (`（単位：百万円）` written below the table, past the rules drawn under it), when no unit
    /// was declared above it.
    /// The unit of the table whose header ends at line `header`: the unit declared right
    /// above it, else the one written below it, else the last one declared. A unit below the
    /// table is its own; a unit declared further up belonged to the text or table there.
    fn table_unit(&self, header: usize) -> Option<&'static str> {
        let declared_above = self.unit.filter(|_| {
            let top = self.header_top.min(header);
            self.unit_line <= top && top - self.unit_line <= UNIT_REACH_ABOVE_HEADER
        });
        declared_above
            .or_else(|| self.unit_after_table(header))
            .or(self.unit)
    }

    fn unit_after_table(&self, header: usize) -> Option<&'static str> {
        // Past the rows, a row's name wrapped around its figures (`Ⅰ　…に向けた` over the
        // figures, `取組の推進` under them), and a page break's number and running head, and
        // the header's lines repeated atop the next page.
        let header_lines: Vec<&str> = (1..=header)
            .rev()
            .map(|n| self.line(n).trim())
            .filter(|line| !line.is_empty())
            .take(HEADER_LINES_REPEATED)
            .collect();
        (header + 1..=self.c.doc.lines.len())
            .filter(|n| !self.line(*n).trim().is_empty())
            .take(TABLE_REACH_FOR_UNIT)
            .filter(|n| {
                !self.repeats_running_head(*n) && !header_lines.contains(&self.line(*n).trim())
            })
            .map(|n| strip_markup(self.line(n)))
            .find(|line| {
                !is_table_line(line)
                    && !is_layout_fragment(line)
                    && !is_rule_line(line)
                    && !is_marks_line(line)
                    && !marks_after_label(line)
                    && !is_page_number(line)
                    && !is_wrapped_row_name(line)
            })
            .and_then(|line| unit_line(&line).or_else(|| unit_note(&line)))
    }

    /// The non-blank lines after line `number`, in order.
    fn lines_after(&self, number: usize) -> impl Iterator<Item = &'a str> + '_ {
        (number + 1..=self.c.doc.lines.len())
            .map(|n| self.line(n))
            .filter(|line| !line.trim().is_empty())
    }

    /// Whether the line right above the header of the table being read names something that
    /// is no budget (`第２表　継続費`, `債務負担行為`, `地方債`).
    fn caption_names_no_budget(&self) -> bool {
        self.line_above_header().is_some_and(|number| {
            let line = crate::normalize::nfkc(self.line(number));
            NOT_BUDGET_CAPTIONS.iter().any(|word| line.contains(word))
        })
    }

    /// Whether an open heading names commitments, carry-overs or borrowing (`６　繰越明許費の
    /// 補正（追加）`, `債務負担行為`): the figures under it are no budgets.
    fn under_no_budget_heading(&self) -> bool {
        self.open.iter().any(|item| {
            let (name, _) = split_trailing_parenthesis(&item.name);
            item.role == Role::Heading && NOT_BUDGET_CAPTIONS.iter().any(|word| name.contains(word))
        })
    }

    /// Whether a figure of `item` read now is revenue or a source of funding, not spending:
    /// the item, an open heading or group, the band, the table's caption, the label column
    /// of its half of the table or a cell of its row names revenue (`歳入合計`, `２　一般会計
    /// の主な歳入`, `【歳入】`, `補正予算の財源`, `歳入 | 予算額`).
    fn reads_revenue(&self, item: &Item) -> bool {
        self.band_revenue
            || (self.revenue_table || self.table_band.as_deref().is_some_and(names_revenue))
                && self.columns.is_some()
            || self.row_revenue
            || names_revenue(&item.name)
            || self.open.iter().any(|open| names_revenue(&open.name))
    }

    /// Adds a budget node for `figure` of `item` (see [`budget_node`]), flagged as revenue
    /// where it is read as such ([`Self::reads_revenue`]).
    fn emit_budget(
        &mut self,
        item: &Item,
        figure: &BudgetFigure,
        source: Source,
        written: Option<(&str, &str)>,
    ) -> Option<String> {
        let closing_months = self.closes_year_before(item, figure, &source);
        if self.reads_revenue(item) || closing_months {
            let mut figure = figure.clone();
            if closing_months {
                figure.fiscal_year = shifted(figure.fiscal_year, -1);
            } else {
                figure.flags.insert(BudgetFlag::Revenue);
            }
            return budget_node(&mut self.c, item, &figure, source, written);
        }
        budget_node(&mut self.c, item, figure, source, written)
    }

    /// Whether `figure`, a supplementary given the year of the document's initial budget,
    /// is one of the closing months of the year before, named so without its year by the
    /// item, its lines or its table's header (`２月補正` beside `令和８年度当初予算案`): the
    /// months close the fiscal year before the one the initial budget opens.
    fn closes_year_before(&self, item: &Item, figure: &BudgetFigure, source: &Source) -> bool {
        let context = self.document_context;
        if figure.kind != BudgetKind::Supplementary
            || context.kind != Some(BudgetKind::Initial)
            || context.year != Some(figure.fiscal_year)
        {
            return false;
        }
        let cited = source.line_start as usize..=source.line_end as usize;
        let header = self
            .columns
            .as_ref()
            .map(|_| self.header_top.min(self.header_line)..=self.header_line)
            .into_iter()
            .flatten();
        names_closing_month_supplementary(&item.name)
            || cited
                .chain(header)
                .any(|number| names_closing_month_supplementary(&strip_markup(self.line(number))))
    }

    /// Whether the caption above the header at line `header` names revenue or funding sources
    /// (`一般会計歳入（単位：千円）`, `３　補正予算の財源内訳`): one name, maybe with its unit;
    /// no sentence, and no line of a header's words laid out over its columns, set far in over
    /// the columns it names (`本年度予算額の財源内訳　　　節`). A funding breakdown unnumbered
    /// (`財 源 内 訳`) heads columns of a table of projects, as their part of its header.
    fn caption_names_revenue(&self, header: usize) -> bool {
        self.caption_line(header).is_some_and(|number| {
            let caption = strip_markup(self.line(number));
            let parts = cells(&caption);
            let numbered_caption =
                numbered(&caption).is_some() || exhibit_title(caption.trim()).is_some();
            !is_set_far_in(&caption)
                && parts.first().is_some_and(|name| {
                    names_revenue(name) && (numbered_caption || !names_funding_breakdown(name))
                })
                && parts[1..].iter().all(|part| unit_declared(part).is_some())
                && !caption.contains(['。', '、'])
        })
    }

    /// The nearest non-blank line above the header of the table being read.
    fn line_above_header(&self) -> Option<usize> {
        self.nonempty_line_above(self.header_line)
    }

    /// The line a table's caption would stand on, above its header at line `header`: the
    /// first above it that is neither blank, nor a unit line, nor a rule drawn over the
    /// header, which may stand between the caption and the header, nor the header's own
    /// upper row.
    fn caption_line(&self, header: usize) -> Option<usize> {
        // The rows of a grid's header above the one at `header` are no caption.
        let header_rows = if self.columns.is_some()
            && (header == self.header_line || header == self.header_line + 1)
        {
            self.header_top..=self.header_line
        } else {
            header..=header
        };
        (1..header).rev().find(|n| {
            if header_rows.contains(n) {
                return false;
            }
            let line = strip_markup(self.line(*n));
            // The upper row of a header on two lines (`会計名 令和８年度 …` over `当初予算額
            // …`) is no caption.
            let upper_header_row =
                *n + 1 == header && header_columns(&cells(&line), self.context()).is_some();
            !is_rule_line(&line)
                && unit_line(&line).is_none()
                && !upper_header_row
                && layout::breakdown_head_cell(&line).is_none()
        })
    }

    /// A group's name spanning every column between a table's rows (`Ⅰ　物価高騰対策 | Ⅰ　物価
    /// 高騰対策 | …`, a cell spanning the row): it closes the group before it, and the rows
    /// under it, with the 計 that ends them, are its own.
    fn enter_spanning_group(&mut self, number: usize, cell: &str) {
        self.close_spanned_group();
        self.open.retain(|item| item.role != Role::Row);
        let cell = cell.trim();
        let name = clean_name(numbered(cell).map_or(cell, |found| found.title));
        if name.chars().any(char::is_alphabetic) && !tables::is_total_label(&name) {
            self.open_spanned_group(number, cell);
        }
    }

    /// The group the block of rows a bare total at line `number` closes stands in: the last
    /// group (`２項　林業費` → 林業費) a line without figures names, from just above the
    /// header down to the total, after any total before it.
    fn group_named_above(&self, number: usize) -> Option<(usize, String)> {
        let top = (1..self.header_top)
            .rev()
            .filter(|n| !is_rule_line(self.line(*n)))
            .take(GROUP_LINES_OVER_HEADER)
            .last()
            .unwrap_or(self.header_top);
        for n in (top..number).rev() {
            let line = strip_markup(self.line(n));
            let row = cells(&line);
            if row.first().is_some_and(|cell| tables::is_total_label(cell)) {
                return None;
            }
            if is_table_line(&line) {
                continue;
            }
            let group = row
                .iter()
                .rev()
                .find_map(|cell| row_group_title(cell))
                .map(clean_name);
            if let Some(group) = group.filter(|name| !name.is_empty()) {
                return Some((n, group));
            }
        }
        None
    }

    /// The caption a table carries above its header (`歳出予算（款別）`): the nearest
    /// non-blank line above it that is a short name, not a unit line or a sentence.
    fn table_caption(&self) -> Option<(usize, String)> {
        let number = self.caption_line(self.header_line)?;
        let written = strip_markup(self.line(number));
        // `表１　会計別予算額　（単位：百万円）`: the unit after a numbered caption is no
        // part of it.
        let line = written
            .find(UNIT_WORD)
            .and_then(|at| written[..at].rfind(['（', '(']))
            .map(|at| &written[..at])
            .filter(|caption| exhibit_title(caption.trim_start_matches('#').trim()).is_some())
            .unwrap_or(written.as_str());
        let title = line.trim_start_matches('#').trim();
        // `項　１　保健衛生費`: the caption's numbering is no part of its name.
        let unnumbered = numbered(title)
            .filter(|found| !found.style.is_bullet())
            .map_or(title, |found| found.title);
        let name = clean_name(
            exhibit_title(title)
                .unwrap_or(unnumbered)
                .trim_matches(['【', '】', '［', '］']),
        );
        let readable = (2..=MAX_ITEM_NAME_CHARS).contains(&name.chars().count())
            && !name.contains(['。', '、'])
            && unit_declared(line).is_none()
            && find_amounts(line).is_empty();
        readable.then_some((number, name))
    }

    /// Remembers the item at `index` among the open ones under the note mark its written
    /// name ends with, if any.
    fn remember_note(&mut self, written_name: &str, index: usize) {
        if let (Some(mark), Some(item)) = (note_mark(written_name), self.open.get(index)) {
            self.noted.insert(mark, item.clone());
        }
    }

    /// A note under the items (`※1　このほか、令和６年度当初予算において１，０２０億円`)
    /// whose mark an item's name carried: its figures are that item's. False for any other
    /// line.
    fn note_line(&mut self, number: usize, raw: &str) -> bool {
        let Some(item) = leading_note_mark(raw).and_then(|mark| self.noted.get(&mark)) else {
            return false;
        };
        if inline_figures(raw).is_empty() {
            return false;
        }
        self.open.push(item.clone());
        let index = self.open.len() - 1;
        self.text_line(number, raw);
        self.open.truncate(index);
        true
    }

    /// The cells of a line; a tab-separated row keeps its empty cells when that gives it a
    /// cell for every column of the table being read (a grid's row with a cell left empty),
    /// and loses them otherwise (tabs that only space the text).
    fn row_cells<'r>(&self, raw: &'r str) -> Vec<&'r str> {
        let compact = cells(raw);
        let width = self.columns.as_ref().map(Vec::len);
        match tab_cells(raw) {
            Some(aligned) if Some(aligned.len()) == width && Some(compact.len()) != width => {
                aligned
            }
            _ => compact,
        }
    }

    /// The columns of a header written on two rows, when the header row at `number` comes
    /// right under the table's header (`令和７年度 | 令和８年度 | 対前年度` over `予算額 |
    /// 要求額 | 増減額`): each column is read from the words above it and its own, the row
    /// with fewer cells aligned with the right of the other. Gives the header's word of each
    /// column and the columns.
    fn stacked_header(&self, number: usize, lower: &[&str]) -> Option<(Vec<String>, Vec<Column>)> {
        self.columns.as_ref()?;
        // A header word set on a line of its own between the two rows (`増減率` under `対前年度`,
        // the second line of the last column's heading) names one more column on the right.
        let lone_word = |line: &str| {
            let line = strip_markup(line);
            let row = cells(&line);
            (row.len() == 1
                && row[0].chars().count() <= LONE_HEADER_WORD_CHARS
                && !row[0].chars().any(char::is_numeric)
                && is_column_word(row[0]))
            .then(|| row[0].to_string())
        };
        let mut lone_words = Vec::new();
        let mut previous = number;
        // A line of column marks alone (`(A) | (A)+(D)` under the columns the upper row does
        // not split) stands between the two rows, naming no column.
        let between = |line: &str| is_rule_line(line) || is_marks_line(line);
        loop {
            previous = (1..previous).rev().find(|n| !between(self.line(*n)))?;
            match lone_word(self.line(previous)) {
                Some(word) => lone_words.push(word),
                None => break,
            }
        }
        if previous != self.header_line {
            return None;
        }
        let upper_line = strip_markup(self.line(previous));
        // `区分 | 令和７年度 | | 令和６年度 |` over `予算額 | 構成比 | 予算額 | 構成比`: a year
        // spanning two columns is written once, and stands over both.
        let upper_words: Vec<String> = match tab_cells(&upper_line) {
            // A grid's header already read over two rows stands over a third.
            Some(grid) if grid.len() == self.header_words.len() => self.header_words.clone(),
            Some(grid) if grid.len() > cells(&upper_line).len() => {
                let mut spanned: Vec<&str> = Vec::with_capacity(grid.len());
                for cell in grid {
                    match spanned.last() {
                        Some(&left) if cell.is_empty() => spanned.push(left),
                        _ => spanned.push(cell),
                    }
                }
                spanned.into_iter().map(str::to_string).collect()
            }
            // `区　分 | … | 備　考`: a letter-spaced word is one cell.
            _ => join_spaced_words(&cells(&upper_line)),
        };
        let upper: Vec<&str> = upper_words.iter().map(String::as_str).collect();
        // A grid's lower row keeps its empty cells under the upper row's spanned ones
        // (`部局 | 事業名 | | 予算額 | 前年度当初 | 増減` under `… | 令和７年度補正 | 令和８年度当初
        // | | |`); `事　　　　項`: a letter-spaced word is one cell.
        let lower_line = strip_markup(self.line(number));
        let lower_grid = tab_cells(&lower_line)
            .filter(|grid| grid.len() == upper_words.len() && grid.len() > lower.len());
        let mut lower: Vec<String> = match lower_grid {
            Some(grid) => spanned_under(&upper_words, &grid),
            None => join_spaced_words(lower),
        };
        lower.extend(lone_words.iter().rev().cloned());
        let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
        let mut upper = upper;
        upper.extend(lone_words.iter().rev().map(String::as_str));
        // A header a PDF's text breaks over two lines (`款 | 本年度(A) | 前年度(B)`, then
        // `増減額 | 増減率 | 本年度 | 前年度`): when the rows under it have a cell for each
        // word of both, the second line goes on from the first.
        // The first row may come under a line naming the group of rows below (`一般会計`).
        let row_width = self
            .lines_after(number)
            .find(|line| !is_name_line(line) || is_table_line(line))
            .filter(|line| is_table_line(line))
            .map(|line| cells(&strip_markup(line)).len());
        if upper.len() >= 2 && lower.len() >= 2 && row_width == Some(upper.len() + lower.len()) {
            let words: Vec<&str> = upper.iter().chain(&lower).copied().collect();
            let columns = header_columns(&words, self.context()).map(without_repeated_figures)?;
            return Some((words.iter().map(|word| word.to_string()).collect(), columns));
        }
        // `会計名 | 本年度 | 前年度 | 比較` over `（A） | （B） | 増減額 | 増減率` or over `予算額 |
        // 構成比 | 予算額 | 構成比 | 増減額 | 増減率`: the label stands on the upper row alone, at
        // the left of the rows; the upper row's other words stand over the lower row's.
        if lone_words.is_empty()
            && upper.len() >= 3
            && row_width == Some(lower.len() + 1)
            && lower.len() >= upper.len()
            && column_of(0, upper[0], self.context()) == Column::Label
            && let Some(words) = label_beside_spans(&upper, &lower, self.context())
        {
            let columns = header_columns(
                &words.iter().map(String::as_str).collect::<Vec<_>>(),
                self.context(),
            )?;
            return Some((words, columns));
        }
        // One upper word stands over every lower word (`今回補正額` over `第1号(B) | 第2号(C) |
        // 補正額計(D)` beside `当初予算額` and `補正後予算額`), when the rows under it have a
        // cell for each of the others and each lower word.
        if lone_words.is_empty()
            && let Some(words) = under_spanning_word(&upper, &lower, row_width)
        {
            let columns = header_columns(
                &words.iter().map(String::as_str).collect::<Vec<_>>(),
                self.context(),
            )?;
            return Some((words, columns));
        }
        // The shorter row stands over or under the cells of the longer one whose columns its
        // own words agree with (`当初予算案(A) | 当初予算(B) | (A)－(B)` under `令和８年度 |
        // 令和７年度 | 増減額` of `区分 | … | 増減率 | 備考`), else over or under its right
        // (`令和７年度 | 前年度` over `事項 | 予算案 | 予算額`).
        let width = upper.len().max(lower.len());
        let (long, short) = if upper.len() >= lower.len() {
            (&upper, &lower)
        } else {
            (&lower, &upper)
        };
        let offset = (0..=width - short.len())
            .max_by_key(|offset| {
                let agreement: i32 = short
                    .iter()
                    .zip(&long[*offset..])
                    .map(|(a, b)| columns_agree(word_column(a), word_column(b)))
                    .sum();
                (agreement, *offset)
            })
            .unwrap_or(width - short.len());
        let at = |row: &[&str], index: usize| -> Option<String> {
            let start = if row.len() == width { 0 } else { offset };
            index
                .checked_sub(start)
                .and_then(|i| row.get(i).map(|cell| cell.to_string()))
        };
        let stacked: Vec<String> = (0..width)
            .map(|index| match (at(&upper, index), at(&lower, index)) {
                (Some(above), Some(below)) if above != below => format!("{above}{below}"),
                (Some(word), _) | (None, Some(word)) => word,
                (None, None) => String::new(),
            })
            .collect();
        let words: Vec<&str> = stacked.iter().map(String::as_str).collect();
        let columns = header_columns(&words, self.context())?;
        Some((stacked, columns))
    }

    /// The columns of a header a PDF's text gives on three lines, its last at line `number`
    /// (`令和７年度 | 令和８年度要求額` over `事項 | 対前年度比 | 備考` over `予算額 | 一般会計 |
    /// 特別会計 | 計`): the middle line holds the cells that span all three, the row's label
    /// first and the others after the columns split over two lines; the top line's words
    /// stand over the bottom line's, one over each and the last over the rest. The rows
    /// below must have a cell for every word of the middle and bottom lines. Where a top
    /// word stands over several columns one of which is their total (`計`), the others are
    /// its parts (`一般会計 | 特別会計`) and hold no budget of their own. With the columns,
    /// whether the last names notes (`備考`), and the header's top line.
    fn three_line_header(
        &self,
        number: usize,
        lower: &[&str],
    ) -> Option<(Vec<Column>, bool, usize)> {
        // Most lines are no header's last line: they are told apart before any line above
        // is read.
        if lower.len() < 2 || lower.iter().any(|cell| parse_number(cell).is_some()) {
            return None;
        }
        let mut above = (1..number)
            .rev()
            .filter(|n| !self.line(*n).trim().is_empty() && !is_rule_line(self.line(*n)));
        let (first_line, second_line) = (above.next()?, above.next()?);
        let cells_of = |line: usize| owned_cells(self.line(line));
        // `令和９年度` over `区分 | 機関名 | 増減額` over `計画額` over `計 | 財政融資 | …`: a
        // head's label the text sets on a line of its own, the head a column of its own.
        let wrapped_label = match cells_of(first_line).as_slice() {
            [label]
                if YearKind::read(label).year.is_none()
                    && matches!(column_of(1, label, self.context()), Column::Figure(..)) =>
            {
                Some(label.clone())
            }
            _ => None,
        };
        let (middle_line, top_line) = match wrapped_label {
            Some(_) => (second_line, above.next()?),
            None => (first_line, second_line),
        };
        let words_only = |row: &[String]| {
            row.len() >= 2
                && row.iter().all(|cell| {
                    // `15か月予算`: a word may count something.
                    let numerals = cell.chars().filter(|c| c.is_numeric()).count();
                    let letters = cell.chars().filter(|c| c.is_alphabetic()).count();
                    numerals == 0
                        || YearKind::read(cell).year.is_some()
                        || (letters > numerals
                            && numbered(cell).is_none()
                            && find_amounts(cell).is_empty())
                })
                && row.iter().all(|cell| parse_number(cell).is_none())
        };
        let (mut top, mut middle) = (cells_of(top_line), cells_of(middle_line));
        rejoin_wrapped_year(&mut top, &mut middle);
        let whole_head = match wrapped_label {
            Some(label) => Some(complete_bare_year(&mut top, &label)?),
            None => None,
        };
        // The middle line may be the label's letters alone (`区 | 分`), or the label alone
        // (`款`) when no column but the label spans the three lines.
        let label_alone = middle.len() == 1
            && !middle[0].chars().any(char::is_numeric)
            && middle[0].chars().any(char::is_alphabetic);
        let middle_words = words_only(&middle) || label_alone;
        let middle = join_spaced_words(&middle.iter().map(String::as_str).collect::<Vec<_>>());
        if !words_only(&top) || !middle_words {
            return None;
        }
        // Only the row's label and columns of no budget, changes and rates span the three
        // lines.
        let context = self.context();
        let spanning = column_of(0, &middle[0], context) == Column::Label
            && middle[1..].iter().all(|word| {
                matches!(
                    column_of(1, word, context),
                    Column::Other | Column::Rate | Column::Change(_)
                )
            });
        if !spanning {
            return None;
        }
        // `国 | 費 | 事業費`: a word's letters a PDF's text sets apart are one word.
        let bottom = join_spaced_words(lower);
        if top.len() > bottom.len() {
            return None;
        }
        // A change compares the figures beside it: with a breakdown of their funding on the
        // right (`財源内訳`), the changes stand before it.
        let breakdown_at = top
            .iter()
            .position(|head| names_funding_breakdown(head))
            .filter(|at| *at > 0);
        let (changes, after): (Vec<&String>, Vec<&String>) = middle[1..].iter().partition(|word| {
            breakdown_at.is_some() && matches!(column_of(1, word, context), Column::Change(_))
        });
        // Columns of words on the right (`事業概要 | 担当課`) a row's text may set elsewhere,
        // when the middle line has a word for every cell it spans.
        let every_cell_named = middle
            .iter()
            .all(|word| word.chars().any(char::is_alphabetic));
        let words_on_right = after
            .iter()
            .rev()
            .take_while(|word| every_cell_named && column_of(1, word, context) == Column::Other)
            .count();
        let width = middle.len() + bottom.len() + usize::from(whole_head.is_some());
        // A row the PDF's text breaks over two lines (`③ …事業 | 【新` over `規】 | 3,620,000
        // | …`) may come first.
        let rows: Vec<Vec<String>> = self
            .lines_after(number)
            .take(ROWS_CHECKED_UNDER_HEADER)
            .filter(|line| is_table_line(line))
            .map(owned_cells)
            .collect();
        // A row of figures alone whose name the PDF's text wraps onto the lines around it
        // (`Ⅰ　…に向けた` over `3,367 | 4,520 | …` over `取組の推進`) lacks only its label.
        let fits = |row: &Vec<String>| {
            (width - words_on_right..=width).contains(&row.len())
                || (row.len() + 1 == width && row.iter().all(|cell| tables::is_figure_cell(cell)))
        };
        if !rows.iter().any(fits) {
            return None;
        }
        // `区分 | 機関名 | 増減額` over `特別会計 | 森林整備再生特別会計 | 120 | …`: the words
        // naming the cells of words before a row's figures stand before the heads' columns.
        let names_before_figures = if whole_head.is_some() {
            let words_first = rows
                .iter()
                .filter(|row| row.len() == width)
                .map(|row| {
                    row.iter()
                        .take_while(|cell| !tables::is_figure_cell(cell))
                        .count()
                })
                .max()
                .unwrap_or(0);
            after
                .iter()
                .take(words_first.saturating_sub(1))
                .take_while(|word| column_of(1, word, context) == Column::Other)
                .count()
        } else {
            0
        };
        let (names, after) = after.split_at(names_before_figures);
        let heads: Vec<String> = top
            .iter()
            .enumerate()
            .filter(|(at, _)| Some(*at) != whole_head)
            .map(|(_, head)| head.clone())
            .collect();
        let spanned = bottom.len() - heads.len() + 1;
        // The middle line's words of changes and rates span the header under a top word of
        // no figure (`対前年度` over `増減率`); a notes column (`備考`) stands under none.
        let over_middle = middle[1..]
            .iter()
            .filter(|word| {
                matches!(
                    column_of(1, word, context),
                    Column::Rate | Column::Change(_)
                )
            })
            .count();
        let counts = top_spans(&heads, over_middle, &bottom, context).map(|mut counts| {
            if let Some(at) = whole_head {
                counts.insert(at, 0);
            }
            counts
        });
        let last_head = (0..top.len()).rfind(|at| Some(*at) != whole_head);
        let mut words = vec![middle[0].clone()];
        words.extend(names.iter().map(|word| word.to_string()));
        // Each span of the top line's heads: its words' range, and where its first word stands
        // on the bottom line.
        let mut spans: Vec<(std::ops::Range<usize>, usize)> = Vec::new();
        let mut at = 0;
        for (index, head) in top.iter().enumerate() {
            if Some(index) == breakdown_at {
                words.extend(changes.iter().map(|word| word.to_string()));
            }
            if Some(index) == whole_head {
                words.push(head.clone());
                continue;
            }
            let count = match &counts {
                Some(counts) => counts[index],
                None if Some(index) == last_head => spanned,
                None => 1,
            };
            spans.push((words.len()..words.len() + count, at));
            for below in &bottom[at..at + count] {
                words.push(format!("{head}{below}"));
            }
            at += count;
        }
        words.extend(after.iter().map(|word| word.to_string()));
        let notes_last = words.last().is_some_and(|word| names_notes(word));
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        let mut columns = header_columns(&words, context)?;
        for (span, first_below) in spans.into_iter().filter(|(span, _)| span.len() >= 2) {
            let below = |index: usize| &bottom[first_below + index - span.start];
            let total = span
                .clone()
                .find(|index| tables::is_total_label(below(*index)));
            if let Some(total) = total {
                for index in span.filter(|index| *index != total) {
                    columns[index] = Column::Other;
                }
            }
        }
        Some((columns, notes_last, top_line))
    }

    /// The columns of a header whose cells a PDF's text wraps over lines, its last at line
    /// `number` (`区 分 | 令和７年度予算` over `（当初） | 令和８年度予算` over `（政府案） |
    /// ７→８` over `増減`): the lines' cells in order are the header's words, a parenthesis
    /// (`（当初）`) going on the word before it and, when one word is still too many, a word
    /// naming no column (`７→８`) going on with the next. The words must give as many columns
    /// as the first row below has cells, which the header's first line alone does not.
    fn wrapped_header(&self, number: usize, lower: &[&str]) -> Option<Vec<Column>> {
        let words_only = |row: &[&str]| {
            !row.is_empty()
                && row.iter().all(|cell| {
                    parse_number(cell).is_none()
                        && cell.chars().count() <= MAX_WRAPPED_HEADER_CELL_CHARS
                        && !cell.contains('。')
                })
        };
        if !words_only(lower) {
            return None;
        }
        // The first row follows the header's last line, maybe under a band naming its group
        // (`〔歳 出〕`).
        let mut below = self.lines_after(number);
        let first_row = match below.next()? {
            line if is_table_line(line) => line,
            band if is_band(band) => below.next().filter(|line| is_table_line(line))?,
            _ => return None,
        };
        let width = cells(&strip_markup(first_row)).len();
        let context = self.header_context(number);
        if header_columns(lower, context).is_some_and(|c| c.len() == width) {
            return None;
        }
        let above: Vec<usize> = (1..number)
            .rev()
            .filter(|n| !self.line(*n).trim().is_empty())
            .take(MAX_WRAPPED_HEADER_LINES - 1)
            .collect();
        // `補正額の財源内訳` over `No. | 事業名 | 款 | 補正額` over `国県支出金 | 市債 | …`: the
        // lower line names the columns of the breakdown headed above, no wrapped words.
        let under_breakdown_head = above
            .iter()
            .take(2)
            .any(|line| self.is_breakdown_head_alone(*line));
        if under_breakdown_head {
            return None;
        }
        for first in &above {
            let lines: Vec<String> = (*first..=number)
                .map(|n| strip_markup(self.line(n)))
                .collect();
            let rows: Vec<Vec<&str>> = lines.iter().map(|line| cells(line)).collect();
            // A row of marks alone (`（Ａ） | （Ｂ） | （Ｂ）－（Ａ）`) stands under its columns.
            let marks_only =
                |row: &Vec<&str>| row.len() >= 2 && row.iter().all(|cell| is_parenthesised(cell));
            if !rows.iter().all(|row| words_only(row)) || rows.iter().any(marks_only) {
                return None;
            }
            // The header starts with the rows' label and a word of figures, not with a
            // wrapped part.
            let label = rows[0][0];
            let top = header_columns(&rows[0], context);
            if label.starts_with(['（', '(']) || column_of(0, label, context) != Column::Label {
                continue;
            }
            match top {
                Some(columns) if columns.len() < width => {}
                _ => return None,
            }
            // `当初予算 増減額 増減率`: when the cells are too few for the columns, words a
            // single space apart are cells of their own, but a letter-spaced word (`区 分`) is
            // one.
            let cells = rows.concat();
            let cells: Vec<String> = if cells.len() < width {
                let parts: Vec<&str> = cells.into_iter().flat_map(str::split_whitespace).collect();
                join_spaced_words(&parts)
            } else {
                cells.into_iter().map(str::to_string).collect()
            };
            if cells.len() <= width {
                return None;
            }
            let words = wrapped_words(cells.iter().map(String::as_str).collect(), width, context);
            if let Some(words) = words {
                let words: Vec<&str> = words.iter().map(String::as_str).collect();
                if let Some(columns) = header_columns(&words, context) {
                    return Some(columns);
                }
            }
        }
        None
    }

    /// The columns of the header `row` at line `number` with a word of the year before standing
    /// alone on the line above it (`前年度` over `予算額 | 要求額`, a PDF's text having moved
    /// it out of its cell): it names the first column of figures when that names no year of
    /// its own, as the earlier year's initial budget.
    fn with_year_word_above(
        &self,
        number: usize,
        row: &[&str],
        columns: Vec<Column>,
    ) -> Vec<Column> {
        let above = (1..number)
            .rev()
            .map(|n| strip_markup(self.line(n)))
            .find(|line| !line.trim().is_empty());
        let words = join_spaced_words(row);
        let lone_year_word = above.as_deref().is_some_and(|line| {
            matches!(cells(line).as_slice(), [word]
                if word.chars().count() <= LONE_HEADER_WORD_CHARS && relative_year(word) < 0)
        });
        if !lone_year_word || words.len() != columns.len() {
            return columns;
        }
        let context = self.header_context(number);
        let mut columns = columns;
        let first = columns
            .iter()
            .position(|column| matches!(column, Column::Figure(..)));
        if let Some(index) = first
            && YearKind::read(&words[index]).year.is_none()
            && relative_year(&words[index]) == 0
            && let Column::Figure(year_kind, _) = &mut columns[index]
        {
            *year_kind = YearKind {
                year: context.year.map(|year| shifted(year, -1)),
                kind: Some(BudgetKind::Initial),
            };
        }
        columns
    }

    /// A line of header words right under the header of a table laid out with spaces
    /// (`特定財源 一般財源 区分 金額` under `本年度の財源内訳 節`): each word joins the header
    /// cell it stands under, and a cell with several words under it is parted into them. The
    /// columns given words are read again; the others, and those of a breakdown set beside
    /// the table, stay as they were. False, with nothing changed, for any other line.
    fn laid_out_header_line(&mut self, number: usize, raw: &str, row: &[&str]) -> bool {
        let (Some(columns), Some(layout)) = (&self.columns, &self.layout) else {
            return false;
        };
        let under_header =
            (1..number).rev().find(|n| !is_rule_line(self.line(*n))) == Some(self.header_line);
        // Two header cells one space apart (`一般財源 区　分`) are two words.
        let row = layout.parted_words(raw, row, columns);
        let header_words = row.iter().all(|cell| {
            cell.chars().any(char::is_alphabetic)
                && !cell.chars().any(char::is_numeric)
                && without_spaces(cell).chars().count() <= LONE_HEADER_WORD_CHARS
        });
        if !under_header || !header_words {
            return false;
        }
        let Some((stacked, layout)) = layout.stacked(raw, &row, columns) else {
            return false;
        };
        let context = self.header_context(self.header_line);
        let columns: Vec<Column> = stacked
            .iter()
            .enumerate()
            .map(|(index, column)| match columns.get(column.upper) {
                Some(kept) if !column.added => *kept,
                _ => column_of(index, &column.words, context),
            })
            .collect();
        self.start_table(number, layout.without_breakdown(columns));
        self.layout = Some(layout);
        true
    }

    /// The header of a table laid out with spaces whose words a fixed-width text stacks over
    /// several lines (`令和７年度  令和８年度  増△減額 増△減率` over `区　分  予算額  要求額` over
    /// `(百万円) (百万円) (百万円) (%)`), read at the first row under it, `row` (slices of
    /// `raw`, at line `number`): each word stands over the row's cell it overlaps. Starts the
    /// table when the lines above give a column for each of the row's cells, the first naming
    /// the rows, and the table being read has no place for all the row's cells. False, with
    /// nothing changed, otherwise.
    fn aligned_header(&mut self, number: usize, raw: &str, row: &[&str]) -> bool {
        // The cells the table being read has a place for: as many as its columns, or those
        // its layout sets under its header (before a breakdown beside it).
        let own = match &self.layout {
            Some(layout) => layout.own_cells(raw, row),
            None => row,
        };
        let fits = self
            .columns
            .as_ref()
            .is_some_and(|columns| columns.len() >= own.len());
        let placed = self
            .layout
            .as_ref()
            .is_some_and(|layout| layout.value_columns(raw, own).is_some());
        if fits || placed || row.len() < 3 || !is_table_line(raw) {
            return false;
        }
        // A rule drawn beside a header's words (`│`, `--------` under a heading spanning the
        // columns to its right) is none of them.
        let header_words = |line: &str| {
            let row: Vec<&str> = cells(line)
                .into_iter()
                .filter(|cell| !is_rule_line(cell))
                .collect();
            !row.is_empty()
                && row.iter().all(|cell| {
                    parse_number(cell).is_none()
                        && cell.chars().count() <= MAX_WRAPPED_HEADER_CELL_CHARS
                        && !cell.contains('。')
                })
        };
        let mut lines: Vec<usize> = Vec::new();
        for above in (1..number).rev() {
            let line = self.line(above);
            if line.trim().is_empty() || lines.len() == MAX_WRAPPED_HEADER_LINES {
                break;
            }
            if is_rule_line(line) {
                continue;
            }
            // `3款 民生費` over `1項 社会福祉費` between the header and its first row: the
            // groups the rows stand in.
            if names_row_group(line) && lines.is_empty() {
                continue;
            }
            if !header_words(line) {
                break;
            }
            lines.push(above);
        }
        if lines.len() < 2 {
            return false;
        }
        lines.reverse();
        let header: Vec<&str> = lines.iter().map(|n| self.line(*n)).collect();
        let Some(layout) = TableLayout::over_row(&header, raw, row) else {
            return false;
        };
        let words: Vec<&str> = layout.words().iter().map(String::as_str).collect();
        let context = self.header_context(lines[0]);
        let Some(columns) = header_columns(&words, context) else {
            return false;
        };
        let figures = columns.iter().any(|c| matches!(c, Column::Figure(..)));
        if columns.first() != Some(&Column::Label) || !figures {
            return false;
        }
        let last = lines[lines.len() - 1];
        self.start_table(last, columns);
        self.column_kinds = per_column(&words, Some(0), |cell| YearKind::read(cell).kind);
        self.layout = Some(layout);
        if let Some(unit) = header.iter().find_map(|line| unit_row(&cells(line))) {
            self.unit = Some(unit);
        }
        true
    }

    /// A row of words right under the header that parts one of its columns (`財源内訳` over
    /// `国県支出金 | 地方債 | 一般財源`): the column the words stand under in a table laid out
    /// with spaces, else the last. The header gets a column for each word, of what the
    /// parted column held (no budget). False, with nothing changed, for any other row.
    fn sub_header(&mut self, number: usize, raw: &str, row: &[&str]) -> bool {
        let Some(columns) = &self.columns else {
            return false;
        };
        let under_header =
            (1..number).rev().find(|n| !is_rule_line(self.line(*n))) == Some(self.header_line);
        let words = row.iter().all(|cell| {
            let cell = cell.trim();
            cell.chars().any(char::is_alphabetic)
                && !cell.chars().any(char::is_numeric)
                && !is_column_word(cell)
        });
        if !under_header || !words {
            return false;
        }
        // Laid out with spaces, the words part the header cell they stand under; otherwise
        // the last column.
        let parted = self.layout.as_ref().and_then(|layout| {
            let index = layout
                .parted_cell(raw, row)
                .filter(|index| columns.get(*index) == Some(&Column::Other))?;
            Some((index, layout.parted(index, raw, row)))
        });
        let (under, parted_layout) = match parted {
            Some((index, layout)) => (Some(index), layout),
            None => (None, None),
        };
        // `補正額の財源内訳` alone over `款 | 補正前の額 | 補正額 | 補正後の額`: the words
        // are columns of the breakdown beside the header's own, no part of its last.
        let beside = under.is_none() && self.breakdown_head_above_header();
        let index = match under {
            Some(index) => index,
            None if beside => columns.len(),
            None if columns.last() == Some(&Column::Other) => columns.len() - 1,
            None => return false,
        };
        let mut parted = columns.clone();
        let replaced = if beside {
            index..index
        } else {
            index..index + 1
        };
        parted.splice(replaced, std::iter::repeat_n(Column::Other, row.len()));
        self.columns = Some(parted);
        self.layout = parted_layout;
        true
    }

    /// Whether the line right above the table's header is a breakdown's head alone
    /// (`補正額の財源内訳`) and no cell of the header names the breakdown.
    fn breakdown_head_above_header(&self) -> bool {
        let above = (1..self.header_top)
            .rev()
            .find(|n| !self.line(*n).trim().is_empty() && !is_rule_line(self.line(*n)));
        let header = strip_markup(self.line(self.header_line));
        above.is_some_and(|line| self.is_breakdown_head_alone(line))
            && !cells(&header)
                .iter()
                .any(|cell| names_funding_breakdown(cell))
    }

    /// Whether line `number` is a funding breakdown's head alone (`補正額の財源内訳`).
    fn is_breakdown_head_alone(&self, number: usize) -> bool {
        let text = strip_markup(self.line(number));
        matches!(cells(&text).as_slice(), [head] if names_funding_breakdown(head))
    }

    /// Whether the next non-blank line after `number` is a table row.
    fn table_row_follows(&self, number: usize) -> bool {
        self.lines_after(number).next().is_some_and(is_table_line)
    }

    /// A line right under a plan's heading that dates it (`令和２年12月25日　閣議決定`).
    fn decision_line(&mut self, number: usize, raw: &str) -> bool {
        let Some((plan, left)) = self.plan_waiting.take() else {
            return false;
        };
        let text = strip_markup(raw);
        let body = text.trim().trim_start_matches(['-', '・', '*', ' ']);
        match parse_decision(&crate::normalize::nfkc(body)) {
            Some(decision) => {
                let source = self.c.source(number, raw.trim());
                self.c.prop(&plan, "decided_on", decision.date.clone());
                if let Some(by) = decision.by {
                    self.c.prop(&plan, "decided_by", by);
                }
                self.c.cite(&plan, source);
                true
            }
            None => {
                if left > 1 {
                    self.plan_waiting = Some((plan, left - 1));
                }
                false
            }
        }
    }

    /// A heading or numbered item. Returns false when the line is prose after all (a bullet
    /// without an amount, a long sentence).
    /// The end of a table row's numbered name that a PDF's text sets on the line under the
    /// row's figures (`Ⅰ　消費者被害の防止・救済に向けた` over `3,367 | 4,520 | …` over
    /// `取組の推進`), with its line: words alone, no parenthesis, maybe a note mark.
    fn name_end_under_figures(&self, number: usize) -> Option<(usize, String)> {
        self.columns.as_ref()?;
        let figures = strip_markup(self.line(number + 1));
        let row = cells(&figures);
        if row.len() < 2 || !row.iter().all(|cell| tables::is_figure_cell(cell)) {
            return None;
        }
        let last = number + 2;
        let end = strip_markup(self.line(last));
        let end = end.trim();
        row_name_words(end)
            .is_some_and(|words| is_name_line(&words) && !is_parenthesised(&words))
            .then(|| (last, end.to_string()))
    }

    fn item_line(&mut self, number: usize, raw: &str, found: &Numbered<'_>) -> bool {
        let title = found.title;
        if found.marker.trim().contains('\t') && cells(title).len() >= FIELD_ROW_CELLS {
            // `基本目標 | 1 こどもが健やかに育つまち | 主管部 | こども未来部` under a sheet's
            // heading: a level's name in a cell of its own before cells of fields is a row of
            // the sheet's fields, no heading.
            return false;
        }
        let figures = inline_figures(title);
        // The name ends at the first figure outside a parenthesis (`新庁舎整備事業（継続費
        // 設定：総額 8,400百万円）　2,150百万円`: the parenthesis is a note on the name).
        let name_end = figures
            .iter()
            .map(|f| f.amount.start)
            .find(|start| !inside_parenthesis(&title[..*start]))
            .unwrap_or(title.len());
        let (name_part, parenthesis) = split_trailing_parenthesis(&title[..name_end]);
        let name_part = if figures.is_empty() {
            name_part
        } else {
            without_clause_after_topic(name_part)
        };
        let name_part = without_labelled_cell(without_figure_label(name_part));
        // `- 対前年度増減：＋280百万円`: the sign before an amount is no part of the name.
        let name_part = name_part
            .trim_end_matches(['＋', '+', '△', '▲'])
            .trim_end_matches(NAME_TAIL);
        let wrapped_end = figures
            .is_empty()
            .then(|| self.name_end_under_figures(number))
            .flatten();
        let name = match &wrapped_end {
            Some((_, end)) => item_name(&format!("{}{end}", name_part.trim_end())),
            None if figures.is_empty() => item_name(name_part),
            None => item_name(without_amount_link(name_part)),
        };
        if found.style.is_bullet()
            && ((is_figure_label(&name) && figures.is_empty()) || names_a_limit(&name))
        {
            // `- 要求額：事項要求`: a bullet of budget wording without an amount names no item,
            // nor does a rate, limit or commitment (`- 補助率：1/2`, `- 国庫債務負担行為：
            // ８，０００億円`).
            return false;
        }
        if !figures.is_empty() && (is_figure_label(&name) || figure_note_label(&name).is_some()) {
            // `- 要求額：32,100百万円（…）` under an item: the item's own figures, and so are
            // those of `- このほか、令和７年度補正予算で 6,000百万円を措置`.
            return match self.open.len().checked_sub(1) {
                Some(owner) => {
                    self.figures(number, title, owner);
                    true
                }
                None => false,
            };
        }
        // `・…ため、第３子保育料無償化事業に2億1,000万円を計上`: a bullet that is a sentence
        // allocating its amount to what it names.
        let allocating = name_part.ends_with('に')
            && figures
                .first()
                .is_some_and(|figure| allocates(&title[figure.amount.end..]));
        let is_sentence =
            name.contains('。') || name.chars().count() > MAX_ITEM_NAME_CHARS || allocating;
        if name.chars().count() < 2 || is_sentence || is_reference_note(title) {
            return false;
        }
        let card_row = figures
            .is_empty()
            .then(|| self.lone_label_row_below(number))
            .flatten();
        if found.style.is_bullet()
            && figures.is_empty()
            && card_row.is_none()
            && !self.figures_below(number)
        {
            return false;
        }
        // A heading inside a project sheet that states no figure (`□ 事業の目的`, `□ 事業費の
        // 推移`) is a section of the sheet, and the figures under it stay the project's; a
        // heading of a style open above the sheet ends it.
        let sheet_at = self
            .sheet
            .as_ref()
            .and_then(|sheet| self.open.iter().position(|item| &item.id == sheet));
        // `## 達成目標１　…` under a sheet's `施策名`: a level of the plan with its number, an
        // item of its own.
        let plan_level = names_plan_level(raw.trim_start().trim_start_matches('#').trim_start());
        if let Some(at) = sheet_at
            && figures.is_empty()
            && !self.outline.is_open(found.style)
            && !plan_level
        {
            self.open.truncate(at + 1);
            self.columns = None;
            self.layout = None;
            return true;
        }
        // Items a project sheet lists are its parts.
        let depth = match sheet_at.and_then(|at| self.open.get(at)) {
            Some(sheet) => self.outline.enter(found.style).max(sheet.depth + 1),
            None => self.outline.enter(found.style),
        };
        self.open.retain(|item| item.depth < depth);
        // `１　予算の総額` under `第１　一般会計補正予算（第３号）`: a heading naming nothing but
        // the total of the account above leaves its figures to that account.
        let under_account = self
            .open
            .last()
            .is_some_and(|item| item.name.contains("会計"));
        if figures.is_empty() && names_only_a_total(&name) && under_account {
            return true;
        }
        let parent = self.open.last().cloned();
        let is_plan = parent.is_none()
            && depth == 0
            && figures.is_empty()
            && find_plans(&format!("「{name}」")).len() == 1;
        let node_type = if is_plan {
            NodeType::Strategy
        } else if is_program_name(&name) {
            program_type(&name)
        } else {
            NodeType::Measure
        };
        let source = match &wrapped_end {
            Some((last, _)) => self.c.source_span(number, *last, name_part.trim()),
            None => self.c.source(number, name_part.trim()),
        };
        let id = self.c.node(node_type, &name, source.clone());
        self.c.prop(&id, "level", depth as u64);
        if let Style::Markdown(level) = found.style {
            self.c.prop(&id, "heading_level", u64::from(level));
        }
        if let (Some(parent), Style::Letter) = (&parent, found.style) {
            self.lettered_points.insert(id.clone(), parent.id.clone());
        }
        if let Some(parent) = &parent {
            let rel = if parent.node_type == NodeType::Strategy {
                Rel::Implements
            } else {
                Rel::PartOf
            };
            self.c.edge(&id, rel, &parent.id, source.clone());
        }
        let inherited = parent
            .as_ref()
            .map(|p| p.year_kind)
            .unwrap_or(self.top_context());
        let item = Item {
            id: id.clone(),
            name: name.clone(),
            node_type,
            depth,
            year_kind: if heads_no_budget(&title[..name_end]) {
                YearKind {
                    kind: Some(BudgetKind::Other),
                    ..item_year_kind(&name, inherited, &self.title_kinds)
                }
            } else {
                item_year_kind(&name, inherited, &self.title_kinds)
            },
            main_budget: None,
            role: if found.style.is_bullet() {
                Role::Bullet
            } else {
                Role::Heading
            },
        };
        if item.role == Role::Heading {
            self.section = Some(id.clone());
        }
        self.open.push(item);
        self.remember_note(name_part, self.open.len() - 1);
        if is_plan {
            self.plan_waiting = Some((id.clone(), DECISION_LINES));
        }
        if !parenthesis.is_empty() {
            self.lead_bodies(number, parenthesis, &id);
        }
        if !name.contains(SETTLED_WORD) {
            // `令和６年度決算の概要（一般会計 735,412,908千円）`: what was spent, no budget.
            self.item_figures(number, title);
        }
        if let Some((row_line, cell, Column::Figure(year_kind, unit))) = card_row {
            self.card_figure(row_line, &cell, year_kind, unit);
        }
        let owner = Owner {
            id: &id,
            name: &name,
            plan_default: Rel::Mentions,
        };
        mentions::read(&mut self.c, Lines::one(number), raw, Some(owner));
        true
    }

    /// The figures of the line of the item just opened: its own, and those a parenthesis
    /// gives a program within it (`２７０億円（うち防災・安全交付金　１２０億円）`), each to
    /// that program.
    fn item_figures(&mut self, number: usize, title: &str) {
        let Some(item) = self.open.len().checked_sub(1) else {
            return;
        };
        let figures = inline_figures(title);
        let mut within = Vec::new();
        let mut start = 0;
        for (index, figure) in figures.iter().enumerate() {
            let before = &title[start..figure.amount.start];
            if index > 0 && !figure.change && before.contains("うち") {
                let named = prose_subject(before)
                    .and_then(|subject| self.program_named(number, title, start, subject));
                if let Some(named) = named {
                    within.push((index, named));
                }
            }
            start = figure.amount.end;
        }
        self.figures_where(number, title, item, |index| {
            within.iter().all(|(within, _)| *within != index)
        });
        for (index, (name, source)) in within {
            let program = self.open_sub_item(name, source);
            self.figures_where(number, title, program, |at| at == index);
            self.open.truncate(program);
        }
    }

    /// The name the line right above a figure line gives on its own (`【一般会計】` over
    /// `令和８年度概算要求額　１，３８９億円`, a `<dt>` over its `<dd>`): the item those
    /// figures are of, with its line. `None` when the line above is an item already, a
    /// sentence, holds figures, or is the wrapped end of the line before it.
    fn name_above(&self, number: usize) -> Option<(usize, String, String)> {
        let mut above = number.checked_sub(1).filter(|above| *above >= 1)?;
        // `会計区分：一般会計` between the name and its figures: a field of the item.
        let mut fields = 0;
        while fields < MAX_FIELDS_BETWEEN
            && above > 1
            && is_item_field(strip_markup(self.line(above)).trim())
        {
            above -= 1;
            fields += 1;
        }
        let line = strip_markup(self.line(above));
        let written = line.trim();
        let name = clean_name(written.trim_matches(['【', '】', '[', ']', '［', '］']));
        let plain_name = numbered(written).is_none()
            && !self.line(above).trim_start().starts_with(['#', '*'])
            && find_amounts(written).is_empty()
            && !written.contains(['。', '|', '\t'])
            && (2..=MAX_ITEM_NAME_CHARS).contains(&name.chars().count())
            && unit_declared(written).is_none()
            && !is_figure_label(&name)
            && !is_wrapped_tail(written)
            && !written.ends_with(SENTENCE_BREAK_ENDINGS)
            && !ends_with_count(written)
            && !is_item_field(written)
            && YearKind::read(&name).year.is_none();
        plain_name.then(|| (above, name, written.to_string()))
    }

    /// Whether the line after the bullet at `number` gives a figure by its label, as a
    /// bullet of its own (`- 一般会計` over `  - 令和８年度要求・要望額：812,345百万円`) or
    /// as the bullet's next line (`- **地域脱炭素推進交付金**` over `  令和8年度要求額
    /// 52,000百万円`): the bullet names the item those figures are of.
    fn figures_below(&self, number: usize) -> bool {
        for line in self.lines_after(number).take(DESCRIPTION_LINES + 1) {
            let line = strip_markup(line);
            match numbered(&line) {
                Some(found) if found.style.is_bullet() => {
                    return is_figure_note(found.title) || self.is_bare_figure_note(found.title);
                }
                Some(_) => return false,
                // `（前年度補正　5,210百万円）` under a bullet of what is done: a note of the
                // item the bullets describe.
                None if is_parenthesised(line.trim()) => return false,
                // `…体制を構築。要求額 214百万円（…）。`: a sentence of the item's description
                // that gives its figure.
                None if line.split_inclusive('。').any(is_figure_note) => return true,
                // A line of description without figures: the figures may come after it.
                None if inline_figures(&line).is_empty() => {}
                None => return false,
            }
        }
        false
    }

    /// Whether a bullet's text labels a figure without its unit, in the unit declared above
    /// (`令和8年度当初予算額：748,215`, `補正額：31,862`).
    fn is_bare_figure_note(&self, title: &str) -> bool {
        self.unit.is_some()
            && title
                .rsplit_once(['：', ':'])
                .is_some_and(|(label, figure)| {
                    (figure_note_label(label).is_some() || tables::bare_year(label).is_some())
                        && parse_number(figure.trim()).is_some()
                })
    }

    /// Emits the figure `cell` of the row at `line` of the item just opened, in the column
    /// of `year_kind` and `unit`.
    fn card_figure(&mut self, line: usize, cell: &str, year_kind: YearKind, unit: Option<&str>) {
        let Some(item) = self.open.last().cloned() else {
            return;
        };
        let unit = unit.or(self.unit);
        let year_kind = year_kind.or(item.year_kind);
        let (Some(amount), Some(year), Some(kind)) =
            (cell_amount(cell, unit), year_kind.year, year_kind.kind)
        else {
            return;
        };
        let source = self.c.source(line, cell);
        let figure = BudgetFigure::new(Some(amount), year, kind);
        let written = unit.map(|unit| (cell, unit));
        let id = self.emit_budget(&item, &figure, source, written);
        if let (Some(open), Some(id)) = (self.open.last_mut(), id) {
            open.main_budget.get_or_insert(id);
        }
    }

    /// The row of a small table of the item at `number` alone (`◆ こども医療費助成事業` over
    /// `財源内訳` / `事業費` / `国庫支出金 県支出金 地方債 その他 一般財源` over `624,380 －
    /// 182,000 － － 442,380`): header lines of words only, one of them a figure word alone
    /// (`事業費`) and the others words of no budget or the head spanning them (`財源内訳`),
    /// then a row of figures alone with a cell for each of those words. The lone figure word
    /// names the row's first figure, as the column set before a spanned group does. Returns
    /// the row's line, its first cell and that column.
    fn lone_label_row_below(&self, number: usize) -> Option<(usize, String, Column)> {
        let context = self.context();
        let (mut label, mut others) = (None, 0);
        let lines = (number + 1..=self.c.doc.lines.len())
            .filter(|n| !self.line(*n).trim().is_empty())
            .take(MAX_CARD_HEADER_LINES + 1);
        for line_number in lines {
            let line = strip_markup(self.line(line_number));
            let row = cells(&line);
            let figures_only = row.len() >= 2
                && is_whole_amount(row[0])
                && row
                    .iter()
                    .all(|cell| is_whole_amount(cell) || is_dash(cell));
            if figures_only {
                let column = label.filter(|_| row.len() == others + 1)?;
                return Some((line_number, row[0].to_string(), column));
            }
            if line.chars().any(|c| c.is_numeric()) || numbered(&line).is_some() {
                return None;
            }
            let words: Vec<&str> = line.split_whitespace().collect();
            let columns: Vec<Column> = words
                .iter()
                .map(|word| column_of(1, word, context))
                .collect();
            match columns.as_slice() {
                [column @ Column::Figure(..)] if label.is_none() => label = Some(*column),
                [Column::Other] => {}
                several if several.len() >= 2 && several.iter().all(|c| *c == Column::Other) => {
                    others += several.len();
                }
                _ => return None,
            }
        }
        None
    }

    /// An indicator line: an indicator node evaluating the current item.
    /// The lines after it that go on with its values (`実績：令和６年度 …`, `達成状況：達成`)
    /// are read with it, and not again.
    fn indicator(&mut self, number: usize, raw: &str) {
        let mut block = raw.trim_end().to_string();
        let mut last = number;
        // (An HTML page's paragraphs stand a blank line apart.)
        let next_written = |last: usize| {
            (last..self
                .c
                .doc
                .lines
                .len()
                .min(last + MAX_BLANKS_IN_INDICATOR + 1))
                .find(|at| !self.c.doc.lines[*at].trim().is_empty())
        };
        while let Some(at) = next_written(last)
            && let next = strip_markup(&self.c.doc.lines[at])
            && continues_indicator(&next)
            && indicator_line(&next).is_none()
        {
            last = at;
            block.push('\u{3000}');
            // `  - 基準値：12件（R2）` under `- KPI：…`: a nested bullet's mark is no value.
            block.push_str(
                next.trim()
                    .trim_start_matches(['-', '・', '*', '•', '○', '◯'])
                    .trim_start(),
            );
            last += 1;
        }
        let Some(indicator) = indicator_line(&block) else {
            return;
        };
        self.read_through = self.read_through.max(last);
        let source = self.c.source_span(number, last, raw.trim());
        let found = FoundIndicator::new(&indicator.values, None, &[], None);
        let owner = self.measured_item();
        self.indicator_of(
            owner.as_deref(),
            &clean_name(&indicator.name),
            found,
            source,
        );
    }

    /// A target stated in running text (`令和９年度までに…を…人とする`): an indicator of the
    /// current item.
    fn target_in_text(&mut self, number: usize, raw: &str) {
        // A statement a line break cuts (`（目標）…の割合を令和１０年度までに` over `８５％以上と
        // する。`) is read with the line after it.
        let next = number + 1;
        let joined =
            (!raw.trim_end().ends_with('。') && !is_band(raw) && next <= self.c.doc.lines.len())
                .then(|| format!("{}{}", raw.trim_end(), self.line(next).trim()));
        let next_line = self.line(next).trim();
        // The line after goes on with the statement when it is the statement's end: short,
        // no label, number or amount of its own.
        let goes_on = !next_line.is_empty()
            && next_line.chars().count() <= MAX_STATEMENT_END_CHARS
            && !next_line.starts_with(['（', '(', '【', '〔', '※'])
            && numbered(next_line).is_none()
            && find_amounts(next_line).is_empty();
        let own = target_statement(raw);
        let with_next = joined
            .filter(|_| goes_on)
            .as_deref()
            .and_then(target_statement);
        let (statement, last) = match (with_next, own) {
            (Some(statement), _) => (statement, next),
            (None, Some(statement)) => (statement, number),
            (None, None) => {
                self.indicators_in_prose(number, raw);
                return;
            }
        };
        let name = clean_name(&statement.name);
        if name.chars().count() < 3 {
            return;
        }
        self.read_through = self.read_through.max(last);
        let mut statement = statement;
        // `（現状）令和６年度　７人` on the line after the statement: its baseline.
        let mut last = last;
        if statement.values.baseline.is_none()
            && let Some(now) = (last + 1..=self.c.doc.lines.len())
                .find(|n| !self.line(*n).trim().is_empty())
                .filter(|n| *n == last + 1)
            && let Some((value, year)) = stated_now_line(self.line(now))
        {
            statement.values.baseline = Some(value);
            statement.values.baseline_year = year;
            last = now;
            self.read_through = self.read_through.max(now);
        }
        let source = self.c.source_span(number, last, raw.trim());
        let found = FoundIndicator::new(&statement.values, statement.due.as_deref(), &[], None);
        let owner = self.measured_item();
        self.indicator_of(owner.as_deref(), &name, found, source);
    }

    /// Indicators the sentences of a line state as their subjects (`…の割合は、令和６年度に
    /// ４２．３％となり、令和１０年度の目標５０％に向けて…`): each evaluates the current item.
    fn indicators_in_prose(&mut self, number: usize, raw: &str) {
        for found in prose_indicators(raw) {
            let name = clean_name(&found.name);
            let source = self.c.source(number, found.name.as_str());
            let indicator = FoundIndicator::new(&found.values, None, &[], None);
            let owner = self.measured_item();
            self.indicator_of(owner.as_deref(), &name, indicator, source);
        }
    }

    /// The items a table's group rows name (`基本目標 | 1 | …` over `施策 | 1-1 | …`), each part
    /// of the one before it and the first part of `owner`; returns the innermost, or `owner`
    /// when the indicator stands under no group.
    fn table_groups(
        &mut self,
        owner: Option<String>,
        groups: &[(String, usize)],
    ) -> Option<String> {
        let mut whole = owner;
        for (name, line) in groups {
            let source = self.c.source(line + 1, name);
            // `（１）農業の担い手の確保・育成`: the name without its number.
            let unnumbered = numbered(name).map_or(name.as_str(), |found| found.title);
            let id = self
                .c
                .node(NodeType::Measure, &item_name(unnumbered), source.clone());
            if let Some(whole) = &whole {
                self.c.edge(&id, Rel::PartOf, whole, source);
            }
            whole = Some(id);
        }
        whole
    }

    /// Adds an indicator evaluating `owner`; one under a lettered point (`ア　経営相談`) also
    /// evaluates the item the point is part of. Returns the indicator's id.
    fn indicator_of(
        &mut self,
        owner: Option<&str>,
        name: &str,
        found: FoundIndicator,
        source: Source,
    ) -> String {
        let id = add_indicator(&mut self.c, owner, name, found, source.clone());
        if let Some(whole) = owner.and_then(|o| self.lettered_points.get(o)).cloned() {
            self.c.edge(&whole, Rel::EvaluatedBy, &id, source);
        }
        id
    }

    /// Indicators in year tables (`目標値`/`実績` rows, named rows of counts) and figure cards
    /// (a year, a count's label, the count), each evaluating the item open where it starts,
    /// and indicator headings with targets by due date.
    fn table_indicators(&mut self) {
        let doc = self.c.doc;
        let lines: Vec<String> = doc
            .lines
            .iter()
            .map(|l| strip_markup(l).replace(['|', '｜'], " "))
            .collect();
        let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
        // Tables whose header names their columns first; the year tables and figure cards
        // read only lines none of those took.
        let by_columns: Vec<Vec<TableIndicator>> = std::mem::take(&mut self.indicator_tables)
            .into_iter()
            .map(|table| table.indicators)
            .collect();
        let spans: Vec<_> = by_columns
            .iter()
            .flatten()
            .map(|t| t.first..=t.last)
            .collect();
        let taken = |found: &TableIndicator| spans.iter().any(|s| s.contains(&found.name_line));
        let others: Vec<TableIndicator> = indicators_in_tables(&lines)
            .into_iter()
            .chain(figure_cards(&lines))
            .filter(|found| !taken(found))
            .collect();
        // Each table's indicators, in the order they are read (a year table's share the
        // line of its header).
        let mut tables = by_columns;
        for found in others {
            match tables.last_mut() {
                Some(last) if last.last().is_some_and(|l| l.first == found.first) => {
                    last.push(found);
                }
                _ => tables.push(vec![found]),
            }
        }
        let restated = restated_rows(&tables);
        // The name each indicator of a table got, by its name in its row, for a later table
        // that states the same indicators' figures again.
        let mut named: HashMap<String, String> = HashMap::new();
        for found in tables.into_iter().flatten() {
            let source = self.c.source_span(found.first + 1, found.last + 1, "");
            let indicator =
                FoundIndicator::new(&found.values, None, &found.planned, found.unit.as_deref());
            if let Some(earlier) = restated
                .contains(&found.name_line)
                .then(|| named.get(&found.name))
                .flatten()
            {
                // `参考 主な指標の実績`: the actuals of indicators a table above named.
                add_indicator(&mut self.c, None, earlier, indicator, source);
                continue;
            }
            let owner = self.owners.get(found.first).cloned().flatten();
            let owner = self.table_groups(owner, &found.groups);
            // A row label naming an indicator the item's lines named already (`…：14市町村
            // （R5） → 35市町村（R9）` over a table of its yearly targets) is that indicator.
            let named_above = owner.as_deref().is_some_and(|owner| {
                let id = node_id(NodeType::Indicator, &clean_name(&found.name));
                self.c.has_edge(owner, Rel::EvaluatedBy, &id)
            });
            let name = match (&owner, found.row_label && !named_above) {
                (Some(owner), true) => {
                    let owner_name = self.c.node_name(owner).unwrap_or_default();
                    format!("{owner_name} {}", found.name)
                }
                _ => clean_name(&found.name),
            };
            let id = self.indicator_of(owner.as_deref(), &name, indicator, source);
            if found.row_label && name != found.name {
                self.c.alias(&id, &found.name);
            }
            named.entry(found.name.clone()).or_insert(name);
        }
        for found in dated_targets(&lines) {
            // The heading is an item of its own; the indicator evaluates the item above it.
            let owner = found
                .name_line
                .checked_sub(1)
                .and_then(|above| self.owners.get(above).cloned().flatten());
            let source = self.c.source_span(found.name_line + 1, found.last + 1, "");
            let indicator = FoundIndicator::new(&found.values, None, &found.steps, None);
            let name = clean_name(&found.name);
            self.indicator_of(owner.as_deref(), &name, indicator, source);
        }
        for found in milestones(&lines, doc.info.year()) {
            let owner = self.owners.get(found.name_line).cloned().flatten();
            let source = self.c.source_span(found.name_line + 1, found.last + 1, "");
            let indicator = FoundIndicator::new(&found.values, None, &[], None);
            self.indicator_of(owner.as_deref(), &found.name, indicator, source);
        }
    }

    /// What the document's legend says figures in `bracket` stand for (`令和7年度補正予算額`).
    fn legend_words(&self, bracket: Bracket) -> Option<&str> {
        self.legend
            .iter()
            .find(|(known, _)| *known == bracket)
            .map(|(_, words)| words.as_str())
    }

    /// Figures alone in a bracket the document's legend names (`〔15,000百万円〕` under
    /// `〔　〕内は令和7年度補正予算額です`): the year and kind its words say.
    fn bracket_legend(&self, raw: &str, figures: &mut [InlineFigure]) {
        for figure in figures.iter_mut().filter(|f| f.year_kind.is_empty()) {
            let opened = raw[..figure.amount.start]
                .trim_end()
                .chars()
                .next_back()
                .and_then(Bracket::opened_by);
            if let Some(words) = opened.and_then(|bracket| self.legend_words(bracket)) {
                figure.year_kind = YearKind::read(words);
                figure.change = figure.change || words.contains("増減");
            }
        }
    }

    /// Running text: its amounts go to the current item (or to the item the line names
    /// before its amount), its names to the recognisers.
    fn text_line(&mut self, number: usize, raw: &str) {
        self.target_in_text(number, raw);
        let mut figures = inline_figures(raw);
        // `…一般会計の補正後の予算総額は` over `63,020,521,684円、…`: a figure opening the
        // line that a sentence begun above says is the budget around a supplementary.
        if let Some(first) = figures.first_mut()
            && raw[..first.amount.start].trim().is_empty()
            && self
                .sentence_above(number)
                .is_some_and(|(_, tail)| names_around_supplementary(after_last_figure(tail)))
        {
            first.limit = true;
        }
        // A frame after the line's figures (`…を措置した。財政投融資計画では、…`) is for the
        // lines after it.
        let frame = sentence_frame(raw);
        let (frame_now, frame_after) = match frame {
            Some(found)
                if figures
                    .first()
                    .is_some_and(|f| f.amount.start < found.start) =>
            {
                (None, Some(found))
            }
            found => (found, None),
        };
        if let Some(frame) = frame_now {
            self.apply_frame(number, frame);
        }
        if figures.is_empty() && LIST_LEADS.iter().any(|lead| raw.contains(lead)) {
            // `令和８年度予算における主要事業の歳出予算額は、次のとおりである。`: the year and kind
            // of the figures listed after it.
            let named = YearKind::read(raw);
            match self.open.last_mut() {
                Some(item) => item.year_kind = named.or(item.year_kind),
                None => self.document_context = named.or(self.document_context),
            }
        }
        if !figures.is_empty()
            && !self.continues_funding_list(number)
            && !self.amount_split_above(number, raw, &figures)
            && !self.statutory_subtotals(number, raw, &figures)
            && !self.listed_figures(number, raw, &figures)
            && !self.sentence_figures(number, raw, &figures)
        {
            let only_changes = figures.iter().all(|f| f.change);
            let statutory = self.statutory_total(number, raw);
            let named = if only_changes || statutory.is_some() {
                statutory
            } else {
                self.named_sub_item(number, &raw[..figures[0].amount.start])
            };
            let owner = named.or_else(|| self.open.len().checked_sub(1));
            match owner {
                Some(index) => {
                    self.figures(number, raw, index);
                    // `（うち重要政策推進枠　2,480百万円）` under an item's 要求額: a part named
                    // in a remark; the lines after it go on with the item.
                    if named == Some(index) && is_parenthesised(raw.trim()) {
                        self.open.truncate(index);
                    }
                    // The article's total is the account's; the articles after it (limits,
                    // borrowing) are not.
                    if statutory == Some(index) {
                        self.open.truncate(index);
                    }
                }
                None => {
                    for figure in &figures {
                        let quote = figure.amount.text(raw);
                        let source = self.c.source(number, quote);
                        self.c.unparsed(source);
                    }
                }
            }
        }
        if let Some(frame) = frame_after {
            self.apply_frame(number, frame);
        }
        let current = self
            .current()
            .map(|item| (item.id.clone(), item.name.clone()));
        match current {
            Some((id, name)) => {
                let owner = Owner {
                    id: &id,
                    name: &name,
                    plan_default: Rel::Mentions,
                };
                mentions::read(&mut self.c, Lines::one(number), raw, Some(owner));
            }
            None => mentions::read(&mut self.c, Lines::one(number), raw, None),
        }
    }

    /// Makes a sentence's `frame` that of the section the last heading opened: its year
    /// and kind become the section's, for its figures and the lines after it, and the items
    /// its sentences opened before close. A frame naming a fiscal investment plan opens that
    /// plan as an item of the section, cited on line `number`.
    fn apply_frame(&mut self, number: usize, frame: SentenceFrame<'_>) {
        let section = self
            .section
            .as_ref()
            .and_then(|id| self.open.iter().position(|item| &item.id == id));
        let Some(section) = section else {
            return;
        };
        // What the sentences under the heading opened (no rows or bullets) closes.
        let sentences_opened = self.open[section + 1..]
            .iter()
            .all(|item| item.role == Role::Heading);
        if sentences_opened {
            self.open.truncate(section + 1);
        }
        if let Some(item) = self.open.get_mut(section) {
            item.year_kind = frame.year_kind;
        }
        if let Some(plan) = frame.plan.filter(|_| sentences_opened) {
            let source = self.c.source(number, plan);
            let opened = self.open_sub_item(clean_name(plan), source);
            if let Some(item) = self.open.get_mut(opened) {
                item.year_kind = frame.year_kind;
            }
        }
    }

    /// The account a budget bill's article setting its total (`第１条　歳入歳出予算の総額は、
    /// 歳入歳出それぞれ４，８７６，０００千円と定める。`, line `number`, `raw`) or adding to it
    /// (`歳入歳出予算の総額に歳入歳出それぞれ３２１，５４０千円を追加し`) is of, opened: the
    /// account the bill's title above names (`令和８年度山吹町一般会計予算`), cited there.
    fn statutory_total(&mut self, number: usize, raw: &str) -> Option<usize> {
        if !sets_statutory_total(raw) {
            return None;
        }
        let (line, account) = (1..number).rev().take(MAX_BILL_HEAD_LINES).find_map(|n| {
            let line = self.line(n);
            ACCOUNT_IN_TITLE
                .captures(line)
                .and_then(|caps| caps.get(1))
                .map(|account| (n, account.as_str()))
        })?;
        let source = self.c.source(line, account);
        Some(self.open_sub_item(account.to_string(), source))
    }

    /// A budget bill's article setting the totals of its account's parts (`歳入歳出予算の総額は、
    /// 事業勘定歳入歳出それぞれ１，４２３，５６０千円、直営診療施設勘定歳入歳出それぞれ…`, line
    /// `number`, `raw`): each amount goes to the part (勘定) named before it, under the account
    /// the bill's title names (`国民健康保険特別会計（事業勘定）`). False, with nothing read,
    /// for any other line.
    fn statutory_subtotals(&mut self, number: usize, raw: &str, figures: &[InlineFigure]) -> bool {
        if !sets_statutory_total(raw) {
            return false;
        }
        let mut start = 0;
        let mut parts = Vec::with_capacity(figures.len());
        for figure in figures {
            let before = &raw[start..figure.amount.start];
            parts.push(ACCOUNT_PART.find_iter(before).last().map(|part| {
                let at = start + part.start();
                (at, part.as_str())
            }));
            start = figure.amount.end;
        }
        if parts.iter().all(Option::is_none) {
            return false;
        }
        let Some(account) = self.statutory_total(number, raw) else {
            return false;
        };
        let account_name = self.open[account].name.clone();
        for (index, part) in parts.into_iter().enumerate() {
            let owner = match part {
                Some((at, part)) => {
                    let source = self.c.source(number, &raw[at..at + part.len()]);
                    self.open_sub_item(format!("{account_name}（{part}）"), source)
                }
                None => account,
            };
            self.figures_where(number, raw, owner, |at| at == index);
            self.open.truncate(account + 1);
        }
        self.open.truncate(account);
        true
    }

    /// Whether the only amount of line `number` (`raw`), at its start, is the end of one
    /// the line above leaves unfinished (`…比 +3兆` over `4,653億円）。`).
    fn amount_split_above(&self, number: usize, raw: &str, figures: &[InlineFigure]) -> bool {
        let [figure] = figures else {
            return false;
        };
        let above = number
            .checked_sub(1)
            .filter(|n| *n >= 1)
            .map(|n| self.line(n).trim_end());
        let unfinished = above.is_some_and(|line| {
            let mut tail = line.chars().rev();
            tail.next() == Some('兆') && tail.next().is_some_and(|c| c.is_numeric())
        });
        unfinished && raw[..figure.amount.start].trim().is_empty()
    }

    /// Sentences that give amounts to the programs they name (`令和７年度予算では、
    /// 「自動運転社会実装推進事業」に４６億円を計上した。`, `…機構に対し、８９８億円`): each
    /// amount goes to the program its sentence links it to (`同事業` being the last such
    /// program named before), a change to the figure before it, any other amount to the
    /// current item. False, with nothing read, when no amount is linked to a program.
    fn sentence_figures(&mut self, number: usize, raw: &str, figures: &[InlineFigure]) -> bool {
        let mut subjects: Vec<Option<(String, Source, YearKind)>> =
            Vec::with_capacity(figures.len());
        let mut start = 0;
        let mut previous_from = 0;
        for (index, figure) in figures.iter().enumerate() {
            // `3億8,500万円 → 4億3,200万円`: the figure an arrow leads to is of the same item.
            if let Some(Some(named)) = subjects.last()
                && is_arrow(&raw[start..figure.amount.start])
            {
                subjects.push(Some(named.clone()));
                start = figure.amount.end;
                continue;
            }
            let sentence_start = sentence_start(&raw[..figure.amount.start]);
            let from = start.max(sentence_start);
            // `…確保には前年度から12億円増の340億円を計上`: the change stated before the
            // figure stands between it and the words naming what it is of.
            let after_change = index
                .checked_sub(1)
                .map(|at| &figures[at])
                .filter(|change| change.change)
                .filter(|change| {
                    is_change_before_figure(&raw[change.amount.end..figure.amount.start])
                });
            let (from, before) = match after_change {
                Some(change) => {
                    let words = &raw[previous_from..change.amount.start];
                    (previous_from, without_comparison_end(words))
                }
                None => (from, &raw[from..figure.amount.start]),
            };
            previous_from = from;
            // `…体制強化に19.5億円、…支援に31億円を計上します`: what a sentence allocates an
            // amount to is named by it, whatever its words.
            // `その内訳は、…支援金に1,230億円、…整備に402億円、…である。`: so is every amount a
            // breakdown lists, and the verb may come lines later.
            let allocated = amount_link(before.trim_end()).is_some()
                && (allocates(&self.sentence_after(number, raw, figure.amount.end))
                    || self.in_breakdown(number, raw, figure.amount.start));
            // `…、広域連合` over `の運営に要する経費として…`: a subject cut by a line break
            // names nothing whole.
            let cut_by_break = from == 0 && before.trim_start().starts_with('の');
            // `事業費　42,600千円（前年度　―）` under a card's title line: the figure of the
            // name above, which the label alone does not name.
            let labelled_below_name = (from == 0 && is_figure_label(before.trim()))
                .then(|| self.name_above(number))
                .flatten()
                .map(|(line, _, written)| (card_title(&written), self.c.source(line, &written)));
            if let Some((name, source)) = labelled_below_name {
                subjects.push(Some((name, source, YearKind::default())));
                start = figure.amount.end;
                continue;
            }
            let subject = prose_subject(before)
                .filter(|_| !cut_by_break)
                .map(|subject| Subject {
                    labelled: subject.labelled || allocated,
                    ..subject
                })
                .and_then(|subject| self.program_named(number, raw, from, subject))
                .filter(|(name, _)| self.current().is_none_or(|item| &item.name != name))
                .map(|(name, source)| (name, source, YearKind::default()))
                .or_else(|| {
                    // `…の整備等に必要な経費として、` over `２１８億円を計上。` (or `…経費とし`
                    // over `て、４２億…`): the sentence began on the line above.
                    let opens_line =
                        from == 0 && before.trim().chars().count() <= MAX_WRAPPED_LINK_CHARS;
                    opens_line
                        .then(|| {
                            self.subject_above(number, before, allocates(&raw[figure.amount.end..]))
                        })
                        .flatten()
                })
                .or_else(|| {
                    self.sentence_topic(number, raw, sentence_start, figure.amount.start)
                        .filter(|(name, ..)| self.current().is_none_or(|item| &item.name != name))
                })
                // A limit (`…３か年で総事業費480,000千円を見込み`) names no item of the budget.
                .filter(|_| !figure.change && !figure.limit);
            subjects.push(subject);
            start = figure.amount.end;
        }
        if subjects.iter().all(Option::is_none) {
            return false;
        }
        // `※ 上記のほか、…特別会計に28.4億円を計上。` under `財政投融資　1,540億円`: what a note
        // adds besides the lines above stands beside the items they named with their figures,
        // not inside them (nor of their kind).
        let note = raw.trim_start().starts_with(['※', '＊']);
        if note && raw.contains(BESIDES) {
            let figureless = self
                .open
                .iter()
                .rposition(|item| item.main_budget.is_none())
                .unwrap_or(0);
            self.open.truncate(figureless + 1);
        }
        let current = self.open.len().checked_sub(1);
        let open_before = self.open.len();
        let mut owner = current;
        for (index, subject) in subjects.into_iter().enumerate() {
            // `…補助金（令和７年度予算額１３．７億円、令和６年度補正予算額５０億円）`: the
            // figures of one parenthesis are of one program.
            let same_parenthesis = index > 0 && {
                let previous_end = figures[index - 1].amount.end;
                let start = figures[index].amount.start;
                inside_parenthesis(&raw[..start]) && !raw[previous_end..start].contains(['）', ')'])
            };
            // `一般会計予算は…億円で、前年度当初予算（…億円）に比べ…`: a topic named again
            // in one sentence is the item its first figure opened.
            let named_again = |name: &String| {
                index > 0
                    && owner != current
                    && owner
                        .and_then(|at| self.open.get(at))
                        .is_some_and(|item| &item.name == name)
                    && !raw[figures[index - 1].amount.end..figures[index].amount.start]
                        .contains('。')
            };
            match subject {
                Some((name, ..)) if named_again(&name) => {}
                Some((name, source, written)) => {
                    let opened = self.open_sub_item(name, source);
                    if let Some(item) = self.open.get_mut(opened) {
                        item.year_kind = written.or(item.year_kind);
                    }
                    owner = Some(opened);
                }
                None if !figures[index].change && !same_parenthesis => owner = current,
                None => {}
            }
            if let Some(owner) = owner {
                self.figures_where(number, raw, owner, |at| at == index);
            }
        }
        // `※このほか、財政投融資 １，２００億円`: what a note names is no item of the lines after.
        if note {
            self.open.truncate(open_before);
        }
        true
    }

    /// The topic of the sentence an amount at byte `end` of line `number` (`raw`) stands in,
    /// from `start`, or from the line above when the sentence began there (`まず、一般会計予算
    /// は、前年度当初予算額…`, `このうち国民健康保険事業特別会計は、…`, `市税は、…`): the name
    /// before its last `は`, when it names an account, a revenue, a program or a fiscal
    /// investment, with the year and kind its words state.
    fn sentence_topic(
        &self,
        number: usize,
        raw: &str,
        start: usize,
        end: usize,
    ) -> Option<(String, Source, YearKind)> {
        // `令和８年度の財政投融資計画額は…`: the year and kind the topic's words state.
        let written = |words: &str, topic: &str| {
            YearKind::read(
                words
                    .find(topic)
                    .map_or("", |at| &words[..at + topic.len()]),
            )
        };
        let words = &raw[start..end];
        if let Some(topic) = topic_of(words) {
            return Some((
                clean_name(topic),
                self.c.source(number, topic),
                written(words, topic),
            ));
        }
        let (above, tail) = self.sentence_above(number).filter(|_| start == 0)?;
        let topic = topic_of(tail)?;
        Some((
            clean_name(topic),
            self.c.source(above, topic),
            written(tail, topic),
        ))
    }

    /// The line above line `number` and the start of the sentence it leaves unfinished (its
    /// text after its last `。`), when it does not end with a full stop.
    fn sentence_above(&self, number: usize) -> Option<(usize, &'a str)> {
        let above = number.checked_sub(1).filter(|n| *n >= 1)?;
        let line = self.line(above).trim_end();
        (!line.ends_with(['。', '．'])).then(|| (above, &line[sentence_start(line)..]))
    }

    /// The rest of the sentence after byte `end` of line `number` (`raw`), followed over the
    /// lines after it while it wraps (up to [`MAX_WRAPPED_SENTENCE_LINES`]).
    fn sentence_after(&self, number: usize, raw: &str, end: usize) -> String {
        let mut rest = raw[end..].to_owned();
        for next in (number + 1..).take(MAX_WRAPPED_SENTENCE_LINES) {
            let line = self.line(next).trim();
            if rest.contains(['。', '．']) || line.is_empty() {
                break;
            }
            rest.push_str(line);
        }
        rest
    }

    /// The sentence before byte `start` of line `number` (`raw`) from its beginning, followed
    /// back over the lines above it while it wraps (up to [`MAX_WRAPPED_SENTENCE_LINES`]).
    fn sentence_before(&self, number: usize, raw: &str, start: usize) -> String {
        let mut before = raw[..start].to_owned();
        for above in (1..number).rev().take(MAX_WRAPPED_SENTENCE_LINES) {
            let line = self.line(above).trim_end();
            if before.contains(['。', '．']) || line.is_empty() || line.ends_with(['。', '．'])
            {
                break;
            }
            before.insert_str(0, line);
        }
        before[sentence_start(&before)..].to_owned()
    }

    /// Whether the sentence an amount at byte `start` of line `number` (`raw`) stands in,
    /// from its beginning over the lines above, lists what a total is made of (`その内訳は、…`).
    fn in_breakdown(&self, number: usize, raw: &str, start: usize) -> bool {
        self.sentence_before(number, raw, start)
            .contains(BREAKDOWN_WORD)
    }

    /// Whether the sentence that `before` (the start of line `number`, up to an amount)
    /// goes on with began on the line above, with an account's or item's topic, and speaks of
    /// budgets there (`まず、一般会計予算は、…に比べ` over `…の増となる４８６億２，０００万円と
    /// いたしました。`).
    fn sentence_above_speaks_of_budget(&self, number: usize, before: &str) -> bool {
        if before.contains('。') {
            return false;
        }
        self.sentence_above(number)
            .is_some_and(|(_, tail)| topic_of(tail).is_some() && speaks_of_budget(tail))
    }

    /// The program named at the end of the line above line `number`, an unfinished sentence
    /// (past the amounts it may hold) that goes on with `rest` (the start of line `number`, up to its first
    /// amount, not a parenthesis), with the year and kind the sentence names before it
    /// (`令和７年度６月補正予算で計上した「…給付金」` over `38,650千円は…`); `allocated` when
    /// the words after the amount say it is allocated.
    fn subject_above(
        &self,
        number: usize,
        rest: &str,
        allocated: bool,
    ) -> Option<(String, Source, YearKind)> {
        let above = number.checked_sub(1).filter(|n| *n >= 1)?;
        let line = self.line(above);
        let text = line.trim_end();
        let unfinished = !text.is_empty()
            && !text.ends_with(['。', '．'])
            && !rest.trim_start().starts_with(['（', '(']);
        if !unfinished {
            return None;
        }
        // `…１施設当たり上限２０万円を支給する「…支援金」` over `に４億円を計上`: a figure
        // of the line above (a cap, a rate) stands before the quoted name, not in it; words
        // after a figure without quotes (`…（１人あたり月額4,800円）を無償化する経費として`)
        // describe the item that line belongs to, unless a clause ends after them
        // (`…（前年度比5億円増）、…支援事業に` over `58億円`).
        let after_figures = text.len() - after_last_figure(text).len();
        if after_figures > 0 && !text[after_figures..].contains(['「', '『', '、', '，']) {
            return None;
        }
        let from = sentence_start(text).max(after_figures);
        let sentence = format!("{}{}", &text[from..], rest.trim());
        let subject = prose_subject(&sentence)?;
        // The name must stand on the line above, to be cited there.
        if from + subject.at + subject.name.len() > text.len() {
            return None;
        }
        let written = YearKind::read(&text[from..from + subject.at]);
        // `…総合対策とし` over `て1,842億円…を計上し`: what the sentence allocates the amount
        // to is named by it, whatever its words.
        let subject = Subject {
            name: &text[from + subject.at..from + subject.at + subject.name.len()],
            labelled: subject.labelled || (allocated && amount_link(sentence.trim_end()).is_some()),
            ..subject
        };
        let (name, source) = self.program_named(above, line, from, subject)?;
        Some((name, source, written))
    }

    /// The program a sentence's `subject` (in the text of line `number`, `raw`, from byte
    /// `from`) stands for, with the source that cites it: a name a figure label in a
    /// parenthesis gives its figure, a program, fund, subsidy, account, budget or body by its
    /// own name (quoted or not, or the program compound the words end with), or `同事業` for
    /// the last program of that kind named before it. `None` for any other words.
    fn program_named(
        &self,
        number: usize,
        raw: &str,
        from: usize,
        subject: Subject<'_>,
    ) -> Option<(String, Source)> {
        let (offset, name) = bare_subject(subject.name);
        let at = from + subject.at + offset;
        if name.chars().count() < 2 || VERB_ENDINGS.iter().any(|ending| name.ends_with(ending)) {
            return None;
        }
        if let Some(word) = name.strip_prefix('同') {
            let antecedent = |line: usize, text: &str| {
                find_programs(text)
                    .into_iter()
                    .rfind(|program| {
                        program.name.ends_with(word) && !program.name.starts_with('同')
                    })
                    .map(|program| (program.name.clone(), self.c.source(line, &program.name)))
            };
            return antecedent(number, &raw[..at]).or_else(|| {
                (number.saturating_sub(ANTECEDENT_LINES).max(1)..number)
                    .rev()
                    .find_map(|line| antecedent(line, self.line(line)))
            });
        }
        // `財政投融資　５，９２０億円` opening the line under `○独立行政法人都市再生機構`: the
        // kind of the figure of the item above, which states none of its own.
        let opens_line = raw[..at].trim().is_empty();
        if name == FISCAL_INVESTMENT
            && opens_line
            && self
                .current()
                .is_some_and(|item| item.main_budget.is_none())
        {
            return None;
        }
        // `…の開催に要する事業費として`, `事業費として`: what the figure pays for, under the
        // item it is of.
        if self.current().is_some() && names_a_cost(name) {
            return None;
        }
        let quoted = raw[..at].ends_with(['「', '『']);
        // `地域脱炭素推進交付金等`: programs named with others of their kind.
        let bare = name.trim_end_matches('等');
        // `…関係予算`, `財政投融資`: a budget or a fiscal investment named whole.
        let names_a_budget = (bare.ends_with("予算")
            && bare.chars().count() >= MIN_BUDGET_NAME_CHARS
            && YearKind::read(bare).year.is_none())
            || bare == FISCAL_INVESTMENT;
        let plain = !name.contains(['を', 'が', '。']) && YearKind::read(name).year.is_none();
        // `令和７年度３月補正予算に５億２，０００万円を計上`: a budget's own words name no item.
        let labelled = subject.labelled && YearKind::read(subject.name).is_empty();
        let named = (labelled && plain)
            || quoted
            || is_program_name(bare)
            || bare.ends_with("補助")
            || bare.ends_with("会計")
            // `研究開発勘定12,732百万円`: a ledger of an account or an agency.
            || bare.ends_with("勘定")
            || names_a_budget
            || mentions::is_agency_name(name);
        // `…地方公共団体を支援する避難所環境整備促進事業`: the program the words end with,
        // after a clause that qualifies it (but `なりわい再建支援補助金` is one name).
        let compound = find_programs(name).into_iter().rfind(|program| {
            program.end == name.len()
                && (program.start == 0 || name[..program.start].ends_with(CLAUSE_ENDINGS))
        });
        let whole_from_line_start =
            opens_line && compound.as_ref().is_none_or(|program| program.start == 0);
        let found = match compound {
            Some(program) => Some((program.name.clone(), self.c.source(number, &program.name))),
            None => named.then(|| {
                let name = without_leading_clause(name);
                (clean_name(name), self.c.source(number, name))
            }),
        };
        found.map(|(name, source)| {
            whole_from_line_start
                .then(|| self.name_begun_on_line_above(number, &name))
                .flatten()
                .unwrap_or((name, source))
        })
    }

    /// A name a wrapped sentence began on the line above (`…（前年度44億円）、水源林整備・保全`
    /// over `事業に126億円…`): the words after that line's last break joined to `name`. `None`
    /// when the line above ends a sentence or a clause, is no line of prose or ends in words
    /// no name ends with.
    fn name_begun_on_line_above(&self, number: usize, name: &str) -> Option<(String, Source)> {
        let (above, sentence) = self.sentence_above(number)?;
        // A line laid out in cells (`一般会計　　補正額　▲５，０００千円`) is no prose.
        let line = self.line(above).trim();
        let prose = line.chars().count() >= MIN_WRAPPED_PROSE_CHARS
            && !line.contains('\t')
            && !line.contains("  ");
        let tail_start = sentence
            .rfind(NAME_BREAKS)
            .map(|at| at + sentence[at..].chars().next().map_or(1, char::len_utf8))?;
        let tail = &sentence[tail_start..];
        let name_words = !tail.is_empty()
            && tail
                .chars()
                .all(|c| c.is_alphabetic() && !is_hiragana(c) || c == '・' || c == 'ー');
        if !prose || !name_words {
            return None;
        }
        let quote = format!("{tail}\n{name}");
        Some((
            clean_name(&format!("{tail}{name}")),
            self.c.source_span(above, number, &quote),
        ))
    }

    /// A sentence listing figures each after its own name (`うち一般会計１，１５０億円、
    /// エネルギー対策特別会計４２０億円`): each name a sub-item of the current item with its
    /// figure. False, with nothing read, unless every figure is a budget after a readable
    /// name and the names after the first follow a list separator.
    fn listed_figures(&mut self, number: usize, raw: &str, figures: &[InlineFigure]) -> bool {
        if figures.len() < 2 || figures.iter().any(|f| f.change || f.limit) {
            return false;
        }
        let mut heads = Vec::with_capacity(figures.len());
        let mut start = 0;
        for (index, figure) in figures.iter().enumerate() {
            let before = &raw[start..figure.amount.start];
            let head_start = if index == 0 {
                before
                    .rfind(['、', '（', '(', '。', '：', ':'])
                    .map_or(0, |at| {
                        at + before[at..].chars().next().map_or(1, char::len_utf8)
                    })
            } else {
                let separated = before.trim_start();
                let Some(separator) = separated.chars().next().filter(|c| "、，,".contains(*c))
                else {
                    return false;
                };
                before.len() - separated.len() + separator.len_utf8()
            };
            let head = &before[head_start..];
            if !is_listed_name(head) {
                return false;
            }
            heads.push((start + head_start, figure.amount.start));
            start = figure.amount.end;
        }
        for (index, &(head_start, amount_start)) in heads.iter().enumerate() {
            let Some(owner) = self.named_sub_item(number, &raw[head_start..amount_start]) else {
                continue;
            };
            let end = heads.get(index + 1).map_or(raw.len(), |next| next.0);
            self.figures(number, &raw[head_start..end], owner);
        }
        true
    }

    /// `name：amount` or `name amount` on a line of its own under an item: the name (`head`,
    /// the text before the amount) is a sub-item of the current one. Returns its index among
    /// the open items.
    fn named_sub_item(&mut self, number: usize, head: &str) -> Option<usize> {
        // `の運営に要する経費として…`: the rest of a phrase the line above began names nothing.
        if head.trim_start().starts_with('の') {
            return None;
        }
        // `民生費　32.1%　`: a pie chart's legend gives the share before the amount.
        let head = head.trim_end_matches(NAME_TAIL);
        // `一般会計が 1,186億…`: the particle after an account is no part of its name, nor is
        // a topic's (`予算総額は６，８４５，０００千円で`).
        let head = head
            .trim_end()
            .strip_suffix('が')
            .filter(|account| TOPIC_ENDINGS.iter().any(|ending| account.ends_with(ending)))
            .or_else(|| head.trim_end().strip_suffix('は'))
            .unwrap_or(head);
        let head = SHARE_AT_END.find(head).map_or(head, |share| {
            head[..share.start()].trim_end_matches(NAME_TAIL)
        });
        // `【物価高騰対策】　　計　`: the total of the group the brackets name.
        let head = ["合計", "小計", "計"]
            .iter()
            .find_map(|total| {
                let group = head.strip_suffix(total)?.trim_end();
                group.ends_with(['】', '］', ']']).then_some(group)
            })
            .unwrap_or(head);
        // `農林水産関係　合計`: the total of the group named before it, a word apart.
        let head = ["合計", "小計", "計"]
            .iter()
            .find_map(|total| {
                let group = head.trim_end().strip_suffix(total)?;
                let name = group.trim();
                (group.ends_with([' ', '\u{3000}'])
                    && name.chars().count() >= MIN_GROUP_NAME_CHARS
                    && !name.contains([' ', '\u{3000}']))
                .then_some(name)
            })
            .unwrap_or(head);
        // `【学ぶ】新しい図書館の建設`: a tag in brackets before the name is no part of it.
        let head = without_leading_tag(head);
        // `※１　うち令和６年能登半島地震分`: a note's mark is no part of the name it gives.
        let head = without_leading_note_mark(head);
        // `【Ⅰ　…の強化】`, `＜サイバー空間の安全・安心の確保＞`: the brackets and the number
        // inside them are no part of the name.
        // `【３．防災・減災、国土強靱化と災害復旧】`: a heading in brackets is a name, whatever
        // its commas.
        let bracketed = {
            let heading = head.trim().trim_end_matches(NAME_TAIL);
            heading.starts_with('【') && heading.ends_with('】')
        };
        let bare = head
            .trim_end_matches(NAME_TAIL)
            .trim_end_matches(['】', ']', '］', '＞', '>', '〉', '》'])
            .trim_start_matches(['【', '[', '（', '(', '＜', '<', '〈', '《', ' ', '\u{3000}'])
            .trim_start_matches("うち")
            .trim();
        let bare = numbered(bare)
            .filter(|found| !found.style.is_bullet())
            .map_or(bare, |found| found.title);
        let name = clean_name(bare);
        let account = name.ends_with("会計");
        let generic = YearKind::read(&name).is_empty()
            && !["予算", "要求", "総額", "合計", "計", "うち"]
                .iter()
                .any(|w| name.starts_with(w) || (name.ends_with(w) && !account));
        // Before any heading, a labelled figure (`【補正予算額】 3,462億円`) is the document's
        // headline total: its label names it even when the label is budget wording.
        let headline = self.open.is_empty();
        // A label naming its subject between its year and kind words
        // (`（参考）令和７年度農林水産関係当初予算額`) after the current item's own figure names
        // an item of its own; the first figure under a heading is the heading's.
        let subject = label_subject(&name).filter(|subject| {
            !generic
                && figure_note_label(&name).is_none()
                && self.current().is_some_and(|item| {
                    item.main_budget.is_some() && !item.name.contains(subject.as_str())
                })
        });
        let (name, generic) = match subject {
            Some(subject) => (subject, true),
            None => (name, generic),
        };
        // `国庫債務負担行為 ４０億円`: a commitment, limit or balance names no item. Two
        // kanji may name a tax, an expense, a bond or a fund (`町税`, `県債`), not a
        // recipient (`世帯 １万円`).
        let two_kanji = name.chars().count() == 2
            && name.chars().all(is_kanji)
            && name.ends_with(SHORT_ACCOUNT_ENDINGS);
        let readable = (name.chars().count() >= 3 || two_kanji)
            && name.chars().count() <= MAX_ITEM_NAME_CHARS
            && !names_a_limit(&name)
            && !name.contains(['。', '】', ']'])
            && !name.ends_with(AS_LINK)
            && (bracketed || !name.contains('、'))
            && (headline || !is_figure_label(&name))
            && (generic || headline);
        if !readable {
            return None;
        }
        let source = self.c.source(number, head.trim());
        let index = self.open_sub_item(name, source);
        self.remember_note(head, index);
        Some(index)
    }

    /// Emits `amount` of `year_kind` (the item's year and kind where it names none) as a
    /// figure of `item` cited by `source`; returns its id and year. `None` for a figure of
    /// settled accounts, and for one of no readable year or kind, which is reported as
    /// unparsed.
    fn emit_figure(
        &mut self,
        item: &Item,
        year_kind: YearKind,
        amount: Decimal,
        source: Source,
        written: Option<(&str, &str)>,
    ) -> Option<(String, FiscalYear)> {
        let year_kind = year_kind.or(item.year_kind);
        let (Some(year), Some(kind)) = (year_kind.year, year_kind.kind) else {
            self.c.unparsed(source);
            return None;
        };
        let figure = BudgetFigure::new(Some(amount), year, kind);
        Some((self.emit_budget(item, &figure, source, written)?, year))
    }

    /// Puts a change (`change_oku_yen`) and its rate (`change_rate`) on the budget `id` they
    /// compare, where they are known.
    fn put_change(&mut self, id: &str, change: Option<Decimal>, rate: Option<Decimal>) {
        if let Some(change) = change {
            self.c
                .prop(id, "change_oku_yen", change.normalize().to_string());
        }
        if let Some(rate) = rate {
            self.c.prop(id, "change_rate", rate.to_string());
        }
    }

    /// Opens `name` as an item under the current one, cited by `source`; returns its index
    /// among the open items.
    fn open_sub_item(&mut self, name: String, source: Source) -> usize {
        let parent = self.current().cloned();
        let node_type = if is_program_name(&name) {
            program_type(&name)
        } else {
            NodeType::Measure
        };
        let id = self.c.node(node_type, &name, source.clone());
        let depth = parent.as_ref().map_or(0, |p| p.depth + 1);
        if let Some(parent) = &parent {
            self.c.edge(&id, Rel::PartOf, &parent.id, source);
        }
        let inherited = parent.as_ref().map_or(self.top_context(), |p| p.year_kind);
        self.open.retain(|item| item.depth < depth);
        self.open.push(Item {
            id,
            name: name.clone(),
            node_type,
            depth,
            year_kind: item_year_kind(&name, inherited, &self.title_kinds),
            main_budget: None,
            role: Role::Heading,
        });
        self.open.len() - 1
    }

    /// Agencies listed in a heading's parenthesis (`（◎内閣官房、全府省）`): a ◎ marks the
    /// lead, responsible for the item; the others collaborate.
    fn lead_bodies(&mut self, number: usize, parenthesis: &str, item: &str) {
        let has_lead = parenthesis.contains('◎');
        for part in parenthesis.split(['、', ',', '，', '・']) {
            let lead = part.contains('◎');
            let name = clean_name(part.trim_start_matches(['◎', '○', ' ', '\u{3000}']));
            if !mentions::is_agency_name(&name) {
                continue;
            }
            let source = self.c.source(number, part.trim());
            let agency = self.c.node(NodeType::Agency, &name, source.clone());
            let rel = if lead || !has_lead {
                Rel::Responsible
            } else {
                Rel::CollaboratesWith
            };
            self.c.edge(item, rel, &agency, source);
        }
    }

    /// Emits the budget figures written in `text` for the open item at `owner`.
    fn figures(&mut self, number: usize, text: &str, owner: usize) {
        self.figures_where(number, text, owner, |_| true);
    }

    /// Emits the budget figures written in `text` whose place among them `chosen` accepts,
    /// for the open item at `owner`.
    fn figures_where(
        &mut self,
        number: usize,
        text: &str,
        owner: usize,
        chosen: impl Fn(usize) -> bool,
    ) {
        let Some(item) = self.open.get(owner).cloned() else {
            return;
        };
        if self.under_no_budget_heading() {
            return;
        }
        // The budget figure before, as read: a figure compared with it (`約１兆３，６４１億円
        // （前年度約１兆３，２０５億円）`) counts its year from that one's.
        let mut beside: Option<Option<FiscalYear>> = None;
        // `…億円で、前年度` over `当初予算（…億円）に比べ`: the year a sentence names at the
        // end of the line above is the first figure's, when this line names none before it.
        // The sentence the line above leaves unfinished, and its words past its amounts.
        let tail_above = self.sentence_above(number).map(|(_, tail)| tail);
        let past_amounts_above = tail_above.map(|tail| {
            let after_amounts = find_amounts(tail).last().map_or(0, |amount| amount.end);
            &tail[after_amounts..]
        });
        let year_above = past_amounts_above
            .filter(|_| numbered(text).is_none())
            .map(|clause| {
                clause
                    .rfind(['、', '，'])
                    .map_or(clause, |at| &clause[at..])
            })
            .filter(|clause| {
                // `…、前年度当初予算` over `3,312,900千円と比べ`: a label naming the year.
                let label = clause.trim_start_matches(['、', '，']).trim_end();
                !clause.contains(['（', '('])
                    && (label.ends_with("年度")
                        || (relative_year(label) != 0 && is_figure_label(label)))
            });
        // `…歳入歳出予算の総額を` over `歳入歳出それぞれ８，７６５，４３２千円とする。`: the total a
        // supplementary leaves.
        let total_set_above = tail_above.is_some_and(|tail| tail.trim_end().ends_with("総額を"));
        // `…市民1人当たりの一般会` over `計予算額は420,263円…`: a rate per head the sentence
        // above begins, past its amounts, is the first figure's.
        // (A bullet or numbered item of its own opens no such sentence's end.)
        let rate_above = numbered(&strip_markup(self.line(number))).is_none()
            && past_amounts_above.is_some_and(names_a_rate);
        let mut found = inline_figures(text);
        self.bracket_legend(text, &mut found);
        for (index, mut figure) in found.into_iter().enumerate() {
            let before = &text[..figure.amount.start];
            if index == 0
                && total_set_above
                && !before.contains(['、', '。'])
                && text[figure.amount.end..].trim_start().starts_with("とする")
            {
                figure.limit = true;
            }
            if let Some(tail) = year_above.filter(|_| index == 0 && !before.contains(['、', '。']))
                && figure.year_kind.year.is_none()
                && figure.year_offset == 0
            {
                figure.year_offset = relative_year(&format!("{tail}{before}"));
            }
            if index == 0 && rate_above && !before.contains(['、', '。']) {
                continue;
            }
            // `…一般会計で総額2,148億円を計上した。その内訳は、…整備に16億円である。`: a
            // breakdown speaks of the budget the sentence before it states.
            let outside_budget_talk = figure.outside_budget_talk
                && !self.sentence_above_speaks_of_budget(number, &text[..figure.amount.start])
                && !self.in_breakdown(number, text, figure.amount.start);
            if figure.limit || outside_budget_talk {
                continue;
            }
            let quote = quote_around(text, figure.amount.start, figure.amount.end);
            // The item's figure may stand earlier on this same line.
            let main = self
                .open
                .get(owner)
                .and_then(|open| open.main_budget.clone());
            // `（１）職員給与費　……　△１２３，４５６千円` in a supplementary: a reduction, the
            // item's own (negative) supplementary, when the item has no figure to change.
            // `（１）地方交付税交付金の増額（１０，８１０億円）` in a supplementary: the increase
            // the item's name states is its supplementary.
            let named = text[..figure.amount.start]
                .trim_end()
                .trim_end_matches(['（', '(']);
            let named_increase = named.ends_with("増額") || named.ends_with("減額");
            let reduction = figure.change
                && main.is_none()
                && (figure.amount.oku.is_sign_negative() || named_increase)
                && figure.year_kind.or(item.year_kind).kind == Some(BudgetKind::Supplementary)
                && !CHANGE_WORDS
                    .iter()
                    .any(|word| text[..figure.amount.start].contains(word));
            if figure.change && !reduction {
                if !chosen(index) {
                    continue;
                }
                let source = self.c.source(number, quote);
                if let Some(main) = main {
                    let change = figure.amount.oku.to_string();
                    self.c.prop(&main, "change_oku_yen", change);
                } else {
                    self.c.unparsed(source);
                }
                continue;
            }
            let mut written = figure.year_kind;
            // Lending compared with the year before (`前年度 980,000百万円` under a 財政投融資
            // item) is that year's lending.
            let lending = item.year_kind.kind == Some(BudgetKind::FiscalInvestment)
                && figure.year_offset != 0;
            if (figure.kind_plain || lending) && item.year_kind.kind.is_some() {
                written.kind = item.year_kind.kind;
            }
            // `公共事業費　7,823億円（令和7年度 6,989億円）` in a request: a year before the
            // request's with no kind named is that year's budget as enacted.
            let year_before_request = item.year_kind.kind == Some(BudgetKind::Request)
                && matches!((written.year, item.year_kind.year), (Some(year), Some(requested)) if year < requested);
            if written.kind.is_none() && year_before_request {
                written.kind = Some(BudgetKind::Initial);
            }
            let context = written.or(item.year_kind);
            let base_year = match beside {
                Some(Some(year)) if figure.year_offset != 0 => Some(year),
                _ => item.year_kind.year,
            };
            let year = figure
                .year_kind
                .year
                .or_else(|| base_year.map(|y| shifted(y, figure.year_offset)));
            let budget_context =
                item.year_kind.kind.is_some() || !figure.kind_implied || beside.is_some();
            // `…事業に2億500万円を計上いたしました` where nothing names a kind (a policy
            // speech whose title names its year alone): what the year's budget allocates is
            // its initial budget.
            // The verb may open the line after (`…事業に１４億８，０００万円を` over
            // `計上いたしました。`): followed only when nothing names a kind.
            let allocated = context.kind.is_none()
                && if text.len() == self.line(number).len() {
                    allocates(&self.sentence_after(number, text, figure.amount.end))
                } else {
                    allocates(&text[figure.amount.end..])
                };
            let kind = context
                .kind
                .filter(|_| budget_context)
                .or(allocated.then_some(BudgetKind::Initial));
            let Some(kind) = kind else {
                continue;
            };
            beside = Some(year);
            if !chosen(index) {
                continue;
            }
            let source = self.c.source(number, quote);
            let Some(year) = year else {
                self.c.unparsed(source);
                continue;
            };
            // `…により１億２，５００万円を減額し` in a supplementary: the amount it takes off
            // is its (negative) supplementary.
            let taken_off = kind == BudgetKind::Supplementary
                && text[figure.amount.end..].trim_start().starts_with(REDUCING)
                && figure.amount.oku.is_sign_positive();
            let amount = if taken_off {
                -figure.amount.oku
            } else {
                figure.amount.oku
            };
            let mut budget = BudgetFigure::new(Some(amount), year, kind);
            budget.inclusive = figure.inclusive;
            budget.flags = figure.flags.clone();
            let Some(id) = self.emit_budget(&item, &budget, source, None) else {
                continue;
            };
            if let Some(open) = self.open.get_mut(owner) {
                open.main_budget.get_or_insert(id);
            }
            self.bracketed_figure(number, text, &figure.amount, &item);
        }
    }

    /// `52,600百万円（42,500）` under a legend `（　）内は令和7年度予算額`: the bare figure in
    /// the bracket after an amount, in that amount's unit, is a budget of the year and kind the
    /// legend names.
    fn bracketed_figure(&mut self, number: usize, text: &str, amount: &AmountMatch, item: &Item) {
        let after = &text[amount.end..];
        let Some(open) = after.chars().next() else {
            return;
        };
        if Bracket::opened_by(open) != Some(Bracket::Round) {
            return;
        }
        let Some(words) = self.legend_words(Bracket::Round).map(str::to_string) else {
            return;
        };
        let Some((close, closing)) = after.char_indices().find(|(_, c)| matches!(c, ')' | '）'))
        else {
            return;
        };
        let inner = after[open.len_utf8()..close].trim();
        let written = amount.text(text).trim_start_matches(['△', '▲', ' ']);
        let digits_end = written
            .find(|c: char| {
                !(crate::normalize::is_digit(c) || matches!(c, ',' | '.' | '，' | '．'))
            })
            .unwrap_or(written.len());
        // One figure and its unit (`52,600百万円`), not one written in parts (`5億2,000万円`).
        let (figure, unit) = written.split_at(digits_end);
        if unit.chars().any(crate::normalize::is_digit) {
            return;
        }
        let (Some(bare), Some(stated)) = (parse_number(inner), parse_number(figure)) else {
            return;
        };
        if stated.is_zero() {
            return;
        }
        let Column::Figure(year_kind, _) = column_of(1, &words, item.year_kind) else {
            return;
        };
        let (Some(year), Some(kind)) = (year_kind.year, year_kind.kind) else {
            return;
        };
        let value = bare * amount.oku.abs() / stated;
        let quote = quote_around(text, amount.start, amount.end + close + closing.len_utf8());
        let source = self.c.source(number, quote);
        self.emit_budget(
            item,
            &BudgetFigure::new(Some(value), year, kind),
            source,
            None,
        );
    }
}

/// The name a card's title line gives (`【新規】学童保育室増設事業　（こども課）`): without
/// its status mark and the department responsible, in parentheses after it.
fn card_title(written: &str) -> String {
    // A short tag in brackets (`【拡】`, `【新規】`) marks the project, and names no part of it.
    let untagged = written
        .trim()
        .strip_prefix('【')
        .and_then(|rest| rest.split_once('】'))
        .filter(|(tag, rest)| tag.chars().count() <= MAX_CARD_TAG_CHARS && !rest.trim().is_empty())
        .map_or(written.trim(), |(_, rest)| rest);
    let name = without_status_marks(untagged);
    let name = match name.trim_end().strip_suffix(['）', ')']) {
        Some(inner) => match inner.rfind(['（', '(']) {
            Some(open) if is_body_name(inner[open..].trim_start_matches(['（', '('])) => {
                &inner[..open]
            }
            _ => name,
        },
        None => name,
    };
    // `【一般会計】` over its figures: the name in brackets is the whole title.
    clean_name(name.trim_matches(['【', '】', '[', ']', '［', '］']))
}

/// Longest tag in brackets before a card's title (`【新規】`, `【重点】`), in chars.
const MAX_CARD_TAG_CHARS: usize = 4;

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

/// The words right after an amount that take it off a budget (`…を減額し`).
const REDUCING: &str = "を減額";

/// Whether the rest of a sentence after an amount (`を計上いたしました。…`) says the amount
/// is allocated, up to the sentence's end.
fn allocates(rest: &str) -> bool {
    rest.split('。')
        .next()
        .is_some_and(|sentence| ALLOCATIONS.iter().any(|verb| sentence.contains(verb)))
}

/// Adds a budget node for `item` with a `has_budget` edge; returns its id, or `None` for a
/// figure of kind `other`, which is no budget. `written` keeps a table cell's number and
/// unit as printed, so the amount can be found in the line.
fn budget_node(
    c: &mut Collector<'_>,
    item: &Item,
    figure: &BudgetFigure,
    source: Source,
    written: Option<(&str, &str)>,
) -> Option<String> {
    // What was spent or where the money comes from (kind `other`) is no budget.
    if figure.kind == BudgetKind::Other {
        return None;
    }
    let amount = figure
        .amount_oku
        .map(|a| format!("{a}億円"))
        .unwrap_or_else(|| "事項要求".into());
    let name = format!(
        "{} {} {}{} {amount}",
        item.name,
        figure.fiscal_year.label(),
        figure.kind.as_str(),
        figure.bill.as_deref().unwrap_or_default()
    );
    let mut key = item.name.clone();
    if figure.inclusive {
        key.push_str(" (の内数)");
    }
    let mut draft = crate::graph::model::NodeDraft::new(NodeType::Budget, &name, source.clone());
    draft.id = node_id(NodeType::Budget, &figure.id_key(&key));
    draft.props = figure.to_props();
    draft
        .props
        .insert("item".into(), Value::String(item.name.clone()));
    if let Some((number, unit)) = written {
        draft
            .props
            .insert("written".into(), Value::String(number.to_string()));
        draft
            .props
            .insert("unit".into(), Value::String(unit.to_string()));
    }
    let id = c.node_draft(draft);
    c.edge(&item.id, Rel::HasBudget, &id, source);
    Some(id)
}

/// Kana that end a clause qualifying a name (`支援する`, `講じた`, `地域の`, `新たな`).
const CLAUSE_ENDINGS: [char; 7] = ['る', 'た', 'の', 'に', 'て', 'し', 'な'];

/// The name of the fiscal investment and loan program, which a sentence may give its
/// amount to (`このほか、財政投融資 １，２３４億円を要求`).
const FISCAL_INVESTMENT: &str = "財政投融資";

/// The word of a note adding a figure besides those above it (`上記のほか`, `このほか`).
const BESIDES: &str = "ほか";

/// Fewest chars of a name a sentence gives a budget by (`防災関係予算`).
const MIN_BUDGET_NAME_CHARS: usize = 5;

/// How many lines back `同事業` may find the program it stands for.
const ANTECEDENT_LINES: usize = 20;

/// How many lines after a table's header its closing unit line may stand.
const TABLE_REACH_FOR_UNIT: usize = 60;

/// The most chars of a line that ends a target statement begun on the line above
/// (`８５％以上とする。`).
const MAX_STATEMENT_END_CHARS: usize = 20;

/// Most blank lines between an indicator's name and its lines of values, or between those.
const MAX_BLANKS_IN_INDICATOR: usize = 1;

/// How many lines of a table's header a page break may repeat atop the next page.
const HEADER_LINES_REPEATED: usize = 3;

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

/// Whether the text before an amount in a list of figures is a name of its own: a few words
/// after the list's separator, not a clause.
fn is_listed_name(head: &str) -> bool {
    let name = clean_name(
        head.trim_start_matches(['、', '，', ',', ' ', '\u{3000}'])
            .trim_start_matches("うち"),
    );
    // `（令和７年度予算額１２億円、令和６年度補正予算額３０億円）` lists labels, not names.
    (2..=MAX_ITEM_NAME_CHARS).contains(&name.chars().count())
        && !name.contains(['。', '、', 'は', 'を', 'に'])
        && !is_figure_label(&name)
}

/// Whether an item's name says nothing but that it is the total of a budget (`予算の総額`,
/// `補正予算の規模`, `歳入歳出予算の総額`).
fn names_only_a_total(name: &str) -> bool {
    let rest = ["歳入歳出", "予算", "補正", "当初", "の"]
        .iter()
        .fold(without_spaces(name), |rest, word| rest.replace(word, ""));
    TOTAL_WORDS.contains(&rest.as_str())
}

/// The word for what a project costs (`事業費`). (A named cost, `…に係る経費`, is a heading's
/// item of its own in white papers, and stays one.)
const PROJECT_COST_WORD: &str = "事業費";

/// Words that link a purpose to its cost (`…の開催に要する事業費`, `…等の事業費`, `…配置する
/// 事業費`).
const COST_LINKS: [&str; 5] = ["に要する", "に係る", "に必要な", "の", "する"];

/// Whether a name only says what a project's purpose costs (`事業費`, `研修の開催に要する
/// 事業費`), no item's name.
fn names_a_cost(name: &str) -> bool {
    name.strip_suffix(PROJECT_COST_WORD).is_some_and(|purpose| {
        purpose.is_empty() || COST_LINKS.iter().any(|link| purpose.ends_with(link))
    })
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

/// Whether a heading, as written before its figures, says the figures under it are what was
/// spent, no budgets (`参考　特別会計の推移（決算額）`).
fn heads_no_budget(written: &str) -> bool {
    !written.contains("予算") && written.contains(SETTLED_WORD)
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

/// How many lines above a table's header a unit declared there is the table's.
const UNIT_REACH_ABOVE_HEADER: usize = 4;

/// Whether a line is a header's row of column marks under its label cell spanned down
/// (`区分 | (A) | (B) | (A)-(B)`).
fn marks_after_label(line: &str) -> bool {
    let row = cells(line);
    row.len() >= 2 && row[1..].iter().all(|cell| is_marks_cell(cell))
}

/// How many lines under a header of three lines are looked at for a row with a cell for
/// each of its columns.
const ROWS_CHECKED_UNDER_HEADER: usize = 4;

/// Words of a sentence that leads into a list (`…は、次のとおりである`).
const LIST_LEADS: [&str; 3] = ["次のとおり", "以下のとおり", "下記のとおり"];

/// Words ending a sentence's opening that names the budget it speaks of (`令和７年度補正予算
/// （第１号）では`, `令和８年度財政投融資計画において`).
const FRAME_ENDINGS: [&str; 2] = ["では", "において"];

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

/// Captions of tables and headings of sections whose amounts are commitments, carry-overs or
/// borrowing, not budgets.
const NOT_BUDGET_CAPTIONS: [&str; 4] = ["継続費", "債務負担行為", "地方債", "繰越明許費"];

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

/// Last chars of an account two kanji can name (`町税`, `県費`, `県債`, `基金`).
const SHORT_ACCOUNT_ENDINGS: [char; 4] = ['税', '費', '債', '金'];

/// The topic of a clause a bulleted figure follows (`市税収入は`, `一般会計は、過去最大の規模`,
/// `**市税**は、…により、`): the words before its `は`; any other text as it is.
fn without_clause_after_topic(text: &str) -> &str {
    let trimmed = text.trim_end_matches(NAME_TAIL);
    if let Some(topic) = trimmed.strip_suffix('は') {
        return topic;
    }
    match text.find("は、") {
        Some(at) => &text[..at],
        None => text,
    }
}

/// Most chars of a header cell naming how its column's figures are grouped (`事項別`).
const MAX_GROUPING_CHARS: usize = 6;

/// Whether a header cell names how its column's figures are grouped (`事項別`, `柱別`,
/// `会計別`).
fn names_grouping(cell: &str) -> bool {
    let folded = without_spaces(cell);
    folded.ends_with('別') && (2..=MAX_GROUPING_CHARS).contains(&folded.chars().count())
}

/// Whether a label names a figure or the change of one (`本年度`, `前年度`, `比較`).
fn labels_figure(label: &str) -> bool {
    is_figure_label(label) || matches!(column_of(1, label, YearKind::default()), Column::Change(_))
}

/// Whether `c` is a CJK ideograph.
fn is_kanji(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// A share in per cent at the end of a text (`32.1%`, ` 7.7％`).
static SHARE_AT_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[\d０-９]+(?:[.．][\d０-９]+)?\s*[%％]$").expect("share pattern")
});

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
/// `前年度比較`, `前年度比` over the value on the next line, as a description list sets them).
fn is_field_term(term: &str) -> bool {
    is_figure_label(term)
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

/// The cells of a grid's lower header row under the upper row's `upper` words (spanned cells
/// repeated): a cell left empty right of a word, under the same upper cell as that word, is
/// spanned by it (`原資別内訳 | | ` under `令和９年度計画額` spanning three columns).
fn spanned_under(upper: &[String], lower: &[&str]) -> Vec<String> {
    let mut spanned: Vec<String> = Vec::with_capacity(lower.len());
    for (index, cell) in lower.iter().enumerate() {
        let same_upper = index > 0 && upper.get(index) == upper.get(index - 1);
        match spanned.last() {
            Some(left) if cell.is_empty() && same_upper && !left.is_empty() => {
                let left = left.clone();
                spanned.push(left);
            }
            _ => spanned.push(cell.to_string()),
        }
    }
    spanned
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

/// Most chars (spaces aside) of a line a PDF's text cuts out of a table's layout.
const MAX_FRAGMENT_CHARS: usize = 16;

/// A line a PDF's text cuts out of a table's layout between its rows: letters of a label
/// spelled down the side (`予　予`, `額`), the rest of a wrapped cell (`主な増減理由`,
/// `額　の　導入支援の対象とな`); short, with no unit, figure or sentence end.
fn is_layout_fragment(line: &str) -> bool {
    let letters = line.chars().filter(|c| !c.is_whitespace()).count();
    letters <= MAX_FRAGMENT_CHARS
        && unit_declared(line).is_none()
        && !line.contains('。')
        && !line.chars().any(|c| c.is_numeric())
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

/// Endings of a predicate (`…を行います`), which names nothing.
const VERB_ENDINGS: [&str; 4] = ["ます", "した", "する", "です"];

/// Most chars of a line's start before its first amount that may end a sentence begun on
/// the line above (`て、`, `として、`).
const MAX_WRAPPED_LINK_CHARS: usize = 4;

/// Most lines after or before its line a sentence is followed over to find its verb or its
/// opening.
const MAX_WRAPPED_SENTENCE_LINES: usize = 4;

/// The word of a sentence that lists what a total is made of (`その内訳は、…`, `主な内訳を
/// みると、…`).
const BREAKDOWN_WORD: &str = "内訳";

/// Longest cell that is only a row's number (`１０`, `Ⅲ`, `（10）`), in chars.
const MAX_NUMBERING_CELL_CHARS: usize = 4;

/// Longest header word set on a line of its own inside a header, in chars.
const LONE_HEADER_WORD_CHARS: usize = 6;

/// Most words of a header one space apart.
const SPACED_HEADER_WORDS: usize = 8;
/// Longest word of such a header, in chars.
const SPACED_HEADER_WORD_CHARS: usize = 12;

/// Most chars of the heading of a column of notes that closes a header's cell (`主な増減理由`).
const MAX_NOTES_HEADING_CHARS: usize = 8;

/// Words that mark the start of an attachment to a document (`（別紙）`, `別添２`).
const ATTACHMENT_WORDS: [&str; 3] = ["別紙", "別添", "参考資料"];

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

/// The columns with a column of figures of the same year and kind as one before it, with no
/// column of words between them, holding no budget: the second names shares of the first
/// (`本年度 | 前年度` under `構成比`).
fn without_repeated_figures(columns: Vec<Column>) -> Vec<Column> {
    let written = columns.clone();
    let mut columns = columns;
    for index in 1..columns.len() {
        let Column::Figure(year_kind, _) = written[index] else {
            continue;
        };
        let repeated = written[..index]
            .iter()
            .rev()
            .take_while(|column| !matches!(column, Column::Label | Column::Other))
            .any(|column| matches!(column, Column::Figure(earlier, _) if *earlier == year_kind));
        if repeated {
            columns[index] = Column::Other;
        }
    }
    columns
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

/// The words of a header whose upper row has one word standing over all the lower row's
/// words (`区分 | 当初予算額 | 今回補正額 | 補正後予算額` over `第1号(B) | 第2号(C) | 補正額計(D)`),
/// when the rows under it are `row_width` cells wide, one for each of the other upper
/// words and each lower word: the spanning word is the one the lower words agree with most
/// (figures over figures, a kind over the same kind), and it goes before each of them.
/// `None` when no word is agreed with more than the others.
fn under_spanning_word(
    upper: &[&str],
    lower: &[&str],
    row_width: Option<usize>,
) -> Option<Vec<String>> {
    if upper.len() < 2 || lower.len() < 2 || row_width != Some(upper.len() - 1 + lower.len()) {
        return None;
    }
    let agreement = |head: &str| -> i32 {
        let head_kind = YearKind::read(head).kind;
        lower
            .iter()
            .map(|word| {
                let kinds = match (head_kind, YearKind::read(word).kind) {
                    (Some(a), Some(b)) if a == b => 1,
                    (Some(_), Some(_)) => -1,
                    _ => 0,
                };
                kinds + columns_agree(word_column(head), word_column(word))
            })
            .sum()
    };
    let scores: Vec<i32> = upper[1..].iter().map(|head| agreement(head)).collect();
    let best = *scores.iter().max()?;
    if best <= 0 || scores.iter().filter(|score| **score == best).count() > 1 {
        return None;
    }
    let spanning = 1 + scores.iter().position(|score| *score == best)?;
    let head = upper[spanning];
    let mut words: Vec<String> = upper[..spanning].iter().map(|w| w.to_string()).collect();
    words.extend(lower.iter().map(|word| format!("{head}{word}")));
    words.extend(upper[spanning + 1..].iter().map(|w| w.to_string()));
    Some(words)
}

/// How well two header words stacked in one column agree: +1 when both name figures, or
/// both changes, or both rates; -1 when one names figures and the other a change or rate;
/// 0 otherwise.
fn columns_agree(a: Column, b: Column) -> i32 {
    match (a, b) {
        (Column::Figure(..), Column::Figure(..))
        | (Column::Change(_), Column::Change(_))
        | (Column::Rate, Column::Rate) => 1,
        (Column::Figure(..), Column::Change(_) | Column::Rate)
        | (Column::Change(_) | Column::Rate, Column::Figure(..)) => -1,
        _ => 0,
    }
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

/// Whether `line` is part of a table row's name a PDF's text wraps around the row's figures:
/// words alone, maybe after the row's number (`(1) 地方消費者行政強化交付金等による`,
/// `取組の推進`), no sentence.
fn is_wrapped_row_name(line: &str) -> bool {
    let Some(line) = row_name_words(line) else {
        return false;
    };
    // `(3) 消費者ホットライン188の`: a name may hold a number, not a figure.
    let numbered_words = numbered(&line).is_some_and(|item| {
        let letters = item.title.chars().filter(|c| c.is_alphabetic()).count();
        let numerals = item.title.chars().filter(|c| c.is_numeric()).count();
        !item.style.is_bullet() && letters > numerals && find_amounts(item.title).is_empty()
    });
    !line.contains('。') && (is_name_line(&line) || numbered_words)
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

/// Whether `line` is the end of the line before it, wrapped (`課）` under `■…事業（農業振興`),
/// or a parenthesis on a line of its own under a name (`（健康福祉政策課）`): no name of its
/// own.
fn is_wrapped_tail(line: &str) -> bool {
    unclosed_parentheses(line) < 0 || is_parenthesised(line)
}

/// Whether a text is one parenthesis (`（対前年度　+28,150）`, `（新規）`, `（Ａ）`).
fn is_parenthesised(text: &str) -> bool {
    text.starts_with(['（', '(']) && text.ends_with(['）', ')'])
}

/// Whether the end of `text` stands inside a parenthesis it opens and does not close.
fn inside_parenthesis(text: &str) -> bool {
    unclosed_parentheses(text) > 0
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

/// A name without the figure label that opens its amount (`…の推進【国費　` → `…の推進`,
/// `…の強化：要求額` → `…の強化`).
fn without_figure_label(name: &str) -> &str {
    let trimmed = name.trim_end_matches(NAME_TAIL);
    let cut = trimmed
        .char_indices()
        .filter(|(at, c)| *at > 0 && LABEL_OPENERS.contains(c))
        .map(|(at, c)| (at, at + c.len_utf8()))
        .find(|(_, label_start)| is_figure_label(&trimmed[*label_start..]));
    match cut {
        Some((at, _)) => &trimmed[..at],
        None => name,
    }
}

/// A heading's name without a labelled cell set apart after it (`創業の支援<TAB>自己評定：B`,
/// `地域交通の確保　　担当：交通政策課`): the cell states something about the item, and is
/// no part of its name.
fn without_labelled_cell(name: &str) -> &str {
    static CELL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:\t|\s{2,}|\u{3000})\s*[^\s：:、。]{1,8}[：:]\s*\S[^：:]*$")
            .expect("labelled cell")
    });
    match CELL.find(name) {
        Some(cell) if !name[..cell.start()].trim().is_empty() => &name[..cell.start()],
        _ => name,
    }
}

/// Cells after a numbering set in cells of its own that make a row of fields, not a title.
const FIELD_ROW_CELLS: usize = 3;

/// What opens a figure's label after an item's name.
const LABEL_OPENERS: [char; 8] = ['【', '［', '[', '〔', '：', ':', ' ', '\u{3000}'];

/// The amount with up to 40 chars before it, cut on char boundaries.
fn quote_around(text: &str, start: usize, end: usize) -> &str {
    let from = text[..start]
        .char_indices()
        .rev()
        .nth(39)
        .map_or(0, |(i, _)| i);
    &text[from..end]
}

#[cfg(test)]
mod tests;
