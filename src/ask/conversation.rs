//! Conversations: what each turn was about (subject, intent, fiscal year, kind), kept in
//! memory with a time to live and caps on the number of conversations and their length,
//! and the resolution of a follow-up (その予算は?, 前年度は?, 令和6年度補正では?, 担当は?)
//! against the previous turn.

use super::intent::{self, Intent, Reading};
use crate::money::{BudgetKind, FiscalYear};
use std::collections::{HashMap, VecDeque};
use std::hash::{BuildHasher, RandomState};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// Default time a conversation lives after its last turn.
pub const DEFAULT_TTL: Duration = Duration::from_secs(30 * 60);
/// Default most conversations kept; the least recently used goes first.
pub const DEFAULT_MAX_CONVERSATIONS: usize = 10_000;
/// Default most turns kept per conversation; the oldest goes first.
pub const DEFAULT_MAX_TURNS: usize = 20;

/// What one turn was about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Turn {
    /// The subject's node id, when the turn had one.
    pub subject: Option<String>,
    /// The intent answered.
    pub intent: Intent,
    /// The fiscal year answered about.
    pub fy: Option<FiscalYear>,
    /// The budget kind answered about.
    pub kind: Option<BudgetKind>,
}

/// Limits of the conversation store.
#[derive(Debug, Clone, Copy)]
pub struct ConversationLimits {
    /// Time a conversation lives after its last turn.
    pub ttl: Duration,
    /// Most conversations kept.
    pub max_conversations: usize,
    /// Most turns kept per conversation.
    pub max_turns: usize,
}

impl Default for ConversationLimits {
    fn default() -> Self {
        ConversationLimits {
            ttl: DEFAULT_TTL,
            max_conversations: DEFAULT_MAX_CONVERSATIONS,
            max_turns: DEFAULT_MAX_TURNS,
        }
    }
}

#[derive(Debug)]
struct Conversation {
    turns: VecDeque<Turn>,
    last_used: Instant,
}

/// Conversations in memory, shared by every front end of one server.
#[derive(Debug)]
pub struct Conversations {
    limits: ConversationLimits,
    open: Mutex<HashMap<String, Conversation>>,
    keys: RandomState,
    counter: AtomicU64,
}

impl Default for Conversations {
    fn default() -> Self {
        Conversations::new(ConversationLimits::default())
    }
}

impl Conversations {
    /// An empty store with `limits`.
    pub fn new(limits: ConversationLimits) -> Conversations {
        Conversations {
            limits,
            open: Mutex::new(HashMap::new()),
            keys: RandomState::new(),
            counter: AtomicU64::new(0),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Conversation>> {
        match self.open.lock() {
            Ok(guard) => guard,
            Err(poisoned) => poisoned.into_inner(),
        }
    }

    /// A new, unguessable conversation id.
    fn new_id(&self) -> String {
        let count = self.counter.fetch_add(1, Ordering::Relaxed);
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        let high = self.keys.hash_one((count, nanos, "conversation"));
        let low = self.keys.hash_one((nanos, count, high));
        format!("{high:016x}{low:016x}")
    }

    /// The conversation `id` continues and its last turn; an absent, unknown or expired id
    /// gets a new conversation (and no previous turn).
    pub fn continue_or_start(&self, id: Option<&str>) -> (String, Option<Turn>) {
        let mut open = self.lock();
        let now = Instant::now();
        if let Some(id) = id
            && let Some(conversation) = open.get(id)
        {
            if now.duration_since(conversation.last_used) <= self.limits.ttl {
                return (id.to_string(), conversation.turns.back().cloned());
            }
            open.remove(id);
        }
        (self.new_id(), None)
    }

    /// Records a turn of conversation `id`, dropping expired conversations, the oldest turns
    /// past the length cap and the least recently used conversations past the count cap.
    pub fn record(&self, id: &str, turn: Turn) {
        let mut open = self.lock();
        let now = Instant::now();
        let ttl = self.limits.ttl;
        open.retain(|_, c| now.duration_since(c.last_used) <= ttl);
        let conversation = open.entry(id.to_string()).or_insert_with(|| Conversation {
            turns: VecDeque::new(),
            last_used: now,
        });
        conversation.turns.push_back(turn);
        conversation.last_used = now;
        while conversation.turns.len() > self.limits.max_turns.max(1) {
            conversation.turns.pop_front();
        }
        while open.len() > self.limits.max_conversations.max(1) {
            let Some(oldest) = open
                .iter()
                .min_by_key(|(_, c)| c.last_used)
                .map(|(k, _)| k.clone())
            else {
                break;
            };
            open.remove(&oldest);
        }
    }

    /// Conversations kept now.
    pub fn len(&self) -> usize {
        self.lock().len()
    }

    /// Whether none is kept.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Turns kept for conversation `id`.
    pub fn turns(&self, id: &str) -> usize {
        self.lock().get(id).map_or(0, |c| c.turns.len())
    }
}

/// A question read in the light of the previous turn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    /// The intent to answer.
    pub intent: Intent,
    /// The fiscal year asked about.
    pub fy: Option<FiscalYear>,
    /// The budget kind asked about.
    pub kind: Option<BudgetKind>,
    /// The previous subject, when the question continues it.
    pub subject: Option<String>,
}

/// Resolves a question against the previous turn: a question that points back (その, この
/// 事業) or names no subject of its own continues the previous subject; without a cue of
/// its own it keeps the previous intent; 前年度/翌年度 move the previous year; a year and
/// kind left unsaid are the previous ones.
pub fn resolve(reading: &Reading, question: &str, previous: Option<&Turn>) -> Resolved {
    let names_nothing = !intent::names_a_subject(question);
    let continued = previous
        .and_then(|p| p.subject.as_ref())
        .filter(|_| reading.refers_back || names_nothing)
        .cloned();
    let follow_up = continued.is_some();
    let names_year =
        reading.fiscal_year.is_some() || reading.kind.is_some() || reading.year_shift.is_some();
    let intent = match previous {
        // A bare year or kind (令和6年度補正では?) asks for figures, whatever came before.
        Some(p) if follow_up && !reading.has_cue => match p.intent {
            Intent::Budget | Intent::Total | Intent::Change | Intent::List => p.intent,
            _ if names_year => Intent::Budget,
            other => other,
        },
        _ => reading.intent,
    };
    // A change is one of money when the question or the conversation speaks of money
    // (何倍に増えた? about a count on its own is answered from the text).
    let intent = if intent == Intent::Change && !reading.about_money && !follow_up {
        Intent::Lookup
    } else {
        intent
    };
    let shifted = reading.year_shift.and_then(|shift| {
        let year = previous?.fy?;
        let moved = i32::from(year.0) + i32::from(shift);
        u16::try_from(moved).ok().map(FiscalYear)
    });
    let year_moved = reading.fiscal_year.is_some() || shifted.is_some();
    let fy = reading
        .fiscal_year
        .or(shifted)
        .or_else(|| previous.filter(|_| follow_up).and_then(|p| p.fy));
    let kind = reading.kind.or_else(|| {
        previous
            .filter(|_| follow_up && !year_moved)
            .and_then(|p| p.kind)
    });
    Resolved {
        intent,
        fy,
        kind,
        subject: continued,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn turn(intent: Intent, fy: u16, kind: Option<BudgetKind>) -> Turn {
        Turn {
            subject: Some("program:x".into()),
            intent,
            fy: Some(FiscalYear::reiwa(fy)),
            kind,
        }
    }

    #[test]
    fn follow_ups_continue_the_previous_turn() {
        let previous = turn(Intent::Budget, 8, Some(BudgetKind::Request));
        let ask = |q: &str| resolve(&intent::read(q), q, Some(&previous));
        let year_before = ask("前年度は?");
        assert_eq!(year_before.subject.as_deref(), Some("program:x"));
        assert_eq!(year_before.intent, Intent::Budget);
        assert_eq!(year_before.fy, Some(FiscalYear::reiwa(7)));
        assert_eq!(year_before.kind, None);
        let supplementary = ask("令和6年度補正では?");
        assert_eq!(supplementary.fy, Some(FiscalYear::reiwa(6)));
        assert_eq!(supplementary.kind, Some(BudgetKind::Supplementary));
        assert_eq!(supplementary.subject.as_deref(), Some("program:x"));
        let who = ask("担当は?");
        assert_eq!(who.intent, Intent::Responsibility);
        assert_eq!(who.subject.as_deref(), Some("program:x"));
        let compare = ask("前年度と比べると?");
        assert_eq!(compare.intent, Intent::Change);
        assert_eq!(compare.fy, Some(FiscalYear::reiwa(8)));
        let its = ask("その内訳は?");
        assert_eq!(its.intent, Intent::List);
        assert_eq!(its.subject.as_deref(), Some("program:x"));
        let fresh = ask("消防団の予算はいくら?");
        assert_eq!(fresh.subject, None);
        assert_eq!(fresh.fy, None);
    }

    #[test]
    fn without_a_previous_turn_nothing_is_continued() {
        let q = "その予算は?";
        let resolved = resolve(&intent::read(q), q, None);
        assert_eq!(resolved.subject, None);
        assert_eq!(resolved.intent, Intent::Budget);
    }

    #[test]
    fn the_store_expires_and_caps() {
        let store = Conversations::new(ConversationLimits {
            ttl: Duration::from_millis(50),
            max_conversations: 2,
            max_turns: 3,
        });
        let (id, previous) = store.continue_or_start(None);
        assert!(previous.is_none());
        assert_eq!(id.len(), 32);
        for fy in 1..=5 {
            store.record(&id, turn(Intent::Budget, fy, None));
        }
        assert_eq!(store.turns(&id), 3);
        let (same, last) = store.continue_or_start(Some(&id));
        assert_eq!(same, id);
        assert_eq!(last.and_then(|t| t.fy), Some(FiscalYear::reiwa(5)));
        let (unknown, none) = store.continue_or_start(Some("no-such-conversation"));
        assert_ne!(unknown, "no-such-conversation");
        assert!(none.is_none());
        for _ in 0..3 {
            let (other, _) = store.continue_or_start(None);
            store.record(&other, turn(Intent::Budget, 6, None));
        }
        assert_eq!(store.len(), 2);
        let (id2, _) = store.continue_or_start(None);
        store.record(&id2, turn(Intent::Budget, 6, None));
        std::thread::sleep(Duration::from_millis(80));
        let (expired, none) = store.continue_or_start(Some(&id2));
        assert_ne!(expired, id2);
        assert!(none.is_none());
    }
}
