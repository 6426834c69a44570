//! 政策評価書 (policy evaluation report) extractor.
//!
//! The report is a deck of slides converted to text. Each policy opens with a four-line header
//! (`政策名 政策N：…`, `担当部局・課室名 …`, `作成責任者名 …`, `政策評価実施時期 …`), followed by
//! slides whose titles, budgets, indicator tables and strategy references are read here.

use super::collect::Collector;
use super::indicators::{FoundIndicator, add_indicator};
use super::mentions::{self, Owner};
use super::recognise::bodies::find_bodies;
use super::recognise::indicator_phrases::{dated_targets, milestones};
use super::recognise::plans::plan_title;
use super::recognise::programs::{is_initiative_name, is_program_name};
use super::recognise::targets::{IndicatorValues, target_mark, target_statement};
use super::recognise::year_tables::{figure_cards, indicators_in_tables};
use crate::corpus::SeedDoc;
use crate::graph::model::{Extraction, NodeDraft, NodeType, Rel, Source, node_id};
use crate::money::{
    BudgetFigure, BudgetKind, FiscalYear, detect_qualifiers, find_amounts, find_era_years,
    find_fiscal_years, find_year_labels, parse_number,
};
use crate::normalize::nfkc;
use regex::Regex;
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

mod agencies;
mod budgets;
mod indicators;
mod measures;
mod running_text;
#[cfg(test)]
mod tests;
mod text;

use agencies::*;
use budgets::*;
use indicators::*;
use measures::*;
use running_text::*;
use text::*;

/// Reads policies, agencies, measures, budgets, indicators, strategies and partners.
pub fn extract(doc: &SeedDoc) -> Extraction {
    let text = DocText::new(doc);
    let mut out = Collector::new(doc);
    let root = root_agency(&text, &mut out);
    for section in find_policies(&text) {
        let policy = add_policy(&text, &mut out, &section);
        read_agencies(&text, &mut out, &section, &policy, root.as_deref());
        let ctx = SectionContext::build(&text, &mut out, &section, &policy);
        read_pillars(&text, &mut out, &section, &policy);
        read_budgets(&text, &mut out, &section, &ctx);
        read_indicators(&text, &mut out, &section, &ctx);
        read_kpi_rows(&text, &mut out, &section, &ctx);
        read_numbered_programs(&text, &mut out, &section, &ctx);
        read_mentions(&text, &mut out, &section, &ctx);
    }
    out.finish()
}
