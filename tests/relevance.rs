//! Search relevance on the dev gold queries, through the same search code as the API.

mod common;

use seisaku::eval::queries::{RankedHit, evaluate, load_queries};
use seisaku::search::{self, SearchRequest};

/// The floor the product must stay above.
const MIN_MRR_AT_10: f64 = 0.5;

#[test]
fn gold_queries_rank_relevant_passages_high() {
    let engine = common::engine();
    let queries = load_queries(&common::root().join("tests/fixtures/gold")).expect("gold queries");
    assert!(queries.len() >= 50, "gold queries present");
    let report = evaluate(&queries, &mut |q| {
        let request = SearchRequest {
            q: q.to_string(),
            limit: 10,
            passages: true,
            ..SearchRequest::default()
        };
        search::search(&engine.index, &engine.analyzer, &request, &|f| {
            engine.doc_title(f)
        })
        .map(|page| {
            page.hits
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
    });
    println!("search relevance: {report}");
    println!("missed: {:?}", report.misses);
    assert!(report.mrr_at_10 >= MIN_MRR_AT_10, "{report}");
}
