//! Shared bench helpers: an engine config over the real seeds, latency statistics and the
//! printed tables.
#![allow(dead_code)]

use std::time::Duration;

#[path = "../../tests/common/mod.rs"]
mod project;

// Each bench binary uses its own subset of the shared helpers.
#[allow(unused_imports)]
pub use project::{config_in, root};

/// Whether the binary runs as a benchmark (`cargo bench` passes `--bench`); otherwise, as
/// under `cargo test --benches`, it only checks that every measured operation works.
pub fn measuring() -> bool {
    std::env::args().any(|arg| arg == "--bench")
}

/// A count from the environment, or `default` when unset or unreadable; 1 when only checking.
pub fn env_count(name: &str, default: usize) -> usize {
    if !measuring() {
        return 1;
    }
    std::env::var(name)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .filter(|n| *n > 0)
        .unwrap_or(default)
}

/// Latency samples of one measured operation.
#[derive(Debug, Default, Clone)]
pub struct Samples {
    values: Vec<Duration>,
}

impl Samples {
    /// Records one sample.
    pub fn push(&mut self, value: Duration) {
        self.values.push(value);
    }

    /// Adds every sample of `other`.
    pub fn extend(&mut self, other: &Samples) {
        self.values.extend_from_slice(&other.values);
    }

    /// Number of samples.
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// Whether nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// The nearest-rank quantile `q` (0..=1).
    pub fn quantile(&self, q: f64) -> Duration {
        let mut sorted = self.values.clone();
        sorted.sort();
        if sorted.is_empty() {
            return Duration::ZERO;
        }
        let rank = (q * sorted.len() as f64).ceil() as usize;
        sorted[rank.clamp(1, sorted.len()) - 1]
    }

    /// The median.
    pub fn p50(&self) -> Duration {
        self.quantile(0.50)
    }

    /// The 99th percentile.
    pub fn p99(&self) -> Duration {
        self.quantile(0.99)
    }

    /// The smallest sample.
    pub fn min(&self) -> Duration {
        self.values.iter().min().copied().unwrap_or_default()
    }

    /// The largest sample.
    pub fn max(&self) -> Duration {
        self.values.iter().max().copied().unwrap_or_default()
    }
}

/// A duration in a readable unit, right-aligned in 10 columns.
pub fn fmt_duration(value: Duration) -> String {
    let nanos = value.as_nanos() as f64;
    let text = if nanos >= 1e9 {
        format!("{:.3} s", nanos / 1e9)
    } else if nanos >= 1e6 {
        format!("{:.2} ms", nanos / 1e6)
    } else if nanos >= 1e3 {
        format!("{:.1} µs", nanos / 1e3)
    } else {
        format!("{nanos:.0} ns")
    };
    format!("{text:>10}")
}

/// The median of plain numbers (NaN when empty).
pub fn median(values: &[f64]) -> f64 {
    let mut sorted: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    sorted.sort_by(f64::total_cmp);
    match sorted.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => sorted[n / 2],
        n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
    }
}

/// `a / b` of two durations.
pub fn ratio(a: Duration, b: Duration) -> f64 {
    a.as_secs_f64() / b.as_secs_f64()
}

/// The header of a latency table whose first column is `width` wide.
pub fn print_header(label: &str, width: usize) {
    println!(
        "{label:<width$} {:>6} {:>10} {:>10} {:>10} {:>10} {:>10}",
        "n", "min", "p50", "p90", "p99", "max"
    );
}

/// One row of a latency table.
pub fn print_row(label: &str, width: usize, samples: &Samples) {
    println!(
        "{label:<width$} {:>6} {} {} {} {} {}",
        samples.len(),
        fmt_duration(samples.min()),
        fmt_duration(samples.p50()),
        fmt_duration(samples.quantile(0.90)),
        fmt_duration(samples.p99()),
        fmt_duration(samples.max()),
    );
}

/// Every `q` of `tests/fixtures/gold/*.queries.jsonl`, files in name order.
pub fn gold_queries() -> Vec<String> {
    let gold = root().join("tests").join("fixtures").join("gold");
    let mut files: Vec<_> = std::fs::read_dir(&gold)
        .expect("gold directory")
        .map(|entry| entry.expect("gold entry").path())
        .filter(|path| {
            path.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.ends_with(".queries.jsonl"))
        })
        .collect();
    files.sort();
    let mut queries = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("gold queries file");
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let record: serde_json::Value = serde_json::from_str(line).expect("gold query JSON");
            let q = record["q"].as_str().expect("gold query has q");
            queries.push(q.to_string());
        }
    }
    assert!(!queries.is_empty(), "no gold queries found");
    queries
}

/// A text of about `bytes` bytes made of the seeds' lines, starting with `marker`.
pub fn seed_text(bytes: usize, marker: &str) -> String {
    let seeds: Vec<String> = ["003_d473122111bbb5a2.txt", "002_eaad2ea998d35b7e.txt"]
        .iter()
        .map(|f| std::fs::read_to_string(root().join("seeds").join(f)).expect("seed"))
        .collect();
    let mut text = format!("{marker}\n");
    while text.len() < bytes {
        for seed in &seeds {
            text.push_str(seed);
        }
    }
    let mut end = bytes.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.truncate(end);
    text
}
