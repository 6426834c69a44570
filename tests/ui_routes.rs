//! The web interface's routes over a real server: redirects, pages, embedded assets, the
//! security headers, and the rules the scripts keep about untrusted text.

mod common;

use std::collections::BTreeSet;

const PAGES: &[&str] = &[
    "/ui/",
    "/ui/?q=%E9%87%8F%E5%AD%90",
    "/ui/doc/004_ffbb1bb57b30ee70.txt",
    "/ui/node/theme:Beyond5G",
    "/ui/budgets",
    "/ui/ask",
    "/ui/browse",
    "/ui/documents",
];

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

fn header<'a>(response: &'a reqwest::Response, name: &str) -> &'a str {
    response
        .headers()
        .get(name)
        .and_then(|value| value.to_str().ok())
        .unwrap_or("")
}

fn assert_secure(response: &reqwest::Response, what: &str) {
    let csp = header(response, "content-security-policy");
    assert!(csp.contains("script-src 'self'"), "{what}: CSP {csp:?}");
    assert!(csp.contains("style-src 'self'"), "{what}: CSP {csp:?}");
    assert!(csp.contains("default-src 'none'"), "{what}: CSP {csp:?}");
    assert!(!csp.contains("unsafe-inline"), "{what}: CSP {csp:?}");
    assert!(!csp.contains("unsafe-eval"), "{what}: CSP {csp:?}");
    assert_eq!(
        header(response, "x-content-type-options"),
        "nosniff",
        "{what}"
    );
}

#[tokio::test]
async fn root_and_ui_redirect_to_the_search_page() {
    let addr = common::shared_server();
    for path in ["/", "/ui"] {
        let response = client()
            .get(format!("http://{addr}{path}"))
            .send()
            .await
            .expect("request");
        assert!(
            response.status().is_redirection(),
            "{path}: {}",
            response.status()
        );
        assert_eq!(header(&response, "location"), "/ui/", "{path}");
    }
}

#[tokio::test]
async fn every_page_is_the_shell_with_security_headers() {
    let addr = common::shared_server();
    for path in PAGES {
        let response = client()
            .get(format!("http://{addr}{path}"))
            .send()
            .await
            .expect("request");
        assert_eq!(response.status(), 200, "{path}");
        assert!(
            header(&response, "content-type").starts_with("text/html"),
            "{path}"
        );
        assert_secure(&response, path);
        let body = response.text().await.expect("body");
        assert!(body.contains(r#"<html lang="ja">"#), "{path}");
        assert!(body.contains(r#"<script type="module" src="/ui/assets/app.js">"#));
        // No inline script: every script element loads a file.
        for script in body.split("<script").skip(1) {
            assert!(
                script.trim_start().starts_with("src=") || script.contains(" src="),
                "{path}: inline script"
            );
            assert!(script.contains("></script>"), "{path}");
        }
        assert!(!body.contains("style="), "{path}: inline style");
    }
    let response = client()
        .get(format!("http://{addr}/ui/no/such/page"))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), 404);
    assert_secure(&response, "unknown page");
}

/// The `/ui/assets/…` paths a text refers to, and the `./x.js` modules it imports.
fn referenced_assets(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for (marker, prefix) in [("/ui/assets/", ""), ("from \"./", ""), ("import(\"./", "")] {
        for piece in text.split(marker).skip(1) {
            let name: String = piece
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
                .collect();
            if name.contains('.') {
                found.insert(format!("{prefix}{name}"));
            }
        }
    }
    found
}

#[tokio::test]
async fn every_referenced_asset_is_served_with_its_type_and_validator() {
    let addr = common::shared_server();
    let shell = client()
        .get(format!("http://{addr}/ui/"))
        .send()
        .await
        .expect("request")
        .text()
        .await
        .expect("body");
    let mut pending: Vec<String> = referenced_assets(&shell).into_iter().collect();
    let mut seen = BTreeSet::new();
    while let Some(name) = pending.pop() {
        if !seen.insert(name.clone()) {
            continue;
        }
        let url = format!("http://{addr}/ui/assets/{name}");
        let response = client().get(&url).send().await.expect("request");
        assert_eq!(response.status(), 200, "{name}");
        assert_secure(&response, &name);
        let content_type = header(&response, "content-type").to_string();
        let expected = match name.rsplit('.').next() {
            Some("js") => "text/javascript",
            Some("css") => "text/css",
            Some("svg") => "image/svg+xml",
            other => panic!("unexpected asset kind {other:?}"),
        };
        assert!(content_type.starts_with(expected), "{name}: {content_type}");
        let etag = header(&response, "etag").to_string();
        assert!(etag.starts_with('"'), "{name}: etag {etag:?}");
        let text = response.text().await.expect("body");
        if name.ends_with(".js") {
            pending.extend(referenced_assets(&text));
        }
        let again = client()
            .get(&url)
            .header("if-none-match", &etag)
            .send()
            .await
            .expect("request");
        assert_eq!(again.status(), 304, "{name}");
    }
    for name in [
        "app.js",
        "search.js",
        "doc.js",
        "node.js",
        "graph.js",
        "budgets.js",
        "ask.js",
        "browse.js",
        "documents.js",
        "style.css",
        "boot.js",
    ] {
        assert!(
            seen.contains(name),
            "{name} is not reachable from the shell: {seen:?}"
        );
    }
    let missing = client()
        .get(format!("http://{addr}/ui/assets/nothing.js"))
        .send()
        .await
        .expect("request");
    assert_eq!(missing.status(), 404);
}

#[test]
fn scripts_never_parse_strings_as_html_or_code() {
    let dir = common::root().join("src/ui/assets");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).expect("assets dir") {
        let path = entry.expect("entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("js") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("read");
        for banned in [
            "innerHTML",
            "outerHTML",
            "insertAdjacentHTML",
            "document.write",
            "eval(",
            "new Function",
            "createContextualFragment",
            "DOMParser",
            "srcdoc",
        ] {
            assert!(!text.contains(banned), "{} uses {banned}", path.display());
        }
        checked += 1;
    }
    assert!(checked >= 10, "only {checked} scripts found");
}
