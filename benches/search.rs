//! Index build time and search latency, in process and over HTTP.
//!
//! Fixed input: the real seeds and every `q` of `tests/fixtures/gold/*.queries.jsonl`, plus
//! a few keyword and phrase queries. Builds are interleaved with opens of the published
//! build; searches are interleaved query by query between the two modes, alternating which
//! goes first each round. Every round must return the same top hits as the first, and HTTP
//! the same as in process.
//!
//! `SEISAKU_BENCH_BUILDS` (default 9) and `SEISAKU_BENCH_ROUNDS` (default 25) change the
//! number of builds and search rounds.

mod common;

use common::{Samples, config_in, env_count, fmt_duration, median, print_header, print_row, ratio};
use seisaku::api::{self, state::AppState};
use seisaku::engine::{Engine, EngineConfig};
use seisaku::search::SearchRequest;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Page size of every search.
const LIMIT: usize = 10;

/// Keyword and phrase queries searched besides the gold queries.
const EXTRA_QUERIES: &[&str] = &[
    "予算",
    "Beyond 5G",
    "マイナンバーカード 普及",
    "電波 監視",
    "\"地域おこし協力隊\"",
    "\"自治体情報システムの標準化\"",
    "サイバーセキュリティ 人材育成 補正",
];

fn main() {
    let builds = env_count("SEISAKU_BENCH_BUILDS", 9);
    let rounds = env_count("SEISAKU_BENCH_ROUNDS", 25);
    let dir = tempfile::tempdir().expect("temp dir for the index");
    let config = config_in(dir.path());

    let engine = Arc::new(bench_build(&config, builds));
    let queries = fixed_queries();
    bench_search(engine, config, &queries, rounds);
}

/// Total bytes of the seed documents the manifest lists.
fn seed_bytes(config: &EngineConfig, engine: &Engine) -> u64 {
    engine
        .corpus
        .docs
        .iter()
        .map(|doc| {
            std::fs::metadata(config.seeds_dir.join(&doc.info.file))
                .expect("seed file metadata")
                .len()
        })
        .sum()
}

/// Builds `builds` times (after one warm-up that also compiles the dictionary when needed),
/// interleaved with opening the published build, and prints the figures. Returns the last
/// build opened.
fn bench_build(config: &EngineConfig, builds: usize) -> Engine {
    let hidden = indicatif::ProgressBar::hidden();
    let warm = Engine::build(config, &hidden).expect("warm-up build from the seeds");
    let expected = (
        warm.fingerprint.clone(),
        warm.meta.passages,
        warm.meta.nodes,
    );
    let bytes = seed_bytes(config, &warm);
    drop(warm);

    let mut build_times = Samples::default();
    let mut open_times = Samples::default();
    let mut last = None;
    for _ in 0..builds {
        let started = Instant::now();
        let built = Engine::build(config, &hidden).expect("build from the seeds");
        build_times.push(started.elapsed());
        let got = (
            built.fingerprint.clone(),
            built.meta.passages,
            built.meta.nodes,
        );
        assert_eq!(got, expected, "a rebuild from the same seeds differs");
        drop(built);

        let started = Instant::now();
        let opened = Engine::open_or_build(config, &hidden).expect("open the published build");
        open_times.push(started.elapsed());
        let got = (
            opened.fingerprint.clone(),
            opened.meta.passages,
            opened.meta.nodes,
        );
        assert_eq!(got, expected, "the opened build differs from the one built");
        last = Some(opened);
    }

    let megabytes = bytes as f64 / 1e6;
    println!("== index build ==");
    println!(
        "seeds: {} documents, {megabytes:.3} MB; build: {} passages, {} graph nodes indexed",
        last.as_ref().map_or(0, |e| e.corpus.docs.len()),
        expected.1,
        expected.2
    );
    print_header("operation", 22);
    print_row("build (Engine::build)", 22, &build_times);
    print_row("open (open_or_build)", 22, &open_times);
    println!(
        "build throughput: {:.3} MB/s at the median ({:.3} MB/s at the fastest)",
        megabytes / build_times.p50().as_secs_f64(),
        megabytes / build_times.min().as_secs_f64(),
    );
    println!();
    last.expect("at least one build")
}

/// Every gold query (files in name order) followed by the extra queries.
fn fixed_queries() -> Vec<String> {
    let mut queries = common::gold_queries();
    queries.extend(EXTRA_QUERIES.iter().map(|q| q.to_string()));
    queries
}

/// The ids of a page of hits, best first.
type TopIds = Vec<String>;

fn search_in_process(engine: &Engine, q: &str) -> (Duration, TopIds) {
    let request = SearchRequest {
        q: q.to_string(),
        limit: LIMIT,
        passages: true,
        ..SearchRequest::default()
    };
    let started = Instant::now();
    let outcome = engine.search(&request).expect("in-process search");
    let elapsed = started.elapsed();
    let ids = outcome.page.hits.into_iter().map(|h| h.id).collect();
    (elapsed, ids)
}

async fn search_http(client: &reqwest::Client, addr: SocketAddr, q: &str) -> (Duration, TopIds) {
    let limit = LIMIT.to_string();
    let started = Instant::now();
    let response = client
        .get(format!("http://{addr}/search"))
        .query(&[("q", q), ("limit", limit.as_str())])
        .send()
        .await
        .expect("HTTP search request");
    let status = response.status().as_u16();
    let body = response.bytes().await.expect("HTTP search body");
    let elapsed = started.elapsed();
    assert_eq!(status, 200, "HTTP search {q:?}");
    let body: serde_json::Value = serde_json::from_slice(&body).expect("search JSON");
    let ids = body["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| h["id"].as_str().expect("hit id").to_string())
        .collect();
    (elapsed, ids)
}

/// Serves `engine` on 127.0.0.1:0 on `runtime` and returns the address.
fn serve(
    runtime: &tokio::runtime::Runtime,
    engine: Arc<Engine>,
    config: EngineConfig,
) -> SocketAddr {
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind a loopback port");
        let addr = listener.local_addr().expect("listener address");
        let app = api::app(AppState::shared(engine, config));
        tokio::spawn(async move {
            axum::serve(listener, app).await.expect("server runs");
        });
        addr
    })
}

fn bench_search(engine: Arc<Engine>, config: EngineConfig, queries: &[String], rounds: usize) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("tokio runtime");
    let addr = serve(&runtime, engine.clone(), config);
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(4)
        .build()
        .expect("HTTP client");

    // Warm-up round: fixes the expected top hits and checks both modes agree.
    let mut expected: Vec<TopIds> = Vec::with_capacity(queries.len());
    for q in queries {
        let (_, local) = search_in_process(&engine, q);
        let (_, remote) = runtime.block_on(search_http(&client, addr, q));
        assert_eq!(local, remote, "HTTP and in-process hits differ for {q:?}");
        expected.push(local);
    }

    let mut local_per_query = vec![Samples::default(); queries.len()];
    let mut http_per_query = vec![Samples::default(); queries.len()];
    let mut round_medians: Vec<(Duration, Duration)> = Vec::with_capacity(rounds);
    for round in 0..rounds {
        let mut local_round = Samples::default();
        let mut http_round = Samples::default();
        for (i, q) in queries.iter().enumerate() {
            let http_first = round % 2 == 1;
            let mut run_http = || {
                let (elapsed, ids) = runtime.block_on(search_http(&client, addr, q));
                assert_eq!(
                    ids, expected[i],
                    "HTTP hits changed in round {round} for {q:?}"
                );
                http_per_query[i].push(elapsed);
                http_round.push(elapsed);
            };
            if http_first {
                run_http();
            }
            let (elapsed, ids) = search_in_process(&engine, q);
            assert_eq!(ids, expected[i], "hits changed in round {round} for {q:?}");
            local_per_query[i].push(elapsed);
            local_round.push(elapsed);
            if !http_first {
                run_http();
            }
        }
        round_medians.push((local_round.p50(), http_round.p50()));
    }

    let mut local = Samples::default();
    let mut http = Samples::default();
    for (l, h) in local_per_query.iter().zip(&http_per_query) {
        local.extend(l);
        http.extend(h);
    }
    let per_query_ratios: Vec<f64> = local_per_query
        .iter()
        .zip(&http_per_query)
        .map(|(l, h)| ratio(h.p50(), l.p50()))
        .collect();
    let per_round_ratios: Vec<f64> = round_medians.iter().map(|(l, h)| ratio(*h, *l)).collect();

    println!("== search latency ==");
    println!(
        "{} queries ({} gold + {} keyword/phrase), limit {LIMIT}, {rounds} interleaved rounds; \
         top-{LIMIT} ids identical in every round and in both modes",
        queries.len(),
        queries.len() - EXTRA_QUERIES.len(),
        EXTRA_QUERIES.len()
    );
    print_header("mode", 22);
    print_row("in-process", 22, &local);
    print_row("HTTP (keep-alive)", 22, &http);
    println!(
        "HTTP / in-process: p50 {:.2}x, p99 {:.2}x; median per-query p50 ratio {:.2}x; \
         median per-round p50 ratio {:.2}x",
        ratio(http.p50(), local.p50()),
        ratio(http.p99(), local.p99()),
        median(&per_query_ratios),
        median(&per_round_ratios),
    );
    println!(
        "HTTP overhead at the median: {}",
        fmt_duration(http.p50().saturating_sub(local.p50())).trim()
    );
    let mut slowest: Vec<(Duration, &String)> = local_per_query
        .iter()
        .map(|s| s.p50())
        .zip(queries)
        .collect();
    slowest.sort_by_key(|s| std::cmp::Reverse(s.0));
    println!("slowest queries in process (p50):");
    for (p50, q) in slowest.iter().take(3) {
        println!("  {} {q}", fmt_duration(*p50));
    }
}
