//! Snippets: the best window of a passage with the matched terms wrapped in `<mark>`.
//!
//! Works on the original text through the analyser's original offsets, so it is always cut
//! on character boundaries; everything else is HTML-escaped.

use crate::analysis::{Analyzer, bigrams, tokens_from_spans};
use crate::index::token_spans;
use std::collections::HashSet;

/// Characters shown around the first cluster of matches.
const WINDOW_CHARS: usize = 140;

/// Builds a snippet of `text` highlighting tokens whose analysed term is in `terms`, or whose
/// bigrams are in `grams` when no morphological term matched. The tokens are read from
/// `stored_spans` (the spans stored with a passage, see [`crate::index::token_spans`]) when
/// they are given and readable, and the text is analysed otherwise.
pub fn snippet(
    analyzer: &Analyzer,
    text: &str,
    stored_spans: Option<&[u8]>,
    terms: &HashSet<String>,
    grams: &HashSet<String>,
) -> String {
    let stored_tokens = stored_spans
        .and_then(|bytes| token_spans::decode(bytes).ok())
        .and_then(|spans| tokens_from_spans(text, &spans));
    let tokens = stored_tokens.unwrap_or_else(|| analyzer.analyze(text));
    let mut marks: Vec<(usize, usize)> = tokens
        .into_iter()
        .filter(|t| terms.contains(&t.term))
        .map(|t| (t.start, t.end))
        .collect();
    if marks.is_empty() {
        marks = bigrams(text)
            .into_iter()
            .filter(|t| grams.contains(&t.term))
            .map(|t| (t.start, t.end))
            .collect();
    }
    let marks = merge_overlapping(marks);
    let (window_start, window_end) = best_window(text, &marks);
    render(text, window_start, window_end, &marks)
}

fn merge_overlapping(mut marks: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    marks.sort();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(marks.len());
    for (start, end) in marks {
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    merged
}

/// The byte window of about [`WINDOW_CHARS`] chars holding the most marks.
fn best_window(text: &str, marks: &[(usize, usize)]) -> (usize, usize) {
    let boundaries: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect();
    let char_count = boundaries.len() - 1;
    if char_count <= WINDOW_CHARS {
        return (0, text.len());
    }
    let char_index = |byte: usize| boundaries.partition_point(|b| *b < byte);
    let mut best = (0usize, 0usize);
    for (i, (start, _)) in marks.iter().enumerate() {
        let first_char = char_index(*start).saturating_sub(WINDOW_CHARS / 4);
        let last_byte = boundaries[(first_char + WINDOW_CHARS).min(char_count)];
        let inside = marks[i..]
            .iter()
            .take_while(|(s, _)| *s < last_byte)
            .count();
        if inside > best.1 {
            best = (first_char, inside);
        }
    }
    let start_char = best.0;
    let end_char = (start_char + WINDOW_CHARS).min(char_count);
    (boundaries[start_char], boundaries[end_char])
}

fn render(text: &str, start: usize, end: usize, marks: &[(usize, usize)]) -> String {
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    let mut cursor = start;
    for &(mark_start, mark_end) in marks {
        if mark_end <= start || mark_start >= end {
            continue;
        }
        let mark_start = mark_start.max(cursor);
        let mark_end = mark_end.min(end);
        out.push_str(&escape(&text[cursor..mark_start]));
        out.push_str("<mark>");
        out.push_str(&escape(&text[mark_start..mark_end]));
        out.push_str("</mark>");
        cursor = mark_end;
    }
    out.push_str(&escape(&text[cursor..end]));
    if end < text.len() {
        out.push('…');
    }
    out
}

/// Escapes text for HTML.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}
