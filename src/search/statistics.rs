//! The BM25 statistics of one search, each read from the index once: a search builds the
//! weights of the same terms several times (the first pass, its union, the rescoring), and
//! every weight would otherwise look its terms up in every segment's dictionary again.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use tantivy::query::{Bm25StatisticsProvider, EnableScoring};
use tantivy::schema::Field;
use tantivy::{Searcher, Term};

/// The statistics a search has read so far, read through from its searcher.
pub struct Statistics<'s> {
    searcher: &'s Searcher,
    docs: Cell<Option<u64>>,
    tokens: RefCell<HashMap<Field, u64>>,
    doc_freqs: RefCell<HashMap<Term, u64>>,
}

impl<'s> Statistics<'s> {
    /// No statistics read yet, from `searcher`.
    pub fn new(searcher: &'s Searcher) -> Statistics<'s> {
        Statistics {
            searcher,
            docs: Cell::new(None),
            tokens: RefCell::new(HashMap::new()),
            doc_freqs: RefCell::new(HashMap::new()),
        }
    }

    /// Scoring with these statistics: the same scores as the searcher's own.
    pub fn scoring(&self) -> EnableScoring<'_> {
        EnableScoring::enabled_from_statistics_provider(self, self.searcher)
    }
}

impl Bm25StatisticsProvider for Statistics<'_> {
    fn total_num_tokens(&self, field: Field) -> tantivy::Result<u64> {
        if let Some(tokens) = self.tokens.borrow().get(&field) {
            return Ok(*tokens);
        }
        let tokens = self.searcher.total_num_tokens(field)?;
        self.tokens.borrow_mut().insert(field, tokens);
        Ok(tokens)
    }

    fn total_num_docs(&self) -> tantivy::Result<u64> {
        if let Some(docs) = self.docs.get() {
            return Ok(docs);
        }
        let docs = self.searcher.total_num_docs()?;
        self.docs.set(Some(docs));
        Ok(docs)
    }

    fn doc_freq(&self, term: &Term) -> tantivy::Result<u64> {
        if let Some(freq) = self.doc_freqs.borrow().get(term) {
            return Ok(*freq);
        }
        let freq = self.searcher.doc_freq(term)?;
        self.doc_freqs.borrow_mut().insert(term.clone(), freq);
        Ok(freq)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::schema::{Schema, TEXT};
    use tantivy::{Index, IndexWriter, doc};

    #[test]
    fn reads_the_searchers_statistics() {
        let mut schema = Schema::builder();
        let field = schema.add_text_field("text", TEXT);
        let index = Index::create_in_ram(schema.build());
        let mut writer: IndexWriter = index.writer(15_000_000).expect("writer");
        for text in ["a b", "a c c", "b"] {
            writer.add_document(doc!(field => text)).expect("add");
            writer.commit().expect("commit");
        }
        let searcher = index.reader().expect("reader").searcher();
        let statistics = Statistics::new(&searcher);
        for _ in 0..2 {
            for word in ["a", "b", "c", "d"] {
                let term = Term::from_field_text(field, word);
                assert_eq!(
                    statistics.doc_freq(&term).ok(),
                    searcher.doc_freq(&term).ok()
                );
            }
            assert_eq!(statistics.total_num_docs().ok(), Some(3));
            assert_eq!(statistics.total_num_tokens(field).ok(), Some(6));
        }
        assert_eq!(statistics.doc_freqs.borrow().len(), 4);
    }
}
