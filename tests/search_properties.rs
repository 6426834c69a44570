//! Property tests over the real index: any text is either searched or refused with a
//! validation error, snippets stay well-formed, and compound terms match as units.

mod common;

use proptest::prelude::*;
use seisaku::search::{SearchError, SearchRequest};

fn request(q: &str) -> SearchRequest {
    SearchRequest {
        q: q.to_string(),
        limit: 5,
        passages: true,
        node_types: vec!["measure".into(), "theme".into()],
        ..SearchRequest::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn any_text_is_searched_or_refused_cleanly(q in "\\PC{0,40}|[\"「」『』()（）*:^~\\-+ ]{0,12}[a-zあ-ん量子暗号]{0,6}") {
        let engine = common::engine();
        match engine.search(&request(&q)) {
            Ok(outcome) => {
                for hit in outcome.page.hits {
                    prop_assert!(hit.line_start >= 1 && hit.line_start <= hit.line_end);
                    let opened = hit.snippet.matches("<mark>").count();
                    prop_assert_eq!(opened, hit.snippet.matches("</mark>").count());
                    let unmarked = hit.snippet.replace("<mark>", "").replace("</mark>", "");
                    prop_assert!(!unmarked.contains('<'), "unescaped markup in {}", hit.snippet);
                }
            }
            Err(SearchError::EmptyQuery | SearchError::NothingSearchable | SearchError::QueryTooLong) => {}
            Err(other) => prop_assert!(false, "unexpected error {other}"),
        }
    }
}

#[test]
fn compounds_the_dictionary_splits_match_as_units() {
    let engine = common::engine();
    for (query, must_contain) in [
        ("Beyond 5G", "beyond5g"),
        ("ワット・ビット連携", "ワット・ビット連携"),
        ("オール光ネットワーク", "オール光ネットワーク"),
    ] {
        let outcome = engine.search(&request(query)).expect("search");
        let top = outcome
            .page
            .hits
            .iter()
            .find(|h| h.kind == "passage")
            .expect("a passage hit");
        let normalized = seisaku::normalize::for_matching(&top.text).replace(' ', "");
        assert!(
            normalized.contains(must_contain),
            "{query}: top passage lacks the term: {}",
            top.text
        );
    }
}

/// Every stored passage's token spans give again the tokens the analyser gives its text, so
/// a snippet made from them marks what analysing the text would mark.
#[test]
fn stored_token_spans_give_the_analysers_tokens() {
    use seisaku::analysis::tokens_from_spans;
    use seisaku::index::token_spans;
    use seisaku::search::snippet::snippet;
    use std::collections::HashSet;
    use tantivy::schema::{IndexRecordOption, Value};

    let engine = common::engine();
    let fields = engine.index.fields;
    let searcher = engine.index.reader.searcher();
    let passages = tantivy::query::TermQuery::new(
        tantivy::Term::from_field_text(fields.kind, "passage"),
        IndexRecordOption::Basic,
    );
    let addresses = searcher
        .search(&passages, &tantivy::collector::DocSetCollector)
        .expect("every passage");
    let grams = HashSet::new();
    let mut marked = 0;
    for address in &addresses {
        let stored: tantivy::TantivyDocument = searcher.doc(*address).expect("stored passage");
        let text = stored
            .get_first(fields.text)
            .and_then(|v| v.as_str())
            .expect("text");
        let bytes = stored
            .get_first(fields.body_spans)
            .and_then(|v| v.as_bytes())
            .expect("token spans stored");
        let spans = token_spans::decode(bytes).expect("readable spans");
        let analysed = engine.analyzer.analyze(text);
        assert_eq!(
            tokens_from_spans(text, &spans).as_ref(),
            Some(&analysed),
            "{text}"
        );
        // Every other word highlighted: the snippet is the one analysing the text gives.
        let terms: HashSet<String> = analysed.iter().step_by(2).map(|t| t.term.clone()).collect();
        let from_spans = snippet(&engine.analyzer, text, Some(bytes), &terms, &grams);
        let analysing = snippet(&engine.analyzer, text, None, &terms, &grams);
        assert_eq!(from_spans, analysing);
        marked += usize::from(from_spans.contains("<mark>"));
    }
    assert!(
        addresses.len() > 3_000 && marked > 3_000,
        "{} passages, {marked} marked",
        addresses.len()
    );
}
