//! Totals: a ministry's or an account's total as the document states it, and a section's
//! total — stated when the document states one, else the exact sum of its parts' countable
//! figures, saying which of the two it is.

use super::compose::{self, oku};
use super::figures::{
    Figure, asked_japanese, best, budget_figures, budget_nodes_of, coverage, kind_rank, of_asked,
    year_japanese,
};
use super::intent::Intent;
use super::outcome::Outcome;
use super::response::Computed;
use super::subject::{budget_nodes, is_total_row, squeezed};
use crate::budgets::{BudgetQuery, list_budgets};
use crate::engine::Engine;
use crate::graph::EdgeDirection;
use crate::graph::model::{NodeDraft, NodeType, Rel};
use crate::money::{BudgetKind, FiscalYear};
use rust_decimal::Decimal;
use serde_json::Value;
use std::cmp::Reverse;
use std::collections::BTreeSet;

/// The word every account's name ends in (一般会計, …特別会計).
const ACCOUNT_WORD: &str = "会計";
/// The two kinds of account.
const ACCOUNT_KINDS: [&str; 2] = ["一般会計", "特別会計"];
/// Parts listed in the text of a sum (all of them are facts).
const LISTED_PARTS: usize = 10;

/// Whether a node is an account (一般会計, a 特別会計) whose totals a document states.
fn is_account(node: &NodeDraft) -> bool {
    node.node_type == NodeType::Program
        && (node.props.get("role").and_then(Value::as_str) == Some("account")
            || squeezed(&node.name).contains(ACCOUNT_WORD))
}

/// The accounts a question is about: those it names, else those of the kind it names
/// (一般会計 / 特別会計), else those of the documents the agency publishes (none when it
/// publishes none), else all.
pub fn accounts<'e>(
    engine: &'e Engine,
    question: &str,
    agency: Option<&NodeDraft>,
) -> Vec<&'e NodeDraft> {
    let all: Vec<&NodeDraft> = engine
        .graph
        .nodes_of_type(NodeType::Program)
        .filter(|n| is_account(n))
        .filter(|n| !budget_figures(&budget_nodes_of(engine, &n.id)).is_empty())
        .collect();
    let question = squeezed(question);
    let named: Vec<&NodeDraft> = all
        .iter()
        .copied()
        .filter(|n| question.contains(&squeezed(&n.name)))
        .collect();
    if !named.is_empty() {
        return named;
    }
    let account_words: Vec<&str> = ACCOUNT_KINDS
        .into_iter()
        .filter(|w| question.contains(w))
        .collect();
    if !account_words.is_empty() {
        return all
            .into_iter()
            .filter(|n| account_words.iter().any(|w| squeezed(&n.name).contains(w)))
            .collect();
    }
    if let Some(agency) = agency {
        let name = squeezed(&agency.name);
        let published: Vec<&NodeDraft> = all
            .iter()
            .copied()
            .filter(|n| {
                n.sources.iter().any(|s| {
                    engine.document(&s.doc).is_some_and(|d| {
                        squeezed(&d.publisher).contains(&name) || squeezed(&d.title).contains(&name)
                    })
                })
            })
            .collect();
        // Another agency's question is not answered with these accounts.
        return published;
    }
    all
}

/// The figure a node states for the asked year and kind (or its newest), own amounts
/// only.
fn stated_figure<'e>(
    engine: &'e Engine,
    node: &NodeDraft,
    fy: Option<FiscalYear>,
    kind: Option<BudgetKind>,
) -> (Option<Figure<'e>>, Vec<Figure<'e>>) {
    let all: Vec<Figure> = budget_figures(&budget_nodes_of(engine, &node.id))
        .into_iter()
        .filter(Figure::is_own_amount)
        .collect();
    let chosen = best(
        &all.iter()
            .filter(|f| !f.is_relisted())
            .cloned()
            .collect::<Vec<_>>(),
        fy,
        kind,
    );
    (chosen, all)
}

/// The subject of a section total: the best candidate, or — when it states no figure of
/// its own — a section (a node with parts) named after it that does (`Xの確保` for X).
pub fn stated_section<'e>(
    engine: &Engine,
    candidates: &[(f32, &'e NodeDraft)],
) -> Option<&'e NodeDraft> {
    let (_, best) = candidates.first()?;
    let states = |node: &NodeDraft| {
        budget_figures(&budget_nodes_of(engine, &node.id))
            .iter()
            .any(Figure::is_own_amount)
    };
    if states(best) {
        return Some(best);
    }
    let name = squeezed(&best.name);
    candidates
        .iter()
        .map(|(_, node)| *node)
        .find(|node| {
            node.id != best.id
                && squeezed(&node.name).contains(&name)
                && states(node)
                && !part_children(engine, &node.id).is_empty()
        })
        .or(Some(best))
}

/// Answers a ministry's or account's total from the accounts' stated figures.
pub fn account_answer<'e>(
    engine: &'e Engine,
    accounts: &[&'e NodeDraft],
    fy: Option<FiscalYear>,
    kind: Option<BudgetKind>,
) -> Outcome<'e> {
    let mut outcome = Outcome {
        intent: Some(Intent::Total),
        subject: accounts.first().copied(),
        ..Outcome::default()
    };
    // One year for every account: the asked one, else the newest any account states.
    let year = fy.or_else(|| {
        accounts
            .iter()
            .filter_map(|a| stated_figure(engine, a, None, kind).0.and_then(|f| f.fy))
            .max()
    });
    let mut lines = Vec::new();
    let mut held = Vec::new();
    for account in accounts {
        let (figure, all) = stated_figure(engine, account, year, kind);
        held.extend(all);
        let Some(figure) = figure else { continue };
        lines.push(format!(
            "・{}: {} {}{}",
            account.name,
            compose::figure_label(&figure),
            oku(figure.amount.unwrap_or_default()),
            compose::source_note(engine, &figure.node.sources)
        ));
        outcome
            .facts
            .add(compose::budget_fact(engine, account, &figure));
    }
    if outcome.facts.is_empty() {
        return outcome.unsupported(format!(
            "{}の総額は、この資料にはありません。{}",
            asked_japanese(year, kind),
            coverage(&held, year)
        ));
    }
    outcome.answer = Some(format!(
        "{}の総額（資料に記載された合計）は次のとおりです。\n{}",
        year.map(year_japanese).unwrap_or_default(),
        lines.join("\n")
    ));
    outcome.fy = year;
    outcome.kind = kind;
    outcome.supported = true;
    outcome
}

/// Answers a section's total: its stated figure, else the sum of its parts' countable
/// figures of one year and kind.
pub fn section_answer<'e>(
    engine: &'e Engine,
    subject: &'e NodeDraft,
    fy: Option<FiscalYear>,
    kind: Option<BudgetKind>,
) -> Outcome<'e> {
    let mut outcome = Outcome::about(subject, Intent::Total);
    let (stated, own) = stated_figure(engine, subject, fy, kind);
    if let Some(figure) = stated {
        outcome.answer = Some(format!(
            "「{}」の{}の合計は{}です（資料に記載された合計）{}。",
            subject.name,
            compose::figure_label(&figure),
            oku(figure.amount.unwrap_or_default()),
            compose::source_note(engine, &figure.node.sources)
        ));
        let id = outcome
            .facts
            .add(compose::budget_fact(engine, subject, &figure));
        outcome.computed = Some(Computed {
            op: "sum".into(),
            operands: vec![id.clone()],
            result: figure.amount.unwrap_or_default().to_string(),
            rate_pct: None,
            basis: "stated".into(),
            stated_by: Some(id),
        });
        outcome.fy = figure.fy;
        outcome.kind = BudgetKind::parse(&figure.kind);
        outcome.supported = true;
        return outcome;
    }
    let parts = parts_of(engine, subject, fy, kind);
    if parts.is_empty() {
        // No figure can be added up (の内数, 事項要求): the figures the documents do state,
        // saying that they make no total.
        let figures = super::budget::answer(engine, subject, fy, kind);
        if figures.supported {
            let mut stated = figures;
            stated.intent = Some(Intent::Total);
            stated.answer = Some(format!(
                "「{}」の{}合計額は資料に記載がなく、記載されている額（の内数・事項要求を含む）は足し合わせられません。記載されている額は次のとおりです。\n{}",
                subject.name,
                of_asked(fy, kind),
                listed(stated.facts.all())
            ));
            return stated;
        }
        let mut held: Vec<Figure> = own;
        held.extend(budget_figures(&budget_nodes(engine, subject)));
        return outcome.unsupported(format!(
            "「{}」の{}合計は、この資料にはありません。{}",
            subject.name,
            of_asked(fy, kind),
            coverage(&held, fy)
        ));
    }
    let mut operands = Vec::new();
    let mut sum = Decimal::ZERO;
    for part in &parts {
        sum += part.amount.unwrap_or_default();
        operands.push(
            outcome
                .facts
                .add(compose::budget_fact(engine, subject, part)),
        );
    }
    let label = parts.first().map(compose::figure_label).unwrap_or_default();
    outcome.answer = Some(format!(
        "「{}」の{}の合計は資料に記載されていないため、内訳{}件の額を合計しました: {}（の内数・再掲・事項要求の額は含めていません）。\n{}",
        subject.name,
        label,
        parts.len(),
        oku(sum),
        listed(outcome.facts.all())
    ));
    outcome.computed = Some(Computed {
        op: "sum".into(),
        operands,
        result: sum.to_string(),
        rate_pct: None,
        basis: "calculated".into(),
        stated_by: None,
    });
    outcome.fy = parts.first().and_then(|p| p.fy);
    outcome.kind = parts.first().and_then(|p| BudgetKind::parse(&p.kind));
    outcome.supported = true;
    outcome
}

/// Most levels of parts descended into for a sum.
const MAX_DEPTH: usize = 3;

/// Whether a figure can be added into a sum: its own amount, listed here first, spending.
pub(super) fn countable(figure: &Figure) -> bool {
    figure.is_own_amount() && !figure.is_relisted() && !figure.is_revenue()
}

/// The figures a sum of `node`'s parts adds up: for each part (`part_of`), its own figure
/// of the year and kind, or else its own parts' figures; the year and kind are the asked
/// ones, else those most of the direct parts state (the newest on a tie). For a node
/// without parts (a theme), the countable figures of the items carrying it out.
fn parts_of<'e>(
    engine: &'e Engine,
    node: &NodeDraft,
    fy: Option<FiscalYear>,
    kind: Option<BudgetKind>,
) -> Vec<Figure<'e>> {
    let direct: Vec<Figure> = part_children(engine, &node.id)
        .iter()
        .flat_map(|child| budget_figures(&budget_nodes_of(engine, child)))
        .filter(|f| countable(f) && f.matches(fy, kind))
        .collect();
    let mut counts: std::collections::BTreeMap<(Option<FiscalYear>, String), usize> =
        std::collections::BTreeMap::new();
    for figure in &direct {
        *counts.entry((figure.fy, figure.kind.clone())).or_default() += 1;
    }
    let chosen = counts
        .into_iter()
        .max_by_key(|((year, kind), count)| (*count, *year, Reverse(kind_rank(kind))))
        .map(|(key, _)| key);
    let Some((year, kind_name)) = chosen else {
        return theme_parts(engine, node, fy, kind);
    };
    let kind = BudgetKind::parse(&kind_name);
    let mut found = Vec::new();
    let mut seen = BTreeSet::new();
    collect_parts(engine, &node.id, year, kind, 0, &mut seen, &mut found);
    found
}

fn collect_parts<'e>(
    engine: &'e Engine,
    id: &str,
    fy: Option<FiscalYear>,
    kind: Option<BudgetKind>,
    depth: usize,
    seen: &mut BTreeSet<String>,
    found: &mut Vec<Figure<'e>>,
) {
    for child in part_children(engine, id) {
        let own: Vec<Figure> = budget_figures(&budget_nodes_of(engine, &child))
            .into_iter()
            .filter(|f| countable(f) && f.matches(fy, kind))
            .collect();
        match best(&own, fy, kind) {
            Some(figure) if seen.insert(figure.node.id.clone()) => found.push(figure),
            Some(_) => {}
            None if depth < MAX_DEPTH => {
                collect_parts(engine, &child, fy, kind, depth + 1, seen, found);
            }
            None => {}
        }
    }
}

/// Ids of the nodes directly `part_of` `id` (total rows left out), each once.
fn part_children(engine: &Engine, id: &str) -> Vec<String> {
    let mut seen = BTreeSet::new();
    engine
        .graph
        .edges_of(id)
        .into_iter()
        .filter(|(d, e)| *d == EdgeDirection::In && e.rel == Rel::PartOf)
        .filter(|(_, e)| engine.graph.node(&e.from).is_some_and(|n| !is_total_row(n)))
        .map(|(_, e)| e.from.to_string())
        .filter(|from| seen.insert(from.clone()))
        .collect()
}

/// The countable figures of the items carrying a theme out, of one year and kind.
fn theme_parts<'e>(
    engine: &'e Engine,
    node: &NodeDraft,
    fy: Option<FiscalYear>,
    kind: Option<BudgetKind>,
) -> Vec<Figure<'e>> {
    let listing = list_budgets(
        &engine.graph,
        &BudgetQuery {
            theme: Some(node.id.clone()),
            fy,
            kind,
            ..BudgetQuery::default()
        },
    );
    let excluded: BTreeSet<&str> = listing.excluded.iter().map(|e| e.id.as_str()).collect();
    let Some(subtotal) = listing.subtotals.iter().max_by_key(|s| {
        (
            s.count,
            FiscalYear::parse_label(&s.fy),
            Reverse(kind_rank(&s.kind)),
        )
    }) else {
        return Vec::new();
    };
    listing
        .items
        .iter()
        .filter(|i| i.fy == subtotal.fy && i.kind == subtotal.kind)
        .filter(|i| !excluded.contains(i.id.as_str()))
        .filter_map(|i| engine.graph.node(&i.id))
        .map(Figure::of)
        .collect()
}

/// The first facts as lines, and how many more there are.
fn listed(facts: &[super::response::Fact]) -> String {
    let mut lines: Vec<String> = facts
        .iter()
        .take(LISTED_PARTS)
        .map(|f| format!("・{}", f.text))
        .collect();
    if facts.len() > LISTED_PARTS {
        lines.push(format!("…ほか{}件", facts.len() - LISTED_PARTS));
    }
    lines.join("\n")
}
