//! "Which measures make up X?": the subject's children in the graph (its parts, the
//! measures carrying it out, the measures it pays for), each with its amount and source,
//! long lists cut with a count of the rest.

use super::compose::{self, source_note};
use super::figures::{Figure, best, budget_figures, budget_nodes_of, coverage, of_asked};
use super::intent::Intent;
use super::node_ref;
use super::outcome::Outcome;
use super::response::Fact;
use super::subject::children;
use crate::engine::Engine;
use crate::graph::model::{EdgeDraft, NodeDraft, Rel};
use crate::money::{BudgetKind, FiscalYear};

/// Children listed in one answer; the rest are counted.
pub const MAX_LISTED: usize = 10;

fn relation_japanese(rel: Rel) -> &'static str {
    match rel {
        Rel::Implements => "取り組む施策",
        Rel::FundedBy => "この財源による事業",
        _ => "構成する項目",
    }
}

/// Answers a list question about `subject`.
pub fn answer<'e>(
    engine: &'e Engine,
    subject: &'e NodeDraft,
    fy: Option<FiscalYear>,
    kind: Option<BudgetKind>,
) -> Outcome<'e> {
    let mut outcome = Outcome::about(subject, Intent::List);
    let found = children(engine, subject);
    let figures: Vec<Vec<Figure>> = found
        .iter()
        .map(|(child, _)| budget_figures(&budget_nodes_of(engine, &child.id)))
        .collect();
    let asked = fy.is_some() || kind.is_some();
    let any_asked = figures.iter().flatten().any(|f| f.matches(fy, kind));
    if asked && !any_asked {
        let held: Vec<Figure> = figures.into_iter().flatten().collect();
        return outcome.unsupported(format!(
            "「{}」を構成する項目の{}数字は、この資料にはありません。{}",
            subject.name,
            of_asked(fy, kind),
            coverage(&held, fy)
        ));
    }
    let total = found.len();
    let mut lines = Vec::new();
    for ((child, edge), child_figures) in found.iter().zip(&figures).take(MAX_LISTED) {
        let figure = best(&nearest_first(child_figures, edge), fy, kind);
        let fact = part_fact(engine, subject, child, edge, figure.as_ref());
        lines.push(format!("・{}", fact.text));
        outcome.facts.add(fact);
    }
    if total > MAX_LISTED {
        lines.push(format!("…ほか{}件", total - MAX_LISTED));
    }
    let rel = found
        .first()
        .map(|(_, e)| relation_japanese(e.rel))
        .unwrap_or("構成する項目");
    outcome.answer = Some(format!(
        "「{}」の{}は{}件あります。\n{}",
        subject.name,
        rel,
        total,
        lines.join("\n")
    ));
    outcome.fy = fy;
    outcome.kind = kind;
    outcome.supported = true;
    outcome
}

/// A child's figures, those read beside the relation (same document, nearest line) first,
/// so that of equal figures the one the listing's own table states is shown.
fn nearest_first<'e>(figures: &[Figure<'e>], edge: &EdgeDraft) -> Vec<Figure<'e>> {
    let anchor = edge.sources.first();
    let mut sorted = figures.to_vec();
    sorted.sort_by_key(|f| {
        let source = f.node.sources.first();
        match (anchor, source) {
            (Some(a), Some(s)) if a.doc == s.doc => (0, a.line_start.abs_diff(s.line_start)),
            _ => (1, 0),
        }
    });
    sorted
}

/// A child as a fact: its amount (when it has one) and where both stand.
fn part_fact(
    engine: &Engine,
    subject: &NodeDraft,
    child: &NodeDraft,
    edge: &EdgeDraft,
    figure: Option<&Figure>,
) -> Fact {
    let relation_sources = if edge.sources.is_empty() {
        &child.sources
    } else {
        &edge.sources
    };
    let (text, sources) = match figure {
        Some(figure) => (
            format!(
                "「{}」: {} {}{}",
                child.name,
                compose::figure_label(figure),
                compose::figure_amount(figure),
                source_note(engine, &figure.node.sources)
            ),
            figure
                .node
                .sources
                .iter()
                .chain(relation_sources.iter())
                .cloned()
                .collect(),
        ),
        None => (
            format!(
                "「{}」{}",
                child.name,
                source_note(engine, relation_sources)
            ),
            relation_sources.clone(),
        ),
    };
    Fact {
        id: String::new(),
        kind: "part".into(),
        subject: node_ref(subject),
        object: node_ref(child),
        text,
        amount_oku_yen: figure.and_then(|f| f.amount).map(|a| a.to_string()),
        fy: figure.and_then(|f| f.fy).map(|y| y.label()),
        budget_kind: figure.map(|f| f.kind.clone()),
        inclusive: figure.map(|f| f.inclusive),
        sources,
    }
}
