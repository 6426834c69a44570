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
