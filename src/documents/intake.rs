//! Turning an added file into a document ready for the library: limits, format, text,
//! metadata read from the content and the caller's overrides. Nothing is written here.

use super::DocumentError;
use crate::corpus::{DocKind, DocumentInfo, SeedDoc};
use crate::ingest::{self, ConvertOptions, Format};
use crate::library::{LibraryEntry, NewDocument, names, sha256_hex};

/// Default largest document accepted, in bytes.
pub const DEFAULT_MAX_DOCUMENT_BYTES: usize = 50 * 1024 * 1024;

/// Limits of an add.
#[derive(Debug, Clone)]
pub struct IntakeOptions {
    /// Largest original file accepted.
    pub max_bytes: usize,
    /// Conversion limits (the converter's time limit).
    pub convert: ConvertOptions,
}

impl Default for IntakeOptions {
    fn default() -> Self {
        IntakeOptions {
            max_bytes: DEFAULT_MAX_DOCUMENT_BYTES,
            convert: ConvertOptions::default(),
        }
    }
}

/// Metadata given by the caller; each one given replaces what the content suggests.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    /// Title.
    pub title: Option<String>,
    /// Publisher.
    pub publisher: Option<String>,
    /// Date (`YYYY-MM` or `YYYY-MM-DD`).
    pub date: Option<String>,
    /// Kind, by its snake_case name.
    pub kind: Option<String>,
}

/// A file as it arrives.
#[derive(Debug, Clone)]
pub struct Incoming {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// Its declared content type, if any (`text/plain; charset=shift_jis`).
    pub content_type: Option<String>,
    /// Its file name as given, if any (only the last component is used).
    pub filename: Option<String>,
    /// Metadata overrides.
    pub overrides: Overrides,
}

/// Reads a kind's snake_case name.
pub fn parse_kind(name: &str) -> Result<DocKind, DocumentError> {
    let kinds = [
        DocKind::BudgetOverview,
        DocKind::BudgetRequest,
        DocKind::PolicyEvaluation,
        DocKind::StrategyExcerpts,
        DocKind::PlanStatus,
        DocKind::Other,
    ];
    kinds
        .into_iter()
        .find(|k| k.as_str() == name.trim())
        .ok_or_else(|| {
            let names: Vec<&str> = kinds.iter().map(|k| k.as_str()).collect();
            DocumentError::BadMetadata(format!(
                "unknown kind {name:?}; one of {}",
                names.join(", ")
            ))
        })
}

/// Checks a date override: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
fn check_date(date: &str) -> Result<(), DocumentError> {
    let parts: Vec<&str> = date.split('-').collect();
    let widths = [4, 2, 2];
    let well_formed = !parts.is_empty()
        && parts.len() <= 3
        && parts
            .iter()
            .zip(widths)
            .all(|(p, w)| p.len() == w && p.bytes().all(|b| b.is_ascii_digit()));
    if well_formed {
        Ok(())
    } else {
        Err(DocumentError::BadMetadata(format!(
            "date {date:?} must be YYYY, YYYY-MM or YYYY-MM-DD"
        )))
    }
}

fn content_type_of(format: Format, declared: Option<&str>) -> String {
    match (format, declared) {
        (_, Some(declared))
            if !declared.trim().is_empty()
                && !declared
                    .trim()
                    .eq_ignore_ascii_case("application/octet-stream") =>
        {
            declared.trim().to_string()
        }
        (Format::Pdf, _) => "application/pdf".into(),
        (Format::Html, _) => "text/html".into(),
        (Format::Markdown, _) => "text/markdown".into(),
        (Format::Text, _) => "text/plain".into(),
        (Format::Csv, _) => "text/csv".into(),
        (Format::Tsv, _) => "text/tab-separated-values".into(),
    }
}

fn extension_of(format: Format) -> &'static str {
    match format {
        Format::Pdf => "pdf",
        Format::Html => "html",
        Format::Markdown => "md",
        Format::Text => "txt",
        Format::Csv => "csv",
        Format::Tsv => "tsv",
    }
}

/// The charset parameter of a content type.
fn charset_of(content_type: Option<&str>) -> Option<String> {
    content_type?.split(';').skip(1).find_map(|parameter| {
        let (key, value) = parameter.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches('"').to_string())
    })
}

/// The detected kind, unless the document only resembles that layout and its reader would
/// read less of it than the generic one ([`crate::extract::confirm_kind`]).
fn fitting_kind(entry: &LibraryEntry, lines: &[String]) -> DocKind {
    if entry.kind == DocKind::Other {
        return DocKind::Other;
    }
    let info = DocumentInfo {
        file: entry.id.clone(),
        title: entry.title.clone(),
        publisher: entry.publisher.clone(),
        date: entry.date.clone(),
        kind: entry.kind,
    };
    let doc = SeedDoc {
        info,
        lines: lines.to_vec().into(),
    };
    crate::extract::confirm_kind(&doc)
}

/// Checks, converts and describes a file; the result's id is its sanitised file name, made
/// unique when it is stored.
pub fn prepare(incoming: Incoming, options: &IntakeOptions) -> Result<NewDocument, DocumentError> {
    if incoming.bytes.len() > options.max_bytes {
        return Err(DocumentError::TooLarge {
            limit: options.max_bytes,
        });
    }
    let overrides = &incoming.overrides;
    let kind_override = overrides.kind.as_deref().map(parse_kind).transpose()?;
    if let Some(date) = overrides.date.as_deref() {
        check_date(date)?;
    }
    let given_name = incoming
        .filename
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty());
    let format = ingest::detect_format(incoming.content_type.as_deref(), given_name)?;
    let charset = charset_of(incoming.content_type.as_deref());
    let converted = ingest::convert(
        &incoming.bytes,
        format,
        charset.as_deref(),
        &options.convert,
    )?;
    if converted.lines.iter().all(|l| l.trim().is_empty()) {
        return Err(ingest::IngestError::Empty.into());
    }
    let detected = ingest::detect_metadata(&converted);
    let file = given_name
        .map(names::sanitize_file_name)
        .unwrap_or_else(|| format!("document.{}", extension_of(format)));
    let pick = |given: &Option<String>, found: Option<String>| {
        given
            .as_deref()
            .map(str::trim)
            .filter(|g| !g.is_empty())
            .map(str::to_string)
            .or(found)
            .unwrap_or_default()
    };
    let title = pick(&overrides.title, detected.title);
    let mut entry = LibraryEntry {
        id: file.clone(),
        file: given_name
            .map(|n| n.rsplit(['/', '\\']).next().unwrap_or(n).to_string())
            .unwrap_or_else(|| file.clone()),
        title: if title.is_empty() {
            file.clone()
        } else {
            title
        },
        publisher: pick(&overrides.publisher, detected.publisher),
        date: pick(&overrides.date, detected.date),
        kind: kind_override.unwrap_or(detected.kind),
        format: converted.format,
        content_type: content_type_of(format, incoming.content_type.as_deref()),
        sha256: sha256_hex(&incoming.bytes),
        pages: converted.pages,
        added_at: String::new(),
    };
    if kind_override.is_none() {
        entry.kind = fitting_kind(&entry, &converted.lines);
    }
    Ok(NewDocument {
        entry,
        original: incoming.bytes,
        lines: converted.lines,
        line_pages: converted.line_pages,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn incoming(bytes: &[u8], content_type: &str, filename: &str) -> Incoming {
        Incoming {
            bytes: bytes.to_vec(),
            content_type: Some(content_type.into()),
            filename: Some(filename.into()),
            overrides: Overrides::default(),
        }
    }

    #[test]
    fn metadata_comes_from_the_content_unless_given() {
        let text = "# 令和7年度 地域デジタル化の取組\n\n本文です。".as_bytes();
        let document = prepare(
            incoming(text, "text/markdown", "../x/取組.md"),
            &IntakeOptions::default(),
        )
        .expect("prepared");
        assert_eq!(document.entry.id, "取組.md");
        assert_eq!(document.entry.title, "令和7年度 地域デジタル化の取組");
        assert_eq!(document.entry.format, Format::Markdown);
        let mut given = incoming(text, "text/markdown", "a.md");
        given.overrides.title = Some("別の題".into());
        given.overrides.kind = Some("budget_request".into());
        let document = prepare(given, &IntakeOptions::default()).expect("prepared");
        assert_eq!(document.entry.title, "別の題");
        assert_eq!(document.entry.kind, DocKind::BudgetRequest);
    }

    #[test]
    fn a_csv_in_shift_jis_becomes_rows_of_tab_separated_cells() {
        let text = "年度,事業名,補正額（円）\r\n2025,道路維持補修事業,95000000\r\n";
        let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(text);
        for (content_type, filename) in [("text/csv", "補正.dat"), ("", "補正.csv")] {
            let mut given = incoming(&bytes, content_type, filename);
            given.content_type = Some(content_type.into()).filter(|c: &String| !c.is_empty());
            let document = prepare(given, &IntakeOptions::default()).expect("prepared");
            assert_eq!(document.entry.format, Format::Csv);
            assert_eq!(
                document.lines,
                [
                    "年度\t事業名\t補正額（円）",
                    "2025\t道路維持補修事業\t95000000"
                ]
            );
        }
    }

    #[test]
    fn a_csv_s_title_is_the_row_of_one_cell_above_its_table() {
        let text = "令和７年度１２月補正予算一覧,,\n年度,事業名,補正額（円）\n2025,道路維持補修事業,95000000\n";
        let document = prepare(
            incoming(text.as_bytes(), "text/csv", "hosei.csv"),
            &IntakeOptions::default(),
        )
        .expect("prepared");
        assert_eq!(document.entry.title, "令和７年度１２月補正予算一覧");
    }

    #[test]
    fn bad_input_is_refused() {
        let options = IntakeOptions {
            max_bytes: 4,
            ..IntakeOptions::default()
        };
        assert!(matches!(
            prepare(incoming(b"12345", "text/plain", "a.txt"), &options),
            Err(DocumentError::TooLarge { limit: 4 })
        ));
        let options = IntakeOptions::default();
        assert!(matches!(
            prepare(incoming(b" \n ", "text/plain", "a.txt"), &options),
            Err(DocumentError::Ingest(ingest::IngestError::Empty))
        ));
        assert!(matches!(
            prepare(incoming(b"x", "image/png", "a.png"), &options),
            Err(DocumentError::Ingest(ingest::IngestError::Unsupported(_)))
        ));
        let mut bad_kind = incoming(b"x", "text/plain", "a.txt");
        bad_kind.overrides.kind = Some("novel".into());
        assert!(matches!(
            prepare(bad_kind, &options),
            Err(DocumentError::BadMetadata(_))
        ));
        let mut bad_date = incoming(b"x", "text/plain", "a.txt");
        bad_date.overrides.date = Some("令和7年".into());
        assert!(matches!(
            prepare(bad_date, &options),
            Err(DocumentError::BadMetadata(_))
        ));
    }

    #[test]
    fn charset_parameter_is_read() {
        assert_eq!(
            charset_of(Some("text/plain; charset=\"Shift_JIS\"")).as_deref(),
            Some("Shift_JIS")
        );
        assert_eq!(charset_of(Some("text/plain")), None);
    }
}
