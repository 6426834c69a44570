//! The library: documents added beside the read-only seeds, each with its original file,
//! its extracted text (and the page of every line for PDFs), and an entry in `manifest.json`.
//!
//! ```text
//! library/
//!   manifest.json      every document: id, file, title, publisher, date, kind, format, …
//!   .lock              held by whoever changes the library (server or `seisaku add`)
//!   .staging/<id>/     a document being added (discarded when found on start)
//!   docs/<id>/         original, text.txt, pages.json (PDFs)
//! ```
//! An add writes the staging directory, syncs it, renames it into `docs/` and only then
//! rewrites the manifest (through a synced temporary file and a rename), so a crash leaves
//! either the old library or the new one; what a crash leaves behind (a staging directory, a
//! directory in `docs/` the manifest does not name) is removed by [`Library::recover`].

pub mod names;

use crate::corpus::DocKind;
use crate::ingest::Format;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::HashSet;
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

const MANIFEST: &str = "manifest.json";
const LOCK: &str = ".lock";
const STAGING: &str = ".staging";
const DOCS: &str = "docs";
const ORIGINAL: &str = "original";
const TEXT: &str = "text.txt";
const PAGES: &str = "pages.json";

/// Errors of the library on disk.
#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
    /// File system trouble.
    #[error("library {path}: {source}")]
    Io {
        /// The path involved.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The manifest or a stored file is unreadable.
    #[error("library {path}: {message}")]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// No library document has this id.
    #[error("no library document {0:?}")]
    NotFound(String),
}

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> LibraryError + '_ {
    move |source| LibraryError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// One added document as the manifest records it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct LibraryEntry {
    /// Id citations use: the file name, made unique when taken.
    pub id: String,
    /// The original file name as given.
    pub file: String,
    /// Document title.
    pub title: String,
    /// Publishing body.
    pub publisher: String,
    /// Publication date (`YYYY-MM` or `YYYY-MM-DD`), or empty when unknown.
    pub date: String,
    /// Kind of document.
    pub kind: DocKind,
    /// Format the file was read as.
    pub format: Format,
    /// The content type the original is served with.
    pub content_type: String,
    /// SHA-256 of the original file, hex.
    pub sha256: String,
    /// Pages (PDFs only).
    pub pages: Option<u32>,
    /// When it was added (RFC 3339, UTC).
    pub added_at: String,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Manifest {
    documents: Vec<LibraryEntry>,
}

/// A document ready to be stored: everything but its id and time of adding.
#[derive(Debug, Clone)]
pub struct NewDocument {
    /// The entry to record (its `id` is replaced by a free one derived from it).
    pub entry: LibraryEntry,
    /// The original bytes.
    pub original: Vec<u8>,
    /// Extracted lines.
    pub lines: Vec<String>,
    /// The page of every line (PDFs).
    pub line_pages: Option<Vec<u32>>,
}

/// The extracted text of a stored document.
#[derive(Debug, Clone)]
pub struct StoredText {
    /// Lines as citations count them.
    pub lines: Vec<String>,
    /// The page of every line (PDFs).
    pub line_pages: Option<Vec<u32>>,
}

/// Exclusive ownership of the library for a change; released when dropped.
#[derive(Debug)]
pub struct LibraryLock {
    _file: File,
}

/// What [`Library::recover`] cleaned up.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Recovery {
    /// Half-written adds discarded.
    pub discarded_staging: usize,
    /// Stored documents the manifest did not name, removed.
    pub removed_orphans: usize,
    /// Manifest entries whose files were missing, dropped.
    pub dropped_entries: Vec<String>,
}

/// The library directory.
#[derive(Debug, Clone)]
pub struct Library {
    root: PathBuf,
}

impl Library {
    /// The library at `root` (created when something is added).
    pub fn new(root: impl Into<PathBuf>) -> Library {
        Library { root: root.into() }
    }

    /// The root directory.
    pub fn root(&self) -> &Path {
        &self.root
    }

    fn ensure_root(&self) -> Result<(), LibraryError> {
        std::fs::create_dir_all(&self.root).map_err(io_error(&self.root))
    }

    fn open_lock_file(&self) -> Result<File, LibraryError> {
        self.ensure_root()?;
        let path = self.root.join(LOCK);
        File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(io_error(&path))
    }

    /// Waits for exclusive ownership of the library (across processes).
    pub fn lock(&self) -> Result<LibraryLock, LibraryError> {
        let file = self.open_lock_file()?;
        file.lock().map_err(io_error(&self.root.join(LOCK)))?;
        Ok(LibraryLock { _file: file })
    }

    /// Exclusive ownership when nobody else holds it, without waiting.
    pub fn try_lock(&self) -> Result<Option<LibraryLock>, LibraryError> {
        let file = self.open_lock_file()?;
        match file.try_lock() {
            Ok(()) => Ok(Some(LibraryLock { _file: file })),
            Err(std::fs::TryLockError::WouldBlock) => Ok(None),
            Err(std::fs::TryLockError::Error(source)) => Err(LibraryError::Io {
                path: self.root.join(LOCK),
                source,
            }),
        }
    }

    /// The manifest's path (watched by a running server).
    pub fn manifest_path(&self) -> PathBuf {
        self.root.join(MANIFEST)
    }

    /// Every document in the manifest, in the order added; none when there is no library.
    pub fn entries(&self) -> Result<Vec<LibraryEntry>, LibraryError> {
        let path = self.manifest_path();
        match std::fs::read(&path) {
            Ok(bytes) => serde_json::from_slice::<Manifest>(&bytes)
                .map(|m| m.documents)
                .map_err(|e| LibraryError::Corrupt {
                    path,
                    message: e.to_string(),
                }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
            Err(source) => Err(LibraryError::Io { path, source }),
        }
    }

    fn doc_dir(&self, id: &str) -> PathBuf {
        self.root.join(DOCS).join(id)
    }

    /// Where the original file of `id` is kept.
    pub fn original_path(&self, id: &str) -> PathBuf {
        self.doc_dir(id).join(ORIGINAL)
    }

    /// The extracted text of a stored document.
    pub fn text(&self, id: &str) -> Result<StoredText, LibraryError> {
        let dir = self.doc_dir(id);
        let text_path = dir.join(TEXT);
        let text = std::fs::read_to_string(&text_path).map_err(io_error(&text_path))?;
        let lines: Vec<String> = text.split('\n').map(str::to_string).collect();
        let pages_path = dir.join(PAGES);
        let line_pages = match std::fs::read(&pages_path) {
            Ok(bytes) => Some(serde_json::from_slice::<Vec<u32>>(&bytes).map_err(|e| {
                LibraryError::Corrupt {
                    path: pages_path.clone(),
                    message: e.to_string(),
                }
            })?),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(source) => {
                return Err(LibraryError::Io {
                    path: pages_path,
                    source,
                });
            }
        };
        if line_pages.as_ref().is_some_and(|p| p.len() != lines.len()) {
            return Err(LibraryError::Corrupt {
                path: pages_path,
                message: "pages do not match the lines".into(),
            });
        }
        Ok(StoredText { lines, line_pages })
    }

    /// Stores a document under a free id derived from `document.entry.id`, ids in `taken`
    /// (the seeds') being avoided too, and records it in the manifest. Returns the entry.
    pub fn add(
        &self,
        _lock: &LibraryLock,
        document: NewDocument,
        taken: &HashSet<String>,
        added_at: String,
    ) -> Result<LibraryEntry, LibraryError> {
        let mut entries = self.entries()?;
        let mut all_taken = taken.clone();
        all_taken.extend(entries.iter().map(|e| e.id.clone()));
        let mut entry = document.entry;
        entry.id = names::unique_id(&names::sanitize_file_name(&entry.id), &all_taken);
        entry.added_at = added_at;
        let staging = self.root.join(STAGING).join(&entry.id);
        if staging.exists() {
            std::fs::remove_dir_all(&staging).map_err(io_error(&staging))?;
        }
        std::fs::create_dir_all(&staging).map_err(io_error(&staging))?;
        write_synced(&staging.join(ORIGINAL), &document.original)?;
        write_synced(&staging.join(TEXT), document.lines.join("\n").as_bytes())?;
        if let Some(pages) = &document.line_pages {
            let json = serde_json::to_vec(pages).map_err(|e| LibraryError::Corrupt {
                path: staging.join(PAGES),
                message: e.to_string(),
            })?;
            write_synced(&staging.join(PAGES), &json)?;
        }
        sync_dir(&staging)?;
        let docs = self.root.join(DOCS);
        std::fs::create_dir_all(&docs).map_err(io_error(&docs))?;
        let target = self.doc_dir(&entry.id);
        if target.exists() {
            // Left by a crash after the rename and before the manifest was written.
            std::fs::remove_dir_all(&target).map_err(io_error(&target))?;
        }
        std::fs::rename(&staging, &target).map_err(io_error(&target))?;
        sync_dir(&docs)?;
        entries.push(entry.clone());
        self.write_manifest(&entries)?;
        Ok(entry)
    }

    /// Removes a document from the manifest, then its files.
    pub fn remove(&self, _lock: &LibraryLock, id: &str) -> Result<LibraryEntry, LibraryError> {
        let mut entries = self.entries()?;
        let position = entries
            .iter()
            .position(|e| e.id == id)
            .ok_or_else(|| LibraryError::NotFound(id.to_string()))?;
        let removed = entries.remove(position);
        self.write_manifest(&entries)?;
        let dir = self.doc_dir(id);
        if let Err(error) = std::fs::remove_dir_all(&dir) {
            // The manifest no longer names it; the next recovery removes it.
            tracing::warn!(path = %dir.display(), %error, "could not remove a document's files");
        }
        Ok(removed)
    }

    /// Finishes what a crash interrupted: discards half-written adds, removes stored files
    /// the manifest does not name and drops entries whose files are gone.
    pub fn recover(&self, _lock: &LibraryLock) -> Result<Recovery, LibraryError> {
        let mut recovery = Recovery::default();
        let staging = self.root.join(STAGING);
        if let Ok(found) = std::fs::read_dir(&staging) {
            for entry in found.flatten() {
                std::fs::remove_dir_all(entry.path()).map_err(io_error(&entry.path()))?;
                recovery.discarded_staging += 1;
            }
        }
        let mut entries = self.entries()?;
        let before = entries.len();
        entries.retain(|e| {
            let complete =
                self.original_path(&e.id).is_file() && self.doc_dir(&e.id).join(TEXT).is_file();
            if !complete {
                recovery.dropped_entries.push(e.id.clone());
            }
            complete
        });
        if entries.len() != before {
            self.write_manifest(&entries)?;
        }
        let named: HashSet<&str> = entries.iter().map(|e| e.id.as_str()).collect();
        if let Ok(found) = std::fs::read_dir(self.root.join(DOCS)) {
            for entry in found.flatten() {
                let name = entry.file_name().to_string_lossy().to_string();
                if !named.contains(name.as_str()) {
                    std::fs::remove_dir_all(entry.path()).map_err(io_error(&entry.path()))?;
                    recovery.removed_orphans += 1;
                }
            }
        }
        Ok(recovery)
    }

    fn write_manifest(&self, entries: &[LibraryEntry]) -> Result<(), LibraryError> {
        let path = self.manifest_path();
        let manifest = Manifest {
            documents: entries.to_vec(),
        };
        let json = serde_json::to_vec_pretty(&manifest).map_err(|e| LibraryError::Corrupt {
            path: path.clone(),
            message: e.to_string(),
        })?;
        let temporary = self
            .root
            .join(format!(".{MANIFEST}.tmp-{}", std::process::id()));
        write_synced(&temporary, &json)?;
        std::fs::rename(&temporary, &path).map_err(io_error(&path))?;
        sync_dir(&self.root)
    }

    /// A hash of the manifest's entries, which changes whenever a document is added or
    /// removed (part of the build fingerprint).
    pub fn content_hash(entries: &[LibraryEntry]) -> String {
        let mut hasher = Sha256::new();
        for entry in entries {
            hasher.update(serde_json::to_vec(entry).unwrap_or_default());
            hasher.update([0u8]);
        }
        hex::encode(hasher.finalize())
    }
}

/// SHA-256 of bytes, hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

fn write_synced(path: &Path, bytes: &[u8]) -> Result<(), LibraryError> {
    let mut file = File::create(path).map_err(io_error(path))?;
    file.write_all(bytes).map_err(io_error(path))?;
    file.sync_all().map_err(io_error(path))
}

fn sync_dir(dir: &Path) -> Result<(), LibraryError> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(io_error(dir))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn new_document(name: &str, text: &str) -> NewDocument {
        NewDocument {
            entry: LibraryEntry {
                id: name.into(),
                file: name.into(),
                title: "t".into(),
                publisher: String::new(),
                date: String::new(),
                kind: DocKind::Other,
                format: Format::Text,
                content_type: "text/plain".into(),
                sha256: sha256_hex(text.as_bytes()),
                pages: None,
                added_at: String::new(),
            },
            original: text.as_bytes().to_vec(),
            lines: text.lines().map(str::to_string).collect(),
            line_pages: None,
        }
    }

    #[test]
    fn add_remove_and_recover() {
        let dir = tempfile::tempdir().expect("dir");
        let library = Library::new(dir.path().join("library"));
        let lock = library.lock().expect("lock");
        let taken: HashSet<String> = ["seed.txt".to_string()].into();
        let a = library
            .add(
                &lock,
                new_document("../seed.txt", "一行目\n二行目"),
                &taken,
                "now".into(),
            )
            .expect("add");
        assert_eq!(a.id, "seed-2.txt");
        let b = library
            .add(
                &lock,
                new_document("seed.txt", "別の文書"),
                &taken,
                "now".into(),
            )
            .expect("add");
        assert_eq!(b.id, "seed-3.txt");
        assert_eq!(
            library.text(&a.id).expect("text").lines,
            ["一行目", "二行目"]
        );
        library.remove(&lock, &a.id).expect("remove");
        assert_eq!(library.entries().expect("entries"), vec![b.clone()]);
        // What a crash can leave: a staging directory and an unnamed stored document.
        std::fs::create_dir_all(library.root().join(STAGING).join("x")).expect("staging");
        std::fs::create_dir_all(library.root().join(DOCS).join("orphan")).expect("orphan");
        let recovery = library.recover(&lock).expect("recover");
        assert_eq!(recovery.discarded_staging, 1);
        assert_eq!(recovery.removed_orphans, 1);
        assert_eq!(library.entries().expect("entries"), vec![b]);
    }

    #[test]
    fn a_second_lock_waits() {
        let dir = tempfile::tempdir().expect("dir");
        let library = Library::new(dir.path());
        let held = library.lock().expect("lock");
        assert!(library.try_lock().expect("try").is_none());
        drop(held);
        assert!(library.try_lock().expect("try").is_some());
    }
}
