//! Finding what a question is about: node-name hits that can answer its intent, a name
//! written out in the question first, and the items that fit about equally well.

use super::figures::{budget_figures, budget_nodes_of};
use super::intent::{self, Intent};
use crate::engine::Engine;
use crate::graph::EdgeDirection;
use crate::graph::model::{NodeDraft, NodeType, Rel};
use crate::graph::query::linked_through_ancestors;
use crate::money::{BudgetKind, FiscalYear};
use crate::normalize::for_matching;
use crate::search::{SearchError, SearchRequest};
use std::collections::HashSet;

/// Candidates scoring within this share of the best one fit "equally".
const AMBIGUITY_RATIO: f32 = 0.92;

/// Node types a question's subject may be.
const SUBJECT_TYPES: [NodeType; 8] = [
    NodeType::Measure,
    NodeType::Program,
    NodeType::Fund,
    NodeType::Policy,
    NodeType::Strategy,
    NodeType::Theme,
    NodeType::Agency,
    NodeType::Indicator,
];

/// Relations that make a node part of another for a listing: its parts, the measures that
/// carry it out and the measures it pays for.
pub const CHILD_RELS: [Rel; 3] = [Rel::PartOf, Rel::Implements, Rel::FundedBy];

/// A name normalised for matching inside a question.
pub fn squeezed(text: &str) -> String {
    for_matching(text).replace(' ', "")
}

/// Nodes the question may be about, best first, among those that can answer its intent.
pub fn candidates<'e>(
    engine: &'e Engine,
    question: &str,
    intent: Intent,
    asked: (Option<FiscalYear>, Option<BudgetKind>),
) -> Result<Vec<(f32, &'e NodeDraft)>, SearchError> {
    let subject = intent::subject_text(question);
    if !subject.chars().any(char::is_alphanumeric) {
        return Ok(Vec::new());
    }
    let found = engine.search(&SearchRequest {
        q: subject,
        limit: 20,
        passages: false,
        node_types: SUBJECT_TYPES
            .iter()
            .map(|t| t.as_str().to_string())
            .collect(),
        ..SearchRequest::default()
    })?;
    let normalized_question = squeezed(question);
    let money = matches!(intent, Intent::Budget | Intent::Total | Intent::Change);
    let (fy, kind) = asked;
    let mut ranked: Vec<(usize, bool, f32, &NodeDraft)> = found
        .page
        .hits
        .iter()
        .filter_map(|hit| engine.graph.node(&hit.id).map(|node| (hit.score, node)))
        .filter(|(_, node)| can_answer(engine, node, intent))
        .map(|(score, node)| {
            // A name written out in the question is what the question is about; the
            // longest one written out most of all.
            let named = names_of(node)
                .filter(|n| !names_only_a_year(n))
                .filter(|n| n.chars().count() >= 2 && normalized_question.contains(n))
                .map(|n| n.chars().count())
                .max()
                .unwrap_or(0);
            // For an amount of an asked year or kind, items that have one come first.
            let has_asked = money
                && (fy.is_some() || kind.is_some())
                && budget_figures(&budget_nodes(engine, node))
                    .iter()
                    .any(|f| f.matches(fy, kind));
            let score = if named > 0 { score * 2.0 } else { score };
            (named, has_asked, score, node)
        })
        .collect();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(b.2.total_cmp(&a.2)));
    let candidates = ranked
        .into_iter()
        .map(|(_, _, score, node)| (score, node))
        .collect();
    Ok(candidates)
}

/// Words that, beside a fiscal year, only say which budget (令和6年度補正予算).
const BUDGET_WORDS: [&str; 6] = ["補正予算", "当初予算", "概算要求", "予算案", "予算", "(案)"];

/// Whether a name only says a fiscal year and a kind of budget: written in a question it
/// asks for that year, it does not name a subject.
fn names_only_a_year(name: &str) -> bool {
    let years = crate::money::find_fiscal_years(name);
    if years.is_empty() {
        return false;
    }
    let mut rest = name.to_string();
    for found in years.iter().rev() {
        if rest.is_char_boundary(found.start) && rest.is_char_boundary(found.end) {
            rest.replace_range(found.start..found.end, "");
        }
    }
    for word in BUDGET_WORDS {
        rest = rest.replace(word, "");
    }
    !rest.chars().any(char::is_alphanumeric)
}

fn names_of(node: &NodeDraft) -> impl Iterator<Item = String> + '_ {
    std::iter::once(&node.name)
        .chain(node.aliases.iter())
        .map(|n| squeezed(n))
}

/// Whether a node has (itself, or through its parts or parents) the facts an intent needs.
pub fn can_answer(engine: &Engine, node: &NodeDraft, intent: Intent) -> bool {
    match intent {
        Intent::Budget | Intent::Change => !budget_figures(&budget_nodes(engine, node)).is_empty(),
        Intent::Total => {
            !budget_figures(&budget_nodes(engine, node)).is_empty()
                || !children(engine, node).is_empty()
        }
        Intent::List => !children(engine, node).is_empty(),
        Intent::Responsibility => {
            !linked_through_ancestors(&engine.graph, &node.id, Rel::Responsible).is_empty()
        }
        Intent::Strategy => {
            !linked_through_ancestors(&engine.graph, &node.id, Rel::Implements).is_empty()
                || !linked_through_ancestors(&engine.graph, &node.id, Rel::BasedOn).is_empty()
        }
        Intent::Indicator => {
            !linked_through_ancestors(&engine.graph, &node.id, Rel::EvaluatedBy).is_empty()
                || !linked_through_ancestors(&engine.graph, &node.id, Rel::Targets).is_empty()
        }
        Intent::Lookup => false,
    }
}

/// Several different items that fit about equally well, when the question names none of
/// them outright.
pub fn equally_fitting<'e>(
    candidates: &[(f32, &'e NodeDraft)],
    question: &str,
) -> Vec<&'e NodeDraft> {
    let Some((best, _)) = candidates.first() else {
        return Vec::new();
    };
    let mut names = HashSet::new();
    let close: Vec<&NodeDraft> = candidates
        .iter()
        .take_while(|(score, _)| *score >= best * AMBIGUITY_RATIO)
        .map(|(_, node)| *node)
        .filter(|node| names.insert(squeezed(&node.name)))
        .take(5)
        .collect();
    let question = squeezed(question);
    let named_outright = close
        .iter()
        .any(|node| question.contains(&squeezed(&node.name)));
    if named_outright { Vec::new() } else { close }
}

/// A node's own budget nodes, then those of the items that belong to it or name it (its
/// parts, and measures implementing or mentioning it), one level away. An agency's are
/// those of the items it is in charge of: a measure that only names an agency does not
/// spend the agency's money.
pub fn budget_nodes<'e>(engine: &'e Engine, node: &NodeDraft) -> Vec<&'e NodeDraft> {
    let mut found = budget_nodes_of(engine, &node.id);
    let agency = node.node_type == NodeType::Agency;
    let related = engine
        .graph
        .edges_of(&node.id)
        .into_iter()
        .filter(|(d, e)| {
            *d == EdgeDirection::In
                && if agency {
                    matches!(e.rel, Rel::PartOf | Rel::Responsible)
                } else {
                    matches!(e.rel, Rel::PartOf | Rel::Mentions | Rel::Implements)
                }
        })
        .flat_map(|(_, e)| budget_nodes_of(engine, &e.from));
    let mut seen: HashSet<String> = found.iter().map(|b| b.id.clone()).collect();
    for budget in related {
        if seen.insert(budget.id.clone()) {
            found.push(budget);
        }
    }
    found
}

/// Words a table's total row ends in: such a row repeats its table's total, it is no part.
const TOTAL_ROW_ENDINGS: [&str; 2] = ["合計", "総計"];

/// Whether a node is a table's total row (…合計), which repeats rather than adds.
pub fn is_total_row(node: &NodeDraft) -> bool {
    let name = squeezed(&node.name);
    TOTAL_ROW_ENDINGS.iter().any(|e| name.ends_with(e))
}

/// The items that make a node up ([`CHILD_RELS`] pointing at it, total rows left out),
/// with the edge's relation, in document order, each once.
pub fn children<'e>(
    engine: &'e Engine,
    node: &NodeDraft,
) -> Vec<(&'e NodeDraft, &'e crate::graph::model::EdgeDraft)> {
    let mut seen = HashSet::new();
    let mut found: Vec<(&NodeDraft, &crate::graph::model::EdgeDraft)> = engine
        .graph
        .edges_of(&node.id)
        .into_iter()
        .filter(|(d, e)| *d == EdgeDirection::In && CHILD_RELS.contains(&e.rel))
        .filter_map(|(_, e)| engine.graph.node(&e.from).map(|child| (child, e)))
        .filter(|(child, _)| {
            !matches!(child.node_type, NodeType::Budget | NodeType::Document)
                && child.id != node.id
                && !is_total_row(child)
        })
        .filter(|(child, _)| seen.insert(child.id.clone()))
        .collect();
    found.sort_by_key(|(child, edge)| {
        edge.sources
            .first()
            .or(child.sources.first())
            .map(|s| (s.doc.clone(), s.line_start))
            .unwrap_or_default()
    });
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_and_a_kind_are_not_a_subject() {
        assert!(names_only_a_year("令和6年度補正予算"));
        assert!(names_only_a_year("令和8年度概算要求"));
        assert!(!names_only_a_year("地域おこし協力隊"));
        assert!(!names_only_a_year(
            "経済対策に係る令和7年度情報通信関係補正予算"
        ));
    }
}
