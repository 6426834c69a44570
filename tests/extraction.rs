//! Extraction quality on the dev gold facts, and provenance checks over the whole graph.

mod common;

use seisaku::corpus::Corpus;
use seisaku::eval::report::extraction_report;
use seisaku::graph::build::quote_stands;
use seisaku::vocab::Vocabulary;

const MIN_BUDGET_RECALL: f64 = 0.99;
const MIN_BUDGET_PRECISION: f64 = 0.98;
const MIN_ENTITY_RECALL: f64 = 0.85;
const MIN_RELATION_RECALL: f64 = 0.75;

#[test]
fn graph_meets_the_gold_facts() {
    let root = common::root();
    let corpus = Corpus::load(&root.join("seeds")).expect("seeds");
    let vocab = Vocabulary::load(&root.join("seeds/vocabulary.toml")).expect("vocabulary");
    let report = extraction_report(&corpus, &vocab, Some(&root.join("tests/fixtures/gold")))
        .expect("report");
    println!("{report}");
    let scores = report.scores.as_ref().expect("gold scores");
    assert!(scores.budget.tally.gold > 300, "gold budgets loaded");
    assert!(scores.budget.recall() >= MIN_BUDGET_RECALL, "{scores}");
    assert!(
        scores.budget.precision() >= MIN_BUDGET_PRECISION,
        "{scores}"
    );
    assert!(
        scores.entity_total().recall() >= MIN_ENTITY_RECALL,
        "{scores}"
    );
    assert!(
        scores.relation_total().recall() >= MIN_RELATION_RECALL,
        "{scores}"
    );
    assert!(
        report.amounts.missing.is_empty(),
        "amounts not in their cited lines: {:?}",
        report.amounts.missing
    );
    assert_eq!(
        report.build.rejected_sources, 0,
        "parsers cited quotes that are not in their lines"
    );
}

#[test]
fn every_node_and_edge_cites_lines_that_hold_its_quote() {
    let engine = common::engine();
    let graph = &engine.graph;
    assert!(graph.nodes().len() > 1000);
    for node in graph.nodes() {
        assert!(!node.sources.is_empty(), "{} has no source", node.id);
        for source in &node.sources {
            assert!(
                quote_stands(&engine.corpus, source),
                "{}: {source:?}",
                node.id
            );
        }
        assert!(
            !node.id.contains(['/', '?', '#', ' ', '%']),
            "id not path-safe: {}",
            node.id
        );
    }
    for edge in graph.edges() {
        assert!(
            !edge.sources.is_empty(),
            "{} {} {}",
            edge.from,
            edge.rel,
            edge.to
        );
        for source in &edge.sources {
            assert!(quote_stands(&engine.corpus, source), "{edge:?}");
        }
        assert!(graph.node(&edge.from).is_some() && graph.node(&edge.to).is_some());
    }
}

#[test]
fn ids_are_stable_across_rebuilds() {
    let engine = common::engine();
    let dir = tempfile::tempdir().expect("temp dir");
    let rebuilt = seisaku::engine::Engine::build(
        &common::config_in(dir.path()),
        &indicatif::ProgressBar::hidden(),
    )
    .expect("rebuild");
    let ids = |g: &seisaku::graph::KnowledgeGraph| {
        g.nodes()
            .iter()
            .map(|n| n.id.clone())
            .collect::<std::collections::BTreeSet<_>>()
    };
    assert_eq!(ids(&engine.graph), ids(&rebuilt.graph));
}

#[test]
fn changes_are_never_budgets_of_their_own() {
    let engine = common::engine();
    for node in engine
        .graph
        .nodes_of_type(seisaku::graph::model::NodeType::Budget)
    {
        let amount = node.props.get("amount_oku_yen").and_then(|v| v.as_str());
        assert!(
            !amount.is_some_and(|a| a.starts_with('-')),
            "the seeds state no negative budget: {}",
            node.id
        );
        let metric = node.props.get("metric").and_then(|v| v.as_str());
        assert!(
            !metric.is_some_and(|m| m.contains("増減")),
            "a change recorded as a budget: {}",
            node.id
        );
    }
}
