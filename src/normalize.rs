//! Text normalisation shared by indexing, querying and extraction.
//!
//! NFKC folds full-width digits and letters (`３．７億円` → `3.7億円`), latin is lower-cased
//! for matching, and the PDF artefact of spaced-out letters (`A P N`, `Q K D`) is joined.
//! [`NormalizedText`] keeps a map back to the original byte offsets so that highlights and
//! quotes always point into the text as written.

use std::borrow::Cow;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

/// NFKC-normalises text (no case folding).
pub fn nfkc(text: &str) -> String {
    nfkc_cow(text).into_owned()
}

/// Whether `c` is a decimal digit, ASCII or full-width (`7`, `７`).
pub fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Whether `c` is a CJK ideograph (`区`, `分`).
pub fn is_kanji(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// Whether `c` is set wide, two columns of a fixed-width line (kana, kanji, hangul,
/// full-width forms and East Asian punctuation), as Unicode's East Asian Width gives it.
pub fn is_wide(c: char) -> bool {
    unicode_width::UnicodeWidthChar::width(c) == Some(2)
}

/// NFKC-normalised text, borrowed when `text` is already in NFKC (as most text is) and so
/// comes out of NFKC unchanged.
pub fn nfkc_cow(text: &str) -> Cow<'_, str> {
    let common = text.chars().all(|ch| common_char(ch).is_some());
    if common || is_nfkc_quick(text.chars()) == IsNormalized::Yes {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.nfkc().collect())
    }
}

/// Normalised text for matching: NFKC, lower-case latin, spaced letters joined.
pub fn for_matching(text: &str) -> String {
    NormalizedText::new(text).text
}

/// Normalised text with, for every char, the byte range it came from in the original.
#[derive(Debug, Clone)]
pub struct NormalizedText {
    /// The normalised text.
    pub text: String,
    /// `(normalised byte offset, original byte offset, original byte end)` per normalised char.
    spans: Vec<(usize, usize, usize)>,
    original_len: usize,
}

impl NormalizedText {
    /// Normalises `original` char by char, so that offsets can be mapped back.
    pub fn new(original: &str) -> NormalizedText {
        let mut chars: Vec<(char, usize, usize)> = Vec::with_capacity(original.len());
        for (offset, ch) in original.char_indices() {
            let end = offset + ch.len_utf8();
            if let Some(same) = common_char(ch) {
                chars.push((same, offset, end));
                continue;
            }
            for folded in std::iter::once(ch).nfkc() {
                for lower in folded.to_lowercase() {
                    let lower = if lower.is_whitespace() { ' ' } else { lower };
                    chars.push((lower, offset, end));
                }
            }
        }
        let chars = join_spaced_letters(chars);
        let mut text = String::with_capacity(original.len());
        let mut spans = Vec::with_capacity(chars.len());
        for (ch, start, end) in chars {
            spans.push((text.len(), start, end));
            text.push(ch);
        }
        NormalizedText {
            text,
            spans,
            original_len: original.len(),
        }
    }

    /// For each char of the normalised text, in order: its byte offset in the normalised text
    /// and the byte range it came from in the original.
    pub fn char_spans(&self) -> &[(usize, usize, usize)] {
        &self.spans
    }

    /// Maps a normalised byte range back to the original byte range it covers.
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        let first = self.spans.partition_point(|(n, _, _)| *n < start);
        let last = self.spans.partition_point(|(n, _, _)| *n < end);
        let original_start = self
            .spans
            .get(first)
            .map(|s| s.1)
            .unwrap_or(self.original_len);
        let original_end = if last == 0 {
            original_start
        } else {
            self.spans
                .get(last - 1)
                .map(|s| s.2)
                .unwrap_or(self.original_len)
        };
        (original_start, original_end.max(original_start))
    }
}

/// What normalisation makes of `ch` when it is one of the common chars it leaves as they are
/// or only lower-cases — ASCII, Japanese punctuation and brackets, kana, CJK ideographs —
/// without running NFKC; `None` for any other char.
fn common_char(ch: char) -> Option<char> {
    match ch {
        _ if ch.is_ascii() => Some(if ch.is_whitespace() {
            ' '
        } else {
            ch.to_ascii_lowercase()
        }),
        '\u{3001}'..='\u{3002}'
        | '\u{300C}'..='\u{300F}'
        | '\u{3041}'..='\u{3096}'
        | '\u{3005}'
        | '\u{3010}'..='\u{3011}'
        | '\u{30A1}'..='\u{30FA}'
        | '\u{30FB}'..='\u{30FC}'
        | '\u{4E00}'..='\u{9FFF}' => Some(ch),
        _ => None,
    }
}

/// Removes the single spaces between runs of lone ASCII letters or digits (`a p n` → `apn`,
/// `2 0 3 0` → `2030`), as left by PDF text extraction of letter-spaced words.
fn join_spaced_letters(mut chars: Vec<(char, usize, usize)>) -> Vec<(char, usize, usize)> {
    let is_lone = |chars: &[(char, usize, usize)], index: usize| -> bool {
        let alnum =
            |i: Option<&(char, usize, usize)>| i.is_some_and(|c| c.0.is_ascii_alphanumeric());
        alnum(chars.get(index))
            && !alnum(index.checked_sub(1).and_then(|i| chars.get(i)))
            && !alnum(chars.get(index + 1))
    };
    let joined: Vec<usize> = (1..chars.len().saturating_sub(1))
        .filter(|&index| {
            chars[index].0 == ' ' && is_lone(&chars, index - 1) && is_lone(&chars, index + 1)
        })
        .collect();
    if joined.is_empty() {
        return chars;
    }
    let mut next_joined = joined.into_iter().peekable();
    let mut index = 0;
    chars.retain(|_| {
        let keep = next_joined.next_if_eq(&index).is_none();
        index += 1;
        keep
    });
    chars
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn folds_width_case_and_spaced_letters() {
        assert_eq!(for_matching("３．７億円"), "3.7億円");
        assert_eq!(for_matching("東京Q K Dネットワーク"), "東京qkdネットワーク");
        assert_eq!(for_matching("A P Nの整備"), "apnの整備");
        assert_eq!(for_matching("計画 2 0 3 0 に係る"), "計画 2030 に係る");
        assert_eq!(for_matching("Beyond 5G"), "beyond 5g");
        assert_eq!(for_matching("ＩＣＴ分野"), "ict分野");
    }

    #[test]
    fn nfkc_composes_and_folds_what_it_does_not_borrow() {
        assert_eq!(nfkc("か\u{3099}【計画】・データ"), "が【計画】・データ");
        assert_eq!(nfkc("（２０３０年）"), "(2030年)");
        assert!(matches!(nfkc_cow("政策・評価【概要】"), Cow::Borrowed(_)));
    }

    #[test]
    fn maps_back_to_original_offsets() {
        let original = "東京Q K Dネットワーク";
        let normalized = NormalizedText::new(original);
        let start = normalized.text.find("qkd").unwrap_or(0);
        let (a, b) = normalized.original_range(start, start + 3);
        assert_eq!(&original[a..b], "Q K D");
    }

    #[test]
    fn common_chars_normalise_as_nfkc_and_lower_case_do() {
        for ch in (0..=0x10FFFF).filter_map(char::from_u32) {
            let Some(fast) = common_char(ch) else {
                continue;
            };
            let slow: Vec<char> = std::iter::once(ch)
                .nfkc()
                .flat_map(char::to_lowercase)
                .map(|c| if c.is_whitespace() { ' ' } else { c })
                .collect();
            assert_eq!(slow, [fast], "{ch:?}");
        }
    }

    proptest! {
        #[test]
        fn nfkc_borrows_only_what_nfkc_leaves_alone(text in "\\PC{0,60}") {
            let full: String = text.nfkc().collect();
            prop_assert_eq!(nfkc(&text), full);
        }

        #[test]
        fn idempotent_and_offsets_on_boundaries(text in "\\PC{0,60}") {
            let once = for_matching(&text);
            prop_assert_eq!(for_matching(&once), once.clone());
            let normalized = NormalizedText::new(&text);
            for end in 0..=normalized.text.len() {
                if normalized.text.is_char_boundary(end) {
                    let (a, b) = normalized.original_range(0, end);
                    prop_assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
                }
            }
        }
    }
}
