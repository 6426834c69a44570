//! Parser for 予算の概要 (a ministry's budget overview): headline totals and summary tables,
//! the numbered list of 主要事項 (pillars, main items, sub-items) and its detailed part
//! (sub-sub-items, `R6 (R5)` amount pairs, 【主な経費】 cost lines, bullet amounts), and the
//! 財投 (fiscal investment and loan) request.
//!
//! The document is read in two phases: a line-by-line pass records headings keyed by their
//! numbering path, programs (cost lines, bullet amounts, table rows), budget figures and
//! explicit relations; a second pass turns the records into node and edge drafts, giving
//! items whose name recurs at another path an id qualified by that path.

use super::recognise::laws::find_laws;
use crate::corpus::SeedDoc;
use crate::graph::model::{
    EdgeDraft, Extraction, NodeDraft, NodeType, Rel, Source, id_key, node_id,
};
use crate::money::{
    BudgetFigure, BudgetFlag, BudgetKind, FiscalYear, detect_qualifiers, find_amounts,
    find_fiscal_years, parse_number, to_oku,
};
use crate::normalize::nfkc;
use regex::Regex;
use rust_decimal::Decimal;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::LazyLock;

/// Longest quote kept on a source, in chars.
const MAX_QUOTE_CHARS: usize = 200;

const NUM: &str = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?";

static PILLAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(VIII|VII|VI|IV|IX|III|II|I|V|X|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ])[\s　]+(\S.*)$").expect("pillar")
});
static MAIN_ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,2})\s*[.．]\s*(\D.*)$").expect("main item"));
static SUB_ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[(（](\d{1,2})[)）]\s*(.*)$").expect("sub item"));
static SUBSUB_ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[(（]([a-z])[)）]\s*(.*)$").expect("sub-sub item"));
static MARKER_AHEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[*\s]*(?:[(（][a-z0-9]{1,2}[)）]|\d{1,2}\s*[.．]\s*\D)").expect("marker ahead")
});
static PAIR_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<all>(?P<open>[\[〔［])?\s*(?P<a>{NUM})\s*(?P<ai>の内数)?\s*[（(]\s*(?:(?P<b>{NUM})\s*(?P<bi>の内数)?|(?P<new>新規))\s*[）)]\s*(?P<close>[\]〕］])?\s*\*?)\s*$"
    ))
    .expect("pair tail")
});
static UNIT_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<all>(?P<open>[\[〔［])?\s*(?P<a>{NUM})\s*億円\s*(?P<ai>の内数)?\s*(?P<close>[\]〕］])?)\s*$"
    ))
    .expect("unit tail")
});
static ACCOUNT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^第\s*\d+\s+(\S.*)$").expect("account"));
static UNIT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[（(](?:単位[:：]\s*)?(億円|百万円|千万円|千円|万円|兆円)[）)]$")
        .expect("unit line")
});
static FLAGS_ONLY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[(（](後掲|再掲|新規)[)）]$").expect("flags only"));
static ORG_ABBR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([\p{Han}\p{Katakana}][\p{Han}\p{Katakana}ー・]+(?:機構|協会|連合|大学校|委員会))\s*[(（]([A-Za-z][A-Za-z\-]{1,9})[)）]")
        .expect("org abbr")
});
static ORG_PLAIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([\p{Han}\p{Katakana}][\p{Han}\p{Katakana}ー・]+(?:機構|協会|連合|大学校))(?:において|による|が|を中核|を通じ|と連携|への拠出)")
        .expect("org plain")
});
static ACRONYM_LIST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:[A-Z][A-Za-z0-9]+\s*(?:や|、|及び)\s*)*[A-Z][A-Za-z0-9]+)\s*等?との連携")
        .expect("acronym list")
});
static ACRONYM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[A-Z][A-Za-z0-9]+").expect("acronym"));
static REQUESTED_BODY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([A-Z]{2,6})\s*に[^。、]{0,30}を要請").expect("requested body"));
static SUB_UNIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*の([\p{Han}\p{Katakana}][\p{Han}\p{Katakana}ー・]+(?:センター|研究所|本部))において",
    )
    .expect("sub unit")
});
static QUOTED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"「([^「」]{2,80})」").expect("quoted"));
static DECLARATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:[A-Z0-9]+\s*)?[\p{Han}\p{Katakana}][\p{Han}\p{Katakana}ー・]+(?:宣言|声明|コミュニケ)|[\p{Han}\p{Katakana}][\p{Han}\p{Katakana}ー・]+計画[(（][\p{Katakana}ー]+[)）])")
        .expect("declaration")
});
static FUND_GROW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([\p{Han}\p{Katakana}][\p{Han}\p{Katakana}ー・]+基金)を(?:拡充|活用|造成)")
        .expect("fund grow")
});
static REVENUE_SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([\p{Han}\p{Katakana}][\p{Han}\p{Katakana}ー・]+財源)による").expect("revenue")
});
static TRANSFER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([\p{Han}\p{Katakana}][\p{Han}\p{Katakana}ー・]+(?:交付税|交付金))により")
        .expect("transfer")
});
static TARGET_GOAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:令和|平成)?\s*\d+\s*年度)までに([^、。を]{2,30})を([^、。]{1,20}?)にする(?:という)?目標")
        .expect("target goal")
});
static RATE_UP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([\p{Han}\p{Katakana}][\p{Han}\p{Katakana}ー・]+(?:比率|率))の向上")
        .expect("rate up")
});
static GRANTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"交付する([\p{Han}\p{Katakana}][\p{Han}\p{Katakana}ー・]+(?:交付税|交付金))")
        .expect("granted")
});
static NAMED_ACTIVITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([\p{Han}\p{Katakana}ー・]*(?:講習|演習|育成|取組|プロジェクト))\s*[(（]([A-Z][A-Za-z0-9\-]{2,})[)）]")
        .expect("named activity")
});
static LATIN_PROGRAM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([A-Z][A-Za-z0-9]+\s?プログラム)").expect("latin program"));
static GUIDELINE_WORK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([A-Za-z0-9\p{Han}\p{Katakana}][A-Za-z0-9\p{Han}\p{Katakana}ー・]*ガイドライン)の(?:整備|策定|改定|精緻化)")
        .expect("guideline work")
});
static UNQUOTED_BASIS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([\p{Han}\p{Katakana}][\p{Han}\p{Katakana}ー・]+(?:パッケージ|計画|方針|戦略|指針|ビジョン|大綱))等?(?:に基づ|を踏まえ)")
        .expect("unquoted basis")
});
static COUNCIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([\p{Han}\p{Katakana}][\p{Han}\p{Katakana}ー・]+(?:会議|委員会|協議会))の(?:中間)?(?:とりまとめ|取りまとめ|報告|答申|提言)")
        .expect("council")
});
static YEAR_PREFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:令和|平成)\s*(?:元|\d+)\s*年度").expect("year prefix"));

/// Reads a budget overview document into node and edge drafts.
pub fn extract(doc: &SeedDoc) -> Extraction {
    let mut parser = Parser::new(doc);
    parser.run();
    emit(parser)
}

// ---------------------------------------------------------------------------------------------
// Phase 1 records
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Level {
    Pillar,
    Main,
    Sub,
    SubSub,
}

impl Level {
    fn node_type(self) -> NodeType {
        match self {
            Level::Pillar => NodeType::Theme,
            Level::Main => NodeType::Policy,
            Level::Sub | Level::SubSub => NodeType::Measure,
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            Level::Pillar => "pillar",
            Level::Main => "main_item",
            Level::Sub => "sub_item",
            Level::SubSub => "sub_sub_item",
        }
    }
}

/// One budget figure with where it was read and extra properties.
#[derive(Debug, Clone)]
struct Fig {
    figure: BudgetFigure,
    source: Source,
    extra: Map<String, Value>,
    key_suffix: Option<String>,
}

#[derive(Debug, Clone)]
struct Heading {
    level: Level,
    path: String,
    parent: Option<usize>,
    /// Names per sighting (summary list, detailed part); the first is canonical.
    names: Vec<String>,
    sources: Vec<Source>,
    figs: Vec<Fig>,
    no_initial_amount: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ProgramRole {
    Account,
    TableRow,
    Cost,
    Bullet,
    Breakdown,
    Financing,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Owner {
    None,
    Heading(usize),
    Program(usize),
}

#[derive(Debug, Clone)]
struct Program {
    role: ProgramRole,
    name: String,
    owner: Owner,
    source: Source,
    figs: Vec<Fig>,
    pending_amount: bool,
    props: Map<String, Value>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Subject {
    Heading(usize),
    Program(usize),
    Entity(usize),
}

#[derive(Debug, Clone)]
struct Entity {
    node_type: NodeType,
    name: String,
    aliases: Vec<String>,
    source: Source,
    props: Map<String, Value>,
}

#[derive(Debug, Clone)]
struct Link {
    subject: Subject,
    rel: Rel,
    object: usize,
    source: Source,
}

/// Fiscal years and kind the document's amounts refer to by default.
#[derive(Debug, Clone, Copy)]
struct YearCtx {
    draft: FiscalYear,
    kind: BudgetKind,
    previous: FiscalYear,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Tables,
    Items,
    Financing,
}

#[derive(Debug, Clone)]
enum Column {
    Figure(FiscalYear, BudgetKind, String),
    /// 比較増減額: the change of the draft year's figure from the year before.
    Change,
    /// 増減率 in percent.
    Rate,
    Skip,
}

/// A piece of a line: merged headings are split, bold markers removed in `clean`.
#[derive(Debug, Clone)]
struct Piece {
    line: u32,
    raw: String,
    clean: String,
}

/// A figure as parsed from text, before it gets its source.
#[derive(Debug, Clone)]
struct FigSpec {
    figure: BudgetFigure,
    needle: String,
}

#[derive(Debug, Clone, Copy)]
struct Open {
    heading: usize,
    sighting: usize,
    accepts_name: bool,
}

struct Parser<'a> {
    doc: &'a SeedDoc,
    ctx: Option<YearCtx>,
    section: Section,
    headings: Vec<Heading>,
    by_path: HashMap<String, usize>,
    pillar: Option<usize>,
    main: Option<u32>,
    main_pillar: HashMap<u32, usize>,
    sub: Option<u32>,
    last_sub: Option<u32>,
    current: Option<usize>,
    open: Option<Open>,
    programs: Vec<Program>,
    in_cost_block: bool,
    last_program: Option<usize>,
    last_figs_from: usize,
    last_bullet: Option<usize>,
    entities: Vec<Entity>,
    entity_index: HashMap<String, usize>,
    links: Vec<Link>,
    pending_fund: Option<usize>,
    pending_fund_agency: Option<usize>,
    bullet_links: Vec<(Rel, usize, Source)>,
    abbr: HashMap<String, String>,
    unparsed: Vec<Source>,
    account: Option<usize>,
    columns: Vec<Column>,
    unit: String,
    financing: Option<(FiscalYear, BudgetKind)>,
    financing_item: Option<usize>,
}

// ---------------------------------------------------------------------------------------------
// Small text helpers
// ---------------------------------------------------------------------------------------------

/// At most `max` chars of `text`, cut on a char boundary.
fn clip(text: &str, max: usize) -> &str {
    match text.char_indices().nth(max) {
        Some((index, _)) => &text[..index],
        None => text,
    }
}

/// A quote of at most [`MAX_QUOTE_CHARS`] chars from `raw` that contains `needle` if possible.
fn window<'t>(raw: &'t str, needle: &str) -> &'t str {
    if raw.chars().count() <= MAX_QUOTE_CHARS {
        return raw;
    }
    let Some(at) = (!needle.is_empty()).then(|| raw.find(needle)).flatten() else {
        return clip(raw, MAX_QUOTE_CHARS);
    };
    let before: Vec<usize> = raw[..at].char_indices().map(|(i, _)| i).collect();
    let keep_before = MAX_QUOTE_CHARS.saturating_sub(needle.chars().count() + 20);
    let start = before
        .len()
        .checked_sub(keep_before)
        .and_then(|i| before.get(i).copied())
        .unwrap_or(0);
    clip(&raw[start..], MAX_QUOTE_CHARS)
}

/// Name normalised for comparing and keying: NFKC without white space.
fn norm(name: &str) -> String {
    id_key(name)
}

/// Trims white space and bold markers.
fn trim_marks(text: &str) -> &str {
    text.trim_matches(|c: char| c.is_whitespace() || c == '*')
}

/// Whether a piece is only table rule characters.
fn is_rule(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| matches!(c, '-' | '|' | ':' | ' ' | '\t' | '—'))
        && text.contains('-')
}

/// Splits a line where a numbering marker follows bold markers (`…**(a) …`).
fn split_pieces(line: &str) -> Vec<&str> {
    let mut cuts = vec![0usize];
    for (at, _) in line.match_indices("**") {
        let last = cuts.last().copied().unwrap_or(0);
        if at <= last || trim_marks(&line[last..at]).is_empty() {
            continue;
        }
        if MARKER_AHEAD.is_match(&line[at..]) {
            cuts.push(at);
        }
    }
    cuts.push(line.len());
    cuts.windows(2)
        .map(|w| trim_marks(&line[w[0]..w[1]]))
        .filter(|p| !p.is_empty())
        .collect()
}

/// Table cells of a summary row (tab- or `|`-separated), trimmed and non-empty.
fn cells(clean: &str) -> Vec<&str> {
    clean
        .split(['\t', '|'])
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect()
}

fn bracket_flags(open: bool, close: bool, text: &str) -> (bool, bool) {
    let tortoise = text.contains('〔') || text.contains('〕');
    (open || close, tortoise)
}

/// Reads an amount tail (`X (Y)`, `[X (Y)]`, `X 億円`, `〔X億円の内数〕`) at the end of `text`.
/// Returns the text before the tail and the figures.
fn parse_tail(text: &str, ctx: &YearCtx) -> Option<(String, Vec<FigSpec>)> {
    if let Some(caps) = PAIR_TAIL.captures(text) {
        let all = caps.name("all")?;
        if preceded_by_number(text, all.start()) {
            return None;
        }
        let a = caps.name("a")?;
        let (bracketed, _) = bracket_flags(
            caps.name("open").is_some(),
            caps.name("close").is_some(),
            all.as_str(),
        );
        let mut figs = Vec::new();
        let mut first = BudgetFigure::new(parse_number(a.as_str()), ctx.draft, ctx.kind);
        first.inclusive = caps.name("ai").is_some();
        if bracketed {
            first.flags.insert(BudgetFlag::Bracketed);
        }
        if caps.name("new").is_some() {
            first.flags.insert(BudgetFlag::New);
        }
        figs.push(FigSpec {
            figure: first,
            needle: a.as_str().to_string(),
        });
        if let Some(b) = caps.name("b") {
            let mut second =
                BudgetFigure::new(parse_number(b.as_str()), ctx.previous, BudgetKind::Initial);
            second.inclusive = caps.name("bi").is_some();
            if bracketed {
                second.flags.insert(BudgetFlag::Bracketed);
            }
            figs.push(FigSpec {
                figure: second,
                needle: all.as_str().trim().to_string(),
            });
        }
        return Some((text[..all.start()].trim().to_string(), figs));
    }
    let caps = UNIT_TAIL.captures(text)?;
    let all = caps.name("all")?;
    if preceded_by_number(text, all.start()) {
        return None;
    }
    let a = caps.name("a")?;
    let (bracketed, _) = bracket_flags(
        caps.name("open").is_some(),
        caps.name("close").is_some(),
        all.as_str(),
    );
    let mut figure = BudgetFigure::new(parse_number(a.as_str()), ctx.draft, ctx.kind);
    figure.inclusive = caps.name("ai").is_some();
    if bracketed {
        figure.flags.insert(BudgetFlag::Bracketed);
    }
    Some((
        text[..all.start()].trim().to_string(),
        vec![FigSpec {
            figure,
            needle: a.as_str().to_string(),
        }],
    ))
}

fn preceded_by_number(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_digit() || c == '.' || c == ',')
}

/// A cost line as parsed: the item name, its figures, and whether its amount follows later.
#[derive(Debug, Clone, Default)]
struct CostParse {
    name: String,
    figs: Vec<FigSpec>,
    pending: bool,
}

/// Reads `name X億円の内数（後掲） [令和5年度補正予算 Y億円]`, `name：令和5年度補正予算 X億円`,
/// `name：` (amount below) and `令和5年度補正予算 X億円` (amount of a name above).
fn parse_cost(text: &str, ctx: &YearCtx) -> CostParse {
    let text = text.trim();
    let amounts = find_amounts(text);
    let Some(first) = amounts.first() else {
        let name = text.trim_end_matches(['：', ':']).trim().to_string();
        return CostParse {
            name,
            figs: Vec::new(),
            pending: true,
        };
    };
    let mut name_end = first.start;
    for stop in ['：', ':', '[', '［'] {
        if let Some(at) = text[..first.start].find(stop) {
            name_end = name_end.min(at);
        }
    }
    let mut name = text[..name_end].trim().to_string();
    let mut previous_end = name_end;
    if YEAR_PREFIX.is_match(&nfkc(&name)) {
        name.clear();
        previous_end = 0;
    }
    let mut figs = Vec::new();
    for (index, found) in amounts.iter().enumerate() {
        let before = &text[previous_end.min(found.start)..found.start];
        let next_start = amounts
            .get(index + 1)
            .map(|m| m.start)
            .unwrap_or(text.len());
        let mut after = &text[found.end..next_start.max(found.end)];
        if let Some(at) = after.find(['[', '［']) {
            after = &after[..at];
        }
        let comparison = index > 0 && before.trim().ends_with(['(', '（']);
        let (fy, kind) = if comparison {
            (ctx.previous, BudgetKind::Initial)
        } else {
            let fy = find_fiscal_years(before)
                .last()
                .map(|m| m.year)
                .unwrap_or(ctx.draft);
            let kind = BudgetKind::detect(before).unwrap_or(if fy == ctx.draft {
                ctx.kind
            } else {
                BudgetKind::Initial
            });
            (fy, kind)
        };
        let (inclusive, flags) = detect_qualifiers(after);
        let mut figure = BudgetFigure::new(Some(found.oku), fy, kind);
        figure.inclusive = inclusive;
        figure.flags = flags
            .into_iter()
            .filter(|f| *f != BudgetFlag::Bracketed)
            .collect();
        figs.push(FigSpec {
            figure,
            needle: found.text(text).to_string(),
        });
        previous_end = found.end;
    }
    CostParse {
        name,
        figs,
        pending: false,
    }
}

// ---------------------------------------------------------------------------------------------
// Phase 1: the line pass
// ---------------------------------------------------------------------------------------------

impl<'a> Parser<'a> {
    fn new(doc: &'a SeedDoc) -> Parser<'a> {
        Parser {
            doc,
            ctx: None,
            section: Section::Tables,
            headings: Vec::new(),
            by_path: HashMap::new(),
            pillar: None,
            main: None,
            main_pillar: HashMap::new(),
            sub: None,
            last_sub: None,
            current: None,
            open: None,
            programs: Vec::new(),
            in_cost_block: false,
            last_program: None,
            last_figs_from: 0,
            last_bullet: None,
            entities: Vec::new(),
            entity_index: HashMap::new(),
            links: Vec::new(),
            pending_fund: None,
            pending_fund_agency: None,
            bullet_links: Vec::new(),
            abbr: HashMap::new(),
            unparsed: Vec::new(),
            account: None,
            columns: Vec::new(),
            unit: "億円".into(),
            financing: None,
            financing_item: None,
        }
    }

    fn source(&self, start: u32, end: u32, quote: &str) -> Source {
        Source {
            doc: self.doc.file().to_string(),
            line_start: start,
            line_end: end.max(start),
            quote: clip(quote, MAX_QUOTE_CHARS).to_string(),
        }
    }

    fn run(&mut self) {
        self.ctx = draft_year(self.doc);
        self.collect_abbreviations();
        self.register_ministries();
        let pieces: Vec<Piece> = self
            .doc
            .lines
            .iter()
            .enumerate()
            .flat_map(|(index, line)| {
                let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
                split_pieces(line)
                    .into_iter()
                    .map(move |raw| Piece {
                        line: number,
                        raw: raw.to_string(),
                        clean: trim_marks(&raw.replace("**", "")).to_string(),
                    })
                    .collect::<Vec<_>>()
            })
            .collect();
        for piece in &pieces {
            self.piece(piece);
        }
    }

    /// Reads `name(ABBR)` definitions of bodies anywhere in the document.
    fn collect_abbreviations(&mut self) {
        for line in &self.doc.lines {
            let text = nfkc(line);
            for caps in ORG_ABBR.captures_iter(&text) {
                if let (Some(name), Some(abbr)) = (caps.get(1), caps.get(2)) {
                    self.abbr
                        .entry(abbr.as_str().to_string())
                        .or_insert_with(|| name.as_str().to_string());
                }
            }
        }
    }

    /// The ministries or agencies whose budget the document covers (`X省所管`, `X庁所管`).
    fn register_ministries(&mut self) {
        static OWNER: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"([\p{Han}]{1,6}[省庁])所管").expect("owner"));
        for (index, line) in self.doc.lines.iter().enumerate().take(60) {
            let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
            for caps in OWNER.captures_iter(line) {
                if let Some(found) = caps.get(1) {
                    let name = found.as_str();
                    let name = name.rsplit("年度").next().unwrap_or(name);
                    if name.chars().count() >= 2 {
                        let source = self.source(number, number, name);
                        self.entity(NodeType::Agency, name, source);
                    }
                }
            }
        }
    }

    fn entity(&mut self, node_type: NodeType, name: &str, source: Source) -> usize {
        let key = node_id(node_type, name);
        if let Some(&index) = self.entity_index.get(&key) {
            return index;
        }
        self.entities.push(Entity {
            node_type,
            name: name.trim().to_string(),
            aliases: Vec::new(),
            source,
            props: Map::new(),
        });
        let index = self.entities.len() - 1;
        self.entity_index.insert(key, index);
        index
    }

    fn link(&mut self, subject: Subject, rel: Rel, object: usize, source: Source) {
        self.links.push(Link {
            subject,
            rel,
            object,
            source,
        });
    }

    fn piece(&mut self, piece: &Piece) {
        let clean = piece.clean.as_str();
        if clean.is_empty() || is_rule(clean) {
            return;
        }
        if self.section_marker(piece) {
            return;
        }
        if self.section == Section::Tables && self.table_piece(piece) {
            return;
        }
        if self.section == Section::Financing && self.financing_piece(piece) {
            return;
        }
        if self.heading_piece(piece) {
            return;
        }
        if self.amount_only_piece(piece) {
            return;
        }
        self.body_piece(piece);
    }

    /// Section lines: `…主要事項`, `…財投要求事項` / `財政投融資`.
    fn section_marker(&mut self, piece: &Piece) -> bool {
        let clean = nfkc(&piece.clean);
        if clean.contains('\t') || MAIN_ITEM.is_match(&clean) || SUB_ITEM.is_match(&clean) {
            return false;
        }
        if clean.contains("財投") || clean.contains("財政投融資") {
            if find_amounts(&clean).is_empty() {
                let fy = find_fiscal_years(&clean)
                    .first()
                    .map(|m| m.year)
                    .or(self.ctx.map(|c| c.draft));
                if let Some(fy) = fy {
                    self.financing = Some((fy, BudgetKind::FiscalInvestment));
                }
                self.section = Section::Financing;
                self.close_heading_context();
                return true;
            }
        } else if clean.ends_with("主要事項") && !PILLAR.is_match(&clean) {
            self.section = Section::Items;
            return true;
        }
        false
    }

    fn close_heading_context(&mut self) {
        self.open = None;
        self.in_cost_block = false;
        self.last_program = None;
        self.current = None;
    }

    // ----- summary tables ------------------------------------------------------------------

    fn table_piece(&mut self, piece: &Piece) -> bool {
        let clean = piece.clean.as_str();
        let folded = nfkc(clean);
        if PILLAR.is_match(&folded) || MAIN_ITEM.is_match(&folded) {
            self.section = Section::Items;
            return false;
        }
        if let Some(caps) = ACCOUNT.captures(&folded) {
            let name = caps.get(1).map(|m| m.as_str()).unwrap_or("").trim();
            let source = self.source(piece.line, piece.line, &piece.raw);
            self.programs.push(Program {
                role: ProgramRole::Account,
                name: name.to_string(),
                owner: Owner::None,
                source,
                figs: Vec::new(),
                pending_amount: false,
                props: Map::new(),
            });
            self.account = Some(self.programs.len() - 1);
            self.columns.clear();
            return true;
        }
        if let Some(caps) = UNIT_LINE.captures(folded.trim()) {
            self.unit = caps
                .get(1)
                .map(|m| m.as_str())
                .unwrap_or("億円")
                .to_string();
            return true;
        }
        if folded.starts_with('※') {
            if let Some(account) = self.account
                && let Some(program) = self.programs.get_mut(account)
            {
                program
                    .props
                    .insert("note".into(), Value::String(piece.raw.clone()));
            }
            return true;
        }
        let row = cells(clean);
        if row.len() < 2 {
            return false;
        }
        if row.len() >= 3 && row.iter().skip(1).any(|c| !find_fiscal_years(c).is_empty()) {
            self.columns = row.iter().skip(1).map(|c| self.column(c)).collect();
            return true;
        }
        if row.len() >= 3 && !self.columns.is_empty() {
            return self.table_row(piece, &row);
        }
        self.headline(piece, &row)
    }

    fn column(&self, header: &str) -> Column {
        let Some(ctx) = self.ctx else {
            return Column::Skip;
        };
        if header.contains('率') || header.contains('%') || header.contains('％') {
            return Column::Rate;
        }
        if header.contains("増減") || header.contains("差") {
            return Column::Change;
        }
        match find_fiscal_years(header).first() {
            Some(found) => {
                let kind = BudgetKind::detect(header).unwrap_or(if found.year == ctx.draft {
                    ctx.kind
                } else {
                    BudgetKind::Initial
                });
                Column::Figure(found.year, kind, header.to_string())
            }
            None => Column::Skip,
        }
    }

    fn table_row(&mut self, piece: &Piece, row: &[&str]) -> bool {
        let values: Vec<Option<Decimal>> = row.iter().skip(1).map(|c| parse_number(c)).collect();
        if values.iter().all(Option::is_none) {
            return false;
        }
        let source = self.source(piece.line, piece.line, &piece.raw);
        let mut program = Program {
            role: ProgramRole::TableRow,
            name: row[0].to_string(),
            owner: self.account.map(Owner::Program).unwrap_or(Owner::None),
            source: source.clone(),
            figs: Vec::new(),
            pending_amount: false,
            props: Map::new(),
        };
        let (mut change, mut rate) = (None, None);
        for (column, value) in self.columns.iter().zip(values.iter()) {
            match (column, value) {
                (Column::Rate, Some(v)) => rate = Some(*v),
                (Column::Change, Some(v)) => change = to_oku(*v, &self.unit),
                (Column::Figure(fy, kind, header), Some(v)) => {
                    let Some(oku) = to_oku(*v, &self.unit) else {
                        self.unparsed.push(source.clone());
                        continue;
                    };
                    let mut extra = Map::new();
                    extra.insert("column".into(), Value::String(header.clone()));
                    program.figs.push(Fig {
                        figure: BudgetFigure::new(Some(oku), *fy, *kind),
                        source: source.clone(),
                        extra,
                        key_suffix: None,
                    });
                }
                _ => {}
            }
        }
        if let Some(ctx) = self.ctx {
            attach_change(&mut program.figs, ctx, change, rate);
        }
        self.programs.push(program);
        true
    }

    /// `令和6年度予算額（案）<TAB>18兆2,107億円`: a total of the current account.
    fn headline(&mut self, piece: &Piece, row: &[&str]) -> bool {
        let label = row[0];
        let Some(amount) = row.last().and_then(|c| find_amounts(c).into_iter().next()) else {
            return false;
        };
        let (Some(ctx), Some(account)) = (self.ctx, self.account) else {
            self.unparsed
                .push(self.source(piece.line, piece.line, &piece.raw));
            return true;
        };
        let fy = find_fiscal_years(label)
            .first()
            .map(|m| m.year)
            .unwrap_or(ctx.draft);
        if label.contains("増減") {
            if let Some(program) = self.programs.get_mut(account) {
                attach_change(&mut program.figs, ctx, Some(amount.oku), None);
            }
            return true;
        }
        let kind = BudgetKind::detect(label).unwrap_or(if fy == ctx.draft {
            ctx.kind
        } else {
            BudgetKind::Initial
        });
        let mut extra = Map::new();
        extra.insert("metric".into(), Value::String(label.to_string()));
        let source = self.source(piece.line, piece.line, &piece.raw);
        if let Some(program) = self.programs.get_mut(account) {
            program.figs.push(Fig {
                figure: BudgetFigure::new(Some(amount.oku), fy, kind),
                source,
                extra,
                key_suffix: None,
            });
        }
        true
    }

    // ----- financing -----------------------------------------------------------------------

    fn financing_piece(&mut self, piece: &Piece) -> bool {
        let Some((fy, kind)) = self.financing else {
            return false;
        };
        let clean = piece.clean.trim();
        let amounts = find_amounts(clean);
        let marked = clean.starts_with(['◎', '○', '●', '■', '◆', '・']);
        if amounts.is_empty() && !marked && self.financing_item.is_some() {
            let source = self.source(piece.line, piece.line, &piece.raw);
            if let Some(item) = self.financing_item {
                self.scan_relations(Subject::Program(item), clean, &source);
            }
            return true;
        }
        if amounts.is_empty() {
            let name = clean
                .trim_start_matches(['◎', '○', '●', '■', '◆', '・', '-', ' '])
                .trim()
                .to_string();
            let source = self.source(piece.line, piece.line, &piece.raw);
            self.programs.push(Program {
                role: ProgramRole::Financing,
                name,
                owner: Owner::None,
                source: source.clone(),
                figs: Vec::new(),
                pending_amount: true,
                props: Map::new(),
            });
            let index = self.programs.len() - 1;
            self.financing_item = Some(index);
            self.scan_relations(Subject::Program(index), clean, &source);
            return true;
        }
        let Some(item) = self.financing_item else {
            self.unparsed
                .push(self.source(piece.line, piece.line, &piece.raw));
            return true;
        };
        let start_line = self.programs.get(item).map(|p| p.source.line_start);
        let mut previous_end = 0;
        for found in &amounts {
            let before = &clean[previous_end..found.start];
            let instrument = before
                .rsplit(['[', '［', '、', ',', '，'])
                .next()
                .unwrap_or("")
                .trim()
                .to_string();
            let (inclusive, flags) = detect_qualifiers(&clean[found.end..]);
            let mut figure = BudgetFigure::new(Some(found.oku), fy, kind);
            figure.inclusive = inclusive && clean[found.end..].starts_with("の内数");
            figure.flags = flags
                .into_iter()
                .filter(|f| *f != BudgetFlag::Bracketed)
                .collect();
            let mut extra = Map::new();
            if !instrument.is_empty() {
                extra.insert("instrument".into(), Value::String(instrument.clone()));
            }
            let source = self.source(
                start_line.unwrap_or(piece.line),
                piece.line,
                window(&piece.raw, found.text(clean)),
            );
            if let Some(program) = self.programs.get_mut(item) {
                program.figs.push(Fig {
                    figure,
                    source,
                    extra,
                    key_suffix: (!instrument.is_empty()).then_some(instrument),
                });
                program.pending_amount = false;
            }
            previous_end = found.end;
        }
        true
    }

    // ----- headings ------------------------------------------------------------------------

    /// The heading text of a piece: summary rows are `name<TAB>amount` or `| name | amount |`.
    fn heading_text(clean: &str) -> (String, bool) {
        let row = cells(clean);
        if row.len() >= 2 {
            let last = row[row.len() - 1];
            if matches!(last, "—" | "―" | "－" | "-") {
                return (row[..row.len() - 1].join(" "), true);
            }
            return (row.join(" "), false);
        }
        (clean.to_string(), false)
    }

    fn heading_piece(&mut self, piece: &Piece) -> bool {
        let (text, dash) = Self::heading_text(&piece.clean);
        let folded = nfkc(&text);
        if let Some(caps) = PILLAR.captures(&folded) {
            let numeral = roman_value(caps.get(1).map(|m| m.as_str()).unwrap_or(""));
            let rest = strip_prefix_chars(&text, caps.get(2).map(|m| m.as_str()).unwrap_or(""));
            if self.section == Section::Tables {
                self.section = Section::Items;
            }
            self.enter_pillar(numeral, &rest, piece);
            return true;
        }
        if self.section == Section::Tables {
            if MAIN_ITEM.is_match(&folded) {
                self.section = Section::Items;
            } else {
                return false;
            }
        }
        if let Some(caps) = MAIN_ITEM.captures(&folded) {
            let number: u32 = caps
                .get(1)
                .and_then(|m| m.as_str().parse().ok())
                .unwrap_or(0);
            let rest = caps.get(2).map(|m| m.as_str()).unwrap_or("");
            self.enter_main(number, &strip_prefix_chars(&text, rest), dash, piece);
            return true;
        }
        if let Some(caps) = SUB_ITEM.captures(&folded) {
            let number: u32 = caps
                .get(1)
                .and_then(|m| m.as_str().parse().ok())
                .unwrap_or(0);
            let rest = caps.get(2).map(|m| m.as_str()).unwrap_or("");
            self.enter_sub(number, &strip_prefix_chars(&text, rest), dash, piece);
            return true;
        }
        if let Some(caps) = SUBSUB_ITEM.captures(&folded) {
            let letter = caps
                .get(1)
                .and_then(|m| m.as_str().chars().next())
                .unwrap_or('a');
            let rest = caps.get(2).map(|m| m.as_str()).unwrap_or("");
            self.enter_subsub(letter, &strip_prefix_chars(&text, rest), dash, piece);
            return true;
        }
        false
    }

    fn enter_pillar(&mut self, numeral: u32, rest: &str, piece: &Piece) {
        let path = roman_label(numeral);
        let index = self.register(Level::Pillar, path, None, rest, false, piece);
        self.pillar = Some(index);
        self.main = None;
        self.sub = None;
        self.last_sub = None;
    }

    fn enter_main(&mut self, number: u32, rest: &str, dash: bool, piece: &Piece) {
        let parent = *self
            .main_pillar
            .entry(number)
            .or_insert(self.pillar.unwrap_or(usize::MAX));
        let parent = (parent != usize::MAX).then_some(parent);
        self.register(Level::Main, number.to_string(), parent, rest, dash, piece);
        self.main = Some(number);
        self.sub = None;
        self.last_sub = None;
    }

    fn enter_sub(&mut self, number: u32, rest: &str, dash: bool, piece: &Piece) {
        if self.last_sub.is_some_and(|last| number <= last)
            && let Some(main) = self.main
        {
            self.main = Some(main + 1);
        }
        let parent = self
            .main
            .and_then(|m| self.by_path.get(&m.to_string()).copied());
        let parent = parent.or(self.pillar);
        let path = match self.main {
            Some(main) => format!("{main}.({number})"),
            None => format!("({number})"),
        };
        self.register(Level::Sub, path, parent, rest, dash, piece);
        self.sub = Some(number);
        self.last_sub = Some(number);
    }

    fn enter_subsub(&mut self, letter: char, rest: &str, dash: bool, piece: &Piece) {
        let parent_path = match (self.main, self.sub) {
            (Some(main), Some(sub)) => format!("{main}.({sub})"),
            (None, Some(sub)) => format!("({sub})"),
            _ => String::new(),
        };
        let parent = self.by_path.get(&parent_path).copied().or(self.current);
        let path = format!("{parent_path}({letter})");
        self.register(Level::SubSub, path, parent, rest, dash, piece);
    }

    /// Records a heading sighting, reads its amount tail and opens it for continuation lines.
    fn register(
        &mut self,
        level: Level,
        path: String,
        parent: Option<usize>,
        text: &str,
        dash: bool,
        piece: &Piece,
    ) -> usize {
        let (name, figs) = match self.ctx.and_then(|ctx| parse_tail(text, &ctx)) {
            Some((name, figs)) => (name, figs),
            None => (text.trim().to_string(), Vec::new()),
        };
        let source = self.source(piece.line, piece.line, &piece.raw);
        let index = match self.by_path.get(&path) {
            Some(&index) => index,
            None => {
                self.headings.push(Heading {
                    level,
                    path: path.clone(),
                    parent,
                    names: Vec::new(),
                    sources: Vec::new(),
                    figs: Vec::new(),
                    no_initial_amount: false,
                });
                let index = self.headings.len() - 1;
                self.by_path.insert(path, index);
                index
            }
        };
        let sighting = match self.headings.get_mut(index) {
            Some(heading) => {
                heading.names.push(name.clone());
                heading.sources.push(source.clone());
                heading.no_initial_amount |= dash;
                heading.names.len() - 1
            }
            None => 0,
        };
        let has_figs = !figs.is_empty();
        self.add_heading_figs(index, figs, piece, piece.line);
        self.current = Some(index);
        self.open = Some(Open {
            heading: index,
            sighting,
            accepts_name: !has_figs && !dash,
        });
        self.in_cost_block = false;
        self.last_program = None;
        self.last_bullet = None;
        self.pending_fund = None;
        self.pending_fund_agency = None;
        self.bullet_links.clear();
        self.scan_relations(Subject::Heading(index), &name, &source);
        index
    }

    fn add_heading_figs(&mut self, index: usize, figs: Vec<FigSpec>, piece: &Piece, from: u32) {
        for spec in figs {
            let source = self.source(from, piece.line, window(&piece.raw, &spec.needle));
            if let Some(heading) = self.headings.get_mut(index) {
                heading.figs.push(Fig {
                    figure: spec.figure,
                    source,
                    extra: Map::new(),
                    key_suffix: None,
                });
            }
        }
    }

    /// A line holding only an amount (`23.5億円`, `8.0 (8.0)`, `[0.6 (0.9)]`): the amount of the
    /// open heading above it.
    fn amount_only_piece(&mut self, piece: &Piece) -> bool {
        let Some(ctx) = self.ctx else {
            return false;
        };
        let clean = piece.clean.trim();
        let Some((rest, figs)) = parse_tail(clean, &ctx) else {
            return false;
        };
        if !rest.is_empty() {
            return false;
        }
        match self.open {
            Some(open) => {
                let from = self
                    .headings
                    .get(open.heading)
                    .and_then(|h| h.sources.get(open.sighting))
                    .map(|s| s.line_start)
                    .unwrap_or(piece.line);
                self.add_heading_figs(open.heading, figs, piece, from);
                self.open = Some(Open {
                    accepts_name: false,
                    ..open
                });
            }
            None => self
                .unparsed
                .push(self.source(piece.line, piece.line, &piece.raw)),
        }
        true
    }

    /// Appends a continuation line to the open heading's name (and reads its amount tail).
    fn continue_heading(&mut self, open: Open, piece: &Piece) {
        let text = piece.clean.trim();
        let (part, figs) = match self.ctx.and_then(|ctx| parse_tail(text, &ctx)) {
            Some((part, figs)) => (part, figs),
            None => (text.to_string(), Vec::new()),
        };
        let from = self
            .headings
            .get(open.heading)
            .and_then(|h| h.sources.get(open.sighting))
            .map(|s| s.line_start)
            .unwrap_or(piece.line);
        if let Some(heading) = self.headings.get_mut(open.heading) {
            if let Some(name) = heading.names.get_mut(open.sighting) {
                name.push_str(&part);
            }
            if let Some(source) = heading.sources.get_mut(open.sighting) {
                source.line_end = piece.line;
            }
        }
        let has_figs = !figs.is_empty();
        self.add_heading_figs(open.heading, figs, piece, from);
        let source = self.source(piece.line, piece.line, &piece.raw);
        self.scan_relations(Subject::Heading(open.heading), &part, &source);
        self.open = Some(Open {
            accepts_name: !has_figs,
            ..open
        });
    }

    // ----- body: descriptions, bullets, cost lines ---------------------------------------

    fn body_piece(&mut self, piece: &Piece) {
        let clean = piece.clean.trim();
        let stripped = clean
            .trim_start_matches(['-', '－', ' ', '\u{3000}'])
            .trim();
        let is_bullet = stripped.len() != clean.len() || clean.starts_with('・');
        if let Some(at) = stripped.find("【主な経費】") {
            let before = &stripped[..at];
            if !before.trim().is_empty() {
                self.description(piece, before);
            }
            let cost = &stripped[at + "【主な経費】".len()..];
            self.open = None;
            self.in_cost_block = true;
            self.last_program = None;
            self.cost_line(piece, cost.trim());
            return;
        }
        if self.in_cost_block && !is_bullet && !clean.starts_with('※') {
            self.cost_continuation(piece, clean);
            return;
        }
        if let Some(open) = self.open
            && open.accepts_name
            && !is_bullet
            && !clean.starts_with(['※', '[', '［', '〔'])
        {
            self.continue_heading(open, piece);
            return;
        }
        if clean.starts_with(['[', '［']) && self.bracket_line(piece, clean) {
            return;
        }
        if stripped.starts_with('・') || clean.starts_with('・') {
            let body = stripped.trim_start_matches('・').trim();
            if self.bullet_amount(piece, body) {
                return;
            }
        }
        self.in_cost_block = false;
        self.open = None;
        self.description(piece, stripped);
    }

    /// `・ 基地交付金 299.4(299.4)`: a transfer program with its amounts.
    fn bullet_amount(&mut self, piece: &Piece, body: &str) -> bool {
        let Some(ctx) = self.ctx else {
            return false;
        };
        let Some((name, figs)) = parse_tail(body, &ctx) else {
            return false;
        };
        if name.is_empty() || name.chars().count() > 40 || name.contains(['、', '。']) {
            return false;
        }
        let owner = self.current.map(Owner::Heading).unwrap_or(Owner::None);
        let index = self.push_program(ProgramRole::Bullet, &name, owner, piece);
        self.push_program_figs(index, figs, piece, piece.line);
        self.last_bullet = Some(index);
        self.open = None;
        true
    }

    /// `[地方特例交付金等 11,320.0億円(2,169.0億円)]` (a breakdown) or
    /// `[令和5年度補正予算 X億円]` (a supplementary amount of the cost line above).
    fn bracket_line(&mut self, piece: &Piece, clean: &str) -> bool {
        let Some(ctx) = self.ctx else {
            return false;
        };
        let inner = clean
            .trim_start_matches(['[', '［'])
            .trim_end_matches([']', '］'])
            .trim();
        let parsed = parse_cost(inner, &ctx);
        if parsed.figs.is_empty() {
            return false;
        }
        if parsed.name.is_empty() {
            let target = self.last_program.or(self.last_bullet);
            match target {
                Some(index) => {
                    let from = self
                        .programs
                        .get(index)
                        .map(|p| p.source.line_start)
                        .unwrap_or(piece.line);
                    self.push_program_figs(index, parsed.figs, piece, from);
                }
                None => match self.current {
                    Some(heading) => self.add_heading_figs(heading, parsed.figs, piece, piece.line),
                    None => self
                        .unparsed
                        .push(self.source(piece.line, piece.line, &piece.raw)),
                },
            }
            return true;
        }
        let owner = self
            .last_bullet
            .map(Owner::Program)
            .or(self.current.map(Owner::Heading))
            .unwrap_or(Owner::None);
        let index = self.push_program(ProgramRole::Breakdown, &parsed.name, owner, piece);
        self.push_program_figs(index, parsed.figs, piece, piece.line);
        true
    }

    fn push_program(
        &mut self,
        role: ProgramRole,
        name: &str,
        owner: Owner,
        piece: &Piece,
    ) -> usize {
        let source = self.source(piece.line, piece.line, &piece.raw);
        self.programs.push(Program {
            role,
            name: name.trim().to_string(),
            owner,
            source,
            figs: Vec::new(),
            pending_amount: false,
            props: Map::new(),
        });
        self.programs.len() - 1
    }

    fn push_program_figs(&mut self, index: usize, figs: Vec<FigSpec>, piece: &Piece, from: u32) {
        let Some(program) = self.programs.get(index) else {
            return;
        };
        self.last_figs_from = program.figs.len();
        let from = from.min(piece.line);
        let sources: Vec<Source> = figs
            .iter()
            .map(|spec| self.source(from, piece.line, window(&piece.raw, &spec.needle)))
            .collect();
        if let Some(program) = self.programs.get_mut(index) {
            for (spec, source) in figs.into_iter().zip(sources) {
                program.figs.push(Fig {
                    figure: spec.figure,
                    source,
                    extra: Map::new(),
                    key_suffix: None,
                });
            }
            program.pending_amount = false;
        }
    }

    /// A 【主な経費】 item (or a continuation item without the marker).
    fn cost_line(&mut self, piece: &Piece, text: &str) {
        let Some(ctx) = self.ctx else {
            return;
        };
        let parsed = parse_cost(text, &ctx);
        if let Some(rest) = nfkc(&parsed.name).strip_prefix("うち") {
            let parent = self.last_program;
            let owner = parent.map(Owner::Program).unwrap_or(Owner::None);
            let index = self.push_program(ProgramRole::Cost, rest.trim(), owner, piece);
            self.push_program_figs(index, parsed.figs, piece, piece.line);
            return;
        }
        let owner = self.current.map(Owner::Heading).unwrap_or(Owner::None);
        let index = self.push_program(ProgramRole::Cost, &parsed.name, owner, piece);
        if parsed.pending {
            if let Some(program) = self.programs.get_mut(index) {
                program.pending_amount = true;
            }
        } else {
            self.push_program_figs(index, parsed.figs, piece, piece.line);
        }
        self.last_program = Some(index);
        for (rel, object, source) in std::mem::take(&mut self.bullet_links) {
            self.link(Subject::Program(index), rel, object, source);
        }
        self.link_cost_funds(index, piece);
        let source = self.source(piece.line, piece.line, &piece.raw);
        self.scan_relations(Subject::Program(index), text, &source);
    }

    /// Funds named in or before a cost line: `X基金事業` is paid from `X基金`.
    fn link_cost_funds(&mut self, index: usize, piece: &Piece) {
        let Some(name) = self.programs.get(index).map(|p| p.name.clone()) else {
            return;
        };
        let source = self.source(piece.line, piece.line, &piece.raw);
        let mut funds = Vec::new();
        if let Some(at) = name.rfind("基金") {
            let fund = &name[..at + "基金".len()];
            if fund.chars().count() > 2 {
                let fund = self.entity(NodeType::Fund, fund, source.clone());
                if let Some(agency) = self.pending_fund_agency.take() {
                    self.link(
                        Subject::Entity(fund),
                        Rel::Responsible,
                        agency,
                        source.clone(),
                    );
                }
                funds.push(fund);
            }
        }
        if let Some(fund) = self.pending_fund.take() {
            funds.push(fund);
        }
        for fund in funds {
            self.link(Subject::Program(index), Rel::FundedBy, fund, source.clone());
            if let Some(heading) = self.current {
                self.link(
                    Subject::Heading(heading),
                    Rel::FundedBy,
                    fund,
                    source.clone(),
                );
            }
        }
    }

    fn cost_continuation(&mut self, piece: &Piece, clean: &str) {
        let Some(ctx) = self.ctx else {
            return;
        };
        if FLAGS_ONLY.is_match(clean) {
            let (inclusive, flags) = detect_qualifiers(clean);
            if let Some(program) = self.last_program.and_then(|i| self.programs.get_mut(i)) {
                let from = self.last_figs_from;
                for fig in program.figs.iter_mut().skip(from) {
                    fig.figure.inclusive |= inclusive;
                    fig.figure.flags.extend(flags.iter().copied());
                    fig.source.line_end = piece.line;
                }
            }
            return;
        }
        if clean.starts_with(['[', '［']) && self.bracket_line(piece, clean) {
            return;
        }
        let parsed = parse_cost(clean, &ctx);
        let last = self
            .last_program
            .and_then(|i| self.programs.get(i).map(|p| (i, p)));
        if let Some((index, program)) = last {
            let starts_with_year = YEAR_PREFIX.is_match(&nfkc(clean));
            if program.pending_amount && (starts_with_year || parsed.name.is_empty()) {
                let from = program.source.line_start;
                self.push_program_figs(index, parsed.figs, piece, from);
                return;
            }
            if program.figs.is_empty() && !parsed.name.starts_with("うち") {
                let joined_name = format!("{}{}", program.name, parsed.name);
                let from = program.source.line_start;
                if let Some(program) = self.programs.get_mut(index) {
                    program.name = joined_name;
                    program.source.line_end = piece.line;
                }
                if !parsed.figs.is_empty() {
                    self.push_program_figs(index, parsed.figs, piece, from);
                } else if let Some(program) = self.programs.get_mut(index) {
                    program.pending_amount = !clean.ends_with(['：', ':']) || parsed.pending;
                }
                return;
            }
        }
        self.cost_line(piece, clean);
    }

    fn description(&mut self, piece: &Piece, text: &str) {
        let subject = match self.current {
            Some(index) => Subject::Heading(index),
            None => return,
        };
        let source = self.source(piece.line, piece.line, &piece.raw);
        let before = self.links.len();
        self.scan_relations(subject, text, &source);
        let entities = &self.entities;
        self.bullet_links = self.links[before..]
            .iter()
            .filter(|l| matches!(l.rel, Rel::BasedOn | Rel::Implements | Rel::Targets))
            .filter(|l| {
                entities
                    .get(l.object)
                    .is_some_and(|e| matches!(e.node_type, NodeType::Strategy | NodeType::Policy))
            })
            .map(|l| (l.rel, l.object, l.source.clone()))
            .collect();
    }

    // ----- relations -----------------------------------------------------------------------

    fn scan_relations(&mut self, subject: Subject, text: &str, line_source: &Source) {
        let text = nfkc(text);
        let quote_source = |quote: &str| Source {
            quote: clip(quote, MAX_QUOTE_CHARS).to_string(),
            ..line_source.clone()
        };
        let raw_quote = |needle: &str| {
            if line_source.quote.contains(needle) {
                needle.to_string()
            } else {
                line_source.quote.clone()
            }
        };
        self.scan_bodies(subject, &text, &raw_quote, &quote_source);
        self.scan_quoted(subject, &text, &raw_quote, &quote_source);
        self.scan_laws_and_declarations(subject, &text, &raw_quote, &quote_source);
        self.scan_funds_and_targets(subject, &text, &raw_quote, &quote_source);
        self.scan_named_programs(subject, &text, &raw_quote, &quote_source);
    }

    fn scan_named_programs(
        &mut self,
        subject: Subject,
        text: &str,
        raw_quote: &dyn Fn(&str) -> String,
        quote_source: &dyn Fn(&str) -> Source,
    ) {
        for caps in GRANTED.captures_iter(text) {
            if let Some(name) = caps.get(1) {
                let source = quote_source(&raw_quote(name.as_str()));
                let program = self.entity(NodeType::Program, name.as_str(), source.clone());
                self.link(subject, Rel::FundedBy, program, source);
            }
        }
        for caps in NAMED_ACTIVITY.captures_iter(text) {
            let (Some(name), Some(abbr)) = (caps.get(1), caps.get(2)) else {
                continue;
            };
            let generic = name.as_str().chars().count() <= 3;
            let (main, alias) = if generic {
                (abbr.as_str(), None)
            } else {
                (name.as_str(), Some(abbr.as_str()))
            };
            let source = quote_source(&raw_quote(main));
            let program = self.entity(NodeType::Program, main, source.clone());
            if let (Some(alias), Some(entity)) = (alias, self.entities.get_mut(program))
                && !entity.aliases.iter().any(|a| a == alias)
            {
                entity.aliases.push(alias.to_string());
            }
            self.link(subject, Rel::Mentions, program, source);
        }
        for caps in LATIN_PROGRAM.captures_iter(text) {
            if let Some(name) = caps.get(1) {
                let source = quote_source(&raw_quote(name.as_str()));
                let program = self.entity(NodeType::Program, name.as_str(), source.clone());
                self.link(subject, Rel::Mentions, program, source);
            }
        }
        for caps in GUIDELINE_WORK.captures_iter(text) {
            if let Some(name) = caps.get(1) {
                let source = quote_source(&raw_quote(name.as_str()));
                let strategy = self.entity(NodeType::Strategy, name.as_str(), source.clone());
                self.link(subject, Rel::Targets, strategy, source);
            }
        }
        let quoted: Vec<String> = QUOTED
            .captures_iter(text)
            .filter_map(|c| c.get(1).map(|m| m.as_str().to_string()))
            .collect();
        for caps in UNQUOTED_BASIS.captures_iter(text) {
            if let Some(name) = caps.get(1) {
                if quoted.iter().any(|q| q.contains(name.as_str())) {
                    continue;
                }
                let source = quote_source(&raw_quote(name.as_str()));
                let strategy = self.entity(NodeType::Strategy, name.as_str(), source.clone());
                self.link(subject, Rel::BasedOn, strategy, source);
            }
        }
        for caps in COUNCIL.captures_iter(text) {
            if let Some(name) = caps.get(1) {
                let source = quote_source(&raw_quote(name.as_str()));
                let agency = self.entity(NodeType::Agency, name.as_str(), source.clone());
                self.link(subject, Rel::Mentions, agency, source);
            }
        }
    }

    fn agency_for(&mut self, name: &str, source: Source) -> usize {
        let full = self.abbr.get(name).cloned();
        let (name, alias) = match full {
            Some(full) => (full, Some(name.to_string())),
            None => {
                let alias = self
                    .abbr
                    .iter()
                    .find(|(_, full)| full.as_str() == name)
                    .map(|(abbr, _)| abbr.clone());
                (name.to_string(), alias)
            }
        };
        let index = self.entity(NodeType::Agency, &name, source);
        if let (Some(alias), Some(entity)) = (alias, self.entities.get_mut(index))
            && !entity.aliases.contains(&alias)
        {
            entity.aliases.push(alias);
        }
        index
    }

    fn scan_bodies(
        &mut self,
        subject: Subject,
        text: &str,
        raw_quote: &dyn Fn(&str) -> String,
        quote_source: &dyn Fn(&str) -> Source,
    ) {
        let mut mentions: Vec<(String, usize)> = Vec::new();
        for caps in ORG_ABBR.captures_iter(text) {
            if let (Some(name), Some(whole)) = (caps.get(1), caps.get(0)) {
                mentions.push((name.as_str().to_string(), whole.end()));
            }
        }
        for caps in ORG_PLAIN.captures_iter(text) {
            if let Some(name) = caps.get(1)
                && !mentions.iter().any(|(n, _)| n == name.as_str())
            {
                mentions.push((name.as_str().to_string(), name.end()));
            }
        }
        let abbrs: Vec<String> = self.abbr.keys().cloned().collect();
        for abbr in abbrs {
            for (at, _) in text.match_indices(abbr.as_str()) {
                let end = at + abbr.len();
                let boundary_before = text[..at]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_ascii_alphanumeric() && c != '(' && c != '（');
                let boundary_after = text[end..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_ascii_alphanumeric() && c != ')');
                if boundary_before && boundary_after {
                    mentions.push((abbr.clone(), end));
                }
            }
        }
        for caps in REQUESTED_BODY.captures_iter(text) {
            if let Some(abbr) = caps.get(1) {
                let source = quote_source(&raw_quote(abbr.as_str()));
                let agency = self.agency_for(abbr.as_str(), source.clone());
                self.link(subject, Rel::CollaboratesWith, agency, source);
            }
        }
        for caps in ACRONYM_LIST.captures_iter(text) {
            if let Some(list) = caps.get(1) {
                for acronym in ACRONYM.find_iter(list.as_str()) {
                    let source = quote_source(&raw_quote(acronym.as_str()));
                    let agency = self.agency_for(acronym.as_str(), source.clone());
                    self.link(subject, Rel::CollaboratesWith, agency, source);
                }
            }
        }
        let mut seen = HashSet::new();
        for (name, end) in mentions {
            let source = quote_source(&raw_quote(&name));
            let agency = self.agency_for(&name, source.clone());
            if !seen.insert(agency) {
                continue;
            }
            let after = text[end..].trim_start();
            if let Some(caps) = SUB_UNIT.captures(after) {
                if let Some(unit) = caps.get(1) {
                    let unit_source = quote_source(&raw_quote(unit.as_str()));
                    let unit = self.entity(NodeType::Agency, unit.as_str(), unit_source.clone());
                    self.link(Subject::Entity(unit), Rel::PartOf, agency, unit_source);
                }
                self.link(subject, Rel::Responsible, agency, source);
            } else if after.starts_with("に造成した基金") || after.starts_with("に設置した基金")
            {
                self.pending_fund_agency = Some(agency);
            } else if ["において", "による", "が", "を中核として", "は"]
                .iter()
                .any(|cue| after.starts_with(cue))
            {
                self.link(subject, Rel::Responsible, agency, source);
            } else if ["連携", "を通じ", "への拠出", "協力", "活用", "要請"]
                .iter()
                .any(|cue| text.contains(cue))
            {
                self.link(subject, Rel::CollaboratesWith, agency, source);
            } else {
                self.link(subject, Rel::Mentions, agency, source);
            }
        }
    }

    fn scan_quoted(
        &mut self,
        subject: Subject,
        text: &str,
        raw_quote: &dyn Fn(&str) -> String,
        quote_source: &dyn Fn(&str) -> Source,
    ) {
        for caps in QUOTED.captures_iter(text) {
            let (Some(name), Some(whole)) = (caps.get(1), caps.get(0)) else {
                continue;
            };
            let name = name.as_str().trim();
            let Some(node_type) = quoted_type(name) else {
                continue;
            };
            let mut after = &text[whole.end()..];
            while let Some(next) = QUOTED.find(after).filter(|m| m.start() == 0) {
                after = &after[next.end()..];
            }
            let clause_end = after.find(['、', '。', '「']).unwrap_or(after.len());
            let clause = &after[..clause_end];
            let rel = if clause.contains("に基づ")
                || clause.contains("を踏まえ")
                || clause.starts_with("において")
                || clause.starts_with("等において")
            {
                Rel::BasedOn
            } else if ["の実現", "を推進", "を主導", "をはじめ"]
                .iter()
                .any(|cue| clause.trim_start_matches('等').starts_with(cue))
            {
                Rel::Implements
            } else if node_type == NodeType::Strategy {
                Rel::Targets
            } else {
                Rel::Mentions
            };
            let source = quote_source(&raw_quote(name));
            let object = self.entity(node_type, name, source.clone());
            self.link(subject, rel, object, source);
        }
    }

    fn scan_laws_and_declarations(
        &mut self,
        subject: Subject,
        text: &str,
        raw_quote: &dyn Fn(&str) -> String,
        quote_source: &dyn Fn(&str) -> Source,
    ) {
        let quoted: Vec<String> = QUOTED
            .captures_iter(text)
            .filter_map(|c| c.get(1).map(|m| m.as_str().to_string()))
            .collect();
        for law in find_laws(text) {
            let name = law.name.as_str();
            if quoted.iter().any(|q| q.contains(name)) {
                continue;
            }
            let after = &text[law.end..];
            let rests_on = ["に基づ", "を踏まえ", "の規定に基づ", "の規定を踏まえ"]
                .iter()
                .any(|cue| after.starts_with(cue));
            let rel = if rests_on {
                Rel::BasedOn
            } else {
                Rel::Mentions
            };
            let source = quote_source(&raw_quote(name));
            let object = self.entity(NodeType::Policy, name, source.clone());
            self.link(subject, rel, object, source);
        }
        for caps in DECLARATION.captures_iter(text) {
            let Some(found) = caps.get(1) else { continue };
            let name = found.as_str().trim();
            if quoted.iter().any(|q| q.contains(name)) {
                continue;
            }
            let after = &text[found.end()..];
            let clause_end = after.find('。').unwrap_or(after.len());
            let clause = &after[..clause_end];
            let rel = if clause.contains("を踏まえ")
                || clause.contains("に基づ")
                || clause.contains("において")
            {
                Rel::BasedOn
            } else {
                Rel::Mentions
            };
            let source = quote_source(&raw_quote(name));
            let object = self.entity(NodeType::Strategy, name, source.clone());
            self.link(subject, rel, object, source);
        }
    }

    fn scan_funds_and_targets(
        &mut self,
        subject: Subject,
        text: &str,
        raw_quote: &dyn Fn(&str) -> String,
        quote_source: &dyn Fn(&str) -> Source,
    ) {
        for caps in FUND_GROW.captures_iter(text) {
            if let Some(name) = caps.get(1) {
                let source = quote_source(&raw_quote(name.as_str()));
                let fund = self.entity(NodeType::Fund, name.as_str(), source);
                self.pending_fund = Some(fund);
            }
        }
        for caps in REVENUE_SOURCE.captures_iter(text) {
            if let Some(name) = caps.get(1) {
                let source = quote_source(&raw_quote(name.as_str()));
                let fund = self.entity(NodeType::Fund, name.as_str(), source.clone());
                self.link(subject, Rel::Mentions, fund, source);
            }
        }
        for caps in TRANSFER.captures_iter(text) {
            if let Some(name) = caps.get(1) {
                let source = quote_source(&raw_quote(name.as_str()));
                let program = self.entity(NodeType::Program, name.as_str(), source.clone());
                self.link(subject, Rel::FundedBy, program, source);
            }
        }
        for caps in TARGET_GOAL.captures_iter(text) {
            let (Some(year), Some(what), Some(level)) = (caps.get(1), caps.get(2), caps.get(3))
            else {
                continue;
            };
            let source = quote_source(&raw_quote(what.as_str()));
            let indicator = self.entity(NodeType::Indicator, what.as_str(), source.clone());
            if let Some(entity) = self.entities.get_mut(indicator) {
                entity
                    .props
                    .insert("target".into(), Value::String(level.as_str().to_string()));
                entity.props.insert(
                    "target_year".into(),
                    Value::String(year.as_str().to_string()),
                );
            }
            self.link(subject, Rel::EvaluatedBy, indicator, source);
        }
        for caps in RATE_UP.captures_iter(text) {
            if let Some(name) = caps.get(1) {
                let source = quote_source(&raw_quote(name.as_str()));
                let indicator = self.entity(NodeType::Indicator, name.as_str(), source.clone());
                self.link(subject, Rel::EvaluatedBy, indicator, source);
            }
        }
    }
}

/// The type of a quoted name by its ending: plans and guidelines are strategies, laws are
/// policies, surveys/projects/sites are programs; other quoted phrases are not entities.
fn quoted_type(name: &str) -> Option<NodeType> {
    const STRATEGY: [&str; 16] = [
        "計画",
        "方針",
        "構想",
        "戦略",
        "ガイドライン",
        "指針",
        "プロセス",
        "プラン",
        "取りまとめ",
        "とりまとめ",
        "宣言",
        "声明",
        "コミュニケ",
        "パッケージ",
        "ビジョン",
        "大綱",
    ];
    const PROGRAM: [&str; 9] = [
        "調査",
        "事業",
        "プロジェクト",
        "プログラム",
        "カレッジ",
        "サイト",
        "システム",
        "統計",
        "LTE",
    ];
    let bare = name.trim_end_matches([')', '）']).trim();
    let base = match bare.rfind(['(', '（']) {
        Some(at) if bare.len() != name.len() => &bare[..at],
        _ => name,
    };
    let base = base.trim();
    if base.len() >= 3 && base.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return Some(NodeType::Program);
    }
    if STRATEGY.iter().any(|s| base.ends_with(s)) {
        Some(NodeType::Strategy)
    } else if base.ends_with('法') {
        Some(NodeType::Policy)
    } else if PROGRAM.iter().any(|s| base.ends_with(s)) || name.contains("(仮称)") {
        Some(NodeType::Program)
    } else {
        None
    }
}

/// Text of `original` from where its NFKC form's suffix `rest` starts (so names keep their
/// written form); falls back to `rest`.
fn strip_prefix_chars(original: &str, rest: &str) -> String {
    let folded_len = nfkc(original).chars().count();
    let rest_len = rest.chars().count();
    let skip = folded_len.saturating_sub(rest_len);
    if nfkc(original).chars().count() == original.chars().count() {
        original
            .chars()
            .skip(skip)
            .collect::<String>()
            .trim()
            .to_string()
    } else {
        rest.trim().to_string()
    }
}

fn roman_value(numeral: &str) -> u32 {
    match numeral {
        "I" | "Ⅰ" => 1,
        "II" | "Ⅱ" => 2,
        "III" | "Ⅲ" => 3,
        "IV" | "Ⅳ" => 4,
        "V" | "Ⅴ" => 5,
        "VI" | "Ⅵ" => 6,
        "VII" | "Ⅶ" => 7,
        "VIII" | "Ⅷ" => 8,
        "IX" | "Ⅸ" => 9,
        "X" | "Ⅹ" => 10,
        _ => 0,
    }
}

fn roman_label(value: u32) -> String {
    const LABELS: [&str; 11] = [
        "?", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
    ];
    LABELS
        .get(value as usize)
        .copied()
        .unwrap_or("?")
        .to_string()
}

/// The fiscal year and kind of the draft the document presents, from its own text: the first
/// line naming a fiscal year together with 予算 (e.g. `令和6年度 総務省所管予算(案)の概要`).
fn draft_year(doc: &SeedDoc) -> Option<YearCtx> {
    let line = doc
        .lines
        .iter()
        .map(|l| nfkc(l))
        .find(|l| l.contains("予算") && !find_fiscal_years(l).is_empty())
        .or_else(|| {
            doc.lines
                .iter()
                .map(|l| nfkc(l))
                .find(|l| !find_fiscal_years(l).is_empty())
        })?;
    let draft = find_fiscal_years(&line).first()?.year;
    let kind = match BudgetKind::detect(&line) {
        Some(BudgetKind::Request) => BudgetKind::Request,
        _ => BudgetKind::Initial,
    };
    Some(YearCtx {
        draft,
        kind,
        previous: FiscalYear(draft.0.saturating_sub(1)),
    })
}

// ---------------------------------------------------------------------------------------------
// Phase 2: drafts
// ---------------------------------------------------------------------------------------------

#[derive(Default)]
struct Drafts {
    nodes: Vec<NodeDraft>,
    index: HashMap<String, usize>,
    edges: Vec<EdgeDraft>,
    edge_index: HashMap<(String, Rel, String), usize>,
}

impl Drafts {
    fn node(&mut self, draft: NodeDraft) -> String {
        let id = draft.id.clone();
        match self.index.get(&id).copied() {
            Some(at) => {
                if let Some(node) = self.nodes.get_mut(at) {
                    for source in draft.sources {
                        if !node.sources.contains(&source) {
                            node.sources.push(source);
                        }
                    }
                    for alias in draft.aliases {
                        if !node.aliases.contains(&alias) && alias != node.name {
                            node.aliases.push(alias);
                        }
                    }
                    for (key, value) in draft.props {
                        merge_prop(&mut node.props, key, value);
                    }
                }
            }
            None => {
                self.index.insert(id.clone(), self.nodes.len());
                self.nodes.push(draft);
            }
        }
        id
    }

    fn edge(&mut self, from: &str, rel: Rel, to: &str, source: Source) {
        if from == to {
            return;
        }
        let key = (from.to_string(), rel, to.to_string());
        match self.edge_index.get(&key).copied() {
            Some(at) => {
                if let Some(edge) = self.edges.get_mut(at)
                    && !edge.sources.contains(&source)
                {
                    edge.sources.push(source);
                }
            }
            None => {
                self.edge_index.insert(key, self.edges.len());
                self.edges.push(EdgeDraft::new(from, rel, to, source));
            }
        }
    }
}

/// Adds a property to a merged node: arrays (budget flags) are united, other values kept
/// from the first draft.
fn merge_prop(props: &mut Map<String, Value>, key: String, value: Value) {
    match (props.get_mut(&key), value) {
        (Some(Value::Array(existing)), Value::Array(more)) => {
            for item in more {
                if !existing.contains(&item) {
                    existing.push(item);
                }
            }
            existing.sort_by(|a, b| a.as_str().cmp(&b.as_str()));
        }
        (Some(_), _) => {}
        (None, value) => {
            props.insert(key, value);
        }
    }
}

fn emit(parser: Parser<'_>) -> Extraction {
    let mut drafts = Drafts::default();
    let keys = heading_keys(&parser.headings);
    let mut heading_ids = Vec::with_capacity(parser.headings.len());
    let children: HashSet<usize> = parser.headings.iter().filter_map(|h| h.parent).collect();
    for (index, heading) in parser.headings.iter().enumerate() {
        let key = keys.get(index).cloned().unwrap_or_default();
        let id = emit_heading(
            &mut drafts,
            heading,
            &key,
            children.contains(&index),
            parser.ctx,
        );
        heading_ids.push(id);
    }
    for (index, heading) in parser.headings.iter().enumerate() {
        let (Some(parent), Some(id), Some(source)) = (
            heading.parent,
            heading_ids.get(index),
            heading.sources.first(),
        ) else {
            continue;
        };
        if let Some(parent_id) = heading_ids.get(parent) {
            drafts.edge(id, Rel::PartOf, parent_id, source.clone());
        }
        let key = keys.get(index).cloned().unwrap_or_default();
        let name = heading.names.first().cloned().unwrap_or_default();
        for fig in &heading.figs {
            let fig_key = if listed_elsewhere(&fig.figure) && !key.ends_with(']') {
                format!("{key} [{}]", heading.path)
            } else {
                key.clone()
            };
            emit_budget(&mut drafts, id, &name, &fig_key, fig);
        }
    }
    let mut program_ids = Vec::with_capacity(parser.programs.len());
    for program in &parser.programs {
        let node_type = match program.role {
            ProgramRole::Financing => NodeType::Measure,
            _ => NodeType::Program,
        };
        let mut draft = NodeDraft::new(node_type, &program.name, program.source.clone());
        draft.props = program.props.clone();
        draft.props.insert(
            "role".into(),
            Value::String(format!("{:?}", program.role).to_lowercase()),
        );
        let id = if program.name.is_empty() {
            String::new()
        } else {
            drafts.node(draft)
        };
        program_ids.push(id);
    }
    for (index, program) in parser.programs.iter().enumerate() {
        let Some(id) = program_ids.get(index).filter(|id| !id.is_empty()) else {
            continue;
        };
        let (owner_id, rel, owner_path) = match program.owner {
            Owner::Heading(h) => (
                heading_ids.get(h).cloned(),
                if program.role == ProgramRole::Cost {
                    Rel::FundedBy
                } else {
                    Rel::PartOf
                },
                parser.headings.get(h).map(|x| x.path.clone()),
            ),
            Owner::Program(p) => (program_ids.get(p).cloned(), Rel::PartOf, None),
            Owner::None => (None, Rel::PartOf, None),
        };
        if let Some(owner_id) = owner_id.filter(|o| !o.is_empty()) {
            match rel {
                Rel::FundedBy => drafts.edge(&owner_id, rel, id, program.source.clone()),
                _ => drafts.edge(id, rel, &owner_id, program.source.clone()),
            }
        }
        for fig in &program.figs {
            let mut key = program.name.clone();
            if let Some(suffix) = &fig.key_suffix {
                key = format!("{key} {suffix}");
            }
            if let (true, Some(path)) = (listed_elsewhere(&fig.figure), &owner_path) {
                key = format!("{key} [{path}]");
            }
            emit_budget(&mut drafts, id, &program.name, &key, fig);
        }
    }
    let entity_ids: Vec<String> = parser
        .entities
        .iter()
        .map(|entity| {
            let mut draft = NodeDraft::new(entity.node_type, &entity.name, entity.source.clone());
            draft.aliases = entity.aliases.clone();
            draft.props = entity.props.clone();
            drafts.node(draft)
        })
        .collect();
    for link in &parser.links {
        let from = match link.subject {
            Subject::Heading(i) => heading_ids.get(i).cloned(),
            Subject::Program(i) => program_ids.get(i).cloned(),
            Subject::Entity(i) => entity_ids.get(i).cloned(),
        };
        let (Some(from), Some(to)) = (from.filter(|f| !f.is_empty()), entity_ids.get(link.object))
        else {
            continue;
        };
        drafts.edge(&from, link.rel, to, link.source.clone());
    }
    Extraction {
        nodes: drafts.nodes,
        edges: drafts.edges,
        unparsed: parser.unparsed,
    }
}

/// Id keys of headings: the name, qualified by the numbering path where the same name occurs
/// at another path of the document.
fn heading_keys(headings: &[Heading]) -> Vec<String> {
    let mut paths_by_name: BTreeMap<String, HashSet<&str>> = BTreeMap::new();
    for heading in headings {
        if let Some(name) = heading.names.first() {
            paths_by_name
                .entry(norm(name))
                .or_default()
                .insert(heading.path.as_str());
        }
    }
    headings
        .iter()
        .map(|heading| {
            let name = heading.names.first().cloned().unwrap_or_default();
            let shared = paths_by_name
                .get(&norm(&name))
                .is_some_and(|paths| paths.len() > 1);
            if shared || name.is_empty() {
                format!("{name} [{}]", heading.path)
            } else {
                name
            }
        })
        .collect()
}

fn emit_heading(
    drafts: &mut Drafts,
    heading: &Heading,
    key: &str,
    has_children: bool,
    ctx: Option<YearCtx>,
) -> String {
    let name = heading.names.first().cloned().unwrap_or_default();
    let node_type = heading.level.node_type();
    let Some(first) = heading.sources.first() else {
        return String::new();
    };
    let mut draft = NodeDraft::new(node_type, &name, first.clone());
    draft.id = if key == name {
        node_id(node_type, key)
    } else {
        node_id(node_type, &fitting_key(key, 80))
    };
    draft.sources = heading.sources.clone();
    let canonical = norm(&name);
    for other in heading.names.iter().skip(1) {
        if norm(other) != canonical && !draft.aliases.contains(other) {
            draft.aliases.push(other.clone());
        }
    }
    draft
        .props
        .insert("numbering".into(), Value::String(heading.path.clone()));
    draft
        .props
        .insert("level".into(), Value::String(heading.level.as_str().into()));
    if heading.no_initial_amount {
        draft
            .props
            .insert("no_initial_amount".into(), Value::Bool(true));
    }
    if has_children && let Some(total) = stated_total(heading, ctx) {
        draft
            .props
            .insert("stated_total_oku".into(), Value::String(total.to_string()));
    }
    drafts.node(draft)
}

/// Records a 比較増減額 (and 増減率) on the draft year's figure it compares, as
/// `change_oku_yen` and `change_rate`: a change is never a budget of its own.
fn attach_change(figs: &mut [Fig], ctx: YearCtx, change: Option<Decimal>, rate: Option<Decimal>) {
    let Some(compared) = figs
        .iter_mut()
        .rev()
        .find(|f| f.figure.fiscal_year == ctx.draft && f.figure.kind == ctx.kind)
    else {
        return;
    };
    if let Some(change) = change {
        compared
            .extra
            .insert("change_oku_yen".into(), Value::String(change.to_string()));
    }
    if let Some(rate) = rate {
        compared
            .extra
            .insert("change_rate".into(), Value::String(rate.to_string()));
    }
}

/// Whether a figure is a re-listing (再掲/後掲, 〔〕 or `[ ]`) of an amount counted elsewhere.
fn listed_elsewhere(figure: &BudgetFigure) -> bool {
    figure.flags.contains(&BudgetFlag::Relisted) || figure.flags.contains(&BudgetFlag::Bracketed)
}

/// `key` itself when its id form has at most `room` chars; otherwise its first chars and a
/// short hash of the whole, so that ids stay distinct under the 80-char id limit.
fn fitting_key(key: &str, room: usize) -> String {
    use sha2::{Digest, Sha256};
    let compact: String = nfkc(key).chars().filter(|c| !c.is_whitespace()).collect();
    if compact.chars().count() <= room {
        return key.to_string();
    }
    let digest = hex::encode(Sha256::digest(compact.as_bytes()));
    let head: String = compact.chars().take(room.saturating_sub(9)).collect();
    format!("{head}~{}", &digest[..8])
}

/// The heading's own draft-year amount, when it counts toward totals: the document's statement
/// of the total of its children.
fn stated_total(heading: &Heading, ctx: Option<YearCtx>) -> Option<Decimal> {
    let ctx = ctx?;
    heading
        .figs
        .iter()
        .find(|f| {
            f.figure.fiscal_year == ctx.draft
                && f.figure.kind == ctx.kind
                && f.figure.counts_toward_totals()
        })
        .and_then(|f| f.figure.amount_oku)
}

fn emit_budget(drafts: &mut Drafts, owner: &str, item: &str, key: &str, fig: &Fig) {
    if owner.is_empty() {
        return;
    }
    let figure = &fig.figure;
    let amount = figure
        .amount_oku
        .map(|a| format!("{a}億円"))
        .unwrap_or_else(|| "事項要求".into());
    let name = format!(
        "{item} {} {} {amount}",
        figure.fiscal_year.label(),
        figure.kind.as_str()
    );
    let mut props = figure.to_props();
    props.insert("item".into(), Value::String(item.to_string()));
    for (k, v) in &fig.extra {
        props.insert(k.clone(), v.clone());
    }
    let key = if figure.inclusive {
        format!("{key} (の内数)")
    } else {
        key.to_string()
    };
    let draft = NodeDraft {
        id: node_id(NodeType::Budget, &figure.id_key(&fitting_key(&key, 48))),
        node_type: NodeType::Budget,
        name,
        aliases: Vec::new(),
        props,
        sources: vec![fig.source.clone()],
    };
    let id = drafts.node(draft);
    drafts.edge(owner, Rel::HasBudget, &id, fig.source.clone());
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
                title: "test".into(),
                publisher: "test".into(),
                date: "2030-12".into(),
                kind: DocKind::BudgetOverview,
            },
            text,
        )
    }

    fn budgets(ex: &Extraction) -> Vec<(String, String, String, String, Vec<String>, bool)> {
        ex.nodes
            .iter()
            .filter(|n| n.node_type == NodeType::Budget)
            .map(|n| {
                let s = |k: &str| {
                    n.props
                        .get(k)
                        .and_then(|v| v.as_str())
                        .unwrap_or("")
                        .to_string()
                };
                let flags = n
                    .props
                    .get("flags")
                    .and_then(|v| v.as_array())
                    .map(|a| {
                        a.iter()
                            .filter_map(|f| f.as_str().map(String::from))
                            .collect()
                    })
                    .unwrap_or_default();
                let inclusive = n
                    .props
                    .get("inclusive")
                    .and_then(|v| v.as_bool())
                    .unwrap_or(false);
                (
                    s("item"),
                    s("fy"),
                    s("kind"),
                    s("amount_oku_yen"),
                    flags,
                    inclusive,
                )
            })
            .collect()
    }

    fn has_budget(ex: &Extraction, item: &str, fy: &str, kind: &str, amount: &str) -> bool {
        budgets(ex)
            .iter()
            .any(|b| b.0 == item && b.1 == fy && b.2 == kind && b.3 == amount)
    }

    fn assert_quotes_exact(doc: &SeedDoc, ex: &Extraction) {
        let sources = ex
            .nodes
            .iter()
            .flat_map(|n| n.sources.iter())
            .chain(ex.edges.iter().flat_map(|e| e.sources.iter()));
        for source in sources {
            let lines: Vec<&str> = (source.line_start..=source.line_end)
                .map(|l| doc.line(l))
                .collect();
            assert!(
                lines.join("\n").contains(&source.quote),
                "quote {:?} not in lines {}-{}",
                source.quote,
                source.line_start,
                source.line_end
            );
            assert!(source.quote.chars().count() <= MAX_QUOTE_CHARS);
        }
    }

    const SNIPPET: &str = "令和12年度 某省所管予算(案)の概要\n\n第1 一般会計\n令和12年度予算額（案）\t1兆2,000億円\n令和11年度予算額\t1兆1,000億円\n比較増減額\t▲ 1,000億円\n（億円）\n区分\t令和12年度 予算額(案) A\t令和11年度 予算額 B\t比較増減額 (A-B) C\t増減率 (C/B)%\n甲経費\t7,000\t8,000\t▲ 1,000\t▲ 12.5\n乙経費\t5,000\t3,000\t2,000\t66.7\n\n令和12年度予算(案)における主要事項\nI 地域の振興\n1. 地域の活性化\t10.5億円\n(1) 人材の育成\t4.0 億円\n(2) 基盤の整備\t6.5 億円\n(3) 防災の推進\t〔2.0 億円〕\n2. 防災力の強化\n\n2.0億円\n\n(1) 防災の推進\t2.0 億円\n\nI 地域の振興\n1. 地域の活性化 10.5億円\n(1) 人材の育成 **4.0 (3.5)**\n(a) 研修の充実\n3.0 (3.0)\n- ・ 某研究機構(ABC)において研修を実施\n【主な経費】研修事業費 3.0億円 [令和11年度補正予算 1.2億円]\n追加研修経費 1.0億円（新規）\n(2) 基盤の整備 6.5(7.0)\n- ・ 「基盤整備計画」に基づき整備\n【主な経費】基盤整備交付金\nうち整備支援事業 6.5 億円\n(3) 防災の推進 [2.0 (1.0)]\n【主な経費】防災事業：令和11年度補正予算 0.5億円の内数(再掲)\n2. 防災力の強化 2.0億円\n(1) 防災の推進 2.0(1.0)\n\n令和12年度 財投要求事項\n◎某支援機構(XYZ)を活用した支援\n[産業投資 100 億円、政府保証 50 億円]\n";

    #[test]
    fn reads_synthetic_overview_of_another_year() {
        let d = doc(SNIPPET);
        let ex = extract(&d);
        assert_quotes_exact(&d, &ex);
        assert!(has_budget(&ex, "一般会計", "R12", "initial", "12000"));
        assert!(has_budget(&ex, "一般会計", "R11", "initial", "11000"));
        assert!(has_budget(&ex, "甲経費", "R12", "initial", "7000"));
        assert!(has_budget(&ex, "甲経費", "R11", "initial", "8000"));
        assert!(
            !budgets(&ex)
                .iter()
                .any(|b| b.2 == "other" || b.3.starts_with('-')),
            "a change is not a budget"
        );
        let change_of = |item: &str| {
            ex.nodes
                .iter()
                .find(|n| {
                    n.props.get("item").and_then(|v| v.as_str()) == Some(item)
                        && n.props.get("fy").and_then(|v| v.as_str()) == Some("R12")
                })
                .map(|n| {
                    let text =
                        |key: &str| n.props.get(key).and_then(|v| v.as_str()).map(String::from);
                    (text("change_oku_yen"), text("change_rate"))
                })
        };
        assert_eq!(change_of("一般会計"), Some((Some("-1000".into()), None)));
        assert_eq!(
            change_of("甲経費"),
            Some((Some("-1000".into()), Some("-12.5".into())))
        );
        assert_eq!(
            change_of("乙経費"),
            Some((Some("2000".into()), Some("66.7".into())))
        );
        assert!(has_budget(&ex, "人材の育成", "R12", "initial", "4.0"));
        assert!(has_budget(&ex, "人材の育成", "R11", "initial", "3.5"));
        assert!(has_budget(&ex, "研修の充実", "R11", "initial", "3.0"));
        assert!(has_budget(&ex, "研修事業費", "R11", "supplementary", "1.2"));
        assert!(has_budget(&ex, "追加研修経費", "R12", "initial", "1.0"));
        assert!(has_budget(&ex, "整備支援事業", "R12", "initial", "6.5"));
        assert!(has_budget(&ex, "防災力の強化", "R12", "initial", "2.0"));
        assert!(has_budget(
            &ex,
            "某支援機構(XYZ)を活用した支援",
            "R12",
            "fiscal_investment",
            "100"
        ));
        assert!(has_budget(
            &ex,
            "某支援機構(XYZ)を活用した支援",
            "R12",
            "fiscal_investment",
            "50"
        ));
        let relisted = budgets(&ex)
            .into_iter()
            .find(|b| b.0 == "防災事業")
            .map(|b| (b.4.contains(&"relisted".to_string()), b.5));
        assert_eq!(relisted, Some((true, true)));
        let bracketed = budgets(&ex)
            .into_iter()
            .filter(|b| b.0 == "防災の推進" && b.4.contains(&"bracketed".to_string()))
            .count();
        assert_eq!(bracketed, 2, "〔2.0〕 and [2.0 (1.0)] of 1.(3)");
    }

    #[test]
    fn summary_and_detail_amounts_merge_and_totals_are_stated() {
        let d = doc(SNIPPET);
        let ex = extract(&d);
        let node = ex.nodes.iter().find(|n| {
            n.node_type == NodeType::Budget && n.name.starts_with("人材の育成 R12 initial")
        });
        assert_eq!(node.map(|n| n.sources.len()), Some(2));
        let main = ex
            .nodes
            .iter()
            .find(|n| n.node_type == NodeType::Policy && n.name == "地域の活性化");
        assert_eq!(
            main.and_then(|n| n.props.get("stated_total_oku"))
                .and_then(|v| v.as_str()),
            Some("10.5")
        );
        let ids: HashSet<&str> = ex
            .nodes
            .iter()
            .filter(|n| n.name == "防災の推進")
            .map(|n| n.id.as_str())
            .collect();
        assert_eq!(ids.len(), 2, "same name at two paths stays two nodes");
    }

    #[test]
    fn hierarchy_agencies_and_strategies() {
        let ex = extract(&doc(SNIPPET));
        let name = |id: &str| {
            ex.nodes
                .iter()
                .find(|n| n.id == id)
                .map(|n| n.name.clone())
                .unwrap_or_default()
        };
        let edges: Vec<(String, Rel, String)> = ex
            .edges
            .iter()
            .map(|e| (name(&e.from), e.rel, name(&e.to)))
            .collect();
        let has =
            |a: &str, rel: Rel, b: &str| edges.iter().any(|e| e.0 == a && e.1 == rel && e.2 == b);
        assert!(has("研修の充実", Rel::PartOf, "人材の育成"));
        assert!(has("人材の育成", Rel::PartOf, "地域の活性化"));
        assert!(has("地域の活性化", Rel::PartOf, "地域の振興"));
        assert!(has("研修の充実", Rel::Responsible, "某研究機構"));
        assert!(has("基盤の整備", Rel::BasedOn, "基盤整備計画"));
        assert!(has("研修の充実", Rel::FundedBy, "研修事業費"));
        assert!(has("整備支援事業", Rel::PartOf, "基盤整備交付金"));
    }

    #[test]
    fn merged_headings_restart_and_split_names() {
        let text = "令和9年度 予算(案)の概要\n令和9年度予算(案)における主要事項\nV 国際\n7. 国際連携\n8. サイバー\n9.9億円\nV 国際\n7. 国際連携**5.0 億円****(1) 議論をリード 2.0 (1.0)**\n(2) 海外展開 3.0 (3.0)**(a) 5Gの展開 3.0 (2.0)**\n(1) IoT対策の\n\n強化 9.9 (8.0)\n";
        let d = doc(text);
        let ex = extract(&d);
        assert_quotes_exact(&d, &ex);
        assert!(has_budget(&ex, "国際連携", "R9", "initial", "5.0"));
        assert!(has_budget(&ex, "議論をリード", "R8", "initial", "1.0"));
        assert!(has_budget(&ex, "5Gの展開", "R9", "initial", "3.0"));
        assert!(has_budget(&ex, "IoT対策の強化", "R9", "initial", "9.9"));
        let iot = ex
            .nodes
            .iter()
            .find(|n| n.name == "IoT対策の強化")
            .map(|n| n.id.clone());
        let cyber = ex
            .nodes
            .iter()
            .find(|n| n.name == "サイバー")
            .map(|n| n.id.clone());
        assert!(
            ex.edges
                .iter()
                .any(|e| Some(&e.from) == iot.as_ref() && Some(&e.to) == cyber.as_ref())
        );
    }

    proptest! {
        #[test]
        fn never_panics(text in "(\\PC{0,30}\n){0,12}") {
            let d = doc(&format!("令和6年度 予算(案)\n{text}"));
            let ex = extract(&d);
            for node in &ex.nodes {
                prop_assert!(!node.sources.is_empty());
            }
        }

        #[test]
        fn never_panics_on_structured_noise(
            lines in proptest::collection::vec(
                proptest::sample::select(vec![
                    "I 柱", "1. 項目\t1.0億円", "(1) 小項目 1.0 (2.0)", "(a) 細目", "3.0 (新規)",
                    "【主な経費】経費 1.0億円", "[令和5年度補正予算 2.0億円]", "(後掲)", "・ 交付金 1.0(1.0)",
                    "財投要求事項", "[産業投資 1 億円]", "**(b) x 1.0 (1.0)****(c) y**", "－", "うち事業 1.0億円",
                    "事業名：", "令和5年度補正予算 3.0億円", "区分\t令和6年度 A\t令和5年度 B\t率%", "甲\t1\t2\t3",
                ]),
                0..30,
            )
        ) {
            let d = doc(&format!("令和6年度 予算(案)\n{}", lines.join("\n")));
            let _ = extract(&d);
        }
    }

    #[test]
    fn real_seed() {
        let corpus = Corpus::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds"));
        let Ok(corpus) = corpus else {
            return;
        };
        for d in corpus
            .docs
            .iter()
            .filter(|d| d.info.kind == DocKind::BudgetOverview)
        {
            let ex = extract(d);
            assert_quotes_exact(d, &ex);
            assert!(
                ex.nodes
                    .iter()
                    .filter(|n| n.node_type == NodeType::Budget)
                    .count()
                    > 100
            );
        }
    }
}
