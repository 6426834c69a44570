//! Search relevance on the dev gold queries, through the same search code as the API.

mod common;

use seisaku::eval::queries::{evaluate, load_queries, rank_with};

/// The floor the product must stay above (measured 0.626 on the pooled judgments).
const MIN_MRR_AT_10: f64 = 0.6;

#[test]
fn gold_queries_rank_relevant_passages_high() {
    let engine = common::engine();
    let queries = load_queries(&common::root().join("tests/fixtures/gold")).expect("gold queries");
    assert!(queries.len() >= 50, "gold queries present");
    let report = evaluate(&queries, &mut |q| rank_with(&engine, q));
    println!("search relevance: {report}");
    println!("missed: {:?}", report.misses);
    assert!(report.mrr_at_10 >= MIN_MRR_AT_10, "{report}");
}
