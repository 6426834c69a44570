//! Readable text of an HTML page, parsed with `scraper` (html5ever).
//!
//! Headings become Markdown headings (`## 見出し`, one `#` per level), paragraphs and other
//! blocks become lines separated by a blank line, list items become `- item` lines, table
//! rows become one line with the cells separated by tabs, `<pre>` keeps its lines. Entities
//! are decoded by the parser. Scripts, styles, navigation, the page's banner header and
//! footer, asides, forms, embedded objects and hidden elements are dropped; when the page
//! marks its main content with `<main>`, only that is read. Whitespace collapses as a browser
//! collapses it, and a source line break between two Japanese characters disappears (as CSS
//! Text 3 renders it) instead of becoming a space inside a word.

use super::IngestError;
use super::decode;
use ego_tree::iter::Edge;
use regex::bytes::Regex;
use scraper::{ElementRef, Html, Node, Selector};
use std::sync::LazyLock;

/// How far into the file a `<meta charset>` is looked for (as browsers do).
const META_PRESCAN_BYTES: usize = 1024;

static META_CHARSET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)"#)
        .expect("meta charset pattern")
});
static MAIN: LazyLock<Selector> = LazyLock::new(|| Selector::parse("main").expect("selector"));
static BODY: LazyLock<Selector> = LazyLock::new(|| Selector::parse("body").expect("selector"));

/// Elements whose content is never part of the readable text.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "aside", "form", "button", "select",
    "textarea", "input", "iframe", "svg", "canvas", "object", "embed", "audio", "video", "map",
    "head", "title", "dialog",
];
/// ARIA roles of navigation and page furniture.
const DROPPED_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "search",
    "complementary",
    "menu",
    "menubar",
];
/// Blocks that stand apart from their neighbours by a blank line.
const PARAGRAPHS: &[&str] = &[
    "p",
    "ul",
    "ol",
    "dl",
    "table",
    "pre",
    "blockquote",
    "figure",
    "hr",
    "section",
    "article",
    "main",
    "address",
    "details",
];
/// Blocks that start and end a line.
const LINES: &[&str] = &[
    "div",
    "li",
    "dt",
    "dd",
    "tr",
    "caption",
    "figcaption",
    "summary",
    "legend",
    "center",
    "fieldset",
    "header",
    "footer",
    "body",
];

/// Decodes an HTML page (HTTP charset, BOM, `<meta charset>` or detection) and returns the
/// lines of its readable text.
pub(crate) fn html_lines(bytes: &[u8], declared: Option<&str>) -> Result<Vec<String>, IngestError> {
    let prescan = &bytes[..bytes.len().min(META_PRESCAN_BYTES)];
    let embedded = META_CHARSET
        .captures(prescan)
        .and_then(|c| c.get(1))
        .map(|m| String::from_utf8_lossy(m.as_bytes()).into_owned());
    let (encoding, body) = decode::choose_encoding(bytes, declared, embedded.as_deref())?;
    let text = decode::decode_with(encoding, body)?;
    let lines = readable_lines(&Html::parse_document(&text));
    if lines.iter().all(|l| l.trim().is_empty()) {
        return Err(IngestError::Empty);
    }
    Ok(lines)
}

/// The readable text of a parsed page as lines.
fn readable_lines(document: &Html) -> Vec<String> {
    let root = document
        .select(&MAIN)
        .find(|main| !is_dropped(*main))
        .or_else(|| document.select(&BODY).next())
        .unwrap_or_else(|| document.root_element());
    let mut writer = Writer::default();
    let mut skipping: Option<ego_tree::NodeId> = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                if let Node::Text(text) = node.value() {
                    writer.text(text);
                } else if let Some(element) = ElementRef::wrap(node) {
                    if is_dropped(element) {
                        skipping = Some(node.id());
                    } else {
                        writer.open(element.value().name());
                    }
                }
            }
            Edge::Close(node) => {
                if skipping == Some(node.id()) {
                    skipping = None;
                } else if skipping.is_none()
                    && let Some(element) = ElementRef::wrap(node)
                {
                    writer.close(element.value().name());
                }
            }
        }
    }
    writer.finish()
}

fn is_dropped(element: ElementRef<'_>) -> bool {
    let value = element.value();
    let name = value.name();
    if DROPPED.contains(&name) {
        return true;
    }
    if (name == "header" || name == "footer") && !inside_content(element) {
        return true;
    }
    if value.attr("hidden").is_some()
        || value
            .attr("aria-hidden")
            .is_some_and(|v| v.eq_ignore_ascii_case("true"))
        || value
            .attr("role")
            .is_some_and(|r| DROPPED_ROLES.contains(&r.trim().to_ascii_lowercase().as_str()))
    {
        return true;
    }
    value.attr("style").is_some_and(|style| {
        let style: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        style.contains("display:none") || style.contains("visibility:hidden")
    })
}

/// A `<header>`/`<footer>` of an article or of the main content (which holds its title or
/// its notes) rather than of the page.
fn inside_content(element: ElementRef<'_>) -> bool {
    element.ancestors().any(|a| {
        a.value()
            .as_element()
            .is_some_and(|e| matches!(e.name(), "article" | "main" | "section"))
    })
}

fn heading_level(name: &str) -> Option<usize> {
    match name {
        "h1" => Some(1),
        "h2" => Some(2),
        "h3" => Some(3),
        "h4" => Some(4),
        "h5" => Some(5),
        "h6" => Some(6),
        _ => None,
    }
}

/// Whether a collapsed line break between `before` and `after` disappears: both are wide
/// East Asian characters (kana, kanji, full-width forms and punctuation).
fn joins_without_space(before: char, after: char) -> bool {
    is_wide(before) && is_wide(after)
}

fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xA960..=0xA97F | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
}

/// Collects text into lines while the tree is walked.
#[derive(Default)]
struct Writer {
    lines: Vec<String>,
    line: String,
    /// Bytes of `line` that are a marker (`## `, `- `) rather than content.
    marker_len: usize,
    /// Collapsed whitespace waiting for the next character: `Some(true)` when it held only
    /// line breaks (and spaces), which vanish between Japanese characters.
    pending_space: Option<bool>,
    /// Inside headings and table rows, blocks do not break the line.
    single_line_depth: usize,
    /// Cells already written in the current table row.
    cells: usize,
    /// Inside `<pre>`.
    pre_depth: usize,
}

impl Writer {
    fn open(&mut self, name: &str) {
        if self.single_line_depth > 0 {
            match name {
                "td" | "th" if self.cells > 0 => {
                    self.line.push('\t');
                    self.pending_space = None;
                    self.cells += 1;
                }
                "td" | "th" => self.cells += 1,
                "br" => self.space(),
                _ if is_block(name) => self.space(),
                _ => {}
            }
            if name == "tr" || heading_level(name).is_some() {
                self.single_line_depth += 1;
            }
            return;
        }
        if let Some(level) = heading_level(name) {
            self.paragraph_break();
            self.start_marker(&format!("{} ", "#".repeat(level)));
            self.single_line_depth += 1;
            return;
        }
        match name {
            "tr" => {
                self.flush();
                self.single_line_depth += 1;
                self.cells = 0;
            }
            "li" => {
                self.flush();
                self.start_marker("- ");
            }
            "br" => self.line_break(),
            "pre" => {
                self.paragraph_break();
                self.pre_depth += 1;
            }
            _ if PARAGRAPHS.contains(&name) => self.paragraph_break(),
            _ if LINES.contains(&name) => self.flush(),
            _ => {}
        }
    }

    fn close(&mut self, name: &str) {
        let single_line = name == "tr" || heading_level(name).is_some();
        if single_line && self.single_line_depth > 0 {
            self.single_line_depth -= 1;
            if self.single_line_depth == 0 {
                if heading_level(name).is_some() {
                    self.paragraph_break();
                } else {
                    self.flush();
                }
                self.cells = 0;
            }
            return;
        }
        if self.single_line_depth > 0 {
            if is_block(name) {
                self.space();
            }
            return;
        }
        if name == "pre" {
            self.pre_depth = self.pre_depth.saturating_sub(1);
        }
        if PARAGRAPHS.contains(&name) {
            self.paragraph_break();
        } else if LINES.contains(&name) {
            self.flush();
        }
    }

    fn text(&mut self, text: &str) {
        if self.pre_depth > 0 && self.single_line_depth == 0 {
            let mut parts = text.split('\n').peekable();
            while let Some(part) = parts.next() {
                self.line.push_str(part.trim_end_matches('\r'));
                if parts.peek().is_some() {
                    self.lines.push(std::mem::take(&mut self.line));
                    self.marker_len = 0;
                }
            }
            return;
        }
        for c in text.chars() {
            if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{0c}') {
                let breaks_only = matches!(c, '\n' | '\r');
                self.pending_space = Some(match self.pending_space {
                    Some(only) => only || breaks_only,
                    None => breaks_only,
                });
                continue;
            }
            if let Some(breaks_only) = self.pending_space.take() {
                let last = self.line[self.marker_len..].chars().next_back();
                if let Some(last) = last
                    && last != '\t'
                    && last != ' '
                    && !(breaks_only && joins_without_space(last, c))
                {
                    self.line.push(' ');
                }
            }
            self.line.push(if c == '\u{a0}' { ' ' } else { c });
        }
    }

    fn space(&mut self) {
        if self.pending_space.is_none() {
            self.pending_space = Some(false);
        }
    }

    fn start_marker(&mut self, marker: &str) {
        self.line.push_str(marker);
        self.marker_len = marker.len();
    }

    /// Ends the current line if it has content.
    fn flush(&mut self) {
        let content = self.line[self.marker_len..].trim();
        if !content.is_empty() {
            let line = format!("{}{}", &self.line[..self.marker_len], content);
            self.lines.push(line);
        }
        self.line.clear();
        self.marker_len = 0;
        self.pending_space = None;
    }

    /// `<br>`: ends the line, and a second one in a row leaves a blank line.
    fn line_break(&mut self) {
        if self.line[self.marker_len..].trim().is_empty() {
            self.blank();
        }
        self.flush();
    }

    fn paragraph_break(&mut self) {
        self.flush();
        self.blank();
    }

    fn blank(&mut self) {
        if self.lines.last().is_some_and(|l| !l.is_empty()) {
            self.lines.push(String::new());
        }
    }

    fn finish(mut self) -> Vec<String> {
        self.flush();
        while self.lines.last().is_some_and(String::is_empty) {
            self.lines.pop();
        }
        self.lines
    }
}

fn is_block(name: &str) -> bool {
    PARAGRAPHS.contains(&name) || LINES.contains(&name) || name == "br"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(html: &str) -> Vec<String> {
        html_lines(html.as_bytes(), None).unwrap()
    }

    #[test]
    fn headings_paragraphs_lists_and_tables() {
        let got = lines(
            "<html><body><h1>令和６年度 補正予算の概要</h1><p>総務省の\n補正予算を\n <b>まとめた</b> ものです。</p>\
             <h2>1. 主な事項</h2><ul><li>光ファイバの整備</li><li>放送ネットワークの<br>強靱化</li></ul>\
             <table><tr><th>事項</th><th>補正予算額</th></tr><tr><td>デジタル基盤</td><td><p>１２３億円</p></td></tr></table>\
             </body></html>",
        );
        assert_eq!(
            got,
            [
                "# 令和６年度 補正予算の概要",
                "",
                "総務省の補正予算をまとめた ものです。",
                "",
                "## 1. 主な事項",
                "",
                "- 光ファイバの整備",
                "- 放送ネットワークの",
                "強靱化",
                "",
                "事項\t補正予算額",
                "デジタル基盤\t１２３億円",
            ]
        );
    }

    #[test]
    fn drops_furniture_and_hidden_content() {
        let got = lines(
            "<body><header><a href='/'>総務省トップ</a></header><nav><ul><li>ホーム</li></ul></nav>\
             <script>var x = '<p>not text</p>';</script><style>p{color:red}</style>\
             <div hidden>隠し</div><p style='display: none'>非表示</p><span aria-hidden='true'>★</span>\
             <form><input type='hidden' value='x'><button>検索</button></form>\
             <article><header><h1>本文の見出し</h1></header><p>本文 &amp; 説明&#x3002;&nbsp;終わり</p></article>\
             <aside>関連リンク</aside><footer>Copyright</footer></body>",
        );
        assert_eq!(got, ["# 本文の見出し", "", "本文 & 説明。 終わり"]);
    }

    #[test]
    fn reads_only_the_main_content_when_marked() {
        let got = lines("<body><div>サイドメニュー</div><main><p>中身</p></main></body>");
        assert_eq!(got, ["中身"]);
    }

    #[test]
    fn keeps_preformatted_lines() {
        let got = lines("<body><pre>区分  金額\n  行政  １０\n</pre></body>");
        assert_eq!(got, ["区分  金額", "  行政  １０"]);
    }

    #[test]
    fn charset_from_meta_or_http() {
        let page = "<html><head><meta charset=\"Shift_JIS\"><title>t</title></head><body><p>地方財政の状況</p></body></html>";
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(page);
        assert_eq!(html_lines(&sjis, None).unwrap(), ["地方財政の状況"]);
        let page = "<html><body><p>地方財政の状況</p></body></html>";
        let (euc, _, _) = encoding_rs::EUC_JP.encode(page);
        assert_eq!(
            html_lines(&euc, Some("euc-jp")).unwrap(),
            ["地方財政の状況"]
        );
    }

    #[test]
    fn a_page_without_text_is_empty() {
        let err = html_lines(
            b"<html><head><title>x</title><script>1</script></head><body> </body></html>",
            None,
        )
        .unwrap_err();
        assert!(matches!(err, IngestError::Empty), "{err:?}");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = format!("{}深い{}", "<div>".repeat(10_000), "</div>".repeat(10_000));
        assert_eq!(lines(&html), ["深い"]);
    }
}
