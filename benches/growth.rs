//! Adding one document as the corpus grows: the same documents added to a build of the seeds
//! and to builds of corpora N times the seeds (`seisaku scale-corpus`), in the same run,
//! rounds interleaved across scales. Each add goes to a fresh copy of its scale's build,
//! opened, as a server holds it: first a short warm-up text (the first add after opening,
//! timed too), then the measured document. Prints min/p50/p99 of the add per scale, the
//! ratio of each scale's median to the seeds', and the median of each phase the add logs.
//!
//! `SEISAKU_SCALES` (default `1,10,100`) picks the scales, `SEISAKU_BENCH_ROUNDS` (default 7)
//! the adds measured per document and scale. Corpora are generated under
//! `target/scale/corpus-xN` (shared with the scale bench), builds under `target/growth/`.

mod common;

use common::{Samples, config_in, env_count, fmt_duration, measuring, print_header, print_row};
use seisaku::documents::add_document;
use seisaku::documents::intake::{Incoming, IntakeOptions, Overrides};
use seisaku::engine::{Engine, EngineConfig};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tracing_subscriber::layer::{Context, SubscriberExt};
use tracing_subscriber::{Layer, Registry};

/// The allocator the `seisaku` binary serves with, so that adds cost here what they cost in
/// the server.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Width of the first column of the tables.
const WIDTH: usize = 34;

/// A document added at every scale.
struct Added {
    label: &'static str,
    file: &'static str,
    text: String,
}

/// The documents added: a short text made of seed lines, and the 246 KB evaluation report of
/// the seeds with its years moved on (a real document's next edition).
fn documents() -> Vec<Added> {
    let report = "003_d473122111bbb5a2.txt";
    let text = std::fs::read_to_string(common::root().join("seeds").join(report)).expect("seed");
    vec![
        Added {
            label: "seed text (30 KB)",
            file: "bench-30k.txt",
            text: common::seed_text(30_000, "ベンチマーク用テキスト"),
        },
        Added {
            label: "report, next edition (246 KB)",
            file: "bench-report.txt",
            text: format!("次年度版\n{}", text.replace("令和６", "令和９")),
        },
    ]
}

/// Times of the log events of `seisaku::documents` (the add's phases), as they happen.
#[derive(Clone, Default)]
struct PhaseLog {
    events: Arc<Mutex<Vec<(String, Instant)>>>,
}

impl PhaseLog {
    /// The events logged since the last call, emptied.
    fn take(&self) -> Vec<(String, Instant)> {
        std::mem::take(&mut *self.events.lock().expect("phase log"))
    }
}

/// Reads the `message` field of an event.
struct Message(String);

impl tracing::field::Visit for Message {
    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
        if field.name() == "message" {
            self.0 = format!("{value:?}");
        }
    }
}

impl<S: tracing::Subscriber> Layer<S> for PhaseLog {
    fn on_event(&self, event: &tracing::Event<'_>, _: Context<'_, S>) {
        let metadata = event.metadata();
        if !metadata.target().starts_with("seisaku::documents")
            || *metadata.level() > tracing::Level::DEBUG
        {
            return;
        }
        let mut message = Message(String::new());
        event.record(&mut message);
        let now = Instant::now();
        self.events
            .lock()
            .expect("phase log")
            .push((message.0, now));
    }
}

/// Each phase's samples, in the order the phases first happened.
#[derive(Default)]
struct Phases {
    order: Vec<String>,
    samples: BTreeMap<String, Samples>,
}

impl Phases {
    /// Records one add that started at `started`: each event ends a phase named after it.
    fn record(&mut self, started: Instant, events: &[(String, Instant)]) {
        let mut last = started;
        for (name, at) in events {
            if !self.samples.contains_key(name) {
                self.order.push(name.clone());
            }
            let samples = self.samples.entry(name.clone()).or_default();
            samples.push(at.saturating_duration_since(last));
            last = *at;
        }
    }
}

/// One scale: its base build and what was measured there.
struct Scale {
    times: usize,
    config: EngineConfig,
    documents: usize,
    first_adds: Samples,
    adds: Vec<Samples>,
    phases: Vec<Phases>,
}

fn work_dir() -> PathBuf {
    common::root().join("target").join("growth")
}

/// Generates the corpus of `times` copies of the seeds and builds it (reused when current).
fn prepare(times: usize, added: usize) -> Scale {
    let seeds = if times == 1 {
        common::root().join("seeds")
    } else {
        let dir = common::root()
            .join("target")
            .join("scale")
            .join(format!("corpus-x{times}"));
        seisaku::synthetic::generate(&common::root().join("seeds"), &dir, times)
            .expect("generate the corpus");
        dir
    };
    let mut config = config_in(&work_dir().join(format!("base-x{times}")));
    config.seeds_dir = seeds;
    let started = Instant::now();
    let engine =
        Engine::open_or_build(&config, &indicatif::ProgressBar::hidden()).expect("the base build");
    println!(
        "{times}x: {} documents, base build ready in {}",
        engine.corpus.docs.len(),
        fmt_duration(started.elapsed()).trim()
    );
    Scale {
        times,
        documents: engine.corpus.docs.len(),
        config,
        first_adds: Samples::default(),
        adds: (0..added).map(|_| Samples::default()).collect(),
        phases: (0..added).map(|_| Phases::default()).collect(),
    }
}

/// Hard-links every file of `from` into `to` (build files are never written in place).
fn link_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("directory");
    for entry in std::fs::read_dir(from).expect("read directory") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            link_tree(&entry.path(), &target);
        } else if !entry.file_name().to_string_lossy().starts_with('.') {
            std::fs::hard_link(entry.path(), &target).expect("hard link");
        }
    }
}

/// Adds `document` to `engine`: returns the grown engine, when the add started and its time.
fn add(
    config: &EngineConfig,
    engine: &Engine,
    document: &Added,
    log: &PhaseLog,
) -> (Engine, Instant, Duration) {
    let incoming = Incoming {
        bytes: document.text.as_bytes().to_vec(),
        content_type: Some("text/plain; charset=utf-8".into()),
        filename: Some(document.file.into()),
        overrides: Overrides::default(),
    };
    log.take();
    let started = Instant::now();
    let added = add_document(config, engine, incoming, &IntakeOptions::default());
    let elapsed = started.elapsed();
    match added {
        Ok((grown, summary)) => {
            assert_eq!(grown.corpus.docs.len(), engine.corpus.docs.len() + 1);
            assert!(summary.passages > 0, "{}: no passages", document.label);
            (grown, started, elapsed)
        }
        Err(error) => panic!("{}: the add failed: {error}", document.label),
    }
}

/// On a fresh copy of the base build of `scale`, adds the warm-up text and then `document`;
/// records both times and the phases of the second add.
fn measure(scale: &mut Scale, index: usize, document: &Added, warm_up: &Added, log: &PhaseLog) {
    let copy = work_dir().join(format!("round-x{}", scale.times));
    let _ = std::fs::remove_dir_all(&copy);
    link_tree(&scale.config.index_dir, &copy);
    let mut config = scale.config.clone();
    config.index_dir = copy.clone();
    config.library_dir = copy.join("library");
    let opened =
        Engine::open_or_build(&config, &indicatif::ProgressBar::hidden()).expect("open the copy");
    let (warmed, _, first) = add(&config, &opened, warm_up, log);
    drop(opened);
    scale.first_adds.push(first);
    let (_, started, elapsed) = add(&config, &warmed, document, log);
    scale.adds[index].push(elapsed);
    scale.phases[index].record(started, &log.take());
    drop(warmed);
    let _ = std::fs::remove_dir_all(&copy);
}

fn scales() -> Vec<usize> {
    if !measuring() {
        return vec![1, 2];
    }
    std::env::var("SEISAKU_SCALES")
        .unwrap_or_else(|_| "1,10,100".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .filter(|n| *n > 0)
        .collect()
}

fn main() {
    let log = PhaseLog::default();
    let filter = tracing_subscriber::filter::Targets::new()
        .with_target("seisaku::documents", tracing::Level::DEBUG);
    let subscriber = Registry::default().with(log.clone().with_filter(filter));
    tracing::subscriber::set_global_default(subscriber).expect("one subscriber");

    let rounds = env_count("SEISAKU_BENCH_ROUNDS", 7);
    let documents = documents();
    let warm_up = Added {
        label: "warm-up text (5 KB)",
        file: "bench-warm-up.txt",
        text: common::seed_text(5_000, "ベンチマーク準備用テキスト"),
    };
    let mut scales: Vec<Scale> = scales()
        .into_iter()
        .map(|times| prepare(times, documents.len()))
        .collect();
    for _ in 0..rounds {
        for scale in &mut scales {
            for (index, document) in documents.iter().enumerate() {
                measure(scale, index, document, &warm_up, &log);
            }
        }
    }
    report(&scales, &documents);
}

fn report(scales: &[Scale], documents: &[Added]) {
    println!("\n== first add after opening (warm-up text, 5 KB) ==");
    print_header("scale", WIDTH);
    for scale in scales {
        let label = format!("{}x ({} documents)", scale.times, scale.documents);
        print_row(&label, WIDTH, &scale.first_adds);
    }
    for (index, document) in documents.iter().enumerate() {
        println!("\n== next add: {} ==", document.label);
        print_header("scale", WIDTH);
        for scale in scales {
            let label = format!("{}x ({} documents)", scale.times, scale.documents);
            print_row(&label, WIDTH, &scale.adds[index]);
        }
        let Some(first) = scales.first() else {
            continue;
        };
        for scale in &scales[1..] {
            println!(
                "{}x / {}x: p50 {:.2}, p99 {:.2}",
                scale.times,
                first.times,
                common::ratio(scale.adds[index].p50(), first.adds[index].p50()),
                common::ratio(scale.adds[index].p99(), first.adds[index].p99()),
            );
        }
        for scale in scales {
            println!(
                "phases at {}x (each ends with the event named):",
                scale.times
            );
            print_header("  phase", WIDTH);
            let phases = &scale.phases[index];
            for name in &phases.order {
                print_row(&format!("  {name}"), WIDTH, &phases.samples[name]);
            }
        }
    }
}
