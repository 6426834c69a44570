//! Adding documents over HTTP to a real server on an ephemeral port: they are searchable at
//! once, their citations match `GET /documents/{id}/lines`, they can be removed again, bad
//! input changes nothing, and writes need the admin token; a Shift_JIS CSV becomes a table
//! whose figures cite its records.
#![allow(clippy::type_complexity)]

mod common;

use common::{ADMIN_TOKEN, encode_segment, get_json, post_document};
use reqwest::StatusCode;
use serde_json::Value;
use std::net::SocketAddr;

const SUPPLEMENTARY: &str = "# 令和7年度 総務省補正予算（案）の概要

令和7年12月
総務省

## １．防災・減災、国土強靱化の推進

（１）雪崩観測網の整備
山間部の集落を守るため、雪崩観測網を整備し、観測データを市町村へ即時に提供する。
【予算】 12.5億円

（２）棚田地域の通信環境整備
棚田地域における携帯電話の不感地帯を解消する。
【予算】 3.2億円
";

async fn delete_document(addr: SocketAddr, id: &str) -> (StatusCode, Value) {
    let response = reqwest::Client::new()
        .delete(format!("http://{addr}/documents/{}", encode_segment(id)))
        .bearer_auth(ADMIN_TOKEN)
        .send()
        .await
        .expect("delete");
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

async fn search_doc(addr: SocketAddr, q: &str, doc: &str) -> Vec<Value> {
    let (status, body) =
        get_json(addr, "/search", &[("q", q), ("doc", doc), ("limit", "20")]).await;
    assert_eq!(status, 200, "{body}");
    body["hits"].as_array().cloned().unwrap_or_default()
}

/// Every line of every hit's text stands in the lines `GET /documents/{id}/lines` returns
/// for the hit's citation, and the pages agree.
async fn assert_citations_match_lines(addr: SocketAddr, hits: &[Value]) {
    assert!(!hits.is_empty());
    for hit in hits {
        let doc = hit["doc"].as_str().expect("doc");
        let from = hit["line_start"].as_u64().expect("line_start").to_string();
        let to = hit["line_end"].as_u64().expect("line_end").to_string();
        let path = format!("/documents/{}/lines", encode_segment(doc));
        let (status, lines) = get_json(addr, &path, &[("from", &from), ("to", &to)]).await;
        assert_eq!(status, 200, "{lines}");
        assert_eq!(lines["id"], doc);
        let lines = lines["lines"].as_array().expect("lines");
        let joined: Vec<&str> = lines.iter().filter_map(|l| l["text"].as_str()).collect();
        let joined = joined.join("\n");
        for piece in hit["text"].as_str().unwrap_or("").lines() {
            assert!(
                joined.contains(piece.trim()),
                "{piece:?} is not in the cited lines {from}-{to} of {doc}: {joined:?}"
            );
        }
        let first_page = lines
            .first()
            .map(|l| l["page"].clone())
            .unwrap_or(Value::Null);
        assert_eq!(
            hit.get("page").cloned().unwrap_or(Value::Null),
            first_page,
            "the hit's page is the page of its first line"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn added_documents_are_searchable_citable_and_removable() {
    let (addr, dir) = common::spawn_server().await;
    let (_, health_before) = get_json(addr, "/healthz", &[]).await;
    // A search asked twice is answered the second time from the build's cache.
    let avalanche = [("q", "雪崩観測網"), ("limit", "20")];
    let (_, before_add) = get_json(addr, "/search", &avalanche).await;
    let (_, asked_again) = get_json(addr, "/search", &avalanche).await;
    assert_eq!(before_add["hits"], asked_again["hits"]);
    let (_, health_cached) = get_json(addr, "/healthz", &[]).await;
    let cache = &health_cached["search_cache"];
    assert!(cache["hits"].as_u64() >= Some(1), "{cache}");
    assert!(cache["entries"].as_u64() >= Some(1), "{cache}");

    let (status, added) = post_document(
        addr,
        SUPPLEMENTARY.as_bytes().to_vec(),
        "text/markdown; charset=utf-8",
        &[("filename", "補正予算の概要.md")],
        Some(ADMIN_TOKEN),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{added}");
    let document = &added["document"];
    for key in [
        "id",
        "file",
        "title",
        "publisher",
        "date",
        "kind",
        "format",
        "pages",
        "lines",
        "passages",
        "nodes",
        "budgets",
    ] {
        assert!(
            document.get(key).is_some(),
            "document lacks {key}: {document}"
        );
    }
    let id = document["id"].as_str().expect("id").to_string();
    assert_eq!(id, "補正予算の概要.md");
    assert_eq!(document["title"], "令和7年度 総務省補正予算（案）の概要");
    assert_eq!(document["format"], "markdown");
    assert_eq!(document["pages"], Value::Null);
    assert_eq!(
        document["lines"].as_u64(),
        Some(SUPPLEMENTARY.lines().count() as u64)
    );
    assert!(document["passages"].as_u64().unwrap_or(0) > 0, "{document}");

    // The new build answers the search asked before the add afresh: the new document is in
    // it, and its cache starts empty.
    let (_, after_add) = get_json(addr, "/search", &avalanche).await;
    let docs = |page: &Value| -> Vec<String> {
        page["hits"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|h| h["doc"].as_str())
            .map(str::to_string)
            .collect()
    };
    assert!(!docs(&before_add).contains(&id), "{before_add}");
    assert!(docs(&after_add).contains(&id), "{after_add}");
    let (_, health_new_build) = get_json(addr, "/healthz", &[]).await;
    assert_eq!(
        health_new_build["search_cache"]["hits"], 0,
        "{health_new_build}"
    );

    // Searchable at once, with citations that match the document's lines.
    let hits = search_doc(addr, "雪崩観測網", &id).await;
    assert!(
        hits.iter()
            .any(|h| h["text"].as_str().unwrap_or("").contains("雪崩観測網")),
        "{hits:?}"
    );
    assert_citations_match_lines(addr, &hits).await;
    // The document node is searchable by the title read from the content.
    let (_, nodes) = get_json(
        addr,
        "/search",
        &[("q", "総務省補正予算（案）の概要"), ("type", "document")],
    )
    .await;
    assert!(
        nodes["hits"]
            .as_array()
            .is_some_and(|h| h.iter().any(|h| h["doc"] == id.as_str())),
        "{nodes}"
    );

    // Listed beside the seeds.
    let (status, listed) = get_json(addr, "/documents", &[]).await;
    assert_eq!(status, 200);
    let listed = listed.as_array().expect("array");
    assert_eq!(listed.iter().filter(|d| d["source"] == "seed").count(), 5);
    let mine = listed
        .iter()
        .find(|d| d["id"] == id.as_str())
        .expect("listed");
    assert_eq!(mine["source"], "library");
    let (status, one) = get_json(addr, &format!("/documents/{}", encode_segment(&id)), &[]).await;
    assert_eq!(status, 200);
    assert_eq!(one["document"]["passages"], document["passages"]);

    // The original, as added.
    let original = reqwest::get(format!(
        "http://{addr}/documents/{}/original",
        encode_segment(&id)
    ))
    .await
    .expect("original");
    assert_eq!(original.status(), StatusCode::OK);
    assert!(
        original.headers()["content-type"]
            .to_str()
            .unwrap_or("")
            .starts_with("text/markdown")
    );
    assert_eq!(
        original.bytes().await.expect("bytes"),
        SUPPLEMENTARY.as_bytes()
    );

    // The same content again is refused with the existing id; other content under the same
    // name gets a new id.
    let (status, again) = post_document(
        addr,
        SUPPLEMENTARY.as_bytes().to_vec(),
        "text/markdown",
        &[("filename", "copy.md")],
        Some(ADMIN_TOKEN),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT, "{again}");
    assert!(
        again["error"]["message"]
            .as_str()
            .unwrap_or("")
            .contains(&id)
    );

    // A budget request excerpt of a known kind, under a name that tries to leave the library.
    let excerpt: String =
        std::fs::read_to_string(common::root().join("seeds/002_eaad2ea998d35b7e.txt"))
            .expect("seed")
            .lines()
            .take(400)
            .collect::<Vec<_>>()
            .join("\n");
    let (status, added) = post_document(
        addr,
        excerpt.into_bytes(),
        "text/plain",
        &[
            ("filename", "../../重点施策抜粋.txt"),
            ("kind", "budget_request"),
            ("title", "重点施策（抜粋）"),
            ("date", "2025-08"),
        ],
        Some(ADMIN_TOKEN),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{added}");
    let excerpt_id = added["document"]["id"].as_str().expect("id").to_string();
    assert_eq!(excerpt_id, "重点施策抜粋.txt");
    assert_eq!(added["document"]["title"], "重点施策（抜粋）");
    assert_eq!(added["document"]["kind"], "budget_request");
    assert!(
        added["document"]["nodes"].as_u64().unwrap_or(0) > 1,
        "{added}"
    );
    assert!(
        added["document"]["budgets"].as_u64().unwrap_or(0) > 0,
        "{added}"
    );
    assert!(!dir.path().join("重点施策抜粋.txt").exists());
    let (_, budgets) = get_json(addr, "/budgets", &[("q", "地域経済循環創造事業交付金")]).await;
    let cites_excerpt = budgets["items"].as_array().is_some_and(|items| {
        items.iter().any(|item| {
            item["sources"]
                .as_array()
                .is_some_and(|s| s.iter().any(|s| s["doc"] == excerpt_id.as_str()))
        })
    });
    assert!(cites_excerpt, "{budgets}");

    // Removal: seeds cannot be removed, unknown ids are 404, library documents go away.
    let (status, refused) = delete_document(addr, "002_eaad2ea998d35b7e.txt").await;
    assert_eq!(status, StatusCode::CONFLICT, "{refused}");
    let (status, _) = delete_document(addr, "no-such.txt").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, removed) = delete_document(addr, &id).await;
    assert_eq!(status, StatusCode::OK, "{removed}");
    let (_, after) = get_json(addr, "/search", &[("q", "雪崩観測網"), ("limit", "50")]).await;
    assert!(
        after["hits"]
            .as_array()
            .is_some_and(|h| h.iter().all(|h| h["doc"] != id.as_str())),
        "{after}"
    );
    let (status, _) = get_json(addr, "/search", &[("q", "雪崩観測網"), ("doc", &id)]).await;
    assert_eq!(status, 404, "a removed document is unknown");
    let (status, _) = get_json(addr, &format!("/documents/{}", encode_segment(&id)), &[]).await;
    assert_eq!(status, 404);
    let (_, health) = get_json(addr, "/healthz", &[]).await;
    let excerpt_passages = added["document"]["passages"].as_u64().unwrap_or(0);
    assert_eq!(
        health["passages"].as_u64(),
        health_before["passages"]
            .as_u64()
            .map(|p| p + excerpt_passages),
        "only the excerpt's passages remain added"
    );
    // Seeds are still found.
    let (_, seeds) = get_json(addr, "/search", &[("q", "量子暗号通信")]).await;
    assert!(seeds["total"].as_u64().unwrap_or(0) > 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_input_gets_a_json_error_and_changes_nothing() {
    let limit = 64 * 1024;
    let (addr, dir) = common::spawn_server_with(|state| {
        state.with_intake_options(seisaku::documents::intake::IntakeOptions {
            max_bytes: limit,
            ..Default::default()
        })
    })
    .await;
    let (_, health_before) = get_json(addr, "/healthz", &[]).await;
    let text = |s: &str| s.as_bytes().to_vec();
    // Body, content type, query, expected status and error code.
    type Case<'a> = (
        Vec<u8>,
        &'a str,
        Vec<(&'a str, &'a str)>,
        StatusCode,
        &'a str,
    );
    let cases: Vec<Case> = vec![
        (
            "あ".repeat(limit).into_bytes(),
            "text/plain",
            vec![("filename", "big.txt")],
            StatusCode::PAYLOAD_TOO_LARGE,
            "document_too_large",
        ),
        (
            vec![0x89, b'P', b'N', b'G', 0, 0],
            "image/png",
            vec![("filename", "scan.png")],
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
        ),
        (
            text(" \n\t\n  "),
            "text/plain",
            vec![("filename", "blank.txt")],
            StatusCode::UNPROCESSABLE_ENTITY,
            "empty_document",
        ),
        (
            text("本文"),
            "text/plain",
            vec![("filename", "a.txt"), ("kind", "novel")],
            StatusCode::BAD_REQUEST,
            "bad_parameters",
        ),
        (
            text("本文"),
            "text/plain",
            vec![("filename", "a.txt"), ("date", "令和7年")],
            StatusCode::BAD_REQUEST,
            "bad_parameters",
        ),
    ];
    for (body, content_type, params, status, code) in cases {
        let (got, error) =
            post_document(addr, body, content_type, &params, Some(ADMIN_TOKEN)).await;
        assert_eq!(got, status, "{params:?}: {error}");
        assert_eq!(error["error"]["code"], code, "{error}");
        assert!(
            error["error"]["message"]
                .as_str()
                .is_some_and(|m| !m.is_empty())
        );
    }
    // A seed file added again is the seed.
    let seed_bytes =
        std::fs::read(common::root().join("seeds/001_6acfb621c14eea34.txt")).expect("seed");
    let (status, error) = post_document(
        addr,
        seed_bytes,
        "text/plain",
        &[("filename", "copy.txt")],
        Some(ADMIN_TOKEN),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT, "{error}");
    assert!(
        error["error"]["message"]
            .as_str()
            .unwrap_or("")
            .contains("001_6acfb621c14eea34.txt"),
        "{error}"
    );
    // Lines of a document: bad ranges are 400, unknown documents 404.
    let seed = "/documents/001_6acfb621c14eea34.txt/lines";
    for range in [
        [("from", "0"), ("to", "3")],
        [("from", "9"), ("to", "3")],
        [("from", "1"), ("to", "900")],
        [("from", "x"), ("to", "3")],
    ] {
        let (status, body) = get_json(addr, seed, &range).await;
        assert_eq!(status, 400, "{range:?}: {body}");
    }
    let (status, body) = get_json(addr, seed, &[("from", "1"), ("to", "2")]).await;
    assert_eq!(status, 200);
    assert_eq!(body["lines"][0]["line"], 1);
    assert_eq!(body["lines"][0]["page"], Value::Null);
    let (status, _) = get_json(addr, "/documents/nothing.txt/lines", &[]).await;
    assert_eq!(status, 404);

    let (_, listed) = get_json(addr, "/documents", &[]).await;
    assert_eq!(listed.as_array().map(Vec::len), Some(5), "{listed}");
    let (_, health) = get_json(addr, "/healthz", &[]).await;
    assert_eq!(health["fingerprint"], health_before["fingerprint"]);
    let library = dir.path().join("library");
    let stored = std::fs::read_dir(library.join("docs"))
        .map(|d| d.count())
        .unwrap_or(0);
    assert_eq!(stored, 0, "nothing was stored");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn writes_need_the_admin_token() {
    use seisaku::api::{self, state::AppState};
    let engine = tokio::task::spawn_blocking(common::engine)
        .await
        .expect("engine");
    let serve = |state: AppState| async move {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        tokio::spawn(async move {
            let _ = axum::serve(listener, api::app(state)).await;
        });
        addr
    };
    let without = serve(AppState::shared(engine.clone(), common::shared_config())).await;
    let with = common::shared_server();
    let client = reqwest::Client::new();
    let requests = |addr: SocketAddr| {
        vec![
            client
                .post(format!("http://{addr}/documents?filename=a.txt"))
                .header("content-type", "text/plain")
                .body("本文"),
            client.delete(format!("http://{addr}/documents/a.txt")),
            client.post(format!("http://{addr}/admin/rebuild")),
            client.get(format!("http://{addr}/stats/questions")),
        ]
    };
    for request in requests(without) {
        let response = request.bearer_auth(ADMIN_TOKEN).send().await.expect("send");
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        let body: Value = response.json().await.expect("json");
        assert!(
            body["error"]["message"]
                .as_str()
                .unwrap_or("")
                .contains("--admin-token"),
            "{body}"
        );
    }
    for request in requests(with) {
        let response = request.send().await.expect("send");
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    }
    for request in requests(with) {
        let response = request
            .bearer_auth("wrong-token")
            .send()
            .await
            .expect("send");
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        let body: Value = response.json().await.expect("json");
        assert_eq!(body["error"]["code"], "unauthorized");
    }
    // Reads stay open.
    let response = client
        .get(format!("http://{without}/documents"))
        .send()
        .await
        .expect("read");
    assert_eq!(response.status(), StatusCode::OK);
    let response = client
        .get(format!("http://{with}/stats/questions"))
        .bearer_auth(ADMIN_TOKEN)
        .send()
        .await
        .expect("stats");
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_adds_and_searches() {
    let (addr, _dir) = common::spawn_server().await;
    let topics = ["雪崩観測網", "棚田通信", "養蜂振興", "離島航路"];
    let adds: Vec<_> = topics
        .iter()
        .enumerate()
        .map(|(n, topic)| {
            let body =
                format!("# {topic}の取組について\n\n{topic}を推進する。\n【予算】 {n}.5億円\n");
            tokio::spawn(async move {
                post_document(
                    addr,
                    body.into_bytes(),
                    "text/plain",
                    &[("filename", &format!("取組{n}.txt"))],
                    Some(ADMIN_TOKEN),
                )
                .await
            })
        })
        .collect();
    let mut searched = 0;
    while adds.iter().any(|a| !a.is_finished()) {
        let (status, body) = get_json(addr, "/search", &[("q", "オール光ネットワーク")]).await;
        assert_eq!(status, 200, "{body}");
        assert!(body["total"].as_u64().unwrap_or(0) > 0);
        searched += 1;
    }
    for add in adds {
        let (status, body) = add.await.expect("join");
        assert_eq!(status, StatusCode::CREATED, "{body}");
    }
    assert!(searched > 0);
    for (n, topic) in topics.iter().enumerate() {
        let hits = search_doc(addr, topic, &format!("取組{n}.txt")).await;
        assert!(
            !hits.is_empty(),
            "{topic} not found after the concurrent adds"
        );
    }
    let (_, listed) = get_json(addr, "/documents", &[]).await;
    assert_eq!(listed.as_array().map(Vec::len), Some(5 + topics.len()));
}

/// An open-data CSV of a supplementary, in Shift_JIS as municipalities publish them.
const SUPPLEMENTARY_CSV: &str = "年度,補正回,会計区分,款,事業名,補正前の額（円）,補正額（円）,補正後の額（円）,備考\r\n\
2025,第5号,一般会計,教育費,学校体育館空調設置事業,0,312860000,312860000,\"新規・12校\"\r\n\
2025,第5号,一般会計,土木費,道路維持補修事業,842000000,95000000,937000000,\r\n";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_csv_in_shift_jis_is_added_as_a_table_with_cited_figures() {
    let (addr, _dir) = common::spawn_server().await;
    let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(SUPPLEMENTARY_CSV);
    let (status, added) = post_document(
        addr,
        bytes.into_owned(),
        "text/csv; charset=Shift_JIS",
        &[("filename", "12gatsu_hosei.csv")],
        Some(ADMIN_TOKEN),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{added}");
    let document = &added["document"];
    assert_eq!(document["format"], "csv");
    // The header row is no title: the file's name is.
    assert_eq!(document["title"], "12gatsu_hosei.csv");
    assert_eq!(document["lines"].as_u64(), Some(3));
    let id = document["id"].as_str().expect("id").to_string();

    let (status, budgets) = get_json(addr, "/budgets", &[("q", "学校体育館空調設置事業")]).await;
    assert_eq!(status, 200, "{budgets}");
    let items = budgets["items"].as_array().expect("items");
    let figure = items
        .iter()
        .find(|item| item["sources"][0]["doc"] == id.as_str())
        .unwrap_or_else(|| panic!("no figure of the CSV: {budgets}"));
    assert_eq!(figure["amount_oku_yen"], "3.1286");
    assert_eq!(figure["fy"], "R7");
    assert_eq!(figure["kind"], "supplementary");
    // The figure's quote stands in the line it cites, the record as tab-separated cells.
    let source = &figure["sources"][0];
    let line = source["line_start"].as_u64().expect("line").to_string();
    let path = format!("/documents/{}/lines", encode_segment(&id));
    let (status, lines) = get_json(addr, &path, &[("from", &line), ("to", &line)]).await;
    assert_eq!(status, 200, "{lines}");
    let text = lines["lines"][0]["text"].as_str().expect("text");
    assert!(text.starts_with("2025\t第5号\t一般会計"), "{text:?}");
    assert!(
        text.contains(source["quote"].as_str().expect("quote")),
        "{source} in {text:?}"
    );
}
