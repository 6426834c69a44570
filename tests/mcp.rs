//! The MCP server through real exchanges: an MCP client over Streamable HTTP against the real
//! server, plain JSON-RPC over HTTP, and the `seisaku mcp` binary over stdio.

mod common;

use common::{get_json, root, shared_config, shared_server};
use rmcp::ServiceExt;
use rmcp::model::{CallToolRequestParams, CallToolResult, ClientConfig};
use rmcp::transport::StreamableHttpClientTransport;
use seisaku::api::{self, state::AppState};
use seisaku::qlog::{LOG_FILE, QuestionLog, QuestionLogConfig};
use serde_json::{Value, json};
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

/// The tools every transport lists.
const TOOLS: [&str; 6] = ["search", "get_node", "neighbors", "path", "budgets", "ask"];

fn arguments(value: Value) -> serde_json::Map<String, Value> {
    match value {
        Value::Object(map) => map,
        other => panic!("arguments must be an object: {other}"),
    }
}

/// The JSON a tool answered: the structured content, which the text content repeats.
fn result_json(result: &CallToolResult) -> Value {
    let structured = result
        .structured_content
        .clone()
        .expect("structured content");
    let text = result
        .content
        .first()
        .and_then(|c| c.as_text())
        .map(|t| t.text.clone())
        .expect("text content");
    let parsed: Value = serde_json::from_str(&text).expect("text content is JSON");
    assert_eq!(parsed, structured, "text and structured content differ");
    structured
}

#[tokio::test]
async fn mcp_client_over_streamable_http_uses_every_tool() {
    let addr = shared_server();
    let transport = StreamableHttpClientTransport::from_uri(format!("http://{addr}/mcp"));
    let client = ClientConfig::default()
        .serve(transport)
        .await
        .expect("initialize over Streamable HTTP");

    let info = client.peer_info().expect("server info");
    assert_eq!(
        info.server_info.as_ref().map(|i| i.name.as_str()),
        Some("seisaku")
    );
    let instructions = info.instructions.clone().unwrap_or_default();
    for word in [
        "総務省",
        "line_start",
        "line_end",
        "quote",
        "004_ffbb1bb57b30ee70.txt",
    ] {
        assert!(instructions.contains(word), "{word} not in {instructions}");
    }

    let tools = client.list_all_tools().await.expect("tools/list");
    for name in TOOLS {
        let tool = tools
            .iter()
            .find(|t| t.name == name)
            .unwrap_or_else(|| panic!("{name} not listed"));
        assert!(tool.description.as_deref().is_some_and(|d| !d.is_empty()));
        assert_eq!(tool.input_schema.get("type"), Some(&json!("object")));
        assert!(tool.input_schema.get("properties").is_some(), "{name}");
        assert_eq!(
            tool.annotations.as_ref().and_then(|a| a.read_only_hint),
            Some(true),
            "{name} is read-only"
        );
    }
    let search_tool = tools.iter().find(|t| t.name == "search").expect("search");
    assert_eq!(
        search_tool.input_schema.get("required"),
        Some(&json!(["q"]))
    );
    assert!(
        search_tool.input_schema["properties"]["q"]
            .get("description")
            .is_some()
    );

    let call = |name: &'static str, args: Value| {
        let client = &client;
        async move {
            client
                .call_tool(CallToolRequestParams::new(name).with_arguments(arguments(args)))
                .await
                .unwrap_or_else(|e| panic!("tools/call {name}: {e}"))
        }
    };

    let searched = call("search", json!({"q": "量子暗号通信", "limit": 5})).await;
    assert_ne!(searched.is_error, Some(true));
    let body = result_json(&searched);
    let hits = body["hits"].as_array().expect("hits");
    assert!(!hits.is_empty(), "{body}");
    for hit in hits {
        assert!(hit["doc"].as_str().is_some_and(|d| d.ends_with(".txt")));
        assert!(hit["line_start"].as_u64().unwrap_or(0) >= 1);
        assert!(hit["line_end"].as_u64() >= hit["line_start"].as_u64());
    }
    let (_, http) = get_json(addr, "/search", &[("q", "量子暗号通信"), ("limit", "5")]).await;
    assert_eq!(body["hits"], http["hits"], "MCP and HTTP hits differ");

    let node_id = hits
        .iter()
        .flat_map(|h| h["nodes"].as_array().into_iter().flatten())
        .find_map(|n| n["id"].as_str())
        .expect("a hit mentioning a node")
        .to_string();
    let node = result_json(&call("get_node", json!({"id": node_id})).await);
    assert_eq!(node["id"], node_id.as_str());
    let (_, http_node) = get_json(addr, &format!("/nodes/{node_id}"), &[]).await;
    assert_eq!(node, http_node);
    let neighbour = node["edges"][0]["node"]["id"]
        .as_str()
        .expect("the node has an edge")
        .to_string();

    let around = result_json(&call("neighbors", json!({"id": node_id, "depth": 1})).await);
    let reached: Vec<&str> = around["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .filter_map(|n| n["id"].as_str())
        .collect();
    assert_eq!(reached.first(), Some(&node_id.as_str()));
    assert!(reached.contains(&neighbour.as_str()), "{around}");

    let path = result_json(&call("path", json!({"from": node_id, "to": neighbour})).await);
    assert_eq!(path["length"], 1, "{path}");
    assert!(
        !path["paths"][0]["edges"][0]["sources"]
            .as_array()
            .expect("sources")
            .is_empty()
    );

    let budgets = result_json(&call("budgets", json!({"q": "地域おこし協力隊"})).await);
    let (_, http_budgets) = get_json(addr, "/budgets", &[("q", "地域おこし協力隊")]).await;
    assert_eq!(budgets, http_budgets);
    let http_text = reqwest::Client::new()
        .get(format!("http://{addr}/budgets"))
        .query(&[("q", "地域おこし協力隊")])
        .send()
        .await
        .expect("GET /budgets")
        .text()
        .await
        .expect("body");
    let budgets_text = call("budgets", json!({"q": "地域おこし協力隊"}))
        .await
        .content[0]
        .as_text()
        .map(|t| t.text.clone());
    assert_eq!(budgets_text.as_deref(), Some(http_text.as_str()));
    assert!(budgets["count"].as_u64().unwrap_or(0) >= 1, "{budgets}");

    let question = "地域おこし協力隊の予算はいくら?";
    let answered =
        result_json(&call("ask", json!({"question": question, "max_citations": 3})).await);
    assert_eq!(answered["supported"], true, "{answered}");
    let citations = answered["citations"].as_array().expect("citations");
    assert!(!citations.is_empty() && citations.len() <= 3, "{answered}");
    for citation in citations {
        assert!(citation["doc"].is_string() && citation["quote"].is_string());
        assert!(citation["line_start"].is_u64() && citation["line_end"].is_u64());
    }
    let (_, mut http_answer) =
        get_json(addr, "/ask", &[("q", question), ("max_citations", "3")]).await;
    // Each front end's question starts its own conversation; the rest is the same answer.
    let conversation = answered["conversation_id"]
        .as_str()
        .expect("conversation_id")
        .to_string();
    assert_ne!(
        Some(conversation.as_str()),
        http_answer["conversation_id"].as_str()
    );
    let mut same = answered.clone();
    same["conversation_id"] = Value::Null;
    http_answer["conversation_id"] = Value::Null;
    assert_eq!(same, http_answer);
    // The tool continues a conversation like POST /ask does.
    let follow_up = result_json(
        &call(
            "ask",
            json!({"question": "前年度は?", "conversation_id": conversation}),
        )
        .await,
    );
    assert_eq!(follow_up["conversation_id"], answered["conversation_id"]);
    assert_eq!(follow_up["supported"], true, "{follow_up}");
    assert!(
        follow_up["nodes"][0]["id"] == answered["nodes"][0]["id"],
        "{follow_up}"
    );

    // Failures are tool errors with the HTTP API's code and message.
    let neighbors_path = format!("/nodes/{node_id}/neighbors");
    let failures = [
        (
            "get_node",
            json!({"id": "no:such-node"}),
            "/nodes/no:such-node",
            vec![],
        ),
        (
            "neighbors",
            json!({"id": node_id, "depth": 9}),
            neighbors_path.as_str(),
            vec![("depth", "9")],
        ),
        (
            "path",
            json!({"from": node_id, "to": "no:such"}),
            "/paths",
            vec![("from", node_id.as_str()), ("to", "no:such")],
        ),
        (
            "budgets",
            json!({"fy": "yesterday"}),
            "/budgets",
            vec![("fy", "yesterday")],
        ),
        ("search", json!({"q": "   "}), "/search", vec![("q", "   ")]),
        (
            "ask",
            json!({"question": "予算", "max_citations": 500}),
            "/ask",
            vec![("q", "予算"), ("max_citations", "500")],
        ),
    ];
    for (name, args, http_path, http_params) in failures {
        let failed = call(name, args.clone()).await;
        assert_eq!(failed.is_error, Some(true), "{name} {args}");
        let error = result_json(&failed);
        let (status, http_error) = get_json(addr, http_path, &http_params).await;
        assert!(status >= 400);
        assert_eq!(error, http_error, "{name} {args}");
    }
    let wrong_type = call("neighbors", json!({"id": node_id, "depth": "two"})).await;
    assert_eq!(wrong_type.is_error, Some(true));
    let unknown_field = call("search", json!({"query": "予算"})).await;
    assert_eq!(unknown_field.is_error, Some(true));
    assert!(
        client
            .call_tool(CallToolRequestParams::new("delete_everything"))
            .await
            .is_err()
    );

    client.cancel().await.expect("close the session");
}

/// One JSON-RPC message from a Streamable HTTP response: the body itself, or the last SSE
/// `data:` event carrying a JSON-RPC message.
fn parse_rpc_body(content_type: &str, body: &str) -> Value {
    if content_type.starts_with("application/json") {
        return serde_json::from_str(body).expect("JSON body");
    }
    assert!(
        content_type.starts_with("text/event-stream"),
        "{content_type}"
    );
    body.lines()
        .filter_map(|line| line.strip_prefix("data:"))
        .filter_map(|data| serde_json::from_str::<Value>(data.trim()).ok())
        .rfind(|message| message.get("jsonrpc").is_some())
        .unwrap_or_else(|| panic!("no JSON-RPC message in {body}"))
}

struct RawHttpClient {
    http: reqwest::Client,
    url: String,
    session: Option<String>,
    protocol_version: Option<String>,
}

impl RawHttpClient {
    async fn post(&mut self, message: Value) -> (u16, Option<Value>) {
        let mut request = self
            .http
            .post(&self.url)
            .header("Accept", "application/json, text/event-stream")
            .header("Content-Type", "application/json")
            .body(message.to_string());
        if let Some(session) = &self.session {
            request = request.header("Mcp-Session-Id", session);
        }
        if let Some(version) = &self.protocol_version {
            request = request.header("MCP-Protocol-Version", version);
        }
        let response = request.send().await.expect("POST /mcp");
        let status = response.status().as_u16();
        if let Some(session) = response.headers().get("mcp-session-id") {
            self.session = Some(session.to_str().expect("session id").to_string());
        }
        let content_type = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string();
        let body = response.text().await.expect("body");
        if body.trim().is_empty() {
            return (status, None);
        }
        (status, Some(parse_rpc_body(&content_type, &body)))
    }
}

#[tokio::test]
async fn plain_json_rpc_over_streamable_http() {
    let addr = shared_server();
    let mut client = RawHttpClient {
        http: reqwest::Client::new(),
        url: format!("http://{addr}/mcp"),
        session: None,
        protocol_version: None,
    };
    let (status, initialized) = client
        .post(json!({
            "jsonrpc": "2.0", "id": 1, "method": "initialize",
            "params": {
                "protocolVersion": "2025-06-18",
                "capabilities": {},
                "clientInfo": {"name": "raw-test", "version": "0"}
            }
        }))
        .await;
    assert_eq!(status, 200);
    let initialized = initialized.expect("initialize result");
    assert_eq!(initialized["id"], 1);
    assert_eq!(initialized["result"]["serverInfo"]["name"], "seisaku");
    assert!(initialized["result"]["capabilities"]["tools"].is_object());
    assert!(client.session.is_some(), "no Mcp-Session-Id");
    client.protocol_version = initialized["result"]["protocolVersion"]
        .as_str()
        .map(str::to_string);

    let (status, _) = client
        .post(json!({"jsonrpc": "2.0", "method": "notifications/initialized"}))
        .await;
    assert_eq!(status, 202);

    let (_, listed) = client
        .post(json!({"jsonrpc": "2.0", "id": 2, "method": "tools/list"}))
        .await;
    let listed = listed.expect("tools/list result");
    let tools = listed["result"]["tools"].as_array().expect("tools");
    for name in TOOLS {
        let tool = tools
            .iter()
            .find(|t| t["name"] == name)
            .unwrap_or_else(|| panic!("{name} not listed: {listed}"));
        assert_eq!(tool["inputSchema"]["type"], "object");
    }

    let (_, called) = client
        .post(json!({
            "jsonrpc": "2.0", "id": 3, "method": "tools/call",
            "params": {"name": "search", "arguments": {"q": "量子暗号通信", "limit": 3}}
        }))
        .await;
    let called = called.expect("tools/call result");
    assert_eq!(called["id"], 3);
    assert_eq!(called["result"]["isError"], false);
    let hit = &called["result"]["structuredContent"]["hits"][0];
    assert!(hit["doc"].is_string() && hit["line_start"].is_u64() && hit["line_end"].is_u64());

    let (_, failed) = client
        .post(json!({
            "jsonrpc": "2.0", "id": 4, "method": "tools/call",
            "params": {"name": "get_node", "arguments": {"id": "no:such-node"}}
        }))
        .await;
    let failed = failed.expect("tools/call result");
    assert_eq!(failed["result"]["isError"], true, "{failed}");
    assert_eq!(
        failed["result"]["structuredContent"]["error"]["message"],
        "no node with id \"no:such-node\""
    );
}

#[tokio::test]
async fn mcp_endpoint_refuses_foreign_hosts() {
    let addr = shared_server();
    let response = reqwest::Client::new()
        .post(format!("http://{addr}/mcp"))
        .header("Host", "attacker.example")
        .header("Accept", "application/json, text/event-stream")
        .header("Content-Type", "application/json")
        .body(
            json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
                "protocolVersion": "2025-06-18", "capabilities": {},
                "clientInfo": {"name": "raw-test", "version": "0"}}})
            .to_string(),
        )
        .send()
        .await
        .expect("POST /mcp");
    assert!(response.status().is_client_error(), "{}", response.status());
}

/// Reads stdout lines until the JSON-RPC response with `id`; every line must be JSON-RPC.
async fn read_response(
    lines: &mut tokio::io::Lines<BufReader<tokio::process::ChildStdout>>,
    id: u64,
) -> Value {
    loop {
        let line = tokio::time::timeout(Duration::from_secs(600), lines.next_line())
            .await
            .expect("response in time")
            .expect("read stdout")
            .expect("stdout open");
        let message: Value = serde_json::from_str(&line)
            .unwrap_or_else(|e| panic!("stdout line is not JSON-RPC ({e}): {line}"));
        assert_eq!(message["jsonrpc"], "2.0", "{line}");
        if message["id"] == id {
            return message;
        }
    }
}

#[tokio::test]
async fn stdio_subcommand_speaks_mcp() {
    // The shared build compiles the test dictionary first; the child reuses it.
    let dictionary = shared_config().dictionary_dir;
    common::engine();
    let index = tempfile::tempdir().expect("temp dir");
    let stderr = tempfile::NamedTempFile::new().expect("stderr file");
    let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_seisaku"))
        // As a desktop client launches it: `args: ["mcp"]`, settings in `env`, any directory.
        .current_dir(index.path())
        .arg("mcp")
        .env("SEISAKU_SEEDS", root().join("seeds"))
        .env("SEISAKU_INDEX", index.path())
        .env("SEISAKU_DICTIONARY", &dictionary)
        .env("RUST_LOG", "info")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(stderr.reopen().expect("stderr handle"))
        .kill_on_drop(true)
        .spawn()
        .expect("spawn seisaku mcp");
    let mut stdin = child.stdin.take().expect("stdin");
    let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
    let mut send = async |message: Value| {
        stdin
            .write_all(format!("{message}\n").as_bytes())
            .await
            .expect("write stdin");
        stdin.flush().await.expect("flush stdin");
    };

    send(json!({
        "jsonrpc": "2.0", "id": 1, "method": "initialize",
        "params": {
            "protocolVersion": "2025-06-18",
            "capabilities": {},
            "clientInfo": {"name": "stdio-test", "version": "0"}
        }
    }))
    .await;
    let initialized = read_response(&mut lines, 1).await;
    assert_eq!(
        initialized["result"]["serverInfo"]["name"], "seisaku",
        "{initialized}"
    );
    assert!(
        initialized["result"]["instructions"]
            .as_str()
            .is_some_and(|i| i.contains("line_start"))
    );
    send(json!({"jsonrpc": "2.0", "method": "notifications/initialized"})).await;

    send(json!({"jsonrpc": "2.0", "id": 2, "method": "tools/list"})).await;
    let listed = read_response(&mut lines, 2).await;
    let names: Vec<&str> = listed["result"]["tools"]
        .as_array()
        .expect("tools")
        .iter()
        .filter_map(|t| t["name"].as_str())
        .collect();
    for name in TOOLS {
        assert!(names.contains(&name), "{name} not in {names:?}");
    }

    send(json!({
        "jsonrpc": "2.0", "id": 3, "method": "tools/call",
        "params": {"name": "search", "arguments": {"q": "量子暗号通信", "limit": 3}}
    }))
    .await;
    let called = read_response(&mut lines, 3).await;
    assert_eq!(called["result"]["isError"], false, "{called}");
    let text = called["result"]["content"][0]["text"]
        .as_str()
        .expect("text content");
    let body: Value = serde_json::from_str(text).expect("JSON text");
    let hit = &body["hits"][0];
    assert!(hit["doc"].is_string() && hit["line_start"].is_u64() && hit["line_end"].is_u64());

    send(json!({
        "jsonrpc": "2.0", "id": 4, "method": "tools/call",
        "params": {"name": "get_node", "arguments": {"id": "no:such-node"}}
    }))
    .await;
    let failed = read_response(&mut lines, 4).await;
    assert_eq!(failed["result"]["isError"], true, "{failed}");

    send(json!({
        "jsonrpc": "2.0", "id": 5, "method": "tools/call",
        "params": {"name": "ask", "arguments": {"question": "地域おこし協力隊の予算はいくら?"}}
    }))
    .await;
    let answered = read_response(&mut lines, 5).await;
    let answer = &answered["result"]["structuredContent"];
    assert_eq!(answer["supported"], true, "{answered}");
    assert!(answer["citations"][0]["line_start"].is_u64(), "{answered}");

    // Closing stdin ends the session.
    drop(stdin);
    let status = tokio::time::timeout(Duration::from_secs(30), child.wait())
        .await
        .expect("exits when stdin closes")
        .expect("wait");
    let log = std::fs::read_to_string(stderr.path()).unwrap_or_default();
    assert!(status.success(), "exit {status}; stderr:\n{log}");
    assert!(log.contains("serving MCP over stdio"), "{log}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mcp_questions_are_recorded_like_http_ones() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut log_config = QuestionLogConfig::in_dir(dir.path());
    log_config.client_address = true;
    let log = QuestionLog::open(log_config).expect("log opens");
    let engine = tokio::task::spawn_blocking(common::engine)
        .await
        .expect("engine");
    let state = AppState::shared(engine, shared_config()).with_question_log(log);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    let app = api::app(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });

    let transport = StreamableHttpClientTransport::from_uri(format!("http://{addr}/mcp"));
    let client = ClientConfig::default()
        .serve(transport)
        .await
        .expect("initialize");
    for (name, args) in [
        ("search", json!({"q": "電波利用料"})),
        (
            "ask",
            json!({"question": "地域おこし協力隊の予算はいくら?"}),
        ),
        ("get_node", json!({"id": "no:such-node"})),
    ] {
        client
            .call_tool(CallToolRequestParams::new(name).with_arguments(arguments(args)))
            .await
            .expect("tools/call");
    }
    client.cancel().await.expect("close the session");

    let mut entries = Vec::new();
    for _ in 0..50 {
        let text = std::fs::read_to_string(dir.path().join(LOG_FILE)).unwrap_or_default();
        entries = text
            .lines()
            .filter_map(|l| serde_json::from_str::<Value>(l).ok())
            .collect();
        if entries.len() >= 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(
        entries.len(),
        2,
        "only search and ask are questions: {entries:?}"
    );
    assert_eq!(entries[0]["endpoint"], "search");
    assert_eq!(entries[0]["question"], "電波利用料");
    assert_eq!(entries[1]["endpoint"], "ask");
    assert_eq!(entries[1]["intent"], "budget");
    assert!(
        entries[1]["conversation_id"]
            .as_str()
            .is_some_and(|id| !id.is_empty()),
        "the ask turn names its conversation: {entries:?}"
    );
    assert!(entries[0].get("conversation_id").is_none(), "{entries:?}");
    for entry in &entries {
        assert_eq!(entry["status"], 200, "{entry}");
        assert!(
            entry["client"]
                .as_str()
                .is_some_and(|c| c.starts_with("127.0.0.1")),
            "{entry}"
        );
    }
}
