//! Reader for excerpts of government strategies grouped by strategic area
//! (`strategy_excerpts`): every `■name(date decider)` line is a strategy; its excerpts are
//! either table rows (one per strategic area, the label cell often lost) or bullet lines
//! under an area label line. Strategies are linked to the areas (themes) they address, to
//! their deciders (agencies) and to the strategies and laws they rest on.

use super::collect::{Collector, shorten, strip_tags_keep_len};
use super::recognise::bodies::{body_chain, find_actor_acronyms, find_bodies, find_legal_bodies};
use super::recognise::decisions::{decider_agency, parse_decision};
use super::recognise::names::{bigram_overlap, clean_name, loose_key, strip_markup};
use crate::corpus::SeedDoc;
use crate::extract::recognise::names::QUOTED_NAME as QUOTED;
use crate::graph::model::{EdgeDraft, Extraction, NodeType, Rel, Source};
use regex::Regex;
use serde_json::Value;
use std::sync::LazyLock;

mod areas;
mod blocks;
mod layout;
mod mentions;
mod names;
#[cfg(test)]
mod tests;
use layout::*;
use names::*;

/// Reads a strategy-excerpt document into nodes and edges.
pub fn extract(doc: &SeedDoc) -> Extraction {
    let mut reader = ExcerptReader {
        c: Collector::new(doc),
        strategies: Vec::new(),
        abbreviations: Vec::new(),
    };
    reader.read();
    reader.c.finish()
}

static PARAGRAPH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<p>(.*?)</p>").expect("paragraph pattern"));

/// A strategy read from a ■ line.
#[derive(Debug, Clone)]
struct StrategyEntry {
    id: String,
    name: String,
    key: String,
}

/// One ■ block: the strategy, its table rows, its area label and its body lines.
#[derive(Debug, Default)]
struct Block {
    strategy: String,
    rows: Vec<usize>,
    label: Option<usize>,
    body: Vec<usize>,
}

struct ExcerptReader<'a> {
    c: Collector<'a>,
    strategies: Vec<StrategyEntry>,
    abbreviations: Vec<(String, String)>,
}

impl ExcerptReader<'_> {
    fn line_count(&self) -> usize {
        self.c.doc.lines.len()
    }

    fn read(&mut self) {
        self.read_publisher();
        let blocks = self.read_blocks();
        let areas = self.read_area_labels(&blocks);
        for block in &blocks {
            self.read_rows(block, &areas);
            self.read_labelled_body(block);
        }
        for line in 1..=self.line_count() {
            self.read_legal_bodies(line);
        }
        for line in 1..=self.line_count() {
            self.read_organisations(line);
            self.read_named_items(line);
        }
        for block in &blocks {
            for &line in block.rows.iter().chain(&block.body) {
                self.link_bases(&block.strategy, line);
            }
        }
    }

    fn read_publisher(&mut self) {
        let publisher = self.c.doc.info.publisher.trim().to_string();
        let limit = self.line_count().min(30);
        let Some(line) =
            (1..=limit).find(|&n| !publisher.is_empty() && self.c.line(n).trim() == publisher)
        else {
            return;
        };
        let ids = self.body_chain_nodes(line, self.c.line(line));
        if let Some(last) = ids.last() {
            self.c.prop(last, "role", "publisher");
        }
    }

    /// Agency nodes for every body named in `text` (a line's text), with part_of links for
    /// concatenated names; returns their ids in order.
    fn body_chain_nodes(&mut self, line: usize, text: &str) -> Vec<String> {
        let bodies = find_bodies(text);
        let ids: Vec<String> = bodies
            .iter()
            .map(|b| {
                let source = self.c.source(line, &text[b.start..b.end]);
                self.c.node(NodeType::Agency, &b.name, source)
            })
            .collect();
        for (child, parent) in body_chain(text, &bodies) {
            let source = self
                .c
                .source(line, &text[bodies[parent].start..bodies[child].end]);
            self.c.edge(&ids[child], Rel::PartOf, &ids[parent], source);
        }
        ids
    }
}
