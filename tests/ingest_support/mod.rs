//! Real PDFs for the tests, printed by headless Chromium (Debian's `chromium`, installed by
//! `scripts/setup.sh` with the IPAGothic font), and real encrypted PDFs made by `qpdf`.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A file of `tests/fixtures/documents/`.
pub fn fixture(name: &str) -> Vec<u8> {
    let path = root().join("tests/fixtures/documents").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn chromium(dir: &Path, args: &[String], page: &Path) {
    let status = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("chromium runs (scripts/setup.sh installs it)");
    assert!(status.success(), "chromium failed: {status}");
}

/// Prints an HTML page to PDF.
pub fn print_pdf(html: &str) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.html");
    std::fs::write(&page, html).unwrap();
    let out = dir.path().join("page.pdf");
    chromium(
        dir.path(),
        &[format!("--print-to-pdf={}", out.display())],
        &page,
    );
    std::fs::read(&out).expect("chromium wrote the PDF")
}

/// A PNG screenshot of an HTML page.
pub fn screenshot(html: &str) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.html");
    std::fs::write(&page, html).unwrap();
    let out = dir.path().join("shot.png");
    chromium(
        dir.path(),
        &[
            format!("--screenshot={}", out.display()),
            "--window-size=900,700".to_string(),
        ],
        &page,
    );
    std::fs::read(&out).expect("chromium wrote the screenshot")
}

/// A page of Japanese text in the IPAGothic font, `body` being HTML.
pub fn japanese_page(body: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><style>\
         @page {{ size: A4; margin: 20mm; }}\
         body {{ font-family: \"IPAGothic\", sans-serif; font-size: 11pt; }}\
         section {{ break-before: page; }}\
         .columns {{ column-count: 2; column-gap: 12mm; }}\
         table {{ border-collapse: collapse; }} td, th {{ border: 1px solid #000; padding: 2px 8px; }}\
         </style></head><body>{body}</body></html>"
    )
}

/// `pdf` encrypted by qpdf (AES-256) with `user_password` (empty: opens without one).
pub fn encrypt(pdf: &[u8], user_password: &str) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.pdf");
    let output = dir.path().join("out.pdf");
    std::fs::write(&input, pdf).unwrap();
    let status = Command::new("qpdf")
        .args(["--encrypt", user_password, "owner-secret", "256", "--"])
        .arg(&input)
        .arg(&output)
        .status()
        .expect("qpdf runs (scripts/setup.sh installs it)");
    assert!(status.success(), "qpdf failed: {status}");
    std::fs::read(&output).unwrap()
}
