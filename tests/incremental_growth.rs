//! Growing a build document by document gives what building the grown corpus at once gives:
//! the same graph, the same indexed passages and nodes in the same corpus order, and the same
//! ranking; and removing a document again gives what building without it gives.

mod common;

use seisaku::documents::intake::{Incoming, IntakeOptions, Overrides};
use seisaku::documents::{add_document, remove_document};
use seisaku::engine::{Engine, EngineConfig};
use seisaku::search::SearchRequest;
use std::path::Path;

/// Queries whose rankings are compared.
const QUERIES: [&str; 5] = [
    "予算",
    "地域おこし協力隊",
    "量子暗号通信 テストベッド",
    "マイナンバーカード 普及",
    "消防 補正",
];

/// A seed's text with its years moved on, so that it names the same vocabulary terms and
/// items as the seed but states other figures.
fn next_edition(seed: &str, from: &str, to: &str) -> String {
    let text = std::fs::read_to_string(common::root().join("seeds").join(seed)).expect("seed");
    format!("次年度版\n{}", text.replace(from, to))
}

fn incoming(text: String, name: &str) -> Incoming {
    Incoming {
        bytes: text.into_bytes(),
        content_type: Some("text/plain; charset=utf-8".into()),
        filename: Some(name.into()),
        overrides: Overrides::default(),
    }
}

fn open(config: &EngineConfig) -> Engine {
    Engine::open_or_build(config, &indicatif::ProgressBar::hidden()).expect("engine")
}

fn ranking(engine: &Engine, q: &str) -> Vec<String> {
    let request = SearchRequest {
        q: q.to_string(),
        limit: 30,
        passages: true,
        node_types: vec!["measure".into(), "program".into(), "fund".into()],
        ..SearchRequest::default()
    };
    let page = engine.search(&request).expect("search").page;
    page.hits.into_iter().map(|h| h.id).collect()
}

fn graph_json(engine: &Engine) -> (serde_json::Value, serde_json::Value) {
    (
        serde_json::to_value(engine.graph.nodes()).expect("nodes"),
        serde_json::to_value(engine.graph.edges()).expect("edges"),
    )
}

/// Builds the corpus of `library` (seeds plus the library as it is) at once.
fn built_at_once(library: &Path, dir: &Path) -> Engine {
    let mut config = common::config_in(dir);
    copy_dir(library, &config.library_dir);
    config.library_dir = dir.join("library");
    Engine::build(&config, &indicatif::ProgressBar::hidden()).expect("full build")
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("directory");
    for entry in std::fs::read_dir(from).expect("read directory") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else if !entry.file_name().to_string_lossy().starts_with('.') {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

fn assert_same(grown: &Engine, at_once: &Engine, what: &str, exact_ords: bool) {
    assert_eq!(grown.corpus.docs.len(), at_once.corpus.docs.len(), "{what}");
    let (grown_nodes, grown_edges) = graph_json(grown);
    let (nodes, edges) = graph_json(at_once);
    assert!(grown_nodes == nodes, "{what}: the graphs' nodes differ");
    assert!(grown_edges == edges, "{what}: the graphs' edges differ");
    if exact_ords {
        assert_eq!(
            common::indexed(grown),
            common::indexed(at_once),
            "{what}: indexed documents"
        );
    } else {
        // Documents after a removed one keep their places: the same order, other numbers.
        let ids = |engine: &Engine| -> Vec<String> {
            common::indexed(engine)
                .into_iter()
                .map(|(_, id)| id)
                .collect()
        };
        assert_eq!(
            ids(grown),
            ids(at_once),
            "{what}: indexed documents in order"
        );
    }
    for q in QUERIES {
        assert_eq!(
            ranking(grown, q),
            ranking(at_once, q),
            "{what}: ranking of {q}"
        );
    }
}

#[test]
fn adding_documents_one_by_one_gives_the_graph_and_ranking_of_a_full_build() {
    let grown_dir = tempfile::tempdir().expect("temp dir");
    let config = common::config_in(grown_dir.path());
    let seeds_only = open(&config);
    let options = IntakeOptions::default();
    let first = next_edition("003_d473122111bbb5a2.txt", "令和６", "令和９");
    let (one, first_summary) =
        add_document(&config, &seeds_only, incoming(first, "first.txt"), &options)
            .expect("first add");
    let second = next_edition("002_eaad2ea998d35b7e.txt", "令和", "令和1");
    let (two, _) =
        add_document(&config, &one, incoming(second, "second.txt"), &options).expect("second add");
    assert!(two.graph.nodes().len() > seeds_only.graph.nodes().len());

    let at_once_dir = tempfile::tempdir().expect("temp dir");
    let at_once = built_at_once(&config.library_dir, at_once_dir.path());
    assert_same(&two, &at_once, "two documents added", true);

    // The second add merged into the assembly the first one kept in memory, and both builds
    // link the seeds' saved assembly: an engine opened from disk reads it and merges the
    // documents added since from their cached drafts.
    drop((seeds_only, one, two));
    let reopened = open(&config);
    let third = next_edition("004_ffbb1bb57b30ee70.txt", "令和", "令和2");
    let (three, _) = add_document(&config, &reopened, incoming(third, "third.txt"), &options)
        .expect("third add");
    let three_dir = tempfile::tempdir().expect("temp dir");
    let at_once_three = built_at_once(&config.library_dir, three_dir.path());
    assert_same(
        &three,
        &at_once_three,
        "a third document added after reopening",
        true,
    );

    // Removing the first document merges the graph again from the cached drafts.
    let (without_first, _) =
        remove_document(&config, &three, &first_summary.id).expect("remove the first");
    let again_dir = tempfile::tempdir().expect("temp dir");
    let at_once_without = built_at_once(&config.library_dir, again_dir.path());
    assert_same(
        &without_first,
        &at_once_without,
        "first document removed",
        false,
    );
}

/// An engine opened from `config` serves the build `engine` serves (it was not built
/// again), with the same graph.
fn assert_opens_the_build_of(config: &EngineConfig, engine: &Engine) {
    let opened = open(config);
    assert_eq!(opened.build_dir, engine.build_dir, "rebuilt instead");
    assert!(graph_json(&opened) == graph_json(engine), "graphs differ");
}

/// Segments of the index an engine serves.
fn segments(engine: &Engine) -> usize {
    engine.index.reader.searcher().segment_readers().len()
}

#[test]
fn the_graph_file_and_segment_merges_are_finished_after_each_add_returns() {
    let grown_dir = tempfile::tempdir().expect("temp dir");
    let config = common::config_in(grown_dir.path());
    let mut engine = open(&config);
    assert_eq!(segments(&engine), 1, "a build writes one segment");
    let options = IntakeOptions::default();
    let adds = 9;
    for n in 0..adds {
        let text = format!(
            "第{n}回 追加文書\n地域おこし協力隊の隊員数を{}人に増やす。\n",
            1000 + n
        );
        let (next, _) = add_document(
            &config,
            &engine,
            incoming(text, &format!("{n}.txt")),
            &options,
        )
        .unwrap_or_else(|error| panic!("add {n}: {error}"));
        engine = next;
    }
    // The add answered before its build's graph file was written: an engine opened right
    // away waits for the file and serves that build (no rebuild), with the same graph.
    assert_opens_the_build_of(&config, &engine);
    // Each add commits a segment of its own; the merges the last commits started end on
    // their own thread, and an engine opened afterwards serves fewer segments.
    drop(engine);
    let reopened = open(&config);
    let merged = segments(&reopened);
    assert!(
        merged < 1 + adds,
        "{merged} segments after {adds} adds: none merged"
    );
    let at_once_dir = tempfile::tempdir().expect("temp dir");
    let at_once = built_at_once(&config.library_dir, at_once_dir.path());
    assert_same(&reopened, &at_once, "documents added and merged", true);

    // A build whose graph file was never written (its change stopped first) is opened with
    // the graph made from its saved assembly and drafts, not built again.
    std::fs::remove_file(reopened.build_dir.join("graph.json")).expect("remove the graph file");
    assert_opens_the_build_of(&config, &reopened);
}

#[test]
fn a_failed_add_leaves_its_base_build_with_a_graph_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = common::config_in(dir.path());
    let engine = open(&config);
    let options = IntakeOptions::default();
    let text = next_edition("003_d473122111bbb5a2.txt", "令和６", "令和８");
    let (added, _) = add_document(&config, &engine, incoming(text.clone(), "a.txt"), &options)
        .expect("the first add");
    // The same file again starts a change (which tells the first change's unfinished graph
    // file that a later change waits for it) and then fails as a duplicate: the build stays
    // current and its graph file is there, whether the first change had written it or gave
    // it up.
    let again = add_document(&config, &added, incoming(text, "a-again.txt"), &options);
    assert!(again.is_err(), "a duplicate was added");
    let graph_file = added.build_dir.join("graph.json");
    assert!(graph_file.exists(), "the current build has no graph file");
    assert_opens_the_build_of(&config, &added);
}
