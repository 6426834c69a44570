//! The search API against a real server on an ephemeral port over the real seeds.

mod common;

use serde_json::Value;

async fn get(addr: std::net::SocketAddr, path_and_query: &str) -> (u16, Value) {
    let response = reqwest::get(format!("http://{addr}{path_and_query}"))
        .await
        .expect("request");
    let status = response.status().as_u16();
    let body: Value = response.json().await.expect("json body");
    (status, body)
}

async fn search(addr: std::net::SocketAddr, q: &str, extra: &str) -> Value {
    let url = format!("http://{addr}/search");
    let mut params = vec![("q", q.to_string())];
    for pair in extra.split('&').filter(|p| !p.is_empty()) {
        if let Some((k, v)) = pair.split_once('=') {
            params.push((if k == "limit" { "limit" } else { "doc" }, v.to_string()));
        }
    }
    let response = reqwest::Client::new()
        .get(url)
        .query(&params)
        .send()
        .await
        .expect("request");
    assert_eq!(response.status().as_u16(), 200, "search {q:?}");
    response.json().await.expect("json")
}

fn hit_texts(body: &Value) -> Vec<String> {
    body["hits"]
        .as_array()
        .map(|hits| {
            hits.iter()
                .map(|h| h["text"].as_str().unwrap_or("").to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_answers_with_citations_and_marks() {
    let (addr, _dir) = common::spawn_server().await;
    let body = search(addr, "量子暗号通信", "limit=10").await;
    for key in ["query", "total", "took_ms", "hits"] {
        assert!(body.get(key).is_some(), "missing {key}");
    }
    let hits = body["hits"].as_array().expect("hits");
    assert!(!hits.is_empty());
    for hit in hits {
        for key in [
            "doc",
            "doc_title",
            "line_start",
            "line_end",
            "heading",
            "text",
            "snippet",
            "score",
        ] {
            assert!(hit.get(key).is_some(), "hit lacks {key}");
        }
        assert!(hit["line_start"].as_u64() <= hit["line_end"].as_u64());
    }
    assert!(hits[0]["snippet"].as_str().unwrap_or("").contains("<mark>"));
    let texts = hit_texts(&body).join("\n");
    assert!(
        texts.contains("東京QKDネットワーク")
            || texts.contains("東京Q K Dネットワーク")
            || texts.contains("東京 QKD"),
        "量子暗号通信 should find the 東京QKDネットワーク passages"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn spaced_letters_and_widths_match_both_ways() {
    let (addr, _dir) = common::spawn_server().await;
    let spaced = search(addr, "QKD", "limit=20").await;
    assert!(
        hit_texts(&spaced).iter().any(|t| t.contains("Q K D")),
        "QKD finds Q K D"
    );
    let full = search(addr, "ＩＣＴ分野", "limit=5").await;
    let half = search(addr, "ICT分野", "limit=5").await;
    assert_eq!(full["total"], half["total"]);
    assert!(
        hit_texts(&half).iter().any(|t| t.contains("ＩＣＴ")),
        "half-width finds full-width"
    );
    let digits = search(addr, "１，５００億円", "limit=10").await;
    assert!(
        hit_texts(&digits).iter().any(|t| t.contains("1,500")),
        "full-width digits find half-width"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn natural_question_finds_its_answer_in_top_three() {
    let (addr, _dir) = common::spawn_server().await;
    let body = search(addr, "地域おこし協力隊の予算はいくら?", "limit=3").await;
    let texts = hit_texts(&body);
    assert!(
        texts
            .iter()
            .any(|t| t.contains("地域おこし協力隊") && t.contains("億円")),
        "top 3: {texts:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_input_gets_json_4xx() {
    let (addr, _dir) = common::spawn_server().await;
    let long_get = "あ".repeat(5_000);
    let client = reqwest::Client::new();
    let cases: Vec<(String, Vec<(&str, String)>)> = vec![
        ("empty".into(), vec![("q", "".into())]),
        ("blank".into(), vec![("q", "   ".into())]),
        ("missing".into(), vec![]),
        ("symbols only".into(), vec![("q", "！？「」".into())]),
        ("15 KB query in the URL".into(), vec![("q", long_get)]),
        (
            "control chars".into(),
            vec![("q", "\u{0}\u{1}\u{7f}".into())],
        ),
        (
            "limit zero".into(),
            vec![("q", "予算".into()), ("limit", "0".into())],
        ),
        (
            "limit huge".into(),
            vec![("q", "予算".into()), ("limit", "100000".into())],
        ),
        (
            "limit text".into(),
            vec![("q", "予算".into()), ("limit", "ten".into())],
        ),
        (
            "unknown doc".into(),
            vec![("q", "予算".into()), ("doc", "../etc/passwd".into())],
        ),
    ];
    for (name, params) in cases {
        let response = client
            .get(format!("http://{addr}/search"))
            .query(&params)
            .send()
            .await
            .unwrap_or_else(|e| {
                panic!(
                    "{name}: request failed: {}",
                    e.to_string().chars().take(200).collect::<String>()
                )
            });
        let status = response.status().as_u16();
        assert!((400..500).contains(&status), "{name}: status {status}");
        let body: serde_json::Value = response.json().await.expect("json error body");
        assert!(body["error"]["code"].is_string(), "{name}: {body}");
        assert!(body["error"]["message"].is_string(), "{name}: {body}");
    }
    // A 1 MB query in a JSON body.
    let megabyte = "量".repeat(350_000);
    let response = client
        .post(format!("http://{addr}/search"))
        .json(&serde_json::json!({ "q": megabyte }))
        .send()
        .await
        .expect("post");
    assert_eq!(response.status().as_u16(), 413);
    let body: serde_json::Value = response.json().await.expect("json error body");
    assert_eq!(body["error"]["code"], "query_too_long");
    let response = client
        .post(format!("http://{addr}/search"))
        .body("{not json")
        .header("content-type", "application/json")
        .send()
        .await
        .expect("post");
    assert!((400..500).contains(&response.status().as_u16()));
    let body: serde_json::Value = response.json().await.expect("json error body");
    assert!(body["error"]["code"].is_string());
    // Invalid UTF-8 in the percent-encoding.
    let (status, body) = get(addr, "/search?q=%FF%FE").await;
    assert!((400..500).contains(&status), "invalid utf-8: {status}");
    assert!(body["error"]["code"].is_string());
    let (status, _) = get(addr, "/no/such/endpoint").await;
    assert_eq!(status, 404);
    // Odd but valid Unicode is searched, not refused.
    for odd in ["🗾量子", "e\u{301}", "\u{200b}予算\u{200b}", "ｶﾞｲﾄﾞﾗｲﾝ"] {
        let body = search(addr, odd, "").await;
        assert!(body["hits"].is_array(), "{odd}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn quoted_phrases_and_doc_filter() {
    let (addr, _dir) = common::spawn_server().await;
    let body = search(addr, "\"オール光ネットワーク\" 海外展開", "limit=10").await;
    for text in hit_texts(&body) {
        let normalized = seisaku::normalize::for_matching(&text).replace(' ', "");
        assert!(
            normalized.contains("オール光ネットワーク"),
            "phrase required: {text}"
        );
    }
    let doc = "004_ffbb1bb57b30ee70.txt";
    let filtered = search(addr, "予算", &format!("doc={doc}")).await;
    let hits = filtered["hits"].as_array().expect("hits");
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h["doc"] == doc));
    assert!(hits[0]["doc_title"].as_str().unwrap_or("").contains("予算"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_keep_being_answered_during_a_rebuild() {
    let (addr, _dir) = common::spawn_server().await;
    let client = reqwest::Client::new();
    let rebuild = {
        let client = client.clone();
        tokio::spawn(async move {
            client
                .post(format!("http://{addr}/admin/rebuild"))
                .bearer_auth(common::ADMIN_TOKEN)
                .send()
                .await
                .map(|r| r.status().as_u16())
        })
    };
    let mut answered = 0;
    while !rebuild.is_finished() {
        let response = client
            .get(format!("http://{addr}/search"))
            .query(&[("q", "オール光ネットワーク")])
            .send()
            .await
            .expect("request during rebuild");
        assert_eq!(response.status().as_u16(), 200);
        let body: serde_json::Value = response.json().await.expect("json");
        assert!(body["total"].as_u64().unwrap_or(0) > 0);
        answered += 1;
    }
    assert_eq!(rebuild.await.expect("join").expect("rebuild request"), 200);
    assert!(answered > 0, "no request was made during the rebuild");
    let (status, health) = get(addr, "/healthz").await;
    assert_eq!(status, 200);
    assert!(health["passages"].as_u64().unwrap_or(0) > 0);
}
