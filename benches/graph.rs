//! Graph traversal and budget latency: neighbourhoods, shortest paths, budget listings and
//! the reconciliation of stated totals.
//!
//! Fixed input: the graph built from the real seeds. Hub nodes and path pairs are picked
//! deterministically from it (highest degree per type, ties by id). Neighbourhoods are walked
//! both ways over every relationship up to the most nodes the API allows. All operations run
//! interleaved, one call each per round; every round must give the same result as the first.
//!
//! `SEISAKU_BENCH_ROUNDS` (default 200) changes the number of rounds.

mod common;

use common::{Samples, config_in, env_count, print_header, print_row};
use seisaku::budgets::{BudgetQuery, check_totals, list_budgets};
use seisaku::engine::Engine;
use seisaku::graph::KnowledgeGraph;
use seisaku::graph::model::{NodeType, Rel};
use seisaku::graph::query::{MAX_DEPTH, MAX_NODES, WalkFilter, neighbors, shortest_paths};
use seisaku::money::{BudgetKind, FiscalYear};
use std::collections::{HashMap, VecDeque};
use std::time::Instant;

/// Words of the budget listing filtered by name.
const BUDGET_WORDS: &str = "基金";
/// Longest path searched, as the API's default.
const PATH_DEPTH: usize = 4;

/// One measured operation: a label and a call returning a summary of its output.
struct Operation<'g> {
    label: String,
    run: Box<dyn Fn() -> String + 'g>,
}

fn main() {
    let rounds = env_count("SEISAKU_BENCH_ROUNDS", 200);
    let dir = tempfile::tempdir().expect("temp dir for the index");
    let config = config_in(dir.path());
    let engine = Engine::open_or_build(&config, &indicatif::ProgressBar::hidden())
        .expect("engine builds from the seeds");
    let graph = &engine.graph;

    let operations = operations(graph);
    let expected: Vec<String> = operations.iter().map(|op| (op.run)()).collect();
    let mut samples = vec![Samples::default(); operations.len()];
    for round in 0..rounds {
        // Alternate the order each round so no operation always runs after the same one.
        let order: Vec<usize> = if round % 2 == 0 {
            (0..operations.len()).collect()
        } else {
            (0..operations.len()).rev().collect()
        };
        for i in order {
            let started = Instant::now();
            let summary = (operations[i].run)();
            samples[i].push(started.elapsed());
            assert_eq!(
                summary, expected[i],
                "{} changed in round {round}",
                operations[i].label
            );
        }
    }

    println!(
        "== graph ({} nodes, {} edges), {rounds} interleaved rounds; outputs identical in \
         every round ==",
        graph.nodes().len(),
        graph.edges().len()
    );
    let width = operations
        .iter()
        .map(|op| op.label.chars().count())
        .max()
        .unwrap_or(10);
    print_header("operation", width);
    for (op, s) in operations.iter().zip(&samples) {
        print_row(&op.label, width, s);
    }
    println!();
    println!("outputs:");
    for (op, summary) in operations.iter().zip(&expected) {
        println!("  {:<width$} {summary}", op.label);
    }
}

/// The node of `node_type` with the most edges (ties: the smallest id).
fn hub(graph: &KnowledgeGraph, node_type: NodeType) -> String {
    graph
        .nodes_of_type(node_type)
        .map(|n| (std::cmp::Reverse(graph.edges_of(&n.id).len()), n.id.clone()))
        .min()
        .map(|(_, id)| id)
        .unwrap_or_else(|| panic!("the graph has no {} node", node_type.as_str()))
}

/// Distances (undirected, up to `max`) from `start` to every node reached.
fn distances(graph: &KnowledgeGraph, start: &str, max: usize) -> HashMap<String, usize> {
    let mut seen = HashMap::from([(start.to_string(), 0)]);
    let mut queue = VecDeque::from([(start.to_string(), 0)]);
    while let Some((id, d)) = queue.pop_front() {
        if d >= max {
            continue;
        }
        for (_, edge) in graph.edges_of(&id) {
            let other = if edge.from == id {
                &edge.to
            } else {
                &edge.from
            };
            if !seen.contains_key(other.as_str()) {
                seen.insert(other.to_string(), d + 1);
                queue.push_back((other.to_string(), d + 1));
            }
        }
    }
    seen
}

/// The node of `node_type` farthest from `from` within [`PATH_DEPTH`] (ties: smallest id).
fn farthest_of_type(graph: &KnowledgeGraph, from: &str, node_type: NodeType) -> String {
    let reached = distances(graph, from, PATH_DEPTH);
    graph
        .nodes_of_type(node_type)
        .filter_map(|n| {
            reached
                .get(&n.id)
                .map(|d| (std::cmp::Reverse(*d), n.id.clone()))
        })
        .filter(|(d, id)| d.0 > 0 && id != from)
        .min()
        .map(|(_, id)| id)
        .unwrap_or_else(|| panic!("no {} within {PATH_DEPTH} of {from}", node_type.as_str()))
}

/// The first measure (by id) that implements a strategy, and that strategy.
fn measure_implementing_strategy(graph: &KnowledgeGraph) -> (String, String) {
    let mut pairs: Vec<(String, String)> = graph
        .edges()
        .iter()
        .filter(|e| e.rel == Rel::Implements)
        .filter(|e| {
            graph
                .node(&e.from)
                .is_some_and(|n| n.node_type == NodeType::Measure)
        })
        .filter(|e| {
            graph
                .node(&e.to)
                .is_some_and(|n| n.node_type == NodeType::Strategy)
        })
        .map(|e| (e.from.to_string(), e.to.to_string()))
        .collect();
    pairs.sort();
    pairs
        .into_iter()
        .next()
        .expect("a measure that implements a strategy")
}

fn operations(graph: &KnowledgeGraph) -> Vec<Operation<'_>> {
    let fund = hub(graph, NodeType::Fund);
    let theme = hub(graph, NodeType::Theme);
    let policy = hub(graph, NodeType::Policy);
    let document = hub(graph, NodeType::Document);
    let agency = hub(graph, NodeType::Agency);
    println!(
        "hubs: fund {fund}, theme {theme}, policy {policy}, document {document}, agency {agency}; \
         budget words {BUDGET_WORDS}"
    );

    let mut ops: Vec<Operation<'_>> = Vec::new();
    for (kind, start) in [
        ("fund", &fund),
        ("theme", &theme),
        ("policy", &policy),
        ("document", &document),
    ] {
        for depth in 1..=MAX_DEPTH {
            let start = start.clone();
            ops.push(Operation {
                label: format!("neighbors {kind} d={depth}"),
                run: Box::new(move || {
                    let sub = neighbors(graph, &start, depth, &WalkFilter::default(), MAX_NODES)
                        .expect("hub node exists");
                    format!(
                        "{} nodes, {} edges, truncated {}",
                        sub.nodes.len(),
                        sub.edges.len(),
                        sub.truncated
                    )
                }),
            });
        }
    }

    let (measure, strategy) = measure_implementing_strategy(graph);
    let pairs = [
        ("measure->strategy", measure, strategy),
        (
            "fund->document",
            fund.clone(),
            farthest_of_type(graph, &fund, NodeType::Document),
        ),
        (
            "theme->agency",
            theme.clone(),
            farthest_of_type(graph, &theme, NodeType::Agency),
        ),
        (
            "policy->indicator",
            policy.clone(),
            farthest_of_type(graph, &policy, NodeType::Indicator),
        ),
        (
            "document->measure",
            document.clone(),
            farthest_of_type(graph, &document, NodeType::Measure),
        ),
    ];
    for (label, from, to) in pairs {
        println!("path {label}: {from} -> {to}");
        ops.push(Operation {
            label: format!("paths {label}"),
            run: Box::new(move || {
                let paths =
                    shortest_paths(graph, &from, &to, PATH_DEPTH, &[]).expect("path ends exist");
                format!(
                    "{} paths of length {}",
                    paths.len(),
                    paths.first().map_or(0, |p| p.edges.len())
                )
            }),
        });
    }

    let budget_queries = [
        ("budgets all", BudgetQuery::default()),
        (
            "budgets fy=R6 kind=initial",
            BudgetQuery {
                fy: Some(FiscalYear::reiwa(6)),
                kind: Some(BudgetKind::Initial),
                ..BudgetQuery::default()
            },
        ),
        (
            "budgets words",
            BudgetQuery {
                q: Some(BUDGET_WORDS.to_string()),
                ..BudgetQuery::default()
            },
        ),
        (
            "budgets under=policy",
            BudgetQuery {
                under: Some(policy.clone()),
                ..BudgetQuery::default()
            },
        ),
        (
            "budgets theme",
            BudgetQuery {
                theme: Some(theme.clone()),
                ..BudgetQuery::default()
            },
        ),
        (
            "budgets agency",
            BudgetQuery {
                agency: Some(agency.clone()),
                ..BudgetQuery::default()
            },
        ),
    ];
    for (label, query) in budget_queries {
        ops.push(Operation {
            label: label.to_string(),
            run: Box::new(move || {
                let listing = list_budgets(graph, &query);
                format!(
                    "{} items, total {:?} 億円, {} excluded",
                    listing.items.len(),
                    listing.total_oku,
                    listing.excluded.len()
                )
            }),
        });
    }
    ops.push(Operation {
        label: "check_totals".to_string(),
        run: Box::new(move || {
            let checks = check_totals(graph);
            let mismatching = checks.iter().filter(|c| c.status == "mismatch").count();
            format!("{} totals checked, {mismatching} mismatching", checks.len())
        }),
    });
    ops
}
