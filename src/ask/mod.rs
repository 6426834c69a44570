//! Cited answers for chatbots: a question is read with rules ([`intent`]), its subject is
//! found among the graph's nodes, and the answer is composed only from the facts and
//! passages it cites ([`compose`]). When the evidence does not answer, `supported` is false,
//! `answer` is null and the best passages still come back; when several items fit equally,
//! they come back as `follow_ups` instead of a guess.

pub mod budget;
pub mod change;
pub mod compose;
pub mod conversation;
pub mod figures;
pub mod intent;
pub mod listing;
pub mod outcome;
pub mod response;
pub mod subject;
pub mod totals;

use crate::engine::Engine;
use crate::graph::model::{NodeDraft, NodeType, Rel};
use crate::normalize::for_matching;
use crate::search::{Hit, HitNode, SearchRequest};
use conversation::{Resolved, Turn};
use intent::{Intent, Reading};
use outcome::Outcome;
pub use response::{
    AskError, AskRequest, AskResponse, Citation, Computed, DEFAULT_CITATIONS, Fact, FollowUp,
    MAX_CITATIONS, MAX_CONVERSATION_ID_BYTES, MAX_QUESTION_BYTES,
};

fn node_ref(node: &NodeDraft) -> HitNode {
    HitNode {
        id: node.id.clone(),
        node_type: node.node_type.as_str().to_string(),
        name: node.name.clone(),
    }
}

/// Most facts stated in one answer about links (担当, 計画, 指標).
const MAX_FACTS: usize = 8;
/// Share of the subject's words a passage must hold to support a passage answer.
const PASSAGE_SUPPORT_SHARE: f64 = 0.6;

/// Answers a question on its own, outside any conversation.
pub fn answer(engine: &Engine, request: &AskRequest) -> Result<AskResponse, AskError> {
    answer_turn(engine, request, None).map(|(response, _)| response)
}

/// Answers a question as the next turn after `previous` (none for a first question), and
/// returns what this turn was about for the next one.
pub fn answer_turn(
    engine: &Engine,
    request: &AskRequest,
    previous: Option<&Turn>,
) -> Result<(AskResponse, Turn), AskError> {
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
    let resolved = conversation::resolve(&reading, question, previous);
    let continued = resolved
        .subject
        .as_deref()
        .and_then(|id| engine.graph.node(id));
    let search_text = match continued {
        Some(subject) => format!("{} {question}", subject.name),
        None => question.to_string(),
    };
    let searched = engine.search(&SearchRequest {
        q: search_text,
        limit: max_citations.max(DEFAULT_CITATIONS),
        passages: true,
        ..SearchRequest::default()
    })?;
    let passages = searched.page.hits;
    let candidates = match continued {
        Some(subject) => vec![(1.0, subject)],
        None => subject::candidates(
            engine,
            question,
            resolved.intent,
            (resolved.fy, resolved.kind),
        )?,
    };
    let ambiguous = match continued {
        Some(_) => Vec::new(),
        None => subject::equally_fitting(&candidates, question),
    };
    let mut response = AskResponse {
        question: request.question.clone(),
        intent: resolved.intent,
        answer: None,
        supported: false,
        facts: Vec::new(),
        computed: None,
        citations: Vec::new(),
        passages,
        nodes: candidates
            .iter()
            .take(3)
            .map(|(_, n)| node_ref(n))
            .collect(),
        expansions: searched.expansions,
        follow_ups: Vec::new(),
        conversation_id: None,
    };
    let accounts = if asks_for_accounts(&candidates, resolved.intent, &reading) {
        let agency = candidates
            .first()
            .map(|(_, n)| *n)
            .filter(|n| n.node_type == NodeType::Agency);
        let accounts = totals::accounts(engine, question, agency);
        match continued {
            Some(subject) if accounts.iter().any(|a| a.id == subject.id) => vec![subject],
            _ => accounts,
        }
    } else {
        Vec::new()
    };
    let outcome = if let Some(first) = accounts.first() {
        if resolved.intent == Intent::Change {
            Some(change::answer(engine, first, resolved.fy, resolved.kind))
        } else {
            Some(totals::account_answer(
                engine,
                &accounts,
                resolved.fy,
                resolved.kind,
            ))
        }
    } else if ambiguous.len() > 1 && resolved.intent != Intent::Lookup {
        response.follow_ups = ambiguous
            .iter()
            .map(|node| FollowUp {
                label: node.name.clone(),
                question: compose::question_about(node, resolved.intent),
                node: Some(node_ref(node)),
            })
            .collect();
        None
    } else {
        let subject = match resolved.intent {
            Intent::Total => totals::stated_section(engine, &candidates),
            _ => candidates.first().map(|(_, node)| *node),
        };
        subject.map(|subject| answer_about(engine, subject, &resolved))
    };
    let turn = Turn {
        subject: outcome
            .as_ref()
            .and_then(|o| o.subject)
            .map(|s| s.id.clone())
            .or_else(|| candidates.first().map(|(_, n)| n.id.clone()))
            .or_else(|| previous.and_then(|p| p.subject.clone())),
        intent: resolved.intent,
        fy: outcome.as_ref().and_then(|o| o.fy).or(resolved.fy),
        kind: outcome.as_ref().and_then(|o| o.kind).or(resolved.kind),
    };
    if let Some(outcome) = outcome {
        if outcome.supported
            && let Some(subject) = outcome.subject
        {
            response.follow_ups = compose::next_questions(subject, resolved.intent);
        }
        response.supported = outcome.supported;
        response.answer = outcome.answer;
        response.computed = outcome.computed;
        response.facts = outcome.facts.into_vec();
    }
    // A passage answers only what it can: never a change, and never a year other than the
    // one asked for.
    let passage_may_answer = !response.supported
        && response.follow_ups.is_empty()
        && resolved.intent != Intent::Change
        && continued.is_none();
    let passage_fallback = passage_may_answer
        .then(|| supporting_passage(&response.passages, question, resolved.intent))
        .flatten()
        .filter(|hit| {
            resolved.fy.is_none_or(|fy| {
                crate::money::find_fiscal_years(&hit.text)
                    .iter()
                    .any(|m| m.year == fy)
            })
        });
    if let Some(hit) = passage_fallback {
        response.answer = Some(compose::passage_answer(hit));
        response.supported = true;
    }
    response.citations = citations(engine, &response.facts, &response.passages, max_citations);
    Ok((response, turn))
}

/// Whether a question is about a ministry's or an account's total rather than an item's:
/// it asks for a total (or a change of one) and names no item, or an agency, or an
/// account; or it asks an agency's budget.
fn asks_for_accounts(candidates: &[(f32, &NodeDraft)], intent: Intent, reading: &Reading) -> bool {
    let is_agency = |node: &NodeDraft| node.node_type == NodeType::Agency;
    let is_account = |node: &NodeDraft| {
        node.props.get("role").and_then(serde_json::Value::as_str) == Some("account")
    };
    match (intent, candidates.first()) {
        (Intent::Total, None) => true,
        (Intent::Total, Some((_, node))) => is_agency(node) || is_account(node),
        (Intent::Change, Some((_, node))) => {
            reading.wants_total && (is_agency(node) || is_account(node))
        }
        (Intent::Change, None) => reading.wants_total,
        // "総務省の令和6年度予算はいくら?": a ministry's budget is its accounts' totals.
        (Intent::Budget, Some((_, node))) => is_agency(node),
        _ => false,
    }
}

/// Answers the resolved intent about `subject`.
fn answer_about<'e>(
    engine: &'e Engine,
    subject: &'e NodeDraft,
    resolved: &Resolved,
) -> Outcome<'e> {
    let (fy, kind) = (resolved.fy, resolved.kind);
    match resolved.intent {
        Intent::Budget => budget::answer(engine, subject, fy, kind),
        Intent::Change => change::answer(engine, subject, fy, kind),
        Intent::Total => totals::section_answer(engine, subject, fy, kind),
        Intent::List => listing::answer(engine, subject, fy, kind),
        Intent::Responsibility => {
            links(engine, subject, Intent::Responsibility, &[Rel::Responsible])
        }
        Intent::Strategy => links(
            engine,
            subject,
            Intent::Strategy,
            &[Rel::Implements, Rel::BasedOn],
        ),
        Intent::Indicator => links(
            engine,
            subject,
            Intent::Indicator,
            &[Rel::EvaluatedBy, Rel::Targets],
        ),
        Intent::Lookup => Outcome::about(subject, Intent::Lookup),
    }
}

/// Facts from the subject's links (its own, then its parents').
fn links<'e>(
    engine: &'e Engine,
    subject: &'e NodeDraft,
    intent: Intent,
    rels: &[Rel],
) -> Outcome<'e> {
    let mut outcome = Outcome::about(subject, intent);
    outcome
        .facts
        .extend(compose::link_facts(engine, subject, rels, MAX_FACTS));
    if !outcome.facts.is_empty() {
        outcome.answer = Some(compose::graph_answer(subject, intent, outcome.facts.all()));
        outcome.supported = true;
    }
    outcome
}

/// The best passage when it holds most of the question's subject words (and an amount, for
/// a budget or total question).
fn supporting_passage<'h>(passages: &'h [Hit], question: &str, intent: Intent) -> Option<&'h Hit> {
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
    let wants_amount = matches!(intent, Intent::Budget | Intent::Total);
    (enough && (!wants_amount || states_amount)).then_some(top)
}

/// Citations: the facts' sources and the passages, interleaved, without repeats.
fn citations(engine: &Engine, facts: &[Fact], passages: &[Hit], limit: usize) -> Vec<Citation> {
    let from_facts = facts
        .iter()
        .filter_map(|f| f.sources.first())
        .map(|s| Citation {
            doc: s.doc.to_string(),
            doc_title: engine.doc_title(&s.doc),
            line_start: s.line_start,
            line_end: s.line_end,
            quote: s.quote.to_string(),
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
