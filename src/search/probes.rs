//! Scorers asked, document after document in increasing order, whether they match and how
//! much: each scorer only checks the document asked about, never searching on to its next
//! match (which, for a phrase, would read the positions of every document between two of
//! those asked about).

use tantivy::query::Scorer;
use tantivy::{DocId, DocSet, Score, SeekDangerResult};

/// The scorers of some queries on one segment, with the first document each may still match.
pub struct Probes {
    scorers: Vec<Box<dyn Scorer>>,
    next: Vec<DocId>,
}

impl Probes {
    /// Probes of `scorers`, none of them asked about a document yet.
    pub fn new(scorers: Vec<Box<dyn Scorer>>) -> Probes {
        let next = scorers.iter().map(|scorer| scorer.doc()).collect();
        Probes { scorers, next }
    }

    /// The sum of the scores of the scorers matching `doc`, in their order, or `None` when
    /// none matches. Documents must be asked about in strictly increasing order.
    pub fn sum_at(&mut self, doc: DocId) -> Option<Score> {
        let mut sum: Option<Score> = None;
        for (scorer, next) in self.scorers.iter_mut().zip(&mut self.next) {
            // A scorer that ended has `TERMINATED` here, above every document.
            if *next > doc {
                continue;
            }
            match scorer.seek_danger(doc) {
                SeekDangerResult::Found => {
                    *sum.get_or_insert(0.0) += scorer.score();
                    *next = doc.saturating_add(1);
                }
                SeekDangerResult::SeekLowerBound(lower_bound) => *next = lower_bound,
            }
        }
        sum
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::query::{EnableScoring, PhraseQuery, Query, TermQuery};
    use tantivy::schema::{IndexRecordOption, Schema, TEXT};
    use tantivy::{Index, IndexWriter, Term, doc};

    /// Scores each document asked about by probing, and by seeking and scoring anew for
    /// every document: the same matches and the same scores.
    #[test]
    fn probing_scores_as_a_fresh_scorer_would() {
        let mut builder = Schema::builder();
        let text = builder.add_text_field("text", TEXT);
        let index = Index::create_in_ram(builder.build());
        let mut writer: IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
        for i in 0..300 {
            let body = match i % 5 {
                0 => "alpha beta gamma",
                1 => "beta alpha gamma alpha",
                2 => "gamma",
                3 => "alpha gamma beta alpha beta",
                _ => "delta",
            };
            writer.add_document(doc!(text => body)).unwrap();
        }
        writer.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        let term = |word: &str| Term::from_field_text(text, word);
        let queries: Vec<Box<dyn Query>> = vec![
            Box::new(PhraseQuery::new(vec![term("alpha"), term("beta")])),
            Box::new(TermQuery::new(term("gamma"), IndexRecordOption::WithFreqs)),
            Box::new(TermQuery::new(term("zeta"), IndexRecordOption::WithFreqs)),
        ];
        let scoring = EnableScoring::enabled_from_searcher(&searcher);
        let weights: Vec<_> = queries.iter().map(|q| q.weight(scoring).unwrap()).collect();
        let segment = searcher.segment_reader(0);
        let mut probes = Probes::new(
            weights
                .iter()
                .map(|w| w.scorer(segment, 1.0).unwrap())
                .collect(),
        );
        let asked: Vec<DocId> = (0..300).filter(|d| d % 7 == 3 || d % 11 == 0).collect();
        let mut found = 0;
        for &doc in &asked {
            let mut expected: Option<Score> = None;
            for weight in &weights {
                let mut fresh = weight.scorer(segment, 1.0).unwrap();
                let at = match fresh.doc() {
                    first if first < doc => fresh.seek(doc),
                    first => first,
                };
                if at == doc {
                    *expected.get_or_insert(0.0) += fresh.score();
                }
            }
            let probed = probes.sum_at(doc);
            assert_eq!(probed, expected, "document {doc}");
            found += usize::from(probed.is_some());
        }
        assert!(found > 10 && found < asked.len(), "{found}");
    }
}
