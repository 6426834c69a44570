//! The question log against a real server on an ephemeral port: searches are recorded as JSON
//! lines without client addresses, `/stats/questions` reports them, and a broken log
//! directory never fails a request.

mod common;

use seisaku::api::{self, state::AppState};
use seisaku::qlog::{LOG_FILE, QuestionLog, QuestionLogConfig};
use serde_json::Value;
use std::net::SocketAddr;
use std::path::Path;

/// A real server over the shared engine, recording questions to `log_dir`, with the peer
/// address available to handlers (as `serve` runs it).
async fn spawn_logged_server(log_dir: &Path) -> (SocketAddr, QuestionLog) {
    let log = QuestionLog::open(QuestionLogConfig::in_dir(log_dir)).expect("log opens");
    let engine = tokio::task::spawn_blocking(common::engine)
        .await
        .expect("engine");
    let state = AppState::shared(engine, common::shared_config())
        .with_question_log(log.clone())
        .with_admin_token(Some(common::ADMIN_TOKEN.to_string()));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    let app = api::app(state).into_make_service_with_connect_info::<SocketAddr>();
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    (addr, log)
}

async fn search(addr: SocketAddr, q: &str) -> (u16, Value) {
    common::get_json(addr, "/search", &[("q", q)]).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn searches_are_logged_and_reported() {
    let dir = tempfile::tempdir().expect("temp dir");
    let log_dir = dir.path().join("logs");
    let (addr, _log) = spawn_logged_server(&log_dir).await;

    for q in ["量子暗号通信", "量子暗号通信", " 量子暗号通信　"] {
        let (status, body) = search(addr, q).await;
        assert_eq!(status, 200, "{body}");
        assert!(body["total"].as_u64().unwrap_or(0) > 0, "{body}");
    }
    let (status, body) = search(addr, "zzqxj").await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["total"], 0, "{body}");
    let (status, body) = search(addr, "鬱鬱鬱").await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["total"], 0, "{body}");
    // POST is logged too.
    let response = reqwest::Client::new()
        .post(format!("http://{addr}/search"))
        .json(&serde_json::json!({"q": "電波利用料", "limit": 3}))
        .send()
        .await
        .expect("post");
    assert_eq!(response.status().as_u16(), 200);
    // A refused request is logged with its status and no hits.
    let (status, _) = common::get_json(addr, "/search", &[("q", "")]).await;
    assert_eq!(status, 400);
    let (status, _) =
        common::get_json(addr, "/search", &[("q", "住民票"), ("limit", "many")]).await;
    assert_eq!(status, 400);

    let (status, stats) = common::get_json(addr, "/stats/questions", &[]).await;
    assert_eq!(status, 200, "{stats}");
    assert_eq!(stats["enabled"], true);
    assert_eq!(stats["total"], 8, "{stats}");
    assert_eq!(stats["failed"], 2, "{stats}");
    assert_eq!(stats["by_endpoint"]["search"], 8, "{stats}");
    assert_eq!(stats["write_errors"], 0);
    assert_eq!(stats["dropped"], 0);
    assert_eq!(
        stats["top_questions"][0]["question"], "量子暗号通信",
        "{stats}"
    );
    assert_eq!(stats["top_questions"][0]["count"], 3, "{stats}");
    let no_hits: Vec<&str> = stats["no_hits"]
        .as_array()
        .expect("no_hits")
        .iter()
        .filter_map(|q| q["question"].as_str())
        .collect();
    assert!(no_hits.contains(&"zzqxj"), "{stats}");
    assert!(no_hits.contains(&"鬱鬱鬱"), "{stats}");
    assert!(!no_hits.contains(&"量子暗号通信"), "{stats}");
    assert!(
        !no_hits.contains(&"住民票"),
        "refused is not unanswered: {stats}"
    );
    for unanswered in stats["no_hits"].as_array().expect("no_hits") {
        assert_eq!(unanswered["count"], 1);
        assert!(
            humantime::parse_rfc3339(unanswered["last_seen"].as_str().unwrap_or("")).is_ok(),
            "{unanswered}"
        );
    }

    // since: nothing after a future date, everything since a past one.
    let (status, later) =
        common::get_json(addr, "/stats/questions", &[("since", "2999-01-01")]).await;
    assert_eq!(status, 200, "{later}");
    assert_eq!(later["total"], 0);
    assert_eq!(later["since"], "2999-01-01T00:00:00Z");
    let (_, earlier) = common::get_json(
        addr,
        "/stats/questions",
        &[("since", "2020-01-01T09:00:00+09:00")],
    )
    .await;
    assert_eq!(earlier["total"], 8, "{earlier}");
    let (status, bad) =
        common::get_json(addr, "/stats/questions", &[("since", "last tuesday")]).await;
    assert_eq!(status, 400);
    assert_eq!(bad["error"]["code"], "bad_since", "{bad}");

    // The file: one JSON object per line, no client addresses.
    let text = std::fs::read_to_string(log_dir.join(LOG_FILE)).expect("log file");
    assert!(!text.contains("127.0.0.1"), "{text}");
    let entries: Vec<Value> = text
        .lines()
        .map(|line| serde_json::from_str(line).expect("a JSON line"))
        .collect();
    assert_eq!(entries.len(), 8);
    for entry in &entries {
        assert!(entry.get("client").is_none(), "{entry}");
        assert_eq!(entry["endpoint"], "search");
        assert!(entry["intent"].is_null());
        assert!(entry["supported"].is_null());
        assert!(entry["latency_ms"].is_u64());
        assert!(humantime::parse_rfc3339(entry["time"].as_str().unwrap_or("")).is_ok());
    }
    let first = &entries[0];
    assert_eq!(first["question"], "量子暗号通信");
    assert_eq!(first["status"], 200);
    assert!(first["hits"].as_u64().unwrap_or(0) > 0);
    assert!(!first["cited"].as_array().expect("cited").is_empty());
    let refused = entries
        .iter()
        .find(|e| e["question"] == "住民票")
        .expect("refused request logged with its question");
    assert_eq!(refused["status"], 400);
    assert_eq!(refused["hits"], 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_broken_log_directory_never_fails_a_request() {
    let dir = tempfile::tempdir().expect("temp dir");
    // The log directory is a file: every write fails, as on a broken or full disk.
    let blocker = dir.path().join("logs");
    std::fs::write(&blocker, "not a directory").expect("file");
    let (addr, _log) = spawn_logged_server(&blocker).await;
    for q in ["量子暗号通信", "zzqxj", "電波利用料"] {
        let (status, body) = search(addr, q).await;
        assert_eq!(status, 200, "{body}");
    }
    let (status, stats) = common::get_json(addr, "/stats/questions", &[]).await;
    assert_eq!(status, 200, "{stats}");
    assert_eq!(stats["write_errors"], 3, "{stats}");
    assert_eq!(stats["total"], 0, "{stats}");
    let (status, _) = common::get_json(addr, "/healthz", &[]).await;
    assert_eq!(status, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stats_without_a_log_are_empty_and_documented() {
    let addr = common::shared_server();
    let (status, stats) = common::get_json(addr, "/stats/questions", &[]).await;
    assert_eq!(status, 200, "{stats}");
    assert_eq!(stats["enabled"], false);
    assert_eq!(stats["total"], 0);
    let (status, bad) = common::get_json(addr, "/stats/questions", &[("limit", "0")]).await;
    assert_eq!(status, 400, "{bad}");
    let (_, openapi) = common::get_json(addr, "/openapi.json", &[]).await;
    assert!(openapi["paths"]["/stats/questions"]["get"].is_object());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn asks_are_logged_with_intent_and_support() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (addr, _log) = spawn_logged_server(&dir.path().join("logs")).await;
    let (status, answered) =
        common::get_json(addr, "/ask", &[("q", "地域おこし協力隊の予算はいくら?")]).await;
    assert_eq!(status, 200, "{answered}");
    let (status, unanswered) =
        common::get_json(addr, "/ask", &[("q", "東京タワーの高さは何メートル?")]).await;
    assert_eq!(status, 200);
    assert_eq!(unanswered["supported"], false);
    let (status, _) = common::get_json(addr, "/ask", &[("q", "")]).await;
    assert_eq!(status, 400);
    // The writer is asynchronous: poll until the three records are readable.
    let mut stats = Value::Null;
    for _ in 0..200 {
        let (_, body) = common::get_json(addr, "/stats/questions", &[]).await;
        if body["by_endpoint"]["ask"].as_u64().unwrap_or(0) >= 3 {
            stats = body;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(stats["by_endpoint"]["ask"], 3, "{stats}");
    assert!(
        stats["by_intent"]["budget"].as_u64().unwrap_or(0) >= 1,
        "{stats}"
    );
    let unsupported = stats["unsupported"].as_array().expect("unsupported");
    assert!(
        unsupported
            .iter()
            .any(|q| q["question"].as_str().unwrap_or("").contains("東京タワー")),
        "{stats}"
    );
    let text = std::fs::read_to_string(dir.path().join("logs").join(LOG_FILE)).expect("log file");
    let ask_line = text
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .find(|l| l["endpoint"] == "ask" && l["supported"] == true)
        .expect("an ask line");
    assert_eq!(ask_line["intent"], "budget");
    assert!(!ask_line["cited"].as_array().expect("cited").is_empty());
    assert!(ask_line.get("client").is_none());
}
