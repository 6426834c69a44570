//! Locating the IPADIC source and compiling it once into a lindera dictionary.
//!
//! The source is Debian's `mecab-ipadic` (CSV + .def files in EUC-JP). It is compiled with
//! lindera's own builder into a cache directory; the build goes to a temporary directory
//! that is renamed into place, so concurrent or interrupted builds never leave a half
//! dictionary behind.

use lindera_dictionary::builder::DictionaryBuilder;
use lindera_dictionary::dictionary::metadata::Metadata;
use std::path::{Path, PathBuf};

/// Environment variable naming the IPADIC source directory.
pub const SOURCE_ENV: &str = "SEISAKU_IPADIC_DIR";

/// Where Debian's `mecab-ipadic` package installs the source.
const DEBIAN_SOURCE: &str = "/usr/share/mecab/dic/ipadic";

/// The project-local unpacked copy made by `scripts/setup.sh` without root.
const LOCAL_SOURCE: &str = ".cache/mecab-ipadic/usr/share/mecab/dic/ipadic";

/// Marker written last into a complete dictionary directory.
const COMPLETE_MARKER: &str = ".complete";

/// IPADIC's build metadata (as in the lindera-ipadic crate), reading EUC-JP directly.
const IPADIC_METADATA: &str = r#"{
  "name": "ipadic",
  "encoding": "EUC-JP",
  "default_word_cost": -10000,
  "default_left_context_id": 0,
  "default_right_context_id": 0,
  "default_field_value": "*",
  "flexible_csv": true,
  "skip_invalid_cost_or_id": false,
  "normalize_details": false,
  "dictionary_schema": { "fields": ["surface", "left_context_id", "right_context_id", "cost",
    "part_of_speech", "part_of_speech_subcategory_1", "part_of_speech_subcategory_2",
    "part_of_speech_subcategory_3", "conjugation_type", "conjugation_form", "base_form",
    "reading", "pronunciation"] },
  "user_dictionary_schema": { "fields": ["surface", "part_of_speech", "reading"] }
}"#;

/// Errors while preparing the dictionary.
#[derive(Debug, thiserror::Error)]
pub enum DictionaryError {
    /// No IPADIC source could be found.
    #[error(
        "IPADIC source not found (looked in {looked_in}); install it with \
         `apt-get install mecab-ipadic` or run `scripts/setup.sh`, or set {SOURCE_ENV} \
         to a directory holding IPADIC's .csv and .def files"
    )]
    SourceMissing {
        /// The places searched.
        looked_in: String,
    },
    /// Building or loading failed.
    #[error("dictionary {action} failed: {message}")]
    Lindera {
        /// What was being done.
        action: &'static str,
        /// lindera's message.
        message: String,
    },
    /// File system trouble.
    #[error("dictionary cache {path}: {source}")]
    Io {
        /// The path involved.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
}

/// IPADIC's build metadata.
pub fn ipadic_metadata() -> Result<Metadata, DictionaryError> {
    serde_json::from_str(IPADIC_METADATA).map_err(|e| DictionaryError::Lindera {
        action: "metadata",
        message: e.to_string(),
    })
}

/// Finds the IPADIC source: `$SEISAKU_IPADIC_DIR`, Debian's path, then the project-local copy.
pub fn find_source(project_root: &Path) -> Result<PathBuf, DictionaryError> {
    let mut candidates: Vec<PathBuf> = Vec::new();
    if let Some(dir) = std::env::var_os(SOURCE_ENV) {
        candidates.push(PathBuf::from(dir));
    }
    candidates.push(PathBuf::from(DEBIAN_SOURCE));
    candidates.push(project_root.join(LOCAL_SOURCE));
    candidates
        .iter()
        .find(|dir| dir.join("matrix.def").is_file())
        .cloned()
        .ok_or_else(|| DictionaryError::SourceMissing {
            looked_in: candidates
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
        })
}

/// Returns the compiled dictionary directory under `cache_dir`, compiling it first if needed.
pub fn ensure_compiled(cache_dir: &Path, project_root: &Path) -> Result<PathBuf, DictionaryError> {
    let target = cache_dir.join("ipadic");
    if target.join(COMPLETE_MARKER).is_file() {
        return Ok(target);
    }
    let source = find_source(project_root)?;
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| DictionaryError::Io { path, source }
    };
    std::fs::create_dir_all(cache_dir).map_err(io(cache_dir))?;
    let staging = cache_dir.join(format!("ipadic.building-{}", std::process::id()));
    if staging.exists() {
        std::fs::remove_dir_all(&staging).map_err(io(&staging))?;
    }
    tracing::info!(source = %source.display(), "compiling IPADIC");
    DictionaryBuilder::new(ipadic_metadata()?)
        .build_dictionary(&source, &staging)
        .map_err(|e| DictionaryError::Lindera {
            action: "build",
            message: e.to_string(),
        })?;
    copy_licence(&source, &staging);
    std::fs::write(staging.join(COMPLETE_MARKER), b"ok").map_err(io(&staging))?;
    if std::fs::rename(&staging, &target).is_err() {
        // Another process finished first: keep its copy.
        let _ = std::fs::remove_dir_all(&staging);
        if !target.join(COMPLETE_MARKER).is_file() {
            return Err(DictionaryError::Io {
                path: target,
                source: std::io::Error::other("could not move the compiled dictionary into place"),
            });
        }
    }
    Ok(target)
}

/// Keeps IPADIC's licence notice beside the compiled dictionary, when the source carries it.
fn copy_licence(source: &Path, staging: &Path) {
    for name in ["COPYING", "copyright"] {
        let from = source.join(name);
        if from.is_file() {
            let _ = std::fs::copy(&from, staging.join(name));
        }
    }
    let debian = Path::new("/usr/share/doc/mecab-ipadic/copyright");
    if debian.is_file() {
        let _ = std::fs::copy(debian, staging.join("copyright"));
    }
}
