//! Text helpers: char caps, sentences, fund names before a position.

use crate::extract::recognise::names::is_hiragana;

pub(super) fn cap_chars(text: &str, limit: usize) -> String {
    text.chars().take(limit).collect()
}

pub(super) fn after_len(after: &str, chars: usize) -> usize {
    after
        .char_indices()
        .nth(chars)
        .map(|(i, _)| i)
        .unwrap_or(after.len())
}

/// Simplified-character variants that appear in converted PDFs, folded to their Japanese forms.
pub(super) fn fold_variants(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '资' => '資',
            '单' => '単',
            '时' => '時',
            '发' => '発',
            other => other,
        })
        .collect()
}

/// A sentence of a line with its byte offset.
pub(super) struct Sentence<'t> {
    pub(super) text: &'t str,
}

pub(super) fn split_sentences(text: &str) -> Vec<Sentence<'_>> {
    text.split_inclusive('。')
        .map(|text| Sentence { text })
        .collect()
}

/// The name of a …基金 ending at `end` in `text`.
pub(super) fn fund_name_before(text: &str, end: usize) -> Option<String> {
    let head = &text[..end];
    let start = head
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || matches!(c, '・' | 'ー')) || is_hiragana(*c))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    let name = &head[start..];
    (name.chars().count() >= 4).then(|| name.to_string())
}
