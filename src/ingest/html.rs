//! Readable text of an HTML page, parsed with `scraper` (html5ever).
//!
//! Headings become Markdown headings (`## 見出し`, one `#` per level), paragraphs and other
//! blocks become lines separated by a blank line, list items become `- item` lines, `<pre>`
//! keeps its lines. A table row becomes one line with one cell per column of the table's
//! grid, separated by tabs: `rowspan` and `colspan` are laid out as the HTML table model
//! does, the other slots of a spanning cell repeat its text (or stay empty when it holds a
//! figure, so a figure is never counted twice), and empty cells keep their place, so every
//! line of a table lines up with its header. A table nested in a cell gives lines of its
//! own, after the row of the enclosing table that holds it. Entities
//! are decoded by the parser. Scripts, styles, navigation, the page's banner header and
//! footer, asides, forms, embedded objects and hidden elements are dropped; when the page
//! marks its main content with `<main>`, only that is read. Whitespace collapses as a browser
//! collapses it, and a source line break between two Japanese characters disappears (as CSS
//! Text 3 renders it) instead of becoming a space inside a word.

use super::IngestError;
use super::decode;
use crate::normalize::is_wide;
use ego_tree::iter::Edge;
use regex::bytes::Regex;
use scraper::node::Element;
use scraper::{ElementRef, Html, Node, Selector};
use std::sync::LazyLock;

/// How far into the file a `<meta charset>` is looked for (as browsers do).
const META_PRESCAN_BYTES: usize = 1024;

static META_CHARSET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)"#)
        .expect("meta charset pattern")
});
static MAIN: LazyLock<Selector> = LazyLock::new(|| Selector::parse("main").expect("selector"));
static BODY: LazyLock<Selector> = LazyLock::new(|| Selector::parse("body").expect("selector"));

/// The largest `rowspan` honoured (larger values are capped; a span also ends with its row
/// group, so it never adds rows).
const MAX_ROWSPAN: usize = 1000;
/// The largest `colspan` honoured.
const MAX_COLSPAN: usize = 100;
/// Slots one table may add beyond its own cells, for the copies of spanning cells and for
/// padding short rows; past it, cells are laid out as written. Bounds the text a few
/// absurd spans can produce.
const MAX_TABLE_SLOTS: usize = 1_000_000;
/// Bytes of text the copies of spanning cells in one table may repeat; past it, copies
/// are empty cells.
const MAX_COPIED_BYTES: usize = 1 << 20;

/// Elements whose content is never part of the readable text.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "aside", "form", "button", "select",
    "textarea", "input", "iframe", "svg", "canvas", "object", "embed", "audio", "video", "map",
    "head", "title", "dialog",
];
/// ARIA roles of navigation and page furniture.
const DROPPED_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "search",
    "complementary",
    "menu",
    "menubar",
];
/// Blocks that stand apart from their neighbours by a blank line.
const PARAGRAPHS: &[&str] = &[
    "p",
    "ul",
    "ol",
    "dl",
    "table",
    "pre",
    "blockquote",
    "figure",
    "hr",
    "section",
    "article",
    "main",
    "address",
    "details",
];
/// A term of a description list, written in bold on a line of its own.
const TERM: &str = "dt";
/// Markdown's bold, around a term.
const BOLD: &str = "**";

/// Blocks that start and end a line.
const LINES: &[&str] = &[
    "div",
    "li",
    "dt",
    "dd",
    "tr",
    "caption",
    "figcaption",
    "summary",
    "legend",
    "center",
    "fieldset",
    "header",
    "footer",
    "body",
];

/// Decodes an HTML page (HTTP charset, BOM, `<meta charset>` or detection) and returns the
/// lines of its readable text.
pub(crate) fn html_lines(bytes: &[u8], declared: Option<&str>) -> Result<Vec<String>, IngestError> {
    let prescan = &bytes[..bytes.len().min(META_PRESCAN_BYTES)];
    let embedded = META_CHARSET
        .captures(prescan)
        .and_then(|c| c.get(1))
        .map(|m| String::from_utf8_lossy(m.as_bytes()).into_owned());
    let (encoding, body) = decode::choose_encoding(bytes, declared, embedded.as_deref())?;
    let text = decode::decode_with(encoding, body)?;
    let lines = readable_lines(&Html::parse_document(&text));
    if lines.iter().all(|l| l.trim().is_empty()) {
        return Err(IngestError::Empty);
    }
    Ok(lines)
}

/// The lines of an HTML fragment written into another format (a table in Markdown), read as
/// a page's body is.
pub(super) fn fragment_lines(fragment: &str) -> Vec<String> {
    readable_lines(&Html::parse_fragment(fragment))
}

/// The readable text of a parsed page as lines.
fn readable_lines(document: &Html) -> Vec<String> {
    let root = document
        .select(&MAIN)
        .find(|main| !is_dropped(*main))
        .or_else(|| document.select(&BODY).next())
        .unwrap_or_else(|| document.root_element());
    let mut writer = Writer::default();
    let mut skipping: Option<ego_tree::NodeId> = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                if let Node::Text(text) = node.value() {
                    writer.text(text);
                } else if let Some(element) = ElementRef::wrap(node) {
                    if is_dropped(element) {
                        skipping = Some(node.id());
                    } else {
                        if abuts_styled_sibling(element) {
                            writer.space();
                        }
                        writer.open(element.value());
                    }
                }
            }
            Edge::Close(node) => {
                if skipping == Some(node.id()) {
                    skipping = None;
                } else if skipping.is_none()
                    && let Some(element) = ElementRef::wrap(node)
                {
                    writer.close(table_part(element.value()));
                }
            }
        }
    }
    writer.finish()
}

/// Whether an element with a class of its own comes right after another, nothing between
/// them (`<span class="kpi__trend-year">2022</span><span class="kpi__trend-val">19件</span>`):
/// a page's style sets such parts apart as boxes of their own, so their words are parted
/// by a space instead of running together (`202219件`). Unstyled runs (a word processor's
/// `<span lang=EN-US>2</span><span>億円</span>`) and text before an element (`14<small
/// class="unit">件</small>`) are left joined.
fn abuts_styled_sibling(element: ElementRef<'_>) -> bool {
    let Some(before) = element.prev_sibling().and_then(ElementRef::wrap) else {
        return false;
    };
    // A badge after a name in bold (`<strong>創業支援補助金</strong><span class="tag">拡充
    // </span>`) is a box of its own too; a unit after a figure in bold stays with it.
    let ends_in_digit = |element: ElementRef<'_>| {
        element
            .text()
            .collect::<String>()
            .trim_end()
            .ends_with(|c: char| c.is_numeric())
    };
    let badge_after_bold =
        matches!(before.value().name(), "strong" | "b") && !ends_in_digit(before);
    element.value().attr("class").is_some()
        && (before.value().attr("class").is_some() || badge_after_bold)
}

/// The table element an element stands for: a grid of `<div>`s a page's script and style
/// lay out as a table says so by its ARIA roles (`role="table"`, `"row"`, `"cell"`,
/// `"columnheader"`, `"rowheader"`), and is read as the table it shows; any other element
/// is itself.
fn table_part(element: &Element) -> &str {
    let name = element.name();
    if TABLE_ELEMENTS.contains(&name) {
        return name;
    }
    match element
        .attr("role")
        .map(|role| role.trim().to_ascii_lowercase())
    {
        Some(role) => match role.as_str() {
            "table" | "grid" | "treegrid" => "table",
            "rowgroup" => "tbody",
            "row" => "tr",
            "cell" | "gridcell" => "td",
            "columnheader" | "rowheader" => "th",
            _ => name,
        },
        None => name,
    }
}

/// The elements of an HTML table, read as such whatever role they are given.
const TABLE_ELEMENTS: [&str; 7] = ["table", "thead", "tbody", "tfoot", "tr", "td", "th"];

fn is_dropped(element: ElementRef<'_>) -> bool {
    let value = element.value();
    let name = value.name();
    if DROPPED.contains(&name) {
        return true;
    }
    if (name == "header" || name == "footer") && !inside_content(element) {
        return true;
    }
    // A tab's panel is hidden until its tab is chosen (`<div role="tabpanel" hidden>`): the
    // page's content all the same.
    let tab_panel = value
        .attr("role")
        .is_some_and(|r| r.trim().eq_ignore_ascii_case("tabpanel"));
    if tab_panel {
        return false;
    }
    if value.attr("hidden").is_some()
        || value
            .attr("aria-hidden")
            .is_some_and(|v| v.eq_ignore_ascii_case("true"))
        || value
            .attr("role")
            .is_some_and(|r| DROPPED_ROLES.contains(&r.trim().to_ascii_lowercase().as_str()))
    {
        return true;
    }
    value.attr("style").is_some_and(|style| {
        let style: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        style.contains("display:none") || style.contains("visibility:hidden")
    })
}

/// A `<header>`/`<footer>` of an article or of the main content (which holds its title or
/// its notes) rather than of the page.
fn inside_content(element: ElementRef<'_>) -> bool {
    element.ancestors().any(|a| {
        a.value()
            .as_element()
            .is_some_and(|e| matches!(e.name(), "article" | "main" | "section"))
    })
}

fn heading_level(name: &str) -> Option<usize> {
    match name {
        "h1" => Some(1),
        "h2" => Some(2),
        "h3" => Some(3),
        "h4" => Some(4),
        "h5" => Some(5),
        "h6" => Some(6),
        _ => None,
    }
}

/// Whether a collapsed line break between `before` and `after` disappears: both are wide
/// East Asian characters (kana, kanji, full-width forms and punctuation).
fn joins_without_space(before: char, after: char) -> bool {
    is_wide(before) && is_wide(after)
}

/// Collects text into lines while the tree is walked.
#[derive(Default)]
struct Writer {
    lines: Vec<String>,
    line: String,
    /// Bytes of `line` that are a marker (`## `, `- `) rather than content.
    marker_len: usize,
    /// Collapsed whitespace waiting for the next character: `Some(true)` when it held only
    /// line breaks (and spaces), which vanish between Japanese characters.
    pending_space: Option<bool>,
    /// Inside headings, blocks do not break the line (nor inside a table cell, see
    /// [`Writer::single_line`]).
    single_line_depth: usize,
    /// Inside `<pre>`.
    pre_depth: usize,
    /// The tables being read, the innermost last.
    tables: Vec<Table>,
    /// Inside `<dt>`.
    term_depth: usize,
}

impl Writer {
    /// An element starts.
    fn open(&mut self, element: &Element) {
        let name = table_part(element);
        match name {
            "table" => return self.open_table(),
            "tr" if !self.tables.is_empty() => {
                self.end_cell();
                self.flush();
                if let Some(table) = self.tables.last_mut() {
                    table.start_row();
                }
                return;
            }
            "td" | "th" if !self.tables.is_empty() => return self.open_cell(element),
            // `<td><img src="icon_hare.png" alt="順調"></td>`: a cell's picture stands for the
            // words of its alternative text (a grade drawn as a weather icon, a badge).
            "img" if self.in_cell() => {
                if let Some(alt) = element.attr("alt").filter(|alt| !alt.trim().is_empty()) {
                    self.space();
                    self.text(alt);
                }
                return;
            }
            _ => {}
        }
        if self.single_line() {
            if heading_level(name).is_some() {
                self.single_line_depth += 1;
            } else if is_block(name) {
                self.space();
            }
            return;
        }
        if let Some(level) = heading_level(name) {
            self.paragraph_break();
            self.start_marker(&format!("{} ", "#".repeat(level)));
            self.single_line_depth += 1;
            return;
        }
        if name == TERM {
            // `<dt>`: the term its `<dd>` describes, one line in bold.
            self.flush();
            self.start_marker(BOLD);
            self.single_line_depth += 1;
            self.term_depth += 1;
            return;
        }
        match name {
            "li" => {
                self.flush();
                self.start_marker("- ");
            }
            "br" => self.line_break(),
            "pre" => {
                self.paragraph_break();
                self.pre_depth += 1;
            }
            _ if PARAGRAPHS.contains(&name) => self.paragraph_break(),
            _ if LINES.contains(&name) => self.flush(),
            _ => {}
        }
    }

    /// The element `name` ends.
    fn close(&mut self, name: &str) {
        if !self.tables.is_empty() {
            match name {
                "table" => return self.close_table(),
                "td" | "th" if self.in_cell() => return self.end_cell(),
                "tr" | "thead" | "tbody" | "tfoot" => {
                    self.end_cell();
                    self.flush();
                    if let Some(table) = self.tables.last_mut() {
                        if name == "tr" {
                            table.end_row();
                        } else {
                            table.end_row_group();
                        }
                    }
                    return;
                }
                _ => {}
            }
        }
        if name == TERM && self.term_depth > 0 {
            self.term_depth -= 1;
            self.single_line_depth = self.single_line_depth.saturating_sub(1);
            if !self.line[self.marker_len..].trim().is_empty() {
                let text = self.line.trim_end().to_string();
                self.line = format!("{text}{BOLD}");
            }
            self.flush();
            return;
        }
        if heading_level(name).is_some() && self.single_line_depth > 0 {
            self.single_line_depth -= 1;
            if !self.single_line() {
                self.paragraph_break();
            }
            return;
        }
        if self.single_line() {
            if is_block(name) {
                self.space();
            }
            return;
        }
        if name == "pre" {
            self.pre_depth = self.pre_depth.saturating_sub(1);
        }
        if PARAGRAPHS.contains(&name) {
            self.paragraph_break();
        } else if LINES.contains(&name) {
            self.flush();
        }
    }

    /// Whether the innermost table has a cell open.
    fn in_cell(&self) -> bool {
        self.tables.last().is_some_and(|t| t.cell.is_some())
    }

    /// Whether blocks only separate words instead of breaking the line: inside a heading
    /// or a table cell.
    fn single_line(&self) -> bool {
        self.single_line_depth > 0 || self.in_cell()
    }

    /// `<table>`: sets the surrounding line aside (a table inside a cell interrupts the
    /// cell's text) and starts a grid.
    fn open_table(&mut self) {
        if !self.single_line() {
            self.paragraph_break();
        }
        let outer = Context {
            line: std::mem::take(&mut self.line),
            marker_len: std::mem::take(&mut self.marker_len),
            pending_space: self.pending_space.take(),
            single_line_depth: std::mem::take(&mut self.single_line_depth),
        };
        if self.tables.is_empty() {
            self.blank();
        }
        self.tables.push(Table::new(outer));
    }

    /// `</table>`: writes the grid's rows as lines (a nested table's lines go after the row
    /// of the enclosing table that holds it) and returns to the surrounding line.
    fn close_table(&mut self) {
        self.end_cell();
        self.flush();
        let Some(mut table) = self.tables.pop() else {
            return;
        };
        table.end_row_group();
        let lines = table.take_lines();
        let Context {
            line,
            marker_len,
            pending_space,
            single_line_depth,
        } = table.outer;
        self.line = line;
        self.marker_len = marker_len;
        self.pending_space = pending_space;
        self.single_line_depth = single_line_depth;
        if let Some(enclosing) = self.tables.last_mut() {
            enclosing.set_aside(lines);
        } else {
            self.lines.extend(lines);
            self.blank();
        }
        if self.single_line() {
            self.space();
        }
    }

    /// `<td>`/`<th>`: the cell's text is written into `line` until the cell ends. Text
    /// stray between cells becomes a line of its own.
    fn open_cell(&mut self, element: &Element) {
        self.end_cell();
        self.flush();
        let spans = Spans {
            columns: span(element.attr("colspan"), MAX_COLSPAN),
            rows: span(element.attr("rowspan"), MAX_ROWSPAN),
        };
        if let Some(table) = self.tables.last_mut() {
            table.open_cell(spans);
        }
    }

    /// Ends the innermost table's open cell, if any, and places its text in the grid.
    fn end_cell(&mut self) {
        let Some(table) = self.tables.last_mut() else {
            return;
        };
        if table.cell.is_none() {
            return;
        }
        let text = self.line[self.marker_len..].trim().to_string();
        self.line.clear();
        self.marker_len = 0;
        self.pending_space = None;
        table.close_cell(text);
    }

    fn text(&mut self, text: &str) {
        if self.pre_depth > 0 && !self.single_line() {
            let mut parts = text.split('\n').peekable();
            while let Some(part) = parts.next() {
                self.line.push_str(part.trim_end_matches('\r'));
                if parts.peek().is_some() {
                    self.lines.push(std::mem::take(&mut self.line));
                    self.marker_len = 0;
                }
            }
            return;
        }
        for c in text.chars() {
            if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{0c}') {
                let breaks_only = matches!(c, '\n' | '\r');
                self.pending_space = Some(match self.pending_space {
                    Some(only) => only || breaks_only,
                    None => breaks_only,
                });
                continue;
            }
            if let Some(breaks_only) = self.pending_space.take() {
                let last = self.line[self.marker_len..].chars().next_back();
                if let Some(last) = last
                    && last != '\t'
                    && last != ' '
                    && !(breaks_only && joins_without_space(last, c))
                {
                    self.line.push(' ');
                }
            }
            self.line.push(if c == '\u{a0}' { ' ' } else { c });
        }
    }

    fn space(&mut self) {
        if self.pending_space.is_none() {
            self.pending_space = Some(false);
        }
    }

    fn start_marker(&mut self, marker: &str) {
        self.line.push_str(marker);
        self.marker_len = marker.len();
    }

    /// Ends the current line if it has content.
    fn flush(&mut self) {
        let content = self.line[self.marker_len..].trim();
        if !content.is_empty() {
            let line = format!("{}{}", &self.line[..self.marker_len], content);
            self.lines.push(line);
        }
        self.line.clear();
        self.marker_len = 0;
        self.pending_space = None;
    }

    /// `<br>`: ends the line, and a second one in a row leaves a blank line.
    fn line_break(&mut self) {
        if self.line[self.marker_len..].trim().is_empty() {
            self.blank();
        }
        self.flush();
    }

    fn paragraph_break(&mut self) {
        self.flush();
        self.blank();
    }

    fn blank(&mut self) {
        if self.lines.last().is_some_and(|l| !l.is_empty()) {
            self.lines.push(String::new());
        }
    }

    fn finish(mut self) -> Vec<String> {
        while !self.tables.is_empty() {
            self.close_table();
        }
        self.flush();
        while self.lines.last().is_some_and(String::is_empty) {
            self.lines.pop();
        }
        self.lines
    }
}

/// The text state a table interrupts (the partial line of a heading or of an enclosing
/// table's cell), set aside while the table is read.
#[derive(Default)]
struct Context {
    line: String,
    marker_len: usize,
    pending_space: Option<bool>,
    single_line_depth: usize,
}

/// The `colspan` and `rowspan` of a cell, already capped.
#[derive(Clone, Copy)]
struct Spans {
    columns: usize,
    rows: usize,
}

/// A cell spanning down into the rows below the one it was written in.
struct Carry {
    /// Its first column.
    column: usize,
    /// How many columns it covers.
    columns: usize,
    /// How many more rows it covers.
    rows_left: usize,
    /// The text of its copies (see [`copy_text`]).
    text: String,
}

/// A table being read, laid out on the grid of the HTML table model: a cell with
/// `rowspan` R and `colspan` C takes R×C slots, a cell takes the first slot of its row
/// not taken by a cell spanning from above, and a row span ends with its row group. The
/// slots a spanning cell takes beyond its own hold copies of it (see [`copy_text`]).
struct Table {
    /// Rows laid out and not written yet, one text per slot.
    rows: Vec<Vec<String>>,
    /// The row being read; `None` in a slot no cell has taken yet.
    row: Option<Vec<Option<String>>>,
    /// The column from which the next cell of the row looks for a free slot.
    column: usize,
    /// The spans of the cell being read, whose text is being written into the writer's line.
    cell: Option<Spans>,
    /// Cells spanning into the next rows of the row group.
    carried: Vec<Carry>,
    /// Slots of the widest row so far; shorter rows are padded with empty cells to it.
    width: usize,
    /// Slots the table may still add for spans and padding (see [`MAX_TABLE_SLOTS`]).
    slots_left: usize,
    /// Bytes of text copies may still repeat (see [`MAX_COPIED_BYTES`]).
    copy_bytes_left: usize,
    /// The lines of tables nested in this one's cells, each after the number of this
    /// table's rows that come before it.
    nested: Vec<(usize, Vec<String>)>,
    /// What the table interrupted, restored when it ends.
    outer: Context,
}

impl Table {
    /// An empty table that interrupted `outer`.
    fn new(outer: Context) -> Self {
        Table {
            rows: Vec::new(),
            row: None,
            column: 0,
            cell: None,
            carried: Vec::new(),
            width: 0,
            slots_left: MAX_TABLE_SLOTS,
            copy_bytes_left: MAX_COPIED_BYTES,
            nested: Vec::new(),
            outer,
        }
    }

    /// Takes `count` slots from the budget; false (and no more spans from then on) when
    /// the budget does not hold them.
    fn take_slots(&mut self, count: usize) -> bool {
        if count <= self.slots_left {
            self.slots_left -= count;
            true
        } else {
            self.slots_left = 0;
            self.carried.clear();
            false
        }
    }

    /// The text of one copy, within the budget of copied bytes (an empty cell beyond it).
    fn copy(&mut self, text: &str) -> String {
        if text.len() <= self.copy_bytes_left {
            self.copy_bytes_left -= text.len();
            text.to_string()
        } else {
            String::new()
        }
    }

    /// `<tr>`: starts a row whose slots under cells spanning from above are taken.
    fn start_row(&mut self) {
        self.end_row();
        let mut row: Vec<Option<String>> = Vec::new();
        let mut carried = std::mem::take(&mut self.carried);
        for carry in &mut carried {
            if !self.take_slots(carry.columns) {
                carried.clear();
                break;
            }
            let end = carry.column + carry.columns;
            if row.len() < end {
                row.resize(end, None);
            }
            for slot in &mut row[carry.column..end] {
                if slot.is_none() {
                    *slot = Some(self.copy(&carry.text));
                }
            }
            carry.rows_left -= 1;
        }
        carried.retain(|carry| carry.rows_left > 0);
        self.carried = carried;
        self.row = Some(row);
        self.column = 0;
    }

    /// `<td>`/`<th>`: a cell outside any row starts one.
    fn open_cell(&mut self, spans: Spans) {
        if self.row.is_none() {
            self.start_row();
        }
        self.cell = Some(spans);
    }

    /// Places the open cell with its `text` in the first free slot of the row, with its
    /// copies in the other slots it spans.
    fn close_cell(&mut self, text: String) {
        let Some(spans) = self.cell.take() else {
            return;
        };
        let mut row = self.row.take().unwrap_or_default();
        let mut x = self.column;
        while row.get(x).is_some_and(Option::is_some) {
            x += 1;
        }
        let columns = if spans.columns > 1 && self.take_slots(spans.columns - 1) {
            spans.columns
        } else {
            1
        };
        if row.len() < x + columns {
            row.resize(x + columns, None);
        }
        let across = copy_text(&text, true);
        let down = copy_text(&text, false);
        for slot in &mut row[x + 1..x + columns] {
            if slot.is_none() {
                *slot = Some(self.copy(&across));
            }
        }
        row[x] = Some(text);
        if spans.rows > 1 && self.slots_left > 0 {
            self.carried.push(Carry {
                column: x,
                columns,
                rows_left: spans.rows - 1,
                text: down,
            });
        }
        self.column = x + columns;
        self.row = Some(row);
    }

    /// `</tr>`: the row joins the laid-out rows, unless all its cells are empty.
    fn end_row(&mut self) {
        let Some(row) = self.row.take() else {
            return;
        };
        let row: Vec<String> = row.into_iter().map(Option::unwrap_or_default).collect();
        if row.iter().all(|cell| cell.is_empty()) {
            let kept = self.rows.len();
            for (after, _) in &mut self.nested {
                *after = (*after).min(kept);
            }
            return;
        }
        self.width = self.width.max(row.len());
        self.rows.push(row);
    }

    /// The end of a row group (`</thead>`, `</tbody>`, `</tfoot>`, `</table>`): row spans
    /// stop there.
    fn end_row_group(&mut self) {
        self.end_row();
        self.carried.clear();
    }

    /// Sets aside the lines of a table nested in the row being read, to be written after
    /// that row (after the rows read so far when no row is open).
    fn set_aside(&mut self, lines: Vec<String>) {
        let after = self.rows.len() + usize::from(self.row.is_some());
        self.nested.push((after, lines));
    }

    /// Takes the laid-out rows as lines: one cell per slot, separated by tabs, padded with
    /// empty cells to the widest row so every column keeps its position, each nested
    /// table's lines after the row that holds it, between blank lines. A column empty in
    /// every row (a spreadsheet's spacer column) is left out: it holds nothing and would
    /// read as a blank label.
    fn take_lines(&mut self) -> Vec<String> {
        let mut rows = std::mem::take(&mut self.rows);
        drop_sheet_headings(&mut rows);
        for row in &mut rows {
            let missing = self.width.saturating_sub(row.len());
            if missing > 0 && self.take_slots(missing) {
                row.resize(self.width, String::new());
            }
        }
        let filled: Vec<bool> = (0..self.width)
            .map(|column| {
                rows.iter()
                    .any(|row| row.get(column).is_some_and(|cell| !cell.is_empty()))
            })
            .collect();
        for row in &mut rows {
            let mut column = 0;
            row.retain(|_| {
                column += 1;
                filled.get(column - 1).copied().unwrap_or(true)
            });
        }
        let mut nested = std::mem::take(&mut self.nested).into_iter().peekable();
        let mut lines = Vec::with_capacity(rows.len());
        for written in 0..=rows.len() {
            while let Some((_, table)) = nested.next_if(|(after, _)| *after <= written) {
                push_blank(&mut lines);
                lines.extend(table);
                push_blank(&mut lines);
            }
            if let Some(row) = rows.get(written) {
                lines.push(row.join("\t"));
            }
        }
        for (_, table) in nested {
            push_blank(&mut lines);
            lines.extend(table);
        }
        lines
    }
}

/// Fewest column letters that make a row a spreadsheet's column headings (`A | B | C`).
const MIN_SHEET_COLUMNS: usize = 3;

/// Leaves out the headings a spreadsheet published as a web page keeps around its cells: the
/// row of column letters over them (an empty corner, then `A | B | C | …`) and the column of
/// row numbers beside them (`1`, `2`, `3`, … rising), both only together.
fn drop_sheet_headings(rows: &mut Vec<Vec<String>>) {
    let Some(first) = rows.first() else {
        return;
    };
    let lettered = first.len() > MIN_SHEET_COLUMNS
        && first[0].trim().is_empty()
        && first[1..]
            .iter()
            .zip('A'..='Z')
            .all(|(cell, letter)| cell.trim().len() == 1 && cell.trim().starts_with(letter));
    if !lettered {
        return;
    }
    let mut last = 0;
    let numbered = rows[1..].iter().all(|row| {
        let cell = row.first().map_or("", |cell| cell.trim());
        match cell.parse::<u32>() {
            Ok(number) if number > last => {
                last = number;
                true
            }
            _ => cell.is_empty(),
        }
    });
    if !numbered || last == 0 {
        return;
    }
    rows.remove(0);
    for row in rows.iter_mut().filter(|row| !row.is_empty()) {
        row.remove(0);
    }
}

/// A blank line at the end of `lines`, unless it is empty or ends in one.
fn push_blank(lines: &mut Vec<String>) {
    if lines.last().is_some_and(|l| !l.is_empty()) {
        lines.push(String::new());
    }
}

/// The text of the copies of a spanning cell: its own text, or nothing when it could be
/// counted twice. Across columns, only a figure (a number, or an amount with its unit)
/// is left out, so a heading naming a year (`令和8年度当初予算額 (A)` over the columns it
/// spans) stands over each of them; down rows, any text with a digit is (a year spanning
/// two rows of figures labels the first only).
fn copy_text(text: &str, across: bool) -> String {
    let trimmed = text.trim();
    let left_out = if across {
        crate::money::parse_number(trimmed).is_some()
            || !crate::money::find_amounts(trimmed).is_empty()
            || trimmed
                .split_whitespace()
                .any(|word| crate::money::parse_number(word).is_some())
    } else {
        text.chars().any(crate::normalize::is_digit)
    };
    if left_out {
        String::new()
    } else {
        text.to_string()
    }
}

/// A `colspan` or `rowspan` value read as browsers read it (leading whitespace, an optional
/// `+`, the digits up to the first other character), capped at `max`; a missing, invalid
/// or zero value is 1.
fn span(value: Option<&str>, max: usize) -> usize {
    let Some(value) = value else {
        return 1;
    };
    let value = value.trim_start_matches(|c: char| c.is_ascii_whitespace());
    let digits = value.strip_prefix('+').unwrap_or(value);
    let mut number: usize = 0;
    for digit in digits.chars().map_while(|c| c.to_digit(10)) {
        number = number.saturating_mul(10).saturating_add(digit as usize);
    }
    number.clamp(1, max)
}

fn is_block(name: &str) -> bool {
    PARAGRAPHS.contains(&name) || LINES.contains(&name) || name == "br"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(html: &str) -> Vec<String> {
        html_lines(html.as_bytes(), None).unwrap()
    }

    #[test]
    fn headings_paragraphs_lists_and_tables() {
        let got = lines(
            "<html><body><h1>令和６年度 補正予算の概要</h1><p>総務省の\n補正予算を\n <b>まとめた</b> ものです。</p>\
             <h2>1. 主な事項</h2><ul><li>光ファイバの整備</li><li>放送ネットワークの<br>強靱化</li></ul>\
             <table><tr><th>事項</th><th>補正予算額</th></tr><tr><td>デジタル基盤</td><td><p>１２３億円</p></td></tr></table>\
             </body></html>",
        );
        assert_eq!(
            got,
            [
                "# 令和６年度 補正予算の概要",
                "",
                "総務省の補正予算をまとめた ものです。",
                "",
                "## 1. 主な事項",
                "",
                "- 光ファイバの整備",
                "- 放送ネットワークの",
                "強靱化",
                "",
                "事項\t補正予算額",
                "デジタル基盤\t１２３億円",
            ]
        );
    }

    #[test]
    fn a_published_sheet_s_column_letters_and_row_numbers_are_left_out() {
        let got = lines(
            "<table><tr><th></th><th>A</th><th>B</th><th>C</th><th>D</th></tr>\
             <tr><th>1</th><td>指標名</td><td>基準値</td><td>目標値</td><td>評価</td></tr>\
             <tr><th>2</th><td>利用者数</td><td>120</td><td>150</td><td>B</td></tr>\
             <tr><th>4</th><td>相談件数</td><td>48</td><td>60</td><td>A</td></tr></table>",
        );
        assert_eq!(
            got,
            [
                "指標名\t基準値\t目標値\t評価",
                "利用者数\t120\t150\tB",
                "相談件数\t48\t60\tA",
            ]
        );
        // A numbered column under a header of its own, or letters over numbers that do not
        // rise, stay.
        let kept = lines(
            "<table><tr><th></th><th>A</th><th>B</th><th>C</th></tr>\
             <tr><td>2</td><td>x</td><td>y</td><td>z</td></tr>\
             <tr><td>1</td><td>u</td><td>v</td><td>w</td></tr></table>",
        );
        assert_eq!(kept, ["\tA\tB\tC", "2\tx\ty\tz", "1\tu\tv\tw"]);
    }

    #[test]
    fn drops_furniture_and_hidden_content() {
        let got = lines(
            "<body><header><a href='/'>総務省トップ</a></header><nav><ul><li>ホーム</li></ul></nav>\
             <script>var x = '<p>not text</p>';</script><style>p{color:red}</style>\
             <div hidden>隠し</div><p style='display: none'>非表示</p><span aria-hidden='true'>★</span>\
             <form><input type='hidden' value='x'><button>検索</button></form>\
             <article><header><h1>本文の見出し</h1></header><p>本文 &amp; 説明&#x3002;&nbsp;終わり</p></article>\
             <aside>関連リンク</aside><footer>Copyright</footer></body>",
        );
        assert_eq!(got, ["# 本文の見出し", "", "本文 & 説明。 終わり"]);
    }

    #[test]
    fn keeps_the_panels_of_tabs_not_chosen() {
        let got = lines(
            "<body><div role='tablist'><button role='tab'>令和8年度</button></div>\
             <div role='tabpanel'><p>今年度</p></div>\
             <div role='tabpanel' hidden><p>前年度</p></div>\
             <div role='tabpanel' style='display:none'><p>前々年度</p></div></body>",
        );
        assert!(got.contains(&"前年度".to_string()), "{got:?}");
        assert!(got.contains(&"前々年度".to_string()), "{got:?}");
    }

    #[test]
    fn reads_only_the_main_content_when_marked() {
        let got = lines("<body><div>サイドメニュー</div><main><p>中身</p></main></body>");
        assert_eq!(got, ["中身"]);
    }

    #[test]
    fn terms_of_a_description_list_stand_in_bold_over_their_descriptions() {
        let got = lines(
            "<body><dl><dt>【新規】端末更新事業</dt><dd>端末を更新します。<br>予算額　48,960千円</dd>\
             <dt></dt><dd>説明のみ</dd></dl></body>",
        );
        assert_eq!(
            got,
            [
                "**【新規】端末更新事業**",
                "端末を更新します。",
                "予算額\u{3000}48,960千円",
                "説明のみ"
            ]
        );
    }

    #[test]
    fn keeps_preformatted_lines() {
        let got = lines("<body><pre>区分  金額\n  行政  １０\n</pre></body>");
        assert_eq!(got, ["区分  金額", "  行政  １０"]);
    }

    #[test]
    fn charset_from_meta_or_http() {
        let page = "<html><head><meta charset=\"Shift_JIS\"><title>t</title></head><body><p>地方財政の状況</p></body></html>";
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(page);
        assert_eq!(html_lines(&sjis, None).unwrap(), ["地方財政の状況"]);
        let page = "<html><body><p>地方財政の状況</p></body></html>";
        let (euc, _, _) = encoding_rs::EUC_JP.encode(page);
        assert_eq!(
            html_lines(&euc, Some("euc-jp")).unwrap(),
            ["地方財政の状況"]
        );
    }

    #[test]
    fn a_page_without_text_is_empty() {
        let err = html_lines(
            b"<html><head><title>x</title><script>1</script></head><body> </body></html>",
            None,
        )
        .unwrap_err();
        assert!(matches!(err, IngestError::Empty), "{err:?}");
    }

    /// The lines of a table's rows, tabs shown as ` | `.
    fn table_lines(html: &str) -> Vec<String> {
        lines(html)
            .into_iter()
            .filter(|l| l.contains('\t'))
            .map(|l| l.replace('\t', " | "))
            .collect()
    }

    #[test]
    fn a_grid_of_divs_with_table_roles_is_read_as_its_table() {
        let got = table_lines(
            "<h3>施策（１）</h3><div class=\"grid\" role=\"table\">\
             <div class=\"row\" role=\"row\"><div role=\"columnheader\">KPI</div>\
             <div role=\"columnheader\">基準値</div><div role=\"columnheader\">目標値</div></div>\
             <div class=\"row\" role=\"row\"><div role=\"rowheader\" data-label=\"KPI\">創業件数</div>\
             <div role=\"cell\" data-label=\"基準値\">18件（R元）</div>\
             <div role=\"cell\" data-label=\"目標値\"><span class=\"v\">30件（R7）</span></div></div>\
             </div><p>注記</p>",
        );
        assert_eq!(
            got,
            [
                "KPI | 基準値 | 目標値",
                "創業件数 | 18件（R元） | 30件（R7）"
            ]
        );
        // A div with no such role stays a block of its own.
        assert_eq!(lines("<div>上</div><div>下</div>"), ["上", "下"]);
    }

    #[test]
    fn spanned_cells_line_up_with_the_header() {
        let got = lines(
            "<table><thead><tr><th colspan=\"2\">区分</th><th>令和６年度補正予算額</th><th>令和５年度補正予算額</th><th>増減</th></tr></thead>\
             <tbody><tr><td rowspan=\"3\">一般会計</td><td>公共事業関係費</td><td>9,870</td><td>8,650</td><td>1,220</td></tr>\
             <tr><td>災害復旧等事業費</td><td>2,100</td><td>1,900</td><td>200</td></tr>\
             <tr><td>非公共事業</td><td>1,300</td><td>1,100</td><td>200</td></tr>\
             <tr><td colspan=\"2\">合計</td><td>13,270</td><td>11,650</td><td>1,620</td></tr></tbody></table>",
        );
        assert_eq!(
            got,
            [
                "区分\t区分\t令和６年度補正予算額\t令和５年度補正予算額\t増減",
                "一般会計\t公共事業関係費\t9,870\t8,650\t1,220",
                "一般会計\t災害復旧等事業費\t2,100\t1,900\t200",
                "一般会計\t非公共事業\t1,300\t1,100\t200",
                "合計\t合計\t13,270\t11,650\t1,620",
            ]
        );
    }

    #[test]
    fn copies_of_a_spanned_number_are_empty_cells() {
        let got = table_lines(
            "<table><tr><th>事項</th><th>要求額</th><th>うち重点枠</th></tr>\
             <tr><td>研究開発</td><td rowspan=\"2\">1,234</td><td>500</td></tr>\
             <tr><td>人材育成</td><td>300</td></tr>\
             <tr><td>合計</td><td colspan=\"2\">１２３億円</td></tr>\
             <tr><td rowspan=\"2\">令和６年度</td><td>1</td><td>2</td></tr>\
             <tr><td>3</td><td>4</td></tr></table>",
        );
        assert_eq!(
            got,
            [
                "事項 | 要求額 | うち重点枠",
                "研究開発 | 1,234 | 500",
                "人材育成 |  | 300",
                "合計 | １２３億円 | ",
                "令和６年度 | 1 | 2",
                " | 3 | 4",
            ]
        );
    }

    #[test]
    fn a_heading_naming_a_year_stands_over_each_column_it_spans() {
        let got = table_lines(
            "<table><thead><tr><th rowspan=\"2\">事業名</th><th colspan=\"2\">令和8年度当初予算額 (A)</th>\
             <th colspan=\"2\">令和7年度</th></tr>\
             <tr><th>計</th><th>国庫支出金</th><th>当初予算額</th><th>補正予算額</th></tr></thead>\
             <tbody><tr><td>橋梁修繕事業</td><td colspan=\"2\">5,862,400</td><td>5,410,600</td><td>1,150,000</td></tr></tbody></table>",
        );
        assert_eq!(
            got,
            [
                "事業名 | 令和8年度当初予算額 (A) | 令和8年度当初予算額 (A) | 令和7年度 | 令和7年度",
                "事業名 | 計 | 国庫支出金 | 当初予算額 | 補正予算額",
                "橋梁修繕事業 | 5,862,400 |  | 5,410,600 | 1,150,000",
            ]
        );
    }

    #[test]
    fn colspan_and_rowspan_in_a_header() {
        let got = table_lines(
            "<table><thead><tr><th rowspan=\"2\">区分</th><th>令和７年度</th><th>令和８年度</th><th colspan=\"2\">対前年度</th></tr>\
             <tr><th>予算額</th><th>要求額</th><th>増減額</th><th>増減率</th></tr></thead>\
             <tbody><tr><td>社会保障関係費</td><td>338,720</td><td>343,890</td><td>5,170</td><td>1.5%</td></tr></tbody></table>",
        );
        assert_eq!(
            got,
            [
                "区分 | 令和７年度 | 令和８年度 | 対前年度 | 対前年度",
                "区分 | 予算額 | 要求額 | 増減額 | 増減率",
                "社会保障関係費 | 338,720 | 343,890 | 5,170 | 1.5%",
            ]
        );
    }

    #[test]
    fn a_spreadsheet_s_spacer_column_empty_in_every_row_is_left_out() {
        let got = table_lines(
            "<table><col width=24><col width=230><col width=120>\
             <tr><td></td><td colspan=\"2\">令和８年度　当初予算総括表</td></tr>\
             <tr><td></td><td>会計名</td><td>予算額</td></tr>\
             <tr><td></td><td>一般会計</td><td>6,482,000,000</td></tr></table>",
        );
        assert_eq!(
            got,
            [
                "令和８年度　当初予算総括表 | 令和８年度　当初予算総括表",
                "会計名 | 予算額",
                "一般会計 | 6,482,000,000",
            ]
        );
    }

    #[test]
    fn a_row_span_ends_with_its_row_group() {
        let got = table_lines(
            "<table><thead><tr><th rowspan=\"5\">区分</th><th>金額</th></tr></thead>\
             <tbody><tr><td>道路</td><td>10</td></tr></tbody></table>",
        );
        assert_eq!(got, ["区分 | 金額", "道路 | 10"]);
    }

    #[test]
    fn a_picture_in_a_cell_stands_for_its_alternative_text() {
        let got = lines(
            "<table><tr><th>指標</th><th>評価</th></tr>\
             <tr><td>宿泊者数</td><td><img src=\"hare.png\" alt=\"順調\"></td></tr>\
             <tr><td>消費額</td><td><img src=\"spacer.gif\" alt=\"\"></td></tr></table>\
             <p><img src=\"logo.png\" alt=\"県章\">県のページ</p>",
        );
        assert_eq!(
            got,
            ["指標\t評価", "宿泊者数\t順調", "消費額\t", "", "県のページ"]
        );
    }

    #[test]
    fn empty_cells_keep_their_place() {
        let got = lines(
            "<table><tr><th></th><th>令和６年度</th><th>令和５年度</th><th>備考</th></tr>\
             <tr><td>歳入</td><td></td><td>1,000</td><td></td></tr>\
             <tr><td>歳出</td><td>900</td></tr>\
             <tr><td></td><td> </td></tr></table>",
        );
        assert_eq!(
            got,
            [
                "\t令和６年度\t令和５年度\t備考",
                "歳入\t\t1,000\t",
                "歳出\t900\t\t",
            ]
        );
    }

    #[test]
    fn a_nested_table_gives_lines_of_its_own() {
        let got = lines(
            "<p>前文</p><table><tr><td>外の見出し</td></tr>\
             <tr><td>（単位：億円）<table><tr><td>事項</td><td>金額</td></tr><tr><td>道路</td><td>10</td></tr></table>以上</td><td>右</td></tr>\
             </table><p>後文</p>",
        );
        assert_eq!(
            got,
            [
                "前文",
                "",
                "外の見出し\t",
                "（単位：億円） 以上\t右",
                "",
                "事項\t金額",
                "道路\t10",
                "",
                "後文",
            ]
        );
    }

    #[test]
    fn a_table_nested_in_a_row_s_last_cell_follows_that_row() {
        let got = lines(
            "<table><tr><th>基準値</th><th>目標値</th><th>年度ごとの実績値</th></tr>\
             <tr><td>514件</td><td>1,200件</td><td><table><tr><th>区分</th><th>令和2年度</th></tr>\
             <tr><th>実績値</th><td>612件</td></tr></table></td></tr>\
             <tr><th>達成状況</th><td colspan=\"2\">達成</td></tr></table>",
        );
        assert_eq!(
            got,
            [
                "基準値\t目標値\t年度ごとの実績値",
                "514件\t1,200件\t",
                "",
                "区分\t令和2年度",
                "実績値\t612件",
                "",
                "達成状況\t達成\t達成",
            ]
        );
    }

    #[test]
    fn cells_keep_their_blocks_on_one_line() {
        let got = lines(
            "<table><tr><td><h3>被災者の<br>住まい</h3><ul><li>仮設</li><li>公営</li></ul></td><td><p>３７２億円</p></td></tr></table><p>次</p>",
        );
        assert_eq!(got, ["被災者の 住まい 仮設 公営\t３７２億円", "", "次"]);
    }

    #[test]
    fn styled_parts_set_side_by_side_are_parted_by_a_space() {
        let got = lines(
            "<ul><li><span class=\"year\">2022</span><span class=\"bar\"></span><span class=\"val\">19件</span></li></ul>\
             <p><span class=\"value\">14<small class=\"unit\">件</small></span></p>\
             <p><span lang=EN-US>2</span><span>億円</span></p>\
             <p><strong>創業支援補助金</strong><span class=\"tag\">拡充</span></p>\
             <p><strong>12</strong><span class=\"unit\">億円</span></p>",
        );
        assert_eq!(
            got,
            [
                "- 2022 19件",
                "",
                "14件",
                "",
                "2億円",
                "",
                "創業支援補助金 拡充",
                "",
                "12億円"
            ]
        );
    }

    /// A node of `name` as the parser makes it from `html`, to build trees the parser
    /// would not.
    fn node(html: &str, name: &str) -> Node {
        let document = Html::parse_document(html);
        let selector = Selector::parse(name).expect("selector");
        let element = document.select(&selector).next().expect("element");
        Node::Element(element.value().clone())
    }

    fn text(text: &str) -> Node {
        Node::Text(scraper::node::Text { text: text.into() })
    }

    #[test]
    fn malformed_tables_do_not_panic() {
        let td = node(
            "<table><tr><td rowspan='3' colspan='2'>x</td></tr></table>",
            "td",
        );
        let tr = node("<table><tr><td>x</td></tr></table>", "tr");
        let table = node("<table><tr><td>x</td></tr></table>", "table");
        let mut document = Html::parse_document("<body></body>");
        let body = document.select(&BODY).next().expect("body").id();
        {
            let mut body = document.tree.get_mut(body).expect("body");
            // A row and a cell without a table.
            body.append(tr.clone())
                .append(td.clone())
                .append(text("表なし"));
            body.append(td.clone()).append(text("セルだけ"));
            // Cells right in a table, a row inside a cell, a cell inside a cell, text
            // between cells, a table left without rows.
            let mut t = body.append(table.clone());
            t.append(td.clone()).append(text("直下"));
            t.append(text("はみ出し"));
            let mut cell = t.append(td.clone());
            cell.append(text("外"));
            cell.append(tr.clone())
                .append(td.clone())
                .append(text("中"));
            cell.append(td.clone()).append(text("入れ子"));
            body.append(table.clone());
            body.append(table.clone()).append(tr.clone());
        }
        let got = readable_lines(&document);
        assert!(got.iter().any(|l| l.contains("表なし")), "{got:?}");
        assert!(got.iter().any(|l| l.contains("セルだけ")), "{got:?}");
        for word in ["直下", "はみ出し", "外", "中", "入れ子"] {
            assert!(got.iter().any(|l| l.contains(word)), "{word}: {got:?}");
        }

        // What the parser makes of broken markup.
        let got = lines(
            "<tr><td>表なし</td></tr><td rowspan=3>セル</td>\
             <table><td colspan=-2>a</td><td rowspan=abc>b</td><tr><td rowspan=0>c<td>d</table>\
             <table><tr><td colspan=2 rowspan=2>e</table>",
        );
        assert_eq!(got, ["表なしセル", "", "a\tb", "c\td", "", "e\te"]);
    }

    #[test]
    fn huge_spans_stay_bounded() {
        let got = lines(
            "<table><tr><td rowspan=\"99999999999999999999\" colspan=\"4294967297\">区分</td><td>1</td></tr>\
             <tr><td>2</td></tr></table>",
        );
        let first: Vec<&str> = got[0].split('\t').collect();
        assert_eq!(first.len(), MAX_COLSPAN + 1);
        assert!(first[..MAX_COLSPAN].iter().all(|c| *c == "区分"));
        assert_eq!(got[1].split('\t').count(), MAX_COLSPAN + 1);
        assert_eq!(got.len(), 2);

        // Every row's cell spans down over all the rows below and across 100 columns.
        let long = "長".repeat(1000);
        let row = format!("<tr><td rowspan=\"1000\" colspan=\"100\">{long}</td><td>1</td></tr>");
        let html = format!("<table>{}</table>", row.repeat(2000));
        let started = std::time::Instant::now();
        let got = lines(&html);
        assert_eq!(got.len(), 2000);
        let bytes: usize = got.iter().map(String::len).sum();
        let own = 2000 * (long.len() + 1);
        assert!(
            bytes <= own + MAX_TABLE_SLOTS * 2 + MAX_COPIED_BYTES,
            "{bytes} bytes"
        );
        assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
    }

    #[test]
    fn span_values_are_read_as_browsers_read_them() {
        assert_eq!(span(None, 100), 1);
        assert_eq!(span(Some(" +3px"), 100), 3);
        assert_eq!(span(Some("0"), 100), 1);
        assert_eq!(span(Some("-2"), 100), 1);
        assert_eq!(span(Some("abc"), 100), 1);
        assert_eq!(span(Some("２"), 100), 1);
        assert_eq!(span(Some("99999999999999999999999"), 100), 100);
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = format!("{}深い{}", "<div>".repeat(10_000), "</div>".repeat(10_000));
        assert_eq!(lines(&html), ["深い"]);
    }
}
