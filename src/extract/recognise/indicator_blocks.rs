//! Indicators written as blocks of labelled values, each label on a line of its own and its
//! value on the lines under it: an HTML definition list (`<dt>評価指標</dt><dd>…</dd>`, which
//! the converter writes as `**評価指標**` over its value) or plain label lines. A block opens
//! at its number's or name's label and holds the target, baseline, actuals (a list, a line
//! of years over a line of values, or one line) and achievement.
//!
//! Line indices here are positions in the slice the caller passes.

use super::indicator_columns::{IndicatorTable, indicator_code};
use super::numbering::numbered;
use super::targets::{IndicatorValues, indicator_values, year_in};
use super::year_tables::TableIndicator;
use crate::normalize::nfkc;
use regex::Regex;
use std::sync::LazyLock;

/// What a label line says the lines under it hold.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Label {
    /// The indicator's number (`指標番号`).
    Number,
    /// The indicator's name (`評価指標`, `指標名`, `KPI`).
    Name,
    /// A reference figure's name (`参考指標`): no indicator.
    Reference,
    /// Target, baseline or actuals, as the word the values are written under (`目標`,
    /// `基準値`, `実績`), with the parenthesis after the label (`（令和7年度）`).
    Values(&'static str, String),
    /// 評価 / 達成状況.
    Achievement,
    /// Anything else a block states (`備考`, `単位`).
    Other,
}

/// A line that is only a label: a known word, a parenthesis after it, a colon.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<word>指標番号|番号|No\.?|評価指標|指標名|指標|測定指標|成果指標|業績指標|KPI|参考指標|目標値|目標|基準値|基準|現状値|実績値|実績|自己評価|評価|評定|達成状況|達成度|進捗状況|備考|単位|出典|指標の説明|目標設定の考え方)(?P<paren>[(（][^()（）]*[)）])?[:：]?$",
    )
    .expect("label pattern")
});

/// A line of an export's keys and values (`    指標名: 産後ケア事業を実施する市町村数`,
/// `  - 指標番号: 1`), indented or a list's item, a colon and a space after the key: the key
/// and the value.
fn key_and_value(line: &str) -> Option<(&str, &str)> {
    let indented = line.starts_with([' ', '\t']);
    let text = line.trim_start();
    let text = text.strip_prefix("- ").unwrap_or(text);
    if !indented && text.len() == line.len() {
        return None;
    }
    let (key, value) = text.split_once(": ")?;
    let value = value.trim().trim_matches('"');
    (!key.is_empty() && !value.is_empty()).then_some((key.trim(), value))
}

/// The label a line of keys and values opens with, and its value (see [`key_and_value`]).
fn label_with_value(line: &str) -> Option<(Label, String)> {
    let (key, value) = key_and_value(line)?;
    Some((label(key)?, value.to_string()))
}

fn label(line: &str) -> Option<Label> {
    let text = nfkc(line).replace([' ', '\u{3000}'], "");
    let caps = LABEL.captures(&text)?;
    let paren = caps.name("paren").map_or("", |m| m.as_str()).to_string();
    let word = caps.name("word").map_or("", |m| m.as_str());
    Some(match word {
        "指標番号" | "番号" | "No" | "No." => Label::Number,
        "評価指標" | "指標名" | "指標" | "測定指標" | "成果指標" | "業績指標" | "KPI" => {
            Label::Name
        }
        "参考指標" => Label::Reference,
        "目標値" | "目標" => Label::Values("目標", paren),
        "基準値" | "基準" | "現状値" => Label::Values("基準値", paren),
        "実績値" | "実績" => Label::Values("実績", paren),
        "自己評価" | "評価" | "評定" | "達成状況" | "達成度" | "進捗状況" => {
            Label::Achievement
        }
        _ => Label::Other,
    })
}

/// The most lines one block spans.
const MAX_BLOCK_LINES: usize = 40;

/// One label and the value lines under it.
struct Entry {
    label: Label,
    values: Vec<String>,
}

/// Whether a line ends a block: a heading, or a rule.
fn ends_block(line: &str) -> bool {
    let text = line.trim();
    text.starts_with('#')
        || !text.is_empty() && text.chars().all(|c| matches!(c, '-' | '=' | '─' | '━'))
}

/// `2021（令和3）年度` → `2021年度`: the era year in parentheses after a Western one left out.
fn one_year_each(text: &str) -> String {
    static BOTH: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"([0-9０-９]{4})\s*[（(]\s*(?:令和|平成)\s*(?:元|[0-9０-９]{1,2})\s*[）)]\s*年")
            .expect("both years")
    });
    BOTH.replace_all(text, "${1}年").into_owned()
}

/// The value lines of an actuals entry as one list (`2021年度 16,044件、2022年度 …`): a
/// line of years over a line of as many values is read column by column.
fn actuals_list(lines: &[String]) -> String {
    let mut parts = Vec::new();
    let mut at = 0;
    while at < lines.len() {
        let years = card_cells(&lines[at]);
        let under = lines.get(at + 1).map(|l| card_cells(l)).unwrap_or_default();
        if years.len() >= 2
            && years
                .iter()
                .all(|y| year_in(y).is_some() && y.chars().count() <= 12)
            && under.len() == years.len()
        {
            parts.extend(years.iter().zip(&under).map(|(y, v)| format!("{y} {v}")));
            at += 2;
            continue;
        }
        let line = lines[at].trim();
        let line = numbered(line)
            .filter(|n| n.style.is_bullet())
            .map_or(line, |n| n.title);
        parts.push(line.to_string());
        at += 1;
    }
    one_year_each(&parts.join("、"))
}

/// The values the entries state, each entry read as the labelled text it amounts to.
fn values_of(entries: &[Entry]) -> IndicatorValues {
    let mut values = IndicatorValues::default();
    for entry in entries {
        let text = match &entry.label {
            Label::Values(word, paren) if !entry.values.is_empty() => {
                let value = if *word == "実績" {
                    actuals_list(&entry.values)
                } else {
                    entry.values.join("　")
                };
                // A year in the label (`目標値（令和7年度）`) stands after the value.
                if *word != "実績" && !paren.is_empty() && year_in(&value).is_none() {
                    format!("{word}：{value}{paren}")
                } else {
                    format!("{word}：{value}")
                }
            }
            Label::Achievement => match entry.values.first() {
                Some(first) => format!("評価：{}", first.trim()),
                None => continue,
            },
            _ => continue,
        };
        let read = indicator_values(&text);
        match &entry.label {
            Label::Values("目標", _) => {
                values.target = values.target.or(read.target);
                values.target_year = values.target_year.or(read.target_year);
            }
            Label::Values("基準値", _) => {
                // `令和2年度の一般管理費 412,580千円`: the year opening the value is its own.
                let year = read.baseline_year.or_else(|| {
                    let value = read.baseline.as_deref()?;
                    year_in(value.split_whitespace().next()?)
                });
                values.baseline = values.baseline.or(read.baseline);
                values.baseline_year = values.baseline_year.or(year);
            }
            Label::Values(_, _) => {
                // (A year stated twice, as the latest actual and again in a list, once.)
                for (year, value) in read.actuals {
                    if !values.actuals.iter().any(|(known, _)| *known == year) {
                        values.actuals.push((year, value));
                    }
                }
            }
            _ => values.achievement = values.achievement.or(read.achievement),
        }
    }
    values.actuals.sort_by_key(|(year, _)| *year);
    values
}

/// Reads the block whose first label is at `start`; returns the indicator (when the block
/// names one that is neither a reference figure nor restated) and the line after the block.
fn read_block(lines: &[&str], start: usize) -> (Option<IndicatorTable>, usize) {
    read_block_named(lines, start, None)
}

/// Reads a block as [`read_block`] does; with `heading`, the block opens at line `start` with
/// that heading naming its indicator, and a line after a blank that states values by year
/// (`2024年度実績 14件`, a list of `- 2022 19件`) gives its actuals.
fn read_block_named(
    lines: &[&str],
    start: usize,
    heading: Option<String>,
) -> (Option<IndicatorTable>, usize) {
    let mut entries: Vec<Entry> = Vec::new();
    let mut block_lines = Vec::new();
    let mut at = start;
    let mut blank_before = false;
    let headed = heading.is_some();
    if let Some(name) = heading {
        entries.push(Entry {
            label: Label::Name,
            values: vec![name],
        });
        block_lines.push(start);
        at += 1;
    }
    // A block of an export's keys and values ends at the next item of its list.
    let keyed = label_with_value(lines[start]).is_some();
    while let Some(line) = lines.get(at) {
        if at - start >= MAX_BLOCK_LINES || ends_block(line) {
            break;
        }
        let alone = label(line);
        if keyed && at > start && line.trim_start().starts_with("- ") && alone.is_none() {
            break;
        }
        if line.trim().is_empty() {
            blank_before = true;
            at += 1;
            continue;
        }
        let (found, value) = match alone {
            Some(found) => (Some(found), None),
            None => match label_with_value(line) {
                Some((found, value)) => (Some(found), Some(value)),
                None => (None, None),
            },
        };
        match found {
            Some(found) => {
                let opens = matches!(found, Label::Number | Label::Name | Label::Reference);
                let named = entries
                    .iter()
                    .any(|e| matches!(e.label, Label::Name | Label::Reference));
                let numbered = entries.iter().any(|e| e.label == Label::Number);
                if opens && (named || found == Label::Number && numbered) {
                    break;
                }
                entries.push(Entry {
                    label: found,
                    values: value.into_iter().collect(),
                });
            }
            None => {
                // After a blank line, only an entry still waiting for its value goes on (or,
                // under a heading, a line of values by year).
                let Some(entry) = entries.last_mut() else {
                    break;
                };
                let line = if headed {
                    with_year_marked(line)
                } else {
                    line.to_string()
                };
                if blank_before && !entry.values.is_empty() {
                    if !(headed && states_actuals(&line)) {
                        break;
                    }
                    entries.push(Entry {
                        label: Label::Values("実績", String::new()),
                        values: vec![line],
                    });
                } else {
                    entry.values.push(line);
                }
            }
        }
        block_lines.push(at);
        blank_before = false;
        at += 1;
    }
    let next = at.max(start + 1);
    let restated = entries
        .iter()
        .filter(|e| matches!(e.label, Label::Number | Label::Name))
        .flat_map(|e| &e.values)
        .any(|v| v.contains("再掲"));
    let named = entries
        .iter()
        .filter(|e| matches!(e.label, Label::Name | Label::Reference))
        .find_map(|e| e.values.first())
        .and_then(|name| {
            let line = block_lines.iter().copied().find(|l| {
                let line = lines[*l].trim();
                line == name.trim()
                    || (headed && *l == start)
                    || key_and_value(lines[*l]).is_some_and(|(_, value)| value == name.trim())
            })?;
            Some((line, name.trim().to_string()))
        });
    let values = values_of(&entries);
    let states = values.target.is_some() || !values.actuals.is_empty();
    let reference = entries.iter().any(|e| e.label == Label::Reference);
    let Some((name_line, name)) = named.filter(|_| states) else {
        return (None, next);
    };
    if restated || reference {
        // A restated indicator is read where it was first stated, a reference figure is
        // none: their blocks are still no items or figures of their own.
        let table = IndicatorTable {
            lines: block_lines,
            indicators: Vec::new(),
        };
        return (Some(table), next);
    }
    let indicator = TableIndicator {
        name,
        name_line,
        first: start,
        last: block_lines.last().copied().unwrap_or(start),
        values,
        ..TableIndicator::default()
    };
    let table = IndicatorTable {
        lines: block_lines,
        indicators: vec![indicator],
    };
    (Some(table), next)
}

/// A card's opening, at the start of a line (a Markdown heading's too) or after a gap:
/// `指標３`, `指標１（再掲）`, or `参考` (a reference figure's card), then the name.
static CARD_OPENER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^#{0,6}\s*|[\t 　])(?:(?:指標|KPI|ＫＰＩ|成果指標|測定指標)\s*[0-9０-９]{1,3}(?P<restated>\s*[（(]再掲[）)])?|(?P<reference>参考))[\t 　]+\S",
    )
    .expect("card opener")
});

/// The cells of a line of cards: split at tabs (or a Markdown table's bars), with a label whose letters a converter set
/// apart joined again (`評<TAB>価` → `評価`).
fn card_cells(line: &str) -> Vec<String> {
    let raw: Vec<&str> = line
        .split(['\t', '|', '｜'])
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    let mut cells = Vec::new();
    let mut at = 0;
    while let Some(cell) = raw.get(at) {
        if let Some(next) = raw.get(at + 1)
            && cell.chars().count() == 1
            && next.chars().count() == 1
            && label(&format!("{cell}{next}")).is_some()
        {
            cells.push(format!("{cell}{next}"));
            at += 2;
            continue;
        }
        cells.push((*cell).to_string());
        at += 1;
    }
    cells
}

/// A line of two cards side by side, as the cells of the left card and of the right: apart
/// at the second label (`基準値 | … | 基準値 | …`), after the value of a lone first label, else
/// in halves.
fn sides(cells: Vec<String>) -> (Vec<String>, Vec<String>) {
    let labels: Vec<usize> = (0..cells.len())
        .filter(|at| label(&cells[*at]).is_some())
        .collect();
    let apart = match labels.as_slice() {
        [_, second, ..] => *second,
        [0] => 2,
        [first] => *first,
        [] => cells.len().div_ceil(2),
    };
    let mut left = cells;
    let right = left.split_off(apart.min(left.len()));
    (left, right)
}

/// One card being read: its opening line, name, entries and lines, and the item a row of it
/// names (`施策名 | 子育て支援の充実`).
struct Card {
    name: String,
    skipped: bool,
    opened: usize,
    entries: Vec<Entry>,
    lines: Vec<usize>,
    subject: Option<(String, usize)>,
}

/// Labels of a card's row naming the item its indicator measures.
const SUBJECT_LABELS: [&str; 4] = ["施策名", "施策", "事業名", "取組名"];

/// The most lines above a card's name row that may name its item.
const MAX_SUBJECT_LINES_ABOVE: usize = 2;

impl Card {
    /// A card opened by `text` (the opener and the name) on line `line`.
    fn open(text: &str, line: usize) -> Option<Card> {
        let caps = CARD_OPENER.captures(text)?;
        let opener = caps.get(0)?;
        // The name starts at the char before which the opener's match ends.
        let name_start = opener.end() - text[..opener.end()].chars().last()?.len_utf8();
        let name = text[name_start..].replace('\t', " ").trim().to_string();
        Some(Card {
            name,
            skipped: caps.name("restated").is_some() || caps.name("reference").is_some(),
            opened: line,
            entries: Vec::new(),
            lines: vec![line],
            subject: None,
        })
    }

    /// A card whose row names its indicator (`指標名 | 子育て支援センターの年間利用者数`) on
    /// line `at`, with the item a row just above names.
    fn named_by_row(lines: &[&str], at: usize) -> Option<Card> {
        let [label_cell, name] = card_cells(lines[at]).try_into().ok()?;
        if label(&label_cell) != Some(Label::Name) || name.chars().count() < 2 {
            return None;
        }
        let subject = (at.saturating_sub(MAX_SUBJECT_LINES_ABOVE)..at).find_map(|above| {
            let [label_cell, subject]: [String; 2] = card_cells(lines[above]).try_into().ok()?;
            SUBJECT_LABELS
                .contains(&nfkc(&label_cell).trim())
                .then_some((subject, above))
        });
        Some(Card {
            name,
            skipped: false,
            opened: at,
            entries: Vec::new(),
            lines: vec![at],
            subject,
        })
    }

    /// Adds a line's cells: a label opens an entry, other cells go on with the last one.
    fn read(&mut self, cells: Vec<String>, line: usize) {
        if cells.is_empty() {
            return;
        }
        self.lines.push(line);
        let whole = cells.join(" ");
        let mut cells = cells.into_iter();
        let first = cells.next().unwrap_or_default();
        let rest: Vec<String> = cells.collect();
        // `令和4年度 | 35.2%`: a row of a year's actual.
        let year_row = first.chars().count() <= 12 && year_in(&first).is_some() && !rest.is_empty();
        // `令和3年度実績 | 5,912人`: the year's actual.
        let whole = match first.strip_suffix("実績値").or(first.strip_suffix("実績")) {
            Some(year) if year_row => format!("{year} {}", rest.join(" ")),
            _ => whole,
        };
        match label(&first) {
            None if year_row => {
                match self
                    .entries
                    .iter_mut()
                    .rev()
                    .find(|e| matches!(e.label, Label::Values("実績", _)))
                {
                    Some(actuals) => actuals.values.push(whole),
                    None => self.entries.push(Entry {
                        label: Label::Values("実績", String::new()),
                        values: vec![whole],
                    }),
                }
            }
            Some(found) => self.entries.push(Entry {
                label: found,
                values: (!rest.is_empty())
                    .then(|| rest.join(" "))
                    .into_iter()
                    .collect(),
            }),
            None => {
                if let Some(entry) = self.entries.last_mut() {
                    entry.values.push(whole);
                }
            }
        }
    }

    /// The card as a table of its indicator (none for a restated or reference card).
    fn finish(self) -> Option<IndicatorTable> {
        let values = values_of(&self.entries);
        if values.target.is_none() && values.actuals.is_empty() {
            return None;
        }
        let indicators = if self.skipped || self.name.chars().count() < 2 {
            Vec::new()
        } else {
            vec![TableIndicator {
                name: self.name,
                name_line: self.opened,
                first: self.opened,
                last: self.lines.last().copied().unwrap_or(self.opened),
                values,
                groups: self.subject.into_iter().collect(),
                ..TableIndicator::default()
            }]
        };
        Some(IndicatorTable {
            lines: self.lines,
            indicators,
        })
    }
}

/// Whether a line ends a row of cards: blank, a page number, a numbered heading, a bracketed
/// heading or a note.
fn ends_cards(line: &str) -> bool {
    let text = line.trim();
    text.is_empty()
        || text.starts_with(['【', '※', '#'])
        || super::numbering::is_page_number(text)
        || numbered(text).is_some_and(|n| !n.style.is_bullet())
}

/// Reads the row of cards opened on line `start` (one card, or two side by side); returns
/// them and the line after the row.
fn read_cards(lines: &[&str], start: usize) -> (Vec<IndicatorTable>, usize) {
    let line = lines[start];
    let second = CARD_OPENER.find_iter(line).nth(1).map(|m| m.start());
    let (left_text, right_text) = match second {
        Some(at) => (&line[..at], Some(&line[at..])),
        None => (line, None),
    };
    let Some(mut left) = Card::open(left_text, start) else {
        return (Vec::new(), start + 1);
    };
    let mut right = right_text.and_then(|text| Card::open(text.trim_start(), start));
    let mut at = start + 1;
    while let Some(line) = lines.get(at) {
        // A heading's card may stand apart from its table by a blank line.
        if line.trim().is_empty() && left.entries.is_empty() && at <= start + 2 {
            at += 1;
            continue;
        }
        if ends_cards(line) || CARD_OPENER.find(line).is_some_and(|m| m.start() == 0) {
            break;
        }
        let cells = card_cells(line);
        match right.as_mut() {
            Some(right) => {
                let (left_cells, right_cells) = sides(cells);
                left.read(left_cells, at);
                right.read(right_cells, at);
            }
            None => left.read(cells, at),
        }
        at += 1;
    }
    let cards = std::iter::once(left)
        .chain(right)
        .filter_map(Card::finish)
        .collect();
    (cards, at)
}

/// Reads the card whose row names its indicator on line `start`, up to a line that ends
/// cards or a row naming the next indicator; returns it and the line after it.
fn read_row_named_card(
    lines: &[&str],
    mut card: Card,
    start: usize,
) -> (Vec<IndicatorTable>, usize) {
    let mut at = start + 1;
    while let Some(line) = lines.get(at) {
        if ends_cards(line) || Card::named_by_row(lines, at).is_some() {
            break;
        }
        card.read(card_cells(line), at);
        at += 1;
    }
    // The rows after its last figure (`担当課の所見`, the next card's number and item) are
    // no part of it.
    (card.finish().into_iter().collect(), at)
}

/// Every block of labelled values in `lines` that names an indicator, each as a table of one
/// indicator whose lines are the block's, and every card of labelled lines (`指標１　名称` over
/// `基準値　…` / `目標値　…` / `実績値　…` / `評価　…`), two of them side by side on a PDF's page
/// read apart.
pub fn labelled_blocks(lines: &[&str]) -> Vec<IndicatorTable> {
    let mut found = Vec::new();
    let mut at = 0;
    while at < lines.len() {
        if CARD_OPENER.find(lines[at]).is_some_and(|m| m.start() == 0) {
            let (cards, next) = read_cards(lines, at);
            if !cards.is_empty() {
                found.extend(cards);
                at = next;
                continue;
            }
        }
        if let Some(card) = Card::named_by_row(lines, at) {
            let (cards, next) = read_row_named_card(lines, card, at);
            if !cards.is_empty() {
                found.extend(cards);
                at = next;
                continue;
            }
        }
        // `#### 有責事故件数` over `**目標**` / `0件（毎年度）` / …: a card whose heading names
        // its indicator, its grade on the line above (`KPI 1-1 改善傾向`).
        if let Some(name) = heading_over_values(lines, at) {
            let (block, next) = read_block_named(lines, at, Some(name));
            found.extend(block.map(|mut table| {
                if let Some((line, code, grade)) = graded_code_above(lines, at) {
                    table.lines.insert(0, line);
                    for indicator in &mut table.indicators {
                        indicator.code = Some(code.clone());
                        indicator
                            .values
                            .achievement
                            .get_or_insert_with(|| grade.clone());
                    }
                }
                table
            }));
            at = next;
            continue;
        }
        let opening = label(lines[at]).or_else(|| label_with_value(lines[at]).map(|(l, _)| l));
        let opens = matches!(
            opening,
            Some(Label::Number | Label::Name | Label::Reference)
        );
        if !opens {
            at += 1;
            continue;
        }
        let (block, next) = read_block(lines, at);
        found.extend(block.map(|mut table| {
            // An export's indicators under the item its keys named last (`施策名: …`).
            if let Some(subject) = subject_above(lines, at) {
                for indicator in &mut table.indicators {
                    indicator.groups.push(subject.clone());
                }
            }
            table
        }));
        at = next;
    }
    found
}

/// Most lines between a heading and the first label of the values under it.
const MAX_LINES_BEFORE_VALUES: usize = 4;

/// The name a Markdown heading at line `at` gives, when a label of an indicator's values
/// alone on its line (`**目標**`, `基準値：`) follows it within a few lines, before any other
/// heading.
fn heading_over_values(lines: &[&str], at: usize) -> Option<String> {
    let name = lines[at]
        .trim()
        .strip_prefix('#')?
        .trim_start_matches('#')
        .trim();
    if name.is_empty() || name.chars().count() > MAX_HEADING_NAME_CHARS {
        return None;
    }
    let values_follow = lines
        .iter()
        .skip(at + 1)
        .filter(|line| !line.trim().is_empty())
        .take(MAX_LINES_BEFORE_VALUES)
        .take_while(|line| !ends_block(line))
        .any(|line| matches!(label(line), Some(Label::Values(..))));
    values_follow.then(|| name.to_string())
}

/// Most chars of a heading that names an indicator.
const MAX_HEADING_NAME_CHARS: usize = 60;

/// Whether a line states values by year (`2024年度実績 14件`, `- 2022 19件`): a year and a
/// figure after it.
fn states_actuals(line: &str) -> bool {
    let text = nfkc(line);
    let text = text.trim().trim_start_matches(['-', '・', '*']).trim();
    let Some((first, rest)) = text.split_once(char::is_whitespace) else {
        return false;
    };
    year_in(first).is_some() && rest.trim().starts_with(|c: char| c.is_ascii_digit())
}

/// The line, code and grade above a card's heading (`KPI 1-1 改善傾向`): an indicator's code,
/// then one word without figures.
fn graded_code_above(lines: &[&str], at: usize) -> Option<(usize, String, String)> {
    let line = (0..at).rev().find(|line| !lines[*line].trim().is_empty())?;
    let (code, grade) = lines[line].trim().rsplit_once(char::is_whitespace)?;
    let code = indicator_code(&code.replace([' ', '\u{3000}'], ""))?;
    let short = (1..=MAX_GRADE_CHARS).contains(&grade.chars().count());
    (short && !grade.chars().any(char::is_numeric)).then(|| (line, code, grade.to_string()))
}

/// A line of a card's list with the bare Western year it opens with marked as one (`- 2022
/// 19件` → `- 2022年度 19件`); any other line as it is.
fn with_year_marked(line: &str) -> String {
    let text = line.trim_start();
    let bullet = text.len() - text.trim_start_matches(['-', '・', '*']).len();
    let (mark, rest) = text.split_at(bullet);
    let rest = rest.trim_start();
    let year = rest.get(..4).filter(|year| {
        year.chars().all(|c| c.is_ascii_digit())
            && year
                .parse::<u16>()
                .is_ok_and(|y| (MIN_YEAR..=MAX_YEAR).contains(&y))
    });
    match year {
        Some(year) if rest[4..].starts_with(char::is_whitespace) => {
            format!("{mark} {year}年度{}", &rest[4..])
        }
        _ => line.to_string(),
    }
}

/// The range of Western years a card's list may open a line with.
const MIN_YEAR: u16 = 1950;
const MAX_YEAR: u16 = 2100;

/// Most chars of a grade set beside an indicator's code.
const MAX_GRADE_CHARS: usize = 8;

/// The item the last line of keys and values above line `at` names (`  施策名: 子どもの学びと
/// 居場所づくり`), with its line, within an export's record of a few dozen lines.
fn subject_above(lines: &[&str], at: usize) -> Option<(String, usize)> {
    (at.saturating_sub(MAX_BLOCK_LINES)..at)
        .rev()
        .find_map(|line| {
            let (key, value) = key_and_value(lines[line])?;
            SUBJECT_LABELS
                .contains(&key)
                .then(|| (value.to_string(), line))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<TableIndicator> {
        let lines: Vec<&str> = text.lines().collect();
        labelled_blocks(&lines)
            .into_iter()
            .flat_map(|table| table.indicators)
            .collect()
    }

    #[test]
    fn cards_of_a_label_beside_its_value_each_named_by_a_row() {
        // A town's report prints one box per indicator, rows of a label and its value, one
        // box right under the other.
        let found = read(
            "成果指標 No.07\n施策名\t地域公共交通の確保\n指標名\tデマンド交通の年間利用者数\n\
             指標の定義\t予約制乗合タクシーの延べ利用者数\n単位\t人\n\
             基準値\t8,420人（令和2年度）\n目標値\t12,000人（令和7年度）\n\
             令和4年度実績\t9,115人\n令和5年度実績\t10,230人\n達成度\tB\n\
             担当課の所見\t停留所を12か所増やした。\n\
             成果指標 No.08\n施策名\t地域公共交通の確保\n指標名\t路線バスの運行便数\n\
             目標値\t1日48便（令和7年度）\n令和5年度実績\t1日44便\n達成度\tC\n",
        );
        assert_eq!(found.len(), 2, "{found:?}");
        let first = &found[0];
        assert_eq!(first.name, "デマンド交通の年間利用者数");
        assert_eq!(first.groups, [("地域公共交通の確保".to_string(), 1)]);
        assert_eq!(first.values.baseline.as_deref(), Some("8,420人"));
        assert_eq!(first.values.baseline_year, Some(2020));
        assert_eq!(first.values.target.as_deref(), Some("12,000人"));
        assert_eq!(first.values.target_year, Some(2025));
        assert_eq!(
            first.values.actuals,
            [
                (2022, "9,115人".to_string()),
                (2023, "10,230人".to_string())
            ]
        );
        assert_eq!(first.values.achievement.as_deref(), Some("B"));
        assert_eq!(found[1].name, "路線バスの運行便数");
        assert_eq!(found[1].values.achievement.as_deref(), Some("C"));
    }

    #[test]
    fn a_definition_list_states_an_indicator_per_block() {
        let found = read(
            "指標番号\n1-(1)\n評価指標\n技術相談件数\n目標値\n毎年度5,000件以上\n基準値\n\
             4,612件（令和元年度）\n実績値\n\n- 2021年度：5,284件\n- 2022年度：5,410件\n\n\
             自己評価\nA\n備考\n電話による相談を含む。\n\n\
             指標番号\n1-(2)\n評価指標\n依頼試験の利用件数\n目標値（令和7年度）\n18,000件\n\
             実績値\n\n2021年度\t2022年度\n16,044件\t16,870件\n\n自己評価\nS\n\n\
             指標番号\n1-(3)（再掲）\n評価指標\n技術相談件数\n目標値\n毎年度5,000件以上\n\n\
             参考指標\nホームページの年間アクセス件数\n実績\n2021年度 412,360件\n",
        );
        assert_eq!(found.len(), 2);
        let first = &found[0];
        assert_eq!(first.name, "技術相談件数");
        assert_eq!(first.name_line, 3);
        assert_eq!(first.values.target.as_deref(), Some("毎年度5,000件以上"));
        assert_eq!(first.values.baseline.as_deref(), Some("4,612件"));
        assert_eq!(first.values.baseline_year, Some(2019));
        assert_eq!(
            first.values.actuals,
            [(2021, "5,284件".to_string()), (2022, "5,410件".to_string())]
        );
        assert_eq!(first.values.achievement.as_deref(), Some("A"));
        let second = &found[1].values;
        assert_eq!(second.target_year, Some(2025));
        assert_eq!(
            second.actuals,
            [
                (2021, "16,044件".to_string()),
                (2022, "16,870件".to_string())
            ]
        );
        assert_eq!(second.achievement.as_deref(), Some("S"));
    }

    #[test]
    fn years_written_twice_are_read_once() {
        let found = read(
            "評価指標\n受託研究の実施件数\n目標値\n毎年度40件以上\n実績値\n2021（令和3）年度 42件、2022（令和4）年度 45件\n",
        );
        assert_eq!(
            found[0].values.actuals,
            [(2021, "42件".to_string()), (2022, "45件".to_string())]
        );
    }

    #[test]
    fn two_cards_side_by_side_are_read_apart() {
        let found = read(
            "指標１\t授業が分かると答えた児童の割合（小６） 指標２\t家庭学習をする生徒の割合\n\
             基準値\t８１．２％（令和元年度）\t基準値\t６２．４％（平成３０年度）\n\
             目標値\t８５．０％（令和８年度）\t目標値\t毎年度７０．０％\n\
             実績値\t令和４年度 ８２．６％\t実績値\t令和４年度 ６０．１％\n\
             令和５年度 ８３．９％\t令和５年度 集計中\n\
             評\t価\t順調\t評\t価\tやや遅れ\n\
             訪問支援を実施し、全て\t端末を活用した課題の配信を進め\n\
             \n\
             指標７\t部活動の地域移行に取り組む市町村数\t参考\t肥満傾向児の出現率\n\
             基準値\t０市町村（令和４年度）\t実績値\t令和４年度\t１３．９％\n\
             目標値\t全２７市町村（令和８年度）\t令和５年度\t１３．２％\n\
             実績値\t令和５年度 ９市町村\t調査による参考データ\n\
             評\t価\t順調\t\tない。\n",
        );
        let names: Vec<&str> = found.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "授業が分かると答えた児童の割合（小６）",
                "家庭学習をする生徒の割合",
                "部活動の地域移行に取り組む市町村数"
            ]
        );
        let left = &found[0].values;
        assert_eq!(left.baseline_year, Some(2019));
        assert_eq!(left.target_year, Some(2026));
        assert_eq!(left.actuals.len(), 2);
        assert_eq!(left.achievement.as_deref(), Some("順調"));
        let right = &found[1].values;
        assert_eq!(right.baseline_year, Some(2018));
        assert_eq!(right.target.as_deref(), Some("毎年度７０．０％"));
        assert_eq!(right.actuals, [(2022, "６０．１％".to_string())]);
        assert_eq!(right.achievement.as_deref(), Some("やや遅れ"));
        let clubs = &found[2].values;
        assert_eq!(clubs.target.as_deref(), Some("全２７市町村"));
        assert_eq!(clubs.actuals, [(2023, "９市町村".to_string())]);
    }

    #[test]
    fn a_headings_card_is_a_table_of_labels_and_years() {
        let found = read(
            "### 指標1　審議会等における女性委員の割合\n\n| 項目 | 値 |\n|---|---|\n\
             | 基準値 | 33.6%（令和2年度） |\n| 目標値 | 40%以上（令和8年度） |\n\
             | 令和4年度 | 35.2% |\n| 令和5年度 | 36.9% |\n| 評価 | B |\n\n※各年度4月1日現在。\n",
        );
        let values = &found[0].values;
        assert_eq!(found[0].name, "審議会等における女性委員の割合");
        assert_eq!(values.baseline_year, Some(2020));
        assert_eq!(values.target.as_deref(), Some("40%以上"));
        assert_eq!(values.target_year, Some(2026));
        assert_eq!(values.actuals.len(), 2);
        assert_eq!(values.achievement.as_deref(), Some("B"));
    }

    #[test]
    fn labels_without_an_indicator_are_no_block() {
        assert!(read("目標値\n毎年度40件以上\n").is_empty());
        assert!(read("評価指標\n技術相談件数\n備考\nなし\n").is_empty());
    }
    #[test]
    fn an_export_s_keys_and_values_nested_under_the_item_they_measure() {
        let found = read(
            "施策:\n\
             \u{20} - 施策番号: \"01-01\"\n\
             \u{20}   施策名: 妊娠・出産から子育てまでの切れ目ない支援\n\
             \u{20}   成果指標:\n\
             \u{20}     - 指標番号: 1\n\
             \u{20}       指標名: 産後ケア事業を実施する市町村数\n\
             \u{20}       基準値: 9市町村\n\
             \u{20}       基準年度: 令和2年度\n\
             \u{20}       目標値: 25市町村\n\
             \u{20}       目標年度: 令和7年度\n\
             \u{20}       実績:\n\
             \u{20}         令和4年度: 19市町村\n\
             \u{20}         令和5年度: 22市町村\n\
             \u{20}       達成状況: 順調\n\
             \u{20}       コメント: 未実施市町村に対し、広域での委託先確保を支援している。\n\
             \u{20} - 施策番号: \"01-02\"\n\
             \u{20}   施策名: 子どもの学びと居場所づくり\n\
             \u{20}   成果指標:\n\
             \u{20}     - 指標番号: 2\n\
             \u{20}       指標名: 放課後児童クラブ登録児童数\n\
             \u{20}       目標値: 13,000人\n\
             \u{20}       目標年度: 令和7年度\n\
             \u{20}       実績:\n\
             \u{20}         令和5年度: 12,640人\n",
        );
        let names: Vec<&str> = found.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "産後ケア事業を実施する市町村数",
                "放課後児童クラブ登録児童数"
            ]
        );
        let care = &found[0].values;
        assert_eq!(care.target.as_deref(), Some("25市町村"));
        assert_eq!(care.target_year, Some(2025));
        assert_eq!(care.baseline.as_deref(), Some("9市町村"));
        assert_eq!(
            care.actuals,
            [
                (2022, "19市町村".to_string()),
                (2023, "22市町村".to_string())
            ]
        );
        assert_eq!(care.achievement.as_deref(), Some("順調"));
        let items: Vec<&str> = found.iter().map(|f| f.groups[0].0.as_str()).collect();
        assert_eq!(
            items,
            [
                "妊娠・出産から子育てまでの切れ目ない支援",
                "子どもの学びと居場所づくり"
            ]
        );
    }

    #[test]
    fn a_card_whose_heading_names_its_indicator_over_labels_and_a_list_of_years() {
        // A report's card: its code and grade over the heading, the latest actual, each
        // label alone over its value (a definition list's terms, markup left out), then the
        // values by year as a list.
        let found = read(
            "KPI 1-1 改善傾向\n\n#### 有責事故件数（バス・地下鉄計）\n\n2024年度実績 14件\n\n\
             目標\n0件（毎年度）\n基準\n22件（2020年度）\n\n\
             - 2022 19件\n- 2023 17件\n- 2024 14件\n\n\
             乗務員への個別指導を強化し、3年連続で減少しました。\n",
        );
        let [card] = found.as_slice() else {
            panic!("{found:?}");
        };
        assert_eq!(card.name, "有責事故件数（バス・地下鉄計）");
        assert_eq!(card.code.as_deref(), Some("KPI1-1"));
        assert_eq!(card.values.achievement.as_deref(), Some("改善傾向"));
        assert_eq!(card.values.target.as_deref(), Some("0件"));
        assert_eq!(card.values.baseline.as_deref(), Some("22件"));
        assert_eq!(card.values.baseline_year, Some(2020));
        assert_eq!(
            card.values.actuals,
            vec![
                (2022, "19件".to_string()),
                (2023, "17件".to_string()),
                (2024, "14件".to_string())
            ]
        );
    }
}
