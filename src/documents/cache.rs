//! What each document contributed to a build (its graph drafts and passage count), kept in
//! the build directory (`drafts/`) so that the next build can re-merge the graph without
//! re-reading the documents that did not change.
//!
//! Only a summary of each document (content hash, passage count) stays in memory once a
//! build is saved; its drafts are read back from the build directory, one document at a
//! time, when the next build re-merges the graph.

use crate::corpus::{Corpus, SeedDoc};
use crate::graph::build::{DocumentDrafts, document_drafts};
use crate::index::store::StoreError;
use crate::passages::passages;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Directory of the cached drafts inside a build directory.
const DRAFTS_DIR: &str = "drafts";
/// File of the summaries inside the drafts directory.
const SUMMARIES_FILE: &str = "summaries.json";

/// One document's contribution, as saved.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CachedDocument {
    /// SHA-256 of the document's lines, so a changed document is read again.
    pub content: String,
    /// Passages cut from it.
    pub passages: usize,
    /// Its graph drafts.
    pub drafts: DocumentDrafts,
}

impl CachedDocument {
    fn compute(doc: &SeedDoc) -> CachedDocument {
        CachedDocument {
            content: content_hash(doc),
            passages: passages(doc).len(),
            drafts: document_drafts(doc),
        }
    }
}

/// What a document contributed, as kept in memory.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Summary {
    /// SHA-256 of the document's lines.
    content: String,
    /// Passages cut from it.
    passages: usize,
    /// Where its saved drafts are (none until saved).
    #[serde(skip)]
    saved: Option<PathBuf>,
    /// Its drafts while not yet saved.
    #[serde(skip)]
    fresh: Option<Arc<DocumentDrafts>>,
}

impl Summary {
    fn computed(doc: &SeedDoc) -> Summary {
        let cached = CachedDocument::compute(doc);
        Summary {
            content: cached.content,
            passages: cached.passages,
            saved: None,
            fresh: Some(Arc::new(cached.drafts)),
        }
    }

    /// The drafts, read back from the saved file when they are not in memory; a missing or
    /// unreadable file is read again from the document.
    fn drafts(&self, doc: &SeedDoc) -> DocumentDrafts {
        if let Some(fresh) = &self.fresh {
            return fresh.as_ref().clone();
        }
        let read = self.saved.as_ref().and_then(|path| {
            let bytes = std::fs::read(path)
                .map_err(|error| tracing::warn!(path = %path.display(), %error, "cached drafts unreadable"))
                .ok()?;
            serde_json::from_slice::<CachedDocument>(&bytes)
                .map_err(|error| tracing::warn!(path = %path.display(), %error, "cached drafts unreadable"))
                .ok()
        });
        match read {
            Some(cached) if cached.drafts.doc == doc.file() => cached.drafts,
            _ => document_drafts(doc),
        }
    }
}

/// One document's drafts as saved in a build directory, to be added to its cache.
#[derive(Debug)]
pub struct SavedDocument(Summary);

/// The contributions of every document of a build, by document id.
#[derive(Debug, Clone, Default)]
pub struct DocumentCache {
    docs: HashMap<String, Summary>,
}

fn content_hash(doc: &SeedDoc) -> String {
    let mut hasher = Sha256::new();
    for line in &doc.lines {
        hasher.update(line.as_bytes());
        hasher.update(b"\n");
    }
    hex::encode(hasher.finalize())
}

fn file_name(doc: &str) -> String {
    let hash = hex::encode(Sha256::digest(doc.as_bytes()));
    format!("{}.json", &hash[..32])
}

impl DocumentCache {
    /// The cache of `corpus`, taking unchanged documents from `previous` and reading the
    /// others; the documents in `kept` are known to be those `previous` was made from (they
    /// are not hashed again).
    pub fn reusing(
        corpus: &Corpus,
        previous: &DocumentCache,
        kept: &HashSet<String>,
    ) -> DocumentCache {
        // Documents are read in parallel; each entry depends on its document only.
        let docs = corpus
            .docs
            .par_iter()
            .map(|doc| {
                let summary = previous
                    .docs
                    .get(doc.file())
                    .filter(|s| kept.contains(doc.file()) || s.content == content_hash(doc))
                    .cloned()
                    .unwrap_or_else(|| Summary::computed(doc));
                (doc.file().to_string(), summary)
            })
            .collect();
        DocumentCache { docs }
    }

    /// Saves the drafts of `doc` (cut into `passages` passages) into `dir/drafts`, for
    /// [`DocumentCache::insert`]; documents may be saved from any thread.
    pub fn save_document(
        dir: &Path,
        doc: &SeedDoc,
        passages: usize,
        drafts: &DocumentDrafts,
    ) -> Result<SavedDocument, StoreError> {
        let target = dir.join(DRAFTS_DIR);
        std::fs::create_dir_all(&target).map_err(io(&target))?;
        let destination = target.join(file_name(doc.file()));
        let content = content_hash(doc);
        let cached = CachedDocumentRef {
            content: &content,
            passages,
            drafts,
        };
        let json = serde_json::to_vec(&cached).map_err(|e| corrupt(&destination, e))?;
        std::fs::write(&destination, json).map_err(io(&destination))?;
        Ok(SavedDocument(Summary {
            content,
            passages,
            saved: Some(destination),
            fresh: None,
        }))
    }

    /// Adds a document saved by [`DocumentCache::save_document`].
    pub fn insert(&mut self, doc: &str, saved: SavedDocument) {
        self.docs.insert(doc.to_string(), saved.0);
    }

    /// Writes the summaries of the documents saved into `dir/drafts`.
    pub fn save_summaries_in(&self, dir: &Path) -> Result<(), StoreError> {
        let target = dir.join(DRAFTS_DIR);
        std::fs::create_dir_all(&target).map_err(io(&target))?;
        self.save_summaries(&target)
    }

    /// The cache saved in a build directory; documents missing there are read again.
    pub fn load_or_compute(dir: &Path, corpus: &Corpus) -> DocumentCache {
        let drafts_dir = dir.join(DRAFTS_DIR);
        let path = drafts_dir.join(SUMMARIES_FILE);
        let mut loaded = DocumentCache::default();
        match std::fs::read(&path).map(|bytes| serde_json::from_slice(&bytes)) {
            Ok(Ok(summaries)) => {
                let summaries: HashMap<String, Summary> = summaries;
                for (doc, mut summary) in summaries {
                    summary.saved = Some(drafts_dir.join(file_name(&doc)));
                    loaded.docs.insert(doc, summary);
                }
            }
            Ok(Err(error)) => {
                tracing::warn!(path = %path.display(), %error, "cached summaries unreadable")
            }
            Err(error) => tracing::warn!(path = %path.display(), %error, "no cached summaries"),
        }
        DocumentCache::reusing(corpus, &loaded, &HashSet::new())
    }

    /// Passages cut from a document.
    pub fn passages(&self, doc: &str) -> Option<usize> {
        self.docs.get(doc).map(|s| s.passages)
    }

    /// The content hash of a document as cached.
    pub fn content(&self, doc: &str) -> Option<&str> {
        self.docs.get(doc).map(|s| s.content.as_str())
    }

    /// The drafts of `doc` (a copy, for merging): read back from the build directory, or
    /// read from the document when they cannot be.
    pub fn drafts(&self, doc: &SeedDoc) -> Option<DocumentDrafts> {
        self.docs.get(doc.file()).map(|s| s.drafts(doc))
    }

    /// Writes the cache into `dir/drafts` and lets go of the drafts held in memory; drafts
    /// saved before are hard-linked from where they are instead of written again.
    pub fn save(&mut self, dir: &Path) -> Result<(), StoreError> {
        let target = dir.join(DRAFTS_DIR);
        std::fs::create_dir_all(&target).map_err(io(&target))?;
        for (doc, summary) in &mut self.docs {
            let destination = target.join(file_name(doc));
            let linked = summary
                .saved
                .as_ref()
                .is_some_and(|source| std::fs::hard_link(source, &destination).is_ok());
            if !linked {
                write_drafts(summary, doc, &destination)?;
            }
            summary.saved = Some(destination);
            summary.fresh = None;
        }
        self.save_summaries(&target)
    }

    fn save_summaries(&self, drafts_dir: &Path) -> Result<(), StoreError> {
        let path = drafts_dir.join(SUMMARIES_FILE);
        let json = serde_json::to_vec(&self.docs).map_err(|e| corrupt(&path, e))?;
        std::fs::write(&path, json).map_err(io(&path))
    }
}

/// Writes one document's drafts (from memory, or copied from where they were saved).
fn write_drafts(summary: &Summary, doc: &str, destination: &Path) -> Result<(), StoreError> {
    if let Some(fresh) = &summary.fresh {
        let cached = CachedDocumentRef {
            content: &summary.content,
            passages: summary.passages,
            drafts: fresh,
        };
        let json = serde_json::to_vec(&cached).map_err(|e| corrupt(destination, e))?;
        return std::fs::write(destination, json).map_err(io(destination));
    }
    match &summary.saved {
        Some(source) => std::fs::copy(source, destination)
            .map(|_| ())
            .map_err(io(destination)),
        None => Err(StoreError::Corrupt {
            path: destination.to_path_buf(),
            message: format!("no drafts of {doc} to save"),
        }),
    }
}

/// [`CachedDocument`] borrowed, for writing.
#[derive(Serialize)]
struct CachedDocumentRef<'a> {
    content: &'a str,
    passages: usize,
    drafts: &'a DocumentDrafts,
}

fn corrupt(path: &Path, error: serde_json::Error) -> StoreError {
    StoreError::Corrupt {
        path: path.to_path_buf(),
        message: error.to_string(),
    }
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> StoreError {
    let path: PathBuf = path.to_path_buf();
    move |source| StoreError::Io { path, source }
}
