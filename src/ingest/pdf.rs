//! Text of a PDF, page by page, from poppler's `pdftotext` run as a child process.
//!
//! # Layout or reading order
//!
//! `pdftotext -layout` keeps a table row on one line, and this matters most: in the default
//! reading order every cell of a table becomes a block of its own, so that on a Japanese
//! budget table (区分 / 令和６年度予算額 / 令和５年度予算額 / 比較増減額) the labels come first and
//! the amounts follow as separate columns of lines, and no line says which amount belongs to
//! which item. On a page set in two columns of text, however, `-layout` prints the two columns
//! side by side, so that every line mixes half a line of the left column with half a line of
//! the right one, and no sentence survives; the default reading order reads each column top to
//! bottom.
//!
//! Measured on Japanese PDFs printed by Chromium (IPAGothic, a CID font): on a four-column
//! budget table `-layout` kept 3 of 3 rows whole (label and its three amounts on one line),
//! the reading order none (the first row kept one of its three amounts, the other amounts
//! followed as columns of bare numbers); on a page set in two columns `-layout` mixed the two
//! columns on 10 of the page's 13 lines, the reading order kept all 4 paragraphs whole and in
//! order.
//!
//! So every document is converted with `-layout`, and a page whose lines are mostly two (or
//! more) runs of running text separated by a wide gap (text columns, or a table of text
//! cells, which `-layout` interleaves alike) is taken from a second run in reading order. A
//! page whose two columns hold short headings and figures as well as text (a supplementary
//! overview's items and their amounts) has its columns cut apart at the gutter below the
//! part of the page set across it ([`super::columns`]).
//! A table row whose cells are centred vertically, so that a cell of two lines is split onto
//! the lines above and below the row's other cells, is joined into one line
//! ([`super::centred_rows`]).
//! A table whose cells wrap over several lines (an indicator's name over two or three, a
//! value over its year, a 施策 set once beside its rows) is read from a `-bbox-layout` run's
//! word boxes, for the pages that may hold one, as one line a row ([`super::wrapped_rows`]).
//! Boxes set side by side (a logic model's, cards in a row), whose lines `-layout`
//! interleaves, are read box by box from the same run's blocks ([`super::side_boxes`]).
//! In `-layout` lines, gaps of three or more spaces separate cells and become tabs (the table
//! rows the passage splitter and the parsers know); indentation is trimmed.
//!
//! # Why a child process
//!
//! The maintained pure-Rust reader `pdf-extract` (0.12) read the same Chromium-printed CID-font
//! pages as completely (11 of 11 paragraphs of the white-paper fixture whole, table rows kept
//! together) and refused encrypted, truncated and corrupt files cleanly, but it has no layout
//! mode, took 1.6–2.5 s for a 100-page PDF where `pdftotext -layout` took 0.27–0.34 s, and runs
//! inside the server, where a PDF that makes it loop cannot be stopped at a time limit. A
//! child process can be killed.

use super::process::{self, Finished};
use super::{ConvertOptions, IngestError};
use super::{centred_rows, columns, side_boxes, side_tables, wrapped_rows};
use std::collections::HashMap;
use std::ffi::OsStr;
use std::io::Write;
use std::path::Path;
use std::sync::LazyLock;
use std::time::Instant;

/// How far from the start the `%PDF-` header may be.
const HEADER_WINDOW: usize = 1024;
/// How far from the end the `%%EOF` marker may be.
const TRAILER_WINDOW: usize = 4096;
/// Spaces in a row that separate two cells of a `-layout` line.
pub(super) const CELL_GAP: usize = 3;
/// Characters a cell needs to count as running text.
const MIN_TEXT_CELL_CHARS: usize = 8;
/// Share of letters (kana, kanji, latin) a cell needs to count as running text.
const MIN_TEXT_CELL_LETTERS: f64 = 0.6;
/// Lines of two text cells a page needs to be read in reading order …
const MIN_COLUMN_LINES: usize = 4;
/// … and their share of the page's lines.
const MIN_COLUMN_SHARE: f64 = 0.3;

/// A gap between two cells of a `-layout` line.
pub(super) static CELL_SEPARATOR: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(&format!("[ \u{3000}]{{{CELL_GAP},}}")).expect("cell separator pattern")
});

/// The text of a PDF.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PdfText {
    /// The lines of all pages, in order.
    pub lines: Vec<String>,
    /// The 1-based page of each line.
    pub line_pages: Vec<u32>,
    /// Number of pages.
    pub pages: u32,
}

/// Converts a PDF with `pdftotext`.
///
/// Errors: not a PDF, truncated, encrypted with a password or otherwise unreadable by poppler
/// → [`IngestError::Unreadable`]; pages without any text (a scan) →
/// [`IngestError::NoTextLayer`]; the converter running past the time limit →
/// [`IngestError::Timeout`]; `pdftotext` missing → [`IngestError::ConverterUnavailable`].
pub(crate) fn pdf_text(bytes: &[u8], options: &ConvertOptions) -> Result<PdfText, IngestError> {
    check_envelope(bytes)?;
    let deadline = Instant::now() + options.timeout;
    let mut file = tempfile::Builder::new()
        .prefix("seisaku-ingest-")
        .suffix(".pdf")
        .tempfile()
        .map_err(|e| IngestError::ConverterUnavailable(format!("cannot stage the PDF: {e}")))?;
    file.write_all(bytes)
        .and_then(|()| file.flush())
        .map_err(|e| IngestError::ConverterUnavailable(format!("cannot stage the PDF: {e}")))?;
    let layout = split_pages(&pdftotext(options, file.path(), &["-layout"], deadline)?);
    if layout.is_empty() {
        return Err(IngestError::Unreadable("the PDF has no pages".to_string()));
    }
    if layout
        .iter()
        .all(|page| page.iter().all(|l| l.trim().is_empty()))
    {
        return Err(IngestError::NoTextLayer);
    }
    let columns: Vec<bool> = layout.iter().map(|page| has_text_columns(page)).collect();
    let reading = if columns.contains(&true) {
        let reading = split_pages(&pdftotext(options, file.path(), &[], deadline)?);
        if reading.len() == layout.len() {
            Some(reading)
        } else {
            tracing::warn!(
                layout = layout.len(),
                reading = reading.len(),
                "page counts differ between the two conversions; keeping the layout"
            );
            None
        }
    } else {
        None
    };
    let blocks = table_blocks(options, file.path(), &layout, &columns, deadline)?;
    let pages = u32::try_from(layout.len())
        .map_err(|_| IngestError::Unreadable("too many pages".to_string()))?;
    let mut text = PdfText {
        lines: Vec::new(),
        line_pages: Vec::new(),
        pages,
    };
    for (index, page) in layout.iter().enumerate() {
        let number = index as u32 + 1;
        let lines: Vec<String> = match &reading {
            Some(reading) if columns[index] => reading[index]
                .iter()
                .map(|l| l.trim_end().to_string())
                .collect(),
            _ => centred_rows::joined(
                &columns::apart(page)
                    .or_else(|| side_tables::apart(page))
                    .or_else(|| {
                        let blocks = blocks.get(&index)?;
                        side_boxes::apart(page, blocks).or_else(|| {
                            let words: Vec<wrapped_rows::Word> =
                                blocks.iter().flat_map(|b| b.words()).cloned().collect();
                            wrapped_rows::joined(page, &words)
                        })
                    })
                    .unwrap_or_else(|| page.clone()),
            )
            .iter()
            .map(|l| layout_line(l))
            .collect(),
        };
        text.line_pages
            .extend(std::iter::repeat_n(number, lines.len()));
        text.lines.extend(lines);
    }
    Ok(text)
}

/// The blocks of word boxes of the pages (by index) that may hold a table of wrapped rows or
/// boxes side by side, from one `pdftotext -bbox-layout` run over the pages from the first
/// such page to the last; none when no page may.
fn table_blocks(
    options: &ConvertOptions,
    pdf: &Path,
    layout: &[Vec<String>],
    columns: &[bool],
    deadline: Instant,
) -> Result<HashMap<usize, Vec<wrapped_rows::Block>>, IngestError> {
    let candidates: Vec<usize> = (0..layout.len())
        .filter(|&index| !columns[index] && wrapped_rows::may_hold_table(&layout[index]))
        .collect();
    let (Some(&first), Some(&last)) = (candidates.first(), candidates.last()) else {
        return Ok(HashMap::new());
    };
    let (from, to) = ((first + 1).to_string(), (last + 1).to_string());
    let bbox = pdftotext(
        options,
        pdf,
        &["-bbox-layout", "-f", &from, "-l", &to],
        deadline,
    )?;
    let pages = wrapped_rows::page_blocks(&bbox);
    if pages.len() != last + 1 - first {
        tracing::warn!(
            expected = last + 1 - first,
            got = pages.len(),
            "page counts differ between the layout and the word boxes; keeping the layout"
        );
        return Ok(HashMap::new());
    }
    Ok(pages
        .into_iter()
        .enumerate()
        .map(|(offset, blocks)| (first + offset, blocks))
        .filter(|(index, _)| candidates.contains(index))
        .collect())
}

/// Refuses what is not a whole PDF file before a converter sees it.
fn check_envelope(bytes: &[u8]) -> Result<(), IngestError> {
    let head = &bytes[..bytes.len().min(HEADER_WINDOW)];
    if !contains(head, b"%PDF-") {
        return Err(IngestError::Unreadable(
            "not a PDF file (no %PDF- header)".to_string(),
        ));
    }
    let tail = &bytes[bytes.len().saturating_sub(TRAILER_WINDOW)..];
    if !contains(tail, b"%%EOF") {
        return Err(IngestError::Unreadable(
            "the PDF is truncated (no end-of-file marker)".to_string(),
        ));
    }
    Ok(())
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Runs `pdftotext` with the given flags (`-layout`, none for reading order) and returns its
/// UTF-8 output.
fn pdftotext(
    options: &ConvertOptions,
    pdf: &Path,
    flags: &[&str],
    deadline: Instant,
) -> Result<String, IngestError> {
    let mut args: Vec<&OsStr> = vec![OsStr::new("-enc"), OsStr::new("UTF-8")];
    args.extend(flags.iter().map(OsStr::new));
    args.extend([pdf.as_os_str(), OsStr::new("-")]);
    let Finished {
        status,
        stdout,
        stderr,
    } = process::run(&options.pdftotext, &args, deadline, options.timeout)?;
    if !status.success() {
        return Err(IngestError::Unreadable(failure_reason(
            status.code(),
            &stderr,
        )));
    }
    if !stderr.trim().is_empty() {
        tracing::warn!(messages = %stderr.trim(), "pdftotext reported problems");
    }
    Ok(String::from_utf8_lossy(&stdout).into_owned())
}

/// Why `pdftotext` failed, from its exit code (1: cannot open, 3: permissions) and messages.
fn failure_reason(code: Option<i32>, stderr: &str) -> String {
    let message = stderr
        .lines()
        .map(str::trim)
        .rfind(|l| !l.is_empty())
        .unwrap_or("no message");
    if stderr.contains("Incorrect password") {
        return "the PDF is encrypted and needs a password".to_string();
    }
    match code {
        Some(3) => format!("the PDF does not permit copying its text ({message})"),
        Some(code) => format!("pdftotext could not read the PDF (exit {code}: {message})"),
        None => format!("pdftotext was stopped by a signal ({message})"),
    }
}

/// Splits `pdftotext` output into pages (each ended by a form feed) of lines.
fn split_pages(output: &str) -> Vec<Vec<String>> {
    let mut pages: Vec<&str> = output.split('\u{0c}').collect();
    // The text after the last form feed is empty unless the output was cut short.
    if pages.last().is_some_and(|rest| rest.trim().is_empty()) {
        pages.pop();
    }
    pages
        .into_iter()
        .map(|page| {
            let page = page.strip_suffix('\n').unwrap_or(page);
            if page.is_empty() {
                Vec::new()
            } else {
                page.split('\n').map(str::to_string).collect()
            }
        })
        .collect()
}

/// A `-layout` line: indentation and trailing spaces trimmed, cell gaps as tabs. Figures
/// the layout set closer than a cell gap (`352,000 1,012,400`, `－  1,204,300`) are cells of
/// their own: a figure never holds a space.
fn layout_line(line: &str) -> String {
    let line = without_letter_spacing(line.trim_matches([' ', '\u{3000}']));
    CELL_SEPARATOR
        .split(line.trim_end_matches([' ', '\u{3000}']))
        .map(|cell| {
            let tokens: Vec<&str> = cell
                .split([' ', '\u{3000}'])
                .filter(|t| !t.is_empty())
                .collect();
            if tokens.len() > 1 && tokens.iter().all(|t| is_figure_token(t)) {
                tokens.join("\t")
            } else {
                cell.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\t")
}

/// The widest gap (in spaces, a full-width space counting two) between the letters of a
/// word a table's header spaces out (`会   計   名`, `区    分`); columns stand farther apart.
const MAX_LETTER_SPACING: usize = 4;

/// A line with the words a header spaces out letter by letter written whole (`会   計   名`
/// → `会計名      `), so that the gaps between their letters part no cells: a run of two or more
/// kanji standing alone, each set at most [`MAX_LETTER_SPACING`] from the next.
fn without_letter_spacing(line: &str) -> String {
    // Most lines part no letters: without a cell gap there is nothing to join.
    if !CELL_SEPARATOR.is_match(line) {
        return line.to_string();
    }
    static PIECES: LazyLock<regex::Regex> =
        LazyLock::new(|| regex::Regex::new(r"[ \u{3000}]+|[^ \u{3000}]+").expect("pieces"));
    let pieces: Vec<&str> = PIECES.find_iter(line).map(|m| m.as_str()).collect();
    let lone_kanji = |piece: &str| {
        let mut chars = piece.chars();
        chars.next().is_some_and(crate::normalize::is_kanji) && chars.next().is_none()
    };
    let narrow = |gap: &str| {
        gap.chars()
            .map(|c| if c == ' ' { 1 } else { 2 })
            .sum::<usize>()
            <= MAX_LETTER_SPACING
    };
    let mut out = String::with_capacity(line.len());
    let mut at = 0;
    while at < pieces.len() {
        let mut end = at;
        while lone_kanji(pieces[end])
            && pieces.get(end + 2).is_some_and(|next| lone_kanji(next))
            && narrow(pieces[end + 1])
        {
            end += 2;
        }
        // (Letters one or two spaces apart are one cell already.)
        let parts_cells = pieces[at..end]
            .iter()
            .skip(1)
            .step_by(2)
            .any(|gap| CELL_SEPARATOR.is_match(gap));
        if parts_cells {
            for letter in pieces[at..=end].iter().step_by(2) {
                out.push_str(letter);
            }
            // The gaps go after the word, so that what follows keeps its place on the line
            // (the lines of a header are aligned by position).
            for gap in pieces[at + 1..end].iter().step_by(2) {
                out.push_str(gap);
            }
        } else {
            out.push_str(pieces[at]);
            end = at;
        }
        at = end + 1;
    }
    out
}

/// Dashes a table sets in a cell it leaves empty.
const EMPTY_CELL_DASHES: [&str; 4] = ["－", "―", "-", "‐"];

/// Whether a token is a figure standing alone (`1,204,300`, `△277,300`, `3.1%`) or the dash
/// of an empty cell.
fn is_figure_token(token: &str) -> bool {
    EMPTY_CELL_DASHES.contains(&token) || is_figure_text(token)
}

/// Characters a figure holds besides its digits (`△1,204.5`, `3.1%`).
const FIGURE_MARKS: &str = ",.，．%％△▲-－+";

/// Whether a text is a figure and nothing else, spaces aside (`28,600`, `△ 3.5`).
pub(super) fn is_figure_text(text: &str) -> bool {
    text.chars().any(|c| c.is_numeric())
        && text
            .chars()
            .all(|c| c.is_numeric() || c == ' ' || FIGURE_MARKS.contains(c))
}

/// Whether a `-layout` page is mostly set in columns of running text. A line with a cell of
/// figures alone is a table row (a name, its amounts and a description), not two columns.
fn has_text_columns(page: &[String]) -> bool {
    let lines: Vec<&String> = page.iter().filter(|l| !l.trim().is_empty()).collect();
    let columned = lines
        .iter()
        .filter(|l| text_cells(l) >= 2 && !has_figure_cell(l))
        .count();
    columned >= MIN_COLUMN_LINES && columned as f64 >= lines.len() as f64 * MIN_COLUMN_SHARE
}

/// How many cells of a `-layout` line are running text rather than figures or labels.
fn text_cells(line: &str) -> usize {
    CELL_SEPARATOR
        .split(line.trim())
        .filter(|cell| {
            let chars: Vec<char> = cell.chars().filter(|c| !c.is_whitespace()).collect();
            let letters = chars.iter().filter(|c| c.is_alphabetic()).count();
            chars.len() >= MIN_TEXT_CELL_CHARS
                && letters as f64 >= chars.len() as f64 * MIN_TEXT_CELL_LETTERS
        })
        .count()
}

/// Whether a `-layout` line has a cell that holds a figure and nothing else (`28,600`,
/// `△3.5`).
fn has_figure_cell(line: &str) -> bool {
    CELL_SEPARATOR
        .split(line.trim())
        .any(|cell| is_figure_text(cell.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_header_word_spaced_letter_by_letter_is_one_cell() {
        // `会   計   名` is one word; letters a space or two apart are one cell already; a
        // lone kanji far from the next is a cell of its own.
        assert_eq!(
            layout_line("   会   計   名      当初予算額   補 正 額"),
            "会計名\t当初予算額\t補 正 額"
        );
        assert_eq!(layout_line("款              補   正   額"), "款\t補正額");
        // What follows keeps its place on the line.
        let spaced = "区   分   (A)";
        assert_eq!(
            without_letter_spacing(spaced).chars().count(),
            spaced.chars().count()
        );
    }

    #[test]
    fn pages_from_form_feeds() {
        let pages = split_pages("一\n二\n\n\u{0c}\u{0c}三\n\u{0c}");
        assert_eq!(pages, vec![vec!["一", "二", ""], vec![], vec!["三"]]);
    }

    #[test]
    fn layout_cells_become_tabs() {
        assert_eq!(
            layout_line("   一般歳出        4,244        4,633     ▲390  "),
            "一般歳出\t4,244\t4,633\t▲390"
        );
        assert_eq!(layout_line("  第１ 一般会計"), "第１ 一般会計");
        assert_eq!(
            layout_line("民生費   773,500   11,842,600   －  1,204,300   8,440,000"),
            "民生費\t773,500\t11,842,600\t－\t1,204,300\t8,440,000"
        );
        assert_eq!(
            layout_line("衛生費   352,000 1,012,400   △ 1,700   令和 8"),
            "衛生費\t352,000\t1,012,400\t△ 1,700\t令和 8"
        );
    }

    #[test]
    fn text_columns_versus_tables() {
        let columns: Vec<String> = (0..6)
            .map(|_| "デジタル化の進展やネットワークの高度化、       パソコン通信が多くのユーザーに使われていた。".to_string())
            .collect();
        assert!(has_text_columns(&columns));
        let table: Vec<String> = (0..6)
            .map(|_| "地方交付税等財源繰入れ     177,863      163,992   13,871".to_string())
            .collect();
        assert!(!has_text_columns(&table));
        let described: Vec<String> = (0..6)
            .map(|_| "継続    杉並区域の道路改良事業       143,200      14,320 建設課    延長 620m の拡幅改良及び歩道整備を行う。".to_string())
            .collect();
        assert!(!has_text_columns(&described));
    }

    #[test]
    fn refuses_what_is_not_a_whole_pdf() {
        assert!(matches!(
            check_envelope(b"<html>not a pdf</html>"),
            Err(IngestError::Unreadable(_))
        ));
        assert!(matches!(
            check_envelope(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog"),
            Err(IngestError::Unreadable(m)) if m.contains("truncated")
        ));
        assert!(check_envelope(b"%PDF-1.7\n...\n%%EOF\n").is_ok());
    }
}
