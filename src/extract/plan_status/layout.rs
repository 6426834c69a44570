//! Line layout: labels, bullets, focus blocks, table header rows and row titles.

use super::*;

/// The text inside a parenthesis that opens `text` (full- or half-width), if any.
pub(super) fn leading_paren(text: &str) -> Option<&str> {
    let text = text.trim_start();
    let (open, close) = if text.starts_with('（') {
        ('（', '）')
    } else if text.starts_with('(') {
        ('(', ')')
    } else {
        return None;
    };
    let inner = &text[open.len_utf8()..];
    let end = inner.find(close)?;
    Some(&inner[..end])
}

pub(super) fn is_bullet(text: &str) -> bool {
    text.starts_with("- ") || text == "-"
}

/// `label：text` lines with a short label.
pub(super) fn label_line(text: &str) -> Option<(&str, &str)> {
    if is_bullet(text) || text.contains('\t') {
        return None;
    }
    let (label, rest) = text.split_once('：')?;
    let length = label.chars().count();
    ((2..=30).contains(&length)
        && !label.contains('「')
        && !rest.trim().is_empty()
        && find_amounts(text).is_empty())
    .then_some((label, rest))
}

/// If a focus area starts at `index` (heading, bullets/targets, 具体的な取組, items), the index
/// just past it.
pub(super) fn focus_block(lines: &[(usize, String)], index: usize) -> Option<usize> {
    let (_, head) = lines.get(index)?;
    if is_bullet(head)
        || head == "具体的な取組"
        || head.starts_with('[')
        || label_line(head).is_some()
    {
        return None;
    }
    let mut cursor = index + 1;
    if !lines.get(cursor).is_some_and(|(_, t)| is_bullet(t)) {
        return None;
    }
    while lines
        .get(cursor)
        .is_some_and(|(_, t)| is_bullet(t) || TARGET.is_match(t) && t.starts_with('['))
    {
        cursor += 1;
    }
    if lines.get(cursor).map(|(_, t)| t.as_str()) != Some("具体的な取組") {
        return None;
    }
    cursor += 1;
    while lines.get(cursor).is_some_and(|(_, t)| is_bullet(t)) {
        cursor += 1;
    }
    Some(cursor)
}

pub(super) fn is_header_row(cell1: &str, cell2: &str) -> bool {
    let short = |s: &str| {
        let s = s.trim();
        !s.is_empty() && s.chars().count() <= 20 && !s.contains('<') && !s.contains('・')
    };
    short(cell1) && short(cell2)
}

/// Byte span of a row's title in cell 1: `<p>①title</p>` (circled number), or the first
/// bullet's first sentence when rows have no titles.
pub(super) fn row_title(cell: &str) -> Option<(usize, usize)> {
    let mut index = 0;
    let bytes_len = cell.len();
    // Skip tags, spaces and bullet marks at the start.
    loop {
        let rest = &cell[index..];
        if rest.starts_with('<') {
            index += rest.find('>').map(|i| i + 1).unwrap_or(rest.len());
        } else if let Some(ch) = rest
            .chars()
            .next()
            .filter(|c| c.is_whitespace() || *c == '・')
        {
            index += ch.len_utf8();
        } else {
            break;
        }
        if index >= bytes_len {
            return None;
        }
    }
    let rest = &cell[index..];
    let first = rest.chars().next()?;
    let circled = ('①'..='⑳').contains(&first);
    let start = if circled {
        let after = index + first.len_utf8();
        after + (cell[after..].len() - cell[after..].trim_start().len())
    } else {
        index
    };
    let body = &cell[start..];
    let mut end = body.len();
    let stops: &[&str] = if circled {
        &["</p>", "<", " ・", "\u{3000}・", " 「", "。"]
    } else {
        &["。", "</p>", "<"]
    };
    for stop in stops {
        if let Some(i) = body.find(stop) {
            end = end.min(i);
        }
    }
    let mut title = body[..end].trim_end();
    if !circled {
        for suffix in ["する", "します", "を行う"] {
            if let Some(stripped) = title.strip_suffix(suffix) {
                title = stripped;
                break;
            }
        }
    }
    if title.trim().is_empty() {
        return None;
    }
    let leading = title.len() - title.trim_start().len();
    Some((start + leading, start + title.len()))
}
