//! What answering a question produced, before citations are gathered.

use super::intent::Intent;
use super::response::{Computed, Facts};
use crate::graph::model::NodeDraft;
use crate::money::{BudgetKind, FiscalYear};

/// The result of one answerer: the answer text, whether the evidence answers, its facts and
/// arithmetic, and what the turn was about (for follow-ups).
#[derive(Debug, Default)]
pub struct Outcome<'e> {
    /// The answer text (also when unsupported, to say what the corpus holds).
    pub answer: Option<String>,
    /// Whether the evidence answers the question.
    pub supported: bool,
    /// The facts stated.
    pub facts: Facts,
    /// The arithmetic, when any.
    pub computed: Option<Computed>,
    /// The subject answered about.
    pub subject: Option<&'e NodeDraft>,
    /// The fiscal year the answer is about.
    pub fy: Option<FiscalYear>,
    /// The budget kind the answer is about.
    pub kind: Option<BudgetKind>,
    /// The intent answered.
    pub intent: Option<Intent>,
}

impl<'e> Outcome<'e> {
    /// An outcome about `subject` for `intent`, with nothing answered yet.
    pub fn about(subject: &'e NodeDraft, intent: Intent) -> Outcome<'e> {
        Outcome {
            subject: Some(subject),
            intent: Some(intent),
            ..Outcome::default()
        }
    }

    /// Marks the outcome unsupported, saying what the corpus holds instead.
    pub fn unsupported(mut self, note: String) -> Outcome<'e> {
        self.supported = false;
        self.answer = Some(note);
        self
    }
}
