//! Table rows whose cells wrap over several lines, read from the word boxes of
//! `pdftotext -bbox-layout`. A table of indicators sets each row's short cells (its yearly
//! figures, its verdict) on one line and wraps its long ones (an indicator's name, a value
//! over its year) over two, three or four lines, centred on the row or starting at its top;
//! a cell naming the group of rows it stands beside (a 施策 over its indicators) is set once,
//! centred over them. `-layout` prints each line of such a row on a line of its own:
//!
//! ```text
//!              地域の支え合い活動（見
//!                              18.4%                                25.0%
//!              守り・生活支援等）に参
//!                             （令和2年      19.0%    20.7%    21.3%   （令和7年 概ね順調
//! 1-1 地域で支え    加している市民の割合
//!                                度）                                   度）
//! 合う福祉のまち
//! づくり                          86か所                                 120か所
//!              住民主体の通いの場の数    （令和2年      92か所    105か所    118か所    （令和7年 順調
//!                                度）                                    度）
//! ```
//!
//! Such a table is read as one line a row, each cell whole (its lines joined in reading
//! order) and cells a cell gap apart; a cell beside a group of rows is given to every row of
//! the group, as an HTML table's `rowspan` is read (a figure only to the first):
//!
//! ```text
//! 1-1 地域で支え合う福祉のまちづくり   地域の支え合い活動（見守り・生活支援等）に参加している市民の割合   18.4%（令和2年度）   19.0%   20.7%   21.3%   25.0%（令和7年度）   概ね順調
//! 1-1 地域で支え合う福祉のまちづくり   住民主体の通いの場の数   86か所（令和2年度）   92か所   105か所   118か所   120か所（令和7年度）   順調
//! ```
//!
//! The rows come from the geometry alone. A table is a run of lines of the page that share
//! its columns, the gutters no word of the run crosses, and start with a line of several
//! cells. In each column, lines that start, end or are centred alike and stand no further
//! apart than the closest two such lines of any column (the spacing of a wrapped cell,
//! tighter than that between rows, which have padding) are one cell. The cells of columns
//! where no cell overlaps two cells of another column set the rows: overlapping ones make
//! one row, which needs a cell of one line and whose other cells are centred on it or start
//! where it starts. A cell overlapping two or more rows stands beside a group; its column's
//! cells share the rows out among them, each over the rows it is centred on. A table is left
//! as `-layout` printed it, and so is every other line of the page, when its rows stand no
//! further apart than the lines of a cell (a table set one row a line), two figures would be
//! lines of one cell, fewer than two of its rows hold a wrapped cell or a group, or its cells
//! do not line up so.

use super::pdf::{CELL_GAP, CELL_SEPARATOR, is_figure_text};
use scraper::{Html, Selector};
use std::ops::Range;
use std::sync::LazyLock;

/// Columns a table needs, and cells a line needs to open one.
const MIN_COLUMNS: usize = 3;
/// Rows a table needs.
const MIN_ROWS: usize = 3;
/// Rows with a wrapped cell and cells beside a group a table needs (a heading over two
/// lines alone is no sign).
const MIN_WRAPPED: usize = 2;
/// Cells a row needs besides those beside its group.
const MIN_ROW_CELLS: usize = 2;
/// A gap between two words that parts cells of a line opening a table, in line heights.
const CELL_SPACING: f64 = 1.0;
/// The narrowest gutter between two columns, in line heights.
const MIN_GUTTER: f64 = 0.4;
/// The furthest apart two lines of a table may be (middle to middle), in line heights.
const MAX_TABLE_GAP: f64 = 2.8;
/// How much more than the tightest spacing of a column two lines of one cell may be apart,
/// in line heights.
const CELL_SLACK: f64 = 0.3;
/// How far a wrapped cell's top or middle may be from its row's, in line heights.
const ALIGN_SLACK: f64 = 0.4;
/// How far a group's cell may be from the middle of its rows, in line heights.
const GROUP_SLACK: f64 = 0.6;
/// The narrowest gap between two words of a cell that is a space, in line heights.
const WORD_SPACE: f64 = 0.2;
/// How far boxes must overlap to share a line, in line heights.
const OVERLAP: f64 = 0.1;

/// A word of a page, as `pdftotext -bbox-layout` gives it: its box in points (y grows
/// downwards) and its text.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Word {
    /// Left edge.
    pub x0: f64,
    /// Top edge.
    pub y0: f64,
    /// Right edge.
    pub x1: f64,
    /// Bottom edge.
    pub y1: f64,
    /// The word.
    pub text: String,
}

impl Word {
    fn middle(&self) -> f64 {
        (self.y0 + self.y1) / 2.0
    }
}

/// A block of words as poppler's reading order groups them (a paragraph, a box's text, a
/// cell): its lines, top first, each of words left to right.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Block {
    /// The lines of the block.
    pub lines: Vec<Vec<Word>>,
}

impl Block {
    /// The words of the block, line by line.
    pub fn words(&self) -> impl Iterator<Item = &Word> {
        self.lines.iter().flatten()
    }
}

/// The blocks of each page of `pdftotext -bbox-layout` output (XHTML: `<page>` elements of
/// `<block>` elements of `<line>` elements of `<word xMin=… yMin=… xMax=… yMax=…>` elements),
/// read with the HTML parser the converter uses for pages, which also decodes the words'
/// entities. Blank words and lines are left out.
pub(super) fn page_blocks(bbox: &str) -> Vec<Vec<Block>> {
    static PAGE: LazyLock<Selector> =
        LazyLock::new(|| Selector::parse("page").expect("page selector"));
    static BLOCK: LazyLock<Selector> =
        LazyLock::new(|| Selector::parse("block").expect("block selector"));
    static LINE: LazyLock<Selector> =
        LazyLock::new(|| Selector::parse("line").expect("line selector"));
    static WORD: LazyLock<Selector> =
        LazyLock::new(|| Selector::parse("word").expect("word selector"));
    let document = Html::parse_document(bbox);
    let words_of = |line: scraper::ElementRef<'_>| -> Vec<Word> {
        line.select(&WORD)
            .filter_map(|word| {
                // (The parser lower-cases attribute names.)
                let at = |name: &str| word.value().attr(name)?.parse::<f64>().ok();
                Some(Word {
                    x0: at("xmin")?,
                    y0: at("ymin")?,
                    x1: at("xmax")?,
                    y1: at("ymax")?,
                    text: word.text().collect(),
                })
            })
            .filter(|word| !word.text.trim().is_empty())
            .collect()
    };
    document
        .select(&PAGE)
        .map(|page| {
            page.select(&BLOCK)
                .map(|block| Block {
                    lines: block
                        .select(&LINE)
                        .map(words_of)
                        .filter(|line| !line.is_empty())
                        .collect(),
                })
                .filter(|block| !block.lines.is_empty())
                .collect()
        })
        .collect()
}

/// Whether a `-layout` page has lines enough of several cells to hold such a table.
pub(super) fn may_hold_table(page: &[String]) -> bool {
    page.iter()
        .filter(|line| {
            CELL_SEPARATOR
                .split(line.trim_matches([' ', '\u{3000}']))
                .count()
                >= MIN_COLUMNS
        })
        .count()
        >= MIN_ROWS
}

/// The `-layout` lines of a page with each table of wrapped rows on it read as one line a
/// row; `None` when the page has none. `words` are the page's word boxes.
pub(super) fn joined(page: &[String], words: &[Word]) -> Option<Vec<String>> {
    let page_height = line_height(words)?;
    let lines = lines_of(words.iter().collect());
    let opening = lines.iter().filter(|line| opens(line, page_height));
    // The height of a line of the page's tables, whose type is often smaller than its text's.
    let height = line_height(opening.flatten().copied())?;
    let mut out = page.to_vec();
    let mut from = 0;
    let mut changed = false;
    for region in tables(&lines, height) {
        let table: Vec<&Word> = lines[region].iter().flatten().copied().collect();
        let Some(rows) = table_rows(&table, height) else {
            continue;
        };
        let Some(span) = layout_span(&out, &table, from) else {
            continue;
        };
        from = span.start + rows.len();
        out.splice(span, rows);
        changed = true;
    }
    changed.then_some(out)
}

/// The usual height of a line of some words: the median height of the words.
pub(super) fn line_height<'w>(words: impl IntoIterator<Item = &'w Word>) -> Option<f64> {
    let mut heights: Vec<f64> = words.into_iter().map(|w| w.y1 - w.y0).collect();
    heights.sort_by(f64::total_cmp);
    heights.get(heights.len() / 2).copied().filter(|h| *h > 0.0)
}

/// Words grouped into lines, each sorted left to right, top line first: a word is on a line
/// when its middle lies within the line's first word (the one whose middle is highest).
fn lines_of(mut words: Vec<&Word>) -> Vec<Vec<&Word>> {
    words.sort_by(|a, b| a.middle().total_cmp(&b.middle()));
    let mut lines: Vec<Vec<&Word>> = Vec::new();
    for word in words {
        match lines.last_mut() {
            Some(line)
                if line
                    .first()
                    .is_some_and(|first| (first.y0..=first.y1).contains(&word.middle())) =>
            {
                line.push(word)
            }
            _ => lines.push(vec![word]),
        }
    }
    for line in &mut lines {
        line.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    }
    lines
}

/// How far two spans overlap (negative: how far apart they are).
fn overlap(a: Range<f64>, b: Range<f64>) -> f64 {
    a.end.min(b.end) - a.start.max(b.start)
}

fn top(line: &[&Word]) -> f64 {
    line.iter().map(|w| w.y0).fold(f64::INFINITY, f64::min)
}

fn bottom(line: &[&Word]) -> f64 {
    line.iter().map(|w| w.y1).fold(f64::NEG_INFINITY, f64::max)
}

/// The widest stretch of a line whose words stand less than [`CELL_SPACING`] apart.
fn widest_stretch(line: &[&Word], height: f64) -> f64 {
    let mut widest: f64 = 0.0;
    let mut stretch: Option<Range<f64>> = None;
    for word in line {
        stretch = Some(match stretch {
            Some(s) if word.x0 - s.end < CELL_SPACING * height => s.start..s.end.max(word.x1),
            _ => word.x0..word.x1,
        });
        widest = widest.max(stretch.as_ref().map_or(0.0, |s| s.end - s.start));
    }
    widest
}

/// Whether a line has [`MIN_COLUMNS`] cells or more, parted by gaps of [`CELL_SPACING`].
fn opens(line: &[&Word], height: f64) -> bool {
    line.windows(2)
        .filter(|pair| pair[1].x0 - pair[0].x1 >= CELL_SPACING * height)
        .count()
        + 1
        >= MIN_COLUMNS
}

/// The runs of lines that are tables: each opens with a line of [`MIN_COLUMNS`] cells or
/// more and takes the lines above and below it that stand close enough and are such lines
/// too or cross none of its gutters. A line close below that crosses them parts the table
/// from what follows: the close lines after it open no table until one wider than half the
/// table (text, a heading).
fn tables(lines: &[Vec<&Word>], height: f64) -> Vec<Range<usize>> {
    let middle = |line: &[&Word]| (top(line) + bottom(line)) / 2.0;
    let close =
        |at: usize| (middle(&lines[at]) - middle(&lines[at - 1])).abs() <= MAX_TABLE_GAP * height;
    let fits = |line: &[&Word], run: &[Vec<&Word>]| {
        let words: Vec<&Word> = run.iter().flatten().copied().collect();
        opens(line, height)
            || !gutters(&words, height)
                .iter()
                .any(|g| line.iter().any(|w| w.x0 <= g.start && w.x1 >= g.end))
    };
    let mut tables = Vec::new();
    let mut done = 0;
    let mut at = 0;
    while at < lines.len() {
        if !opens(&lines[at], height) {
            at += 1;
            continue;
        }
        let mut end = at + 1;
        while end < lines.len() && close(end) && fits(&lines[end], &lines[at..end]) {
            end += 1;
        }
        let mut start = at;
        while start > done && close(start) && fits(&lines[start - 1], &lines[start..end]) {
            start -= 1;
        }
        tables.push(start..end);
        at = end;
        // A line close below that crosses the columns (a cell straying over them) leaves
        // the rest of the table as `-layout` printed it.
        if end < lines.len() && close(end) {
            let run: Vec<&Word> = lines[start..end].iter().flatten().copied().collect();
            let width = run.iter().map(|w| w.x1).fold(f64::NEG_INFINITY, f64::max)
                - run.iter().map(|w| w.x0).fold(f64::INFINITY, f64::min);
            at += 1;
            while at < lines.len() && close(at) && widest_stretch(&lines[at], height) <= width / 2.0
            {
                at += 1;
            }
        }
        done = at;
    }
    tables
}

/// The gaps between columns: the stretches between the leftmost and rightmost word that no
/// word covers, [`MIN_GUTTER`] wide or more.
fn gutters(words: &[&Word], height: f64) -> Vec<Range<f64>> {
    let columns = columns(words, height);
    columns
        .windows(2)
        .map(|pair| pair[0].end..pair[1].start)
        .collect()
}

/// The columns the words stand in, left to right: the stretches they cover, joined where
/// less than [`MIN_GUTTER`] apart, or less than [`CELL_SPACING`] apart where fewer than two
/// words end at the gap and fewer than two start at it.
fn columns(words: &[&Word], height: f64) -> Vec<Range<f64>> {
    let mut spans: Vec<Range<f64>> = words.iter().map(|w| w.x0..w.x1).collect();
    spans.sort_by(|a, b| a.start.total_cmp(&b.start));
    let mut columns: Vec<Range<f64>> = Vec::new();
    for span in spans {
        match columns.last_mut() {
            Some(column) if span.start - column.end < MIN_GUTTER * height => {
                column.end = column.end.max(span.end);
            }
            _ => columns.push(span),
        }
    }
    // A narrow gutter is one where cells of two lines or more end or start (a column set
    // flush left or right), not the space between two words of one cell.
    let edges = |at: f64, edge: fn(&Word) -> f64| {
        words
            .iter()
            .filter(|w| (edge(w) - at).abs() <= MIN_GUTTER * height)
            .count()
    };
    let mut kept: Vec<Range<f64>> = Vec::with_capacity(columns.len());
    for column in columns {
        match kept.last_mut() {
            Some(last)
                if column.start - last.end < CELL_SPACING * height
                    && edges(last.end, |w| w.x1) < 2
                    && edges(column.start, |w| w.x0) < 2 =>
            {
                last.end = column.end;
            }
            _ => kept.push(column),
        }
    }
    kept
}

/// Part of a cell: the words of one of its lines.
#[derive(Debug, Clone)]
struct Cell {
    column: usize,
    top: f64,
    bottom: f64,
    /// Where its first line starts and ends.
    left: f64,
    right: f64,
    /// The middles of its first and last lines.
    first: f64,
    last: f64,
    /// Its lines' texts, top first.
    lines: Vec<String>,
}

impl Cell {
    fn middle(&self) -> f64 {
        (self.top + self.bottom) / 2.0
    }

    fn span(&self) -> Range<f64> {
        self.top..self.bottom
    }

    /// The cell's text: its lines joined, with a space only after a line that is a figure
    /// and before one that is not its bracketed qualifier (a number over its name), or
    /// between two latin letters or digits.
    fn text(&self) -> String {
        let mut text = String::new();
        let mut figure = false;
        for line in &self.lines {
            let latin = text.ends_with(|c: char| c.is_ascii_alphanumeric())
                && line.starts_with(|c: char| c.is_ascii_alphanumeric());
            if (figure && !line.starts_with(['（', '('])) || latin {
                text.push(' ');
            }
            text.push_str(line);
            figure = is_figure_text(line);
        }
        text
    }

    /// Whether the cell holds figures alone.
    fn is_figure(&self) -> bool {
        self.lines.iter().all(|line| is_figure_text(line))
    }

    /// Whether a line below stands where this one does: starting, ending or centred where it
    /// does.
    fn aligned(&self, below: &Cell, height: f64) -> bool {
        let near = |a: f64, b: f64| (a - b).abs() <= ALIGN_SLACK * height;
        near(self.left, below.left)
            || near(self.right, below.right)
            || near(
                (self.left + self.right) / 2.0,
                (below.left + below.right) / 2.0,
            )
    }
}

/// A row: the cells that set it and the span they cover.
struct Row {
    top: f64,
    bottom: f64,
    cells: Vec<usize>,
}

/// The lines of a table as one line a row; `None` when it is not a table of wrapped rows.
fn table_rows(table: &[&Word], height: f64) -> Option<Vec<String>> {
    let columns = columns(table, height);
    if columns.len() < MIN_COLUMNS {
        return None;
    }
    let (cells, wrap) = cells(table, &columns, height)?;
    laid_out(&cells, columns.len(), wrap, height)
}

/// The cells of a table laid out in rows, one line a row; `None` when they do not make a
/// table of wrapped rows. `wrap` is the furthest apart two lines of a cell stand.
fn laid_out(cells: &[Cell], columns: usize, wrap: f64, height: f64) -> Option<Vec<String>> {
    let overlapping = |a: &Cell, b: &Cell| overlap(a.span(), b.span()) > OVERLAP * height;
    let spans_rows = |cell: &Cell| {
        (0..columns).filter(|c| *c != cell.column).any(|c| {
            cells
                .iter()
                .filter(|other| other.column == c && overlapping(cell, other))
                .count()
                >= 2
        })
    };
    let mut beside_groups = vec![false; columns];
    for cell in cells.iter().filter(|cell| spans_rows(cell)) {
        beside_groups[cell.column] = true;
    }
    let rows = rows(cells, &beside_groups, height)?;
    // Rows no further apart than the lines of a cell are a table set one row a line.
    let edge = |row: &Row, first: bool| {
        let middles = row
            .cells
            .iter()
            .map(|&c| if first { cells[c].first } else { cells[c].last });
        if first {
            middles.fold(f64::INFINITY, f64::min)
        } else {
            middles.fold(f64::NEG_INFINITY, f64::max)
        }
    };
    if rows
        .windows(2)
        .any(|pair| edge(&pair[1], true) - edge(&pair[0], false) <= wrap)
    {
        return None;
    }
    if rows.len() < MIN_ROWS {
        return None;
    }
    let mut placed: Vec<Range<usize>> = vec![0..0; cells.len()];
    for (index, row) in rows.iter().enumerate() {
        for &cell in &row.cells {
            placed[cell] = index..index + 1;
        }
    }
    for column in (0..columns).filter(|&c| beside_groups[c]) {
        let members: Vec<usize> = (0..cells.len())
            .filter(|&c| cells[c].column == column)
            .collect();
        for (cell, range) in members.iter().zip(groups(cells, &members, &rows, height)?) {
            placed[*cell] = range;
        }
    }
    // Rows holding a wrapped cell, and cells beside a group of rows.
    let wrapped = rows
        .iter()
        .filter(|row| row.cells.iter().any(|&c| cells[c].lines.len() > 1))
        .count()
        + placed.iter().filter(|range| range.len() > 1).count();
    if wrapped < MIN_WRAPPED {
        return None;
    }
    let lines = (0..rows.len())
        .map(|row| {
            let mut texts: Vec<(usize, String)> = (0..cells.len())
                .filter(|&c| placed[c].contains(&row))
                .map(|c| (c, cells[c].text()))
                .filter(|(c, text)| placed[*c].start == row || !is_figure_text(text))
                .map(|(c, text)| (cells[c].column, text))
                .collect();
            texts.sort_by_key(|(column, _)| *column);
            texts
                .into_iter()
                .map(|(_, text)| text)
                .collect::<Vec<_>>()
                .join(&" ".repeat(CELL_GAP))
        })
        .collect();
    Some(lines)
}

/// The cells of a table: in each column, the lines of its words, those no further apart
/// than the closest two of any column (and [`CELL_SLACK`]) and starting, ending or centred
/// alike joined; and how far apart two lines of a cell stand at most (middle to middle).
/// `None` when two figures would be lines of one cell.
fn cells(table: &[&Word], columns: &[Range<f64>], height: f64) -> Option<(Vec<Cell>, f64)> {
    let mut parts: Vec<Vec<Cell>> = Vec::with_capacity(columns.len());
    for (index, column) in columns.iter().enumerate() {
        let words: Vec<&Word> = table
            .iter()
            .filter(|w| column.contains(&((w.x0 + w.x1) / 2.0)))
            .copied()
            .collect();
        let lines = lines_of(words);
        parts.push(
            lines
                .iter()
                .map(|line| Cell {
                    column: index,
                    top: top(line),
                    bottom: bottom(line),
                    first: (top(line) + bottom(line)) / 2.0,
                    last: (top(line) + bottom(line)) / 2.0,
                    left: line.iter().map(|w| w.x0).fold(f64::INFINITY, f64::min),
                    right: line.iter().map(|w| w.x1).fold(f64::NEG_INFINITY, f64::max),
                    lines: vec![line_text(line, height)],
                })
                .collect(),
        );
    }
    let pitch = |upper: &Cell, lower: &Cell| lower.middle() - upper.middle();
    let tightest = parts
        .iter()
        .flat_map(|column| column.windows(2))
        .filter(|pair| pair[0].aligned(&pair[1], height))
        .map(|pair| pitch(&pair[0], &pair[1]))
        .fold(f64::INFINITY, f64::min);
    if !tightest.is_finite() {
        return None;
    }
    let wrap = tightest + CELL_SLACK * height;
    let mut cells = Vec::new();
    for column in parts {
        let mut joined: Vec<Cell> = Vec::new();
        let mut last: Option<Cell> = None;
        for part in column {
            let wraps = last
                .as_ref()
                .is_some_and(|last| pitch(last, &part) <= wrap && last.aligned(&part, height));
            // A figure does not wrap onto another: such lines are rows set one a line.
            let figures = last
                .as_ref()
                .is_some_and(|last| last.is_figure() && part.is_figure());
            if wraps && figures {
                return None;
            }
            last = Some(part.clone());
            match joined.last_mut() {
                Some(cell) if wraps => {
                    cell.bottom = cell.bottom.max(part.bottom);
                    cell.last = part.last;
                    cell.lines.extend(part.lines);
                }
                _ => joined.push(part),
            }
        }
        cells.extend(joined);
    }
    Some((cells, wrap))
}

/// The words of a line of a cell, a space between two that stand apart.
pub(super) fn line_text(line: &[&Word], height: f64) -> String {
    let mut text = String::new();
    let mut end = None;
    for word in line {
        if end.is_some_and(|end| word.x0 - end >= WORD_SPACE * height) {
            text.push(' ');
        }
        text.push_str(&word.text);
        end = Some(word.x1);
    }
    text
}

/// The rows of a table, top first: the cells of the columns beside no group of rows, those
/// overlapping joined;
/// `None` when a row has two cells in one column, no cell of one line, or a cell of several
/// lines neither centred on it nor starting at its top.
fn rows(cells: &[Cell], beside_groups: &[bool], height: f64) -> Option<Vec<Row>> {
    let mut order: Vec<usize> = (0..cells.len())
        .filter(|&c| !beside_groups[cells[c].column])
        .collect();
    order.sort_by(|&a, &b| cells[a].top.total_cmp(&cells[b].top));
    let mut rows: Vec<Row> = Vec::new();
    for cell in order {
        let span = cells[cell].span();
        match rows.last_mut() {
            Some(row) if overlap(row.top..row.bottom, span.clone()) > OVERLAP * height => {
                row.bottom = row.bottom.max(span.end);
                row.cells.push(cell);
            }
            _ => rows.push(Row {
                top: span.start,
                bottom: span.end,
                cells: vec![cell],
            }),
        }
    }
    for row in &rows {
        let mut columns: Vec<usize> = row.cells.iter().map(|&c| cells[c].column).collect();
        columns.sort_unstable();
        columns.dedup();
        if columns.len() != row.cells.len() || columns.len() < MIN_ROW_CELLS {
            return None;
        }
        let mut single: Vec<&Cell> = row
            .cells
            .iter()
            .map(|&c| &cells[c])
            .filter(|c| c.lines.len() == 1)
            .collect();
        single.sort_by(|a, b| a.middle().total_cmp(&b.middle()));
        let anchor = single.get(single.len() / 2)?;
        let aligned = row.cells.iter().map(|&c| &cells[c]).all(|cell| {
            (cell.top - anchor.top).abs() <= ALIGN_SLACK * height
                || (cell.middle() - anchor.middle()).abs() <= ALIGN_SLACK * height
        });
        if !aligned {
            return None;
        }
    }
    Some(rows)
}

/// The rows each cell of a column beside groups of rows stands for (`members`, top first):
/// together they take every row from the first cell's down, each a run of rows around its
/// own whose middle is nearest its own; `None` when a cell stands beside no row or further
/// than [`GROUP_SLACK`] from the middle of its rows.
fn groups(
    cells: &[Cell],
    members: &[usize],
    rows: &[Row],
    height: f64,
) -> Option<Vec<Range<usize>>> {
    let mut touched: Vec<Range<usize>> = Vec::with_capacity(members.len());
    for &cell in members {
        let over: Vec<usize> = (0..rows.len())
            .filter(|&r| overlap(rows[r].top..rows[r].bottom, cells[cell].span()) > 0.0)
            .collect();
        touched.push(*over.first()?..*over.last()? + 1);
    }
    if touched.windows(2).any(|pair| pair[1].start < pair[0].end) {
        return None;
    }
    let error = |cell: usize, range: &Range<usize>| {
        let middle = (rows[range.start].top + rows[range.end - 1].bottom) / 2.0;
        (cells[cell].middle() - middle).abs()
    };
    // The best placement of the cells so far, by the row after the last one's rows.
    let mut best: Vec<Option<(f64, Vec<Range<usize>>)>> = vec![None; rows.len() + 1];
    for (index, (&cell, own)) in members.iter().zip(&touched).enumerate() {
        let limit = touched.get(index + 1).map_or(rows.len(), |next| next.start);
        let mut next: Vec<Option<(f64, Vec<Range<usize>>)>> = vec![None; rows.len() + 1];
        let starts: Vec<(usize, f64, Vec<Range<usize>>)> = if index == 0 {
            (0..=own.start).map(|s| (s, 0.0, Vec::new())).collect()
        } else {
            (0..=own.start)
                .filter_map(|s| best[s].clone().map(|(e, p)| (s, e, p)))
                .collect()
        };
        for (start, sum, placed) in starts {
            for (end, slot) in next.iter_mut().enumerate().take(limit + 1).skip(own.end) {
                let range = start..end;
                let total = sum + error(cell, &range);
                if slot.as_ref().is_none_or(|(e, _)| total < *e) {
                    let mut placed = placed.clone();
                    placed.push(range);
                    *slot = Some((total, placed));
                }
            }
        }
        best = next;
    }
    let (_, placed) = best
        .into_iter()
        .flatten()
        .min_by(|a, b| a.0.total_cmp(&b.0))?;
    let fits = members
        .iter()
        .zip(&placed)
        .all(|(&cell, range)| error(cell, range) <= GROUP_SLACK * height);
    fits.then_some(placed)
}

/// The `-layout` lines from `from` on that hold the table's words and nothing else.
pub(super) fn layout_span(page: &[String], table: &[&Word], from: usize) -> Option<Range<usize>> {
    let mut wanted: Vec<char> = table
        .iter()
        .flat_map(|w| w.text.chars())
        .filter(|c| !c.is_whitespace())
        .collect();
    wanted.sort_unstable();
    let chars = |line: &String| line.chars().filter(|c| !c.is_whitespace()).count();
    for start in from..page.len() {
        if chars(&page[start]) == 0 {
            continue;
        }
        let mut count = 0;
        for end in start..page.len() {
            count += chars(&page[end]);
            if count > wanted.len() {
                break;
            }
            if count == wanted.len() {
                let mut got: Vec<char> = page[start..=end]
                    .iter()
                    .flat_map(|l| l.chars())
                    .filter(|c| !c.is_whitespace())
                    .collect();
                got.sort_unstable();
                if got == wanted {
                    return Some(start..end + 1);
                }
                break;
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A word of type 10 points high, 10 points a character, its middle at `y`.
    fn word(x: f64, y: f64, text: &str) -> Word {
        Word {
            x0: x,
            y0: y - 5.0,
            x1: x + 10.0 * text.chars().count() as f64,
            y1: y + 5.0,
            text: text.to_string(),
        }
    }

    /// A table of indicators: a 施策 over two lines centred beside its two rows, names over
    /// two lines, baselines over three, each row's figures and verdict on its middle line.
    fn indicators() -> Vec<Word> {
        vec![
            word(0.0, 100.0, "施策"),
            word(100.0, 100.0, "成果指標"),
            word(300.0, 100.0, "基準値"),
            word(400.0, 100.0, "実績"),
            word(500.0, 100.0, "評価"),
            word(300.0, 128.0, "18.4%"),
            word(100.0, 134.0, "地域の支え合い活動"),
            word(300.0, 140.0, "（令和2年"),
            word(400.0, 140.0, "19.0%"),
            word(500.0, 140.0, "順調"),
            word(100.0, 146.0, "への参加率"),
            word(330.0, 152.0, "度）"),
            word(0.0, 156.0, "1-1"),
            word(33.0, 156.0, "地域で支え"),
            word(0.0, 168.0, "合う福祉"),
            word(300.0, 172.0, "86か所"),
            word(100.0, 184.0, "通いの場の数"),
            word(300.0, 184.0, "（令和2年"),
            word(400.0, 184.0, "92か所"),
            word(500.0, 184.0, "順調"),
            word(330.0, 196.0, "度）"),
            word(300.0, 216.0, "38.2%"),
            word(0.0, 228.0, "1-2"),
            word(33.0, 228.0, "健康"),
            word(100.0, 228.0, "健診受診率"),
            word(300.0, 228.0, "（令和2年"),
            word(400.0, 228.0, "40.5%"),
            word(500.0, 228.0, "停滞"),
            word(330.0, 240.0, "度）"),
        ]
    }

    fn page(lines: &[&str]) -> Vec<String> {
        lines.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn wrapped_cells_whole_and_a_group_given_to_its_rows() {
        let mut words = vec![word(0.0, 20.0, "成果指標の状況は次のとおりである。")];
        words.extend(indicators());
        words.push(word(
            0.0,
            300.0,
            "以上のとおり評価した。なお数値は速報値である。",
        ));
        let layout = page(&[
            "成果指標の状況は次のとおりである。",
            "",
            "施策       成果指標           基準値     実績     評価",
            "                              18.4%",
            "           地域の支え合い活動",
            "                             （令和2年     19.0%    順調",
            "           への参加率",
            "                                度）",
            "1-1 地域で支え",
            "合う福祉                      86か所",
            "           通いの場の数      （令和2年     92か所    順調",
            "                                度）",
            "                              38.2%",
            "1-2 健康   健診受診率        （令和2年     40.5%    停滞",
            "                                度）",
            "以上のとおり評価した。なお数値は速報値である。",
        ]);
        assert_eq!(
            joined(&layout, &words),
            Some(page(&[
                "成果指標の状況は次のとおりである。",
                "",
                "施策   成果指標   基準値   実績   評価",
                "1-1 地域で支え合う福祉   地域の支え合い活動への参加率   18.4%（令和2年度）   19.0%   順調",
                "1-1 地域で支え合う福祉   通いの場の数   86か所（令和2年度）   92か所   順調",
                "1-2 健康   健診受診率   38.2%（令和2年度）   40.5%   停滞",
                "以上のとおり評価した。なお数値は速報値である。",
            ]))
        );
    }

    #[test]
    fn cells_wrapped_from_the_top_of_their_row() {
        let words = vec![
            word(0.0, 100.0, "指標"),
            word(200.0, 100.0, "目標水準"),
            word(400.0, 100.0, "前期間実績"),
            word(0.0, 130.0, "反映件数"),
            word(200.0, 130.0, "令和11年度までに"),
            word(400.0, 130.0, "累計21件（令和5年度"),
            word(200.0, 143.0, "累計30件以上"),
            word(400.0, 143.0, "末）"),
            word(0.0, 170.0, "獲得額"),
            word(200.0, 170.0, "各年度"),
            word(400.0, 170.0, "3.1億円（令和5年"),
            word(400.0, 183.0, "度）"),
            word(0.0, 210.0, "電子決裁率"),
            word(200.0, 210.0, "98%以上"),
            word(400.0, 210.0, "91.5%"),
        ];
        let table: Vec<&Word> = words.iter().collect();
        assert_eq!(
            table_rows(&table, 10.0),
            Some(vec![
                "指標   目標水準   前期間実績".to_string(),
                "反映件数   令和11年度までに累計30件以上   累計21件（令和5年度末）".to_string(),
                "獲得額   各年度   3.1億円（令和5年度）".to_string(),
                "電子決裁率   98%以上   91.5%".to_string(),
            ])
        );
    }

    #[test]
    fn rows_of_one_line_and_text_are_left_alone() {
        let mut table = vec![
            word(0.0, 100.0, "区分"),
            word(200.0, 100.0, "令和8年度"),
            word(400.0, 100.0, "令和7年度"),
        ];
        for (row, label) in ["一般会計", "特別会計", "公営企業会計", "合計"]
            .iter()
            .enumerate()
        {
            let y = 112.0 + 12.0 * row as f64;
            table.extend([
                word(0.0, y, label),
                word(200.0, y, "1,200"),
                word(400.0, y, "1,100"),
            ]);
        }
        let layout = page(&[
            "区分       令和8年度     令和7年度",
            "一般会計      1,200      1,100",
            "特別会計      1,200      1,100",
            "公営企業会計   1,200      1,100",
            "合計          1,200      1,100",
        ]);
        assert_eq!(joined(&layout, &table), None);
        let text: Vec<Word> = (0..5)
            .map(|line| {
                word(
                    0.0,
                    100.0 + 12.0 * line as f64,
                    "本シートは施策について成果指標の達成状況をもとに評価を行ったものである。",
                )
            })
            .collect();
        let layout = vec![
            "本シートは施策について成果指標の達成状況をもとに評価を行ったものである。"
                .to_string();
            5
        ];
        assert_eq!(joined(&layout, &text), None);
    }

    #[test]
    fn blocks_of_each_page() {
        let bbox = "<doc><page width=\"595\" height=\"842\"><flow><block><line>\
            <word xMin=\"10.5\" yMin=\"20\" xMax=\"30\" yMax=\"30\">R&amp;D</word>\
            </line><line><word xMin=\"10\" yMin=\"32\" xMax=\"20\" yMax=\"42\"> </word></line>\
            </block></flow></page><page width=\"595\" height=\"842\"></page></doc>";
        assert_eq!(
            page_blocks(bbox),
            vec![
                vec![Block {
                    lines: vec![vec![Word {
                        x0: 10.5,
                        y0: 20.0,
                        x1: 30.0,
                        y1: 30.0,
                        text: "R&D".to_string()
                    }]]
                }],
                vec![]
            ]
        );
    }
}
