//! The text model: lines cleaned of page numbers, spacing and running headers, and the
//! slide titles a section's lines stand under.

use super::*;

/// The document's lines as written plus a cleaned, NFKC form for reading names.
pub(super) struct DocText<'a> {
    pub(super) doc: &'a SeedDoc,
    /// Cleaned text per line (index = line number - 1).
    pub(super) clean: Vec<String>,
    /// Page number per line (pages start at a leading-space line or after three blank lines).
    pub(super) page: Vec<usize>,
}

impl<'a> DocText<'a> {
    pub(super) fn new(doc: &'a SeedDoc) -> DocText<'a> {
        let mut clean = Vec::with_capacity(doc.lines.len());
        let mut page = Vec::with_capacity(doc.lines.len());
        let mut current = 0usize;
        let mut blanks = 0usize;
        let mut previous_single = 0usize;
        for raw in &doc.lines {
            let starts_page = starts_page(raw);
            if raw.trim().is_empty() {
                blanks += 1;
                page.push(current);
                clean.push(String::new());
                continue;
            }
            if starts_page || blanks >= 3 {
                current += 1;
            }
            blanks = 0;
            page.push(current);
            let mut line = clean_line(raw);
            if previous_single >= 3
                && let Some(rest) = line.strip_prefix("他 ")
            {
                line = rest.trim().to_string();
            }
            previous_single = if line.chars().count() == 1 {
                previous_single + 1
            } else {
                0
            };
            clean.push(line);
        }
        DocText { doc, clean, page }
    }

    pub(super) fn len(&self) -> usize {
        self.doc.lines.len()
    }

    /// Original line by 0-based index.
    pub(super) fn raw(&self, index: usize) -> &str {
        self.doc.lines.get(index).unwrap_or("")
    }

    /// Cleaned line by 0-based index.
    pub(super) fn cleaned(&self, index: usize) -> &str {
        self.clean.get(index).map(String::as_str).unwrap_or("")
    }

    pub(super) fn page_of(&self, index: usize) -> usize {
        self.page.get(index).copied().unwrap_or(0)
    }

    /// Indices of up to `count` non-blank lines before `index`, nearest first.
    pub(super) fn before(&self, index: usize, count: usize) -> Vec<usize> {
        (0..index)
            .rev()
            .filter(|i| !self.cleaned(*i).is_empty())
            .take(count)
            .collect()
    }

    /// Indices of up to `count` non-blank lines after `index`, nearest first.
    pub(super) fn after(&self, index: usize, count: usize) -> Vec<usize> {
        (index + 1..self.len())
            .filter(|i| !self.cleaned(*i).is_empty())
            .take(count)
            .collect()
    }

    /// A source on one line quoting `needle` when it stands there, else the line itself.
    pub(super) fn source(&self, index: usize, needle: &str) -> Source {
        let raw = self.raw(index);
        let quote = if !needle.is_empty() && raw.contains(needle) {
            needle.to_string()
        } else {
            short(raw.trim())
        };
        Source {
            doc: self.doc.file().into(),
            line_start: index as u32 + 1,
            line_end: index as u32 + 1,
            quote: quote.into(),
        }
    }

    /// A source spanning lines `first..=last`, quoting the joined text (shortened).
    pub(super) fn span_source(&self, first: usize, last: usize) -> Source {
        if first >= last {
            return self.source(first, "");
        }
        let joined = (first..=last)
            .map(|i| self.raw(i))
            .collect::<Vec<_>>()
            .join("\n");
        let trimmed = joined.trim();
        Source {
            doc: self.doc.file().into(),
            line_start: first as u32 + 1,
            line_end: last as u32 + 1,
            quote: short(trimmed).into(),
        }
    }
}

/// Lines that open a page with the same text as another page of the section does: a running
/// title naming what those pages are about (`地域おこし協力隊の推進` over each page of its sheet).
pub(super) fn running_titles(text: &DocText, section: &PolicySection) -> Vec<usize> {
    let mut by_text: HashMap<&str, Vec<usize>> = HashMap::new();
    for i in section.start..section.end {
        if starts_page(text.raw(i)) && !text.cleaned(i).is_empty() {
            by_text.entry(text.cleaned(i)).or_default().push(i);
        }
    }
    let mut lines: Vec<usize> = by_text
        .into_values()
        .filter(|lines| lines.len() >= 2)
        .flatten()
        .collect();
    lines.sort_unstable();
    lines
}

/// Whether a raw line opens a page: the text of a new page starts one space in.
pub(super) fn starts_page(raw: &str) -> bool {
    raw.starts_with(' ') && raw.chars().nth(1).is_some_and(|c| c != ' ')
}

/// Cuts a quote to at most 200 chars on a char boundary.
pub(super) fn short(text: &str) -> String {
    text.chars().take(200).collect()
}

pub(super) static LEADING_PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\d{1,2}([^\d\s年月日件人局団体万億兆か回つ割のヶ％%\.,:：/・,、。）)ー－\-])")
        .expect("leading page number")
});
pub(super) static TRAILING_PAGE_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s\d{1,2}(?:[^\d\s]{0,8})?$").expect("trailing page number"));
pub(super) static SPACES: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s+").expect("spaces"));

/// NFKC, trimmed, spaces collapsed, exact doubled halves collapsed, glued page number dropped.
pub(super) fn clean_line(raw: &str) -> String {
    let text = nfkc_keep_circled(raw);
    let text = SPACES.replace_all(text.trim(), " ").to_string();
    let text = join_spaced_cjk(&text);
    let text = dedupe_halves(&text);
    LEADING_PAGE_NUMBER.replace(&text, "$1").to_string()
}

/// NFKC that leaves circled numbers (`①` … `⑳`) as they are: they number slides, functions
/// and pillars, and plain NFKC would turn them into digits that read like page numbers.
pub(super) fn nfkc_keep_circled(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut run = String::new();
    for c in raw.chars() {
        if is_circled(c) {
            out.push_str(&nfkc(&run));
            run.clear();
            out.push(c);
        } else {
            run.push(c);
        }
    }
    out.push_str(&nfkc(&run));
    out
}

pub(super) fn is_circled(c: char) -> bool {
    ('①'..='⑳').contains(&c)
}

/// Removes justification spaces (`万 国 郵 便 連 合`) when a line has many of them.
pub(super) fn join_spaced_cjk(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let wide = |c: char| !c.is_ascii() || c.is_ascii_digit();
    let spaced: Vec<usize> = (1..chars.len().saturating_sub(1))
        .filter(|&k| chars[k] == ' ' && wide(chars[k - 1]) && wide(chars[k + 1]))
        .collect();
    let tokens: Vec<&str> = text.split(' ').collect();
    let single = tokens
        .iter()
        .filter(|t| t.chars().count() == 1 && !is_empty_cell(t))
        .count();
    if spaced.len() < 4 || single * 2 < tokens.len() {
        return text.to_string();
    }
    chars
        .iter()
        .enumerate()
        .filter(|(k, _)| !spaced.contains(k))
        .map(|(_, c)| *c)
        .collect()
}

/// `研究開発の推進研究開発の推進` → `研究開発の推進`.
pub(super) fn dedupe_halves(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    if n >= 4 && n.is_multiple_of(2) && chars[..n / 2] == chars[n / 2..] {
        return chars[..n / 2].iter().collect();
    }
    // `スタートアップ スタートアップ` style with a space between the halves.
    if n >= 5 && n % 2 == 1 && chars[n / 2] == ' ' && chars[..n / 2] == chars[n / 2 + 1..] {
        return chars[..n / 2].iter().collect();
    }
    text.to_string()
}

/// Removes a slide page number glued to the end of a title.
pub(super) fn strip_trailing_page_number(text: &str) -> (String, Option<String>) {
    match TRAILING_PAGE_NUMBER.find(text) {
        Some(m) => {
            let tail: String = m
                .as_str()
                .trim()
                .chars()
                .skip_while(|c| c.is_ascii_digit())
                .collect();
            let tag = (!tail.is_empty()).then_some(tail);
            (text[..m.start()].trim().to_string(), tag)
        }
        None => (text.to_string(), None),
    }
}
