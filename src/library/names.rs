//! Document ids made from file names: plain, readable, unique, and unable to leave the
//! library directory.

use std::collections::HashSet;

/// Longest id, in characters (the extension is kept).
const MAX_ID_CHARS: usize = 100;

/// The file name part of a client-supplied name: directories, `..`, control characters,
/// leading dots and characters that would make citations ambiguous are removed; an empty
/// result becomes `document`.
pub fn sanitize_file_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = last
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, ':' | '*' | '?' | '"' | '<' | '>' | '|' | '#' | '%') {
                '_'
            } else {
                c
            }
        })
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.').trim().to_string();
    let cleaned = if cleaned.is_empty() || cleaned.chars().all(|c| c == '.') {
        "document".to_string()
    } else {
        cleaned
    };
    shorten(&cleaned)
}

/// Keeps the extension and cuts the stem so the whole name has at most [`MAX_ID_CHARS`].
fn shorten(name: &str) -> String {
    if name.chars().count() <= MAX_ID_CHARS {
        return name.to_string();
    }
    let (stem, ext) = split_extension(name);
    let keep = MAX_ID_CHARS.saturating_sub(ext.chars().count());
    format!("{}{ext}", stem.chars().take(keep).collect::<String>())
}

/// `("report", ".pdf")` for `report.pdf`; no extension for names without a dot after the
/// first character.
fn split_extension(name: &str) -> (&str, &str) {
    match name.rfind('.') {
        Some(dot) if dot > 0 && name.len() - dot <= 10 => (&name[..dot], &name[dot..]),
        _ => (name, ""),
    }
}

/// `name` itself when free, otherwise `stem-2.ext`, `stem-3.ext`, … (case-insensitively
/// distinct from every taken id).
pub fn unique_id(name: &str, taken: &HashSet<String>) -> String {
    let lowered: HashSet<String> = taken.iter().map(|t| t.to_lowercase()).collect();
    if !lowered.contains(&name.to_lowercase()) {
        return name.to_string();
    }
    let (stem, ext) = split_extension(name);
    (2u32..)
        .map(|n| format!("{stem}-{n}{ext}"))
        .find(|candidate| !lowered.contains(&candidate.to_lowercase()))
        .unwrap_or_else(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_parts_and_dots_are_removed() {
        assert_eq!(sanitize_file_name("../../etc/passwd"), "passwd");
        assert_eq!(sanitize_file_name("..\\..\\win.ini"), "win.ini");
        assert_eq!(sanitize_file_name(".."), "document");
        assert_eq!(sanitize_file_name(""), "document");
        assert_eq!(sanitize_file_name(".hidden.txt"), "hidden.txt");
        assert_eq!(sanitize_file_name("a:b\u{0}c.pdf"), "a_b_c.pdf");
        assert_eq!(
            sanitize_file_name("令和7年度 予算.pdf"),
            "令和7年度 予算.pdf"
        );
    }

    #[test]
    fn long_names_keep_their_extension() {
        let long = format!("{}.pdf", "あ".repeat(300));
        let short = sanitize_file_name(&long);
        assert_eq!(short.chars().count(), MAX_ID_CHARS);
        assert!(short.ends_with(".pdf"));
    }

    #[test]
    fn taken_names_get_a_number() {
        let taken: HashSet<String> = ["a.pdf", "A-2.pdf", "b"].map(String::from).into();
        assert_eq!(unique_id("a.pdf", &taken), "a-3.pdf");
        assert_eq!(unique_id("b", &taken), "b-2");
        assert_eq!(unique_id("c.txt", &taken), "c.txt");
    }
}
