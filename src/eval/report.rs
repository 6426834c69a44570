//! The extraction report: what the graph holds, how it scores against the gold facts, and
//! what could not be read.

use super::facts::{AmountCheck, FactScores, GoldSet, amount_in_cited_line, score};
use crate::corpus::Corpus;
use crate::graph::KnowledgeGraph;
use crate::graph::build::{BuildReport, build_graph};
use crate::vocab::Vocabulary;
use std::fmt;
use std::path::Path;

/// Everything the report prints.
#[derive(Debug, Clone)]
pub struct ExtractionReport {
    /// The graph built.
    pub graph: KnowledgeGraph,
    /// What the build did.
    pub build: BuildReport,
    /// Scores against the gold facts, when a gold directory was given.
    pub scores: Option<FactScores>,
    /// Whether every budget amount stands in its cited lines.
    pub amounts: AmountCheck,
}

/// Builds the graph of `corpus` and scores it against the gold facts in `gold_dir`.
pub fn extraction_report(
    corpus: &Corpus,
    vocab: &Vocabulary,
    gold_dir: Option<&Path>,
) -> Result<ExtractionReport, super::facts::GoldError> {
    let (graph, build) = build_graph(corpus, vocab);
    let scores = match gold_dir {
        Some(dir) => {
            let gold = GoldSet::load_dir(dir)?;
            Some(score(&gold, graph.nodes(), graph.edges()))
        }
        None => None,
    };
    let amounts = amount_in_cited_line(graph.nodes(), corpus);
    Ok(ExtractionReport {
        graph,
        build,
        scores,
        amounts,
    })
}

impl fmt::Display for ExtractionReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let counts = self.graph.counts();
        writeln!(
            f,
            "graph: {} nodes, {} edges",
            self.graph.nodes().len(),
            self.graph.edges().len()
        )?;
        for (node_type, count) in counts.nodes {
            writeln!(f, "  node {node_type:<12} {count:>6}")?;
        }
        for (rel, count) in counts.edges {
            writeln!(f, "  edge {rel:<18} {count:>6}")?;
        }
        for (doc, count) in &self.build.proposed_nodes {
            writeln!(f, "  parsed {doc}: {count} node drafts")?;
        }
        writeln!(
            f,
            "merged onto vocabulary: {}; sources rejected (quote not in cited lines): {}; dangling edges: {}",
            self.build.canonicalized, self.build.rejected_sources, self.build.dangling_edges
        )?;
        writeln!(f, "{}", self.amounts)?;
        for id in &self.amounts.missing {
            writeln!(f, "  amount not in cited lines: {id}")?;
        }
        if let Some(scores) = &self.scores {
            writeln!(f, "gold facts:\n{scores}")?;
        }
        writeln!(
            f,
            "amounts that could not be parsed: {}",
            self.build.unparsed.len()
        )?;
        for source in &self.build.unparsed {
            writeln!(f, "  {}:{} {}", source.doc, source.line_start, source.quote)?;
        }
        Ok(())
    }
}
