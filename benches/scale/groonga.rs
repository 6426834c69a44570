//! Groonga (Debian's `groonga-bin`) over the same passages: a bigram index with
//! `NormalizerAuto`, loaded from a JSON file, then served over HTTP on loopback.

use super::process::{self, Finished, Guard};
use seisaku::corpus::{DocumentInfo, SeedDoc};
use std::io::Write;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Whether the `groonga` command is installed.
pub fn available() -> bool {
    Command::new("groonga")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

#[derive(serde::Deserialize)]
struct Manifest {
    document: Vec<DocumentInfo>,
}

/// Writes the `load` command of every passage of the corpus in `seeds` (document by
/// document) and returns the number of passages.
pub fn write_load_file(seeds: &Path, out: &Path) -> usize {
    let manifest: Manifest = toml::from_str(
        &std::fs::read_to_string(seeds.join("manifest.toml")).expect("generated manifest"),
    )
    .expect("manifest parses");
    let file = std::fs::File::create(out).expect("create the Groonga load file");
    let mut writer = std::io::BufWriter::new(file);
    writeln!(writer, "load --table Passages\n[").expect("write");
    let mut count = 0;
    for info in manifest.document {
        let text = std::fs::read_to_string(seeds.join(&info.file)).expect("generated document");
        let doc = SeedDoc::from_text(info, &text);
        for passage in seisaku::passages::passages(&doc) {
            let record = serde_json::json!({"id": passage.id, "text": passage.text});
            if count > 0 {
                writeln!(writer, ",").expect("write");
            }
            write!(writer, "{record}").expect("write");
            count += 1;
        }
    }
    writeln!(writer, "\n]").expect("write");
    writer.flush().expect("flush");
    count
}

/// A Groonga database over the passages.
pub struct Database {
    path: PathBuf,
}

/// Creates the table, loads `load_file` and builds the bigram index; returns the database
/// and what loading and indexing cost (schema creation not counted).
pub fn load(dir: &Path, load_file: &Path) -> (Database, Finished) {
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).expect("Groonga directory");
    let path = dir.join("db");
    let schema = "table_create Passages TABLE_NO_KEY\n\
                  column_create Passages id COLUMN_SCALAR ShortText\n\
                  column_create Passages text COLUMN_SCALAR LongText\n\
                  table_create Terms TABLE_PAT_KEY ShortText \
                  --default_tokenizer TokenBigram --normalizer NormalizerAuto\n";
    run_commands(&path, true, schema.as_bytes());
    let index = "column_create Terms passages_text COLUMN_INDEX|WITH_POSITION Passages text\n";
    let commands = dir.join("load.grn");
    {
        let mut file = std::fs::File::create(&commands).expect("create the command file");
        std::io::copy(
            &mut std::fs::File::open(load_file).expect("open the load file"),
            &mut file,
        )
        .expect("copy the load file");
        file.write_all(index.as_bytes()).expect("write");
    }
    let finished = process::run(
        Command::new("groonga")
            .arg(&path)
            .stdin(std::fs::File::open(&commands).expect("open the command file"))
            .stdout(Stdio::null())
            .stderr(Stdio::null()),
    );
    (Database { path }, finished)
}

fn run_commands(db: &Path, create: bool, commands: &[u8]) {
    let mut command = Command::new("groonga");
    if create {
        command.arg("-n");
    }
    let mut child = command
        .arg(db)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("run groonga");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(commands)
        .expect("send commands");
    assert!(child.wait().expect("groonga exits").success());
}

impl Database {
    /// Serves the database over HTTP on a loopback port.
    pub fn serve(&self) -> (Guard, SocketAddr) {
        let addr = process::free_port();
        let child = Command::new("groonga")
            .args(["-s", "--protocol", "http", "--bind-address", "127.0.0.1"])
            .args(["--port", &addr.port().to_string()])
            .arg(&self.path)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start the Groonga server");
        (Guard(child), addr)
    }
}

/// A user query as Groonga query syntax: the morphological words of the query, each
/// quoted, joined by OR (the bigram index needs the words split as MeCab would).
pub fn query_text(words: &[String]) -> String {
    words
        .iter()
        .map(|w| format!("\"{}\"", w.replace('\\', "\\\\").replace('"', "\\\"")))
        .collect::<Vec<_>>()
        .join(" OR ")
}

/// The URL of a top-10 select by relevance.
pub fn select_url(addr: SocketAddr) -> String {
    format!("http://{addr}/d/select")
}

/// Query parameters of a top-10 select.
pub fn select_params(query: &str, cache: bool) -> Vec<(&'static str, String)> {
    let mut params = vec![
        ("table", "Passages".into()),
        ("match_columns", "text".into()),
        ("query", query.into()),
        ("limit", "10".into()),
        ("output_columns", "id,_score".into()),
        ("sort_keys", "-_score,_id".into()),
    ];
    if !cache {
        // Groonga keeps the results of its last selects (100 by default) unless told not to.
        params.push(("cache", "no".into()));
    }
    params
}
