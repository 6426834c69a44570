//! The library from the command line with the real binary: `add`, `documents`, `remove`;
//! a `kill -9` during an add leaves a consistent library and a serving index; a running
//! server picks up what `seisaku add` added.

mod common;

use seisaku::api::{self, state::AppState};
use seisaku::engine::Engine;
use seisaku::library::Library;
use seisaku::search::SearchRequest;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn seisaku(dir: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_seisaku"));
    command
        .current_dir(common::root())
        .env("SEISAKU_INDEX", dir)
        .env("SEISAKU_LIBRARY", dir.join("library"))
        .env(
            "SEISAKU_DICTIONARY",
            common::root().join("target").join("test-dictionary"),
        )
        .env("RUST_LOG", "error");
    command
}

fn run(dir: &Path, args: &[&str]) -> Output {
    seisaku(dir).args(args).output().expect("run seisaku")
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

fn found(engine: &Engine, q: &str, doc: &str) -> bool {
    engine
        .search(&SearchRequest {
            q: q.into(),
            limit: 10,
            passages: true,
            ..SearchRequest::default()
        })
        .map(|outcome| outcome.page.hits.iter().any(|h| h.doc == doc))
        .unwrap_or(false)
}

#[test]
fn add_list_search_and_remove_from_the_command_line() {
    let dir = tempfile::tempdir().expect("dir");
    let files = tempfile::tempdir().expect("files");
    let markdown = files.path().join("雪崩対策.md");
    std::fs::write(
        &markdown,
        "# 雪崩観測網の整備について\n\n令和7年11月\n\n山間部の雪崩観測網を整備する。\n",
    )
    .expect("write");
    let plain = files.path().join("notes.txt");
    std::fs::write(
        &plain,
        "棚田地域の通信環境\n棚田地域の不感地帯を解消する。\n",
    )
    .expect("write");

    let added = run(
        dir.path(),
        &[
            "add",
            markdown.to_str().expect("path"),
            plain.to_str().expect("path"),
            "--publisher",
            "総務省",
        ],
    );
    assert!(added.status.success(), "{}", text(&added));
    assert!(
        text(&added).contains("added 雪崩対策.md"),
        "{}",
        text(&added)
    );

    let listed = run(dir.path(), &["documents"]);
    assert!(listed.status.success(), "{}", text(&listed));
    let listing = text(&listed);
    assert_eq!(
        listing.lines().filter(|l| l.contains("\tseed\t")).count(),
        5
    );
    assert!(
        listing.contains("雪崩対策.md\tlibrary\tmarkdown"),
        "{listing}"
    );
    assert!(listing.contains("notes.txt\tlibrary\ttext"), "{listing}");
    assert!(listing.contains("雪崩観測網の整備について"), "{listing}");

    let searched = run(dir.path(), &["search", "雪崩観測網"]);
    assert!(
        text(&searched).contains("[雪崩対策.md:"),
        "{}",
        text(&searched)
    );

    let again = run(dir.path(), &["add", markdown.to_str().expect("path")]);
    assert!(!again.status.success());
    assert!(
        text(&again).contains("already in the corpus as \"雪崩対策.md\""),
        "{}",
        text(&again)
    );

    let seed = run(dir.path(), &["remove", "001_6acfb621c14eea34.txt"]);
    assert!(!seed.status.success());
    assert!(text(&seed).contains("seed document"), "{}", text(&seed));

    let removed = run(dir.path(), &["remove", "雪崩対策.md"]);
    assert!(removed.status.success(), "{}", text(&removed));
    let listing = text(&run(dir.path(), &["documents"]));
    assert!(!listing.contains("雪崩対策.md"), "{listing}");
    assert!(listing.contains("notes.txt"), "{listing}");
    let entries = Library::new(dir.path().join("library"))
        .entries()
        .expect("manifest");
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].id, "notes.txt");
    assert_eq!(entries[0].publisher, "総務省");
}

/// A text document of about 400 kB with a marker that no other document contains.
fn large_document(marker: &str) -> String {
    let seed = std::fs::read_to_string(common::root().join("seeds/003_d473122111bbb5a2.txt"))
        .expect("seed");
    let mut text = format!("{marker}についての資料\n");
    while text.len() < 400_000 {
        text.push_str(&seed);
    }
    text.push_str(&format!("\n{marker}の取組を推進する。\n"));
    text
}

#[test]
fn killing_an_add_midway_leaves_a_consistent_library_and_a_serving_index() {
    let dir = tempfile::tempdir().expect("dir");
    let files = tempfile::tempdir().expect("files");
    let config = common::config_in(dir.path());
    let hidden = indicatif::ProgressBar::hidden();
    Engine::open_or_build(&config, &hidden).expect("first build");
    let library = Library::new(&config.library_dir);
    let markers = ["第一標識語", "第二標識語", "第三標識語"];
    // Killed at moments after the add started writing the library: while staging, while
    // deriving the index, while publishing.
    for (delay_ms, marker) in [0u64, 150, 1_000].into_iter().zip(markers) {
        let file = files.path().join(format!("{marker}.txt"));
        std::fs::write(&file, large_document(marker)).expect("write");
        let mut child = seisaku(dir.path())
            .arg("add")
            .arg(&file)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn add");
        let id = format!("{marker}.txt");
        let started = Instant::now();
        while !library.root().join(".staging").join(&id).exists()
            && !library.root().join("docs").join(&id).exists()
            && child.try_wait().ok().flatten().is_none()
            && started.elapsed() < Duration::from_secs(120)
        {
            std::thread::sleep(Duration::from_millis(2));
        }
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();

        let current = std::fs::read_to_string(dir.path().join("CURRENT")).expect("CURRENT");
        assert!(
            dir.path()
                .join("builds")
                .join(current.trim())
                .join("meta.json")
                .is_file(),
            "CURRENT names an incomplete build after a kill at {delay_ms} ms"
        );
        for entry in library.entries().expect("the manifest stays readable") {
            assert!(
                library.original_path(&entry.id).is_file(),
                "{} is in the manifest without its file",
                entry.id
            );
        }
        // The next start finishes or discards the interrupted add.
        let engine = Engine::open_or_build(&config, &hidden).expect("opens after a kill");
        let entries = library.entries().expect("manifest");
        let stored: Vec<String> = std::fs::read_dir(library.root().join("docs"))
            .map(|d| {
                d.flatten()
                    .map(|e| e.file_name().to_string_lossy().to_string())
                    .collect()
            })
            .unwrap_or_default();
        assert_eq!(stored.len(), entries.len(), "no orphan files: {stored:?}");
        let staging = std::fs::read_dir(library.root().join(".staging"))
            .map(|d| d.count())
            .unwrap_or(0);
        assert_eq!(staging, 0, "no half-written add is left");
        let kept = entries.iter().any(|e| e.id == id);
        assert_eq!(
            found(&engine, marker, &id),
            kept,
            "the document is searchable exactly when the library holds it (kill at {delay_ms} ms)"
        );
        assert!(found(&engine, "量子暗号通信", "000_47ad96daba494a18.txt"));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_running_server_picks_up_command_line_adds() {
    let dir = tempfile::tempdir().expect("dir");
    let config = common::config_in(dir.path());
    let built = config.clone();
    let engine = tokio::task::spawn_blocking(move || {
        Engine::open_or_build(&built, &indicatif::ProgressBar::hidden())
    })
    .await
    .expect("join")
    .expect("engine");
    let state = AppState::new(engine, config);
    state.watch_library(Duration::from_millis(200));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move {
        let _ = axum::serve(listener, api::app(state)).await;
    });

    let files = tempfile::tempdir().expect("files");
    let file = files.path().join("離島航路.txt");
    std::fs::write(
        &file,
        "離島航路の維持について\n離島航路の運航を支援する。\n",
    )
    .expect("write");
    let path = file.to_str().expect("path").to_string();
    let index = dir.path().to_path_buf();
    let added = tokio::task::spawn_blocking(move || run(&index, &["add", &path]))
        .await
        .expect("join");
    assert!(added.status.success(), "{}", text(&added));

    let visible = |addr| async move {
        let (_, body) = common::get_json(addr, "/search", &[("q", "離島航路")]).await;
        body["hits"]
            .as_array()
            .is_some_and(|h| h.iter().any(|h| h["doc"] == "離島航路.txt"))
    };
    let deadline = Instant::now() + Duration::from_secs(60);
    while !visible(addr).await {
        assert!(
            Instant::now() < deadline,
            "the server never saw the added document"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let index = dir.path().to_path_buf();
    let removed = tokio::task::spawn_blocking(move || run(&index, &["remove", "離島航路.txt"]))
        .await
        .expect("join");
    assert!(removed.status.success(), "{}", text(&removed));
    while visible(addr).await {
        assert!(
            Instant::now() < deadline,
            "the server never dropped the removed document"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
