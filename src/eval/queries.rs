//! Search relevance over the gold queries: MRR@10, hit@1/3/10 and nDCG@10.
//!
//! A hit is relevant to a reference when it names the same document and its line span
//! covers the reference line (±1), or its text contains the reference quote.

use serde::Deserialize;
use std::path::Path;

/// Cut-off for every metric.
pub const CUTOFF: usize = 10;

/// One reference passage of a gold query.
#[derive(Debug, Clone, Deserialize)]
pub struct Reference {
    /// Seed file.
    pub doc: String,
    /// 1-based line.
    pub line: u32,
    /// Text that stands in that line.
    pub quote: String,
}

/// One gold query.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldQuery {
    /// What a person types.
    pub q: String,
    /// Kind of question (lookup, budget, synonym, relation, numeric, overview).
    pub intent: String,
    /// Relevant references.
    pub relevant: Vec<Reference>,
}

/// A ranked result as the metrics see it.
#[derive(Debug, Clone)]
pub struct RankedHit {
    /// Seed file.
    pub doc: String,
    /// First line.
    pub line_start: u32,
    /// Last line.
    pub line_end: u32,
    /// Text of the hit.
    pub text: String,
}

/// Errors reading the gold files.
#[derive(Debug, thiserror::Error)]
pub enum GoldError {
    /// A file could not be read.
    #[error("cannot read {path}: {message}")]
    Read {
        /// The file.
        path: String,
        /// What went wrong.
        message: String,
    },
}

/// Loads every `*.queries.jsonl` under `dir`, in file-name order.
pub fn load_queries(dir: &Path) -> Result<Vec<GoldQuery>, GoldError> {
    let read_error = |path: &Path, message: String| GoldError::Read {
        path: path.display().to_string(),
        message,
    };
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| read_error(dir, e.to_string()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".queries.jsonl"))
        .collect();
    files.sort();
    let mut queries = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).map_err(|e| read_error(&file, e.to_string()))?;
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let query: GoldQuery =
                serde_json::from_str(line).map_err(|e| read_error(&file, e.to_string()))?;
            queries.push(query);
        }
    }
    Ok(queries)
}

/// Whether `hit` is relevant to `reference`.
pub fn is_relevant(hit: &RankedHit, reference: &Reference) -> bool {
    let same_doc = hit.doc == reference.doc;
    let covers =
        hit.line_start.saturating_sub(1) <= reference.line && reference.line <= hit.line_end + 1;
    (same_doc && covers)
        || (same_doc && !reference.quote.is_empty() && hit.text.contains(&reference.quote))
}

/// Scores of one query.
#[derive(Debug, Clone, Default)]
pub struct QueryScore {
    /// Reciprocal rank of the first relevant hit within the cut-off (0 when none).
    pub reciprocal_rank: f64,
    /// Rank (1-based) of the first relevant hit.
    pub first_relevant: Option<usize>,
    /// nDCG@10.
    pub ndcg: f64,
}

/// Scores a ranking against references.
pub fn score_query(hits: &[RankedHit], references: &[Reference]) -> QueryScore {
    let mut covered = vec![false; references.len()];
    let mut dcg = 0.0;
    let mut first_relevant = None;
    for (rank, hit) in hits.iter().take(CUTOFF).enumerate() {
        let mut gain = 0.0;
        for (index, reference) in references.iter().enumerate() {
            if is_relevant(hit, reference) {
                first_relevant.get_or_insert(rank + 1);
                if !covered[index] {
                    covered[index] = true;
                    gain = 1.0;
                }
            }
        }
        dcg += gain / ((rank + 2) as f64).log2();
    }
    let ideal: f64 = (0..references.len().min(CUTOFF))
        .map(|rank| 1.0 / ((rank + 2) as f64).log2())
        .sum();
    QueryScore {
        reciprocal_rank: first_relevant.map(|r| 1.0 / r as f64).unwrap_or(0.0),
        first_relevant,
        ndcg: if ideal > 0.0 { dcg / ideal } else { 0.0 },
    }
}

/// Aggregate relevance figures.
#[derive(Debug, Clone, Default)]
pub struct RelevanceReport {
    /// Queries scored.
    pub queries: usize,
    /// Mean reciprocal rank at 10.
    pub mrr_at_10: f64,
    /// Share of queries with a relevant first hit.
    pub hit_at_1: f64,
    /// Share with a relevant hit in the top 3.
    pub hit_at_3: f64,
    /// Share with a relevant hit in the top 10.
    pub hit_at_10: f64,
    /// Mean nDCG@10.
    pub ndcg_at_10: f64,
    /// Queries with no relevant hit in the top 10.
    pub misses: Vec<String>,
}

impl std::fmt::Display for RelevanceReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "queries {}  MRR@10 {:.3}  hit@1 {:.3}  hit@3 {:.3}  hit@10 {:.3}  nDCG@10 {:.3}",
            self.queries,
            self.mrr_at_10,
            self.hit_at_1,
            self.hit_at_3,
            self.hit_at_10,
            self.ndcg_at_10
        )
    }
}

/// Runs every query through `rank` and aggregates.
pub fn evaluate(
    queries: &[GoldQuery],
    rank: &mut dyn FnMut(&str) -> Vec<RankedHit>,
) -> RelevanceReport {
    let mut report = RelevanceReport {
        queries: queries.len(),
        ..RelevanceReport::default()
    };
    if queries.is_empty() {
        return report;
    }
    for query in queries {
        let score = score_query(&rank(&query.q), &query.relevant);
        report.mrr_at_10 += score.reciprocal_rank;
        report.ndcg_at_10 += score.ndcg;
        let within = |k: usize| score.first_relevant.is_some_and(|r| r <= k);
        report.hit_at_1 += f64::from(u8::from(within(1)));
        report.hit_at_3 += f64::from(u8::from(within(3)));
        report.hit_at_10 += f64::from(u8::from(within(10)));
        if !within(10) {
            report.misses.push(query.q.clone());
        }
    }
    let n = queries.len() as f64;
    report.mrr_at_10 /= n;
    report.ndcg_at_10 /= n;
    report.hit_at_1 /= n;
    report.hit_at_3 /= n;
    report.hit_at_10 /= n;
    report
}

/// The top ten passage hits of `engine` for `q`, as the metrics see them.
pub fn rank_with(engine: &crate::engine::Engine, q: &str) -> Vec<RankedHit> {
    let request = crate::search::SearchRequest {
        q: q.to_string(),
        limit: CUTOFF,
        passages: true,
        ..crate::search::SearchRequest::default()
    };
    engine
        .search(&request)
        .map(|outcome| {
            outcome
                .page
                .hits
                .into_iter()
                .map(|h| RankedHit {
                    doc: h.doc,
                    line_start: h.line_start,
                    line_end: h.line_end,
                    text: h.text,
                })
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(doc: &str, start: u32, end: u32, text: &str) -> RankedHit {
        RankedHit {
            doc: doc.into(),
            line_start: start,
            line_end: end,
            text: text.into(),
        }
    }

    fn reference(doc: &str, line: u32, quote: &str) -> Reference {
        Reference {
            doc: doc.into(),
            line,
            quote: quote.into(),
        }
    }

    #[test]
    fn span_within_one_line_or_quote_is_relevant() {
        let refs = [reference("a", 10, "量子")];
        assert!(is_relevant(&hit("a", 11, 12, ""), &refs[0]));
        assert!(!is_relevant(&hit("a", 12, 13, ""), &refs[0]));
        assert!(is_relevant(&hit("a", 50, 50, "量子暗号"), &refs[0]));
        assert!(!is_relevant(&hit("b", 10, 10, ""), &refs[0]));
    }

    #[test]
    fn metrics_reward_early_relevant_hits() {
        let refs = [reference("a", 10, "x"), reference("a", 20, "y")];
        let ranking = [
            hit("a", 1, 1, ""),
            hit("a", 10, 10, ""),
            hit("a", 20, 20, ""),
        ];
        let score = score_query(&ranking, &refs);
        assert_eq!(score.first_relevant, Some(2));
        assert!((score.reciprocal_rank - 0.5).abs() < 1e-9);
        assert!(score.ndcg > 0.0 && score.ndcg < 1.0);
        let perfect = score_query(&ranking[1..], &refs);
        assert!((perfect.ndcg - 1.0).abs() < 1e-9);
    }
}
