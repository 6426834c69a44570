//! Taking in a document the corpus has never seen, as `seisaku add` takes it: format and kind
//! detected from the content, then read by whichever reader its kind selects.

use seisaku::corpus::{DocumentInfo, SeedDoc};
use seisaku::documents::intake::{Incoming, IntakeOptions, Overrides, prepare};
use seisaku::extract::extract_document;
use seisaku::graph::model::Extraction;
use std::path::{Path, PathBuf};

/// The directory of the documents written blind and what they state.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/unseen")
}

/// Takes a file of [`fixtures`] in as an add does and extracts it with the reader of its
/// detected kind.
pub fn add(file: &str) -> (SeedDoc, Extraction) {
    let bytes = std::fs::read(fixtures().join(file)).expect("fixture");
    let document = prepare(
        Incoming {
            bytes,
            content_type: None,
            filename: Some(file.to_string()),
            overrides: Overrides::default(),
        },
        &IntakeOptions::default(),
    )
    .expect("intake");
    let entry = document.entry;
    let doc = SeedDoc {
        info: DocumentInfo {
            file: entry.id,
            title: entry.title,
            publisher: entry.publisher,
            date: entry.date,
            kind: entry.kind,
        },
        lines: document.lines.into(),
    };
    let extraction = extract_document(&doc);
    (doc, extraction)
}
