//! Fingerprints the sources that decide what a build of the index and graph contains
//! (passages, analysis, extraction, graph assembly, the index's documents), so that a build
//! made by other code is never reused for this one: the engine folds the fingerprint into
//! every build's fingerprint.

use std::collections::hash_map::DefaultHasher;
use std::hash::Hasher;
use std::path::{Path, PathBuf};

/// Sources whose change changes what a build contains.
const PIPELINE_SOURCES: [&str; 10] = [
    "src/analysis",
    "src/corpus",
    "src/extract",
    "src/graph",
    "src/index",
    "src/ingest",
    "src/money.rs",
    "src/normalize.rs",
    "src/passages.rs",
    "src/vocab.rs",
];

fn main() {
    let mut files = Vec::new();
    for source in PIPELINE_SOURCES {
        println!("cargo:rerun-if-changed={source}");
        collect(Path::new(source), &mut files);
    }
    files.sort();
    let mut hasher = DefaultHasher::new();
    for file in &files {
        hasher.write(file.to_string_lossy().as_bytes());
        hasher.write(&std::fs::read(file).unwrap_or_default());
    }
    println!(
        "cargo:rustc-env=SEISAKU_PIPELINE_SOURCES={:016x}",
        hasher.finish()
    );
}

/// Every `.rs` file at or under `path`.
fn collect(path: &Path, files: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let Ok(entries) = std::fs::read_dir(path) else {
            return;
        };
        for entry in entries.flatten() {
            collect(&entry.path(), files);
        }
    } else if path.extension().is_some_and(|e| e == "rs") {
        files.push(path.to_path_buf());
    }
}
