//! PDFs made for tests: HTML pages printed by headless Chromium (Debian's `chromium`) with
//! the system's Japanese fonts, so the text layer is real CID-font text.

use std::path::Path;
use std::process::Command;

/// Writes a PDF with one page per entry of `pages` (each a list of paragraphs) to `out`.
/// Returns an error when Chromium is missing or fails.
pub fn pdf_from_pages(pages: &[Vec<String>], out: &Path) -> Result<(), String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let mut html = String::from(
        "<!doctype html><html lang=\"ja\"><head><meta charset=\"utf-8\"><style>\
         body{font-family:'Noto Sans CJK JP','Noto Serif CJK JP',sans-serif;font-size:11pt}\
         section{page-break-after:always}p{margin:0 0 4pt 0}</style></head><body>",
    );
    for page in pages {
        html.push_str("<section>");
        for paragraph in page {
            html.push_str("<p>");
            html.push_str(&escape(paragraph));
            html.push_str("</p>");
        }
        html.push_str("</section>");
    }
    html.push_str("</body></html>");
    let source = dir.path().join("document.html");
    std::fs::write(&source, html).map_err(|e| e.to_string())?;
    let output = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
        ])
        .arg(format!(
            "--user-data-dir={}",
            dir.path().join("profile").display()
        ))
        .arg(format!("--print-to-pdf={}", out.display()))
        .arg(format!("file://{}", source.display()))
        .output()
        .map_err(|e| format!("cannot run chromium: {e}"))?;
    if out.is_file() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&output.stderr).to_string())
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
