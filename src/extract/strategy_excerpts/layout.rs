//! Layout of excerpt lines and table cells: slide headings, area labels, chapter paths.

use super::*;
use crate::extract::recognise::numbering::{Style, numbered};

/// `「政府の重要政策」の具体例①` style slide headings.
pub(super) fn is_slide_heading(text: &str) -> bool {
    text.ends_with(|c: char| ('①'..='⑳').contains(&c)) && !text.starts_with('-')
}

/// A short bare line naming a strategic area.
pub(super) fn is_area_label(text: &str) -> bool {
    let count = text.chars().count();
    (2..=24).contains(&count)
        && !text.starts_with(['-', '第', '(', '（', '「', '<', '・'])
        && !text.starts_with(|c: char| c.is_ascii_digit())
        && !text.contains(['。', '、', '\t'])
}

/// Lines holding excerpt text rather than a chapter heading.
pub(super) fn is_excerpt_line(raw: &str) -> bool {
    let text = raw.trim().trim_start_matches(['-', ' ']);
    text.starts_with('・') || text.chars().count() > 60 || text.contains('。')
}

/// Keeps a chapter path as a stack: a heading of the same numbering style replaces the last
/// one of that style and everything under it.
pub(super) fn heading_push(path: &mut Vec<String>, heading: String) {
    let style = numbering_style(&heading);
    if let Some(position) = path.iter().position(|h| numbering_style(h) == style) {
        path.truncate(position);
    }
    path.push(heading);
}

/// The numbering style of a chapter heading (`None` when it has no numbering).
pub(super) fn numbering_style(heading: &str) -> Option<Style> {
    numbered(heading.trim_start_matches(['-', ' '])).map(|n| n.style)
}

/// Splits a row cell into its chapter path (heading paragraphs) and its excerpt text.
pub(super) fn split_path_and_excerpt(cell: &str) -> (String, String) {
    let before_list = cell.split("<ul").next().unwrap_or(cell);
    let paragraphs: Vec<String> = PARAGRAPH
        .captures_iter(before_list)
        .filter_map(|c| c.get(1).map(|m| clean_name(m.as_str())))
        .filter(|p| !p.is_empty())
        .collect();
    let has_list = cell.contains("<ul");
    let (path, excerpt) = if has_list {
        let excerpt = cell
            .split_once("<ul")
            .map(|(_, rest)| clean_name(rest))
            .unwrap_or_default();
        (paragraphs, excerpt)
    } else if paragraphs.len() > 1 {
        let split = paragraphs
            .iter()
            .position(|p| !is_heading_paragraph(p))
            .unwrap_or(paragraphs.len() - 1)
            .max(1);
        (paragraphs[..split].to_vec(), paragraphs[split..].join(" "))
    } else {
        let whole = clean_name(cell);
        (vec![whole.clone()], whole)
    };
    (path.join(" / "), excerpt)
}

pub(super) fn is_heading_paragraph(text: &str) -> bool {
    text.chars().count() <= 80 && !text.contains('。') && !text.starts_with('○')
}

/// The first paragraph of a row cell, as written, for a short quote.
pub(super) fn path_quote(cell: &str) -> &str {
    let start = cell.find("<p>").map(|i| i + 3).unwrap_or(0);
    let end = cell[start..]
        .find("</p>")
        .map(|i| start + i)
        .unwrap_or(cell.len());
    let quote = cell[start..end].trim();
    if quote.is_empty() {
        shorten(cell.trim())
    } else {
        shorten(quote)
    }
}
