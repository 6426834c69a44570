//! Reading the log back: counts, top questions, and what the corpus could not answer.

use super::{LogEntry, QuestionLogError};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::time::{Duration, SystemTime};
use unicode_normalization::UnicodeNormalization;

/// A question and how often it was asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct QuestionCount {
    /// The question as last typed.
    pub question: String,
    /// How often it was asked (spellings equal after NFKC, trimming and case folding count
    /// as one).
    pub count: usize,
}

/// A question the corpus did not answer, with when it was last asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct UnansweredQuestion {
    /// The question as last typed.
    pub question: String,
    /// How often it went unanswered.
    pub count: usize,
    /// When it was last asked, RFC 3339 UTC.
    pub last_seen: String,
}

/// What the question log says about a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct QuestionStats {
    /// Whether questions are being logged at all.
    pub enabled: bool,
    /// Start of the period (RFC 3339 UTC); null for everything kept.
    pub since: Option<String>,
    /// Questions logged in the period.
    pub total: usize,
    /// Requests in the period that were refused or failed (HTTP status 400 and above).
    pub failed: usize,
    /// Questions per endpoint (`search`, `ask`).
    pub by_endpoint: BTreeMap<String, usize>,
    /// Questions per understood intent (only questions whose intent is known).
    pub by_intent: BTreeMap<String, usize>,
    /// The most asked questions, most asked first.
    pub top_questions: Vec<QuestionCount>,
    /// Answered requests that found nothing: what the corpus cannot answer yet.
    pub no_hits: Vec<UnansweredQuestion>,
    /// Questions answered as not supported by the evidence.
    pub unsupported: Vec<UnansweredQuestion>,
    /// Entries dropped since the server started because the writer was behind.
    pub dropped: u64,
    /// Failed writes since the server started (full disk, permissions).
    pub write_errors: u64,
    /// Log lines that could not be read and were skipped.
    pub malformed_lines: usize,
}

impl QuestionStats {
    /// Statistics with nothing in them.
    pub fn empty(since: Option<SystemTime>, enabled: bool) -> QuestionStats {
        QuestionStats {
            enabled,
            since: since.map(|t| humantime::format_rfc3339_seconds(t).to_string()),
            total: 0,
            failed: 0,
            by_endpoint: BTreeMap::new(),
            by_intent: BTreeMap::new(),
            top_questions: Vec::new(),
            no_hits: Vec::new(),
            unsupported: Vec::new(),
            dropped: 0,
            write_errors: 0,
            malformed_lines: 0,
        }
    }
}

/// Parses a `since` value: an RFC 3339 time with `Z` or an offset (`+09:00`), or a date
/// `YYYY-MM-DD` meaning midnight UTC. A space where the offset's `+` should be (a `+` that
/// was not escaped in a URL) is read as `+`.
pub fn parse_since(text: &str) -> Result<SystemTime, QuestionLogError> {
    let bad = || QuestionLogError::BadSince(text.to_string());
    let trimmed = text.trim();
    if !trimmed.is_ascii() {
        return Err(bad());
    }
    let upper = trimmed.to_ascii_uppercase();
    if upper.len() == 10 {
        return humantime::parse_rfc3339(&format!("{upper}T00:00:00Z")).map_err(|_| bad());
    }
    if upper.len() < 20 || upper.as_bytes()[10] != b'T' {
        return Err(bad());
    }
    if let Some(utc) = upper.strip_suffix('Z') {
        return humantime::parse_rfc3339_weak(utc).map_err(|_| bad());
    }
    let (local, zone) = upper.split_at(upper.len() - 6);
    let zone = zone.as_bytes();
    let sign = match zone[0] {
        b'+' | b' ' => 1i64,
        b'-' => -1i64,
        _ => return Err(bad()),
    };
    if zone[3] != b':' {
        return Err(bad());
    }
    let digits = |a: u8, b: u8| -> Option<u64> {
        let a = (a as char).to_digit(10)?;
        let b = (b as char).to_digit(10)?;
        Some(u64::from(a * 10 + b))
    };
    let (Some(hours), Some(minutes)) = (digits(zone[1], zone[2]), digits(zone[4], zone[5])) else {
        return Err(bad());
    };
    if hours > 23 || minutes > 59 {
        return Err(bad());
    }
    let local = humantime::parse_rfc3339_weak(local).map_err(|_| bad())?;
    let offset = Duration::from_secs(hours * 3600 + minutes * 60);
    // UTC = local time − offset.
    let utc = if sign > 0 {
        local.checked_sub(offset)
    } else {
        local.checked_add(offset)
    };
    utc.ok_or_else(bad)
}

/// The key questions are grouped by: NFKC, trimmed, case-folded, inner whitespace collapsed.
pub fn question_key(question: &str) -> String {
    let folded: String = question.nfkc().flat_map(char::to_lowercase).collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[derive(Default)]
struct Group {
    question: String,
    count: usize,
    last_seen: Option<(SystemTime, String)>,
}

impl Group {
    fn add(&mut self, question: &str, time: SystemTime, stamp: &str) {
        self.count += 1;
        if self.last_seen.as_ref().is_none_or(|(t, _)| time >= *t) {
            self.question = question.trim().to_string();
            self.last_seen = Some((time, stamp.to_string()));
        }
    }

    fn last_time(&self) -> SystemTime {
        self.last_seen
            .as_ref()
            .map_or(SystemTime::UNIX_EPOCH, |(t, _)| *t)
    }
}

/// Most asked first; ties by most recent, then by text.
fn ranked(groups: HashMap<String, Group>, top: usize) -> Vec<Group> {
    let mut groups: Vec<Group> = groups.into_values().collect();
    groups.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| b.last_time().cmp(&a.last_time()))
            .then_with(|| a.question.cmp(&b.question))
    });
    groups.truncate(top);
    groups
}

fn unanswered(groups: HashMap<String, Group>, top: usize) -> Vec<UnansweredQuestion> {
    ranked(groups, top)
        .into_iter()
        .map(|g| UnansweredQuestion {
            question: g.question,
            count: g.count,
            last_seen: g.last_seen.map(|(_, s)| s).unwrap_or_default(),
        })
        .collect()
}

/// Aggregates the entries of `files` (oldest first; missing files are skipped) at or after
/// `since`, listing at most `top` questions per list.
pub(super) fn collect(files: &[PathBuf], since: Option<SystemTime>, top: usize) -> QuestionStats {
    let mut stats = QuestionStats::empty(since, true);
    let mut asked: HashMap<String, Group> = HashMap::new();
    let mut no_hits: HashMap<String, Group> = HashMap::new();
    let mut unsupported: HashMap<String, Group> = HashMap::new();
    for path in files {
        let Ok(file) = File::open(path) else {
            continue;
        };
        let mut reader = BufReader::new(file);
        let mut line = Vec::new();
        loop {
            line.clear();
            match reader.read_until(b'\n', &mut line) {
                Ok(0) => break,
                Ok(_) => {}
                Err(error) => {
                    tracing::warn!(path = %path.display(), %error, "cannot read the question log");
                    break;
                }
            }
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let parsed = serde_json::from_slice::<LogEntry>(&line)
                .ok()
                .and_then(|entry| Some((humantime::parse_rfc3339_weak(&entry.time).ok()?, entry)));
            let Some((time, entry)) = parsed else {
                stats.malformed_lines += 1;
                continue;
            };
            if since.is_some_and(|since| time < since) {
                continue;
            }
            stats.total += 1;
            *stats
                .by_endpoint
                .entry(entry.endpoint.as_str().to_string())
                .or_default() += 1;
            if let Some(intent) = &entry.intent {
                *stats.by_intent.entry(intent.clone()).or_default() += 1;
            }
            if entry.status >= 400 {
                stats.failed += 1;
            }
            let key = question_key(&entry.question);
            if key.is_empty() {
                continue;
            }
            asked
                .entry(key.clone())
                .or_default()
                .add(&entry.question, time, &entry.time);
            let answered = (200..300).contains(&entry.status);
            if answered && entry.hits == 0 {
                no_hits
                    .entry(key.clone())
                    .or_default()
                    .add(&entry.question, time, &entry.time);
            }
            if answered && entry.supported == Some(false) {
                unsupported
                    .entry(key)
                    .or_default()
                    .add(&entry.question, time, &entry.time);
            }
        }
    }
    stats.top_questions = ranked(asked, top)
        .into_iter()
        .map(|g| QuestionCount {
            question: g.question,
            count: g.count,
        })
        .collect();
    stats.no_hits = unanswered(no_hits, top);
    stats.unsupported = unanswered(unsupported, top);
    stats
}

#[cfg(test)]
mod tests {
    use super::super::{Endpoint, QuestionLogConfig, entry_from};
    use super::*;
    use crate::qlog::QuestionRecord;
    use std::fs;

    fn at(text: &str) -> SystemTime {
        humantime::parse_rfc3339(text).expect("time")
    }

    fn line(time: &str, record: QuestionRecord) -> String {
        let entry = entry_from(record, at(time), false);
        serde_json::to_string(&entry).expect("json")
    }

    fn search(question: &str, hits: usize) -> QuestionRecord {
        QuestionRecord {
            endpoint: Endpoint::Search,
            question: question.to_string(),
            hits,
            status: 200,
            ..QuestionRecord::default()
        }
    }

    fn ask(question: &str, intent: &str, supported: bool) -> QuestionRecord {
        QuestionRecord {
            endpoint: Endpoint::Ask,
            question: question.to_string(),
            intent: Some(intent.to_string()),
            hits: 3,
            supported: Some(supported),
            status: 200,
            ..QuestionRecord::default()
        }
    }

    fn write_log(dir: &std::path::Path) -> QuestionLogConfig {
        let config = QuestionLogConfig {
            keep: 2,
            ..QuestionLogConfig::in_dir(dir)
        };
        let older = [
            line("2026-10-30T10:00:00Z", search("量子暗号通信", 8)),
            "not json at all".to_string(),
            line("2026-10-31T10:00:00Z", search("ＡＰＮ", 2)),
        ];
        let newer = [
            line("2026-11-01T01:00:00Z", search(" apn ", 2)),
            line("2026-11-01T02:00:00Z", search("Apn", 2)),
            "{\"time\":\"2026-11-01T02:30:00Z\",\"endpoint\":".to_string(),
            line("2026-11-01T03:00:00Z", search("zzqxj", 0)),
            line("2026-11-02T03:00:00Z", search("ZZQXJ", 0)),
            line(
                "2026-11-02T04:00:00Z",
                QuestionRecord {
                    status: 400,
                    ..search("", 0)
                },
            ),
            "{\"time\":\"yesterday\",\"endpoint\":\"search\",\"question\":\"x\"}".to_string(),
            line(
                "2026-11-02T05:00:00Z",
                ask("Beyond 5Gの予算は?", "budget", true),
            ),
            line(
                "2026-11-02T06:00:00Z",
                ask("宇宙の予算は?", "budget", false),
            ),
            line(
                "2026-11-02T07:00:00Z",
                ask("誰が担当?", "responsibility", false),
            ),
            line(
                "2026-11-02T08:00:00Z",
                QuestionRecord {
                    status: 413,
                    ..search("鬱鬱鬱", 0)
                },
            ),
        ];
        fs::write(config.rotated_file(1), older.join("\n") + "\n").expect("write .1");
        fs::write(config.current_file(), newer.join("\n") + "\n").expect("write current");
        config
    }

    #[test]
    fn groups_counts_and_finds_what_was_not_answered() {
        let dir = tempfile::tempdir().expect("temp dir");
        let config = write_log(dir.path());
        let stats = collect(&config.files_oldest_first(), None, 10);
        assert_eq!(stats.malformed_lines, 3);
        assert_eq!(stats.total, 11);
        assert_eq!(stats.failed, 2);
        assert_eq!(stats.by_endpoint.get("search"), Some(&8));
        assert_eq!(stats.by_endpoint.get("ask"), Some(&3));
        assert_eq!(stats.by_intent.get("budget"), Some(&2));
        assert_eq!(stats.by_intent.get("responsibility"), Some(&1));
        // ＡＰＮ, " apn " and Apn are one question, shown as last typed.
        assert_eq!(
            stats.top_questions[0],
            QuestionCount {
                question: "Apn".to_string(),
                count: 3
            }
        );
        assert_eq!(stats.top_questions[1].count, 2);
        assert_eq!(stats.top_questions[1].question, "ZZQXJ");
        // The empty question of a refused request is not a question.
        assert!(stats.top_questions.iter().all(|q| !q.question.is_empty()));
        assert_eq!(
            stats.no_hits,
            vec![UnansweredQuestion {
                question: "ZZQXJ".to_string(),
                count: 2,
                last_seen: "2026-11-02T03:00:00.000Z".to_string(),
            }]
        );
        let unsupported: Vec<&str> = stats
            .unsupported
            .iter()
            .map(|q| q.question.as_str())
            .collect();
        assert_eq!(unsupported, vec!["誰が担当?", "宇宙の予算は?"]);
    }

    #[test]
    fn since_filters_by_time() {
        let dir = tempfile::tempdir().expect("temp dir");
        let config = write_log(dir.path());
        let since = parse_since("2026-11-02").expect("date");
        let stats = collect(&config.files_oldest_first(), Some(since), 10);
        assert_eq!(stats.since.as_deref(), Some("2026-11-02T00:00:00Z"));
        assert_eq!(stats.total, 6);
        assert_eq!(stats.no_hits[0].count, 1);
        assert!(stats.top_questions.iter().all(|q| q.question != "Apn"));
        let everything_after = parse_since("2030-01-01T00:00:00Z").expect("time");
        assert_eq!(
            collect(&config.files_oldest_first(), Some(everything_after), 10).total,
            0
        );
    }

    #[test]
    fn top_limits_the_lists() {
        let dir = tempfile::tempdir().expect("temp dir");
        let config = write_log(dir.path());
        let stats = collect(&config.files_oldest_first(), None, 1);
        assert_eq!(stats.top_questions.len(), 1);
        assert_eq!(stats.unsupported.len(), 1);
    }

    #[test]
    fn missing_files_give_empty_stats() {
        let dir = tempfile::tempdir().expect("temp dir");
        let config = QuestionLogConfig::in_dir(dir.path().join("nothing"));
        let stats = collect(&config.files_oldest_first(), None, 10);
        assert_eq!(stats.total, 0);
        assert!(stats.enabled);
    }

    #[test]
    fn since_accepts_dates_utc_and_offsets() {
        let utc = at("2026-11-01T00:00:00Z");
        assert_eq!(parse_since("2026-11-01").expect("date"), utc);
        assert_eq!(parse_since("2026-11-01T00:00:00Z").expect("utc"), utc);
        assert_eq!(parse_since("2026-11-01t00:00:00z").expect("lower"), utc);
        assert_eq!(parse_since("2026-11-01T09:00:00+09:00").expect("jst"), utc);
        assert_eq!(
            parse_since("2026-11-01T09:00:00 09:00").expect("unescaped +"),
            utc
        );
        assert_eq!(parse_since("2026-10-31T19:00:00-05:00").expect("west"), utc);
        assert_eq!(
            parse_since("2026-11-01T00:00:00.500Z").expect("fraction"),
            utc + Duration::from_millis(500)
        );
        for bad in [
            "",
            "yesterday",
            "2026-13-01",
            "2026-11-01T00:00:00",
            "2026-11-01T00:00:00+9:00",
            "2026-11-01T00:00:00+24:00",
            "2026/11/01",
            "２０２６-11-01",
            "1969-12-31",
        ] {
            assert!(parse_since(bad).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn keys_fold_width_case_and_spaces() {
        assert_eq!(question_key("  ＡＰＮ　とは "), "apn とは");
        assert_eq!(question_key("Beyond  5G"), question_key("beyond 5g"));
        assert_ne!(question_key("予算"), question_key("決算"));
    }
}
