//! The question log: every `/search` and `/ask` as one JSON line, so that staff can see what
//! people ask and what the corpus cannot answer yet.
//!
//! Requests hand a [`QuestionRecord`] to [`QuestionLog::record`], which stamps it and offers it
//! to a background writer thread through a bounded channel without waiting: when the channel
//! is full the entry is dropped and counted. The writer appends to `<dir>/questions.jsonl` and
//! rotates it to `questions.jsonl.1` … `.N` when it would grow past a size limit. Write errors
//! (a full disk, a missing permission) are counted and reported once as a warning; the writer
//! keeps going and requests never see them. Client addresses are kept only when the log is
//! configured to keep them.
//!
//! [`QuestionLog::stats`] reads the current and rotated files back into [`QuestionStats`].

mod stats;

pub use stats::{QuestionCount, QuestionStats, UnansweredQuestion, parse_since, question_key};

use serde::{Deserialize, Serialize};
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, TrySendError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

/// Name of the current log file inside the log directory.
pub const LOG_FILE: &str = "questions.jsonl";
/// Default size at which the current file is rotated: 10 MiB.
pub const DEFAULT_MAX_BYTES: u64 = 10 * 1024 * 1024;
/// Default number of rotated files kept.
pub const DEFAULT_KEEP: usize = 5;
/// Default number of entries waiting for the writer before new ones are dropped.
pub const DEFAULT_QUEUE: usize = 1024;
/// Longest question stored, in characters; longer ones are cut and marked `truncated`.
pub const MAX_QUESTION_CHARS: usize = 1_000;
/// Most cited ids stored per entry.
pub const MAX_CITED: usize = 100;
/// Most expansions stored per entry.
pub const MAX_EXPANSIONS: usize = 50;

/// Errors of the question log. Writing never produces one: write errors are counted.
#[derive(Debug, thiserror::Error)]
pub enum QuestionLogError {
    /// The writer thread could not be started.
    #[error("cannot start the question log writer: {0}")]
    Spawn(#[source] io::Error),
    /// A `since` value that is neither an RFC 3339 time nor a date.
    #[error(
        "bad since {0:?}: expected an RFC 3339 time such as 2026-11-01T09:00:00+09:00 or a date such as 2026-11-01 (UTC midnight)"
    )]
    BadSince(String),
}

/// Which endpoint a question came through.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Endpoint {
    /// `GET`/`POST /search`.
    #[default]
    Search,
    /// `GET`/`POST /ask`.
    Ask,
    /// Written by a newer version; read back but not produced.
    #[serde(other)]
    Other,
}

impl Endpoint {
    /// The name written to the log.
    pub fn as_str(self) -> &'static str {
        match self {
            Endpoint::Search => "search",
            Endpoint::Ask => "ask",
            Endpoint::Other => "other",
        }
    }
}

/// What a handler reports about one question; [`QuestionLog::record`] stamps the time.
#[derive(Debug, Clone, Default)]
pub struct QuestionRecord {
    /// The endpoint asked.
    pub endpoint: Endpoint,
    /// The question as typed (empty when the request could not be read).
    pub question: String,
    /// What the question was understood to ask for (`/ask` only).
    pub intent: Option<String>,
    /// Canonical names of the vocabulary terms the query was expanded with.
    pub expansions: Vec<String>,
    /// Number of hits found (0 for a failed request).
    pub hits: usize,
    /// Whether the answer was supported by evidence (`/ask` only).
    pub supported: Option<bool>,
    /// Ids of what was returned or cited: passage ids or node ids.
    pub cited: Vec<String>,
    /// Time spent answering.
    pub latency: Duration,
    /// HTTP status answered.
    pub status: u16,
    /// The client's address; stored only when the log is configured to keep addresses.
    pub client: Option<SocketAddr>,
    /// The conversation an `/ask` turn belongs to.
    pub conversation_id: Option<String>,
}

/// One line of the log file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LogEntry {
    /// When the question was answered, RFC 3339 UTC.
    pub time: String,
    /// `search` or `ask`.
    pub endpoint: Endpoint,
    /// The question as typed, at most [`MAX_QUESTION_CHARS`] characters.
    pub question: String,
    /// Present and true when the question was longer than what is stored.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub truncated: bool,
    /// What the question was understood to ask for; null when not known.
    #[serde(default)]
    pub intent: Option<String>,
    /// Canonical names of the expansions applied.
    #[serde(default)]
    pub expansions: Vec<String>,
    /// Number of hits.
    #[serde(default)]
    pub hits: usize,
    /// Whether the answer was supported; null when not applicable.
    #[serde(default)]
    pub supported: Option<bool>,
    /// Passage or node ids returned or cited.
    #[serde(default)]
    pub cited: Vec<String>,
    /// Time spent answering, in milliseconds.
    #[serde(default)]
    pub latency_ms: u64,
    /// HTTP status answered.
    #[serde(default)]
    pub status: u16,
    /// The client's address, only when keeping addresses was switched on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client: Option<String>,
    /// The conversation an `/ask` turn belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conversation_id: Option<String>,
}

/// Where and how the log is written.
#[derive(Debug, Clone)]
pub struct QuestionLogConfig {
    /// Directory of `questions.jsonl` and its rotated files; created when missing.
    pub dir: PathBuf,
    /// Size in bytes past which the current file is rotated.
    pub max_bytes: u64,
    /// Rotated files kept (`questions.jsonl.1` … `.keep`); 0 keeps none.
    pub keep: usize,
    /// Whether client addresses are stored.
    pub client_address: bool,
    /// Entries that may wait for the writer before new ones are dropped.
    pub queue: usize,
}

impl QuestionLogConfig {
    /// Defaults in `dir`: 10 MiB per file, 5 rotated files, no client addresses.
    pub fn in_dir(dir: impl Into<PathBuf>) -> QuestionLogConfig {
        QuestionLogConfig {
            dir: dir.into(),
            max_bytes: DEFAULT_MAX_BYTES,
            keep: DEFAULT_KEEP,
            client_address: false,
            queue: DEFAULT_QUEUE,
        }
    }

    /// The current log file.
    pub fn current_file(&self) -> PathBuf {
        self.dir.join(LOG_FILE)
    }

    /// The `n`th rotated file (1 is the most recent).
    pub fn rotated_file(&self, n: usize) -> PathBuf {
        self.dir.join(format!("{LOG_FILE}.{n}"))
    }

    /// Every file that may hold entries, oldest first.
    pub fn files_oldest_first(&self) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = (1..=self.keep)
            .rev()
            .map(|n| self.rotated_file(n))
            .collect();
        files.push(self.current_file());
        files
    }
}

/// Counters shared by the request side and the writer.
#[derive(Debug, Default)]
struct Counters {
    /// Entries dropped because the writer was behind or gone.
    dropped: AtomicU64,
    /// Failed writes or rotations.
    write_errors: AtomicU64,
    /// Entries written.
    written: AtomicU64,
}

enum Message {
    Entry(Box<LogEntry>),
    Flush(SyncSender<()>),
}

struct Inner {
    config: QuestionLogConfig,
    sender: Mutex<Option<SyncSender<Message>>>,
    counters: Arc<Counters>,
}

/// The question log; cheap to clone. [`QuestionLog::disabled`] records nothing.
#[derive(Clone, Default)]
pub struct QuestionLog {
    inner: Option<Arc<Inner>>,
}

impl std::fmt::Debug for QuestionLog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.inner {
            Some(inner) => f
                .debug_struct("QuestionLog")
                .field("dir", &inner.config.dir)
                .finish(),
            None => f.write_str("QuestionLog(disabled)"),
        }
    }
}

impl QuestionLog {
    /// A log that records nothing and reports empty statistics.
    pub fn disabled() -> QuestionLog {
        QuestionLog { inner: None }
    }

    /// Starts the writer thread for `config`. The directory is created on the first write;
    /// if it cannot be, writes are counted as errors and the server keeps answering.
    pub fn open(config: QuestionLogConfig) -> Result<QuestionLog, QuestionLogError> {
        let (sender, receiver) = std::sync::mpsc::sync_channel(config.queue.max(1));
        let counters = Arc::new(Counters::default());
        let writer = Writer::new(config.clone(), counters.clone());
        std::thread::Builder::new()
            .name("question-log".to_string())
            .spawn(move || writer.run(receiver))
            .map_err(QuestionLogError::Spawn)?;
        Ok(QuestionLog {
            inner: Some(Arc::new(Inner {
                config,
                sender: Mutex::new(Some(sender)),
                counters,
            })),
        })
    }

    /// Whether entries are being recorded.
    pub fn is_enabled(&self) -> bool {
        self.inner.is_some()
    }

    /// The configuration, when enabled.
    pub fn config(&self) -> Option<&QuestionLogConfig> {
        self.inner.as_ref().map(|inner| &inner.config)
    }

    /// Entries dropped so far because the writer was behind.
    pub fn dropped(&self) -> u64 {
        self.inner
            .as_ref()
            .map_or(0, |inner| inner.counters.dropped.load(Ordering::Relaxed))
    }

    /// Failed writes so far.
    pub fn write_errors(&self) -> u64 {
        self.inner.as_ref().map_or(0, |inner| {
            inner.counters.write_errors.load(Ordering::Relaxed)
        })
    }

    /// Entries written so far.
    pub fn written(&self) -> u64 {
        self.inner
            .as_ref()
            .map_or(0, |inner| inner.counters.written.load(Ordering::Relaxed))
    }

    /// Records one question, stamped now. Never waits and never fails: when the writer is
    /// behind, the entry is dropped and counted.
    pub fn record(&self, record: QuestionRecord) {
        let Some(inner) = &self.inner else {
            return;
        };
        let entry = entry_from(record, SystemTime::now(), inner.config.client_address);
        let sent = match inner.sender.lock() {
            Ok(guard) => guard
                .as_ref()
                .map(|sender| sender.try_send(Message::Entry(Box::new(entry)))),
            Err(poisoned) => poisoned
                .into_inner()
                .as_ref()
                .map(|sender| sender.try_send(Message::Entry(Box::new(entry)))),
        };
        match sent {
            Some(Ok(())) => {}
            Some(Err(TrySendError::Full(_) | TrySendError::Disconnected(_))) | None => {
                if inner.counters.dropped.fetch_add(1, Ordering::Relaxed) == 0 {
                    tracing::warn!("question log is behind; entries are being dropped and counted");
                }
            }
        }
    }

    /// Waits up to `timeout` until everything recorded before this call has been written (or
    /// has failed). Returns whether the writer caught up in time. Not for request paths.
    pub fn flush(&self, timeout: Duration) -> bool {
        let Some(inner) = &self.inner else {
            return true;
        };
        let deadline = Instant::now() + timeout;
        let (ack_sender, ack_receiver) = std::sync::mpsc::sync_channel(1);
        let mut message = Message::Flush(ack_sender);
        loop {
            let sender = match inner.sender.lock() {
                Ok(guard) => guard.clone(),
                Err(poisoned) => poisoned.into_inner().clone(),
            };
            let Some(sender) = sender else {
                return false;
            };
            match sender.try_send(message) {
                Ok(()) => break,
                Err(TrySendError::Disconnected(_)) => return false,
                Err(TrySendError::Full(back)) => {
                    if Instant::now() >= deadline {
                        return false;
                    }
                    message = back;
                    std::thread::sleep(Duration::from_millis(2));
                }
            }
        }
        let remaining = deadline.saturating_duration_since(Instant::now());
        ack_receiver.recv_timeout(remaining).is_ok()
    }

    /// Stops accepting entries and waits up to `timeout` for the writer to finish what it has.
    pub fn close(&self, timeout: Duration) -> bool {
        let caught_up = self.flush(timeout);
        if let Some(inner) = &self.inner {
            match inner.sender.lock() {
                Ok(mut guard) => *guard = None,
                Err(poisoned) => *poisoned.into_inner() = None,
            }
        }
        caught_up
    }

    /// Statistics of the entries at or after `since` (all when `None`), read from the current
    /// and rotated files after waiting briefly for pending entries. Reads files: call it off
    /// the async runtime.
    pub fn stats(&self, since: Option<SystemTime>, top: usize) -> QuestionStats {
        let Some(inner) = &self.inner else {
            return QuestionStats::empty(since, false);
        };
        self.flush(Duration::from_secs(2));
        let mut stats = stats::collect(&inner.config.files_oldest_first(), since, top);
        stats.dropped = inner.counters.dropped.load(Ordering::Relaxed);
        stats.write_errors = inner.counters.write_errors.load(Ordering::Relaxed);
        stats
    }
}

/// The line written for `record` at `time`.
fn entry_from(record: QuestionRecord, time: SystemTime, keep_client: bool) -> LogEntry {
    let (question, truncated) = cap_question(&record.question);
    let mut expansions = record.expansions;
    expansions.truncate(MAX_EXPANSIONS);
    let mut cited = record.cited;
    cited.truncate(MAX_CITED);
    LogEntry {
        time: humantime::format_rfc3339_millis(time).to_string(),
        endpoint: record.endpoint,
        question,
        truncated,
        intent: record.intent,
        expansions,
        hits: record.hits,
        supported: record.supported,
        cited,
        latency_ms: u64::try_from(record.latency.as_millis()).unwrap_or(u64::MAX),
        status: record.status,
        client: record
            .client
            .filter(|_| keep_client)
            .map(|addr| addr.ip().to_string()),
        conversation_id: record.conversation_id,
    }
}

/// The question as stored: at most [`MAX_QUESTION_CHARS`] characters, and whether it was cut.
pub fn cap_question(question: &str) -> (String, bool) {
    match question.char_indices().nth(MAX_QUESTION_CHARS) {
        Some((end, _)) => (question[..end].to_string(), true),
        None => (question.to_string(), false),
    }
}

/// The background writer: owns the file, rotates it, counts what fails.
struct Writer {
    config: QuestionLogConfig,
    counters: Arc<Counters>,
    file: Option<File>,
    size: u64,
    failing: bool,
}

impl Writer {
    fn new(config: QuestionLogConfig, counters: Arc<Counters>) -> Writer {
        Writer {
            config,
            counters,
            file: None,
            size: 0,
            failing: false,
        }
    }

    fn run(mut self, receiver: Receiver<Message>) {
        for message in receiver {
            match message {
                Message::Entry(entry) => self.write(&entry),
                Message::Flush(ack) => {
                    let _ = ack.try_send(());
                }
            }
        }
    }

    fn write(&mut self, entry: &LogEntry) {
        let mut line = match serde_json::to_vec(entry) {
            Ok(line) => line,
            Err(error) => {
                self.failed(&io::Error::other(error));
                return;
            }
        };
        line.push(b'\n');
        match self.append(&line) {
            Ok(()) => {
                self.counters.written.fetch_add(1, Ordering::Relaxed);
                if self.failing {
                    self.failing = false;
                    tracing::info!(dir = %self.config.dir.display(), "question log is writing again");
                }
            }
            Err(error) => {
                self.file = None;
                self.failed(&error);
            }
        }
    }

    fn failed(&mut self, error: &io::Error) {
        self.counters.write_errors.fetch_add(1, Ordering::Relaxed);
        if !self.failing {
            self.failing = true;
            tracing::warn!(
                dir = %self.config.dir.display(),
                %error,
                "question log cannot write; entries are lost and counted until it recovers"
            );
        }
    }

    fn append(&mut self, line: &[u8]) -> io::Result<()> {
        if self.file.is_some()
            && self.size > 0
            && self.size + line.len() as u64 > self.config.max_bytes
        {
            self.file = None;
            rotate(&self.config)?;
        }
        if self.file.is_none() {
            let (file, size) = open_current(&self.config)?;
            self.file = Some(file);
            self.size = size;
            if size > 0 && size + line.len() as u64 > self.config.max_bytes {
                self.file = None;
                rotate(&self.config)?;
                let (file, size) = open_current(&self.config)?;
                self.file = Some(file);
                self.size = size;
            }
        }
        let Some(file) = self.file.as_mut() else {
            return Err(io::Error::other("log file not open"));
        };
        file.write_all(line)?;
        self.size += line.len() as u64;
        Ok(())
    }
}

/// Opens the current file for appending, creating the directory, and returns its size. A last
/// line left incomplete by an earlier failure is ended so that the next entry stays readable.
fn open_current(config: &QuestionLogConfig) -> io::Result<(File, u64)> {
    fs::create_dir_all(&config.dir)?;
    let path = config.current_file();
    let mut file = OpenOptions::new()
        .create(true)
        .append(true)
        .read(true)
        .open(&path)?;
    let mut size = file.metadata()?.len();
    if size > 0 && !ends_with_newline(&mut file, size)? {
        file.write_all(b"\n")?;
        size += 1;
    }
    Ok((file, size))
}

fn ends_with_newline(file: &mut File, size: u64) -> io::Result<bool> {
    file.seek(SeekFrom::Start(size - 1))?;
    let mut last = [0u8; 1];
    file.read_exact(&mut last)?;
    Ok(last[0] == b'\n')
}

/// Shifts `questions.jsonl.i` to `.i+1` (dropping the oldest) and the current file to `.1`.
fn rotate(config: &QuestionLogConfig) -> io::Result<()> {
    let current = config.current_file();
    if config.keep == 0 {
        return remove_if_present(&current);
    }
    remove_if_present(&config.rotated_file(config.keep))?;
    for n in (1..config.keep).rev() {
        let from = config.rotated_file(n);
        if from.exists() {
            fs::rename(&from, config.rotated_file(n + 1))?;
        }
    }
    fs::rename(&current, config.rotated_file(1))
}

fn remove_if_present(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Err(error) if error.kind() != io::ErrorKind::NotFound => Err(error),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(dir: &Path, max_bytes: u64, keep: usize) -> QuestionLogConfig {
        QuestionLogConfig {
            max_bytes,
            keep,
            ..QuestionLogConfig::in_dir(dir)
        }
    }

    fn search(question: &str, hits: usize) -> QuestionRecord {
        QuestionRecord {
            endpoint: Endpoint::Search,
            question: question.to_string(),
            hits,
            cited: (0..hits.min(3)).map(|i| format!("p{i}")).collect(),
            latency: Duration::from_millis(3),
            status: 200,
            client: Some(SocketAddr::from(([192, 0, 2, 7], 50000))),
            ..QuestionRecord::default()
        }
    }

    fn lines(path: &Path) -> Vec<LogEntry> {
        fs::read_to_string(path)
            .unwrap_or_default()
            .lines()
            .map(|line| serde_json::from_str(line).expect("valid line"))
            .collect()
    }

    #[test]
    fn writes_json_lines_without_client_addresses_by_default() {
        let dir = tempfile::tempdir().expect("temp dir");
        let log = QuestionLog::open(QuestionLogConfig::in_dir(dir.path().join("logs")))
            .expect("log opens");
        log.record(search("量子暗号通信", 12));
        log.record(QuestionRecord {
            endpoint: Endpoint::Ask,
            question: "Beyond 5Gの予算はいくら?".to_string(),
            intent: Some("budget".to_string()),
            expansions: vec!["Beyond 5G".to_string()],
            supported: Some(true),
            hits: 4,
            status: 200,
            ..QuestionRecord::default()
        });
        assert!(log.flush(Duration::from_secs(5)));
        let text = fs::read_to_string(dir.path().join("logs").join(LOG_FILE)).expect("log file");
        assert!(!text.contains("192.0.2.7"), "{text}");
        assert!(!text.contains("\"client\""), "{text}");
        let entries = lines(&dir.path().join("logs").join(LOG_FILE));
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].question, "量子暗号通信");
        assert_eq!(entries[0].endpoint, Endpoint::Search);
        assert_eq!(entries[0].intent, None);
        assert_eq!(entries[0].supported, None);
        assert_eq!(entries[0].cited, vec!["p0", "p1", "p2"]);
        assert_eq!(entries[0].latency_ms, 3);
        assert!(entries[0].time.ends_with('Z'));
        assert!(humantime::parse_rfc3339(&entries[0].time).is_ok());
        assert_eq!(entries[1].endpoint, Endpoint::Ask);
        assert_eq!(entries[1].intent.as_deref(), Some("budget"));
        assert_eq!(entries[1].supported, Some(true));
        let raw: serde_json::Value =
            serde_json::from_str(text.lines().next().unwrap_or("")).expect("json");
        for key in [
            "time",
            "endpoint",
            "question",
            "intent",
            "expansions",
            "hits",
            "supported",
            "cited",
            "latency_ms",
            "status",
        ] {
            assert!(raw.get(key).is_some(), "missing {key} in {raw}");
        }
        assert_eq!(log.written(), 2);
        assert_eq!(log.write_errors(), 0);
    }

    #[test]
    fn client_addresses_only_when_switched_on() {
        let dir = tempfile::tempdir().expect("temp dir");
        let log = QuestionLog::open(QuestionLogConfig {
            client_address: true,
            ..QuestionLogConfig::in_dir(dir.path())
        })
        .expect("log opens");
        log.record(search("住民票", 1));
        assert!(log.flush(Duration::from_secs(5)));
        let entries = lines(&dir.path().join(LOG_FILE));
        assert_eq!(entries[0].client.as_deref(), Some("192.0.2.7"));
    }

    #[test]
    fn long_questions_are_capped() {
        let long = "鬱".repeat(MAX_QUESTION_CHARS * 300);
        let (stored, truncated) = cap_question(&long);
        assert!(truncated);
        assert_eq!(stored.chars().count(), MAX_QUESTION_CHARS);
        let (short, cut) = cap_question("デジタル田園都市");
        assert_eq!((short.as_str(), cut), ("デジタル田園都市", false));
        let entry = entry_from(search(&long, 0), SystemTime::now(), false);
        assert!(entry.truncated);
        assert!(serde_json::to_string(&entry).expect("json").len() < 4_000);
    }

    #[test]
    fn rotates_at_the_size_limit_and_keeps_n_files() {
        let dir = tempfile::tempdir().expect("temp dir");
        let max_bytes = 600;
        let config = config(dir.path(), max_bytes, 3);
        let log = QuestionLog::open(config.clone()).expect("log opens");
        let total = 40;
        for i in 0..total {
            log.record(search(&format!("質問{i:03}"), i % 2));
        }
        assert!(log.flush(Duration::from_secs(5)));
        assert_eq!(log.written(), total as u64);
        for n in 1..=3 {
            let path = config.rotated_file(n);
            assert!(path.is_file(), "{} missing", path.display());
        }
        assert!(
            !config.rotated_file(4).exists(),
            "keeps only 3 rotated files"
        );
        let mut kept = Vec::new();
        for path in config.files_oldest_first() {
            let size = fs::metadata(&path).expect("file").len();
            assert!(size <= max_bytes, "{} is {size} bytes", path.display());
            kept.extend(lines(&path).into_iter().map(|e| e.question));
        }
        // The newest entries survive, in order, and the oldest were rotated away.
        assert!(kept.len() < total);
        let expected: Vec<String> = (total - kept.len()..total)
            .map(|i| format!("質問{i:03}"))
            .collect();
        assert_eq!(kept, expected);
    }

    #[test]
    fn keep_zero_keeps_only_the_current_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let config = config(dir.path(), 400, 0);
        let log = QuestionLog::open(config.clone()).expect("log opens");
        for i in 0..20 {
            log.record(search(&format!("q{i}"), 1));
        }
        assert!(log.flush(Duration::from_secs(5)));
        assert!(!config.rotated_file(1).exists());
        assert!(fs::metadata(config.current_file()).expect("file").len() <= 400);
        assert_eq!(log.write_errors(), 0);
    }

    #[test]
    fn appends_to_an_existing_file_and_ends_a_torn_line() {
        let dir = tempfile::tempdir().expect("temp dir");
        fs::write(dir.path().join(LOG_FILE), "{\"time\":\"2026-").expect("seed file");
        let log = QuestionLog::open(QuestionLogConfig::in_dir(dir.path())).expect("log opens");
        log.record(search("電波利用料", 2));
        assert!(log.flush(Duration::from_secs(5)));
        let stats = log.stats(None, 10);
        assert_eq!(stats.total, 1);
        assert_eq!(stats.top_questions[0].question, "電波利用料");
    }

    #[test]
    fn a_directory_that_is_a_file_counts_write_errors() {
        let dir = tempfile::tempdir().expect("temp dir");
        let blocker = dir.path().join("not-a-dir");
        fs::write(&blocker, "occupied").expect("file");
        let log = QuestionLog::open(QuestionLogConfig::in_dir(&blocker)).expect("log opens");
        for i in 0..5 {
            log.record(search(&format!("q{i}"), 1));
        }
        assert!(log.flush(Duration::from_secs(5)));
        assert_eq!(log.write_errors(), 5);
        assert_eq!(log.written(), 0);
        let stats = log.stats(None, 10);
        assert_eq!(stats.total, 0);
        assert_eq!(stats.write_errors, 5);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_full_disk_is_counted_and_the_writer_keeps_going() {
        let full = Path::new("/dev/full");
        if !full.exists() {
            return;
        }
        let dir = tempfile::tempdir().expect("temp dir");
        std::os::unix::fs::symlink(full, dir.path().join(LOG_FILE)).expect("symlink");
        let log = QuestionLog::open(QuestionLogConfig::in_dir(dir.path())).expect("log opens");
        log.record(search("a", 1));
        log.record(search("b", 1));
        assert!(log.flush(Duration::from_secs(5)));
        assert_eq!(log.write_errors(), 2);
        // The disk is freed: the writer recovers on the next entry.
        fs::remove_file(dir.path().join(LOG_FILE)).expect("unlink");
        log.record(search("c", 1));
        assert!(log.flush(Duration::from_secs(5)));
        assert_eq!(log.written(), 1);
        assert_eq!(lines(&dir.path().join(LOG_FILE))[0].question, "c");
    }

    #[test]
    fn a_full_queue_drops_and_counts_without_waiting() {
        let dir = tempfile::tempdir().expect("temp dir");
        let log = QuestionLog::open(QuestionLogConfig {
            queue: 1,
            ..QuestionLogConfig::in_dir(dir.path())
        })
        .expect("log opens");
        let started = Instant::now();
        for i in 0..2_000 {
            log.record(search(&format!("q{i}"), 1));
        }
        assert!(started.elapsed() < Duration::from_secs(2));
        assert!(log.flush(Duration::from_secs(5)));
        assert_eq!(log.written() + log.dropped(), 2_000);
        assert_eq!(log.stats(None, 10).dropped, log.dropped());
    }

    #[test]
    fn disabled_log_records_nothing() {
        let log = QuestionLog::disabled();
        log.record(search("q", 1));
        assert!(log.flush(Duration::from_millis(10)));
        let stats = log.stats(None, 10);
        assert!(!stats.enabled);
        assert_eq!(stats.total, 0);
    }

    #[test]
    fn closed_log_drops_new_entries() {
        let dir = tempfile::tempdir().expect("temp dir");
        let log = QuestionLog::open(QuestionLogConfig::in_dir(dir.path())).expect("log opens");
        log.record(search("before", 1));
        assert!(log.close(Duration::from_secs(5)));
        log.record(search("after", 1));
        assert_eq!(log.written(), 1);
        assert_eq!(log.dropped(), 1);
    }
}
