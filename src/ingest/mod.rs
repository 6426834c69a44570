//! Turning an added file (PDF, HTML, Markdown, CSV, TSV or plain text) into the lines of text that
//! citations count, with the page of each line for PDFs, and reading its metadata from the
//! content.
//!
//! - `decode`: text encodings (BOM, declared charset, UTF-8, Shift_JIS/CP932, EUC-JP
//!   detection) and line splitting;
//! - `html`: the readable text of an HTML page;
//! - `markdown`: Markdown line for line, its HTML tables read as rows;
//! - `delimited`: CSV and TSV records as rows of tab-separated cells;
//! - `pdf`: PDF text and pages with poppler's `pdftotext`, run by `process` with a time limit;
//! - `columns`: the two text columns of a `-layout` page read one after the other;
//! - `side_boxes`: boxes a `-layout` page sets side by side (a logic model's, cards) read box
//!   by box from poppler's blocks;
//! - `side_tables`: two tables a `-layout` page sets side by side read one after the other;
//! - `centred_rows`: table rows whose cells `-layout` sets over three lines, joined back;
//! - `meta`: title, date and publisher read from the top of a document;
//! - `kind`: which known kind of document a text is, scored from its structure.

mod centred_rows;
mod columns;
mod decode;
mod delimited;
mod grid_tables;
mod html;
mod kind;
mod markdown;
mod meta;
mod pdf;
mod process;
mod side_boxes;
mod side_tables;
mod wrapped_rows;

pub use kind::{KindScore, MIN_SCORE, score_kinds};

use crate::corpus::DocKind;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use std::time::Duration;

/// The format of an added file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// A PDF with a text layer.
    Pdf,
    /// An HTML page.
    Html,
    /// Markdown.
    Markdown,
    /// Plain text (UTF-8, Shift_JIS/CP932 or EUC-JP).
    Text,
    /// Comma-separated values, in any encoding plain text may have.
    Csv,
    /// Tab-separated values (an open-data export, `.tsv`), read as CSV is.
    Tsv,
}

impl Format {
    /// The snake_case name used in manifests and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Html => "html",
            Format::Markdown => "markdown",
            Format::Text => "text",
            Format::Csv => "csv",
            Format::Tsv => "tsv",
        }
    }
}

/// Why a file could not be turned into text.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The type of file is not one that can be read (HTTP 415).
    #[error("unsupported type of document: {0}")]
    Unsupported(String),
    /// The file is corrupt, truncated or encrypted (HTTP 422).
    #[error("the document cannot be read: {0}")]
    Unreadable(String),
    /// A PDF without a text layer, such as a scan (HTTP 422).
    #[error("the PDF has no text layer (a scan?); OCR is not supported")]
    NoTextLayer,
    /// The file decodes to no text (HTTP 422).
    #[error("the document contains no text")]
    Empty,
    /// The converter did not finish within its time limit (HTTP 422).
    #[error("the converter did not finish within {0:?}")]
    Timeout(Duration),
    /// The converter cannot be run on this machine (HTTP 503): a server problem, not a
    /// problem of the document.
    #[error("the converter is not available: {0}")]
    ConverterUnavailable(String),
}

impl IngestError {
    /// A stable machine-readable code for API errors.
    pub fn code(&self) -> &'static str {
        match self {
            IngestError::Unsupported(_) => "unsupported_media_type",
            IngestError::Unreadable(_) => "unreadable_document",
            IngestError::NoTextLayer => "no_text_layer",
            IngestError::Empty => "empty_document",
            IngestError::Timeout(_) => "converter_timeout",
            IngestError::ConverterUnavailable(_) => "converter_unavailable",
        }
    }
}

/// Limits and tools for the conversion.
#[derive(Debug, Clone)]
pub struct ConvertOptions {
    /// Longest an external converter may run before it is killed (for a PDF, both of its
    /// runs together).
    pub timeout: Duration,
    /// The `pdftotext` program (poppler-utils): a name looked up on `PATH`, or a path.
    pub pdftotext: PathBuf,
}

impl Default for ConvertOptions {
    fn default() -> Self {
        ConvertOptions {
            timeout: Duration::from_secs(30),
            pdftotext: PathBuf::from("pdftotext"),
        }
    }
}

/// A file turned into text.
#[derive(Debug, Clone, PartialEq)]
pub struct Converted {
    /// The format it was read as.
    pub format: Format,
    /// Lines of the extracted text, without terminators; line N is `lines[N - 1]`.
    pub lines: Vec<String>,
    /// For PDFs, the 1-based page of every line (same length as `lines`).
    pub line_pages: Option<Vec<u32>>,
    /// For PDFs, the number of pages.
    pub pages: Option<u32>,
}

/// Decides the format from the declared content type, then the file name's extension.
pub fn detect_format(
    content_type: Option<&str>,
    filename: Option<&str>,
) -> Result<Format, IngestError> {
    let mime = content_type
        .map(|c| {
            c.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        })
        .filter(|m| !m.is_empty() && m != "application/octet-stream");
    if let Some(mime) = mime {
        return match mime.as_str() {
            "application/pdf" => Ok(Format::Pdf),
            "text/html" | "application/xhtml+xml" => Ok(Format::Html),
            "text/markdown" | "text/x-markdown" => Ok(Format::Markdown),
            "text/plain" => Ok(Format::Text),
            "text/csv" | "application/csv" => Ok(Format::Csv),
            "text/tab-separated-values" => Ok(Format::Tsv),
            other => Err(IngestError::Unsupported(other.to_string())),
        };
    }
    let ext = filename
        .and_then(|f| f.rsplit_once('.'))
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "pdf" => Ok(Format::Pdf),
        "html" | "htm" | "xhtml" => Ok(Format::Html),
        "md" | "markdown" => Ok(Format::Markdown),
        "txt" | "text" => Ok(Format::Text),
        "csv" => Ok(Format::Csv),
        "tsv" | "tab" => Ok(Format::Tsv),
        other => Err(IngestError::Unsupported(format!(
            "file extension {other:?}"
        ))),
    }
}

/// Converts `bytes` of `format` into lines; `charset` is a declared text encoding, if any
/// (the `charset` parameter of an HTTP `Content-Type`), which wins over detection.
///
/// Text and Markdown are kept line for line (line endings normalised, a BOM dropped; an HTML
/// table in Markdown read as rows on the lines of its tags); a CSV gives a line per record,
/// its fields a tab apart; HTML
/// gives its readable text with Markdown-style headings (see the `html` module); a PDF gives
/// the text of its pages with the page of every line.
pub fn convert(
    bytes: &[u8],
    format: Format,
    charset: Option<&str>,
    options: &ConvertOptions,
) -> Result<Converted, IngestError> {
    let text_only = |lines| Converted {
        format,
        lines,
        line_pages: None,
        pages: None,
    };
    match format {
        // (An e-mail's quoted lines, `> …` and `>> …`, read as the lines they quote.)
        Format::Text => Ok(text_only(markdown::without_quote_marks(
            decode::split_lines(&decode::decode(bytes, charset)?),
        ))),
        Format::Csv => Ok(text_only(delimited::csv_lines(&decode::decode(
            bytes, charset,
        )?)?)),
        Format::Tsv => Ok(text_only(delimited::tsv_lines(&decode::decode(
            bytes, charset,
        )?)?)),
        Format::Markdown => Ok(text_only(grid_tables::with_grid_tables(
            markdown::without_quote_marks(markdown::with_html_tables(decode::split_lines(
                &decode::decode(bytes, charset)?,
            ))),
        ))),
        Format::Html => Ok(text_only(html::html_lines(bytes, charset)?)),
        Format::Pdf => {
            let text = pdf::pdf_text(bytes, options)?;
            Ok(Converted {
                format,
                lines: text.lines,
                line_pages: Some(text.line_pages),
                pages: Some(text.pages),
            })
        }
    }
}

/// Metadata read from a document's content.
#[derive(Debug, Clone, PartialEq)]
pub struct DetectedMeta {
    /// The first heading.
    pub title: Option<String>,
    /// Publication date (`YYYY-MM` or `YYYY-MM-DD`).
    pub date: Option<String>,
    /// The ministry or agency named near the title.
    pub publisher: Option<String>,
    /// The known kind whose structure the document has, or [`DocKind::Other`].
    pub kind: DocKind,
}

/// Reads title, date, publisher and kind from the lines of a converted document.
///
/// Title, date and publisher come from the top of the document (see the `meta` module): of
/// a CSV, only the rows of one cell above its table (a header row is no title); the kind
/// from the structure of the whole text ([`score_kinds`]), never from a file name.
pub fn detect_metadata(converted: &Converted) -> DetectedMeta {
    let lines = &converted.lines;
    let top = match converted.format {
        Format::Csv | Format::Tsv => {
            let above_table = lines
                .iter()
                .take_while(|line| delimited::filled_cells(line) <= 1)
                .count();
            meta::read_top(&lines[..above_table])
        }
        _ => meta::read_top(lines),
    };
    DetectedMeta {
        title: top.title,
        date: top.date,
        publisher: top.publisher,
        kind: kind::detect_kind(lines),
    }
}
