//! Cutting seed documents into passages that follow their structure: table rows, bullet
//! items, 【予算】 blocks and paragraphs, each under the heading path it sits in.
//!
//! Page numbers and running headers (short lines repeated on many slides) never become
//! passages; repeated headers still set the heading context.

use crate::corpus::SeedDoc;
use crate::extract::recognise::numbering::{Style, numbered};
use crate::normalize::nfkc_cow;
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::LazyLock;

/// A searchable unit of a document with its place in the document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Passage {
    /// Stable id: `<doc>:<line_start>-<line_end>`.
    pub id: String,
    /// Seed file name.
    pub doc: String,
    /// First line (1-based).
    pub line_start: u32,
    /// Last line (1-based, inclusive).
    pub line_end: u32,
    /// Headings it sits under, outermost first.
    pub heading: Vec<String>,
    /// The text as written; lines joined with '\n'.
    pub text: String,
}

/// How many times a short line must recur to count as a running header.
const RUNNING_HEADER_MIN_REPEATS: usize = 3;
/// Longest line (in chars) treated as a heading.
const MAX_HEADING_CHARS: usize = 70;
/// Passages shorter than this (in chars) are merged into a neighbour.
const MIN_PASSAGE_CHARS: usize = 16;
/// A single line longer than this (in chars) is cut into segments.
const MAX_LINE_PASSAGE_CHARS: usize = 320;
/// Target length of a segment of a long line (in chars).
const SEGMENT_CHARS: usize = 200;
/// Merging stops once a passage is this long (in chars).
const MAX_MERGED_CHARS: usize = 420;

static PAGE_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*[0-9０-９]{1,3}\s*$").expect("page number pattern"));
static HEADING_LEVELS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        r"^(?:[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]\s*\S|[IVX]{1,4}\s+\S|第[0-9０-９一二三四五六七八九十ⅠⅡⅢ]+[部章編]|政策名\s|■)",
        r"^(?:[0-9０-９]{1,2}[．.](?:\s|[^0-9０-９\s])|[0-9０-９]-[0-9０-９]\s|第[0-9０-９一二三四五六七八九十]+[節款])",
        r"^[（(][0-9０-９]{1,2}[）)]",
        r"^(?:[（(][a-zａ-ｚア-ン][）)]|[①-⑳])",
    ]
    .iter()
    .map(|p| Regex::new(p).expect("heading pattern"))
    .collect()
});
static BULLET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:-\s|[•・○◯●◆◇▪✓※＊*]|【[^】]*】)").expect("bullet pattern"));

/// What a line is, for segmentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineRole {
    Blank,
    Noise,
    Heading(usize),
    RunningHeader,
    TableRow,
    BudgetBlockStart,
    ItemStart,
    Text,
}

/// Cuts a document into passages.
pub fn passages(doc: &SeedDoc) -> Vec<Passage> {
    let keys: Vec<String> = doc.lines.iter().map(heading_key).collect();
    let running_headers = running_headers(doc, &keys);
    let mut builder = PassageBuilder::new(doc);
    for (index, (raw, key)) in doc.lines.iter().zip(&keys).enumerate() {
        let number = index as u32 + 1;
        let role = classify(raw, key, &running_headers);
        builder.push_line(number, raw, role);
    }
    builder.finish()
}

/// Short lines that recur often: slide headers repeated on every page (`keys` are the lines'
/// [`heading_key`]s).
fn running_headers<'a>(doc: &SeedDoc, keys: &'a [String]) -> HashMap<&'a str, usize> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for (line, key) in doc.lines.iter().zip(keys) {
        if !key.is_empty() && key.chars().count() <= MAX_HEADING_CHARS && !line.contains('\t') {
            *counts.entry(key.as_str()).or_default() += 1;
        }
    }
    counts.retain(|_, count| *count >= RUNNING_HEADER_MIN_REPEATS);
    counts
}

/// A line as compared with headings: NFKC, with runs of white space made one space and none
/// at the ends.
fn heading_key(line: &str) -> String {
    join_words(&nfkc_cow(line))
}

/// The words of `text` joined by single spaces.
fn join_words(text: &str) -> String {
    let mut joined = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !joined.is_empty() {
            joined.push(' ');
        }
        joined.push_str(word);
    }
    joined
}

fn classify(raw: &str, key: &str, running_headers: &HashMap<&str, usize>) -> LineRole {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return LineRole::Blank;
    }
    if PAGE_NUMBER.is_match(trimmed) || !trimmed.chars().any(char::is_alphanumeric) {
        return LineRole::Noise;
    }
    if raw.contains('\t') || trimmed.starts_with('|') {
        return LineRole::TableRow;
    }
    if trimmed.starts_with("【予算】") || trimmed.starts_with("【主な経費】") {
        return LineRole::BudgetBlockStart;
    }
    // Markdown headings (and HTML headings converted to them) open a level by their depth.
    if let Some(Style::Markdown(depth)) = numbered(trimmed).map(|n| n.style) {
        return LineRole::Heading(
            usize::from(depth.saturating_sub(1)).min(HEADING_LEVELS.len() - 1),
        );
    }
    let short = trimmed.chars().count() <= MAX_HEADING_CHARS && !trimmed.ends_with('。');
    if short {
        if let Some(level) = HEADING_LEVELS.iter().position(|re| re.is_match(trimmed)) {
            return LineRole::Heading(level);
        }
        if running_headers.contains_key(key) {
            return LineRole::RunningHeader;
        }
    }
    if BULLET.is_match(trimmed) {
        return LineRole::ItemStart;
    }
    LineRole::Text
}

/// Accumulates lines into passages.
struct PassageBuilder<'a> {
    doc: &'a SeedDoc,
    heading: Vec<Option<String>>,
    seen_headings: std::collections::HashSet<String>,
    current: Option<Draft>,
    finished: Vec<Draft>,
    blank_run: usize,
}

#[derive(Debug, Clone)]
struct Draft {
    line_start: u32,
    line_end: u32,
    heading: Vec<String>,
    lines: Vec<(u32, String)>,
    /// A 【予算】 block runs across single blank lines until a double blank.
    budget_block: bool,
    /// A table row stands alone.
    closed: bool,
    /// A budget block has stated its amount (or 事項要求): the next blank line ends it.
    amount_stated: bool,
}

impl Draft {
    fn new(number: u32, text: &str, heading: Vec<String>) -> Draft {
        Draft {
            line_start: number,
            line_end: number,
            heading,
            lines: vec![(number, text.to_string())],
            budget_block: false,
            closed: false,
            amount_stated: states_amount(text),
        }
    }

    fn chars(&self) -> usize {
        self.lines.iter().map(|(_, l)| l.chars().count()).sum()
    }

    fn ends_sentence(&self) -> bool {
        self.lines
            .last()
            .is_some_and(|(_, l)| l.trim_end().ends_with(['。', '）', ')', '」']))
    }
}

impl<'a> PassageBuilder<'a> {
    fn new(doc: &'a SeedDoc) -> PassageBuilder<'a> {
        PassageBuilder {
            doc,
            heading: Vec::new(),
            seen_headings: std::collections::HashSet::new(),
            current: None,
            finished: Vec::new(),
            blank_run: 0,
        }
    }

    fn heading_path(&self) -> Vec<String> {
        self.heading.iter().flatten().cloned().collect()
    }

    fn close_current(&mut self) {
        if let Some(draft) = self.current.take() {
            self.finished.push(draft);
        }
    }

    fn start(&mut self, number: u32, raw: &str) -> &mut Draft {
        self.close_current();
        self.current
            .insert(Draft::new(number, raw, self.heading_path()))
    }

    fn append(&mut self, number: u32, raw: &str) {
        match self.current.as_mut() {
            Some(draft) if !draft.closed => {
                draft.amount_stated |= states_amount(raw);
                draft.lines.push((number, raw.to_string()));
                draft.line_end = number;
            }
            _ => {
                self.start(number, raw);
            }
        }
    }

    fn set_heading(&mut self, level: usize, raw: &str) {
        let text = heading_key(raw);
        if self.heading.len() <= level {
            self.heading.resize(level + 1, None);
        }
        self.heading[level] = Some(text);
        self.heading.truncate(level + 1);
    }

    fn push_line(&mut self, number: u32, raw: &str, role: LineRole) {
        let blanks_before = self.blank_run;
        if role == LineRole::Blank {
            self.blank_run += 1;
            let block_done = self
                .current
                .as_ref()
                .is_some_and(|d| d.budget_block && d.amount_stated);
            if self.blank_run >= 2 || block_done {
                self.close_current();
            }
            return;
        }
        self.blank_run = 0;
        match role {
            LineRole::Blank | LineRole::Noise => {}
            LineRole::Heading(level) => {
                self.close_current();
                let first_time = self.seen_headings.insert(heading_key(raw));
                if first_time {
                    let mut draft = Draft::new(number, raw, self.heading_path());
                    draft.closed = true;
                    self.finished.push(draft);
                }
                self.set_heading(level, raw);
            }
            LineRole::RunningHeader => {
                self.close_current();
                let level = self.heading.len().min(HEADING_LEVELS.len());
                if !self
                    .heading
                    .iter()
                    .flatten()
                    .any(|h| *h == heading_key(raw))
                {
                    self.set_heading(level, raw);
                }
            }
            LineRole::TableRow => {
                if raw.trim().trim_matches(['|', '-', ':', ' ']).is_empty() {
                    return;
                }
                self.start(number, raw).closed = true;
            }
            LineRole::BudgetBlockStart => {
                self.start(number, raw).budget_block = true;
            }
            LineRole::ItemStart => {
                let in_block = self.current.as_ref().is_some_and(|d| d.budget_block);
                if in_block && blanks_before <= 1 {
                    self.append(number, raw);
                } else {
                    self.start(number, raw);
                }
            }
            LineRole::Text => {
                let continues = self.current.as_ref().is_some_and(|draft| {
                    !draft.closed
                        && (blanks_before == 0
                            || draft.budget_block
                            || (blanks_before == 1 && !draft.ends_sentence()))
                });
                if continues {
                    self.append(number, raw);
                } else {
                    self.start(number, raw);
                }
            }
        }
    }

    fn finish(mut self) -> Vec<Passage> {
        self.close_current();
        let merged = merge_fragments(self.finished);
        merged
            .into_iter()
            .flat_map(|draft| to_passages(self.doc.file(), draft))
            .collect()
    }
}

/// Whether a line states an amount of money or an amountless request.
fn states_amount(line: &str) -> bool {
    line.contains("事項要求") || !crate::money::find_amounts(line).is_empty()
}

/// Merges fragments (diagram labels, split cells) into the following passage of the same
/// section, or the previous one when none follows.
fn merge_fragments(drafts: Vec<Draft>) -> Vec<Draft> {
    let mut out: Vec<Draft> = Vec::with_capacity(drafts.len());
    let mut pending: Option<Draft> = None;
    for mut draft in drafts {
        if let Some(fragment) = pending.take() {
            let mergeable = fragment.heading == draft.heading
                && draft.line_start.saturating_sub(fragment.line_end) <= 3
                && !draft.closed
                && fragment.chars() + draft.chars() <= MAX_MERGED_CHARS;
            if mergeable {
                let mut lines = fragment.lines;
                lines.append(&mut draft.lines);
                draft.lines = lines;
                draft.line_start = fragment.line_start;
            } else {
                push_or_merge_back(&mut out, fragment);
            }
        }
        if draft.chars() < MIN_PASSAGE_CHARS && !draft.closed {
            pending = Some(draft);
        } else {
            out.push(draft);
        }
    }
    if let Some(fragment) = pending {
        push_or_merge_back(&mut out, fragment);
    }
    out
}

fn push_or_merge_back(out: &mut Vec<Draft>, mut fragment: Draft) {
    if let Some(previous) = out.last_mut() {
        let mergeable = previous.heading == fragment.heading
            && fragment.line_start.saturating_sub(previous.line_end) <= 3
            && !previous.closed
            && previous.chars() + fragment.chars() <= MAX_MERGED_CHARS;
        if mergeable {
            previous.lines.append(&mut fragment.lines);
            previous.line_end = fragment.line_end;
            return;
        }
    }
    out.push(fragment);
}

/// One passage per draft; a single over-long line (a table row holding many items) is cut
/// into segments at item and sentence boundaries, each citing that line.
fn to_passages(doc: &str, draft: Draft) -> Vec<Passage> {
    let text = draft
        .lines
        .iter()
        .map(|(_, line)| line.trim())
        .collect::<Vec<_>>()
        .join("\n");
    let segments = if draft.line_start == draft.line_end {
        split_long_line(&text)
    } else {
        vec![text]
    };
    let several = segments.len() > 1;
    segments
        .into_iter()
        .enumerate()
        .map(|(index, segment)| {
            let mut id = format!("{doc}:{}-{}", draft.line_start, draft.line_end);
            if several {
                id.push_str(&format!("~{}", index + 1));
            }
            Passage {
                id,
                doc: doc.to_string(),
                line_start: draft.line_start,
                line_end: draft.line_end,
                heading: draft.heading.clone(),
                text: segment,
            }
        })
        .collect()
}

/// Cuts a line longer than [`MAX_LINE_PASSAGE_CHARS`] into segments of about
/// [`SEGMENT_CHARS`] at cell, item and sentence boundaries.
fn split_long_line(line: &str) -> Vec<String> {
    if line.chars().count() <= MAX_LINE_PASSAGE_CHARS {
        return vec![line.to_string()];
    }
    let mut pieces: Vec<String> = Vec::new();
    let mut current = String::new();
    for ch in line.chars() {
        let starts_item = matches!(ch, '\t' | '・' | '•' | '○' | '【') || current.ends_with("</p>");
        if starts_item && !current.trim().is_empty() {
            pieces.push(std::mem::take(&mut current));
        }
        current.push(ch);
        if ch == '。' {
            pieces.push(std::mem::take(&mut current));
        }
    }
    pieces.push(current);
    let mut segments: Vec<String> = Vec::new();
    let mut segment = String::new();
    for piece in pieces.into_iter().filter(|p| !p.trim().is_empty()) {
        if !segment.is_empty() && segment.chars().count() + piece.chars().count() > SEGMENT_CHARS {
            segments.push(std::mem::take(&mut segment).trim().to_string());
        }
        segment.push_str(&piece);
    }
    if !segment.trim().is_empty() {
        segments.push(segment.trim().to_string());
    }
    segments
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{DocKind, DocumentInfo};

    fn doc(text: &str) -> SeedDoc {
        let info = DocumentInfo {
            file: "t.txt".into(),
            title: "t".into(),
            publisher: "p".into(),
            date: "2025-01".into(),
            kind: DocKind::BudgetRequest,
        };
        SeedDoc::from_text(info, text)
    }

    #[test]
    fn markdown_headings_set_the_heading_path() {
        let text = "# 行政データ連携の推進\n\n## 基本的な考え方\n\n各府省は、データの標準化を進め、相互に連携できる環境を整備する。\n\n### 具体的な取組\n\n- 共通語彙基盤を整備し、各府省の情報システムで活用する。\n";
        let found = passages(&doc(text));
        let item = found
            .iter()
            .find(|p| p.text.contains("共通語彙基盤"))
            .expect("the list item is a passage");
        assert_eq!(item.heading.len(), 3, "{:?}", item.heading);
        assert!(item.heading[0].contains("行政データ連携の推進"));
        assert!(item.heading[2].contains("具体的な取組"));
        let prose = found
            .iter()
            .find(|p| p.text.contains("データの標準化"))
            .expect("the paragraph is a passage");
        assert_eq!(prose.heading.len(), 2, "{:?}", prose.heading);
    }

    #[test]
    fn follows_headings_rows_items_and_budget_blocks() {
        let text = "Ⅰ 活力ある地域社会\n１．地域活性化\n（１）ふるさと住民登録制度の創設\n\n12\n\n\
• 関係人口の規模や地域との関係性を可視化し、地域の担い手確保につ\n\nなげる仕組みを実現する。\n\n\
【予算】\n\nふるさと住民登録制度に\n\n要する経費\n\n事項要求（新規）\n\n\n\
区分\t令和6年度\n地方交付税\t177,863\n";
        let found = passages(&doc(text));
        let texts: Vec<&str> = found.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(found.len(), 7, "{texts:?}");
        assert_eq!(
            texts[..3],
            [
                "Ⅰ 活力ある地域社会",
                "１．地域活性化",
                "（１）ふるさと住民登録制度の創設"
            ]
        );
        let bullet = &found[3];
        assert_eq!(bullet.heading.len(), 3);
        assert_eq!((bullet.line_start, bullet.line_end), (7, 9));
        assert!(
            found[4].text.starts_with("【予算】") && found[4].text.ends_with("事項要求（新規）")
        );
        assert_eq!((found[6].line_start, found[6].line_end), (21, 21));
        assert!(
            !texts.iter().any(|t| t.trim() == "12"),
            "page number became a passage"
        );
    }

    #[test]
    fn long_lines_become_segments_citing_the_same_line() {
        let cell = "・量子暗号通信の研究開発を推進する。".repeat(30);
        let found = passages(&doc(&format!("見出しの行\n\n{cell}\n")));
        let segments: Vec<&Passage> = found.iter().filter(|p| p.line_start == 3).collect();
        assert!(segments.len() > 2);
        for segment in &segments {
            assert_eq!(segment.line_end, 3);
            assert!(cell.contains(&segment.text));
            assert!(segment.text.chars().count() <= SEGMENT_CHARS + 40);
        }
        let ids: std::collections::HashSet<&str> = segments.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids.len(), segments.len());
    }

    #[test]
    fn running_headers_set_context_but_are_not_passages() {
        let mut text = String::new();
        for i in 0..4 {
            text.push_str(&format!("行政評価局の取組について\n\n本文その{i}として十分に長い説明文がここにあります。\n\n\n"));
        }
        let found = passages(&doc(&text));
        assert_eq!(found.len(), 4);
        assert!(
            found
                .iter()
                .all(|p| p.heading == ["行政評価局の取組について"])
        );
    }
}
