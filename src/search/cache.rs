//! Answers to searches asked again: a least-recently-used cache of search outcomes within a
//! budget of bytes. An engine serves one build and holds its own cache, so a new build (an
//! added document, a rebuild) starts with an empty one and no answer outlives its index.

use lru::LruCache;
use serde::Serialize;
use std::hash::Hash;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

/// Environment variable with the search cache's budget in megabytes (0 turns it off).
pub const SEARCH_CACHE_ENV: &str = "SEISAKU_SEARCH_CACHE_MB";

/// The budget when [`SEARCH_CACHE_ENV`] does not set one, in megabytes.
const DEFAULT_BUDGET_MB: usize = 16;

/// The budget in bytes [`SEARCH_CACHE_ENV`] sets (read once per process).
pub fn budget_from_env() -> usize {
    static BUDGET: OnceLock<usize> = OnceLock::new();
    *BUDGET.get_or_init(|| {
        let megabytes = match std::env::var(SEARCH_CACHE_ENV) {
            Ok(value) => value.trim().parse::<usize>().unwrap_or_else(|_| {
                tracing::warn!(%value, "{SEARCH_CACHE_ENV} is not a number of megabytes; using the default");
                DEFAULT_BUDGET_MB
            }),
            Err(_) => DEFAULT_BUDGET_MB,
        };
        megabytes.saturating_mul(1 << 20)
    })
}

/// Share of the budget one answer may take at most; larger answers are not kept.
const MAX_SHARE_PER_ENTRY: usize = 8;

/// What the cache holds and how often it answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct CacheStats {
    /// Answers held.
    pub entries: usize,
    /// Their estimated size in bytes.
    pub bytes: usize,
    /// The budget in bytes (0: the cache is off).
    pub budget_bytes: usize,
    /// Searches answered from the cache.
    pub hits: u64,
    /// Searches that had to be run.
    pub misses: u64,
}

/// A bounded cache of answers `V` by request `K`, safe to share between threads.
#[derive(Debug)]
pub struct ResultCache<K: Hash + Eq, V> {
    held: Mutex<Held<K, V>>,
    budget_bytes: usize,
    hits: AtomicU64,
    misses: AtomicU64,
}

/// The answers held, least recently used first out, each with its estimated size.
#[derive(Debug)]
struct Held<K: Hash + Eq, V> {
    entries: LruCache<K, (Arc<V>, usize)>,
    bytes: usize,
}

impl<K: Hash + Eq, V> ResultCache<K, V> {
    /// An empty cache that holds at most `budget_bytes` of answers (none when 0).
    pub fn new(budget_bytes: usize) -> ResultCache<K, V> {
        ResultCache {
            held: Mutex::new(Held {
                entries: LruCache::unbounded(),
                bytes: 0,
            }),
            budget_bytes,
            hits: AtomicU64::new(0),
            misses: AtomicU64::new(0),
        }
    }

    /// The answer kept for `key`, which becomes the most recently used.
    pub fn get(&self, key: &K) -> Option<Arc<V>> {
        if self.budget_bytes == 0 {
            return None;
        }
        let found = self
            .held
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .entries
            .get(key)
            .map(|(value, _)| Arc::clone(value));
        let counter = if found.is_some() {
            &self.hits
        } else {
            &self.misses
        };
        counter.fetch_add(1, Ordering::Relaxed);
        found
    }

    /// Keeps `value` (of about `bytes` bytes) for `key`, letting the least recently used
    /// answers go until the budget holds; an answer larger than an eighth of the budget is
    /// not kept.
    pub fn insert(&self, key: K, value: Arc<V>, bytes: usize) {
        if bytes > self.budget_bytes / MAX_SHARE_PER_ENTRY {
            return;
        }
        let mut held = self.held.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((_, replaced)) = held.entries.put(key, (value, bytes)) {
            held.bytes -= replaced;
        }
        held.bytes += bytes;
        while held.bytes > self.budget_bytes {
            match held.entries.pop_lru() {
                Some((_, (_, freed))) => held.bytes -= freed,
                None => break,
            }
        }
    }

    /// Entries, size and counts so far.
    pub fn stats(&self) -> CacheStats {
        let held = self.held.lock().unwrap_or_else(PoisonError::into_inner);
        CacheStats {
            entries: held.entries.len(),
            bytes: held.bytes,
            budget_bytes: self.budget_bytes,
            hits: self.hits.load(Ordering::Relaxed),
            misses: self.misses.load(Ordering::Relaxed),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_answers_within_its_budget_least_recently_used_out() {
        let cache: ResultCache<String, String> = ResultCache::new(800);
        for key in ["a", "b", "c"] {
            assert!(cache.get(&key.to_string()).is_none());
            cache.insert(key.to_string(), Arc::new(key.repeat(2)), 100);
        }
        assert_eq!(
            cache.get(&"a".to_string()).as_deref(),
            Some(&"aa".to_string())
        );
        // "b" is now the least recently used: the next answers push it out first.
        for key in ["d", "e", "f", "g", "h"] {
            cache.insert(key.to_string(), Arc::new(key.to_string()), 100);
        }
        cache.insert("i".to_string(), Arc::new("i".to_string()), 100);
        let stats = cache.stats();
        assert_eq!((stats.entries, stats.bytes), (8, 800));
        assert!(cache.get(&"b".to_string()).is_none(), "evicted");
        assert!(cache.get(&"a".to_string()).is_some(), "used since");
        assert!(cache.get(&"c".to_string()).is_some());
        cache.insert("a".to_string(), Arc::new("A".to_string()), 50);
        assert_eq!(
            cache.stats().bytes,
            750,
            "a replaced answer frees its bytes"
        );
        let stats = cache.stats();
        assert_eq!((stats.hits, stats.misses), (3, 4));
    }

    #[test]
    fn keeps_nothing_too_large_or_when_off() {
        let cache: ResultCache<u32, u32> = ResultCache::new(800);
        cache.insert(1, Arc::new(1), 101);
        assert!(cache.get(&1).is_none(), "over an eighth of the budget");
        let off: ResultCache<u32, u32> = ResultCache::new(0);
        off.insert(1, Arc::new(1), 0);
        assert!(off.get(&1).is_none());
        assert_eq!(off.stats().misses, 0, "an absent cache counts nothing");
    }
}
