//! Exports for running beyond one machine: an OpenSearch index template and `_bulk` files of
//! the passages ([`opensearch`]), and `neo4j-admin database import` CSV files of the graph
//! ([`neo4j`]). Both are written file by file, record by record.

pub mod neo4j;
pub mod opensearch;

use std::path::{Path, PathBuf};

/// Errors while exporting.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// A file could not be written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A CSV record could not be written.
    #[error("{path}: {source}")]
    Csv {
        /// The file.
        path: PathBuf,
        /// The CSV error.
        source: csv::Error,
    },
    /// The index could not be read.
    #[error("reading the index: {0}")]
    Index(#[from] tantivy::TantivyError),
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> ExportError + '_ {
    move |source| ExportError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Creates `dir` (and its parents).
fn create_dir(dir: &Path) -> Result<(), ExportError> {
    std::fs::create_dir_all(dir).map_err(io(dir))
}
