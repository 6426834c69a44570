//! Conversion benchmark: a 100-page Japanese PDF (printed by Chromium at start-up, one
//! section with three paragraphs and a table per page) and a 1 MB text file (the white-paper
//! fixture repeated), in UTF-8 and in Shift_JIS (detected), each converted repeatedly with
//! [`seisaku::ingest::convert`] and read by `detect_metadata`. Prints min, median and max.
//!
//! ```sh
//! cargo bench --bench ingest
//! ```

#[path = "../tests/ingest_support/mod.rs"]
mod ingest_support;

use seisaku::ingest::{ConvertOptions, Format, convert, detect_metadata};
use std::time::{Duration, Instant};

const PDF_PAGES: usize = 100;
const TEXT_BYTES: usize = 1 << 20;
const ROUNDS: usize = 11;

fn main() {
    let source = String::from_utf8(ingest_support::fixture("ict-whitepaper-r5-part1-ch1-4.txt"))
        .expect("the fixture is UTF-8");
    let paragraphs: Vec<&str> = source.lines().filter(|l| l.chars().count() > 150).collect();
    let started = Instant::now();
    let pdf =
        ingest_support::print_pdf(&ingest_support::japanese_page(&hundred_pages(&paragraphs)));
    println!(
        "made a {PDF_PAGES}-page PDF of {} KB in {:.1} s",
        pdf.len() / 1024,
        started.elapsed().as_secs_f64()
    );
    let mut text = String::new();
    while text.len() < TEXT_BYTES {
        text.push_str(&source);
    }
    let cut = (0..=TEXT_BYTES)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    text.truncate(cut);
    let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(&text);

    let options = ConvertOptions::default();
    let cases: [(&str, &[u8], Format); 3] = [
        ("PDF, 100 pages", &pdf, Format::Pdf),
        ("text, 1 MB UTF-8", text.as_bytes(), Format::Text),
        ("text, 1 MB Shift_JIS", &sjis, Format::Text),
    ];
    println!(
        "\n{:<24} {:>10} {:>10} {:>10} {:>8}",
        "conversion", "min", "median", "max", "lines"
    );
    for (name, bytes, format) in cases {
        let mut times = Vec::new();
        let mut lines = None;
        for _ in 0..ROUNDS {
            let started = Instant::now();
            let converted = convert(bytes, format, None, &options).expect("conversion");
            let meta = detect_metadata(&converted);
            times.push(started.elapsed());
            let count = converted.lines.len();
            assert!(
                lines.is_none_or(|l| l == count),
                "the output changed between runs"
            );
            assert!(meta.title.is_some(), "{name}: no title");
            lines = Some(count);
            if format == Format::Pdf {
                assert_eq!(converted.pages, Some(PDF_PAGES as u32), "page count");
            }
        }
        times.sort();
        println!(
            "{name:<24} {:>10} {:>10} {:>10} {:>8}",
            ms(times[0]),
            ms(times[times.len() / 2]),
            ms(times[times.len() - 1]),
            lines.unwrap_or(0)
        );
    }
}

/// One section a page: a heading, three paragraphs and a small table of figures.
fn hundred_pages(paragraphs: &[&str]) -> String {
    (0..PDF_PAGES)
        .map(|page| {
            let text: String = (0..3)
                .map(|k| {
                    let paragraph = paragraphs[(page * 3 + k) % paragraphs.len()];
                    let short: String = paragraph.chars().take(500).collect();
                    format!("<p>{short}</p>")
                })
                .collect();
            format!(
                "<section><h2>第{}節</h2>{text}<table><tr><th>区分</th><th>令和６年度</th><th>令和５年度</th></tr>\
                 <tr><td>事項{page}</td><td>{}</td><td>{}</td></tr></table></section>",
                page + 1,
                page * 13 + 7,
                page * 11 + 5
            )
        })
        .collect()
}

fn ms(duration: Duration) -> String {
    format!("{:.1} ms", duration.as_secs_f64() * 1000.0)
}
