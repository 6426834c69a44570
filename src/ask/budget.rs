//! "What is X's budget?": the subject's figures, narrowed to the asked year and kind; when
//! the asked year or kind is not in the corpus, no other figure stands in for it.

use super::compose;
use super::figures::{Figure, budget_figures, coverage, of_asked};
use super::intent::Intent;
use super::outcome::Outcome;
use super::subject::budget_nodes;
use crate::engine::Engine;
use crate::graph::model::NodeDraft;
use crate::money::{BudgetKind, FiscalYear};
use std::cmp::Reverse;
use std::collections::BTreeSet;

/// Most budget facts stated in one answer.
pub const MAX_BUDGET_FACTS: usize = 8;

/// The subject's figures that match the asked year and kind, newest first, each once.
pub fn matching<'e>(
    engine: &'e Engine,
    subject: &NodeDraft,
    fy: Option<FiscalYear>,
    kind: Option<BudgetKind>,
) -> (Vec<Figure<'e>>, Vec<Figure<'e>>) {
    let all = budget_figures(&budget_nodes(engine, subject));
    let mut chosen: Vec<Figure> = all
        .iter()
        .filter(|f| f.matches(fy, kind))
        .cloned()
        .collect();
    // Newest year first; within a year, stated budgets before の内数, 事項要求 and other
    // related amounts.
    chosen.sort_by_key(|f| {
        (
            Reverse(f.fy),
            !f.is_own_amount(),
            f.kind == BudgetKind::Other.as_str(),
        )
    });
    let mut seen = BTreeSet::new();
    chosen.retain(|f| seen.insert(f.node.id.clone()));
    (chosen, all)
}

/// Answers a budget question about `subject`.
pub fn answer<'e>(
    engine: &'e Engine,
    subject: &'e NodeDraft,
    fy: Option<FiscalYear>,
    kind: Option<BudgetKind>,
) -> Outcome<'e> {
    let mut outcome = Outcome::about(subject, Intent::Budget);
    let (chosen, all) = matching(engine, subject, fy, kind);
    if chosen.is_empty() {
        return outcome.unsupported(format!(
            "「{}」の{}数字は、この資料にはありません。{}",
            subject.name,
            of_asked(fy, kind),
            coverage(&all, fy)
        ));
    }
    outcome.fy = fy.or(chosen.first().and_then(|f| f.fy));
    outcome.kind = kind;
    outcome.facts.extend(
        chosen
            .iter()
            .take(MAX_BUDGET_FACTS)
            .map(|f| compose::budget_fact(engine, subject, f)),
    );
    outcome.answer = Some(compose::graph_answer(
        subject,
        Intent::Budget,
        outcome.facts.all(),
    ));
    outcome.supported = true;
    outcome
}
