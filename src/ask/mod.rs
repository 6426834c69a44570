//! Cited answers for chatbots: a question is read with rules ([`intent`]), its subject is
//! found among the graph's nodes, and the answer is composed only from the facts and
//! passages it cites ([`compose`]). When the evidence does not answer, `supported` is false,
//! `answer` is null and the best passages still come back; when several items fit equally,
//! they come back as `follow_ups` instead of a guess.

pub mod compose;
pub mod intent;

use crate::engine::Engine;
use crate::graph::EdgeDirection;
use crate::graph::model::{NodeDraft, NodeType, Rel, Source};
use crate::graph::query::linked_through_ancestors;
use crate::normalize::for_matching;
use crate::search::{Hit, HitNode, SearchError, SearchRequest};
use crate::vocab::Expansion;
use intent::{Intent, Reading};
use serde::{Deserialize, Serialize};

/// Default number of citations.
pub const DEFAULT_CITATIONS: usize = 5;
/// Most citations a request may ask for.
pub const MAX_CITATIONS: usize = 20;
/// Longest accepted question, in bytes.
pub const MAX_QUESTION_BYTES: usize = 1_000;
/// Most facts stated in one answer.
const MAX_FACTS: usize = 8;
/// Candidates scoring within this share of the best one fit "equally".
const AMBIGUITY_RATIO: f32 = 0.92;
/// Share of the subject's words a passage must hold to support a passage answer.
const PASSAGE_SUPPORT_SHARE: f64 = 0.6;

/// A question.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema, schemars::JsonSchema)]
pub struct AskRequest {
    /// The question, in Japanese (e.g. 地域おこし協力隊の予算はいくら?).
    pub question: String,
    /// How many citations to return, 1..=20 (default 5).
    pub max_citations: Option<usize>,
}

/// Why a question was refused.
#[derive(Debug, thiserror::Error)]
pub enum AskError {
    /// Nothing was asked.
    #[error("the question is empty")]
    EmptyQuestion,
    /// The question is too long.
    #[error("the question is longer than {MAX_QUESTION_BYTES} bytes")]
    TooLong,
    /// max_citations out of range.
    #[error("max_citations must be between 1 and {MAX_CITATIONS}")]
    BadCitations,
    /// Searching failed.
    #[error(transparent)]
    Search(#[from] SearchError),
}

/// One fact the answer states, with where it stands.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Fact {
    /// `budget`, `responsible`, `implements`, `based_on`, `evaluated_by` or `targets`.
    pub kind: String,
    /// The item the fact is about.
    pub subject: HitNode,
    /// The other end (agency, strategy, indicator), or the budget node.
    pub object: HitNode,
    /// The fact as a Japanese sentence.
    pub text: String,
    /// Budget amount in 億円 (exact decimal), for budget facts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount_oku_yen: Option<String>,
    /// Fiscal year label, for budget facts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fy: Option<String>,
    /// Budget kind, for budget facts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub budget_kind: Option<String>,
    /// の内数, for budget facts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inclusive: Option<bool>,
    /// Where it stands.
    pub sources: Vec<Source>,
}

/// A citation: the lines an answer rests on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Citation {
    /// Seed file.
    pub doc: String,
    /// Document title.
    pub doc_title: String,
    /// First line (1-based).
    pub line_start: u32,
    /// Last line (1-based, inclusive).
    pub line_end: u32,
    /// Text that stands in those lines.
    pub quote: String,
}

/// A choice or a next question to offer.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct FollowUp {
    /// What to show on the button.
    pub label: String,
    /// The question to send when chosen.
    pub question: String,
    /// The item it is about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub node: Option<HitNode>,
}

/// The answer to a question.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct AskResponse {
    /// The question as received.
    pub question: String,
    /// `budget`, `responsibility`, `strategy`, `indicator` or `lookup`.
    pub intent: Intent,
    /// Japanese answer composed only from the cited facts and passages; null when unsupported.
    pub answer: Option<String>,
    /// Whether the evidence answers the question.
    pub supported: bool,
    /// Facts the answer states.
    pub facts: Vec<Fact>,
    /// The lines the answer rests on.
    pub citations: Vec<Citation>,
    /// The best passages for the question.
    pub passages: Vec<Hit>,
    /// The graph nodes the question was understood to be about.
    pub nodes: Vec<HitNode>,
    /// Vocabulary expansions applied.
    pub expansions: Vec<Expansion>,
    /// Choices when several items fit, or next questions.
    pub follow_ups: Vec<FollowUp>,
}

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

fn node_ref(node: &NodeDraft) -> HitNode {
    HitNode {
        id: node.id.clone(),
        node_type: node.node_type.as_str().to_string(),
        name: node.name.clone(),
    }
}

/// Answers a question from the graph and the passages.
pub fn answer(engine: &Engine, request: &AskRequest) -> Result<AskResponse, AskError> {
    let question = request.question.trim();
    if question.is_empty() || !question.chars().any(char::is_alphanumeric) {
        return Err(AskError::EmptyQuestion);
    }
    if request.question.len() > MAX_QUESTION_BYTES {
        return Err(AskError::TooLong);
    }
    let max_citations = request.max_citations.unwrap_or(DEFAULT_CITATIONS);
    if max_citations == 0 || max_citations > MAX_CITATIONS {
        return Err(AskError::BadCitations);
    }
    let reading = intent::read(question);
    let searched = engine.search(&SearchRequest {
        q: question.to_string(),
        limit: max_citations.max(DEFAULT_CITATIONS),
        passages: true,
        ..SearchRequest::default()
    })?;
    let passages = searched.page.hits;
    let candidates = subject_candidates(engine, question, &reading)?;
    let mut response = AskResponse {
        question: request.question.clone(),
        intent: reading.intent,
        answer: None,
        supported: false,
        facts: Vec::new(),
        citations: Vec::new(),
        passages,
        nodes: candidates
            .iter()
            .take(3)
            .map(|(_, n)| node_ref(n))
            .collect(),
        expansions: searched.expansions,
        follow_ups: Vec::new(),
    };
    let ambiguous = equally_fitting(&candidates, question);
    if ambiguous.len() > 1 {
        response.follow_ups = ambiguous
            .iter()
            .map(|node| FollowUp {
                label: node.name.clone(),
                question: compose::question_about(node, reading.intent),
                node: Some(node_ref(node)),
            })
            .collect();
    } else if let Some((_, subject)) = candidates.first() {
        response.facts = facts_for(engine, subject, &reading);
        if !response.facts.is_empty() {
            response.answer = Some(compose::graph_answer(
                engine,
                subject,
                &reading,
                &response.facts,
            ));
            response.supported = true;
            response.follow_ups = compose::next_questions(subject, reading.intent);
        }
    }
    let passage_fallback = (!response.supported && response.follow_ups.is_empty())
        .then(|| supporting_passage(&response.passages, question, &reading))
        .flatten();
    if let Some(hit) = passage_fallback {
        response.answer = Some(compose::passage_answer(hit));
        response.supported = true;
    }
    response.citations = citations(engine, &response.facts, &response.passages, max_citations);
    Ok(response)
}

/// Nodes the question may be about, best first, among those that can answer its intent.
fn subject_candidates<'e>(
    engine: &'e Engine,
    question: &str,
    reading: &Reading,
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
    let normalized_question = for_matching(question).replace(' ', "");
    let mut candidates: Vec<(f32, &NodeDraft)> = found
        .page
        .hits
        .iter()
        .filter_map(|hit| engine.graph.node(&hit.id).map(|node| (hit.score, node)))
        .filter(|(_, node)| can_answer(engine, node, reading.intent))
        .map(|(score, node)| {
            // A name written out in the question is what the question is about.
            let named = std::iter::once(&node.name)
                .chain(node.aliases.iter())
                .map(|n| for_matching(n).replace(' ', ""))
                .any(|n| n.chars().count() >= 2 && normalized_question.contains(&n));
            (if named { score * 2.0 } else { score }, node)
        })
        .collect();
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0));
    Ok(candidates)
}

/// Whether a node has (itself, or through its parts or parents) the facts an intent needs.
fn can_answer(engine: &Engine, node: &NodeDraft, intent: Intent) -> bool {
    match intent {
        Intent::Budget => !budget_nodes(engine, node).is_empty(),
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
fn equally_fitting<'e>(candidates: &[(f32, &'e NodeDraft)], question: &str) -> Vec<&'e NodeDraft> {
    let Some((best, _)) = candidates.first() else {
        return Vec::new();
    };
    let mut names = std::collections::HashSet::new();
    let close: Vec<&NodeDraft> = candidates
        .iter()
        .take_while(|(score, _)| *score >= best * AMBIGUITY_RATIO)
        .map(|(_, node)| *node)
        .filter(|node| names.insert(for_matching(&node.name).replace(' ', "")))
        .take(5)
        .collect();
    let question = for_matching(question).replace(' ', "");
    let named_outright = close
        .iter()
        .any(|node| question.contains(&for_matching(&node.name).replace(' ', "")));
    if named_outright { Vec::new() } else { close }
}

/// A node's own budget nodes, then those of the items that belong to it or name it (its
/// parts, and measures implementing or mentioning it), one level away.
fn budget_nodes<'e>(engine: &'e Engine, node: &NodeDraft) -> Vec<&'e NodeDraft> {
    let mut found = budgets_of(engine, &node.id);
    let related = engine
        .graph
        .edges_of(&node.id)
        .into_iter()
        .filter(|(d, e)| {
            *d == EdgeDirection::In
                && matches!(e.rel, Rel::PartOf | Rel::Mentions | Rel::Implements)
        })
        .flat_map(|(_, e)| budgets_of(engine, &e.from));
    let mut seen: std::collections::HashSet<String> = found.iter().map(|b| b.id.clone()).collect();
    for budget in related {
        if seen.insert(budget.id.clone()) {
            found.push(budget);
        }
    }
    found
}

fn budgets_of<'e>(engine: &'e Engine, id: &str) -> Vec<&'e NodeDraft> {
    engine
        .graph
        .edges_of(id)
        .into_iter()
        .filter(|(d, e)| *d == EdgeDirection::Out && e.rel == Rel::HasBudget)
        .filter_map(|(_, e)| engine.graph.node(&e.to))
        .collect()
}

/// The facts about `subject` that answer the reading.
fn facts_for(engine: &Engine, subject: &NodeDraft, reading: &Reading) -> Vec<Fact> {
    match reading.intent {
        Intent::Budget => compose::budget_facts(
            engine,
            subject,
            budget_nodes(engine, subject),
            reading,
            MAX_FACTS,
        ),
        Intent::Responsibility => {
            compose::link_facts(engine, subject, &[Rel::Responsible], MAX_FACTS)
        }
        Intent::Strategy => {
            compose::link_facts(engine, subject, &[Rel::Implements, Rel::BasedOn], MAX_FACTS)
        }
        Intent::Indicator => compose::link_facts(
            engine,
            subject,
            &[Rel::EvaluatedBy, Rel::Targets],
            MAX_FACTS,
        ),
        Intent::Lookup => Vec::new(),
    }
}

/// The best passage when it holds most of the question's subject words (and an amount, for
/// a budget question).
fn supporting_passage<'h>(
    passages: &'h [Hit],
    question: &str,
    reading: &Reading,
) -> Option<&'h Hit> {
    let subject = intent::subject_text(question);
    let words: Vec<String> = subject
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 2)
        .map(str::to_string)
        .collect();
    let top = passages.first()?;
    let text = for_matching(&top.text).replace(' ', "");
    let grams: Vec<String> = words
        .iter()
        .flat_map(|w| {
            let chars: Vec<char> = w.chars().collect();
            chars
                .windows(2)
                .map(|p| p.iter().collect::<String>())
                .collect::<Vec<_>>()
        })
        .collect();
    if grams.is_empty() {
        return None;
    }
    let held = grams.iter().filter(|g| text.contains(g.as_str())).count();
    let enough = held as f64 / grams.len() as f64 >= PASSAGE_SUPPORT_SHARE;
    let states_amount = !crate::money::find_amounts(&top.text).is_empty();
    (enough && (reading.intent != Intent::Budget || states_amount)).then_some(top)
}

/// Citations: the facts' sources and the passages, interleaved, without repeats.
fn citations(engine: &Engine, facts: &[Fact], passages: &[Hit], limit: usize) -> Vec<Citation> {
    let from_facts = facts
        .iter()
        .filter_map(|f| f.sources.first())
        .map(|s| Citation {
            doc: s.doc.clone(),
            doc_title: engine.doc_title(&s.doc),
            line_start: s.line_start,
            line_end: s.line_end,
            quote: s.quote.clone(),
        });
    let from_passages = passages.iter().map(|hit| Citation {
        doc: hit.doc.clone(),
        doc_title: hit.doc_title.clone(),
        line_start: hit.line_start,
        line_end: hit.line_end,
        quote: compose::passage_quote(hit),
    });
    // The first fact leads; passages follow, with further facts after every second passage,
    // so that the evidence a reader checks first is both the stated fact and the best text.
    let mut facts_iter = from_facts.peekable();
    let mut passages_iter = from_passages.peekable();
    let mut out: Vec<Citation> = Vec::new();
    let push = |out: &mut Vec<Citation>, next: Citation| {
        let repeated = out.iter().any(|c| {
            c.doc == next.doc && c.line_start == next.line_start && c.line_end == next.line_end
        });
        if !repeated && out.len() < limit {
            out.push(next);
        }
    };
    if let Some(first) = facts_iter.next() {
        push(&mut out, first);
    }
    while out.len() < limit && (facts_iter.peek().is_some() || passages_iter.peek().is_some()) {
        for next in [
            passages_iter.next(),
            passages_iter.next(),
            facts_iter.next(),
        ]
        .into_iter()
        .flatten()
        {
            push(&mut out, next);
        }
    }
    out
}
