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
use crate::extract::collect::Collector;
use crate::extract::recognise::numbering::{Style, numbered, roman_value};
use crate::graph::model::{Extraction, NodeDraft, NodeType, Rel, Source, node_id};
use crate::money::{
    BudgetFigure, BudgetFlag, BudgetKind, FiscalYear, find_fiscal_years, flag_marks,
    is_only_flag_marks, parse_number, to_oku, without_flag_marks,
};
use crate::normalize::for_matching;
use regex::Regex;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

mod agencies;
mod blocks;
mod builder;
mod events;
mod figures;
mod headings;
mod layout;
mod lines;
#[cfg(test)]
mod tests;
mod titles;
use blocks::*;
use events::*;
use figures::*;
use headings::*;
use layout::*;
use lines::*;
use titles::*;

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
    let mut builder = Builder::new(doc, &lines);
    builder.root = crate::extract::recognise::bodies::find_bodies(&doc.info.publisher)
        .into_iter()
        .next()
        .map(|b| b.name);
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
    builder.read_running_text(&layout, &consumed);
    builder.emit_unparsed_amounts(&layout, &consumed, request_year);
    builder.c.finish()
}
