//! The build gives the same graph, ids and ranking whatever the number of threads.

mod common;

use seisaku::engine::Engine;
use seisaku::search::SearchRequest;

/// Queries whose rankings are compared; several have hits with equal scores.
const QUERIES: [&str; 6] = [
    "予算",
    "量子暗号通信 テストベッド",
    "地域おこし協力隊の予算はいくら?",
    "\"Beyond 5G\"",
    "マイナンバーカード",
    "消防",
];

fn build_with_threads(threads: usize, dir: &std::path::Path) -> Engine {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("thread pool");
    let config = common::config_in(dir);
    pool.install(|| Engine::build(&config, &indicatif::ProgressBar::hidden()))
        .expect("build from the seeds")
}

fn ranking(engine: &Engine, q: &str) -> Vec<(String, String)> {
    let request = SearchRequest {
        q: q.to_string(),
        limit: 30,
        passages: true,
        node_types: vec!["measure".into(), "program".into()],
        ..SearchRequest::default()
    };
    engine
        .search(&request)
        .expect("search")
        .page
        .hits
        .into_iter()
        .map(|h| (h.id, format!("{:.4}", h.score)))
        .collect()
}

#[test]
fn one_thread_and_several_threads_build_the_same_graph_and_ranking() {
    let one_dir = tempfile::tempdir().expect("temp dir");
    let many_dir = tempfile::tempdir().expect("temp dir");
    let one = build_with_threads(1, one_dir.path());
    let many = build_with_threads(3, many_dir.path());

    assert_eq!(one.fingerprint, many.fingerprint);
    assert_eq!(
        (one.meta.passages, one.meta.nodes),
        (many.meta.passages, many.meta.nodes)
    );
    let ids = |e: &Engine| {
        e.graph
            .nodes()
            .iter()
            .map(|n| n.id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&one), ids(&many), "node ids and their order");
    let edges = |e: &Engine| {
        e.graph
            .edges()
            .iter()
            .map(|x| (x.from.clone(), x.rel, x.to.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(edges(&one), edges(&many), "edges and their order");

    let listed = common::indexed(&one);
    assert_eq!(
        listed.len(),
        one.meta.passages + one.meta.nodes,
        "every passage and node is indexed once"
    );
    assert_eq!(
        common::indexed(&many),
        listed,
        "passages and nodes, in corpus order"
    );

    let segments = many.index.reader.searcher().segment_readers().len();
    assert_eq!(
        segments, 1,
        "the segments the writer threads wrote are merged into one when the build is done"
    );
    for q in QUERIES {
        let expected = ranking(&one, q);
        assert!(!expected.is_empty(), "{q:?} finds something");
        assert_eq!(ranking(&many, q), expected, "ranking of {q:?}");
    }
}
