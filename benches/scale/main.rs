//! Scale: builds and queries corpora N times the seeds, beside Groonga on the same text.
//!
//! For each scale in `SEISAKU_SCALES` (default `1,10`; e.g. `1,10,100,1000`):
//! 1. generates the corpus under `target/scale/corpus-xN` (reused when already there);
//! 2. runs `seisaku build` as a child process (`SEISAKU_BENCH_BUILDS` times, default 3 up to
//!    10× and 1 above) and reads its wall time, CPU time and peak RSS with `wait4`;
//! 3. loads the same passages into Groonga (bigram index) and times the load;
//! 4. opens the build in process and times the ranking's own work (`Engine::search_and_keep`,
//!    which does not look in the result cache) on the query set (gold and keyword queries);
//! 5. starts `groonga -s` and `seisaku serve` on loopback, first with both servers' result
//!    caches off (`SEISAKU_SEARCH_CACHE_MB=0`, Groonga's `cache=no`), then as they ship
//!    (both cache repeated queries), and each time runs the query set against both,
//!    interleaved query by query, for `SEISAKU_BENCH_ROUNDS` rounds (default 5), then 16
//!    concurrent clients against `/search`;
//! 6. against the server as it ships: `/budgets` listings and a streamed `/graph/export`,
//!    then reads the server's RSS.
//!
//! A table per scale and a summary with the ratios to Groonga are printed at the end.

#[path = "../common/mod.rs"]
mod common;
mod groonga;
mod process;

use common::{Samples, fmt_duration, print_header, print_row};
use process::{Guard, mb};
use seisaku::engine::{Engine, EngineConfig};
use seisaku::search::SearchRequest;
use std::net::SocketAddr;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Concurrent clients of the throughput run.
const CLIENTS: usize = 16;
/// Page size of every search.
const LIMIT: usize = 10;
/// Keyword and phrase queries searched besides the gold queries.
const EXTRA_QUERIES: &[&str] = &[
    "予算",
    "Beyond 5G",
    "マイナンバーカード 普及",
    "電波 監視",
    "\"地域おこし協力隊\"",
    "サイバーセキュリティ 人材育成 補正",
];
/// `/budgets` listings timed.
const BUDGET_QUERIES: &[&[(&str, &str)]] = &[
    &[("limit", "20")],
    &[("fy", "R6"), ("kind", "initial"), ("limit", "20")],
    &[("q", "基金"), ("limit", "20")],
    &[("q", "地域おこし協力隊")],
];

/// Searches over HTTP, sequential and concurrent, against one server configuration.
#[derive(Debug, Default)]
struct QueryFigures {
    http: Samples,
    groonga_http: Samples,
    concurrent: Samples,
    concurrent_rate: f64,
    concurrent_errors: usize,
}

/// Everything measured at one scale.
#[derive(Debug, Default)]
struct Figures {
    times: usize,
    documents: usize,
    megabytes: f64,
    passages: usize,
    nodes: usize,
    build: Samples,
    build_cpu_percent: f64,
    build_max_rss: u64,
    groonga_load: Option<process::Finished>,
    groonga_rss: u64,
    in_process: Samples,
    /// Every search run: our result cache off, and Groonga's query cache off.
    uncached: QueryFigures,
    /// Both servers as they ship: queries asked again are answered from their caches.
    cached: QueryFigures,
    budgets: Samples,
    export_bytes: u64,
    export_time: Duration,
    export_rss_growth: u64,
    server_open: Duration,
    server_rss: u64,
    server_peak_rss: u64,
}

fn main() {
    let measuring = common::measuring();
    let scales: Vec<usize> = if measuring {
        std::env::var("SEISAKU_SCALES")
            .unwrap_or_else(|_| "1,10".into())
            .split(',')
            .filter_map(|s| s.trim().parse().ok())
            .filter(|n| *n > 0)
            .collect()
    } else {
        vec![1]
    };
    let work = common::root().join("target").join("scale");
    let queries = {
        let mut q = common::gold_queries();
        q.extend(EXTRA_QUERIES.iter().map(|s| s.to_string()));
        q
    };
    let with_groonga = groonga::available();
    if !with_groonga {
        println!("groonga not installed (scripts/setup.sh --bench): comparison skipped");
    }
    let dictionary = common::root().join("target").join("test-dictionary");
    seisaku::analysis::dictionary::ensure_compiled(&dictionary, &common::root())
        .expect("compile the dictionary once before timing builds");
    let mut all = Vec::new();
    for times in scales {
        let figures = bench_scale(&work, &dictionary, times, &queries, with_groonga);
        print_scale(&figures);
        all.push(figures);
    }
    print_summary(&all);
}

fn bench_scale(
    work: &Path,
    dictionary: &Path,
    times: usize,
    queries: &[String],
    with_groonga: bool,
) -> Figures {
    let seeds = work.join(format!("corpus-x{times}"));
    let generated = seisaku::synthetic::generate(&common::root().join("seeds"), &seeds, times)
        .expect("generate the corpus");
    let index_dir = work.join(format!("index-x{times}"));
    let config = EngineConfig {
        seeds_dir: seeds.clone(),
        index_dir: index_dir.clone(),
        project_root: common::root(),
        dictionary_dir: dictionary.to_path_buf(),
        library_dir: work.join(format!("library-x{times}")),
    };
    let mut figures = Figures {
        times,
        documents: generated.documents,
        megabytes: mb(generated.bytes),
        ..Figures::default()
    };
    let default_builds = if times <= 10 { 3 } else { 1 };
    for _ in 0..common::env_count("SEISAKU_BENCH_BUILDS", default_builds) {
        let _ = std::fs::remove_dir_all(&index_dir);
        let finished = process::run(
            seisaku_command(&config)
                .arg("build")
                .stdout(Stdio::null())
                .stderr(Stdio::null()),
        );
        figures.build.push(finished.wall);
        figures.build_cpu_percent = figures.build_cpu_percent.max(finished.cpu_percent());
        figures.build_max_rss = figures.build_max_rss.max(finished.max_rss);
    }

    let engine = Engine::open_or_build(&config, &indicatif::ProgressBar::hidden())
        .expect("open the published build");
    figures.passages = engine.meta.passages;
    figures.nodes = engine.meta.nodes;
    let words: Vec<Vec<String>> = queries
        .iter()
        .map(|q| {
            engine
                .analyzer
                .analyze(q)
                .into_iter()
                .map(|t| t.term)
                .collect()
        })
        .collect();
    let in_process_rounds = common::env_count("SEISAKU_BENCH_ROUNDS", 5);
    for _ in 0..in_process_rounds {
        for q in queries {
            let request = SearchRequest {
                q: q.clone(),
                limit: LIMIT,
                passages: true,
                ..SearchRequest::default()
            };
            let started = Instant::now();
            // The ranking's own work: the engine's cache is not looked in.
            engine.search_and_keep(&request).expect("in-process search");
            figures.in_process.push(started.elapsed());
        }
    }
    drop(engine);

    let groonga = with_groonga.then(|| {
        let load_file = work.join(format!("groonga-x{times}.grn"));
        groonga::write_load_file(&seeds, &load_file);
        let (database, finished) =
            groonga::load(&work.join(format!("groonga-x{times}")), &load_file);
        let _ = std::fs::remove_file(&load_file);
        figures.groonga_load = Some(finished);
        database
    });

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("tokio runtime");
    let client = reqwest::Client::new();
    let (groonga_server, groonga_addr) = match &groonga {
        Some(database) => {
            let (guard, addr) = database.serve();
            runtime.block_on(process::wait_ready(
                &client,
                &format!("http://{addr}/d/status"),
                Duration::from_secs(60),
            ));
            (Some(guard), Some(addr))
        }
        None => (None, None),
    };

    let rounds = common::env_count("SEISAKU_BENCH_ROUNDS", 5);
    let queried = |cache: bool| -> (Guard, SocketAddr, Duration, QueryFigures) {
        let addr = process::free_port();
        let started = Instant::now();
        let mut command = seisaku_command(&config);
        if !cache {
            command.env(seisaku::search::cache::SEARCH_CACHE_ENV, "0");
        }
        let server = Guard(
            command
                .args(["serve", "--addr", &addr.to_string()])
                .args(["--log-dir", &work.join("logs").display().to_string()])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("start seisaku serve"),
        );
        runtime.block_on(process::wait_ready(
            &client,
            &format!("http://{addr}/healthz"),
            Duration::from_secs(600),
        ));
        let opened = started.elapsed();
        let mut found = QueryFigures::default();
        runtime.block_on(async {
            for round in 0..=rounds {
                for (q, words) in queries.iter().zip(&words) {
                    let ours = search_http(&client, addr, q).await;
                    let theirs = match groonga_addr {
                        Some(g) => Some(groonga_http(&client, g, words, cache).await),
                        None => None,
                    };
                    if round > 0 {
                        found.http.push(ours);
                        if let Some(t) = theirs {
                            found.groonga_http.push(t);
                        }
                    }
                }
            }
        });
        let (samples, rate, errors) = runtime.block_on(concurrent(addr, queries, rounds.max(1)));
        found.concurrent = samples;
        found.concurrent_rate = rate;
        found.concurrent_errors = errors;
        (server, addr, opened, found)
    };
    let (uncached_server, _, opened, uncached) = queried(false);
    drop(uncached_server);
    figures.server_open = opened;
    figures.uncached = uncached;
    let (server, addr, _, cached) = queried(true);
    figures.cached = cached;
    if let Some(guard) = &groonga_server {
        figures.groonga_rss = process::rss_of(guard.id()).0;
    }
    drop(groonga_server);

    runtime.block_on(async {
        for round in 0..=rounds * 2 {
            for params in BUDGET_QUERIES {
                let started = Instant::now();
                let response = client
                    .get(format!("http://{addr}/budgets"))
                    .query(params)
                    .send()
                    .await
                    .expect("budgets request");
                assert!(response.status().is_success(), "/budgets {params:?}");
                response.bytes().await.expect("budgets body");
                if round > 0 {
                    figures.budgets.push(started.elapsed());
                }
            }
        }
    });
    let (rss_before_export, _) = process::rss_of(server.id());
    runtime.block_on(async {
        let started = Instant::now();
        let mut response = client
            .get(format!("http://{addr}/graph/export?format=json"))
            .send()
            .await
            .expect("export request");
        assert!(response.status().is_success(), "/graph/export");
        let mut peak = 0;
        while let Some(chunk) = response.chunk().await.expect("export chunk") {
            figures.export_bytes += chunk.len() as u64;
            peak = peak.max(process::rss_of(server.id()).0);
        }
        figures.export_time = started.elapsed();
        figures.export_rss_growth = peak.saturating_sub(rss_before_export);
    });
    let (rss, peak) = process::rss_of(server.id());
    figures.server_rss = rss;
    figures.server_peak_rss = peak;
    drop(server);
    figures
}

fn seisaku_command(config: &EngineConfig) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_seisaku"));
    command
        .arg("--seeds")
        .arg(&config.seeds_dir)
        .arg("--index")
        .arg(&config.index_dir)
        .arg("--dictionary")
        .arg(&config.dictionary_dir)
        .env("RUST_LOG", "warn");
    command
}

async fn search_http(client: &reqwest::Client, addr: SocketAddr, q: &str) -> Duration {
    let started = Instant::now();
    let response = client
        .get(format!("http://{addr}/search"))
        .query(&[("q", q), ("limit", &LIMIT.to_string())])
        .send()
        .await
        .expect("search request");
    assert!(response.status().is_success(), "/search {q:?}");
    response.bytes().await.expect("search body");
    started.elapsed()
}

async fn groonga_http(
    client: &reqwest::Client,
    addr: SocketAddr,
    words: &[String],
    cache: bool,
) -> Duration {
    let query = groonga::query_text(words);
    let started = Instant::now();
    let response = client
        .get(groonga::select_url(addr))
        .query(&groonga::select_params(&query, cache))
        .send()
        .await
        .expect("Groonga select");
    let status = response.status();
    response.bytes().await.expect("Groonga body");
    let elapsed = started.elapsed();
    assert!(
        status.is_success() || words.is_empty(),
        "Groonga select {query:?}: {status}"
    );
    elapsed
}

/// `CLIENTS` clients, each with its own connection, each searching every query `rounds`
/// times starting at a different query. Returns latencies, requests per second and errors.
async fn concurrent(addr: SocketAddr, queries: &[String], rounds: usize) -> (Samples, f64, usize) {
    let queries: Arc<Vec<String>> = Arc::new(queries.to_vec());
    let started = Instant::now();
    let mut tasks = Vec::new();
    for client_number in 0..CLIENTS {
        let queries = queries.clone();
        tasks.push(tokio::spawn(async move {
            let client = reqwest::Client::new();
            let mut samples = Samples::default();
            let mut errors = 0;
            for i in 0..queries.len() * rounds {
                let q = &queries[(client_number * 7 + i) % queries.len()];
                let sent = Instant::now();
                let ok = match client
                    .get(format!("http://{addr}/search"))
                    .query(&[("q", q.as_str()), ("limit", "10")])
                    .send()
                    .await
                {
                    Ok(response) => {
                        response.status().is_success() && response.bytes().await.is_ok()
                    }
                    Err(_) => false,
                };
                if ok {
                    samples.push(sent.elapsed());
                } else {
                    errors += 1;
                }
            }
            (samples, errors)
        }));
    }
    let mut all = Samples::default();
    let mut errors = 0;
    for task in tasks {
        let (samples, failed) = task.await.expect("client task");
        all.extend(&samples);
        errors += failed;
    }
    let elapsed = started.elapsed();
    let rate = (all.len() + errors) as f64 / elapsed.as_secs_f64();
    (all, rate, errors)
}

fn print_scale(f: &Figures) {
    println!(
        "== {}x: {} documents, {:.1} MB, {} passages, {} nodes indexed ==",
        f.times, f.documents, f.megabytes, f.passages, f.nodes
    );
    print_header("operation", 36);
    print_row("build (child process)", 36, &f.build);
    print_row("search in process", 36, &f.in_process);
    for (label, q) in [("uncached", &f.uncached), ("cached", &f.cached)] {
        print_row(&format!("search over HTTP, {label}"), 36, &q.http);
        if !q.groonga_http.is_empty() {
            print_row(&format!("Groonga select, {label}"), 36, &q.groonga_http);
        }
        print_row(
            &format!("search, {CLIENTS} clients, {label}"),
            36,
            &q.concurrent,
        );
    }
    print_row("/budgets listings", 36, &f.budgets);
    println!(
        "build: {:.2} MB/s at the median, peak RSS {:.0} MB, CPU {:.0} %",
        f.megabytes / f.build.p50().as_secs_f64(),
        mb(f.build_max_rss),
        f.build_cpu_percent
    );
    if let Some(load) = &f.groonga_load {
        println!(
            "Groonga load + index: {} ({:.2} MB/s), peak RSS {:.0} MB, CPU {:.0} %; server RSS {:.0} MB",
            fmt_duration(load.wall).trim(),
            f.megabytes / load.wall.as_secs_f64(),
            mb(load.max_rss),
            load.cpu_percent(),
            mb(f.groonga_rss)
        );
    }
    for (label, q) in [("uncached", &f.uncached), ("cached", &f.cached)] {
        println!(
            "{CLIENTS} clients, {label}: {:.0} requests/s, {} errors",
            q.concurrent_rate, q.concurrent_errors
        );
    }
    println!(
        "server: ready in {}, RSS {:.0} MB after queries (peak {:.0} MB); /graph/export {:.1} MB \
         in {}, RSS growth while streaming {:.1} MB",
        fmt_duration(f.server_open).trim(),
        mb(f.server_rss),
        mb(f.server_peak_rss),
        mb(f.export_bytes),
        fmt_duration(f.export_time).trim(),
        mb(f.export_rss_growth)
    );
    println!();
}

/// `p50 / p99` of our searches over HTTP, Groonga's p50 and the ratio of the two p50s, and
/// the concurrent rate with its p99.
fn query_cells(q: &QueryFigures) -> [String; 4] {
    let (g50, g_ratio) = if q.groonga_http.is_empty() {
        ("—".into(), "—".into())
    } else {
        (
            fmt_duration(q.groonga_http.p50()).trim().to_string(),
            format!(
                "{:.2}×",
                q.http.p50().as_secs_f64() / q.groonga_http.p50().as_secs_f64()
            ),
        )
    };
    [
        format!(
            "{} / {}",
            fmt_duration(q.http.p50()).trim(),
            fmt_duration(q.http.p99()).trim()
        ),
        g50,
        g_ratio,
        format!(
            "{:.0}, {}",
            q.concurrent_rate,
            fmt_duration(q.concurrent.p99()).trim()
        ),
    ]
}

fn print_summary(all: &[Figures]) {
    println!("== summary (ratios to Groonga from the same run) ==");
    println!(
        "| scale | MB | build | MB/s | Groonga load | build / Groonga | build peak RSS | caches | HTTP p50 / p99 | Groonga p50 | p50 / Groonga | {CLIENTS} clients req/s, p99 | server RSS | /budgets p50 |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    for f in all {
        let build = f.build.p50().as_secs_f64();
        let (load, load_ratio) = match &f.groonga_load {
            Some(load) => (
                format!("{:.1} s", load.wall.as_secs_f64()),
                format!("{:.2}×", build / load.wall.as_secs_f64()),
            ),
            None => ("—".into(), "—".into()),
        };
        for (label, q) in [("off", &f.uncached), ("on", &f.cached)] {
            let [http, g50, g_ratio, clients] = query_cells(q);
            println!(
                "| {}× | {:.1} | {:.1} s | {:.2} | {load} | {load_ratio} | {:.0} MB | {label} | {http} | {g50} | {g_ratio} | {clients} | {:.0} MB | {} |",
                f.times,
                f.megabytes,
                build,
                f.megabytes / build,
                mb(f.build_max_rss),
                mb(f.server_rss),
                fmt_duration(f.budgets.p50()).trim(),
            );
        }
    }
}
