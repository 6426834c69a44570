//! `/openapi.json` validates against the OpenAPI 3.1 specification, checked offline with
//! `openapi-spec-validator` (installed by `scripts/setup.sh` into `.cache/venv`).

mod common;

use std::process::Command;
use utoipa::OpenApi;

#[test]
fn the_openapi_document_is_valid_openapi_3_1() {
    let document = seisaku::api::openapi::ApiDoc::openapi();
    let json = serde_json::to_string_pretty(&document).expect("serialise");
    let value: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert!(
        value["openapi"]
            .as_str()
            .is_some_and(|v| v.starts_with("3.1"))
    );
    for path in [
        "/documents",
        "/documents/{id}",
        "/documents/{id}/lines",
        "/documents/{id}/original",
        "/admin/rebuild",
        "/stats/questions",
        "/mcp",
    ] {
        assert!(value["paths"][path].is_object(), "{path} is not documented");
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("openapi.json");
    std::fs::write(&file, json).expect("write");
    let validator = common::root().join(".cache/venv/bin/openapi-spec-validator");
    assert!(
        validator.is_file(),
        "{} is missing: run scripts/setup.sh",
        validator.display()
    );
    let output = Command::new(&validator)
        .arg(&file)
        .output()
        .expect("run openapi-spec-validator");
    assert!(
        output.status.success(),
        "the OpenAPI document is invalid:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}
