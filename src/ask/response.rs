//! The shapes of a question and its answer.

use super::intent::Intent;
use crate::graph::model::Source;
use crate::search::{Hit, HitNode, SearchError};
use crate::vocab::Expansion;
use serde::{Deserialize, Serialize};

/// Default number of citations.
pub const DEFAULT_CITATIONS: usize = 5;
/// Most citations a request may ask for.
pub const MAX_CITATIONS: usize = 20;
/// Longest accepted question, in bytes.
pub const MAX_QUESTION_BYTES: usize = 1_000;
/// Longest accepted conversation id, in bytes.
pub const MAX_CONVERSATION_ID_BYTES: usize = 128;

/// A question.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema, schemars::JsonSchema)]
pub struct AskRequest {
    /// The question, in Japanese (e.g. 地域おこし協力隊の予算はいくら?).
    pub question: String,
    /// How many citations to return, 1..=20 (default 5).
    pub max_citations: Option<usize>,
    /// The conversation this question continues (as returned by the previous answer), so
    /// that follow-ups such as その予算は? or 前年度は? resolve against the previous turn.
    /// Absent, unknown or expired: a new conversation starts.
    #[serde(default)]
    pub conversation_id: Option<String>,
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
    /// The fact's id within this answer (`f1`, `f2` …); `computed.operands` refer to it.
    pub id: String,
    /// `budget`, `change` (a difference the document states), `part` (an item making up
    /// the subject), `responsible`, `implements`, `based_on`, `evaluated_by` or `targets`.
    pub kind: String,
    /// The item the fact is about.
    pub subject: HitNode,
    /// The other end (agency, strategy, indicator, part), or the budget node.
    pub object: HitNode,
    /// The fact as a Japanese sentence.
    pub text: String,
    /// Amount in 億円 (exact decimal), for budget and change facts.
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

/// The arithmetic behind an answer, on facts of the same answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Computed {
    /// `difference` (first operand minus second) or `sum` (of all operands).
    pub op: String,
    /// Ids of the facts operated on.
    pub operands: Vec<String>,
    /// The result in 億円, exact.
    pub result: String,
    /// For a difference: the rate of change in percent against the second operand, to one
    /// decimal (the document's own 増減率 when it states one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rate_pct: Option<String>,
    /// `stated` when the result is the document's own figure (比較増減額, a stated total),
    /// `calculated` when it was worked out here.
    pub basis: String,
    /// The fact holding the document's own figure, when `basis` is `stated`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stated_by: Option<String>,
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
    /// `budget`, `total`, `change`, `list`, `responsibility`, `strategy`, `indicator` or
    /// `lookup`; for a follow-up, the intent it was resolved to.
    pub intent: Intent,
    /// Japanese answer composed only from the cited facts and passages. When unsupported:
    /// what the corpus holds instead (e.g. which fiscal years exist), or null.
    pub answer: Option<String>,
    /// Whether the evidence answers the question.
    pub supported: bool,
    /// Facts the answer states, each with an id.
    pub facts: Vec<Fact>,
    /// The arithmetic behind the answer (a difference, or a sum of parts), when any.
    #[schema(nullable)]
    pub computed: Option<Computed>,
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
    /// The conversation this turn belongs to; send it with the next question to continue.
    #[schema(nullable)]
    pub conversation_id: Option<String>,
}

/// Facts of one answer, numbered as they are added.
#[derive(Debug, Default)]
pub struct Facts(Vec<Fact>);

impl Facts {
    /// Adds a fact and returns its id.
    pub fn add(&mut self, mut fact: Fact) -> String {
        let id = format!("f{}", self.0.len() + 1);
        fact.id = id.clone();
        self.0.push(fact);
        id
    }

    /// Adds several facts.
    pub fn extend(&mut self, facts: impl IntoIterator<Item = Fact>) {
        for fact in facts {
            self.add(fact);
        }
    }

    /// The facts added so far.
    pub fn all(&self) -> &[Fact] {
        &self.0
    }

    /// Whether none was added.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The facts, in order.
    pub fn into_vec(self) -> Vec<Fact> {
        self.0
    }
}
