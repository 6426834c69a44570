//! A table header whose words a PDF's text stacks over several lines around a funding
//! breakdown (`本年度の財源内訳` / `本年度 前年度` / `款 比 較 特定財源` / `予算額 予算額 一般財源`
//! / `国県支出金 地方債 その他`): read as one header, the years' words joined to the figure
//! word under them (`本年度予算額`, `前年度予算額`), then the difference, then the funding
//! columns, which hold no budget.

use super::Reader;
use super::layout::BREAKDOWN_HEADS;
use crate::extract::recognise::amounts::{
    Column, YearKind, cells, column_of, header_columns, join_spaced_words, unit_declared,
};

/// Fewest lines such a header is stacked over.
const MIN_HEADER_LINES: usize = 3;
/// Most lines such a header is stacked over.
const MAX_HEADER_LINES: usize = 6;
/// Most words on one line of such a header (`予算額 予算額 国県支出金 地方債 その他 一般財源`).
const MAX_WORDS_PER_LINE: usize = 8;
/// What the words of a funding breakdown hold (`本年度の財源内訳`, `特定財源`, `一般財源`).
const FUNDING_WORD: &str = "財源";
/// What a header word naming a year of its own holds (`本年度`, `前年度`, `令和８年度`), not
/// only the figure (`予算額`).
const YEAR_WORD: &str = "年度";
/// Header words naming the rows (`款`, `項`, `区分`).
const ROW_LABEL_WORDS: [&str; 5] = ["款", "項", "目", "区分", "科目"];

impl Reader<'_> {
    /// Reads the header stacked over the lines from `number`, when its words stand around a
    /// funding breakdown and a row of figures follows them: the table starts, and the
    /// header's lines are read through. Returns whether they were.
    pub(super) fn header_around_funding(&mut self, number: usize) -> bool {
        let mut lines: Vec<Vec<String>> = Vec::new();
        while lines.len() < MAX_HEADER_LINES {
            let Some(text) = self.plain_line(number + lines.len()) else {
                break;
            };
            let words = join_spaced_words(&cells(text.trim()));
            // The unit line above the header (`（単位：千円）`) is none of its words.
            let wordy = !words.is_empty()
                && words.len() <= MAX_WORDS_PER_LINE
                && words.iter().all(|word| {
                    // A rule drawn with box characters (`├───┼───┤`) holds no words.
                    !word.chars().any(char::is_numeric) && word.chars().any(char::is_alphabetic)
                })
                && unit_declared(&text).is_none();
            if !wordy {
                break;
            }
            lines.push(words);
        }
        let words: Vec<&str> = lines.iter().flatten().map(String::as_str).collect();
        if lines.len() < MIN_HEADER_LINES || !words.iter().any(|w| w.contains(FUNDING_WORD)) {
            return false;
        }
        // A breakdown by objects of expenditure beside the table (`節 | 区分 | 金額`) is read
        // with the table's layout.
        if words.iter().any(|w| BREAKDOWN_HEADS.contains(w)) {
            return false;
        }
        let first_row = number + lines.len();
        let row_follows = self.plain_line(first_row).is_some_and(|line| {
            cells(line.trim())
                .iter()
                .any(|cell| super::tables::is_whole_amount(cell))
        });
        if !row_follows {
            return false;
        }
        let context = self.header_context(number);
        let Some(header) = joined_header(&words, context) else {
            return false;
        };
        let header: Vec<&str> = header.iter().map(String::as_str).collect();
        let Some(columns) = header_columns(&header, context) else {
            return false;
        };
        self.start_table(first_row - 1, columns);
        self.layout = None;
        self.read_through = first_row - 1;
        true
    }
}

/// The header's cells from its stacked words in reading order: the label, each year's word
/// joined to the figure word under it, the differences, then a column for each funding
/// word; `None` unless it names a label and two years' figures.
fn joined_header(words: &[&str], context: YearKind) -> Option<Vec<String>> {
    let label = words.iter().find(|word| ROW_LABEL_WORDS.contains(word))?;
    let mut years = Vec::new();
    let mut amounts = Vec::new();
    let mut changes = Vec::new();
    let mut funding = Vec::new();
    for word in words.iter().filter(|word| *word != label) {
        if word.contains(FUNDING_WORD) {
            funding.push(word.to_string());
            continue;
        }
        match column_of(1, word, context) {
            Column::Figure(..) if word.contains(YEAR_WORD) => years.push(word.to_string()),
            Column::Figure(..) => amounts.push(word.to_string()),
            Column::Change(_) => changes.push(word.to_string()),
            Column::Label | Column::Other | Column::Rate => {}
        }
    }
    if years.len() < 2 {
        return None;
    }
    let figures: Vec<String> = if amounts.len() == years.len() {
        years
            .iter()
            .zip(&amounts)
            .map(|(y, a)| format!("{y}{a}"))
            .collect()
    } else {
        years
    };
    Some(
        std::iter::once(label.to_string())
            .chain(figures)
            .chain(changes)
            .chain(funding)
            .collect(),
    )
}
