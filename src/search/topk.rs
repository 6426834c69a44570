//! Two-phase retrieval: a cheap pass picks the best candidates by single terms, and only those
//! are scored with the full query (phrases, proximity, facets, expansions).
//!
//! The first pass sums the BM25 scores of weighted single terms (no positions) and lets
//! tantivy skip every block of postings that cannot reach the current `k` best (block-max
//! WAND), so its cost grows far slower than the number of matching passages. Candidates are
//! kept by their first-pass score recomputed term by term in a fixed order (only for the
//! documents the pass finds near the best `k`), equal scores in corpus order (`ord`), so the
//! candidates — and therefore the ranking — are the same whatever the segment layout or the
//! thread count of the build. The full query scores the candidates by asking each of its
//! clauses about them alone (see [`Probes`]).

use crate::index::ords::OrdColumns;
use crate::search::probes::Probes;
use crate::search::query::CandidateTerms;
use crate::search::statistics::Statistics;
use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;
use tantivy::query::{
    Bm25StatisticsProvider, Bm25Weight, BooleanQuery, BoostQuery, EnableScoring, Occur, Query,
    TermQuery, Weight,
};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, DocSet, Score, Searcher, SegmentReader, TERMINATED, Term};

/// Relative slack under the `k`-th candidate's score below which the first pass may skip
/// documents: far above the rounding differences of summing the same terms in another order,
/// so that no document that belongs among the candidates is skipped.
const THRESHOLD_SLACK: f32 = 1e-4;

/// A ranked document: its score, its place in corpus order and its address.
#[derive(Debug, Clone, Copy)]
pub struct Ranked {
    /// Score of the full query.
    pub score: Score,
    /// Place in corpus order (breaks ties).
    pub ord: u64,
    /// Where it is.
    pub address: DocAddress,
}

/// Better is greater: a higher score, then earlier in corpus order (the address plays no
/// part).
impl Ord for Ranked {
    fn cmp(&self, other: &Self) -> Ordering {
        self.score
            .total_cmp(&other.score)
            .then_with(|| other.ord.cmp(&self.ord))
    }
}

impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Ranked {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Ranked {}

/// Orders best first: higher score, then earlier in corpus order.
pub fn best_first(a: &Ranked, b: &Ranked) -> Ordering {
    b.cmp(a)
}

/// The candidates kept so far, the worst on top.
type Kept = BinaryHeap<Reverse<Ranked>>;

/// Probes of `weights` on one segment.
fn probes_of(weights: &[Box<dyn Weight>], segment: &SegmentReader) -> tantivy::Result<Probes> {
    let scorers = weights
        .iter()
        .map(|weight| weight.scorer(segment, 1.0))
        .collect::<tantivy::Result<_>>()?;
    Ok(Probes::new(scorers))
}

/// The weight of each query, scored with the search's statistics.
fn weights_of(
    statistics: &Statistics,
    queries: &[Box<dyn Query>],
) -> tantivy::Result<Vec<Box<dyn Weight>>> {
    let scoring = statistics.scoring();
    queries.iter().map(|query| query.weight(scoring)).collect()
}

/// Boosted term queries, with their term frequencies read.
fn term_queries(terms: &[(Term, f32)]) -> Vec<Box<dyn Query>> {
    terms
        .iter()
        .map(|(term, boost)| {
            let query = TermQuery::new(term.clone(), IndexRecordOption::WithFreqs);
            Box::new(BoostQuery::new(Box::new(query), *boost)) as Box<dyn Query>
        })
        .collect()
}

/// The highest score the weighted `terms` can give a document together.
fn highest_sum(statistics: &Statistics, terms: &[(Term, f32)]) -> tantivy::Result<Score> {
    let mut sum = 0.0;
    for (term, boost) in terms {
        let weight = Bm25Weight::for_terms(statistics, std::slice::from_ref(term))?;
        sum += weight.boost_by(*boost).max_score();
    }
    Ok(sum)
}

/// The best `k` documents with one of the weighted `terms` by the sum of the BM25 scores of
/// those terms and of the weighted `bonus` terms, equal sums in corpus order, added to `heap`
/// (which keeps the best `k` it is given).
///
/// The pass ([`reported_by_union`]) keeps every document whose score, as the union of the
/// terms adds it up, may be among the best `k`; only those are scored again term by term in
/// the terms' order, so that the ranking does not depend on the order in which the union
/// met the terms, which depends on the segment layout.
fn best_by_terms(
    searcher: &Searcher,
    statistics: &Statistics,
    ords: &OrdColumns,
    terms: &[(Term, f32)],
    bonus: &[(Term, f32)],
    k: usize,
    heap: &mut Kept,
) -> tantivy::Result<()> {
    if terms.is_empty() || k == 0 {
        return Ok(());
    }
    let term_weights = weights_of(statistics, &term_queries(terms))?;
    let bonus_weights = weights_of(statistics, &term_queries(bonus))?;
    let reported = reported_by_union(searcher, statistics, &term_weights, terms, bonus, k)?;
    for ranked in score_each(searcher, ords, &term_weights, &bonus_weights, &reported)? {
        keep_best(heap, k, ranked);
    }
    Ok(())
}

/// Adds `item` to `heap` (the worst on top) when fewer than `k` are kept or it is better
/// than the worst, which then leaves.
fn keep_best<T: Ord>(heap: &mut BinaryHeap<Reverse<T>>, k: usize, item: T) {
    if heap.len() < k {
        heap.push(Reverse(item));
    } else if heap.peek().is_some_and(|Reverse(worst)| item > *worst) {
        heap.pop();
        heap.push(Reverse(item));
    }
}

/// The addresses (in address order) of the documents with one of the weighted `terms` whose
/// score — the sum of the scores of those terms and of the weighted `bonus` terms, in any
/// order — is above the `k`-th best such score less [`THRESHOLD_SLACK`]: a superset of the
/// best `k` by the same sum in a fixed order, since the two sums differ by far less than
/// the slack.
///
/// The union of the terms is searched with block-max WAND, which skips every block of
/// postings that cannot reach the current threshold; a document it reports with a score no
/// higher than the bonus terms alone can give is only counted when it has one of `terms`
/// (`term_weights`, asked about only then).
fn reported_by_union(
    searcher: &Searcher,
    statistics: &Statistics,
    term_weights: &[Box<dyn Weight>],
    terms: &[(Term, f32)],
    bonus: &[(Term, f32)],
    k: usize,
) -> tantivy::Result<Vec<DocAddress>> {
    let union = BooleanQuery::new(
        term_queries(terms)
            .into_iter()
            .chain(term_queries(bonus))
            .map(|clause| (Occur::Should, clause))
            .collect(),
    );
    let union_weight = union.weight(statistics.scoring())?;
    let bonus_alone = highest_sum(statistics, bonus)?;
    let bonus_alone = bonus_alone + bonus_alone * THRESHOLD_SLACK;
    let mut best = Scores::new(k);
    let mut reported: Vec<(Score, DocAddress)> = Vec::new();
    for (segment_ord, segment) in searcher.segment_readers().iter().enumerate() {
        let segment_ord = segment_ord as u32;
        let alive = segment.alive_bitset();
        // Without bonus terms every document the union reports has one of the terms.
        let mut term_probes = match bonus {
            [] => None,
            _ => Some(probes_of(term_weights, segment)?),
        };
        union_weight.for_each_pruning(best.threshold(), segment, &mut |doc, score| {
            let dead = alive.is_some_and(|bits| !bits.is_alive(doc));
            let bonus_only = score <= bonus_alone
                && term_probes
                    .as_mut()
                    .is_some_and(|probes| probes.sum_at(doc).is_none());
            if dead || bonus_only {
                return best.threshold();
            }
            best.push(score);
            reported.push((score, DocAddress::new(segment_ord, doc)));
            if reported.len() >= REPORTED_BEFORE_PRUNING.max(2 * k) {
                let threshold = best.threshold();
                reported.retain(|(score, _)| *score > threshold);
            }
            best.threshold()
        })?;
    }
    let threshold = best.threshold();
    Ok(reported
        .into_iter()
        .filter(|(score, _)| *score > threshold)
        .map(|(_, address)| address)
        .collect())
}

/// Reported documents kept before those that fell below the threshold are let go.
const REPORTED_BEFORE_PRUNING: usize = 4_096;

/// The best `k` scores seen so far, the lowest on top.
struct Scores {
    k: usize,
    heap: BinaryHeap<Reverse<TotalScore>>,
}

/// A score ordered by [`f32::total_cmp`].
#[derive(Debug, Clone, Copy)]
struct TotalScore(Score);

impl PartialEq for TotalScore {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for TotalScore {}

impl Ord for TotalScore {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.total_cmp(&other.0)
    }
}

impl PartialOrd for TotalScore {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Scores {
    /// None seen yet; `k` kept.
    fn new(k: usize) -> Scores {
        Scores {
            k,
            heap: BinaryHeap::with_capacity(k + 1),
        }
    }

    /// Sees `score`.
    fn push(&mut self, score: Score) {
        keep_best(&mut self.heap, self.k, TotalScore(score));
    }

    /// The score a document must pass to be among the best `k`, less [`THRESHOLD_SLACK`]
    /// (the lowest score while fewer than `k` were seen).
    fn threshold(&self) -> Score {
        match self.heap.peek() {
            Some(Reverse(TotalScore(worst))) if self.heap.len() >= self.k => {
                worst - worst.abs() * THRESHOLD_SLACK
            }
            _ => Score::MIN,
        }
    }
}

/// Candidates for the full scoring: the best `k` documents by the weighted words (and
/// facets); when fewer than `k` documents contain any of the words (or there are none), also
/// the best `k` by the weighted bigrams (and facets). In address order, without repeats.
pub fn candidates(
    searcher: &Searcher,
    statistics: &Statistics,
    ords: &OrdColumns,
    terms: &CandidateTerms,
    k: usize,
) -> tantivy::Result<Vec<DocAddress>> {
    let mut by_words = BinaryHeap::with_capacity(k + 1);
    best_by_terms(
        searcher,
        statistics,
        ords,
        &terms.words,
        &terms.facets,
        k,
        &mut by_words,
    )?;
    let mut picked: Vec<DocAddress> = by_words.iter().map(|Reverse(kept)| kept.address).collect();
    if picked.len() < k {
        let mut by_bigrams = BinaryHeap::with_capacity(k + 1);
        best_by_terms(
            searcher,
            statistics,
            ords,
            &terms.bigrams,
            &terms.facets,
            k,
            &mut by_bigrams,
        )?;
        picked.extend(by_bigrams.iter().map(|Reverse(kept)| kept.address));
    }
    picked.sort();
    picked.dedup();
    Ok(picked)
}

/// The `candidates` (in address order) that match one of the `matching` queries, each scored
/// with the sum of the scores of every `matching` and `bonus` query it matches; best first.
pub fn rescore(
    searcher: &Searcher,
    statistics: &Statistics,
    ords: &OrdColumns,
    matching: &[Box<dyn Query>],
    bonus: &[Box<dyn Query>],
    candidates: &[DocAddress],
) -> tantivy::Result<Vec<Ranked>> {
    let matching = weights_of(statistics, matching)?;
    let bonus = weights_of(statistics, bonus)?;
    let mut rescored = score_each(searcher, ords, &matching, &bonus, candidates)?;
    rescored.sort_by(best_first);
    Ok(rescored)
}

/// The `addresses` (in address order) that match one of the `matching` weights, each scored
/// with the sum of the scores of every `matching` and `bonus` weight it matches, in their
/// order; in address order.
fn score_each(
    searcher: &Searcher,
    ords: &OrdColumns,
    matching: &[Box<dyn Weight>],
    bonus: &[Box<dyn Weight>],
    addresses: &[DocAddress],
) -> tantivy::Result<Vec<Ranked>> {
    let mut scored = Vec::with_capacity(addresses.len());
    for group in addresses.chunk_by(|a, b| a.segment_ord == b.segment_ord) {
        let segment = searcher.segment_reader(group[0].segment_ord);
        let mut matching_probes = probes_of(matching, segment)?;
        let mut bonus_probes = probes_of(bonus, segment)?;
        for address in group {
            let doc = address.doc_id;
            let Some(score) = matching_probes.sum_at(doc) else {
                continue;
            };
            scored.push(Ranked {
                score: score + bonus_probes.sum_at(doc).unwrap_or(0.0),
                ord: ords.ord(address.segment_ord, doc),
                address: *address,
            });
        }
    }
    Ok(scored)
}

/// Whether one of `terms` alone is in at least `limit` documents, so that the documents
/// matching any of them reach `limit` without being counted: read from the search's
/// statistics, and only when no segment has deleted documents (the statistics count them).
pub fn one_term_reaches(
    searcher: &Searcher,
    statistics: &Statistics,
    terms: &[Term],
    limit: usize,
) -> tantivy::Result<bool> {
    if searcher
        .segment_readers()
        .iter()
        .any(SegmentReader::has_deletes)
    {
        return Ok(false);
    }
    for term in terms {
        if statistics.doc_freq(term)? >= limit as u64 {
            return Ok(true);
        }
    }
    Ok(false)
}

/// The number of documents matching one of `queries`, counted up to `limit`, and whether that
/// is the exact number (`false`: at least `limit` match). The count stops at `limit`, so it
/// costs at most about as much as reading `limit` matches.
pub fn count_up_to(
    searcher: &Searcher,
    queries: &[Box<dyn Query>],
    limit: usize,
) -> tantivy::Result<(usize, bool)> {
    let union = BooleanQuery::new(
        queries
            .iter()
            .map(|query| (Occur::Should, query.box_clone()))
            .collect(),
    );
    let weight = union.weight(EnableScoring::disabled_from_searcher(searcher))?;
    let mut count = 0;
    for segment in searcher.segment_readers() {
        let alive = segment.alive_bitset();
        let mut scorer = weight.scorer(segment, 1.0)?;
        let mut doc = scorer.doc();
        while doc != TERMINATED {
            if alive.is_none_or(|bits| bits.is_alive(doc)) {
                count += 1;
                if count >= limit {
                    return Ok((limit, false));
                }
            }
            doc = scorer.advance();
        }
    }
    Ok((count, true))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::schema::ORD_FIELD;
    use tantivy::schema::{FAST, Schema, TEXT};
    use tantivy::{Index, IndexWriter, doc};

    /// Texts with many exact repeats, so that equal scores cross the cut-off.
    fn texts() -> Vec<String> {
        let words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta"];
        (0..600)
            .map(|i| {
                let n = i % 37;
                (0..=(n % 5))
                    .map(|j| words[(n + j * j) % words.len()])
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    /// An index of `texts` (`ord` = position) written in segments of `per_segment` documents,
    /// in the order `order` gives.
    fn index(order: &[usize], per_segment: usize) -> (Index, Schema) {
        let mut builder = Schema::builder();
        let text = builder.add_text_field("text", TEXT);
        let ord = builder.add_u64_field(ORD_FIELD, FAST);
        let schema = builder.build();
        let index = Index::create_in_ram(schema.clone());
        let mut writer: IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
        let texts = texts();
        for chunk in order.chunks(per_segment) {
            for &i in chunk {
                writer
                    .add_document(doc!(text => texts[i].as_str(), ord => i as u64))
                    .unwrap();
            }
            writer.commit().unwrap();
        }
        (index, schema)
    }

    fn terms(schema: &Schema) -> Vec<(Term, f32)> {
        let field = schema.get_field("text").unwrap();
        vec![
            (Term::from_field_text(field, "alpha"), 1.0),
            (Term::from_field_text(field, "gamma"), 0.5),
            (Term::from_field_text(field, "zeta"), 2.0),
        ]
    }

    /// The ords of the candidates, best first by the brute-force sum of every term's score.
    fn picked_ords(index: &Index, schema: &Schema, k: usize) -> Vec<u64> {
        let searcher = index.reader().unwrap().searcher();
        let terms = CandidateTerms {
            words: terms(schema),
            ..CandidateTerms::default()
        };
        let statistics = Statistics::new(&searcher);
        let ords = OrdColumns::open(&searcher);
        let picked = candidates(&searcher, &statistics, &ords, &terms, k).unwrap();
        let queries = term_queries(&terms.words);
        let mut ranked = rescore(&searcher, &statistics, &ords, &queries, &[], &picked).unwrap();
        ranked.sort_by(best_first);
        ranked.iter().map(|r| r.ord).collect()
    }

    /// The address of every document, in address order.
    fn every_address(searcher: &Searcher) -> Vec<DocAddress> {
        searcher
            .segment_readers()
            .iter()
            .enumerate()
            .flat_map(|(s, reader)| {
                (0..reader.max_doc()).map(move |d| DocAddress::new(s as u32, d))
            })
            .collect()
    }

    /// Every document's (sum of term scores, ord), scored one by one without pruning.
    fn brute_force(index: &Index, schema: &Schema) -> Vec<(Score, u64)> {
        let searcher = index.reader().unwrap().searcher();
        let queries = term_queries(&terms(schema));
        let every = every_address(&searcher);
        let statistics = Statistics::new(&searcher);
        let ords = OrdColumns::open(&searcher);
        let mut ranked = rescore(&searcher, &statistics, &ords, &queries, &[], &every).unwrap();
        ranked.sort_by(best_first);
        ranked.iter().map(|r| (r.score, r.ord)).collect()
    }

    #[test]
    fn candidates_are_the_best_k_with_ties_in_corpus_order_whatever_the_segments() {
        let n = texts().len();
        let in_order: Vec<usize> = (0..n).collect();
        let shuffled: Vec<usize> = (0..n).map(|i| (i * 7919) % n).collect();
        let (one, schema) = index(&in_order, n);
        let expected: Vec<u64> = brute_force(&one, &schema)
            .into_iter()
            .take(50)
            .map(|(_, ord)| ord)
            .collect();
        assert_eq!(expected.len(), 50);
        for (order, per_segment) in [(&in_order, n), (&in_order, 64), (&shuffled, 97)] {
            let (index, schema) = index(order, per_segment);
            assert_eq!(picked_ords(&index, &schema, 50), expected);
        }
    }

    #[test]
    fn documents_with_bonus_terms_only_take_no_place_among_the_candidates() {
        let n = texts().len();
        let (index, schema) = index(&(0..n).collect::<Vec<_>>(), 97);
        let searcher = index.reader().unwrap().searcher();
        let field = schema.get_field("text").unwrap();
        // 80 documents have both terms, 179 the word only and 178 the bonus only.
        let words = vec![(Term::from_field_text(field, "zeta"), 1.0)];
        // Far above the word's score: documents with the bonus alone would fill the top.
        let bonus = vec![(Term::from_field_text(field, "delta"), 5.0)];
        let terms = CandidateTerms {
            words: words.clone(),
            facets: bonus.clone(),
            ..CandidateTerms::default()
        };
        let statistics = Statistics::new(&searcher);
        let ords = OrdColumns::open(&searcher);
        let ranked_ords = |addresses: &[DocAddress]| -> Vec<u64> {
            let (words, bonus) = (term_queries(&words), term_queries(&bonus));
            rescore(&searcher, &statistics, &ords, &words, &bonus, addresses)
                .unwrap()
                .iter()
                .map(|r| r.ord)
                .collect()
        };
        let k = 120;
        let every = ranked_ords(&every_address(&searcher));
        assert!(every.len() > k, "{}", every.len());
        let picked = candidates(&searcher, &statistics, &ords, &terms, k).unwrap();
        assert_eq!(ranked_ords(&picked), every[..k]);
    }

    #[test]
    fn rescoring_keeps_matching_candidates_and_scores_them_as_one_query() {
        let n = texts().len();
        let (index, schema) = index(&(0..n).collect::<Vec<_>>(), 128);
        let searcher = index.reader().unwrap().searcher();
        let queries = term_queries(&terms(&schema));
        let union = BooleanQuery::new(
            queries
                .iter()
                .map(|q| (Occur::Should, q.box_clone()))
                .collect(),
        );
        let top = searcher
            .search(
                &union,
                &tantivy::collector::TopDocs::with_limit(n).order_by_score(),
            )
            .unwrap();
        let every = every_address(&searcher);
        let rescored = rescore(
            &searcher,
            &Statistics::new(&searcher),
            &OrdColumns::open(&searcher),
            &queries,
            &[],
            &every,
        )
        .unwrap();
        assert_eq!(
            rescored.len(),
            top.len(),
            "only matching documents are kept"
        );
        for (score, address) in top {
            let mine = rescored
                .iter()
                .find(|r| r.address == address)
                .expect("every match rescored");
            assert!(
                (mine.score - score).abs() < 1e-4,
                "{} vs {score}",
                mine.score
            );
        }
    }

    #[test]
    fn counting_stops_at_the_limit() {
        let n = texts().len();
        let (index, schema) = index(&(0..n).collect::<Vec<_>>(), 100);
        let searcher = index.reader().unwrap().searcher();
        let queries = term_queries(&terms(&schema));
        let (all, exact) = count_up_to(&searcher, &queries, usize::MAX).unwrap();
        assert!(exact && all > 100 && all < n, "{all}");
        assert_eq!(count_up_to(&searcher, &queries, 100).unwrap(), (100, false));
        assert_eq!(
            count_up_to(&searcher, &queries, all + 1).unwrap(),
            (all, true)
        );
    }

    #[test]
    fn one_term_reaching_the_limit_means_the_count_does() {
        let n = texts().len();
        let (index, schema) = index(&(0..n).collect::<Vec<_>>(), 100);
        let searcher = index.reader().unwrap().searcher();
        let statistics = Statistics::new(&searcher);
        let words: Vec<Term> = terms(&schema).into_iter().map(|(t, _)| t).collect();
        let most = words
            .iter()
            .map(|t| searcher.doc_freq(t).unwrap() as usize)
            .max()
            .unwrap();
        let queries = term_queries(&terms(&schema));
        assert!(one_term_reaches(&searcher, &statistics, &words, most).unwrap());
        assert_eq!(
            count_up_to(&searcher, &queries, most).unwrap(),
            (most, false)
        );
        assert!(!one_term_reaches(&searcher, &statistics, &words, most + 1).unwrap());
    }
}
