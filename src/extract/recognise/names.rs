//! Names as written: markup removed, NFKC, PDF letter-spacing undone, list markers trimmed,
//! and loose keys and bigram overlap for comparing two spellings of one name.

use crate::normalize::{for_matching, nfkc};
use regex::Regex;
use std::sync::LazyLock;

static TAG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"<[^<>]*>").expect("tag pattern"));

/// Removes HTML tags and markdown bold markers, replacing tags with a space.
pub fn strip_markup(text: &str) -> String {
    TAG.replace_all(text, " ").replace("**", "")
}

/// A display name: markup removed, NFKC, PDF letter-spacing undone, spaces collapsed, list
/// markers trimmed. Spaces survive only between two ASCII words (`Beyond 5G`).
pub fn clean_name(raw: &str) -> String {
    let text = nfkc(&strip_markup(raw));
    let chars: Vec<char> = text.chars().collect();
    let is_word = |c: Option<&char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    let lone = |i: usize| -> bool {
        !is_word(i.checked_sub(1).and_then(|j| chars.get(j))) && !is_word(chars.get(i + 1))
    };
    let mut out = String::with_capacity(text.len());
    let mut index = 0;
    while index < chars.len() {
        let ch = chars[index];
        if !ch.is_whitespace() {
            out.push(ch);
            index += 1;
            continue;
        }
        let run_start = index;
        while index < chars.len() && chars[index].is_whitespace() {
            index += 1;
        }
        let (Some(prev), Some(next)) = (run_start.checked_sub(1), chars.get(index)) else {
            continue;
        };
        let both_words = chars[prev].is_ascii_alphanumeric() && next.is_ascii_alphanumeric();
        let spaced_letters =
            run_start - prev == 1 && index - run_start == 1 && lone(prev) && lone(index);
        if both_words && !spaced_letters {
            out.push(' ');
        }
    }
    trim_markers(&out).to_string()
}

/// Trims list markers (`- `, `・`, `－`, `○`) and white space from both ends.
pub fn trim_markers(text: &str) -> &str {
    let mut text = text.trim();
    loop {
        let next = text
            .trim_start_matches(['-', '・', '－', '○', '●', '■', '◆', '※', ' ', '\u{3000}'])
            .trim_end_matches(['・', ' ', '\u{3000}']);
        if next == text {
            return text;
        }
        text = next;
    }
}

/// A key for comparing names: matching-normalised with everything but letters and digits removed.
pub fn loose_key(text: &str) -> String {
    for_matching(&strip_markup(text))
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// Overlap coefficient of the char bigrams of two loose keys (0.0 ..= 1.0).
pub fn bigram_overlap(a: &str, b: &str) -> f64 {
    let grams = |s: &str| -> Vec<(char, char)> {
        let chars: Vec<char> = loose_key(s).chars().collect();
        let mut grams: Vec<(char, char)> = chars.windows(2).map(|w| (w[0], w[1])).collect();
        grams.sort_unstable();
        grams.dedup();
        grams
    };
    let (ga, gb) = (grams(a), grams(b));
    let smaller = ga.len().min(gb.len());
    if smaller == 0 {
        return 0.0;
    }
    let shared = ga.iter().filter(|g| gb.binary_search(g).is_ok()).count();
    shared as f64 / smaller as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_name_undoes_letter_spacing() {
        assert_eq!(
            clean_name("データセンター等におけるA P Nの整備"),
            "データセンター等におけるAPNの整備"
        );
        assert_eq!(
            clean_name("デジタルインフラ整備計画 2 0 3 0"),
            "デジタルインフラ整備計画2030"
        );
        assert_eq!(
            clean_name("革新的情報通信技術 (Beyond 5G (6G)) 基金事業"),
            "革新的情報通信技術(Beyond 5G(6G))基金事業"
        );
        assert_eq!(clean_name("<p>・エッジ AI の普及</p>"), "エッジAIの普及");
        assert_eq!(clean_name("I o T 機器"), "IoT機器");
    }
}
