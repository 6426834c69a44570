//! The seed corpus: the manifest, the documents' lines, and the content hash that decides
//! when the index must be rebuilt.

mod lines;
mod stamp;

pub use lines::Lines;
pub use stamp::SeedsStamp;

use crate::library::{Library, LibraryEntry};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Errors while reading the corpus.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    /// A file could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The library could not be read.
    #[error(transparent)]
    Library(#[from] crate::library::LibraryError),
    /// The manifest is not valid.
    #[error("invalid manifest {path}: {message}")]
    Manifest {
        /// The manifest file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
}

/// The kind of document, which selects the parser that reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DocKind {
    /// 予算の概要: a ministry's budget overview with summary tables and detailed items.
    BudgetOverview,
    /// 重点施策 / 概算要求 slides with 【予算】 blocks.
    BudgetRequest,
    /// 政策評価書: an evaluation report of numbered policies.
    PolicyEvaluation,
    /// Excerpts from government strategies, grouped by strategic area.
    StrategyExcerpts,
    /// A plan's progress report (取組の内容 / 対応状況 tables).
    PlanStatus,
    /// Any other document: read by the generic extractor.
    Other,
}

impl DocKind {
    /// The snake_case name used in the manifest and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            DocKind::BudgetOverview => "budget_overview",
            DocKind::BudgetRequest => "budget_request",
            DocKind::PolicyEvaluation => "policy_evaluation",
            DocKind::StrategyExcerpts => "strategy_excerpts",
            DocKind::PlanStatus => "plan_status",
            DocKind::Other => "other",
        }
    }
}

/// One manifest entry.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct DocumentInfo {
    /// File name inside the seeds directory; citations name it.
    pub file: String,
    /// Document title.
    pub title: String,
    /// Publishing body.
    pub publisher: String,
    /// Publication date (`YYYY-MM` or `YYYY-MM-DD`).
    pub date: String,
    /// Kind of document.
    pub kind: DocKind,
}

impl DocumentInfo {
    /// The year the document was published, from the start of its date (`2023-09` → 2023).
    pub fn year(&self) -> Option<u16> {
        self.date.get(..4)?.parse().ok()
    }
}

#[derive(Debug, Deserialize)]
struct Manifest {
    document: Vec<DocumentInfo>,
}

/// A seed document with its lines as written.
#[derive(Debug, Clone)]
pub struct SeedDoc {
    /// Manifest entry.
    pub info: DocumentInfo,
    /// Lines of the file, without line terminators; line N is `lines[N - 1]`.
    pub lines: Lines,
}

impl SeedDoc {
    /// Builds a document from text (used for tests and for documents given in memory).
    pub fn from_text(info: DocumentInfo, text: &str) -> SeedDoc {
        SeedDoc {
            info,
            lines: Lines::from_text(text),
        }
    }

    /// The file name citations use.
    pub fn file(&self) -> &str {
        &self.info.file
    }

    /// Line `number` (1-based), or "" when out of range.
    pub fn line(&self, number: u32) -> &str {
        number
            .checked_sub(1)
            .and_then(|i| self.lines.get(i as usize))
            .unwrap_or("")
    }

    /// Lines `first..=last` (1-based) joined by newlines, as a citation of them reads.
    pub fn cited_lines(&self, first: u32, last: u32) -> String {
        let span = first.checked_sub(1).zip(last.checked_sub(1));
        if let Some(text) = span.and_then(|(a, b)| self.lines.joined(a as usize, b as usize)) {
            return text.to_string();
        }
        (first..=last)
            .map(|n| self.line(n))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// The whole corpus.
#[derive(Debug, Clone)]
pub struct Corpus {
    /// Documents in manifest order: the seeds, then the library's in the order added.
    pub docs: Vec<SeedDoc>,
    /// SHA-256 over the manifest and every seed file (and the library's manifest), hex.
    pub content_hash: String,
    /// The library's documents by id: their manifest entries and the pages of their lines.
    pub library: BTreeMap<String, LibraryDoc>,
    /// The seeds as read (their hash without the library's).
    pub seeds: SeedsStamp,
}

/// A corpus read again for a change of the library, with the documents taken as they were.
#[derive(Debug)]
pub struct Grown {
    /// The corpus.
    pub corpus: Corpus,
    /// The documents taken from the corpus before (the others were read).
    pub kept: HashSet<String>,
}

/// What the corpus knows about a document added to the library.
#[derive(Debug, Clone)]
pub struct LibraryDoc {
    /// The library manifest entry.
    pub entry: LibraryEntry,
    /// The page of every line (PDFs).
    pub line_pages: Option<Vec<u32>>,
}

impl LibraryDoc {
    /// The corpus manifest entry of this document (its `file` is the id citations use).
    pub fn info(&self) -> DocumentInfo {
        DocumentInfo {
            file: self.entry.id.clone(),
            title: self.entry.title.clone(),
            publisher: self.entry.publisher.clone(),
            date: self.entry.date.clone(),
            kind: self.entry.kind,
        }
    }
}

impl Corpus {
    /// Reads `manifest.toml` and every file it lists from `dir`.
    pub fn load(dir: &Path) -> Result<Corpus, CorpusError> {
        let manifest_path = dir.join("manifest.toml");
        let mut seeds = SeedsStamp::of_dir(dir);
        seeds.note(&manifest_path);
        let manifest_text = read(&manifest_path)?;
        let manifest: Manifest =
            toml::from_str(&manifest_text).map_err(|e| CorpusError::Manifest {
                path: manifest_path.clone(),
                message: e.to_string(),
            })?;
        let mut hasher = Sha256::new();
        hasher.update(manifest_text.as_bytes());
        let mut docs = Vec::new();
        for info in manifest.document {
            if info.file.contains(['/', '\\']) || info.file.starts_with('.') {
                return Err(CorpusError::Manifest {
                    path: manifest_path,
                    message: format!("file name {:?} must be a plain name", info.file),
                });
            }
            let path = dir.join(&info.file);
            seeds.note(&path);
            let text = read(&path)?;
            hasher.update(info.file.as_bytes());
            hasher.update(text.as_bytes());
            docs.push(SeedDoc::from_text(info, &text));
        }
        seeds.hash = hex::encode(hasher.finalize());
        Ok(Corpus {
            docs,
            content_hash: seeds.hash.clone(),
            library: BTreeMap::new(),
            seeds,
        })
    }

    /// Reads the seeds and then every document of `library`.
    pub fn load_with_library(dir: &Path, library: &Library) -> Result<Corpus, CorpusError> {
        let seeds = Corpus::load(dir)?;
        Ok(seeds.with_library(library, None)?.corpus)
    }

    /// The corpus of the seeds in `dir` and of `library` as they now are, taking from
    /// `before` the seeds when none of their files changed and the library documents whose
    /// entries did not change; only the others are read.
    pub fn grown(before: &Corpus, dir: &Path, library: &Library) -> Result<Grown, CorpusError> {
        if !before.seeds.unchanged(dir) {
            return Corpus::load(dir)?.with_library(library, None);
        }
        let seeds = Corpus {
            docs: before
                .docs
                .iter()
                .filter(|d| !before.library.contains_key(d.file()))
                .cloned()
                .collect(),
            content_hash: before.seeds.hash.clone(),
            library: BTreeMap::new(),
            seeds: before.seeds.clone(),
        };
        let kept_seeds: Vec<String> = seeds.docs.iter().map(|d| d.file().to_string()).collect();
        let mut grown = seeds.with_library(library, Some(before))?;
        grown.kept.extend(kept_seeds);
        Ok(grown)
    }

    /// This corpus of seeds followed by the documents of `library`, taken from `before` when
    /// their entries there are the same.
    fn with_library(
        mut self,
        library: &Library,
        before: Option<&Corpus>,
    ) -> Result<Grown, CorpusError> {
        let entries = library.entries()?;
        let mut hasher = Sha256::new();
        hasher.update(self.seeds.hash.as_bytes());
        hasher.update(Library::content_hash(&entries).as_bytes());
        self.content_hash = hex::encode(hasher.finalize());
        let known: HashMap<&str, (&LibraryDoc, &SeedDoc)> = before
            .map(|before| {
                before
                    .docs
                    .iter()
                    .filter_map(|d| Some((d.file(), (before.library.get(d.file())?, d))))
                    .collect()
            })
            .unwrap_or_default();
        let mut kept = HashSet::new();
        for entry in entries {
            let (doc, lines) = match known.get(entry.id.as_str()) {
                Some((doc, seed)) if doc.entry == entry => {
                    kept.insert(entry.id.clone());
                    ((*doc).clone(), seed.lines.clone())
                }
                _ => {
                    let text = library.text(&entry.id)?;
                    let doc = LibraryDoc {
                        entry,
                        line_pages: text.line_pages,
                    };
                    (doc, Lines::from(text.lines))
                }
            };
            self.docs.push(SeedDoc {
                info: doc.info(),
                lines,
            });
            self.library.insert(doc.entry.id.clone(), doc);
        }
        Ok(Grown { corpus: self, kept })
    }

    /// The page of line `line` of document `doc`, for PDFs.
    pub fn page_of(&self, doc: &str, line: u32) -> Option<u32> {
        let pages = self.library.get(doc)?.line_pages.as_ref()?;
        pages.get(line.checked_sub(1)? as usize).copied()
    }

    /// The document with this file name.
    pub fn doc(&self, file: &str) -> Option<&SeedDoc> {
        self.docs.iter().find(|d| d.info.file == file)
    }
}

fn read(path: &Path) -> Result<String, CorpusError> {
    std::fs::read_to_string(path).map_err(|source| CorpusError::Read {
        path: path.to_path_buf(),
        source,
    })
}
