//! Parser for 予算の概要 (a ministry's budget overview): headline totals and summary tables,
//! the numbered list of 主要事項 (pillars, main items, sub-items) and its detailed part
//! (sub-sub-items, `R6 (R5)` amount pairs, 【主な経費】 cost lines, bullet amounts), and the
//! 財投 (fiscal investment and loan) request.
//!
//! The document is read in two phases: a line-by-line pass records headings keyed by their
//! numbering path, programs (cost lines, bullet amounts, table rows), budget figures and
//! explicit relations; a second pass turns the records into node and edge drafts, giving
//! items whose name recurs at another path an id qualified by that path.

use super::recognise::bodies::{find_abbreviated_bodies, find_budget_owners};
use super::recognise::laws::find_laws;
use super::recognise::names::QUOTED_NAME as QUOTED;
use super::recognise::numbering::{Style, bare_number, numbered};
use crate::corpus::SeedDoc;
use crate::graph::model::{
    EdgeDraft, Extraction, NodeDraft, NodeType, Rel, Source, id_key, node_id,
};
use crate::money::{
    BudgetFigure, BudgetFlag, BudgetKind, FiscalYear, detect_qualifiers, find_amounts,
    find_fiscal_years, is_only_flag_marks, opens_with_fiscal_year, parse_number, to_oku,
};
use crate::normalize::nfkc;
use regex::Regex;
use rust_decimal::Decimal;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::LazyLock;

mod body;
mod drafts;
mod financing;
mod headings;
mod relations;
mod tables;
#[cfg(test)]
mod tests;
mod text;
use drafts::*;
use headings::outline_level;
use text::*;

/// Longest quote kept on a source, in chars.
const MAX_QUOTE_CHARS: usize = 200;

const NUM: &str = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?";

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

/// Reads a budget overview document into node and edge drafts.
pub fn extract(doc: &SeedDoc) -> Extraction {
    let mut parser = Parser::new(doc);
    parser.run();
    emit(parser)
}

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
            doc: self.doc.file().into(),
            line_start: start,
            line_end: end.max(start),
            quote: clip(quote, MAX_QUOTE_CHARS).into(),
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
            for body in find_abbreviated_bodies(&text) {
                self.abbr.entry(body.abbreviation).or_insert(body.name);
            }
        }
    }

    /// The ministries or agencies whose budget the document covers (`X省所管`, `X庁所管`).
    fn register_ministries(&mut self) {
        for (index, line) in self.doc.lines.iter().enumerate().take(60) {
            let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
            for owner in find_budget_owners(line) {
                let source = self.source(number, number, &owner.name);
                self.entity(NodeType::Agency, &owner.name, source);
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
        if clean.contains('\t')
            || matches!(outline_level(&clean), Some((Level::Main | Level::Sub, ..)))
        {
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
        } else if clean.ends_with("主要事項")
            && !matches!(outline_level(&clean), Some((Level::Pillar, ..)))
        {
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
}
/// The fiscal year and kind of the draft the document presents, from its own text: the first
/// line naming a fiscal year together with 予算 (e.g. `令和6年度 総務省所管予算(案)の概要`).
fn draft_year(doc: &SeedDoc) -> Option<YearCtx> {
    let line = doc
        .lines
        .iter()
        .map(nfkc)
        .find(|l| l.contains("予算") && !find_fiscal_years(l).is_empty())
        .or_else(|| {
            doc.lines
                .iter()
                .map(nfkc)
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
