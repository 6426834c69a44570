//! What the seeds were read from: their content hash, and each file's size and modification
//! time when read, so that the next build can tell without reading them again whether the
//! seeds it would read are the ones it has.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The seeds as read: their directory, content hash and every file's state.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SeedsStamp {
    /// SHA-256 over the manifest and every seed file, hex.
    pub hash: String,
    dir: PathBuf,
    files: Vec<(PathBuf, FileState)>,
}

/// A file's size and modification time.
type FileState = (u64, Option<SystemTime>);

fn state(path: &Path) -> Option<FileState> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.len(), meta.modified().ok()))
}

impl SeedsStamp {
    /// An empty stamp of the seeds in `dir`, which files are then noted in.
    pub(super) fn of_dir(dir: &Path) -> SeedsStamp {
        SeedsStamp {
            dir: dir.to_path_buf(),
            ..SeedsStamp::default()
        }
    }

    /// Notes the state of `path` before it is read (a file changed while it is read then
    /// differs from its stamp, so it is read again next time).
    pub(super) fn note(&mut self, path: &Path) {
        if let Some(noted) = state(path) {
            self.files.push((path.to_path_buf(), noted));
        }
    }

    /// Whether the seeds of `dir` are still those stamped: same directory, and every file
    /// read is there with the same size and modification time.
    pub fn unchanged(&self, dir: &Path) -> bool {
        self.dir == dir
            && !self.files.is_empty()
            && self
                .files
                .iter()
                .all(|(path, noted)| state(path).as_ref() == Some(noted))
    }
}

#[cfg(test)]
mod tests {
    use crate::corpus::Corpus;

    #[test]
    fn a_seed_file_changed_or_another_directory_is_not_unchanged() {
        let dir = tempfile::tempdir().expect("temp dir");
        let manifest = "[[document]]\nfile = \"a.txt\"\ntitle = \"t\"\npublisher = \"p\"\n\
                        date = \"2025\"\nkind = \"other\"\n";
        std::fs::write(dir.path().join("manifest.toml"), manifest).expect("manifest");
        std::fs::write(dir.path().join("a.txt"), "一行目\n").expect("seed");
        let corpus = Corpus::load(dir.path()).expect("corpus");
        assert!(corpus.seeds.unchanged(dir.path()));
        let other = tempfile::tempdir().expect("temp dir");
        assert!(!corpus.seeds.unchanged(other.path()));
        std::fs::write(dir.path().join("a.txt"), "一行目\n二行目\n").expect("seed");
        assert!(!corpus.seeds.unchanged(dir.path()));
    }
}
