//! PDFs (printed by headless Chromium), an HTML page and a Shift_JIS text added over HTTP to
//! a real server: searchable, with citations whose lines and pages match
//! `GET /documents/{id}/lines`; unreadable PDFs and a hanging converter are refused.

mod common;
#[path = "ingest_support/mod.rs"]
mod ingest_support;

use common::{ADMIN_TOKEN, encode_segment, get_json, post_document};
use ingest_support::{encrypt, fixture, japanese_page, print_pdf, screenshot};
use reqwest::StatusCode;
use rmcp::ServiceExt;
use rmcp::model::{CallToolRequestParams, ClientConfig};
use rmcp::transport::StreamableHttpClientTransport;
use serde_json::Value;
use std::net::SocketAddr;

async fn post(
    addr: SocketAddr,
    body: Vec<u8>,
    content_type: &str,
    filename: &str,
) -> (StatusCode, Value) {
    post_document(
        addr,
        body,
        content_type,
        &[("filename", filename)],
        Some(ADMIN_TOKEN),
    )
    .await
}

/// Hits for `q` in `doc`, each checked against the lines (and pages) it cites.
async fn cited_hits(addr: SocketAddr, q: &str, doc: &str) -> Vec<Value> {
    let (status, body) =
        get_json(addr, "/search", &[("q", q), ("doc", doc), ("limit", "10")]).await;
    assert_eq!(status, 200, "{body}");
    let hits = body["hits"].as_array().cloned().unwrap_or_default();
    assert!(!hits.is_empty(), "{q:?} finds nothing in {doc}");
    for hit in &hits {
        let from = hit["line_start"].as_u64().expect("line_start").to_string();
        let to = hit["line_end"].as_u64().expect("line_end").to_string();
        let (status, lines) = get_json(
            addr,
            &format!("/documents/{}/lines", encode_segment(doc)),
            &[("from", &from), ("to", &to)],
        )
        .await;
        assert_eq!(status, 200, "{lines}");
        let lines = lines["lines"].as_array().cloned().unwrap_or_default();
        let joined: Vec<&str> = lines.iter().filter_map(|l| l["text"].as_str()).collect();
        let joined = joined.join("\n");
        for piece in hit["text"].as_str().unwrap_or("").lines() {
            assert!(
                joined.contains(piece.trim()),
                "{piece:?} not in lines {from}-{to}: {joined:?}"
            );
        }
        assert_eq!(
            hit.get("page").cloned().unwrap_or(Value::Null),
            lines
                .first()
                .map(|l| l["page"].clone())
                .unwrap_or(Value::Null)
        );
    }
    hits
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pdf_html_and_shift_jis_documents_are_added_and_cited() {
    let (addr, _dir) = common::spawn_server().await;

    let pdf = print_pdf(&japanese_page(
        "<h1>令和7年度 地域通信基盤白書（抜粋）</h1><p>令和7年6月</p><p>総務省</p>\
         <section><h2>第1節 山間部の安全</h2><p>山間部の集落を守るため、雪崩観測網を整備する。</p></section>\
         <section><h2>第2節 離島の通信</h2><p>離島航路の船上でも通信できる環境を整える。</p></section>",
    ));
    let (status, added) = post(addr, pdf.clone(), "application/pdf", "通信基盤白書.pdf").await;
    assert_eq!(status, StatusCode::CREATED, "{added}");
    let document = &added["document"];
    assert_eq!(document["format"], "pdf");
    assert_eq!(document["pages"], 3);
    assert_eq!(document["title"], "令和7年度 地域通信基盤白書（抜粋）");
    let id = document["id"].as_str().expect("id").to_string();
    let hits = cited_hits(addr, "雪崩観測網", &id).await;
    assert!(hits.iter().any(|h| h["page"] == 2), "{hits:?}");
    let hits = cited_hits(addr, "離島航路", &id).await;
    assert!(hits.iter().any(|h| h["page"] == 3), "{hits:?}");
    // Node sources cite pages too.
    let (_, nodes) = get_json(
        addr,
        "/search",
        &[("q", "地域通信基盤白書"), ("type", "document")],
    )
    .await;
    let node_id = nodes["hits"]
        .as_array()
        .and_then(|h| {
            h.iter()
                .find(|h| h["kind"] == "node" && h["doc"] == id.as_str())
        })
        .and_then(|h| h["id"].as_str())
        .expect("the document node is found")
        .to_string();
    let (status, node) = get_json(addr, &format!("/nodes/{}", encode_segment(&node_id)), &[]).await;
    assert_eq!(status, 200, "{node}");
    assert_eq!(node["sources"][0]["page"], 1, "{node}");
    // The MCP tool answers with the same pages.
    let transport = StreamableHttpClientTransport::from_uri(format!("http://{addr}/mcp"));
    let client = ClientConfig::default()
        .serve(transport)
        .await
        .expect("initialize MCP");
    let arguments = serde_json::json!({"id": node_id});
    let called = client
        .call_tool(
            CallToolRequestParams::new("get_node")
                .with_arguments(arguments.as_object().cloned().unwrap_or_default()),
        )
        .await
        .expect("tools/call get_node");
    let mcp_node = called
        .structured_content
        .clone()
        .expect("structured content");
    assert_eq!(mcp_node["sources"][0]["page"], 1, "{mcp_node}");
    let original = reqwest::get(format!(
        "http://{addr}/documents/{}/original",
        encode_segment(&id)
    ))
    .await
    .expect("original");
    assert_eq!(original.headers()["content-type"], "application/pdf");
    assert_eq!(original.bytes().await.expect("bytes").to_vec(), pdf);

    // HTML: readable text, scripts and navigation dropped.
    let (status, added) = post(
        addr,
        fixture("whitepaper-chapter.html"),
        "text/html; charset=utf-8",
        "whitepaper-chapter.html",
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{added}");
    assert_eq!(added["document"]["format"], "html");
    assert_eq!(added["document"]["pages"], Value::Null);
    cited_hits(addr, "データ流通の進展", "whitepaper-chapter.html").await;

    // Shift_JIS text, detected without a declared charset.
    let (status, added) = post(
        addr,
        fixture("municipal-budget-book.sjis.txt"),
        "text/plain",
        "municipal-budget-book.sjis.txt",
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{added}");
    assert_eq!(added["document"]["format"], "text");
    assert!(
        added["document"]["title"]
            .as_str()
            .is_some_and(|t| t.contains("予算")),
        "{added}"
    );
    let hits = cited_hits(addr, "一般会計予算", "municipal-budget-book.sjis.txt").await;
    assert!(hits.iter().all(|h| h.get("page").is_none()));

    // Unreadable PDFs: encrypted, truncated, a scan without a text layer.
    let locked = encrypt(&pdf, "user-secret");
    let (status, error) = post(addr, locked, "application/pdf", "locked.pdf").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{error}");
    let (status, error) = post(
        addr,
        pdf[..pdf.len() / 2].to_vec(),
        "application/pdf",
        "cut.pdf",
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{error}");
    assert_eq!(error["error"]["code"], "unreadable_document");
    let png = screenshot(&japanese_page("<h1>紙の資料</h1><p>画像だけのページ。</p>"));
    let data: String = png.iter().map(|b| format!("%{b:02X}")).collect();
    let scan = print_pdf(&format!(
        "<html><body style=\"margin:0\"><img style=\"width:100%\" src=\"data:image/png,{data}\"></body></html>"
    ));
    let (status, error) = post(addr, scan, "application/pdf", "scan.pdf").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{error}");
    assert_eq!(error["error"]["code"], "no_text_layer");
    assert!(
        error["error"]["message"]
            .as_str()
            .unwrap_or("")
            .contains("OCR")
    );
    let (_, listed) = get_json(addr, "/documents", &[]).await;
    assert_eq!(
        listed.as_array().map(Vec::len),
        Some(8),
        "refused files were not stored"
    );
}

#[test]
fn a_hanging_converter_is_refused_at_its_time_limit() {
    use seisaku::api::error::ApiError;
    use seisaku::documents::intake::{Incoming, IntakeOptions, prepare};
    let dir = tempfile::tempdir().expect("dir");
    let script = dir.path().join("pdftotext");
    std::fs::write(&script, "#!/bin/sh\nsleep 60\n").expect("script");
    std::fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o755))
        .expect("chmod");
    let options = IntakeOptions {
        convert: seisaku::ingest::ConvertOptions {
            timeout: std::time::Duration::from_millis(500),
            pdftotext: script,
        },
        ..IntakeOptions::default()
    };
    let started = std::time::Instant::now();
    let error = prepare(
        Incoming {
            bytes: fixture("whitepaper-chapter.pdf"),
            content_type: Some("application/pdf".into()),
            filename: Some("chapter.pdf".into()),
            overrides: Default::default(),
        },
        &options,
    )
    .expect_err("the converter hangs");
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
    let api = ApiError::from(error);
    assert_eq!(api.status.as_u16(), 422);
    assert_eq!(api.code, "converter_timeout");
}
