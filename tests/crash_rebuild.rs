//! Failure injection: a build process killed at any moment leaves a complete build serving.

mod common;

use seisaku::engine::Engine;
use seisaku::search::SearchRequest;
use std::process::Command;
use std::time::Duration;

fn current_build(index_dir: &std::path::Path) -> String {
    std::fs::read_to_string(index_dir.join("CURRENT")).unwrap_or_default()
}

#[test]
fn killing_a_build_midway_keeps_the_previous_index_serving() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = common::config_in(dir.path());
    let hidden = indicatif::ProgressBar::hidden();
    Engine::build(&config, &hidden).expect("first build");
    let mut served = current_build(dir.path());
    assert!(!served.is_empty());
    for delay_ms in [30u64, 300, 900, 1_800, 3_000] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_seisaku"))
            .arg("build")
            .arg("--index")
            .arg(dir.path())
            .env("SEISAKU_DICTIONARY", &config.dictionary_dir)
            .env("RUST_LOG", "error")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn build");
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        let now = current_build(dir.path());
        assert!(
            !now.is_empty(),
            "CURRENT lost after a kill at {delay_ms} ms"
        );
        // Either the old build is still current, or the new one was published complete.
        assert!(
            dir.path()
                .join("builds")
                .join(now.trim())
                .join("meta.json")
                .is_file(),
            "CURRENT names an incomplete build after a kill at {delay_ms} ms"
        );
        if now != served {
            served = now;
        }
        let engine =
            Engine::open_or_build(&config, &hidden).expect("the index opens after a crash");
        let page = engine
            .search(&SearchRequest {
                q: "量子暗号通信".into(),
                limit: 3,
                passages: true,
                ..SearchRequest::default()
            })
            .expect("search after a crash");
        assert!(
            page.page.total > 0,
            "search answers after a kill at {delay_ms} ms"
        );
    }
}

#[test]
fn a_changed_seed_triggers_a_rebuild_and_an_unchanged_one_does_not() {
    let seeds = tempfile::tempdir().expect("seeds dir");
    for entry in std::fs::read_dir(common::root().join("seeds")).expect("seeds") {
        let path = entry.expect("entry").path();
        if path.is_file() {
            std::fs::copy(&path, seeds.path().join(path.file_name().expect("name"))).expect("copy");
        }
    }
    let index = tempfile::tempdir().expect("index dir");
    let mut config = common::config_in(index.path());
    config.seeds_dir = seeds.path().to_path_buf();
    let hidden = indicatif::ProgressBar::hidden();
    let first = Engine::open_or_build(&config, &hidden).expect("first build");
    let first_build = current_build(index.path());
    let reopened = Engine::open_or_build(&config, &hidden).expect("reopen");
    assert_eq!(reopened.fingerprint, first.fingerprint);
    assert_eq!(
        current_build(index.path()),
        first_build,
        "an unchanged corpus reuses its build"
    );
    let seed = seeds.path().join("001_6acfb621c14eea34.txt");
    let mut text = std::fs::read_to_string(&seed).expect("seed");
    text.push_str("\n追記された一行: 量子暗号通信の新しい取組\n");
    std::fs::write(&seed, text).expect("edit seed");
    let changed = Engine::open_or_build(&config, &hidden).expect("rebuild");
    assert_ne!(changed.fingerprint, first.fingerprint);
    assert_ne!(
        current_build(index.path()),
        first_build,
        "a changed seed is rebuilt"
    );
    let found = changed
        .search(&SearchRequest {
            q: "追記された一行".into(),
            limit: 3,
            passages: true,
            ..SearchRequest::default()
        })
        .expect("search");
    assert!(
        found
            .page
            .hits
            .iter()
            .any(|h| h.text.contains("追記された一行"))
    );
}
