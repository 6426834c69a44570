//! Parser for 重点施策 slide decks published with a ministry's 概算要求 (budget request).
//!
//! The deck is a sequence of slides. Each slide repeats a header of up to three numbered
//! heading levels (pillar `Ⅰ`–`Ⅴ` → theme, policy `１．` → policy, sub-item `（１）` → measure),
//! carries one or more slide titles (measures) and ends with `【予算】` blocks that give the
//! requested amount followed by comparison amounts of earlier years in brackets.
//!
//! PDF conversion scrambles the layout: headers are glued to the body, bodies are printed
//! before their header, headers are missing and slides are re-listed. The parser therefore
//! works in passes: classify heading lines, compute the running heading context, split the
//! text into slide blocks (separated by runs of blank lines), parse the budget blocks, detect
//! slide titles and finally attach titles and budget items to the heading context of their
//! own slide block.

use crate::corpus::SeedDoc;
use crate::graph::model::{EdgeDraft, Extraction, NodeDraft, NodeType, Rel, Source, node_id};
use crate::money::{BudgetFigure, BudgetFlag, BudgetKind, FiscalYear, parse_number, to_oku};
use crate::normalize::for_matching;
use regex::Regex;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

/// Reads a 重点施策 / 概算要求 slide deck: themes, policies, measures, budget figures,
/// programs and funds, agencies, and the relations the slides state.
pub fn extract(doc: &SeedDoc) -> Extraction {
    let lines = prepare_lines(doc);
    let kinds = classify_headings(&lines);
    let contexts = running_contexts(&kinds);
    let segments = segment_ids(&lines, &kinds);
    let mut consumed = vec![false; lines.len()];
    for (index, kind) in kinds.iter().enumerate() {
        if matches!(kind, LineKind::Continuation) {
            consumed[index] = true;
        }
    }
    let blocks = parse_budget_blocks(&lines, &kinds, &mut consumed);
    let request_year = infer_request_year(doc, &blocks);
    let titles = detect_titles(&lines, &kinds, &consumed);
    let names = HeadingNames::collect(&kinds);
    let mut builder = Builder::new(doc.file().to_string(), &lines);
    builder.root = GOVERNMENT_BODY
        .find(&doc.info.publisher)
        .map(|m| m.as_str().to_string());
    let layout = Layout {
        kinds: &kinds,
        contexts: &contexts,
        segments: &segments,
        blocks: &blocks,
        titles: &titles,
        names: &names,
    };
    builder.emit_headings(&layout);
    builder.emit_titles_and_budgets(&layout, request_year);
    builder.emit_agencies(&layout);
    builder.emit_unparsed_amounts(&layout, &consumed, request_year);
    builder.extraction
}

// ---------------------------------------------------------------------------------------
// Lines
// ---------------------------------------------------------------------------------------

/// One line of the document with its cleaned text.
#[derive(Debug, Clone)]
struct Line<'a> {
    /// 1-based line number.
    no: u32,
    /// The line as written.
    raw: &'a str,
    /// Private-use glyphs removed, trimmed.
    text: String,
    /// Whether the line starts with white space (a PDF text box glued to the previous one).
    indented: bool,
}

fn prepare_lines(doc: &SeedDoc) -> Vec<Line<'_>> {
    doc.lines
        .iter()
        .enumerate()
        .map(|(index, raw)| {
            let cleaned: String = raw.chars().filter(|c| !is_private_use(*c)).collect();
            let text = cleaned.trim().to_string();
            Line {
                no: u32::try_from(index + 1).unwrap_or(u32::MAX),
                raw: raw.as_str(),
                indented: raw.starts_with(char::is_whitespace) && !text.is_empty(),
                text,
            }
        })
        .collect()
}

fn is_private_use(c: char) -> bool {
    ('\u{E000}'..='\u{F8FF}').contains(&c)
}

/// A short quote that stands verbatim in the line: the trimmed line, cut to 200 chars.
fn quote_of(raw: &str) -> String {
    raw.trim().chars().take(200).collect()
}

fn is_page_number(text: &str) -> bool {
    !text.is_empty() && text.len() <= 3 && text.chars().all(|c| c.is_ascii_digit())
}

fn is_bullet(text: &str) -> bool {
    text.starts_with(['•', '●', '◆', '◇'])
}

/// Folds full-width digits to ASCII.
fn fold_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' => '.',
            '，' => ',',
            other => other,
        })
        .collect()
}

fn parse_small_number(text: &str) -> Option<u32> {
    fold_digits(text).trim().parse().ok()
}

/// A key for comparing names: NFKC, lower case, without spaces, punctuation and `（続き）`.
fn match_key(text: &str) -> String {
    let text = strip_continued(text);
    for_matching(&text)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

fn strip_continued(text: &str) -> String {
    static CONTINUED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[（(]\s*続き\s*[）)]\s*$").expect("continued pattern"));
    CONTINUED.replace(text.trim(), "").trim().to_string()
}

/// Collapses runs of white space to one space and trims.
fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Joins name fragments printed on several lines.
fn join_fragments<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for part in parts {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        let needs_space = out
            .chars()
            .last()
            .is_some_and(|c| c.is_ascii_alphanumeric())
            && part
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphanumeric());
        if needs_space {
            out.push(' ');
        }
        out.push_str(part);
    }
    collapse_spaces(&out)
}

// ---------------------------------------------------------------------------------------
// Headings
// ---------------------------------------------------------------------------------------

/// What a line is, as far as the slide structure is concerned.
#[derive(Debug, Clone, PartialEq)]
enum LineKind {
    Blank,
    Page,
    /// Pillar heading: roman numeral (1-based) and name.
    Pillar(u32, String),
    /// Numbered policy heading.
    Policy(u32, String),
    /// One or more sub-item headings `（n）name` on one line.
    SubItems(Vec<(u32, String)>),
    /// A line that continues the heading above it.
    Continuation,
    Other,
}

impl LineKind {
    fn is_heading(&self) -> bool {
        matches!(
            self,
            LineKind::Pillar(..) | LineKind::Policy(..) | LineKind::SubItems(_)
        )
    }
}

static PILLAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ])[\s　]+(\S.*)$").expect("pillar pattern"));
static POLICY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([0-9０-９]{1,2})(?:\s*([．.])\s*|[\s　]+)(\S.*)$").expect("policy pattern")
});
static SUB_ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[（(]([0-9０-９]{1,2})[）)]").expect("sub-item pattern"));

fn roman_value(c: char) -> u32 {
    "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ"
        .chars()
        .position(|r| r == c)
        .map_or(0, |p| u32::try_from(p + 1).unwrap_or(0))
}

/// A heading name is plausible when it is not a sentence and not letter-spaced debris.
fn plausible_heading_name(name: &str) -> bool {
    let chars = name.chars().count();
    let spaced = name.matches(' ').count();
    (3..=90).contains(&chars)
        && !name.contains('。')
        && !name.contains("億円")
        && spaced * 3 < chars
}

fn pillar_candidate(text: &str) -> Option<(u32, String)> {
    let caps = PILLAR.captures(text)?;
    let numeral = caps.get(1)?.as_str().chars().next()?;
    let name = collapse_spaces(caps.get(2)?.as_str());
    plausible_heading_name(&name).then(|| (roman_value(numeral), name))
}

fn policy_candidate(text: &str) -> Option<(u32, bool, String)> {
    let caps = POLICY.captures(text)?;
    let number = parse_small_number(caps.get(1)?.as_str())?;
    let has_period = caps.get(2).is_some();
    let name = collapse_spaces(caps.get(3)?.as_str());
    let valid = number > 0 && plausible_heading_name(&name) && !name.starts_with(['.', '．']);
    valid.then_some((number, has_period, name))
}

/// Splits `（３）A（４）B` into its sub-items; the line must start with one.
fn sub_item_candidates(text: &str) -> Option<Vec<(u32, String)>> {
    let starts: Vec<regex::Captures<'_>> = SUB_ITEM.captures_iter(text).collect();
    let first = starts.first()?.get(0)?;
    if first.start() != 0 {
        return None;
    }
    let mut items = Vec::new();
    for (index, caps) in starts.iter().enumerate() {
        let whole = caps.get(0)?;
        let end = starts
            .get(index + 1)
            .and_then(|next| next.get(0))
            .map_or(text.len(), |m| m.start());
        let number = parse_small_number(caps.get(1)?.as_str())?;
        let name = collapse_spaces(&text[whole.end()..end]);
        if name.chars().count() < 2 {
            // `（１）` followed by a short fragment belongs to the previous name.
            continue;
        }
        items.push((number, name));
    }
    let valid = !items.is_empty() && items.iter().all(|(_, n)| plausible_heading_name(n));
    valid.then_some(items)
}

/// Whether a heading name stops in the middle of a phrase and continues on the next line.
fn heading_is_cut(name: &str) -> bool {
    const OPEN_ENDINGS: [&str; 12] = [
        "・",
        "、",
        "と",
        "の",
        "や",
        "及び",
        "並びに",
        "による",
        "における",
        "に向けた",
        "を",
        "が",
    ];
    OPEN_ENDINGS.iter().any(|e| name.ends_with(e))
}

fn next_content(lines: &[Line<'_>], from: usize) -> Option<usize> {
    (from..lines.len()).find(|&i| !lines[i].text.is_empty() && !is_page_number(&lines[i].text))
}

fn prev_content(kinds: &[LineKind], before: usize) -> Option<usize> {
    (0..before)
        .rev()
        .find(|&i| !matches!(kinds[i], LineKind::Blank | LineKind::Page))
}

/// Classifies every line; headings are accepted in context (header runs and numbering).
fn classify_headings(lines: &[Line<'_>]) -> Vec<LineKind> {
    let mut kinds: Vec<LineKind> = lines
        .iter()
        .map(|l| {
            if l.text.is_empty() {
                LineKind::Blank
            } else if is_page_number(&l.text) {
                LineKind::Page
            } else {
                LineKind::Other
            }
        })
        .collect();
    let mut current_pillar: Option<u32> = None;
    let mut current_policy: Option<u32> = None;
    let mut last_sub: Option<u32> = None;
    let mut index = 0;
    while index < lines.len() {
        if kinds[index] != LineKind::Other {
            index += 1;
            continue;
        }
        let text = lines[index].text.as_str();
        let previous = prev_content(&kinds, index).map(|i| &kinds[i]);
        let after_heading = previous.is_some_and(LineKind::is_heading);
        let after_pillar = matches!(previous, Some(LineKind::Pillar(..)));
        if let Some((numeral, name)) = pillar_candidate(text) {
            kinds[index] = LineKind::Pillar(numeral, name);
            if current_pillar != Some(numeral) {
                current_policy = None;
                last_sub = None;
            }
            current_pillar = Some(numeral);
        } else if let Some((number, has_period, name)) = policy_candidate(text) {
            let before_sub = next_content(lines, index + 1)
                .and_then(|i| sub_item_candidates(&lines[i].text))
                .is_some();
            if after_pillar || (has_period && before_sub) {
                kinds[index] = LineKind::Policy(number, name);
                current_policy = Some(number);
                last_sub = None;
            }
        } else if let Some(items) = sub_item_candidates(text) {
            let first = items.first().map_or(0, |(n, _)| *n);
            let sequential = match last_sub {
                Some(last) => first == last || first == last + 1,
                None => first == 1,
            };
            if current_policy.is_some() && (after_heading || sequential) {
                last_sub = items.last().map(|(n, _)| *n);
                kinds[index] = LineKind::SubItems(items);
            }
        }
        if kinds[index].is_heading() {
            join_cut_heading(lines, &mut kinds, index);
        }
        index += 1;
    }
    kinds
}

/// Appends the next line to a heading whose name is cut mid-phrase.
fn join_cut_heading(lines: &[Line<'_>], kinds: &mut [LineKind], index: usize) {
    let Some(next) = next_content(lines, index + 1) else {
        return;
    };
    if next > index + 2 {
        return;
    }
    let follow = lines[next].text.as_str();
    let joinable = follow.chars().count() <= 40
        && !is_bullet(follow)
        && !follow.contains('。')
        && !follow.contains("【")
        && pillar_candidate(follow).is_none()
        && policy_candidate(follow).is_none()
        && sub_item_candidates(follow).is_none();
    if !joinable {
        return;
    }
    let joined = match &mut kinds[index] {
        LineKind::Pillar(_, name) | LineKind::Policy(_, name) if heading_is_cut(name) => {
            *name = join_fragments([name.as_str(), follow]);
            true
        }
        LineKind::SubItems(items) => match items.last_mut() {
            Some((_, name)) if heading_is_cut(name) => {
                *name = join_fragments([name.as_str(), follow]);
                true
            }
            _ => false,
        },
        _ => false,
    };
    if joined {
        kinds[next] = LineKind::Continuation;
    }
}

/// The heading context a line sits in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Context {
    pillar: Option<u32>,
    policy: Option<u32>,
    /// (policy, sub-item number).
    sub: Option<(u32, u32)>,
}

/// The context after each line has been read.
fn running_contexts(kinds: &[LineKind]) -> Vec<Context> {
    let mut context = Context::default();
    kinds
        .iter()
        .map(|kind| {
            match kind {
                LineKind::Pillar(numeral, _) => {
                    if context.pillar != Some(*numeral) {
                        context = Context {
                            pillar: Some(*numeral),
                            ..Context::default()
                        };
                    } else {
                        context.sub = None;
                    }
                }
                LineKind::Policy(number, _) => {
                    if context.policy != Some(*number) {
                        context.sub = None;
                    }
                    context.policy = Some(*number);
                }
                LineKind::SubItems(items) => {
                    if let (Some(policy), Some((number, _))) = (context.policy, items.last()) {
                        context.sub = Some((policy, *number));
                    }
                }
                _ => {}
            }
            context
        })
        .collect()
}

/// Slide blocks: runs of three or more blank lines separate slides.
fn segment_ids(lines: &[Line<'_>], kinds: &[LineKind]) -> Vec<usize> {
    let mut ids = Vec::with_capacity(lines.len());
    let mut id = 0;
    let mut blanks = 0;
    for kind in kinds {
        if matches!(kind, LineKind::Blank) {
            blanks += 1;
        } else {
            if blanks >= 3 {
                id += 1;
            }
            blanks = 0;
        }
        ids.push(id);
    }
    ids
}

/// Canonical names of the headings: the most frequent spelling per number.
#[derive(Debug, Default)]
struct HeadingNames {
    pillars: BTreeMap<u32, Spellings>,
    policies: BTreeMap<u32, Spellings>,
    subs: BTreeMap<(u32, u32), Spellings>,
    /// Sub-item match key → every (policy, number) that carries that name.
    sub_by_key: HashMap<String, Vec<(u32, u32)>>,
}

#[derive(Debug, Default, Clone)]
struct Spellings {
    /// Spelling → (count, first line index).
    seen: BTreeMap<String, (usize, usize)>,
}

impl Spellings {
    fn add(&mut self, name: &str, index: usize) {
        let entry = self.seen.entry(name.to_string()).or_insert((0, index));
        entry.0 += 1;
    }

    fn canonical(&self) -> Option<(&str, usize)> {
        self.seen
            .iter()
            .max_by(|a, b| {
                (a.1.0, a.0.chars().count(), std::cmp::Reverse(a.1.1)).cmp(&(
                    b.1.0,
                    b.0.chars().count(),
                    std::cmp::Reverse(b.1.1),
                ))
            })
            .map(|(name, (_, index))| (name.as_str(), *index))
    }

    fn aliases(&self) -> Vec<String> {
        let canonical = self.canonical().map(|(n, _)| n.to_string());
        self.seen
            .keys()
            .filter(|n| Some(*n) != canonical.as_ref())
            .cloned()
            .collect()
    }
}

impl HeadingNames {
    fn collect(kinds: &[LineKind]) -> HeadingNames {
        let mut names = HeadingNames::default();
        let mut policy: Option<u32> = None;
        for (index, kind) in kinds.iter().enumerate() {
            match kind {
                LineKind::Pillar(numeral, name) => {
                    names.pillars.entry(*numeral).or_default().add(name, index);
                    policy = None;
                }
                LineKind::Policy(number, name) => {
                    names.policies.entry(*number).or_default().add(name, index);
                    policy = Some(*number);
                }
                LineKind::SubItems(items) => {
                    for (number, name) in items {
                        let key = (policy.unwrap_or(0), *number);
                        names.subs.entry(key).or_default().add(name, index);
                        let ids = names.sub_by_key.entry(match_key(name)).or_default();
                        if !ids.contains(&key) {
                            ids.push(key);
                        }
                    }
                }
                _ => {}
            }
        }
        names
    }

    fn pillar(&self, numeral: u32) -> Option<&str> {
        self.pillars.get(&numeral)?.canonical().map(|(n, _)| n)
    }

    fn policy(&self, number: u32) -> Option<&str> {
        self.policies.get(&number)?.canonical().map(|(n, _)| n)
    }

    fn sub(&self, key: (u32, u32)) -> Option<&str> {
        self.subs.get(&key)?.canonical().map(|(n, _)| n)
    }

    /// The sub-item a slide title names, preferring one under `policy`.
    fn sub_named(&self, title: &str, policy: Option<u32>) -> Option<(u32, u32)> {
        let candidates = self.sub_by_key.get(&match_key(title))?;
        candidates
            .iter()
            .find(|(p, _)| Some(*p) == policy)
            .or_else(|| candidates.first())
            .copied()
    }
}

// ---------------------------------------------------------------------------------------
// Budget blocks
// ---------------------------------------------------------------------------------------

/// Which year and kind an amount belongs to, as read from its position in the block.
#[derive(Debug, Clone, PartialEq)]
enum Slot {
    /// The amount requested (before any year bracket).
    Main,
    /// A comparison amount after a `N年度` / `N年度補正` token (Reiwa year number).
    Year {
        year: u16,
        era_heisei: bool,
        supplementary: bool,
    },
    /// A `うち…` portion of the amount before it.
    Within { label: String, base: Box<Slot> },
}

/// One amount as read, before the request year is known.
#[derive(Debug, Clone)]
struct RawFigure {
    slot: Slot,
    amount: Option<rust_decimal::Decimal>,
    inclusive: bool,
    item_request: bool,
    /// `産業投資` / `政府保証`.
    component: Option<String>,
    /// Line index of the amount.
    line: usize,
}

/// One item of a `【予算】` block: a name and its figures.
#[derive(Debug, Clone, Default)]
struct BudgetItem {
    name: String,
    first_line: usize,
    last_line: usize,
    figures: Vec<RawFigure>,
    new: bool,
    relisted: bool,
    notes: Vec<(usize, String)>,
    /// Open brackets not yet closed.
    open: i32,
}

impl BudgetItem {
    fn has_year_figures(&self) -> bool {
        self.figures
            .iter()
            .any(|f| matches!(f.slot, Slot::Year { .. }))
    }
}

/// A `【予算】` block.
#[derive(Debug, Clone)]
struct BudgetBlock {
    marker_line: usize,
    end_line: usize,
    /// The marker is glued to a preceding text box (budget printed before its title).
    indented: bool,
    kind_hint: Option<BudgetKind>,
    items: Vec<BudgetItem>,
}

#[derive(Debug, Clone)]
enum Event {
    Amount {
        start: usize,
        end: usize,
        value: Option<rust_decimal::Decimal>,
        inclusive: bool,
        component: Option<String>,
    },
    ItemRequest {
        start: usize,
    },
    Year {
        start: usize,
        year: u16,
        era_heisei: bool,
        supplementary: bool,
    },
    Within {
        start: usize,
        label: String,
    },
}

impl Event {
    fn start(&self) -> usize {
        match self {
            Event::Amount { start, .. }
            | Event::ItemRequest { start }
            | Event::Year { start, .. }
            | Event::Within { start, .. } => *start,
        }
    }
}

static MARKER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"【\s*予\s*算([^】]{0,20})】").expect("marker pattern"));
static AMOUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?P<label>産業投資|政府保証)?\s*(?P<num>[0-9０-９][0-9０-９,，]*(?:[.．][ 　]?[0-9０-９]+)?)\s*(?P<unit>兆円|億円|百万円)(?P<incl>\s*の(?:内数|一部))?",
    )
    .expect("amount pattern")
});
static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<era>令和|平成)?\s*(?P<n>[0-9０-９]{1,2})\s*年度\s*(?P<sup>補正)?(?:予算)?")
        .expect("year pattern")
});
static WITHIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"うち(?P<label>[^0-9０-９（）()、。]{0,20}?)\s*[:：]?\s*(?:産業投資|政府保証)?[0-9０-９]",
    )
    .expect("within pattern")
});
static FLAGS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[（(]\s*新規\s*[）)]|【\s*(?:一部)?再掲\s*】|[〔［]\s*(?:一部)?再掲\s*[〕］]")
        .expect("flags pattern")
});

/// Reads the amounts, year tokens, 事項要求 and うち portions of one line, in order.
fn scan_events(text: &str) -> Vec<Event> {
    let mut events = Vec::new();
    for caps in AMOUNT.captures_iter(text) {
        let (Some(whole), Some(num), Some(unit)) =
            (caps.get(0), caps.name("num"), caps.name("unit"))
        else {
            continue;
        };
        if text[..num.start()]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit() || c == '.' || c == ',')
        {
            continue;
        }
        let digits: String = fold_digits(num.as_str())
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let value = parse_number(&digits).and_then(|n| to_oku(n, unit.as_str()));
        let start = caps.name("label").map_or(num.start(), |m| m.start());
        events.push(Event::Amount {
            start,
            end: whole.end(),
            value,
            inclusive: caps.name("incl").is_some(),
            component: caps.name("label").map(|m| m.as_str().to_string()),
        });
    }
    for found in text.match_indices("事項要求") {
        events.push(Event::ItemRequest { start: found.0 });
    }
    for caps in YEAR.captures_iter(text) {
        let (Some(whole), Some(n)) = (caps.get(0), caps.name("n")) else {
            continue;
        };
        if text[..n.start()]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
        {
            continue;
        }
        let Some(year) = parse_small_number(n.as_str()).and_then(|y| u16::try_from(y).ok()) else {
            continue;
        };
        let start = whole.start() + (whole.as_str().len() - whole.as_str().trim_start().len());
        events.push(Event::Year {
            start,
            year,
            era_heisei: caps.name("era").is_some_and(|m| m.as_str() == "平成"),
            supplementary: caps.name("sup").is_some(),
        });
    }
    for caps in WITHIN.captures_iter(text) {
        let (Some(whole), Some(label)) = (caps.get(0), caps.name("label")) else {
            continue;
        };
        events.push(Event::Within {
            start: whole.start(),
            label: label.as_str().trim().to_string(),
        });
    }
    events.sort_by_key(Event::start);
    // An amount inside a year token's span (never) or a year inside an amount: drop years
    // that start inside an amount.
    let amount_spans: Vec<(usize, usize)> = events
        .iter()
        .filter_map(|e| match e {
            Event::Amount { start, end, .. } => Some((*start, *end)),
            _ => None,
        })
        .collect();
    events.retain(|e| match e {
        Event::Year { start, .. } => !amount_spans.iter().any(|(s, x)| s <= start && start < x),
        _ => true,
    });
    events
}

/// Whether the first amount of a line reads as a budget figure: what follows it is a
/// bracket, a flag, `＋事項要求`, a note or another figure, never running text.
fn main_amount_is_plausible(text: &str, events: &[Event]) -> bool {
    let Some(Event::Amount { end, .. }) = events.first() else {
        return true;
    };
    let rest = text[*end..].trim_start();
    rest.is_empty()
        || rest.starts_with(['（', '(', '【', '＋', '+', '※', '〔', '［'])
        || rest.starts_with("産業投資")
        || rest.starts_with("政府保証")
        || rest.starts_with("事項要求")
}

/// Where the name part of a line ends: before the first figure or the bracket that opens it.
fn name_end(text: &str, events: &[Event]) -> usize {
    let Some(first) = events.first() else {
        return text.len();
    };
    let start = first.start();
    match first {
        Event::Year { .. } | Event::Within { .. } => {
            let before = text[..start].trim_end();
            before
                .strip_suffix(['（', '('])
                .map_or(start, |stripped| stripped.len())
        }
        _ => start,
    }
}

/// The item name part of a line: figures, flags and stray brackets removed.
fn clean_name_part(text: &str) -> String {
    let without_flags = FLAGS.replace_all(text, "");
    let trimmed = without_flags
        .trim()
        .trim_end_matches(['＋', '+', '（', '('])
        .trim();
    collapse_spaces(trimmed)
}

fn paren_balance(text: &str) -> i32 {
    text.chars().fold(0, |acc, c| match c {
        '（' | '(' => acc + 1,
        '）' | ')' => acc - 1,
        _ => acc,
    })
}

/// A line that can be part of an item name printed over several lines.
fn name_like(text: &str) -> bool {
    !text.is_empty()
        && text.chars().count() <= 70
        && !is_bullet(text)
        && !text.contains('。')
        && !text.contains('※')
        && !text.starts_with([
            '【', '＜', '<', '■', '○', '〇', '◎', '①', '②', '③', '④', '⑤', '-', '－', '⇒', '→',
        ])
}

fn is_note(text: &str) -> bool {
    text.starts_with('※')
        || (text.starts_with(['（', '(']) && text.contains('※') && scan_events(text).is_empty())
}

fn is_flag_only(text: &str) -> bool {
    !text.is_empty() && FLAGS.replace_all(text, "").trim().is_empty()
}

/// Whether a line carries figures that can start or close an item.
fn carries_figures(text: &str) -> bool {
    let events = scan_events(text);
    if events.is_empty() {
        return false;
    }
    match events.first() {
        Some(Event::Amount { .. }) => main_amount_is_plausible(text, &events),
        Some(Event::ItemRequest { .. }) => true,
        Some(Event::Year { .. }) | Some(Event::Within { .. }) => {
            events.iter().any(|e| matches!(e, Event::Amount { .. }))
        }
        None => false,
    }
}

/// Whether name lines starting at `from` lead to a figure line within a few lines.
fn figures_ahead(lines: &[Line<'_>], kinds: &[LineKind], from: usize) -> bool {
    let mut seen = 0;
    for index in from..lines.len() {
        match &kinds[index] {
            LineKind::Blank | LineKind::Page => continue,
            LineKind::Other => {}
            _ => return false,
        }
        let text = lines[index].text.as_str();
        if MARKER.is_match(text) {
            return false;
        }
        if carries_figures(text) {
            return true;
        }
        if !name_like(text) {
            return false;
        }
        seen += 1;
        if seen >= 4 {
            return false;
        }
    }
    false
}

/// Parses every `【予算】` block; marks the lines it reads as consumed.
fn parse_budget_blocks(
    lines: &[Line<'_>],
    kinds: &[LineKind],
    consumed: &mut [bool],
) -> Vec<BudgetBlock> {
    let mut blocks = Vec::new();
    for index in 0..lines.len() {
        if kinds[index] != LineKind::Other {
            continue;
        }
        let Some(marker) = MARKER.captures(&lines[index].text) else {
            continue;
        };
        let Some(whole) = marker.get(0) else { continue };
        let hint = marker
            .get(1)
            .and_then(|m| BudgetKind::detect(m.as_str()))
            .filter(|k| *k == BudgetKind::FiscalInvestment);
        let at_line_start = lines[index].text[..whole.start()].trim().is_empty();
        let mut parser = BlockParser::new(index, hint);
        parser.set_indented(lines[index].indented && at_line_start);
        let after = lines[index].text[whole.end()..].to_string();
        let end = parser.run(lines, kinds, index, &after);
        for flag in consumed.iter_mut().take(end + 1).skip(index) {
            *flag = true;
        }
        blocks.push(parser.finish(end));
    }
    blocks
}

/// State while reading one block.
struct BlockParser {
    block: BudgetBlock,
    current: Option<BudgetItem>,
    pending: Vec<(usize, String)>,
    pending_notes: Vec<(usize, String)>,
    marker_name: bool,
}

impl BlockParser {
    fn new(marker_line: usize, kind_hint: Option<BudgetKind>) -> BlockParser {
        BlockParser {
            block: BudgetBlock {
                marker_line,
                end_line: marker_line,
                indented: false,
                kind_hint,
                items: Vec::new(),
            },
            current: None,
            pending: Vec::new(),
            pending_notes: Vec::new(),
            marker_name: false,
        }
    }

    fn set_indented(&mut self, indented: bool) {
        self.block.indented = indented;
    }

    /// Reads the marker line's remainder and the lines after it; returns the last line used.
    fn run(&mut self, lines: &[Line<'_>], kinds: &[LineKind], marker: usize, after: &str) -> usize {
        let mut last = marker;
        if !after.trim().is_empty() {
            if is_note(after.trim()) {
                self.note(marker, after.trim());
            } else {
                self.marker_name = scan_events(after).is_empty();
                self.read_line(marker, after);
            }
        }
        let mut blanks = 0;
        let mut index = marker + 1;
        while index < lines.len() {
            match &kinds[index] {
                LineKind::Blank => {
                    blanks += 1;
                    if blanks >= 3 {
                        break;
                    }
                    index += 1;
                    continue;
                }
                LineKind::Page => {
                    index += 1;
                    continue;
                }
                LineKind::Other => {}
                _ => break,
            }
            blanks = 0;
            let text = lines[index].text.as_str();
            if MARKER.is_match(text) || is_bullet(text) {
                break;
            }
            if self.current.as_ref().is_some_and(|c| c.open > 0) {
                self.read_line(index, text);
                last = index;
            } else if is_flag_only(text) {
                self.flags_only(index, text);
                last = index;
            } else if is_note(text) {
                if self.current.is_none() && self.pending.is_empty() {
                    break;
                }
                self.note(index, text);
                last = index;
            } else if carries_figures(text) {
                self.read_line(index, text);
                last = index;
            } else if self.pending.len() < 4
                && name_like(text)
                && figures_ahead(lines, kinds, index)
            {
                self.pending.push((index, text.to_string()));
                last = index;
            } else {
                break;
            }
            index += 1;
        }
        last.max(self.pending.last().map_or(marker, |p| p.0))
    }

    fn note(&mut self, index: usize, text: &str) {
        match self.current.as_mut() {
            Some(item) => {
                item.notes.push((index, text.to_string()));
                item.last_line = item.last_line.max(index);
            }
            None => self.pending_notes.push((index, text.to_string())),
        }
    }

    fn flags_only(&mut self, index: usize, text: &str) {
        if let Some(item) = self.current.as_mut() {
            apply_flags(item, text);
            item.last_line = item.last_line.max(index);
        }
    }

    fn read_line(&mut self, index: usize, text: &str) {
        let events = scan_events(text);
        if events.is_empty() {
            self.pending.push((index, text.to_string()));
            return;
        }
        let cut = name_end(text, &events);
        let name_part = clean_name_part(&text[..cut]);
        let continues = self.current.as_ref().is_some_and(|item| {
            item.open > 0
                || (name_part.is_empty()
                    && self.pending.is_empty()
                    && !item.has_year_figures()
                    && matches!(events.first(), Some(Event::Year { .. })))
                || (name_part.is_empty()
                    && self.pending.is_empty()
                    && matches!(events.first(), Some(Event::ItemRequest { .. }))
                    && item
                        .figures
                        .iter()
                        .all(|f| f.slot == Slot::Main && f.amount.is_some()))
        });
        if continues {
            if let Some(item) = self.current.as_mut() {
                add_events(item, index, text, &events, true);
            }
            return;
        }
        self.start_item(index, &name_part, text, &events);
    }

    fn start_item(&mut self, index: usize, name_part: &str, text: &str, events: &[Event]) {
        if let Some(done) = self.current.take() {
            self.block.items.push(done);
        }
        let notes = std::mem::take(&mut self.pending_notes);
        let first_line = self.pending.first().map_or(index, |p| p.0.min(index));
        let fragments: Vec<&str> = self.pending.iter().map(|(_, t)| t.as_str()).collect();
        let joined = join_fragments(fragments.iter().copied().chain([name_part]));
        let mut item = BudgetItem {
            name: clean_name_part(&joined),
            first_line,
            last_line: index,
            notes,
            ..BudgetItem::default()
        };
        for (_, fragment) in &self.pending {
            apply_flags(&mut item, fragment);
        }
        self.pending.clear();
        add_events(&mut item, index, text, events, false);
        self.current = Some(item);
    }

    fn finish(mut self, end: usize) -> BudgetBlock {
        if let Some(done) = self.current.take() {
            self.block.items.push(done);
        }
        if self.block.items.is_empty() && self.marker_name && !self.pending.is_empty() {
            let first_line = self.pending.first().map_or(end, |n| n.0);
            let name = join_fragments(self.pending.iter().map(|(_, t)| t.as_str()));
            self.block.items.push(BudgetItem {
                name: clean_name_part(&name),
                first_line,
                last_line: end,
                notes: std::mem::take(&mut self.pending_notes),
                ..BudgetItem::default()
            });
        }
        self.block.items.retain(|item| !item.name.is_empty());
        self.block.end_line = end;
        self.block
    }
}

fn apply_flags(item: &mut BudgetItem, text: &str) {
    for found in FLAGS.find_iter(text) {
        if found.as_str().contains("新規") {
            item.new = true;
        } else {
            item.relisted = true;
        }
    }
}

/// Turns the events of one line into figures of `item`.
fn add_events(item: &mut BudgetItem, index: usize, text: &str, events: &[Event], carry: bool) {
    let mut slot = if carry {
        item.figures.last().map_or(Slot::Main, |f| match &f.slot {
            Slot::Within { base, .. } => (**base).clone(),
            other => other.clone(),
        })
    } else {
        Slot::Main
    };
    if item.open <= 0 && carry && matches!(slot, Slot::Year { .. }) {
        // A closed bracket: amounts before the next year token would be main amounts.
        slot = Slot::Main;
    }
    let mut within: Option<(String, Slot)> = None;
    for event in events {
        match event {
            Event::Year {
                year,
                era_heisei,
                supplementary,
                ..
            } => {
                slot = Slot::Year {
                    year: *year,
                    era_heisei: *era_heisei,
                    supplementary: *supplementary,
                };
                within = None;
            }
            Event::Within { label, .. } => within = Some((label.clone(), slot.clone())),
            Event::Amount {
                value,
                inclusive,
                component,
                ..
            } => {
                let figure_slot = match within.take() {
                    Some((label, base)) => Slot::Within {
                        label,
                        base: Box::new(base),
                    },
                    None => slot.clone(),
                };
                item.figures.push(RawFigure {
                    slot: figure_slot,
                    amount: *value,
                    inclusive: *inclusive,
                    item_request: false,
                    component: component.clone(),
                    line: index,
                });
            }
            Event::ItemRequest { .. } => {
                let mains: Vec<&mut RawFigure> = item
                    .figures
                    .iter_mut()
                    .filter(|f| f.slot == Slot::Main)
                    .collect();
                if mains.is_empty() {
                    item.figures.push(RawFigure {
                        slot: Slot::Main,
                        amount: None,
                        inclusive: false,
                        item_request: true,
                        component: None,
                        line: index,
                    });
                } else {
                    for figure in mains {
                        figure.item_request = true;
                    }
                }
            }
        }
    }
    let figures_start = name_end(text, events);
    item.open += paren_balance(&text[figures_start..]);
    apply_flags(item, &text[figures_start..]);
    item.last_line = item.last_line.max(index);
}

/// The fiscal year the document requests for: the year after the latest year its
/// comparison brackets quote; failing that, the title's or the text's latest year.
fn infer_request_year(doc: &SeedDoc, blocks: &[BudgetBlock]) -> FiscalYear {
    let latest_compared = blocks
        .iter()
        .flat_map(|b| &b.items)
        .flat_map(|i| &i.figures)
        .filter_map(|f| match &f.slot {
            Slot::Year {
                year, era_heisei, ..
            } => Some(slot_year(*year, *era_heisei)),
            _ => None,
        })
        .max();
    if let Some(year) = latest_compared {
        return FiscalYear(year.0 + 1);
    }
    let title_year = crate::money::find_fiscal_years(&doc.info.title)
        .into_iter()
        .map(|m| m.year)
        .max();
    if let Some(year) = title_year {
        return year;
    }
    let text_year = doc
        .lines
        .iter()
        .flat_map(|l| crate::money::find_fiscal_years(l))
        .map(|m| m.year)
        .max();
    let published = doc
        .info
        .date
        .get(..4)
        .and_then(|y| y.parse::<u16>().ok())
        .filter(|y| *y >= 1989)
        .map(|y| FiscalYear(y + 1));
    text_year
        .or(published)
        .filter(|y| y.0 >= 1989)
        .unwrap_or(FiscalYear::reiwa(1))
}

fn slot_year(year: u16, era_heisei: bool) -> FiscalYear {
    if era_heisei {
        FiscalYear(1988 + year)
    } else if year >= 1989 {
        FiscalYear(year)
    } else {
        FiscalYear::reiwa(year)
    }
}

// ---------------------------------------------------------------------------------------
// Slide titles
// ---------------------------------------------------------------------------------------

/// A slide title: the name of a measure the slide presents.
#[derive(Debug, Clone)]
struct Title {
    line: usize,
    last_line: usize,
    name: String,
}

/// A line that can be (part of) a slide title.
fn title_like(text: &str) -> bool {
    let chars = text.chars().count();
    (4..=70).contains(&chars)
        && name_like(text)
        && !text.starts_with(['（', '(', '「', '・', '＊', '*', '◇', '▶', '～'])
        && !text.ends_with(['、', '，', ',', '：', ':'])
        && !text.contains("億円")
        && !MARKER.is_match(text)
        && !text.is_ascii()
}

fn detect_titles(lines: &[Line<'_>], kinds: &[LineKind], consumed: &[bool]) -> Vec<Title> {
    let usable = |i: usize| kinds[i] == LineKind::Other && !consumed[i];
    let mut found: BTreeMap<usize, Title> = BTreeMap::new();
    for index in 0..lines.len() {
        if kinds[index].is_heading() {
            if let Some(title) = title_after_header(lines, kinds, index, &usable) {
                found.entry(title.line).or_insert(title);
            }
        } else if usable(index)
            && is_bullet(&lines[index].text)
            && let Some(title) = title_before_bullet(lines, kinds, index, &usable)
        {
            found.entry(title.line).or_insert(title);
        }
    }
    found.into_values().collect()
}

fn title_after_header(
    lines: &[Line<'_>],
    kinds: &[LineKind],
    heading: usize,
    usable: &dyn Fn(usize) -> bool,
) -> Option<Title> {
    let mut next = heading + 1;
    while next < lines.len()
        && matches!(
            kinds[next],
            LineKind::Blank | LineKind::Page | LineKind::Continuation
        )
    {
        next += 1;
    }
    if next >= lines.len() || !usable(next) || !title_like(&lines[next].text) {
        return None;
    }
    let mut last = next;
    let follower = next + 1;
    if follower < lines.len()
        && usable(follower)
        && title_like(&lines[follower].text)
        && !lines[follower].indented
    {
        let after = lines.get(follower + 1).map_or("", |l| l.text.as_str());
        let joined_len = lines[next].text.chars().count() + lines[follower].text.chars().count();
        if (after.is_empty() || is_bullet(after)) && joined_len <= 70 {
            last = follower;
        }
    }
    Some(make_title(lines, next, last))
}

fn title_before_bullet(
    lines: &[Line<'_>],
    kinds: &[LineKind],
    bullet: usize,
    usable: &dyn Fn(usize) -> bool,
) -> Option<Title> {
    let mut end = bullet.checked_sub(1)?;
    let mut gaps = 0;
    while kinds[end] == LineKind::Blank {
        gaps += 1;
        if gaps > 2 {
            return None;
        }
        end = end.checked_sub(1)?;
    }
    let mut start = end;
    while start > 0 && !matches!(kinds[start - 1], LineKind::Blank | LineKind::Page) {
        start -= 1;
    }
    let mut run: Vec<usize> = (start..=end).collect();
    if let Some(cut) = run.iter().rposition(|&i| !usable(i)) {
        run.drain(..=cut);
    }
    if run.iter().any(|&i| is_bullet(&lines[i].text)) {
        return None;
    }
    if let Some(cut) = run.iter().skip(1).rposition(|&i| lines[i].indented) {
        run.drain(..=cut);
    }
    if run.is_empty() || run.len() > 2 || !run.iter().all(|&i| title_like(&lines[i].text)) {
        return None;
    }
    let first = *run.first()?;
    let last = *run.last()?;
    let title = make_title(lines, first, last);
    (title.name.chars().count() <= 70).then_some(title)
}

fn make_title(lines: &[Line<'_>], first: usize, last: usize) -> Title {
    let name = join_fragments(lines[first..=last].iter().map(|l| l.text.as_str()));
    Title {
        line: first,
        last_line: last,
        name: strip_continued(&name),
    }
}

// ---------------------------------------------------------------------------------------
// Graph building
// ---------------------------------------------------------------------------------------

/// Everything the passes computed about the document's layout.
struct Layout<'a> {
    kinds: &'a [LineKind],
    contexts: &'a [Context],
    segments: &'a [usize],
    blocks: &'a [BudgetBlock],
    titles: &'a [Title],
    names: &'a HeadingNames,
}

impl Layout<'_> {
    /// The last heading line of the header run that starts at `start`.
    fn header_run_end(&self, start: usize) -> usize {
        let mut end = start;
        let mut index = start + 1;
        let mut blanks = 0;
        while index < self.kinds.len() {
            match &self.kinds[index] {
                LineKind::Blank => {
                    blanks += 1;
                    if blanks >= 2 {
                        break;
                    }
                }
                LineKind::Page | LineKind::Continuation => {}
                kind if kind.is_heading() => {
                    end = index;
                    blanks = 0;
                }
                _ => break,
            }
            index += 1;
        }
        end
    }

    /// Whether a header run can adopt a body printed before it: it names a policy or a
    /// sub-item and has no slide title of its own right after it.
    fn header_adopts_body(&self, start: usize, end: usize) -> bool {
        let names_policy_or_sub = (start..=end)
            .any(|i| matches!(self.kinds[i], LineKind::Policy(..) | LineKind::SubItems(_)));
        let next = (end + 1..self.kinds.len()).find(|&i| {
            !matches!(
                self.kinds[i],
                LineKind::Blank | LineKind::Page | LineKind::Continuation
            )
        });
        let own_title = next.is_some_and(|n| self.titles.iter().any(|t| t.line == n));
        names_policy_or_sub && !own_title
    }

    /// The heading context of content at `line`: its own slide block's header, also when
    /// the body was printed before the header.
    fn context_for(&self, line: usize) -> (Context, Option<(usize, usize)>) {
        let segment = self.segments.get(line).copied().unwrap_or(0);
        let same_segment = |i: &usize| self.segments.get(*i) == Some(&segment);
        let next_header = (line + 1..self.kinds.len())
            .take_while(same_segment)
            .find(|&i| self.kinds[i].is_heading());
        let previous_header = (0..line)
            .rev()
            .take_while(same_segment)
            .find(|&i| self.kinds[i].is_heading());
        let budget_between = previous_header.is_some_and(|h| {
            self.blocks
                .iter()
                .any(|b| b.end_line > h && b.end_line < line && !b.items.is_empty())
        });
        let running = (self.contexts.get(line).copied().unwrap_or_default(), None);
        match next_header {
            Some(header) if previous_header.is_none() || budget_between => {
                let end = self.header_run_end(header);
                if self.header_adopts_body(header, end) {
                    (self.contexts[end], Some((header, end)))
                } else {
                    running
                }
            }
            _ => running,
        }
    }
}

/// A resolved slide title: its node and heading context.
#[derive(Debug, Clone)]
struct PlacedTitle {
    line: usize,
    id: String,
    name: String,
    context: Context,
    /// The header run (first, last heading line) it was attached to when printed before it.
    header_run: Option<(usize, usize)>,
}

struct Builder<'a> {
    file: String,
    lines: &'a [Line<'a>],
    extraction: Extraction,
    node_index: HashMap<String, usize>,
    /// Abbreviations and short names of bodies → agency id.
    abbreviations: BTreeMap<String, String>,
    /// The publishing ministry.
    root: Option<String>,
    edge_index: HashMap<(String, Rel, String), usize>,
}

impl<'a> Builder<'a> {
    fn new(file: String, lines: &'a [Line<'a>]) -> Builder<'a> {
        Builder {
            file,
            lines,
            extraction: Extraction::default(),
            node_index: HashMap::new(),
            abbreviations: BTreeMap::new(),
            root: None,
            edge_index: HashMap::new(),
        }
    }

    fn source(&self, first: usize, last: usize, quote_line: usize) -> Source {
        let (first, last) = (first.min(last), first.max(last));
        Source {
            doc: self.file.clone(),
            line_start: self.lines.get(first).map_or(0, |l| l.no),
            line_end: self.lines.get(last).map_or(0, |l| l.no),
            quote: self
                .lines
                .get(quote_line)
                .map_or(String::new(), |l| quote_of(l.raw)),
        }
    }

    fn source_quote(&self, line: usize, quote: &str) -> Source {
        let raw = self.lines.get(line).map_or("", |l| l.raw);
        let quote = if raw.contains(quote) {
            quote.chars().take(200).collect()
        } else {
            quote_of(raw)
        };
        Source {
            doc: self.file.clone(),
            line_start: self.lines.get(line).map_or(0, |l| l.no),
            line_end: self.lines.get(line).map_or(0, |l| l.no),
            quote,
        }
    }

    /// Adds a node, or merges its sources and aliases into the node with the same id.
    fn node(&mut self, draft: NodeDraft) -> String {
        let id = draft.id.clone();
        match self.node_index.get(&id) {
            Some(&index) => {
                let existing = &mut self.extraction.nodes[index];
                for source in draft.sources {
                    if existing.sources.len() < 8 && !existing.sources.contains(&source) {
                        existing.sources.push(source);
                    }
                }
                for alias in draft.aliases {
                    if alias != existing.name && !existing.aliases.contains(&alias) {
                        existing.aliases.push(alias);
                    }
                }
                for (key, value) in draft.props {
                    existing.props.entry(key).or_insert(value);
                }
            }
            None => {
                self.node_index
                    .insert(id.clone(), self.extraction.nodes.len());
                self.extraction.add_node(draft);
            }
        }
        id
    }

    fn edge(&mut self, from: &str, rel: Rel, to: &str, source: Source) {
        if from == to || from.is_empty() || to.is_empty() {
            return;
        }
        let key = (from.to_string(), rel, to.to_string());
        match self.edge_index.get(&key) {
            Some(&index) => {
                let existing = &mut self.extraction.edges[index];
                if existing.sources.len() < 8 && !existing.sources.contains(&source) {
                    existing.sources.push(source);
                }
            }
            None => {
                self.edge_index.insert(key, self.extraction.edges.len());
                self.extraction
                    .add_edge(EdgeDraft::new(from, rel, to, source));
            }
        }
    }

    fn emit_headings(&mut self, layout: &Layout<'_>) {
        let names = layout.names;
        for (numeral, spellings) in &names.pillars {
            let Some((name, line)) = spellings.canonical() else {
                continue;
            };
            let mut draft = NodeDraft::new(NodeType::Theme, name, self.source(line, line, line))
                .with_prop("numbering", roman_label(*numeral))
                .with_prop("role", "pillar");
            draft.aliases = spellings.aliases();
            self.node(draft);
        }
        for (number, spellings) in &names.policies {
            let Some((name, line)) = spellings.canonical() else {
                continue;
            };
            let mut draft = NodeDraft::new(NodeType::Policy, name, self.source(line, line, line))
                .with_prop("numbering", format!("{number}．"));
            draft.aliases = spellings.aliases();
            self.node(draft);
        }
        for ((policy, number), spellings) in &names.subs {
            let Some((name, line)) = spellings.canonical() else {
                continue;
            };
            let mut draft = NodeDraft::new(NodeType::Measure, name, self.source(line, line, line))
                .with_prop("numbering", format!("{policy}．（{number}）"));
            if let Some(policy_name) = names.policy(*policy) {
                draft = draft.with_prop("policy", policy_name);
            }
            draft.aliases = spellings.aliases();
            self.node(draft);
        }
        for (index, kind) in layout.kinds.iter().enumerate() {
            let context = layout.contexts[index];
            match kind {
                LineKind::Policy(number, _) => {
                    let (Some(policy), Some(pillar)) = (
                        names.policy(*number),
                        context.pillar.and_then(|p| names.pillar(p)),
                    ) else {
                        continue;
                    };
                    let from = node_id(NodeType::Policy, policy);
                    let to = node_id(NodeType::Theme, pillar);
                    let source = self.source(index, index, index);
                    self.edge(&from, Rel::PartOf, &to, source);
                }
                LineKind::SubItems(items) => {
                    let Some(policy_number) = context.policy else {
                        continue;
                    };
                    let Some(policy) = names.policy(policy_number) else {
                        continue;
                    };
                    for (number, _) in items {
                        let Some(sub) = names.sub((policy_number, *number)) else {
                            continue;
                        };
                        let from = node_id(NodeType::Measure, sub);
                        let to = node_id(NodeType::Policy, policy);
                        let source = self.source(index, index, index);
                        self.edge(&from, Rel::PartOf, &to, source);
                    }
                }
                _ => {}
            }
        }
    }

    /// The node id and name of the deepest heading of a context.
    fn context_node(names: &HeadingNames, context: &Context) -> Option<(String, String)> {
        if let Some(name) = context.sub.and_then(|s| names.sub(s)) {
            return Some((node_id(NodeType::Measure, name), name.to_string()));
        }
        if let Some(name) = context.policy.and_then(|p| names.policy(p)) {
            return Some((node_id(NodeType::Policy, name), name.to_string()));
        }
        None
    }

    fn place_titles(&mut self, layout: &Layout<'_>) -> Vec<PlacedTitle> {
        let names = layout.names;
        let mut placed = Vec::new();
        for title in layout.titles {
            let (mut context, header_run) = layout.context_for(title.line);
            let source = self.source(title.line, title.last_line, title.line);
            if let Some(sub) = names.sub_named(&title.name, context.policy) {
                let relisted_under = (context.policy != Some(sub.0))
                    .then(|| Self::context_node(names, &context))
                    .flatten();
                if let (Some((parent, _)), Some(name)) = (relisted_under, names.sub(sub)) {
                    let id = node_id(NodeType::Measure, name);
                    self.edge(&id, Rel::PartOf, &parent, source.clone());
                }
                context.sub = Some(sub);
                context.policy = Some(sub.0);
                let Some(name) = names.sub(sub) else { continue };
                let id = node_id(NodeType::Measure, name);
                placed.push(PlacedTitle {
                    line: title.line,
                    id,
                    name: name.to_string(),
                    context,
                    header_run,
                });
                continue;
            }
            let draft = NodeDraft::new(NodeType::Measure, &title.name, source.clone())
                .with_prop("role", "slide_title");
            let id = self.node(draft);
            if let Some((parent, _)) = Self::context_node(names, &context) {
                self.edge(&id, Rel::PartOf, &parent, source);
            }
            placed.push(PlacedTitle {
                line: title.line,
                id,
                name: title.name.clone(),
                context,
                header_run,
            });
        }
        placed
    }

    fn emit_titles_and_budgets(&mut self, layout: &Layout<'_>, request_year: FiscalYear) {
        let placed = self.place_titles(layout);
        for block in layout.blocks {
            let target = self.budget_target(layout, &placed, block);
            for item in &block.items {
                self.emit_item(layout, block, item, target.as_ref(), request_year);
            }
        }
    }

    /// The measure a budget block pays for: the title it belongs to, or the heading.
    fn budget_target(
        &self,
        layout: &Layout<'_>,
        placed: &[PlacedTitle],
        block: &BudgetBlock,
    ) -> Option<(String, String, Context)> {
        let segment = layout.segments.get(block.marker_line).copied();
        let next_stop = (block.end_line + 1..layout.kinds.len())
            .find(|&i| {
                layout.kinds[i].is_heading()
                    || layout.segments.get(i).copied() != segment
                    || layout.blocks.iter().any(|b| b.marker_line == i)
            })
            .unwrap_or(layout.kinds.len());
        let next_title = placed
            .iter()
            .find(|t| t.line > block.end_line && t.line < next_stop);
        if let Some(title) = next_title {
            let title_key = match_key(&title.name);
            let names_it = block.items.iter().any(|i| match_key(&i.name) == title_key);
            if block.indented || names_it {
                return Some((title.id.clone(), title.name.clone(), title.context));
            }
        }
        let previous = placed
            .iter()
            .rev()
            .find(|t| t.line < block.marker_line)
            .filter(|t| layout.segments.get(t.line).copied() == segment)
            .filter(|t| {
                let run = t.header_run;
                !(t.line + 1..block.marker_line).any(|i| {
                    layout.kinds[i].is_heading()
                        && !run.is_some_and(|(start, end)| i >= start && i <= end)
                })
            });
        if let Some(title) = previous.or(next_title) {
            return Some((title.id.clone(), title.name.clone(), title.context));
        }
        let (context, _) = layout.context_for(block.marker_line);
        Self::context_node(layout.names, &context).map(|(id, name)| (id, name, context))
    }

    fn emit_item(
        &mut self,
        layout: &Layout<'_>,
        block: &BudgetBlock,
        item: &BudgetItem,
        target: Option<&(String, String, Context)>,
        request_year: FiscalYear,
    ) {
        let key = match_key(&item.name);
        let item_source = self.source(item.first_line, item.first_line, item.first_line);
        let sub_name = target.and_then(|(_, _, c)| c.sub.and_then(|s| layout.names.sub(s)));
        let same_as_target = target.is_some_and(|(_, name, _)| match_key(name) == key)
            || sub_name.is_some_and(|n| match_key(n) == key);
        let owner = if same_as_target {
            match target {
                Some((id, name, _)) if match_key(name) == key => id.clone(),
                _ => sub_name.map_or_else(String::new, |n| node_id(NodeType::Measure, n)),
            }
        } else {
            let node_type = if item.name.contains("基金") {
                NodeType::Fund
            } else {
                NodeType::Program
            };
            let draft = NodeDraft::new(node_type, &item.name, item_source.clone())
                .with_prop("role", "budget_item");
            let id = self.node(draft);
            if let Some((target_id, _, _)) = target {
                let inclusive = item.figures.iter().any(|f| f.inclusive);
                self.edge(target_id, Rel::FundedBy, &id, item_source.clone());
                if inclusive {
                    self.mark_inclusive(target_id, &id);
                }
            }
            id
        };
        if block.kind_hint == Some(BudgetKind::FiscalInvestment) {
            let fund = NodeDraft {
                aliases: vec!["財投".into(), "財投等".into()],
                ..NodeDraft::new(
                    NodeType::Fund,
                    "財政投融資",
                    self.source(block.marker_line, block.marker_line, block.marker_line),
                )
            };
            let fund_id = self.node(fund);
            self.edge(&owner, Rel::FundedBy, &fund_id, item_source.clone());
        }
        let share_for = target.map(|(_, name, _)| name.clone());
        for (figure, raw) in resolve_figures(item, block.kind_hint, request_year) {
            self.emit_budget(item, &owner, &figure, raw.as_ref(), share_for.as_deref());
        }
        for (line, note) in &item.notes {
            self.emit_note_agencies(&owner, *line, note);
        }
    }

    fn mark_inclusive(&mut self, from: &str, to: &str) {
        let key = (from.to_string(), Rel::FundedBy, to.to_string());
        if let Some(&index) = self.edge_index.get(&key) {
            self.extraction.edges[index]
                .props
                .insert("inclusive".into(), Value::Bool(true));
        }
    }

    fn emit_budget(
        &mut self,
        item: &BudgetItem,
        owner: &str,
        figure: &BudgetFigure,
        raw: Option<&RawFigure>,
        share_for: Option<&str>,
    ) {
        let mut item_name = item.name.clone();
        if let Some(RawFigure {
            slot: Slot::Within { label, .. },
            ..
        }) = raw
        {
            item_name = format!("{}（うち{}）", item.name, label);
        }
        let component = raw.and_then(|r| r.component.clone());
        let id_name = match &component {
            Some(c) => format!("{item_name}（{c}）"),
            None => item_name.clone(),
        };
        let amount_line = raw.map_or(item.first_line, |r| r.line);
        let amount_text = figure
            .amount_oku
            .map_or_else(|| "事項要求".to_string(), |a| format!("{a}億円"));
        let display = format!(
            "{} {} {} {}",
            id_name,
            figure.fiscal_year.label(),
            figure.kind.as_str(),
            amount_text
        );
        let mut key = figure.id_key(&id_name);
        if figure.inclusive {
            key.push_str(":inclusive");
        }
        if figure.flags.contains(&BudgetFlag::Relisted) {
            key.push_str(":relisted");
        }
        let mut draft = NodeDraft {
            id: node_id(NodeType::Budget, &key),
            node_type: NodeType::Budget,
            name: display,
            aliases: Vec::new(),
            props: figure.to_props(),
            sources: vec![self.source(item.first_line, amount_line, amount_line)],
        };
        draft
            .props
            .insert("item".into(), Value::String(item_name.clone()));
        if let Some(component) = component {
            draft
                .props
                .insert("component".into(), Value::String(component));
        }
        if figure.inclusive {
            draft
                .props
                .insert("inclusive_of".into(), Value::String(item.name.clone()));
            if let Some(share) = share_for {
                draft
                    .props
                    .insert("share_for".into(), Value::String(share.to_string()));
            }
        }
        if !item.notes.is_empty() {
            let notes: Vec<Value> = item
                .notes
                .iter()
                .map(|(_, n)| Value::String(n.clone()))
                .collect();
            draft.props.insert("notes".into(), Value::Array(notes));
        }
        let source = draft.sources.first().cloned();
        let id = self.node(draft);
        if let Some(source) = source {
            self.edge(owner, Rel::HasBudget, &id, source);
        }
    }
}

fn roman_label(numeral: u32) -> String {
    "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ"
        .chars()
        .nth(usize::try_from(numeral.saturating_sub(1)).unwrap_or(0))
        .map_or_else(|| numeral.to_string(), |c| c.to_string())
}

/// The budget figures of an item with their fiscal years and kinds.
fn resolve_figures(
    item: &BudgetItem,
    hint: Option<BudgetKind>,
    request_year: FiscalYear,
) -> Vec<(BudgetFigure, Option<RawFigure>)> {
    if item.figures.is_empty() {
        let figure = BudgetFigure::new(None, request_year, BudgetKind::Other);
        return vec![(figure, None)];
    }
    item.figures
        .iter()
        .map(|raw| {
            let (year, kind, main) = slot_year_kind(&raw.slot, hint, request_year);
            let mut figure = BudgetFigure::new(raw.amount, year, kind);
            figure.inclusive = raw.inclusive;
            if main && item.new {
                figure.flags.insert(BudgetFlag::New);
            }
            if raw.item_request {
                figure.flags.insert(BudgetFlag::ItemRequest);
            }
            if item.relisted {
                figure.flags.insert(BudgetFlag::Relisted);
            }
            (figure, Some(raw.clone()))
        })
        .collect()
}

/// Year, kind and whether the figure is the requested amount.
fn slot_year_kind(
    slot: &Slot,
    hint: Option<BudgetKind>,
    request_year: FiscalYear,
) -> (FiscalYear, BudgetKind, bool) {
    match slot {
        Slot::Main => (request_year, hint.unwrap_or(BudgetKind::Request), true),
        Slot::Year {
            year,
            era_heisei,
            supplementary,
        } => {
            let kind = match hint {
                Some(BudgetKind::FiscalInvestment) => BudgetKind::FiscalInvestment,
                _ if *supplementary => BudgetKind::Supplementary,
                _ => BudgetKind::Initial,
            };
            (slot_year(*year, *era_heisei), kind, false)
        }
        Slot::Within { base, .. } => {
            let (year, _, _) = slot_year_kind(base, hint, request_year);
            (year, BudgetKind::Other, false)
        }
    }
}

// ---------------------------------------------------------------------------------------
// Agencies
// ---------------------------------------------------------------------------------------

/// External bodies (外局) and the ministry they belong to.
const EXTERNAL_BODIES: [(&str, &str); 6] = [
    ("消防庁", "総務省"),
    ("公害等調整委員会", "総務省"),
    ("観光庁", "国土交通省"),
    ("気象庁", "国土交通省"),
    ("海上保安庁", "国土交通省"),
    ("資源エネルギー庁", "経済産業省"),
];

const LEGAL_FORMS: [&str; 7] = [
    "国立研究開発法人",
    "独立行政法人",
    "株式会社",
    "一般社団法人",
    "一般財団法人",
    "公益社団法人",
    "公益財団法人",
];

static LEGAL_BODY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(国立研究開発法人|独立行政法人|株式会社|一般社団法人|一般財団法人|公益社団法人|公益財団法人)\s*([^\s、。，（(「」]{2,30}?(?:機構|協会|法人|機関|センター|研究所|公社))\s*(?:[（(]([A-Za-zＡ-Ｚ]{2,10})[）)])?")
        .expect("legal body pattern")
});
static ABBREVIATED_BODY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"([一-龥ァ-ヶー・]{2,30}?(?:機構|協会|連合|機関|センター))[（(]([A-Za-zＡ-Ｚ]{2,10})[）)]",
    )
    .expect("abbreviated body pattern")
});
static GOVERNMENT_BODY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"内閣府|内閣官房|[一-龥]{1,6}省|(?:[ァ-ヶー]{2,8}|[一-龥]{1,4})庁")
        .expect("government body pattern")
});
static BUREAU: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([一-龥]{1,6}省)\s*([一-龥]{2,8}局)").expect("bureau pattern"));
static COUNCIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"「([^「」]{2,50}?(?:検討会|研究会|審議会|委員会|会議|協議会))」|([一-龥ァ-ヶー]{2,14}(?:審議会|委員会|閣僚会議|推進会議|協議会))")
        .expect("council pattern")
});

/// An agency mention on a line.
#[derive(Debug, Clone)]
struct Mention {
    id: String,
    start: usize,
    end: usize,
}

impl Builder<'_> {
    fn emit_agencies(&mut self, layout: &Layout<'_>) {
        let root = self.root.clone();
        let root_line = root.as_ref().and_then(|name| {
            self.lines
                .iter()
                .position(|l| l.raw.contains(name.as_str()))
        });
        let root_id = match (&root, root_line) {
            (Some(name), Some(line)) => {
                let draft = NodeDraft::new(NodeType::Agency, name, self.source_quote(line, name))
                    .with_prop("role", "publisher");
                Some(self.node(draft))
            }
            _ => None,
        };
        let placed = self.placed_for_relations(layout);
        let texts: Vec<String> = (0..self.lines.len()).map(|i| self.joined_text(i)).collect();
        let mut all_mentions = Vec::with_capacity(texts.len());
        for (index, text) in texts.iter().enumerate() {
            let mentions = self.agency_mentions(index, text, root.as_deref(), root_id.as_deref());
            all_mentions.push(mentions);
        }
        for (index, text) in texts.iter().enumerate() {
            let mut mentions: Vec<Mention> = all_mentions[index].clone();
            for (abbr, id) in &self.abbreviations {
                for (start, _) in text.match_indices(abbr.as_str()) {
                    let end = start + abbr.len();
                    let bounded = !text[..start]
                        .chars()
                        .next_back()
                        .is_some_and(|c| c.is_ascii_alphanumeric())
                        && !text[end..]
                            .chars()
                            .next()
                            .is_some_and(|c| c.is_ascii_alphanumeric());
                    let inside = mentions.iter().any(|m| m.start <= start && start < m.end);
                    if bounded && !inside {
                        mentions.push(Mention {
                            id: id.clone(),
                            start,
                            end,
                        });
                    }
                }
            }
            if mentions.is_empty() {
                continue;
            }
            mentions.sort_by_key(|m| m.start);
            let measure = measure_at(layout, &placed, index);
            self.agency_relations(index, text, &mentions, measure.as_deref());
        }
    }

    fn placed_for_relations(&self, layout: &Layout<'_>) -> Vec<PlacedTitle> {
        layout
            .titles
            .iter()
            .map(|title| {
                let (mut context, header_run) = layout.context_for(title.line);
                let (id, name) = match layout.names.sub_named(&title.name, context.policy) {
                    Some(sub) => {
                        context.sub = Some(sub);
                        let name = layout.names.sub(sub).unwrap_or(&title.name).to_string();
                        (node_id(NodeType::Measure, &name), name)
                    }
                    None => (node_id(NodeType::Measure, &title.name), title.name.clone()),
                };
                PlacedTitle {
                    line: title.line,
                    id,
                    name,
                    context,
                    header_run,
                }
            })
            .collect()
    }

    /// The line's text, joined with the next line when a body's legal form ends it.
    fn joined_text(&self, index: usize) -> String {
        let text = self.lines[index].text.clone();
        if LEGAL_FORMS.iter().any(|f| text.ends_with(f))
            && let Some(next) = next_content(self.lines, index + 1).filter(|&n| n <= index + 2)
        {
            return format!("{text}{}", self.lines[next].text);
        }
        text
    }

    /// Agencies named on a line, with the abbreviation each one defines.
    fn agency_mentions(
        &mut self,
        index: usize,
        text: &str,
        root: Option<&str>,
        root_id: Option<&str>,
    ) -> Vec<Mention> {
        let mut found: Vec<Mention> = Vec::new();
        let overlaps = |found: &Vec<Mention>, s: usize, e: usize| {
            found.iter().any(|m| s < m.end && m.start < e)
        };
        for caps in LEGAL_BODY.captures_iter(text) {
            let (Some(whole), Some(form), Some(name)) = (caps.get(0), caps.get(1), caps.get(2))
            else {
                continue;
            };
            let full = format!("{}{}", form.as_str(), name.as_str());
            let abbr = caps.get(3).map(|m| crate::normalize::nfkc(m.as_str()));
            let mut aliases = vec![name.as_str().to_string()];
            aliases.extend(abbr.clone());
            let id = self.agency(index, &full, aliases, whole.as_str());
            self.remember(&id, name.as_str(), abbr.as_deref());
            found.push(Mention {
                id,
                start: whole.start(),
                end: whole.end(),
            });
        }
        for caps in ABBREVIATED_BODY.captures_iter(text) {
            let (Some(whole), Some(name), Some(abbr)) = (caps.get(0), caps.get(1), caps.get(2))
            else {
                continue;
            };
            if overlaps(&found, whole.start(), whole.end()) {
                continue;
            }
            let abbr = crate::normalize::nfkc(abbr.as_str());
            let known = self
                .abbreviations
                .get(&abbr)
                .or_else(|| self.abbreviations.get(name.as_str()))
                .cloned();
            let id = match known {
                Some(id) => id,
                None => self.agency(index, name.as_str(), vec![abbr.clone()], whole.as_str()),
            };
            self.remember(&id, name.as_str(), Some(&abbr));
            found.push(Mention {
                id,
                start: whole.start(),
                end: whole.end(),
            });
        }
        for caps in BUREAU.captures_iter(text) {
            let (Some(whole), Some(ministry), Some(bureau)) =
                (caps.get(0), caps.get(1), caps.get(2))
            else {
                continue;
            };
            if Some(ministry.as_str()) != root || overlaps(&found, whole.start(), whole.end()) {
                continue;
            }
            let full = format!("{}{}", ministry.as_str(), bureau.as_str());
            let id = self.agency(
                index,
                &full,
                vec![bureau.as_str().to_string()],
                whole.as_str(),
            );
            if let Some(root_id) = root_id {
                let source = self.source_quote(index, whole.as_str());
                self.edge(&id, Rel::PartOf, root_id, source);
            }
            found.push(Mention {
                id,
                start: whole.start(),
                end: whole.end(),
            });
        }
        for found_body in GOVERNMENT_BODY.find_iter(text) {
            let name = found_body.as_str();
            if !plausible_government_body(name, &text[found_body.end()..])
                || overlaps(&found, found_body.start(), found_body.end())
            {
                continue;
            }
            let id = self.agency(index, name, Vec::new(), name);
            let ministry = EXTERNAL_BODIES
                .iter()
                .find(|(body, _)| *body == name)
                .map(|(_, ministry)| *ministry);
            if let (Some(ministry), Some(root_id)) = (ministry, root_id)
                && Some(ministry) == root
            {
                let source = self.source_quote(index, name);
                self.edge(&id, Rel::PartOf, root_id, source);
            }
            found.push(Mention {
                id,
                start: found_body.start(),
                end: found_body.end(),
            });
        }
        for caps in COUNCIL.captures_iter(text) {
            let Some(name) = caps.get(1).or_else(|| caps.get(2)) else {
                continue;
            };
            let after_digit = text[..name.start()]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c));
            let mut clean = root
                .and_then(|r| name.as_str().strip_prefix(r))
                .unwrap_or(name.as_str());
            if after_digit {
                clean = clean.trim_start_matches(['年', '月', '日']);
            }
            if overlaps(&found, name.start(), name.end()) || clean.chars().count() < 4 {
                continue;
            }
            let id = self.agency(index, clean, Vec::new(), name.as_str());
            found.push(Mention {
                id,
                start: name.start(),
                end: name.end(),
            });
        }
        found.sort_by_key(|m| m.start);
        found
    }

    fn remember(&mut self, id: &str, name: &str, abbr: Option<&str>) {
        for key in [Some(name), abbr].into_iter().flatten() {
            self.abbreviations
                .entry(key.to_string())
                .or_insert_with(|| id.to_string());
        }
    }

    fn agency(&mut self, index: usize, name: &str, aliases: Vec<String>, quote: &str) -> String {
        let source = self.source_quote(index, quote);
        let mut draft = NodeDraft::new(NodeType::Agency, name, source);
        draft.aliases = aliases.into_iter().filter(|a| a != name).collect();
        self.node(draft)
    }

    /// Relations the line states between the slide's measure and the agencies it names.
    fn agency_relations(
        &mut self,
        index: usize,
        text: &str,
        mentions: &[Mention],
        measure: Option<&str>,
    ) {
        if text.contains("共同設置") {
            let councils: Vec<&Mention> = mentions
                .iter()
                .filter(|m| COUNCIL.is_match(&text[m.start..m.end]))
                .collect();
            for council in &councils {
                for other in mentions {
                    if other.id != council.id && !councils.iter().any(|c| c.id == other.id) {
                        let source = self.source(index, index, index);
                        self.edge(&council.id, Rel::CollaboratesWith, &other.id, source);
                    }
                }
            }
        }
        let Some(measure) = measure else { return };
        for mention in mentions {
            let after: String = text[mention.end..].chars().take(16).collect();
            let after = after.trim_start_matches(['）', ')', '」']);
            let rel = if after.starts_with("が拠点")
                || after.starts_with("の下")
                || after.starts_with("が中心")
                || after.starts_with("において運用")
                || after.starts_with("が主体")
            {
                Some(Rel::Responsible)
            } else if after.contains("と連携")
                || after.contains("との連携")
                || after.starts_with("と協力")
                || after.starts_with("と共同")
            {
                Some(Rel::CollaboratesWith)
            } else {
                None
            };
            if let Some(rel) = rel {
                let source = self.source(index, index, index);
                self.edge(measure, rel, &mention.id, source);
            }
        }
    }

    /// Agencies named in a budget note (`※…一括計上予算`, `※…で予算計上後…`).
    fn emit_note_agencies(&mut self, owner: &str, line: usize, note: &str) {
        for found in GOVERNMENT_BODY.find_iter(note) {
            let name = found.as_str();
            if !plausible_government_body(name, &note[found.end()..])
                || self.root.as_deref() == Some(name)
            {
                continue;
            }
            let id = self.agency(line, name, Vec::new(), name);
            let mut source = self.source(line, line, line);
            if !self
                .lines
                .get(line)
                .is_some_and(|l| l.raw.contains(&source.quote))
            {
                source.quote = name.to_string();
            }
            self.edge(owner, Rel::CollaboratesWith, &id, source);
        }
    }

    /// Amounts written outside every `【予算】` block, and figures that could not be read.
    fn emit_unparsed_amounts(
        &mut self,
        layout: &Layout<'_>,
        consumed: &[bool],
        request_year: FiscalYear,
    ) {
        let blocks = layout.blocks;
        for (index, line) in self.lines.iter().enumerate() {
            if consumed.get(index).copied().unwrap_or(false) {
                continue;
            }
            let events = scan_events(&line.text);
            let has_amount = events.iter().any(|e| matches!(e, Event::Amount { .. }));
            if has_amount && self.standalone_bracket(layout, index, &events, request_year) {
                continue;
            }
            if has_amount {
                let source = self.source(index, index, index);
                self.extraction.unparsed.push(source);
            }
        }
        for block in blocks {
            let unreadable = block.items.is_empty()
                || block
                    .items
                    .iter()
                    .flat_map(|i| &i.figures)
                    .any(|f| f.amount.is_none() && !f.item_request);
            if unreadable {
                let source = self.source(block.marker_line, block.end_line, block.marker_line);
                self.extraction.unparsed.push(source);
            }
        }
    }
}

impl Builder<'_> {
    /// A bracket standing alone in a slide body, `（令和6年度補正予算：27億円の内数）`: a
    /// figure of the slide's measure. Returns whether the line was read.
    fn standalone_bracket(
        &mut self,
        layout: &Layout<'_>,
        index: usize,
        events: &[Event],
        request_year: FiscalYear,
    ) -> bool {
        let text = self.lines[index].text.as_str();
        let bracketed = text.starts_with(['（', '(']) && text.ends_with(['）', ')']);
        if !bracketed || !matches!(events.first(), Some(Event::Year { .. })) {
            return false;
        }
        let placed = self.placed_for_relations(layout);
        let Some(measure) = measure_at(layout, &placed, index) else {
            return false;
        };
        let Some(name) = self
            .node_index
            .get(&measure)
            .map(|&i| self.extraction.nodes[i].name.clone())
        else {
            return false;
        };
        let mut item = BudgetItem {
            name,
            first_line: index,
            last_line: index,
            ..BudgetItem::default()
        };
        add_events(&mut item, index, text, events, false);
        for (figure, raw) in resolve_figures(&item, None, request_year) {
            self.emit_budget(&item, &measure, &figure, raw.as_ref(), None);
        }
        true
    }
}

/// Whether a 省/庁 match names a government body rather than a word like 省エネ or 各府省.
fn plausible_government_body(name: &str, after: &str) -> bool {
    const NOT_BODIES: [&str; 6] = ["各", "関係", "本", "府", "他", "両"];
    let bad_start = NOT_BODIES.iter().any(|p| name.starts_with(p));
    let bad_next = after.starts_with(['力', 'エ', '令', '略', '庁', '舎']);
    name.chars().count() >= 2 && !bad_start && !bad_next && name != "省庁"
}

/// The measure a body line belongs to: the slide title above it, or its heading.
fn measure_at(layout: &Layout<'_>, placed: &[PlacedTitle], line: usize) -> Option<String> {
    let segment = layout.segments.get(line).copied();
    let title = placed
        .iter()
        .rev()
        .find(|t| t.line <= line)
        .filter(|t| layout.segments.get(t.line).copied() == segment);
    if let Some(title) = title {
        return Some(title.id.clone());
    }
    let (context, _) = layout.context_for(line);
    Builder::context_node(layout.names, &context).map(|(id, _)| id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Corpus, DocKind, DocumentInfo};
    use proptest::prelude::*;
    use std::path::Path;

    fn doc(text: &str) -> SeedDoc {
        SeedDoc::from_text(
            DocumentInfo {
                file: "test.txt".into(),
                title: "重点施策".into(),
                publisher: "総務省".into(),
                date: "2025-08".into(),
                kind: DocKind::BudgetRequest,
            },
            text,
        )
    }

    fn budgets(extraction: &Extraction) -> Vec<(String, String, String, Value, bool)> {
        extraction
            .nodes
            .iter()
            .filter(|n| n.node_type == NodeType::Budget)
            .map(|n| {
                let get = |k: &str| n.props.get(k).cloned().unwrap_or(Value::Null);
                (
                    get("item").as_str().unwrap_or_default().to_string(),
                    get("fy").as_str().unwrap_or_default().to_string(),
                    get("kind").as_str().unwrap_or_default().to_string(),
                    get("amount_oku_yen"),
                    get("inclusive").as_bool().unwrap_or(false),
                )
            })
            .collect()
    }

    fn has_edge(extraction: &Extraction, from: &str, rel: Rel, to: &str) -> bool {
        extraction
            .edges
            .iter()
            .any(|e| e.rel == rel && e.from.contains(from) && e.to.contains(to))
    }

    const SLIDE: &str = "Ⅱ 豊かな地域の実現\n２．交流の促進\n（１）交流拠点の整備\n\n7\n\n交流拠点整備の支援\n• 拠点を整備する。\n\n【予算】交流拠点整備に要する経費\n\n4.2億円（８年度補正 1.5億円 ８年度 2.5億円）\n";

    #[test]
    fn reads_headings_titles_and_split_comparisons() {
        let extraction = extract(&doc(SLIDE));
        let found = budgets(&extraction);
        let amount = |a: &str| Value::String(a.into());
        assert!(found.contains(&(
            "交流拠点整備に要する経費".into(),
            "R9".into(),
            "request".into(),
            amount("4.2"),
            false
        )));
        assert!(found.contains(&(
            "交流拠点整備に要する経費".into(),
            "R8".into(),
            "supplementary".into(),
            amount("1.5"),
            false
        )));
        assert!(found.contains(&(
            "交流拠点整備に要する経費".into(),
            "R8".into(),
            "initial".into(),
            amount("2.5"),
            false
        )));
        assert!(has_edge(
            &extraction,
            "交流拠点の整備",
            Rel::PartOf,
            "交流の促進"
        ));
        assert!(has_edge(
            &extraction,
            "交流の促進",
            Rel::PartOf,
            "豊かな地域の実現"
        ));
        assert!(has_edge(
            &extraction,
            "交流拠点整備の支援",
            Rel::PartOf,
            "交流拠点の整備"
        ));
        assert!(has_edge(
            &extraction,
            "交流拠点整備の支援",
            Rel::FundedBy,
            "交流拠点整備に要する経費"
        ));
        // The page number is never an amount.
        assert!(found.iter().all(|b| b.3 != amount("7")));
    }

    #[test]
    fn multi_item_blocks_item_requests_and_inclusive_amounts() {
        let text = "１．基盤の整備\n（１）網の整備\n網の整備\n• 整備する。\n\n【予算】\n研究開発費 10.5億円の内数（７年度 9.0億円の内数）\n試験事務 4.0億円（７年度 3.0億円の内数）【再掲】\n\n新網構築事業\n\n事項要求（新規）\n\n調査経費\n2.0億円＋事項要求（６年度補正 1.0億円の一部）\n";
        let extraction = extract(&doc(text));
        let found = budgets(&extraction);
        let amount = |a: &str| Value::String(a.into());
        assert!(found.contains(&(
            "研究開発費".into(),
            "R8".into(),
            "request".into(),
            amount("10.5"),
            true
        )));
        assert!(found.contains(&(
            "研究開発費".into(),
            "R7".into(),
            "initial".into(),
            amount("9.0"),
            true
        )));
        assert!(found.contains(&(
            "試験事務".into(),
            "R8".into(),
            "request".into(),
            amount("4.0"),
            false
        )));
        assert!(found.contains(&(
            "試験事務".into(),
            "R7".into(),
            "initial".into(),
            amount("3.0"),
            true
        )));
        assert!(found.contains(&(
            "新網構築事業".into(),
            "R8".into(),
            "request".into(),
            Value::Null,
            false
        )));
        assert!(found.contains(&(
            "調査経費".into(),
            "R6".into(),
            "supplementary".into(),
            amount("1.0"),
            true
        )));
        let flags = |item: &str, fy: &str| -> Vec<Value> {
            extraction
                .nodes
                .iter()
                .find(|n| {
                    n.props.get("item") == Some(&Value::String(item.into()))
                        && n.props.get("fy") == Some(&Value::String(fy.into()))
                })
                .and_then(|n| n.props.get("flags").and_then(|f| f.as_array().cloned()))
                .unwrap_or_default()
        };
        assert!(flags("新網構築事業", "R8").contains(&Value::String("new".into())));
        assert!(flags("新網構築事業", "R8").contains(&Value::String("item_request".into())));
        assert!(flags("調査経費", "R8").contains(&Value::String("item_request".into())));
        assert!(flags("試験事務", "R7").contains(&Value::String("relisted".into())));
    }

    #[test]
    fn wrapped_names_cho_yen_split_brackets_and_fiscal_investment() {
        let text = "【予算】地方交付金（交付\nベース） 19.3兆円（７年度 19.0兆円）\n\n【予算】強靱化対策事業\n30.0億円（６年度補正 5.0億円\n\n ７年度 0. 1億円）\n\n【予算（財投等） 】\n機構の出資\n産業投資680.0億円 政府保証120.0億円（７年度 産業投資500.0億円 政府保証120.0億円）\n市場規模 ４兆円⇒８兆円\n";
        let extraction = extract(&doc(text));
        let found = budgets(&extraction);
        let amount = |a: &str| Value::String(a.into());
        assert!(found.contains(&(
            "地方交付金（交付ベース）".into(),
            "R8".into(),
            "request".into(),
            amount("193000.0"),
            false
        )));
        assert!(found.contains(&(
            "強靱化対策事業".into(),
            "R7".into(),
            "initial".into(),
            amount("0.1"),
            false
        )));
        assert!(found.contains(&(
            "機構の出資".into(),
            "R8".into(),
            "fiscal_investment".into(),
            amount("680.0"),
            false
        )));
        assert!(found.contains(&(
            "機構の出資".into(),
            "R7".into(),
            "fiscal_investment".into(),
            amount("120.0"),
            false
        )));
        assert!(found.iter().all(|b| b.3 != amount("40000")));
        assert!(!extraction.unparsed.is_empty());
    }

    #[test]
    fn body_printed_before_its_header_joins_that_header() {
        let text = "Ⅰ 地域\n１．活性化\n（１）交流の推進\n交流の推進\n• 推進する。\n【予算】交流事業 1.0億円\n 救急の展開\n• 展開する。\n【予算】救急の展開 事項要求（新規）\n\nⅠ 地域\n１．活性化\n（２）救急の展開\n";
        let extraction = extract(&doc(text));
        assert!(has_edge(&extraction, "救急の展開", Rel::PartOf, "活性化"));
        assert!(!has_edge(
            &extraction,
            "救急の展開",
            Rel::PartOf,
            "交流の推進"
        ));
        assert!(has_edge(
            &extraction,
            "救急の展開",
            Rel::HasBudget,
            "救急の展開"
        ));
    }

    #[test]
    fn agencies_and_their_stated_roles() {
        let text = "１．研究の推進\n（１）データ整備\nデータの整備\n• 国立研究開発法人\n\n情報通信研究機構（NICT）が拠点となり、データを整備。\n• 厚生労働省と連携し、NICTの知見を活用。\n• 総務省行政評価局が調査。\n【予算】データ整備事業 1.0億円\n※一部デジタル庁一括計上予算\n";
        let extraction = extract(&doc(text));
        assert!(has_edge(
            &extraction,
            "データの整備",
            Rel::Responsible,
            "国立研究開発法人情報通信研究機構"
        ));
        assert!(has_edge(
            &extraction,
            "データの整備",
            Rel::CollaboratesWith,
            "厚生労働省"
        ));
        assert!(has_edge(
            &extraction,
            "総務省行政評価局",
            Rel::PartOf,
            "agency:総務省"
        ));
        assert!(has_edge(
            &extraction,
            "データ整備事業",
            Rel::CollaboratesWith,
            "デジタル庁"
        ));
        let nict = extraction
            .nodes
            .iter()
            .find(|n| n.name == "国立研究開発法人情報通信研究機構");
        assert!(nict.is_some_and(|n| n.aliases.contains(&"NICT".to_string())));
    }

    fn check_sources(doc: &SeedDoc, extraction: &Extraction) {
        let sources = extraction
            .nodes
            .iter()
            .flat_map(|n| &n.sources)
            .chain(extraction.edges.iter().flat_map(|e| &e.sources))
            .chain(&extraction.unparsed);
        for source in sources {
            let lines: Vec<&str> = (source.line_start..=source.line_end)
                .map(|n| doc.line(n))
                .collect();
            assert!(source.line_start >= 1 && source.line_start <= source.line_end);
            assert!(lines.join("\n").contains(&source.quote), "{source:?}");
        }
        for node in &extraction.nodes {
            assert!(!node.sources.is_empty(), "{node:?}");
        }
        for edge in &extraction.edges {
            assert!(!edge.sources.is_empty(), "{edge:?}");
        }
    }

    #[test]
    fn real_seed_extracts_the_deck() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let Ok(corpus) = Corpus::load(&dir) else {
            panic!("seed corpus missing");
        };
        let docs: Vec<&SeedDoc> = corpus
            .docs
            .iter()
            .filter(|d| d.info.kind == DocKind::BudgetRequest)
            .collect();
        assert!(!docs.is_empty());
        for seed in docs {
            let extraction = extract(seed);
            check_sources(seed, &extraction);
            let count = |t: NodeType| extraction.nodes.iter().filter(|n| n.node_type == t).count();
            assert!(count(NodeType::Budget) > 250, "{}", count(NodeType::Budget));
            assert!(count(NodeType::Theme) >= 5);
            assert!(count(NodeType::Policy) >= 15);
            let found = budgets(&extraction);
            assert!(found.iter().any(|b| b.1 == "R8"
                && b.2 == "request"
                && b.3 == Value::String("193000.0".into())));
        }
    }

    proptest! {
        #[test]
        fn never_panics_on_random_text(text in "(\\PC|\n|【予算】|（６年度補正 |億円|事項要求|Ⅰ |１．|（１）| ){0,80}") {
            let seed = doc(&text);
            let extraction = extract(&seed);
            check_sources(&seed, &extraction);
        }
    }
}
