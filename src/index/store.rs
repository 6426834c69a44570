//! The on-disk layout of generated data and the atomic switch between builds.
//!
//! ```text
//! index/
//!   dictionary/ipadic/      compiled IPADIC (built once; the location is configurable)
//!   builds/<hash>-<millis>/ one complete build: tantivy/, graph.json, meta.json
//!   CURRENT                 name of the build being served
//! ```
//! A build is written into its own directory and only then named in `CURRENT` (written to a
//! temporary file and renamed over it), so a crash mid-build leaves the previous build serving.

use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Name of the pointer file.
const CURRENT: &str = "CURRENT";
/// Builds kept besides the current one.
const KEPT_PREVIOUS_BUILDS: usize = 1;

/// Facts about one build, written last into its directory.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct BuildMeta {
    /// Corpus content hash the build was made from.
    pub content_hash: String,
    /// When it was built (RFC 3339, UTC).
    pub built_at: String,
    /// Passages indexed.
    pub passages: usize,
    /// Graph nodes indexed.
    pub nodes: usize,
    /// Build duration in milliseconds.
    pub build_ms: u64,
}

/// Errors of the on-disk store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// File system trouble.
    #[error("index store {path}: {source}")]
    Io {
        /// The path involved.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A metadata file is unreadable.
    #[error("index store {path}: {message}")]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
}

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// The generated-data root (`index/`).
#[derive(Debug, Clone)]
pub struct Store {
    root: PathBuf,
}

impl Store {
    /// A store rooted at `root` (created on demand).
    pub fn new(root: impl Into<PathBuf>) -> Store {
        Store { root: root.into() }
    }

    /// The root directory.
    pub fn root(&self) -> &Path {
        &self.root
    }

    fn builds_dir(&self) -> PathBuf {
        self.root.join("builds")
    }

    /// A fresh directory for a new build.
    pub fn new_build_dir(&self, content_hash: &str) -> Result<PathBuf, StoreError> {
        let millis = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis())
            .unwrap_or_default();
        let short_hash: String = content_hash.chars().take(12).collect();
        let dir = self
            .builds_dir()
            .join(format!("{short_hash}-{millis}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).map_err(io_error(&dir))?;
        Ok(dir)
    }

    /// The build currently served, with its metadata, if there is a complete one.
    pub fn current(&self) -> Result<Option<(PathBuf, BuildMeta)>, StoreError> {
        let pointer = self.root.join(CURRENT);
        let name = match std::fs::read_to_string(&pointer) {
            Ok(name) => name.trim().to_string(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(source) => {
                return Err(StoreError::Io {
                    path: pointer,
                    source,
                });
            }
        };
        if name.is_empty() || name.contains(['/', '\\']) || name.starts_with('.') {
            return Ok(None);
        }
        let dir = self.builds_dir().join(name);
        match read_meta(&dir) {
            Ok(meta) => Ok(Some((dir, meta))),
            Err(error) => {
                tracing::warn!(%error, "current build is unreadable; it will be rebuilt");
                Ok(None)
            }
        }
    }

    /// Marks a finished build complete and makes it current, atomically.
    pub fn publish(&self, build_dir: &Path, meta: &BuildMeta) -> Result<(), StoreError> {
        let meta_path = build_dir.join("meta.json");
        let json = serde_json::to_vec_pretty(meta).map_err(|e| StoreError::Corrupt {
            path: meta_path.clone(),
            message: e.to_string(),
        })?;
        write_atomically(&meta_path, &json)?;
        let name = build_dir
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        write_atomically(&self.root.join(CURRENT), name.as_bytes())?;
        self.remove_old_builds(&name);
        Ok(())
    }

    /// Deletes builds other than the current one and the newest previous ones; a failure to
    /// delete is only logged.
    fn remove_old_builds(&self, current: &str) {
        let Ok(entries) = std::fs::read_dir(self.builds_dir()) else {
            return;
        };
        let mut others: Vec<(std::time::SystemTime, PathBuf)> = entries
            .flatten()
            .filter(|e| e.file_name().to_string_lossy() != current)
            .map(|e| {
                let modified = e
                    .metadata()
                    .and_then(|m| m.modified())
                    .unwrap_or(std::time::UNIX_EPOCH);
                (modified, e.path())
            })
            .collect();
        others.sort();
        let excess = others.len().saturating_sub(KEPT_PREVIOUS_BUILDS);
        for (_, path) in others.into_iter().take(excess) {
            if let Err(error) = std::fs::remove_dir_all(&path) {
                tracing::warn!(path = %path.display(), %error, "could not remove old build");
            }
        }
    }
}

fn read_meta(dir: &Path) -> Result<BuildMeta, StoreError> {
    let path = dir.join("meta.json");
    let bytes = std::fs::read(&path).map_err(io_error(&path))?;
    serde_json::from_slice(&bytes).map_err(|e| StoreError::Corrupt {
        path,
        message: e.to_string(),
    })
}

/// Writes a file through a temporary sibling and a rename.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    write_streamed_atomically(path, |writer| writer.write_all(bytes))
}

/// Writes a file by streaming `write` into a temporary sibling, then renaming it: the file is
/// never seen half written. When `write` fails the sibling is removed and the file left as
/// it was.
pub fn write_streamed_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), StoreError> {
    let parent = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).map_err(io_error(parent))?;
    let temporary = parent.join(format!(
        ".{}.tmp-{}",
        path.file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default(),
        std::process::id()
    ));
    let file = std::fs::File::create(&temporary).map_err(io_error(&temporary))?;
    let mut writer = std::io::BufWriter::new(file);
    let written = write(&mut writer).and_then(|()| writer.flush());
    drop(writer);
    if let Err(error) = written {
        let _ = std::fs::remove_file(&temporary);
        return Err(io_error(&temporary)(error));
    }
    std::fs::rename(&temporary, path).map_err(io_error(path))
}
