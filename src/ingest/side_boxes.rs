//! Boxes set side by side, as a logic model (活動 ▶ アウトプット ▶ 短期アウトカム ▶
//! 長期アウトカム) or a row of cards sets them, each box a heading or a name over lines of
//! labelled values. `pdftotext -layout` prints every line of such a band with a line of each
//! box, cut into cells where the boxes' lines happen to meet, so that no box's values stay
//! together:
//!
//! ```text
//!  就農準備資金（研修期間・最長2    経営開始資金の交付対象者数    交付対象者の就農5年後の定着率
//!  年間）及び経営開始資金（最長3    基準値：―                    基準値：88.4%（令和元年度）
//!  年間）の交付                     目標値：11,000人（令和6年度） 目標値：90%以上（令和7年度）
//! ```
//!
//! poppler's reading order (the blocks of a `-bbox-layout` run) keeps each box's lines
//! together. A band of the page where blocks stand side by side (their heights overlapping),
//! two or more of its columns of blocks holding boxes of labelled lines (`基準値：…`,
//! `進捗：順調`), is read box by box: its columns left to right, each column's blocks top to
//! bottom, a blank line around each block. Blocks of marks alone (the arrows between boxes)
//! are left out. A table's columns hold no labelled lines, and a block set across the band
//! makes it one column, so neither is read so.

use super::wrapped_rows::{Block, Word, layout_span, line_height, line_text};
use std::ops::Range;

/// Columns of boxes of labelled lines a band needs.
const MIN_LABELLED_BOXES: usize = 2;
/// Lines such a column needs …
const MIN_BOX_LINES: usize = 3;
/// … and lines of them labelled (`基準値：…`).
const MIN_LABELLED_LINES: usize = 2;
/// How far two blocks' heights must overlap for them to stand side by side, in line heights.
const MIN_OVERLAP: f64 = 0.3;
/// Characters a label may have before its colon.
const MAX_LABEL_CHARS: usize = 8;

/// A block with the span of its words across and down the page.
struct Placed<'b> {
    block: &'b Block,
    across: Range<f64>,
    down: Range<f64>,
}

/// The lines of `page` with each band of boxes side by side read box by box, or `None` when
/// the page has none. `blocks` are the page's blocks of words.
pub(super) fn apart(page: &[String], blocks: &[Block]) -> Option<Vec<String>> {
    let height = line_height(blocks.iter().flat_map(Block::words))?;
    let placed: Vec<Placed> = blocks.iter().filter_map(place).collect();
    let mut out = page.to_vec();
    let mut from = 0;
    let mut changed = false;
    for band in bands(placed, height) {
        let columns = columns(band);
        let labelled = columns
            .iter()
            .filter(|column| holds_labelled_box(column))
            .count();
        if labelled < MIN_LABELLED_BOXES {
            continue;
        }
        let words: Vec<&Word> = columns
            .iter()
            .flatten()
            .flat_map(|placed| placed.block.words())
            .collect();
        let Some(span) = layout_span(&out, &words, from) else {
            continue;
        };
        let lines = box_by_box(&columns, height);
        from = span.start + lines.len();
        out.splice(span, lines);
        changed = true;
    }
    changed.then_some(out)
}

fn place(block: &Block) -> Option<Placed<'_>> {
    let words = || block.words();
    let left = words().map(|w| w.x0).min_by(f64::total_cmp)?;
    let right = words().map(|w| w.x1).max_by(f64::total_cmp)?;
    let top = words().map(|w| w.y0).min_by(f64::total_cmp)?;
    let bottom = words().map(|w| w.y1).max_by(f64::total_cmp)?;
    Some(Placed {
        block,
        across: left..right,
        down: top..bottom,
    })
}

/// The blocks in bands down the page: a block joins the band above when its height overlaps
/// the band's.
fn bands(mut placed: Vec<Placed<'_>>, height: f64) -> Vec<Vec<Placed<'_>>> {
    placed.sort_by(|a, b| a.down.start.total_cmp(&b.down.start));
    let mut bands: Vec<(f64, Vec<Placed>)> = Vec::new();
    for block in placed {
        match bands.last_mut() {
            Some((bottom, band)) if block.down.start < *bottom - MIN_OVERLAP * height => {
                *bottom = bottom.max(block.down.end);
                band.push(block);
            }
            _ => bands.push((block.down.end, vec![block])),
        }
    }
    bands.into_iter().map(|(_, band)| band).collect()
}

/// The blocks of a band in columns, left to right: a block joins the column before when
/// they overlap across. Each column's blocks top first.
fn columns(mut band: Vec<Placed<'_>>) -> Vec<Vec<Placed<'_>>> {
    band.sort_by(|a, b| a.across.start.total_cmp(&b.across.start));
    let mut columns: Vec<(f64, Vec<Placed>)> = Vec::new();
    for block in band {
        match columns.last_mut() {
            Some((right, column)) if block.across.start < *right => {
                *right = right.max(block.across.end);
                column.push(block);
            }
            _ => columns.push((block.across.end, vec![block])),
        }
    }
    columns
        .into_iter()
        .map(|(_, mut column)| {
            column.sort_by(|a, b| a.down.start.total_cmp(&b.down.start));
            column
        })
        .collect()
}

/// Whether a column's blocks are a box of labelled lines (`基準値：―`, `進捗：順調`).
fn holds_labelled_box(column: &[Placed<'_>]) -> bool {
    let lines: Vec<String> = column
        .iter()
        .flat_map(|placed| &placed.block.lines)
        .map(|line| line.iter().map(|w| w.text.as_str()).collect())
        .collect();
    lines.len() >= MIN_BOX_LINES
        && lines.iter().filter(|line| is_labelled(line)).count() >= MIN_LABELLED_LINES
}

/// Whether a line opens with a short label and a colon (`目標値：…`, `実績値：`).
fn is_labelled(line: &str) -> bool {
    line.split_once(['：', ':']).is_some_and(|(label, _)| {
        let chars = label.trim().chars().count();
        (1..=MAX_LABEL_CHARS).contains(&chars) && label.chars().all(char::is_alphabetic)
    })
}

/// The lines of a band's boxes, column by column, a blank line around each block.
fn box_by_box(columns: &[Vec<Placed<'_>>], height: f64) -> Vec<String> {
    let mut lines = vec![String::new()];
    for placed in columns.iter().flatten() {
        if !placed
            .block
            .words()
            .any(|w| w.text.chars().any(char::is_alphanumeric))
        {
            // (An arrow between two boxes.)
            continue;
        }
        lines.extend(
            placed
                .block
                .lines
                .iter()
                .map(|line| line_text(&line.iter().collect::<Vec<_>>(), height)),
        );
        lines.push(String::new());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A block whose lines start at `x`, the first at `y`, 10 points a line and a character.
    fn block(x: f64, y: f64, lines: &[&str]) -> Block {
        Block {
            lines: lines
                .iter()
                .enumerate()
                .map(|(at, text)| {
                    let top = y + 12.0 * at as f64;
                    vec![Word {
                        x0: x,
                        y0: top,
                        x1: x + 10.0 * text.chars().count() as f64,
                        y1: top + 10.0,
                        text: text.to_string(),
                    }]
                })
                .collect(),
        }
    }

    #[test]
    fn boxes_side_by_side_are_read_box_by_box() {
        let blocks = vec![
            block(10.0, 10.0, &["事業名　森林の整備"]),
            block(10.0, 40.0, &["間伐の支援", "路網の整備"]),
            block(
                150.0,
                40.0,
                &["間伐面積", "基準値：―", "目標値：500ha", "進捗：順調"],
            ),
            block(135.0, 52.0, &["▶"]),
            block(
                300.0,
                40.0,
                &["林業就業者数", "基準値：900人", "目標値：1,000人"],
            ),
        ];
        let page: Vec<String> = [
            "事業名　森林の整備",
            "",
            "間伐の支援     間伐面積          林業就業者数",
            "路網の整備  ▶  基準値：―        基準値：900人",
            "               目標値：500ha     目標値：1,000人",
            "               進捗：順調",
            "所見：…",
        ]
        .map(String::from)
        .to_vec();
        let apart = apart(&page, &blocks).expect("a band of boxes");
        assert_eq!(
            apart,
            [
                "事業名　森林の整備",
                "",
                "",
                "間伐の支援",
                "路網の整備",
                "",
                "間伐面積",
                "基準値：―",
                "目標値：500ha",
                "進捗：順調",
                "",
                "林業就業者数",
                "基準値：900人",
                "目標値：1,000人",
                "",
                "所見：…",
            ]
        );
    }

    #[test]
    fn a_table_s_columns_are_no_boxes() {
        let blocks = vec![
            block(10.0, 10.0, &["区分", "道路", "河川"]),
            block(150.0, 10.0, &["令和6年度", "1,200", "800"]),
            block(300.0, 10.0, &["令和5年度", "1,100", "750"]),
        ];
        let page: Vec<String> = [
            "区分      令和6年度      令和5年度",
            "道路      1,200          1,100",
            "河川      800            750",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(apart(&page, &blocks), None);
    }
}
