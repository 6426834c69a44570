//! Japanese text analysis shared by indexing and querying.
//!
//! Text is normalised ([`crate::normalize`]), segmented by lindera with IPADIC plus a user
//! dictionary of domain compounds, and particles, auxiliaries and punctuation are dropped.
//! A character-bigram analysis keeps unknown compounds findable.

pub mod dictionary;
pub mod tokenizers;

use crate::normalize::NormalizedText;
use lindera::dictionary::{Lattice, UserDictionary, load_dictionary};
use lindera::mode::Mode;
use lindera::segmenter::Segmenter;
use lindera::token::Token;
use lindera_dictionary::builder::DictionaryBuilder;
use lindera_dictionary::dictionary::DetailFields;
use std::borrow::Cow;
use std::path::Path;
use std::sync::{Arc, Mutex};

pub use dictionary::DictionaryError;

/// One analysed token, with its byte range in the ORIGINAL text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnalyzedToken {
    /// The normalised term as indexed.
    pub term: String,
    /// Byte offset in the original text.
    pub start: usize,
    /// Byte offset just past the token in the original text.
    pub end: usize,
}

/// The Japanese analyser: lindera over normalised text.
#[derive(Clone)]
pub struct Analyzer {
    segmenter: Arc<Segmenter>,
    /// Viterbi lattices of finished segmentations, reused by the next ones so that a
    /// segmentation does not allocate its lattice afresh (one per thread analysing at once).
    lattices: Arc<Mutex<Vec<Lattice>>>,
}

impl std::fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Analyzer")
    }
}

/// Most idle lattices kept for reuse.
const MAX_IDLE_LATTICES: usize = 16;

/// Parts of speech that carry no search meaning on their own.
const DROPPED_PARTS_OF_SPEECH: [&str; 4] = ["助詞", "助動詞", "記号", "接続詞"];

impl Analyzer {
    /// Loads the compiled dictionary in `dictionary_dir` and adds `user_terms` as single words.
    pub fn load(dictionary_dir: &Path, user_terms: &[String]) -> Result<Analyzer, DictionaryError> {
        let dictionary_path = dictionary_dir.to_string_lossy();
        let dictionary =
            load_dictionary(&dictionary_path).map_err(|e| DictionaryError::Lindera {
                action: "load",
                message: e.to_string(),
            })?;
        let user_dictionary = build_user_dictionary(user_terms)?;
        let segmenter = Segmenter::new(Mode::Normal, dictionary, user_dictionary);
        Ok(Analyzer {
            segmenter: Arc::new(segmenter),
            lattices: Arc::new(Mutex::new(Vec::new())),
        })
    }

    /// Analyses text into searchable terms with original offsets.
    pub fn analyze(&self, text: &str) -> Vec<AnalyzedToken> {
        self.searchable_terms_of(text, None)
    }

    /// Analyses text as [`Analyzer::analyze`] does, and also gives the byte range of each
    /// kept token in the normalised text, from which [`tokens_from_spans`] gives the same
    /// tokens again without segmenting the text.
    pub fn analyze_with_spans(&self, text: &str) -> (Vec<AnalyzedToken>, Vec<(usize, usize)>) {
        let mut spans = Vec::new();
        let tokens = self.searchable_terms_of(text, Some(&mut spans));
        (tokens, spans)
    }

    /// The searchable terms of `text`, each token's range in the normalised text added to
    /// `spans` when given.
    fn searchable_terms_of(
        &self,
        text: &str,
        spans: Option<&mut Vec<(usize, usize)>>,
    ) -> Vec<AnalyzedToken> {
        let normalized = NormalizedText::new(text);
        let mut lattice = self.take_lattice();
        let segmented = self
            .segmenter
            .segment_with_lattice(Cow::Borrowed(normalized.text.as_str()), &mut lattice);
        let out = match segmented {
            Ok(tokens) => searchable_terms(&normalized, &tokens, spans),
            Err(_) => Vec::new(),
        };
        self.put_lattice(lattice);
        out
    }

    /// An idle lattice of this analyser's segmenter, or a new one.
    fn take_lattice(&self) -> Lattice {
        self.lattices
            .lock()
            .ok()
            .and_then(|mut idle| idle.pop())
            .unwrap_or_default()
    }

    /// Keeps a lattice for the next segmentation.
    fn put_lattice(&self, lattice: Lattice) {
        if let Ok(mut idle) = self.lattices.lock()
            && idle.len() < MAX_IDLE_LATTICES
        {
            idle.push(lattice);
        }
    }
}

/// The tokens worth searching for, with their ranges in the original text: not blank, with a
/// letter or digit, and not a particle, auxiliary, symbol or conjunction unless they hold a
/// latin letter or a digit.
/// The byte range of each kept token in the normalised text is added to `spans` when given.
fn searchable_terms(
    normalized: &NormalizedText,
    tokens: &[Token<'_>],
    mut spans: Option<&mut Vec<(usize, usize)>>,
) -> Vec<AnalyzedToken> {
    let mut out = Vec::with_capacity(tokens.len());
    for token in tokens {
        let surface = token.surface.trim();
        if surface.is_empty() || !surface.chars().any(is_letter_or_digit) {
            continue;
        }
        let has_latin_or_digit = surface.chars().any(|c| c.is_ascii_alphanumeric());
        if !has_latin_or_digit && DROPPED_PARTS_OF_SPEECH.contains(&part_of_speech(token)) {
            continue;
        }
        if let Some(spans) = spans.as_deref_mut() {
            spans.push((token.byte_start, token.byte_end));
        }
        out.push(token_at(
            normalized,
            token.byte_start,
            token.byte_end,
            surface,
        ));
    }
    out
}

/// The analysed token whose surface (`surface`, trimmed) stands at `start..end` of the
/// normalised text.
fn token_at(normalized: &NormalizedText, start: usize, end: usize, surface: &str) -> AnalyzedToken {
    let (start, end) = normalized.original_range(start, end);
    AnalyzedToken {
        term: surface.to_string(),
        start,
        end,
    }
}

/// The tokens [`Analyzer::analyze_with_spans`] gave for `text`, made again from the byte
/// ranges it gave in the normalised text, without segmenting it; `None` when a range does
/// not fall on the normalised text's char boundaries (the spans are not of this text).
pub fn tokens_from_spans(text: &str, spans: &[(usize, usize)]) -> Option<Vec<AnalyzedToken>> {
    let normalized = NormalizedText::new(text);
    spans
        .iter()
        .map(|&(start, end)| {
            let surface = normalized.text.get(start..end)?.trim();
            Some(token_at(&normalized, start, end, surface))
        })
        .collect()
}

/// The part of speech of a token (its first detail field), read straight from the dictionary
/// that holds the word, without copying the token's details.
fn part_of_speech<'a>(token: &Token<'a>) -> &'a str {
    let id = token.word_id.id() as usize;
    let mut fields = if token.word_id.is_unknown() {
        token.dictionary.unknown_word_details_iter(id)
    } else if token.word_id.is_system() {
        token.dictionary.word_details_iter(id)
    } else {
        match token.user_dictionary {
            Some(user) => user.word_details_iter(id),
            None => DetailFields::unk(),
        }
    };
    fields.next().unwrap_or("*")
}

/// Character bigrams of normalised text, over runs of letters and digits; a run of one
/// character yields that character.
pub fn bigrams(text: &str) -> Vec<AnalyzedToken> {
    let normalized = NormalizedText::new(text);
    let spans = normalized.char_spans();
    let letters: Vec<bool> = normalized.text.chars().map(is_letter_or_digit).collect();
    let byte_at = |index: usize| spans.get(index).map_or(normalized.text.len(), |s| s.0);
    let mut out = Vec::with_capacity(spans.len());
    let mut run_start = 0;
    while run_start < letters.len() {
        if !letters[run_start] {
            run_start += 1;
            continue;
        }
        let run_end = letters[run_start..]
            .iter()
            .position(|letter| !letter)
            .map_or(letters.len(), |length| run_start + length);
        let width = if run_end - run_start == 1 { 1 } else { 2 };
        for from in run_start..=run_end - width {
            let to = from + width;
            let start = spans[from].1;
            out.push(AnalyzedToken {
                term: normalized.text[byte_at(from)..byte_at(to)].to_string(),
                start,
                end: spans[to - 1].2.max(start),
            });
        }
        run_start = run_end;
    }
    out
}

/// `char::is_alphanumeric`, answered without a table lookup for ASCII, kana and the common
/// CJK ideographs.
fn is_letter_or_digit(ch: char) -> bool {
    match ch {
        _ if ch.is_ascii() => ch.is_ascii_alphanumeric(),
        '\u{3041}'..='\u{3096}' | '\u{30A1}'..='\u{30FA}' | '\u{4E00}'..='\u{9FFF}' => true,
        _ => ch.is_alphanumeric(),
    }
}

/// Builds lindera's simple user dictionary (surface, part of speech, reading) from terms.
fn build_user_dictionary(terms: &[String]) -> Result<Option<UserDictionary>, DictionaryError> {
    let mut csv = String::new();
    let mut seen = std::collections::BTreeSet::new();
    for term in terms {
        let term = crate::normalize::for_matching(term);
        let is_compound =
            term.chars().count() >= 2 && !term.contains([',', '"', '\n']) && !term.is_ascii();
        if is_compound && seen.insert(term.clone()) {
            csv.push_str(&format!("{term},カスタム名詞,*\n"));
        }
    }
    if csv.is_empty() {
        return Ok(None);
    }
    let builder = DictionaryBuilder::new(dictionary::ipadic_metadata()?);
    builder
        .build_user_dict_from_reader(csv.as_bytes())
        .map(Some)
        .map_err(|e| DictionaryError::Lindera {
            action: "user dictionary",
            message: e.to_string(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_off_the_texts_char_boundaries_give_no_tokens() {
        assert_eq!(tokens_from_spans("予算額", &[(0, 1)]), None);
        assert_eq!(tokens_from_spans("予算額", &[(0, 30)]), None);
        let tokens = tokens_from_spans("Ｒ６　予算", &[(0, 2), (3, 9)]).unwrap();
        let terms: Vec<&str> = tokens.iter().map(|t| t.term.as_str()).collect();
        assert_eq!(terms, ["r6", "予算"]);
        assert_eq!((tokens[0].start, tokens[0].end), (0, 6));
    }

    proptest::proptest! {
        #[test]
        fn bigrams_map_back_as_their_normalised_ranges_do(text in "[a-zA-Z0-9 東京都ＡＢ１２、・（）\\PC]{0,40}") {
            let normalized = NormalizedText::new(&text);
            let chars: Vec<(usize, char)> = normalized.text.char_indices().collect();
            let byte_at = |i: usize| chars.get(i).map_or(normalized.text.len(), |c| c.0);
            let mut expected = Vec::new();
            let mut index = 0;
            while index < chars.len() {
                let run = chars[index..].iter().take_while(|c| c.1.is_alphanumeric()).count();
                let windows = match run {
                    0 => Vec::new(),
                    1 => vec![(index, index + 1)],
                    _ => (index..index + run - 1).map(|i| (i, i + 2)).collect(),
                };
                for (from, to) in windows {
                    let (start, end) = normalized.original_range(byte_at(from), byte_at(to));
                    expected.push((normalized.text[byte_at(from)..byte_at(to)].to_string(), start, end));
                }
                index += run.max(1);
            }
            let actual: Vec<(String, usize, usize)> =
                bigrams(&text).into_iter().map(|t| (t.term, t.start, t.end)).collect();
            proptest::prop_assert_eq!(actual, expected);
        }
    }

    #[test]
    fn letters_and_digits_are_alphanumeric_chars() {
        for ch in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_letter_or_digit(ch), ch.is_alphanumeric(), "{ch:?}");
        }
    }

    #[test]
    fn bigrams_cover_runs_and_map_offsets() {
        let text = "量子暗号 Q K D";
        let grams: Vec<String> = bigrams(text).into_iter().map(|t| t.term).collect();
        assert_eq!(grams, ["量子", "子暗", "暗号", "qk", "kd"]);
        for gram in bigrams("全角ＡＢＣ") {
            assert!(gram.end <= "全角ＡＢＣ".len());
        }
        let spaced = "a 東 Q K D、ＸＹ";
        let grams: Vec<(String, &str)> = bigrams(spaced)
            .into_iter()
            .map(|t| (t.term, &spaced[t.start..t.end]))
            .collect();
        let expected = [
            ("a", "a"),
            ("東", "東"),
            ("qk", "Q K"),
            ("kd", "K D"),
            ("xy", "ＸＹ"),
        ];
        assert_eq!(grams.len(), expected.len(), "{grams:?}");
        for ((term, original), (want_term, want_original)) in grams.iter().zip(expected) {
            assert_eq!((term.as_str(), *original), (want_term, want_original));
        }
    }
}
