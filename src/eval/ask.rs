//! The gold queries through `/ask`: citation hit@1/5 (a citation covers a relevant reference,
//! by the same rule as search) and, for budget questions, how often the answer states an
//! amount that stands in a relevant line.

use super::queries::{GoldQuery, RankedHit, is_relevant};
use crate::ask::{AskRequest, answer};
use crate::corpus::Corpus;
use crate::engine::Engine;
use crate::money::find_amounts;
use std::fmt;

/// Citations asked for per question.
const CITATIONS: usize = 5;

/// Aggregate figures of the ask evaluation.
#[derive(Debug, Clone, Default)]
pub struct AskReport {
    /// Questions asked.
    pub questions: usize,
    /// Share whose first citation covers a relevant reference.
    pub citation_hit_at_1: f64,
    /// Share with a relevant citation among the first five.
    pub citation_hit_at_5: f64,
    /// Share answered with `supported: true`.
    pub supported: f64,
    /// Budget questions asked.
    pub budget_questions: usize,
    /// Of those, answers stating an amount that stands in a relevant line.
    pub budget_amount_in_relevant_line: usize,
    /// Questions without a relevant citation in the first five.
    pub misses: Vec<String>,
}

impl fmt::Display for AskReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "ask: questions {}  citation hit@1 {:.3}  hit@5 {:.3}  supported {:.3}  budget answers with an amount in a relevant line {}/{}",
            self.questions,
            self.citation_hit_at_1,
            self.citation_hit_at_5,
            self.supported,
            self.budget_amount_in_relevant_line,
            self.budget_questions
        )
    }
}

/// Runs every gold query through [`answer`].
pub fn evaluate_ask(engine: &Engine, queries: &[GoldQuery]) -> AskReport {
    let mut report = AskReport::default();
    for query in queries {
        let request = AskRequest {
            question: query.q.clone(),
            max_citations: Some(CITATIONS),
            conversation_id: None,
        };
        let Ok(response) = answer(engine, &request) else {
            report.questions += 1;
            report.misses.push(query.q.clone());
            continue;
        };
        report.questions += 1;
        let cited: Vec<RankedHit> = response
            .citations
            .iter()
            .map(|c| RankedHit {
                doc: c.doc.clone(),
                line_start: c.line_start,
                line_end: c.line_end,
                text: c.quote.clone(),
            })
            .collect();
        let relevant_at = cited
            .iter()
            .position(|c| query.relevant.iter().any(|r| is_relevant(c, r)));
        if relevant_at == Some(0) {
            report.citation_hit_at_1 += 1.0;
        }
        if relevant_at.is_some_and(|p| p < CITATIONS) {
            report.citation_hit_at_5 += 1.0;
        } else {
            report.misses.push(query.q.clone());
        }
        if response.supported {
            report.supported += 1.0;
        }
        if query.intent == "budget" {
            report.budget_questions += 1;
            if answer_states_relevant_amount(&engine.corpus, response.answer.as_deref(), query) {
                report.budget_amount_in_relevant_line += 1;
            }
        }
    }
    let n = report.questions.max(1) as f64;
    report.citation_hit_at_1 /= n;
    report.citation_hit_at_5 /= n;
    report.supported /= n;
    report
}

/// Whether an amount written in the answer stands in a relevant reference's line (±2).
fn answer_states_relevant_amount(corpus: &Corpus, answer: Option<&str>, query: &GoldQuery) -> bool {
    let Some(answer) = answer else {
        return false;
    };
    let stated: Vec<rust_decimal::Decimal> =
        find_amounts(answer).into_iter().map(|m| m.oku).collect();
    query.relevant.iter().any(|reference| {
        let Some(doc) = corpus.doc(&reference.doc) else {
            return false;
        };
        (reference.line.saturating_sub(2)..=reference.line + 2).any(|line| {
            find_amounts(doc.line(line))
                .iter()
                .any(|m| stated.contains(&m.oku))
        })
    })
}
