//! Adding one document to the seed corpus: a 1 MB text file and a 100-page PDF, each added
//! to a fresh copy of the seed build (so every add is the first), end to end: conversion,
//! library write, incremental index and graph, publication.
//!
//! `SEISAKU_BENCH_ROUNDS` (default 3) changes the number of adds measured per document.

mod common;
#[path = "../tests/ingest_support/mod.rs"]
mod ingest_support;

use common::{Samples, config_in, env_count, measuring, print_header, print_row, seed_text};
use seisaku::documents::add_document;
use seisaku::documents::intake::{Incoming, IntakeOptions, Overrides};
use seisaku::engine::Engine;
use std::time::Instant;

/// The allocator the `seisaku` binary serves with, so that adds cost here what they cost in
/// the server.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// An HTML body of `pages` pages of about 20 lines of seed text each, one `<section>` a page.
fn pdf_body(pages: usize) -> String {
    let text = seed_text(pages * 1_200, "ベンチマーク資料");
    let lines: Vec<String> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            l.replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
        })
        .collect();
    lines
        .chunks(lines.len().div_ceil(pages))
        .map(|page| format!("<section><p>{}</p></section>", page.join("</p><p>")))
        .collect()
}

fn measure(label: &str, rounds: usize, bytes: &[u8], content_type: &str, filename: &str) {
    let mut samples = Samples::default();
    for round in 0..rounds {
        let dir = tempfile::tempdir().expect("temp dir");
        let config = config_in(dir.path());
        let engine = Engine::open_or_build(&config, &indicatif::ProgressBar::hidden())
            .expect("engine builds from the seeds");
        let incoming = Incoming {
            bytes: bytes.to_vec(),
            content_type: Some(content_type.into()),
            filename: Some(filename.into()),
            overrides: Overrides::default(),
        };
        let started = Instant::now();
        match add_document(&config, &engine, incoming, &IntakeOptions::default()) {
            Ok((_, summary)) => {
                samples.push(started.elapsed());
                if round == 0 {
                    println!(
                        "{label}: {} bytes, {} lines, {} pages, {} passages",
                        bytes.len(),
                        summary.lines,
                        summary.pages.unwrap_or(0),
                        summary.passages
                    );
                }
            }
            Err(error) => panic!("{label}: the add failed: {error}"),
        }
    }
    print_row(label, 24, &samples);
}

fn main() {
    let rounds = env_count("SEISAKU_BENCH_ROUNDS", 3);
    let text_bytes = if measuring() { 1_000_000 } else { 100_000 };
    let pages = if measuring() { 100 } else { 5 };
    print_header("add one document", 24);
    let text = seed_text(text_bytes, "ベンチマーク用テキスト");
    measure(
        "text (1 MB)",
        rounds,
        text.as_bytes(),
        "text/plain",
        "bench.txt",
    );
    let pdf = ingest_support::print_pdf(&ingest_support::japanese_page(&pdf_body(pages)));
    measure(
        "pdf (100 pages)",
        rounds,
        &pdf,
        "application/pdf",
        "bench.pdf",
    );
}
