//! Converting real files (PDFs printed by Chromium, encrypted by qpdf, truncated, scanned;
//! Shift_JIS, EUC-JP and UTF-8 text; Markdown; HTML pages) and reading their metadata and
//! kind from their content.

mod ingest_support;

use ingest_support::{encrypt, fixture, japanese_page, print_pdf, root, screenshot};
use seisaku::corpus::{Corpus, DocKind};
use seisaku::ingest::{
    ConvertOptions, Converted, Format, IngestError, convert, detect_format, detect_metadata,
    score_kinds,
};
use std::time::{Duration, Instant};

fn options() -> ConvertOptions {
    ConvertOptions::default()
}

/// The text of the lines on `page`, without the spaces and line breaks the layout put in.
fn page_text(converted: &Converted, page: u32) -> String {
    let pages = converted.line_pages.as_ref().expect("a PDF has line pages");
    converted
        .lines
        .iter()
        .zip(pages)
        .filter(|(_, p)| **p == page)
        .flat_map(|(l, _)| l.chars().filter(|c| !c.is_whitespace()))
        .collect()
}

fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Equal lines, reported by the first difference rather than by printing whole documents.
fn assert_same_lines(got: &[String], expected: &[String], what: &str) {
    let first_difference = got.iter().zip(expected).position(|(a, b)| a != b);
    assert!(
        got.len() == expected.len() && first_difference.is_none(),
        "{what}: {} lines, expected {}; first difference at line {:?}: {:?} vs {:?}",
        got.len(),
        expected.len(),
        first_difference.map(|i| i + 1),
        first_difference.map(|i| &got[i]),
        first_difference.map(|i| &expected[i]),
    );
}

fn line_index(converted: &Converted, wanted: &str) -> usize {
    converted
        .lines
        .iter()
        .position(|l| l == wanted)
        .unwrap_or_else(|| panic!("no line {wanted:?} among {} lines", converted.lines.len()))
}

#[test]
fn formats_from_content_type_then_extension() {
    let cases = [
        (Some("application/pdf"), None, Format::Pdf),
        (
            Some("text/plain; charset=Shift_JIS"),
            Some("a.pdf"),
            Format::Text,
        ),
        (
            Some("application/octet-stream"),
            Some("白書.PDF"),
            Format::Pdf,
        ),
        (None, Some("page.htm"), Format::Html),
        (None, Some("request.md"), Format::Markdown),
        (None, Some("kpi_export.tsv"), Format::Tsv),
        (Some("text/tab-separated-values"), None, Format::Tsv),
    ];
    for (content_type, filename, format) in cases {
        assert_eq!(detect_format(content_type, filename).unwrap(), format);
    }
    for (content_type, filename) in [(Some("image/png"), None), (None, Some("book.xlsx"))] {
        let err = detect_format(content_type, filename).unwrap_err();
        assert!(matches!(err, IngestError::Unsupported(_)), "{err:?}");
        assert_eq!(err.code(), "unsupported_media_type");
    }
}

#[test]
fn seeds_are_recognised_as_their_manifest_kind_from_content_alone() {
    let corpus = Corpus::load(&root().join("seeds")).unwrap();
    assert_eq!(corpus.docs.len(), 5);
    for doc in &corpus.docs {
        let bytes = std::fs::read(root().join("seeds").join(doc.file())).unwrap();
        let converted = convert(&bytes, Format::Text, None, &options()).unwrap();
        // The seed's final line ending does not start another line.
        let mut seed_lines: Vec<String> = doc.lines.iter().map(str::to_string).collect();
        if seed_lines.last().is_some_and(String::is_empty) {
            seed_lines.pop();
        }
        assert_same_lines(&converted.lines, &seed_lines, doc.file());
        let meta = detect_metadata(&converted);
        assert_eq!(
            meta.kind,
            doc.info.kind,
            "{}: {:?}",
            doc.file(),
            score_kinds(&converted.lines)
        );
    }
}

#[test]
fn real_documents_of_other_kinds_are_other_with_their_metadata() {
    let cases = [
        (
            "base-registry-designation-2021.md",
            Format::Markdown,
            "ベース・レジストリの指定について",
            Some("2021-05-26"),
            Some("内閣官房情報通信技術（IT）総合戦略室"),
        ),
        (
            "digital-gov-action-plan-2020-excerpt.md",
            Format::Markdown,
            "デジタル・ガバメント実行計画",
            Some("2020-12-25"),
            Some("内閣官房"),
        ),
        (
            "ict-whitepaper-r5-part1-ch1-4.txt",
            Format::Text,
            "第1章 データ流通の進展",
            None,
            None,
        ),
    ];
    for (file, format, title, date, publisher) in cases {
        let bytes = fixture(file);
        let converted = convert(&bytes, format, None, &options()).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        let expected: Vec<String> = text.lines().map(str::to_string).collect();
        assert_same_lines(&converted.lines, &expected, file);
        let meta = detect_metadata(&converted);
        assert_eq!(
            meta.kind,
            DocKind::Other,
            "{file}: {:?}",
            score_kinds(&converted.lines)
        );
        assert_eq!(meta.title.as_deref(), Some(title), "{file}");
        assert_eq!(meta.date.as_deref(), date, "{file}");
        assert_eq!(meta.publisher.as_deref(), publisher, "{file}");
    }
}

#[test]
fn supplementary_budget_overview_text_with_full_width_amounts() {
    let bytes = fixture("supplementary-budget-overview.txt");
    let converted = convert(&bytes, Format::Text, None, &options()).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    assert_eq!(converted.lines, text.lines().collect::<Vec<_>>());
    assert!(
        converted
            .lines
            .contains(&"既定経費の減額\t▲１２３．４億円".to_string())
    );
    let meta = detect_metadata(&converted);
    assert_eq!(
        meta.title.as_deref(),
        Some("令和６年度 総務省所管補正予算（第１号）の概要")
    );
    assert_eq!(meta.date.as_deref(), Some("2024-12"));
    assert_eq!(meta.publisher.as_deref(), Some("総務省"));
    assert_eq!(
        meta.kind,
        DocKind::Other,
        "{:?}",
        score_kinds(&converted.lines)
    );
}

#[test]
fn agency_budget_request_in_markdown_is_kept_line_for_line() {
    let bytes = fixture("agency-budget-request.md");
    // Declared as UTF-8 and sent with Windows line endings: only the endings change.
    let crlf = String::from_utf8(bytes.clone())
        .unwrap()
        .replace('\n', "\r\n");
    let converted = convert(crlf.as_bytes(), Format::Markdown, Some("utf-8"), &options()).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    assert_eq!(converted.lines, text.lines().collect::<Vec<_>>());
    assert_eq!(converted.format, Format::Markdown);
    assert_eq!(converted.line_pages, None);
    let meta = detect_metadata(&converted);
    assert_eq!(
        meta.title.as_deref(),
        Some("令和７年度 消防庁 概算要求の概要")
    );
    assert_eq!(meta.date.as_deref(), Some("2024-08"));
    assert_eq!(meta.publisher.as_deref(), Some("消防庁"));
    assert_eq!(
        meta.kind,
        DocKind::Other,
        "{:?}",
        score_kinds(&converted.lines)
    );
}

#[test]
fn municipal_budget_book_in_shift_jis() {
    let bytes = fixture("municipal-budget-book.sjis.txt");
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the fixture is Shift_JIS"
    );
    let detected = convert(&bytes, Format::Text, None, &options()).unwrap();
    let declared = convert(&bytes, Format::Text, Some("Shift_JIS"), &options()).unwrap();
    assert_eq!(detected, declared);
    assert!(
        detected
            .lines
            .contains(&"7　土木費\t4,402,000\t4,750,000\t△348,000".to_string()),
        "{:?}",
        &detected.lines[..detected.lines.len().min(40)]
    );
    assert!(detected.lines.iter().all(|l| !l.contains('\r')));
    let meta = detect_metadata(&detected);
    assert_eq!(
        meta.title.as_deref(),
        Some("令和６年度 さくら台市一般会計予算書")
    );
    assert_eq!(meta.date.as_deref(), Some("2024-03"));
    assert_eq!(meta.publisher.as_deref(), Some("さくら台市"));
    assert_eq!(
        meta.kind,
        DocKind::Other,
        "{:?}",
        score_kinds(&detected.lines)
    );
    // A wrong declaration is honoured, and the result is refused rather than garbled.
    let err = convert(&bytes, Format::Text, Some("EUC-JP"), &options()).unwrap_err();
    assert!(matches!(err, IngestError::Unreadable(_)), "{err:?}");
}

#[test]
fn euc_jp_and_shift_jis_are_detected() {
    let text = "令和６年度 地方財政計画の概要\n（単位：億円）\n地方交付税\t１８６，６７１\n";
    for encoding in [encoding_rs::EUC_JP, encoding_rs::SHIFT_JIS] {
        let (bytes, _, unmappable) = encoding.encode(text);
        assert!(!unmappable);
        let converted = convert(&bytes, Format::Text, None, &options()).unwrap();
        assert_eq!(
            converted.lines,
            text.lines().collect::<Vec<_>>(),
            "{}",
            encoding.name()
        );
    }
}

#[test]
fn empty_and_binary_text_are_refused() {
    for empty in [&b""[..], b"\n\n  \r\n", "\u{feff}\u{3000}\t".as_bytes()] {
        let err = convert(empty, Format::Text, None, &options()).unwrap_err();
        assert!(matches!(err, IngestError::Empty), "{empty:?}: {err:?}");
        assert_eq!(err.code(), "empty_document");
    }
    let pdf = fixture("whitepaper-chapter.pdf");
    let err = convert(&pdf, Format::Text, None, &options()).unwrap_err();
    assert!(matches!(err, IngestError::Unreadable(_)), "{err:?}");
    let err = convert(b"abc", Format::Text, Some("x-unknown"), &options()).unwrap_err();
    assert!(matches!(err, IngestError::Unsupported(_)), "{err:?}");
}

#[test]
fn html_page_in_shift_jis_keeps_its_readable_text() {
    let page = "<!DOCTYPE html>\n<html lang=\"ja\"><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">\
        <title>報道資料 | 総務省</title><style>body { color: #333 }</style>\
        <script>document.write('<p>広告</p>');</script></head>\
        <body><header><p class=\"logo\">総務省</p></header>\
        <nav><ul><li><a href=\"/\">ホーム</a></li><li>報道資料</li></ul></nav>\
        <div id=\"contents\"><h1>「地域DX推進ラボ」の募集開始</h1>\
        <p class=\"date\">令和６年４月１日</p><p>総務省&nbsp;情報流通行政局</p>\
        <p>総務省は、地域の課題をデジタル技術で解決する取組を支援するため、\n「地域DX推進ラボ」の募集を開始します。</p>\
        <h2>1&#65294; 募集期間</h2><p>令和６年４月１日（月）&#12316;５月３１日（金）</p>\
        <h2>2．対象</h2><ul><li>地方公共団体</li><li>地方公共団体と連携する民間事業者&amp;大学</li></ul>\
        <table><tr><th>区分</th><th>上限額</th></tr><tr><td>計画策定</td><td>1,000千円</td></tr></table>\
        <div style=\"display:none\">非表示の文</div>\
        <form><input type=\"text\" name=\"q\"><button>検索</button></form></div>\
        <aside>関連リンク</aside><footer><p>Copyright 総務省</p></footer></body></html>";
    let (bytes, _, unmappable) = encoding_rs::SHIFT_JIS.encode(page);
    assert!(!unmappable);
    let converted = convert(&bytes, Format::Html, None, &options()).unwrap();
    assert_eq!(
        converted.lines,
        [
            "# 「地域DX推進ラボ」の募集開始",
            "",
            "令和６年４月１日",
            "",
            "総務省 情報流通行政局",
            "",
            "総務省は、地域の課題をデジタル技術で解決する取組を支援するため、「地域DX推進ラボ」の募集を開始します。",
            "",
            "## 1． 募集期間",
            "",
            "令和６年４月１日（月）〜５月３１日（金）",
            "",
            "## 2．対象",
            "",
            "- 地方公共団体",
            "- 地方公共団体と連携する民間事業者&大学",
            "",
            "区分\t上限額",
            "計画策定\t1,000千円",
        ]
    );
    let meta = detect_metadata(&converted);
    assert_eq!(meta.title.as_deref(), Some("「地域DX推進ラボ」の募集開始"));
    assert_eq!(meta.date.as_deref(), Some("2024-04-01"));
    assert_eq!(meta.publisher.as_deref(), Some("総務省情報流通行政局"));
    // The HTTP charset wins over the page's own declaration.
    let (euc, _, _) = encoding_rs::EUC_JP.encode(page);
    let err = convert(&euc, Format::Html, Some("utf-8"), &options()).unwrap_err();
    assert!(matches!(err, IngestError::Unreadable(_)), "{err:?}");
    let via_http = convert(&euc, Format::Html, Some("EUC-JP"), &options()).unwrap();
    assert_eq!(via_http.lines, converted.lines);
}

#[test]
fn white_paper_chapter_pdf_pages_lines_and_metadata() {
    let converted = convert(
        &fixture("whitepaper-chapter.pdf"),
        Format::Pdf,
        None,
        &options(),
    )
    .unwrap();
    assert_eq!(converted.pages, Some(5));
    let pages = converted.line_pages.clone().unwrap();
    assert_eq!(pages.len(), converted.lines.len());
    assert!(pages.windows(2).all(|w| w[0] <= w[1]));
    assert_eq!((pages[0], *pages.last().unwrap()), (1, 5));
    // Section headings and table rows, each on the page it is printed on.
    let heading = line_index(&converted, "2 移動通信");
    assert_eq!(pages[heading], 4);
    let row = line_index(&converted, "第4世代\t2010年頃\tLTE、LTE-Advanced");
    assert_eq!(pages[row], 4);
    assert_eq!(pages[line_index(&converted, "第1章 データ流通の進展")], 2);
    // The running text of each page, in order.
    let source = String::from_utf8(fixture("ict-whitepaper-r5-part1-ch1-4.txt")).unwrap();
    let source: Vec<&str> = source.lines().collect();
    assert!(page_text(&converted, 2).contains(&squeeze(source[4])));
    assert!(page_text(&converted, 3).contains(&squeeze(source[6])));
    assert!(page_text(&converted, 4).contains(&squeeze(source[11])));
    assert!(page_text(&converted, 5).contains(&squeeze(source[16])));
    let meta = detect_metadata(&converted);
    assert_eq!(meta.title.as_deref(), Some("令和５年版 情報通信白書"));
    assert_eq!(meta.date.as_deref(), Some("2023-07"));
    assert_eq!(meta.publisher.as_deref(), Some("総務省"));
    assert_eq!(
        meta.kind,
        DocKind::Other,
        "{:?}",
        score_kinds(&converted.lines)
    );
}

/// A three-page document: a budget table, a page in two columns, a closing page.
fn table_and_columns_pdf() -> (Vec<u8>, Vec<String>) {
    let left = [
        "地域の担い手を確保するため、関係人口の拡大に向けた取組を推進する。",
        "特に、地方でDXを推進し、地域の課題をデジタル技術で解決する取組を支援する。",
        "あわせて、光ファイバや5Gなどのデジタル基盤の整備を着実に進める。",
    ];
    let right = [
        "量子暗号通信の社会実装を加速化するため、テストベッドの拡充と高度化を図る。",
        "さらに、海底ケーブルの多ルート化により通信の強靱化を進める。",
        "これらの取組の進捗は、毎年度の評価を通じて確認し、必要な見直しを行う。",
    ];
    let paragraphs: String = left
        .iter()
        .chain(&right)
        .map(|p| format!("<p>{}</p>", p.repeat(3)))
        .collect();
    let html = japanese_page(&format!(
        "<h1>令和６年度 予算の状況</h1><p>（単位：億円）</p>\
         <table><tr><th>区分</th><th>令和６年度予算額</th><th>令和５年度予算額</th><th>比較増減額</th></tr>\
         <tr><td>地方交付税等財源繰入れ</td><td>177,863</td><td>163,992</td><td>13,871</td></tr>\
         <tr><td>一般歳出</td><td>4,244</td><td>4,633</td><td>▲390</td></tr>\
         <tr><td>総務省所管合計</td><td>182,107</td><td>168,625</td><td>13,482</td></tr></table>\
         <section><h2>第２章 取組の方向性</h2><div class=\"columns\">{paragraphs}</div></section>\
         <section><h2>第３章 おわりに</h2><p>三ページ目の本文です。</p></section>"
    ));
    let sentences = left
        .iter()
        .chain(&right)
        .map(|p| squeeze(&p.repeat(3)))
        .collect();
    (print_pdf(&html), sentences)
}

#[test]
fn printed_pdf_keeps_table_rows_and_reads_columns_in_order() {
    let (pdf, paragraphs) = table_and_columns_pdf();
    let converted = convert(&pdf, Format::Pdf, None, &options()).unwrap();
    assert_eq!(converted.pages, Some(3));
    let pages = converted.line_pages.clone().unwrap();
    for row in [
        "地方交付税等財源繰入れ\t177,863\t163,992\t13,871",
        "一般歳出\t4,244\t4,633\t▲390",
        "総務省所管合計\t182,107\t168,625\t13,482",
    ] {
        assert_eq!(pages[line_index(&converted, row)], 1);
    }
    let second = page_text(&converted, 2);
    let mut from = 0;
    for paragraph in &paragraphs {
        let at = second[from..]
            .find(paragraph.as_str())
            .unwrap_or_else(|| panic!("{paragraph} not in order on page 2: {second}"));
        from += at + paragraph.len();
    }
    assert_eq!(
        page_text(&converted, 3),
        "第３章おわりに三ページ目の本文です。"
    );
}

#[test]
fn encrypted_pdfs_need_their_password() {
    let pdf = fixture("whitepaper-chapter.pdf");
    let locked = encrypt(&pdf, "user-secret");
    let err = convert(&locked, Format::Pdf, None, &options()).unwrap_err();
    assert!(
        matches!(&err, IngestError::Unreadable(m) if m.contains("password")),
        "{err:?}"
    );
    assert_eq!(err.code(), "unreadable_document");
    // Encrypted with only an owner password, the text is readable as it is for any viewer.
    let open = encrypt(&pdf, "");
    let converted = convert(&open, Format::Pdf, None, &options()).unwrap();
    let plain = convert(&pdf, Format::Pdf, None, &options()).unwrap();
    assert_eq!(converted, plain);
}

#[test]
fn truncated_and_corrupt_pdfs_are_unreadable() {
    let pdf = fixture("whitepaper-chapter.pdf");
    for cut in [pdf.len() / 2, pdf.len() - 10, 100] {
        let err = convert(&pdf[..cut], Format::Pdf, None, &options()).unwrap_err();
        assert!(matches!(err, IngestError::Unreadable(_)), "{cut}: {err:?}");
    }
    // Header and end marker intact, everything between overwritten.
    let mut corrupt = pdf.clone();
    let len = corrupt.len();
    for (i, byte) in corrupt[64..len - 64].iter_mut().enumerate() {
        *byte = (i * 131 % 251) as u8;
    }
    let err = convert(&corrupt, Format::Pdf, None, &options()).unwrap_err();
    assert!(matches!(err, IngestError::Unreadable(_)), "{err:?}");
    let err = convert(b"not a pdf at all", Format::Pdf, None, &options()).unwrap_err();
    assert!(matches!(err, IngestError::Unreadable(_)), "{err:?}");
}

#[test]
fn a_scanned_pdf_has_no_text_layer() {
    let png = screenshot(&japanese_page(
        "<h1>令和６年度 予算の概要</h1><p>紙の資料を読み取った画像だけのページ。</p>",
    ));
    let data = png.iter().fold(String::new(), |mut s, b| {
        s.push_str(&format!("%{b:02X}"));
        s
    });
    let scan = print_pdf(&format!(
        "<html><body style=\"margin:0\"><img style=\"width:100%\" src=\"data:image/png,{data}\"></body></html>"
    ));
    let err = convert(&scan, Format::Pdf, None, &options()).unwrap_err();
    assert!(matches!(err, IngestError::NoTextLayer), "{err:?}");
    assert_eq!(err.code(), "no_text_layer");
}

#[test]
fn a_hanging_converter_is_killed_at_the_time_limit() {
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("pdftotext");
    std::fs::write(&script, "#!/bin/sh\nsleep 60\n").unwrap();
    std::fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let limit = Duration::from_millis(500);
    let options = ConvertOptions {
        timeout: limit,
        pdftotext: script,
    };
    let started = Instant::now();
    let err = convert(
        &fixture("whitepaper-chapter.pdf"),
        Format::Pdf,
        None,
        &options,
    )
    .unwrap_err();
    assert!(
        matches!(err, IngestError::Timeout(d) if d == limit),
        "{err:?}"
    );
    assert_eq!(err.code(), "converter_timeout");
    assert!(started.elapsed() < Duration::from_secs(10));
    let missing = ConvertOptions {
        pdftotext: dir.path().join("no-such-converter"),
        ..ConvertOptions::default()
    };
    let err = convert(
        &fixture("whitepaper-chapter.pdf"),
        Format::Pdf,
        None,
        &missing,
    )
    .unwrap_err();
    assert!(
        matches!(err, IngestError::ConverterUnavailable(_)),
        "{err:?}"
    );
}
