//! The deck's lines prepared for reading: quotes, page numbers, bullets, digits and joined fragments.

use super::*;

/// One line of the document with its cleaned text.
#[derive(Debug, Clone)]
pub(super) struct Line<'a> {
    /// 1-based line number.
    pub(super) no: u32,
    /// The line as written.
    pub(super) raw: &'a str,
    /// Private-use glyphs removed, trimmed.
    pub(super) text: String,
    /// Whether the line starts with white space (a PDF text box glued to the previous one).
    pub(super) indented: bool,
}

pub(super) fn prepare_lines(doc: &SeedDoc) -> Vec<Line<'_>> {
    doc.lines
        .iter()
        .enumerate()
        .map(|(index, raw)| {
            let cleaned: String = raw.chars().filter(|c| !is_private_use(*c)).collect();
            let text = cleaned.trim().to_string();
            Line {
                no: u32::try_from(index + 1).unwrap_or(u32::MAX),
                raw,
                indented: raw.starts_with(char::is_whitespace) && !text.is_empty(),
                text,
            }
        })
        .collect()
}

pub(super) fn is_private_use(c: char) -> bool {
    ('\u{E000}'..='\u{F8FF}').contains(&c)
}

/// A short quote that stands verbatim in the line: the trimmed line, cut to 200 chars.
pub(super) fn quote_of(raw: &str) -> String {
    raw.trim().chars().take(200).collect()
}

pub(super) fn is_page_number(text: &str) -> bool {
    !text.is_empty() && text.len() <= 3 && text.chars().all(|c| c.is_ascii_digit())
}

pub(super) fn is_bullet(text: &str) -> bool {
    text.starts_with(['•', '●', '◆', '◇'])
}

/// Folds full-width digits to ASCII.
pub(super) fn fold_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' => '.',
            '，' => ',',
            other => other,
        })
        .collect()
}

pub(super) fn parse_small_number(text: &str) -> Option<u32> {
    fold_digits(text).trim().parse().ok()
}

/// A key for comparing names: NFKC, lower case, without spaces, punctuation and `（続き）`.
pub(super) fn match_key(text: &str) -> String {
    let text = strip_continued(text);
    for_matching(&text)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

pub(super) fn strip_continued(text: &str) -> String {
    static CONTINUED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[（(]\s*続き\s*[）)]\s*$").expect("continued pattern"));
    CONTINUED.replace(text.trim(), "").trim().to_string()
}

/// Collapses runs of white space to one space and trims.
pub(super) fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Joins name fragments printed on several lines.
pub(super) fn join_fragments<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for part in parts {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        let needs_space = out
            .chars()
            .last()
            .is_some_and(|c| c.is_ascii_alphanumeric())
            && part
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphanumeric());
        if needs_space {
            out.push(' ');
        }
        out.push_str(part);
    }
    collapse_spaces(&out)
}
