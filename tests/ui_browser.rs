//! The web interface in a real browser: Debian's chromium driven through chromedriver
//! (WebDriver) against the real server on an ephemeral loopback port. Each test starts its
//! own chromedriver and browser profile; tests take turns, so that a loaded machine runs one
//! browser at a time. Screenshots go to `target/ui-screenshots/`.

mod common;

use fantoccini::wd::{Capabilities, WebDriverCompatibleCommand};
use fantoccini::{Client, ClientBuilder, Locator};
use futures_util::FutureExt;
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{Value, json};
use std::future::Future;
use std::net::SocketAddr;
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Longest wait for anything the page should show (generous: the machine may be loaded).
const WAIT: Duration = Duration::from_secs(60);
const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// One browser at a time.
static BROWSER: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// A chromedriver process, killed when dropped.
struct Driver {
    child: Child,
    port: u16,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free loopback port")
        .port()
}

async fn start_driver() -> Driver {
    for tool in [CHROMIUM, CHROMEDRIVER] {
        assert!(
            Path::new(tool).exists(),
            "{tool} is missing: run scripts/setup.sh (installs chromium and chromium-driver)"
        );
    }
    let port = free_port();
    let child = Command::new(CHROMEDRIVER)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let driver = Driver { child, port };
    let started = Instant::now();
    let http = reqwest::Client::new();
    loop {
        let ready = http
            .get(format!("http://127.0.0.1:{port}/status"))
            .send()
            .await
            .ok()
            .map(|r| r.json::<Value>());
        if let Some(body) = ready
            && body.await.is_ok_and(|b| b["value"]["ready"] == true)
        {
            return driver;
        }
        assert!(started.elapsed() < WAIT, "chromedriver did not start");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn connect(driver: &Driver, profile: &Path) -> Client {
    let mut capabilities = Capabilities::new();
    capabilities.insert("browserName".into(), json!("chrome"));
    capabilities.insert(
        "goog:chromeOptions".into(),
        json!({
            "binary": CHROMIUM,
            "args": [
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--lang=ja",
                "--window-size=1280,900",
                format!("--user-data-dir={}", profile.display()),
            ]
        }),
    );
    capabilities.insert("goog:loggingPrefs".into(), json!({"browser": "ALL"}));
    ClientBuilder::new(HttpConnector::new())
        .capabilities(capabilities)
        .connect(&format!("http://127.0.0.1:{}", driver.port))
        .await
        .expect("a browser session")
}

/// Runs `test` with a fresh browser; the browser and its driver are closed even when the
/// test fails.
async fn in_browser<F, Fut>(test: F)
where
    F: FnOnce(Client) -> Fut,
    Fut: Future<Output = ()>,
{
    let _turn = BROWSER.lock().await;
    let driver = start_driver().await;
    let profile = tempfile::tempdir().expect("profile dir");
    let client = connect(&driver, profile.path()).await;
    let outcome = AssertUnwindSafe(test(client.clone())).catch_unwind().await;
    let _ = client.close().await;
    drop(driver);
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic);
    }
}

/// chromedriver's browser log (`goog:loggingPrefs`).
#[derive(Debug)]
struct BrowserLog;

impl WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/se/log",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(r#"{"type":"browser"}"#.to_string()),
        )
    }
}

async fn js(client: &Client, script: &str) -> Value {
    client
        .execute(script, Vec::new())
        .await
        .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
}

fn truthy(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|n| n != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(_) => true,
    }
}

/// Waits until `script` (a function body returning a value) returns something truthy.
async fn wait_for(client: &Client, script: &str, what: &str) -> Value {
    let started = Instant::now();
    loop {
        let value = js(client, script).await;
        if truthy(&value) {
            return value;
        }
        if started.elapsed() > WAIT {
            let state = js(
                client,
                "return [location.href, document.body && document.body.dataset.state, \
                 document.getElementById('main') && document.getElementById('main').innerText.slice(0, 600)];",
            )
            .await;
            panic!("timed out waiting for {what}; last value {value}; page {state}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Waits until the page says it has loaded (and not failed).
async fn wait_ready(client: &Client, what: &str) {
    let state = wait_for(
        client,
        "const s = document.body && document.body.dataset.state; \
         return s === 'ready' || s === 'error' ? s : null;",
        what,
    )
    .await;
    if state != "ready" {
        let text = js(client, "return document.getElementById('main').innerText;").await;
        panic!("{what} failed to load: {text}");
    }
}

async fn open(client: &Client, addr: SocketAddr, path: &str) {
    client
        .goto(&format!("http://{addr}{path}"))
        .await
        .unwrap_or_else(|e| panic!("open {path}: {e}"));
    wait_ready(client, path).await;
}

/// Console errors since the last call (browser log at SEVERE), and the errors the page's own
/// error hook recorded.
async fn page_errors(client: &Client) -> Vec<String> {
    let mut errors = Vec::new();
    let log = client
        .issue_cmd(BrowserLog)
        .await
        .expect("the browser log (goog:loggingPrefs)");
    for entry in log.as_array().into_iter().flatten() {
        if entry["level"] == "SEVERE" {
            errors.push(format!("console: {}", entry["message"]));
        }
    }
    let hooked = js(client, "return window.seisakuErrors || null;").await;
    match hooked {
        Value::Array(list) => errors.extend(list.iter().map(|e| format!("onerror: {e}"))),
        other => errors.push(format!("the page's error hook is missing: {other}")),
    }
    errors
}

fn screenshot_dir() -> PathBuf {
    let dir = common::root().join("target").join("ui-screenshots");
    std::fs::create_dir_all(&dir).expect("screenshot dir");
    dir
}

async fn screenshot(client: &Client, name: &str) {
    let png = client.screenshot().await.expect("screenshot");
    assert!(png.starts_with(b"\x89PNG"), "screenshot is a PNG");
    std::fs::write(screenshot_dir().join(format!("{name}.png")), png).expect("write screenshot");
}

fn encode(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

fn path_encode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~:".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn typing_a_query_shows_highlighted_hits_with_citations_facets_and_paging() {
    let addr = common::shared_server();
    let query = "量子暗号通信";
    let (_, api) = common::get_json(addr, "/search", &[("q", query), ("limit", "10")]).await;
    in_browser(|client| async move {
        open(&client, addr, "/ui/").await;
        // Keyboard: "/" moves to the search box.
        client
            .find(Locator::Css("body"))
            .await
            .expect("body")
            .send_keys("/")
            .await
            .expect("keys");
        wait_for(&client, "return document.activeElement && document.activeElement.id === 'q';", "focus on the search box").await;
        let input = client.find(Locator::Id("q")).await.expect("search box");
        input.send_keys(query).await.expect("type");
        // Search as you type: no Enter pressed.
        wait_for(
            &client,
            "return new URLSearchParams(location.search).get('q') === '量子暗号通信' && document.body.dataset.state === 'ready' \
             ? document.querySelectorAll('.hits .hit mark').length : null;",
            "highlighted hits",
        )
        .await;
        let shown = js(
            &client,
            "return {
                q: new URLSearchParams(location.search).get('q'),
                marks: [...document.querySelectorAll('.hits .hit mark')].map(m => m.textContent),
                titles: [...document.querySelectorAll('.hits .hit-title')].map(a => a.textContent),
                cites: [...document.querySelectorAll('.hits .hit .cite')].map(a => a.getAttribute('href')),
                citeText: [...document.querySelectorAll('.hits .hit .cite')].map(a => a.textContent),
                headings: [...document.querySelectorAll('.hits .heading-path')].map(p => p.textContent),
                expansions: [...document.querySelectorAll('.expansion')].map(p => p.textContent),
                status: document.querySelector('.status').textContent,
             };",
        )
        .await;
        assert_eq!(shown["q"], query, "the URL holds the query: {shown}");
        let marks: Vec<&str> = shown["marks"].as_array().expect("marks").iter().filter_map(Value::as_str).collect();
        assert!(marks.iter().any(|m| m.contains("量子暗号")), "highlighted terms: {marks:?}");
        let hits = api["hits"].as_array().expect("api hits");
        assert!(!hits.is_empty());
        let first = &hits[0];
        assert_eq!(shown["titles"][0], first["doc_title"], "{shown}");
        let expected_href = format!(
            "/ui/doc/{}#L{}-{}",
            path_encode(first["doc"].as_str().expect("doc")),
            first["line_start"],
            first["line_end"]
        );
        let expected_href = expected_href.replace(
            &format!("#L{}-{}", first["line_start"], first["line_start"]),
            &format!("#L{}", first["line_start"]),
        );
        assert_eq!(shown["cites"][0], expected_href.as_str(), "{shown}");
        assert!(shown["citeText"][0].as_str().is_some_and(|t| t.ends_with('行')), "{shown}");
        assert!(!shown["headings"].as_array().expect("headings").is_empty(), "{shown}");
        let total = api["total"].as_u64().expect("total");
        assert!(shown["status"].as_str().is_some_and(|s| s.starts_with(&format!("{total} 件"))), "{shown}");
        let expansions = shown["expansions"].to_string();
        assert!(expansions.contains("QKD") && expansions.contains("も検索"), "{expansions}");
        screenshot(&client, "search").await;

        // Facet: node types add node hits with their type.
        client
            .find(Locator::Css("input[name=type][value=theme]"))
            .await
            .expect("theme facet")
            .click()
            .await
            .expect("click");
        let badge = wait_for(
            &client,
            "return new URLSearchParams(location.search).get('type') === 'theme' && document.body.dataset.state === 'ready' \
             && document.querySelector('.node-hit .badge') ? document.querySelector('.node-hit .badge').textContent : null;",
            "node hits of the chosen type",
        )
        .await;
        assert_eq!(badge, "テーマ");

        // Paging.
        client
            .find(Locator::Css(".pager a[rel=next]"))
            .await
            .expect("next page")
            .click()
            .await
            .expect("click");
        let status = wait_for(
            &client,
            "return new URLSearchParams(location.search).get('page') === '2' && document.body.dataset.state === 'ready' \
             ? document.querySelector('.status').textContent : null;",
            "page 2",
        )
        .await;
        assert!(status.as_str().is_some_and(|s| s.contains("11–")), "{status}");

        // Facet: one document.
        let doc = "002_eaad2ea998d35b7e.txt";
        client
            .find(Locator::Css(&format!("input[name=doc][value='{doc}']")))
            .await
            .expect("document facet")
            .click()
            .await
            .expect("click");
        let hrefs = wait_for(
            &client,
            &format!(
                "return new URLSearchParams(location.search).get('doc') === '{doc}' && document.body.dataset.state === 'ready' \
                 ? [...document.querySelectorAll('.hits .hit:not(.node-hit) .cite')].map(a => a.getAttribute('href')) : null;"
            ),
            "hits of one document",
        )
        .await;
        let hrefs = hrefs.as_array().expect("hrefs");
        assert!(!hrefs.is_empty());
        assert!(hrefs.iter().all(|h| h.as_str().is_some_and(|h| h.starts_with(&format!("/ui/doc/{doc}#L")))), "{hrefs:?}");
        assert_eq!(page_errors(&client).await, Vec::<String>::new());
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn clicking_a_citation_lands_on_the_cited_lines() {
    let addr = common::shared_server();
    in_browser(|client| async move {
        open(&client, addr, &format!("/ui/?q={}", encode("地域おこし協力隊 予算"))).await;
        // Pick a hit deep in its document, so that scrolling matters.
        let href = wait_for(
            &client,
            "const links = [...document.querySelectorAll('.hits .hit:not(.node-hit) .cite')]; \
             const deep = links.find(a => Number((a.hash.match(/#L(\\d+)/) || [])[1]) > 60); \
             if (deep) { deep.setAttribute('data-chosen', '1'); return deep.getAttribute('href'); } return null;",
            "a citation",
        )
        .await;
        let href = href.as_str().expect("href").to_string();
        let (doc, span) = href
            .trim_start_matches("/ui/doc/")
            .split_once("#L")
            .expect("a line span");
        let (from, to) = span.split_once('-').unwrap_or((span, span));
        let (from, to): (u32, u32) = (from.parse().expect("from"), to.parse().expect("to"));
        client
            .find(Locator::Css("[data-chosen]"))
            .await
            .expect("chosen citation")
            .click()
            .await
            .expect("click");
        wait_ready(&client, "the viewer").await;
        let seen = wait_for(
            &client,
            "const rows = [...document.querySelectorAll('.line.hl')]; if (!rows.length) return null; \
             const r = rows[0].getBoundingClientRect(); \
             return {path: location.pathname, ids: rows.map(e => e.id), \
                     texts: rows.map(e => e.querySelector('.text').textContent), \
                     top: r.top, bottom: r.bottom, height: innerHeight, \
                     focused: document.activeElement === rows[0]};",
            "highlighted lines",
        )
        .await;
        assert_eq!(seen["path"], format!("/ui/doc/{doc}"), "{seen}");
        let ids: Vec<String> = (from..=to).map(|n| format!("L{n}")).collect();
        assert_eq!(seen["ids"], json!(ids), "{seen}");
        let top = seen["top"].as_f64().expect("top");
        let bottom = seen["bottom"].as_f64().expect("bottom");
        let height = seen["height"].as_f64().expect("height");
        assert!(top >= 0.0 && bottom <= height, "the cited line is in view: {seen}");
        assert_eq!(seen["focused"], true, "{seen}");
        // The highlighted text is the document's text at those lines.
        let (_, lines) = common::get_json(
            addr,
            &format!("/documents/{doc}/lines"),
            &[("from", &from.to_string()), ("to", &to.to_string())],
        )
        .await;
        let expected: Vec<String> = lines["lines"]
            .as_array()
            .expect("lines")
            .iter()
            .map(|l| {
                let text = l["text"].as_str().unwrap_or_default();
                if text.is_empty() { "\u{a0}".to_string() } else { text.to_string() }
            })
            .collect();
        assert_eq!(seen["texts"], json!(expected));
        screenshot(&client, "viewer").await;

        // A range in the URL, opened directly.
        open(&client, addr, "/ui/doc/004_ffbb1bb57b30ee70.txt#L300-303").await;
        let range = wait_for(
            &client,
            "const rows = [...document.querySelectorAll('.line.hl')]; \
             const r = rows.length && rows[0].getBoundingClientRect(); \
             return rows.length ? {ids: rows.map(e => e.id), inView: r.top >= 0 && r.bottom <= innerHeight} : null;",
            "a highlighted range",
        )
        .await;
        assert_eq!(range["ids"], json!(["L300", "L301", "L302", "L303"]));
        assert_eq!(range["inView"], true, "{range}");
        // Clicking a line number moves the highlight.
        client
            .find(Locator::Css("a.ln[data-line='305']"))
            .await
            .expect("line number")
            .click()
            .await
            .expect("click");
        let moved = wait_for(
            &client,
            "const rows = [...document.querySelectorAll('.line.hl')]; \
             return location.hash === '#L305' && rows.length === 1 ? rows[0].id : null;",
            "the highlight to move",
        )
        .await;
        assert_eq!(moved, "L305");
        assert_eq!(page_errors(&client).await, Vec::<String>::new());
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_node_page_draws_its_neighbours_and_moves_on_click() {
    let addr = common::shared_server();
    let (_, found) =
        common::get_json(addr, "/nodes", &[("q", "量子暗号通信"), ("type", "theme")]).await;
    let id = found["nodes"][0]["id"]
        .as_str()
        .expect("a theme node")
        .to_string();
    let (_, near) = common::get_json(
        addr,
        &format!("/nodes/{}/neighbors", path_encode(&id)),
        &[("depth", "1"), ("limit", "80")],
    )
    .await;
    let names: Vec<String> = near["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .filter_map(|n| n["name"].as_str().map(str::to_string))
        .collect();
    assert!(names.len() > 3, "{names:?}");
    let (_, detail) = common::get_json(addr, &format!("/nodes/{}", path_encode(&id)), &[]).await;
    in_browser(|client| async move {
        open(&client, addr, &format!("/ui/node/{}", path_encode(&id))).await;
        let drawn = wait_for(
            &client,
            "const nodes = [...document.querySelectorAll('svg.graph a.gnode')]; \
             return nodes.length ? {titles: nodes.map(n => n.querySelector('title').textContent), \
                                    labels: nodes.map(n => n.querySelector('text').textContent), \
                                    edges: document.querySelectorAll('svg.graph line.edge').length, \
                                    h1: document.querySelector('h1').textContent, \
                                    groups: [...document.querySelectorAll('.edge-group h3')].map(h => h.textContent), \
                                    sources: document.querySelectorAll('.sources .cite').length} : null;",
            "the graph",
        )
        .await;
        assert_eq!(drawn["h1"], detail["name"]);
        let titles: Vec<&str> = drawn["titles"].as_array().expect("titles").iter().filter_map(Value::as_str).collect();
        assert_eq!(titles.len(), names.len(), "{titles:?}");
        for name in &names {
            assert!(titles.iter().any(|t| t.starts_with(name.as_str())), "{name} is drawn: {titles:?}");
        }
        let labels = drawn["labels"].to_string();
        assert!(labels.contains(detail["name"].as_str().expect("name")), "{labels}");
        assert!(drawn["edges"].as_u64().is_some_and(|e| e as usize >= names.len() - 1), "{drawn}");
        let rels: std::collections::BTreeSet<&str> = detail["edges"]
            .as_array()
            .expect("edges")
            .iter()
            .filter_map(|e| e["rel"].as_str())
            .collect();
        let groups = drawn["groups"].to_string();
        for rel in rels {
            assert!(groups.contains(rel), "edges grouped by {rel}: {groups}");
        }
        assert_eq!(
            drawn["sources"].as_u64(),
            detail["sources"].as_array().map(|s| s.len() as u64),
            "sources link to the viewer"
        );
        screenshot(&client, "node").await;

        // Depth 2 reaches further.
        client
            .find(Locator::Css("button.depth:nth-child(2)"))
            .await
            .expect("depth 2")
            .click()
            .await
            .expect("click");
        let count = wait_for(
            &client,
            &format!(
                "const n = document.querySelectorAll('svg.graph a.gnode').length; \
                 return document.body.dataset.state === 'ready' && n > {} ? n : null;",
                names.len()
            ),
            "the depth-2 graph",
        )
        .await;
        assert!(count.as_u64().is_some_and(|n| n as usize > names.len()));
        assert_eq!(page_errors(&client).await, Vec::<String>::new());

        // Clicking a neighbour moves to its page.
        client
            .find(Locator::Css("button.depth:nth-child(1)"))
            .await
            .expect("depth 1")
            .click()
            .await
            .expect("click");
        let target = wait_for(
            &client,
            &format!(
                "const n = [...document.querySelectorAll('svg.graph a.gnode:not(.centre)')]; \
                 return document.body.dataset.state === 'ready' && n.length === {} ? n[0].dataset.id : null;",
                names.len() - 1
            ),
            "the depth-1 graph again",
        )
        .await;
        let target = target.as_str().expect("id").to_string();
        client
            .find(Locator::Css("svg.graph a.gnode:not(.centre) circle"))
            .await
            .expect("a neighbour")
            .click()
            .await
            .expect("click");
        wait_for(
            &client,
            &format!(
                "return location.pathname === '/ui/node/' + encodeURIComponent({}) && document.body.dataset.state === 'ready' \
                 && document.querySelector('svg.graph a.gnode.centre');",
                json!(target)
            ),
            "the neighbour's page",
        )
        .await;
        let centre = js(&client, "return document.querySelector('svg.graph a.gnode.centre').dataset.id;").await;
        assert_eq!(centre, target.as_str());
        assert_eq!(page_errors(&client).await, Vec::<String>::new());
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_budgets_page_shows_exact_amounts_subtotals_and_exclusions() {
    let addr = common::shared_server();
    let (_, api) = common::get_json(
        addr,
        "/budgets",
        &[("q", "地域おこし協力隊"), ("limit", "50")],
    )
    .await;
    let items = api["items"].as_array().expect("items").clone();
    assert!(!items.is_empty());
    in_browser(|client| async move {
        open(&client, addr, &format!("/ui/budgets?q={}", encode("地域おこし協力隊"))).await;
        let shown = js(
            &client,
            "return {rows: [...document.querySelectorAll('table.budget-items tbody tr')].map(r => [...r.cells].map(c => c.textContent)), \
                     subtotals: document.querySelectorAll('table.subtotals tbody tr').length, \
                     bars: document.querySelectorAll('.chart rect').length, \
                     barLabels: [...document.querySelectorAll('.chart .bar-value')].map(t => t.textContent), \
                     excluded: document.querySelectorAll('.excluded li').length};",
        )
        .await;
        let rows = shown["rows"].as_array().expect("rows");
        assert_eq!(rows.len(), items.len(), "{shown}");
        for (row, item) in rows.iter().zip(&items) {
            assert_eq!(row[0].as_str().map(|s| s.starts_with(item["item"].as_str().unwrap_or("?"))), Some(true), "{row}");
            if let Some(amount) = item["amount_oku_yen"].as_str() {
                let cell = row[1].as_str().unwrap_or_default().replace(',', "");
                assert_eq!(cell, amount, "exact amount: {row}");
                let yen = row[2].as_str().unwrap_or_default().replace(',', "");
                assert_eq!(yen, item["amount_yen"].as_str().unwrap_or("?"), "{row}");
            }
        }
        let subtotals = api["subtotals"].as_array().expect("subtotals");
        assert_eq!(shown["subtotals"].as_u64(), Some(subtotals.len() as u64));
        assert_eq!(shown["bars"].as_u64(), Some(subtotals.len() as u64));
        for subtotal in subtotals {
            let total = subtotal["total_oku_yen"].as_str().expect("total");
            assert!(
                shown["barLabels"].as_array().expect("labels").iter().any(|l| l.as_str().is_some_and(|l| l.replace(',', "") == format!("{total}億円"))),
                "bar labelled {total}: {shown}"
            );
        }
        assert_eq!(shown["excluded"].as_u64(), api["excluded"].as_array().map(|e| e.len() as u64));
        screenshot(&client, "budgets").await;

        // Filters from the form end up in the URL and the table.
        let fy = client.find(Locator::Css("input[name=fy]")).await.expect("fy");
        fy.send_keys("R8").await.expect("type");
        client
            .find(Locator::Css("form.filters button[type=submit]"))
            .await
            .expect("submit")
            .click()
            .await
            .expect("click");
        let fys = wait_for(
            &client,
            "return new URLSearchParams(location.search).get('fy') === 'R8' && document.body.dataset.state === 'ready' \
             ? [...document.querySelectorAll('table.budget-items tbody tr td:nth-child(4)')].map(c => c.textContent) : null;",
            "the filtered table",
        )
        .await;
        let fys = fys.as_array().expect("years");
        assert!(!fys.is_empty());
        assert!(fys.iter().all(|f| f.as_str().is_some_and(|f| f.starts_with("令和8年度"))), "{fys:?}");
        assert_eq!(page_errors(&client).await, Vec::<String>::new());
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn asking_a_question_shows_the_cited_answer_and_follow_ups() {
    let addr = common::shared_server();
    let question = "地域おこし協力隊の予算はいくら?";
    let api: Value = reqwest::Client::new()
        .post(format!("http://{addr}/ask"))
        .json(&json!({"question": question}))
        .send()
        .await
        .expect("ask")
        .json()
        .await
        .expect("json");
    assert_eq!(api["supported"], true, "{api}");
    in_browser(|client| async move {
        open(&client, addr, "/ui/ask").await;
        let input = client.find(Locator::Id("question")).await.expect("question box");
        input.send_keys(question).await.expect("type");
        input.send_keys("\u{E007}").await.expect("enter");
        let shown = wait_for(
            &client,
            "const a = document.querySelector('.turn.answer:not(.pending)'); \
             return a ? {text: a.querySelector('.answer-text').textContent, \
                         question: document.querySelector('.turn.question').textContent, \
                         cites: [...a.querySelectorAll('.citations a.cite')].map(c => c.getAttribute('href')), \
                         follow: [...a.querySelectorAll('.follow-ups button')].map(b => b.textContent), \
                         url: location.search} : null;",
            "the answer",
        )
        .await;
        assert_eq!(shown["question"], question);
        assert_eq!(shown["text"], api["answer"], "{shown}");
        let citations = api["citations"].as_array().expect("citations");
        let cites = shown["cites"].as_array().expect("cites");
        assert_eq!(cites.len(), citations.len());
        for (href, citation) in cites.iter().zip(citations) {
            let start = &citation["line_start"];
            assert!(
                href.as_str().is_some_and(|h| h.starts_with(&format!("/ui/doc/{}#L{start}", path_encode(citation["doc"].as_str().unwrap_or("?"))))),
                "{href} cites {citation}"
            );
        }
        let follow_ups = api["follow_ups"].as_array().map(Vec::len).unwrap_or(0);
        assert_eq!(shown["follow"].as_array().map(Vec::len), Some(follow_ups));
        assert!(shown["url"].as_str().is_some_and(|u| u.starts_with("?q=")), "{shown}");
        screenshot(&client, "ask").await;

        // A citation opens the viewer at the cited lines.
        let first = cites[0].as_str().expect("href").to_string();
        if follow_ups > 0 {
            client
                .find(Locator::Css(".follow-ups button"))
                .await
                .expect("follow-up")
                .click()
                .await
                .expect("click");
            wait_for(
                &client,
                "return document.querySelectorAll('.turn.answer:not(.pending)').length === 2 && document.body.dataset.state === 'ready';",
                "the second answer",
            )
            .await;
            // The conversation survives a reload of the page.
            client.refresh().await.expect("reload");
            wait_ready(&client, "the reloaded conversation").await;
            let turns = js(&client, "return document.querySelectorAll('.turn.question').length;").await;
            assert_eq!(turns, 2);
        }
        client
            .find(Locator::Css(&format!(".citations a.cite[href='{first}']")))
            .await
            .expect("citation link")
            .click()
            .await
            .expect("click");
        wait_ready(&client, "the viewer").await;
        wait_for(&client, "return document.querySelectorAll('.line.hl').length;", "the cited lines").await;
        assert_eq!(page_errors(&client).await, Vec::<String>::new());
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_loads_without_errors_on_desktop_and_phone() {
    let addr = common::shared_server();
    let (_, menu) = common::get_json(addr, "/browse", &[]).await;
    let theme = menu["entries"][0]["id"]
        .as_str()
        .expect("a theme")
        .to_string();
    let pages = vec![
        ("search-empty", "/ui/".to_string()),
        (
            "search",
            format!("/ui/?q={}&type=theme,measure", encode("Beyond 5G")),
        ),
        // Nothing searchable: a hint, not a refused request.
        ("search-symbols", format!("/ui/?q={}", encode("「」"))),
        (
            "viewer",
            "/ui/doc/002_eaad2ea998d35b7e.txt#L80-82".to_string(),
        ),
        ("node", format!("/ui/node/{}", path_encode(&theme))),
        ("budgets", "/ui/budgets".to_string()),
        (
            "budgets-under",
            format!("/ui/budgets?under={}&fy=R8", encode(&theme)),
        ),
        (
            "ask",
            format!("/ui/ask?q={}", encode("消防の予算はいくら?")),
        ),
        ("browse", "/ui/browse".to_string()),
        ("browse-node", format!("/ui/browse?node={}", encode(&theme))),
        ("documents", "/ui/documents".to_string()),
    ];
    in_browser(|client| async move {
        for (width, height, device) in [(1280, 900, "desktop"), (390, 844, "phone")] {
            client.set_window_size(width, height).await.expect("window size");
            for (name, path) in &pages {
                open(&client, addr, path).await;
                let layout = js(
                    &client,
                    "return {overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth, \
                             main: document.getElementById('main').innerText.length, \
                             nav: document.querySelectorAll('[aria-current=page]').length};",
                )
                .await;
                assert!(layout["overflow"].as_i64().is_some_and(|o| o <= 1), "{device} {path} is wider than the screen: {layout}");
                assert!(layout["main"].as_u64().is_some_and(|n| n > 20), "{device} {path} shows content: {layout}");
                screenshot(&client, &format!("{device}-{name}")).await;
                let errors = page_errors(&client).await;
                assert!(errors.is_empty(), "{device} {path}: {errors:?}");
            }
        }
        // Both channels really report: a console error and an uncaught exception are seen.
        js(
            &client,
            "console.error('console channel check'); setTimeout(() => { throw new Error('hook channel check'); }, 0); return null;",
        )
        .await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let errors = page_errors(&client).await.join("\n");
        assert!(errors.contains("console channel check"), "{errors}");
        // (A script injected by the driver counts as another origin: its message is muted.)
        assert!(errors.contains("onerror: \""), "{errors}");
        let banner = js(&client, "return document.getElementById('app-errors').hidden ? null : document.getElementById('app-errors').textContent;").await;
        assert!(banner.as_str().is_some_and(|b| b.contains("問題が発生しました")), "{banner}");
        // An API error is shown as a readable message, not a console error or a blank page.
        client.set_window_size(1280, 900).await.expect("window size");
        client
            .goto(&format!("http://{addr}/ui/node/{}", path_encode("theme:存在しないノード")))
            .await
            .expect("open");
        let message = wait_for(
            &client,
            "return document.body.dataset.state === 'error' ? document.querySelector('.error').textContent : null;",
            "an error message",
        )
        .await;
        assert!(message.as_str().is_some_and(|m| m.contains("見つかりませんでした")), "{message}");
    })
    .await;
}

/// A seeds directory with the real seeds and one hostile document of kind `other`.
fn hostile_seeds(dir: &Path) -> PathBuf {
    let seeds = dir.join("seeds");
    std::fs::create_dir_all(&seeds).expect("seeds dir");
    for entry in std::fs::read_dir(common::root().join("seeds")).expect("seeds") {
        let path = entry.expect("entry").path();
        if path.is_file() {
            std::fs::copy(&path, seeds.join(path.file_name().expect("name"))).expect("copy seed");
        }
    }
    let manifest = std::fs::read_to_string(seeds.join("manifest.toml")).expect("manifest");
    let manifest = format!(
        "{manifest}\n[[document]]\nfile = \"{HOSTILE_FILE}\"\n\
         title = \"<img src=x onerror=\\\"window.__pwned='title'\\\">危険な文書<script>window.__pwned='title2'</script>\"\n\
         publisher = \"<b onmouseover=\\\"window.__pwned='publisher'\\\">毒見省</b>\"\ndate = \"2026-01\"\nkind = \"other\"\n"
    );
    std::fs::write(seeds.join("manifest.toml"), manifest).expect("write manifest");
    std::fs::write(seeds.join(HOSTILE_FILE), HOSTILE_TEXT).expect("write hostile document");
    seeds
}

const HOSTILE_FILE: &str = "999_hostile.txt";
const HOSTILE_TEXT: &str = "毒見試験の文書\n\
\n\
1. 毒見施策 <script>window.__pwned = 'script'; document.title = 'pwned'</script>\n\
<img src=x onerror=\"window.__pwned='img'; document.title='pwned'\"> 毒見画像\n\
<svg onload=\"window.__pwned='svg'\"></svg> 毒見図\n\
<a href=\"javascript:window.__pwned='link'\">毒見リンク</a>\n\
[毒見マークダウン](javascript:window.__pwned='markdown')\n\
javascript:window.__pwned='text' 毒見テキスト\n\
<iframe srcdoc=\"<script>parent.__pwned='iframe'</script>\"></iframe> 毒見枠\n\
毒見予算 5億円 &lt;mark&gt;偽の強調&lt;/mark&gt; <mark onclick=\"window.__pwned='mark'\">毒見</mark>\n";

/// Checks that nothing of the hostile text ran or became markup, and that it is visible as text.
async fn assert_inert(client: &Client, what: &str, visible: &str) {
    let report = js(
        client,
        "return {pwned: window.__pwned === undefined ? null : String(window.__pwned), \
                 title: document.title, \
                 elements: document.querySelectorAll('main img, main iframe, main object, main embed, main svg:not(.graph):not([role]), main script, main b').length, \
                 handlers: [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length, \
                 jsLinks: [...document.querySelectorAll('a[href]')].filter(a => /^\\s*javascript:/i.test(a.getAttribute('href'))).length, \
                 scripts: [...document.scripts].filter(s => !s.src || new URL(s.src).pathname.indexOf('/ui/assets/') !== 0).length, \
                 marks: [...document.querySelectorAll('mark')].filter(m => m.attributes.length).length, \
                 text: document.body.innerText};",
    )
    .await;
    assert_eq!(report["pwned"], Value::Null, "{what}: a payload ran");
    assert_ne!(report["title"], "pwned", "{what}");
    for key in ["elements", "handlers", "jsLinks", "scripts", "marks"] {
        assert_eq!(report[key], 0, "{what}: {key} {}", report[key]);
    }
    assert!(
        report["text"].as_str().is_some_and(|t| t.contains(visible)),
        "{what}: the hostile text is shown as text ({visible:?} missing)"
    );
    let errors = page_errors(client).await;
    assert!(errors.is_empty(), "{what}: {errors:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_document_text_never_runs() {
    let dir = tempfile::tempdir().expect("temp dir");
    let seeds = hostile_seeds(dir.path());
    let mut config = common::config_in(&dir.path().join("index"));
    config.seeds_dir = seeds;
    let built = config.clone();
    let engine = tokio::task::spawn_blocking(move || {
        seisaku::engine::Engine::open_or_build(&built, &indicatif::ProgressBar::hidden())
    })
    .await
    .expect("join")
    .expect("the engine builds with the hostile document");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    let app = seisaku::api::app(seisaku::api::state::AppState::new(engine, config));
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    // The hostile text is searchable, so the search page shows it in snippets.
    let (_, api) = common::get_json(addr, "/search", &[("q", "毒見画像")]).await;
    assert_eq!(api["hits"][0]["doc"], HOSTILE_FILE, "{api}");
    let (_, docs) =
        common::get_json(addr, "/nodes", &[("type", "document"), ("limit", "100")]).await;
    let hostile_node = docs["nodes"]
        .as_array()
        .expect("document nodes")
        .iter()
        .find(|n| {
            n["name"]
                .as_str()
                .is_some_and(|name| name.contains("hostile") || name.contains("危険"))
        })
        .and_then(|n| n["id"].as_str())
        .map(str::to_string);
    in_browser(|client| async move {
        open(
            &client,
            addr,
            &format!("/ui/?q={}", encode("毒見画像 毒見リンク 毒見予算 毒見施策")),
        )
        .await;
        wait_for(
            &client,
            "return document.querySelectorAll('.hits .hit mark').length;",
            "hits",
        )
        .await;
        screenshot(&client, "hostile-search").await;
        assert_inert(&client, "search", "<img src=x onerror=").await;

        let hostile_query = "<img src=x onerror=\"window.__pwned='query'\">毒見";
        open(&client, addr, &format!("/ui/?q={}", encode(hostile_query))).await;
        assert_inert(&client, "hostile query", "<img src=x onerror=").await;

        open(&client, addr, &format!("/ui/doc/{HOSTILE_FILE}#L3-10")).await;
        wait_for(
            &client,
            "return document.querySelectorAll('.line.hl').length === 8;",
            "highlighted hostile lines",
        )
        .await;
        screenshot(&client, "hostile-viewer").await;
        assert_inert(&client, "viewer", "<script>window.__pwned = 'script'").await;
        // The javascript: text is not a link; its line number is the only link on the line.
        let links = js(
            &client,
            "return document.getElementById('L8').querySelectorAll('a').length;",
        )
        .await;
        assert_eq!(links, 1);

        open(&client, addr, "/ui/documents").await;
        assert_inert(&client, "documents", "<img src=x onerror=").await;

        if let Some(id) = &hostile_node {
            open(&client, addr, &format!("/ui/node/{}", path_encode(id))).await;
            wait_for(
                &client,
                "return document.querySelector('svg.graph');",
                "the graph",
            )
            .await;
            assert_inert(&client, "node", "<script>").await;
        }

        open(
            &client,
            addr,
            &format!(
                "/ui/ask?q={}",
                encode(&format!("{hostile_query}の予算はいくら?"))
            ),
        )
        .await;
        assert_inert(&client, "ask", "<img src=x onerror=").await;

        open(
            &client,
            addr,
            &format!(
                "/ui/budgets?q={}",
                encode("<script>window.__pwned='budgets'</script>")
            ),
        )
        .await;
        assert_inert(&client, "budgets", "予算").await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn documents_are_added_and_removed_with_the_admin_token() {
    let (addr, _server_dir) = common::spawn_server().await;
    let files = tempfile::tempdir().expect("temp dir");
    let path = files.path().join("防災訓練メモ.md");
    std::fs::write(
        &path,
        "# 地域防災訓練の試験文書\n\n令和8年度 防災訓練推進事業 1.2億円\n\n- 避難所の運営訓練\n- 要配慮者の避難支援\n",
    )
    .expect("write the document");
    let path = path.to_str().expect("utf-8 path").to_string();
    in_browser(|client| async move {
        open(&client, addr, "/ui/documents").await;
        wait_for(&client, "return document.querySelector('.upload:not([hidden]) form') ? true : null;", "the upload form").await;
        let rows_before = js(&client, "return document.querySelectorAll('table.documents tbody tr').length;").await;
        client.find(Locator::Css("input[name=file]")).await.expect("file").send_keys(&path).await.expect("choose file");
        let token = client.find(Locator::Css("input[name=token]")).await.expect("token");
        token.send_keys("not-the-token").await.expect("type");
        let submit = "form.filters button[type=submit]";
        client.find(Locator::Css(submit)).await.expect("submit").click().await.expect("click");
        let refused = wait_for(
            &client,
            "const e = document.querySelector('.upload-result .error'); return e ? e.textContent : null;",
            "the refusal",
        )
        .await;
        assert!(refused.as_str().is_some_and(|m| m.contains("管理者トークンが正しくありません")), "{refused}");
        // The browser logs the refused request itself; nothing else may be logged.
        for error in page_errors(&client).await {
            assert!(error.starts_with("console:") && error.contains("401"), "{error}");
        }
        token.clear().await.expect("clear");
        token.send_keys(common::ADMIN_TOKEN).await.expect("type");
        client.find(Locator::Css(submit)).await.expect("submit").click().await.expect("click");
        let added = wait_for(
            &client,
            "const a = document.querySelector('.upload-result .ok a'); return a ? a.getAttribute('href') : null;",
            "the added document",
        )
        .await;
        let added = added.as_str().expect("href").to_string();
        assert!(added.starts_with("/ui/doc/"), "{added}");
        let rows = wait_for(
            &client,
            &format!(
                "const n = document.querySelectorAll('table.documents tbody tr').length; return n === {rows_before} + 1 ? n : null;"
            ),
            "the new row",
        )
        .await;
        assert!(rows.as_u64().is_some());
        screenshot(&client, "documents-added").await;
        assert_eq!(page_errors(&client).await, Vec::<String>::new());

        // The added document opens in the viewer and is searchable.
        open(&client, addr, &added).await;
        let text = js(&client, "return document.querySelector('.lines').innerText;").await;
        assert!(text.as_str().is_some_and(|t| t.contains("防災訓練推進事業")), "{text}");
        open(&client, addr, &format!("/ui/?q={}", encode("防災訓練推進事業"))).await;
        let first = wait_for(&client, "const a = document.querySelector('.hits .hit-title'); return a ? a.getAttribute('href') : null;", "a hit").await;
        assert!(first.as_str().is_some_and(|h| h.starts_with(added.as_str())), "{first} from {added}");

        // Removed again, after confirming.
        open(&client, addr, "/ui/documents").await;
        wait_for(&client, "return document.querySelector('.upload:not([hidden]) form') ? true : null;", "the upload form").await;
        client
            .find(Locator::Css("input[name=token]"))
            .await
            .expect("token")
            .send_keys(common::ADMIN_TOKEN)
            .await
            .expect("type");
        client
            .find(Locator::XPath("//table[contains(@class,'documents')]//button[text()='削除']"))
            .await
            .expect("a remove button")
            .click()
            .await
            .expect("click");
        client.accept_alert().await.expect("confirm");
        wait_for(
            &client,
            &format!("return document.querySelectorAll('table.documents tbody tr').length === {rows_before};"),
            "the row to go",
        )
        .await;
        assert_eq!(page_errors(&client).await, Vec::<String>::new());
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_indicator_page_lists_its_actuals_and_target_by_year() {
    let addr = common::shared_server();
    let (_, found) =
        common::get_json(addr, "/nodes", &[("type", "indicator"), ("limit", "100")]).await;
    let mut chosen = None;
    for node in found["nodes"].as_array().expect("nodes") {
        let id = node["id"].as_str().expect("id");
        let (_, detail) = common::get_json(addr, &format!("/nodes/{}", path_encode(id)), &[]).await;
        let props = &detail["props"];
        if props["actuals"].as_object().is_some_and(|a| !a.is_empty())
            && props["target_year"].is_u64()
        {
            chosen = Some((id.to_string(), detail));
            break;
        }
    }
    let (id, detail) = chosen.expect("an indicator with actuals and a target year");
    let (year, value) = detail["props"]["actuals"]
        .as_object()
        .and_then(|a| a.iter().next())
        .map(|(y, v)| (y.clone(), v.as_str().unwrap_or_default().to_string()))
        .expect("an actual");
    in_browser(|client| async move {
        open(&client, addr, &format!("/ui/node/{}", path_encode(&id))).await;
        let rows = wait_for(
            &client,
            "const rows = [...document.querySelectorAll('table.props tr')]; \
             return rows.length ? rows.map(r => r.textContent) : null;",
            "the property table",
        )
        .await;
        let rows = rows.to_string();
        assert!(rows.contains(&format!("{year}年度")), "{rows}");
        assert!(rows.contains(&value), "{rows}");
        assert!(rows.contains("目標年度"), "{rows}");
        assert!(!rows.contains("{\\\""), "values are not raw JSON: {rows}");
        assert_eq!(page_errors(&client).await, Vec::<String>::new());
    })
    .await;
}
