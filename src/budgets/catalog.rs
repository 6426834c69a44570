//! The catalog a build's listings filter: one compact entry per budget figure, in source
//! order, holding only what the filters need (the node and its owners as graph indices, the
//! year and kind, the text words are looked for in). Items are made from the graph for the
//! figures a listing shows, not kept for all.

use super::figure::{self, Figure, matched_text};
use super::{BudgetListing, BudgetQuery, Excluded, Rel};
use super::{aggregate_items, owners_link_to, totals_without};
use crate::graph::KnowledgeGraph;
use crate::graph::model::{NodeDraft, NodeType};
use crate::graph::query::part_of_closure;
use crate::money::BudgetKind;
use petgraph::Direction;
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;

/// Every budget figure of a graph, in source order, with the text its words are looked for
/// in: what each listing filters. Made once per build (see
/// [`crate::engine::Engine::budget_catalog`]).
#[derive(Debug, Clone, Default)]
pub struct BudgetCatalog {
    entries: Vec<Entry>,
}

/// One figure of the catalog.
#[derive(Debug, Clone)]
struct Entry {
    /// The budget node.
    node: NodeIndex,
    /// The nodes with a `has_budget` edge to it, in edge order.
    owners: Box<[NodeIndex]>,
    /// Gregorian fiscal year (0 when unknown).
    fiscal_year: u16,
    /// Kind, when its name is one of [`BudgetKind`]'s.
    kind: Option<BudgetKind>,
    /// The item's name and its owners' names and aliases as matched, joined by `|`.
    haystack: Box<str>,
    /// Length in bytes of the item's name at the head of `haystack`.
    item_len: usize,
}

impl BudgetCatalog {
    /// The catalog of a graph.
    pub fn new(graph: &KnowledgeGraph) -> BudgetCatalog {
        let mut entries: Vec<Entry> = graph
            .nodes_of_type(NodeType::Budget)
            .filter_map(|node| entry(graph, node))
            .collect();
        entries.sort_by_cached_key(|entry| {
            node_at(graph, entry.node)
                .and_then(|node| node.sources.first())
                .map(|s| (s.doc.clone(), s.line_start))
                .unwrap_or_default()
        });
        BudgetCatalog { entries }
    }
}

/// The entry of a budget node.
fn entry(graph: &KnowledgeGraph, node: &NodeDraft) -> Option<Entry> {
    let index = graph.index_of(&node.id)?;
    let owners: Vec<NodeIndex> = owner_indices(graph, index);
    let mut haystack = matched_text(figure::item_name(node));
    let item_len = haystack.len();
    for owner in owners.iter().filter_map(|o| node_at(graph, *o)) {
        haystack.push('|');
        haystack.push_str(&matched_text(&owner.name));
        for alias in &owner.aliases {
            haystack.push('|');
            haystack.push_str(&matched_text(alias));
        }
    }
    let kind = figure::kind_name(node);
    Some(Entry {
        node: index,
        owners: owners.into_boxed_slice(),
        fiscal_year: figure::fiscal_year(node),
        kind: BudgetKind::parse(kind).filter(|k| k.as_str() == kind),
        haystack: haystack.into_boxed_str(),
        item_len,
    })
}

/// The owners of a budget node (`has_budget` edges to it), in the order of
/// [`KnowledgeGraph::edges_of`].
fn owner_indices(graph: &KnowledgeGraph, budget: NodeIndex) -> Vec<NodeIndex> {
    graph
        .petgraph()
        .edges_directed(budget, Direction::Incoming)
        .filter(|edge| {
            graph
                .edges()
                .get(*edge.weight())
                .is_some_and(|draft| draft.rel == Rel::HasBudget)
        })
        .map(|edge| edge.source())
        .collect()
}

/// The node at a petgraph index, if the graph has it.
fn node_at(graph: &KnowledgeGraph, index: NodeIndex) -> Option<&NodeDraft> {
    let position = graph.petgraph().node_weight(index)?;
    graph.nodes().get(*position)
}

/// [`super::list_budgets`] over a graph's catalog made beforehand: the matching budget
/// nodes in source order, with the totals.
pub fn list_budgets_in<'g>(
    graph: &'g KnowledgeGraph,
    catalog: &BudgetCatalog,
    query: &BudgetQuery,
) -> BudgetListing<&'g NodeDraft> {
    let words: Vec<String> = query
        .q
        .as_deref()
        .map(|q| q.split_whitespace().map(matched_text).collect())
        .unwrap_or_default();
    let closure = |id: &Option<String>| id.as_deref().map(|id| part_of_closure(graph, id));
    let under = closure(&query.under);
    let agency = closure(&query.agency);
    let theme = closure(&query.theme);
    let (items, figures): (Vec<&NodeDraft>, Vec<Figure>) = catalog
        .entries
        .iter()
        .filter(|entry| words.iter().all(|w| entry.haystack.contains(w.as_str())))
        .filter(|entry| {
            query
                .fy
                .is_none_or(|fy| entry.fiscal_year == fy.gregorian())
        })
        .filter(|entry| query.kind.is_none_or(|k| entry.kind == Some(k)))
        .filter_map(|entry| {
            let node = node_at(graph, entry.node)?;
            let owners = entry
                .owners
                .iter()
                .filter_map(|o| node_at(graph, *o))
                .map(|o| o.id.as_str())
                .collect();
            let matched = entry.haystack.get(..entry.item_len).unwrap_or_default();
            Some((node, Figure::of_node(node, owners, matched)))
        })
        .filter(|(_, figure)| {
            under
                .as_ref()
                .is_none_or(|set| figure.owners.iter().any(|o| set.contains(*o)))
        })
        .filter(|(_, figure)| {
            agency
                .as_ref()
                .is_none_or(|a| owners_link_to(graph, &figure.owners, a, &[Rel::Responsible]))
        })
        .filter(|(_, figure)| {
            theme.as_ref().is_none_or(|t| {
                owners_link_to(
                    graph,
                    &figure.owners,
                    t,
                    &[Rel::Implements, Rel::Mentions, Rel::Targets],
                )
            })
        })
        .unzip();
    let aggregates = aggregate_items(graph, &figures);
    let (total_oku, subtotals, mut excluded) = totals_without(&figures, &aggregates);
    excluded.extend(aggregates.into_iter().map(|id| Excluded {
        id,
        reason: "a total of parts that are listed and counted here".to_string(),
    }));
    BudgetListing {
        items,
        total_oku,
        subtotals,
        excluded,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::GraphData;
    use crate::graph::model::{EdgeDraft, Source};
    use crate::money::FiscalYear;
    use serde_json::json;

    fn source(doc: &str, line: u32) -> Source {
        Source {
            doc: doc.into(),
            line_start: line,
            line_end: line,
            quote: "x".into(),
        }
    }

    struct Figure<'a> {
        name: &'a str,
        item: &'a str,
        year: (&'a str, u16),
        kind: &'a str,
        amount: &'a str,
        at: (&'a str, u32),
    }

    fn budget(figure: Figure, extra: &[(&str, serde_json::Value)]) -> NodeDraft {
        let (fy, fiscal_year) = figure.year;
        let mut node = NodeDraft::new(
            NodeType::Budget,
            figure.name,
            source(figure.at.0, figure.at.1),
        )
        .with_prop("item", figure.item)
        .with_prop("fy", fy)
        .with_prop("fiscal_year", fiscal_year)
        .with_prop("kind", figure.kind)
        .with_prop("amount_oku_yen", figure.amount)
        .with_prop("inclusive", false)
        .with_prop("flags", json!([]));
        for (key, value) in extra {
            node = node.with_prop(key, value.clone());
        }
        node
    }

    /// A program P with a part M1 (in the care of agency A) and a measure M2; figures on
    /// lines out of order, one の内数, one relisted, one repeated in another document and the
    /// program's own total of its part.
    fn graph() -> KnowledgeGraph {
        let r6 = ("R6", 2024);
        let figure = |name, item, amount, at| Figure {
            name,
            item,
            year: r6,
            kind: "initial",
            amount,
            at,
        };
        let nodes = vec![
            NodeDraft::new(NodeType::Program, "P", source("a.txt", 1)),
            NodeDraft::new(NodeType::Measure, "研究事業", source("a.txt", 2)),
            NodeDraft::new(NodeType::Measure, "通信基金事業", source("a.txt", 3)),
            NodeDraft::new(NodeType::Agency, "A", source("a.txt", 1)),
            budget(figure("b1", "研究", "10", ("a.txt", 5)), &[]),
            budget(figure("b2", "通信", "20", ("a.txt", 3)), &[]),
            budget(figure("b3", "P", "30", ("a.txt", 1)), &[]),
            budget(
                figure("b4", "通信の内数", "5", ("a.txt", 4)),
                &[("inclusive", json!(true))],
            ),
            budget(
                Figure {
                    year: ("R7", 2025),
                    kind: "request",
                    ..figure("b5", "研究", "7", ("a.txt", 6))
                },
                &[("flags", json!(["relisted"]))],
            ),
            budget(figure("b6", "研究", "10.0", ("b.txt", 5)), &[]),
        ];
        let id = |i: usize| nodes[i].id.clone();
        let edge = |from: usize, rel, to: usize| {
            EdgeDraft::new(&id(from), rel, &id(to), source("a.txt", 1))
        };
        let edges = vec![
            edge(1, Rel::PartOf, 0),
            edge(1, Rel::Responsible, 3),
            edge(1, Rel::HasBudget, 4),
            edge(2, Rel::HasBudget, 5),
            edge(0, Rel::HasBudget, 6),
            edge(2, Rel::HasBudget, 7),
            edge(1, Rel::HasBudget, 8),
            edge(1, Rel::HasBudget, 9),
        ];
        KnowledgeGraph::new(GraphData { nodes, edges })
    }

    fn listed(
        graph: &KnowledgeGraph,
        query: BudgetQuery,
    ) -> (Vec<String>, BudgetListing<&NodeDraft>) {
        let catalog = BudgetCatalog::new(graph);
        let listing = list_budgets_in(graph, &catalog, &query);
        let names = listing.items.iter().map(|n| n.name.clone()).collect();
        (names, listing)
    }

    #[test]
    fn lists_every_figure_in_source_order_and_counts_each_once() {
        let graph = graph();
        let (names, listing) = listed(&graph, BudgetQuery::default());
        assert_eq!(names, ["b3", "b2", "b4", "b1", "b5", "b6"]);
        assert_eq!(
            listing.total_oku,
            Some(30.into()),
            "the relisted R7 figure is left out"
        );
        let subtotals: Vec<_> = listing
            .subtotals
            .iter()
            .map(|s| {
                (
                    s.fy.as_str(),
                    s.kind.as_str(),
                    s.total_oku_yen.as_str(),
                    s.count,
                )
            })
            .collect();
        assert_eq!(subtotals, [("R6", "initial", "30", 2)]);
        let mut excluded: Vec<_> = listing
            .excluded
            .iter()
            .filter_map(|e| graph.node(&e.id).map(|n| n.name.as_str()))
            .collect();
        excluded.sort_unstable();
        assert_eq!(excluded, ["b3", "b4", "b5", "b6"]);
    }

    #[test]
    fn filters_by_words_year_kind_and_links() {
        let graph = graph();
        let names = |query| listed(&graph, query).0;
        let p = graph.nodes()[0].id.clone();
        let a = graph.nodes()[3].id.clone();
        let words = |q: &str| BudgetQuery {
            q: Some(q.into()),
            ..BudgetQuery::default()
        };
        assert_eq!(names(words("基金")), ["b2", "b4"], "an owner's name");
        assert_eq!(names(words("内数 通信")), ["b4"], "every word");
        let r7 = BudgetQuery {
            fy: FiscalYear::parse_label("R7"),
            ..BudgetQuery::default()
        };
        assert_eq!(names(r7), ["b5"]);
        let request = BudgetQuery {
            kind: Some(BudgetKind::Request),
            ..BudgetQuery::default()
        };
        assert_eq!(names(request), ["b5"]);
        let under = BudgetQuery {
            under: Some(p),
            ..BudgetQuery::default()
        };
        assert_eq!(names(under), ["b3", "b1", "b5", "b6"]);
        let agency = BudgetQuery {
            agency: Some(a),
            ..BudgetQuery::default()
        };
        assert_eq!(names(agency), ["b1", "b5", "b6"]);
    }

    #[test]
    fn shown_items_are_the_nodes_items() {
        let graph = graph();
        let (_, listing) = listed(&graph, BudgetQuery::default());
        let owned = super::super::list_budgets(&graph, &BudgetQuery::default());
        let shown: Vec<_> = listing
            .items
            .iter()
            .map(|node| super::super::budget_item(&graph, node).owners)
            .collect();
        let owners: Vec<_> = owned.items.into_iter().map(|item| item.owners).collect();
        assert_eq!(shown, owners);
        assert_eq!(owners[3], [graph.nodes()[1].id.clone()]);
    }

    #[test]
    fn revenue_is_listed_but_never_added_to_spending() {
        let figure = |name, item, amount, at| Figure {
            name,
            item,
            year: ("R8", 2026),
            kind: "initial",
            amount,
            at: ("a.txt", at),
        };
        let nodes = vec![
            NodeDraft::new(NodeType::Measure, "市税", source("a.txt", 3)),
            NodeDraft::new(NodeType::Measure, "総務費", source("a.txt", 9)),
            budget(
                figure("tax", "市税", "216.84", 3),
                &[("flags", json!(["revenue"]))],
            ),
            budget(figure("general", "総務費", "58.4", 9), &[]),
        ];
        let id = |i: usize| nodes[i].id.clone();
        let edges = vec![
            EdgeDraft::new(&id(0), Rel::HasBudget, &id(2), source("a.txt", 3)),
            EdgeDraft::new(&id(1), Rel::HasBudget, &id(3), source("a.txt", 9)),
        ];
        let graph = KnowledgeGraph::new(GraphData { nodes, edges });
        let (names, listing) = listed(&graph, BudgetQuery::default());
        assert_eq!(names, ["tax", "general"]);
        assert_eq!(listing.total_oku, Some("58.4".parse().unwrap()));
        let reasons: Vec<_> = listing.excluded.iter().map(|e| e.reason.as_str()).collect();
        assert_eq!(
            reasons,
            ["歳入/財源: revenue or a source of funding, not spending"]
        );
    }

    #[test]
    fn two_supplementaries_giving_an_item_the_same_amount_both_count() {
        let figure = |name| Figure {
            name,
            item: "民生費",
            year: ("R8", 2026),
            kind: "supplementary",
            amount: "3.2",
            at: ("a.txt", 7),
        };
        let nodes = vec![
            NodeDraft::new(NodeType::Measure, "民生費", source("a.txt", 7)),
            budget(figure("first"), &[("bill", json!("第1号"))]),
            budget(figure("second"), &[("bill", json!("第2号"))]),
        ];
        let edges = (1..=2)
            .map(|index| {
                EdgeDraft::new(
                    &nodes[0].id,
                    Rel::HasBudget,
                    &nodes[index].id,
                    source("a.txt", 7),
                )
            })
            .collect();
        let graph = KnowledgeGraph::new(GraphData { nodes, edges });
        let listing = super::super::list_budgets(&graph, &BudgetQuery::default());
        let bills: Vec<_> = listing.items.iter().map(|item| item.bill.clone()).collect();
        assert_eq!(bills, [Some("第1号".into()), Some("第2号".into())]);
        assert_eq!(listing.total_oku, Some("6.4".parse().expect("decimal")));
        assert!(listing.excluded.is_empty(), "{:?}", listing.excluded);
    }
}
