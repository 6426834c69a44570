//! What each document contributed to a build (its graph drafts and passage count), kept in
//! the build directory (`drafts/`) so that the next build can re-merge the graph without
//! re-reading the documents that did not change.

use crate::corpus::{Corpus, SeedDoc};
use crate::graph::build::{DocumentDrafts, document_drafts};
use crate::index::store::StoreError;
use crate::passages::passages;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Directory of the cached drafts inside a build directory.
const DRAFTS_DIR: &str = "drafts";

/// One document's contribution.
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

/// The cached contributions of every document of a build, by document id.
#[derive(Debug, Clone, Default)]
pub struct DocumentCache {
    docs: HashMap<String, Arc<CachedDocument>>,
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
    /// Reads every document of the corpus.
    pub fn compute(corpus: &Corpus) -> DocumentCache {
        DocumentCache::reusing(corpus, &DocumentCache::default())
    }

    /// The cache of `corpus`, taking unchanged documents from `previous` and reading the
    /// others.
    pub fn reusing(corpus: &Corpus, previous: &DocumentCache) -> DocumentCache {
        // Documents are read in parallel; each entry depends on its document only.
        let docs = corpus
            .docs
            .par_iter()
            .map(|doc| {
                let cached = previous
                    .docs
                    .get(doc.file())
                    .filter(|c| c.content == content_hash(doc))
                    .cloned()
                    .unwrap_or_else(|| Arc::new(CachedDocument::compute(doc)));
                (doc.file().to_string(), cached)
            })
            .collect();
        DocumentCache { docs }
    }

    /// The cache saved in a build directory; documents missing there are read again.
    pub fn load_or_compute(dir: &Path, corpus: &Corpus) -> DocumentCache {
        let mut loaded = DocumentCache::default();
        for doc in &corpus.docs {
            let path = dir.join(DRAFTS_DIR).join(file_name(doc.file()));
            let Ok(bytes) = std::fs::read(&path) else {
                continue;
            };
            match serde_json::from_slice::<CachedDocument>(&bytes) {
                Ok(cached) if cached.drafts.doc == doc.file() => {
                    loaded.docs.insert(doc.file().to_string(), Arc::new(cached));
                }
                Ok(_) => {}
                Err(error) => {
                    tracing::warn!(path = %path.display(), %error, "cached drafts unreadable")
                }
            }
        }
        DocumentCache::reusing(corpus, &loaded)
    }

    /// A document's contribution.
    pub fn get(&self, doc: &str) -> Option<&CachedDocument> {
        self.docs.get(doc).map(Arc::as_ref)
    }

    /// The drafts of every document in corpus order (copies, for merging).
    pub fn drafts_in_order(&self, corpus: &Corpus) -> Vec<DocumentDrafts> {
        corpus
            .docs
            .iter()
            .filter_map(|doc| self.docs.get(doc.file()))
            .map(|cached| cached.drafts.clone())
            .collect()
    }

    /// Writes the cache into `dir/drafts`; entries shared with `previous` (its build
    /// directory and cache) are hard-linked from there instead of written again.
    pub fn save(
        &self,
        dir: &Path,
        previous: Option<(&Path, &DocumentCache)>,
    ) -> Result<(), StoreError> {
        let target = dir.join(DRAFTS_DIR);
        std::fs::create_dir_all(&target).map_err(io(&target))?;
        for (doc, cached) in &self.docs {
            let name = file_name(doc);
            let destination = target.join(&name);
            let shared = previous.and_then(|(previous_dir, previous_cache)| {
                previous_cache
                    .docs
                    .get(doc)
                    .filter(|p| Arc::ptr_eq(p, cached))
                    .map(|_| previous_dir.join(DRAFTS_DIR).join(&name))
            });
            if let Some(source) = shared
                && std::fs::hard_link(&source, &destination).is_ok()
            {
                continue;
            }
            let json = serde_json::to_vec(cached.as_ref()).map_err(|e| StoreError::Corrupt {
                path: destination.clone(),
                message: e.to_string(),
            })?;
            std::fs::write(&destination, json).map_err(io(&destination))?;
        }
        Ok(())
    }
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> StoreError {
    let path: PathBuf = path.to_path_buf();
    move |source| StoreError::Io { path, source }
}
