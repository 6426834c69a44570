//! Reader for a plan's progress report (`plan_status`): the plan and its component plans,
//! their pillars and focus areas with goals and targets, the 具体的な取組 items, the
//! `取組の内容\t対応状況` progress tables with the budgets cited in 【…】, and the budget summary
//! slide.

use crate::corpus::SeedDoc;
use crate::extract::collect::{Collector, shorten, strip_tags_keep_len};
use crate::extract::recognise::bodies::{
    agency_id, body_chain, find_actor_acronyms, find_bodies, find_legal_bodies,
};
use crate::extract::recognise::decisions::{decider_agency, parse_decision};
use crate::extract::recognise::names::QUOTED_NAME as QUOTED;
use crate::extract::recognise::names::{bigram_overlap, clean_name, loose_key, trim_markers};
use crate::graph::model::{Extraction, NodeDraft, NodeType, Rel, Source, node_id};
use crate::money::{
    AmountMatch, BudgetFigure, BudgetFlag, BudgetKind, FiscalYear, detect_qualifiers, find_amounts,
    find_fiscal_years,
};
use regex::Regex;
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::sync::LazyLock;

mod agencies;
mod brackets;
mod budgets;
mod layout;
mod names;
mod overview;
mod strategies;
mod summary;
mod tables;
#[cfg(test)]
mod tests;
mod text;
use brackets::*;
use budgets::*;
use layout::*;
use names::*;
use text::*;

/// Reads a plan progress report into nodes and edges.
pub fn extract(doc: &SeedDoc) -> Extraction {
    let mut reader = PlanReader::new(doc);
    reader.read();
    reader.finish()
}

/// Longest text kept in a measure's `content`/`status` props, in chars.
const MAX_PROP_CHARS: usize = 2000;

static PART_HEADER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(.+?)\s*に係る対応状況$").expect("part header pattern"));
static TITLE_PLAN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(.+?)\s*に係る対応状況について").expect("title pattern"));
static SECTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:(\d+)\s*[-－‐−―]\s*(\d+)|[(（]\s*(\d+)\s*[)）])\s*(.+?)\s*$")
        .expect("section pattern")
});
static BRACKET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"【([^【】]*)】").expect("bracket pattern"));
static TARGET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[([^\[\]]{2,80})\]").expect("target pattern"));
static TARGET_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{4})\s*年(?:度)?頃?\s*(?:まで)?に?").expect("year pattern"));
static TARGET_VALUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\d+(?:\.\d+)?\s*(?:%|％|カ国|か国|ヵ国|社|件|倍)(?:以上|以下|程度)?|トップ\s*\d+|上位シェア|\d+位")
        .expect("value pattern")
});

/// A strategy known to the reader.
#[derive(Debug, Clone)]
struct KnownStrategy {
    id: String,
    key: String,
    name: String,
}

/// Where a table row sits.
struct RowContext<'r> {
    plan: Option<&'r str>,
    section: Option<&'r str>,
    number: &'r str,
}

/// A budget read from a bracket or a summary line, waiting for program names to be resolved.
#[derive(Debug, Clone)]
struct PendingBudget {
    item: String,
    figure: BudgetFigure,
    source: Source,
    extra: Map<String, Value>,
    funder: Option<(String, Source)>,
    from_summary: bool,
}

/// A fund or program a node belongs to, named as written.
#[derive(Debug, Clone)]
struct PendingPartOf {
    child: String,
    program: String,
    source: Source,
}

/// Reading state.
struct PlanReader<'a> {
    c: Collector<'a>,
    strategies: Vec<KnownStrategy>,
    umbrella: Option<String>,
    components: Vec<String>,
    pillars: HashMap<String, Vec<String>>,
    budgets: Vec<PendingBudget>,
    part_of_programs: Vec<PendingPartOf>,
    abbreviations: HashMap<String, String>,
}

/// One budget amount inside a 【…】 group, with byte offsets into the line.
#[derive(Debug, Clone)]
struct BracketHit {
    item: String,
    item_start: usize,
    amount_end: usize,
    quote_end: usize,
    figure: BudgetFigure,
    extra: Map<String, Value>,
}

impl<'a> PlanReader<'a> {
    fn new(doc: &'a SeedDoc) -> PlanReader<'a> {
        PlanReader {
            c: Collector::new(doc),
            strategies: Vec::new(),
            umbrella: None,
            components: Vec::new(),
            pillars: HashMap::new(),
            budgets: Vec::new(),
            part_of_programs: Vec::new(),
            abbreviations: HashMap::new(),
        }
    }

    fn line_count(&self) -> usize {
        self.c.doc.lines.len()
    }

    fn read(&mut self) {
        self.read_publisher();
        self.read_agencies();
        self.read_quoted_names();
        self.read_part_headers();
        self.read_title_plan();
        let first_table = self.first_table_line();
        self.read_overview(first_table);
        self.read_tables();
        self.read_summary_amounts();
    }

    fn finish(mut self) -> Extraction {
        self.resolve_budgets();
        self.c.finish()
    }
}

// -------------------------------------------------------------------- free helpers
