//! Shared fixtures: an engine built once per test binary from the real seeds into a
//! temporary index, and a real server on an ephemeral loopback port.
#![allow(dead_code)]

use seisaku::api::{self, state::AppState};
use seisaku::engine::{Engine, EngineConfig};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

/// The project root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The admin token test servers are started with; [`get_json`] sends it.
pub const ADMIN_TOKEN: &str = "test-admin-token";

/// A config reading the real seeds, writing its index into `index_dir` (and its library into
/// `index_dir/library`), and sharing one compiled dictionary between test binaries.
pub fn config_in(index_dir: &Path) -> EngineConfig {
    let mut config = EngineConfig::in_dir(root());
    config.index_dir = index_dir.to_path_buf();
    config.library_dir = index_dir.join("library");
    config.dictionary_dir = root().join("target").join("test-dictionary");
    config
}

struct Shared {
    engine: Arc<Engine>,
    config: EngineConfig,
    _dir: tempfile::TempDir,
}

/// Where the builds shared by a test binary go: a static is never dropped, so its directory
/// outlives the run; under `target/` they are not left in the system's temporary directory,
/// and `scripts/test.sh` clears them before each run.
fn shared_builds_dir() -> PathBuf {
    root().join("target").join("test-shared")
}

fn shared() -> &'static Shared {
    static SHARED: OnceLock<Shared> = OnceLock::new();
    SHARED.get_or_init(|| {
        let parent = shared_builds_dir();
        std::fs::create_dir_all(&parent).expect("shared builds directory");
        let dir = tempfile::tempdir_in(&parent).expect("temp dir");
        let config = config_in(dir.path());
        let engine = Engine::open_or_build(&config, &indicatif::ProgressBar::hidden())
            .expect("engine builds from the seeds");
        Shared {
            engine: Arc::new(engine),
            config,
            _dir: dir,
        }
    })
}

/// The engine built once for this test binary.
pub fn engine() -> Arc<Engine> {
    shared().engine.clone()
}

/// Starts a real server on 127.0.0.1:0 over a fresh build in its own directory.
pub async fn spawn_server() -> (SocketAddr, tempfile::TempDir) {
    spawn_server_with(|state| state).await
}

/// Like [`spawn_server`], with the state adjusted by `configure` (limits, tokens).
pub async fn spawn_server_with(
    configure: impl FnOnce(AppState) -> AppState,
) -> (SocketAddr, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = config_in(dir.path());
    let built_config = config.clone();
    let engine = tokio::task::spawn_blocking(move || {
        Engine::open_or_build(&built_config, &indicatif::ProgressBar::hidden())
    })
    .await
    .expect("join")
    .expect("engine builds");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    let app = api::app(configure(
        AppState::new(engine, config).with_admin_token(Some(ADMIN_TOKEN.to_string())),
    ));
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    (addr, dir)
}

/// The shared build's config (for tests that open the same index again).
pub fn shared_config() -> EngineConfig {
    shared().config.clone()
}

/// A real server on 127.0.0.1:0 over the shared engine, started once per test binary on its
/// own runtime thread, so tests that only read can share it.
pub fn shared_server() -> SocketAddr {
    static ADDR: OnceLock<SocketAddr> = OnceLock::new();
    *ADDR.get_or_init(|| {
        let (sender, receiver) = std::sync::mpsc::channel();
        let engine = engine();
        let config = shared_config();
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Runtime::new().expect("runtime");
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                    .await
                    .expect("bind");
                sender
                    .send(listener.local_addr().expect("addr"))
                    .expect("send addr");
                let app = api::app(
                    AppState::shared(engine, config)
                        .with_admin_token(Some(ADMIN_TOKEN.to_string())),
                );
                let _ = axum::serve(listener, app).await;
            });
        });
        receiver.recv().expect("server address")
    })
}

/// GET a path on a server (with the admin token) and parse the JSON body.
pub async fn get_json(
    addr: SocketAddr,
    path: &str,
    params: &[(&str, &str)],
) -> (u16, serde_json::Value) {
    let response = reqwest::Client::new()
        .get(format!("http://{addr}{path}"))
        .bearer_auth(ADMIN_TOKEN)
        .query(params)
        .send()
        .await
        .expect("request");
    let status = response.status().as_u16();
    let body = response.json().await.expect("json body");
    (status, body)
}

/// `POST /documents` with `body` of `content_type`, the query `params` and, when given, the
/// bearer `token`; the status and the JSON body (null when not JSON).
pub async fn post_document(
    addr: SocketAddr,
    body: Vec<u8>,
    content_type: &str,
    params: &[(&str, &str)],
    token: Option<&str>,
) -> (reqwest::StatusCode, serde_json::Value) {
    let mut request = reqwest::Client::new()
        .post(format!("http://{addr}/documents"))
        .header("content-type", content_type)
        .query(params)
        .body(body);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.expect("post");
    let status = response.status();
    let body = response.json().await.unwrap_or(serde_json::Value::Null);
    (status, body)
}

/// Percent-encodes a path segment (document ids may hold any character).
pub fn encode_segment(segment: &str) -> String {
    segment
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// Every indexed passage and node: `(ord, id)` in corpus order.
pub fn indexed(engine: &Engine) -> Vec<(u64, String)> {
    let searcher = engine.index.reader.searcher();
    let addresses = searcher
        .search(
            &tantivy::query::AllQuery,
            &tantivy::collector::DocSetCollector,
        )
        .expect("every document");
    let mut listed: Vec<(u64, String)> = addresses
        .into_iter()
        .map(|address| {
            let stored: tantivy::TantivyDocument = searcher.doc(address).expect("stored document");
            let id = stored
                .get_first(engine.index.fields.id)
                .and_then(|v| tantivy::schema::Value::as_str(&v))
                .expect("id")
                .to_string();
            let ord = searcher
                .segment_reader(address.segment_ord)
                .fast_fields()
                .u64("ord")
                .expect("ord column")
                .first(address.doc_id)
                .expect("ord");
            (ord, id)
        })
        .collect();
    listed.sort();
    listed
}
